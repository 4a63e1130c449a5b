/**
 * A session that fails to start (the disk is full, or storage hiccups) is tried again every few seconds:
 * once it starts, the session panel appears without a reload — in Meet the user gets somewhere to write
 * mid-call. The message while it waits says so.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionPanel } from '@/components/panel/session/SessionPanel';
import * as db from '@/lib/db';
import { createPerson, createRelationship } from '@/lib/db';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid=${testId}]`);

afterEach(() => vi.restoreAllMocks());

async function relationship() {
  const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
  return createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Alice / Bob' });
}

async function show(relationshipId: string) {
  await act(() =>
    render(
      <SessionPanel
        target={{ relationshipId, meetCode: 'abc-defg-hij', calendarEventId: null }}
        mode="call"
        presenting={false}
      />,
      container(),
    ),
  );
}

describe('a live session that fails to start', () => {
  it.each<[string, () => Error]>([
    ['the disk is full', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['an unknown failure', () => new Error('boom')],
  ])(
    'starts on its own once it can (%s)',
    async (_, error) => {
      const { id } = await relationship();
      const starts = vi.spyOn(db, 'startLiveSession').mockRejectedValueOnce(error());
      await show(id);
      await vi.waitFor(() => expect(q('session-error')).not.toBeNull());
      expect(q('session-error')!.textContent).toMatch(/tries again|trying again/i);
      expect(q('session-error')!.textContent).not.toMatch(/Nothing you typed|Your text is still here/);
      await vi.waitFor(() => expect(q('session-with')).not.toBeNull(), { timeout: 8000, interval: 100 });
      expect(q('session-error')).toBeNull();
      expect(starts).toHaveBeenCalledTimes(2);
    },
    15_000,
  );

  it('says a full disk is what stops it', async () => {
    const { id } = await relationship();
    vi.spyOn(db, 'startLiveSession').mockRejectedValue(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    await show(id);
    await vi.waitFor(() => expect(q('session-error')).not.toBeNull());
    expect(q('session-error')!.textContent).toMatch(/no storage space left/);
    expect(q('session-error')!.textContent).toMatch(/couldn.t start/);
  });
});
