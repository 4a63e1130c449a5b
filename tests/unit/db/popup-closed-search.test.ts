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

/** A closed agreement row as stored, made `daysAgo` and closed (last changed) then (for bulk seeding). */
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

  it('lists one made long ago and closed just now first, ahead of many made since and closed before it', async () => {
    const bob = await oneOnOne('Bob Jones');
    vi.setSystemTime(NOW - 30 * DAY);
    const plan = await addAgreement(bob.id, { owner: 'me', text: 'Rollout plan', dueDate: null });
    vi.setSystemTime(NOW);
    // CLOSED_SHOWN + 1 made 5 days ago (long after the plan) and closed 3 days ago (before it).
    const steps = Array.from({ length: CLOSED_SHOWN + 1 }, (_, i): Agreement => ({
      ...plan,
      id: `step-${i}`,
      text: `Rollout step ${i}`,
      status: 'done',
      createdAt: NOW - 5 * DAY,
      closedAt: NOW - 3 * DAY,
      updatedAt: NOW - 3 * DAY,
    }));
    await getDatabase().agreements.bulkPut(steps);
    await completeAgreement(plan.id);
    const view = await loadPopupView({ query: 'rollout' }, NOW);
    expect(closedTexts(view)[0]).toBe('Rollout plan');
    expect(view.closed!.matches).toHaveLength(CLOSED_SHOWN);
    expect(view.closed!.more).toBe(2);
    expect(view.closed!.stopped).toBeNull();
  });

  it('closed agreements of a 1:1 that is gone are left out', async () => {
    const { bob } = await seed();
    await getDatabase().relationships.delete(bob.id);
    expect(closedTexts(await loadPopupView({ query: 'pricing' }, NOW))).toEqual(['Pricing survey']);
  });
});

/** How many agreement records (values, not keys) the reads after this call take: getAll rows and cursor steps. */
function countValuesRead(): () => number {
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
  return () => valuesRead;
}

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

  it('stops once more than CLOSED_SHOWN match and nothing unread can have been closed later (typing more narrows it)', async () => {
    const row = await shape();
    const recent = Array.from({ length: CLOSED_SHOWN + 3 }, (_, i) =>
      closedRow(row, `new-${i}`, `Rollout step ${i}`, 1),
    );
    const filler = Array.from({ length: 300 }, (_, i) => closedRow(row, `f-${i}`, `Filler ${i}`, 2 + i / 10));
    const old = closedRow(row, 'old', 'Rollout retro', 900);
    await getDatabase().agreements.bulkPut([...recent, ...filler, old]);
    const read = countValuesRead();
    const view = await loadPopupView({ query: 'rollout' }, NOW);
    expect(view.closed!.matches).toHaveLength(CLOSED_SHOWN);
    expect(view.closed!.stopped).toBe('enough');
    expect(closedTexts(view)).not.toContain('Rollout retro');
    // The first batch (50, newest changed) held them all: the 300 older ones were never read.
    expect(read()).toBeLessThan(100);
    // A narrower search reads on to the old one.
    const narrow = await loadPopupView({ query: 'rollout retro' }, NOW);
    expect(closedTexts(narrow)).toEqual(['Rollout retro']);
    expect(narrow.closed!.stopped).toBeNull();
  });

  it('lists by when they were closed, not by a later change (a merge of two 1:1s re-stamps them)', async () => {
    const row = await shape();
    // Closed 100 days ago, changed today: read first, listed by when it was closed.
    const restamped = { ...closedRow(row, 'restamped', 'Rollout kickoff', 100), updatedAt: NOW - 1000 };
    const recent = Array.from({ length: CLOSED_SHOWN + 1 }, (_, i) =>
      closedRow(row, `new-${i}`, `Rollout step ${i}`, 3),
    );
    const filler = Array.from({ length: 200 }, (_, i) => closedRow(row, `f-${i}`, `Filler ${i}`, 4 + i / 10));
    await getDatabase().agreements.bulkPut([restamped, ...recent, ...filler]);
    const view = await loadPopupView({ query: 'rollout' }, NOW);
    expect(closedTexts(view)).not.toContain('Rollout kickoff');
    expect(view.closed!.stopped).toBe('enough');
    const narrow = await loadPopupView({ query: 'kickoff' }, NOW);
    expect(closedTexts(narrow)).toEqual(['Rollout kickoff']);
  });

  it('a row that says it was closed after its last change (an edited import) ranks at that change', async () => {
    const row = await shape();
    const earlier = closedRow(row, 'earlier', 'Rollout step', 5);
    const odd = { ...closedRow(row, 'odd', 'Rollout odd', 1), updatedAt: NOW - 10 * DAY };
    await getDatabase().agreements.bulkPut([earlier, odd]);
    expect(closedTexts(await loadPopupView({ query: 'rollout' }, NOW))).toEqual([
      'Rollout step',
      'Rollout odd',
    ]);
  });

  it('reads every one of a moment that stamped many (a batch ends inside them)', async () => {
    const row = await shape();
    // 150 changed at one moment; the one match has the lowest id, so it is the last of them read newest first.
    const tied = Array.from({ length: 150 }, (_, i) => ({
      ...closedRow(row, `t-${String(i).padStart(3, '0')}`, i === 0 ? 'Needle' : `Filler ${i}`, 10 + i),
      updatedAt: NOW - DAY,
    }));
    const older = Array.from({ length: 30 }, (_, i) => closedRow(row, `o-${i}`, `Older ${i}`, 200 + i));
    await getDatabase().agreements.bulkPut([...tied, ...older]);
    const view = await loadPopupView({ query: 'needle' }, NOW);
    expect(closedTexts(view)).toEqual(['Needle']);
    expect(view.closed!.stopped).toBeNull();
  });

  it('reads at most CLOSED_SCAN_LIMIT closed agreements, the most recently changed, and says older ones were not searched', async () => {
    const row = await shape();
    // CLOSED_SCAN_LIMIT filler ones changed within the last 100 days, one needle just inside them (the
    // newest) and one older than all of them.
    const filler = Array.from({ length: CLOSED_SCAN_LIMIT }, (_, i) =>
      closedRow(row, `f-${String(i).padStart(5, '0')}`, `Filler ${i}`, 1 + (i * 99) / CLOSED_SCAN_LIMIT),
    );
    const newest = closedRow(row, 'needle-new', 'Needle recent', 0.5);
    const oldest = closedRow(row, 'needle-old', 'Needle ancient', 700);
    await getDatabase().agreements.bulkPut([...filler, newest, oldest]);

    const read = countValuesRead();
    const view = await loadPopupView({ query: 'needle' }, NOW);
    expect(closedTexts(view)).toEqual(['Needle recent']);
    expect(view.closed!.stopped).toBe('limit');
    // The closed ones read, plus the one open agreement (the active set), plus one cursor end at most.
    expect(read()).toBeLessThanOrEqual(CLOSED_SCAN_LIMIT + 2);
  }, 30_000);
});
