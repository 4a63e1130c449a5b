/**
 * Two views of one live session (the in-page Meet panel and the browser's side panel): a one-line box added
 * in one is emptied in the other, which would otherwise add it a second time and hold up the call's end
 * ("you were typing"). Text typed in a view since is its own and stays.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SessionPanel } from '@/components/panel/session/SessionPanel';
import { createPerson, createRelationship, getDatabase, startLiveSession } from '@/lib/db';
import { useRenderContainer } from '../../../helpers/dom-container';

const CODE = 'abc-defg-hij';
const container = useRenderContainer();

async function bobsSession() {
  const person = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
  const relationship = await createRelationship({ personIds: [person.id], kind: 'one-on-one', title: 'Bob' });
  const session = await startLiveSession({ relationshipId: relationship.id, meetCode: CODE });
  return { relationship, session };
}

const panel = (relationshipId: string, props: { presenting?: boolean; callEnded?: boolean } = {}) => (
  <SessionPanel target={{ relationshipId, meetCode: CODE, calendarEventId: null }} mode="call" {...props} />
);
const show = (element: preact.JSX.Element, into: Element) => act(() => render(element, into));
const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) =>
  root.querySelector<T>(selector);

async function type(input: HTMLInputElement | null, text: string) {
  await act(() => {
    input!.value = text;
    input!.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/**
 * Runs `change` in "the other page": the storage event a browser sends the other extension pages for what
 * it wrote (a page never gets its own) is sent here by hand.
 */
async function inOtherPage(sessionId: string, change: () => Promise<void>) {
  const key = `duet-journal:boxes:${sessionId}`;
  const oldValue = localStorage.getItem(key);
  await change();
  const newValue = localStorage.getItem(key);
  await act(() => {
    window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue }));
  });
}

describe('a box added in another view of the session', () => {
  it('is emptied here (not added twice), and the call’s end shows the summary', async () => {
    const { relationship, session } = await bobsSession();
    const inPage = container();
    const side = document.createElement('div');
    document.body.append(side);
    try {
      await show(panel(relationship.id), inPage);
      await vi.waitFor(() => expect(q(inPage, '[data-testid=capture-input]')).not.toBeNull(), {
        timeout: 5000,
      });
      await type(q(inPage, '[data-testid=capture-input]'), 'Bob: send the deck');
      // Presenting hides the boxes here; the user goes on in the side panel, where the line is back.
      await show(panel(relationship.id, { presenting: true }), inPage);
      await inOtherPage(session.id, async () => {
        await show(panel(relationship.id), side);
        await vi.waitFor(() =>
          expect(q<HTMLInputElement>(side, '[data-testid=capture-input]')?.value).toBe('Bob: send the deck'),
        );
        await act(
          () =>
            void q(side, '[data-testid=capture-form]')!.dispatchEvent(
              new Event('submit', { bubbles: true, cancelable: true }),
            ),
        );
        await vi.waitFor(() =>
          expect(q<HTMLInputElement>(side, '[data-testid=capture-input]')?.value).toBe(''),
        );
      });
      expect(await getDatabase().agreements.count()).toBe(1);

      await show(panel(relationship.id), inPage);
      // The other view's add reaches this one through storage (on a loaded machine, a moment after the box
      // is back): it ends up empty, never added twice.
      await vi.waitFor(() =>
        expect(q<HTMLInputElement>(inPage, '[data-testid=capture-input]')?.value).toBe(''),
      );
      expect(await getDatabase().agreements.count()).toBe(1);
      await show(panel(relationship.id, { callEnded: true }), inPage);
      await vi.waitFor(() => expect(q(inPage, '[data-testid=session-summary]')).not.toBeNull());
      expect(q(inPage, '[data-testid=session-action-error]')).toBeNull();
    } finally {
      render(null, side);
      side.remove();
    }
  });

  it('text typed here since stays', async () => {
    const { relationship, session } = await bobsSession();
    const here = container();
    await show(panel(relationship.id), here);
    await vi.waitFor(() => expect(q(here, '[data-testid=capture-input]')).not.toBeNull(), { timeout: 5000 });
    await type(q(here, '[data-testid=capture-input]'), 'Me: book the room');
    const key = `duet-journal:boxes:${session.id}`;
    // The other view had another line in the box, and added it.
    await act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', {
          key,
          oldValue: JSON.stringify({ capture: 'Bob: send the deck' }),
          newValue: null,
        }),
      );
    });
    expect(q<HTMLInputElement>(here, '[data-testid=capture-input]')!.value).toBe('Me: book the room');
    // It typed on in a box this view has left as it was: this view follows.
    await act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', {
          key,
          oldValue: JSON.stringify({ capture: 'Me: book the room' }),
          newValue: JSON.stringify({ capture: 'Me: book the room for Friday' }),
        }),
      );
    });
    expect(q<HTMLInputElement>(here, '[data-testid=capture-input]')!.value).toBe(
      'Me: book the room for Friday',
    );
  });

  it('taking the other view’s text writes nothing back (it may have typed on since)', async () => {
    const { KeptDrafts } = await import('@/components/panel/session/kept-drafts');
    const { session } = await bobsSession();
    const key = `duet-journal:boxes:${session.id}`;
    const drafts = new KeptDrafts(session.id);
    const stop = drafts.follow();
    const seen: string[] = [];
    drafts.watch((_box, text) => {
      seen.push(text);
      // What a box's hook does with it: keeps it in the drafts.
      drafts.set('capture', text);
    });
    localStorage.setItem(key, JSON.stringify({ capture: 'a' }));
    window.dispatchEvent(
      new StorageEvent('storage', { key, oldValue: null, newValue: localStorage.getItem(key) }),
    );
    // The other view typed on before this one heard of it.
    localStorage.setItem(key, JSON.stringify({ capture: 'ab' }));
    drafts.set('capture', 'a');
    expect(seen).toEqual(['a']);
    expect(localStorage.getItem(key)).toBe(JSON.stringify({ capture: 'ab' }));
    stop();
  });
});
