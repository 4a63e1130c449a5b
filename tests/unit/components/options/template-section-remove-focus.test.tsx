/** A section's Remove leaves with its section: focus moves to the title of the section now in its place. */
import { describe, expect, it } from 'vitest';
import { TemplateEditor, type TemplateDraft } from '@/components/options/TemplateEditor';
import type { TemplateSection } from '@/lib/domain/model';
import { all, click, useMount } from './helpers';

const mount = useMount();
const section = (id: string, title: string): TemplateSection =>
  ({ id, title, minutes: 5, prompts: [], kind: 'notes' }) as TemplateSection;
const draft: TemplateDraft = {
  name: 'Mine',
  description: '',
  sections: [section('a', 'Wins'), section('b', 'Blockers'), section('c', 'Growth')],
};

describe('TemplateEditor: Remove keeps keyboard focus', () => {
  it('focuses the next section’s title, or the last one’s when the last was removed', async () => {
    const root = await mount(<TemplateEditor draft={draft} onDone={() => undefined} />);
    const titles = () => all<HTMLInputElement>(root, 'section-title');
    all(root, 'section-remove')[1]!.focus();
    await click(all(root, 'section-remove')[1]!);
    expect(titles().map((input) => input.value)).toEqual(['Wins', 'Growth']);
    expect(document.activeElement).toBe(titles()[1]);

    all(root, 'section-remove')[1]!.focus();
    await click(all(root, 'section-remove')[1]!);
    expect(titles().map((input) => input.value)).toEqual(['Wins']);
    expect(document.activeElement).toBe(titles()[0]);
  });
});
