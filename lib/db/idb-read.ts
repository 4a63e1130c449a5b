/**
 * Reading Duet's database with raw IndexedDB, for the one page that must not wait for Dexie and zod to
 * load before it shows anything: the toolbar popup (its first paint; ARCHITECTURE.md, "The popup's first
 * read"). Read-only: this module never creates, upgrades or writes the database. When the database is
 * missing or at a version it does not know, `openForReading` answers null and the caller opens it with
 * Dexie (`database.ts`), which owns the schema and its upgrades.
 */
import { DATABASE_NAME, LATEST_IDB_VERSION, SCHEMA_VERSIONS } from './schema';

/** A request's result as a promise (resolved in its success event, so the transaction is still active). */
export function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** The tables of the latest schema version (a table dropped by a later version is left out). */
export function latestTables(): string[] {
  const tables = new Set<string>();
  for (const version of Object.values(SCHEMA_VERSIONS)) {
    for (const [table, spec] of Object.entries(version)) {
      if (spec === null) tables.delete(table);
      else tables.add(table);
    }
  }
  return [...tables];
}

/**
 * Duet's database, opened for reading at whatever version it has — or null when it does not exist yet
 * (the open is aborted before anything is created) or is not the latest version (Dexie must upgrade it
 * first). The connection closes itself when another one needs to upgrade the database.
 */
export function openForReading(
  factory: IDBFactory = indexedDB,
  name: string = DATABASE_NAME,
): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    let missing = false;
    request.onupgradeneeded = () => {
      // Only a database that does not exist yet gets here (no version was asked for): never create it.
      missing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      const tables = latestTables();
      if (
        db.version !== LATEST_IDB_VERSION ||
        !tables.every((table) => db.objectStoreNames.contains(table))
      ) {
        db.close();
        resolve(null);
        return;
      }
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      if (missing) {
        event.preventDefault();
        resolve(null);
      } else {
        reject(request.error ?? new Error('IndexedDB open failed'));
      }
    };
  });
}

/**
 * Up to `limit` records of a range, in key order (or reversed), that pass `keep`: one getAll when every
 * record is kept, else a cursor that stops at the limit.
 */
export function collect<T>(
  source: IDBObjectStore | IDBIndex,
  range: IDBKeyRange | null,
  limit: number = Infinity,
  keep?: (value: T) => boolean,
  direction: IDBCursorDirection = 'next',
): Promise<T[]> {
  if (limit <= 0) return Promise.resolve([]);
  if (!keep && direction === 'next') {
    return result(source.getAll(range, Number.isFinite(limit) ? limit : undefined)) as Promise<T[]>;
  }
  return new Promise((resolve, reject) => {
    const found: T[] = [];
    const request = source.openCursor(range, direction);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        resolve(found);
        return;
      }
      const value = cursor.value as T;
      if (!keep || keep(value)) found.push(value);
      if (found.length >= limit) resolve(found);
      else cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cursor failed'));
  });
}

/** How many records a range holds, stopping at `cap` (reads primary keys only). */
export async function cappedCount(
  source: IDBObjectStore | IDBIndex,
  range: IDBKeyRange | null,
  cap: number,
): Promise<number> {
  return (await result(source.getAllKeys(range, cap))).length;
}
