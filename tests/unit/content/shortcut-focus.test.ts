/**
 * The keyboard shortcut (Alt+Shift+D) and keyboard focus: the panel it opens takes focus (as a badge's
 * does), and the panel it closes while focus is inside gives focus back to what had it before.
 */
import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCalendarPage } from '@/lib/content/calendar-page';
import { createPanelHost, PANEL_HOST_ATTRIBUTE } from '@/lib/content/panel-host';
import { OPEN_PANEL_SHORTCUT } from '@/lib/messaging/protocol';
import { backgroundHarness, calendarSender } from '../helpers/background';
import { stubI18n } from './i18n-stub';
import { CHIP, settle, showWeekFixture } from './week-page';

stubI18n();

let controller: AbortController;

beforeEach(async () => {
  // happy-dom refuses to load the panel's frame and says so on Node's console: expected here.
  vi.spyOn(nodeConsole, 'error').mockImplementation(() => {});
  showWeekFixture();
  const background = backgroundHarness();
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const kind = (message as { kind: string }).kind;
    // The event to open is taken (a panel frame is there to show it).
    if (kind === 'calendar/select-event') return Promise.resolve({ ok: true, data: { ok: true } });
    if (kind === 'panel/frame-opened') return Promise.resolve({ ok: true, data: { ok: true } });
    return background.router(message, calendarSender(7));
  });
  controller = new AbortController();
  startCalendarPage({ signal: controller.signal, panelUrl: 'chrome-extension://duet/panel.html' });
  await settle();
});

afterEach(() => {
  controller.abort();
  for (const host of document.querySelectorAll(`[${PANEL_HOST_ATTRIBUTE}]`)) host.remove();
  document.body.replaceChildren();
});

const shortcut = async () => {
  await fakeBrowser.runtime.onMessage.trigger({ kind: OPEN_PANEL_SHORTCUT }, {
    id: fakeBrowser.runtime.id,
  } as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1]);
  await settle();
};
const panelHost = () => document.querySelector(`[${PANEL_HOST_ATTRIBUTE}]`);

describe('the keyboard shortcut and focus', () => {
  it('closing the panel with focus inside gives focus back to the chip it was opened from', async () => {
    const chip = document.querySelector<HTMLElement>(CHIP)!;
    chip.focus();
    await shortcut();
    expect(panelHost()).not.toBeNull();
    expect(document.activeElement).toBe(panelHost());
    // Again, from inside the panel: it closes, and focus is back on the chip (not the page's body).
    await shortcut();
    expect(document.activeElement).toBe(chip);
  });

  it('reopened by the shortcut (no event to show), the panel takes focus', async () => {
    document.querySelector<HTMLElement>(CHIP)!.focus();
    await shortcut();
    await shortcut();
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).toBe(document.body);
    await shortcut();
    expect(document.activeElement).toBe(panelHost());
  });
});

describe('PanelHost.close() from code', () => {
  it('leaves focus alone when it is outside the panel (the user moved on)', () => {
    const badge = document.createElement('button');
    const input = document.createElement('input');
    document.body.append(badge, input);
    badge.focus();
    const panel = createPanelHost({
      panelUrl: 'chrome-extension://duet/panel.html',
      topOffset: () => 64,
      register: async () => ({ ok: true }),
    });
    panel.open(true);
    input.focus();
    panel.close();
    expect(document.activeElement).toBe(input);
  });
});
