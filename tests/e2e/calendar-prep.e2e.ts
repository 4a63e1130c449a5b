/**
 * The Calendar side of Duet with real data: badges with open-agreement counts, the prep panel (cadence,
 * last notes, agreements done/renegotiated, talking points, Start prep), the details popover (guests make
 * detection definitive, "Open in Duet"), tracking an unknown meeting, every view and locale, SPA view
 * changes, and a hostile-page probe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProfile } from '@/lib/demo/generate';
import { CALENDAR_MONTH_URL, CALENDAR_WEEK_URL } from '../../scripts/chromium.mjs';
import { type Duet, FIXTURES_DIR, startDuet } from './harness';
import { CalendarPage } from './pages/calendar-page';
import { openAgreement, seedDatabase, sessionsBy } from './seed';

const WEEK_ONE_ON_ONES = [
  'Alice / Bob',
  '1:1 Alice <> Carol',
  'Bob & Alice 1-on-1',
  '2-1 with Carol',
  'Skip-level: Alice / Ivy',
  'Peer 1:1 — Alice & Evan',
  'Alice / Frank',
];
// Month: the week's 1:1s plus Alice / Bob on every Monday; "Alice <> Dana 1:1" is declined, so no badge.
const MONTH_ONE_ON_ONE_COUNT = 11;
/** "Alice / Frank" in the week fixture (fixtures-index.json decoded_event_id). */
const FRANK_EVENT = 'p5cei7a8gavd6bsgqfs398fhj8';

describe('Calendar prep panel on a real history', () => {
  let duet: Duet;
  let bobRelationshipId: string;

  beforeAll(async () => {
    duet = await startDuet();
    const data = generateProfile('realistic', { now: Date.now(), seed: 3 });
    const bob = data.people.find((p) => p.name === 'Bob Jones')!;
    const bobSeries = data.relationships.find((r) => r.personIds.length === 1 && r.personIds[0] === bob.id)!;
    bobRelationshipId = bobSeries.id;
    // Two open agreements we control, on top of the generated history.
    data.agreements.push(
      openAgreement(bobRelationshipId, 'e2e-agreement-draft', 'E2E: send the rollout draft', '2099-01-15'),
      openAgreement(
        bobRelationshipId,
        'e2e-agreement-intro',
        'E2E: intro to the platform team',
        '2099-02-01',
      ),
    );
    // Frank's meeting of the fixture week starts with no session (the in-person "Start session" test).
    data.sessions = data.sessions.filter((session) => session.calendarEventId !== FRANK_EVENT);
    await seedDatabase(duet, data);
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('badges the linked 1:1 as confirmed with its open-agreement count, and the panel prepares the next session', async () => {
    const calendar = await CalendarPage.open(duet);
    const badge = calendar.badgeOn('Alice / Bob');
    await expect.poll(() => badge.getAttribute('data-duet-confidence')).toBe('confirmed');
    const panel = await calendar.openPanelFor('Alice / Bob');
    const frame = panel.frame;

    await expect
      .poll(() => frame.locator('[data-testid=panel-relationship-header]').textContent())
      .toContain('Bob Jones');
    expect(await frame.locator('[data-testid=cadence]').textContent()).toMatch(/last 1:1 .* every 2 weeks/);
    const agreements = frame.locator('[data-testid=agreement-item]');
    const openCount = await agreements.count();
    expect(openCount).toBeGreaterThanOrEqual(2);
    expect(await badge.getAttribute('aria-label')).toContain(`${openCount} open agreement`);
    await duet.screenshot(calendar.page, 'calendar-prep-panel');

    // Done in one click: the list and the badge both drop by one.
    await frame.locator('[data-agreement-id=e2e-agreement-draft] [data-testid=agreement-done]').click();
    await expect.poll(() => agreements.count()).toBe(openCount - 1);
    await expect.poll(() => badge.getAttribute('aria-label')).toContain(`${openCount - 1} open agreement`);

    // Renegotiate with a new date: the agreement stays open with the new due date.
    const intro = frame.locator('[data-agreement-id=e2e-agreement-intro]');
    await intro.locator('[data-testid=agreement-renegotiate]').click();
    await intro.locator('input[type=date]').fill('2099-03-10');
    await intro
      .getByRole('button', { name: /save|renegotiate|confirm/i })
      .last()
      .click();
    await expect.poll(() => intro.textContent()).toMatch(/2099|Mar 10/);

    // A talking point for next time, then Start prep carries it into the upcoming session.
    await frame.locator('[data-testid=talking-point-input]').fill('E2E: ask about the conference talk');
    await frame.locator('[data-testid=talking-point-add]').click();
    await expect
      .poll(() => frame.locator('[data-testid=talking-point-item]').allTextContents())
      .toContainEqual(expect.stringContaining('E2E: ask about the conference talk'));
    await duet.screenshot(calendar.page, 'calendar-prep-agenda');
    await calendar.page.close();
  });

  it('the details popover makes detection definitive and offers "Open in Duet"', async () => {
    const page = await duet.newPage();
    await page.goto(`${CALENDAR_WEEK_URL}?popover=1`);
    const openButton = page.locator('[data-duet-open-popover]');
    await openButton.waitFor({ state: 'visible', timeout: 15_000 });
    await duet.screenshot(page, 'calendar-popover');
    await openButton.click();
    const calendar = await CalendarPage.attach(duet, page);
    const panel = await calendar.panel();
    await panel.waitForTitle('Alice / Bob');
    await expect
      .poll(() => panel.frame.locator('[data-testid=panel-relationship-header]').textContent())
      .toContain('Bob Jones');
    await page.close();
  });

  it('offers "Track as 1:1" for an unknown two-person meeting and badges it once tracked', async () => {
    const page = await duet.newPage();
    await page.goto(`${CALENDAR_WEEK_URL}?popover=1`);
    await page.locator('[data-duet-open-popover]').waitFor({ state: 'visible', timeout: 15_000 });
    const calendar = await CalendarPage.attach(duet, page);
    expect(await calendar.badgeOn('Weekly sync').count()).toBe(0);
    // Calendar shows the details of "Weekly sync" (Alice and Bob only) in the same popover.
    await calendar.showDetailsOf('Weekly sync');
    await page.locator('[data-duet-open-popover]').click();
    const panel = await calendar.panel();
    await panel.waitForTitle('Weekly sync');
    const track = panel.frame.locator('[data-testid=track-one-on-one]');
    await expect.poll(() => track.textContent()).toContain('Track as 1:1 with Bob Jones');
    await duet.screenshot(page, 'calendar-track');
    await track.click();
    await expect.poll(() => calendar.badgeOn('Weekly sync').count(), { timeout: 10_000 }).toBe(1);
    expect(await calendar.badgeOn('Weekly sync').getAttribute('data-duet-confidence')).toBe('confirmed');
    await page.close();
  });

  it('"Start session" runs the 1:1 in person: timer, notes, agreement, then the summary', async () => {
    const calendar = await CalendarPage.open(duet);
    const panel = await calendar.openPanelFor('Alice / Bob');
    const frame = panel.frame;
    // Bob's 1:1 of that week took place long ago: it opens as its summary, never restarted.
    const start = frame.locator('[data-testid=start-session]');
    expect(await start.textContent()).toBe('Open this session');
    await start.click();
    await frame.locator('[data-testid=session-summary]').waitFor({ timeout: 10_000 });
    await calendar.page.close();

    // Frank's meeting has no session yet: Start session creates it and runs it.
    const again = await CalendarPage.open(duet);
    const frankPanel = await again.openPanelFor('Alice / Frank');
    const frankFrame = frankPanel.frame;
    expect(await frankFrame.locator('[data-testid=start-session]').textContent()).toBe('Start session');
    await frankFrame.locator('[data-testid=start-session]').click();

    const session = frankFrame.locator('[data-testid=session-panel]');
    await session.waitFor({ timeout: 10_000 });
    expect(await frankFrame.locator('[data-testid=session-with]').textContent()).toContain('Frank');
    await frankFrame.locator('[data-testid=session-timer]').waitFor({ timeout: 10_000 });
    await frankFrame
      .locator('[data-testid=section-notes]')
      .first()
      .fill('In person: walked through the hiring plan');
    await frankFrame.locator('[data-testid=capture-input]').fill('me: share the hiring plan in 2 weeks');
    await frankFrame.locator('[data-testid=capture-input]').press('Enter');
    await expect.poll(() => frankFrame.locator('[data-testid=made-agreement]').count()).toBe(1);
    await duet.screenshot(again.page, 'calendar-session-in-person');
    // Another template for this session: the notes of a section it lacks stay on screen, editable, under
    // their title; back on the first template they are that section's again.
    const template = frankFrame.locator('[data-testid=session-template]');
    const firstTemplate = await template.inputValue();
    await template.selectOption('builtin:peer');
    const other = frankFrame.locator('[data-testid=other-notes]');
    await expect.poll(() => other.count()).toBe(1);
    expect(await other.inputValue()).toBe('In person: walked through the hiring plan');
    expect(await frankFrame.locator('[data-testid=session-other-notes]').textContent()).toContain(
      'How are you really doing?',
    );
    await frankFrame.locator('[data-testid=session-other-notes]').scrollIntoViewIfNeeded();
    await duet.screenshot(again.page, 'calendar-session-other-notes');
    await template.selectOption(firstTemplate);
    await expect.poll(() => other.count()).toBe(0);
    await frankFrame.locator('[data-testid=session-end]').click();
    await frankFrame.locator('[data-testid=session-summary]').waitFor({ timeout: 10_000 });
    expect(await frankFrame.locator('[data-testid=summary-section]').first().textContent()).toContain(
      'walked through the hiring plan',
    );
    expect(await frankFrame.locator('[data-testid=summary-made]').textContent()).toContain(
      'Share the hiring plan',
    );
    expect(await session.getAttribute('data-session-status')).toBe('held');
    // Friday 27 March at 9:30am as Calendar shows it: the week's instance ids say Calendar keeps UTC−7,
    // whatever zone this browser runs in (UTC on CI), so the session is at 16:30 UTC.
    const frankSessions = await sessionsBy<{ scheduledAt: number }>(duet, 'calendarEventId', FRANK_EVENT);
    expect(frankSessions.map(({ scheduledAt }) => new Date(scheduledAt).toISOString())).toEqual([
      '2026-03-27T16:30:00.000Z',
    ]);
    await duet.screenshot(again.page, 'calendar-session-summary');
    await again.page.close();
  });
});

describe('Calendar views, locales and SPA navigation', () => {
  let duet: Duet;
  beforeAll(async () => {
    duet = await startDuet();
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('badges exactly the 1:1s of the month view (declined ones excluded)', async () => {
    const calendar = await CalendarPage.open(duet, CALENDAR_MONTH_URL);
    await expect.poll(() => calendar.badges.count()).toBe(MONTH_ONE_ON_ONE_COUNT);
    const titles = new Set((await calendar.badgedEvents()).map((b) => b.title));
    expect([...titles].sort()).toEqual([...WEEK_ONE_ON_ONES].sort());
    expect(await calendar.badgeOn('Alice <> Dana 1:1').count()).toBe(0);
    await duet.screenshot(calendar.page, 'calendar-month');
    await calendar.page.close();
  });

  it.each([
    ['day', 'https://calendar.google.com/calendar/u/0/r/day/2026/3/24'],
    ['4-day', 'https://calendar.google.com/calendar/u/0/r/customday/2026/3/25'],
    ['schedule', 'https://calendar.google.com/calendar/u/0/r/agenda/2026/3/23'],
    ['week (en-GB)', `${CALENDAR_WEEK_URL}?hl=en-GB`],
    ['week (German)', `${CALENDAR_WEEK_URL}?hl=de`],
    ['week (French)', `${CALENDAR_WEEK_URL}?hl=fr`],
  ])('badges the 1:1s in the %s view', async (name, url) => {
    const calendar = await CalendarPage.open(duet, url);
    const badged = await calendar.badgedEvents();
    expect(badged.length).toBeGreaterThan(0);
    for (const { title } of badged) expect(WEEK_ONE_ON_ONES).toContain(title);
    await duet.screenshot(calendar.page, `calendar-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    await calendar.page.close();
  });

  it('keeps badges right across SPA view changes, with no duplicates', async () => {
    const calendar = await CalendarPage.open(duet);
    const body = (file: string) => {
      const html = readFileSync(join(FIXTURES_DIR, file), 'utf8');
      return html.slice(html.indexOf('<body'), html.lastIndexOf('</body>') + '</body>'.length);
    };
    const weekBody = body('gcal-week.html');
    const monthBody = body('gcal-month.html');
    // Calendar swaps the view's content in place and pushes a new URL; it never reloads the page.
    const navigate = (html: string, path: string) =>
      calendar.page.evaluate(
        ([markup, url]) => {
          const parsed = new DOMParser().parseFromString(`<html>${markup}</html>`, 'text/html');
          document.body.replaceChildren(
            ...[...parsed.body.childNodes].map((n) => document.importNode(n, true)),
          );
          history.pushState({}, '', url);
        },
        [html, path] as const,
      );
    for (let round = 0; round < 3; round++) {
      await navigate(monthBody, '/calendar/u/0/r/month/2026/3/1');
      await expect.poll(() => calendar.badges.count()).toBe(MONTH_ONE_ON_ONE_COUNT);
      await navigate(weekBody, '/calendar/u/0/r/week/2026/3/22');
      await expect.poll(() => calendar.badges.count()).toBe(WEEK_ONE_ON_ONES.length);
    }
    const perChip = await calendar.page.$$eval('[data-eventchip]', (chips) =>
      chips.map((chip) => chip.querySelectorAll('[data-duet-badge]').length),
    );
    expect(Math.max(...perChip)).toBe(1);
    await calendar.page.close();
  });
});

describe('a hostile page learns nothing', () => {
  let duet: Duet;
  beforeAll(async () => {
    duet = await startDuet();
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('a page-world probe never sees note text: DOM, attributes, open shadow roots, storage, postMessage', async () => {
    const canary = `CANARY-${Math.random().toString(36).slice(2)}`;
    // The probe runs in the page's own world before any page script, as a hostile Calendar script would.
    await duet.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __probe: string[] }).__probe = seen;
      window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data ?? null)), true);
    });
    const calendar = await CalendarPage.open(duet);
    const panel = await calendar.openPanelFor('Alice / Bob');
    await panel.typeNote(`Performance concerns ${canary}`);
    const leaked = await calendar.page.evaluate((needle) => {
      const texts: string[] = [...(window as unknown as { __probe: string[] }).__probe];
      const walk = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          texts.push(element.textContent ?? '');
          for (const attribute of element.attributes) texts.push(attribute.value);
          if (element.shadowRoot) walk(element.shadowRoot); // open shadow roots only: closed ones are ours
        }
      };
      walk(document);
      for (const storage of [localStorage, sessionStorage]) {
        for (let i = 0; i < storage.length; i++) texts.push(storage.getItem(storage.key(i)!) ?? '');
      }
      return texts.filter((text) => text.includes(needle)).length;
    }, canary);
    expect(leaked).toBe(0);
    const storageLocal = await duet.worker.evaluate(() => chrome.storage.session.get(null));
    expect(JSON.stringify(storageLocal)).not.toContain(canary);
    await calendar.page.close();
  });
});
