import { describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  addFeedback,
  addGoal,
  addTalkingPoint,
  agreementsMadeIn,
  agreementsMatching,
  allActiveAgreements,
  cancelSession,
  completeAgreement,
  countRecords,
  countSessionsBetween,
  createPerson,
  createRelationship,
  describeStorageProblem,
  dropAgreement,
  ensurePersistentStorage,
  eventKeysWithNotes,
  feedbackOf,
  findOrCreatePerson,
  findPersonByEmail,
  knownPeopleEmails,
  findRelationshipForEvent,
  updateDetectionRules,
  getDatabase,
  getEventNote,
  getPerson,
  getRelationship,
  getSession,
  getSettings,
  getTemplate,
  goalsOf,
  InvalidInputError,
  lastHeldSession,
  lastHeldSessionBefore,
  listPeople,
  listRelationships,
  setPersonArchived,
  listTemplates,
  loadPopupLists,
  loadRelationshipOverview,
  markSessionHeld,
  mergePeople,
  nextSession,
  openAgreements,
  pointsOfSession,
  POPUP_LIST_LIMIT,
  prepareSession,
  recentNotes,
  relationshipHistory,
  renegotiateAgreement,
  reopenAgreement,
  moveTalkingPoint,
  reorderTalkingPoints,
  rescheduleSession,
  reviewAgreement,
  saveCheckIn,
  saveCustomTemplate,
  saveEventNote,
  trackSeriesWith,
  savePrivateNotes,
  saveSectionNotes,
  sessionForCalendarEvent,
  sessionHistory,
  sessionsBetween,
  startLiveSession,
  setRelationshipArchived,
  setTalkingPointStatus,
  updateGoal,
  updatePerson,
  updateRelationship,
  unignoreSeries,
  ignoreSeries,
  MAX_IGNORED_SERIES,
  updateSettings,
  upcomingTalkingPoints,
} from '@/lib/db';
import { AGREEMENT_FILTERS } from '@/lib/domain/agreements';
import { addDays, dayOf } from '@/lib/domain/days';
import {
  DEFAULT_CADENCE_DAYS,
  MAX_LONG_TEXT,
  type Relation,
  type Relationship,
  type Session,
} from '@/lib/domain/model';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE_FOR_KIND } from '@/lib/domain/templates';
import { useFixedDate } from '../helpers/clock';

const DAY = 86_400_000;
/** Wednesday 25 March 2026, local noon. Its week runs Monday 23 to Sunday 29 March. */
const NOW = new Date(2026, 2, 25, 12, 0, 0).getTime();
const TODAY = dayOf(NOW);

useFixedDate(NOW);

/** Moves the fake clock forward so updatedAt values differ. */
function tick(ms = 1000): number {
  vi.setSystemTime(Date.now() + ms);
  return Date.now();
}

/** Local noon, `offset` days from NOW. */
const dayAt = (offset: number, hour = 12) => {
  const base = new Date(NOW);
  return new Date(base.getFullYear(), base.getMonth(), base.getDate() + offset, hour).getTime();
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function oneOnOne(
  title = 'Alice / Bob',
  extra: Partial<Parameters<typeof createRelationship>[0]> = {},
) {
  return createRelationship({ personIds: [], kind: 'one-on-one', title, ...extra });
}

async function session(relationshipId: string, scheduledAt: number, calendarEventId: string | null = null) {
  return (await prepareSession({ relationshipId, scheduledAt, calendarEventId })).session;
}

// People ------------------------------------------------------------------------------------------

describe('people', () => {
  it('createPerson trims the name, lower-cases emails and stores the person', async () => {
    const person = await createPerson({
      name: '  Alice Example ',
      emails: ['Alice@Example.COM', 'alice.e@Corp.example'],
      relation: 'report',
    });
    expect(person).toMatchObject({
      name: 'Alice Example',
      emails: ['alice@example.com', 'alice.e@corp.example'],
      relation: 'report',
      archived: false,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(person.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getPerson(person.id)).toEqual(person);
  });

  it('createPerson refuses invalid input with a message naming the field, storing nothing', async () => {
    const badEmail = await rejection(
      createPerson({ name: 'Bob', emails: ['not an email'], relation: 'peer' }),
    );
    expect(badEmail).toBeInstanceOf(InvalidInputError);
    expect((badEmail as Error).message).toMatch(/^person\.emails\.0: /);
    await expect(createPerson({ name: '   ', relation: 'peer' })).rejects.toThrow(/person\.name/);
    await expect(
      createPerson({ name: 'Eve', relation: 'boss' as unknown as Relation }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await getDatabase().people.count()).toBe(0);
  });

  it('findPersonByEmail matches any of their emails, case-insensitively', async () => {
    const alice = await createPerson({
      name: 'Alice',
      emails: ['alice@example.com', 'a@corp.example'],
      relation: 'report',
    });
    await createPerson({ name: 'Bob', emails: ['bob@example.com'], relation: 'peer' });
    expect((await findPersonByEmail('ALICE@example.com'))?.id).toBe(alice.id);
    expect((await findPersonByEmail('a@corp.example'))?.id).toBe(alice.id);
    expect(await findPersonByEmail('carol@example.com')).toBeUndefined();
    // Which addresses are people's (the Calendar's "someone else's calendar" check): lower-cased, once each.
    expect(
      await knownPeopleEmails(['A@corp.example', 'carol@example.com', 'bob@example.com', 'a@corp.example']),
    ).toEqual(['a@corp.example', 'bob@example.com']);
    expect(await knownPeopleEmails([])).toEqual([]);
  });

  it('updatePerson applies a patch, validates it and bumps updatedAt', async () => {
    const alice = await createPerson({ name: 'Alice', emails: ['alice@example.com'], relation: 'report' });
    const later = tick();
    const updated = await updatePerson(alice.id, { name: 'Alice B.', emails: ['NEW@Example.com'] });
    expect(updated).toMatchObject({
      name: 'Alice B.',
      emails: ['new@example.com'],
      createdAt: NOW,
      updatedAt: later,
    });
    expect(await getPerson(alice.id)).toEqual(updated);
    await expect(updatePerson(alice.id, { emails: ['nope'] })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await getPerson(alice.id)).toEqual(updated);
    await expect(updatePerson('missing', { name: 'X' })).rejects.toThrow(
      new InvalidInputError('This person no longer exists.'),
    );
  });

  it('listPeople sorts by name and hides archived people unless asked', async () => {
    await createPerson({ name: 'Carol', relation: 'manager' });
    const bob = await createPerson({ name: 'Bob', relation: 'peer' });
    await createPerson({ name: 'Alice', relation: 'report' });
    await updatePerson(bob.id, { archived: true });
    expect((await listPeople()).map((p) => p.name)).toEqual(['Alice', 'Carol']);
    expect((await listPeople({ includeArchived: true })).map((p) => p.name)).toEqual([
      'Alice',
      'Bob',
      'Carol',
    ]);
  });
});

// Relationships -----------------------------------------------------------------------------------

describe('relationships', () => {
  it('createRelationship defaults cadence and template per kind', async () => {
    const expected = {
      'one-on-one': [14, 'builtin:your-session'],
      'two-on-one': [42, 'builtin:growth-performance'],
      'skip-level': [42, 'builtin:your-session'],
      peer: [28, 'builtin:peer'],
      career: [42, 'builtin:career'],
    } as const;
    for (const [kind, [cadenceDays, templateId]] of Object.entries(expected)) {
      const relationship = await createRelationship({
        personIds: [],
        kind: kind as keyof typeof expected,
        title: ` ${kind} `,
      });
      expect(relationship).toMatchObject({
        kind,
        title: kind,
        cadenceDays,
        templateId,
        calendarSeriesIds: [],
        meetCodes: [],
        archived: false,
        createdAt: NOW,
      });
      expect(DEFAULT_CADENCE_DAYS[relationship.kind]).toBe(cadenceDays);
      expect(DEFAULT_TEMPLATE_FOR_KIND[relationship.kind]).toBe(templateId);
    }
    expect(await getDatabase().relationships.count()).toBe(5);
  });

  it('createRelationship keeps explicit values and validates them', async () => {
    const relationship = await oneOnOne('Alice 1:1', {
      cadenceDays: 7,
      templateId: 'builtin:structured-50',
      calendarSeriesIds: ['series1'],
      meetCodes: ['abc-defg-hij'],
    });
    expect(relationship).toMatchObject({
      cadenceDays: 7,
      templateId: 'builtin:structured-50',
      calendarSeriesIds: ['series1'],
      meetCodes: ['abc-defg-hij'],
    });
    await expect(oneOnOne('x', { cadenceDays: 0 })).rejects.toThrow(/relationship\.cadenceDays/);
    await expect(oneOnOne('x', { meetCodes: ['not a code'] })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await getDatabase().relationships.count()).toBe(1);
  });

  it('a Calendar title longer than a title field holds is cut, so the first note and "Track" still save', async () => {
    // Pages may send titles of up to 1,024 characters; a 1:1's title holds 1,000.
    const title = `1:1 Alice / Bob — ${'x'.repeat(990)}`;
    const saved = await saveEventNote(
      { eventKey: 'ev1_20260323T170000Z', seriesKey: 'ev1', title },
      'Important notes',
    );
    expect(Object.values(saved.notes)).toContain('Important notes');
    const [relationship] = await listRelationships();
    expect(relationship?.title).toBe(title.slice(0, 1000));
    // An emoji at the cut is left out whole, never halved.
    const emoji = await oneOnOne(`${'y'.repeat(999)}👩🏽‍💻`);
    expect(emoji.title).toBe('y'.repeat(999));
  });

  it('findOrCreatePerson for a Meet participant (no email) finds the one person of that name', async () => {
    const alice = await createPerson({ name: 'Alice Smith', emails: [], relation: 'report' });
    // Meet shows names only: the same name (case, accents and punctuation aside) is her.
    const fromMeet = { email: '', relation: 'other' as const, byName: true };
    expect((await findOrCreatePerson({ name: 'alice  smith', ...fromMeet })).id).toBe(alice.id);
    // A name from anywhere else (a title, typed in) is never enough: another Alice Smith is a new person.
    const typed = await findOrCreatePerson({ name: 'Alice Smith', email: '', relation: 'other' });
    expect(typed.id).not.toBe(alice.id);
    // Two people share a name: no guess, a new person.
    await createPerson({ name: 'Alex Kim', emails: [], relation: 'peer' });
    await createPerson({ name: 'Alex Kim', emails: ['alex@other.example'], relation: 'peer' });
    const third = await findOrCreatePerson({ name: 'Alex Kim', ...fromMeet });
    expect(third.name).toBe('Alex Kim');
    expect((await listPeople()).filter((p) => p.name === 'Alex Kim')).toHaveLength(3);
    // An archived person is not found again by name.
    const gone = await createPerson({ name: 'Zed Old', emails: [], relation: 'peer' });
    await updatePerson(gone.id, { archived: true });
    expect((await findOrCreatePerson({ name: 'Zed Old', ...fromMeet })).id).not.toBe(gone.id);
  });

  it('trackSeriesWith continues the 1:1 (or 2-1) of exactly those people and that kind, else starts one', async () => {
    const dana = await createPerson({ name: 'Dana Lee', emails: ['dana@acme.example'], relation: 'report' });
    const carol = await createPerson({
      name: 'Carol Diaz',
      emails: ['carol@acme.example'],
      relation: 'peer',
    });
    const series = (id: string) => ({ calendarSeriesIds: [id], title: id });
    const first = await trackSeriesWith({
      ...series('s1'),
      personIds: [dana.id, carol.id],
      kind: 'two-on-one',
    });
    expect(first.existing).toBe(false);
    // The same two (in any order): the same 2-1, the series added.
    const again = await trackSeriesWith({
      ...series('s2'),
      personIds: [carol.id, dana.id],
      kind: 'two-on-one',
    });
    expect(again).toMatchObject({ existing: true, relationship: { id: first.relationship.id } });
    expect(again.relationship.calendarSeriesIds).toEqual(['s1', 's2']);
    // One of them alone, or another kind: its own.
    const alone = await trackSeriesWith({ ...series('s3'), personIds: [dana.id], kind: 'two-on-one' });
    expect(alone.existing).toBe(false);
    const oneOnOne = await trackSeriesWith({ ...series('s4'), personIds: [dana.id], kind: 'one-on-one' });
    expect(oneOnOne.existing).toBe(false);
    expect(await listRelationships()).toHaveLength(3);
  });

  it('trackSeriesWith with an archived person brings them back and continues their 1:1 (no second one)', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
    const old = await trackSeriesWith({
      calendarSeriesIds: ['s-old'],
      title: 'Bob old',
      personIds: [bob.id],
      kind: 'one-on-one',
    });
    await setPersonArchived(bob.id, true);
    const again = await trackSeriesWith({
      calendarSeriesIds: ['s-new'],
      title: '1:1 Bob',
      personIds: [bob.id],
      kind: 'one-on-one',
    });
    expect(again).toMatchObject({
      existing: true,
      relationship: { id: old.relationship.id, archived: false },
    });
    expect(again.relationship.calendarSeriesIds).toEqual(['s-old', 's-new']);
    expect((await getPerson(bob.id))?.archived).toBe(false);
    expect((await listRelationships({ includeArchived: true })).map((r) => r.id)).toEqual([
      old.relationship.id,
    ]);
  });

  it('trackSeriesWith: a 2-1 tracked with one of its people (before both were kept) gains the other', async () => {
    const dana = await createPerson({ name: 'Dana Lee', emails: ['dana@acme.example'], relation: 'report' });
    const carol = await createPerson({
      name: 'Carol Diaz',
      emails: ['carol@acme.example'],
      relation: 'peer',
    });
    const old = await oneOnOne('Dana 2-1', {
      personIds: [dana.id],
      kind: 'two-on-one',
      calendarSeriesIds: ['s1'],
    });
    const tracked = await trackSeriesWith({
      personIds: [dana.id, carol.id],
      kind: 'two-on-one',
      title: 'Dana 2-1',
      calendarSeriesIds: ['s2'],
    });
    expect(tracked).toMatchObject({ existing: true, relationship: { id: old.id } });
    expect(tracked.relationship.personIds).toEqual([dana.id, carol.id]);
    expect(tracked.relationship.calendarSeriesIds).toEqual(['s1', 's2']);
    expect(await listRelationships()).toHaveLength(1);
    // Alice's 2-1 with Carol, tracked from Meet with Alice only, is not her 2-1 with Bob.
    const alice = await createPerson({ name: 'Alice', emails: ['alice@acme.example'], relation: 'report' });
    const bob = await createPerson({ name: 'Bob', emails: ['bob@acme.example'], relation: 'peer' });
    const withCarol = await oneOnOne('2-1 Alice / Carol', {
      personIds: [alice.id],
      kind: 'two-on-one',
      meetCodes: ['aaa-bbbb-ccc'],
    });
    const withBob = await trackSeriesWith({
      personIds: [alice.id, bob.id],
      kind: 'two-on-one',
      title: '2-1 Alice / Bob',
      meetCodes: ['xxx-yyyy-zzz'],
    });
    expect(withBob.existing).toBe(false);
    expect((await getRelationship(withCarol.id))?.personIds).toEqual([alice.id]);
  });

  it('a 1:1 linked to its 50 series already still takes another (the oldest gives way): saves never fail', async () => {
    const dana = await createPerson({ name: 'Dana Lee', emails: ['dana@acme.example'], relation: 'report' });
    const ids = Array.from({ length: 50 }, (_, i) => `series${i}`);
    const relationship = await oneOnOne('Dana 1:1', { personIds: [dana.id], calendarSeriesIds: ids });
    const tracked = await trackSeriesWith({
      personIds: [dana.id],
      kind: 'one-on-one',
      title: 'Dana 1:1',
      calendarSeriesIds: ['series50'],
    });
    expect(tracked.relationship.id).toBe(relationship.id);
    expect(tracked.relationship.calendarSeriesIds).toEqual([...ids.slice(1), 'series50']);
    const linked = await findRelationshipForEvent({
      seriesId: 'series51',
      counterpartEmails: ['dana@acme.example'],
    });
    expect(linked?.calendarSeriesIds.at(-1)).toBe('series51');
    expect(linked?.calendarSeriesIds).toHaveLength(50);
  });

  it('updateRelationship, getRelationship and listRelationships (sorted, archived hidden)', async () => {
    const b = await oneOnOne('Bob 1:1');
    const a = await oneOnOne('Alice 1:1');
    const c = await oneOnOne('Carol 1:1');
    const later = tick();
    const updated = await updateRelationship(c.id, { archived: true, cadenceDays: 21 });
    expect(updated).toMatchObject({ archived: true, cadenceDays: 21, updatedAt: later, createdAt: NOW });
    expect(await getRelationship(c.id)).toEqual(updated);
    expect((await listRelationships()).map((r) => r.id)).toEqual([a.id, b.id]);
    expect((await listRelationships({ includeArchived: true })).map((r) => r.id)).toEqual([a.id, b.id, c.id]);
    await expect(updateRelationship(a.id, { cadenceDays: 1000 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(updateRelationship('nope', { title: 'x' })).rejects.toThrow(
      new InvalidInputError('This 1:1 series no longer exists.'),
    );
  });

  describe('findRelationshipForEvent', () => {
    async function aliceSetup() {
      const alice = await createPerson({ name: 'Alice', emails: ['alice@example.com'], relation: 'report' });
      const relationship = await createRelationship({
        personIds: [alice.id],
        kind: 'one-on-one',
        title: 'Alice / Me',
        calendarSeriesIds: ['seriesA'],
      });
      return { alice, relationship };
    }

    it('a 1:1 tracked from its Meet call first (a name, no address) is found by its room and name', async () => {
      // Tracked in Meet: Bob by the name the call showed, the 1:1 with the call's room.
      const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
      const fromCall = await createRelationship({
        personIds: [bob.id],
        kind: 'one-on-one',
        title: 'Alice / Bob',
        meetCodes: ['abc-defg-hij'],
      });
      const event = {
        seriesId: 'series-bob',
        counterpartEmails: ['bob.jones@acme.example'],
        title: 'Alice / Bob',
        meetCode: 'abc-defg-hij',
        guests: [{ email: 'bob.jones@acme.example', name: 'Bob Jones' }],
      };
      // Another room, or another name: not his.
      expect(await findRelationshipForEvent({ ...event, meetCode: 'xyz-abcd-xyz' })).toBeUndefined();
      expect(
        await findRelationshipForEvent({
          ...event,
          guests: [{ email: 'bob.jones@acme.example', name: 'Rob J' }],
        }),
      ).toBeUndefined();
      expect((await findRelationshipForEvent(event))?.id).toBe(fromCall.id);
      // He has the address now and the 1:1 the series: the next event finds it the usual way.
      expect((await getPerson(bob.id))?.emails).toEqual(['bob.jones@acme.example']);
      expect((await getRelationship(fromCall.id))?.calendarSeriesIds).toEqual(['series-bob']);
      expect((await findRelationshipForEvent({ seriesId: 'series-bob', counterpartEmails: [] }))?.id).toBe(
        fromCall.id,
      );
      expect(await listPeople()).toHaveLength(1);
    });

    it('a call-tracked 1:1 is not taken when another guest (with an address) is not one of its people', async () => {
      const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
      await createRelationship({
        personIds: [bob.id],
        kind: 'one-on-one',
        title: 'Bob',
        meetCodes: ['abc-defg-hij'],
      });
      const event = {
        seriesId: 'series-x',
        counterpartEmails: ['bob.jones@acme.example', 'carol@acme.example'],
        meetCode: 'abc-defg-hij',
        guests: [
          { email: 'bob.jones@acme.example', name: 'Bob Jones' },
          { email: 'carol@acme.example', name: 'Carol King' },
        ],
      };
      expect(await findRelationshipForEvent(event)).toBeUndefined();
      expect((await getPerson(bob.id))?.emails).toEqual([]);
    });

    it('finds by series when no guests are known', async () => {
      const { relationship } = await aliceSetup();
      expect((await findRelationshipForEvent({ seriesId: 'seriesA', counterpartEmails: [] }))?.id).toBe(
        relationship.id,
      );
      expect(await findRelationshipForEvent({ seriesId: 'other', counterpartEmails: [] })).toBeUndefined();
    });

    it('a new series of the same person is theirs on a title that is a 1:1 by the user’s own words', async () => {
      const { relationship } = await aliceSetup();
      const edited = {
        seriesId: 'series-new',
        counterpartEmails: ['alice@example.com'],
        title: 'Alice catch-up',
      };
      expect(await findRelationshipForEvent(edited)).toBeUndefined();
      await updateDetectionRules({ includeKeywords: ['catch-up'], excludeKeywords: [], maxGuests: 3 });
      expect((await findRelationshipForEvent(edited))?.id).toBe(relationship.id);
      // (That linked the new series.) Another one, with a word the user excluded: not theirs.
      await updateDetectionRules({
        includeKeywords: ['catch-up'],
        excludeKeywords: ['offsite'],
        maxGuests: 3,
      });
      const offsite = { ...edited, seriesId: 'series-newer', title: 'Alice catch-up offsite' };
      expect(await findRelationshipForEvent(offsite)).toBeUndefined();
    });

    it('finds by series when a guest email matches (case-insensitively)', async () => {
      const { relationship } = await aliceSetup();
      const found = await findRelationshipForEvent({
        seriesId: 'seriesA',
        counterpartEmails: ['ALICE@example.com', 'room@resource.example'],
      });
      expect(found?.id).toBe(relationship.id);
    });

    it('a guest’s own 1:1 on the series wins over an unnamed one linked to it too, whatever the id order', async () => {
      for (let run = 0; run < 12; run++) {
        await getDatabase().relationships.clear();
        await getDatabase().people.clear();
        const { relationship } = await aliceSetup();
        // Notes written for a slot of the series someone else took: a 1:1 with nobody named yet, same series.
        const unnamed = await createRelationship({
          personIds: [],
          kind: 'one-on-one',
          title: 'Catch-up',
          calendarSeriesIds: ['seriesA'],
        });
        const found = await findRelationshipForEvent({
          seriesId: 'seriesA',
          counterpartEmails: ['alice@example.com'],
        });
        expect(found?.id).toBe(relationship.id);
        // Another guest: the unnamed one is still that slot's.
        const other = await findRelationshipForEvent({
          seriesId: 'seriesA',
          counterpartEmails: ['carol@example.com'],
        });
        expect(other?.id).toBe(unnamed.id);
      }
    });

    it('two lookups at once link a recreated series to the guest’s 1:1 once', async () => {
      const { relationship } = await aliceSetup();
      const identity = { seriesId: 'recreated', counterpartEmails: ['alice@example.com'] };
      const found = await Promise.all([
        findRelationshipForEvent(identity),
        findRelationshipForEvent(identity),
      ]);
      expect(found.map((r) => r?.id)).toEqual([relationship.id, relationship.id]);
      expect((await getRelationship(relationship.id))?.calendarSeriesIds).toEqual(['seriesA', 'recreated']);
    });

    it('a reused series id with a different person’s email returns undefined', async () => {
      await aliceSetup();
      expect(
        await findRelationshipForEvent({ seriesId: 'seriesA', counterpartEmails: ['mallory@example.com'] }),
      ).toBeUndefined();
    });

    it('a reused series id with another known person’s email never returns the first person’s 1:1', async () => {
      const { relationship } = await aliceSetup();
      const carol = await createPerson({ name: 'Carol', emails: ['carol@example.com'], relation: 'peer' });
      const carols = await createRelationship({ personIds: [carol.id], kind: 'peer', title: 'Carol / Me' });
      const found = await findRelationshipForEvent({
        seriesId: 'seriesA',
        counterpartEmails: ['carol@example.com'],
      });
      expect(found?.id).not.toBe(relationship.id);
      expect(found?.id).toBe(carols.id);
    });

    it('no series link but the guest’s email: finds the relationship and links the new series id', async () => {
      const { relationship } = await aliceSetup();
      const later = tick();
      const found = await findRelationshipForEvent({
        seriesId: 'seriesA-recreated',
        counterpartEmails: ['alice@example.com'],
      });
      expect(found?.id).toBe(relationship.id);
      expect(found?.calendarSeriesIds).toEqual(['seriesA', 'seriesA-recreated']);
      expect(found?.updatedAt).toBe(later);
      expect((await getRelationship(relationship.id))?.calendarSeriesIds).toEqual([
        'seriesA',
        'seriesA-recreated',
      ]);
      // From now on the new series alone finds it.
      expect(
        (await findRelationshipForEvent({ seriesId: 'seriesA-recreated', counterpartEmails: [] }))?.id,
      ).toBe(relationship.id);
    });

    it('never links a new series with another guest too to one of its people’s 1:1s (a 2-1 is not a 1:1)', async () => {
      const { relationship } = await aliceSetup();
      const title = '2:1 Alice & Carol';
      // Carol unknown to Duet, then known without a 1:1 of her own: either way, not Alice's 1:1.
      const withCarol = {
        seriesId: 'twoOnOne',
        counterpartEmails: ['alice@example.com', 'carol@example.com'],
        title,
      };
      expect(await findRelationshipForEvent(withCarol)).toBeUndefined();
      const carol = await createPerson({ name: 'Carol', emails: ['carol@example.com'], relation: 'peer' });
      expect(await findRelationshipForEvent(withCarol)).toBeUndefined();
      expect((await getRelationship(relationship.id))?.calendarSeriesIds).toEqual(['seriesA']);
      // The 2-1 with exactly those two people is found (and linked).
      const pair = await createRelationship({
        personIds: [relationship.personIds[0]!, carol.id],
        kind: 'two-on-one',
        title,
      });
      expect((await findRelationshipForEvent(withCarol))?.id).toBe(pair.id);
    });

    it('tells apart two same-named people by email only', async () => {
      const alex1 = await createPerson({
        name: 'Alex Kim',
        emails: ['alex.kim@one.example'],
        relation: 'report',
      });
      const alex2 = await createPerson({
        name: 'Alex Kim',
        emails: ['alex.kim@two.example'],
        relation: 'report',
      });
      const r1 = await createRelationship({
        personIds: [alex1.id],
        kind: 'one-on-one',
        title: 'Alex Kim / Me',
      });
      const r2 = await createRelationship({
        personIds: [alex2.id],
        kind: 'one-on-one',
        title: 'Alex Kim / Me',
      });
      expect(
        (await findRelationshipForEvent({ seriesId: 's2', counterpartEmails: ['alex.kim@two.example'] }))?.id,
      ).toBe(r2.id);
      expect(
        (await findRelationshipForEvent({ seriesId: 's1', counterpartEmails: ['alex.kim@one.example'] }))?.id,
      ).toBe(r1.id);
      expect((await getRelationship(r1.id))?.calendarSeriesIds).toEqual(['s1']);
      expect((await getRelationship(r2.id))?.calendarSeriesIds).toEqual(['s2']);
    });

    it('fails closed when the email matches several relationships, and skips archived ones', async () => {
      const alice = await createPerson({ name: 'Alice', emails: ['alice@example.com'], relation: 'report' });
      const regular = await createRelationship({
        personIds: [alice.id],
        kind: 'one-on-one',
        title: 'Alice 1:1',
      });
      const career = await createRelationship({
        personIds: [alice.id],
        kind: 'career',
        title: 'Alice career',
      });
      expect(
        await findRelationshipForEvent({ seriesId: 'new', counterpartEmails: ['alice@example.com'] }),
      ).toBeUndefined();
      expect((await getRelationship(regular.id))?.calendarSeriesIds).toEqual([]);
      await updateRelationship(career.id, { archived: true });
      expect(
        (await findRelationshipForEvent({ seriesId: 'new', counterpartEmails: ['alice@example.com'] }))?.id,
      ).toBe(regular.id);
    });

    it('a series-linked relationship without people (from v1 notes) is found even when guests are known', async () => {
      const legacy = await oneOnOne('Alice / Bob', { calendarSeriesIds: ['legacy'] });
      expect(
        (await findRelationshipForEvent({ seriesId: 'legacy', counterpartEmails: ['x@example.com'] }))?.id,
      ).toBe(legacy.id);
    });
  });
});

// Sessions ----------------------------------------------------------------------------------------

describe('sessions', () => {
  it('sessionHistory lists a relationship’s sessions newest first, with a limit', async () => {
    const r = await oneOnOne();
    const other = await oneOnOne('Other');
    const s2 = await session(r.id, dayAt(-14));
    const s3 = await session(r.id, dayAt(0));
    const s1 = await session(r.id, dayAt(-28));
    await session(other.id, dayAt(-1));
    expect((await sessionHistory(r.id)).map((s) => s.id)).toEqual([s3.id, s2.id, s1.id]);
    expect((await sessionHistory(r.id, { limit: 2 })).map((s) => s.id)).toEqual([s3.id, s2.id]);
    expect(await sessionHistory('nobody')).toEqual([]);
  });

  it('lastHeldSession picks the latest held session and ignores upcoming and cancelled ones', async () => {
    const r = await oneOnOne();
    expect(await lastHeldSession(r.id)).toBeUndefined();
    const early = await session(r.id, dayAt(-28));
    const latestHeld = await session(r.id, dayAt(-14));
    const middle = await session(r.id, dayAt(-21));
    const cancelled = await session(r.id, dayAt(-7));
    await session(r.id, dayAt(3));
    // Marked held out of order: the scheduled time decides, not the order of marking.
    await markSessionHeld(latestHeld.id);
    await markSessionHeld(early.id);
    await markSessionHeld(middle.id);
    await cancelSession(cancelled.id);
    expect((await lastHeldSession(r.id))?.id).toBe(latestHeld.id);
  });

  it('lastHeldSessionBefore reads back from a moment (exclusive), skipping one session and unheld ones', async () => {
    const r = await oneOnOne();
    const early = await session(r.id, dayAt(-28));
    const middle = await session(r.id, dayAt(-21));
    const late = await session(r.id, dayAt(-14));
    const cancelled = await session(r.id, dayAt(-18));
    for (const held of [early, middle, late]) await markSessionHeld(held.id);
    await cancelSession(cancelled.id);
    expect((await lastHeldSessionBefore(r.id, late.scheduledAt))?.id).toBe(middle.id);
    expect((await lastHeldSessionBefore(r.id, late.scheduledAt + 1))?.id).toBe(late.id);
    expect((await lastHeldSessionBefore(r.id, late.scheduledAt + 1, late.id))?.id).toBe(middle.id);
    expect((await lastHeldSessionBefore(r.id, Number.POSITIVE_INFINITY))?.id).toBe(late.id);
    expect(await lastHeldSessionBefore(r.id, early.scheduledAt)).toBeUndefined();
    expect(await lastHeldSessionBefore('nobody', Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('nextSession is the earliest upcoming or rescheduled session', async () => {
    const r = await oneOnOne();
    expect(await nextSession(r.id)).toBeUndefined();
    const held = await session(r.id, dayAt(-7));
    await markSessionHeld(held.id);
    expect(await nextSession(r.id)).toBeUndefined();
    const later = await session(r.id, dayAt(14));
    const sooner = await session(r.id, dayAt(7));
    expect((await nextSession(r.id))?.id).toBe(sooner.id);
    await rescheduleSession(later.id, dayAt(2));
    const next = await nextSession(r.id);
    expect(next?.id).toBe(later.id);
    expect(next?.status).toBe('rescheduled');
    expect(next?.scheduledAt).toBe(dayAt(2));
  });

  it('prepareSession creates a session from the relationship’s template', async () => {
    const r = await createRelationship({ personIds: [], kind: 'career', title: 'Career 1:1 Alice' });
    const { session: s, carriedPointIds } = await prepareSession({
      relationshipId: r.id,
      scheduledAt: dayAt(1),
      calendarEventId: 'evt_20260326T120000Z',
      meetCode: 'abc-defg-hij',
    });
    expect(s).toMatchObject({
      relationshipId: r.id,
      scheduledAt: dayAt(1),
      calendarEventId: 'evt_20260326T120000Z',
      meetCode: 'abc-defg-hij',
      status: 'upcoming',
      templateId: 'builtin:career',
      notes: {},
      privateNotes: '',
      checkIn: null,
      heldAt: null,
      live: null,
      assessment: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(carriedPointIds).toEqual([]);
    expect(await getSession(s.id)).toEqual(s);
    expect((await sessionForCalendarEvent('evt_20260326T120000Z'))?.id).toBe(s.id);
    const custom = await prepareSession({
      relationshipId: r.id,
      scheduledAt: dayAt(2),
      templateId: 'builtin:peer',
    });
    expect(custom.session.templateId).toBe('builtin:peer');
    expect(custom.session.calendarEventId).toBeNull();
  });

  it('prepareSession reuses the session of the same calendar event', async () => {
    const r = await oneOnOne();
    const first = await session(r.id, dayAt(1), 'evt_1');
    await saveSectionNotes(first.id, 'your-topics', 'Kept');
    const again = await prepareSession({
      relationshipId: r.id,
      scheduledAt: dayAt(1),
      calendarEventId: 'evt_1',
    });
    expect(again.session.id).toBe(first.id);
    expect(again.session.notes).toEqual({ 'your-topics': 'Kept' });
    expect(await getDatabase().sessions.count()).toBe(1);
    await expect(prepareSession({ relationshipId: 'missing', scheduledAt: NOW })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('saveSectionNotes keeps the other sections; savePrivateNotes and saveCheckIn save their part', async () => {
    const r = await oneOnOne();
    const s = await session(r.id, dayAt(0));
    await saveSectionNotes(s.id, 'how-are-you', 'Tired but fine');
    const later = tick();
    const saved = await saveSectionNotes(s.id, 'your-topics', 'Promotion');
    expect(saved.notes).toEqual({ 'how-are-you': 'Tired but fine', 'your-topics': 'Promotion' });
    expect(saved.updatedAt).toBe(later);
    expect(saved.createdAt).toBe(NOW);
    await savePrivateNotes(s.id, 'Only for me');
    await saveCheckIn(s.id, { mood: 4, workload: 2 });
    expect(await getSession(s.id)).toMatchObject({
      notes: { 'how-are-you': 'Tired but fine', 'your-topics': 'Promotion' },
      privateNotes: 'Only for me',
      checkIn: { mood: 4, workload: 2 },
    });
    await expect(saveCheckIn(s.id, { mood: 6, workload: null })).rejects.toThrow(/session\.checkIn\.mood/);
    await expect(savePrivateNotes('missing', 'x')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      (async () => saveSectionNotes(s.id, 'x', 'a'.repeat(MAX_LONG_TEXT + 1)))(),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect((await getSession(s.id))?.checkIn).toEqual({ mood: 4, workload: 2 });
    // One scale at a time keeps the other: two quick clicks never undo each other.
    await saveCheckIn(s.id, { mood: 2 });
    await saveCheckIn(s.id, { workload: null });
    expect((await getSession(s.id))?.checkIn).toEqual({ mood: 2, workload: null });
  });

  it('markSessionHeld sets the status and when it was held', async () => {
    const r = await oneOnOne();
    const s = await session(r.id, dayAt(0));
    const held = await markSessionHeld(s.id);
    expect(held).toMatchObject({ status: 'held', heldAt: NOW });
    const other = await session(r.id, dayAt(-7));
    expect((await markSessionHeld(other.id, dayAt(-7) + 1800_000)).heldAt).toBe(dayAt(-7) + 1800_000);
  });

  it('sessionsBetween and countSessionsBetween cover every relationship, inclusive bounds, earliest first', async () => {
    const a = await oneOnOne('A');
    const b = await oneOnOne('B');
    const s1 = await session(a.id, dayAt(1));
    const s2 = await session(b.id, dayAt(2));
    const s3 = await session(a.id, dayAt(7));
    const outside = await session(b.id, dayAt(8));
    const held = await session(b.id, dayAt(3));
    await markSessionHeld(held.id);
    const moved = await session(b.id, dayAt(10));
    await rescheduleSession(moved.id, dayAt(4));
    const cancelled = await session(a.id, dayAt(5));
    await cancelSession(cancelled.id);
    const from = dayAt(1);
    const to = dayAt(7);
    expect((await sessionsBetween(from, to)).map((s) => s.id)).toEqual([s1.id, s2.id, moved.id, s3.id]);
    expect(await countSessionsBetween(from, to)).toBe(4);
    expect((await sessionsBetween(from, to, ['held'])).map((s) => s.id)).toEqual([held.id]);
    expect(await countSessionsBetween(from, to, ['held', 'cancelled'])).toBe(2);
    expect((await sessionsBetween(from, to, undefined, undefined, 2)).map((s) => s.id)).toEqual([
      s1.id,
      s2.id,
    ]);
    expect((await sessionsBetween(from, to)).some((s) => s.id === outside.id)).toBe(false);
  });
});

// Carry-over through the repositories -------------------------------------------------------------

describe('carry-over', () => {
  it('starting a session brings in the undiscussed points of the last held session; discussed ones stay', async () => {
    const r = await oneOnOne();
    // Points are added while the first session is still ahead; it is then held; two weeks later the
    // second one starts.
    const first = await session(r.id, dayAt(1));
    const discussed = await addTalkingPoint(r.id, { text: 'Discussed', author: 'me' });
    const open = await addTalkingPoint(r.id, { text: 'Not reached', author: 'them' });
    expect(discussed.sessionId).toBe(first.id);
    expect(open.sessionId).toBe(first.id);
    await setTalkingPointStatus(discussed.id, 'discussed', first.id);
    await markSessionHeld(first.id);

    const { session: second, carriedPointIds } = await prepareSession({
      relationshipId: r.id,
      scheduledAt: dayAt(15),
    });
    expect(carriedPointIds).toEqual([open.id]);
    expect((await pointsOfSession(second.id)).map((p) => p.id)).toEqual([open.id]);
    expect((await pointsOfSession(first.id)).map((p) => [p.id, p.status])).toEqual([
      [discussed.id, 'discussed'],
    ]);
  });

  it('points planned for a meeting that never took place move on to the next session', async () => {
    const r = await oneOnOne();
    // Planned for yesterday (as Calendar showed it), never run: skipped or deleted in Calendar.
    const skipped = await session(r.id, dayAt(-1));
    const point = await addTalkingPoint(r.id, {
      text: 'Still to raise',
      author: 'me',
      sessionId: skipped.id,
    });
    const { session: next, carriedPointIds } = await prepareSession({
      relationshipId: r.id,
      scheduledAt: dayAt(6),
    });
    expect(carriedPointIds).toEqual([point.id]);
    expect((await pointsOfSession(next.id)).map((p) => p.text)).toEqual(['Still to raise']);
  });

  it('unplanned points flow into the first prepared session', async () => {
    const r = await oneOnOne();
    const p = await addTalkingPoint(r.id, { text: 'Before any session', author: 'me' });
    expect(p.sessionId).toBeNull();
    const { session: s, carriedPointIds } = await prepareSession({
      relationshipId: r.id,
      scheduledAt: dayAt(3),
    });
    expect(carriedPointIds).toEqual([p.id]);
    expect((await pointsOfSession(s.id)).map((x) => x.id)).toEqual([p.id]);
  });

  it('a rescheduled (postponed) session keeps its points', async () => {
    const r = await oneOnOne();
    const postponed = await session(r.id, dayAt(1));
    const p = await addTalkingPoint(r.id, { text: 'For the postponed one', author: 'me' });
    await rescheduleSession(postponed.id, dayAt(9));
    const { session: other, carriedPointIds } = await prepareSession({
      relationshipId: r.id,
      scheduledAt: dayAt(2),
    });
    expect(carriedPointIds).toEqual([]);
    expect((await pointsOfSession(other.id)).length).toBe(0);
    expect((await pointsOfSession(postponed.id)).map((x) => x.id)).toEqual([p.id]);
  });

  it('cancelSession refuses a 1:1 already held (a stale popup), changing nothing', async () => {
    const r = await oneOnOne();
    const held = await session(r.id, dayAt(-1));
    await addTalkingPoint(r.id, { text: 'Still open', author: 'me', sessionId: held.id });
    await markSessionHeld(held.id, dayAt(-1));
    await expect(cancelSession(held.id)).rejects.toThrow('This 1:1 was already held');
    expect((await getSession(held.id))?.status).toBe('held');
    expect((await upcomingTalkingPoints(r.id)).map((p) => p.sessionId)).toEqual([held.id]);
  });

  it('cancelSession refuses a 1:1 whose call is running (a popup\'s "Skip in Duet"), changing nothing', async () => {
    const r = await oneOnOne();
    const planned = await session(r.id, Date.now());
    await addTalkingPoint(r.id, { text: 'Launch plan', author: 'me', sessionId: planned.id });
    const running = await startLiveSession({ relationshipId: r.id, sessionId: planned.id });
    expect(running.id).toBe(planned.id);
    await expect(cancelSession(planned.id)).rejects.toThrow('This 1:1 has started');
    expect((await getSession(planned.id))?.status).toBe('upcoming');
    expect((await upcomingTalkingPoints(r.id)).map((p) => p.sessionId)).toEqual([planned.id]);
  });

  it('cancelSession passes its open points to the next session; discussed points stay put', async () => {
    const r = await oneOnOne();
    const cancelled = await session(r.id, dayAt(1));
    const open = await addTalkingPoint(r.id, { text: 'Open', author: 'me' });
    const done = await addTalkingPoint(r.id, { text: 'Done early', author: 'me' });
    await setTalkingPointStatus(done.id, 'discussed');
    const next = await session(r.id, dayAt(8));
    expect((await pointsOfSession(next.id)).length).toBe(0);

    const result = await cancelSession(cancelled.id);
    expect(result.status).toBe('cancelled');
    expect((await pointsOfSession(next.id)).map((p) => p.id)).toEqual([open.id]);
    expect((await pointsOfSession(cancelled.id)).map((p) => p.id)).toEqual([done.id]);
  });

  it('cancelSession without a next session leaves its points unplanned, for the next one prepared', async () => {
    const r = await oneOnOne();
    const cancelled = await session(r.id, dayAt(1));
    const open = await addTalkingPoint(r.id, { text: 'Open', author: 'them' });
    await cancelSession(cancelled.id);
    expect((await upcomingTalkingPoints(r.id)).map((p) => [p.id, p.sessionId])).toEqual([[open.id, null]]);
    const { carriedPointIds } = await prepareSession({ relationshipId: r.id, scheduledAt: dayAt(15) });
    expect(carriedPointIds).toEqual([open.id]);
  });
});

// Talking points ----------------------------------------------------------------------------------

describe('talking points', () => {
  it('addTalkingPoint attaches to the next session and numbers the agenda', async () => {
    const r = await oneOnOne();
    const a = await addTalkingPoint(r.id, { text: '  First  ', author: 'me' });
    expect(a).toMatchObject({ text: 'First', order: 1, sessionId: null, status: 'open', discussedAt: null });
    const next = await session(r.id, dayAt(2));
    const b = await addTalkingPoint(r.id, { text: 'Second', author: 'them' });
    expect(b).toMatchObject({ order: 2, sessionId: next.id, author: 'them' });
    const c = await addTalkingPoint(r.id, { text: 'Third', author: 'me' });
    expect(c.order).toBe(3);
    expect((await upcomingTalkingPoints(r.id)).map((p) => p.text)).toEqual(['First', 'Second', 'Third']);
    await expect(addTalkingPoint(r.id, { text: '   ', author: 'me' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('addTalkingPoint refuses a 1:1 merged away (deleted), in plain words, and stores nothing', async () => {
    const bob = await createPerson({ name: 'Bob Jones', relation: 'report' });
    const dup = await createPerson({ name: 'Bob J.', relation: 'report' });
    const kept = await oneOnOne('Alice / Bob', { personIds: [bob.id] });
    const merged = await oneOnOne('Alice / Bob J.', { personIds: [dup.id] });
    await mergePeople(bob.id, dup.id);
    expect(await getRelationship(merged.id)).toBeUndefined();
    const gone = await rejection(addTalkingPoint(merged.id, { text: 'Offsite budget', author: 'me' }));
    expect(gone).toBeInstanceOf(InvalidInputError);
    expect((gone as Error).message).toBe('This 1:1 no longer exists.');
    await expect(addTalkingPoint('never-was', { text: 'x', author: 'me' })).rejects.toThrow(
      'This 1:1 no longer exists.',
    );
    expect(await getDatabase().talkingPoints.count()).toBe(0);

    // An archived 1:1 still takes points: its panel may be open in Calendar (the popup lists no archived ones).
    await setRelationshipArchived(kept.id, true);
    await addTalkingPoint(kept.id, { text: 'Offsite budget', author: 'me' });
    expect((await upcomingTalkingPoints(kept.id)).map((p) => p.text)).toEqual(['Offsite budget']);
  });

  it('agreements, goals and feedback refuse a 1:1, session or person merged away, and store nothing', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@a.example'], relation: 'report' });
    const dup = await createPerson({ name: 'Bob J.', emails: ['bob@b.example'], relation: 'report' });
    const kept = await oneOnOne('Alice / Bob', { personIds: [bob.id] });
    const merged = await oneOnOne('Alice / Bob J.', { personIds: [dup.id] });
    const other = await oneOnOne('Alice / Carol');
    const otherSession = await session(other.id, dayAt(1));
    await mergePeople(bob.id, dup.id);
    const gone = 'This 1:1 no longer exists.';
    await expect(
      addAgreement(merged.id, { owner: 'me', text: 'Send the draft', dueDate: null }),
    ).rejects.toThrow(gone);
    await expect(addGoal(merged.id, { category: 'okr', title: 'Ship search' })).rejects.toThrow(gone);
    await expect(addFeedback(merged.id, { direction: 'given', text: 'Great demo' })).rejects.toThrow(gone);
    // A session of another 1:1, and a person merged away.
    await expect(
      addAgreement(kept.id, { owner: 'me', text: 'Follow up', dueDate: null, sessionId: otherSession.id }),
    ).rejects.toThrow('That session is not one of this 1:1.');
    await expect(
      addFeedback(kept.id, { direction: 'given', text: 'Great demo', personId: dup.id }),
    ).rejects.toThrow('That person is no longer in Duet.');
    const db = getDatabase();
    expect([await db.agreements.count(), await db.goals.count(), await db.feedback.count()]).toEqual([
      0, 0, 0,
    ]);

    // What exists is taken as before.
    await addAgreement(kept.id, { owner: 'me', text: 'Send the draft', dueDate: null });
    await addGoal(kept.id, { category: 'okr', title: 'Ship search' });
    await addFeedback(kept.id, { direction: 'given', text: 'Great demo', personId: bob.id });
    expect([await db.agreements.count(), await db.goals.count(), await db.feedback.count()]).toEqual([
      1, 1, 1,
    ]);
  });

  it("addTalkingPoint to the session on screen puts it on that session's agenda, of this 1:1 only", async () => {
    const r = await oneOnOne();
    const other = await oneOnOne();
    const lastWeek = await session(r.id, dayAt(-7));
    const next = await session(r.id, dayAt(2));
    const typed = await addTalkingPoint(r.id, {
      text: 'Raised in the call',
      author: 'me',
      sessionId: lastWeek.id,
    });
    expect(typed.sessionId).toBe(lastWeek.id);
    expect((await addTalkingPoint(r.id, { text: 'For next time', author: 'me' })).sessionId).toBe(next.id);
    await expect(
      addTalkingPoint(other.id, { text: 'Not theirs', author: 'me', sessionId: lastWeek.id }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await getDatabase().talkingPoints.count()).toBe(2);
  });

  it('reorderTalkingPoints puts the listed points first and renumbers', async () => {
    const r = await oneOnOne();
    const [a, b, c, d] = [
      await addTalkingPoint(r.id, { text: 'a', author: 'me' }),
      await addTalkingPoint(r.id, { text: 'b', author: 'me' }),
      await addTalkingPoint(r.id, { text: 'c', author: 'me' }),
      await addTalkingPoint(r.id, { text: 'd', author: 'me' }),
    ];
    const reordered = await reorderTalkingPoints(r.id, [c.id, a.id]);
    expect(reordered.map((p) => [p.text, p.order])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
      ['d', 4],
    ]);
    expect((await upcomingTalkingPoints(r.id)).map((p) => p.id)).toEqual([c.id, a.id, b.id, d.id]);
    const e = await addTalkingPoint(r.id, { text: 'e', author: 'me' });
    expect(e.order).toBe(5);
  });

  it('moveTalkingPoint moves a point among the open points as stored now, however fast the clicks', async () => {
    const r = await oneOnOne();
    const [a, b, c] = [
      await addTalkingPoint(r.id, { text: 'a', author: 'me' }),
      await addTalkingPoint(r.id, { text: 'b', author: 'me' }),
      await addTalkingPoint(r.id, { text: 'c', author: 'me' }),
    ];
    // Two clicks on "up" before any page redraws: c goes up two places.
    await Promise.all([moveTalkingPoint(r.id, c.id, 'up'), moveTalkingPoint(r.id, c.id, 'up')]);
    expect((await upcomingTalkingPoints(r.id)).map((p) => p.text)).toEqual(['c', 'a', 'b']);
    // At the top it stays; "down" from there works on the stored order.
    expect((await moveTalkingPoint(r.id, c.id, 'up')).map((p) => p.text)).toEqual(['c', 'a', 'b']);
    // A point closed meanwhile (another tab): the move of another still works, and its own is refused.
    await setTalkingPointStatus(a.id, 'discussed');
    expect((await moveTalkingPoint(r.id, b.id, 'up')).map((p) => p.text)).toEqual(['b', 'c']);
    await expect(moveTalkingPoint(r.id, a.id, 'down')).rejects.toThrow(
      'This talking point is no longer open.',
    );
  });

  it('reorderTalkingPoints refuses a foreign id and changes nothing', async () => {
    const r = await oneOnOne();
    const other = await oneOnOne('Other');
    const a = await addTalkingPoint(r.id, { text: 'a', author: 'me' });
    const b = await addTalkingPoint(r.id, { text: 'b', author: 'me' });
    const foreign = await addTalkingPoint(other.id, { text: 'foreign', author: 'me' });
    await expect(reorderTalkingPoints(r.id, [b.id, foreign.id, a.id])).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(reorderTalkingPoints(r.id, ['made-up'])).rejects.toBeInstanceOf(InvalidInputError);
    expect((await upcomingTalkingPoints(r.id)).map((p) => [p.id, p.order])).toEqual([
      [a.id, 1],
      [b.id, 2],
    ]);
    // A discussed point of the same relationship is no longer an open point either.
    await setTalkingPointStatus(a.id, 'discussed');
    await expect(reorderTalkingPoints(r.id, [a.id])).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('setTalkingPointStatus discussed sets discussedAt; reopening clears it', async () => {
    const r = await oneOnOne();
    const s = await session(r.id, dayAt(0));
    const p = await addTalkingPoint(r.id, { text: 'Raise it', author: 'me' });
    const later = tick();
    const discussed = await setTalkingPointStatus(p.id, 'discussed', s.id);
    expect(discussed).toMatchObject({
      status: 'discussed',
      discussedAt: later,
      sessionId: s.id,
      updatedAt: later,
    });
    expect(await upcomingTalkingPoints(r.id)).toEqual([]);
    const reopened = await setTalkingPointStatus(p.id, 'open');
    expect(reopened).toMatchObject({ status: 'open', discussedAt: null, sessionId: s.id });
    const dropped = await setTalkingPointStatus(p.id, 'dropped');
    expect(dropped).toMatchObject({ status: 'dropped', discussedAt: null });
    await expect(setTalkingPointStatus('missing', 'discussed')).rejects.toBeInstanceOf(InvalidInputError);
  });
});

// Agreements --------------------------------------------------------------------------------------

describe('agreements', () => {
  it('addAgreement records the creation as history[0]', async () => {
    const r = await oneOnOne();
    const s = await session(r.id, dayAt(0));
    const a = await addAgreement(r.id, {
      owner: 'them',
      ownerName: 'ignored',
      text: '  Draft the proposal ',
      dueDate: '2026-04-01',
      sessionId: s.id,
    });
    expect(a).toMatchObject({
      relationshipId: r.id,
      owner: 'them',
      ownerName: '',
      text: 'Draft the proposal',
      dueDate: '2026-04-01',
      status: 'open',
      madeInSessionId: s.id,
      closedAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(a.history).toEqual([
      { at: NOW, action: 'created', sessionId: s.id, fromDue: null, toDue: '2026-04-01', note: '' },
    ]);
    const named = await addAgreement(r.id, {
      owner: 'named',
      ownerName: ' Dana ',
      text: 'Review',
      dueDate: null,
    });
    expect(named).toMatchObject({ ownerName: 'Dana', madeInSessionId: null, dueDate: null });
    await expect(addAgreement(r.id, { owner: 'me', text: 'x', dueDate: '2026-13-01' })).rejects.toThrow(
      /agreement\.dueDate/,
    );
    await expect(addAgreement(r.id, { owner: 'me', text: ' ', dueDate: null })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(await getDatabase().agreements.count()).toBe(2);
  });

  it('openAgreements lists only open and renegotiated ones of the relationship, soonest due first', async () => {
    const r = await oneOnOne();
    const other = await oneOnOne('Other');
    const undated = await addAgreement(r.id, { owner: 'me', text: 'Undated', dueDate: null });
    const late = await addAgreement(r.id, { owner: 'me', text: 'Late', dueDate: '2026-04-20' });
    const soon = await addAgreement(r.id, { owner: 'them', text: 'Soon', dueDate: '2026-03-26' });
    const renegotiated = await addAgreement(r.id, { owner: 'both', text: 'Moved', dueDate: '2026-03-20' });
    await renegotiateAgreement(renegotiated.id, '2026-04-01');
    const done = await addAgreement(r.id, { owner: 'me', text: 'Done', dueDate: '2026-03-01' });
    await completeAgreement(done.id);
    const dropped = await addAgreement(r.id, { owner: 'me', text: 'Dropped', dueDate: '2026-03-02' });
    await dropAgreement(dropped.id, 'Obsolete');
    await addAgreement(other.id, { owner: 'me', text: 'Elsewhere', dueDate: '2026-03-01' });
    expect((await openAgreements(r.id)).map((a) => a.id)).toEqual([
      soon.id,
      renegotiated.id,
      late.id,
      undated.id,
    ]);
    expect((await allActiveAgreements()).map((a) => a.text)).toEqual([
      'Elsewhere',
      'Soon',
      'Moved',
      'Late',
      'Undated',
    ]);
  });

  it('completeAgreement closes it; a second time (a double click) changes nothing', async () => {
    const r = await oneOnOne();
    const a = await addAgreement(r.id, { owner: 'me', text: 'Ship it', dueDate: '2026-03-30' });
    const later = tick();
    const done = await completeAgreement(a.id, { sessionId: 'sess-1' });
    expect(done).toMatchObject({ status: 'done', closedAt: later, updatedAt: later });
    expect(done.history.map((e) => [e.action, e.sessionId])).toEqual([
      ['created', null],
      ['done', 'sess-1'],
    ]);
    expect(await getDatabase().agreements.get(a.id)).toEqual(done);
    tick();
    // No error, no second "done" in the history, nothing written.
    expect(await completeAgreement(a.id)).toEqual(done);
    expect(await getDatabase().agreements.get(a.id)).toEqual(done);
    await expect(completeAgreement('missing')).rejects.toThrow(/No agreement missing/);
    // A dropped one is still refused.
    const b = await addAgreement(r.id, { owner: 'me', text: 'Drop it', dueDate: null });
    await dropAgreement(b.id, 'no longer needed');
    const refused = await rejection(completeAgreement(b.id));
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as Error).message).toMatch(/this one is dropped/);
  });

  it('undoing "done" brings back the status it had: renegotiated stays renegotiated', async () => {
    const r = await oneOnOne();
    const a = await addAgreement(r.id, { owner: 'me', text: 'Send plan', dueDate: '2026-03-20' });
    await renegotiateAgreement(a.id, '2026-04-10', 'moved');
    await completeAgreement(a.id);
    const undone = await reopenAgreement(a.id);
    expect(undone).toMatchObject({ status: 'renegotiated', dueDate: '2026-04-10', closedAt: null });
    expect(undone.history.map((e) => e.action)).toEqual(['created', 'renegotiated', 'done', 'reopened']);
    expect((await openAgreements(r.id)).map((x) => x.status)).toEqual(['renegotiated']);
  });

  it('renegotiateAgreement changes the due date and keeps the history', async () => {
    const r = await oneOnOne();
    const a = await addAgreement(r.id, { owner: 'me', text: 'Write doc', dueDate: '2026-03-27' });
    await reviewAgreement(a.id, 'On track');
    const moved = await renegotiateAgreement(a.id, '2026-04-03', 'Waiting for data', { sessionId: 'sess-2' });
    expect(moved).toMatchObject({ status: 'renegotiated', dueDate: '2026-04-03', closedAt: null });
    expect(moved.history.map((e) => e.action)).toEqual(['created', 'reviewed', 'renegotiated']);
    expect(moved.history[2]).toEqual({
      at: NOW,
      action: 'renegotiated',
      sessionId: 'sess-2',
      fromDue: '2026-03-27',
      toDue: '2026-04-03',
      note: 'Waiting for data',
    });
    await expect(renegotiateAgreement(a.id, '2026-02-30x')).rejects.toBeInstanceOf(InvalidInputError);
    expect((await getDatabase().agreements.get(a.id))?.dueDate).toBe('2026-04-03');
  });

  it('dropAgreement requires a reason', async () => {
    const r = await oneOnOne();
    const a = await addAgreement(r.id, { owner: 'them', text: 'Maybe', dueDate: null });
    await expect(dropAgreement(a.id, '')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(dropAgreement(a.id, '   ')).rejects.toThrow(/Say why/);
    expect(await getDatabase().agreements.get(a.id)).toEqual(a);
    const dropped = await dropAgreement(a.id, 'Priorities changed');
    expect(dropped).toMatchObject({ status: 'dropped', closedAt: NOW });
    expect(dropped.history.at(-1)).toMatchObject({ action: 'dropped', note: 'Priorities changed' });
  });

  it('reopenAgreement and reviewAgreement', async () => {
    const r = await oneOnOne();
    const a = await addAgreement(r.id, { owner: 'both', text: 'Pair on it', dueDate: '2026-03-28' });
    await completeAgreement(a.id);
    const reopened = await reopenAgreement(a.id);
    expect(reopened).toMatchObject({ status: 'open', closedAt: null });
    const reviewed = await reviewAgreement(a.id, 'Still relevant', { sessionId: 'sess-3' });
    expect(reviewed.status).toBe('open');
    expect(reviewed.history.map((e) => e.action)).toEqual(['created', 'done', 'reopened', 'reviewed']);
    expect(reviewed.history.at(-1)).toMatchObject({ note: 'Still relevant', sessionId: 'sess-3' });
    expect(await getDatabase().agreements.get(a.id)).toEqual(reviewed);
  });

  it('agreementsMatching applies each filter across relationships', async () => {
    const r1 = await oneOnOne('One');
    const r2 = await oneOnOne('Two');
    const mineOverdue = await addAgreement(r1.id, {
      owner: 'me',
      text: 'mine overdue',
      dueDate: '2026-03-20',
    });
    const theirsThisWeek = await addAgreement(r2.id, {
      owner: 'them',
      text: 'theirs wk',
      dueDate: '2026-03-29',
    });
    const bothToday = await addAgreement(r1.id, { owner: 'both', text: 'both today', dueDate: TODAY });
    const namedUndated = await addAgreement(r2.id, {
      owner: 'named',
      ownerName: 'Dana',
      text: 'named',
      dueDate: null,
    });
    const mineNextWeek = await addAgreement(r2.id, { owner: 'me', text: 'mine next', dueDate: '2026-03-30' });
    const doneOverdue = await addAgreement(r1.id, { owner: 'me', text: 'done', dueDate: '2026-03-01' });
    await completeAgreement(doneOverdue.id);
    const ids = async (filter: (typeof AGREEMENT_FILTERS)[number]) =>
      (await agreementsMatching(filter, TODAY)).map((a) => a.id).sort();
    const sorted = (...list: { id: string }[]) => list.map((a) => a.id).sort();
    expect(await ids('all-open')).toEqual(
      sorted(mineOverdue, theirsThisWeek, bothToday, namedUndated, mineNextWeek),
    );
    expect(await ids('mine')).toEqual(sorted(mineOverdue, bothToday, mineNextWeek));
    expect(await ids('theirs')).toEqual(sorted(theirsThisWeek, bothToday, namedUndated));
    expect(await ids('overdue')).toEqual(sorted(mineOverdue));
    expect(await ids('due-this-week')).toEqual(sorted(theirsThisWeek, bothToday));
  });

  it('agreementsMadeIn lists what was agreed in a session', async () => {
    const r = await oneOnOne();
    const s = await session(r.id, dayAt(0));
    const a = await addAgreement(r.id, { owner: 'me', text: 'in session', dueDate: null, sessionId: s.id });
    await addAgreement(r.id, { owner: 'me', text: 'outside', dueDate: null });
    expect((await agreementsMadeIn(s.id)).map((x) => x.id)).toEqual([a.id]);
  });
});

// Goals and feedback ------------------------------------------------------------------------------

describe('goals and feedback', () => {
  it('addGoal defaults, updateGoal validates, goalsOf hides archived goals oldest first', async () => {
    const r = await oneOnOne();
    const g1 = await addGoal(r.id, { category: 'impact', title: ' Ship search ' });
    expect(g1).toMatchObject({
      title: 'Ship search',
      keyResults: [],
      status: 'on-track',
      targetDate: null,
      archived: false,
    });
    tick();
    const g2 = await addGoal(r.id, {
      category: 'okr',
      title: 'Latency',
      keyResults: [{ id: 'kr1', text: 'p95 < 200ms', progress: 40 }],
      targetDate: '2026-06-30',
    });
    const g3 = await addGoal(r.id, { category: 'team', title: 'Hire' });
    const later = tick();
    const updated = await updateGoal(g2.id, {
      status: 'ahead',
      keyResults: [{ id: 'kr1', text: 'p95 < 200ms', progress: 80 }],
    });
    expect(updated).toMatchObject({ status: 'ahead', updatedAt: later });
    await expect(
      updateGoal(g2.id, { keyResults: [{ id: 'kr1', text: 'x', progress: 150 }] }),
    ).rejects.toThrow(/goal\.keyResults\.0\.progress/);
    await updateGoal(g3.id, { archived: true });
    expect((await goalsOf(r.id)).map((g) => g.id)).toEqual([g1.id, g2.id]);
    await expect(updateGoal('missing', { title: 'x' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(addGoal(r.id, { category: 'impact', title: '' })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('addFeedback defaults and feedbackOf lists newest first', async () => {
    const r = await oneOnOne();
    const f1 = await addFeedback(r.id, { direction: 'given', text: 'Great demo', at: dayAt(-10) });
    const f2 = await addFeedback(r.id, { direction: 'received', text: 'More context please' });
    expect(f2).toMatchObject({ personId: null, sessionId: null, at: NOW, createdAt: NOW });
    expect((await feedbackOf(r.id)).map((f) => f.id)).toEqual([f2.id, f1.id]);
    await expect(addFeedback(r.id, { direction: 'given', text: '  ' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});

// Settings and templates --------------------------------------------------------------------------

describe('settings', () => {
  it('getSettings gives defaults before anything is saved', async () => {
    expect(await getSettings()).toEqual({
      id: 'settings',
      myName: '',
      myEmails: [],
      cadenceDays: { ...DEFAULT_CADENCE_DAYS },
      ignoredSeries: [],
      seriesTitles: {},
      detection: { includeKeywords: [], excludeKeywords: [], maxGuests: 3 },
      reminders: {
        beforeSession: true,
        beforeMinutes: 30,
        afterHeld: true,
        cadenceGap: true,
        reschedule: true,
        overdueBadge: true,
      },
      meetPanel: 'open',
      storagePersistence: null,
      updatedAt: 0,
    });
    expect(await getDatabase().settings.count()).toBe(0);
  });

  it('updateSettings validates and stores', async () => {
    const saved = await updateSettings({ myName: 'Bob', myEmails: ['Bob@Example.com'] });
    expect(saved).toMatchObject({ myName: 'Bob', myEmails: ['bob@example.com'], updatedAt: NOW });
    expect(await getSettings()).toEqual(saved);
    await expect(updateSettings({ cadenceDays: { ...DEFAULT_CADENCE_DAYS, peer: 0 } })).rejects.toThrow(
      /settings\.cadenceDays\.peer/,
    );
    await expect(updateSettings({ myEmails: ['nope'] })).rejects.toBeInstanceOf(InvalidInputError);
    // A field this Duet does not know is kept (a newer Duet wrote it: tests/unit/db/unknown-fields.test.ts);
    // a key that is never a field is refused.
    await expect(
      updateSettings({ constructor: true } as unknown as Parameters<typeof updateSettings>[0]),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await getSettings()).toEqual(saved);
  });

  it('a change that changes nothing writes nothing (its updatedAt would outrank a backup in a merge)', async () => {
    const saved = await updateSettings({ myName: 'Bob', myEmails: ['bob@example.com'] });
    vi.setSystemTime(NOW + 60_000);
    expect(await updateSettings({ myName: 'Bob', myEmails: ['BOB@example.com'] })).toEqual(saved);
    // Linking a Meet call un-ignores its code, ignored or not: not ignored, nothing changes.
    expect(await unignoreSeries('meet:abc-defg-hij')).toEqual(saved);
    expect(await getSettings()).toEqual(saved);
    // With nothing stored yet, neither is anything written.
    await getDatabase().settings.clear();
    await unignoreSeries('meet:abc-defg-hij');
    expect(await getDatabase().settings.count()).toBe(0);
    vi.setSystemTime(NOW);
  });

  it('"Not a 1:1" keeps the newest 5,000 series (and their titles) instead of failing on the next one', async () => {
    const many = Array.from({ length: MAX_IGNORED_SERIES }, (_, i) => `series-${i}`);
    await updateSettings({ ignoredSeries: many, seriesTitles: { 'series-0': 'Oldest', 'series-1': 'Next' } });
    const saved = await ignoreSeries('series-new', undefined, 'Newest');
    expect(saved.ignoredSeries).toHaveLength(MAX_IGNORED_SERIES);
    expect(saved.ignoredSeries.at(-1)).toBe('series-new');
    expect(saved.ignoredSeries).not.toContain('series-0');
    expect(saved.seriesTitles).toEqual({ 'series-1': 'Next', 'series-new': 'Newest' });
  });

  it('ensurePersistentStorage asks once, records the answer once and returns it', async () => {
    let persisted = false;
    const storage = {
      persisted: vi.fn(async () => persisted),
      persist: vi.fn(async () => {
        persisted = true;
        return true;
      }),
    };
    expect(await ensurePersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect((await getSettings()).storagePersistence).toEqual({ requestedAt: NOW, granted: true });
    tick(DAY);
    expect(await ensurePersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect((await getSettings()).storagePersistence).toEqual({ requestedAt: NOW, granted: true });
  });

  it('ensurePersistentStorage records a refusal', async () => {
    const storage = { persisted: async () => false, persist: vi.fn(async () => false) };
    expect(await ensurePersistentStorage(storage)).toBe(false);
    expect((await getSettings()).storagePersistence).toEqual({ requestedAt: NOW, granted: false });
    tick();
    expect(await ensurePersistentStorage(storage)).toBe(false);
    expect(storage.persist).toHaveBeenCalledTimes(2);
    expect((await getSettings()).storagePersistence?.requestedAt).toBe(NOW);
  });

  it('ensurePersistentStorage without a storage API returns false and records nothing', async () => {
    expect(await ensurePersistentStorage({})).toBe(false);
    expect(await ensurePersistentStorage({ persisted: async () => true })).toBe(false);
    expect(await getDatabase().settings.count()).toBe(0);
  });
});

describe('templates', () => {
  const sections = [
    { id: 'talk', title: 'Talk', minutes: 10, prompts: ['How are you?'], kind: 'notes' as const },
  ];

  it('listTemplates gives the 5 built-ins, then custom templates by name', async () => {
    await saveCustomTemplate({ name: 'Zeta', method: 'custom', description: '', sections });
    await saveCustomTemplate({ name: 'Alpha', method: 'custom', description: '', sections });
    const list = await listTemplates();
    expect(list).toHaveLength(7);
    expect(list.slice(0, 5)).toEqual([...BUILT_IN_TEMPLATES]);
    expect(list.slice(5).map((t) => t.name)).toEqual(['Alpha', 'Zeta']);
    expect((await getTemplate('builtin:peer'))?.name).toBe('Peer 1:1');
    expect((await getTemplate(list[5]!.id))?.name).toBe('Alpha');
  });

  it('saveCustomTemplate refuses built-in ids and keeps createdAt on update', async () => {
    await expect(
      saveCustomTemplate({ id: 'builtin:peer', name: 'Hack', method: 'peer', description: '', sections }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    const created = await saveCustomTemplate({ name: 'Mine', method: 'custom', description: 'd', sections });
    expect(created.id).toMatch(/^custom:/);
    expect(created).toMatchObject({ builtIn: false, createdAt: NOW, updatedAt: NOW });
    const later = tick();
    const updated = await saveCustomTemplate({
      id: created.id,
      name: 'Mine v2',
      method: 'custom',
      description: 'd',
      sections,
    });
    expect(updated).toMatchObject({ id: created.id, name: 'Mine v2', createdAt: NOW, updatedAt: later });
    expect(await getDatabase().templates.count()).toBe(1);
    await expect(
      saveCustomTemplate({ name: 'Empty', method: 'custom', description: '', sections: [] }),
    ).rejects.toThrow(/template\.sections/);
    expect((await getTemplate('builtin:peer'))?.name).toBe('Peer 1:1');
  });

  it('remembers the titles of sections it removes, forgets one put back, and keeps the newest 200', async () => {
    const section = (id: string, title = id.toUpperCase()) => ({
      id,
      title,
      minutes: 5,
      prompts: [],
      kind: 'notes' as const,
    });
    const base = { name: 'Mine', method: 'custom' as const, description: '' };
    const created = await saveCustomTemplate({ ...base, sections: [section('a'), section('b', 'Wins')] });
    expect(created.formerSections).toBeUndefined();
    const dropped = await saveCustomTemplate({ ...base, id: created.id, sections: [section('a')] });
    expect(dropped.formerSections).toEqual([{ id: 'b', title: 'Wins' }]);
    // Renamed and removed again: its last title.
    const back = await saveCustomTemplate({
      ...base,
      id: created.id,
      sections: [section('a'), section('b', 'Big wins')],
    });
    expect(back.formerSections).toBeUndefined();
    const again = await saveCustomTemplate({ ...base, id: created.id, sections: [section('c')] });
    expect(again.formerSections).toEqual([
      { id: 'a', title: 'A' },
      { id: 'b', title: 'Big wins' },
    ]);
    expect((await getTemplate(created.id))?.formerSections).toEqual(again.formerSections);
    // Many edits, each removing its one section: the newest 200 are kept, and the template stays valid.
    let id = 0;
    for (let round = 0; round < 210; round += 1) {
      await getDatabase().templates.update(created.id, {
        sections: [section(`s${id}`)],
      });
      id += 1;
      await saveCustomTemplate({ ...base, id: created.id, sections: [section(`s${id}`)] });
    }
    const many = (await getTemplate(created.id))!;
    expect(many.formerSections).toHaveLength(200);
    expect(many.formerSections!.at(-1)).toEqual({ id: `s${id - 1}`, title: `S${id - 1}` });
  });
});

// Overview ----------------------------------------------------------------------------------------

describe('loadRelationshipOverview', () => {
  it('returns the last held and next session, open agreements, talking points and cadence from now', async () => {
    const alice = await createPerson({ name: 'Alice', emails: ['alice@example.com'], relation: 'report' });
    const r = await createRelationship({ personIds: [alice.id], kind: 'one-on-one', title: 'Alice 1:1' });
    const old = await session(r.id, dayAt(-32));
    await markSessionHeld(old.id);
    const last = await session(r.id, dayAt(-18));
    await markSessionHeld(last.id);
    const skipped = await session(r.id, dayAt(-4));
    await cancelSession(skipped.id);
    const next = await session(r.id, dayAt(3));
    const a1 = await addAgreement(r.id, { owner: 'me', text: 'later', dueDate: '2026-04-10' });
    const a2 = await addAgreement(r.id, { owner: 'them', text: 'sooner', dueDate: '2026-03-26' });
    const closed = await addAgreement(r.id, { owner: 'me', text: 'closed', dueDate: null });
    await completeAgreement(closed.id);
    const p = await addTalkingPoint(r.id, { text: 'Topic', author: 'them' });

    const overview = await loadRelationshipOverview(r.id, NOW);
    expect(overview?.relationship.id).toBe(r.id);
    expect(overview?.people.map((x) => x.id)).toEqual([alice.id]);
    expect(overview?.lastSession?.id).toBe(last.id);
    expect(overview?.nextSession?.id).toBe(next.id);
    expect(overview?.openAgreements.map((a) => a.id)).toEqual([a2.id, a1.id]);
    expect(overview?.talkingPoints.map((x) => x.id)).toEqual([p.id]);
    expect(overview?.cadence).toEqual({ status: 'due', daysSince: 18, cadenceDays: 14 });

    // Computed from the `now` passed in, not the clock.
    expect((await loadRelationshipOverview(r.id, dayAt(-10)))?.cadence).toEqual({
      status: 'ok',
      daysSince: 8,
      cadenceDays: 14,
    });
    expect((await loadRelationshipOverview(r.id, dayAt(3)))?.cadence.status).toBe('overdue');
    expect(await loadRelationshipOverview('missing', NOW)).toBeUndefined();
  });

  it('a relationship never held is due', async () => {
    const r = await oneOnOne();
    const overview = await loadRelationshipOverview(r.id, NOW);
    expect(overview?.lastSession).toBeUndefined();
    expect(overview?.nextSession).toBeUndefined();
    expect(overview?.cadence).toEqual({ status: 'due', daysSince: null, cadenceDays: 14 });
  });
});

describe('loadPopupLists', () => {
  it('counts every filter like agreementsMatching does', async () => {
    const r1 = await oneOnOne('One');
    const r2 = await oneOnOne('Two');
    const specs: Array<[Relationship, 'me' | 'them' | 'both' | 'named', string | null]> = [
      [r1, 'me', '2026-03-20'],
      [r1, 'them', '2026-03-29'],
      [r2, 'both', TODAY],
      [r2, 'named', null],
      [r2, 'me', '2026-03-30'],
      [r1, 'them', '2026-03-24'],
      [r1, 'me', null],
    ];
    for (const [r, owner, dueDate] of specs) {
      await addAgreement(r.id, {
        owner,
        ownerName: owner === 'named' ? 'Dana' : '',
        text: `${owner} ${dueDate}`,
        dueDate,
      });
    }
    const renegotiated = await addAgreement(r1.id, { owner: 'them', text: 'moved', dueDate: '2026-03-21' });
    await renegotiateAgreement(renegotiated.id, '2026-03-27');
    const done = await addAgreement(r1.id, { owner: 'me', text: 'done', dueDate: '2026-03-19' });
    await completeAgreement(done.id);

    const lists = await loadPopupLists('all-open', NOW);
    expect(lists.today).toBe(TODAY);
    expect(lists.counts).toEqual({ 'all-open': 8, mine: 4, theirs: 5, overdue: 2, 'due-this-week': 3 });
    for (const filter of AGREEMENT_FILTERS) {
      expect(lists.counts[filter]).toBe((await agreementsMatching(filter, TODAY)).length);
      const selected = await loadPopupLists(filter, NOW);
      const shown = selected.groups.flatMap((g) => g.agreements.map((a) => a.id)).sort();
      expect(shown).toEqual((await agreementsMatching(filter, TODAY)).map((a) => a.id).sort());
    }
    // On other days of the week too, Sunday (the end of the week) and Monday included.
    for (const offset of [-2, 4, 5]) {
      const day = dayOf(dayAt(offset));
      const other = await loadPopupLists('due-this-week', dayAt(offset));
      for (const filter of AGREEMENT_FILTERS) {
        expect(other.counts[filter], `${day} ${filter}`).toBe((await agreementsMatching(filter, day)).length);
      }
      expect(other.groups.flatMap((g) => g.agreements.map((a) => a.id)).sort()).toEqual(
        (await agreementsMatching('due-this-week', day)).map((a) => a.id).sort(),
      );
    }
  });

  it('groups the first 50 agreements by relationship, soonest due first, undated after dated', async () => {
    const r1 = await oneOnOne('One');
    const r2 = await oneOnOne('Two');
    const undated = await addAgreement(r1.id, { owner: 'me', text: 'undated', dueDate: null });
    for (let i = 0; i < 30; i++) {
      await addAgreement(r2.id, { owner: 'them', text: `r2 #${i}`, dueDate: addDays(TODAY, 40 + i) });
    }
    for (let i = 0; i < 30; i++) {
      await addAgreement(r1.id, { owner: 'me', text: `r1 #${i}`, dueDate: addDays(TODAY, -5 + i) });
    }
    const lists = await loadPopupLists('all-open', NOW);
    expect(lists.counts['all-open']).toBe(61);
    expect(lists.groups.map((g) => g.relationship.id)).toEqual([r1.id, r2.id]);
    const shown = lists.groups.flatMap((g) => g.agreements);
    expect(shown).toHaveLength(POPUP_LIST_LIMIT);
    expect(lists.groups[0]!.agreements.map((a) => a.text)).toEqual(
      Array.from({ length: 30 }, (_, i) => `r1 #${i}`),
    );
    expect(lists.groups[1]!.agreements.map((a) => a.text)).toEqual(
      Array.from({ length: 20 }, (_, i) => `r2 #${i}`),
    );
    expect(shown.some((a) => a.id === undated.id)).toBe(false);

    // With room left, undated agreements come after every dated one.
    const mine = await loadPopupLists('mine', NOW);
    const mineShown = mine.groups.flatMap((g) => g.agreements);
    expect(mineShown).toHaveLength(31);
    expect(mineShown.at(-1)?.id).toBe(undated.id);
    const dates = mineShown.slice(0, -1).map((a) => a.dueDate!);
    expect(dates).toEqual([...dates].sort());
  });

  it('lists upcoming sessions of the next 7 days, earliest first, with their relationship and a count', async () => {
    const r1 = await oneOnOne('One');
    const r2 = await oneOnOne('Two');
    const inTwo = await session(r2.id, dayAt(2));
    const tomorrow = await session(r1.id, dayAt(1));
    await session(r1.id, dayAt(9));
    const past = await session(r1.id, dayAt(-1));
    expect(past.status).toBe('upcoming');
    const moved = await session(r2.id, dayAt(20));
    await rescheduleSession(moved.id, dayAt(6));
    const held = await session(r1.id, dayAt(3));
    await markSessionHeld(held.id);
    const lists = await loadPopupLists('all-open', NOW);
    expect(lists.upcoming.map((u) => [u.session.id, u.relationship.id])).toEqual([
      [tomorrow.id, r1.id],
      [inTwo.id, r2.id],
      [moved.id, r2.id],
    ]);
    expect(lists.upcomingCount).toBe(3);
    expect(lists.groups).toEqual([]);
  });

  it('shows at most 50 upcoming sessions but counts them all', async () => {
    const r = await oneOnOne();
    const rows: Session[] = Array.from({ length: 55 }, (_, i) => ({
      id: `s${String(i).padStart(2, '0')}`,
      relationshipId: r.id,
      scheduledAt: NOW + 3_600_000 + i * 60_000,
      calendarEventId: null,
      meetCode: null,
      status: 'upcoming',
      templateId: r.templateId,
      notes: {},
      privateNotes: '',
      checkIn: null,
      heldAt: null,
      live: null,
      assessment: null,
      createdAt: NOW,
      updatedAt: NOW,
    }));
    await getDatabase().sessions.bulkAdd(rows);
    const lists = await loadPopupLists('all-open', NOW);
    expect(lists.upcoming).toHaveLength(POPUP_LIST_LIMIT);
    expect(lists.upcoming[0]!.session.id).toBe('s00');
    expect(lists.upcomingCount).toBe(55);
  });
});

describe('countRecords', () => {
  it('counts people, relationships, sessions, agreements and quarantined rows', async () => {
    const p = await createPerson({ name: 'Alice', relation: 'report' });
    const r = await createRelationship({ personIds: [p.id], kind: 'one-on-one', title: 'Alice' });
    await session(r.id, dayAt(0));
    await session(r.id, dayAt(7));
    await addAgreement(r.id, { owner: 'me', text: 'x', dueDate: null });
    await getDatabase().quarantine.add({ table: 'import', reason: 'test', raw: '{}', at: NOW });
    expect(await countRecords()).toEqual({
      people: 1,
      relationships: 1,
      sessions: 2,
      agreements: 1,
      quarantined: 1,
    });
  });
});

// Event notes -------------------------------------------------------------------------------------

describe('event notes', () => {
  const event = { eventKey: 'abc123_20260323T170000Z', seriesKey: 'abc123', title: 'Alice / Bob' };

  it('saveEventNote creates the relationship and session on first write and reuses them after', async () => {
    const first = await saveEventNote(event, 'First notes');
    expect(first).toMatchObject({
      calendarEventId: event.eventKey,
      scheduledAt: Date.UTC(2026, 2, 23, 17),
      notes: { general: 'First notes' },
      // The meeting's time has passed: writing notes for it records it as held, at its scheduled time.
      status: 'held',
      heldAt: Date.UTC(2026, 2, 23, 17),
    });
    const relationship = await getRelationship(first.relationshipId);
    expect(relationship).toMatchObject({
      title: 'Alice / Bob',
      kind: 'one-on-one',
      calendarSeriesIds: ['abc123'],
    });

    const later = tick();
    const second = await saveEventNote(event, 'Edited notes');
    expect(second.id).toBe(first.id);
    expect(second.updatedAt).toBe(later);
    expect(await getEventNote(event.eventKey)).toEqual({
      text: 'Edited notes',
      updatedAt: later,
      sessionId: first.id,
    });

    // Another instance of the same series: same relationship, new session.
    const next = await saveEventNote({ ...event, eventKey: 'abc123_20260406T170000Z' }, 'Next time');
    expect(next.relationshipId).toBe(first.relationshipId);
    expect(next.id).not.toBe(first.id);
    expect(await countRecords()).toMatchObject({ relationships: 1, sessions: 2 });
  });

  it("a slot handed to another person: the notes are the shown 1:1's, never the other 1:1's session", async () => {
    // Alice's 1:1 had this event planned; the panel now shows it as Bob's (the slot went to him).
    const alice = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Alice / Me' });
    const bob = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Bob / Me' });
    const { session: alicesSession } = await prepareSession({
      relationshipId: alice.id,
      scheduledAt: Date.UTC(2026, 2, 23, 17),
      calendarEventId: event.eventKey,
    });
    await saveSectionNotes(alicesSession.id, 'general', "Alice's private notes");

    expect(await getEventNote(event.eventKey, undefined, bob.id)).toBeUndefined();
    const bobs = await saveEventNote({ ...event, relationshipId: bob.id }, 'Notes for Bob');
    expect(bobs.relationshipId).toBe(bob.id);
    expect(bobs.id).not.toBe(alicesSession.id);
    expect((await getEventNote(event.eventKey, undefined, bob.id))?.text).toBe('Notes for Bob');
    expect((await getEventNote(event.eventKey, undefined, alice.id))?.text).toBe("Alice's private notes");
    // Bob's next edit stays in his session.
    expect((await saveEventNote({ ...event, relationshipId: bob.id }, 'More for Bob')).id).toBe(bobs.id);
    expect((await getSession(alicesSession.id))?.notes.general).toBe("Alice's private notes");
    expect(await countRecords()).toMatchObject({ relationships: 2, sessions: 2 });
  });

  it('saveEventNote picks the kind from the title and names untitled events', async () => {
    const skip = await saveEventNote(
      { eventKey: 'sk_20260401', seriesKey: 'sk', title: 'Skip-level with Carol' },
      'x',
    );
    expect((await getRelationship(skip.relationshipId))?.kind).toBe('skip-level');
    expect(skip.scheduledAt).toBe(Date.UTC(2026, 3, 1));
    const untitled = await saveEventNote({ eventKey: 'single', seriesKey: 'single', title: '' }, 'y');
    expect((await getRelationship(untitled.relationshipId))?.title).toBe('Untitled 1:1');
    expect(untitled.scheduledAt).toBe(NOW);
  });

  it('saveEventNote refuses oversized text and stores nothing', async () => {
    await expect(saveEventNote(event, 'a'.repeat(MAX_LONG_TEXT + 1))).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(await countRecords()).toMatchObject({ relationships: 0, sessions: 0 });
  });

  it('getEventNote is undefined for an event without a session', async () => {
    expect(await getEventNote('nothing_20260323T170000Z')).toBeUndefined();
  });

  it('eventKeysWithNotes returns only events whose notes are not empty', async () => {
    await saveEventNote(event, 'Has notes');
    await saveEventNote({ ...event, eventKey: 'abc123_20260330T170000Z' }, '   \n');
    await saveEventNote({ ...event, eventKey: 'abc123_20260406T170000Z' }, '');
    const r = await findRelationshipForEvent({ seriesId: 'abc123', counterpartEmails: [] });
    const s = await session(r!.id, dayAt(30), 'abc123_20260413T170000Z');
    await saveSectionNotes(s.id, 'your-topics', 'Section notes count too');
    const keys = await eventKeysWithNotes([
      event.eventKey,
      'abc123_20260330T170000Z',
      'abc123_20260406T170000Z',
      'abc123_20260413T170000Z',
      'unknown_20260101',
    ]);
    expect([...keys].sort()).toEqual([event.eventKey, 'abc123_20260413T170000Z']);
    expect(await eventKeysWithNotes([])).toEqual(new Set());
  });

  it('recentNotes lists sessions with notes, most recently edited first', async () => {
    const a = await saveEventNote(event, 'Alpha');
    tick();
    const b = await saveEventNote(
      { eventKey: 'zzz_20260324T090000Z', seriesKey: 'zzz', title: 'Carol <> Dan' },
      'Beta',
    );
    tick();
    await saveEventNote({ ...event, eventKey: 'abc123_20260330T170000Z' }, '  ');
    tick();
    const again = await saveEventNote(event, 'Alpha edited');
    const recent = await recentNotes();
    expect(recent.map((n) => [n.sessionId, n.relationshipTitle, n.text])).toEqual([
      [a.id, 'Alice / Bob', 'Alpha edited'],
      [b.id, 'Carol <> Dan', 'Beta'],
    ]);
    expect(recent[0]).toMatchObject({ scheduledAt: a.scheduledAt, updatedAt: again.updatedAt });
    expect((await recentNotes(1)).map((n) => n.sessionId)).toEqual([a.id]);
  });
});

// Errors ------------------------------------------------------------------------------------------

describe('describeStorageProblem', () => {
  it('recognises a full disk in every shape it arrives in', () => {
    const quota = [
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      { name: 'QuotaExceededError' },
      { name: 'AbortError', inner: { name: 'QuotaExceededError' } },
      new Error('Transaction failed: quota exceeded'),
    ];
    for (const error of quota) {
      const problem = describeStorageProblem(error);
      expect(problem.kind).toBe('quota');
      expect(problem.message).toMatch(/no storage space left/);
      expect(problem.message).toMatch(/Nothing you typed is lost/);
    }
  });

  it('says Duet was updated for VersionError and a closed database', () => {
    expect(describeStorageProblem({ name: 'VersionError' }).kind).toBe('updated');
    expect(describeStorageProblem(new DOMException('v', 'VersionError')).kind).toBe('updated');
    // A database that is closed or cannot open is not an update: retry, never reload in a loop.
    expect(describeStorageProblem({ name: 'DatabaseClosedError' }).kind).toBe('unavailable');
    expect(describeStorageProblem({ name: 'OpenFailedError', inner: { name: 'UnknownError' } }).kind).toBe(
      'unavailable',
    );
  });

  it('says blocked, invalid and unknown', () => {
    expect(describeStorageProblem({ name: 'BlockedError' }).kind).toBe('blocked');
    expect(describeStorageProblem(new InvalidInputError('person.name: too short'))).toEqual({
      kind: 'invalid',
      message: 'person.name: too short',
    });
    for (const error of [new Error('boom'), null, undefined, 'a string', 42, { name: 7 }]) {
      expect(describeStorageProblem(error).kind).toBe('unknown');
    }
  });
});

describe('relationshipHistory', () => {
  it('gathers one relationship with its people, sessions, agreements (oldest first), points and templates', async () => {
    const alice = await createPerson({ name: 'Alice', relation: 'report' });
    const r = await createRelationship({ personIds: [alice.id], kind: 'one-on-one', title: 'Alice' });
    const other = await oneOnOne('Other');
    const s = await session(r.id, dayAt(0));
    await session(other.id, dayAt(0));
    const a1 = await addAgreement(r.id, { owner: 'me', text: 'first', dueDate: '2026-05-01' });
    tick();
    const a2 = await addAgreement(r.id, { owner: 'me', text: 'second', dueDate: '2026-04-01' });
    await completeAgreement(a2.id);
    const p = await addTalkingPoint(r.id, { text: 'point', author: 'me' });
    const history = await relationshipHistory(r.id);
    expect(history?.people.map((x) => x.id)).toEqual([alice.id]);
    expect(history?.sessions.map((x) => x.id)).toEqual([s.id]);
    expect(history?.agreements.map((x) => x.id)).toEqual([a1.id, a2.id]);
    expect(history?.talkingPoints.map((x) => x.id)).toEqual([p.id]);
    expect(history?.templates).toHaveLength(5);
    expect(await relationshipHistory('missing')).toBeUndefined();
  });
});
