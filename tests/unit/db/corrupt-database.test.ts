/**
 * SECURITY.md item 15, a damaged database: Duet's database at its installed version but with tables missing
 * (a profile damaged by a crash or a tool). It still opens, what survived is kept, and the missing tables
 * come back empty and usable — nothing that survived is dropped.
 */
import { describe, expect, it } from 'vitest';
import { countRecords, createRelationship, DuetDatabase, listPeople } from '@/lib/db';

const PERSON = {
  id: 'p-1',
  name: 'Bob Jones',
  emails: ['bob@acme.example'],
  relation: 'report',
  archived: false,
  createdAt: 1,
  updatedAt: 1,
};

async function damagedDatabase(name: string): Promise<void> {
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    // Dexie stores version n as n × 10: 30 is schema version 3, the latest.
    const request = indexedDB.open(name, 30);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('people', { keyPath: 'id' }).put(PERSON);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  raw.close();
}

describe('a damaged database', () => {
  it('with tables missing still opens, keeps what survived and recreates the rest', async () => {
    await damagedDatabase('duet-damaged');
    const db = new DuetDatabase('duet-damaged');
    await db.open();
    expect((await listPeople({}, db)).map((p) => p.name)).toEqual(['Bob Jones']);
    expect(await countRecords(db)).toEqual({
      people: 1,
      relationships: 0,
      sessions: 0,
      agreements: 0,
      quarantined: 0,
    });
    // The recreated tables work.
    const relationship = await createRelationship(
      { personIds: ['p-1'], kind: 'one-on-one', title: 'Bob' },
      db,
    );
    expect(await db.relationships.get(relationship.id)).toMatchObject({ title: 'Bob' });
    db.close();
  });
});
