/**
 * Deletions across export and import: a merge import does not bring back what was deleted here since the
 * file was made, a file's deletions delete here what was not changed since, and references stay whole.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  addTalkingPoint,
  createPerson,
  createRelationship,
  DuetDatabase,
  getDatabase,
  mergePeople,
  deleteCustomTemplate,
  prepareSession,
  saveCustomTemplate,
  saveSectionNotes,
  setTalkingPointStatus,
  TOMBSTONE_MAX_AGE_MS,
  updatePerson,
  updateRelationship,
} from '@/lib/db';
import type { Tombstone } from '@/lib/domain/model';
import { exportAll, serializeExport } from '@/lib/io/export';
import { EXPORT_TABLES, type ExportData } from '@/lib/io/export-format';
import {
  applyImport,
  deleteAllData,
  ImportError,
  importFromText,
  previewImport,
  validateImport,
} from '@/lib/io/import';

const T0 = Date.UTC(2026, 2, 2, 9);
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Export, merge here, import: each a minute after the last. */
const T1 = T0 + MINUTE;
const T2 = T0 + 2 * MINUTE;
const T3 = T0 + 3 * MINUTE;
const T4 = T0 + 4 * MINUTE;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

const at = (time: number) => vi.setSystemTime(time);

/** Bob and "Bob (dup)", each with a 1:1; both 1:1s hold a session for the same Calendar event (twins). */
async function twoBobs(db: DuetDatabase = getDatabase()) {
  const bob = await createPerson({ name: 'Bob', emails: ['bob@acme.example'], relation: 'report' }, db);
  const dup = await createPerson({ name: 'Bob (dup)', emails: ['bob@home.example'], relation: 'report' }, db);
  const kept = await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Bob 1:1' }, db);
  const removed = await createRelationship(
    { personIds: [dup.id], kind: 'one-on-one', title: 'Bob (dup) 1:1' },
    db,
  );
  const event = 'series_20260301T090000Z';
  await prepareSession({ relationshipId: kept.id, scheduledAt: T0 - DAY, calendarEventId: event }, db);
  const { session: twin } = await prepareSession(
    { relationshipId: removed.id, scheduledAt: T0 - DAY, calendarEventId: event },
    db,
  );
  const point = await addTalkingPoint(removed.id, { text: 'Offsite', author: 'me', sessionId: twin.id }, db);
  return { bob, dup, kept, removed, twin, point };
}

/** The database's records, by table, sorted by id (tombstones apart). */
async function records(db: DuetDatabase = getDatabase()) {
  const { data } = await exportAll(db, Date.now());
  return Object.fromEntries(
    EXPORT_TABLES.map((t) => [
      t,
      [...(data[t] as Array<{ id: string }>)].sort((a, b) => a.id.localeCompare(b.id)),
    ]),
  );
}

/** Every reference resolves (the import validator refuses a file pointing at a record it lacks). */
async function expectWhole(db: DuetDatabase = getDatabase()) {
  const text = serializeExport(await exportAll(db, Date.now()));
  expect(() => validateImport(JSON.parse(text))).not.toThrow();
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('merge import after a merge of people here', () => {
  it('does not bring back the removed person, their folded 1:1 or the twin session', async () => {
    const { bob, dup, kept, removed, twin, point } = await twoBobs();
    at(T1);
    const backup = serializeExport(await exportAll());
    at(T2);
    await mergePeople(bob.id, dup.id);
    const afterMerge = await records();

    at(T3);
    const data = validateImport(JSON.parse(backup));
    const preview = await previewImport(data, 'merge');
    expect(preview.deletedHere).toMatchObject({ people: 1, relationships: 1, sessions: 1 });
    expect(sum(preview.deletedHere)).toBe(3);
    expect(sum(preview.removed)).toBe(0);
    expect(sum(Object.fromEntries(EXPORT_TABLES.map((t) => [t, preview.changes[t].added])))).toBe(0);

    await importFromText(backup, 'merge');
    const db = getDatabase();
    expect(await db.people.get(dup.id)).toBeUndefined();
    expect(await db.relationships.get(removed.id)).toBeUndefined();
    expect(await db.sessions.get(twin.id)).toBeUndefined();
    expect((await db.talkingPoints.get(point.id))!.relationshipId).toBe(kept.id);
    expect(await records()).toEqual(afterMerge);
    expect(await db.tombstones.count()).toBe(3);
    await expectWhole();
  });

  it('a newer record of the file that refers to a deleted one brings it back, with what it refers to', async () => {
    const here = getDatabase();
    const { bob, dup, removed, twin, point } = await twoBobs(here);
    const elsewhere = new DuetDatabase('elsewhere');
    await applyImport((await exportAll(here)).data, 'replace', elsewhere);
    at(T1);
    await mergePeople(bob.id, dup.id, here);
    // Elsewhere, after the merge here, the talking point of the twin session is discussed.
    at(T2);
    await setTalkingPointStatus(point.id, 'discussed', twin.id, elsewhere);
    const file = await exportAll(elsewhere);

    at(T3);
    const preview = await previewImport(file.data, 'merge', here);
    expect(sum(preview.deletedHere)).toBe(0);
    await applyImport(file.data, 'merge', here);
    expect((await here.talkingPoints.get(point.id))!.status).toBe('discussed');
    expect(await here.sessions.get(twin.id)).toBeDefined();
    expect(await here.relationships.get(removed.id)).toBeDefined();
    expect(await here.people.get(dup.id)).toBeDefined();
    // Brought back: no longer recorded as deleted.
    expect(await here.tombstones.count()).toBe(0);
    await expectWhole(here);
    elsewhere.close();
  });
});

describe("a file's deletions", () => {
  it('a merge of people elsewhere deletes here exactly what it deleted there', async () => {
    const here = getDatabase();
    const { bob, dup, kept, removed, twin, point } = await twoBobs(here);
    const other = await createPerson({ name: 'Carol', relation: 'peer' }, here);
    const elsewhere = new DuetDatabase('elsewhere');
    await applyImport((await exportAll(here)).data, 'replace', elsewhere);
    at(T1);
    await mergePeople(bob.id, dup.id, elsewhere);
    const file = await exportAll(elsewhere);
    expect(file.data.tombstones).toHaveLength(3);

    at(T2);
    const preview = await previewImport(file.data, 'merge', here);
    expect(preview.removed).toMatchObject({ people: 1, relationships: 1, sessions: 1 });
    await applyImport(file.data, 'merge', here);
    expect(await here.people.get(dup.id)).toBeUndefined();
    expect(await here.relationships.get(removed.id)).toBeUndefined();
    expect(await here.sessions.get(twin.id)).toBeUndefined();
    expect((await here.talkingPoints.get(point.id))!.relationshipId).toBe(kept.id);
    expect(await here.people.get(other.id)).toBeDefined();
    expect(await records(here)).toEqual(await records(elsewhere));
    expect((await here.tombstones.toArray()).length).toBe(3);
    await expectWhole(here);
    elsewhere.close();
  });

  it('deletes a record here older than the deletion, not one changed here after it', async () => {
    const older = await createPerson({ name: 'Older', relation: 'peer' });
    const newer = await createPerson({ name: 'Newer', relation: 'peer' });
    const tied = await createPerson({ name: 'Tied', relation: 'peer' });
    const data = (await exportAll()).data;
    data.tombstones = [
      { table: 'people', id: older.id, deletedAt: T1 },
      { table: 'people', id: newer.id, deletedAt: T1 },
      { table: 'people', id: tied.id, deletedAt: T2 },
    ];
    at(T2);
    await updatePerson(newer.id, { name: 'Newer, renamed' });
    await updatePerson(tied.id, { name: 'Tied, renamed' });
    // The file's versions of them are older than their deletion: the file itself holds them as deleted.
    const file = { ...data, people: [] } as ExportData;

    at(T3);
    expect((await previewImport(file, 'merge')).removed.people).toBe(1);
    await applyImport(file, 'merge');
    const db = getDatabase();
    expect(await db.people.get(older.id)).toBeUndefined();
    expect((await db.people.get(newer.id))!.name).toBe('Newer, renamed');
    // A tie goes to what is here.
    expect((await db.people.get(tied.id))!.name).toBe('Tied, renamed');
    expect((await db.tombstones.toArray()).map((t) => t.id)).toEqual([older.id]);
  });

  it('keeps an edit made here after the version the other device deleted, even if the deletion is later', async () => {
    const notes = await createPerson({ name: 'Notes', relation: 'peer' });
    const seen = await createPerson({ name: 'Seen', relation: 'peer' });
    at(T2);
    // Edited here at T2; the other device deleted both at T3, holding their T0 versions.
    await updatePerson(notes.id, { name: 'Notes, edited here' });
    const file = { ...(await exportAll()).data, people: [] } as ExportData;
    file.tombstones = [
      { table: 'people', id: notes.id, deletedAt: T3, version: T0 },
      { table: 'people', id: seen.id, deletedAt: T3, version: T0 },
    ];
    at(T4);
    expect((await previewImport(file, 'merge')).removed.people).toBe(1);
    await applyImport(file, 'merge');
    const db = getDatabase();
    expect((await db.people.get(notes.id))!.name).toBe('Notes, edited here');
    expect(await db.people.get(seen.id)).toBeUndefined();
  });

  it('a deletion stamped in the future (a clock ahead) counts as made now', async () => {
    const person = await createPerson({ name: 'Far', relation: 'peer' });
    const text = serializeExport({
      ...(await exportAll()),
      data: {
        ...(await exportAll()).data,
        people: [],
        tombstones: [{ table: 'people', id: person.id, deletedAt: T0 + 3650 * DAY }],
      },
    });
    at(T1);
    expect(validateImport(JSON.parse(text)).tombstones).toEqual([
      { table: 'people', id: person.id, deletedAt: T1 },
    ]);
  });

  it('a record stamped in the future counts as written now: a later deletion still reaches it', async () => {
    const person = await createPerson({ name: 'Far', relation: 'peer' });
    const exported = await exportAll();
    const ahead = T0 + 3650 * DAY;
    const text = serializeExport({
      ...exported,
      data: {
        ...exported.data,
        people: exported.data.people.map((p) => ({
          ...p,
          name: 'From the future',
          createdAt: ahead,
          updatedAt: ahead,
        })),
      },
    });
    at(T1);
    const [read] = validateImport(JSON.parse(text)).people;
    expect(read).toMatchObject({ name: 'From the future', createdAt: T1, updatedAt: T1 });
    await importFromText(text, 'merge');
    expect((await getDatabase().people.get(person.id))!.updatedAt).toBe(T1);
    // Deleted on another device afterwards: the deletion reaches it.
    at(T2);
    const deletion = { ...(await exportAll()).data, people: [] } as ExportData;
    deletion.tombstones = [{ table: 'people', id: person.id, deletedAt: T2 }];
    at(T3);
    await applyImport(deletion, 'merge');
    expect(await getDatabase().people.get(person.id)).toBeUndefined();
  });

  it('does not delete a person a record here still refers to', async () => {
    const person = await createPerson({ name: 'Dana', relation: 'report' });
    const rel = await createRelationship({ personIds: [person.id], kind: 'one-on-one', title: 'Dana 1:1' });
    const file = { ...(await exportAll()).data, people: [], relationships: [] } as ExportData;
    file.tombstones = [{ table: 'people', id: person.id, deletedAt: T1 }];
    at(T2);
    expect((await previewImport(file, 'merge')).removed.people).toBe(0);
    await applyImport(file, 'merge');
    expect(await getDatabase().people.get(person.id)).toBeDefined();
    expect(await getDatabase().relationships.get(rel.id)).toBeDefined();
    expect(await getDatabase().tombstones.count()).toBe(0);
    await expectWhole();
  });

  it('a record deleted here at the instant of the file’s version stays deleted', async () => {
    const person = await createPerson({ name: 'Eve', relation: 'peer' });
    const data = (await exportAll()).data;
    await getDatabase().people.delete(person.id);
    await getDatabase().tombstones.put({ table: 'people', id: person.id, deletedAt: person.updatedAt });
    await applyImport(data, 'merge');
    expect(await getDatabase().people.get(person.id)).toBeUndefined();
  });

  it('a template deleted here comes back for a newer 1:1 of the file that uses it', async () => {
    const here = getDatabase();
    const section = { id: 'talk', title: 'Talk', minutes: 0, prompts: [], kind: 'notes' as const };
    const template = await saveCustomTemplate({
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [section],
    });
    const rel = await createRelationship({ personIds: [], kind: 'peer', title: 'Peer' });
    const elsewhere = new DuetDatabase('elsewhere');
    await applyImport((await exportAll(here)).data, 'replace', elsewhere);
    at(T1);
    await deleteCustomTemplate(template.id);
    expect(await here.tombstones.count()).toBe(1);
    at(T2);
    await updateRelationship(rel.id, { templateId: template.id }, elsewhere);
    await applyImport((await exportAll(elsewhere)).data, 'merge', here);
    expect(await here.templates.get(template.id)).toBeDefined();
    expect((await here.relationships.get(rel.id))!.templateId).toBe(template.id);
    expect(await here.tombstones.count()).toBe(0);
    elsewhere.close();
  });

  it('ignores deletions older than a year', async () => {
    at(T0 - TOMBSTONE_MAX_AGE_MS - DAY);
    const person = await createPerson({ name: 'Old friend', relation: 'peer' });
    at(T0);
    const file = { ...(await exportAll()).data, people: [] } as ExportData;
    file.tombstones = [{ table: 'people', id: person.id, deletedAt: T0 - TOMBSTONE_MAX_AGE_MS - 1 }];
    await applyImport(file, 'merge');
    expect(await getDatabase().people.get(person.id)).toBeDefined();
    expect(await getDatabase().tombstones.count()).toBe(0);
  });
});

describe('tombstones merge and replace', () => {
  const tomb = (id: string, deletedAt: number): Tombstone => ({ table: 'sessions', id, deletedAt });

  it('a merge keeps the newest per table and id', async () => {
    const db = getDatabase();
    await db.tombstones.bulkPut([tomb('a', T1), tomb('b', T2)]);
    const file = (await exportAll()).data;
    file.tombstones = [tomb('a', T2), tomb('b', T1), tomb('c', T1)];
    await applyImport(file, 'merge');
    expect((await db.tombstones.toArray()).sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      tomb('a', T2),
      tomb('b', T2),
      tomb('c', T1),
    ]);
  });

  it('a replace makes them the file’s (none when the file has none)', async () => {
    const db = getDatabase();
    await db.tombstones.bulkPut([tomb('a', T1), tomb('b', T2)]);
    const file = (await exportAll()).data;
    delete file.tombstones;
    await applyImport({ ...file, tombstones: [tomb('c', T1)] }, 'replace');
    expect(await db.tombstones.toArray()).toEqual([tomb('c', T1)]);
    await applyImport(file, 'replace');
    expect(await db.tombstones.count()).toBe(0);
  });

  it('a replace brings back what the file holds, and then a merge of an old file does not resurrect', async () => {
    const { bob, dup } = await twoBobs();
    at(T1);
    const backup = serializeExport(await exportAll());
    at(T2);
    await mergePeople(bob.id, dup.id);
    const afterMerge = serializeExport(await exportAll());
    at(T3);
    await importFromText(backup, 'replace');
    expect(await getDatabase().people.get(dup.id)).toBeDefined();
    expect(await getDatabase().tombstones.count()).toBe(0);
    at(T4);
    await importFromText(afterMerge, 'replace');
    expect(await getDatabase().people.get(dup.id)).toBeUndefined();
    expect(await getDatabase().tombstones.count()).toBe(3);
    await importFromText(backup, 'merge');
    expect(await getDatabase().people.get(dup.id)).toBeUndefined();
  });
});

describe('the file', () => {
  it('holds the tombstones, and leaves the section out when there are none', async () => {
    const { bob, dup } = await twoBobs();
    const before = await exportAll();
    expect(before.data).not.toHaveProperty('tombstones');
    expect(Object.keys(JSON.parse(serializeExport(before)).data)).toEqual([...EXPORT_TABLES]);
    at(T1);
    await mergePeople(bob.id, dup.id);
    const after = await exportAll();
    expect(after.data.tombstones).toEqual(
      expect.arrayContaining([{ table: 'people', id: dup.id, deletedAt: T1, version: dup.updatedAt }]),
    );
    expect(validateImport(JSON.parse(serializeExport(after))).tombstones).toEqual(after.data.tombstones);
  });

  it('an export from before tombstones still imports, both ways', async () => {
    const person = {
      id: 'p1',
      name: 'Old',
      emails: [],
      relation: 'peer',
      archived: false,
      createdAt: 1,
      updatedAt: 1,
    };
    const old = JSON.stringify({
      format: 'duet-export',
      version: 1,
      exportedAt: 2,
      app: 'Duet',
      // Every table, as Duet writes them (empty ones too), and no tombstones section.
      data: { ...Object.fromEntries(EXPORT_TABLES.map((table) => [table, []])), people: [person] },
    });
    await getDatabase().tombstones.put({ table: 'sessions', id: 'gone', deletedAt: T0 });
    const data = await importFromText(old, 'merge');
    expect(data).not.toHaveProperty('tombstones');
    expect(await getDatabase().people.get('p1')).toEqual(person);
    expect(await getDatabase().tombstones.count()).toBe(1);
    await importFromText(old, 'replace');
    expect(await getDatabase().people.toArray()).toEqual([person]);
    expect(await getDatabase().tombstones.count()).toBe(0);
  });

  it('refuses bad or repeated deletions, changing nothing', async () => {
    const base = { format: 'duet-export', version: 1, exportedAt: 2, app: 'Duet' };
    const file = (tombstones: unknown) => JSON.stringify({ ...base, data: { tombstones } });
    const refusals = [
      [file('x'), /"tombstones" should be a list/],
      [
        file([{ table: 'settings', id: 'settings', deletedAt: 1 }]),
        /Deletion 1 in the file \(id settings\) cannot be read: its “table”/,
      ],
      [file([{ table: 'people', id: 'a b', deletedAt: 1 }]), /Deletion 1 in the file.*its “id”/],
      [file([{ table: 'people', id: 'a', deletedAt: -1 }]), /deletedAt/],
      [file([{ table: 'people', id: 'a', deletedAt: 1, extra: true }]), /Deletion 1 in the file/],
      [
        file([
          { table: 'people', id: 'a', deletedAt: 1 },
          { table: 'people', id: 'a', deletedAt: 2 },
        ]),
        /Deletion 2 in the file \(id a\): this deletion appears twice/,
      ],
    ] as const;
    for (const [text, message] of refusals) {
      const error = await importFromText(text, 'merge').catch((e: unknown) => e);
      expect(error, text).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/Nothing was changed\.$/);
    }
    expect(await getDatabase().tombstones.count()).toBe(0);
  });
});

describe('delete everything', () => {
  it('clears the tombstones, so an old file then imports whole', async () => {
    const { bob, dup } = await twoBobs();
    at(T1);
    const backup = serializeExport(await exportAll());
    at(T2);
    await mergePeople(bob.id, dup.id);
    await deleteAllData();
    expect(await getDatabase().tombstones.count()).toBe(0);
    await importFromText(backup, 'merge');
    expect(await getDatabase().people.get(dup.id)).toBeDefined();
  });
});

/**
 * Dan's 1:1 copied to a second device; then each device writes notes for next week's meeting: a session
 * each (desk here at T1, laptop elsewhere at T2), for the one Calendar event.
 */
async function preparedOnTwoDevices(name: string, deskNote: string, laptopNote: string) {
  const here = getDatabase();
  const dan = await createPerson({ name: 'Dan', emails: ['dan@acme.example'], relation: 'report' }, here);
  const r = await createRelationship({ personIds: [dan.id], kind: 'one-on-one', title: 'Dan 1:1' }, here);
  const elsewhere = new DuetDatabase(name);
  await applyImport((await exportAll(here)).data, 'replace', elsewhere);
  const event = 'danseries_20260309T090000Z';
  const plan = { relationshipId: r.id, scheduledAt: T0 + 7 * DAY, calendarEventId: event };
  at(T1);
  const desk = (await prepareSession(plan, here)).session;
  await saveSectionNotes(desk.id, 'your-topics', deskNote, here);
  at(T2);
  const laptop = (await prepareSession(plan, elsewhere)).session;
  await saveSectionNotes(laptop.id, 'your-topics', laptopNote, elsewhere);
  return { here, elsewhere, r, event, desk, laptop };
}

describe('merge import of a meeting prepared on two devices', () => {
  it('one session for the event afterwards, with both devices’ notes and points in it', async () => {
    const { here, elsewhere, r, event, desk, laptop } = await preparedOnTwoDevices(
      'two-devices',
      'Desk: book the offsite',
      'Laptop: ask about the promotion case',
    );
    const point = await addTalkingPoint(r.id, { text: 'Promotion case', author: 'me' }, elsewhere);
    expect(point.sessionId).toBe(laptop.id);

    at(T3);
    await applyImport((await exportAll(elsewhere)).data, 'merge', here);
    const sessions = await here.sessions.where('calendarEventId').equals(event).toArray();
    expect(sessions.map((s) => s.id)).toEqual([desk.id]);
    expect(sessions[0]!.notes['your-topics']).toBe(
      'Desk: book the offsite\n\nLaptop: ask about the promotion case',
    );
    expect((await here.talkingPoints.get(point.id))!.sessionId).toBe(desk.id);
    // The folded one is recorded as deleted: merging the same file again changes nothing.
    const before = await records(here);
    await applyImport((await exportAll(elsewhere)).data, 'merge', here);
    expect(await records(here)).toEqual(before);
    await expectWhole(here);
    elsewhere.close();
  });

  it('imported again after the other device kept using its session (an agreement, a point, more notes): nothing twice', async () => {
    const { here, elsewhere, r, event, laptop } = await preparedOnTwoDevices(
      'two-devices-again',
      'Desk',
      'Laptop',
    );
    await addAgreement(
      r.id,
      { owner: 'me', text: 'Send it', dueDate: null, sessionId: laptop.id },
      elsewhere,
    );
    at(T3);
    await applyImport((await exportAll(elsewhere)).data, 'merge', here);
    // The same file again, then after the laptop added a point to its session.
    at(T4);
    await applyImport((await exportAll(elsewhere)).data, 'merge', here);
    at(T4 + MINUTE);
    await addTalkingPoint(r.id, { text: 'Later point', author: 'me', sessionId: laptop.id }, elsewhere);
    at(T4 + 2 * MINUTE);
    await applyImport((await exportAll(elsewhere)).data, 'merge', here);
    const sessions = await here.sessions.where('calendarEventId').equals(event).toArray();
    expect(sessions.map((s) => s.notes['your-topics'])).toEqual(['Desk\n\nLaptop']);
    await expectWhole(here);
    elsewhere.close();
  });
});
