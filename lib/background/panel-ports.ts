/** Open panel frames per tab, so a context change reaches the panel without a reload. */
import type { PanelContext } from '../messaging/protocol';
import type { PanelPush } from '../messaging/port';

export interface PanelPort {
  postMessage(message: PanelPush): void;
  onDisconnect: { addListener(callback: () => void): void };
}

export class PanelPorts {
  private readonly byTab = new Map<number, Set<PanelPort>>();

  add(tabId: number, port: PanelPort): void {
    const ports = this.byTab.get(tabId) ?? new Set<PanelPort>();
    ports.add(port);
    this.byTab.set(tabId, ports);
    port.onDisconnect.addListener(() => {
      const current = this.byTab.get(tabId);
      current?.delete(port);
      if (current?.size === 0) this.byTab.delete(tabId);
    });
  }

  push(tabId: number, context: PanelContext | null): void {
    for (const port of this.byTab.get(tabId) ?? []) {
      try {
        port.postMessage({ kind: 'panel/context', context });
      } catch {
        // The frame went away between the check and the post; its disconnect listener cleans up.
      }
    }
  }

  count(tabId: number): number {
    return this.byTab.get(tabId)?.size ?? 0;
  }
}
