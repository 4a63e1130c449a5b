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
import type { Relationship, Session, TalkingPoint, Template } from '@/lib/domain/model';
import { CALENDAR_MONTH_URL, CALENDAR_WEEK_URL } from '../../scripts/chromium.mjs';
import { type Duet, FIXTURES_DIR, startDuet } from './harness';
import { CalendarPage } from './pages/calendar-page';
import { allRecords } from './pages/database';
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
/** "Skip-level: Alice / Ivy" in the week fixture: seeded with no session for it, nor any upcoming one. */
const IVY_EVENT = 'lacs0f256n8p6d5j5keobv8119';
/** Ivy's 1:1 follows its own template, so Start prep shows (and uses) that template, not the kind's default. */
const IVY_TEMPLATE: Template = {
  id: 'e2e-template-skip-level',
  name: 'E2E skip-level agenda',
  method: 'custom',
  description: '',
  sections: [
    { id: 'e2e-blockers', title: 'E2E: what gets in your way', minutes: 10, prompts: [], kind: 'notes' },
    { id: 'e2e-ideas', title: 'E2E: ideas for the team', minutes: 0, prompts: [], kind: 'notes' },
  ],
  builtIn: false,
  retired: false,
  createdAt: Date.now(),
  updatedAt: Date.now(),
};

describe('Calendar prep panel on a real history', () => {
  let duet: Duet;
  let bobRelationshipId: string;
  let ivyRelationshipId: string;
  /** Ivy's open talking points in the seeded history (Start prep carries them all, with the one added). */
  let ivyOpenPoints: number;

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
    // Ivy's 1:1 has no session for her meeting of that week nor any upcoming one ("Start prep"), and its
    // own template.
    const ivy = data.people.find((p) => p.name === 'Ivy Chen')!;
    const ivySeries = data.relationships.find((r) => r.personIds.length === 1 && r.personIds[0] === ivy.id)!;
    ivyRelationshipId = ivySeries.id;
    ivySeries.templateId = IVY_TEMPLATE.id;
    data.templates.push(IVY_TEMPLATE);
    data.sessions = data.sessions.filter(
      (session) =>
        session.calendarEventId !== IVY_EVENT &&
        !(
          session.relationshipId === ivyRelationshipId &&
          (session.status === 'upcoming' || session.status === 'rescheduled')
        ),
    );
    ivyOpenPoints = data.talkingPoints.filter(
      (point) => point.relationshipId === ivyRelationshipId && point.status === 'open',
    ).length;
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
    // A misclick is one click away from undone: Undo brings it back to the list and the badge…
    const closed = frame.locator('[data-testid=agreement-closed]');
    await expect.poll(() => closed.textContent()).toMatch(/^Marked done: “.+”\. Undo$/);
    await duet.screenshot(calendar.page, 'calendar-prep-undo');
    await frame.locator('[data-testid=agreement-undo]').click();
    await expect.poll(() => agreements.count()).toBe(openCount);
    await expect.poll(() => badge.getAttribute('aria-label')).toContain(`${openCount} open agreement`);
    // …and done again, it stays done.
    await frame.locator('[data-agreement-id=e2e-agreement-draft] [data-testid=agreement-done]').click();
    await expect.poll(() => agreements.count()).toBe(openCount - 1);
    await expect.poll(() => badge.getAttribute('aria-label')).toContain(`${openCount - 1} open agreement`);

    // Renegotiate with a new date: the agreement stays open, with the new due date and marked renegotiated.
    const intro = frame.locator('[data-agreement-id=e2e-agreement-intro]');
    const introDue = intro.locator('[data-testid=agreement-due]');
    expect(await introDue.locator('time').getAttribute('datetime')).toBe('2099-02-01');
    expect(await introDue.textContent()).toBe('due Feb 1, 2099');
    await intro.locator('[data-testid=agreement-renegotiate]').click();
    await intro.locator('[data-testid=agreement-new-due]').fill('2099-03-10');
    await intro.locator('[data-testid=agreement-confirm]').click();
    await expect.poll(() => introDue.locator('time').getAttribute('datetime')).toBe('2099-03-10');
    expect(await introDue.textContent()).toBe('due Mar 10, 2099 · renegotiated');
    expect(await agreements.count()).toBe(openCount - 1);
    expect(await badge.getAttribute('aria-label')).toContain(`${openCount - 1} open agreement`);

    // A talking point for next time (Start prep carrying points into the session: the next test).
    await frame.locator('[data-testid=talking-point-input]').fill('E2E: ask about the conference talk');
    await frame.locator('[data-testid=talking-point-add]').click();
    await expect
      .poll(() => frame.locator('[data-testid=talking-point-item]').allTextContents())
      .toContainEqual(expect.stringContaining('E2E: ask about the conference talk'));
    await duet.screenshot(calendar.page, 'calendar-prep-agenda');
    await calendar.page.close();
  });

  it('"Start prep" creates the upcoming session from the 1:1\'s template and carries the talking points into it', async () => {
    const calendar = await CalendarPage.open(duet);
    const panel = await calendar.openPanelFor('Skip-level: Alice / Ivy');
    const frame = panel.frame;
    await expect
      .poll(() => frame.locator('[data-testid=panel-relationship-header]').textContent())
      .toContain('Ivy Chen');
    const start = frame.locator('[data-testid=start-prep]');
    expect(await start.textContent()).toBe('Start prep');
    expect(await frame.locator('[data-testid=prep-checklist]').count()).toBe(0);
    expect(await sessionsBy(duet, 'calendarEventId', IVY_EVENT)).toEqual([]);

    // A talking point first: with no session planned yet it waits for the next one.
    const pointText = 'E2E: ask Ivy about the on-call rotation';
    await frame.locator('[data-testid=talking-point-input]').fill(pointText);
    await frame.locator('[data-testid=talking-point-add]').click();
    await expect
      .poll(() => frame.locator('[data-testid=talking-point-item]').allTextContents())
      .toContainEqual(expect.stringContaining(pointText));
    const added = (await allRecords<TalkingPoint>(duet, 'talkingPoints')).find((p) => p.text === pointText)!;
    expect(added).toMatchObject({ relationshipId: ivyRelationshipId, status: 'open', sessionId: null });

    await start.click();
    const result = frame.locator('[data-testid=prep-result]');
    await result.waitFor({ timeout: 10_000 });
    expect(await result.getAttribute('data-state')).toBe('prepared');
    expect(await result.textContent()).toBe(`Prepared: ${ivyOpenPoints + 1} talking points carried over`);
    expect(await start.count()).toBe(0);
    // The agenda is the 1:1's own template, section by section.
    expect(await frame.locator('#cal-checklist-title').textContent()).toBe('Agenda · E2E skip-level agenda');
    expect(await frame.locator('[data-testid=prep-section] .cal-check-title').allTextContents()).toEqual(
      IVY_TEMPLATE.sections.map((section) => section.title),
    );
    await duet.screenshot(calendar.page, 'calendar-start-prep');

    // Stored: one upcoming session for this very event, on the template, at the meeting's time (Wednesday
    // 25 March, 3pm in Calendar's UTC−7), and the point added before now planned for it.
    const sessions = await sessionsBy<Session>(duet, 'calendarEventId', IVY_EVENT);
    expect(sessions).toHaveLength(1);
    const session = sessions[0]!;
    expect(session).toMatchObject({
      relationshipId: ivyRelationshipId,
      status: 'upcoming',
      templateId: IVY_TEMPLATE.id,
    });
    expect(new Date(session.scheduledAt).toISOString()).toBe('2026-03-25T22:00:00.000Z');
    const points = await allRecords<TalkingPoint>(duet, 'talkingPoints');
    expect(points.find((p) => p.id === added.id)).toMatchObject({ status: 'open', sessionId: session.id });
    const carried = points.filter((p) => p.relationshipId === ivyRelationshipId && p.status === 'open');
    expect(carried).toHaveLength(ivyOpenPoints + 1);
    expect(carried.every((p) => p.sessionId === session.id)).toBe(true);

    // Opened again, the panel shows the prepared session (no second Start prep, nor a second session).
    await calendar.reload();
    const again = await calendar.openPanelFor('Skip-level: Alice / Ivy');
    await again.frame.locator('[data-testid=prep-result]').waitFor({ timeout: 10_000 });
    expect(await again.frame.locator('[data-testid=prep-result]').getAttribute('data-state')).toBe('started');
    expect(await again.frame.locator('[data-testid=start-prep]').count()).toBe(0);
    expect(
      await again.frame.locator('[data-testid=prep-section] .cal-check-title').allTextContents(),
    ).toEqual(IVY_TEMPLATE.sections.map((section) => section.title));
    expect(await sessionsBy(duet, 'calendarEventId', IVY_EVENT)).toHaveLength(1);
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

  it('in a narrow window "Open in Duet" stays off the panel it opened, which takes clicks (never covered by it)', async () => {
    const page = await duet.newPage();
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(`${CALENDAR_WEEK_URL}?popover=1`);
    const openButton = page.locator('[data-duet-open-popover]');
    await openButton.waitFor({ state: 'visible', timeout: 15_000 });
    // One line, not a pill squeezed to three.
    expect((await openButton.boundingBox())!.height).toBeLessThan(40);
    await openButton.click();
    const calendar = await CalendarPage.attach(duet, page);
    const panel = await calendar.panel();
    await panel.waitForTitle('Alice / Bob');
    // The panel's frame sits at the window's right edge, 380 px wide (its host's shadow root is closed).
    const panelLeft = await page.evaluate(() => window.innerWidth - Math.min(380, window.innerWidth));
    const pill = await openButton.boundingBox();
    if (pill) expect(pill.x + pill.width).toBeLessThanOrEqual(panelLeft);
    // The browser does not report the panel covered: it takes input, and shows no "covered" line.
    await page.waitForTimeout(400);
    expect(await panel.frame.locator('main[data-covered]').count()).toBe(0);
    expect(await panel.frame.locator('[data-testid=panel-covered]').textContent()).toBe('');
    await duet.screenshot(page, 'calendar-open-in-duet-narrow');
    await page.close();
  });

  it('"Open in Duet" joins the popover\'s Tab order and opens with the keyboard', async () => {
    const page = await duet.newPage();
    await page.goto(`${CALENDAR_WEEK_URL}?popover=1`);
    const openButton = page.locator('[data-duet-open-popover]');
    await openButton.waitFor({ state: 'visible', timeout: 15_000 });
    const isPill = () => page.evaluate(() => document.activeElement?.hasAttribute('data-duet-open-popover'));
    const inPopover = () =>
      page.evaluate(() => document.querySelector('#xDetDlg')!.contains(document.activeElement));
    // The popover's last control (its RSVP buttons end it): Tab goes to the button beside the popover…
    const last = await page.evaluate(() => {
      const controls = [
        ...document.querySelectorAll<HTMLElement>(
          '#xDetDlg button, #xDetDlg [tabindex="0"], #xDetDlg a[href]',
        ),
      ].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
      controls.at(-1)!.setAttribute('data-e2e-last', '');
      controls[0]!.setAttribute('data-e2e-first', '');
      return controls.length;
    });
    expect(last).toBeGreaterThan(2);
    await page.locator('[data-e2e-last]').focus();
    await page.keyboard.press('Tab');
    expect(await isPill()).toBe(true);
    // …Tab on it goes back to the popover's first control, Shift+Tab from there to the button again…
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-e2e-first'))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await isPill()).toBe(true);
    // …Shift+Tab on the first control goes to it too (the popover's order wraps through it)…
    await page.locator('[data-e2e-first]').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await isPill()).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await inPopover()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-e2e-last'))).toBe(true);
    // …and Enter on the button opens the meeting in the panel, focus inside it.
    await page.locator('[data-e2e-last]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const calendar = await CalendarPage.attach(duet, page);
    const panel = await calendar.panel();
    await panel.waitForTitle('Alice / Bob');
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
    const before = await allRecords<Relationship>(duet, 'relationships');
    await track.click();
    await expect.poll(() => calendar.badgeOn('Weekly sync').count(), { timeout: 10_000 }).toBe(1);
    expect(await calendar.badgeOn('Weekly sync').getAttribute('data-duet-confidence')).toBe('confirmed');
    // Bob already has a 1:1: the series continues it (its history and agreements), no second 1:1 with him.
    await expect
      .poll(() => panel.frame.locator('[data-testid=panel-announcement]').textContent())
      .toContain('continues your 1:1 with Bob Jones');
    const after = await allRecords<Relationship>(duet, 'relationships');
    expect(after).toHaveLength(before.length);
    const bobs = after.find((r) => r.id === bobRelationshipId)!;
    const bobsBefore = before.find((r) => r.id === bobRelationshipId)!;
    expect(bobs.calendarSeriesIds).toHaveLength(bobsBefore.calendarSeriesIds.length + 1);
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
