/** "Start prep" is replaced by its result: keyboard focus moves to the card's title, not the page's body. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { PrepCard } from '@/components/panel/calendar/PrepCard';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid=${testId}]`);

function Prep() {
  const [carried, setCarried] = useState<number | null>(null);
  return (
    <PrepCard
      session={undefined}
      template={undefined}
      carried={carried}
      onStart={() => {
        setCarried(2);
        return Promise.resolve({ ok: true });
      }}
      onStartSession={() => undefined}
    />
  );
}

describe('PrepCard focus', () => {
  it('"Start prep" done: focus on the card title', async () => {
    await act(() => {
      render(<Prep />, container());
    });
    q('start-prep')!.focus();
    await act(() => q('start-prep')!.click());
    await vi.waitFor(() => expect(q('prep-result')).not.toBeNull());
    expect(q('start-prep')).toBeNull();
    const title = container().querySelector('#cal-prep-title');
    expect(title?.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(title);
  });
});
