/** Popup, options, Meet and the panel on its own: each surface loads from the built extension and does its job. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Duet, startDuet } from './harness';
import { CalendarPage } from './pages/calendar-page';
import { MeetPage } from './pages/meet-page';
import { OptionsPage } from './pages/options-page';
import { PanelFrame } from './pages/panel-frame';
import { PopupPage } from './pages/popup-page';

describe('surfaces', () => {
  let duet: Duet;

  beforeAll(async () => {
    duet = await startDuet();
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('popup: a fresh profile shows its empty states, not errors', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    await popup.emptyAgreements.waitFor();
    expect(await popup.emptyAgreements.textContent()).toContain('No open agreements');
    // Duet tracks no 1:1 yet: it says how to track one, and where to say who "me" is.
    const noneTracked = popup.page.locator('[data-testid=popup-upcoming-none-tracked]');
    await noneTracked.waitFor();
    expect(await noneTracked.textContent()).toContain('Open one in Google Calendar');
    await popup.page.locator('[data-testid=popup-upcoming-set-me]').waitFor();
    await duet.screenshot(popup.page, 'popup-empty');
    await popup.page.close();
  });

  it('popup: 1:1s started by writing notes in the Calendar panel appear in it, live', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    const calendar = await CalendarPage.open(duet);
    const first = await calendar.openPanelFor('Alice / Bob');
    await first.typeNote('Bob: promotion packet draft next week');
    const second = await calendar.openPanelFor('Skip-level: Alice / Ivy');
    await second.typeNote('Ivy wants more context on the reorg');

    // Live: the already-open popup now offers both 1:1s for a talking point.
    const people = popup.page.locator('[data-testid=popup-point-person] option');
    await expect
      .poll(() => people.allTextContents())
      .toEqual(expect.arrayContaining(['Alice / Bob', 'Skip-level: Alice / Ivy']));
    await duet.screenshot(popup.page, 'popup');
    await popup.page.close();
    await calendar.page.close();
  });

  it('options: shows the privacy statement and how much is stored', async () => {
    const options = await OptionsPage.open(duet);
    expect(await options.privacyStatement.textContent()).toContain('makes no network requests');
    // Two events got notes: two 1:1 series, one session each.
    await expect.poll(() => options.relationshipCount.textContent()).toBe('2');
    await expect.poll(() => options.sessionCount.textContent()).toBe('2');
    await duet.screenshot(options.page, 'options');
    await options.page.close();
  });

  it('meet: reports the call’s code, title and state for the tab', async () => {
    const call = await MeetPage.open(duet, 'in-call');
    expect(await call.reportedCall()).toEqual({
      meetingCode: 'abc-defg-hij',
      state: 'in-call',
      title: 'Alice / Bob',
    });
    await duet.screenshot(call.page, 'meet-call');
    await call.page.close();
  });

  it('meet: the lobby is seen as pre-join and nothing is drawn on it', async () => {
    const lobby = await MeetPage.open(duet, 'prejoin');
    await expect.poll(async () => (await lobby.reportedCall()).state).toBe('prejoin');
    expect(await lobby.page.locator('[data-duet-panel], [data-duet-badge]').count()).toBe(0);
    await lobby.page.close();
  });

  it('panel on its own (not framed by a Google tab) has no event and shows no notes', async () => {
    const page = await duet.newPage();
    await page.goto(duet.extensionUrl('panel.html'));
    const panel = new PanelFrame(page.mainFrame());
    await panel.emptyState.waitFor();
    expect(await page.locator('[data-testid=note-input]').count()).toBe(0);
    // Query parameters are ignored: the event comes only from the background, keyed by the real tab.
    await page.goto(
      `${duet.extensionUrl('panel.html')}?eventKey=9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z`,
    );
    await panel.emptyState.waitFor();
    expect(await page.locator('[data-testid=note-input]').count()).toBe(0);
    await duet.screenshot(page, 'panel-standalone');
    await page.close();
  });

  it('a site other than Calendar or Meet cannot frame the panel', async () => {
    await duet.context.route('https://attacker.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<iframe id="probe" src="${duet.extensionUrl('panel.html')}"></iframe>`,
      }),
    );
    const page = await duet.newPage();
    await page.goto('https://attacker.test/');
    await page.waitForTimeout(500);
    const panelFrame = page.frames().find((frame) => frame.url() === duet.extensionUrl('panel.html'));
    const panelText = panelFrame
      ? await panelFrame.evaluate(() => document.body?.innerText ?? '').catch(() => '')
      : '';
    expect(panelText).not.toContain('Duet');
    await page.close();
  });
});
