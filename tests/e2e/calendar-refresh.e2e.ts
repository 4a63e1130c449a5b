/**
 * Badges follow the user's word: "Not a 1:1" in the panel removes the chip's badge (the background tells
 * the Calendar tabs to judge their chips again). The worker finds those tabs by URL as well as from memory
 * (lib/background/start.ts, `refreshBadges`): an MV3 worker stopped when idle (~30 s) and woken by the panel
 * remembers none. Stopping it on purpose is not possible while Playwright is attached to it, so the lookup
 * itself is checked here in real Chromium (host permissions only, no "tabs" permission), and the woken-worker
 * case in tests/unit/background/refresh-badges.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Duet, startDuet } from './harness';
import { CalendarPage } from './pages/calendar-page';

describe('Calendar: badges follow a data change', () => {
  let duet: Duet;
  let calendar: CalendarPage;

  beforeAll(async () => {
    duet = await startDuet();
    calendar = await CalendarPage.open(duet);
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('the worker finds the open Calendar tabs by URL, with Duet’s host permissions alone', async () => {
    const worker = duet.context.serviceWorkers().at(-1) ?? duet.worker;
    const urls = await worker.evaluate(async () => {
      const scope = globalThis as unknown as {
        chrome: { tabs: { query(filter: { url: string[] }): Promise<Array<{ url?: string }>> } };
      };
      const tabs = await scope.chrome.tabs.query({ url: ['https://calendar.google.com/*'] });
      return tabs.map((tab) => tab.url ?? '');
    });
    expect(urls).toContain(calendar.page.url());
  });

  it('removes the badge of a meeting the user says is not a 1:1, and only that one', async () => {
    await expect.poll(() => calendar.badgeOn('Alice / Frank').count()).toBe(1);
    const panel = await calendar.openPanelFor('Alice / Frank');
    await panel.frame.locator('[data-testid=not-one-on-one]').click();
    await panel.frame.locator('[data-testid=series-ignored]').waitFor({ timeout: 10_000 });
    await expect.poll(() => calendar.badgeOn('Alice / Frank').count(), { timeout: 10_000 }).toBe(0);
    expect(await calendar.badgeOn('Alice / Bob').count()).toBe(1);
  });
});
