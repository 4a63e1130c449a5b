/**
 * A backup of a database a newer Duet wrote (records with fields this Duet does not know): the records go in
 * the file's tables with those fields, not in its quarantine, and a Replace import brings the history back,
 * the fields kept. A record with a key that is never a field, or a known field of the wrong type, is still
 * set aside on export and refused on import.
 */
import { describe, expect, it } from 'vitest';
import {
  addAgreement,
  createPerson,
  createRelationship,
  getDatabase,
  loadRelationshipOverview,
  markSessionHeld,
  prepareSession,
  saveSectionNotes,
} from '@/lib/db';
import { exportAll, serializeExport } from '@/lib/io/export';
import { deleteAllData, ImportError, importFromText, validateImport } from '@/lib/io/import';

async function aliceWithHistory() {
  const alice = await createPerson({ name: 'Alice', emails: ['alice@example.com'], relation: 'report' });
  const rel = await createRelationship({ personIds: [alice.id], kind: 'one-on-one', title: 'Alice 1:1' });
  const { session } = await prepareSession({
    relationshipId: rel.id,
    scheduledAt: Date.UTC(2026, 10, 2, 15),
  });
  await saveSectionNotes(session.id, 'general', 'Promotion plan');
  await markSessionHeld(session.id, Date.UTC(2026, 10, 2, 16));
  await addAgreement(rel.id, { owner: 'me', text: 'Send the draft', dueDate: null, sessionId: session.id });
  return { alice, rel, session };
}

describe('export and import of records with fields a newer Duet wrote', () => {
  it('keeps them (and what refers to them) in the tables, and a Replace import restores them', async () => {
    const { rel, session } = await aliceWithHistory();
    const db = getDatabase();
    const row = (await db.relationships.get(rel.id))!;
    await db.relationships.put({ ...row, pinned: { order: 2 } } as typeof row);

    const file = await exportAll();
    expect(file.data.quarantine).toBeUndefined();
    expect(file.data.relationships.map((r) => r.id)).toEqual([rel.id]);
    expect(file.data.relationships[0]).toMatchObject({ pinned: { order: 2 } });
    expect(file.data.sessions.map((s) => s.id)).toEqual([session.id]);
    expect(file.data.agreements).toHaveLength(1);

    const text = serializeExport(file);
    await deleteAllData();
    await importFromText(text, 'replace');
    const overview = await loadRelationshipOverview(rel.id);
    expect(overview?.relationship).toMatchObject({ id: rel.id, title: 'Alice 1:1', pinned: { order: 2 } });
    expect(overview?.lastSession?.notes.general).toBe('Promotion plan');
    expect(overview?.openAgreements.map((a) => a.text)).toEqual(['Send the draft']);
    expect(await db.quarantine.count()).toBe(0);
  });

  it('a merge import keeps a nested unknown field too', async () => {
    const { session } = await aliceWithHistory();
    const file = await exportAll();
    const raw = JSON.parse(serializeExport(file)) as { data: { sessions: Array<Record<string, unknown>> } };
    raw.data.sessions[0]!.checkIn = { mood: null, workload: null, newer: 'yes' };
    const data = validateImport(raw);
    expect(data.sessions[0]).toMatchObject({ checkIn: { newer: 'yes' } });
    await deleteAllData();
    await importFromText(JSON.stringify(raw), 'merge');
    expect(await getDatabase().sessions.get(session.id)).toMatchObject({ checkIn: { newer: 'yes' } });
  });

  it('still sets aside a record with a wrong-typed field or a key that is never a field', async () => {
    const { rel } = await aliceWithHistory();
    const db = getDatabase();
    const row = (await db.relationships.get(rel.id))!;
    await db.relationships.put({ ...row, pinned: true, title: 42 } as unknown as typeof row);
    let file = await exportAll();
    expect(file.data.relationships).toEqual([]);
    expect(file.data.quarantine?.map((q) => q.table).sort()).toEqual([
      'agreements',
      'relationships',
      'sessions',
    ]);

    await db.relationships.put({ ...row, constructor: 'x' } as unknown as typeof row);
    file = await exportAll();
    expect(file.data.relationships).toEqual([]);
    expect(file.data.quarantine?.find((q) => q.table === 'relationships')?.reason).toMatch(/constructor/);
  });

  it('an import still refuses a known field of the wrong type beside an unknown one', async () => {
    await aliceWithHistory();
    const raw = JSON.parse(serializeExport(await exportAll())) as {
      data: { people: Array<Record<string, unknown>> };
    };
    raw.data.people[0]!.pronouns = 'she/her';
    raw.data.people[0]!.name = 7;
    expect(() => validateImport(raw)).toThrow(ImportError);
    expect(() => validateImport(raw)).toThrow(/Person 1 in the file.*its “name”/);
  });
});
