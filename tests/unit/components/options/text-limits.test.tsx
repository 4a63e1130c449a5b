/**
 * The options page's text boxes: a paste longer than a limit is never cut short by the box (`maxLength`);
 * it is refused in words naming the limit and its length, the text kept in the box. A person's name of
 * invisible characters only is no name.
 */
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { IdentitySection } from '@/components/options/IdentitySection';
import { PersonEditor } from '@/components/options/PersonEditor';
import { TemplateEditor, type TemplateDraft } from '@/components/options/TemplateEditor';
import { createPerson, getPerson, getSettings, listTemplates } from '@/lib/db';
import { defaultSettings } from '@/lib/domain/model';
import { q, submit, text, until, useMount } from './helpers';

const mount = useMount();

/** A paste as a browser does it: a box with `maxLength` keeps only what fits, then says it changed. */
async function paste(element: HTMLInputElement | HTMLTextAreaElement, pasted: string) {
  await act(() => {
    element.value = element.maxLength > 0 ? pasted.slice(0, element.maxLength) : pasted;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const draft: TemplateDraft = {
  name: 'Mine',
  description: '',
  sections: [{ id: 'wins', title: 'Wins', minutes: 5, prompts: [], kind: 'notes' }],
};

describe('TemplateEditor', () => {
  it('a description pasted over 1,000 characters is refused with both lengths, and kept', async () => {
    const onDone = vi.fn();
    const root = await mount(<TemplateEditor draft={draft} onDone={onDone} />);
    const pasted = 'd'.repeat(1200);
    await paste(q(root, 'template-description'), pasted);
    await submit(q(root, 'template-editor'));
    expect(text(root, 'template-error')).toBe(
      'The description is longer than 1,000 characters (it has 1,200).',
    );
    expect(q<HTMLTextAreaElement>(root, 'template-description').value).toBe(pasted);
    expect(onDone).not.toHaveBeenCalled();
    expect((await listTemplates()).some((t) => !t.builtIn)).toBe(false);
  });

  it('a name or section title pasted over 200 characters is kept whole (the limit is 1,000)', async () => {
    const onDone = vi.fn();
    const root = await mount(<TemplateEditor draft={draft} onDone={onDone} />);
    const name = 'n'.repeat(300);
    const title = 't'.repeat(400);
    await paste(q(root, 'template-name'), name);
    await paste(q(root, 'section-title'), title);
    await submit(q(root, 'template-editor'));
    await until(() => expect(onDone).toHaveBeenCalled());
    const mine = (await listTemplates()).find((t) => !t.builtIn)!;
    expect(mine.name).toBe(name);
    expect(mine.sections[0]!.title).toBe(title);
  });

  it('a name of invisible characters only is no name', async () => {
    const onDone = vi.fn();
    const root = await mount(<TemplateEditor draft={draft} onDone={onDone} />);
    await paste(q(root, 'template-name'), '\u200b\u2060');
    await submit(q(root, 'template-editor'));
    expect(text(root, 'template-error')).toBe('Give the template a name.');
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('IdentitySection', () => {
  it('my name pasted over 200 characters is refused with both lengths, and kept', async () => {
    const onDataChanged = vi.fn();
    const root = await mount(<IdentitySection settings={defaultSettings(0)} onDataChanged={onDataChanged} />);
    const pasted = 'Alice '.repeat(50).trim();
    await paste(q(root, 'identity-name'), pasted);
    await submit(q(root, 'identity-form'));
    expect(text(root, 'identity-error')).toBe('Your name can be up to 200 characters; this one has 299.');
    expect(q<HTMLInputElement>(root, 'identity-name').value).toBe(pasted);
    expect((await getSettings()).myName).toBe('');
    expect(onDataChanged).not.toHaveBeenCalled();
  });
});

describe('PersonEditor', () => {
  async function editor() {
    const person = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
    const onDone = vi.fn();
    const root = await mount(<PersonEditor person={person} onDone={onDone} onDataChanged={vi.fn()} />);
    return { person, root, onDone };
  }

  it.each(['\u200b', ' \u200d ', '\ufeff\u00ad'])(
    'refuses the name %j as blank, keeping it',
    async (blank) => {
      const { person, root, onDone } = await editor();
      await paste(q(root, 'person-name'), blank);
      await submit(q(root, 'person-editor'));
      expect(text(root, 'person-error')).toBe('A name is needed.');
      expect(q<HTMLInputElement>(root, 'person-name').value).toBe(blank);
      expect(onDone).not.toHaveBeenCalled();
      expect((await getPerson(person.id))!.name).toBe('Bob Jones');
    },
  );

  it('a name pasted over 200 characters is kept whole', async () => {
    const { person, root, onDone } = await editor();
    const pasted = 'Bob '.repeat(75).trim();
    await paste(q(root, 'person-name'), pasted);
    await submit(q(root, 'person-editor'));
    await until(() => expect(onDone).toHaveBeenCalled());
    expect((await getPerson(person.id))!.name).toBe(pasted);
  });

  it('a name over 1,000 characters is refused with both lengths, and kept', async () => {
    const { root, onDone } = await editor();
    const pasted = 'b'.repeat(1001);
    await paste(q(root, 'person-name'), pasted);
    await submit(q(root, 'person-editor'));
    expect(text(root, 'person-error')).toBe('A name can be up to 1,000 characters; this one has 1,001.');
    expect(q<HTMLInputElement>(root, 'person-name').value).toBe(pasted);
    expect(onDone).not.toHaveBeenCalled();
  });
});
