import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { JudgedEvent } from '@/lib/background/calendar';
import { type ReminderDeps, Reminders, sameSlotElsewhere } from '@/lib/background/reminders';
import { defaultReminderSettings } from '@/lib/domain/model';
import type { CalendarEvent } from '@/lib/google/calendar/model';
import { useTimeZone } from '../helpers/time-zone';

useTimeZone('UTC');

const MIN = 60_000;
/** Monday 23 Nov 2026, 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 23, 10);
const T14 = Date.UTC(2026, 10, 24, 14); // Tue 24 Nov, 14:00
const OLD = 'daveold_20261124T140000Z';
const NEW = 'davenew_20261124T140000Z';
const WEEK = [
  '2026-11-22',
  '2026-11-23',
  '2026-11-24',
  '2026-11-25',
  '2026-11-26',
  '2026-11-27',
  '2026-11-28',
];
const PLANNED = { eventId: OLD, relationshipId: 'r-dave', scheduledAt: T14 };

function harness(follow?: ReminderDeps['follow']) {
  const deps = {
    settings: vi.fn(async () => defaultReminderSettings()),
    overdueCount: vi.fn(async () => 0),
    upcoming: vi.fn<ReminderDeps['upcoming']>(async () => []),
    held: vi.fn<ReminderDeps['held']>(async () => []),
    cadence: vi.fn<ReminderDeps['cadence']>(async () => []),
    declined: vi.fn<ReminderDeps['declined']>(async (events) =>
      events.map((e) => ({
        ...e,
        name: 'Dave',
        archived: false,
        day: new Date(e.scheduledAt).toISOString().slice(0, 10),
        sessionId: null,
      })),
    ),
    planned: vi.fn<NonNullable<ReminderDeps['planned']>>(async (from, to) =>
      [PLANNED].filter((i) => i.scheduledAt >= from && i.scheduledAt < to),
    ),
    cancelDeclined: vi.fn<ReminderDeps['cancelDeclined']>(async () => undefined),
    dataChanged: vi.fn(),
    now: () => NOW,
    supportsButtons: true,
    locale: 'en-GB',
    ...(follow ? { follow } : {}),
  } satisfies ReminderDeps;
  return { deps, reminders: new Reminders(deps) };
}

/** The worker saw the old instance on Alice's calendar (a page showed it before the series was re-sent). */
function seenOnAlice(reminders: Reminders) {
  const event: CalendarEvent = {
    dataEventId: 'ZGF2ZW9sZA',
    eventId: OLD,
    seriesId: 'daveold',
    calendarId: 'alice@acme.example',
    title: 'Alice / Dave',
    day: '2026-11-24',
    start: '14:00',
    end: '14:30',
    allDay: false,
    response: 'accepted',
  };
  return reminders.eventsJudged([
    {
      event,
      detection: { isOneOnOne: false, reason: 'declined' } as unknown as JudgedEvent['detection'],
      relationshipId: 'r-dave',
      openAgreements: 0,
      others: null,
      details: undefined,
    },
  ]);
}

const view = (eventIds: string[]) => ({ days: WEEK, eventIds, calendars: ['alice@acme.example'] });

describe('daysShown: a series the organiser re-sent (new recurring id, same slot)', () => {
  it('the old instance missing, the new one shown at its start: its session follows, no "reschedule?"', async () => {
    const follow = vi.fn<NonNullable<ReminderDeps['follow']>>(async () => true);
    const { reminders, deps } = harness(follow);
    await seenOnAlice(reminders);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const raised = await reminders.daysShown(view(['other_20261124T090000Z', NEW]));
    expect(raised).toEqual([]);
    expect(follow).toHaveBeenCalledWith(PLANNED, [NEW]);
    expect(create).not.toHaveBeenCalled();
    expect(deps.declined).not.toHaveBeenCalled();
    expect(deps.dataChanged).toHaveBeenCalled();
    expect((await fakeBrowser.storage.local.get('gone-events'))['gone-events'] ?? []).toEqual([]);
    // Not gone: "prepare" is not held back for it.
    expect(await reminders.daysShown(view([NEW]))).toEqual([]);
    expect(deps.declined).not.toHaveBeenCalled();
  });

  it('seen gone before the new series showed: following takes the prompt back', async () => {
    const follow = vi.fn<NonNullable<ReminderDeps['follow']>>(async () => true);
    const { reminders } = harness(follow);
    await seenOnAlice(reminders);
    await fakeBrowser.storage.local.set({ 'gone-events': [OLD] });
    const clear = vi.spyOn(fakeBrowser.notifications, 'clear');
    expect(await reminders.daysShown(view([NEW]))).toEqual([]);
    expect(clear).toHaveBeenCalledWith(`duet:reschedule:${OLD}`);
    expect((await fakeBrowser.storage.local.get('gone-events'))['gone-events']).toEqual([]);
  });

  it('the data layer refuses (another 1:1, writing on both…): "reschedule?" as before', async () => {
    const follow = vi.fn<NonNullable<ReminderDeps['follow']>>(async () => false);
    const { reminders } = harness(follow);
    await seenOnAlice(reminders);
    const raised = await reminders.daysShown(view([NEW]));
    expect(follow).toHaveBeenCalledTimes(1);
    expect(raised.map((r) => r.key)).toEqual([`reschedule:${OLD}`]);
  });

  it('truly gone (nothing in its slot): "reschedule?", and the data layer is not asked', async () => {
    const follow = vi.fn<NonNullable<ReminderDeps['follow']>>(async () => true);
    const { reminders } = harness(follow);
    await seenOnAlice(reminders);
    // Another series an hour later, and the same series a day away: not its slot.
    const raised = await reminders.daysShown(
      view(['davenew_20261124T150000Z', 'daveold_20261125T140000Z', 'single-event']),
    );
    expect(follow).not.toHaveBeenCalled();
    expect(raised.map((r) => r.key)).toEqual([`reschedule:${OLD}`]);
  });

  it('its calendar not shown: no evidence it went anywhere, nothing moves', async () => {
    const follow = vi.fn<NonNullable<ReminderDeps['follow']>>(async () => true);
    const { reminders } = harness(follow);
    await seenOnAlice(reminders);
    expect(
      await reminders.daysShown({ days: WEEK, eventIds: [NEW], calendars: ['carol@acme.example'] }),
    ).toEqual([]);
    expect(follow).not.toHaveBeenCalled();
  });

  it('a failing data layer reads as "not followed"', async () => {
    const follow = vi.fn<NonNullable<ReminderDeps['follow']>>(async () => {
      throw new Error('database closed');
    });
    const { reminders } = harness(follow);
    await seenOnAlice(reminders);
    expect((await reminders.daysShown(view([NEW]))).map((r) => r.key)).toEqual([`reschedule:${OLD}`]);
  });
});

describe('sameSlotElsewhere', () => {
  it("other series' instances starting then (within a minute); never its own series, a split, nor a single event", () => {
    expect(
      sameSlotElsewhere(PLANNED, [
        OLD,
        NEW,
        NEW,
        'later_20261124T140100Z',
        'soon_20261124T140200Z',
        'daveold_20261124T150000Z',
        'daveold_R20261117T140000_20261124T140000Z',
        'single-event',
        'allday_20261124',
      ]),
    ).toEqual([NEW, 'later_20261124T140100Z']);
    expect(sameSlotElsewhere({ ...PLANNED, scheduledAt: T14 + 30 * MIN }, [NEW])).toEqual([]);
  });
});
