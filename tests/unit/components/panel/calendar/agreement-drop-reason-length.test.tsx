/**
 * The Drop reason box cuts nothing short (no maxLength): a reason longer than an agreement's note holds is
 * refused with a message naming the limit and its length, the text kept in the box.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { AgreementList } from '@/components/panel/calendar/AgreementList';
import type { Day } from '@/lib/domain/days';
import type { Agreement } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

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
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid=${testId}]`);

async function show() {
  const onDrop = vi.fn(() => Promise.resolve({ ok: true as const }));
  const ok = () => Promise.resolve({ ok: true as const });
  await act(() =>
    render(
      <AgreementList
        agreements={[agreement]}
        people={[{ name: 'Bob' }]}
        today={'2026-03-23' as Day}
        onDone={ok}
        onRenegotiate={ok}
        onDrop={onDrop}
      />,
      container(),
    ),
  );
  await act(() => q('agreement-drop')!.click());
  return onDrop;
}

async function type(text: string) {
  const box = q('agreement-drop-reason') as HTMLInputElement;
  await act(() => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return box;
}

describe('Drop reason length', () => {
  it('has no maxLength that would cut a paste short', async () => {
    await show();
    expect(q('agreement-drop-reason')!.hasAttribute('maxlength')).toBe(false);
  });

  it('refuses a reason over 1,000 characters, naming the limit and its length; the text stays', async () => {
    const onDrop = await show();
    const long = 'because '.repeat(150).trim();
    const box = await type(long);
    await act(() => q('agreement-confirm')!.click());
    expect(onDrop).not.toHaveBeenCalled();
    expect(q('agreement-error')!.textContent).toContain('1,000');
    expect(q('agreement-error')!.textContent).toContain(new Intl.NumberFormat('en').format(long.length));
    expect(box.value).toBe(long);
    expect(q('drop-form')).not.toBeNull();
  });

  it('drops with a reason that fits', async () => {
    const onDrop = await show();
    await type('Priorities changed');
    await act(() => q('agreement-confirm')!.click());
    await vi.waitFor(() => expect(onDrop).toHaveBeenCalledWith('a1', 'Priorities changed'));
  });
});
