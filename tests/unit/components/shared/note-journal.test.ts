import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  journalClearAll,
  journalForget,
  journalSettle,
  journalWrite,
  journalWriterGone,
  OPEN_VIEW_GRACE_MS,
  readJournal,
  unsavedEntries,
  unsavedJournal,
} from '@/components/shared/note-journal';

const KEY = (sessionId: string) => `duet-journal:${sessionId}`;
/** An entry without who wrote it (each view's own id; these tests write as the page). */
const bare = <E extends { writer?: string }>({ writer: _writer, ...entry }: E) => entry;
/** `readJournal` without the writers. */
const read = (sessionId: string) =>
  Object.fromEntries(Object.entries(readJournal(sessionId)).map(([field, entry]) => [field, bare(entry)]));
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  localStorage.clear();
});

describe('journalWrite / readJournal', () => {
  it('keeps the latest text per field with when it was typed', () => {
    journalWrite('s1', 'how-are-you', 'Tired', 1000);
    journalWrite('s1', 'how-are-you', 'Tired after the launch', 2000);
    journalWrite('s1', ':private', 'Seems stressed', 3000);
    expect(read('s1')).toEqual({
      'how-are-you': { text: 'Tired after the launch', at: 2000 },
      ':private': { text: 'Seems stressed', at: 3000 },
    });
    // Stored per field as one entry per writer.
    expect(Object.keys(JSON.parse(localStorage.getItem(KEY('s1'))!))).toEqual(['how-are-you', ':private']);
  });

  it('keeps sessions apart', () => {
    journalWrite('s1', 'notes', 'one', 1);
    journalWrite('s2', 'notes', 'two', 2);
    expect(read('s1')).toEqual({ notes: { text: 'one', at: 1 } });
    expect(read('s2')).toEqual({ notes: { text: 'two', at: 2 } });
  });

  it('stamps entries with the current time by default', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(1_700_000_000_000);
      journalWrite('s1', 'notes', 'now');
      expect(read('s1').notes).toEqual({ text: 'now', at: 1_700_000_000_000 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps an empty text (the user cleared the notes)', () => {
    journalWrite('s1', 'notes', '', 5);
    expect(read('s1')).toEqual({ notes: { text: '', at: 5 } });
  });

  it('reads an empty journal for a session without one', () => {
    expect(read('never-written')).toEqual({});
  });

  it.each([
    ['not JSON', '{"notes": {"text": "x", '],
    ['a number', '42'],
    ['null', 'null'],
    ['a string', '"hello"'],
    ['an empty string', ''],
  ])('reads corrupt storage (%s) as an empty journal', (_label, raw) => {
    localStorage.setItem(KEY('s1'), raw);
    expect(read('s1')).toEqual({});
    expect(unsavedEntries('s1', () => '')).toEqual([]);
  });

  it('drops malformed entries and keeps the good ones', () => {
    localStorage.setItem(
      KEY('s1'),
      JSON.stringify({
        good: { text: 'kept', at: 1 },
        noAt: { text: 'x' },
        textNotString: { text: 42, at: 1 },
        atNotNumber: { text: 'x', at: '1' },
        nullEntry: null,
        plain: 'just a string',
      }),
    );
    expect(read('s1')).toEqual({ good: { text: 'kept', at: 1 } });
  });

  it('a write over a corrupt journal starts a fresh one', () => {
    localStorage.setItem(KEY('s1'), '{broken');
    journalWrite('s1', 'notes', 'fresh', 7);
    expect(read('s1')).toEqual({ notes: { text: 'fresh', at: 7 } });
  });

  it('does not let a "__proto__" field pollute objects', () => {
    localStorage.setItem(
      KEY('s1'),
      '{"__proto__": {"text": "x", "at": 1}, "polluted": {"text": "y", "at": 2}}',
    );
    const journal = readJournal('s1');
    expect(journal.polluted).toEqual({ text: 'y', at: 2 });
    expect(({} as Record<string, unknown>).text).toBeUndefined();
  });
});

describe('journalSettle', () => {
  it('removes the entry once the database holds that text, and the key when none is left', () => {
    journalWrite('s1', 'a', 'alpha', 1);
    journalWrite('s1', 'b', 'beta', 2);
    journalSettle('s1', 'a', 'alpha');
    expect(read('s1')).toEqual({ b: { text: 'beta', at: 2 } });
    journalSettle('s1', 'b', 'beta');
    expect(read('s1')).toEqual({});
    expect(localStorage.getItem(KEY('s1'))).toBeNull();
  });

  it('keeps newer text typed since the save started', () => {
    journalWrite('s1', 'notes', 'saved version', 1);
    journalWrite('s1', 'notes', 'saved version, and more', 2);
    journalSettle('s1', 'notes', 'saved version');
    expect(read('s1')).toEqual({ notes: { text: 'saved version, and more', at: 2 } });
  });

  it('does nothing for a field or session without an entry', () => {
    journalWrite('s1', 'notes', 'x', 1);
    journalSettle('s1', 'other', 'x');
    journalSettle('s2', 'notes', 'x');
    expect(read('s1')).toEqual({ notes: { text: 'x', at: 1 } });
    expect(localStorage.getItem(KEY('s2'))).toBeNull();
  });
});

describe('unsavedEntries', () => {
  it('lists journalled text that differs from what the database holds', () => {
    journalWrite('s1', 'same', 'already saved', 1);
    journalWrite('s1', 'newer', 'typed after the save', 2);
    journalWrite('s1', 'missing', 'never saved', 3);
    const saved: Record<string, string> = { same: 'already saved', newer: 'typed' };
    const unsaved = unsavedEntries('s1', (field) => saved[field] ?? '');
    expect(Object.fromEntries(unsaved)).toEqual({
      newer: 'typed after the save',
      missing: 'never saved',
    });
    expect(unsaved).toHaveLength(2);
    // What the database already holds (the save landed, the tab closed before it settled) is removed.
    expect(Object.keys(read('s1')).sort()).toEqual(['missing', 'newer']);
    journalWrite('s1', 'missing', 'saved now', 4);
    journalWrite('s1', 'newer', 'typed', 5);
    expect(unsavedEntries('s1', (field) => ({ ...saved, missing: 'saved now' })[field] ?? '')).toEqual([]);
    expect(localStorage.getItem(KEY('s1'))).toBeNull();
  });

  it('is empty without a journal', () => {
    expect(unsavedEntries('s1', () => 'anything')).toEqual([]);
  });
});

describe('unsavedJournal: another view’s text', () => {
  const NOW = 1_800_000_000_000;

  it('an older entry of a closed view is not brought back over a newer one of a view still saving', () => {
    journalWrite('s', 'notes', 'Draft', NOW - 10_000, '', 'crashed-view');
    journalWrite('s', 'notes', 'Draft v2', NOW - 100, '', 'open-view');
    expect(unsavedJournal('s', () => '', 'new-view', NOW)).toEqual([]);
    // Both stay for a later view.
    expect(readJournal('s').notes?.text).toBe('Draft v2');
    // Once the open view's grace is over (it never saved: gone without saying so), its text is taken.
    expect(
      unsavedJournal('s', () => '', 'new-view', NOW - 100 + OPEN_VIEW_GRACE_MS).map(([, e]) => e.text),
    ).toEqual(['Draft v2']);
  });

  it('a view that said it closed leaves its text to the next view at once', () => {
    journalWrite('s', 'notes', 'Typed, then the tab closed', NOW - 50, '', 'closed-view');
    journalWriterGone('closed-view');
    expect(unsavedJournal('s', () => '', 'new-view', NOW).map(([, e]) => e.text)).toEqual([
      'Typed, then the tab closed',
    ]);
  });
});

describe('the stored text an entry was typed over (base)', () => {
  it('keeps the base with the entry, and drops an entry whose base is not text', () => {
    journalWrite('s1', 'notes', 'mine', 10, 'stored before');
    expect(read('s1')).toEqual({ notes: { text: 'mine', at: 10, base: 'stored before' } });
    localStorage.setItem(KEY('s2'), JSON.stringify({ bad: { text: 'x', at: 1, base: 42 } }));
    expect(read('s2')).toEqual({});
  });

  it('a save of older text makes it the base of the newer text typed since', () => {
    journalWrite('s1', 'notes', 'saved version, and more', 2, '');
    journalSettle('s1', 'notes', 'saved version');
    expect(read('s1')).toEqual({
      notes: { text: 'saved version, and more', at: 2, base: 'saved version' },
    });
  });

  it('unsavedJournal lists the whole entries that differ from what is stored', () => {
    journalWrite('s1', 'same', 'x', 1, '');
    journalWrite('s1', 'newer', 'typed', 2, 'old');
    expect(
      unsavedJournal('s1', (field) => (field === 'same' ? 'x' : 'old')).map(([f, e]) => [f, bare(e)]),
    ).toEqual([['newer', { text: 'typed', at: 2, base: 'old' }]]);
  });

  it('journalForget drops one field whatever its text', () => {
    journalWrite('s1', 'a', 'alpha', 1);
    journalWrite('s1', 'b', 'beta', 2);
    journalForget('s1', 'a');
    expect(read('s1')).toEqual({ b: { text: 'beta', at: 2 } });
    journalForget('s1', 'b');
    expect(localStorage.getItem(KEY('s1'))).toBeNull();
  });
});

describe('when storage fails', () => {
  it('a full storage (quota) never throws; the previous journal stays readable', () => {
    journalWrite('s1', 'notes', 'before the disk filled up', 1);
    const full = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw quota();
    });
    try {
      expect(() => journalWrite('s1', 'notes', 'after', 2)).not.toThrow();
      expect(full).toHaveBeenCalled();
      expect(read('s1')).toEqual({ notes: { text: 'before the disk filled up', at: 1 } });
    } finally {
      // Restored here: happy-dom's Storage proxy is not restored by `restoreMocks`.
      full.mockRestore();
    }
  });

  it('a failing removal never throws', () => {
    journalWrite('s1', 'notes', 'x', 1);
    const denied = vi.spyOn(localStorage, 'removeItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    try {
      expect(() => journalSettle('s1', 'notes', 'x')).not.toThrow();
      expect(denied).toHaveBeenCalledWith('duet-journal:s1');
    } finally {
      denied.mockRestore();
    }
  });

  it('storage that cannot even be reached reads as empty and writes nothing', () => {
    journalWrite('s1', 'notes', 'written while storage worked', 1);
    const blocked = vi.spyOn(globalThis, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    try {
      expect(() => journalWrite('s1', 'notes', 'x', 2)).not.toThrow();
      expect(read('s1')).toEqual({});
      expect(() => journalSettle('s1', 'notes', 'x')).not.toThrow();
      expect(unsavedEntries('s1', () => '')).toEqual([]);
    } finally {
      blocked.mockRestore();
    }
    expect(read('s1')).toEqual({ notes: { text: 'written while storage worked', at: 1 } });
  });

  it('clears every entry of every session and event, and nothing else', () => {
    journalWrite('s1', 'notes', 'one', 1);
    journalWrite('calendar:e1', '-', 'two', 2);
    journalWrite('calendar:e2', 'r1', 'three', 3);
    localStorage.setItem('something-else', 'kept');
    journalClearAll();
    expect(Object.keys(localStorage)).toEqual(['something-else']);
    expect(read('calendar:e1')).toEqual({});
    localStorage.removeItem('something-else');
  });
});
