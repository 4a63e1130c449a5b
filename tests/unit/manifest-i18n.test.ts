/**
 * The manifest's strings the browser shows (extensions page, store, keyboard shortcuts page) come from the
 * catalog, like every UI string: `__MSG_key__`, with each key in `_locales/en/messages.json` (generated
 * from lib/i18n). Only the brand ("Duet") is written as is.
 */
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { CATALOG } from '@/lib/i18n/catalog';

type Manifest = {
  name?: string;
  description?: string;
  commands?: Record<string, { description?: string }>;
};

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const manifest = config.manifest as unknown as (env: Record<string, unknown>) => Manifest;
  expect(typeof manifest).toBe('function');
  return manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
}

const MESSAGE = /^__MSG_([A-Za-z0-9_]+)__$/;

describe('manifest strings', () => {
  for (const browser of ['chrome', 'firefox'] as const) {
    it(`${browser}: the description and every command's description are catalog messages`, async () => {
      const manifest = await manifestFor(browser);
      const texts = [
        manifest.description,
        ...Object.values(manifest.commands ?? {}).map((command) => command.description),
      ];
      expect(texts.length).toBeGreaterThan(1);
      for (const text of texts) {
        const key = MESSAGE.exec(text ?? '')?.[1];
        expect(key, `${text} is not __MSG_key__`).toBeDefined();
        expect(Object.keys(CATALOG), `${key} is not in the catalog`).toContain(key);
      }
    });
  }

  it('the messages say what the literals said (the store listing and shortcut stay the same)', async () => {
    const manifest = await manifestFor('chrome');
    const resolve = (text?: string) => CATALOG[MESSAGE.exec(text ?? '')![1] as keyof typeof CATALOG];
    expect(resolve(manifest.description)).toBe(
      'Keep the thread between your one-on-ones in Google Calendar and Meet. Notes stay on this device.',
    );
    expect(resolve(manifest.commands?.['open-panel']?.description)).toBe(
      'Open the Duet panel for the selected Calendar event',
    );
    // Chrome's limit for a (localised) description.
    expect(resolve(manifest.description).length).toBeLessThanOrEqual(132);
  });
});
