/**
 * The Duet database. Versions are append-only: never edit a shipped `version(n)`; add `version(n+1)`
 * with its `upgrade()` and a test that starts from data of version n.
 */
import Dexie, { type Table } from 'dexie';
import type { Note } from './schema';

export const DATABASE_NAME = 'duet';

export class DuetDatabase extends Dexie {
  notes!: Table<Note, string>;

  constructor(name: string = DATABASE_NAME) {
    // Strict durability: a save resolves only once it is on disk (SECURITY.md item 20).
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      notes: 'eventKey, seriesKey, updatedAt',
    });
  }
}

let shared: DuetDatabase | null = null;

/** The one shared instance for an extension page or the worker. */
export function getDatabase(): DuetDatabase {
  shared ??= new DuetDatabase();
  return shared;
}

/** Tests only: swap in a fresh database. */
export function setDatabaseForTests(db: DuetDatabase | null): void {
  shared = db;
}
