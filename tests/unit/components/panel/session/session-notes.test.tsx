/**
 * useSessionNotes when things go wrong: several conflicts at once, one field that cannot be saved among
 * others, journal recovery over text another window saved later, a session switch with text still
 * pending, and what `flush()` reports. Rule: nothing the user typed is lost, and the message says which
 * section is not saved.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { journalWrite, readJournal } from '@/components/shared/note-journal';
import {
  PRIVATE_FIELD,
  type SessionNotes,
  type SessionNotesOptions,
  useSessionNotes,
} from '@/components/panel/session/use-session-notes';
import { getSession, saveSectionNotes } from '@/lib/db';
import type * as Db from '@/lib/db';
import type { Session } from '@/lib/domain/model';
import { plannedSession as planned, useEmptyJournal } from '../../../helpers/planned-session';
import { useRenderContainer } from '../../../helpers/dom-container';

vi.mock('@/lib/db', async (importOriginal) => {
  const actual = await importOriginal<typeof Db>();
  return { ...actual, saveSectionNotes: vi.fn(actual.saveSectionNotes) };
});

const { saveSectionNotes: realSaveSectionNotes } = await vi.importActual<typeof Db>('@/lib/db');

beforeEach(() => {
  vi.mocked(saveSectionNotes).mockReset().mockImplementation(realSaveSectionNotes);
});
useEmptyJournal();
const container = useRenderContainer();

const plannedSession = (notes: Record<string, string> = {}): Promise<Session> =>
  planned(notes, realSaveSectionNotes);

/** Another window: saves straight to the database. */
const otherWindowSaves = (sessionId: string, field: string, text: string) =>
  realSaveSectionNotes(sessionId, field, text);

const stored = async (sessionId: string, field: string) => (await getSession(sessionId))?.notes[field];

let notes: SessionNotes;
function Probe({ session, options }: { session: Session | undefined; options?: SessionNotesOptions }) {
  notes = useSessionNotes(session, options);
  return null;
}
async function mount(session: Session | undefined, options?: SessionNotesOptions) {
  await act(() => {
    render(<Probe session={session} options={options} />, container());
  });
}
async function flush(): Promise<boolean> {
  let result: boolean | undefined;
  await act(async () => {
    result = await notes.flush();
  });
  return result!;
}
const TITLES: Record<string, string> = { 'how-are-you': 'How are you?', 'your-topics': 'Your topics' };
const titleOf = (field: string) => TITLES[field];

describe('two fields changed in another window at once', () => {
  /** I type MINE-1 and MINE-2 in two fields; another window then saves theirs-1 and theirs-2 over them. */
  async function bothFieldsChangedElsewhere(): Promise<Session> {
    const session = await plannedSession({ 'how-are-you': 'o1', 'your-topics': 'o2' });
    await mount(session);
    await act(() => notes.update('how-are-you', 'MINE-1'));
    await act(() => notes.update('your-topics', 'MINE-2'));
    await otherWindowSaves(session.id, 'how-are-you', 'theirs-1');
    await otherWindowSaves(session.id, 'your-topics', 'theirs-2');
    return session;
  }

  it('offers each conflict in turn and saves what I keep in every one of them', async () => {
    const session = await bothFieldsChangedElsewhere();

    const whileConflicted = await flush();
    expect(notes.conflicts).toEqual([
      { field: 'how-are-you', theirs: 'theirs-1' },
      { field: 'your-topics', theirs: 'theirs-2' },
    ]);
    expect(notes.conflict).toEqual({ field: 'how-are-you', theirs: 'theirs-1' });
    expect(notes.status.kind).toBe('error');
    // Nothing of mine is overwritten or forgotten meanwhile.
    expect(await stored(session.id, 'how-are-you')).toBe('theirs-1');
    expect(await stored(session.id, 'your-topics')).toBe('theirs-2');
    expect(readJournal(session.id)['how-are-you']?.text).toBe('MINE-1');
    expect(readJournal(session.id)['your-topics']?.text).toBe('MINE-2');

    await act(() => notes.resolve('mine'));
    await vi.waitFor(async () => expect(await stored(session.id, 'how-are-you')).toBe('MINE-1'));
    // The next one is offered now.
    expect(notes.conflict).toEqual({ field: 'your-topics', theirs: 'theirs-2' });
    expect(await stored(session.id, 'your-topics')).toBe('theirs-2');

    await act(() => notes.resolve('mine'));
    await vi.waitFor(async () => expect(await stored(session.id, 'your-topics')).toBe('MINE-2'));
    expect(notes.conflicts).toEqual([]);
    expect(notes.conflict).toBeNull();
    expect(whileConflicted).toBe(false);
    expect(await flush()).toBe(true);
    expect(notes.status.kind).toBe('saved');
    expect(readJournal(session.id)).toEqual({});
  });

  it('resolves a named field, and "theirs" for one leaves the other offered', async () => {
    const session = await bothFieldsChangedElsewhere();
    await flush();

    await act(() => notes.resolve('theirs', 'your-topics'));
    expect(notes.text('your-topics')).toBe('theirs-2');
    expect(notes.conflicts).toEqual([{ field: 'how-are-you', theirs: 'theirs-1' }]);
    expect(readJournal(session.id)['your-topics']).toBeUndefined();
    expect(readJournal(session.id)['how-are-you']?.text).toBe('MINE-1');
    expect(await flush()).toBe(false);
  });

  it("keeps a conflicted field's text through closing the panel: the next panel offers the choice again", async () => {
    const session = await plannedSession({ 'how-are-you': 'o1' });
    await mount(session);
    await act(() => notes.update('how-are-you', 'MINE-1'));
    await act(() => notes.update('your-topics', 'saved anyway'));
    await otherWindowSaves(session.id, 'how-are-you', 'theirs-1');
    const whileConflicted = await flush();
    // The other field is not held back by the conflict.
    expect(await stored(session.id, 'your-topics')).toBe('saved anyway');
    expect(whileConflicted).toBe(false);
    // Typing on in the conflicted field keeps the newest text for "Keep mine".
    await act(() => notes.update('how-are-you', 'MINE-1, and more'));

    await act(() => {
      render(null, container());
    });
    expect(await stored(session.id, 'how-are-you')).toBe('theirs-1');
    expect(readJournal(session.id)['how-are-you']?.text).toBe('MINE-1, and more');

    await mount((await getSession(session.id))!);
    expect(notes.conflict).toEqual({ field: 'how-are-you', theirs: 'theirs-1' });
    expect(notes.text('how-are-you')).toBe('MINE-1, and more');
    await act(() => notes.resolve('mine'));
    await vi.waitFor(async () => expect(await stored(session.id, 'how-are-you')).toBe('MINE-1, and more'));
  });
});

describe('one field that cannot be saved', () => {
  it('an invalid field does not stop the others, names its section, and saves once edited', async () => {
    const session = await plannedSession();
    await mount(session, { titleOf });
    const tooLong = 'a'.repeat(200_001);
    await act(() => notes.update('how-are-you', tooLong));
    const whileInvalid = await flush();
    expect(notes.status.kind === 'error' && notes.status.message).toMatch(/“How are you\?”.*notes: at most/);
    expect(notes.errors).toEqual([
      { field: 'how-are-you', title: 'How are you?', message: expect.stringMatching(/notes: at most/) },
    ]);

    await act(() => notes.update('your-topics', 'IMPORTANT SHORT NOTE'));
    await vi.waitFor(async () =>
      expect(await stored(session.id, 'your-topics')).toBe('IMPORTANT SHORT NOTE'),
    );
    expect(whileInvalid).toBe(false);
    expect(await flush()).toBe(false);
    // The invalid text is kept on screen and in the journal; the section is still named.
    expect(notes.text('how-are-you')).toBe(tooLong);
    expect(readJournal(session.id)['how-are-you']?.text).toBe(tooLong);
    expect(notes.status.kind === 'error' && notes.status.message).toMatch(/How are you\?/);

    await act(() => notes.update('how-are-you', 'short now'));
    await vi.waitFor(async () => expect(await stored(session.id, 'how-are-you')).toBe('short now'));
    expect(await flush()).toBe(true);
    expect(notes.errors).toEqual([]);
    expect(notes.status.kind).toBe('saved');
  });

  it('names the section by its id when the hook has no title for it', async () => {
    const session = await plannedSession();
    await mount(session);
    await act(() => notes.update('how-are-you', 'a'.repeat(200_001)));
    await flush();
    expect(notes.status.kind === 'error' && notes.status.message).toMatch(/“how-are-you”/);
  });

  it('a failed write of one field names it, the others save, and it is retried', async () => {
    const session = await plannedSession();
    await mount(session, { titleOf });
    vi.mocked(saveSectionNotes).mockImplementation((id, field, text, db, options) =>
      field === 'your-topics'
        ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
        : realSaveSectionNotes(id, field, text, db, options),
    );
    await act(() => notes.update('your-topics', 'cannot land yet'));
    await act(() => notes.update('how-are-you', 'lands'));
    await act(() => notes.update(PRIVATE_FIELD, 'private lands'));
    const whileFailing = await flush();
    expect(await stored(session.id, 'how-are-you')).toBe('lands');
    expect((await getSession(session.id))?.privateNotes).toBe('private lands');
    expect(notes.status.kind === 'error' && notes.status.message).toMatch(/“Your topics”.*no storage space/);
    expect(whileFailing).toBe(false);
    expect(notes.errors.map((e) => e.field)).toEqual(['your-topics']);
    expect(readJournal(session.id)['your-topics']?.text).toBe('cannot land yet');

    vi.mocked(saveSectionNotes).mockImplementation(realSaveSectionNotes);
    expect(await flush()).toBe(true);
    expect(await stored(session.id, 'your-topics')).toBe('cannot land yet');
    expect(notes.errors).toEqual([]);
    expect(readJournal(session.id)).toEqual({});
  });
});

describe('recovering journalled text', () => {
  it('does not save over text another window stored after it was typed: it offers the choice', async () => {
    const session = await plannedSession({ 'how-are-you': 'old' });
    journalWrite(session.id, 'how-are-you', 'A typed this an hour ago', Date.now() - 3_600_000, 'old');
    await otherWindowSaves(session.id, 'how-are-you', 'B: newer text written later');
    await mount((await getSession(session.id))!);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await stored(session.id, 'how-are-you')).toBe('B: newer text written later');
    expect(notes.conflict).toEqual({ field: 'how-are-you', theirs: 'B: newer text written later' });
    expect(notes.text('how-are-you')).toBe('A typed this an hour ago');
    expect(readJournal(session.id)['how-are-you']?.text).toBe('A typed this an hour ago');

    await act(() => notes.resolve('mine'));
    await vi.waitFor(async () =>
      expect(await stored(session.id, 'how-are-you')).toBe('A typed this an hour ago'),
    );
  });

  it('an entry without its base (older journals) is not saved over a session changed since it was typed', async () => {
    const session = await plannedSession({ 'how-are-you': 'old' });
    journalWrite(session.id, 'how-are-you', 'typed an hour ago', Date.now() - 3_600_000);
    await otherWindowSaves(session.id, 'how-are-you', 'newer');
    await mount((await getSession(session.id))!);
    const whileConflicted = await flush();
    expect(await stored(session.id, 'how-are-you')).toBe('newer');
    expect(notes.conflict).toEqual({ field: 'how-are-you', theirs: 'newer' });
    expect(whileConflicted).toBe(false);
  });

  it('saves an entry typed over what is still stored', async () => {
    const session = await plannedSession({ 'how-are-you': 'old' });
    await otherWindowSaves(session.id, 'your-topics', 'unrelated change later');
    journalWrite(session.id, 'how-are-you', 'typed over old', Date.now() - 3_600_000, 'old');
    await mount((await getSession(session.id))!);
    expect(await flush()).toBe(true);
    expect(await stored(session.id, 'how-are-you')).toBe('typed over old');
    expect(notes.conflict).toBeNull();
  });

  it('journals the base of each keystroke, and a "Keep mine" rebases it on theirs', async () => {
    const session = await plannedSession({ 'how-are-you': 'o1' });
    await mount(session);
    await act(() => notes.update('how-are-you', 'mine'));
    expect(readJournal(session.id)['how-are-you']).toMatchObject({ text: 'mine', base: 'o1' });
    await otherWindowSaves(session.id, 'how-are-you', 'theirs');
    await flush();
    vi.mocked(saveSectionNotes).mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await act(() => notes.resolve('mine'));
    expect(readJournal(session.id)['how-are-you']).toMatchObject({ text: 'mine', base: 'theirs' });
  });
});

describe('switching sessions', () => {
  it('saves text typed for one session to that session, never to the next one shown', async () => {
    const a = await plannedSession();
    const b = await plannedSession({ 'how-are-you': "B's notes" });
    await mount(a);
    await act(() => notes.update('how-are-you', 'typed for A'));
    await mount(b); // the same hook, now showing B
    expect(notes.text('how-are-you')).toBe("B's notes");
    await vi.waitFor(async () => expect(await stored(a.id, 'how-are-you')).toBe('typed for A'));
    expect(await flush()).toBe(true);
    expect(await stored(b.id, 'how-are-you')).toBe("B's notes");
    expect(readJournal(a.id)).toEqual({});
    expect(readJournal(b.id)).toEqual({});
    expect(notes.status).toEqual({ kind: 'idle' });
  });

  it('a conflict in the session left behind stays journalled, and flush says so', async () => {
    const a = await plannedSession({ 'how-are-you': 'o' });
    const b = await plannedSession();
    await mount(a);
    await act(() => notes.update('how-are-you', 'mine in A'));
    await otherWindowSaves(a.id, 'how-are-you', 'theirs in A');
    await mount(b);
    const whileConflicted = await flush();
    expect(notes.conflict).toBeNull(); // B has none
    expect(await stored(a.id, 'how-are-you')).toBe('theirs in A');
    expect(await stored(b.id, 'how-are-you')).toBeUndefined();
    expect(readJournal(a.id)['how-are-you']?.text).toBe('mine in A');
    // Back to A: the choice is offered there.
    await mount((await getSession(a.id))!);
    expect(notes.conflict).toEqual({ field: 'how-are-you', theirs: 'theirs in A' });
    expect(notes.text('how-are-you')).toBe('mine in A');
    expect(whileConflicted).toBe(false);
  });
});

describe('flush()', () => {
  it('is true when everything typed is saved, and with nothing to save', async () => {
    const session = await plannedSession();
    await mount(session);
    expect(await flush()).toBe(true);
    await act(() => notes.update('how-are-you', 'x'));
    expect(await flush()).toBe(true);
    expect(await stored(session.id, 'how-are-you')).toBe('x');
  });
});
