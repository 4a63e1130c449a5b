/**
 * ../shared/docs/SECURITY.md, "Bad input at the message boundary", items 1–6: one `describe` per item, with
 * what the example-based suites do not already pin down (they are named at the top of each item) and the
 * fuzzed properties in ./protocol-fuzz.test.ts. Where it matters, the real background runs (startBackground
 * on WXT's fake browser and fake-indexeddb), not only the router with fakes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type Handlers } from '@/lib/background/router';
import { startBackground } from '@/lib/background/start';
import { getDatabase } from '@/lib/db';
import { generateProfile } from '@/lib/demo/generate';
import { CALENDAR_ORIGIN, GOOGLE_HOST_PATTERNS, MEET_ORIGIN } from '@/lib/hosts';
import type { ExportData } from '@/lib/io/export-format';
import { applyImport, validateImport } from '@/lib/io/import';
import { PANEL_PORT_NAME, panelPortName } from '@/lib/messaging/port';
import {
  type Envelope,
  MAX_EVENTS_PER_MESSAGE,
  MESSAGES,
  type MessageKind,
  OPEN_PANEL_SHORTCUT,
  type PanelContext,
  REFRESH_BADGES,
  RequestSchema,
  type SenderKind,
} from '@/lib/messaging/protocol';
import type { RawSender } from '@/lib/messaging/senders';
import wxtConfig from '@/wxt.config';
import {
  backgroundHarness,
  type BackgroundHarness,
  calendarEvent,
  calendarSender,
  eventDetails,
  fixtureByTitle,
  guest,
  meetSender,
  panelSender,
  SELF,
} from '../helpers/background';
import { fixturesIndex } from '../helpers/fixtures';
import { recordListeners } from '../helpers/listeners';

// The manifest is read from wxt.config.ts itself; WXT's build machinery is not needed for that.
vi.mock('wxt', () => ({ defineConfig: <T>(config: T) => config }));
vi.mock('@preact/preset-vite', () => ({ default: () => ({ name: 'preact' }) }));

// node:url's URL, not the DOM environment's, which refuses file: URLs.
const ROOT = fileURLToPath(new NodeURL('../../../', import.meta.url));
const KINDS = Object.keys(MESSAGES) as MessageKind[];
const CONTENT_SENDERS: SenderKind[] = ['calendar-content', 'meet-content'];
const CONTENT_KINDS = KINDS.filter((kind) =>
  MESSAGES[kind].from.some((from) => CONTENT_SENDERS.includes(from)),
);
const MB = 1024 * 1024;
const FAST_MS = 200;

const MEET_CODE = 'abc-defg-hij';
const EVENT = calendarEvent();

/** One valid request per kind, as its own sender sends it. */
const VALID: Record<MessageKind, Record<string, unknown>> = {
  'calendar/classify-events': { kind: 'calendar/classify-events', events: [EVENT] },
  'calendar/event-details': { kind: 'calendar/event-details', details: eventDetails() },
  'calendar/select-event': { kind: 'calendar/select-event', event: EVENT },
  'calendar/days-shown': {
    kind: 'calendar/days-shown',
    days: ['2026-03-22', '2026-03-23'],
    eventIds: ['9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z'],
    calendars: ['alice@acme.example'],
  },
  'panel/frame-opened': { kind: 'panel/frame-opened', token: '0123456789abcdef0123456789abcdef' },
  'panel/data-changed': { kind: 'panel/data-changed' },
  'meet/call-seen': {
    kind: 'meet/call-seen',
    meetingCode: MEET_CODE,
    title: 'Alice / Bob',
    state: 'in-call',
    presenting: false,
    others: ['Bob Jones'],
  },
  'meet/call-linked': { kind: 'meet/call-linked', meetingCode: MEET_CODE },
  'panel/get-context': { kind: 'panel/get-context' },
};

/** A sender of the given kind, in tab 1. */
function senderOf(kind: SenderKind, tabId = 1): RawSender {
  if (kind === 'calendar-content') return calendarSender(tabId);
  if (kind === 'meet-content') return meetSender(tabId);
  return panelSender(tabId);
}
const ownSender = (kind: MessageKind) => senderOf(MESSAGES[kind].from[0] as SenderKind);

/** Handlers that record that they ran, over the usual fakes (tests/unit/helpers/background.ts). */
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

/** No handler ran and nothing was read, stored, pushed or looked up (router.test.ts's pattern, plus Meet). */
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

async function expectRefused(message: unknown, sender: RawSender, error: string) {
  const spied = spiedRouter();
  expect(await spied.router(message, sender)).toEqual({ ok: false, error });
  expectNoSideEffects(spied);
}

/** Paths of every object inside a JSON value (the root included), where a member could be added. */
function objectPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const children = Array.isArray(value)
    ? value.flatMap((child, i) => objectPaths(child, [...path, i]))
    : Object.entries(value).flatMap(([key, child]) => objectPaths(child, [...path, key]));
  return Array.isArray(value) ? children : [path, ...children];
}

// The real background on WXT's fake browser -----------------------------------------------------------

const REAL_SELF = { id: fakeBrowser.runtime.id, baseUrl: fakeBrowser.runtime.getURL('/') };

/**
 * Starts the real background with every `addListener` of the fake browser recorded (some, like
 * runtime.onConnect, are not implemented by the fake), and returns what it listens to.
 */
function startRealBackground() {
  const listeners = recordListeners();
  startBackground();
  const only = (event: string) => {
    const registered = listeners.get(event) ?? [];
    expect(registered, event).toHaveLength(1);
    return registered[0]! as (...args: unknown[]) => unknown;
  };
  return {
    listeners,
    send: (message: unknown, sender: RawSender) =>
      only('runtime.onMessage')(message, sender) as Promise<Envelope<unknown>>,
    connect: (name: string, sender: RawSender) => {
      const port = {
        name,
        sender,
        posted: [] as unknown[],
        disconnect: vi.fn(),
        postMessage: vi.fn((message: unknown) => port.posted.push(message)),
        onDisconnect: { addListener: vi.fn() },
        onMessage: { addListener: vi.fn() },
      };
      only('runtime.onConnect')(port);
      return port;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const realCalendar = (tabId: number): RawSender => ({
  ...calendarSender(tabId),
  id: REAL_SELF.id,
});
const realMeet = (tabId: number): RawSender => ({ ...meetSender(tabId), id: REAL_SELF.id });
const realPanel = (tabId: number | undefined, page = 'panel.html'): RawSender => ({
  id: REAL_SELF.id,
  url: `${REAL_SELF.baseUrl}${page}`,
  origin: REAL_SELF.baseUrl.slice(0, -1),
  frameId: tabId === undefined ? undefined : 3,
  tab: tabId === undefined ? undefined : { id: tabId },
});

// 1 -------------------------------------------------------------------------------------------------------

describe('1. Unknown kind, missing/extra/wrong-typed fields, __proto__/constructor keys: rejected, no side effect', () => {
  // Also covered: tests/unit/messaging/protocol.test.ts ("parseRequest rejects malformed messages as invalid",
  // "parseRequest rejects prototype tricks", "the CalendarEvent shape", "calendar/event-details"),
  // tests/unit/background/router.test.ts ("router: refusals have no side effect": unknown kind, extra field,
  // wrong type, __proto__ for calendar/select-event), and every kind fuzzed in ./protocol-fuzz.test.ts.

  it.each(KINDS)(
    '%s: a __proto__, constructor or prototype member in any object of it is refused by the router',
    async (kind) => {
      const valid = JSON.parse(JSON.stringify(VALID[kind])) as object;
      const paths = objectPaths(valid);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        for (const key of ['__proto__', 'constructor', 'prototype']) {
          for (const value of [{}, { kind: 'panel/get-context', tabId: 2, polluted: true }, null]) {
            const message = structuredClone(valid);
            let at: unknown = message;
            for (const k of path) at = (at as Record<string | number, unknown>)[k];
            // An own member, as a structured clone or JSON.parse makes it (not a prototype change).
            Object.defineProperty(at, key, { value, enumerable: true, writable: true, configurable: true });
            await expectRefused(message, ownSender(kind), 'message:invalid');
          }
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.keys(Object.prototype)).toEqual([]);
    },
  );

  const PRIVILEGED_LOOKING = [
    'notes/read',
    'notes/export',
    'notes/delete',
    'data/export-all',
    'data/import',
    'data/delete-all',
    'db/query',
    'storage/get',
    'settings/update',
    'panel/context', // the background's own push to panel ports
    REFRESH_BADGES, // the background's own pushes to content scripts
    OPEN_PANEL_SHORTCUT,
    'PANEL/GET-CONTEXT',
    'panel/get-context\u0000',
  ];
  const SENDERS: Array<[string, RawSender]> = [
    ['Calendar', calendarSender(1)],
    ['Meet', meetSender(1)],
    ['a framed panel', panelSender(1)],
    ['the popup', panelSender(undefined)],
    ['the side panel', { id: SELF.id, url: `${SELF.baseUrl}sidepanel.html` }],
  ];

  it.each(SENDERS)(
    'an unknown kind that names an operation is refused from %s, nothing runs',
    async (_label, sender) => {
      for (const kind of PRIVILEGED_LOOKING) {
        expect(KINDS).not.toContain(kind);
        await expectRefused({ kind }, sender, 'message:invalid');
        await expectRefused({ kind, tabId: 1, all: true }, sender, 'message:invalid');
      }
    },
  );

  it.each(KINDS)(
    '%s: each member dropped, or of another JSON type, is refused by the router',
    async (kind) => {
      const valid = VALID[kind];
      for (const member of Object.keys(valid)) {
        const { [member]: _dropped, ...rest } = valid;
        await expectRefused(rest, ownSender(kind), 'message:invalid');
        const type =
          valid[member] === null ? 'null' : Array.isArray(valid[member]) ? 'array' : typeof valid[member];
        const others: Record<string, unknown> = {
          string: 'x',
          number: 1,
          boolean: true,
          null: null,
          array: [],
          object: {},
        };
        for (const [otherType, value] of Object.entries(others)) {
          if (otherType !== type)
            await expectRefused({ ...valid, [member]: value }, ownSender(kind), 'message:invalid');
        }
      }
    },
  );
});

// 2 -------------------------------------------------------------------------------------------------------

describe('2. Oversized payloads (1 MB strings, 10k-element arrays): rejected quickly', () => {
  // Also covered: tests/unit/messaging/protocol.test.ts ("parseRequest rejects oversized and unserialisable
  // messages as too-large": a 1 MB title, a 1 MB extra member, 10k events, the exact limit, cycles, BigInt;
  // "rejects a small 10k-element array of the wrong type as invalid"), router.test.ts ("oversized", "cyclic"),
  // and ./protocol-fuzz.test.ts ("oversized messages, fuzzed": any string member, any array member, any kind).

  let safeParse: MockInstance<typeof RequestSchema.safeParse>;
  beforeEach(() => {
    safeParse = vi.spyOn(RequestSchema, 'safeParse');
  });

  async function refusedQuickly(message: unknown, kind: MessageKind, error: string) {
    const spied = spiedRouter();
    const started = performance.now();
    const reply = await spied.router(message, ownSender(kind));
    expect(performance.now() - started).toBeLessThan(FAST_MS);
    expect(reply).toEqual({ ok: false, error });
    expectNoSideEffects(spied);
  }

  it.each(KINDS)('%s with a 1 MB member is too large before the schema ever looks at it', async (kind) => {
    await refusedQuickly({ ...VALID[kind], padding: 'x'.repeat(MB) }, kind, 'message:too-large');
    await refusedQuickly({ ...VALID[kind], ['k'.repeat(MB)]: 1 }, kind, 'message:too-large');
    expect(safeParse).not.toHaveBeenCalled();
  });

  it.each([
    ['lone surrogates (6 MB once escaped)', '\ud800'],
    ['control characters (6 MB once escaped)', '\u0001'],
    ['quotes (2 MB once escaped)', '"'],
  ])('1 MB of %s is refused as quickly as plain text', async (_label, character) => {
    const huge = character.repeat(MB);
    await refusedQuickly({ ...VALID['meet/call-seen'], title: huge }, 'meet/call-seen', 'message:too-large');
    await refusedQuickly(
      { ...VALID['meet/call-seen'], others: [huge] },
      'meet/call-seen',
      'message:too-large',
    );
    await refusedQuickly(
      { ...VALID['panel/get-context'], [huge]: 1 },
      'panel/get-context',
      'message:too-large',
    );
    expect(safeParse).not.toHaveBeenCalled();
  });

  it('members the schema allows can still add up past the limit: 1,000 events at their longest are too large', async () => {
    const longest = (i: number) => ({
      ...EVENT,
      dataEventId: `${i}`.padStart(512, 'a'),
      eventId: 'e'.repeat(512),
      seriesId: 's'.repeat(512),
      calendarId: 'c'.repeat(512),
      title: 't'.repeat(1024),
    });
    const events = Array.from({ length: MAX_EVENTS_PER_MESSAGE }, (_, i) => longest(i));
    expect(
      MESSAGES['calendar/classify-events'].request.safeParse({ kind: 'calendar/classify-events', events })
        .success,
    ).toBe(true);
    safeParse.mockClear();
    await refusedQuickly(
      { kind: 'calendar/classify-events', events },
      'calendar/classify-events',
      'message:too-large',
    );
    expect(safeParse).not.toHaveBeenCalled();
  });

  it.each<[string, MessageKind, Record<string, unknown>, string]>([
    [
      '10k tiny events',
      'calendar/classify-events',
      { events: Array(10_000).fill({ ...EVENT, dataEventId: 'a', title: '' }) },
      'message:too-large',
    ],
    ['10k participant names', 'meet/call-seen', { others: Array(10_000).fill('Sam') }, 'message:invalid'],
    [
      '10k guests',
      'calendar/event-details',
      { details: eventDetails({ guests: Array(10_000).fill(guest(null, 'G')) }) },
      'message:too-large',
    ],
    [
      '10k guests of one letter',
      'calendar/event-details',
      { details: eventDetails({ guests: Array(10_000).fill(guest(null, '')) }) },
      'message:too-large',
    ],
    [
      '10k numbers as the event',
      'calendar/select-event',
      { event: Array(10_000).fill(0) },
      'message:invalid',
    ],
    ['10k nulls as a tab id', 'panel/get-context', { tabId: Array(10_000).fill(null) }, 'message:invalid'],
  ])('%s (%s) through the router: refused quickly, nothing runs', async (_label, kind, members, error) => {
    await refusedQuickly({ ...VALID[kind], ...members }, kind, error);
  });
});

// 3 -------------------------------------------------------------------------------------------------------

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  catchall?: { _zod: { def: SchemaDef } };
  innerType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  options?: Array<{ _zod: { def: SchemaDef } }>;
  checks?: Array<{ _zod: { def: { check: string; format?: string } } }>;
}
const defOf = (schema: unknown) => (schema as { _zod: { def: SchemaDef } })._zod.def;

/** Every member name and every leaf of a response schema (zod/mini), with where it is. */
function walk(
  schema: unknown,
  path = '',
): { members: string[]; leaves: Array<{ path: string; def: SchemaDef }> } {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      expect(defOf(def.catchall).type, `${path}: objects are strict`).toBe('never');
      const parts = Object.entries(def.shape!).map(([key, child]) => walk(child, `${path}.${key}`));
      return {
        members: [...Object.keys(def.shape!), ...parts.flatMap((p) => p.members)],
        leaves: parts.flatMap((p) => p.leaves),
      };
    }
    case 'nullable':
    case 'optional':
      return walk(def.innerType, path);
    case 'array':
      return walk(def.element, `${path}[]`);
    case 'union': {
      const parts = def.options!.map((option) => walk(option, path));
      return { members: parts.flatMap((p) => p.members), leaves: parts.flatMap((p) => p.leaves) };
    }
    default:
      return { members: [], leaves: [{ path, def }] };
  }
}

/** Names a member carrying a 1:1's content would have (lib/domain/model.ts). */
const NOTE_MEMBERS = [
  'notes',
  'privateNotes',
  'text',
  'note',
  'summary',
  'agreements',
  'talkingPoints',
  'goals',
  'feedback',
  'keyResults',
  'history',
  'checkIn',
  'assessment',
  'ownerName',
  'sessions',
  'body',
  'content',
  'export',
  'data',
];

/** A database full of notes, every word of them marked. */
const CANARY = 'CANARY7f3a9';
function withCanary(data: ExportData): ExportData {
  const marked = structuredClone(data);
  const mark = (text: string) => `${text} ${CANARY}`.slice(-1000);
  for (const session of marked.sessions) {
    session.privateNotes = mark(session.privateNotes);
    for (const section of Object.keys(session.notes)) session.notes[section] = mark(session.notes[section]!);
  }
  for (const point of marked.talkingPoints) point.text = mark(point.text);
  for (const agreement of marked.agreements) {
    agreement.text = mark(agreement.text);
    for (const event of agreement.history) event.note = mark(event.note);
  }
  for (const item of marked.feedback) item.text = mark(item.text);
  for (const goal of marked.goals) {
    goal.title = mark(goal.title);
    for (const result of goal.keyResults) result.text = mark(result.text);
  }
  return marked;
}

describe('3. A privileged kind (read notes, export, delete) sent from a content-script sender: rejected', () => {
  // Also covered: tests/unit/messaging/protocol.test.ts ("isAllowedSender": every kind × sender kind),
  // router.test.ts ("refuses panel/get-context from content scripts", "is refused from content scripts, which
  // cannot make every tab rescan", the cross-host refusals), ./protocol-fuzz.test.ts ("always refuses a
  // privileged kind from a content script"). Here: that no kind a content script MAY send can read, export or
  // delete anything — by the response schemas, and by running the real background over a database of notes.

  it('content scripts may send only what the page shows and which panel frame they opened; everything else is for extension pages', () => {
    const byContent = Object.fromEntries(
      CONTENT_SENDERS.map((sender) => [
        sender,
        KINDS.filter((kind) => (MESSAGES[kind].from as readonly string[]).includes(sender)),
      ]),
    );
    expect(byContent).toEqual({
      'calendar-content': [
        'calendar/classify-events',
        'calendar/event-details',
        'calendar/select-event',
        'calendar/days-shown',
        'panel/frame-opened',
      ],
      'meet-content': ['panel/frame-opened', 'meet/call-seen'],
    });
    // No kind is shared between a content script and an extension page (a panel cannot register itself).
    for (const kind of CONTENT_KINDS) expect(MESSAGES[kind].from).not.toContain('extension-page');
    // Registering a frame answers a bare acknowledgement: no text of any kind, not even an id.
    const { members, leaves } = walk(MESSAGES['panel/frame-opened'].response);
    expect(members).toEqual(['ok']);
    expect(leaves.map(({ def }) => def.type)).toEqual(['literal']);
    expect(MESSAGES['panel/frame-opened'].response.safeParse({ ok: true }).success).toBe(true);
    // Which days a view shows: ids and days in, a bare acknowledgement out.
    expect(walk(MESSAGES['calendar/days-shown'].response).members).toEqual(['ok']);
    expect(MESSAGES['panel/frame-opened'].response.safeParse({ ok: true, token: 'x' }).success).toBe(false);
  });

  it.each(CONTENT_KINDS)(
    '%s answers only counts, enums and checked ids — no free text can reach the page',
    (kind) => {
      const { members, leaves } = walk(MESSAGES[kind].response);
      for (const name of members) expect(NOTE_MEMBERS).not.toContain(name);
      expect(leaves.length).toBeGreaterThan(0);
      for (const { path, def } of leaves) {
        expect(['enum', 'literal', 'number', 'boolean', 'string'], path).toContain(def.type);
        if (def.type === 'string') {
          // Only identifiers with a fixed pattern (the chip's data-eventid), never a name, title or note.
          const formats = (def.checks ?? []).map((c) => c._zod.def.format);
          expect(formats, `${path} is pattern-checked`).toContain('regex');
        }
      }
    },
  );

  it.each(KINDS)('%s: no response member is named for note content (notes, text, agreements…)', (kind) => {
    const { members } = walk(MESSAGES[kind].response);
    for (const name of NOTE_MEMBERS) expect(members).not.toContain(name);
  });

  it('with a database full of notes, nothing any sender can send gets a word of them back, pushed or stored', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const data = withCanary(generateProfile('realistic', { now: Date.UTC(2026, 2, 25, 12) }));
    await applyImport(
      validateImport({ format: 'duet-export', version: 1, exportedAt: 0, app: 'Duet', data }),
      'replace',
    );
    expect(JSON.stringify(await getDatabase().sessions.toArray())).toContain(CANARY);
    const background = startRealBackground();

    const events = fixturesIndex.events.map((event) => calendarEvent({ dataEventId: event.data_eventid }));
    const replies: Array<{ kind: MessageKind; from: string; reply: Envelope<unknown> }> = [];
    /** The frame token each tab's content script registered last (VALID's, once it sends that). */
    const tokens = new Map<number, string>();
    const send = async (message: Record<string, unknown>, sender: RawSender) => {
      const reply = await background.send(message, sender);
      const from = sender.url!.startsWith(REAL_SELF.baseUrl)
        ? 'extension-page'
        : sender.url!.startsWith(MEET_ORIGIN)
          ? 'meet-content'
          : 'calendar-content';
      replies.push({ kind: message.kind as MessageKind, from, reply });
      if (message.kind === 'panel/frame-opened' && reply.ok)
        tokens.set(sender.tab!.id!, message.token as string);
      return reply;
    };
    // Each tab's content script opens its panel frame, which then connects with its token.
    const opened: Array<[number, RawSender]> = [
      [1, realCalendar(1)],
      [2, realCalendar(2)],
      [3, realMeet(3)],
    ];
    for (const [tab, sender] of opened) {
      const token = `${tab}`.repeat(32);
      expect(await send({ kind: 'panel/frame-opened', token }, sender)).toEqual({
        ok: true,
        data: { ok: true },
      });
    }
    const panels = opened.map(([tab]) => background.connect(panelPortName(tokens.get(tab)!), realPanel(tab)));
    await settle();
    for (const port of panels) expect(port.disconnect).not.toHaveBeenCalled();

    const classified = await send({ kind: 'calendar/classify-events', events }, realCalendar(1));
    await send({ kind: 'calendar/event-details', details: eventDetails() }, realCalendar(1));
    for (const event of events) await send({ kind: 'calendar/select-event', event }, realCalendar(1));
    await send(
      {
        kind: 'calendar/select-event',
        event: calendarEvent({ dataEventId: fixtureByTitle('Alice / Bob').data_eventid }),
      },
      realCalendar(2),
    );
    const bob = data.people.find((p) => p.id === data.relationships[0]!.personIds[0])!.name;
    const call = {
      kind: 'meet/call-seen',
      meetingCode: MEET_CODE,
      title: 'Alice / Bob',
      presenting: false,
      others: [bob],
    };
    const inCall = await send({ ...call, state: 'in-call' }, realMeet(3));
    await send({ ...call, state: 'ended' }, realMeet(3));
    // Every privileged kind from the content scripts, and what the panels themselves may ask.
    for (const kind of KINDS) {
      await send(VALID[kind], realCalendar(1));
      await send(VALID[kind], realMeet(3));
    }
    for (const tab of [1, 2, 3, undefined]) {
      await send({ kind: 'panel/get-context' }, realPanel(tab));
      for (const frameToken of tokens.values())
        await send({ kind: 'panel/get-context', frameToken }, realPanel(tab));
    }
    const framed = await send({ kind: 'panel/get-context', frameToken: tokens.get(2)! }, realPanel(2));
    const sidePanel = await send(
      { kind: 'panel/get-context', tabId: 3 },
      realPanel(undefined, 'sidepanel.html'),
    );
    await settle();

    // Not vacuous: the 1:1s were recognised with their open agreements, and the panels were told.
    const badges = (
      classified as { ok: true; data: { badges: Array<{ openAgreements: number; confidence: string }> } }
    ).data.badges;
    expect(badges.some((b) => b.confidence === 'confirmed' && b.openAgreements > 0)).toBe(true);
    expect(inCall).toEqual({ ok: true, data: { show: 'open' } });
    expect(framed).toMatchObject({
      ok: true,
      data: { context: { surface: 'calendar', title: 'Alice / Bob' } },
    });
    expect(sidePanel).toMatchObject({
      ok: true,
      data: { context: { surface: 'meet', meetingCode: MEET_CODE } },
    });
    expect(panels[0]!.posted.length).toBeGreaterThan(1);
    expect(JSON.stringify(panels.map((p) => p.posted))).toContain('demo-rel-1');

    for (const { kind, reply } of replies) {
      expect(JSON.stringify(reply), kind).not.toContain(CANARY);
      if (reply.ok) expect(MESSAGES[kind].response.safeParse(reply.data).success, kind).toBe(true);
    }
    // Every kind a content script may not send was refused, whatever it was.
    const privileged = replies.filter(
      ({ kind, from }) => !(MESSAGES[kind].from as readonly string[]).includes(from),
    );
    const notAllowed = CONTENT_SENDERS.flatMap((from) =>
      KINDS.filter((kind) => !(MESSAGES[kind].from as readonly string[]).includes(from)),
    );
    expect(privileged).toHaveLength(notAllowed.length);
    for (const { kind, from, reply } of privileged)
      expect(reply, `${kind} from ${from}`).toEqual({ ok: false, error: 'message:not-allowed' });
    for (const port of panels) expect(JSON.stringify(port.posted)).not.toContain(CANARY);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(CANARY);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(CANARY);
    expect(consoleError.mock.calls.every(([line]) => line === 'Duet: a message handler failed')).toBe(true);
  });
});

// 4 -------------------------------------------------------------------------------------------------------

type Reason = 'foreign-extension' | 'no-url' | 'no-tab' | 'subframe' | 'foreign-origin';

/** For a content kind, every way its sender can be wrong, built from the kind's own host. */
function wrongSenders(kind: MessageKind): Array<[Reason, string, RawSender]> {
  const host = MESSAGES[kind].from[0] === 'meet-content' ? meetSender(4) : calendarSender(4);
  const origin = host.origin!;
  const other = origin === CALENDAR_ORIGIN ? MEET_ORIGIN : CALENDAR_ORIGIN;
  return [
    ['foreign-extension', 'another extension', { ...host, id: 'another-extension-id' }],
    ['foreign-extension', 'no extension id', { ...host, id: undefined }],
    ['no-url', 'no url', { ...host, url: undefined }],
    ['no-tab', 'no tab', { ...host, tab: undefined }],
    ['no-tab', 'TAB_ID_NONE', { ...host, tab: { id: -1 } }],
    ['subframe', 'a subframe', { ...host, frameId: 7 }],
    ['subframe', 'no frame id', { ...host, frameId: undefined }],
    [
      'foreign-origin',
      'another site',
      { ...host, url: 'https://evil.example/', origin: 'https://evil.example' },
    ],
    [
      'foreign-origin',
      'a look-alike host',
      { ...host, url: `${origin}.evil.example/x`, origin: `${origin}.evil.example` },
    ],
    [
      'foreign-origin',
      'http://',
      { ...host, url: `${origin.replace('https:', 'http:')}/x`, origin: undefined },
    ],
    ['foreign-origin', 'an origin that disagrees with the url', { ...host, origin: other }],
    [
      'foreign-origin',
      'another extension’s page',
      { ...host, url: 'chrome-extension://another-extension-id/panel.html', origin: undefined },
    ],
  ];
}

describe('4. Sender with another extension id, a subframe, a URL outside our two hosts, no tab: rejected for content kinds', () => {
  // Also covered: tests/unit/messaging/senders.test.ts ("classifySender rejects": each reason, look-alike
  // hosts, ports, schemes, order of checks) and router.test.ts ("a valid select-event from %s → %s", for
  // calendar/select-event only). Here: every content kind, per reason, through the router; and the panel port.

  const table = CONTENT_KINDS.flatMap((kind) =>
    wrongSenders(kind).map(([reason, label, sender]) => [kind, reason, label, sender] as const),
  );

  it.each(table)(
    '%s from a sender with reason %s (%s): refused, nothing runs',
    async (kind, reason, _label, sender) => {
      await expectRefused(VALID[kind], sender, `sender:${reason}`);
    },
  );

  it('each reason is exercised for each content kind', () => {
    for (const kind of CONTENT_KINDS) {
      const reasons = new Set(table.filter(([k]) => k === kind).map(([, reason]) => reason));
      expect([...reasons].sort()).toEqual([
        'foreign-extension',
        'foreign-origin',
        'no-tab',
        'no-url',
        'subframe',
      ]);
    }
  });

  it('the panel port is refused to content scripts, other extensions, subframes of the page, pages in no tab and other names', async () => {
    const background = startRealBackground();
    const token = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    const other = 'beef0000beef0000beef0000beef0000';
    expect(await background.send({ kind: 'panel/frame-opened', token }, realCalendar(1))).toEqual({
      ok: true,
      data: { ok: true },
    });
    expect(await background.send({ kind: 'panel/frame-opened', token: other }, realMeet(2))).toEqual({
      ok: true,
      data: { ok: true },
    });
    const name = panelPortName(token);
    const refused: Array<[string, string, RawSender]> = [
      ['the Calendar content script', name, realCalendar(1)],
      ['the Meet content script', name, realMeet(1)],
      ['another extension’s panel', name, { ...realPanel(1), id: 'another-extension-id' }],
      ['a Calendar subframe', name, { ...realCalendar(1), frameId: 3 }],
      [
        'a foreign page',
        name,
        { ...realCalendar(1), url: 'https://evil.example/', origin: 'https://evil.example' },
      ],
      ['the popup (in no tab)', name, realPanel(undefined, 'popup.html')],
      ['the side panel (in no tab)', name, realPanel(undefined, 'sidepanel.html')],
      ['a sender without url', name, { ...realPanel(1), url: undefined }],
      ['our panel, under another port name', 'duet-panel-2', realPanel(1)],
      ['our panel, with no port name', '', realPanel(1)],
      // A copy of panel.html the page framed itself cannot present the token of the tab's own frame.
      ['our panel, without a token', PANEL_PORT_NAME, realPanel(1)],
      ['our panel, with a wrong token', panelPortName('0'.repeat(32)), realPanel(1)],
      ['our panel, with another tab’s token', panelPortName(other), realPanel(1)],
      ['our panel, in another tab with this tab’s token', name, realPanel(2)],
      ['our panel, in a tab that opened no frame', name, realPanel(3)],
      ['our panel, the token in upper case', panelPortName(token.toUpperCase()), realPanel(1)],
      ['our panel, the token cut short', `${PANEL_PORT_NAME}#${token.slice(1)}`, realPanel(1)],
      ['our panel, more after the token', `${name}#${token}`, realPanel(1)],
    ];
    const ports = refused.map(([label, portName, sender]) => ({
      label,
      port: background.connect(portName, sender),
    }));
    await settle();
    for (const { label, port } of ports) {
      expect(port.disconnect, label).toHaveBeenCalledTimes(1);
      expect(port.posted, label).toEqual([]);
    }
    // None of them hears about a change later either.
    await background.send({ kind: 'calendar/select-event', event: EVENT }, realCalendar(1));
    await settle();
    for (const { label, port } of ports) expect(port.posted, label).toEqual([]);
    const accepted = background.connect(name, realPanel(1));
    const acceptedInMeet = background.connect(panelPortName(other), realPanel(2));
    await settle();
    expect(accepted.disconnect).not.toHaveBeenCalled();
    expect(accepted.posted).toEqual([
      { kind: 'panel/context', context: expect.objectContaining({ surface: 'calendar' }) },
    ]);
    expect(acceptedInMeet.disconnect).not.toHaveBeenCalled();
    expect(acceptedInMeet.posted).toEqual([{ kind: 'panel/context', context: null }]);
  });

  it('a panel port whose tab’s content script opened a newer frame is refused; the newer one is accepted', async () => {
    const background = startRealBackground();
    const first = '1'.repeat(32);
    const second = '2'.repeat(32);
    await background.send({ kind: 'panel/frame-opened', token: first }, realCalendar(1));
    await background.send({ kind: 'panel/frame-opened', token: second }, realCalendar(1));
    const stale = background.connect(panelPortName(first), realPanel(1));
    const current = background.connect(panelPortName(second), realPanel(1));
    await settle();
    expect(stale.disconnect).toHaveBeenCalledTimes(1);
    expect(stale.posted).toEqual([]);
    expect(current.disconnect).not.toHaveBeenCalled();
    expect(current.posted).toEqual([{ kind: 'panel/context', context: null }]);
  });

  it('a closed tab’s frame token no longer opens a port', async () => {
    const background = startRealBackground();
    const token = 'a'.repeat(32);
    await background.send({ kind: 'panel/frame-opened', token }, realCalendar(1));
    const removed = background.listeners.get('tabs.onRemoved')![0]! as (tabId: number) => void;
    removed(1);
    await settle();
    const port = background.connect(panelPortName(token), realPanel(1));
    await settle();
    expect(port.disconnect).toHaveBeenCalledTimes(1);
    expect(port.posted).toEqual([]);
  });
});

// 5 -------------------------------------------------------------------------------------------------------

describe('5. The panel asking "which event?" gets only its own tab’s event', () => {
  // Also covered: router.test.ts ("gives each panel only its own tab’s context", "refuses panel/get-context from
  // content scripts"), handlers.test.ts ("panel/get-context without a tab reads nothing"), meet.test.ts
  // ("panel/get-context for the browser side panel", extensionPageOf), panel-ports.test.ts (pushes per tab),
  // the frame token: handlers.test.ts ("panel/frame-opened and panel/get-context (frame tokens)"),
  // tab-contexts.test.ts ("panel frame tokens"), router.test.ts ("router: panel/frame-opened"),
  // tests/unit/messaging/port.test.ts and tests/unit/content/panel-host.test.ts.

  const TITLES = [
    'Alice / Bob',
    '1:1 Alice <> Carol',
    'Alice / Frank',
    'Skip-level: Alice / Ivy',
    'Vendor demo',
  ];
  const PAGES = [
    'panel.html',
    'sidepanel.html',
    'sidepanel.html?tab=0',
    'popup.html',
    'options.html',
    'sub/sidepanel.html',
  ];

  const HEX = [...'0123456789abcdef'];
  const token = fc
    .array(fc.constantFrom(...HEX), { minLength: 32, maxLength: 32 })
    .map((chars) => chars.join(''));

  it('whatever tabs hold and whoever asks: a framed page gets its own tab’s with that tab’s frame token, the side panel the tab it names, the rest nothing', async () => {
    // Each tab shows something, and its content script opened 0, 1 or 2 panel frames (the last one counts).
    const tabs = fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 0, max: 40 }),
        frames: fc.array(token, { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 4, selector: (tab) => tab.id },
    );
    // A tab id, or (as often) one of the tabs that hold something, so the interesting cases come up.
    const tabRef = (min: number) => fc.oneof(fc.integer({ min, max: 40 }), fc.record({ pick: fc.nat() }));
    const ask = fc.record({
      page: fc.constantFrom(...PAGES),
      tab: fc.option(tabRef(-1), { nil: undefined }),
      named: fc.option(tabRef(0), { nil: undefined }),
      // Which token the asking page presents: none, its own tab's current or first frame's, the current one
      // of any tab (mostly not its own), or one made up.
      presents: fc.oneof(
        fc.constant(undefined),
        { arbitrary: fc.constant('current' as const), weight: 3 },
        fc.constant('first' as const),
        fc.record({ ofTab: tabRef(0) }),
        fc.record({ made: token }),
      ),
    });
    const told = { framed: 0, sidePanel: 0, nothing: 0 };
    await fc.assert(
      fc.asyncProperty(tabs, fc.array(ask, { minLength: 1, maxLength: 8 }), async (tabList, asks) => {
        const resolve = (ref: number | { pick: number } | undefined) =>
          typeof ref === 'object' ? tabList[ref.pick % tabList.length]!.id : ref;
        const harness = backgroundHarness();
        const latest = new Map<number, PanelContext | null>();
        const registered = new Map<number, string>();
        for (const [i, { id: tab, frames }] of tabList.entries()) {
          const message =
            i % 2 === 0
              ? {
                  kind: 'calendar/select-event',
                  event: calendarEvent({
                    dataEventId: fixtureByTitle(TITLES[i % TITLES.length]!).data_eventid,
                  }),
                }
              : { ...VALID['meet/call-seen'], title: `Call ${i}` };
          const content = i % 2 === 0 ? calendarSender(tab) : meetSender(tab);
          const reply = await harness.router(message, content);
          expect(reply.ok).toBe(true);
          latest.set(tab, harness.pushContext.mock.calls.at(-1)![1]);
          for (const frame of frames) {
            expect(await harness.router({ kind: 'panel/frame-opened', token: frame }, content)).toEqual({
              ok: true,
              data: { ok: true },
            });
            registered.set(tab, frame);
          }
        }
        for (const { page, tab: tabAsked, named: namedAsked, presents } of asks) {
          const tab = resolve(tabAsked);
          const named = resolve(namedAsked);
          const sender: RawSender = {
            id: SELF.id,
            url: `${SELF.baseUrl}${page}`,
            frameId: tab === undefined ? undefined : 2,
            tab: tab === undefined ? undefined : { id: tab },
          };
          const own = tab !== undefined && tab >= 0 ? tab : null;
          const ownFrames = tabList.find((t) => t.id === own)?.frames ?? [];
          const frameToken =
            presents === undefined
              ? undefined
              : presents === 'current'
                ? ownFrames.at(-1)
                : presents === 'first'
                  ? ownFrames[0]
                  : 'ofTab' in presents
                    ? registered.get(resolve(presents.ofTab)!)
                    : presents.made;
          const message: Record<string, unknown> = { kind: 'panel/get-context' };
          if (named !== undefined) message.tabId = named;
          if (frameToken !== undefined) message.frameToken = frameToken;
          const reply = await harness.router(message, sender);
          const isSidePanel = page.split(/[?#]/)[0] === 'sidepanel.html';
          const shown =
            named !== undefined && isSidePanel
              ? named
              : own !== null && frameToken !== undefined && registered.get(own) === frameToken
                ? own
                : null;
          expect(reply).toEqual({
            ok: true,
            data: { context: shown === null ? null : (latest.get(shown) ?? null) },
          });
          told[shown === null ? 'nothing' : shown === named && isSidePanel ? 'sidePanel' : 'framed'] += 1;
        }
        // Content scripts may not ask at all, not even with their own frame's token.
        const first = tabList[0]!;
        for (const sender of [calendarSender(first.id), meetSender(first.id)]) {
          const message: Record<string, unknown> = { kind: 'panel/get-context', tabId: first.id };
          if (registered.has(first.id)) message.frameToken = registered.get(first.id);
          expect(await harness.router(message, sender)).toEqual({ ok: false, error: 'message:not-allowed' });
        }
      }),
      { numRuns: 60 },
    );
    // Not vacuous: every branch was taken.
    expect(told.framed).toBeGreaterThan(0);
    expect(told.sidePanel).toBeGreaterThan(0);
    expect(told.nothing).toBeGreaterThan(0);
  }, 30_000);

  it('a framed panel gets its tab’s event only with the token the tab’s content script registered', async () => {
    // The property above, with each case spelled out once (so a failure names the case).
    const harness = backgroundHarness();
    const bob = calendarEvent({ dataEventId: fixtureByTitle('Alice / Bob').data_eventid });
    await harness.router({ kind: 'calendar/select-event', event: bob }, calendarSender(1));
    await harness.router({ ...VALID['meet/call-seen'] }, meetSender(2));
    const [t1, t2, made] = ['1a', '2b', '3c'].map((pair) => pair.repeat(16));
    await harness.router({ kind: 'panel/frame-opened', token: t1 }, calendarSender(1));
    await harness.router({ kind: 'panel/frame-opened', token: t2 }, meetSender(2));
    const contextOf = async (sender: RawSender, frameToken?: string, tabId?: number) => {
      const message: Record<string, unknown> = { kind: 'panel/get-context' };
      if (frameToken !== undefined) message.frameToken = frameToken;
      if (tabId !== undefined) message.tabId = tabId;
      const reply = await harness.router(message, sender);
      expect(reply.ok).toBe(true);
      return (reply as { ok: true; data: { context: PanelContext | null } }).data.context;
    };
    expect(await contextOf(panelSender(1), t1)).toMatchObject({ surface: 'calendar', title: 'Alice / Bob' });
    expect(await contextOf(panelSender(2), t2)).toMatchObject({ surface: 'meet', meetingCode: MEET_CODE });
    const cases: Array<[string, RawSender, string | undefined, number | undefined]> = [
      ['no token', panelSender(1), undefined, undefined],
      ['a made-up token', panelSender(1), made, undefined],
      ['another tab’s token', panelSender(1), t2, undefined],
      ['another tab’s token, naming that tab', panelSender(1), t2, 2],
      ['no token, naming its own tab', panelSender(1), undefined, 1],
      ['the right token from another tab', panelSender(2), t1, undefined],
      ['a tab that opened no frame', panelSender(3), t1, undefined],
      ['the popup with a real token', panelSender(undefined), t1, undefined],
      ['the popup with a real token, naming the tab', panelSender(undefined), t1, 1],
    ];
    for (const [label, sender, frameToken, tabId] of cases) {
      expect(await contextOf(sender, frameToken, tabId), label).toBeNull();
    }
  });

  it('through the real background: a panel port hears only about its own tab, and only the frame its content script opened', async () => {
    const background = startRealBackground();
    const [t1, t2] = ['a1', 'b2'].map((pair) => pair.repeat(16)) as [string, string];
    await background.send({ kind: 'panel/frame-opened', token: t1 }, realCalendar(1));
    await background.send({ kind: 'panel/frame-opened', token: t2 }, realCalendar(2));
    const tab1 = background.connect(panelPortName(t1), realPanel(1));
    const tab2 = background.connect(panelPortName(t2), realPanel(2));
    // Copies of panel.html a page framed itself: no token, or a token it does not have.
    const intruders = [
      background.connect(PANEL_PORT_NAME, realPanel(1)),
      background.connect(panelPortName(t2), realPanel(1)),
      background.connect(panelPortName('f'.repeat(32)), realPanel(1)),
      background.connect(panelPortName(t1), realPanel(2)),
    ];
    await settle();
    const bob = calendarEvent({ dataEventId: fixtureByTitle('Alice / Bob').data_eventid });
    expect(await background.send({ kind: 'calendar/select-event', event: bob }, realCalendar(1))).toEqual({
      ok: true,
      data: { ok: true },
    });
    await background.send({ kind: 'meet/call-seen', ...VALID['meet/call-seen'], others: [] }, realMeet(5));
    await settle();
    expect(tab1.posted).toEqual([
      { kind: 'panel/context', context: null },
      {
        kind: 'panel/context',
        context: expect.objectContaining({ surface: 'calendar', title: 'Alice / Bob' }),
      },
    ]);
    expect(tab2.posted).toEqual([{ kind: 'panel/context', context: null }]);
    for (const [i, port] of intruders.entries()) {
      expect(port.disconnect, `intruder ${i}`).toHaveBeenCalledTimes(1);
      expect(port.posted, `intruder ${i}`).toEqual([]);
    }
    // And asking: the framed panel of tab 1 with its token learns its event…
    expect(await background.send({ kind: 'panel/get-context', frameToken: t1 }, realPanel(1))).toMatchObject({
      ok: true,
      data: { context: { title: 'Alice / Bob' } },
    });
    // …while the framed panel of tab 2 learns nothing of tab 1, even naming it or presenting its token,
    // and a copy in tab 1 without the token learns nothing either.
    for (const [message, sender] of [
      [{ kind: 'panel/get-context', tabId: 1, frameToken: t2 }, realPanel(2)],
      [{ kind: 'panel/get-context', tabId: 1, frameToken: t1 }, realPanel(2)],
      [{ kind: 'panel/get-context', tabId: 1 }, realPanel(1)],
      [{ kind: 'panel/get-context' }, realPanel(1)],
    ] as const) {
      expect(await background.send(message, sender)).toEqual({ ok: true, data: { context: null } });
    }
  });
});

// 6 -------------------------------------------------------------------------------------------------------

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|html|js|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('6. No onMessageExternal; externally_connectable locked down', () => {
  // Also covered: tests/e2e/manifest.e2e.ts ("built manifest": externally_connectable of the Chrome build).
  // Here without a build: the sources, the manifest as wxt.config.ts declares it, and the running background.

  const SHIPPED = ['lib', 'entrypoints', 'components'];

  it('no shipped source listens to other extensions or web pages (onMessageExternal, onConnectExternal)', () => {
    const files = SHIPPED.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => /on(Message|Connect)External/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('no shipped source takes orders by window messages either (no "message" listeners, no onmessage)', () => {
    const offenders = SHIPPED.flatMap(sourceFiles).filter((file) =>
      /addEventListener\(\s*['"`]message['"`]|\.onmessage\s*=|\bonmessage\b/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it.each(['chrome', 'firefox'])(
    'the %s manifest admits no extension and no page, and exposes only the framed panel',
    async (browser) => {
      const config = wxtConfig as unknown as {
        manifest: (env: {
          browser: string;
          manifestVersion: number;
          mode: string;
          command: string;
        }) => Record<string, unknown>;
      };
      const manifest = await config.manifest({
        browser,
        manifestVersion: 3,
        mode: 'production',
        command: 'build',
      });
      expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
      // The side panel is not web-accessible, so no page can frame it (item 5's tab naming relies on it).
      expect(manifest.web_accessible_resources).toEqual([
        { resources: ['panel.html'], matches: [...GOOGLE_HOST_PATTERNS] },
      ]);
      expect(manifest.host_permissions).toEqual([...GOOGLE_HOST_PATTERNS]);
      expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
    },
  );

  it('externally_connectable is declared in wxt.config.ts only', () => {
    const files = [join(ROOT, 'wxt.config.ts'), ...SHIPPED.flatMap(sourceFiles)];
    const mentions = files.filter((file) => readFileSync(file, 'utf8').includes('externally_connectable'));
    expect(mentions.map((file) => relative(ROOT, file))).toEqual(['wxt.config.ts']);
  });

  it('the running background listens to our own contexts only', () => {
    const { listeners } = startRealBackground();
    // Besides messages and ports: browser events only (reminder alarms, clicks on its own notifications, the
    // browser's start, a Meet tab closed or gone to another page).
    expect([...listeners.keys()].sort()).toEqual([
      'alarms.onAlarm',
      'commands.onCommand',
      'notifications.onButtonClicked',
      'notifications.onClicked',
      'notifications.onClosed',
      'runtime.onConnect',
      'runtime.onMessage',
      'runtime.onStartup',
      'tabs.onRemoved',
      'tabs.onUpdated',
    ]);
    expect([...listeners.keys()].some((event) => /External/.test(event))).toBe(false);
  });
});
