import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { TemplateEditor, type TemplateDraft } from '@/components/options/TemplateEditor';
import {
  createRelationship,
  getDatabase,
  getSettings,
  listTemplates,
  loadSessionView,
  prepareSession,
  saveCustomTemplate,
  saveSectionNotes,
} from '@/lib/db';
import type { Template, TemplateSection } from '@/lib/domain/model';
import { BUILT_IN_TEMPLATES } from '@/lib/domain/templates';
import { all, change, click, q, submit, text, type, until, useMount } from './helpers';

const mount = useMount();

async function app() {
  const root = await mount(<OptionsApp onDataChanged={vi.fn()} />);
  await until(() => expect(all(root, 'template-item').length).toBeGreaterThan(0));
  return root;
}

const item = (root: HTMLElement, name: string) =>
  all(root, 'template-item').find((el) => el.querySelector('summary .row-title')?.textContent === name)!;

describe('TemplatesSection', () => {
  it('shows the five built-ins with their sections, timeboxes and prompts', async () => {
    const root = await app();
    expect(all(root, 'template-item')).toHaveLength(5);
    const peer = BUILT_IN_TEMPLATES.find((t) => t.method === 'peer')!;
    const view = item(root, peer.name);
    expect(view.textContent).toContain('Built-in');
    for (const section of peer.sections) {
      expect(view.textContent).toContain(section.title);
      for (const prompt of section.prompts) expect(view.textContent).toContain(prompt);
    }
    expect(view.textContent).toContain(`${peer.sections[0]!.minutes} min`);
    // Built-ins can only be copied.
    expect(view.querySelector('[data-testid=template-edit], [data-testid=template-delete]')).toBeNull();
  });

  it('“Copy to edit” makes my own template from a built-in, with reordered and edited sections', async () => {
    const root = await app();
    const peer = BUILT_IN_TEMPLATES.find((t) => t.method === 'peer')!;
    await click(q(item(root, peer.name), 'template-copy'));
    const editor = q(root, 'template-editor');
    expect(q<HTMLInputElement>(editor, 'template-name').value).toBe(`${peer.name} (my copy)`);
    expect(all(editor, 'section-draft')).toHaveLength(peer.sections.length);

    // Move the second section up, shorten the first, add one.
    await click(all(editor, 'section-up')[1]!);
    await type(all(editor, 'section-minutes')[0]!, '3');
    await click(q(editor, 'section-add'));
    const last = all(editor, 'section-draft').at(-1)!;
    await type(q(last, 'section-title'), 'Wins');
    await type(q(last, 'section-prompts'), 'What went well?\n\nWhat surprised you?');
    await change(q(last, 'section-kind'), 'feedback');
    await submit(editor);
    await until(() => expect(root.querySelector('[data-testid=template-editor]')).toBeNull());

    const mine = (await listTemplates()).find((t) => !t.builtIn)!;
    expect(mine.name).toBe(`${peer.name} (my copy)`);
    expect(mine.sections.map((s) => s.title)).toEqual([
      peer.sections[1]!.title,
      peer.sections[0]!.title,
      ...peer.sections.slice(2).map((s) => s.title),
      'Wins',
    ]);
    expect(mine.sections[0]!.minutes).toBe(3);
    expect(mine.sections.at(-1)).toMatchObject({
      prompts: ['What went well?', 'What surprised you?'],
      kind: 'feedback',
      minutes: 5,
    });
    await until(() => expect(all(root, 'template-item')).toHaveLength(6));
  });

  it('an open editor is never replaced silently: other templates wait until it is saved or cancelled', async () => {
    const root = await app();
    const peer = BUILT_IN_TEMPLATES.find((t) => t.method === 'peer')!;
    const career = BUILT_IN_TEMPLATES.find((t) => t.method === 'career')!;
    await click(q(root, 'template-new'));
    await type(q(q(root, 'template-editor'), 'template-name'), 'Half-written');
    for (const button of all(root, 'template-copy'))
      expect((button as HTMLButtonElement).disabled).toBe(true);
    await click(q(q(root, 'template-editor'), 'template-cancel'));
    await until(() => expect(root.querySelector('[data-testid=template-editor]')).toBeNull());
    // The next one opened starts from its own content, not the previous editor's.
    await click(q(item(root, career.name), 'template-copy'));
    expect(q<HTMLInputElement>(q(root, 'template-editor'), 'template-name').value).toBe(
      `${career.name} (my copy)`,
    );
    expect(peer.name).not.toBe(career.name);
  });

  it('creates a new template and explains what is missing without losing the text', async () => {
    const root = await app();
    await click(q(root, 'template-new'));
    const editor = q(root, 'template-editor');
    await submit(editor);
    expect(text(editor, 'template-error')).toBe('Give the template a name.');
    await type(q(editor, 'template-name'), 'Quick sync');
    await type(q(editor, 'template-description'), 'Fifteen minutes, no more.');
    await type(q(editor, 'section-minutes'), '300');
    await submit(editor);
    expect(text(editor, 'template-error')).toBe(
      'Section 1 “Notes”: minutes are a whole number from 0 (no timebox) to 240.',
    );
    expect(q<HTMLInputElement>(editor, 'template-name').value).toBe('Quick sync');
    await type(q(editor, 'section-minutes'), '15');
    await submit(editor);
    await until(async () => expect((await listTemplates()).some((t) => t.name === 'Quick sync')).toBe(true));
    const saved = (await listTemplates()).find((t) => t.name === 'Quick sync')!;
    expect(saved).toMatchObject({
      description: 'Fifteen minutes, no more.',
      method: 'custom',
      builtIn: false,
    });
    expect(saved.sections).toEqual([
      { id: expect.stringMatching(/^section-/), title: 'Notes', minutes: 15, prompts: [], kind: 'notes' },
    ]);
    // Each new template's first section has an id of its own (notes never cross templates by a shared id).
    await click(q(root, 'template-new'));
    const another = q(root, 'template-editor');
    await type(q(another, 'template-name'), 'Another');
    await submit(another);
    await until(async () => expect((await listTemplates()).some((t) => t.name === 'Another')).toBe(true));
    const second = (await listTemplates()).find((t) => t.name === 'Another')!;
    expect(second.sections[0]!.id).not.toBe(saved.sections[0]!.id);
  });

  it('a double click saves one template, and deletes it once with its Undo kept', async () => {
    const root = await app();
    await click(q(root, 'template-new'));
    const editor = q(root, 'template-editor');
    await type(q(editor, 'template-name'), 'Quick sync');
    // Two submits before the first save is done (a double click on Save).
    await act(() => {
      editor.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      editor.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await until(() => expect(all(root, 'template-item')).toHaveLength(6));
    expect((await listTemplates()).filter((t) => t.name === 'Quick sync')).toHaveLength(1);

    const remove = q(item(root, 'Quick sync'), 'template-delete');
    await act(() => {
      remove.click();
      remove.click();
    });
    await until(() => expect(all(root, 'template-item')).toHaveLength(5));
    await until(() => q(root, 'template-undo'));
    expect(text(root, 'templates-status')).toBe('Deleted “Quick sync”.');
    expect(root.querySelector('[data-testid=templates-error]')).toBeNull();
  });

  it('deletes an unused template; refuses one in use and says which 1:1s use it', async () => {
    const section = { id: 'talk', title: 'Talk', minutes: 10, prompts: [], kind: 'notes' as const };
    const used = await saveCustomTemplate({
      name: 'Used',
      method: 'custom',
      description: '',
      sections: [section],
    });
    await saveCustomTemplate({ name: 'Unused', method: 'custom', description: '', sections: [section] });
    await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Bob',
      templateId: used.id,
    });
    const root = await app();
    await until(() => expect(all(root, 'template-item')).toHaveLength(7));

    expect(item(root, 'Used').textContent).toContain('Used by: Alice / Bob');
    await click(q(item(root, 'Used'), 'template-delete'));
    await until(() =>
      expect(text(root, 'templates-error')).toBe(
        '“Used” is used by Alice / Bob. Choose another template for them (People section) before deleting it.',
      ),
    );
    expect(await getDatabase().templates.get(used.id)).toBeDefined();

    await click(q(item(root, 'Unused'), 'template-delete'));
    await until(() => expect(all(root, 'template-item')).toHaveLength(6));
    expect(text(root, 'templates-status')).toBe('Deleted “Unused”.');
    // One click deleted it: one click brings it back, with its sections, and focus is on that click.
    await until(() => q(root, 'template-undo'));
    const undo = q(root, 'template-undo');
    expect(undo.getAttribute('aria-label')).toBe('Undo deleting the template “Unused”');
    expect(document.activeElement).toBe(undo);
    await click(undo);
    await until(() => expect(all(root, 'template-item')).toHaveLength(7));
    expect(text(root, 'templates-status')).toBe('The template “Unused” is back.');
    expect(root.querySelector('[data-testid=template-undo]')).toBeNull();
    const back = (await getDatabase().templates.toArray()).find((t) => t.name === 'Unused')!;
    expect(back).toMatchObject({ retired: false, sections: [section] });
    expect(await getDatabase().tombstones.get(['templates', back.id])).toBeUndefined();
  });

  it('edits my own template in place', async () => {
    const mine = await saveCustomTemplate({
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [
        { id: 'a', title: 'A', minutes: 5, prompts: [], kind: 'notes' },
        { id: 'b', title: 'B', minutes: 5, prompts: [], kind: 'agreements' },
      ],
    });
    const root = await app();
    await until(() => item(root, 'Mine'));
    await click(q(item(root, 'Mine'), 'template-edit'));
    const editor = q(root, 'template-editor');
    await click(all(editor, 'section-down')[0]!);
    await click(all(editor, 'section-remove')[1]!);
    await submit(editor);
    await until(async () =>
      expect((await getDatabase().templates.get(mine.id))!.sections.map((s) => s.id)).toEqual(['b']),
    );
  });
});

describe('TemplateEditor', () => {
  const section = (id: string, title: string): TemplateSection => ({
    id,
    title,
    minutes: 5,
    prompts: [],
    kind: 'notes',
  });
  const save = (name: string, sections: TemplateSection[], id?: string) =>
    saveCustomTemplate({ ...(id ? { id } : {}), name, method: 'custom', description: '', sections });
  const draftOf = (template: Template): TemplateDraft => ({
    id: template.id,
    name: template.name,
    description: template.description,
    sections: template.sections,
  });
  const stored = async (id: string) => (await getDatabase().templates.get(id))!;
  async function sessionOf(template: Template) {
    const rel = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Bob',
      templateId: template.id,
    });
    const { session } = await prepareSession({ relationshipId: rel.id, scheduledAt: Date.UTC(2026, 0, 5) });
    return session.id;
  }

  it('a new section never takes the id of one removed on screen: old notes do not move under it', async () => {
    const mine = await save('Mine', [section('notes', 'Notes'), section('section-2', 'Wins')]);
    const sessionId = await sessionOf(mine);
    await saveSectionNotes(sessionId, 'section-2', 'We shipped billing');

    const onDone = vi.fn();
    const root = await mount(<TemplateEditor draft={draftOf(mine)} onDone={onDone} />);
    await click(all(root, 'section-remove')[1]!);
    await click(q(root, 'section-add'));
    await type(q(all(root, 'section-draft').at(-1)!, 'section-title'), 'Blockers');
    await submit(q(root, 'template-editor'));
    await until(() => expect(onDone).toHaveBeenCalled());

    const sections = (await stored(mine.id)).sections;
    expect(sections.map((s) => s.title)).toEqual(['Notes', 'Blockers']);
    const blockers = sections[1]!;
    expect(blockers.id).toMatch(/^section-/);
    expect(['notes', 'section-2']).not.toContain(blockers.id);
    const view = (await loadSessionView(sessionId))!;
    expect(view.session.notes[blockers.id]).toBeUndefined();
    expect(view.template.sections.find((s) => s.id === 'section-2')).toBeUndefined();
  });

  it('a new section id is new to this template’s past versions and to other templates', async () => {
    // "Wins" was section-3 once; notes were kept under it, then it was removed and saved.
    const mine = await save('Mine', [
      section('notes', 'Notes'),
      section('section-2', 'Talk'),
      section('section-3', 'Wins'),
    ]);
    const sessionId = await sessionOf(mine);
    await saveSectionNotes(sessionId, 'section-3', 'Old wins');
    await save('Mine', [section('notes', 'Notes'), section('section-2', 'Talk')], mine.id);
    const other = await save('Other', [section('section-4', 'Salary'), section('section-5', 'Goals')]);

    const onDone = vi.fn();
    const root = await mount(<TemplateEditor draft={draftOf(await stored(mine.id))} onDone={onDone} />);
    for (const title of ['One', 'Two', 'Three']) {
      await click(q(root, 'section-add'));
      await type(q(all(root, 'section-draft').at(-1)!, 'section-title'), title);
    }
    // Remove "One" and add another: it does not take the id "One" had on screen either.
    const one = all<HTMLInputElement>(root, 'section-title').findIndex((input) => input.value === 'One');
    await click(all(root, 'section-remove')[one]!);
    await click(q(root, 'section-add'));
    await type(q(all(root, 'section-draft').at(-1)!, 'section-title'), 'Four');
    await submit(q(root, 'template-editor'));
    await until(() => expect(onDone).toHaveBeenCalled());

    const saved = (await stored(mine.id)).sections;
    expect(saved.map((s) => s.title)).toEqual(['Notes', 'Talk', 'Two', 'Three', 'Four']);
    const added = saved.slice(2).map((s) => s.id);
    expect(new Set(added).size).toBe(3);
    const old = ['notes', 'section-2', 'section-3', ...other.sections.map((s) => s.id)];
    for (const id of added) {
      expect(id).toMatch(/^section-/);
      expect(old).not.toContain(id);
    }
    const view = (await loadSessionView(sessionId))!;
    for (const id of added) expect(view.session.notes[id]).toBeUndefined();
  });

  async function editor(draft: TemplateDraft) {
    const onDone = vi.fn();
    const root = await mount(<TemplateEditor draft={draft} onDone={onDone} />);
    const form = q(root, 'template-editor');
    const refused = async () => {
      await submit(form);
      const message = text(form, 'template-error');
      expect(message).not.toMatch(/template\.|sections\.\d|Too big|Too small|expected/);
      expect(onDone).not.toHaveBeenCalled();
      return message;
    };
    return { root, form, onDone, refused };
  }
  const oneSection = (title = 'Wins'): TemplateDraft => ({
    name: 'T',
    description: '',
    sections: [section('notes', title)],
  });

  it('names each section kind in plain, sentence-case words, in the menu and the template list', async () => {
    const { form } = await editor(oneSection());
    const options = [...q<HTMLSelectElement>(form, 'section-kind').options];
    expect(options.map((option) => [option.value, option.textContent])).toEqual([
      ['notes', 'Notes'],
      ['check-in', 'Check-in (mood and workload)'],
      ['agreements', 'Agreements'],
      ['goals', 'Goals'],
      ['feedback', 'Feedback'],
      ['career', 'Career conversation (steps and self-assessment)'],
      ['career-steps', 'Career steps'],
      ['career-assessment', 'Career self-assessment'],
    ]);
    const root = await app();
    const peer = BUILT_IN_TEMPLATES.find((t) => t.method === 'peer')!;
    const first = peer.sections[0]!;
    expect(item(root, peer.name).querySelector('.template-sections-view li .duet-muted')!.textContent).toBe(
      `${first.minutes} min · ${options.find((o) => o.value === first.kind)!.textContent}`,
    );
  });

  it('refuses a prompt over 1,000 characters in plain words, keeping what was typed', async () => {
    const draft: TemplateDraft = {
      ...oneSection(),
      sections: [section('notes', 'Notes'), section('w', 'Wins')],
    };
    const { root, form, onDone, refused } = await editor(draft);
    const long = 'x'.repeat(1001);
    await type(all(root, 'section-prompts')[1]!, `What went well?\n\n${long}`);
    expect(await refused()).toBe(
      'Section 2 “Wins”: the prompt on line 3 is longer than 1,000 characters (it has 1,001).',
    );
    expect(all<HTMLTextAreaElement>(root, 'section-prompts')[1]!.value).toBe(`What went well?\n\n${long}`);
    expect(q<HTMLInputElement>(root, 'template-name').value).toBe('T');
    expect((await listTemplates()).some((t) => !t.builtIn)).toBe(false);

    // Exactly the limit is fine.
    await type(all(root, 'section-prompts')[1]!, `What went well?\n${'x'.repeat(1000)}`);
    await submit(form);
    await until(() => expect(onDone).toHaveBeenCalled());
    const mine = (await listTemplates()).find((t) => !t.builtIn)!;
    expect(mine.sections[1]!.prompts).toEqual(['What went well?', 'x'.repeat(1000)]);
  });

  it.each([
    ['-5', 'negative'],
    ['241', 'over 240'],
    ['99999999999999999999', 'huge'],
    ['2.5', 'not whole'],
    ['', 'empty'],
  ])('refuses %j minutes (%s) in plain words', async (minutes) => {
    const { root, refused } = await editor(oneSection());
    await type(q(root, 'section-minutes'), minutes);
    expect(await refused()).toBe('Section 1 “Wins”: minutes are a whole number from 0 (no timebox) to 240.');
    expect(q<HTMLInputElement>(root, 'section-minutes').value).toBe(minutes);
  });

  it('refuses too long or missing titles, too many prompts, and a too long name or description', async () => {
    const { root, form, onDone, refused } = await editor(oneSection());
    const title = q<HTMLInputElement>(root, 'section-title');

    await type(title, '   ');
    expect(await refused()).toBe('Section 1 needs a title.');
    await type(title, 'y'.repeat(1001));
    expect(await refused()).toBe(
      `Section 1 “${'y'.repeat(39)}…”: the title is longer than 1,000 characters (it has 1,001).`,
    );
    expect(title.value).toBe('y'.repeat(1001));
    await type(title, 'Wins');

    const prompts = Array.from({ length: 21 }, (_, i) => `Prompt ${i + 1}`);
    await type(q(root, 'section-prompts'), prompts.join('\n'));
    expect(await refused()).toBe('Section 1 “Wins”: up to 20 prompts; this one has 21.');
    await type(q(root, 'section-prompts'), prompts.slice(0, 20).join('\n\n'));

    await type(q(root, 'template-name'), 'n'.repeat(1001));
    expect(await refused()).toBe('The template name is longer than 1,000 characters (it has 1,001).');
    await type(q(root, 'template-name'), 'T');
    await type(q(root, 'template-description'), 'd'.repeat(1001));
    expect(await refused()).toBe('The description is longer than 1,000 characters (it has 1,001).');
    await type(q(root, 'template-description'), 'd'.repeat(1000));

    await type(q(root, 'section-minutes'), '240');
    await submit(form);
    await until(() => expect(onDone).toHaveBeenCalled());
    const mine = (await listTemplates()).find((t) => !t.builtIn)!;
    expect(mine.sections[0]).toMatchObject({ title: 'Wins', minutes: 240, prompts: prompts.slice(0, 20) });
  });

  it('refuses more than 30 sections in plain words; 30 are fine', async () => {
    const sections = Array.from({ length: 31 }, (_, i) => section(`s${i}`, `S${i + 1}`));
    const { root, form, onDone, refused } = await editor({ name: 'Many', description: '', sections });
    expect(await refused()).toBe('A template can have up to 30 sections; this one has 31.');
    await click(all(root, 'section-remove').at(-1)!);
    await submit(form);
    await until(() => expect(onDone).toHaveBeenCalled());
    expect((await listTemplates()).find((t) => !t.builtIn)!.sections).toHaveLength(30);
  });
});

describe('RemindersSection', () => {
  it('switches reminders and their timing on and off', async () => {
    const root = await app();
    const after = q<HTMLInputElement>(root, 'reminder-afterHeld');
    expect(after.checked).toBe(true);
    expect(after.getAttribute('role')).toBe('switch');
    await click(after);
    await until(async () => expect((await getSettings()).reminders.afterHeld).toBe(false));
    await change(q(root, 'reminder-beforeMinutes'), '60');
    await until(async () => expect((await getSettings()).reminders.beforeMinutes).toBe(60));
    await click(q(root, 'reminder-beforeSession'));
    await until(() => expect(q<HTMLSelectElement>(root, 'reminder-beforeMinutes').disabled).toBe(true));
    expect((await getSettings()).reminders).toMatchObject({
      beforeSession: false,
      beforeMinutes: 60,
      afterHeld: false,
      cadenceGap: true,
      reschedule: true,
      overdueBadge: true,
    });
  });

  it('tells the background at once, so the toolbar badge follows its switch without waiting for an alarm', async () => {
    const onDataChanged = vi.fn();
    const root = await mount(<OptionsApp onDataChanged={onDataChanged} />);
    await until(() => q(root, 'reminder-overdueBadge'));
    await click(q(root, 'reminder-overdueBadge'));
    await until(async () => expect((await getSettings()).reminders.overdueBadge).toBe(false));
    await until(() => expect(onDataChanged).toHaveBeenCalled());
  });

  it('saves a default cadence per kind and refuses values outside 1–365', async () => {
    const root = await app();
    const peer = q(root, 'cadence-peer');
    await type(peer, '400');
    await change(peer);
    expect(text(root, 'cadence-peer-error')).toBe('Choose a whole number of days from 1 to 365.');
    expect(q<HTMLInputElement>(root, 'cadence-peer').value).toBe('400');
    await type(peer, '21');
    await change(peer);
    await until(async () => expect((await getSettings()).cadenceDays.peer).toBe(21));
  });
});
