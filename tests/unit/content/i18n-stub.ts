/**
 * The fake browser has no i18n: these answer `browser.i18n` as Chrome does from the generated
 * `_locales/en/messages.json` (named placeholders, `$$` for a dollar), so content-script tests read the
 * real English strings through the same path a browser uses.
 */
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeMessagesJson } from '@/lib/i18n/catalog';

type MessagesJson = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const MESSAGES = JSON.parse(localeMessagesJson()) as MessagesJson;

export function getMessageLikeChrome(key: string, substitutions?: string | string[]): string {
  const entry = MESSAGES[key];
  if (!entry) return '';
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_]+)\$/g, (match, name: string | undefined) => {
    if (match === '$$') return '$';
    const content = entry.placeholders?.[name!.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, digit: string) => subs[Number(digit) - 1] ?? '');
  });
}

/** Call at the top of a test file: every test gets the English messages and an en-US UI. */
export function stubI18n(): void {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessageLikeChrome);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  });
}
