/**
 * What the Meet panel changes about a call's link: track an unknown two-person call as a 1:1, correct
 * a wrong link (remembered by the Meet code), or say the call is not a 1:1. Each then asks the
 * background to re-judge this tab's call, which pushes the new context to the panel.
 */
import {
  findOrCreatePerson,
  getSettings,
  ignoreSeries,
  linkMeetCodeTo,
  trackSeriesWith,
  unignoreSeries,
  unlinkMeetCode,
} from '@/lib/db';
import { ignoredCallKey } from '@/lib/domain/meet-link';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/client';
import { attempt, checkTrackDraft } from '../calendar/use-calendar-actions';
import type { ActionResult, TrackDraft } from '../calendar/view-types';

async function relink(meetingCode: string): Promise<void> {
  await sendMessage({ kind: 'meet/call-linked', meetingCode });
}

export function meetActions(meetingCode: string, title: string) {
  return {
    track: (draft: TrackDraft): Promise<ActionResult> => {
      const invalid = checkTrackDraft(draft);
      if (invalid) return Promise.resolve(invalid);
      return attempt(async () => {
        const person = await findOrCreatePerson({ ...draft, name: draft.name.trim() });
        await trackSeriesWith({
          personIds: [person.id],
          kind: draft.kind,
          title: title || t('panel_default_title_call', draft.name.trim()),
          cadenceDays: draft.cadenceDays,
          meetCodes: [meetingCode],
        });
        await unignoreSeries(ignoredCallKey(meetingCode));
        await relink(meetingCode);
      });
    },
    linkTo: (relationshipId: string) =>
      attempt(async () => {
        await linkMeetCodeTo(meetingCode, relationshipId);
        await unignoreSeries(ignoredCallKey(meetingCode));
        await relink(meetingCode);
      }),
    notOneOnOne: () =>
      attempt(async () => {
        await unlinkMeetCode(meetingCode);
        await ignoreSeries(ignoredCallKey(meetingCode));
        await relink(meetingCode);
      }),
    undoNotOneOnOne: () =>
      attempt(async () => {
        await unignoreSeries(ignoredCallKey(meetingCode));
        await relink(meetingCode);
      }),
    isIgnored: async () => (await getSettings()).ignoredSeries.includes(ignoredCallKey(meetingCode)),
  };
}
