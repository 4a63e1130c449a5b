/** The Meet content script reports the call, and tells an unchanged call again now and then while in it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startMeetPage } from '@/lib/content/meet-page';
import { loadFixture } from '../helpers/fixtures';
import { stubI18n } from './i18n-stub';

stubI18n();

let controller: AbortController;
let reports: Array<{ state: string; others: string[]; meetingCode?: string; presenting?: boolean }>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  history.replaceState(null, '', '/abc-defg-hij');
  document.body.replaceChildren(...Array.from(loadFixture('meet-call.html').body.childNodes));
  reports = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const call = message as {
      kind: string;
      state: string;
      others: string[];
      meetingCode: string;
      presenting: boolean;
    };
    if (call.kind !== 'meet/call-seen') return undefined;
    reports.push({
      state: call.state,
      others: call.others,
      meetingCode: call.meetingCode,
      presenting: call.presenting,
    });
    // The call is not a 1:1 here: nothing to show.
    return Promise.resolve({ ok: true, data: { show: 'hidden' } });
  });
  controller = new AbortController();
  startMeetPage({ signal: controller.signal });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('startMeetPage', () => {
  it('tells the background an unchanged call again every 15 s while in it, not on every look', async () => {
    await vi.advanceTimersByTimeAsync(2_000);
    const first = reports.filter((r) => r.state === 'in-call').length;
    expect(first).toBe(1);
    expect(reports.at(-1)).toMatchObject({ state: 'in-call', others: ['Bob Jones'] });
    // The backstop looks every second; nothing changed, so nothing is sent for a while…
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reports.filter((r) => r.state === 'in-call')).toHaveLength(first);
    // …but the background's judgement moves with time (a person gone a minute): the call is told again.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reports.filter((r) => r.state === 'in-call')).toHaveLength(first + 1);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(reports.filter((r) => r.state === 'in-call')).toHaveLength(first + 2);
  });

  it('another meeting in the same tab (no page load) starts in its green room, not as the last call ended', async () => {
    const show = (fixture: string) =>
      document.body.replaceChildren(...Array.from(loadFixture(fixture as 'meet-call.html').body.childNodes));
    await vi.advanceTimersByTimeAsync(2_000);
    show('meet-ended.html');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reports.at(-1)).toMatchObject({ meetingCode: 'abc-defg-hij', state: 'ended' });
    history.pushState(null, '', '/xyz-abcd-efg');
    show('meet-prejoin.html');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reports.at(-1)).toMatchObject({ meetingCode: 'xyz-abcd-efg', state: 'prejoin' });
    expect(reports.filter((r) => r.meetingCode === 'xyz-abcd-efg' && r.state === 'ended')).toEqual([]);
  });

  it('presenting starts at once and ends only after a while without it: a re-render never shows the notes', async () => {
    const show = (fixture: string) =>
      document.body.replaceChildren(...Array.from(loadFixture(fixture as 'meet-call.html').body.childNodes));
    await vi.advanceTimersByTimeAsync(2_000);
    show('meet-call-presenting.html');
    await vi.advanceTimersByTimeAsync(500);
    expect(reports.at(-1)).toMatchObject({ state: 'in-call', presenting: true });
    // Meet re-renders: for one look (under a second) the stop-presenting control is gone.
    show('meet-call.html');
    await vi.advanceTimersByTimeAsync(600);
    show('meet-call-presenting.html');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(reports.filter((r) => r.presenting === false && r.state === 'in-call').length).toBe(1);
    expect(reports.at(-1)).toMatchObject({ presenting: true });
    // Presenting really stopped: told within a couple of seconds.
    show('meet-call.html');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(reports.at(-1)).toMatchObject({ state: 'in-call', presenting: false });
  });
});
