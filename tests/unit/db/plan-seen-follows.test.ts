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

  it('a batch with only the new event does not take the old event’s session (no proof the old one is gone)', async () => {
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

    // A new series at the same slot, linked to Dave's 1:1 by his address. A batch holds only the chips that
    // changed, so the old event missing from it is no evidence it is gone (that is the days-shown check's).
    at(T15 - 2 * HOUR);
    const linked = await findRelationshipForEvent({
      seriesId: 'davenew',
      counterpartEmails: ['dave@acme.example'],
      title: 'Alice / Dave',
    });
    expect(linked?.id).toBe(relationship.id);
    expect(await planSeenInstances(seen(NEW), Date.now())).toBe(0);

    // The session, its points and prep notes stay on the old event; none is planned twice for the slot.
    expect(await sessionOfEventFor(OLD, relationship.id)).toMatchObject({
      id: planned.id,
      status: 'upcoming',
      scheduledAt: T15,
    });
    expect((await pointsOf(planned.id)).map((p) => p.text).sort()).toEqual([
      'Offsite budget',
      'Promo packet',
    ]);
    expect((await getEventNote(OLD, getDatabase(), relationship.id))?.text).toBe('Ask about the team move');
    expect(await sessionOfEventFor(NEW, relationship.id)).toBeUndefined();
    expect((await sessionsOf(relationship.id)).map((s) => s.id)).toEqual([planned.id]);
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

  it('a batch with only the new chip (its popover opened) does not take the old event’s session', async () => {
    at(T15 - 6 * HOUR);
    const relationship = await dave('daveold');
    const instance = (eventId: string) => ({ eventId, relationshipId: relationship.id, scheduledAt: T15 });
    await planSeenInstances([instance(OLD)], Date.now());
    const planned = (await sessionOfEventFor(OLD, relationship.id))!;
    await planSeenInstances([instance(OLD), instance(NEW)], Date.now());
    // A batch holds only the chips that changed: the old event is still on the page.
    at(T15 - 5 * HOUR);
    await planSeenInstances([instance(NEW)], Date.now());
    expect((await sessionOfEventFor(OLD, relationship.id))?.id).toBe(planned.id);
    expect(await sessionOfEventFor(NEW, relationship.id)).toBeUndefined();
    // And the old one's popover opened next: nothing moves back and forth.
    await planSeenInstances([instance(OLD)], Date.now());
    expect((await sessionOfEventFor(OLD, relationship.id))?.id).toBe(planned.id);
    expect((await sessionsOf(relationship.id)).map((s) => s.id)).toEqual([planned.id]);
  });
});

describe('planSeenInstances: a 1:1 pulled forward to after a quick call held earlier that day', () => {
  const THU = Date.UTC(2026, 2, 5); // Thu 5 Mar 2026
  const FRI15 = THU + 24 * HOUR + 15 * HOUR;
  const EVENT = 'dave_20260306T150000Z';

  it('the planned session moves to the new time with its notes and point; the earlier call stays as it was', async () => {
    at(THU + 9 * HOUR);
    const relationship = await dave('dave');
    const seen = (scheduledAt: number) => [
      { eventId: EVENT, relationshipId: relationship.id, scheduledAt, confirmed: true },
    ];
    expect(await planSeenInstances(seen(FRI15), Date.now())).toBe(1);
    const planned = (await sessionOfEventFor(EVENT, relationship.id))!;
    const point = await addTalkingPoint(relationship.id, { text: 'Promo packet', author: 'me' });
    expect((await getDatabase().talkingPoints.get(point.id))?.sessionId).toBe(planned.id);
    await saveEventNote(
      {
        eventKey: EVENT,
        seriesKey: 'dave',
        title: 'Alice / Dave',
        relationshipId: relationship.id,
        startsAt: FRI15,
      },
      'Prep: ask about the team move',
    );

    // Thursday 13:45: a quick Meet call with Dave, no Calendar event, over by 13:55.
    at(THU + 13 * HOUR + 45 * MIN);
    const call = await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij' });
    expect(call.id).not.toBe(planned.id);
    await saveSectionNotes(call.id, GENERAL_NOTES_SECTION, 'Call: quick sync on the launch');
    await endLiveSession(call.id, THU + 13 * HOUR + 55 * MIN);
    const callBefore = (await getDatabase().sessions.get(call.id))!;

    // 14:00: Dave pulls Friday's 1:1 to today 14:30.
    const T1430 = THU + 14 * HOUR + 30 * MIN;
    at(THU + 14 * HOUR);
    await planSeenInstances(seen(T1430), Date.now());

    const session = await sessionOfEventFor(EVENT, relationship.id);
    expect(session).toMatchObject({ id: planned.id, status: 'upcoming', scheduledAt: T1430 });
    expect(session!.notes[GENERAL_NOTES_SECTION] ?? '').toContain('Prep: ask about the team move');
    expect((await getDatabase().talkingPoints.get(point.id))?.sessionId).toBe(planned.id);
    expect(await getDatabase().sessions.get(call.id)).toEqual(callBefore);
    expect(await getDatabase().tombstones.get(['sessions', planned.id])).toBeUndefined();

    // 14:31: "Start session" on the 14:30 event runs the 1:1, not the call held at 13:45.
    at(T1430 + MIN);
    await planSeenInstances(seen(T1430), Date.now());
    const started = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: T1430,
      calendarEventId: EVENT,
    });
    expect(started.session).toMatchObject({ id: planned.id, status: 'upcoming' });
    expect(await getDatabase().sessions.get(call.id)).toEqual(callBefore);
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
