/**
 * Per-tab panel context: which event (Calendar) or call (Meet) a tab's panel is about. Kept in
 * `storage.session` (memory only, not readable by content scripts) so a restarted service worker
 * still knows it; cleared when the tab closes.
 */
import { type PanelContext, PanelContextSchema } from '../messaging/protocol';
import type { KeptArea } from './session-kept';

/** The part of `storage.session` we use, so tests can pass a fake. */
export interface SessionArea extends KeptArea {
  remove(key: string): Promise<void>;
}

const keyFor = (tabId: number) => `tab-context:${tabId}`;
const tokenKeyFor = (tabId: number) => `tab-frame:${tabId}`;

/** How many closed tabs are remembered (tab ids are not reused within a browser session). */
const CLOSED_KEPT = 1000;

export class TabContexts {
  /**
   * Tabs closed while this worker ran: a message still being handled when its tab closed must not write
   * the tab's context back (call title, names) after `clear` removed it.
   */
  private readonly closed = new Set<number>();
  /**
   * What this worker wrote, per key: its word over `storage.session`, which may have refused the write
   * (the area is shared and can be full). A woken worker has only what the area holds.
   */
  private readonly written = new Map<string, unknown>();

  constructor(private readonly area: SessionArea) {}

  private async read(key: string): Promise<unknown> {
    if (this.written.has(key)) return this.written.get(key);
    return (await this.area.get(key))[key];
  }

  /**
   * Never fails: a write the area refuses (quota) is kept in this worker, and the area's older value is
   * removed, so a woken worker finds none rather than a stale one (a call's "not presenting").
   */
  private async write(key: string, value: unknown): Promise<void> {
    this.written.set(key, value);
    try {
      await this.area.set({ [key]: value });
    } catch {
      if (this.written.get(key) === value) await this.area.remove(key).catch(() => undefined);
    }
  }

  async get(tabId: number): Promise<PanelContext | null> {
    const parsed = PanelContextSchema.safeParse(await this.read(keyFor(tabId)));
    return parsed.success ? parsed.data : null;
  }

  async set(tabId: number, context: PanelContext): Promise<void> {
    if (this.closed.has(tabId)) return;
    await this.write(keyFor(tabId), context);
  }

  /** The tab closed: its context and frame token go, and nothing is written for it afterwards. */
  async clear(tabId: number): Promise<void> {
    this.closed.add(tabId);
    if (this.closed.size > CLOSED_KEPT) this.closed.delete(this.closed.values().next().value!);
    this.written.delete(keyFor(tabId));
    this.written.delete(tokenKeyFor(tabId));
    await this.area.remove(keyFor(tabId));
    await this.area.remove(tokenKeyFor(tabId));
  }

  /** The token of the panel frame the tab's content script opened last. */
  async frameToken(tabId: number): Promise<string | null> {
    const stored = await this.read(tokenKeyFor(tabId));
    return typeof stored === 'string' ? stored : null;
  }

  async setFrameToken(tabId: number, token: string): Promise<void> {
    if (this.closed.has(tabId)) return;
    await this.write(tokenKeyFor(tabId), token);
  }

  /** Whether a framed panel presenting `token` is the one this tab's content script opened. */
  async frameAllowed(tabId: number, token: string | null | undefined): Promise<boolean> {
    if (!token) return false;
    return (await this.frameToken(tabId)) === token;
  }
}
