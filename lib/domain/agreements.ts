/** Pure rules for agreements: which are active, which filter they match, and their lifecycle steps. */
import { type Day, weekOf } from './days';
import type { Agreement, AgreementEvent, AgreementStatus } from './model';
import { ACTIVE_AGREEMENT_STATUSES, MAX_AGREEMENT_HISTORY } from './statuses';

type ActiveStatus = (typeof ACTIVE_AGREEMENT_STATUSES)[number];

export const AGREEMENT_FILTERS = ['all-open', 'mine', 'theirs', 'overdue', 'due-this-week'] as const;
export type AgreementFilter = (typeof AGREEMENT_FILTERS)[number];

export function isActive(agreement: Pick<Agreement, 'status'>): boolean {
  return (ACTIVE_AGREEMENT_STATUSES as readonly AgreementStatus[]).includes(agreement.status);
}

export function isOverdue(agreement: Pick<Agreement, 'status' | 'dueDate'>, today: Day): boolean {
  return isActive(agreement) && agreement.dueDate !== null && agreement.dueDate < today;
}

export function matchesFilter(
  agreement: Pick<Agreement, 'status' | 'dueDate' | 'owner'>,
  filter: AgreementFilter,
  today: Day,
): boolean {
  if (!isActive(agreement)) return false;
  switch (filter) {
    case 'all-open':
      return true;
    case 'mine':
      return agreement.owner === 'me' || agreement.owner === 'both';
    case 'theirs':
      return agreement.owner === 'them' || agreement.owner === 'both' || agreement.owner === 'named';
    case 'overdue':
      return isOverdue(agreement, today);
    case 'due-this-week': {
      const [, sunday] = weekOf(today);
      return agreement.dueDate !== null && agreement.dueDate >= today && agreement.dueDate <= sunday;
    }
  }
}

/** How many of these agreements each filter shows (all zeros for none). */
export function countByFilter(
  agreements: readonly Pick<Agreement, 'status' | 'dueDate' | 'owner'>[],
  today: Day,
): Record<AgreementFilter, number> {
  return Object.fromEntries(
    AGREEMENT_FILTERS.map((filter) => [
      filter,
      agreements.filter((a) => matchesFilter(a, filter, today)).length,
    ]),
  ) as Record<AgreementFilter, number>;
}

/** Sort: overdue first, then by due date (undated last), then oldest first. */
export function compareAgreements(a: Agreement, b: Agreement): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.createdAt - b.createdAt;
}

export class AgreementTransitionError extends Error {
  override name = 'AgreementTransitionError';
}

interface Step {
  at: number;
  sessionId?: string | null;
}

function event(
  step: Step,
  action: AgreementEvent['action'],
  extra: Partial<AgreementEvent> = {},
): AgreementEvent {
  return {
    at: step.at,
    action,
    sessionId: step.sessionId ?? null,
    fromDue: null,
    toDue: null,
    note: '',
    ...extra,
  };
}

/**
 * The history with one more event. At its limit the oldest review gives way (reviews record nothing the
 * status depends on), else the oldest event after the first: an agreement can always still be closed.
 */
export function appendHistory(history: readonly AgreementEvent[], entry: AgreementEvent): AgreementEvent[] {
  const next = [...history, entry];
  if (next.length <= MAX_AGREEMENT_HISTORY) return next;
  const review = next.findIndex((e) => e.action === 'reviewed');
  if (review >= 0) next.splice(review, 1);
  else next.splice(1, 1);
  return next.length <= MAX_AGREEMENT_HISTORY
    ? next
    : [next[0]!, ...next.slice(-(MAX_AGREEMENT_HISTORY - 1))];
}

function requireActive(agreement: Agreement, action: string): void {
  if (!isActive(agreement)) {
    throw new AgreementTransitionError(
      `Only an open agreement can be ${action}; this one is ${agreement.status}.`,
    );
  }
}

/** Closes the agreement as done; one already done stays as it is (a second click adds nothing). */
export function markDone(agreement: Agreement, step: Step): Agreement {
  if (agreement.status === 'done') return agreement;
  requireActive(agreement, 'marked done');
  return {
    ...agreement,
    status: 'done',
    closedAt: step.at,
    updatedAt: step.at,
    history: appendHistory(agreement.history, event(step, 'done')),
  };
}

export function renegotiate(agreement: Agreement, newDue: Day | null, note: string, step: Step): Agreement {
  requireActive(agreement, 'renegotiated');
  return {
    ...agreement,
    status: 'renegotiated',
    dueDate: newDue,
    updatedAt: step.at,
    history: appendHistory(
      agreement.history,
      event(step, 'renegotiated', { fromDue: agreement.dueDate, toDue: newDue, note }),
    ),
  };
}

export function drop(agreement: Agreement, reason: string, step: Step): Agreement {
  requireActive(agreement, 'dropped');
  if (reason.trim().length === 0) throw new AgreementTransitionError('Say why the agreement is dropped.');
  return {
    ...agreement,
    status: 'dropped',
    closedAt: step.at,
    updatedAt: step.at,
    history: appendHistory(agreement.history, event(step, 'dropped', { note: reason.trim() })),
  };
}

/**
 * The status an agreement had before it was last closed (done or dropped), replayed from its history: open,
 * or renegotiated when its due date had been moved. Undo restores it.
 */
export function statusBeforeClosing(history: readonly AgreementEvent[]): ActiveStatus {
  let status: ActiveStatus = 'open';
  let beforeClosing: ActiveStatus = 'open';
  for (const entry of history) {
    switch (entry.action) {
      case 'created':
        status = 'open';
        break;
      case 'renegotiated':
        status = 'renegotiated';
        break;
      case 'done':
      case 'dropped':
        beforeClosing = status;
        break;
      case 'reopened':
        status = beforeClosing;
        break;
      case 'reviewed':
        break;
    }
  }
  return beforeClosing;
}

/** Brings a closed agreement back with the status it had before it was closed; an active one is unchanged. */
export function reopen(agreement: Agreement, step: Step): Agreement {
  if (isActive(agreement)) return agreement;
  return {
    ...agreement,
    status: statusBeforeClosing(agreement.history),
    closedAt: null,
    updatedAt: step.at,
    history: appendHistory(agreement.history, event(step, 'reopened')),
  };
}

/** "Still relevant? Honoured?" — a review in a session, recorded without changing the status. */
export function markReviewed(agreement: Agreement, note: string, step: Step): Agreement {
  return {
    ...agreement,
    updatedAt: step.at,
    history: appendHistory(agreement.history, event(step, 'reviewed', { note })),
  };
}
