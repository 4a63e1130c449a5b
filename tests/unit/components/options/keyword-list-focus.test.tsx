/** A keyword chip's × leaves with its chip: focus moves to the next chip's ×, or the field, never the body. */
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { KeywordList } from '@/components/options/KeywordList';
import { all, click, q, useMount } from './helpers';

const mount = useMount();

function List({ initial }: { initial: string[] }) {
  const [keywords, setKeywords] = useState<readonly string[]>(initial);
  return (
    <KeywordList
      id="kw"
      label="Keywords"
      hint="Words in a title"
      keywords={keywords}
      otherKeywords={[]}
      otherListName="the other list"
      onChange={async (update) => {
        // As storage does: the list comes back changed a moment later.
        await new Promise((resolve) => setTimeout(resolve, 5));
        setKeywords((current) => update(current));
      }}
    />
  );
}

const removeButtons = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('.chip-remove')];

describe('KeywordList focus', () => {
  it('removing a chip focuses the next chip’s ×, then the last one’s, then the field', async () => {
    const root = await mount(<List initial={['sync', 'catch-up', 'check-in']} />);
    removeButtons(root)[1]!.focus();
    await click(removeButtons(root)[1]!);
    await vi.waitFor(() => expect(all(root, 'kw-chip')).toHaveLength(2));
    // "check-in" moved into its place.
    await vi.waitFor(() => expect(document.activeElement).toBe(removeButtons(root)[1]));
    expect(document.activeElement?.getAttribute('aria-label')).toContain('check-in');

    await click(removeButtons(root)[1]!);
    await vi.waitFor(() => expect(all(root, 'kw-chip')).toHaveLength(1));
    await vi.waitFor(() => expect(document.activeElement).toBe(removeButtons(root)[0]));

    await click(removeButtons(root)[0]!);
    await vi.waitFor(() => expect(all(root, 'kw-chip')).toHaveLength(0));
    await vi.waitFor(() => expect(document.activeElement).toBe(q(root, 'kw-input')));
  });
});
