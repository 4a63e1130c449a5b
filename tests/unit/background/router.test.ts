import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createRouter, type Handlers } from '@/lib/background/router';
import type { Envelope, PanelContext } from '@/lib/messaging/protocol';
import type { RawSender } from '@/lib/messaging/senders';
import { backgroundHarness, calendarSender, meetSender, panelSender, SELF } from '../helpers/background';
import { fixturesIndex } from '../helpers/fixtures';

const byTitle = (title: string) => {
  const event = fixturesIndex.events.find((e) => e.title === title);
  if (!event) throw new Error(`no fixture event ${title}`);
  return event;
};

const seen = (title: string) => ({ dataEventId: byTitle(title).data_eventid, title });

const ONE_ON_ONE_TITLES: Record<string, string> = {
  'Alice / Bob': 'one-on-one',
  '1:1 Alice <> Carol': 'one-on-one',
  'Bob & Alice 1-on-1': 'one-on-one',
  '2-1 with Carol': 'two-on-one',
  'Skip-level: Alice / Ivy': 'skip-level',
  'Peer 1:1 — Alice & Evan': 'peer',
  'Alice / Frank': 'one-on-one',
};

function expectNoSideEffects(harness: ReturnType<typeof backgroundHarness>) {
  expect(harness.area.set).not.toHaveBeenCalled();
  expect(harness.area.remove).not.toHaveBeenCalled();
  expect(harness.area.items.size).toBe(0);
  expect(harness.pushContext).not.toHaveBeenCalled();
  expect(harness.eventKeysWithNotes).not.toHaveBeenCalled();
}

describe('router: calendar/classify-events', () => {
  it('badges exactly the 1:1 titles of the week, with hasNotes from the database', async () => {
    const withNotes = [byTitle('Alice / Bob').decoded_event_id, byTitle('Alice / Frank').decoded_event_id];
    const harness = backgroundHarness(withNotes);
    const events = [
      ...fixturesIndex.events.map((event) => ({ dataEventId: event.data_eventid, title: event.title })),
      { dataEventId: fixturesIndex.all_day.data_eventid, title: fixturesIndex.all_day.title },
      { dataEventId: fixturesIndex.task.data_eventid, title: fixturesIndex.task.title },
    ];

    const reply = await harness.router({ kind: 'calendar/classify-events', events }, calendarSender(1));

    expect(reply.ok).toBe(true);
    const badges = (reply as { ok: true; data: { badges: unknown[] } }).data.badges;
    expect(badges).toEqual(
      Object.entries(ONE_ON_ONE_TITLES).map(([title, kind]) => ({
        dataEventId: byTitle(title).data_eventid,
        kind,
        confidence: 'likely',
        hasNotes: withNotes.includes(byTitle(title).decoded_event_id),
      })),
    );
    // Only the candidates' decoded ids are looked up: no lookups for standups, lunches or tasks.
    expect(harness.eventKeysWithNotes).toHaveBeenCalledTimes(1);
    expect(harness.eventKeysWithNotes.mock.calls[0]![0]).toEqual(
      Object.keys(ONE_ON_ONE_TITLES).map((title) => byTitle(title).decoded_event_id),
    );
    expect(harness.area.set).not.toHaveBeenCalled();
    expect(harness.pushContext).not.toHaveBeenCalled();
  });

  it('never badges a task or an undecodable id, whatever its title', async () => {
    const harness = backgroundHarness();
    const reply = await harness.router(
      {
        kind: 'calendar/classify-events',
        events: [
          { dataEventId: fixturesIndex.task.data_eventid, title: '1:1 prep with Bob' },
          { dataEventId: 'bday_YWxpY2U', title: 'Alice / Bob' },
          { dataEventId: 'bm90LWEtdmFsaWQtaWQ', title: 'Alice / Bob' },
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

describe('router: calendar/select-event and panel/get-context', () => {
  it('stores the event for the sender’s tab and pushes it to that tab’s panels', async () => {
    const harness = backgroundHarness();
    const reply = await harness.router(
      { kind: 'calendar/select-event', event: seen('Alice / Bob') },
      calendarSender(4),
    );

    const expected: PanelContext = {
      surface: 'calendar',
      dataEventId: byTitle('Alice / Bob').data_eventid,
      eventKey: '9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z',
      seriesKey: '9q7kdlrmoh7cfue81kf5u8fmkk',
      title: 'Alice / Bob',
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

    const ask = (sender: RawSender) => harness.router({ kind: 'panel/get-context' }, sender);
    const contextOf = (reply: Envelope<unknown>) =>
      reply.ok ? (reply.data as { context: PanelContext | null }).context : reply;

    const tab1 = contextOf(await ask(panelSender(1)));
    const tab2 = contextOf(await ask(panelSender(2)));
    expect(tab1).toMatchObject({ surface: 'calendar', title: 'Alice / Bob' });
    expect(tab2).toMatchObject({ surface: 'calendar', title: '1:1 Alice <> Carol' });
    expect(contextOf(await ask(panelSender(3)))).toBeNull();
    // The popup (no tab) learns nothing, even though contexts exist.
    expect(contextOf(await ask(panelSender(undefined)))).toBeNull();
  });

  it('replaces a tab’s context when another event is selected there', async () => {
    const harness = backgroundHarness();
    await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Bob') }, calendarSender(1));
    await harness.router({ kind: 'calendar/select-event', event: seen('Alice / Frank') }, calendarSender(1));
    const reply = await harness.router({ kind: 'panel/get-context' }, panelSender(1));
    expect(reply).toMatchObject({ ok: true, data: { context: { title: 'Alice / Frank' } } });
    expect(harness.pushContext).toHaveBeenCalledTimes(2);
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

describe('router: meet/call-seen', () => {
  it('stores the call for the Meet tab and pushes it', async () => {
    const harness = backgroundHarness();
    const message = {
      kind: 'meet/call-seen',
      meetingCode: 'abc-defg-hij',
      title: 'Alice / Bob',
      state: 'in-call',
    };
    expect(await harness.router(message, meetSender(5))).toEqual({ ok: true, data: { ok: true } });
    const context = { surface: 'meet', meetingCode: 'abc-defg-hij', title: 'Alice / Bob', state: 'in-call' };
    expect(harness.pushContext).toHaveBeenCalledWith(5, context);
    expect(await harness.router({ kind: 'panel/get-context' }, panelSender(5))).toEqual({
      ok: true,
      data: { context },
    });
  });

  it('is refused from Calendar', async () => {
    const harness = backgroundHarness();
    const message = { kind: 'meet/call-seen', meetingCode: 'abc-defg-hij', title: '', state: 'ended' };
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
      { kind: 'calendar/select-event', event: { dataEventId: 5, title: 'x' } },
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
      { kind: 'calendar/select-event', event: { dataEventId: 'abc', title: big } },
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
    harness.eventKeysWithNotes.mockRejectedValue(new Error(`lookup failed for ${CANARY}`));
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

  it('answers handler-failed for select-event on a task id, with nothing stored', async () => {
    const errorSpy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const harness = backgroundHarness();
    const reply = await harness.router(
      {
        kind: 'calendar/select-event',
        event: { dataEventId: fixturesIndex.task.data_eventid, title: CANARY },
      },
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
      { kind: 'meet/call-seen', meetingCode: 'abc-defg-hij', title: CANARY, state: 'prejoin' },
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
