/**
 * The in-page panel: an extension-origin iframe (panel.html) inside a closed shadow root, docked on the
 * right below the host site's header (narrower in a window narrower than the panel, so its rail stays on screen). The page sees only the host element `[data-duet-panel]`; note
 * contents live in the iframe, which the page cannot read (cross-origin).
 */
import { sendFromContent } from '../messaging/content-client';
import { isOk } from '../messaging/guards';
import { msg } from './i18n';

export const PANEL_HOST_ATTRIBUTE = 'data-duet-panel';
const PANEL_WIDTH_PX = 380;
const COLLAPSED_WIDTH_PX = 28;

export interface PanelHost {
  /**
   * `focus`: the user opened it (a badge, the pill, the shortcut): focus moves into the panel, and back to
   * where it was when the panel is closed with its × (never on Meet's own opening: that would take focus
   * from the call).
   */
  open(focus?: boolean): void;
  collapse(): void;
  /** Collapsed to its rail even from closed (Meet: an offer that must not cover the call). */
  showRail(): void;
  /** Focus inside the panel (or `refocus`) goes back to where it was when the user opened it. */
  close(refocus?: boolean): void;
  readonly state: 'closed' | 'open' | 'collapsed';
  /** Where the panel's left edge is on screen (the window's width while it is closed): read on demand. */
  left(): number;
  destroy(): void;
}

export interface PanelHostOptions {
  panelUrl: string;
  /**
   * Tells the background which frame is ours before it loads (a page can frame panel.html itself; only the
   * frame carrying this token is told the tab's event). Resolves once registered.
   */
  register?: (token: string) => Promise<unknown>;
  /** Where the panel's top edge goes: the bottom of the host site's header (measured on state changes, never per mutation). */
  topOffset: () => number;
  /** The user closed the panel with its × (not called for `close()` from code). */
  onUserClose?: () => void;
  /** After each change of state (opened, collapsed, closed): what sits beside the panel can make room. */
  onLayout?: () => void;
}

const HOST_CSS = `
  :host { all: initial; }
  .frame { position: fixed; right: 0; bottom: 0; display: flex; z-index: 2147483000;
    box-shadow: -2px 0 12px rgba(32, 33, 36, 0.18); background: #fff; border-left: 1px solid #dadce0; }
  .frame[hidden] { display: none; }
  .rail { width: ${COLLAPSED_WIDTH_PX}px; display: flex; flex-direction: column; align-items: center; gap: 6px;
    padding-top: 8px; background: #f6f4ff; border-right: 1px solid #e3defa; }
  button { all: unset; box-sizing: border-box; width: 22px; height: 22px; border-radius: 6px; cursor: pointer;
    display: grid; place-items: center; color: #3b2a7a; font: 600 14px/1 system-ui, sans-serif; }
  button:hover { background: #e3defa; }
  button:focus-visible { outline: 2px solid #5b3fd6; outline-offset: 1px; }
  .label { writing-mode: vertical-rl; font: 600 11px system-ui, sans-serif; color: #5b3fd6; letter-spacing: 1px; margin-top: 4px; }
  iframe { border: 0; width: min(${PANEL_WIDTH_PX - COLLAPSED_WIDTH_PX}px, calc(100vw - ${COLLAPSED_WIDTH_PX}px));
    height: 100%; color-scheme: normal; }
  .frame.collapsed iframe { display: none; }
  @media (prefers-color-scheme: dark) {
    .frame { background: #17181d; border-left-color: #33353f; box-shadow: -2px 0 12px rgba(0, 0, 0, 0.5); }
    .rail { background: #1f2027; border-right-color: #33353f; }
    button { color: #e2dcff; }
    button:hover { background: #2a2446; }
    button:focus-visible { outline-color: #a993ff; }
    .label { color: #a993ff; }
  }
`;

function registerWithBackground(token: string): Promise<unknown> {
  return sendFromContent({ kind: 'panel/frame-opened', token }, isOk);
}

/** 128 random bits as hex: the frame's capability (never shown to the page: it lives in a closed shadow root). */
export function newFrameToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createPanelHost(options: PanelHostOptions): PanelHost {
  const host = document.createElement('div');
  host.setAttribute(PANEL_HOST_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: 'closed' });

  const style = document.createElement('style');
  style.textContent = HOST_CSS;
  const frame = document.createElement('div');
  frame.className = 'frame';
  frame.hidden = true;

  const rail = document.createElement('div');
  rail.className = 'rail';
  const toggle = document.createElement('button');
  toggle.type = 'button';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', msg('content_panel_close'));
  close.title = msg('content_panel_close_short');
  const label = document.createElement('span');
  label.className = 'label';
  label.textContent = msg('content_panel_rail_label');
  label.setAttribute('aria-hidden', 'true');
  rail.append(toggle, close, label);

  let iframe: HTMLIFrameElement | null = null;
  let state: PanelHost['state'] = 'closed';

  const render = () => {
    frame.hidden = state === 'closed';
    frame.classList.toggle('collapsed', state === 'collapsed');
    frame.style.top = `${Math.max(0, Math.round(options.topOffset()))}px`;
    toggle.textContent = state === 'collapsed' ? '‹' : '›';
    toggle.setAttribute(
      'aria-label',
      msg(state === 'collapsed' ? 'content_panel_expand' : 'content_panel_collapse'),
    );
    toggle.title = msg(state === 'collapsed' ? 'content_panel_expand_short' : 'content_panel_collapse_short');
    toggle.setAttribute('aria-expanded', String(state === 'open'));
    options.onLayout?.();
  };

  const ensureIframe = () => {
    if (iframe) return;
    const token = newFrameToken();
    iframe = document.createElement('iframe');
    iframe.title = msg('content_panel_frame_title');
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    // "Copy as Markdown" in the session summary: a cross-origin frame may write the clipboard only if allowed.
    iframe.setAttribute('allow', 'clipboard-write');
    const created = iframe;
    const load = () => {
      created.src = `${options.panelUrl}#${token}`;
    };
    const register = options.register ?? registerWithBackground;
    void register(token).then(load, load);
    frame.append(iframe);
  };

  toggle.addEventListener('click', () => {
    state = state === 'collapsed' ? 'open' : 'collapsed';
    render();
  });
  /** What had focus when the user opened the panel: it gets it back when the panel is closed. */
  let opener: HTMLElement | null = null;
  close.addEventListener('click', () => {
    api.close(true);
    options.onUserClose?.();
  });

  frame.append(rail);
  shadow.append(style, frame);
  // Outside <body>: Calendar re-renders body subtrees, never the root element's children.
  document.documentElement.append(host);

  const api: PanelHost = {
    open(focus = false) {
      ensureIframe();
      state = 'open';
      render();
      if (!focus) return;
      if (!host.contains(document.activeElement)) opener = document.activeElement as HTMLElement | null;
      iframe?.focus();
    },
    collapse() {
      if (state === 'closed') return;
      state = 'collapsed';
      render();
    },
    showRail() {
      ensureIframe();
      state = 'collapsed';
      render();
    },
    close(refocus = document.activeElement === host) {
      if (refocus && opener?.isConnected) opener.focus();
      opener = null;
      state = 'closed';
      render();
    },
    get state() {
      return state;
    },
    left() {
      return state === 'closed' ? window.innerWidth : frame.getBoundingClientRect().left;
    },
    destroy() {
      host.remove();
    },
  };
  render();
  return api;
}
