import { describe, expect, it } from 'vitest';
import {
  cancelSession,
  createRelationship,
  prepareSession,
  saveSectionNotes,
  skippedSessionsWithNotes,
} from '@/lib/db';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 18, 12);

async function skipped(relationshipId: string, at: number, notes: Record<string, string>, eventId: string) {
  const { session } = await prepareSession({ relationshipId, scheduledAt: at, calendarEventId: eventId });
  for (const [section, text] of Object.entries(notes)) await saveSectionNotes(session.id, section, text);
  return cancelSession(session.id);
}

describe('skippedSessionsWithNotes', () => {
  it('reads the cancelled sessions with section notes strictly between two instants, newest first', async () => {
    const rel = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'A / B' });
    const other = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'A / C' });
    const a = await skipped(rel.id, NOW - 20 * DAY, { general: 'too old' }, 'e20');
    const b = await skipped(rel.id, NOW - 10 * DAY, { general: 'ten' }, 'e10');
    const c = await skipped(rel.id, NOW - 5 * DAY, { 'how-are-you': 'five' }, 'e5');
    await skipped(rel.id, NOW - 4 * DAY, { general: ' \n ' }, 'e4');
    await skipped(rel.id, NOW - 3 * DAY, {}, 'e3');
    await skipped(other.id, NOW - 6 * DAY, { general: 'someone else' }, 'o6');
    const own = await skipped(rel.id, NOW - 2 * DAY, { general: 'the event shown' }, 'shown');
    await skipped(rel.id, NOW + DAY, { general: 'later' }, 'e-1');

    const ids = async (...args: Parameters<typeof skippedSessionsWithNotes>) =>
      (await skippedSessionsWithNotes(...args)).map((s) => s.id);
    expect(await ids(rel.id, a.scheduledAt, NOW, 'shown')).toEqual([c.id, b.id]);
    expect(await ids(rel.id, null, NOW, 'shown')).toEqual([c.id, b.id, a.id]);
    expect(await ids(rel.id, null, NOW, null)).toEqual([own.id, c.id, b.id]);
    expect(await ids(rel.id, null, NOW, 'shown', 1)).toEqual([c.id]);
    expect(await ids(rel.id, NOW - 5 * DAY, NOW, 'shown')).toEqual([]);
  });
});
