/**
 * The popup's first read: raw IndexedDB (no Dexie, no zod) that never creates or upgrades the database, a
 * first-screen view that is exactly the start of the complete one, and the change notifications that
 * keep the popup live once the data layer has loaded.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPopupSource } from '@/components/popup/popup-source';
import {
  addAgreement,
  addTalkingPoint,
  createPerson,
  createRelationship,
  getDatabase,
  LATEST_VERSION,
  loadPopupView,
  onDatabaseChange,
  prepareSession,
} from '@/lib/db';
import { latestSchema, openForReading } from '@/lib/db/idb-read';
import { FIRST_SCREEN, firstAgreements, readPopupView } from '@/lib/db/popup-view';
import { addDays, dayOf } from '@/lib/domain/days';
import type { Relationship } from '@/lib/domain/model';
import { useFixedDate } from '../helpers/clock';

/** Wednesday 25 March 2026, noon local time. */
const NOW = new Date(2026, 2, 25, 12, 0).getTime();
const DAY = 86_400_000;

useFixedDate(NOW);

async function oneOnOne(name: string): Promise<Relationship> {
  const person = await createPerson({ name, relation: 'report' });
  return createRelationship({ personIds: [person.id], kind: 'one-on-one', title: `Alice / ${name}` });
}

/** Five 1:1s this week, each with agreements (12 in all, some undated) and some with talking points. */
async function seedWeek() {
  const names = ['Bob Jones', 'Carol King', 'Dan Wu', 'Erin Li', 'Femi Ade'];
  const relationships: Relationship[] = [];
  for (const [i, name] of names.entries()) {
    const r = await oneOnOne(name);
    relationships.push(r);
    await prepareSession({ relationshipId: r.id, scheduledAt: NOW + (i + 1) * DAY });
  }
  for (let i = 0; i < 12; i++) {
    const r = relationships[i % relationships.length]!;
    await addAgreement(r.id, {
      owner: i % 2 ? 'me' : 'them',
      text: `Agreement ${String(i).padStart(2, '0')}`,
      dueDate: i % 4 === 3 ? null : addDays(dayOf(NOW), i - 4),
    });
  }
  await addTalkingPoint(relationships[0]!.id, { text: 'Offsite budget', author: 'me' });
  return relationships;
}

async function rawDatabase(): Promise<IDBDatabase> {
  await getDatabase().open();
  const db = await openForReading();
  expect(db).not.toBeNull();
  return db!;
}

describe('openForReading', () => {
  it('answers null for a database that does not exist, and does not create it', async () => {
    expect(await openForReading()).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('duet');
  });

  it('answers null for an older version (Dexie must upgrade it first) and leaves it as it was', async () => {
    const old = indexedDB.open('duet', 10);
    old.onupgradeneeded = () => old.result.createObjectStore('notes', { keyPath: 'eventKey' });
    await new Promise((resolve) => (old.onsuccess = resolve));
    old.result.close();
    expect(await openForReading()).toBeNull();
    const versions = await indexedDB.databases();
    expect(versions.find((d) => d.name === 'duet')?.version).toBe(10);
  });

  it('opens the latest version, and steps aside when Dexie needs the database', async () => {
    const db = await rawDatabase();
    expect(db.version).toBe(LATEST_VERSION * 10);
    expect([...db.objectStoreNames].sort()).toEqual([...latestSchema().keys()].sort());
    expect(latestSchema().has('notes')).toBe(false); // dropped by version 3
    expect(latestSchema().get('agreements')).toContain('[status+dueDate]');
    expect(latestSchema().get('people')).toEqual(['emails', 'relation']); // "*emails": multi-entry
    // Deleting (or upgrading) is not blocked by the popup's connection: it closes itself.
    getDatabase().close();
    await getDatabase().delete();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('duet');
  });
});

describe('openForReading: a database Dexie patched', () => {
  it('reads a later native version that has the whole schema; not one missing an index', async () => {
    // Dexie can bump the native version past ours when it adds a missing part: still readable.
    await getDatabase().open();
    const version = getDatabase().backendDB().version;
    getDatabase().close();
    const bump = indexedDB.open('duet', version + 1);
    bump.onupgradeneeded = () => bump.transaction!.objectStore('goals').createIndex('extra', 'extra');
    await new Promise((resolve) => (bump.onsuccess = resolve));
    bump.result.close();
    const later = await openForReading();
    expect(later?.version).toBe(version + 1);
    later!.close();

    const drop = indexedDB.open('duet', version + 2);
    drop.onupgradeneeded = () => drop.transaction!.objectStore('agreements').deleteIndex('[status+owner]');
    await new Promise((resolve) => (drop.onsuccess = resolve));
    drop.result.close();
    expect(await openForReading()).toBeNull();
  });
});

describe('readPopupView: the first screen', () => {
  it('is the start of the complete view: first agreements, prep for the first 1:1s, the same counts', async () => {
    await seedWeek();
    const db = await rawDatabase();
    const first = await readPopupView(db, { firstScreen: true }, NOW);
    const complete = await readPopupView(db, {}, NOW);

    expect(first.partial).toBe(true);
    expect(complete.partial).toBe(false);
    const texts = (view: typeof first) => view.groups.flatMap((g) => g.agreements.map((a) => a.text));
    expect(texts(complete)).toHaveLength(12);
    // Cut from the complete view as it is grouped: when the complete view follows, nothing on screen moves.
    expect(texts(first)).toEqual(texts(complete).slice(0, FIRST_SCREEN.agreements));
    expect(first.groups).toEqual(firstAgreements(complete.groups, FIRST_SCREEN.agreements));
    expect(first.counts).toEqual(complete.counts);
    expect(first.upcomingCount).toBe(5);
    expect(first.upcoming.map((u) => u.session.id)).toEqual(complete.upcoming.map((u) => u.session.id));
    expect(first.upcoming.map((u) => u.prep !== null)).toEqual([true, true, true, false, false]);
    expect(first.upcoming.slice(0, FIRST_SCREEN.upcoming).map((u) => u.prep)).toEqual(
      complete.upcoming.slice(0, FIRST_SCREEN.upcoming).map((u) => u.prep),
    );
    expect(complete.upcoming.every((u) => u.prep !== null)).toBe(true);
    expect(first.upcoming[0]!.prep).toEqual({ talkingPoints: 1, openAgreements: 3, reviewed: 0 });
    expect(first.relationships).toEqual(complete.relationships);
  });

  it('reads the same view as the Dexie-backed loader', async () => {
    await seedWeek();
    const db = await rawDatabase();
    expect(await readPopupView(db, { filter: 'mine', query: 'agreement' }, NOW)).toEqual(
      await loadPopupView({ filter: 'mine', query: 'agreement' }, NOW),
    );
  });
});

describe('onDatabaseChange', () => {
  it('fires after a write to Duet’s database, and not after unsubscribing', async () => {
    const [bob] = await seedWeek();
    const listener = vi.fn();
    const stop = onDatabaseChange(listener);
    await addAgreement(bob!.id, { owner: 'me', text: 'One more', dueDate: null });
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    stop();
    listener.mockClear();
    await addAgreement(bob!.id, { owner: 'me', text: 'And another', dueDate: null });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('onDatabaseChange for some tables', () => {
  it('fires only for writes to those tables', async () => {
    const [bob] = await seedWeek();
    const listener = vi.fn();
    const stop = onDatabaseChange(listener, ['talkingPoints']);
    await addAgreement(bob!.id, { owner: 'me', text: 'Not a talking point', dueDate: null });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listener).not.toHaveBeenCalled();
    await addTalkingPoint(bob!.id, { text: 'Raise the roadmap', author: 'me' });
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    stop();
  });
});

describe('createPopupSource', () => {
  it('reads a database that does not exist yet through Dexie, which creates it', async () => {
    const source = createPopupSource();
    const view = await source.load({ filter: 'all-open', query: '', firstScreen: true });
    expect(view.groups).toEqual([]);
    expect(view.upcomingCount).toBe(0);
    expect((await indexedDB.databases()).find((d) => d.name === 'duet')?.version).toBe(LATEST_VERSION * 10);
  });

  it('reads raw once the database exists, and tells of changes (once at once, then per write)', async () => {
    const [bob] = await seedWeek();
    const source = createPopupSource();
    const first = await source.load({ filter: 'all-open', query: '', firstScreen: true });
    expect(first.partial).toBe(true);
    const onChange = vi.fn();
    const stop = source.watch(onChange);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    await addAgreement(bob!.id, { owner: 'me', text: 'Fresh', dueDate: null });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    stop();
    const complete = await source.load({ filter: 'all-open', query: 'fresh' });
    expect(complete.groups.flatMap((g) => g.agreements.map((a) => a.text))).toEqual(['Fresh']);
  });

  it('falls back to Dexie when its connection was closed under it', async () => {
    await seedWeek();
    const source = createPopupSource();
    await source.load({ filter: 'all-open', query: '' });
    // Another page upgrades or deletes the database: the raw connection closes itself.
    getDatabase().close();
    await getDatabase().delete();
    const view = await source.load({ filter: 'all-open', query: '' });
    expect(view.groups).toEqual([]);
  });
});

describe('a damaged relationship row', () => {
  it('is left out of the popup, which shows everything else', async () => {
    const [bob] = await seedWeek();
    // Written by an older version or a failed upgrade: no list of people.
    await getDatabase().relationships.put({ id: 'bad', title: 'Bad' } as unknown as Relationship);
    const view = await loadPopupView({}, NOW);
    expect(view.relationships.map((r) => r.id)).not.toContain('bad');
    expect(view.relationships.map((r) => r.id)).toContain(bob!.id);
    expect(view.groups.flatMap((g) => g.agreements).length).toBeGreaterThan(0);
  });
});
