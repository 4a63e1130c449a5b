import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createPerson, createRelationship, DuetDatabase, getDatabase, getEventNote, saveEventNote } from '@/lib/db';
import { exportAll } from '@/lib/io/export';
import { applyImport } from '@/lib/io/import';

const T0 = Date.UTC(2026, 2, 2, 9);
beforeEach(() => { vi.useFakeTimers({ toFake: ['Date'] }); vi.setSystemTime(T0); });
afterEach(() => vi.useRealTimers());

it('notes written for one meeting on two devices are both shown after a merge', async () => {
  const here = getDatabase();
  const bob = await createPerson({ name: 'Bob', emails: ['bob@acme.example'], relation: 'report' }, here);
  const rel = await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Bob 1:1', calendarSeriesIds: ['s1'] }, here);
  const laptop = new DuetDatabase('laptop');
  await applyImport((await exportAll(here)).data, 'replace', laptop); // the laptop set up from this device
  const event = { eventKey: 's1_20260309T090000Z', seriesKey: 's1', title: 'Bob 1:1', relationshipId: rel.id, startsAt: T0 + 7 * 86_400_000 };
  const uuid = vi.spyOn(crypto, 'randomUUID');
  // Next week's 1:1: a line typed on the laptop, and one here (each device made its own session for it).
  vi.setSystemTime(T0 + 60_000);
  uuid.mockReturnValueOnce('ffffffff-0000-4000-8000-000000000000');
  await saveEventNote(event, 'Laptop: ask about the promotion case', laptop);
  vi.setSystemTime(T0 + 120_000);
  uuid.mockReturnValueOnce('00000000-0000-4000-8000-000000000000');
  await saveEventNote(event, 'Desk: book the offsite', here);
  uuid.mockRestore();
  vi.setSystemTime(T0 + 180_000);
  await applyImport((await exportAll(laptop)).data, 'merge', here);
  const sessions = await here.sessions.where('calendarEventId').equals(event.eventKey).toArray();
  console.log(sessions.map((s) => [s.id, s.notes]));
  const shown = await getEventNote(event.eventKey, here, rel.id);
  expect(shown?.text).toContain('Laptop: ask about the promotion case');
  laptop.close();
});
