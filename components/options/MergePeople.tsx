/** Merge two people who are the same person: pick who stays, confirm, and everything moves in one go. */
import { useState } from 'preact/hooks';
import { type DirectoryEntry, mergePeople } from '@/lib/db';
import { t } from '@/lib/i18n';
import { ActionMessage } from './ActionMessage';
import { useAction } from './use-action';

export function MergePeople({
  entries,
  onDataChanged,
}: {
  entries: readonly DirectoryEntry[];
  onDataChanged: () => void;
}) {
  const [keepId, setKeepId] = useState('');
  const [removeId, setRemoveId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const keep = entries.find((e) => e.person.id === keepId);
  const remove = entries.find((e) => e.person.id === removeId);

  // Nobody left to merge: only the outcome of the last merge, if any.
  if (entries.length < 2) return <ActionMessage state={action.state} testId="merge" />;

  const review = (event: Event) => {
    event.preventDefault();
    if (!keep || !remove) return action.fail(t('options_merge_pick_two'));
    if (keep.person.id === remove.person.id) return action.fail(t('options_merge_same'));
    action.reset();
    setConfirming(true);
  };

  const merge = () =>
    void action
      .run(async () => {
        const result = await mergePeople(keepId, removeId);
        onDataChanged();
        return t(
          'options_merge_done',
          result.person.name,
          result.movedRelationships,
          result.mergedRelationships,
        );
      })
      .then((ok) => {
        setConfirming(false);
        if (ok) setRemoveId('');
      });

  const option = (entry: DirectoryEntry) => (
    <option key={entry.person.id} value={entry.person.id}>
      {entry.person.emails[0] ? `${entry.person.name} (${entry.person.emails[0]})` : entry.person.name}
    </option>
  );

  return (
    <details class="options-subsection merge" data-testid="merge-people">
      <summary>{t('options_merge_title')}</summary>
      <p class="duet-muted options-hint">{t('options_merge_intro')}</p>
      <form class="options-form" onSubmit={review} noValidate>
        <div class="field-pair">
          <div class="options-field">
            <label for="merge-keep">{t('options_merge_keep')}</label>
            <select
              id="merge-keep"
              value={keepId}
              data-testid="merge-keep"
              onChange={(e) => {
                setKeepId(e.currentTarget.value);
                setConfirming(false);
              }}
            >
              <option value="">{t('options_merge_choose')}</option>
              {entries.map(option)}
            </select>
          </div>
          <div class="options-field">
            <label for="merge-remove">{t('options_merge_remove')}</label>
            <select
              id="merge-remove"
              value={removeId}
              data-testid="merge-remove"
              onChange={(e) => {
                setRemoveId(e.currentTarget.value);
                setConfirming(false);
              }}
            >
              <option value="">{t('options_merge_choose')}</option>
              {entries.filter((e) => e.person.id !== keepId).map(option)}
            </select>
          </div>
        </div>
        {confirming && keep && remove ? (
          <div
            class="confirm-box"
            role="group"
            aria-labelledby="merge-confirm-text"
            data-testid="merge-confirm"
          >
            <p id="merge-confirm-text">
              {t(
                'options_merge_confirm',
                remove.person.name,
                keep.person.name,
                remove.relationships.length,
                [...new Set([...keep.person.emails, ...remove.person.emails])].join(', ') || '—',
              )}
            </p>
            <div class="options-actions">
              <button
                type="button"
                class="options-button danger"
                data-testid="merge-apply"
                disabled={action.state.kind === 'busy'}
                onClick={merge}
              >
                {t('options_merge_apply', remove.person.name, keep.person.name)}
              </button>
              <button type="button" class="options-button" onClick={() => setConfirming(false)}>
                {t('common_cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div class="options-actions">
            <button type="submit" class="options-button" data-testid="merge-review">
              {t('options_merge_review')}
            </button>
          </div>
        )}
      </form>
      <ActionMessage state={action.state} testId="merge" />
    </details>
  );
}
