import { describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  addTalkingPoint,
  createPerson,
  createRelationship,
  endLiveSession,
  findRelationshipForEvent,
  GENERAL_NOTES_SECTION,
  getDatabase,
  getEventNote,
  planSeenInstances,
  prepareSession,
  saveEventNote,
  saveSectionNotes,
  sessionOfEventFor,
  startLiveSession,
} from '@/lib/db';

const MIN = 60_000;
const HOUR = 60 * MIN;

async function dave(series: string) {
  const person = await createPerson({ name: 'Dave Ruiz', emails: ['dave@acme.example'], relation: 'report' });
  const relationship = await createRelationship({
    personIds: [person.id],
    kind: 'one-on-one',
    title: 'Alice / Dave',
    calendarSeriesIds: [series],
  });
  return relationship;
}

const at = (clock: number) => {
  vi.setSystemTime(clock);
  onTestFinished(() => void vi.useRealTimers());
};

const sessionsOf = (relationshipId: string) =>
  getDatabase().sessions.where('relationshipId').equals(relationshipId).toArray();

const pointsOf = (sessionId: string) =>
  getDatabase().talkingPoints.where('sessionId').equals(sessionId).toArray();

describe('planSeenInstances: a series the organiser re-sent (new recurring id, same slot)', () => {
  const T15 = Date.UTC(2026, 2, 5, 15); // Thu 5 Mar 2026, 15:00
  const OLD = 'daveold_20260305T150000Z';
  const NEW = 'davenew_20260305T150000Z';

  it('the session planned under the old id, with its points and prep notes, moves to the new event', async () => {
    at(T15 - 6 * HOUR);
    const relationship = await dave('daveold');
    const seen = (eventId: string) => [
      { eventId, relationshipId: relationship.id, scheduledAt: T15, confirmed: true },
    ];
    expect(await planSeenInstances(seen(OLD), Date.now())).toBe(1);
    const planned = (await sessionOfEventFor(OLD, relationship.id))!;
    await addTalkingPoint(relationship.id, { text: 'Promo packet', author: 'me' });
    await addTalkingPoint(relationship.id, { text: 'Offsite budget', author: 'me' });
    expect((await pointsOf(planned.id)).length).toBe(2);
    const ref = {
      seriesKey: 'daveold',
      title: 'Alice / Dave',
      relationshipId: relationship.id,
      startsAt: T15,
    };
    await saveEventNote({ ...ref, eventKey: OLD }, 'Ask about the team move');

    // The re-sent series: Calendar now shows only the new event, linked to Dave's 1:1 by his address.
    at(T15 - 2 * HOUR);
    const linked = await findRelationshipForEvent({
      seriesId: 'davenew',
      counterpartEmails: ['dave@acme.example'],
      title: 'Alice / Dave',
    });
    expect(linked?.id).toBe(relationship.id);
    expect(await planSeenInstances(seen(NEW), Date.now())).toBe(0);

    // 14:58: what the panel for the new event reads.
    at(T15 - 2 * MIN);
    const session = await sessionOfEventFor(NEW, relationship.id);
    expect(session).toMatchObject({ id: planned.id, status: 'upcoming', scheduledAt: T15 });
    expect((await pointsOf(planned.id)).map((p) => p.text).sort()).toEqual([
      'Offsite budget',
      'Promo packet',
    ]);
    expect((await getEventNote(NEW, getDatabase(), relationship.id))?.text).toBe('Ask about the team move');
    expect(await sessionOfEventFor(OLD, relationship.id)).toBeUndefined();
    // "Start session" on it runs that session: its agenda is there.
    const started = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: T15,
      calendarEventId: NEW,
    });
    expect(started.session.id).toBe(planned.id);
    // One upcoming session of Dave's that day (the popup lists him once).
    const upcoming = (await sessionsOf(relationship.id)).filter((s) => s.status === 'upcoming');
    expect(upcoming.map((s) => s.id)).toEqual([planned.id]);
  });

  it('both events shown together (a duplicate the organiser left): the session stays on its own event', async () => {
    at(T15 - 6 * HOUR);
    const relationship = await dave('daveold');
    const instance = (eventId: string) => ({ eventId, relationshipId: relationship.id, scheduledAt: T15 });
    await planSeenInstances([instance(OLD)], Date.now());
    const planned = (await sessionOfEventFor(OLD, relationship.id))!;
    await planSeenInstances([instance(OLD), instance(NEW)], Date.now());
    expect((await sessionOfEventFor(OLD, relationship.id))?.id).toBe(planned.id);
    expect(await sessionOfEventFor(NEW, relationship.id)).toBeUndefined();
  });
});

describe('planSeenInstances: a 1:1 moved in Calendar after it was held in Meet at its new time', () => {
  const TUE = Date.UTC(2026, 2, 3, 11); // Tue 3 Mar 2026, 11:00
  const WED = TUE + 24 * HOUR;
  const EVENT = 'dave_20260303T110000Z';

  it('the call that ran then takes the event, the planned session’s points and notes; no second session', async () => {
    at(TUE - 26 * HOUR);
    const relationship = await dave('dave');
    expect(
      await planSeenInstances(
        [{ eventId: EVENT, relationshipId: relationship.id, scheduledAt: TUE, confirmed: true }],
        Date.now(),
      ),
    ).toBe(1);
    const planned = (await sessionOfEventFor(EVENT, relationship.id))!;
    const point = await addTalkingPoint(relationship.id, { text: 'Promo packet', author: 'me' });
    await saveEventNote(
      {
        eventKey: EVENT,
        seriesKey: 'dave',
        title: 'Alice / Dave',
        relationshipId: relationship.id,
        startsAt: TUE,
      },
      'Prep: ask about the team move',
    );

    // Wednesday 11:02: the 1:1 runs from Meet (Calendar has not shown the move yet).
    at(WED + 2 * MIN);
    const call = await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij' });
    expect(call.id).not.toBe(planned.id);
    expect(call.calendarEventId).toBeNull();
    await saveSectionNotes(call.id, GENERAL_NOTES_SECTION, 'Call: agreed on the move');
    await endLiveSession(call.id, WED + 30 * MIN);

    // Calendar now shows the moved chip at Wed 11:00.
    at(WED + HOUR);
    await planSeenInstances(
      [{ eventId: EVENT, relationshipId: relationship.id, scheduledAt: WED, confirmed: true }],
      Date.now(),
    );
    const sessions = await sessionsOf(relationship.id);
    expect(sessions.map((s) => s.id)).toEqual([call.id]);
    const held = await sessionOfEventFor(EVENT, relationship.id);
    expect(held).toMatchObject({ id: call.id, status: 'held', calendarEventId: EVENT });
    expect(Math.abs(held!.scheduledAt - WED)).toBeLessThanOrEqual(5 * MIN);
    expect((await getDatabase().talkingPoints.get(point.id))?.sessionId).toBe(call.id);
    const notes = held!.notes[GENERAL_NOTES_SECTION] ?? '';
    expect(notes).toContain('Call: agreed on the move');
    expect(notes).toContain('Prep: ask about the team move');
    // Deleted as other folds are: recorded, so a merge import does not bring it back.
    expect(await getDatabase().tombstones.get(['sessions', planned.id])).toBeDefined();
  });
});
