import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Alias } from 'vite';
import { defineConfig } from 'wxt';
import { GOOGLE_HOST_PATTERNS } from './lib/hosts';
import { localeMessagesJson } from './lib/i18n/catalog';

/**
 * `DUET_DEMO=1` builds the offline demo (seeded data, separate output folder) that `npm start` runs.
 * The flag is a compile-time constant, so the demo seeding code is absent from release builds.
 */
const demo = process.env.DUET_DEMO === '1';
/**
 * `DUET_BENCH=1` adds the unlisted bench.html and bench-floor.html pages that `npm run bench` drives and the content scripts' timing
 * reports (`__DUET_BENCH__`); never in release builds.
 */
const bench = process.env.DUET_BENCH === '1';
const RELEASE_ENTRYPOINTS = ['background', 'calendar', 'meet', 'panel', 'sidepanel', 'popup', 'options'];

/** A bench build's page: its script is an unlisted script bundle of the same name. */
function benchPage(title: string, script: string, body = ''): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>${title}</title>
  </head>
  <body>
    ${body}
    <script type="module" src="/${script}"></script>
  </body>
</html>
`;
}

// Extension pages: no remote code, no network, only our own scripts. Inline styles are allowed because
// Preact writes `style` attributes; scripts never.
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default defineConfig({
  // DUET_OUT_DIR: a separate output folder (parallel builds, e.g. one E2E suite while another builds).
  outDir: process.env.DUET_OUT_DIR ?? (bench ? '.output/bench' : demo ? '.output/demo' : '.output'),
  filterEntrypoints: bench ? [...RELEASE_ENTRYPOINTS, 'bench', 'bench-floor'] : RELEASE_ENTRYPOINTS,
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  hooks: {
    // Content scripts get the browser's own API as `wxt/browser`, not webextension-polyfill (see
    // lib/content/browser.ts): each of their builds holds content scripts only.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = config.resolve?.alias ?? [];
      const list: Alias[] = Array.isArray(alias)
        ? alias
        : Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({
            find,
            replacement,
          }));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: resolve(import.meta.dirname, 'lib/content/browser.ts') },
          ...list,
        ],
      };
    },
    // UI strings: `_locales/en/messages.json` is generated from the TypeScript catalog (lib/i18n).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: '_locales/en/messages.json', contents: localeMessagesJson() });
      // Bench builds: the pages `npm run bench` drives, each loading its own unlisted script bundle (an
      // HTML entrypoint would join the pages' build and change how the popup's modules are chunked).
      if (bench) {
        files.push({ relativeDest: 'bench.html', contents: benchPage('Duet benchmarks', 'bench.js') });
        files.push({
          relativeDest: 'bench-floor.html',
          contents: benchPage('Duet benchmark floor', 'bench-floor.js', '<ul id="list"></ul>'),
        });
      }
    },
  },
  vite: () => ({
    plugins: [preact()],
    define: {
      __DUET_DEMO__: JSON.stringify(demo),
      __DUET_BENCH__: JSON.stringify(bench),
      __DUET_TESTS__: 'false',
    },
    // No modulepreload polyfill: it is the bundle's only fetch() (browsers Duet supports preload natively).
    build: { sourcemap: false, modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: 'Duet',
    default_locale: 'en',
    // Strings the browser shows come from the catalog (lib/i18n/messages/common.ts) like the UI's: `__MSG_key__`.
    description: '__MSG_extDescription__',
    // sidePanel: "Continue in side panel" while presenting (Firefox uses sidebar_action, no permission).
    // alarms + notifications: reminders before/after a 1:1, cadence gaps, "reschedule?" for a declined 1:1
    // (OS notifications naming only the 1:1 and counts; lib/background/reminders.ts).
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: [...GOOGLE_HOST_PATTERNS],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    web_accessible_resources: [{ resources: ['panel.html'], matches: [...GOOGLE_HOST_PATTERNS] }],
    // Admit no other extension and no web page to message us.
    externally_connectable: { ids: [], matches: [] },
    action: { default_title: 'Duet' },
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_extCommandOpenPanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: '{6f0c1f4e-3f55-4b8e-9b8a-2d1c7e9a5b31}',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
