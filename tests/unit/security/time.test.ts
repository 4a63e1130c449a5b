/**
 * SECURITY.md item 21: DST changes, time-zone changes and clock skew never reorder sessions or duplicate
 * agreements. Sessions are ordered by epoch instants; due dates are calendar-day strings; nothing is
 * keyed by local wall-clock time.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  addAgreement,
  createRelationship,
  endLiveSession,
  openAgreements,
  prepareSession,
  sessionHistory,
  startLiveSession,
} from '@/lib/db';
import { parseAgreementLine } from '@/lib/domain/capture';
import { addDays, daysBetween } from '@/lib/domain/days';
import { timerView, startTimer, nextSection } from '@/lib/domain/session-timer';
import { restoreTimeZoneAfterEach } from '../helpers/time-zone';

// process.env turns undefined into the string "undefined": the helper deletes instead, so no other file sees a
// changed zone.
restoreTimeZoneAfterEach();
afterEach(() => {
  vi.useRealTimers();
});

/** Weekly 1:1s at 17:00 UTC across the 2026 spring DST changes (US 8 March, EU 29 March). */
const WEEKLY = [
  Date.UTC(2026, 2, 2, 17),
  Date.UTC(2026, 2, 9, 17),
  Date.UTC(2026, 2, 16, 17),
  Date.UTC(2026, 2, 23, 17),
  Date.UTC(2026, 2, 30, 17),
  Date.UTC(2026, 3, 6, 17),
];

describe('time zones and DST', () => {
  it('session history keeps its order whatever the time zone, across DST changes', async () => {
    const relationship = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    // Created out of order, some in each time zone.
    const zones = ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'];
    for (const [index, at] of [...WEEKLY].reverse().entries()) {
      process.env.TZ = zones[index % zones.length];
      await prepareSession({ relationshipId: relationship.id, scheduledAt: at, calendarEventId: `e_${at}` });
    }
    for (const zone of zones) {
      process.env.TZ = zone;
      const history = await sessionHistory(relationship.id);
      expect(history.map((s) => s.scheduledAt)).toEqual([...WEEKLY].reverse());
    }
  });

  it('due dates are calendar days: a time-zone change never moves one', async () => {
    process.env.TZ = 'Pacific/Auckland';
    const relationship = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    await addAgreement(relationship.id, { owner: 'them', text: 'Send the draft', dueDate: '2026-03-29' });
    for (const zone of ['America/Los_Angeles', 'UTC', 'Europe/Berlin']) {
      process.env.TZ = zone;
      const [agreement] = await openAgreements(relationship.id);
      expect(agreement?.dueDate).toBe('2026-03-29');
    }
  });

  it('day arithmetic over a DST change counts calendar days, not 24-hour blocks', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney']) {
      process.env.TZ = zone;
      expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
      expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
      expect(addDays('2026-10-24', 7)).toBe('2026-10-31');
      expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    }
  });

  it('"by Friday" captured on the night of a DST change is that Friday in every zone', () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles']) {
      process.env.TZ = zone;
      // Sunday 29 March 2026, 01:30 local (Berlin springs forward at 02:00).
      const now = new Date(2026, 2, 29, 1, 30);
      const parsed = parseAgreementLine('Sam: send the draft by Friday', {
        now,
        counterpartNames: ['Sam Lee'],
      });
      expect(parsed).toMatchObject({ ok: true, owner: 'them', dueDate: '2026-04-03' });
    }
  });
});

describe('clock skew', () => {
  it('a clock that jumps back does not create a second session for the same call or duplicate agreements', async () => {
    const relationship = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    await addAgreement(relationship.id, { owner: 'me', text: 'Intro to Priya', dueDate: null });
    const now = Date.UTC(2026, 10, 18, 15);
    // The machine's own clock, as the data layer stamps rows with it (not only the `now` passed in).
    vi.useFakeTimers({ toFake: ['Date'], now });
    onTestFinished(() => void vi.useRealTimers());
    const first = await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij', now });
    // The machine's clock is corrected by 40 minutes backwards mid-call.
    vi.setSystemTime(now - 40 * 60_000);
    const again = await startLiveSession({
      relationshipId: relationship.id,
      meetCode: 'abc-defg-hij',
      now: now - 40 * 60_000,
    });
    expect(again.id).toBe(first.id);
    expect(await sessionHistory(relationship.id)).toHaveLength(1);
    expect((await openAgreements(relationship.id)).map((a) => a.text)).toEqual(['Intro to Priya']);
    const ended = await endLiveSession(first.id, now - 30 * 60_000);
    expect(ended.status).toBe('held');
    expect(await openAgreements(relationship.id)).toHaveLength(1);
  });

  it('the section timer never shows negative time when the clock jumps back', () => {
    const started = startTimer(['a', 'b'], [10, 10], 1_000_000);
    const moved = nextSection(started, 1_300_000);
    const view = timerView(moved, 1_000_000); // clock went back 5 minutes
    expect(view.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(view.totalElapsedMs).toBe(300_000);
  });
});
