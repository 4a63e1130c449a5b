/**
 * An upgrade of Duet's database that another page blocks (it holds the older version open and does not let
 * go: an older Duet, a frozen tab) never shows up as a hang: Dexie waits on a blocked open, so every read
 * and write would wait with it. Operations run through `unlessBlocked` fail with the `blocked` problem
 * instead, and one given up never runs later. Duet itself closes its connection when another page upgrades,
 * so it never blocks that page.
 */
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DuetDatabase, LATEST_VERSION, SCHEMA_VERSIONS, isBlocked, unlessBlocked } from '@/lib/db/database';
import { describeStorageProblem } from '@/lib/db';
import type { Person } from '@/lib/domain/model';

const NAME = 'duet-blocked-upgrade-test';

/** A Dexie of Duet's schema up to `last`. */
function duetUpTo(last: number): Dexie {
  const db = new Dexie(NAME);
  for (const [version, stores] of Object.entries(SCHEMA_VERSIONS))
    if (Number(version) <= last) db.version(Number(version)).stores(stores);
  return db;
}

/** The database at the version before this Duet's, held open by a page that never closes it for an upgrade. */
async function olderPageHoldingIt(): Promise<IDBDatabase> {
  const older = duetUpTo(LATEST_VERSION - 1);
  await older.open();
  older.close();
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const kindOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'done',
    (error: unknown) => describeStorageProblem(error).kind,
  );

describe('a blocked upgrade', () => {
  it('fails what waits on it as "blocked" (never a silent hang), and a given-up write never lands', async () => {
    const holder = await olderPageHoldingIt();
    const db = new DuetDatabase(NAME);
    try {
      const write = unlessBlocked(() => db.people.put({ id: 'given-up' } as Person), db);
      expect(await kindOf(write)).toBe('blocked');
      expect(isBlocked(db)).toBe(true);
      // While it stays blocked, the next operation says so at once.
      expect(await kindOf(unlessBlocked(() => db.people.count(), db))).toBe('blocked');

      // The other page lets go: the upgrade finishes and operations run again.
      holder.close();
      await vi.waitFor(() => expect(isBlocked(db)).toBe(false));
      expect(await unlessBlocked(() => db.people.count(), db)).toBe(0);
      expect(db.verno).toBe(LATEST_VERSION);
    } finally {
      holder.close();
      db.close();
    }
  });

  it('an operation on an open, unblocked database just runs', async () => {
    const db = new DuetDatabase(NAME);
    try {
      await unlessBlocked(() => db.people.put({ id: 'p1' } as Person), db);
      expect(await unlessBlocked(() => db.people.count(), db)).toBe(1);
      expect(isBlocked(db)).toBe(false);
    } finally {
      db.close();
    }
  });

  it('Duet closes its connection when another page upgrades: that upgrade is not blocked by it', async () => {
    const db = new DuetDatabase(NAME);
    const newer = duetUpTo(LATEST_VERSION);
    try {
      await db.people.count();
      newer.version(LATEST_VERSION + 1).stores({ extra: 'id' });
      const blocked = vi.fn();
      newer.on('blocked', blocked);
      await newer.open();
      expect(blocked).not.toHaveBeenCalled();
    } finally {
      newer.close();
      db.close();
    }
  });
});
