import { describe, expect, it } from 'vitest';
import {
  isAllowedSender,
  MAX_EVENTS_PER_MESSAGE,
  MAX_MESSAGE_CHARS,
  MESSAGES,
  type MessageKind,
  parseRequest,
  SENDER_KINDS,
  type SenderKind,
} from '@/lib/messaging/protocol';
import { fixturesIndex } from '../helpers/fixtures';

const EVENT = { dataEventId: fixturesIndex.events[1]!.data_eventid, title: 'Alice / Bob' };

/** One valid request per kind. */
const VALID: Record<MessageKind, Record<string, unknown>> = {
  'calendar/classify-events': { kind: 'calendar/classify-events', events: [EVENT] },
  'calendar/select-event': { kind: 'calendar/select-event', event: EVENT },
  'meet/call-seen': {
    kind: 'meet/call-seen',
    meetingCode: 'abc-defg-hij',
    title: 'Alice / Bob',
    state: 'in-call',
  },
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
    const events = Array.from({ length: MAX_EVENTS_PER_MESSAGE }, (_, i) => ({
      dataEventId: `id${i}`,
      title: '',
    }));
    expect(parseRequest({ kind: 'calendar/classify-events', events }).ok).toBe(true);
    expect(parseRequest({ kind: 'calendar/classify-events', events: [] }).ok).toBe(true);
    expect(
      parseRequest({
        kind: 'calendar/select-event',
        event: { dataEventId: 'a'.repeat(512), title: 'x'.repeat(1024) },
      }).ok,
    ).toBe(true);
  });

  it.each(['prejoin', 'in-call', 'ended', 'unknown'])('accepts Meet state %s', (state) => {
    expect(parseRequest({ ...VALID['meet/call-seen'], state }).ok).toBe(true);
  });

  it('accepts task ids and url-safe ids as data-eventid (the background decides what they are)', () => {
    for (const dataEventId of [fixturesIndex.task.data_eventid, 'ab-_cd', 'ab+/cd==', 'tasks.x']) {
      expect(parseRequest({ kind: 'calendar/select-event', event: { dataEventId, title: '' } }).ok).toBe(
        true,
      );
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
    ['event without title', { kind: 'calendar/select-event', event: { dataEventId: EVENT.dataEventId } }],
    ['event without id', { kind: 'calendar/select-event', event: { title: 'Alice / Bob' } }],
    ['empty data-eventid', { kind: 'calendar/select-event', event: { dataEventId: '', title: '' } }],
    [
      'data-eventid with a space',
      { kind: 'calendar/select-event', event: { dataEventId: 'ab cd', title: '' } },
    ],
    [
      'data-eventid with markup',
      { kind: 'calendar/select-event', event: { dataEventId: '<img>', title: '' } },
    ],
    [
      'data-eventid too long',
      { kind: 'calendar/select-event', event: { dataEventId: 'a'.repeat(513), title: '' } },
    ],
    [
      'title too long',
      { kind: 'calendar/select-event', event: { dataEventId: 'abc', title: 'x'.repeat(1025) } },
    ],
    ['title as a number', { kind: 'calendar/select-event', event: { dataEventId: 'abc', title: 1 } }],
    ['title as null', { kind: 'calendar/select-event', event: { dataEventId: 'abc', title: null } }],
    ['dataEventId as a number', { kind: 'calendar/select-event', event: { dataEventId: 123, title: '' } }],
    ['meeting code uppercase', { ...VALID['meet/call-seen'], meetingCode: 'ABC-DEFG-HIJ' }],
    ['meeting code with path', { ...VALID['meet/call-seen'], meetingCode: 'abc-defg-hij/x' }],
    ['meeting code missing', { kind: 'meet/call-seen', title: '', state: 'ended' }],
    ['unknown state', { ...VALID['meet/call-seen'], state: 'joining' }],
    ['meet title too long', { ...VALID['meet/call-seen'], title: 'x'.repeat(1025) }],
    ['a Date', new Date()],
    ['a Map', new Map([['kind', 'panel/get-context']])],
  ])('%s', (_label, raw) => {
    expect(reasonOf(raw)).toBe('invalid');
  });

  it.each(KINDS)('%s with an extra top-level field', (kind) => {
    expect(reasonOf({ ...VALID[kind], extra: true })).toBe('invalid');
    expect(reasonOf({ ...VALID[kind], tabId: 2 })).toBe('invalid');
  });

  it('rejects extra fields inside a seen event', () => {
    const withNotes = { ...EVENT, notes: 'secret' };
    expect(reasonOf({ kind: 'calendar/select-event', event: withNotes })).toBe('invalid');
    expect(reasonOf({ kind: 'calendar/classify-events', events: [EVENT, withNotes] })).toBe('invalid');
  });

  it('rejects fields of another kind (no mixing through the union)', () => {
    expect(reasonOf({ kind: 'panel/get-context', event: EVENT })).toBe('invalid');
    expect(reasonOf({ ...VALID['calendar/select-event'], kind: 'meet/call-seen' })).toBe('invalid');
  });

  it('rejects more than MAX_EVENTS_PER_MESSAGE events even when the message is small', () => {
    const events = Array.from({ length: MAX_EVENTS_PER_MESSAGE + 1 }, () => ({
      dataEventId: 'a',
      title: '',
    }));
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

describe('parseRequest rejects prototype tricks', () => {
  it.each<[string, string]>([
    ['top-level __proto__', '{"kind":"panel/get-context","__proto__":{"polluted":true}}'],
    ['top-level __proto__ null', '{"kind":"panel/get-context","__proto__":null}'],
    ['top-level constructor', '{"kind":"panel/get-context","constructor":{"prototype":{"polluted":true}}}'],
    ['top-level prototype', '{"kind":"panel/get-context","prototype":{}}'],
    [
      '__proto__ inside an event',
      '{"kind":"calendar/select-event","event":{"dataEventId":"abc","title":"t","__proto__":{"admin":true}}}',
    ],
    [
      'constructor inside an event',
      '{"kind":"calendar/select-event","event":{"dataEventId":"abc","title":"t","constructor":"x"}}',
    ],
    [
      '__proto__ inside an events array item',
      '{"kind":"calendar/classify-events","events":[{"dataEventId":"abc","title":"t","__proto__":{}}]}',
    ],
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
      event: { dataEventId: 'abc', title: 'x'.repeat(1024 * 1024) },
    };
    expect(reasonOf(raw)).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('rejects a 1 MB string in an extra field (size is checked before the schema)', () => {
    expect(reasonOf({ kind: 'panel/get-context', padding: 'x'.repeat(1024 * 1024) })).toBe('too-large');
    expect(reasonOf({ kind: 'x'.repeat(1024 * 1024) })).toBe('too-large');
  });

  it('rejects 10k well-formed events', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({
      dataEventId: `event${i}`,
      title: 'Alice / Bob',
    }));
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
    const event: Record<string, unknown> = { dataEventId: 'abc', title: 't' };
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
    'calendar/select-event': ['calendar-content'],
    'meet/call-seen': ['meet-content'],
    'panel/get-context': ['extension-page'],
  };

  const table = KINDS.flatMap((kind) =>
    SENDER_KINDS.map((sender) => [kind, sender, ALLOWED[kind].includes(sender)] as const),
  );

  it('covers every kind × sender kind', () => {
    expect(table).toHaveLength(KINDS.length * SENDER_KINDS.length);
    expect(KINDS).toHaveLength(4);
    expect(SENDER_KINDS).toEqual(['calendar-content', 'meet-content', 'extension-page']);
  });

  it.each(table)('%s from %s → %s', (kind, sender, allowed) => {
    expect(isAllowedSender(kind, sender)).toBe(allowed);
  });

  it('never lets a content script ask for panel context', () => {
    expect(isAllowedSender('panel/get-context', 'calendar-content')).toBe(false);
    expect(isAllowedSender('panel/get-context', 'meet-content')).toBe(false);
  });
});
