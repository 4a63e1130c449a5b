/**
 * "Continue in side panel": the browser's own side panel (Chrome `sidePanel`, Firefox `sidebarAction`)
 * shows the same panel outside the page — useful while presenting, when the in-page panel hides notes.
 * Browsers only open it in answer to a click, so the tab id is looked up ahead and the open call is the
 * first thing the click does.
 */
import { browser } from 'wxt/browser';
import { SIDE_PANEL_PAGE } from '@/lib/messaging/constants';

/** The tab a side panel shows, from its own URL (`?tab=<id>`, which only Duet opens it with). */
export function tabFromLocation(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  const id = raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * The tab a side panel opened without `?tab=` shows: the active tab of its window (Chrome lists Duet in its
 * own side-panel menu on every tab; Firefox's sidebar is one per window). Set by the side panel as it follows.
 */
let followedTab: number | null = null;
export function followTab(id: number | null): void {
  followedTab = id;
}

/** In the browser's side panel, the tab it shows; in a framed panel (the sender's own tab), null. */
export function sidePanelTab(): number | null {
  if (!location.pathname.endsWith(`/${SIDE_PANEL_PAGE}`)) return null;
  return tabFromLocation(location.search) ?? followedTab;
}

export interface ChromeSidePanel {
  setOptions(options: { tabId: number; path: string; enabled: boolean }): Promise<void>;
  open(options: { tabId: number }): Promise<void>;
}
export interface FirefoxSidebar {
  setPanel(details: { tabId?: number; panel: string }): Promise<void>;
  open(): Promise<void>;
}

let tabId: number | null = null;

/** Looks up this frame's tab once, ahead of any click (a click must open the panel straight away). */
function primeTabId(): void {
  try {
    const pending = browser.tabs?.getCurrent?.() as Promise<{ id?: number } | undefined> | undefined;
    if (!pending || typeof pending.then !== 'function') return;
    pending.then((tab) => (tabId = tab?.id ?? null)).catch(() => undefined);
  } catch {
    // No tabs API here (tests, a context without tabs): the side panel is simply not offered.
  }
}
primeTabId();

export function sidePanelPath(forTab: number): `sidepanel.html?tab=${number}` {
  return `sidepanel.html?tab=${forTab}`;
}

/** Whether this browser can show a side panel for this tab (the button is offered only then). */
export function sidePanelAvailable(): boolean {
  const api = globalThis as { chrome?: { sidePanel?: ChromeSidePanel } };
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  return Boolean(api.chrome?.sidePanel || sidebar);
}

export function openSidePanel(): void {
  if (tabId === null) return;
  const chromeApi = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  if (chromeApi) {
    void chromeApi.setOptions({ tabId, path: sidePanelPath(tabId), enabled: true }).catch(() => undefined);
    void chromeApi.open({ tabId }).catch(() => undefined);
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  if (sidebar) {
    void sidebar.open().catch(() => undefined);
    void sidebar
      .setPanel({ tabId, panel: browser.runtime.getURL(`/${sidePanelPath(tabId)}`) })
      .catch(() => undefined);
  }
}
