/** What the background does for each message kind. Wiring of domain logic, the DB and tab state. */
import type { EventBadge, PanelContext } from '../messaging/protocol';
import {
  badgeOf,
  type CalendarDeps,
  DetailsCache,
  type JudgedEvent,
  judgeEvents,
  panelContextOf,
} from './calendar';
import type { CalendarClocks } from './calendar-clock';
import { judgeCall, type MeetDeps, meetTabClosed, stillInCall } from './meet';
import type { Handlers } from './router';
import { SIDE_PANEL_PAGE } from '../messaging/constants';
import type { TabContexts } from './tab-contexts';

/**
 * The tab a message names, when the browser's side panel sent it (it is in no tab, and never framed by a
 * page: it is not web-accessible); undefined for anyone else, who is only ever about the tab it is in.
 */
const sidePanelTab = (asked: number | undefined, page: string | null | undefined) =>
  asked !== undefined && page === SIDE_PANEL_PAGE ? asked : undefined;

export interface BackgroundDeps {
  tabContexts: TabContexts;
  calendar: CalendarDeps;
  meet: MeetDeps;
  details?: DetailsCache;
  /** Calendar's clock per account: the panel's event start is read in Calendar's time zone. */
  clocks?: Pick<CalendarClocks, 'clockFor'>;
  /** Tells open panel frames of a tab that their context changed. */
  pushContext: (tabId: number, context: PanelContext | null) => void;
  /** Remembers a Calendar tab, so its badges can be refreshed later. */
  calendarTabSeen?: (tabId: number) => void;
  /** Asks every Calendar tab to redraw its badges. */
  refreshBadges?: () => void;
  /** A Meet code read from an event's popover, for the 1:1 series it belongs to. */
  linkMeetCode?: (relationshipId: string, meetCode: string) => Promise<void>;
  /**
   * Every classified batch, declined 1:1s included (the "reschedule?" prompt). Called without waiting:
   * the badges never wait for it, and its failure never fails the classification.
   */
  eventsJudged?: (judged: readonly JudgedEvent[], account: number | null) => Promise<unknown> | void;
  /** A Calendar view settled on these days (planned 1:1s no longer there: "reschedule?"). Not awaited. */
  daysShown?: (
    shown: { days: readonly string[]; eventIds: readonly string[]; calendars: readonly string[] },
    account: number | null,
  ) => Promise<unknown> | void;
  /** An extension page changed data: the toolbar badge (overdue agreements) follows. */
  dataChanged?: () => void;
  /** "Delete everything" ran: what the background kept about the data goes too (reminders). */
  dataErased?: () => Promise<void>;
  /** The contexts of the open Meet tabs other than this one (is a call still going on in another tab?). */
  meetTabsBesides?: (tabId: number) => Promise<readonly (PanelContext | null)[]>;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const details = deps.details ?? new DetailsCache();
  /**
   * A tab's context-writing messages, one at a time: each reads or judges, then writes the tab's context,
   * so a Meet report judged while the user's link is being made, or a Calendar event selected a moment
   * before another one, must not write its older context after the newer one.
   */
  const tabQueues = new Map<number, Promise<unknown>>();
  const inTurn = <T>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const turn = (tabQueues.get(tabId) ?? Promise.resolve()).then(work, work);
    const settled = turn.catch(() => undefined);
    tabQueues.set(tabId, settled);
    void settled.then(() => {
      if (tabQueues.get(tabId) === settled) tabQueues.delete(tabId);
    });
    return turn;
  };
  /**
   * A tab's new context: remembered, then pushed to its panel — pushed even if remembering it failed
   * (`storage.session` full: a Meet panel must still hear that the user started presenting). Nothing logged.
   */
  const shown = async (tabId: number, context: PanelContext) => {
    await deps.tabContexts.set(tabId, context).catch(() => undefined);
    deps.pushContext(tabId, context);
  };
  return {
    'calendar/classify-events': async ({ events, principal }, { tabId, account = null }) => {
      if (tabId !== null) deps.calendarTabSeen?.(tabId);
      await details.ready();
      const judged = await judgeEvents(events, deps.calendar, details, principal);
      if (deps.eventsJudged) {
        try {
          void Promise.resolve(deps.eventsJudged(judged, account)).catch(() => undefined);
        } catch {
          // Reminders are best effort; the badges below are what the page waits for.
        }
      }
      return { badges: judged.map(badgeOf).filter((badge): badge is EventBadge => badge !== null) };
    },

    'calendar/event-details': async ({ details: read }) => {
      // Remembered for this event; the content script then re-asks for the chip's badge with guests known.
      await details.ready();
      details.set(read);
      return { badge: null };
    },

    'calendar/select-event': async ({ event, principal }, { tabId, account = null }) => {
      if (tabId === null) throw new Error('no tab');
      return inTurn(tabId, async () => {
        await details.ready();
        const [judged] = await judgeEvents([event], deps.calendar, details, principal);
        const clock = await deps.clocks?.clockFor(account).catch(() => undefined);
        const context = panelContextOf(judged!, clock);
        const meetCode = judged!.details?.meetCode;
        if (judged!.relationshipId && meetCode) {
          // Best effort: the panel must open even if remembering the Meet code fails.
          await deps.linkMeetCode?.(judged!.relationshipId, meetCode).catch(() => undefined);
        }
        await shown(tabId, context);
        return { ok: true as const };
      });
    },

    'calendar/days-shown': async ({ days, eventIds, calendars }, { account = null }) => {
      try {
        void Promise.resolve(deps.daysShown?.({ days, eventIds, calendars }, account)).catch(() => undefined);
      } catch {
        // Reminders are best effort.
      }
      return { ok: true };
    },

    'panel/data-changed': async ({ erased }) => {
      if (erased) {
        await details.clear();
        await deps.dataErased?.().catch(() => undefined);
      }
      deps.refreshBadges?.();
      deps.dataChanged?.();
      return { ok: true };
    },

    'meet/call-seen': async (call, { tabId }) => {
      if (tabId === null) throw new Error('no tab');
      return inTurn(tabId, async () => {
        const { kind: _kind, ...facts } = call;
        const before = await deps.tabContexts.get(tabId);
        // The link so far, for this same meeting code (judgeCall tells a rejoin from the next meeting).
        const previous =
          before?.surface === 'meet' && before.meetingCode === call.meetingCode ? before.link : null;
        const judged = await judgeCall(facts, deps.meet, previous);
        const { show, left } = judged;
        let { context } = judged;
        const callEnded = async (relationshipId: string, meetingCode: string) =>
          deps.meet.callEnded?.(relationshipId, meetingCode).catch(() => undefined);
        // Read at most once per report, and only when a call ended or was left.
        let others: Promise<readonly (PanelContext | null)[]> | undefined;
        const otherTabs = () =>
          (others ??= deps.meetTabsBesides?.(tabId).catch(() => []) ?? Promise.resolve([]));
        // This tab ended its call while another tab of this browser is still in it (Meet's companion
        // mode, the call opened twice): the 1:1 goes on there, and this tab's panel does not end it.
        const goesOn =
          context.state === 'ended' &&
          context.link !== null &&
          stillInCall(await otherTabs(), context.meetingCode);
        if (goesOn) context = { ...context, goesOnElsewhere: true };
        await shown(tabId, context);
        // The call this tab was in, left without Meet's end screen: the tab went to another meeting, or its
        // page loaded again (the green room). That 1:1 is over (a rejoin soon after continues it), unless
        // another tab is still in that call.
        if (
          before?.surface === 'meet' &&
          before.state === 'in-call' &&
          (before.meetingCode !== call.meetingCode || call.state === 'prejoin')
        )
          await meetTabClosed(before, await otherTabs(), callEnded);
        // Its person left and the call went on with others: that 1:1 took place and is over.
        if (left) await callEnded(left, context.meetingCode);
        if (context.state === 'ended' && context.link && !goesOn) {
          // Best effort: the panel also ends its session; this covers a panel that was closed.
          await callEnded(context.link.relationshipId, context.meetingCode);
        }
        return { show };
      });
    },

    'meet/call-linked': async ({ meetingCode, tabId: asked }, { tabId: senderTab, page }) => {
      const tabId = sidePanelTab(asked, page) ?? senderTab;
      if (tabId === null) throw new Error('no tab');
      return inTurn(tabId, async () => {
        const current = await deps.tabContexts.get(tabId);
        // Only the call this tab is showing can be re-judged (never a code the panel made up).
        if (current?.surface !== 'meet' || current.meetingCode !== meetingCode)
          throw new Error('not this call');
        const { context } = await judgeCall(current, deps.meet, null, true);
        await shown(tabId, context);
        // The call is no longer the 1:1 it was linked to: the session it ran for that one is let go (else it
        // stayed live, and that 1:1's real meeting later went on with a timer hours long).
        if (current.link && current.link.relationshipId !== context.link?.relationshipId)
          await deps.meet.callReleased?.(current.link.relationshipId, meetingCode).catch(() => undefined);
        return { ok: true };
      });
    },

    'panel/frame-opened': async ({ token }, { tabId }) => {
      if (tabId === null) throw new Error('no tab');
      // Best effort, like a context: the tab's panel frame still opens (this worker keeps the token).
      await deps.tabContexts.setFrameToken(tabId, token).catch(() => undefined);
      return { ok: true };
    },

    'panel/get-context': async ({ tabId: asked, frameToken }, { tabId, page }) => {
      const named = sidePanelTab(asked, page);
      if (named !== undefined) return { context: await deps.tabContexts.get(named) };
      // A framed panel learns only about the tab it is in, and only if that tab's content script opened
      // it (a page can frame panel.html itself; such a copy gets nothing).
      if (tabId === null || !(await deps.tabContexts.frameAllowed(tabId, frameToken)))
        return { context: null };
      return { context: await deps.tabContexts.get(tabId) };
    },
  };
}
