/**
 * Keyboard focus in the agreement list when the focused button leaves with its own action: "Still open"
 * (it goes once the agreement is reviewed) and "Undo" (its note goes once the agreement is back). Focus stays
 * in the section instead of falling to the page's body.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
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
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid=${testId}]`);
const ok = () => Promise.resolve({ ok: true as const });

/** The list as a live session shows it: reviewed agreements lose "Still open"; done ones leave until Undo. */
function Live() {
  const [reviewed, setReviewed] = useState(false);
  const [open, setOpen] = useState(true);
  return (
    <AgreementList
      agreements={open ? [agreement] : []}
      people={[{ name: 'Bob' }]}
      today={TODAY}
      onDone={() => {
        setOpen(false);
        return ok();
      }}
      onRenegotiate={ok}
      onDrop={ok}
      onReopen={() => {
        setOpen(true);
        return ok();
      }}
      onStillOpen={() => {
        setReviewed(true);
        return ok();
      }}
      reviewedInSession={() => reviewed}
    />
  );
}

async function show() {
  await act(() => {
    render(<Live />, container());
  });
}

describe('AgreementList keeps focus when the focused button leaves', () => {
  it('"Still open" hands focus to the row\'s Done button', async () => {
    await show();
    q('agreement-still-open')!.focus();
    await act(() => q('agreement-still-open')!.click());
    await vi.waitFor(() => expect(q('agreement-reviewed')).not.toBeNull());
    expect(q('agreement-still-open')).toBeNull();
    // Once the row is drawn again, Done enabled (effects run after the paint).
    await vi.waitFor(() => expect(document.activeElement).toBe(q('agreement-done')));
  });

  it('Undo after Done hands focus to the section heading', async () => {
    await show();
    await act(() => q('agreement-done')!.click());
    await vi.waitFor(() => expect(q('agreement-undo')).not.toBeNull());
    q('agreement-undo')!.focus();
    await act(() => q('agreement-undo')!.click());
    await vi.waitFor(() => expect(q('agreement-undo')).toBeNull());
    expect(q('agreement-item')).not.toBeNull();
    expect(document.activeElement).toBe(container().querySelector('#agreements-title'));
  });
});
