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
