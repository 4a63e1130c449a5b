import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { CATALOG, CATALOG_PARTS, localeMessagesJson } from '@/lib/i18n/catalog';
import { resetI18nForTests, setEnglishFallback, t } from '@/lib/i18n';

// The tests below replace the fake browser's i18n; the node test files share that browser (vitest.config.ts),
// so the next file's t() must not answer from a stub left here.
const fake = browser as unknown as { i18n: unknown };
const browserI18n = fake.i18n;

afterEach(() => {
  fake.i18n = browserI18n;
  resetI18nForTests();
  vi.restoreAllMocks();
});

describe('the string catalog', () => {
  it('keys follow browser.i18n rules and no surface redefines another surface’s key', () => {
    const seen = new Map<string, string>();
    for (const [part, messages] of Object.entries(CATALOG_PARTS)) {
      for (const key of Object.keys(messages)) {
        expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${part}`).toBeUndefined();
        seen.set(key, part);
      }
    }
    expect(seen.size).toBe(Object.keys(CATALOG).length);
  });

  it('every message is non-empty and uses only $1…$9 substitutions', () => {
    for (const [key, text] of Object.entries(CATALOG)) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toMatch(/\$[^1-9]|\$$/);
    }
  });

  it('generates messages.json with named placeholders and escaped dollars', () => {
    const json = JSON.parse(localeMessagesJson({ hello: 'Hi $1, you owe $2 $', plain: 'Plain' })) as Record<
      string,
      unknown
    >;
    expect(json).toEqual({
      hello: {
        message: 'Hi $P1$, you owe $P2$ $$',
        placeholders: { p1: { content: '$1' }, p2: { content: '$2' } },
      },
      plain: { message: 'Plain' },
    });
    expect(Object.keys(JSON.parse(localeMessagesJson()) as object)).toEqual(Object.keys(CATALOG));
  });
});

describe('t()', () => {
  it('asks browser.i18n first, with the substitutions as strings', () => {
    const getMessage = vi.fn((key: string, subs?: string[]) => `[${key}:${(subs ?? []).join(',')}]`);
    (browser as unknown as { i18n: { getMessage: typeof getMessage } }).i18n = { getMessage };
    expect(t('common_loading')).toBe('[common_loading:]');
    expect(t('extName', 3)).toBe('[extName:3]');
    expect(getMessage).toHaveBeenCalledWith('extName', ['3']);
  });

  it('falls back to the English catalog when the browser has no answer', () => {
    (browser as unknown as { i18n: { getMessage: () => string } }).i18n = { getMessage: () => '' };
    expect(t('common_loading')).toBe(CATALOG.common_loading);
  });

  it('without a catalog handed in (the extension, which does not bundle it), shows the key, never nothing', () => {
    (browser as unknown as { i18n: { getMessage: () => string } }).i18n = { getMessage: () => '' };
    setEnglishFallback({} as typeof CATALOG);
    try {
      expect(t('common_loading')).toBe('common_loading');
    } finally {
      setEnglishFallback(CATALOG);
    }
    expect(t('extName')).toBe(CATALOG.extName);
  });

  it('falls back when browser.i18n throws', () => {
    (browser as unknown as { i18n: { getMessage: () => string } }).i18n = {
      getMessage: () => {
        throw new Error('not implemented');
      },
    };
    expect(t('common_loading')).toBe(CATALOG.common_loading);
  });
});
