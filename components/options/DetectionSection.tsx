/**
 * Detection rules (extra and excluded title words, the largest meeting) and the per-series overrides:
 * series the user said are not 1:1s, and series linked to a 1:1.
 */
import { namingOf, relationshipLabel, unignoreSeries, unlinkSeries, updateDetectionRules } from '@/lib/db';
import type { Relationship, Settings } from '@/lib/domain/model';
import { t, tn } from '@/lib/i18n';
import { ActionMessage } from './ActionMessage';
import { KeywordList } from './KeywordList';
import { OptionsSection } from './OptionsSection';
import { isUntitledSeries, seriesLabel } from './options-text';
import { usePeopleById } from './relationship-text';
import { useAction } from './use-action';
import { useSyncedDraft } from './use-synced-draft';

interface DetectionProps {
  settings: Settings;
  /** Every relationship, archived included (their linked series are listed). */
  relationships: readonly Relationship[];
  onDataChanged: () => void;
}

export function DetectionSection({ settings, relationships, onDataChanged }: DetectionProps) {
  const rules = settings.detection;
  const saveRules = async (
    patch:
      Partial<Settings['detection']> | ((current: Settings['detection']) => Partial<Settings['detection']>),
  ) => {
    await updateDetectionRules(patch);
    onDataChanged();
  };

  return (
    <OptionsSection id="detection" title={t('options_detection_title')} intro={t('options_detection_intro')}>
      <KeywordList
        id="include-keywords"
        label={t('options_include_label')}
        hint={t('options_include_hint')}
        keywords={rules.includeKeywords}
        otherKeywords={rules.excludeKeywords}
        otherListName={t('options_exclude_label')}
        onChange={(update) => saveRules((current) => ({ includeKeywords: update(current.includeKeywords) }))}
      />
      <KeywordList
        id="exclude-keywords"
        label={t('options_exclude_label')}
        hint={t('options_exclude_hint')}
        keywords={rules.excludeKeywords}
        otherKeywords={rules.includeKeywords}
        otherListName={t('options_include_label')}
        onChange={(update) => saveRules((current) => ({ excludeKeywords: update(current.excludeKeywords) }))}
      />
      <MaxGuests value={rules.maxGuests} onSave={(maxGuests) => saveRules({ maxGuests })} />
      <SeriesOverrides settings={settings} relationships={relationships} onDataChanged={onDataChanged} />
    </OptionsSection>
  );
}

function MaxGuests({ value, onSave }: { value: number; onSave: (value: number) => Promise<void> }) {
  const [draft, setDraft] = useSyncedDraft(String(value));
  const action = useAction();
  const save = () => {
    const number = Number(draft);
    if (!/^\d+$/.test(draft.trim()) || number < 2 || number > 10)
      return action.fail(t('options_max_guests_invalid'));
    if (number === value) return;
    void action.run(async () => {
      await onSave(number);
      return t('options_saved');
    });
  };
  return (
    <div class="options-subsection">
      <label class="options-label" for="max-guests">
        {t('options_max_guests_label')}
      </label>
      <p class="duet-muted options-hint" id="max-guests-hint">
        {t('options_max_guests_hint')}
      </p>
      <div class="options-inline">
        <input
          id="max-guests"
          class="number-input"
          type="number"
          min={2}
          max={10}
          step={1}
          value={draft}
          aria-describedby="max-guests-hint"
          aria-invalid={action.state.kind === 'error' ? 'true' : undefined}
          data-testid="max-guests"
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            if (action.state.kind === 'error') action.reset();
          }}
          onChange={save}
          onKeyDown={(e) => e.key === 'Enter' && save()}
        />
      </div>
      <ActionMessage state={action.state} testId="max-guests" />
    </div>
  );
}

function SeriesOverrides({ settings, relationships, onDataChanged }: DetectionProps) {
  const action = useAction();
  const people = usePeopleById();
  const linked = relationships.flatMap((relationship) =>
    relationship.calendarSeriesIds.map((seriesId, index) => ({
      relationship,
      seriesId,
      position: index + 1,
    })),
  );
  const untitledCount = settings.ignoredSeries.filter((id) =>
    isUntitledSeries(id, settings.seriesTitles),
  ).length;
  return (
    <div class="options-subsection">
      <h3>{t('options_overrides_title')}</h3>
      <p class="duet-muted options-hint">{t('options_overrides_intro')}</p>

      <h4 class="options-h4">{t('options_ignored_title')}</h4>
      {settings.ignoredSeries.length === 0 ? (
        <p class="duet-muted options-none" data-testid="ignored-empty">
          {t('options_ignored_none')}
        </p>
      ) : (
        <ul class="row-list" data-testid="ignored-series">
          {settings.ignoredSeries.map((seriesId, index, all) => {
            // Untitled series are told apart by their place in the list, where there are several of them.
            const place = untitledCount > 1 ? { position: index + 1, total: all.length } : undefined;
            const label = seriesLabel(seriesId, settings.seriesTitles, place);
            return (
              <li key={seriesId} class="row" data-testid="ignored-row" data-series-id={seriesId}>
                <span class="row-main">
                  <span class="row-title">{label}</span>
                  <span class="duet-chip muted-chip">{t('options_ignored_chip')}</span>
                </span>
                <button
                  type="button"
                  class="options-button small"
                  aria-label={t('options_ignored_remove_label', label)}
                  onClick={() =>
                    void action.run(async () => {
                      await unignoreSeries(seriesId);
                      onDataChanged();
                      return t('options_ignored_removed', label);
                    })
                  }
                >
                  {t('options_ignored_remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <h4 class="options-h4">{t('options_linked_title')}</h4>
      {linked.length === 0 ? (
        <p class="duet-muted options-none" data-testid="linked-empty">
          {t('options_linked_none')}
        </p>
      ) : (
        <ul class="row-list" data-testid="linked-series">
          {linked.map(({ relationship, seriesId, position }) => {
            // By its people and title: two reports' 1:1s both titled "1:1" read (and are announced) apart.
            const title = relationshipLabel(namingOf(relationship, people)) || t('options_untitled');
            const known = settings.seriesTitles[seriesId];
            return (
              <li
                key={`${relationship.id}:${seriesId}`}
                class="row"
                data-testid="linked-row"
                data-series-id={seriesId}
              >
                <span class="row-main">
                  <span class="row-title">{title}</span>
                  <span class="duet-muted row-detail" data-testid="linked-detail">
                    {/* Its title in Calendar when Duet saw one; else, where the 1:1 has several series, its
                        place among them (never its id: that means nothing to anyone). */}
                    {known
                      ? known
                      : relationship.calendarSeriesIds.length > 1
                        ? tn('options_series_nth', relationship.calendarSeriesIds.length, position)
                        : t('options_series_only')}
                    {relationship.archived ? ` · ${t('options_archived')}` : ''}
                  </span>
                </span>
                <button
                  type="button"
                  class="options-button small"
                  aria-label={t('options_linked_remove_label', title)}
                  onClick={() =>
                    void action.run(async () => {
                      await unlinkSeries(relationship.id, seriesId);
                      onDataChanged();
                      return t('options_linked_removed', title);
                    })
                  }
                >
                  {t('options_linked_remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <ActionMessage state={action.state} testId="overrides" />
    </div>
  );
}
