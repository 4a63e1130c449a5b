/**
 * The 1:1 editor never leaves someone with two active 1:1s of one kind with the same people: a 1:1 with
 * nobody yet that gains its people becomes part of theirs; any other such change asks first.
 */
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import {
  addAgreement,
  createPerson,
  createRelationship,
  getDatabase,
  getRelationship,
  listRelationships,
} from '@/lib/db';
import { all, change, click, q, submit, text, type, until, useMount } from './helpers';

const mount = useMount();

async function seed() {
  const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
  const bobs = await createRelationship({
    personIds: [bob.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
    calendarSeriesIds: ['series-bob'],
  });
  return { bob, bobs };
}

async function app() {
  const root = await mount(<OptionsApp onDataChanged={vi.fn()} />);
  await until(() => expect(all(root, 'relationship-row').length).toBeGreaterThan(0));
  return root;
}

const row = (root: HTMLElement, title: string) =>
  all(root, 'relationship-row').find((r) => r.querySelector('.row-title')?.textContent?.includes(title))!;

const editorGone = (root: HTMLElement) =>
  until(() => expect(root.querySelector('[data-testid=relationship-editor]')).toBeNull());

describe('RelationshipEditor: no second 1:1 of one kind with the same people', () => {
  it('an unassigned 1:1 given Bob becomes part of his 1:1 (its notes and series move, nothing lost)', async () => {
    const { bob, bobs } = await seed();
    const tuesday = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Notes from Tuesday',
      calendarSeriesIds: ['series-tuesday'],
    });
    await addAgreement(tuesday.id, { owner: 'them', text: 'Send the draft', dueDate: null });
    const root = await app();
    await click(q(row(root, 'Notes from Tuesday'), 'relationship-edit'));
    const editor = q(root, 'relationship-editor');
    await change(q(editor, 'relationship-person-add'), bob.id);
    await submit(editor);
    await editorGone(root);

    expect(await getRelationship(tuesday.id)).toBeUndefined();
    expect(await getRelationship(bobs.id)).toMatchObject({
      title: 'Alice / Bob',
      personIds: [bob.id],
      calendarSeriesIds: ['series-bob', 'series-tuesday'],
    });
    const agreements = await getDatabase().agreements.where('relationshipId').equals(bobs.id).toArray();
    expect(agreements.map((a) => a.text)).toEqual(['Send the draft']);
    expect(await listRelationships()).toHaveLength(1);
  });

  it('asks before making Bob’s career 1:1 a second 1:1; “Keep editing” keeps the draft, the fold moves it', async () => {
    const { bob, bobs } = await seed();
    const career = await createRelationship({ personIds: [bob.id], kind: 'career', title: 'Bob career' });
    await addAgreement(career.id, { owner: 'me', text: 'Find a mentor', dueDate: null });
    const root = await app();
    await click(q(row(root, 'Bob career'), 'relationship-edit'));
    const editor = q(root, 'relationship-editor');
    await type(q(editor, 'relationship-title'), 'Bob growth');
    await change(q(editor, 'relationship-kind'), 'one-on-one');
    await submit(editor);

    await until(() =>
      expect(text(editor, 'relationship-error')).toBe(
        '“Bob Jones — Alice / Bob” is already a 1:1 of this kind with the same people: two would split its history. Make them one 1:1? This one’s notes, agreements, talking points, goals and Calendar links move to “Bob Jones — Alice / Bob”, which keeps its own title, cadence and template. Nothing has been saved yet.',
      ),
    );
    expect(q(editor, 'relationship-twin-fold').getAttribute('aria-label')).toBe(
      'Make them one 1:1: move this one into “Bob Jones — Alice / Bob”',
    );
    // Nothing saved; the draft stays.
    expect(await getRelationship(career.id)).toMatchObject({ kind: 'career', title: 'Bob career' });
    expect(q<HTMLInputElement>(editor, 'relationship-title').value).toBe('Bob growth');
    expect(q<HTMLSelectElement>(editor, 'relationship-kind').value).toBe('one-on-one');

    await click(q(editor, 'relationship-twin-keep'));
    expect(editor.querySelector('[data-testid=relationship-twin]')).toBeNull();
    expect(text(editor, 'relationship-status')).toBe('');
    expect(q<HTMLInputElement>(editor, 'relationship-title').value).toBe('Bob growth');

    await submit(editor);
    await until(() => q(editor, 'relationship-twin-fold'));
    await click(q(editor, 'relationship-twin-fold'));
    await editorGone(root);
    expect(await getRelationship(career.id)).toBeUndefined();
    expect((await listRelationships()).map((r) => r.id)).toEqual([bobs.id]);
    const agreements = await getDatabase().agreements.where('relationshipId').equals(bobs.id).toArray();
    expect(agreements.map((a) => a.text)).toEqual(['Find a mentor']);
  });
});
