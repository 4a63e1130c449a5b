/**
 * Which 1:1 series a Calendar event belongs to. The background may already know (`detection.relationshipId`,
 * while that 1:1 exists); otherwise the event is matched by series id and guests' emails — again whenever a
 * 1:1 or a person changes (another tab tracked the series, merged its 1:1 away). Matching can link a new
 * series id to its relationship (a write), so it runs in an effect and never inside a live query.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  describeStorageProblem,
  findRelationshipForEvent,
  getRelationship,
  relationshipsStamp,
} from '@/lib/db';
import { useLiveQuery } from '../../shared/use-live-query';
import { t } from '@/lib/i18n';
import { storageProblemText } from '../storage-text';
import { guestEmailsOf } from './calendar-text';
import type { CalendarContext } from './view-types';

export type RelationshipResolution =
  | { status: 'resolving' }
  | { status: 'found'; relationshipId: string }
  | { status: 'none' }
  | { status: 'error'; message: string };

export function useRelationshipForEvent(context: CalendarContext) {
  const known = context.detection.relationshipId;
  const [resolution, setResolution] = useState<RelationshipResolution>(() =>
    known ? { status: 'found', relationshipId: known } : { status: 'resolving' },
  );
  const emails = guestEmailsOf(context);
  const emailsKey = emails.join('\n');
  const stamp = useLiveQuery(() => relationshipsStamp(), []);
  const stampKey = stamp.status === 'ready' ? stamp.value : '';
  /** The 1:1 the user just tracked this event as: kept while it exists (its person's email may not match). */
  const [adopted, setAdopted] = useState<{ eventKey: string; id: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    const find = async () => {
      // The 1:1 just tracked, while it still has this series (unlinked in the options: matched afresh).
      const tracked = adopted?.eventKey === context.eventKey ? await getRelationship(adopted.id) : undefined;
      if (tracked?.calendarSeriesIds.includes(context.seriesKey)) return tracked;
      if (known && (await getRelationship(known))) return { id: known };
      return findRelationshipForEvent({
        seriesId: context.seriesKey,
        counterpartEmails: emails,
        title: context.title,
      });
    };
    find()
      .then((relationship) => {
        if (cancelled) return;
        setResolution(
          relationship ? { status: 'found', relationshipId: relationship.id } : { status: 'none' },
        );
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const problem = describeStorageProblem(error);
        setResolution({
          status: 'error',
          message: problem.kind === 'unknown' ? t('panel_lookup_error') : storageProblemText(problem),
        });
      });
    return () => {
      cancelled = true;
    };
    // The guests' emails are compared by value (emailsKey), not by array identity.
  }, [context.eventKey, context.seriesKey, known, emailsKey, stampKey, adopted]);

  /** The event now belongs to this relationship (the user just tracked it). */
  const adopt = useCallback(
    (relationshipId: string) => {
      setAdopted({ eventKey: context.eventKey, id: relationshipId });
      setResolution({ status: 'found', relationshipId });
    },
    [context.eventKey],
  );

  return { resolution, adopt };
}
