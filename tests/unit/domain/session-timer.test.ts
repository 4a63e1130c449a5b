import { describe, expect, it } from 'vitest';
import {
  finish,
  formatClock,
  goToSection,
  nextSection,
  parseTimerState,
  pause,
  previousSection,
  resume,
  skipSection,
  startTimer,
  startTimerForSections,
  syncClock,
  type TimerState,
  timerView,
} from '@/lib/domain/session-timer';
import { getBuiltInTemplate } from '@/lib/domain/templates';

const T0 = Date.UTC(2026, 10, 18, 10, 0);
const SEC = 1000;
const MIN = 60 * SEC;

/** check-in 5 min, topics 20 min, notes untimed, next steps 5 min */
const IDS = ['check-in', 'topics', 'notes', 'next-steps'];
const MINUTES = [5, 20, 0, 5];
const start = () => startTimer(IDS, MINUTES, T0);

const statuses = (state: TimerState, now: number) => timerView(state, now).sections.map((s) => s.status);

describe('startTimer', () => {
  it('starts running on the first section with nothing done', () => {
    const state = start();
    expect(state).toMatchObject({ startedAt: T0, currentIndex: 0, runningSince: T0, paused: false });
    expect(state.plannedMs).toEqual([5 * MIN, 20 * MIN, 0, 5 * MIN]);
    const view = timerView(state, T0 + 90 * SEC);
    expect(view).toMatchObject({
      currentId: 'check-in',
      elapsedMs: 90 * SEC,
      plannedMs: 5 * MIN,
      remainingMs: 3.5 * MIN,
      overtime: 'none',
      totalElapsedMs: 90 * SEC,
      totalPlannedMs: 30 * MIN,
      paused: false,
      finished: false,
    });
    expect(statuses(state, T0)).toEqual(['current', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('refuses no sections, mismatched minutes and duplicate ids', () => {
    expect(() => startTimer([], [], T0)).toThrow(RangeError);
    expect(() => startTimer(['a', 'b'], [5], T0)).toThrow(RangeError);
    expect(() => startTimer(['a', 'a'], [5, 5], T0)).toThrow(RangeError);
  });

  it('treats negative or non-finite minutes as no timebox', () => {
    expect(startTimer(['a', 'b', 'c'], [-3, Number.NaN, 1.5], T0).plannedMs).toEqual([0, 0, 90 * SEC]);
  });

  it('starts from a template', () => {
    const template = getBuiltInTemplate('builtin:structured-50');
    if (!template) throw new Error('missing template');
    const view = timerView(startTimerForSections(template.sections, T0), T0);
    expect(view.sections.map((s) => s.id)).toEqual(template.sections.map((s) => s.id));
    expect(view.totalPlannedMs).toBe(45 * MIN);
  });
});

describe('transitions', () => {
  it('next marks the section done and moves on, carrying each section its own time', () => {
    let state = start();
    state = nextSection(state, T0 + 4 * MIN);
    state = nextSection(state, T0 + 30 * MIN);
    const view = timerView(state, T0 + 31 * MIN);
    expect(view.currentId).toBe('notes');
    expect(view.sections.map((s) => s.elapsedMs)).toEqual([4 * MIN, 26 * MIN, 1 * MIN, 0]);
    expect(view.sections.map((s) => s.status)).toEqual(['done', 'done', 'current', 'upcoming']);
    expect(view.totalElapsedMs).toBe(31 * MIN);
  });

  it('next on the last open section finishes the session', () => {
    let state = start();
    for (let i = 0; i < 4; i++) state = nextSection(state, T0 + (i + 1) * MIN);
    expect(state.finished).toBe(true);
    expect(state.finishedAt).toBe(T0 + 4 * MIN);
    expect(statuses(state, T0 + 10 * MIN)).toEqual(['done', 'done', 'done', 'done']);
    expect(timerView(state, T0 + 10 * MIN).totalElapsedMs).toBe(4 * MIN);
  });

  it('skip marks the section skipped, keeps the time spent and moves on', () => {
    let state = nextSection(start(), T0 + 5 * MIN);
    state = skipSection(state, T0 + 6 * MIN);
    const view = timerView(state, T0 + 6 * MIN);
    expect(view.currentId).toBe('notes');
    expect(view.sections.map((s) => s.status)).toEqual(['done', 'skipped', 'current', 'upcoming']);
    expect(view.sections[1]?.elapsedMs).toBe(1 * MIN);
    expect(state.skippedIds).toEqual(['topics']);
  });

  it('back goes to an earlier section, which becomes current and then done again', () => {
    let state = nextSection(start(), T0 + 5 * MIN); // check-in done
    state = previousSection(state, T0 + 7 * MIN); // back to check-in
    expect(statuses(state, T0 + 7 * MIN)).toEqual(['current', 'upcoming', 'upcoming', 'upcoming']);
    // the 2 minutes in topics stay with topics; the check-in clock continues from 5 minutes
    expect(timerView(state, T0 + 8 * MIN).sections.map((s) => s.elapsedMs)).toEqual([6 * MIN, 2 * MIN, 0, 0]);
    state = nextSection(state, T0 + 8 * MIN);
    expect(timerView(state, T0 + 8 * MIN).currentId).toBe('topics');
    expect(statuses(state, T0 + 8 * MIN)).toEqual(['done', 'current', 'upcoming', 'upcoming']);
  });

  it('jumping ahead leaves the sections in between upcoming, and next comes back for them', () => {
    let state = goToSection(start(), 3, T0 + 1 * MIN);
    expect(statuses(state, T0 + 1 * MIN)).toEqual(['upcoming', 'upcoming', 'upcoming', 'current']);
    state = nextSection(state, T0 + 2 * MIN); // next-steps done; wraps round to check-in
    expect(timerView(state, T0 + 2 * MIN).currentId).toBe('check-in');
    expect(timerView(state, T0 + 2 * MIN).sections.map((s) => s.elapsedMs)).toEqual([1 * MIN, 0, 0, 1 * MIN]);
  });

  it('going back to a skipped section keeps it skipped until it is completed', () => {
    let state = skipSection(start(), T0 + 1 * MIN);
    state = goToSection(state, 0, T0 + 2 * MIN);
    expect(statuses(state, T0 + 2 * MIN)[0]).toBe('current');
    state = goToSection(state, 2, T0 + 3 * MIN);
    expect(statuses(state, T0 + 3 * MIN)[0]).toBe('skipped');
    state = goToSection(state, 0, T0 + 3 * MIN);
    state = nextSection(state, T0 + 4 * MIN);
    expect(statuses(state, T0 + 4 * MIN)[0]).toBe('done');
    expect(state.skippedIds).toEqual([]);
  });

  it('goToSection refuses indexes that do not exist and ignores the current one', () => {
    const state = start();
    expect(() => goToSection(state, 4, T0)).toThrow(RangeError);
    expect(() => goToSection(state, -1, T0)).toThrow(RangeError);
    expect(() => goToSection(state, 1.5, T0)).toThrow(RangeError);
    expect(goToSection(state, 0, T0 + MIN)).toBe(state);
    expect(previousSection(state, T0 + MIN)).toBe(state);
  });

  it('never mutates the state it is given', () => {
    const state = start();
    const copy = structuredClone(state);
    nextSection(state, T0 + MIN);
    skipSection(state, T0 + MIN);
    goToSection(state, 2, T0 + MIN);
    pause(state, T0 + MIN);
    finish(state, T0 + MIN);
    expect(state).toEqual(copy);
  });
});

describe('pause and resume', () => {
  it('stops the clock while paused and continues on resume', () => {
    let state = pause(start(), T0 + 2 * MIN);
    expect(timerView(state, T0 + 10 * MIN)).toMatchObject({ elapsedMs: 2 * MIN, paused: true });
    state = resume(state, T0 + 10 * MIN);
    expect(timerView(state, T0 + 11 * MIN)).toMatchObject({ elapsedMs: 3 * MIN, paused: false });
    expect(timerView(state, T0 + 11 * MIN).totalElapsedMs).toBe(3 * MIN);
  });

  it('pausing twice or resuming a running timer changes nothing', () => {
    const running = start();
    expect(resume(running, T0 + MIN)).toBe(running);
    const paused = pause(running, T0 + MIN);
    expect(pause(paused, T0 + 5 * MIN)).toBe(paused);
  });

  it('moving between sections while paused stays paused', () => {
    let state = pause(start(), T0 + 2 * MIN);
    state = nextSection(state, T0 + 5 * MIN);
    expect(state.paused).toBe(true);
    expect(timerView(state, T0 + 9 * MIN)).toMatchObject({ currentId: 'topics', elapsedMs: 0 });
    expect(timerView(state, T0 + 9 * MIN).sections[0]?.elapsedMs).toBe(2 * MIN);
    state = resume(state, T0 + 9 * MIN);
    expect(timerView(state, T0 + 10 * MIN).elapsedMs).toBe(1 * MIN);
  });
});

describe('overtime', () => {
  const at = (minutes: number[], elapsed: number) =>
    timerView(startTimer(['s'], minutes, T0), T0 + elapsed).overtime;

  it('a 5-minute box: soon in its last minute (20 % would be longer), over after 5:00', () => {
    expect(at([5], 3 * MIN + 59 * SEC)).toBe('none');
    expect(at([5], 4 * MIN)).toBe('soon');
    expect(at([5], 5 * MIN)).toBe('soon');
    expect(at([5], 5 * MIN + 1)).toBe('over');
  });

  it('a 2-minute box: soon in its last 24 seconds (20 % is shorter than a minute)', () => {
    expect(at([2], 96 * SEC - 1)).toBe('none');
    expect(at([2], 96 * SEC)).toBe('soon');
    expect(at([2], 2 * MIN + 1)).toBe('over');
  });

  it('reports the time over as negative remaining', () => {
    const view = timerView(startTimer(['s'], [5], T0), T0 + 6 * MIN + 10 * SEC);
    expect(view.remainingMs).toBe(-70 * SEC);
    expect(formatClock(view.remainingMs ?? 0)).toBe('+1:10');
  });

  it('an untimed section is never over and has no remaining time', () => {
    const view = timerView(startTimer(['s'], [0], T0), T0 + 3 * 3_600_000);
    expect(view).toMatchObject({
      overtime: 'none',
      remainingMs: null,
      plannedMs: 0,
      elapsedMs: 3 * 3_600_000,
    });
  });

  it('a finished session shows no overtime', () => {
    const state = finish(startTimer(['s'], [1], T0), T0 + 5 * MIN);
    expect(timerView(state, T0 + 6 * MIN)).toMatchObject({
      overtime: 'none',
      elapsedMs: 5 * MIN,
      finished: true,
    });
  });
});

describe('finish', () => {
  it('freezes the clock and marks the current section done', () => {
    let state = nextSection(start(), T0 + 5 * MIN);
    state = finish(state, T0 + 12 * MIN);
    const later = timerView(state, T0 + 60 * MIN);
    expect(later.totalElapsedMs).toBe(12 * MIN);
    expect(later.sections.map((s) => s.status)).toEqual(['done', 'done', 'upcoming', 'upcoming']);
    expect(state).toMatchObject({ finished: true, finishedAt: T0 + 12 * MIN, runningSince: null });
  });

  it('keeps a skipped current section skipped, and ignores every transition afterwards', () => {
    let state = skipSection(start(), T0 + MIN);
    state = goToSection(state, 0, T0 + 2 * MIN);
    state = finish(state, T0 + 3 * MIN);
    expect(statuses(state, T0 + 3 * MIN)[0]).toBe('skipped');
    for (const next of [
      nextSection(state, T0 + 9 * MIN),
      skipSection(state, T0 + 9 * MIN),
      goToSection(state, 2, T0 + 9 * MIN),
      pause(state, T0 + 9 * MIN),
      resume(state, T0 + 9 * MIN),
      finish(state, T0 + 9 * MIN),
    ]) {
      expect(next).toBe(state);
    }
  });

  it('finishing while paused counts no paused time', () => {
    const state = finish(pause(start(), T0 + 2 * MIN), T0 + 30 * MIN);
    expect(timerView(state, T0 + 40 * MIN).totalElapsedMs).toBe(2 * MIN);
    expect(state.paused).toBe(false);
  });
});

describe('reload and clock robustness', () => {
  it('survives a JSON round trip mid-session, running or paused', () => {
    let state = nextSection(start(), T0 + 4 * MIN);
    state = skipSection(state, T0 + 6 * MIN);
    const restored = parseTimerState(JSON.parse(JSON.stringify(state)));
    expect(restored).toEqual(state);
    if (!restored) throw new Error('not restored');
    // computed from timestamps: a reload 10 minutes later shows the 10 minutes
    expect(timerView(restored, T0 + 16 * MIN)).toEqual(timerView(state, T0 + 16 * MIN));
    expect(timerView(restored, T0 + 16 * MIN).elapsedMs).toBe(10 * MIN);
    const paused = pause(restored, T0 + 7 * MIN);
    expect(parseTimerState(JSON.parse(JSON.stringify(paused)))).toEqual(paused);
  });

  it('refuses stored values that are not a consistent timer state', () => {
    const good = start();
    expect(parseTimerState(null)).toBeNull();
    expect(parseTimerState('{}')).toBeNull();
    expect(parseTimerState({ ...good, currentIndex: 4 })).toBeNull();
    expect(parseTimerState({ ...good, plannedMs: [1] })).toBeNull();
    expect(parseTimerState({ ...good, accumulatedMs: [0, 0, -5, 0] })).toBeNull();
    expect(parseTimerState({ ...good, sectionIds: ['a', 'a', 'b', 'c'] })).toBeNull();
    expect(parseTimerState({ ...good, extra: true })).toBeNull();
  });

  it('never shows negative time when the clock jumps backwards', () => {
    const state = start();
    const view = timerView(state, T0 - 10 * MIN);
    expect(view.elapsedMs).toBe(0);
    expect(view.totalElapsedMs).toBe(0);
    expect(view.remainingMs).toBe(5 * MIN);
    expect(view.sections.every((s) => s.elapsedMs >= 0)).toBe(true);
  });

  it('a transition after a backwards jump keeps earlier time and restarts from the new clock', () => {
    let state = nextSection(start(), T0 + 3 * MIN); // 3 minutes of check-in
    state = nextSection(state, T0 + 1 * MIN); // clock went back 2 minutes: topics gets 0, not −2
    expect(timerView(state, T0 + 1 * MIN).sections.map((s) => s.elapsedMs)).toEqual([3 * MIN, 0, 0, 0]);
    expect(timerView(state, T0 + 2 * MIN).elapsedMs).toBe(1 * MIN);
    const paused = pause(startTimer(['s'], [5], T0), T0 - MIN);
    expect(timerView(paused, T0).elapsedMs).toBe(0);
  });

  it('syncClock rebases a running stretch the clock has gone behind, and is a no-op otherwise', () => {
    const state = startTimer(['s'], [5], T0);
    const synced = syncClock(state, T0 - 10 * MIN);
    expect(synced.runningSince).toBe(T0 - 10 * MIN);
    expect(timerView(synced, T0 - 9 * MIN).elapsedMs).toBe(1 * MIN);
    expect(syncClock(state, T0 + MIN)).toBe(state);
    expect(syncClock(pause(state, T0 + MIN), T0 - MIN).runningSince).toBeNull();
  });
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [5 * SEC, '0:05'],
    [4 * MIN + 5 * SEC, '4:05'],
    [59 * MIN + 59 * SEC, '59:59'],
    [60 * MIN, '1:00:00'],
    [62 * MIN + 3 * SEC, '1:02:03'],
    [25 * 60 * MIN, '25:00:00'],
    [-70 * SEC, '+1:10'],
    [-(62 * MIN + 3 * SEC), '+1:02:03'],
    [-500, '0:00'],
    [Number.NaN, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe('reopen (a call rejoined after it ended)', () => {
  it('runs a finished timer again from its current section, keeping the time spent', async () => {
    const { startTimer, nextSection, finish, reopen, timerView } = await import('@/lib/domain/session-timer');
    const started = startTimer(['a', 'b', 'c'], [5, 5, 5], 0);
    const inB = nextSection(started, 60_000);
    const ended = finish(inB, 120_000);
    const again = reopen(ended, 600_000);
    expect(again.finished).toBe(false);
    expect(again.finishedAt).toBeNull();
    expect(again.currentIndex).toBe(1);
    expect(again.doneIds).toEqual(['a']);
    const view = timerView(again, 630_000);
    expect(view.sections.map((s) => s.status)).toEqual(['done', 'current', 'upcoming']);
    // 60 s before the end plus 30 s since the rejoin; the gap between calls does not count.
    expect(view.elapsedMs).toBe(90_000);
    expect(reopen(again, 700_000)).toBe(again);
  });
});

describe('nextFinishes: what leaving the current section does', () => {
  it('is true only when every other section is done or skipped, wherever the current one is', () => {
    const state = start();
    expect(timerView(state, T0).nextFinishes).toBe(false);
    // Jumped to the last section with the others still open: "next" goes back to the first open one.
    const atLast = goToSection(state, 3, T0 + MIN);
    expect(timerView(atLast, T0 + MIN).nextFinishes).toBe(false);
    expect(nextSection(atLast, T0 + 2 * MIN)).toMatchObject({ finished: false, currentIndex: 0 });
    // Back on the first with every other done or skipped: leaving it finishes.
    let rest = goToSection(start(), 1, T0);
    rest = nextSection(rest, T0);
    rest = nextSection(rest, T0);
    rest = skipSection(rest, T0);
    expect(rest.currentIndex).toBe(0);
    expect(timerView(rest, T0).nextFinishes).toBe(true);
    expect(nextSection(rest, T0 + MIN).finished).toBe(true);
    expect(timerView(finish(rest, T0 + MIN), T0 + MIN).nextFinishes).toBe(false);
  });
});

describe('TimerStateSchema bounds what a file can put in a timer', () => {
  it('refuses huge ids and arrays (a tampered import)', () => {
    const state = start();
    expect(parseTimerState(state)).not.toBeNull();
    expect(parseTimerState({ ...state, doneIds: ['x'.repeat(5_000_000)] })).toBeNull();
    expect(
      parseTimerState({ ...state, skippedIds: Array.from({ length: 101 }, (_, i) => `s${i}`) }),
    ).toBeNull();
  });
});
