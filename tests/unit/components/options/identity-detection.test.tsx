import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { IdentitySection, parseEmails } from '@/components/options/IdentitySection';
import { createPerson, createRelationship, getSettings, ignoreSeries, updateSettings } from '@/lib/db';
import { defaultSettings } from '@/lib/domain/model';
import { all, change, click, press, q, submit, text, type, until, useMount } from './helpers';

const mount = useMount();

async function app() {
  const onDataChanged = vi.fn();
  const root = await mount(<OptionsApp onDataChanged={onDataChanged} />);
  await until(() => q(root, 'identity-form'));
  return { root, onDataChanged };
}

describe('parseEmails', () => {
  it('splits on new lines, commas and spaces, lower-cases and drops repeats', () => {
    expect(parseEmails('Alice@Acme.example, alice@acme.example\n a@b.c')).toEqual({
      emails: ['alice@acme.example', 'a@b.c'],
    });
  });
  it('names the first entry that is not an email', () => {
    expect(parseEmails('ok@x.y\nbob@\nz')).toEqual({ invalid: 'bob@' });
  });
});

describe('IdentitySection', () => {
  it('refuses a bad email with a message naming it and keeps what was typed', async () => {
    const onDataChanged = vi.fn();
    const root = await mount(<IdentitySection settings={defaultSettings(0)} onDataChanged={onDataChanged} />);
    await type(q(root, 'identity-name'), 'Alice Smith');
    await type(q(root, 'identity-emails'), 'alice@acme.example\nalice at home');
    await submit(q(root, 'identity-form'));
    expect(text(root, 'identity-error')).toContain('“alice”');
    expect(q(root, 'identity-emails').getAttribute('aria-invalid')).toBe('true');
    expect(q<HTMLTextAreaElement>(root, 'identity-emails').value).toBe('alice@acme.example\nalice at home');
    expect(q<HTMLInputElement>(root, 'identity-name').value).toBe('Alice Smith');
    expect((await getSettings()).myEmails).toEqual([]);
    expect(onDataChanged).not.toHaveBeenCalled();
  });

  it('saves my name and emails (lower-cased) and tells the badges', async () => {
    const { root, onDataChanged } = await app();
    await type(q(root, 'identity-name'), '  Alice Smith ');
    await type(q(root, 'identity-emails'), 'Alice@Acme.example, alice@home.example');
    await submit(q(root, 'identity-form'));
    await until(() => expect(text(root, 'identity-status')).toBe('Saved.'));
    const settings = await getSettings();
    expect(settings.myName).toBe('Alice Smith');
    expect(settings.myEmails).toEqual(['alice@acme.example', 'alice@home.example']);
    expect(onDataChanged).toHaveBeenCalled();
  });
});

describe('IdentitySection and another page', () => {
  it('saves only the field typed in: my emails set on another page meanwhile are kept, and shown', async () => {
    const { root } = await app();
    await type(q(root, 'identity-name'), 'Alice Smith');
    // Another page (or tab) sets my emails while the name is being typed here.
    await updateSettings({ myEmails: ['alice@acme.example'] });
    await submit(q(root, 'identity-form'));
    await until(() => expect(text(root, 'identity-status')).toBe('Saved.'));
    const settings = await getSettings();
    expect(settings.myName).toBe('Alice Smith');
    expect(settings.myEmails).toEqual(['alice@acme.example']);
    await until(() =>
      expect(q<HTMLTextAreaElement>(root, 'identity-emails').value).toBe('alice@acme.example'),
    );
  });
});

describe('DetectionSection: keywords', () => {
  it('adds keywords with Enter or the button and removes them from their chip', async () => {
    const { root, onDataChanged } = await app();
    const include = q(root, 'include-keywords');
    await type(q(include, 'include-keywords-input'), 'Weekly sync');
    await press(q(include, 'include-keywords-input'), 'Enter');
    await until(() => expect(all(include, 'include-keywords-chip')).toHaveLength(1));
    expect(q<HTMLInputElement>(include, 'include-keywords-input').value).toBe('');
    await type(q(include, 'include-keywords-input'), 'catch-up');
    await click(q(include, 'include-keywords-add'));
    await until(() => expect(all(include, 'include-keywords-chip')).toHaveLength(2));
    expect((await getSettings()).detection.includeKeywords).toEqual(['Weekly sync', 'catch-up']);
    expect(onDataChanged).toHaveBeenCalledTimes(2);

    const remove = all(include, 'include-keywords-chip')[0]!.querySelector('button')!;
    expect(remove.getAttribute('aria-label')).toBe('Remove “Weekly sync”');
    await click(remove);
    await until(() => expect(all(include, 'include-keywords-chip')).toHaveLength(1));
    expect((await getSettings()).detection.includeKeywords).toEqual(['catch-up']);
  });

  it('explains empty, duplicate and contradictory keywords and keeps the typed text', async () => {
    const { root } = await app();
    const include = q(root, 'include-keywords');
    const exclude = q(root, 'exclude-keywords');
    await press(q(include, 'include-keywords-input'), 'Enter');
    expect(text(include, 'include-keywords-error')).toBe('Type a word or phrase first.');

    await type(q(exclude, 'exclude-keywords-input'), 'interview');
    await click(q(exclude, 'exclude-keywords-add'));
    await until(() => expect(all(exclude, 'exclude-keywords-chip')).toHaveLength(1));
    await type(q(exclude, 'exclude-keywords-input'), 'INTERVIEW');
    await click(q(exclude, 'exclude-keywords-add'));
    expect(text(exclude, 'exclude-keywords-error')).toBe('“INTERVIEW” is already in this list.');
    expect(q<HTMLInputElement>(exclude, 'exclude-keywords-input').value).toBe('INTERVIEW');

    await type(q(include, 'include-keywords-input'), 'Interview');
    await click(q(include, 'include-keywords-add'));
    expect(text(include, 'include-keywords-error')).toContain(
      'already in “Never a 1:1 when the title contains”',
    );
    expect((await getSettings()).detection).toMatchObject({
      includeKeywords: [],
      excludeKeywords: ['interview'],
    });
  });

  it('saves the largest meeting size within 2–10 and refuses others', async () => {
    const { root } = await app();
    await type(q(root, 'max-guests'), '11');
    await change(q(root, 'max-guests'));
    expect(text(root, 'max-guests-error')).toBe('Choose a whole number from 2 to 10.');
    await type(q(root, 'max-guests'), '5');
    await change(q(root, 'max-guests'));
    await until(async () => expect((await getSettings()).detection.maxGuests).toBe(5));
    expect(root.textContent).toContain('3 (the default) lets a 2-1 through');
  });
});

describe('DetectionSection: per-series overrides', () => {
  it('lists “Not a 1:1” series by title (Meet calls by code) and removes one', async () => {
    await ignoreSeries('meet:abc-defg-hij');
    await ignoreSeries('2hhkdfkioarglai6oa7063kolo', undefined, 'Weekly sync');
    await ignoreSeries('nameless0123456789');
    const { root, onDataChanged } = await app();
    await until(() => expect(all(root, 'ignored-row')).toHaveLength(3));
    const labels = all(root, 'ignored-row').map((row) => row.querySelector('.row-title')!.textContent);
    // A series Duet has no title for is never shown by its id (it means nothing to anyone).
    expect(labels).toEqual(['Meet call abc-defg-hij', 'Weekly sync', 'A series without a title']);
    expect(q(root, 'ignored-series').textContent).not.toContain('nameless');

    await click(all(root, 'ignored-row')[1]!.querySelector('button')!);
    await until(() => expect(all(root, 'ignored-row')).toHaveLength(2));
    const settings = await getSettings();
    expect(settings.ignoredSeries).toEqual(['meet:abc-defg-hij', 'nameless0123456789']);
    expect(settings.seriesTitles).toEqual({});
    expect(text(root, 'overrides-status')).toBe('Weekly sync is judged by the rules again.');
    expect(onDataChanged).toHaveBeenCalled();
  });

  it('tells several series without a title apart by their place in the list, never by their ids', async () => {
    await ignoreSeries('9q7kdlrmoh7c0123456789abcd');
    await ignoreSeries('2hhkdfkioarglai6oa7063kolo', undefined, 'Weekly sync');
    await ignoreSeries('5tq2b8ss0d1k2v3l4m5n6o7p8q');
    const { root } = await app();
    await until(() => expect(all(root, 'ignored-row')).toHaveLength(3));
    const labels = all(root, 'ignored-row').map((row) => row.querySelector('.row-title')!.textContent);
    expect(labels).toEqual([
      'Series 1 of 3 (without a title)',
      'Weekly sync',
      'Series 3 of 3 (without a title)',
    ]);
    const list = q(root, 'ignored-series');
    expect(list.textContent).not.toMatch(/9q7k|5tq2/);
    expect(all(root, 'ignored-row')[2]!.querySelector('button')!.getAttribute('aria-label')).toBe(
      'Remove “Not a 1:1” for Series 3 of 3 (without a title)',
    );
  });

  it('lists series tracked as 1:1s and stops linking one', async () => {
    const relationship = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Bob',
      calendarSeriesIds: ['series-one', 'series-two'],
    });
    const { root } = await app();
    await until(() => expect(all(root, 'linked-row')).toHaveLength(2));
    expect(all(root, 'linked-row')[0]!.textContent).toContain('Alice / Bob');
    // Two series of one 1:1: told apart by their place, never by their ids.
    expect(all(root, 'linked-detail').map((el) => el.textContent)).toEqual([
      'Calendar series 1 of 2',
      'Calendar series 2 of 2',
    ]);
    expect(q(root, 'linked-series').textContent).not.toContain('series-one');
    await click(all(root, 'linked-row')[0]!.querySelector('button')!);
    await until(() => expect(all(root, 'linked-row')).toHaveLength(1));
    // The only one left needs no id (it means nothing to anyone).
    expect(text(root, 'linked-detail')).toBe('Calendar series');
    const { getRelationship } = await import('@/lib/db');
    expect((await getRelationship(relationship.id))!.calendarSeriesIds).toEqual(['series-two']);
    expect(q(root, 'linked-row').getAttribute('data-series-id')).toBe('series-two');
  });

  it('names each linked series’ 1:1 by its people: two reports’ 1:1s both titled “1:1” read and sound apart', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
    const carol = await createPerson({ name: 'Carol King', emails: [], relation: 'report' });
    await createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: '1:1',
      calendarSeriesIds: ['s-bob'],
    });
    await createRelationship({
      personIds: [carol.id],
      kind: 'one-on-one',
      title: '1:1',
      calendarSeriesIds: ['s-carol'],
    });
    const { root } = await app();
    await until(() =>
      expect(
        all(root, 'linked-row')
          .map((row) => row.querySelector('.row-title')!.textContent)
          .sort(),
      ).toEqual(['Bob Jones — 1:1', 'Carol King — 1:1']),
    );
    const labels = all(root, 'linked-row').map((row) =>
      row.querySelector('button')!.getAttribute('aria-label'),
    );
    expect(new Set(labels).size).toBe(2);
  });
});
