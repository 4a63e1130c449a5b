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

/**
 * Who wrote an entry: each notes view (a hook instance) writes its own, so two tabs editing the same field
 * never overwrite or settle each other's unsaved text. Entries of a view that is gone (its tab closed) are
 * taken over by the next view that opens the session (`unsavedJournal`, `adoptEntry`).
 */
export type JournalWriter = string;

export function newJournalWriter(): JournalWriter {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The writer of calls that name none: this page. */
const PAGE_WRITER = newJournalWriter();

export interface JournalEntry {
  text: string;
  /** When it was typed (ms). */
  at: number;
  /** The stored text this edit replaces (what the page last saw in the database); absent in older entries. */
  base?: string;
  /** The view that wrote it; absent in older entries (anyone's to take over). */
  writer?: JournalWriter;
}

/** An entry as `writer` keeps it (no `base` when the stored text it replaces is unknown). */
function entryOf(text: string, at: number, base: string | undefined, writer: JournalWriter): JournalEntry {
  return base === undefined ? { text, at, writer } : { text, at, base, writer };
}

/** Field → its entries, one per writer. */
type Stored = Record<string, JournalEntry[]>;
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
    ((value as JournalEntry).base === undefined || typeof (value as JournalEntry).base === 'string') &&
    ((value as JournalEntry).writer === undefined || typeof (value as JournalEntry).writer === 'string')
  );
}

function readStored(sessionId: string): Stored {
  const raw = storage()?.getItem(PREFIX + sessionId);
  const out: Stored = Object.create(null) as Stored;
  if (!raw) return out;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return out;
    for (const [field, value] of Object.entries(parsed)) {
      // One entry per field in journals written before writers were kept.
      const entries = (Array.isArray(value) ? value : [value]).filter(isEntry);
      if (entries.length > 0) out[field] = entries;
    }
    return out;
  } catch {
    return out;
  }
}

function writeStored(sessionId: string, journal: Stored): void {
  const store = storage();
  if (!store) return;
  try {
    for (const field of Object.keys(journal)) if (journal[field]?.length === 0) delete journal[field];
    if (Object.keys(journal).length === 0) store.removeItem(PREFIX + sessionId);
    else store.setItem(PREFIX + sessionId, JSON.stringify(journal));
  } catch {
    // Quota: the database save still runs; the journal is a second line of defence only.
  }
}

/** Per field, the newest entry of any writer. */
export function readJournal(sessionId: string): Journal {
  const out: Journal = Object.create(null) as Journal;
  for (const [field, entries] of Object.entries(readStored(sessionId))) {
    const newest = entries.reduce((a, b) => (b.at >= a.at ? b : a));
    out[field] = newest;
  }
  return out;
}

export function journalWrite(
  sessionId: string,
  field: string,
  text: string,
  at: number = Date.now(),
  base?: string,
  writer: JournalWriter = PAGE_WRITER,
): void {
  const journal = readStored(sessionId);
  const others = (journal[field] ?? []).filter((entry) => entry.writer !== writer);
  journal[field] = [...others, entryOf(text, at, base, writer)];
  writeStored(sessionId, journal);
}

/**
 * The database now holds `text` for this field: every entry of that text is forgotten. If this writer typed
 * newer text since, it stays, and (when the entry records its base) it now replaces `text`, which this
 * writer saved itself. Other writers' newer text is theirs: left as it is.
 */
export function journalSettle(
  sessionId: string,
  field: string,
  text: string,
  writer: JournalWriter = PAGE_WRITER,
): void {
  const journal = readStored(sessionId);
  const entries = journal[field];
  if (!entries) return;
  journal[field] = entries
    .filter((entry) => entry.text !== text)
    .map((entry) =>
      entry.writer === writer && entry.base !== undefined && entry.base !== text
        ? { ...entry, base: text }
        : entry,
    );
  writeStored(sessionId, journal);
}

/** This writer's text in this field is dropped (the user took another window's text): forget it. */
export function journalForget(sessionId: string, field: string, writer: JournalWriter = PAGE_WRITER): void {
  const journal = readStored(sessionId);
  const entries = journal[field];
  if (!entries?.some((entry) => entry.writer === writer)) return;
  journal[field] = entries.filter((entry) => entry.writer !== writer);
  writeStored(sessionId, journal);
}

/**
 * This writer takes over another's entry (the view that wrote it is gone, or shows it no more): it becomes
 * this writer's text in `field` (possibly another field: text filed under a 1:1 once it has one).
 */
export function adoptEntry(
  sessionId: string,
  from: { field: string; entry: JournalEntry },
  field: string,
  writer: JournalWriter = PAGE_WRITER,
): void {
  const journal = readStored(sessionId);
  journal[from.field] = (journal[from.field] ?? []).filter((entry) => entry.writer !== from.entry.writer);
  const others = (journal[field] ?? []).filter((entry) => entry.writer !== writer);
  journal[field] = [...others, entryOf(from.entry.text, from.entry.at, from.entry.base, writer)];
  writeStored(sessionId, journal);
}

/** Entries the database does not have yet: typed text that differs from what was saved. */
export function unsavedEntries(sessionId: string, saved: (field: string) => string): Array<[string, string]> {
  return unsavedJournal(sessionId, saved).map(([field, entry]) => [field, entry.text]);
}

/** Writers whose view closed (newest last, at most 100): their entries are anyone's at once. */
const GONE_KEY = `${PREFIX}gone`;
const MAX_GONE = 100;

function goneWriters(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(GONE_KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : []);
  } catch {
    return new Set();
  }
}

/** This view is closing (unmounted, or its page is going away): what it leaves unsaved is anyone's now. */
export function journalWriterGone(writer: JournalWriter): void {
  const store = storage();
  if (!store) return;
  try {
    const gone = [...goneWriters()].filter((w) => w !== writer);
    store.setItem(GONE_KEY, JSON.stringify([...gone, writer].slice(-MAX_GONE)));
  } catch {
    // Full: its entries wait out the grace instead.
  }
}

/**
 * How long another view's unsaved entry is left to it, unless it said it closed (`journalWriterGone`): a
 * view still open saves what it typed within its save delay (300 ms), so an entry this fresh is one it is
 * about to save; a tab that crashed never said so, and its text is taken over after this.
 */
export const OPEN_VIEW_GRACE_MS = 5_000;

/**
 * Whether `writer` may take this entry over: its own, one of an older Duet (no writer), or one whose view
 * said it closed or has had its grace to save it.
 */
export function mayTakeOver(
  entry: JournalEntry,
  writer: JournalWriter,
  now: number = Date.now(),
  gone: ReadonlySet<string> = goneWriters(),
): boolean {
  return (
    entry.writer === undefined ||
    entry.writer === writer ||
    gone.has(entry.writer) ||
    now - entry.at >= OPEN_VIEW_GRACE_MS
  );
}

/**
 * `unsavedEntries` with the whole entry (when it was typed, and over which stored text), per field the newest
 * of any writer, taken over by `writer`. Entries the database already holds (the save landed, the tab closed
 * before the journal heard of it) are removed. Older entries of other writers stay for a later view, and so
 * do another writer's typed in the last moments (`OPEN_VIEW_GRACE_MS`): that view is still open and saves
 * them itself (taking them over made this view save the text, and the other one then see its own words as
 * "changed in another window").
 */
export function unsavedJournal(
  sessionId: string,
  saved: (field: string) => string,
  writer: JournalWriter = PAGE_WRITER,
  now: number = Date.now(),
): Array<[string, JournalEntry]> {
  for (const [field, entries] of Object.entries(readStored(sessionId)))
    for (const entry of entries)
      if (entry.text === saved(field)) journalSettle(sessionId, field, entry.text, writer);
  const unsaved: Array<[string, JournalEntry]> = [];
  const gone = goneWriters();

  for (const [field, entries] of Object.entries(readStored(sessionId))) {
    // The newest of all writers, or nothing: an older entry is never brought back over a newer one still
    // being saved by its open view.
    const newest = entries.reduce((a, b) => (b.at >= a.at ? b : a));
    if (mayTakeOver(newest, writer, now, gone) && newest.text !== saved(field)) unsaved.push([field, newest]);
  }
  for (const [field, entry] of unsaved)
    if (entry.writer !== writer) adoptEntry(sessionId, { field, entry }, field, writer);
  return unsaved;
}

/**
 * A session's one-line boxes (an agreement, feedback, a goal… typed but not added yet), kept beside its notes
 * journal (`components/panel/session/kept-drafts.ts`): box id → text.
 */
const BOXES_PREFIX = `${PREFIX}boxes:`;

export function readJournalBoxes(sessionId: string): Map<string, string> {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(BOXES_PREFIX + sessionId);
  } catch {
    // Unreadable: the boxes start empty.
  }
  return boxesOf(raw);
}

function boxesOf(raw: string | null | undefined): Map<string, string> {
  const boxes = new Map<string, string>();
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object')
      for (const [box, text] of Object.entries(parsed))
        if (typeof text === 'string' && text !== '') boxes.set(box, text);
  } catch {
    // Unreadable: no boxes.
  }
  return boxes;
}

/**
 * Calls `onChange(before, after)` when another page of the extension (the side panel beside the in-page
 * panel) changes this session's boxes: added there, the box is empty there. Returns the stop.
 */
export function watchJournalBoxes(
  sessionId: string,
  onChange: (before: Map<string, string>, after: Map<string, string>) => void,
): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const key = BOXES_PREFIX + sessionId;
  const listener = (event: StorageEvent) => {
    if (event.key === key) onChange(boxesOf(event.oldValue), boxesOf(event.newValue));
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

/**
 * Writes one box (`null`: forgets it) into what is stored, read afresh: another view of the session (the side
 * panel beside the in-page one) keeps its other boxes.
 */
export function journalWriteBox(sessionId: string, box: string, text: string | null): void {
  const store = storage();
  if (!store) return;
  const key = BOXES_PREFIX + sessionId;
  try {
    const stored = Object.fromEntries(readJournalBoxes(sessionId));
    if (text === null) delete stored[box];
    else stored[box] = text;
    if (Object.keys(stored).length === 0) store.removeItem(key);
    else store.setItem(key, JSON.stringify(stored));
  } catch {
    // Full: the text stays on screen.
  }
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
