/**
 * The popup's search also finds closed agreements (done, dropped): listed apart from the open matches, most
 * recently closed first, capped, never counted in the filters, and read with a bounded pass.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  CLOSED_SCAN_LIMIT,
  CLOSED_SHOWN,
  completeAgreement,
  createPerson,
  createRelationship,
  dropAgreement,
  getDatabase,
  loadPopupView,
  reopenAgreement,
} from '@/lib/db';
import type { Agreement, Relationship } from '@/lib/domain/model';
import { useFixedDate } from '../helpers/clock';

/** Wednesday 25 March 2026, noon local time. */
const NOW = new Date(2026, 2, 25, 12, 0).getTime();
const DAY = 86_400_000;

useFixedDate(NOW);

async function oneOnOne(name: string): Promise<Relationship> {
  const person = await createPerson({ name, relation: 'report' });
  return createRelationship({ personIds: [person.id], kind: 'one-on-one', title: `Alice / ${name}` });
}

const texts = (agreements: readonly Agreement[]) => agreements.map((a) => a.text);
const openTexts = (view: Awaited<ReturnType<typeof loadPopupView>>) =>
  texts(view.groups.flatMap((g) => g.agreements));
const closedTexts = (view: Awaited<ReturnType<typeof loadPopupView>>) =>
  texts(view.closed?.matches.map((m) => m.agreement) ?? []);

/** Closed at a given time: the clock is set there for the change, then back to NOW. */
async function closeAt(at: number, close: () => Promise<unknown>) {
  vi.setSystemTime(at);
  await close();
  vi.setSystemTime(NOW);
}

/** A closed agreement row as stored, made `daysAgo` and closed then (for bulk seeding). */
function closedRow(shape: Agreement, id: string, text: string, daysAgo: number): Agreement {
  const at = NOW - daysAgo * DAY;
  return { ...shape, id, text, status: 'done', closedAt: at, createdAt: at, updatedAt: at };
}

describe('popup search: closed agreements', () => {
  async function seed() {
    const bob = await oneOnOne('Bob Jones');
    const carol = await oneOnOne('Carol King');
    const openPricing = await addAgreement(bob.id, {
      owner: 'them',
      text: 'Pricing page copy review',
      dueDate: '2026-03-27',
    });
    const donePricing = await addAgreement(bob.id, {
      owner: 'them',
      text: 'Ship the pricing page',
      dueDate: null,
    });
    const droppedPricing = await addAgreement(carol.id, {
      owner: 'me',
      text: 'Pricing survey',
      dueDate: null,
    });
    const doneOther = await addAgreement(carol.id, { owner: 'me', text: 'Book the offsite', dueDate: null });
    await closeAt(NOW - 40 * DAY, () => completeAgreement(donePricing.id));
    await closeAt(NOW - 2 * DAY, () => dropAgreement(droppedPricing.id, 'not needed'));
    await closeAt(NOW - DAY, () => completeAgreement(doneOther.id));
    return { bob, carol, openPricing, donePricing, droppedPricing, doneOther };
  }

  it('finds done and dropped agreements apart from the open ones, most recently closed first', async () => {
    const { bob, carol } = await seed();
    const view = await loadPopupView({ query: 'pricing' }, NOW);
    expect(openTexts(view)).toEqual(['Pricing page copy review']);
    expect(closedTexts(view)).toEqual(['Pricing survey', 'Ship the pricing page']);
    expect(view.closed!.matches.map((m) => [m.agreement.status, m.relationship.id])).toEqual([
      ['dropped', carol.id],
      ['done', bob.id],
    ]);
    expect(view.closed!.more).toBe(0);
    expect(view.closed!.stopped).toBeNull();
  });

  it('matches closed ones on the person’s name as open ones are ("what did Bob agree to")', async () => {
    await seed();
    const view = await loadPopupView({ query: 'bob pricing page' }, NOW);
    expect(openTexts(view)).toEqual(['Pricing page copy review']);
    expect(closedTexts(view)).toEqual(['Ship the pricing page']);
  });

  it('never counts closed matches in the filters', async () => {
    await seed();
    const view = await loadPopupView({ query: 'pricing' }, NOW);
    expect(view.counts).toEqual({ 'all-open': 1, mine: 0, theirs: 1, overdue: 0, 'due-this-week': 1 });
    const onlyClosed = await loadPopupView({ query: 'offsite' }, NOW);
    expect(openTexts(onlyClosed)).toEqual([]);
    expect(closedTexts(onlyClosed)).toEqual(['Book the offsite']);
    expect(onlyClosed.counts['all-open']).toBe(0);
  });

  it('keeps to an owner filter; the date filters (overdue, this week) list no closed ones', async () => {
    await seed();
    expect(closedTexts(await loadPopupView({ query: 'pricing', filter: 'mine' }, NOW))).toEqual([
      'Pricing survey',
    ]);
    expect(closedTexts(await loadPopupView({ query: 'pricing', filter: 'theirs' }, NOW))).toEqual([
      'Ship the pricing page',
    ]);
    expect(closedTexts(await loadPopupView({ query: 'pricing', filter: 'overdue' }, NOW))).toEqual([]);
    expect(closedTexts(await loadPopupView({ query: 'pricing', filter: 'due-this-week' }, NOW))).toEqual([]);
  });

  it('with no search, nothing closed is read or listed', async () => {
    await seed();
    const view = await loadPopupView({}, NOW);
    expect(view.closed).toBeUndefined();
    expect(openTexts(view)).toEqual(['Pricing page copy review']);
    expect((await loadPopupView({ query: '   ' }, NOW)).closed).toBeUndefined();
  });

  it('a reopened agreement leaves the closed list for the open one', async () => {
    const { donePricing } = await seed();
    await reopenAgreement(donePricing.id);
    const view = await loadPopupView({ query: 'pricing' }, NOW);
    expect(openTexts(view)).toEqual(['Pricing page copy review', 'Ship the pricing page']);
    expect(closedTexts(view)).toEqual(['Pricing survey']);
  });

  it('closed agreements of a 1:1 that is gone are left out', async () => {
    const { bob } = await seed();
    await getDatabase().relationships.delete(bob.id);
    expect(closedTexts(await loadPopupView({ query: 'pricing' }, NOW))).toEqual(['Pricing survey']);
  });
});

describe('popup search: closed agreements are capped and read with a bounded pass', () => {
  afterEach(() => vi.restoreAllMocks());

  async function shape(): Promise<Agreement> {
    const bob = await oneOnOne('Bob Jones');
    return addAgreement(bob.id, { owner: 'me', text: 'Shape', dueDate: null });
  }

  it('lists the CLOSED_SHOWN most recently closed and counts the rest when all were searched', async () => {
    const row = await shape();
    // All older than the last slice's start: every closed agreement is read, the count is exact.
    const rows = Array.from({ length: CLOSED_SHOWN + 5 }, (_, i) =>
      closedRow(row, `old-${i}`, `Pricing ${String(i).padStart(2, '0')}`, 500 + i),
    );
    await getDatabase().agreements.bulkPut(rows);
    const view = await loadPopupView({ query: 'pricing' }, NOW);
    expect(closedTexts(view)).toEqual(rows.slice(0, CLOSED_SHOWN).map((r) => r.text));
    expect(view.closed!.more).toBe(5);
    expect(view.closed!.stopped).toBeNull();
  });

  it('stops after a slice of recent ones once more than CLOSED_SHOWN match (typing more narrows it)', async () => {
    const row = await shape();
    const recent = Array.from({ length: CLOSED_SHOWN + 3 }, (_, i) =>
      closedRow(row, `new-${i}`, `Rollout step ${i}`, 1),
    );
    const old = closedRow(row, 'old', 'Rollout retro', 900);
    await getDatabase().agreements.bulkPut([...recent, old]);
    const view = await loadPopupView({ query: 'rollout' }, NOW);
    expect(view.closed!.matches).toHaveLength(CLOSED_SHOWN);
    expect(view.closed!.stopped).toBe('enough');
    expect(closedTexts(view)).not.toContain('Rollout retro');
    // A narrower search reads on to the old one.
    const narrow = await loadPopupView({ query: 'rollout retro' }, NOW);
    expect(closedTexts(narrow)).toEqual(['Rollout retro']);
    expect(narrow.closed!.stopped).toBeNull();
  });

  it('reads at most CLOSED_SCAN_LIMIT closed agreements, the newest, and says older ones were not searched', async () => {
    const row = await shape();
    // CLOSED_SCAN_LIMIT filler ones made within the last 100 days, one needle just inside them (the newest)
    // and one older than all of them.
    const filler = Array.from({ length: CLOSED_SCAN_LIMIT }, (_, i) =>
      closedRow(row, `f-${String(i).padStart(5, '0')}`, `Filler ${i}`, 1 + (i * 99) / CLOSED_SCAN_LIMIT),
    );
    const newest = closedRow(row, 'needle-new', 'Needle recent', 0.5);
    const oldest = closedRow(row, 'needle-old', 'Needle ancient', 700);
    await getDatabase().agreements.bulkPut([...filler, newest, oldest]);

    let valuesRead = 0;
    const getAll = IDBIndex.prototype.getAll;
    vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (
      this: IDBIndex,
      ...args: Parameters<IDBIndex['getAll']>
    ) {
      const request = getAll.apply(this, args);
      if (this.objectStore.name === 'agreements')
        request.addEventListener('success', () => (valuesRead += request.result.length));
      return request;
    });
    const openCursor = IDBIndex.prototype.openCursor;
    vi.spyOn(IDBIndex.prototype, 'openCursor').mockImplementation(function (
      this: IDBIndex,
      ...args: Parameters<IDBIndex['openCursor']>
    ) {
      const request = openCursor.apply(this, args);
      if (this.objectStore.name === 'agreements')
        request.addEventListener('success', () => {
          if (request.result) valuesRead += 1;
        });
      return request;
    });

    const view = await loadPopupView({ query: 'needle' }, NOW);
    expect(closedTexts(view)).toEqual(['Needle recent']);
    expect(view.closed!.stopped).toBe('limit');
    // The closed ones read, plus the one open agreement (the active set), plus one cursor end at most.
    expect(valuesRead).toBeLessThanOrEqual(CLOSED_SCAN_LIMIT + 2);
  }, 30_000);
});
