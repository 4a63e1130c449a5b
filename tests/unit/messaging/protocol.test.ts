import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '@/lib/google/calendar/model';
import {
  EventBadgeSchema,
  isAllowedSender,
  MAX_EVENTS_PER_MESSAGE,
  MAX_MESSAGE_CHARS,
  MESSAGES,
  type MessageKind,
  OPEN_PANEL_SHORTCUT,
  parseRequest,
  REFRESH_BADGES,
  SENDER_KINDS,
  type SenderKind,
} from '@/lib/messaging/protocol';
import { calendarEvent, eventDetails, guest } from '../helpers/background';
import { fixturesIndex } from '../helpers/fixtures';

/** The "Alice / Bob" chip of the fixture week, as the Calendar content script sends it. */
const EVENT = calendarEvent();
const DETAILS = eventDetails();

/** The smallest valid event: what a chip with an empty title and no parsable time gives. */
const tinyEvent = (dataEventId: string): CalendarEvent => ({
  dataEventId,
  eventId: 'e',
  seriesId: 'e',
  calendarId: '',
  title: '',
  day: null,
  start: null,
  end: null,
  allDay: false,
  response: 'unknown',
});

/** `value` without `key`. */
function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...value };
  delete copy[key];
  return copy;
}

/** JSON text of `value` with one more raw `"key":value` member, as a structured clone could carry it. */
const withRawMember = (value: object, member: string) => `${JSON.stringify(value).slice(0, -1)},${member}}`;

/** One valid request per kind. */
const VALID: Record<MessageKind, Record<string, unknown>> = {
  'calendar/classify-events': { kind: 'calendar/classify-events', events: [EVENT] },
  'calendar/event-details': { kind: 'calendar/event-details', details: DETAILS },
  'calendar/select-event': { kind: 'calendar/select-event', event: EVENT },
  'calendar/days-shown': {
    kind: 'calendar/days-shown',
    days: ['2026-03-22', '2026-03-23'],
    eventIds: ['9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z'],
    calendars: ['alice@acme.example'],
  },
  'panel/data-changed': { kind: 'panel/data-changed' },
  'meet/call-seen': {
    kind: 'meet/call-seen',
    meetingCode: 'abc-defg-hij',
    title: 'Alice / Bob',
    state: 'in-call',
    presenting: false,
    others: ['Bob Jones'],
  },
  'meet/call-linked': { kind: 'meet/call-linked', meetingCode: 'abc-defg-hij' },
  'panel/frame-opened': { kind: 'panel/frame-opened', token: '0123456789abcdef0123456789abcdef' },
  'panel/get-context': { kind: 'panel/get-context' },
};

const KINDS = Object.keys(MESSAGES) as MessageKind[];

function reasonOf(raw: unknown): string | null {
  const result = parseRequest(raw);
  return result.ok ? null : result.reason;
}

describe('parseRequest accepts every kind', () => {
  it('has a valid sample for every kind in MESSAGES', () => {
    expect(Object.keys(VALID).sort()).toEqual([...KINDS].sort());
  });

  it.each(KINDS)('%s', (kind) => {
    const result = parseRequest(VALID[kind]);
    expect(result).toEqual({ ok: true, request: VALID[kind] });
  });

  it('accepts the boundary sizes', () => {
    const events = Array.from({ length: MAX_EVENTS_PER_MESSAGE }, (_, i) => tinyEvent(`id${i}`));
    expect(parseRequest({ kind: 'calendar/classify-events', events }).ok).toBe(true);
    expect(parseRequest({ kind: 'calendar/classify-events', events: [] }).ok).toBe(true);
    expect(
      parseRequest({
        kind: 'calendar/select-event',
        event: {
          ...EVENT,
          dataEventId: 'a'.repeat(512),
          eventId: 'e'.repeat(512),
          seriesId: 's'.repeat(512),
          calendarId: 'c'.repeat(512),
          title: 'x'.repeat(1024),
        },
      }).ok,
    ).toBe(true);
  });

  it.each(['prejoin', 'in-call', 'ended', 'unknown'])('accepts Meet state %s', (state) => {
    expect(parseRequest({ ...VALID['meet/call-seen'], state }).ok).toBe(true);
  });

  it('accepts task ids and url-safe ids as data-eventid (the background decides what they are)', () => {
    for (const dataEventId of [fixturesIndex.task.data_eventid, 'ab-_cd', 'ab+/cd==', 'tasks.x']) {
      expect(parseRequest({ kind: 'calendar/select-event', event: { ...EVENT, dataEventId } }).ok).toBe(true);
    }
  });

  it('returns a copy that does not alias the raw message', () => {
    const raw = { kind: 'calendar/classify-events', events: [{ ...EVENT }] };
    const result = parseRequest(raw);
    expect(result.ok).toBe(true);
    if (!result.ok || result.request.kind !== 'calendar/classify-events') throw new Error('unreachable');
    raw.events[0]!.title = 'changed later';
    expect(result.request.events[0]!.title).toBe('Alice / Bob');
  });
});

describe('parseRequest rejects non-objects', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', '{"kind":"panel/get-context"}'],
    ['a number', 42],
    ['a boolean', true],
    ['a bigint', 1n],
    ['a symbol', Symbol('x')],
    ['a function', () => ({ kind: 'panel/get-context' })],
  ])('%s → not-an-object', (_label, raw) => {
    expect(reasonOf(raw)).toBe('not-an-object');
  });

  it('rejects an array as invalid (it is an object, but not a message)', () => {
    expect(reasonOf([VALID['panel/get-context']])).toBe('invalid');
    expect(reasonOf([])).toBe('invalid');
  });
});

describe('parseRequest rejects malformed messages as invalid', () => {
  it.each<[string, unknown]>([
    ['empty object', {}],
    ['unknown kind', { kind: 'notes/read-all' }],
    ['kind with different case', { kind: 'Panel/Get-Context' }],
    ['kind with whitespace', { kind: 'panel/get-context ' }],
    ['kind as a number', { kind: 1 }],
    ['kind as an array', { kind: ['panel/get-context'] }],
    ['missing events', { kind: 'calendar/classify-events' }],
    ['events not an array', { kind: 'calendar/classify-events', events: EVENT }],
    ['events as an array-like object', { kind: 'calendar/classify-events', events: { 0: EVENT, length: 1 } }],
    ['null event', { kind: 'calendar/select-event', event: null }],
    ['missing event', { kind: 'calendar/select-event' }],
    [
      'the old event shape (id and title only)',
      { kind: 'calendar/select-event', event: { dataEventId: 'abc', title: '' } },
    ],
    ['event without title', { kind: 'calendar/select-event', event: without(EVENT, 'title') }],
    ['event without id', { kind: 'calendar/select-event', event: without(EVENT, 'dataEventId') }],
    ['empty data-eventid', { kind: 'calendar/select-event', event: { ...EVENT, dataEventId: '' } }],
    [
      'data-eventid with a space',
      { kind: 'calendar/select-event', event: { ...EVENT, dataEventId: 'ab cd' } },
    ],
    [
      'data-eventid with markup',
      { kind: 'calendar/select-event', event: { ...EVENT, dataEventId: '<img>' } },
    ],
    [
      'data-eventid too long',
      { kind: 'calendar/select-event', event: { ...EVENT, dataEventId: 'a'.repeat(513) } },
    ],
    ['title too long', { kind: 'calendar/select-event', event: { ...EVENT, title: 'x'.repeat(1025) } }],
    ['title as a number', { kind: 'calendar/select-event', event: { ...EVENT, title: 1 } }],
    ['title as null', { kind: 'calendar/select-event', event: { ...EVENT, title: null } }],
    ['dataEventId as a number', { kind: 'calendar/select-event', event: { ...EVENT, dataEventId: 123 } }],
    ['meeting code uppercase', { ...VALID['meet/call-seen'], meetingCode: 'ABC-DEFG-HIJ' }],
    ['meeting code with path', { ...VALID['meet/call-seen'], meetingCode: 'abc-defg-hij/x' }],
    ['meeting code missing', { kind: 'meet/call-seen', title: '', state: 'ended' }],
    ['unknown state', { ...VALID['meet/call-seen'], state: 'joining' }],
    ['meet title too long', { ...VALID['meet/call-seen'], title: 'x'.repeat(1025) }],
    ['presenting missing', { ...VALID['meet/call-seen'], presenting: undefined }],
    ['presenting as a string', { ...VALID['meet/call-seen'], presenting: 'yes' }],
    ['an empty participant name', { ...VALID['meet/call-seen'], others: [''] }],
    ['a participant name too long', { ...VALID['meet/call-seen'], others: ['x'.repeat(301)] }],
    ['too many participants', { ...VALID['meet/call-seen'], others: Array(51).fill('Sam') }],
    ['participants as objects', { ...VALID['meet/call-seen'], others: [{ name: 'Sam' }] }],
    [
      'linking a call by URL',
      { kind: 'meet/call-linked', meetingCode: 'https://meet.google.com/abc-defg-hij' },
    ],
    ['a Date', new Date()],
    ['a Map', new Map([['kind', 'panel/get-context']])],
  ])('%s', (_label, raw) => {
    expect(reasonOf(raw)).toBe('invalid');
  });

  it.each(KINDS)('%s with an extra top-level field', (kind) => {
    expect(reasonOf({ ...VALID[kind], extra: true })).toBe('invalid');
    // Only the side panel (a page in no tab) may name a tab: in panel/get-context and meet/call-linked.
    if (kind !== 'panel/get-context' && kind !== 'meet/call-linked')
      expect(reasonOf({ ...VALID[kind], tabId: 2 })).toBe('invalid');
  });

  it.each([-1, 1.5, '2', null, 2 ** 32])(
    'panel/get-context and meet/call-linked refuse tabId %j',
    (tabId) => {
      expect(reasonOf({ kind: 'panel/get-context', tabId })).toBe('invalid');
      expect(reasonOf({ ...VALID['meet/call-linked'], tabId })).toBe('invalid');
    },
  );

  it('rejects extra fields inside a seen event', () => {
    const withNotes = { ...EVENT, notes: 'secret' };
    expect(reasonOf({ kind: 'calendar/select-event', event: withNotes })).toBe('invalid');
    expect(reasonOf({ kind: 'calendar/classify-events', events: [EVENT, withNotes] })).toBe('invalid');
  });

  it('rejects fields of another kind (no mixing through the union)', () => {
    expect(reasonOf({ kind: 'panel/get-context', event: EVENT })).toBe('invalid');
    expect(reasonOf({ ...VALID['calendar/select-event'], kind: 'meet/call-seen' })).toBe('invalid');
    expect(reasonOf({ kind: 'panel/data-changed', event: EVENT })).toBe('invalid');
    expect(reasonOf({ kind: 'calendar/event-details', event: EVENT })).toBe('invalid');
    expect(reasonOf({ kind: 'calendar/select-event', details: DETAILS })).toBe('invalid');
    expect(reasonOf({ kind: 'calendar/event-details', details: EVENT })).toBe('invalid');
  });

  it('does not take the background’s own pushes to content scripts for requests', () => {
    expect(reasonOf({ kind: REFRESH_BADGES })).toBe('invalid');
    expect(reasonOf({ kind: OPEN_PANEL_SHORTCUT })).toBe('invalid');
    expect(Object.keys(MESSAGES)).not.toContain(REFRESH_BADGES);
    expect(Object.keys(MESSAGES)).not.toContain(OPEN_PANEL_SHORTCUT);
  });

  it('rejects more than MAX_EVENTS_PER_MESSAGE events even when the message is small', () => {
    const events = Array.from({ length: MAX_EVENTS_PER_MESSAGE + 1 }, () => tinyEvent('a'));
    expect(JSON.stringify({ kind: 'calendar/classify-events', events }).length).toBeLessThan(
      MAX_MESSAGE_CHARS,
    );
    expect(reasonOf({ kind: 'calendar/classify-events', events })).toBe('invalid');
  });

  it('rejects a small 10k-element array of the wrong type as invalid', () => {
    const events = new Array<number>(10_000).fill(0);
    expect(reasonOf({ kind: 'calendar/classify-events', events })).toBe('invalid');
  });
});

describe('the CalendarEvent shape', () => {
  const select = (event: unknown) => ({ kind: 'calendar/select-event', event });

  it.each<[string, Partial<Record<keyof CalendarEvent, unknown>>]>([
    ['no day, no times (a chip without parsable text)', { day: null, start: null, end: null }],
    ['an all-day event', { allDay: true, start: null, end: null }],
    ['midnight to 23:59', { start: '00:00', end: '23:59' }],
    ['an empty calendar id', { calendarId: '' }],
    ['a group calendar id', { calendarId: 'c_9k2m4n6p8r0t2v4x6z8b0d2f4h@g' }],
    ...['accepted', 'declined', 'tentative', 'needs-action', 'unknown'].map(
      (response) =>
        [`response ${response}`, { response }] as [string, Partial<Record<keyof CalendarEvent, unknown>>],
    ),
  ])('accepts %s', (_label, changes) => {
    expect(parseRequest(select({ ...EVENT, ...changes })).ok).toBe(true);
    expect(parseRequest({ kind: 'calendar/classify-events', events: [{ ...EVENT, ...changes }] }).ok).toBe(
      true,
    );
  });

  it.each<[string, Partial<Record<keyof CalendarEvent | 'guests' | 'notes', unknown>>]>([
    ['a day without leading zeros', { day: '2026-3-23' }],
    ['a day written the US way', { day: '03/23/2026' }],
    ['a day with a time', { day: '2026-03-23T10:00' }],
    ['an empty day', { day: '' }],
    ['a day as a number', { day: 20260323 }],
    ['hour 24', { start: '24:00' }],
    ['minute 60', { start: '10:60' }],
    ['a one-digit hour', { start: '9:00' }],
    ['a 12-hour time', { end: '10:30 PM' }],
    ['seconds', { start: '10:00:00' }],
    ['an unknown response', { response: 'maybe' }],
    ['a response in another case', { response: 'Accepted' }],
    ['a null response', { response: null }],
    ['a title over 1024 characters', { title: 'x'.repeat(1025) }],
    ['an empty event id', { eventId: '' }],
    ['an empty series id', { seriesId: '' }],
    ['an event id over 512 characters', { eventId: 'e'.repeat(513) }],
    ['a calendar id over 512 characters', { calendarId: 'c'.repeat(513) }],
    ['allDay as a string', { allDay: 'false' }],
    ['allDay missing', { allDay: undefined }],
    ['guests on a chip (only the popover carries them)', { guests: [] }],
    ['an extra notes field', { notes: 'secret' }],
  ])('rejects %s', (_label, changes) => {
    const event: Record<string, unknown> = { ...EVENT, ...changes };
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete event[key];
    expect(reasonOf(select(event))).toBe('invalid');
    expect(reasonOf({ kind: 'calendar/classify-events', events: [EVENT, event] })).toBe('invalid');
  });

  it.each(Object.keys(EVENT) as Array<keyof CalendarEvent>)('rejects an event without %s', (key) => {
    expect(reasonOf(select(without(EVENT, key)))).toBe('invalid');
  });
});

describe('calendar/event-details', () => {
  const details = (changes: Record<string, unknown>) => ({
    kind: 'calendar/event-details',
    details: { ...DETAILS, ...changes },
  });
  const withGuest = (changes: Record<string, unknown>) =>
    details({ guests: [{ ...guest('a@b.c', 'A'), ...changes }] });

  it.each<[string, unknown]>([
    ['the fixture popover', VALID['calendar/event-details']],
    ['no guests', details({ guests: [] })],
    [
      '500 guests',
      details({ guests: Array.from({ length: 500 }, (_, i) => guest(`g${i}@x.example`, `G${i}`)) }),
    ],
    ['a guest count larger than the rows', details({ guestCount: 240 })],
    ['no Meet code and a recurrence line', details({ meetCode: null, recurrence: 'Weekly on Monday' })],
    ['a guest without an email', withGuest({ email: null })],
    ['a guest email of 320 characters', withGuest({ email: `${'a'.repeat(310)}@x.example` })],
    ...(['person', 'room', 'resource', 'group'] as const).map(
      (kind) => [`a ${kind}`, withGuest({ kind })] as [string, unknown],
    ),
    ['a guest who declined', withGuest({ response: 'declined' })],
  ])('accepts %s', (_label, raw) => {
    expect(parseRequest(raw).ok).toBe(true);
  });

  it.each<[string, unknown]>([
    ['no details', { kind: 'calendar/event-details' }],
    ['null details', { kind: 'calendar/event-details', details: null }],
    ['details with an extra field', details({ notes: 'secret' })],
    ['a bad data-eventid', details({ dataEventId: 'ab cd' })],
    ['a title over 1024 characters', details({ title: 'x'.repeat(1025) })],
    ['more than 500 guests', details({ guests: Array.from({ length: 501 }, () => guest(null, 'G')) })],
    ['a negative guest count', details({ guestCount: -1 })],
    ['a fractional guest count', details({ guestCount: 1.5 })],
    ['a guest count as a string', details({ guestCount: '2' })],
    ['a Meet code in upper case', details({ meetCode: 'ABC-DEFG-HIJ' })],
    ['a Meet URL instead of a code', details({ meetCode: 'https://meet.google.com/abc-defg-hij' })],
    ['a recurrence over 300 characters', details({ recurrence: 'x'.repeat(301) })],
    ['a guest of an unknown kind', withGuest({ kind: 'robot' })],
    ['a guest with an unknown response', withGuest({ response: 'maybe' })],
    ['a guest email over 320 characters', withGuest({ email: `${'a'.repeat(311)}@x.example` })],
    ['a guest name over 300 characters', withGuest({ name: 'x'.repeat(301) })],
    ['a guest without organizer', details({ guests: [without(guest('a@b.c', 'A'), 'organizer')] })],
    ['a guest with an extra field', withGuest({ phone: '+1 555' })],
    ['a guest as a string', details({ guests: ['a@b.c'] })],
    ['an event in place of details', { kind: 'calendar/event-details', details: EVENT }],
  ])('rejects %s', (_label, raw) => {
    expect(reasonOf(raw)).toBe('invalid');
  });

  it('answers a badge or null', () => {
    const response = MESSAGES['calendar/event-details'].response;
    expect(response.safeParse({ badge: null }).success).toBe(true);
    const badge = {
      dataEventId: EVENT.dataEventId,
      kind: 'peer',
      confidence: 'confirmed',
      openAgreements: 1,
    };
    expect(response.safeParse({ badge }).success).toBe(true);
    expect(response.safeParse({}).success).toBe(false);
  });
});

describe('panel/data-changed', () => {
  it('is the bare kind: no fields, no payload', () => {
    expect(parseRequest({ kind: 'panel/data-changed' })).toEqual({
      ok: true,
      request: { kind: 'panel/data-changed' },
    });
    expect(reasonOf({ kind: 'panel/data-changed', relationshipId: 'r-bob' })).toBe('invalid');
    expect(MESSAGES['panel/data-changed'].response.safeParse({ ok: true }).success).toBe(true);
    expect(MESSAGES['panel/data-changed'].response.safeParse({ ok: false }).success).toBe(false);
  });
});

describe('EventBadgeSchema', () => {
  const badge = {
    dataEventId: EVENT.dataEventId,
    kind: 'one-on-one',
    confidence: 'likely',
    openAgreements: 0,
  };

  it.each([0, 1, 99, 100, 5000])('accepts %i open agreements', (openAgreements) => {
    expect(EventBadgeSchema.safeParse({ ...badge, openAgreements }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a negative count', { openAgreements: -1 }],
    ['a fractional count', { openAgreements: 1.5 }],
    ['a count as a string', { openAgreements: '2' }],
    ['no count', { openAgreements: undefined }],
    ['the old hasNotes flag', { hasNotes: true }],
    ['note text', { notes: 'Bob is worried' }],
    ['an unknown kind', { kind: 'three-on-one' }],
    ['an unknown confidence', { confidence: 'certain' }],
  ])('rejects %s', (_label, changes) => {
    const raw: Record<string, unknown> = { ...badge, ...changes };
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete raw[key];
    expect(EventBadgeSchema.safeParse(raw).success).toBe(false);
  });
});

describe('parseRequest rejects prototype tricks', () => {
  it.each<[string, string]>([
    ['top-level __proto__', '{"kind":"panel/get-context","__proto__":{"polluted":true}}'],
    ['top-level __proto__ null', '{"kind":"panel/get-context","__proto__":null}'],
    ['top-level constructor', '{"kind":"panel/get-context","constructor":{"prototype":{"polluted":true}}}'],
    ['top-level prototype', '{"kind":"panel/get-context","prototype":{}}'],
    [
      '__proto__ inside an event',
      `{"kind":"calendar/select-event","event":${withRawMember(EVENT, '"__proto__":{"admin":true}')}}`,
    ],
    [
      'constructor inside an event',
      `{"kind":"calendar/select-event","event":${withRawMember(EVENT, '"constructor":"x"')}}`,
    ],
    [
      '__proto__ inside an events array item',
      `{"kind":"calendar/classify-events","events":[${withRawMember(EVENT, '"__proto__":{}')}]}`,
    ],
    [
      '__proto__ inside event details',
      `{"kind":"calendar/event-details","details":${withRawMember(DETAILS, '"__proto__":{"admin":true}')}}`,
    ],
    [
      '__proto__ inside a guest',
      `{"kind":"calendar/event-details","details":${JSON.stringify(DETAILS).replace(
        '"organizer":false',
        '"organizer":false,"__proto__":{"admin":true}',
      )}}`,
    ],
    ['top-level __proto__ on data-changed', '{"kind":"panel/data-changed","__proto__":{"polluted":true}}'],
    ['__proto__ carrying the kind', '{"__proto__":{"kind":"panel/get-context"}}'],
  ])('%s → invalid', (_label, json) => {
    const raw: unknown = JSON.parse(json);
    // JSON.parse makes "__proto__" an own property, exactly like a structured-cloned message.
    expect(Object.keys(raw as object).length).toBeGreaterThan(0);
    expect(reasonOf(raw)).toBe('invalid');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('rejects inherited enumerable extras', () => {
    const raw = Object.assign(Object.create({ extra: 1 }) as object, { kind: 'panel/get-context' });
    expect(reasonOf(raw)).toBe('invalid');
  });

  it('accepts a null-prototype object with exactly the right fields', () => {
    const raw = Object.assign(Object.create(null) as object, { kind: 'panel/get-context' });
    expect(parseRequest(raw)).toEqual({ ok: true, request: { kind: 'panel/get-context' } });
  });
});

describe('parseRequest rejects oversized and unserialisable messages as too-large', () => {
  it('rejects a 1 MB title', () => {
    const started = performance.now();
    const raw = {
      kind: 'calendar/select-event',
      event: { ...EVENT, title: 'x'.repeat(1024 * 1024) },
    };
    expect(reasonOf(raw)).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('rejects a 1 MB string in an extra field (size is checked before the schema)', () => {
    expect(reasonOf({ kind: 'panel/get-context', padding: 'x'.repeat(1024 * 1024) })).toBe('too-large');
    expect(reasonOf({ kind: 'x'.repeat(1024 * 1024) })).toBe('too-large');
  });

  it('rejects 10k well-formed events', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({ ...EVENT, dataEventId: `event${i}` }));
    expect(reasonOf({ kind: 'calendar/classify-events', events })).toBe('too-large');
  });

  it('rejects exactly at the limit boundary', () => {
    const base = JSON.stringify({ kind: 'panel/get-context', padding: '' }).length;
    const fits = { kind: 'panel/get-context', padding: 'x'.repeat(MAX_MESSAGE_CHARS - base) };
    const over = { kind: 'panel/get-context', padding: 'x'.repeat(MAX_MESSAGE_CHARS - base + 1) };
    expect(JSON.stringify(fits).length).toBe(MAX_MESSAGE_CHARS);
    // At the limit the size check passes and the schema rejects the extra field.
    expect(reasonOf(fits)).toBe('invalid');
    expect(reasonOf(over)).toBe('too-large');
  });

  it('rejects a cyclic object without throwing', () => {
    const raw: Record<string, unknown> = { kind: 'panel/get-context' };
    raw.self = raw;
    expect(() => parseRequest(raw)).not.toThrow();
    expect(reasonOf(raw)).toBe('too-large');
  });

  it('rejects a cycle hidden inside an event', () => {
    const event: Record<string, unknown> = { ...EVENT };
    event.again = event;
    expect(reasonOf({ kind: 'calendar/select-event', event })).toBe('too-large');
  });

  it('rejects a BigInt field without throwing', () => {
    expect(reasonOf({ kind: 'panel/get-context', n: 1n })).toBe('too-large');
  });

  it('rejects a message whose getter throws, without throwing', () => {
    const raw = {
      kind: 'panel/get-context',
      get boom(): string {
        throw new Error('boom');
      },
    };
    expect(() => parseRequest(raw)).not.toThrow();
    expect(parseRequest(raw).ok).toBe(false);
  });
});

describe('isAllowedSender', () => {
  const ALLOWED: Record<MessageKind, SenderKind[]> = {
    'calendar/classify-events': ['calendar-content'],
    'calendar/event-details': ['calendar-content'],
    'calendar/select-event': ['calendar-content'],
    'calendar/days-shown': ['calendar-content'],
    'panel/data-changed': ['extension-page'],
    'meet/call-seen': ['meet-content'],
    'meet/call-linked': ['extension-page'],
    'panel/frame-opened': ['calendar-content', 'meet-content'],
    'panel/get-context': ['extension-page'],
  };

  const table = KINDS.flatMap((kind) =>
    SENDER_KINDS.map((sender) => [kind, sender, ALLOWED[kind].includes(sender)] as const),
  );

  it('covers every kind × sender kind', () => {
    expect(table).toHaveLength(KINDS.length * SENDER_KINDS.length);
    expect(KINDS).toHaveLength(9);
    expect(SENDER_KINDS).toEqual(['calendar-content', 'meet-content', 'extension-page']);
  });

  it.each(table)('%s from %s → %s', (kind, sender, allowed) => {
    expect(isAllowedSender(kind, sender)).toBe(allowed);
  });

  it('never lets a content script ask for panel context', () => {
    expect(isAllowedSender('panel/get-context', 'calendar-content')).toBe(false);
    expect(isAllowedSender('panel/get-context', 'meet-content')).toBe(false);
  });

  it('never lets a content script make every tab refresh, nor Meet or a page feed Calendar details', () => {
    expect(isAllowedSender('panel/data-changed', 'calendar-content')).toBe(false);
    expect(isAllowedSender('panel/data-changed', 'meet-content')).toBe(false);
    expect(isAllowedSender('calendar/event-details', 'meet-content')).toBe(false);
    expect(isAllowedSender('calendar/event-details', 'extension-page')).toBe(false);
  });
});
