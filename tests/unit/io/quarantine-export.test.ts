/**
 * An export holds everything and still imports: records Duet cannot read (kept by an upgrade, or damaged)
 * travel in the file's quarantine section with the reason, and come back into the quarantine, never into
 * the notes. SECURITY.md items 15 and 19.
 */
import { describe, expect, it } from 'vitest';
import { addAgreement, createPerson, createRelationship, getDatabase, prepareSession } from '@/lib/db';
import { exportAll, serializeExport } from '@/lib/io/export';
import { deleteAllData, ImportError, importFromText, validateImport } from '@/lib/io/import';

/** A 1:1 with Alice. */
async function aliceOneOnOne() {
  const alice = await createPerson({ name: 'Alice', emails: [], relation: 'report' });
  return createRelationship({ personIds: [alice.id], kind: 'one-on-one', title: 'Alice 1:1' });
}

/** An agreement made in a session of the 1:1 with Alice. */
async function agreementMadeInASession() {
  const rel = await aliceOneOnOne();
  const { session } = await prepareSession({
    relationshipId: rel.id,
    scheduledAt: Date.UTC(2026, 10, 2, 15),
  });
  const a = await addAgreement(rel.id, {
    owner: 'me',
    text: 'Send it',
    dueDate: null,
    sessionId: session.id,
  });
  return { rel, session, a };
}

async function counts() {
  const db = getDatabase();
  return {
    people: await db.people.count(),
    relationships: await db.relationships.count(),
    sessions: await db.sessions.count(),
    agreements: await db.agreements.count(),
    quarantine: await db.quarantine.count(),
  };
}

describe('export with records Duet cannot read', () => {
  it('sets aside a damaged record and what depends on it; the rest imports, and nothing is lost', async () => {
    const alice = await createPerson({ name: 'Alice', emails: ['alice@example.com'], relation: 'report' });
    const good = await createRelationship({ personIds: [alice.id], kind: 'one-on-one', title: 'Alice 1:1' });
    await addAgreement(good.id, { owner: 'me', text: 'Send the draft', dueDate: null });
    // A row an upgrade kept as it was: its title is not text; a session and an agreement belong to it.
    const bad = await createRelationship({ personIds: [alice.id], kind: 'one-on-one', title: 'Broken' });
    const { session } = await prepareSession({
      relationshipId: bad.id,
      scheduledAt: Date.UTC(2026, 10, 2, 15),
    });
    await addAgreement(bad.id, { owner: 'them', text: 'Only copy', dueDate: null, sessionId: session.id });
    await getDatabase().relationships.update(bad.id, { title: 42 as unknown as string });

    const file = await exportAll();
    const quarantined = file.data.quarantine ?? [];
    expect(quarantined.map((row) => row.table).sort()).toEqual(['agreements', 'relationships', 'sessions']);
    expect(quarantined.find((row) => row.table === 'relationships')?.reason).toMatch(/^title/);
    expect(quarantined.find((row) => row.table === 'agreements')?.raw).toContain('Only copy');
    expect(file.data.relationships.map((r) => r.id)).toEqual([good.id]);

    const text = serializeExport(file);
    await deleteAllData();
    await importFromText(text, 'replace');
    expect(await counts()).toEqual({
      people: 1,
      relationships: 1,
      sessions: 0,
      agreements: 1,
      quarantine: 3,
    });
    // Exported again, the file is the same records and the same quarantine.
    const again = await exportAll();
    expect(again.data.quarantine?.map((row) => row.raw).sort()).toEqual(
      quarantined.map((row) => row.raw).sort(),
    );
  });

  it('carries the quarantine an upgrade filled, and a merge does not add a record twice', async () => {
    await getDatabase().quarantine.add({
      table: 'notes (v1)',
      reason: 'no session',
      raw: '{"text":"only copy"}',
      at: 1,
    });
    const text = serializeExport(await exportAll());
    await deleteAllData();
    expect(await getDatabase().quarantine.count()).toBe(0);
    await importFromText(text, 'replace');
    expect((await getDatabase().quarantine.toArray()).map((row) => row.raw)).toEqual([
      '{"text":"only copy"}',
    ]);
    await importFromText(text, 'merge');
    expect(await getDatabase().quarantine.count()).toBe(1);
  });

  it('merging my own export back in, then exporting again, still gives a file that imports', async () => {
    const rel = await aliceOneOnOne();
    const a = await addAgreement(rel.id, { owner: 'me', text: 'x', dueDate: null });
    await getDatabase().agreements.update(a.id, { text: 42 as unknown as string });
    await importFromText(serializeExport(await exportAll()), 'merge');
    const again = await exportAll();
    expect(again.data.quarantine).toHaveLength(1);
    expect(() => validateImport(JSON.parse(serializeExport(again)))).not.toThrow();
    // A file holding one unreadable record twice imports it once.
    const twice = JSON.parse(serializeExport(again)) as { data: { quarantine: unknown[] } };
    twice.data.quarantine.push(twice.data.quarantine[0]);
    expect(validateImport(twice).quarantine).toHaveLength(1);
  });

  it('a link that may be empty, to a session that is gone, is emptied: the agreement stays in view', async () => {
    const { session, a } = await agreementMadeInASession();
    await getDatabase().sessions.delete(session.id);
    const file = await exportAll();
    expect(file.data.quarantine).toBeUndefined();
    expect(file.data.agreements).toEqual([expect.objectContaining({ id: a.id, madeInSessionId: null })]);
    await deleteAllData();
    await importFromText(serializeExport(file), 'replace');
    expect((await getDatabase().agreements.get(a.id))?.text).toBe('Send it');
  });

  it('a record set aside keeps its links as stored, even one first emptied', async () => {
    const { rel, session, a } = await agreementMadeInASession();
    // Both the 1:1 and its session unreadable: the agreement goes aside, with its session link intact.
    await getDatabase().relationships.update(rel.id, { title: 42 as unknown as string });
    await getDatabase().sessions.update(session.id, { scheduledAt: 'x' as unknown as number });
    const aside = (await exportAll()).data.quarantine ?? [];
    const agreement = aside.find((row) => row.table === 'agreements');
    expect(JSON.parse(agreement!.raw)).toMatchObject({ id: a.id, madeInSessionId: session.id });
  });

  it('a healthy database exports no quarantine section', async () => {
    await aliceOneOnOne();
    expect((await exportAll()).data.quarantine).toBeUndefined();
  });

  it('refuses a file whose quarantine row is malformed, changing nothing', () => {
    const file = {
      format: 'duet-export',
      version: 1,
      exportedAt: 1,
      app: 'Duet',
      data: { quarantine: [{ table: 'sessions', reason: 'x', raw: 42, at: 1 }] },
    };
    expect(() => validateImport(file)).toThrow(ImportError);
    expect(() => validateImport(file)).toThrow(/Set-aside record 1 in the file/);
  });
});
