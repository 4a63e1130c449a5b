/** Reads a Meet page into plain facts: meeting code, title and a coarse call state. */
import type { MeetCallState } from '../../messaging/schemas';
import { meetSelectors } from './selectors';

const MEETING_CODE = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})(?:$|[/?#])/;

export function readMeetingCode(pathname: string): string | null {
  return MEETING_CODE.exec(pathname)?.[1] ?? null;
}

/** `[data-meeting-title]`, else `document.title` without its "Meet – " prefix; never the bare code. */
export function readMeetingTitle(doc: Document, code: string | null): string {
  const attribute = doc.querySelector(meetSelectors.meetingTitle.css)?.getAttribute('data-meeting-title');
  const fromTitle = doc.title.replace(/^Meet\s*[–—-]\s*/u, '').trim();
  const title = (attribute ?? fromTitle).trim();
  return title === code || title === 'Meet' ? '' : title.slice(0, 1024);
}

/** Coarse state from locale-free structure; the flicker-tolerant state machine builds on this. */
export function readCallState(doc: Document): MeetCallState {
  if (doc.querySelector(meetSelectors.participantTile.css)) return 'in-call';
  if (doc.querySelector(meetSelectors.endScreen.css)) return 'ended';
  return 'prejoin';
}
