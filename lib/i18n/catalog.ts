/**
 * Every UI string, in English, by key: the source `_locales/en/messages.json` is generated from at build
 * (wxt.config.ts → `localeMessagesJson`). One module per surface, so work on one surface touches one file.
 * Substitutions are written `$1` … `$9`.
 */
import { background } from './messages/background';
import { common } from './messages/common';
import { content } from './messages/content';
import { options } from './messages/options';
import { panel } from './messages/panel';
import { popup } from './messages/popup';
import { relationship } from './messages/relationship';

export const CATALOG_PARTS = { common, popup, options, panel, relationship, background, content } as const;

export const CATALOG = {
  ...common,
  ...popup,
  ...options,
  ...panel,
  ...relationship,
  ...background,
  ...content,
} as const;

export type MessageKey = keyof typeof CATALOG;

interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * The catalog as `messages.json`: `$1` becomes a named placeholder (`$P1$` with content `$1`, the form
 * both Chrome and Firefox document), and a literal `$` is escaped as `$$`.
 */
export function localeMessagesJson(catalog: Record<string, string> = CATALOG): string {
  const out: Record<string, ChromeMessage> = {};
  for (const [key, text] of Object.entries(catalog)) {
    const placeholders: Record<string, { content: string }> = {};
    const message = text.replace(/\$(\d)|\$/g, (_match, digit: string | undefined) => {
      if (digit === undefined) return '$$';
      placeholders[`p${digit}`] = { content: `$${digit}` };
      return `$P${digit}$`;
    });
    out[key] = Object.keys(placeholders).length > 0 ? { message, placeholders } : { message };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}
