import type { Frame, Locator } from 'playwright-core';
import { expect } from 'vitest';

/** The Duet panel page, inside the in-page iframe or opened on its own. */
export class PanelFrame {
  constructor(readonly frame: Frame) {}

  get title(): Locator {
    return this.frame.locator('[data-testid=event-title]');
  }
  get noteInput(): Locator {
    return this.frame.locator('[data-testid=note-input]');
  }
  get saveStatus(): Locator {
    return this.frame.locator('[data-testid=save-status]');
  }
  get emptyState(): Locator {
    return this.frame.locator('[data-testid=panel-empty]');
  }

  async waitForTitle(title: string): Promise<void> {
    await this.title.filter({ hasText: title }).waitFor({ timeout: 10_000 });
  }

  async noteText(): Promise<string> {
    await expect.poll(() => this.noteInput.isEnabled(), { timeout: 10_000 }).toBe(true);
    return this.noteInput.inputValue();
  }

  /** Types like a person (key by key) and waits until the panel says it is saved. */
  async typeNote(text: string): Promise<void> {
    await this.noteInput.click();
    await this.noteInput.pressSequentially(text, { delay: 5 });
    await expect.poll(() => this.saveStatus.getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
  }
}
