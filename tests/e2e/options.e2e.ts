/**
 * The options page in real Chromium: a detection rule changed here changes Calendar's badges, export →
 * delete everything → import round-trips the data, a "Not a 1:1" override can be removed, and the page
 * passes axe (no serious or critical violations) in light and dark, at 1000 px and 360 px.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProfile } from '@/lib/demo/generate';
import { defaultSettings } from '@/lib/domain/model';
import { emptyExportData } from '@/lib/io/export-format';
import { type Duet, startDuet } from './harness';
import { expectAllReachable } from './keyboard';
import { CalendarPage } from './pages/calendar-page';
import { OptionsPage } from './pages/options-page';
import { seedDatabase } from './seed';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ALICE_BOB_SERIES = '9q7kdlrmoh7cfue81kf5u8fmkk';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // The page's CSP refuses inline scripts (addScriptTag); evaluating the source goes through DevTools instead.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.slice(0, 6).map((n) => ({ target: n.target })) }));
}

/**
 * Every link of the section nav is wholly on screen (none cut off at an edge or scrolled out of a strip)
 * and is what a click at its centre hits. Measured at the top of the page, where the nav is.
 */
async function navLinksOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    const width = document.documentElement.clientWidth;
    const height = window.innerHeight;
    const links = [...document.querySelectorAll<HTMLAnchorElement>('nav.options-nav a')];
    if (links.length === 0) return ['no nav links'];
    return links.flatMap((link) => {
      const box = link.getBoundingClientRect();
      const inside = box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return inside && hit !== null && link.contains(hit)
        ? []
        : [`${link.textContent} at ${Math.round(box.left)}–${Math.round(box.right)} of ${width} px`];
    });
  });
}

/** The page's horizontal overflow (0 or less: nothing to scroll sideways). */
function overflowOf(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Opens every collapsed part (templates, merge) so axe and screenshots see all controls. */
async function expandAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

describe('options: detection rules take effect in Calendar', () => {
  let duet: Duet;

  beforeAll(async () => {
    duet = await startDuet();
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('an include keyword badges “Weekly sync”; an exclude keyword unbadges a 1:1', async () => {
    const calendar = await CalendarPage.open(duet);
    await expect.poll(() => calendar.badgeOn('Alice / Frank').count()).toBe(1);
    expect(await calendar.badgeOn('Weekly sync').count()).toBe(0);

    const options = await OptionsPage.open(duet);
    await options.ready();
    await options.addKeyword('include', 'weekly sync');
    await options.addKeyword('exclude', 'Frank');

    await calendar.page.bringToFront();
    await calendar.reload();
    await expect.poll(() => calendar.badgeOn('Weekly sync').count(), { timeout: 10_000 }).toBe(1);
    const badge = calendar.badgeOn('Weekly sync');
    expect(await badge.getAttribute('data-duet-event-id')).toBe(
      await calendar.chip('Weekly sync').getAttribute('data-eventid'),
    );
    await expect.poll(() => calendar.badgeOn('Alice / Frank').count()).toBe(0);
    // The other 1:1s are untouched.
    expect(await calendar.badgeOn('Alice / Bob').count()).toBe(1);

    // Removing the keyword from its chip restores the built-in behaviour.
    await options.page.bringToFront();
    await options.testId('include-keywords-chip').getByRole('button').click();
    await expect.poll(() => options.testId('include-keywords-chip').count()).toBe(0);
    await calendar.page.bringToFront();
    await calendar.reload();
    await expect.poll(() => calendar.badgeOn('Weekly sync').count()).toBe(0);
    await options.page.close();
    await calendar.page.close();
  });
});

describe('options: a “Not a 1:1” series is listed and can be brought back', () => {
  let duet: Duet;

  beforeAll(async () => {
    duet = await startDuet();
    const data = emptyExportData();
    data.settings = [
      {
        ...defaultSettings(Date.now()),
        ignoredSeries: [ALICE_BOB_SERIES, 'meet:abc-defg-hij'],
        seriesTitles: { [ALICE_BOB_SERIES]: 'Alice / Bob' },
      },
    ];
    await seedDatabase(duet, data);
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('removing the override brings the badge back', async () => {
    const calendar = await CalendarPage.open(duet);
    await expect.poll(() => calendar.badgeOn('1:1 Alice <> Carol').count()).toBe(1);
    expect(await calendar.badgeOn('Alice / Bob').count()).toBe(0);

    const options = await OptionsPage.open(duet);
    await options.ready();
    await expect
      .poll(() => options.ignoredRows.allTextContents())
      .toEqual([expect.stringContaining('Alice / Bob'), expect.stringContaining('Meet call abc-defg-hij')]);
    await options.ignoredRows.filter({ hasText: 'Alice / Bob' }).getByRole('button').click();
    await expect.poll(() => options.ignoredRows.count()).toBe(1);

    await calendar.page.bringToFront();
    await calendar.reload();
    await expect.poll(() => calendar.badgeOn('Alice / Bob').count(), { timeout: 10_000 }).toBe(1);
    await options.page.close();
    await calendar.page.close();
  });
});

describe('options: export, delete everything, import', () => {
  let duet: Duet;
  let expected: { relationships: number; sessions: number; agreements: number };

  beforeAll(async () => {
    duet = await startDuet();
    const data = generateProfile('realistic', { now: Date.now(), seed: 3 });
    expected = {
      relationships: data.relationships.length,
      sessions: data.sessions.length,
      agreements: data.agreements.length,
    };
    await seedDatabase(duet, data);
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('exports JSON, deletes everything (confirmed), imports the file after a preview: counts come back', async () => {
    const options = await OptionsPage.open(duet);
    await options.ready();
    await expect.poll(() => options.relationshipCount.textContent()).toBe(String(expected.relationships));
    expect(await options.sessionCount.textContent()).toBe(String(expected.sessions));
    expect(await options.agreementCount.textContent()).toBe(String(expected.agreements));

    const [download] = await Promise.all([
      options.page.waitForEvent('download', { timeout: 10_000 }),
      options.testId('export-json').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^duet-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = (await download.path())!;
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { data: { relationships: unknown[] } };
    expect(exported.data.relationships).toHaveLength(expected.relationships);

    // A bad file is refused with a message naming the problem, and nothing changes.
    await options.testId('import-file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": 1}'),
    });
    await expect
      .poll(() => options.testId('import-error').textContent())
      .toContain('“notes.json” cannot be imported: This is not a Duet export file.');

    // Delete everything: the button does nothing until DELETE is typed.
    await options.testId('delete-start').click();
    await options.testId('delete-apply').click();
    await expect
      .poll(() => options.testId('delete-error').textContent())
      .toBe('Nothing was deleted. Type DELETE in the box first.');
    expect(await options.relationshipCount.textContent()).toBe(String(expected.relationships));
    await options.testId('delete-confirm-input').fill('DELETE');
    await options.testId('delete-apply').click();
    await expect.poll(() => options.relationshipCount.textContent()).toBe('0');
    expect(await options.sessionCount.textContent()).toBe('0');
    expect(await options.agreementCount.textContent()).toBe('0');

    await options.testId('import-file').setInputFiles(file);
    await options.testId('import-preview').waitFor({ timeout: 10_000 });
    expect(await options.testId('preview-relationships').locator('td').first().textContent()).toBe(
      String(expected.relationships),
    );
    expect(await options.testId('import-summary').textContent()).toMatch(/^New records: \d+ · changed: 0/);
    await options.page.setViewportSize({ width: 1000, height: 900 });
    await options.testId('import-preview').scrollIntoViewIfNeeded();
    await duet.screenshot(options.page, 'options-import-preview');
    await options.testId('import-apply').click();
    // Importing ~2,000 records (each checked) takes 0.5-0.7 s alone, more on a busy machine: the same
    // allowance as the preview above, beyond the suite's default poll wait.
    await expect
      .poll(() => options.relationshipCount.textContent(), { timeout: 10_000 })
      .toBe(String(expected.relationships));
    expect(await options.sessionCount.textContent()).toBe(String(expected.sessions));
    expect(await options.agreementCount.textContent()).toBe(String(expected.agreements));
    expect(await options.testId('import-status').textContent()).toContain('Imported');
    await options.page.close();
  });

  for (const width of [1000, 360]) {
    it(`looks finished and passes axe in light at ${width} px`, async () => {
      const options = await OptionsPage.open(duet, { width, height: 900 });
      await options.ready();
      await options.testId('person-card').first().waitFor({ timeout: 10_000 });
      await expandAll(options.page);
      expect(await seriousViolations(options.page)).toEqual([]);
      expect(await overflowOf(options.page)).toBeLessThanOrEqual(0);
      await options.page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = false;
      });
      expect(await navLinksOffScreen(options.page), 'nav links cut off').toEqual([]);
      // The title the tab shows, from the catalog (options_page_title) like every label.
      expect(await options.page.title()).toBe('Duet settings');
      await options.page.screenshot({ path: `artifacts/e2e/options-light-${width}.png`, fullPage: true });
      await options.page.close();
    });
  }
});

describe('options: dark theme', () => {
  let duet: Duet;

  beforeAll(async () => {
    duet = await startDuet({ colorScheme: 'dark' });
    await seedDatabase(duet, generateProfile('realistic', { now: Date.now(), seed: 3 }));
  });
  afterAll(async () => {
    await duet?.close();
  });

  for (const width of [1000, 360]) {
    it(`looks finished and passes axe in dark at ${width} px`, async () => {
      const options = await OptionsPage.open(duet, { width, height: 900 });
      await options.ready();
      await options.testId('person-card').first().waitFor({ timeout: 10_000 });
      // The dark theme is applied: a dark page with light text (theme.css's dark colours).
      const colours = await options.page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
      }));
      expect(colours).toEqual({ background: 'rgb(23, 24, 29)', text: 'rgb(236, 238, 243)' });
      await expandAll(options.page);
      expect(await seriousViolations(options.page)).toEqual([]);
      expect(await overflowOf(options.page)).toBeLessThanOrEqual(0);
      await options.page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = false;
      });
      expect(await navLinksOffScreen(options.page), 'nav links cut off').toEqual([]);
      await options.page.screenshot({ path: `artifacts/e2e/options-dark-${width}.png`, fullPage: true });
      await options.page.close();
    });
  }

  for (const width of [1000, 360]) {
    it(`keyboard only at ${width} px: every control is reached with Tab and shows where focus is`, async () => {
      const options = await OptionsPage.open(duet, { width, height: 900 });
      await options.ready();
      await options.testId('person-card').first().waitFor({ timeout: 10_000 });
      // Collapsed parts open too, so the controls inside them are checked as well.
      await expandAll(options.page);
      await expectAllReachable(options.page, options.page, `options at ${width} px (dark)`, {
        root: '.options-page',
        // From the top: the header takes no focus.
        start: (page) => page.locator('.options-header .duet-brand').click(),
        atLeast: 20,
      });
      await options.page.close();
    });
  }

  it('the section nav works from the keyboard', async () => {
    const options = await OptionsPage.open(duet, { width: 1000, height: 700 });
    await options.ready();
    await options.testId('nav-templates').focus();
    await options.page.keyboard.press('Enter');
    await expect.poll(() => options.page.evaluate(() => location.hash)).toBe('#templates');
    await expect.poll(() => options.page.evaluate(() => document.activeElement?.id)).toBe('templates');
    expect(await options.testId('nav-templates').getAttribute('aria-current')).toBe('location');
    await duet.screenshot(options.page, 'options-dark-templates');
    await options.testId('template-copy').first().click();
    await options.testId('template-editor').waitFor();
    await options.testId('template-editor').scrollIntoViewIfNeeded();
    await duet.screenshot(options.page, 'options-dark-template-editor');
    await options.testId('nav-people').click();
    await options.testId('person-edit').first().click();
    await options.testId('person-editor').scrollIntoViewIfNeeded();
    await duet.screenshot(options.page, 'options-dark-person-editor');
    // A 1:1's editor: who it is with (a 2-1's second person can be added here).
    await options.testId('relationship-edit').first().click();
    await options.testId('relationship-people').waitFor();
    await options.testId('relationship-editor').scrollIntoViewIfNeeded();
    await duet.screenshot(options.page, 'options-dark-relationship-editor');
    await options.page.close();
  });
});
