import { describe, expect, it } from 'vitest';
import { type CarrySession, pointsToCarryInto } from '@/lib/domain/carry-over';
import type { Session, TalkingPoint } from '@/lib/domain/model';

const T0 = Date.UTC(2026, 2, 20, 9);

function point(id: string, sessionId: string | null, status: TalkingPoint['status'] = 'open'): TalkingPoint {
  return {
    id,
    relationshipId: 'r1',
    text: `Point ${id}`,
    author: 'me',
    status,
    sessionId,
    order: 1,
    discussedAt: status === 'discussed' ? T0 : null,
    createdAt: T0,
    updatedAt: T0,
  };
}

const at = (status: Session['status'], scheduledAt = T0): CarrySession => ({
  status,
  scheduledAt,
  live: null,
});
const sessions = new Map<string, CarrySession>([
  ['held', at('held')],
  ['cancelled', at('cancelled')],
  ['upcoming', at('upcoming')],
  ['rescheduled', at('rescheduled')],
  ['target', at('upcoming')],
]);

const ids = (points: TalkingPoint[]) => points.map((p) => p.id);

describe('pointsToCarryInto', () => {
  it('moves unplanned points', () => {
    expect(ids(pointsToCarryInto('target', [point('p1', null)], sessions))).toEqual(['p1']);
  });

  it('moves points of held and cancelled sessions', () => {
    expect(
      ids(pointsToCarryInto('target', [point('p1', 'held'), point('p2', 'cancelled')], sessions)),
    ).toEqual(['p1', 'p2']);
  });

  it('moves points whose session no longer exists', () => {
    expect(ids(pointsToCarryInto('target', [point('p1', 'deleted-session')], sessions))).toEqual(['p1']);
  });

  it('leaves points of other upcoming or rescheduled (postponed) sessions where they are', () => {
    expect(
      pointsToCarryInto('target', [point('p1', 'upcoming'), point('p2', 'rescheduled')], sessions),
    ).toEqual([]);
  });

  it('takes the points of a meeting prepared for later (not begun), never of an earlier or postponed one', () => {
    const ahead = new Map<string, CarrySession>([
      ['later', at('upcoming', T0 + 14 * 86_400_000)],
      ['earlier', at('upcoming', T0 - 3_600_000)],
      ['postponed', at('rescheduled', T0 + 14 * 86_400_000)],
      ['running', { ...at('upcoming', T0 + 86_400_000), live: { startedAt: T0, endedAt: null } as never }],
    ]);
    const points = [
      point('a', 'later'),
      point('b', 'earlier'),
      point('c', 'postponed'),
      point('d', 'running'),
    ];
    expect(ids(pointsToCarryInto('target', points, ahead, -Infinity, T0))).toEqual(['a']);
    // Not knowing when the target meets: nothing upcoming moves (as before).
    expect(ids(pointsToCarryInto('target', points, ahead))).toEqual([]);
  });

  it('moves points of a session still "upcoming" long after its time (it never took place), not one that ran', () => {
    const stale = new Map<string, CarrySession>([
      ...sessions,
      ['skipped', at('upcoming', T0 - 86_400_000)],
      ['postponed-then-skipped', at('rescheduled', T0 - 86_400_000)],
      [
        'ran',
        {
          ...at('upcoming', T0 - 86_400_000),
          live: { startedAt: T0, endedAt: null } as CarrySession['live'],
        },
      ],
    ]);
    const points = [
      point('a', 'skipped'),
      point('b', 'postponed-then-skipped'),
      point('c', 'ran'),
      point('d', 'upcoming'),
    ];
    expect(ids(pointsToCarryInto('target', points, stale, T0 - 3_600_000))).toEqual(['a', 'b']);
    // Without a "stale before" instant, nothing still to come is taken.
    expect(ids(pointsToCarryInto('target', points, stale))).toEqual([]);
  });

  it('moves points of a call left open (the browser closed mid-call) or ended, keeps those of a call going on', () => {
    const live = (startedAt: number, endedAt: number | null) =>
      ({ startedAt, endedAt }) as CarrySession['live'];
    const calls = new Map<string, CarrySession>([
      ['left-open', { ...at('upcoming', T0 - 7 * 86_400_000), live: live(T0 - 7 * 86_400_000, null) }],
      ['ended', { ...at('upcoming', T0 - 3_600_000), live: live(T0 - 3_600_000, T0 - 600_000) }],
      ['going-on', { ...at('upcoming', T0 - 3_600_000), live: live(T0 - 3_600_000, null) }],
    ]);
    const points = [point('a', 'left-open'), point('b', 'ended'), point('c', 'going-on')];
    expect(ids(pointsToCarryInto('target', points, calls, T0 - 12 * 3_600_000))).toEqual(['a', 'b']);
  });

  it('does not return points already planned for the target', () => {
    expect(pointsToCarryInto('target', [point('p1', 'target')], sessions)).toEqual([]);
  });

  it('never moves discussed or dropped points', () => {
    const points = [
      point('d1', null, 'discussed'),
      point('d2', 'held', 'discussed'),
      point('x1', null, 'dropped'),
      point('x2', 'cancelled', 'dropped'),
    ];
    expect(pointsToCarryInto('target', points, sessions)).toEqual([]);
  });

  it('filters a mixed list, keeping the input order and the points unchanged', () => {
    const points = [
      point('a', 'held'),
      point('b', 'upcoming'),
      point('c', null),
      point('d', 'held', 'discussed'),
      point('e', 'target'),
      point('f', 'cancelled'),
    ];
    const carried = pointsToCarryInto('target', points, sessions);
    expect(ids(carried)).toEqual(['a', 'c', 'f']);
    expect(carried[0]).toBe(points[0]);
    expect(points[0]!.sessionId).toBe('held');
  });
});
