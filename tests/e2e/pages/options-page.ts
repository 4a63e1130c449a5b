import type { Locator, Page } from 'playwright-core';
import type { Duet } from '../harness';

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(duet: Duet): Promise<OptionsPage> {
    const page = await duet.newPage();
    await page.goto(duet.extensionUrl('options.html'));
    return new OptionsPage(page);
  }

  get privacyStatement(): Locator {
    return this.page.locator('[data-testid=privacy-statement]');
  }
  get relationshipCount(): Locator {
    return this.page.locator('[data-testid=relationship-count]');
  }
  get sessionCount(): Locator {
    return this.page.locator('[data-testid=session-count]');
  }
}
