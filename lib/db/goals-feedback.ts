/** Goals (with key results) and feedback, per relationship. */
import { dayOf } from '../domain/days';
import {
  archivedAtOf,
  type Feedback,
  FeedbackSchema,
  type Goal,
  GoalSchema,
  type Session,
} from '../domain/model';
import { type DuetDatabase, getDatabase } from './database';
import { InvalidInputError } from './errors';
import { newId } from './ids';
import { checkReferences } from './references';
import { validate } from './validate';

export async function addGoal(
  relationshipId: string,
  input: Pick<Goal, 'category' | 'title'> & Partial<Pick<Goal, 'keyResults' | 'status' | 'targetDate'>>,
  db: DuetDatabase = getDatabase(),
): Promise<Goal> {
  return db.transaction('rw', [db.goals, db.relationships], async () => {
    await checkReferences(db, { relationshipId });
    const now = Date.now();
    const goal = validate(
      GoalSchema,
      {
        id: newId(),
        relationshipId,
        category: input.category,
        title: input.title.trim(),
        keyResults: input.keyResults ?? [],
        status: input.status ?? 'on-track',
        targetDate: input.targetDate ?? null,
        archived: false,
        createdAt: now,
        updatedAt: now,
      },
      'goal',
    );
    await db.goals.add(goal);
    return goal;
  });
}

/**
 * The goal as changed at `now`, validated. Archiving it records when (`archivedAt`: the day it was done),
 * bringing it back removes that, and any other change keeps it: a row from before the field gets the stamp
 * it was read from (`archivedAtOf`) before `updatedAt` moves on.
 */
function changedGoal(goal: Goal, patch: Partial<Goal>, now: number): Goal {
  const { archivedAt: _, ...rest } = { ...goal, ...patch, updatedAt: now };
  const archivedAt = !rest.archived ? {} : { archivedAt: goal.archived ? archivedAtOf(goal) : now };
  return validate(GoalSchema, { ...rest, ...archivedAt }, 'goal');
}

export async function updateGoal(
  id: string,
  patch: Partial<Pick<Goal, 'title' | 'keyResults' | 'status' | 'targetDate' | 'archived' | 'category'>>,
  db: DuetDatabase = getDatabase(),
): Promise<Goal> {
  return db.transaction('rw', db.goals, async () => {
    const goal = await db.goals.get(id);
    if (!goal) throw new InvalidInputError(`No goal ${id}`);
    const next = changedGoal(goal, patch, Date.now());
    await db.goals.put(next);
    return next;
  });
}

/** Changes a goal's key results as stored, in one transaction (never a list a view read earlier). */
function changeKeyResults(
  goalId: string,
  change: (keyResults: Goal['keyResults']) => Goal['keyResults'],
  db: DuetDatabase,
): Promise<Goal> {
  return db.transaction('rw', db.goals, async () => {
    const goal = await db.goals.get(goalId);
    if (!goal) throw new InvalidInputError(`No goal ${goalId}`);
    const keyResults = change(goal.keyResults);
    const next = changedGoal(goal, { keyResults }, Date.now());
    await db.goals.put(next);
    return next;
  });
}

/** A key result added to a goal, at 0 % progress. */
export function addKeyResult(goalId: string, text: string, db: DuetDatabase = getDatabase()): Promise<Goal> {
  return changeKeyResults(goalId, (all) => [...all, { id: newId(), text: text.trim(), progress: 0 }], db);
}

/**
 * One key result's progress, applied to the goal as stored: a view that has not caught up (a key result
 * added or moved in another view a moment ago) changes only this one, never writing back its older list.
 */
export function setKeyResultProgress(
  goalId: string,
  keyResultId: string,
  progress: number,
  db: DuetDatabase = getDatabase(),
): Promise<Goal> {
  return changeKeyResults(
    goalId,
    (all) => {
      if (!all.some((kr) => kr.id === keyResultId))
        throw new InvalidInputError('That key result was removed meanwhile.');
      return all.map((kr) => (kr.id === keyResultId ? { ...kr, progress } : kr));
    },
    db,
  );
}

/** The 1:1's goals still being worked on (not archived), oldest first. */
export async function goalsOf(relationshipId: string, db: DuetDatabase = getDatabase()): Promise<Goal[]> {
  const goals = await db.goals.where('relationshipId').equals(relationshipId).toArray();
  return goals.filter((g) => !g.archived).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * The 1:1's goals archived ("done": archiving a goal or marking a career step done is how the user says it
 * is finished), oldest first. Readable records (the Markdown export, a session's summary) keep them.
 */
export async function finishedGoalsOf(
  relationshipId: string,
  db: DuetDatabase = getDatabase(),
): Promise<Goal[]> {
  const goals = await db.goals.where('relationshipId').equals(relationshipId).toArray();
  return goals.filter((g) => g.archived).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Whether an archived goal was finished in this session: archived (`archivedAtOf`, never a later change such
 * as its 1:1 folded into another) after the session went live and no later than the day it ended (notes
 * edited after "End session" are still its) — for one never ended (a browser closed mid-call), the day it
 * went live —, or, for a session not run live, on the day it was held (its scheduled day, or the day it was
 * marked held).
 */
export function finishedInSession(
  goal: Pick<Goal, 'archived' | 'archivedAt' | 'updatedAt'>,
  session: Pick<Session, 'live' | 'heldAt' | 'scheduledAt'>,
): boolean {
  if (!goal.archived) return false;
  const at = archivedAtOf(goal);
  const day = dayOf(at);
  const live = session.live;
  if (live) {
    if (at < live.startedAt) return false;
    const end = session.heldAt ?? live.endedAt ?? live.startedAt;
    return day <= dayOf(Math.max(end, live.startedAt));
  }
  return day === dayOf(session.scheduledAt) || (session.heldAt !== null && day === dayOf(session.heldAt));
}

/** The 1:1's goals finished in this session (`finishedInSession`), oldest first. */
export async function goalsFinishedIn(
  session: Pick<Session, 'relationshipId' | 'live' | 'heldAt' | 'scheduledAt'>,
  db: DuetDatabase = getDatabase(),
): Promise<Goal[]> {
  return (await finishedGoalsOf(session.relationshipId, db)).filter((g) => finishedInSession(g, session));
}

export async function addFeedback(
  relationshipId: string,
  input: Pick<Feedback, 'direction' | 'text'> & Partial<Pick<Feedback, 'personId' | 'sessionId' | 'at'>>,
  db: DuetDatabase = getDatabase(),
): Promise<Feedback> {
  return db.transaction('rw', [db.feedback, db.relationships, db.sessions, db.people], async () => {
    await checkReferences(db, { relationshipId, sessionId: input.sessionId, personId: input.personId });
    const now = Date.now();
    const feedback = validate(
      FeedbackSchema,
      {
        id: newId(),
        relationshipId,
        personId: input.personId ?? null,
        direction: input.direction,
        text: input.text.trim(),
        sessionId: input.sessionId ?? null,
        at: input.at ?? now,
        createdAt: now,
        updatedAt: now,
      },
      'feedback',
    );
    await db.feedback.add(feedback);
    return feedback;
  });
}

export async function feedbackOf(
  relationshipId: string,
  db: DuetDatabase = getDatabase(),
): Promise<Feedback[]> {
  const rows = await db.feedback.where('relationshipId').equals(relationshipId).toArray();
  return rows.sort((a, b) => b.at - a.at);
}
