/**
 * A call in the room of an archived person's own 1:1: Meet offers to track it (it never links an archived
 * 1:1 on its own), and the user's "Track as 1:1 with Bob Jones" brings Bob back with that 1:1 and its
 * history — never a second Bob with a second 1:1 holding the same room, which would split his notes
 * (Calendar keeps finding the archived one by its series).
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { meetActions } from '@/components/panel/meet/meet-actions';
import { judgeCall } from '@/lib/background/meet';
import {
  callLinkCandidates,
  createPerson,
  createRelationship,
  findRelationshipForEvent,
  getDatabase,
  listPeople,
  setPersonArchived,
  updatePerson,
} from '@/lib/db';

const CODE = 'abc-defg-hij';
const call = {
  meetingCode: CODE,
  title: '',
  state: 'in-call' as const,
  presenting: false,
  others: ['Bob Jones'],
};
const deps = {
  candidates: () => callLinkCandidates(),
  settings: async () => ({ ignoredSeries: [], meetPanel: 'open' as const }),
};
const draft = {
  name: 'Bob Jones',
  email: '',
  relation: 'report' as const,
  kind: 'one-on-one' as const,
  cadenceDays: 7,
};

function listen(): void {
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: { ok: true } }));
}

async function archivedBob() {
  const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
  const oneOnOne = await createRelationship({
    personIds: [bob.id],
    kind: 'one-on-one',
    title: 'Bob / Me',
    calendarSeriesIds: ['series-bob'],
    meetCodes: [CODE],
  });
  await setPersonArchived(bob.id, true);
  return { bob, oneOnOne };
}

describe('tracking a call in an archived person’s own room', () => {
  it('brings that person back with their 1:1 (one Bob, one 1:1, the call linked to it)', async () => {
    listen();
    const { bob, oneOnOne } = await archivedBob();
    // Not linked silently to the archived 1:1: offered to track.
    const before = await judgeCall(call, deps);
    expect(before.context.trackable).toBe('Bob Jones');
    expect(before.context.link).toBeNull();

    expect(await meetActions(CODE, '').track(draft)).toEqual({ ok: true });

    const people = await listPeople({ includeArchived: true });
    expect(people.map((p) => p.id)).toEqual([bob.id]);
    expect(people[0]!.archived).toBe(false);
    const relationships = await getDatabase().relationships.toArray();
    expect(relationships.map((r) => r.id)).toEqual([oneOnOne.id]);
    expect(relationships[0]).toMatchObject({ archived: false, meetCodes: [CODE] });
    // Meet and Calendar find the same 1:1.
    expect((await judgeCall(call, deps)).context.link?.relationshipId).toBe(oneOnOne.id);
    const bySeries = await findRelationshipForEvent({
      seriesId: 'series-bob',
      counterpartEmails: ['bob@acme.example'],
    });
    expect(bySeries?.id).toBe(oneOnOne.id);
  });

  it('never picks among several archived people of that name in the room, nor one from elsewhere', async () => {
    listen();
    const { bob } = await archivedBob();
    // A second archived Bob Jones in the same room (one room for two 1:1s): no guess.
    const twin = await createPerson({ name: 'Bob Jones', emails: [], relation: 'peer' });
    await createRelationship({
      personIds: [twin.id],
      kind: 'peer',
      title: 'Bob peer',
      meetCodes: [CODE],
    });
    await setPersonArchived(twin.id, true);
    expect(await meetActions(CODE, '').track(draft)).toEqual({ ok: true });
    const people = await listPeople({ includeArchived: true });
    expect(people).toHaveLength(3);
    expect(people.find((p) => p.id === bob.id)?.archived).toBe(true);
    expect(people.find((p) => p.id === twin.id)?.archived).toBe(true);

    // An archived Dana Lee whose 1:1s hold another room: not her (Meet names are not unique).
    const dana = await createPerson({ name: 'Dana Lee', emails: [], relation: 'report' });
    await updatePerson(dana.id, { archived: true });
    expect(await meetActions('xyz-abcd-efg', '').track({ ...draft, name: 'Dana Lee' })).toEqual({
      ok: true,
    });
    expect((await getDatabase().people.get(dana.id))?.archived).toBe(true);
    expect((await listPeople()).filter((p) => p.name === 'Dana Lee')).toHaveLength(1);
  });
});
