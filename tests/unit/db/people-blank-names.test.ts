/** A person's name that shows nothing (white space or invisible characters only) is refused when written. */
import { describe, expect, it } from 'vitest';
import {
  applyPersonEdit,
  createPerson,
  findOrCreatePerson,
  getDatabase,
  getPerson,
  listPeople,
  updatePerson,
} from '@/lib/db';
import { PersonSchema } from '@/lib/domain/model';

const BLANKS = ['\u200b', ' \u200c\u200d ', '\u2060', '\ufeff', '\u00a0\u200b'];

describe('blank person names', () => {
  it.each(BLANKS)('createPerson refuses %j in words, and stores nothing', async (name) => {
    await expect(createPerson({ name, relation: 'report' })).rejects.toThrow(
      /^person\.name: a person needs a name/,
    );
    expect(await getDatabase().people.count()).toBe(0);
  });

  it('findOrCreatePerson (tracking a 1:1) refuses a zero-width name too', async () => {
    await expect(
      findOrCreatePerson({ name: '\u200b', email: 'sam@acme.example', relation: 'report' }),
    ).rejects.toMatchObject({ name: 'InvalidInputError' });
    expect(await getDatabase().people.count()).toBe(0);
  });

  it('updatePerson and applyPersonEdit refuse renaming to a blank name, keeping the old one', async () => {
    const sam = await createPerson({ name: 'Sam', relation: 'report' });
    await expect(updatePerson(sam.id, { name: '\u200b' })).rejects.toThrow(
      /^person\.name: a person needs a name/,
    );
    const fields = { name: 'Sam', emails: [], relation: 'report' as const };
    await expect(applyPersonEdit(sam.id, fields, { ...fields, name: '\ufeff' })).rejects.toThrow(
      /^person\.name: a person needs a name/,
    );
    expect((await getPerson(sam.id))!.name).toBe('Sam');
    // Other changes still save.
    await updatePerson(sam.id, { relation: 'peer' });
    expect((await getPerson(sam.id))!.relation).toBe('peer');
  });

  it('a name with visible text around invisible characters is fine', async () => {
    const person = await createPerson({ name: '\u200bSam\u200b', relation: 'report' });
    expect(person.name).toBe('\u200bSam\u200b');
  });

  it('a row stored before the check still reads and lists (the schema is unchanged)', async () => {
    const now = Date.now();
    const old = {
      id: 'p-old',
      name: '\u200b',
      emails: [],
      relation: 'other' as const,
      archived: false,
      createdAt: now,
      updatedAt: now,
    };
    expect(PersonSchema.safeParse(old).success).toBe(true);
    await getDatabase().people.add(old);
    expect((await listPeople()).map((p) => p.id)).toEqual(['p-old']);
    // Renaming it to a real name is allowed.
    await updatePerson('p-old', { name: 'Pat' });
    expect((await getPerson('p-old'))!.name).toBe('Pat');
  });
});
