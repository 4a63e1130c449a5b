/**
 * The browser's side panel: the same panel as in the page, for the tab it was opened from (its id is in
 * the side panel's own URL, which only Duet can open). Outside the page, notes stay visible while
 * presenting a tab. The context is re-read every couple of seconds (the side panel has no tab port).
 * Opened from the popup for one person (`?relationship=<id>`), it shows that 1:1 without an event.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/client';
import type { PanelContext } from '@/lib/messaging/protocol';
import { Brand } from '../shared/Brand';
import { IdSchema } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { ContextRefresh } from './context-refresh';
import { notifyDataChanged, PanelBody } from './PanelApp';
import { RelationshipPanel } from './relationship/RelationshipPanel';
import { tabFromLocation } from './side-panel';

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

function TabSidePanel() {
  const tabId = tabFromLocation(location.search);
  const [context, setContext] = useState<PanelContext | null | undefined>(undefined);
  /** Reads the tab's context now (after a change the panel made: ContextRefresh). */
  const readNow = useRef<() => Promise<void>>(async () => {});
  const refresh = useCallback(() => readNow.current(), []);
  useEffect(() => {
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
