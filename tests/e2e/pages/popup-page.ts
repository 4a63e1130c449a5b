import type { Locator, Page } from 'playwright-core';
import type { Duet } from '../harness';

/** The toolbar popup, opened as a page at its own URL (what the toolbar button shows). */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(duet: Duet): Promise<PopupPage> {
    const page = await duet.newPage();
    await page.setViewportSize({ width: 360, height: 560 });
    await page.goto(duet.extensionUrl('popup.html'));
    return new PopupPage(page);
  }

  get notes(): Locator {
    return this.page.locator('[data-testid=note-item]');
  }
  get emptyState(): Locator {
    return this.page.locator('[data-testid=popup-empty]');
  }
}
