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
  const emails = guestEmailsOf(context);
  const emailsKey = emails.join('\n');
  /** What a resolution was made for: this event with these guests (guests read later may change it). */
  const key = `${context.eventKey}\n${emailsKey}`;
  const [resolved, setResolved] = useState<{ key: string; resolution: RelationshipResolution }>(() => ({
    key,
    resolution: known ? { status: 'found', relationshipId: known } : { status: 'resolving' },
  }));
  const setResolution = (resolution: RelationshipResolution, forKey: string) =>
    setResolved({ key: forKey, resolution });
  const stamp = useLiveQuery(() => relationshipsStamp(), []);
  const stampKey = stamp.status === 'ready' ? stamp.value : '';
  /** The 1:1 the user just tracked this event as: kept while it exists (its person's email may not match). */
  const [adopted, setAdopted] = useState<{ eventKey: string; id: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    const forKey = key;
    const find = async () => {
      // The 1:1 just tracked, while it still has this series (unlinked in the options: matched afresh).
      const tracked = adopted?.eventKey === context.eventKey ? await getRelationship(adopted.id) : undefined;
      if (tracked?.calendarSeriesIds.includes(context.seriesKey)) return tracked;
      if (known && (await getRelationship(known))) return { id: known };
      return findRelationshipForEvent({
        seriesId: context.seriesKey,
        counterpartEmails: emails,
        title: context.title,
        // A 1:1 tracked from this meeting's call first is found by its room and its people's names.
        meetCode: context.meetCode,
        ...(context.guests ? { guests: context.guests } : {}),
      });
    };
    find()
      .then((relationship) => {
        if (cancelled) return;
        setResolution(
          relationship ? { status: 'found', relationshipId: relationship.id } : { status: 'none' },
          forKey,
        );
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const problem = describeStorageProblem(error);
        setResolution(
          {
            status: 'error',
            message: problem.kind === 'unknown' ? t('panel_lookup_error') : storageProblemText(problem),
          },
          forKey,
        );
      });
    return () => {
      cancelled = true;
    };
    // The guests' emails are compared by value (emailsKey), not by array identity.
  }, [context.eventKey, context.seriesKey, known, emailsKey, stampKey, adopted, context.meetCode]);

  /** The event now belongs to this relationship (the user just tracked it). */
  const adopt = useCallback(
    (relationshipId: string) => {
      setAdopted({ eventKey: context.eventKey, id: relationshipId });
      setResolution({ status: 'found', relationshipId }, key);
    },
    [context.eventKey, key],
  );

  // `current`: made for this event with these guests. While the guests read after a badge opened the panel
  // are being matched, the earlier answer still shows (nothing the user typed in a card is lost), but it is
  // not current: notes must not go to the 1:1 the series alone suggested.
  return { resolution: resolved.resolution, current: resolved.key === key, adopt };
}
