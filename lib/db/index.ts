/** `lib/db` is for extension pages and the worker only; content scripts must never import it (lint rule). */
export { DuetDatabase, getDatabase, setDatabaseForTests, DATABASE_NAME } from './database';
export {
  getNote,
  saveNote,
  listNotes,
  eventKeysWithNotes,
  countNotes,
  putNotes,
  InvalidNoteError,
} from './notes';
export { NoteSchema, NoteDraftSchema, MAX_NOTE_CHARS, type Note, type NoteDraft } from './schema';
