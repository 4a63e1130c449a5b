/**
 * The "Open in Duet" button shown beside Calendar's event-details popover. It lives in our own element on
 * the root (never inside Google's re-rendered popover subtree) and carries no private data. For the keyboard
 * it joins the popover's Tab order: Tab on the popover's last control reaches it, and Tab on it goes back to
 * the popover's first control (Shift+Tab the other way round).
 */
import { msg } from './i18n';

export const OPEN_BUTTON_ATTRIBUTE = 'data-duet-open-popover';

/** What takes focus with Tab inside the popover. */
const TABBABLE = 'a[href],button:enabled,input:enabled,select,textarea,[tabindex="0"]';

export interface OpenInDuetButton {
  /**
   * Shows it beside the popover `dialog` (its place read once, here), bound to this event, left of
   * `panelLeft()` (where Duet's panel starts): over the panel it would cover it, and a covered panel takes
   * no input (its clickjacking guard).
   */
  showBeside(dialog: Element, dataEventId: string, onOpen: () => void, panelLeft: () => number): void;
  /** Places it again (the panel opened, collapsed or closed); hidden while there is no room beside it. */
  place(): void;
  hide(): void;
  destroy(): void;
}

export function createOpenInDuetButton(): OpenInDuetButton {
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute(OPEN_BUTTON_ATTRIBUTE, '');
  button.textContent = msg('content_open_in_duet');
  button.title = msg('content_open_in_duet_title');
  button.style.cssText = 'all: initial';
  Object.assign(button.style, {
    position: 'fixed',
    zIndex: '2147483001',
    display: 'none',
    padding: '6px 12px',
    borderRadius: '16px',
    background: '#5b3fd6',
    color: '#ffffff',
    font: '600 13px/18px system-ui, sans-serif',
    whiteSpace: 'nowrap',
    cursor: 'pointer',
    boxShadow: '0 2px 8px rgba(32, 33, 36, 0.3)',
  } satisfies Partial<CSSStyleDeclaration>);
  let action: (() => void) | null = null;
  let dialog: Element | null = null;
  let panelLeft = () => window.innerWidth;
  // `all: initial` takes the browser's focus ring away: a keyboard user gets one of ours.
  button.addEventListener('focus', () => {
    if (button.matches(':focus-visible')) button.style.outline = '2px solid #1a73e8';
  });
  button.addEventListener('blur', () => {
    button.style.outline = '';
  });
  button.style.outlineOffset = '2px';
  /**
   * Tab on the popover's last control, or Shift+Tab on its first, reaches the button; Tab on the button goes
   * to the first, Shift+Tab to the last. The controls are read on a Tab key only, never while Calendar renders.
   */
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !dialog || !action || !event.isTrusted) return;
    const active = document.activeElement;
    const inside = [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter(
      (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
    );
    const back = event.shiftKey;
    const next =
      active === button ? inside.at(back ? -1 : 0) : active === inside.at(back ? 0 : -1) ? button : null;
    if (!next) return;
    event.preventDefault();
    event.stopPropagation();
    next.focus();
  };
  document.addEventListener('keydown', onKey, true);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    // Only the user's own click: a page script's button.click() must not switch the panel's meeting.
    if (!event.isTrusted) return;
    action?.();
  });
  // Keep Calendar from treating a press on our button as a click outside its popover.
  for (const type of ['mousedown', 'pointerdown', 'mouseup'])
    button.addEventListener(type, (e) => e.stopPropagation());
  document.documentElement.append(button);

  const api: OpenInDuetButton = {
    showBeside(popover, dataEventId, onOpen, left) {
      action = onOpen;
      dialog = popover;
      panelLeft = left;
      button.setAttribute('data-duet-event-id', dataEventId);
      api.place();
    },
    place() {
      if (!dialog || !action) return;
      const anchor = dialog.getBoundingClientRect();
      const below = anchor.bottom + 8;
      const top = below + 36 > window.innerHeight ? Math.max(8, anchor.top - 40) : below;
      button.style.top = `${Math.round(top)}px`;
      button.style.display = 'inline-block';
      const left = Math.min(anchor.right - 140, panelLeft() - button.offsetWidth - 8);
      button.style.left = `${Math.round(Math.max(8, left))}px`;
      // No room left of the panel (a narrow window with the panel open): not drawn over it.
      if (left < 8 && panelLeft() < window.innerWidth) button.style.display = 'none';
    },
    hide() {
      action = null;
      dialog = null;
      button.style.display = 'none';
    },
    destroy() {
      document.removeEventListener('keydown', onKey, true);
      button.remove();
    },
  };
  return api;
}
