/**
 * Meet page feature: reads the call (code, title, who is in it, whether I present) into a flicker-
 * tolerant state, reports it to the background, and shows the in-page panel as the background says:
 * nothing before the call, the live panel (or its rail) in a tracked 1:1 call, the summary at the end.
 * No note content ever comes through here: the panel is an extension-origin iframe.
 */
import { browser } from 'wxt/browser';
import { createCallStateMachine } from '../google/meet/call-state';
import { readMeetSnapshot } from '../google/meet/read-call';
import { sendFromContent } from '../messaging/content-client';
import { isMeetShow } from '../messaging/guards';
import type { MeetShow } from '../messaging/schemas';
import { observeDebounced } from './observe';
import { createPanelHost, type PanelHost } from './panel-host';

/** While in a call, look again this often even if the page is quiet (a missing toolbar ends the call). */
const BACKSTOP_MS = 1000;
/**
 * An unchanged call is told again this often while in it: the background's judgement moves with time too (a
 * 1:1 whose person has been gone a minute is over, and the call goes on as someone else's).
 */
const RESEND_MS = 15_000;
const MAX_OTHERS = 50;
/**
 * Presenting ends only once its signal has been missing this long, over at least PRESENTING_MISSES looks:
 * Meet's controls vanish for a moment while it re-renders, and one look without them must not show the
 * notes on the screen being shared. It starts at once.
 */
const PRESENTING_OFF_MS = 1500;
const PRESENTING_MISSES = 2;

export function startMeetPage({ signal }: { signal: AbortSignal }): void {
  let machine = createCallStateMachine();
  /** The meeting the call state is of: Meet moves to another meeting without a page load. */
  let machineFor: string | null = null;
  const panelUrl = browser.runtime.getURL('/panel.html');
  let panel: PanelHost | null = null;
  /** The call (by index) in which the user closed the panel: it stays closed for that call. */
  let closedInCall = -1;
  let last = '';
  let lastSentAt = 0;
  /** Who was last seen in the call: tiles vanish for a moment during Meet's re-renders. */
  let lastOthers: string[] = [];
  /** Presenting as last told, and since when (and in how many looks) its signal has been missing. */
  let presentingNow = false;
  let presentingMissingSince: number | null = null;
  let presentingMisses = 0;

  const apply = (show: MeetShow['show'], callIndex: number) => {
    if (show === 'hidden') {
      if (panel && panel.state !== 'closed') panel.close();
      return;
    }
    if (closedInCall === callIndex) return;
    panel ??= createPanelHost({
      panelUrl,
      topOffset: () => 0,
      onUserClose: () => {
        closedInCall = machine.callIndex;
      },
    });
    if (show === 'open' && panel.state !== 'open') panel.open();
    else if (show === 'collapsed' && panel.state === 'closed') panel.showRail();
  };

  /** Presenting, flicker-tolerant: on at the first look that shows it, off after a while without it. */
  const presentingFrom = (inCall: boolean, seen: boolean, now: number): boolean => {
    if (!inCall || seen) {
      presentingNow = inCall && seen;
      presentingMissingSince = null;
      presentingMisses = 0;
      return presentingNow;
    }
    if (!presentingNow) return false;
    presentingMissingSince ??= now;
    presentingMisses += 1;
    if (presentingMisses >= PRESENTING_MISSES && now - presentingMissingSince >= PRESENTING_OFF_MS)
      presentingNow = false;
    return presentingNow;
  };

  const report = () => {
    const snapshot = readMeetSnapshot(document, location.pathname);
    const meetingCode = snapshot.meetingCode;
    if (!meetingCode) return;
    if (meetingCode !== machineFor) {
      // Another meeting in this tab: its own call state, starting in its green room (never "ended" because
      // the last call did), with its own closed-panel choice and people.
      if (machineFor !== null) {
        machine = createCallStateMachine();
        closedInCall = -1;
        lastOthers = [];
        presentingNow = false;
      }
      machineFor = meetingCode;
    }
    const { state, callIndex } = machine.observe(snapshot.signal, Date.now());
    const seen = [
      ...new Set(
        snapshot.participants.filter((p) => !p.self && !p.presentation && p.name).map((p) => p.name),
      ),
    ].slice(0, MAX_OTHERS);
    const others = state === 'in-call' && seen.length === 0 ? lastOthers : seen;
    lastOthers = state === 'in-call' ? others : [];
    const title = snapshot.title;
    const presenting = presentingFrom(state === 'in-call', snapshot.presenting, Date.now());
    const signature = JSON.stringify([meetingCode, state, callIndex, title, presenting, others]);
    const now = Date.now();
    if (signature === last && (state !== 'in-call' || now - lastSentAt < RESEND_MS)) return;
    last = signature;
    lastSentAt = now;
    sendFromContent({ kind: 'meet/call-seen', meetingCode, title, state, presenting, others }, isMeetShow)
      .then(({ show }) => apply(show, callIndex))
      .catch(() => {
        last = ''; // try again on the next change
      });
  };

  observeDebounced({ root: document.body, delayMs: 250, onChange: report, signal });
  const backstop = setInterval(() => {
    if (machine.state === 'in-call') report();
  }, BACKSTOP_MS);
  signal.addEventListener('abort', () => {
    clearInterval(backstop);
    panel?.destroy();
  });
  report();
}
