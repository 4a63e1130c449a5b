import { describe, expect, it, vi } from 'vitest';
import {
  addAgreement, addFeedback, addGoal, addTalkingPoint, createPerson, createRelationship, DuetDatabase,
  getDatabase, prepareSession, saveSectionNotes, mergePeople, saveCustomTemplate, deleteCustomTemplate,
  setPersonArchived, startLiveSession, endLiveSession, saveCareerAssessment, ignoreSeries, updateDetectionRules,
  switchSessionTemplate, dropAgreement, cancelSession, savePrivateNotes, updateRelationship, setRelationshipArchived,
} from '@/lib/db';
import { exportAll, serializeExport } from '@/lib/io/export';
import { EXPORT_TABLES } from '@/lib/io/export-format';
import { applyImport, importFromText, parseImportText, previewImport, validateImport } from '@/lib/io/import';

const T0 = Date.UTC(2026, 2, 2, 9);
const MIN = 60_000;
const DAY = 86_400_000;

async function rich(db: DuetDatabase) {
  const at = (t: number) => vi.setSystemTime(t);
  at(T0);
  const a = await createPerson({ name: 'Ann', emails: ['ann@x.example'], relation: 'report' }, db);
  const b = await createPerson({ name: 'Ben', emails: ['ben@x.example'], relation: 'peer' }, db);
  const b2 = await createPerson({ name: 'Ben dup', emails: ['ben@home.example'], relation: 'peer' }, db);
  const c = await createPerson({ name: 'Cat', emails: ['cat@x.example'], relation: 'manager' }, db);
  const tpl = await saveCustomTemplate({ name: 'Mine', method: 'custom', description: '', sections: [
    { id: 'talk', title: 'Talk', minutes: 5, prompts: [], kind: 'notes' },
    { id: 'steps', title: 'Steps', minutes: 5, prompts: [], kind: 'career' }] }, db);
  const tpl2 = await saveCustomTemplate({ name: 'Old', method: 'custom', description: '', sections: [
    { id: 'old', title: 'Old', minutes: 5, prompts: [], kind: 'notes' }] }, db);
  const ra = await createRelationship({ personIds: [a.id], kind: 'one-on-one', title: 'Ann', calendarSeriesIds: ['sA'], templateId: tpl.id }, db);
  const rb = await createRelationship({ personIds: [b.id], kind: 'peer', title: 'Ben', calendarSeriesIds: ['sB'] }, db);
  const rb2 = await createRelationship({ personIds: [b2.id], kind: 'peer', title: 'Ben2', calendarSeriesIds: ['sB2'] }, db);
  const rc = await createRelationship({ personIds: [c.id, a.id], kind: 'two-on-one', title: 'Cat+Ann' }, db);
  at(T0 + MIN);
  const s1 = await startLiveSession({ relationshipId: ra.id, calendarEventId: 'sA_20260302T090000Z', scheduledAt: T0, now: T0 + MIN }, db);
  await saveSectionNotes(s1.id, 'talk', 'hello', db);
  await savePrivateNotes(s1.id, 'secret', db);
  await addTalkingPoint(ra.id, { text: 'tp', author: 'me', sessionId: s1.id }, db);
  const ag = await addAgreement(ra.id, { owner: 'them', text: 'do', dueDate: '2026-03-10', sessionId: s1.id }, db);
  await addGoal(ra.id, { category: 'okr', title: 'g', keyResults: [{ id: 'k', text: 'kr', progress: 10 }] }, db);
  await addFeedback(ra.id, { direction: 'given', text: 'fb', sessionId: s1.id, personId: a.id }, db);
  await endLiveSession(s1.id, db).catch(() => undefined);
  at(T0 + 2 * MIN);
  await dropAgreement(ag.id, 'nah', {}, db).catch((e) => console.log('drop', String(e)));
  const { session: s2 } = await prepareSession({ relationshipId: rb.id, scheduledAt: T0 - DAY, calendarEventId: 'ev1' }, db);
  const { session: s3 } = await prepareSession({ relationshipId: rb2.id, scheduledAt: T0 - DAY, calendarEventId: 'ev1' }, db);
  await saveSectionNotes(s2.id, 'general', 'b1', db);
  await saveSectionNotes(s3.id, 'general', 'b2', db);
  const { session: s4 } = await prepareSession({ relationshipId: rc.id, scheduledAt: T0 + DAY }, db);
  await cancelSession(s4.id, db);
  at(T0 + 3 * MIN);
  await mergePeople(b.id, b2.id, db);
  await deleteCustomTemplate(tpl2.id, db);
  await setPersonArchived(c.id, true, db);
  await ignoreSeries('sZ', db, 'Standup');
  await updateDetectionRules({ includeKeywords: ['sync'] }, db);
  at(T0 + 4 * MIN);
}

describe('rich round trip', () => {
  it('export → replace into fresh → export is identical; re-import changes nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const here = getDatabase();
    await rich(here);
    const f1 = await exportAll(here, T0 + 5 * MIN);
    expect(f1.data.quarantine).toBeUndefined();
    const text = serializeExport(f1);
    const other = new DuetDatabase('other');
    await importFromText(text, 'replace', other);
    const f2 = await exportAll(other, T0 + 5 * MIN);
    expect(f2).toEqual(f1);
    const fresh = new DuetDatabase('fresh');
    await importFromText(text, 'merge', fresh);
    const f3 = await exportAll(fresh, T0 + 5 * MIN);
    expect(f3).toEqual(f1);
    const data = validateImport(parseImportText(text));
    for (const mode of ['merge', 'replace'] as const) {
      const p = await previewImport(data, mode, here);
      for (const t of EXPORT_TABLES) expect(p.changes[t].added + p.changes[t].updated + p.changes[t].newerHere, `${mode} ${t}`).toBe(0);
      expect(Object.values(p.removed).reduce((x, y) => x + y, 0)).toBe(0);
    }
    vi.useRealTimers();
  });
});
