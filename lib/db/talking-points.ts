/** Talking points for the next session: added by me or for them, reordered, carried over until discussed. */
import { type TalkingPoint, TalkingPointSchema } from '../domain/model';
import { isBlank } from '../domain/text';
import { type DuetDatabase, getDatabase } from './database';
import { InvalidInputError } from './errors';
import { newId } from './ids';
import { checkReferences } from './references';
import { nextSession } from './sessions';
import { validate } from './validate';

/**
 * Adds an open point to the 1:1's next session — or to `sessionId`, the session on screen (a point added
 * to a running session's agenda belongs to that meeting, whichever session is next). Refuses a 1:1 that no
 * longer exists (InvalidInputError, in words the user can read).
 */
export async function addTalkingPoint(
  relationshipId: string,
  input: { text: string; author: TalkingPoint['author']; sessionId?: string },
  db: DuetDatabase = getDatabase(),
): Promise<TalkingPoint> {
  // Only invisible characters (a zero-width space pasted) is no point: it would show as an empty line.
  if (isBlank(input.text)) throw new InvalidInputError('talkingPoint.text: a talking point needs some text.');
  return db.transaction('rw', [db.talkingPoints, db.sessions, db.relationships], async () => {
    const given = await checkReferences(db, { relationshipId, sessionId: input.sessionId });
    const open = await upcomingTalkingPoints(relationshipId, db);
    const next = given ?? (await nextSession(relationshipId, db));
    const now = Date.now();
    const point = validate(
      TalkingPointSchema,
      {
        id: newId(),
        relationshipId,
        text: input.text.trim(),
        author: input.author,
        status: 'open',
        sessionId: next?.id ?? null,
        order: (open.at(-1)?.order ?? 0) + 1,
        discussedAt: null,
        createdAt: now,
        updatedAt: now,
      },
      'talking point',
    );
    await db.talkingPoints.add(point);
    return point;
  });
}

/** Open points of a relationship, in agenda order. */
export async function upcomingTalkingPoints(
  relationshipId: string,
  db: DuetDatabase = getDatabase(),
): Promise<TalkingPoint[]> {
  const points = await db.talkingPoints
    .where('[relationshipId+status]')
    .equals([relationshipId, 'open'])
    .toArray();
  return points.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
}

/** Puts the open points in the given order; ids not listed keep their relative order after them. */
export async function reorderTalkingPoints(
  relationshipId: string,
  orderedIds: readonly string[],
  db: DuetDatabase = getDatabase(),
): Promise<TalkingPoint[]> {
  return db.transaction('rw', db.talkingPoints, async () => {
    const points = await upcomingTalkingPoints(relationshipId, db);
    const byId = new Map(points.map((p) => [p.id, p]));
    const unknown = orderedIds.filter((id) => !byId.has(id));
    if (unknown.length > 0)
      throw new InvalidInputError('Some talking points are not open points of this 1:1.');
    const rest = points.filter((p) => !orderedIds.includes(p.id));
    const now = Date.now();
    const reordered = [...orderedIds.map((id) => byId.get(id)!), ...rest].map((p, index) => ({
      ...p,
      order: index + 1,
      updatedAt: now,
    }));
    await db.talkingPoints.bulkPut(reordered);
    return reordered;
  });
}

/**
 * Moves one open point a place up or down among this 1:1's open points as stored now (not as a page drew
 * them: a second click before the page has the first move, or a point closed in another tab meanwhile,
 * still moves the point the user meant). Returns the new order.
 */
export async function moveTalkingPoint(
  relationshipId: string,
  pointId: string,
  direction: 'up' | 'down',
  db: DuetDatabase = getDatabase(),
): Promise<TalkingPoint[]> {
  return db.transaction('rw', db.talkingPoints, async () => {
    const ids = (await upcomingTalkingPoints(relationshipId, db)).map((p) => p.id);
    const index = ids.indexOf(pointId);
    if (index < 0) throw new InvalidInputError('This talking point is no longer open.');
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target >= 0 && target < ids.length) [ids[index], ids[target]] = [ids[target]!, pointId];
    return reorderTalkingPoints(relationshipId, ids, db);
  });
}

export async function setTalkingPointStatus(
  id: string,
  status: TalkingPoint['status'],
  sessionId: string | null = null,
  db: DuetDatabase = getDatabase(),
): Promise<TalkingPoint> {
  return db.transaction('rw', db.talkingPoints, async () => {
    const point = await db.talkingPoints.get(id);
    if (!point) throw new InvalidInputError(`No talking point ${id}`);
    const now = Date.now();
    const next = validate(
      TalkingPointSchema,
      {
        ...point,
        status,
        sessionId: sessionId ?? point.sessionId,
        discussedAt: status === 'discussed' ? now : null,
        updatedAt: now,
      },
      'talking point',
    );
    await db.talkingPoints.put(next);
    return next;
  });
}

export function pointsOfSession(
  sessionId: string,
  db: DuetDatabase = getDatabase(),
): Promise<TalkingPoint[]> {
  return db.talkingPoints.where('sessionId').equals(sessionId).sortBy('order');
}
