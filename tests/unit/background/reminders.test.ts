import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { JudgedEvent } from '@/lib/background/calendar';
import {
  BADGE_COLOR,
  badgeTitle,
  calendarHash,
  continuedIn,
  INSTANCE_CALENDARS_KEY,
  CHECK_PERIOD_MINUTES,
  formatDay,
  MIDNIGHT_ALARM,
  notificationText,
  PENDING_KEY,
  REMINDER_ALARM,
  type ReminderDeps,
  Reminders,
  readSentLog,
  SENT_LOG_KEY,
  targetUrl,
} from '@/lib/background/reminders';
import { defaultReminderSettings, type ReminderSettings } from '@/lib/domain/model';
import { DECLINED_EVENTS_KEY } from '@/lib/messaging/declined-events';
import { fixedClock } from '@/lib/domain/calendar-clock';
import { nextLocalMidnight, type Reminder } from '@/lib/domain/reminders';
import type { CalendarClocks } from '@/lib/background/calendar-clock';
import type { CalendarEvent } from '@/lib/google/calendar/model';
import { useTimeZone } from '../helpers/time-zone';

useTimeZone('UTC');

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 23 Nov 2026, 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 23, 10);

function harness(settingsPatch: Partial<ReminderSettings> = {}, overrides: Partial<ReminderDeps> = {}) {
  const settings = { ...defaultReminderSettings(), ...settingsPatch };
  const deps = {
    settings: vi.fn(async () => settings),
    overdueCount: vi.fn(async () => 3),
    upcoming: vi.fn<ReminderDeps['upcoming']>(async () => [
      {
        sessionId: 's-alex',
        relationshipId: 'r-alex',
        name: 'Alex',
        scheduledAt: NOW + 20 * MIN,
        openAgreements: 2,
        talkingPoints: 0,
      },
    ]),
    held: vi.fn<ReminderDeps['held']>(async () => []),
    cadence: vi.fn<ReminderDeps['cadence']>(async () => []),
    declined: vi.fn<ReminderDeps['declined']>(async (events) =>
      events.map((e) => ({
        ...e,
        name: 'Alex',
        archived: false,
        day: new Date(e.scheduledAt).toISOString().slice(0, 10),
        sessionId: null,
      })),
    ),
    cancelDeclined: vi.fn<ReminderDeps['cancelDeclined']>(async () => undefined),
    dataChanged: vi.fn(),
    now: () => NOW,
    supportsButtons: true,
    locale: 'en-GB',
  } satisfies ReminderDeps;
  const reminders = new Reminders({ ...deps, ...overrides });
  return { deps, reminders, settings };
}

/** "upcoming" facts: Alex's 1:1 in 20 minutes, for that Calendar instance. */
const alexIn20Minutes = (calendarEventId: string) =>
  vi.fn<ReminderDeps['upcoming']>(async () => [
    {
      sessionId: 's-alex',
      calendarEventId,
      relationshipId: 'r-alex',
      name: 'Alex',
      scheduledAt: NOW + 20 * MIN,
      openAgreements: 2,
      talkingPoints: 0,
    },
  ]);

const notifications = () =>
  fakeBrowser.notifications.getAll() as unknown as Promise<Record<string, Record<string, unknown>>>;

function judged(
  overrides: Partial<CalendarEvent> = {},
  relationshipId: string | null = 'r-alex',
): JudgedEvent {
  const event: CalendarEvent = {
    dataEventId: 'OXE3a2Rscm1vaDdj',
    eventId: '9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z',
    seriesId: '9q7kdlrmoh7cfue81kf5u8fmkk',
    calendarId: 'alice@acme.example',
    title: 'Alice / Alex',
    day: '2026-11-24',
    start: '17:00',
    end: '17:30',
    allDay: false,
    response: 'declined',
    ...overrides,
  };
  return {
    event,
    detection: { isOneOnOne: false, reason: 'declined' } as unknown as JudgedEvent['detection'],
    relationshipId,
    openAgreements: 0,
    others: null,
    details: undefined,
  };
}

describe('the toolbar badge', () => {
  it('shows the overdue count with a colour and a title', async () => {
    const { reminders, deps } = harness();
    await reminders.refreshBadge();
    expect(deps.overdueCount).toHaveBeenCalledWith(NOW);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toBe('Duet — 3 overdue agreements');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xb3, 0x26, 0x1e, 255]);
    expect(BADGE_COLOR).toBe('#B3261E');
  });

  it("is empty at 0, singular at 1, '99+' from 100", async () => {
    for (const [count, text, title] of [
      [0, '', 'Duet'],
      [1, '1', 'Duet — 1 overdue agreement'],
      [100, '99+', 'Duet — 99+ overdue agreements'],
    ] as const) {
      const { reminders } = harness({}, { overdueCount: async () => count });
      await reminders.refreshBadge();
      expect(await fakeBrowser.action.getBadgeText({})).toBe(text);
      expect(await fakeBrowser.action.getTitle({})).toBe(title);
      expect(badgeTitle(count)).toBe(title);
    }
  });

  it('is switched off by settings.reminders.overdueBadge (no count read)', async () => {
    const { reminders, deps } = harness({ overdueBadge: false });
    await fakeBrowser.action.setBadgeText({ text: '7' });
    await reminders.refreshBadge();
    expect(deps.overdueCount).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Duet');
  });

  it('survives a database that cannot be read (the next refresh tries again)', async () => {
    const { reminders } = harness({}, { overdueCount: async () => Promise.reject(new Error('closed')) });
    await expect(reminders.refreshBadge()).resolves.toBeUndefined();
  });
});

describe('start: listeners and alarms', () => {
  it('creates the periodic check and the midnight alarm, and checks once', async () => {
    const { reminders } = harness();
    await reminders.start();
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toMatchObject({
      periodInMinutes: CHECK_PERIOD_MINUTES,
    });
    expect((await fakeBrowser.alarms.get(MIDNIGHT_ALARM))?.scheduledTime).toBe(nextLocalMidnight(NOW) + 1000);
    expect(Object.keys(await notifications())).toEqual([`duet:before-session:s-alex:${NOW + 20 * MIN}`]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
  });

  it('an alarm runs the check and the badge; a one-off alarm of that name is replaced by the periodic one', async () => {
    const { reminders, deps } = harness();
    await reminders.start();
    deps.overdueCount.mockResolvedValue(5);
    // What the E2E test does to trigger a check now.
    await fakeBrowser.alarms.create(REMINDER_ALARM, { when: NOW });
    const alarm = (await fakeBrowser.alarms.get(REMINDER_ALARM))!;
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('5'));
    expect(deps.upcoming).toHaveBeenCalledTimes(2);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toMatchObject({
        periodInMinutes: CHECK_PERIOD_MINUTES,
      }),
    );
  });

  it('listens for the browser’s start (the worker wakes then): the toolbar count is back at once', async () => {
    const { reminders, deps } = harness();
    await reminders.start();
    // The browser restarted: its toolbar badge text is gone.
    await fakeBrowser.action.setBadgeText({ text: '' });
    deps.overdueCount.mockResolvedValue(4);
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('4'));
  });

  it('ignores other alarms', async () => {
    const { reminders, deps } = harness();
    await reminders.start();
    deps.settings.mockClear();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-else', scheduledTime: NOW });
    expect(deps.settings).not.toHaveBeenCalled();
  });
});

describe('reminder notifications', () => {
  it('raises "prepare" before a 1:1 with counts, once', async () => {
    const { reminders } = harness();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    expect((await reminders.check()).map((r) => r.kind)).toEqual(['before-session']);
    const id = `duet:before-session:s-alex:${NOW + 20 * MIN}`;
    expect(create).toHaveBeenCalledWith(id, {
      type: 'basic',
      iconUrl: fakeBrowser.runtime.getURL('/icon/128.png'),
      title: '1:1 with Alex in 20 minutes',
      message: 'Prepare for your 1:1 with Alex: 2 open agreements, no talking points yet',
      priority: 1,
    });
    expect(await reminders.check()).toEqual([]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('says a long lead time in hours, not minutes', async () => {
    const at = (minutes: number) => [
      {
        sessionId: `s-${minutes}`,
        relationshipId: `r-${minutes}`,
        name: 'Alex',
        scheduledAt: NOW + minutes * MIN,
        openAgreements: 0,
        talkingPoints: 0,
      },
    ];
    const titles: string[] = [];
    for (const minutes of [1437, 119, 65, 90]) {
      const { reminders } = harness({ beforeMinutes: 1440 }, { upcoming: vi.fn(async () => at(minutes)) });
      const create = vi.spyOn(fakeBrowser.notifications, 'create');
      await reminders.check();
      titles.push(((create.mock.calls.at(-1) as unknown[])[1] as { title: string }).title);
      create.mockRestore();
    }
    expect(titles).toEqual([
      '1:1 with Alex in 24 hours',
      '1:1 with Alex in 2 hours',
      '1:1 with Alex in 1 hour',
      '1:1 with Alex in 1 hour', // 90 minutes: never more than is left
    ]);
  });

  it('a Calendar 1:1 nobody opened in Duet counts as the last 1:1 for the cadence, unless it was declined', async () => {
    const EVENT = '9q7kdlrmoh7cfue81kf5u8fmkk_20261122T170000Z';
    const cadence = vi.fn<ReminderDeps['cadence']>(async () => [
      {
        relationshipId: 'r-alex',
        name: 'Alex',
        archived: false,
        cadenceDays: 14,
        lastHeldAt: NOW - 30 * DAY,
        nextScheduledAt: null,
        calendarHeld: [{ at: NOW - 20 * HOUR, calendarEventId: EVENT }],
      },
    ]);
    const quiet = { upcoming: vi.fn(async () => []), cadence };
    const { reminders } = harness({}, quiet);
    expect(await reminders.check()).toEqual([]);
    // Declined in Calendar: it did not take place, the gap stands.
    await fakeBrowser.storage.local.set({ [DECLINED_EVENTS_KEY]: [EVENT] });
    const after = harness({}, quiet);
    expect((await after.reminders.check()).map((r) => r.kind)).toEqual(['cadence-gap']);
  });

  it('the newest unopened Calendar 1:1 declined: the one before it counts (no false gap)', async () => {
    const DECLINED = 'declinedseries_20261118T170000Z';
    const TOOK_PLACE = 'heldseries_20261111T170000Z';
    const cadence = vi.fn<ReminderDeps['cadence']>(async () => [
      {
        relationshipId: 'r-alex',
        name: 'Alex',
        archived: false,
        cadenceDays: 14,
        lastHeldAt: NOW - 25 * DAY,
        nextScheduledAt: null,
        calendarHeld: [
          { at: NOW - 4 * DAY, calendarEventId: DECLINED },
          { at: NOW - 11 * DAY, calendarEventId: TOOK_PLACE },
        ],
      },
    ]);
    await fakeBrowser.storage.local.set({ [DECLINED_EVENTS_KEY]: [DECLINED] });
    const { reminders } = harness({}, { upcoming: vi.fn(async () => []), cadence });
    expect(await reminders.check()).toEqual([]);
  });

  it('remembers only opaque ids and timestamps (never a name)', async () => {
    const { reminders } = harness();
    await reminders.check();
    const stored = await fakeBrowser.storage.local.get(null);
    // On disk: the sent log only. Click targets (a chip's data-eventid encodes an email) stay in memory.
    expect(Object.keys(stored)).toEqual([SENT_LOG_KEY]);
    expect(JSON.stringify(stored)).not.toContain('Alex');
    const inMemory = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(inMemory)).toEqual([PENDING_KEY]);
    expect(JSON.stringify(inMemory)).not.toContain('Alex');
    expect(readSentLog(stored[SENT_LOG_KEY]).entries).toEqual([
      { key: `before-session:s-alex:${NOW + 20 * MIN}`, at: NOW },
    ]);
  });

  it('reads only what the enabled kinds need', async () => {
    const { reminders, deps } = harness({ beforeSession: false, afterHeld: false, cadenceGap: false });
    expect(await reminders.check()).toEqual([]);
    expect(deps.upcoming).not.toHaveBeenCalled();
    expect(deps.held).not.toHaveBeenCalled();
    expect(deps.cadence).not.toHaveBeenCalled();
    expect(await notifications()).toEqual({});
  });

  it('a stored log that is not ours reads as empty; a refused notification is not retried', async () => {
    expect(readSentLog({ entries: [{ key: 'x:y', at: 1 }, { key: 'after-held:a', at: 'no' }, 5] })).toEqual({
      entries: [],
    });
    expect(readSentLog('garbage')).toEqual({ entries: [] });
    const { reminders } = harness();
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new Error('blocked'));
    expect(await reminders.check()).toEqual([]);
    vi.mocked(fakeBrowser.notifications.create).mockClear();
    await reminders.check();
    expect(fakeBrowser.notifications.create).not.toHaveBeenCalled();
  });

  it('concurrent checks raise a reminder once', async () => {
    const { reminders } = harness();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await Promise.all([reminders.check(), reminders.check(), reminders.check()]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('a dismissed notification is remembered as dismissed', async () => {
    const { reminders } = harness();
    await reminders.check();
    const id = `duet:before-session:s-alex:${NOW + 20 * MIN}`;
    await reminders.closed(id, true);
    const log = readSentLog((await fakeBrowser.storage.local.get(SENT_LOG_KEY))[SENT_LOG_KEY]);
    expect(log.entries).toEqual([{ key: id.slice('duet:'.length), at: NOW, dismissed: true }]);
    // Closed by Duet itself (cleared), or not ours: nothing recorded.
    await reminders.closed('duet:after-held:zzz', false);
    await reminders.closed('other', true);
    expect(
      readSentLog((await fakeBrowser.storage.local.get(SENT_LOG_KEY))[SENT_LOG_KEY]).entries,
    ).toHaveLength(1);
  });

  it('where a close never says who closed it (Firefox: always "by the user"), none counts as dismissed', async () => {
    const { reminders } = harness({}, { reportsDismissals: false });
    await reminders.check();
    const id = `duet:before-session:s-alex:${NOW + 20 * MIN}`;
    await reminders.closed(id, true);
    const log = readSentLog((await fakeBrowser.storage.local.get(SENT_LOG_KEY))[SENT_LOG_KEY]);
    expect(log.entries).toEqual([{ key: id.slice('duet:'.length), at: NOW }]);
  });

  it('"Delete everything": the sent log, the declined instances and the notifications on screen go', async () => {
    const { reminders } = harness();
    expect(await reminders.check()).toHaveLength(1);
    expect(Object.keys(await notifications())).toHaveLength(1);
    await fakeBrowser.storage.local.set({ [DECLINED_EVENTS_KEY]: ['evt_20260325T110000Z'] });
    await reminders.forgetAll();
    expect(await notifications()).toEqual({});
    expect(readSentLog((await fakeBrowser.storage.local.get(SENT_LOG_KEY))[SENT_LOG_KEY]).entries).toEqual(
      [],
    );
    expect((await fakeBrowser.storage.local.get(DECLINED_EVENTS_KEY))[DECLINED_EVENTS_KEY]).toEqual([]);
  });

  it('a click opens Calendar on the 1:1’s day and clears the notification', async () => {
    const { reminders } = harness();
    await reminders.check();
    const id = `duet:before-session:s-alex:${NOW + 20 * MIN}`;
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await reminders.clicked(id);
    expect(create).toHaveBeenCalledWith({ url: 'https://calendar.google.com/calendar/r/day/2026/11/23' });
    expect(await notifications()).toEqual({});
    // Its target is forgotten: a second click does nothing.
    await reminders.clicked(id);
    expect(create).toHaveBeenCalledTimes(1);
    await reminders.clicked('not-ours');
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe('notification wording', () => {
  const base = { key: 'k', relationshipId: 'r', name: 'Alex' };
  it('before a 1:1: singulars and plurals', () => {
    const before = (openAgreements: number, talkingPoints: number, minutesUntil = 1): Reminder => ({
      ...base,
      kind: 'before-session',
      sessionId: 's',
      scheduledAt: NOW,
      minutesUntil,
      openAgreements,
      talkingPoints,
    });
    expect(notificationText(before(0, 1))).toEqual({
      title: '1:1 with Alex in 1 minute',
      message: 'Prepare for your 1:1 with Alex: no open agreements, 1 talking point',
      buttons: [],
    });
    expect(notificationText(before(1, 3, 15)).message).toBe(
      'Prepare for your 1:1 with Alex: 1 open agreement, 3 talking points',
    );
  });

  it('after a held 1:1, a cadence gap, a declined 1:1; an unnamed 1:1', () => {
    expect(notificationText({ ...base, kind: 'after-held', sessionId: 's', heldAt: NOW }).message).toBe(
      'No agreements recorded for your 1:1 with Alex — add them while it’s fresh?',
    );
    const gap = (daysSince: number, cadenceDays: number) =>
      notificationText({ ...base, kind: 'cadence-gap', daysSince, cadenceDays }).message;
    expect(gap(35, 14)).toBe('5 weeks since your last 1:1 with Alex, usually every 2 weeks');
    expect(gap(11, 7)).toBe('11 days since your last 1:1 with Alex, usually every week');
    expect(gap(16, 10)).toBe('2 weeks since your last 1:1 with Alex, usually every 10 days');
    expect(gap(2, 1)).toBe('2 days since your last 1:1 with Alex, usually every day');
    const declined = {
      ...base,
      kind: 'reschedule',
      eventId: 'e',
      dataEventId: 'd',
      sessionId: null,
      scheduledAt: NOW,
      day: '2026-11-24',
      gone: false,
    } as const;
    expect(notificationText(declined, 'en-GB')).toEqual({
      title: 'Reschedule your 1:1?',
      message: 'Your 1:1 with Alex on Tue 24 Nov was declined — reschedule?',
      buttons: ['Open in Calendar', 'Cancel this session'],
    });
    expect(notificationText({ ...declined, dataEventId: '', gone: true }, 'en-GB')).toEqual({
      title: 'Reschedule your 1:1?',
      message: 'Your 1:1 with Alex on Tue 24 Nov is no longer in your Calendar — reschedule?',
      buttons: ['Open in Calendar', 'Cancel this session'],
    });
    expect(
      notificationText({ ...base, name: '', kind: 'after-held', sessionId: 's', heldAt: NOW }).title,
    ).toBe('Your 1:1 with your colleague');
  });

  it('formats the day in any time zone without moving it', () => {
    for (const zone of ['Pacific/Auckland', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = zone;
      expect(formatDay('2026-11-24', 'en-GB')).toBe('Tue 24 Nov');
      expect(formatDay('2026-03-29', 'en-GB')).toBe('Sun 29 Mar');
    }
  });
});

describe('tracked 1:1s Calendar shows ahead are planned', () => {
  const accepted = (overrides: Partial<CalendarEvent> = {}, relationshipId: string | null = 'r-alex') => ({
    ...judged({ response: 'accepted', ...overrides }, relationshipId),
    detection: { isOneOnOne: true } as unknown as JudgedEvent['detection'],
  });

  it('hands accepted, timed instances of tracked 1:1s to planSeen, once per instance and time', async () => {
    const planSeen = vi.fn<NonNullable<ReminderDeps['planSeen']>>(async () => 1);
    const { reminders, deps } = harness({}, { planSeen });
    await reminders.eventsJudged([
      accepted(),
      accepted({ eventId: 'untracked_20261124T170000Z' }, null),
      accepted({ eventId: 'allday', allDay: true }),
      { ...accepted({ eventId: 'not-a-1on1_20261124T170000Z' }), detection: judged().detection },
    ]);
    expect(planSeen).toHaveBeenCalledTimes(1);
    expect(planSeen.mock.calls[0]![0]).toEqual([
      {
        eventId: '9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z',
        relationshipId: 'r-alex',
        scheduledAt: new Date(2026, 10, 24, 17, 0).getTime(),
        confirmed: true, // read from the chip's own time
      },
    ]);
    // Seen again (every classification): not asked again; moved to another time: asked again; and moved
    // back to where it was first seen: asked again too.
    await reminders.eventsJudged([accepted()]);
    expect(planSeen).toHaveBeenCalledTimes(1);
    await reminders.eventsJudged([accepted({ start: '18:00' })]);
    expect(planSeen).toHaveBeenCalledTimes(2);
    await reminders.eventsJudged([accepted()]);
    expect(planSeen).toHaveBeenCalledTimes(3);
    expect(planSeen.mock.calls[2]![0][0]?.scheduledAt).toBe(new Date(2026, 10, 24, 17, 0).getTime());
    // Accepted instances never raise "reschedule?".
    expect(deps.declined).not.toHaveBeenCalled();
  });

  it('a 1:1 seen declined gets no "prepare" reminder — until it is accepted again', async () => {
    const eventId = '9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z';
    const upcoming = alexIn20Minutes(eventId);
    const { reminders } = harness({ reschedule: false }, { upcoming });
    await reminders.eventsJudged([judged()]);
    expect(await reminders.check()).toEqual([]);
    await reminders.eventsJudged([accepted()]);
    expect((await reminders.check()).map((r) => r.kind)).toEqual(['before-session']);
  });

  it('what was seen declined is kept (event ids only): for the popup, and for a restarted worker or browser', async () => {
    const eventId = '9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z';
    const stored = async () =>
      (await fakeBrowser.storage.local.get(DECLINED_EVENTS_KEY))[DECLINED_EVENTS_KEY];
    const first = harness({ reschedule: false });
    await first.reminders.eventsJudged([judged()]);
    await vi.waitFor(async () => expect(await stored()).toEqual([eventId])); // the event id only
    // The browser restarted (memory storage gone): the decline is still known.
    await fakeBrowser.storage.session.clear();

    // A new worker still gives that 1:1 no "prepare".
    const upcoming = alexIn20Minutes(eventId);
    const restarted = harness({ reschedule: false }, { upcoming });
    expect(await restarted.reminders.check()).toEqual([]);
    // Accepted again: forgotten.
    await restarted.reminders.eventsJudged([accepted()]);
    expect((await restarted.reminders.check()).map((r) => r.kind)).toEqual(['before-session']);
    expect(await stored()).toEqual([]);
  });

  it('an unreadable answer keeps a decline; a declined chip wins over another of the same instance', async () => {
    const eventId = '9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z';
    const stored = async () =>
      (await fakeBrowser.storage.local.get(DECLINED_EVENTS_KEY))[DECLINED_EVENTS_KEY];
    const { reminders } = harness({ reschedule: false }, { upcoming: alexIn20Minutes(eventId) });
    await reminders.eventsJudged([accepted(), judged()]); // e.g. a colleague's overlaid calendar
    await vi.waitFor(async () => expect(await stored()).toEqual([eventId]));
    await reminders.eventsJudged([judged({ response: 'unknown' })]);
    expect(await reminders.check()).toEqual([]);
    expect(await stored()).toEqual([eventId]);
  });

  it('a failure to plan never stops the declined prompt', async () => {
    const planSeen = vi.fn<NonNullable<ReminderDeps['planSeen']>>(async () => {
      throw new Error('database unavailable');
    });
    const { reminders } = harness({}, { planSeen });
    const raised = await reminders.eventsJudged([accepted({ eventId: 'other_20261124T170000Z' }), judged()]);
    expect(planSeen).toHaveBeenCalledTimes(1);
    expect(raised.map((r) => r.kind)).toEqual(['reschedule']);
  });
});

describe('a planned 1:1 Calendar no longer shows (cancelled, deleted, moved away)', () => {
  const BOB = 'bobseries_20261124T140000Z';
  const planned = (
    instances = [{ eventId: BOB, relationshipId: 'r-alex', scheduledAt: Date.UTC(2026, 10, 24, 14) }],
  ) =>
    vi.fn<NonNullable<ReminderDeps['planned']>>(async (from, to) =>
      instances.filter((i) => i.scheduledAt >= from && i.scheduledAt < to),
    );
  const upcomingBob = vi.fn<ReminderDeps['upcoming']>(async () => [
    {
      sessionId: 's-bob',
      calendarEventId: BOB,
      relationshipId: 'r-alex',
      name: 'Alex',
      scheduledAt: NOW + 20 * MIN,
      openAgreements: 0,
      talkingPoints: 0,
    },
  ]);
  const WEEK = [
    '2026-11-22',
    '2026-11-23',
    '2026-11-24',
    '2026-11-25',
    '2026-11-26',
    '2026-11-27',
    '2026-11-28',
  ];
  /** The worker saw Bob's instance on Alice's calendar (a page showed it before it was cancelled). */
  const seenOnAlice = (reminders: Reminders) =>
    reminders.eventsJudged([
      judged({
        eventId: BOB,
        seriesId: 'bobseries',
        response: 'accepted',
        day: '2026-11-24',
        start: '14:00',
      }),
    ]);
  const shownWithout = {
    days: WEEK,
    eventIds: ['other_20261124T090000Z'],
    calendars: ['alice@acme.example'],
  };

  it('asks "reschedule?" once, opens its day in Calendar, and gives it no "prepare"', async () => {
    const { reminders, deps } = harness({}, { planned: planned(), upcoming: upcomingBob });
    await seenOnAlice(reminders);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const raised = await reminders.daysShown(shownWithout);
    expect(raised.map((r) => r.kind === 'reschedule' && [r.key, r.gone])).toEqual([
      [`reschedule:${BOB}`, true],
    ]);
    expect(deps.declined).toHaveBeenCalledWith([
      {
        eventId: BOB,
        dataEventId: '',
        relationshipId: 'r-alex',
        scheduledAt: Date.UTC(2026, 10, 24, 14),
        gone: true,
      },
    ]);
    expect(create).toHaveBeenCalledWith(
      `duet:reschedule:${BOB}`,
      expect.objectContaining({
        message: 'Your 1:1 with Alex on Tue 24 Nov is no longer in your Calendar — reschedule?',
        buttons: [{ title: 'Open in Calendar' }, { title: 'Cancel this session' }],
      }),
    );
    expect(await reminders.daysShown(shownWithout)).toEqual([]); // once
    expect(await reminders.check()).toEqual([]); // no "prepare" for it
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await reminders.clicked(`duet:reschedule:${BOB}`);
    expect(tabs).toHaveBeenCalledWith({ url: 'https://calendar.google.com/calendar/r/day/2026/11/24' });
    // "Cancel this session" cancels Duet's session for that instance.
    await reminders.buttonClicked(`duet:reschedule:${BOB}`, 1);
    expect(deps.cancelDeclined).toHaveBeenCalledWith({
      eventId: BOB,
      relationshipId: 'r-alex',
      scheduledAt: Date.UTC(2026, 10, 24, 14),
    });
    expect(await fakeBrowser.storage.local.get('gone-events')).toEqual({ 'gone-events': [BOB] }); // ids only
  });

  it('a prompt still waiting when the browser restarted is asked once the 1:1 is seen gone again', async () => {
    // Seen gone before the restart, never prompted (its prompt waited: the waiting list was that session's).
    const { reminders } = harness({}, { planned: planned(), upcoming: upcomingBob });
    await seenOnAlice(reminders);
    await fakeBrowser.storage.local.set({ 'gone-events': [BOB] });
    const raised = await reminders.daysShown(shownWithout);
    expect(raised.map((r) => r.kind === 'reschedule' && [r.key, r.gone])).toEqual([
      [`reschedule:${BOB}`, true],
    ]);
    // Prompted now: never again.
    expect(await reminders.daysShown(shownWithout)).toEqual([]);
    const restarted = harness({}, { planned: planned(), upcoming: upcomingBob });
    expect(await restarted.reminders.daysShown(shownWithout)).toEqual([]);
  });

  it('no "after" for a 1:1 Calendar no longer shows (it did not take place)', async () => {
    const held = vi.fn<ReminderDeps['held']>(async () => [
      {
        sessionId: 's-bob',
        calendarEventId: BOB,
        relationshipId: 'r-alex',
        name: 'Alex',
        heldAt: NOW - HOUR,
        agreementsMade: 0,
      },
    ]);
    const { reminders } = harness({}, { planned: planned(), upcoming: vi.fn(async () => []), held });
    await seenOnAlice(reminders);
    await fakeBrowser.storage.local.set({ 'gone-events': [BOB] });
    expect(await reminders.check()).toEqual([]);
    await fakeBrowser.storage.local.set({ 'gone-events': [] });
    const fresh = harness({}, { planned: planned(), upcoming: vi.fn(async () => []), held });
    expect((await fresh.reminders.check()).map((r) => r.kind)).toEqual(['after-held']);
  });

  it('cancelled, and seen only after its time: no prompt, but no "after" question either', async () => {
    const held = vi.fn<ReminderDeps['held']>(async () => [
      {
        sessionId: 's-bob',
        calendarEventId: BOB,
        relationshipId: 'r-alex',
        name: 'Alex',
        heldAt: Date.UTC(2026, 10, 24, 14, 30),
        agreementsMade: 0,
      },
    ]);
    const afterwards = () => Date.UTC(2026, 10, 24, 16);
    const { reminders } = harness(
      {},
      { planned: planned(), upcoming: vi.fn(async () => []), held, now: afterwards },
    );
    await seenOnAlice(reminders);
    expect(await reminders.daysShown(shownWithout)).toEqual([]); // past: nothing to reschedule
    expect(await reminders.check()).toEqual([]); // and it did not take place
    expect(await fakeBrowser.storage.session.get('reminders.declined')).toEqual({ 'reminders.declined': [] });
  });

  it('shown again (moved back, restored): forgotten, and "prepare" comes back', async () => {
    const { reminders } = harness({ reschedule: false }, { planned: planned(), upcoming: upcomingBob });
    await seenOnAlice(reminders);
    expect(await reminders.daysShown(shownWithout)).toEqual([]); // switched off: no prompt…
    expect(await reminders.check()).toEqual([]); // …but no "prepare" for a 1:1 that is not there
    await reminders.daysShown({ ...shownWithout, eventIds: [BOB] });
    expect((await reminders.check()).map((r) => r.kind)).toEqual(['before-session']);
  });

  it('nothing when the instance is shown, its day is not, it is past, or its calendar is hidden', async () => {
    const { reminders, deps } = harness({}, { planned: planned() });
    expect(await reminders.daysShown({ ...shownWithout, eventIds: [BOB, 'x'] })).toEqual([]);
    expect(await reminders.daysShown({ ...shownWithout, days: ['2026-11-25', '2026-11-26'] })).toEqual([]);
    const later = harness({}, { planned: planned(), now: () => Date.UTC(2026, 10, 25, 15) });
    expect(await later.reminders.daysShown(shownWithout)).toEqual([]); // more than a day past
    expect(deps.declined).not.toHaveBeenCalled();
    // Never seen by this browser (its calendar unknown: another account's page, say): not judged.
    expect(await reminders.daysShown(shownWithout)).toEqual([]);
    expect(deps.declined).not.toHaveBeenCalled();
    // Seen on Alice's calendar; now only a colleague's is shown (Alice's was hidden in the sidebar).
    await seenOnAlice(reminders);
    expect(await reminders.daysShown({ ...shownWithout, calendars: ['carol@acme.example'] })).toEqual([]);
    expect(deps.declined).not.toHaveBeenCalled();
    // Alice's calendar shown without it: gone.
    expect((await reminders.daysShown(shownWithout)).map((r) => r.key)).toEqual([`reschedule:${BOB}`]);
  });

  it('a series moved or split ("this and following") shows the meeting re-timed: not gone', async () => {
    const { reminders, deps } = harness({}, { planned: planned() });
    await seenOnAlice(reminders);
    // The whole series moved an hour: its instances have new ids.
    const moved = { ...shownWithout, eventIds: ['bobseries_20261124T150000Z'] };
    expect(await reminders.daysShown(moved)).toEqual([]);
    // Edited "this and following": a new series continues the old one.
    const split = { ...shownWithout, eventIds: ['bobseries_R20261117T140000_20261124T143000Z'] };
    expect(await reminders.daysShown(split)).toEqual([]);
    expect(deps.declined).not.toHaveBeenCalled();
    // Another series, or the same one a day away: gone.
    const other = {
      ...shownWithout,
      eventIds: ['otherseries_20261124T140000Z', 'bobseries_20261125T140000Z'],
    };
    expect(await reminders.daysShown(other)).toHaveLength(1);
    expect(continuedIn({ eventId: 'single', scheduledAt: NOW }, ['single_20261124T100000Z'])).toBe(false);
  });

  it('remembers which calendar an instance is on as an opaque hash in storage.local (no address on disk)', async () => {
    const { reminders } = harness({}, { planned: planned() });
    await seenOnAlice(reminders);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(INSTANCE_CALENDARS_KEY))[INSTANCE_CALENDARS_KEY]).toEqual({
        [BOB]: calendarHash('alice@acme.example'),
      }),
    );
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('acme');
    // A new worker (or browser) still knows it.
    const restarted = harness({}, { planned: planned() });
    expect(await restarted.reminders.daysShown(shownWithout)).toHaveLength(1);
  });

  it("reads the view's days in Calendar's own time zone", async () => {
    // Calendar shows UTC+9 (skew +9 h): an instance at 20:00 UTC on the 24th is on the 25th at 05:00 there.
    await fakeBrowser.storage.session.set({ 'calendar.clock-skews': { '*@UTC': 9 * HOUR } });
    const late = {
      eventId: 'bobseries_20261124T200000Z',
      relationshipId: 'r-alex',
      scheduledAt: Date.UTC(2026, 10, 24, 20),
    };
    const { reminders, deps } = harness({}, { planned: planned([late]) });
    await reminders.eventsJudged([
      judged({ eventId: late.eventId, seriesId: 'bobseries', response: 'accepted' }),
    ]);
    expect(await reminders.daysShown({ ...shownWithout, days: ['2026-11-24'] })).toEqual([]);
    expect(deps.declined).not.toHaveBeenCalled();
    expect(await reminders.daysShown({ ...shownWithout, days: ['2026-11-25'] })).toHaveLength(1);
    expect(deps.declined).toHaveBeenCalledTimes(1);
  });
});

describe("Calendar's own time zone (a traveller who kept the home zone)", () => {
  // In Berlin (UTC+1 in November) with Calendar still on Los Angeles time (UTC−8): chips say 9 hours less.
  const instance = (series: string, iso: string) => `${series}_${iso.replace(/[-:]/g, '').slice(0, 15)}Z`;
  const chip = (day: string, start: string, eventId: string, relationshipId: string | null): JudgedEvent => ({
    ...judged(
      { response: 'accepted', day, start, eventId, seriesId: eventId.split('_')[0]! },
      relationshipId,
    ),
    detection: { isOneOnOne: true } as unknown as JudgedEvent['detection'],
  });
  /** Other chips of the week, where Calendar shows them: the evidence. */
  const week = [
    chip('2026-11-23', '09:00', instance('standup', '2026-11-23T17:00:00'), null),
    chip('2026-11-24', '09:00', instance('standup', '2026-11-24T17:00:00'), null),
    chip('2026-11-25', '14:00', instance('review', '2026-11-25T22:00:00'), null),
  ];
  const planned = (planSeen: ReturnType<typeof vi.fn>) =>
    planSeen.mock.calls.flatMap(([seen]) =>
      (seen as { eventId: string; scheduledAt: number }[]).map(({ eventId, scheduledAt }) => [
        eventId,
        new Date(scheduledAt).toISOString(),
      ]),
    );

  it('plans a single 1:1 and a moved instance at the instants Calendar means, not 9 hours early', async () => {
    process.env.TZ = 'Europe/Berlin';
    const planSeen = vi.fn<NonNullable<ReminderDeps['planSeen']>>(async () => 1);
    const { reminders } = harness({}, { planSeen });
    await reminders.eventsJudged(
      [
        ...week,
        chip('2026-11-26', '10:00', 'single', 'r-alex'),
        // Moved from Tuesday 10am to Wednesday 11:30am: the id keeps the old start.
        chip('2026-11-25', '11:30', instance('alexweekly', '2026-11-24T18:00:00'), 'r-alex'),
        chip('2026-11-27', '10:00', instance('alexweekly', '2026-11-27T18:00:00'), 'r-alex'),
      ],
      0,
    );
    expect(planned(planSeen)).toEqual([
      ['single', '2026-11-26T18:00:00.000Z'],
      ['alexweekly_20261124T180000Z', '2026-11-25T19:30:00.000Z'],
      ['alexweekly_20261127T180000Z', '2026-11-27T18:00:00.000Z'],
    ]);
  });

  it('a batch too small to tell uses what the account showed before, in a restarted worker too', async () => {
    process.env.TZ = 'Europe/Berlin';
    const first = harness({}, { planSeen: vi.fn(async () => 1) });
    await first.reminders.eventsJudged(week, 0);
    const planSeen = vi.fn<NonNullable<ReminderDeps['planSeen']>>(async () => 1);
    const restarted = harness({}, { planSeen });
    await restarted.reminders.eventsJudged([chip('2026-11-26', '10:00', 'single', 'r-alex')], 0);
    // Another account's Calendar is on this computer's zone: its chips are read as they are.
    await restarted.reminders.eventsJudged(
      [
        chip('2026-11-23', '09:00', instance('other', '2026-11-23T08:00:00'), null),
        chip('2026-11-24', '11:00', instance('another', '2026-11-24T10:00:00'), null),
        chip('2026-11-26', '10:00', 'single2', 'r-alex'),
      ],
      1,
    );
    await restarted.reminders.eventsJudged([chip('2026-11-26', '12:00', 'single3', 'r-alex')], 0);
    expect(planned(planSeen)).toEqual([
      ['single', '2026-11-26T18:00:00.000Z'],
      ['single2', '2026-11-26T09:00:00.000Z'],
      ['single3', '2026-11-26T20:00:00.000Z'],
    ]);
    // Kept in memory storage only, as numbers per account (and this computer's zone).
    expect(await fakeBrowser.storage.session.get('calendar.clock-skews')).toEqual({
      'calendar.clock-skews': { '0@Europe/Berlin': -9 * HOUR, '1@Europe/Berlin': 0 },
    });
    expect(await fakeBrowser.storage.local.get('calendar.clock-skews')).toEqual({});
  });

  it("with nothing learned, chips are read in this computer's zone (Calendar's, unless its setting differs)", async () => {
    process.env.TZ = 'Europe/Berlin';
    const planSeen = vi.fn<NonNullable<ReminderDeps['planSeen']>>(async () => 1);
    const { reminders } = harness({}, { planSeen });
    await fakeBrowser.storage.session.set({
      'calendar.clock-skews': { '0@Europe/Berlin': 'x', '1@Europe/Berlin': 7 * MIN },
    });
    await reminders.eventsJudged([chip('2026-11-26', '10:00', 'single', 'r-alex')], 0);
    await reminders.eventsJudged([chip('2026-11-26', '11:00', 'single2', 'r-alex')], 1);
    expect(planned(planSeen)).toEqual([
      ['single', '2026-11-26T09:00:00.000Z'],
      ['single2', '2026-11-26T10:00:00.000Z'],
    ]);
  });
});

describe('"reschedule?" for a declined tracked 1:1', () => {
  it('raises once per event instance, with buttons, and leaves the session alone', async () => {
    const { reminders, deps } = harness();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const raised = await reminders.eventsJudged([judged()]);
    expect(raised.map((r) => r.key)).toEqual(['reschedule:9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z']);
    expect(deps.declined).toHaveBeenCalledWith([
      {
        eventId: '9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z',
        dataEventId: 'OXE3a2Rscm1vaDdj',
        relationshipId: 'r-alex',
        scheduledAt: Date.UTC(2026, 10, 24, 17),
      },
    ]);
    expect(create).toHaveBeenCalledWith(
      'duet:reschedule:9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z',
      expect.objectContaining({
        title: 'Reschedule your 1:1?',
        message: 'Your 1:1 with Alex on Tue 24 Nov was declined — reschedule?',
        buttons: [{ title: 'Open in Calendar' }, { title: 'Cancel this session' }],
      }),
    );
    expect(await reminders.eventsJudged([judged()])).toEqual([]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(deps.cancelDeclined).not.toHaveBeenCalled();
  });

  it("says the day as Calendar shows it when Calendar's time zone is not this computer's", async () => {
    // Calendar 9 hours ahead of this computer (UTC here): 01:00 on Wednesday there is Tuesday 16:00 here.
    const skew = 9 * 60 * MIN;
    const clocks = {
      learn: async () => fixedClock(skew),
      clockFor: async () => fixedClock(skew),
    } as unknown as CalendarClocks;
    const { reminders } = harness({}, { clocks });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await reminders.eventsJudged([
      judged({
        day: '2026-11-25',
        start: '01:00',
        end: '01:30',
        eventId: '9q7kdlrmoh7cfue81kf5u8fmkk_20261124T160000Z',
      }),
    ]);
    expect(create).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ message: 'Your 1:1 with Alex on Wed 25 Nov was declined — reschedule?' }),
    );
  });

  it("a click opens the 1:1's day in Calendar's time zone", () => {
    // Tuesday 16:00 here (UTC) is Wednesday 01:00 in a Calendar 9 hours ahead.
    const target = {
      kind: 'before-session' as const,
      relationshipId: 'r-alex',
      sessionId: 's',
      eventId: null,
      dataEventId: null,
      at: Date.UTC(2026, 10, 24, 16),
      until: NOW + DAY,
      account: 1,
    };
    expect(targetUrl(target)).toBe('https://calendar.google.com/calendar/u/1/r/day/2026/11/24');
    expect(targetUrl({ ...target, skew: 9 * 60 * MIN })).toBe(
      'https://calendar.google.com/calendar/u/1/r/day/2026/11/25',
    );
  });

  it('only for declined, timed events of a tracked 1:1, when switched on', async () => {
    const { reminders, deps } = harness();
    await reminders.eventsJudged([
      judged({ response: 'accepted' }),
      judged({}, null),
      judged({ allDay: true, start: null, end: null }),
    ]);
    expect(deps.declined).not.toHaveBeenCalled();
    const off = harness({ reschedule: false });
    expect(await off.reminders.eventsJudged([judged()])).toEqual([]);
    expect(off.deps.declined).not.toHaveBeenCalled();
    expect(await notifications()).toEqual({});
  });

  it('reads the time from the chip (a moved instance), else from the instance id', async () => {
    const { reminders, deps } = harness();
    await reminders.eventsJudged([judged({ day: '2026-11-25', start: '09:30' })]);
    expect(deps.declined.mock.calls[0]?.[0][0]?.scheduledAt).toBe(Date.UTC(2026, 10, 25, 9, 30));
    await reminders.eventsJudged([judged({ day: null, start: null, eventId: 'abc_20261126T080000Z' })]);
    expect(deps.declined.mock.calls[1]?.[0][0]?.scheduledAt).toBe(Date.UTC(2026, 10, 26, 8));
    // Neither: nothing to ask about.
    await reminders.eventsJudged([judged({ day: null, start: null, eventId: 'single' })]);
    expect(deps.declined).toHaveBeenCalledTimes(2);
  });

  it('Firefox (no buttons): a plain notification whose click opens the event', async () => {
    const { reminders } = harness({}, { supportsButtons: false });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await reminders.eventsJudged([judged()]);
    expect((create.mock.calls[0] as unknown[])[1]).not.toHaveProperty('buttons');
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await reminders.clicked('duet:reschedule:9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z');
    expect(tabs).toHaveBeenCalledWith({
      url: 'https://calendar.google.com/calendar/r/eventedit/OXE3a2Rscm1vaDdj',
    });
  });

  it('a browser that refuses buttons still gets the prompt', async () => {
    const { reminders } = harness();
    const original = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (
      id: string,
      options: { buttons?: unknown },
    ) => {
      if (options.buttons) throw new Error('buttons unsupported');
      return original(id, options as never);
    }) as never);
    expect(await reminders.eventsJudged([judged()])).toHaveLength(1);
    expect(create).toHaveBeenCalledTimes(2);
    expect(Object.keys(await notifications())).toHaveLength(1);
  });

  it('"Cancel this session" cancels via the DB, clears the prompt and refreshes the badges', async () => {
    const { reminders, deps } = harness();
    await reminders.eventsJudged([judged()]);
    const id = 'duet:reschedule:9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z';
    await reminders.buttonClicked(id, 1);
    expect(deps.cancelDeclined).toHaveBeenCalledWith({
      eventId: '9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z',
      relationshipId: 'r-alex',
      scheduledAt: Date.UTC(2026, 10, 24, 17),
    });
    expect(deps.dataChanged).toHaveBeenCalledTimes(1);
    expect(await notifications()).toEqual({});
    // Decided: the pending prompt is gone, a second press does nothing.
    await reminders.buttonClicked(id, 1);
    expect(deps.cancelDeclined).toHaveBeenCalledTimes(1);
  });

  it('"Open in Calendar" opens the event and keeps the decision pending', async () => {
    const { reminders, deps } = harness();
    await reminders.eventsJudged([judged()]);
    const id = 'duet:reschedule:9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z';
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await reminders.buttonClicked(id, 0);
    expect(tabs).toHaveBeenCalledWith({
      url: 'https://calendar.google.com/calendar/r/eventedit/OXE3a2Rscm1vaDdj',
    });
    expect(deps.cancelDeclined).not.toHaveBeenCalled();
    const pending = (await fakeBrowser.storage.session.get(PENDING_KEY))[PENDING_KEY] as Record<
      string,
      unknown
    >;
    expect(Object.keys(pending)).toEqual([id]);
    expect(pending[id]).toEqual({
      kind: 'reschedule',
      relationshipId: 'r-alex',
      sessionId: null,
      eventId: '9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z',
      dataEventId: 'OXE3a2Rscm1vaDdj',
      at: Date.UTC(2026, 10, 24, 17),
      until: Date.UTC(2026, 10, 24, 17) + DAY,
      account: null,
      skew: 0,
    });
  });

  describe('no decline is dropped: what the caps hold back comes in a later check', () => {
    const ALEX_1 = '9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z';
    const ALEX_2 = '9q7kdlrmoh7cfue81kf5u8fmkk_20261201T170000Z';
    const clockAt = (start: number) => {
      let now = start;
      return { now: () => now, advance: (ms: number) => void (now += ms) };
    };
    const keys = (raised: readonly Reminder[]) => raised.map((r) => r.key);

    it('two declined instances of one 1:1 in a batch: the first now, the second at the next check', async () => {
      const { reminders } = harness({}, { upcoming: vi.fn(async () => []) });
      const raised = await reminders.eventsJudged([
        judged(),
        judged({ eventId: ALEX_2, day: '2026-12-01', dataEventId: 'second' }),
      ]);
      expect(keys(raised)).toEqual([`reschedule:${ALEX_1}`]);
      expect(keys(await reminders.check())).toEqual([`reschedule:${ALEX_2}`]);
      expect(await reminders.check()).toEqual([]);
      expect(Object.keys(await notifications()).sort()).toEqual(
        [`duet:reschedule:${ALEX_1}`, `duet:reschedule:${ALEX_2}`].sort(),
      );
    });

    it('a decline seen while the hourly cap is used is raised once the hour has passed', async () => {
      const clock = clockAt(NOW);
      const full = Array.from({ length: 4 }, (_, i) => ({ key: `after-held:s${i}`, at: NOW - 10 * MIN }));
      await fakeBrowser.storage.local.set({ [SENT_LOG_KEY]: { entries: full } });
      const { reminders } = harness({}, { upcoming: vi.fn(async () => []), now: clock.now });
      expect(await reminders.eventsJudged([judged()])).toEqual([]);
      expect(await reminders.check()).toEqual([]); // still capped
      clock.advance(HOUR);
      expect(keys(await reminders.check())).toEqual([`reschedule:${ALEX_1}`]);
    });

    it('kept for a restarted worker; forgotten once accepted again, raised, or past', async () => {
      const stored = async () =>
        (await fakeBrowser.storage.session.get('reminders.declined'))['reminders.declined'];
      const full = Array.from({ length: 4 }, (_, i) => ({ key: `after-held:s${i}`, at: NOW - 10 * MIN }));
      await fakeBrowser.storage.local.set({ [SENT_LOG_KEY]: { entries: full } });
      const first = harness({}, { upcoming: vi.fn(async () => []) });
      await first.reminders.eventsJudged([
        judged(),
        judged({ eventId: ALEX_2, day: '2026-12-01', dataEventId: 'second' }),
      ]);
      // Opaque ids and the instance's time only.
      expect(await stored()).toEqual([
        {
          eventId: ALEX_1,
          dataEventId: 'OXE3a2Rscm1vaDdj',
          relationshipId: 'r-alex',
          scheduledAt: Date.UTC(2026, 10, 24, 17),
        },
        {
          eventId: ALEX_2,
          dataEventId: 'second',
          relationshipId: 'r-alex',
          scheduledAt: Date.UTC(2026, 11, 1, 17),
        },
      ]);
      expect(await fakeBrowser.storage.local.get('reminders.declined')).toEqual({}); // never on disk
      // The second instance is accepted again; a restarted worker, an hour later, raises the first only.
      await first.reminders.eventsJudged([
        judged({ eventId: ALEX_2, day: '2026-12-01', response: 'accepted' }),
      ]);
      const restarted = harness({}, { upcoming: vi.fn(async () => []), now: () => NOW + HOUR });
      expect(keys(await restarted.reminders.check())).toEqual([`reschedule:${ALEX_1}`]);
      expect(await stored()).toEqual([]);
      // A decline whose time has passed leaves the list without a prompt.
      const late = harness({}, { upcoming: vi.fn(async () => []), now: () => NOW + 2 * DAY });
      await fakeBrowser.storage.session.set({
        'reminders.declined': [
          { eventId: ALEX_2, dataEventId: 'second', relationshipId: 'r-alex', scheduledAt: NOW + DAY },
        ],
      });
      await fakeBrowser.storage.local.set({ [DECLINED_EVENTS_KEY]: [ALEX_2] });
      expect(await late.reminders.check()).toEqual([]);
      expect(await stored()).toEqual([]);
    });

    it('switched off: nothing waits, nothing is raised later', async () => {
      const full = Array.from({ length: 4 }, (_, i) => ({ key: `after-held:s${i}`, at: NOW - 10 * MIN }));
      await fakeBrowser.storage.local.set({ [SENT_LOG_KEY]: { entries: full } });
      const { reminders } = harness({ reschedule: false }, { upcoming: vi.fn(async () => []) });
      await reminders.eventsJudged([judged()]);
      const later = harness({}, { upcoming: vi.fn(async () => []), now: () => NOW + HOUR });
      expect(await later.reminders.check()).toEqual([]);
    });
  });

  it('opens Calendar in the signed-in account whose page showed that 1:1 (/calendar/u/N/)', async () => {
    const { reminders } = harness();
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    // Declined, seen in the second account's Calendar: its event opens there.
    await reminders.eventsJudged([judged()], 1);
    await reminders.buttonClicked('duet:reschedule:9q7kdlrmoh7cfue81kf5u8fmkk_20261124T170000Z', 0);
    expect(tabs).toHaveBeenLastCalledWith({
      url: 'https://calendar.google.com/calendar/u/1/r/eventedit/OXE3a2Rscm1vaDdj',
    });
    // "Prepare" for that 1:1 (not from a page): its day in the same account.
    const [prepare] = await reminders.check();
    expect(prepare?.kind).toBe('before-session');
    await reminders.clicked(`duet:${prepare!.key}`);
    expect(tabs.mock.lastCall?.[0].url).toMatch(/^https:\/\/calendar\.google\.com\/calendar\/u\/1\/r\/day\//);
    // Only the account is kept (storage.session), per 1:1.
    expect((await fakeBrowser.storage.session.get('reminders.accounts'))['reminders.accounts']).toEqual({
      '*': 1,
      'r-alex': 1,
    });
  });
});

describe('the reminder check settles meetings noted while they went on', () => {
  it('asks the data layer first, so "after the 1:1" sees them held; a failure there stops nothing', async () => {
    const order: string[] = [];
    const settleNoted = vi.fn<NonNullable<ReminderDeps['settleNoted']>>(async () => {
      order.push('settle');
      return 1;
    });
    const held = vi.fn<ReminderDeps['held']>(async () => {
      order.push('held');
      return [];
    });
    const { reminders } = harness({}, { settleNoted, held });
    await reminders.check();
    expect(settleNoted).toHaveBeenCalledWith(NOW);
    expect(order).toEqual(['settle', 'held']);
    // The data layer failing there: the check goes on and reads the rest.
    const stillHeld = vi.fn<ReminderDeps['held']>(async () => []);
    const failing = harness(
      {},
      { settleNoted: vi.fn(async () => Promise.reject(new Error('closed'))), held: stillHeld },
    );
    await failing.reminders.check();
    expect(stillHeld).toHaveBeenCalled();
  });
});
