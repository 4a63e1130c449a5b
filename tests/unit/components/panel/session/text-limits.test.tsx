/**
 * Bad input gets a clear message and loses nothing the user wrote: a paste longer than a box's limit is
 * never cut short by the box (`maxLength`), a too long text is refused in words naming the limit and its
 * length with the text kept in the box, and a blank one (white space or invisible characters only) says
 * what to write instead of doing nothing.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Agenda } from '@/components/panel/session/Agenda';
import { CaptureLine } from '@/components/panel/session/CaptureLine';
import { CareerSection } from '@/components/panel/session/CareerSection';
import { FeedbackSection } from '@/components/panel/session/FeedbackSection';
import { GoalsSection } from '@/components/panel/session/GoalsSection';
import { TalkingPoints } from '@/components/panel/calendar/TalkingPoints';
import { checkTrackDraft } from '@/components/panel/calendar/use-calendar-actions';
import type { ActionResult } from '@/components/panel/calendar/view-types';
import type { Goal } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();

async function show(node: ComponentChild) {
  await act(() => {
    render(node, container());
  });
}

const box = <T extends HTMLInputElement | HTMLTextAreaElement>(testId: string) =>
  container().querySelector<T>(`[data-testid="${testId}"]`)!;

/** A paste as a browser does it: a box with `maxLength` keeps only what fits, then says it changed. */
async function paste(element: HTMLInputElement | HTMLTextAreaElement, pasted: string) {
  await act(() => {
    element.value = element.maxLength > 0 ? pasted.slice(0, element.maxLength) : pasted;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(element: Element) {
  await act(async () => {
    element.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await Promise.resolve();
  });
}

const alerts = () => [...container().querySelectorAll('[role=alert]')].map((el) => el.textContent);
const added = () => vi.fn((..._args: unknown[]): Promise<ActionResult> => Promise.resolve({ ok: true }));

/** Words, not one character repeated: what a pasted paragraph looks like. */
const textOf = (length: number) =>
  'Talk about the roadmap and the hiring plan. '.repeat(length).slice(0, length);

const goal: Goal = {
  id: 'g1',
  relationshipId: 'r1',
  category: 'impact',
  title: 'Ship the beta',
  keyResults: [],
  status: 'on-track',
  targetDate: null,
  archived: false,
  createdAt: 1,
  updatedAt: 1,
};

describe('a long paste is kept whole, and refused in words when it is over the limit', () => {
  it('feedback: 6,000 characters are added whole (feedback is kept up to 200,000)', async () => {
    const onAdd = added();
    await show(<FeedbackSection feedback={[]} theirName="Bob" onAdd={onAdd} />);
    const pasted = textOf(6000);
    await paste(box('feedback-text'), pasted);
    await submit(box('feedback-text'));
    expect(onAdd).toHaveBeenCalledWith('given', pasted.trim());
  });

  it('feedback over 200,000 characters: the limit and its length, the text still in the box', async () => {
    const onAdd = added();
    await show(<FeedbackSection feedback={[]} theirName="Bob" onAdd={onAdd} />);
    const pasted = 'x'.repeat(200_005);
    await paste(box('feedback-text'), pasted);
    await submit(box('feedback-text'));
    expect(onAdd).not.toHaveBeenCalled();
    expect(alerts().join(' ')).toContain('Keep it to 200,000 characters or fewer; this one has 200,005.');
    expect(box('feedback-text').value).toBe(pasted);
  });

  it('an agreement line: the message counts the whole line, which stays in the box', async () => {
    const onAdd = added();
    await show(<CaptureLine counterpartNames={['Sam Lee']} theirLabel="Sam" locale="en" onAdd={onAdd} />);
    const pasted = `Sam: ${'x'.repeat(695)}`;
    await paste(box('capture-input'), pasted);
    await submit(box('capture-input'));
    expect(onAdd).not.toHaveBeenCalled();
    expect(container().querySelector('[data-testid=capture-error]')!.textContent).toContain(
      '(this one has 700)',
    );
    expect(box('capture-input').value).toBe(pasted);
  });

  const refusesLong = async (testId: string, onAdd: ReturnType<typeof added>) => {
    const pasted = textOf(1200);
    await paste(box(testId), pasted);
    await submit(box(testId));
    expect(onAdd).not.toHaveBeenCalled();
    expect(alerts().join(' ')).toContain(
      `Keep it to 1,000 characters or fewer; this one has ${pasted.trim().length.toLocaleString('en')}.`,
    );
    expect(box(testId).value).toBe(pasted);
  };

  it('a session agenda point', async () => {
    const onAdd = added();
    await show(<Agenda points={[]} theirName="Bob" ended={false} onToggle={added()} onAdd={onAdd} />);
    await refusesLong('agenda-add-input', onAdd);
  });

  it('a talking point for the next 1:1', async () => {
    const onAdd = added();
    await show(
      <TalkingPoints points={[]} theirName="Bob" onAdd={onAdd} onMove={added()} onSetStatus={added()} />,
    );
    await refusesLong('talking-point-input', onAdd);
  });

  it('a goal title and a key result', async () => {
    const onAdd = added();
    const onAddKeyResult = added();
    await show(
      <GoalsSection
        goals={[goal]}
        defaultCategory="impact"
        onUpdate={added()}
        onProgress={added()}
        onAdd={onAdd}
        onAddKeyResult={onAddKeyResult}
      />,
    );
    await refusesLong('goal-title-input', onAdd);
    await refusesLong('kr-input', onAddKeyResult);
  });

  it('a career step', async () => {
    const onAddStep = added();
    await show(
      <CareerSection
        parts={['steps']}
        assessment={null}
        steps={[]}
        onAssess={added()}
        onAddStep={onAddStep}
        onSetStepArchived={added()}
      />,
    );
    await refusesLong('career-step-input', onAddStep);
  });

  it('exactly 1,000 characters are added', async () => {
    const onAdd = added();
    await show(<Agenda points={[]} theirName="Bob" ended={false} onToggle={added()} onAdd={onAdd} />);
    const pasted = 'y'.repeat(1000);
    await paste(box('agenda-add-input'), pasted);
    await submit(box('agenda-add-input'));
    expect(onAdd).toHaveBeenCalledWith(pasted);
  });
});

describe('a blank Add says what to write (white space, or invisible characters only)', () => {
  const blanks = ['   ', '\u200b', ' \u200d\ufeff\u2060 '];

  it.each(blanks)('the session agenda: %j', async (blank) => {
    const onAdd = added();
    await show(<Agenda points={[]} theirName="Bob" ended={false} onToggle={added()} onAdd={onAdd} />);
    await paste(box('agenda-add-input'), blank);
    await submit(box('agenda-add-input'));
    expect(onAdd).not.toHaveBeenCalled();
    expect(alerts()).toEqual(['Write the talking point first.']);
    expect(box('agenda-add-input').value).toBe(blank);
  });

  it.each(blanks)('a career step: %j', async (blank) => {
    const onAddStep = added();
    await show(
      <CareerSection
        parts={['steps']}
        assessment={null}
        steps={[]}
        onAssess={added()}
        onAddStep={onAddStep}
        onSetStepArchived={added()}
      />,
    );
    await paste(box('career-step-input'), blank);
    await submit(box('career-step-input'));
    expect(onAddStep).not.toHaveBeenCalled();
    expect(alerts()).toEqual(['Write the action step first.']);
  });

  it.each(blanks)('a key result: %j', async (blank) => {
    const onAddKeyResult = added();
    await show(
      <GoalsSection
        goals={[goal]}
        defaultCategory="impact"
        onUpdate={added()}
        onProgress={added()}
        onAdd={added()}
        onAddKeyResult={onAddKeyResult}
      />,
    );
    await paste(box('kr-input'), blank);
    await submit(box('kr-input'));
    expect(onAddKeyResult).not.toHaveBeenCalled();
    expect(alerts()).toEqual(['Write the key result first.']);
  });

  it('feedback and a talking point made only of a zero-width space', async () => {
    const onFeedback = added();
    await show(<FeedbackSection feedback={[]} theirName="Bob" onAdd={onFeedback} />);
    await paste(box('feedback-text'), '\u200b');
    await submit(box('feedback-text'));
    expect(onFeedback).not.toHaveBeenCalled();
    expect(alerts()).toEqual(['Write the feedback first.']);

    const onPoint = added();
    await show(
      <TalkingPoints points={[]} theirName="Bob" onAdd={onPoint} onMove={added()} onSetStatus={added()} />,
    );
    await paste(box('talking-point-input'), '\u200b');
    await submit(box('talking-point-input'));
    expect(onPoint).not.toHaveBeenCalled();
    expect(alerts()).toEqual(['Write the talking point first.']);
  });

  it('an agreement line of invisible characters asks for one', async () => {
    const onAdd = added();
    await show(<CaptureLine counterpartNames={['Sam Lee']} theirLabel="Sam" locale="en" onAdd={onAdd} />);
    await paste(box('capture-input'), '\u200b\u200b');
    await submit(box('capture-input'));
    expect(onAdd).not.toHaveBeenCalled();
    expect(container().querySelector('[data-testid=capture-error]')!.textContent).toBe(
      'Type what was agreed, e.g. “Sam: send the draft by Friday”.',
    );
  });

  it('tracking a 1:1 with a name of invisible characters only is refused', () => {
    const draft = { email: '', relation: 'report', kind: 'one-on-one', cadenceDays: 14 } as const;
    for (const name of ['\u200b', ' \u200c ', '\ufeff', '\u2060\u00a0']) {
      expect(checkTrackDraft({ ...draft, name })).toEqual({
        ok: false,
        message: 'Write the name of the person this 1:1 is with.',
      });
    }
    expect(checkTrackDraft({ ...draft, name: 'Sam' })).toBeNull();
  });
});
