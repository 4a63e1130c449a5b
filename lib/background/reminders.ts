/**
 * The toolbar badge (overdue agreements) and reminder notifications: alarms call `check()`, which reads
 * the facts from lib/db, lets lib/domain/reminders decide, words the result with `t()` and raises OS
 * notifications. A tracked 1:1 I declined in Calendar (seen by the classify handler) raises "reschedule?".
 *
 * Privacy: notifications are drawn by the operating system (never inside a Google page) and name only the
 * 1:1 and counts — never note, talking-point or agreement text. What was sent is remembered in
 * `storage.local` as opaque ids and timestamps only (click targets wait in memory, `storage.session`).
 *
 * Clicking a notification opens Google Calendar where the prep panel lives: the 1:1's day (before / after
 * a 1:1), the declined event itself (to pick a new time), or the week (a cadence gap: find a slot).
 */
import { fnv1aHex } from '../domain/hash';
import { type Browser, browser } from 'wxt/browser';
import {
  type DeclinedEvent,
  instantFromEventKey,
  type PlannedInstance,
  SAME_MEETING_MS,
  SAME_SLOT_MS,
  type SeenInstance,
} from '../db';
import {
  DECLINED_EVENTS_KEY,
  GONE_EVENTS_KEY,
  MAX_DECLINED_EVENTS,
  parseDeclinedEvents,
  parseDeclinedPrompts,
  RESCHEDULE_AWAITING_KEY,
} from '../messaging/declined-events';
import { type ChipTime, chipStart, type ClockReading, MAX_SKEW } from '../domain/calendar-clock';
import { addDays, type Day, dayOf } from '../domain/days';
import { sameMeetingSeries, seriesOfInstance } from '../domain/event-id';
import type { ReminderSettings } from '../domain/model';
import {
  AFTER_HELD_LOOKBACK,
  badgeText,
  type CadenceFact,
  decideReminders,
  type DeclinedFact,
  EMPTY_LOG,
  type HeldFact,
  kindOfKey,
  localInstant,
  nextLocalMidnight,
  NO_FACTS,
  type ReminderFacts,
  recordDismissed,
  recordSent,
  REMINDER_LIMITS,
  type Reminder,
  type ReminderKind,
  type SentLog,
  type UpcomingFact,
} from '../domain/reminders';
import { calendarBase } from '../hosts';
import { t, tn } from '../i18n';
import type { CalendarEvent } from '../google/calendar/model';
import type { JudgedEvent } from './calendar';
import { CalendarClocks, chipTime } from './calendar-clock';
import { readNumbers, SessionKept } from './session-kept';

/** Runs every CHECK_PERIOD_MINUTES: reminders, and the badge (cheap: index keys only). */
export const REMINDER_ALARM = 'duet-reminders';
/** At local midnight: "overdue" rolls over to the new day. */
export const MIDNIGHT_ALARM = 'duet-midnight';
export const CHECK_PERIOD_MINUTES = 5;
const DAY_MS = 24 * 60 * 60_000;
/** The held-1:1 window the facts are read for (lib/domain/reminders decides within it). */
const HELD_HOURS = AFTER_HELD_LOOKBACK / (60 * 60_000);

export const SENT_LOG_KEY = 'reminders.sent';
export const PENDING_KEY = 'reminders.pending';
export const NOTIFICATION_PREFIX = 'duet:';
export const BADGE_COLOR = '#B3261E';
export const BADGE_TEXT_COLOR = '#FFFFFF';

/** What a notification leads to when clicked (opaque ids and times only). */
export interface PendingTarget {
  kind: ReminderKind;
  relationshipId: string;
  sessionId: string | null;
  /** Declined 1:1: the Calendar event instance and its chip id. */
  eventId: string | null;
  dataEventId: string | null;
  /** The 1:1's time (before / after / declined), else 0. */
  at: number;
  /** Forgotten after this instant. */
  until: number;
  /** The signed-in Google account whose Calendar showed this 1:1 (`/calendar/u/N/`), if known. */
  account?: number | null;
  /** That Calendar's clock skew (its time zone against this computer's): the day a click opens is Calendar's. */
  skew?: number;
}

export interface ReminderDeps {
  settings(): Promise<ReminderSettings>;
  overdueCount(now: number): Promise<number>;
  upcoming(now: number, minutes: number): Promise<UpcomingFact[]>;
  held(now: number, hours: number): Promise<HeldFact[]>;
  cadence(now: number): Promise<CadenceFact[]>;
  declined(events: readonly DeclinedEvent[]): Promise<DeclinedFact[]>;
  /** Tracked 1:1s Calendar shows in the coming days become planned sessions (lib/db planSeenInstances). */
  planSeen?(instances: readonly SeenInstance[], now: number): Promise<number>;
  /** Sessions planned for Calendar instances in [from, to), still to come (lib/db plannedCalendarInstances). */
  planned?(from: number, to: number): Promise<PlannedInstance[]>;
  /**
   * A planned instance a settled view no longer shows, and shown instances of other series in its slot: the
   * data layer moves its session to the one that is the same 1:1 re-sent, if surely one is (lib/db
   * followResentInstance). True when it moved.
   */
  follow?(instance: PlannedInstance, candidateIds: readonly string[]): Promise<boolean>;
  /** "Cancel this session" on a declined 1:1. */
  cancelDeclined(event: Pick<DeclinedEvent, 'eventId' | 'relationshipId' | 'scheduledAt'>): Promise<unknown>;
  /** Meetings noted while they went on, now over, become held (lib/db settleNotedMeetings). */
  settleNoted?(now: number): Promise<unknown>;
  /** Something the Calendar badges show changed (a session was cancelled). */
  dataChanged?(): void;
  now?(): number;
  /** Calendar's clock per account (shared with the panel's context); by default one of its own. */
  clocks?: CalendarClocks;
  /** Notification buttons (Chrome); Firefox has none, the notification's click opens Calendar instead. */
  supportsButtons?: boolean;
  /**
   * Whether `notifications.onClosed` tells a user's dismissal from a timeout or a clear (Chrome). Firefox
   * always says "by the user" (bug 1413188): there, no close counts as a dismissal, and a reminder that
   * timed out is kept as sent only (it comes back after the shorter wait), never muted for a year.
   */
  reportsDismissals?: boolean;
  /** For dates in notifications ("Tue 24 Nov"); the browser's UI language by default. */
  locale?: string;
}

// Wording -------------------------------------------------------------------------------------------------

export function badgeTitle(overdue: number): string {
  if (overdue <= 0) return t('bg_badge_title_none');
  return overdue === 1 ? t('bg_badge_title_one') : t('bg_badge_title_other', badgeText(overdue));
}

/** "Tue 24 Nov" in the given locale, from a calendar day (noon UTC: no time zone can move it). */
export function formatDay(day: Day, locale?: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

function sincePhrase(days: number): string {
  if (days >= 14) return tn('bg_since_weeks', Math.floor(days / 7));
  return tn('bg_since_days', days);
}

function cadencePhrase(days: number): string {
  if (days === 1) return t('bg_every_day');
  if (days === 7) return t('bg_every_week');
  if (days % 7 === 0) return tn('bg_every_weeks', days / 7);
  return tn('bg_every_days', days);
}

export interface NotificationText {
  title: string;
  message: string;
  buttons: string[];
}

/** A reminder's words (names and counts only). */
export function notificationText(reminder: Reminder, locale?: string): NotificationText {
  const name = reminder.name || t('bg_unnamed');
  switch (reminder.kind) {
    case 'before-session': {
      const agreements =
        reminder.openAgreements === 0
          ? t('bg_open_agreements_none')
          : tn('bg_open_agreements', reminder.openAgreements);
      const points =
        reminder.talkingPoints === 0
          ? t('bg_talking_points_none')
          : tn('bg_talking_points', reminder.talkingPoints);
      // An hour or more ahead (the 2 h, 4 h and 24 h lead times), in whole hours, never more than is left:
      // "in 24 hours", not "in 1437 minutes"; 90 minutes is "in 1 hour".
      const minutes = reminder.minutesUntil;
      const hours = Math.floor((minutes + 5) / 60);
      return {
        title:
          minutes === 1
            ? t('bg_before_title_one', name)
            : minutes < 60
              ? t('bg_before_title_other', name, minutes)
              : hours === 1
                ? t('bg_before_title_hours_one', name)
                : t('bg_before_title_hours_other', name, hours),
        message: t('bg_before_message', name, agreements, points),
        buttons: [],
      };
    }
    case 'after-held':
      return { title: t('bg_after_title', name), message: t('bg_after_message', name), buttons: [] };
    case 'cadence-gap':
      return {
        title: t('bg_cadence_title', name),
        message: t(
          'bg_cadence_message',
          sincePhrase(reminder.daysSince),
          name,
          cadencePhrase(reminder.cadenceDays),
        ),
        buttons: [],
      };
    case 'reschedule':
      return {
        title: t('bg_reschedule_title'),
        message: t(
          reminder.gone ? 'bg_reschedule_gone_message' : 'bg_reschedule_message',
          name,
          formatDay(reminder.day, locale),
        ),
        buttons: [t('bg_reschedule_open'), t('bg_reschedule_cancel')],
      };
  }
}

/** Whole minutes from `now` to the next local midnight. */
const minutesToMidnight = (now: number): number => Math.ceil((nextLocalMidnight(now) - now) / 60_000);

// Where a click leads ---------------------------------------------------------------------------------------

export function calendarDayUrl(at: number, account: number | null = null): string {
  const date = new Date(at);
  return `${calendarBase(account)}/r/day/${date.getFullYear()}/${date.getMonth() + 1}/${date.getDate()}`;
}

export function calendarEventUrl(dataEventId: string, account: number | null = null): string {
  return `${calendarBase(account)}/r/eventedit/${encodeURIComponent(dataEventId)}`;
}

/** In the account whose Calendar showed that 1:1 (else Calendar's first account). */
export function targetUrl(target: PendingTarget): string {
  const account = target.account ?? null;
  switch (target.kind) {
    case 'reschedule':
      return target.dataEventId
        ? calendarEventUrl(target.dataEventId, account)
        : calendarDayUrl(target.at + (target.skew ?? 0), account);
    case 'before-session':
    case 'after-held':
      return calendarDayUrl(target.at + (target.skew ?? 0), account);
    case 'cadence-gap':
      return `${calendarBase(account)}/r/week`;
  }
}

function targetOf(reminder: Reminder, now: number): PendingTarget {
  const base = {
    kind: reminder.kind,
    relationshipId: reminder.relationshipId,
    sessionId: null,
    eventId: null,
    dataEventId: null,
  };
  switch (reminder.kind) {
    case 'before-session':
      return {
        ...base,
        sessionId: reminder.sessionId,
        at: reminder.scheduledAt,
        until: reminder.scheduledAt + DAY_MS,
      };
    case 'after-held':
      return { ...base, sessionId: reminder.sessionId, at: reminder.heldAt, until: now + DAY_MS };
    case 'cadence-gap':
      return { ...base, at: 0, until: now + 7 * DAY_MS };
    case 'reschedule':
      return {
        ...base,
        sessionId: reminder.sessionId,
        eventId: reminder.eventId,
        dataEventId: reminder.dataEventId,
        at: reminder.scheduledAt,
        until: reminder.scheduledAt + DAY_MS,
      };
  }
}

// Stored state (opaque ids and timestamps) ------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The sent log as stored, checked (anything else reads as empty: at worst a reminder comes once more). */
export function readSentLog(stored: unknown): SentLog {
  if (!isRecord(stored) || !Array.isArray(stored.entries)) return EMPTY_LOG;
  const entries = stored.entries.filter(
    (e): e is SentLog['entries'][number] =>
      isRecord(e) &&
      typeof e.key === 'string' &&
      e.key.length <= 1200 &&
      kindOfKey(e.key) !== null &&
      typeof e.at === 'number' &&
      Number.isFinite(e.at) &&
      (e.dismissed === undefined || typeof e.dismissed === 'boolean'),
  );
  return {
    entries: entries.map((e) => ({ key: e.key, at: e.at, ...(e.dismissed ? { dismissed: true } : {}) })),
  };
}

const ACCOUNTS_KEY = 'reminders.accounts';
const ACCOUNT_ANY = '*';
const MAX_ACCOUNTS = 1000;

/** Stored accounts per 1:1, checked (anything else is dropped: at worst a click opens the first account). */
const readAccounts = (stored: unknown): Record<string, number> =>
  readNumbers(stored, (value) => Number.isInteger(value) && value >= 0 && value < 100);

/** A tracked 1:1's chip as the background judged it, with its wall time and instance start. */
interface TimedEvent {
  judged: JudgedEvent;
  relationshipId: string;
  time: ChipTime;
}

function readPending(stored: unknown, now: number): Record<string, PendingTarget> {
  if (!isRecord(stored)) return {};
  const out: Record<string, PendingTarget> = {};
  for (const [id, value] of Object.entries(stored)) {
    if (!isRecord(value) || typeof value.until !== 'number' || value.until < now) continue;
    if (kindOfKey(String(value.kind) + ':') === null || typeof value.relationshipId !== 'string') continue;
    const account =
      typeof value.account === 'number' && Number.isInteger(value.account) && value.account >= 0
        ? value.account
        : null;
    const skew =
      typeof value.skew === 'number' && Number.isFinite(value.skew) && Math.abs(value.skew) <= MAX_SKEW
        ? value.skew
        : 0;
    out[id] = { ...(value as unknown as PendingTarget), account, skew };
  }
  return out;
}

/** The browser's UI language (dates in notifications), or the runtime's default. */
function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return undefined;
  }
}

/** Which calendar each tracked instance shows on: `storage.local`, event ids and opaque hashes only. */
export const INSTANCE_CALENDARS_KEY = 'reminders.instance-calendars';
const MAX_INSTANCE_CALENDARS = 2000;
const CALENDAR_HASH = /^[0-9a-f]{8}$/;

/** An opaque, stable tag for a calendar id (FNV-1a, 32 bits): compared, never read back. */
export function calendarHash(calendarId: string): string {
  return fnv1aHex(calendarId);
}

const readCalendarHashes = (stored: unknown): Record<string, string> => {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const out: Record<string, string> = {};
  for (const [id, hash] of Object.entries(stored))
    if (id.length <= 512 && typeof hash === 'string' && CALENDAR_HASH.test(hash)) out[id] = hash;
  return out;
};

/**
 * Whether the view shows the planned instance re-timed rather than gone: an instance of the same series, or
 * of its continuation after "this and following events" (`<series>_R…`), whose original start is within
 * 12 h of the planned time (moving the whole series gives its instances new ids).
 */
export function continuedIn(instance: { eventId: string; scheduledAt: number }, shown: readonly string[]) {
  return shown.some((id) => {
    if (!sameMeetingSeries(instance.eventId, id)) return false;
    const start = instantFromEventKey(id);
    return start === null || Math.abs(start - instance.scheduledAt) <= SAME_MEETING_MS;
  });
}

/**
 * The shown instances of other series starting when the planned instance does (within `SAME_SLOT_MS`): where
 * it went if the organiser re-sent its series (deleted and created again: a new recurring id, the same
 * slots). Whose 1:1 they are is the data layer's to say (`ReminderDeps.follow`).
 */
export function sameSlotElsewhere(
  instance: { eventId: string; scheduledAt: number },
  shown: readonly string[],
): string[] {
  return [...new Set(shown)].filter((id) => {
    if (id === instance.eventId || seriesOfInstance(id) === null) return false;
    if (sameMeetingSeries(instance.eventId, id)) return false;
    const start = instantFromEventKey(id);
    return start !== null && Math.abs(start - instance.scheduledAt) <= SAME_SLOT_MS;
  });
}

/**
 * Keeps the newest `max` entries of a collection kept in insertion order (the oldest are dropped first);
 * true if it dropped any.
 */
function dropOldest(
  entries: { readonly size: number; keys(): Iterable<string>; delete(key: string): boolean },
  max: number,
): boolean {
  const extra = entries.size - max;
  if (extra <= 0) return false;
  for (const key of [...entries.keys()].slice(0, extra)) entries.delete(key);
  return true;
}

// The service -----------------------------------------------------------------------------------------------

type Area = Pick<Browser.storage.StorageArea, 'get' | 'set'>;

export class Reminders {
  private chain: Promise<unknown> = Promise.resolve();
  private badgeChain: Promise<unknown> = Promise.resolve();
  private readonly area: Area;
  /**
   * Where raised notifications' targets wait for a click: memory only (`storage.session`). A target holds
   * the chip's `data-eventid`, whose encoded calendar id is usually an email address — never written to disk.
   */
  private readonly pendingArea: Area;
  /**
   * Per instance id, the time last asked to plan while this worker lives: asked again only when Calendar
   * shows it at another time (moved, or moved back).
   */
  private readonly planned = new Map<string, number>();
  /**
   * Calendar instances of tracked 1:1s seen declined (kept in `storage.local`, opaque ids, for a restarted
   * worker or browser and for the popup's week: `lib/messaging/declined-events.ts`).
   */
  private readonly declinedSeen: SessionKept<Set<string>>;
  /** The latest update of `declinedSeen` (the check waits for it). */
  private declinedRecorded: Promise<void> = Promise.resolve();
  /**
   * Declined instances whose "reschedule?" has not been raised yet (by event id), kept in `storage.session`:
   * a decline seen while the caps were used, or a second one of the same 1:1 in a batch, is raised by a
   * later check instead of being dropped. Leaves when raised (or dismissed), accepted again, or past.
   */
  private readonly awaiting: SessionKept<Map<string, DeclinedEvent>>;
  /**
   * Planned instances a settled Calendar view of their day no longer shows (cancelled, deleted, moved away):
   * "reschedule?" and no "prepare", like a decline, until a page shows them again. Event ids, `storage.local`.
   */
  private readonly goneSeen: SessionKept<Set<string>>;
  /**
   * The calendar each tracked instance was last seen on, as an opaque hash (no address on disk), in
   * `storage.local` so a restarted worker or browser still knows it: an instance whose calendar is not known,
   * or not shown, is never judged gone (hiding a calendar, another account's page, is not cancelling).
   */
  private readonly calendarOf: SessionKept<Record<string, string>>;
  /**
   * Which signed-in Google account's Calendar last showed each 1:1 (`ACCOUNT_ANY`: any 1:1), so a click
   * opens that account's Calendar, not the first one's. Kept in `storage.session` (numbers and ids).
   */
  private readonly accounts: SessionKept<Record<string, number>>;
  /** Each account's Calendar clock: chips' times are read in Calendar's time zone, not this computer's. */
  private readonly clocks: CalendarClocks;

  constructor(
    private readonly deps: ReminderDeps,
    area?: Area,
    pendingArea?: Area,
  ) {
    this.area = area ?? browser.storage.local;
    this.pendingArea =
      pendingArea ?? (browser.storage.session as Area | undefined) ?? area ?? browser.storage.local;
    // Declined and gone instances: opaque event ids (no address, no title), on disk like the sent log, so a
    // browser restart does not bring back "prepare" and "after" for a 1:1 that will not take place.
    this.declinedSeen = new SessionKept(
      this.area,
      DECLINED_EVENTS_KEY,
      (stored) => new Set(parseDeclinedEvents(stored)),
      (ids) => [...ids],
    );
    this.awaiting = new SessionKept(
      this.pendingArea,
      RESCHEDULE_AWAITING_KEY,
      (stored) => new Map(parseDeclinedPrompts(stored).map((event) => [event.eventId, event])),
      (events) => [...events.values()],
    );
    this.calendarOf = new SessionKept(this.area, INSTANCE_CALENDARS_KEY, readCalendarHashes);
    this.goneSeen = new SessionKept(
      this.area,
      GONE_EVENTS_KEY,
      (stored) => new Set(parseDeclinedEvents(stored)),
      (ids) => [...ids],
    );
    this.accounts = new SessionKept(this.pendingArea, ACCOUNTS_KEY, readAccounts);
    this.clocks = deps.clocks ?? new CalendarClocks(this.pendingArea);
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** Registers the listeners (synchronously, as MV3 wants), the alarms, and a first badge and check. */
  start(): Promise<void> {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== REMINDER_ALARM && alarm.name !== MIDNIGHT_ALARM) return;
      void this.onAlarm(alarm.name);
    });
    browser.notifications.onClicked.addListener((id) => void this.clicked(id));
    browser.notifications.onButtonClicked?.addListener((id, index) => void this.buttonClicked(id, index));
    browser.notifications.onClosed.addListener((id, byUser) => void this.closed(id, byUser));
    // The toolbar's count is not kept across a browser restart: listening wakes the worker when the browser
    // starts, so the count is back then, not at the next alarm.
    browser.runtime.onStartup?.addListener(() => void this.onStartup());
    return Promise.all([this.ensureAlarms(), this.refreshBadge(), this.check()]).then(() => undefined);
  }

  /** The browser started: the toolbar count and what is due now. */
  async onStartup(): Promise<void> {
    await Promise.all([this.refreshBadge(), this.check()]);
  }

  async onAlarm(name: string): Promise<void> {
    await this.ensureAlarms(name === MIDNIGHT_ALARM);
    await Promise.all([this.refreshBadge(), this.check()]);
  }

  /** The periodic check (re-created if missing or replaced by a one-off) and the next midnight. */
  async ensureAlarms(midnightPassed = false): Promise<void> {
    try {
      const periodic = await browser.alarms.get(REMINDER_ALARM);
      if (!periodic?.periodInMinutes) {
        await browser.alarms.create(REMINDER_ALARM, {
          periodInMinutes: CHECK_PERIOD_MINUTES,
          delayInMinutes: CHECK_PERIOD_MINUTES,
        });
      }
      const midnight = await browser.alarms.get(MIDNIGHT_ALARM);
      if (!midnight || midnightPassed) {
        // A second after midnight, so the new day has begun whatever the clock's rounding.
        await browser.alarms.create(MIDNIGHT_ALARM, { when: nextLocalMidnight(this.now()) + 1000 });
      }
    } catch {
      // No alarms (a test browser): the badge still follows data changes.
    }
  }

  /** The toolbar badge: overdue agreements ('' when none or switched off), its colour and title. */
  refreshBadge(): Promise<void> {
    const run = this.badgeChain.then(async () => {
      try {
        const settings = await this.deps.settings();
        const count = settings.overdueBadge ? await this.deps.overdueCount(this.now()) : 0;
        await Promise.all([
          browser.action.setBadgeText({ text: badgeText(count) }),
          browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }),
          Promise.resolve(browser.action.setBadgeTextColor?.({ color: BADGE_TEXT_COLOR })),
          browser.action.setTitle({ title: badgeTitle(count) }),
        ]);
      } catch {
        // The database is unavailable (being upgraded, deleted): the next refresh tries again.
      }
    });
    this.badgeChain = run;
    return run;
  }

  /** Reads the facts the enabled kinds need, decides, raises. Serialized with every other raise. */
  check(): Promise<Reminder[]> {
    return this.serialized(async () => {
      const now = this.now();
      // First, so "after the 1:1" and the cadence see them as held.
      await this.deps.settleNoted?.(now).catch(() => undefined);
      const settings = await this.deps.settings();
      const [soon, held, cadence] = await Promise.all([
        // To the day's end (at least the lead time): the "prepare" reminders still to come today keep
        // budget (decideReminders); only those within the lead time are raised.
        settings.beforeSession
          ? this.deps.upcoming(now, Math.max(settings.beforeMinutes, minutesToMidnight(now)))
          : [],
        settings.afterHeld ? this.deps.held(now, HELD_HOURS) : [],
        settings.cadenceGap ? this.deps.cadence(now) : [],
      ]);
      // A 1:1 I declined in Calendar (seen this browser session) gets "reschedule?", not "prepare".
      await this.declinedRecorded;
      const off = await this.offCalendar();
      const upcoming = soon.filter((fact) => !fact.calendarEventId || !off(fact.calendarEventId));
      // A 1:1 declined or gone from Calendar did not take place: no "after".
      const tookPlace = held.filter((fact) => !fact.calendarEventId || !off(fact.calendarEventId));
      const declined = settings.reschedule ? await this.awaitingFacts(off) : [];
      // A Calendar 1:1 nobody opened in Duet that took place (not declined, not gone) is the last 1:1.
      const measured = cadence.map(({ calendarHeld, ...fact }) => {
        const took = calendarHeld?.find((held) => !off(held.calendarEventId));
        return took ? { ...fact, lastHeldAt: Math.max(fact.lastHeldAt ?? 0, took.at) } : fact;
      });
      return this.raise(
        { ...NO_FACTS, upcoming, held: tookPlace, cadence: measured, declined },
        now,
        settings,
      );
    });
  }

  /** Whether an instance is seen declined, or no longer in Calendar: no "prepare" for it. */
  private async offCalendar(): Promise<(eventId: string) => boolean> {
    const [declined, gone] = await Promise.all([this.declinedSeen.get(), this.goneSeen.get()]);
    return (eventId) => declined.has(eventId) || gone.has(eventId);
  }

  /** The instances still waiting for their prompt (still declined or gone), as facts. */
  private async awaitingFacts(off: (eventId: string) => boolean): Promise<DeclinedFact[]> {
    const awaiting = await this.awaiting.get();
    const events = [...awaiting.values()].filter((event) => off(event.eventId));
    return events.length > 0 ? this.deps.declined(events) : [];
  }

  /**
   * From the classify handler: tracked 1:1s I declined get a "reschedule?" prompt (once per instance); the
   * other tracked 1:1s shown in the coming days are planned as sessions, so no reminder misses them.
   */
  eventsJudged(judged: readonly JudgedEvent[], account: number | null = null): Promise<Reminder[]> {
    if (account !== null) {
      const relationships = judged.flatMap(({ relationshipId }) => (relationshipId ? [relationshipId] : []));
      void this.recordAccount(account, relationships);
    }
    /** Event id → declined now (true) or answered otherwise (false). */
    const answers = new Map<string, boolean>();
    const tracked: TimedEvent[] = [];
    // Every chip's day and time (a moved instance shows its new time) and instance start: together they
    // tell Calendar's time zone.
    const times = judged.map(({ event }) => chipTime(event));
    judged.forEach((judgedEvent, index) => {
      const { event, relationshipId } = judgedEvent;
      const time = times[index]!;
      if (relationshipId === null || (time.wall === null && time.instance === null)) return;
      // An unreadable answer changes nothing; a declined chip wins over another of the same instance.
      if (event.response !== 'unknown')
        answers.set(event.eventId, answers.get(event.eventId) === true || event.response === 'declined');
      tracked.push({ judged: judgedEvent, relationshipId, time });
    });
    void this.recordCalendars(tracked.map(({ judged: { event } }) => event));
    this.declinedRecorded = this.declinedRecorded
      .then(() => this.recordDeclined(answers))
      .catch(() => undefined);
    // In order with every other run: the clock first, then what this batch plans or prompts.
    return this.serialized(async () => {
      const clock = await this.clocks.learn(times, account);
      const { seen, declined } = this.sorted(tracked, clock);
      if (seen.length > 0) await this.deps.planSeen?.(seen, this.now()).catch(() => 0);
      await this.declinedRecorded;
      const settings = await this.deps.settings();
      if (!settings.reschedule) return [];
      const awaiting = await this.awaiting.get();
      let changed = false;
      for (const [eventId, declinedNow] of answers)
        if (!declinedNow && awaiting.delete(eventId)) changed = true;
      for (const event of declined) {
        const before = awaiting.get(event.eventId);
        if (before?.scheduledAt === event.scheduledAt && before.dataEventId === event.dataEventId) continue;
        awaiting.delete(event.eventId); // the newest last (the oldest go first when too many wait)
        awaiting.set(event.eventId, event);
        changed = true;
      }
      if (changed) await this.awaiting.save();
      if (declined.length === 0) return [];
      // This batch's declines, and any still waiting from before (a cap, or two of one 1:1 in a batch).
      const facts = await this.awaitingFacts(await this.offCalendar());
      return this.raise({ ...NO_FACTS, declined: facts }, this.now(), settings);
    });
  }

  /**
   * From a Calendar page whose day, week or N-day view settled: the days it shows, every event instance on
   * them and the calendars they belong to. A session Duet planned for an instance on one of those days, still
   * to come, whose instance is not shown (while its calendar is) was cancelled, deleted or moved away in
   * Calendar: it gets "reschedule?" (once per instance) and no "prepare", like a decline — never silently
   * kept nor dropped. An instance shown again is forgotten. One whose slot shows an instance of another
   * series instead may be the same 1:1 re-sent by its organiser: when the data layer finds it is
   * (`ReminderDeps.follow`), the session moved to it and nothing is asked.
   */
  daysShown(
    shown: { days: readonly Day[]; eventIds: readonly string[]; calendars: readonly string[] },
    account: number | null = null,
  ): Promise<Reminder[]> {
    return this.serialized(async () => {
      const days = [...shown.days].sort();
      if (days.length === 0 || !this.deps.planned) return [];
      const now = this.now();
      // Calendar's days in its own time zone: a wall time is the instant plus the account's skew.
      const { skew } = await this.clocks.clockFor(account);
      const from = localInstant(days[0]!, '00:00');
      const to = localInstant(addDays(days.at(-1)!, 1), '00:00');
      if (from === null || to === null) return [];
      // The last day too: a 1:1 cancelled before it was due gets no "after" question (no prompt: past).
      const planned = await this.deps.planned(Math.max(from - skew, now - DAY_MS), to - skew);
      const onDays = new Set(days);
      const ids = new Set(shown.eventIds);
      const calendars = new Set(shown.calendars.map(calendarHash));
      const [gone, awaiting, calendarOf] = await Promise.all([
        this.goneSeen.get(),
        this.awaiting.get(),
        this.calendarOf.get(),
      ]);
      let changed = false;
      let awaitingChanged = false;
      let followed = false;
      const fresh: DeclinedEvent[] = [];
      /** Seen gone before, no longer waiting and never prompted: the waiting list was this browser session's. */
      let again: DeclinedEvent[] = [];
      for (const instance of planned) {
        if (!onDays.has(dayOf(instance.scheduledAt + skew))) continue;
        if (ids.has(instance.eventId) || continuedIn(instance, shown.eventIds)) {
          if (gone.delete(instance.eventId)) changed = true;
          if (awaiting.get(instance.eventId)?.gone) awaitingChanged = awaiting.delete(instance.eventId);
          continue;
        }
        // Only on evidence: its calendar is known and shown here.
        const calendar = calendarOf[instance.eventId];
        if (calendar === undefined || !calendars.has(calendar)) continue;
        // Not gone but re-sent: the same slot under a new series of this 1:1. Its session (points, prep
        // notes) went to the new event: nothing to reschedule, and a prompt already up is taken down.
        if (await this.followed(instance, shown.eventIds)) {
          followed = true;
          if (gone.delete(instance.eventId)) {
            changed = true;
            await browser.notifications
              .clear(`${NOTIFICATION_PREFIX}reschedule:${instance.eventId}`)
              .catch(() => false);
          }
          if (awaiting.get(instance.eventId)?.gone && awaiting.delete(instance.eventId))
            awaitingChanged = true;
          continue;
        }
        if (gone.has(instance.eventId)) {
          const past = instance.scheduledAt < now + REMINDER_LIMITS.rescheduleFrom;
          if (!past && !awaiting.has(instance.eventId))
            again.push({ ...instance, dataEventId: '', gone: true });
          continue;
        }
        gone.add(instance.eventId);
        changed = true;
        fresh.push({ ...instance, dataEventId: '', gone: true });
      }
      // Never prompted (the sent log, read only when one is found): a prompt shown or dismissed stays done.
      if (again.length > 0) {
        const prompted = readSentLog((await this.area.get(SENT_LOG_KEY))[SENT_LOG_KEY]).entries;
        const done = new Set(prompted.map((entry) => entry.key));
        again = again.filter((event) => !done.has(`reschedule:${event.eventId}`));
      }
      for (const id of ids) if (gone.delete(id)) changed = true;
      if (followed) this.deps.dataChanged?.();
      if (awaitingChanged) await this.awaiting.save();
      if (!changed && again.length === 0) return [];
      if (changed) {
        dropOldest(gone, MAX_DECLINED_EVENTS);
        await this.goneSeen.save();
      }
      const settings = await this.deps.settings();
      if (!settings.reschedule) return [];
      for (const event of [...fresh, ...again]) awaiting.set(event.eventId, event);
      await this.awaiting.save();
      const facts = await this.awaitingFacts(await this.offCalendar());
      return facts.length > 0 ? this.raise({ ...NO_FACTS, declined: facts }, now, settings) : [];
    });
  }

  /** Whether a planned instance's session followed its series re-sent into the same slot (`sameSlotElsewhere`). */
  private async followed(instance: PlannedInstance, shown: readonly string[]): Promise<boolean> {
    if (!this.deps.follow) return false;
    const candidates = sameSlotElsewhere(instance, shown);
    if (candidates.length === 0) return false;
    return this.deps.follow(instance, candidates).catch(() => false);
  }

  /** Tracked 1:1s seen ahead, to plan (each instance and time once), and the declined ones. */
  private sorted(
    tracked: readonly TimedEvent[],
    clock: ClockReading,
  ): { seen: SeenInstance[]; declined: DeclinedEvent[] } {
    const declined: DeclinedEvent[] = [];
    const seen: SeenInstance[] = [];
    for (const { judged, relationshipId, time } of tracked) {
      const { event, detection } = judged;
      const scheduledAt = chipStart(time, clock);
      if (scheduledAt === null) continue;
      if (event.response !== 'declined') {
        if (detection.isOneOnOne && this.planned.get(event.eventId) !== scheduledAt) {
          // Read from the chip's own time (not its id's, the fallback when the time cannot be read).
          const confirmed = time.wall !== null;
          seen.push({
            eventId: event.eventId,
            relationshipId,
            scheduledAt,
            ...(confirmed ? { confirmed } : {}),
          });
          if (this.planned.size >= 2000) this.planned.clear();
          this.planned.set(event.eventId, scheduledAt);
        }
        continue;
      }
      declined.push({ eventId: event.eventId, dataEventId: event.dataEventId, relationshipId, scheduledAt });
    }
    return { seen, declined };
  }

  /** Which calendar each tracked instance shows on (hashed), stored when that changed anything. */
  private async recordCalendars(events: readonly Pick<CalendarEvent, 'eventId' | 'calendarId'>[]) {
    if (events.length === 0) return;
    const known = await this.calendarOf.get();
    let changed = false;
    for (const { eventId, calendarId } of events) {
      const hash = calendarHash(calendarId);
      if (known[eventId] === hash) continue;
      delete known[eventId]; // the newest last: the oldest go first
      known[eventId] = hash;
      changed = true;
    }
    if (!changed) return;
    const ids = Object.keys(known);
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX_INSTANCE_CALENDARS))) delete known[id];
    await this.calendarOf.save();
  }

  /** Declined instances added, accepted-again ones removed; stored when that changed anything. */
  private async recordDeclined(answers: ReadonlyMap<string, boolean>): Promise<void> {
    const declinedSeen = await this.declinedSeen.get();
    let changed = false;
    for (const [id, declined] of answers) {
      if (declined === declinedSeen.has(id)) continue;
      changed = true;
      if (declined) declinedSeen.add(id);
      else declinedSeen.delete(id);
    }
    if (!changed) return;
    dropOldest(declinedSeen, MAX_DECLINED_EVENTS);
    await this.declinedSeen.save();
  }

  private async recordAccount(account: number, relationshipIds: readonly string[]): Promise<void> {
    const accounts = await this.accounts.get();
    const changed = [ACCOUNT_ANY, ...relationshipIds].filter((id) => accounts[id] !== account);
    if (changed.length === 0) return;
    for (const id of changed) accounts[id] = account;
    const ids = Object.keys(accounts);
    if (ids.length > MAX_ACCOUNTS)
      for (const id of ids.slice(0, ids.length - MAX_ACCOUNTS)) delete accounts[id];
    await this.accounts.save();
  }

  /** The account whose Calendar showed this 1:1 last, and that Calendar's clock skew (0 when unknown). */
  private async calendarSkew(relationshipId: string): Promise<{ account: number | null; skew: number }> {
    const account = await this.accountFor(relationshipId);
    return { account, skew: (await this.clocks.clockFor(account)).skew };
  }

  /** The account whose Calendar showed this 1:1 last (else whichever Calendar showed any), if known. */
  private async accountFor(relationshipId: string): Promise<number | null> {
    const accounts = await this.accounts.get();
    return accounts[relationshipId] ?? accounts[ACCOUNT_ANY] ?? null;
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task);
    // A failed run (database unavailable) never blocks the next one.
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async raise(facts: ReminderFacts, now: number, settings: ReminderSettings): Promise<Reminder[]> {
    const stored = await this.area.get(SENT_LOG_KEY);
    const log = readSentLog(stored[SENT_LOG_KEY]);
    // A declined or gone 1:1's day as its Calendar shows it (that account's time zone), not this computer's.
    const declined = await Promise.all(
      facts.declined.map(async (fact) => ({
        ...fact,
        day: dayOf(fact.scheduledAt + (await this.calendarSkew(fact.relationshipId)).skew),
      })),
    );
    const decided = decideReminders({ ...facts, declined }, now, settings, log);
    if (facts.declined.length > 0) await this.settleAwaiting(log, decided, now);
    if (decided.length === 0) return [];
    const pending = readPending((await this.pendingArea.get(PENDING_KEY))[PENDING_KEY], now);
    const raised: Reminder[] = [];
    for (const reminder of decided) {
      const id = NOTIFICATION_PREFIX + reminder.key;
      if (await this.show(id, reminder)) {
        raised.push(reminder);
        const { account, skew } = await this.calendarSkew(reminder.relationshipId);
        pending[id] = { ...targetOf(reminder, now), account, skew };
      }
    }
    // Remembered even if the OS refused to show it (notifications blocked): never retried in a loop.
    await Promise.all([
      this.area.set({ [SENT_LOG_KEY]: recordSent(log, decided, now) }),
      this.pendingArea.set({ [PENDING_KEY]: pending }),
    ]);
    return raised;
  }

  /**
   * Declined instances leave the waiting list once their prompt is raised now or was before (sent or
   * dismissed: the sent log), or once they are too far past to prompt; at most MAX_DECLINED_EVENTS wait.
   */
  private async settleAwaiting(log: SentLog, raised: readonly Reminder[], now: number): Promise<void> {
    const awaiting = await this.awaiting.get();
    const done = new Set([...log.entries.map((entry) => entry.key), ...raised.map((r) => r.key)]);
    let changed = false;
    for (const [eventId, event] of awaiting) {
      const past = event.scheduledAt < now + REMINDER_LIMITS.rescheduleFrom;
      if (past || done.has(`reschedule:${eventId}`)) changed = awaiting.delete(eventId) || changed;
    }
    if (dropOldest(awaiting, MAX_DECLINED_EVENTS)) changed = true;
    if (changed) await this.awaiting.save();
  }

  private async show(id: string, reminder: Reminder): Promise<boolean> {
    const text = notificationText(reminder, this.deps.locale ?? uiLanguage());
    const options: Browser.notifications.NotificationCreateOptions = {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: text.title,
      message: text.message,
      priority: reminder.kind === 'before-session' || reminder.kind === 'reschedule' ? 1 : 0,
    };
    const supportsButtons = this.deps.supportsButtons ?? !import.meta.env.FIREFOX;
    try {
      await browser.notifications.create(
        id,
        supportsButtons && text.buttons.length > 0
          ? { ...options, buttons: text.buttons.map((title) => ({ title })) }
          : options,
      );
      return true;
    } catch {
      if (!supportsButtons || text.buttons.length === 0) return false;
      // A browser that refuses buttons: the plain notification (its click opens Calendar).
      try {
        await browser.notifications.create(id, options);
        return true;
      } catch {
        return false;
      }
    }
  }

  private async pendingTarget(id: string): Promise<PendingTarget | undefined> {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return undefined;
    const stored = await this.pendingArea.get(PENDING_KEY);
    return readPending(stored[PENDING_KEY], this.now())[id];
  }

  private async forget(id: string): Promise<void> {
    await this.serialized(async () => {
      const stored = await this.pendingArea.get(PENDING_KEY);
      const pending = readPending(stored[PENDING_KEY], this.now());
      delete pending[id];
      await this.pendingArea.set({ [PENDING_KEY]: pending });
    });
    await browser.notifications.clear(id).catch(() => false);
  }

  /** A click on the notification: Calendar where it helps (see the module comment). */
  async clicked(id: string): Promise<void> {
    const target = await this.pendingTarget(id);
    if (!target) return;
    await browser.tabs.create({ url: targetUrl(target) });
    // A declined 1:1 stays pending until the user decides (cancel, or moves it in Calendar).
    if (target.kind !== 'reschedule') await this.forget(id);
    else await browser.notifications.clear(id).catch(() => false);
  }

  /** Chrome's buttons on "reschedule?": 0 opens the event in Calendar, 1 cancels Duet's session. */
  async buttonClicked(id: string, index: number): Promise<void> {
    const target = await this.pendingTarget(id);
    if (!target || target.kind !== 'reschedule' || !target.eventId) return;
    if (index === 0) {
      await this.clicked(id);
      return;
    }
    if (index !== 1) return;
    await this.deps.cancelDeclined({
      eventId: target.eventId,
      relationshipId: target.relationshipId,
      scheduledAt: target.at,
    });
    await this.forget(id);
    this.deps.dataChanged?.();
    await this.refreshBadge();
  }

  /**
   * "Delete everything": what the reminders kept about the deleted 1:1s goes too — the sent log, the
   * declined and gone instances, their calendars, the prompts waiting and the signed-in accounts — and the
   * notifications still on screen ("Prepare for your 1:1 with Bob") are taken down.
   */
  async forgetAll(): Promise<void> {
    await this.serialized(async () => {
      this.planned.clear();
      const kept = [this.declinedSeen, this.awaiting, this.calendarOf, this.goneSeen, this.accounts];
      await Promise.all(kept.map((value) => value.clear()));
      await Promise.all([
        this.area.set({ [SENT_LOG_KEY]: { entries: [] } }).catch(() => undefined),
        this.pendingArea.set({ [PENDING_KEY]: {} }).catch(() => undefined),
      ]);
      const shown = await browser.notifications.getAll().catch(() => ({}));
      await Promise.all(
        Object.keys(shown)
          .filter((id) => id.startsWith(NOTIFICATION_PREFIX))
          .map((id) => browser.notifications.clear(id).catch(() => false)),
      );
    });
    await this.refreshBadge();
  }

  /** Closed by the user: that reminder never comes back (the sent log remembers the dismissal longer). */
  async closed(id: string, byUser: boolean): Promise<void> {
    if (!(this.deps.reportsDismissals ?? !import.meta.env.FIREFOX)) return;
    if (!byUser || !id.startsWith(NOTIFICATION_PREFIX)) return;
    const key = id.slice(NOTIFICATION_PREFIX.length);
    if (kindOfKey(key) === null) return;
    await this.serialized(async () => {
      const stored = await this.area.get(SENT_LOG_KEY);
      await this.area.set({
        [SENT_LOG_KEY]: recordDismissed(readSentLog(stored[SENT_LOG_KEY]), key, this.now()),
      });
    });
  }
}
