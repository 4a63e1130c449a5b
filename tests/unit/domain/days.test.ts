import { describe, expect, it } from 'vitest';
import { addDays, dayOf, daysBetween, weekOf } from '@/lib/domain/days';

describe('dayOf', () => {
  it('gives the local calendar day of a local Date, whatever the hour', () => {
    expect(dayOf(new Date(2026, 2, 29, 0, 0, 0))).toBe('2026-03-29');
    expect(dayOf(new Date(2026, 2, 29, 0, 30))).toBe('2026-03-29');
    expect(dayOf(new Date(2026, 2, 29, 23, 59, 59, 999))).toBe('2026-03-29');
  });

  it('accepts an instant (epoch ms) and reads it in local time', () => {
    expect(dayOf(new Date(2026, 9, 25, 12).getTime())).toBe('2026-10-25');
    expect(dayOf(new Date(2026, 9, 25, 23, 59).getTime())).toBe('2026-10-25');
    expect(dayOf(new Date(2026, 9, 26, 0, 1).getTime())).toBe('2026-10-26');
  });

  it('pads months and days to two digits', () => {
    expect(dayOf(new Date(2026, 0, 5, 9))).toBe('2026-01-05');
  });

  it('keeps the same day for every hour of the European and US DST-change days', () => {
    for (const [y, m, d] of [
      [2026, 2, 29], // EU spring forward
      [2026, 9, 25], // EU fall back
      [2026, 2, 8], // US spring forward
      [2026, 10, 1], // US fall back
    ] as const) {
      const expected = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      for (let hour = 0; hour < 24; hour++) expect(dayOf(new Date(y, m, d, hour, 30))).toBe(expected);
    }
  });
});

describe('addDays', () => {
  it('adds and subtracts calendar days', () => {
    expect(addDays('2026-03-23', 0)).toBe('2026-03-23');
    expect(addDays('2026-03-23', 1)).toBe('2026-03-24');
    expect(addDays('2026-03-23', -1)).toBe('2026-03-22');
    expect(addDays('2026-03-23', 14)).toBe('2026-04-06');
  });

  it('crosses DST changes without gaining or losing a day', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-10-20', 7)).toBe('2026-10-27');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-11-01', -1)).toBe('2026-10-31');
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2028-01-01', 366)).toBe('2029-01-01');
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative when the target is earlier', () => {
    expect(daysBetween('2026-03-23', '2026-03-23')).toBe(0);
    expect(daysBetween('2026-03-23', '2026-03-24')).toBe(1);
    expect(daysBetween('2026-03-24', '2026-03-23')).toBe(-1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('counts a week across a DST change as exactly 7 days', () => {
    expect(daysBetween('2026-03-26', '2026-04-02')).toBe(7);
    expect(daysBetween('2026-10-22', '2026-10-29')).toBe(7);
    expect(daysBetween('2026-03-05', '2026-03-12')).toBe(7);
    expect(daysBetween('2026-10-29', '2026-11-05')).toBe(7);
  });

  it('is the inverse of addDays for every offset over two years', () => {
    for (let offset = -400; offset <= 800; offset++) {
      expect(daysBetween('2026-03-23', addDays('2026-03-23', offset))).toBe(offset);
    }
  });
});

describe('weekOf', () => {
  // 2026-03-23 is a Monday; 2026-03-29 (a Sunday) is the EU spring-forward day.
  it('gives Monday to Sunday for every day of the week', () => {
    for (let i = 0; i < 7; i++)
      expect(weekOf(addDays('2026-03-23', i))).toEqual(['2026-03-23', '2026-03-29']);
  });

  it('starts a new week on Monday', () => {
    expect(weekOf('2026-03-22')).toEqual(['2026-03-16', '2026-03-22']);
    expect(weekOf('2026-03-30')).toEqual(['2026-03-30', '2026-04-05']);
  });

  it('handles the fall-back week and weeks across a year end', () => {
    expect(weekOf('2026-10-25')).toEqual(['2026-10-19', '2026-10-25']);
    expect(weekOf('2026-10-26')).toEqual(['2026-10-26', '2026-11-01']);
    expect(weekOf('2026-12-31')).toEqual(['2026-12-28', '2027-01-03']);
    expect(weekOf('2027-01-03')).toEqual(['2026-12-28', '2027-01-03']);
    expect(weekOf('2028-02-29')).toEqual(['2028-02-28', '2028-03-05']);
  });
});
