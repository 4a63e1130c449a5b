/**
 * SECURITY.md items 1–4, fuzzed (fast-check): whatever reaches the message boundary — arbitrary values,
 * hostile objects, mutations of valid requests, oversized payloads — from whatever sender, `parseRequest`
 * never throws and accepts exactly the protocol's members, and the router never runs a handler (nor touches
 * tab state) for a message it refuses. Example-based cases live in tests/unit/messaging/protocol.test.ts and
 * tests/unit/background/router.test.ts; this file generates the inputs instead.
 *
 * A failing property prints its seed and path; replay it with `fc.assert(..., { seed, path })`.
 */
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { createRouter, type Handlers } from '@/lib/background/router';
import { GUEST_KINDS, RESPONSES } from '@/lib/google/calendar/constants';
import type { CalendarEvent, EventDetails, Guest } from '@/lib/google/calendar/model';
import { GOOGLE_ORIGINS } from '@/lib/hosts';
import {
  type AnyRequest,
  type Envelope,
  MAX_MESSAGE_CHARS,
  MESSAGES,
  type MessageKind,
  parseRequest,
  type Request,
  RequestSchema,
  type SenderKind,
} from '@/lib/messaging/protocol';
import type { ClassifiedSender, RawSender } from '@/lib/messaging/senders';
import { backgroundHarness, type BackgroundHarness, SELF } from '../helpers/background';

const KINDS = Object.keys(MESSAGES) as MessageKind[];
/** Properties take a few seconds; leave room for a loaded machine. */
const FUZZ_TIMEOUT_MS = 30_000;
const allows = (kind: MessageKind, sender: SenderKind) =>
  (MESSAGES[kind].from as readonly SenderKind[]).includes(sender);

// Walking the zod/mini schemas, so mutations know what each position accepts ----------------------------

type Category = 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'array' | 'object';
interface SchemaDef {
  type: string;
  shape?: Record<string, ZodLike>;
  innerType?: ZodLike;
  element?: ZodLike;
  values?: unknown[];
}
interface ZodLike {
  _zod: { def: SchemaDef };
}
const defOf = (schema: unknown) => (schema as ZodLike)._zod.def;

function categoryOf(value: unknown): Category {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as Category;
}

/** The JSON types a schema position accepts (the protocol uses no other zod types). */
function categoriesOf(schema: ZodLike): Set<Category> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'enum':
      return new Set(['string']);
    case 'number':
      return new Set(['number']);
    case 'boolean':
      return new Set(['boolean']);
    case 'literal':
      return new Set(def.values!.map(categoryOf));
    case 'nullable':
      return new Set([...categoriesOf(def.innerType!), 'null']);
    case 'optional':
      return new Set([...categoriesOf(def.innerType!), 'undefined']);
    case 'array':
      return new Set(['array']);
    case 'object':
      return new Set(['object']);
    default:
      throw new Error(`protocol-fuzz: unexpected schema type ${def.type}`);
  }
}

function unwrap(schema: ZodLike): ZodLike {
  const def = defOf(schema);
  return def.type === 'nullable' || def.type === 'optional' ? unwrap(def.innerType!) : schema;
}

const shapeKeys = (schema: ZodLike) => Object.keys(defOf(unwrap(schema)).shape ?? {});

type Path = Array<string | number>;
interface Position {
  path: Path;
  schema: ZodLike;
  value: unknown;
}

/** Every position (object member or array element) inside a valid request, with its schema. */
function positions(value: unknown, schema: ZodLike, path: Path = []): Position[] {
  const def = defOf(unwrap(schema));
  const here: Position[] = path.length > 0 ? [{ path, schema, value }] : [];
  if (def.type === 'object' && value !== null && typeof value === 'object') {
    return [
      ...here,
      ...Object.entries(value).flatMap(([key, child]) => positions(child, def.shape![key]!, [...path, key])),
    ];
  }
  if (def.type === 'array' && Array.isArray(value)) {
    return [...here, ...value.flatMap((child, i) => positions(child, def.element!, [...path, i]))];
  }
  return here;
}

const requestSchema = (request: { kind: MessageKind }) =>
  MESSAGES[request.kind].request as unknown as ZodLike;

/** A deep copy of `request` with the value at `path` replaced by `change(parent, key)`. */
function mutate(
  request: object,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  const copy = structuredClone(request) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]!);
  return copy;
}

/** Sets an own, enumerable member — even `__proto__`, exactly as a structured clone or JSON.parse makes it. */
function defineOwn(target: object, key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// Valid requests, one generator per kind --------------------------------------------------------------

/** Any text up to `max` UTF-16 units: lone surrogates, controls, markup, RTL marks, and the maximum length. */
const text = (max: number, min = 0) =>
  fc
    .oneof(
      { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 40) }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('<img src=x onerror=alert(1)>', '\u202egnp.exe', '__proto__', '👩🏽‍💻 Bob'),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: max, maxLength: max }) },
    )
    .map((s) => s.slice(0, max))
    .filter((s) => s.length >= min);

/** Titles that look like 1:1s ("Alice / Bob", "1:1 Sam <> Kim"), with names of any length and script. */
const title = fc.oneof(
  text(1024),
  fc
    .tuple(
      fc.constantFrom('', '1:1 ', 'Skip-level: ', 'Peer 1:1 — '),
      fc.oneof(text(40, 1), fc.string({ unit: 'grapheme', minLength: 300, maxLength: 600 })),
      fc.constantFrom(' / ', ' <> ', ' & ', ' 1-on-1 with ', ' x '),
      fc.oneof(text(40, 1), fc.string({ unit: 'grapheme', minLength: 300, maxLength: 600 })),
    )
    .map((parts) => parts.join('').slice(0, 1024)),
);

const ID_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_.-'];
const dataEventId = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 512, maxLength: 512 }) },
);
const pad = (n: number) => String(n).padStart(2, '0');
const time = fc.option(
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${pad(h)}:${pad(m)}`),
  { nil: null },
);
const meetingCode = fc.stringMatching(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
/** Non-negative integers, -0 included (it is 0 to every consumer). */
const count = fc.oneof(fc.nat(), fc.constant(-0), fc.constant(Number.MAX_SAFE_INTEGER));

const seenEvent: fc.Arbitrary<CalendarEvent> = fc.record({
  dataEventId,
  eventId: text(512, 1),
  seriesId: text(512, 1),
  calendarId: text(512),
  title,
  day: fc.option(fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), { nil: null }),
  start: time,
  end: time,
  allDay: fc.boolean(),
  response: fc.constantFrom(...RESPONSES),
});

const guest: fc.Arbitrary<Guest> = fc.record({
  email: fc.option(text(320), { nil: null }),
  name: text(300),
  organizer: fc.boolean(),
  kind: fc.constantFrom(...GUEST_KINDS),
  response: fc.constantFrom(...RESPONSES),
});

const eventDetails: fc.Arbitrary<EventDetails> = fc.record({
  dataEventId,
  title,
  guests: fc.array(guest, { maxLength: 8 }),
  guestCount: fc.option(count, { nil: null }),
  meetCode: fc.option(meetingCode, { nil: null }),
  recurrence: fc.option(text(300), { nil: null }),
});

const VALID: { [K in MessageKind]: fc.Arbitrary<Request<K>> } = {
  'calendar/classify-events': fc.record({
    kind: fc.constant('calendar/classify-events'),
    events: fc.array(seenEvent, { maxLength: 12 }),
  }),
  'calendar/event-details': fc.record({ kind: fc.constant('calendar/event-details'), details: eventDetails }),
  'calendar/select-event': fc.record({ kind: fc.constant('calendar/select-event'), event: seenEvent }),
  'calendar/days-shown': fc.record({
    kind: fc.constant('calendar/days-shown'),
    days: fc.array(
      fc
        .date({
          min: new Date(Date.UTC(2000, 0, 1)),
          max: new Date(Date.UTC(2099, 11, 31)),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10)),
      { minLength: 1, maxLength: 31 },
    ),
    eventIds: fc.array(text(512, 1), { maxLength: 12 }),
    calendars: fc.array(text(512, 1), { maxLength: 12 }),
  }),
  'panel/frame-opened': fc.record({
    kind: fc.constant('panel/frame-opened'),
    token: fc
      .uint8Array({ minLength: 16, maxLength: 16 })
      .map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')),
  }),
  'panel/data-changed': fc.record(
    { kind: fc.constant('panel/data-changed'), erased: fc.constant(true as const) },
    { requiredKeys: ['kind'] },
  ),
  'meet/call-seen': fc.record({
    kind: fc.constant('meet/call-seen'),
    meetingCode,
    title,
    state: fc.constantFrom('prejoin', 'in-call', 'ended', 'unknown'),
    presenting: fc.boolean(),
    others: fc.oneof(
      fc.array(text(300, 1), { maxLength: 8 }),
      fc.array(text(300, 1), { minLength: 50, maxLength: 50 }),
    ),
  }),
  'meet/call-linked': fc.record({ kind: fc.constant('meet/call-linked'), meetingCode }),
  'panel/get-context': fc.record(
    {
      kind: fc.constant('panel/get-context'),
      tabId: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constant(2 ** 31), fc.constant(-0)),
      frameToken: fc.constantFrom('0123456789abcdef0123456789abcdef', 'ffffffffffffffffffffffffffffffff'),
    },
    { requiredKeys: ['kind'] },
  ),
};

const validRequest: fc.Arbitrary<AnyRequest> = fc.oneof(
  ...KINDS.map((kind) => VALID[kind] as fc.Arbitrary<AnyRequest>),
);

// Invalid values: wrong types, and values no position ever accepts ------------------------------------

const NEVER_VALID: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 10n ** 20n),
  fc.constant(null).map(() => Symbol('x')),
  fc.constant(null).map(() => () => ({ kind: 'panel/get-context' })),
  fc.date({ noInvalidDate: false }),
  fc.constant(null).map(() => new Map([['kind', 'panel/get-context']])),
  fc.constant(null).map(() => new Set([1])),
  fc.constant(null).map(() => new Uint8Array(4)),
  fc.constant(null).map(() => /x/),
);

const BY_CATEGORY: Record<Category, fc.Arbitrary<unknown>> = {
  string: fc.string(),
  number: fc.oneof(fc.integer(), fc.double()),
  boolean: fc.boolean(),
  null: fc.constant(null),
  undefined: fc.constant(undefined),
  array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
};

/** A value of a type the position does not accept (or of no accepted type anywhere). */
function wrongTypeFor(schema: ZodLike): fc.Arbitrary<unknown> {
  const allowed = categoriesOf(schema);
  const wrong = (Object.keys(BY_CATEGORY) as Category[]).filter((c) => !allowed.has(c));
  return fc.oneof(...wrong.map((c) => BY_CATEGORY[c]), NEVER_VALID);
}

const extraKey = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'then',
    'tabId',
    'sender',
    'notes',
    'privateNotes',
  ),
);

type Mutation = { label: string; message: object };

/** A valid request with exactly one thing wrong: a required member dropped, one added, or one retyped. */
const mutatedRequest: fc.Arbitrary<Mutation> = validRequest.chain((request) => {
  const schema = requestSchema(request);
  const all = positions(request, schema);
  const required = all.filter(
    (p) => typeof p.path[p.path.length - 1] === 'string' && !categoriesOf(p.schema).has('undefined'),
  );
  const objects: Array<{ path: Path; value: object; keys: string[] }> = [
    { path: [], value: request, keys: shapeKeys(schema) },
    ...all
      .filter((p) => defOf(unwrap(p.schema)).type === 'object' && p.value !== null)
      .map((p) => ({ path: p.path, value: p.value as object, keys: shapeKeys(p.schema) })),
  ];

  const drop = fc.constantFrom(...required, { path: ['kind'], schema, value: request.kind }).map((p) => ({
    label: `drop ${p.path.join('.')}`,
    message: mutate(request, p.path, (parent, key) => delete parent[key]),
  }));
  const add = fc
    .tuple(fc.constantFrom(...objects), extraKey, fc.oneof(fc.jsonValue({ maxDepth: 2 }), NEVER_VALID))
    .filter(([target, key]) => !target.keys.includes(key))
    .map(([target, key, value]) => {
      const message = structuredClone(request);
      let at: object = message;
      for (const k of target.path) at = (at as Record<string | number, object>)[k]!;
      defineOwn(at, key, value);
      return { label: `add ${[...target.path, key].join('.')}`, message };
    });
  const retype = fc
    .constantFrom(...all, { path: ['kind'], schema: defOf(schema).shape!.kind!, value: request.kind })
    .chain((p) =>
      wrongTypeFor(p.schema).map((value) => ({
        label: `retype ${p.path.join('.')} as ${categoryOf(value)}`,
        message: mutate(request, p.path, (parent, key) => defineOwn(parent, key, value)),
      })),
    );
  return fc.oneof(drop, add, retype);
});

// Hostile objects: cycles, throwing getters and proxies, deep nesting ----------------------------------

interface Hostile {
  label: string;
  /** A fresh hostile message each call (getters count their reads). */
  make: () => unknown;
}

function deep(depth: number, asArray: boolean): unknown {
  let value: unknown = asArray ? [] : {};
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

const TRAPS = ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'] as const;

const hostileMessage: fc.Arbitrary<Hostile> = validRequest.chain((request) => {
  const schema = requestSchema(request);
  const inner = positions(request, schema);
  const places: Path[] = [[], ...inner.map((p) => p.path)];
  const at = fc.constantFrom(...places);
  /** Where an object or array sits (a proxy of a string would just be the string). */
  const atObject = fc.constantFrom<Path>(
    [],
    ...inner.filter((p) => typeof p.value === 'object' && p.value !== null).map((p) => p.path),
  );
  const replaceAt = (path: Path, make: (original: unknown) => unknown) => () => {
    if (path.length === 0) return make(structuredClone(request));
    return mutate(request, path, (parent, key) => {
      parent[key] = make(parent[key]);
    });
  };
  const cyclic = at.map((path) => ({
    label: `cycle at ${path.join('.') || 'root'}`,
    make: () => {
      const message = structuredClone(request) as Record<string, unknown>;
      let target: Record<string | number, unknown> = message;
      for (const k of path) {
        const next = target[k];
        if (next === null || typeof next !== 'object') break;
        target = next as Record<string | number, unknown>;
      }
      defineOwn(target, 'again', message);
      return message;
    },
  }));
  const getter = fc
    .tuple(
      fc.constantFrom(...places.filter((p) => p.length > 0), ['kind'] as Path),
      fc.constantFrom('always', 'after-first'),
    )
    .map(([path, mode]) => ({
      label: `getter (${mode}) at ${path.join('.')}`,
      make: () => {
        const message = structuredClone(request) as Record<string | number, unknown>;
        let parent = message;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        const key = path[path.length - 1]!;
        const original = parent[key];
        let reads = 0;
        Object.defineProperty(parent, key, {
          enumerable: true,
          configurable: true,
          get() {
            if (mode === 'always' || reads++ > 0) throw new Error('boom');
            return original;
          },
        });
        return message;
      },
    }));
  const proxy = fc.tuple(atObject, fc.constantFrom(...TRAPS)).map(([path, trap]) => ({
    label: `proxy throwing on ${trap} at ${path.join('.') || 'root'}`,
    make: replaceAt(
      path,
      (original) =>
        new Proxy(original as object, {
          [trap]: () => {
            throw new Error(`trap ${trap}`);
          },
        }),
    ),
  }));
  const revoked = at.map((path) => ({
    label: `revoked proxy at ${path.join('.') || 'root'}`,
    make: replaceAt(path, () => {
      const { proxy: p, revoke } = Proxy.revocable({}, {});
      revoke();
      return p;
    }),
  }));
  const toJson = at.map((path) => ({
    label: `throwing toJSON at ${path.join('.') || 'root'}`,
    make: replaceAt(path, (original) => ({
      ...(original !== null && typeof original === 'object' ? original : {}),
      toJSON() {
        throw new Error('toJSON');
      },
    })),
  }));
  const nested = fc
    .tuple(at, fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constant(20_000)), fc.boolean())
    .map(([path, depth, asArray]) => ({
      label: `${depth}-deep ${asArray ? 'arrays' : 'objects'} at ${path.join('.') || 'root'}`,
      make: replaceAt(path, () => deep(depth, asArray)),
    }));
  return fc.oneof(cyclic, getter, proxy, revoked, toJson, nested);
});

/** fc.anything with every option that makes the values stranger, `__proto__`-like and `kind` keys included. */
const anything = fc.anything({
  key: fc.oneof(
    { weight: 4, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'kind', 'tabId') },
  ),
  values: [
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom(null, undefined, -0, Number.NaN, Number.POSITIVE_INFINITY),
    fc.constantFrom(...KINDS),
  ],
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** What `parseRequest` hands out must be plain protocol data, not (an alias of) the raw input. */
function expectPlainMember(raw: unknown, request: AnyRequest) {
  expect(request === raw).toBe(false); // (not toBe: printing a hostile proxy would run its traps)
  const copy: unknown = JSON.parse(JSON.stringify(request));
  expect(RequestSchema.safeParse(copy).success).toBe(true);
  expect(KINDS).toContain(request.kind);
}

// parseRequest -------------------------------------------------------------------------------------------

describe('parseRequest, fuzzed', () => {
  afterAll(() => {
    // Nothing above may have polluted a prototype.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it(
    'never throws on arbitrary values, and accepts none that is not a protocol member',
    () => {
      fc.assert(
        fc.property(anything, (raw) => {
          const result = parseRequest(raw);
          if (result.ok) expectPlainMember(raw, result.request);
          else expect(['not-an-object', 'too-large', 'invalid']).toContain(result.reason);
        }),
        { numRuns: 600 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'rejects a valid kind with arbitrary other members (only the bare kinds pass with none)',
    () => {
      const extras = fc.dictionary(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'events', 'event')),
        anything,
        { maxKeys: 4 },
      );
      fc.assert(
        fc.property(fc.constantFrom(...KINDS), extras, (kind, members) => {
          const shape = shapeKeys(requestSchema({ kind }));
          for (const key of shape) delete members[key]; // its own members could happen to be valid
          const raw = { kind } as Record<string, unknown>;
          for (const [key, value] of Object.entries(members)) defineOwn(raw, key, value);
          const required = shape.filter(
            (key) => !categoriesOf(defOf(requestSchema({ kind })).shape![key]!).has('undefined'),
          );
          const bare = Object.keys(members).length === 0 && required.length === 1;
          expect(parseRequest(raw).ok).toBe(bare);
        }),
        { numRuns: 400 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never throws on hostile objects: cycles, throwing getters, throwing or revoked proxies, deep nesting',
    () => {
      fc.assert(
        fc.property(hostileMessage, ({ make }) => {
          const raw = make();
          let result: ReturnType<typeof parseRequest> | undefined;
          expect(() => (result = parseRequest(raw))).not.toThrow();
          // A proxy whose throwing trap is never consulted is just the valid request it wraps.
          if (result!.ok) expectPlainMember(raw, result!.request);
        }),
        { numRuns: 300 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'accepts every valid request of every kind, as an equal copy',
    () => {
      fc.assert(
        fc.property(validRequest, (request) => {
          expect(JSON.stringify(request).length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
          const result = parseRequest(request);
          expect(result).toEqual({ ok: true, request });
          if (result.ok) expect(result.request).not.toBe(request);
        }),
        { numRuns: 300 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'rejects every valid request with one member dropped, added or retyped',
    () => {
      fc.assert(
        fc.property(mutatedRequest, ({ message }) => {
          const result = parseRequest(message);
          expect(result.ok).toBe(false);
        }),
        { numRuns: 400 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

// The router ---------------------------------------------------------------------------------------------

interface SenderCase {
  label: string;
  sender: RawSender;
  expected: ClassifiedSender;
}

const tabId = fc.integer({ min: 0, max: 1_000_000 });
const urlPath = fc.array(fc.webSegment(), { maxLength: 3 }).map((segments) => `/${segments.join('/')}`);
const googleOrigin = fc.constantFrom(...GOOGLE_ORIGINS);
const kindOfOrigin = (origin: string): SenderKind =>
  origin === GOOGLE_ORIGINS[0] ? 'calendar-content' : 'meet-content';
const foreignUrl = fc
  .webUrl({ withQueryParameters: true, withFragments: true })
  .filter((url) => !(GOOGLE_ORIGINS as readonly string[]).includes(new URL(url).origin));

const contentSender: fc.Arbitrary<SenderCase> = fc
  .record({ origin: googleOrigin, path: urlPath, tab: tabId, withOrigin: fc.boolean() })
  .map(({ origin, path, tab, withOrigin }) => ({
    label: `${kindOfOrigin(origin)} in tab ${tab}`,
    sender: {
      id: SELF.id,
      url: origin + path,
      origin: withOrigin ? origin : undefined,
      frameId: 0,
      tab: { id: tab },
    },
    expected: { ok: true, kind: kindOfOrigin(origin), tabId: tab },
  }));

const PAGES = [
  'panel.html',
  'popup.html',
  'options.html',
  'sidepanel.html',
  'sidepanel.html?tab=3',
  'panel.html#x',
  'sub/x.html',
  '',
];
const pageSender: fc.Arbitrary<SenderCase> = fc
  .record({
    page: fc.constantFrom(...PAGES),
    tab: fc.option(fc.record({ id: fc.option(fc.integer({ min: -1, max: 1000 }), { nil: undefined }) }), {
      nil: undefined,
    }),
    frameId: fc.option(fc.nat(8), { nil: undefined }),
  })
  .map(({ page, tab, frameId }) => ({
    label: `our page ${page || '/'} in ${tab?.id ?? 'no'} tab`,
    sender: { id: SELF.id, url: SELF.baseUrl + page, origin: SELF.baseUrl.slice(0, -1), frameId, tab },
    expected: {
      ok: true,
      kind: 'extension-page',
      tabId: typeof tab?.id === 'number' && tab.id >= 0 ? tab.id : null,
    },
  }));

const acceptedSender = fc.oneof(contentSender, pageSender);

const refusedSender: fc.Arbitrary<SenderCase> = fc.oneof(
  fc
    .tuple(
      acceptedSender,
      fc.option(
        fc.string().filter((id) => id !== SELF.id),
        { nil: undefined },
      ),
    )
    .map(([base, id]): SenderCase => ({
      label: `another extension (${String(id)})`,
      sender: { ...base.sender, id },
      expected: { ok: false, reason: 'foreign-extension' },
    })),
  acceptedSender.map((base): SenderCase => ({
    label: 'no url',
    sender: { ...base.sender, url: undefined },
    expected: { ok: false, reason: 'no-url' },
  })),
  fc
    .record({
      url: fc.oneof(
        fc.tuple(googleOrigin, urlPath).map(([o, p]) => o + p),
        foreignUrl,
      ),
      tab: fc.constantFrom(undefined, {}, { id: -1 }, { id: undefined }),
      frameId: fc.option(fc.nat(5), { nil: undefined }),
    })
    .map(({ url, tab, frameId }): SenderCase => ({
      label: `no tab (${url})`,
      sender: { id: SELF.id, url, frameId, tab },
      expected: { ok: false, reason: 'no-tab' },
    })),
  fc
    .record({
      origin: googleOrigin,
      path: urlPath,
      tab: tabId,
      frameId: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
    })
    .map(({ origin, path, tab, frameId }): SenderCase => ({
      label: `a subframe (${String(frameId)}) of ${origin}`,
      sender: { id: SELF.id, url: origin + path, origin, frameId, tab: { id: tab } },
      expected: { ok: false, reason: 'subframe' },
    })),
  fc
    .record({ url: foreignUrl, tab: tabId, withOrigin: fc.boolean() })
    .map(({ url, tab, withOrigin }): SenderCase => ({
      label: `a foreign page ${url}`,
      sender: {
        id: SELF.id,
        url,
        origin: withOrigin ? new URL(url).origin : undefined,
        frameId: 0,
        tab: { id: tab },
      },
      expected: { ok: false, reason: 'foreign-origin' },
    })),
  fc
    .record({
      origin: googleOrigin,
      path: urlPath,
      tab: tabId,
      claimed: fc.oneof(
        foreignUrl.map((url) => new URL(url).origin),
        fc.constantFrom('null', ...GOOGLE_ORIGINS),
      ),
    })
    .filter(({ origin, claimed }) => origin !== claimed)
    .map(({ origin, path, tab, claimed }): SenderCase => ({
      label: `${origin} claiming origin ${claimed}`,
      sender: { id: SELF.id, url: origin + path, origin: claimed, frameId: 0, tab: { id: tab } },
      expected: { ok: false, reason: 'foreign-origin' },
    })),
);

const anySender = fc.oneof(acceptedSender, refusedSender);

interface MessageCase {
  label: string;
  /** `oracle`: a hostile or arbitrary value, valid only if parseRequest says so (e.g. a proxy whose trap never runs). */
  validity: 'valid' | 'invalid' | 'oracle';
  /** A fresh message each call (hostile getters count their reads). */
  make: () => unknown;
}

const anyMessage: fc.Arbitrary<MessageCase> = fc.oneof(
  {
    weight: 3,
    arbitrary: validRequest.map((message) => ({
      label: message.kind,
      validity: 'valid' as const,
      make: () => message,
    })),
  },
  {
    weight: 2,
    arbitrary: mutatedRequest.map(({ label, message }) => ({
      label,
      validity: 'invalid' as const,
      make: () => message,
    })),
  },
  {
    weight: 1,
    arbitrary: hostileMessage.map(({ label, make }) => ({ label, validity: 'oracle' as const, make })),
  },
  {
    weight: 1,
    arbitrary: anything.map((message) => ({
      label: 'anything',
      validity: 'oracle' as const,
      make: () => message,
    })),
  },
);

/** A harness whose handlers record that they ran; refusals must leave this record empty. */
function spiedRouter(harness: BackgroundHarness = backgroundHarness()) {
  const ran: MessageKind[] = [];
  const handlers = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      (request: never, context: never) => {
        ran.push(kind);
        return (harness.handlers[kind] as (r: never, c: never) => Promise<unknown>)(request, context);
      },
    ]),
  ) as unknown as Handlers;
  const detailsSet = vi.spyOn(harness.details, 'set');
  return { harness, ran, detailsSet, router: createRouter(handlers, () => SELF) };
}

function expectNoSideEffects({ harness, ran, detailsSet }: ReturnType<typeof spiedRouter>) {
  expect(ran).toEqual([]);
  expect(detailsSet).not.toHaveBeenCalled();
  expect(harness.area.get).not.toHaveBeenCalled();
  expect(harness.area.set).not.toHaveBeenCalled();
  expect(harness.area.remove).not.toHaveBeenCalled();
  expect(harness.area.items.size).toBe(0);
  expect(harness.pushContext).not.toHaveBeenCalled();
  expect(harness.calendarTabSeen).not.toHaveBeenCalled();
  expect(harness.refreshBadges).not.toHaveBeenCalled();
  expect(harness.linkMeetCode).not.toHaveBeenCalled();
  for (const dep of Object.values(harness.calendar)) expect(dep).not.toHaveBeenCalled();
  for (const dep of Object.values(harness.meet)) expect(dep).not.toHaveBeenCalled();
}

describe('the router, fuzzed over messages × senders', () => {
  let consoleError: MockInstance<typeof console.error>;
  beforeEach(() => {
    // Handlers that fail (meet/call-linked for a call the tab is not showing) log one line; keep it quiet.
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  it(
    'never throws, answers as the sender, schema and allowlist say, and refuses without side effects',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyMessage, anySender, async (messageCase, senderCase) => {
          const spied = spiedRouter();
          const message = messageCase.make();
          const reply: Envelope<unknown> = await spied.router(message, senderCase.sender);
          expect(typeof reply.ok).toBe('boolean');

          const { expected } = senderCase;
          if (!expected.ok) {
            expect(reply).toEqual({ ok: false, error: `sender:${expected.reason}` });
            expectNoSideEffects(spied);
            return;
          }
          const valid =
            messageCase.validity === 'oracle'
              ? parseRequest(messageCase.make()).ok
              : messageCase.validity === 'valid';
          if (!valid) {
            expect(reply.ok).toBe(false);
            expect(['message:invalid', 'message:too-large', 'message:not-an-object']).toContain(
              !reply.ok && reply.error,
            );
            expectNoSideEffects(spied);
            return;
          }
          const { kind } = JSON.parse(JSON.stringify(message)) as AnyRequest;
          if (!allows(kind, expected.kind)) {
            expect(reply).toEqual({ ok: false, error: 'message:not-allowed' });
            expectNoSideEffects(spied);
            return;
          }
          expect(spied.ran).toEqual([kind]);
          if (kind === 'meet/call-linked') {
            // A fresh background shows no call in any tab: re-judging one the tab is not showing fails.
            expect(reply).toEqual({ ok: false, error: 'handler-failed' });
            expect(spied.harness.area.set).not.toHaveBeenCalled();
            expect(spied.harness.pushContext).not.toHaveBeenCalled();
            return;
          }
          // Every valid message from an allowed sender is handled, and the answer is in the protocol.
          expect(reply.ok).toBe(true);
          if (reply.ok) expect(MESSAGES[kind].response.safeParse(reply.data).success).toBe(true);
          if (kind === 'calendar/select-event' || kind === 'meet/call-seen') {
            // What the background stores for the tab is a context its panel can read back (not dropped as invalid).
            const pushed = spied.harness.pushContext.mock.calls[0];
            expect(pushed?.[0]).toBe(expected.tabId);
            expect(await spied.harness.tabContexts.get(expected.tabId!)).toEqual(pushed?.[1]);
          }
        }),
        { numRuns: 250 },
      );
      expect(consoleError.mock.calls.every(([line]) => line === 'Duet: a message handler failed')).toBe(true);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'always refuses a privileged kind from a content script',
    async () => {
      const privileged = fc
        .tuple(validRequest, contentSender)
        .filter(([request, sender]) => sender.expected.ok && !allows(request.kind, sender.expected.kind));
      await fc.assert(
        fc.asyncProperty(privileged, async ([request, { sender }]) => {
          const spied = spiedRouter();
          expect(await spied.router(request, sender)).toEqual({ ok: false, error: 'message:not-allowed' });
          expectNoSideEffects(spied);
        }),
        { numRuns: 150 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'refuses any message, valid or not, from a refused sender, before reading it',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyMessage, refusedSender, async (messageCase, { sender, expected }) => {
          const spied = spiedRouter();
          expect(await spied.router(messageCase.make(), sender)).toEqual({
            ok: false,
            error: `sender:${expected.ok ? 'accepted?' : expected.reason}`,
          });
          expectNoSideEffects(spied);
        }),
        { numRuns: 150 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

// Size ---------------------------------------------------------------------------------------------------

/** Generous: the real cost is a JSON.stringify of ~1 MB, a few milliseconds. */
const FAST_MS = 200;
const MB = 1024 * 1024;
/** 1 MB strings, as the character to repeat (so a counterexample prints short): escaping makes some 6 MB of JSON. */
const HUGE_CHARS = ['x', 'é', '"', '\u2028', '\ud800', '\u0000'];

/** The first allowed sender of a kind, so size — not the allowlist — is what refuses it. */
function allowedSenderFor(kind: MessageKind): RawSender {
  const from = MESSAGES[kind].from[0] as SenderKind;
  if (from === 'extension-page')
    return { id: SELF.id, url: `${SELF.baseUrl}panel.html`, frameId: 1, tab: { id: 1 } };
  const origin = from === 'calendar-content' ? GOOGLE_ORIGINS[0] : GOOGLE_ORIGINS[1];
  return { id: SELF.id, url: `${origin}/x`, origin, frameId: 0, tab: { id: 1 } };
}

async function expectRefusedQuickly(message: unknown, kind: MessageKind, reasons: string[]) {
  let started = performance.now();
  const result = parseRequest(message);
  expect(performance.now() - started).toBeLessThan(FAST_MS);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(reasons).toContain(result.reason);

  const spied = spiedRouter();
  started = performance.now();
  const reply = await spied.router(message, allowedSenderFor(kind));
  expect(performance.now() - started).toBeLessThan(FAST_MS);
  expect(reply.ok).toBe(false);
  if (!reply.ok) expect(reasons.map((r) => `message:${r}`)).toContain(reply.error);
  expectNoSideEffects(spied);
}

describe('oversized messages, fuzzed', () => {
  it(
    'a 1 MB string in any string member, or as an extra member, of any kind: too-large, quickly',
    async () => {
      const cases = validRequest.chain((request) => {
        const schema = requestSchema(request);
        const strings = positions(request, schema).filter((p) => categoriesOf(p.schema).has('string'));
        return fc.record({
          request: fc.constant(request),
          path: fc.oneof(
            fc.constantFrom<Path>(['kind'], ['padding'], ...strings.map((p) => p.path)),
            fc.string({ minLength: 1 }).map((key): Path => [key]),
          ),
          huge: fc.constantFrom(...HUGE_CHARS),
        });
      });
      await fc.assert(
        fc.asyncProperty(cases, async ({ request, path, huge }) => {
          const message = mutate(request, path, (parent, key) => defineOwn(parent, key, huge.repeat(MB)));
          await expectRefusedQuickly(message, request.kind, ['too-large']);
        }),
        { numRuns: 25 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'a 10,000-element array in any array member, or in place of any member, of any kind: refused, quickly',
    async () => {
      const tiny: CalendarEvent = {
        dataEventId: 'a',
        eventId: 'e',
        seriesId: 'e',
        calendarId: '',
        title: '',
        day: null,
        start: null,
        end: null,
        allDay: false,
        response: 'unknown',
      };
      const smallGuest: Guest = {
        email: null,
        name: 'G',
        organizer: false,
        kind: 'person',
        response: 'unknown',
      };
      const element = fc.oneof(
        fc.constantFrom<unknown>(tiny, smallGuest, 'Sam', 0, null, [], {}),
        fc.jsonValue({ maxDepth: 1 }),
      );
      const cases = validRequest.chain((request) => {
        const places = positions(request, requestSchema(request)).map((p) => p.path);
        return fc.record({
          request: fc.constant(request),
          path: fc.constantFrom<Path>(['events'], ['padding'], ...places),
          element,
          shared: fc.boolean(),
        });
      });
      await fc.assert(
        fc.asyncProperty(cases, async ({ request, path, element: item, shared }) => {
          const array = Array.from({ length: 10_000 }, () => (shared ? item : structuredClone(item)));
          const message = mutate(request, path, (parent, key) => defineOwn(parent, key, array));
          await expectRefusedQuickly(message, request.kind, ['too-large', 'invalid']);
        }),
        { numRuns: 25 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
