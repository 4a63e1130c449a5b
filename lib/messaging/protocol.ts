/**
 * The one message protocol between Duet's contexts. Every message is a member of `RequestSchema`
 * (a zod discriminated union on `kind`); every kind names the sender kinds allowed to send it.
 * Anything else — unknown kinds, extra or mistyped fields, oversized payloads — is dropped.
 */
import { z } from 'zod/mini';
import { EventDetailsSchema } from '../google/calendar/model';

/** Largest serialized message accepted; Calendar's busiest week is far below this. */
export const MAX_MESSAGE_CHARS = 256 * 1024;
export const MAX_EVENTS_PER_MESSAGE = 1000;

export { REFRESH_BADGES, OPEN_PANEL_SHORTCUT, OPEN_PANEL_COMMAND } from './constants';
export {
  SENDER_KINDS,
  type SenderKind,
  DataEventIdSchema,
  MeetingCodeSchema,
  OneOnOneKindSchema,
  ConfidenceSchema,
  SeenEventSchema,
  type SeenEvent,
  EventBadgeSchema,
  type EventBadge,
  MeetCallStateSchema,
  type MeetCallState,
  MeetShowSchema,
  type MeetShow,
  ParticipantNameSchema,
  MAX_PARTICIPANTS,
} from './schemas';
import {
  ConfidenceSchema,
  DataEventIdSchema,
  EventBadgeSchema,
  FrameTokenSchema,
  MAX_PARTICIPANTS,
  MeetCallStateSchema,
  MeetingCodeSchema,
  MeetShowSchema,
  OkSchema,
  ParticipantNameSchema,
  OneOnOneKindSchema,
  SeenEventSchema,
  type SenderKind,
} from './schemas';

export const CounterpartSchema = z.strictObject({
  email: z.nullable(z.string().check(z.maxLength(320))),
  name: z.string().check(z.maxLength(300)),
});
export type CounterpartRef = z.infer<typeof CounterpartSchema>;

export const PanelDetectionSchema = z.strictObject({
  kind: z.nullable(OneOnOneKindSchema),
  confidence: z.nullable(ConfidenceSchema),
  counterparts: z.array(CounterpartSchema).check(z.maxLength(10)),
  /** Not a 1:1 yet, but exactly one other person: offer "Track as 1:1 with <name>". */
  trackable: z.nullable(CounterpartSchema),
  /** Linked to a known 1:1 series (by series id and a guest's email). */
  relationshipId: z.nullable(z.string().check(z.maxLength(512))),
});
export type PanelDetection = z.infer<typeof PanelDetectionSchema>;

/** What a panel frame is about: set by its tab's content script, read by the panel through the background. */
export const PanelContextSchema = z.discriminatedUnion('surface', [
  z.strictObject({
    surface: z.literal('calendar'),
    dataEventId: DataEventIdSchema,
    eventKey: z.string().check(z.minLength(1), z.maxLength(512)),
    seriesKey: z.string().check(z.minLength(1), z.maxLength(512)),
    title: z.string().check(z.maxLength(1024)),
    /** Local day and start time of this occurrence, when the page showed them. */
    day: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
    start: z.nullable(z.string().check(z.regex(/^\d{2}:\d{2}$/))),
    /**
     * When this occurrence starts (ms), with the day and time read in Calendar's own time zone, else the
     * instance id's start; null when neither is known (all-day events).
     */
    startsAt: z.nullable(z.number().check(z.int())),
    /** Whether the event repeats (an instance suffix, or a recurrence line in the popover). */
    recurring: z.boolean(),
    /** The popover's recurrence line ("Weekly on Monday"), verbatim, when read (the cadence guess uses it). */
    recurrence: z.optional(z.nullable(z.string().check(z.maxLength(300)))),
    /** The background's verdict for this event. */
    detection: PanelDetectionSchema,
    /** Other people invited (not me, not rooms or groups), when the details popover was read. */
    guests: z.nullable(z.array(CounterpartSchema).check(z.maxLength(50))),
    meetCode: z.nullable(MeetingCodeSchema),
  }),
  z.strictObject({
    surface: z.literal('meet'),
    meetingCode: MeetingCodeSchema,
    title: z.string().check(z.maxLength(1024)),
    state: MeetCallStateSchema,
    /** Meet shows that I am presenting: the in-page panel hides note contents. */
    presenting: z.boolean(),
    /** Everyone else in the call, by display name (Meet shows no emails). */
    others: z.array(ParticipantNameSchema).check(z.maxLength(MAX_PARTICIPANTS)),
    /** The 1:1 this call belongs to, and how Duet knows. */
    link: z.nullable(
      z.strictObject({
        relationshipId: z.string().check(z.minLength(1), z.maxLength(512)),
        via: z.enum(['meet-code', 'title', 'participant']),
        /** The user linked this call to this 1:1 in the panel: kept for the call, whoever is in it. */
        chosen: z.optional(z.literal(true)),
        /** Its person has been seen in this call (a later absence is a reconnect, held for a while). */
        seen: z.optional(z.literal(true)),
        /** When the call ended (a rejoin soon after is the same call; later, the next meeting). */
        endedAt: z.optional(z.number().check(z.int(), z.minimum(0))),
        /** Since when its person has not been seen while others were (kept linked for a while). */
        absentSince: z.optional(z.number().check(z.int(), z.minimum(0))),
      }),
    ),
    /**
     * Not linked, but exactly one other person: offer "Track as 1:1 with <name>" (or two, in a call titled
     * as a 2-1: the first of them; the panel offers the 2-1 with both, from `others`).
     */
    trackable: z.nullable(ParticipantNameSchema),
    /**
     * This tab's call ended while another tab of this browser is still in it: the 1:1 goes on there, so
     * this tab's panel does not end its session.
     */
    goesOnElsewhere: z.optional(z.literal(true)),
  }),
]);
export type PanelContext = z.infer<typeof PanelContextSchema>;

const Ok = OkSchema;

/**
 * Whose calendars the page shows, by address (`data-principal-ids`, a chip's calendar id): one, the page's
 * own (the signed-in account's); several when it does not say which is its own (side by side, month view).
 */
const PrincipalSchema = z
  .array(z.string().check(z.minLength(3), z.maxLength(320)))
  .check(z.minLength(1), z.maxLength(100));

/** Each kind: who may send it, the request's fields and the response's shape. */
/** The tab the browser's side panel (a page in no tab) says it shows; no one else may name a tab. */
const SidePanelTabSchema = z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(2 ** 31)));

export const MESSAGES = {
  'calendar/classify-events': {
    from: ['calendar-content'],
    request: z.strictObject({
      kind: z.literal('calendar/classify-events'),
      events: z.array(SeenEventSchema).check(z.maxLength(MAX_EVENTS_PER_MESSAGE)),
      /**
       * The signed-in account's own calendar (the page's `data-principal-ids`): a chip on another person's
       * calendar overlaid on it is not my 1:1. Several when the page does not say which is its own: the
       * calendars it shows side by side (columns naming different ones), or those its chips belong to (a month
       * or schedule view in a tab whose views never named one). Absent when nothing says.
       */
      principal: z.optional(PrincipalSchema),
    }),
    response: z.strictObject({ badges: z.array(EventBadgeSchema) }),
  },
  'calendar/event-details': {
    // The details popover was read (the only place guests appear): re-judge that event with its guests.
    from: ['calendar-content'],
    request: z.strictObject({ kind: z.literal('calendar/event-details'), details: EventDetailsSchema }),
    response: z.strictObject({ badge: z.nullable(EventBadgeSchema) }),
  },
  'calendar/select-event': {
    from: ['calendar-content'],
    request: z.strictObject({
      kind: z.literal('calendar/select-event'),
      event: SeenEventSchema,
      principal: z.optional(PrincipalSchema),
    }),
    response: Ok,
  },
  'calendar/days-shown': {
    // A day, week or N-day view settled: the days it shows and every instance on them (a 1:1 Duet planned
    // that is no longer there was cancelled or moved: "reschedule?"). Ids and days only, no titles.
    from: ['calendar-content'],
    request: z.strictObject({
      kind: z.literal('calendar/days-shown'),
      days: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))).check(z.minLength(1), z.maxLength(31)),
      eventIds: z
        .array(z.string().check(z.minLength(1), z.maxLength(512)))
        .check(z.maxLength(MAX_EVENTS_PER_MESSAGE)),
      calendars: z.array(z.string().check(z.minLength(1), z.maxLength(512))).check(z.maxLength(100)),
    }),
    response: Ok,
  },
  'panel/frame-opened': {
    // A content script opened its panel frame with this token: only that frame is told the tab's event.
    from: ['calendar-content', 'meet-content'],
    request: z.strictObject({ kind: z.literal('panel/frame-opened'), token: FrameTokenSchema }),
    response: Ok,
  },
  'panel/data-changed': {
    // A panel changed what badges depend on (tracked a 1:1, closed an agreement…): refresh the badges.
    from: ['extension-page'],
    // `erased`: "Delete everything" — the background forgets what it kept about the data too.
    request: z.strictObject({ kind: z.literal('panel/data-changed'), erased: z.optional(z.literal(true)) }),
    response: Ok,
  },
  'meet/call-seen': {
    // The Meet page's call changed (state, title, who is in it, presenting): link it, say what to show.
    from: ['meet-content'],
    request: z.strictObject({
      kind: z.literal('meet/call-seen'),
      meetingCode: MeetingCodeSchema,
      title: z.string().check(z.maxLength(1024)),
      state: MeetCallStateSchema,
      presenting: z.boolean(),
      others: z.array(ParticipantNameSchema).check(z.maxLength(MAX_PARTICIPANTS)),
    }),
    response: MeetShowSchema,
  },
  'meet/call-linked': {
    // A panel linked its call to a 1:1, or said it is not one: re-judge that tab's call and push it.
    from: ['extension-page'],
    request: z.strictObject({
      kind: z.literal('meet/call-linked'),
      meetingCode: MeetingCodeSchema,
      /** Only for a page outside any tab (the browser's side panel): the tab whose call it linked. */
      tabId: SidePanelTabSchema,
    }),
    response: Ok,
  },
  'panel/get-context': {
    // Only extension pages: a framed panel only about its own tab (the browser's `sender.tab`, never a
    // field); the side panel, which is in no tab, about the tab it was opened for.
    from: ['extension-page'],
    request: z.strictObject({
      kind: z.literal('panel/get-context'),
      /** Only for a page outside any tab (the browser's side panel): which tab it shows. */
      tabId: SidePanelTabSchema,
      /** A framed panel's token (from its URL hash), proving the tab's content script opened it. */
      frameToken: z.optional(FrameTokenSchema),
    }),
    response: z.strictObject({ context: z.nullable(PanelContextSchema) }),
  },
} as const satisfies Record<
  string,
  { from: readonly SenderKind[]; request: z.ZodMiniType; response: z.ZodMiniType }
>;

export type MessageKind = keyof typeof MESSAGES;
export type Request<K extends MessageKind> = z.infer<(typeof MESSAGES)[K]['request']>;
export type Response<K extends MessageKind> = z.infer<(typeof MESSAGES)[K]['response']>;
export type AnyRequest = { [K in MessageKind]: Request<K> }[MessageKind];

export const RequestSchema = z.discriminatedUnion('kind', [
  MESSAGES['calendar/classify-events'].request,
  MESSAGES['calendar/event-details'].request,
  MESSAGES['calendar/select-event'].request,
  MESSAGES['calendar/days-shown'].request,
  MESSAGES['panel/frame-opened'].request,
  MESSAGES['panel/data-changed'].request,
  MESSAGES['meet/call-seen'].request,
  MESSAGES['meet/call-linked'].request,
  MESSAGES['panel/get-context'].request,
]);

/** The envelope every response travels in, so a rejection is a value and never a thrown string. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: string };

export type ParseResult = { ok: true; request: AnyRequest } | { ok: false; reason: string };

function serializedLength(value: unknown): number {
  // Keys and strings count as they are reached (a lower bound of their JSON), so a huge string stops the
  // walk before it is escaped: a 1 MB string of lone surrogates would otherwise escape to 6 MB first.
  let chars = 0;
  try {
    const text = JSON.stringify(value, function (this: unknown, key: string, member: unknown) {
      if (!Array.isArray(this)) chars += key.length;
      if (typeof member === 'string') chars += member.length;
      if (chars > MAX_MESSAGE_CHARS) throw new RangeError('too large');
      return member;
    });
    return text?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY; // too large, cycles, BigInt: never a valid message
  }
}

/** Validates an untrusted message: size first (cheap), then the schema. Never throws. */
export function parseRequest(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not-an-object' };
  if (serializedLength(raw) > MAX_MESSAGE_CHARS) return { ok: false, reason: 'too-large' };
  let parsed: ReturnType<typeof RequestSchema.safeParse>;
  try {
    parsed = RequestSchema.safeParse(raw);
  } catch {
    return { ok: false, reason: 'invalid' }; // a getter or proxy that throws on a second read
  }
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  return { ok: true, request: parsed.data as AnyRequest };
}

export function isAllowedSender(kind: MessageKind, sender: SenderKind): boolean {
  return (MESSAGES[kind].from as readonly SenderKind[]).includes(sender);
}
