/** Rendering and user actions for the options page's component tests (happy-dom). */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { useRenderContainer } from '../../helpers/dom-container';

/**
 * Call once at the top of a test file: each test gets a fresh container, unmounted after it. Returns
 * `mount`, which renders into that test's container and returns it.
 */
export function useMount(): (node: ComponentChild) => Promise<HTMLElement> {
  const container = useRenderContainer();
  return async (node) => {
    await act(() => {
      render(node, container());
    });
    return container();
  };
}

export function q<T extends Element = HTMLElement>(root: ParentNode, testId: string): T {
  const found = root.querySelector<T>(`[data-testid="${testId}"]`);
  if (!found) throw new Error(`no [data-testid=${testId}]`);
  return found;
}

export function all<T extends Element = HTMLElement>(root: ParentNode, testId: string): T[] {
  return [...root.querySelectorAll<T>(`[data-testid="${testId}"]`)];
}

export async function type(element: Element, value: string): Promise<void> {
  await act(() => {
    (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function change(element: Element, value?: string): Promise<void> {
  await act(() => {
    if (value !== undefined) (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(element: Element): Promise<void> {
  await act(() => {
    (element as HTMLElement).click();
  });
}

export async function press(element: Element, key: string): Promise<void> {
  await act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

export async function submit(form: Element): Promise<void> {
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

/** Waits (real timers) until the check passes: IndexedDB and live queries settle asynchronously. */
export async function until(check: () => void): Promise<void> {
  await vi.waitFor(check, { timeout: 3000, interval: 10 });
}

export function text(root: ParentNode, testId: string): string {
  return q(root, testId).textContent ?? '';
}
