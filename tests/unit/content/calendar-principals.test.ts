/**
 * Whose calendars the page shows, as the content script tells the background with each batch: a colleague's
 * calendar beside mine (Day view "Meet with…") or overlaid in a view whose columns name none (Month on a
 * fresh load) must be told apart from mine (tests/unit/background/calendar-side-by-side.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCalendarPage } from '@/lib/content/calendar-page';
import { backgroundHarness, calendarSender } from '../helpers/background';
import { loadFixture } from '../helpers/fixtures';
import { stubI18n } from './i18n-stub';
import { CHIP, settle, showWeekFixture } from './week-page';

stubI18n();

let controller: AbortController | null = null;
let background: ReturnType<typeof backgroundHarness>;
/** The `principal` of each classify message sent. */
let principals: unknown[];
let shownSent: unknown[];

function listen() {
  background = backgroundHarness({
    myEmails: ['alice@acme.example'],
    people: { 'p-carol': ['carol@acme.example'] },
    relationships: [{ id: 'r-carol', kind: 'one-on-one', personIds: ['p-carol'], seriesIds: [] }],
  });
  principals = [];
  shownSent = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { kind } = message as { kind: string };
    if (kind === 'calendar/classify-events') principals.push((message as { principal?: unknown }).principal);
    if (kind === 'calendar/days-shown') shownSent.push(message);
    if (kind === 'calendar/select-event') return Promise.resolve({ ok: false, error: 'no panel' });
    return background.router(message, calendarSender(7));
  });
}

const start = async () => {
  controller = new AbortController();
  startCalendarPage({ signal: controller.signal, panelUrl: 'chrome-extension://duet/panel.html' });
  await settle();
};

/** A chip moved to another calendar, as Calendar would draw that calendar's copy. */
function onCalendar(chip: Element, calendarId: string, series: string) {
  chip.setAttribute('data-eventid', btoa(`${series}_20260323T170000Z ${calendarId}`).replace(/=+$/, ''));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  controller?.abort();
  controller = null;
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('the calendars a page shows, sent with its chips', () => {
  it('Day view side by side: every column’s calendar, and no days told (whose is whose is the background’s call)', async () => {
    showWeekFixture();
    const columns = [...document.querySelectorAll('[data-principal-ids]')];
    columns[0]!.setAttribute('data-principal-ids', btoa('dana@acme.example'));
    listen();
    await start();
    expect(principals).toEqual([['alice@acme.example', 'dana@acme.example']]);
    vi.advanceTimersByTime(3100);
    await settle();
    expect(shownSent).toEqual([]);
  });

  it('one calendar in every column: that calendar, as before', async () => {
    showWeekFixture();
    listen();
    await start();
    expect(principals).toEqual([['alice@acme.example']]);
  });

  it('Month view on a fresh load: the person calendars its chips belong to (not a group calendar)', async () => {
    const month = loadFixture('gcal-month.html');
    document.documentElement.setAttribute('lang', 'en');
    document.body.replaceWith(document.importNode(month.body, true));
    onCalendar(document.querySelectorAll(CHIP)[3]!, 'dana@acme.example', 'danacarol1');
    listen();
    await start();
    expect(principals).toEqual([['alice@acme.example', 'dana@acme.example']]);
  });
});
