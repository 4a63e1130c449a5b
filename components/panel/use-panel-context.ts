/**
 * Which event or call this panel is about. Asked from the background (keyed by the browser-supplied
 * tab of this frame, never by URL parameters) and kept current through the panel port.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/client';
import { PANEL_PORT_NAME, PanelPushSchema } from '@/lib/messaging/port';
import type { PanelContext } from '@/lib/messaging/protocol';

export type PanelContextState = { status: 'loading' } | { status: 'ready'; context: PanelContext | null };

export function usePanelContext(): PanelContextState {
  const [state, setState] = useState<PanelContextState>({ status: 'loading' });

  useEffect(() => {
    let disposed = false;
    let port: ReturnType<typeof browser.runtime.connect> | null = null;

    const connect = () => {
      port = browser.runtime.connect({ name: PANEL_PORT_NAME });
      port.onMessage.addListener((message: unknown) => {
        const push = PanelPushSchema.safeParse(message);
        if (push.success && !disposed) setState({ status: 'ready', context: push.data.context });
      });
      // The service worker may be stopped; reconnect so later context changes still arrive.
      port.onDisconnect.addListener(() => {
        if (!disposed) setTimeout(connect, 250);
      });
    };

    sendMessage({ kind: 'panel/get-context' })
      .then(({ context }) => {
        if (!disposed) setState({ status: 'ready', context });
      })
      .catch(() => {
        if (!disposed) setState({ status: 'ready', context: null });
      });
    connect();

    return () => {
      disposed = true;
      port?.disconnect();
    };
  }, []);

  return state;
}
