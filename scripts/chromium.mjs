// @ts-check
/**
 * Finding Chromium, launching it with the built extension, and serving Google pages from local files.
 * Shared by the E2E harness (tests/e2e), `npm start` and `npm run bench`, so all three see the same setup.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const INSTALL_HINT =
  'Duet needs Chromium for its browser tests and demo.\n' +
  '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
  '  macOS:         brew install --cask chromium\n' +
  'or point CHROME_PATH at an installed Chromium or Chrome.';

/**
 * A browser's executable: the environment variable when set (null if it points nowhere), else the first of
 * the usual paths that exists, else null.
 * @param {string} envName
 * @param {readonly string[]} candidates
 */
export function findBrowser(envName, candidates) {
  const fromEnv = process.env[envName];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return candidates.find((path) => existsSync(path)) ?? null;
}

/**
 * Installs a Debian package when we run as root on Debian (a fresh CI machine); false when we cannot.
 * @param {string} name
 */
export function installDebianPackage(name) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) return false;
  console.log(`Installing Debian package "${name}" (apt-get)…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', name], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return true;
}

/** CHROME_PATH, then the usual system paths; `null` when none is there. */
export function findChromium() {
  return findBrowser('CHROME_PATH', CANDIDATES);
}

/** Finds Chromium, installing Debian's package when we run as root on Debian; otherwise explains and exits. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist.\n${INSTALL_HINT}`);
    process.exit(1);
  }
  if (installDebianPackage('chromium')) {
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(`No Chromium found.\n${INSTALL_HINT}`);
  process.exit(1);
}

/**
 * Playwright's default `--disable-features` list turns off ThirdPartyStoragePartitioning, which makes
 * IndexedDB refuse access inside an extension iframe on a web page. We pass our own list (the last one
 * wins) without it, matching real Chrome.
 */
export const DISABLED_FEATURES = [
  'Translate',
  'OptimizationHints',
  'MediaRouter',
  'DialMediaRouteProvider',
  'CalculateNativeWinOcclusion',
  'InterestFeedContentSuggestions',
  'CertificateTransparencyComponentUpdater',
  'AutofillServerCommunication',
  'PrivacySandboxSettings4',
  'HttpsUpgrades',
  'PaintHolding',
  'AcceptCHFrame',
];

/**
 * @param {{ extensionDir: string, headless?: boolean, userDataDir?: string, chromePath?: string,
 *           viewport?: { width: number, height: number } | null, colorScheme?: 'light' | 'dark' }} options
 */
export async function launchWithExtension(options) {
  const extensionDir = resolve(options.extensionDir);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}; run the build first.`);
  }
  const ownsDir = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'duet-chromium-'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.chromePath ?? ensureChromium(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1440, height: 900 } : options.viewport,
    colorScheme: options.colorScheme ?? 'light',
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
      ...(isRoot ? ['--no-sandbox'] : []),
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (/** @type {string} */ path) =>
      `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      if (ownsDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Which saved Calendar page answers a URL: the view from the path (`/r/month`, `/r/day`, `/r/customday`,
 * `/r/agenda`, else week), the locale from `hl=` (en-GB, de, fr) and `popover=1` for the page with an open
 * event-details popover (`popover=de` for the German one).
 * @param {URL} url
 */
export function calendarFixtureFor(url) {
  const popover = url.searchParams.get('popover');
  if (popover) return popover === 'de' ? 'gcal-event-popover-de.html' : 'gcal-event-popover.html';
  const path = url.pathname;
  if (path.includes('/r/month')) return 'gcal-month.html';
  if (path.includes('/r/day')) return 'gcal-day.html';
  if (path.includes('/r/customday')) return 'gcal-4day.html';
  if (path.includes('/r/agenda')) return 'gcal-schedule.html';
  const locale = url.searchParams.get('hl');
  if (locale === 'en-GB' || locale === 'de' || locale === 'fr') return `gcal-week-${locale}.html`;
  return 'gcal-week.html';
}

/**
 * The Meet fixture for a URL: `?state=prejoin|ended|presenting|people` picks the lobby, the end screen, the
 * call while I present, or the call with the People panel open; `?hl=de` the German call page; otherwise
 * the in-call page.
 * @param {URL} url
 */
export function meetFixtureFor(url) {
  const state = url.searchParams.get('state');
  if (state === 'prejoin') return 'meet-prejoin.html';
  if (state === 'ended') return 'meet-ended.html';
  if (state === 'presenting') return 'meet-call-presenting.html';
  if (state === 'people') return 'meet-call-people.html';
  if (url.searchParams.get('hl') === 'de') return 'meet-call-de.html';
  return 'meet-call.html';
}

/**
 * Serves calendar.google.com and meet.google.com from local HTML files; nothing reaches the network.
 * Meet: see meetFixtureFor. Every other request
 * fails, so a leak would show.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} fixturesDir
 */
export async function routeGooglePages(context, fixturesDir) {
  const read = (/** @type {string} */ name) => readFileSync(join(fixturesDir, name), 'utf8');
  await context.route('https://calendar.google.com/**', (route) => {
    if (route.request().resourceType() !== 'document') return route.abort();
    const page = calendarFixtureFor(new URL(route.request().url()));
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: read(page) });
  });
  await context.route('https://meet.google.com/**', (route) => {
    const url = new URL(route.request().url());
    if (route.request().resourceType() !== 'document') return route.abort();
    const page = meetFixtureFor(url);
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: read(page) });
  });
}

export const CALENDAR_WEEK_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/3/22';
export const CALENDAR_MONTH_URL = 'https://calendar.google.com/calendar/u/0/r/month/2026/3/1';
export const MEET_CALL_URL = 'https://meet.google.com/abc-defg-hij?authuser=0';
