/** "Archived …  Undo": what was just put away, and one click to bring it back. */
import { t } from '@/lib/i18n';

export function UndoNote({
  text,
  statusId,
  undoId,
  onUndo,
}: {
  text: string;
  /** Test ids of the line and of its button. */
  statusId: string;
  undoId: string;
  onUndo: () => void;
}) {
  return (
    <p class="cal-small" role="status" data-testid={statusId}>
      {text}{' '}
      <button type="button" class="cal-link-button" data-testid={undoId} onClick={onUndo}>
        {t('panel_undo')}
      </button>
    </p>
  );
}
