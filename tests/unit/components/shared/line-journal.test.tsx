/** A one-line box's text journalled to the extension origin's localStorage, one line per key. */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readLine, type SetLine, useJournalledLine, writeLine } from '@/components/shared/line-journal';
import { journalClearAll } from '@/components/shared/note-journal';
import { useRenderContainer } from '../../helpers/dom-container';

const container = useRenderContainer();
beforeEach(() => localStorage.clear());

let setLine!: SetLine;
function Box({ lineKey, choice }: { lineKey: string | null; choice?: string }) {
  const [text, setText] = useJournalledLine(lineKey, choice);
  setLine = setText;
  return <input value={text} data-testid="box" />;
}
const box = () => container().querySelector<HTMLInputElement>('[data-testid="box"]')!;
const show = (node: ComponentChild) =>
  act(() => {
    render(node, container());
  });

describe('useJournalledLine', () => {
  it('writes each change at once, under the journal prefix, and forgets an emptied line', async () => {
    await show(<Box lineKey="talking-points:r1" />);
    await act(() => setLine('Offsite'));
    expect(localStorage.getItem('duet-journal:line:talking-points:r1')).toBe(
      JSON.stringify({ text: 'Offsite' }),
    );
    await act(() => setLine((current) => `${current} budget`));
    expect(box().value).toBe('Offsite budget');
    expect(readLine('talking-points:r1')).toEqual({ text: 'Offsite budget' });
    await act(() => setLine(''));
    expect(localStorage.getItem('duet-journal:line:talking-points:r1')).toBeNull();
  });

  it('shows the line kept for its key, and another key’s own line when the key changes', async () => {
    writeLine('talking-points:r1', { text: 'For Bob' });
    writeLine('talking-points:r2', { text: 'For Carol' });
    await show(<Box lineKey="talking-points:r1" />);
    expect(box().value).toBe('For Bob');
    await show(<Box lineKey="talking-points:r2" />);
    expect(box().value).toBe('For Carol');
    await act(() => setLine('For Carol, more'));
    await show(<Box lineKey="talking-points:r1" />);
    expect(box().value).toBe('For Bob');
    expect(readLine('talking-points:r2')).toEqual({ text: 'For Carol, more' });
  });

  it('keeps the choice beside the text, and follows a change of choice', async () => {
    await show(<Box lineKey="popup-point" choice="rel-bob" />);
    await act(() => setLine('Offsite'));
    expect(readLine('popup-point')).toEqual({ text: 'Offsite', choice: 'rel-bob' });
    await show(<Box lineKey="popup-point" choice="rel-carol" />);
    await vi.waitFor(() => expect(readLine('popup-point')).toEqual({ text: 'Offsite', choice: 'rel-carol' }));
  });

  it('journals nothing without a key', async () => {
    await show(<Box lineKey={null} />);
    await act(() => setLine('Offsite'));
    expect(box().value).toBe('Offsite');
    expect(localStorage.length).toBe(0);
  });

  it('"Delete everything" forgets every line', async () => {
    writeLine('popup-point', { text: 'Offsite', choice: 'rel-bob' });
    writeLine('talking-points:r1', { text: 'For Bob' });
    journalClearAll();
    expect(readLine('popup-point')).toBeNull();
    expect(readLine('talking-points:r1')).toBeNull();
  });

  it('reads an unreadable entry as none, and types on when storage is full', async () => {
    localStorage.setItem('duet-journal:line:popup-point', '{not json');
    expect(readLine('popup-point')).toBeNull();
    await show(<Box lineKey="popup-point" />);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await act(() => setLine('Offsite'));
    expect(box().value).toBe('Offsite');
  });
});
