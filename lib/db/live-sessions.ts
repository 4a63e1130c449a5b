/**
 * Live sessions: the 1:1 happening now, in a Meet call or in person. Starting one finds the session
 * already planned for about now (or this call's), else creates it from the relationship's template with
 * the carried-over talking points, and starts its section timer; ending one marks it held. Both are
 * idempotent, so the Meet panel, the background and a second tab can all call them.
 */
import {
  type Agreement,
  type CareerAssessment,
  type Feedback,
  type Goal,
  type LiveState,
  type Person,
  type Relationship,
  type Session,
  newUpcomingSession,
  writingTag,
  SessionSchema,
  type TalkingPoint,
  type Template,
} from '../domain/model';
import {
  finish as finishTimer,
  reopen as reopenTimer,
  startTimer,
  type TimerState,
} from '../domain/session-timer';
import Dexie from 'dexie';
import { dayOf } from '../domain/days';
import { DEFAULT_TEMPLATE_FOR_KIND } from '../domain/templates';
import { type DuetDatabase, getDatabase } from './database';
import { InvalidInputError } from './errors';
import { feedbackOf, goalsFinishedIn, goalsOf } from './goals-feedback';
import { newId } from './ids';
import { openAgreements } from './agreements';
import {
  carryOverInto,
  closestTo,
  ranNear,
  SAME_CALL_MS,
  sessionOfEventFor,
  sessionsAround,
  updateSession,
} from './sessions';
import { allTemplates, getSettings, getTemplate } from './settings';
import { recordDeletions } from './tombstones';
import { validate } from './validate';

/** A planned session this close to now is the one being held. */
export const LIVE_WINDOW_MS = 12 * 60 * 60 * 1000;
/**
 * The template a session runs on: its own, else its 1:1's, else (either deleted since: another tab, an
 * import) the kind's built-in one.
 */
function templateOf(
  templates: readonly Template[],
  session: Pick<Session, 'templateId'>,
  relationship: Pick<Relationship, 'templateId' | 'kind'>,
): Template | undefined {
  const byId = (id: string) => templates.find((t) => t.id === id);
  return (
    byId(session.templateId) ??
    byId(relationship.templateId) ??
    byId(DEFAULT_TEMPLATE_FOR_KIND[relationship.kind])
  );
}

/** Rejoining a call this soon after it ended continues the same session. */
export const REJOIN_WINDOW_MS = 3 * 60 * 60 * 1000;
export interface LiveStart {
  relationshipId: string;
  meetCode?: string | null;
  calendarEventId?: string | null;
  /** A specific session to run (e.g. "Start session" on a prepared one). */
  sessionId?: string | null;
  /** When a new session is scheduled (the Calendar event's start); default now. */
  scheduledAt?: number;
  now?: number;
}

export function liveOf(session: Session): LiveState | null {
  return session.live ?? null;
}

function timerFor(template: Template, now: number): TimerState {
  return startTimer(
    template.sections.map((s) => s.id),
    template.sections.map((s) => s.minutes),
    now,
  );
}

async function putSession(session: Session, db: DuetDatabase): Promise<Session> {
  const next = validate(SessionSchema, { ...session, updatedAt: Date.now() }, 'session');
  await db.sessions.put(next);
  return next;
}

/** Finds or creates the session being held now and makes sure its timer runs. */
export async function startLiveSession(input: LiveStart, db: DuetDatabase = getDatabase()): Promise<Session> {
  const now = input.now ?? Date.now();
  return db.transaction('rw', [db.sessions, db.relationships, db.talkingPoints, db.templates], async () => {
    const relationship = await db.relationships.get(input.relationshipId);
    if (!relationship) throw new InvalidInputError(`No 1:1 series ${input.relationshipId}`);
    let session = input.sessionId ? await db.sessions.get(input.sessionId) : undefined;
    if (session && session.relationshipId !== relationship.id) session = undefined;
    // This Calendar event's own session (prepared, or written in before), of this same 1:1 only.
    if (!session && input.calendarEventId) {
      const own = await sessionOfEventFor(input.calendarEventId, relationship.id, db);
      if (own?.status !== 'cancelled') session = own;
    }
    // The meeting this event is, already run as a call (started from Meet, so without the event id): the
    // same session, and it learns the event id.
    if (!session && input.calendarEventId && input.scheduledAt !== undefined) {
      const ran = await ranNear(relationship.id, input.scheduledAt, db);
      if (ran) {
        session = await putSession({ ...ran, calendarEventId: input.calendarEventId }, db);
        // Over already: shown as it is (its summary), never restarted from the event.
        if (session.status === 'held') return session;
      }
    }
    session ??= await findLiveCandidate(relationship, input, now, db);
    // A session run for this event from now on knows it (its prep card and its notes find it).
    if (session && input.calendarEventId && !session.calendarEventId && session.status !== 'held') {
      session = await putSession({ ...session, calendarEventId: input.calendarEventId }, db);
    }
    /** Made for this start (nothing to give back if the call turns out not to be this 1:1's). */
    let created = false;
    if (!session) {
      session = validate(
        SessionSchema,
        newUpcomingSession(
          {
            id: newId(),
            relationshipId: relationship.id,
            scheduledAt: input.scheduledAt ?? now,
            calendarEventId: input.calendarEventId ?? null,
            meetCode: input.meetCode ?? null,
            templateId: relationship.templateId,
          },
          now,
        ),
        'session',
      );
      await db.sessions.add(session);
      created = true;
    }
    const live = liveOf(session);
    /** Started by a Meet call (its room, no Calendar event): the call's end and a rejoin find it by its room. */
    const callRoom = input.meetCode && !input.calendarEventId ? input.meetCode : null;
    // Held and over: shown as it is, never restarted, and no open point moves into it — held a while ago (a
    // past event opened again), ended by the user, held without ever running live (notes written beside the
    // Calendar event once it had begun), or opened from anywhere but its own call ("Open session" in
    // Calendar). Held moments ago by the call's end and rejoined from that call's room: it continues.
    if (
      session.status === 'held' &&
      (!live ||
        now - (session.heldAt ?? 0) >= REJOIN_WINDOW_MS ||
        live.endedBy === 'user' ||
        callRoom === null ||
        callRoom !== session.meetCode)
    )
      return session;
    await carryOverInto(session, db);
    const template = templateOf(await allTemplates(db), session, relationship);
    if (!template) throw new InvalidInputError(`No template ${session.templateId}`);
    if (session.status !== 'held' && live && !live.endedAt) {
      // Running already (started from Calendar, or in another room) and now a call in this room took it:
      // it runs under this room, so this call's end and a rejoin find it.
      if (!callRoom || session.meetCode === callRoom) return session;
      const took = live.took ?? tookFrom(session, true);
      return putSession({ ...session, meetCode: callRoom, live: { ...live, took } }, db);
    }
    // A call taking a session that was there before it (planned for this meeting): what it was, to give
    // back if the call turns out not to be this 1:1's.
    const took = callRoom && !live && !created ? { took: tookFrom(session, false) } : {};
    return putSession(
      {
        ...session,
        // The room the call runs in (the Calendar event's may have been another): the call's end, a rejoin
        // and the panel find its session by it.
        meetCode: callRoom ?? session.meetCode ?? input.meetCode ?? null,
        status: 'upcoming',
        heldAt: null,
        // A rejoined call continues where it was; a first start begins the template's first section.
        live: live
          ? { ...live, endedAt: null, timer: reopenTimer(live.timer, now) }
          : { startedAt: now, endedAt: null, timer: timerFor(template, now), ...took },
      },
      db,
    );
  });
}

/** What a session is before a Meet call takes it (`live.took`): its room, its status, whether it ran. */
function tookFrom(session: Session, running: boolean): NonNullable<LiveState['took']> {
  const writing = writingTag(session);
  return {
    meetCode: session.meetCode,
    status: session.status === 'rescheduled' ? 'rescheduled' : 'upcoming',
    running,
    ...(writing ? { writing } : {}),
  };
}

/**
 * A call that never ended (the browser closed mid-call) and saw nothing for hours is over, whatever its code
 * (a series and a personal room reuse theirs): its timer would read hours, and a later call's notes would go
 * into that earlier meeting.
 */
export function isAbandoned(session: Session, now: number): boolean {
  const live = liveOf(session);
  return live !== null && !live.endedAt && now - session.updatedAt >= REJOIN_WINDOW_MS;
}

async function findLiveCandidate(
  relationship: Relationship,
  input: LiveStart,
  now: number,
  db: DuetDatabase,
): Promise<Session | undefined> {
  const around = (at: number) => sessionsAround(relationship.id, at, LIVE_WINDOW_MS, db);
  const near = await around(now);
  // This call's session, the one that ran live most recently — even if it ended a moment ago (a rejoin
  // continues it). Sessions merely planned with this Meet code are not "this call" yet.
  // Started from a Calendar event, only a call of that meeting: every instance of a series shares its Meet
  // code, so next week's event must not continue today's call.
  const ofThisMeeting = (s: Session) =>
    input.scheduledAt === undefined || Math.abs(s.scheduledAt - input.scheduledAt) <= SAME_CALL_MS;
  const abandoned = (s: Session) => isAbandoned(s, now);
  const sameCall = near
    .filter(
      (s) =>
        s.live &&
        !abandoned(s) &&
        ofThisMeeting(s) &&
        ((input.meetCode && s.meetCode === input.meetCode) ||
          (input.calendarEventId && s.calendarEventId === input.calendarEventId)),
    )
    .sort((a, b) => b.live!.startedAt - a.live!.startedAt)[0];
  if (sameCall && (sameCall.status !== 'held' || now - (sameCall.heldAt ?? 0) < REJOIN_WINDOW_MS)) {
    return sameCall;
  }
  // Else the planned session closest to when this 1:1 is: the Calendar event's start when started from one
  // (an event of another day must not take today's session), else now — never one planned for another
  // Calendar event.
  const at = input.scheduledAt ?? now;
  const candidates = Math.abs(at - now) < 1_000 ? near : await around(at);
  // Started without an event (a call from Meet, a session from the side panel): one going on, the meeting
  // planned for about now, or one for later today in this same room. Not tomorrow's (a call at 22:00 would hold it a day
  // early), nor one planned later today in another room (a quick call at noon would take the 15:00
  // meeting's prep and leave that meeting held before it began).
  const sameRoom = (s: Session) =>
    !input.meetCode ||
    s.meetCode === input.meetCode ||
    // Planned without a room (from Calendar's chip): this 1:1's own room counts.
    (!s.meetCode && relationship.meetCodes.includes(input.meetCode));
  const thisMeeting = (s: Session) =>
    Boolean(input.calendarEventId) ||
    (s.live !== null && s.live !== undefined && !s.live.endedAt) ||
    Math.abs(s.scheduledAt - now) <= SAME_CALL_MS ||
    (dayOf(s.scheduledAt) === dayOf(now) && sameRoom(s));
  return closestTo(
    at,
    candidates.filter(
      (s) =>
        (s.status === 'upcoming' || s.status === 'rescheduled') &&
        (!input.calendarEventId || !s.calendarEventId || s.calendarEventId === input.calendarEventId) &&
        thisMeeting(s) &&
        !abandoned(s),
    ),
  );
}

/**
 * Saves the timer after a step (next, skip, pause…); the timer is computed from timestamps, not ticks. A
 * step is best given as a change of the stored timer (`(timer) => nextSection(timer, now)`): two quick
 * clicks, or a view that has not caught up with another one's step, then each move on from the timer as it
 * is, instead of the second writing back what the first left behind.
 */
export function saveLiveTimer(
  sessionId: string,
  change: TimerState | ((stored: TimerState) => TimerState),
  db: DuetDatabase = getDatabase(),
) {
  return updateSession(
    sessionId,
    (s) => {
      const live = liveOf(s);
      if (!live) throw new InvalidInputError('This session is not running.');
      // A step that lands as the session ends (the call's end, another view's End) changes nothing: the
      // ended session keeps its finished timer.
      if (live.endedAt) return s;
      const timer = typeof change === 'function' ? change(live.timer) : change;
      return { ...s, live: { ...live, timer } };
    },
    db,
  );
}

/**
 * The session took place: held, timer stopped. Idempotent (a second end keeps the first time). `by`: the
 * user's "End session" (never continued by a rejoin) or the call's end.
 */
export function endLiveSession(
  sessionId: string,
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
  by: 'user' | 'call' = 'call',
) {
  return updateSession(
    sessionId,
    (s) => {
      const live = liveOf(s);
      if (s.status === 'held' && (!live || live.endedAt)) return s;
      const held = { ...s, status: 'held' as const, heldAt: s.heldAt ?? now };
      if (!live) return { ...held, live: null };
      // What the session was before a call took it is no longer given back once it took place (`took`).
      const { took: _took, ...ran } = live;
      return { ...held, live: { ...ran, endedAt: now, endedBy: by, timer: finishTimer(live.timer, now) } };
    },
    db,
  );
}

/** A Meet call of this 1:1 ended: end its running session, if one was started for the call. */
export async function endLiveSessionForCall(
  relationshipId: string,
  meetCode: string,
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
): Promise<Session | undefined> {
  const near = await db.sessions
    .where('[relationshipId+scheduledAt]')
    .between([relationshipId, now - LIVE_WINDOW_MS], [relationshipId, now + LIVE_WINDOW_MS], true, true)
    .toArray();
  // The call's own session is the one started last: an earlier one still open in this room was left open
  // (the browser closed mid-call) and is not this call.
  let running: { id: string; startedAt: number } | undefined;
  for (const s of near) {
    const live = liveOf(s);
    if (s.meetCode !== meetCode || !live || live.endedAt) continue;
    if (!running || live.startedAt > running.startedAt) running = { id: s.id, startedAt: live.startedAt };
  }
  return running ? endLiveSession(running.id, now, db) : undefined;
}

/**
 * The call turned out not to be this 1:1's (the user linked it to another, or said it is not a 1:1): the
 * session it ran for it is let go. One with nothing written in it goes back to what it was — planned again,
 * or gone if the call made it (its points unplanned again) — so the 1:1's real meeting runs on it later; one
 * with notes, a check-in or decisions took place and is held.
 */
export async function releaseCallSession(
  relationshipId: string,
  meetCode: string,
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
): Promise<void> {
  const tables = [db.sessions, db.talkingPoints, db.agreements, db.feedback, db.tombstones];
  await db.transaction('rw', tables, async () => {
    // Running, or held moments ago by the call's end (corrected at Meet's end screen); not one the user
    // ended themselves: that one took place.
    const session = await runningSessionOfCall(relationshipId, meetCode, now, REJOIN_WINDOW_MS, db);
    const live = session ? liveOf(session) : null;
    if (!session || !live || live.endedBy === 'user') return;
    // Running already when the call took it (started from Calendar): it goes on, in its own room again.
    if (live.took?.running) {
      const { took, endedBy: _endedBy, ...kept } = live;
      // Ended with the call meanwhile (corrected at Meet's end screen): running again, as it was.
      const running = kept.endedAt ? { ...kept, endedAt: null, timer: reopenTimer(kept.timer, now) } : kept;
      await updateSession(
        session.id,
        (s) => ({ ...s, meetCode: took.meetCode, status: 'upcoming', heldAt: null, live: running }),
        db,
      );
      return;
    }
    const id = session.id;
    // Prep notes written before the call took it are not the call's: only a change since counts.
    const written =
      writingTag(session) !== (live.took?.writing ?? null) ||
      (await db.agreements.where('madeInSessionId').equals(id).count()) > 0 ||
      (await db.agreements
        .where('[relationshipId+status]')
        .between([relationshipId, Dexie.minKey], [relationshipId, Dexie.maxKey])
        .filter((a) => a.history.some((h) => h.sessionId === id))
        .count()) > 0 ||
      (await db.feedback.where('sessionId').equals(id).count()) > 0 ||
      (await db.talkingPoints
        .where('sessionId')
        .equals(id)
        .filter((p) => p.status !== 'open')
        .count()) > 0;
    if (written) {
      if (!live.endedAt) await endLiveSession(id, now, db);
      return;
    }
    // Made by this call (not planned before it, nor for a Calendar event): nothing of it is left.
    const madeByCall = !live.took && !session.calendarEventId && session.createdAt >= live.startedAt - 1_000;
    if (!madeByCall) {
      // Planned again, as it was before the call took it (its room, "rescheduled").
      await updateSession(
        id,
        (s) => ({
          ...s,
          status: live.took?.status ?? 'upcoming',
          meetCode: live.took ? live.took.meetCode : s.meetCode,
          heldAt: null,
          live: null,
        }),
        db,
      );
      return;
    }
    await db.talkingPoints.where('sessionId').equals(id).modify({ sessionId: null, updatedAt: now });
    await db.sessions.delete(id);
    await recordDeletions(db, 'sessions', [session], now);
  });
}

/** Another template for this session: notes stay (by section id); the timer restarts on the new sections. */
export async function switchSessionTemplate(
  sessionId: string,
  templateId: string,
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
): Promise<Session> {
  const template = await getTemplate(templateId, db);
  if (!template || template.retired)
    throw new InvalidInputError('That template no longer exists; pick another one.');
  return updateSession(
    sessionId,
    (s) => {
      const live = liveOf(s);
      return {
        ...s,
        templateId,
        live: live && !live.endedAt ? { ...live, timer: timerFor(template, now) } : live,
      };
    },
    db,
  );
}

export function saveCareerAssessment(
  sessionId: string,
  assessment: CareerAssessment | null,
  db: DuetDatabase = getDatabase(),
) {
  return updateSession(sessionId, (s) => ({ ...s, assessment }), db);
}

// Reading --------------------------------------------------------------------------------------------

export interface SessionView {
  session: Session;
  relationship: Relationship;
  people: Person[];
  template: Template;
  templates: Template[];
  /** This session's talking points (open and discussed), in agenda order. */
  agenda: TalkingPoint[];
  /** Points this session left undiscussed that a later session has taken since (still open or not). */
  carriedAway: TalkingPoint[];
  /** Active agreements from earlier sessions, to review. */
  toReview: Agreement[];
  /** Agreements made in this session (any status). */
  made: Agreement[];
  /** Earlier agreements closed (done or dropped) during this session. */
  closed: Agreement[];
  /** Earlier agreements given a new due date during this session, still open. */
  moved: Agreement[];
  goals: Goal[];
  /** Goals archived — finished, career steps done — in this session (`finishedInSession`), for its summary. */
  finishedGoals?: Goal[];
  feedback: Feedback[];
  /** My name as set in the options ('' when not set), for what is copied out of the session. */
  myName: string;
}

export async function loadSessionView(
  sessionId: string,
  db: DuetDatabase = getDatabase(),
): Promise<SessionView | undefined> {
  const session = await db.sessions.get(sessionId);
  if (!session) return undefined;
  const relationship = await db.relationships.get(session.relationshipId);
  if (!relationship) return undefined;
  // Every template, retired ones too: notes of a section a retired template had keep its title. The
  // session's template select offers only those not retired (and this session's own).
  const [people, points, carriedAway, active, made, closedRows, goals, feedback, templates, settings] =
    await Promise.all([
      db.people.bulkGet(relationship.personIds),
      db.talkingPoints.where('sessionId').equals(session.id).sortBy('order'),
      // Only a held session has a summary to say it in (and a live one reads again on every save).
      session.status === 'held'
        ? db.talkingPoints
            .where('[relationshipId+status]')
            .anyOf([
              [relationship.id, 'open'],
              [relationship.id, 'discussed'],
            ])
            .filter((p) => p.sessionId !== session.id && (p.carriedFrom ?? []).includes(session.id))
            .sortBy('order')
        : Promise.resolve([]),
      openAgreements(relationship.id, db),
      db.agreements.where('madeInSessionId').equals(session.id).toArray(),
      db.agreements
        .where('[relationshipId+status]')
        .anyOf([
          [relationship.id, 'done'],
          [relationship.id, 'dropped'],
        ])
        // Closed in this session: its done or drop (reviewed here and closed in a later one is not).
        .filter(
          (a) =>
            a.madeInSessionId !== session.id &&
            a.history.some(
              (h) => h.sessionId === session.id && (h.action === 'done' || h.action === 'dropped'),
            ),
        )
        .toArray(),
      Promise.all([goalsOf(relationship.id, db), goalsFinishedIn(session, db)]),
      feedbackOf(relationship.id, db),
      allTemplates(db),
      getSettings(db),
    ]);
  const template = templateOf(templates, session, relationship) ?? templates[0]!;
  const toReview = active.filter((a) => a.madeInSessionId !== session.id);
  return {
    session,
    relationship,
    people: people.filter((p): p is Person => p !== undefined),
    template,
    templates,
    // Only this 1:1's: a row naming a session of another 1:1 (a damaged or tampered one) never shows here.
    agenda: points.filter((p) => p.status !== 'dropped' && p.relationshipId === relationship.id),
    carriedAway,
    toReview,
    moved: toReview.filter((a) =>
      a.history.some((h) => h.sessionId === session.id && h.action === 'renegotiated'),
    ),
    made: made.filter((a) => a.relationshipId === relationship.id).sort((a, b) => a.createdAt - b.createdAt),
    closed: closedRows,
    goals: goals[0],
    finishedGoals: goals[1],
    feedback,
    myName: settings.myName,
  };
}

/**
 * The session this call is running, or ran a moment ago: one that went live with this Meet code and is still
 * running (not abandoned) or ended less than `within` ago (a rejoin continues it). A session only planned
 * or prepared with the code, or run at an earlier meeting with it (a series' instances share one), is not it.
 */
export async function runningSessionOfCall(
  relationshipId: string,
  meetCode: string,
  now: number = Date.now(),
  /** How long after its end a session is still this call's (a rejoin, the summary at the end). */
  within: number = REJOIN_WINDOW_MS,
  db: DuetDatabase = getDatabase(),
): Promise<Session | undefined> {
  const near = await sessionsAround(relationshipId, now, LIVE_WINDOW_MS, db);
  return near
    .filter((s) => {
      const live = liveOf(s);
      if (!live || s.meetCode !== meetCode) return false;
      if (s.status === 'held') return now - (s.heldAt ?? 0) < within;
      return live.endedAt ? now - live.endedAt < within : !isAbandoned(s, now);
    })
    .sort((a, b) => liveOf(b)!.startedAt - liveOf(a)!.startedAt)[0];
}
