import { useEffect, useRef, useState } from 'preact/hooks';
import { isOverdue } from '@/lib/domain/agreements';
import type { Day } from '@/lib/domain/days';
import { type Agreement, MAX_SHORT_TEXT, type Person } from '@/lib/domain/model';
import { isBlank } from '@/lib/domain/text';
import { t } from '@/lib/i18n';
import { tNodes } from '../t-nodes';
import { formatDay, ownerLabel } from '../../shared/format';
import { checkTypedText } from './use-calendar-actions';
import type { ActionResult } from './view-types';
import { AlertLine } from '../AlertLine';
import { UndoNote } from '../session/UndoNote';

export interface AgreementListProps {
  agreements: readonly Agreement[];
  people: readonly Pick<Person, 'name'>[];
  today: Day;
  onDone: (id: string) => Promise<ActionResult>;
  onRenegotiate: (id: string, newDue: Day) => Promise<ActionResult>;
  onDrop: (id: string, reason: string) => Promise<ActionResult>;
  /** Brings an agreement just marked done or dropped back (its "Undo"); without it, no Undo is offered. */
  onReopen?: (id: string) => Promise<ActionResult>;
  /** In a live session: "Still open" (reviewed, stays open), and whether one was reviewed already. */
  onStillOpen?: (id: string) => Promise<ActionResult>;
  reviewedInSession?: (agreement: Agreement) => boolean;
  /** Heading and test id, when the list is used for another purpose (the live session's review). */
  title?: string;
  testId?: string;
}

/** Open agreements: who, what, by when — with Done, Renegotiate and Drop one click away. */
export function AgreementList({
  agreements,
  people,
  today,
  onDone,
  onRenegotiate,
  onDrop,
  onReopen,
  onStillOpen,
  reviewedInSession,
  title = t('panel_agreements_title'),
  testId = 'agreements',
}: AgreementListProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  /** The agreement just closed here, while its Undo is offered. */
  const [closed, setClosed] = useState<{ id: string; text: string; dropped: boolean } | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  // A closed agreement leaves the list: keep keyboard focus in the section rather than losing it (the
  // heading, then Undo right after it).
  const onClosed = (agreement: Agreement, dropped: boolean) => {
    heading.current?.focus();
    setUndoError(null);
    if (onReopen) setClosed({ id: agreement.id, text: agreement.text, dropped });
  };
  const undo = async () => {
    if (!closed || !onReopen) return;
    setUndoError(null);
    const result = await onReopen(closed.id);
    if (result.ok) {
      // Undo leaves with its note: keep focus in the section (the heading), not on the page's body.
      heading.current?.focus();
      setClosed(null);
    } else setUndoError(result.message);
  };
  return (
    <section class="cal-section" data-testid={testId} aria-labelledby={`${testId}-title`}>
      <div class="cal-section-head">
        <h2 id={`${testId}-title`} class="cal-section-title" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        {agreements.length > 0 ? <span class="duet-muted cal-small">{agreements.length}</span> : null}
      </div>
      {closed ? (
        <UndoNote
          text={t(closed.dropped ? 'panel_agreement_dropped_undo' : 'panel_agreement_done_undo', closed.text)}
          statusId="agreement-closed"
          undoId="agreement-undo"
          onUndo={() => void undo()}
        />
      ) : null}
      <AlertLine message={undoError} testId="agreement-undo-error" />
      {agreements.length === 0 ? (
        <p class="duet-muted cal-empty-line" data-testid="agreements-empty">
          {t('panel_agreements_empty')}
        </p>
      ) : (
        <ul class="cal-list">
          {agreements.map((agreement) => (
            <AgreementItem
              key={agreement.id}
              agreement={agreement}
              owner={ownerLabel(agreement, people)}
              today={today}
              onDone={onDone}
              onRenegotiate={onRenegotiate}
              onDrop={onDrop}
              onStillOpen={onStillOpen}
              reviewed={reviewedInSession?.(agreement) ?? false}
              onClosed={(dropped) => onClosed(agreement, dropped)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

type Mode = 'idle' | 'renegotiate' | 'drop';

interface AgreementItemProps extends Pick<
  AgreementListProps,
  'today' | 'onDone' | 'onRenegotiate' | 'onDrop' | 'onStillOpen'
> {
  agreement: Agreement;
  reviewed: boolean;
  owner: string;
  /** It left the list: done (`false`) or dropped (`true`). */
  onClosed: (dropped: boolean) => void;
}

function AgreementItem({
  agreement,
  owner,
  today,
  onDone,
  onRenegotiate,
  onDrop,
  onStillOpen,
  reviewed,
  onClosed,
}: AgreementItemProps) {
  const [mode, setMode] = useState<Mode>('idle');
  const [newDue, setNewDue] = useState<string>(agreement.dueDate ?? today);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const item = useRef<HTMLLIElement>(null);
  /** The button that opened the form (by test id: the idle row is drawn anew when the form closes). */
  const opener = useRef<string | null>(null);
  const refocus = useRef(false);
  /** Counts "Still open" successes: each sends focus to Done once the row is drawn again (enabled). */
  const [focusDone, setFocusDone] = useState(0);
  const overdue = isOverdue(agreement, today);
  const base = `cal-agreement-${agreement.id}`;

  useEffect(() => {
    if (mode !== 'idle') {
      input.current?.focus();
      return;
    }
    // The form closed with the item still here: back to the button that opened it.
    if (!refocus.current || !opener.current) return;
    refocus.current = false;
    item.current?.querySelector<HTMLElement>(`[data-testid="${opener.current}"]`)?.focus();
  }, [mode]);

  useEffect(() => {
    if (focusDone > 0) item.current?.querySelector<HTMLElement>('[data-testid="agreement-done"]')?.focus();
  }, [focusDone]);

  const open = (next: Mode, event: Event) => {
    opener.current = (event.currentTarget as HTMLElement).dataset.testid ?? null;
    setError(null);
    // The date as it is now: it may have moved elsewhere (the popup, Meet, another tab) since this row drew.
    if (next === 'renegotiate') setNewDue(agreement.dueDate ?? today);
    setMode(next);
  };
  const backToIdle = () => {
    refocus.current = true;
    setMode('idle');
  };
  const cancel = () => {
    setError(null);
    backToIdle();
  };

  const act = async (work: () => Promise<ActionResult>, closes: false | 'done' | 'dropped') => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    if (closes) onClosed(closes === 'dropped');
    else if (mode === 'idle') {
      // "Still open" from the row itself: the mode does not change (so the effect above does not refocus)
      // and the button leaves once reviewed. Focus its neighbour, Done, once it is enabled again.
      setFocusDone((count) => count + 1);
    } else backToIdle();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Escape during an IME composition (Japanese, Chinese, Korean) cancels the candidate, not the form.
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  return (
    <li
      class="cal-item cal-agreement"
      data-testid="agreement-item"
      data-agreement-id={agreement.id}
      ref={item}
    >
      <div class="cal-agreement-main">
        <span class="cal-owner" data-testid="agreement-owner">
          {owner}
        </span>
        <span class="cal-agreement-text" id={`${base}-text`} data-testid="agreement-text">
          {agreement.text}
        </span>
      </div>
      <p class={`cal-due cal-small ${overdue ? 'cal-overdue' : 'duet-muted'}`} data-testid="agreement-due">
        {agreement.dueDate ? (
          <>
            {tNodes(
              'panel_due',
              <time dateTime={agreement.dueDate}>{formatDay(agreement.dueDate, today)}</time>,
            )}
            {overdue ? <strong class="cal-overdue-word"> {t('panel_agreement_overdue')}</strong> : null}
          </>
        ) : (
          t('panel_no_due_date')
        )}
        {agreement.status === 'renegotiated' ? (
          <span class="duet-muted"> {t('panel_agreement_renegotiated')}</span>
        ) : null}
        {reviewed ? (
          <span class="duet-muted" data-testid="agreement-reviewed">
            {' '}
            {t('panel_agreement_reviewed')}
          </span>
        ) : null}
      </p>
      {mode === 'idle' ? (
        <div class="cal-actions">
          <button
            type="button"
            class="cal-button cal-button-small"
            data-testid="agreement-done"
            aria-label={t('panel_agreement_done_named', agreement.text)}
            disabled={busy}
            onClick={() => void act(() => onDone(agreement.id), 'done')}
          >
            {t('panel_agreement_done')}
          </button>
          {onStillOpen && !reviewed ? (
            <button
              type="button"
              class="cal-button cal-button-small cal-button-quiet"
              data-testid="agreement-still-open"
              aria-label={t('panel_agreement_still_open_named', agreement.text)}
              disabled={busy}
              onClick={() => void act(() => onStillOpen(agreement.id), false)}
            >
              {t('panel_agreement_still_open')}
            </button>
          ) : null}
          <button
            type="button"
            class="cal-button cal-button-small cal-button-quiet"
            data-testid="agreement-renegotiate"
            aria-label={t('panel_agreement_renegotiate_named', agreement.text)}
            disabled={busy}
            onClick={(event) => open('renegotiate', event)}
          >
            {t('panel_agreement_renegotiate')}
          </button>
          <button
            type="button"
            class="cal-button cal-button-small cal-button-quiet"
            data-testid="agreement-drop"
            aria-label={t('panel_agreement_drop_named', agreement.text)}
            disabled={busy}
            onClick={(event) => open('drop', event)}
          >
            {t('panel_agreement_drop')}
          </button>
        </div>
      ) : (
        <form
          class="cal-inline-form"
          data-testid={mode === 'renegotiate' ? 'renegotiate-form' : 'drop-form'}
          onKeyDown={onKeyDown}
          onSubmit={(event) => {
            event.preventDefault();
            if (mode === 'renegotiate') void act(() => onRenegotiate(agreement.id, newDue), false);
            else {
              // Longer than the agreement's history keeps: said, with the limit and its length; the box
              // keeps the text (no maxLength cuts a paste short). A blank reason is the caller's to say.
              const refused = isBlank(reason) ? null : checkTypedText(reason, MAX_SHORT_TEXT, '');
              if (refused && !refused.ok) setError(refused.message);
              else void act(() => onDrop(agreement.id, reason), 'dropped');
            }
          }}
        >
          {mode === 'renegotiate' ? (
            <>
              <label for={`${base}-due`} class="cal-label">
                {t('panel_agreement_new_due')}
              </label>
              <input
                ref={input}
                id={`${base}-due`}
                type="date"
                class="cal-input"
                data-testid="agreement-new-due"
                value={newDue}
                onInput={(event) => setNewDue(event.currentTarget.value)}
                aria-describedby={`${base}-text${error ? ` ${base}-error` : ''}`}
                aria-invalid={error ? 'true' : undefined}
              />
            </>
          ) : (
            <>
              <label for={`${base}-reason`} class="cal-label">
                {t('panel_agreement_drop_reason')}
              </label>
              <input
                ref={input}
                id={`${base}-reason`}
                type="text"
                class="cal-input"
                data-testid="agreement-drop-reason"
                value={reason}
                aria-required="true"
                onInput={(event) => setReason(event.currentTarget.value)}
                aria-describedby={`${base}-text${error ? ` ${base}-error` : ''}`}
                aria-invalid={error ? 'true' : undefined}
              />
            </>
          )}
          <div class="cal-actions">
            <button
              type="submit"
              class="cal-button cal-button-small"
              data-testid="agreement-confirm"
              disabled={busy}
            >
              {mode === 'renegotiate' ? t('panel_agreement_save_date') : t('panel_agreement_confirm_drop')}
            </button>
            <button type="button" class="cal-button cal-button-small cal-button-quiet" onClick={cancel}>
              {t('common_cancel')}
            </button>
          </div>
        </form>
      )}
      <AlertLine message={error} id={`${base}-error`} testId="agreement-error" />
    </li>
  );
}
