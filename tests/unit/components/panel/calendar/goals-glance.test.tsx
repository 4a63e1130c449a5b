/** Goals at a glance in the Calendar panel: a career action step says by when it is due. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { GoalsGlance } from '@/components/panel/calendar/GoalsGlance';
import { formatDay } from '@/components/shared/format';
import { dayOf } from '@/lib/domain/days';
import type { Goal } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();

const goal = (changes: Partial<Goal>): Goal => ({
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
  ...changes,
});

describe('GoalsGlance', () => {
  it('gives a goal’s target day after its category, and nothing for a goal without one', async () => {
    await act(() =>
      render(
        <GoalsGlance
          goals={[
            goal({
              id: 'g1',
              category: 'personal-development',
              title: 'Lead the Q2 planning review',
              targetDate: '2026-06-30',
            }),
            goal({ id: 'g2' }),
          ]}
        />,
        container(),
      ),
    );
    const items = [...container().querySelectorAll<HTMLElement>('[data-testid=goal-item]')];
    const by = `by ${formatDay('2026-06-30', dayOf(Date.now()))}`;
    expect(items[0]!.querySelector('[data-testid=goal-target]')?.textContent).toBe(by);
    expect(items[0]!.querySelector('[data-testid=goal-category]')?.textContent).toBe(
      `Personal development · ${by}`,
    );
    expect(items[1]!.querySelector('[data-testid=goal-target]')).toBeNull();
    expect(items[1]!.querySelector('[data-testid=goal-category]')?.textContent).toBe('Impact');
  });
});
