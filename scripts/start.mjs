// `npm start`: builds the offline demo and opens Chromium with Duet on bundled Calendar and Meet pages,
// seeded with demo data. No Google account, no network.
//   npm start                 a browser window (needs a display)
//   npm start -- --headless   no window: writes screenshots of every surface to artifacts/demo/
//   DUET_HEADLESS=1 npm start same as --headless
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CALENDAR_WEEK_URL,
  MEET_CALL_URL,
  ensureChromium,
  launchWithExtension,
  routeGooglePages,
} from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DEMO_DIR = join(ROOT, '.output/demo/chrome-mv3');
const SHOTS_DIR = join(ROOT, 'artifacts/demo');
const FIXTURES_DIR = join(ROOT, 'tests/fixtures/google');

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = process.argv.includes('--headless') || process.env.DUET_HEADLESS === '1' || noDisplay;
if (noDisplay && !process.argv.includes('--headless')) {
  console.log('No display found: running headless and writing screenshots instead of opening a window.');
}

console.log('Building the demo extension…');
const build = spawnSync('npx', ['wxt', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, DUET_DEMO: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const chromePath = ensureChromium();
const duet = await launchWithExtension({
  extensionDir: DEMO_DIR,
  chromePath,
  headless,
  viewport: headless ? { width: 1440, height: 900 } : null,
});
await routeGooglePages(duet.context, FIXTURES_DIR);

// The demo build seeds its data when installed; wait until the popup can list it.
const popup = await duet.context.newPage();
if (headless) await popup.setViewportSize({ width: 360, height: 600 });
await popup.goto(duet.extensionUrl('popup.html'));
await popup.locator('[data-testid=popup-agreement]').first().waitFor({ timeout: 15_000 });
await popup.locator('html[data-complete=true]').waitFor({ timeout: 15_000 });

const meet = await duet.context.newPage();
await meet.goto(MEET_CALL_URL);

const calendar = await duet.context.newPage();
await calendar.goto(CALENDAR_WEEK_URL);
await calendar.locator('[data-duet-badge]').first().waitFor({ timeout: 15_000 });
const bobChip = calendar.locator('[data-eventchip]').filter({ hasText: 'Alice / Bob' }).first();
await bobChip.locator('[data-duet-badge]').click();
const panelUrl = duet.extensionUrl('panel.html');
await calendar.waitForFunction(() => true);
// The panel frame's URL carries its per-frame token after '#'.
const isPanel = (/** @type {import('playwright-core').Frame} */ f) => f.url().split('#')[0] === panelUrl;
for (let i = 0; i < 50 && !calendar.frames().some(isPanel); i++) await calendar.waitForTimeout(100);
const panel = calendar.frames().find(isPanel);
await panel?.locator('[data-testid=note-input]:not([disabled])').waitFor({ timeout: 10_000 });
// The call's panel, once its session has started (the timer runs).
const meetPanel = meet.frames().find(isPanel);
await meetPanel?.locator('[data-testid=session-timer]').waitFor({ timeout: 10_000 });

if (headless) {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const options = await duet.context.newPage();
  await options.goto(duet.extensionUrl('options.html'));
  await options.locator('[data-testid=privacy-statement]').waitFor();
  const shots = [
    [calendar, 'calendar-with-panel'],
    [popup, 'popup'],
    [meet, 'meet-call'],
    [options, 'options'],
  ];
  for (const [page, name] of /** @type {Array<[import('playwright-core').Page, string]>} */ (shots)) {
    // A tab in the background is not painted (its panel frame would show an old picture): bring it up.
    await page.bringToFront();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
  }
  await duet.close();
  console.log(`\nDemo screenshots written to ${SHOTS_DIR}/:`);
  for (const [, name] of shots) console.log(`  ${name}.png`);
} else {
  await calendar.bringToFront();
  console.log('\nDuet demo is running: Calendar (with the panel open), Meet and the popup are in the tabs.');
  console.log('Click a purple badge on a 1:1 in Calendar to open its notes. Close the browser to stop.');
  await new Promise((done) => duet.context.on('close', done));
  await duet.close();
}
