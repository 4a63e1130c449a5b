import { describe, expect, it } from 'vitest';
import { CalendarClocks, chipStartsAt, chipTime, CLOCK_SKEWS_KEY } from '@/lib/background/calendar-clock';
import { fixedClock } from '@/lib/domain/calendar-clock';
import { mapSessionArea } from '../helpers/background';
import { useTimeZone } from '../helpers/time-zone';

// In Berlin (UTC+1 in November); Calendar on Los Angeles time (UTC−8): chips say 9 hours less.
useTimeZone('Europe/Berlin');

const HOUR = 3_600_000;
const event = (seriesId: string, day: string, start: string | null, instanceUtc: string | null) => ({
  seriesId,
  eventId: instanceUtc ? `${seriesId}_${instanceUtc.replace(/[-:]/g, '')}Z` : seriesId,
  day,
  start,
  allDay: start === null,
});
/** A week of three series where Calendar shows them (read in the test's zone). */
const week = () => [
  chipTime(event('standup', '2026-11-23', '09:00', '2026-11-23T17:00:00')),
  chipTime(event('review', '2026-11-24', '14:00', '2026-11-24T22:00:00')),
  chipTime(event('planning', '2026-11-25', '10:00', '2026-11-25T18:00:00')),
];

describe('CalendarClocks', () => {
  it("learns an account's skew, keeps it in session storage, and reads small batches with it", async () => {
    const area = mapSessionArea();
    const clocks = new CalendarClocks(area);
    expect((await clocks.learn(week(), 0)).skew).toBe(-9 * HOUR);
    expect(area.items.get(CLOCK_SKEWS_KEY)).toEqual({ '0@Europe/Berlin': -9 * HOUR });
    // A restarted worker: a single event alone is read with what account 0 showed.
    const restarted = new CalendarClocks(area);
    const single = event('single', '2026-11-26', '10:00', null);
    const clock = await restarted.learn([chipTime(single)], 0);
    expect(new Date(chipStartsAt(single, clock)!).toISOString()).toBe('2026-11-26T18:00:00.000Z');
    // Another account has learned nothing: this computer's zone.
    expect(new Date(chipStartsAt(single, await restarted.clockFor(1))!).toISOString()).toBe(
      '2026-11-26T09:00:00.000Z',
    );
  });

  it('two instances moved by the same hour, in a batch of their own, do not overrule what was learned', async () => {
    const area = mapSessionArea();
    const clocks = new CalendarClocks(area);
    await clocks.learn(week(), 0);
    const moved = [
      chipTime(event('alex', '2026-11-26', '11:00', '2026-11-26T18:00:00')),
      chipTime(event('carol', '2026-11-27', '12:00', '2026-11-27T19:00:00')),
    ];
    expect((await clocks.learn(moved, 0)).skew).toBe(-9 * HOUR);
    expect(area.items.get(CLOCK_SKEWS_KEY)).toEqual({ '0@Europe/Berlin': -9 * HOUR });
  });

  it('a panel opened while a batch is being read gets the clock that batch settles', async () => {
    const clocks = new CalendarClocks(mapSessionArea());
    const learning = clocks.learn(week(), 2);
    const clock = await clocks.clockFor(2);
    expect(clock.skew).toBe(-9 * HOUR);
    await learning;
  });

  it('a broken stored value is dropped (this computer’s zone)', async () => {
    const area = mapSessionArea();
    area.items.set(CLOCK_SKEWS_KEY, {
      '0@Europe/Berlin': 'x',
      '1@Europe/Berlin': 7 * 60_000,
      '2@Europe/Berlin': 3 * HOUR,
    });
    const clocks = new CalendarClocks(area);
    expect((await clocks.clockFor(0)).skew).toBe(0);
    expect((await clocks.clockFor(1)).skew).toBe(0);
    expect((await clocks.clockFor(2)).skew).toBe(3 * HOUR);
  });
});

describe('CalendarClocks when this computer changes time zone (the browser left running)', () => {
  it('does not read chips with the skew learned in the old zone: the first batch of two series settles the new one', async () => {
    // In New York, Calendar on New York time: skew 0.
    process.env.TZ = 'America/New_York';
    const area = mapSessionArea();
    const clocks = new CalendarClocks(area);
    const home = [
      chipTime(event('standup', '2026-11-23', '12:00', '2026-11-23T17:00:00')),
      chipTime(event('review', '2026-11-24', '17:00', '2026-11-24T22:00:00')),
      chipTime(event('planning', '2026-11-25', '13:00', '2026-11-25T18:00:00')),
    ];
    expect((await clocks.learn(home, 0)).skew).toBe(0);
    // Flown to Berlin; Calendar still shows New York time. Bob's 1:1 at 10:00 New York is 15:00Z.
    process.env.TZ = 'Europe/Berlin';
    const bob = event('bob', '2026-11-26', '10:00', '2026-11-26T15:00:00');
    const carol = event('carol', '2026-11-27', '11:00', '2026-11-27T16:00:00');
    const clock = await clocks.learn([chipTime(bob), chipTime(carol)], 0);
    expect(new Date(chipStartsAt(bob, clock)!).toISOString()).toBe('2026-11-26T15:00:00.000Z');
    // And the panel, opened later on a single chip (a moved instance: the id says 14:00Z, the chip 10:00).
    const moved = event('dan', '2026-11-26', '10:00', '2026-11-26T14:00:00');
    expect(new Date(chipStartsAt(moved, await clocks.clockFor(0))!).toISOString()).toBe(
      '2026-11-26T15:00:00.000Z',
    );
    // Back home, the skew learned there still holds.
    process.env.TZ = 'America/New_York';
    expect((await clocks.clockFor(0)).skew).toBe(0);
  });
});

describe('chipStartsAt', () => {
  it('an all-day event starts at local midnight of its day, else its instance date', () => {
    const offsite = event('offsite', '2026-03-26', null, null);
    expect(chipStartsAt(offsite, fixedClock(-9 * HOUR))).toBe(new Date(2026, 2, 26).getTime());
    const undated = { ...offsite, day: null, eventId: 'offsite_20260326' };
    expect(chipStartsAt(undated, fixedClock(0))).toBe(Date.UTC(2026, 2, 26));
  });
});
