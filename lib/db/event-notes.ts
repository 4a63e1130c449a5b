/**
 * Notes for a Calendar event, as the Calendar panel writes them before a richer session view exists:
 * the event's session (found by its calendar event id, or created in the event's series) holds them
 * in its general section.
 */
import { peopleNotAmongGuests } from '../domain/email';
import { classifyTitle } from '../domain/one-on-one-title';
import type { Relationship, Session } from '../domain/model';
import { type DuetDatabase, getDatabase } from './database';
import { InvalidInputError } from './errors';
import { GENERAL_NOTES_SECTION, instantFromEventKey } from './migrations';
import { createRelationship, findRelationshipForEvent } from './relationships';
import {
  IN_PROGRESS_GRACE_MS,
  isRunning,
  markSessionHeld,
  prepareSession,
  saveSectionNotes,
  sessionForCalendarEvent,
  sessionOfEventFor,
  type SaveNotesOptions,
} from './sessions';
import { MAX_LONG_TEXT } from '../domain/model';
import { ASSUMED_LENGTH_MS } from './reminders';

export interface EventRef {
  /** Decoded Calendar event (instance) id. */
  eventKey: string;
  /** Its recurring series id (or the event id for a single event). */
  seriesKey: string;
  title: string;
  /**
   * The 1:1 the panel shows this event as, when it knows one: the note is that 1:1's session's, never the
   * session another 1:1 has for the same event (a slot handed from one person to another).
   */
  relationshipId?: string | null;
  /**
   * The meeting's guests' emails, when known. With no 1:1 given, a session or series of a 1:1 whose people
   * have emails, none of them among these guests, is someone else's: never read nor written (a slot of
   * Bob's series handed to Carol keeps Bob's notes to themselves, and Carol's out of Bob's 1:1).
   */
  guestEmails?: readonly string[];
  /** When the meeting starts (Calendar's chip), if known: a session created for it is scheduled then. */
  startsAt?: number | null;
}

export function generalNotesOf(session: Pick<Session, 'notes'> | undefined): string {
  return session?.notes[GENERAL_NOTES_SECTION] ?? '';
}

/** Whether a 1:1 is someone else's than this meeting's (`peopleNotAmongGuests`). */
async function belongsToOthers(
  relationship: Relationship,
  guestEmails: readonly string[],
  db: DuetDatabase,
): Promise<boolean> {
  const people = await db.people.bulkGet(relationship.personIds);
  return peopleNotAmongGuests(
    people.flatMap((person) => person?.emails ?? []),
    guestEmails,
  );
}

/**
 * The event's session: of this 1:1 when one is given (sessionOfEventFor), else the first one that is not
 * someone else's (see `EventRef.guestEmails`).
 */
async function sessionOfEvent(
  event: Pick<EventRef, 'eventKey' | 'relationshipId' | 'guestEmails'>,
  db: DuetDatabase,
): Promise<Session | undefined> {
  if (event.relationshipId) return sessionOfEventFor(event.eventKey, event.relationshipId, db);
  const guests = event.guestEmails ?? [];
  if (guests.length === 0) return sessionForCalendarEvent(event.eventKey, db);
  for (const session of await db.sessions.where('calendarEventId').equals(event.eventKey).toArray()) {
    const relationship = await db.relationships.get(session.relationshipId);
    if (relationship && !(await belongsToOthers(relationship, guests, db))) return session;
  }
  return undefined;
}

export async function getEventNote(
  eventKey: string,
  db: DuetDatabase = getDatabase(),
  relationshipId?: string | null,
  guestEmails?: readonly string[],
) {
  const session = await sessionOfEvent({ eventKey, relationshipId, guestEmails }, db);
  return session
    ? { text: generalNotesOf(session), updatedAt: session.updatedAt, sessionId: session.id }
    : undefined;
}

/** Saves the event's notes, creating its series and session on first write. */
export async function saveEventNote(
  event: EventRef,
  text: string,
  db: DuetDatabase = getDatabase(),
  options: SaveNotesOptions = {},
): Promise<Session> {
  if (text.length > MAX_LONG_TEXT) throw new InvalidInputError(`notes: at most ${MAX_LONG_TEXT} characters`);
  // db.settings: a series created here takes the user's default cadence for its kind (createRelationship).
  const tables = [db.sessions, db.relationships, db.people, db.talkingPoints, db.settings];
  return db.transaction('rw', tables, async () => {
    let session = await sessionOfEvent(event, db);
    if (!session) {
      const shown = event.relationshipId ? await db.relationships.get(event.relationshipId) : undefined;
      // The series' 1:1 as the panel looks it up (guests and title): never one of other people's.
      const identity = {
        seriesId: event.seriesKey,
        counterpartEmails: [...(event.guestEmails ?? [])],
        title: event.title,
      };
      const relationship: Relationship =
        shown ??
        (await findRelationshipForEvent(identity, db)) ??
        (await createRelationship(
          {
            personIds: [],
            kind: classifyTitle(event.title)?.kind ?? 'one-on-one',
            title: event.title || 'Untitled 1:1',
            calendarSeriesIds: [event.seriesKey],
          },
          db,
        ));
      // When the meeting starts: the chip's time, else the instance id's original start (a moved instance's
      // id keeps it), else unknown — now, and not taken to be held.
      const known = event.startsAt ?? instantFromEventKey(event.eventKey);
      const scheduledAt = known ?? Date.now();
      // Notes written afterwards for a meeting more than half a day past (one Duet never saw): that meeting
      // is over, and today's open points are not its own.
      const longPast = known !== null && known < Date.now() - IN_PROGRESS_GRACE_MS;
      ({ session } = await prepareSession(
        { relationshipId: relationship.id, scheduledAt, calendarEventId: event.eventKey },
        db,
        { carryOver: !longPast },
      ));
      if (known === null) return saveSectionNotes(session.id, GENERAL_NOTES_SECTION, text, db, options);
    }
    // Notes written for a meeting that is over mean it took place — a session Duet made for it
    // just now, or one prepared ahead (Start prep) and still upcoming — unless it is running now as a call
    // (the panel beside Meet ends it; held, it would show its summary mid-call). Not one postponed or
    // cancelled: the user said so.
    const startedAt = event.startsAt ?? instantFromEventKey(event.eventKey) ?? session.scheduledAt;
    const now = Date.now();
    // Not while it may still be going on (notes typed during an in-person 1:1, which may yet be run with its
    // template from the panel): once it is over, as an unopened meeting counts (ASSUMED_LENGTH_MS).
    if (session.status === 'upcoming' && startedAt + ASSUMED_LENGTH_MS <= now && !isRunning(session, now))
      session = await markSessionHeld(session.id, startedAt, db);
    return saveSectionNotes(session.id, GENERAL_NOTES_SECTION, text, db, options);
  });
}

/**
 * Meetings noted beside their Calendar event while they went on (within their first ASSUMED_LENGTH_MS: not
 * held then, so they could still be run from the panel), once over and never run: held, at their start, as
 * a note written afterwards would have made them. A note saved before the meeting (prep) does not count.
 * The background's reminder check calls this; it returns how many it settled.
 */
export async function settleNotedMeetings(now: number = Date.now(), db: DuetDatabase = getDatabase()) {
  return db.transaction('rw', db.sessions, async () => {
    const over = await db.sessions
      .where('[status+scheduledAt]')
      .between(['upcoming', now - SETTLE_WINDOW_MS], ['upcoming', now - ASSUMED_LENGTH_MS], true, true)
      .toArray();
    const noted = over.filter(
      (s) =>
        s.calendarEventId !== null &&
        !s.live &&
        s.updatedAt >= s.scheduledAt &&
        (s.notes[GENERAL_NOTES_SECTION] ?? '').trim() !== '',
    );
    for (const session of noted) await markSessionHeld(session.id, session.scheduledAt, db);
    return noted.length;
  });
}

/** How far back a meeting noted while it went on is still settled (a browser closed for a while). */
const SETTLE_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

export interface RecentNote {
  sessionId: string;
  relationshipTitle: string;
  scheduledAt: number;
  updatedAt: number;
  text: string;
}

/** Sessions with notes, most recently edited first (the popup's list). */
export async function recentNotes(limit = 20, db: DuetDatabase = getDatabase()): Promise<RecentNote[]> {
  const recent: Session[] = [];
  await db.sessions
    .orderBy('updatedAt')
    .reverse()
    .until(() => recent.length >= limit)
    .each((session) => {
      if (Object.values(session.notes).some((text) => text.trim().length > 0)) recent.push(session);
    });
  const relationships = await db.relationships.bulkGet([...new Set(recent.map((s) => s.relationshipId))]);
  const titles = new Map(relationships.filter((r) => r !== undefined).map((r) => [r.id, r.title]));
  return recent.map((session) => ({
    sessionId: session.id,
    relationshipTitle: titles.get(session.relationshipId) ?? 'Untitled 1:1',
    scheduledAt: session.scheduledAt,
    updatedAt: session.updatedAt,
    text: Object.values(session.notes)
      .filter((t) => t.trim())
      .join('\n'),
  }));
}

/** Which of these calendar events have notes (a yes/no for badges, never the content). */
export async function eventKeysWithNotes(
  eventKeys: readonly string[],
  db: DuetDatabase = getDatabase(),
): Promise<Set<string>> {
  if (eventKeys.length === 0) return new Set();
  const sessions = await db.sessions
    .where('calendarEventId')
    .anyOf([...eventKeys])
    .toArray();
  return new Set(
    sessions
      .filter((s) => Object.values(s.notes).some((text) => text.trim().length > 0))
      .map((s) => s.calendarEventId!),
  );
}
