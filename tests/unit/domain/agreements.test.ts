import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_FILTERS,
  AgreementTransitionError,
  compareAgreements,
  drop,
  isActive,
  isOverdue,
  markDone,
  markReviewed,
  matchesFilter,
  renegotiate,
  reopen,
  statusBeforeClosing,
} from '@/lib/domain/agreements';
import { type Agreement, AgreementSchema } from '@/lib/domain/model';

const T0 = Date.UTC(2026, 2, 20, 9);
const T1 = T0 + 3_600_000;

let counter = 0;
function agreement(overrides: Partial<Agreement> = {}): Agreement {
  counter++;
  return {
    id: `a${counter}`,
    relationshipId: 'r1',
    owner: 'me',
    ownerName: '',
    text: `Agreement ${counter}`,
    dueDate: '2026-03-27',
    status: 'open',
    madeInSessionId: 's1',
    history: [{ at: T0, action: 'created', sessionId: 's1', fromDue: null, toDue: '2026-03-27', note: '' }],
    closedAt: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

// Wednesday; its week runs Monday 2026-03-23 to Sunday 2026-03-29.
const TODAY = '2026-03-25';

describe('isActive / isOverdue', () => {
  it('open and renegotiated are active; done and dropped are not', () => {
    expect(isActive({ status: 'open' })).toBe(true);
    expect(isActive({ status: 'renegotiated' })).toBe(true);
    expect(isActive({ status: 'done' })).toBe(false);
    expect(isActive({ status: 'dropped' })).toBe(false);
  });

  it('overdue means active with a due date before today', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-03-24' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'renegotiated', dueDate: '2025-12-31' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: TODAY }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-03-01' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'dropped', dueDate: '2026-03-01' }, TODAY)).toBe(false);
  });
});

describe('matchesFilter', () => {
  const owned = (owner: Agreement['owner']) => ({ status: 'open' as const, dueDate: null, owner });

  it('all-open matches every active agreement', () => {
    expect(matchesFilter(owned('me'), 'all-open', TODAY)).toBe(true);
    expect(matchesFilter({ ...owned('named'), status: 'renegotiated' }, 'all-open', TODAY)).toBe(true);
  });

  it('mine: me and both', () => {
    expect(matchesFilter(owned('me'), 'mine', TODAY)).toBe(true);
    expect(matchesFilter(owned('both'), 'mine', TODAY)).toBe(true);
    expect(matchesFilter(owned('them'), 'mine', TODAY)).toBe(false);
    expect(matchesFilter(owned('named'), 'mine', TODAY)).toBe(false);
  });

  it('theirs: them, both and named', () => {
    expect(matchesFilter(owned('them'), 'theirs', TODAY)).toBe(true);
    expect(matchesFilter(owned('both'), 'theirs', TODAY)).toBe(true);
    expect(matchesFilter(owned('named'), 'theirs', TODAY)).toBe(true);
    expect(matchesFilter(owned('me'), 'theirs', TODAY)).toBe(false);
  });

  it('overdue: due before today only', () => {
    const due = (dueDate: string | null) => ({ status: 'open' as const, owner: 'me' as const, dueDate });
    expect(matchesFilter(due('2026-03-24'), 'overdue', TODAY)).toBe(true);
    expect(matchesFilter(due(TODAY), 'overdue', TODAY)).toBe(false);
    expect(matchesFilter(due('2026-03-26'), 'overdue', TODAY)).toBe(false);
    expect(matchesFilter(due(null), 'overdue', TODAY)).toBe(false);
  });

  it('due-this-week: from today up to and including Sunday', () => {
    const due = (dueDate: string | null) => ({ status: 'open' as const, owner: 'them' as const, dueDate });
    expect(matchesFilter(due(TODAY), 'due-this-week', TODAY)).toBe(true);
    expect(matchesFilter(due('2026-03-29'), 'due-this-week', TODAY)).toBe(true);
    expect(matchesFilter(due('2026-03-30'), 'due-this-week', TODAY)).toBe(false);
    // Earlier this week is overdue, not "due this week".
    expect(matchesFilter(due('2026-03-23'), 'due-this-week', TODAY)).toBe(false);
    expect(matchesFilter(due(null), 'due-this-week', TODAY)).toBe(false);
  });

  it('due-this-week on a Monday covers Monday to Sunday, and on a Sunday only that Sunday', () => {
    const due = (dueDate: string) => ({ status: 'open' as const, owner: 'me' as const, dueDate });
    expect(matchesFilter(due('2026-03-22'), 'due-this-week', '2026-03-23')).toBe(false);
    expect(matchesFilter(due('2026-03-23'), 'due-this-week', '2026-03-23')).toBe(true);
    expect(matchesFilter(due('2026-03-29'), 'due-this-week', '2026-03-23')).toBe(true);
    expect(matchesFilter(due('2026-03-30'), 'due-this-week', '2026-03-23')).toBe(false);
    expect(matchesFilter(due('2026-03-29'), 'due-this-week', '2026-03-29')).toBe(true);
    expect(matchesFilter(due('2026-03-30'), 'due-this-week', '2026-03-29')).toBe(false);
  });

  it('closed agreements match no filter', () => {
    for (const status of ['done', 'dropped'] as const) {
      for (const filter of AGREEMENT_FILTERS) {
        expect(matchesFilter({ status, owner: 'both', dueDate: '2026-03-24' }, filter, TODAY)).toBe(false);
        expect(matchesFilter({ status, owner: 'both', dueDate: TODAY }, filter, TODAY)).toBe(false);
      }
    }
  });
});

describe('lifecycle', () => {
  it('markDone closes the agreement and records the step', () => {
    const original = agreement();
    const done = markDone(original, { at: T1, sessionId: 's2' });
    expect(done).toMatchObject({ status: 'done', closedAt: T1, updatedAt: T1, dueDate: '2026-03-27' });
    expect(done.history).toEqual([
      original.history[0],
      { at: T1, action: 'done', sessionId: 's2', fromDue: null, toDue: null, note: '' },
    ]);
    expect(AgreementSchema.safeParse(done).success).toBe(true);
    // The input is not changed.
    expect(original.status).toBe('open');
    expect(original.history).toHaveLength(1);
  });

  it('renegotiate changes the due date and records from and to', () => {
    const first = renegotiate(agreement(), '2026-04-10', 'Blocked on review', { at: T1 });
    expect(first).toMatchObject({
      status: 'renegotiated',
      dueDate: '2026-04-10',
      closedAt: null,
      updatedAt: T1,
    });
    expect(first.history.at(-1)).toEqual({
      at: T1,
      action: 'renegotiated',
      sessionId: null,
      fromDue: '2026-03-27',
      toDue: '2026-04-10',
      note: 'Blocked on review',
    });
    // A renegotiated agreement is still active and can be renegotiated again, even to no date.
    const second = renegotiate(first, null, '', { at: T1 + 1 });
    expect(second.dueDate).toBeNull();
    expect(second.history.map((e) => e.action)).toEqual(['created', 'renegotiated', 'renegotiated']);
    expect(second.history.at(-1)).toMatchObject({ fromDue: '2026-04-10', toDue: null });
  });

  it('drop requires a reason and records it trimmed', () => {
    expect(() => drop(agreement(), '', { at: T1 })).toThrow(AgreementTransitionError);
    expect(() => drop(agreement(), '   \n', { at: T1 })).toThrow(AgreementTransitionError);
    const dropped = drop(agreement(), '  No longer needed  ', { at: T1, sessionId: 's3' });
    expect(dropped).toMatchObject({ status: 'dropped', closedAt: T1, updatedAt: T1 });
    expect(dropped.history.at(-1)).toEqual({
      at: T1,
      action: 'dropped',
      sessionId: 's3',
      fromDue: null,
      toDue: null,
      note: 'No longer needed',
    });
  });

  it('reopen brings a closed agreement back to open', () => {
    const done = markDone(agreement(), { at: T1 });
    const reopened = reopen(done, { at: T1 + 5 });
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, updatedAt: T1 + 5 });
    expect(reopened.history.map((e) => e.action)).toEqual(['created', 'done', 'reopened']);
    const fromDropped = reopen(drop(agreement(), 'why', { at: T1 }), { at: T1 + 5 });
    expect(fromDropped.status).toBe('open');
    expect(fromDropped.history.map((e) => e.action)).toEqual(['created', 'dropped', 'reopened']);
  });

  it('reopen of an active agreement changes nothing', () => {
    const open = agreement();
    expect(reopen(open, { at: T1 })).toBe(open);
  });

  it('reviewed adds a history entry without changing the status', () => {
    const reviewed = markReviewed(agreement(), 'Still relevant', { at: T1, sessionId: 's2' });
    expect(reviewed.status).toBe('open');
    expect(reviewed.closedAt).toBeNull();
    expect(reviewed.updatedAt).toBe(T1);
    expect(reviewed.history.at(-1)).toEqual({
      at: T1,
      action: 'reviewed',
      sessionId: 's2',
      fromDue: null,
      toDue: null,
      note: 'Still relevant',
    });
  });

  it('closed agreements refuse renegotiate and drop; a dropped one refuses done', () => {
    const done = markDone(agreement(), { at: T1 });
    const dropped = drop(agreement(), 'no', { at: T1 });
    for (const closed of [done, dropped]) {
      expect(() => renegotiate(closed, '2026-05-01', '', { at: T1 })).toThrow(AgreementTransitionError);
      expect(() => drop(closed, 'reason', { at: T1 })).toThrow(AgreementTransitionError);
    }
    expect(() => markDone(dropped, { at: T1 })).toThrow(/this one is dropped/);
    expect(() => renegotiate(dropped, null, '', { at: T1 })).toThrow(/this one is dropped/);
  });

  it('markDone of an agreement already done changes nothing (a double click is one "done")', () => {
    const done = markDone(agreement(), { at: T1 });
    expect(markDone(done, { at: T1 + 5 })).toBe(done);
    expect(done.history.map((e) => e.action)).toEqual(['created', 'done']);
  });

  it('reopen brings back the status before closing: renegotiated stays renegotiated', () => {
    const moved = renegotiate(agreement(), '2026-04-10', 'later', { at: T1 });
    const undone = reopen(markDone(moved, { at: T1 + 1 }), { at: T1 + 2 });
    expect(undone).toMatchObject({ status: 'renegotiated', dueDate: '2026-04-10', closedAt: null });
    expect(undone.history.map((e) => e.action)).toEqual(['created', 'renegotiated', 'done', 'reopened']);
    // Dropped, too; and after a reopen and a second close, still the status before that close.
    expect(reopen(drop(moved, 'why', { at: T1 + 1 }), { at: T1 + 2 }).status).toBe('renegotiated');
    const twice = reopen(markDone(undone, { at: T1 + 3 }), { at: T1 + 4 });
    expect(twice.status).toBe('renegotiated');
    expect(statusBeforeClosing(twice.history)).toBe('renegotiated');
    // Never renegotiated: open. No history at all (older data): open.
    expect(reopen(markDone(agreement(), { at: T1 }), { at: T1 + 1 }).status).toBe('open');
    expect(statusBeforeClosing([])).toBe('open');
  });
});

describe('compareAgreements', () => {
  it('orders by due date (overdue first), undated last, then oldest first', () => {
    const a = agreement({ id: 'late', dueDate: '2026-04-10', createdAt: 1 });
    const b = agreement({ id: 'overdue', dueDate: '2026-03-01', createdAt: 5 });
    const c = agreement({ id: 'undated-new', dueDate: null, createdAt: 9 });
    const d = agreement({ id: 'undated-old', dueDate: null, createdAt: 2 });
    const e = agreement({ id: 'same-day-new', dueDate: '2026-03-27', createdAt: 8 });
    const f = agreement({ id: 'same-day-old', dueDate: '2026-03-27', createdAt: 3 });
    const sorted = [a, b, c, d, e, f].sort(compareAgreements).map((x) => x.id);
    expect(sorted).toEqual(['overdue', 'same-day-old', 'same-day-new', 'late', 'undated-old', 'undated-new']);
  });

  it('is antisymmetric between a dated and an undated agreement', () => {
    const dated = agreement({ dueDate: '2030-01-01' });
    const undated = agreement({ dueDate: null });
    expect(compareAgreements(dated, undated)).toBeLessThan(0);
    expect(compareAgreements(undated, dated)).toBeGreaterThan(0);
  });
});

describe('a long history', () => {
  it('an agreement reviewed 500 times can still be closed: the oldest review gives way, the rest stays', () => {
    let a = agreement();
    for (let i = 0; i < 499; i++) a = markReviewed(a, `review ${i}`, { at: T0 + i, sessionId: `s${i}` });
    expect(a.history).toHaveLength(500);
    const done = markDone(a, { at: T1, sessionId: 'last' });
    expect(AgreementSchema.safeParse(done).success).toBe(true);
    expect(done.history).toHaveLength(500);
    expect(done.history[0]?.action).toBe('created');
    expect(done.history.at(-1)).toMatchObject({ action: 'done', sessionId: 'last' });
    expect(done.history.some((e) => e.note === 'review 0')).toBe(false);
    expect(done.history.some((e) => e.note === 'review 1')).toBe(true);
    expect(statusBeforeClosing(done.history)).toBe('open');
  });

  it('without reviews to drop, the oldest event after the first gives way', () => {
    let a = agreement();
    for (let i = 0; i < 499; i++)
      a =
        i % 2 === 0
          ? markDone(a, { at: T0 + i, sessionId: null })
          : reopen(a, { at: T0 + i, sessionId: null });
    const next =
      a.status === 'done' ? reopen(a, { at: T1, sessionId: null }) : markDone(a, { at: T1, sessionId: null });
    expect(next.history).toHaveLength(500);
    expect(next.history[0]?.action).toBe('created');
    expect(AgreementSchema.safeParse(next).success).toBe(true);
  });
});
