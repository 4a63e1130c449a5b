/**
 * E2E harness: the built extension (.output/chrome-mv3) in real Chromium, Google pages served from
 * tests/fixtures/google by route interception, one fresh profile per `startDuet()`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchWithExtension, routeGooglePages } from '../../scripts/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = process.env.DUET_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures/google');
export const ARTIFACTS_DIR = join(ROOT, 'artifacts/e2e');

export interface Duet {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  /** Saves a screenshot under artifacts/e2e (ignored by git) and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Reads the worker's `storage.session` (per-tab panel contexts). */
  sessionStorage(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startDuet(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Duet> {
  const launched = await launchWithExtension({
    extensionDir: EXTENSION_DIR,
    colorScheme: options.colorScheme,
  });
  await routeGooglePages(launched.context, FIXTURES_DIR);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return {
    context: launched.context,
    worker: launched.worker,
    extensionId: launched.extensionId,
    extensionUrl: launched.extensionUrl,
    newPage: () => launched.context.newPage(),
    async screenshot(page, name) {
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async sessionStorage() {
      // The worker may have been restarted by Chromium; always ask the current one.
      const worker = launched.context.serviceWorkers()[0] ?? launched.worker;
      return worker.evaluate(() => chrome.storage.session.get(null));
    },
    close: () => launched.close(),
  };
}

/** Whether a frame URL is Duet's panel (its content script opens it as `panel.html#<token>`). */
export function isPanelFrame(frameUrl: string, panelUrl: string): boolean {
  return frameUrl.split('#')[0] === panelUrl;
}
