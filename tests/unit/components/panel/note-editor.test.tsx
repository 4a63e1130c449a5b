import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '@/components/panel/NoteEditor';
import type { SaveStatus } from '@/components/panel/use-note-draft';
import { useRenderContainer } from '../../helpers/dom-container';

const XSS = '<img src=x onerror=alert(1)>';
const container = useRenderContainer();

function show(
  text: string,
  status: SaveStatus,
  handlers: { onInput?: (t: string) => void; onBlur?: () => void } = {},
) {
  render(
    <NoteEditor
      text={text}
      status={status}
      onInput={handlers.onInput ?? (() => {})}
      onBlur={handlers.onBlur ?? (() => {})}
    />,
    container(),
  );
  return {
    textarea: container().querySelector<HTMLTextAreaElement>('[data-testid="note-input"]')!,
    status: container().querySelector<HTMLElement>('[data-testid="save-status"]')!,
  };
}

describe('NoteEditor', () => {
  it('shows the note text as the textarea value, markup included, without creating elements', () => {
    const { textarea } = show(`${XSS}\n<script>alert(2)</script>`, { kind: 'idle' });
    expect(textarea.value).toBe(`${XSS}\n<script>alert(2)</script>`);
    expect(container().querySelectorAll('img, script')).toHaveLength(0);
  });

  it.each<[SaveStatus, string, boolean]>([
    [{ kind: 'loading' }, 'Loading…', true],
    [{ kind: 'idle' }, 'Saved on this device as you type', false],
    [{ kind: 'pending' }, 'Saving…', false],
  ])('status %j reads %j (disabled: %s)', (status, text, disabled) => {
    const view = show('', status);
    expect(view.status.textContent).toBe(text);
    expect(view.status.getAttribute('data-status')).toBe(status.kind);
    expect(view.textarea.disabled).toBe(disabled);
    expect(view.status.className).toContain('duet-muted');
  });

  it('says when it was saved', () => {
    const view = show('x', { kind: 'saved', at: Date.now() - 3 * 60 * 60 * 1000 });
    expect(view.status.textContent).toBe('Saved 3 h ago');
  });

  it('shows an error message as text, styled as an error, and keeps the text editable', () => {
    const view = show('keep me', { kind: 'error', message: `Could not save ${XSS}` });
    expect(view.status.textContent).toBe(`Could not save ${XSS}`);
    expect(view.status.className).toContain('duet-error');
    expect(view.status.getAttribute('role')).toBe('status');
    expect(view.textarea.disabled).toBe(false);
    expect(view.textarea.value).toBe('keep me');
    expect(container().querySelectorAll('img')).toHaveLength(0);
  });

  it('reports typed text and blur', () => {
    const onInput = vi.fn();
    const onBlur = vi.fn();
    const { textarea } = show('', { kind: 'idle' }, { onInput, onBlur });
    textarea.value = 'Bob: rollout plan';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.dispatchEvent(new FocusEvent('blur'));
    expect(onInput).toHaveBeenCalledWith('Bob: rollout plan');
    expect(onBlur).toHaveBeenCalledTimes(1);
  });

  it('labels the textarea', () => {
    const { textarea } = show('', { kind: 'idle' });
    expect(container().querySelector(`label[for="${textarea.id}"]`)?.textContent?.trim()).toBe('Notes');
  });
});
