/**
 * Session mode: the 1:1 happening now — in a Meet call, or in person from the Calendar panel. The
 * template's sections with a running timer, notes that are never lost, agreement capture, the agenda
 * checklist, last time's agreements to review, and the summary when it ends. While I present in Meet,
 * note contents are hidden.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { dayOf } from '@/lib/domain/days';
import { type CareerPart, careerPartsOf, isCareerStep } from '@/lib/domain/goals';
import { memberOf, type TemplateSection } from '@/lib/domain/model';
import type { TimerState } from '@/lib/domain/session-timer';
import { t, uiLocale } from '@/lib/i18n';
import { AgreementList } from '../calendar/AgreementList';
import { sectionTitleOf } from '../calendar/calendar-text';
import { ConflictChoice } from '../ConflictChoice';
import { formatDay, namesOf, ownerLabel, writesDayFirst } from '../../shared/format';
import { Agenda } from './Agenda';
import { CaptureLine } from './CaptureLine';
import { CAREER_STEP_BOX, CareerSection, MAX_CAREER_STEPS } from './CareerSection';
import { CheckIn } from './CheckIn';
import { FeedbackSection } from './FeedbackSection';
import { GOAL_BOX, GoalsSection, keyResultBox } from './GoalsSection';
import { SessionSummary } from './SessionSummary';
import { TimerBar } from './TimerBar';
import { type LiveSessionTarget, useLiveSession } from './use-live-session';
import { type SessionActions, sessionActions } from './use-session-actions';
import { PRIVATE_FIELD, type SessionNotes, useSessionNotes } from './use-session-notes';
import { type SessionView, startLiveSession } from '@/lib/db';
import { unlessBlocked } from '@/lib/db/database';
import { describeProblem } from '../storage-text';
import { KeptDrafts, KeptDraftsContext, typingIn } from './kept-drafts';
import { AlertLine } from '../AlertLine';
import { focusIsFree } from '../focus-guard';

/**
 * How long an end waits on its save before saying so (a blocked database upgrade, a stalled disk: such a
 * save may never finish); "End session" can then be pressed again.
 */
export const END_WAIT_MS = 10_000;

export interface SessionPanelProps {
  target: LiveSessionTarget;
  /** `call`: a Meet call (it ends when the call ends); `in-person`: ended with the End button. */
  mode: 'call' | 'in-person';
  /** The call ended (Meet): save everything, mark the session held, show the summary. */
  callEnded?: boolean;
  /** Meet shows I am presenting: hide note contents. */
  presenting?: boolean;
  /** Offer to continue in the browser's side panel (only where one exists). */
  onOpenSidePanel?: () => void;
  /** Leave session mode (in person, after the summary). */
  onClose?: () => void;
  /**
   * Set by the user's "Start session": keyboard focus moves to the session's heading once it shows. Taken
   * by the first session drawn (cleared): drawn again later (another session, the panel re-read), focus
   * stays where the user is.
   */
  focusOnOpen?: { current: boolean };
  /**
   * The call waits for the 1:1's other person (Meet): until they join, no session is started (its timer
   * would run for a meeting that has not begun, or is someone else's); "Start now" starts it anyway.
   * It sets the target's `waiting`.
   */
  waiting?: { title: string; names: string; onStart: () => void };
}

export function SessionPanel(props: SessionPanelProps) {
  // Waiting for the person: the session is looked for, never started (the hook's `wait`).
  const state = useLiveSession(props.waiting ? { ...props.target, waiting: true } : props.target);
  if (state.status === 'error') {
    return (
      <p class="duet-error" role="alert" data-testid="session-error">
        {state.message}
      </p>
    );
  }
  if (state.status === 'missing') {
    if (!props.waiting)
      return (
        <p class="duet-error" role="alert" data-testid="session-error">
          {t('panel_session_call_ended')}
        </p>
      );
    return (
      <section class="duet-empty" data-testid="session-waiting">
        {props.waiting.title || props.waiting.names ? (
          <h1 class="event-title">{props.waiting.title || props.waiting.names}</h1>
        ) : null}
        <p class="duet-muted" id="session-waiting-text" role="status">
          {waitingText(props.waiting.names)}
        </p>
        <StartNow
          class="cal-button cal-button-small"
          onStart={props.waiting.onStart}
          label="panel_session_start_now"
        />
      </section>
    );
  }
  if (state.status === 'starting') {
    return (
      <p class="duet-muted" data-testid="session-loading">
        {t('panel_session_starting')}
      </p>
    );
  }
  // Another session is another body: its boxes, drafts and call state start from that session's own.
  const body = <SessionBody key={state.view.session.id} {...props} view={state.view} />;
  // Back in the room after this session was held, waiting for its person: it continues when they join,
  // or now.
  if (!props.waiting || state.view.session.status !== 'held') return body;
  return (
    <>
      <p class="cal-small duet-muted" id="session-waiting-text" role="status" data-testid="session-waiting">
        {waitingText(props.waiting.names)}{' '}
        <StartNow
          class="cal-link-button"
          onStart={props.waiting.onStart}
          label="panel_session_continue_now"
        />
      </p>
      {body}
    </>
  );
}

/** What the panel says while the call waits for the 1:1's people. */
function waitingText(names: string): string {
  return names ? t('panel_session_waiting_for', names) : t('panel_session_waiting');
}

/** Starts (or continues) the session without waiting for the person; described by the waiting text. */
function StartNow(props: {
  class: string;
  onStart: () => void;
  label: 'panel_session_start_now' | 'panel_session_continue_now';
}) {
  return (
    <button
      type="button"
      class={props.class}
      data-testid="session-start-now"
      aria-describedby="session-waiting-text"
      onClick={props.onStart}
    >
      {t(props.label)}
    </button>
  );
}

function SessionBody({
  view,
  mode,
  callEnded = false,
  presenting = false,
  onOpenSidePanel,
  onClose,
  waiting: waitingFor,
  focusOnOpen,
}: SessionPanelProps & { view: SessionView }) {
  const waiting = waitingFor !== undefined;
  const { session, template } = view;
  const notes = useSessionNotes(session, {
    titleOf: (field) => sectionTitleOf(field, template, view.templates),
  });
  const otherFields = useOtherNoteFields(view);
  const [reveal, setReveal] = useState(false);
  const [showNotesAfterEnd, setShowNotesAfterEnd] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Feedback is about the one person of a 1:1, or a 2-1's member when the user said who that is; else
  // about the pair (no one person).
  const member = memberOf(view.relationship);
  const feedbackPerson =
    view.people.length === 1 ? view.people[0] : view.people.find((person) => person.id === member);
  const actions = sessionActions(session, view.relationship.id, feedbackPerson?.id ?? null);
  const ended = session.status === 'held';
  const theirName = namesOf(view.people) || view.relationship.title || t('panel_them');
  const feedbackName = feedbackPerson?.name || theirName;
  const endingRef = useRef(false);
  /** "End session" was pressed and its save is not done: the button waits (clicks do not pile up saves). */
  const [endWaits, setEndWaits] = useState(false);
  /** The wait of an end in flight, stopped when this view goes. */
  const endWait = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(endWait.current), []);
  /** What is typed in the one-line boxes, kept while they are hidden (presenting) or behind the summary. */
  const drafts = useMemo(() => new KeptDrafts(session.id), [session.id]);
  useEffect(() => drafts.follow(), [drafts]);
  /** This tab's call ended and its end was done: once per end (another tab reopening the session is its own). */
  const endedThisCall = useRef(false);
  /** This tab's call came back after it ended (a rejoin): only that continues a held session. */
  const rejoined = useRef(false);
  const callWasEnded = useRef(callEnded);
  // The boxes this view has: a template switched to without a feedback section has no feedback box, and a
  // draft in a box that is gone must not hold up the end.
  const language = uiLocale() ?? navigator.language ?? '';
  const hasSection = (kind: TemplateSection['kind']) => template.sections.some((s) => s.kind === kind);
  const careerParts = careerPartsOf(template.sections);
  /** The goals show once, in the first goals section (a custom template may have two). */
  const goalsSectionId = template.sections.find((s) => s.kind === 'goals')?.id;
  const showsSteps = [...careerParts.values()].some((parts) => parts.includes('steps'));
  const boxes = [
    'capture',
    'agenda',
    ...(hasSection('feedback') ? ['feedback'] : []),
    ...(hasSection('goals')
      ? [GOAL_BOX, ...goalsShown(view, showsSteps).map((g) => keyResultBox(g.id))]
      : []),
    ...(showsSteps && careerStepsOf(view).length < MAX_CAREER_STEPS ? [CAREER_STEP_BOX] : []),
  ];

  useEffect(() => {
    if (callWasEnded.current && !callEnded) rejoined.current = true;
    if (!callEnded) endedThisCall.current = false;
    callWasEnded.current = callEnded;
  }, [callEnded]);

  // The call ended: everything typed is saved first, then the session is held — once for this end.
  useEffect(() => {
    // A session that never ran live (prepared, planned) is not this call's to end.
    if (!callEnded || ended || !session.live || endingRef.current || endedThisCall.current) return;
    endingRef.current = true;
    endedThisCall.current = true;
    // A save that takes long says so meanwhile (the notes are still on screen); the session is held once it
    // lands.
    clearTimeout(endWait.current);
    const slow = setTimeout(() => setMessage(t('panel_session_ended_unsaved')), END_WAIT_MS);
    endWait.current = slow;
    void notes.flush().then(async (saved) => {
      clearTimeout(slow);
      // The call is over either way; what is not saved yet, or still being typed in a box, stays on screen
      // with why, not behind the summary.
      const result = await actions.end();
      endingRef.current = false;
      const typing = typingIn(drafts, boxes);
      if (!saved || typing) setShowNotesAfterEnd(true);
      setMessage(
        !saved
          ? t('panel_session_ended_unsaved')
          : typing
            ? t('panel_session_ended_typing')
            : result.ok
              ? null
              : result.message,
      );
    });
  }, [callEnded, ended]);

  // Back in this call after it ended (a rejoin, or the end landed after the rejoin): the session continues.
  // Never because the session was ended otherwise ("End session now", another tab's call ending).
  // Not while the call waits for its person (a rejoin judged as the next meeting): it continues once they
  // join (the panel's start), never before.
  useEffect(() => {
    if (mode !== 'call' || callEnded || !ended || waiting || endingRef.current || !rejoined.current) return;
    rejoined.current = false;
    void startLiveSession({
      relationshipId: view.relationship.id,
      meetCode: session.meetCode,
      sessionId: session.id,
    }).catch(() => undefined);
  }, [mode, callEnded, ended, waiting]);

  // Not presenting any more: the notes come back without a click.
  useEffect(() => {
    if (!presenting) setReveal(false);
  }, [presenting]);

  // "End session", "Show notes" and "Back to summary" each swap the view under the button pressed: focus
  // goes to the summary's lead (the summary's own first line) or the session's heading once the new view
  // is drawn, not to the page's body. Opened by the user, the panel starts on its heading too (once). Only
  // while focus is lost or still in this panel: a user gone elsewhere meanwhile (Meet's controls while
  // presenting hid the summary, another box) keeps it, and the request is dropped.
  const panel = useRef<HTMLElement>(null);
  const focusTo = useRef<'summary' | 'heading' | null>(focusOnOpen?.current ? 'heading' : null);
  useEffect(() => {
    if (focusOnOpen) focusOnOpen.current = false;
    if (!focusTo.current || !panel.current) return;
    if (!focusIsFree(panel.current)) {
      focusTo.current = null;
      return;
    }
    const heading = panel.current.querySelector<HTMLElement>('[data-testid="session-with"]');
    const summary = panel.current.querySelector('[data-testid="session-summary"]');
    // The summary (not yet there while it is being held, or while presenting hides it): its lead line.
    const target =
      focusTo.current === 'heading'
        ? heading
        : summary && (summary.querySelector<HTMLElement>('.ses-summary-lead') ?? heading);
    if (!target) return;
    focusTo.current = null;
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
  });
  const showNotes = (shown: boolean) => {
    focusTo.current = shown ? 'heading' : 'summary';
    setShowNotesAfterEnd(shown);
  };

  const hidden = presenting && !reveal;
  const report = (result: Promise<{ ok: boolean; message?: string }>) =>
    void result.then((r) => setMessage(r.ok ? null : (r.message ?? null)));

  const header = (
    <header class="ses-header">
      <div>
        <p class="duet-muted cal-small ses-kicker">
          {ended
            ? t('panel_session_held')
            : mode === 'call'
              ? t('panel_session_live_call')
              : t('panel_session_live_person')}
        </p>
        <h1 class="event-title" data-testid="session-with" tabIndex={-1}>
          {theirName}
        </h1>
      </div>
      {ended ? null : (
        <label class="ses-template-pick">
          <span class="cal-sr-only">{t('panel_session_template')}</span>
          <select
            class="cal-input ses-select"
            data-testid="session-template"
            value={template.id}
            onChange={(event) => report(actions.switchTemplate(event.currentTarget.value))}
          >
            {view.templates
              .filter((option) => !option.retired || option.id === template.id)
              .map((option) => (
                <option value={option.id} key={option.id}>
                  {option.name}
                </option>
              ))}
          </select>
        </label>
      )}
    </header>
  );

  if (ended && !showNotesAfterEnd) {
    return (
      <section class="event cal ses" data-testid="session-panel" data-session-status="held" ref={panel}>
        {header}
        {hidden ? (
          <PresentingStrip onReveal={() => setReveal(true)} onOpenSidePanel={onOpenSidePanel} />
        ) : (
          <SessionSummary view={view} onShowNotes={() => showNotes(true)} onClose={onClose} />
        )}
      </section>
    );
  }

  /**
   * "End session": everything typed is saved first, then the session is held. A save that hangs (a blocked
   * database upgrade) says so after END_WAIT_MS and gives the button back; what it was saving still lands.
   */
  const endNow = () => {
    if (typingIn(drafts, boxes)) return setMessage(t('panel_session_end_typing'));
    setEndWaits(true);
    let gaveUp = false;
    const slow = setTimeout(() => {
      gaveUp = true;
      setEndWaits(false);
      setMessage(t('panel_session_end_still_saving'));
    }, END_WAIT_MS);
    endWait.current = slow;
    const done = (said: string | null) => {
      clearTimeout(slow);
      if (!gaveUp) setEndWaits(false);
      setMessage(said);
    };
    void unlessBlocked(() => notes.flush()).then(
      (saved) => {
        // Said so already: the session is ended when End is pressed again.
        if (gaveUp) return;
        if (!saved) return done(t('panel_session_end_unsaved'));
        // Once it is held, the summary takes this button's place: focus goes there.
        focusTo.current = 'summary';
        void actions.end('user').then((result) => {
          if (!result.ok) focusTo.current = null;
          done(result.ok ? null : (result.message ?? null));
        });
      },
      (error: unknown) => {
        if (!gaveUp) done(describeProblem(error).message);
      },
    );
  };

  return (
    <KeptDraftsContext.Provider value={drafts}>
      <section
        class="event cal ses"
        data-testid="session-panel"
        data-session-status={session.status}
        ref={panel}
      >
        {header}
        {session.live ? (
          <TimerBar
            timer={session.live.timer}
            titleOf={(id) => sectionTitleOf(id, template, view.templates)}
            onStep={(step) => report(actions.step(step))}
            onJump={(index) => report(actions.jump(index))}
          />
        ) : null}
        <AlertLine message={message} testId="session-action-error" />
        {hidden ? (
          <PresentingStrip onReveal={() => setReveal(true)} onOpenSidePanel={onOpenSidePanel} />
        ) : (
          <div class="cal-body" data-testid="session-content">
            <CaptureLine
              counterpartNames={view.people.map((p) => p.name)}
              theirLabel={
                view.people.length > 0
                  ? view.people.map((p) => p.name.split(' ')[0]).join(' & ')
                  : t('panel_owner_them')
              }
              locale={language.toLowerCase().startsWith('de') ? 'de' : 'en'}
              dayFirst={writesDayFirst(language || undefined)}
              myName={view.myName}
              onAdd={actions.addAgreement}
            />
            {view.made.length > 0 ? <MadeList view={view} /> : null}
            {template.sections.map((section) => (
              <SectionCard
                key={section.id}
                section={section}
                current={isCurrentSection(session.live?.timer, section.id)}
                view={view}
                notes={notes}
                actions={actions}
                theirName={feedbackName}
                careerParts={careerParts.get(section.id)}
                showsSteps={showsSteps}
                goalsHere={section.id === goalsSectionId}
              />
            ))}
            {otherFields.length > 0 ? (
              <section
                class="cal-section ses-section"
                data-testid="session-other-notes"
                aria-labelledby="ses-other-notes-title"
              >
                <div class="cal-section-head">
                  <h2 id="ses-other-notes-title" class="cal-section-title">
                    {t('panel_session_other_notes')}
                  </h2>
                </div>
                <p class="duet-muted cal-small">{t('panel_session_other_notes_hint')}</p>
                {otherFields.map((field, index) => (
                  <NotesField
                    key={field}
                    id={`ses-other-${index}`}
                    label={sectionTitleOf(field, template, view.templates)}
                    field={field}
                    notes={notes}
                    testId="other-notes"
                  />
                ))}
              </section>
            ) : null}
            <Agenda
              points={view.agenda}
              theirName={theirName}
              ended={ended}
              onToggle={actions.togglePoint}
              onAdd={actions.addPoint}
            />
            <AgreementList
              title={t('panel_session_review')}
              testId="review"
              agreements={view.toReview}
              people={view.people}
              today={dayOf(Date.now())}
              onDone={actions.done}
              onRenegotiate={actions.renegotiate}
              onDrop={actions.drop}
              onStillOpen={actions.stillOpen}
              reviewedInSession={(a) =>
                a.history.some((h) => h.action === 'reviewed' && h.sessionId === session.id)
              }
            />
            <NotesField
              id="ses-private"
              label={t('panel_session_private')}
              field={PRIVATE_FIELD}
              notes={notes}
              testId="private-notes"
            />
            <SaveLine notes={notes} />
            {notes.conflict ? (
              <ConflictChoice
                heading={t(
                  'panel_session_conflict_heading',
                  notes.conflict.field === PRIVATE_FIELD
                    ? t('panel_session_private_short')
                    : sectionTitleOf(notes.conflict.field, template, view.templates),
                )}
                intro={t('panel_session_conflict_intro')}
                theirs={notes.conflict.theirs}
                onKeepMine={() => notes.resolve('mine')}
                onUseTheirs={() => notes.resolve('theirs')}
                testId="notes-conflict"
              />
            ) : null}
            {ended ? (
              <button
                type="button"
                class="cal-button"
                data-testid="session-back-summary"
                onClick={() => showNotes(false)}
              >
                {t('panel_session_back_summary')}
              </button>
            ) : (
              <div class="cal-actions">
                <button
                  type="button"
                  class="cal-button cal-button-primary"
                  data-testid="session-end"
                  disabled={endWaits}
                  onClick={endNow}
                >
                  {mode === 'call' ? t('panel_session_end_now') : t('panel_session_end')}
                </button>
              </div>
            )}
          </div>
        )}
      </section>
    </KeptDraftsContext.Provider>
  );
}

/** The career conversation's action steps among the 1:1's goals. */
/**
 * Whether the running timer is in this section: by id, since the timer keeps the sections the session
 * started with and the template may have gained, lost or reordered sections since.
 */
function isCurrentSection(timer: TimerState | undefined, sectionId: string): boolean {
  return timer !== undefined && !timer.finished && timer.sectionIds[timer.currentIndex] === sectionId;
}

const careerStepsOf = (view: SessionView) => view.goals.filter(isCareerStep);
/** The goals the goals section shows: all of them, less the action steps when a career section shows those. */
const goalsShown = (view: SessionView, showsSteps: boolean) =>
  showsSteps ? view.goals.filter((goal) => !isCareerStep(goal)) : view.goals;

/**
 * Notes this session holds in fields its template has no section for: "Notes" written beside the Calendar
 * event, and sections of a template switched away from. Shown and editable so none is out of reach; a field
 * once shown stays (emptying it while typing does not take it away) until the session or template changes.
 */
function useOtherNoteFields({ session, template }: SessionView): string[] {
  const shown = useRef<{ key: string; fields: string[] }>({ key: '', fields: [] });
  const key = `${session.id}\u0000${template.id}`;
  if (shown.current.key !== key) shown.current = { key, fields: [] };
  const own = new Set(template.sections.map((section) => section.id));
  for (const [field, text] of Object.entries(session.notes)) {
    if (!own.has(field) && text.trim() !== '' && !shown.current.fields.includes(field))
      shown.current.fields.push(field);
  }
  return shown.current.fields;
}

/** While I present: what the panel holds is hidden, one click shows it (or moves it to the side panel). */
export function PresentingStrip({
  onReveal,
  onOpenSidePanel,
  hides = 'notes',
}: {
  onReveal: () => void;
  onOpenSidePanel?: () => void;
  /** What is kept out of view: a session's notes, or (a call Duet does not know) Duet's chooser itself. */
  hides?: 'notes' | 'duet';
}) {
  const duet = hides === 'duet';
  return (
    <div class="ses-presenting" role="status" data-testid="presenting-strip">
      <strong>{t(duet ? 'panel_presenting_duet' : 'panel_session_presenting')}</strong>
      <p class="cal-small">{t(duet ? 'panel_presenting_duet_text' : 'panel_session_presenting_text')}</p>
      <div class="cal-actions">
        {onOpenSidePanel ? (
          <button
            type="button"
            class="cal-button cal-button-small cal-button-primary"
            data-testid="open-side-panel"
            onClick={onOpenSidePanel}
          >
            {t('panel_session_side_panel')}
          </button>
        ) : null}
        <button
          type="button"
          class="cal-button cal-button-small cal-button-quiet"
          data-testid="reveal-notes"
          onClick={onReveal}
        >
          {t(duet ? 'panel_presenting_duet_reveal' : 'panel_session_reveal')}
        </button>
      </div>
    </div>
  );
}

function MadeList({ view }: { view: SessionView }) {
  return (
    <ul class="cal-list ses-made" data-testid="made-agreements" aria-label={t('panel_session_made')}>
      {view.made.map((a) => (
        <li class="cal-item" key={a.id} data-testid="made-agreement">
          <span class="cal-owner" data-testid="made-owner">
            {ownerLabel(a, view.people)}
          </span>
          <span class="cal-agreement-text" data-testid="made-text">
            {a.text}
          </span>
          <span class="duet-muted cal-small" data-testid="made-due">
            {a.dueDate ? t('panel_due', formatDay(a.dueDate, dayOf(Date.now()))) : t('panel_no_due_date')}
          </span>
        </li>
      ))}
    </ul>
  );
}

interface SectionCardProps {
  section: TemplateSection;
  current: boolean;
  view: SessionView;
  notes: SessionNotes;
  actions: SessionActions;
  /** Whom feedback is about: the 1:1's person, a 2-1's member, else its people together. */
  theirName: string;
  /** The career parts this section shows, if any (`careerPartsOf`). */
  careerParts: CareerPart[] | undefined;
  /** Whether a section of this template shows the career action steps. */
  showsSteps: boolean;
  /** Whether this section shows the goals (the template's first goals section). */
  goalsHere: boolean;
}

function SectionCard({
  section,
  current,
  view,
  notes,
  actions,
  theirName,
  careerParts,
  showsSteps,
  goalsHere,
}: SectionCardProps) {
  const [showPrompts, setShowPrompts] = useState(current);
  useEffect(() => {
    if (current) setShowPrompts(true);
  }, [current]);
  const id = `ses-section-${section.id}`;
  return (
    <section
      class={`cal-section ses-section${current ? ' ses-current' : ''}`}
      data-testid="session-section"
      data-section-id={section.id}
      aria-labelledby={`${id}-title`}
    >
      <div class="cal-section-head">
        <h2 id={`${id}-title`} class="cal-section-title">
          {section.title}
        </h2>
        <span class="duet-muted cal-small">{section.minutes ? t('panel_minutes', section.minutes) : ''}</span>
      </div>
      {section.prompts.length > 0 ? (
        <details
          open={showPrompts}
          onToggle={(e) => setShowPrompts((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary class="cal-small duet-muted">{t('panel_session_prompts')}</summary>
          <ul class="ses-prompts">
            {section.prompts.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {section.kind === 'check-in' ? (
        <CheckIn value={view.session.checkIn} onChange={actions.checkIn} />
      ) : null}
      {goalsHere ? (
        <GoalsSection
          goals={goalsShown(view, showsSteps)}
          defaultCategory={view.template.method === 'structured-50' ? 'okr' : 'impact'}
          onUpdate={actions.updateGoal}
          onProgress={actions.keyResultProgress}
          onAdd={actions.addGoal}
          onAddKeyResult={actions.addKeyResult}
        />
      ) : null}
      {section.kind === 'feedback' ? (
        <FeedbackSection feedback={view.feedback} theirName={theirName} onAdd={actions.addFeedback} />
      ) : null}
      {careerParts ? (
        <CareerSection
          parts={careerParts}
          assessment={view.session.assessment ?? null}
          steps={careerStepsOf(view)}
          onAssess={actions.assess}
          onAddStep={actions.addCareerStep}
          onSetStepArchived={(id, archived) => actions.updateGoal(id, { archived })}
        />
      ) : null}
      <NotesField
        id={id}
        label={t('panel_session_section_notes', section.title)}
        field={section.id}
        notes={notes}
        testId="section-notes"
        hideLabel
      />
    </section>
  );
}

function NotesField({
  id,
  label,
  field,
  notes,
  testId,
  hideLabel = false,
}: {
  id: string;
  label: string;
  field: string;
  notes: SessionNotes;
  testId: string;
  hideLabel?: boolean;
}) {
  return (
    <div class="ses-notes-field">
      <label for={`${id}-notes`} class={hideLabel ? 'cal-sr-only' : 'cal-label'}>
        {label}
      </label>
      <textarea
        id={`${id}-notes`}
        class="cal-input ses-textarea"
        data-testid={testId}
        data-field={field}
        rows={3}
        // A section's box has its title above it, not a label of its own: it says what it is for.
        placeholder={hideLabel ? t('panel_session_notes_placeholder') : undefined}
        value={notes.text(field)}
        onInput={(event) => notes.update(field, event.currentTarget.value)}
        onBlur={() => void notes.flush()}
      />
    </div>
  );
}

function SaveLine({ notes }: { notes: SessionNotes }) {
  const { status } = notes;
  return (
    <p class="note-status cal-small" role="status" data-testid="session-save-status" data-state={status.kind}>
      {status.kind === 'pending'
        ? t('panel_saving')
        : status.kind === 'saved'
          ? t('panel_session_saved')
          : status.kind === 'error'
            ? status.message
            : ''}
    </p>
  );
}
