/**
 * UI strings for the content scripts: `browser.i18n.getMessage` straight (the generated
 * `_locales/<lang>/messages.json`), without the pages' `t()` and its caches, so nothing more weighs on every
 * Calendar and Meet page load. Only the keys' type comes from lib/i18n/messages/content.ts.
 */
import { browser } from 'wxt/browser';
import type { common } from '../i18n/messages/common';
import type { ContentMessageKey, ContentPluralKey } from '../i18n/messages/content';

type GetMessage = (key: string, substitutions?: string[]) => string | undefined;
/** The catalog's language (lib/i18n/messages/common.ts), whose plural rules pick `_one` / `_other`. */
type CatalogLocaleKey = 'catalog_locale' & keyof typeof common;

export function msg(
  key: ContentMessageKey | CatalogLocaleKey,
  ...substitutions: Array<string | number>
): string {
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

/**
 * `msg()` for a count: `_one` or `_other` by the plural rules of the catalog's language, not the UI
 * language's (Chrome serves the English catalog to every UI language without its own).
 */
export function msgCount(
  base: ContentPluralKey,
  count: number,
  ...substitutions: Array<string | number>
): string {
  let one = count === 1;
  try {
    one = new Intl.PluralRules(msg('catalog_locale')).select(count) === 'one';
  } catch {
    // No catalog to say its language (msg() gives the key, not a tag): English rules.
  }
  return msg(`${base}_${one ? 'one' : 'other'}` as ContentMessageKey, ...substitutions);
}
