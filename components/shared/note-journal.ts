/**
 * A write-ahead journal for notes (live sessions', and the Calendar panel's per event and 1:1, under
 * `calendar:<event>`): every keystroke is written synchronously to the
 * extension origin's localStorage before the (debounced, asynchronous) IndexedDB save. If the tab closes,
 * the browser crashes or Duet reloads before the save lands, the next panel for that session finds the
 * newer text here and saves it. Extension-origin storage: the Google page cannot read it. An entry is
 * removed once the database holds that text. Each entry also keeps the stored text it was typed over
 * (`base`), so a recovery can tell whether another window changed the field since: then the user chooses.
 */
const PREFIX = 'duet-journal:';

export interface JournalEntry {
  text: string;
  /** When it was typed (ms). */
  at: number;
  /** The stored text this edit replaces (what the page last saw in the database); absent in older entries. */
  base?: string;
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
    typeof (value as JournalEntry).at === 'number' &&
    ((value as JournalEntry).base === undefined || typeof (value as JournalEntry).base === 'string')
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

export function journalWrite(
  sessionId: string,
  field: string,
  text: string,
  at: number = Date.now(),
  base?: string,
): void {
  const journal = readJournal(sessionId);
  journal[field] = base === undefined ? { text, at } : { text, at, base };
  writeJournal(sessionId, journal);
}

/**
 * The database now holds `text` for this field: forget the entry. If newer text was typed since, it stays,
 * and (when the entry records its base) it now replaces `text`, which this page saved itself.
 */
export function journalSettle(sessionId: string, field: string, text: string): void {
  const journal = readJournal(sessionId);
  const entry = journal[field];
  if (!entry) return;
  if (entry.text === text) delete journal[field];
  else if (entry.base !== undefined && entry.base !== text) journal[field] = { ...entry, base: text };
  else return;
  writeJournal(sessionId, journal);
}

/** The user chose to drop what they typed in this field (took another window's text): forget it. */
export function journalForget(sessionId: string, field: string): void {
  const journal = readJournal(sessionId);
  if (!journal[field]) return;
  delete journal[field];
  writeJournal(sessionId, journal);
}

/** Entries the database does not have yet: typed text that differs from what was saved. */
export function unsavedEntries(sessionId: string, saved: (field: string) => string): Array<[string, string]> {
  return unsavedJournal(sessionId, saved).map(([field, entry]) => [field, entry.text]);
}

/**
 * `unsavedEntries` with the whole entry (when it was typed, and over which stored text). Entries the
 * database already holds (the save landed, the tab closed before the journal heard of it) are removed.
 */
export function unsavedJournal(
  sessionId: string,
  saved: (field: string) => string,
): Array<[string, JournalEntry]> {
  const entries = Object.entries(readJournal(sessionId));
  for (const [field, entry] of entries)
    if (entry.text === saved(field)) journalSettle(sessionId, field, entry.text);
  return entries.filter(([field, entry]) => entry.text !== saved(field));
}

/** Every journalled text, of every session and event, is forgotten ("Delete everything"). */
export function journalClearAll(): void {
  const store = storage();
  if (!store) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  } catch {
    // Storage disabled: there is no journal to clear.
  }
}
