import { describe, expect, it } from 'vitest';
import {
  type CallSignal,
  type CallState,
  type CallStateOptions,
  createCallStateMachine,
} from '@/lib/google/meet/call-state';
import { readCallState } from '@/lib/google/meet/read-call';
import { loadFixture } from '../../helpers/fixtures';

type Step = [ms: number, signal: CallSignal];

/** Feeds the steps and returns the state after each one. */
function run(steps: Step[], options?: CallStateOptions): CallState[] {
  const machine = createCallStateMachine(options);
  return steps.map(([ms, signal]) => machine.observe(signal, ms).state);
}

/** Signals every `every` ms from `from` for `count` observations. */
const series = (signal: CallSignal, from: number, count: number, every = 250): Step[] =>
  Array.from({ length: count }, (_, i) => [from + i * every, signal]);

describe('createCallStateMachine', () => {
  it('starts in pre-join and stays there on pre-join and unknown signals', () => {
    const machine = createCallStateMachine();
    expect(machine.state).toBe('prejoin');
    expect(machine.callIndex).toBe(0);
    expect(machine.observe('unknown', 0)).toEqual({ state: 'prejoin', changed: false, callIndex: 0 });
    expect(machine.observe('prejoin', 250)).toEqual({ state: 'prejoin', changed: false, callIndex: 0 });
  });

  it('enters the call on the first in-call signal by default', () => {
    const machine = createCallStateMachine();
    machine.observe('prejoin', 0);
    expect(machine.observe('in-call', 100)).toEqual({ state: 'in-call', changed: true, callIndex: 1 });
    expect(machine.observe('in-call', 200)).toEqual({ state: 'in-call', changed: false, callIndex: 1 });
  });

  it('with enterCallMs, the in-call signal must hold without interruption', () => {
    const options = { enterCallMs: 1000 };
    expect(
      run(
        [
          [0, 'in-call'],
          [500, 'in-call'],
          [999, 'in-call'],
          [1000, 'in-call'],
        ],
        options,
      ),
    ).toEqual(['prejoin', 'prejoin', 'prejoin', 'in-call']);
    // A flicker back to the lobby restarts the hold.
    expect(
      run(
        [
          [0, 'in-call'],
          [600, 'prejoin'],
          [900, 'in-call'],
          [1500, 'in-call'],
          [1900, 'in-call'],
        ],
        options,
      ),
    ).toEqual(['prejoin', 'prejoin', 'prejoin', 'prejoin', 'in-call']);
  });

  it('a brief absence of the in-call signal (toolbar re-render) does not end the call', () => {
    const states = run([
      [0, 'in-call'],
      [1000, 'unknown'],
      [1250, 'unknown'],
      [1500, 'prejoin'],
      [1750, 'unknown'],
      [2000, 'in-call'],
      [9000, 'in-call'],
    ]);
    expect(states.every((state) => state === 'in-call')).toBe(true);
  });

  it('leaving needs both the time (leaveCallMs) and several observations in a row (leaveMisses)', () => {
    // Many misses within 3 s: still in the call.
    const fast = [[0, 'in-call'] as Step, ...series('unknown', 100, 12, 250)];
    expect(run(fast).at(-1)).toBe('in-call');
    // 3 s passed but only two observations (e.g. a throttled background tab): still in the call.
    expect(
      run([
        [0, 'in-call'],
        [100, 'unknown'],
        [3100, 'unknown'],
      ]).at(-1),
    ).toBe('in-call');
    // The third miss after 3 s ends it.
    expect(
      run([
        [0, 'in-call'],
        [100, 'unknown'],
        [3100, 'unknown'],
        [3200, 'unknown'],
      ]),
    ).toEqual(['in-call', 'in-call', 'in-call', 'ended']);
  });

  it('the misses must be in a row: one in-call observation resets the count and the clock', () => {
    const states = run([
      [0, 'in-call'],
      [100, 'unknown'],
      [2000, 'unknown'],
      [2900, 'in-call'],
      [3100, 'unknown'],
      [3200, 'unknown'],
      [5000, 'unknown'],
      [6099, 'unknown'],
      [6100, 'unknown'],
    ]);
    expect(states).toEqual([
      'in-call',
      'in-call',
      'in-call',
      'in-call',
      'in-call',
      'in-call',
      'in-call',
      'in-call',
      'ended',
    ]);
  });

  it('the end screen ends the call at once and is trusted', () => {
    const machine = createCallStateMachine();
    machine.observe('in-call', 0);
    expect(machine.observe('ended', 50)).toEqual({ state: 'ended', changed: true, callIndex: 1 });
    expect(machine.observe('ended', 100)).toEqual({ state: 'ended', changed: false, callIndex: 1 });
  });

  it('pre-join never jumps to ended without a call (an end screen on load, a denied request)', () => {
    expect(
      run([
        [0, 'ended'],
        [100, 'ended'],
        [200, 'prejoin'],
        [300, 'unknown'],
      ]),
    ).toEqual(['prejoin', 'prejoin', 'prejoin', 'prejoin']);
  });

  it('ended never goes back to pre-join; the green room of a rejoin stays ended', () => {
    const states = run([
      [0, 'in-call'],
      [10, 'ended'],
      [20, 'prejoin'],
      [30, 'unknown'],
      [40, 'prejoin'],
    ]);
    expect(states).toEqual(['in-call', 'ended', 'ended', 'ended', 'ended']);
  });

  it('a rejoin is a new call', () => {
    const machine = createCallStateMachine();
    const updates = [
      machine.observe('prejoin', 0),
      machine.observe('in-call', 1000),
      machine.observe('ended', 60_000),
      machine.observe('prejoin', 61_000),
      machine.observe('in-call', 62_000),
      machine.observe('in-call', 62_500),
    ];
    expect(updates.map((u) => [u.state, u.changed, u.callIndex])).toEqual([
      ['prejoin', false, 0],
      ['in-call', true, 1],
      ['ended', true, 1],
      ['ended', false, 1],
      ['in-call', true, 2],
      ['in-call', false, 2],
    ]);
    expect(machine.callIndex).toBe(2);
  });

  it('a rejoin also needs enterCallMs, and a lost signal ends the second call too', () => {
    const options = { enterCallMs: 500, leaveCallMs: 1000, leaveMisses: 2 };
    const machine = createCallStateMachine(options);
    const states = (
      [
        [0, 'in-call'],
        [500, 'in-call'],
        [600, 'ended'],
        [700, 'in-call'],
        [1100, 'in-call'],
        [1200, 'in-call'],
        [1300, 'unknown'],
        [2300, 'unknown'],
      ] as Step[]
    ).map(([ms, signal]) => [machine.observe(signal, ms).state, machine.callIndex]);
    expect(states).toEqual([
      ['prejoin', 0],
      ['in-call', 1],
      ['ended', 1],
      ['ended', 1],
      ['ended', 1],
      ['in-call', 2],
      ['in-call', 2],
      ['ended', 2],
    ]);
  });

  it('time never runs backwards: a clock step back neither ends nor starts anything early', () => {
    const machine = createCallStateMachine({ enterCallMs: 1000 });
    machine.observe('in-call', 10_000);
    expect(machine.observe('in-call', 0).state).toBe('prejoin'); // still 0 ms held, not -10 s
    expect(machine.observe('in-call', 11_000).state).toBe('in-call');
    for (const ms of [11_100, 5_000, 5_100, NaN]) machine.observe('unknown', ms);
    expect(machine.state).toBe('in-call'); // four misses, but only 100 ms of real absence
    expect(machine.observe('unknown', 14_100).state).toBe('ended');
  });

  it('ignores negative and NaN options (defaults) and clamps leaveMisses to at least 1', () => {
    const machine = createCallStateMachine({ enterCallMs: -5, leaveCallMs: NaN, leaveMisses: 0 });
    expect(machine.observe('in-call', 0).state).toBe('in-call');
    for (const ms of [100, 200, 3000]) machine.observe('unknown', ms);
    expect(machine.state).toBe('in-call'); // 3 misses but 2.9 s < 3 s
    expect(machine.observe('unknown', 3100).state).toBe('ended');
  });

  it('with leaveMisses 1 and leaveCallMs 0, the first miss ends the call (no flicker tolerance)', () => {
    expect(
      run(
        [
          [0, 'in-call'],
          [1, 'unknown'],
        ],
        { leaveCallMs: 0, leaveMisses: 1 },
      ),
    ).toEqual(['in-call', 'ended']);
  });

  it('driven by the fixtures: lobby → call (with a flickering toolbar) → end screen → rejoin', () => {
    const call = loadFixture('meet-call.html');
    const flicker = loadFixture('meet-call.html');
    for (const tile of flicker.querySelectorAll('[data-participant-id], [data-self-name]')) tile.remove();
    const pages: [number, Document][] = [
      [0, loadFixture('meet-prejoin.html')],
      [5000, call],
      [6000, flicker],
      [6250, flicker],
      [6500, flicker],
      [6750, call],
      [60_000, loadFixture('meet-ended.html')],
      [61_000, loadFixture('meet-prejoin.html')],
      [70_000, loadFixture('meet-call-presenting.html')],
    ];
    const machine = createCallStateMachine();
    const seen = pages.map(([ms, page]) => {
      const update = machine.observe(readCallState(page), ms);
      return `${update.state}#${update.callIndex}`;
    });
    expect(seen).toEqual([
      'prejoin#0',
      'in-call#1',
      'in-call#1',
      'in-call#1',
      'in-call#1',
      'in-call#1',
      'ended#1',
      'ended#1',
      'in-call#2',
    ]);
  });
});
