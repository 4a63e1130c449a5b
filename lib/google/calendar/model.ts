/**
 * What the Calendar readers produce: plain facts the page shows, checked with zod/mini (this module ships
 * in the content script). Dates come from structure (`data-datekey`) where possible; times from the chip's
 * accessible text, parsed per locale; anything unparseable is `null` (fail closed), never a guess.
 */
import { z } from 'zod/mini';
import { CALENDAR_VIEWS, GUEST_KINDS, RESPONSES } from './constants';

export { CALENDAR_VIEWS, GUEST_KINDS, RESPONSES };
export type { CalendarView, EventResponse } from './constants';

export const DataEventIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(512), z.regex(/^[A-Za-z0-9+/=_.-]+$/));

const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const Time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/** One event chip as a grid or schedule view shows it (no guests: chips never carry them). */
export const CalendarEventSchema = z.strictObject({
  /** The chip's `data-eventid`, verbatim. */
  dataEventId: DataEventIdSchema,
  /** Decoded event (instance) id, e.g. `9q7k…_20260323T170000Z`. */
  eventId: z.string().check(z.minLength(1), z.maxLength(512)),
  /** The recurring series id (the event id without its instance suffix). */
  seriesId: z.string().check(z.minLength(1), z.maxLength(512)),
  /** The calendar the chip belongs to (Google's abbreviated id, e.g. `alice@acme.example`, `…@g`). */
  calendarId: z.string().check(z.maxLength(512)),
  title: z.string().check(z.maxLength(1024)),
  /** The event's (first) day, local, from `data-datekey` or the schedule view's day header. */
  day: z.nullable(Day),
  /** Local start and end times (24 h), from the chip's accessible text; null when all-day or unparseable. */
  start: z.nullable(Time),
  end: z.nullable(Time),
  allDay: z.boolean(),
  /** My response, from the accessible text (locale-aware) or the chip's look; `unknown` if not told. */
  response: z.enum(RESPONSES),
});
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;

export const GuestSchema = z.strictObject({
  email: z.nullable(z.string().check(z.maxLength(320))),
  name: z.string().check(z.maxLength(300)),
  organizer: z.boolean(),
  kind: z.enum(GUEST_KINDS),
  /** This guest's response, when the popover says it. */
  response: z.enum(RESPONSES),
});
export type Guest = z.infer<typeof GuestSchema>;

/** The open event-details popover: the only place guests appear. */
export const EventDetailsSchema = z.strictObject({
  dataEventId: DataEventIdSchema,
  title: z.string().check(z.maxLength(1024)),
  /** null: the popover has no guests section (yet): nothing is known about guests, not "none". */
  guests: z.nullable(z.array(GuestSchema).check(z.maxLength(500))),
  /** "N guests" as the popover summarises it (may exceed the rows shown); null if not shown. */
  guestCount: z.nullable(z.number().check(z.int(), z.minimum(0))),
  meetCode: z.nullable(z.string().check(z.regex(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/))),
  /** The recurrence line ("Weekly on Monday"), verbatim, if any. */
  recurrence: z.nullable(z.string().check(z.maxLength(300))),
  /** A guest summary is shown but its count cannot be read (`guestCount` null): the rows may be some only. */
  countUnread: z.optional(z.literal(true)),
  /** Guest rows in a language whose organizer word Duet does not know: `organizer` tells nothing there. */
  organizerUnread: z.optional(z.literal(true)),
});
export type EventDetails = z.infer<typeof EventDetailsSchema>;
