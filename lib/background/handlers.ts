/** What the background does for each message kind. Wiring of domain logic, the DB and tab state. */
import type { EventBadge, PanelContext } from '../messaging/protocol';
import { badgeOf, type CalendarDeps, DetailsCache, judgeEvents, panelContextOf } from './calendar';
import type { Handlers } from './router';
import type { TabContexts } from './tab-contexts';

export interface BackgroundDeps {
  tabContexts: TabContexts;
  calendar: CalendarDeps;
  details?: DetailsCache;
  /** Tells open panel frames of a tab that their context changed. */
  pushContext: (tabId: number, context: PanelContext | null) => void;
  /** Remembers a Calendar tab, so its badges can be refreshed later. */
  calendarTabSeen?: (tabId: number) => void;
  /** Asks every Calendar tab to redraw its badges. */
  refreshBadges?: () => void;
  /** A Meet code read from an event's popover, for the 1:1 series it belongs to. */
  linkMeetCode?: (relationshipId: string, meetCode: string) => Promise<void>;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const details = deps.details ?? new DetailsCache();
  return {
    'calendar/classify-events': async ({ events }, { tabId }) => {
      if (tabId !== null) deps.calendarTabSeen?.(tabId);
      const judged = await judgeEvents(events, deps.calendar, details);
      return { badges: judged.map(badgeOf).filter((badge): badge is EventBadge => badge !== null) };
    },

    'calendar/event-details': async ({ details: read }) => {
      // Remembered for this event; the content script then re-asks for the chip's badge with guests known.
      details.set(read);
      return { badge: null };
    },

    'calendar/select-event': async ({ event }, { tabId }) => {
      if (tabId === null) throw new Error('no tab');
      const [judged] = await judgeEvents([event], deps.calendar, details);
      const context = panelContextOf(judged!);
      const meetCode = judged!.details?.meetCode;
      if (judged!.relationshipId && meetCode) {
        // Best effort: the panel must open even if remembering the Meet code fails.
        await deps.linkMeetCode?.(judged!.relationshipId, meetCode).catch(() => undefined);
      }
      await deps.tabContexts.set(tabId, context);
      deps.pushContext(tabId, context);
      return { ok: true };
    },

    'panel/data-changed': async () => {
      deps.refreshBadges?.();
      return { ok: true };
    },

    'meet/call-seen': async ({ meetingCode, title, state }, { tabId }) => {
      if (tabId === null) throw new Error('no tab');
      const context: PanelContext = { surface: 'meet', meetingCode, title, state };
      await deps.tabContexts.set(tabId, context);
      deps.pushContext(tabId, context);
      return { ok: true };
    },

    'panel/get-context': async (_request, { tabId }) => {
      // A panel learns only about the tab it is framed in; a popup or a bare tab gets nothing.
      if (tabId === null) return { context: null };
      return { context: await deps.tabContexts.get(tabId) };
    },
  };
}
