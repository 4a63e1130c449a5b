/**
 * The agenda as a checklist: this session's talking points, ticked off as discussed; what is left
 * carries over to the next 1:1 on its own. A point can be added on the spot.
 */
import { useAddBox } from './kept-drafts';
import { MAX_SHORT_TEXT, type TalkingPoint } from '@/lib/domain/model';
import { t, tn } from '@/lib/i18n';
import { checkedAdd } from '../calendar/use-calendar-actions';
import type { ActionResult } from '../calendar/view-types';
import { AlertLine } from '../AlertLine';

export interface AgendaProps {
  points: readonly TalkingPoint[];
  theirName: string;
  ended: boolean;
  onToggle: (id: string, discussed: boolean) => Promise<ActionResult>;
  onAdd: (text: string) => Promise<ActionResult>;
}

export function Agenda({ points, theirName, ended, onToggle, onAdd }: AgendaProps) {
  // No `maxLength` on the box: a paste longer than a point can be stays whole, and is refused in words.
  const { text, setText, error, setError, add } = useAddBox(
    'agenda',
    checkedAdd(MAX_SHORT_TEXT, t('panel_error_point_empty'), onAdd),
    t('panel_error_point_empty'),
  );
  const open = points.filter((p) => p.status === 'open').length;

  const toggle = async (box: HTMLInputElement, id: string, discussed: boolean) => {
    const result = await onToggle(id, discussed);
    setError(result.ok ? null : result.message);
    // Not saved: the box goes back to what is stored.
    if (!result.ok) box.checked = !discussed;
  };

  return (
    <section class="cal-section" data-testid="agenda" aria-labelledby="ses-agenda-title">
      <div class="cal-section-head">
        <h2 id="ses-agenda-title" class="cal-section-title">
          {t('panel_agenda_title')}
        </h2>
        {points.length > 0 ? (
          <span class="duet-muted cal-small">
            {open === 0
              ? t('panel_agenda_all_discussed')
              : tn(ended ? 'panel_agenda_to_go_carried' : 'panel_agenda_to_go', open)}
          </span>
        ) : null}
      </div>
      {points.length === 0 ? (
        <p class="duet-muted cal-empty-line">{t('panel_agenda_empty')}</p>
      ) : (
        <ul class="cal-list">
          {points.map((point) => (
            <li class="cal-item ses-agenda-item" key={point.id} data-testid="agenda-item">
              <label class="ses-check">
                <input
                  type="checkbox"
                  checked={point.status === 'discussed'}
                  data-testid="agenda-discussed"
                  onChange={(event) =>
                    void toggle(event.currentTarget, point.id, event.currentTarget.checked)
                  }
                />
                <span class={point.status === 'discussed' ? 'ses-done-text' : ''}>{point.text}</span>
              </label>
              <span class="duet-muted cal-small">
                {point.author === 'me' ? t('panel_mine_lower') : theirName || t('panel_theirs_lower')}
                {point.status === 'open' && ended ? ` ${t('panel_agenda_carries_over')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {/* After the end, only while it holds a point being typed (the call ended mid-typing): add or clear it. */}
      {ended && text === '' ? null : (
        <form class="cal-add-row" onSubmit={(event) => void add(event)}>
          <label for="ses-agenda-add" class="cal-sr-only">
            {t('panel_points_add_label')}
          </label>
          <input
            id="ses-agenda-add"
            class="cal-input"
            placeholder={t('panel_points_add_label')}
            data-testid="agenda-add-input"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <button type="submit" class="cal-button cal-button-small">
            {t('panel_add')}
          </button>
        </form>
      )}
      <AlertLine message={error} />
    </section>
  );
}
