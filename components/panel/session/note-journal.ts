/**
 * A write-ahead journal for live-session notes: every keystroke is written synchronously to the
 * extension origin's localStorage before the (debounced, asynchronous) IndexedDB save. If the tab closes,
 * the browser crashes or Duet reloads before the save lands, the next panel for that session finds the
 * newer text here and saves it. Extension-origin storage: the Google page cannot read it. An entry is
 * removed once the database holds that text.
 */
const PREFIX = 'duet-journal:';

export interface JournalEntry {
  text: string;
  /** When it was typed (ms). */
  at: number;
}

type Journal = Record<string, JournalEntry>;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: the on-screen text and the debounced save remain
  }
}

function isEntry(value: unknown): value is JournalEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as JournalEntry).text === 'string' &&
    typeof (value as JournalEntry).at === 'number'
  );
}

export function readJournal(sessionId: string): Journal {
  const raw = storage()?.getItem(PREFIX + sessionId);
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Journal = Object.create(null) as Journal;
    for (const [field, entry] of Object.entries(parsed)) if (isEntry(entry)) out[field] = entry;
    return out;
  } catch {
    return {};
  }
}

function writeJournal(sessionId: string, journal: Journal): void {
  const store = storage();
  if (!store) return;
  try {
    if (Object.keys(journal).length === 0) store.removeItem(PREFIX + sessionId);
    else store.setItem(PREFIX + sessionId, JSON.stringify(journal));
  } catch {
    // Quota: the database save still runs; the journal is a second line of defence only.
  }
}

export function journalWrite(sessionId: string, field: string, text: string, at: number = Date.now()): void {
  const journal = readJournal(sessionId);
  journal[field] = { text, at };
  writeJournal(sessionId, journal);
}

/** The database now holds `text` for this field: forget the entry (unless newer text was typed since). */
export function journalSettle(sessionId: string, field: string, text: string): void {
  const journal = readJournal(sessionId);
  if (journal[field]?.text !== text) return;
  delete journal[field];
  writeJournal(sessionId, journal);
}

/** Entries the database does not have yet: typed text that differs from what was saved. */
export function unsavedEntries(sessionId: string, saved: (field: string) => string): Array<[string, string]> {
  return Object.entries(readJournal(sessionId))
    .filter(([field, entry]) => entry.text !== saved(field))
    .map(([field, entry]) => [field, entry.text]);
}
