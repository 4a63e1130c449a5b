/** Notes repository: the only code that queries the notes table. */
import { type DuetDatabase, getDatabase } from './database';
import { type Note, type NoteDraft, NoteDraftSchema, NoteSchema } from './schema';

export class InvalidNoteError extends Error {
  override name = 'InvalidNoteError';
}

export async function getNote(eventKey: string, db: DuetDatabase = getDatabase()): Promise<Note | undefined> {
  return db.notes.get(eventKey);
}

/** Saves the note for an event, keeping its creation time. Returns the stored note. */
export async function saveNote(draft: NoteDraft, db: DuetDatabase = getDatabase()): Promise<Note> {
  const parsed = NoteDraftSchema.safeParse(draft);
  if (!parsed.success) {
    throw new InvalidNoteError(parsed.error.issues[0]?.message ?? 'The note is not valid.');
  }
  return db.transaction('rw', db.notes, async () => {
    const now = Date.now();
    const existing = await db.notes.get(parsed.data.eventKey);
    const note: Note = { ...parsed.data, createdAt: existing?.createdAt ?? now, updatedAt: now };
    await db.notes.put(note);
    return note;
  });
}

/** All notes with text, most recently edited first. */
export async function listNotes(db: DuetDatabase = getDatabase()): Promise<Note[]> {
  const notes = await db.notes.orderBy('updatedAt').reverse().toArray();
  return notes.filter((note) => note.text.trim().length > 0);
}

/** Which of these events have a non-empty note (for badges: a yes/no, no content). */
export async function eventKeysWithNotes(
  eventKeys: readonly string[],
  db: DuetDatabase = getDatabase(),
): Promise<Set<string>> {
  if (eventKeys.length === 0) return new Set();
  const notes = await db.notes
    .where('eventKey')
    .anyOf([...eventKeys])
    .toArray();
  return new Set(notes.filter((n) => n.text.trim().length > 0).map((n) => n.eventKey));
}

export async function countNotes(db: DuetDatabase = getDatabase()): Promise<number> {
  return db.notes.count();
}

/** Writes complete notes as they are (demo seeding, later import); validated, all or nothing. */
export async function putNotes(notes: readonly Note[], db: DuetDatabase = getDatabase()): Promise<void> {
  const valid = notes.map((note) => NoteSchema.parse(note));
  await db.transaction('rw', db.notes, () => db.notes.bulkPut(valid));
}
