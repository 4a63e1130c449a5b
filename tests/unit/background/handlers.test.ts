import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@/lib/messaging/protocol';
import { backgroundHarness } from '../helpers/background';
import { encodeEventId, fixturesIndex } from '../helpers/fixtures';

const calendarCtx = (tabId: number | null) => ({ sender: 'calendar-content' as const, tabId });

describe('createHandlers: calendar/classify-events', () => {
  it('answers a response that matches the protocol’s response schema', async () => {
    const { handlers } = backgroundHarness([fixturesIndex.events[1]!.decoded_event_id]);
    const events = fixturesIndex.events.map((e) => ({ dataEventId: e.data_eventid, title: e.title }));
    const response = await handlers['calendar/classify-events'](
      { kind: 'calendar/classify-events', events },
      calendarCtx(1),
    );
    expect(MESSAGES['calendar/classify-events'].response.safeParse(response).success).toBe(true);
    expect(response.badges.filter((b) => b.hasNotes)).toEqual([
      {
        dataEventId: fixturesIndex.events[1]!.data_eventid,
        kind: 'one-on-one',
        confidence: 'likely',
        hasNotes: true,
      },
    ]);
  });

  it('decides by the title the page shows now, not by the id', async () => {
    const { handlers } = backgroundHarness();
    const id = fixturesIndex.events[1]!.data_eventid;
    const renamed = await handlers['calendar/classify-events'](
      { kind: 'calendar/classify-events', events: [{ dataEventId: id, title: 'Lunch' }] },
      calendarCtx(1),
    );
    expect(renamed.badges).toEqual([]);
  });

  it('looks up notes by decoded instance id, so other instances of the series do not count', async () => {
    const lastWeek = '9q7kdlrmoh7cfue81kf5u8fmkk_20260316T170000Z';
    const { handlers, eventKeysWithNotes } = backgroundHarness([lastWeek, '9q7kdlrmoh7cfue81kf5u8fmkk']);
    const response = await handlers['calendar/classify-events'](
      {
        kind: 'calendar/classify-events',
        events: [{ dataEventId: fixturesIndex.events[1]!.data_eventid, title: 'Alice / Bob' }],
      },
      calendarCtx(1),
    );
    expect(eventKeysWithNotes).toHaveBeenCalledWith(['9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z']);
    expect(response.badges[0]?.hasNotes).toBe(false);
  });

  it('handles an empty list', async () => {
    const { handlers } = backgroundHarness();
    expect(
      await handlers['calendar/classify-events'](
        { kind: 'calendar/classify-events', events: [] },
        calendarCtx(1),
      ),
    ).toEqual({ badges: [] });
  });
});

describe('createHandlers: calendar/select-event', () => {
  it('refuses without a tab and stores nothing', async () => {
    const { handlers, area, pushContext } = backgroundHarness();
    await expect(
      handlers['calendar/select-event'](
        {
          kind: 'calendar/select-event',
          event: { dataEventId: fixturesIndex.events[1]!.data_eventid, title: 'x' },
        },
        calendarCtx(null),
      ),
    ).rejects.toThrow();
    expect(area.items.size).toBe(0);
    expect(pushContext).not.toHaveBeenCalled();
  });

  it('refuses an id that does not decode', async () => {
    const { handlers, area } = backgroundHarness();
    for (const dataEventId of [fixturesIndex.task.data_eventid, 'bm90IGFuIGlk'.slice(0, 5), 'ttb_abc']) {
      await expect(
        handlers['calendar/select-event'](
          { kind: 'calendar/select-event', event: { dataEventId, title: '' } },
          calendarCtx(1),
        ),
      ).rejects.toThrow();
    }
    expect(area.items.size).toBe(0);
  });

  it('keys a single event by its own id for both event and series', async () => {
    const { handlers, tabContexts } = backgroundHarness();
    const single = fixturesIndex.events.find((e) => e.title === 'Alice / Frank')!;
    await handlers['calendar/select-event'](
      { kind: 'calendar/select-event', event: { dataEventId: single.data_eventid, title: single.title } },
      calendarCtx(3),
    );
    expect(await tabContexts.get(3)).toEqual({
      surface: 'calendar',
      dataEventId: single.data_eventid,
      eventKey: single.decoded_event_id,
      seriesKey: single.decoded_event_id,
      title: 'Alice / Frank',
    });
  });

  it('keys an all-day recurring instance by the part before _YYYYMMDD', async () => {
    const { handlers, tabContexts } = backgroundHarness();
    const dataEventId = encodeEventId('offsite42_20260326 c_team@g');
    await handlers['calendar/select-event'](
      { kind: 'calendar/select-event', event: { dataEventId, title: 'Offsite' } },
      calendarCtx(3),
    );
    expect(await tabContexts.get(3)).toMatchObject({
      eventKey: 'offsite42_20260326',
      seriesKey: 'offsite42',
    });
  });
});

describe('createHandlers: meet/call-seen and panel/get-context', () => {
  it('meet/call-seen refuses without a tab', async () => {
    const { handlers, pushContext } = backgroundHarness();
    await expect(
      handlers['meet/call-seen'](
        { kind: 'meet/call-seen', meetingCode: 'abc-defg-hij', title: '', state: 'prejoin' },
        { sender: 'meet-content', tabId: null },
      ),
    ).rejects.toThrow();
    expect(pushContext).not.toHaveBeenCalled();
  });

  it('panel/get-context without a tab reads nothing', async () => {
    const { handlers, area } = backgroundHarness();
    expect(
      await handlers['panel/get-context'](
        { kind: 'panel/get-context' },
        { sender: 'extension-page', tabId: null },
      ),
    ).toEqual({ context: null });
    expect(area.get).not.toHaveBeenCalled();
  });

  it('panel/get-context answers null for a tab with nothing selected', async () => {
    const { handlers } = backgroundHarness();
    expect(
      await handlers['panel/get-context'](
        { kind: 'panel/get-context' },
        { sender: 'extension-page', tabId: 8 },
      ),
    ).toEqual({ context: null });
  });
});
