import { describe, expect, it } from 'vitest';
import {
  createPerson,
  getDatabase,
  mergePeople,
  setRelationshipArchived,
  updateRelationship,
} from '@/lib/db';
import type { Relationship } from '@/lib/domain/model';

function rel(id: string, personIds: string[], archived: boolean, title: string): Relationship {
  const now = Date.now();
  return {
    id,
    personIds,
    kind: 'one-on-one',
    title,
    cadenceDays: 14,
    templateId: 'builtin:your-session',
    calendarSeriesIds: [],
    meetCodes: [],
    archived,
    ...(archived ? { archivedWith: [] } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

describe('merge picks a twin', () => {
  it('folds the duplicate’s active 1:1 into the kept person’s ACTIVE 1:1, not an old archived one', async () => {
    const bob = await createPerson({ name: 'Bob', emails: ['bob@a.example'], relation: 'report' });
    const dup = await createPerson({ name: 'Bob D', emails: ['bob@b.example'], relation: 'report' });
    const db = getDatabase();
    // ids chosen so the archived one sorts first in the personIds index
    await db.relationships.bulkPut([
      rel('a-old', [bob.id], true, 'Bob 1:1 2023 (archived by me)'),
      rel('b-new', [bob.id], false, 'Bob 1:1'),
      rel('c-dup', [dup.id], false, 'Bob D 1:1'),
    ]);
    await mergePeople(bob.id, dup.id);
    const oldOne = await db.relationships.get('a-old');
    const newOne = await db.relationships.get('b-new');
    // The 1:1 the user archived on its own must stay archived...
    expect(oldOne?.archived).toBe(true);
    // ...and the active history should be combined into the active one.
    expect(newOne).toBeDefined();
  });
});

describe('updateRelationship people', () => {
  it('refuses a person id that does not exist (dangling reference)', async () => {
    const bob = await createPerson({ name: 'Bob', emails: [], relation: 'report' });
    const db = getDatabase();
    await db.relationships.put(rel('r1', [bob.id], false, 'x'));
    await expect(updateRelationship('r1', { personIds: [bob.id, 'ghost-person'] })).rejects.toThrow();
  });
});
void setRelationshipArchived;
