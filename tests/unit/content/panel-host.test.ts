import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createPanelHost,
  newFrameToken,
  PANEL_HOST_ATTRIBUTE,
  type PanelHost,
  type PanelHostOptions,
} from '@/lib/content/panel-host';
import { stubI18n } from './i18n-stub';

stubI18n();

const PANEL_URL = 'chrome-extension://duet-test-id/panel.html';

type Register = NonNullable<PanelHostOptions['register']>;

/**
 * The test’s view into the closed shadow root, captured as it is created; the page never gets this. By
 * default the frame registers at once (the background's answer is tested in the router and handler tests).
 */
function createWithShadow(
  topOffset: () => number = () => 64,
  register: Mock<Register> = vi.fn<Register>(async () => ({ ok: true })),
): { panel: PanelHost; shadow: ShadowRoot; register: Mock<Register> } {
  const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  const panel = createPanelHost({ panelUrl: PANEL_URL, topOffset, register });
  const shadow = attach.mock.results[0]?.value as ShadowRoot;
  attach.mockRestore();
  return { panel, shadow, register };
}

/** Lets the registration's promise (and the `src` assignment after it) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const TOKEN = /^[0-9a-f]{32}$/;
const srcOf = (shadow: ShadowRoot) => shadow.querySelector('iframe')?.getAttribute('src') ?? null;
/** The token a host's frame carries in its URL hash. */
const tokenOf = (shadow: ShadowRoot) => srcOf(shadow)?.split('#')[1];

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

  it('open loads the panel page once, without a referrer, its frame token in the hash', async () => {
    const { panel, shadow, register } = createWithShadow();
    panel.open();
    panel.close();
    panel.open();
    await settle();
    const iframes = shadow.querySelectorAll('iframe');
    expect(iframes).toHaveLength(1);
    const src = iframes[0]!.getAttribute('src')!;
    expect(src.startsWith(`${PANEL_URL}#`)).toBe(true);
    expect(src.slice(PANEL_URL.length + 1)).toMatch(TOKEN);
    expect(register).toHaveBeenCalledTimes(1);
    expect(register).toHaveBeenCalledWith(src.slice(PANEL_URL.length + 1));
    expect(iframes[0]!.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(iframes[0]!.title).toBe('Duet');
    // The page's DOM never shows the token: it lives in the closed shadow root only.
    const token = src.slice(PANEL_URL.length + 1);
    const pageSees = [...document.querySelectorAll('*')].flatMap((element) => [
      element.textContent ?? '',
      ...[...element.attributes].map((attribute) => attribute.value),
    ]);
    expect(pageSees.some((text) => text.includes(token))).toBe(false);
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('registers the token with the background before the frame loads', async () => {
    let registered: () => void = () => {};
    const register = vi.fn<Register>(
      () => new Promise((resolve) => (registered = () => resolve({ ok: true }))),
    );
    const { panel, shadow } = createWithShadow(undefined, register);
    panel.open();
    expect(register).toHaveBeenCalledTimes(1);
    const token = register.mock.calls[0]![0];
    expect(token).toMatch(TOKEN);
    // The frame exists (the rail can show) but loads nothing until the background knows its token.
    expect(shadow.querySelector('iframe')).not.toBeNull();
    await settle();
    expect(srcOf(shadow)).toBeNull();
    registered();
    await settle();
    expect(srcOf(shadow)).toBe(`${PANEL_URL}#${token}`);
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('still loads the frame when registering fails (it then shows no event, but the user sees the panel)', async () => {
    const register = vi.fn<Register>(async () => {
      throw new Error('the background is gone');
    });
    const { panel, shadow } = createWithShadow(undefined, register);
    panel.showRail();
    await settle();
    const token = register.mock.calls[0]![0];
    expect(token).toMatch(TOKEN);
    expect(srcOf(shadow)).toBe(`${PANEL_URL}#${token}`);
  });

  it('without a register option, tells the background through panel/frame-opened', async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
      sent.push(message);
      return { ok: true, data: { ok: true } };
    }) as never);
    const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    const panel = createPanelHost({ panelUrl: PANEL_URL, topOffset: () => 0 });
    const shadow = attach.mock.results[0]?.value as ShadowRoot;
    attach.mockRestore();
    panel.open();
    await settle();
    const token = tokenOf(shadow)!;
    expect(token).toMatch(TOKEN);
    expect(sent).toEqual([{ kind: 'panel/frame-opened', token }]);
  });

  it('gives every host its own token', async () => {
    const hosts = [createWithShadow(), createWithShadow(), createWithShadow()];
    for (const { panel } of hosts) panel.open();
    await settle();
    const tokens = hosts.map(({ shadow }) => tokenOf(shadow));
    for (const token of tokens) expect(token).toMatch(TOKEN);
    expect(new Set(tokens).size).toBe(hosts.length);
    hosts.forEach(({ register }, i) => expect(register).toHaveBeenCalledWith(tokens[i]));
  });

  it('newFrameToken: 32 lowercase hex characters, from the browser’s random source', () => {
    const random = vi.spyOn(crypto, 'getRandomValues');
    const tokens = Array.from({ length: 200 }, () => newFrameToken());
    for (const token of tokens) expect(token).toMatch(TOKEN);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(random).toHaveBeenCalledTimes(tokens.length);
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

  it('opened by the user, it takes focus, and gives it back to what had it when closed with ×', () => {
    const badge = document.createElement('button');
    document.body.append(badge);
    badge.focus();
    const { panel, shadow } = createWithShadow();
    panel.open(true);
    expect(document.activeElement).not.toBe(badge);
    expect(shadow.activeElement).toBe(shadow.querySelector('iframe'));
    buttonsOf(shadow).close.click();
    expect(document.activeElement).toBe(badge);
    badge.remove();
  });

  it('opened for the page (Meet: a call starts), it leaves focus where it is', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const { panel } = createWithShadow();
    panel.open();
    expect(document.activeElement).toBe(input);
    input.remove();
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
