/**
 * What the background's reminders and toolbar badge read: the overdue-agreement count (index keys only,
 * capped) and the facts lib/domain/reminders decides on. Reads only, except for the user's answer to a
 * "reschedule?" prompt (cancel that 1:1's session) and planning the tracked 1:1s Calendar shows ahead.
 */
import Dexie from 'dexie';
import { dayOf } from '../domain/days';
import { sameMeetingSeries, seriesOfInstance } from '../domain/event-id';
import {
  ACTIVE_AGREEMENT_STATUSES,
  type Person,
  type Relationship,
  type Session,
  sessionHasWriting,
} from '../domain/model';
import type { CadenceFact, DeclinedFact, HeldFact, UpcomingFact } from '../domain/reminders';
import { type DuetDatabase, getDatabase } from './database';
import { InvalidInputError } from './errors';
import { instantFromEventKey } from './migrations';
import { isAbandoned } from './live-sessions';
import { COUNT_CAP } from './popup-view';
import { foldSessionInto } from './people-admin';
import {
  cancelSession,
  closestTo,
  lastHeldSession,
  prepareSession,
  IN_PROGRESS_GRACE_MS,
  isRunning,
  ranNear,
  ranWithoutEvent,
  SAME_CALL_MS,
  sessionOfEventFor,
  sessionsAround,
  sessionsBetween,
  updateSession,
} from './sessions';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The most sessions / relationships one reminder check reads (a check stays cheap at any size). */
export const REMINDER_READ_LIMIT = 200;
/** A session of the same 1:1 this close to an instance is taken to be that instance's (the same meeting). */
export const SAME_MEETING_MS = 12 * HOUR;

/**
 * Active agreements whose due day is before today's (the toolbar badge), counted from the [status+dueDate]
 * index without reading a record, and never past COUNT_CAP (shown as "99+").
 */
export async function overdueAgreementCount(
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
): Promise<number> {
  const today = dayOf(now);
  const counts = await Promise.all(
    ACTIVE_AGREEMENT_STATUSES.map(
      async (status) =>
        (
          await db.agreements
            .where('[status+dueDate]')
            .between([status, Dexie.minKey], [status, today], true, false)
            .limit(COUNT_CAP)
            .primaryKeys()
        ).length,
    ),
  );
  return Math.min(
    COUNT_CAP,
    counts.reduce((a, b) => a + b, 0),
  );
}

/**
 * How a relationship is named in a reminder: its people ("Alex", "Alex & Sam"), else '' (the message says "your
 * colleague"). Never the 1:1's title: a Calendar title can say what the meeting is about ("Alex – PIP
 * follow-up"), and an OS notification shows on a lock screen or a shared screen (SECURITY.md).
 */
export function reminderName(relationship: Relationship, people: ReadonlyMap<string, Person>): string {
  return relationship.personIds
    .map((id) => people.get(id)?.name.trim())
    .filter((name): name is string => Boolean(name))
    .join(' & ')
    .slice(0, 120);
}

async function relationshipsAndPeople(ids: readonly string[], db: DuetDatabase) {
  const relationships = (await db.relationships.bulkGet([...new Set(ids)])).filter(
    (r): r is Relationship => r !== undefined,
  );
  const people = (await db.people.bulkGet([...new Set(relationships.flatMap((r) => r.personIds))])).filter(
    (p): p is Person => p !== undefined,
  );
  return {
    byId: new Map(relationships.map((r) => [r.id, r])),
    people: new Map(people.map((p) => [p.id, p])),
  };
}

/** Upcoming (or rescheduled) sessions of tracked 1:1s starting in (now, now + minutes]. */
export async function upcomingReminderFacts(
  now: number,
  minutes: number,
  db: DuetDatabase = getDatabase(),
): Promise<UpcomingFact[]> {
  return db.transaction(
    'r',
    [db.sessions, db.relationships, db.people, db.agreements, db.talkingPoints],
    async () => {
      const sessions = (
        await sessionsBetween(
          now,
          now + minutes * MINUTE,
          ['upcoming', 'rescheduled'],
          db,
          REMINDER_READ_LIMIT,
        )
      )
        // Not one already running (started a few minutes early): "prepare" would come mid-meeting.
        .filter((s) => s.scheduledAt > now && !s.live);
      const { byId, people } = await relationshipsAndPeople(
        sessions.map((s) => s.relationshipId),
        db,
      );
      const facts: UpcomingFact[] = [];
      for (const session of sessions) {
        const relationship = byId.get(session.relationshipId);
        if (!relationship || relationship.archived) continue;
        // In a 1:1 with them right now (a call of its own, begun early): "prepare" would come mid-call.
        const running = await db.sessions
          .where('[relationshipId+scheduledAt]')
          .between([relationship.id, now - IN_PROGRESS_GRACE_MS], [relationship.id, now + minutes * MINUTE])
          // Going on, not left open (the browser closed mid-call).
          .filter((s) => isRunning(s, now) && !isAbandoned(s, now))
          .count();
        if (running > 0) continue;
        const [openAgreements, talkingPoints] = await Promise.all([
          db.agreements
            .where('[relationshipId+status]')
            .anyOf(ACTIVE_AGREEMENT_STATUSES.map((status) => [relationship.id, status]))
            .count(),
          db.talkingPoints.where('[relationshipId+status]').equals([relationship.id, 'open']).count(),
        ]);
        facts.push({
          sessionId: session.id,
          calendarEventId: session.calendarEventId,
          relationshipId: relationship.id,
          name: reminderName(relationship, people),
          scheduledAt: session.scheduledAt,
          openAgreements,
          talkingPoints,
        });
      }
      return facts;
    },
  );
}

/** A 1:1 planned from Calendar and never opened in Duet is taken to have ended this long after its start. */
export const ASSUMED_LENGTH_MS = 30 * 60_000;
/** How many unopened Calendar 1:1s a cadence fact carries (newest first): the newest may have been declined. */
const CALENDAR_HELD_CANDIDATES = 5;

/**
 * Sessions held in the last `hours` (by when they were marked held), with their agreements counted — and
 * the 1:1s Calendar showed that took place without Duet being opened (planned for a Calendar instance,
 * still upcoming, never run): taken as held `ASSUMED_LENGTH_MS` after their start, with their instance so
 * the caller can leave out one declined or gone from Calendar.
 */
export async function heldReminderFacts(
  now: number,
  hours = 6,
  db: DuetDatabase = getDatabase(),
): Promise<HeldFact[]> {
  return db.transaction('r', [db.sessions, db.relationships, db.people, db.agreements], async () => {
    // Held sessions are indexed by when they were scheduled: a 1:1 marked held within `hours` was scheduled
    // at most a day before that (a longer call is not a 1:1).
    const from = now - hours * HOUR;
    const held = (await sessionsBetween(from - 24 * HOUR, now, ['held'], db, REMINDER_READ_LIMIT)).filter(
      (s): s is Session & { heldAt: number } => s.heldAt !== null && s.heldAt >= from && s.heldAt <= now,
    );
    const unopened = (
      await sessionsBetween(
        from - ASSUMED_LENGTH_MS,
        now - ASSUMED_LENGTH_MS,
        ['upcoming'],
        db,
        REMINDER_READ_LIMIT,
      )
    )
      .filter((s) => s.calendarEventId !== null && !s.live)
      .map((s) => ({ ...s, heldAt: s.scheduledAt + ASSUMED_LENGTH_MS, unopened: true }));
    const sessions: Array<Session & { heldAt: number; unopened?: boolean }> = [...held, ...unopened];
    const { byId, people } = await relationshipsAndPeople(
      sessions.map((s) => s.relationshipId),
      db,
    );
    const facts: HeldFact[] = [];
    for (const session of sessions) {
      const relationship = byId.get(session.relationshipId);
      if (!relationship || relationship.archived) continue;
      // Held in Duet after all, under another session (a Meet call's): that one is asked about.
      if (session.unopened && (await heldNear(relationship.id, session.scheduledAt, db))) continue;
      facts.push({
        sessionId: session.id,
        relationshipId: relationship.id,
        name: reminderName(relationship, people),
        heldAt: session.heldAt,
        agreementsMade: await db.agreements.where('madeInSessionId').equals(session.id).count(),
        ...(session.unopened ? { calendarEventId: session.calendarEventId } : {}),
      });
    }
    return facts;
  });
}

/** A 1:1's sessions within `SAME_MEETING_MS` of this time: taken to be the same meeting's. */
function sessionsNear(relationshipId: string, at: number, db: DuetDatabase): Promise<Session[]> {
  return db.sessions
    .where('[relationshipId+scheduledAt]')
    .between([relationshipId, at - SAME_MEETING_MS], [relationshipId, at + SAME_MEETING_MS], true, true)
    .toArray();
}

/** Whether a 1:1 has a session held within 12 h of this time. */
async function heldNear(relationshipId: string, at: number, db: DuetDatabase): Promise<boolean> {
  return (await sessionsNear(relationshipId, at, db)).some((s) => s.status === 'held');
}

/** Every tracked (not archived) 1:1's cadence: its last held and next planned session. */
export async function cadenceReminderFacts(
  now: number,
  db: DuetDatabase = getDatabase(),
): Promise<CadenceFact[]> {
  return db.transaction('r', [db.sessions, db.relationships, db.people], async () => {
    const relationships = (await db.relationships.toArray())
      .filter((r) => !r.archived)
      .slice(0, REMINDER_READ_LIMIT);
    const people = new Map(
      (await db.people.bulkGet([...new Set(relationships.flatMap((r) => r.personIds))]))
        .filter((p): p is Person => p !== undefined)
        .map((p) => [p.id, p]),
    );
    return Promise.all(
      relationships.map(async (relationship): Promise<CadenceFact> => {
        // The next one planned from now (not one from earlier today that nobody opened: that one is below).
        const [last, ...nextOfStatus] = await Promise.all([
          lastHeldSession(relationship.id, db),
          ...(['upcoming', 'rescheduled'] as const).map((status) =>
            db.sessions
              .where('[relationshipId+status+scheduledAt]')
              .between([relationship.id, status, now], [relationship.id, status, Dexie.maxKey])
              .first(),
          ),
        ]);
        const next = nextOfStatus
          .filter((s): s is Session => s !== undefined)
          .sort((a, b) => a.scheduledAt - b.scheduledAt)[0];
        // Calendar 1:1s since the last held one, never opened in Duet, already over: the newest few (the
        // newest may be one I declined: the one before it then counts).
        const unopened = await db.sessions
          .where('[relationshipId+status+scheduledAt]')
          .between(
            [relationship.id, 'upcoming', last ? last.scheduledAt + 1 : Dexie.minKey],
            [relationship.id, 'upcoming', now - ASSUMED_LENGTH_MS],
            true,
            true,
          )
          .filter((s) => s.calendarEventId !== null && !s.live)
          .reverse()
          .limit(CALENDAR_HELD_CANDIDATES)
          .toArray();
        return {
          relationshipId: relationship.id,
          name: reminderName(relationship, people),
          archived: relationship.archived,
          cadenceDays: relationship.cadenceDays,
          // Measured like the panel's cadence health (lib/db/overview.ts): from the day it was scheduled.
          lastHeldAt: last ? last.scheduledAt : null,
          nextScheduledAt: next ? next.scheduledAt : null,
          ...(unopened.length > 0
            ? {
                calendarHeld: unopened.map((s) => ({
                  at: s.scheduledAt,
                  calendarEventId: s.calendarEventId!,
                })),
              }
            : {}),
        };
      }),
    );
  });
}

/**
 * A Calendar event instance of a tracked 1:1 I declined, as the background saw it — or (`gone`) one Duet
 * planned that Calendar no longer shows on its day: cancelled, deleted or moved away (`dataEventId` '').
 */
export interface DeclinedEvent {
  eventId: string;
  dataEventId: string;
  relationshipId: string;
  scheduledAt: number;
  gone?: boolean;
}

/** A session Duet holds for a Calendar instance, still to come (for telling when Calendar stops showing it). */
export interface PlannedInstance {
  eventId: string;
  relationshipId: string;
  scheduledAt: number;
}

/**
 * The sessions planned for Calendar instances in [from, to): still upcoming, never run, with the instance
 * they are for. A view of those days that no longer shows the instance means it was cancelled or moved.
 */
export async function plannedCalendarInstances(
  from: number,
  to: number,
  db: DuetDatabase = getDatabase(),
): Promise<PlannedInstance[]> {
  const sessions = await sessionsBetween(from, to, ['upcoming'], db, REMINDER_READ_LIMIT);
  return sessions.flatMap((s) =>
    s.calendarEventId !== null && !s.live && s.scheduledAt < to
      ? [{ eventId: s.calendarEventId, relationshipId: s.relationshipId, scheduledAt: s.scheduledAt }]
      : [],
  );
}

/** Declined instances with their 1:1's name and Duet's session for the event (if any). */
export async function declinedReminderFacts(
  events: readonly DeclinedEvent[],
  db: DuetDatabase = getDatabase(),
): Promise<DeclinedFact[]> {
  if (events.length === 0) return [];
  return db.transaction('r', [db.sessions, db.relationships, db.people], async () => {
    const { byId, people } = await relationshipsAndPeople(
      events.map((e) => e.relationshipId),
      db,
    );
    const facts: DeclinedFact[] = [];
    for (const event of events) {
      const relationship = byId.get(event.relationshipId);
      if (!relationship) continue;
      const session = await sessionOfEventFor(event.eventId, relationship.id, db);
      // Already decided (cancelled, moved, or it took place after all): nothing to ask. Nor while it runs,
      // or once it ran as a call at that time (from Meet, without the event): it is taking place.
      if (session && (session.status !== 'upcoming' || session.live)) continue;
      if (!session && (await ranNear(relationship.id, event.scheduledAt, db))) continue;
      facts.push({
        eventId: event.eventId,
        dataEventId: event.dataEventId,
        relationshipId: relationship.id,
        name: reminderName(relationship, people),
        archived: relationship.archived,
        scheduledAt: event.scheduledAt,
        day: dayOf(event.scheduledAt),
        sessionId: session?.id ?? null,
        ...(event.gone ? { gone: true } : {}),
      });
    }
    return facts;
  });
}

/**
 * The user's "Cancel this session" on a declined 1:1: that event's session (prepared now if there was
 * none, so the decision is on record) becomes cancelled and its talking points pass on to the next one.
 * A session that was held meanwhile, or ran as a call, is left alone.
 */
export async function cancelDeclinedSession(
  event: Pick<DeclinedEvent, 'eventId' | 'relationshipId' | 'scheduledAt'>,
  db: DuetDatabase = getDatabase(),
): Promise<Session> {
  return db.transaction('rw', [db.sessions, db.relationships, db.talkingPoints], async () => {
    if (!(await db.relationships.get(event.relationshipId)))
      throw new InvalidInputError(`No 1:1 series ${event.relationshipId}`);
    const session =
      (await sessionOfEventFor(event.eventId, event.relationshipId, db)) ??
      (
        await prepareSession(
          {
            relationshipId: event.relationshipId,
            scheduledAt: event.scheduledAt,
            calendarEventId: event.eventId,
          },
          db,
        )
      ).session;
    // Held meanwhile, or run as a call (even one left open when the browser closed): it took place.
    if (session.status === 'held' || session.status === 'cancelled' || session.live) return session;
    return cancelSession(session.id, db);
  });
}

/** A tracked 1:1's Calendar instance the page showed (accepted or not answered; timed). */
export interface SeenInstance {
  eventId: string;
  relationshipId: string;
  scheduledAt: number;
  /**
   * The time was read from the chip (its day and wall time), not taken from the instance id, which is what a
   * chip whose time cannot be read gives.
   */
  confirmed?: boolean;
}

/** How far ahead seen instances become planned sessions (the popup's week, the "before" reminder). */
export const PLAN_AHEAD_MS = 7 * 24 * HOUR;

/** A seen instance this far from its session's time was moved in Calendar (not a rounding difference). */
const MOVED_MS = 60_000;

/**
 * Calendar moved this instance: its session is still to come (planned, never run nor postponed in Duet) and
 * the instance now shows at another time — back at the time its id names only when the chip's own time says
 * so (an unreadable chip gives that time too, and then the session stays where it was read before).
 */
function movedIn(session: Session, instance: SeenInstance): boolean {
  return (
    session.status === 'upcoming' &&
    !session.live &&
    Math.abs(session.scheduledAt - instance.scheduledAt) >= MOVED_MS &&
    (instance.confirmed === true || instance.scheduledAt !== instantFromEventKey(instance.eventId))
  );
}

/**
 * A call of this 1:1 without a Calendar event that can have been this instance's meeting (`ranNear`'s
 * calls, the closest): the instance has begun, and the call still runs or ended after its start. A call
 * over before it (a quick call earlier that day, the 1:1 then pulled forward to after it) is another
 * meeting, as is any call before the instance is due.
 */
async function ranAs(relationshipId: string, instance: SeenInstance, now: number, db: DuetDatabase) {
  if (instance.scheduledAt > now) return undefined;
  const near = await sessionsAround(relationshipId, instance.scheduledAt, SAME_CALL_MS, db);
  return closestTo(
    instance.scheduledAt,
    near.filter((s) => {
      if (!ranWithoutEvent(s)) return false;
      if (isRunning(s, now)) return true;
      const ended = s.heldAt ?? s.live?.endedAt ?? null;
      return ended !== null && ended > instance.scheduledAt;
    }),
  );
}

/**
 * A session planned for a Calendar instance follows it (its time, its id). When a call of this 1:1 already
 * ran as this meeting without the event (started from Meet before Calendar showed the move: `ranAs`), it
 * takes the event id, and the planned session folds into it (its points, its notes joined to the call's)
 * and is deleted with a tombstone (`foldSessionInto`) — never a second, "upcoming" one.
 */
async function followInstance(
  session: Session,
  instance: SeenInstance,
  now: number,
  db: DuetDatabase,
): Promise<void> {
  const ran = await ranAs(session.relationshipId, instance, now, db);
  if (ran) {
    await foldSessionInto(db, { ...ran, calendarEventId: instance.eventId }, session, Date.now());
    return;
  }
  await updateSession(
    session.id,
    (s) => ({ ...s, calendarEventId: instance.eventId, scheduledAt: instance.scheduledAt }),
    db,
  );
}

/**
 * Turns the tracked 1:1s Calendar shows in the next 7 days into upcoming sessions, so none is missed by
 * the "before" reminder, the popup's week or the cadence check because nobody opened it yet. Exactly what
 * "Start prep" does (open talking points flow in), once per instance: never when the 1:1 already has a
 * session for that event or one within 12 h of it, never for an archived 1:1, never for the past.
 * An instance Calendar moved (same id, another time, wherever to) takes its planned session along, as does
 * the instance of a series moved or split in Calendar — onto the call that ran as it, if one did
 * (`followInstance`). Returns how many sessions were planned.
 */
export async function planSeenInstances(
  instances: readonly SeenInstance[],
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
): Promise<number> {
  let planned = 0;
  for (const instance of instances) {
    const ahead = instance.scheduledAt >= now && instance.scheduledAt <= now + PLAN_AHEAD_MS;
    const created = await db.transaction(
      'rw',
      // A fold (`followInstance`) moves points, feedback and agreements, and records the deletion.
      [db.sessions, db.relationships, db.talkingPoints, db.feedback, db.agreements, db.tombstones],
      async () => {
        const relationship = await db.relationships.get(instance.relationshipId);
        if (!relationship || relationship.archived) return false;
        const own = await sessionOfEventFor(instance.eventId, relationship.id, db);
        if (own) {
          if (movedIn(own, instance)) await followInstance(own, instance, now, db);
          return false;
        }
        const near = await sessionsNear(relationship.id, instance.scheduledAt, db);
        // The same meeting re-timed in Calendar: its whole series moved (new instance ids) or was split
        // ("this and following": `<series>_R…`). The session planned for the old instance follows it.
        // Never another series' event at the same slot (a re-sent series, or a duplicate): a batch holds only
        // the chips that changed (a popover opened sends just its own), so the old event missing from it
        // says nothing of it being gone, and the session would move to whichever chip was opened last. The
        // old event gone from its day is the days-shown check's ("reschedule?"), which the db is not told.
        const retimed = near.find(
          (s) =>
            s.status === 'upcoming' &&
            !s.live &&
            s.calendarEventId !== null &&
            s.calendarEventId !== instance.eventId &&
            sameMeetingSeries(s.calendarEventId, instance.eventId),
        );
        if (retimed) {
          await followInstance(retimed, instance, now, db);
          return false;
        }
        // Already planned or run for this meeting: a session of its series, or one about its time (a call
        // started from Meet). Another meeting hours away the same day (a quick call in another room) is not it.
        const thisMeeting = near.some(
          (s) =>
            Math.abs(s.scheduledAt - instance.scheduledAt) <= SAME_CALL_MS ||
            (s.calendarEventId !== null && sameMeetingSeries(s.calendarEventId, instance.eventId)),
        );
        if (!ahead || thisMeeting) return false;
        await prepareSession(
          {
            relationshipId: relationship.id,
            scheduledAt: instance.scheduledAt,
            calendarEventId: instance.eventId,
          },
          db,
        );
        return true;
      },
    );
    if (created) planned++;
  }
  return planned;
}

/** Another series' instance starting this close to a planned one's time is in the same slot. */
export const SAME_SLOT_MS = MINUTE;

/**
 * Whether a session holds anything of its own besides talking points: notes, a check-in, an assessment,
 * feedback or an agreement made in it. Points move with a fold; these are what someone wrote there.
 */
async function writtenIn(session: Session, db: DuetDatabase): Promise<boolean> {
  if (sessionHasWriting(session)) return true;
  const [feedback, agreements] = await Promise.all([
    db.feedback.where('sessionId').equals(session.id).count(),
    db.agreements.where('madeInSessionId').equals(session.id).count(),
  ]);
  return feedback > 0 || agreements > 0;
}

/**
 * A settled Calendar view shows no longer the instance a session was planned for, but shows, in the same
 * slot, an instance of another series (`candidateIds`: the shown instances starting then): the organiser
 * re-sent the series (deleted it and created it again: new recurring id, same slots). The session, with
 * its talking points and prep notes, follows the new event (`followInstance`: its id and time) — else the
 * new event's panel says "Start prep" with nothing in it, and the old one asks "reschedule?".
 *
 * Only when it is surely the same meeting: the session is still to come and never run (upcoming, not live),
 * exactly one candidate is an instance of a series linked to this same 1:1 (`calendarSeriesIds`, as the
 * panel links a new series of its person) and starts within `SAME_SLOT_MS` of the session, and the new
 * event has no session of this 1:1 yet — or one nobody wrote in ("Start prep" on it made an empty second
 * one): that one folds into the session that moves (`foldSessionInto`, its points moved, tombstoned). One
 * held, cancelled, running or written in is left as it is, as is the planned session ("reschedule?").
 * True when the session moved.
 */
export async function followResentInstance(
  instance: PlannedInstance,
  candidateIds: readonly string[],
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
): Promise<boolean> {
  if (candidateIds.length === 0) return false;
  return db.transaction(
    'rw',
    [db.sessions, db.relationships, db.talkingPoints, db.feedback, db.agreements, db.tombstones],
    async () => {
      const relationship = await db.relationships.get(instance.relationshipId);
      if (!relationship) return false;
      const session = await sessionOfEventFor(instance.eventId, relationship.id, db);
      if (!session || session.status !== 'upcoming' || session.live || session.calendarEventId === null)
        return false;
      const oldEvent = session.calendarEventId;
      const linked = new Set(relationship.calendarSeriesIds);
      const slots = [...new Set(candidateIds)].flatMap((eventId): SeenInstance[] => {
        const series = seriesOfInstance(eventId);
        const start = instantFromEventKey(eventId);
        const inSlot =
          series !== null &&
          start !== null &&
          eventId !== oldEvent &&
          !sameMeetingSeries(eventId, oldEvent) &&
          linked.has(series) &&
          Math.abs(start - session.scheduledAt) <= SAME_SLOT_MS;
        return inSlot ? [{ eventId, relationshipId: relationship.id, scheduledAt: start }] : [];
      });
      if (slots.length !== 1) return false;
      const slot = slots[0]!;
      const there = await sessionOfEventFor(slot.eventId, relationship.id, db);
      if (there) {
        if (there.status !== 'upcoming' || there.live || (await writtenIn(there, db))) return false;
        await foldSessionInto(db, session, there, Date.now());
      }
      const moving = await db.sessions.get(session.id);
      if (!moving) return false;
      await followInstance(moving, slot, now, db);
      return true;
    },
  );
}
