/**
 * Records every request the browser makes while Duet runs (SECURITY.md 14), through three independent taps:
 *
 * 1. Playwright's `context.on('request')`: every page, every frame (the panel's out-of-process iframe too) and
 *    the extension's service worker (Playwright enables the Network domain on service-worker targets).
 * 2. Raw CDP on every service-worker target of the extension (a browser-level session attaches to each one,
 *    also the worker that replaces it after `chrome.runtime.reload()`), with `Network.enable` — not through
 *    Playwright's own network layer.
 * 3. Raw CDP `Network.enable` on pages and frames the test names (`tapTarget`), with the request's initiator,
 *    so a request started by a content script (its stack names `chrome-extension://…/content-scripts/…`)
 *    would be told apart from the page's own.
 */
import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';

export interface RecordedRequest {
  tap: 'playwright' | 'cdp-worker' | 'cdp-target';
  url: string;
  resourceType: string;
  navigation: boolean;
  /** URL of the frame that made it ('' for a worker), or of the worker. */
  from: string;
  fromWorker: boolean;
  /** Script URLs on the initiator's stack (CDP taps only). */
  initiatorScripts: string[];
}

interface CdpInitiator {
  url?: string;
  stack?: { callFrames: Array<{ url: string }>; parent?: CdpInitiator['stack'] };
}

function scriptsOf(initiator: CdpInitiator | undefined): string[] {
  const urls = new Set<string>();
  if (initiator?.url) urls.add(initiator.url);
  for (let stack = initiator?.stack; stack; stack = stack.parent)
    for (const frame of stack.callFrames) if (frame.url) urls.add(frame.url);
  return [...urls];
}

export class NetworkRecorder {
  readonly requests: RecordedRequest[] = [];
  private browserSession: CDPSession | null = null;
  private readonly attachedWorkers = new Set<string>();
  private readonly sessions: CDPSession[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
  ) {}

  async start(): Promise<void> {
    this.context.on('request', (request) => {
      const worker = request.serviceWorker();
      let from = worker?.url() ?? '';
      if (!worker) {
        try {
          from = request.frame().url();
        } catch {
          from = '(no frame)';
        }
      }
      this.requests.push({
        tap: 'playwright',
        url: request.url(),
        resourceType: request.resourceType(),
        navigation: request.isNavigationRequest(),
        from,
        fromWorker: worker !== null,
        initiatorScripts: [],
      });
    });

    const browser = this.context.browser();
    if (!browser) throw new Error('no browser-level CDP: cannot tap the service worker');
    const session = await browser.newBrowserCDPSession();
    this.browserSession = session;
    let nextId = 1;
    const workerUrls = new Map<string, string>();
    session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      const message = JSON.parse(event.message) as {
        method?: string;
        params?: { request: { url: string }; type?: string; initiator?: CdpInitiator };
      };
      if (message.method !== 'Network.requestWillBeSent' || !message.params) return;
      this.requests.push({
        tap: 'cdp-worker',
        url: message.params.request.url,
        resourceType: (message.params.type ?? 'other').toLowerCase(),
        navigation: false,
        from: workerUrls.get(event.sessionId) ?? '(worker)',
        fromWorker: true,
        initiatorScripts: scriptsOf(message.params.initiator),
      });
    });
    const attach = async (info: { targetId: string; type: string; url: string }) => {
      if (info.type !== 'service_worker' || !info.url.startsWith(`chrome-extension://${this.extensionId}/`))
        return;
      if (this.attachedWorkers.has(info.targetId)) return;
      this.attachedWorkers.add(info.targetId);
      try {
        // Not flattened: Playwright's own (flattened) session on the same worker is left alone.
        const { sessionId } = await session.send('Target.attachToTarget', {
          targetId: info.targetId,
          flatten: false,
        });
        workerUrls.set(sessionId, info.url);
        await session.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: nextId++, method: 'Network.enable', params: {} }),
        });
      } catch {
        // The worker went away between discovery and attach (reload): its successor is attached instead.
      }
    };
    session.on(
      'Target.targetCreated',
      (event: { targetInfo: { targetId: string; type: string; url: string } }) => {
        void attach(event.targetInfo);
      },
    );
    session.on(
      'Target.targetInfoChanged',
      (event: { targetInfo: { targetId: string; type: string; url: string } }) => {
        void attach(event.targetInfo);
      },
    );
    await session.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = await session.send('Target.getTargets');
    for (const info of targetInfos) await attach(info);
  }

  /** How many extension service workers the raw CDP tap has attached to (1, then 2 after a reload). */
  get workersTapped(): number {
    return this.attachedWorkers.size;
  }

  /** Raw CDP `Network.enable` on a page or an out-of-process frame (the panel): requests with initiators. */
  async tapTarget(target: Page | Frame, label: string): Promise<void> {
    const session = await this.context.newCDPSession(target);
    this.sessions.push(session);
    session.on('Network.requestWillBeSent', (event) => {
      this.requests.push({
        tap: 'cdp-target',
        url: event.request.url,
        resourceType: (event.type ?? 'other').toLowerCase(),
        navigation: event.requestId === event.loaderId,
        from: event.documentURL ?? label,
        fromWorker: false,
        initiatorScripts: scriptsOf(event.initiator as CdpInitiator),
      });
    });
    await session.send('Network.enable');
  }

  async stop(): Promise<void> {
    for (const session of this.sessions) await session.detach().catch(() => undefined);
    await this.browserSession?.detach().catch(() => undefined);
  }
}
