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
    button.showBeside(
      popover(),
      'ZXZlbnQ',
      () => undefined,
      () => window.innerWidth,
    );
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

  it("stays left of Duet's open panel, and is not drawn over it when there is no room (a covered panel takes no input)", () => {
    const button = createOpenInDuetButton();
    let panelLeft = window.innerWidth;
    const onOpen = () => undefined;
    // The popover's right edge at 700 px: the button's place is 560 px while the panel is closed.
    button.showBeside(popover(new DOMRect(400, 100, 300, 200)), 'ZXZlbnQ', onOpen, () => panelLeft);
    const element = document.querySelector<HTMLButtonElement>(`[${OPEN_BUTTON_ATTRIBUTE}]`)!;
    Object.defineProperty(element, 'offsetWidth', { configurable: true, get: () => 110 });
    button.place();
    expect(element.style.left).toBe('560px');
    expect(element.style.whiteSpace).toBe('nowrap');
    // The panel opens from 600 px: the button's right edge stays 8 px left of it.
    panelLeft = 600;
    button.place();
    expect(element.style.left).toBe('482px');
    expect(element.style.display).toBe('inline-block');
    // A narrow window: the panel takes nearly all of it. No room: not shown.
    panelLeft = 100;
    button.place();
    expect(element.style.display).toBe('none');
    // Closed again: back beside the popover.
    panelLeft = window.innerWidth;
    button.place();
    expect(element.style.display).toBe('inline-block');
    expect(element.style.left).toBe('560px');
    button.destroy();
  });

  it('a synthetic click from a page script does not open anything', () => {
    const onOpen = vi.fn();
    const button = createOpenInDuetButton();
    button.showBeside(popover(new DOMRect(0, 0, 10, 10)), 'ZXZlbnQ', onOpen, () => window.innerWidth);
    const element = document.querySelector<HTMLButtonElement>(`[${OPEN_BUTTON_ATTRIBUTE}]`)!;
    element.click();
    element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onOpen).not.toHaveBeenCalled();
    button.destroy();
  });
});
