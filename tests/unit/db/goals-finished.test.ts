/** Goals archived ("done") stay readable: the export gets them, a session's summary those done in it. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addGoal,
  addKeyResult,
  createPerson,
  createRelationship,
  finishedInSession,
  getDatabase,
  goalsFinishedIn,
  mergePeople,
  prepareSession,
  relationshipHistory,
  updateGoal,
} from '@/lib/db';

const at = (day: number, hour: number) => new Date(2026, 2, day, hour).getTime();
const timer = { sectionIds: [], minutes: [], currentIndex: 0, startedAt: 0, finished: false } as never;

describe('finishedInSession', () => {
  const live = {
    scheduledAt: at(25, 10),
    heldAt: at(25, 11),
    live: { startedAt: at(25, 10), endedAt: at(25, 11), timer },
  };
  const archivedAt = (updatedAt: number) => ({ archived: true, updatedAt });

  it('takes a goal archived while the session ran live, or later the day it ended', () => {
    expect(finishedInSession(archivedAt(at(25, 10) + 60_000), live)).toBe(true);
    expect(finishedInSession(archivedAt(at(25, 20)), live)).toBe(true);
    expect(finishedInSession(archivedAt(at(25, 9)), live)).toBe(false);
    expect(finishedInSession(archivedAt(at(26, 9)), live)).toBe(false);
    expect(finishedInSession({ archived: false, updatedAt: at(25, 10) + 60_000 }, live)).toBe(false);
  });

  it('of a session never ended (a browser closed mid-call): archived since it started, that day', () => {
    const running = { ...live, heldAt: null, live: { ...live.live, endedAt: null } };
    expect(finishedInSession(archivedAt(at(25, 10) + 60_000), running)).toBe(true);
    expect(finishedInSession(archivedAt(at(25, 22)), running)).toBe(true);
    expect(finishedInSession(archivedAt(at(25, 9)), running)).toBe(false);
    // Not every goal finished ever after.
    expect(finishedInSession(archivedAt(at(27, 9)), running)).toBe(false);
  });

  it('goes by when the goal was archived, not its last change (its 1:1 folded into another since)', () => {
    const done = { archived: true, archivedAt: at(25, 10) + 60_000, updatedAt: at(27, 9) };
    expect(finishedInSession(done, live)).toBe(true);
    expect(finishedInSession(done, { scheduledAt: at(27, 9), heldAt: null, live: null })).toBe(false);
  });

  it('of a session not run live: the day it was held', () => {
    const held = { scheduledAt: at(25, 10), heldAt: at(26, 9), live: null };
    expect(finishedInSession(archivedAt(at(25, 18)), held)).toBe(true);
    expect(finishedInSession(archivedAt(at(26, 18)), held)).toBe(true);
    expect(finishedInSession(archivedAt(at(24, 18)), held)).toBe(false);
  });
});

describe('relationshipHistory', () => {
  it('keeps finished goals apart from open ones', async () => {
    const person = await createPerson({ name: 'Dana', relation: 'report' });
    const r = await createRelationship({ personIds: [person.id], kind: 'career', title: 'Dana' });
    const open = await addGoal(r.id, { category: 'impact', title: 'Ship search v2' });
    const done = await addGoal(r.id, {
      category: 'personal-development',
      title: 'Lead',
      targetDate: '2026-06-30',
    });
    await updateGoal(done.id, { archived: true });
    const history = await relationshipHistory(r.id);
    expect(history?.goals?.map((g) => g.id)).toEqual([open.id]);
    expect(history?.finishedGoals?.map((g) => g.id)).toEqual([done.id]);
  });
});

describe('archivedAt', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is set when a goal is archived, kept by other changes, removed when it is brought back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(20, 9));
    const person = await createPerson({ name: 'Dana', relation: 'report' });
    const r = await createRelationship({ personIds: [person.id], kind: 'career', title: 'Dana' });
    const goal = await addGoal(r.id, { category: 'impact', title: 'Ship search v2' });
    expect(goal.archivedAt).toBeUndefined();
    vi.setSystemTime(at(21, 9));
    expect((await updateGoal(goal.id, { archived: true })).archivedAt).toBe(at(21, 9));
    vi.setSystemTime(at(22, 9));
    expect(await updateGoal(goal.id, { archived: true, title: 'Ship search 2' })).toMatchObject({
      archivedAt: at(21, 9),
      updatedAt: at(22, 9),
    });
    expect((await addKeyResult(goal.id, 'Launch')).archivedAt).toBe(at(21, 9));
    const back = await updateGoal(goal.id, { archived: false });
    expect(back).not.toHaveProperty('archivedAt');
    expect((await getDatabase().goals.get(goal.id))?.archivedAt).toBeUndefined();
    vi.setSystemTime(at(23, 9));
    expect((await updateGoal(goal.id, { archived: true })).archivedAt).toBe(at(23, 9));
  });

  it('a goal done days ago is not done in today’s session after a merge moves its 1:1', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(20, 9));
    const kept = await createPerson({ name: 'Dana', relation: 'report' });
    const removed = await createPerson({ name: 'Dana K.', relation: 'report' });
    const keptOne = await createRelationship({ personIds: [kept.id], kind: 'career', title: 'Dana' });
    const moving = await createRelationship({ personIds: [removed.id], kind: 'career', title: 'Dana' });
    const done = await addGoal(moving.id, { category: 'impact', title: 'Ship search v2' });
    const older = await addGoal(moving.id, { category: 'team', title: 'Hire a designer' });
    await updateGoal(done.id, { archived: true });
    // A row from before `archivedAt`: done on its last change.
    const { archivedAt: _, ...fromBefore } = await updateGoal(older.id, { archived: true });
    await getDatabase().goals.put(fromBefore);

    vi.setSystemTime(at(25, 10));
    await mergePeople(kept.id, removed.id);
    const { session } = await prepareSession({ relationshipId: keptOne.id, scheduledAt: at(25, 10) });
    const moved = await getDatabase().goals.bulkGet([done.id, older.id]);
    expect(moved.map((g) => [g?.relationshipId, g?.archivedAt])).toEqual([
      [keptOne.id, at(20, 9)],
      [keptOne.id, at(20, 9)],
    ]);
    expect(await goalsFinishedIn(session)).toEqual([]);
  });
});
