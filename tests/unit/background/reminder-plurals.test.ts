/**
 * The cadence reminder's counts in a catalog whose plural rules are not English's: Russian takes the
 * "one" form for 21, 31, … weeks. The texts are made-up Russian answered by a fake `browser.i18n`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { notificationText } from '@/lib/background/reminders';
import { resetI18nForTests } from '@/lib/i18n';

const RUSSIAN: Readonly<Record<string, string>> = {
  // A Russian catalog says so: its plural forms are picked by Russian rules.
  catalog_locale: 'ru',
  bg_cadence_message: '$1 с последней встречи с $2, обычно $3',
  bg_since_days_one: '$1 день',
  bg_since_days_other: '$1 дней',
  bg_since_weeks_one: '$1 неделя',
  bg_since_weeks_other: '$1 недель',
  bg_every_week: 'каждую неделю',
  bg_every_weeks_one: 'раз в $1 неделю',
  bg_every_weeks_other: 'раз в $1 недель',
  bg_every_days_one: 'раз в $1 день',
  bg_every_days_other: 'раз в $1 дней',
};

/**
 * The browser's i18n answering in Russian. Swapped in whole and put back after: the node test files share one
 * fake browser, whose i18n another file may have replaced with an object that has no getUILanguage.
 */
const withI18n = fakeBrowser as unknown as { i18n: unknown };
let original: { i18n: unknown } | null = null;

function speakRussian() {
  original = { i18n: withI18n.i18n };
  withI18n.i18n = {
    getMessage: (key: string, subs?: string | string[]) => {
      const values = typeof subs === 'string' ? [subs] : (subs ?? []);
      return (RUSSIAN[key] ?? '').replace(/\$(\d)/g, (_m, d: string) => values[Number(d) - 1] ?? '');
    },
    getUILanguage: () => 'ru',
  };
  resetI18nForTests();
}

afterEach(() => {
  if (original) withI18n.i18n = original.i18n;
  original = null;
  resetI18nForTests();
});

const gap = (daysSince: number, cadenceDays: number) =>
  notificationText({
    key: 'k',
    relationshipId: 'r',
    name: 'Алекс',
    kind: 'cadence-gap',
    daysSince,
    cadenceDays,
  }).message;

describe('cadence reminder: weeks and days follow the catalog language’s plural rules', () => {
  it('21 weeks and 31 days take the "one" form; 22 weeks the other', () => {
    speakRussian();
    expect(gap(147, 147)).toBe('21 неделя с последней встречи с Алекс, обычно раз в 21 неделю');
    expect(gap(154, 31)).toBe('22 недель с последней встречи с Алекс, обычно раз в 31 день');
    expect(gap(154, 154)).toBe('22 недель с последней встречи с Алекс, обычно раз в 22 недель');
  });

  it('English still says "every 2 weeks" and "5 weeks"', () => {
    expect(gap(35, 14)).toBe('5 weeks since your last 1:1 with Алекс, usually every 2 weeks');
    expect(gap(16, 10)).toBe('2 weeks since your last 1:1 with Алекс, usually every 10 days');
  });
});
