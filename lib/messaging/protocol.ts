/**
 * The one message protocol between Duet's contexts. Every message is a member of `RequestSchema`
 * (a zod discriminated union on `kind`); every kind names the sender kinds allowed to send it.
 * Anything else — unknown kinds, extra or mistyped fields, oversized payloads — is dropped.
 */
// zod/mini: the same schemas at a fraction of the size, because content scripts ship this module.
import { z } from 'zod/mini';
import { ONE_ON_ONE_KINDS } from '../domain/one-on-one-title';

/** Largest serialized message accepted; Calendar's busiest week is far below this. */
export const MAX_MESSAGE_CHARS = 256 * 1024;
export const MAX_EVENTS_PER_MESSAGE = 1000;

export const SENDER_KINDS = ['calendar-content', 'meet-content', 'extension-page'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

/** A chip's `data-eventid` as Calendar writes it: base64 (standard or url-safe) or a task/birthday id. */
export const DataEventIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(512), z.regex(/^[A-Za-z0-9+/=_.-]+$/));

export const MeetingCodeSchema = z.string().check(z.regex(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/));

export const OneOnOneKindSchema = z.enum(ONE_ON_ONE_KINDS);
export const ConfidenceSchema = z.enum(['confirmed', 'likely']);

/** What the Calendar content script knows about a chip: no more than the page shows. */
export const SeenEventSchema = z.strictObject({
  dataEventId: DataEventIdSchema,
  title: z.string().check(z.maxLength(1024)),
});
export type SeenEvent = z.infer<typeof SeenEventSchema>;

export const EventBadgeSchema = z.strictObject({
  dataEventId: DataEventIdSchema,
  kind: OneOnOneKindSchema,
  confidence: ConfidenceSchema,
  /** Whether Duet holds notes for this event: a yes/no, never their content. */
  hasNotes: z.boolean(),
});
export type EventBadge = z.infer<typeof EventBadgeSchema>;

export const MeetCallStateSchema = z.enum(['prejoin', 'in-call', 'ended', 'unknown']);
export type MeetCallState = z.infer<typeof MeetCallStateSchema>;

/** What a panel frame is about: set by its tab's content script, read by the panel through the background. */
export const PanelContextSchema = z.discriminatedUnion('surface', [
  z.strictObject({
    surface: z.literal('calendar'),
    dataEventId: DataEventIdSchema,
    eventKey: z.string().check(z.minLength(1), z.maxLength(512)),
    seriesKey: z.string().check(z.minLength(1), z.maxLength(512)),
    title: z.string().check(z.maxLength(1024)),
  }),
  z.strictObject({
    surface: z.literal('meet'),
    meetingCode: MeetingCodeSchema,
    title: z.string().check(z.maxLength(1024)),
    state: MeetCallStateSchema,
  }),
]);
export type PanelContext = z.infer<typeof PanelContextSchema>;

const Ok = z.strictObject({ ok: z.literal(true) });

/** Each kind: who may send it, the request's fields and the response's shape. */
export const MESSAGES = {
  'calendar/classify-events': {
    from: ['calendar-content'],
    request: z.strictObject({
      kind: z.literal('calendar/classify-events'),
      events: z.array(SeenEventSchema).check(z.maxLength(MAX_EVENTS_PER_MESSAGE)),
    }),
    response: z.strictObject({ badges: z.array(EventBadgeSchema) }),
  },
  'calendar/select-event': {
    from: ['calendar-content'],
    request: z.strictObject({ kind: z.literal('calendar/select-event'), event: SeenEventSchema }),
    response: Ok,
  },
  'meet/call-seen': {
    from: ['meet-content'],
    request: z.strictObject({
      kind: z.literal('meet/call-seen'),
      meetingCode: MeetingCodeSchema,
      title: z.string().check(z.maxLength(1024)),
      state: MeetCallStateSchema,
    }),
    response: Ok,
  },
  'panel/get-context': {
    // Only extension pages, and only about the tab they are framed in (the sender's own tab).
    from: ['extension-page'],
    request: z.strictObject({ kind: z.literal('panel/get-context') }),
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
  MESSAGES['calendar/select-event'].request,
  MESSAGES['meet/call-seen'].request,
  MESSAGES['panel/get-context'].request,
]);

/** The envelope every response travels in, so a rejection is a value and never a thrown string. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: string };

export type ParseResult = { ok: true; request: AnyRequest } | { ok: false; reason: string };

function serializedLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY; // cycles, BigInt: never a valid message
  }
}

/** Validates an untrusted message: size first (cheap), then the schema. Never throws. */
export function parseRequest(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not-an-object' };
  if (serializedLength(raw) > MAX_MESSAGE_CHARS) return { ok: false, reason: 'too-large' };
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  return { ok: true, request: parsed.data as AnyRequest };
}

export function isAllowedSender(kind: MessageKind, sender: SenderKind): boolean {
  return (MESSAGES[kind].from as readonly SenderKind[]).includes(sender);
}
