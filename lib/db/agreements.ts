/**
 * Agreements: who does what by when. Active ones (open or renegotiated) carry over to every next
 * session until done or dropped; every change is kept in the agreement's history.
 */
import * as rules from '../domain/agreements';
import { type AgreementFilter, compareAgreements, matchesFilter } from '../domain/agreements';
import type { Day } from '../domain/days';
import { ACTIVE_AGREEMENT_STATUSES, type Agreement, AgreementSchema } from '../domain/model';
import { type DuetDatabase, getDatabase } from './database';
import { InvalidInputError } from './errors';
import { newId } from './ids';
import { checkReferences } from './references';
import { validate } from './validate';

export interface NewAgreement {
  owner: Agreement['owner'];
  ownerName?: string;
  text: string;
  dueDate: Day | null;
  sessionId?: string | null;
}

export async function addAgreement(
  relationshipId: string,
  input: NewAgreement,
  db: DuetDatabase = getDatabase(),
): Promise<Agreement> {
  const now = Date.now();
  const sessionId = input.sessionId ?? null;
  return db.transaction('rw', [db.agreements, db.relationships, db.sessions], async () => {
    await checkReferences(db, { relationshipId, sessionId });
    const agreement = validate(
      AgreementSchema,
      {
        id: newId(),
        relationshipId,
        owner: input.owner,
        ownerName: input.owner === 'named' ? (input.ownerName ?? '').trim() : '',
        text: input.text.trim(),
        dueDate: input.dueDate,
        status: 'open',
        madeInSessionId: sessionId,
        history: [{ at: now, action: 'created', sessionId, fromDue: null, toDue: input.dueDate, note: '' }],
        closedAt: null,
        createdAt: now,
        updatedAt: now,
      },
      'agreement',
    );
    await db.agreements.add(agreement);
    return agreement;
  });
}

/** A relationship's active agreements, overdue and soonest first. */
export async function openAgreements(
  relationshipId: string,
  db: DuetDatabase = getDatabase(),
): Promise<Agreement[]> {
  const rows = await db.agreements
    .where('[relationshipId+status]')
    .anyOf(ACTIVE_AGREEMENT_STATUSES.map((status) => [relationshipId, status]))
    .toArray();
  return rows.sort(compareAgreements);
}

/** Active agreements of every relationship (a small set: closed ones are never read). */
export async function allActiveAgreements(db: DuetDatabase = getDatabase()): Promise<Agreement[]> {
  const rows = await db.agreements
    .where('status')
    .anyOf([...ACTIVE_AGREEMENT_STATUSES])
    .toArray();
  return rows.sort(compareAgreements);
}

/** Active agreements across relationships matching a filter (mine / theirs / overdue / due this week / all open). */
export async function agreementsMatching(
  filter: AgreementFilter,
  today: Day,
  db: DuetDatabase = getDatabase(),
): Promise<Agreement[]> {
  return (await allActiveAgreements(db)).filter((a) => matchesFilter(a, filter, today));
}

async function transition(
  id: string,
  change: (agreement: Agreement) => Agreement,
  db: DuetDatabase,
): Promise<Agreement> {
  return db.transaction('rw', db.agreements, async () => {
    const agreement = await db.agreements.get(id);
    if (!agreement) throw new InvalidInputError(`No agreement ${id}`);
    let next: Agreement;
    try {
      next = change(agreement);
    } catch (error) {
      if (error instanceof rules.AgreementTransitionError) throw new InvalidInputError(error.message);
      throw error;
    }
    // Nothing to change (done twice, reopening an open one): nothing is written, no history is added.
    if (next === agreement) return agreement;
    const valid = validate(AgreementSchema, next, 'agreement');
    await db.agreements.put(valid);
    return valid;
  });
}

type StepOptions = { sessionId?: string | null };

export function completeAgreement(id: string, options: StepOptions = {}, db: DuetDatabase = getDatabase()) {
  return transition(id, (a) => rules.markDone(a, { at: Date.now(), ...options }), db);
}

export function renegotiateAgreement(
  id: string,
  newDue: Day | null,
  note = '',
  options: StepOptions = {},
  db: DuetDatabase = getDatabase(),
) {
  return transition(id, (a) => rules.renegotiate(a, newDue, note, { at: Date.now(), ...options }), db);
}

export function dropAgreement(
  id: string,
  reason: string,
  options: StepOptions = {},
  db: DuetDatabase = getDatabase(),
) {
  return transition(id, (a) => rules.drop(a, reason, { at: Date.now(), ...options }), db);
}

export function reopenAgreement(id: string, options: StepOptions = {}, db: DuetDatabase = getDatabase()) {
  return transition(id, (a) => rules.reopen(a, { at: Date.now(), ...options }), db);
}

export function reviewAgreement(
  id: string,
  note = '',
  options: StepOptions = {},
  db: DuetDatabase = getDatabase(),
) {
  return transition(id, (a) => rules.markReviewed(a, note, { at: Date.now(), ...options }), db);
}

export function agreementsMadeIn(sessionId: string, db: DuetDatabase = getDatabase()): Promise<Agreement[]> {
  return db.agreements.where('madeInSessionId').equals(sessionId).toArray();
}
