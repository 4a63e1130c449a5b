/**
 * The keyboard shortcut, background side (lib/background/start.ts): the "open-panel" command is relayed to
 * the Calendar tab it was pressed in as OPEN_PANEL_SHORTCUT (the content script then opens the popover's or
 * the focused chip's event, else toggles the panel: tests/unit/content/calendar-page.test.ts). The real
 * background runs on WXT's fake browser, which does not implement `commands`: every `addListener` is recorded
 * instead, as in tests/unit/security/message-boundary.test.ts.
 */
import { beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background/start';
import { CALENDAR_ORIGIN, MEET_ORIGIN } from '@/lib/hosts';
import { OPEN_PANEL_COMMAND, OPEN_PANEL_SHORTCUT } from '@/lib/messaging/protocol';
import { recordListeners } from '../helpers/listeners';

type OnCommand = (command: string, tab?: Partial<Browser.tabs.Tab>) => void;

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const CALENDAR_WEEK = `${CALENDAR_ORIGIN}/calendar/u/0/r/week/2026/3/22`;

let onCommand: OnCommand;
let sendMessage: MockInstance<(tabId: number, message: unknown) => Promise<unknown>>;
/** What the background sent to tabs as the shortcut: [tab id, message]. */
const shortcutsSent = () =>
  sendMessage.mock.calls.filter(
    ([, message]) => (message as { kind?: unknown } | null)?.kind === OPEN_PANEL_SHORTCUT,
  );

beforeEach(() => {
  const listeners = recordListeners();
  sendMessage = vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation((async () => undefined) as never) as unknown as typeof sendMessage;
  startBackground();
  const registered = listeners.get('commands.onCommand') ?? [];
  expect(registered).toHaveLength(1);
  onCommand = registered[0] as unknown as OnCommand;
});

describe('the open-panel command', () => {
  it('sends OPEN_PANEL_SHORTCUT to the Calendar tab it was pressed in, once, and to no other tab', async () => {
    onCommand(OPEN_PANEL_COMMAND, { id: 42, url: CALENDAR_WEEK, active: true });
    await settle();
    expect(shortcutsSent()).toEqual([[42, { kind: OPEN_PANEL_SHORTCUT }]]);
    // Only that message, nothing more in it (the content script acts on the page's state, not on data).
    expect(sendMessage.mock.calls.filter(([tabId]) => tabId === 42)).toEqual([
      [42, { kind: OPEN_PANEL_SHORTCUT }],
    ]);
  });

  it('sends nothing for another command, a tab that is not Calendar, or a tab it cannot name', async () => {
    onCommand('_execute_action', { id: 1, url: CALENDAR_WEEK });
    onCommand('something-else', { id: 2, url: CALENDAR_WEEK });
    onCommand(OPEN_PANEL_COMMAND, { id: 3, url: `${MEET_ORIGIN}/abc-defg-hij` });
    onCommand(OPEN_PANEL_COMMAND, { id: 4, url: 'https://calendar.google.com.attacker.test/calendar' });
    onCommand(OPEN_PANEL_COMMAND, { id: 5, url: 'https://example.com/?https://calendar.google.com/' });
    onCommand(OPEN_PANEL_COMMAND, { id: 6 }); // no URL (not ours to read)
    onCommand(OPEN_PANEL_COMMAND, { url: CALENDAR_WEEK }); // no tab id
    onCommand(OPEN_PANEL_COMMAND); // no tab at all (pressed outside a tab)
    await settle();
    expect(shortcutsSent()).toEqual([]);
  });

  it('a Calendar tab without the content script (not loaded yet, or discarded) is no error', async () => {
    // Not a vi spy: Vitest's spies watch the promises they return, which counts as handling a rejection.
    const spied = fakeBrowser.tabs.sendMessage;
    const refusedTo: number[] = [];
    fakeBrowser.tabs.sendMessage = ((tabId: number) => {
      refusedTo.push(tabId);
      return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    }) as typeof fakeBrowser.tabs.sendMessage;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      onCommand(OPEN_PANEL_COMMAND, { id: 9, url: CALENDAR_WEEK });
      await settle();
      await settle();
    } finally {
      process.off('unhandledRejection', onUnhandled);
      fakeBrowser.tabs.sendMessage = spied;
    }
    expect(refusedTo).toEqual([9]);
    expect(unhandled).toEqual([]);
  });
});
