import { t } from '@/lib/i18n';
import { ConflictChoice } from '../ConflictChoice';
import { NoteEditor } from '../NoteEditor';
import { type NoteTarget, useNoteDraft } from '../use-note-draft';

/** The free-form notes of this one meeting (saved as you type, kept across reloads and updates). */
export function EventNotes({ target }: { target: NoteTarget | null }) {
  const { text, status, update, flush, theirs, resolve } = useNoteDraft(target);
  return (
    <section
      class="cal-section cal-event-notes"
      data-testid="event-notes"
      aria-labelledby="cal-event-notes-title"
    >
      <h2 id="cal-event-notes-title" class="cal-section-title">
        {t('panel_notes_for_meeting')}
      </h2>
      <NoteEditor text={text} status={status} onInput={update} onBlur={() => void flush()} />
      {theirs !== null ? (
        <ConflictChoice
          intro={t('panel_conflict_other_window')}
          theirs={theirs}
          onKeepMine={() => resolve('mine')}
          onUseTheirs={() => resolve('theirs')}
          testId="note-conflict"
        />
      ) : null}
    </section>
  );
}
