/**
 * The side panel opened from the browser's own menu (no `?tab=` in its URL): it shows the active tab's
 * context and follows the user from tab to tab, instead of a promise it never keeps.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/panel/SidePanelApp';
import { sidePanelTab } from '@/components/panel/side-panel';
import { useRenderContainer } from '../../helpers/dom-container';

const container = useRenderContainer();

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('SidePanelApp without a tab in its URL', () => {
  it("shows the active tab's context, and the next tab's when the user switches", async () => {
    const meet = { id: 7, windowId: 1 };
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([meet] as never);
    const asked: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const { kind, tabId } = message as { kind: string; tabId?: number };
      if (kind !== 'panel/get-context') return undefined;
      asked.push(tabId);
      const context =
        tabId === meet.id
          ? {
              surface: 'meet',
              meetingCode: 'abc-defg-hij',
              title: 'Planning',
              state: 'prejoin',
              presenting: false,
              others: [],
              link: null,
              trackable: null,
            }
          : null;
      return Promise.resolve({ ok: true, data: { context } });
    });
    window.history.replaceState(null, '', '/sidepanel.html');
    await act(() => render(<SidePanelApp />, container()));
    await vi.waitFor(() => expect(asked).toContain(meet.id));
    expect(sidePanelTab()).toBe(meet.id);
    await vi.waitFor(() => expect(container().querySelector('[data-testid=panel-meet-idle]')).not.toBeNull());
    // Another tab: the panel follows it.
    const other = { id: 9, windowId: 1 };
    await act(async () => {
      await fakeBrowser.tabs.onActivated.trigger({ tabId: other.id, windowId: other.windowId });
    });
    // Another window's tab is not this panel's.
    await act(async () => {
      await fakeBrowser.tabs.onActivated.trigger({ tabId: 11, windowId: 2 });
    });
    await vi.waitFor(() => expect(asked.at(-1)).toBe(other.id));
    await vi.waitFor(() => expect(container().querySelector('[data-testid=panel-empty]')).not.toBeNull());
    expect(sidePanelTab()).toBe(other.id);
  });
});
