/**
 * UI strings for the content scripts: `browser.i18n.getMessage` straight (the generated
 * `_locales/<lang>/messages.json`), without the pages' `t()` and its caches, so nothing more weighs on every
 * Calendar and Meet page load. Only the keys' type comes from lib/i18n/messages/content.ts.
 */
import { browser } from 'wxt/browser';
import type { ContentMessageKey, ContentPluralKey } from '../i18n/messages/content';

type GetMessage = (key: string, substitutions?: string[]) => string | undefined;

export function msg(key: ContentMessageKey, ...substitutions: Array<string | number>): string {
  try {
    // WXT types getMessage by the locale files it saw at `prepare`; ours is generated at build.
    const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as GetMessage;
    const text = getMessage(key, substitutions.map(String));
    if (text) return text;
  } catch {
    // No i18n here: the key below says which string is missing rather than showing nothing.
  }
  return key;
}

/** `msg()` for a count: `_one` or `_other` by the UI language's plural rules (the count is passed as a substitution too). */
export function msgCount(
  base: ContentPluralKey,
  count: number,
  ...substitutions: Array<string | number>
): string {
  let one = count === 1;
  try {
    one = new Intl.PluralRules(browser.i18n.getUILanguage().replace(/_/g, '-')).select(count) === 'one';
  } catch {
    // English rules.
  }
  return msg(`${base}_${one ? 'one' : 'other'}` as ContentMessageKey, ...substitutions);
}
