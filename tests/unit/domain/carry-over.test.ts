import { describe, expect, it } from 'vitest';
import { pointsToCarryInto } from '@/lib/domain/carry-over';
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

const sessions = new Map<string, Pick<Session, 'status'>>([
  ['held', { status: 'held' }],
  ['cancelled', { status: 'cancelled' }],
  ['upcoming', { status: 'upcoming' }],
  ['rescheduled', { status: 'rescheduled' }],
  ['target', { status: 'upcoming' }],
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
