import { describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  addAgreement,
  ASSUMED_LENGTH_MS,
  addTalkingPoint,
  cadenceReminderFacts,
  cancelDeclinedSession,
  completeAgreement,
  COUNT_CAP,
  createPerson,
  createRelationship,
  declinedReminderFacts,
  endLiveSession,
  getDatabase,
  getSession,
  heldReminderFacts,
  markSessionHeld,
  overdueAgreementCount,
  planSeenInstances,
  plannedCalendarInstances,
  prepareSession,
  reminderName,
  rescheduleSession,
  renegotiateAgreement,
  sessionForCalendarEvent,
  updateRelationship,
  saveSectionNotes,
  startLiveSession,
  upcomingReminderFacts,
} from '@/lib/db';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

async function alex(extra: { archived?: boolean; cadenceDays?: number } = {}) {
  // A second Alex in one test is another person: another address (one address is one person).
  const taken = await getDatabase().people.count();
  const email = taken === 0 ? 'alex@acme.example' : `alex+${taken + 1}@acme.example`;
  const person = await createPerson({ name: 'Alex Kim', emails: [email], relation: 'report' });
  let relationship = await createRelationship({
    personIds: [person.id],
    kind: 'one-on-one',
    title: 'Alice / Alex',
    cadenceDays: extra.cadenceDays ?? 14,
  });
  if (extra.archived) relationship = await updateRelationship(relationship.id, { archived: true });
  return { person, relationship };
}

describe('overdueAgreementCount (the toolbar badge)', () => {
  it('counts active agreements due before today, not today, not closed, not undated', async () => {
    const { relationship } = await alex();
    const now = new Date(2026, 10, 24, 10).getTime(); // local 24 Nov 2026
    const add = (dueDate: string | null) =>
      addAgreement(relationship.id, { owner: 'me', text: 'x', dueDate });
    await add('2026-11-20');
    await add('2026-11-23');
    await add('2026-11-24'); // due today: not overdue yet
    await add(null);
    const done = await add('2026-11-01');
    await completeAgreement(done.id);
    const moved = await add('2026-11-02');
    await renegotiateAgreement(moved.id, '2026-11-10', 'later');
    expect(await overdueAgreementCount(now)).toBe(3); // 20th, 23rd, and the renegotiated one (10th)
    // At midnight "today" rolls over: yesterday's due date becomes overdue.
    expect(await overdueAgreementCount(new Date(2026, 10, 25, 0, 0, 1).getTime())).toBe(4);
  });

  it('stops counting at COUNT_CAP', async () => {
    const { relationship } = await alex();
    for (let i = 0; i < COUNT_CAP + 5; i++)
      await addAgreement(relationship.id, { owner: 'them', text: `a${i}`, dueDate: '2020-01-01' });
    expect(await overdueAgreementCount(Date.UTC(2026, 0, 1))).toBe(COUNT_CAP);
  });
});

describe('reminderName', () => {
  it('names the people, never the title (it may say what the 1:1 is about)', async () => {
    const { person, relationship } = await alex();
    expect(reminderName(relationship, new Map([[person.id, person]]))).toBe('Alex Kim');
    expect(reminderName(relationship, new Map())).toBe('');
    expect(reminderName({ ...relationship, personIds: [], title: 'Alex – PIP follow-up' }, new Map())).toBe(
      '',
    );
    const sam = await createPerson({ name: 'Sam', emails: [], relation: 'report' });
    expect(
      reminderName(
        { ...relationship, personIds: [person.id, sam.id] },
        new Map([
          [person.id, person],
          [sam.id, sam],
        ]),
      ),
    ).toBe('Alex Kim & Sam');
  });
});

describe('upcomingReminderFacts', () => {
  it('reads sessions in the window with open agreements and talking points counted', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    const { session } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now + 20 * MIN,
    });
    await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now + 2 * HOUR,
      calendarEventId: 'later',
    });
    await addAgreement(relationship.id, { owner: 'me', text: 'secret plan', dueDate: null });
    await addAgreement(relationship.id, { owner: 'them', text: 'another', dueDate: '2020-01-01' });
    const closed = await addAgreement(relationship.id, { owner: 'them', text: 'closed', dueDate: null });
    await completeAgreement(closed.id);
    expect(await upcomingReminderFacts(now, 30)).toEqual([
      {
        sessionId: session.id,
        calendarEventId: null,
        relationshipId: relationship.id,
        name: 'Alex Kim',
        scheduledAt: now + 20 * MIN,
        openAgreements: 2,
        talkingPoints: 0,
      },
    ]);
    await addTalkingPoint(relationship.id, { text: 'promotion', author: 'me' });
    expect((await upcomingReminderFacts(now, 30))[0]?.talkingPoints).toBe(1);
    // Never the text of anything: only ids, a name and counts.
    expect(JSON.stringify(await upcomingReminderFacts(now, 30))).not.toMatch(/secret|promotion/);
  });

  it('skips archived 1:1s and sessions that are not upcoming', async () => {
    const now = Date.now();
    const { relationship } = await alex({ archived: true });
    await prepareSession({ relationshipId: relationship.id, scheduledAt: now + 20 * MIN });
    const other = (await alex()).relationship;
    const { session } = await prepareSession({ relationshipId: other.id, scheduledAt: now + 10 * MIN });
    await markSessionHeld(session.id, now);
    expect(await upcomingReminderFacts(now, 30)).toEqual([]);
  });

  it('skips a 1:1 already running (started a few minutes early): no "prepare" mid-meeting', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    const { session } = await prepareSession({ relationshipId: relationship.id, scheduledAt: now + 5 * MIN });
    expect(await upcomingReminderFacts(now, 10)).toHaveLength(1);
    await startLiveSession({ relationshipId: relationship.id, sessionId: session.id, now: now - 2 * MIN });
    expect(await upcomingReminderFacts(now, 10)).toEqual([]);
  });

  it('skips a 1:1 whose person I am in a call with right now (a call of its own, begun early)', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now + 20 * MIN,
      calendarEventId: 'alex_event',
      meetCode: 'abc-defg-hij',
    });
    expect(await upcomingReminderFacts(now, 30)).toHaveLength(1);
    // A call in another room, begun 70 minutes early: a session of its own, running.
    const call = await startLiveSession({
      relationshipId: relationship.id,
      meetCode: 'xyz-wxyz-xyz',
      now: now - 50 * MIN,
    });
    expect(call.scheduledAt).toBe(now - 50 * MIN);
    expect(await upcomingReminderFacts(now, 30)).toEqual([]);
  });

  it('a call left open hours ago (the browser closed mid-call) does not silence "prepare"', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    vi.setSystemTime(now - 5 * HOUR);
    onTestFinished(() => void vi.useRealTimers());
    await startLiveSession({
      relationshipId: relationship.id,
      meetCode: 'xyz-wxyz-xyz',
      now: now - 5 * HOUR,
    });
    vi.setSystemTime(now);
    await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now + 10 * MIN,
      calendarEventId: 'alex_ev',
    });
    expect(await upcomingReminderFacts(now, 15)).toHaveLength(1);
  });
});

describe('heldReminderFacts', () => {
  it('reads sessions marked held in the window, with the agreements made in them', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    const { session: quiet } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now - HOUR,
      calendarEventId: 'quiet',
    });
    await markSessionHeld(quiet.id, now - 30 * MIN);
    const { session: busy } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now - 2 * HOUR,
      calendarEventId: 'busy',
    });
    await markSessionHeld(busy.id, now - 90 * MIN);
    await addAgreement(relationship.id, { owner: 'me', text: 'x', dueDate: null, sessionId: busy.id });
    const { session: old } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now - 2 * DAY,
      calendarEventId: 'old',
    });
    await markSessionHeld(old.id, now - 2 * DAY);
    const facts = await heldReminderFacts(now, 6);
    expect(facts.map((f) => [f.sessionId, f.agreementsMade, f.heldAt]).sort()).toEqual(
      [
        [quiet.id, 0, now - 30 * MIN],
        [busy.id, 1, now - 90 * MIN],
      ].sort(),
    );
  });

  it('takes a 1:1 Calendar showed and nobody opened in Duet as held, 30 minutes after its start', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    const plan = (at: number, calendarEventId: string | null) =>
      prepareSession({ relationshipId: relationship.id, scheduledAt: at, calendarEventId }).then(
        (r) => r.session,
      );
    const unopened = await plan(now - 2 * HOUR, 'series_unopened');
    await plan(now - 10 * MIN, 'series_running'); // not over yet
    await plan(now - 3 * HOUR, null); // not from Calendar: never assumed
    await plan(now - 3 * DAY, 'series_old'); // outside the window
    expect((await heldReminderFacts(now, 24)).map((f) => [f.sessionId, f.heldAt, f.calendarEventId])).toEqual(
      [[unopened.id, unopened.scheduledAt + ASSUMED_LENGTH_MS, 'series_unopened']],
    );
    // Held after all under another session of that 1:1 (a Meet call's): only that one is asked about.
    const { session: call } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now - 2 * HOUR + 5 * MIN,
    });
    await markSessionHeld(call.id, now - HOUR);
    expect((await heldReminderFacts(now, 24)).map((f) => f.sessionId)).toEqual([call.id]);
  });
});

describe('cadenceReminderFacts', () => {
  it('reads each tracked 1:1’s last held and next planned session', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    const { session } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now - 35 * DAY,
      calendarEventId: 'then',
    });
    await markSessionHeld(session.id, now - 35 * DAY);
    await alex({ archived: true });
    expect(await cadenceReminderFacts(now)).toEqual([
      {
        relationshipId: relationship.id,
        name: 'Alex Kim',
        archived: false,
        cadenceDays: 14,
        lastHeldAt: now - 35 * DAY,
        nextScheduledAt: null,
      },
    ]);
    await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now + DAY,
      calendarEventId: 'next',
    });
    expect((await cadenceReminderFacts(now))[0]?.nextScheduledAt).toBe(now + DAY);
  });

  it("reads today's 1:1 that Calendar held and nobody opened in Duet, and the next one from now", async () => {
    const now = Date.now();
    const { relationship } = await alex();
    const { session } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now - 30 * DAY,
    });
    await markSessionHeld(session.id, now - 30 * DAY);
    // Planned for two hours ago (not opened), and next week's.
    await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now - 2 * HOUR,
      calendarEventId: 'today',
    });
    await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now + 7 * DAY,
      calendarEventId: 'next',
    });
    expect((await cadenceReminderFacts(now))[0]).toMatchObject({
      lastHeldAt: now - 30 * DAY,
      nextScheduledAt: now + 7 * DAY,
      calendarHeld: [{ at: now - 2 * HOUR, calendarEventId: 'today' }],
    });
  });
});

/** Alex's 1:1 and its Calendar event a day from now (the one a declined prompt is about). */
async function alexEventTomorrow() {
  const now = Date.now();
  const { relationship } = await alex();
  const event = {
    eventId: 'series_20261124T170000Z',
    dataEventId: 'ZGF0YQ',
    relationshipId: relationship.id,
    scheduledAt: now + DAY,
  };
  return { relationship, event };
}

describe('declined 1:1s', () => {
  it('reads the name and Duet’s session for the event; decided sessions are not asked about', async () => {
    const { relationship, event } = await alexEventTomorrow();
    expect(await declinedReminderFacts([event])).toMatchObject([
      { eventId: event.eventId, name: 'Alex Kim', archived: false, sessionId: null },
    ]);
    const { session } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: event.scheduledAt,
      calendarEventId: event.eventId,
    });
    expect((await declinedReminderFacts([event]))[0]?.sessionId).toBe(session.id);
    await cancelDeclinedSession(event);
    expect(await declinedReminderFacts([event])).toEqual([]);
    // An unknown relationship is skipped.
    expect(await declinedReminderFacts([{ ...event, relationshipId: 'gone' }])).toEqual([]);
    expect(await declinedReminderFacts([])).toEqual([]);
  });

  it('"Cancel this session" records the decision: the session is cancelled, its talking points pass on', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    const event = {
      eventId: 'series_20261124T170000Z',
      relationshipId: relationship.id,
      scheduledAt: now + DAY,
    };
    // No session yet: one is made for the event, then cancelled.
    const point = await addTalkingPoint(relationship.id, { text: 'promotion', author: 'me' });
    const cancelled = await cancelDeclinedSession(event);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      calendarEventId: event.eventId,
      scheduledAt: now + DAY,
    });
    expect((await sessionForCalendarEvent(event.eventId))?.status).toBe('cancelled');
    expect((await getDatabase().talkingPoints.get(point.id))?.sessionId).toBeNull();
    // Asked again: nothing changes.
    expect((await cancelDeclinedSession(event)).id).toBe(cancelled.id);
    // A session held meanwhile is left alone.
    const heldEvent = { ...event, eventId: 'series_20261201T170000Z' };
    const { session } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: now + 2 * DAY,
      calendarEventId: heldEvent.eventId,
    });
    await markSessionHeld(session.id);
    expect((await cancelDeclinedSession(heldEvent)).status).toBe('held');
    expect((await getSession(session.id))?.status).toBe('held');
    await expect(cancelDeclinedSession({ ...event, relationshipId: 'gone' })).rejects.toThrow(
      /No 1:1 series/,
    );
  });
});

describe('declined 1:1s that are taking place anyway', () => {
  it('no "reschedule?" while its session runs, nor once it ran as a call at that time', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    const at = now - 10 * MIN;
    const event = {
      eventId: 'series_20261124T150000Z',
      dataEventId: 'ZGF0YQ',
      relationshipId: relationship.id,
      scheduledAt: at,
    };
    // Started from Calendar on the event: running.
    await startLiveSession({
      relationshipId: relationship.id,
      calendarEventId: event.eventId,
      scheduledAt: at,
      now: at,
    });
    expect(await declinedReminderFacts([event])).toEqual([]);
    // Another 1:1's instance, run as a Meet call (no event id) two minutes after its time.
    const { relationship: other } = await alex();
    await startLiveSession({ relationshipId: other.id, meetCode: 'abc-defg-hij', now: at + 2 * MIN });
    const declined = { ...event, eventId: 'sam_20261124T150000Z', relationshipId: other.id };
    expect(await declinedReminderFacts([declined])).toEqual([]);
  });
});

describe('"Cancel this session" on a 1:1 that ran as a call', () => {
  it('leaves alone a call held at that time and left open (the browser closed mid-call)', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    const at = now - 2 * HOUR;
    // Started from Meet five minutes after the instance's time (without its event id), notes saved, never ended.
    const call = await startLiveSession({
      relationshipId: relationship.id,
      meetCode: 'abc-defg-hij',
      now: at + 5 * MIN,
    });
    await saveSectionNotes(call.id, 'how-are-you', 'Talked about the launch');
    const event = { eventId: 'series_20261124T090000Z', relationshipId: relationship.id, scheduledAt: at };
    const kept = await cancelDeclinedSession(event);
    expect(kept.id).toBe(call.id);
    expect((await getSession(call.id))?.status).not.toBe('cancelled');
    expect((await getSession(call.id))?.notes['how-are-you']).toBe('Talked about the launch');
  });
});

describe('plannedCalendarInstances (for telling a cancelled 1:1 in Calendar)', () => {
  it('lists the sessions still to come for a Calendar instance in the window, and nothing else', async () => {
    const now = Date.now();
    const { relationship } = await alex();
    const plan = (calendarEventId: string | null, at: number) =>
      prepareSession({ relationshipId: relationship.id, scheduledAt: at, calendarEventId }).then(
        (r) => r.session,
      );
    const planned = await plan('series_a', now + DAY);
    await plan(null, now + 2 * DAY); // not from Calendar
    const held = await plan('series_c', now + 3 * DAY);
    await markSessionHeld(held.id);
    await plan('series_d', now + 10 * DAY); // outside the window
    expect(await plannedCalendarInstances(now, now + 7 * DAY)).toEqual([
      { eventId: 'series_a', relationshipId: relationship.id, scheduledAt: planned.scheduledAt },
    ]);
    expect(await plannedCalendarInstances(now + 2 * DAY, now + 7 * DAY)).toEqual([]);
  });

  it('the "reschedule?" facts of an instance no longer in Calendar say so', async () => {
    const { event } = await alexEventTomorrow();
    expect(await declinedReminderFacts([{ ...event, dataEventId: '', gone: true }])).toMatchObject([
      { eventId: event.eventId, gone: true },
    ]);
    expect((await declinedReminderFacts([event]))[0]).not.toHaveProperty('gone');
  });
});

describe('two sessions of one 1:1 for one event, one of them cancelled', () => {
  // Stored in this order (the index returns them by id): the cancelled one comes first.
  async function twoSessions() {
    const { relationship, event } = await alexEventTomorrow();
    const { session } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: event.scheduledAt,
      calendarEventId: event.eventId,
    });
    const sessions = getDatabase().sessions;
    await sessions.delete(session.id);
    await sessions.add({ ...session, id: 'a-cancelled', status: 'cancelled' });
    await sessions.add({ ...session, id: 'b-upcoming' });
    return { event, relationship };
  }

  it('the declined prompt, "Cancel this session" and "Start prep" all take the one still to come', async () => {
    const { event, relationship } = await twoSessions();
    expect((await declinedReminderFacts([event]))[0]?.sessionId).toBe('b-upcoming');
    const { session } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: event.scheduledAt,
      calendarEventId: event.eventId,
    });
    expect(session.id).toBe('b-upcoming');
    expect((await cancelDeclinedSession(event)).id).toBe('b-upcoming');
    expect((await getSession('b-upcoming'))?.status).toBe('cancelled');
    expect(await declinedReminderFacts([event])).toEqual([]);
  });

  it('a move in Calendar takes the session still to come along', async () => {
    const { event, relationship } = await twoSessions();
    const movedTo = event.scheduledAt + 2 * HOUR;
    await planSeenInstances(
      [{ eventId: event.eventId, relationshipId: relationship.id, scheduledAt: movedTo }],
      Date.now(),
    );
    expect((await getSession('b-upcoming'))?.scheduledAt).toBe(movedTo);
    expect((await getSession('a-cancelled'))?.scheduledAt).toBe(event.scheduledAt);
  });
});

describe('planSeenInstances after another call the same day', () => {
  it('a quick call at noon in another room does not keep the 15:00 meeting from being planned', async () => {
    const noon = new Date(2026, 10, 23, 12).getTime();
    const { relationship } = await alex();
    vi.setSystemTime(noon);
    onTestFinished(() => void vi.useRealTimers());
    const call = await startLiveSession({
      relationshipId: relationship.id,
      meetCode: 'abc-defg-hij',
      now: noon,
    });
    await endLiveSession(call.id, noon + 15 * MIN);
    const at15 = noon + 3 * HOUR;
    const seen = [{ relationshipId: relationship.id, eventId: 'alex_20261123T150000Z', scheduledAt: at15 }];
    expect(await planSeenInstances(seen, noon + HOUR)).toBe(1);
    expect(await sessionForCalendarEvent('alex_20261123T150000Z')).toMatchObject({ scheduledAt: at15 });
    // A call started from Meet at about its time is that meeting: not planned twice.
    const { relationship: other } = await alex();
    await startLiveSession({ relationshipId: other.id, meetCode: 'xyz-wxyz-xyz', now: at15 - 5 * MIN });
    const theirs = [{ relationshipId: other.id, eventId: 'alex2_20261123T150000Z', scheduledAt: at15 }];
    expect(await planSeenInstances(theirs, at15 - 4 * MIN)).toBe(0);
  });
});

describe('planSeenInstances (tracked 1:1s Calendar shows ahead)', () => {
  const now = new Date(2026, 10, 23, 9).getTime();
  const instance = (relationshipId: string, eventId: string, at: number) => ({
    relationshipId,
    eventId,
    scheduledAt: at,
  });

  it('plans an upcoming session per instance in the next 7 days, with open talking points carried in', async () => {
    const { relationship } = await alex();
    const point = await addTalkingPoint(relationship.id, { text: 'Offsite budget', author: 'me' });
    const soon = now + DAY;
    const planned = await planSeenInstances(
      [
        instance(relationship.id, 'alex_20261124T090000Z', soon),
        instance(relationship.id, 'alex_20261201T090000Z', now + 8 * DAY), // beyond 7 days
        instance(relationship.id, 'alex_20261122T090000Z', now - DAY), // past
      ],
      now,
    );
    expect(planned).toBe(1);
    const session = await sessionForCalendarEvent('alex_20261124T090000Z');
    expect(session).toMatchObject({ relationshipId: relationship.id, status: 'upcoming', scheduledAt: soon });
    expect((await getDatabase().talkingPoints.get(point.id))!.sessionId).toBe(session!.id);
    expect(await getDatabase().sessions.count()).toBe(1);
    // The "before" reminder and the popup's week now see it.
    const facts = await upcomingReminderFacts(soon - 20 * MIN, 30);
    expect(facts.map((f) => f.sessionId)).toEqual([session!.id]);
  });

  it('a series moved or split in Calendar: the planned session follows its new instance', async () => {
    const { relationship } = await alex();
    const at = now + 2 * DAY;
    await planSeenInstances([instance(relationship.id, 'alex_20261125T090000Z', at)], now);
    // "All events" moved an hour later: the instance has a new id of the same series.
    expect(
      await planSeenInstances([instance(relationship.id, 'alex_20261125T100000Z', at + HOUR)], now),
    ).toBe(0);
    expect(await sessionForCalendarEvent('alex_20261125T090000Z')).toBeUndefined();
    expect(await sessionForCalendarEvent('alex_20261125T100000Z')).toMatchObject({ scheduledAt: at + HOUR });
    // "This and following" to 11:00: a new series continues it.
    const split = 'alex_R20261118T090000_20261125T110000Z';
    await planSeenInstances([instance(relationship.id, split, at + 2 * HOUR)], now);
    expect(await sessionForCalendarEvent(split)).toMatchObject({
      scheduledAt: at + 2 * HOUR,
      status: 'upcoming',
    });
    expect(await getDatabase().sessions.count()).toBe(1);
    // Another series near it is another meeting: nothing is taken from this one.
    await planSeenInstances([instance(relationship.id, 'other_20261125T120000Z', at + 3 * HOUR)], now);
    expect(await sessionForCalendarEvent(split)).toMatchObject({ scheduledAt: at + 2 * HOUR });
  });

  it('never twice, never beside a session of that 1:1 near the same time, never for an archived 1:1', async () => {
    const { relationship } = await alex();
    const archived = (await alex({ archived: true })).relationship;
    const at = now + 2 * DAY;
    await prepareSession({ relationshipId: relationship.id, scheduledAt: at + HOUR, calendarEventId: null });
    expect(
      await planSeenInstances(
        [
          instance(relationship.id, 'alex_20261125T090000Z', at),
          instance(archived.id, 'old_20261125T090000Z', at),
          instance('no-such-relationship', 'ghost_20261125T090000Z', at),
        ],
        now,
      ),
    ).toBe(0);
    const first = await planSeenInstances(
      [instance(relationship.id, 'alex_20261128T090000Z', at + 3 * DAY)],
      now,
    );
    const again = await planSeenInstances(
      [instance(relationship.id, 'alex_20261128T090000Z', at + 3 * DAY)],
      now,
    );
    expect([first, again]).toEqual([1, 0]);
    expect(await getDatabase().sessions.count()).toBe(2);
  });

  it('an instance Calendar moved: its planned session follows it; one already run stays where it was', async () => {
    const { relationship } = await alex();
    const EVENT = 'alex_20261126T090000Z';
    const idTime = Date.UTC(2026, 10, 26, 9); // the time the instance id names
    const monday = idTime + 4 * DAY;
    await planSeenInstances([instance(relationship.id, EVENT, idTime)], now);
    // Same instance id, moved to Monday.
    expect(await planSeenInstances([instance(relationship.id, EVENT, monday)], now)).toBe(0);
    const moved = await sessionForCalendarEvent(EVENT);
    expect(moved).toMatchObject({ scheduledAt: monday, status: 'upcoming' });
    expect(await getDatabase().sessions.count()).toBe(1);
    expect((await upcomingReminderFacts(monday - 20 * MIN, 30)).map((f) => f.sessionId)).toEqual([moved!.id]);

    // A chip whose time cannot be read gives the id's time: never taken for a move back.
    await planSeenInstances([instance(relationship.id, EVENT, idTime)], now);
    expect((await sessionForCalendarEvent(EVENT))?.scheduledAt).toBe(monday);
    // Moved back, as the chip's own time says: the session comes back with it (and its agenda stays on it).
    await planSeenInstances([{ ...instance(relationship.id, EVENT, idTime), confirmed: true }], now);
    expect((await sessionForCalendarEvent(EVENT))?.scheduledAt).toBe(idTime);
    await planSeenInstances([instance(relationship.id, EVENT, monday)], now);
    expect((await sessionForCalendarEvent(EVENT))?.scheduledAt).toBe(monday);
    // Postponed by a week, beyond the 7 days planned ahead: still followed.
    await planSeenInstances([instance(relationship.id, EVENT, monday + 7 * DAY)], now);
    expect((await sessionForCalendarEvent(EVENT))?.scheduledAt).toBe(monday + 7 * DAY);

    // Postponed in Duet, or already held: Calendar's sightings no longer move it.
    await rescheduleSession(moved!.id, monday + DAY);
    await planSeenInstances([instance(relationship.id, EVENT, monday + 2 * DAY)], now);
    expect((await sessionForCalendarEvent(EVENT))?.scheduledAt).toBe(monday + DAY);
    await markSessionHeld(moved!.id, monday + DAY);
    await planSeenInstances([instance(relationship.id, EVENT, monday + 3 * DAY)], now);
    expect((await sessionForCalendarEvent(EVENT))?.scheduledAt).toBe(monday + DAY);
  });
});
