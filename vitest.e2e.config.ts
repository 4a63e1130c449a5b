import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real Chromium (scripts/chromium.mjs), and in Firefox for firefox.e2e.ts
// (scripts/firefox.mjs). One browser (and profile) per file;
// two files at a time — much of a browser test is waiting, so two share 2 cores well — with generous
// timeouts for browser start-up.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
    // A browser's answer on two shared, busy cores can take longer than expect.poll's default second (an
    // import of ~2,000 records did, in CI): 5 s, as Playwright's own assertions wait. A poll still passes as
    // soon as its condition holds; only a failing one waits longer.
    expect: { poll: { timeout: 5_000 } },
  },
});
