/**
 * The Meet call state, pre-join → in call → ended, from a stream of per-observation signals
 * (`readCallState`). Pure and clock-free: the caller passes each observation's time, so tests are
 * deterministic and nothing keeps a timer. Rules (GOOGLE-DOM.md §2.3, §2.4, §3.7):
 * - entering the call needs the in-call signal (admitted: tiles / self marker), seen for `enterCallMs`
 *   without interruption (0: at once);
 * - leaving needs the in-call signal absent for `leaveCallMs` AND `leaveMisses` observations in a row,
 *   because the toolbar and tiles flicker during re-renders ("several consecutive misses", public code,
 *   ref 58057456855) — unless the end screen shows: that ends the call at once;
 * - never pre-join → ended without a call, never ended → pre-join (the green room after "Rejoin" stays
 *   ended until admitted again); in-call after ended is a new call (`callIndex` + 1).
 * Time-based leaving only advances when observed: a caller whose page went quiet must observe again
 * (a periodic backstop) for a missing signal to end the call.
 */
export type CallState = 'prejoin' | 'in-call' | 'ended';
export type CallSignal = 'prejoin' | 'in-call' | 'ended' | 'unknown';

export interface CallStateOptions {
  /** How long the in-call signal must hold before the call counts as entered (default 0: at once). */
  enterCallMs?: number;
  /** How long the in-call signal must be missing before the call counts as left (default 3000). */
  leaveCallMs?: number;
  /** And in how many observations in a row (default 3). */
  leaveMisses?: number;
}

export interface CallStateUpdate {
  state: CallState;
  /** The state differs from the one before this observation. */
  changed: boolean;
  /** 0 before the first call; 1 in (and after) the first call, 2 after a rejoin, … */
  callIndex: number;
}

export interface CallStateMachine {
  observe(signal: CallSignal, nowMs: number): CallStateUpdate;
  readonly state: CallState;
  readonly callIndex: number;
}

const nonNegative = (value: number | undefined, fallback: number) =>
  value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;

export function createCallStateMachine(options: CallStateOptions = {}): CallStateMachine {
  const enterCallMs = nonNegative(options.enterCallMs, 0);
  const leaveCallMs = nonNegative(options.leaveCallMs, 3000);
  const leaveMisses = Math.max(1, Math.floor(nonNegative(options.leaveMisses, 3)));

  let state: CallState = 'prejoin';
  let callIndex = 0;
  let clock = Number.NEGATIVE_INFINITY;
  /** When the in-call signal started (pending entry), or null. */
  let seenSince: number | null = null;
  /** When the in-call signal went missing in the call, and how many observations since. */
  let missingSince: number | null = null;
  let misses = 0;

  const observe = (signal: CallSignal, nowMs: number): CallStateUpdate => {
    // Time never runs backwards here (a clock adjustment must not end or start a call early).
    if (Number.isFinite(nowMs)) clock = Math.max(clock, nowMs);
    const now = Number.isFinite(clock) ? clock : 0;
    const before = state;

    if (state === 'in-call') {
      if (signal === 'in-call') {
        missingSince = null;
        misses = 0;
      } else if (signal === 'ended') {
        state = 'ended';
      } else {
        missingSince ??= now;
        misses += 1;
        if (misses >= leaveMisses && now - missingSince >= leaveCallMs) state = 'ended';
      }
    } else if (signal === 'in-call') {
      seenSince ??= now;
      if (now - seenSince >= enterCallMs) {
        state = 'in-call';
        callIndex += 1;
      }
    } else {
      seenSince = null; // an interrupted entry starts over; 'ended' in pre-join is ignored
    }

    const changed = state !== before;
    if (changed) {
      seenSince = null;
      missingSince = null;
      misses = 0;
    }
    return { state, changed, callIndex };
  };

  return {
    observe,
    get state() {
      return state;
    },
    get callIndex() {
      return callIndex;
    },
  };
}
