import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { MEET_CALL_URL } from '../../../scripts/chromium.mjs';
import { type Duet, FIXTURES_DIR, isPanelFrame } from '../harness';
import { presented } from './presented';

export type MeetFixtureState = 'prejoin' | 'in-call' | 'ended' | 'presenting' | 'people';

/** Google Meet (served from fixtures): `state` picks the lobby, the call, the end screen… */
export class MeetPage {
  private constructor(
    readonly page: Page,
    private readonly duet: Duet,
  ) {}

  static async open(duet: Duet, state: MeetFixtureState = 'in-call', page?: Page): Promise<MeetPage> {
    const target = page ?? (await duet.newPage());
    const url = new URL(MEET_CALL_URL);
    if (state !== 'in-call') url.searchParams.set('state', state);
    await target.goto(url.toString());
    return new MeetPage(target, duet);
  }

  /** The call facts the background holds for this tab (what a live panel would be told). */
  async reportedCall(): Promise<{ meetingCode: string; state: string; title: string }> {
    let found: { meetingCode: string; state: string; title: string } | undefined;
    await expect
      .poll(
        async () => {
          const session = await this.duet.sessionStorage();
          found = Object.values(session).find(
            (value): value is { surface: string; meetingCode: string; state: string; title: string } =>
              typeof value === 'object' &&
              value !== null &&
              (value as { surface?: string }).surface === 'meet',
          );
          return found !== undefined;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    return { meetingCode: found!.meetingCode, state: found!.state, title: found!.title };
  }

  /** The in-page panel's frame, once the content script has put it on the page. */
  async panel(): Promise<MeetPanel> {
    const panelUrl = this.duet.extensionUrl('panel.html');
    await expect
      .poll(() => this.page.frames().some((frame) => isPanelFrame(frame.url(), panelUrl)), {
        timeout: 10_000,
      })
      .toBe(true);
    return new MeetPanel(this.page.frames().find((frame) => isPanelFrame(frame.url(), panelUrl))!);
  }

  /** Whether the panel is on screen (its iframe has a box). */
  async panelVisible(): Promise<boolean> {
    const frame = this.page.frames().find((f) => isPanelFrame(f.url(), this.duet.extensionUrl('panel.html')));
    if (!frame) return false;
    return (await (await frame.frameElement()).boundingBox()) !== null;
  }

  /** Clicks a button on the panel's rail (top of the page: Meet has no header above the panel). */
  async clickRail(button: 'toggle' | 'close', state: 'open' | 'collapsed'): Promise<void> {
    const viewport = this.page.viewportSize()!;
    const railLeft = state === 'open' ? viewport.width - 380 : viewport.width - 28;
    const index = button === 'toggle' ? 0 : 1;
    await presented(this.page);
    await this.page.mouse.click(railLeft + 14, 8 + index * 28 + 11);
  }

  /** The browser's id of this tab (what the side panel is opened for). */
  async tabId(): Promise<number> {
    const worker = this.duet.context.serviceWorkers()[0] ?? this.duet.worker;
    const url = this.page.url();
    return worker.evaluate(async (href) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === href)!.id!;
    }, url);
  }

  /** The call's title as Meet shows it (the meeting's name and the tab's title). */
  async retitle(title: string): Promise<void> {
    await this.page.evaluate((shown) => {
      for (const element of document.querySelectorAll('[data-meeting-title]'))
        element.setAttribute('data-meeting-title', shown);
      document.title = `Meet – ${shown}`;
    }, title);
  }

  /**
   * Someone joins the call: a copy of Bob Jones's tile and People row, under a new device id and `name`
   * (as Meet draws a new participant).
   */
  async join(name: string): Promise<void> {
    await this.page.evaluate((shown) => {
      const bob = 'spaces/vXq8Lm2RtYpA/devices/6f1c2a90-3b7e-4d2a-9c11-8e0b5a7d4c21';
      const outer = [...document.querySelectorAll(`[data-participant-id="${bob}"]`)].filter(
        (element) => !element.parentElement?.closest(`[data-participant-id="${bob}"]`),
      );
      const id = `spaces/vXq8Lm2RtYpA/devices/${crypto.randomUUID()}`;
      for (const element of outer) {
        const copy = element.cloneNode(true) as Element;
        for (const node of [copy, ...copy.querySelectorAll('*')]) {
          if (node.getAttribute('data-participant-id') === bob) node.setAttribute('data-participant-id', id);
          for (const attribute of ['aria-label', 'data-self-name'])
            if (node.hasAttribute(attribute))
              node.setAttribute(attribute, node.getAttribute(attribute)!.replace('Bob Jones', shown));
        }
        const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode())
          text.nodeValue = text.nodeValue!.replace('Bob Jones', shown);
        element.after(copy);
      }
    }, name);
  }

  /**
   * Meet moves between lobby, call and end screen without changing the URL: swap the page's content for
   * another fixture's, as Meet's own re-render would.
   */
  async becomes(
    fixture: 'meet-ended.html' | 'meet-call.html' | 'meet-call-presenting.html',
    { withoutBob = false }: { withoutBob?: boolean } = {},
  ): Promise<void> {
    const html = readFileSync(join(FIXTURES_DIR, fixture), 'utf8');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
    await this.page.evaluate(
      ({ markup, alone }) => {
        const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
        // Bob has not joined: his tile and People row are not there.
        if (alone)
          for (const element of parsed.querySelectorAll(
            '[data-participant-id="spaces/vXq8Lm2RtYpA/devices/6f1c2a90-3b7e-4d2a-9c11-8e0b5a7d4c21"]',
          ))
            element.remove();
        document.body.replaceChildren(...Array.from(parsed.body.childNodes));
      },
      { markup: body, alone: withoutBob },
    );
  }
}

/** The live panel inside the Meet page. */
export class MeetPanel {
  constructor(readonly frame: Frame) {}
  get with(): Locator {
    return this.frame.locator('[data-testid=session-with]');
  }
  /** Who the session is with, or '' while none is shown (never waits: for polling). */
  async withText(): Promise<string> {
    return (await this.with.count()) > 0
      ? ((await this.with.first().textContent({ timeout: 1000 })) ?? '')
      : '';
  }
  get sectionNotes(): Locator {
    return this.frame.locator('[data-testid=section-notes]');
  }
  get captureInput(): Locator {
    return this.frame.locator('[data-testid=capture-input]');
  }
  get summary(): Locator {
    return this.frame.locator('[data-testid=session-summary]');
  }
  get presentingStrip(): Locator {
    return this.frame.locator('[data-testid=presenting-strip]');
  }
  get saveStatus(): Locator {
    return this.frame.locator('[data-testid=session-save-status]');
  }
}
