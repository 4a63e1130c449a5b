/**
 * The toolbar popup on a real history: search as you type, filters, done inline (and undo), the next 7
 * days with prep status, a talking point added here showing up in the Calendar panel, "Open" for a person,
 * keyboard only, 360 px, light and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProfile } from '@/lib/demo/generate';
import { checkA11y } from './axe';
import { dayOf } from '@/lib/domain/days';
import { type Duet, startDuet } from './harness';
import { expectAllReachable } from './keyboard';
import { CalendarPage } from './pages/calendar-page';
import { PopupPage } from './pages/popup-page';
import { openAgreement, seedDatabase } from './seed';

/**
 * A realistic history made at this moment, plus agreements only these tests write. `upcoming`: as many more
 * 1:1s with Bob in the next days (the generated week holds 3 or more, depending on the hour the run starts).
 */
function seededProfile({ upcoming = 0 }: { upcoming?: number } = {}) {
  const now = Date.now();
  const data = generateProfile('realistic', { now, seed: 3 });
  const bob = data.people.find((p) => p.name === 'Bob Jones')!;
  const bobSeries = data.relationships.find((r) => r.personIds.length === 1 && r.personIds[0] === bob.id)!;
  data.agreements.push(
    openAgreement(bobSeries.id, 'e2e-rollout', 'E2E: send the rollout draft', '2099-01-15', { owner: 'me' }),
    openAgreement(bobSeries.id, 'e2e-overdue', 'E2E: book the offsite venue', '2020-01-15', { owner: 'me' }),
    // A word no generated text has: searching for it finds this agreement alone, whatever the history.
    openAgreement(bobSeries.id, 'e2e-theirs', 'E2E: Bob shares the zeppelin hiring plan', null),
    // Due today: "due this week" shows it whatever the weekday.
    openAgreement(bobSeries.id, 'e2e-today', 'E2E: circulate the quarterly roadmap', dayOf(now)),
  );
  const planned = data.sessions.find((s) => s.relationshipId === bobSeries.id && s.status === 'upcoming')!;
  for (let i = 1; i <= upcoming; i++)
    data.sessions.push({
      ...planned,
      id: `e2e-upcoming-${i}`,
      scheduledAt: now + i * 86_400_000,
      calendarEventId: null,
      meetCode: null,
    });
  return { data, bobRelationshipId: bobSeries.id };
}

describe('popup', () => {
  let duet: Duet;
  let bobRelationshipId: string;

  beforeAll(async () => {
    duet = await startDuet();
    const seeded = seededProfile();
    bobRelationshipId = seeded.bobRelationshipId;
    await seedDatabase(duet, seeded.data);
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('opens with its lists, focus in the search field, and fits 360 px', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    expect(await popup.page.evaluate(() => document.activeElement?.id)).toBe('popup-search-input');
    expect(await popup.groups.count()).toBeGreaterThan(0);
    expect(await popup.upcoming.count()).toBeGreaterThan(0);
    expect(await popup.upcoming.first().locator('[data-testid=popup-prep]').textContent()).toMatch(
      /talking point|agreement/,
    );
    const overflow = await popup.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await duet.screenshot(popup.page, 'popup-light');
    await checkA11y(popup.page, { label: 'popup, light' });
    // With search results, an undo announcement and an error-free quick-add line, too.
    await popup.search.fill('rollout');
    await expect.poll(() => popup.agreementTexts()).toContain('E2E: send the rollout draft');
    await checkA11y(popup.page, { label: 'popup search, light' });
    await popup.page.close();
  });

  it('keyboard only: every control is reached with Tab and shows where focus is', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    await expectAllReachable(popup.page, popup.page, 'popup (light)', {
      root: 'main.popup',
      // From the top: the brand takes no focus.
      start: (page) => page.locator('.popup-header .duet-brand').click(),
      atLeast: 10,
    });
    await popup.page.close();
  });

  it('searches as you type: two keystrokes find an agreement, grouped under its person', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    await popup.page.keyboard.type('ro');
    await expect.poll(() => popup.agreementTexts()).toContain('E2E: send the rollout draft');
    await popup.page.keyboard.type('llout dra');
    await expect.poll(() => popup.agreementTexts()).toEqual(['E2E: send the rollout draft']);
    expect(await popup.groups.first().locator('[data-testid=popup-group-name]').textContent()).toBe(
      'Bob Jones',
    );
    // A person's name finds their agreements; accents and case don't matter.
    await popup.search.fill('BÖB zeppelin');
    await expect.poll(() => popup.agreementTexts()).toEqual(['E2E: Bob shares the zeppelin hiring plan']);
    await popup.search.fill('no such thing anywhere');
    await popup.page.locator('[data-testid=popup-agreements-empty]').waitFor();
    await duet.screenshot(popup.page, 'popup-search-empty');
    // No result to go to: ArrowDown is left to the field (not swallowed), and focus stays in it.
    await popup.page.evaluate(() =>
      document.addEventListener(
        'keydown',
        (e) => (document.body.dataset.prevented = String(e.defaultPrevented)),
        {
          once: true,
        },
      ),
    );
    await popup.page.keyboard.press('ArrowDown');
    expect(await popup.page.evaluate(() => document.body.dataset.prevented)).toBe('false');
    expect(await popup.page.evaluate(() => document.activeElement?.id)).toBe('popup-search-input');
    await popup.page.keyboard.press('Escape');
    await expect.poll(() => popup.search.inputValue()).toBe('');
    await popup.page.close();
  });

  it('filters: mine, theirs, overdue and this week each show what their count says', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    // Each check waits for the whole list to have switched (a filter re-reads, then re-renders).
    const items = popup.page.locator('[data-testid=popup-agreement]');
    await popup.filter('overdue').check();
    await expect
      .poll(async () => {
        const texts = await items.allTextContents();
        return texts.length > 0 && texts.every((text) => text.includes('overdue since'));
      })
      .toBe(true);
    expect(await popup.agreementTexts()).toContain('E2E: book the offsite venue');
    const overdueCount = Number(await popup.count('overdue').textContent());
    if (overdueCount < 50) expect(await items.count()).toBe(overdueCount);

    await popup.filter('theirs').check();
    await expect
      .poll(async () => {
        const texts = await popup.agreementTexts();
        return (
          texts.includes('E2E: Bob shares the zeppelin hiring plan') &&
          !texts.includes('E2E: book the offsite venue')
        );
      })
      .toBe(true);

    await popup.filter('mine').check();
    await expect
      .poll(async () => {
        const texts = await popup.agreementTexts();
        return (
          texts.includes('E2E: book the offsite venue') &&
          !texts.includes('E2E: Bob shares the zeppelin hiring plan')
        );
      })
      .toBe(true);

    await popup.filter('due-this-week').check();
    await expect
      .poll(async () => {
        const texts = await popup.agreementTexts();
        return (
          texts.includes('E2E: circulate the quarterly roadmap') &&
          !texts.includes('E2E: book the offsite venue') &&
          !texts.includes('E2E: Bob shares the zeppelin hiring plan') &&
          !texts.includes('E2E: send the rollout draft')
        );
      })
      .toBe(true);
    // Each one shown is due (none overdue, none undated), and there are as many as the count says.
    const week = await items.allTextContents();
    expect(week.length).toBeGreaterThan(0);
    for (const text of week) {
      expect(text).toContain('due ');
      expect(text).not.toContain('overdue since');
    }
    const weekCount = Number(await popup.count('due-this-week').textContent());
    expect(weekCount).toBeGreaterThan(0);
    if (weekCount < 50) expect(week).toHaveLength(weekCount);
    // The five chips share one row of the 360 px popup (with this machine's wide default face too).
    const rows = await popup.page
      .locator('[data-testid="popup-filters"] .popup-filter')
      .evaluateAll(
        (chips) => new Set(chips.map((chip) => Math.round(chip.getBoundingClientRect().top))).size,
      );
    expect(rows).toBe(1);
    await duet.screenshot(popup.page, 'popup-filter-week');
    await popup.page.close();
  });

  it('done inline from the keyboard only, with undo', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    await popup.page.keyboard.type('offsite venue');
    await expect.poll(() => popup.agreementTexts()).toEqual(['E2E: book the offsite venue']);
    // While searching, the filters count what the search found: the one overdue match.
    const overdue = async () => Number(await popup.count('overdue').textContent());
    await expect.poll(overdue).toBe(1);
    await popup.page.keyboard.press('ArrowDown');
    expect(await popup.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'popup-done',
    );
    await popup.page.keyboard.press('Space');
    await expect.poll(() => popup.agreementTexts()).toEqual([]);
    await expect
      .poll(() => popup.page.locator('[data-testid=popup-status]').textContent())
      .toContain('Done: “E2E: book the offsite venue”');
    await expect.poll(overdue).toBe(0);
    // Still searched: a done agreement is found among the closed ones, with Reopen.
    const closed = popup.page.locator('[data-testid=popup-closed-text]');
    await expect.poll(() => closed.allTextContents()).toEqual(['E2E: book the offsite venue']);
    await popup.page.locator('[data-testid=popup-reopen]').waitFor();
    await duet.screenshot(popup.page, 'popup-done-undo');
    await popup.page.locator('[data-testid=popup-undo]').click();
    await expect.poll(() => popup.agreementTexts()).toEqual(['E2E: book the offsite venue']);
    await expect.poll(overdue).toBe(1);
    await popup.page.close();
  });

  it('a talking point added in the popup appears in the Calendar panel', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    await popup.page.locator('[data-testid=popup-point-person]').selectOption(bobRelationshipId);
    await popup.page.locator('[data-testid=popup-point-text]').fill('E2E: from the popup — team offsite');
    await popup.page.keyboard.press('Enter');
    await expect
      .poll(() => popup.page.locator('[data-testid=popup-point-message]').textContent())
      .toContain('Bob Jones');
    expect(await popup.page.locator('[data-testid=popup-point-text]').inputValue()).toBe('');
    // "Name: text" works without picking anyone.
    await popup.page.locator('[data-testid=popup-point-person]').selectOption('');
    await popup.page.locator('[data-testid=popup-point-text]').fill('Bob: E2E second point by name');
    await popup.page.keyboard.press('Enter');
    // Saved: the line empties again (it keeps the text on failure).
    await expect.poll(() => popup.page.locator('[data-testid=popup-point-text]').inputValue()).toBe('');
    expect(await popup.page.locator('[data-testid=popup-point-message]').textContent()).toContain(
      'Bob Jones',
    );
    await popup.page.close();

    const calendar = await CalendarPage.open(duet);
    const panel = await calendar.openPanelFor('Alice / Bob');
    await expect
      .poll(() => panel.frame.locator('[data-testid=talking-point-item]').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('E2E: from the popup — team offsite'),
          expect.stringContaining('E2E second point by name'),
        ]),
      );
    await calendar.page.close();
  });

  it('"Open" beside a person opens their 1:1 in the browser\'s side panel', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    await popup.search.fill('rollout draft');
    await expect.poll(() => popup.agreementTexts()).toEqual(['E2E: send the rollout draft']);
    const cdp = await duet.context.browser()!.newBrowserCDPSession();
    await popup.page.locator('[data-testid=popup-open]').first().click();
    // Opened as a tab here, the popup is the active tab: the side panel opens beside it.
    const want = `sidepanel.html?relationship=${bobRelationshipId}`;
    await expect
      .poll(async () => {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as {
          targetInfos: Array<{ url: string }>;
        };
        return targetInfos.some((target) => target.url.endsWith(want));
      })
      .toBe(true);
    await cdp.detach();
    await popup.page.close();
  });

  it('"Open" shows that person\'s 1:1 on its own page: notes, agreements, talking points', async () => {
    const page = await duet.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(duet.extensionUrl(`sidepanel.html?relationship=${bobRelationshipId}`));
    const panel = page.locator('[data-testid=relationship-panel]');
    await panel.waitFor();
    await expect
      .poll(() => page.locator('[data-testid=panel-relationship-header]').textContent())
      .toContain('Bob Jones');
    await expect
      .poll(() => page.locator('[data-testid=agreement-item]').allTextContents())
      .toContainEqual(expect.stringContaining('E2E: send the rollout draft'));
    await page.locator('[data-agreement-id=e2e-rollout] [data-testid=agreement-done]').click();
    await expect
      .poll(() => page.locator('[data-testid=agreement-item]').allTextContents())
      .not.toContainEqual(expect.stringContaining('E2E: send the rollout draft'));
    await duet.screenshot(page, 'popup-open-relationship');
    await checkA11y(page, { label: "a person's 1:1 (side panel page), light" });
    await page.close();
  });
});

describe('popup in dark mode', () => {
  let duet: Duet;
  let bobRelationshipId: string;
  beforeAll(async () => {
    duet = await startDuet({ colorScheme: 'dark' });
    // More than the 3 shown, so "Show all" is there to press.
    const seeded = seededProfile({ upcoming: 4 });
    bobRelationshipId = seeded.bobRelationshipId;
    await seedDatabase(duet, seeded.data);
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('follows the system theme', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    const background = await popup.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 24, 29)');
    await duet.screenshot(popup.page, 'popup-dark');
    await checkA11y(popup.page, { label: 'popup, dark' });
    await popup.page.locator('[data-testid=popup-upcoming-all]').click();
    await checkA11y(popup.page, { label: 'popup with every upcoming 1:1, dark' });
    await popup.page.close();
    const page = await duet.newPage();
    await page.goto(duet.extensionUrl(`sidepanel.html?relationship=${bobRelationshipId}`));
    await page.locator('[data-testid=relationship-panel]').waitFor();
    await checkA11y(page, { label: "a person's 1:1 (side panel page), dark" });
    await page.close();
  });
});
