/**
 * What the panel can do for one 1:1 without a Calendar event: close agreements and keep the talking points
 * (the same repository calls as the Calendar panel), each reported as a value and announced.
 */
import {
  addTalkingPoint,
  completeAgreement,
  dropAgreement,
  renegotiateAgreement,
  reorderTalkingPoints,
  setTalkingPointStatus,
} from '@/lib/db';
import type { Day } from '@/lib/domain/days';
import type { TalkingPoint } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { moveId } from '../calendar/calendar-text';
import { attempt } from '../calendar/use-calendar-actions';
import type { ActionResult, Direction } from '../calendar/view-types';

export function relationshipActions(
  relationshipId: string,
  announce: (message: string) => void,
  onChanged: () => void,
) {
  async function run(work: () => Promise<unknown>, message: string, changed = false): Promise<ActionResult> {
    const result = await attempt(work);
    if (result.ok) {
      announce(message);
      if (changed) onChanged();
    }
    return result;
  }
  return {
    completeAgreement: (id: string) => run(() => completeAgreement(id), t('rel_agreement_done'), true),
    renegotiateAgreement: (id: string, newDue: Day) =>
      newDue
        ? run(() => renegotiateAgreement(id, newDue), t('rel_agreement_renegotiated'), true)
        : Promise.resolve<ActionResult>({ ok: false, message: t('rel_pick_due') }),
    dropAgreement: (id: string, reason: string) =>
      run(() => dropAgreement(id, reason), t('rel_agreement_dropped'), true),
    addTalkingPoint: (text: string, author: TalkingPoint['author']) =>
      text.trim()
        ? run(() => addTalkingPoint(relationshipId, { text, author }), t('rel_point_added'))
        : Promise.resolve<ActionResult>({ ok: false, message: t('rel_point_empty') }),
    moveTalkingPoint: (pointId: string, direction: Direction, currentOrder: readonly string[]) => {
      const order = moveId(currentOrder, pointId, direction);
      return run(
        () => reorderTalkingPoints(relationshipId, order),
        t('rel_point_moved', order.indexOf(pointId) + 1, order.length),
      );
    },
    setTalkingPointStatus: (pointId: string, status: Exclude<TalkingPoint['status'], 'open'>) =>
      run(
        () => setTalkingPointStatus(pointId, status),
        status === 'discussed' ? t('rel_point_discussed') : t('rel_point_dropped'),
      ),
  };
}
