/**
 * Goals and the career conversation in the live session panel: goals and key results can be added and
 * archived (Undo), the career template shows its action steps and its self-assessment once each, and a
 * step done makes room for the next.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SessionPanel } from '@/components/panel/session/SessionPanel';
import {
  addGoal,
  addKeyResult,
  createPerson,
  createRelationship,
  getDatabase,
  goalsOf,
  startLiveSession,
} from '@/lib/db';
import type { Relationship } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();
const $ = <E extends Element = HTMLElement>(selector: string) => container().querySelector<E>(selector);
const $$ = (selector: string) => [...container().querySelectorAll<HTMLElement>(selector)];

async function oneOnOne(kind: Relationship['kind'], templateId?: string) {
  const person = await createPerson({ name: 'Dana Lee', emails: ['dana@example.com'], relation: 'report' });
  const relationship = await createRelationship({
    personIds: [person.id],
    kind,
    title: 'Dana 1:1',
    ...(templateId ? { templateId } : {}),
  });
  await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij' });
  return relationship;
}

async function renderPanel(relationshipId: string) {
  await act(() =>
    render(
      <SessionPanel
        target={{ relationshipId, meetCode: 'abc-defg-hij', calendarEventId: null }}
        mode="call"
      />,
      container(),
    ),
  );
  await vi.waitFor(() => expect($('[data-testid=session-with]')).not.toBeNull(), { timeout: 5000 });
}

async function type(element: HTMLInputElement | null, text: string) {
  if (!element) throw new Error('no input');
  await act(() => {
    element.value = text;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(form: Element | null | undefined) {
  if (!form) throw new Error('no form');
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

const section = (id: string) => $(`[data-section-id="${id}"]`);

describe('Goals in a session', () => {
  it('adds a goal (an OKR by default in the structured 1:1) and a key result to it', async () => {
    const relationship = await oneOnOne('one-on-one', 'builtin:structured-50');
    await renderPanel(relationship.id);
    const okrs = section('okrs')!;
    expect(okrs.textContent).toContain('No goals recorded for this 1:1 yet.');
    expect(okrs.querySelector<HTMLSelectElement>('[data-testid=goal-category-input]')?.value).toBe('okr');
    await type(okrs.querySelector('[data-testid=goal-title-input]'), 'Ship search v2');
    await submit(okrs.querySelector('[data-testid=goal-form]'));
    await vi.waitFor(() => expect(okrs.querySelectorAll('[data-testid=session-goal]')).toHaveLength(1));
    expect(okrs.querySelector<HTMLInputElement>('[data-testid=goal-title-input]')?.value).toBe('');
    const [goal] = await goalsOf(relationship.id);
    expect(goal).toMatchObject({ title: 'Ship search v2', category: 'okr', status: 'on-track' });

    await type(okrs.querySelector('[data-testid=kr-input]'), 'p95 under 300 ms');
    await submit(okrs.querySelector('[data-testid=kr-input]')?.closest('form'));
    await vi.waitFor(() => expect(okrs.querySelectorAll('[data-testid=kr-progress]')).toHaveLength(1));
    expect((await goalsOf(relationship.id))[0]?.keyResults).toEqual([
      { id: expect.any(String), text: 'p95 under 300 ms', progress: 0 },
    ]);
  });

  it('moving a key result’s progress changes only that one: a key result added elsewhere meanwhile stays', async () => {
    const relationship = await oneOnOne('one-on-one', 'builtin:structured-50');
    const goal = await addGoal(relationship.id, { category: 'okr', title: 'Ship search v2' });
    const [one] = (await addKeyResult(goal.id, 'KR one')).keyResults;
    await renderPanel(relationship.id);
    await vi.waitFor(() => expect($$('[data-testid=kr-progress]')).toHaveLength(1));
    // Another view adds a key result; this one moves its slider before it shows the new one.
    await addKeyResult(goal.id, 'KR two');
    const slider = $<HTMLInputElement>('[data-testid=kr-progress]')!;
    slider.value = '40';
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(async () =>
      expect((await goalsOf(relationship.id))[0]?.keyResults.find((kr) => kr.id === one!.id)?.progress).toBe(
        40,
      ),
    );
    expect((await goalsOf(relationship.id))[0]?.keyResults.map((kr) => kr.text)).toEqual([
      'KR one',
      'KR two',
    ]);
  });

  it('says an empty goal needs writing, and adds nothing', async () => {
    const relationship = await oneOnOne('one-on-one', 'builtin:structured-50');
    await renderPanel(relationship.id);
    await submit(section('okrs')?.querySelector('[data-testid=goal-form]'));
    expect(section('okrs')?.querySelector('[role=alert]')?.textContent).toBe('Write the goal first.');
    expect(await goalsOf(relationship.id)).toEqual([]);
  });

  it('archives a goal, and Undo brings it back', async () => {
    const relationship = await oneOnOne('one-on-one', 'builtin:structured-50');
    await addGoal(relationship.id, { category: 'okr', title: 'Ship search v2' });
    await renderPanel(relationship.id);
    await vi.waitFor(() => expect($$('[data-testid=session-goal]')).toHaveLength(1));
    await act(() => $('[data-testid=goal-archive]')!.click());
    await vi.waitFor(() => expect($$('[data-testid=session-goal]')).toHaveLength(0));
    expect($('[data-testid=goal-archived]')?.textContent).toContain('Archived “Ship search v2”.');
    expect(await goalsOf(relationship.id)).toEqual([]);
    await act(() => $('[data-testid=goal-undo]')!.click());
    await vi.waitFor(() => expect($$('[data-testid=session-goal]')).toHaveLength(1));
    expect((await goalsOf(relationship.id)).map((g) => g.title)).toEqual(['Ship search v2']);
  });

  it('shows a goal change that could not be saved', async () => {
    const relationship = await oneOnOne('one-on-one', 'builtin:structured-50');
    const goal = await addGoal(relationship.id, { category: 'okr', title: 'Ship search v2' });
    await renderPanel(relationship.id);
    await vi.waitFor(() => expect($$('[data-testid=session-goal]')).toHaveLength(1));
    await getDatabase().goals.delete(goal.id);
    const status = $<HTMLSelectElement>('[data-testid=goal-status]')!;
    await act(() => {
      status.value = 'behind';
      status.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(section('okrs')?.querySelector('[role=alert]')).not.toBeNull());
  });
});

describe('The career conversation in a session', () => {
  it('shows the action steps and the self-assessment once each, in their own sections', async () => {
    const relationship = await oneOnOne('career');
    await renderPanel(relationship.id);
    expect($$('[data-testid=career-step-input]')).toHaveLength(1);
    expect($$('[data-testid=career-assessment]')).toHaveLength(1);
    expect(section('action-steps')?.querySelector('[data-testid=career-step-input]')).not.toBeNull();
    expect(section('action-steps')?.querySelector('[data-testid=career-assessment]')).toBeNull();
    expect(section('self-assessment')?.querySelector('[data-testid=career-assessment]')).not.toBeNull();
    expect(section('self-assessment')?.querySelector('[data-testid=career-step-input]')).toBeNull();
  });

  it('shows personal-development goals among the goals, and only dated steps as steps', async () => {
    const relationship = await oneOnOne('career');
    await addGoal(relationship.id, { category: 'personal-development', title: 'Learn public speaking' });
    await addGoal(relationship.id, {
      category: 'personal-development',
      title: 'Lead the Q2 review',
      targetDate: '2027-05-01',
    });
    await renderPanel(relationship.id);
    await vi.waitFor(() => expect($$('[data-testid=career-step]')).toHaveLength(1));
    expect($('[data-testid=career-step]')?.textContent).toContain('Lead the Q2 review');
    const goals = section('goals')!;
    expect(goals.textContent).toContain('Learn public speaking');
    expect(goals.textContent).not.toContain('Lead the Q2 review');
  });

  it('a step done makes room for the next one (two at a time), and Undo brings it back', async () => {
    const relationship = await oneOnOne('career');
    await renderPanel(relationship.id);
    for (const title of ['Lead the Q2 review', 'Mentor a new hire']) {
      await type($('[data-testid=career-step-input]'), title);
      await submit($('[data-testid=career-step-input]')?.closest('form'));
      await vi.waitFor(() =>
        expect($$('[data-testid=career-step]').map((e) => e.textContent)).toContainEqual(
          expect.stringContaining(title),
        ),
      );
    }
    expect($('[data-testid=career-step-input]')).toBeNull();
    await act(() => $('[data-testid=career-step-done]')!.click());
    await vi.waitFor(() => expect($$('[data-testid=career-step]')).toHaveLength(1));
    expect($('[data-testid=career-step-input]')).not.toBeNull();
    expect($('[data-testid=career-step-closed]')?.textContent).toContain('Lead the Q2 review');
    expect((await goalsOf(relationship.id)).map((g) => g.title)).toEqual(['Mentor a new hire']);
    await act(() => $('[data-testid=career-step-undo]')!.click());
    await vi.waitFor(() => expect($$('[data-testid=career-step]')).toHaveLength(2));
  });

  it('a custom template with the combined career kind twice shows it once', async () => {
    const { saveCustomTemplate } = await import('@/lib/db');
    const template = await saveCustomTemplate({
      name: 'Two careers',
      method: 'custom',
      description: '',
      sections: [
        { id: 'a', title: 'Career A', minutes: 5, prompts: [], kind: 'career' },
        { id: 'b', title: 'Career B', minutes: 5, prompts: [], kind: 'career' },
      ],
    });
    const relationship = await oneOnOne('career', template.id);
    await renderPanel(relationship.id);
    expect($$('[data-testid=session-career]')).toHaveLength(1);
    expect(section('a')?.querySelector('[data-testid=career-assessment]')).not.toBeNull();
    expect(section('a')?.querySelector('[data-testid=career-step-input]')).not.toBeNull();
  });
});

describe('what the session summary copies', () => {
  it('names me as set in the options, and carries this session’s feedback, assessment and the goals', async () => {
    const { summaryInputOf } = await import('@/components/panel/session/SessionSummary');
    const { addFeedback, loadSessionView, saveCareerAssessment, updateSettings, sessionHistory } =
      await import('@/lib/db');
    await updateSettings({ myName: 'Alice Smith' });
    const relationship = await oneOnOne('career');
    const [session] = await sessionHistory(relationship.id);
    await addFeedback(relationship.id, { direction: 'given', text: 'Earlier feedback', sessionId: null });
    await addFeedback(relationship.id, {
      direction: 'received',
      text: 'Reviews come late',
      sessionId: session!.id,
    });
    await saveCareerAssessment(session!.id, 'on-track');
    await addGoal(relationship.id, { category: 'impact', title: 'Ship search v2' });
    const input = summaryInputOf((await loadSessionView(session!.id))!);
    expect(input.myName).toBe('Alice Smith');
    expect(input.feedback).toEqual([expect.objectContaining({ text: 'Reviews come late' })]);
    expect(input.assessment).toBe('on-track');
    expect(input.goals?.map((g) => g.title)).toEqual(['Ship search v2']);
  });
});

/** Sam's 1:1, for the summary's tests. */
async function samsOneOnOne(changes: { templateId?: string } = {}) {
  const person = await createPerson({ name: 'Sam Lee', relation: 'report' });
  return createRelationship({ personIds: [person.id], kind: 'one-on-one', title: 'Sam', ...changes });
}

describe('the summary’s date', () => {
  it('is the day the meeting was on, as History dates it, when the call ends after midnight', async () => {
    const { summaryInputOf } = await import('@/components/panel/session/SessionSummary');
    const { endLiveSession, loadSessionView, sessionHistory } = await import('@/lib/db');
    const relationship = await samsOneOnOne();
    const started = new Date(2026, 2, 25, 23, 30).getTime();
    const session = await startLiveSession({ relationshipId: relationship.id, now: started });
    await endLiveSession(session.id, new Date(2026, 2, 26, 0, 20).getTime());
    const input = summaryInputOf((await loadSessionView(session.id))!);
    expect(input.date).toBe('2026-03-25');
    const [listed] = await sessionHistory(relationship.id);
    expect(listed?.id).toBe(session.id);
  });
});

describe('the summary’s “carried over”', () => {
  it('still lists what the session left undiscussed after the next session has taken it', async () => {
    const { summaryInputOf } = await import('@/components/panel/session/SessionSummary');
    const { addTalkingPoint, endLiveSession, loadSessionView, prepareSession, setTalkingPointStatus } =
      await import('@/lib/db');
    const relationship = await samsOneOnOne();
    const session = await startLiveSession({ relationshipId: relationship.id });
    const talked = await addTalkingPoint(relationship.id, {
      text: 'Offsite',
      author: 'me',
      sessionId: session.id,
    });
    await addTalkingPoint(relationship.id, { text: 'Promotion case', author: 'them', sessionId: session.id });
    await setTalkingPointStatus(talked.id, 'discussed');
    await endLiveSession(session.id);
    const carried = async () =>
      summaryInputOf((await loadSessionView(session.id))!).carriedOver.map((p) => p.text);
    expect(await carried()).toEqual(['Promotion case']);
    // The next 1:1 is prepared: the point moves to it, and this summary still says it was left over.
    const next = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: Date.now() + 7 * 86_400_000,
    });
    expect((await loadSessionView(next.session.id))!.agenda.map((p) => p.text)).toEqual(['Promotion case']);
    expect(await carried()).toEqual(['Promotion case']);
  });
});

describe('the summary’s “carried over”, not of a meeting that had not taken place', () => {
  it('leaves out a point an earlier meeting took from one prepared for later', async () => {
    const { summaryInputOf } = await import('@/components/panel/session/SessionSummary');
    const { addTalkingPoint, endLiveSession, loadSessionView, prepareSession, setTalkingPointStatus } =
      await import('@/lib/db');
    const relationship = await samsOneOnOne();
    const DAY = 86_400_000;
    const later = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: Date.now() + 7 * DAY,
      calendarEventId: 'evt-later',
    });
    const point = await addTalkingPoint(relationship.id, {
      text: 'Promotion case',
      author: 'me',
      sessionId: later.session.id,
    });
    // Tomorrow's meeting comes first and takes it; it is discussed there.
    const earlier = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: Date.now() + DAY,
      calendarEventId: 'evt-earlier',
    });
    expect((await loadSessionView(earlier.session.id))!.agenda.map((p) => p.id)).toEqual([point.id]);
    await setTalkingPointStatus(point.id, 'discussed');
    await endLiveSession(later.session.id);
    expect(summaryInputOf((await loadSessionView(later.session.id))!).carriedOver).toEqual([]);
  });
});

describe('the summary’s notes of a template switched away from', () => {
  it('keep that template’s section titles in the Markdown copy', async () => {
    const { summaryInputOf } = await import('@/components/panel/session/SessionSummary');
    const { summaryMarkdown } = await import('@/lib/domain/session-summary');
    const { loadSessionView, saveSectionNotes, switchSessionTemplate } = await import('@/lib/db');
    const relationship = await samsOneOnOne({ templateId: 'builtin:structured-50' });
    const session = await startLiveSession({ relationshipId: relationship.id });
    await saveSectionNotes(session.id, 'okrs', 'Hiring KR is at 60%');
    await switchSessionTemplate(session.id, 'builtin:your-session');
    const markdown = summaryMarkdown(summaryInputOf((await loadSessionView(session.id))!));
    expect(markdown).toContain('## Personal & business OKRs\n\nHiring KR is at 60%');
  });
});

describe('half-typed boxes survive the tab closing (SECURITY.md item 17)', () => {
  it('feedback, a goal and a career step typed but not added are back when the session is opened again', async () => {
    localStorage.clear();
    const relationship = await oneOnOne('career');
    await renderPanel(relationship.id);
    await type($('[data-testid=goal-title-input]'), 'Run the guild');
    await type($('[data-testid=career-step-input]'), 'Lead the Q2 review');
    // The tab closes: the panel is gone without anything being added.
    await act(() => render(null, container()));
    await renderPanel(relationship.id);
    expect($<HTMLInputElement>('[data-testid=goal-title-input]')?.value).toBe('Run the guild');
    expect($<HTMLInputElement>('[data-testid=career-step-input]')?.value).toBe('Lead the Q2 review');
    // Added: the box is empty, and stays empty when opened again.
    await submit($('[data-testid=goal-form]'));
    await vi.waitFor(() => expect($$('[data-testid=session-goal]')).toHaveLength(1));
    await act(() => render(null, container()));
    await renderPanel(relationship.id);
    expect($<HTMLInputElement>('[data-testid=goal-title-input]')?.value).toBe('');
    expect($<HTMLInputElement>('[data-testid=career-step-input]')?.value).toBe('Lead the Q2 review');
    localStorage.clear();
  });
});

describe('feedback in a 2-1', () => {
  it('is about the pair, not filed under the first of them', async () => {
    const { feedbackOf } = await import('@/lib/db');
    const dana = await createPerson({ name: 'Dana Lee', emails: ['dana@example.com'], relation: 'report' });
    const carol = await createPerson({ name: 'Carol Diaz', emails: ['carol@example.com'], relation: 'peer' });
    const relationship = await createRelationship({
      personIds: [dana.id, carol.id],
      kind: 'two-on-one',
      title: 'Dana & Carol 2-1',
      templateId: 'builtin:structured-50',
    });
    await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij' });
    await renderPanel(relationship.id);
    const box = $<HTMLTextAreaElement>('[data-testid=feedback-text]')!;
    await act(() => {
      box.value = 'Great joint demo';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => $('[data-testid=feedback-add]')!.click());
    await vi.waitFor(async () => expect(await feedbackOf(relationship.id)).toHaveLength(1));
    expect((await feedbackOf(relationship.id))[0]?.personId).toBeNull();
  });
});

describe('the feedback box and list', () => {
  it('says whose feedback the box takes, and each item its direction and day', async () => {
    const relationship = await oneOnOne('one-on-one', 'builtin:structured-50');
    await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij' });
    await renderPanel(relationship.id);
    const box = $<HTMLTextAreaElement>('[data-testid=feedback-text]')!;
    expect(box.placeholder).toBe('Feedback for Dana Lee…');
    await act(() => {
      box.value = 'Clear incident write-up';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => $('[data-testid=feedback-add]')!.click());
    await vi.waitFor(() => expect($$('[data-testid=feedback-item]')).toHaveLength(1));
    const day = new Date().toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
    expect($('[data-testid=feedback-item] .cal-owner')?.textContent).toBe(`Given · ${day}`);
    const received = [...$$('.ses-feedback .cal-toggle-button')].find((b) => b.textContent === 'Received')!;
    await act(() => received.click());
    expect(box.placeholder).toBe('Feedback you received…');
  });
});

describe('kept box text across views and sessions', () => {
  it('two views of one session each keep their own boxes in storage', async () => {
    const { KeptDrafts } = await import('@/components/panel/session/kept-drafts');
    localStorage.clear();
    const a = new KeptDrafts('s1');
    const b = new KeptDrafts('s1');
    a.set('capture', 'Dana: send the deck');
    b.set('feedback', 'Great demo');
    const again = new KeptDrafts('s1');
    expect([again.get('capture'), again.get('feedback')]).toEqual(['Dana: send the deck', 'Great demo']);
    b.delete('feedback');
    expect(new KeptDrafts('s1').get('capture')).toBe('Dana: send the deck');
    localStorage.clear();
  });

  it('the panel moving to another session neither carries nor wipes box text', async () => {
    localStorage.clear();
    const relationship = await oneOnOne('one-on-one', 'builtin:structured-50');
    const { sessionHistory, prepareSession } = await import('@/lib/db');
    const [first] = await sessionHistory(relationship.id);
    const { session: second } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: Date.UTC(2026, 11, 1, 15),
    });
    localStorage.setItem(`duet-journal:boxes:${second.id}`, JSON.stringify({ capture: 'B: kept text' }));
    const show = (sessionId: string) =>
      act(() =>
        render(
          <SessionPanel
            target={{
              relationshipId: relationship.id,
              meetCode: 'abc-defg-hij',
              calendarEventId: null,
              sessionId,
            }}
            mode="call"
          />,
          container(),
        ),
      );
    await show(first!.id);
    await vi.waitFor(() => expect($('[data-testid=capture-input]')).not.toBeNull());
    await type($('[data-testid=capture-input]'), 'A: Dana to send the deck');
    await show(second.id);
    await vi.waitFor(() =>
      expect($<HTMLInputElement>('[data-testid=capture-input]')?.value).toBe('B: kept text'),
    );
    expect(JSON.parse(localStorage.getItem(`duet-journal:boxes:${second.id}`)!)).toEqual({
      capture: 'B: kept text',
    });
    expect(JSON.parse(localStorage.getItem(`duet-journal:boxes:${first!.id}`)!)).toEqual({
      capture: 'A: Dana to send the deck',
    });
    localStorage.clear();
  });
});
