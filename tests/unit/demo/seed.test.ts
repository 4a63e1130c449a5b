import { describe, expect, it } from 'vitest';
import {
  countRecords,
  createPerson,
  createRelationship,
  getDatabase,
  getEventNote,
  getRelationship,
  getSettings,
  sessionForCalendarEvent,
  updateSettings,
} from '@/lib/db';
import { generateProfile, profileStats } from '@/lib/demo/generate';
import { seedDemoDataIfEmpty } from '@/lib/demo/seed';
import { decodeEventId } from '@/lib/domain/event-id';
import { classifyTitle } from '@/lib/domain/one-on-one-title';
import { readCalendarEvents } from '@/lib/google/calendar/read-chips';
import { loadFixture } from '../helpers/fixtures';

/** Wednesday of the fixture week (2026-03-22..28), 12:00 PDT. */
const NOW = Date.UTC(2026, 2, 25, 19);
const WEEK_START = Date.UTC(2026, 2, 22, 7);
const WEEK_END = Date.UTC(2026, 2, 29, 7);

/** The week fixture's chips, decoded, with their title-only verdict. */
const weekChips = readCalendarEvents(loadFixture('gcal-week.html')).map(({ event }) => ({
  title: event.title,
  decoded: decodeEventId(event.dataEventId),
  isOneOnOne: classifyTitle(event.title) !== null,
}));
const weekEventIds = new Set(weekChips.flatMap((chip) => (chip.decoded ? [chip.decoded.eventId] : [])));
const weekOneOnOnes = weekChips.filter((chip) => chip.isOneOnOne && chip.decoded);

describe('seedDemoDataIfEmpty', () => {
  it('seeds an empty database with the realistic profile', async () => {
    expect(await seedDemoDataIfEmpty(NOW)).toBe(true);
    const expected = profileStats(generateProfile('realistic', { now: NOW }));
    expect(await countRecords()).toEqual({
      people: expected.people,
      relationships: expected.relationships,
      sessions: expected.sessions,
      agreements: expected.agreements,
      quarantined: 0,
    });
    expect(expected.sessions).toBeGreaterThan(0);
  });

  it('links every 1:1 chip of the week fixture to a seeded session, by its decoded event id', async () => {
    await seedDemoDataIfEmpty(NOW);
    expect(weekOneOnOnes).toHaveLength(7);
    for (const chip of weekOneOnOnes) {
      const session = await sessionForCalendarEvent(chip.decoded!.eventId);
      expect(session, chip.title).toBeDefined();
      const relationship = await getRelationship(session!.relationshipId);
      expect(relationship?.calendarSeriesIds, chip.title).toContain(chip.decoded!.seriesId);
    }
    // Opening "Alice / Bob" this week shows notes in the panel.
    const aliceBob = weekOneOnOnes.find((chip) => chip.title === 'Alice / Bob')!;
    expect((await getEventNote(aliceBob.decoded!.eventId))?.text.length).toBeGreaterThan(0);
  });

  it('uses only real fixture event ids for the sessions of the fixture week', async () => {
    await seedDemoDataIfEmpty(NOW);
    const inWeek = await getDatabase()
      .sessions.where('[status+scheduledAt]')
      .between(['held', WEEK_START], ['held', WEEK_END])
      .toArray();
    const upcoming = await getDatabase()
      .sessions.where('[status+scheduledAt]')
      .between(['upcoming', WEEK_START], ['upcoming', WEEK_END])
      .toArray();
    const linked = [...inWeek, ...upcoming].filter((s) => s.calendarEventId !== null);
    expect(linked.length).toBeGreaterThan(0);
    for (const session of linked) expect(weekEventIds).toContain(session.calendarEventId);
  });

  it('never writes into a database that has relationships', async () => {
    const mine = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'My real 1:1' });
    const before = await countRecords();
    expect(await seedDemoDataIfEmpty(NOW)).toBe(false);
    expect(await countRecords()).toEqual(before);
    expect(await getRelationship(mine.id)).toEqual(mine);
  });

  it('seeds once: a second call writes nothing', async () => {
    expect(await seedDemoDataIfEmpty(NOW)).toBe(true);
    const after = await countRecords();
    expect(await seedDemoDataIfEmpty(NOW + 86_400_000)).toBe(false);
    expect(await countRecords()).toEqual(after);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['a person', () => createPerson({ name: 'Real Report', relation: 'report' })],
    ['my own settings', () => updateSettings({ myName: 'Real User' })],
  ])('treats a database holding only %s as not empty', async (_label, write) => {
    await write();
    const settingsBefore = await getSettings();
    const before = await countRecords();
    expect(await seedDemoDataIfEmpty(NOW)).toBe(false);
    expect(await countRecords()).toEqual(before);
    expect(await getSettings()).toEqual(settingsBefore);
  });
});
