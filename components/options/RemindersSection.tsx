/** How often each kind of 1:1 should happen by default, and which reminders Duet may show. */
import { updateCadenceDefault, updateReminderSettings } from '@/lib/db';
import {
  type ReminderSettings,
  RelationshipKindSchema,
  type RelationshipKind,
  type Settings,
} from '@/lib/domain/model';
import { type MessageKey, t } from '@/lib/i18n';
import { ActionMessage } from './ActionMessage';
import { OptionsSection } from './OptionsSection';
import { kindLabel } from './options-text';
import { useAction } from './use-action';
import { useSyncedDraft } from './use-synced-draft';

const BEFORE_MINUTES = [5, 10, 15, 30, 60, 120, 240, 1440] as const;

type Switch = Exclude<keyof ReminderSettings, 'beforeMinutes'>;
const SWITCHES: ReadonlyArray<{ key: Switch; label: MessageKey; hint: MessageKey }> = [
  { key: 'beforeSession', label: 'options_reminder_before', hint: 'options_reminder_before_hint' },
  { key: 'afterHeld', label: 'options_reminder_after', hint: 'options_reminder_after_hint' },
  { key: 'cadenceGap', label: 'options_reminder_gap', hint: 'options_reminder_gap_hint' },
  { key: 'reschedule', label: 'options_reminder_reschedule', hint: 'options_reminder_reschedule_hint' },
  { key: 'overdueBadge', label: 'options_reminder_badge', hint: 'options_reminder_badge_hint' },
];

function minutesLabel(minutes: number): string {
  if (minutes % 60 === 0) return t('options_minutes_hours', minutes / 60);
  return t('options_minutes_minutes', minutes);
}

export function RemindersSection({
  settings,
  onDataChanged,
}: {
  settings: Settings;
  /** Tells the background: the toolbar badge follows its switch at once, not at the next alarm. */
  onDataChanged: () => void;
}) {
  const action = useAction();
  const reminders = settings.reminders;
  const save = (patch: Partial<ReminderSettings>) =>
    void action.run(async () => {
      await updateReminderSettings(patch);
      onDataChanged();
      return t('options_saved');
    });
  const minuteChoices = BEFORE_MINUTES.includes(reminders.beforeMinutes as (typeof BEFORE_MINUTES)[number])
    ? BEFORE_MINUTES
    : [...BEFORE_MINUTES, reminders.beforeMinutes].sort((a, b) => a - b);

  return (
    <OptionsSection id="reminders" title={t('options_reminders_title')} intro={t('options_reminders_intro')}>
      <div class="options-subsection">
        <h3>{t('options_cadence_title')}</h3>
        <p class="duet-muted options-hint">{t('options_cadence_intro')}</p>
        <div class="cadence-grid">
          {RelationshipKindSchema.options.map((kind) => (
            <CadenceField key={kind} kind={kind} days={settings.cadenceDays[kind] ?? 14} />
          ))}
        </div>
      </div>
      <div class="options-subsection">
        <h3>{t('options_reminders_switches')}</h3>
        <ul class="switch-list">
          {SWITCHES.map(({ key, label, hint }) => (
            <li key={key} class="switch-row">
              <label class="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={reminders[key]}
                  aria-describedby={`reminder-${key}-hint`}
                  data-testid={`reminder-${key}`}
                  onChange={(e) => save({ [key]: e.currentTarget.checked })}
                />
                <span class="switch-label">{t(label)}</span>
              </label>
              <p id={`reminder-${key}-hint`} class="duet-muted options-hint">
                {t(hint)}
              </p>
              {key === 'beforeSession' ? (
                <div class="options-inline nested">
                  <label for="reminder-before-minutes">{t('options_reminder_before_minutes')}</label>
                  <select
                    id="reminder-before-minutes"
                    value={String(reminders.beforeMinutes)}
                    disabled={!reminders.beforeSession}
                    data-testid="reminder-beforeMinutes"
                    onChange={(e) => save({ beforeMinutes: Number(e.currentTarget.value) })}
                  >
                    {minuteChoices.map((minutes) => (
                      <option key={minutes} value={String(minutes)}>
                        {minutesLabel(minutes)}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <ActionMessage state={action.state} testId="reminders" />
    </OptionsSection>
  );
}

function CadenceField({ kind, days }: { kind: RelationshipKind; days: number }) {
  const [draft, setDraft] = useSyncedDraft(String(days));
  const action = useAction();
  const save = () => {
    const value = Number(draft);
    if (!/^\d+$/.test(draft.trim()) || value < 1 || value > 365)
      return action.fail(t('options_cadence_invalid'));
    if (value === days) return;
    void action.run(async () => {
      await updateCadenceDefault(kind, value);
      return t('options_saved');
    });
  };
  const id = `cadence-${kind}`;
  return (
    <div class="cadence-field">
      <label for={id}>{kindLabel(kind)}</label>
      <span class="options-inline">
        <input
          id={id}
          class="number-input"
          type="number"
          min={1}
          max={365}
          value={draft}
          aria-invalid={action.state.kind === 'error' ? 'true' : undefined}
          aria-describedby={`${id}-unit`}
          data-testid={id}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            if (action.state.kind === 'error') action.reset();
          }}
          onChange={save}
          onKeyDown={(e) => e.key === 'Enter' && save()}
        />
        <span id={`${id}-unit`} class="duet-muted">
          {t('options_cadence_unit')}
        </span>
      </span>
      <ActionMessage state={action.state} testId={id} />
    </div>
  );
}
