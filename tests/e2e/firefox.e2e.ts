/**
 * Duet in real Firefox (Debian's firefox-esr, driven over WebDriver BiDi by scripts/firefox.mjs) with the
 * Firefox build (.output/firefox-mv3) installed: the content script badges the week's 1:1s, a badge opens
 * the in-page panel, a note written there is kept in the add-on's IndexedDB across a reload and never
 * reaches the page, and the details popover makes detection definitive and offers "Open in Duet".
 * The rest of the behaviour is covered in Chromium; this is what differs per browser: the event-page
 * background, messaging through the polyfill, moz-extension frames and Firefox's storage for add-ons.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_WEEK_URL } from '../../scripts/chromium.mjs';
import { type BidiSession, launchFirefoxWithExtension } from '../../scripts/firefox.mjs';
import { ARTIFACTS_DIR, FIXTURES_DIR } from './harness';
import { byTitle, WEEK_ONE_ON_ONES, WEEK_OTHERS } from './pages/week-fixture';

const EXTENSION_DIR = process.env.DUET_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3';

type Firefox = Awaited<ReturnType<typeof launchFirefoxWithExtension>>;

/** A browsing context (the tab, or a frame in it) as seen over BiDi. */
class Context {
  constructor(
    readonly bidi: BidiSession,
    readonly id: string,
  ) {}

  /** Runs a function body in the page's own realm and returns its JSON-able result. */
  async run<T>(body: string): Promise<T> {
    const { result, exceptionDetails } = await this.bidi.send('script.evaluate', {
      target: { context: this.id },
      expression: `JSON.stringify((() => { ${body} })() ?? null)`,
      awaitPromise: false,
    });
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.text}`);
    return JSON.parse(result.value) as T;
  }

  /** A user's click (trusted input) in the middle of the element a page expression finds. */
  async click(elementExpression: string): Promise<void> {
    const { result } = await this.bidi.send('script.evaluate', {
      target: { context: this.id },
      expression: elementExpression,
      awaitPromise: false,
    });
    if (result.type !== 'node') throw new Error(`no element for ${elementExpression}`);
    await this.bidi.send('input.performActions', {
      context: this.id,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            {
              type: 'pointerMove',
              x: 0,
              y: 0,
              origin: { type: 'element', element: { sharedId: result.sharedId } },
            },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  async navigate(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.id, url, wait: 'complete' });
  }

  async screenshot(name: string): Promise<void> {
    const { data } = await this.bidi.send('browsingContext.captureScreenshot', { context: this.id });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, `${name}.png`), Buffer.from(data, 'base64'));
  }
}

/** Polls until `read` gives a value `done` accepts; fails with the last value after `timeoutMs`. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

/** A chip's visible title in the fixtures (week, day and month classes). */
const CHIP_TITLE = `'.I0UMhf, .WBi6vc, .URIUGf'`;

/** The chip of a title on the Calendar fixture, as a page expression. */
const chipOf = (title: string) =>
  `[...document.querySelectorAll('[data-eventchip]')].find((chip) => ` +
  `chip.querySelector(${CHIP_TITLE})?.textContent.trim() === ${JSON.stringify(title)})`;

describe('Firefox: the add-on on Calendar', () => {
  let firefox: Firefox;
  let tab: Context;

  /** The badges on the page: each one's chip title, kind and confidence. */
  const badges = () =>
    tab.run<Array<{ title: string; kind: string; confidence: string; matchesChip: boolean }>>(`
      return [...document.querySelectorAll('[data-duet-badge]')].map((badge) => {
        const chip = badge.closest('[data-eventchip]');
        return {
          title: chip?.querySelector(${CHIP_TITLE})?.textContent.trim() ?? '',
          kind: badge.getAttribute('data-duet-kind'),
          confidence: badge.getAttribute('data-duet-confidence'),
          matchesChip: badge.getAttribute('data-duet-event-id') === chip?.getAttribute('data-eventid'),
        };
      });`);

  /** The panel's frame once it shows `title` (its moz-extension:// document inside the page). */
  const panelShowing = async (title: string): Promise<Context> =>
    until(
      async () => {
        const { contexts } = await firefox.bidi.send('browsingContext.getTree', { root: tab.id });
        const frame = (contexts[0].children as Array<{ context: string; url: string }>).find((child) =>
          child.url.startsWith(firefox.extensionUrl('panel.html')),
        );
        if (!frame) return null;
        const panel = new Context(firefox.bidi, frame.context);
        const shown = await panel.run<string | null>(
          `return document.querySelector('[data-testid=event-title]')?.textContent ?? null;`,
        );
        return shown === title ? panel : null;
      },
      (panel) => panel !== null,
    ) as Promise<Context>;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension({ extensionDir: EXTENSION_DIR, fixturesDir: FIXTURES_DIR });
    tab = new Context(firefox.bidi, firefox.tab);
    await firefox.bidi.send('browsingContext.setViewport', {
      context: tab.id,
      viewport: { width: 1440, height: 900 },
    });
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('badges exactly the chips whose titles look like a 1:1, once each, on the chip they name', async () => {
    await tab.navigate(CALENDAR_WEEK_URL);
    const badged = await until(badges, (found) => found.length >= WEEK_ONE_ON_ONES.length);
    await tab.screenshot('firefox-calendar-week');
    expect(badged.map(({ title, kind }) => ({ title, kind })).sort(byTitle)).toEqual(
      [...WEEK_ONE_ON_ONES].sort(byTitle),
    );
    expect(badged.every((badge) => badge.confidence === 'likely' && badge.matchesChip)).toBe(true);
    expect(badged.map((badge) => badge.title)).not.toContain(WEEK_OTHERS[0]);
    const perChip = await tab.run<number[]>(
      `return [...document.querySelectorAll('[data-eventchip]')].map((chip) => chip.querySelectorAll('[data-duet-badge]').length);`,
    );
    expect(Math.max(...perChip)).toBe(1);
  });

  it('a badge opens the panel; a note written there is kept across a reload and never reaches the page', async () => {
    const canary = `canary-${Date.now()}: Bob asked for feedback on the launch`;
    await tab.click(`${chipOf('Alice / Bob')}.querySelector('[data-duet-badge]')`);
    const panel = await panelShowing('Alice / Bob');
    // The host is all the page sees: the frame sits in a closed shadow root.
    expect(
      await tab.run(
        `const host = document.querySelector('[data-duet-panel]'); return { hosts: document.querySelectorAll('[data-duet-panel]').length, open: host?.shadowRoot !== null };`,
      ),
    ).toEqual({ hosts: 1, open: false });

    // As a person can: once the note is loaded and the field takes input (it is disabled while loading).
    await until(
      () =>
        panel.run<boolean>(
          `const input = document.querySelector('[data-testid=note-input]'); return !!input && !input.disabled;`,
        ),
      (ready) => ready,
    );
    await panel.run(`
      const input = document.querySelector('[data-testid=note-input]');
      input.focus();
      input.value = ${JSON.stringify(canary)};
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));`);
    await until(
      () =>
        panel.run<string | null>(
          `return document.querySelector('[data-testid=save-status]')?.dataset.status ?? null;`,
        ),
      (status) => status === 'saved',
    );
    await tab.screenshot('firefox-calendar-panel');

    await tab.navigate(CALENDAR_WEEK_URL);
    await until(badges, (found) => found.length >= WEEK_ONE_ON_ONES.length);
    await tab.click(`${chipOf('Alice / Bob')}.querySelector('[data-duet-badge]')`);
    const reopened = await panelShowing('Alice / Bob');
    expect(
      await until(
        () => reopened.run<string>(`return document.querySelector('[data-testid=note-input]')?.value ?? '';`),
        (value) => value === canary,
      ),
    ).toBe(canary);
    // Neither the page's DOM nor its title ever holds the note.
    expect(await tab.run<boolean>(`return document.documentElement.outerHTML.includes('canary-');`)).toBe(
      false,
    );
  });

  it('the details popover makes detection definitive and its "Open in Duet" opens that event', async () => {
    await tab.navigate(`${CALENDAR_WEEK_URL}?popover=1`);
    await until(
      () =>
        tab.run<boolean>(
          `const b = document.querySelector('[data-duet-open-popover]'); return !!b && b.getBoundingClientRect().width > 0;`,
        ),
      (visible) => visible,
    );
    // The popover's guests (Alice and Bob only) confirm what the title only suggested.
    await until(
      () =>
        tab.run<string | null>(
          `return ${chipOf('Alice / Bob')}?.querySelector('[data-duet-badge]')?.getAttribute('data-duet-confidence') ?? null;`,
        ),
      (confidence) => confidence === 'confirmed',
    );
    await tab.screenshot('firefox-calendar-popover');
    await tab.click(`document.querySelector('[data-duet-open-popover]')`);
    const panel = await panelShowing('Alice / Bob');
    expect(
      await panel.run<string>(`return document.querySelector('[data-testid=event-title]').textContent;`),
    ).toBe('Alice / Bob');
  });
});
