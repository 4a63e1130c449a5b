import { describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  addFeedback,
  addGoal,
  addTalkingPoint,
  callLinkCandidates,
  completeAgreement,
  reviewAgreement,
  createPerson,
  cancelSession,
  createRelationship,
  dropAgreement,
  endLiveSession,
  endLiveSessionForCall,
  getDatabase,
  getRelationship,
  getSession,
  InvalidInputError,
  LIVE_WINDOW_MS,
  linkMeetCodeTo,
  listTemplates,
  loadSessionView,
  markSessionHeld,
  prepareSession,
  REJOIN_WINDOW_MS,
  releaseCallSession,
  renegotiateAgreement,
  rescheduleSession,
  saveCareerAssessment,
  saveCustomTemplate,
  saveLiveTimer,
  saveSectionNotes,
  runningSessionOfCall,
  setTalkingPointStatus,
  saveEventNote,
  settleNotedMeetings,
  startLiveSession,
  switchSessionTemplate,
  unlinkMeetCode,
  updateGoal,
  updatePerson,
  updateRelationship,
} from '@/lib/db';
import type { CareerAssessment, Session } from '@/lib/domain/model';
import { finish, nextSection, pause, startTimer, type TimerState } from '@/lib/domain/session-timer';
import { DEFAULT_TEMPLATE_FOR_KIND, getBuiltInTemplate } from '@/lib/domain/templates';
import { useFixedDate } from '../helpers/clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Wednesday 25 March 2026, local noon. */
const NOW = new Date(2026, 2, 25, 12, 0, 0).getTime();
const CODE = 'abc-defg-hij';
const OTHER_CODE = 'xyz-wxyz-xyz';

useFixedDate(NOW);

/** Moves the fake clock to `at` (so updatedAt values follow the scenario's time). */
function clockAt(at: number): number {
  vi.setSystemTime(at);
  return at;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function oneOnOne(
  title = 'Alice / Sam',
  extra: Partial<Parameters<typeof createRelationship>[0]> = {},
) {
  return createRelationship({ personIds: [], kind: 'one-on-one', title, ...extra });
}

async function planned(
  relationshipId: string,
  scheduledAt: number,
  extra: { meetCode?: string; calendarEventId?: string } = {},
) {
  return (await prepareSession({ relationshipId, scheduledAt, ...extra })).session;
}

function template(id: string) {
  const found = getBuiltInTemplate(id);
  if (!found) throw new Error(`no built-in template ${id}`);
  return found;
}

function timerOf(templateId: string, now: number): TimerState {
  const sections = template(templateId).sections;
  return startTimer(
    sections.map((s) => s.id),
    sections.map((s) => s.minutes),
    now,
  );
}

/** A session row as versions before live sessions wrote it: no `live`, no `assessment`. */
function legacyRow(relationshipId: string, overrides: Partial<Session> = {}): Session {
  const row: Record<string, unknown> = {
    id: 'legacy-session-1',
    relationshipId,
    scheduledAt: NOW - HOUR,
    calendarEventId: null,
    meetCode: null,
    status: 'upcoming',
    templateId: 'builtin:your-session',
    notes: { 'how-are-you': 'Written by an older Duet' },
    privateNotes: '',
    checkIn: null,
    heldAt: null,
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    ...overrides,
  };
  delete row.live;
  delete row.assessment;
  return row as unknown as Session;
}

// startLiveSession ---------------------------------------------------------------------------------

describe('startLiveSession', () => {
  it('creates a session from the relationship template with a running timer', async () => {
    const rel = await oneOnOne('Alice / Sam', { templateId: 'builtin:structured-50' });
    const started = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });

    expect(started).toMatchObject({
      relationshipId: rel.id,
      scheduledAt: NOW,
      meetCode: CODE,
      calendarEventId: null,
      status: 'upcoming',
      templateId: 'builtin:structured-50',
      heldAt: null,
      notes: {},
      assessment: null,
    });
    expect(started.live).toEqual({
      startedAt: NOW,
      endedAt: null,
      timer: timerOf('builtin:structured-50', NOW),
    });
    const timer = started.live!.timer;
    expect(timer.sectionIds).toEqual(['check-in', 'purpose', 'okrs', 'feedback', 'agreements']);
    expect(timer.plannedMs).toEqual([5, 5, 25, 5, 5].map((m) => m * MINUTE));
    expect(timer.runningSince).toBe(NOW);
    expect(timer.finished).toBe(false);
    expect(await getSession(started.id)).toEqual(started);
    expect(await getDatabase().sessions.count()).toBe(1);
  });

  it('a call that never ended and saw nothing for hours is not continued by a later call, even on its code', async () => {
    const rel = await oneOnOne();
    const stale = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: clockAt(NOW) });
    const later = clockAt(NOW + 6 * HOUR);
    // The same Meet code (a series and a personal room reuse theirs), and another one.
    const next = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: later });
    expect(next.id).not.toBe(stale.id);
    expect(next.live).toMatchObject({ startedAt: later, endedAt: null });
    expect((await getSession(stale.id))!.live?.endedAt).toBeNull();
    // A call going on (notes saved a moment ago) continues, however long ago it started.
    clockAt(later + 4 * HOUR - MINUTE);
    await saveSectionNotes(next.id, 'how-are-you', 'still talking');
    const same = await startLiveSession({
      relationshipId: rel.id,
      meetCode: CODE,
      now: clockAt(later + 4 * HOUR),
    });
    expect(same.id).toBe(next.id);
    const other = await startLiveSession({
      relationshipId: rel.id,
      meetCode: 'qrs-tuvw-xyz',
      now: clockAt(later + 4 * HOUR + MINUTE),
    });
    expect(other.id).toBe(next.id);
  });

  it('stores the calendar event id it was given', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, calendarEventId: 'evt_1', now: NOW });
    expect(started.calendarEventId).toBe('evt_1');
    expect(started.meetCode).toBeNull();
  });

  it('uses Date.now() when no time is given', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id });
    expect(started.scheduledAt).toBe(NOW);
    expect(started.live?.startedAt).toBe(NOW);
  });

  it('carries over open talking points: unplanned ones and those of held sessions', async () => {
    const rel = await oneOnOne();
    const db = getDatabase();
    // A future session far away (outside the live window) keeps its own points.
    const future = await planned(rel.id, NOW + 7 * DAY);
    const forFuture = await addTalkingPoint(rel.id, { text: 'For next week', author: 'me' });
    expect(forFuture.sessionId).toBe(future.id);
    // An earlier session, now held, with one point left open and one discussed.
    const earlier = await planned(rel.id, NOW - 14 * DAY);
    const fromEarlier = await addTalkingPoint(rel.id, { text: 'Promotion timeline', author: 'them' });
    const discussed = await addTalkingPoint(rel.id, { text: 'Already talked about', author: 'me' });
    await db.talkingPoints.update(fromEarlier.id, { sessionId: earlier.id });
    await setTalkingPointStatus(discussed.id, 'discussed', earlier.id);
    await markSessionHeld(earlier.id, NOW - 14 * DAY);
    // Unplanned: no session yet.
    const unplanned = await addTalkingPoint(rel.id, { text: 'Unplanned idea', author: 'me' });
    await db.talkingPoints.update(unplanned.id, { sessionId: null });

    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    expect([earlier.id, future.id]).not.toContain(started.id);
    const points = await db.talkingPoints.toArray();
    const sessionOf = (id: string) => points.find((p) => p.id === id)?.sessionId;
    expect(sessionOf(fromEarlier.id)).toBe(started.id);
    expect(sessionOf(unplanned.id)).toBe(started.id);
    expect(sessionOf(discussed.id)).toBe(earlier.id);
    expect(sessionOf(forFuture.id)).toBe(future.id);
  });

  it('reuses the planned session closest to now within the live window instead of creating one', async () => {
    const rel = await oneOnOne();
    const tooEarly = await planned(rel.id, NOW - LIVE_WINDOW_MS - MINUTE);
    const earlier = await planned(rel.id, NOW - 3 * HOUR);
    const closest = await planned(rel.id, NOW + HOUR);
    const later = await planned(rel.id, NOW + 5 * HOUR);
    const point = await addTalkingPoint(rel.id, { text: 'Hiring plan', author: 'me' });
    await getDatabase().talkingPoints.update(point.id, { sessionId: null });

    const started = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    expect(started.id).toBe(closest.id);
    expect(started.scheduledAt).toBe(NOW + HOUR);
    expect(started.meetCode).toBe(CODE);
    expect(started.live).toEqual({
      startedAt: NOW,
      endedAt: null,
      timer: timerOf('builtin:your-session', NOW),
      // What it was before the call took it (given back if the call turns out to be another 1:1's).
      took: { meetCode: null, status: 'upcoming', running: false },
    });
    expect(await getDatabase().sessions.count()).toBe(4);
    for (const other of [tooEarly, earlier, later]) expect((await getSession(other.id))?.live).toBeNull();
    expect((await getDatabase().talkingPoints.get(point.id))?.sessionId).toBe(closest.id);
  });

  it('reuses a session rescheduled to about now, keeping its template, in the room the call runs in', async () => {
    const rel = await oneOnOne();
    const moved = (
      await prepareSession({ relationshipId: rel.id, scheduledAt: NOW - DAY, meetCode: OTHER_CODE })
    ).session;
    await rescheduleSession(moved.id, NOW + 30 * MINUTE);
    await getDatabase().sessions.update(moved.id, { templateId: 'builtin:peer' });
    const started = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    expect(started.id).toBe(moved.id);
    expect(started.status).toBe('upcoming');
    // The call's own room: its end, a rejoin and the panel find the session by it.
    expect(started.meetCode).toBe(CODE);
    expect(started.templateId).toBe('builtin:peer');
    expect(started.live?.timer).toEqual(timerOf('builtin:peer', NOW));
  });

  it('creates a new session when the only planned ones are outside the window or not planned', async () => {
    const rel = await oneOnOne();
    const tomorrow = await planned(rel.id, NOW + LIVE_WINDOW_MS + MINUTE);
    const heldToday = await planned(rel.id, NOW - HOUR);
    await markSessionHeld(heldToday.id, NOW - HOUR);
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    expect([tomorrow.id, heldToday.id]).not.toContain(started.id);
    expect(await getDatabase().sessions.count()).toBe(3);
  });

  it('is idempotent: a second start returns the same running session without restarting its timer', async () => {
    const rel = await oneOnOne();
    const first = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    clockAt(NOW + 10 * MINUTE);
    const again = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW + 10 * MINUTE });
    expect(again.id).toBe(first.id);
    expect(again.live).toEqual(first.live);
    expect(await getSession(first.id)).toEqual(first);
    // Without the meet code too (e.g. the in-person "Start" button in a second tab).
    const third = await startLiveSession({ relationshipId: rel.id, now: NOW + 20 * MINUTE });
    expect(third.id).toBe(first.id);
    expect(third.live?.startedAt).toBe(NOW);
    expect(await getDatabase().sessions.count()).toBe(1);
  });

  it('yields one session when started concurrently', async () => {
    const rel = await oneOnOne();
    const results = await Promise.all([
      startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW }),
      startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW }),
      startLiveSession({ relationshipId: rel.id, now: NOW }),
    ]);
    expect(new Set(results.map((s) => s.id)).size).toBe(1);
    expect(await getDatabase().sessions.count()).toBe(1);
    expect((await getSession(results[0].id))?.live?.startedAt).toBe(NOW);
  });

  it('resumes a session of this call that ended less than REJOIN_WINDOW_MS ago, keeping its timer', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    const stepped = nextSection(started.live!.timer, NOW + 5 * MINUTE);
    await saveLiveTimer(started.id, stepped);
    const endAt = clockAt(NOW + 30 * MINUTE);
    const ended = await endLiveSession(started.id, endAt);
    expect(ended.status).toBe('held');

    const rejoinAt = clockAt(endAt + REJOIN_WINDOW_MS - MINUTE);
    const resumed = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: rejoinAt });
    expect(resumed.id).toBe(started.id);
    expect(resumed.status).toBe('upcoming');
    expect(resumed.heldAt).toBeNull();
    // The same live run continues: first start, sections and the time already spent are kept.
    expect(resumed.live?.startedAt).toBe(NOW);
    expect(resumed.live?.endedAt).toBeNull();
    expect(resumed.live?.timer.startedAt).toBe(NOW);
    expect(resumed.live?.timer.sectionIds).toEqual(stepped.sectionIds);
    expect(resumed.live?.timer.doneIds).toContain(stepped.sectionIds[0]);
    expect(resumed.live?.timer.accumulatedMs.slice(0, 2)).toEqual(
      ended.live?.timer.accumulatedMs.slice(0, 2),
    );
    expect(resumed.live?.timer.accumulatedMs[0]).toBe(5 * MINUTE);
    expect(resumed.live?.timer.accumulatedMs[1]).toBe(25 * MINUTE);
    // …and the clock runs again from the section the call ended in.
    expect(resumed.live?.timer.finished).toBe(false);
    expect(resumed.live?.timer.runningSince).toBe(rejoinAt);
    expect(resumed.live?.timer.currentIndex).toBe(1);
    expect(resumed.live?.timer.doneIds).not.toContain(stepped.sectionIds[1]);
    expect(await getDatabase().sessions.count()).toBe(1);
  });

  it('Start prep on an event already held as a call from Meet: that session, never a second one', async () => {
    const rel = await oneOnOne();
    const eventStart = NOW - 2 * HOUR;
    const call = await startLiveSession({
      relationshipId: rel.id,
      meetCode: CODE,
      now: eventStart + 2 * MINUTE,
    });
    await endLiveSession(call.id, eventStart + 40 * MINUTE);
    // A point for next time, added after the call: it stays for the next 1:1.
    clockAt(NOW);
    const later = await addTalkingPoint(rel.id, { text: 'For next time', author: 'me' });
    const prepared = await prepareSession({
      relationshipId: rel.id,
      scheduledAt: eventStart,
      calendarEventId: 'evt_held',
      meetCode: CODE,
    });
    expect(prepared.session.id).toBe(call.id);
    expect(prepared.session.status).toBe('held');
    expect(prepared.session.calendarEventId).toBe('evt_held');
    expect(prepared.carriedPointIds).toEqual([]);
    expect(await getDatabase().sessions.count()).toBe(1);
    expect((await getDatabase().talkingPoints.get(later.id))?.sessionId).not.toBe(call.id);
    // A meeting of another day is another session.
    const tomorrow = await prepareSession({
      relationshipId: rel.id,
      scheduledAt: eventStart + DAY,
      calendarEventId: 'evt_next',
    });
    expect(tomorrow.session.id).not.toBe(call.id);
  });

  it('Start prep on a later instance first: the earlier meeting, prepared next, takes the points', async () => {
    const rel = await oneOnOne();
    const later = await prepareSession({
      relationshipId: rel.id,
      scheduledAt: NOW + 23 * DAY,
      calendarEventId: 'evt_day23',
    });
    const point = await addTalkingPoint(rel.id, { text: 'Promotion', author: 'them' });
    expect(point.sessionId).toBe(later.session.id);
    const sooner = await prepareSession({
      relationshipId: rel.id,
      scheduledAt: NOW + 9 * DAY,
      calendarEventId: 'evt_day9',
    });
    expect(sooner.carriedPointIds).toEqual([point.id]);
    expect((await getDatabase().talkingPoints.get(point.id))!.sessionId).toBe(sooner.session.id);
  });

  it('a meeting over (opened again) or past (notes for last week) never takes the next meeting’s points', async () => {
    const rel = await oneOnOne();
    const today = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'evt_today',
      scheduledAt: NOW - 30 * MINUTE,
      now: NOW - 30 * MINUTE,
    });
    await endLiveSession(today.id, NOW, getDatabase(), 'user');
    const next = await prepareSession({
      relationshipId: rel.id,
      scheduledAt: NOW + 7 * DAY,
      calendarEventId: 'evt_next',
    });
    const point = await addTalkingPoint(rel.id, { text: 'For next week', author: 'me' });
    expect(point.sessionId).toBe(next.session.id);
    // The Meet panel opened again on today's meeting, just over.
    await startLiveSession({ relationshipId: rel.id, calendarEventId: 'evt_today', now: NOW + 10 * MINUTE });
    // A note written for last week's meeting.
    await saveEventNote(
      {
        eventKey: 'evt_lastweek',
        seriesKey: 'series',
        title: 'Alice / Sam',
        relationshipId: rel.id,
        startsAt: NOW - 7 * DAY,
      },
      'Written afterwards',
    );
    // Notes written three hours after this morning's meeting (never opened in Duet before).
    await saveEventNote(
      {
        eventKey: 'evt_morning',
        seriesKey: 'series',
        title: 'Alice / Sam',
        relationshipId: rel.id,
        startsAt: NOW - 3 * HOUR,
      },
      'Written afterwards',
    );
    // A meeting cancelled, prepared again.
    const cancelled = await prepareSession({
      relationshipId: rel.id,
      scheduledAt: NOW + DAY,
      calendarEventId: 'evt_cancelled',
    });
    await cancelSession(cancelled.session.id);
    await prepareSession({
      relationshipId: rel.id,
      scheduledAt: NOW + DAY,
      calendarEventId: 'evt_cancelled',
    });
    expect((await getDatabase().talkingPoints.get(point.id))!.sessionId).toBe(next.session.id);
  });

  it('a call left open days ago (the browser closed) never takes the next meeting’s points', async () => {
    const rel = await oneOnOne();
    const left = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'evt_left',
      scheduledAt: NOW - 2 * DAY,
      now: NOW - 2 * DAY,
    });
    const next = await planned(rel.id, NOW + 7 * DAY, { calendarEventId: 'evt_next' });
    const point = await addTalkingPoint(rel.id, { text: 'For next week', author: 'me' });
    expect(point.sessionId).toBe(next.id);
    const again = await planned(rel.id, NOW - 2 * DAY, { calendarEventId: 'evt_left' });
    expect(again.id).toBe(left.id);
    expect((await getDatabase().talkingPoints.get(point.id))!.sessionId).toBe(next.id);
  });

  it('notes written days after a call that never ended (the browser closed) mark that meeting held', async () => {
    const rel = await oneOnOne();
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW - 2 * DAY });
    const saved = await saveEventNote(
      {
        eventKey: 'evt_then',
        seriesKey: 'series',
        title: 'Alice / Sam',
        relationshipId: rel.id,
        startsAt: NOW - 2 * DAY - 5 * MINUTE,
      },
      'Written later',
    );
    expect(saved.id).toBe(call.id);
    expect(saved.status).toBe('held');
  });

  it('notes written after a meeting prepared ahead (Start prep, met in person) mark it held; before it, not', async () => {
    const rel = await oneOnOne();
    const event = {
      eventKey: 'evt_prepped',
      seriesKey: 'series',
      title: 'Alice / Sam',
      relationshipId: rel.id,
      startsAt: NOW - DAY,
    };
    const session = await planned(rel.id, NOW - DAY, { calendarEventId: 'evt_prepped' });
    const saved = await saveEventNote(event, 'Talked about the offsite');
    expect(saved.id).toBe(session.id);
    expect(saved).toMatchObject({ status: 'held', heldAt: NOW - DAY });
    // Prep notes for tomorrow's meeting, prepared ahead: still to come.
    const tomorrow = await planned(rel.id, NOW + DAY, { calendarEventId: 'evt_tomorrow' });
    const prep = await saveEventNote(
      { ...event, eventKey: 'evt_tomorrow', startsAt: NOW + DAY },
      'Ask about the offsite',
    );
    expect(prep).toMatchObject({ id: tomorrow.id, status: 'upcoming' });
  });

  it('a note written in the Calendar panel during the call never ends it (held would show its summary)', async () => {
    const rel = await oneOnOne();
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    const saved = await saveEventNote(
      {
        eventKey: 'evt_now',
        seriesKey: 'series',
        title: 'Alice / Sam',
        relationshipId: rel.id,
        startsAt: NOW - 10 * MINUTE,
      },
      'Typed beside the call',
    );
    expect(saved.id).toBe(call.id);
    expect(saved.status).toBe('upcoming');
    expect(saved.live?.endedAt).toBeNull();
  });

  it('a session its call ended moments ago, opened from its Calendar event, is shown as it is (not restarted)', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, calendarEventId: 'evt_1', now: NOW });
    // Run as the event's call: a Meet tab in room CODE took it, and the call ended.
    await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW + MINUTE });
    await endLiveSessionForCall(rel.id, CODE, clockAt(NOW + 30 * MINUTE));
    const opened = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'evt_1',
      meetCode: CODE,
      now: NOW + 45 * MINUTE,
    });
    expect(opened).toMatchObject({ id: started.id, status: 'held', live: { endedAt: NOW + 30 * MINUTE } });
    // The call rejoined from its room continues it.
    const rejoined = await startLiveSession({
      relationshipId: rel.id,
      meetCode: CODE,
      now: NOW + 50 * MINUTE,
    });
    expect(rejoined).toMatchObject({ id: started.id, status: 'upcoming', live: { endedAt: null } });
  });

  it('does not resume a call that ended longer than REJOIN_WINDOW_MS ago', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    const endAt = NOW + 30 * MINUTE;
    const ended = await endLiveSession(started.id, endAt);
    const laterAt = clockAt(endAt + REJOIN_WINDOW_MS + MINUTE);
    const fresh = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: laterAt });
    expect(fresh.id).not.toBe(started.id);
    expect(fresh.live).toEqual({
      startedAt: laterAt,
      endedAt: null,
      timer: timerOf('builtin:your-session', laterAt),
    });
    expect(await getSession(started.id)).toEqual(ended);
    expect(await getDatabase().sessions.count()).toBe(2);
  });

  it('does not resume an ended session of another call', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    await endLiveSession(started.id, NOW + 30 * MINUTE);
    const other = await startLiveSession({ relationshipId: rel.id, meetCode: OTHER_CODE, now: NOW + HOUR });
    expect(other.id).not.toBe(started.id);
    expect((await getSession(started.id))?.status).toBe('held');
  });

  it('schedules a new session at the given time (the Calendar event start), else now', async () => {
    const rel = await oneOnOne();
    const eventStart = NOW - 5 * MINUTE;
    const started = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'evt_1',
      scheduledAt: eventStart,
      now: NOW,
    });
    expect(started.scheduledAt).toBe(eventStart);
    expect(started.live?.startedAt).toBe(NOW);
    expect(started.createdAt).toBe(NOW);
  });

  it("runs the Calendar event's own session, even outside the live window", async () => {
    const rel = await oneOnOne();
    const other = await oneOnOne('Alice / Kim');
    const closer = await planned(rel.id, NOW);
    const own = (
      await prepareSession({ relationshipId: rel.id, scheduledAt: NOW + 2 * DAY, calendarEventId: 'evt_far' })
    ).session;
    await prepareSession({ relationshipId: other.id, scheduledAt: NOW, calendarEventId: 'evt_kim' });

    const started = await startLiveSession({ relationshipId: rel.id, calendarEventId: 'evt_far', now: NOW });
    expect(started.id).toBe(own.id);
    expect(started.live?.startedAt).toBe(NOW);
    expect((await getSession(closer.id))?.live).toBeNull();

    // Another 1:1's event session is never taken: the closest planned one of this 1:1 is.
    const notKims = await startLiveSession({ relationshipId: rel.id, calendarEventId: 'evt_kim', now: NOW });
    expect(notKims.id).toBe(closer.id);
  });

  it('started from a Calendar event of another day, never takes the session planned for today', async () => {
    const rel = await oneOnOne();
    const today = await planned(rel.id, NOW + HOUR);
    const todaysEvent = (
      await prepareSession({ relationshipId: rel.id, scheduledAt: NOW, calendarEventId: 'evt_today' })
    ).session;
    const inThreeDays = await planned(rel.id, NOW + 3 * DAY + HOUR);
    const otherEventThen = (
      await prepareSession({
        relationshipId: rel.id,
        scheduledAt: NOW + 3 * DAY - HOUR,
        calendarEventId: 'evt_other',
      })
    ).session;

    // An event of last month opened again and started: its own new session, at its own time.
    const march = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'evt_march',
      scheduledAt: NOW - 30 * DAY,
      now: NOW,
    });
    expect([today.id, todaysEvent.id, inThreeDays.id, otherEventThen.id]).not.toContain(march.id);
    expect(march.calendarEventId).toBe('evt_march');
    expect(march.scheduledAt).toBe(NOW - 30 * DAY);
    expect((await getSession(today.id))?.live).toBeNull();

    // An event in three days: the session planned for then without an event, not the one of another event
    // (closer to the event's time) nor today's.
    const later = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'evt_later',
      scheduledAt: NOW + 3 * DAY,
      now: NOW,
    });
    expect(later.id).toBe(inThreeDays.id);
    expect((await getSession(otherEventThen.id))?.live).toBeNull();
  });

  it("started from the Calendar event of a meeting already held as a call: that call's session", async () => {
    const rel = await oneOnOne();
    // The 10:00 1:1 ran as a Meet call (no event id on it), notes written, ended at 10:30.
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    await saveSectionNotes(call.id, 'how-are-you', 'From the call');
    await endLiveSessionForCall(rel.id, CODE, NOW + 30 * MINUTE);
    clockAt(NOW + HOUR);

    // An hour later, "Start session" on the 10:00 event in Calendar, whose panel knows no Meet code.
    const fromEvent = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'evt_10am',
      scheduledAt: NOW,
      now: NOW + HOUR,
    });
    expect(fromEvent.id).toBe(call.id);
    expect(fromEvent.calendarEventId).toBe('evt_10am');
    expect(fromEvent.notes['how-are-you']).toBe('From the call');
    // Over already: shown as it was held, not restarted.
    expect(fromEvent).toMatchObject({ status: 'held', heldAt: NOW + 30 * MINUTE });
    expect(fromEvent.live?.endedAt).toBe(NOW + 30 * MINUTE);
    expect(await getDatabase().sessions.count()).toBe(1);

    // The next day's event is another meeting: never this call's session.
    const tomorrow = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'evt_tomorrow',
      scheduledAt: NOW + DAY,
      now: NOW + HOUR,
    });
    expect(tomorrow.id).not.toBe(call.id);
  });

  it("next week's event never continues today's call, though the series shares its Meet code", async () => {
    const rel = await oneOnOne();
    const today = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    const nextWeek = await startLiveSession({
      relationshipId: rel.id,
      meetCode: CODE,
      calendarEventId: 'evt_next_week',
      scheduledAt: NOW + 7 * DAY,
      now: NOW + HOUR,
    });
    expect(nextWeek.id).not.toBe(today.id);
    expect(nextWeek.calendarEventId).toBe('evt_next_week');
    expect((await getSession(today.id))?.live).toEqual(today.live);
  });

  it('a planned session started from a Calendar event records the event id', async () => {
    const rel = await oneOnOne();
    const plannedOne = await planned(rel.id, NOW + HOUR);
    const started = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'evt_today',
      scheduledAt: NOW + HOUR,
      now: NOW,
    });
    expect(started.id).toBe(plannedOne.id);
    expect(started.calendarEventId).toBe('evt_today');
    expect((await getSession(plannedOne.id))?.calendarEventId).toBe('evt_today');
  });

  it("skips the Calendar event's session when it was cancelled", async () => {
    const rel = await oneOnOne();
    const cancelled = (
      await prepareSession({ relationshipId: rel.id, scheduledAt: NOW, calendarEventId: 'evt_1' })
    ).session;
    await getDatabase().sessions.update(cancelled.id, { status: 'cancelled' });
    const started = await startLiveSession({ relationshipId: rel.id, calendarEventId: 'evt_1', now: NOW });
    expect(started.id).not.toBe(cancelled.id);
    expect((await getSession(cancelled.id))?.status).toBe('cancelled');
  });

  it('shows a session held long ago as it is (a past event opened again), never restarting it', async () => {
    const rel = await oneOnOne();
    const past = (
      await prepareSession({
        relationshipId: rel.id,
        scheduledAt: NOW - 2 * DAY,
        calendarEventId: 'evt_past',
      })
    ).session;
    const ranLive = await startLiveSession({
      relationshipId: rel.id,
      sessionId: past.id,
      now: NOW - 2 * DAY,
    });
    const ended = await endLiveSession(ranLive.id, NOW - 2 * DAY + HOUR);

    const viaEvent = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'evt_past',
      now: NOW,
    });
    expect(viaEvent).toEqual(ended);
    const viaId = await startLiveSession({ relationshipId: rel.id, sessionId: past.id, now: NOW });
    expect(viaId).toEqual(ended);
    expect(await getSession(past.id)).toEqual(ended);

    // Held without ever running live (marked held in Calendar): also shown as it is.
    const heldOnly = await planned(rel.id, NOW - 3 * DAY);
    const marked = await markSessionHeld(heldOnly.id, NOW - 3 * DAY);
    expect(await startLiveSession({ relationshipId: rel.id, sessionId: heldOnly.id, now: NOW })).toEqual(
      marked,
    );
  });

  it("does not move today's open talking points into a session held long ago", async () => {
    const rel = await oneOnOne();
    const past = await startLiveSession({
      relationshipId: rel.id,
      scheduledAt: NOW - 2 * DAY,
      now: NOW - 2 * DAY,
    });
    await endLiveSession(past.id, NOW - 2 * DAY + HOUR);
    const point = await addTalkingPoint(rel.id, { text: 'For next time', author: 'me' });
    expect(point.sessionId).toBeNull();

    await startLiveSession({ relationshipId: rel.id, sessionId: past.id, now: NOW });
    expect((await getDatabase().talkingPoints.get(point.id))?.sessionId).toBeNull();
    expect((await loadSessionView(past.id))?.agenda).toEqual([]);
    // The next session still gets it.
    const next = await startLiveSession({ relationshipId: rel.id, now: NOW });
    expect((await getDatabase().talkingPoints.get(point.id))?.sessionId).toBe(next.id);
  });

  it('continues an explicit session its call ended moments ago, from that call’s room only', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    await endLiveSession(started.id, NOW + 20 * MINUTE);
    // Opened elsewhere (no call): as it is.
    const shown = await startLiveSession({ relationshipId: rel.id, sessionId: started.id, now: NOW + HOUR });
    expect(shown).toMatchObject({ id: started.id, status: 'held' });
    // The panel's rejoin in that call's room: it continues.
    const again = await startLiveSession({
      relationshipId: rel.id,
      sessionId: started.id,
      meetCode: CODE,
      now: NOW + HOUR,
    });
    expect(again.id).toBe(started.id);
    expect(again).toMatchObject({ status: 'upcoming', heldAt: null });
    expect(again.live?.endedAt).toBeNull();
    expect(again.live?.startedAt).toBe(NOW);
  });

  it('runs an explicit session of this relationship, even outside the live window', async () => {
    const rel = await oneOnOne();
    const nearer = await planned(rel.id, NOW + HOUR);
    const chosen = await planned(rel.id, NOW + 3 * DAY);
    const started = await startLiveSession({ relationshipId: rel.id, sessionId: chosen.id, now: NOW });
    expect(started.id).toBe(chosen.id);
    expect(started.live?.startedAt).toBe(NOW);
    expect((await getSession(nearer.id))?.live).toBeNull();
  });

  it('ignores an explicit session id of another relationship', async () => {
    const mine = await oneOnOne('Alice / Sam');
    const theirs = await oneOnOne('Alice / Kim');
    const foreign = await planned(theirs.id, NOW);
    const started = await startLiveSession({ relationshipId: mine.id, sessionId: foreign.id, now: NOW });
    expect(started.id).not.toBe(foreign.id);
    expect(started.relationshipId).toBe(mine.id);
    expect(await getSession(foreign.id)).toEqual(foreign);
  });

  it('ignores an explicit session id that does not exist', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, sessionId: 'missing', now: NOW });
    expect(started.relationshipId).toBe(rel.id);
    expect(started.live).not.toBeNull();
  });

  it('refuses an unknown relationship, storing nothing', async () => {
    const error = await rejection(startLiveSession({ relationshipId: 'nope', meetCode: CODE, now: NOW }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/nope/);
    expect(await getDatabase().sessions.count()).toBe(0);
  });

  it('falls back to the relationship template when the session template is gone', async () => {
    const rel = await oneOnOne('Alice / Sam', { templateId: 'builtin:peer' });
    const session = await planned(rel.id, NOW);
    await getDatabase().sessions.update(session.id, { templateId: 'custom:deleted' });
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    expect(started.id).toBe(session.id);
    expect(started.templateId).toBe('custom:deleted');
    expect(started.live?.timer).toEqual(timerOf('builtin:peer', NOW));
  });

  it('runs a custom template', async () => {
    const custom = await saveCustomTemplate({
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [
        { id: 'open', title: 'Open', minutes: 3, prompts: [], kind: 'notes' },
        { id: 'close', title: 'Close', minutes: 0, prompts: [], kind: 'agreements' },
      ],
    });
    const rel = await oneOnOne('Alice / Sam', { templateId: custom.id });
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    expect(started.live?.timer.sectionIds).toEqual(['open', 'close']);
    expect(started.live?.timer.plannedMs).toEqual([3 * MINUTE, 0]);
  });
});

describe('a call from Meet and the meetings planned for other times', () => {
  it('a quick call at noon in another room does not take the 15:00 meeting’s prepared session', async () => {
    const rel = await oneOnOne('Alice / Sam', { calendarSeriesIds: ['ser'] });
    const at15 = NOW + 3 * HOUR;
    const prepared = await planned(rel.id, at15, { meetCode: CODE, calendarEventId: 'ser_20260325T140000Z' });
    const quick = await startLiveSession({ relationshipId: rel.id, meetCode: OTHER_CODE, now: NOW });
    expect(quick.id).not.toBe(prepared.id);
    await endLiveSessionForCall(rel.id, OTHER_CODE, clockAt(NOW + 15 * MINUTE));
    expect(await getSession(prepared.id)).toMatchObject({ status: 'upcoming', live: null });
    // At 15:00 the meeting runs on its own session.
    const meeting = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'ser_20260325T140000Z',
      meetCode: CODE,
      scheduledAt: at15,
      now: clockAt(at15),
    });
    expect(meeting).toMatchObject({ id: prepared.id, status: 'upcoming', live: { endedAt: null } });
  });

  it('a meeting planned from Calendar without a room: taken early only by a call in this 1:1’s own room', async () => {
    const rel = await oneOnOne('Alice / Sam', { meetCodes: [CODE] });
    const at15 = NOW + 3 * HOUR;
    // Planned from the Calendar chip (reminders): no room known.
    const prepared = await planned(rel.id, at15, { calendarEventId: 'ser_20260325T140000Z' });
    expect(prepared.meetCode).toBeNull();
    const elsewhere = await startLiveSession({ relationshipId: rel.id, meetCode: OTHER_CODE, now: NOW });
    expect(elsewhere.id).not.toBe(prepared.id);
    await endLiveSessionForCall(rel.id, OTHER_CODE, clockAt(NOW + 15 * MINUTE));
    const ownRoom = await startLiveSession({
      relationshipId: rel.id,
      meetCode: CODE,
      now: clockAt(NOW + HOUR),
    });
    expect(ownRoom.id).toBe(prepared.id);
  });

  it('a call at 22:00 does not hold tomorrow morning’s meeting a day early', async () => {
    const rel = await oneOnOne();
    const late = clockAt(new Date(2026, 2, 25, 22, 0).getTime());
    const tomorrow = await planned(rel.id, new Date(2026, 2, 26, 9, 0).getTime(), { meetCode: CODE });
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: late });
    expect(call.id).not.toBe(tomorrow.id);
    expect(await getSession(tomorrow.id)).toMatchObject({ status: 'upcoming', live: null });
  });

  it('later today in the same room, it is that meeting (started early)', async () => {
    const rel = await oneOnOne();
    const prepared = await planned(rel.id, NOW + 3 * HOUR, { meetCode: CODE });
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    expect(call.id).toBe(prepared.id);
  });

  it('a meeting planned in one room and run in another is found by the call’s room: its end holds it', async () => {
    const rel = await oneOnOne();
    const prepared = await planned(rel.id, NOW + 10 * MINUTE, { meetCode: CODE });
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: OTHER_CODE, now: NOW });
    expect(call.id).toBe(prepared.id);
    expect((await runningSessionOfCall(rel.id, OTHER_CODE, clockAt(NOW + MINUTE)))?.id).toBe(prepared.id);
    const ended = await endLiveSessionForCall(rel.id, OTHER_CODE, clockAt(NOW + 30 * MINUTE));
    expect(ended).toMatchObject({ id: prepared.id, status: 'held' });
    // Rejoined from a fresh page two minutes later: the same session continues.
    const rejoined = await startLiveSession({
      relationshipId: rel.id,
      meetCode: OTHER_CODE,
      now: clockAt(NOW + 32 * MINUTE),
    });
    expect(rejoined.id).toBe(prepared.id);
  });
});

describe('releaseCallSession (the call was not this 1:1’s)', () => {
  it('a session the call made, with nothing written, is gone and its points are unplanned again', async () => {
    const rel = await oneOnOne();
    const point = await addTalkingPoint(rel.id, { text: 'Offsite', author: 'me' });
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    expect((await getDatabase().talkingPoints.get(point.id))!.sessionId).toBe(call.id);
    await releaseCallSession(rel.id, CODE, clockAt(NOW + 2 * MINUTE));
    expect(await getSession(call.id)).toBeUndefined();
    expect((await getDatabase().talkingPoints.get(point.id))!.sessionId).toBeNull();
  });

  it('a planned session the call took, with nothing written, is planned again (not held, not running)', async () => {
    const rel = await oneOnOne();
    const prepared = await planned(rel.id, NOW + 10 * MINUTE, { meetCode: CODE });
    const call = await startLiveSession({
      relationshipId: rel.id,
      meetCode: CODE,
      now: clockAt(NOW + MINUTE),
    });
    expect(call.id).toBe(prepared.id);
    await releaseCallSession(rel.id, CODE, clockAt(NOW + 2 * MINUTE));
    expect(await getSession(prepared.id)).toMatchObject({ status: 'upcoming', live: null });
  });

  it('corrected at Meet’s end screen (held by the call moments ago), it is let go the same way', async () => {
    const rel = await oneOnOne();
    clockAt(NOW - HOUR);
    const prepared = await planned(rel.id, NOW + 10 * MINUTE, { meetCode: CODE });
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: clockAt(NOW) });
    expect(call.id).toBe(prepared.id);
    await endLiveSessionForCall(rel.id, CODE, clockAt(NOW + 20 * MINUTE));
    await releaseCallSession(rel.id, CODE, clockAt(NOW + 21 * MINUTE));
    expect(await getSession(prepared.id)).toMatchObject({ status: 'upcoming', heldAt: null, live: null });
    // One the user ended with End session took place: left as it is.
    const other = await oneOnOne('Alice / Dana');
    const ended = await startLiveSession({ relationshipId: other.id, meetCode: OTHER_CODE, now: NOW });
    await endLiveSession(ended.id, NOW + 20 * MINUTE, getDatabase(), 'user');
    await releaseCallSession(other.id, OTHER_CODE, NOW + 21 * MINUTE);
    expect(await getSession(ended.id)).toMatchObject({ status: 'held' });
  });

  it('a planned session is given back as it was: its room and "rescheduled"', async () => {
    const rel = await oneOnOne();
    clockAt(NOW - HOUR);
    const prepared = await planned(rel.id, NOW + 10 * MINUTE, { meetCode: CODE });
    await rescheduleSession(prepared.id, NOW + 15 * MINUTE);
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: OTHER_CODE, now: clockAt(NOW) });
    expect(call).toMatchObject({ id: prepared.id, meetCode: OTHER_CODE });
    await releaseCallSession(rel.id, OTHER_CODE, clockAt(NOW + 2 * MINUTE));
    expect(await getSession(prepared.id)).toMatchObject({
      status: 'rescheduled',
      meetCode: CODE,
      live: null,
    });
  });

  it('a session running from Calendar when the call took it goes on running, in its own room', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'ser_20260325T110000Z',
      scheduledAt: NOW,
      meetCode: CODE,
      now: NOW,
    });
    await saveSectionNotes(started.id, 'how-are-you', 'In person, going well');
    const call = await startLiveSession({
      relationshipId: rel.id,
      meetCode: OTHER_CODE,
      now: clockAt(NOW + 2 * MINUTE),
    });
    expect(call).toMatchObject({ id: started.id, meetCode: OTHER_CODE });
    await releaseCallSession(rel.id, OTHER_CODE, clockAt(NOW + 4 * MINUTE));
    const after = (await getSession(started.id))!;
    expect(after).toMatchObject({
      status: 'upcoming',
      meetCode: CODE,
      live: { startedAt: NOW, endedAt: null },
    });
    expect(after.live?.took).toBeUndefined();
    expect(after.notes['how-are-you']).toBe('In person, going well');
  });

  it('once the call ended, what it took is not given back: a later release holds it, with its notes', async () => {
    const rel = await oneOnOne('Alice / Sam', { meetCodes: [CODE] });
    const started = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'ser_20260325T110000Z',
      scheduledAt: NOW,
      now: NOW,
    });
    await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: clockAt(NOW + MINUTE) });
    await saveSectionNotes(started.id, 'how-are-you', 'Went well');
    await endLiveSessionForCall(rel.id, CODE, clockAt(NOW + 30 * MINUTE));
    expect((await getSession(started.id))!.live?.took).toBeUndefined();
    // Two hours later a call in that room rejoins it, and is then linked to someone else.
    await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: clockAt(NOW + 2 * HOUR) });
    await releaseCallSession(rel.id, CODE, clockAt(NOW + 2 * HOUR + MINUTE));
    expect(await getSession(started.id)).toMatchObject({
      status: 'held',
      live: { endedAt: NOW + 2 * HOUR + MINUTE },
    });
  });

  it('prep notes written before the call are not the call’s: planned again with them; notes added in it hold it', async () => {
    const rel = await oneOnOne();
    clockAt(NOW - HOUR);
    const prepared = await planned(rel.id, NOW + 10 * MINUTE, { meetCode: CODE });
    await saveSectionNotes(prepared.id, 'how-are-you', 'Ask about the move');
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: clockAt(NOW) });
    expect(call.id).toBe(prepared.id);
    await releaseCallSession(rel.id, CODE, clockAt(NOW + 2 * MINUTE));
    expect(await getSession(prepared.id)).toMatchObject({
      status: 'upcoming',
      heldAt: null,
      live: null,
      notes: { 'how-are-you': 'Ask about the move' },
    });
    // Taken again, and this time something is written in the call: it took place.
    await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: clockAt(NOW + 3 * MINUTE) });
    await saveSectionNotes(prepared.id, 'how-are-you', 'Ask about the move. Moving in May');
    await releaseCallSession(rel.id, CODE, clockAt(NOW + 6 * MINUTE));
    expect(await getSession(prepared.id)).toMatchObject({ status: 'held' });
  });

  it('one with notes took place: it is held', async () => {
    const rel = await oneOnOne();
    const call = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    await saveSectionNotes(call.id, 'how-are-you', 'Tired');
    await releaseCallSession(rel.id, CODE, clockAt(NOW + 5 * MINUTE));
    expect(await getSession(call.id)).toMatchObject({ status: 'held', live: { endedAt: NOW + 5 * MINUTE } });
  });
});

describe('a session running already, taken by a call in another room', () => {
  it('runs under the call’s room from then on: the call’s end holds it', async () => {
    const rel = await oneOnOne();
    // "Start session" in Calendar at 10:00 (the event's room, CODE), then the call happens in OTHER_CODE.
    const started = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: 'ser_20260325T110000Z',
      scheduledAt: NOW,
      meetCode: CODE,
      now: NOW,
    });
    const call = await startLiveSession({
      relationshipId: rel.id,
      meetCode: OTHER_CODE,
      now: NOW + 2 * MINUTE,
    });
    expect(call.id).toBe(started.id);
    expect(call.meetCode).toBe(OTHER_CODE);
    const ended = await endLiveSessionForCall(rel.id, OTHER_CODE, clockAt(NOW + 30 * MINUTE));
    expect(ended).toMatchObject({ id: started.id, status: 'held' });
  });
});

describe('startLiveSession on a meeting that is over', () => {
  it('a meeting marked held by notes written beside its Calendar event is shown as it is, not restarted', async () => {
    const rel = await oneOnOne('Alice / Sam', { calendarSeriesIds: ['ser'] });
    const startedAt = clockAt(NOW - HOUR);
    const eventKey = 'ser_20260325T100000Z';
    clockAt(NOW);
    // Met in person an hour ago; the notes are written in Calendar's panel: the meeting took place.
    const held = await saveEventNote(
      { eventKey, seriesKey: 'ser', title: 'Alice / Sam', startsAt: startedAt, relationshipId: rel.id },
      'Talked about the offsite',
    );
    expect(held).toMatchObject({ status: 'held', live: null });
    // "Open session" on its prep card.
    const opened = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: eventKey,
      sessionId: held.id,
      scheduledAt: startedAt,
      now: NOW,
    });
    expect(opened).toMatchObject({ id: held.id, status: 'held', heldAt: startedAt, live: null });
    expect(await getSession(held.id)).toMatchObject({ status: 'held', live: null });
  });

  it('a note typed beside the event during the meeting does not end it: it can still be run', async () => {
    const rel = await oneOnOne('Alice / Sam', { calendarSeriesIds: ['ser'] });
    const eventKey = 'ser_20260325T110000Z';
    const startsAt = NOW - MINUTE;
    const noted = await saveEventNote(
      { eventKey, seriesKey: 'ser', title: 'Alice / Sam', startsAt, relationshipId: rel.id },
      'Agenda: the offsite',
    );
    expect(noted).toMatchObject({ status: 'upcoming', live: null });
    const started = await startLiveSession({
      relationshipId: rel.id,
      calendarEventId: eventKey,
      sessionId: noted.id,
      scheduledAt: startsAt,
      now: NOW + MINUTE,
    });
    expect(started).toMatchObject({ id: noted.id, status: 'upcoming', live: { endedAt: null } });
  });

  it('noted only while it went on, it is held once over (settleNotedMeetings); prep notes alone are not', async () => {
    const rel = await oneOnOne('Alice / Sam', { calendarSeriesIds: ['ser'] });
    const startsAt = NOW - 10 * MINUTE;
    const noted = await saveEventNote(
      {
        eventKey: 'ser_20260325T105000Z',
        seriesKey: 'ser',
        title: 'Alice / Sam',
        startsAt,
        relationshipId: rel.id,
      },
      'Talked about the offsite',
    );
    expect(noted.status).toBe('upcoming');
    // Another meeting of the series, prepped the day before with a note, and not yet opened.
    clockAt(NOW - DAY);
    const prepped = await saveEventNote(
      {
        eventKey: 'ser_20260325T103000Z',
        seriesKey: 'ser',
        title: 'Alice / Sam',
        startsAt: NOW - 30 * MINUTE,
        relationshipId: rel.id,
      },
      'Ask about the budget',
    );
    clockAt(NOW + 30 * MINUTE);
    expect(await settleNotedMeetings(NOW + 30 * MINUTE)).toBe(1);
    expect(await getSession(noted.id)).toMatchObject({ status: 'held', heldAt: startsAt });
    expect(await getSession(prepped.id)).toMatchObject({ status: 'upcoming' });
  });

  it('opened again after the user ended it, it keeps its agenda: points for next time stay for next time', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    await endLiveSession(started.id, NOW + 30 * MINUTE, getDatabase(), 'user');
    clockAt(NOW + 31 * MINUTE);
    const point = await addTalkingPoint(rel.id, { text: 'For next time', author: 'me' });
    expect(point.sessionId).toBeNull();
    // The Meet tab reloads (or the side panel opens) in the same call, five minutes later.
    const again = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW + 35 * MINUTE });
    expect(again).toMatchObject({ id: started.id, status: 'held' });
    expect((await getDatabase().talkingPoints.get(point.id))!.sessionId).toBeNull();
  });

  it('notes written now for a meeting of three weeks ago do not take today’s open points into it', async () => {
    const rel = await oneOnOne('Alice / Sam', { calendarSeriesIds: ['ser'] });
    const point = await addTalkingPoint(rel.id, { text: 'Raise the budget next time', author: 'me' });
    const old = await saveEventNote(
      {
        eventKey: 'ser_20260304T110000Z',
        seriesKey: 'ser',
        title: 'Alice / Sam',
        startsAt: NOW - 21 * DAY,
        relationshipId: rel.id,
      },
      'What we said then',
    );
    expect(old).toMatchObject({ status: 'held', scheduledAt: NOW - 21 * DAY });
    expect((await getDatabase().talkingPoints.get(point.id))!.sessionId).toBeNull();
    // Start prep on today's meeting still takes it.
    const today = await prepareSession({
      relationshipId: rel.id,
      scheduledAt: NOW + HOUR,
      calendarEventId: 'ser_20260325T120000Z',
    });
    expect(today.carriedPointIds).toEqual([point.id]);
  });
});

// Timer, end, template, assessment -----------------------------------------------------------------

describe('loadSessionView never shows another 1:1’s rows', () => {
  it('leaves out a point or agreement naming this session but belonging to another 1:1 (a damaged row)', async () => {
    const rel = await oneOnOne();
    const other = await oneOnOne('Alice / Kim');
    const session = await startLiveSession({ relationshipId: rel.id, now: NOW });
    const theirs = await addTalkingPoint(other.id, { text: 'Kim health leave', author: 'me' });
    const secret = await addAgreement(other.id, { owner: 'me', text: 'Kim secret', dueDate: null });
    await getDatabase().talkingPoints.update(theirs.id, { sessionId: session.id });
    await getDatabase().agreements.update(secret.id, { madeInSessionId: session.id });
    const view = (await loadSessionView(session.id))!;
    expect(view.agenda.map((p) => p.text)).not.toContain('Kim health leave');
    expect(view.made.map((a) => a.text)).not.toContain('Kim secret');
  });
});

describe('saveLiveTimer', () => {
  it('saves the timer of a running session', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    const at = clockAt(NOW + 7 * MINUTE);
    const timer = pause(nextSection(started.live!.timer, NOW + 6 * MINUTE), at);
    const saved = await saveLiveTimer(started.id, timer);
    expect(saved.live).toEqual({ startedAt: NOW, endedAt: null, timer });
    expect(saved.updatedAt).toBe(at);
    expect(await getSession(started.id)).toEqual(saved);
  });

  it('changes nothing once the session has ended (a step landing as the call ends)', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    const ended = await endLiveSession(started.id, NOW + 30 * MINUTE);
    expect(ended.live?.timer.finished).toBe(true);
    const stale = nextSection(started.live!.timer, NOW + 29 * MINUTE);
    // Later, so a write would show in the stamp too.
    vi.setSystemTime(NOW + 31 * MINUTE);
    await saveLiveTimer(started.id, stale);
    expect(await getSession(started.id)).toEqual(ended);
  });

  it('refuses a session that never ran live, and an unknown one', async () => {
    const rel = await oneOnOne();
    const session = await planned(rel.id, NOW);
    const timer = timerOf('builtin:your-session', NOW);
    const error = await rejection(saveLiveTimer(session.id, timer));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/not running/);
    expect(await getSession(session.id)).toEqual(session);
    await expect(saveLiveTimer('missing', timer)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('refuses an invalid timer state', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    const broken = { ...started.live!.timer, currentIndex: 99 };
    await expect(saveLiveTimer(started.id, broken)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await getSession(started.id)).toEqual(started);
  });
});

describe('endLiveSession', () => {
  it('marks the session held, records when and finishes the timer', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    const endAt = clockAt(NOW + 40 * MINUTE);
    const ended = await endLiveSession(started.id, endAt);
    expect(ended).toMatchObject({ status: 'held', heldAt: endAt, updatedAt: endAt });
    expect(ended.live).toEqual({
      startedAt: NOW,
      endedAt: endAt,
      endedBy: 'call',
      timer: finish(started.live!.timer, endAt),
    });
    expect(ended.live?.timer.finished).toBe(true);
    expect(ended.live?.timer.finishedAt).toBe(endAt);
    expect(ended.live?.timer.runningSince).toBeNull();
    expect(await getSession(started.id)).toEqual(ended);
  });

  it('ended by the user, it stays ended when the panel opens again in the same call; ended by the call, a rejoin continues it', async () => {
    const rel = await oneOnOne();
    const byUser = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: clockAt(NOW) });
    await endLiveSession(byUser.id, clockAt(NOW + 20 * MINUTE), undefined, 'user');
    const reopened = await startLiveSession({
      relationshipId: rel.id,
      meetCode: CODE,
      now: clockAt(NOW + 21 * MINUTE),
    });
    expect(reopened).toMatchObject({ id: byUser.id, status: 'held', live: { endedBy: 'user' } });

    const other = await oneOnOne('Alice / Kim');
    const byCall = await startLiveSession({
      relationshipId: other.id,
      meetCode: CODE,
      now: clockAt(NOW + HOUR),
    });
    await endLiveSession(byCall.id, clockAt(NOW + HOUR + 20 * MINUTE));
    const rejoined = await startLiveSession({
      relationshipId: other.id,
      meetCode: CODE,
      now: clockAt(NOW + HOUR + 21 * MINUTE),
    });
    expect(rejoined).toMatchObject({ id: byCall.id, status: 'upcoming', live: { endedAt: null } });
  });

  it('is idempotent: a second end keeps the first time', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    const first = await endLiveSession(started.id, NOW + 30 * MINUTE);
    clockAt(NOW + 2 * HOUR);
    const second = await endLiveSession(started.id, NOW + 2 * HOUR);
    expect(second.heldAt).toBe(NOW + 30 * MINUTE);
    expect(second.live).toEqual(first.live);
    expect(second.status).toBe('held');
  });

  it('ends a session that never ran live: held, no live state', async () => {
    const rel = await oneOnOne();
    const session = await planned(rel.id, NOW);
    const ended = await endLiveSession(session.id, NOW + HOUR);
    expect(ended).toMatchObject({ status: 'held', heldAt: NOW + HOUR, live: null });
  });

  it('refuses an unknown session', async () => {
    await expect(endLiveSession('missing', NOW)).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('endLiveSessionForCall', () => {
  it('ends only the running session with that meet code', async () => {
    const rel = await oneOnOne();
    const other = await oneOnOne('Alice / Kim');
    const thisCall = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    const plannedWithCode = await planned(rel.id, NOW + 2 * HOUR, { meetCode: OTHER_CODE });
    const otherCall = await startLiveSession({ relationshipId: other.id, meetCode: CODE, now: NOW });

    const endAt = NOW + 25 * MINUTE;
    const ended = await endLiveSessionForCall(rel.id, CODE, endAt);
    expect(ended?.id).toBe(thisCall.id);
    expect(ended).toMatchObject({ status: 'held', heldAt: endAt });
    expect(ended?.live?.endedAt).toBe(endAt);
    expect(await getSession(otherCall.id)).toEqual(otherCall);
    expect(await getSession(plannedWithCode.id)).toEqual(plannedWithCode);
  });

  it("ends the call's own session, not an earlier one left open in the same room", async () => {
    const rel = await oneOnOne();
    // The morning's call never ended (the browser closed); the afternoon's call in the same room is new.
    vi.setSystemTime(NOW - 4 * HOUR);
    const morning = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW - 4 * HOUR });
    vi.setSystemTime(NOW);
    const afternoon = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    expect(afternoon.id).not.toBe(morning.id);

    const ended = await endLiveSessionForCall(rel.id, CODE, NOW + 30 * MINUTE);
    expect(ended?.id).toBe(afternoon.id);
    expect(await getSession(afternoon.id)).toMatchObject({ status: 'held', heldAt: NOW + 30 * MINUTE });
    expect((await getSession(morning.id))?.live?.endedAt).toBeNull();
  });

  it("a call left open (the browser closed mid-call) gives its undiscussed points to the next 1:1's session", async () => {
    const rel = await oneOnOne();
    const crashed = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    await addTalkingPoint(rel.id, { text: 'Promotion case', author: 'me', sessionId: crashed.id });
    vi.setSystemTime(NOW + 7 * DAY);
    const next = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW + 7 * DAY });
    expect(next.id).not.toBe(crashed.id);
    expect((await loadSessionView(next.id))?.agenda.map((p) => p.text)).toEqual(['Promotion case']);
  });

  it('returns undefined when no session of that call is running', async () => {
    const rel = await oneOnOne();
    expect(await endLiveSessionForCall(rel.id, CODE, NOW)).toBeUndefined();
    // Planned with the code but never started: not running.
    const plannedOnly = await planned(rel.id, NOW, { meetCode: CODE });
    expect(await endLiveSessionForCall(rel.id, CODE, NOW)).toBeUndefined();
    expect(await getSession(plannedOnly.id)).toEqual(plannedOnly);
    // Already ended.
    const started = await startLiveSession({ relationshipId: rel.id, meetCode: OTHER_CODE, now: NOW });
    const ended = await endLiveSession(started.id, NOW + 10 * MINUTE);
    expect(await endLiveSessionForCall(rel.id, OTHER_CODE, NOW + 20 * MINUTE)).toBeUndefined();
    expect((await getSession(started.id))?.heldAt).toBe(ended.heldAt);
    // Another relationship's id.
    const other = await oneOnOne('Alice / Kim');
    await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    expect(await endLiveSessionForCall(other.id, CODE, NOW)).toBeUndefined();
  });
});

describe('switchSessionTemplate', () => {
  it('keeps the notes and restarts the timer on the new template sections', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    await saveSectionNotes(started.id, 'how-are-you', 'Tired after the launch');
    await saveSectionNotes(started.id, 'feedback', 'Great demo');
    const at = clockAt(NOW + 8 * MINUTE);
    const switched = await switchSessionTemplate(started.id, 'builtin:structured-50', at);
    expect(switched.templateId).toBe('builtin:structured-50');
    expect(switched.notes).toEqual({ 'how-are-you': 'Tired after the launch', feedback: 'Great demo' });
    expect(switched.live).toEqual({
      startedAt: NOW,
      endedAt: null,
      timer: timerOf('builtin:structured-50', at),
    });
    expect(await getSession(started.id)).toEqual(switched);
  });

  it('does not touch the timer of an ended session, nor invent one for a planned session', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    const ended = await endLiveSession(started.id, NOW + HOUR);
    const switched = await switchSessionTemplate(started.id, 'builtin:peer', NOW + 2 * HOUR);
    expect(switched.templateId).toBe('builtin:peer');
    expect(switched.live).toEqual(ended.live);

    const plannedSession = await planned(rel.id, NOW + 2 * DAY);
    const plannedSwitch = await switchSessionTemplate(plannedSession.id, 'builtin:peer', NOW);
    expect(plannedSwitch.templateId).toBe('builtin:peer');
    expect(plannedSwitch.live).toBeNull();
  });

  it('refuses an unknown template or session', async () => {
    const rel = await oneOnOne();
    const started = await startLiveSession({ relationshipId: rel.id, now: NOW });
    await expect(switchSessionTemplate(started.id, 'custom:missing', NOW)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(await getSession(started.id)).toEqual(started);
    await expect(switchSessionTemplate('missing', 'builtin:peer', NOW)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});

describe('saveCareerAssessment', () => {
  it('saves and clears the assessment', async () => {
    const rel = await oneOnOne('Career', { kind: 'career' });
    const session = await planned(rel.id, NOW);
    for (const value of ['ahead', 'on-track', 'not-meeting'] as const) {
      expect((await saveCareerAssessment(session.id, value)).assessment).toBe(value);
      expect((await getSession(session.id))?.assessment).toBe(value);
    }
    expect((await saveCareerAssessment(session.id, null)).assessment).toBeNull();
    expect((await getSession(session.id))?.assessment).toBeNull();
  });

  it('refuses an invalid value and an unknown session', async () => {
    const rel = await oneOnOne();
    const session = await planned(rel.id, NOW);
    await saveCareerAssessment(session.id, 'ahead');
    await expect(
      saveCareerAssessment(session.id, 'brilliant' as unknown as CareerAssessment),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect((await getSession(session.id))?.assessment).toBe('ahead');
    await expect(saveCareerAssessment('missing', 'ahead')).rejects.toBeInstanceOf(InvalidInputError);
  });
});

// loadSessionView ----------------------------------------------------------------------------------

describe('loadSessionView: agreements given a new date', () => {
  it('lists earlier agreements renegotiated in this session (still open), not those moved elsewhere', async () => {
    const rel = await oneOnOne();
    const earlier = await planned(rel.id, NOW - 14 * DAY);
    const draft = await addAgreement(rel.id, {
      owner: 'them',
      text: 'Send the draft',
      dueDate: '2026-03-20',
      sessionId: earlier.id,
    });
    const other = await addAgreement(rel.id, { owner: 'me', text: 'Book the room', dueDate: '2026-03-21' });
    await markSessionHeld(earlier.id, NOW - 14 * DAY);
    await renegotiateAgreement(other.id, '2026-03-30');
    const live = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    await renegotiateAgreement(draft.id, '2026-04-01', '', { sessionId: live.id });
    await endLiveSession(live.id, NOW + 30 * MINUTE);
    const view = (await loadSessionView(live.id))!;
    expect(view.moved.map((a) => [a.text, a.dueDate])).toEqual([['Send the draft', '2026-04-01']]);
  });
});

describe('loadSessionView', () => {
  it('gathers the agenda, agreements to review, made and closed, goals, feedback and templates', async () => {
    const sam = await createPerson({ name: 'Sam Lee', emails: ['sam@example.com'], relation: 'report' });
    const rel = await oneOnOne('Alice / Sam', { personIds: [sam.id, 'gone-person'] });
    const otherRel = await oneOnOne('Alice / Kim');

    // An earlier, held session with agreements.
    const earlier = await planned(rel.id, NOW - 14 * DAY);
    const reviewMe = await addAgreement(rel.id, {
      owner: 'them',
      text: 'Send the draft',
      dueDate: '2026-03-20',
      sessionId: earlier.id,
    });
    const closedNow = await addAgreement(rel.id, {
      owner: 'me',
      text: 'Book the offsite',
      dueDate: null,
      sessionId: earlier.id,
    });
    const droppedNow = await addAgreement(rel.id, {
      owner: 'both',
      text: 'Plan the retro',
      dueDate: null,
      sessionId: earlier.id,
    });
    const closedBefore = await addAgreement(rel.id, {
      owner: 'me',
      text: 'Closed long ago',
      dueDate: null,
      sessionId: earlier.id,
    });
    await completeAgreement(closedBefore.id, { sessionId: earlier.id });
    const unplannedAgreement = await addAgreement(rel.id, { owner: 'me', text: 'No session', dueDate: null });
    await markSessionHeld(earlier.id, NOW - 14 * DAY);

    // Talking points: carried into the live session.
    const first = await addTalkingPoint(rel.id, { text: 'First topic', author: 'me' });
    const second = await addTalkingPoint(rel.id, { text: 'Second topic', author: 'them' });
    const third = await addTalkingPoint(rel.id, { text: 'Dropped topic', author: 'me' });
    const otherPoint = await addTalkingPoint(otherRel.id, { text: 'Kim topic', author: 'me' });

    const live = await startLiveSession({ relationshipId: rel.id, now: NOW });
    expect(live.id).not.toBe(earlier.id);
    await setTalkingPointStatus(second.id, 'discussed', live.id);
    await setTalkingPointStatus(third.id, 'dropped', live.id);

    clockAt(NOW + MINUTE);
    const madeLater = await addAgreement(rel.id, {
      owner: 'them',
      text: 'Made second',
      dueDate: null,
      sessionId: live.id,
    });
    clockAt(NOW + 30 * 1000);
    const madeFirst = await addAgreement(rel.id, {
      owner: 'me',
      text: 'Made first',
      dueDate: null,
      sessionId: live.id,
    });
    await completeAgreement(madeLater.id, { sessionId: live.id });
    await completeAgreement(closedNow.id, { sessionId: live.id });
    await dropAgreement(droppedNow.id, 'No longer needed', { sessionId: live.id });
    await addAgreement(otherRel.id, { owner: 'me', text: 'Kim agreement', dueDate: null });

    const goal = await addGoal(rel.id, { category: 'impact', title: 'Ship the beta' });
    const archivedGoal = await addGoal(rel.id, { category: 'team', title: 'Old goal' });
    await updateGoal(archivedGoal.id, { archived: true });
    await addGoal(otherRel.id, { category: 'team', title: 'Kim goal' });
    const feedback = await addFeedback(rel.id, {
      direction: 'given',
      text: 'Clear demo',
      sessionId: live.id,
    });
    await addFeedback(otherRel.id, { direction: 'given', text: 'Kim feedback' });

    const view = await loadSessionView(live.id);
    expect(view).toBeDefined();
    if (!view) return;
    expect(view.session).toEqual(await getSession(live.id));
    expect(view.relationship).toEqual(await getRelationship(rel.id));
    expect(view.people.map((p) => p.id)).toEqual([sam.id]);
    expect(view.template.id).toBe('builtin:your-session');
    expect(view.templates).toEqual(await listTemplates());
    expect(view.agenda.map((p) => p.id)).toEqual([first.id, second.id]);
    expect(view.agenda.map((p) => p.status)).toEqual(['open', 'discussed']);
    expect(view.agenda.map((p) => p.id)).not.toContain(otherPoint.id);
    expect(view.toReview.map((a) => a.id).sort()).toEqual([reviewMe.id, unplannedAgreement.id].sort());
    expect(view.made.map((a) => a.id)).toEqual([madeFirst.id, madeLater.id]);
    expect(view.made.map((a) => a.status)).toEqual(['open', 'done']);
    expect(view.closed.map((a) => a.id).sort()).toEqual([closedNow.id, droppedNow.id].sort());
    expect(view.goals.map((g) => g.id)).toEqual([goal.id]);
    expect(view.feedback.map((f) => f.id)).toEqual([feedback.id]);
  });

  it('"closed" is what was done or dropped in this session, not reviewed here and closed later', async () => {
    const rel = await oneOnOne();
    const first = await planned(rel.id, NOW - 14 * DAY);
    const deck = await addAgreement(rel.id, { owner: 'them', text: 'Send deck', dueDate: null });
    await reviewAgreement(deck.id, '', { sessionId: first.id });
    await markSessionHeld(first.id, NOW - 14 * DAY);
    const second = await startLiveSession({ relationshipId: rel.id, now: NOW });
    await completeAgreement(deck.id, { sessionId: second.id });
    expect((await loadSessionView(first.id))?.closed).toEqual([]);
    expect((await loadSessionView(second.id))?.closed.map((a) => a.id)).toEqual([deck.id]);
  });

  it('keeps agreements made in this session out of "to review" while they are open', async () => {
    const rel = await oneOnOne();
    const live = await startLiveSession({ relationshipId: rel.id, now: NOW });
    const made = await addAgreement(rel.id, {
      owner: 'me',
      text: 'Made now',
      dueDate: null,
      sessionId: live.id,
    });
    const view = await loadSessionView(live.id);
    expect(view?.made.map((a) => a.id)).toEqual([made.id]);
    expect(view?.toReview).toEqual([]);
    expect(view?.closed).toEqual([]);
  });

  it('falls back to the relationship template, then to the kind’s built-in one', async () => {
    const rel = await oneOnOne('Alice / Sam', { templateId: 'builtin:peer' });
    const session = await planned(rel.id, NOW);
    await getDatabase().sessions.update(session.id, { templateId: 'custom:deleted' });
    expect((await loadSessionView(session.id))?.template.id).toBe('builtin:peer');

    // The 1:1's own template deleted meanwhile (another tab): the kind's built-in template.
    await getDatabase().relationships.update(rel.id, { templateId: 'custom:also-deleted' });
    expect((await loadSessionView(session.id))?.template.id).toBe(DEFAULT_TEMPLATE_FOR_KIND[rel.kind]);
    // Switching a 1:1 to a template that no longer exists is refused, in plain words.
    await expect(updateRelationship(rel.id, { templateId: 'custom:gone' })).rejects.toThrow(
      'That template no longer exists; pick another one.',
    );
  });

  it('uses the session template when it exists, including a custom one', async () => {
    const custom = await saveCustomTemplate({
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [{ id: 'only', title: 'Only', minutes: 10, prompts: [], kind: 'notes' }],
    });
    const rel = await oneOnOne('Alice / Sam', { templateId: 'builtin:peer' });
    const session = await planned(rel.id, NOW);
    await switchSessionTemplate(session.id, custom.id, NOW);
    const view = await loadSessionView(session.id);
    expect(view?.template).toEqual(custom);
    expect(view?.templates.map((t) => t.id)).toContain(custom.id);
  });

  it('is undefined for an unknown session or one whose relationship is gone', async () => {
    expect(await loadSessionView('missing')).toBeUndefined();
    const rel = await oneOnOne();
    const session = await planned(rel.id, NOW);
    await getDatabase().relationships.delete(rel.id);
    expect(await loadSessionView(session.id)).toBeUndefined();
  });
});

describe('runningSessionOfCall', () => {
  it("finds only the session this call runs or ran a moment ago, never an earlier meeting's with the code", async () => {
    const rel = await oneOnOne();
    // Last week's meeting of the series (same code, held) and today's planned one: not this call's yet.
    const lastWeek = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW - 7 * DAY });
    await endLiveSession(lastWeek.id, NOW - 7 * DAY + 30 * MINUTE);
    await planned(rel.id, NOW, { meetCode: CODE });
    expect(await runningSessionOfCall(rel.id, CODE, NOW)).toBeUndefined();
    // Running now: it; ended a moment ago: still it (a rejoin); hours later: no longer.
    const today = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    expect((await runningSessionOfCall(rel.id, CODE, NOW + MINUTE))?.id).toBe(today.id);
    expect(await runningSessionOfCall(rel.id, OTHER_CODE, NOW + MINUTE)).toBeUndefined();
    await endLiveSession(today.id, NOW + 30 * MINUTE);
    expect((await runningSessionOfCall(rel.id, CODE, NOW + HOUR))?.id).toBe(today.id);
    expect(await runningSessionOfCall(rel.id, CODE, NOW + 30 * MINUTE + REJOIN_WINDOW_MS)).toBeUndefined();
    // A panel opened on the end screen later that day still finds the call's session for its summary.
    const later = NOW + 30 * MINUTE + REJOIN_WINDOW_MS;
    expect((await runningSessionOfCall(rel.id, CODE, later, LIVE_WINDOW_MS))?.status).toBe('held');
    expect(
      await runningSessionOfCall(rel.id, CODE, NOW + 30 * MINUTE + LIVE_WINDOW_MS, LIVE_WINDOW_MS),
    ).toBeUndefined();
  });
});

// Meet codes on relationships ----------------------------------------------------------------------

describe('callLinkCandidates', () => {
  it('lists non-archived relationships with their people names', async () => {
    const sam = await createPerson({ name: 'Sam Lee', relation: 'report' });
    const kim = await createPerson({ name: 'Kim Park', relation: 'peer' });
    await updatePerson(kim.id, { archived: true });
    const samRel = await oneOnOne('Alice / Sam', { personIds: [sam.id, 'gone-person'], meetCodes: [CODE] });
    const kimRel = await oneOnOne('Alice / Kim', { personIds: [kim.id] });
    const archived = await oneOnOne('Old 1:1', { personIds: [sam.id] });
    await updateRelationship(archived.id, { archived: true });

    const candidates = await callLinkCandidates();
    const byId = new Map(candidates.map((c) => [c.relationship.id, c]));
    expect([...byId.keys()].sort()).toEqual([samRel.id, kimRel.id].sort());
    expect(byId.get(samRel.id)?.people).toEqual([{ name: 'Sam Lee', archived: false }]);
    expect(byId.get(samRel.id)?.relationship.meetCodes).toEqual([CODE]);
    expect(byId.get(kimRel.id)?.people).toEqual([{ name: 'Kim Park', archived: true }]);
  });

  it('is empty without relationships', async () => {
    expect(await callLinkCandidates()).toEqual([]);
  });
});

describe('linkMeetCodeTo / unlinkMeetCode', () => {
  it('moves the code from another relationship to this one', async () => {
    const from = await oneOnOne('Alice / Kim', { meetCodes: [CODE, OTHER_CODE] });
    const to = await oneOnOne('Alice / Sam');
    const at = clockAt(NOW + MINUTE);
    await linkMeetCodeTo(CODE, to.id);
    expect(await getRelationship(to.id)).toMatchObject({ meetCodes: [CODE], updatedAt: at });
    expect(await getRelationship(from.id)).toMatchObject({ meetCodes: [OTHER_CODE], updatedAt: at });
  });

  it('does not duplicate a code already linked', async () => {
    const rel = await oneOnOne('Alice / Sam', { meetCodes: [CODE] });
    await linkMeetCodeTo(CODE, rel.id);
    await linkMeetCodeTo(CODE, rel.id);
    expect((await getRelationship(rel.id))?.meetCodes).toEqual([CODE]);
  });

  it('keeps at most 50 codes, dropping the oldest', async () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const codeOf = (n: number) => `aa${letters.charAt(Math.floor(n / 26))}-bbbb-cc${letters.charAt(n % 26)}`;
    const codes = Array.from({ length: 50 }, (_, n) => codeOf(n));
    const rel = await oneOnOne('Alice / Sam', { meetCodes: codes });
    await linkMeetCodeTo(CODE, rel.id);
    const stored = (await getRelationship(rel.id))?.meetCodes ?? [];
    expect(stored).toHaveLength(50);
    expect(stored.at(-1)).toBe(CODE);
    expect(stored).not.toContain(codes[0]);
    expect(stored[0]).toBe(codes[1]);
  });

  it('refuses an unknown relationship and leaves the code where it was', async () => {
    const holder = await oneOnOne('Alice / Kim', { meetCodes: [CODE] });
    const error = await rejection(linkMeetCodeTo(CODE, 'missing'));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((await getRelationship(holder.id))?.meetCodes).toEqual([CODE]);
  });

  it('refuses a malformed code', async () => {
    const rel = await oneOnOne();
    await expect(linkMeetCodeTo('not a code', rel.id)).rejects.toBeInstanceOf(InvalidInputError);
    expect((await getRelationship(rel.id))?.meetCodes).toEqual([]);
  });

  it('unlinkMeetCode forgets the code everywhere and leaves other codes alone', async () => {
    const a = await oneOnOne('Alice / Kim', { meetCodes: [CODE, OTHER_CODE] });
    const b = await oneOnOne('Alice / Sam', { meetCodes: [CODE] });
    const c = await oneOnOne('Alice / Lee', { meetCodes: [OTHER_CODE] });
    await unlinkMeetCode(CODE);
    expect((await getRelationship(a.id))?.meetCodes).toEqual([OTHER_CODE]);
    expect((await getRelationship(b.id))?.meetCodes).toEqual([]);
    expect(await getRelationship(c.id)).toEqual(c);
    // Unknown code: nothing changes.
    await unlinkMeetCode('nop-nopq-nop');
    expect((await getRelationship(a.id))?.meetCodes).toEqual([OTHER_CODE]);
  });
});

// Rows written before live sessions existed ----------------------------------------------------------

describe('sessions stored without live / assessment (older versions)', () => {
  it('start, end and load a legacy upcoming row', async () => {
    const rel = await oneOnOne();
    await getDatabase().sessions.put(legacyRow(rel.id));

    const view = await loadSessionView('legacy-session-1');
    expect(view?.session.id).toBe('legacy-session-1');
    expect(view?.session.notes).toEqual({ 'how-are-you': 'Written by an older Duet' });
    expect(view?.template.id).toBe('builtin:your-session');

    const started = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    expect(started.id).toBe('legacy-session-1');
    expect(started.live).toEqual({
      startedAt: NOW,
      endedAt: null,
      timer: timerOf('builtin:your-session', NOW),
      took: {
        meetCode: null,
        status: 'upcoming',
        running: false,
        writing: expect.stringMatching(/^[0-9a-f]{8}$/),
      },
    });
    expect(started.assessment).toBeNull();
    expect(started.notes).toEqual({ 'how-are-you': 'Written by an older Duet' });

    const ended = await endLiveSession(started.id, NOW + HOUR);
    expect(ended).toMatchObject({ status: 'held', heldAt: NOW + HOUR });
    expect(ended.live?.endedAt).toBe(NOW + HOUR);
  });

  it('start a legacy row by id, and end a legacy row that never ran live', async () => {
    const rel = await oneOnOne();
    await getDatabase().sessions.put(legacyRow(rel.id, { id: 'legacy-a', scheduledAt: NOW + 3 * DAY }));
    await getDatabase().sessions.put(legacyRow(rel.id, { id: 'legacy-b', scheduledAt: NOW - 2 * DAY }));

    const started = await startLiveSession({ relationshipId: rel.id, sessionId: 'legacy-a', now: NOW });
    expect(started.id).toBe('legacy-a');
    expect(started.live?.startedAt).toBe(NOW);

    const ended = await endLiveSession('legacy-b', NOW);
    expect(ended).toMatchObject({ status: 'held', heldAt: NOW, live: null, assessment: null });
    expect(await getSession('legacy-b')).toEqual(ended);
  });

  it('a legacy held row is neither a live candidate nor running', async () => {
    const rel = await oneOnOne();
    await getDatabase().sessions.put(
      legacyRow(rel.id, { id: 'legacy-held', status: 'held', heldAt: NOW - HOUR, meetCode: CODE }),
    );
    expect(await endLiveSessionForCall(rel.id, CODE, NOW)).toBeUndefined();
    const started = await startLiveSession({ relationshipId: rel.id, meetCode: CODE, now: NOW });
    expect(started.id).not.toBe('legacy-held');
    const view = await loadSessionView('legacy-held');
    expect(view?.session.status).toBe('held');
    expect(view?.agenda).toEqual([]);
  });
});
