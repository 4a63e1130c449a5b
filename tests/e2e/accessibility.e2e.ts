/**
 * The panel is usable by everyone, in light and dark: axe-core (WCAG 2.1 A + AA) finds no serious or
 * critical violation in the Calendar prep view (seeded agreements, talking points, last notes, its inline
 * forms), the Track card of an unknown meeting, the Meet live panel and the session summary; the panel fits
 * 360 px with nothing cut off; every control is reached with Tab and shows where focus is; and a talking
 * point is added and an agreement marked done with the keyboard alone.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProfile } from '@/lib/demo/generate';
import type { TalkingPoint } from '@/lib/domain/model';
import { CALENDAR_WEEK_URL } from '../../scripts/chromium.mjs';
import { checkA11y } from './axe';
import { type Duet, startDuet } from './harness';
import { expectAllReachable, focused, tabUntil } from './keyboard';
import { CalendarPage } from './pages/calendar-page';
import { MeetPage } from './pages/meet-page';
import { openAgreement, seedDatabase } from './seed';

const NARROW = { width: 360, height: 900 };

function talkingPointFor(
  relationshipId: string,
  id: string,
  text: string,
  author: 'me' | 'them',
): TalkingPoint {
  const now = Date.now();
  return {
    id,
    relationshipId,
    text,
    author,
    status: 'open',
    sessionId: null,
    order: now,
    discussedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The browser's id of a tab (what the side panel is opened for). */
async function tabIdOf(duet: Duet, page: Page): Promise<number> {
  const worker = duet.context.serviceWorkers()[0] ?? duet.worker;
  return worker.evaluate(async (href) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === href)!.id!;
  }, page.url());
}

/**
 * Horizontal overflow of the panel: the root's scroll width against its width, and every visible element
 * that sticks out of the viewport or clips its own content (inputs aside: they scroll their text).
 */
async function overflowOf(target: Page | Frame) {
  return target.evaluate(() => {
    const root = document.querySelector<HTMLElement>('main.panel')!;
    const width = document.documentElement.clientWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}${
        el.classList.length > 0 ? `.${[...el.classList].join('.')}` : ''
      }`;
    const clipped: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      if (el.closest('.cal-sr-only')) continue;
      const box = el.getBoundingClientRect();
      // Not drawn, or visually hidden on purpose (screen-reader-only text is 1 px and clipped).
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.right > width + 1 || box.left < -1)
        clipped.push(`${name(el)} sticks out (${box.left}–${box.right} of ${width})`);
      const style = getComputedStyle(el);
      const cuts = ['hidden', 'clip'].includes(style.overflowX);
      if (cuts && !el.matches('input, textarea, select') && el.scrollWidth > el.clientWidth + 1)
        clipped.push(`${name(el)} cuts its content (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return {
      rootScrollWidth: root.scrollWidth,
      rootClientWidth: root.clientWidth,
      documentScrollWidth: document.documentElement.scrollWidth,
      width,
      clipped,
    };
  });
}

async function expectFits(target: Page | Frame, label: string) {
  const overflow = await overflowOf(target);
  expect(overflow.clipped, `${label}: clipped elements`).toEqual([]);
  expect(overflow.rootScrollWidth, `${label}: panel scroll width`).toBeLessThanOrEqual(
    overflow.rootClientWidth,
  );
  expect(overflow.documentScrollWidth, `${label}: page scroll width`).toBeLessThanOrEqual(overflow.width);
}

/** The top of the panel, then its end (the panel scrolls inside itself: a full-page shot shows no more). */
async function screenshotScrolled(duet: Duet, page: Page, name: string) {
  await duet.screenshot(page, `${name}-top`);
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('main.panel, main.panel *'))
      if (el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY === 'auto')
        el.scrollTop = el.scrollHeight;
  });
  await duet.screenshot(page, `${name}-end`);
}

describe.each(['light', 'dark'] as const)('Panel accessibility (%s)', (scheme) => {
  let duet: Duet;
  let bobRelationshipId: string;

  beforeAll(async () => {
    duet = await startDuet({ colorScheme: scheme });
    const data = generateProfile('realistic', { now: Date.now(), seed: 3 });
    const bob = data.people.find((p) => p.name === 'Bob Jones')!;
    bobRelationshipId = data.relationships.find(
      (r) => r.kind === 'one-on-one' && r.personIds.length === 1 && r.personIds[0] === bob.id,
    )!.id;
    data.agreements.push(
      openAgreement(bobRelationshipId, 'a11y-agreement-draft', 'A11Y: send the rollout draft', '2099-01-15'),
      openAgreement(bobRelationshipId, 'a11y-agreement-overdue', 'A11Y: book the offsite', '2020-01-10'),
      openAgreement(bobRelationshipId, 'a11y-agreement-open', 'A11Y: no date for this one', null),
    );
    data.talkingPoints.push(
      talkingPointFor(bobRelationshipId, 'a11y-point-mine', 'A11Y: the hiring plan', 'me'),
      talkingPointFor(bobRelationshipId, 'a11y-point-theirs', 'A11Y: conference budget', 'them'),
    );
    await seedDatabase(duet, data);
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('Calendar prep view: no serious violations, its forms included; fits the in-page width', async () => {
    const calendar = await CalendarPage.open(duet);
    const { frame } = await calendar.openPanelFor('Alice / Bob');
    await frame.locator('[data-agreement-id=a11y-agreement-draft]').waitFor({ timeout: 10_000 });
    await frame.locator('[data-testid=last-session]').waitFor();
    await frame.locator('[data-testid=talking-point-item]').first().waitFor();
    const minor = await checkA11y(frame, { label: `calendar prep (${scheme})` });
    console.info(
      `axe, calendar prep (${scheme}), minor/moderate: ${minor.map((v) => `${v.id} [${v.impact}]`).join(', ') || 'none'}`,
    );
    await expectFits(frame, `calendar prep in page (${scheme})`);
    await duet.screenshot(calendar.page, `a11y-calendar-prep-${scheme}`);

    // The inline forms: renegotiate (a date) and drop (a required reason), with an error shown.
    const draft = frame.locator('[data-agreement-id=a11y-agreement-draft]');
    await draft.locator('[data-testid=agreement-renegotiate]').click();
    await draft.locator('[data-testid=renegotiate-form]').waitFor();
    await checkA11y(frame, { label: `renegotiate form (${scheme})` });
    await draft.getByRole('button', { name: 'Cancel' }).click();
    const overdue = frame.locator('[data-agreement-id=a11y-agreement-overdue]');
    await overdue.locator('[data-testid=agreement-drop]').click();
    await overdue.locator('[data-testid=agreement-confirm]').click();
    await overdue.locator('[data-testid=agreement-error]').waitFor({ timeout: 10_000 });
    await checkA11y(frame, { label: `drop form with an error (${scheme})` });
    await duet.screenshot(calendar.page, `a11y-calendar-forms-${scheme}`);
    await calendar.page.close();
  });

  it('the Track card of an unknown meeting: no serious violations, details open or closed', async () => {
    const page = await duet.newPage();
    await page.goto(`${CALENDAR_WEEK_URL}?popover=1`);
    await page.locator('[data-duet-open-popover]').waitFor({ state: 'visible', timeout: 15_000 });
    const calendar = await CalendarPage.attach(duet, page);
    // Calendar shows the details of "Weekly sync" (Alice and Bob only, not a 1:1 by its title).
    await calendar.showDetailsOf('Weekly sync');
    await page.locator('[data-duet-open-popover]').click();
    const { frame } = await calendar.panel();
    const track = frame.locator('[data-testid=track-one-on-one]');
    await expect.poll(() => track.textContent(), { timeout: 10_000 }).toContain('Track as 1:1 with');
    await checkA11y(frame, { label: `track card (${scheme})` });
    await frame.locator('[data-testid=track-edit]').click();
    await frame.locator('[data-testid=track-relation]').waitFor();
    await checkA11y(frame, { label: `track card with details (${scheme})` });
    await expectFits(frame, `track card in page (${scheme})`);
    await duet.screenshot(page, `a11y-calendar-track-${scheme}`);
    await page.close();
  });

  it('Meet live panel and the session summary: no serious violations; both fit', async () => {
    const call = await MeetPage.open(duet, 'in-call');
    const panel = await call.panel();
    await expect.poll(() => panel.withText(), { timeout: 10_000 }).toContain('Bob Jones');
    await panel.frame.locator('[data-testid=session-timer]').waitFor();
    // An agreement made in the call, and the capture preview while typing the next one.
    await panel.captureInput.fill('Bob: send the draft by Friday');
    await panel.captureInput.press('Enter');
    await panel.frame.locator('[data-testid=made-agreement]').waitFor({ timeout: 10_000 });
    await panel.captureInput.fill('me: book the room next week');
    await panel.frame.locator('[data-testid=capture-preview]').waitFor();
    await checkA11y(panel.frame, { label: `meet live panel (${scheme})` });
    await expectFits(panel.frame, `meet live panel in page (${scheme})`);
    await duet.screenshot(call.page, `a11y-meet-live-${scheme}`);

    await call.becomes('meet-ended.html');
    // The call ended while the next agreement was being typed: it stays on screen, with why.
    await expect
      .poll(() => panel.frame.locator('[data-testid=session-action-error]').textContent(), {
        timeout: 10_000,
      })
      .toContain('while you were typing');
    expect(await panel.captureInput.inputValue()).toBe('me: book the room next week');
    await panel.captureInput.press('Enter');
    await expect.poll(() => panel.frame.locator('[data-testid=made-agreement]').count()).toBe(2);
    await panel.frame.locator('[data-testid=session-back-summary]').click();
    await panel.summary.waitFor({ timeout: 10_000 });
    await checkA11y(panel.frame, { label: `session summary (${scheme})` });
    await expectFits(panel.frame, `session summary in page (${scheme})`);
    await duet.screenshot(call.page, `a11y-meet-summary-${scheme}`);
    await call.page.close();
  });

  it('at 360 px the panel fits with nothing cut off (Calendar prep and the Meet panel)', async () => {
    const calendar = await CalendarPage.open(duet);
    await calendar.openPanelFor('Alice / Bob');
    const side = await duet.newPage();
    await side.setViewportSize(NARROW);
    await side.goto(`${duet.extensionUrl('sidepanel.html')}?tab=${await tabIdOf(duet, calendar.page)}`);
    await side.locator('[data-testid=agreement-item]').first().waitFor({ timeout: 10_000 });
    await side.locator('[data-testid=talking-point-item]').first().waitFor();
    await expectFits(side, `calendar prep at 360 px (${scheme})`);
    await checkA11y(side, { label: `calendar prep at 360 px (${scheme})` });
    await screenshotScrolled(duet, side, `a11y-calendar-360-${scheme}`);

    const call = await MeetPage.open(duet, 'in-call');
    await (await call.panel()).with.waitFor({ timeout: 10_000 });
    await side.goto(`${duet.extensionUrl('sidepanel.html')}?tab=${await tabIdOf(duet, call.page)}`);
    await side.locator('[data-testid=session-timer]').waitFor({ timeout: 10_000 });
    await expectFits(side, `meet live panel at 360 px (${scheme})`);
    await screenshotScrolled(duet, side, `a11y-meet-360-${scheme}`);
    await side.close();
    await call.page.close();
    await calendar.page.close();
  });

  it('keyboard only: every control is reached with Tab and shows focus; add a talking point and mark an agreement done', async () => {
    const calendar = await CalendarPage.open(duet);
    const { frame } = await calendar.openPanelFor('Alice / Bob');
    const page = calendar.page;
    await frame.locator('[data-agreement-id=a11y-agreement-draft]').waitFor({ timeout: 10_000 });
    await expectAllReachable(page, frame, `calendar prep (${scheme})`, {
      root: 'main.panel',
      start: (target) => target.locator('[data-testid=event-title], .event-title').first().click(),
    });

    // Add a talking point: Tab to the field, type, Enter.
    await frame.locator('[data-testid=event-title]').click();
    await tabUntil(page, frame, (f) => f?.testId === 'talking-point-input');
    await page.keyboard.type('A11Y: typed with the keyboard');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => frame.locator('[data-testid=talking-point-text]').allTextContents(), { timeout: 10_000 })
      .toContain('A11Y: typed with the keyboard');
    expect((await focused(frame))?.testId).toBe('talking-point-input');

    // "Theirs" with Space: the toggle is a pressed button.
    await tabUntil(page, frame, (f) => f?.testId === 'talking-point-theirs-toggle');
    await page.keyboard.press('Space');
    await expect
      .poll(() => frame.locator('[data-testid=talking-point-theirs-toggle]').getAttribute('aria-pressed'))
      .toBe('true');

    // Back up to the agreement and mark it done with Space; focus stays in the section.
    await tabUntil(
      page,
      frame,
      (f) => f?.testId === 'agreement-done' && f.agreementId === 'a11y-agreement-draft',
      'Shift+Tab',
    );
    await page.keyboard.press('Space');
    await expect
      .poll(() => frame.locator('[data-agreement-id=a11y-agreement-draft]').count(), { timeout: 10_000 })
      .toBe(0);
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('agreements-title');

    // And renegotiate another with Enter, the date typed, Enter to save.
    await tabUntil(
      page,
      frame,
      (f) => f?.testId === 'agreement-renegotiate' && f.agreementId === 'a11y-agreement-open',
    );
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(frame))?.testId).toBe('agreement-new-due');
    await page.keyboard.type('03102099');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => frame.locator('[data-agreement-id=a11y-agreement-open] time').getAttribute('datetime'), {
        timeout: 10_000,
      })
      .toBe('2099-03-10');
    // The form closed: focus is back on the button that opened it, not lost.
    expect(await focused(frame)).toMatchObject({
      testId: 'agreement-renegotiate',
      agreementId: 'a11y-agreement-open',
    });
    await duet.screenshot(page, `a11y-keyboard-${scheme}`);
    await page.close();
  });
});
