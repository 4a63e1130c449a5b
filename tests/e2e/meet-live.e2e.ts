/**
 * Google Meet, live: nothing intrusive before the call; in the call the live panel opens for the linked
 * 1:1 with its template timer; notes survive the tab closing; agreement capture reads owner and date; the
 * call's end yields the summary and a held session; presenting hides the notes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProfile } from '@/lib/demo/generate';
import { addDays, dayOf } from '@/lib/domain/days';
import { checkA11y } from './axe';
import { type Duet, startDuet } from './harness';
import { MeetPage } from './pages/meet-page';
import { seedDatabase, sessionsBy } from './seed';

/** The next Friday after today (a Friday today means next week's), as the capture parser reads "by Friday". */
function nextFriday(): string {
  const today = new Date();
  const ahead = (5 - today.getDay() + 7) % 7 || 7;
  return addDays(dayOf(today), ahead);
}

async function sessionsOf(duet: Duet, relationshipId: string) {
  const rows = await sessionsBy<{
    status: string;
    meetCode: string | null;
    live?: { endedAt: number | null } | null;
    notes: Record<string, string>;
  }>(duet, 'relationshipId', relationshipId);
  // Sessions that ran live in this call (the demo history also plans Bob's 1:1s on this Meet code).
  return rows.filter((s) => s.meetCode === 'abc-defg-hij' && s.live);
}

describe('Meet live panel', () => {
  let duet: Duet;
  let bobRelationshipId: string;

  beforeAll(async () => {
    duet = await startDuet();
    const data = generateProfile('realistic', { now: Date.now(), seed: 5 });
    const bob = data.people.find((p) => p.name === 'Bob Jones')!;
    bobRelationshipId = data.relationships.find(
      (r) => r.kind === 'one-on-one' && r.personIds.length === 1 && r.personIds[0] === bob.id,
    )!.id;
    await seedDatabase(duet, data);
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('pre-join: the call is known, nothing is drawn', async () => {
    const lobby = await MeetPage.open(duet, 'prejoin');
    await expect.poll(async () => (await lobby.reportedCall()).state).toBe('prejoin');
    // Give the content script time to have drawn something, if it were going to.
    await lobby.page.waitForTimeout(600);
    expect(await lobby.panelVisible()).toBe(false);
    expect(await lobby.page.locator('[data-duet-badge]').count()).toBe(0);
    await duet.screenshot(lobby.page, 'meet-prejoin');
    await lobby.page.close();
  });

  it('in call: the live panel opens for Bob with the template timer; notes survive closing the tab', async () => {
    const call = await MeetPage.open(duet, 'in-call');
    const panel = await call.panel();
    await expect.poll(() => panel.withText(), { timeout: 10_000 }).toContain('Bob Jones');
    await panel.frame.locator('[data-testid=session-timer]').waitFor();
    expect(await panel.frame.locator('[data-testid=timer-section]').textContent()).not.toBe('');
    expect(await panel.sectionNotes.count()).toBeGreaterThan(1);
    expect(await call.panelVisible()).toBe(true);

    // Type and close the tab at once: no waiting for the save.
    const first = panel.sectionNotes.first();
    await first.click();
    await first.pressSequentially('Talked about the launch retro', { delay: 2 });
    await call.page.close({ runBeforeUnload: true });

    const again = await MeetPage.open(duet, 'in-call');
    const reopened = await again.panel();
    await expect
      .poll(() => reopened.sectionNotes.first().inputValue(), { timeout: 10_000 })
      .toBe('Talked about the launch retro');
    await expect
      .poll(() => reopened.saveStatus.getAttribute('data-state'), { timeout: 10_000 })
      .not.toBe('pending');
    const stored = await sessionsOf(duet, bobRelationshipId);
    expect(stored).toHaveLength(1);
    expect(Object.values(stored[0]!.notes)).toContain('Talked about the launch retro');
    await again.page.close();
  });

  it('agreement capture reads owner and due date; the call end shows the summary and the session is held', async () => {
    const call = await MeetPage.open(duet, 'in-call');
    const panel = await call.panel();
    await panel.with.waitFor();
    // "Friday" as the day is when the text is read: either side of a midnight the test might straddle.
    const friday = nextFriday();
    await panel.captureInput.fill('Bob: send the draft by Friday');
    await expect.poll(() => panel.frame.locator('[data-testid=capture-owner]').inputValue()).toBe('them');
    expect([friday, nextFriday()]).toContain(
      await panel.frame.locator('[data-testid=capture-due]').inputValue(),
    );
    expect(await panel.frame.locator('[data-testid=capture-text]').textContent()).toBe('Send the draft');
    await panel.captureInput.press('Enter');
    const made = panel.frame.locator('[data-testid=made-agreement]');
    await expect.poll(() => made.count()).toBe(1);
    expect(await made.locator('[data-testid=made-text]').textContent()).toBe('Send the draft');
    await duet.screenshot(call.page, 'meet-live-panel');

    const privateNotes = panel.frame.locator('[data-testid=private-notes]');
    await privateNotes.fill('PRIVATE-CANARY Bob seems anxious about the reorg');

    await call.becomes('meet-ended.html');
    await panel.summary.waitFor({ timeout: 10_000 });
    // Copy as Markdown: the summary, never the private notes.
    await duet.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://meet.google.com',
    });
    await panel.frame.locator('[data-testid=copy-markdown]').click();
    await expect
      .poll(() => panel.frame.locator('[data-testid=copy-status]').textContent())
      .toBe('Copied as Markdown');
    const copied = await call.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('# 1:1 with Bob Jones');
    expect(copied).toContain('Send the draft');
    expect(copied).toContain('Talked about the launch retro');
    expect(copied).not.toContain('PRIVATE-CANARY');
    expect(await panel.frame.locator('[data-testid=summary-made]').textContent()).toContain('Send the draft');
    expect(await panel.frame.locator('[data-testid=session-panel]').getAttribute('data-session-status')).toBe(
      'held',
    );
    const stored = await sessionsOf(duet, bobRelationshipId);
    expect(stored.map((s) => s.status)).toEqual(['held']);
    await duet.screenshot(call.page, 'meet-summary');

    // Rejoining the call continues the same session.
    await call.becomes('meet-call.html');
    await expect
      .poll(() => panel.frame.locator('[data-testid=session-panel]').getAttribute('data-session-status'), {
        timeout: 10_000,
      })
      .toBe('upcoming');
    expect(await panel.frame.locator('[data-testid=made-agreement]').count()).toBe(1);
    expect((await sessionsOf(duet, bobRelationshipId)).map((s) => s.status)).toEqual(['upcoming']);
    await call.page.close();
  });

  it('presenting hides the notes and offers the side panel', async () => {
    const call = await MeetPage.open(duet, 'presenting');
    const panel = await call.panel();
    await panel.presentingStrip.waitFor({ timeout: 10_000 });
    expect(await panel.sectionNotes.count()).toBe(0);
    expect(await panel.frame.locator('[data-testid=session-content]').count()).toBe(0);
    expect(await panel.frame.locator('[data-testid=open-side-panel]').count()).toBe(1);
    await duet.screenshot(call.page, 'meet-presenting');
    // No longer presenting: the notes come back by themselves.
    await call.becomes('meet-call.html');
    await panel.sectionNotes.first().waitFor({ timeout: 10_000 });
    await call.page.close();
  });

  it('leaving a call for another page (no end screen to tell it) ends its session', async () => {
    const running = async () =>
      (await sessionsOf(duet, bobRelationshipId)).filter((s) => s.live && !s.live.endedAt).length;
    const call = await MeetPage.open(duet, 'in-call');
    const panel = await call.panel();
    await expect.poll(() => panel.withText(), { timeout: 10_000 }).toContain('Bob Jones');
    await expect.poll(running, { timeout: 10_000 }).toBe(1);
    await call.page.goto('about:blank');
    await expect.poll(running, { timeout: 10_000 }).toBe(0);
    await call.page.close();
  });

  it('a career session: goals and key results added, one action step done, the self-assessment once', async () => {
    const call = await MeetPage.open(duet, 'in-call');
    const panel = await call.panel();
    await panel.with.waitFor();
    const frame = panel.frame;
    await frame.locator('[data-testid=session-template]').selectOption('builtin:career');
    await frame.locator('[data-section-id=action-steps]').waitFor({ timeout: 10_000 });
    expect(await frame.locator('[data-testid=career-assessment]').count()).toBe(1);
    expect(await frame.locator('[data-testid=career-step-input]').count()).toBe(1);

    const goals = frame.locator('[data-section-id=goals]');
    await goals.locator('[data-testid=goal-category-input]').selectOption('community');
    await goals.locator('[data-testid=goal-title-input]').fill('Run the frontend guild');
    await goals.locator('[data-testid=goal-add]').click();
    const goal = goals.locator('[data-testid=session-goal]', { hasText: 'Run the frontend guild' });
    await goal.waitFor();
    await goal.locator('[data-testid=kr-input]').fill('Two guild talks a quarter');
    await goal.locator('[data-testid=kr-add]').click();
    await expect.poll(() => goal.locator('[data-testid=kr-progress]').count()).toBe(1);

    const steps = frame.locator('[data-section-id=action-steps]');
    for (const step of ['Lead the Q2 planning review', 'Mentor a new hire']) {
      await steps.locator('[data-testid=career-step-input]').fill(step);
      await steps.locator('[data-testid=career-step-input]').press('Enter');
      await steps.locator('[data-testid=career-step]', { hasText: step }).waitFor();
    }
    expect(await steps.locator('[data-testid=career-step-input]').count()).toBe(0);
    await steps.locator('[data-testid=career-step-done]').first().click();
    await expect.poll(() => steps.locator('[data-testid=career-step]').count()).toBe(1);
    await steps.locator('[data-testid=career-step-input]').waitFor();
    await frame.locator('[data-testid=assessment-on-track]').click();
    await expect
      .poll(() => frame.locator('[data-testid=assessment-on-track]').getAttribute('aria-pressed'))
      .toBe('true');
    // The goals, key results and career controls: no serious accessibility violation.
    await checkA11y(frame, { label: 'career session with goals' });
    await goal.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await duet.screenshot(call.page, 'meet-career-goals');
    await steps.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await duet.screenshot(call.page, 'meet-career-steps');

    // Ended: the summary shows what its copies hold — the goals (the step done in it as Done) and the
    // self-assessment.
    await frame.locator('[data-testid=session-end]').click();
    const summary = frame.locator('[data-testid=session-summary]');
    await summary.waitFor();
    const goalRows = summary.locator('[data-testid=summary-goal]');
    await expect
      .poll(() => goalRows.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Run the frontend guild'),
          expect.stringContaining('Lead the Q2 planning review'),
        ]),
      );
    expect(await goalRows.filter({ hasText: 'Lead the Q2 planning review' }).textContent()).toContain('Done');
    expect(await summary.locator('[data-testid=summary-assessment]').textContent()).toMatch(/on track/i);
    await goalRows
      .filter({ hasText: 'Lead the Q2 planning review' })
      .evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await duet.screenshot(call.page, 'meet-career-summary');
    await call.page.close();
  });
});

describe('Meet: unknown calls, corrections, in-person sessions and the side panel', () => {
  let duet: Duet;

  beforeAll(async () => {
    duet = await startDuet();
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('an unknown two-person call waits on the rail and tracks Bob in one click; the link is remembered', async () => {
    const call = await MeetPage.open(duet, 'in-call');
    // A note-taking bot joined too: still a call with Bob alone.
    await call.join('Fireflies.ai Notetaker');
    await expect
      .poll(async () =>
        Object.values(await duet.sessionStorage()).some((value) =>
          (value as { others?: string[] } | null)?.others?.includes('Fireflies.ai Notetaker'),
        ),
      )
      .toBe(true);
    const panel = await call.panel();
    // The rail only: the call is not covered.
    await expect.poll(() => call.panelVisible(), { timeout: 10_000 }).toBe(false);
    await call.clickRail('toggle', 'collapsed');
    await expect.poll(() => call.panelVisible()).toBe(true);
    const track = panel.frame.locator('[data-testid=track-one-on-one]');
    await expect
      .poll(() => panel.frame.locator('[data-testid=meet-link-chooser]').textContent())
      .toContain('Bob Jones');
    await duet.screenshot(call.page, 'meet-track-offer');
    await track.click();
    await expect.poll(() => panel.withText(), { timeout: 10_000 }).toContain('Bob Jones');

    // A new tab on the same call links at once (by the remembered Meet code) and opens by itself.
    await call.page.close();
    const again = await MeetPage.open(duet, 'in-call');
    const reopened = await again.panel();
    await expect.poll(() => reopened.withText(), { timeout: 10_000 }).toContain('Bob Jones');
    await expect.poll(() => again.panelVisible()).toBe(true);
    await again.page.close();
  });

  it('a wrong link is corrected to another 1:1, and the correction is remembered', async () => {
    // Another 1:1 to move the call to.
    const now = Date.now();
    await seedDatabase(duet, {
      people: [
        {
          id: 'p-dana',
          name: 'Dana Whitfield',
          emails: [],
          relation: 'report',
          archived: false,
          createdAt: now,
          updatedAt: now,
        },
      ],
      relationships: [
        {
          id: 'r-dana',
          personIds: ['p-dana'],
          kind: 'one-on-one',
          title: 'Dana 1:1',
          cadenceDays: 14,
          templateId: 'builtin:your-session',
          calendarSeriesIds: [],
          meetCodes: [],
          archived: false,
          createdAt: now,
          updatedAt: now,
        },
      ],
    } as unknown as Parameters<typeof seedDatabase>[1]);

    const call = await MeetPage.open(duet, 'in-call');
    const panel = await call.panel();
    await expect.poll(() => panel.withText(), { timeout: 10_000 }).toContain('Bob Jones');
    await panel.frame.locator('[data-testid=meet-correct-link]').click({ timeout: 10_000 });
    await duet.screenshot(call.page, 'meet-correct-link');
    await panel.frame
      .locator('[data-testid=meet-link-select]')
      .selectOption({ label: 'Dana Whitfield — Dana 1:1' }, { timeout: 10_000 });
    await panel.frame.locator('[data-testid=meet-link-confirm]').click();
    await expect.poll(() => panel.withText(), { timeout: 10_000 }).toContain('Dana Whitfield');
    await call.page.reload();
    const reloaded = await call.panel();
    await expect.poll(() => reloaded.withText(), { timeout: 10_000 }).toContain('Dana Whitfield');

    // The side panel shows the same call's session, for this tab.
    const tabId = await call.tabId();
    const side = await duet.newPage();
    await side.goto(`${duet.extensionUrl('sidepanel.html')}?tab=${tabId}`);
    await expect
      .poll(async () => (await side.locator('[data-testid=session-with]').allTextContents()).join(), {
        timeout: 10_000,
      })
      .toContain('Dana Whitfield');
    await duet.screenshot(side, 'meet-side-panel');
    await side.close();
    await call.page.close();
  });
});

describe('Meet: a 2-1 call', () => {
  let duet: Duet;

  beforeAll(async () => {
    duet = await startDuet();
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('a call titled as a 2-1 with two people (and a note-taker) is tracked as a 2-1 with both in one click', async () => {
    const call = await MeetPage.open(duet, 'in-call');
    await call.retitle('Bob & Carol 2-1');
    await call.join('Carol Diaz');
    await call.join('Otter.ai');
    const panel = await call.panel();
    await expect.poll(() => call.panelVisible(), { timeout: 10_000 }).toBe(false);
    const track = panel.frame.locator('[data-testid=track-one-on-one]');
    await expect
      .poll(async () => {
        if (!(await call.panelVisible())) await call.clickRail('toggle', 'collapsed');
        return (await track.count()) > 0 ? track.textContent() : '';
      })
      .toBe('Track as 2-1 with Bob Jones & Carol Diaz');
    await expect(panel.frame.locator('[data-testid=track]').textContent()).resolves.toContain(
      'Bob Jones and Carol Diaz are the other people in this call',
    );
    await duet.screenshot(call.page, 'meet-track-two-on-one');
    await track.click();
    await expect.poll(() => panel.withText(), { timeout: 10_000 }).toContain('Bob Jones');
    expect(await panel.withText()).toContain('Carol Diaz');
    await call.page.close();
  });
});

describe('Meet: a 1:1 call joined before its person', () => {
  let duet: Duet;

  beforeAll(async () => {
    duet = await startDuet();
    await seedDatabase(duet, generateProfile('realistic', { now: Date.now(), seed: 5 }));
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('waits for Bob with no session or timer, and starts when he joins', async () => {
    const call = await MeetPage.open(duet, 'prejoin');
    await expect.poll(async () => (await call.reportedCall()).state).toBe('prejoin');
    await call.becomes('meet-call.html', { withoutBob: true });
    const panel = await call.panel();
    const waiting = panel.frame.locator('[data-testid=session-waiting]');
    await expect
      .poll(async () => ((await waiting.count()) > 0 ? waiting.textContent() : ''), { timeout: 10_000 })
      .toContain('Waiting for Bob Jones to join');
    expect(await panel.frame.locator('[data-testid=section-notes]').count()).toBe(0);
    await duet.screenshot(call.page, 'meet-waiting');
    // Bob joins: the session and its timer start by themselves.
    await call.becomes('meet-call.html');
    await expect.poll(() => panel.withText(), { timeout: 10_000 }).toContain('Bob Jones');
    await expect.poll(() => panel.sectionNotes.count()).toBeGreaterThan(0);
    await call.page.close();
  });
});
