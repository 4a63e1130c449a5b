import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createPerson, DuetDatabase, findRelationshipForEvent, getDatabase, trackSeriesWith, findOrCreatePerson } from '@/lib/db';
import { exportAll } from '@/lib/io/export';
import { applyImport } from '@/lib/io/import';

const T0 = Date.UTC(2026, 2, 2, 9);
beforeEach(() => { vi.useFakeTimers({ toFake: ['Date'] }); vi.setSystemTime(T0); });
afterEach(() => vi.useRealTimers());

it('a merge never leaves two people with one email', async () => {
  const here = getDatabase();
  await createPerson({ name: 'Bob', emails: ['bob@acme.example'], relation: 'report' }, here);
  const laptop = new DuetDatabase('laptop');
  await applyImport((await exportAll(here)).data, 'replace', laptop);
  // A new report, tracked from Calendar on each device.
  for (const db of [laptop, here]) {
    const dan = await findOrCreatePerson({ name: 'Dan', email: 'dan@acme.example', relation: 'report' }, db);
    await trackSeriesWith({ personIds: [dan.id], kind: 'one-on-one', title: 'Dan / Me', calendarSeriesIds: ['danSeries'] }, db);
  }
  // Before the merge, a re-created series of Dan's finds his 1:1.
  expect(await findRelationshipForEvent({ seriesId: 'newSeries', counterpartEmails: ['dan@acme.example'], title: 'Dan / Me' }, here)).toBeDefined();
  await applyImport((await exportAll(laptop)).data, 'merge', here);
  console.log('people with dan@', await here.people.where('emails').equals('dan@acme.example').count());
  expect(await findRelationshipForEvent({ seriesId: 'newSeries2', counterpartEmails: ['dan@acme.example'], title: 'Dan / Me' }, here)).toBeDefined();
  expect(await here.people.where('emails').equals('dan@acme.example').count()).toBe(1);
  laptop.close();
});
