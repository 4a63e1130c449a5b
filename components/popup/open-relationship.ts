/**
 * "Open" for a person: their 1:1 in the browser's side panel beside the current tab (Chrome `sidePanel`,
 * Firefox `sidebarAction`), else in a tab of its own. Browsers open side panels only in answer to a click,
 * so the active tab is looked up when the popup opens and the click's first act is the open call.
 */
import { browser } from 'wxt/browser';
import type { ChromeSidePanel, FirefoxSidebar } from '../panel/side-panel';

export function relationshipPagePath(relationshipId: string): string {
  return `sidepanel.html?relationship=${encodeURIComponent(relationshipId)}`;
}

let activeTabId: number | null = null;
/** The popup page opened in a tab of its own (not the toolbar's popup): never close it. */
let inTab = false;

/** Looks up the active tab once, ahead of any click. */
export function primeActiveTab(): void {
  try {
    const pending = browser.tabs?.query?.({ active: true, currentWindow: true });
    if (!pending || typeof pending.then !== 'function') return;
    pending.then((tabs) => (activeTabId = tabs[0]?.id ?? null)).catch(() => undefined);
    void browser.tabs
      .getCurrent()
      .then((tab) => (inTab = tab !== undefined))
      .catch(() => undefined);
  } catch {
    // No tabs API here: "Open" falls back to a tab.
  }
}

export interface OpenDeps {
  chromeSidePanel?: ChromeSidePanel;
  firefoxSidebar?: FirefoxSidebar;
  tabId: number | null;
  createTab: (url: string) => Promise<unknown>;
  closePopup: () => void;
}

function defaultDeps(): OpenDeps {
  return {
    chromeSidePanel: (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel,
    firefoxSidebar: (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction,
    tabId: activeTabId,
    createTab: (url) => browser.tabs.create({ url }),
    closePopup: () => {
      if (!inTab) window.close();
    },
  };
}

/** Opens the 1:1's panel; returns where it went. */
export function openRelationship(
  relationshipId: string,
  deps: OpenDeps = defaultDeps(),
): 'side-panel' | 'sidebar' | 'tab' {
  const path = relationshipPagePath(relationshipId);
  const url = browser.runtime.getURL(`/${path}` as '/sidepanel.html');
  if (deps.chromeSidePanel && deps.tabId !== null) {
    const tabId = deps.tabId;
    void deps.chromeSidePanel.setOptions({ tabId, path, enabled: true }).catch(() => undefined);
    void deps.chromeSidePanel
      .open({ tabId })
      .then(() => deps.closePopup())
      .catch(() => void deps.createTab(url).then(deps.closePopup, () => undefined));
    return 'side-panel';
  }
  // Only for a known tab: without one, setPanel would make this 1:1 every tab's sidebar in every window.
  if (deps.firefoxSidebar && deps.tabId !== null) {
    void deps.firefoxSidebar.open().catch(() => undefined);
    void deps.firefoxSidebar.setPanel({ tabId: deps.tabId, panel: url }).catch(() => undefined);
    return 'sidebar';
  }
  void deps.createTab(url).then(deps.closePopup, () => undefined);
  return 'tab';
}
