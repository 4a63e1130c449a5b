// `npm test`: lint, format, typecheck, unit tests, build, then end-to-end tests in real Chromium and Firefox.
// Every step runs even if an earlier one failed (so one run shows everything); the exit code is non-zero
// if any failed. Lint, format and typecheck run side by side. Test counts land in .reports/summary.json
// for .ci/run.
//   npm test                 everything
//   npm test -- --only e2e   just build + E2E (also: lint, format, typecheck, unit; checks = the first three)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox } from './firefox.mjs';

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : null;
const REPORTS = '.reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

/** @type {Array<{ name: string, ok: boolean, seconds: number }>} */
const results = [];

/** @param {string} name @param {string} command @param {string[]} commandArgs @param {Record<string,string>} [env] */
function step(name, command, commandArgs, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  if (!ok) console.log(`✖ ${name} failed`);
  return ok;
}

/** @param {string} file */
function vitestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, missing: true };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests ?? 0,
    failed:
      (report.numFailedTests ?? 0) +
      (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    missing: false,
  };
}

/**
 * Steps that run side by side (each single-threaded: together they take about the longest one's time on two
 * cores), each with its output kept and printed whole, in the given order, once all have ended.
 * @param {Array<{ name: string, command: string, args: string[] }>} steps
 */
async function together(steps) {
  const runs = steps.map(
    ({ name, command, args }) =>
      new Promise((done) => {
        const started = Date.now();
        /** @type {Buffer[]} */
        const output = [];
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        const finish = (/** @type {boolean} */ ok, /** @type {string} */ extra = '') =>
          done({ name, ok, seconds: (Date.now() - started) / 1000, output: Buffer.concat(output) + extra });
        child.on('error', (error) => finish(false, `${error.message}\n`));
        child.on('close', (code) => finish(code === 0));
      }),
  );
  for (const { name, ok, seconds, output } of await Promise.all(runs)) {
    console.log(`\n▶ ${name}`);
    process.stdout.write(output);
    results.push({ name, ok, seconds });
    if (!ok) console.log(`✖ ${name} failed`);
  }
}

const want = (/** @type {string} */ name) => only === null || only === name;
const npx = 'npx';

await together(
  [
    { key: 'lint', name: 'lint (eslint)', command: npx, args: ['eslint', '.', '--max-warnings', '0'] },
    {
      key: 'format',
      name: 'format (prettier --check)',
      command: npx,
      args: ['prettier', '--check', '.', '--log-level', 'warn'],
    },
    { key: 'typecheck', name: 'typecheck (tsc --noEmit, strict)', command: npx, args: ['tsc', '--noEmit'] },
  ].filter(({ key }) => want(key) || only === 'checks'),
);
if (want('unit')) {
  step('unit tests (vitest)', npx, [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${REPORTS}/unit.json`,
  ]);
}
if (want('e2e')) {
  const built =
    step('build (chrome-mv3)', npx, ['wxt', 'build']) &&
    step('build (firefox-mv3)', npx, ['wxt', 'build', '-b', 'firefox']);
  if (built) {
    // Release gate: no dynamic code, HTML sinks, remote URLs or network APIs in either build, and no
    // database or zod in content scripts (known library code only through its allowlist).
    step('scan built output', process.execPath, ['scripts/scan-build.mjs']);
    ensureChromium();
    try {
      ensureFirefox();
    } catch (error) {
      // tests/e2e/firefox.e2e.ts then fails with the same hint; the Chromium files still run.
      console.error(error instanceof Error ? error.message : error);
    }
    step('end-to-end tests (Chromium, Firefox)', npx, [
      'vitest',
      'run',
      '-c',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${REPORTS}/e2e.json`,
    ]);
    // The README's other command: the offline demo builds, seeds and shows every surface (headless here).
    step('demo (npm start -- --headless)', process.execPath, ['scripts/start.mjs', '--headless']);
  }
}

const unit = vitestCounts(`${REPORTS}/unit.json`);
const e2e = vitestCounts(`${REPORTS}/e2e.json`);
const checks = results.filter((r) => !r.name.includes('tests'));
const summary = {
  steps: results,
  unit,
  e2e,
  passed: unit.passed + e2e.passed + checks.filter((r) => r.ok).length,
  failed: unit.failed + e2e.failed + checks.filter((r) => !r.ok).length,
};
// A test step that failed without reporting (crash, config error) still counts as a failure.
for (const r of results.filter((r) => r.name.includes('tests') && !r.ok)) {
  const counts = r.name.startsWith('unit') ? unit : e2e;
  if (counts.failed === 0) summary.failed += 1;
}
writeFileSync(`${REPORTS}/summary.json`, JSON.stringify(summary, null, 2));

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name} (${r.seconds.toFixed(1)} s)`);
console.log(
  `  unit: ${unit.passed} passed, ${unit.failed} failed · e2e: ${e2e.passed} passed, ${e2e.failed} failed`,
);
console.log('  screenshots: artifacts/e2e/');
process.exit(results.every((r) => r.ok) ? 0 : 1);
