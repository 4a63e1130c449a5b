import { describe, expect, it } from 'vitest';
import {
  type ChipTime,
  chipStart,
  fixedClock,
  MIN_SERIES_TO_CHANGE,
  readClock,
  skewSample,
} from '@/lib/domain/calendar-clock';
import { localInstant } from '@/lib/domain/reminders';
import { restoreTimeZoneAfterEach } from '../helpers/time-zone';

restoreTimeZoneAfterEach();

const MIN = 60_000;
const HOUR = 60 * MIN;
const utc = (iso: string) => Date.parse(iso);
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

/** A chip as Calendar shows it (`day`, `time`), read in this process's zone; `startsUtc` from its id. */
function chip(seriesId: string, day: string, time: string, startsUtc: string | null = null): ChipTime {
  return {
    seriesId,
    wall: localInstant(day, time),
    instance: startsUtc === null ? null : utc(startsUtc),
  };
}

describe('skewSample', () => {
  it.each([
    ['same zone', 0, 0, 0],
    ['Calendar 7 hours behind', 7 * HOUR, 0, 7 * HOUR],
    ['Calendar ahead', -(5 * HOUR + 30 * MIN), 0, -(5 * HOUR + 30 * MIN)],
    ['Kiritimati against Baker Island and summer time', 27 * HOUR, 0, 27 * HOUR],
    ['more than any two zones', 27 * HOUR + 15 * MIN, 0, null],
    ['not a quarter hour', 7 * HOUR + 10 * MIN, 0, null],
    ['seconds', 7 * HOUR + 1000, 0, null],
  ])('%s', (_name, wall, instance, expected) => {
    expect(skewSample(wall, instance)).toBe(expected);
  });

  it('no wall time or no instance start: no evidence', () => {
    expect(skewSample(null, 0)).toBeNull();
    expect(skewSample(0, null)).toBeNull();
  });
});

describe('readClock', () => {
  const at = (skew: number, series: string, n = 0): ChipTime => ({
    seriesId: series,
    wall: n * HOUR + skew,
    instance: n * HOUR,
  });

  it.each([
    ['nothing to go on', [], null],
    ['chips without instances', [{ seriesId: 'a', wall: 0, instance: null }], null],
    ['one series is not enough', [at(7 * HOUR, 'a')], null],
    ['one series, many instances, is still one vote', [at(7 * HOUR, 'a', 0), at(7 * HOUR, 'a', 24)], null],
    ['two series agree', [at(7 * HOUR, 'a'), at(7 * HOUR, 'b')], 7 * HOUR],
    ['a moved instance is outvoted', [at(7 * HOUR, 'a'), at(7 * HOUR, 'b'), at(9 * HOUR, 'c')], 7 * HOUR],
    ['a tie tells nothing', [at(7 * HOUR, 'a'), at(7 * HOUR, 'b'), at(0, 'c'), at(0, 'd')], null],
    [
      'a plurality is not a majority',
      [at(7 * HOUR, 'a'), at(7 * HOUR, 'b'), at(0, 'c'), at(HOUR, 'd'), at(2 * HOUR, 'e')],
      null,
    ],
    ['agreeing on the same zone', [at(0, 'a'), at(0, 'b'), at(0, 'c'), at(3 * HOUR, 'd')], 0],
  ])('%s', (_name, chips, expected) => {
    expect(readClock(chips, null).learned).toBe(expected);
    expect(readClock(chips, null).skew).toBe(expected ?? 0);
  });

  it('the same moved instance in two overlaid calendars cannot make a skew', () => {
    const moved = at(HOUR, 'alexweekly');
    expect(readClock([moved, { ...moved }], 0)).toMatchObject({ skew: 0, learned: null });
    expect(readClock([moved, { ...moved }], null)).toMatchObject({ skew: 0, learned: null });
  });

  it(`overruling what the account showed before takes ${MIN_SERIES_TO_CHANGE} series`, () => {
    // Two 1:1s moved by an hour, in a batch of their own: not a new zone.
    expect(readClock([at(HOUR, 'a'), at(HOUR, 'b')], 0)).toMatchObject({ skew: 0, learned: null });
    // A week of a new zone (the computer travelled, or Calendar's setting changed).
    expect(readClock([at(HOUR, 'a'), at(HOUR, 'b'), at(HOUR, 'c')], 0)).toMatchObject({
      skew: HOUR,
      learned: HOUR,
    });
    // Agreeing with it: learned again.
    expect(readClock([at(HOUR, 'a'), at(HOUR, 'b')], HOUR)).toMatchObject({ skew: HOUR, learned: HOUR });
    // Nothing to go on: the one before.
    expect(readClock([], -8 * HOUR)).toMatchObject({ skew: -8 * HOUR, learned: null });
  });

  it('an hour off the skew is accepted only where two instances show it, on one side of the rest', () => {
    const skews = (chips: ChipTime[]) => readClock(chips, null).accepted.map(({ skew }) => skew);
    const abroad = -8 * HOUR;
    // One instance an hour off: moved.
    expect(skews([at(abroad, 'a', 1), at(abroad, 'b', 2), at(abroad + HOUR, 'c', 3)])).toEqual([abroad]);
    // Two, after all the others: the other side of a summer-time change.
    expect(
      skews([
        at(abroad, 'a', 1),
        at(abroad, 'b', 2),
        at(abroad, 'c', 3),
        at(abroad + HOUR, 'd', 4),
        at(abroad + HOUR, 'd', 5),
      ]),
    ).toEqual([abroad, abroad + HOUR]);
    // Two, among the others: moved.
    expect(
      skews([
        at(abroad, 'a', 1),
        at(abroad, 'b', 3),
        at(abroad, 'c', 5),
        at(abroad + HOUR, 'd', 2),
        at(abroad + HOUR, 'e', 4),
      ]),
    ).toEqual([abroad]);
    // At home (skew 0) an hour off is always a move, never a change of clocks.
    expect(skews([at(0, 'a', 1), at(0, 'b', 2), at(0, 'c', 3), at(HOUR, 'd', 4), at(HOUR, 'e', 5)])).toEqual([
      0,
    ]);
  });

  it('at home, two 1:1s moved by an hour are read at their new times', () => {
    const chips = [at(0, 'a', 1), at(0, 'b', 2), at(0, 'c', 3), at(HOUR, 'd', 4), at(HOUR, 'e', 5)];
    const read = readClock(chips, null);
    expect(chips.map((c) => chipStart(c, read))).toEqual([1, 2, 3, 5, 6].map((n) => n * HOUR));
  });
});

describe('chipStart', () => {
  const clock = fixedClock(7 * HOUR);

  it('an instance where Calendar shows it starts exactly when its id says', () => {
    const shown = { seriesId: 'a', wall: utc('2026-03-23T23:00:00Z'), instance: utc('2026-03-23T16:00:00Z') };
    expect(chipStart(shown, clock)).toBe(utc('2026-03-23T16:00:00Z'));
  });

  it('a moved instance or a single event starts at its wall time less the skew', () => {
    // Moved from 9am to 1pm Calendar time: the id still says 9am.
    const moved = { seriesId: 'a', wall: utc('2026-03-24T03:00:00Z'), instance: utc('2026-03-23T16:00:00Z') };
    expect(chipStart(moved, clock)).toBe(utc('2026-03-23T20:00:00Z'));
    expect(chipStart({ ...moved, instance: null }, clock)).toBe(utc('2026-03-23T20:00:00Z'));
  });

  it('no wall time: the instance start; neither: unknown', () => {
    expect(chipStart({ seriesId: 'a', wall: null, instance: utc('2026-03-23T16:00:00Z') }, clock)).toBe(
      utc('2026-03-23T16:00:00Z'),
    );
    expect(chipStart({ seriesId: 'a', wall: null, instance: null }, clock)).toBeNull();
  });

  it('a traveller in Berlin whose Calendar keeps Los Angeles time: every chip lands on its real instant', () => {
    process.env.TZ = 'Europe/Berlin';
    // The week of 22 March 2026: Los Angeles is on summer time (UTC−7) since 8 March, Berlin not yet (UTC+1).
    const chips = [
      chip('standup', '2026-03-23', '09:00', '2026-03-23T16:00:00Z'),
      chip('alexweekly', '2026-03-23', '10:00', '2026-03-23T17:00:00Z'),
      chip('review', '2026-03-24', '14:00', '2026-03-24T21:00:00Z'),
      chip('carol', '2026-03-27', '15:30', '2026-03-27T18:00:00Z'), // moved from 11am
      chip('single', '2026-03-26', '16:00'),
    ];
    const read = readClock(chips, null);
    expect(read.learned).toBe(-8 * HOUR);
    expect(chips.map((c) => iso(chipStart(c, read)))).toEqual([
      '2026-03-23T16:00:00.000Z',
      '2026-03-23T17:00:00.000Z',
      '2026-03-24T21:00:00.000Z',
      '2026-03-27T22:30:00.000Z',
      '2026-03-26T23:00:00.000Z',
    ]);
  });

  it('across a summer-time change one zone makes before the other: instances exact, others by the nearest', () => {
    process.env.TZ = 'Europe/Berlin';
    // March 2026 in a month view: Los Angeles moves to UTC−7 on 8 March, Berlin to UTC+2 on 29 March.
    // 9am Los Angeles is 17:00Z until 7 March, then 16:00Z.
    const daily = (day: string, startsUtc: string) => chip('standup', day, '09:00', startsUtc);
    const chips = [
      daily('2026-03-02', '2026-03-02T17:00:00Z'),
      daily('2026-03-03', '2026-03-03T17:00:00Z'),
      daily('2026-03-04', '2026-03-04T17:00:00Z'),
      daily('2026-03-09', '2026-03-09T16:00:00Z'),
      daily('2026-03-10', '2026-03-10T16:00:00Z'),
      chip('review', '2026-03-11', '14:00', '2026-03-11T21:00:00Z'),
      chip('review', '2026-03-18', '14:00', '2026-03-18T21:00:00Z'),
      chip('planning', '2026-03-12', '10:00', '2026-03-12T17:00:00Z'),
      daily('2026-03-30', '2026-03-30T16:00:00Z'),
      daily('2026-03-31', '2026-03-31T16:00:00Z'),
      chip('single', '2026-03-03', '12:00'), // noon Los Angeles, UTC−8: 20:00Z
      chip('single', '2026-03-17', '12:00'), // UTC−7: 19:00Z
      chip('single', '2026-03-31', '12:00'), // UTC−7: 19:00Z
    ];
    const read = readClock(chips, null);
    expect(read.learned).toBe(-8 * HOUR);
    expect(chips.map((c) => iso(chipStart(c, read)))).toEqual([
      '2026-03-02T17:00:00.000Z',
      '2026-03-03T17:00:00.000Z',
      '2026-03-04T17:00:00.000Z',
      '2026-03-09T16:00:00.000Z',
      '2026-03-10T16:00:00.000Z',
      '2026-03-11T21:00:00.000Z',
      '2026-03-18T21:00:00.000Z',
      '2026-03-12T17:00:00.000Z',
      '2026-03-30T16:00:00.000Z',
      '2026-03-31T16:00:00.000Z',
      '2026-03-03T20:00:00.000Z',
      '2026-03-17T19:00:00.000Z',
      '2026-03-31T19:00:00.000Z',
    ]);
  });

  it('at home (the same zone) nothing moves, across a summer-time change too', () => {
    process.env.TZ = 'America/Los_Angeles';
    // 9am on Friday 6 March (UTC−8) and on Monday 9 March (UTC−7); a moved instance; a single event.
    const chips = [
      chip('standup', '2026-03-06', '09:00', '2026-03-06T17:00:00Z'),
      chip('review', '2026-03-09', '09:00', '2026-03-09T16:00:00Z'),
      chip('carol', '2026-03-09', '15:00', '2026-03-09T16:00:00Z'),
      chip('single', '2026-03-09', '12:00'),
    ];
    const read = readClock(chips, null);
    expect(read.learned).toBe(0);
    expect(chips.map((c) => iso(chipStart(c, read)))).toEqual([
      '2026-03-06T17:00:00.000Z',
      '2026-03-09T16:00:00.000Z',
      '2026-03-09T22:00:00.000Z',
      '2026-03-09T19:00:00.000Z',
    ]);
  });
});
