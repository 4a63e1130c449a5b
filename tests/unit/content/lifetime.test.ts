/** A content script stops only when its extension is really gone — never because the page says so. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentLifetime, runtimeAlive } from '@/lib/content/lifetime';

afterEach(() => {
  vi.useRealTimers();
});

describe('contentLifetime', () => {
  it('ignores WXT aborting the context while the extension is still there (a forged "newer script")', () => {
    const wxt = new AbortController();
    const { signal } = contentLifetime(wxt.signal, () => true);
    wxt.abort('Content script context invalidated');
    expect(signal.aborted).toBe(false);
  });

  it('stops when WXT aborts and the extension is gone', () => {
    const wxt = new AbortController();
    const { signal } = contentLifetime(wxt.signal, () => false);
    expect(signal.aborted).toBe(false);
    wxt.abort();
    expect(signal.aborted).toBe(true);
  });

  it('notices an orphaned script by itself (reload without a newer script), and then stops checking', () => {
    vi.useFakeTimers();
    let alive = true;
    const check = vi.fn(() => alive);
    const { signal } = contentLifetime(new AbortController().signal, check, 1000);
    vi.advanceTimersByTime(3000);
    expect(signal.aborted).toBe(false);
    alive = false;
    vi.advanceTimersByTime(1000);
    expect(signal.aborted).toBe(true);
    const calls = check.mock.calls.length;
    vi.advanceTimersByTime(5000);
    expect(check.mock.calls.length).toBe(calls);
  });
});

describe('runtimeAlive', () => {
  it('is true only with a runtime id, and false when reading it throws', () => {
    expect(runtimeAlive({ id: 'abc' })).toBe(true);
    expect(runtimeAlive({})).toBe(false);
    expect(runtimeAlive(undefined)).toBe(false);
    const throwing = Object.defineProperty({}, 'id', {
      get() {
        throw new Error('Extension context invalidated.');
      },
    });
    expect(runtimeAlive(throwing)).toBe(false);
  });
});
