import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { MEET_CALL_URL } from '../../../scripts/chromium.mjs';
import type { Duet } from '../harness';

export type MeetFixtureState = 'prejoin' | 'in-call' | 'ended';

/** Google Meet (served from fixtures): `state` picks the lobby, the call or the end screen. */
export class MeetPage {
  private constructor(
    readonly page: Page,
    private readonly duet: Duet,
  ) {}

  static async open(duet: Duet, state: MeetFixtureState = 'in-call'): Promise<MeetPage> {
    const page = await duet.newPage();
    const url = new URL(MEET_CALL_URL);
    if (state !== 'in-call') url.searchParams.set('state', state);
    await page.goto(url.toString());
    return new MeetPage(page, duet);
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
}
