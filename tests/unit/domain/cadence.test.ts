import { describe, expect, it } from 'vitest';
import { cadenceHealth, describeCadence } from '@/lib/domain/cadence';
import { addDays } from '@/lib/domain/days';

const TODAY = '2026-03-25';
const daysAgo = (n: number) => addDays(TODAY, -n);

describe('cadenceHealth', () => {
  it('on a 14-day cadence: ok before 14 days, due from 14, overdue from 21', () => {
    expect(cadenceHealth(daysAgo(0), 14, TODAY).status).toBe('ok');
    expect(cadenceHealth(daysAgo(13), 14, TODAY).status).toBe('ok');
    expect(cadenceHealth(daysAgo(14), 14, TODAY).status).toBe('due');
    expect(cadenceHealth(daysAgo(18), 14, TODAY).status).toBe('due');
    expect(cadenceHealth(daysAgo(20), 14, TODAY).status).toBe('due');
    expect(cadenceHealth(daysAgo(21), 14, TODAY).status).toBe('overdue');
    expect(cadenceHealth(daysAgo(60), 14, TODAY).status).toBe('overdue');
  });

  it('reports days since and the cadence', () => {
    expect(cadenceHealth(daysAgo(18), 14, TODAY)).toEqual({ status: 'due', daysSince: 18, cadenceDays: 14 });
  });

  it('is due when no 1:1 was ever held', () => {
    expect(cadenceHealth(null, 14, TODAY)).toEqual({ status: 'due', daysSince: null, cadenceDays: 14 });
  });

  it('rounds the overdue threshold up for odd cadences (1.5 × 7 → 11, 1.5 × 1 → 2)', () => {
    expect(cadenceHealth(daysAgo(10), 7, TODAY).status).toBe('due');
    expect(cadenceHealth(daysAgo(11), 7, TODAY).status).toBe('overdue');
    expect(cadenceHealth(daysAgo(0), 1, TODAY).status).toBe('ok');
    expect(cadenceHealth(daysAgo(1), 1, TODAY).status).toBe('due');
    expect(cadenceHealth(daysAgo(2), 1, TODAY).status).toBe('overdue');
    expect(cadenceHealth(daysAgo(62), 42, TODAY).status).toBe('due');
    expect(cadenceHealth(daysAgo(63), 42, TODAY).status).toBe('overdue');
  });

  it('treats a last session dated in the future (clock skew) as today, never negative', () => {
    expect(cadenceHealth(addDays(TODAY, 3), 14, TODAY)).toEqual({
      status: 'ok',
      daysSince: 0,
      cadenceDays: 14,
    });
  });

  it('counts calendar days across a DST change', () => {
    expect(cadenceHealth('2026-03-15', 14, '2026-03-29').daysSince).toBe(14);
    expect(cadenceHealth('2026-10-18', 7, '2026-10-25').status).toBe('due');
  });
});

describe('describeCadence', () => {
  it('says "last 1:1 18 days ago, every 2 weeks — due"', () => {
    expect(describeCadence(cadenceHealth(daysAgo(18), 14, TODAY))).toBe(
      'last 1:1 18 days ago, every 2 weeks — due',
    );
  });

  it('says on track and overdue', () => {
    expect(describeCadence(cadenceHealth(daysAgo(13), 14, TODAY))).toBe(
      'last 1:1 13 days ago, every 2 weeks — on track',
    );
    expect(describeCadence(cadenceHealth(daysAgo(21), 14, TODAY))).toBe(
      'last 1:1 21 days ago, every 2 weeks — overdue',
    );
  });

  it('says today and yesterday', () => {
    expect(describeCadence(cadenceHealth(daysAgo(0), 14, TODAY))).toBe(
      'last 1:1 today, every 2 weeks — on track',
    );
    expect(describeCadence(cadenceHealth(daysAgo(1), 14, TODAY))).toBe(
      'last 1:1 yesterday, every 2 weeks — on track',
    );
  });

  it('words the cadence as a week, weeks or days', () => {
    expect(describeCadence(cadenceHealth(daysAgo(2), 7, TODAY))).toBe(
      'last 1:1 2 days ago, every week — on track',
    );
    expect(describeCadence(cadenceHealth(daysAgo(2), 42, TODAY))).toBe(
      'last 1:1 2 days ago, every 6 weeks — on track',
    );
    expect(describeCadence(cadenceHealth(daysAgo(2), 10, TODAY))).toBe(
      'last 1:1 2 days ago, every 10 days — on track',
    );
  });

  it('says when no 1:1 was held yet', () => {
    expect(describeCadence(cadenceHealth(null, 14, TODAY))).toBe('no 1:1 held yet, every 2 weeks');
    expect(describeCadence(cadenceHealth(null, 7, TODAY))).toBe('no 1:1 held yet, every week');
  });
});
