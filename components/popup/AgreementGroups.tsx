/**
 * The agreements the filter and search select, grouped by person; "done" is one key away (Space). While
 * searching, the closed (done, dropped) agreements that match follow in their own list, each with "Reopen".
 */
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CLOSED_SCAN_LIMIT, closedAtOf, type PopupClosedSearch, type PopupView } from '@/lib/db/popup-view';
import { type AgreementFilter, isOverdue } from '@/lib/domain/agreements';
import { dayOf } from '@/lib/domain/days';
import type { Agreement } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { formatDay, ownerLabel } from '../shared/format';
import { moveFocus } from './list-keys';
import type { PopupActions } from './popup-actions';

export interface AgreementGroupsProps {
  view: PopupView;
  filter: AgreementFilter;
  query: string;
  actions: PopupActions;
  onOpen: (relationshipId: string) => void;
  onAddPoint: (relationshipId: string) => void;
  /** The filter bar, shown under the heading. */
  filters?: ComponentChild;
}

interface Closed {
  id: string;
  text: string;
}

export function AgreementGroups({
  view,
  filter,
  query,
  actions,
  onOpen,
  onAddPoint,
  filters,
}: AgreementGroupsProps) {
  const [closed, setClosed] = useState<Closed | null>(null);
  /** The text of the agreement last reopened from the closed list (announced instead of "done"). */
  const [reopened, setReopened] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Agreements being marked done, or marked and not yet gone from the list (it re-reads right after): their
  // box stays ticked and disabled, so a double click is one "done". The ref sees a second click at once,
  // before the state re-renders.
  const pending = useRef(new Set<string>());
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const tick = (id: string, on: boolean) => {
    if (on) pending.current.add(id);
    else pending.current.delete(id);
    setTicked(new Set(pending.current));
  };
  // Forgotten once the list no longer shows them: should one come back (undone in another tab), it can be
  // ticked again.
  const listed = new Set(view.groups.flatMap((g) => g.agreements.map((a) => a.id)));
  useEffect(() => {
    const gone = [...pending.current].filter((id) => !listed.has(id));
    if (gone.length === 0) return;
    for (const id of gone) pending.current.delete(id);
    setTicked(new Set(pending.current));
  }, [view]);

  const done = async (agreement: Agreement) => {
    if (pending.current.has(agreement.id)) return;
    tick(agreement.id, true);
    const result = await actions.done(agreement.id);
    if (result.ok) {
      setError(null);
      setReopened(null);
      setClosed({ id: agreement.id, text: agreement.text });
      document.querySelector<HTMLElement>('#popup-search-input')?.focus();
    } else {
      tick(agreement.id, false);
      setError(result.message);
    }
  };
  const undo = async () => {
    if (!closed) return;
    const result = await actions.undoDone(closed.id);
    if (result.ok) {
      tick(closed.id, false);
      setClosed(null);
      // Undo leaves with the announcement: focus goes where "done" sent it, not to the page's body.
      document.querySelector<HTMLElement>('#popup-search-input')?.focus();
    } else setError(result.message);
  };

  // Closed agreements being reopened: their button stays disabled until the list no longer shows them.
  const reopening = useRef(new Set<string>());
  const [reopeningIds, setReopeningIds] = useState<ReadonlySet<string>>(() => new Set());
  const markReopening = (id: string, on: boolean) => {
    if (on) reopening.current.add(id);
    else reopening.current.delete(id);
    setReopeningIds(new Set(reopening.current));
  };
  const closedListed = new Set(view.closed?.matches.map((m) => m.agreement.id) ?? []);
  useEffect(() => {
    const gone = [...reopening.current].filter((id) => !closedListed.has(id));
    if (gone.length === 0) return;
    for (const id of gone) reopening.current.delete(id);
    setReopeningIds(new Set(reopening.current));
  }, [view]);
  const reopen = async (agreement: Agreement) => {
    if (reopening.current.has(agreement.id)) return;
    markReopening(agreement.id, true);
    // The popup's "undo done" reopens any closed agreement, done or dropped (`reopenAgreement`).
    const result = await actions.undoDone(agreement.id);
    if (result.ok) {
      setError(null);
      setClosed(null);
      setReopened(agreement.text);
      // The row leaves the closed list (it is open again): focus goes to the search, not the page's body.
      document.querySelector<HTMLElement>('#popup-search-input')?.focus();
    } else {
      markReopening(agreement.id, false);
      setError(result.message);
    }
  };

  const empty = view.groups.length === 0;
  return (
    <section class="popup-section" aria-labelledby="popup-agreements-title" data-testid="popup-agreements">
      <h2 id="popup-agreements-title" class="popup-section-title">
        {query.trim() ? t('popup_results_title') : t('popup_agreements_title')}
      </h2>
      {filters}
      <p class="popup-status" role="status" aria-live="polite" data-testid="popup-status">
        {closed ? (
          <>
            <span>{t('popup_done_announce', closed.text)}</span>{' '}
            <button type="button" class="popup-link" data-testid="popup-undo" onClick={() => void undo()}>
              {t('popup_undo')}
            </button>
          </>
        ) : reopened ? (
          <span>{t('popup_reopened_announce', reopened)}</span>
        ) : null}
      </p>
      {error ? (
        <p class="duet-error popup-message" role="alert" data-testid="popup-action-error">
          {error}
        </p>
      ) : null}
      {empty ? (
        <p class="duet-muted popup-message" data-testid="popup-agreements-empty">
          {query.trim()
            ? t('popup_no_results', query.trim())
            : // None at all (the filter bar is hidden then): say so, whichever filter was left picked.
              filter === 'all-open' || view.counts['all-open'] === 0
              ? t('popup_no_agreements')
              : t('popup_no_agreements_filter')}
        </p>
      ) : (
        <div class="popup-groups">
          {view.groups.map((group) => (
            <section
              key={group.relationship.id}
              class="popup-group"
              data-testid="popup-group"
              aria-label={group.relationship.name}
            >
              <div class="popup-group-head">
                <h3 class="popup-group-name" data-testid="popup-group-name">
                  {group.relationship.name}
                </h3>
                <div class="popup-group-actions">
                  {group.relationship.archived ? null : (
                    <button
                      type="button"
                      class="popup-link"
                      aria-label={t('popup_add_point_for', group.relationship.name)}
                      onClick={() => onAddPoint(group.relationship.id)}
                    >
                      {t('popup_add_point_short')}
                    </button>
                  )}
                  <button
                    type="button"
                    class="popup-link"
                    data-testid="popup-open"
                    aria-label={t('popup_open_for', group.relationship.name)}
                    onClick={() => onOpen(group.relationship.id)}
                  >
                    {t('popup_open')}
                  </button>
                </div>
              </div>
              <ul class="popup-items">
                {group.agreements.map((agreement) => {
                  const overdue = isOverdue(agreement, view.today);
                  const owner = ownerLabel(agreement, group.relationship.people);
                  return (
                    <li key={agreement.id} class="popup-item" data-testid="popup-agreement">
                      <label class="popup-check">
                        <input
                          type="checkbox"
                          data-popup-item
                          data-testid="popup-done"
                          checked={ticked.has(agreement.id)}
                          disabled={ticked.has(agreement.id)}
                          aria-describedby={`popup-meta-${agreement.id}`}
                          onKeyDown={(e) => moveFocus(e)}
                          onChange={() => void done(agreement)}
                        />
                        <span class="popup-item-text" data-testid="popup-agreement-text">
                          {agreement.text}
                        </span>
                      </label>
                      <span class="popup-item-meta" id={`popup-meta-${agreement.id}`}>
                        <span>{owner}</span>
                        {agreement.dueDate ? (
                          <span class={overdue ? 'popup-overdue' : undefined}>
                            {overdue
                              ? t('popup_overdue_since', formatDay(agreement.dueDate, view.today))
                              : t('popup_due', formatDay(agreement.dueDate, view.today))}
                          </span>
                        ) : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
          {/* A first-screen view is cut on purpose; the complete one says whether there is more. */}
          {view.truncated && !view.partial ? (
            <p class="duet-muted popup-message" data-testid="popup-more">
              {t('popup_more_results')}
            </p>
          ) : null}
        </div>
      )}
      {query.trim() && view.closed ? (
        <ClosedMatches
          closed={view.closed}
          today={view.today}
          reopening={reopeningIds}
          onReopen={(agreement) => void reopen(agreement)}
        />
      ) : null}
    </section>
  );
}

/** What the search found among done and dropped agreements, most recently closed first. */
function ClosedMatches({
  closed,
  today,
  reopening,
  onReopen,
}: {
  closed: PopupClosedSearch;
  today: string;
  reopening: ReadonlySet<string>;
  onReopen: (agreement: Agreement) => void;
}) {
  const { matches, more, stopped } = closed;
  if (matches.length === 0 && stopped !== 'limit') return null;
  return (
    <section class="popup-closed" aria-labelledby="popup-closed-title" data-testid="popup-closed">
      <h3 id="popup-closed-title" class="popup-closed-title">
        {t('popup_closed_title')}
      </h3>
      {matches.length > 0 ? (
        <ul class="popup-items">
          {matches.map(({ agreement, relationship }) => {
            const day = formatDay(dayOf(closedAtOf(agreement)), today);
            return (
              <li
                key={agreement.id}
                class="popup-item popup-item-closed"
                data-testid="popup-closed-agreement"
              >
                <div class="popup-closed-row">
                  <span class="popup-item-text" data-testid="popup-closed-text">
                    {agreement.text}
                  </span>
                  <button
                    type="button"
                    class="popup-link"
                    data-popup-item
                    data-testid="popup-reopen"
                    aria-label={t('popup_reopen_for', agreement.text)}
                    aria-describedby={`popup-closed-meta-${agreement.id}`}
                    disabled={reopening.has(agreement.id)}
                    onKeyDown={(e) => moveFocus(e)}
                    onClick={() => onReopen(agreement)}
                  >
                    {t('popup_reopen')}
                  </button>
                </div>
                <span class="popup-item-meta" id={`popup-closed-meta-${agreement.id}`}>
                  <span>{relationship.name}</span>
                  <span>{ownerLabel(agreement, relationship.people)}</span>
                  <span data-testid="popup-closed-when">
                    {agreement.status === 'dropped'
                      ? t('popup_closed_dropped', day)
                      : t('popup_closed_done', day)}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {stopped === 'enough' ? (
        <p class="duet-muted popup-message" data-testid="popup-closed-more">
          {t('popup_closed_more_uncounted')}
        </p>
      ) : more > 0 ? (
        <p class="duet-muted popup-message" data-testid="popup-closed-more">
          {t('popup_closed_more', more)}
        </p>
      ) : null}
      {stopped === 'limit' ? (
        <p class="duet-muted popup-message" data-testid="popup-closed-limited">
          {t('popup_closed_limited', CLOSED_SCAN_LIMIT)}
        </p>
      ) : null}
    </section>
  );
}
