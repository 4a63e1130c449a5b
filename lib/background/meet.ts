/**
 * Judging Google Meet calls in the background: which 1:1 a call belongs to (lib/domain/meet-link.ts),
 * what the page should show for it, and ending the live session when the call ends. The content script
 * sends only what the page shows; the answer says only whether to show the panel.
 */
import {
  type CallLink,
  ignoredCallKey,
  isInCall,
  type LinkCandidate,
  linkCall,
  personInCall,
} from '../domain/meet-link';
import { isNoteTaker } from '../domain/note-takers';
import { readMeetingCode } from '../google/meet/read-call';
import type { MeetCallState, MeetShow, PanelContext } from '../messaging/protocol';

export interface MeetDeps {
  /** Every relationship with its people (a few hundred rows at most; read per call change). */
  candidates(): Promise<LinkCandidate[]>;
  settings(): Promise<{ ignoredSeries: readonly string[]; meetPanel: 'open' | 'collapsed' }>;
  /** The call ended: mark the live session of this 1:1 held (no-op if none is running). */
  callEnded?(relationshipId: string, meetingCode: string): Promise<void>;
  /**
   * The user said this call is not this 1:1's (linked it to another, or "Not a 1:1"): let go of the session
   * it ran for it (planned again if nothing was written in it, held if something was).
   */
  callReleased?(relationshipId: string, meetingCode: string): Promise<void>;
  /** The clock (tests set it). */
  now?(): number;
}

/**
 * How long a linked 1:1's person may be missing while others are in the call before the link ends: a
 * reconnect, a renamed tile or a re-render with a note-taker still there must not end the 1:1.
 */
export const LEFT_AFTER_MS = 60_000;

export interface SeenCall {
  meetingCode: string;
  title: string;
  state: MeetCallState;
  presenting: boolean;
  others: string[];
}

export type MeetContext = Extract<PanelContext, { surface: 'meet' }>;

/**
 * Judges a call. `previous`: the link this tab's call had so far — kept while the page flickers (tiles and
 * names vanish during Meet's re-renders, so "who is in the call" may briefly read as nobody) and while its
 * person is still in the call (someone else joined: an assistant, a note-taker). It ends when the user says
 * so (a correction or "Not a 1:1"), when the relationship goes away, or when the call has gone on with
 * others only for LEFT_AFTER_MS: that 1:1's notes are not kept open in a call with someone else. Only a
 * person seen in this call (`seen`) is waited for when another 1:1's person would take the call, and a 2-1
 * waits for both of its people; a report in which nobody is read (re-rendering tiles, the end screen) changes
 * nothing. A call joined again within LEFT_AFTER_MS of its end (`endedAt`) is the same call; later, the next
 * meeting, judged afresh. The content script tells an unchanged call again every 15 s, so the minute runs out.
 */
export async function judgeCall(
  call: SeenCall,
  deps: MeetDeps,
  previous: MeetContext['link'] = null,
  /** The user just linked or tracked this call in the panel: their choice holds for the rest of the call. */
  userSaid = false,
): Promise<{
  context: MeetContext;
  show: MeetShow['show'];
  /** The 1:1 this call was linked to, whose person left while it went on with others: its session ends. */
  left: string | null;
}> {
  const [candidates, settings] = await Promise.all([deps.candidates(), deps.settings()]);
  const now = deps.now?.() ?? Date.now();
  // Joined again after its end: a quick rejoin (or the end screen flickering) is the same call; after a
  // longer end it is the next meeting (in the same room): no earlier choice, presence or absence holds.
  const before =
    previous?.endedAt !== undefined && call.state !== 'ended' && now - previous.endedAt >= LEFT_AFTER_MS
      ? null
      : previous;
  let link: CallLink = linkCall(call, candidates, settings.ignoredSeries, { trustCode: userSaid });
  const ignored = settings.ignoredSeries.includes(ignoredCallKey(call.meetingCode));
  const linked = candidates.find((c) => c.relationship.id === before?.relationshipId);
  // The user's own link for this call stands while its 1:1 still holds the call's code (whoever is there).
  const chosen =
    (userSaid && link.kind === 'linked' && link.via === 'meet-code') ||
    (before?.chosen === true &&
      !ignored &&
      linked?.relationship.archived === false &&
      linked.relationship.meetCodes.includes(call.meetingCode));
  if (chosen && before?.chosen && linked)
    link = { kind: 'linked', relationshipId: linked.relationship.id, via: 'meet-code' };
  const humans = call.others.filter((name) => !isNoteTaker(name));
  const present =
    chosen || call.others.length === 0 || (linked !== undefined && personInCall(linked, humans));
  let absentSince: number | undefined;
  let gone = false;
  if (before && linked && !ignored && !present) {
    const since = before.absentSince ?? now;
    if (now - since < LEFT_AFTER_MS) absentSince = since;
    else gone = true;
  }
  // Until then the call stays with the 1:1 it was linked to when nothing links it now (tiles flicker, a
  // stranger joins), and — while its person, seen earlier in this call, is away (reconnecting) — when
  // another 1:1's person would take it. A 1:1 whose person never showed (linked by its code before anyone
  // joined) gives way at once; so does one whose person is there when the call becomes, say, their 2-1.
  // Nobody read (tiles re-rendering, the end screen) is no evidence either way. A 2-1 waits for both of
  // its people, not just one: one of them reconnecting must not make it that person's 1:1 and back.
  const allThere = linked !== undefined && linked.people.every((p) => p.archived || isInCall(p, humans));
  const keep =
    !userSaid &&
    before !== null &&
    linked !== undefined &&
    !ignored &&
    !gone &&
    (link.kind !== 'linked' ||
      (link.relationshipId !== before.relationshipId &&
        (call.others.length === 0 || (before.seen === true && !allThere))));
  if (keep) link = { kind: 'linked', relationshipId: before!.relationshipId, via: before!.via };
  const same = link.kind === 'linked' && link.relationshipId === before?.relationshipId;
  const holder =
    link.kind === 'linked' ? candidates.find((c) => c.relationship.id === link.relationshipId) : undefined;
  const seen =
    (same && before?.seen === true) ||
    (holder !== undefined && humans.length > 0 && personInCall(holder, humans));
  const endedAt = call.state === 'ended' ? ((same ? before?.endedAt : undefined) ?? now) : undefined;
  const context: MeetContext = {
    surface: 'meet',
    meetingCode: call.meetingCode,
    title: call.title,
    state: call.state,
    presenting: call.presenting,
    others: call.others,
    link:
      link.kind === 'linked'
        ? {
            relationshipId: link.relationshipId,
            via: link.via,
            ...(chosen ? { chosen: true as const } : {}),
            ...(seen ? { seen: true as const } : {}),
            ...(absentSince !== undefined && same ? { absentSince } : {}),
            ...(endedAt !== undefined ? { endedAt } : {}),
          }
        : null,
    trackable: link.kind === 'trackable' ? link.name : null,
  };
  // Its person stayed away that long while the call went on with others, or the call became another 1:1
  // with its person there (their 2-1): that 1:1 took place and is over.
  const left = before && linked && !same && (gone || before.seen === true) ? before.relationshipId : null;
  return { context, show: showFor(call.state, link, settings.meetPanel), left };
}

/**
 * A Meet tab closed, or left its call without Meet's end screen (another meeting in the tab, the page loaded
 * again): the linked call it was in ended with it (its session is held, not left running to be
 * continued by a later call with a timer hours long) — unless another tab is still in that same call.
 * `others`: the contexts of the other open Meet tabs.
 */
export async function meetTabClosed(
  closed: PanelContext | null,
  others: readonly (PanelContext | null)[],
  callEnded: (relationshipId: string, meetingCode: string) => Promise<void>,
): Promise<boolean> {
  if (closed?.surface !== 'meet' || closed.state !== 'in-call' || !closed.link) return false;
  if (stillInCall(others, closed.meetingCode)) return false;
  await callEnded(closed.link.relationshipId, closed.meetingCode);
  return true;
}

/**
 * A Meet tab went to another address. In a call, to a page that is not that call's (Back, a typed address,
 * Meet's home page: no end screen, and a page without a meeting code tells nothing), it left the call: ended
 * as for a closed tab, and its context is given back marked ended, so other tabs no longer count it as in
 * that call. Null when nothing changes (not in a call, or the same call's page).
 */
export async function meetTabNavigated(
  context: PanelContext | null,
  url: string,
  /** The other Meet tabs' contexts, read only for a tab that was in a call (every tab's navigation comes here). */
  others: () => Promise<readonly (PanelContext | null)[]>,
  callEnded: (relationshipId: string, meetingCode: string) => Promise<void>,
): Promise<PanelContext | null> {
  if (context?.surface !== 'meet' || context.state !== 'in-call') return null;
  let samePage = false;
  try {
    const page = new URL(url);
    // The call's own page, read as the Meet content script reads its code.
    samePage = page.hostname === 'meet.google.com' && readMeetingCode(page.pathname) === context.meetingCode;
  } catch {
    // Not an address: not the call's page.
  }
  if (samePage) return null;
  await meetTabClosed(context, await others(), callEnded);
  return { ...context, state: 'ended', presenting: false };
}

/** Whether one of these tabs is in this call now. */
export function stillInCall(tabs: readonly (PanelContext | null)[], meetingCode: string): boolean {
  return tabs.some(
    (tab) => tab?.surface === 'meet' && tab.meetingCode === meetingCode && tab.state === 'in-call',
  );
}

/**
 * Pre-join shows nothing (nothing intrusive before the call); in a call, a tracked 1:1 opens the panel
 * (or its rail, if the user prefers) and an unknown two-person call gets the rail with its offer; at
 * the end, a tracked call's panel stays for the summary.
 */
export function showFor(
  state: MeetCallState,
  link: CallLink,
  preference: 'open' | 'collapsed',
): MeetShow['show'] {
  if (state === 'in-call') {
    if (link.kind === 'linked') return preference;
    return link.kind === 'trackable' ? 'collapsed' : 'hidden';
  }
  if (state === 'ended' && link.kind === 'linked') return 'open';
  return 'hidden';
}
