import { describe, expect, it, vi } from 'vitest';
import {
  addTalkingPoint,
  createPerson,
  createRelationship,
  getDatabase,
  prepareSession,
  saveSectionNotes,
  mergePeople,
  saveCustomTemplate,
  deleteCustomTemplate,
  findRelationshipForEvent,
} from '@/lib/db';
import { exportAll, serializeExport } from '@/lib/io/export';
import { applyImport, importFromText, parseImportText, previewImport, validateImport } from '@/lib/io/import';
import { useFixedDate } from '../helpers/clock';

const NOW = new Date(2026, 2, 25, 12).getTime();
const DAY = 86_400_000;
useFixedDate(NOW);

async function seed(name: string) {
  const person = await createPerson({ name, emails: [`${name.toLowerCase()}@example.com`], relation: 'report' });
  const relationship = await createRelationship({
    personIds: [person.id],
    kind: 'one-on-one',
    title: `${name} / Me`,
    calendarSeriesIds: [`series${name}`],
  });
  const { session } = await prepareSession({ relationshipId: relationship.id, scheduledAt: NOW - DAY });
  await saveSectionNotes(session.id, 'your-topics', `${name} notes`);
  return { person, relationship, session };
}

describe('probes', () => {
  it('P1 two people with one email in a file', async () => {
    await seed('Alice');
    const file = JSON.parse(serializeExport(await exportAll(getDatabase(), NOW)));
    const p = file.data.people[0];
    file.data.people.push({ ...p, id: 'other-alice' });
    let err: unknown = null;
    try { await importFromText(JSON.stringify(file), 'replace'); } catch (e) { err = e; }
    console.log('P1', String(err));
    console.log('P1 people', (await getDatabase().people.toArray()).map((x) => [x.id, x.emails]));
  });

  it('P3 file missing a section', async () => {
    await seed('Alice');
    const file = JSON.parse(serializeExport(await exportAll(getDatabase(), NOW)));
    delete file.data.goals; delete file.data.templates; delete file.data.settings;
    let err: unknown = null;
    try { validateImport(file); } catch (e) { err = e; }
    console.log('P3', String(err));
  });
});
