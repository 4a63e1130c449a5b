/**
 * The popup on a first run (Duet tracks no 1:1 yet): the week ahead says Duet doesn't know the user's 1:1s
 * yet (not "No 1:1s in the next 7 days", as if the calendar were empty), and points to Settings → You while
 * no email address of mine is set.
 */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import { createPopupSource } from '@/components/popup/popup-source';
import { UpcomingList } from '@/components/popup/UpcomingList';
import { createPerson, createRelationship } from '@/lib/db';
import { fakeActions, q, text, view } from './popup-fixtures';
import { useRenderContainer } from '../../helpers/dom-container';

const container = useRenderContainer();

const NONE_TRACKED =
  'Duet doesn’t know any of your 1:1s yet. Open one in Google Calendar and choose “Track as 1:1”.';

async function showList(node: ComponentChild) {
  await act(() => {
    render(node, container());
  });
}

async function showPopup(props: Parameters<typeof PopupApp>[0] = {}) {
  await act(() => {
    render(
      <PopupApp source={createPopupSource()} actions={fakeActions()} open={vi.fn()} {...props} />,
      container(),
    );
  });
  await vi.waitFor(() => expect(q('popup-upcoming-list')).not.toBeNull());
}

describe('UpcomingList with no 1:1 tracked', () => {
  it('says Duet does not know any 1:1 yet, not that the week is empty', async () => {
    await showList(<UpcomingList view={view({ relationships: [] })} onOpen={vi.fn()} onAddPoint={vi.fn()} />);
    expect(text('popup-upcoming-none-tracked')).toBe(NONE_TRACKED);
    expect(q('popup-upcoming-empty')).toBeNull();
    expect(q('popup-upcoming-set-me')).toBeNull();
  });

  it('points to Settings → You when "me" is not set', async () => {
    await showList(
      <UpcomingList view={view({ relationships: [] })} meUnknown onOpen={vi.fn()} onAddPoint={vi.fn()} />,
    );
    expect(text('popup-upcoming-set-me')).toBe(
      'Add your email addresses in Settings → You, so Duet can tell you apart from the other person.',
    );
    const link = q('popup-upcoming-set-me')!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/options.html#identity');
    expect(link.textContent).toBe('Settings → You');
  });

  it('keeps "No 1:1s in the next 7 days" once 1:1s are tracked', async () => {
    await showList(<UpcomingList view={view()} meUnknown onOpen={vi.fn()} onAddPoint={vi.fn()} />);
    expect(text('popup-upcoming-empty')).toBe('No 1:1s in the next 7 days.');
    expect(q('popup-upcoming-none-tracked')).toBeNull();
    expect(q('popup-upcoming-set-me')).toBeNull();
  });
});

describe('PopupApp on a first run', () => {
  it('says Duet knows no 1:1 yet and points to Settings → You while no address of mine is set', async () => {
    await showPopup();
    await vi.waitFor(() => expect(text('popup-upcoming-none-tracked')).toBe(NONE_TRACKED));
    await vi.waitFor(() => expect(q('popup-upcoming-set-me')).not.toBeNull());
    expect(q('popup-upcoming-empty')).toBeNull();
  });

  it('leaves out the Settings line when my addresses are set', async () => {
    const readMyEmails = vi.fn(async () => ['alice@acme.example']);
    await showPopup({ readMyEmails });
    await vi.waitFor(() => expect(text('popup-upcoming-none-tracked')).toBe(NONE_TRACKED));
    await vi.waitFor(() => expect(readMyEmails).toHaveBeenCalled());
    expect(q('popup-upcoming-set-me')).toBeNull();
  });

  it('keeps the 7-day message, and reads no settings, once a 1:1 is tracked', async () => {
    const bob = await createPerson({ name: 'Bob Jones', relation: 'report' });
    await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Alice / Bob' });
    const readMyEmails = vi.fn(async () => [] as string[]);
    await showPopup({ readMyEmails });
    await vi.waitFor(() => expect(text('popup-upcoming-empty')).toBe('No 1:1s in the next 7 days.'));
    expect(q('popup-upcoming-none-tracked')).toBeNull();
    expect(q('popup-upcoming-set-me')).toBeNull();
    expect(readMyEmails).not.toHaveBeenCalled();
  });
});
