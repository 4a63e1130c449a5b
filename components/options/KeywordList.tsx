/** A list of title keywords as removable chips, with a field to add one (Enter or the Add button). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ActionMessage } from './ActionMessage';
import { useAction } from './use-action';

const MAX_KEYWORDS = 50;
const MAX_LENGTH = 80;

export interface KeywordListProps {
  id: string;
  label: string;
  hint: string;
  keywords: readonly string[];
  /** Keywords of the other list: a word cannot be in both. */
  otherKeywords: readonly string[];
  otherListName: string;
  /** Applies a change to the list as stored (not as shown: another tab may have changed it meanwhile). */
  onChange: (update: (current: readonly string[]) => string[]) => Promise<void>;
}

export function KeywordList({
  id,
  label,
  hint,
  keywords,
  otherKeywords,
  otherListName,
  onChange,
}: KeywordListProps) {
  const [draft, setDraft] = useState('');
  const action = useAction();
  const fold = (text: string) => text.trim().toLowerCase();

  const add = () => {
    const keyword = draft.trim().replace(/\s+/g, ' ');
    if (keyword === '') return action.fail(t('options_keyword_empty'));
    if (keyword.length > MAX_LENGTH) return action.fail(t('options_keyword_too_long', MAX_LENGTH));
    if (keywords.some((k) => fold(k) === fold(keyword)))
      return action.fail(t('options_keyword_duplicate', keyword));
    if (otherKeywords.some((k) => fold(k) === fold(keyword)))
      return action.fail(t('options_keyword_in_other', keyword, otherListName));
    if (keywords.length >= MAX_KEYWORDS) return action.fail(t('options_keyword_too_many', MAX_KEYWORDS));
    void action
      .run(async () => {
        await onChange((current) =>
          current.some((k) => fold(k) === fold(keyword)) ? [...current] : [...current, keyword],
        );
        return t('options_keyword_added', keyword);
      })
      .then((ok) => ok && setDraft(''));
  };

  // A chip's × leaves with its chip: once the list is drawn without it, focus goes to the next chip's ×
  // (the last one's, past the end), or the field when none is left, not to the page's body.
  const root = useRef<HTMLDivElement>(null);
  const removed = useRef<{ keyword: string; index: number } | null>(null);
  useEffect(() => {
    const gone = removed.current;
    if (!gone || keywords.includes(gone.keyword)) return;
    removed.current = null;
    const buttons = root.current?.querySelectorAll<HTMLElement>('.chip-remove') ?? [];
    const next =
      buttons[Math.min(gone.index, buttons.length - 1)] ??
      root.current?.querySelector<HTMLElement>(`[data-testid="${id}-input"]`);
    next?.focus();
  }, [keywords]);

  const remove = (keyword: string, index: number) => {
    removed.current = { keyword, index };
    void action
      .run(async () => {
        await onChange((current) => current.filter((k) => k !== keyword));
        return t('options_keyword_removed', keyword);
      })
      .then((ok) => {
        if (!ok) removed.current = null;
      });
  };

  const inputId = `${id}-input`;
  return (
    <div class="keyword-list" data-testid={id} ref={root}>
      <label for={inputId} class="options-label">
        {label}
      </label>
      <p class="duet-muted options-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {keywords.length > 0 ? (
        <ul class="chip-list" aria-label={label}>
          {keywords.map((keyword, index) => (
            <li key={keyword} class="keyword-chip" data-testid={`${id}-chip`}>
              <span>{keyword}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={t('options_keyword_remove', keyword)}
                title={t('options_keyword_remove', keyword)}
                onClick={() => remove(keyword, index)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="duet-muted options-none">{t('options_keyword_none')}</p>
      )}
      <div class="options-inline">
        <input
          id={inputId}
          type="text"
          value={draft}
          maxLength={200}
          aria-describedby={`${id}-hint`}
          aria-invalid={action.state.kind === 'error' ? 'true' : undefined}
          data-testid={`${id}-input`}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            if (action.state.kind === 'error') action.reset();
          }}
          onKeyDown={(e) => {
            // Enter that confirms an IME composition (Japanese, Chinese, Korean) is not "add".
            if (e.isComposing || e.keyCode === 229) return;
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="options-button" data-testid={`${id}-add`} onClick={add}>
          {t('options_keyword_add')}
        </button>
      </div>
      <ActionMessage state={action.state} testId={id} />
    </div>
  );
}
