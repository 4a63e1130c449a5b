/**
 * A choice made beside a one-line box (feedback given or received, a new goal's category, the owner and
 * date picked for an agreement) comes back with the box's text after the boxes were hidden (presenting),
 * so the text is not added with the choice reset: feedback received filed as given, a team goal as an OKR.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SessionPanel } from '@/components/panel/session/SessionPanel';
import { createPerson, createRelationship, getDatabase, goalsOf, startLiveSession } from '@/lib/db';
import { useRenderContainer } from '../../../helpers/dom-container';

const CODE = 'abc-defg-hij';
const container = useRenderContainer();
const $ = <E extends Element = HTMLElement>(selector: string) => container().querySelector<E>(selector);

async function structuredOneOnOne() {
  const person = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
  const relationship = await createRelationship({
    personIds: [person.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
    templateId: 'builtin:structured-50',
  });
  const session = await startLiveSession({ relationshipId: relationship.id, meetCode: CODE });
  return { relationship, session };
}

const show = (relationshipId: string, presenting = false) =>
  act(() =>
    render(
      <SessionPanel
        target={{ relationshipId, meetCode: CODE, calendarEventId: null }}
        mode="call"
        presenting={presenting}
      />,
      container(),
    ),
  );

async function type(element: HTMLInputElement | HTMLTextAreaElement | null, text: string) {
  if (!element) throw new Error('no box');
  await act(() => {
    element.value = text;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function choose(select: HTMLSelectElement | null, value: string) {
  if (!select) throw new Error('no select');
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const submit = (form: Element | null) =>
  form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

const directionButton = (label: RegExp) =>
  [
    ...container().querySelectorAll<HTMLButtonElement>('[data-testid=session-feedback] .cal-toggle-button'),
  ].find((button) => label.test(button.textContent ?? ''))!;

describe('choices beside a box survive presenting', () => {
  it('feedback received, a team goal and an agreement’s owner are added as chosen', async () => {
    const { relationship, session } = await structuredOneOnOne();
    await show(relationship.id);
    await vi.waitFor(() => expect($('[data-testid=feedback-text]')).not.toBeNull(), { timeout: 5000 });

    await act(() => directionButton(/received/i).click());
    await type($('[data-testid=feedback-text]'), 'Reviews come too late in the week');
    await choose($('[data-testid=goal-category-input]'), 'team');
    await type($('[data-testid=goal-title-input]'), 'Grow two seniors');
    await type($('[data-testid=capture-input]'), 'Bob: send the deck by Friday');
    await vi.waitFor(() => expect($<HTMLSelectElement>('[data-testid=capture-owner]')?.value).toBe('them'));
    await choose($('[data-testid=capture-owner]'), 'both');

    await show(relationship.id, true);
    expect($('[data-testid=feedback-text]')).toBeNull();
    await show(relationship.id);
    await vi.waitFor(() => expect($('[data-testid=feedback-text]')).not.toBeNull());

    // What is on screen is what will be added.
    expect(directionButton(/received/i).getAttribute('aria-pressed')).toBe('true');
    expect($<HTMLSelectElement>('[data-testid=goal-category-input]')?.value).toBe('team');
    expect($<HTMLSelectElement>('[data-testid=capture-owner]')?.value).toBe('both');

    await act(() => $<HTMLButtonElement>('[data-testid=feedback-add]')!.click());
    await act(() => void submit($('[data-testid=goal-form]')));
    await act(() => void submit($('[data-testid=capture-form]')));
    await vi.waitFor(async () => {
      expect(await getDatabase().feedback.toArray()).toEqual([
        expect.objectContaining({ direction: 'received', text: 'Reviews come too late in the week' }),
      ]);
      expect(await goalsOf(relationship.id)).toEqual([
        expect.objectContaining({ category: 'team', title: 'Grow two seniors' }),
      ]);
      expect(await getDatabase().agreements.where('madeInSessionId').equals(session.id).toArray()).toEqual([
        expect.objectContaining({ owner: 'both', text: 'Send the deck' }),
      ]);
    });
  });

  it('a kept choice that is not a known value is ignored (the default shows)', async () => {
    const { relationship, session } = await structuredOneOnOne();
    localStorage.setItem(
      `duet-journal:boxes:${session.id}`,
      JSON.stringify({
        'feedback:direction': 'sideways',
        'goal:category': 'nope',
        'capture:choices': '{"owner":1}',
      }),
    );
    await show(relationship.id);
    await vi.waitFor(() => expect($('[data-testid=feedback-text]')).not.toBeNull(), { timeout: 5000 });
    expect(directionButton(/given/i).getAttribute('aria-pressed')).toBe('true');
    expect($<HTMLSelectElement>('[data-testid=goal-category-input]')?.value).toBe('okr');
    await type($('[data-testid=capture-input]'), 'Bob: send the deck');
    await vi.waitFor(() => expect($<HTMLSelectElement>('[data-testid=capture-owner]')?.value).toBe('them'));
  });
});
