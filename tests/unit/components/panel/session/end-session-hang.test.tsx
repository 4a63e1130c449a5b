/**
 * "End session" while a notes save hangs (a blocked database upgrade, a stalled disk): the button is
 * disabled while its save is in flight (clicks do not pile up saves), and a save still pending after
 * END_WAIT_MS says so and gives the button back — never "Saving…" forever with nothing said. A database
 * upgrade another page blocks says that at once.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { END_WAIT_MS, SessionPanel } from '@/components/panel/session/SessionPanel';
import { createPerson, createRelationship, getSession, saveSectionNotes, startLiveSession } from '@/lib/db';
import type * as Db from '@/lib/db';
import type * as Database from '@/lib/db/database';
import { useEmptyJournal } from '../../../helpers/planned-session';
import { useRenderContainer } from '../../../helpers/dom-container';

vi.mock('@/lib/db', async (importOriginal) => {
  const actual = await importOriginal<typeof Db>();
  return { ...actual, saveSectionNotes: vi.fn(actual.saveSectionNotes) };
});
vi.mock('@/lib/db/database', async (importOriginal) => {
  const actual = await importOriginal<typeof Database>();
  return { ...actual, unlessBlocked: vi.fn(actual.unlessBlocked) };
});
const { saveSectionNotes: realSave } = await vi.importActual<typeof Db>('@/lib/db');
const { unlessBlocked: realUnlessBlocked } = await vi.importActual<typeof Database>('@/lib/db/database');
const { unlessBlocked } = await import('@/lib/db/database');

const NOT_SAVED = 'Still saving your notes. Press End again once they are saved.';
const BLOCKED = 'Duet is finishing an update. Close other Duet pages or reload them to continue.';

afterEach(() => {
  vi.mocked(saveSectionNotes).mockReset().mockImplementation(realSave);
  vi.mocked(unlessBlocked).mockReset().mockImplementation(realUnlessBlocked);
});
useEmptyJournal();
const container = useRenderContainer();
const q = <T extends Element = HTMLElement>(selector: string) => container().querySelector<T>(selector);
const endButton = () => q<HTMLButtonElement>('[data-testid=session-end]')!;

async function bobsSessionOnScreen(mode: 'call' | 'in-person' = 'in-person', callEnded = false) {
  const person = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
  const relationship = await createRelationship({ personIds: [person.id], kind: 'one-on-one', title: 'Bob' });
  const session = await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij' });
  const panel = (ended: boolean) => (
    <SessionPanel
      target={{ relationshipId: relationship.id, meetCode: 'abc-defg-hij', calendarEventId: null }}
      mode={mode}
      callEnded={ended}
    />
  );
  await act(() => render(panel(callEnded), container()));
  await vi.waitFor(() => expect(q('[data-testid=session-with]')).not.toBeNull(), { timeout: 5000 });
  return { session, endCall: () => act(() => render(panel(true), container())) };
}

async function type(text: string) {
  const field = q<HTMLTextAreaElement>('[data-testid=section-notes][data-field=how-are-you]')!;
  await act(() => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Notes saves wait until released. */
function savesHang(): () => void {
  const waiting: Array<() => void> = [];
  vi.mocked(saveSectionNotes).mockImplementation(
    (...args) =>
      new Promise((resolve, reject) => waiting.push(() => void realSave(...args).then(resolve, reject))),
  );
  return () => {
    vi.mocked(saveSectionNotes).mockImplementation(realSave);
    waiting.splice(0).forEach((go) => go());
  };
}

describe('"End session" while the notes save hangs', () => {
  it('is disabled while it waits, then says the notes are not saved and can be pressed again', async () => {
    const { session } = await bobsSessionOnScreen();
    const release = savesHang();
    await type('Fine, busy');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await act(() => endButton().click());
    expect(endButton().disabled).toBe(true);
    const calls = vi.mocked(saveSectionNotes).mock.calls.length;
    await act(() => endButton().click());
    await act(async () => {
      await vi.advanceTimersByTimeAsync(END_WAIT_MS - 100);
    });
    expect(endButton().disabled).toBe(true);
    expect(vi.mocked(saveSectionNotes).mock.calls.length).toBe(calls);
    expect(q('[data-testid=session-action-error]')?.textContent ?? '').toBe('');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(200);
    });
    expect(q('[data-testid=session-action-error]')?.textContent).toBe(NOT_SAVED);
    expect(endButton().disabled).toBe(false);
    expect((await getSession(session.id))?.status).not.toBe('held');
    vi.useRealTimers();

    // The save lands (it is not ended behind the user's back); pressed again, End ends.
    release();
    await vi.waitFor(async () =>
      expect((await getSession(session.id))?.notes['how-are-you']).toBe('Fine, busy'),
    );
    expect((await getSession(session.id))?.status).not.toBe('held');
    await act(() => endButton().click());
    await vi.waitFor(async () => expect((await getSession(session.id))?.status).toBe('held'), {
      timeout: 5000,
    });
  });

  it('says at once when a database upgrade another page blocks is what it waits for', async () => {
    const { session } = await bobsSessionOnScreen();
    vi.mocked(unlessBlocked).mockRejectedValue(
      Object.assign(new Error('blocked'), { name: 'DatabaseBlockedError' }),
    );
    await act(() => endButton().click());
    await vi.waitFor(() => expect(q('[data-testid=session-action-error]')?.textContent).toBe(BLOCKED));
    expect(endButton().disabled).toBe(false);
    expect((await getSession(session.id))?.status).not.toBe('held');
  });

  it('a call that ends while a save hangs says so, shows the notes, and ends once the save lands', async () => {
    const { session, endCall } = await bobsSessionOnScreen('call');
    const release = savesHang();
    await type('Fine, busy');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await endCall();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(END_WAIT_MS + 100);
    });
    expect(q('[data-testid=session-action-error]')?.textContent).toBe(
      'The call ended, but some notes are not saved yet. They are below and kept in this browser: see the message beside them.',
    );
    vi.useRealTimers();
    release();
    await vi.waitFor(async () => expect((await getSession(session.id))?.status).toBe('held'), {
      timeout: 5000,
    });
    expect((await getSession(session.id))?.notes['how-are-you']).toBe('Fine, busy');
  });
});
