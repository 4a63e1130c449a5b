/**
 * Issue 4, item 5: no layout reads per mutation. Calendar rebuilding chips (records noted, a scan, badges
 * drawn) must never ask the browser for layout: no getBoundingClientRect, offset*, client*, scroll* sizes
 * or getComputedStyle — each would force a synchronous layout inside Calendar's own rendering.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCalendarPage } from '@/lib/content/calendar-page';
import { backgroundHarness, calendarSender } from '../helpers/background';
import { stubI18n } from './i18n-stub';
import { CHIP, settle, showWeekFixture } from './week-page';

stubI18n();

let controller: AbortController;
const layoutReads: string[] = [];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  showWeekFixture();
  const background = backgroundHarness();
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    background.router(message, calendarSender(7)),
  );
  controller = new AbortController();
  startCalendarPage({ signal: controller.signal, panelUrl: 'chrome-extension://duet/panel.html' });
  await settle();
  vi.advanceTimersByTime(200);
  await settle();
  // From here on, every layout read is recorded.
  const note = (name: string) => () => void layoutReads.push(name);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => {
    layoutReads.push('getBoundingClientRect');
    return new DOMRect();
  });
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(() => {
    layoutReads.push('getClientRects');
    return [] as unknown as DOMRectList;
  });
  vi.spyOn(window, 'getComputedStyle').mockImplementation(() => {
    layoutReads.push('getComputedStyle');
    return { getPropertyValue: () => '' } as unknown as CSSStyleDeclaration;
  });
  // Wherever in the prototype chain the DOM implementation defines each size getter.
  for (const name of [
    'offsetWidth',
    'offsetHeight',
    'offsetTop',
    'offsetLeft',
    'clientWidth',
    'clientHeight',
    'scrollWidth',
    'scrollHeight',
    'scrollTop',
  ] as const) {
    let proto: object | null = HTMLElement.prototype;
    while (proto && !Object.getOwnPropertyDescriptor(proto, name)) proto = Object.getPrototypeOf(proto);
    if (proto) vi.spyOn(proto as HTMLElement, name, 'get').mockImplementation(() => (note(name)(), 0));
  }
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
  layoutReads.length = 0;
});

it('Calendar rebuilding every chip, renaming some, removing one: noted, scanned and badged without a layout read', async () => {
  expect(document.querySelectorAll('[data-duet-badge]').length).toBeGreaterThan(0);
  for (let round = 0; round < 3; round++) {
    const chips = [...document.querySelectorAll<HTMLElement>(CHIP)];
    chips.forEach((chip, i) => {
      const copy = chip.cloneNode(true) as HTMLElement;
      const title = copy.querySelector('.I0UMhf');
      if (title && i % 3 === round) title.textContent += ' (moved)';
      chip.replaceWith(copy);
    });
    document.querySelector<HTMLElement>(CHIP)!.remove();
    await settle();
    vi.advanceTimersByTime(200);
    await settle();
  }
  expect(document.querySelectorAll('[data-duet-badge]').length).toBeGreaterThan(0);
  expect(layoutReads).toEqual([]);
});
