/**
 * The panel port: a frame the background refuses (no token, or a token it does not know) must not reconnect
 * four times a second forever (each connect wakes the service worker); a frame it knows reconnects quickly
 * after the worker stops.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RETRY_MIN_MS, usePanelContext } from '@/components/panel/use-panel-context';
import { useRenderContainer } from '../../helpers/dom-container';

const TOKEN = 'a'.repeat(32);
const container = useRenderContainer();
const start = location.href;

interface FakePort {
  name: string;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  disconnect(): void;
}

/** Ports the panel opens; `accept` says whether the "background" pushes a context before dropping it. */
function fakePorts(accept: () => boolean) {
  const opened: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info?: { name?: string }) => {
    const messages: ((message: unknown) => void)[] = [];
    const drops: (() => void)[] = [];
    const port: FakePort = {
      name: info?.name ?? '',
      onMessage: { addListener: (fn) => void messages.push(fn) },
      onDisconnect: { addListener: (fn) => void drops.push(fn) },
      disconnect: () => undefined,
    };
    opened.push(port.name);
    // The background answers right after the connect: a push then (worker stops later) a drop, or a drop.
    setTimeout(() => {
      if (accept()) for (const fn of messages) fn({ kind: 'panel/context', context: null });
      for (const fn of drops) fn();
    }, 0);
    return port;
  }) as never);
  return opened;
}

function Probe() {
  usePanelContext();
  return null;
}

beforeEach(() => {
  vi.useFakeTimers();
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: { context: null } }));
});
afterEach(() => {
  vi.useRealTimers();
  history.replaceState(null, '', start);
});

async function mount(hash: string) {
  history.replaceState(null, '', `/panel.html${hash}`);
  await act(() => {
    render(<Probe />, container());
  });
}

describe('usePanelContext: the panel port', () => {
  it('a frame without a token never connects (the background would refuse it)', async () => {
    const opened = fakePorts(() => false);
    await mount('');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(opened).toEqual([]);
  });

  it('a refused frame backs off: a handful of connects a minute, not four a second', async () => {
    const opened = fakePorts(() => false);
    await mount(`#${TOKEN}`);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(opened.length).toBeGreaterThan(3);
    expect(opened.length).toBeLessThanOrEqual(10);
  });

  it('a frame the background knows reconnects at once each time the worker drops it', async () => {
    const opened = fakePorts(() => true);
    await mount(`#${TOKEN}`);
    await vi.advanceTimersByTimeAsync(10 * (RETRY_MIN_MS + 1));
    expect(opened.length).toBeGreaterThanOrEqual(10);
    expect(new Set(opened)).toEqual(new Set([`duet-panel#${TOKEN}`]));
  });
});

describe('usePanelContext: the first read and the pushes', () => {
  it('an answer to the first read that arrives after a push does not put the older context back', async () => {
    const callIn = (state: string) => ({
      surface: 'meet',
      meetingCode: 'abc-defg-hij',
      title: 'Alice / Bob',
      state,
      presenting: false,
      others: [],
      link: null,
      trackable: null,
    });
    // The first read is answered late, with the context as it was (in the call)…
    let answer: (value: unknown) => void = () => {};
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener(
      () =>
        new Promise(
          (resolve) => (answer = () => resolve({ ok: true, data: { context: callIn('in-call') } })),
        ),
    );
    // …after the port pushed the newer one (the call ended).
    const pushes: ((message: unknown) => void)[] = [];
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((() => ({
      name: '',
      onMessage: { addListener: (fn: (message: unknown) => void) => void pushes.push(fn) },
      onDisconnect: { addListener: () => undefined },
      disconnect: () => undefined,
    })) as never);
    const seen: unknown[] = [];
    function Shows() {
      const state = usePanelContext();
      seen.push(
        state.status === 'ready' ? (state.context as { state?: string } | null)?.state : state.status,
      );
      return null;
    }
    history.replaceState(null, '', `/panel.html#${TOKEN}`);
    await act(() => {
      render(<Shows />, container());
    });
    await act(() => {
      for (const push of pushes) push({ kind: 'panel/context', context: callIn('ended') });
    });
    await act(async () => {
      answer(undefined);
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(seen.at(-1)).toBe('ended');
  });
});
