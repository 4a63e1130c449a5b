import { describe, expect, it } from 'vitest';
import { defaultReminderSettings, type ReminderSettings } from '@/lib/domain/model';
import { dayOf } from '@/lib/domain/days';
import {
  AFTER_HELD_LOOKBACK,
  afterHeldAskWindow,
  badgeText,
  type CadenceFact,
  daytimeFrom,
  decideReminders,
  type DeclinedFact,
  EMPTY_LOG,
  type HeldFact,
  isDaytime,
  kindOfKey,
  localInstant,
  nextLocalMidnight,
  NO_FACTS,
  pruneLog,
  recordDismissed,
  recordSent,
  REMINDER_LIMITS,
  type ReminderFacts,
  type SentLog,
  type UpcomingFact,
} from '@/lib/domain/reminders';
import { useTimeZone } from '../helpers/time-zone';

useTimeZone('UTC');

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Tuesday 24 Nov 2026, 10:00 UTC (daytime in UTC). */
const NOW = Date.UTC(2026, 10, 24, 10);

const settings = (patch: Partial<ReminderSettings> = {}): ReminderSettings => ({
  ...defaultReminderSettings(),
  ...patch,
});

const upcoming = (patch: Partial<UpcomingFact> = {}): UpcomingFact => ({
  sessionId: 's-alex',
  relationshipId: 'r-alex',
  name: 'Alex',
  scheduledAt: NOW + 20 * MIN,
  openAgreements: 2,
  talkingPoints: 0,
  ...patch,
});
const held = (patch: Partial<HeldFact> = {}): HeldFact => ({
  sessionId: 's-held',
  relationshipId: 'r-alex',
  name: 'Alex',
  heldAt: NOW - 30 * MIN,
  agreementsMade: 0,
  ...patch,
});
const cadence = (patch: Partial<CadenceFact> = {}): CadenceFact => ({
  relationshipId: 'r-alex',
  name: 'Alex',
  archived: false,
  cadenceDays: 14,
  lastHeldAt: NOW - 35 * DAY,
  nextScheduledAt: null,
  ...patch,
});
const declined = (patch: Partial<DeclinedFact> = {}): DeclinedFact => ({
  eventId: 'series_20261124T170000Z',
  dataEventId: 'ZGF0YQ',
  relationshipId: 'r-alex',
  name: 'Alex',
  archived: false,
  scheduledAt: NOW + 7 * HOUR,
  day: '2026-11-24',
  sessionId: null,
  ...patch,
});
const facts = (patch: Partial<ReminderFacts>): ReminderFacts => ({ ...NO_FACTS, ...patch });
const decide = (f: Partial<ReminderFacts>, log: SentLog = EMPTY_LOG, s = settings(), now = NOW) =>
  decideReminders(facts(f), now, s, log);
const logOf = (...entries: Array<[string, number, boolean?]>): SentLog => ({
  entries: entries.map(([key, at, dismissed]) => ({ key, at, ...(dismissed ? { dismissed } : {}) })),
});

describe('before a 1:1', () => {
  it('raises one for a session starting within beforeMinutes, with counts and minutes left', () => {
    expect(decide({ upcoming: [upcoming()] })).toEqual([
      {
        kind: 'before-session',
        key: `before-session:s-alex:${NOW + 20 * MIN}`,
        relationshipId: 'r-alex',
        name: 'Alex',
        sessionId: 's-alex',
        scheduledAt: NOW + 20 * MIN,
        minutesUntil: 20,
        openAgreements: 2,
        talkingPoints: 0,
      },
    ]);
  });

  it('ignores sessions outside (now, now + beforeMinutes]', () => {
    const outside = [
      upcoming({ sessionId: 'late', scheduledAt: NOW + 31 * MIN }),
      upcoming({ sessionId: 'started', relationshipId: 'r2', scheduledAt: NOW }),
      upcoming({ sessionId: 'past', relationshipId: 'r3', scheduledAt: NOW - 5 * MIN }),
    ];
    expect(decide({ upcoming: outside })).toEqual([]);
    // The window is the user's: 60 minutes includes the one in 31.
    expect(
      decide({ upcoming: outside }, EMPTY_LOG, settings({ beforeMinutes: 60 })).map((r) => r.key),
    ).toEqual([`before-session:late:${NOW + 31 * MIN}`]);
    // The edge is inclusive.
    expect(decide({ upcoming: [upcoming({ scheduledAt: NOW + 30 * MIN })] })).toHaveLength(1);
  });

  it('is switched off by settings.reminders.beforeSession', () => {
    expect(decide({ upcoming: [upcoming()] }, EMPTY_LOG, settings({ beforeSession: false }))).toEqual([]);
  });

  it('is raised once per session and time; a session moved to a new time is announced again', () => {
    const first = decide({ upcoming: [upcoming()] });
    const log = recordSent(EMPTY_LOG, first, NOW);
    expect(decide({ upcoming: [upcoming()] }, log, settings(), NOW + 5 * MIN)).toEqual([]);
    const moved = upcoming({ scheduledAt: NOW + 25 * MIN });
    expect(decide({ upcoming: [moved] }, log, settings(), NOW + 5 * MIN)).toHaveLength(1);
  });

  it('one per relationship in a run, the earliest; minutes never read as 0', () => {
    const raised = decide({
      upcoming: [
        upcoming({ sessionId: 'b', scheduledAt: NOW + 25 * MIN }),
        upcoming({ sessionId: 'a', scheduledAt: NOW + 10 * 1000 }),
      ],
    });
    expect(raised.map((r) => r.kind === 'before-session' && [r.sessionId, r.minutesUntil])).toEqual([
      ['a', 1],
    ]);
  });
});

describe('after a held 1:1 with no agreements', () => {
  it('asks between 10 minutes and 6 hours after it was held', () => {
    expect(decide({ held: [held()] })).toEqual([
      {
        kind: 'after-held',
        key: 'after-held:s-held',
        relationshipId: 'r-alex',
        name: 'Alex',
        sessionId: 's-held',
        heldAt: NOW - 30 * MIN,
      },
    ]);
    expect(decide({ held: [held({ heldAt: NOW - 5 * MIN })] })).toEqual([]);
    // Held in the daytime: asked until 6 hours after it, not later.
    const afternoon = Date.UTC(2026, 10, 24, 17);
    const at = (heldAt: number) => decide({ held: [held({ heldAt })] }, EMPTY_LOG, settings(), afternoon);
    expect(at(afternoon - 7 * HOUR)).toEqual([]);
    expect(at(afternoon - REMINDER_LIMITS.afterHeldWindow)).toHaveLength(1);
  });

  it('stays quiet when agreements were recorded, when switched off, and at night', () => {
    expect(decide({ held: [held({ agreementsMade: 1 })] })).toEqual([]);
    expect(decide({ held: [held()] }, EMPTY_LOG, settings({ afterHeld: false }))).toEqual([]);
    const night = Date.UTC(2026, 10, 24, 23);
    expect(decide({ held: [held({ heldAt: night - 30 * MIN })] }, EMPTY_LOG, settings(), night)).toEqual([]);
  });

  it('a 1:1 held too late in the evening is asked about the next morning, not never', () => {
    const evening = Date.UTC(2026, 10, 23, 19, 55); // Monday 19:55: its window is all night
    const at = (h: number, m = 0) => Date.UTC(2026, 10, 24, h, m);
    const late = [held({ heldAt: evening })];
    expect(decide({ held: late }, EMPTY_LOG, settings(), evening + 20 * MIN)).toEqual([]); // 20:15: night
    expect(decide({ held: late }, EMPTY_LOG, settings(), at(7, 59))).toEqual([]);
    expect(decide({ held: late }, EMPTY_LOG, settings(), at(8))).toHaveLength(1);
    expect(decide({ held: late }, EMPTY_LOG, settings(), at(13, 50))).toHaveLength(1);
    expect(decide({ held: late }, EMPTY_LOG, settings(), at(13, 51))).toEqual([]);
    // Part of the evening window is daytime (19:00 → 19:10–20:00): asked then, not again the next morning.
    const early = [held({ heldAt: Date.UTC(2026, 10, 23, 19) })];
    expect(decide({ held: early }, EMPTY_LOG, settings(), Date.UTC(2026, 10, 23, 19, 30))).toHaveLength(1);
    expect(decide({ held: early }, EMPTY_LOG, settings(), at(9))).toEqual([]);
    // After midnight too: 01:00 asks from 08:00 for the window's 5 h 50 min.
    const night = [held({ heldAt: at(1) })];
    expect(decide({ held: night }, EMPTY_LOG, settings(), at(8, 5))).toHaveLength(1);
    expect(afterHeldAskWindow(at(1))).toEqual({ from: at(8), until: at(13, 50) });
    expect(AFTER_HELD_LOOKBACK).toBeGreaterThanOrEqual(at(13, 50) - evening);
  });

  it('a window with only minutes of daytime left moves to the next morning (checks run every 5 minutes)', () => {
    const at = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h, m);
    // 19:47: 19:57–20:00 is all the daytime its window has.
    expect(afterHeldAskWindow(at(23, 19, 47))).toEqual({ from: at(24, 8), until: at(24, 13, 50) });
    // 19:15: 35 minutes are enough (19:25–20:00).
    expect(afterHeldAskWindow(at(23, 19, 15))).toEqual({ from: at(23, 19, 25), until: at(24, 1, 15) });
    // 02:03: from 08:00 for the whole window, not 08:00–08:03.
    expect(afterHeldAskWindow(at(24, 2, 3))).toEqual({ from: at(24, 8), until: at(24, 13, 50) });
    // 07:55: asked from 08:05.
    expect(afterHeldAskWindow(at(24, 7, 55))).toEqual({ from: at(24, 8, 5), until: at(24, 13, 55) });
  });

  it('the next daytime begins at 08:00 local time', () => {
    expect(daytimeFrom(Date.UTC(2026, 10, 24, 9))).toBe(Date.UTC(2026, 10, 24, 9));
    expect(daytimeFrom(Date.UTC(2026, 10, 24, 21))).toBe(Date.UTC(2026, 10, 25, 8));
    expect(daytimeFrom(Date.UTC(2026, 10, 24, 3))).toBe(Date.UTC(2026, 10, 24, 8));
  });

  it('is raised once per session', () => {
    const log = recordSent(EMPTY_LOG, decide({ held: [held()] }), NOW);
    expect(decide({ held: [held()] }, log, settings(), NOW + HOUR)).toEqual([]);
  });
});

describe('cadence gap', () => {
  it('raises when the gap reaches 1.5 cadences, with days since and the cadence', () => {
    expect(decide({ cadence: [cadence()] })).toEqual([
      {
        kind: 'cadence-gap',
        key: `cadence-gap:r-alex:${NOW - 35 * DAY}`,
        relationshipId: 'r-alex',
        name: 'Alex',
        daysSince: 35,
        cadenceDays: 14,
      },
    ]);
    // 20 days on a 14-day cadence is "due", not overdue; 21 is overdue.
    expect(decide({ cadence: [cadence({ lastHeldAt: NOW - 20 * DAY })] })).toEqual([]);
    expect(decide({ cadence: [cadence({ lastHeldAt: NOW - 21 * DAY })] })).toHaveLength(1);
  });

  it('skips archived, never-held and already planned 1:1s, and respects the switch and the night', () => {
    expect(decide({ cadence: [cadence({ archived: true })] })).toEqual([]);
    expect(decide({ cadence: [cadence({ lastHeldAt: null })] })).toEqual([]);
    expect(decide({ cadence: [cadence({ nextScheduledAt: NOW + 2 * DAY })] })).toEqual([]);
    expect(decide({ cadence: [cadence()] }, EMPTY_LOG, settings({ cadenceGap: false }))).toEqual([]);
    expect(decide({ cadence: [cadence()] }, EMPTY_LOG, settings(), Date.UTC(2026, 10, 24, 6))).toEqual([]);
  });

  it('once per gap; a new gap after the next held 1:1 is announced again', () => {
    const log = recordSent(EMPTY_LOG, decide({ cadence: [cadence()] }), NOW);
    expect(decide({ cadence: [cadence()] }, log, settings(), NOW + 3 * DAY)).toEqual([]);
    const later = NOW + 40 * DAY;
    expect(
      decide({ cadence: [cadence({ lastHeldAt: NOW + 2 * DAY })] }, log, settings(), later),
    ).toHaveLength(1);
  });

  it('at most one per run and two a day, the most overdue (relative to its cadence) first', () => {
    const three = [
      cadence({ relationshipId: 'r1', lastHeldAt: NOW - 22 * DAY }),
      cadence({ relationshipId: 'r2', lastHeldAt: NOW - 60 * DAY }),
      cadence({ relationshipId: 'r3', cadenceDays: 7, lastHeldAt: NOW - 35 * DAY }),
    ];
    const first = decide({ cadence: three });
    expect(first.map((r) => r.relationshipId)).toEqual(['r3']);
    let log = recordSent(EMPTY_LOG, first, NOW);
    const second = decide({ cadence: three }, log, settings(), NOW + 2 * HOUR);
    expect(second.map((r) => r.relationshipId)).toEqual(['r2']);
    log = recordSent(log, second, NOW + 2 * HOUR);
    expect(decide({ cadence: three }, log, settings(), NOW + 4 * HOUR)).toEqual([]);
    // A day after the first, one more may come.
    expect(decide({ cadence: three }, log, settings(), NOW + DAY + MIN)).toHaveLength(1);
  });
});

describe('a declined 1:1: reschedule?', () => {
  it('prompts once per event instance, with the day it was on', () => {
    const raised = decide({ declined: [declined()] });
    expect(raised).toEqual([
      {
        kind: 'reschedule',
        key: 'reschedule:series_20261124T170000Z',
        relationshipId: 'r-alex',
        name: 'Alex',
        eventId: 'series_20261124T170000Z',
        dataEventId: 'ZGF0YQ',
        sessionId: null,
        scheduledAt: NOW + 7 * HOUR,
        day: '2026-11-24',
        gone: false,
      },
    ]);
    // One Calendar no longer shows (cancelled, moved away) is asked about the same way, and says so.
    expect(decide({ declined: [declined({ dataEventId: '', gone: true })] })[0]).toMatchObject({
      kind: 'reschedule',
      key: 'reschedule:series_20261124T170000Z',
      gone: true,
    });
    const log = recordSent(EMPTY_LOG, raised, NOW);
    expect(decide({ declined: [declined()] }, log, settings(), NOW + MIN)).toEqual([]);
    // Another instance of the same series is its own question.
    expect(
      decide({ declined: [declined({ eventId: 'series_20261201T170000Z' })] }, log, settings(), NOW + MIN),
    ).toHaveLength(1);
  });

  it('only for instances from an hour ago to 30 days ahead, of tracked 1:1s, when switched on', () => {
    expect(decide({ declined: [declined({ scheduledAt: NOW - 2 * HOUR })] })).toEqual([]);
    expect(decide({ declined: [declined({ scheduledAt: NOW - 30 * MIN })] })).toHaveLength(1);
    expect(decide({ declined: [declined({ scheduledAt: NOW + 31 * DAY })] })).toEqual([]);
    expect(decide({ declined: [declined({ archived: true })] })).toEqual([]);
    expect(decide({ declined: [declined()] }, EMPTY_LOG, settings({ reschedule: false }))).toEqual([]);
  });

  it('is not held back by the night (the user is looking at Calendar)', () => {
    const night = Date.UTC(2026, 10, 24, 23);
    expect(
      decide({ declined: [declined({ scheduledAt: night + DAY })] }, EMPTY_LOG, settings(), night),
    ).toHaveLength(1);
  });

  it('a dismissed prompt never returns', () => {
    const raised = decide({ declined: [declined()] });
    const log = recordDismissed(recordSent(EMPTY_LOG, raised, NOW), raised[0]!.key, NOW + MIN);
    expect(log.entries).toEqual([{ key: raised[0]!.key, at: NOW, dismissed: true }]);
    expect(decide({ declined: [declined()] }, log, settings(), NOW + 2 * HOUR)).toEqual([]);
  });
});

describe('rate limits and priority', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      upcoming({ sessionId: `s${i}`, relationshipId: `r${i}`, scheduledAt: NOW + (i + 1) * MIN }),
    );

  it('at most perHour in a rolling hour, the most urgent first', () => {
    const raised = decide({ upcoming: many(6), cadence: [cadence({ relationshipId: 'rc' })] });
    expect(raised.map((r) => r.kind === 'before-session' && r.sessionId)).toEqual(['s0', 's1', 's2', 's3']);
    const log = recordSent(EMPTY_LOG, raised, NOW);
    // Later in the same hour: nothing more.
    expect(decide({ upcoming: many(6) }, log, settings(), NOW + 30 * 1000)).toEqual([]);
  });

  it('at most perDay in a rolling day', () => {
    const log = logOf(
      ...Array.from({ length: REMINDER_LIMITS.perDay }, (_, i): [string, number] => [
        `after-held:old${i}`,
        NOW - 2 * HOUR - i * MIN,
      ]),
    );
    expect(decide({ upcoming: [upcoming()] }, log)).toEqual([]);
    // Entries over a day old no longer count.
    expect(decide({ upcoming: [upcoming()] }, log, settings(), NOW + DAY)).toEqual([]);
    expect(
      decide({ upcoming: [upcoming({ scheduledAt: NOW + DAY + 20 * MIN })] }, log, settings(), NOW + DAY),
    ).toHaveLength(1);
  });

  it('orders kinds: before a 1:1, reschedule, after a held 1:1, cadence gap', () => {
    const raised = decide({
      cadence: [cadence({ relationshipId: 'r4' })],
      held: [held({ relationshipId: 'r3' })],
      declined: [declined({ relationshipId: 'r2' })],
      upcoming: [upcoming({ relationshipId: 'r1' })],
    });
    expect(raised.map((r) => r.kind)).toEqual(['before-session', 'reschedule', 'after-held', 'cadence-gap']);
  });

  it('keeps budget for "prepare": a busy morning of 1:1s leaves the afternoon its reminders', () => {
    const MINUTE = 60_000;
    const base = new Date(2026, 10, 24, 0, 0).getTime();
    const starts = [9, 9.5, 10, 10.5, 11, 11.5, 14, 14.5, 15, 15.5].map((h) => base + h * 60 * MINUTE);
    let log: SentLog = EMPTY_LOG;
    const prepared = new Set<string>();
    for (let t = base + 7 * 60 * MINUTE; t < base + 20 * 60 * MINUTE; t += 5 * MINUTE) {
      const facts: ReminderFacts = {
        upcoming: starts.map((s, i) =>
          upcoming({ sessionId: `s${i}`, relationshipId: `r${i}`, scheduledAt: s }),
        ),
        held: starts
          .map((s, i) => ({ s, i }))
          .filter(({ s }) => s + 30 * MINUTE <= t)
          .map(({ s, i }) => held({ sessionId: `s${i}`, relationshipId: `r${i}`, heldAt: s + 30 * MINUTE })),
        cadence: [],
        declined: [],
      };
      const raised = decideReminders(facts, t, settings(), log);
      log = recordSent(log, raised, t);
      for (const r of raised) if (r.kind === 'before-session') prepared.add(r.sessionId);
    }
    expect([...prepared].sort()).toEqual(starts.map((_, i) => `s${i}`).sort());
  });

  it('a burst of declines does not take the "prepare" of a 1:1 about to start', () => {
    const MINUTE = 60_000;
    const base = new Date(2026, 10, 20, 9, 5).getTime();
    const burst = [0, 1, 2, 3, 4].map((i) =>
      declined({ eventId: `ev${i}`, relationshipId: `v${i}`, scheduledAt: base + (3 + i) * DAY }),
    );
    // Sam's 1:1 at 09:40 is known at 09:05 (the facts reach to the day's end), not yet in its window.
    const sam = upcoming({ sessionId: 'S', relationshipId: 'R', scheduledAt: base + 35 * MINUTE });
    let log: SentLog = EMPTY_LOG;
    const first = decideReminders({ ...NO_FACTS, declined: burst, upcoming: [sam] }, base, settings(), log);
    expect(first.map((r) => r.kind)).toEqual(['reschedule', 'reschedule', 'reschedule']);
    log = recordSent(log, first, base);
    const raised = decideReminders({ ...NO_FACTS, upcoming: [sam] }, base + 20 * MINUTE, settings(), log);
    expect(raised.map((r) => r.kind)).toEqual(['before-session']);
  });

  it('keeps nothing back when no 1:1 is left today, or "prepare" is off', () => {
    const burst = [0, 1, 2, 3, 4].map((i) =>
      declined({ eventId: `ev${i}`, relationshipId: `v${i}`, scheduledAt: NOW + (3 + i) * DAY }),
    );
    expect(decide({ declined: burst })).toHaveLength(REMINDER_LIMITS.perHour);
    const later = upcoming({ scheduledAt: NOW + 50 * MIN });
    expect(decide({ declined: burst, upcoming: [later] })).toHaveLength(REMINDER_LIMITS.perHour - 1);
    expect(
      decide({ declined: burst, upcoming: [later] }, EMPTY_LOG, settings({ beforeSession: false })),
    ).toHaveLength(REMINDER_LIMITS.perHour);
  });

  it('all switches off: nothing, whatever the facts', () => {
    const off = settings({ beforeSession: false, afterHeld: false, cadenceGap: false, reschedule: false });
    expect(
      decide(
        { upcoming: [upcoming()], held: [held()], cadence: [cadence()], declined: [declined()] },
        EMPTY_LOG,
        off,
      ),
    ).toEqual([]);
  });
});

describe('the sent log', () => {
  it('remembers sent keys for 90 days and dismissed ones for a year, newest maxEntries only', () => {
    const log = logOf(
      ['before-session:a:1', NOW - 91 * DAY],
      ['after-held:b', NOW - 10 * DAY],
      ['reschedule:c', NOW - 200 * DAY, true],
    );
    expect(pruneLog(log, NOW).entries.map((e) => e.key)).toEqual(['reschedule:c', 'after-held:b']);
    expect(pruneLog(logOf(['reschedule:c', NOW - 366 * DAY, true]), NOW).entries).toEqual([]);
    const big = logOf(
      ...Array.from({ length: REMINDER_LIMITS.maxEntries + 10 }, (_, i): [string, number] => [
        `after-held:${i}`,
        NOW - i,
      ]),
    );
    const pruned = pruneLog(big, NOW);
    expect(pruned.entries).toHaveLength(REMINDER_LIMITS.maxEntries);
    expect(pruned.entries.at(-1)?.key).toBe('after-held:0');
  });

  it('keeps what was sent or dismissed while the clock ran ahead, even days ahead', () => {
    const log = logOf(['cadence-gap:r:1', NOW + 6 * DAY, true], ['after-held:b', NOW + 2 * DAY]);
    expect(pruneLog(log, NOW).entries.map((e) => e.key)).toEqual(['after-held:b', 'cadence-gap:r:1']);
  });

  it('recordSent replaces an older entry of the same key', () => {
    const log = recordSent(logOf(['after-held:x', NOW - DAY]), [{ key: 'after-held:x' }], NOW);
    expect(log.entries).toEqual([{ key: 'after-held:x', at: NOW }]);
  });

  it('recordDismissed of a key never sent still silences it', () => {
    expect(recordDismissed(EMPTY_LOG, 'cadence-gap:r:2026-01-01', NOW).entries).toEqual([
      { key: 'cadence-gap:r:2026-01-01', at: NOW, dismissed: true },
    ]);
  });

  it('kindOfKey reads only known kinds', () => {
    expect(kindOfKey('reschedule:abc')).toBe('reschedule');
    expect(kindOfKey('cadence-gap:r:2026-01-01')).toBe('cadence-gap');
    expect(kindOfKey('other:abc')).toBeNull();
    expect(kindOfKey('noseparator')).toBeNull();
  });
});

describe('badge text', () => {
  it("is '' for none, the number, and '99+' past 99", () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});

describe('time zones and DST', () => {
  it('next local midnight is 23 or 25 hours away on DST days, never an hour off', () => {
    process.env.TZ = 'Europe/Berlin';
    // Saturday 28 March 2026, noon in Berlin (CET, UTC+1): midnight is 23:00 UTC.
    expect(nextLocalMidnight(Date.UTC(2026, 2, 28, 11))).toBe(Date.UTC(2026, 2, 28, 23));
    // Sunday 29 March (clocks went forward): the next midnight is 22:00 UTC (CEST, UTC+2).
    expect(nextLocalMidnight(Date.UTC(2026, 2, 29, 10))).toBe(Date.UTC(2026, 2, 29, 22));
    process.env.TZ = 'America/Los_Angeles';
    // Sunday 1 November 2026 (clocks went back at 02:00): midnight of the 2nd is 08:00 UTC (PST).
    expect(nextLocalMidnight(Date.UTC(2026, 10, 1, 12))).toBe(Date.UTC(2026, 10, 2, 8));
    // Just before midnight: that same midnight, not the next.
    expect(nextLocalMidnight(Date.UTC(2026, 10, 2, 7, 59))).toBe(Date.UTC(2026, 10, 2, 8));
  });

  it('localInstant reads a wall-clock time in the local zone, DST included', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(localInstant('2026-03-27', '10:00')).toBe(Date.UTC(2026, 2, 27, 9));
    expect(localInstant('2026-03-30', '10:00')).toBe(Date.UTC(2026, 2, 30, 8));
    expect(localInstant('2026-02-31', '10:00')).toBeNull();
    expect(localInstant('2026-03-30', '7pm')).toBeNull();
  });

  it('daytime is local: the same instant is day in Berlin and night in Los Angeles', () => {
    const instant = Date.UTC(2026, 10, 24, 10);
    process.env.TZ = 'Europe/Berlin';
    expect(isDaytime(instant)).toBe(true);
    expect(
      decide({ held: [held({ heldAt: instant - 30 * MIN })] }, EMPTY_LOG, settings(), instant),
    ).toHaveLength(1);
    process.env.TZ = 'America/Los_Angeles';
    expect(isDaytime(instant)).toBe(false);
    expect(decide({ held: [held({ heldAt: instant - 30 * MIN })] }, EMPTY_LOG, settings(), instant)).toEqual(
      [],
    );
  });

  it('a dismissed cadence gap stays dismissed after the computer changes time zone', () => {
    // An evening 1:1 in Berlin is on another local day in New York.
    process.env.TZ = 'Europe/Berlin';
    const fact = cadence({ lastHeldAt: Date.UTC(2026, 2, 1, 23, 30) });
    const now = Date.UTC(2026, 3, 20, 14);
    const [first] = decide({ cadence: [fact] }, EMPTY_LOG, settings(), now);
    expect(first?.kind).toBe('cadence-gap');
    const log = recordDismissed(EMPTY_LOG, first!.key, now);
    process.env.TZ = 'America/New_York';
    expect(decide({ cadence: [fact] }, log, settings(), now + HOUR)).toEqual([]);
  });

  it("a gap dismissed under its older key (the last 1:1's local day) stays dismissed", () => {
    const fact = cadence();
    const log = recordDismissed(EMPTY_LOG, `cadence-gap:r-alex:${dayOf(fact.lastHeldAt!)}`, NOW - DAY);
    expect(decide({ cadence: [fact] }, log)).toEqual([]);
  });

  it('a cadence gap counts calendar days across a DST change (no day lost or gained)', () => {
    process.env.TZ = 'Europe/Berlin';
    // Last held Friday 6 March, 17:00 CET; Monday 30 March (after the change to CEST) is 24 days later.
    const last = Date.UTC(2026, 2, 6, 16);
    const after = Date.UTC(2026, 2, 30, 9); // 11:00 CEST
    const raised = decide({ cadence: [cadence({ lastHeldAt: last })] }, EMPTY_LOG, settings(), after);
    expect(raised.map((r) => r.kind === 'cadence-gap' && [r.key, r.daysSince])).toEqual([
      [`cadence-gap:r-alex:${last}`, 24],
    ]);
  });

  it('before a 1:1 is measured in instants: a DST change inside the window changes nothing', () => {
    process.env.TZ = 'America/Los_Angeles';
    // 1 November 2026, 01:50 PDT; the 1:1 is at 01:10 PST (clocks went back at 02:00): the wall clock
    // says 40 minutes ago, but it is 20 real minutes ahead.
    const now = Date.UTC(2026, 10, 1, 8, 50);
    const start = Date.UTC(2026, 10, 1, 9, 10);
    const raised = decide({ upcoming: [upcoming({ scheduledAt: start })] }, EMPTY_LOG, settings(), now);
    expect(raised.map((r) => r.kind === 'before-session' && r.minutesUntil)).toEqual([20]);
  });
});
