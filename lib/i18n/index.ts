/**
 * `t(key, ...substitutions)`: a UI string through `browser.i18n` (`_locales/<lang>/messages.json`), so a
 * translation is one more messages file. In the extension the browser always answers: `_locales/en` is
 * the catalog (generated at build), and a locale file that lacks a key falls back to that default locale.
 * The English catalog itself is not bundled (≈32 kB on every page's first paint); where there is no browser
 * to answer (unit tests) it is handed in with `setEnglishFallback`, and otherwise the key is shown, so a
 * screen never shows an empty label.
 */
import { browser } from 'wxt/browser';
import type { MessageKey } from './catalog';

export type { MessageKey } from './catalog';

type GetMessage = (key: string, substitutions?: string[]) => string | undefined;

let getMessage: GetMessage | null = null;
let resolved = false;

function browserGetMessage(): GetMessage | null {
  if (resolved) return getMessage;
  resolved = true;
  try {
    const i18n = (browser as unknown as { i18n?: { getMessage?: GetMessage } }).i18n;
    getMessage = typeof i18n?.getMessage === 'function' ? i18n.getMessage.bind(i18n) : null;
  } catch {
    getMessage = null;
  }
  return getMessage;
}

/** The English texts by key, where there is no browser to ask (unit tests); null in the extension. */
let englishTexts: Readonly<Record<string, string>> | null = null;

/** Where the browser cannot answer (unit tests), `t()` answers from this catalog. */
export function setEnglishFallback(catalog: Readonly<Record<MessageKey, string>>): void {
  englishTexts = catalog;
}

/** The English text with `$1`…`$9` filled in (the key itself when no catalog was handed in). */
export function fallback(key: MessageKey, substitutions: readonly string[]): string {
  return (englishTexts?.[key] ?? key).replace(
    /\$(\d)/g,
    (_m, digit: string) => substitutions[Number(digit) - 1] ?? '',
  );
}

/** Texts without substitutions, once looked up (a list renders the same labels many times over). */
const plainTexts = new Map<MessageKey, string>();

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  if (substitutions.length === 0) {
    const known = plainTexts.get(key);
    if (known !== undefined) return known;
    const text = lookUp(key, []);
    plainTexts.set(key, text);
    return text;
  }
  return lookUp(key, substitutions.map(String));
}

function lookUp(key: MessageKey, subs: string[]): string {
  const get = browserGetMessage();
  if (get) {
    try {
      const text = get(key, subs.length > 0 ? subs : undefined);
      if (text) return text;
    } catch {
      // Not available here (e.g. the test browser): the fallback below.
    }
  }
  return fallback(key, subs);
}

/** For tests: forget the browser's i18n so the next `t()` looks it up again. */
export function resetI18nForTests(): void {
  resolved = false;
  getMessage = null;
  plainTexts.clear();
  uiLanguage = undefined;
  catalogRules = undefined;
}

/**
 * The browser's UI language (`browser.i18n.getUILanguage()`), for dates and numbers (not plurals); undefined
 * (the runtime's default locale) where the browser has none to give, e.g. in unit tests.
 */
const localeOfLanguage = new Map<string, string | undefined>();
/** The browser's answer, asked once per page (it is the same all along; each call crosses into the browser). */
let uiLanguage: { value: unknown } | undefined;

export function uiLocale(): string | undefined {
  try {
    uiLanguage ??= {
      value: (browser as unknown as { i18n?: { getUILanguage?: () => string } }).i18n?.getUILanguage?.(),
    };
    const language = uiLanguage.value;
    if (typeof language !== 'string' || language === '') return undefined;
    // Checking a tag is costly (lists render many dates): once per language.
    if (localeOfLanguage.has(language)) return localeOfLanguage.get(language);
    // Chrome says "en_US" in some builds; Intl wants a BCP 47 tag.
    const tag = language.replace(/_/g, '-');
    const locale = Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 ? tag : undefined;
    localeOfLanguage.set(language, locale);
    return locale;
  } catch {
    return undefined;
  }
}

/** The base of each plural pair in the catalog (`x` for `x_one` + `x_other`). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_one`
    ? `${Base}_other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/**
 * The plural rules of the catalog the browser serves (its `catalog_locale`), not the UI language's:
 * Chrome serves `_locales/en` to every UI language without a catalog of its own, and a Russian UI's rules
 * would pick English's `_one` for 21. Dates and numbers still follow the UI language (`uiLocale`).
 */
let catalogRules: Intl.PluralRules | undefined;

function catalogPluralRules(): Intl.PluralRules {
  if (catalogRules) return catalogRules;
  let tag = 'en';
  try {
    // A tag this runtime has no rules for would get the runtime's default locale's: English's instead.
    tag = Intl.PluralRules.supportedLocalesOf([t('catalog_locale')])[0] ?? tag;
  } catch {
    // Not a language tag (e.g. the key itself, where no catalog answers): English's rules.
  }
  catalogRules = new Intl.PluralRules(tag);
  return catalogRules;
}

/** Which of a plural pair `count` takes in the catalog's language (`_one` or `_other`). */
export function pluralOf(base: PluralKey, count: number): MessageKey {
  return `${base}_${catalogPluralRules().select(count) === 'one' ? 'one' : 'other'}` as MessageKey;
}

/** `t()` for a count: `$1` is the count, further substitutions are `$2`…. */
export function tn(base: PluralKey, count: number, ...substitutions: Array<string | number>): string {
  return t(pluralOf(base, count), count, ...substitutions);
}
