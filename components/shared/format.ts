/** Small display helpers shared by the pages: the UI locale, plurals, relative times and snippets. */
import { browser } from 'wxt/browser';
import { type MessageKey, t } from '@/lib/i18n';

/**
 * The browser's UI language (`browser.i18n.getUILanguage()`), for dates, numbers and plural rules; undefined
 * (the runtime's default locale) where the browser has none to give, e.g. in unit tests.
 */
const localeOfLanguage = new Map<string, string | undefined>();

export function uiLocale(): string | undefined {
  try {
    const language = (
      browser as unknown as { i18n?: { getUILanguage?: () => string } }
    ).i18n?.getUILanguage?.();
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

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date in the user's language with these options; formatters are kept (making one costs far more than
 * using it, and a list formats dozens of dates).
 */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions): string {
  const locale = uiLocale();
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** The base of each plural pair in the catalog (`x` for `x_one` + `x_other`). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_one`
    ? `${Base}_other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/** Which of a plural pair `count` takes in the UI language (`_one` or `_other`). */
export function pluralOf(base: PluralKey, count: number): MessageKey {
  let category: Intl.LDMLPluralRule = count === 1 ? 'one' : 'other';
  try {
    category = new Intl.PluralRules(uiLocale()).select(count);
  } catch {
    // No plural rules for this locale: English's.
  }
  return `${base}_${category === 'one' ? 'one' : 'other'}` as MessageKey;
}

/** `t()` for a count: `$1` is the count, further substitutions are `$2`…. */
export function tn(base: PluralKey, count: number, ...substitutions: Array<string | number>): string {
  return t(pluralOf(base, count), count, ...substitutions);
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", then a date in the UI language. */
export function formatRelativeTime(timestamp: number, now: number = Date.now()): string {
  const seconds = Math.round((now - timestamp) / 1000);
  if (seconds < 45) return t('common_just_now');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return tn('common_minutes_ago', minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 24) return tn('common_hours_ago', hours);
  const days = Math.round(hours / 24);
  if (days < 14) return tn('common_days_ago', days);
  return formatDate(new Date(timestamp), {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
}

/** First line(s) of a note, collapsed to one line, for lists. */
export function snippet(text: string, max = 140): string {
  const flat = [...text.replace(/\s+/g, ' ').trim()]; // code points: never cut an emoji in half
  return flat.length > max ? `${flat.slice(0, max - 1).join('')}…` : flat.join('');
}
