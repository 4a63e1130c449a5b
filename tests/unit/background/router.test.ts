import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createRouter, type Handlers } from '@/lib/background/router';
import type { PanelContext } from '@/lib/messaging/protocol';
import type { RawSender } from '@/lib/messaging/senders';
import {
  backgroundHarness,
  type BackgroundHarness,
  type CalendarDataInit,
  calendarEvent,
  calendarSender,
  eventDetails,
  fixtureByTitle,
  fixtureEvent,
  linkCandidate,
  meetSender,
  panelSender,
  SELF,
} from '../helpers/background';
import { fixturesIndex } from '../helpers/fixtures';

const seen = (title: string) => fixtureEvent(title);

const ONE_ON_ONE_TITLES: Record<string, string> = {
  'Alice / Bob': 'one-on-one',
  '1:1 Alice <> Carol': 'one-on-one',
  'Bob & Alice 1-on-1': 'one-on-one',
  '2-1 with Carol': 'two-on-one',
  'Skip-level: Alice / Ivy': 'skip-level',
  'Peer 1:1 — Alice & Evan': 'peer',
  'Alice / Frank': 'one-on-one',
};

const seriesOf = (title: string) => seen(title).seriesId;

/** Two linked 1:1 series: Bob's with 4 open agreements, Frank's with none. */
const LINKED: CalendarDataInit = {
  people: { 'p-bob': ['bob.jones@acme.example'], 'p-frank': ['frank@acme.example'] },
  relationships: [
    { id: 'r-bob', kind: 'one-on-one', personIds: ['p-bob'], seriesIds: [seriesOf('Alice / Bob')] },
    { id: 'r-frank', kind: 'one-on-one', personIds: ['p-frank'], seriesIds: [seriesOf('Alice / Frank')] },
  ],
  openAgreements: { 'r-bob': 4 },
};
const COUNTS: Record<string, number> = { 'Alice / Bob': 4, 'Alice / Frank': 0 };

/** Panel frame tokens (what lib/content/panel-host.ts puts in the frame's URL hash). */
const TOKEN_1 = '0123456789abcdef0123456789abcdef';
const TOKEN_2 = 'fedcba9876543210fedcba9876543210';
const TOKEN_5 = '55555555555555555555555555555555';
const WRONG = 'deadbeefdeadbeefdeadbeefdeadbeef';

/** The tab's content script opened its panel frame with `token` (as panel-host.ts does before loading it). */
async function frameOpened(harness: BackgroundHarness, sender: RawSender, token: string) {
  expect(await harness.router({ kind: 'panel/frame-opened', token }, sender)).toEqual({
    ok: true,
    data: { ok: true },
  });
}

/** What a panel page asking panel/get-context is told (or the refusal). */
async function contextFor(harness: BackgroundHarness, sender: RawSender, frameToken?: string) {
  const reply = await harness.router(
    frameToken === undefined ? { kind: 'panel/get-context' } : { kind: 'panel/get-context', frameToken },
    sender,
  );
  return reply.ok ? (reply.data as { context: PanelContext | null }).context : reply;
}

function expectNoSideEffects(harness: BackgroundHarness) {
  expect(harness.area.set).not.toHaveBeenCalled();
  expect(harness.area.remove).not.toHaveBeenCalled();
  expect(harness.area.items.size).toBe(0);
  expect(harness.pushContext).not.toHaveBeenCalled();
  expect(harness.calendar.settings).not.toHaveBeenCalled();
  expect(harness.calendar.linkedToSeries).not.toHaveBeenCalled();
  expect(harness.calendar.withPeopleEmails).not.toHaveBeenCalled();
  expect(harness.calendar.openAgreementCounts).not.toHaveBeenCalled();
  expect(harness.calendarTabSeen).not.toHaveBeenCalled();
  expect(harness.refreshBadges).not.toHaveBeenCalled();
  expect(harness.linkMeetCode).not.toHaveBeenCalled();
}

describe('router: calendar/classify-events', () => {
  it('badges exactly the 1:1 titles of the week, with openAgreements from the database', async () => {
    const harness = backgroundHarness(LINKED);
    const events = [
      ...fixturesIndex.events.map((event) => calendarEvent({ dataEventId: event.data_eventid })),
      calendarEvent({ dataEventId: fixturesIndex.all_day.data_eventid }),
    ];

    const reply = await harness.router({ kind: 'calendar/classify-events', events }, calendarSender(1));

    expect(reply.ok).toBe(true);
    const badges = (reply as { ok: true; data: { badges: unknown[] } }).data.badges;
    expect(badges).toEqual(
      Object.entries(ONE_ON_ONE_TITLES).map(([title, kind]) => ({
        dataEventId: fixtureByTitle(title).data_eventid,
        kind,
        // A linked series is confirmed; the others are known by their title only.
        confidence: title in COUNTS ? 'confirmed' : 'likely',
        openAgreements: COUNTS[title] ?? 0,
      })),
    );
    // One lookup per batch: series by series id, counts only for the linked 1:1s.
    expect(harness.calendar.linkedToSeries).toHaveBeenCalledTimes(1);
    expect(harness.calendar.linkedToSeries.mock.calls[0]![0]).toEqual([
      ...new Set(events.map((e) => e.seriesId)),
    ]);
    expect(harness.calendar.openAgreementCounts).toHaveBeenCalledTimes(1);
    expect(harness.calendar.openAgreementCounts.mock.calls[0]![0]).toEqual(['r-bob', 'r-frank']);
    expect(harness.calendarTabSeen).toHaveBeenCalledWith(1);
    expect(harness.area.set).not.toHaveBeenCalled();
    expect(harness.pushContext).not.toHaveBeenCalled();
  });

  it('never badges an all-day event or one I declined, whatever its title', async () => {
    const harness = backgroundHarness(LINKED);
    const reply = await harness.router(
      {
        kind: 'calendar/classify-events',
        events: [
          calendarEvent({ dataEventId: fixturesIndex.all_day.data_eventid, title: '1:1 prep with Bob' }),
          { ...seen('Alice / Bob'), response: 'declined' },
          { ...seen('Vendor demo'), title: 'Alice / Frank' },
        ],
      },
      calendarSender(1),
    );
    expect(reply).toEqual({ ok: true, data: { badges: [] } });
  });

  it('is refused from Meet and from extension pages', async () => {
    const harness = backgroundHarness();
    const message = { kind: 'calendar/classify-events', events: [seen('Alice / Bob')] };
    expect(await harness.router(message, meetSender(1))).toEqual({ ok: false, error: 'message:not-allowed' });
    expect(await harness.router(message, panelSender(1))).toEqual({
      ok: false,
      error: 'message:not-allowed',
    });
    expectNoSideEffects(harness);
  });
});

describe('router: calendar/event-details', () => {
  it('is accepted from Calendar and makes the next verdict for that event confirmed', async () => {
    const harness = backgroundHarness();
    const classify = async () =>
      (await harness.router(
        { kind: 'calendar/classify-events', events: [seen('Alice / Bob')] },
        calendarSender(1),
      )) as { ok: true; data: { badges: Array<{ confidence: string }> } };
    expect((await classify()).data.badges[0]?.confidence).toBe('likely');
    expect(
      await harness.router({ kind: 'calendar/event-details', details: eventDetails() }, calendarSender(1)),
    ).toEqual({ ok: true, data: { badge: null } });
    expect((await classify()).data.badges[0]?.confidence).toBe('confirmed');
  });

  it('is refused from Meet and from extension pages, and remembers nothing', async () => {
    const harness = backgroundHarness();
    const message = { kind: 'calendar/event-details', details: eventDetails() };
    for (const sender of [meetSender(1), panelSender(1), panelSender(undefined)]) {
      expect(await harness.router(message, sender)).toEqual({ ok: false, error: 'message:not-allowed' });
    }
    expect(harness.details.get(fixturesIndex.popover.data_eventid)).toBeUndefined();
    expectNoSideEffects(harness);
  });

  it('refuses a popover with an extra field or a malformed guest', async () => {
    const harness = backgroundHarness();
    const bad = [
      { ...eventDetails(), notes: 'secret' },
      eventDetails({ guests: [{ ...eventDetails().guests![0]!, kind: 'robot' as 'person' }] }),
    ];
    for (const details of bad) {
      expect(await harness.router({ kind: 'calendar/event-details', details }, calendarSender(1))).toEqual({
        ok: false,
        error: 'message:invalid',
      });
    }
    expect(harness.details.get(fixturesIndex.popover.data_eventid)).toBeUndefined();
  });
});

describe('router: calendar/select-event and panel/get-context', () => {
  it('stores the event for the sender’s tab and pushes it to that tab’s panels', async () => {
    const harness = backgroundHarness();
    const reply = await harness.router(
      { kind: 'calendar/select-event', event: seen('Alice / Bob') },
      calendarSender(4),
    );

    const expected: PanelContext = {
      surface: 'calendar',
      dataEventId: fixtureByTitle('Alice / Bob').data_eventid,
      eventKey: '9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z',
      seriesKey: '9q7kdlrmoh7cfue81kf5u8fmkk',
      title: 'Alice / Bob',
      day: '2026-03-23',
      start: '10:00',
      startsAt: new Date(2026, 2, 23, 10, 0).getTime(),
      recurring: true,
      detection: {
        kind: 'one-on-one',
        confidence: 'likely',
        // The names in the title (guests unknown): not pinned here, see calendar.test.ts.
        counterparts: expect.any(Array),
        trackable: null,
        relationshipId: null,
      },
      guests: null,
      meetCode: null,
    };
    expect(reply).toEqual({ ok: true, data: { ok: true } });
    expect([...harness.area.items.keys()]).toEqual(['tab-context:4']);
    expect(harness.area.items.get('tab-context:4')).toEqual(expected);
    expect(harness.pushContext).toHaveBeenCalledTimes(1);
    expect(harness.pushContext).toHaveBeenCalledWith(4, expected);
  });

  it('gives each panel only its own tab’s context', async () => {
    const harness = backgroundHarness();
    await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Bob') }, calendarSender(1));
    await harness.router(
      { kind: 'calendar/select-event', event: seen('1:1 Alice <> Carol') },
      calendarSender(2),
    );
    await frameOpened(harness, calendarSender(1), TOKEN_1);
    await frameOpened(harness, calendarSender(2), TOKEN_2);
    const ask = (sender: RawSender, token?: string) => contextFor(harness, sender, token);

    expect(await ask(panelSender(1), TOKEN_1)).toMatchObject({ surface: 'calendar', title: 'Alice / Bob' });
    expect(await ask(panelSender(2), TOKEN_2)).toMatchObject({
      surface: 'calendar',
      title: '1:1 Alice <> Carol',
    });
    // No token (a copy of panel.html the page framed itself), a wrong one, another tab's: nothing.
    for (const token of [undefined, WRONG, TOKEN_2]) expect(await ask(panelSender(1), token)).toBeNull();
    for (const token of [undefined, WRONG, TOKEN_1]) expect(await ask(panelSender(2), token)).toBeNull();
    // A tab that opened no frame, whatever it presents.
    for (const token of [undefined, TOKEN_1, TOKEN_2]) expect(await ask(panelSender(3), token)).toBeNull();
    // The popup (no tab) learns nothing, even though contexts exist and it knows a token.
    for (const token of [undefined, TOKEN_1]) expect(await ask(panelSender(undefined), token)).toBeNull();
  });

  it('a framed panel naming another tab learns only about its own', async () => {
    const harness = backgroundHarness();
    await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Bob') }, calendarSender(1));
    await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Frank') }, calendarSender(2));
    await frameOpened(harness, calendarSender(1), TOKEN_1);
    await frameOpened(harness, calendarSender(2), TOKEN_2);
    const ask = (frameToken?: string) =>
      harness.router(
        frameToken === undefined
          ? { kind: 'panel/get-context', tabId: 2 }
          : { kind: 'panel/get-context', tabId: 2, frameToken },
        panelSender(1),
      );
    expect(await ask(TOKEN_1)).toMatchObject({ ok: true, data: { context: { title: 'Alice / Bob' } } });
    for (const token of [undefined, TOKEN_2]) {
      expect(await ask(token)).toEqual({ ok: true, data: { context: null } });
    }
  });

  it('only the frame the tab’s content script opened last is told: a newer frame replaces the token', async () => {
    const harness = backgroundHarness();
    await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Bob') }, calendarSender(1));
    await frameOpened(harness, calendarSender(1), TOKEN_1);
    await frameOpened(harness, calendarSender(1), TOKEN_5);
    expect(await contextFor(harness, panelSender(1), TOKEN_1)).toBeNull();
    expect(await contextFor(harness, panelSender(1), TOKEN_5)).toMatchObject({ title: 'Alice / Bob' });
  });

  it('replaces a tab’s context when another event is selected there', async () => {
    const harness = backgroundHarness();
    await frameOpened(harness, calendarSender(1), TOKEN_1);
    await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Bob') }, calendarSender(1));
    await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Frank') }, calendarSender(1));
    const reply = await harness.router({ kind: 'panel/get-context', frameToken: TOKEN_1 }, panelSender(1));
    expect(reply).toMatchObject({ ok: true, data: { context: { title: 'Alice / Frank' } } });
    expect(harness.pushContext).toHaveBeenCalledTimes(2);
    expect(await contextFor(harness, panelSender(1))).toBeNull();
  });

  it('refuses panel/get-context from content scripts', async () => {
    const harness = backgroundHarness();
    await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Bob') }, calendarSender(1));
    harness.area.get.mockClear();

    for (const sender of [calendarSender(1), meetSender(1)]) {
      expect(await harness.router({ kind: 'panel/get-context' }, sender)).toEqual({
        ok: false,
        error: 'message:not-allowed',
      });
    }
    expect(harness.area.get).not.toHaveBeenCalled();
  });

  it('refuses select-event from a panel or Meet, so only Calendar can set what a panel shows', async () => {
    const harness = backgroundHarness();
    const message = { kind: 'calendar/select-event', event: seen('Alice / Bob') };
    expect(await harness.router(message, panelSender(1))).toEqual({
      ok: false,
      error: 'message:not-allowed',
    });
    expect(await harness.router(message, meetSender(1))).toEqual({ ok: false, error: 'message:not-allowed' });
    expectNoSideEffects(harness);
  });
});

describe('router: panel/frame-opened', () => {
  it('from Calendar or Meet stores the token for the sender’s tab, and pushes nothing', async () => {
    const harness = backgroundHarness();
    await frameOpened(harness, calendarSender(3), TOKEN_1);
    await frameOpened(harness, meetSender(4), TOKEN_2);
    expect(Object.fromEntries(harness.area.items)).toEqual({
      'tab-frame:3': TOKEN_1,
      'tab-frame:4': TOKEN_2,
    });
    expect(harness.pushContext).not.toHaveBeenCalled();
  });

  it('is refused from extension pages: a framed page cannot vouch for itself', async () => {
    const harness = backgroundHarness();
    await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Bob') }, calendarSender(1));
    harness.area.set.mockClear();
    const message = { kind: 'panel/frame-opened', token: TOKEN_1 };
    const sidePanel: RawSender = { id: SELF.id, url: `${SELF.baseUrl}sidepanel.html` };
    for (const sender of [panelSender(1), panelSender(undefined), sidePanel]) {
      expect(await harness.router(message, sender)).toEqual({ ok: false, error: 'message:not-allowed' });
    }
    expect(harness.area.set).not.toHaveBeenCalled();
    expect(await harness.tabContexts.frameToken(1)).toBeNull();
    expect(await contextFor(harness, panelSender(1), TOKEN_1)).toBeNull();
  });

  it('is refused from a subframe or another extension', async () => {
    const harness = backgroundHarness();
    const message = { kind: 'panel/frame-opened', token: TOKEN_1 };
    expect(await harness.router(message, { ...calendarSender(1), frameId: 4 })).toEqual({
      ok: false,
      error: 'sender:subframe',
    });
    expect(await harness.router(message, { ...meetSender(1), id: 'evil' })).toEqual({
      ok: false,
      error: 'sender:foreign-extension',
    });
    expectNoSideEffects(harness);
  });

  it.each<[string, unknown]>([
    ['upper case', TOKEN_1.toUpperCase()],
    ['31 characters', TOKEN_1.slice(1)],
    ['33 characters', `${TOKEN_1}0`],
    ['not hex', 'g'.repeat(32)],
    ['empty', ''],
    ['a number', 1234],
    ['null', null],
  ])('refuses a token that is %s, storing nothing', async (_label, token) => {
    const harness = backgroundHarness();
    expect(await harness.router({ kind: 'panel/frame-opened', token }, calendarSender(1))).toEqual({
      ok: false,
      error: 'message:invalid',
    });
    // Nor may a panel present such a token.
    expect(await harness.router({ kind: 'panel/get-context', frameToken: token }, panelSender(1))).toEqual({
      ok: false,
      error: 'message:invalid',
    });
    expectNoSideEffects(harness);
  });

  it('refuses a missing token, and a tab named in the message (the tab is the sender’s, from the browser)', async () => {
    const harness = backgroundHarness();
    for (const message of [
      { kind: 'panel/frame-opened' },
      { kind: 'panel/frame-opened', token: TOKEN_1, tabId: 2 },
    ]) {
      expect(await harness.router(message, calendarSender(1))).toEqual({
        ok: false,
        error: 'message:invalid',
      });
    }
    expectNoSideEffects(harness);
  });
});

describe('router: panel/data-changed', () => {
  it('from a panel (or the popup) refreshes the badges', async () => {
    const harness = backgroundHarness();
    expect(await harness.router({ kind: 'panel/data-changed' }, panelSender(1))).toEqual({
      ok: true,
      data: { ok: true },
    });
    expect(await harness.router({ kind: 'panel/data-changed' }, panelSender(undefined))).toEqual({
      ok: true,
      data: { ok: true },
    });
    expect(harness.refreshBadges).toHaveBeenCalledTimes(2);
  });

  it('is refused from content scripts, which cannot make every tab rescan', async () => {
    const harness = backgroundHarness();
    for (const sender of [calendarSender(1), meetSender(1)]) {
      expect(await harness.router({ kind: 'panel/data-changed' }, sender)).toEqual({
        ok: false,
        error: 'message:not-allowed',
      });
    }
    expectNoSideEffects(harness);
  });

  it('refuses an extra field', async () => {
    const harness = backgroundHarness();
    expect(await harness.router({ kind: 'panel/data-changed', tabId: 3 }, panelSender(1))).toEqual({
      ok: false,
      error: 'message:invalid',
    });
    expectNoSideEffects(harness);
  });
});

describe('router: meet/call-seen', () => {
  it('stores the call for the Meet tab, links it and pushes it', async () => {
    const harness = backgroundHarness(
      {},
      { meet: { candidates: [linkCandidate('r-bob', ['Bob Jones'], { meetCodes: ['abc-defg-hij'] })] } },
    );
    const message = {
      kind: 'meet/call-seen',
      meetingCode: 'abc-defg-hij',
      title: 'Alice / Bob',
      state: 'in-call',
      presenting: false,
      others: ['Bob Jones'],
    };
    expect(await harness.router(message, meetSender(5))).toEqual({ ok: true, data: { show: 'open' } });
    const context = {
      surface: 'meet',
      meetingCode: 'abc-defg-hij',
      title: 'Alice / Bob',
      state: 'in-call',
      presenting: false,
      others: ['Bob Jones'],
      link: { relationshipId: 'r-bob', via: 'meet-code', seen: true },
      trackable: null,
    };
    expect(harness.pushContext).toHaveBeenCalledWith(5, context);
    await frameOpened(harness, meetSender(5), TOKEN_5);
    expect(await harness.router({ kind: 'panel/get-context', frameToken: TOKEN_5 }, panelSender(5))).toEqual({
      ok: true,
      data: { context },
    });
    for (const token of [undefined, WRONG])
      expect(await contextFor(harness, panelSender(5), token)).toBeNull();
  });

  it('is refused from Calendar', async () => {
    const harness = backgroundHarness();
    const message = {
      kind: 'meet/call-seen',
      meetingCode: 'abc-defg-hij',
      title: '',
      state: 'ended',
      presenting: false,
      others: [],
    };
    expect(await harness.router(message, calendarSender(5))).toEqual({
      ok: false,
      error: 'message:not-allowed',
    });
    expectNoSideEffects(harness);
  });
});

describe('router: refusals have no side effect', () => {
  const big = 'x'.repeat(300 * 1024);
  const cyclic: Record<string, unknown> = { kind: 'calendar/select-event' };
  cyclic.event = cyclic;
  const { eventId: _eventId, seriesId: _seriesId, ...undecoded } = seen('Alice / Bob');

  it.each<[string, unknown, string]>([
    ['not an object', 'calendar/select-event', 'message:not-an-object'],
    ['null', null, 'message:not-an-object'],
    ['unknown kind', { kind: 'notes/export' }, 'message:invalid'],
    [
      'extra field',
      { kind: 'calendar/select-event', event: seen('Alice / Bob'), tabId: 2 },
      'message:invalid',
    ],
    [
      'wrong type',
      { kind: 'calendar/select-event', event: { ...seen('Alice / Bob'), dataEventId: 5 } },
      'message:invalid',
    ],
    // The content script decodes ids (tasks and birthdays never get this far); an event without them is junk.
    [
      'an event without its decoded ids',
      { kind: 'calendar/select-event', event: undecoded },
      'message:invalid',
    ],
    [
      'an event with a bad day',
      { kind: 'calendar/select-event', event: { ...seen('Alice / Bob'), day: '23/03/2026' } },
      'message:invalid',
    ],
    [
      '__proto__ key',
      JSON.parse(
        `{"kind":"calendar/select-event","event":${JSON.stringify(seen('Alice / Bob'))},"__proto__":{"tabId":2}}`,
      ),
      'message:invalid',
    ],
    [
      'oversized',
      { kind: 'calendar/select-event', event: { ...seen('Alice / Bob'), title: big } },
      'message:too-large',
    ],
    ['cyclic', cyclic, 'message:too-large'],
  ])('%s → %s', async (_label, message, error) => {
    const harness = backgroundHarness();
    expect(await harness.router(message, calendarSender(1))).toEqual({ ok: false, error });
    expectNoSideEffects(harness);
  });

  it.each<[string, RawSender, string]>([
    ['another extension', { ...calendarSender(1), id: 'evil' }, 'sender:foreign-extension'],
    ['no url', { ...calendarSender(1), url: undefined }, 'sender:no-url'],
    ['no tab', { ...calendarSender(1), tab: undefined }, 'sender:no-tab'],
    ['a subframe', { ...calendarSender(1), frameId: 5 }, 'sender:subframe'],
    [
      'a look-alike host',
      {
        ...calendarSender(1),
        url: 'https://calendar.google.com.evil.test/',
        origin: 'https://calendar.google.com.evil.test',
      },
      'sender:foreign-origin',
    ],
  ])('a valid select-event from %s → %s', async (_label, sender, error) => {
    const harness = backgroundHarness();
    const reply = await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Bob') }, sender);
    expect(reply).toEqual({ ok: false, error });
    expectNoSideEffects(harness);
  });

  it('classifies the sender before looking at the message', async () => {
    const harness = backgroundHarness();
    expect(await harness.router(null, { id: 'evil' })).toEqual({
      ok: false,
      error: 'sender:foreign-extension',
    });
  });

  it('tells a Calendar handler which signed-in account the page is for (from the browser-supplied URL)', async () => {
    const contexts: unknown[] = [];
    const handlers = createHandlers(backgroundHarness().deps);
    const spy: Handlers = {
      ...handlers,
      'calendar/classify-events': async (request, context) => {
        contexts.push(context);
        return handlers['calendar/classify-events'](request, context);
      },
    };
    const router = createRouter(spy, () => SELF);
    const second = { ...calendarSender(7), url: 'https://calendar.google.com/calendar/u/2/r/week' };
    await router({ kind: 'calendar/classify-events', events: [] }, second);
    await router({ kind: 'calendar/classify-events', events: [] }, calendarSender(7));
    await router(
      { kind: 'calendar/classify-events', events: [] },
      { ...calendarSender(7), url: 'https://calendar.google.com/calendar/r' },
    );
    expect(contexts.map((c) => (c as { account: number | null }).account)).toEqual([2, 0, null]);
  });

  it('asks for its own identity on every message (the id is read, not cached)', async () => {
    const handlers = createHandlers(backgroundHarness().deps);
    const self = vi.fn(() => SELF);
    const router = createRouter(handlers, self);
    await router({ kind: 'panel/get-context' }, panelSender(undefined));
    await router({ kind: 'panel/get-context' }, panelSender(undefined));
    expect(self).toHaveBeenCalledTimes(2);
  });
});

describe('router: failing handlers', () => {
  const CANARY = 'CANARY-7f3a9 Bob is worried about layoffs';

  function allArgsText(spy: { mock: { calls: unknown[][] } }): string {
    return spy.mock.calls
      .flat()
      .map((arg) => (arg instanceof Error ? `${arg.name} ${arg.message} ${arg.stack ?? ''}` : String(arg)))
      .join('\n');
  }

  it('answers handler-failed and logs no payload text when a dependency throws', async () => {
    const errorSpy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const harness = backgroundHarness();
    harness.calendar.linkedToSeries.mockRejectedValue(new Error(`lookup failed for ${CANARY}`));
    const reply = await harness.router(
      {
        kind: 'calendar/classify-events',
        events: [{ ...seen('Alice / Bob'), title: `Alice / Bob ${CANARY}` }],
      },
      calendarSender(1),
    );
    expect(reply).toEqual({ ok: false, error: 'handler-failed' });
    expect(JSON.stringify(reply)).not.toContain('CANARY');
    expect(errorSpy).toHaveBeenCalledTimes(1);
    expect(errorSpy.mock.calls[0]).toEqual([
      'Duet: a message handler failed',
      'calendar/classify-events',
      'Error',
    ]);
    expect(allArgsText(errorSpy)).not.toContain('CANARY');
  });

  it('answers handler-failed for select-event when the settings cannot be read, with nothing stored', async () => {
    const errorSpy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const harness = backgroundHarness();
    harness.calendar.settings.mockRejectedValue(new Error(CANARY));
    const reply = await harness.router(
      { kind: 'calendar/select-event', event: { ...seen('Alice / Bob'), title: CANARY } },
      calendarSender(1),
    );
    expect(reply).toEqual({ ok: false, error: 'handler-failed' });
    expect(harness.area.items.size).toBe(0);
    expect(harness.pushContext).not.toHaveBeenCalled();
    expect(allArgsText(errorSpy)).not.toContain('CANARY');
  });

  it('logs only the error class name, even for errors that carry the payload', async () => {
    const errorSpy = vi.spyOn(console, 'error').mockImplementation(() => {});
    class PayloadError extends Error {
      override name = 'PayloadError';
      payload = CANARY;
    }
    const throwing: Handlers = {
      ...backgroundHarness().handlers,
      'meet/call-seen': async (request) => {
        throw new PayloadError(`bad call ${request.title}`);
      },
      'panel/get-context': async () => {
        // A non-Error throw value must not be logged either.
        throw CANARY;
      },
    };
    const router = createRouter(throwing, () => SELF);

    const meetReply = await router(
      {
        kind: 'meet/call-seen',
        meetingCode: 'abc-defg-hij',
        title: CANARY,
        state: 'prejoin',
        presenting: false,
        others: [],
      },
      meetSender(2),
    );
    const panelReply = await router({ kind: 'panel/get-context' }, panelSender(2));

    expect(meetReply).toEqual({ ok: false, error: 'handler-failed' });
    expect(panelReply).toEqual({ ok: false, error: 'handler-failed' });
    expect(errorSpy.mock.calls).toEqual([
      ['Duet: a message handler failed', 'meet/call-seen', 'PayloadError'],
      ['Duet: a message handler failed', 'panel/get-context', 'error'],
    ]);
    expect(allArgsText(errorSpy)).not.toContain('CANARY');
  });
});
