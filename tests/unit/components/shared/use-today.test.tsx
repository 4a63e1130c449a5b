/** A panel left open past midnight: today moves on by itself (the cadence line and due dates count from it). */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useToday } from '@/components/shared/use-today';
import { useRenderContainer } from '../../helpers/dom-container';

const container = useRenderContainer();

function Today() {
  return <span>{useToday()}</span>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useToday', () => {
  it('is today, and tomorrow once the clock passes midnight (twice over)', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date(2026, 2, 23, 23, 59, 30));
    await act(() => {
      render(<Today />, container());
    });
    expect(container().textContent).toBe('2026-03-23');
    await act(() => {
      vi.advanceTimersByTime(20_000);
    });
    expect(container().textContent).toBe('2026-03-23');
    await act(() => {
      vi.advanceTimersByTime(15_000);
    });
    expect(container().textContent).toBe('2026-03-24');
    await act(() => {
      vi.advanceTimersByTime(24 * 60 * 60 * 1000);
    });
    expect(container().textContent).toBe('2026-03-25');
  });

  it('keeps watching when its timer fires before midnight (the clock was set back meanwhile)', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date(2026, 2, 23, 23, 0, 0));
    await act(() => {
      render(<Today />, container());
    });
    // The timer is due at 00:00:01 (in one hour and a second); the wall clock goes back an hour meanwhile.
    vi.setSystemTime(new Date(2026, 2, 23, 22, 0, 0));
    await act(() => {
      vi.advanceTimersByTime(3_601_000);
    });
    expect(container().textContent).toBe('2026-03-23'); // fired at 23:00:01 by the clock: still the 23rd
    await act(() => {
      vi.advanceTimersByTime(3_600_000);
    });
    expect(container().textContent).toBe('2026-03-24');
  });
});
