import type { Locator, Page } from 'playwright-core';
import type { Duet } from '../harness';

/** The options page (settings), opened in a tab at its own URL. */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(duet: Duet, viewport?: { width: number; height: number }): Promise<OptionsPage> {
    const page = await duet.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(duet.extensionUrl('options.html'));
    return new OptionsPage(page);
  }

  /** Waits until the sections with data are shown (the first live-query answer). */
  async ready(): Promise<void> {
    await this.page.locator('[data-testid=identity-form]').waitFor({ timeout: 10_000 });
  }

  testId(id: string): Locator {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  get privacyStatement(): Locator {
    return this.testId('privacy-statement');
  }
  get relationshipCount(): Locator {
    return this.testId('relationship-count');
  }
  get sessionCount(): Locator {
    return this.testId('session-count');
  }
  get agreementCount(): Locator {
    return this.testId('agreement-count');
  }

  /** Adds a title keyword to the "include" or "exclude" list and waits for its chip. */
  async addKeyword(list: 'include' | 'exclude', keyword: string): Promise<void> {
    const box = this.testId(`${list}-keywords`);
    const before = await box.locator('[data-testid$=-chip]').count();
    await this.testId(`${list}-keywords-input`).fill(keyword);
    await this.testId(`${list}-keywords-input`).press('Enter');
    await box.locator('[data-testid$=-chip]').nth(before).waitFor({ timeout: 5_000 });
  }

  get ignoredRows(): Locator {
    return this.testId('ignored-row');
  }

  /** Delete everything, confirmed by typing DELETE. */
  async deleteEverything(): Promise<void> {
    await this.testId('delete-start').click();
    await this.testId('delete-confirm-input').fill('DELETE');
    await this.testId('delete-apply').click();
    await this.testId('delete-status')
      .filter({ hasText: 'Everything was deleted.' })
      .waitFor({ timeout: 10_000 });
  }
}
