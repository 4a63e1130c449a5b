import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Listener = (...args: never[]) => unknown;

/**
 * Records every `addListener` of WXT's fake browser (some events, like runtime.onConnect or commands, are
 * not implemented by it), by path ('runtime.onMessage', 'commands.onCommand', …). Call before the code that
 * registers them.
 */
export function recordListeners(): Map<string, Listener[]> {
  const listeners = new Map<string, Listener[]>();
  const visit = (node: unknown, path: string, depth: number) => {
    if (depth > 3 || node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (
        child !== null &&
        typeof child === 'object' &&
        typeof (child as { addListener?: unknown }).addListener === 'function'
      ) {
        vi.spyOn(child as { addListener: Listener }, 'addListener').mockImplementation(((
          listener: Listener,
        ) => {
          listeners.set(`${path}${key}`, [...(listeners.get(`${path}${key}`) ?? []), listener]);
        }) as never);
      } else visit(child, `${path}${key}.`, depth + 1);
    }
  };
  visit(fakeBrowser, '', 0);
  return listeners;
}
