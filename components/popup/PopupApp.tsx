import { recentNotes, type RecentNote } from '@/lib/db';
import { Brand } from '../shared/Brand';
import { formatRelativeTime, snippet } from '../shared/format';
import { useLiveQuery } from '../shared/use-live-query';

export function PopupApp() {
  const notes = useLiveQuery(() => recentNotes(), []);
  return (
    <main class="popup">
      <header class="popup-header">
        <Brand subtitle="your 1:1 notes" />
      </header>
      {notes.status === 'loading' ? (
        <p class="duet-empty">Loading…</p>
      ) : notes.status === 'error' ? (
        <p class="duet-empty duet-error" role="alert">
          Duet couldn't read its data in this browser. Nothing was changed; try reopening the popup.
        </p>
      ) : notes.value.length === 0 ? (
        <p class="duet-empty" data-testid="popup-empty">
          No notes yet. Open a 1:1 in Google Calendar and click its Duet badge to start.
        </p>
      ) : (
        <NoteList notes={notes.value} />
      )}
    </main>
  );
}

export function NoteList({ notes }: { notes: readonly RecentNote[] }) {
  return (
    <ul class="note-list" aria-label="Saved notes" data-testid="note-list">
      {notes.map((note) => (
        <li key={note.sessionId} class="note-item" data-testid="note-item">
          <div class="note-item-head">
            <span class="note-item-title">{note.relationshipTitle}</span>
            <time class="duet-muted" dateTime={new Date(note.updatedAt).toISOString()}>
              {formatRelativeTime(note.updatedAt)}
            </time>
          </div>
          <p class="note-item-text">{snippet(note.text)}</p>
        </li>
      ))}
    </ul>
  );
}
