import { describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  allActiveAgreements,
  COUNT_CAP,
  createRelationship,
  getDatabase,
  loadPopupLists,
  POPUP_LIST_LIMIT,
  renegotiateAgreement,
} from '@/lib/db';
import { countByFilter } from '@/lib/domain/agreements';
import type { Agreement } from '@/lib/domain/model';

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

  // Counting reads each filter's ranges one after the other, only up to what the cap still lacks: the
  // figures must not depend on how the agreements split over open/renegotiated, or mine alone/both.
  type Mix = Partial<Record<`${'open' | 'renegotiated'} ${Agreement['owner']}`, number>>;
  it.each<[string, Mix]>([
    [
      'all under the cap, spread over both statuses',
      { 'open me': 30, 'renegotiated me': 20, 'open both': 10, 'renegotiated both': 5, 'open them': 15 },
    ],
    [
      'the cap reached only with the renegotiated ones',
      { 'open me': 70, 'renegotiated me': 25, 'renegotiated both': 10 },
    ],
    [
      'mine alone past the cap (both not needed)',
      { 'open me': 60, 'renegotiated me': 45, 'open both': 7, 'open them': 3 },
    ],
    [
      'mine reaches the cap only with both',
      { 'open me': 50, 'renegotiated both': 45, 'open both': 8, 'renegotiated them': 9 },
    ],
    ['exactly the cap', { 'open them': COUNT_CAP - 1, 'renegotiated named': 1 }],
  ])('counts like the exact figures capped: %s', async (_, mix) => {
    const relationship = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    const today = '2030-01-15';
    let i = 0;
    for (const [key, n] of Object.entries(mix)) {
      const [status, owner] = key.split(' ') as ['open' | 'renegotiated', Agreement['owner']];
      for (let k = 0; k < n; k++, i++) {
        // Due dates around today: overdue, this week and later ones in every group.
        const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
        const agreement = await addAgreement(relationship.id, {
          owner,
          ownerName: owner === 'named' ? 'Dana' : undefined,
          text: `Item ${i}`,
          dueDate: `2030-01-${day}`,
        });
        if (status === 'renegotiated') await renegotiateAgreement(agreement.id, `2030-01-${day}`, 'later');
      }
    }
    const exact = countByFilter(await allActiveAgreements(), today);
    const capped = (n: number) => Math.min(n, COUNT_CAP);
    // Noon of `today`, local: the popup counts by the user's local day.
    const { counts } = await loadPopupLists('all-open', new Date(2030, 0, 15, 12).getTime());
    expect(counts).toEqual({
      'all-open': capped(exact['all-open']),
      overdue: capped(exact.overdue),
      'due-this-week': capped(exact['due-this-week']),
      mine: capped(exact.mine),
      // Counted on its own: a few of theirs among more than the cap of mine is that few, not "99+".
      theirs: capped(exact.theirs),
    });
  });

  it('reads no more index keys than the cap per filter: a filter at the cap reads no further range', async () => {
    const relationship = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    const shape = await addAgreement(relationship.id, { owner: 'me', text: 'Item', dueDate: '2030-01-10' });
    // 110 open overdue, 110 open due this week, 50 renegotiated overdue: every filter reaches the cap with
    // the open ones alone (reading every range up to the cap, as before, took ~550 keys).
    const rows = [
      ...Array.from({ length: 110 }, (_, i) => ({ ...shape, id: `over-${i}`, dueDate: '2030-01-10' })),
      ...Array.from({ length: 110 }, (_, i) => ({ ...shape, id: `week-${i}`, dueDate: '2030-01-17' })),
      ...Array.from({ length: 50 }, (_, i) => ({
        ...shape,
        id: `reneg-${i}`,
        status: 'renegotiated' as const,
        dueDate: '2030-01-10',
      })),
    ];
    await getDatabase().agreements.bulkPut(rows);
    let keys = 0;
    const getAllKeys = IDBIndex.prototype.getAllKeys;
    const spy = vi.spyOn(IDBIndex.prototype, 'getAllKeys').mockImplementation(function (
      this: IDBIndex,
      ...args: Parameters<IDBIndex['getAllKeys']>
    ) {
      const request = getAllKeys.apply(this, args);
      if (this.objectStore.name === 'agreements')
        request.addEventListener('success', () => (keys += request.result.length));
      return request;
    });
    try {
      // Noon of `today`, local: the popup counts by the user's local day.
      const { counts } = await loadPopupLists('all-open', new Date(2030, 0, 15, 12).getTime());
      expect(counts).toEqual({
        'all-open': COUNT_CAP,
        overdue: COUNT_CAP,
        'due-this-week': COUNT_CAP,
        mine: COUNT_CAP,
        // Every one is mine: none is theirs (before, at the cap, "theirs" said "99+" too).
        theirs: 0,
      });
    } finally {
      spy.mockRestore();
    }
    expect(keys).toBe(4 * COUNT_CAP);
  });
});
