/** How the options page names 1:1s in its lists: by their people, so two 1:1s titled "1:1" differ. */
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import {
  createPerson,
  createRelationship,
  getDatabase,
  saveCustomTemplate,
  updateRelationship,
} from '@/lib/db';
import { all, click, q, text, until, useMount } from './helpers';

const mount = useMount();

async function app() {
  const root = await mount(<OptionsApp onDataChanged={vi.fn()} />);
  await until(() => expect(all(root, 'template-item').length).toBeGreaterThan(0));
  return root;
}

/** Two reports, each with a 1:1 titled "1:1" on the same template. */
async function twoReports() {
  const section = { id: 'talk', title: 'Talk', minutes: 10, prompts: [], kind: 'notes' as const };
  const used = await saveCustomTemplate({
    name: 'Used',
    method: 'custom',
    description: '',
    sections: [section],
  });
  for (const name of ['Carol King', 'Bob Jones']) {
    const person = await createPerson({ name, relation: 'report' });
    await createRelationship({
      personIds: [person.id],
      kind: 'one-on-one',
      title: '1:1',
      templateId: used.id,
    });
  }
  return used;
}

const item = (root: HTMLElement, name: string) =>
  all(root, 'template-item').find((el) => el.querySelector('summary .row-title')?.textContent === name)!;

const pickerTexts = (root: HTMLElement) =>
  [...q(root, 'export-md-which').querySelectorAll('option')].map((o) => o.textContent);

describe('options page: 1:1s named by their people', () => {
  it('the Markdown picker tells two 1:1s titled "1:1" apart', async () => {
    await twoReports();
    const root = await app();
    await until(() =>
      expect(pickerTexts(root)).toEqual(['All 1:1 series (2)', 'Bob Jones — 1:1', 'Carol King — 1:1']),
    );
  });

  it('a template says which people’s 1:1s use it, and so does its refusal to be deleted', async () => {
    await twoReports();
    const root = await app();
    await until(() =>
      expect(item(root, 'Used').textContent).toContain('Used by: Bob Jones — 1:1, Carol King — 1:1'),
    );
    await click(q(item(root, 'Used'), 'template-delete'));
    await until(() =>
      expect(text(root, 'templates-error')).toBe(
        '“Used” is used by Bob Jones — 1:1, Carol King — 1:1. Choose another template for them (People section) before deleting it.',
      ),
    );
  });

  it('a title that only repeats the names, no people, no title, archived ones and archived people', async () => {
    const dana = await createPerson({ name: 'Dana Lee', relation: 'peer' });
    await createRelationship({ personIds: [dana.id], kind: 'peer', title: 'dana lee' });
    await createRelationship({ personIds: [], kind: 'peer', title: 'Peer sync' });
    const untitled = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'x' });
    await getDatabase().relationships.update(untitled.id, { title: '' });
    const erin = await createPerson({ name: 'Erin Fox', relation: 'report' });
    const gone = await createRelationship({ personIds: [erin.id], kind: 'one-on-one', title: 'Weekly' });
    await updateRelationship(gone.id, { archived: true });
    await getDatabase().people.update(erin.id, { archived: true });
    const root = await app();
    await until(() =>
      expect(pickerTexts(root)).toEqual([
        'All 1:1 series (4)',
        'Dana Lee',
        'Erin Fox — Weekly · archived',
        'Peer sync',
        'Untitled 1:1',
      ]),
    );
  });
});
