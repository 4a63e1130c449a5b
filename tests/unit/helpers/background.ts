/** Fakes for the background's dependencies: a Map-backed session area and browser-shaped senders. */
import { vi } from 'vitest';
import { type BackgroundDeps, createHandlers } from '@/lib/background/handlers';
import { createRouter } from '@/lib/background/router';
import { type SessionArea, TabContexts } from '@/lib/background/tab-contexts';
import type { PanelContext } from '@/lib/messaging/protocol';
import type { RawSender, Self } from '@/lib/messaging/senders';

export const SELF: Self = { id: 'duet-test-id', baseUrl: 'chrome-extension://duet-test-id/' };

export function calendarSender(tabId: number): RawSender {
  return {
    id: SELF.id,
    url: 'https://calendar.google.com/calendar/u/0/r/week/2026/3/22',
    origin: 'https://calendar.google.com',
    frameId: 0,
    tab: { id: tabId },
  };
}

export function meetSender(tabId: number): RawSender {
  return {
    id: SELF.id,
    url: 'https://meet.google.com/abc-defg-hij',
    origin: 'https://meet.google.com',
    frameId: 0,
    tab: { id: tabId },
  };
}

export function panelSender(tabId: number | undefined): RawSender {
  return {
    id: SELF.id,
    url: `${SELF.baseUrl}panel.html`,
    origin: SELF.baseUrl.slice(0, -1),
    frameId: tabId === undefined ? undefined : 2,
    tab: tabId === undefined ? undefined : { id: tabId },
  };
}

export interface MapSessionArea extends SessionArea {
  items: Map<string, unknown>;
  get: ReturnType<typeof vi.fn<SessionArea['get']>>;
  set: ReturnType<typeof vi.fn<SessionArea['set']>>;
  remove: ReturnType<typeof vi.fn<SessionArea['remove']>>;
}

/** A `storage.session` stand-in that stores structured clones, like the browser does. */
export function mapSessionArea(): MapSessionArea {
  const items = new Map<string, unknown>();
  return {
    items,
    get: vi.fn<SessionArea['get']>(async (key) =>
      items.has(key) ? { [key]: structuredClone(items.get(key)) } : {},
    ),
    set: vi.fn<SessionArea['set']>(async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    }),
    remove: vi.fn<SessionArea['remove']>(async (key) => {
      items.delete(key);
    }),
  };
}

export function backgroundHarness(keysWithNotes: Iterable<string> = []) {
  const area = mapSessionArea();
  const tabContexts = new TabContexts(area);
  const noted = new Set(keysWithNotes);
  const eventKeysWithNotes = vi.fn<BackgroundDeps['eventKeysWithNotes']>(
    async (keys) => new Set(keys.filter((key) => noted.has(key))),
  );
  const pushContext = vi.fn<(tabId: number, context: PanelContext | null) => void>();
  const deps: BackgroundDeps = { tabContexts, eventKeysWithNotes, pushContext };
  const handlers = createHandlers(deps);
  const router = createRouter(handlers, () => SELF);
  return { area, tabContexts, eventKeysWithNotes, pushContext, deps, handlers, router };
}
