import type { SaveStatus } from './use-note-draft';
import { t } from '@/lib/i18n';
import { formatRelativeTime } from '../shared/format';

export interface NoteEditorProps {
  text: string;
  status: SaveStatus;
  onInput: (text: string) => void;
  onBlur: () => void;
}

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'loading':
      return t('common_loading');
    case 'idle':
      return t('panel_note_idle');
    case 'pending':
      return t('panel_saving');
    case 'saved':
      return t('panel_note_saved', formatRelativeTime(status.at));
    case 'error':
      return status.message;
  }
}

export function NoteEditor({ text, status, onInput, onBlur }: NoteEditorProps) {
  return (
    <div class="note-editor">
      <label for="duet-note" class="note-label">
        {t('panel_notes')}
      </label>
      <textarea
        id="duet-note"
        data-testid="note-input"
        value={text}
        disabled={status.kind === 'loading'}
        placeholder={t('panel_note_placeholder')}
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={onBlur}
        spellcheck
      />
      <p
        class={`note-status ${status.kind === 'error' ? 'duet-error' : 'duet-muted'}`}
        role="status"
        aria-live="polite"
        data-testid="save-status"
        data-status={status.kind}
      >
        {statusText(status)}
      </p>
    </div>
  );
}
