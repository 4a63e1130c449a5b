/**
 * What the panel does for one 1:1, with or without a Calendar event (the Calendar panel and a person's 1:1
 * opened from the popup): close agreements, keep the talking points. Each is a repository call whose
 * outcome comes back as a value; success is announced, and changes badges depend on call `onChanged`.
 */
import {
  addTalkingPoint,
  completeAgreement,
  dropAgreement,
  moveTalkingPoint,
  renegotiateAgreement,
  reopenAgreement,
  reviewAgreement,
  setTalkingPointStatus,
} from '@/lib/db';
import { type Day, dayOf } from '@/lib/domain/days';
import { MAX_SHORT_TEXT, type TalkingPoint } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { formatDay } from '../../shared/format';
import { attempt, checkTypedText } from './use-calendar-actions';
import type { ActionResult, Direction } from './view-types';

const fail = (message: string): ActionResult => ({ ok: false, message });

export function relationshipActions(
  relationshipId: string | null,
  announce: (message: string) => void,
  onChanged: () => void,
) {
  async function run(
    work: () => Promise<string | null>,
    { changed = false }: { changed?: boolean } = {},
  ): Promise<ActionResult> {
    let message: string | null = null;
    const result = await attempt(async () => {
      message = await work();
    });
    if (result.ok) {
      if (message) announce(message);
      if (changed) onChanged();
    }
    return result;
  }

  function forRelationship(work: (id: string) => Promise<string | null>, changed = false) {
    if (!relationshipId) return Promise.resolve(fail(t('panel_error_not_tracked')));
    return run(() => work(relationshipId), { changed });
  }

  return {
    completeAgreement: (id: string) =>
      run(
        async () => {
          await completeAgreement(id);
          return t('panel_announce_done');
        },
        { changed: true },
      ),

    // Looked at before the meeting and still to do: it counts as reviewed for the next 1:1 (the popup's
    // "prepared" wants every open agreement looked at since the last one).
    stillOpenAgreement: (id: string) =>
      run(
        async () => {
          await reviewAgreement(id);
          return t('panel_announce_still_open');
        },
        { changed: true },
      ),

    reopenAgreement: (id: string) =>
      run(
        async () => {
          await reopenAgreement(id);
          return t('panel_announce_reopened');
        },
        { changed: true },
      ),

    renegotiateAgreement: (id: string, newDue: Day) => {
      if (!newDue) return Promise.resolve(fail(t('panel_error_pick_due')));
      return run(
        async () => {
          const updated = await renegotiateAgreement(id, newDue);
          return t('panel_announce_due', formatDay(updated.dueDate ?? newDue, dayOf(Date.now())));
        },
        { changed: true },
      );
    },

    dropAgreement: (id: string, reason: string) =>
      run(
        async () => {
          await dropAgreement(id, reason);
          return t('panel_announce_dropped');
        },
        { changed: true },
      ),

    addTalkingPoint: (text: string, author: TalkingPoint['author']) => {
      const refused = checkTypedText(text, MAX_SHORT_TEXT, t('panel_error_point_empty'));
      if (refused) return Promise.resolve(refused);
      return forRelationship(async (id) => {
        await addTalkingPoint(id, { text, author });
        return author === 'them' ? t('panel_announce_point_added_theirs') : t('panel_announce_point_added');
      });
    },

    moveTalkingPoint: (pointId: string, direction: Direction) =>
      forRelationship(async (id) => {
        const order = (await moveTalkingPoint(id, pointId, direction)).map((p) => p.id);
        const position = order.indexOf(pointId) + 1;
        return direction === 'up'
          ? t('panel_announce_moved_up', position, order.length)
          : t('panel_announce_moved_down', position, order.length);
      }),

    setTalkingPointStatus: (pointId: string, status: Exclude<TalkingPoint['status'], 'open'>) =>
      run(async () => {
        await setTalkingPointStatus(pointId, status);
        return status === 'discussed'
          ? t('panel_announce_point_discussed')
          : t('panel_announce_point_dropped');
      }),
  };
}

export type RelationshipActions = ReturnType<typeof relationshipActions>;
