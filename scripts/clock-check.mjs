// `npm run test:clock`: the unit suite at awkward moments and in far-apart time zones, so a test that only
// passes at the hour CI happened to run it shows up before it fails there. CI runs on a clean clone at any
// time, in UTC; Duet counts local days, weeks from Monday and "the next 7 days" from now.
//   npm run test:clock            unit tests at each instant below (about a minute each)
//   npm run test:clock -- --e2e   also the Chromium E2E suite at each instant (build first: npm run build)
// Needs libfaketime (`apt-get install faketime`), which also fakes the clock of the browsers the E2E tests
// start. Firefox does not start under it, so the E2E run leaves firefox.e2e.ts out.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** [time zone, the wall-clock moment the run starts at, why]. */
const MOMENTS = [
  ['UTC', '2026-11-29 23:59:30', 'Sunday night: the week and the day roll over during the run'],
  ['UTC', '2026-12-31 23:59:30', 'New Year'],
  ['Pacific/Kiritimati', '2026-12-16 10:00:00', 'UTC+14: a local day ahead of UTC'],
  ['Pacific/Pago_Pago', '2026-12-16 10:00:00', 'UTC−11: a local day behind UTC'],
  ['America/New_York', '2027-03-14 01:59:30', 'clocks go forward during the run'],
  ['UTC', '2028-06-01 12:00:00', 'more than two years after the Calendar fixtures’ week'],
];

if (spawnSync('faketime', ['2026-01-01 00:00:00', 'true']).status !== 0) {
  console.error('faketime is not installed (Debian: apt-get install -y faketime).');
  process.exit(2);
}

const e2e = process.argv.includes('--e2e');
const e2eFiles = readdirSync('tests/e2e')
  .filter((file) => file.endsWith('.e2e.ts') && file !== 'firefox.e2e.ts')
  .map((file) => `tests/e2e/${file}`);

const failures = [];
for (const [zone, moment, why] of MOMENTS) {
  const runs = [['unit', ['vitest', 'run']]];
  if (e2e) runs.push(['e2e', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...e2eFiles]]);
  for (const [suite, args] of runs) {
    console.log(`\n▶ ${suite} at ${moment} ${zone} (${why})`);
    const run = spawnSync('faketime', [moment, 'npx', ...args], {
      stdio: 'inherit',
      env: { ...process.env, TZ: zone },
    });
    if (run.status !== 0) failures.push(`${suite} at ${moment} ${zone}`);
  }
}
console.log(failures.length === 0 ? '\nEvery moment passed.' : `\nFailed:\n  ${failures.join('\n  ')}`);
process.exit(failures.length === 0 ? 0 : 1);
