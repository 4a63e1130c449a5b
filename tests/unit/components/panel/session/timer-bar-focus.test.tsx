/** "Finish sections" (or Skip on the last open one) takes the timer's buttons away: focus stays in the bar. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { TimerBar } from '@/components/panel/session/TimerBar';
import { nextSection, skipSection, startTimer } from '@/lib/domain/session-timer';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid="${testId}"]`);

function Bar() {
  const [timer, setTimer] = useState(() => startTimer(['a', 'b'], [5, 5], Date.now()));
  return (
    <TimerBar
      timer={timer}
      titleOf={(id) => id.toUpperCase()}
      onStep={(step) => {
        // As the store does: the new state comes back a moment later.
        const next = step === 'skip' ? skipSection : nextSection;
        setTimeout(() => setTimer((now) => next(now, Date.now())), 5);
      }}
      onJump={() => undefined}
    />
  );
}

describe('TimerBar focus', () => {
  for (const button of ['timer-next', 'timer-skip'] as const) {
    it(`the last section ended with ${button}: focus on what the timer says now`, async () => {
      await act(() => {
        render(<Bar />, container());
      });
      await act(() => q('timer-next')!.click());
      await vi.waitFor(() => expect(q('timer-section')?.textContent).toBe('B'));
      q(button)!.focus();
      await act(() => q(button)!.click());
      await vi.waitFor(() => expect(q('timer-next')).toBeNull());
      await vi.waitFor(() => expect(document.activeElement).toBe(q('timer-section')));
    });
  }
});
