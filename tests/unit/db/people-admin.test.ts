import { describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  addFeedback,
  addGoal,
  addTalkingPoint,
  applyPersonEdit,
  createPerson,
  createRelationship,
  deleteCustomTemplate,
  getDatabase,
  getSettings,
  InvalidInputError,
  linkRelationshipTo,
  listTemplates,
  mergePeople,
  peopleDirectory,
  loadSessionView,
  prepareSession,
  saveCustomTemplate,
  saveSectionNotes,
  switchSessionTemplate,
  setPersonArchived,
  setRelationshipArchived,
  relationshipLabel,
  TemplateInUseError,
  templateUsage,
  unlinkSeries,
  updateCadenceDefault,
  updateDetectionRules,
  updatePerson,
  updateRelationship,
  updateReminderSettings,
} from '@/lib/db';
import { exportRelationshipMarkdown } from '@/lib/io/markdown';
import type { Relationship } from '@/lib/domain/model';
import { sectionTitleOf } from '@/components/panel/calendar/calendar-text';

async function twoBobs() {
  const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
  const dup = await createPerson({ name: 'Bob J.', emails: ['bob.jones@gmail.example'], relation: 'other' });
  const kept = await createRelationship({
    personIds: [bob.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
    calendarSeriesIds: ['series-a'],
  });
  const removed = await createRelationship({
    personIds: [dup.id],
    kind: 'one-on-one',
    title: 'Bob 1:1 (old)',
    calendarSeriesIds: ['series-b'],
    meetCodes: ['abc-defg-hij'],
  });
  const career = await createRelationship({ personIds: [dup.id], kind: 'career', title: 'Bob career' });
  return { bob, dup, kept, removed, career };
}

describe('mergePeople', () => {
  it('keeps one person with both emails and moves the whole history of the same-kind 1:1 over', async () => {
    const { bob, dup, kept, removed, career } = await twoBobs();
    const { session } = await prepareSession({
      relationshipId: removed.id,
      scheduledAt: Date.UTC(2026, 0, 5),
    });
    const agreement = await addAgreement(removed.id, {
      owner: 'them',
      text: 'Send the draft',
      dueDate: null,
      sessionId: session.id,
    });
    const point = await addTalkingPoint(removed.id, { text: 'Promotion', author: 'me' });
    const goal = await addGoal(removed.id, { category: 'impact', title: 'Ship billing' });
    const feedback = await addFeedback(removed.id, {
      direction: 'given',
      text: 'Great demo',
      personId: dup.id,
    });

    const result = await mergePeople(bob.id, dup.id);
    expect(result).toMatchObject({ movedRelationships: 1, mergedRelationships: 1 });
    expect(result.person.emails).toEqual(['bob@acme.example', 'bob.jones@gmail.example']);

    const db = getDatabase();
    expect(await db.people.get(dup.id)).toBeUndefined();
    expect(await db.relationships.get(removed.id)).toBeUndefined();
    const merged = (await db.relationships.get(kept.id))!;
    expect(merged.calendarSeriesIds).toEqual(['series-a', 'series-b']);
    expect(merged.meetCodes).toEqual(['abc-defg-hij']);
    expect((await db.sessions.get(session.id))!.relationshipId).toBe(kept.id);
    expect((await db.agreements.get(agreement.id))!.relationshipId).toBe(kept.id);
    expect((await db.talkingPoints.get(point.id))!.relationshipId).toBe(kept.id);
    expect((await db.goals.get(goal.id))!.relationshipId).toBe(kept.id);
    const movedFeedback = (await db.feedback.get(feedback.id))!;
    expect(movedFeedback).toMatchObject({ relationshipId: kept.id, personId: bob.id });
    // Every record the merge changed is stamped (an import's merge keeps the newer version by updatedAt).
    expect(movedFeedback.updatedAt).toBe(result.person.updatedAt);
    // A kind only the removed person had moves over as it is.
    expect((await db.relationships.get(career.id))!.personIds).toEqual([bob.id]);
    // Nothing points at a record that is gone.
    expect(await db.sessions.where('relationshipId').equals(removed.id).count()).toBe(0);
  });

  it('is all or nothing: a failure half-way leaves every record as it was', async () => {
    const { bob, dup, removed } = await twoBobs();
    const goal = await addGoal(removed.id, { category: 'impact', title: 'Ship billing' });
    const before = await Promise.all(getDatabase().dataTables.map((table) => table.toArray()));
    // Fail on the last write of the merge (deleting the removed person).
    const spy = vi.spyOn(getDatabase().people, 'delete').mockRejectedValueOnce(new Error('disk gone'));
    await expect(mergePeople(bob.id, dup.id)).rejects.toThrow('disk gone');
    spy.mockRestore();
    const after = await Promise.all(getDatabase().dataTables.map((table) => table.toArray()));
    expect(after).toEqual(before);
    expect((await getDatabase().goals.get(goal.id))!.relationshipId).toBe(removed.id);
  });

  it('refuses to merge a person with themself or with someone who is gone', async () => {
    const { bob } = await twoBobs();
    await expect(mergePeople(bob.id, bob.id)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(mergePeople(bob.id, 'nobody')).rejects.toThrow('no longer exists');
  });

  it('keeps 2-1s as separate relationships (only single-person 1:1s of the same kind merge)', async () => {
    const { bob, dup } = await twoBobs();
    const carol = await createPerson({ name: 'Carol', relation: 'peer' });
    const twoOne = await createRelationship({
      personIds: [dup.id, carol.id],
      kind: 'two-on-one',
      title: '2-1 Bob',
    });
    await mergePeople(bob.id, dup.id);
    expect((await getDatabase().relationships.get(twoOne.id))!.personIds).toEqual([bob.id, carol.id]);
  });
});

describe('an edit form open while the person is merged or edited elsewhere', () => {
  it('applies only what the form changed: the emails merged in meanwhile stay', async () => {
    const { bob, dup } = await twoBobs();
    const opened = { name: bob.name, emails: bob.emails, relation: bob.relation };
    await mergePeople(bob.id, dup.id); // in another tab, while the form is open
    const saved = await applyPersonEdit(bob.id, opened, {
      name: 'Robert Jones',
      emails: ['bob@acme.example', 'robert@acme.example'],
      relation: bob.relation,
    });
    expect(saved.name).toBe('Robert Jones');
    expect(saved.emails).toEqual(['bob@acme.example', 'bob.jones@gmail.example', 'robert@acme.example']);
  });

  it('removes an email the user removed, and leaves a field the user did not touch as stored now', async () => {
    const { bob } = await twoBobs();
    await updatePerson(bob.id, { emails: ['bob@acme.example', 'bobby@acme.example'] });
    const opened = {
      name: bob.name,
      emails: ['bob@acme.example', 'bobby@acme.example'],
      relation: bob.relation,
    };
    await updatePerson(bob.id, { name: 'Bob J. (renamed in another tab)' });
    const saved = await applyPersonEdit(bob.id, opened, { ...opened, emails: ['BOB@acme.example'] });
    expect(saved).toMatchObject({ name: 'Bob J. (renamed in another tab)', emails: ['bob@acme.example'] });
    await expect(applyPersonEdit('gone', opened, opened)).rejects.toThrow('This person no longer exists.');
  });
});

describe('one address, one person', () => {
  it('refuses an email another person has, saying who and how to fix it, and changes nothing', async () => {
    const alice = await createPerson({
      name: 'Alice Smith',
      emails: ['alice@acme.example'],
      relation: 'peer',
    });
    const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
    const opened = { name: bob.name, emails: bob.emails, relation: bob.relation };
    const adding = applyPersonEdit(bob.id, opened, {
      ...opened,
      emails: ['bob@acme.example', 'ALICE@acme.example'],
    });
    await expect(adding).rejects.toBeInstanceOf(InvalidInputError);
    await expect(adding).rejects.toThrow(
      'alice@acme.example already belongs to Alice Smith. If they are the same person, merge the two in People instead.',
    );
    expect((await getDatabase().people.get(bob.id))!.emails).toEqual(['bob@acme.example']);
    await expect(
      createPerson({ name: 'Alice S.', emails: [' Alice@Acme.example '], relation: 'peer' }),
    ).rejects.toThrow('already belongs to Alice Smith');
    expect(await getDatabase().people.count()).toBe(2);
    // Keeping one's own address, or adding a new one, is fine.
    await applyPersonEdit(
      alice.id,
      { name: alice.name, emails: alice.emails, relation: alice.relation },
      {
        name: 'Alice S.',
        emails: ['alice@acme.example', 'a.smith@acme.example'],
        relation: 'peer',
      },
    );
  });
});

/** A session for the same Calendar event in each of the two 1:1s. */
function twinSessions(event: string, at: number, keptId: string, removedId: string) {
  const prepare = (relationshipId: string) =>
    prepareSession({ relationshipId, scheduledAt: at, calendarEventId: event });
  return Promise.all([prepare(keptId), prepare(removedId)]);
}

describe('mergePeople: the same Calendar event in both 1:1s', () => {
  it('keeps one session for the event, with both notes, held winning, and everything re-pointed', async () => {
    const { bob, dup, kept, removed } = await twoBobs();
    const event = 'evt_20260105T170000Z';
    const at = Date.UTC(2026, 0, 5, 17);
    const [mine, theirs] = await twinSessions(event, at, kept.id, removed.id);
    const db = getDatabase();
    await db.sessions.update(mine.session.id, { notes: { general: 'From the kept 1:1' } });
    await db.sessions.update(theirs.session.id, {
      notes: { general: 'From the duplicate', wins: 'Shipped' },
      privateNotes: 'Private',
      status: 'held',
      heldAt: at,
    });
    const point = await addTalkingPoint(removed.id, { text: 'Raise the offsite', author: 'me' });
    await db.talkingPoints.update(point.id, { sessionId: theirs.session.id });
    const agreement = await addAgreement(removed.id, {
      owner: 'me',
      text: 'Send the notes',
      dueDate: null,
      sessionId: theirs.session.id,
    });

    await mergePeople(bob.id, dup.id);

    const sessions = await db.sessions.where('calendarEventId').equals(event).toArray();
    expect(sessions).toHaveLength(1);
    const [only] = sessions;
    expect(only).toMatchObject({
      id: mine.session.id,
      relationshipId: kept.id,
      status: 'held',
      heldAt: at,
      privateNotes: 'Private',
      notes: { general: 'From the kept 1:1\n\nFrom the duplicate', wins: 'Shipped' },
    });
    expect((await db.talkingPoints.get(point.id))!.sessionId).toBe(mine.session.id);
    const moved = (await db.agreements.get(agreement.id))!;
    expect(moved.madeInSessionId).toBe(mine.session.id);
    expect(moved.history.every((e) => e.sessionId === null || e.sessionId === mine.session.id)).toBe(true);
  });
});

describe('mergePeople: twins', () => {
  it('keeps each check-in answer from whichever twin session has it', async () => {
    const { bob, dup, kept, removed } = await twoBobs();
    const [mine, theirs] = await twinSessions(
      'evt_20260112T170000Z',
      Date.UTC(2026, 0, 12, 17),
      kept.id,
      removed.id,
    );
    const db = getDatabase();
    await db.sessions.update(mine.session.id, { checkIn: { mood: 3, workload: null } });
    await db.sessions.update(theirs.session.id, { checkIn: { mood: null, workload: 5 } });
    await mergePeople(bob.id, dup.id);
    expect((await db.sessions.get(mine.session.id))!.checkIn).toEqual({ mood: 3, workload: 5 });
  });

  it('never folds an active 1:1 into one the user archived on its own (it would come back beside the active one)', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
    const dup = await createPerson({ name: 'Bob J.', emails: ['bob.j@gmail.example'], relation: 'other' });
    // Ids chosen so the archived one comes first in any order by id.
    const old = await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Old series' });
    const current = await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Current' });
    const db = getDatabase();
    for (const [from, to] of [
      [old.id, 'a-old'],
      [current.id, 'b-current'],
    ] as const) {
      const row = (await db.relationships.get(from))!;
      await db.relationships.delete(from);
      await db.relationships.put({ ...row, id: to });
    }
    await setRelationshipArchived('a-old', true);
    const theirs = await createRelationship({ personIds: [dup.id], kind: 'one-on-one', title: 'Dup' });
    await addTalkingPoint(theirs.id, { text: 'Raise the offsite', author: 'me' });

    await mergePeople(bob.id, dup.id);

    expect((await db.relationships.get('a-old'))!.archived).toBe(true);
    expect((await db.relationships.get('b-current'))!.archived).toBe(false);
    expect(await db.relationships.get(theirs.id)).toBeUndefined();
    const active = (await db.relationships.toArray()).filter((r) => !r.archived);
    expect(active.map((r) => r.id)).toEqual(['b-current']);
    expect((await db.talkingPoints.toArray()).map((p) => p.relationshipId)).toEqual(['b-current']);
  });
});

describe('archiving', () => {
  it('archives a person with their relationships and brings them back, keeping everything', async () => {
    const { bob, kept } = await twoBobs();
    await addGoal(kept.id, { category: 'impact', title: 'Kept goal' });
    await setPersonArchived(bob.id, true);
    expect((await getDatabase().people.get(bob.id))!.archived).toBe(true);
    expect((await getDatabase().relationships.get(kept.id))!.archived).toBe(true);
    expect(await getDatabase().goals.count()).toBe(1);
    await setPersonArchived(bob.id, false);
    expect((await getDatabase().people.get(bob.id))!.archived).toBe(false);
    expect((await getDatabase().relationships.get(kept.id))!.archived).toBe(false);
  });

  it('bringing a person back does not revive a 1:1 that was archived on its own before', async () => {
    const { bob, kept } = await twoBobs();
    const old = await createRelationship({ personIds: [bob.id], kind: 'career', title: 'Old career series' });
    await setRelationshipArchived(old.id, true);
    vi.setSystemTime(Date.now() + 60_000);
    await setPersonArchived(bob.id, true);
    vi.setSystemTime(Date.now() + 60_000);
    await setPersonArchived(bob.id, false);
    expect((await getDatabase().relationships.get(kept.id))!.archived).toBe(false);
    expect((await getDatabase().relationships.get(old.id))!.archived).toBe(true);
  });

  it('archiving someone already archived (a second tab) changes nothing, so bringing them back still works', async () => {
    const { bob, kept } = await twoBobs();
    await setPersonArchived(bob.id, true);
    const archived = (await getDatabase().people.get(bob.id))!;
    vi.setSystemTime(Date.now() + 60_000);
    expect(await setPersonArchived(bob.id, true)).toEqual(archived);
    expect((await getDatabase().people.get(bob.id))!.updatedAt).toBe(archived.updatedAt);
    vi.setSystemTime(Date.now() + 60_000);
    await setPersonArchived(bob.id, false);
    expect((await getDatabase().relationships.get(kept.id))!.archived).toBe(false);
  });

  it('does not bring back a shared relationship while its other person stays archived', async () => {
    const a = await createPerson({ name: 'A', relation: 'report' });
    const b = await createPerson({ name: 'B', relation: 'report' });
    const shared = await createRelationship({ personIds: [a.id, b.id], kind: 'two-on-one', title: '2-1' });
    await setPersonArchived(a.id, true);
    await setPersonArchived(b.id, true);
    await setPersonArchived(a.id, false);
    expect((await getDatabase().relationships.get(shared.id))!.archived).toBe(true);
  });

  it('archives and unarchives one relationship', async () => {
    const { kept } = await twoBobs();
    expect((await setRelationshipArchived(kept.id, true)).archived).toBe(true);
    expect((await setRelationshipArchived(kept.id, false)).archived).toBe(false);
    await expect(setRelationshipArchived('gone', true)).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('unlinkSeries and peopleDirectory', () => {
  it('stops linking one series and lists people with their relationships, archived included', async () => {
    const { bob, dup, kept, career } = await twoBobs();
    await unlinkSeries(kept.id, 'series-a');
    expect((await getDatabase().relationships.get(kept.id))!.calendarSeriesIds).toEqual([]);
    await setPersonArchived(dup.id, true);
    const orphan = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Untitled 1:1' });
    const directory = await peopleDirectory();
    expect(directory.people.map((entry) => entry.person.id)).toEqual([dup.id, bob.id]);
    expect(directory.people[0]!.relationships.map((r) => r.id)).toEqual([removedId(directory), career.id]);
    expect(directory.unassigned.map((r) => r.id)).toEqual([orphan.id]);
  });
});

function removedId(directory: Awaited<ReturnType<typeof peopleDirectory>>): string {
  return directory.people[0]!.relationships.find((r) => r.title === 'Bob 1:1 (old)')!.id;
}

describe('deleteCustomTemplate', () => {
  const section = { id: 'talk', title: 'Talk', minutes: 10, prompts: [], kind: 'notes' as const };

  it('a 1:1 switched to another template takes its next meeting along, unless it was begun', async () => {
    const section = { id: 'talk', title: 'Talk', minutes: 10, prompts: [], kind: 'notes' as const };
    const oldWay = await saveCustomTemplate({
      name: 'Old way',
      method: 'custom',
      description: '',
      sections: [section],
    });
    const zed = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Zed',
      templateId: oldWay.id,
    });
    const next = (await prepareSession({ relationshipId: zed.id, scheduledAt: Date.now() + 86_400_000 }))
      .session;
    const begun = (await prepareSession({ relationshipId: zed.id, scheduledAt: Date.now() + 8 * 86_400_000 }))
      .session;
    await saveSectionNotes(begun.id, 'talk', 'Written on the old template');
    await updateRelationship(zed.id, { templateId: 'builtin:career' });
    const db = getDatabase();
    expect((await db.sessions.get(next.id))!.templateId).toBe('builtin:career');
    expect((await db.sessions.get(begun.id))!.templateId).toBe(oldWay.id);
    // Deleting the old template now leaves the next meeting on the one chosen.
    await db.sessions.delete(begun.id);
    await deleteCustomTemplate(oldWay.id);
    expect((await loadSessionView(next.id))?.template?.id).toBe('builtin:career');
  });

  it('deletes an unused custom template', async () => {
    const template = await saveCustomTemplate({
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [section],
    });
    await deleteCustomTemplate(template.id);
    expect((await listTemplates()).some((t) => t.id === template.id)).toBe(false);
  });

  it('refuses while a relationship uses it, naming the relationships', async () => {
    const template = await saveCustomTemplate({
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [section],
    });
    await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Zed 1:1',
      templateId: template.id,
    });
    await createRelationship({ personIds: [], kind: 'peer', title: 'Amy peer', templateId: template.id });
    // Two reports' 1:1s both titled "1:1": named by their people.
    for (const name of ['Carol King', 'Bob Jones']) {
      const person = await createPerson({ name, relation: 'report' });
      await createRelationship({
        personIds: [person.id],
        kind: 'one-on-one',
        title: '1:1',
        templateId: template.id,
      });
    }
    const labels = ['Amy peer', 'Bob Jones — 1:1', 'Carol King — 1:1', 'Zed 1:1'];
    const error = await deleteCustomTemplate(template.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateInUseError);
    expect((error as TemplateInUseError).usedBy.map(relationshipLabel)).toEqual(labels);
    expect((error as Error).message).toBe(`This template is used by ${labels.join(', ')}.`);
    expect(await getDatabase().templates.get(template.id)).toBeDefined();
    expect((await templateUsage()).get(template.id)?.map(relationshipLabel)).toEqual(labels);
  });

  it('retires one that past sessions used: no longer offered, but their notes keep its titles', async () => {
    const wins = { id: 'section-2', title: 'Wins', minutes: 5, prompts: [], kind: 'notes' as const };
    const template = await saveCustomTemplate({
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [section, wins],
    });
    const rel = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Zed 1:1' });
    const { session } = await prepareSession({ relationshipId: rel.id, scheduledAt: Date.UTC(2026, 0, 5) });
    await switchSessionTemplate(session.id, template.id);
    await saveSectionNotes(session.id, 'section-2', 'Shipped the importer');

    await deleteCustomTemplate(template.id);
    expect((await listTemplates()).some((t) => t.id === template.id)).toBe(false);
    expect((await getDatabase().templates.get(template.id))?.retired).toBe(true);
    const view = (await loadSessionView(session.id))!;
    expect(view.template.sections.map((s) => s.title)).toEqual(['Talk', 'Wins']);
    // Every template comes with the view (titles of retired ones included); the panel offers the others.
    expect(view.templates.filter((t) => t.retired).map((t) => t.id)).toEqual([template.id]);
    expect(await exportRelationshipMarkdown(rel.id)).toContain('**Wins**');
    // Retired: not editable, not deletable again, not choosable for a 1:1.
    await expect(saveCustomTemplate({ ...template, name: 'Again' })).rejects.toThrow('was deleted');
    await expect(deleteCustomTemplate(template.id)).rejects.toThrow('no longer exists');
    await expect(updateRelationship(rel.id, { templateId: template.id })).rejects.toThrow(
      'That template no longer exists',
    );
  });

  it('retires one a session was switched away from: its notes there keep their titles', async () => {
    const wins = { id: 'wins-1', title: 'Wins', minutes: 5, prompts: [], kind: 'notes' as const };
    const template = await saveCustomTemplate({
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [wins],
    });
    const rel = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Zed 1:1' });
    const { session } = await prepareSession({ relationshipId: rel.id, scheduledAt: Date.UTC(2026, 0, 5) });
    await switchSessionTemplate(session.id, template.id);
    await saveSectionNotes(session.id, 'wins-1', 'Shipped the importer');
    await switchSessionTemplate(session.id, 'builtin:your-session');

    await deleteCustomTemplate(template.id);
    expect((await getDatabase().templates.get(template.id))?.retired).toBe(true);
    const view = (await loadSessionView(session.id))!;
    expect(sectionTitleOf('wins-1', view.template, view.templates)).toBe('Wins');
    // Not choosable any more, even from a panel that still lists it.
    await expect(switchSessionTemplate(session.id, template.id)).rejects.toThrow(
      'That template no longer exists',
    );
  });

  it('refuses built-ins and unknown ids', async () => {
    await expect(deleteCustomTemplate('builtin:peer')).rejects.toThrow('Built-in');
    await expect(deleteCustomTemplate('custom:nope')).rejects.toThrow('no longer exists');
  });
});

describe('settings updates', () => {
  it('a keyword added from two pages at once keeps both (each change applies to the stored list)', async () => {
    await Promise.all([
      updateDetectionRules((current) => ({ includeKeywords: [...current.includeKeywords, 'sync'] })),
      updateDetectionRules((current) => ({ includeKeywords: [...current.includeKeywords, 'catch-up'] })),
    ]);
    expect([...(await getSettings()).detection.includeKeywords].sort()).toEqual(['catch-up', 'sync']);
  });

  it('patches detection rules, reminders and cadence defaults without touching the rest', async () => {
    await updateDetectionRules({ includeKeywords: ['weekly sync'] });
    await updateDetectionRules({ maxGuests: 5 });
    await updateReminderSettings({ afterHeld: false });
    await updateReminderSettings({ beforeMinutes: 60 });
    await updateCadenceDefault('peer', 21);
    const settings = await getSettings();
    expect(settings.detection).toEqual({
      includeKeywords: ['weekly sync'],
      excludeKeywords: [],
      maxGuests: 5,
    });
    expect(settings.reminders).toMatchObject({ afterHeld: false, beforeMinutes: 60, beforeSession: true });
    expect(settings.cadenceDays).toMatchObject({ peer: 21, 'one-on-one': 14 });
  });

  it('refuses values outside the schema', async () => {
    await expect(updateDetectionRules({ maxGuests: 11 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(updateReminderSettings({ beforeMinutes: 1 })).rejects.toBeInstanceOf(InvalidInputError);
    expect((await getSettings()).detection.maxGuests).toBe(3);
  });
});

describe('linkRelationshipTo: saying who a 1:1 made from notes is with', () => {
  it('folds it into their existing 1:1 of that kind (notes, series and all; that 1:1 keeps its cadence)', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
    const his = await createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
      cadenceDays: 14,
      calendarSeriesIds: ['bob-series'],
    });
    const fromNotes = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Catch-up',
      calendarSeriesIds: ['catch-up'],
    });
    const { session } = await prepareSession({ relationshipId: fromNotes.id, scheduledAt: Date.now() });
    await saveSectionNotes(session.id, 'general', 'Talked about the offsite');

    const linked = await linkRelationshipTo(fromNotes.id, {
      personIds: [bob.id],
      kind: 'one-on-one',
      cadenceDays: 7,
    });
    expect(linked.id).toBe(his.id);
    expect(linked).toMatchObject({ cadenceDays: 14, calendarSeriesIds: ['bob-series', 'catch-up'] });
    expect(await getDatabase().relationships.get(fromNotes.id)).toBeUndefined();
    expect((await getDatabase().sessions.get(session.id))?.relationshipId).toBe(his.id);
  });

  it('with no such 1:1, gives this one its people, kind and cadence', async () => {
    const carol = await createPerson({ name: 'Carol', emails: ['carol@acme.example'], relation: 'peer' });
    const fromNotes = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Catch-up' });
    const linked = await linkRelationshipTo(fromNotes.id, {
      personIds: [carol.id],
      kind: 'peer',
      cadenceDays: 21,
    });
    expect(linked).toMatchObject({ id: fromNotes.id, personIds: [carol.id], kind: 'peer', cadenceDays: 21 });
    // A peer 1:1 runs the peer template (it had the one-on-one default, nothing the user chose).
    expect(linked.templateId).toBe('builtin:peer');
  });

  it('keeps a template the user chose when the kind changes', async () => {
    const carol = await createPerson({ name: 'Carol', emails: ['carol@acme.example'], relation: 'peer' });
    const fromNotes = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Catch-up',
      templateId: 'builtin:structured-50',
    });
    const linked = await linkRelationshipTo(fromNotes.id, {
      personIds: [carol.id],
      kind: 'peer',
      cadenceDays: 21,
    });
    expect(linked.templateId).toBe('builtin:structured-50');
  });
});

describe('peopleDirectory with a damaged relationship row', () => {
  it('lists the row with no one, and everyone else as before', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
    const theirs = await createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    await getDatabase().relationships.put({ id: 'bad', title: 'Bad' } as unknown as Relationship);
    const directory = await peopleDirectory();
    expect(directory.people.map((p) => [p.person.name, p.relationships.map((r) => r.id)])).toEqual([
      ['Bob Jones', [theirs.id]],
    ]);
    expect(directory.unassigned.map((r) => r.id)).toEqual(['bad']);
  });
});
