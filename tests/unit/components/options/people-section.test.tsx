import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import {
  addAgreement,
  createPerson,
  createRelationship,
  getDatabase,
  getPerson,
  getRelationship,
  saveCustomTemplate,
} from '@/lib/db';
import { all, change, click, q, submit, text, type, until, useMount } from './helpers';

const mount = useMount();

async function seed() {
  const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
  const bobToo = await createPerson({ name: 'Bob J', emails: ['bobj@home.example'], relation: 'other' });
  const bobSeries = await createRelationship({
    personIds: [bob.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
  });
  const oldSeries = await createRelationship({
    personIds: [bobToo.id],
    kind: 'one-on-one',
    title: 'Bob old',
  });
  await addAgreement(oldSeries.id, { owner: 'them', text: 'Send the draft', dueDate: null });
  return { bob, bobToo, bobSeries, oldSeries };
}

async function app() {
  const onDataChanged = vi.fn();
  const root = await mount(<OptionsApp onDataChanged={onDataChanged} />);
  await until(() => expect(all(root, 'person-card').length).toBeGreaterThan(0));
  return { root, onDataChanged };
}

const card = (root: HTMLElement, name: string) =>
  all(root, 'person-card').find((c) => c.querySelector('.person-name')?.textContent === name)!;

describe('PeopleSection', () => {
  it('lists people with their 1:1s', async () => {
    await seed();
    const { root } = await app();
    expect(all(root, 'person-card').map((c) => c.querySelector('.person-name')!.textContent)).toEqual([
      'Bob J',
      'Bob Jones',
    ]);
    const bob = card(root, 'Bob Jones');
    expect(bob.textContent).toContain('bob@acme.example');
    expect(bob.textContent).toContain('Reports to me');
    expect(q(bob, 'relationship-row').textContent).toContain('Alice / Bob');
    expect(q(bob, 'relationship-row').textContent).toContain('1:1 · every 2 weeks · “Your session” 1:1');
  });

  it('tells the person’s buttons from their 1:1’s: “Edit 1:1” / “Archive 1:1”, by name too', async () => {
    await seed();
    const { root } = await app();
    const bob = card(root, 'Bob Jones');
    const label = (testId: string) => q(bob, testId).textContent;
    const name = (testId: string) => q(bob, testId).getAttribute('aria-label');
    expect([label('person-edit'), label('person-archive')]).toEqual(['Edit', 'Archive']);
    expect([name('person-edit'), name('person-archive')]).toEqual(['Edit Bob Jones', 'Archive Bob Jones']);
    expect([label('relationship-edit'), label('relationship-archive')]).toEqual(['Edit 1:1', 'Archive 1:1']);
    // Each accessible name starts with what the button shows (voice control users say what they see).
    expect([name('relationship-edit'), name('relationship-archive')]).toEqual([
      'Edit 1:1 “Alice / Bob”',
      'Archive 1:1 “Alice / Bob”',
    ]);
    await click(q(bob, 'relationship-archive'));
    await click(q(root, 'show-archived'));
    await until(() => expect(label('relationship-archive')).toBe('Unarchive 1:1'));
    expect(name('relationship-archive')).toBe('Unarchive 1:1 “Alice / Bob”');
  });

  it('edits a person; a bad email is explained and the typed text stays', async () => {
    const { bob } = await seed();
    const { root, onDataChanged } = await app();
    await click(q(card(root, 'Bob Jones'), 'person-edit'));
    const editor = q(root, 'person-editor');
    await type(q(editor, 'person-name'), 'Robert Jones');
    await type(q(editor, 'person-emails'), 'bob@acme.example\nrobert@');
    await submit(editor);
    expect(text(editor, 'person-error')).toContain('“robert@” is not an email address');
    expect(q<HTMLTextAreaElement>(editor, 'person-emails').value).toBe('bob@acme.example\nrobert@');

    await type(q(editor, 'person-emails'), 'bob@acme.example\nRobert@Acme.example');
    await change(q(editor, 'person-relation'), 'peer');
    await submit(editor);
    await until(() => expect(root.querySelector('[data-testid=person-editor]')).toBeNull());
    expect(await getPerson(bob.id)).toMatchObject({
      name: 'Robert Jones',
      emails: ['bob@acme.example', 'robert@acme.example'],
      relation: 'peer',
    });
    expect(onDataChanged).toHaveBeenCalled();
  });

  it('edits a relationship’s title, kind, cadence and template, refusing a bad cadence', async () => {
    const { bobSeries } = await seed();
    const mine = await saveCustomTemplate({
      name: 'My own',
      method: 'custom',
      description: '',
      sections: [{ id: 'talk', title: 'Talk', minutes: 10, prompts: [], kind: 'notes' }],
    });
    const { root } = await app();
    await click(q(card(root, 'Bob Jones'), 'relationship-edit'));
    const editor = q(root, 'relationship-editor');
    await type(q(editor, 'relationship-title'), 'Bob weekly');
    await type(q(editor, 'relationship-cadence'), '0');
    await submit(editor);
    expect(text(editor, 'relationship-error')).toBe('Choose a whole number of days from 1 to 365.');
    await type(q(editor, 'relationship-cadence'), '7');
    await change(q(editor, 'relationship-kind'), 'career');
    await change(q(editor, 'relationship-template'), mine.id);
    await submit(editor);
    await until(() => expect(root.querySelector('[data-testid=relationship-editor]')).toBeNull());
    expect(await getRelationship(bobSeries.id)).toMatchObject({
      title: 'Bob weekly',
      kind: 'career',
      cadenceDays: 7,
      templateId: mine.id,
    });
  });

  it('saves only what the editor changed: a person added elsewhere while it was open stays', async () => {
    const { bob, bobToo, bobSeries } = await seed();
    const { root } = await app();
    await click(q(card(root, 'Bob Jones'), 'relationship-edit'));
    const editor = q(root, 'relationship-editor');
    // Meanwhile, Calendar (or another tab) makes it a 2-1 with Bob J.
    await getDatabase().relationships.update(bobSeries.id, {
      personIds: [bob.id, bobToo.id],
      kind: 'two-on-one',
    });
    await type(q(editor, 'relationship-title'), 'Bob & Bob');
    await submit(editor);
    await until(() => expect(root.querySelector('[data-testid=relationship-editor]')).toBeNull());
    expect(await getRelationship(bobSeries.id)).toMatchObject({
      title: 'Bob & Bob',
      kind: 'two-on-one',
      personIds: [bob.id, bobToo.id],
    });
  });

  it('refuses a person merged or deleted while the editor was open, and says so', async () => {
    const { bobToo, bobSeries } = await seed();
    const { root } = await app();
    await click(q(card(root, 'Bob Jones'), 'relationship-edit'));
    const editor = q(root, 'relationship-editor');
    await change(q(editor, 'relationship-person-add'), bobToo.id);
    await getDatabase().people.delete(bobToo.id);
    await submit(editor);
    await until(() =>
      expect(text(editor, 'relationship-error')).toBe(
        'Someone picked for this 1:1 is no longer in Duet (merged or deleted meanwhile). Pick the people again.',
      ),
    );
    expect((await getRelationship(bobSeries.id))?.personIds).toHaveLength(1);
  });

  it('with two people picked, offers "another person", not the 2-1’s second', async () => {
    const { bobToo } = await seed();
    await createPerson({ name: 'Carol King', emails: [], relation: 'peer' });
    const { root } = await app();
    await click(q(card(root, 'Bob Jones'), 'relationship-edit'));
    const editor = q(root, 'relationship-editor');
    await change(q(editor, 'relationship-person-add'), bobToo.id);
    await until(() =>
      expect(q(editor, 'relationship-person-add').getAttribute('aria-label')).toBe('Add another person…'),
    );
  });

  it('adds a 2-1’s second person to a 1:1, and removes one', async () => {
    const { bob, bobToo, bobSeries } = await seed();
    const { root } = await app();
    await click(q(card(root, 'Bob Jones'), 'relationship-edit'));
    const editor = q(root, 'relationship-editor');
    expect(all(editor, 'relationship-person').map((row) => row.textContent)).toEqual([
      expect.stringContaining('Bob Jones'),
    ]);
    expect(q(editor, 'relationship-person-add').getAttribute('aria-label')).toBe(
      'Add a person (a 2-1’s second person)…',
    );
    await change(q(editor, 'relationship-person-add'), bobToo.id);
    await change(q(editor, 'relationship-kind'), 'two-on-one');
    await submit(editor);
    await until(() => expect(root.querySelector('[data-testid=relationship-editor]')).toBeNull());
    expect(await getRelationship(bobSeries.id)).toMatchObject({
      kind: 'two-on-one',
      personIds: [bob.id, bobToo.id],
    });

    // The 2-1 shows under both of its people once the page has the change.
    await until(() => expect(all(card(root, 'Bob J'), 'relationship-edit')).toHaveLength(2));
    await click(q(card(root, 'Bob Jones'), 'relationship-edit'));
    const again = q(root, 'relationship-editor');
    expect(all(again, 'relationship-person')).toHaveLength(2);
    await click(all(again, 'relationship-person-remove')[1]!);
    await submit(again);
    await until(async () => expect((await getRelationship(bobSeries.id))?.personIds).toEqual([bob.id]));
  });

  it('archives a person (hidden until “Show archived”) and brings them back', async () => {
    const { bob, bobSeries } = await seed();
    const { root } = await app();
    await click(q(card(root, 'Bob Jones'), 'person-archive'));
    await until(() => expect(card(root, 'Bob Jones')).toBeUndefined());
    expect((await getRelationship(bobSeries.id))!.archived).toBe(true);
    expect(text(root, 'people-status')).toBe('Bob Jones is archived, with their 1:1s.');

    await click(q(root, 'show-archived'));
    await until(() => expect(card(root, 'Bob Jones')).toBeDefined());
    expect(card(root, 'Bob Jones').textContent).toContain('archived');
    await click(q(card(root, 'Bob Jones'), 'person-archive'));
    await until(async () => expect((await getPerson(bob.id))!.archived).toBe(false));
    expect((await getRelationship(bobSeries.id))!.archived).toBe(false);
  });

  it('archives and unarchives one relationship', async () => {
    const { bobSeries } = await seed();
    const { root } = await app();
    await click(q(card(root, 'Bob Jones'), 'relationship-archive'));
    await until(async () => expect((await getRelationship(bobSeries.id))!.archived).toBe(true));
    await until(() =>
      expect(card(root, 'Bob Jones').querySelector('[data-testid=relationship-row]')).toBeNull(),
    );
    // The toggle counts what it would show: that 1:1, though no person is archived.
    expect(q(root, 'show-archived').parentElement!.textContent).toBe('Show archived (1)');
    await click(q(root, 'show-archived'));
    await until(() => q(card(root, 'Bob Jones'), 'relationship-row'));
    await click(q(card(root, 'Bob Jones'), 'relationship-archive'));
    await until(async () => expect((await getRelationship(bobSeries.id))!.archived).toBe(false));
  });

  it('merges two people after a confirmation that says what will happen', async () => {
    const { bob, bobToo, bobSeries, oldSeries } = await seed();
    const { root, onDataChanged } = await app();
    await click(q(root, 'merge-review'));
    expect(text(root, 'merge-error')).toBe('Choose the person to keep and the one to merge into them.');
    await change(q(root, 'merge-keep'), bob.id);
    await change(q(root, 'merge-remove'), bobToo.id);
    await click(q(root, 'merge-review'));
    const confirm = q(root, 'merge-confirm');
    expect(confirm.textContent).toContain('Bob J will be removed. Bob Jones keeps the email addresses');
    expect(confirm.textContent).toContain('bob@acme.example, bobj@home.example');
    expect(await getDatabase().people.count()).toBe(2);

    await click(q(root, 'merge-apply'));
    await until(() => expect(all(root, 'person-card')).toHaveLength(1));
    expect(text(root, 'merge-status')).toBe('Merged into Bob Jones. 1:1 series moved: 0; combined: 1.');
    expect(await getRelationship(oldSeries.id)).toBeUndefined();
    expect((await getDatabase().agreements.toArray())[0]!.relationshipId).toBe(bobSeries.id);
    expect(onDataChanged).toHaveBeenCalled();
  });
});
