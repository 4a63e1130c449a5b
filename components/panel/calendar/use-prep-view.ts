/**
 * Everything the prep view shows for one relationship, read live: the overview (people, cadence, open
 * agreements, talking points), goals, the previous session with its template, and this event's session.
 * Changes made in the popup, the Meet panel or another tab show up here without a reload.
 */
import {
  getTemplate,
  goalsOf,
  loadRelationshipOverview,
  type RelationshipOverview,
  sessionOfEventFor,
  sessionHistory,
} from '@/lib/db';
import type { Goal, Session, Template } from '@/lib/domain/model';
import { useLiveQuery } from '../../shared/use-live-query';

export interface PrepView {
  overview: RelationshipOverview;
  goals: Goal[];
  /** The last 1:1 held before this event (this event's own session, if held, is not "last time"). */
  previous: Session | undefined;
  previousTemplate: Template | undefined;
  /** This event's session, when it belongs to this relationship. */
  eventSession: Session | undefined;
  /** The template the next session follows (this event's session's, else the relationship's). */
  upcomingTemplate: Template | undefined;
}

export interface PrepViewResult {
  relationshipId: string | null;
  view: PrepView | undefined;
}

/** How many recent sessions are looked at to find the one before this event's. */
const HISTORY_LOOKBACK = 20;

export async function loadPrepView(relationshipId: string, eventKey: string): Promise<PrepView | undefined> {
  const overview = await loadRelationshipOverview(relationshipId);
  if (!overview) return undefined;
  // This 1:1's own session for the event, also where another 1:1 has one for it too (a slot handed on).
  const [goals, eventSession] = await Promise.all([
    goalsOf(relationshipId),
    sessionOfEventFor(eventKey, relationshipId),
  ]);
  let previous = overview.lastSession;
  if (previous && eventSession && previous.id === eventSession.id) {
    const history = await sessionHistory(relationshipId, { limit: HISTORY_LOOKBACK });
    previous = history.find((s) => s.status === 'held' && s.id !== eventSession.id);
  }
  const [previousTemplate, upcomingTemplate] = await Promise.all([
    previous ? getTemplate(previous.templateId) : undefined,
    getTemplate(eventSession?.templateId ?? overview.relationship.templateId),
  ]);
  return { overview, goals, previous, previousTemplate, eventSession, upcomingTemplate };
}

export function usePrepView(relationshipId: string | null, eventKey: string) {
  return useLiveQuery<PrepViewResult>(
    async () => ({
      relationshipId,
      view: relationshipId ? await loadPrepView(relationshipId, eventKey) : undefined,
    }),
    [relationshipId, eventKey],
  );
}
