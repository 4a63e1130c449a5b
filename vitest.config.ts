import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Test folders whose code never touches a DOM (the domain, the data layer, the worker, messaging, files,
 * i18n, the security rules): they run in plain Node, which saves happy-dom's ~0.7 s start per file. A file
 * here that needs a DOM fails with "document is not defined": move it, or give it
 * `// @vitest-environment happy-dom`.
 */
const DOM_FREE = ['domain', 'db', 'background', 'messaging', 'io', 'i18n', 'security'];
const ALL = 'tests/unit/**/*.test.{ts,tsx}';
const domFree = [
  ...DOM_FREE.map((folder) => `tests/unit/${folder}/**/*.test.{ts,tsx}`),
  'tests/unit/*.test.ts',
];

// Unit tests: WXT's in-memory fake browser, fake-indexeddb and happy-dom. E2E lives in vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest(), preact(), lightBrowserMock()],
  define: { __DUET_DEMO__: 'false', __DUET_BENCH__: 'false', __DUET_TESTS__: 'true' },
  test: {
    projects: [
      // Not isolated: these files share one module graph per worker (half the node project's time was each
      // file importing the data layer again). Every test still starts from a fresh fake database and browser
      // (tests/unit/setup.ts runs per file); shuffled runs (`--sequence.shuffle`) pass.
      { extends: true, test: { name: 'node', include: domFree, environment: 'node', isolate: false } },
      { extends: true, test: { name: 'dom', include: [ALL], exclude: domFree, environment: 'happy-dom' } },
    ],
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // Vitest leaves one core free by default: on a 2-core machine that is a single worker. Test files are
    // independent (a fresh fake database per test), so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    // A test that renders panels waits for the fake database through several tasks: on a loaded 2-core CI
    // machine a few took close to the 5 s default. A hang still fails, later.
    testTimeout: 15_000,
  },
});

/**
 * `wxt/browser` as the fake browser alone. WXT's plugin aliases it to a module that imports `wxt/testing`,
 * whose index also evaluates WXT's Vitest plugin and its build tooling: about a second for every test file,
 * two thirds of the unit suite's setup time. Its alias is pointed here instead.
 */
function lightBrowserMock(): Plugin {
  return {
    name: 'duet:light-browser-mock',
    // Runs after WXT's plugin: an alias a later plugin adds is matched first.
    config: () => ({
      resolve: {
        alias: [
          { find: 'wxt/browser', replacement: resolve(import.meta.dirname, 'tests/unit/mock-browser.ts') },
        ],
      },
    }),
  };
}
