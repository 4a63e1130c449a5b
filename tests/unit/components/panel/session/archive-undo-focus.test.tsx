/**
 * Archiving a goal (or marking a career step done) and its Undo each take away the button just pressed:
 * focus goes to the Undo, then back to the item's own button, not to the page's body.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { CareerSection } from '@/components/panel/session/CareerSection';
import { GoalsSection } from '@/components/panel/session/GoalsSection';
import type { Goal } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid=${testId}]`);
const ok = () => Promise.resolve({ ok: true as const });

const goal: Goal = {
  id: 'g1',
  relationshipId: 'r1',
  category: 'impact',
  title: 'Ship search v2',
  keyResults: [],
  status: 'on-track',
  targetDate: null,
  archived: false,
  createdAt: 1,
  updatedAt: 1,
};

/** The live list: an archived goal leaves it, and comes back with its Undo (a moment later, as the store's). */
function useLiveGoals() {
  const [archived, setArchived] = useState(false);
  const set = (value: boolean) => {
    setTimeout(() => setArchived(value), 5);
    return ok();
  };
  return { shown: archived ? [] : [goal], set };
}

function Goals() {
  const { shown, set } = useLiveGoals();
  return (
    <GoalsSection
      goals={shown}
      defaultCategory="impact"
      onUpdate={(_id, patch) => (patch.archived === undefined ? ok() : set(patch.archived))}
      onProgress={ok}
      onAdd={ok}
      onAddKeyResult={ok}
    />
  );
}

function Career() {
  const { shown, set } = useLiveGoals();
  return (
    <CareerSection
      parts={['steps']}
      assessment={null}
      steps={shown}
      onAssess={ok}
      onAddStep={ok}
      onSetStepArchived={(_id, archived) => set(archived)}
    />
  );
}

describe('archive and Undo keep keyboard focus', () => {
  it('a goal archived: focus on Undo; Undo: focus back on the goal’s Archive', async () => {
    await act(() => {
      render(<Goals />, container());
    });
    q('goal-archive')!.focus();
    await act(() => q('goal-archive')!.click());
    await vi.waitFor(() => expect(q('session-goal')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(q('goal-undo')));
    await act(() => q('goal-undo')!.click());
    await vi.waitFor(() => expect(q('session-goal')).not.toBeNull());
    expect(q('goal-undo')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(q('goal-archive')));
  });

  it('a career step done: focus on Undo; Undo: focus back on the step’s Done', async () => {
    await act(() => {
      render(<Career />, container());
    });
    q('career-step-done')!.focus();
    await act(() => q('career-step-done')!.click());
    await vi.waitFor(() => expect(q('career-step')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(q('career-step-undo')));
    await act(() => q('career-step-undo')!.click());
    await vi.waitFor(() => expect(q('career-step')).not.toBeNull());
    expect(q('career-step-undo')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(q('career-step-done')));
  });
});

/** A live list the test moves itself: the goal comes back only when `back()` is called. */
function heldList() {
  let show: (value: boolean) => void = () => undefined;
  function useHeld() {
    const [archived, setArchived] = useState(false);
    show = setArchived;
    const set = (value: boolean) => {
      if (value) setArchived(true);
      return ok();
    };
    return { shown: archived ? [] : [goal], set };
  }
  return { useHeld, back: () => act(() => show(false)) };
}

describe('Undo whose item comes back late: focus stays where the user went meanwhile', () => {
  it('a goal back after the user moved to another box: focus stays in that box', async () => {
    const list = heldList();
    function HeldGoals() {
      const { shown, set } = list.useHeld();
      return (
        <GoalsSection
          goals={shown}
          defaultCategory="impact"
          onUpdate={(_id, patch) => (patch.archived === undefined ? ok() : set(patch.archived))}
          onProgress={ok}
          onAdd={ok}
          onAddKeyResult={ok}
        />
      );
    }
    await act(() => {
      render(<HeldGoals />, container());
    });
    q('goal-archive')!.focus();
    await act(() => q('goal-archive')!.click());
    await vi.waitFor(() => expect(document.activeElement).toBe(q('goal-undo')));
    await act(() => q('goal-undo')!.click());
    await vi.waitFor(() => expect(q('goal-undo')).toBeNull());
    const box = document.createElement('input');
    document.body.append(box);
    box.focus();
    await list.back();
    expect(q('session-goal')).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(box);
    box.remove();
  });

  it('a career step back after the user moved to another box: focus stays in that box', async () => {
    const list = heldList();
    function HeldCareer() {
      const { shown, set } = list.useHeld();
      return (
        <CareerSection
          parts={['steps']}
          assessment={null}
          steps={shown}
          onAssess={ok}
          onAddStep={ok}
          onSetStepArchived={(_id, archived) => set(archived)}
        />
      );
    }
    await act(() => {
      render(<HeldCareer />, container());
    });
    q('career-step-done')!.focus();
    await act(() => q('career-step-done')!.click());
    await vi.waitFor(() => expect(document.activeElement).toBe(q('career-step-undo')));
    await act(() => q('career-step-undo')!.click());
    await vi.waitFor(() => expect(q('career-step-undo')).toBeNull());
    const box = document.createElement('input');
    document.body.append(box);
    box.focus();
    await list.back();
    expect(q('career-step')).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(box);
    box.remove();
  });
});
