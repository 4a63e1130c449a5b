/**
 * The session summary shows what its two copies hold — the check-in (the Markdown copy's only), goals with
 * their target day (those finished in the session as done), the session's feedback and the
 * self-assessment — in the copies' order, and never the private notes.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SessionSummary, summaryInputOf } from '@/components/panel/session/SessionSummary';
import { formatDay } from '@/components/shared/format';
import {
  addAgreement,
  addFeedback,
  completeAgreement,
  dropAgreement,
  addGoal,
  createPerson,
  createRelationship,
  endLiveSession,
  getDatabase,
  loadSessionView,
  saveCareerAssessment,
  saveCheckIn,
  savePrivateNotes,
  saveSectionNotes,
  startLiveSession,
  updateGoal,
} from '@/lib/db';
import { dayOf } from '@/lib/domain/days';
import { summaryMarkdown, summaryPlainUpdate } from '@/lib/domain/session-summary';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();
const $$ = (selector: string) => [...container().querySelectorAll<HTMLElement>(selector)];
const DAY = 86_400_000;

/** Dana's career 1:1, run live and ended: feedback, an assessment, a check-in and goals, one step done in it. */
async function endedCareerSession() {
  const person = await createPerson({ name: 'Dana Lee', relation: 'report' });
  const relationship = await createRelationship({ personIds: [person.id], kind: 'career', title: 'Dana' });
  // Done in an earlier session: not this one's.
  const earlier = await addGoal(relationship.id, {
    category: 'personal-development',
    title: 'Shadow an on-call week',
    targetDate: '2026-01-15',
  });
  await getDatabase().goals.update(earlier.id, { archived: true, updatedAt: Date.now() - 30 * DAY });
  const session = await startLiveSession({ relationshipId: relationship.id });
  await saveCheckIn(session.id, { mood: 4, workload: 2 });
  await saveSectionNotes(session.id, 'general', 'Talked about the next level');
  await savePrivateNotes(session.id, 'PRIVATE: worried about burnout');
  await addGoal(relationship.id, { category: 'impact', title: 'Ship search v2' });
  const step = await addGoal(relationship.id, {
    category: 'personal-development',
    title: 'Lead the Q2 planning review',
    targetDate: '2026-06-30',
  });
  await updateGoal(step.id, { archived: true });
  await addFeedback(relationship.id, {
    direction: 'received',
    text: 'Reviews come late',
    sessionId: session.id,
  });
  await addFeedback(relationship.id, { direction: 'given', text: 'Not in this session', sessionId: null });
  await saveCareerAssessment(session.id, 'not-meeting');
  await endLiveSession(session.id);
  return (await loadSessionView(session.id))!;
}

describe('the session summary on screen', () => {
  it('shows the goals, feedback, self-assessment and check-in it copies, in the copies’ order', async () => {
    const view = await endedCareerSession();
    await act(() => render(<SessionSummary view={view} onShowNotes={() => {}} />, container()));
    const text = container().textContent ?? '';
    expect($$('h2').map((h) => h.textContent)).toEqual([
      'Check-in',
      'Notes',
      'Agreements made',
      'Carried over',
      'Goals',
      'Feedback',
      'Self-assessment',
    ]);
    expect(text).toContain('Mood 4 of 5 · Workload 2 of 5');
    expect(
      $$('[data-testid=summary-goal]').map((li) => li.querySelector('.cal-goal-title')?.textContent),
    ).toEqual(['Ship search v2', 'Lead the Q2 planning review']);
    const step = $$('[data-testid=summary-goal]')[1]!;
    expect(step.querySelector('[data-testid=summary-goal-status]')?.textContent).toBe('Done');
    expect(step.querySelector('[data-testid=summary-goal-by]')?.textContent).toBe(
      `by ${formatDay('2026-06-30', dayOf(Date.now()))}`,
    );
    expect($$('[data-testid=summary-feedback]').map((li) => li.textContent)).toEqual([
      'ReceivedReviews come late',
    ]);
    expect($$('[data-testid=summary-assessment]')[0]?.textContent).toBe('Not meeting yet');
    expect(text).not.toContain('Not in this session');
    expect(text).not.toContain('Shadow an on-call week');
    expect(text).not.toContain('PRIVATE');
  });

  it('says an agreement made in the session and done or dropped since is so, as the copies do', async () => {
    const person = await createPerson({ name: 'Sam Taylor', relation: 'report' });
    const relationship = await createRelationship({
      personIds: [person.id],
      kind: 'one-on-one',
      title: 'Sam',
    });
    const session = await startLiveSession({ relationshipId: relationship.id });
    const made = (text: string) =>
      addAgreement(relationship.id, { owner: 'them', text, dueDate: '2026-11-20', sessionId: session.id });
    const dropped = await made('Send the draft');
    const done = await made('Book the room');
    await made('Write the RFC');
    await dropAgreement(dropped.id, 'Not needed');
    await completeAgreement(done.id);
    await endLiveSession(session.id);
    const view = (await loadSessionView(session.id))!;
    await act(() => render(<SessionSummary view={view} onShowNotes={() => {}} />, container()));
    const line = (text: string) =>
      $$('[data-testid=summary-made]').find((li) => li.textContent?.includes(text))?.textContent ?? '';
    expect(line('Send the draft')).toMatch(/dropped/i);
    expect(line('Send the draft')).not.toMatch(/due/i);
    expect(line('Book the room')).toMatch(/done/i);
    expect(line('Write the RFC')).toMatch(/due/i);
    // Its day as the Calendar panel writes a held 1:1's ("Wed, Nov 25, 2026"), weekday and year.
    const held = new Date(view.session.scheduledAt).toLocaleDateString('en-US', {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    });
    expect($$('.ses-summary-lead')[0]?.textContent).toBe(`Held on ${held}. Here is what came out of it.`);
    // No talking points in this session: none to have discussed.
    expect($$('[data-testid=summary-carried-none]')[0]?.textContent).toBe('No talking points this time.');
    const markdown = summaryMarkdown(summaryInputOf(view));
    expect(markdown).toContain('Sam Taylor: Send the draft (dropped: Not needed)');
    expect(markdown).toContain('- [x] Sam Taylor: Book the room');
  });

  it('holds what the copies hold: the check-in only in Markdown, and says so', async () => {
    const view = await endedCareerSession();
    await act(() => render(<SessionSummary view={view} onShowNotes={() => {}} />, container()));
    const input = summaryInputOf(view);
    const markdown = summaryMarkdown(input);
    const plain = summaryPlainUpdate(input);
    for (const copy of [markdown, plain]) {
      expect(copy).toContain('Ship search v2: on track');
      expect(copy).toContain('Lead the Q2 planning review: done, by 2026-06-30');
      expect(copy).toContain('Received: Reviews come late');
      expect(copy).toContain('Self-assessment: not meeting expectations yet');
      expect(copy).not.toContain('Shadow an on-call week');
      expect(copy).not.toContain('PRIVATE');
    }
    expect(markdown).toContain('Check-in: mood 4/5, workload 2/5');
    expect(plain).not.toMatch(/mood|workload/i);
    expect($$('[data-testid=summary-checkin-markdown-only]')[0]?.textContent).toContain('Copy as Markdown');
  });
});
