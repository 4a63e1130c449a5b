/**
 * Keyboard focus around the Meet panel's link chooser: "Wrong 1:1?" (or "Choose") moves focus into it, and
 * Cancel, Escape or a link made bring it back to that button, not to the page's body.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MeetContext, MeetPanel } from '@/components/panel/meet/MeetPanel';
import { createPerson, createRelationship } from '@/lib/db';
import { useRenderContainer } from '../../../helpers/dom-container';

const CODE = 'abc-defg-hij';
const container = useRenderContainer();
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid="${testId}"]`);

beforeEach(() => {
  // The background acknowledges "meet/call-linked".
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: { ok: true } }));
});

async function oneOnOneWith(name: string) {
  const person = await createPerson({ name, emails: [], relation: 'report' });
  return createRelationship({ personIds: [person.id], kind: 'one-on-one', title: `Alice / ${name}` });
}

function call(link: MeetContext['link']): MeetContext {
  return {
    surface: 'meet',
    meetingCode: CODE,
    title: 'Catch-up',
    state: 'in-call',
    presenting: false,
    others: ['Bob Jones'],
    link,
    trackable: null,
  };
}

async function show(context: MeetContext) {
  await act(() => {
    render(<MeetPanel context={context} />, container());
  });
}

async function open(opener: string) {
  await vi.waitFor(() => expect(q(opener)).not.toBeNull());
  q(opener)!.focus();
  await act(() => q(opener)!.click());
  await vi.waitFor(() => expect(q('meet-link-chooser')).not.toBeNull());
  expect(document.activeElement).toBe(q('meet-link-chooser-title'));
}

const cancelButton = () =>
  [...q('meet-link-chooser')!.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!;

describe('MeetPanel link chooser focus', () => {
  it('"Wrong 1:1?" focuses the chooser; Cancel returns focus to "Wrong 1:1?"', async () => {
    const bob = await oneOnOneWith('Bob Jones');
    await show(call({ relationshipId: bob.id, via: 'title', chosen: true }));
    await open('meet-correct-link');
    await vi.waitFor(() => expect(cancelButton()).toBeDefined());
    await act(() => cancelButton().click());
    expect(q('meet-link-chooser')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(q('meet-correct-link')));
  });

  it('Escape in the chooser cancels it and returns focus to "Wrong 1:1?"', async () => {
    const bob = await oneOnOneWith('Bob Jones');
    await show(call({ relationshipId: bob.id, via: 'title', chosen: true }));
    await open('meet-correct-link');
    await act(() => {
      q('meet-link-chooser-title')!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
      );
    });
    expect(q('meet-link-chooser')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(q('meet-correct-link')));
  });

  it('a link made returns focus to "Wrong 1:1?"', async () => {
    const bob = await oneOnOneWith('Bob Jones');
    const sam = await oneOnOneWith('Sam Lee');
    await show(call({ relationshipId: bob.id, via: 'title', chosen: true }));
    await open('meet-correct-link');
    const select = await vi.waitFor(() => {
      const found = q('meet-link-select') as HTMLSelectElement | null;
      if (!found?.querySelector(`option[value="${sam.id}"]`)) throw new Error('no choice yet');
      return found;
    });
    await act(() => {
      select.value = sam.id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => q('meet-link-confirm')!.click());
    await vi.waitFor(() => expect(q('meet-link-chooser')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(q('meet-correct-link')));
  });

  it('"Choose" in an unknown call focuses the chooser; Cancel returns focus to "Choose"', async () => {
    await oneOnOneWith('Bob Jones');
    await show(call(null));
    await open('meet-choose');
    await vi.waitFor(() => expect(cancelButton()).toBeDefined());
    await act(() => cancelButton().click());
    await vi.waitFor(() => expect(document.activeElement).toBe(q('meet-choose')));
  });

  it('the chooser shown by itself for an unknown call leaves focus where it is', async () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    await show({ ...call(null), trackable: 'Bob Jones' });
    await vi.waitFor(() => expect(q('meet-link-chooser')).not.toBeNull());
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
  it('the chooser back after presenting stops leaves focus where the user is', async () => {
    const bob = await oneOnOneWith('Bob Jones');
    const linked = call({ relationshipId: bob.id, via: 'title', chosen: true });
    await show(linked);
    await open('meet-correct-link');
    await show({ ...linked, presenting: true });
    await vi.waitFor(() => expect(q('meet-link-chooser')).toBeNull());
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    await show({ ...linked, presenting: false });
    await vi.waitFor(() => expect(q('meet-link-chooser')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('"Wrong 1:1?" then "Show" while presenting: the chooser the user revealed takes focus', async () => {
    const bob = await oneOnOneWith('Bob Jones');
    const linked = call({ relationshipId: bob.id, via: 'title', chosen: true });
    await show({ ...linked, presenting: true });
    await vi.waitFor(() => expect(q('meet-correct-link')).not.toBeNull());
    q('meet-correct-link')!.focus();
    await act(() => q('meet-correct-link')!.click());
    await vi.waitFor(() => expect(q('reveal-notes')).not.toBeNull());
    q('reveal-notes')!.focus();
    await act(() => q('reveal-notes')!.click());
    await vi.waitFor(() => expect(q('meet-link-chooser')).not.toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(q('meet-link-chooser-title')));
  });

  it('"Wrong 1:1?" pressed while presenting: the chooser shown later leaves focus where the user is', async () => {
    const bob = await oneOnOneWith('Bob Jones');
    const linked = call({ relationshipId: bob.id, via: 'title', chosen: true });
    await show({ ...linked, presenting: true });
    await vi.waitFor(() => expect(q('meet-correct-link')).not.toBeNull());
    q('meet-correct-link')!.focus();
    await act(() => q('meet-correct-link')!.click());
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    await show({ ...linked, presenting: false });
    await vi.waitFor(() => expect(q('meet-link-chooser')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('a chooser closed with its opener gone does not pull focus back when the opener shows later', async () => {
    await oneOnOneWith('Bob Jones');
    const unknown = call(null);
    await show(unknown);
    await open('meet-choose');
    // The call became trackable meanwhile: Cancel leaves the chooser shown by itself, with no "Choose".
    await show({ ...unknown, trackable: 'Bob Jones' });
    await vi.waitFor(() => expect(cancelButton()).toBeDefined());
    await act(() => cancelButton().click());
    expect(q('meet-choose')).toBeNull();
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    await show(unknown);
    await vi.waitFor(() => expect(q('meet-choose')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});

describe('MeetPanel link chooser keeps what was typed', () => {
  const escape = (init: KeyboardEventInit = {}) =>
    new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, ...init });
  const nameField = () => q('track-name') as HTMLInputElement | null;
  // A bigger call: the chooser asks who it is with (a name box), never its first participant.
  const bigCall = (): MeetContext => ({ ...call(null), others: ['Bob Jones', 'Carol Diaz', 'Dan Park'] });

  async function typeName(value: string) {
    await vi.waitFor(() => expect(nameField()).not.toBeNull());
    await act(() => {
      nameField()!.value = value;
      nameField()!.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('Escape that cancels an IME candidate in the name box leaves the chooser open', async () => {
    await show(bigCall());
    await open('meet-choose');
    await typeName('山田');
    nameField()!.focus();
    for (const init of [{ isComposing: true, keyCode: 229 }, { keyCode: 229 }]) {
      const event = escape(init);
      await act(() => {
        nameField()!.dispatchEvent(event);
      });
      expect(event.defaultPrevented).toBe(false);
      expect(q('meet-link-chooser')).not.toBeNull();
    }
    expect(nameField()!.value).toBe('山田');
  });

  it('a chooser closed with Escape or Cancel opens again with the name typed', async () => {
    await show(bigCall());
    await open('meet-choose');
    await typeName('Dana Lee');
    await act(() => {
      nameField()!.dispatchEvent(escape());
    });
    expect(q('meet-link-chooser')).toBeNull();
    await open('meet-choose');
    await vi.waitFor(() => expect(nameField()?.value).toBe('Dana Lee'));

    await vi.waitFor(() => expect(cancelButton()).toBeDefined());
    await act(() => cancelButton().click());
    await open('meet-choose');
    await vi.waitFor(() => expect(nameField()?.value).toBe('Dana Lee'));
  });

  it('another call starts with a fresh form', async () => {
    await show(bigCall());
    await open('meet-choose');
    await typeName('Dana Lee');
    await act(() => cancelButton().click());
    await show({ ...bigCall(), meetingCode: 'xyz-wxyz-xyz' });
    await open('meet-choose');
    await vi.waitFor(() => expect(nameField()).not.toBeNull());
    expect(nameField()!.value).toBe('');
  });
});

describe('MeetPanel session end focus', () => {
  it('"End session now" then presenting: the summary shown when presenting stops leaves focus in Meet', async () => {
    const bob = await oneOnOneWith('Bob Jones');
    const linked = call({ relationshipId: bob.id, via: 'title', chosen: true });
    await show(linked);
    await vi.waitFor(() => expect(q('session-end')).not.toBeNull(), { timeout: 5000 });
    q('session-end')!.focus();
    // Pressed, and the user starts presenting before the session is held: the summary is hidden.
    await act(() => {
      q('session-end')!.click();
      render(<MeetPanel context={{ ...linked, presenting: true }} />, container());
    });
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    await vi.waitFor(() => expect(q('session-panel')?.getAttribute('data-session-status')).toBe('held'), {
      timeout: 5000,
    });
    await show(linked);
    await vi.waitFor(() => expect(q('session-summary')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});

describe('the chooser’s kept track card never carries one meeting’s person into another', () => {
  const offered = () =>
    [...container().querySelectorAll('button')]
      .map((b) => b.textContent ?? '')
      .find((t) => t.startsWith('Track as'));
  const unknownCall = (name: string, state: MeetContext['state'] = 'in-call'): MeetContext => ({
    ...call(null),
    state,
    others: [name],
    trackable: name,
  });

  it('the next meeting in the same room (after the call ended) offers its own person', async () => {
    await show(unknownCall('Bob Jones'));
    await vi.waitFor(() => expect(offered()).toBe('Track as 1:1 with Bob Jones'));
    await show(unknownCall('Bob Jones', 'ended'));
    await show({ ...unknownCall('Carol Diaz'), state: 'prejoin', others: [], trackable: null });
    await show(unknownCall('Carol Diaz'));
    await vi.waitFor(() => expect(offered()).toBe('Track as 1:1 with Carol Diaz'));
  });

  it('shown again after presenting, with someone else in the call, offers that person', async () => {
    await show(unknownCall('Alice Moss'));
    await vi.waitFor(() => expect(offered()).toBe('Track as 1:1 with Alice Moss'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await show({ ...unknownCall('Alice Moss'), presenting: true });
    await show(unknownCall('Bob Jones'));
    await vi.waitFor(() => expect(offered()).toBe('Track as 1:1 with Bob Jones'));
  });
});
