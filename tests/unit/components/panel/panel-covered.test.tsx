/**
 * The in-page panel while the page covers its frame (the clickjacking guard): the header and the body take no
 * input, and a line outside them says why — announced, so not inside the inert part.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useRenderContainer } from '../../helpers/dom-container';

let report: (visible: boolean) => void = () => undefined;
vi.mock('@/components/panel/visibility-guard', () => ({
  guardVisibility: (_target: Element, onChange: (visible: boolean) => void) => {
    report = onChange;
    return () => undefined;
  },
}));

const { PanelApp } = await import('@/components/panel/PanelApp');
const container = useRenderContainer();

describe('the in-page panel, covered by the page', () => {
  it('takes no input and says so, in a live region outside what it shields', async () => {
    await act(() => render(<PanelApp onDataChanged={() => undefined} />, container()));
    const note = container().querySelector<HTMLElement>('[data-testid=panel-covered]')!;
    const shielded = container().querySelector<HTMLElement>('.panel-shielded')!;
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toBe('');
    expect(shielded.inert).toBe(false);

    await act(() => report(false));
    expect(shielded.inert).toBe(true);
    expect(note.textContent).toContain('Something on the page is over Duet');
    // Nothing it is inside is inert: a screen reader hears it.
    for (let el: HTMLElement | null = note; el; el = el.parentElement) expect(el.inert).toBe(false);
    expect(container().querySelector('main')!.getAttribute('data-covered')).toBe('true');

    await act(() => report(true));
    expect(shielded.inert).toBe(false);
    expect(note.textContent).toBe('');
  });
});
