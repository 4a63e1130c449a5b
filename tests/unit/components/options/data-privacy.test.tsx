import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { SECTIONS } from '@/components/options/OptionsNav';
import { addAgreement, countRecords, createPerson, createRelationship, getDatabase } from '@/lib/db';
import { exportAll, serializeExport } from '@/lib/io/export';
import { all, change, click, press, q, text, type, until, useMount } from './helpers';

let downloads: Array<{ name: string; text: Promise<string> }>;

beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:duet/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const click = HTMLAnchorElement.prototype.click;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (!this.download) return click.call(this);
    downloads.push({ name: this.download, text: blobs.get(this.href)!.text() });
  });
});
const mount = useMount();

async function seed() {
  const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
  const series = await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Alice / Bob' });
  await addAgreement(series.id, { owner: 'them', text: 'Send the rollout draft', dueDate: '2026-04-01' });
  return { bob, series };
}

async function app() {
  const onDataChanged = vi.fn();
  const root = await mount(<OptionsApp onDataChanged={onDataChanged} />);
  await until(() => {
    q(root, 'import-file');
    expect(root.querySelector('[data-testid=options-loading]')).toBeNull();
  });
  return { root, onDataChanged };
}

async function pickFile(input: HTMLElement, name: string, content: string) {
  Object.defineProperty(input, 'files', {
    configurable: true,
    value: [new File([content], name, { type: 'application/json' })],
  });
  await change(input);
}

describe('DataSection: export', () => {
  it('downloads everything as JSON through a Blob URL (no network)', async () => {
    await seed();
    const { root } = await app();
    await click(q(root, 'export-json'));
    await until(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/^duet-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await downloads[0]!.text) as { format: string; data: { people: unknown[] } };
    expect(file.format).toBe('duet-export');
    expect(file.data.people).toHaveLength(1);
    expect(text(root, 'export-status')).toContain(downloads[0]!.name);
  });

  it('says when the file also keeps records Duet could not read', async () => {
    await seed();
    await getDatabase().quarantine.add({
      table: 'notes (v1)',
      reason: 'no session',
      raw: '{"text":"x"}',
      at: 1,
    });
    const { root } = await app();
    await click(q(root, 'export-json'));
    await until(() => expect(downloads).toHaveLength(1));
    const file = JSON.parse(await downloads[0]!.text) as { data: { quarantine?: unknown[] } };
    expect(file.data.quarantine).toHaveLength(1);
    expect(text(root, 'export-status')).toContain('keeps what Duet could not read (1)');
  });

  it('downloads one relationship, or all, as Markdown', async () => {
    const { series } = await seed();
    await createRelationship({ personIds: [], kind: 'peer', title: 'Peer sync' });
    const { root } = await app();
    await until(() => expect(q(root, 'export-md-which').querySelectorAll('option')).toHaveLength(3));
    await change(q(root, 'export-md-which'), series.id);
    await click(q(root, 'export-md'));
    await until(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/^duet-alice-bob-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await downloads[0]!.text;
    expect(markdown).toContain('# Alice / Bob');
    expect(markdown).toContain('Send the rollout draft');
    expect(markdown).not.toContain('# Peer sync');

    await change(q(root, 'export-md-which'), 'all');
    await click(q(root, 'export-md'));
    await until(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.name).toMatch(/^duet-1on1s-/);
    expect(await downloads[1]!.text).toContain('# Peer sync');
  });

  it('a 1:1 picked for Markdown that goes away elsewhere falls back to all (not “no 1:1s to export”)', async () => {
    await seed();
    const peer = await createRelationship({ personIds: [], kind: 'peer', title: 'Peer sync' });
    const { root } = await app();
    await until(() => expect(q(root, 'export-md-which').querySelectorAll('option')).toHaveLength(3));
    await change(q(root, 'export-md-which'), peer.id);
    await getDatabase().relationships.delete(peer.id);
    await until(() => expect(q(root, 'export-md-which').querySelectorAll('option')).toHaveLength(2));
    expect(q<HTMLSelectElement>(root, 'export-md-which').value).toBe('all');
    await click(q(root, 'export-md'));
    await until(() => expect(downloads).toHaveLength(1));
    expect(await downloads[0]!.text).toContain('# Alice / Bob');
  });
});

describe('DataSection: import', () => {
  it('Replace with a file missing a whole section says why and changes nothing', async () => {
    await seed();
    const file = JSON.parse(serializeExport(await exportAll())) as { data: Record<string, unknown> };
    delete file.data.goals;
    const { root } = await app();
    await pickFile(q(root, 'import-file'), 'cut.json', JSON.stringify(file));
    await until(() => q(root, 'import-preview'));
    await click(q(root, 'import-replace'));
    await until(() => expect(text(root, 'import-apply')).toBe('Replace everything'));
    const before = await countRecords();
    await click(q(root, 'import-apply'));
    await until(() => expect(text(root, 'import-error')).toMatch(/cut\.json.*no "goals" section/));
    expect(await countRecords()).toEqual(before);
  });

  it('the file input is hidden behind a button-styled label tied to it, which then shows the file picked', async () => {
    const { root } = await app();
    const input = q<HTMLInputElement>(root, 'import-file');
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.json,application/json');
    expect(input.id).not.toBe('');
    expect(input.classList.contains('visually-hidden')).toBe(true);
    const button = q<HTMLLabelElement>(root, 'import-file-button');
    expect(button.tagName).toBe('LABEL');
    expect(button.htmlFor).toBe(input.id);
    expect(button.classList.contains('options-button')).toBe(true);
    expect(button.textContent).toBe('Choose a file…');
    // Every label of the input names it: the field's name, then the button.
    const labels = [...root.querySelectorAll<HTMLLabelElement>(`label[for="${input.id}"]`)];
    expect(labels.map((l) => l.textContent)).toEqual(['Duet export file', 'Choose a file…']);
    expect(text(root, 'import-file-name')).toBe('No file chosen');
    expect(input.getAttribute('aria-describedby')).toBe(q(root, 'import-file-name').id);

    await pickFile(input, 'my-duet-backup.json', '{"hello": 1}');
    await until(() => expect(text(root, 'import-file-name')).toBe('my-duet-backup.json'));
    expect(q(root, 'import-file-name').classList.contains('duet-muted')).toBe(true);
  });

  it('refuses a bad file with a message naming the file and the problem, changing nothing', async () => {
    await seed();
    const { root, onDataChanged } = await app();
    await pickFile(q(root, 'import-file'), 'broken.json', '{"format": "duet-export", "vers');
    await until(() =>
      expect(text(root, 'import-error')).toBe(
        '“broken.json” cannot be imported: This file is not valid JSON (it may be truncated or not a Duet export). Nothing was changed.',
      ),
    );
    expect(root.querySelector('[data-testid=import-preview]')).toBeNull();

    await pickFile(q(root, 'import-file'), 'other.json', JSON.stringify({ hello: 'world' }));
    await until(() => expect(text(root, 'import-error')).toContain('This is not a Duet export file.'));
    expect((await countRecords()).people).toBe(1);
    expect(onDataChanged).not.toHaveBeenCalled();
  });

  it('previews what a good file changes (merge and replace), then applies it', async () => {
    const { bob } = await seed();
    const exported = serializeExport(await exportAll());
    // After the export: Bob is renamed, one person is added, the agreement is gone.
    await getDatabase().people.update(bob.id, { name: 'Robert' });
    await createPerson({ name: 'Carol', relation: 'peer' });
    await getDatabase().agreements.clear();

    const { root, onDataChanged } = await app();
    await pickFile(q(root, 'import-file'), 'duet-export.json', exported);
    await until(() => q(root, 'import-preview'));
    expect(text(root, 'import-summary')).toBe('New records: 1 · changed: 1.');
    const cells = (table: string) =>
      [...q(root, `preview-${table}`).querySelectorAll('td')].map((td) => td.textContent);
    expect(cells('people')).toEqual(['0', '1', '0', '0']);
    expect(cells('agreements')).toEqual(['1', '0', '0', '0']);
    expect(cells('relationships')).toEqual(['0', '0', '1', '0']);

    await click(q(root, 'import-replace'));
    await until(() => expect(cells('people')).toEqual(['0', '1', '0', '0', '1']));
    expect(text(root, 'import-summary')).toBe('New records: 1 · changed: 1 · removed: 1.');
    // One record: said in the singular ("1 records" read as a mistake).
    expect(text(root, 'import-replace-warning')).toBe('Replacing removes 1 record that is not in the file.');
    expect(text(root, 'import-apply')).toBe('Replace everything');
    // Nothing was written by the preview.
    expect((await countRecords()).agreements).toBe(0);

    await click(q(root, 'import-apply'));
    await until(() => expect(text(root, 'import-status')).toBe('Imported duet-export.json.'));
    expect(root.querySelector('[data-testid=import-preview]')).toBeNull();
    expect(text(root, 'import-file-name')).toBe('No file chosen');
    const people = await getDatabase().people.toArray();
    expect(people.map((p) => p.name)).toEqual(['Bob Jones']);
    expect((await countRecords()).agreements).toBe(1);
    expect(onDataChanged).toHaveBeenCalled();
  });
});

describe('DataSection: import keeps what is newer here', () => {
  const cells = (root: HTMLElement, table: string) =>
    [...q(root, `preview-${table}`).querySelectorAll('td')].map((td) => td.textContent);

  it('says which records were changed here since the file, keeps them on a merge, warns on a replace', async () => {
    const { bob } = await seed();
    const exported = serializeExport(await exportAll());
    await getDatabase().people.update(bob.id, { name: 'Robert', updatedAt: Date.now() + 60_000 });

    const { root } = await app();
    await pickFile(q(root, 'import-file'), 'duet-export.json', exported);
    await until(() => q(root, 'import-preview'));
    expect(cells(root, 'people')).toEqual(['0', '0', '0', '1']);
    expect(text(root, 'import-summary')).toBe(
      'Everything in this file is already here; importing changes nothing.',
    );
    expect(text(root, 'import-newer-here')).toBe(
      'Changed on this device since this file was made: 1. Merging keeps this device’s version of those.',
    );
    await click(q(root, 'import-apply'));
    await until(() => expect(text(root, 'import-status')).toBe('Imported duet-export.json.'));
    expect((await getDatabase().people.get(bob.id))?.name).toBe('Robert');

    await pickFile(q(root, 'import-file'), 'duet-export.json', exported);
    await until(() => q(root, 'import-preview'));
    await click(q(root, 'import-replace'));
    await until(() => expect(text(root, 'import-newer-here')).toContain('Replacing takes those back'));
    expect(text(root, 'import-summary')).toBe('New records: 0 · changed: 0 · removed: 0.');
    await click(q(root, 'import-apply'));
    await until(() => expect(text(root, 'import-status')).toBe('Imported duet-export.json.'));
    expect((await getDatabase().people.get(bob.id))?.name).toBe('Bob Jones');
  });

  it('says what a merge does with deletions: those made here stay, the file’s are applied (a warning)', async () => {
    const { bob } = await seed();
    const dana = await createPerson({ name: 'Dana', relation: 'peer' });
    const file = (await exportAll()).data;
    // Deleted here since the file was made (a merge of people, say): the file still holds them.
    const db = getDatabase();
    await db.people.delete(dana.id);
    await db.tombstones.put({
      table: 'people',
      id: dana.id,
      deletedAt: Date.now() + 1,
      version: dana.updatedAt,
    });
    const { root } = await app();
    await pickFile(
      q(root, 'import-file'),
      'duet-export.json',
      serializeExport({ ...(await exportAll()), data: file }),
    );
    await until(() => q(root, 'import-preview'));
    expect(text(root, 'import-summary')).toBe(
      'Nothing to add or change; 1 record in this file stays deleted here.',
    );
    expect(text(root, 'import-deleted-here')).toBe(
      '1 record in this file was deleted here after the file’s copy of it. Merging leaves it deleted.',
    );
    // A file that deleted Bob after this device's last change to him: a merge deletes him here too.
    await db.relationships.clear(); // nothing refers to Bob any more
    await db.agreements.clear();
    const bobNow = (await db.people.get(bob.id))!;
    const current = await exportAll();
    const deleting = {
      ...current.data,
      people: [],
      tombstones: [
        { table: 'people' as const, id: bob.id, deletedAt: Date.now() + 5, version: bobNow.updatedAt },
      ],
    };
    await pickFile(q(root, 'import-file'), 'deleting.json', serializeExport({ ...current, data: deleting }));
    await until(() => q(root, 'import-deleted-in-file'));
    expect(q(root, 'import-deleted-in-file')!.className).toContain('duet-error');
    expect(text(root, 'import-deleted-in-file')).toBe(
      '1 record was deleted on the device this file came from, after its last change here. Merging deletes it here too.',
    );
  });

  it('refuses a file over the limit by its size, without reading it', async () => {
    await seed();
    const { root } = await app();
    const file = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: 200 * 1024 * 1024 });
    const read = vi.spyOn(file, 'text');
    Object.defineProperty(q(root, 'import-file'), 'files', { configurable: true, value: [file] });
    await change(q(root, 'import-file'));
    await until(() =>
      expect(text(root, 'import-error')).toBe(
        '“huge.json” cannot be imported: This file is 200.0 MB; Duet imports files up to 128.0 MB. Nothing was changed.',
      ),
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('a file still loading when the mode changes is previewed for the mode now chosen', async () => {
    await seed();
    const exported = serializeExport(await exportAll());
    const { root } = await app();
    let release: (text: string) => void = () => undefined;
    const file = new File([exported], 'slow.json', { type: 'application/json' });
    vi.spyOn(file, 'text').mockReturnValue(new Promise((resolve) => (release = resolve)));
    Object.defineProperty(q(root, 'import-file'), 'files', { configurable: true, value: [file] });
    await change(q(root, 'import-file'));
    await click(q(root, 'import-replace'));
    release(exported);
    await until(() => q(root, 'import-preview'));
    expect(text(root, 'import-apply')).toBe('Replace everything');
    await until(() => expect((q(root, 'import-apply') as HTMLButtonElement).disabled).toBe(false));
  });
});

describe('DataSection: delete everything', () => {
  it('needs DELETE typed before it deletes anything', async () => {
    await seed();
    const { root, onDataChanged } = await app();
    expect(root.querySelector('[data-testid=delete-confirm]')).toBeNull();
    await click(q(root, 'delete-start'));
    await click(q(root, 'delete-apply'));
    expect(text(root, 'delete-error')).toBe('Nothing was deleted. Type DELETE in the box first.');
    await type(q(root, 'delete-confirm-input'), 'delete');
    await press(q(root, 'delete-confirm-input'), 'Enter');
    expect(text(root, 'delete-error')).toContain('Nothing was deleted');
    expect((await countRecords()).relationships).toBe(1);

    // Text typed in a panel and not saved yet (a conflict left undecided, a tab closed mid-save).
    localStorage.setItem(
      'duet-journal:calendar:bob_20260323T170000Z',
      JSON.stringify({ '-': { text: 'SECRET unsaved', at: 1, base: '' } }),
    );
    localStorage.setItem('unrelated', 'kept');
    const messages: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void messages.push(message));
    await type(q(root, 'delete-confirm-input'), 'DELETE');
    await click(q(root, 'delete-apply'));
    await until(() => expect(text(root, 'delete-status')).toBe('Everything was deleted.'));
    expect(Object.keys(localStorage).filter((key) => key.startsWith('duet-journal:'))).toEqual([]);
    expect(localStorage.getItem('unrelated')).toBe('kept');
    localStorage.removeItem('unrelated');
    expect(await countRecords()).toEqual({
      people: 0,
      relationships: 0,
      sessions: 0,
      agreements: 0,
      quarantined: 0,
    });
    await until(() => expect(text(root, 'relationship-count')).toBe('0'));
    expect(onDataChanged).toHaveBeenCalled();
    // The background is told to forget what it kept about the data (reminders, popover guests) too.
    await until(() => expect(messages).toContainEqual({ kind: 'panel/data-changed', erased: true }));
  });

  it('its outcome gives way to what the user does next in the section (an import after the delete)', async () => {
    await seed();
    const exported = serializeExport(await exportAll());
    const { root } = await app();
    await click(q(root, 'delete-start'));
    await type(q(root, 'delete-confirm-input'), 'DELETE');
    await click(q(root, 'delete-apply'));
    await until(() => expect(text(root, 'delete-status')).toBe('Everything was deleted.'));

    await pickFile(q(root, 'import-file'), 'duet-export.json', exported);
    await until(() => q(root, 'import-preview'));
    // The live region stays (empty), so the next outcome is still announced.
    expect(text(root, 'delete-status')).toBe('');
    await click(q(root, 'import-apply'));
    await until(() => expect(text(root, 'import-status')).toBe('Imported duet-export.json.'));
    expect(text(root, 'delete-status')).toBe('');
  });

  it('a problem keeps showing when another part is used afterwards (only outcomes give way)', async () => {
    await seed();
    const { root } = await app();
    await pickFile(q(root, 'import-file'), 'broken.json', '{"format": "duet-export", "vers');
    await until(() => expect(text(root, 'import-error')).toContain('broken.json'));
    await click(q(root, 'export-json'));
    await until(() => expect(text(root, 'export-status')).toContain('duet-export-'));
    expect(text(root, 'import-error')).toContain('broken.json');
  });

  it('can be cancelled', async () => {
    await seed();
    const { root } = await app();
    await click(q(root, 'delete-start'));
    await type(q(root, 'delete-confirm-input'), 'DELETE');
    const cancel = [...q(root, 'delete-confirm').querySelectorAll('button')].find(
      (b) => b.textContent === 'Cancel',
    )!;
    await click(cancel);
    expect(root.querySelector('[data-testid=delete-confirm]')).toBeNull();
    expect((await countRecords()).people).toBe(1);
  });
});

describe('OptionsApp', () => {
  it('shows the privacy statement and the live counts under their test ids', async () => {
    await seed();
    const { root } = await app();
    expect(text(root, 'privacy-statement')).toContain('makes no network requests');
    await until(() => expect(text(root, 'relationship-count')).toBe('1'));
    expect(text(root, 'agreement-count')).toBe('1');
    expect(text(root, 'session-count')).toBe('0');
    await createRelationship({ personIds: [], kind: 'peer', title: 'Peer sync' });
    await until(() => expect(text(root, 'relationship-count')).toBe('2'));
  });

  it('keeps Export, Import and Delete when a damaged row cannot be read (a backup is what it needs)', async () => {
    const { bob } = await seed();
    await createPerson({ name: 'Carol King', relation: 'peer' });
    // Rows an upgrade or an older version left damaged: a person and a template without a name.
    await getDatabase().people.update(bob.id, { name: undefined as never });
    await getDatabase().templates.put({ id: 'custom:broken', name: null } as never);
    const { root } = await app();
    for (const id of ['export-json', 'import-file', 'delete-start'])
      expect(all(root, id), id).toHaveLength(1);
    // The lists sort a damaged name as empty text rather than failing: the rest of the page is there too.
    await until(() => expect(root.querySelector('[data-testid=options-read-error]')).toBeNull());
    expect(text(root, 'people-list')).toContain('Carol King');
  });

  it('has a nav link to every section, each section labelled by its heading', async () => {
    const { root } = await app();
    const links = [...root.querySelectorAll<HTMLAnchorElement>('nav a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(SECTIONS.map((s) => `#${s.id}`));
    for (const { id } of SECTIONS) {
      const section = root.querySelector(`section#${id}`)!;
      expect(section, id).not.toBeNull();
      expect(root.querySelector(`#${section.getAttribute('aria-labelledby')}`)?.tagName).toBe('H2');
    }
    await click(q(root, 'nav-people'));
    expect(q(root, 'nav-people').getAttribute('aria-current')).toBe('location');
    expect(all(root, 'nav-identity')[0]!.getAttribute('aria-current')).toBeNull();
  });
});
