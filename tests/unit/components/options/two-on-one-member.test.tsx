/**
 * A 2-1 has two leads and one member (PRODUCT.md): the 1:1 editor records who the member is — one of its
 * people, or me — and the rest of Duet follows it: feedback in its sessions is filed for the member, the
 * Markdown export says whom the 2-1 is about, a merge or a removed person keeps it right.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { SessionPanel } from '@/components/panel/session/SessionPanel';
import { summaryInputOf } from '@/components/panel/session/SessionSummary';
import { summaryMarkdown } from '@/lib/domain/session-summary';
import {
  createPerson,
  createRelationship,
  getDatabase,
  getRelationship,
  loadSessionView,
  mergePeople,
  RelationshipTwinError,
  type RelationshipFields,
  saveRelationshipEdit,
  startLiveSession,
} from '@/lib/db';
import { memberOf, type Relationship } from '@/lib/domain/model';
import { exportRelationshipMarkdown } from '@/lib/io/markdown';
import { all, change, click, q, submit, until, useMount } from './helpers';

const mount = useMount();

async function twoOnOne() {
  const carol = await createPerson({
    name: 'Carol King',
    emails: ['carol@acme.example'],
    relation: 'report',
  });
  const dan = await createPerson({ name: 'Dan Park', emails: ['dan@acme.example'], relation: 'peer' });
  const relationship = await createRelationship({
    personIds: [carol.id, dan.id],
    kind: 'two-on-one',
    title: '2-1 with Carol',
  });
  return { carol, dan, relationship };
}

/** What the 1:1 editor edits, as a 1:1 is stored. */
const fields = (r: Relationship): RelationshipFields => ({
  personIds: r.personIds,
  title: r.title,
  kind: r.kind,
  cadenceDays: r.cadenceDays,
  templateId: r.templateId,
  member: r.member ?? null,
});

describe('a 2-1’s member', () => {
  it('is set in the 1:1 editor (only for a 2-1), among its people or me', async () => {
    const { carol, relationship } = await twoOnOne();
    const root = await mount(<OptionsApp onDataChanged={vi.fn()} />);
    await until(() => expect(all(root, 'relationship-row').length).toBeGreaterThan(0));
    const row = all(root, 'relationship-row').find((r) => r.textContent?.includes('2-1 with Carol'))!;
    await click(q(row, 'relationship-edit'));
    const editor = q(root, 'relationship-editor');
    const select = q<HTMLSelectElement>(editor, 'relationship-member');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Not said',
      'Carol King',
      'Dan Park',
      'Me (two leads meet me)',
    ]);
    await change(select, carol.id);
    await submit(editor);
    await until(() => expect(root.querySelector('[data-testid=relationship-editor]')).toBeNull());
    expect((await getRelationship(relationship.id))?.member).toBe(carol.id);
    // Not a 2-1: no such field.
    await click(q(all(root, 'relationship-row')[0]!, 'relationship-edit'));
    await change(q(root, 'relationship-kind'), 'one-on-one');
    expect(root.querySelector('[data-testid=relationship-member]')).toBeNull();
  });

  it('follows its people: a member removed, or the kind changed, is no longer said; a merge keeps it', async () => {
    const { carol, dan, relationship } = await twoOnOne();
    const opened = (await getRelationship(relationship.id))!;
    const base = fields(opened);
    await saveRelationshipEdit(relationship.id, base, { ...base, member: carol.id });
    expect(memberOf((await getRelationship(relationship.id))!)).toBe(carol.id);
    // Carol's duplicate record is merged into a new one kept: the member follows her.
    const carol2 = await createPerson({ name: 'Carol K.', emails: ['ck@home.example'], relation: 'report' });
    await mergePeople(carol2.id, carol.id);
    expect((await getRelationship(relationship.id))?.member).toBe(carol2.id);
    // Removed from the 2-1: not said any more.
    const now = (await getRelationship(relationship.id))!;
    const before = fields(now);
    await saveRelationshipEdit(relationship.id, before, { ...before, personIds: [dan.id] });
    expect((await getRelationship(relationship.id))?.member ?? null).toBeNull();
  });

  it('picked in the same save that makes it one with an existing 2-1: the member picked is kept', async () => {
    const { carol, dan, relationship: twin } = await twoOnOne();
    const carols = await createRelationship({
      personIds: [carol.id],
      kind: 'one-on-one',
      title: 'Carol 1:1',
    });
    const opened = fields((await getRelationship(carols.id))!);
    const edited = {
      ...opened,
      kind: 'two-on-one' as const,
      personIds: [carol.id, dan.id],
      member: carol.id,
    };
    await expect(saveRelationshipEdit(carols.id, opened, edited)).rejects.toBeInstanceOf(
      RelationshipTwinError,
    );
    await saveRelationshipEdit(carols.id, opened, edited, { foldInto: twin.id });
    expect((await getRelationship(twin.id))?.member).toBe(carol.id);
  });

  it('a 1:1 that never had a member is stored without the field (an older Duet still reads its export)', async () => {
    const { dan } = await twoOnOne();
    const kept = await createRelationship({ personIds: [dan.id], kind: 'peer', title: 'Dan' });
    // Dan's second record, with a peer 1:1 of its own: merged, the two 1:1s fold into one.
    const dan2 = await createPerson({ name: 'Dan P.', emails: ['dp@home.example'], relation: 'peer' });
    await createRelationship({ personIds: [dan2.id], kind: 'peer', title: 'Dan (home)' });
    await mergePeople(dan.id, dan2.id);
    expect(await getDatabase().relationships.where('personIds').equals(dan.id).count()).toBe(2);
    expect(Object.keys((await getDatabase().relationships.get(kept.id))!)).not.toContain('member');
  });

  it('feedback in its session is filed for the member, and the label names them', async () => {
    const { carol, relationship } = await twoOnOne();
    const opened = (await getRelationship(relationship.id))!;
    const base = fields(opened);
    await saveRelationshipEdit(relationship.id, base, {
      ...base,
      member: carol.id,
      templateId: 'builtin:structured-50',
    });
    await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij' });
    const root = document.createElement('div');
    document.body.append(root);
    try {
      await act(() =>
        render(
          <SessionPanel
            target={{ relationshipId: relationship.id, meetCode: 'abc-defg-hij', calendarEventId: null }}
            mode="call"
          />,
          root,
        ),
      );
      await vi.waitFor(() => expect(root.querySelector('[data-testid=feedback-text]')).not.toBeNull(), {
        timeout: 5000,
      });
      expect(root.querySelector('[data-testid=session-feedback]')?.textContent).toContain(
        'Given to Carol King',
      );
      const box = root.querySelector<HTMLTextAreaElement>('[data-testid=feedback-text]')!;
      await act(() => {
        box.value = 'Clear write-up of the incident';
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(() => root.querySelector<HTMLButtonElement>('[data-testid=feedback-add]')!.click());
      await vi.waitFor(async () =>
        expect(await getDatabase().feedback.toArray()).toEqual([
          expect.objectContaining({ personId: carol.id, text: 'Clear write-up of the incident' }),
        ]),
      );
    } finally {
      render(null, root);
      root.remove();
    }
  });

  it('the session summary’s copies say whom the 2-1 is about', async () => {
    const { carol, relationship } = await twoOnOne();
    const base = fields((await getRelationship(relationship.id))!);
    await saveRelationshipEdit(relationship.id, base, { ...base, member: carol.id });
    const session = await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij' });
    const view = (await loadSessionView(session.id))!;
    expect(summaryMarkdown(summaryInputOf(view)).split('\n')[0]).toMatch(
      /^# 2-1 with Carol King & Dan Park, about Carol King — /,
    );
  });

  it('the Markdown export says whom the 2-1 is about', async () => {
    const { carol, relationship } = await twoOnOne();
    expect(await exportRelationshipMarkdown(relationship.id)).toContain('With Carol King & Dan Park');
    const opened = (await getRelationship(relationship.id))!;
    const base = fields(opened);
    await saveRelationshipEdit(relationship.id, base, { ...base, member: carol.id });
    expect(await exportRelationshipMarkdown(relationship.id)).toContain(
      '2-1 about Carol King, with Dan Park',
    );
    await saveRelationshipEdit(relationship.id, { ...base, member: carol.id }, { ...base, member: 'me' });
    expect(await exportRelationshipMarkdown(relationship.id)).toContain(
      '2-1 with Carol King & Dan Park, about me',
    );
  });
});
