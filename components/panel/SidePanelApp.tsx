/**
 * The browser's side panel: the same panel as in the page, for the tab it was opened from (its id is in
 * the side panel's own URL, which only Duet can open), or — opened from the browser's own side-panel menu,
 * with no tab in its URL — for the active tab of its window, following it. Outside the page, notes stay visible while
 * presenting a tab. The context is re-read every couple of seconds (the side panel has no tab port).
 * Opened from the popup for one person (`?relationship=<id>`), it shows that 1:1 without an event.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/client';
import type { PanelContext } from '@/lib/messaging/protocol';
import { Brand } from '../shared/Brand';
import { IdSchema } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { ContextRefresh } from './context-refresh';
import { notifyDataChanged, PanelBody } from './PanelApp';
import { RelationshipPanel } from './relationship/RelationshipPanel';
import { followTab, tabFromLocation } from './side-panel';

const REFRESH_MS = 2000;

/** `?relationship=<id>`: the popup's "Open" for one person (an id as Duet stores them, else nothing). */
export function relationshipFromLocation(search: string): string | null {
  const raw = new URLSearchParams(search).get('relationship');
  return raw !== null && IdSchema.safeParse(raw).success ? raw : null;
}

export function SidePanelApp() {
  const relationshipId = relationshipFromLocation(location.search);
  if (relationshipId !== null) {
    return (
      <main class="panel" aria-label={t('panel_label')} data-testid="side-panel">
        <header class="panel-header">
          <Brand />
        </header>
        <RelationshipPanel relationshipId={relationshipId} onChanged={notifyChanged} />
      </main>
    );
  }
  return <TabSidePanel />;
}

const notifyChanged = () => void notifyDataChanged();

/**
 * The tab this side panel shows: the one in its URL, else (opened from the browser's own side-panel menu)
 * the active tab of its window, followed as the user switches tabs. Undefined while looking it up.
 */
function useShownTab(): number | null | undefined {
  const fixed = tabFromLocation(location.search);
  const [active, setActive] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    if (fixed !== null) return;
    let disposed = false;
    let windowId: number | undefined;
    const show = (id: number | null) => {
      followTab(id);
      setActive(id);
    };
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        if (disposed) return;
        windowId = tab?.windowId;
        show(tab?.id ?? null);
      })
      .catch(() => !disposed && show(null));
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) show(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      disposed = true;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [fixed]);
  return fixed ?? active;
}

function TabSidePanel() {
  const tabId = useShownTab();
  const [context, setContext] = useState<PanelContext | null | undefined>(undefined);
  /** Reads the tab's context now (after a change the panel made: ContextRefresh). */
  const readNow = useRef<() => Promise<void>>(async () => {});
  const refresh = useCallback(() => readNow.current(), []);
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setContext(null);
      return;
    }
    let disposed = false;
    const read = () =>
      sendMessage({ kind: 'panel/get-context', tabId })
        .then(({ context: next }) => {
          if (!disposed)
            setContext((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
        })
        .catch(() => {
          if (!disposed) setContext((current) => current ?? null);
        });
    readNow.current = read;
    void read();
    const timer = setInterval(() => void read(), REFRESH_MS);
    return () => {
      disposed = true;
      readNow.current = async () => {};
      clearInterval(timer);
    };
  }, [tabId]);

  return (
    <main class="panel" aria-label={t('panel_label')} data-testid="side-panel">
      <header class="panel-header">
        <Brand />
      </header>
      <ContextRefresh.Provider value={refresh}>
        <PanelBody
          state={context === undefined ? { status: 'loading' } : { status: 'ready', context }}
          place="side-panel"
        />
      </ContextRefresh.Provider>
    </main>
  );
}
