/**
 * Keyboard checks shared by the E2E files: what has focus (and whether it shows), Tab until a control has
 * it, and "every control is reached with Tab and shows where focus is" for a surface (the panel, the
 * popup, the options page).
 */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

/** What has focus in the page or frame, as a stable description (null when focus left it). */
export function focused(target: Page | Frame) {
  return target.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || !document.hasFocus()) return null;
    /** Drawn at all: no ancestor makes it transparent or invisible. */
    const shown = (node: Element) => {
      if (node.getClientRects().length === 0) return false;
      for (let at: Element | null = node; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (Number(style.opacity) === 0 || style.visibility === 'hidden') return false;
      }
      return true;
    };
    const ring = (node: Element) => {
      const style = getComputedStyle(node);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return outlined || style.boxShadow !== 'none';
    };
    // The control's own ring, or, for a control drawn by its label (a filter chip around a transparent
    // radio, a button-styled label for a hidden file input), the label's.
    const labels = [...((el as HTMLInputElement).labels ?? [])];
    const candidates = [el, ...labels].filter(shown);
    return {
      id: el.getAttribute('data-duet-a11y-id'),
      testId: el.getAttribute('data-testid'),
      agreementId: el.closest('[data-agreement-id]')?.getAttribute('data-agreement-id') ?? null,
      tag: el.tagName.toLowerCase(),
      visibleFocus: candidates.some(ring),
    };
  });
}

export type Focused = Awaited<ReturnType<typeof focused>>;

export async function tabUntil(
  page: Page,
  target: Page | Frame,
  wanted: (f: Focused) => boolean,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  max = 120,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (wanted(await focused(target))) return;
  }
  throw new Error(`focus never reached the wanted control with ${key}`);
}

export interface ReachableOptions {
  /** The surface's root: its controls are the ones that must be reached (default: the whole page). */
  root?: string;
  /** Sets where Tab starts: clicks something that takes no focus at the top of the surface. */
  start: (target: Page | Frame) => Promise<void>;
  /** At least this many controls (so an empty or unloaded surface cannot pass). */
  atLeast?: number;
}

/**
 * Tabs from the top of a surface to its end: every enabled control on screen must take focus, and show
 * it. A radio group is one Tab stop (its checked radio; arrow keys move within it).
 */
export async function expectAllReachable(
  page: Page,
  target: Page | Frame,
  label: string,
  { root = 'body', start, atLeast = 5 }: ReachableOptions,
): Promise<void> {
  const total = await target.evaluate((root) => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        `${root} :is(button, input, select, textarea, summary, a[href], [tabindex="0"]):not([disabled]):not([tabindex="-1"])`,
      ),
    ]
      // On screen (a visually hidden input still has a box; one not rendered cannot take focus).
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[inert]'))
      .filter((el) => {
        if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
        const group = [...document.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter(
          (radio) => radio.name === el.name && radio.form === el.form && !radio.disabled,
        );
        return el === (group.find((radio) => radio.checked) ?? group[0]);
      });
    document.querySelectorAll('[data-duet-a11y-id]').forEach((el) => el.removeAttribute('data-duet-a11y-id'));
    controls.forEach((el, index) => el.setAttribute('data-duet-a11y-id', String(index)));
    return controls.length;
  }, root);
  expect(total, `${label}: controls on screen`).toBeGreaterThanOrEqual(atLeast);
  await start(target);
  const seen = new Set<string>();
  const noVisibleFocus: string[] = [];
  for (let i = 0; i < total * 2 + 10; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(target);
    if (now === null) break; // left the surface
    if (now.id !== null) {
      // Round again from the top: every control has had its turn.
      if (seen.has(now.id) && seen.size >= total) break;
      seen.add(now.id);
    }
    if (!now.visibleFocus) noVisibleFocus.push(`${now.tag}${now.testId ? `[${now.testId}]` : ''}`);
  }
  const missed = await target.evaluate(
    (ids) =>
      [...document.querySelectorAll<HTMLElement>('[data-duet-a11y-id]')]
        .filter((el) => !ids.includes(el.getAttribute('data-duet-a11y-id')!))
        .map((el) => `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.className}]`),
    [...seen],
  );
  expect(missed, `${label}: controls Tab never reaches`).toEqual([]);
  expect([...new Set(noVisibleFocus)], `${label}: focus not visible on`).toEqual([]);
}
