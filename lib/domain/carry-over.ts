/**
 * What flows into a session when it starts: talking points not yet discussed — unplanned ones, and
 * those of sessions that are over (held), will not happen (cancelled), or never happened (still
 * "upcoming" long after their time, never run: a meeting skipped or deleted in Calendar), and those of a
 * meeting prepared ahead that comes after this one (the earlier meeting discusses them first). A postponed
 * (rescheduled) session, or an upcoming one before this, keeps its own points. Open agreements need no moving: every
 * active agreement of the relationship is reviewed in every session until it is closed.
 */
import type { Session, TalkingPoint } from './model';

export type CarrySession = Pick<Session, 'status' | 'scheduledAt' | 'live'>;

export function pointsToCarryInto(
  targetSessionId: string,
  openPoints: readonly TalkingPoint[],
  sessionsById: ReadonlyMap<string, CarrySession>,
  /** A session still to come but scheduled before this instant, never run, did not take place. */
  staleBefore: number = -Infinity,
  /** When the target meets: a session prepared for later, not begun, gives its points to it. */
  targetScheduledAt: number = Infinity,
): TalkingPoint[] {
  return openPoints.filter((point) => {
    if (point.status !== 'open' || point.sessionId === targetSessionId) return false;
    if (point.sessionId === null) return true;
    const planned = sessionsById.get(point.sessionId);
    if (planned === undefined || planned.status === 'held' || planned.status === 'cancelled') return true;
    // A call going on keeps its points; one that ended, or was left open since before `staleBefore` (the
    // browser closed mid-call), is over and gives them on.
    if (planned.live) return planned.live.endedAt !== null || planned.live.startedAt < staleBefore;
    return (
      planned.scheduledAt < staleBefore ||
      (planned.status === 'upcoming' && planned.scheduledAt > targetScheduledAt)
    );
  });
}
