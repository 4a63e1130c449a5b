/**
 * A fixed "now" for a whole test file: only `Date` is faked (IndexedDB's and the DOM's timers keep
 * running), so every stored `createdAt`, history `at` and "today" is `now`. Real time comes back after each.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export function useFixedDate(now: number): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
