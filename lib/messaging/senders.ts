/**
 * Who sent a message, decided only from fields the browser fills in (`id`, `url`, `origin`, `tab`,
 * `frameId`) — never from the payload. One rejection reason per way a sender can be wrong.
 */
import { CALENDAR_ORIGIN, MEET_ORIGIN } from '../hosts';
import type { SenderKind } from './protocol';

/** The subset of `runtime.MessageSender` we rely on. */
export interface RawSender {
  id?: string | undefined;
  url?: string | undefined;
  origin?: string | undefined;
  frameId?: number | undefined;
  tab?: { id?: number | undefined } | undefined;
}

export interface Self {
  /** `runtime.id` */
  id: string;
  /** `runtime.getURL('')`, e.g. `chrome-extension://<id>/` */
  baseUrl: string;
}

export type RejectReason = 'foreign-extension' | 'no-url' | 'no-tab' | 'subframe' | 'foreign-origin';

export type ClassifiedSender =
  { ok: true; kind: SenderKind; tabId: number | null } | { ok: false; reason: RejectReason };

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function classifySender(sender: RawSender, self: Self): ClassifiedSender {
  if (sender.id !== self.id) return { ok: false, reason: 'foreign-extension' };
  if (typeof sender.url !== 'string') return { ok: false, reason: 'no-url' };
  const tabId = typeof sender.tab?.id === 'number' && sender.tab.id >= 0 ? sender.tab.id : null;

  // Our own pages (panel, popup, options) — possibly framed inside a Google tab.
  if (sender.url.startsWith(self.baseUrl)) return { ok: true, kind: 'extension-page', tabId };

  // Otherwise it must be one of our content scripts: top frame of a tab on one of our two hosts.
  if (tabId === null) return { ok: false, reason: 'no-tab' };
  if (sender.frameId !== 0) return { ok: false, reason: 'subframe' };
  const origin = originOf(sender.url);
  if (sender.origin !== undefined && sender.origin !== origin) {
    return { ok: false, reason: 'foreign-origin' };
  }
  if (origin === CALENDAR_ORIGIN) return { ok: true, kind: 'calendar-content', tabId };
  if (origin === MEET_ORIGIN) return { ok: true, kind: 'meet-content', tabId };
  return { ok: false, reason: 'foreign-origin' };
}
