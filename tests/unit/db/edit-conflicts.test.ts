/** SECURITY.md item 18: two windows saving the same notes — no write is lost unnoticed. */
import { describe, expect, it } from 'vitest';
import {
  createRelationship,
  EditConflictError,
  getEventNote,
  getSession,
  prepareSession,
  savePrivateNotes,
  saveEventNote,
  saveSectionNotes,
} from '@/lib/db';

const EVENT = { eventKey: 'series1_20260323T170000Z', seriesKey: 'series1', title: 'Alice / Bob' };

async function session() {
  const relationship = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Alice / Sam' });
  return (await prepareSession({ relationshipId: relationship.id, scheduledAt: Date.now() })).session;
}

describe('saving with the text this window last saw', () => {
  it('section notes: a stale save is refused with the stored text, and nothing is written', async () => {
    const { id } = await session();
    await saveSectionNotes(id, 'general', 'v1');
    await saveSectionNotes(id, 'general', 'theirs', undefined, { expected: 'v1' });
    const error = await saveSectionNotes(id, 'general', 'mine', undefined, { expected: 'v1' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EditConflictError);
    expect((error as EditConflictError).theirs).toBe('theirs');
    expect((await getSession(id))?.notes.general).toBe('theirs');
    // Knowing theirs, the save goes through.
    await saveSectionNotes(id, 'general', 'mine', undefined, { expected: 'theirs' });
    expect((await getSession(id))?.notes.general).toBe('mine');
  });

  it('the same text saved twice is no conflict; no expectation means no check', async () => {
    const { id } = await session();
    await saveSectionNotes(id, 'general', 'same');
    await saveSectionNotes(id, 'general', 'same', undefined, { expected: 'old' });
    await saveSectionNotes(id, 'general', 'forced');
    expect((await getSession(id))?.notes.general).toBe('forced');
  });

  it('private notes and Calendar event notes are guarded the same way', async () => {
    const { id } = await session();
    await savePrivateNotes(id, 'theirs');
    await expect(savePrivateNotes(id, 'mine', undefined, { expected: '' })).rejects.toBeInstanceOf(
      EditConflictError,
    );
    await saveEventNote(EVENT, 'first');
    await saveEventNote(EVENT, 'theirs', undefined, { expected: 'first' });
    await expect(saveEventNote(EVENT, 'mine', undefined, { expected: 'first' })).rejects.toBeInstanceOf(
      EditConflictError,
    );
    expect((await getEventNote(EVENT.eventKey))?.text).toBe('theirs');
  });
});
