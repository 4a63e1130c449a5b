/**
 * The small schemas and constants content scripts need (badges, call states, constants). Kept apart from
 * protocol.ts so content scripts never bundle the whole message table: every zod schema a module creates
 * ships with whoever imports it.
 */
import { z } from 'zod/mini';
export { REFRESH_BADGES, OPEN_PANEL_SHORTCUT, OPEN_PANEL_COMMAND } from './constants';
import { ONE_ON_ONE_KINDS } from '../domain/one-on-one-title';
import { type CalendarEvent, CalendarEventSchema, DataEventIdSchema } from '../google/calendar/model';

export const SENDER_KINDS = ['calendar-content', 'meet-content', 'extension-page'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

export { DataEventIdSchema };

export const MeetingCodeSchema = z.string().check(z.regex(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/));

export const OneOnOneKindSchema = z.enum(ONE_ON_ONE_KINDS);
export const ConfidenceSchema = z.enum(['confirmed', 'likely']);

/** What the Calendar content script knows about a chip: no more than the page shows (lib/google/calendar). */
export const SeenEventSchema = CalendarEventSchema;
export type SeenEvent = CalendarEvent;

/** What a badge shows: kind, confidence and how many agreements are open — never note content. */
export const EventBadgeSchema = z.strictObject({
  dataEventId: DataEventIdSchema,
  kind: OneOnOneKindSchema,
  confidence: ConfidenceSchema,
  openAgreements: z.number().check(z.int(), z.minimum(0)),
});
export type EventBadge = z.infer<typeof EventBadgeSchema>;

export const MeetCallStateSchema = z.enum(['prejoin', 'in-call', 'ended', 'unknown']);
export type MeetCallState = z.infer<typeof MeetCallStateSchema>;

/**
 * The capability a content script gives its own panel frame (in the frame URL's hash, inside a closed
 * shadow root): only a frame presenting the tab's current token is told the tab's event.
 */
export const FrameTokenSchema = z.string().check(z.regex(/^[0-9a-f]{32}$/));

export const MAX_PARTICIPANTS = 50;
export const ParticipantNameSchema = z.string().check(z.minLength(1), z.maxLength(300));

/** What the Meet page shows for a call: the panel open, collapsed to its rail, or nothing. */
export const MeetShowSchema = z.strictObject({ show: z.enum(['open', 'collapsed', 'hidden']) });
export type MeetShow = z.infer<typeof MeetShowSchema>;

export const OkSchema = z.strictObject({ ok: z.literal(true) });
