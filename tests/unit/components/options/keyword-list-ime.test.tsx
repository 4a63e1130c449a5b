/**
 * Enter pressed to confirm a Japanese, Chinese or Korean IME composition picks the candidate: it does not add
 * the keyword (half-converted text would be added). Enter after the composition adds it.
 */
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { KeywordList } from '@/components/options/KeywordList';
import { all, q, type, until, useMount } from './helpers';

const mount = useMount();

function List({ onChange }: { onChange: () => void }) {
  const [keywords, setKeywords] = useState<readonly string[]>([]);
  return (
    <KeywordList
      id="kw"
      label="Keywords"
      hint="Words in a title"
      keywords={keywords}
      otherKeywords={[]}
      otherListName="the other list"
      onChange={async (update) => {
        onChange();
        setKeywords((current) => update(current));
      }}
    />
  );
}

async function keydown(element: Element, init: KeyboardEventInit): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  await act(() => {
    element.dispatchEvent(event);
  });
  return event;
}

describe('KeywordList and IME input', () => {
  it('Enter that confirms a composition adds nothing; the Enter after it adds the keyword', async () => {
    const onChange = vi.fn();
    const root = await mount(<List onChange={onChange} />);
    const input = q<HTMLInputElement>(root, 'kw-input');
    await type(input, '面談');
    // Chrome and Firefox: isComposing; Safari: only keyCode 229 on the confirming keydown.
    const composing = await keydown(input, { key: 'Enter', isComposing: true, keyCode: 229 });
    const safari = await keydown(input, { key: 'Enter', keyCode: 229 });
    expect(composing.defaultPrevented).toBe(false);
    expect(safari.defaultPrevented).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onChange).not.toHaveBeenCalled();
    expect(all(root, 'kw-chip')).toHaveLength(0);
    expect(input.value).toBe('面談');

    await keydown(input, { key: 'Enter', keyCode: 13 });
    await until(() => expect(all(root, 'kw-chip')).toHaveLength(1));
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
