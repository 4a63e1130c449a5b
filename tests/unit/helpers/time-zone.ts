/**
 * Time zones in unit tests: `process.env.TZ` changes Node's local time at once. Whatever a test file sets,
 * the zone the worker started with comes back after each test (an unset TZ stays unset: never "undefined").
 */
import { afterEach, beforeEach } from 'vitest';

/** After each test of the file, puts back the zone the worker started with. */
export function restoreTimeZoneAfterEach(): void {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
}

/** Every test of the file runs in `zone` (and the original comes back after each). */
export function useTimeZone(zone: string): void {
  beforeEach(() => {
    process.env.TZ = zone;
  });
  restoreTimeZoneAfterEach();
}
