/**
 * No 1:1 editor save and no merge of two people leaves someone with two active 1:1s of one kind with the
 * same people (twins): their history would split, and a new series would match neither and start a third.
 */
import { describe, expect, it } from 'vitest';
import {
  addAgreement,
  createPerson,
  createRelationship,
  findRelationshipForEvent,
  getDatabase,
  getRelationship,
  listRelationships,
  mergePeople,
  RelationshipTwinError,
  saveRelationshipEdit,
  type RelationshipFields,
} from '@/lib/db';
import type { Relationship } from '@/lib/domain/model';

const fields = (r: Relationship): RelationshipFields => ({
  personIds: r.personIds,
  title: r.title,
  kind: r.kind,
  cadenceDays: r.cadenceDays,
  templateId: r.templateId,
});

async function bobWithOneOnOne() {
  const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
  const oneOnOne = await createRelationship({
    personIds: [bob.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
    cadenceDays: 14,
    calendarSeriesIds: ['series-bob'],
  });
  return { bob, oneOnOne };
}

const agreementsOf = (relationshipId: string) =>
  getDatabase().agreements.where('relationshipId').equals(relationshipId).toArray();

describe('saveRelationshipEdit: no second active 1:1 of one kind with the same people', () => {
  it('folds an unassigned 1:1 that gains people into the 1:1 they have (as from Calendar)', async () => {
    const { bob, oneOnOne } = await bobWithOneOnOne();
    const tuesday = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Notes from Tuesday',
      calendarSeriesIds: ['series-tuesday'],
    });
    await addAgreement(tuesday.id, { owner: 'them', text: 'Send the draft', dueDate: null });

    const opened = fields(tuesday);
    const result = await saveRelationshipEdit(tuesday.id, opened, { ...opened, personIds: [bob.id] });

    expect(result.folded).toBe(true);
    expect(result.relationship.id).toBe(oneOnOne.id);
    expect(await getRelationship(tuesday.id)).toBeUndefined();
    // Bob's 1:1 keeps its own title and cadence, and gains the series and the agreement.
    expect(await getRelationship(oneOnOne.id)).toMatchObject({
      title: 'Alice / Bob',
      cadenceDays: 14,
      personIds: [bob.id],
      calendarSeriesIds: ['series-bob', 'series-tuesday'],
    });
    expect((await agreementsOf(oneOnOne.id)).map((a) => a.text)).toEqual(['Send the draft']);
    expect(await listRelationships()).toHaveLength(1);
    // A new series of Bob's continues his one 1:1.
    const found = await findRelationshipForEvent({
      seriesId: 'series-new',
      counterpartEmails: ['bob@acme.example'],
      title: '1:1 Alice / Bob',
    });
    expect(found?.id).toBe(oneOnOne.id);
  });

  it('saves an unassigned 1:1 gaining people as edited when they have no 1:1 of that kind', async () => {
    const { bob } = await bobWithOneOnOne();
    const tuesday = await createRelationship({ personIds: [], kind: 'career', title: 'Notes from Tuesday' });
    const opened = fields(tuesday);
    const result = await saveRelationshipEdit(tuesday.id, opened, {
      ...opened,
      personIds: [bob.id],
      title: 'Bob career',
    });
    expect(result.folded).toBe(false);
    expect(await getRelationship(tuesday.id)).toMatchObject({ personIds: [bob.id], title: 'Bob career' });
  });

  it('refuses a kind change that makes a twin, naming it, and changes nothing; folds once confirmed', async () => {
    const { bob, oneOnOne } = await bobWithOneOnOne();
    const career = await createRelationship({ personIds: [bob.id], kind: 'career', title: 'Bob career' });
    await addAgreement(career.id, { owner: 'me', text: 'Find a mentor', dueDate: null });
    const opened = fields(career);
    const edited = { ...opened, kind: 'one-on-one' as const, title: 'Renamed' };

    const error = await saveRelationshipEdit(career.id, opened, edited).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RelationshipTwinError);
    expect((error as RelationshipTwinError).twin).toMatchObject({ id: oneOnOne.id, names: ['Bob Jones'] });
    expect(await getRelationship(career.id)).toMatchObject({ kind: 'career', title: 'Bob career' });

    // Confirmed for another twin than the one there now: still refused.
    await expect(saveRelationshipEdit(career.id, opened, edited, { foldInto: 'other' })).rejects.toThrow(
      RelationshipTwinError,
    );

    const result = await saveRelationshipEdit(career.id, opened, edited, { foldInto: oneOnOne.id });
    expect(result).toMatchObject({ folded: true, relationship: { id: oneOnOne.id, title: 'Alice / Bob' } });
    expect(await getRelationship(career.id)).toBeUndefined();
    expect((await agreementsOf(oneOnOne.id)).map((a) => a.text)).toEqual(['Find a mentor']);
  });

  it('refuses a change of people that makes a twin (a 2-1 losing its second person)', async () => {
    const { bob, oneOnOne } = await bobWithOneOnOne();
    const carol = await createPerson({ name: 'Carol', emails: ['carol@acme.example'], relation: 'peer' });
    const pair = await createRelationship({
      personIds: [bob.id, carol.id],
      kind: 'one-on-one',
      title: 'Bob & Carol',
    });
    const opened = fields(pair);
    await expect(
      saveRelationshipEdit(pair.id, opened, { ...opened, personIds: [bob.id] }),
    ).rejects.toMatchObject({ name: 'RelationshipTwinError', twin: { id: oneOnOne.id } });
    expect((await getRelationship(pair.id))?.personIds).toEqual([bob.id, carol.id]);
  });

  it('folds the 1:1 as edited once confirmed: the people removed are not added back to the twin', async () => {
    const { bob, oneOnOne } = await bobWithOneOnOne();
    const carol = await createPerson({ name: 'Carol', emails: ['carol@acme.example'], relation: 'peer' });
    const pair = await createRelationship({
      personIds: [bob.id, carol.id],
      kind: 'one-on-one',
      title: 'Bob & Carol',
    });
    await addAgreement(pair.id, { owner: 'me', text: 'Share the plan', dueDate: null });
    const opened = fields(pair);
    const edited = { ...opened, personIds: [bob.id] };
    await expect(saveRelationshipEdit(pair.id, opened, edited)).rejects.toThrow(RelationshipTwinError);

    const result = await saveRelationshipEdit(pair.id, opened, edited, { foldInto: oneOnOne.id });
    expect(result).toMatchObject({ folded: true, relationship: { id: oneOnOne.id, personIds: [bob.id] } });
    expect((await getRelationship(oneOnOne.id))?.personIds).toEqual([bob.id]);
    expect(await getRelationship(pair.id)).toBeUndefined();
    expect((await agreementsOf(oneOnOne.id)).map((a) => a.text)).toEqual(['Share the plan']);
  });

  it('folds a 1:1 given to someone else into theirs without its former person', async () => {
    const { bob, oneOnOne } = await bobWithOneOnOne();
    const alice = await createPerson({ name: 'Alice', emails: ['alice@acme.example'], relation: 'report' });
    const alices = await createRelationship({ personIds: [alice.id], kind: 'one-on-one', title: 'Alice' });
    const opened = fields(alices);
    const edited = { ...opened, personIds: [bob.id] };
    await expect(saveRelationshipEdit(alices.id, opened, edited)).rejects.toThrow(RelationshipTwinError);

    const result = await saveRelationshipEdit(alices.id, opened, edited, { foldInto: oneOnOne.id });
    expect(result.folded).toBe(true);
    expect((await getRelationship(oneOnOne.id))?.personIds).toEqual([bob.id]);
    expect(await getRelationship(alices.id)).toBeUndefined();
  });

  it('leaves other edits alone: a title change beside a twin already there, an archived 1:1', async () => {
    const { bob } = await bobWithOneOnOne();
    const second = await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Old twin' });
    const opened = fields(second);
    await saveRelationshipEdit(second.id, opened, { ...opened, title: 'Renamed' });
    expect((await getRelationship(second.id))?.title).toBe('Renamed');

    const career = await createRelationship({ personIds: [bob.id], kind: 'career', title: 'Old career' });
    await getDatabase().relationships.update(career.id, { archived: true, archivedWith: [] });
    const archived = fields((await getRelationship(career.id))!);
    const result = await saveRelationshipEdit(career.id, archived, { ...archived, kind: 'one-on-one' });
    expect(result.folded).toBe(false);
    expect((await getRelationship(career.id))?.kind).toBe('one-on-one');
  });
});

describe('mergePeople: 2-1s with the same colleague', () => {
  it('folds the two records’ 2-1s with one colleague into one history', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
    const bobToo = await createPerson({ name: 'Bob J', emails: ['bobj@home.example'], relation: 'other' });
    const carol = await createPerson({ name: 'Carol', emails: ['carol@acme.example'], relation: 'peer' });
    const kept = await createRelationship({
      personIds: [bob.id, carol.id],
      kind: 'two-on-one',
      title: 'Bob, Carol & me',
      calendarSeriesIds: ['series-a'],
    });
    const moved = await createRelationship({
      personIds: [carol.id, bobToo.id],
      kind: 'two-on-one',
      title: '2-1 Bob J',
      calendarSeriesIds: ['series-b'],
    });
    await addAgreement(moved.id, { owner: 'them', text: 'Share the plan', dueDate: null });
    // Another kind with the same people, and a 2-1 with someone else: neither is a twin.
    const other = await createRelationship({
      personIds: [bobToo.id, carol.id],
      kind: 'peer',
      title: 'Peers',
    });

    const result = await mergePeople(bob.id, bobToo.id);

    expect(result).toMatchObject({ mergedRelationships: 1, movedRelationships: 1 });
    expect(await getRelationship(moved.id)).toBeUndefined();
    expect(await getRelationship(kept.id)).toMatchObject({
      personIds: [bob.id, carol.id],
      calendarSeriesIds: ['series-a', 'series-b'],
    });
    expect((await agreementsOf(kept.id)).map((a) => a.text)).toEqual(['Share the plan']);
    expect((await getRelationship(other.id))?.personIds).toEqual([bob.id, carol.id]);
    expect((await listRelationships()).filter((r) => r.kind === 'two-on-one')).toHaveLength(1);
  });
});
