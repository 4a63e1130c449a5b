/** The background's judgement of a Meet call: context for the panel and what the page shows. */
import { describe, expect, it, vi } from 'vitest';
import { judgeCall, LEFT_AFTER_MS, meetTabClosed, meetTabNavigated, showFor } from '@/lib/background/meet';
import { extensionPageOf } from '@/lib/background/router';
import { ignoredCallKey } from '@/lib/domain/meet-link';
import { backgroundHarness, fakeMeetDeps, linkCandidate, SELF } from '../helpers/background';

const CODE = 'abc-defg-hij';
const seen = (overrides: Record<string, unknown> = {}) => ({
  kind: 'meet/call-seen' as const,
  meetingCode: CODE,
  title: 'Alice / Bob',
  state: 'in-call' as const,
  presenting: false,
  others: ['Bob Jones'],
  ...overrides,
});
const meetCtx = (tabId: number | null) => ({ sender: 'meet-content' as const, tabId });
const pageCtx = (tabId: number | null) => ({ sender: 'extension-page' as const, tabId });
const BOB = linkCandidate('r-bob', ['Bob Jones'], { title: 'Alice / Bob' });

describe('showFor', () => {
  const linked = { kind: 'linked', relationshipId: 'r', via: 'title' } as const;
  it.each([
    ['prejoin', linked, 'open', 'hidden'],
    ['unknown', linked, 'open', 'hidden'],
    ['in-call', linked, 'open', 'open'],
    ['in-call', linked, 'collapsed', 'collapsed'],
    ['in-call', { kind: 'trackable', name: 'Dana' }, 'open', 'collapsed'],
    ['in-call', { kind: 'none' }, 'open', 'hidden'],
    ['ended', linked, 'collapsed', 'open'],
    ['ended', { kind: 'trackable', name: 'Dana' }, 'open', 'hidden'],
  ] as const)('%s + %j (preference %s) → %s', (state, link, preference, show) => {
    expect(showFor(state, link, preference)).toBe(show);
  });
});

/** A Meet tab's context: in a call linked to Bob's 1:1 by its title, unless changed. */
const inCall = (changes: Record<string, unknown> = {}) => ({
  surface: 'meet' as const,
  meetingCode: CODE,
  title: 'Alice / Bob',
  state: 'in-call' as const,
  presenting: false,
  others: ['Bob Jones'],
  link: { relationshipId: 'r-bob', via: 'title' as const },
  trackable: null,
  ...changes,
});

describe('meetTabClosed', () => {
  const context = inCall;

  it('ends the linked call a tab was in when the tab closes', async () => {
    const ended: string[][] = [];
    const done = await meetTabClosed(context(), [null], async (r, code) => void ended.push([r, code]));
    expect(done).toBe(true);
    expect(ended).toEqual([['r-bob', CODE]]);
  });

  it('leaves it running while another tab is still in that call', async () => {
    const ended: string[][] = [];
    await meetTabClosed(context(), [context({ link: null })], async (r, c) => void ended.push([r, c]));
    expect(ended).toEqual([]);
  });

  it('does nothing for a tab before or after a call, an unlinked call, or a Calendar tab', async () => {
    const ended: string[][] = [];
    const end = async (r: string, c: string) => void ended.push([r, c]);
    await meetTabClosed(context({ state: 'pre-join' }), [], end);
    await meetTabClosed(context({ state: 'ended' }), [], end);
    await meetTabClosed(context({ link: null }), [], end);
    await meetTabClosed(null, [], end);
    expect(ended).toEqual([]);
    // Another tab in a different call does not keep this one going.
    await meetTabClosed(context(), [context({ meetingCode: 'xyz-abcd-efg' })], end);
    expect(ended).toEqual([['r-bob', CODE]]);
  });
});

describe('judgeCall', () => {
  it('links by title and carries presenting and the others', async () => {
    const deps = fakeMeetDeps({ candidates: [BOB] });
    const { kind: _k, ...call } = seen({ presenting: true });
    const { context, show } = await judgeCall(call, deps);
    expect(context).toEqual({
      surface: 'meet',
      meetingCode: CODE,
      title: 'Alice / Bob',
      state: 'in-call',
      presenting: true,
      others: ['Bob Jones'],
      // Bob was seen in the call: a later absence is a reconnect.
      link: { relationshipId: 'r-bob', via: 'title', seen: true },
      trackable: null,
    });
    expect(show).toBe('open');
  });

  it('respects "Not a 1:1" for this call', async () => {
    const deps = fakeMeetDeps({ candidates: [BOB], ignoredSeries: [ignoredCallKey(CODE)] });
    const { kind: _k, ...call } = seen();
    expect(await judgeCall(call, deps)).toMatchObject({
      context: { link: null, trackable: null },
      show: 'hidden',
    });
  });
});

describe('handlers: meet/call-seen and meet/call-linked', () => {
  it('pre-join: the context is stored but nothing is shown', async () => {
    const harness = backgroundHarness({}, { meet: { candidates: [BOB] } });
    expect(await harness.handlers['meet/call-seen'](seen({ state: 'prejoin' }), meetCtx(4))).toEqual({
      show: 'hidden',
    });
    expect(await harness.tabContexts.get(4)).toMatchObject({ surface: 'meet', state: 'prejoin' });
  });

  it('the end of a linked call ends its live session; an unlinked one does not', async () => {
    const harness = backgroundHarness({}, { meet: { candidates: [BOB] } });
    expect(await harness.handlers['meet/call-seen'](seen({ state: 'ended' }), meetCtx(4))).toEqual({
      show: 'open',
    });
    expect(harness.meet.callEnded).toHaveBeenCalledWith('r-bob', CODE);
    harness.meet.callEnded.mockClear();
    await harness.handlers['meet/call-seen'](seen({ state: 'ended', title: '', others: [] }), meetCtx(5));
    expect(harness.meet.callEnded).not.toHaveBeenCalled();
  });

  it('the same call in two tabs: one tab ending it leaves the 1:1 going on in the other', async () => {
    const harness = backgroundHarness({}, { meet: { candidates: [BOB] } });
    await harness.handlers['meet/call-seen'](seen(), meetCtx(4));
    await harness.handlers['meet/call-seen'](seen(), meetCtx(5));
    await harness.handlers['meet/call-seen'](seen({ state: 'ended' }), meetCtx(4));
    expect(harness.meet.callEnded).not.toHaveBeenCalled();
    // Its panel is told, so it does not end the session either.
    expect(await harness.tabContexts.get(4)).toMatchObject({ state: 'ended', goesOnElsewhere: true });
    // The other tab ends it too: now it is over.
    await harness.handlers['meet/call-seen'](seen({ state: 'ended' }), meetCtx(5));
    expect(harness.meet.callEnded).toHaveBeenCalledWith('r-bob', CODE);
    expect(await harness.tabContexts.get(5)).not.toHaveProperty('goesOnElsewhere');
  });

  it('a call left without the end screen ends: the tab moved to another meeting, or its page reloaded', async () => {
    const harness = backgroundHarness({}, { meet: { candidates: [BOB] } });
    await harness.handlers['meet/call-seen'](seen(), meetCtx(4));
    await harness.handlers['meet/call-seen'](
      seen({ meetingCode: 'xyz-wxyz-xyz', state: 'prejoin', title: 'Planning', others: [] }),
      meetCtx(4),
    );
    expect(harness.meet.callEnded).toHaveBeenCalledWith('r-bob', CODE);
    harness.meet.callEnded.mockClear();
    // Back in a call with Bob, then the page loads again: the green room of the same meeting.
    await harness.handlers['meet/call-seen'](seen(), meetCtx(4));
    await harness.handlers['meet/call-seen'](seen({ state: 'prejoin', others: [] }), meetCtx(4));
    expect(harness.meet.callEnded).toHaveBeenCalledWith('r-bob', CODE);
    harness.meet.callEnded.mockClear();
    // Not while another tab is still in that call.
    await harness.handlers['meet/call-seen'](seen(), meetCtx(4));
    await harness.handlers['meet/call-seen'](seen(), meetCtx(5));
    await harness.handlers['meet/call-seen'](seen({ state: 'prejoin', others: [] }), meetCtx(4));
    expect(harness.meet.callEnded).not.toHaveBeenCalled();
  });

  it('a failing session end does not fail the report', async () => {
    const harness = backgroundHarness({}, { meet: { candidates: [BOB] } });
    harness.meet.callEnded.mockRejectedValueOnce(new Error('quota'));
    expect(await harness.handlers['meet/call-seen'](seen({ state: 'ended' }), meetCtx(4))).toEqual({
      show: 'open',
    });
  });

  it("call-linked re-judges the tab's own call and pushes it", async () => {
    const harness = backgroundHarness({}, { meet: { candidates: [] } });
    await harness.handlers['meet/call-seen'](seen({ title: '' }), meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: null, trackable: 'Bob Jones' });
    // The panel tracked Bob (the database now has him): the same call now links.
    harness.meet.candidates.mockResolvedValue([linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE] })]);
    harness.pushContext.mockClear();
    expect(
      await harness.handlers['meet/call-linked']({ kind: 'meet/call-linked', meetingCode: CODE }, pageCtx(4)),
    ).toEqual({
      ok: true,
    });
    expect(harness.pushContext).toHaveBeenCalledWith(
      4,
      expect.objectContaining({
        link: { relationshipId: 'r-bob', via: 'meet-code', chosen: true, seen: true },
      }),
    );
  });

  it('call-linked away from the 1:1 the call was linked to lets go of that 1:1’s session; to the same one, not', async () => {
    const harness = backgroundHarness({}, { meet: { candidates: [BOB] } });
    await harness.handlers['meet/call-seen'](seen(), meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-bob' } });
    // The panel linked the call to the Bob & Carol 2-1 (the database now says so): re-judged, it is theirs.
    harness.meet.candidates.mockResolvedValue([
      BOB,
      linkCandidate('r-pair', ['Bob Jones', 'Carol Diaz'], { kind: 'two-on-one', meetCodes: [CODE] }),
    ]);
    await harness.handlers['meet/call-linked']({ kind: 'meet/call-linked', meetingCode: CODE }, pageCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-pair' } });
    expect(harness.meet.callReleased).toHaveBeenCalledWith('r-bob', CODE);
    harness.meet.callReleased.mockClear();
    await harness.handlers['meet/call-linked']({ kind: 'meet/call-linked', meetingCode: CODE }, pageCtx(4));
    expect(harness.meet.callReleased).not.toHaveBeenCalled();
  });

  it('call-linked from the browser side panel (in no tab) re-judges the tab it shows; a framed panel only its own', async () => {
    const harness = backgroundHarness({}, { meet: { candidates: [] } });
    await harness.handlers['meet/call-seen'](seen({ title: '' }), meetCtx(7));
    await harness.handlers['meet/call-seen'](seen({ title: '' }), meetCtx(8));
    harness.meet.candidates.mockResolvedValue([linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE] })]);
    const sidePanel = { sender: 'extension-page' as const, tabId: null, page: 'sidepanel.html' };
    expect(
      await harness.handlers['meet/call-linked'](
        { kind: 'meet/call-linked', meetingCode: CODE, tabId: 7 },
        sidePanel,
      ),
    ).toEqual({ ok: true });
    expect(await harness.tabContexts.get(7)).toMatchObject({
      link: { relationshipId: 'r-bob', chosen: true },
    });
    // A panel framed in tab 8 cannot re-judge tab 7's call by naming it: its own tab's is re-judged.
    harness.meet.candidates.mockResolvedValue([linkCandidate('r-sam', ['Bob Jones'], { meetCodes: [CODE] })]);
    await harness.handlers['meet/call-linked'](
      { kind: 'meet/call-linked', meetingCode: CODE, tabId: 7 },
      { sender: 'extension-page' as const, tabId: 8, page: 'panel.html' },
    );
    expect(await harness.tabContexts.get(7)).toMatchObject({ link: { relationshipId: 'r-bob' } });
    expect(await harness.tabContexts.get(8)).toMatchObject({
      link: { relationshipId: 'r-sam', chosen: true },
    });
    // The side panel without a tab: refused.
    await expect(
      harness.handlers['meet/call-linked']({ kind: 'meet/call-linked', meetingCode: CODE }, sidePanel),
    ).rejects.toThrow('no tab');
  });

  it('a report still being judged when its tab closes does not bring the closed tab’s context back', async () => {
    const harness = backgroundHarness({}, { meet: { candidates: [] } });
    let release: (value: ReturnType<typeof linkCandidate>[]) => void = () => {};
    harness.meet.candidates.mockImplementation(() => new Promise((resolve) => (release = resolve)));
    const report = harness.handlers['meet/call-seen'](seen(), meetCtx(9));
    await vi.waitFor(() => expect(harness.meet.candidates).toHaveBeenCalled());
    await harness.tabContexts.clear(9);
    release([BOB]);
    await report;
    expect(await harness.tabContexts.get(9)).toBeNull();
  });

  it("a call on one 1:1's code stays with it while its person reconnects, then goes to the other", async () => {
    const bob = linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE] });
    const sam = linkCandidate('r-sam', ['Sam Lee']);
    const harness = backgroundHarness({}, { meet: { candidates: [bob, sam] } });
    let now = 1_000_000;
    harness.meet.now.mockImplementation(() => now);
    await harness.handlers['meet/call-seen'](
      seen({ title: '', others: ['Bob Jones', 'Sam Lee'] }),
      meetCtx(4),
    );
    expect(await harness.tabContexts.get(4)).toMatchObject({
      link: { relationshipId: 'r-bob', via: 'meet-code' },
    });
    // Bob's connection drops for a moment: still Bob's 1:1 (no session started for Sam and left running).
    const samOnly = seen({ title: '', others: ['Sam Lee'] });
    await harness.handlers['meet/call-seen'](samOnly, meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({
      link: { relationshipId: 'r-bob', absentSince: 1_000_000 },
    });
    // Bob away for a minute while Sam talks on: Bob's 1:1 is over, the call is Sam's.
    now += LEFT_AFTER_MS;
    await harness.handlers['meet/call-seen'](samOnly, meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({
      link: { relationshipId: 'r-sam', via: 'participant' },
    });
    expect(harness.meet.callEnded).toHaveBeenCalledWith('r-bob', CODE);
  });

  it("a 1:1 linked by its code before anyone joined gives way at once when someone else's 1:1 is there", async () => {
    const bob = linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE] });
    const sam = linkCandidate('r-sam', ['Sam Lee']);
    const harness = backgroundHarness({}, { meet: { candidates: [bob, sam] } });
    await harness.handlers['meet/call-seen'](seen({ title: '', others: [], state: 'prejoin' }), meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-bob' } });
    // Sam was already in my room: the call is Sam's, and no 1:1 with Bob is left behind as held.
    await harness.handlers['meet/call-seen'](seen({ title: '', others: ['Sam Lee'] }), meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({
      link: { relationshipId: 'r-sam', via: 'participant' },
    });
    expect(harness.meet.callEnded).not.toHaveBeenCalled();
  });

  it("a 1:1 becomes the 2-1 at once when the 2-1's other person joins", async () => {
    const ann = linkCandidate('r-ann', ['Ann Ek']);
    const pair = linkCandidate('r-pair', ['Ann Ek', 'Carl Berg'], { kind: 'two-on-one' });
    const harness = backgroundHarness({}, { meet: { candidates: [ann, pair] } });
    await harness.handlers['meet/call-seen'](seen({ title: '', others: ['Ann Ek'] }), meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-ann' } });
    await harness.handlers['meet/call-seen'](
      seen({ title: '', others: ['Ann Ek', 'Carl Berg'] }),
      meetCtx(4),
    );
    expect(await harness.tabContexts.get(4)).toMatchObject({
      link: { relationshipId: 'r-pair', via: 'participant' },
    });
  });

  it("the end screen (nobody read) keeps the call's 1:1: its summary, its session held, never the room code's", async () => {
    const bob = linkCandidate('r-bob', ['Bob Jones']);
    const sam = linkCandidate('r-sam', ['Sam Lee'], { meetCodes: [CODE] });
    const harness = backgroundHarness({}, { meet: { candidates: [bob, sam] } });
    await harness.handlers['meet/call-seen'](seen({ title: '', others: ['Bob Jones'] }), meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-bob' } });
    await harness.handlers['meet/call-seen'](seen({ title: '', others: [], state: 'ended' }), meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-bob' } });
    expect(harness.meet.callEnded).toHaveBeenCalledWith('r-bob', CODE);
    expect(harness.meet.callEnded).not.toHaveBeenCalledWith('r-sam', CODE);
  });

  it('a 2-1 stays the 2-1 while one of them reconnects; a 1:1 that became the 2-1 is over', async () => {
    const ann = linkCandidate('r-ann', ['Ann Ek']);
    const pair = linkCandidate('r-pair', ['Ann Ek', 'Carl Berg'], { kind: 'two-on-one' });
    const harness = backgroundHarness({}, { meet: { candidates: [ann, pair] } });
    const both = seen({ title: '', others: ['Ann Ek', 'Carl Berg'] });
    await harness.handlers['meet/call-seen'](both, meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-pair' } });
    await harness.handlers['meet/call-seen'](seen({ title: '', others: ['Ann Ek'] }), meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-pair' } });
    await harness.handlers['meet/call-seen'](both, meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-pair' } });
    expect(harness.meet.callEnded).not.toHaveBeenCalled();

    // Ann's 1:1, then Carl joins: the call is their 2-1, and Ann's 1:1 (she was there) is held.
    const later = backgroundHarness({}, { meet: { candidates: [ann, pair] } });
    await later.handlers['meet/call-seen'](seen({ title: '', others: ['Ann Ek'] }), meetCtx(5));
    await later.handlers['meet/call-seen'](both, meetCtx(5));
    expect(await later.tabContexts.get(5)).toMatchObject({ link: { relationshipId: 'r-pair' } });
    expect(later.meet.callEnded).toHaveBeenCalledWith('r-ann', CODE);
  });

  it('the same room joined long after the call ended is a new call: nothing from the last one holds', async () => {
    const bob = linkCandidate('r-bob', ['Bob Jones']);
    const harness = backgroundHarness({}, { meet: { candidates: [bob] } });
    let now = 1_000_000;
    harness.meet.now.mockImplementation(() => now);
    await harness.handlers['meet/call-seen'](seen({ title: '', others: ['Bob Jones'] }), meetCtx(4));
    await harness.handlers['meet/call-seen'](seen({ title: '', others: [], state: 'ended' }), meetCtx(4));
    expect(harness.meet.callEnded).toHaveBeenCalledTimes(1);
    now += 30 * 60_000;
    // Alone in the room: not Bob's 1:1 (his notes do not open), and a stranger is someone to track.
    expect(await harness.handlers['meet/call-seen'](seen({ title: '', others: [] }), meetCtx(4))).toEqual({
      show: 'hidden',
    });
    await harness.handlers['meet/call-seen'](seen({ title: '', others: ['Dana Whitfield'] }), meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: null, trackable: 'Dana Whitfield' });
    now += LEFT_AFTER_MS;
    await harness.handlers['meet/call-seen'](seen({ title: '', others: ['Dana Whitfield'] }), meetCtx(4));
    expect(harness.meet.callEnded).toHaveBeenCalledTimes(1);
  });

  it("a report judged while the user links the call never writes over the user's link", async () => {
    const bob = linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE] });
    const sam = linkCandidate('r-sam', ['Sam Lee']);
    const harness = backgroundHarness(
      {},
      { meet: { candidates: [linkCandidate('r-bob', ['Bob Jones']), sam] } },
    );
    const withSam = seen({ title: '', others: ['Sam Lee'] });
    await harness.handlers['meet/call-seen'](withSam, meetCtx(4));
    // A report starts (its read of the 1:1s is slow), and the user's link comes in meanwhile.
    let release!: () => void;
    harness.meet.candidates.mockImplementationOnce(
      () => new Promise((resolve) => (release = () => resolve([linkCandidate('r-bob', ['Bob Jones']), sam]))),
    );
    const report = harness.handlers['meet/call-seen'](withSam, meetCtx(4));
    harness.meet.candidates.mockResolvedValue([bob, sam]);
    const linking = harness.handlers['meet/call-linked'](
      { kind: 'meet/call-linked', meetingCode: CODE },
      pageCtx(4),
    );
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    release();
    await Promise.all([report, linking]);
    expect(await harness.tabContexts.get(4)).toMatchObject({
      link: { relationshipId: 'r-bob', chosen: true },
    });
  });

  it("a 1:1's person gone, only a note-taker left: the 1:1 ends after the minute", async () => {
    const alice = linkCandidate('r-alice', ['Alice']);
    const harness = backgroundHarness({}, { meet: { candidates: [alice] } });
    let now = 1_000_000;
    harness.meet.now.mockImplementation(() => now);
    await harness.handlers['meet/call-seen'](
      seen({ title: '', others: ['Alice', "Alice's Notetaker"] }),
      meetCtx(4),
    );
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-alice' } });
    const botOnly = seen({ title: '', others: ["Alice's Notetaker"] });
    await harness.handlers['meet/call-seen'](botOnly, meetCtx(4));
    now += LEFT_AFTER_MS;
    await harness.handlers['meet/call-seen'](botOnly, meetCtx(4));
    expect(harness.meet.callEnded).toHaveBeenCalledWith('r-alice', CODE);
  });

  it("the user's link for a call holds for that call, even with someone else's person in it", async () => {
    const sam = linkCandidate('r-sam', ['Sam Lee']);
    const harness = backgroundHarness(
      {},
      { meet: { candidates: [linkCandidate('r-bob', ['Bob Jones']), sam] } },
    );
    let now = 1_000_000;
    harness.meet.now.mockImplementation(() => now);
    const withSam = seen({ title: '', others: ['Sam Lee'] });
    await harness.handlers['meet/call-seen'](withSam, meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-sam' } });
    // "Wrong 1:1?" → Bob's: the panel moved the code to Bob's 1:1 and asks again.
    const bob = linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE] });
    harness.meet.candidates.mockResolvedValue([bob, sam]);
    await harness.handlers['meet/call-linked']({ kind: 'meet/call-linked', meetingCode: CODE }, pageCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({
      link: { relationshipId: 'r-bob', via: 'meet-code', chosen: true },
    });
    // Sam stays, Bob never shows: the user's word stands, and nothing ends after a minute.
    expect(await harness.handlers['meet/call-seen'](withSam, meetCtx(4))).toEqual({ show: 'open' });
    now += 2 * LEFT_AFTER_MS;
    await harness.handlers['meet/call-seen'](withSam, meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({
      link: { relationshipId: 'r-bob', via: 'meet-code', chosen: true },
    });
    expect(harness.meet.callEnded).not.toHaveBeenCalled();

    // Without the user's word (a later call in the same room with Sam), Sam's 1:1 is the one.
    const later = backgroundHarness({}, { meet: { candidates: [bob, sam] } });
    await later.handlers['meet/call-seen'](withSam, meetCtx(5));
    expect(await later.tabContexts.get(5)).toMatchObject({
      link: { relationshipId: 'r-sam', via: 'participant' },
    });

    // The call ends and is joined again at once (a rejoin, or the end screen flickering): the same call, the
    // user's link stands. Ended for longer, the next meeting in the same room (the same tab) is judged afresh.
    const ended = backgroundHarness({}, { meet: { candidates: [bob, sam] } });
    let clock = 5_000_000;
    ended.meet.now.mockImplementation(() => clock);
    await ended.handlers['meet/call-seen'](withSam, meetCtx(6));
    await ended.handlers['meet/call-linked']({ kind: 'meet/call-linked', meetingCode: CODE }, pageCtx(6));
    expect(await ended.tabContexts.get(6)).toMatchObject({ link: { relationshipId: 'r-bob', chosen: true } });
    const endScreen = seen({ title: '', others: [], state: 'ended' });
    await ended.handlers['meet/call-seen'](endScreen, meetCtx(6));
    expect(await ended.tabContexts.get(6)).toMatchObject({
      link: { relationshipId: 'r-bob', chosen: true, endedAt: clock },
    });
    clock += 5_000;
    await ended.handlers['meet/call-seen'](withSam, meetCtx(6));
    expect(await ended.tabContexts.get(6)).toMatchObject({ link: { relationshipId: 'r-bob', chosen: true } });
    await ended.handlers['meet/call-seen'](endScreen, meetCtx(6));
    clock += LEFT_AFTER_MS;
    await ended.handlers['meet/call-seen'](withSam, meetCtx(6));
    expect(await ended.tabContexts.get(6)).toMatchObject({
      link: { relationshipId: 'r-sam', via: 'participant' },
    });

    // The code moved away from Bob's 1:1 (a correction in another tab): the choice is over, and Bob, never
    // seen in this call, holds nothing: the call is Sam's at once.
    harness.meet.candidates.mockResolvedValue([linkCandidate('r-bob', ['Bob Jones']), sam]);
    await harness.handlers['meet/call-seen'](withSam, meetCtx(4));
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: { relationshipId: 'r-sam' } });
    expect(harness.meet.callEnded).not.toHaveBeenCalled();
  });

  it("call-linked refuses another call's code, a tab without a call, and no tab", async () => {
    const harness = backgroundHarness({}, { meet: { candidates: [BOB] } });
    await harness.handlers['meet/call-seen'](seen(), meetCtx(4));
    await expect(
      harness.handlers['meet/call-linked'](
        { kind: 'meet/call-linked', meetingCode: 'xyz-wxyz-xyz' },
        pageCtx(4),
      ),
    ).rejects.toThrow();
    await expect(
      harness.handlers['meet/call-linked']({ kind: 'meet/call-linked', meetingCode: CODE }, pageCtx(9)),
    ).rejects.toThrow();
    await expect(
      harness.handlers['meet/call-linked']({ kind: 'meet/call-linked', meetingCode: CODE }, pageCtx(null)),
    ).rejects.toThrow();
  });
});

describe('panel/get-context for the browser side panel', () => {
  const call = seen();
  async function harnessWithCall() {
    const harness = backgroundHarness({}, { meet: { candidates: [BOB] } });
    await harness.handlers['meet/call-seen'](call, meetCtx(4));
    return harness;
  }

  it('the side panel (in no tab) reads the tab it names', async () => {
    const { handlers } = await harnessWithCall();
    const { context } = await handlers['panel/get-context'](
      { kind: 'panel/get-context', tabId: 4 },
      { sender: 'extension-page', tabId: null, page: 'sidepanel.html' },
    );
    expect(context).toMatchObject({ surface: 'meet', meetingCode: CODE });
  });

  it('a framed panel or the popup naming another tab learns nothing about it', async () => {
    const { handlers } = await harnessWithCall();
    expect(
      await handlers['panel/get-context'](
        { kind: 'panel/get-context', tabId: 4 },
        { sender: 'extension-page', tabId: 9, page: 'panel.html' },
      ),
    ).toEqual({ context: null });
    expect(
      await handlers['panel/get-context'](
        { kind: 'panel/get-context', tabId: 4 },
        { sender: 'extension-page', tabId: null, page: 'popup.html' },
      ),
    ).toEqual({ context: null });
  });

  it('through the router: the page comes from the browser-supplied URL, not the message', async () => {
    const harness = await harnessWithCall();
    const side = { id: SELF.id, url: `${SELF.baseUrl}sidepanel.html?tab=4` };
    const popup = { id: SELF.id, url: `${SELF.baseUrl}popup.html` };
    expect(await harness.router({ kind: 'panel/get-context', tabId: 4 }, side)).toMatchObject({
      ok: true,
      data: { context: { surface: 'meet' } },
    });
    expect(await harness.router({ kind: 'panel/get-context', tabId: 4 }, popup)).toEqual({
      ok: true,
      data: { context: null },
    });
  });
});

describe('extensionPageOf', () => {
  it.each([
    ['chrome-extension://abc/sidepanel.html?tab=4', 'sidepanel.html'],
    ['chrome-extension://abc/popup.html#x', 'popup.html'],
    ['chrome-extension://abc/', null],
    ['chrome-extension://abc/sub/sidepanel.html', null],
    ['https://meet.google.com/sidepanel.html', null],
    [undefined, null],
  ])('%s → %s', (url, page) => {
    expect(extensionPageOf(url, 'chrome-extension://abc/')).toBe(page);
  });
});

describe('a linked call stays linked while the page flickers', () => {
  it('participants vanishing for a moment do not unlink the call', async () => {
    const bob = linkCandidate('r-bob', ['Bob Jones']);
    const harness = backgroundHarness({}, { meet: { candidates: [bob] } });
    expect(await harness.handlers['meet/call-seen'](seen({ title: '' }), meetCtx(4))).toEqual({
      show: 'open',
    });
    // Tiles re-render: nobody is read for a moment.
    expect(await harness.handlers['meet/call-seen'](seen({ title: '', others: [] }), meetCtx(4))).toEqual({
      show: 'open',
    });
    expect(await harness.tabContexts.get(4)).toMatchObject({
      link: { relationshipId: 'r-bob', via: 'participant' },
    });
  });

  it('stays while its person is still there with someone else (an assistant, a note-taker)', async () => {
    const bob = linkCandidate('r-bob', ['Bob Jones']);
    const harness = backgroundHarness({}, { meet: { candidates: [bob] } });
    await harness.handlers['meet/call-seen'](seen({ title: '' }), meetCtx(4));
    const joined = seen({ title: '', others: ['Bob Jones', 'Notetaker Bot'] });
    expect(await harness.handlers['meet/call-seen'](joined, meetCtx(4))).toEqual({ show: 'open' });
    // Bob as Meet shows a first name only.
    expect(
      await harness.handlers['meet/call-seen'](seen({ title: '', others: ['Bob'] }), meetCtx(4)),
    ).toEqual({
      show: 'open',
    });
  });

  it('ends when the call has gone on with others only for a minute: Bob’s notes are not kept open with Dana', async () => {
    const bob = linkCandidate('r-bob', ['Bob Jones']);
    const harness = backgroundHarness({}, { meet: { candidates: [bob] } });
    let now = 1_000_000;
    harness.meet.now.mockImplementation(() => now);
    await harness.handlers['meet/call-seen'](seen({ title: '' }), meetCtx(4));
    const dana = seen({ title: '', others: ['Dana Smith'] });
    // Bob's tile gone while Dana is there: a reconnect, for now — still Bob's 1:1, nothing ends.
    expect(await harness.handlers['meet/call-seen'](dana, meetCtx(4))).toEqual({ show: 'open' });
    expect(await harness.tabContexts.get(4)).toMatchObject({
      link: { relationshipId: 'r-bob', absentSince: 1_000_000 },
    });
    now += LEFT_AFTER_MS - 1;
    expect(await harness.handlers['meet/call-seen'](dana, meetCtx(4))).toEqual({ show: 'open' });
    expect(harness.meet.callEnded).not.toHaveBeenCalled();
    // A minute without Bob: his 1:1 took place and is over; the call is Dana's to track.
    now += 1;
    expect(await harness.handlers['meet/call-seen'](dana, meetCtx(4))).toEqual({ show: 'collapsed' });
    expect(await harness.tabContexts.get(4)).toMatchObject({ link: null, trackable: 'Dana Smith' });
    expect(harness.meet.callEnded).toHaveBeenCalledWith('r-bob', CODE);
    await harness.handlers['meet/call-seen'](dana, meetCtx(4));
    expect(harness.meet.callEnded).toHaveBeenCalledTimes(1);
  });

  it('Bob back within the minute: the link goes on as before, with no trace of the absence', async () => {
    const bob = linkCandidate('r-bob', ['Bob Jones']);
    const harness = backgroundHarness({}, { meet: { candidates: [bob] } });
    let now = 1_000_000;
    harness.meet.now.mockImplementation(() => now);
    await harness.handlers['meet/call-seen'](seen({ title: '' }), meetCtx(4));
    const joined = seen({ title: '', others: ['Bob Jones', 'Otter.ai'] });
    await harness.handlers['meet/call-seen'](joined, meetCtx(4));
    // Bob reconnects: only the note-taker is read for a while.
    await harness.handlers['meet/call-seen'](seen({ title: '', others: ['Otter.ai'] }), meetCtx(4));
    now += 30_000;
    const back = seen({ title: '', others: ['Bob Jones', 'Otter.ai'] });
    expect(await harness.handlers['meet/call-seen'](back, meetCtx(4))).toEqual({ show: 'open' });
    expect((await harness.tabContexts.get(4)) as { link: unknown }).toMatchObject({
      link: { relationshipId: 'r-bob', via: 'participant' },
    });
    expect(((await harness.tabContexts.get(4)) as { link: object }).link).not.toHaveProperty('absentSince');
    now += LEFT_AFTER_MS;
    await harness.handlers['meet/call-seen'](back, meetCtx(4));
    expect(harness.meet.callEnded).not.toHaveBeenCalled();
  });

  it('"Not a 1:1", a deleted relationship or another call end the link', async () => {
    const bob = linkCandidate('r-bob', ['Bob Jones']);
    const harness = backgroundHarness({}, { meet: { candidates: [bob] } });
    await harness.handlers['meet/call-seen'](seen({ title: '' }), meetCtx(4));
    harness.meet.settings.mockResolvedValue({ ignoredSeries: [ignoredCallKey(CODE)], meetPanel: 'open' });
    expect(await harness.handlers['meet/call-seen'](seen({ title: '', others: [] }), meetCtx(4))).toEqual({
      show: 'hidden',
    });

    const other = backgroundHarness({}, { meet: { candidates: [bob] } });
    await other.handlers['meet/call-seen'](seen({ title: '' }), meetCtx(4));
    other.meet.candidates.mockResolvedValue([]);
    expect(await other.handlers['meet/call-seen'](seen({ title: '', others: [] }), meetCtx(4))).toEqual({
      show: 'hidden',
    });

    const third = backgroundHarness({}, { meet: { candidates: [bob] } });
    await third.handlers['meet/call-seen'](seen({ title: '' }), meetCtx(4));
    const elsewhere = seen({ title: '', others: [], meetingCode: 'xyz-wxyz-xyz' });
    expect(await third.handlers['meet/call-seen'](elsewhere, meetCtx(4))).toEqual({ show: 'hidden' });
  });
});

describe('meetTabNavigated', () => {
  it('a tab in a call that went to another page left the call: ended, and no longer counted as in it', async () => {
    for (const url of [
      'https://meet.google.com/',
      'https://meet.google.com/landing',
      'https://www.google.com/',
      '',
    ]) {
      const ended: string[][] = [];
      const left = await meetTabNavigated(
        inCall(),
        url,
        async () => [],
        async (r, c) => void ended.push([r, c]),
      );
      expect(ended).toEqual([['r-bob', CODE]]);
      expect(left).toMatchObject({ state: 'ended', meetingCode: CODE });
    }
  });

  it('the same call’s page (reloaded, a query added), a tab not in a call, or the call going on in another tab: no end', async () => {
    const ended: string[][] = [];
    const end = async (r: string, c: string) => void ended.push([r, c]);
    expect(
      await meetTabNavigated(inCall(), `https://meet.google.com/${CODE}?authuser=1`, async () => [], end),
    ).toBeNull();
    expect(
      await meetTabNavigated(inCall({ state: 'ended' }), 'https://www.google.com/', async () => [], end),
    ).toBeNull();
    expect(await meetTabNavigated(null, 'https://www.google.com/', async () => [], end)).toBeNull();
    // Every tab's navigation comes here: the other tabs are read only for one that was in a call.
    const others = vi.fn(async () => []);
    await meetTabNavigated(null, 'https://www.google.com/', others, end);
    await meetTabNavigated(inCall(), `https://meet.google.com/${CODE}`, others, end);
    expect(others).not.toHaveBeenCalled();
    expect(
      await meetTabNavigated(inCall(), 'https://www.google.com/', async () => [inCall()], end),
    ).toMatchObject({
      state: 'ended',
    });
    expect(ended).toEqual([]);
  });
});
