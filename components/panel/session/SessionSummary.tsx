/**
 * The end of a session: notes by section, agreements made and closed, talking points carried over —
 * with "Copy as Markdown" and "Copy as plain update". Private notes never appear here.
 */
import { useState } from 'preact/hooks';
import type { SessionView } from '@/lib/db';
import type { Agreement, Person } from '@/lib/domain/model';
import { dayOf } from '@/lib/domain/days';
import { type SessionSummaryInput, summaryMarkdown, summaryPlainUpdate } from '@/lib/domain/session-summary';
import { t } from '@/lib/i18n';
import { agreementStatusName, notesBySection } from '../calendar/calendar-text';
import { formatDay, namesOf, ownerLabel } from '../../shared/format';
import { tNodes } from '../t-nodes';

export interface SessionSummaryProps {
  view: SessionView;
  onShowNotes: () => void;
  onClose?: () => void;
}

export function summaryInputOf(view: SessionView): SessionSummaryInput {
  const { session } = view;
  return {
    session: { notes: session.notes, checkIn: session.checkIn },
    template: view.template,
    others: view.templates,
    personName: namesOf(view.people) || view.relationship.title,
    myName: view.myName.trim() || t('common_me'),
    agreementsMade: view.made,
    agreementsClosed: view.closed,
    agreementsMoved: view.moved,
    // Left undiscussed: still on this session's agenda, or already taken by a later one.
    carriedOver: [...view.agenda.filter((p) => p.status === 'open'), ...view.carriedAway],
    // The day the meeting is on, as History and "Last time" date it (a call ending after midnight is still that day's).
    date: dayOf(session.scheduledAt),
    kind: view.relationship.kind,
    assessment: session.assessment ?? null,
    feedback: view.feedback.filter((f) => f.sessionId === session.id),
    // The goals, where the session's template talks about them.
    goals: view.template.sections.some((s) => s.kind === 'goals' || s.kind.startsWith('career'))
      ? view.goals
      : [],
  };
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function SessionSummary({ view, onShowNotes, onClose }: SessionSummaryProps) {
  const [copied, setCopied] = useState<string>('');
  const input = summaryInputOf(view);
  // Every note of the session: the template's sections first, then "Notes" written beside the Calendar
  // event and sections of a template switched away from.
  const sections = notesBySection(view.session, view.template, view.templates);
  const carried = input.carriedOver;

  const copy = async (kind: 'markdown' | 'plain') => {
    const text = kind === 'markdown' ? summaryMarkdown(input) : summaryPlainUpdate(input);
    const ok = await copyText(text);
    setCopied(
      ok
        ? kind === 'markdown'
          ? t('panel_summary_copied_markdown')
          : t('panel_summary_copied_plain')
        : t('panel_summary_copy_failed'),
    );
  };

  return (
    <div class="cal-body ses-summary" data-testid="session-summary">
      <p class="ses-summary-lead">
        {tNodes(
          'panel_summary_lead',
          <time dateTime={input.date}>{formatDay(input.date, dayOf(Date.now()))}</time>,
        )}
      </p>
      <div class="cal-actions">
        <button
          type="button"
          class="cal-button cal-button-small cal-button-primary"
          data-testid="copy-markdown"
          onClick={() => void copy('markdown')}
        >
          {t('panel_summary_copy_markdown')}
        </button>
        <button
          type="button"
          class="cal-button cal-button-small"
          data-testid="copy-plain"
          onClick={() => void copy('plain')}
        >
          {t('panel_summary_copy_plain')}
        </button>
      </div>
      <p class="cal-small duet-muted" role="status" data-testid="copy-status">
        {copied}
      </p>
      <section class="cal-section" aria-labelledby="ses-sum-notes">
        <h2 id="ses-sum-notes" class="cal-section-title">
          {t('panel_notes')}
        </h2>
        {sections.length === 0 ? (
          <p class="duet-muted cal-empty-line">{t('panel_summary_no_notes')}</p>
        ) : (
          sections.map((s) => (
            <div class="cal-note-section" key={s.id} data-testid="summary-section">
              <h3 class="cal-note-title">{s.title}</h3>
              <p class="cal-note-text">{s.text}</p>
            </div>
          ))
        )}
      </section>
      <section class="cal-section" aria-labelledby="ses-sum-made">
        <h2 id="ses-sum-made" class="cal-section-title">
          {t('panel_summary_made')}
        </h2>
        {view.made.length === 0 ? (
          <p class="duet-muted cal-empty-line" data-testid="summary-no-agreements">
            {t('panel_summary_no_agreements')}
          </p>
        ) : (
          <ul class="cal-list">
            {view.made.map((a) => (
              <DueLine key={a.id} agreement={a} people={view.people} testId="summary-made" />
            ))}
          </ul>
        )}
      </section>
      {view.closed.length > 0 ? (
        <section class="cal-section" aria-labelledby="ses-sum-closed">
          <h2 id="ses-sum-closed" class="cal-section-title">
            {t('panel_summary_closed')}
          </h2>
          <ul class="cal-list">
            {view.closed.map((a) => (
              <li class="cal-item" key={a.id} data-testid="summary-closed">
                <span class="cal-owner">{agreementStatusName(a.status)}</span>
                <span class="cal-agreement-text">{a.text}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.moved.length > 0 ? (
        <section class="cal-section" aria-labelledby="ses-sum-moved">
          <h2 id="ses-sum-moved" class="cal-section-title">
            {t('panel_summary_moved')}
          </h2>
          <ul class="cal-list">
            {view.moved.map((a) => (
              <DueLine key={a.id} agreement={a} people={view.people} testId="summary-moved" />
            ))}
          </ul>
        </section>
      ) : null}
      <section class="cal-section" aria-labelledby="ses-sum-carried">
        <h2 id="ses-sum-carried" class="cal-section-title">
          {t('panel_summary_carried')}
        </h2>
        {carried.length === 0 ? (
          <p class="duet-muted cal-empty-line">{t('panel_summary_all_discussed')}</p>
        ) : (
          <ul class="cal-list">
            {carried.map((p, index) => (
              // Two points may say the same; the list only ever shows, never reorders.
              <li class="cal-item" key={index} data-testid="summary-carried">
                {p.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="cal-actions">
        <button
          type="button"
          class="cal-button cal-button-small cal-button-quiet"
          data-testid="summary-show-notes"
          onClick={onShowNotes}
        >
          {t('panel_summary_edit_notes')}
        </button>
        {onClose ? (
          <button type="button" class="cal-button cal-button-small cal-button-quiet" onClick={onClose}>
            {t('panel_summary_done')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** An agreement with its owner and due date (made in the session, or given a new date in it). */
function DueLine({
  agreement,
  people,
  testId,
}: {
  agreement: Agreement;
  people: readonly Person[];
  testId: string;
}) {
  return (
    <li class="cal-item" data-testid={testId}>
      <span class="cal-owner">{ownerLabel(agreement, people)}</span>
      <span class="cal-agreement-text">{agreement.text}</span>
      <span class="duet-muted cal-small">
        {agreement.dueDate
          ? t('panel_due', formatDay(agreement.dueDate, dayOf(Date.now())))
          : t('panel_no_due_date')}
      </span>
    </li>
  );
}
