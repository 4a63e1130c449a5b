import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelHost, PANEL_HOST_ATTRIBUTE, type PanelHost } from '@/lib/content/panel-host';

const PANEL_URL = 'chrome-extension://duet-test-id/panel.html';

/** The test’s view into the closed shadow root, captured as it is created; the page never gets this. */
function createWithShadow(topOffset: () => number = () => 64): { panel: PanelHost; shadow: ShadowRoot } {
  const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  const panel = createPanelHost({ panelUrl: PANEL_URL, topOffset });
  const shadow = attach.mock.results[0]?.value as ShadowRoot;
  attach.mockRestore();
  return { panel, shadow };
}

const hostElements = () => document.documentElement.querySelectorAll(`[${PANEL_HOST_ATTRIBUTE}]`);
const frameOf = (shadow: ShadowRoot) => shadow.querySelector<HTMLElement>('.frame')!;
const buttonsOf = (shadow: ShadowRoot) => {
  const [toggle, close] = [...shadow.querySelectorAll<HTMLButtonElement>('button')];
  return { toggle: toggle!, close: close! };
};

beforeEach(() => {
  // happy-dom refuses to load iframe pages and reports it on the console it was created with (Node's own,
  // not Vitest's); expected here, so keep the output clean.
  vi.spyOn(nodeConsole, 'error').mockImplementation(() => {});
});

afterEach(() => {
  for (const host of hostElements()) host.remove();
});

describe('createPanelHost', () => {
  it('mounts one host element on <html>, outside <body>', () => {
    createWithShadow();
    const hosts = hostElements();
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.parentElement).toBe(document.documentElement);
    expect(document.body.contains(hosts[0]!)).toBe(false);
    expect(hosts[0]!.getAttribute(PANEL_HOST_ATTRIBUTE)).toBe('');
  });

  it('uses a closed shadow root, so the page cannot reach inside', () => {
    const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    createPanelHost({ panelUrl: PANEL_URL, topOffset: () => 0 });
    expect(attach).toHaveBeenCalledWith({ mode: 'closed' });
    const host = hostElements()[0] as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    expect(host.children).toHaveLength(0);
    expect(document.querySelector('iframe')).toBeNull();
    expect(host.textContent).toBe('');
  });

  it('starts closed, with no iframe loaded yet', () => {
    const { panel, shadow } = createWithShadow();
    expect(panel.state).toBe('closed');
    expect(frameOf(shadow).hidden).toBe(true);
    expect(shadow.querySelector('iframe')).toBeNull();
  });

  it('open loads the panel page once, without a referrer', () => {
    const { panel, shadow } = createWithShadow();
    panel.open();
    panel.close();
    panel.open();
    const iframes = shadow.querySelectorAll('iframe');
    expect(iframes).toHaveLength(1);
    expect(iframes[0]!.getAttribute('src')).toBe(PANEL_URL);
    expect(iframes[0]!.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(iframes[0]!.title).toBe('Duet');
  });

  it('moves between open, collapsed and closed', () => {
    const { panel, shadow } = createWithShadow();
    const frame = frameOf(shadow);
    const { toggle } = buttonsOf(shadow);

    panel.open();
    expect(panel.state).toBe('open');
    expect(frame.hidden).toBe(false);
    expect(frame.classList.contains('collapsed')).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Collapse Duet panel');

    panel.collapse();
    expect(panel.state).toBe('collapsed');
    expect(frame.hidden).toBe(false);
    expect(frame.classList.contains('collapsed')).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-label')).toBe('Expand Duet panel');

    panel.open();
    expect(panel.state).toBe('open');
    expect(frame.classList.contains('collapsed')).toBe(false);

    panel.close();
    expect(panel.state).toBe('closed');
    expect(frame.hidden).toBe(true);
  });

  it('collapse does nothing while closed', () => {
    const { panel, shadow } = createWithShadow();
    panel.collapse();
    expect(panel.state).toBe('closed');
    expect(frameOf(shadow).hidden).toBe(true);
    expect(shadow.querySelector('iframe')).toBeNull();
  });

  it('showRail collapses to the rail even from closed, loading the panel', () => {
    const { panel, shadow } = createWithShadow();
    panel.showRail();
    expect(panel.state).toBe('collapsed');
    expect(frameOf(shadow).hidden).toBe(false);
    expect(frameOf(shadow).classList.contains('collapsed')).toBe(true);
    expect(shadow.querySelector('iframe')).not.toBeNull();
  });

  it('the rail buttons toggle and close', () => {
    const { panel, shadow } = createWithShadow();
    const { toggle, close } = buttonsOf(shadow);
    panel.open();
    toggle.click();
    expect(panel.state).toBe('collapsed');
    toggle.click();
    expect(panel.state).toBe('open');
    close.click();
    expect(panel.state).toBe('closed');
    expect(close.getAttribute('aria-label')).toBe('Close Duet panel');
  });

  it('docks below the header, measured through topOffset', () => {
    let header = 64.4;
    const { panel, shadow } = createWithShadow(() => header);
    panel.open();
    expect(frameOf(shadow).style.top).toBe('64px');
    header = -20;
    panel.open();
    expect(frameOf(shadow).style.top).toBe('0px');
  });

  it('destroy removes the host from the page', () => {
    const { panel } = createWithShadow();
    panel.open();
    panel.destroy();
    expect(hostElements()).toHaveLength(0);
  });

  it('two hosts are independent', () => {
    const a = createWithShadow();
    const b = createWithShadow();
    a.panel.open();
    expect(b.panel.state).toBe('closed');
    expect(hostElements()).toHaveLength(2);
    a.panel.destroy();
    expect(hostElements()).toHaveLength(1);
  });
});
