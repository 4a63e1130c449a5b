/**
 * Which reminders to raise, given the facts the database holds, the time, the user's switches and what was
 * already sent. Pure: no browser, no database, no wording (the background words them with `t()`).
 *
 * Rules (SECURITY.md, "Notifications"):
 * - each kind has its own switch (settings.reminders);
 * - each reminder has a key naming only opaque ids (session, relationship, Calendar event instance) and is
 *   raised at most once while its key is remembered (a dismissed one never comes back);
 * - a global cap per hour and per day, and at most one "cadence gap" per run and a few per day;
 * - the non-urgent kinds (cadence gap, after a held 1:1) wait for local daytime.
 * Instants are epoch milliseconds; days come from `dayOf` (local), so a DST change never moves a reminder.
 */
import { cadenceHealth } from './cadence';
import { type Day, dayOf } from './days';
import type { ReminderSettings } from './model';

export const REMINDER_KINDS = ['before-session', 'reschedule', 'after-held', 'cadence-gap'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const REMINDER_LIMITS = {
  /** Notifications of any kind in a rolling hour / day. */
  perHour: 4,
  perDay: 12,
  /** At most this many kept for "prepare" reminders still to come today (in the hour / the day). */
  keptForPrepareHour: 1,
  keptForPrepareDay: 4,
  /** Cadence-gap notifications per run and per rolling day (the least urgent kind). */
  cadencePerRun: 1,
  cadencePerDay: 2,
  /** After a held 1:1: wait this long (the user may still be writing), ask only within this window. */
  afterHeldDelay: 10 * MINUTE,
  afterHeldWindow: 6 * HOUR,
  /** A declined 1:1 is worth a prompt from a little before now to this far ahead. */
  rescheduleFrom: -1 * HOUR,
  rescheduleHorizon: 30 * DAY,
  /** Local hours [from, to) in which the non-urgent kinds may be raised. */
  daytime: [8, 20] as const,
  /** How long a sent key is remembered; a dismissed one longer. */
  keepSent: 90 * DAY,
  keepDismissed: 365 * DAY,
  /** The log never grows past this many entries (oldest dropped first). */
  maxEntries: 500,
} as const;

// Facts ------------------------------------------------------------------------------------------------

/** An upcoming (or rescheduled) session of a tracked 1:1. */
export interface UpcomingFact {
  sessionId: string;
  /** The Calendar instance the session is for, when known (a declined one gets no "prepare"). */
  calendarEventId?: string | null;
  relationshipId: string;
  name: string;
  scheduledAt: number;
  openAgreements: number;
  talkingPoints: number;
}

/** A session marked held recently, and how many agreements were recorded in it. */
export interface HeldFact {
  sessionId: string;
  /** Set for a 1:1 Calendar showed that was never opened in Duet (taken as held): its instance. */
  calendarEventId?: string | null;
  relationshipId: string;
  name: string;
  heldAt: number;
  agreementsMade: number;
}

/** A relationship's cadence: when it was last held, how often it should be, whether one is planned. */
export interface CadenceFact {
  relationshipId: string;
  name: string;
  archived: boolean;
  cadenceDays: number;
  lastHeldAt: number | null;
  /** The next planned session's time, if any. */
  nextScheduledAt: number | null;
  /**
   * The latest Calendar 1:1s since then that nobody opened in Duet and that have ended, newest first (a
   * few): held, as for the "after" question, unless Calendar shows one declined or gone — the background
   * counts the newest that is neither.
   */
  calendarHeld?: Array<{ at: number; calendarEventId: string }>;
}

/** A Calendar event instance of a tracked 1:1 that I declined. */
export interface DeclinedFact {
  /** The decoded event instance id (`<series>_<instant>`): one prompt per instance. */
  eventId: string;
  /** The chip's `data-eventid` (opens the event in Calendar). */
  dataEventId: string;
  relationshipId: string;
  name: string;
  archived: boolean;
  /** When the instance starts. */
  scheduledAt: number;
  /** The local day Calendar shows it on. */
  day: Day;
  /** Duet's session for this event, if one was prepared. */
  sessionId: string | null;
  /** Not declined: Calendar no longer shows the instance on its day (cancelled, deleted or moved away). */
  gone?: boolean;
}

export interface ReminderFacts {
  upcoming: readonly UpcomingFact[];
  held: readonly HeldFact[];
  cadence: readonly CadenceFact[];
  declined: readonly DeclinedFact[];
}

export const NO_FACTS: ReminderFacts = { upcoming: [], held: [], cadence: [], declined: [] };

// Decisions --------------------------------------------------------------------------------------------

interface Base {
  /** `<kind>:<opaque ids>` — what the sent log remembers; also the notification's id. */
  key: string;
  relationshipId: string;
  name: string;
}

export type Reminder =
  | (Base & {
      kind: 'before-session';
      sessionId: string;
      scheduledAt: number;
      minutesUntil: number;
      openAgreements: number;
      talkingPoints: number;
    })
  | (Base & { kind: 'after-held'; sessionId: string; heldAt: number })
  | (Base & { kind: 'cadence-gap'; daysSince: number; cadenceDays: number })
  | (Base & {
      kind: 'reschedule';
      eventId: string;
      dataEventId: string;
      sessionId: string | null;
      scheduledAt: number;
      day: Day;
      /** The instance is no longer in Calendar (else: declined). */
      gone: boolean;
    });

// The sent log -----------------------------------------------------------------------------------------

export interface SentEntry {
  key: string;
  at: number;
  /** The user closed the notification: never raise this key again while remembered. */
  dismissed?: boolean;
}

export interface SentLog {
  entries: SentEntry[];
}

export const EMPTY_LOG: SentLog = { entries: [] };

export function kindOfKey(key: string): ReminderKind | null {
  const kind = key.slice(0, key.indexOf(':'));
  return (REMINDER_KINDS as readonly string[]).includes(kind) ? (kind as ReminderKind) : null;
}

/** Forgets what is old enough (sent: 90 days, dismissed: a year) and keeps the newest maxEntries. */
export function pruneLog(log: SentLog, now: number): SentLog {
  const kept = log.entries.filter(
    (entry) =>
      // A clock that went back leaves stamps in the future: they are kept (the log's size is capped anyway).
      now - entry.at < (entry.dismissed ? REMINDER_LIMITS.keepDismissed : REMINDER_LIMITS.keepSent),
  );
  return { entries: kept.sort((a, b) => a.at - b.at).slice(-REMINDER_LIMITS.maxEntries) };
}

/** The log after these reminders were raised now. */
export function recordSent(log: SentLog, raised: readonly Pick<Reminder, 'key'>[], now: number): SentLog {
  const keys = new Set(raised.map((r) => r.key));
  return pruneLog(
    {
      entries: [
        ...log.entries.filter((e) => !keys.has(e.key)),
        ...[...keys].map((key) => ({ key, at: now })),
      ],
    },
    now,
  );
}

/** The log after the user dismissed this notification. */
export function recordDismissed(log: SentLog, key: string, now: number): SentLog {
  const existing = log.entries.find((e) => e.key === key);
  const entry: SentEntry = { key, at: existing?.at ?? now, dismissed: true };
  return pruneLog({ entries: [...log.entries.filter((e) => e.key !== key), entry] }, now);
}

// Deciding ---------------------------------------------------------------------------------------------

export function isDaytime(now: number): boolean {
  const hour = new Date(now).getHours();
  return hour >= REMINDER_LIMITS.daytime[0] && hour < REMINDER_LIMITS.daytime[1];
}

/** A "prepare" reminder's key: a session moved to another time may be announced again, for its new time. */
const beforeSessionKey = (s: Pick<UpcomingFact, 'sessionId' | 'scheduledAt'>) =>
  `before-session:${s.sessionId}:${s.scheduledAt}`;

function beforeSession(facts: ReminderFacts, now: number, settings: ReminderSettings): Reminder[] {
  if (!settings.beforeSession) return [];
  const until = now + settings.beforeMinutes * MINUTE;
  return facts.upcoming
    .filter((s) => s.scheduledAt > now && s.scheduledAt <= until)
    .sort((a, b) => a.scheduledAt - b.scheduledAt)
    .map((s) => ({
      kind: 'before-session',
      key: beforeSessionKey(s),
      relationshipId: s.relationshipId,
      name: s.name,
      sessionId: s.sessionId,
      scheduledAt: s.scheduledAt,
      minutesUntil: Math.max(1, Math.round((s.scheduledAt - now) / MINUTE)),
      openAgreements: s.openAgreements,
      talkingPoints: s.talkingPoints,
    }));
}

function reschedule(facts: ReminderFacts, now: number, settings: ReminderSettings): Reminder[] {
  if (!settings.reschedule) return [];
  return facts.declined
    .filter(
      (d) =>
        !d.archived &&
        d.scheduledAt >= now + REMINDER_LIMITS.rescheduleFrom &&
        d.scheduledAt <= now + REMINDER_LIMITS.rescheduleHorizon,
    )
    .sort((a, b) => a.scheduledAt - b.scheduledAt)
    .map((d) => ({
      kind: 'reschedule',
      key: `reschedule:${d.eventId}`,
      relationshipId: d.relationshipId,
      name: d.name,
      eventId: d.eventId,
      dataEventId: d.dataEventId,
      sessionId: d.sessionId,
      scheduledAt: d.scheduledAt,
      day: d.day,
      gone: d.gone === true,
    }));
}

/** The next local instant at which daytime begins, at or after `at` (`at` itself when it is daytime). */
export function daytimeFrom(at: number): number {
  if (isDaytime(at)) return at;
  const date = new Date(at);
  if (date.getHours() >= REMINDER_LIMITS.daytime[1]) date.setDate(date.getDate() + 1);
  date.setHours(REMINDER_LIMITS.daytime[0], 0, 0, 0);
  return date.getTime();
}

/** The local instant daytime ends on the day of `at` (20:00). */
function daytimeEnd(at: number): number {
  const date = new Date(at);
  date.setHours(REMINDER_LIMITS.daytime[1], 0, 0, 0);
  return date.getTime();
}

/** Less daytime than this left in an evening window: asked the next morning instead (checks run every 5 min). */
const MIN_ASK_MS = 30 * MINUTE;

/**
 * When "after a held 1:1" may be asked: from `afterHeldDelay` after it, for the rest of `afterHeldWindow`,
 * in daytime. A window that starts at night moves to the morning, and one with under 30 minutes of daytime
 * left (held just before 20:00) to the next morning — the same length from 08:00 — rather than never.
 */
export function afterHeldAskWindow(heldAt: number): { from: number; until: number } {
  const from = heldAt + REMINDER_LIMITS.afterHeldDelay;
  const span = REMINDER_LIMITS.afterHeldWindow - REMINDER_LIMITS.afterHeldDelay;
  if (isDaytime(from) && Math.min(from + span, daytimeEnd(from)) - from >= MIN_ASK_MS)
    return { from, until: from + span };
  const start = daytimeFrom(isDaytime(from) ? daytimeEnd(from) : from);
  return { from: start, until: start + span };
}

/** How far back held 1:1s can still be asked about (an evening 1:1, the next morning). */
export const AFTER_HELD_LOOKBACK = 24 * HOUR;

function afterHeld(facts: ReminderFacts, now: number, settings: ReminderSettings): Reminder[] {
  if (!settings.afterHeld || !isDaytime(now)) return [];
  return facts.held
    .filter((h) => {
      if (h.agreementsMade !== 0) return false;
      const { from, until } = afterHeldAskWindow(h.heldAt);
      return from <= now && now <= until;
    })
    .sort((a, b) => b.heldAt - a.heldAt)
    .map((h) => ({
      kind: 'after-held',
      key: `after-held:${h.sessionId}`,
      relationshipId: h.relationshipId,
      name: h.name,
      sessionId: h.sessionId,
      heldAt: h.heldAt,
    }));
}

/**
 * The key a cadence gap had before keys named the last 1:1's instant (its local day): a gap dismissed then
 * stays dismissed. '' for any other key.
 */
function legacyKeyOf(key: string): string {
  const match = /^cadence-gap:(.*):(\d+)$/.exec(key);
  return match ? `cadence-gap:${match[1]}:${dayOf(Number(match[2]))}` : '';
}

function cadenceGap(facts: ReminderFacts, now: number, settings: ReminderSettings): Reminder[] {
  if (!settings.cadenceGap || !isDaytime(now)) return [];
  const today = dayOf(now);
  const gaps: Array<Reminder & { kind: 'cadence-gap' }> = [];
  for (const c of facts.cadence) {
    // Never held: nothing to measure from. Planned: the gap is already being closed.
    if (c.archived || c.lastHeldAt === null || c.nextScheduledAt !== null) continue;
    const lastDay = dayOf(c.lastHeldAt);
    const health = cadenceHealth(lastDay, c.cadenceDays, today);
    if (health.status !== 'overdue') continue;
    gaps.push({
      kind: 'cadence-gap',
      // Once per gap: after the next held 1:1, a new gap may be announced again. The last 1:1's instant, not
      // its local day: after a time-zone change the same gap keeps its key (a dismissed one stays dismissed).
      key: `cadence-gap:${c.relationshipId}:${c.lastHeldAt}`,
      relationshipId: c.relationshipId,
      name: c.name,
      daysSince: health.daysSince ?? 0,
      cadenceDays: c.cadenceDays,
    });
  }
  // The longest overdue (relative to its cadence) first.
  return gaps.sort((a, b) => b.daysSince / b.cadenceDays - a.daysSince / a.cadenceDays);
}

/**
 * The reminders to raise now, most urgent first: before a 1:1, a declined 1:1, after a held 1:1, cadence
 * gaps. Already-sent (or dismissed) keys are skipped; caps leave the rest for a later run.
 */
export function decideReminders(
  facts: ReminderFacts,
  now: number,
  settings: ReminderSettings,
  log: SentLog,
): Reminder[] {
  const known = new Set(log.entries.map((e) => e.key));
  const sentWithin = (ms: number, kind?: ReminderKind) =>
    log.entries.filter(
      (e) => e.at > now - ms && e.at <= now && (kind === undefined || kindOfKey(e.key) === kind),
    ).length;
  let hourLeft = REMINDER_LIMITS.perHour - sentWithin(HOUR);
  let dayLeft = REMINDER_LIMITS.perDay - sentWithin(DAY);
  let cadenceLeft = Math.min(
    REMINDER_LIMITS.cadencePerRun,
    REMINDER_LIMITS.cadencePerDay - sentWithin(DAY, 'cadence-gap'),
  );

  const candidates = [
    ...beforeSession(facts, now, settings),
    ...reschedule(facts, now, settings),
    ...afterHeld(facts, now, settings),
    ...cadenceGap(facts, now, settings),
  ];
  // "Prepare" only helps in its window before the 1:1; the others can wait for a later run. Budget is kept
  // for the "prepare" reminders still to come today (facts.upcoming reaches to the day's end), so a busy
  // morning (its "after" questions, a burst of declines) cannot leave the afternoon's 1:1s without theirs —
  // and only for those: with none left today, or "prepare" switched off, nothing is held back.
  const toPrepare = settings.beforeSession
    ? facts.upcoming.filter(
        (s) => s.scheduledAt > now && dayOf(s.scheduledAt) === dayOf(now) && !known.has(beforeSessionKey(s)),
      )
    : [];
  let leftToday = toPrepare.length;
  let leftThisHour = toPrepare.filter(
    (s) => s.scheduledAt <= now + settings.beforeMinutes * MINUTE + HOUR,
  ).length;
  const raised: Reminder[] = [];
  const perSubject = new Set<string>();
  for (const reminder of candidates) {
    if (hourLeft <= 0 || dayLeft <= 0) break;
    if (known.has(reminder.key) || known.has(legacyKeyOf(reminder.key))) continue;
    if (
      reminder.kind !== 'before-session' &&
      (hourLeft <= Math.min(REMINDER_LIMITS.keptForPrepareHour, leftThisHour) ||
        dayLeft <= Math.min(REMINDER_LIMITS.keptForPrepareDay, leftToday))
    )
      continue;
    // One per relationship and kind in a run (two sessions of the same 1:1 in the window, two declined
    // instances of one series: the earliest now, the other on a later run).
    const subject = `${reminder.kind}:${reminder.relationshipId}`;
    if (perSubject.has(subject)) continue;
    if (reminder.kind === 'cadence-gap') {
      if (cadenceLeft <= 0) continue;
      cadenceLeft -= 1;
    }
    perSubject.add(subject);
    known.add(reminder.key);
    raised.push(reminder);
    hourLeft -= 1;
    dayLeft -= 1;
    if (reminder.kind === 'before-session') {
      leftToday -= 1;
      leftThisHour -= 1;
    }
  }
  return raised;
}

/** The overdue badge: '' for none, the number, '99+' from 100. */
export function badgeText(overdue: number): string {
  if (overdue <= 0) return '';
  return overdue > 99 ? '99+' : String(overdue);
}

/** The next local midnight after `now` (23 or 25 hours away on a DST change day, never an hour off). */
export function nextLocalMidnight(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

/** A local day and "HH:MM" as an instant (the wall-clock time in this time zone, DST included). */
export function localInstant(day: Day, time: string): number | null {
  const dayMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dayMatch || !timeMatch) return null;
  const [, y, mo, d] = dayMatch.map(Number) as [number, number, number, number];
  const [, h, mi] = timeMatch.map(Number) as [number, number, number];
  if (h > 23 || mi > 59) return null;
  const date = new Date(y, mo - 1, d, h, mi);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d
    ? date.getTime()
    : null;
}
