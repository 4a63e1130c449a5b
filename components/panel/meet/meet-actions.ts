/**
 * What the Meet panel changes about a call's link: track an unknown call as a 1:1 (or a 2-1), correct
 * a wrong link (remembered by the Meet code), or say the call is not a 1:1. Each then asks the
 * background to re-judge this tab's call, which pushes the new context to the panel.
 */
import {
  getRelationship,
  getSettings,
  ignoreSeries,
  linkMeetCodeTo,
  trackWithPeople,
  unignoreSeries,
  unlinkMeetCode,
} from '@/lib/db';
import { ignoredCallKey } from '@/lib/domain/meet-link';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/client';
import { sidePanelTab } from '../side-panel';
import { namesOf } from '../../shared/format';
import { attempt, checkTrackDraft, draftPeopleOf } from '../calendar/use-calendar-actions';
import type { ActionResult, TrackDraft } from '../calendar/view-types';

async function relink(meetingCode: string): Promise<void> {
  // In the browser's side panel (no tab of its own), the tab it was opened for; in the page, the sender's.
  const tabId = sidePanelTab();
  await sendMessage(
    tabId === null
      ? { kind: 'meet/call-linked', meetingCode }
      : { kind: 'meet/call-linked', meetingCode, tabId },
  );
}

export function meetActions(meetingCode: string, title: string) {
  return {
    track: (draft: TrackDraft): Promise<ActionResult> => {
      const invalid = checkTrackDraft(draft);
      if (invalid) return Promise.resolve(invalid);
      return attempt(async () => {
        // The people a track card for a call names, found by name (Meet shows no addresses: a name only one
        // active person has, else the one archived person of that name whose 1:1 holds this call's room —
        // the user's click brings them back, with that 1:1, rather than starting a second them) or created,
        // in one transaction with the 1:1's write: a failure leaves no one behind.
        await trackWithPeople(
          draftPeopleOf({ ...draft, name: draft.name.trim() }),
          (people) => ({
            kind: draft.kind,
            title: title || t('panel_default_title_call', namesOf(people)),
            cadenceDays: draft.cadenceDays,
            meetCodes: [meetingCode],
          }),
          { byName: true, meetCode: meetingCode },
        );
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
    /** `unlinked`: told the 1:1s that held this call's room (a correction of a linked call), for Undo. */
    notOneOnOne: (unlinked?: (ids: string[]) => void) =>
      attempt(async () => {
        const holders = await unlinkMeetCode(meetingCode);
        unlinked?.(holders);
        await ignoreSeries(ignoredCallKey(meetingCode));
        await relink(meetingCode);
      }),
    /** Takes "Not a 1:1" back: the room goes back to the 1:1 that held it (`holders`, when there was one). */
    undoNotOneOnOne: (holders: readonly string[] = []) =>
      attempt(async () => {
        for (const id of holders) {
          // Deleted or merged away since: nothing to give it back to.
          if (await getRelationship(id)) await linkMeetCodeTo(meetingCode, id);
        }
        await unignoreSeries(ignoredCallKey(meetingCode));
        await relink(meetingCode);
      }),
    isIgnored: async () => (await getSettings()).ignoredSeries.includes(ignoredCallKey(meetingCode)),
  };
}
