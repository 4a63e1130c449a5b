import { availableParallelism } from 'node:os';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: WXT's in-memory fake browser, fake-indexeddb and happy-dom. E2E lives in vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  define: { __DUET_DEMO__: 'false', __DUET_BENCH__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // Vitest leaves one core free by default: on a 2-core machine that is a single worker. Test files are
    // independent (a fresh fake database per test), so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
