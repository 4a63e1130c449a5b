import Dexie, { type DBCore, type DBCoreMutateRequest } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  countRecords,
  createPerson,
  describeStorageProblem,
  DuetDatabase,
  getDatabase,
  getEventNote,
  listPeople,
  saveEventNote,
  SCHEMA_VERSIONS,
  LATEST_VERSION,
  setDatabaseForTests,
} from '@/lib/db';
import { useFixedDate } from '../helpers/clock';

const NOW = Date.UTC(2026, 2, 23, 16, 55);
const event = { eventKey: 'abc123_20260323T170000Z', seriesKey: 'abc123', title: 'Alice / Bob' };

useFixedDate(NOW);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * A DBCore middleware (registered before the database opens) that makes every write to the given tables
 * fail as a full disk would.
 */
function withDisk(db: DuetDatabase): { fill(...tables: string[]): void; free(): void; attempts(): number } {
  const full = new Set<string>();
  let attempts = 0;
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request: DBCoreMutateRequest) {
            if (!full.has(name)) return table.mutate(request);
            attempts++;
            return Promise.reject(quotaError());
          },
        };
      },
    }),
  });
  return {
    fill: (...tables) => tables.forEach((t) => full.add(t)),
    free: () => full.clear(),
    attempts: () => attempts,
  };
}

describe('quota exceeded on save', () => {
  it('saveEventNote rejects, the problem reads as quota, and the stored note is unchanged', async () => {
    const db = getDatabase();
    const saved = await saveEventNote(event, 'Saved before the disk filled up');
    vi.setSystemTime(NOW + 60_000);
    const put = vi.spyOn(db.sessions, 'put').mockImplementation(() => Promise.reject(quotaError()) as never);

    const error = await rejection(saveEventNote(event, 'Typed while the disk was full'));
    expect(put).toHaveBeenCalledTimes(1);
    const problem = describeStorageProblem(error);
    expect(problem.kind).toBe('quota');
    expect(problem.message).toMatch(/Nothing you typed is lost/);

    put.mockRestore();
    expect(await getEventNote(event.eventKey)).toEqual({
      text: 'Saved before the disk filled up',
      updatedAt: saved.updatedAt,
      sessionId: saved.id,
    });
    // Once there is room again, the same text saves.
    await saveEventNote(event, 'Typed while the disk was full');
    expect((await getEventNote(event.eventKey))?.text).toBe('Typed while the disk was full');
  });

  it('a quota failure inside IndexedDB rolls back the whole first save: no orphan series or session', async () => {
    const db = new DuetDatabase('duet-full-disk');
    setDatabaseForTests(db);
    const disk = withDisk(db);
    disk.fill('sessions');

    const error = await rejection(saveEventNote(event, 'First words'));
    expect(disk.attempts()).toBeGreaterThan(0);
    expect(describeStorageProblem(error).kind).toBe('quota');
    expect(await countRecords(db)).toEqual({
      people: 0,
      relationships: 0,
      sessions: 0,
      agreements: 0,
      quarantined: 0,
    });

    disk.free();
    const saved = await saveEventNote(event, 'First words');
    expect(saved.notes).toEqual({ general: 'First words' });
    expect(await countRecords(db)).toMatchObject({ relationships: 1, sessions: 1 });
  });

  it('a quota failure on a later save keeps the previous text', async () => {
    const db = new DuetDatabase('duet-full-disk-later');
    setDatabaseForTests(db);
    const disk = withDisk(db);
    await saveEventNote(event, 'Version 1');
    disk.fill('relationships'); // a table this save does not write: it still works
    await saveEventNote(event, 'Version 2');
    disk.fill('sessions');
    const error = await rejection(saveEventNote(event, 'Version 3'));
    expect(disk.attempts()).toBe(1);
    expect(describeStorageProblem(error).kind).toBe('quota');
    expect((await getEventNote(event.eventKey))?.text).toBe('Version 2');
    disk.free();
    await saveEventNote(event, 'Version 3');
    expect((await getEventNote(event.eventKey))?.text).toBe('Version 3');
  });
});

describe('another Duet page upgrades the database', () => {
  it('closes this connection on versionchange; the next write reopens it and no data is lost', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = new DuetDatabase('duet-versionchange');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    await createPerson({ name: 'Before the update', relation: 'peer' }, db);

    const newer = new Dexie('duet-versionchange');
    for (const [version, stores] of Object.entries(SCHEMA_VERSIONS))
      newer.version(Number(version)).stores(stores);
    newer.version(LATEST_VERSION + 1).stores({ extra: 'id' });
    await newer.open();
    expect(newer.verno).toBe(LATEST_VERSION + 1);
    // Dexie's default versionchange handler closed the old connection so the upgrade could go on.
    expect(db.isOpen()).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Another connection wants to upgrade/));
    await newer.table('extra').put({ id: 'x' });

    // What really happens: the closed connection may auto-open again, so the write succeeds.
    const after = await createPerson({ name: 'After the update', relation: 'peer' }, db);
    expect(db.isOpen()).toBe(true);
    expect((await listPeople({}, db)).map((p) => p.name)).toEqual(['After the update', 'Before the update']);
    expect((await newer.table('people').toArray()).map((p: { name: string }) => p.name).sort()).toEqual([
      'After the update',
      'Before the update',
    ]);
    expect(await newer.table('people').get(after.id)).toEqual(after);
    expect(await newer.table('extra').count()).toBe(1);
    newer.close();
    db.close();
  });

  it('a connection closed for good fails its next write with an error described as "unavailable", losing nothing', async () => {
    const db = new DuetDatabase('duet-closed');
    await db.open();
    await createPerson({ name: 'Kept', relation: 'peer' }, db);
    db.close();
    const error = await rejection(createPerson({ name: 'Lost?', relation: 'peer' }, db));
    expect((error as Error).name).toBe('DatabaseClosedError');
    expect(describeStorageProblem(error).kind).toBe('unavailable');
    const reopened = new DuetDatabase('duet-closed');
    expect((await listPeople({}, reopened)).map((p) => p.name)).toEqual(['Kept']);
    reopened.close();
  });
});

describe('an older Duet over a newer database', () => {
  it('still opens it (Dexie 4 opens at the installed version) and reads and writes its tables', async () => {
    const newer = new Dexie('duet-newer');
    for (const [version, stores] of Object.entries(SCHEMA_VERSIONS))
      newer.version(Number(version)).stores(stores);
    newer.version(LATEST_VERSION + 1).stores({ extra: 'id' });
    await newer.open();
    newer.close();
    const older = new DuetDatabase('duet-newer');
    await older.open();
    await createPerson({ name: 'Written by the older page', relation: 'peer' }, older);
    expect((await listPeople({}, older)).map((p) => p.name)).toEqual(['Written by the older page']);
    older.close();
  });

  it('a VersionError is described as "updated" (reload onto the new code)', () => {
    expect(describeStorageProblem(new DOMException('v', 'VersionError')).kind).toBe('updated');
    expect(describeStorageProblem({ name: 'OpenFailedError', inner: { name: 'VersionError' } }).kind).toBe(
      'updated',
    );
  });
});

describe('strict durability', () => {
  it('is configured on the database', () => {
    expect(getDatabase()._options.chromeTransactionDurability).toBe('strict');
    expect(new DuetDatabase('duet-other')._options.chromeTransactionDurability).toBe('strict');
  });

  it('is passed to every IndexedDB transaction a save opens', async () => {
    const db = new DuetDatabase('duet-durability');
    setDatabaseForTests(db);
    const seen: Array<{ mode: string; requested: unknown; actual: unknown }> = [];
    db.use({
      stack: 'dbcore',
      name: 'record-transactions',
      create: (down: DBCore): DBCore => ({
        ...down,
        transaction(stores, mode, options) {
          const tx = down.transaction(stores, mode, options);
          seen.push({ mode, requested: options?.durability, actual: (tx as IDBTransaction).durability });
          return tx;
        },
      }),
    });
    await saveEventNote(event, 'Durable');
    const writes = seen.filter((t) => t.mode === 'readwrite');
    expect(writes.length).toBeGreaterThan(0);
    for (const write of writes)
      expect(write).toEqual({ mode: 'readwrite', requested: 'strict', actual: 'strict' });
  });
});
