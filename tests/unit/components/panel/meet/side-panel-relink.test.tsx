/**
 * A call's link corrected in the browser's side panel (which re-reads its context every couple of seconds,
 * having no port): the panel shows the new link at once, and never starts the old 1:1's session again
 * after the background let it go.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/panel/SidePanelApp';
import type { MeetContext } from '@/components/panel/meet/MeetPanel';
import {
  createPerson,
  createRelationship,
  getDatabase,
  releaseCallSession,
  runningSessionOfCall,
} from '@/lib/db';
import { useRenderContainer } from '../../../helpers/dom-container';

const CODE = 'abc-defg-hij';
const container = useRenderContainer();
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid="${testId}"]`);

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

async function oneOnOneWith(name: string) {
  const person = await createPerson({ name, emails: [], relation: 'report' });
  return createRelationship({ personIds: [person.id], kind: 'one-on-one', title: `Alice / ${name}` });
}

describe('SidePanelApp: "Wrong?" in a call', () => {
  it('linking the call to another 1:1 shows that one, and the first 1:1’s session stays let go', async () => {
    const sam = await oneOnOneWith('Sam Lee');
    const bob = await oneOnOneWith('Bob Jones');
    const callOf = (relationshipId: string): MeetContext => ({
      surface: 'meet',
      meetingCode: CODE,
      title: 'Catch-up',
      state: 'in-call',
      presenting: false,
      others: ['Sam Lee'],
      link: { relationshipId, via: 'title', chosen: true },
      trackable: null,
    });
    let context = callOf(sam.id);
    // The background: the tab's context, and a relink that lets go of Sam's session (as handlers.ts does).
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const kind = (message as { kind: string }).kind;
      if (kind === 'panel/get-context') return Promise.resolve({ ok: true, data: { context } });
      if (kind === 'meet/call-linked')
        return (async () => {
          context = callOf(bob.id);
          await releaseCallSession(sam.id, CODE);
          return { ok: true, data: { ok: true } };
        })();
      return Promise.resolve({ ok: true, data: { ok: true } });
    });
    window.history.replaceState(null, '', '/sidepanel.html?tab=5');
    await act(() => render(<SidePanelApp />, container()));
    await vi.waitFor(async () => expect(await runningSessionOfCall(sam.id, CODE)).toBeDefined());
    await vi.waitFor(() => expect(q('session-with')?.textContent).toContain('Sam Lee'));

    await act(() => q('meet-correct-link')!.click());
    const select = await vi.waitFor(() => {
      const found = container().querySelector<HTMLSelectElement>('[data-testid=meet-link-select]');
      if (!found?.querySelector(`option[value="${bob.id}"]`)) throw new Error('no choice yet');
      return found;
    });
    await act(() => {
      select.value = bob.id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => q('meet-link-confirm')!.click());
    await vi.waitFor(() => expect(q('session-with')?.textContent).toContain('Bob Jones'));
    // Sam's session was let go (nothing written: gone) and no new one was started for him.
    expect(await runningSessionOfCall(sam.id, CODE)).toBeUndefined();
    const sams = await getDatabase().sessions.where('relationshipId').equals(sam.id).toArray();
    expect(sams).toEqual([]);
  });
});
