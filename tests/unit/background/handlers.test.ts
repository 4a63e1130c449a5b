import { describe, expect, it, vi } from 'vitest';
import { DetailsCache, EVENT_DETAILS_KEY, type JudgedEvent } from '@/lib/background/calendar';
import { CalendarClocks } from '@/lib/background/calendar-clock';
import { createHandlers } from '@/lib/background/handlers';
import { MESSAGES, type PanelContext } from '@/lib/messaging/protocol';
import {
  ALICE,
  backgroundHarness,
  type CalendarDataInit,
  calendarEvent,
  eventDetails,
  fixtureEvent,
  guest,
  mapSessionArea,
} from '../helpers/background';
import { encodeEventId, fixturesIndex } from '../helpers/fixtures';
import { restoreTimeZoneAfterEach } from '../helpers/time-zone';

restoreTimeZoneAfterEach();

const calendarCtx = (tabId: number | null) => ({ sender: 'calendar-content' as const, tabId });
const pageCtx = (tabId: number | null, page: string | null = 'panel.html') => ({
  sender: 'extension-page' as const,
  tabId,
  page,
});
const meetCtx = (tabId: number | null) => ({ sender: 'meet-content' as const, tabId });

const ALICE_BOB_SERIES = '9q7kdlrmoh7cfue81kf5u8fmkk';
const BOB = { email: 'bob.jones@acme.example', name: 'Bob Jones' };

/** Bob's 1:1, linked to the fixture "Alice / Bob" series, with 2 open agreements. */
const BOB_LINKED: CalendarDataInit = {
  people: { 'p-bob': ['bob.jones@acme.example'] },
  relationships: [{ id: 'r-bob', kind: 'one-on-one', personIds: ['p-bob'], seriesIds: [ALICE_BOB_SERIES] }],
  openAgreements: { 'r-bob': 2 },
};

const classify = (harness: ReturnType<typeof backgroundHarness>, events = [fixtureEvent('Alice / Bob')]) =>
  harness.handlers['calendar/classify-events']({ kind: 'calendar/classify-events', events }, calendarCtx(1));

describe('createHandlers: calendar/classify-events', () => {
  it('answers a response that matches the protocol’s response schema', async () => {
    const { handlers } = backgroundHarness(BOB_LINKED);
    const events = fixturesIndex.events.map((e) => calendarEvent({ dataEventId: e.data_eventid }));
    const response = await handlers['calendar/classify-events'](
      { kind: 'calendar/classify-events', events },
      calendarCtx(1),
    );
    expect(MESSAGES['calendar/classify-events'].response.safeParse(response).success).toBe(true);
    expect(response.badges.filter((b) => b.openAgreements > 0)).toEqual([
      {
        dataEventId: fixturesIndex.events[1]!.data_eventid,
        kind: 'one-on-one',
        confidence: 'confirmed',
        openAgreements: 2,
      },
    ]);
  });

  it('decides by the title the page shows now, not by the id', async () => {
    const harness = backgroundHarness();
    const renamed = await classify(harness, [fixtureEvent('Alice / Bob', { title: 'Lunch' })]);
    expect(renamed.badges).toEqual([]);
  });

  it('looks relationships up by series id, so every instance of a linked series shows its count', async () => {
    const harness = backgroundHarness(BOB_LINKED);
    const lastWeek = calendarEvent({
      dataEventId: encodeEventId(`${ALICE_BOB_SERIES}_20260316T170000Z alice@acme.example`),
      title: 'Alice / Bob',
    });
    const response = await classify(harness, [fixtureEvent('Alice / Bob'), lastWeek]);
    expect(harness.calendar.linkedToSeries).toHaveBeenCalledWith([ALICE_BOB_SERIES]);
    expect(harness.calendar.openAgreementCounts).toHaveBeenCalledTimes(1);
    expect(response.badges.map((b) => b.openAgreements)).toEqual([2, 2]);
  });

  it('shows no count for an unlinked series', async () => {
    const harness = backgroundHarness({ ...BOB_LINKED, relationships: [] });
    const response = await classify(harness);
    expect(response.badges[0]?.openAgreements).toBe(0);
  });

  it('handles an empty list', async () => {
    const harness = backgroundHarness();
    expect(await classify(harness, [])).toEqual({ badges: [] });
  });

  it('remembers the sender’s tab as a Calendar tab (for later badge refreshes)', async () => {
    const harness = backgroundHarness();
    await harness.handlers['calendar/classify-events'](
      { kind: 'calendar/classify-events', events: [] },
      calendarCtx(7),
    );
    expect(harness.calendarTabSeen).toHaveBeenCalledTimes(1);
    expect(harness.calendarTabSeen).toHaveBeenCalledWith(7);
    harness.calendarTabSeen.mockClear();
    await harness.handlers['calendar/classify-events'](
      { kind: 'calendar/classify-events', events: [] },
      calendarCtx(null),
    );
    expect(harness.calendarTabSeen).not.toHaveBeenCalled();
  });
});

describe('createHandlers: calendar/event-details', () => {
  it('stores the popover, so a following classify of the same event is confirmed', async () => {
    const harness = backgroundHarness();
    expect((await classify(harness)).badges[0]?.confidence).toBe('likely');

    const reply = await harness.handlers['calendar/event-details'](
      { kind: 'calendar/event-details', details: eventDetails() },
      calendarCtx(1),
    );
    expect(reply).toEqual({ badge: null });
    expect(MESSAGES['calendar/event-details'].response.safeParse(reply).success).toBe(true);
    expect(harness.details.get(fixturesIndex.popover.data_eventid)).toEqual(eventDetails());

    expect((await classify(harness)).badges).toEqual([
      {
        dataEventId: fixturesIndex.popover.data_eventid,
        kind: 'one-on-one',
        confidence: 'confirmed',
        openAgreements: 0,
      },
    ]);
  });

  it('a popover with three other people takes a 1:1 title’s badge away', async () => {
    const harness = backgroundHarness();
    const carol = fixtureEvent('1:1 Alice <> Carol');
    const crowd = ['bob', 'dan', 'erin'].map((n) => guest(`${n}@acme.example`, n));
    await harness.handlers['calendar/event-details'](
      {
        kind: 'calendar/event-details',
        details: eventDetails({
          dataEventId: carol.dataEventId,
          title: carol.title,
          guests: [ALICE, ...crowd],
        }),
      },
      calendarCtx(1),
    );
    expect((await classify(harness, [carol])).badges).toEqual([]);
  });

  it('touches no storage and pushes nothing', async () => {
    const harness = backgroundHarness();
    await harness.handlers['calendar/event-details'](
      { kind: 'calendar/event-details', details: eventDetails() },
      calendarCtx(1),
    );
    expect(harness.area.set).not.toHaveBeenCalled();
    expect(harness.pushContext).not.toHaveBeenCalled();
    expect(harness.linkMeetCode).not.toHaveBeenCalled();
  });
});

/** Bob's event opened in Duet from its popover in tab 4: its details (guests, Meet code), then the selection. */
async function openFromPopover(harness: ReturnType<typeof backgroundHarness>) {
  await harness.handlers['calendar/event-details'](
    { kind: 'calendar/event-details', details: eventDetails() },
    calendarCtx(4),
  );
  await harness.handlers['calendar/select-event'](
    { kind: 'calendar/select-event', event: fixtureEvent('Alice / Bob') },
    calendarCtx(4),
  );
}

describe('createHandlers: calendar/select-event', () => {
  it('refuses without a tab and stores nothing', async () => {
    const { handlers, area, pushContext } = backgroundHarness();
    await expect(
      handlers['calendar/select-event'](
        { kind: 'calendar/select-event', event: fixtureEvent('Alice / Bob') },
        calendarCtx(null),
      ),
    ).rejects.toThrow();
    expect(area.items.size).toBe(0);
    expect(pushContext).not.toHaveBeenCalled();
  });

  it('keys a single event by its own id for both event and series', async () => {
    const { handlers, tabContexts } = backgroundHarness();
    const single = fixtureEvent('Alice / Frank');
    await handlers['calendar/select-event']({ kind: 'calendar/select-event', event: single }, calendarCtx(3));
    expect(await tabContexts.get(3)).toMatchObject({
      surface: 'calendar',
      dataEventId: single.dataEventId,
      eventKey: 'p5cei7a8gavd6bsgqfs398fhj8',
      seriesKey: 'p5cei7a8gavd6bsgqfs398fhj8',
      title: 'Alice / Frank',
      day: '2026-03-27',
      start: '09:30',
      startsAt: new Date(2026, 2, 27, 9, 30).getTime(),
      recurring: false,
      detection: { kind: 'one-on-one', confidence: 'likely', trackable: null, relationshipId: null },
      guests: null,
      meetCode: null,
    });
  });

  it("reads the event's start in its account's Calendar time zone", async () => {
    // In Berlin; account 0's Calendar shows Los Angeles time (the fixture's chips: UTC−7 that week);
    // account 1 has shown nothing yet.
    process.env.TZ = 'Europe/Berlin';
    const clocks = new CalendarClocks(mapSessionArea());
    void clocks.learn(
      [
        {
          seriesId: 'bob',
          wall: new Date(2026, 2, 23, 10, 0).getTime(),
          instance: Date.UTC(2026, 2, 23, 17, 0),
        },
        {
          seriesId: 'eve',
          wall: new Date(2026, 2, 24, 14, 0).getTime(),
          instance: Date.UTC(2026, 2, 24, 21, 0),
        },
      ],
      0,
    ); // a click while the batch is being read waits for it
    const { handlers, tabContexts } = backgroundHarness({}, { clocks });
    const single = fixtureEvent('Alice / Frank'); // Friday 27 March, 9:30am
    const select = (tabId: number, account: number) =>
      handlers['calendar/select-event'](
        { kind: 'calendar/select-event', event: single },
        { ...calendarCtx(tabId), account },
      );
    await select(3, 0);
    expect(await tabContexts.get(3)).toMatchObject({
      start: '09:30',
      startsAt: Date.UTC(2026, 2, 27, 16, 30),
    });
    await select(4, 1);
    expect(await tabContexts.get(4)).toMatchObject({
      start: '09:30',
      startsAt: new Date(2026, 2, 27, 9, 30).getTime(),
    });
  });

  it('keys an all-day recurring instance by the part before _YYYYMMDD', async () => {
    const { handlers, tabContexts } = backgroundHarness();
    const event = calendarEvent({
      dataEventId: encodeEventId('offsite42_20260326 c_team@g'),
      title: 'Offsite',
      allDay: true,
      start: null,
      end: null,
    });
    await handlers['calendar/select-event']({ kind: 'calendar/select-event', event }, calendarCtx(3));
    expect(await tabContexts.get(3)).toMatchObject({
      eventKey: 'offsite42_20260326',
      seriesKey: 'offsite42',
      recurring: true,
      start: null,
      detection: { kind: null },
    });
  });

  it('stores and pushes a context with the detection and guests of a read popover', async () => {
    const harness = backgroundHarness();
    await harness.handlers['calendar/event-details'](
      { kind: 'calendar/event-details', details: eventDetails() },
      calendarCtx(4),
    );
    const reply = await harness.handlers['calendar/select-event'](
      { kind: 'calendar/select-event', event: fixtureEvent('Alice / Bob') },
      calendarCtx(4),
    );
    expect(reply).toEqual({ ok: true });
    const expected: PanelContext = {
      surface: 'calendar',
      dataEventId: fixturesIndex.popover.data_eventid,
      eventKey: '9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z',
      seriesKey: ALICE_BOB_SERIES,
      title: 'Alice / Bob',
      day: '2026-03-23',
      start: '10:00',
      startsAt: new Date(2026, 2, 23, 10, 0).getTime(),
      recurring: true,
      detection: {
        kind: 'one-on-one',
        confidence: 'confirmed',
        counterparts: [BOB],
        trackable: null,
        relationshipId: null,
      },
      guests: [BOB],
      meetCode: 'abc-defg-hij',
    };
    expect(await harness.tabContexts.get(4)).toEqual(expected);
    expect(harness.pushContext).toHaveBeenCalledTimes(1);
    expect(harness.pushContext).toHaveBeenCalledWith(4, expected);
    // No relationship yet: the Meet code has nothing to be linked to.
    expect(harness.linkMeetCode).not.toHaveBeenCalled();
  });

  it('offers the one other guest of a plain-titled event as trackable', async () => {
    const harness = backgroundHarness();
    const sync = fixtureEvent('Weekly sync');
    await harness.handlers['calendar/event-details'](
      {
        kind: 'calendar/event-details',
        details: eventDetails({ dataEventId: sync.dataEventId, title: sync.title, meetCode: null }),
      },
      calendarCtx(4),
    );
    await harness.handlers['calendar/select-event'](
      { kind: 'calendar/select-event', event: sync },
      calendarCtx(4),
    );
    expect(harness.pushContext.mock.calls[0]![1]).toMatchObject({
      detection: { kind: null, confidence: null, counterparts: [], trackable: BOB, relationshipId: null },
      guests: [BOB],
      meetCode: null,
    });
  });

  it('two events selected a moment apart in one tab: the panel ends on the one selected last', async () => {
    const harness = backgroundHarness(BOB_LINKED);
    await harness.handlers['calendar/event-details'](
      { kind: 'calendar/event-details', details: eventDetails() },
      calendarCtx(4),
    );
    // Remembering Bob's Meet code takes a while (a database write) for the first selection.
    let release: () => void = () => {};
    harness.linkMeetCode.mockImplementationOnce(() => new Promise<void>((resolve) => (release = resolve)));
    const first = harness.handlers['calendar/select-event'](
      { kind: 'calendar/select-event', event: fixtureEvent('Alice / Bob') },
      calendarCtx(4),
    );
    await vi.waitFor(() => expect(harness.linkMeetCode).toHaveBeenCalled());
    const second = harness.handlers['calendar/select-event'](
      { kind: 'calendar/select-event', event: fixtureEvent('Alice / Frank') },
      calendarCtx(4),
    );
    // The second one has every chance to finish first (it has no Meet code to remember).
    await new Promise((resolve) => setTimeout(resolve, 30));
    release();
    await Promise.all([first, second]);
    expect(await harness.tabContexts.get(4)).toMatchObject({ title: 'Alice / Frank' });
    expect(harness.pushContext.mock.calls.map(([, context]) => (context as { title: string }).title)).toEqual(
      ['Alice / Bob', 'Alice / Frank'],
    );
  });

  it('a guest’s own 1:1 on the series wins over an unnamed one linked to the same series', async () => {
    for (const order of [
      ['r-unnamed', 'r-bob'],
      ['r-bob', 'r-unnamed'],
    ]) {
      const relationships = order.map((id) =>
        id === 'r-bob'
          ? BOB_LINKED.relationships![0]!
          : { id, kind: 'one-on-one' as const, personIds: [], seriesIds: [ALICE_BOB_SERIES] },
      );
      const harness = backgroundHarness({ ...BOB_LINKED, relationships });
      await openFromPopover(harness);
      expect(harness.pushContext.mock.calls[0]![1]).toMatchObject({ detection: { relationshipId: 'r-bob' } });
    }
  });

  it('links the popover’s Meet code to the relationship when both are known', async () => {
    const harness = backgroundHarness(BOB_LINKED);
    await openFromPopover(harness);
    expect(harness.linkMeetCode).toHaveBeenCalledTimes(1);
    expect(harness.linkMeetCode).toHaveBeenCalledWith('r-bob', 'abc-defg-hij');
    expect(harness.pushContext.mock.calls[0]![1]).toMatchObject({
      detection: { relationshipId: 'r-bob', confidence: 'confirmed' },
      meetCode: 'abc-defg-hij',
    });
  });

  it('links no Meet code without a popover, or when the popover had none', async () => {
    const harness = backgroundHarness(BOB_LINKED);
    const event = fixtureEvent('Alice / Bob');
    await harness.handlers['calendar/select-event']({ kind: 'calendar/select-event', event }, calendarCtx(4));
    expect(harness.pushContext.mock.calls[0]![1]).toMatchObject({ detection: { relationshipId: 'r-bob' } });
    await harness.handlers['calendar/event-details'](
      { kind: 'calendar/event-details', details: eventDetails({ meetCode: null }) },
      calendarCtx(4),
    );
    await harness.handlers['calendar/select-event']({ kind: 'calendar/select-event', event }, calendarCtx(4));
    expect(harness.linkMeetCode).not.toHaveBeenCalled();
  });

  it('links no Meet code to a relationship the guests do not match', async () => {
    const harness = backgroundHarness(BOB_LINKED);
    await harness.handlers['calendar/event-details'](
      {
        kind: 'calendar/event-details',
        details: eventDetails({ guests: [ALICE, guest('carol@acme.example', 'Carol')] }),
      },
      calendarCtx(4),
    );
    await harness.handlers['calendar/select-event'](
      { kind: 'calendar/select-event', event: fixtureEvent('Alice / Bob') },
      calendarCtx(4),
    );
    expect(harness.linkMeetCode).not.toHaveBeenCalled();
  });
});

describe('the popover’s guests outlive a worker stopped while idle', () => {
  const carolInBobsSlot = eventDetails({ guests: [ALICE, guest('carol@acme.example', 'Carol')] });

  it('a woken worker still knows Carol took Bob’s slot: the panel and the badge are not Bob’s', async () => {
    const area = mapSessionArea();
    const first = backgroundHarness(BOB_LINKED, { details: new DetailsCache(500, area) });
    await first.handlers['calendar/event-details'](
      { kind: 'calendar/event-details', details: carolInBobsSlot },
      calendarCtx(4),
    );
    const before = await classify(first);
    // The worker stopped (~30 s idle, MV3) and a new one answers the next click: memory is gone, the
    // session area is not.
    const woken = backgroundHarness(BOB_LINKED, { details: new DetailsCache(500, area) });
    await woken.handlers['calendar/select-event'](
      { kind: 'calendar/select-event', event: fixtureEvent('Alice / Bob') },
      calendarCtx(4),
    );
    expect(woken.pushContext.mock.calls[0]![1]).toMatchObject({ detection: { relationshipId: null } });
    expect(await classify(woken)).toEqual(before);
    expect((await classify(woken)).badges.every((badge) => badge.openAgreements === 0)).toBe(true);
  });

  it('a large meeting’s guest list is kept cut, and still judged a large meeting after the wake', async () => {
    const area = mapSessionArea();
    const many = Array.from({ length: 200 }, (_, i) => guest(`p${i}@acme.example`, `Person ${i}`));
    const allHands = eventDetails({ title: 'Alice / Bob', guests: [ALICE, ...many], guestCount: null });
    const first = backgroundHarness(BOB_LINKED, { details: new DetailsCache(500, area) });
    await first.handlers['calendar/event-details'](
      { kind: 'calendar/event-details', details: allHands },
      calendarCtx(4),
    );
    const before = await classify(first);
    await vi.waitFor(async () => {
      const [kept] = (await area.get(EVENT_DETAILS_KEY))[EVENT_DETAILS_KEY] as Array<{
        guests: unknown[];
        guestCount: number;
      }>;
      expect(kept!.guests).toHaveLength(60);
      expect(kept!.guestCount).toBe(201);
    });
    const woken = backgroundHarness(BOB_LINKED, { details: new DetailsCache(500, area) });
    expect(await classify(woken)).toEqual(before);
  });

  it('keeps the newest 100 reads, checked when read back; a read since the wake wins over a kept one', async () => {
    const area = mapSessionArea();
    const cache = new DetailsCache(500, area);
    await cache.ready();
    for (let i = 0; i < 120; i++) cache.set(eventDetails({ dataEventId: `ev${i}`, title: `Event ${i}` }));
    await vi.waitFor(async () =>
      expect(((await area.get(EVENT_DETAILS_KEY))[EVENT_DETAILS_KEY] as unknown[]).length).toBe(100),
    );
    const kept = (await area.get(EVENT_DETAILS_KEY))[EVENT_DETAILS_KEY] as unknown[];
    await area.set({ [EVENT_DETAILS_KEY]: [...kept, { dataEventId: 'tampered', guests: 'all of them' }] });
    const woken = new DetailsCache(500, area);
    woken.set(eventDetails({ dataEventId: 'ev119', title: 'Renamed since' }));
    await woken.ready();
    expect(woken.get('ev19')).toBeUndefined();
    expect(woken.get('ev20')?.title).toBe('Event 20');
    expect(woken.get('tampered')).toBeUndefined();
    expect(woken.get('ev119')?.title).toBe('Renamed since');
  });
});

describe('createHandlers: panel/data-changed after "Delete everything" (erased)', () => {
  it('forgets the popover reads, kept ones too, and has the reminders forget theirs', async () => {
    const area = mapSessionArea();
    const details = new DetailsCache(500, area);
    const harness = backgroundHarness(BOB_LINKED, { details });
    const dataErased = vi.fn(async () => undefined);
    const handlers = createHandlers({ ...harness.deps, dataErased });
    await handlers['calendar/event-details'](
      { kind: 'calendar/event-details', details: eventDetails() },
      calendarCtx(4),
    );
    await handlers['panel/data-changed']({ kind: 'panel/data-changed' }, pageCtx(2));
    expect(dataErased).not.toHaveBeenCalled();
    expect(details.get(eventDetails().dataEventId)).toBeDefined();
    await handlers['panel/data-changed']({ kind: 'panel/data-changed', erased: true }, pageCtx(2));
    expect(dataErased).toHaveBeenCalledTimes(1);
    expect(details.get(eventDetails().dataEventId)).toBeUndefined();
    expect((await area.get(EVENT_DETAILS_KEY))[EVENT_DETAILS_KEY]).toEqual([]);
    expect(harness.refreshBadges).toHaveBeenCalledTimes(2);
  });
});

describe('createHandlers: panel/data-changed', () => {
  it('asks every Calendar tab to refresh its badges', async () => {
    const harness = backgroundHarness();
    expect(await harness.handlers['panel/data-changed']({ kind: 'panel/data-changed' }, pageCtx(2))).toEqual({
      ok: true,
    });
    expect(harness.refreshBadges).toHaveBeenCalledTimes(1);
    expect(harness.area.set).not.toHaveBeenCalled();
  });

  it('works without a refreshBadges dependency', async () => {
    const { deps } = backgroundHarness();
    const handlers = createHandlers({ ...deps, refreshBadges: undefined });
    expect(await handlers['panel/data-changed']({ kind: 'panel/data-changed' }, pageCtx(null))).toEqual({
      ok: true,
    });
  });

  it('tells the toolbar badge (overdue agreements) to follow', async () => {
    const { deps } = backgroundHarness();
    const dataChanged = vi.fn();
    const handlers = createHandlers({ ...deps, dataChanged });
    await handlers['panel/data-changed']({ kind: 'panel/data-changed' }, pageCtx(2));
    expect(dataChanged).toHaveBeenCalledTimes(1);
  });
});

describe('createHandlers: the reminders hook on classified events', () => {
  it('hands every judged event to eventsJudged, declined tracked 1:1s included (no badge for them)', async () => {
    const { deps } = backgroundHarness(BOB_LINKED);
    const seen: JudgedEvent[][] = [];
    const handlers = createHandlers({ ...deps, eventsJudged: (judged) => void seen.push([...judged]) });
    const declined = fixtureEvent('Alice / Bob', { response: 'declined' });
    const response = await handlers['calendar/classify-events'](
      { kind: 'calendar/classify-events', events: [declined, fixtureEvent('Team standup')] },
      calendarCtx(1),
    );
    expect(response.badges).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.map((j) => [j.event.title, j.event.response, j.relationshipId])).toEqual([
      ['Alice / Bob', 'declined', 'r-bob'],
      ['Team standup', 'accepted', null],
    ]);
  });

  it('never makes the badges wait for it or fail with it', async () => {
    const { deps } = backgroundHarness(BOB_LINKED);
    const never = new Promise<void>(() => {});
    for (const eventsJudged of [
      () => never,
      () => Promise.reject(new Error('db closed')),
      () => {
        throw new Error('sync failure');
      },
    ]) {
      const handlers = createHandlers({ ...deps, eventsJudged });
      const response = await handlers['calendar/classify-events'](
        { kind: 'calendar/classify-events', events: [fixtureEvent('Alice / Bob')] },
        calendarCtx(1),
      );
      expect(response.badges.map((b) => b.openAgreements)).toEqual([2]);
    }
  });
});

describe('createHandlers: meet/call-seen and panel/get-context', () => {
  it('meet/call-seen refuses without a tab', async () => {
    const { handlers, pushContext } = backgroundHarness();
    await expect(
      handlers['meet/call-seen'](
        {
          kind: 'meet/call-seen',
          meetingCode: 'abc-defg-hij',
          title: '',
          state: 'prejoin',
          presenting: false,
          others: [],
        },
        { sender: 'meet-content', tabId: null },
      ),
    ).rejects.toThrow();
    expect(pushContext).not.toHaveBeenCalled();
  });

  it('panel/get-context without a tab reads nothing', async () => {
    const { handlers, area } = backgroundHarness();
    expect(await handlers['panel/get-context']({ kind: 'panel/get-context' }, pageCtx(null))).toEqual({
      context: null,
    });
    expect(area.get).not.toHaveBeenCalled();
  });

  it('panel/get-context answers null for a tab with nothing selected', async () => {
    const { handlers } = backgroundHarness();
    expect(await handlers['panel/get-context']({ kind: 'panel/get-context' }, pageCtx(8))).toEqual({
      context: null,
    });
  });
});

describe('createHandlers: panel/frame-opened and panel/get-context (frame tokens)', () => {
  const TOKEN_1 = '11111111111111111111111111111111';
  const TOKEN_2 = '2222222222222222222222222222222a';
  const WRONG = 'abcdefabcdefabcdefabcdefabcdefab';

  /** Tab 1 shows "Alice / Bob" and opened a frame with TOKEN_1; tab 2 shows a Meet call, its frame TOKEN_2. */
  async function twoTabs() {
    const harness = backgroundHarness(BOB_LINKED);
    const { handlers } = harness;
    await handlers['calendar/select-event'](
      { kind: 'calendar/select-event', event: fixtureEvent('Alice / Bob') },
      calendarCtx(1),
    );
    await handlers['meet/call-seen'](
      {
        kind: 'meet/call-seen',
        meetingCode: 'abc-defg-hij',
        title: 'Standup',
        state: 'in-call',
        presenting: false,
        others: ['Sam', 'Kim'],
      },
      meetCtx(2),
    );
    expect(
      await handlers['panel/frame-opened']({ kind: 'panel/frame-opened', token: TOKEN_1 }, calendarCtx(1)),
    ).toEqual({ ok: true });
    expect(
      await handlers['panel/frame-opened']({ kind: 'panel/frame-opened', token: TOKEN_2 }, meetCtx(2)),
    ).toEqual({ ok: true });
    const tab1 = await harness.tabContexts.get(1);
    const tab2 = await harness.tabContexts.get(2);
    expect(tab1).toMatchObject({ surface: 'calendar', title: 'Alice / Bob' });
    expect(tab2).toMatchObject({ surface: 'meet', title: 'Standup' });
    const ask = async (
      request: { tabId?: number; frameToken?: string },
      context: ReturnType<typeof pageCtx>,
    ) => (await handlers['panel/get-context']({ kind: 'panel/get-context', ...request }, context)).context;
    return { ...harness, tab1, tab2, ask };
  }

  it('panel/frame-opened stores the token for the sender’s tab, and pushes nothing', async () => {
    const { handlers, area, pushContext } = backgroundHarness();
    const reply = await handlers['panel/frame-opened'](
      { kind: 'panel/frame-opened', token: TOKEN_1 },
      calendarCtx(7),
    );
    expect(MESSAGES['panel/frame-opened'].response.safeParse(reply).success).toBe(true);
    expect(Object.fromEntries(area.items)).toEqual({ 'tab-frame:7': TOKEN_1 });
    await handlers['panel/frame-opened']({ kind: 'panel/frame-opened', token: TOKEN_2 }, meetCtx(7));
    expect(Object.fromEntries(area.items)).toEqual({ 'tab-frame:7': TOKEN_2 });
    expect(pushContext).not.toHaveBeenCalled();
  });

  it('panel/frame-opened refuses without a tab and stores nothing', async () => {
    const { handlers, area } = backgroundHarness();
    await expect(
      handlers['panel/frame-opened']({ kind: 'panel/frame-opened', token: TOKEN_1 }, calendarCtx(null)),
    ).rejects.toThrow();
    expect(area.set).not.toHaveBeenCalled();
  });

  it('a framed panel with its tab’s token gets that tab’s context', async () => {
    const { ask, tab1, tab2 } = await twoTabs();
    expect(await ask({ frameToken: TOKEN_1 }, pageCtx(1))).toEqual(tab1);
    expect(await ask({ frameToken: TOKEN_2 }, pageCtx(2))).toEqual(tab2);
  });

  it('a framed panel without the token, with a wrong one or another tab’s gets nothing', async () => {
    const { ask } = await twoTabs();
    for (const frameToken of [undefined, WRONG, TOKEN_2]) {
      expect(await ask(frameToken ? { frameToken } : {}, pageCtx(1)), String(frameToken)).toBeNull();
    }
    for (const frameToken of [undefined, WRONG, TOKEN_1]) {
      expect(await ask(frameToken ? { frameToken } : {}, pageCtx(2)), String(frameToken)).toBeNull();
    }
    // A tab whose content script opened no frame: no token works.
    for (const frameToken of [undefined, TOKEN_1, TOKEN_2]) {
      expect(await ask(frameToken ? { frameToken } : {}, pageCtx(3)), String(frameToken)).toBeNull();
    }
  });

  it('a framed panel naming another tab still learns only about its own, and only with its token', async () => {
    const { ask, tab1 } = await twoTabs();
    expect(await ask({ tabId: 2, frameToken: TOKEN_1 }, pageCtx(1))).toEqual(tab1);
    expect(await ask({ tabId: 2, frameToken: TOKEN_2 }, pageCtx(1))).toBeNull();
    expect(await ask({ tabId: 2 }, pageCtx(1))).toBeNull();
    // Not the side panel: popup.html, options.html framed in a tab are framed pages like any other.
    for (const page of ['popup.html', 'options.html', null]) {
      expect(await ask({ tabId: 2 }, pageCtx(1, page)), String(page)).toBeNull();
      expect(await ask({ tabId: 2, frameToken: TOKEN_2 }, pageCtx(1, page)), String(page)).toBeNull();
    }
  });

  it('the side panel gets the tab it names, without a token', async () => {
    const { ask, tab1, tab2 } = await twoTabs();
    expect(await ask({ tabId: 1 }, pageCtx(null, 'sidepanel.html'))).toEqual(tab1);
    expect(await ask({ tabId: 2 }, pageCtx(null, 'sidepanel.html'))).toEqual(tab2);
    expect(await ask({ tabId: 3 }, pageCtx(null, 'sidepanel.html'))).toBeNull();
    // Naming no tab, it is a page in no tab: nothing.
    expect(await ask({}, pageCtx(null, 'sidepanel.html'))).toBeNull();
    expect(await ask({ frameToken: TOKEN_1 }, pageCtx(null, 'sidepanel.html'))).toBeNull();
  });

  it('pages in no tab other than the side panel get nothing, whatever they name or present', async () => {
    const { ask } = await twoTabs();
    for (const page of ['popup.html', 'options.html', 'panel.html', null]) {
      expect(await ask({ tabId: 1 }, pageCtx(null, page)), String(page)).toBeNull();
      expect(await ask({ tabId: 1, frameToken: TOKEN_1 }, pageCtx(null, page)), String(page)).toBeNull();
      expect(await ask({ frameToken: TOKEN_1 }, pageCtx(null, page)), String(page)).toBeNull();
    }
  });

  it('a newer frame in the tab takes over: the old frame’s token gets nothing', async () => {
    const { handlers, ask, tab1 } = await twoTabs();
    await handlers['panel/frame-opened']({ kind: 'panel/frame-opened', token: WRONG }, calendarCtx(1));
    expect(await ask({ frameToken: TOKEN_1 }, pageCtx(1))).toBeNull();
    expect(await ask({ frameToken: WRONG }, pageCtx(1))).toEqual(tab1);
  });

  it('a closed tab’s token no longer works, even for a tab later opened under the same id', async () => {
    const { handlers, ask, tabContexts } = await twoTabs();
    await tabContexts.clear(1);
    expect(await ask({ frameToken: TOKEN_1 }, pageCtx(1))).toBeNull();
    await handlers['calendar/select-event'](
      { kind: 'calendar/select-event', event: fixtureEvent('Alice / Frank') },
      calendarCtx(1),
    );
    expect(await ask({ frameToken: TOKEN_1 }, pageCtx(1))).toBeNull();
  });
});
