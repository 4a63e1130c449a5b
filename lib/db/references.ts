/**
 * What a new record points at must exist: a 1:1 merged away or deleted (in another tab, or while a page was
 * open), a session folded into its twin, or a person merged away takes no new agreement, goal, feedback or
 * talking point — it would be stored for nothing, never shown, and make the next export unimportable.
 * (An archived 1:1 still does: its panel may be open in Calendar.) Call inside a transaction that includes
 * the tables checked.
 */
import type { Session } from '../domain/model';
import type { DuetDatabase } from './database';
import { InvalidInputError } from './errors';

/** Returns the session named (read for the check), if one was. */
export async function checkReferences(
  db: DuetDatabase,
  refs: { relationshipId: string; sessionId?: string | null; personId?: string | null },
): Promise<Session | undefined> {
  if (!(await db.relationships.get(refs.relationshipId)))
    throw new InvalidInputError('This 1:1 no longer exists.');
  const session = refs.sessionId ? await db.sessions.get(refs.sessionId) : undefined;
  if (refs.sessionId && session?.relationshipId !== refs.relationshipId)
    throw new InvalidInputError('That session is not one of this 1:1.');
  if (refs.personId && !(await db.people.get(refs.personId)))
    throw new InvalidInputError('That person is no longer in Duet.');
  return session;
}
