/**
 * The end of a session: everything the two copies hold, in their order — the check-in (the Markdown copy's
 * only), notes by section, agreements made, closed and given new dates, talking points carried over, goals
 * (those finished in the session as done), the session's feedback and the self-assessment — with "Copy as
 * Markdown" and "Copy as plain update". Private notes never appear here.
 */
import { useState } from 'preact/hooks';
import type { SessionView } from '@/lib/db';
import { type Agreement, type CareerAssessment, memberOf, type Person } from '@/lib/domain/model';
import { dayOf } from '@/lib/domain/days';
import { type SessionSummaryInput, summaryMarkdown, summaryPlainUpdate } from '@/lib/domain/session-summary';
import { t, uiLocale } from '@/lib/i18n';
import {
  agreementStatusName,
  formatSessionDate,
  goalStatusName,
  notesBySection,
} from '../calendar/calendar-text';
import { formatDay, namesOf, ownerLabel } from '../../shared/format';
import { tNodes } from '../t-nodes';

export interface SessionSummaryProps {
  view: SessionView;
  onShowNotes: () => void;
  onClose?: () => void;
}

/** A 2-1's member for the copies' heading ("2-1 with Carol King & Dan Park, about Carol King"). */
function aboutOf(view: SessionView): { about?: string } {
  const member = memberOf(view.relationship);
  if (member === 'me') return { about: view.myName.trim() || t('common_me') };
  const person = view.people.find((p) => p.id === member);
  return person ? { about: person.name } : {};
}

export function summaryInputOf(view: SessionView): SessionSummaryInput {
  const { session } = view;
  return {
    session: { notes: session.notes, checkIn: session.checkIn },
    template: view.template,
    others: view.templates,
    personName: namesOf(view.people) || view.relationship.title,
    ...aboutOf(view),
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
    // The goals, where the session's template talks about them: those still open, then those finished
    // (archived, a career step done) in this session.
    goals: view.template.sections.some((s) => s.kind === 'goals' || s.kind.startsWith('career'))
      ? [...view.goals, ...(view.finishedGoals ?? [])]
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
  const checkIn = input.session.checkIn;
  const goals = input.goals ?? [];
  const feedback = input.feedback ?? [];
  const today = dayOf(Date.now());

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
          // Written as the Calendar panel writes when a 1:1 was held ("Mon, Mar 23, 2026").
          <time dateTime={input.date}>{formatSessionDate(view.session.scheduledAt)}</time>,
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
      {checkIn && (checkIn.mood !== null || checkIn.workload !== null) ? (
        <section class="cal-section" aria-labelledby="ses-sum-checkin" data-testid="summary-checkin">
          <h2 id="ses-sum-checkin" class="cal-section-title">
            {t('panel_summary_checkin')}
          </h2>
          <p class="cal-note-text">
            {[
              checkIn.mood !== null ? t('panel_checkin_value', t('panel_checkin_mood'), checkIn.mood) : '',
              checkIn.workload !== null
                ? t('panel_checkin_value', t('panel_checkin_workload'), checkIn.workload)
                : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p class="duet-muted cal-small" data-testid="summary-checkin-markdown-only">
            {t('panel_summary_checkin_markdown_only')}
          </p>
        </section>
      ) : null}
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
          <p class="duet-muted cal-empty-line" data-testid="summary-carried-none">
            {view.agenda.length === 0 ? t('panel_summary_no_points') : t('panel_summary_all_discussed')}
          </p>
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
      {goals.length > 0 ? (
        <section class="cal-section" aria-labelledby="ses-sum-goals">
          <h2 id="ses-sum-goals" class="cal-section-title">
            {t('panel_summary_goals')}
          </h2>
          <ul class="cal-list">
            {goals.map((goal, index) => (
              <li class="cal-item cal-goal" key={index} data-testid="summary-goal">
                <div class="cal-goal-head">
                  <span class="cal-goal-title">{goal.title}</span>
                  <span
                    class={`cal-goal-status cal-goal-${goal.archived ? 'done' : goal.status}`}
                    data-testid="summary-goal-status"
                  >
                    {goal.archived ? t('panel_summary_goal_done') : goalStatusName(goal.status)}
                  </span>
                </div>
                {goal.targetDate ? (
                  <p class="duet-muted cal-small" data-testid="summary-goal-by">
                    {t('panel_career_by', formatDay(goal.targetDate, today))}
                  </p>
                ) : null}
                {goal.keyResults.length > 0 ? (
                  <ul class="cal-key-results">
                    {goal.keyResults.map((kr) => (
                      <li key={kr.id} class="cal-key-result cal-kr-line">
                        <span class="cal-kr-text">{kr.text}</span>
                        <span class="duet-muted cal-small">{percent(kr.progress)}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {feedback.length > 0 ? (
        <section class="cal-section" aria-labelledby="ses-sum-feedback">
          <h2 id="ses-sum-feedback" class="cal-section-title">
            {t('panel_summary_feedback')}
          </h2>
          <ul class="cal-list">
            {feedback.map((f, index) => (
              <li class="cal-item" key={index} data-testid="summary-feedback">
                <span class="cal-owner">
                  {f.direction === 'given'
                    ? t('panel_summary_feedback_given')
                    : t('panel_summary_feedback_received')}
                </span>
                <span class="cal-note-text">{f.text}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {input.assessment ? (
        <section class="cal-section" aria-labelledby="ses-sum-assessment">
          <h2 id="ses-sum-assessment" class="cal-section-title">
            {t('panel_summary_assessment')}
          </h2>
          <p class="cal-note-text" data-testid="summary-assessment">
            {assessmentName(input.assessment)}
          </p>
        </section>
      ) : null}
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

/** A key result's progress as the UI language writes a percentage. */
function percent(progress: number): string {
  const value = Math.round(Math.min(100, Math.max(0, progress)));
  return new Intl.NumberFormat(uiLocale(), { style: 'percent' }).format(value / 100);
}

/** The self-assessment in the words the career section offers it in. */
function assessmentName(assessment: CareerAssessment): string {
  switch (assessment) {
    case 'ahead':
      return t('panel_goal_status_ahead');
    case 'on-track':
      return t('panel_goal_status_on_track');
    case 'not-meeting':
      return t('panel_career_not_meeting');
  }
}

/**
 * An agreement with its owner and due date (made in the session, or given a new date in it); one done or
 * dropped since says so instead of its date.
 */
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
        {/* Done or dropped since (as the copies say it): its status, not a due date still to meet. */}
        {agreement.status === 'done' || agreement.status === 'dropped'
          ? agreementStatusName(agreement.status)
          : agreement.dueDate
            ? t('panel_due', formatDay(agreement.dueDate, dayOf(Date.now())))
            : t('panel_no_due_date')}
      </span>
    </li>
  );
}
