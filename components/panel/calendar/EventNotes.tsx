import { NoteEditor } from '../NoteEditor';
import { type NoteTarget, useNoteDraft } from '../use-note-draft';

/** The free-form notes of this one meeting (saved as you type, kept across reloads and updates). */
export function EventNotes({ target }: { target: NoteTarget }) {
  const { text, status, update, flush, theirs, resolve } = useNoteDraft(target);
  return (
    <section
      class="cal-section cal-event-notes"
      data-testid="event-notes"
      aria-labelledby="cal-event-notes-title"
    >
      <h2 id="cal-event-notes-title" class="cal-section-title">
        Notes for this meeting
      </h2>
      <NoteEditor text={text} status={status} onInput={update} onBlur={() => void flush()} />
      {theirs !== null ? (
        <div class="ses-conflict" data-testid="note-conflict">
          <p class="cal-small">The other window’s version:</p>
          <blockquote class="cal-note-text" data-testid="note-conflict-theirs">
            {theirs || '(empty)'}
          </blockquote>
          <div class="cal-actions">
            <button
              type="button"
              class="cal-button cal-button-small cal-button-primary"
              data-testid="note-conflict-keep-mine"
              onClick={() => resolve('mine')}
            >
              Keep mine
            </button>
            <button
              type="button"
              class="cal-button cal-button-small"
              data-testid="note-conflict-use-theirs"
              onClick={() => resolve('theirs')}
            >
              Use theirs
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
