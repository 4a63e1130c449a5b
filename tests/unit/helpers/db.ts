/**
 * tests/unit/setup.ts already gives every test a fresh database (and points Dexie at it). Kept so test
 * files can say explicitly that they use the database.
 */
export function useFreshDatabase(): void {
  // Nothing to do: see tests/unit/setup.ts.
}
