/** How the popup names 1:1s that share a name: what tells them apart follows the name. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import { createPopupSource } from '@/components/popup/popup-source';
import {
  addAgreement,
  createPerson,
  createRelationship,
  loadPopupView,
  prepareSession,
  updateRelationship,
} from '@/lib/db';
import { splitNamePrefix } from '@/components/popup/QuickPoint';
import type { Person, Relationship } from '@/lib/domain/model';
import { fakeActions, q, qa } from './popup-fixtures';
import { useRenderContainer } from '../../helpers/dom-container';

const container = useRenderContainer();

async function show() {
  await act(() => {
    render(<PopupApp source={createPopupSource()} actions={fakeActions()} open={vi.fn()} />, container());
  });
  await vi.waitFor(() => expect(q('popup-agreements')).not.toBeNull());
}

const pickerTexts = () =>
  [...q<HTMLSelectElement>('popup-point-person')!.querySelectorAll('option')].map((o) => o.textContent);
const groupNames = () => qa('popup-group-name').map((el) => el.textContent);
const upcomingNames = () => qa('popup-upcoming-name').map((el) => el.textContent);

async function withAgreement(
  person: Person,
  kind: Relationship['kind'],
  title: string,
  text: string,
): Promise<Relationship> {
  const relationship = await createRelationship({ personIds: [person.id], kind, title });
  await addAgreement(relationship.id, { owner: 'me', text, dueDate: null });
  return relationship;
}

describe('popup: 1:1s that share a name', () => {
  it('Alice’s one-on-one and career 1:1 are told apart by their kind, in the picker, groups and next 7 days', async () => {
    const alice = await createPerson({ name: 'Alice Ng', relation: 'report' });
    const bob = await createPerson({ name: 'Bob Jones', relation: 'report' });
    const weekly = await withAgreement(alice, 'one-on-one', 'Alice / Me', 'Weekly agreement');
    const career = await withAgreement(alice, 'career', 'Growth', 'Career agreement');
    await withAgreement(bob, 'one-on-one', 'Bob / Me', 'Bob agreement');
    await prepareSession({ relationshipId: weekly.id, scheduledAt: Date.now() + 86_400_000 });
    await prepareSession({ relationshipId: career.id, scheduledAt: Date.now() + 2 * 86_400_000 });
    await show();
    await vi.waitFor(() =>
      expect(pickerTexts()).toEqual(['For…', 'Alice Ng · 1:1', 'Alice Ng · Career 1:1', 'Bob Jones']),
    );
    expect([...groupNames()].sort()).toEqual(['Alice Ng · 1:1', 'Alice Ng · Career 1:1', 'Bob Jones']);
    expect(upcomingNames()).toEqual(['Alice Ng · 1:1', 'Alice Ng · Career 1:1']);
  });

  it('two of the same kind by their titles; two people of the same name by their emails', async () => {
    const alice = await createPerson({ name: 'Alice Ng', relation: 'report' });
    await withAgreement(alice, 'one-on-one', 'Weekly', 'One');
    await withAgreement(alice, 'one-on-one', 'Mentoring', 'Two');
    const sam = await createPerson({ name: 'Sam Lee', emails: ['sam@north.example'], relation: 'report' });
    const otherSam = await createPerson({ name: 'Sam Lee', emails: ['sam@south.example'], relation: 'peer' });
    await withAgreement(sam, 'one-on-one', '1:1', 'Three');
    await withAgreement(otherSam, 'one-on-one', '1:1', 'Four');
    await show();
    await vi.waitFor(() =>
      expect(pickerTexts()).toEqual([
        'For…',
        'Alice Ng · Mentoring',
        'Alice Ng · Weekly',
        'Sam Lee · sam@north.example',
        'Sam Lee · sam@south.example',
      ]),
    );
  });

  it('an archived 1:1 with open agreements keeps the groups apart too', async () => {
    const alice = await createPerson({ name: 'Alice Ng', relation: 'report' });
    await withAgreement(alice, 'one-on-one', 'Alice / Me', 'Current');
    const old = await withAgreement(alice, 'peer', 'Back when we were peers', 'Old');
    await updateRelationship(old.id, { archived: true });
    await show();
    await vi.waitFor(() =>
      expect([...groupNames()].sort()).toEqual(['Alice Ng · 1:1', 'Alice Ng · Peer 1:1']),
    );
    expect(pickerTexts()).toEqual(['For…', 'Alice Ng · 1:1']);
  });

  it('a name nobody else has stays as it is', async () => {
    const bob = await createPerson({ name: 'Bob Jones', relation: 'report' });
    await withAgreement(bob, 'one-on-one', 'Bob / Me', 'Bob agreement');
    await show();
    await vi.waitFor(() => expect(pickerTexts()).toEqual(['For…', 'Bob Jones']));
    expect(groupNames()).toEqual(['Bob Jones']);
  });
});

describe('popup: what tells 1:1s apart is not part of their name', () => {
  it('"Design review: agenda" still picks the active 1:1 of that name, and a search for "peer" finds no agreement by its suffix', async () => {
    const active = await createRelationship({ personIds: [], kind: 'peer', title: 'Design review' });
    await addAgreement(active.id, { owner: 'me', text: 'Send the mocks', dueDate: null });
    const old = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Design review' });
    await updateRelationship(old.id, { archived: true });
    const view = await loadPopupView();
    expect(view.relationships.map((r) => r.name)).toEqual(['Design review · Peer 1:1']);
    expect(splitNamePrefix('Design review: agenda', view.relationships)).toEqual({
      relationshipId: active.id,
      text: 'agenda',
    });
    const searched = await loadPopupView({ query: 'peer' });
    expect(searched.groups.flatMap((g) => g.agreements)).toEqual([]);
  });
});
