/** A field that follows the stored value changed on another page, without overwriting what is typed here. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useSyncedDraft } from '@/components/options/use-synced-draft';
import { useRenderContainer } from '../../helpers/dom-container';

const container = useRenderContainer();
let setDraft: (value: string) => void = () => {};

function Field({ stored }: { stored: string }) {
  const [draft, set] = useSyncedDraft(stored);
  setDraft = set;
  return <span>{draft}</span>;
}

const show = (stored: string) =>
  act(() => {
    render(<Field stored={stored} />, container());
  });

describe('useSyncedDraft', () => {
  it('follows the stored value while nothing is typed, and keeps what is typed when it changes', async () => {
    await show('14');
    await show('21'); // another page changed it: nothing typed here, so the field follows
    expect(container().textContent).toBe('21');
    await act(() => setDraft('3'));
    await show('28'); // changed again elsewhere while "3" is typed here: "3" stays
    expect(container().textContent).toBe('3');
    await act(() => setDraft('28')); // typed back to the stored value: follows again
    await show('30');
    expect(container().textContent).toBe('30');
  });
});
