/** Who I am: my name and my emails, so detection can tell me apart from the other person in a 1:1. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { updateSettings } from '@/lib/db';
import { EmailSchema, type Settings } from '@/lib/domain/model';
import { t, uiLocale } from '@/lib/i18n';
import { ActionMessage } from './ActionMessage';
import { OptionsSection } from './OptionsSection';
import { splitList } from './options-text';
import { useAction } from './use-action';

/** Emails from what the user typed, or the first one that is not an email. */
export function parseEmails(text: string): { emails: string[] } | { invalid: string } | { tooMany: true } {
  const emails: string[] = [];
  for (const part of splitList(text)) {
    const parsed = EmailSchema.safeParse(part);
    if (!parsed.success) return { invalid: part };
    if (!emails.includes(parsed.data)) emails.push(parsed.data);
  }
  if (emails.length > 20) return { tooMany: true };
  return { emails };
}

/** The longest name the form takes (no `maxLength` on the box: a longer paste stays, and is refused in words). */
const MAX_NAME = 200;

export function IdentitySection({
  settings,
  onDataChanged,
}: {
  settings: Settings;
  onDataChanged: () => void;
}) {
  const [name, setName] = useState(settings.myName);
  const [emails, setEmails] = useState(settings.myEmails.join('\n'));
  const [dirty, setDirty] = useState(false);
  const action = useAction();
  // Another page changed them: show the new values unless the user is typing here.
  const stored = `${settings.myName}\u0000${settings.myEmails.join('\n')}`;
  const shown = useRef(stored);
  /** The values the fields started from: a save writes only the fields changed since. */
  const base = useRef({ name: settings.myName, emails: settings.myEmails });
  useEffect(() => {
    if (shown.current === stored) return;
    shown.current = stored;
    if (dirty) return;
    base.current = { name: settings.myName, emails: settings.myEmails };
    setName(settings.myName);
    setEmails(settings.myEmails.join('\n'));
  }, [stored]);

  const invalid = action.state.kind === 'error';
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const parsed = parseEmails(emails);
    if ('invalid' in parsed) return action.fail(t('options_identity_email_invalid', parsed.invalid));
    if ('tooMany' in parsed) return action.fail(t('options_identity_email_too_many'));
    if (name.trim().length > MAX_NAME) {
      const count = (n: number) => new Intl.NumberFormat(uiLocale()).format(n);
      return action.fail(t('options_identity_name_too_long', count(MAX_NAME), count(name.trim().length)));
    }
    let saved: Settings | null = null;
    void action
      .run(async () => {
        // Only the fields changed here: another page's change to the other one is kept.
        const changedName = name.trim() !== base.current.name;
        const changedEmails = parsed.emails.join('\n') !== base.current.emails.join('\n');
        saved = await updateSettings({
          ...(changedName ? { myName: name.trim() } : {}),
          ...(changedEmails ? { myEmails: parsed.emails } : {}),
        });
        onDataChanged();
        return t('options_saved');
      })
      .then((ok) => {
        if (ok && saved) {
          const now: Settings = saved;
          setDirty(false);
          base.current = { name: now.myName, emails: now.myEmails };
          shown.current = `${now.myName}\u0000${now.myEmails.join('\n')}`;
          setName(now.myName);
          setEmails(now.myEmails.join('\n'));
        }
      });
  };

  return (
    <OptionsSection id="identity" title={t('options_identity_title')} intro={t('options_identity_intro')}>
      <form class="options-form" onSubmit={onSubmit} data-testid="identity-form" noValidate>
        <label class="options-field">
          <span>{t('options_identity_name')}</span>
          <input
            type="text"
            value={name}
            autocomplete="name"
            data-testid="identity-name"
            onInput={(e) => {
              setName(e.currentTarget.value);
              setDirty(true);
            }}
          />
        </label>
        <label class="options-field">
          <span>{t('options_identity_emails')}</span>
          <textarea
            rows={3}
            value={emails}
            spellcheck={false}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby="identity-emails-hint"
            data-testid="identity-emails"
            onInput={(e) => {
              setEmails(e.currentTarget.value);
              setDirty(true);
              if (invalid) action.reset();
            }}
          />
          <small id="identity-emails-hint" class="duet-muted">
            {t('options_identity_emails_hint')}
          </small>
        </label>
        <div class="options-actions">
          <button type="submit" class="options-button primary" disabled={action.state.kind === 'busy'}>
            {t('common_save')}
          </button>
          <ActionMessage state={action.state} testId="identity" />
        </div>
      </form>
    </OptionsSection>
  );
}
