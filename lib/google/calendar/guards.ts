/**
 * Compact checks of what the Calendar readers produce, for the content script. They mirror the zod schemas
 * in ./model.ts exactly — tests/unit/google/calendar/guards.test.ts holds them equal on valid and broken
 * samples — because zod itself (~7 kB gzip) would not fit the content script's 15 kB budget. The background
 * validates every message with the zod schemas anyway: that is the trust boundary.
 */
import type { CalendarEvent, EventDetails, Guest } from './model';

const RESPONSE = new Set(['accepted', 'declined', 'tentative', 'needs-action', 'unknown']);
const GUEST_KIND = new Set(['person', 'room', 'resource', 'group']);
const DATA_EVENT_ID = /^[A-Za-z0-9+/=_.-]+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MEET_CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

type Rec = Record<string, unknown>;
export const isRecord = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const hasExactly = (value: Rec, keys: readonly string[]) => {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.prototype.hasOwnProperty.call(value, key));
};
const str = (value: unknown, max: number, min = 0): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const nullOr = (value: unknown, test: (v: unknown) => boolean) => value === null || test(value);
const matches = (re: RegExp) => (value: unknown) => typeof value === 'string' && re.test(value);

export function isDataEventId(value: unknown): value is string {
  return str(value, 512, 1) && DATA_EVENT_ID.test(value);
}

const EVENT_KEYS = [
  'dataEventId',
  'eventId',
  'seriesId',
  'calendarId',
  'title',
  'day',
  'start',
  'end',
  'allDay',
  'response',
];

export function isCalendarEvent(value: unknown): value is CalendarEvent {
  return (
    isRecord(value) &&
    hasExactly(value, EVENT_KEYS) &&
    isDataEventId(value.dataEventId) &&
    str(value.eventId, 512, 1) &&
    str(value.seriesId, 512, 1) &&
    str(value.calendarId, 512) &&
    str(value.title, 1024) &&
    nullOr(value.day, matches(DAY)) &&
    nullOr(value.start, matches(TIME)) &&
    nullOr(value.end, matches(TIME)) &&
    typeof value.allDay === 'boolean' &&
    RESPONSE.has(value.response as string)
  );
}

const GUEST_KEYS = ['email', 'name', 'organizer', 'kind', 'response'];

function isGuest(value: unknown): value is Guest {
  return (
    isRecord(value) &&
    hasExactly(value, GUEST_KEYS) &&
    nullOr(value.email, (v) => str(v, 320)) &&
    str(value.name, 300) &&
    typeof value.organizer === 'boolean' &&
    GUEST_KIND.has(value.kind as string) &&
    RESPONSE.has(value.response as string)
  );
}

const DETAILS_KEYS = ['dataEventId', 'title', 'guests', 'guestCount', 'meetCode', 'recurrence'];
/** Members that may be left out (or undefined); when there, `true`. */
const DETAILS_FLAGS = ['countUnread', 'organizerUnread'] as const;

export function isEventDetails(value: unknown): value is EventDetails {
  return (
    isRecord(value) &&
    hasExactly(value, [...DETAILS_KEYS, ...DETAILS_FLAGS.filter((key) => Object.hasOwn(value, key))]) &&
    DETAILS_FLAGS.every((key) => value[key] === undefined || value[key] === true) &&
    isDataEventId(value.dataEventId) &&
    str(value.title, 1024) &&
    (value.guests === null ||
      (Array.isArray(value.guests) && value.guests.length <= 500 && value.guests.every(isGuest))) &&
    nullOr(value.guestCount, (v) => Number.isInteger(v) && (v as number) >= 0) &&
    nullOr(value.meetCode, matches(MEET_CODE)) &&
    nullOr(value.recurrence, (v) => str(v, 300))
  );
}
