import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describeSaveError,
  type NoteTarget,
  SAVE_DELAY_MS,
  useNoteDraft,
} from '@/components/panel/use-note-draft';
import {
  describeStorageProblem,
  createRelationship,
  getEventNote,
  InvalidInputError,
  saveEventNote,
  getDatabase,
  setDatabaseForTests,
  DATABASE_NAME,
  LATEST_VERSION,
  SCHEMA_VERSIONS,
} from '@/lib/db';
import { MAX_LONG_TEXT } from '@/lib/domain/model';
import { stashDraft } from '@/components/shared/draft-stash';
import { journalWriterGone, mayTakeOver } from '@/components/shared/note-journal';
import type * as Db from '@/lib/db';
import { useRenderContainer } from '../../helpers/dom-container';

// The hook's saves go through a spy, so a test can make one slow or never finish (the tab closed mid-save).
vi.mock('@/lib/db', async (importOriginal) => {
  const actual = await importOriginal<typeof Db>();
  return { ...actual, saveEventNote: vi.fn(actual.saveEventNote) };
});
/** A save from another window (not through the spy). */
const { saveEventNote: saveElsewhere } = await vi.importActual<typeof Db>('@/lib/db');

/** An IndexedDB whose every open throws `new DOMException(message, name)`; deleting a database fails too. */
function indexedDBThatCannotOpen(message: string, name: string): IDBFactory {
  return {
    open: () => {
      throw new DOMException(message, name);
    },
    deleteDatabase: () => {
      throw new DOMException('unavailable', 'InvalidStateError');
    },
    cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
    databases: async () => [],
  } as unknown as IDBFactory;
}

const GENERIC = "Couldn't save just now. Your text is still here and Duet will retry.";

describe('describeSaveError', () => {
  it.each<[string, unknown]>([
    [
      'a QuotaExceededError DOMException',
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    ],
    [
      'an Error named QuotaExceededError',
      Object.assign(new Error('no space'), { name: 'QuotaExceededError' }),
    ],
    ['Dexie’s QuotaExceededError', new Dexie.QuotaExceededError('QuotaExceededError')],
    [
      'Dexie’s AbortError wrapping a quota DOMException (what a failed transaction rejects with)',
      new Dexie.AbortError(new DOMException('Quota exceeded', 'QuotaExceededError')),
    ],
    ['an error that mentions the quota', new Error('Storage quota reached for this origin')],
  ])('%s → the out-of-space message', (_label, error) => {
    expect(describeStorageProblem(error).kind).toBe('quota');
    const message = describeSaveError(error);
    expect(message).toBe(describeStorageProblem(error).message);
    expect(message).toMatch(/storage space/i);
    // The user is told the text is safe, never that it was lost.
    expect(message).toMatch(/not(hing you typed is)? lost|still here/i);
  });

  it('passes an invalid-input reason through', () => {
    const error = new InvalidInputError('notes: at most 200000 characters');
    expect(describeStorageProblem(error).kind).toBe('invalid');
    expect(describeSaveError(error)).toBe('notes: at most 200000 characters');
  });

  it('describes the real error from an oversize save', async () => {
    const error = await saveEventNote(
      { eventKey: 'e_20260323T170000Z', seriesKey: 'e', title: 'Alice / Bob' },
      'a'.repeat(MAX_LONG_TEXT + 1),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(describeSaveError(error)).toMatch(/notes: at most/);
  });

  it.each<[string, unknown]>([
    ['a generic Error', new Error('boom')],
    ['a TypeError', new TypeError('x is undefined')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['null', null],
  ])('%s → the generic retry message', (_label, error) => {
    expect(describeSaveError(error)).toBe(GENERIC);
  });

  it('never echoes the note text of a failed save', () => {
    const error = new Error('write failed for "Bob is worried about layoffs"');
    expect(describeSaveError(error)).toBe(GENERIC);
  });
});

describe('useNoteDraft', () => {
  const target: NoteTarget = { eventKey: 'bob_20260323T170000Z', seriesKey: 'bob', title: 'Alice / Bob' };
  let draft: ReturnType<typeof useNoteDraft>;

  function Probe({ of }: { of: NoteTarget | null }) {
    draft = useNoteDraft(of);
    return null;
  }

  // The hook stashes unsaved drafts in sessionStorage; never let one leak into the next test. Registered
  // before the container, so it runs after the unmount.
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  const container = useRenderContainer();

  async function mount(of: NoteTarget | null) {
    await act(() => {
      render(<Probe of={of} />, container());
    });
  }

  /** The panel goes away (another event selected, the panel or the tab closed). */
  async function unmount() {
    await act(() => {
      render(null, container());
    });
  }

  /** Duet's own keys in the extension's localStorage that hold this text. */
  const kept = (text: string) =>
    Object.keys(localStorage).filter((key) => localStorage.getItem(key)?.includes(text));

  it('loads the stored note for the target', async () => {
    await saveEventNote(target, 'from last time');
    await mount(target);
    await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
    expect(draft.text).toBe('from last time');
  });

  it("loads and saves the shown 1:1's note, not another 1:1's for the same event", async () => {
    const alices = await saveEventNote(target, "Alice's notes");
    const bob = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Bob / Me' });
    const forBob = { ...target, relationshipId: bob.id };
    await mount(forBob);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    expect(draft.text).toBe('');
    await act(() => draft.update('For Bob'));
    await vi.waitFor(async () =>
      expect((await getEventNote(target.eventKey, undefined, bob.id))?.text).toBe('For Bob'),
    );
    expect((await getEventNote(target.eventKey, undefined, alices.relationshipId))?.text).toBe(
      "Alice's notes",
    );
  });

  it('brings back text typed before the event was a 1:1 once it opens as that 1:1', async () => {
    // Typed while the panel knew no 1:1: the first save made one (no people) and its session; the rest of
    // the text was journalled under "no 1:1" when the tab closed before its save.
    const session = await saveEventNote({ ...target, relationshipId: null }, 'first');
    localStorage.setItem(
      `duet-journal:calendar:${target.eventKey}`,
      JSON.stringify({ '-': { text: 'first second third', at: 1, base: 'first' } }),
    );
    // Reopened: the event now resolves to that 1:1.
    await mount({ ...target, relationshipId: session.relationshipId });
    await vi.waitFor(async () =>
      expect((await getEventNote(target.eventKey))?.text).toBe('first second third'),
    );
    expect(draft.text).toBe('first second third');
    await vi.waitFor(() => expect(kept('first second third')).toEqual([]));
  });

  it('never puts text typed for no 1:1 into a 1:1 whose note it was not typed over', async () => {
    const other = await saveEventNote(
      {
        ...target,
        relationshipId: (await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Bob' })).id,
      },
      "Bob's own notes",
    );
    localStorage.setItem(
      `duet-journal:calendar:${target.eventKey}`,
      JSON.stringify({ '-': { text: 'typed for Carol', at: 1, base: '' } }),
    );
    await mount({ ...target, relationshipId: other.relationshipId });
    await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
    expect(draft.text).toBe("Bob's own notes");
    expect(kept('typed for Carol')).toHaveLength(1);
  });

  it('leaves another open view its text typed moments ago; takes it over once that view says it closed', async () => {
    await saveEventNote(target, 'Stored');
    const key = `duet-journal:calendar:${target.eventKey}`;
    const field = '-'; // no 1:1 given: the event's text
    // The side panel beside this one typed a moment ago and is about to save it itself.
    localStorage.setItem(
      key,
      JSON.stringify({
        [field]: [{ text: 'Stored, and more', at: Date.now(), base: 'Stored', writer: 'side' }],
      }),
    );
    await mount(target);
    await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
    expect(draft.text).toBe('Stored');
    expect(kept('Stored, and more')).toHaveLength(1);
    // It closed before saving: the next view takes its text over.
    journalWriterGone('side');
    await unmount();
    await mount(target);
    await vi.waitFor(() => expect(draft.text).toBe('Stored, and more'));
  });

  it('a page kept in the back/forward cache is not gone: its writer’s text is still its own', async () => {
    await mount(target);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    const pagehide = (persisted: boolean) =>
      act(() => {
        window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted }));
      });
    await pagehide(true);
    // Back from the cache, it types; another view opened now must not take that over.
    await act(() => draft.update('Typed after coming back'));
    const [entry] = JSON.parse(localStorage.getItem(`duet-journal:calendar:${target.eventKey}`)!)[
      '-'
    ] as Array<{
      writer: string;
    }>;
    expect(mayTakeOver({ text: '', at: Date.now(), writer: entry!.writer }, 'another-view')).toBe(false);
    // A real unload (not cached) gives it up.
    await pagehide(false);
    expect(mayTakeOver({ text: '', at: Date.now(), writer: entry!.writer }, 'another-view')).toBe(true);
  });

  it('is idle with empty text for an event without a note', async () => {
    await mount(target);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    expect(draft.text).toBe('');
  });

  it('stays loading without a target', async () => {
    await mount(null);
    expect(draft.status).toEqual({ kind: 'loading' });
  });

  it('saves as you type, after the delay', async () => {
    await mount(target);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    await act(() => draft.update('Bob wants '));
    await act(() => draft.update('Bob wants more ownership'));
    expect(draft.status.kind).toBe('pending');
    expect(draft.text).toBe('Bob wants more ownership');
    await vi.waitFor(async () =>
      expect((await getEventNote(target.eventKey))?.text).toBe('Bob wants more ownership'),
    );
    await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
  });

  it('flushes at once on pagehide', async () => {
    await mount(target);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    await act(() => draft.update('typed just before closing'));
    await act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    // Well before SAVE_DELAY_MS (300 ms) would have fired.
    await vi.waitFor(
      async () => expect((await getEventNote(target.eventKey))?.text).toBe('typed just before closing'),
      {
        timeout: 200,
      },
    );
  });

  it('keeps saving when a newer Duet upgrades the database while the panel is open', async () => {
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    await mount(target);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    // A newer Duet opens the same database at a higher version: Dexie closes ours and reopens it at the
    // installed version on the next write, so the draft saves without a reload.
    const newer = new Dexie(DATABASE_NAME);
    for (const [version, stores] of Object.entries(SCHEMA_VERSIONS))
      newer.version(Number(version)).stores(stores);
    newer.version(LATEST_VERSION + 1).stores({ extra: 'id' });
    await newer.open();
    await act(() => draft.update('typed during the update'));
    await act(() => draft.flush());
    expect(reload).not.toHaveBeenCalled();
    expect(draft.status.kind).toBe('saved');
    expect((await getEventNote(target.eventKey))?.text).toBe('typed during the update');
    newer.close();
  });

  it('stashes the draft and reloads once when the database reports a version it cannot open', async () => {
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    await mount(target);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    getDatabase().close();
    Dexie.dependencies.indexedDB = indexedDBThatCannotOpen(
      'The requested version is less than the existing version.',
      'VersionError',
    );
    setDatabaseForTests(null); // the next call opens a new connection, through the stub
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await act(() => draft.update('typed during the update'));
      await act(() => draft.flush());
      expect(reload).toHaveBeenCalledTimes(1);
      expect(sessionStorage.getItem(`duet-draft:${target.eventKey}`)).toBe('typed during the update');
      // A second failure within a minute does not reload again (no reload loop); the text stays on screen.
      await act(() => draft.update('typed during the update, more'));
      await act(() => draft.flush());
      expect(reload).toHaveBeenCalledTimes(1);
      expect(draft.text).toBe('typed during the update, more');
    } finally {
      vi.useRealTimers();
    }
  });

  it('restores and saves a draft stashed before a reload', async () => {
    await saveEventNote(target, 'older text');
    stashDraft(target.eventKey, 'unsaved text from before the reload');
    await mount(target);
    await vi.waitFor(() => expect(draft.text).toBe('unsaved text from before the reload'));
    await vi.waitFor(async () =>
      expect((await getEventNote(target.eventKey))?.text).toBe('unsaved text from before the reload'),
    );
    expect(sessionStorage.getItem(`duet-draft:${target.eventKey}`)).toBeNull();
  });

  it('does not reload the panel as "Duet was updated" when IndexedDB cannot be opened at all', async () => {
    // E.g. a browser profile where IndexedDB is unavailable: every Dexie call then rejects with
    // DatabaseClosedError (inner InvalidStateError), which is not an update.
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    Dexie.dependencies.indexedDB = indexedDBThatCannotOpen(
      'A mutation operation was attempted on a database that did not allow mutations.',
      'InvalidStateError',
    );
    setDatabaseForTests(null);

    await mount(target);
    await vi.waitFor(() => expect(draft.status.kind).toBe('error'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await act(() => draft.update('typed while storage is broken'));
      await act(() => draft.flush());
      expect(reload).not.toHaveBeenCalled();
      expect(draft.text).toBe('typed while storage is broken');
      expect(draft.status.kind).toBe('error');
      expect(draft.status.kind === 'error' && draft.status.message).not.toMatch(/updated/i);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the text and says why when a save is refused', async () => {
    await mount(target);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    // Fake timers from here on, so the hook's retry timer does not outlive the test.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const tooLong = 'a'.repeat(MAX_LONG_TEXT + 1);
      await act(() => draft.update(tooLong));
      await act(() => draft.flush());
      expect(draft.status.kind).toBe('error');
      expect(draft.status.kind === 'error' && draft.status.message).toMatch(/notes: at most/);
      expect(draft.text).toBe(tooLong);
      expect(await getEventNote(target.eventKey)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  describe('text the database does not hold yet', () => {
    afterEach(() => {
      vi.mocked(saveEventNote).mockImplementation(saveElsewhere);
    });
    const CONFLICT = 'This note was also changed in another window. Choose which version to keep.';
    /** Saves from the panel never finish, as when the tab closes mid-save. */
    const savesHang = () => vi.mocked(saveEventNote).mockImplementation(() => new Promise(() => {}));

    it('an unresolved conflict survives closing the panel: my text comes back with the conflict', async () => {
      await saveElsewhere(target, 'original');
      await mount(target);
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
      await act(() => draft.update('MY IMPORTANT TEXT'));
      await saveElsewhere(target, 'theirs'); // another window
      await act(() => draft.flush());
      await vi.waitFor(() => expect(draft.theirs).toBe('theirs'));
      // The user selects another event (the panel is keyed by event) or closes the panel.
      await unmount();
      expect((await getEventNote(target.eventKey))?.text).toBe('theirs');
      expect(kept('MY IMPORTANT TEXT')).not.toEqual([]);

      await mount(target);
      await vi.waitFor(() => expect(draft.theirs).toBe('theirs'));
      expect(draft.text).toBe('MY IMPORTANT TEXT');
      expect(draft.status).toEqual({ kind: 'error', message: CONFLICT });
      // Nothing was overwritten while the user had not decided.
      expect((await getEventNote(target.eventKey))?.text).toBe('theirs');

      await act(() => draft.resolve('mine'));
      await vi.waitFor(async () =>
        expect((await getEventNote(target.eventKey))?.text).toBe('MY IMPORTANT TEXT'),
      );
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
      expect(kept('MY IMPORTANT TEXT')).toEqual([]);
      await unmount();
      await mount(target);
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
      expect(draft.theirs).toBeNull();
      expect(draft.text).toBe('MY IMPORTANT TEXT');
    });

    it('"use theirs" after a restored conflict lets my text go for good', async () => {
      await saveElsewhere(target, 'original');
      await mount(target);
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
      await act(() => draft.update('mine'));
      await saveElsewhere(target, 'theirs');
      await act(() => draft.flush());
      await vi.waitFor(() => expect(draft.theirs).toBe('theirs'));
      await unmount();
      await mount(target);
      await vi.waitFor(() => expect(draft.theirs).toBe('theirs'));
      await act(() => draft.resolve('theirs'));
      expect(draft.text).toBe('theirs');
      expect(kept('mine')).toEqual([]);
      await unmount();
      await mount(target);
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
      expect(draft.text).toBe('theirs');
      expect(draft.theirs).toBeNull();
    });

    it('a note too long to save comes back with its error when the panel opens again', async () => {
      await mount(target);
      await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
      const tooLong = 'a'.repeat(MAX_LONG_TEXT + 1);
      await act(() => draft.update(tooLong));
      await act(() => draft.flush());
      expect(draft.status.kind).toBe('error');
      await unmount();

      await mount(target);
      // (Compared by length: a failure would print 200,000 characters.)
      await vi.waitFor(() => expect(draft.text.length).toBe(tooLong.length));
      expect(draft.text === tooLong).toBe(true);
      await vi.waitFor(() => expect(draft.status.kind).toBe('error'));
      expect(draft.status.kind === 'error' && draft.status.message).toMatch(/notes: at most/);
      expect(await getEventNote(target.eventKey)).toBeUndefined();
    });

    it('text whose save never finished (tab closed) comes back and is saved over my own older text', async () => {
      await saveElsewhere(target, 'older text');
      await mount(target);
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
      savesHang();
      await act(() => draft.update('older text, and more'));
      await act(() => {
        window.dispatchEvent(new Event('pagehide'));
      });
      await unmount();
      vi.mocked(saveEventNote).mockImplementation(saveElsewhere);

      await mount(target);
      await vi.waitFor(async () =>
        expect((await getEventNote(target.eventKey))?.text).toBe('older text, and more'),
      );
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
      expect(draft.text).toBe('older text, and more');
      expect(draft.theirs).toBeNull();
      expect(kept('older text, and more')).toEqual([]);
    });

    it('…but never over what another window saved meanwhile: the conflict is shown', async () => {
      await saveElsewhere(target, 'older text');
      await mount(target);
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
      savesHang();
      await act(() => draft.update('my unsaved text'));
      await unmount();
      vi.mocked(saveEventNote).mockImplementation(saveElsewhere);
      await saveElsewhere(target, 'their newer text');

      await mount(target);
      await vi.waitFor(() => expect(draft.theirs).toBe('their newer text'));
      expect(draft.text).toBe('my unsaved text');
      expect(draft.status).toEqual({ kind: 'error', message: CONFLICT });
      expect((await getEventNote(target.eventKey))?.text).toBe('their newer text');
    });

    it('text typed while the note could not be read never overwrites the stored note unseen', async () => {
      await saveElsewhere(target, 'stored before');
      getDatabase().close();
      const working = Dexie.dependencies.indexedDB;
      Dexie.dependencies.indexedDB = indexedDBThatCannotOpen('unavailable', 'InvalidStateError');
      setDatabaseForTests(null);
      await mount(target);
      await vi.waitFor(() => expect(draft.status.kind).toBe('error'));
      expect(draft.text).toBe('');
      await act(() => draft.update('typed into an empty-looking box'));
      // The database is back before the save runs.
      Dexie.dependencies.indexedDB = working;
      setDatabaseForTests(null);
      await act(() => draft.flush());
      await vi.waitFor(() => expect(draft.theirs).toBe('stored before'));
      expect(draft.status).toEqual({ kind: 'error', message: CONFLICT });
      expect((await getEventNote(target.eventKey))?.text).toBe('stored before');
    });

    it("keeps one 1:1's unsaved text out of another 1:1's note for the same event", async () => {
      const bob = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Bob / Me' });
      await mount({ ...target, relationshipId: bob.id });
      await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
      savesHang();
      await act(() => draft.update('For Bob only'));
      await unmount();
      vi.mocked(saveEventNote).mockImplementation(saveElsewhere);

      await mount(target);
      await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
      expect(draft.text).toBe('');
      await unmount();
      await mount({ ...target, relationshipId: bob.id });
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
      expect(draft.text).toBe('For Bob only');
    });

    it('a save slower than the typing delay is not offered back as "changed in another window"', async () => {
      vi.mocked(saveEventNote).mockClear();
      vi.mocked(saveEventNote).mockImplementation(async (...args) => {
        const saved = await saveElsewhere(...args);
        await new Promise((resolve) => setTimeout(resolve, 500)); // a slow commit / slow machine
        return saved;
      });
      await mount(target);
      await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
      await act(() => draft.update('Bob wants'));
      await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS + 50)); // the first save starts
      await act(() => draft.update('Bob wants more ownership'));
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'), { timeout: 3000 });
      expect(draft.theirs).toBeNull();
      expect(draft.text).toBe('Bob wants more ownership');
      expect((await getEventNote(target.eventKey))?.text).toBe('Bob wants more ownership');
      // One save at a time, each expecting what the previous one stored.
      expect(
        vi.mocked(saveEventNote).mock.calls.map(([, text, , options]) => [text, options?.expected]),
      ).toEqual([
        ['Bob wants', ''],
        ['Bob wants more ownership', 'Bob wants'],
      ]);
    });
  });
});

describe('useNoteDraft in two tabs: each keeps its own unsaved text (SECURITY.md item 18)', () => {
  const target: NoteTarget = { eventKey: 'ev1_20990323T170000Z', seriesKey: 'ev1', title: 'Bob 1:1' };
  const tabs: Record<string, ReturnType<typeof useNoteDraft>> = {};
  function Tab({ name, of }: { name: string; of: NoteTarget }) {
    tabs[name] = useNoteDraft(of);
    return null;
  }
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  const container = useRenderContainer();
  async function open(name: string, of: NoteTarget) {
    const element = document.createElement('div');
    container().append(element);
    await act(() => render(<Tab name={name} of={of} />, element));
    await vi.waitFor(() => expect(tabs[name]!.status.kind).not.toBe('loading'));
    return element;
  }
  async function close(element: HTMLElement) {
    await act(() => render(null, element));
    element.remove();
  }

  it("one tab's saves keep the other tab's undecided text for when the note is reopened", async () => {
    const relationship = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Bob' });
    const of = { ...target, relationshipId: relationship.id };
    await saveEventNote(of, 'orig');
    const a = await open('A', of);
    const b = await open('B', of);
    await act(() => tabs.A!.update('orig + A'));
    await act(() => tabs.A!.flush());
    await act(() => tabs.B!.update('orig + B only copy'));
    await act(() => tabs.B!.flush());
    expect(tabs.B!.theirs).toBe('orig + A');
    await close(b);
    await act(() => tabs.A!.update('orig + A + more'));
    await act(() => tabs.A!.flush());
    await close(a);
    const c = await open('C', of);
    await vi.waitFor(() => expect(tabs.C!.text).toBe('orig + B only copy'));
    await vi.waitFor(() => expect(tabs.C!.theirs).toBe('orig + A + more'));
    expect((await getEventNote(of.eventKey, undefined, relationship.id))?.text).toBe('orig + A + more');
    await close(c);
  });
});
