// @ts-check
/**
 * Firefox for the browser tests: finding it, launching it headless with the built Firefox extension
 * installed, and serving Google pages from local files — over WebDriver BiDi, Firefox's own remote
 * protocol (no patched browser, no driver binary: Debian's `firefox-esr` and a WebSocket).
 * tests/e2e/firefox.e2e.ts drives it; scripts/chromium.mjs is the Chromium counterpart.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { calendarFixtureFor, findBrowser, installDebianPackage, meetFixtureFor } from './chromium.mjs';

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export const FIREFOX_INSTALL_HINT =
  'Duet runs part of its browser tests in Firefox (115 or later with WebDriver BiDi; 142+ for the add-on).\n' +
  '  Debian/Ubuntu: sudo apt-get install -y firefox-esr\n' +
  '  macOS:         brew install --cask firefox\n' +
  'or point FIREFOX_PATH at an installed Firefox.';

/** The add-on's id (wxt.config.ts, `browser_specific_settings.gecko.id`). */
const GECKO_ID = '{6f0c1f4e-3f55-4b8e-9b8a-2d1c7e9a5b31}';
/** Its moz-extension:// host, fixed through a pref (Firefox otherwise picks a random one per profile). */
export const FIREFOX_EXTENSION_UUID = 'd0e7d0e7-1f1e-4a11-8b0b-5d1a7e57f1e1';

/** FIREFOX_PATH, then the usual system paths; `null` when none is there. */
export function findFirefox() {
  return findBrowser('FIREFOX_PATH', CANDIDATES);
}

/** Finds Firefox, installing Debian's `firefox-esr` when we run as root on Debian; otherwise throws. */
export function ensureFirefox() {
  const found = findFirefox();
  if (found) return found;
  if (!process.env.FIREFOX_PATH && installDebianPackage('firefox-esr')) {
    const installed = findFirefox();
    if (installed) return installed;
  }
  throw new Error(`No Firefox found.\n${FIREFOX_INSTALL_HINT}`);
}

/** Quiet, offline, no first-run pages; the add-on's moz-extension host fixed. */
const PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.region.network.url': '',
  'ui.systemUsesDarkTheme': 0,
};

/**
 * A WebDriver BiDi session: `send` a command, answered by its result (or rejected with the error's
 * message); `on` an event.
 */
export class BidiSession {
  /** @param {WebSocket} socket */
  constructor(socket) {
    this.socket = socket;
    this.nextId = 0;
    /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
    this.pending = new Map();
    /** @type {Map<string, Set<(params: any) => void>>} */
    this.listeners = new Map();
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      const waiting = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
      if (waiting) {
        this.pending.delete(message.id);
        if (message.type === 'error') waiting.reject(new Error(`${message.error}: ${message.message}`));
        else waiting.resolve(message.result);
      } else if (message.type === 'event') {
        for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
      }
    });
    socket.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('Firefox closed the session'));
      this.pending.clear();
    });
  }

  /** @param {string} method @param {Record<string, unknown>} [params] @returns {Promise<any>} */
  send(method, params = {}) {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** @param {string} method @param {(params: any) => void} listener */
  on(method, listener) {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    set.add(listener);
  }
}

/**
 * Serves calendar.google.com and meet.google.com from the fixtures (the same pages as in Chromium,
 * picked by calendarFixtureFor / meetFixtureFor); any other request to them fails.
 * @param {BidiSession} bidi
 * @param {string} fixturesDir
 */
async function routeGooglePages(bidi, fixturesDir) {
  bidi.on('network.beforeRequestSent', (params) => {
    if (!params.isBlocked) return;
    const request = params.request.request;
    const url = new URL(params.request.url);
    const page =
      params.navigation === null
        ? null
        : url.hostname === 'calendar.google.com'
          ? calendarFixtureFor(url)
          : meetFixtureFor(url);
    const answer = page
      ? bidi.send('network.provideResponse', {
          request,
          statusCode: 200,
          reasonPhrase: 'OK',
          headers: [{ name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } }],
          body: { type: 'string', value: readFileSync(join(fixturesDir, page), 'utf8') },
        })
      : bidi.send('network.failRequest', { request });
    answer.catch(() => undefined); // the page may be gone already
  });
  await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
  await bidi.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: ['calendar.google.com', 'meet.google.com'].map((hostname) => ({
      type: 'pattern',
      protocol: 'https',
      hostname,
    })),
  });
}

/**
 * Headless Firefox with the built add-on installed (temporarily, as `about:debugging` would) and Google
 * pages served from `fixturesDir`.
 * @param {{ extensionDir: string, fixturesDir: string, firefoxPath?: string }} options
 */
export async function launchFirefoxWithExtension(options) {
  const extensionDir = resolve(options.extensionDir);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${extensionDir}; run \`wxt build -b firefox\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'duet-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(PREFS)
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
      .join('\n'),
  );
  const firefox = spawn(
    options.firefoxPath ?? ensureFirefox(),
    ['--headless', '--no-remote', '--remote-debugging-port', '0', '--profile', profile],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise((done) => firefox.once('exit', done));
  const close = async () => {
    firefox.kill();
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const endpoint = await new Promise((found, failed) => {
      let output = '';
      const read = (/** @type {Buffer} */ chunk) => {
        output += chunk;
        const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          found(match[1]);
        }
      };
      firefox.stderr.on('data', read);
      firefox.stdout.on('data', read);
      firefox.once('exit', (code) =>
        failed(new Error(`Firefox exited (${code}) before listening:\n${output}`)),
      );
      const timer = setTimeout(
        () => failed(new Error(`Firefox did not start WebDriver BiDi:\n${output}`)),
        30_000,
      );
    });
    const socket = new WebSocket(`${endpoint}/session`);
    await new Promise((opened, failed) => {
      socket.once('open', opened);
      socket.once('error', failed);
    });
    const bidi = new BidiSession(socket);
    await bidi.send('session.new', { capabilities: {} });
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
    await routeGooglePages(bidi, resolve(options.fixturesDir));
    const { contexts } = await bidi.send('browsingContext.getTree', {});
    return {
      bidi,
      /** The first tab's browsing context. */
      tab: /** @type {string} */ (contexts[0].context),
      /** @param {string} path */
      extensionUrl: (path) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`,
      async close() {
        await bidi.send('session.end').catch(() => undefined);
        socket.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
