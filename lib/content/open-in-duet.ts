/**
 * The "Open in Duet" button shown beside Calendar's event-details popover. It lives in our own element on
 * the root (never inside Google's re-rendered popover subtree) and carries no private data.
 */
import { msg } from './i18n';

export const OPEN_BUTTON_ATTRIBUTE = 'data-duet-open-popover';

export interface OpenInDuetButton {
  showBeside(anchor: DOMRect, dataEventId: string, onOpen: () => void): void;
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
    cursor: 'pointer',
    boxShadow: '0 2px 8px rgba(32, 33, 36, 0.3)',
  } satisfies Partial<CSSStyleDeclaration>);
  let action: (() => void) | null = null;
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

  return {
    showBeside(anchor, dataEventId, onOpen) {
      action = onOpen;
      button.setAttribute('data-duet-event-id', dataEventId);
      const below = anchor.bottom + 8;
      const top = below + 36 > window.innerHeight ? Math.max(8, anchor.top - 40) : below;
      button.style.top = `${Math.round(top)}px`;
      button.style.left = `${Math.round(Math.max(8, anchor.right - 140))}px`;
      button.style.display = 'inline-block';
    },
    hide() {
      action = null;
      button.style.display = 'none';
    },
    destroy() {
      button.remove();
    },
  };
}
