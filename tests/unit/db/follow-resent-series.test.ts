import { describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  addTalkingPoint,
  cancelSession,
  createPerson,
  createRelationship,
  findRelationshipForEvent,
  followResentInstance,
  getDatabase,
  getEventNote,
  markSessionHeld,
  planSeenInstances,
  prepareSession,
  saveEventNote,
  sessionOfEventFor,
  startLiveSession,
  updateRelationship,
} from '@/lib/db';

const MIN = 60_000;
const HOUR = 60 * MIN;

const T15 = Date.UTC(2026, 2, 5, 15); // Thu 5 Mar 2026, 15:00
const OLD = 'daveold_20260305T150000Z';
const NEW = 'davenew_20260305T150000Z';

const at = (clock: number) => {
  vi.setSystemTime(clock);
  onTestFinished(() => void vi.useRealTimers());
};

const sessionsOf = (relationshipId: string) =>
  getDatabase().sessions.where('relationshipId').equals(relationshipId).toArray();

const pointsOf = (sessionId: string) =>
  getDatabase().talkingPoints.where('sessionId').equals(sessionId).toArray();

/**
 * Dave's 1:1 on the old series, its 15:00 instance planned with two points and prep notes; then the
 * organiser re-sent the series, and the panel linked the new one to Dave's 1:1 by his address.
 */
async function resent() {
  at(T15 - 6 * HOUR);
  const person = await createPerson({ name: 'Dave Ruiz', emails: ['dave@acme.example'], relation: 'report' });
  const relationship = await createRelationship({
    personIds: [person.id],
    kind: 'one-on-one',
    title: 'Alice / Dave',
    calendarSeriesIds: ['daveold'],
  });
  const seen = { eventId: OLD, relationshipId: relationship.id, scheduledAt: T15, confirmed: true };
  expect(await planSeenInstances([seen], Date.now())).toBe(1);
  const planned = (await sessionOfEventFor(OLD, relationship.id))!;
  await addTalkingPoint(relationship.id, { text: 'Promo packet', author: 'me' });
  await addTalkingPoint(relationship.id, { text: 'Offsite budget', author: 'me' });
  await saveEventNote(
    {
      eventKey: OLD,
      seriesKey: 'daveold',
      title: 'Alice / Dave',
      relationshipId: relationship.id,
      startsAt: T15,
    },
    'Ask about the team move',
  );
  at(T15 - 2 * HOUR);
  const linked = await findRelationshipForEvent({
    seriesId: 'davenew',
    counterpartEmails: ['dave@acme.example'],
    title: 'Alice / Dave',
  });
  expect(linked?.id).toBe(relationship.id);
  // The new chip's batch plans nothing (the slot has Dave's session) and moves nothing (no proof yet).
  await planSeenInstances([{ ...seen, eventId: NEW }], Date.now());
  const instance = { eventId: OLD, relationshipId: relationship.id, scheduledAt: T15 };
  return { relationship, planned, instance };
}

describe('followResentInstance: a settled view shows the slot under a new series of the same 1:1', () => {
  it('moves the planned session to the new event, with its points and prep notes', async () => {
    const { relationship, planned, instance } = await resent();
    expect(await followResentInstance(instance, [NEW])).toBe(true);

    const session = await sessionOfEventFor(NEW, relationship.id);
    expect(session).toMatchObject({
      id: planned.id,
      status: 'upcoming',
      scheduledAt: T15,
      calendarEventId: NEW,
    });
    expect((await pointsOf(planned.id)).map((p) => p.text).sort()).toEqual([
      'Offsite budget',
      'Promo packet',
    ]);
    expect((await getEventNote(NEW, getDatabase(), relationship.id))?.text).toBe('Ask about the team move');
    expect(await sessionOfEventFor(OLD, relationship.id)).toBeUndefined();
    // "Start session" on the new event runs that session; Dave has one session that day.
    const started = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: T15,
      calendarEventId: NEW,
    });
    expect(started.session.id).toBe(planned.id);
    expect((await sessionsOf(relationship.id)).map((s) => s.id)).toEqual([planned.id]);
    // Asked again (another settled view): nothing more to do.
    expect(await followResentInstance(instance, [NEW])).toBe(false);
  });

  it('an empty session "Start prep" made on the new event folds into the one that moves', async () => {
    const { relationship, planned, instance } = await resent();
    const second = (
      await prepareSession({ relationshipId: relationship.id, scheduledAt: T15, calendarEventId: NEW })
    ).session;
    expect(second.id).not.toBe(planned.id);
    expect(await followResentInstance(instance, [NEW])).toBe(true);
    expect((await sessionOfEventFor(NEW, relationship.id))?.id).toBe(planned.id);
    expect((await sessionsOf(relationship.id)).map((s) => s.id)).toEqual([planned.id]);
    expect(await getDatabase().tombstones.get(['sessions', second.id])).toBeDefined();
    expect((await getEventNote(NEW, getDatabase(), relationship.id))?.text).toBe('Ask about the team move');
  });

  it('refuses when the new event already holds a session someone wrote in: both stay', async () => {
    const { relationship, planned, instance } = await resent();
    const written = await saveEventNote(
      {
        eventKey: NEW,
        seriesKey: 'davenew',
        title: 'Alice / Dave',
        relationshipId: relationship.id,
        startsAt: T15,
      },
      'Written on the new event',
    );
    expect(written.id).not.toBe(planned.id);
    expect(await followResentInstance(instance, [NEW])).toBe(false);
    expect((await sessionOfEventFor(OLD, relationship.id))?.id).toBe(planned.id);
    expect((await sessionOfEventFor(NEW, relationship.id))?.id).toBe(written.id);
    expect((await pointsOf(planned.id)).length).toBe(2);
  });

  it("refuses another 1:1's series in the slot, and a series linked to no 1:1", async () => {
    const { relationship, planned, instance } = await resent();
    const erin = await createPerson({ name: 'Erin Ho', emails: ['erin@acme.example'], relation: 'peer' });
    await createRelationship({
      personIds: [erin.id],
      kind: 'one-on-one',
      title: 'Alice / Erin',
      calendarSeriesIds: ['erinseries'],
    });
    expect(await followResentInstance(instance, ['erinseries_20260305T150000Z'])).toBe(false);
    expect(await followResentInstance(instance, ['strangers_20260305T150000Z'])).toBe(false);
    // Dave's new series, but starting at another time (more than a minute away): another meeting.
    expect(await followResentInstance(instance, ['davenew_20260305T150200Z'])).toBe(false);
    expect((await sessionOfEventFor(OLD, relationship.id))?.id).toBe(planned.id);
  });

  it('refuses two candidates of this 1:1 in the slot (which one is it?)', async () => {
    const { relationship, planned, instance } = await resent();
    await updateRelationship(relationship.id, { calendarSeriesIds: ['daveold', 'davenew', 'davethird'] });
    expect(await followResentInstance(instance, [NEW, 'davethird_20260305T150000Z'])).toBe(false);
    expect((await sessionOfEventFor(OLD, relationship.id))?.id).toBe(planned.id);
    // The one of them that is not Dave's does not count: the other is followed.
    expect(await followResentInstance(instance, [NEW, 'erinseries_20260305T150000Z'])).toBe(true);
  });

  it('refuses a session that ran, was held or cancelled', async () => {
    const { relationship, planned, instance } = await resent();
    at(T15 - MIN);
    await startLiveSession({
      relationshipId: relationship.id,
      sessionId: planned.id,
      meetCode: 'abc-defg-hij',
    });
    expect((await getDatabase().sessions.get(planned.id))?.live).toBeTruthy();
    expect(await followResentInstance(instance, [NEW])).toBe(false);
    await markSessionHeld(planned.id, T15 + 30 * MIN);
    expect(await followResentInstance(instance, [NEW])).toBe(false);
    expect((await sessionOfEventFor(OLD, relationship.id))?.id).toBe(planned.id);
  });

  it('refuses a cancelled session', async () => {
    const { relationship, planned, instance } = await resent();
    await cancelSession(planned.id);
    expect(await followResentInstance(instance, [NEW])).toBe(false);
    expect(await sessionOfEventFor(NEW, relationship.id)).toBeUndefined();
  });
});
