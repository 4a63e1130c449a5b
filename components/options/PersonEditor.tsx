/** Edit one person: name, emails (the key for matching Calendar guests), how they relate to me. */
import { useState } from 'preact/hooks';
import { applyPersonEdit, type PersonFields } from '@/lib/db';
import { MAX_SHORT_TEXT, type Person, RELATIONS } from '@/lib/domain/model';
import { isBlank } from '@/lib/domain/text';
import { t, uiLocale } from '@/lib/i18n';
import { ActionMessage } from './ActionMessage';
import { parseEmails } from './IdentitySection';
import { relationLabel } from './options-text';
import { useAction } from './use-action';
import { useFocusOnMount } from './use-focus-on-mount';

export function PersonEditor({
  person,
  onDone,
  onDataChanged,
}: {
  person: Person;
  onDone: () => void;
  onDataChanged: () => void;
}) {
  // What the form opened with: saving applies only what the user changed from it (a merge meanwhile stays).
  const [opened] = useState<PersonFields>(() => ({
    name: person.name,
    emails: person.emails,
    relation: person.relation,
  }));
  const [name, setName] = useState(person.name);
  const [emails, setEmails] = useState(person.emails.join('\n'));
  const [relation, setRelation] = useState(person.relation);
  const action = useAction();
  const first = useFocusOnMount<HTMLInputElement>();
  const base = `person-${person.id}`;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    // Blank counts invisible characters too (a pasted zero-width space is no name).
    if (isBlank(name)) return action.fail(t('options_person_name_required'));
    // No `maxLength` on the box: a longer paste stays whole, and is refused in words.
    if (name.trim().length > MAX_SHORT_TEXT) {
      const count = (n: number) => new Intl.NumberFormat(uiLocale()).format(n);
      return action.fail(t('options_person_name_too_long', count(MAX_SHORT_TEXT), count(name.trim().length)));
    }
    const parsed = parseEmails(emails);
    if ('invalid' in parsed) return action.fail(t('options_identity_email_invalid', parsed.invalid));
    if ('tooMany' in parsed) return action.fail(t('options_identity_email_too_many'));
    void action
      .run(async () => {
        await applyPersonEdit(person.id, opened, { name: name.trim(), emails: parsed.emails, relation });
        onDataChanged();
      })
      .then((ok) => ok && onDone());
  };

  return (
    <form class="options-form editor" onSubmit={onSubmit} data-testid="person-editor" noValidate>
      <label class="options-field" for={`${base}-name`}>
        <span>{t('options_person_name')}</span>
      </label>
      <input
        id={`${base}-name`}
        ref={first}
        type="text"
        value={name}
        data-testid="person-name"
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <label class="options-field" for={`${base}-emails`}>
        <span>{t('options_person_emails')}</span>
      </label>
      <textarea
        id={`${base}-emails`}
        rows={2}
        value={emails}
        spellcheck={false}
        data-testid="person-emails"
        aria-describedby={`${base}-emails-hint`}
        onInput={(e) => setEmails(e.currentTarget.value)}
      />
      <small id={`${base}-emails-hint`} class="duet-muted">
        {t('options_identity_emails_hint')}
      </small>
      <label class="options-field" for={`${base}-relation`}>
        <span>{t('options_person_relation')}</span>
      </label>
      <select
        id={`${base}-relation`}
        value={relation}
        data-testid="person-relation"
        onChange={(e) => setRelation(e.currentTarget.value as Person['relation'])}
      >
        {RELATIONS.map((r) => (
          <option key={r} value={r}>
            {relationLabel(r)}
          </option>
        ))}
      </select>
      <div class="options-actions">
        <button type="submit" class="options-button primary" data-testid="person-save">
          {t('common_save')}
        </button>
        <button type="button" class="options-button" onClick={onDone}>
          {t('common_cancel')}
        </button>
        <ActionMessage state={action.state} testId="person" />
      </div>
    </form>
  );
}
