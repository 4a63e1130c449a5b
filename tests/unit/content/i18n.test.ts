/** Content scripts' strings: `browser.i18n.getMessage` straight, with plural pairs picked by the catalog's language. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { msg, msgCount } from '@/lib/content/i18n';
import { content } from '@/lib/i18n/messages/content';
import { getMessageLikeChrome } from './i18n-stub';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('content-script messages', () => {
  it('asks browser.i18n with the substitutions as strings', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessageLikeChrome);
    expect(msg('content_badge_label', '1:1')).toBe('Open 1:1 in Duet');
    expect(getMessage).toHaveBeenCalledWith('content_badge_label', ['1:1']);
    expect(msg('content_open_in_duet')).toBe(content.content_open_in_duet);
  });

  it('says which string is missing rather than showing nothing when the browser has no answer', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(msg('content_open_in_duet')).toBe('content_open_in_duet');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(() => {
      throw new Error('not implemented');
    });
    expect(msg('content_open_in_duet')).toBe('content_open_in_duet');
  });

  it('picks _one or _other by the plural rules of the catalog’s language', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessageLikeChrome);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    expect(msgCount('content_badge_title_open', 1, 1)).toBe('Open in Duet, 1 open agreement');
    expect(msgCount('content_badge_title_open', 2, 2)).toBe('Open in Duet, 2 open agreements');
    expect(msgCount('content_badge_title_open', 0, 0)).toBe('Open in Duet, 0 open agreements');
  });

  it('a UI language with other plural rules, served the English catalog, still gets English forms', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessageLikeChrome);
    const language = vi.spyOn(fakeBrowser.i18n, 'getUILanguage');
    // Russian takes "one" for 21, Japanese never does, French takes it for 0: English's rules, not theirs.
    language.mockReturnValue('ru');
    expect(msgCount('content_badge_title_open', 21, 21)).toBe('Open in Duet, 21 open agreements');
    language.mockReturnValue('ja');
    expect(msgCount('content_badge_title_open', 1, 1)).toBe('Open in Duet, 1 open agreement');
    language.mockReturnValue('fr_FR');
    expect(msgCount('content_badge_title_open', 0, 0)).toBe('Open in Duet, 0 open agreements');
    expect(msgCount('content_badge_label_open', 0, '1:1', 0)).toBe('Open 1:1 in Duet, 0 open agreements');
  });

  it('a catalog in another language picks by that language’s rules', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) =>
      key === 'catalog_locale' ? 'fr' : getMessageLikeChrome(key, subs),
    );
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    expect(msgCount('content_badge_title_open', 0, 0)).toBe('Open in Duet, 0 open agreement');
    expect(msgCount('content_badge_title_open', 2, 2)).toBe('Open in Duet, 2 open agreements');
  });

  it('uses English plural rules when the catalog cannot say its language', () => {
    const chrome = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    chrome.mockImplementation((key: string, subs?: string | string[]) =>
      key === 'catalog_locale' ? '' : getMessageLikeChrome(key, subs),
    );
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ja');
    expect(msgCount('content_badge_title_open', 1, 1)).toBe('Open in Duet, 1 open agreement');
    expect(msgCount('content_badge_title_open', 3, 3)).toBe('Open in Duet, 3 open agreements');
    chrome.mockImplementation((key: string, subs?: string | string[]) => {
      if (key === 'catalog_locale') throw new Error('not implemented');
      return getMessageLikeChrome(key, subs);
    });
    expect(msgCount('content_badge_title_open', 1, 1)).toBe('Open in Duet, 1 open agreement');
    expect(msgCount('content_badge_title_open', 0, 0)).toBe('Open in Duet, 0 open agreements');
  });

  it('every plural base has both forms', () => {
    for (const key of Object.keys(content)) {
      const one = /^(.*)_one$/.exec(key);
      if (one) expect(Object.keys(content), key).toContain(`${one[1]}_other`);
    }
  });
});
