/** Goals archived ("done") stay readable: the export gets them, a session's summary those done in it. */
import { describe, expect, it } from 'vitest';
import {
  addGoal,
  createPerson,
  createRelationship,
  finishedInSession,
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

  it('of a session still running: anything archived since it started', () => {
    const running = { ...live, heldAt: null, live: { ...live.live, endedAt: null } };
    expect(finishedInSession(archivedAt(at(27, 9)), running)).toBe(true);
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
