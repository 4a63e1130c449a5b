/**
 * The panels move keyboard focus by themselves only while their page has the keyboard: in the in-page
 * panel (a frame in Google's page) the user may be in Meet's or Calendar's own controls, and the frame's
 * `activeElement` then still reads as its body.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusIsFree, focusStillOn } from '@/components/panel/focus-guard';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('focus guard', () => {
  it('focus lost on the body, or inside the panel: free to move, while the page has the keyboard', () => {
    const panel = document.createElement('section');
    const inside = document.createElement('button');
    const outside = document.createElement('input');
    panel.append(inside);
    document.body.append(panel, outside);
    (document.activeElement as HTMLElement | null)?.blur();
    expect(focusIsFree(panel)).toBe(true);
    inside.focus();
    expect(focusIsFree(panel)).toBe(true);
    expect(focusStillOn(inside)).toBe(true);
    outside.focus();
    expect(focusIsFree(panel)).toBe(false);
    expect(focusStillOn(inside)).toBe(false);
  });

  it('never while the page (the panel’s frame) does not have the keyboard: the user is in Google’s page', () => {
    const panel = document.createElement('section');
    const pressed = document.createElement('button');
    panel.append(pressed);
    document.body.append(panel);
    (document.activeElement as HTMLElement | null)?.blur();
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    expect(focusIsFree(panel)).toBe(false);
    expect(focusStillOn(pressed)).toBe(false);
  });
});
