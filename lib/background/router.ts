/**
 * Turns an untrusted `(message, sender)` pair into a handler call: classify the sender from browser
 * fields, validate the message, check the kind's sender allowlist, then dispatch. Every refusal is
 * a value (`{ ok: false }`) with no side effect.
 */
import {
  type AnyRequest,
  type Envelope,
  isAllowedSender,
  type MessageKind,
  parseRequest,
  type Request,
  type Response,
  type SenderKind,
} from '../messaging/protocol';
import { calendarAccountOf } from '../hosts';
import { classifySender, type RawSender, type Self } from '../messaging/senders';

export interface HandlerContext {
  sender: SenderKind;
  /** The tab the sender lives in, from the browser; `null` for a popup or options page. */
  tabId: number | null;
  /** For our own pages: which one sent it (`sidepanel.html`…), from the browser-supplied URL. */
  page?: string | null;
  /** For Calendar's pages: which signed-in account (`/calendar/u/N/`), from the browser-supplied URL. */
  account?: number | null;
}

/** The extension page a URL belongs to (`popup.html`), or null for anything else. */
export function extensionPageOf(url: string | undefined, baseUrl: string): string | null {
  if (!url?.startsWith(baseUrl)) return null;
  const path = url.slice(baseUrl.length).split(/[?#]/)[0] ?? '';
  return /^[a-z-]+\.html$/.test(path) ? path : null;
}

export type Handlers = {
  [K in MessageKind]: (request: Request<K>, context: HandlerContext) => Promise<Response<K>>;
};

export type Router = (message: unknown, sender: RawSender) => Promise<Envelope<unknown>>;

export function createRouter(handlers: Handlers, self: () => Self): Router {
  return async (message, rawSender) => {
    const me = self();
    const sender = classifySender(rawSender, me);
    if (!sender.ok) return { ok: false, error: `sender:${sender.reason}` };
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: `message:${parsed.reason}` };
    const request: AnyRequest = parsed.request;
    if (!isAllowedSender(request.kind, sender.kind)) return { ok: false, error: 'message:not-allowed' };
    const handler = handlers[request.kind] as (
      request: AnyRequest,
      context: HandlerContext,
    ) => Promise<unknown>;
    try {
      const page = sender.kind === 'extension-page' ? extensionPageOf(rawSender.url, me.baseUrl) : null;
      const account = sender.kind === 'calendar-content' ? calendarAccountOf(rawSender.url) : null;
      const data = await handler(request, { sender: sender.kind, tabId: sender.tabId, page, account });
      return { ok: true, data };
    } catch (error) {
      // Bugs surface as a generic failure; no payload or personal data goes into the reply or the console.
      console.error(
        'Duet: a message handler failed',
        request.kind,
        error instanceof Error ? error.name : 'error',
      );
      return { ok: false, error: 'handler-failed' };
    }
  };
}
