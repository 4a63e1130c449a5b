import type { SaveStatus } from './use-note-draft';
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
      return 'Loading…';
    case 'idle':
      return 'Saved on this device as you type';
    case 'pending':
      return 'Saving…';
    case 'saved':
      return `Saved ${formatRelativeTime(status.at)}`;
    case 'error':
      return status.message;
  }
}

export function NoteEditor({ text, status, onInput, onBlur }: NoteEditorProps) {
  return (
    <div class="note-editor">
      <label for="duet-note" class="note-label">
        Notes
      </label>
      <textarea
        id="duet-note"
        data-testid="note-input"
        value={text}
        disabled={status.kind === 'loading'}
        placeholder="What did you talk about? What matters for next time?"
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
