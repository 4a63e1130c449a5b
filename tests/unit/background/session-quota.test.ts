/**
 * `storage.session` is 10 MB for the whole extension (popover reads, tab contexts, frame tokens): a forged
 * stream of popover reads must not fill it, and a write it refuses must never keep an update from the panel.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DetailsCache, EVENT_DETAILS_KEY } from '@/lib/background/calendar';
import { TabContexts } from '@/lib/background/tab-contexts';
import type { EventDetails } from '@/lib/google/calendar/model';
import type { PanelContext } from '@/lib/messaging/protocol';
import { backgroundHarness, fixtureEvent, mapSessionArea } from '../helpers/background';

const KEPT_CAP = 512 * 1024;

/** The largest read the protocol lets a page send: 500 guests, every field at its longest, in 3-byte UTF-8. */
function largestRead(n: number): EventDetails {
  const id = `ev${n}-`.padEnd(512, 'x');
  return {
    dataEventId: id,
    title: '会'.repeat(1024),
    guests: Array.from({ length: 500 }, (_, i) => ({
      email: `${i}`.padEnd(300, '名') + '@acme.example',
      name: `${i}`.padEnd(300, '名'),
      organizer: false,
      kind: 'person' as const,
      response: 'accepted' as const,
    })),
    guestCount: 500,
    meetCode: 'abc-defg-hij',
    recurrence: '週'.repeat(300),
  };
}

const quotaExceeded = () => Promise.reject(new Error('Session storage quota bytes exceeded'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DetailsCache under a flood of the largest reads', () => {
  it('keeps storage.session under its cap, the newest read kept', async () => {
    const area = mapSessionArea();
    const cache = new DetailsCache(500, area);
    await cache.ready();
    for (let n = 0; n < 100; n++) cache.set(largestRead(n));
    await vi.waitFor(() => expect(area.set).toHaveBeenCalledTimes(100));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const kept = area.items.get(EVENT_DETAILS_KEY) as EventDetails[];
    const json = JSON.stringify(kept);
    expect(json.length).toBeLessThanOrEqual(KEPT_CAP);
    expect(new TextEncoder().encode(json).length).toBeLessThan(2 * 1024 * 1024);
    expect(kept.at(-1)!.dataEventId).toBe(largestRead(99).dataEventId);
    expect(cache.get(largestRead(99).dataEventId)).toBeDefined();
    // A woken worker reads the newest back.
    const woken = new DetailsCache(500, area);
    await woken.ready();
    expect(woken.get(largestRead(99).dataEventId)?.meetCode).toBe('abc-defg-hij');
  });

  it('keeps its memory bounded too: the oldest go first', () => {
    const cache = new DetailsCache();
    for (let n = 0; n < 100; n++) cache.set(largestRead(n));
    expect(cache.get(largestRead(0).dataEventId)).toBeUndefined();
    expect(cache.get(largestRead(99).dataEventId)?.guests).toHaveLength(500);
  });

  it('shortens what it keeps of a guest: no address is over 254 characters, a name is cut at 200', () => {
    const cache = new DetailsCache();
    cache.set(largestRead(1));
    const [first] = cache.get(largestRead(1).dataEventId)!.guests!;
    expect(first!.email).toBeNull();
    expect(first!.name).toHaveLength(200);
    const real = {
      ...largestRead(2),
      guests: [{ ...largestRead(2).guests![0]!, email: 'bob@acme.example' }],
    };
    cache.set(real);
    expect(cache.get(real.dataEventId)!.guests).toEqual([
      { ...real.guests[0], name: real.guests[0]!.name.slice(0, 200) },
    ]);
  });
});

describe('a storage.session write refused (quota exceeded)', () => {
  const meetCall = (presenting: boolean) => ({
    kind: 'meet/call-seen' as const,
    meetingCode: 'abc-defg-hij',
    title: 'Bob / Alice',
    state: 'in-call' as const,
    presenting,
    others: ['Bob Jones'],
  });
  const meetCtx = { sender: 'meet-content', tabId: 3 } as const;

  it('still hands the panel the new context: presenting:true reaches it, and nothing private is logged', async () => {
    const harness = backgroundHarness();
    const logged = [
      vi.spyOn(console, 'error').mockImplementation(() => undefined),
      vi.spyOn(console, 'warn').mockImplementation(() => undefined),
      vi.spyOn(console, 'log').mockImplementation(() => undefined),
    ];
    await harness.handlers['meet/call-seen'](meetCall(false), meetCtx);
    harness.area.set.mockImplementation(quotaExceeded);
    await expect(harness.handlers['meet/call-seen'](meetCall(true), meetCtx)).resolves.toBeDefined();
    expect(harness.pushContext).toHaveBeenLastCalledWith(3, expect.objectContaining({ presenting: true }));
    // This worker answers with what it pushed, not the stale stored one.
    expect(await harness.tabContexts.get(3)).toMatchObject({ presenting: true });
    // A woken worker finds no stale "not presenting" either.
    expect(await new TabContexts(harness.area).get(3)).toBeNull();
    const printed = JSON.stringify(logged.flatMap((spy) => spy.mock.calls));
    expect(printed).not.toContain('Bob');
    expect(printed).not.toContain('Alice');
  });

  it('pushes the context even when the tab contexts themselves fail to remember it', async () => {
    const harness = backgroundHarness();
    vi.spyOn(harness.tabContexts, 'set').mockImplementation(quotaExceeded);
    vi.spyOn(harness.tabContexts, 'setFrameToken').mockImplementation(quotaExceeded);
    await expect(harness.handlers['meet/call-seen'](meetCall(true), meetCtx)).resolves.toBeDefined();
    expect(harness.pushContext).toHaveBeenLastCalledWith(3, expect.objectContaining({ presenting: true }));
    await expect(
      harness.handlers['panel/frame-opened']({ kind: 'panel/frame-opened', token: 'b'.repeat(32) }, meetCtx),
    ).resolves.toEqual({ ok: true });
  });

  it('a selected Calendar event reaches the panel, and a frame opened then is still told the tab', async () => {
    const harness = backgroundHarness();
    harness.area.set.mockImplementation(quotaExceeded);
    await expect(
      harness.handlers['calendar/select-event'](
        { kind: 'calendar/select-event', event: fixtureEvent('Alice / Bob') },
        { sender: 'calendar-content', tabId: 5 },
      ),
    ).resolves.toEqual({ ok: true });
    const pushed = harness.pushContext.mock.calls.at(-1)!;
    expect(pushed[0]).toBe(5);
    expect(pushed[1]).toMatchObject({ surface: 'calendar', title: 'Alice / Bob' });
    const token = '11111111111111111111111111111111';
    await expect(
      harness.handlers['panel/frame-opened'](
        { kind: 'panel/frame-opened', token },
        { sender: 'calendar-content', tabId: 5 },
      ),
    ).resolves.toEqual({ ok: true });
    const answer = await harness.handlers['panel/get-context'](
      { kind: 'panel/get-context', frameToken: token },
      { sender: 'extension-page', tabId: 5, page: 'panel.html' },
    );
    expect(answer.context).toEqual(pushed[1] as PanelContext);
  });

  it('a tab closed is forgotten in memory too', async () => {
    const area = mapSessionArea();
    const contexts = new TabContexts(area);
    area.set.mockImplementation(quotaExceeded);
    await contexts.setFrameToken(4, 'a'.repeat(32));
    expect(await contexts.frameAllowed(4, 'a'.repeat(32))).toBe(true);
    await contexts.clear(4);
    expect(await contexts.frameAllowed(4, 'a'.repeat(32))).toBe(false);
  });
});
