/**
 * Tombstones (lib/db/tombstones.ts): every delete writes one in its own transaction, they are bounded,
 * and the popup's raw reader still opens the database at the new version.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPerson,
  createRelationship,
  deleteCustomTemplate,
  DuetDatabase,
  getDatabase,
  listTombstones,
  MAX_TOMBSTONES,
  mergePeople,
  prepareSession,
  pruneTombstones,
  recordDeletions,
  saveCustomTemplate,
  saveSectionNotes,
  SCHEMA_VERSIONS,
  TOMBSTONE_MAX_AGE_MS,
} from '@/lib/db';
import { openForReading } from '@/lib/db/idb-read';
import { deleteAllData } from '@/lib/io/import';

const T0 = Date.UTC(2026, 2, 2, 9);
const MINUTE = 60_000;
const DAY = 86_400_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

const sortedTombstones = async () =>
  (await getDatabase().tombstones.toArray()).sort((a, b) =>
    `${a.table}/${a.id}`.localeCompare(`${b.table}/${b.id}`),
  );

/** Bob and his duplicate, each with a 1:1 holding a session for the same Calendar event (twins). */
async function twoBobsWithTwins() {
  const bob = await createPerson({ name: 'Bob', emails: ['bob@acme.example'], relation: 'report' });
  const dup = await createPerson({ name: 'Bob (dup)', emails: ['bob@home.example'], relation: 'report' });
  const kept = await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Bob 1:1' });
  const removed = await createRelationship({ personIds: [dup.id], kind: 'one-on-one', title: 'Bob (dup)' });
  const event = 'series_20260301T090000Z';
  const { session: keptSession } = await prepareSession({
    relationshipId: kept.id,
    scheduledAt: T0 - DAY,
    calendarEventId: event,
  });
  const { session: twin } = await prepareSession({
    relationshipId: removed.id,
    scheduledAt: T0 - DAY,
    calendarEventId: event,
  });
  const { session: other } = await prepareSession({ relationshipId: removed.id, scheduledAt: T0 - 8 * DAY });
  return { bob, dup, kept, removed, keptSession, twin, other };
}

describe('every delete records a tombstone in its transaction', () => {
  it('mergePeople: the removed person, the folded 1:1 and the twin session', async () => {
    const { bob, dup, removed, twin, other } = await twoBobsWithTwins();
    const db = getDatabase();
    // Each with the version of the record deleted (what the deleting device had).
    const [dupNow, removedNow, twinNow] = await Promise.all([
      db.people.get(dup.id),
      db.relationships.get(removed.id),
      db.sessions.get(twin.id),
    ]);
    vi.setSystemTime(T0 + MINUTE);
    await mergePeople(bob.id, dup.id);
    const deletedAt = T0 + MINUTE;
    const tombstones = await sortedTombstones();
    expect(tombstones.map(({ table, id, deletedAt: at }) => ({ table, id, deletedAt: at }))).toEqual(
      [
        { table: 'people', id: dup.id, deletedAt },
        { table: 'relationships', id: removed.id, deletedAt },
        { table: 'sessions', id: twin.id, deletedAt },
      ].sort((a, b) => `${a.table}/${a.id}`.localeCompare(`${b.table}/${b.id}`)),
    );
    expect(tombstones.find((t) => t.id === dup.id)?.version).toBe(dupNow!.updatedAt);
    expect(tombstones.find((t) => t.id === removed.id)?.version).toBeGreaterThanOrEqual(
      removedNow!.updatedAt,
    );
    expect(tombstones.find((t) => t.id === twin.id)?.version).toBeGreaterThanOrEqual(twinNow!.updatedAt);
    // Moved, not deleted: no tombstone.
    expect(await getDatabase().sessions.get(other.id)).toBeDefined();
  });

  it('mergePeople failing half-way records nothing', async () => {
    const { bob, dup } = await twoBobsWithTwins();
    const spy = vi.spyOn(getDatabase().people, 'delete').mockRejectedValueOnce(new Error('disk gone'));
    await expect(mergePeople(bob.id, dup.id)).rejects.toThrow('disk gone');
    spy.mockRestore();
    expect(await getDatabase().tombstones.count()).toBe(0);
  });

  it('deleteCustomTemplate: a template deleted (not one retired)', async () => {
    const section = { id: 'talk', title: 'Talk', minutes: 10, prompts: [], kind: 'notes' as const };
    const unused = await saveCustomTemplate({
      name: 'Unused',
      method: 'custom',
      description: '',
      sections: [section],
    });
    const used = await saveCustomTemplate({
      name: 'Used',
      method: 'custom',
      description: '',
      sections: [{ ...section, id: 'wins' }],
    });
    const rel = await createRelationship({ personIds: [], kind: 'peer', title: 'Peer', templateId: used.id });
    const { session } = await prepareSession({ relationshipId: rel.id, scheduledAt: T0 - DAY });
    await saveSectionNotes(session.id, 'wins', 'shipped');
    await getDatabase().relationships.update(rel.id, { templateId: 'builtin:peer' });

    vi.setSystemTime(T0 + MINUTE);
    await deleteCustomTemplate(unused.id);
    await deleteCustomTemplate(used.id);
    expect(await getDatabase().templates.get(used.id)).toMatchObject({ retired: true });
    expect(await sortedTombstones()).toEqual([
      { table: 'templates', id: unused.id, deletedAt: T0 + MINUTE, version: unused.updatedAt },
    ]);
  });
});

describe('bounded', () => {
  it('forgets tombstones older than a year, and keeps only the newest MAX_TOMBSTONES', async () => {
    const db = getDatabase();
    await db.tombstones.bulkPut([
      { table: 'people', id: 'ancient', deletedAt: T0 - TOMBSTONE_MAX_AGE_MS - 1 },
      { table: 'people', id: 'old', deletedAt: T0 - 300 * DAY },
      { table: 'people', id: 'older', deletedAt: T0 - 301 * DAY },
    ]);
    await db.transaction('rw', db.tombstones, () =>
      recordDeletions(db, 'sessions', [{ id: 's1', updatedAt: T0 - DAY }], T0),
    );
    expect((await listTombstones(db, T0)).map((t) => t.id)).toEqual(['older', 'old', 's1']);
    await pruneTombstones(db, T0, 2);
    expect((await db.tombstones.toArray()).map((t) => t.id).sort()).toEqual(['old', 's1']);
    expect(MAX_TOMBSTONES).toBeGreaterThanOrEqual(1000);
  });

  it('a delete past the cap drops the oldest', async () => {
    const db = getDatabase();
    await db.tombstones.bulkPut(
      Array.from({ length: MAX_TOMBSTONES }, (_, i) => ({
        table: 'sessions' as const,
        id: `s${i}`,
        deletedAt: T0 - DAY + i,
      })),
    );
    await db.transaction('rw', db.tombstones, () =>
      recordDeletions(db, 'people', [{ id: 'p', updatedAt: T0 - DAY }], T0),
    );
    expect(await db.tombstones.count()).toBe(MAX_TOMBSTONES);
    expect(await db.tombstones.get(['sessions', 's0'])).toBeUndefined();
    expect(await db.tombstones.get(['people', 'p'])).toBeDefined();
  });
});

describe('delete everything', () => {
  it('clears the tombstones too', async () => {
    const { bob, dup } = await twoBobsWithTwins();
    await mergePeople(bob.id, dup.id);
    expect(await getDatabase().tombstones.count()).toBe(3);
    await deleteAllData();
    expect(await getDatabase().tombstones.count()).toBe(0);
    expect(await getDatabase().people.count()).toBe(0);
  });
});

describe("the popup's raw reader", () => {
  it('waits for Dexie on a version-3 database, then reads the upgraded one', async () => {
    const v3 = new Dexie('duet');
    for (const version of [1, 2, 3] as const) v3.version(version).stores(SCHEMA_VERSIONS[version]);
    await v3.open();
    await v3.table('people').put({ id: 'p', name: 'Kept' });
    v3.close();
    expect(await openForReading()).toBeNull();

    const db = new DuetDatabase();
    await db.open();
    db.close();
    const raw = await openForReading();
    expect(raw).not.toBeNull();
    expect([...raw!.objectStoreNames]).toContain('tombstones');
    raw!.close();
  });
});
