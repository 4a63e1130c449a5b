/**
 * Sessions of a relationship: history, the last held one, preparing/starting with carry-over, and the
 * status changes (held, cancelled, rescheduled). Notes save per template section.
 */
import Dexie from 'dexie';
import { pointsToCarryInto } from '../domain/carry-over';
import {
  type CheckIn,
  newUpcomingSession,
  type Session,
  SessionSchema,
  type TalkingPoint,
} from '../domain/model';
import { MAX_LONG_TEXT } from '../domain/model';
import { type DuetDatabase, getDatabase } from './database';
import { EditConflictError, InvalidInputError } from './errors';
import { newId } from './ids';
import { validate } from './validate';

export function getSession(id: string, db: DuetDatabase = getDatabase()): Promise<Session | undefined> {
  return db.sessions.get(id);
}

export function sessionForCalendarEvent(
  calendarEventId: string,
  db: DuetDatabase = getDatabase(),
): Promise<Session | undefined> {
  return db.sessions.where('calendarEventId').equals(calendarEventId).first();
}

/**
 * This 1:1's session for a Calendar event — never another 1:1's (a slot handed from one person's 1:1 to
 * another's leaves both a session for the same event); a cancelled one only when it has no other.
 */
export async function sessionOfEventFor(
  calendarEventId: string,
  relationshipId: string,
  db: DuetDatabase = getDatabase(),
): Promise<Session | undefined> {
  const own = (await db.sessions.where('calendarEventId').equals(calendarEventId).toArray()).filter(
    (s) => s.relationshipId === relationshipId,
  );
  return own.find((s) => s.status !== 'cancelled') ?? own[0];
}

/** Newest first. */
export async function sessionHistory(
  relationshipId: string,
  { limit = Infinity }: { limit?: number } = {},
  db: DuetDatabase = getDatabase(),
): Promise<Session[]> {
  const query = db.sessions
    .where('[relationshipId+scheduledAt]')
    .between([relationshipId, Dexie.minKey], [relationshipId, Dexie.maxKey])
    .reverse();
  return Number.isFinite(limit) ? query.limit(limit).toArray() : query.toArray();
}

/** The most recent session that actually took place (an index lookup, not a scan). */
export function lastHeldSession(
  relationshipId: string,
  db: DuetDatabase = getDatabase(),
): Promise<Session | undefined> {
  return db.sessions
    .where('[relationshipId+status+scheduledAt]')
    .between([relationshipId, 'held', Dexie.minKey], [relationshipId, 'held', Dexie.maxKey])
    .last();
}

/**
 * The most recent session held before `before` (exclusive), other than `exceptId`: "last time" as seen from an
 * event, which may lie in the past (an index range read from the end, not a scan).
 */
export function lastHeldSessionBefore(
  relationshipId: string,
  before: number,
  exceptId: string | null = null,
  db: DuetDatabase = getDatabase(),
): Promise<Session | undefined> {
  const upper = Number.isFinite(before) ? before : Dexie.maxKey;
  return db.sessions
    .where('[relationshipId+status+scheduledAt]')
    .between([relationshipId, 'held', Dexie.minKey], [relationshipId, 'held', upper], true, false)
    .filter((session) => session.id !== exceptId)
    .last();
}

/** A session that started this long ago may still be going on. */
export const IN_PROGRESS_GRACE_MS = 12 * 60 * 60 * 1000;

/**
 * The next session still to happen (upcoming or rescheduled, not long past), earliest first. Stale
 * "upcoming" sessions far in the past never count as next.
 */
export async function nextSession(
  relationshipId: string,
  db: DuetDatabase = getDatabase(),
  now: number = Date.now(),
): Promise<Session | undefined> {
  const from = now - IN_PROGRESS_GRACE_MS;
  const [upcoming, rescheduled] = await Promise.all(
    (['upcoming', 'rescheduled'] as const).map((status) =>
      db.sessions
        .where('[relationshipId+status+scheduledAt]')
        .between([relationshipId, status, from], [relationshipId, status, Dexie.maxKey])
        .first(),
    ),
  );
  const candidates = [upcoming, rescheduled].filter((s): s is Session => s !== undefined);
  return candidates.sort((a, b) => a.scheduledAt - b.scheduledAt)[0];
}

/**
 * A call going on now: it went live, has not ended, and began less than half a day ago (one never ended
 * since then was left open: the browser closed mid-call).
 */
export function isRunning(session: Session, now: number): boolean {
  return Boolean(
    session.live && !session.live.endedAt && now - session.live.startedAt < IN_PROGRESS_GRACE_MS,
  );
}

/** A call this close to a Calendar event's start is that event's meeting. */
export const SAME_CALL_MS = 60 * 60 * 1000;

/**
 * A session of this 1:1 without a Calendar event that ran live or was held within an hour of the event's
 * start, the closest: the call this event's meeting was held as (a call starts late, rarely an hour late;
 * a wider window would merge two meetings of one day).
 */
export async function ranNear(
  relationshipId: string,
  at: number,
  db: DuetDatabase = getDatabase(),
): Promise<Session | undefined> {
  const near = await sessionsAround(relationshipId, at, SAME_CALL_MS, db);
  return closestTo(at, near.filter(ranWithoutEvent));
}

/** A call of the 1:1 that ran (live or held) without a Calendar event: what an event may have been held as. */
export function ranWithoutEvent(session: Session): boolean {
  return (
    session.calendarEventId === null &&
    session.status !== 'cancelled' &&
    (Boolean(session.live) || session.status === 'held')
  );
}

/** This 1:1's sessions scheduled within `window` of `at`. */
export function sessionsAround(relationshipId: string, at: number, window: number, db: DuetDatabase) {
  return db.sessions
    .where('[relationshipId+scheduledAt]')
    .between([relationshipId, at - window], [relationshipId, at + window], true, true)
    .toArray();
}

/** The session scheduled closest to `at`. */
export function closestTo(at: number, sessions: readonly Session[]): Session | undefined {
  return [...sessions].sort((a, b) => Math.abs(a.scheduledAt - at) - Math.abs(b.scheduledAt - at))[0];
}

export interface SessionPlan {
  relationshipId: string;
  scheduledAt: number;
  calendarEventId?: string | null;
  meetCode?: string | null;
  templateId?: string;
}

export interface PrepareOptions {
  /**
   * Whether open talking points move into the session (default true: Start prep, a call). False for a
   * session made only to hold notes written afterwards for a past meeting: today's points are not its.
   */
  carryOver?: boolean;
}

export interface StartedSession {
  session: Session;
  /** Talking points that flowed in from earlier sessions. */
  carriedPointIds: string[];
}

/**
 * Prepares (or starts) the session for a meeting: reuses the session of the same calendar event if there
 * is one, or the call it was already run as, else creates it from the relationship's template; then
 * carries over undiscussed talking points (never into a session already held).
 */
export async function prepareSession(
  plan: SessionPlan,
  db: DuetDatabase = getDatabase(),
  { carryOver = true }: PrepareOptions = {},
): Promise<StartedSession> {
  return db.transaction('rw', [db.sessions, db.relationships, db.talkingPoints], async () => {
    const relationship = await db.relationships.get(plan.relationshipId);
    if (!relationship) throw new InvalidInputError(`No 1:1 series ${plan.relationshipId}`);
    // Reuse this meeting's session — only one of this same 1:1 (never another series' session).
    let session = plan.calendarEventId
      ? await sessionOfEventFor(plan.calendarEventId, relationship.id, db)
      : undefined;
    // The meeting already run as a call (started from Meet, so without the event id): that session, and it
    // learns the event id. Held, it is shown as it is: today's open points never move into it.
    if (!session && plan.calendarEventId) {
      const ran = await ranNear(relationship.id, plan.scheduledAt, db);
      if (ran) {
        session = validate(
          SessionSchema,
          { ...ran, calendarEventId: plan.calendarEventId, updatedAt: Date.now() },
          'session',
        );
        await db.sessions.put(session);
        if (session.status === 'held') return { session, carriedPointIds: [] };
      }
    }
    if (!session) {
      const now = Date.now();
      session = validate(
        SessionSchema,
        newUpcomingSession(
          {
            id: newId(),
            relationshipId: relationship.id,
            scheduledAt: plan.scheduledAt,
            calendarEventId: plan.calendarEventId ?? null,
            meetCode: plan.meetCode ?? null,
            templateId: plan.templateId ?? relationship.templateId,
          },
          now,
        ),
        'session',
      );
      await db.sessions.add(session);
    }
    const carried = carryOver ? await carryOverInto(session, db) : [];
    return { session, carriedPointIds: carried };
  });
}

/** Moves the relationship's open talking points that are due to carry over into this session. */
export async function carryOverInto(session: Session, db: DuetDatabase): Promise<string[]> {
  const now = Date.now();
  // A meeting that is over, or will not happen, takes no points: held (a call rejoined after its end goes on
  // with what it had; points added since are for next time) or cancelled.
  if (session.status === 'held' || session.status === 'cancelled') return [];
  const open = await db.talkingPoints
    .where('[relationshipId+status]')
    .equals([session.relationshipId, 'open'])
    .toArray();
  const plannedIds = [...new Set(open.map((p) => p.sessionId).filter((id): id is string => id !== null))];
  const planned = await db.sessions.bulkGet(plannedIds);
  const byId = new Map(planned.filter((s): s is Session => s !== undefined).map((s) => [s.id, s]));
  // A session still "upcoming" half a day after its time never took place (skipped, deleted in Calendar):
  // its points move on, as nextSession no longer counts it.
  // A Calendar meeting still to come (or running now) takes the points of one prepared for after it (the
  // earlier meeting discusses them first). Not a call without an event (an extra one: the planned meeting
  // keeps its points), nor a meeting begun and over (notes written afterwards or for last week).
  const stillToCome =
    session.calendarEventId !== null && (session.scheduledAt > now || isRunning(session, now));
  const toCarry = pointsToCarryInto(
    session.id,
    open,
    byId,
    now - IN_PROGRESS_GRACE_MS,
    stillToCome ? session.scheduledAt : Infinity,
  );
  await db.talkingPoints.bulkPut(
    toCarry.map((point) => ({
      ...point,
      sessionId: session.id,
      // Left undiscussed by a meeting that took place (held, or a call left open): its summary lists it.
      // Not one prepared for later whose points an earlier meeting takes first.
      ...(point.sessionId !== null && tookPlace(byId.get(point.sessionId))
        ? { carriedFrom: carriedFrom(point, point.sessionId) }
        : {}),
      updatedAt: now,
    })),
  );
  return toCarry.map((point) => point.id);
}

const tookPlace = (session: Session | undefined) => session?.status === 'held' || Boolean(session?.live);

/** A point's `carriedFrom` with one more session it left (each once, the newest last, the last 20). */
function carriedFrom(point: TalkingPoint, from: string): string[] {
  return [...(point.carriedFrom ?? []).filter((id) => id !== from), from].slice(-20);
}

/** Reads, changes, validates and stores one session in a transaction (throws if it does not exist). */
export async function updateSession(
  id: string,
  change: (session: Session) => Session,
  db: DuetDatabase,
): Promise<Session> {
  return db.transaction('rw', db.sessions, async () => {
    const existing = await db.sessions.get(id);
    if (!existing) throw new InvalidInputError(`No session ${id}`);
    const changed = change(existing);
    // Nothing to change (the change gave the session back as it is): nothing written, not even a stamp.
    if (changed === existing) return existing;
    const next = validate(SessionSchema, { ...changed, updatedAt: Date.now() }, 'session');
    await db.sessions.put(next);
    return next;
  });
}

export function markSessionHeld(id: string, heldAt: number = Date.now(), db: DuetDatabase = getDatabase()) {
  return updateSession(id, (s) => ({ ...s, status: 'held', heldAt }), db);
}

/** Postponed: same session, new time; it keeps its talking points. */
export function rescheduleSession(id: string, scheduledAt: number, db: DuetDatabase = getDatabase()) {
  return updateSession(id, (s) => ({ ...s, status: 'rescheduled', scheduledAt }), db);
}

/** Cancelled: its undiscussed talking points pass on to the next session. */
export async function cancelSession(id: string, db: DuetDatabase = getDatabase()): Promise<Session> {
  return db.transaction('rw', [db.sessions, db.talkingPoints], async () => {
    // A 1:1 held meanwhile (in another tab, or the call ran while a popup stayed open) took place: it is
    // never turned into a cancelled one, nor are its points moved away.
    const current = await db.sessions.get(id);
    if (current?.status === 'held')
      throw new InvalidInputError('This 1:1 was already held, so it can’t be cancelled.');
    // One that ran (its call, or "Start session") is going on or took place: cancelling it would empty the
    // agenda of a call in progress.
    if (current?.live)
      throw new InvalidInputError(
        'This 1:1 has started (its call or session ran), so it can’t be cancelled.',
      );
    const session = await updateSession(id, (s) => ({ ...s, status: 'cancelled' }), db);
    const now = Date.now();
    await db.talkingPoints
      .where('sessionId')
      .equals(id)
      .and((point) => point.status === 'open')
      .modify({ sessionId: null, updatedAt: now });
    const next = await nextSession(session.relationshipId, db);
    if (next) await carryOverInto(next, db);
    return session;
  });
}

/**
 * `expected`: the text this page last saw for the field. If the stored text differs (another tab saved
 * meanwhile), nothing is written and `EditConflictError` carries the stored text.
 */
export interface SaveNotesOptions {
  expected?: string;
}

function checkExpected(current: string, text: string, options: SaveNotesOptions): void {
  if (options.expected !== undefined && current !== options.expected && current !== text) {
    throw new EditConflictError(current);
  }
}

export async function saveSectionNotes(
  sessionId: string,
  sectionId: string,
  text: string,
  db: DuetDatabase = getDatabase(),
  options: SaveNotesOptions = {},
): Promise<Session> {
  if (text.length > MAX_LONG_TEXT) throw new InvalidInputError(`notes: at most ${MAX_LONG_TEXT} characters`);
  return updateSession(
    sessionId,
    (s) => {
      checkExpected(s.notes[sectionId] ?? '', text, options);
      return { ...s, notes: { ...s.notes, [sectionId]: text } };
    },
    db,
  );
}

export function savePrivateNotes(
  sessionId: string,
  text: string,
  db: DuetDatabase = getDatabase(),
  options: SaveNotesOptions = {},
) {
  return updateSession(
    sessionId,
    (s) => {
      checkExpected(s.privateNotes, text, options);
      return { ...s, privateNotes: text };
    },
    db,
  );
}

/**
 * Saves the check-in's given scales over the stored ones: two quick clicks (mood, then workload) each keep
 * the other's answer, whatever the page showed when each was clicked.
 */
export function saveCheckIn(sessionId: string, checkIn: Partial<CheckIn>, db: DuetDatabase = getDatabase()) {
  return updateSession(
    sessionId,
    (s) => ({ ...s, checkIn: { mood: null, workload: null, ...s.checkIn, ...checkIn } }),
    db,
  );
}

/** Sessions in a time window across all relationships (upcoming 1:1s), earliest first. */
export async function sessionsBetween(
  from: number,
  to: number,
  statuses: readonly Session['status'][] = ['upcoming', 'rescheduled'],
  db: DuetDatabase = getDatabase(),
  limit = Infinity,
): Promise<Session[]> {
  const lists = await Promise.all(
    statuses.map((status) => {
      const range = db.sessions
        .where('[status+scheduledAt]')
        .between([status, from], [status, to], true, true);
      return Number.isFinite(limit) ? range.limit(limit).toArray() : range.toArray();
    }),
  );
  return lists
    .flat()
    .sort((a, b) => a.scheduledAt - b.scheduledAt)
    .slice(0, limit);
}

/** How many sessions fall in a window; with `cap`, stops counting there (reads index keys only). */
export async function countSessionsBetween(
  from: number,
  to: number,
  statuses: readonly Session['status'][] = ['upcoming', 'rescheduled'],
  db: DuetDatabase = getDatabase(),
  cap = Infinity,
): Promise<number> {
  const counts = await Promise.all(
    statuses.map(async (status) => {
      const range = db.sessions
        .where('[status+scheduledAt]')
        .between([status, from], [status, to], true, true);
      return Number.isFinite(cap) ? (await range.limit(cap).primaryKeys()).length : range.count();
    }),
  );
  return Math.min(
    cap,
    counts.reduce((a, b) => a + b, 0),
  );
}
