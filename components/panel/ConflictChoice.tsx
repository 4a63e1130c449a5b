import { t } from '@/lib/i18n';

/** Another window saved the same notes: show theirs beside mine (on screen) and let the user choose. */
export interface ConflictChoiceProps {
  /** What conflicted, as a sentence ("“Next steps” was also changed in another window."), or none. */
  heading?: string;
  intro: string;
  theirs: string;
  onKeepMine: () => void;
  onUseTheirs: () => void;
  /** Test id prefix: `<prefix>`, `<prefix>-theirs`, `<prefix>-keep-mine`, `<prefix>-use-theirs`. */
  testId: string;
}

export function ConflictChoice({
  heading,
  intro,
  theirs,
  onKeepMine,
  onUseTheirs,
  testId,
}: ConflictChoiceProps) {
  return (
    <div class="ses-conflict" role="alert" data-testid={testId}>
      {heading ? <strong>{heading}</strong> : null}
      <p class="cal-small">{intro}</p>
      <blockquote class="cal-note-text" data-testid={`${testId}-theirs`}>
        {theirs || t('panel_conflict_empty')}
      </blockquote>
      <div class="cal-actions">
        <button
          type="button"
          class="cal-button cal-button-small cal-button-primary"
          data-testid={`${testId}-keep-mine`}
          onClick={onKeepMine}
        >
          {t('panel_conflict_keep_mine')}
        </button>
        <button
          type="button"
          class="cal-button cal-button-small"
          data-testid={`${testId}-use-theirs`}
          onClick={onUseTheirs}
        >
          {t('panel_conflict_use_theirs')}
        </button>
      </div>
    </div>
  );
}
