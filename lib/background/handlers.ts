/** What the background does for each message kind. Pure wiring of domain logic, the DB and tab state. */
import { decodeEventId } from '../domain/event-id';
import { classifyTitle } from '../domain/one-on-one-title';
import type { EventBadge, PanelContext } from '../messaging/protocol';
import type { Handlers } from './router';
import type { TabContexts } from './tab-contexts';

export interface BackgroundDeps {
  tabContexts: TabContexts;
  /** Which decoded event ids have notes (the DB lives behind this). */
  eventKeysWithNotes: (eventKeys: readonly string[]) => Promise<Set<string>>;
  /** Tells open panel frames of a tab that their context changed. */
  pushContext: (tabId: number, context: PanelContext | null) => void;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    'calendar/classify-events': async ({ events }) => {
      const candidates = events.flatMap((event) => {
        const decoded = decodeEventId(event.dataEventId);
        const byTitle = decoded ? classifyTitle(event.title) : null;
        return decoded && byTitle ? [{ event, decoded, kind: byTitle.kind }] : [];
      });
      const withNotes = await deps.eventKeysWithNotes(candidates.map((c) => c.decoded.eventId));
      const badges: EventBadge[] = candidates.map(({ event, decoded, kind }) => ({
        dataEventId: event.dataEventId,
        kind,
        confidence: 'likely',
        hasNotes: withNotes.has(decoded.eventId),
      }));
      return { badges };
    },

    'calendar/select-event': async ({ event }, { tabId }) => {
      const decoded = decodeEventId(event.dataEventId);
      if (!decoded || tabId === null) throw new Error('not an event');
      const context: PanelContext = {
        surface: 'calendar',
        dataEventId: event.dataEventId,
        eventKey: decoded.eventId,
        seriesKey: decoded.seriesId,
        title: event.title,
      };
      await deps.tabContexts.set(tabId, context);
      deps.pushContext(tabId, context);
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
