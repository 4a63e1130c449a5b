/**
 * What happens inside a Google page, seen from outside it (SECURITY.md 22–23): uncaught errors and console
 * messages from every world (the page's, Duet's content script's isolated world, the panel frame), browser
 * log entries, and the renderer's live-object counts (CDP `Performance.getMetrics` after a forced GC), plus
 * how many observers Duet's content script holds (counted in its isolated world with `Runtime.queryObjects`).
 */
import type { CDPSession, Page } from 'playwright-core';

export interface PageMessage {
  source: 'pageerror' | 'console' | 'cdp-exception' | 'cdp-console' | 'log';
  level: string;
  /** Execution context name for CDP entries ('Duet' is the content script's isolated world, '' the page). */
  world: string;
  text: string;
}

export interface PageMetrics {
  JSEventListeners: number;
  Nodes: number;
  Documents: number;
  Frames: number;
}

export class PageWatch {
  readonly messages: PageMessage[] = [];
  private contexts = new Map<number, { name: string; frameId: string }>();
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  /** Attach before the page navigates, so the content script's world is seen being created. */
  static async attach(page: Page): Promise<PageWatch> {
    const cdp = await page.context().newCDPSession(page);
    const watch = new PageWatch(page, cdp);
    page.on('pageerror', (error) =>
      watch.messages.push({
        source: 'pageerror',
        level: 'error',
        world: '',
        text: `${error.message}\n${error.stack ?? ''}`,
      }),
    );
    page.on('console', (message) =>
      watch.messages.push({ source: 'console', level: message.type(), world: '', text: message.text() }),
    );
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = (context.auxData ?? {}) as { frameId?: string };
      watch.contexts.set(context.id, { name: context.name, frameId: aux.frameId ?? '' });
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) =>
      watch.contexts.delete(executionContextId),
    );
    cdp.on('Runtime.executionContextsCleared', () => watch.contexts.clear());
    cdp.on('Runtime.consoleAPICalled', (event) =>
      watch.messages.push({
        source: 'cdp-console',
        level: event.type,
        world: watch.contexts.get(event.executionContextId)?.name ?? '?',
        text: event.args.map((arg) => String(arg.value ?? arg.description ?? '')).join(' '),
      }),
    );
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
      watch.messages.push({
        source: 'cdp-exception',
        level: 'error',
        world: watch.contexts.get(exceptionDetails.executionContextId ?? -1)?.name ?? '?',
        text: exceptionDetails.exception?.description ?? exceptionDetails.text,
      }),
    );
    cdp.on('Log.entryAdded', ({ entry }) =>
      watch.messages.push({ source: 'log', level: entry.level, world: entry.source, text: entry.text }),
    );
    await cdp.send('Runtime.enable');
    await cdp.send('Log.enable');
    await cdp.send('Performance.enable');
    return watch;
  }

  /** Errors (uncaught exceptions and console/log errors) since `from` (an index into `messages`). */
  errorsSince(from = 0): PageMessage[] {
    return this.messages
      .slice(from)
      .filter(
        (m) =>
          m.source === 'pageerror' ||
          m.source === 'cdp-exception' ||
          m.level === 'error' ||
          m.level === 'assert',
      );
  }

  /** Counts after a forced garbage collection (twice: weakly held wrappers go in the second pass). */
  async metrics(): Promise<PageMetrics> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return {
      JSEventListeners: value('JSEventListeners'),
      Nodes: value('Nodes'),
      Documents: value('Documents'),
      Frames: value('Frames'),
    };
  }

  /** Live instances of `constructorName` (e.g. MutationObserver) in Duet's content-script world of the top frame. */
  async liveInDuetWorld(constructorName: string): Promise<number> {
    const mainFrameId = (await this.cdp.send('Page.getFrameTree')).frameTree.frame.id;
    const duet = [...this.contexts.entries()].filter(
      ([, context]) => context.name === 'Duet' && context.frameId === mainFrameId,
    );
    if (duet.length !== 1) throw new Error(`expected one Duet world, found ${duet.length}`);
    const { result: prototype } = await this.cdp.send('Runtime.evaluate', {
      expression: `${constructorName}.prototype`,
      contextId: duet[0]![0],
    });
    const { objects } = await this.cdp.send('Runtime.queryObjects', {
      prototypeObjectId: prototype.objectId!,
    });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId!,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    await this.cdp.send('Runtime.releaseObject', { objectId: objects.objectId! });
    return result.value as number;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
