import type { Page } from 'playwright-core';

/**
 * Resolves once the page has shown a frame of its current layout. Duet's panel is an out-of-process frame,
 * and the browser sends a click to the frame that was under it in the last frame shown, not by the DOM:
 * right after the panel closes or collapses (its box already gone from the DOM), a click where it was goes
 * to the hidden panel, which drops it. Two animation frames: the layout is painted and presented.
 */
export async function presented(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}
