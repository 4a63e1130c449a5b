/**
 * The popup's writes load the data layer first. When that fails (Duet was updated under the open popup),
 * each write answers as a failed one does, with a message, so its button never stays stuck.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPopupSource } from '@/components/popup/popup-source';

vi.mock('@/components/popup/popup-live', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('popup writes without the data layer', () => {
  it('answer with a message instead of throwing', async () => {
    const { actions } = createPopupSource();
    const failed = { ok: false, message: expect.stringMatching(/\w/) as unknown };
    expect(await actions.done('a-1')).toEqual(failed);
    expect(await actions.undoDone('a-1')).toEqual(failed);
    expect(await actions.cancelSession('s-1')).toEqual(failed);
    expect(await actions.addPoint('r-1', 'Promotion case')).toEqual(failed);
  });
});
