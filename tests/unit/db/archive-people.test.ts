/**
 * Archiving people and their 1:1s: why a 1:1 is archived is recorded (`archivedWith`), so bringing a
 * person back restores exactly the 1:1s archived with them, whatever rewrote stamps meanwhile. Rows from
 * before that record (the old "same stamp as the person" convention) still work.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  applyPersonEdit,
  findRelationshipForEvent,
  listRelationships,
  createPerson,
  createRelationship,
  getDatabase,
  linkMeetCodeTo,
  mergePeople,
  saveCustomTemplate,
  setPersonArchived,
  setRelationshipArchived,
  unlinkSeries,
  updateRelationship,
} from '@/lib/db';
import type { Person, Relationship } from '@/lib/domain/model';
import { useFixedDate } from '../helpers/clock';

const NOW = new Date(2026, 2, 25, 12).getTime();
useFixedDate(NOW);

/** Every step happens a minute after the last one (real edits never share an instant). */
const later = () => vi.setSystemTime(Date.now() + 60_000);

const person = (name: string) =>
  createPerson({ name, emails: [`${name.toLowerCase()}@acme.example`], relation: 'report' });
const oneOnOne = (p: Person, title = `${p.name} 1:1`, kind: Relationship['kind'] = 'one-on-one') =>
  createRelationship({
    personIds: [p.id],
    kind,
    title,
    calendarSeriesIds: [`series-${title.replace(/\W/g, '')}`],
  });
const isArchived = async (r: Relationship) => (await getDatabase().relationships.get(r.id))!.archived;

describe('a 1:1 edited while its person is archived', () => {
  it.each([
    ['renamed', (r: Relationship) => updateRelationship(r.id, { title: 'Bob (renamed)' })],
    ['given another cadence', (r: Relationship) => updateRelationship(r.id, { cadenceDays: 7 })],
    [
      'switched to another template',
      async (r: Relationship) => {
        const template = await saveCustomTemplate({
          name: 'Mine',
          method: 'custom',
          description: '',
          sections: [{ id: 'talk', title: 'Talk', minutes: 10, prompts: [], kind: 'notes' }],
        });
        return updateRelationship(r.id, { templateId: template.id });
      },
    ],
    ['unlinked from a series', (r: Relationship) => unlinkSeries(r.id, r.calendarSeriesIds[0]!)],
    ['given a Meet code', (r: Relationship) => linkMeetCodeTo('abc-defg-hij', r.id)],
  ])('comes back with the person when %s meanwhile', async (_, edit) => {
    const bob = await person('Bob');
    const r = await oneOnOne(bob);
    await setPersonArchived(bob.id, true);
    later();
    await edit(r);
    later();
    await setPersonArchived(bob.id, false);
    expect(await isArchived(r)).toBe(false);
  });

  it('comes back when the person was edited meanwhile', async () => {
    const bob = await person('Bob');
    const r = await oneOnOne(bob);
    await setPersonArchived(bob.id, true);
    later();
    const fields = { name: bob.name, emails: bob.emails, relation: bob.relation };
    await applyPersonEdit(bob.id, fields, { ...fields, name: 'Robert' });
    later();
    await setPersonArchived(bob.id, false);
    expect(await isArchived(r)).toBe(false);
  });
});

describe('a 2-1 whose two people are archived one after the other', () => {
  async function twoOnOne() {
    const a = await person('Ann');
    const b = await person('Ben');
    const r = await createRelationship({
      personIds: [a.id, b.id],
      kind: 'two-on-one',
      title: 'Ann, Ben / Me',
    });
    await setPersonArchived(a.id, true);
    later();
    await setPersonArchived(b.id, true);
    later();
    return { a, b, r };
  }

  it.each([
    ['first archived first', 'a', 'b'],
    ['last archived first', 'b', 'a'],
  ] as const)('comes back once both are back (%s), not before', async (_, first, second) => {
    const people = await twoOnOne();
    expect((await getDatabase().relationships.get(people.r.id))!.archivedWith?.toSorted()).toEqual(
      [people.a.id, people.b.id].toSorted(),
    );
    await setPersonArchived(people[first].id, false);
    expect(await isArchived(people.r)).toBe(true);
    later();
    await setPersonArchived(people[second].id, false);
    expect(await isArchived(people.r)).toBe(false);
  });

  it('comes back once both are back, though brought back and archived again in between', async () => {
    const a = await person('Ann');
    const b = await person('Ben');
    const r = await createRelationship({
      personIds: [a.id, b.id],
      kind: 'two-on-one',
      title: 'Ann, Ben / Me',
    });
    await setPersonArchived(a.id, true);
    later();
    // Active while Ann is away (as an older "Unarchive 1:1" left it: it now brings Ann back too).
    await updateRelationship(r.id, { archived: false, archivedWith: [] });
    later();
    await setPersonArchived(b.id, true);
    later();
    await setPersonArchived(b.id, false);
    expect(await isArchived(r)).toBe(true); // Ann is still archived
    later();
    await setPersonArchived(a.id, false);
    expect(await isArchived(r)).toBe(false);
  });
});

describe('archiving a 1:1 on its own', () => {
  it('keeps one archived on its own in the same instant as its person archived', async () => {
    const bob = await person('Bob');
    const kept = await oneOnOne(bob);
    const old = await oneOnOne(bob, 'Bob career', 'career');
    await setRelationshipArchived(old.id, true);
    await setPersonArchived(bob.id, true); // same millisecond: the stamps match
    later();
    await setPersonArchived(bob.id, false);
    expect(await isArchived(kept)).toBe(false);
    expect(await isArchived(old)).toBe(true);
  });

  it('archived on its own while archived with its person, it stays archived when they come back', async () => {
    const bob = await person('Bob');
    const r = await oneOnOne(bob);
    await setPersonArchived(bob.id, true);
    await setRelationshipArchived(r.id, true); // same instant as the person
    expect((await getDatabase().relationships.get(r.id))!.archivedWith).toEqual([]);
    later();
    await setPersonArchived(bob.id, false);
    expect(await isArchived(r)).toBe(true);
  });

  it('brought back on its own, it no longer waits for anyone', async () => {
    const bob = await person('Bob');
    const r = await oneOnOne(bob);
    await setPersonArchived(bob.id, true);
    later();
    const back = await setRelationshipArchived(r.id, false);
    expect(back.archived).toBe(false);
    expect(back.archivedWith).toEqual([]);
    later();
    await setPersonArchived(bob.id, false);
    expect(await isArchived(r)).toBe(false);
  });
});

describe('bringing a 1:1 back on its own', () => {
  it('brings back its archived person too, but not their other 1:1s archived with them', async () => {
    const bob = await person('Bob');
    const r = await oneOnOne(bob);
    const career = await oneOnOne(bob, 'Bob career', 'career');
    await setPersonArchived(bob.id, true);
    later();
    await setRelationshipArchived(r.id, false);
    // Bob is back with this 1:1 (Meet finds it by his name, the panels name him).
    expect((await getDatabase().people.get(bob.id))!.archived).toBe(false);
    expect(await isArchived(r)).toBe(false);
    // His other 1:1 stays archived, now on its own: it no longer waits for him (he is back).
    const stored = (await getDatabase().relationships.get(career.id))!;
    expect(stored).toMatchObject({ archived: true, archivedWith: [] });
    // Archiving and bringing him back later restores exactly what was archived with him then.
    later();
    await setPersonArchived(bob.id, true);
    later();
    await setPersonArchived(bob.id, false);
    expect(await isArchived(r)).toBe(false);
    expect(await isArchived(career)).toBe(true);
  });

  it("a 2-1's people both come back; their other 2-1 waits only for those still archived", async () => {
    const ann = await person('Ann');
    const ben = await person('Ben');
    const cal = await person('Cal');
    const twoOnOne = (people: Person[], title: string) =>
      createRelationship({ personIds: people.map((p) => p.id), kind: 'two-on-one', title });
    const annBen = await twoOnOne([ann, ben], 'Ann, Ben / Me');
    const annCal = await twoOnOne([ann, cal], 'Ann, Cal / Me');
    await setPersonArchived(ann.id, true);
    later();
    await setPersonArchived(ben.id, true);
    later();
    await setPersonArchived(cal.id, true);
    later();
    await setRelationshipArchived(annBen.id, false);
    const db = getDatabase();
    expect((await db.people.bulkGet([ann.id, ben.id, cal.id])).map((p) => p!.archived)).toEqual([
      false,
      false,
      true,
    ]);
    expect(await isArchived(annBen)).toBe(false);
    expect(await db.relationships.get(annCal.id)).toMatchObject({ archived: true, archivedWith: [cal.id] });
    later();
    await setPersonArchived(cal.id, false);
    expect(await isArchived(annCal)).toBe(false);
  });

  it('works on rows from before archivedWith (the same-stamp convention)', async () => {
    const db = getDatabase();
    const at = NOW - 60 * 60_000;
    const bob: Person = {
      id: 'bob',
      name: 'Bob',
      emails: [],
      relation: 'report',
      archived: true,
      createdAt: at,
      updatedAt: at,
    };
    await db.people.put(bob);
    const r = await oneOnOne(bob);
    const career = await oneOnOne(bob, 'Bob career', 'career');
    // As the older version stored them: archived with Bob by the same stamp, no archivedWith.
    for (const row of [r, career]) await db.relationships.put({ ...row, archived: true, updatedAt: at });
    await setRelationshipArchived(r.id, false);
    expect((await db.people.get('bob'))!.archived).toBe(false);
    expect(await db.relationships.get(career.id)).toMatchObject({ archived: true, archivedWith: [] });
  });
});

describe('merging people', () => {
  async function archivedBobs() {
    const bob = await person('Bob');
    const dup = await person('Robert');
    const bobs = await oneOnOne(bob, 'Bob 1:1');
    const dupCareer = await oneOnOne(dup, 'Robert career', 'career');
    const dupOld = await oneOnOne(dup, 'Robert peer', 'peer');
    await setRelationshipArchived(dupOld.id, true); // on its own
    later();
    await setPersonArchived(bob.id, true);
    later();
    await setPersonArchived(dup.id, true);
    later();
    return { bob, dup, bobs, dupCareer, dupOld };
  }

  it('into an archived person: bringing them back restores both 1:1s archived with them, not the other', async () => {
    const { bob, dup, bobs, dupCareer, dupOld } = await archivedBobs();
    const { person: merged } = await mergePeople(bob.id, dup.id);
    expect(merged.archived).toBe(true);
    expect((await getDatabase().relationships.get(dupCareer.id))!.archivedWith).toEqual([bob.id]);
    later();
    await setPersonArchived(bob.id, false);
    expect(await isArchived(bobs)).toBe(false);
    expect(await isArchived(dupCareer)).toBe(false);
    expect(await isArchived(dupOld)).toBe(true);
  });

  it('twin 1:1s folded while both are archived come back with the kept person', async () => {
    const bob = await person('Bob');
    const dup = await person('Robert');
    const bobs = await oneOnOne(bob, 'Bob 1:1');
    const dups = await oneOnOne(dup, 'Robert 1:1');
    await setPersonArchived(dup.id, true);
    later();
    await setPersonArchived(bob.id, true);
    later();
    expect((await mergePeople(bob.id, dup.id)).mergedRelationships).toBe(1);
    expect(await getDatabase().relationships.get(dups.id)).toBeUndefined();
    later();
    await setPersonArchived(bob.id, false);
    expect(await isArchived(bobs)).toBe(false);
  });

  it('a twin 1:1 the user archived on its own stays archived when folded with one archived with a person', async () => {
    const bob = await person('Bob');
    const dup = await person('Robert');
    const bobs = await oneOnOne(bob, 'Bob 1:1');
    await oneOnOne(dup, 'Robert 1:1');
    await setRelationshipArchived(bobs.id, true); // the user put Bob's 1:1 away
    later();
    await setPersonArchived(dup.id, true); // the duplicate's 1:1 goes with him
    later();
    expect((await mergePeople(bob.id, dup.id)).mergedRelationships).toBe(1);
    expect(await isArchived(bobs)).toBe(true);
    expect((await getDatabase().relationships.get(bobs.id))!.archivedWith).toEqual([]);
  });

  it('an active duplicate merged into an archived person brings them back with their 1:1s', async () => {
    const bob = await person('Bob');
    const dup = await person('Robert');
    const bobs = await oneOnOne(bob, 'Bob 1:1');
    const old = await oneOnOne(bob, 'Bob career', 'career');
    await setRelationshipArchived(old.id, true);
    later();
    await setPersonArchived(bob.id, true);
    later();
    const { person: merged } = await mergePeople(bob.id, dup.id);
    expect(merged.archived).toBe(false);
    expect(await isArchived(bobs)).toBe(false);
    expect(await isArchived(old)).toBe(true);
  });
});

describe('rows from before archivedWith (the same-stamp convention)', () => {
  /** Stores people and 1:1s as the older version did: no `archivedWith`, the person's stamp on the 1:1. */
  async function legacy() {
    const db = getDatabase();
    const at = (minutes: number) => NOW - 600 * 60_000 + minutes * 60_000;
    const base = { emails: [], relation: 'report' as const, createdAt: at(0) };
    const ann: Person = { ...base, id: 'ann', name: 'Ann', archived: true, updatedAt: at(10) };
    const ben: Person = { ...base, id: 'ben', name: 'Ben', archived: true, updatedAt: at(20) };
    const rel = (
      id: string,
      personIds: string[],
      archived: boolean,
      updatedAt: number,
      kind: Relationship['kind'] = personIds.length > 1 ? 'two-on-one' : 'one-on-one',
    ): Relationship => ({
      id,
      personIds,
      kind,
      title: id,
      cadenceDays: 14,
      templateId: 'growth-performance',
      calendarSeriesIds: [],
      meetCodes: [],
      archived,
      createdAt: at(0),
      updatedAt,
    });
    await db.people.bulkPut([ann, ben]);
    await db.relationships.bulkPut([
      rel('ann-1on1', ['ann'], true, at(10)), // archived with Ann
      rel('ann-old', ['ann'], true, at(5)), // archived on its own before
      rel('two-on-one', ['ann', 'ben'], true, at(10)), // archived with Ann; Ben's archiving left it alone
      rel('ben-career', ['ben'], true, at(20), 'career'),
    ]);
    return db;
  }
  const archivedNow = async (id: string) => (await getDatabase().relationships.get(id))!.archived;

  it('bringing a person back restores the 1:1s with their stamp, not one archived on its own', async () => {
    await legacy();
    await setPersonArchived('ann', false);
    expect(await archivedNow('ann-1on1')).toBe(false);
    expect(await archivedNow('ann-old')).toBe(true);
    expect(await archivedNow('two-on-one')).toBe(true); // Ben is still archived
  });

  it('a 2-1 comes back once both are back, in either order', async () => {
    await legacy();
    await setPersonArchived('ann', false);
    later();
    await setPersonArchived('ben', false);
    expect(await archivedNow('two-on-one')).toBe(false);
    expect(await archivedNow('ben-career')).toBe(false);
  });

  it('a 2-1 comes back once both are back, the one not stamped first', async () => {
    await legacy();
    await setPersonArchived('ben', false);
    expect(await archivedNow('two-on-one')).toBe(true);
    later();
    await setPersonArchived('ann', false);
    expect(await archivedNow('two-on-one')).toBe(false);
  });

  it('a 1:1 edited after the update still comes back with its person', async () => {
    await legacy();
    await updateRelationship('ann-1on1', { title: 'Ann (renamed)' });
    await updateRelationship('ann-old', { title: 'Ann old (renamed)' });
    expect((await getDatabase().relationships.get('ann-1on1'))!.archivedWith).toEqual(['ann']);
    later();
    await setPersonArchived('ann', false);
    expect(await archivedNow('ann-1on1')).toBe(false);
    expect(await archivedNow('ann-old')).toBe(true);
  });

  it('merging two archived people keeps what each 1:1 was archived with', async () => {
    await legacy();
    await mergePeople('ann', 'ben');
    later();
    await setPersonArchived('ann', false);
    expect(await archivedNow('ann-1on1')).toBe(false);
    expect(await archivedNow('ben-career')).toBe(false);
    expect(await archivedNow('two-on-one')).toBe(false);
    expect(await archivedNow('ann-old')).toBe(true);
  });
});

describe('bringing back a 1:1 whose people have another active one of its kind', () => {
  it('joins that one (one history), rather than leaving two active 1:1s with the same person', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
    const old = await createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
      calendarSeriesIds: ['series-bob'],
    });
    await addAgreement(old.id, { owner: 'them', text: 'Send the draft', dueDate: null });
    await setRelationshipArchived(old.id, true);
    // Tracked again (from a call) while the old one lay archived.
    const fresh = await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Bob (call)' });
    await setRelationshipArchived(old.id, false);
    const active = (await listRelationships()).filter((r) => r.personIds.includes(bob.id));
    expect(active.map((r) => r.id)).toEqual([fresh.id]);
    expect(active[0]!.calendarSeriesIds).toEqual(['series-bob']);
    expect((await getDatabase().agreements.toArray()).map((a) => a.relationshipId)).toEqual([fresh.id]);
    expect(
      (await findRelationshipForEvent({ seriesId: 'series-bob', counterpartEmails: ['bob@acme.example'] }))
        ?.id,
    ).toBe(fresh.id);
  });
});

describe('a series linked to an archived 1:1 and to an active one of the same person', () => {
  it('finds the active one', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
    const old = await createRelationship({
      personIds: [bob.id],
      kind: 'career',
      title: 'Career',
      calendarSeriesIds: ['series-bob'],
    });
    await setRelationshipArchived(old.id, true);
    // Listed first by the series index (its id sorts first), as any order may put it.
    const archived = (await getDatabase().relationships.get(old.id))!;
    await getDatabase().relationships.delete(old.id);
    await getDatabase().relationships.put({ ...archived, id: '00000000-old' });
    const active = await createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
      calendarSeriesIds: ['series-bob'],
    });
    const found = await findRelationshipForEvent({
      seriesId: 'series-bob',
      counterpartEmails: ['bob@acme.example'],
    });
    expect(found?.id).toBe(active.id);
  });
});
