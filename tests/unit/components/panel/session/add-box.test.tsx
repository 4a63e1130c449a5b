import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useAddBox } from '@/components/panel/session/kept-drafts';
import type { ActionResult } from '@/components/panel/calendar/view-types';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();

/** The agenda's add box, read live through the returned object (it follows each render). */
async function mountBox(
  onAdd: (text: string) => Promise<ActionResult>,
): Promise<ReturnType<typeof useAddBox>> {
  const live = {} as ReturnType<typeof useAddBox>;
  function Probe() {
    Object.assign(live, useAddBox('agenda', onAdd));
    return null;
  }
  await act(() => {
    render(<Probe />, container());
  });
  return live;
}

describe('useAddBox', () => {
  it('adds once when Enter or Add is pressed again while the first add is saving', async () => {
    let finish: (result: ActionResult) => void = () => {};
    const onAdd = vi.fn(() => new Promise<ActionResult>((resolve) => (finish = resolve)));
    const box = await mountBox(onAdd);
    await act(() => box.setText('Promotion case'));
    let first!: Promise<void>;
    let second!: Promise<void>;
    await act(() => {
      first = box.add();
      second = box.add();
    });
    expect(onAdd).toHaveBeenCalledTimes(1);
    await act(async () => {
      finish({ ok: true });
      await first;
      await second;
    });
    expect(box.text).toBe('');
    // Once saved, the next text is added again.
    await act(() => box.setText('Next one'));
    await act(() => {
      void box.add();
    });
    expect(onAdd).toHaveBeenCalledTimes(2);
  });

  it('adds a different line typed while the first one is saving', async () => {
    const finishers: ((result: ActionResult) => void)[] = [];
    const onAdd = vi.fn((_text: string) => new Promise<ActionResult>((resolve) => finishers.push(resolve)));
    const box = await mountBox(onAdd);
    await act(() => box.setText('First'));
    let first!: Promise<void>;
    await act(() => {
      first = box.add();
    });
    await act(() => box.setText('Second'));
    let second!: Promise<void>;
    await act(() => {
      second = box.add();
    });
    expect(onAdd.mock.calls.map(([text]) => text)).toEqual(['First', 'Second']);
    await act(async () => {
      for (const finish of finishers) finish({ ok: true });
      await first;
      await second;
    });
    expect(box.text).toBe('');
  });
});
