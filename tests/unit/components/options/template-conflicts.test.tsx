/**
 * The template editor never undoes a save made in another window, nor brings back a template deleted
 * there: it says so in plain words and keeps the draft on screen.
 */
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { deleteCustomTemplate, getTemplate, saveCustomTemplate } from '@/lib/db';
import { all, click, q, submit, text, type, until, useMount } from './helpers';

const mount = useMount();

const TALK = { id: 'section-talk-1', title: 'Talk', minutes: 10, prompts: [], kind: 'notes' as const };

async function openEditor() {
  const template = await saveCustomTemplate({
    name: 'Mine',
    method: 'custom',
    description: '',
    sections: [TALK],
  });
  const root = await mount(<OptionsApp onDataChanged={vi.fn()} />);
  await until(() =>
    expect(all(root, 'template-item').some((el) => el.getAttribute('data-template-id') === template.id)).toBe(
      true,
    ),
  );
  const item = all(root, 'template-item').find((el) => el.getAttribute('data-template-id') === template.id)!;
  await click(q(item, 'template-edit'));
  return { root, template, editor: q(root, 'template-editor') };
}

describe('TemplateEditor: saves made in another window', () => {
  it('refuses to undo another window’s save, and keeps the draft', async () => {
    const { template, editor } = await openEditor();
    // Another window renames it.
    await saveCustomTemplate({
      id: template.id,
      name: 'Renamed elsewhere',
      method: 'custom',
      description: 'theirs',
      sections: [TALK],
    });
    await type(q(editor, 'template-description'), 'mine');
    await submit(editor);
    await until(() =>
      expect(text(editor, 'template-error')).toBe(
        'This template was changed in another window after you opened it here. Nothing was saved, so that change is kept; your changes are still here to copy from. Cancel, then edit the template again to start from what is saved now.',
      ),
    );
    expect(editor.isConnected).toBe(true);
    expect(q<HTMLTextAreaElement>(editor, 'template-description').value).toBe('mine');
    expect(await getTemplate(template.id)).toMatchObject({
      name: 'Renamed elsewhere',
      description: 'theirs',
    });
  });

  it('refuses to bring back a template deleted in another window, and keeps the draft', async () => {
    const { template, editor } = await openEditor();
    await deleteCustomTemplate(template.id);
    await type(q(editor, 'template-name'), 'Mine v2');
    await submit(editor);
    await until(() =>
      expect(text(editor, 'template-error')).toBe(
        'This template was deleted in another window, so it can’t be saved. Your changes are still here to copy from; Cancel closes the editor.',
      ),
    );
    expect(q<HTMLInputElement>(editor, 'template-name').value).toBe('Mine v2');
    expect(await getTemplate(template.id)).toBeUndefined();
  });

  it('saves a template nobody else changed', async () => {
    const { root, template, editor } = await openEditor();
    await type(q(editor, 'template-name'), 'Mine v2');
    await submit(editor);
    await until(() => expect(root.querySelector('[data-testid=template-editor]')).toBeNull());
    expect((await getTemplate(template.id))?.name).toBe('Mine v2');
  });
});
