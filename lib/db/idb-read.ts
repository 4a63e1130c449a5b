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

/**
 * The tables of the latest schema version and their indexes (a table dropped by a later version is left
 * out). Dexie's specs name the primary key first, then the indexes (`*` multi-entry, `&` unique).
 */
export function latestSchema(): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const version of Object.values(SCHEMA_VERSIONS)) {
    for (const [table, spec] of Object.entries(version)) {
      if (spec === null) tables.delete(table);
      else
        tables.set(
          table,
          spec
            .split(',')
            .slice(1)
            .map((index) => index.trim().replace(/^[*&]/, '')),
        );
    }
  }
  return tables;
}

/** Every table and index of the latest schema is there (what the readers may use). */
function hasLatestSchema(db: IDBDatabase): boolean {
  const schema = latestSchema();
  if (db.version < LATEST_IDB_VERSION) return false;
  if (![...schema.keys()].every((table) => db.objectStoreNames.contains(table))) return false;
  const tx = db.transaction([...schema.keys()], 'readonly');
  return [...schema].every(([table, indexes]) => {
    const names = tx.objectStore(table).indexNames;
    return indexes.every((index) => names.contains(index));
  });
}

/**
 * Duet's database, opened for reading at whatever version it has — or null when it does not exist yet
 * (the open is aborted before anything is created) or lacks a table or index of the latest schema (Dexie
 * must upgrade it first). The connection closes itself when another one needs to upgrade the database.
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
      // Not upgraded yet: Dexie upgrades it. (Dexie may have bumped the native version past ours to add a
      // missing part; such a database has everything, so any version from the latest up is read.)
      if (!hasLatestSchema(db)) {
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
