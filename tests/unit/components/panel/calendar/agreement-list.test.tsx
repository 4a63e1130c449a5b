/** Keyboard focus in the agreement list: a closed form hands focus back to the button that opened it. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { AgreementList } from '@/components/panel/calendar/AgreementList';
import type { Day } from '@/lib/domain/days';
import type { Agreement } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const TODAY = '2026-03-23' as Day;
const agreement: Agreement = {
  id: 'a1',
  relationshipId: 'r1',
  owner: 'them',
  ownerName: '',
  text: 'Send the draft',
  dueDate: '2026-03-27' as Day,
  status: 'open',
  madeInSessionId: null,
  history: [],
  closedAt: null,
  createdAt: 1,
  updatedAt: 1,
};
const container = useRenderContainer();

async function show(
  onRenegotiate = vi.fn(() => Promise.resolve({ ok: true as const })),
  shown: Agreement = agreement,
) {
  const ok = () => Promise.resolve({ ok: true as const });
  await act(() => {
    render(
      <AgreementList
        agreements={[shown]}
        people={[{ name: 'Bob' }]}
        today={TODAY}
        onDone={ok}
        onRenegotiate={onRenegotiate}
        onDrop={ok}
      />,
      container(),
    );
  });
  return onRenegotiate;
}
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid=${testId}]`);

describe('AgreementList focus', () => {
  it('names each action after its agreement for screen readers', async () => {
    await show();
    expect(q('agreement-done')!.getAttribute('aria-label')).toBe('Done: Send the draft');
    expect(q('agreement-renegotiate')!.getAttribute('aria-label')).toBe('Renegotiate: Send the draft');
    expect(q('agreement-drop')!.getAttribute('aria-label')).toBe('Drop: Send the draft');
  });

  it('Escape closes the drop form and focus returns to Drop', async () => {
    await show();
    await act(() => q('agreement-drop')!.click());
    expect(document.activeElement).toBe(q('agreement-drop-reason'));
    await act(() => {
      q('agreement-drop-reason')!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      );
    });
    expect(q('drop-form')).toBeNull();
    expect(document.activeElement).toBe(q('agreement-drop'));
  });

  it('Escape that cancels an IME candidate (Japanese, Chinese, Korean) leaves the drop form open', async () => {
    await show();
    await act(() => q('agreement-drop')!.click());
    const reason = q('agreement-drop-reason') as HTMLInputElement;
    await act(() => {
      reason.value = '優先度が';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    for (const init of [{ isComposing: true, keyCode: 229 }, { keyCode: 229 }]) {
      const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, ...init });
      await act(() => {
        q('agreement-drop-reason')!.dispatchEvent(event);
      });
      expect(event.defaultPrevented).toBe(false);
      expect(q('drop-form')).not.toBeNull();
    }
    expect((q('agreement-drop-reason') as HTMLInputElement).value).toBe('優先度が');
    expect(document.activeElement).toBe(q('agreement-drop-reason'));
  });

  it('a saved new date closes the form and focus returns to Renegotiate', async () => {
    const onRenegotiate = await show();
    await act(() => q('agreement-renegotiate')!.click());
    const date = q('agreement-new-due') as HTMLInputElement;
    expect(document.activeElement).toBe(date);
    await act(async () => {
      date.value = '2026-04-03';
      date.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      q('renegotiate-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(q('renegotiate-form')).toBeNull());
    expect(onRenegotiate).toHaveBeenCalledWith('a1', '2026-04-03');
    expect(document.activeElement).toBe(q('agreement-renegotiate'));
  });

  it('Renegotiate starts from the due date as it is now, not as it was when the row first drew', async () => {
    await show();
    // The date moved elsewhere (the popup, Meet, another tab): the live list draws the row again.
    await show(undefined, { ...agreement, dueDate: '2026-04-10' as Day });
    await act(() => q('agreement-renegotiate')!.click());
    expect((q('agreement-new-due') as HTMLInputElement).value).toBe('2026-04-10');
  });
});
