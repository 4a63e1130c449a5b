/** The 1:1s of the next 7 days, each with its prep status: talking points queued, agreements looked at. */
import { useState } from 'preact/hooks';
import type { OffCalendar } from './declined-events';
import { FIRST_SCREEN, type PopupUpcoming, type PopupView, type PrepStatus } from '@/lib/db/popup-view';
import { t } from '@/lib/i18n';
import { formatDate } from '../shared/format';
import { tNodes } from '../panel/t-nodes';
import { moveFocus } from './list-keys';
import type { ActionResult } from './popup-actions';

export function formatWhen(instant: number): string {
  return formatDate(new Date(instant), {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** The two prep facts in words, and whether the 1:1 counts as prepared. */
export function prepText(prep: PrepStatus): { points: string; agreements: string; ready: boolean } {
  const points =
    prep.talkingPoints === 0
      ? t('popup_prep_no_points')
      : prep.talkingPoints === 1
        ? t('popup_prep_points_one')
        : t('popup_prep_points_other', prep.talkingPoints);
  const toReview = prep.openAgreements - prep.reviewed;
  const agreements =
    prep.openAgreements === 0
      ? t('popup_prep_no_agreements')
      : toReview === 0
        ? t('popup_prep_reviewed')
        : toReview === 1
          ? t('popup_prep_review_one')
          : t('popup_prep_review_other', toReview);
  return { points, agreements, ready: prep.talkingPoints > 0 && toReview === 0 };
}

/** Talking points queued? Agreements looked at? (Left out until read: a first-screen view beyond its 1:1s.) */
function Prep({ prep }: { prep: PrepStatus }) {
  const text = prepText(prep);
  return (
    <div class="popup-prep" data-testid="popup-prep" data-ready={text.ready ? 'true' : 'false'}>
      <span class={prep.talkingPoints === 0 ? 'popup-prep-todo' : 'popup-prep-ok'}>{text.points}</span>
      <span class={prep.openAgreements > prep.reviewed ? 'popup-prep-todo' : 'popup-prep-ok'}>
        {text.agreements}
      </span>
    </div>
  );
}

export interface UpcomingListProps {
  view: PopupView;
  onOpen: (relationshipId: string) => void;
  onAddPoint: (relationshipId: string) => void;
  /**
   * Calendar instances I declined, or that Calendar no longer shows (their 1:1s offer "Skip in Duet" instead
   * of their prep status).
   */
  declined?: ReadonlyMap<string, OffCalendar>;
  /** Cancels a declined 1:1's session in Duet. */
  onCancel?: (sessionId: string) => Promise<ActionResult>;
  /**
   * No email address of mine is set (Settings → You): with no 1:1 tracked yet, a line points there. Left out
   * (or false) while not known.
   */
  meUnknown?: boolean;
}

const NONE: ReadonlyMap<string, OffCalendar> = new Map();

function Row({
  item,
  onOpen,
  onAddPoint,
  declined,
  onCancel,
}: { item: PopupUpcoming; declined: OffCalendar | null } & Omit<UpcomingListProps, 'view' | 'declined'>) {
  const name = item.relationship.name;
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cancel = async () => {
    if (!onCancel || busy) return;
    setBusy(true);
    try {
      const result = await onCancel(item.session.id);
      // Done: the session is cancelled and leaves the week (the lists read again); focus goes to search.
      setProblem(result.ok ? null : result.message);
      if (result.ok) document.querySelector<HTMLElement>('#popup-search-input')?.focus();
    } catch {
      setProblem(t('common_action_failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="popup-upcoming" data-testid="popup-upcoming">
      <div class="popup-upcoming-main">
        <span class="popup-upcoming-name" data-testid="popup-upcoming-name">
          {name}
        </span>
        <time class="duet-muted" dateTime={new Date(item.session.scheduledAt).toISOString()}>
          {formatWhen(item.session.scheduledAt)}
        </time>
      </div>
      {declined ? (
        <div class="popup-prep" data-testid="popup-declined">
          <span class="popup-prep-todo">{t(declined === 'gone' ? 'popup_gone' : 'popup_declined')}</span>
          {onCancel ? (
            <button
              type="button"
              class="popup-link"
              data-testid="popup-cancel-session"
              disabled={busy}
              aria-label={t('popup_declined_cancel_for', name, formatWhen(item.session.scheduledAt))}
              title={t('popup_declined_cancel_title')}
              onClick={() => void cancel()}
            >
              {t('popup_declined_cancel')}
            </button>
          ) : null}
        </div>
      ) : item.prep ? (
        <Prep prep={item.prep} />
      ) : (
        // Read with the complete view, moments later ("Show all" on a first screen): the line keeps its
        // place, so nothing below it moves when the status arrives.
        <div class="popup-prep duet-muted" data-testid="popup-prep-pending" aria-busy="true">
          {t('popup_prep_pending')}
        </div>
      )}
      {problem ? (
        <p class="duet-error popup-message" role="alert" data-testid="popup-cancel-error">
          {problem}
        </p>
      ) : null}
      <div class="popup-group-actions">
        <button
          type="button"
          class="popup-link"
          data-popup-item
          aria-label={t('popup_add_point_for', name)}
          onKeyDown={(e) => moveFocus(e)}
          onClick={() => onAddPoint(item.relationship.id)}
        >
          {t('popup_add_point_short')}
        </button>
        <button
          type="button"
          class="popup-link"
          data-testid="popup-upcoming-open"
          aria-label={t('popup_open_for', name)}
          onClick={() => onOpen(item.relationship.id)}
        >
          {t('popup_open')}
        </button>
      </div>
    </li>
  );
}

/** How many 1:1s show before "Show all" (the first screen's, whose prep status the first read has). */
export const UPCOMING_FOLDED = FIRST_SCREEN.upcoming;

export function UpcomingList({
  view,
  onOpen,
  onAddPoint,
  declined = NONE,
  onCancel,
  meUnknown = false,
}: UpcomingListProps) {
  const [all, setAll] = useState(false);
  const shown = all ? view.upcoming : view.upcoming.slice(0, UPCOMING_FOLDED);
  const folded = view.upcoming.length - shown.length;
  const more = view.upcomingCount - view.upcoming.length;
  return (
    <section class="popup-section" aria-labelledby="popup-upcoming-title" data-testid="popup-upcoming-list">
      <h2 id="popup-upcoming-title" class="popup-section-title">
        {t('popup_upcoming_title')}
      </h2>
      {view.upcoming.length === 0 && view.relationships.length === 0 ? (
        // First run: nothing tracked yet, so "no 1:1s in the next 7 days" would say the calendar is empty.
        <>
          <p class="duet-muted popup-message" data-testid="popup-upcoming-none-tracked">
            {t('popup_upcoming_none_tracked')}
          </p>
          {meUnknown ? (
            <p class="duet-muted popup-message" data-testid="popup-upcoming-set-me">
              {tNodes(
                'popup_upcoming_set_me',
                <a href="/options.html#identity" target="_blank" rel="noopener">
                  {t('popup_upcoming_set_me_link')}
                </a>,
              )}
            </p>
          ) : null}
        </>
      ) : view.upcoming.length === 0 ? (
        <p class="duet-muted popup-message" data-testid="popup-upcoming-empty">
          {t('popup_upcoming_empty')}
        </p>
      ) : (
        <ul class="popup-items">
          {shown.map((item) => (
            <Row
              key={item.session.id}
              item={item}
              onOpen={onOpen}
              onAddPoint={onAddPoint}
              declined={
                // Still to happen as far as Duet knows (a rescheduled one was decided already), and not
                // begun: a call that took it runs it (cancelling is refused then).
                (item.session.status === 'upcoming' &&
                  !item.session.live &&
                  item.session.calendarEventId !== null &&
                  declined.get(item.session.calendarEventId)) ||
                null
              }
              onCancel={onCancel}
            />
          ))}
        </ul>
      )}
      {folded > 0 ? (
        <button
          type="button"
          class="popup-link popup-show-all"
          data-testid="popup-upcoming-all"
          onClick={() => setAll(true)}
        >
          {t('popup_upcoming_show_all', view.upcoming.length)}
        </button>
      ) : more > 0 ? (
        <p class="duet-muted popup-message">{t('popup_upcoming_more', more)}</p>
      ) : null}
    </section>
  );
}
