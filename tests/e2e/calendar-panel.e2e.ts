/**
 * The walking skeleton on the Calendar week fixture: badges on 1:1 chips, the docked in-page panel,
 * a note written, saved in IndexedDB, and still there after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Duet, startDuet } from './harness';
import { CalendarPage } from './pages/calendar-page';
import { byTitle, WEEK_ONE_ON_ONES, WEEK_OTHERS } from './pages/week-fixture';

const EXPECTED_BADGES = WEEK_ONE_ON_ONES;

describe('Calendar: badges and the in-page panel', () => {
  let duet: Duet;
  let calendar: CalendarPage;

  beforeAll(async () => {
    duet = await startDuet();
    calendar = await CalendarPage.open(duet);
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('badges exactly the chips whose titles look like a 1:1, once each', async () => {
    await expect.poll(() => calendar.badges.count()).toBe(EXPECTED_BADGES.length);
    const badged = await calendar.badgedEvents();
    expect(badged.map(({ title, kind }) => ({ title, kind })).sort(byTitle)).toEqual(
      [...EXPECTED_BADGES].sort(byTitle),
    );
    for (const badge of badged) {
      expect(badge.confidence).toBe('likely');
      const chipId = await calendar.chip(badge.title).getAttribute('data-eventid');
      expect(badge.eventId).toBe(chipId);
    }
    for (const title of WEEK_OTHERS) {
      expect(await calendar.badgeOn(title).count()).toBe(0);
    }
  });

  it('keeps one badge per chip when Calendar re-renders', async () => {
    // Calendar rewrites chip contents; simulate by touching every chip's title text several times.
    await calendar.page.evaluate(() => {
      for (let round = 0; round < 3; round++) {
        for (const title of document.querySelectorAll('[data-eventchip] .I0UMhf')) {
          title.textContent = `${title.textContent ?? ''}`;
        }
      }
    });
    await calendar.page.waitForTimeout(400);
    await expect.poll(() => calendar.badges.count()).toBe(EXPECTED_BADGES.length);
    const perChip = await calendar.page.$$eval('[data-eventchip]', (chips) =>
      chips.map((chip) => chip.querySelectorAll('[data-duet-badge]').length),
    );
    expect(Math.max(...perChip)).toBe(1);
  });

  it('draws a badge on a chip that Calendar adds later, and removes it when the title stops being a 1:1', async () => {
    await calendar.page.evaluate(() => {
      const source = document.querySelector<HTMLElement>('[data-eventchip]:has(.I0UMhf)');
      const clone = source!.cloneNode(true) as HTMLElement;
      clone.querySelector('[data-duet-badge]')?.remove();
      clone.setAttribute(
        'data-eventid',
        btoa('newone1234_20260325T200000Z alice@acme.example').replace(/=+$/, ''),
      );
      clone.querySelector('.I0UMhf')!.textContent = 'Alice / Dana';
      source!.parentElement!.append(clone);
    });
    await expect.poll(() => calendar.badgeOn('Alice / Dana').count()).toBe(1);
    await calendar.page.evaluate(() => {
      for (const title of document.querySelectorAll('[data-eventchip] .I0UMhf')) {
        if (title.textContent === 'Alice / Dana') title.textContent = 'Planning';
      }
    });
    await expect.poll(() => calendar.badgeOn('Planning').count()).toBe(0);
  });

  it('opens the docked panel from a badge, showing that event, without covering Calendar’s header', async () => {
    const panel = await calendar.openPanelFor('Alice / Bob');
    expect(await panel.title.textContent()).toBe('Alice / Bob');
    // The panel learns its event from the background, not from its URL.
    // panel.html, with the frame's token in the hash (see lib/content/panel-host.ts).
    expect(panel.frame.url()).toMatch(new RegExp(`^${duet.extensionUrl('panel.html')}#[0-9a-f]{32}$`));

    const box = (await calendar.panelBox())!;
    const header = await calendar.page.locator('header#gb').boundingBox();
    const viewport = calendar.page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
    expect(Math.round(box.x + box.width)).toBe(viewport.width);
    expect(box.width).toBeGreaterThan(300);
    expect(box.y + box.height).toBeCloseTo(viewport.height, 0);

    // The page sees only a host element; the closed shadow root hides the frame from page scripts.
    const pageView = await calendar.page.evaluate(() => {
      const host = document.querySelector('[data-duet-panel]');
      return {
        hosts: document.querySelectorAll('[data-duet-panel]').length,
        shadowRoot: host?.shadowRoot ?? null,
      };
    });
    expect(pageView).toEqual({ hosts: 1, shadowRoot: null });
    // Opened by the user: focus is in the panel (the page sees its host focused).
    expect(
      await calendar.page.evaluate(() => document.activeElement?.hasAttribute('data-duet-panel') ?? false),
    ).toBe(true);
  });

  it('writes a note that is saved, survives a reload and never reaches the page', async () => {
    const canary = `canary-${Date.now()}: Bob asked for feedback on the launch`;
    const panel = await calendar.openPanelFor('Alice / Bob');
    await panel.typeNote(canary);
    await duet.screenshot(calendar.page, 'calendar-panel-note');

    const pageHtml = await calendar.page.content();
    expect(pageHtml).not.toContain('canary-');

    await calendar.reload();
    const reopened = await calendar.openPanelFor('Alice / Bob');
    expect(await reopened.noteText()).toBe(canary);
    await duet.screenshot(calendar.page, 'calendar-week');
  });

  it('switches the open panel to another event when another badge is clicked', async () => {
    await calendar.openPanelFor('Alice / Bob');
    const panel = await calendar.openPanelFor('1:1 Alice <> Carol');
    expect(await panel.title.textContent()).toBe('1:1 Alice <> Carol');
    expect(await panel.noteText()).toBe('');
  });

  it('collapses to a rail and expands again; closes', async () => {
    await calendar.openPanelFor('Alice / Bob');
    const wide = (await calendar.panelBox())!;
    await calendar.clickRail('toggle', 'open');
    await expect.poll(() => calendar.panelBox()).toBeNull();
    await duet.screenshot(calendar.page, 'calendar-panel-collapsed');
    await calendar.clickRail('toggle', 'collapsed');
    await expect.poll(async () => (await calendar.panelBox())?.width).toBe(wide.width);
    await calendar.clickRail('close', 'open');
    await expect.poll(() => calendar.panelBox()).toBeNull();
    // Reopening from a badge brings it back.
    await calendar.openPanelFor('Alice / Frank');
    expect((await calendar.panelBox())?.width).toBe(wide.width);
  });

  it('in a window narrower than the panel, the panel and its rail stay on screen', async () => {
    const wide = calendar.page.viewportSize()!;
    await calendar.openPanelFor('Alice / Bob');
    // The window is made narrow with the panel open.
    await calendar.page.setViewportSize({ width: 360, height: 700 });
    try {
      const box = (await calendar.panelBox())!;
      // The 28 px rail left of the frame is on screen, and the frame reaches the right edge.
      expect(box.x).toBeGreaterThanOrEqual(28);
      expect(Math.round(box.x + box.width)).toBe(360);
      await duet.screenshot(calendar.page, 'calendar-panel-narrow');
      // Its collapse button works (it would be off screen, unclickable, at a fixed 380 px).
      await calendar.clickRail('toggle', 'open');
      await expect.poll(() => calendar.panelBox()).toBeNull();
      await calendar.clickRail('toggle', 'collapsed');
      await expect.poll(async () => (await calendar.panelBox())?.width).toBe(box.width);
    } finally {
      await calendar.page.setViewportSize(wide);
    }
  });

  it('the worker finds the open Calendar tabs by URL, with Duet’s host permissions alone', async () => {
    // An MV3 worker stopped when idle (~30 s) and woken by the panel remembers no Calendar tab: it looks them
    // up to refresh their badges (lib/background/start.ts, `refreshBadges`; the woken-worker case is
    // tests/unit/background/refresh-badges.test.ts — a worker cannot be stopped while Playwright is attached).
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
    await expect.poll(() => calendar.badgeOn('Bob & Alice 1-on-1').count()).toBe(1);
    const panel = await calendar.openPanelFor('Bob & Alice 1-on-1');
    await panel.frame.locator('[data-testid=not-one-on-one]').click();
    await panel.frame.locator('[data-testid=series-ignored]').waitFor({ timeout: 10_000 });
    await expect.poll(() => calendar.badgeOn('Bob & Alice 1-on-1').count(), { timeout: 10_000 }).toBe(0);
    expect(await calendar.badgeOn('Alice / Bob').count()).toBe(1);
  });
});
