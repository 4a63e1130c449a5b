/**
 * The Meet panel's chooser before Duet tracks any 1:1: "Not a 1:1" (and Cancel, when the user opened it) are
 * there without a 1:1 to link to; and a bigger call offers no one-click "Track as 1:1 with" its first person.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MeetContext, MeetPanel } from '@/components/panel/meet/MeetPanel';
import { createPerson, createRelationship, getSettings, listRelationships } from '@/lib/db';
import { ignoredCallKey } from '@/lib/domain/meet-link';
import { useRenderContainer } from '../../../helpers/dom-container';

const CODE = 'abc-defg-hij';
const container = useRenderContainer();
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid="${testId}"]`);

beforeEach(() => {
  // The background acknowledges "meet/call-linked".
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: { ok: true } }));
});

function call(changes: Partial<MeetContext> = {}): MeetContext {
  return {
    surface: 'meet',
    meetingCode: CODE,
    title: 'Interview: Dana Lee',
    state: 'in-call',
    presenting: false,
    others: ['Dana Lee'],
    link: null,
    trackable: 'Dana Lee',
    ...changes,
  };
}

async function show(context: MeetContext) {
  await act(() => {
    render(<MeetPanel context={context} />, container());
  });
}

async function waitFor(testId: string): Promise<HTMLElement> {
  await vi.waitFor(() => expect(q(testId)).not.toBeNull());
  return q(testId)!;
}

async function click(element: HTMLElement) {
  await act(async () => {
    element.click();
  });
}

describe('MeetPanel chooser with no 1:1 tracked yet', () => {
  it('offers "Not a 1:1" for an unknown call, without a 1:1 to link to', async () => {
    expect(await listRelationships()).toHaveLength(0);
    await show(call());
    const notOneOnOne = await waitFor('meet-not-one-on-one');
    expect(notOneOnOne.textContent).toBe('Not a 1:1');
    expect(q('meet-link-select')).toBeNull();
    expect(q('meet-link-confirm')).toBeNull();
    // Shown by itself (not opened by the user): nothing to cancel.
    expect(q('meet-link-cancel')).toBeNull();
    await click(notOneOnOne);
    await vi.waitFor(async () => expect((await getSettings()).ignoredSeries).toContain(ignoredCallKey(CODE)));
  });

  it('after "Not a 1:1" says so, with Undo (as Calendar does)', async () => {
    await show(call());
    await click(await waitFor('meet-not-one-on-one'));
    await vi.waitFor(async () => expect((await getSettings()).ignoredSeries).toContain(ignoredCallKey(CODE)));
    // The background's next word on the call: nothing to track.
    await show(call({ trackable: null }));
    await vi.waitFor(() =>
      expect(q('panel-meet-idle')?.textContent).toContain('You said this call is not a 1:1'),
    );
    await click(await waitFor('meet-undo-not-one-on-one'));
    await vi.waitFor(async () =>
      expect((await getSettings()).ignoredSeries).not.toContain(ignoredCallKey(CODE)),
    );
    await vi.waitFor(() =>
      expect(q('panel-meet-idle')?.textContent).toContain('Duet doesn’t know this call as a 1:1.'),
    );
    expect(q('meet-undo-not-one-on-one')).toBeNull();
  });

  it('a chooser opened with "Choose" can be cancelled', async () => {
    await show(
      call({ title: 'Team sync', others: ['Dana Lee', 'Carol Diaz', 'Evan Park'], trackable: null }),
    );
    await click(await waitFor('meet-choose'));
    const cancel = await waitFor('meet-link-cancel');
    expect(cancel.textContent).toBe('Cancel');
    expect(q('meet-not-one-on-one')).not.toBeNull();
    await click(cancel);
    await waitFor('panel-meet-idle');
    expect(q('meet-link-chooser')).toBeNull();
  });

  it('still lists the 1:1s to link to once there are some', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
    await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Alice / Bob' });
    await show(call());
    await waitFor('meet-link-select');
    expect(q('meet-link-confirm')).not.toBeNull();
    expect(q('meet-not-one-on-one')).not.toBeNull();
  });
});

describe('MeetPanel chooser for a call that is not plausibly a 1:1', () => {
  it('asks who a 3-person call is with instead of offering its first participant', async () => {
    await show(call({ title: 'Team sync', others: ['Dana Lee', 'Carol Diaz'], trackable: null }));
    await click(await waitFor('meet-choose'));
    await waitFor('meet-link-chooser');
    await vi.waitFor(() => expect(q('track-confirm')).not.toBeNull());
    expect(q('track-one-on-one')).toBeNull();
    expect(container().textContent).not.toContain('Track as 1:1 with Dana Lee');
    expect((q('track-name') as HTMLInputElement).value).toBe('');
  });

  it('keeps one click for a call titled as a 2-1 with two others', async () => {
    await show(call({ title: 'Dana & Carol 2-1', others: ['Dana Lee', 'Carol Diaz'], trackable: null }));
    await click(await waitFor('meet-choose'));
    const track = await waitFor('track-one-on-one');
    expect(track.textContent).toBe('Track as 2-1 with Dana Lee & Carol Diaz');
  });

  it('keeps one click when the one other person is in the call', async () => {
    await show(call({ title: 'Catch-up', trackable: null }));
    await click(await waitFor('meet-choose'));
    expect((await waitFor('track-one-on-one')).textContent).toBe('Track as 1:1 with Dana Lee');
  });
});
