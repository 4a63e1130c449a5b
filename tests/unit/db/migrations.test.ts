import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  countRecords,
  DuetDatabase,
  GENERAL_NOTES_SECTION,
  getEventNote,
  instantFromEventKey,
  LATEST_VERSION,
  loadRelationshipOverview,
  SCHEMA_VERSIONS,
} from '@/lib/db';
import type { Relationship, Session } from '@/lib/domain/model';
import { useFixedDate } from '../helpers/clock';

/** "Today" for these tests: after 23 March 2026, before 6 April 2026. */
const NOW = Date.UTC(2026, 2, 30, 10, 0);
const SERIES = '9q7kdlrmoh7cfue81kf5u8fmkk';

useFixedDate(NOW);

interface V1Note {
  eventKey: string;
  seriesKey: string;
  title: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}

const note = (
  eventKey: string,
  seriesKey: string,
  title: string,
  text: string,
  createdAt: number,
): V1Note => ({
  eventKey,
  seriesKey,
  title,
  text,
  createdAt,
  updatedAt: createdAt + 20 * 60_000,
});

const VALID: V1Note[] = [
  note(
    `${SERIES}_20260323T170000Z`,
    SERIES,
    'Alice / Bob',
    'Talked about the offsite.\nAlice wants to lead it — “yes!”',
    Date.UTC(2026, 2, 23, 17, 5),
  ),
  note(`${SERIES}_20260309T170000Z`, SERIES, 'Alice / Bob', 'First notes', Date.UTC(2026, 2, 9, 17, 2)),
  note(
    `${SERIES}_20260406T170000Z`,
    SERIES,
    'Alice / Bob',
    'Prep: ask about the offsite',
    Date.UTC(2026, 2, 24, 8),
  ),
  note(
    'c0ffee12345_20260325T090000Z',
    'c0ffee12345',
    'Skip-level: Carol',
    'Team morale ok',
    Date.UTC(2026, 2, 25, 9),
  ),
  note(
    'singleevent77',
    'singleevent77',
    'Career chat 1:1 Dan',
    'Wants to move to infra',
    Date.UTC(2026, 2, 12, 15),
  ),
  note('allday99_20260320', 'allday99', 'Peer 1:1 Erin', '', Date.UTC(2026, 2, 20, 11)),
];

/** Rows a buggy or older build might have written: kept in quarantine, never silently dropped. */
const CORRUPT: Record<string, unknown>[] = [
  { ...note('bad1_20260301T100000Z', 'bad1', 'Text as number', '', 1), text: 42 },
  (({ seriesKey: _drop, ...rest }) => rest)(note('bad2_20260302T100000Z', 'bad2', 'No series', 'lost?', 2)),
  { ...note('bad3_20260303T100000Z', 'bad3', 'Created as string', 'x', 3), createdAt: '2026-03-03' },
];

async function saveV1(name: string, rows: unknown[]): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_VERSIONS[1]);
  await v1.table('notes').bulkPut(rows);
  v1.close();
}

async function readV1(name: string): Promise<{ verno: number; stores: string[]; notes: unknown[] }> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_VERSIONS[1]);
  await v1.open();
  const result = {
    verno: v1.verno,
    stores: [...v1.backendDB().objectStoreNames],
    notes: await v1.table('notes').toArray(),
  };
  v1.close();
  return result;
}

const byKey = (rows: unknown[]) =>
  [...rows].sort((a, b) =>
    String((a as { eventKey: string }).eventKey).localeCompare(String((b as { eventKey: string }).eventKey)),
  );

describe('version 1 → latest', () => {
  it('turns every v1 note into a session of one relationship per series', async () => {
    await saveV1('duet-v1', [...VALID, ...CORRUPT]);
    const db = new DuetDatabase('duet-v1');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);

    const relationships = await db.relationships.toArray();
    const sessions = await db.sessions.toArray();
    expect(relationships).toHaveLength(4);
    expect(sessions).toHaveLength(VALID.length);
    expect(await countRecords(db)).toEqual({
      people: 0,
      relationships: 4,
      sessions: 6,
      agreements: 0,
      quarantined: CORRUPT.length,
    });

    const bySeries = new Map<string, Relationship>(relationships.map((r) => [r.calendarSeriesIds[0]!, r]));
    expect(relationships.every((r) => r.calendarSeriesIds.length === 1)).toBe(true);
    expect(bySeries.get(SERIES)).toMatchObject({
      kind: 'one-on-one',
      title: 'Alice / Bob',
      cadenceDays: 14,
      templateId: 'builtin:your-session',
      personIds: [],
      meetCodes: [],
      archived: false,
    });
    expect(bySeries.get('c0ffee12345')).toMatchObject({ kind: 'skip-level', cadenceDays: 42 });
    expect(bySeries.get('singleevent77')).toMatchObject({ kind: 'career', templateId: 'builtin:career' });
    expect(bySeries.get('allday99')).toMatchObject({
      kind: 'peer',
      cadenceDays: 28,
      templateId: 'builtin:peer',
    });

    for (const v1 of VALID) {
      const session = sessions.find((s) => s.calendarEventId === v1.eventKey) as Session;
      expect(session, v1.eventKey).toBeDefined();
      const relationship = bySeries.get(v1.seriesKey)!;
      const scheduledAt = instantFromEventKey(v1.eventKey) ?? v1.createdAt;
      const held = scheduledAt <= NOW;
      expect(session).toEqual({
        id: expect.any(String),
        relationshipId: relationship.id,
        scheduledAt,
        calendarEventId: v1.eventKey,
        meetCode: null,
        status: held ? 'held' : 'upcoming',
        templateId: relationship.templateId,
        notes: { [GENERAL_NOTES_SECTION]: v1.text },
        privateNotes: '',
        checkIn: null,
        heldAt: held ? scheduledAt : null,
        live: null,
        assessment: null,
        createdAt: v1.createdAt,
        updatedAt: v1.updatedAt,
      });
    }
    const statuses = Object.fromEntries(sessions.map((s) => [s.calendarEventId, [s.status, s.scheduledAt]]));
    expect(statuses[`${SERIES}_20260323T170000Z`]).toEqual(['held', Date.UTC(2026, 2, 23, 17)]);
    expect(statuses[`${SERIES}_20260406T170000Z`]).toEqual(['upcoming', Date.UTC(2026, 3, 6, 17)]);
    expect(statuses['allday99_20260320']).toEqual(['held', Date.UTC(2026, 2, 20)]);
    expect(statuses['singleevent77']).toEqual(['held', Date.UTC(2026, 2, 12, 15)]);
    db.close();
  });

  it('keeps corrupt rows in quarantine with the reason and the raw row', async () => {
    await saveV1('duet-v1-corrupt', [...VALID, ...CORRUPT]);
    const db = new DuetDatabase('duet-v1-corrupt');
    const quarantined = await db.quarantine.toArray();
    expect(quarantined).toHaveLength(CORRUPT.length);
    for (const row of quarantined) {
      expect(row).toMatchObject({ table: 'notes (v1)', at: NOW, seq: expect.any(Number) });
    }
    expect(byKey(quarantined.map((q) => JSON.parse(q.raw)))).toEqual(byKey(CORRUPT));
    const reasonFor = (eventKey: string) =>
      quarantined.find((q) => (JSON.parse(q.raw) as { eventKey: string }).eventKey === eventKey)?.reason;
    expect(reasonFor('bad1_20260301T100000Z')).toMatch(/^text: /);
    expect(reasonFor('bad2_20260302T100000Z')).toMatch(/^seriesKey: /);
    expect(reasonFor('bad3_20260303T100000Z')).toMatch(/^createdAt: /);
    // None of them became a session or a relationship.
    const sessions = await db.sessions.toArray();
    expect(sessions.some((s) => s.calendarEventId?.startsWith('bad'))).toBe(false);
    expect(
      (await db.relationships.toArray()).some((r) => r.calendarSeriesIds.some((s) => s.startsWith('bad'))),
    ).toBe(false);
    db.close();
  });

  it('quarantines a note whose event key is not a valid id instead of dropping it', async () => {
    const odd = note('has space/and slash_20260301T100000Z', 'okseries', 'Alice / Bob', 'Keep me', 5);
    await saveV1('duet-v1-odd', [odd, VALID[0]]);
    const db = new DuetDatabase('duet-v1-odd');
    const quarantined = await db.quarantine.toArray();
    expect(quarantined).toHaveLength(1);
    expect(JSON.parse(quarantined[0]!.raw)).toEqual(odd);
    expect(quarantined[0]!.reason).toMatch(/letters, digits/);
    expect(await db.sessions.count()).toBe(1);
    db.close();
  });

  it('drops the v1 notes table at version 3', async () => {
    await saveV1('duet-v1-tables', VALID);
    const db = new DuetDatabase('duet-v1-tables');
    await db.open();
    const stores = [...db.backendDB().objectStoreNames];
    expect(stores).not.toContain('notes');
    expect(db.tables.map((t) => t.name)).not.toContain('notes');
    expect(stores.sort()).toEqual(
      [
        'agreements',
        'feedback',
        'goals',
        'people',
        'quarantine',
        'relationships',
        'sessions',
        'settings',
        'talkingPoints',
        'templates',
        'tombstones',
      ].sort(),
    );
    db.close();
  });

  it('migrated notes are readable through today’s API', async () => {
    await saveV1('duet-v1-api', VALID);
    const db = new DuetDatabase('duet-v1-api');
    expect((await getEventNote(`${SERIES}_20260323T170000Z`, db))?.text).toBe(VALID[0]!.text);
    const alice = (await db.relationships.where('calendarSeriesIds').equals(SERIES).first())!;
    // The same UTC hour as the last 1:1 (17:00Z), a week on: 7 local days in every time zone.
    const overview = await loadRelationshipOverview(alice.id, Date.UTC(2026, 2, 30, 17), db);
    expect(overview?.lastSession?.calendarEventId).toBe(`${SERIES}_20260323T170000Z`);
    expect(overview?.nextSession?.calendarEventId).toBe(`${SERIES}_20260406T170000Z`);
    expect(overview?.cadence).toEqual({ status: 'ok', daysSince: 7, cadenceDays: 14 });
    db.close();
  });

  it('an empty version-1 database upgrades to an empty latest one', async () => {
    await saveV1('duet-v1-empty', []);
    const db = new DuetDatabase('duet-v1-empty');
    expect(await countRecords(db)).toEqual({
      people: 0,
      relationships: 0,
      sessions: 0,
      agreements: 0,
      quarantined: 0,
    });
    expect(db.verno).toBe(LATEST_VERSION);
    db.close();
  });
});

describe('version 2 → latest', () => {
  it('keeps every v2 record unchanged and drops the notes table', async () => {
    const relationship: Relationship = {
      id: 'rel-1',
      personIds: ['person-1'],
      kind: 'one-on-one',
      title: 'Alice 1:1',
      cadenceDays: 14,
      templateId: 'builtin:your-session',
      calendarSeriesIds: [SERIES],
      meetCodes: ['abc-defg-hij'],
      archived: false,
      createdAt: 1,
      updatedAt: 2,
    };
    const person = {
      id: 'person-1',
      name: 'Alice',
      emails: ['alice@example.com'],
      relation: 'report',
      archived: false,
      createdAt: 1,
      updatedAt: 1,
    };
    const session: Session = {
      id: 'session-1',
      relationshipId: 'rel-1',
      scheduledAt: Date.UTC(2026, 2, 23, 17),
      calendarEventId: `${SERIES}_20260323T170000Z`,
      meetCode: null,
      status: 'held',
      templateId: 'builtin:your-session',
      notes: { general: 'v2 notes' },
      privateNotes: 'private',
      checkIn: { mood: 3, workload: 4 },
      heldAt: Date.UTC(2026, 2, 23, 17),
      live: null,
      assessment: null,
      createdAt: 3,
      updatedAt: 4,
    };
    const v2 = new Dexie('duet-v2');
    v2.version(1).stores(SCHEMA_VERSIONS[1]);
    v2.version(2).stores(SCHEMA_VERSIONS[2]);
    await v2.table('relationships').put(relationship);
    await v2.table('people').put(person);
    await v2.table('sessions').put(session);
    await v2.table('quarantine').add({ table: 'notes (v1)', reason: 'text: bad', raw: '{}', at: 5 });
    v2.close();

    const db = new DuetDatabase('duet-v2');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.relationships.toArray()).toEqual([relationship]);
    expect(await db.people.toArray()).toEqual([person]);
    expect(await db.sessions.toArray()).toEqual([session]);
    expect(await db.quarantine.count()).toBe(1);
    expect([...db.backendDB().objectStoreNames]).not.toContain('notes');
    db.close();
  });
});

describe('version 3 → latest', () => {
  it('keeps every v3 row as it was (corrupt ones too: nothing converts them) and adds an empty tombstones table', async () => {
    const person = {
      id: 'person-1',
      name: 'Alice',
      emails: ['alice@example.com'],
      relation: 'report',
      archived: false,
      createdAt: 1,
      updatedAt: 1,
    };
    const relationship = {
      id: 'rel-1',
      personIds: ['person-1'],
      kind: 'one-on-one',
      title: 'Alice 1:1',
      cadenceDays: 14,
      templateId: 'builtin:your-session',
      calendarSeriesIds: [SERIES],
      meetCodes: [],
      archived: false,
      archivedWith: [],
      createdAt: 1,
      updatedAt: 2,
    };
    const corrupt = { id: 'rel-bad', title: 42 };
    const template = {
      id: 'custom:t',
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [{ id: 'talk', title: 'Talk', minutes: 0, prompts: [], kind: 'notes' }],
      builtIn: false,
      retired: false,
      createdAt: 1,
      updatedAt: 1,
    };
    const v3 = new Dexie('duet-v3');
    for (const version of [1, 2, 3] as const) v3.version(version).stores(SCHEMA_VERSIONS[version]);
    await v3.table('people').put(person);
    await v3.table('relationships').bulkPut([relationship, corrupt]);
    await v3.table('templates').put(template);
    await v3.table('quarantine').add({ table: 'import', reason: 'bad', raw: '{}', at: 5 });
    v3.close();

    const db = new DuetDatabase('duet-v3');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.people.toArray()).toEqual([person]);
    expect(await db.relationships.toArray()).toEqual([relationship, corrupt]);
    expect(await db.templates.toArray()).toEqual([template]);
    expect(await db.quarantine.count()).toBe(1);
    expect([...db.backendDB().objectStoreNames]).toContain('tombstones');
    expect(await db.tombstones.count()).toBe(0);
    db.close();
  });
});

describe('version 4 → latest', () => {
  it('keeps every v4 row and tombstone, and indexes agreements by status and age', async () => {
    const agreement = (id: string, createdAt: number, dueDate: string | null, status = 'open') => ({
      id,
      relationshipId: 'rel-1',
      text: `Agreement ${id}`,
      owner: 'me',
      dueDate,
      status,
      madeInSessionId: null,
      history: [],
      createdAt,
      updatedAt: createdAt,
    });
    const rows = [
      agreement('b', 30, null),
      agreement('a', 20, '2026-04-01'),
      agreement('c', 10, null, 'done'),
    ];
    const tombstone = { table: 'people', id: 'person-gone', deletedAt: 7 };
    const v4 = new Dexie('duet-v4');
    for (const version of [1, 2, 3, 4] as const) v4.version(version).stores(SCHEMA_VERSIONS[version]);
    await v4.table('agreements').bulkPut(rows);
    await v4.table('tombstones').put(tombstone);
    v4.close();

    const db = new DuetDatabase('duet-v4');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.agreements.orderBy('id').toArray()).toEqual([rows[1], rows[0], rows[2]]);
    expect(await db.tombstones.toArray()).toEqual([tombstone]);
    const open = await db.agreements
      .where('[status+createdAt]')
      .between(['open', -Infinity], ['open', Infinity])
      .primaryKeys();
    expect(open).toEqual(['a', 'b']);
    db.close();
  });
});

describe('a failing upgrade', () => {
  it('rejects the open and leaves every version-1 note intact', async () => {
    const rows = [...VALID, ...CORRUPT];
    await saveV1('duet-failing', rows);
    const failing = new Dexie('duet-failing');
    failing.version(1).stores(SCHEMA_VERSIONS[1]);
    failing
      .version(2)
      .stores(SCHEMA_VERSIONS[2])
      .upgrade(async (tx) => {
        await tx.table('relationships').add({ id: 'half-done' });
        await tx.table('notes').clear();
        throw new Error('upgrade bug');
      });
    await expect(failing.open()).rejects.toThrow(/upgrade bug/);
    failing.close();

    const after = await readV1('duet-failing');
    expect(after.verno).toBe(1);
    expect(after.stores).toEqual(['notes']);
    expect(byKey(after.notes)).toEqual(byKey(rows));
  });

  it('Duet’s own upgrade failing half-way leaves the v1 notes intact, and a later open migrates them', async () => {
    await saveV1('duet-failing-real', VALID);
    let calls = 0;
    const uuid = vi.spyOn(crypto, 'randomUUID').mockImplementation(() => {
      calls++;
      if (calls === 3) throw new Error('random source failed');
      return `00000000-0000-4000-8000-${String(calls).padStart(12, '0')}`;
    });
    const db = new DuetDatabase('duet-failing-real');
    await expect(db.open()).rejects.toThrow(/random source failed/);
    db.close();
    uuid.mockRestore();

    const after = await readV1('duet-failing-real');
    expect(after.verno).toBe(1);
    expect(after.stores).toEqual(['notes']);
    expect(byKey(after.notes)).toEqual(byKey(VALID));

    const retried = new DuetDatabase('duet-failing-real');
    expect(await countRecords(retried)).toMatchObject({ relationships: 4, sessions: 6, quarantined: 0 });
    retried.close();
  });
});

describe('instantFromEventKey', () => {
  it('reads the instance time of a recurring event id', () => {
    expect(instantFromEventKey(`${SERIES}_20260323T170000Z`)).toBe(Date.UTC(2026, 2, 23, 17, 0, 0));
    expect(instantFromEventKey('abc_20261231T235959Z')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59));
  });

  it('reads an all-day instance as midnight UTC', () => {
    expect(instantFromEventKey('abc_20260320')).toBe(Date.UTC(2026, 2, 20));
  });

  it('is null for ids without an instance suffix', () => {
    expect(instantFromEventKey(SERIES)).toBeNull();
    expect(instantFromEventKey('abc_2026032')).toBeNull();
    expect(instantFromEventKey('abc_20260323T1700Z')).toBeNull();
    expect(instantFromEventKey('')).toBeNull();
  });
});
