/**
 * Which event or call this panel is about. Asked from the background (keyed by the browser-supplied
 * tab of this frame, never by URL parameters) and kept current through the panel port.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/client';
import { panelPortName, PanelPushSchema } from '@/lib/messaging/port';
import type { PanelContext } from '@/lib/messaging/protocol';

export type PanelContextState = { status: 'loading' } | { status: 'ready'; context: PanelContext | null };

/** The token the content script put in this frame's URL hash (see lib/content/panel-host.ts). */
export function frameTokenOf(hash: string): string | null {
  const token = hash.replace(/^#/, '');
  return /^[0-9a-f]{32}$/.test(token) ? token : null;
}

/** The first wait before reconnecting the panel port, and the longest. */
export const RETRY_MIN_MS = 250;
export const RETRY_MAX_MS = 30_000;

export function usePanelContext(): PanelContextState {
  const token = frameTokenOf(location.hash);
  const [state, setState] = useState<PanelContextState>({ status: 'loading' });

  useEffect(() => {
    let disposed = false;
    let port: ReturnType<typeof browser.runtime.connect> | null = null;

    // Reconnection backs off while the background refuses this frame (it never pushes to a frame it
    // does not know: one a page framed itself, or one whose token was replaced), and starts again from
    // the shortest wait once a push arrives (a worker that stopped and came back pushes on connect).
    let retryMs = RETRY_MIN_MS;
    /** A push has been applied (see the first read below). */
    let pushed = false;
    const connect = () => {
      // Duet was reloaded or removed under this (now orphaned) panel: nothing to reconnect to.
      if (disposed || !browser.runtime?.id) return;
      try {
        port = browser.runtime.connect({ name: panelPortName(token) });
      } catch {
        return;
      }
      port.onMessage.addListener((message: unknown) => {
        const push = PanelPushSchema.safeParse(message);
        if (!push.success || disposed) return;
        retryMs = RETRY_MIN_MS;
        pushed = true;
        setState({ status: 'ready', context: push.data.context });
      });
      // The service worker may be stopped; reconnect so later context changes still arrive.
      port.onDisconnect.addListener(() => {
        if (disposed) return;
        setTimeout(connect, retryMs);
        retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
      });
    };

    // The first read. A push that came first is newer (the background pushes every change): the answer,
    // arriving after it, must not put an older context back.
    sendMessage(token ? { kind: 'panel/get-context', frameToken: token } : { kind: 'panel/get-context' })
      .then(({ context }) => {
        if (!disposed && !pushed) setState({ status: 'ready', context });
      })
      .catch(() => {
        if (!disposed && !pushed) setState({ status: 'ready', context: null });
      });
    // Without a token (a copy of panel.html a page framed) the background refuses the port: not asked.
    if (token) connect();

    return () => {
      disposed = true;
      port?.disconnect();
    };
  }, []);

  return state;
}
