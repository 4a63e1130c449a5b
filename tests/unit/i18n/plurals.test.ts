/**
 * Plural forms are picked by the rules of the catalog's language (`catalog_locale`), not the browser UI
 * language's: Chrome serves the English catalog (`_locales/en`) to every UI language without a catalog of its
 * own, so a Russian, Japanese or French UI reads English and must get English's `_one` / `_other`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { notificationText } from '@/lib/background/reminders';
import { resetI18nForTests, tn, uiLocale } from '@/lib/i18n';
import { CATALOG } from '@/lib/i18n/catalog';
import { getMessageLikeChrome } from '../content/i18n-stub';

// Swapped in whole and put back after: the node test files share one fake browser.
const fake = browser as unknown as { i18n: unknown };
const browserI18n = fake.i18n;

afterEach(() => {
  fake.i18n = browserI18n;
  resetI18nForTests();
});

/** Chrome with a UI in `language`, serving the English catalog (or `messages` over it). */
function chromeIn(language: string, messages: Readonly<Record<string, string>> = {}) {
  fake.i18n = {
    getMessage: (key: string, subs?: string | string[]) => {
      const own = messages[key];
      if (own === undefined) return getMessageLikeChrome(key, subs);
      const values = typeof subs === 'string' ? [subs] : (subs ?? []);
      return own.replace(/\$(\d)/g, (_m, d: string) => values[Number(d) - 1] ?? '');
    },
    getUILanguage: () => language,
  };
  resetI18nForTests();
}

const beforeSession = (openAgreements: number, talkingPoints: number) =>
  notificationText({
    key: 'k',
    relationshipId: 'r',
    name: 'Alex',
    kind: 'before-session',
    sessionId: 's',
    scheduledAt: 0,
    minutesUntil: 10,
    openAgreements,
    talkingPoints,
  }).message;

describe('plural forms follow the catalog’s language, not the UI language', () => {
  it('a Russian UI served the English catalog: 21 open agreements, not "1 open agreement"', () => {
    chromeIn('ru');
    expect(tn('bg_open_agreements', 21)).toBe('21 open agreements');
    expect(tn('bg_talking_points', 31)).toBe('31 talking points');
    expect(beforeSession(21, 1)).toBe('Prepare for your 1:1 with Alex: 21 open agreements, 1 talking point');
    expect(uiLocale()).toBe('ru'); // dates and numbers still follow the UI language
  });

  it('a Japanese UI: "1 day", not "1 days"', () => {
    chromeIn('ja');
    expect(tn('bg_since_days', 1)).toBe('1 day');
    expect(tn('panel_cadence_days_ago', 1)).toBe('1 day ago');
    expect(tn('bg_since_days', 2)).toBe('2 days');
  });

  it('a French UI: "0 days ago", not "0 day ago"', () => {
    chromeIn('fr_FR');
    expect(tn('panel_cadence_days_ago', 0)).toBe('0 days ago');
    expect(tn('panel_prep_carried', 0)).toBe('Prepared: 0 talking points carried over');
  });

  it('a catalog in another language picks by its own rules', () => {
    chromeIn('en-US', {
      catalog_locale: 'ru',
      bg_open_agreements_one: '$1 открытая договорённость',
      bg_open_agreements_other: '$1 открытых договорённостей',
    });
    expect(tn('bg_open_agreements', 21)).toBe('21 открытая договорённость');
    expect(tn('bg_open_agreements', 25)).toBe('25 открытых договорённостей');
  });

  it('English rules where the catalog does not say its language, or says one with no rules here', () => {
    for (const locale of ['', 'not a tag', 'xx']) {
      chromeIn('fr', { catalog_locale: locale });
      expect(tn('panel_cadence_days_ago', 0), locale).toBe('0 days ago');
      expect(tn('panel_cadence_days_ago', 1), locale).toBe('1 day ago');
    }
  });
});

describe('the catalog and its plural pairs', () => {
  it('says its own language with a tag this runtime has plural rules for', () => {
    expect(CATALOG.catalog_locale).toBe('en');
    expect(Intl.PluralRules.supportedLocalesOf([CATALOG.catalog_locale])).toEqual(['en']);
  });

  /**
   * `_one` messages picked by `count === 1` at their call site, with no count passed: the only ones that may
   * write "1" themselves. Every other `_one` is picked by plural rules, which in other languages take it for
   * 21, 0, …, so it must write the count its `_other` writes.
   */
  const PICKED_FOR_ONE_ONLY = new Set([
    'bg_badge_title_one',
    'bg_before_title_one',
    'bg_before_title_hours_one',
    'popup_prep_points_one',
    'popup_prep_review_one',
  ]);

  it('a `_one` message writes the count as its `_other` does, never a literal number', () => {
    const texts = CATALOG as Readonly<Record<string, string>>;
    for (const [key, one] of Object.entries(texts)) {
      const base = /^(.*)_one$/.exec(key)?.[1];
      const other = base === undefined ? undefined : texts[`${base}_other`];
      if (other === undefined || PICKED_FOR_ONE_ONLY.has(key)) continue;
      const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();
      expect(placeholders(one), key).toEqual(placeholders(other));
      expect(one.replace(/\$\d|1:1/g, ''), key).not.toMatch(/\d/);
    }
  });
});
