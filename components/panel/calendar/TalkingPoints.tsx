import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_SHORT_TEXT, type TalkingPoint } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { checkTypedText } from './use-calendar-actions';
import type { ActionResult, Direction } from './view-types';
import { AlertLine } from '../AlertLine';
import { useJournalledLine } from '../../shared/line-journal';

type Author = TalkingPoint['author'];

export interface TalkingPointsProps {
  points: readonly TalkingPoint[];
  /** Whose points "Theirs" are, for labels ("Theirs (Bob)"). */
  theirName: string;
  onAdd: (text: string, author: Author) => Promise<ActionResult>;
  onMove: (id: string, direction: Direction) => Promise<ActionResult>;
  onSetStatus: (id: string, status: 'discussed' | 'dropped') => Promise<ActionResult>;
  /**
   * The 1:1 whose points these are: a point typed but not added is journalled under it (`line-journal.ts`),
   * so switching events, closing the panel or a reload loses nothing, and each 1:1 has its own line.
   */
  relationshipId?: string;
}

/** The agenda for the next 1:1: add (mine or theirs), reorder, mark discussed or drop. */
export function TalkingPoints({
  points,
  theirName,
  onAdd,
  onMove,
  onSetStatus,
  relationshipId,
}: TalkingPointsProps) {
  const [text, setText] = useJournalledLine(relationshipId ? `talking-points:${relationshipId}` : null);
  const [author, setAuthor] = useState<Author>('me');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // After a move the list re-renders in the new order: put focus back on the moved point's button.
  const refocus = useRef<{ id: string; direction: Direction; from: string } | null>(null);
  const order = points.map((p) => p.id);
  const orderKey = order.join('\n');

  useEffect(() => {
    const wanted = refocus.current;
    // Only once the list shows the new order (the point's element may move in the DOM, and lose focus).
    if (!wanted || !list.current || wanted.from === orderKey) return;
    const item = [...list.current.querySelectorAll<HTMLElement>('[data-testid="talking-point-item"]')].find(
      (element) => element.dataset.pointId === wanted.id,
    );
    const other: Direction = wanted.direction === 'up' ? 'down' : 'up';
    const button =
      item?.querySelector<HTMLButtonElement>(
        `[data-testid="talking-point-${wanted.direction}"]:not([disabled])`,
      ) ?? item?.querySelector<HTMLButtonElement>(`[data-testid="talking-point-${other}"]:not([disabled])`);
    // The new order can arrive while the move is still busy (its buttons disabled): wait for the next render.
    if (!button) return;
    refocus.current = null;
    // Never take focus from where the user has since put it (only from nowhere, or from within the list).
    const active = document.activeElement;
    if (active && active !== document.body && !list.current.contains(active)) return;
    button.focus();
  }, [orderKey, busy]);

  const run = async (work: () => Promise<ActionResult>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) setError(result.message);
    return result.ok;
  };

  const add = async (event: Event) => {
    event.preventDefault();
    refocus.current = null;
    const submitted = text;
    // Blank or too long: said here, the text kept in the box (it has no `maxLength` to cut a paste short).
    const invalid = checkTypedText(submitted, MAX_SHORT_TEXT, t('panel_error_point_empty'));
    if (invalid) {
      setError(invalid.ok ? null : invalid.message);
      return;
    }
    if (await run(() => onAdd(submitted, author))) {
      // Only what was added leaves the box: text typed while it was saving stays.
      setText((current) => (current === submitted ? '' : current));
      input.current?.focus();
    }
  };

  const move = (id: string, direction: Direction) => {
    refocus.current = { id, direction, from: orderKey };
    void run(() => onMove(id, direction)).then((ok) => {
      if (!ok) refocus.current = null;
    });
  };

  const close = (id: string, status: 'discussed' | 'dropped') => {
    refocus.current = null;
    void run(() => onSetStatus(id, status)).then((ok) => {
      if (ok) heading.current?.focus();
    });
  };

  return (
    <section class="cal-section" data-testid="talking-points" aria-labelledby="cal-points-title">
      <div class="cal-section-head">
        <h2 id="cal-points-title" class="cal-section-title" tabIndex={-1} ref={heading}>
          {t('panel_points_title')}
        </h2>
        <span class="duet-muted cal-small">{t('panel_points_for_next')}</span>
      </div>
      {points.length === 0 ? (
        <p class="duet-muted cal-empty-line" data-testid="talking-points-empty">
          {t('panel_points_empty')}
        </p>
      ) : (
        <ul class="cal-list" ref={list}>
          {points.map((point, index) => (
            <li
              key={point.id}
              class="cal-item cal-point"
              data-testid="talking-point-item"
              data-point-id={point.id}
              data-author={point.author}
            >
              <div class="cal-point-main">
                <span class="cal-point-text" data-testid="talking-point-text">
                  {point.text}
                </span>
                {point.author === 'them' ? (
                  <span class="cal-theirs" data-testid="talking-point-theirs">
                    {t('panel_points_theirs')}
                  </span>
                ) : null}
              </div>
              <div class="cal-actions">
                <button
                  type="button"
                  class="cal-icon-button"
                  data-testid="talking-point-up"
                  disabled={busy || index === 0}
                  onClick={() => move(point.id, 'up')}
                >
                  <span aria-hidden="true">↑</span>
                  <span class="cal-sr-only">{t('panel_points_move_up', point.text)}</span>
                </button>
                <button
                  type="button"
                  class="cal-icon-button"
                  data-testid="talking-point-down"
                  disabled={busy || index === points.length - 1}
                  onClick={() => move(point.id, 'down')}
                >
                  <span aria-hidden="true">↓</span>
                  <span class="cal-sr-only">{t('panel_points_move_down', point.text)}</span>
                </button>
                <button
                  type="button"
                  class="cal-button cal-button-small cal-button-quiet"
                  data-testid="talking-point-discussed"
                  aria-label={t('panel_points_discussed_named', point.text)}
                  disabled={busy}
                  onClick={() => close(point.id, 'discussed')}
                >
                  {t('panel_points_discussed')}
                </button>
                <button
                  type="button"
                  class="cal-button cal-button-small cal-button-quiet"
                  data-testid="talking-point-drop"
                  aria-label={t('panel_agreement_drop_named', point.text)}
                  disabled={busy}
                  onClick={() => close(point.id, 'dropped')}
                >
                  {t('panel_agreement_drop')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form class="cal-add-point" onSubmit={(event) => void add(event)} data-testid="talking-point-form">
        <label for="cal-point-input" class="cal-label">
          {t('panel_points_add_label')}
        </label>
        <input
          ref={input}
          id="cal-point-input"
          type="text"
          class="cal-input"
          data-testid="talking-point-input"
          value={text}
          placeholder={
            author === 'me'
              ? t('panel_points_placeholder_mine')
              : theirName
                ? t('panel_points_placeholder_theirs', theirName)
                : t('panel_points_placeholder_they')
          }
          onInput={(event) => setText(event.currentTarget.value)}
          aria-describedby={error ? 'cal-point-error' : undefined}
          aria-invalid={error ? 'true' : undefined}
        />
        <div class="cal-add-row">
          <div class="cal-toggle" role="group" aria-label={t('panel_points_who')}>
            <button
              type="button"
              class="cal-toggle-button"
              aria-pressed={author === 'me'}
              data-testid="talking-point-mine"
              onClick={() => setAuthor('me')}
            >
              {t('panel_points_mine')}
            </button>
            <button
              type="button"
              class="cal-toggle-button"
              aria-pressed={author === 'them'}
              data-testid="talking-point-theirs-toggle"
              onClick={() => setAuthor('them')}
            >
              {t('panel_points_theirs')}
            </button>
          </div>
          <button
            type="submit"
            class="cal-button cal-button-small"
            data-testid="talking-point-add"
            disabled={busy}
          >
            {t('panel_add')}
          </button>
        </div>
        <AlertLine message={error} id="cal-point-error" testId="talking-point-error" />
      </form>
    </section>
  );
}
