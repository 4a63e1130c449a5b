/**
 * `t(key, ...substitutions)`: a UI string through `browser.i18n` (`_locales/<lang>/messages.json`), so a
 * translation is one more messages file. Where the browser has no answer (unit tests, a key missing from an
 * older locale file) the English catalog is used, so a screen never shows an empty label.
 */
import { browser } from 'wxt/browser';
import { CATALOG, type MessageKey } from './catalog';

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

/** The catalog's English text with `$1`…`$9` filled in. */
export function fallback(key: MessageKey, substitutions: readonly string[]): string {
  return CATALOG[key].replace(/\$(\d)/g, (_m, digit: string) => substitutions[Number(digit) - 1] ?? '');
}

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const subs = substitutions.map(String);
  const get = browserGetMessage();
  if (get) {
    try {
      const text = get(key, subs.length > 0 ? subs : undefined);
      if (text) return text;
    } catch {
      // Not available here (e.g. the test browser): the English catalog below.
    }
  }
  return fallback(key, subs);
}

/** For tests: forget the browser's i18n so the next `t()` looks it up again. */
export function resetI18nForTests(): void {
  resolved = false;
  getMessage = null;
}
