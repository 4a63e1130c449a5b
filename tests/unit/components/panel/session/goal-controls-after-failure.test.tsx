/**
 * A goal's status or a key result's progress that could not be saved goes back to what is stored — even
 * when the error shown is the one already there (nothing else re-draws the control): the slider never
 * reads 60% while its label and the database say 0%.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { GoalsSection } from '@/components/panel/session/GoalsSection';
import type { Goal } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();
const q = <T extends HTMLElement>(testId: string) => container().querySelector<T>(`[data-testid=${testId}]`)!;
const ok = () => Promise.resolve({ ok: true as const });
const FULL = 'Your browser has no storage space left for Duet.';
const failing = () => Promise.resolve({ ok: false as const, message: FULL });

const goal: Goal = {
  id: 'g1',
  relationshipId: 'r1',
  category: 'okr',
  title: 'Ship search v2',
  keyResults: [{ id: 'kr1', text: 'Latency under 200 ms', progress: 0 }],
  status: 'on-track',
  targetDate: null,
  archived: false,
  createdAt: 1,
  updatedAt: 1,
};

async function show(onUpdate = vi.fn(failing), onProgress = vi.fn(failing)) {
  await act(() =>
    render(
      <GoalsSection
        goals={[goal]}
        defaultCategory="okr"
        onUpdate={onUpdate}
        onProgress={onProgress}
        onAdd={ok}
        onAddKeyResult={ok}
      />,
      container(),
    ),
  );
  return { onUpdate, onProgress };
}

async function change(element: HTMLInputElement | HTMLSelectElement, value: string) {
  await act(async () => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
    await Promise.resolve();
  });
}

describe('GoalsSection after a failed save', () => {
  it('puts the slider back to the stored progress, the second time too', async () => {
    const { onProgress } = await show();
    const slider = q<HTMLInputElement>('kr-progress');
    await change(slider, '40');
    await vi.waitFor(() => expect(container().textContent).toContain(FULL));
    expect(slider.value).toBe('0');
    await change(slider, '60');
    await vi.waitFor(() => expect(onProgress).toHaveBeenCalledTimes(2));
    await act(() => Promise.resolve());
    expect(slider.value).toBe('0');
    expect(container().querySelector('.ses-kr-value')!.textContent).toBe('0%');
  });

  it('puts the status back to the stored one, the second time too', async () => {
    const { onUpdate } = await show();
    const status = q<HTMLSelectElement>('goal-status');
    await change(status, 'behind');
    await vi.waitFor(() => expect(container().textContent).toContain(FULL));
    expect(status.value).toBe('on-track');
    await change(status, 'ahead');
    await vi.waitFor(() => expect(onUpdate).toHaveBeenCalledTimes(2));
    await act(() => Promise.resolve());
    expect(status.value).toBe('on-track');
  });
});
