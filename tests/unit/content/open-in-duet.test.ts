/** "Open in Duet" beside the popover: carries no private data and ignores clicks a page script makes. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenInDuetButton, OPEN_BUTTON_ATTRIBUTE } from '@/lib/content/open-in-duet';
import { stubI18n } from './i18n-stub';

stubI18n();

afterEach(() => {
  document.querySelectorAll(`[${OPEN_BUTTON_ATTRIBUTE}]`).forEach((node) => node.remove());
  document.body.replaceChildren();
});

/** Calendar's details popover, placed at `rect`. */
function popover(rect = new DOMRect(100, 100, 300, 200)): HTMLElement {
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.getBoundingClientRect = () => rect;
  document.body.append(dialog);
  return dialog;
}

describe('createOpenInDuetButton', () => {
  it('shows beside the popover with only the event id, and hides', () => {
    const button = createOpenInDuetButton();
    button.showBeside(popover(), 'ZXZlbnQ', () => undefined);
    const element = document.querySelector<HTMLButtonElement>(`[${OPEN_BUTTON_ATTRIBUTE}]`)!;
    expect(element.parentElement).toBe(document.documentElement);
    expect(element.getAttribute('data-duet-event-id')).toBe('ZXZlbnQ');
    expect(element.textContent).toBe('Open in Duet');
    expect(element.style.display).toBe('inline-block');
    // Below the popover, its right edges lined up (the button is ~140 px wide).
    expect(element.style.top).toBe('308px');
    expect(element.style.left).toBe('260px');
    button.hide();
    expect(element.style.display).toBe('none');
    button.destroy();
    expect(document.querySelector(`[${OPEN_BUTTON_ATTRIBUTE}]`)).toBeNull();
  });

  it('a synthetic click from a page script does not open anything', () => {
    const onOpen = vi.fn();
    const button = createOpenInDuetButton();
    button.showBeside(popover(new DOMRect(0, 0, 10, 10)), 'ZXZlbnQ', onOpen);
    const element = document.querySelector<HTMLButtonElement>(`[${OPEN_BUTTON_ATTRIBUTE}]`)!;
    element.click();
    element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onOpen).not.toHaveBeenCalled();
    button.destroy();
  });
});
