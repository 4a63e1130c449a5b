/**
 * The live session timer over a template's sections. Pure: the state is plain JSON (it survives a reload
 * through storage), every function takes `now` (epoch ms) and returns a new state, and all times are
 * computed from timestamps, never from ticks. A clock that jumps backwards never yields negative time:
 * a running stretch counts as 0 until the clock passes its start again, and the next transition (or
 * `syncClock`) restarts the stretch from the new `now`.
 */
import { z } from './zod';
import type { TemplateSection } from './model';

export interface TimerState {
  startedAt: number;
  sectionIds: string[];
  /** Planned time per section (0 = no timebox). */
  plannedMs: number[];
  currentIndex: number;
  /** Time spent per section, not counting the running stretch of the current one. */
  accumulatedMs: number[];
  /** When the current section's running stretch began; null while paused or finished. */
  runningSince: number | null;
  paused: boolean;
  doneIds: string[];
  skippedIds: string[];
  finished: boolean;
  finishedAt: number | null;
}

export type SectionStatus = 'done' | 'skipped' | 'current' | 'upcoming';
export type Overtime = 'none' | 'soon' | 'over';

export interface TimerView {
  currentIndex: number;
  currentId: string;
  elapsedMs: number;
  plannedMs: number;
  /** planned − elapsed (negative when over); null when the section has no timebox. */
  remainingMs: number | null;
  overtime: Overtime;
  totalElapsedMs: number;
  totalPlannedMs: number;
  paused: boolean;
  finished: boolean;
  /** Leaving the current section (next or skip) finishes: every other section is done or skipped. */
  nextFinishes: boolean;
  sections: { id: string; status: SectionStatus; elapsedMs: number; plannedMs: number }[];
}

const MINUTE = 60_000;
/** "Soon" starts in the last 20 % of a timebox or its last minute, whichever is shorter. */
const SOON_SHARE = 0.2;

const Ms = z.number().nonnegative();
/** As long as an id may be (model.ts MAX_ID): a section id is one. */
const SectionIdSchema = z.string().max(512);
export const TimerStateSchema = z
  .strictObject({
    startedAt: Ms,
    // Bounded like a template's sections (a tampered file must not store megabytes in a timer).
    sectionIds: z.array(SectionIdSchema.min(1)).min(1).max(100),
    plannedMs: z.array(Ms).max(100),
    currentIndex: z.number().int().nonnegative(),
    accumulatedMs: z.array(Ms).max(100),
    runningSince: Ms.nullable(),
    paused: z.boolean(),
    doneIds: z.array(SectionIdSchema).max(100),
    skippedIds: z.array(SectionIdSchema).max(100),
    finished: z.boolean(),
    finishedAt: Ms.nullable(),
  })
  .refine(
    (s) =>
      s.plannedMs.length === s.sectionIds.length &&
      s.accumulatedMs.length === s.sectionIds.length &&
      s.currentIndex < s.sectionIds.length &&
      new Set(s.sectionIds).size === s.sectionIds.length,
    'inconsistent timer state',
  );

/** A stored state (e.g. after a reload), checked; null when it is not a valid timer state. */
export function parseTimerState(value: unknown): TimerState | null {
  const parsed = TimerStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function startTimer(
  sectionIds: readonly string[],
  minutes: readonly number[],
  now: number,
): TimerState {
  if (sectionIds.length === 0) throw new RangeError('A session needs at least one section.');
  if (minutes.length !== sectionIds.length) throw new RangeError('Give planned minutes for every section.');
  if (new Set(sectionIds).size !== sectionIds.length) throw new RangeError('Section ids must be unique.');
  return {
    startedAt: now,
    sectionIds: [...sectionIds],
    plannedMs: minutes.map((m) => (Number.isFinite(m) && m > 0 ? Math.round(m * MINUTE) : 0)),
    currentIndex: 0,
    accumulatedMs: sectionIds.map(() => 0),
    runningSince: now,
    paused: false,
    doneIds: [],
    skippedIds: [],
    finished: false,
    finishedAt: null,
  };
}

/** The same, straight from a template's sections. */
export function startTimerForSections(
  sections: readonly Pick<TemplateSection, 'id' | 'minutes'>[],
  now: number,
): TimerState {
  return startTimer(
    sections.map((s) => s.id),
    sections.map((s) => s.minutes),
    now,
  );
}

const runningMs = (state: TimerState, now: number) =>
  state.runningSince === null ? 0 : Math.max(0, now - state.runningSince);

/** Folds the running stretch into the current section and restarts it at `now`. */
function settle(state: TimerState, now: number): TimerState {
  if (state.runningSince === null) return state;
  const accumulatedMs = [...state.accumulatedMs];
  accumulatedMs[state.currentIndex] = (accumulatedMs[state.currentIndex] ?? 0) + runningMs(state, now);
  return { ...state, accumulatedMs, runningSince: now };
}

/** Restarts the running stretch if the clock went backwards past its start (no time is lost or invented). */
export function syncClock(state: TimerState, now: number): TimerState {
  return state.runningSince !== null && now < state.runningSince ? { ...state, runningSince: now } : state;
}

const without = (ids: string[], id: string) => ids.filter((other) => other !== id);

function moveTo(state: TimerState, index: number, now: number): TimerState {
  return { ...state, currentIndex: index, runningSince: state.paused ? null : now };
}

/** The first section after `from` that is neither done nor skipped, wrapping round; -1 when none is left. */
function nextOpenIndex(state: TimerState, from: number): number {
  const count = state.sectionIds.length;
  for (let step = 1; step < count; step++) {
    const index = (from + step) % count;
    const id = state.sectionIds[index] ?? '';
    if (!state.doneIds.includes(id) && !state.skippedIds.includes(id)) return index;
  }
  return -1;
}

function leaveCurrent(state: TimerState, now: number, as: 'done' | 'skipped'): TimerState {
  if (state.finished) return state;
  const settled = settle(state, now);
  const id = settled.sectionIds[settled.currentIndex] ?? '';
  const marked: TimerState = {
    ...settled,
    doneIds: as === 'done' ? [...without(settled.doneIds, id), id] : without(settled.doneIds, id),
    skippedIds: as === 'skipped' ? [...without(settled.skippedIds, id), id] : without(settled.skippedIds, id),
  };
  const next = nextOpenIndex(marked, marked.currentIndex);
  return next === -1 ? finish(marked, now) : moveTo(marked, next, now);
}

/** Marks the current section done and moves to the next open one; finishes when none is left. */
export function nextSection(state: TimerState, now: number): TimerState {
  return leaveCurrent(state, now, 'done');
}

/** Marks the current section skipped (its time so far still counts) and moves on like `nextSection`. */
export function skipSection(state: TimerState, now: number): TimerState {
  return leaveCurrent(state, now, 'skipped');
}

/** Jumps to any section (e.g. back to an earlier one); the section left keeps its status. */
export function goToSection(state: TimerState, index: number, now: number): TimerState {
  if (!Number.isInteger(index) || index < 0 || index >= state.sectionIds.length) {
    throw new RangeError(`No section ${index}; there are ${state.sectionIds.length}.`);
  }
  if (state.finished || index === state.currentIndex) return state;
  return moveTo(settle(state, now), index, now);
}

export function previousSection(state: TimerState, now: number): TimerState {
  return goToSection(state, Math.max(0, state.currentIndex - 1), now);
}

export function pause(state: TimerState, now: number): TimerState {
  if (state.paused || state.finished) return state;
  return { ...settle(state, now), paused: true, runningSince: null };
}

export function resume(state: TimerState, now: number): TimerState {
  if (!state.paused || state.finished) return state;
  return { ...state, paused: false, runningSince: now };
}

/** Stops the clock; the current section counts as done unless it was skipped. */
export function finish(state: TimerState, now: number): TimerState {
  if (state.finished) return state;
  const settled = settle(state, now);
  const id = settled.sectionIds[settled.currentIndex] ?? '';
  const skipped = settled.skippedIds.includes(id);
  return {
    ...settled,
    doneIds: skipped ? settled.doneIds : [...without(settled.doneIds, id), id],
    runningSince: null,
    paused: false,
    finished: true,
    finishedAt: Math.max(now, settled.startedAt),
  };
}

/**
 * Runs a finished timer again from its current section (a call rejoined after it ended): time spent so far
 * is kept, the section in progress at the end is open again.
 */
export function reopen(state: TimerState, now: number): TimerState {
  if (!state.finished) return state;
  const id = state.sectionIds[state.currentIndex] ?? '';
  return {
    ...state,
    doneIds: without(state.doneIds, id),
    finished: false,
    finishedAt: null,
    paused: false,
    runningSince: now,
  };
}

function overtimeOf(elapsedMs: number, plannedMs: number): Overtime {
  if (plannedMs <= 0) return 'none';
  if (elapsedMs > plannedMs) return 'over';
  const soonWindow = Math.min(plannedMs * SOON_SHARE, MINUTE);
  return plannedMs - elapsedMs <= soonWindow ? 'soon' : 'none';
}

export function timerView(state: TimerState, now: number): TimerView {
  const running = runningMs(state, now);
  const sections = state.sectionIds.map((id, index) => {
    const elapsedMs = (state.accumulatedMs[index] ?? 0) + (index === state.currentIndex ? running : 0);
    const plannedMs = state.plannedMs[index] ?? 0;
    const status: SectionStatus =
      index === state.currentIndex && !state.finished
        ? 'current'
        : state.skippedIds.includes(id)
          ? 'skipped'
          : state.doneIds.includes(id)
            ? 'done'
            : 'upcoming';
    return { id, status, elapsedMs, plannedMs };
  });
  const current = sections[state.currentIndex] ?? { id: '', elapsedMs: 0, plannedMs: 0 };
  return {
    currentIndex: state.currentIndex,
    currentId: current.id,
    elapsedMs: current.elapsedMs,
    plannedMs: current.plannedMs,
    remainingMs: current.plannedMs > 0 ? current.plannedMs - current.elapsedMs : null,
    overtime: state.finished ? 'none' : overtimeOf(current.elapsedMs, current.plannedMs),
    totalElapsedMs: sections.reduce((sum, s) => sum + s.elapsedMs, 0),
    totalPlannedMs: sections.reduce((sum, s) => sum + s.plannedMs, 0),
    paused: state.paused,
    finished: state.finished,
    nextFinishes: !state.finished && nextOpenIndex(state, state.currentIndex) === -1,
    sections,
  };
}

/** "4:05", "1:02:03"; a negative duration (time over) as "+1:10". Whole seconds, rounded toward zero. */
export function formatClock(ms: number): string {
  const safe = Number.isFinite(ms) ? ms : 0;
  const totalSeconds = Math.floor(Math.abs(safe) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  const clock =
    hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
  return safe < 0 && totalSeconds > 0 ? `+${clock}` : clock;
}
