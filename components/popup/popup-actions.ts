/**
 * The popup's writes: each a repository call whose outcome comes back as a value the popup shows (never an
 * exception), followed by a nudge to the background so Calendar's badges and the toolbar count catch up.
 */
import { addTalkingPoint, cancelSession, completeAgreement, reopenAgreement } from '@/lib/db';
import { t } from '@/lib/i18n';
import { attempt } from '../panel/calendar/use-calendar-actions';
import { notifyDataChanged } from '../shared/data-changed';
import type { ActionResult } from '../panel/calendar/view-types';

export type { ActionResult };

async function changed(result: Promise<ActionResult>): Promise<ActionResult> {
  const outcome = await result;
  if (outcome.ok) void notifyDataChanged();
  return outcome;
}

export const popupActions = {
  done: (agreementId: string) => changed(attempt(() => completeAgreement(agreementId))),
  undoDone: (agreementId: string) => changed(attempt(() => reopenAgreement(agreementId))),
  /** A 1:1 declined in Calendar, cancelled in Duet too (its talking points pass on to the next one). */
  cancelSession: (sessionId: string) => changed(attempt(() => cancelSession(sessionId))),
  addPoint: (relationshipId: string | null, text: string): Promise<ActionResult> => {
    if (!relationshipId) return Promise.resolve({ ok: false, message: t('popup_point_pick_person') });
    if (!text.trim()) return Promise.resolve({ ok: false, message: t('popup_point_empty') });
    return attempt(() => addTalkingPoint(relationshipId, { text, author: 'me' }));
  },
};
export type PopupActions = typeof popupActions;
