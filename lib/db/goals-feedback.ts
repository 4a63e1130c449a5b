/** Goals (with key results) and feedback, per relationship. */
import { type Feedback, FeedbackSchema, type Goal, GoalSchema } from '../domain/model';
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

export async function updateGoal(
  id: string,
  patch: Partial<Pick<Goal, 'title' | 'keyResults' | 'status' | 'targetDate' | 'archived' | 'category'>>,
  db: DuetDatabase = getDatabase(),
): Promise<Goal> {
  return db.transaction('rw', db.goals, async () => {
    const goal = await db.goals.get(id);
    if (!goal) throw new InvalidInputError(`No goal ${id}`);
    const next = validate(GoalSchema, { ...goal, ...patch, updatedAt: Date.now() }, 'goal');
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
    const next = validate(GoalSchema, { ...goal, keyResults, updatedAt: Date.now() }, 'goal');
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

export async function goalsOf(relationshipId: string, db: DuetDatabase = getDatabase()): Promise<Goal[]> {
  const goals = await db.goals.where('relationshipId').equals(relationshipId).toArray();
  return goals.filter((g) => !g.archived).sort((a, b) => a.createdAt - b.createdAt);
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
