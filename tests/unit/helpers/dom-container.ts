/**
 * A fresh element in the page for each test to render Preact components into, so component test files stop
 * repeating their own set-up and tear-down. The container is unmounted inside `act` (effect clean-ups and
 * unmount-time saves run before the next test starts) and then taken out of the page.
 *
 * Call it once at the top of a file or a `describe`, and read the container through the returned function
 * (a new one each test). Add your own set-up and tear-down with your own `beforeEach`/`afterEach`. Vitest
 * runs `afterEach` hooks in the reverse order they were registered: one registered after this call runs
 * before the unmount; register it before this call when it has to run after (say, clearing storage that
 * the unmount may write).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

export function useRenderContainer(): () => HTMLElement {
  let container: HTMLElement | undefined;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(async () => {
    const current = container!;
    await act(() => {
      render(null, current);
    });
    current.remove();
    container = undefined;
  });
  return () => {
    if (!container) throw new Error('the render container exists only while a test runs');
    return container;
  };
}
