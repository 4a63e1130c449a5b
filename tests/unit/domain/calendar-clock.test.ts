import { describe, expect, it } from 'vitest';
import { agreedSkew, chipStart, skewSample } from '@/lib/domain/calendar-clock';
import { localInstant } from '@/lib/domain/reminders';
import { restoreTimeZoneAfterEach } from '../helpers/time-zone';

restoreTimeZoneAfterEach();

const MIN = 60_000;
const HOUR = 60 * MIN;
const utc = (iso: string) => Date.parse(iso);

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

describe('agreedSkew', () => {
  it.each([
    ['nothing to go on', [], null],
    ['only unreadable chips', [null, null], null],
    ['one chip is not enough', [7 * HOUR], null],
    ['two agree', [7 * HOUR, 7 * HOUR], 7 * HOUR],
    ['a moved instance is outvoted', [7 * HOUR, 7 * HOUR, 9 * HOUR], 7 * HOUR],
    ['a tie tells nothing', [7 * HOUR, 7 * HOUR, 0, 0], null],
    ['a plurality is not a majority', [7 * HOUR, 7 * HOUR, 0, HOUR, 2 * HOUR], null],
    ['chips without evidence do not vote', [0, 0, null, null, null], 0],
    ['agreeing on the same zone', [0, 0, 0, 3 * HOUR], 0],
  ])('%s', (_name, samples, expected) => {
    expect(agreedSkew(samples)).toBe(expected);
  });
});

describe('chipStart', () => {
  it('an instance where Calendar shows it starts exactly when its id says', () => {
    expect(chipStart(utc('2026-03-23T23:00:00Z'), utc('2026-03-23T16:00:00Z'), 7 * HOUR)).toBe(
      utc('2026-03-23T16:00:00Z'),
    );
  });

  it('a moved instance or a single event starts at its wall time less the skew', () => {
    // Moved from 9am to 1pm Calendar time: the id still says 9am.
    expect(chipStart(utc('2026-03-24T03:00:00Z'), utc('2026-03-23T16:00:00Z'), 7 * HOUR)).toBe(
      utc('2026-03-23T20:00:00Z'),
    );
    expect(chipStart(utc('2026-03-24T03:00:00Z'), null, 7 * HOUR)).toBe(utc('2026-03-23T20:00:00Z'));
  });

  it('no wall time: the instance start; neither: unknown', () => {
    expect(chipStart(null, utc('2026-03-23T16:00:00Z'), 7 * HOUR)).toBe(utc('2026-03-23T16:00:00Z'));
    expect(chipStart(null, null, 0)).toBeNull();
  });

  it('a traveller in Berlin whose Calendar keeps Los Angeles time: every chip lands on its real instant', () => {
    process.env.TZ = 'Europe/Berlin';
    // The week of 22 March 2026: Los Angeles is on summer time (UTC−7) since 8 March, Berlin not yet (UTC+1).
    const chips = [
      { day: '2026-03-23', start: '09:00', id: '2026-03-23T16:00:00Z' },
      { day: '2026-03-23', start: '10:00', id: '2026-03-23T17:00:00Z' },
      { day: '2026-03-24', start: '14:00', id: '2026-03-24T21:00:00Z' },
      { day: '2026-03-27', start: '15:30', id: '2026-03-27T18:00:00Z' }, // moved from 11am
      { day: '2026-03-26', start: '16:00', id: null }, // a single event
    ];
    const reads = chips.map(({ day, start, id }) => ({
      wall: localInstant(day, start),
      instance: id === null ? null : utc(id),
    }));
    const skew = agreedSkew(reads.map(({ wall, instance }) => skewSample(wall, instance)));
    expect(skew).toBe(-8 * HOUR);
    expect(
      reads.map(({ wall, instance }) => new Date(chipStart(wall, instance, skew!)!).toISOString()),
    ).toEqual([
      '2026-03-23T16:00:00.000Z',
      '2026-03-23T17:00:00.000Z',
      '2026-03-24T21:00:00.000Z',
      '2026-03-27T22:30:00.000Z',
      '2026-03-26T23:00:00.000Z',
    ]);
  });

  it('at home (the same zone) nothing moves, across a summer-time change too', () => {
    process.env.TZ = 'America/Los_Angeles';
    // 9am on Friday 6 March (UTC−8) and on Monday 9 March (UTC−7).
    const reads = [
      { wall: localInstant('2026-03-06', '09:00'), instance: utc('2026-03-06T17:00:00Z') },
      { wall: localInstant('2026-03-09', '09:00'), instance: utc('2026-03-09T16:00:00Z') },
      { wall: localInstant('2026-03-09', '12:00'), instance: null },
    ];
    const skew = agreedSkew(reads.map(({ wall, instance }) => skewSample(wall, instance)));
    expect(skew).toBe(0);
    expect(reads.map(({ wall, instance }) => chipStart(wall, instance, skew!))).toEqual([
      utc('2026-03-06T17:00:00Z'),
      utc('2026-03-09T16:00:00Z'),
      utc('2026-03-09T19:00:00Z'),
    ]);
  });
});
