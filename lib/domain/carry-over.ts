/**
 * What flows into a session when it starts: talking points not yet discussed — unplanned ones, and
 * those of sessions that are over (held) or will not happen (cancelled). A postponed (rescheduled) or
 * still-upcoming other session keeps its own points. Open agreements need no moving: every active
 * agreement of the relationship is reviewed in every session until it is closed.
 */
import type { Session, TalkingPoint } from './model';

export function pointsToCarryInto(
  targetSessionId: string,
  openPoints: readonly TalkingPoint[],
  sessionsById: ReadonlyMap<string, Pick<Session, 'status'>>,
): TalkingPoint[] {
  return openPoints.filter((point) => {
    if (point.status !== 'open' || point.sessionId === targetSessionId) return false;
    if (point.sessionId === null) return true;
    const planned = sessionsById.get(point.sessionId);
    return planned === undefined || planned.status === 'held' || planned.status === 'cancelled';
  });
}
