/**
 * Everything the prep view shows for one relationship, read live: the overview (people, cadence, open
 * agreements, talking points), goals, the previous session with its template, and this event's session.
 * Changes made in the popup, the Meet panel or another tab show up here without a reload.
 */
import {
  allTemplates,
  getTemplate,
  goalsOf,
  loadRelationshipOverview,
  type RelationshipOverview,
  lastHeldSessionBefore,
  ranNear,
  sessionOfEventFor,
  skippedSessionsWithNotes,
} from '@/lib/db';
import type { Goal, Session, Template } from '@/lib/domain/model';
import { useLiveQuery } from '../../shared/use-live-query';
import { useToday } from '../../shared/use-today';

export interface PrepView {
  overview: RelationshipOverview;
  goals: Goal[];
  /**
   * The last 1:1 held before this event (this event's own session, if held, is not "last time"); for an event
   * in the past with none before it, the latest one held since (`previousIsLater`).
   */
  previous: Session | undefined;
  /** `previous` was held after this event: it is the latest 1:1, not the one before this event. */
  previousIsLater: boolean;
  /**
   * `previous` is the 1:1 before this event, and a later one was held since (this event's own, or others:
   * an event in the past): not the "last time" the cadence line counts from.
   */
  previousIsEarlier: boolean;
  previousTemplate: Template | undefined;
  /** Every template (retired too): notes of a template switched away from keep its sections' titles. */
  templates: Template[];
  /** This event's session, when it belongs to this relationship. */
  eventSession: Session | undefined;
  /**
   * 1:1s skipped (cancelled) since the one held before this event, and before it, with notes written in them:
   * prep for a meeting that never took place, newest first (at most 3). Never this event's own session.
   */
  skipped: Session[];
  /** The template the next session follows (this event's session's, else the relationship's). */
  upcomingTemplate: Template | undefined;
}

export interface PrepViewResult {
  relationshipId: string | null;
  view: PrepView | undefined;
}

/**
 * `startsAt`: when this event starts, if known. "Last time" is then the last 1:1 held before it — for an
 * event in the past, not one held since; without it, the latest 1:1 held.
 */
export async function loadPrepView(
  relationshipId: string,
  eventKey: string,
  startsAt: number | null = null,
): Promise<PrepView | undefined> {
  const overview = await loadRelationshipOverview(relationshipId);
  if (!overview) return undefined;
  // This 1:1's own session for the event, also where another 1:1 has one for it too (a slot handed on).
  const [goals, ownSession] = await Promise.all([
    goalsOf(relationshipId),
    sessionOfEventFor(eventKey, relationshipId),
  ]);
  // Else the call this meeting was already run as (from Meet, so without the event id): never "Start prep"
  // for a 1:1 held (Start prep then gives that call the event id).
  const eventSession =
    ownSession ?? (startsAt === null ? undefined : await ranNear(relationshipId, startsAt));
  const ownId = eventSession?.id ?? null;
  const before = startsAt ?? Number.POSITIVE_INFINITY;
  let previous = overview.lastSession;
  let previousIsLater = false;
  let previousIsEarlier = false;
  // The latest 1:1 held is usually the one before this event: read again only when it is not.
  if (previous && (previous.id === ownId || previous.scheduledAt >= before)) {
    previous = await lastHeldSessionBefore(relationshipId, before, ownId);
    previousIsEarlier = previous !== undefined;
    if (!previous) {
      previous = await lastHeldSessionBefore(relationshipId, Number.POSITIVE_INFINITY, ownId);
      previousIsLater = previous !== undefined;
    }
  }
  // Skipped since the 1:1 held before this event (none before it: since ever), until this event starts (not
  // known: until now).
  const heldBefore = previousIsLater ? undefined : previous;
  const [previousTemplate, upcomingTemplate, templates, skipped] = await Promise.all([
    previous ? getTemplate(previous.templateId) : undefined,
    getTemplate(eventSession?.templateId ?? overview.relationship.templateId),
    allTemplates(),
    skippedSessionsWithNotes(
      relationshipId,
      heldBefore?.scheduledAt ?? null,
      startsAt ?? Date.now(),
      eventKey,
    ),
  ]);
  return {
    overview,
    goals,
    previous,
    previousIsLater,
    previousIsEarlier,
    previousTemplate,
    templates,
    eventSession,
    skipped,
    upcomingTemplate,
  };
}

export function usePrepView(relationshipId: string | null, eventKey: string, startsAt: number | null = null) {
  // Read again at midnight: the cadence line ("last 1:1 18 days ago — due") counts from today.
  const today = useToday();
  return useLiveQuery<PrepViewResult>(
    async () => ({
      relationshipId,
      view: relationshipId ? await loadPrepView(relationshipId, eventKey, startsAt) : undefined,
    }),
    [relationshipId, eventKey, startsAt, today],
  );
}
