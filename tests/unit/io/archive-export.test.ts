/** Export and import keep why a 1:1 is archived (`archivedWith`); older exports without it still import. */
import { describe, expect, it, vi } from 'vitest';
import { createPerson, createRelationship, getDatabase, setPersonArchived } from '@/lib/db';
import { exportAll, serializeExport } from '@/lib/io/export';
import { applyImport, deleteAllData, importFromText, previewImport, validateImport } from '@/lib/io/import';
import { useFixedDate } from '../helpers/clock';

const NOW = new Date(2026, 2, 25, 12).getTime();
useFixedDate(NOW);
const later = () => vi.setSystemTime(Date.now() + 60_000);

async function archivedBob() {
  const bob = await createPerson({ name: 'Bob', emails: ['bob@acme.example'], relation: 'report' });
  const r = await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Bob / Me' });
  await setPersonArchived(bob.id, true);
  later();
  return { bob, r };
}

const stored = async (id: string) => (await getDatabase().relationships.get(id))!;

describe('archivedWith in exports', () => {
  it('round-trips, and the imported person brings their 1:1 back', async () => {
    const { bob, r } = await archivedBob();
    const text = serializeExport(await exportAll());
    const data = validateImport(JSON.parse(text));
    expect(data.relationships[0]!.archivedWith).toEqual([bob.id]);
    expect((await previewImport(data, 'merge')).changes.relationships.unchanged).toBe(1);
    await deleteAllData();
    await importFromText(text, 'replace');
    expect((await stored(r.id)).archivedWith).toEqual([bob.id]);
    later();
    await setPersonArchived(bob.id, false);
    expect((await stored(r.id)).archived).toBe(false);
  });

  it('imports an older export without it, whose archived people still bring their 1:1s back', async () => {
    const { bob, r } = await archivedBob();
    const file = await exportAll();
    const old = JSON.parse(serializeExport(file)) as typeof file;
    for (const relationship of old.data.relationships) delete relationship.archivedWith;
    // What the older version wrote: the 1:1 archived with Bob carries his stamp.
    expect(old.data.relationships[0]!.updatedAt).toBe(old.data.people[0]!.updatedAt);
    await deleteAllData();
    const data = await importFromText(JSON.stringify(old), 'replace');
    expect(data.relationships[0]!.archivedWith).toBeUndefined();
    later();
    await setPersonArchived(bob.id, false);
    expect((await stored(r.id)).archived).toBe(false);
  });

  it('a merge bringing in a 1:1 edited elsewhere while archived keeps it coming back with its person', async () => {
    const { bob, r } = await archivedBob();
    const file = await exportAll();
    // Renamed on another device while Bob was archived: newer than this device's copy.
    const renamed = { ...file.data.relationships[0]!, title: 'Bob (renamed)', updatedAt: Date.now() };
    await applyImport({ ...file.data, relationships: [renamed] }, 'merge');
    expect((await stored(r.id)).title).toBe('Bob (renamed)');
    later();
    await setPersonArchived(bob.id, false);
    expect((await stored(r.id)).archived).toBe(false);
  });

  it('refuses a file claiming more archived-with people than a 1:1 can have', () => {
    const file = {
      format: 'duet-export',
      version: 1,
      exportedAt: NOW,
      app: 'Duet',
      data: {
        relationships: [
          {
            id: 'r',
            personIds: [],
            kind: 'one-on-one',
            title: 'x',
            cadenceDays: 14,
            templateId: 'growth-performance',
            calendarSeriesIds: [],
            meetCodes: [],
            archived: true,
            archivedWith: ['a', 'b', 'c', 'd', 'e'],
            createdAt: NOW,
            updatedAt: NOW,
          },
        ],
      },
    };
    expect(() => validateImport(file)).toThrow(/archivedWith/);
  });
});
