/**
 * Release gate: the built manifests ask for exactly what Duet uses. A change here is a product decision,
 * so it must show up as a failing snapshot first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../lib/i18n/catalog';
import { EXTENSION_DIR } from './harness';

const GOOGLE_HOSTS = ['https://calendar.google.com/*', 'https://meet.google.com/*'];
const CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'; img-src 'self' data:; " +
  "style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

describe('built manifest', () => {
  it('Chrome (MV3): exactly the permissions, hosts, CSP and exposure Duet needs', () => {
    const manifest = readManifest(EXTENSION_DIR);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Duet');
    // sidePanel: the browser's side panel, offered while presenting in Meet. alarms + notifications:
    // reminders and the "reschedule?" prompt (OS notifications, lib/background/reminders.ts).
    expect(manifest.permissions).toEqual([
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'sidePanel',
    ]);
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.host_permissions).toEqual(GOOGLE_HOSTS);
    expect(manifest.content_security_policy).toEqual({ extension_pages: CSP });
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['panel.html'], matches: GOOGLE_HOSTS }]);
    expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
    const scripts = manifest.content_scripts as Array<{ matches: string[]; all_frames?: boolean }>;
    expect(scripts.map((script) => script.matches)).toEqual([[GOOGLE_HOSTS[0]], [GOOGLE_HOSTS[1]]]);
    expect(scripts.every((script) => script.all_frames !== true)).toBe(true);
    expect(manifest.background).toEqual({ type: 'module', service_worker: 'background.js' });
    expect(manifest.commands).toEqual({
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_extCommandOpenPanel__',
      },
    });
    expect(Object.keys(manifest.icons as object)).toEqual(['16', '32', '48', '96', '128']);
    // UI strings go through browser.i18n: the English messages are generated from the catalog.
    expect(manifest.default_locale).toBe('en');
    const messages = JSON.parse(
      readFileSync(join(EXTENSION_DIR, '_locales', 'en', 'messages.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(Object.keys(messages)).toEqual(Object.keys(CATALOG));
    // What the browser shows for the extension and its shortcut comes from there too.
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(messages.extCommandOpenPanel).toEqual({
      message: 'Open the Duet panel for the selected Calendar event',
    });
  });

  const firefoxDir = join(EXTENSION_DIR, '..', 'firefox-mv3');
  it.runIf(existsSync(firefoxDir))(
    'Firefox (MV3): the same permissions but the side panel, and data collection declared as none',
    () => {
      const manifest = readManifest(firefoxDir);
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms', 'notifications']);
      // Firefox's side panel is a sidebar, which needs no permission.
      expect(manifest.sidebar_action).toEqual({ default_panel: 'sidepanel.html', default_title: 'Duet' });
      expect(manifest.host_permissions).toEqual(GOOGLE_HOSTS);
      expect(manifest.content_security_policy).toEqual({ extension_pages: CSP });
      expect(manifest.browser_specific_settings).toEqual({
        gecko: {
          id: '{6f0c1f4e-3f55-4b8e-9b8a-2d1c7e9a5b31}',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      });
    },
  );
});
