import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isBadge, renderBadge } from '@/lib/content/badges';
import { observeDebounced } from '@/lib/content/observe';

const DELAY = 150;

/** MutationObserver callbacks are microtasks; timers are faked. */
const flushMutations = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

let root: HTMLElement;
let controller: AbortController;

function start(options: { ignore?: (node: Node) => boolean } = {}) {
  const onChange = vi.fn();
  observeDebounced({ root, delayMs: DELAY, onChange, signal: controller.signal, ...options });
  return onChange;
}

function append(parent: Node = root, tag = 'div'): HTMLElement {
  const el = document.createElement(tag);
  parent.appendChild(el);
  return el;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  root = document.createElement('div');
  document.body.append(root);
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('observeDebounced', () => {
  it('turns many mutations into one callback after the delay', async () => {
    const onChange = start();
    for (let i = 0; i < 200; i++) append();
    await flushMutations();
    expect(onChange).not.toHaveBeenCalled();

    vi.advanceTimersByTime(DELAY - 1);
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onChange).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(DELAY * 10);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('calls at most once per delay, even while mutations keep coming', async () => {
    const onChange = start();
    for (let t = 0; t < DELAY * 3; t += 10) {
      append();
      await flushMutations();
      vi.advanceTimersByTime(10);
    }
    // 450 ms of constant churn → one call per 150 ms window, not one per mutation and not zero.
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('does nothing without mutations', async () => {
    const onChange = start();
    await flushMutations();
    vi.advanceTimersByTime(DELAY * 5);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('sees removals, deep additions and text changes', async () => {
    const child = append();
    const deep = append(append(append()));
    const text = document.createTextNode('a');
    append().append(text);
    const onChange = start();

    for (const mutate of [() => child.remove(), () => append(deep), () => (text.data = 'b')]) {
      mutate();
      await flushMutations();
      vi.advanceTimersByTime(DELAY);
    }
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('ignores attribute-only changes (Calendar restyles chips constantly)', async () => {
    const child = append();
    const onChange = start();
    child.setAttribute('style', 'top: 10px');
    child.className = 'x';
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('does not observe outside its root', async () => {
    const onChange = start();
    append(document.body);
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('observeDebounced abort', () => {
  it('stops observing after abort', async () => {
    const onChange = start();
    controller.abort();
    append();
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('cancels a pending callback on abort', async () => {
    const onChange = start();
    append();
    await flushMutations();
    vi.advanceTimersByTime(DELAY / 2);
    controller.abort();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('disconnects its MutationObserver on abort', () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    start();
    expect(disconnect).not.toHaveBeenCalled();
    controller.abort();
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it('leaves nothing running when started with an already-aborted signal', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    controller.abort();
    const onChange = start();
    for (let i = 0; i < 10; i++) append();
    await flushMutations();
    expect(onChange).not.toHaveBeenCalled();
    // Either never observe, or disconnect at once: no observer or timer may outlive the aborted feature.
    expect(observe.mock.calls.length - disconnect.mock.calls.length).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('observeDebounced ignore', () => {
  const isIgnored = (node: Node) => node instanceof Element && node.hasAttribute('data-ignored');

  function ignoredElement(): HTMLElement {
    const el = document.createElement('span');
    el.setAttribute('data-ignored', '');
    return el;
  }

  it('adding and removing only ignored nodes does not trigger', async () => {
    const host = append();
    const onChange = start({ ignore: isIgnored });
    const a = ignoredElement();
    const b = ignoredElement();
    host.append(a, b);
    a.remove();
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('a batch mixing ignored and real changes triggers once', async () => {
    const onChange = start({ ignore: isIgnored });
    root.append(ignoredElement());
    append();
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('text changes inside a non-ignored node still trigger', async () => {
    const text = document.createTextNode('a');
    append().append(text);
    const onChange = start({ ignore: isIgnored });
    text.data = 'b';
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('drawing and updating Duet badges (ignore: isBadge) does not trigger a rescan', async () => {
    const chip = append();
    chip.setAttribute('data-eventid', 'YWJj');
    const onChange = start({ ignore: isBadge });
    const badge = {
      dataEventId: 'YWJj',
      kind: 'one-on-one',
      confidence: 'likely',
      openAgreements: 0,
    } as const;
    renderBadge(chip, badge, () => {});
    renderBadge(chip, { ...badge, openAgreements: 3 }, () => {});
    renderBadge(chip, { ...badge, openAgreements: 120 }, () => {});
    renderBadge(chip, { ...badge, openAgreements: 0 }, () => {});
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removing a Duet badge does not trigger a rescan', async () => {
    const chip = append();
    renderBadge(
      chip,
      { dataEventId: 'YWJj', kind: 'peer', confidence: 'likely', openAgreements: 2 },
      () => {},
    );
    await flushMutations();
    const onChange = start({ ignore: isBadge });
    chip.querySelector('[data-duet-badge]')!.remove();
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('observeDebounced onRecords', () => {
  it('passes each batch of records on, and schedules only when it says something changed', async () => {
    const batches: MutationRecord[][] = [];
    let relevant = false;
    const onChange = vi.fn();
    observeDebounced({
      root,
      delayMs: DELAY,
      onChange,
      signal: controller.signal,
      onRecords: (records) => {
        batches.push([...records]);
        return relevant;
      },
    });
    const added = append();
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(batches).toHaveLength(1);
    expect(batches[0]![0]!.addedNodes[0]).toBe(added);
    expect(onChange).not.toHaveBeenCalled();

    relevant = true;
    append();
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('runs ignore first: records only about ignored nodes never reach onRecords', async () => {
    const onRecords = vi.fn(() => true);
    const isIgnored = (node: Node) => node instanceof Element && node.hasAttribute('data-ignored');
    observeDebounced({
      root,
      delayMs: DELAY,
      onChange: () => {},
      signal: controller.signal,
      ignore: isIgnored,
      onRecords,
    });
    const ignored = document.createElement('span');
    ignored.setAttribute('data-ignored', '');
    root.append(ignored);
    await flushMutations();
    expect(onRecords).not.toHaveBeenCalled();
  });
});

describe('observeDebounced unobserved', () => {
  it('hands the records queued so far on first, then writes without recording or scheduling', async () => {
    const batches: MutationRecord[][] = [];
    const onChange = vi.fn();
    const observation = observeDebounced({
      root,
      delayMs: DELAY,
      onChange,
      signal: controller.signal,
      onRecords: (records) => {
        batches.push([...records]);
        return true;
      },
    });
    const theirs = append();
    const result = observation.unobserved(() => {
      // Calendar's record arrived before this ran: it was handed on already.
      expect(batches.flat().map((r) => r.addedNodes[0])).toEqual([theirs]);
      for (let i = 0; i < 5; i++) append(theirs, 'span');
      theirs.textContent = 'ours';
      return 42;
    });
    expect(result).toBe(42);
    await flushMutations();
    expect(batches).toHaveLength(1);

    // Still observing afterwards.
    append();
    await flushMutations();
    expect(batches).toHaveLength(2);
    vi.advanceTimersByTime(DELAY);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('returns what write returns and rethrows, observing again either way', async () => {
    const onChange = vi.fn();
    const observation = observeDebounced({ root, delayMs: DELAY, onChange, signal: controller.signal });
    expect(() =>
      observation.unobserved(() => {
        append();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).not.toHaveBeenCalled();
    append();
    await flushMutations();
    vi.advanceTimersByTime(DELAY);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('after abort just runs the write (nothing observes any more)', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const observation = observeDebounced({
      root,
      delayMs: DELAY,
      onChange: () => {},
      signal: controller.signal,
    });
    controller.abort();
    const calls = observe.mock.calls.length;
    expect(observation.unobserved(() => 'done')).toBe('done');
    expect(observe.mock.calls.length).toBe(calls);
  });
});
