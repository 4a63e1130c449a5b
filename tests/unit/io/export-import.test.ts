import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  addFeedback,
  addGoal,
  addTalkingPoint,
  completeAgreement,
  countRecords,
  createPerson,
  ensurePersistentStorage,
  createRelationship,
  getDatabase,
  getSession,
  getSettings,
  ignoreSeries,
  markSessionHeld,
  prepareSession,
  renegotiateAgreement,
  saveCheckIn,
  saveCustomTemplate,
  saveSectionNotes,
  loadSessionView,
  setTalkingPointStatus,
  startLiveSession,
  updateGoal,
  updateSettings,
} from '@/lib/db';
import { exportAll, exportFileName, serializeExport } from '@/lib/io/export';
import { EXPORT_TABLES, type ExportFile } from '@/lib/io/export-format';
import {
  applyImport,
  deleteAllData,
  ImportError,
  importFromText,
  parseImportText,
  previewImport,
  validateImport,
} from '@/lib/io/import';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE_FOR_KIND } from '@/lib/domain/templates';
import { useFixedDate } from '../helpers/clock';

const NOW = new Date(2026, 2, 25, 12).getTime();
const DAY = 86_400_000;
const HOUR = 3_600_000;

useFixedDate(NOW);

/** A little of everything, through the repositories. */
async function seed(prefix = 'Alice') {
  const person = await createPerson({
    name: prefix,
    emails: [`${prefix.toLowerCase()}@example.com`],
    relation: 'report',
  });
  const relationship = await createRelationship({
    personIds: [person.id],
    kind: 'one-on-one',
    title: `${prefix} / Me`,
    calendarSeriesIds: [`series${prefix}`],
  });
  const { session: past } = await prepareSession({
    relationshipId: relationship.id,
    scheduledAt: NOW - 14 * DAY,
    calendarEventId: `series${prefix}_20260311T120000Z`,
  });
  await saveSectionNotes(past.id, 'your-topics', `${prefix}: career “next step” — ünïcödé ✓\nline 2`);
  await saveCheckIn(past.id, { mood: 4, workload: null });
  const discussed = await addTalkingPoint(relationship.id, { text: 'Discussed topic', author: 'me' });
  await setTalkingPointStatus(discussed.id, 'discussed', past.id);
  await addTalkingPoint(relationship.id, { text: 'Open topic', author: 'them' });
  await markSessionHeld(past.id, NOW - 14 * DAY);
  const { session: next } = await prepareSession({ relationshipId: relationship.id, scheduledAt: NOW + DAY });
  const a1 = await addAgreement(relationship.id, {
    owner: 'me',
    text: 'Send notes',
    dueDate: '2026-03-20',
    sessionId: past.id,
  });
  await renegotiateAgreement(a1.id, '2026-03-31', 'Busy week');
  const a2 = await addAgreement(relationship.id, {
    owner: 'named',
    ownerName: 'Dana',
    text: 'Intro',
    dueDate: null,
  });
  await completeAgreement(a2.id);
  await addGoal(relationship.id, {
    category: 'okr',
    title: 'Ship search',
    keyResults: [{ id: 'kr1', text: 'p95 < 200ms', progress: 30 }],
  });
  await addFeedback(relationship.id, {
    direction: 'given',
    text: 'Great demo',
    sessionId: past.id,
    personId: person.id,
  });
  return { person, relationship, past, next };
}

async function seedAll() {
  await seed('Alice');
  await seed('Bob');
  await saveCustomTemplate({
    name: 'My template',
    method: 'custom',
    description: 'Mine',
    sections: [{ id: 'talk', title: 'Talk', minutes: 5, prompts: [], kind: 'notes' }],
  });
  await updateSettings({ myName: 'Me', myEmails: ['me@example.com'] });
}

async function snapshot() {
  return (await exportAll(getDatabase(), 0)).data;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('round trip', () => {
  it('export → delete all → import gives identical data', async () => {
    await seedAll();
    const before = await exportAll(getDatabase(), NOW);
    expect(before).toMatchObject({ format: 'duet-export', version: 1, exportedAt: NOW, app: 'Duet' });
    for (const table of EXPORT_TABLES) expect(before.data[table].length, table).toBeGreaterThan(0);
    const text = serializeExport(before);

    await deleteAllData();
    expect(await countRecords()).toEqual({
      people: 0,
      relationships: 0,
      sessions: 0,
      agreements: 0,
      quarantined: 0,
    });
    for (const table of EXPORT_TABLES) expect(await getDatabase().table(table).count()).toBe(0);

    const imported = await importFromText(text, 'replace');
    expect(imported).toEqual(before.data);
    const after = await exportAll(getDatabase(), NOW + 1000);
    expect({ ...after, exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
    expect(serializeExport({ ...after, exportedAt: NOW })).toBe(text);
  });

  it('keeps when a finished goal was done; a goal from before the field imports without it', async () => {
    const { relationship } = await seed();
    const done = await addGoal(relationship.id, { category: 'impact', title: 'Ship search v2' });
    vi.setSystemTime(NOW - 3 * DAY);
    await updateGoal(done.id, { archived: true });
    vi.setSystemTime(NOW);
    // Changed since (a fold re-stamps it): the day it was done stays the file's.
    await updateGoal(done.id, { title: 'Ship search 2' });
    const file = JSON.parse(serializeExport(await exportAll(getDatabase(), NOW))) as ExportFile;
    expect(file.data.goals.find((g) => g.id === done.id)).toMatchObject({
      archivedAt: NOW - 3 * DAY,
      updatedAt: NOW,
    });
    const old = await addGoal(relationship.id, { category: 'team', title: 'Hire' });
    const oldRow = { ...old, archived: true };
    // Done "in the future" (a clock ahead): counts as done at import time, as its other stamps do.
    const ahead = {
      ...(await addGoal(relationship.id, { category: 'okr', title: 'Ahead' })),
      archived: true,
    };
    const text = JSON.stringify({
      ...file,
      data: { ...file.data, goals: [...file.data.goals, oldRow, { ...ahead, archivedAt: NOW + DAY }] },
    });

    await deleteAllData();
    await importFromText(text, 'replace');
    const goals = getDatabase().goals;
    expect((await goals.get(done.id))?.archivedAt).toBe(NOW - 3 * DAY);
    expect(await goals.get(old.id)).not.toHaveProperty('archivedAt');
    expect((await goals.get(ahead.id))?.archivedAt).toBe(NOW);

    await goals.delete(done.id);
    await importFromText(text, 'merge');
    expect((await goals.get(done.id))?.archivedAt).toBe(NOW - 3 * DAY);
  });

  it('deleteAllData also clears the quarantine', async () => {
    await getDatabase().quarantine.add({ table: 'notes (v1)', reason: 'x', raw: '{}', at: 1 });
    await deleteAllData();
    expect(await getDatabase().quarantine.count()).toBe(0);
  });

  it('names the file after the day', () => {
    expect(exportFileName(new Date(2026, 10, 22, 10).getTime())).toBe('duet-export-2026-11-22.json');
    // The user's own day: late at night, or early in the morning east of UTC.
    expect(exportFileName(new Date(2026, 10, 22, 23, 30).getTime())).toBe('duet-export-2026-11-22.json');
    expect(exportFileName(new Date(2026, 10, 22, 0, 30).getTime())).toBe('duet-export-2026-11-22.json');
  });
});

describe('merge and replace', () => {
  async function setup() {
    const alice = await seed('Alice');
    const file = await exportAll(getDatabase(), NOW);
    // After the export: an unrelated new record, and a change to an exported one.
    const carol = await createPerson({ name: 'Carol', relation: 'peer' });
    vi.setSystemTime(NOW + 1000);
    await getDatabase().people.update(alice.person.id, { name: 'Alice Renamed' });
    return { alice, carol, file };
  }

  it('a merge that would give one address to two people is refused, saying how to keep both', async () => {
    // Each device added Dan from the same Calendar guest: two records of one person.
    await createPerson({ name: 'Dan Lee', emails: ['dan@example.com'], relation: 'report' });
    const file = serializeExport(await exportAll(getDatabase(), NOW));
    await deleteAllData();
    const here = await createPerson({ name: 'Dan L.', emails: ['Dan@example.com'], relation: 'report' });
    const before = await snapshot();
    const error = await rejection(importFromText(file, 'merge'));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe(
      'dan@example.com belongs to “Dan L.” here and to “Dan Lee” in the file: one person with two records. ' +
        'To keep both histories, remove the address from “Dan L.” (Options → People), import again, then ' +
        'merge the two there. Nothing was changed.',
    );
    expect(await snapshot()).toEqual(before);
    // Done as it says: both are kept, and can be merged.
    await getDatabase().people.update(here.id, { emails: [] });
    await importFromText(file, 'merge');
    expect(await getDatabase().people.count()).toBe(2);
    // A backup holding two such records (made before this rule) still imports, merged or not, anywhere.
    await getDatabase().people.update(here.id, { emails: ['dan@example.com'] });
    const twice = serializeExport(await exportAll(getDatabase(), NOW));
    await deleteAllData();
    await importFromText(twice, 'merge');
    expect(await getDatabase().people.count()).toBe(2);
  });

  it('previewImport counts added, updated, unchanged and removed', async () => {
    const { file } = await setup();
    const data = validateImport(JSON.parse(serializeExport(file)));
    const merge = await previewImport(data, 'merge');
    const same = (unchanged: number) => ({ added: 0, updated: 0, unchanged, newerHere: 0 });
    // The rename did not move updatedAt: the file's version is as new, so it is written.
    expect(merge.changes.people).toEqual({ added: 0, updated: 1, unchanged: 0, newerHere: 0 });
    expect(merge.changes.relationships).toEqual(same(1));
    expect(merge.changes.sessions).toEqual(same(2));
    expect(merge.changes.talkingPoints).toEqual(same(2));
    expect(merge.changes.agreements).toEqual(same(2));
    expect(merge.removed.people).toBe(0);
    const replace = await previewImport(data, 'replace');
    expect(replace.removed.people).toBe(1);
    expect(Object.values(replace.removed).reduce((a, b) => a + b, 0)).toBe(1);

    // Into an empty database, everything is new.
    await deleteAllData();
    const fresh = await previewImport(data, 'replace');
    for (const table of EXPORT_TABLES) {
      expect(fresh.changes[table]).toEqual({
        added: data[table].length,
        updated: 0,
        unchanged: 0,
        newerHere: 0,
      });
      expect(fresh.removed[table]).toBe(0);
    }
  });

  it('re-importing an unchanged export changes nothing', async () => {
    await seedAll();
    const file = await exportAll(getDatabase(), NOW);
    const data = validateImport(parseImportText(serializeExport(file)));
    const preview = await previewImport(data, 'replace');
    for (const table of EXPORT_TABLES) {
      expect(preview.changes[table], table).toEqual({
        added: 0,
        updated: 0,
        unchanged: data[table].length,
        newerHere: 0,
      });
      expect(preview.removed[table], table).toBe(0);
    }
  });

  it('merge never takes back what was written here after the export; replace says it will', async () => {
    const { past: session } = await seed('Alice');
    await ignoreSeries('other-series', getDatabase(), 'Other');
    await saveSectionNotes(session.id, 'your-topics', 'what the file holds');
    const text = serializeExport(await exportAll(getDatabase(), NOW));
    vi.setSystemTime(NOW + HOUR);
    await saveSectionNotes(session.id, 'your-topics', 'typed after the export');
    await ignoreSeries('weekly-standup', getDatabase(), 'Standup');
    const data = validateImport(parseImportText(text));

    const merge = await previewImport(data, 'merge');
    expect(merge.changes.sessions.newerHere).toBe(1);
    expect(merge.changes.settings).toEqual({ added: 0, updated: 0, unchanged: 0, newerHere: 1 });
    const replace = await previewImport(data, 'replace');
    expect(replace.changes.sessions.newerHere).toBe(1);
    expect(Object.values(replace.removed).reduce((a, b) => a + b, 0)).toBe(0);

    await importFromText(text, 'merge');
    expect((await getSession(session.id))?.notes['your-topics']).toBe('typed after the export');
    expect((await getSettings()).ignoredSeries).toEqual(['other-series', 'weekly-standup']);

    await importFromText(text, 'replace');
    expect((await getSession(session.id))?.notes['your-topics']).toBe('what the file holds');
    expect((await getSettings()).ignoredSeries).toEqual(['other-series']);
  });

  it('a backup merged into a fresh device brings its settings back (recording the storage answer is no change)', async () => {
    await seed('Alice');
    await updateSettings({
      myName: 'Alice Smith',
      myEmails: ['alice@acme.example'],
      ignoredSeries: ['standup'],
    });
    await ensurePersistentStorage({ persisted: async () => true, persist: async () => true });
    const text = serializeExport(await exportAll(getDatabase(), NOW));
    await deleteAllData();
    // The new device opens the options page: it records its own storage answer (a refusal here).
    vi.setSystemTime(NOW + HOUR);
    await ensurePersistentStorage({ persisted: async () => false, persist: async () => false });
    const data = validateImport(parseImportText(text));
    expect((await previewImport(data, 'merge')).changes.settings).toEqual({
      added: 0,
      updated: 1,
      unchanged: 0,
      newerHere: 0,
    });
    await importFromText(text, 'merge');
    const settings = await getSettings();
    expect(settings).toMatchObject({ myName: 'Alice Smith', myEmails: ['alice@acme.example'] });
    expect(settings.ignoredSeries).toEqual(['standup']);
    // Whether this browser keeps the storage is this device's answer, never the file's.
    expect(settings.storagePersistence).toMatchObject({ granted: false });
    await importFromText(text, 'replace');
    expect((await getSettings()).storagePersistence).toMatchObject({ granted: false });
  });

  it('merge decides in its own transaction: a note saved while the preview is on screen stays', async () => {
    const { past: session } = await seed('Alice');
    const text = serializeExport(await exportAll(getDatabase(), NOW));
    const data = validateImport(parseImportText(text));
    expect((await previewImport(data, 'merge')).changes.sessions.newerHere).toBe(0);
    vi.setSystemTime(NOW + HOUR);
    await saveSectionNotes(session.id, 'your-topics', 'typed while the preview was open');
    await applyImport(data, 'merge');
    expect((await getSession(session.id))?.notes['your-topics']).toBe('typed while the preview was open');
  });

  it('rows stored before a field existed count as unchanged, not changed', async () => {
    const { past: session } = await seed('Alice');
    await ignoreSeries('other-series', getDatabase(), 'Other');
    const db = getDatabase();
    const { live: _live, assessment: _assessment, ...older } = (await db.sessions.get(session.id))!;
    await db.sessions.put(older as never);
    const settings = (await db.settings.toArray())[0]!;
    const { meetPanel: _meetPanel, ...olderSettings } = settings;
    await db.settings.put(olderSettings as never);
    const data = validateImport(parseImportText(serializeExport(await exportAll(db, NOW))));
    const preview = await previewImport(data, 'merge');
    expect(preview.changes.sessions.updated).toBe(0);
    expect(preview.changes.settings).toEqual({ added: 0, updated: 0, unchanged: 1, newerHere: 0 });
  });

  it('a file template with a built-in id is refused; a 1:1 whose template is gone imports and still runs', async () => {
    const { relationship } = await seed('Alice');
    const file = JSON.parse(serializeExport(await exportAll(getDatabase(), NOW))) as ExportFile;
    const shadow = structuredClone(file);
    shadow.data.templates.push({ ...BUILT_IN_TEMPLATES[0]!, name: 'Hijacked' });
    expect(() => validateImport(shadow)).toThrow(
      /Template 1 in the file \(id builtin:[^)]+\): that id belongs to a template built into Duet/,
    );
    // Deleted in another tab while this 1:1 was switched to it: Duet's own export names it.
    const gone = structuredClone(file);
    gone.data.relationships[0]!.templateId = 'custom-deleted-since';
    gone.data.sessions.forEach((session) => (session.templateId = 'custom-deleted-since'));
    await importFromText(JSON.stringify(gone), 'replace');
    const session = await startLiveSession({ relationshipId: relationship.id, now: NOW + 2 * DAY });
    const view = await loadSessionView(session.id);
    expect(view?.template.id).toBe(DEFAULT_TEMPLATE_FOR_KIND['one-on-one']);
  });

  it('writes compact JSON that imports back', async () => {
    await seed('Alice');
    const text = serializeExport(await exportAll(getDatabase(), NOW));
    expect(text).not.toContain('\n');
    expect(validateImport(parseImportText(text)).people).toHaveLength(1);
  });

  it('merge keeps unrelated existing records and restores the exported ones', async () => {
    const { alice, carol, file } = await setup();
    await importFromText(serializeExport(file), 'merge');
    expect((await getDatabase().people.get(carol.id))?.name).toBe('Carol');
    expect((await getDatabase().people.get(alice.person.id))?.name).toBe('Alice');
    expect(await getDatabase().people.count()).toBe(2);
  });

  it('replace removes records that are not in the file', async () => {
    const { alice, carol, file } = await setup();
    await importFromText(serializeExport(file), 'replace');
    expect(await getDatabase().people.get(carol.id)).toBeUndefined();
    expect((await getDatabase().people.get(alice.person.id))?.name).toBe('Alice');
    expect(await snapshot()).toEqual(file.data);
  });
});

describe('bad files are rejected whole, the database untouched', () => {
  let good: ExportFile;

  beforeEach(async () => {
    await seed('Alice');
    good = await exportAll(getDatabase(), NOW);
    // The database now differs from the file, so a partial write would show.
    await seed('Bob');
  });

  const clone = (): ExportFile => JSON.parse(serializeExport(good)) as ExportFile;

  async function expectRejected(
    text: string,
    message: RegExp,
    modes: readonly ('replace' | 'merge')[] = ['replace', 'merge'],
  ): Promise<void> {
    const before = await snapshot();
    for (const mode of modes) {
      const error = await rejection(importFromText(text, mode));
      expect(error).toBeInstanceOf(ImportError);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was changed/);
    }
    expect(await snapshot()).toEqual(before);
  }

  it('truncated JSON', async () => {
    const text = serializeExport(good);
    await expectRejected(text.slice(0, Math.floor(text.length / 2)), /not valid JSON.*truncated/);
    await expectRejected('', /not valid JSON/);
  });

  it('a replace with a file missing a section: refused, and the message ends as every refusal does', async () => {
    const file = { ...clone(), data: {} };
    const error = await rejection(importFromText(JSON.stringify(file), 'replace'));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(/has no "\w+" section.*merging adds what it has.*Nothing was changed\.$/);
  });

  it('not a Duet export', async () => {
    await expectRejected(JSON.stringify({ ...clone(), format: 'other-app' }), /not a Duet export file/);
    await expectRejected('[]', /not a Duet export file/);
    await expectRejected('null', /not a Duet export file/);
    await expectRejected('"duet-export"', /not a Duet export file/);
  });

  it('a template whose sections share an id (a 1:1 on it could never start a session)', async () => {
    const file = clone() as unknown as { data: { templates: unknown[] } };
    const builtIn = BUILT_IN_TEMPLATES[0]!;
    const section = builtIn.sections[0]!;
    file.data.templates.push({
      ...builtIn,
      id: 'custom-twice',
      builtIn: false,
      method: 'custom',
      sections: [section, { ...section, title: 'Again' }],
    });
    await expectRejected(JSON.stringify(file), /custom-twice.*section ids must be unique/);
  });

  it('a damaged header', async () => {
    const { exportedAt: _drop, ...rest } = clone();
    await expectRejected(JSON.stringify(rest), /damaged \(exportedAt: /);
    await expectRejected(JSON.stringify({ ...clone(), extra: 1 }), /damaged/);
  });

  it('a newer or unsupported version', async () => {
    await expectRejected(JSON.stringify({ ...clone(), version: 2 }), /newer Duet \(format 2\).*update Duet/);
    await expectRejected(JSON.stringify({ ...clone(), version: 0 }), /format \(0\) is not supported/);
  });

  it('a record with fields this Duet does not know (a newer Duet wrote them): imported, the fields kept', async () => {
    const file = clone() as unknown as { data: { people: Record<string, unknown>[] } };
    expect(file.data.people.length).toBeGreaterThan(0);
    file.data.people[0]!.pronouns = 'she/her';
    const data = validateImport(parseImportText(JSON.stringify(file)));
    expect(data.people[0]).toMatchObject({ id: file.data.people[0]!.id, pronouns: 'she/her' });
  });

  it('an unknown section', async () => {
    const file = clone() as unknown as { data: Record<string, unknown> };
    file.data.secrets = [];
    await expectRejected(JSON.stringify(file), /Unknown section "secrets"/);
  });

  it('a section that is not a list', async () => {
    const file = clone() as unknown as { data: Record<string, unknown> };
    file.data.people = { 0: good.data.people[0] };
    await expectRejected(JSON.stringify(file), /"people" should be a list/);
  });

  it('a record failing its schema, named by table, index and field', async () => {
    const file = clone();
    const agreement = file.data.agreements[0]!;
    (agreement as { dueDate: string }).dueDate = '2026-13-45';
    await expectRejected(
      JSON.stringify(file),
      new RegExp(
        `Agreement 1 in the file \\(id ${agreement.id}\\) cannot be read: its “dueDate” is not valid`,
      ),
    );

    // A field it does not know beside a known one of the wrong type: refused for the latter.
    const extraField = clone();
    (extraField.data.sessions[1] as unknown as Record<string, unknown>).injected = '<script>';
    (extraField.data.sessions[1] as unknown as Record<string, unknown>).status = '<script>';
    await expectRejected(JSON.stringify(extraField), /Session 2 in the file.*its “status” is not valid/);

    const badId = clone();
    (badId.data.people[0] as { id: string }).id = '../../etc/passwd';
    await expectRejected(JSON.stringify(badId), /Person 1 in the file.*its “id” is not valid/);
  });

  it('tampered references', async () => {
    const orphanSession = clone();
    orphanSession.data.sessions[0]!.relationshipId = 'nowhere';
    await expectRejected(
      JSON.stringify(orphanSession),
      /Session 1 in the file \(id [^)]+\): refers to 1:1 series nowhere/,
    );

    const ghostSession = clone();
    const index = ghostSession.data.agreements.findIndex((a) => a.madeInSessionId !== null);
    ghostSession.data.agreements[index]!.madeInSessionId = 'ghost';
    await expectRejected(
      JSON.stringify(ghostSession),
      new RegExp(`Agreement ${index + 1} in the file.*refers to session ghost`),
    );

    const ghostPerson = clone();
    ghostPerson.data.relationships[0]!.personIds = ['missing-person'];
    await expectRejected(JSON.stringify(ghostPerson), /1:1 1 in the file.*person missing-person/);

    const ghostPoint = clone();
    const planned = ghostPoint.data.talkingPoints.findIndex((p) => p.sessionId !== null);
    ghostPoint.data.talkingPoints[planned]!.sessionId = 'gone';
    await expectRejected(JSON.stringify(ghostPoint), /Talking point \d+ in the file.*session gone/);

    const orphanGoal = clone();
    orphanGoal.data.goals[0]!.relationshipId = 'nowhere';
    await expectRejected(JSON.stringify(orphanGoal), /Goal 1 in the file.*1:1 series nowhere/);
  });

  it('a point or agreement naming a session of another 1:1 is refused (one person’s notes in another’s)', async () => {
    // Alice's and Bob's, both in the file.
    const both = (): ExportFile => JSON.parse(serializeExport(file)) as ExportFile;
    const file = await exportAll(getDatabase(), NOW);
    const [alice, bob] = file.data.relationships.map((r) => r.id) as [string, string];
    const bobsSession = file.data.sessions.find((s) => s.relationshipId === bob)!.id;

    const point = both();
    const alicePoint = point.data.talkingPoints.findIndex((p) => p.relationshipId === alice);
    point.data.talkingPoints[alicePoint]!.sessionId = bobsSession;
    await expectRejected(
      JSON.stringify(point),
      new RegExp(`Talking point ${alicePoint + 1} in the file.*session ${bobsSession} of another 1:1`),
    );

    const agreement = both();
    const aliceAgreement = agreement.data.agreements.findIndex((a) => a.relationshipId === alice);
    agreement.data.agreements[aliceAgreement]!.madeInSessionId = bobsSession;
    await expectRejected(
      JSON.stringify(agreement),
      new RegExp(`Agreement ${aliceAgreement + 1} in the file.*session ${bobsSession} of another 1:1`),
    );
  });

  it('tampered references in feedback (its person and session) are refused too', async () => {
    const ghostSession = clone();
    ghostSession.data.feedback[0]!.sessionId = 'ghost-session';
    await expectRejected(JSON.stringify(ghostSession), /Feedback 1 in the file.*session ghost-session/);

    const ghostPerson = clone();
    ghostPerson.data.feedback[0]!.personId = 'ghost-person';
    await expectRejected(JSON.stringify(ghostPerson), /Feedback 1 in the file.*person ghost-person/);
  });

  it('a file without a whole section: Replace is refused (it would delete them all), Merge adds what it has', async () => {
    const partial = clone();
    delete (partial.data as Partial<typeof partial.data>).goals;
    const before = await snapshot();
    await expect(importFromText(JSON.stringify(partial), 'replace')).rejects.toThrow(
      /no "goals" section.*Nothing was changed/,
    );
    expect(await snapshot()).toEqual(before);
    await importFromText(JSON.stringify(partial), 'merge');
    expect(await getDatabase().goals.count()).toBe(before.goals.length);
    expect(before.goals.length).toBeGreaterThan(0);
  });

  it('a template of the user’s marked as built in (it could never be edited or deleted)', async () => {
    await saveCustomTemplate({
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [{ id: 'talk', title: 'Talk', minutes: 5, prompts: [], kind: 'notes' }],
    });
    const file = await exportAll(getDatabase(), NOW);
    (file.data.templates[0] as { builtIn: boolean }).builtIn = true;
    await expectRejected(JSON.stringify(file), /Template 1 in the file.*marked as built into Duet/);
  });

  it('duplicate ids', async () => {
    const file = clone();
    file.data.people.push({ ...file.data.people[0]!, name: 'Impostor' });
    await expectRejected(JSON.stringify(file), /Person 2 in the file \(id [^)]+\): the id appears twice/);
  });

  it('a 129 MB file, refused by size before parsing', async () => {
    const text = '{"format":"duet-export","version":1,"pad":"' + 'x'.repeat(129 * 1024 * 1024) + '"}';
    const parse = vi.spyOn(JSON, 'parse');
    const started = performance.now();
    await expectRejected(text, /This file is 129\.0 MB; Duet imports files up to 128\.0 MB/, ['replace']);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(parse).not.toHaveBeenCalledWith(text, expect.anything());
  });

  it('multi-byte text is measured in bytes', () => {
    const text = '"' + 'é'.repeat(13 * 1024 * 1024) + '"'; // 13 M characters, 26 MB of UTF-8
    expect(() => parseImportText(text, 25 * 1024 * 1024)).toThrow(
      /26\.0 MB; Duet imports files up to 25\.0 MB/,
    );
    expect(() => parseImportText(text, 27 * 1024 * 1024)).not.toThrow();
  });

  it('__proto__, constructor and prototype keys anywhere', async () => {
    const text = serializeExport(good);
    const id = `"id":"${good.data.people[0]!.id}"`;
    expect(text).toContain(id);
    const withKey = (key: string, value: string) => text.replace(id, `"${key}": ${value}, ${id}`);
    const proto = withKey('__proto__', '{"polluted": true}');
    expect(proto).toContain('"__proto__": {"polluted": true}');
    await expectRejected(proto, /"__proto__" key/);
    await expectRejected(withKey('constructor', '{"name": "x"}'), /"constructor" key/);
    await expectRejected(
      JSON.stringify({ format: 'duet-export' }).replace('{', '{"data": {"people": [{"prototype": 1}]},'),
      /"prototype" key/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('applyImport is atomic', () => {
  it('a failure writing the last table during a replace leaves everything as it was', async () => {
    await seed('Alice');
    const file = validateImport(JSON.parse(serializeExport(await exportAll(getDatabase(), NOW))));
    await deleteAllData();
    await seed('Bob');
    await updateSettings({ myName: 'Before' });
    const before = await snapshot();

    const db = getDatabase();
    const last = EXPORT_TABLES[EXPORT_TABLES.length - 1]!;
    const bulkPut = vi
      .spyOn(db.table(last), 'bulkPut')
      .mockImplementation(() => Promise.reject(new Error('disk error')) as never);
    await expect(applyImport(file, 'replace')).rejects.toThrow(/disk error/);
    expect(bulkPut).toHaveBeenCalledTimes(1);
    bulkPut.mockRestore();
    expect(await snapshot()).toEqual(before);

    // Without the fault the same import goes through.
    await applyImport(file, 'replace');
    expect(await snapshot()).toEqual(file);
  });
});
