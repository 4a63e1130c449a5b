import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteList, PopupApp } from '@/components/popup/PopupApp';
import { type RecentNote, saveEventNote } from '@/lib/db';

const XSS_TITLE = '<img src=x onerror=alert(1)>';
const NOW = Date.UTC(2026, 2, 23, 17, 0, 0);

const recent = (sessionId: string, changes: Partial<RecentNote> = {}): RecentNote => ({
  sessionId,
  relationshipTitle: 'Alice / Bob',
  scheduledAt: NOW,
  updatedAt: NOW - 2 * 60 * 60 * 1000,
  text: 'Rollout plan is in review.',
  ...changes,
});

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  await act(() => {
    render(null, container);
  });
  container.remove();
});

describe('NoteList', () => {
  it('renders one item per note with title, relative time and snippet', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    try {
      render(
        <NoteList
          notes={[recent('a'), recent('b', { relationshipTitle: '1:1 Alice <> Carol', text: 'x\n\ny' })]}
        />,
        container,
      );
    } finally {
      vi.useRealTimers();
    }
    const items = container.querySelectorAll('[data-testid="note-item"]');
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('.note-item-title')?.textContent).toBe('Alice / Bob');
    expect(items[0]!.querySelector('time')?.textContent).toBe('2 h ago');
    expect(items[0]!.querySelector('time')?.getAttribute('datetime')).toBe(
      new Date(NOW - 2 * 3600_000).toISOString(),
    );
    expect(items[1]!.querySelector('.note-item-title')?.textContent).toBe('1:1 Alice <> Carol');
    expect(items[1]!.querySelector('.note-item-text')?.textContent).toBe('x y');
  });

  it('renders hostile titles and notes as inert text', () => {
    const script = '<script>window.__pwned = true</script>';
    render(
      <NoteList notes={[recent('a', { relationshipTitle: XSS_TITLE, text: `${XSS_TITLE} ${script}` })]} />,
      container,
    );
    expect(container.querySelectorAll('img, script')).toHaveLength(0);
    expect(container.querySelector('.note-item-title')?.textContent).toBe(XSS_TITLE);
    expect(container.querySelector('.note-item-text')?.textContent).toBe(`${XSS_TITLE} ${script}`);
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('renders right-to-left text, emoji and long titles verbatim', () => {
    const title = `שלום 👋 ${'x'.repeat(2000)}`;
    render(<NoteList notes={[recent('a', { relationshipTitle: title })]} />, container);
    expect(container.querySelector('.note-item-title')?.textContent).toBe(title);
  });

  it('shortens a long note to a 140-character snippet', () => {
    render(<NoteList notes={[recent('a', { text: 'word '.repeat(100) })]} />, container);
    const text = container.querySelector('.note-item-text')?.textContent ?? '';
    expect(text).toHaveLength(140);
    expect(text.endsWith('…')).toBe(true);
  });

  it('renders an empty list for no notes', () => {
    render(<NoteList notes={[]} />, container);
    expect(container.querySelectorAll('[data-testid="note-item"]')).toHaveLength(0);
    expect(container.querySelector('[data-testid="note-list"]')).not.toBeNull();
  });
});

describe('PopupApp', () => {
  it('says there are no notes yet on an empty database', async () => {
    await act(() => {
      render(<PopupApp />, container);
    });
    await vi.waitFor(() => expect(container.querySelector('[data-testid="popup-empty"]')).not.toBeNull());
    expect(container.querySelectorAll('[data-testid="note-item"]')).toHaveLength(0);
  });

  it('lists saved notes, newest first, with hostile titles as text', async () => {
    await saveEventNote(
      { eventKey: 'bob_20260316T170000Z', seriesKey: 'bob', title: 'Alice / Bob' },
      'Last week: billing migration',
    );
    await saveEventNote({ eventKey: 'evil1', seriesKey: 'evil1', title: `1:1 ${XSS_TITLE}` }, 'Newest note');

    await act(() => {
      render(<PopupApp />, container);
    });
    await vi.waitFor(() => expect(container.querySelectorAll('[data-testid="note-item"]')).toHaveLength(2));

    const titles = [...container.querySelectorAll('.note-item-title')].map((el) => el.textContent);
    const texts = [...container.querySelectorAll('.note-item-text')].map((el) => el.textContent);
    expect(texts).toEqual(['Newest note', 'Last week: billing migration']);
    expect(titles).toEqual([`1:1 ${XSS_TITLE}`, 'Alice / Bob']);
    // The only image is Duet's own icon.
    expect([...container.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([
      '/icon/32.png',
    ]);
  });
});
