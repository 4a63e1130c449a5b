import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type CapturedAgreement, CaptureLine } from '@/components/panel/session/CaptureLine';
import {
  journalWrite,
  journalWriterGone,
  newJournalWriter,
  OPEN_VIEW_GRACE_MS,
  readJournal,
} from '@/components/shared/note-journal';
import {
  PRIVATE_FIELD,
  SAVE_DELAY_MS,
  type SessionNotes,
  useSessionNotes,
} from '@/components/panel/session/use-session-notes';
import type { ActionResult } from '@/components/panel/calendar/view-types';
import { getSession, saveSectionNotes, savePrivateNotes } from '@/lib/db';
import type * as Db from '@/lib/db';
import type { Session } from '@/lib/domain/model';
import { plannedSession as planned, useEmptyJournal } from '../../../helpers/planned-session';
import { useRenderContainer } from '../../../helpers/dom-container';

// The real repositories, with saveSectionNotes / savePrivateNotes replaceable per test (a failing save).
vi.mock('@/lib/db', async (importOriginal) => {
  const actual = await importOriginal<typeof Db>();
  return {
    ...actual,
    saveSectionNotes: vi.fn(actual.saveSectionNotes),
    savePrivateNotes: vi.fn(actual.savePrivateNotes),
  };
});

const { saveSectionNotes: realSaveSectionNotes, savePrivateNotes: realSavePrivateNotes } =
  await vi.importActual<typeof Db>('@/lib/db');

const QUOTA_MESSAGE = /no storage space left/i;

beforeEach(() => {
  vi.mocked(saveSectionNotes).mockReset().mockImplementation(realSaveSectionNotes);
  vi.mocked(savePrivateNotes).mockReset().mockImplementation(realSavePrivateNotes);
});
useEmptyJournal();

const container = useRenderContainer();

async function plannedSession(notes: Record<string, string> = {}): Promise<Session> {
  const session = await planned(notes, saveSectionNotes);
  vi.mocked(saveSectionNotes).mockClear();
  return session;
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

// useSessionNotes ----------------------------------------------------------------------------------

describe('useSessionNotes', () => {
  let notes: SessionNotes;

  function Probe({ session }: { session: Session | undefined }) {
    notes = useSessionNotes(session);
    return null;
  }

  async function mount(session: Session | undefined) {
    await act(() => {
      render(<Probe session={session} />, container());
    });
  }

  /** Fake setTimeout only: fake-indexeddb schedules with setImmediate, which keeps running. */
  function fakeTimers() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  }

  async function advance(ms: number) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });
  }

  it('shows the stored notes and is idle until something is typed', async () => {
    const session = await plannedSession({ 'how-are-you': 'From the prep' });
    await mount({ ...session, privateNotes: 'only mine' });
    expect(notes.text('how-are-you')).toBe('From the prep');
    expect(notes.text(PRIVATE_FIELD)).toBe('only mine');
    expect(notes.text('your-topics')).toBe('');
    expect(notes.status).toEqual({ kind: 'idle' });
  });

  it('journals each keystroke and saves to the database within SAVE_DELAY_MS, then settles the journal', async () => {
    const session = await plannedSession();
    await mount(session);
    fakeTimers();

    await act(() => notes.update('how-are-you', 'Tired'));
    await act(() => notes.update('how-are-you', 'Tired after the launch'));
    expect(notes.text('how-are-you')).toBe('Tired after the launch');
    expect(notes.status).toEqual({ kind: 'pending' });
    // In the journal at once, before any database save.
    expect(readJournal(session.id)['how-are-you']?.text).toBe('Tired after the launch');
    expect(saveSectionNotes).not.toHaveBeenCalled();

    await advance(SAVE_DELAY_MS - 1);
    expect(saveSectionNotes).not.toHaveBeenCalled();
    expect((await getSession(session.id))?.notes['how-are-you']).toBeUndefined();

    await advance(1);
    // Debounced: one save, with the latest text, as soon as SAVE_DELAY_MS has passed.
    expect(saveSectionNotes).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(notes.status.kind).toBe('saved'));
    expect(saveSectionNotes).toHaveBeenCalledTimes(1);
    expect(saveSectionNotes).toHaveBeenCalledWith(
      session.id,
      'how-are-you',
      'Tired after the launch',
      undefined,
      { expected: '' },
    );
    const stored = await getSession(session.id);
    expect(stored?.notes['how-are-you']).toBe('Tired after the launch');
    expect(notes.status).toEqual({ kind: 'saved', at: stored?.updatedAt });
    expect(readJournal(session.id)).toEqual({});
    expect(localStorage.getItem(`duet-journal:${session.id}`)).toBeNull();
  });

  it('shows what another view saved after this one, and the next keystroke replaces that (no conflict)', async () => {
    const session = await plannedSession();
    await mount(session);
    await act(() => notes.update('how-are-you', 'A'));
    await act(async () => {
      await notes.flush();
    });
    // The live read has not caught up with this save yet: the older stored text is not taken for news.
    await mount({ ...session });
    expect(notes.text('how-are-you')).toBe('A');
    const mine = (await getSession(session.id))!;
    expect(mine.notes['how-are-you']).toBe('A');
    await mount(mine);
    expect(notes.text('how-are-you')).toBe('A');

    // The side panel goes on typing in the same field while this panel is hidden (presenting).
    await new Promise((resolve) => setTimeout(resolve, 2));
    const theirs = await realSaveSectionNotes(session.id, 'how-are-you', 'A and B from the side panel');
    await mount(theirs);
    expect(notes.text('how-are-you')).toBe('A and B from the side panel');

    await act(() => notes.update('how-are-you', 'A and B from the side panel, and C'));
    await act(async () => {
      await notes.flush();
    });
    expect(notes.conflicts).toEqual([]);
    expect((await getSession(session.id))?.notes['how-are-you']).toBe('A and B from the side panel, and C');
  });

  it('saves private notes to their own field', async () => {
    const session = await plannedSession();
    await mount(session);
    await act(() => notes.update(PRIVATE_FIELD, 'Seems stressed'));
    await vi.waitFor(async () => expect((await getSession(session.id))?.privateNotes).toBe('Seems stressed'));
    expect(savePrivateNotes).toHaveBeenCalledWith(session.id, 'Seems stressed', undefined, { expected: '' });
    expect(saveSectionNotes).not.toHaveBeenCalled();
    expect((await getSession(session.id))?.notes).toEqual({});
    await vi.waitFor(() => expect(readJournal(session.id)).toEqual({}));
  });

  it('saves at once on pagehide and on unmount, without waiting for the delay', async () => {
    const session = await plannedSession();
    await mount(session);
    fakeTimers();
    await act(() => notes.update('how-are-you', 'typed before closing'));
    await act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    // No timer has run: the save started on the event itself.
    expect(saveSectionNotes).toHaveBeenCalledWith(
      session.id,
      'how-are-you',
      'typed before closing',
      undefined,
      { expected: '' },
    );
    await vi.waitFor(async () =>
      expect((await getSession(session.id))?.notes['how-are-you']).toBe('typed before closing'),
    );

    await act(() => notes.update('your-topics', 'typed while hidden'));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    try {
      await act(() => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
    } finally {
      visibility.mockRestore();
    }
    expect(saveSectionNotes).toHaveBeenCalledWith(
      session.id,
      'your-topics',
      'typed while hidden',
      undefined,
      { expected: '' },
    );

    await act(() => notes.update('your-topics', 'typed before unmount'));
    await act(() => {
      render(null, container());
    });
    // Queued behind the save in flight, expecting what that one stored: saves never race each other.
    await vi.waitFor(() =>
      expect(saveSectionNotes).toHaveBeenCalledWith(
        session.id,
        'your-topics',
        'typed before unmount',
        undefined,
        { expected: 'typed while hidden' },
      ),
    );
    await vi.waitFor(async () =>
      expect((await getSession(session.id))?.notes['your-topics']).toBe('typed before unmount'),
    );
  });

  it('recovers journalled text newer than the stored notes on mount, and saves it', async () => {
    const session = await plannedSession({ 'how-are-you': 'Saved before the crash' });
    // Typed moments before the crash: a view that crashed never said it closed, so its text waits out the
    // grace a view still open has to save it.
    const crashed = Date.now() - OPEN_VIEW_GRACE_MS;
    journalWrite(
      session.id,
      'how-are-you',
      'Saved before the crash, and typed after',
      crashed,
      'Saved before the crash',
    );
    journalWrite(session.id, PRIVATE_FIELD, 'Private, never saved', crashed, '');
    journalWrite(session.id, 'your-topics', '', crashed); // equals what is stored: nothing to recover

    await mount(session);
    expect(notes.text('how-are-you')).toBe('Saved before the crash, and typed after');
    expect(notes.text(PRIVATE_FIELD)).toBe('Private, never saved');
    expect(notes.status).toEqual({ kind: 'pending' });

    await vi.waitFor(() => expect(notes.status.kind).toBe('saved'));
    const stored = await getSession(session.id);
    expect(stored?.notes['how-are-you']).toBe('Saved before the crash, and typed after');
    expect(stored?.privateNotes).toBe('Private, never saved');
    expect(saveSectionNotes).toHaveBeenCalledTimes(1);
    // The entry equal to the stored text is removed; the recovered ones are settled.
    expect(readJournal(session.id)).toEqual({});
  });

  it('leaves another open view its text typed moments ago; takes it over once that view says it closed', async () => {
    const session = await plannedSession({ 'how-are-you': 'Stored' });
    const other = newJournalWriter();
    journalWrite(
      session.id,
      'how-are-you',
      'Stored, and typed in the other view',
      Date.now(),
      'Stored',
      other,
    );
    await mount(session);
    // The other view saves it itself: this one shows what is stored and saves nothing.
    expect(notes.text('how-are-you')).toBe('Stored');
    expect(notes.status).toEqual({ kind: 'idle' });
    expect(readJournal(session.id)['how-are-you']?.writer).toBe(other);
    // It closed without saving (its tab went away): the next view takes its text over at once.
    journalWriterGone(other);
    await act(() => render(null, container()));
    await mount(session);
    expect(notes.text('how-are-you')).toBe('Stored, and typed in the other view');
  });

  it('does not save anything on mount when the journal matches the database', async () => {
    const session = await plannedSession({ 'how-are-you': 'Same' });
    journalWrite(session.id, 'how-are-you', 'Same', Date.now());
    fakeTimers();
    await mount(session);
    await advance(SAVE_DELAY_MS * 3);
    expect(notes.status).toEqual({ kind: 'idle' });
    expect(saveSectionNotes).not.toHaveBeenCalled();
  });

  it('keeps the text and says why when a save fails, then retries', async () => {
    const session = await plannedSession({ 'how-are-you': 'Older text' });
    await mount(session);
    fakeTimers();
    vi.mocked(saveSectionNotes).mockRejectedValue(quotaError());

    await act(() => notes.update('how-are-you', 'Typed while the disk is full'));
    await advance(SAVE_DELAY_MS);
    await vi.waitFor(() => expect(notes.status.kind).toBe('error'));
    expect(notes.status.kind === 'error' && notes.status.message).toMatch(QUOTA_MESSAGE);
    expect(notes.text('how-are-you')).toBe('Typed while the disk is full');
    expect(readJournal(session.id)['how-are-you']?.text).toBe('Typed while the disk is full');
    expect((await getSession(session.id))?.notes['how-are-you']).toBe('Older text');

    // Space is back: the retry saves it without anything typed.
    vi.mocked(saveSectionNotes).mockImplementation(realSaveSectionNotes);
    await advance(4000);
    await vi.waitFor(() => expect(notes.status.kind).toBe('saved'));
    expect((await getSession(session.id))?.notes['how-are-you']).toBe('Typed while the disk is full');
    expect(readJournal(session.id)).toEqual({});
  });

  it('does not retry a save refused as invalid, but keeps the text', async () => {
    const session = await plannedSession();
    await mount(session);
    fakeTimers();
    const tooLong = 'a'.repeat(200_001);
    await act(() => notes.update('how-are-you', tooLong));
    await act(async () => {
      await notes.flush();
    });
    expect(notes.status.kind).toBe('error');
    expect(notes.status.kind === 'error' && notes.status.message).toMatch(/notes: at most/);
    expect(notes.text('how-are-you')).toBe(tooLong);
    await advance(30_000);
    expect(saveSectionNotes).toHaveBeenCalledTimes(1);
    expect(notes.status.kind).toBe('error');
  });

  it('ignores typing without a session', async () => {
    await mount(undefined);
    await act(() => notes.update('how-are-you', 'nowhere to go'));
    expect(notes.text('how-are-you')).toBe('');
    expect(notes.status).toEqual({ kind: 'idle' });
    expect(localStorage.length).toBe(0);
  });
});

// CaptureLine --------------------------------------------------------------------------------------

describe('CaptureLine', () => {
  /** Wednesday 18 November 2026, 10:00 local: "by Friday" is 20 November. */
  const NOW = new Date(2026, 10, 18, 10, 0);

  const q = <T extends HTMLElement = HTMLElement>(testId: string) =>
    container().querySelector<T>(`[data-testid="${testId}"]`);

  async function show(
    onAdd: (agreement: CapturedAgreement) => Promise<ActionResult>,
    now: () => Date = () => new Date(NOW),
  ) {
    await act(() => {
      render(
        <CaptureLine counterpartNames={['Sam Lee']} theirLabel="Sam" locale="en" onAdd={onAdd} now={now} />,
        container(),
      );
    });
  }

  async function type(text: string) {
    const input = q<HTMLInputElement>('capture-input')!;
    await act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  async function pressEnter() {
    const form = q<HTMLFormElement>('capture-form')!;
    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await Promise.resolve();
    });
  }

  const owner = () => q<HTMLSelectElement>('capture-owner')!;
  const due = () => q<HTMLInputElement>('capture-due')!;

  it('previews who and by when as you type', async () => {
    await show(vi.fn());
    expect(q('capture-preview')).toBeNull();
    await type('Sam: send the draft by Friday');
    expect(q('capture-preview')).not.toBeNull();
    expect(owner().value).toBe('them');
    expect(due().value).toBe('2026-11-20');
    expect(q('capture-text')?.textContent).toBe('Send the draft');
    expect(q('capture-preview')?.textContent).toContain('Sam: Send the draft, due 2026-11-20');
    expect(q('capture-error')).toBeNull();
  });

  it('Enter adds the parsed agreement and clears the line', async () => {
    const onAdd = vi.fn(async (_agreement: CapturedAgreement): Promise<ActionResult> => ({ ok: true }));
    await show(onAdd);
    await type('Sam: send the draft by Friday');
    await pressEnter();
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(onAdd).toHaveBeenCalledWith({
      owner: 'them',
      ownerName: '',
      text: 'Send the draft',
      dueDate: '2026-11-20',
    });
    await vi.waitFor(() => expect(q<HTMLInputElement>('capture-input')!.value).toBe(''));
    expect(q('capture-preview')).toBeNull();
    expect(q('capture-error')).toBeNull();
  });

  it('reads "tomorrow" as of the press: typed at 23:59, added at 00:01, it is the day after', async () => {
    const onAdd = vi.fn(async (_agreement: CapturedAgreement): Promise<ActionResult> => ({ ok: true }));
    let clock = new Date(2026, 10, 18, 23, 59);
    await show(onAdd, () => new Date(clock));
    await type('Sam: send the draft by tomorrow');
    expect(due().value).toBe('2026-11-19');
    clock = new Date(2026, 10, 19, 0, 1);
    await pressEnter();
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ dueDate: '2026-11-20' }));
  });

  it('keeps a line typed while the previous agreement was saving', async () => {
    let finish: (result: ActionResult) => void = () => {};
    const onAdd = vi.fn(
      (_agreement: CapturedAgreement) => new Promise<ActionResult>((resolve) => (finish = resolve)),
    );
    await show(onAdd);
    await type('Sam: send the draft by Friday');
    await pressEnter();
    expect(onAdd).toHaveBeenCalledTimes(1);
    await type('I review the budget');
    await act(async () => finish({ ok: true }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(q<HTMLInputElement>('capture-input')!.value).toBe('I review the budget');
    expect(q('capture-preview')).not.toBeNull();
  });

  it('the owner select and the due date override what was parsed', async () => {
    const onAdd = vi.fn(async (_agreement: CapturedAgreement): Promise<ActionResult> => ({ ok: true }));
    await show(onAdd);
    await type('Sam: send the draft by Friday');
    await act(() => {
      owner().value = 'both';
      owner().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => {
      due().value = '2026-12-01';
      due().dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(owner().value).toBe('both');
    expect(due().value).toBe('2026-12-01');
    expect(q('capture-preview')?.textContent).toContain('Both: Send the draft, due 2026-12-01');
    await pressEnter();
    expect(onAdd).toHaveBeenCalledWith({
      owner: 'both',
      ownerName: '',
      text: 'Send the draft',
      dueDate: '2026-12-01',
    });
  });

  it('clearing the due date adds the agreement without one', async () => {
    const onAdd = vi.fn(async (_agreement: CapturedAgreement): Promise<ActionResult> => ({ ok: true }));
    await show(onAdd);
    await type('Sam: send the draft by Friday');
    await act(() => {
      due().value = '';
      due().dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(q('capture-preview')?.textContent).toContain('no due date');
    await pressEnter();
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ owner: 'them', dueDate: null }));
  });

  it('typing again drops the overrides', async () => {
    await show(vi.fn());
    await type('Sam: send the draft by Friday');
    await act(() => {
      owner().value = 'me';
      owner().dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(owner().value).toBe('me');
    await type('Sam: send the draft by Friday!');
    expect(owner().value).toBe('them');
  });

  it('someone else by name: offered as owner and passed on with the name', async () => {
    const onAdd = vi.fn(async (_agreement: CapturedAgreement): Promise<ActionResult> => ({ ok: true }));
    await show(onAdd);
    await type('Priya: review the budget');
    expect(owner().value).toBe('named');
    expect([...owner().options].map((o) => o.textContent)).toEqual(['Me', 'Sam', 'Both', 'Priya']);
    expect(due().value).toBe('');
    await pressEnter();
    expect(onAdd).toHaveBeenCalledWith({
      owner: 'named',
      ownerName: 'Priya',
      text: 'Review the budget',
      dueDate: null,
    });
  });

  it('a line without an owner is mine', async () => {
    const onAdd = vi.fn(async (_agreement: CapturedAgreement): Promise<ActionResult> => ({ ok: true }));
    await show(onAdd);
    await type('update the roadmap tomorrow');
    expect(owner().value).toBe('me');
    expect(due().value).toBe('2026-11-19');
    await pressEnter();
    expect(onAdd).toHaveBeenCalledWith({
      owner: 'me',
      ownerName: '',
      text: 'Update the roadmap',
      dueDate: '2026-11-19',
    });
  });

  it('keeps the line and shows the message when adding fails', async () => {
    const onAdd = vi.fn(async (_agreement: CapturedAgreement): Promise<ActionResult> => ({
      ok: false,
      message: 'Your browser has no storage space left for Duet.',
    }));
    await show(onAdd);
    await type('Sam: send the draft by Friday');
    await pressEnter();
    await vi.waitFor(() => expect(q('capture-error')).not.toBeNull());
    expect(q('capture-error')?.textContent).toBe('Your browser has no storage space left for Duet.');
    expect(q('capture-error')?.getAttribute('role')).toBe('alert');
    expect(q<HTMLInputElement>('capture-input')!.value).toBe('Sam: send the draft by Friday');
    expect(q<HTMLInputElement>('capture-input')!.getAttribute('aria-invalid')).toBe('true');
    expect(q<HTMLButtonElement>('capture-add')!.disabled).toBe(false);
    expect(owner().value).toBe('them');
    // Typing clears the message.
    await type('Sam: send the draft by Friday.');
    expect(q('capture-error')).toBeNull();
  });

  it('keeps an owner override when adding fails', async () => {
    const onAdd = vi.fn(async (_agreement: CapturedAgreement): Promise<ActionResult> => ({
      ok: false,
      message: 'Nope',
    }));
    await show(onAdd);
    await type('Sam: send the draft by Friday');
    await act(() => {
      owner().value = 'me';
      owner().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await pressEnter();
    await vi.waitFor(() => expect(q('capture-error')?.textContent).toBe('Nope'));
    expect(owner().value).toBe('me');
  });

  it.each(['', '   '])('an empty submit (%j) says what to type and adds nothing', async (line) => {
    const onAdd = vi.fn(async (_agreement: CapturedAgreement): Promise<ActionResult> => ({ ok: true }));
    await show(onAdd);
    await type(line);
    await pressEnter();
    expect(onAdd).not.toHaveBeenCalled();
    expect(q('capture-error')?.textContent).toMatch(/Type what was agreed/);
    expect(q('capture-error')?.getAttribute('role')).toBe('alert');
  });

  it('a name without an action says what is missing and adds nothing', async () => {
    const onAdd = vi.fn(async (_agreement: CapturedAgreement): Promise<ActionResult> => ({ ok: true }));
    await show(onAdd);
    await type('Sam:');
    await pressEnter();
    expect(onAdd).not.toHaveBeenCalled();
    expect(q('capture-error')?.textContent).toMatch(/Add what needs to be done/);
    expect(q<HTMLInputElement>('capture-input')!.value).toBe('Sam:');
  });

  it('shows the line as text, never as markup', async () => {
    await show(vi.fn());
    await type('Sam: check <img src=x onerror=alert(1)> by Friday');
    expect(q('capture-text')?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container().querySelectorAll('img')).toHaveLength(0);
  });
});

describe('two windows editing the same notes (SECURITY.md item 18)', () => {
  let notes: SessionNotes;
  function Probe({ session }: { session: Session | undefined }) {
    notes = useSessionNotes(session);
    return null;
  }
  async function mount(session: Session | undefined) {
    await act(() => {
      render(<Probe session={session} />, container());
    });
  }
  /** The other window: saves straight to the database. */
  const saveSectionNotesReal = (sessionId: string, field: string, text: string) =>
    realSaveSectionNotes(sessionId, field, text);

  it('a save never overwrites text another window stored meanwhile: the conflict is shown, and resolved', async () => {
    const session = await plannedSession({ 'how-are-you': 'Original' });
    await mount(session);
    await act(() => notes.update('how-are-you', 'Mine'));
    // Another window saves the same section first.
    await saveSectionNotesReal(session.id, 'how-are-you', 'Theirs');
    await act(async () => {
      await notes.flush();
    });
    await vi.waitFor(() => expect(notes.conflict).toEqual({ field: 'how-are-you', theirs: 'Theirs' }));
    expect((await getSession(session.id))?.notes['how-are-you']).toBe('Theirs');
    expect(notes.text('how-are-you')).toBe('Mine');
    expect(notes.status.kind).toBe('error');

    await act(() => notes.resolve('mine'));
    await vi.waitFor(async () => expect((await getSession(session.id))?.notes['how-are-you']).toBe('Mine'));
    expect(notes.conflict).toBeNull();
  });

  it('"Use theirs" takes the other window\'s text and stores nothing over it', async () => {
    const session = await plannedSession({ 'how-are-you': 'Original' });
    await mount(session);
    await act(() => notes.update('how-are-you', 'Mine'));
    await saveSectionNotesReal(session.id, 'how-are-you', 'Theirs');
    await act(async () => {
      await notes.flush();
    });
    await vi.waitFor(() => expect(notes.conflict).not.toBeNull());
    await act(() => notes.resolve('theirs'));
    expect(notes.text('how-are-you')).toBe('Theirs');
    expect((await getSession(session.id))?.notes['how-are-you']).toBe('Theirs');
  });
});

describe('two tabs of the same session: each keeps its own unsaved text (SECURITY.md item 18)', () => {
  const tabs: Record<string, SessionNotes> = {};
  function Tab({ name, session }: { name: string; session: Session }) {
    tabs[name] = useSessionNotes(session);
    return null;
  }
  async function open(name: string, session: Session) {
    const element = document.createElement('div');
    container().append(element);
    await act(() => render(<Tab name={name} session={session} />, element));
    return element;
  }
  async function close(element: HTMLElement) {
    await act(() => render(null, element));
    element.remove();
  }
  const flushTab = (name: string) =>
    act(async () => {
      await tabs[name]!.flush();
    });

  it("a tab's save never relabels the other tab's text, so reopening shows the conflict, not an overwrite", async () => {
    const session = await plannedSession({ 'your-topics': 'orig' });
    const a = await open('A', session);
    const b = await open('B', session);
    await act(() => tabs.A!.update('your-topics', 'A typed this'));
    await act(() => tabs.B!.update('your-topics', 'B typed this'));
    await flushTab('A');
    await flushTab('B');
    expect(tabs.B!.conflict).toEqual({ field: 'your-topics', theirs: 'A typed this' });
    // B is closed with the conflict undecided; A closes too.
    await close(b);
    await close(a);
    const c = await open('C', (await getSession(session.id))!);
    await vi.waitFor(() =>
      expect(tabs.C!.conflict).toEqual({ field: 'your-topics', theirs: 'A typed this' }),
    );
    await flushTab('C');
    expect((await getSession(session.id))!.notes['your-topics']).toBe('A typed this');
    expect(tabs.C!.text('your-topics')).toBe('B typed this');
    await close(c);
  });

  it("typing and saving in one tab keeps the other tab's undecided text for when the notes are reopened", async () => {
    const session = await plannedSession({ 'your-topics': 'orig' });
    const a = await open('A', session);
    const b = await open('B', session);
    await act(() => tabs.A!.update('your-topics', 'orig + A'));
    await flushTab('A');
    await act(() => tabs.B!.update('your-topics', 'orig + B only copy'));
    await flushTab('B');
    expect(tabs.B!.conflict?.theirs).toBe('orig + A');
    await close(b);
    await act(() => tabs.A!.update('your-topics', 'orig + A + more'));
    await flushTab('A');
    await close(a);
    const c = await open('C', (await getSession(session.id))!);
    await vi.waitFor(() => expect(tabs.C!.text('your-topics')).toBe('orig + B only copy'));
    expect(tabs.C!.conflict).toEqual({ field: 'your-topics', theirs: 'orig + A + more' });
    await close(c);
  });
});

describe('a session control whose save fails says so (SECURITY.md item 16)', () => {
  const FAIL = async (): Promise<ActionResult> => ({
    ok: false,
    message: 'Your browser has no storage space left',
  });

  it('the agenda: the box goes back to what is stored, and the message shows', async () => {
    const { Agenda } = await import('@/components/panel/session/Agenda');
    await act(() =>
      render(
        <Agenda
          points={[
            {
              id: 'tp1',
              relationshipId: 'r1',
              text: 'Promotion case',
              author: 'me',
              status: 'open',
              sessionId: 's1',
              order: 1,
              discussedAt: null,
              createdAt: 1,
              updatedAt: 1,
            },
          ]}
          theirName="Sam"
          ended={false}
          onToggle={FAIL}
          onAdd={FAIL}
        />,
        container(),
      ),
    );
    const box = container().querySelector<HTMLInputElement>('[data-testid=agenda-discussed]')!;
    await act(async () => {
      box.click();
      await Promise.resolve();
    });
    await vi.waitFor(() =>
      expect(container().querySelector('[role=alert]')?.textContent).toMatch(QUOTA_MESSAGE),
    );
    expect(box.checked).toBe(false);
  });

  it('the career self-assessment', async () => {
    const { CareerSection } = await import('@/components/panel/session/CareerSection');
    await act(() =>
      render(
        <CareerSection
          parts={['assessment']}
          assessment={null}
          steps={[]}
          onAssess={FAIL}
          onAddStep={FAIL}
          onSetStepArchived={FAIL}
        />,
        container(),
      ),
    );
    await act(() => container().querySelector<HTMLButtonElement>('[data-testid=assessment-ahead]')!.click());
    await vi.waitFor(() =>
      expect(container().querySelector('[role=alert]')?.textContent).toMatch(QUOTA_MESSAGE),
    );
  });

  it('the check-in saves only the scale clicked (a quick second click keeps the first)', async () => {
    const { CheckIn } = await import('@/components/panel/session/CheckIn');
    const saved: unknown[] = [];
    const onChange = vi.fn(async (value: unknown) => {
      saved.push(value);
      return { ok: true } as const;
    });
    // The stored value has not caught up between the two clicks: the view still shows nothing chosen.
    await act(() => render(<CheckIn value={null} onChange={onChange} />, container()));
    await act(() => container().querySelector<HTMLButtonElement>('[data-testid=check-in-mood-4]')!.click());
    await act(() =>
      container().querySelector<HTMLButtonElement>('[data-testid=check-in-workload-2]')!.click(),
    );
    expect(saved).toEqual([{ mood: 4 }, { workload: 2 }]);
  });

  it('the check-in', async () => {
    const { CheckIn } = await import('@/components/panel/session/CheckIn');
    await act(() => render(<CheckIn value={null} onChange={FAIL} />, container()));
    await act(() => container().querySelector<HTMLButtonElement>('[data-testid=check-in-mood-4]')!.click());
    await vi.waitFor(() =>
      expect(container().querySelector('[role=alert]')?.textContent).toMatch(QUOTA_MESSAGE),
    );
  });
});
