import type { Locator, Page } from 'playwright-core';
import type { AgreementFilter } from '@/lib/domain/agreements';
import type { Duet } from '../harness';

/** The toolbar popup, opened as a page at its own URL (what the toolbar button shows), 360 px wide. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(duet: Duet): Promise<PopupPage> {
    const page = await duet.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    await page.goto(duet.extensionUrl('popup.html'));
    return new PopupPage(page);
  }

  /**
   * Waits until the popup shows its complete lists and keeps them live (its first screenful comes first:
   * `html[data-ready]`; then the complete view with the data layer loaded: `html[data-complete]`).
   */
  async ready(): Promise<void> {
    await this.page.locator('html[data-ready=true]').waitFor();
    await this.page.locator('html[data-complete=true]').waitFor();
  }

  get search(): Locator {
    return this.page.locator('[data-testid=popup-search]');
  }
  get groups(): Locator {
    return this.page.locator('[data-testid=popup-group]');
  }
  get upcoming(): Locator {
    return this.page.locator('[data-testid=popup-upcoming]');
  }
  get emptyAgreements(): Locator {
    return this.page.locator('[data-testid=popup-agreements-empty]');
  }
  filter(filter: AgreementFilter): Locator {
    return this.page.locator(`[data-testid=popup-filter-${filter}]`);
  }
  count(filter: AgreementFilter): Locator {
    return this.page.locator(`[data-testid=popup-count-${filter}]`);
  }
  agreementTexts(): Promise<string[]> {
    return this.page.locator('[data-testid=popup-agreement-text]').allTextContents();
  }
}
