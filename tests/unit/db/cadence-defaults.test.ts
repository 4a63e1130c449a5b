/**
 * A 1:1 series created without an explicit cadence takes the user's default for its kind (Options →
 * Reminders, `settings.cadenceDays`), not the built-in one, whichever path creates it.
 */
import { describe, expect, it } from 'vitest';
import {
  createRelationship,
  getRelationship,
  listRelationships,
  saveEventNote,
  updateCadenceDefault,
} from '@/lib/db';
import { DEFAULT_CADENCE_DAYS } from '@/lib/domain/model';

describe('cadence defaults: createRelationship', () => {
  it("uses the user's default for the kind when no cadence is given", async () => {
    expect(DEFAULT_CADENCE_DAYS.peer).not.toBe(21);
    await updateCadenceDefault('peer', 21);
    const relationship = await createRelationship({ personIds: [], kind: 'peer', title: 'Peer sync' });
    expect(relationship.cadenceDays).toBe(21);
    expect((await getRelationship(relationship.id))?.cadenceDays).toBe(21);
  });

  it('keeps an explicit cadence over the default', async () => {
    await updateCadenceDefault('peer', 21);
    const relationship = await createRelationship({
      personIds: [],
      kind: 'peer',
      title: 'Peer sync',
      cadenceDays: 7,
    });
    expect(relationship.cadenceDays).toBe(7);
  });

  it('falls back to the built-in default when the user set none', async () => {
    const relationship = await createRelationship({ personIds: [], kind: 'skip-level', title: 'Skip' });
    expect(relationship.cadenceDays).toBe(DEFAULT_CADENCE_DAYS['skip-level']);
  });
});

describe('cadence defaults: notes written for an untracked event', () => {
  it("creates the event's series with the user's default for its kind", async () => {
    expect(DEFAULT_CADENCE_DAYS['one-on-one']).not.toBe(21);
    await updateCadenceDefault('one-on-one', 21);
    await saveEventNote(
      { eventKey: 'newseries_20260323T170000Z', seriesKey: 'newseries', title: 'Alice / Bob' },
      'First notes',
    );
    const [relationship] = await listRelationships();
    expect(relationship).toMatchObject({
      kind: 'one-on-one',
      calendarSeriesIds: ['newseries'],
      cadenceDays: 21,
    });
  });
});
