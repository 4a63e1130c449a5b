/**
 * The set-up the live-session notes tests share: an upcoming session of a fresh 1:1 with some notes already
 * saved, and a notes journal (the extension origin's localStorage) that starts and ends each test empty.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { createRelationship, getSession, prepareSession } from '@/lib/db';
import type { Session } from '@/lib/domain/model';

/**
 * Call once at the top of a file, before `useRenderContainer()`: the clean-up then runs after the unmount
 * (which may still write notes to the journal).
 */
export function useEmptyJournal(): void {
  beforeEach(() => {
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });
}

/** An upcoming session of a new 1:1 "Alice / Sam", its notes saved through `save` (the real repository). */
export async function plannedSession(
  notes: Record<string, string>,
  save: (sessionId: string, field: string, text: string) => Promise<unknown>,
): Promise<Session> {
  const relationship = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Alice / Sam' });
  const { session } = await prepareSession({ relationshipId: relationship.id, scheduledAt: Date.now() });
  for (const [field, text] of Object.entries(notes)) await save(session.id, field, text);
  return (await getSession(session.id))!;
}
