import { describe, expect, it } from 'vitest';
import { addAgreement, COUNT_CAP, createRelationship, loadPopupLists, POPUP_LIST_LIMIT } from '@/lib/db';

describe('popup counts are capped, so opening the popup costs the same however much is open', () => {
  it('counts up to COUNT_CAP and lists the first POPUP_LIST_LIMIT, soonest due first', async () => {
    const relationship = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    const total = COUNT_CAP + 20;
    for (let i = 0; i < total; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await addAgreement(relationship.id, {
        owner: i % 2 ? 'me' : 'them',
        text: `Item ${i}`,
        dueDate: `2030-01-${day}`,
      });
    }
    const lists = await loadPopupLists('all-open', Date.UTC(2029, 11, 1, 12));
    expect(lists.counts['all-open']).toBe(COUNT_CAP);
    expect(lists.counts.mine).toBe(total / 2); // 60: under the cap, exact
    expect(lists.counts.overdue).toBe(0);
    const listed = lists.groups.flatMap((g) => g.agreements);
    expect(listed).toHaveLength(POPUP_LIST_LIMIT);
    const dues = listed.map((a) => a.dueDate ?? '');
    expect(dues).toEqual([...dues].sort());
    expect(dues[0]).toBe('2030-01-01');
  });
});
