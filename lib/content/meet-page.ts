/** Meet page feature: report the call's code, title and state to the background as they change. */
import { readCallState, readMeetingCode, readMeetingTitle } from '../google/meet/read-call';
import { sendFromContent } from '../messaging/content-client';
import { isOk } from '../messaging/guards';
import { observeDebounced } from './observe';

export function startMeetPage({ signal }: { signal: AbortSignal }): void {
  let last = '';
  const report = () => {
    const meetingCode = readMeetingCode(location.pathname);
    if (!meetingCode) return;
    const state = readCallState(document);
    const title = readMeetingTitle(document, meetingCode);
    const signature = `${meetingCode}|${state}|${title}`;
    if (signature === last) return;
    last = signature;
    void sendFromContent({ kind: 'meet/call-seen', meetingCode, title, state }, isOk).catch(() => {
      last = ''; // try again on the next change
    });
  };
  observeDebounced({ root: document.body, delayMs: 250, onChange: report, signal });
  report();
}
