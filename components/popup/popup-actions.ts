/**
 * The popup's writes: each a repository call whose outcome comes back as a value the popup shows (never an
 * exception), followed by a nudge to the background so Calendar's badges and the toolbar count catch up.
 */
import { addTalkingPoint, cancelSession, completeAgreement, reopenAgreement } from '@/lib/db';
import { t } from '@/lib/i18n';
import { MAX_SHORT_TEXT } from '@/lib/domain/model';
import { attempt, checkTypedText } from '../panel/calendar/use-calendar-actions';
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
    // Blank (invisible characters too) or too long: said, and the line keeps what was typed.
    const refused = checkTypedText(text, MAX_SHORT_TEXT, t('popup_point_empty'));
    if (refused) return Promise.resolve(refused);
    return attempt(() => addTalkingPoint(relationshipId, { text, author: 'me' }));
  },
};
export type PopupActions = typeof popupActions;
