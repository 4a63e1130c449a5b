/**
 * Badges follow the data (lib/background/start.ts, `refreshBadges`): when a panel says Duet's data changed,
 * every open Calendar tab is told to judge its chips again — also after the MV3 worker was stopped and woken,
 * when its memory of Calendar tabs is empty (the open ones are looked up by URL). The real background runs on
 * WXT's fake browser, its listeners recorded as in open-panel-command.test.ts.
 */
import { beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background/start';
import { CALENDAR_MATCHES, CALENDAR_ORIGIN } from '@/lib/hosts';
import { REFRESH_BADGES } from '@/lib/messaging/protocol';
import { recordListeners } from '../helpers/listeners';

type OnMessage = (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>;

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let onMessage: OnMessage;
let sendMessage: MockInstance<(tabId: number, message: unknown) => Promise<unknown>>;
let query: MockInstance<(filter: unknown) => Promise<Array<Partial<Browser.tabs.Tab>>>>;
/** The tabs told to refresh their badges. */
const refreshed = () =>
  sendMessage.mock.calls
    .filter(([, message]) => (message as { kind?: unknown } | null)?.kind === REFRESH_BADGES)
    .map(([tabId]) => tabId);

beforeEach(() => {
  const listeners = recordListeners();
  sendMessage = vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation((async () => undefined) as never) as unknown as typeof sendMessage;
  query = vi.spyOn(fakeBrowser.tabs, 'query') as unknown as typeof query;
  startBackground();
  const registered = listeners.get('runtime.onMessage') ?? [];
  expect(registered).toHaveLength(1);
  onMessage = registered[0] as unknown as OnMessage;
});

/** A panel (an extension page framed in the Calendar tab `tabId`) says the data changed. */
const panelSaysDataChanged = (tabId: number) =>
  onMessage(
    { kind: 'panel/data-changed' },
    {
      id: fakeBrowser.runtime.id,
      url: fakeBrowser.runtime.getURL('/panel.html'),
      tab: { id: tabId } as Browser.tabs.Tab,
    },
  );

describe('badge refresh after a data change', () => {
  it('tells the open Calendar tabs even when this worker never heard from them (woken after a stop)', async () => {
    query.mockImplementation(async () => [
      { id: 7, url: `${CALENDAR_ORIGIN}/calendar/u/0/r/week` },
      { id: 9, url: `${CALENDAR_ORIGIN}/calendar/u/1/r/month` },
    ]);
    expect(await panelSaysDataChanged(7)).toMatchObject({ ok: true });
    await settle();
    expect(query).toHaveBeenCalledWith({ url: [...CALENDAR_MATCHES] });
    expect(refreshed().sort()).toEqual([7, 9]);
    // Only the refresh, nothing else in it.
    expect(sendMessage.mock.calls.filter(([tabId]) => tabId === 7)).toEqual([[7, { kind: REFRESH_BADGES }]]);
  });

  it('still tells the tabs it knows when the lookup fails, and a tab that is gone is no error', async () => {
    query.mockImplementation(async () => {
      throw new Error('tabs.query failed');
    });
    // A Calendar tab classified chips earlier: remembered by this worker.
    await onMessage(
      { kind: 'calendar/classify-events', events: [] },
      {
        id: fakeBrowser.runtime.id,
        url: `${CALENDAR_ORIGIN}/calendar/u/0/r/week`,
        origin: CALENDAR_ORIGIN,
        frameId: 0,
        tab: { id: 3 } as Browser.tabs.Tab,
      },
    );
    await panelSaysDataChanged(3);
    await settle();
    expect(refreshed()).toEqual([3]);
  });
});
