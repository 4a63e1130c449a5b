import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { CALENDAR_WEEK_URL } from '../../../scripts/chromium.mjs';
import { type Duet, isPanelFrame } from '../harness';
import { PanelFrame } from './panel-frame';
import { presented } from './presented';

/** Google Calendar (served from fixtures) with Duet's badges and in-page panel. */
export class CalendarPage {
  private constructor(
    readonly page: Page,
    private readonly duet: Duet,
  ) {}

  /** Wraps a page that is already on Calendar. */
  static async attach(duet: Duet, page: Page): Promise<CalendarPage> {
    const calendar = new CalendarPage(page, duet);
    await calendar.badges.first().waitFor({ timeout: 15_000 });
    return calendar;
  }

  static async open(duet: Duet, url: string = CALENDAR_WEEK_URL): Promise<CalendarPage> {
    const page = await duet.newPage();
    await page.goto(url);
    const calendar = new CalendarPage(page, duet);
    await calendar.badges.first().waitFor({ timeout: 15_000 });
    return calendar;
  }

  get badges(): Locator {
    return this.page.locator('[data-duet-badge]');
  }

  chip(title: string): Locator {
    return this.page.locator('[data-eventchip]').filter({
      has: this.page.locator('.I0UMhf, .WBi6vc, .URIUGf', {
        hasText: new RegExp(`^${escapeRegExp(title)}$`),
      }),
    });
  }

  badgeOn(title: string): Locator {
    return this.chip(title).locator('[data-duet-badge]');
  }

  /** Title of the chip carrying each badge, with the badge's kind. */
  async badgedEvents(): Promise<Array<{ title: string; kind: string; confidence: string; eventId: string }>> {
    return this.badges.evaluateAll((badges) =>
      badges.map((badge) => {
        const chip = badge.closest('[data-eventchip]');
        return {
          // Visible title: week/day/month classes, the schedule view's, else the first aria-hidden text.
          title:
            (
              chip?.querySelector('.I0UMhf, .WBi6vc, .URIUGf') ??
              chip?.querySelector('[aria-hidden="true"] span')
            )?.textContent?.trim() ?? '',
          kind: badge.getAttribute('data-duet-kind') ?? '',
          confidence: badge.getAttribute('data-duet-confidence') ?? '',
          eventId: badge.getAttribute('data-duet-event-id') ?? '',
        };
      }),
    );
  }

  /** "Open in Duet" beside the details popover. */
  get openInDuet(): Locator {
    return this.page.locator('[data-duet-open-popover]');
  }

  /**
   * The fixture's details popover (the page opened with `?popover=1`) shows this chip's event, as Calendar
   * does when the chip is clicked; resolves with its id once "Open in Duet" beside it names that event.
   */
  async showDetailsOf(title: string, options: { timeout?: number } = {}): Promise<string | null> {
    const eventId = await this.page.evaluate((wanted) => {
      const chip = [...document.querySelectorAll('[data-eventchip]')].find((c) =>
        c.textContent?.includes(wanted),
      )!;
      document.querySelector('#xDetDlg')!.setAttribute('data-eventid', chip.getAttribute('data-eventid')!);
      document.querySelector('#rAECCd')!.textContent = wanted;
      return chip.getAttribute('data-eventid');
    }, title);
    await expect.poll(() => this.openInDuet.getAttribute('data-duet-event-id'), options).toBe(eventId);
    return eventId;
  }

  get panelHost(): Locator {
    return this.page.locator('[data-duet-panel]');
  }

  async openPanelFor(title: string): Promise<PanelFrame> {
    await presented(this.page);
    await this.badgeOn(title).click();
    const panel = await this.panel();
    await panel.waitForTitle(title);
    return panel;
  }

  /** The panel iframe (reached through the browser, since the page cannot: the shadow root is closed). */
  async panel(): Promise<PanelFrame> {
    const panelUrl = this.duet.extensionUrl('panel.html');
    await expect
      .poll(() => this.page.frames().some((frame) => isPanelFrame(frame.url(), panelUrl)), {
        timeout: 10_000,
      })
      .toBe(true);
    const frame = this.page.frames().find((candidate) => isPanelFrame(candidate.url(), panelUrl));
    if (!frame) throw new Error('panel frame not found');
    return new PanelFrame(frame);
  }

  /** The panel iframe's box on screen, or `null` while it is hidden (collapsed or closed). */
  async panelBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const owner = await (await this.panel()).frame.frameElement();
    return owner.boundingBox();
  }

  /**
   * Clicks a button of the panel's rail like a person would, by position: the shadow root is closed, so
   * neither the page nor a test locator can reach inside it. Rail: 28 px wide at the panel's left edge,
   * buttons 22 px tall from 8 px down, 6 px apart (lib/content/panel-host.ts).
   */
  async clickRail(button: 'toggle' | 'close', state: 'open' | 'collapsed'): Promise<void> {
    const viewport = this.page.viewportSize()!;
    const header = (await this.page.locator('header#gb').boundingBox())!;
    // Open: the rail is left of the panel's frame (narrower than 352 px in a narrow window).
    const railLeft = state === 'open' ? (await this.panelBox())!.x - 28 : viewport.width - 28;
    const index = button === 'toggle' ? 0 : 1;
    await presented(this.page);
    await this.page.mouse.click(railLeft + 14, Math.round(header.y + header.height) + 8 + index * 28 + 11);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.badges.first().waitFor({ timeout: 15_000 });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
