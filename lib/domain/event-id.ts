/**
 * Google Calendar's `data-eventid` is base64 (no padding) of `"<eventId>[_<instance>] <calendarId>"`.
 * Recurring instances carry `_YYYYMMDDTHHMMSSZ` (or `_YYYYMMDD` all-day); the part before is the series id.
 * Tasks (`tasks_…`, `ttb_…`) and birthdays (`bday_…`) do not decode this way. See GOOGLE-DOM.md §1.7.
 */
export interface DecodedEventId {
  /** The instance id as Calendar's API knows it (series id plus instance suffix, if any). */
  eventId: string;
  /** The recurring series id, or the event id itself for a single event. */
  seriesId: string;
  /** The instance start (`20260323T170000Z`), if this is an instance of a recurring series. */
  instance: string | null;
  /** The calendar the chip belongs to, abbreviated by Google (`@m` gmail, `@g` group calendars). */
  calendarId: string;
}

const NON_EVENT_PREFIXES = ['tasks_', 'tasks.', 'ttb_', 'bday_'];
const INSTANCE_SUFFIX = /^(.+?)_(\d{8}(?:T\d{6}Z)?)$/;
const ID_CHARS = /^[A-Za-z0-9_.@-]+$/;
/** A calendar id is often an address, whose local part may hold `'` and `+` (patrick.o'brien@, me+work@). */
const CALENDAR_ID_CHARS = /^[A-Za-z0-9_.@+'-]+$/;

export function isNonEventId(dataEventId: string): boolean {
  return NON_EVENT_PREFIXES.some((prefix) => dataEventId.startsWith(prefix));
}

function decodeBase64(value: string): string | null {
  const normalized = value.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]+$/.test(normalized) || normalized.length % 4 === 1) return null;
  try {
    return atob(normalized + '='.repeat((4 - (normalized.length % 4)) % 4));
  } catch {
    return null;
  }
}

/** Decodes a chip's `data-eventid`; `null` for tasks, birthdays and anything malformed (fail closed). */
export function decodeEventId(dataEventId: string): DecodedEventId | null {
  if (dataEventId.length === 0 || dataEventId.length > 512 || isNonEventId(dataEventId)) return null;
  const decoded = decodeBase64(dataEventId);
  if (decoded === null) return null;
  const parts = decoded.split(' ');
  if (parts.length !== 2) return null;
  const [eventId, calendarId] = parts as [string, string];
  if (!ID_CHARS.test(eventId) || !CALENDAR_ID_CHARS.test(calendarId)) return null;
  const instanceMatch = INSTANCE_SUFFIX.exec(eventId);
  return {
    eventId,
    seriesId: instanceMatch?.[1] ?? eventId,
    instance: instanceMatch?.[2] ?? null,
    calendarId,
  };
}

const INSTANCE_KEY = /^(.+?)_(\d{8}(?:T\d{6}Z)?)$/;

/** The series of an instance id (`<series>_<instant>`), or null for a single event. */
export function seriesOfInstance(eventId: string): string | null {
  return INSTANCE_KEY.exec(eventId)?.[1] ?? null;
}

/**
 * Whether two instance ids belong to one meeting's series: the same series (moving a whole series gives its
 * instances new ids), or one continuing the other after "this and following events" (`<series>_R…`).
 */
export function sameMeetingSeries(a: string, b: string): boolean {
  const [first, second] = [seriesOfInstance(a), seriesOfInstance(b)];
  if (first === null || second === null) return false;
  return first === second || second.startsWith(`${first}_R`) || first.startsWith(`${second}_R`);
}
