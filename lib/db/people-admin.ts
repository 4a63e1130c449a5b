/**
 * What the options page changes in bulk: merging duplicate people (and their 1:1s), archiving, deleting a
 * custom template, the people directory, and read-modify-write updates of the detection and reminder
 * settings (one transaction each: no lost update when two pages write at once).
 */
import {
  type DetectionRules,
  type Person,
  memberOf,
  PersonSchema,
  type ReminderSettings,
  type Relationship,
  RelationshipSchema,
  type Session,
  SessionSchema,
  type Settings,
  type Template,
} from '../domain/model';
import { DEFAULT_TEMPLATE_FOR_KIND, isBuiltInTemplateId } from '../domain/templates';
import { type DuetDatabase, getDatabase } from './database';
import { InvalidInputError } from './errors';
import {
  activeAmong,
  changeRelationship,
  editOf,
  peopleOf,
  pickedPersonGone,
  type RelationshipFields,
  updateRelationship,
  withArchivedWith,
} from './relationships';
import { getSettings, updateSettings } from './settings';
import { recordDeletions } from './tombstones';
import { validate } from './validate';
import { byText } from './sort';

// Merge ---------------------------------------------------------------------------------------------

export interface MergeResult {
  person: Person;
  /** Relationships of the removed person now pointing at the kept one. */
  movedRelationships: number;
  /** Relationships folded into one of the kept person's relationships of the same kind. */
  mergedRelationships: number;
}

const uniq = <T>(items: readonly T[]): T[] => [...new Set(items)];

const joinText = (a: string, b: string): string => (a.trim() && b.trim() ? `${a}\n\n${b}` : a || b);

/**
 * Folds session `twin` into `kept`, both for the same Calendar event (inside the caller's transaction): one
 * session per event. The twin's notes are appended section by section, "held" wins, each check-in answer
 * comes from whichever has it, and its talking points, agreements and feedback point at the one kept; the
 * twin is deleted (and its deletion recorded, so no merge brings it back).
 */
export async function foldSessionInto(db: DuetDatabase, kept: Session, twin: Session, now: number) {
  const notes = { ...kept.notes };
  // Text the kept one already holds is not added again (the same twin folded a second time: its device
  // went on using it, and a later import brought it back).
  const join = (a: string, b: string) => (b.trim() && a.includes(b.trim()) ? a : joinText(a, b));
  for (const [section, text] of Object.entries(twin.notes)) notes[section] = join(notes[section] ?? '', text);
  const held = kept.status === 'held' ? kept : twin.status === 'held' ? twin : kept;
  const merged = validate(
    SessionSchema,
    {
      ...kept,
      notes,
      privateNotes: join(kept.privateNotes, twin.privateNotes),
      status: held.status,
      heldAt: held.heldAt,
      live: kept.live ?? twin.live,
      // Each answer from whichever session has it (one may hold the mood, the other the workload).
      checkIn:
        kept.checkIn || twin.checkIn
          ? {
              mood: kept.checkIn?.mood ?? twin.checkIn?.mood ?? null,
              workload: kept.checkIn?.workload ?? twin.checkIn?.workload ?? null,
            }
          : null,
      assessment: kept.assessment ?? twin.assessment,
      meetCode: kept.meetCode ?? twin.meetCode,
      updatedAt: now,
    },
    'session',
  );
  await db.sessions.put(merged);
  await db.talkingPoints.where('sessionId').equals(twin.id).modify({ sessionId: kept.id, updatedAt: now });
  await db.feedback.where('sessionId').equals(twin.id).modify({ sessionId: kept.id, updatedAt: now });
  await db.agreements
    .where('[relationshipId+status]')
    .between([twin.relationshipId, ''], [twin.relationshipId, '\uffff'])
    .modify((agreement) => {
      let moved = false;
      if (agreement.madeInSessionId === twin.id) {
        agreement.madeInSessionId = kept.id;
        moved = true;
      }
      for (const event of agreement.history)
        if (event.sessionId === twin.id) {
          event.sessionId = kept.id;
          moved = true;
        }
      // Changed here now: a merge import of an older copy never points it back at the twin.
      if (moved) agreement.updatedAt = now;
    });
  await db.sessions.delete(twin.id);
  await recordDeletions(db, 'sessions', [twin], now);
}

/**
 * Both relationships may hold a session for the same Calendar event (the same 1:1 tracked twice): one
 * session per event afterwards (`foldSessionInto`).
 */
async function foldTwinSessions(db: DuetDatabase, intoId: string, fromId: string, now: number) {
  const [intoSessions, fromSessions] = await Promise.all([
    db.sessions.where('relationshipId').equals(intoId).toArray(),
    db.sessions.where('relationshipId').equals(fromId).toArray(),
  ]);
  const byEvent = new Map(
    intoSessions.filter((s) => s.calendarEventId !== null).map((s) => [s.calendarEventId!, s]),
  );
  for (const twin of fromSessions) {
    const kept = twin.calendarEventId === null ? undefined : byEvent.get(twin.calendarEventId);
    if (kept) await foldSessionInto(db, kept, twin, now);
  }
}

/** What folding one relationship into another writes (`foldRelationship`): for its callers' transactions. */
const foldTables = (db: DuetDatabase) => [
  db.people,
  db.relationships,
  db.sessions,
  db.agreements,
  db.talkingPoints,
  db.goals,
  db.feedback,
  db.tombstones,
];

/**
 * Folds relationship `fromId` into `intoId` (inside the caller's transaction): its sessions, agreements,
 * talking points, goals and feedback move over, the calendar series and Meet codes join, and it is deleted.
 * Both must have `archivedWith` settled (`withArchivedWith`).
 */
async function foldRelationship(
  db: DuetDatabase,
  into: Relationship,
  from: Relationship,
  now: number,
): Promise<Relationship> {
  const repoint = { relationshipId: into.id, updatedAt: now };
  await foldTwinSessions(db, into.id, from.id, now);
  await db.sessions.where('relationshipId').equals(from.id).modify(repoint);
  await db.goals
    .where('relationshipId')
    .equals(from.id)
    .modify((goal) => {
      // The day a finished goal was done stays its own (a row from before `archivedAt` reads `updatedAt`).
      if (goal.archived && goal.archivedAt === undefined) goal.archivedAt = goal.updatedAt;
      Object.assign(goal, repoint);
    });
  await db.feedback.where('relationshipId').equals(from.id).modify(repoint);
  const inRelationship = [from.id, ''] as const;
  await db.agreements
    .where('[relationshipId+status]')
    .between(inRelationship, [from.id, '\uffff'])
    .modify(repoint);
  await db.talkingPoints
    .where('[relationshipId+status]')
    .between(inRelationship, [from.id, '\uffff'])
    .modify(repoint);
  const personIds = uniq([...into.personIds, ...from.personIds]).slice(0, 4);
  const archived = into.archived && from.archived;
  // Both archived: it waits for everyone either waited for — unless either was archived on its own (the
  // user's word: a merge must not bring back a 1:1 the user put away).
  const onItsOwn = (r: Relationship) =>
    r.archived && r.archivedWith !== undefined && r.archivedWith.length === 0;
  const archivedWith =
    archived && !onItsOwn(into) && !onItsOwn(from)
      ? uniq([...(into.archivedWith ?? []), ...(from.archivedWith ?? [])]).filter((id) =>
          personIds.includes(id),
        )
      : [];
  // A 2-1's member: the kept one's, else the folded one's (if still among the people). Written only when
  // said: a row that never had one stays readable by an older Duet.
  const member = memberOf({
    ...into,
    personIds,
    member: memberOf(into) ?? memberOf({ ...from, kind: into.kind }),
  });
  const { member: _member, ...kept } = into;
  const merged = validate(
    RelationshipSchema,
    {
      ...kept,
      personIds,
      ...(member !== null ? { member } : {}),
      calendarSeriesIds: uniq([...into.calendarSeriesIds, ...from.calendarSeriesIds]).slice(-50),
      meetCodes: uniq([...into.meetCodes, ...from.meetCodes]).slice(-50),
      archived,
      archivedWith,
      updatedAt: now,
    },
    'relationship',
  );
  await db.relationships.delete(from.id);
  await recordDeletions(db, 'relationships', [from], now);
  await db.relationships.put(merged);
  return merged;
}

/**
 * Merges person `removeId` into `keepId`, in one transaction: the kept person gets both sets of emails, the
 * removed person's relationships point at the kept one, and where both had a relationship of the same kind
 * with the same others in it (a 1:1 with just them, a 2-1 with the same colleague), the two are merged
 * (sessions, agreements, talking points, goals, feedback move).
 * Feedback about the removed person is re-pointed too. All or nothing. A 1:1 archived with the removed
 * person is archived with the kept one; if the kept person ends up active (one of the two was), the 1:1s
 * archived only because of them come back, as when a person is brought back.
 */
export async function mergePeople(
  keepId: string,
  removeId: string,
  db: DuetDatabase = getDatabase(),
): Promise<MergeResult> {
  if (keepId === removeId) throw new InvalidInputError('Pick two different people to merge.');
  return db.transaction('rw', foldTables(db), async () => {
    const [keep, remove] = await db.people.bulkGet([keepId, removeId]);
    if (!keep || !remove) throw new InvalidInputError('One of these people no longer exists.');
    const now = Date.now();
    const emails = uniq([...keep.emails, ...remove.emails]);
    if (emails.length > 20)
      throw new InvalidInputError('Together these two have more than 20 emails; remove some first.');
    // Why each archived 1:1 is archived, read before any stamp changes (rows from before `archivedWith`).
    const [keepsOwn, removesOwn] = await Promise.all([
      db.relationships.where('personIds').equals(keepId).toArray(),
      db.relationships.where('personIds').equals(removeId).toArray(),
    ]);
    const before = await peopleOf([...keepsOwn, ...removesOwn], db);
    const keptRelationships = keepsOwn.map((r) => withArchivedWith(r, before));
    const moving = removesOwn.map((r) => withArchivedWith(r, before));
    const person = validate(
      PersonSchema,
      { ...keep, emails, archived: keep.archived && remove.archived, updatedAt: now },
      'person',
    );
    await db.people.put(person);

    const swap = (id: string) => (id === removeId ? keepId : id);
    let movedRelationships = 0;
    let mergedRelationships = 0;
    for (const relationship of moving) {
      const personIds = uniq(relationship.personIds.map(swap));
      const repointed: Relationship = {
        ...relationship,
        personIds,
        ...(relationship.member && {
          member: relationship.member === 'me' ? 'me' : swap(relationship.member),
        }),
        ...(relationship.archivedWith && { archivedWith: uniq(relationship.archivedWith.map(swap)) }),
      };
      // The kept person has a 1:1 of the same kind with the same people (a 1:1 with just them, or a 2-1
      // with the same colleague): one history. The active one first; one the user archived on its own (an
      // old 1:1 before a new series) takes in only an archived one: folding an active history into it would
      // bring it back beside the active one.
      const rank = (r: Relationship) => (!r.archived ? 0 : r.archivedWith?.length ? 1 : 2);
      const samePeople = (r: Relationship) =>
        uniq(r.personIds).length === personIds.length && personIds.every((id) => r.personIds.includes(id));
      const twin = keptRelationships
        .filter(
          (r) =>
            r.id !== relationship.id &&
            r.kind === relationship.kind &&
            samePeople(r) &&
            (rank(r) < 2 || relationship.archived),
        )
        .sort((a, b) => rank(a) - rank(b))[0];
      // One with both of them in it is among the kept ones too: as it is now, or gone once folded.
      const itself = () => keptRelationships.findIndex((r) => r.id === relationship.id);
      if (twin) {
        const merged = await foldRelationship(db, twin, repointed, now);
        keptRelationships.splice(keptRelationships.indexOf(twin), 1, merged);
        if (itself() !== -1) keptRelationships.splice(itself(), 1);
        mergedRelationships++;
      } else {
        const moved = validate(RelationshipSchema, { ...repointed, updatedAt: now }, 'relationship');
        await db.relationships.put(moved);
        if (itself() !== -1) keptRelationships.splice(itself(), 1, moved);
        movedRelationships++;
      }
    }
    // Stamped, as every change: an import's merge keeps the newer version of a record by updatedAt.
    await db.feedback.where('personId').equals(removeId).modify({ personId: keepId, updatedAt: now });
    await db.people.delete(removeId);
    // Recorded, as every deletion: an import's merge does not bring back what was deleted here.
    await recordDeletions(db, 'people', [remove], now);
    // The kept person's 1:1s: rows from before `archivedWith` get it (the stamps it was read from are
    // gone now); if the kept person is active, those archived with them come back (as in setPersonArchived).
    const after = await db.relationships.where('personIds').equals(keepId).toArray();
    const others = await peopleOf(after, db);
    for (const relationship of after) {
      const settled = withArchivedWith(relationship, before);
      const patch = person.archived ? null : releasedBy(settled, keepId, others);
      if (patch === null && settled === relationship) continue;
      await db.relationships.put(
        validate(RelationshipSchema, { ...settled, ...patch, updatedAt: now }, 'relationship'),
      );
    }
    return { person, movedRelationships, mergedRelationships };
  });
}

// Archive -------------------------------------------------------------------------------------------

type PeopleById = ReadonlyMap<string, Person | undefined>;

/**
 * What archiving `personId` changes in one of their relationships (`archivedWith` settled): an active one
 * is archived with them; one archived with others waits for them too; one archived on its own stays so.
 */
function archivedAlong(relationship: Relationship, personId: string): Partial<Relationship> | null {
  if (!relationship.archived) return { archived: true, archivedWith: [personId] };
  const links = relationship.archivedWith ?? [];
  return links.length === 0 || links.includes(personId) ? null : { archivedWith: [...links, personId] };
}

/**
 * What bringing `personId` back changes in one of their relationships (`archivedWith` settled; `people`:
 * the others as stored). One archived with them comes back once none of its people is archived; until
 * then it waits for those who still are. One archived on its own, or not with them, stays as it is.
 */
function releasedBy(
  relationship: Relationship,
  personId: string,
  people: PeopleById,
): Partial<Relationship> | null {
  if (!relationship.archived || !(relationship.archivedWith ?? []).includes(personId)) return null;
  const waiting = relationship.personIds.filter((id) => id !== personId && people.get(id)?.archived);
  return waiting.length > 0 ? { archivedWith: waiting } : { archived: false, archivedWith: [] };
}

/**
 * Archives (or brings back) a person. Archiving also archives their relationships, so they leave the
 * popup and detection, and records in each that it was archived with this person (`archivedWith`), so
 * bringing the person back restores exactly those (once all their people are active), never a 1:1 the
 * user had archived on its own — whatever was edited meanwhile. Nothing is deleted.
 */
export async function setPersonArchived(
  personId: string,
  archived: boolean,
  db: DuetDatabase = getDatabase(),
): Promise<Person> {
  return db.transaction('rw', [db.people, db.relationships], async () => {
    const existing = await db.people.get(personId);
    if (!existing) throw new InvalidInputError('This person no longer exists.');
    // Already so (a second tab, a double click): nothing to change.
    if (existing.archived === archived) return existing;
    const now = Date.now();
    const relationships = await db.relationships.where('personIds').equals(personId).toArray();
    // As stored before this change: rows from before `archivedWith` are read by their people's stamps.
    const before = await peopleOf(relationships, db);
    const person = validate(PersonSchema, { ...existing, archived, updatedAt: now }, 'person');
    await db.people.put(person);
    for (const relationship of relationships) {
      const settled = withArchivedWith(relationship, before);
      const patch = archived ? archivedAlong(settled, personId) : releasedBy(settled, personId, before);
      if (patch === null && settled === relationship) continue;
      await db.relationships.put(
        validate(RelationshipSchema, { ...settled, ...patch, updatedAt: now }, 'relationship'),
      );
    }
    return person;
  });
}

const seriesGone = () => new InvalidInputError('This 1:1 series no longer exists.');

/**
 * Archives (or brings back) one relationship, on its own; its history is kept. Archived so, it stays
 * archived when its people come back (even if it was archived with them before); brought back so, it no
 * longer waits for anyone, and its archived people come back with it (an active 1:1 with an archived person
 * is one Meet cannot find by name and the panels cannot name) — but not their other 1:1s: only this one
 * was asked for. Those that were archived along with them no longer wait for them (they are back), so they
 * stay archived until brought back on their own, or wait only for their other people still archived.
 */
export function setRelationshipArchived(
  relationshipId: string,
  archived: boolean,
  db: DuetDatabase = getDatabase(),
): Promise<Relationship> {
  const change = () =>
    changeRelationship(relationshipId, () => ({ archived, archivedWith: [] }), seriesGone, db);
  if (archived) return change();
  return db.transaction('rw', [...foldTables(db), db.templates], async () => {
    const stored = await db.relationships.get(relationshipId);
    if (!stored) throw seriesGone();
    // Its people have an active 1:1 of this kind meanwhile (tracked again from Meet or Calendar): one
    // history, not two — this one joins it, as a merge of people folds twins.
    const [twin] = (await activeAmong(new Set(stored.personIds), stored.kind, db)).filter(
      (r) =>
        r.id !== stored.id &&
        stored.personIds.length > 0 &&
        new Set(r.personIds).size === new Set(stored.personIds).size,
    );
    if (twin) return foldRelationship(db, twin, { ...stored, archived: false, archivedWith: [] }, Date.now());
    const returning = (await db.people.bulkGet(stored.personIds)).filter(
      (person): person is Person => person?.archived === true,
    );
    if (returning.length > 0) {
      const ids = new Set(returning.map((person) => person.id));
      const rows = await db.relationships
        .where('personIds')
        .anyOf([...ids])
        .toArray();
      const others = [...new Map(rows.map((r) => [r.id, r])).values()].filter(
        (r) => r.id !== relationshipId && r.archived,
      );
      // As stored before this change: rows from before `archivedWith` are read by their people's stamps.
      const before = await peopleOf(others, db);
      const now = Date.now();
      for (const person of returning)
        await db.people.put(validate(PersonSchema, { ...person, archived: false, updatedAt: now }, 'person'));
      for (const relationship of others) {
        const settled = withArchivedWith(relationship, before);
        const waiting = (settled.archivedWith ?? []).filter((id) => !ids.has(id));
        if (settled === relationship && waiting.length === (relationship.archivedWith ?? []).length) continue;
        await db.relationships.put(
          validate(RelationshipSchema, { ...settled, archivedWith: waiting, updatedAt: now }, 'relationship'),
        );
      }
    }
    return change();
  });
}

/** Stops linking a Calendar series to a relationship (its events are judged by the rules again). */
export function unlinkSeries(
  relationshipId: string,
  seriesId: string,
  db: DuetDatabase = getDatabase(),
): Promise<Relationship> {
  return changeRelationship(
    relationshipId,
    (existing) => ({ calendarSeriesIds: existing.calendarSeriesIds.filter((id) => id !== seriesId) }),
    seriesGone,
    db,
  );
}

// Directory -----------------------------------------------------------------------------------------

export interface DirectoryEntry {
  person: Person;
  relationships: Relationship[];
}

export interface PeopleDirectory {
  people: DirectoryEntry[];
  /** Relationships with no person yet (tracked from a title only). */
  unassigned: Relationship[];
}

/** Everyone (archived too) with their relationships, for the options page. Sorted by name and title. */
export async function peopleDirectory(db: DuetDatabase = getDatabase()): Promise<PeopleDirectory> {
  return db.transaction('r', [db.people, db.relationships], async () => {
    const [people, relationships] = await Promise.all([db.people.toArray(), db.relationships.toArray()]);
    const byTitle = byText((r: Relationship) => r.title);
    // A row an upgrade or an older version left without its list of people is listed with no one (so it
    // can still be seen and deleted), rather than one bad row taking the whole directory down.
    const peopleOf = (r: Relationship): readonly string[] => (Array.isArray(r.personIds) ? r.personIds : []);
    return {
      people: people.sort(byText((p) => p.name)).map((person) => ({
        person,
        relationships: relationships.filter((r) => peopleOf(r).includes(person.id)).sort(byTitle),
      })),
      unassigned: relationships.filter((r) => peopleOf(r).length === 0).sort(byTitle),
    };
  });
}

// Templates -----------------------------------------------------------------------------------------

/**
 * A 1:1 as the options page lists it (`relationshipLabel`): its people's names, so two reports' 1:1s both
 * titled "1:1" do not read the same, and its title.
 */
export interface RelationshipNaming {
  id: string;
  /** Its people's names (archived people's too: the 1:1 is still theirs), blank ones left out. */
  names: string[];
  title: string;
  archived: boolean;
}

/** Damaged rows (a field missing or not text, see sort.ts) name nothing rather than break a list. */
const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function namingOf(
  relationship: Relationship,
  people: ReadonlyMap<string, Pick<Person, 'name'>>,
): RelationshipNaming {
  return {
    id: relationship.id,
    names: (relationship.personIds ?? []).map((id) => textOf(people.get(id)?.name)).filter(Boolean),
    title: textOf(relationship.title),
    archived: relationship.archived === true,
  };
}

/**
 * "Bob Jones — 1:1": its people, and its title when that says more than their names; with nobody, the
 * title; '' with neither (the page says "Untitled 1:1"). Names and titles are the user's words: nothing to
 * translate here.
 */
export function relationshipLabel({ names, title }: Pick<RelationshipNaming, 'names' | 'title'>): string {
  const who = names.join(' & ');
  if (!who) return title;
  return title && title.toLocaleLowerCase() !== who.toLocaleLowerCase() ? `${who} — ${title}` : who;
}

export class TemplateInUseError extends InvalidInputError {
  override name = 'TemplateInUseError';
  /** The 1:1s that use it, by label. */
  constructor(readonly usedBy: RelationshipNaming[]) {
    super(
      `This template is used by ${usedBy.map((r) => relationshipLabel(r) || 'Untitled 1:1').join(', ')}.`,
    );
  }
}

/** The 1:1s that use each template, by template id, each named by its people and title. */
export async function templateUsage(
  db: DuetDatabase = getDatabase(),
): Promise<Map<string, RelationshipNaming[]>> {
  return db.transaction('r', [db.relationships, db.people], async () => {
    const [relationships, people] = await Promise.all([db.relationships.toArray(), db.people.toArray()]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const usage = new Map<string, RelationshipNaming[]>();
    for (const relationship of relationships) {
      const users = usage.get(relationship.templateId) ?? [];
      users.push(namingOf(relationship, byId));
      usage.set(relationship.templateId, users);
    }
    for (const users of usage.values()) users.sort(byText(relationshipLabel));
    return usage;
  });
}

/**
 * Deletes one of the user's templates. Refused for built-ins, and while a relationship uses it
 * (TemplateInUseError lists which: switch them to another template first). One that past sessions used is
 * retired, not removed: no longer offered, but those sessions keep showing their notes under its sections'
 * titles.
 */
export async function deleteCustomTemplate(id: string, db: DuetDatabase = getDatabase()): Promise<void> {
  if (isBuiltInTemplateId(id)) throw new InvalidInputError('Built-in templates cannot be deleted.');
  // People too: a refusal names the 1:1s that use it by their people.
  const tables = [db.templates, db.relationships, db.people, db.sessions, db.tombstones];
  await db.transaction('rw', tables, async () => {
    const template = await db.templates.get(id);
    if (!template || template.retired) throw new InvalidInputError('This template no longer exists.');
    const users = (await db.relationships.toArray()).filter((r) => r.templateId === id);
    if (users.length > 0) {
      const people = await db.people.bulkGet([...new Set(users.flatMap((r) => r.personIds))]);
      const byId = new Map(people.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
      throw new TemplateInUseError(users.map((r) => namingOf(r, byId)).sort(byText(relationshipLabel)));
    }
    // Used: a session ran on it, or holds notes under one of its sections (switched to another since),
    // sections removed from it since included (`formerSections`: what those notes are titled by).
    const sectionIds = [...template.sections, ...(template.formerSections ?? [])].map(
      (section) => section.id,
    );
    const usedBefore =
      (await db.sessions
        .filter((s) => s.templateId === id || sectionIds.some((section) => Object.hasOwn(s.notes, section)))
        .first()) !== undefined;
    const now = Date.now();
    if (usedBefore) await db.templates.put({ ...template, retired: true, updatedAt: now });
    else {
      await db.templates.delete(id);
      await recordDeletions(db, 'templates', [template], now);
    }
  });
}

/**
 * Undoes `deleteCustomTemplate`: the template as it was before (retired or deleted), back in the list, and
 * its deletion forgotten (an import would otherwise delete it again). Its name and sections are the user's
 * work: one click on "Delete" must never lose them for good.
 */
export async function restoreCustomTemplate(
  template: Template,
  db: DuetDatabase = getDatabase(),
): Promise<void> {
  if (isBuiltInTemplateId(template.id)) throw new InvalidInputError('Built-in templates cannot be deleted.');
  await db.transaction('rw', [db.templates, db.tombstones], async () => {
    await db.templates.put({ ...template, retired: false, updatedAt: Date.now() });
    await db.tombstones.delete(['templates', template.id]);
  });
}

// Settings ------------------------------------------------------------------------------------------

/** Changes some detection rules, reading the current ones in the same transaction. */
export async function updateDetectionRules(
  patch: Partial<DetectionRules> | ((current: DetectionRules) => Partial<DetectionRules>),
  db: DuetDatabase = getDatabase(),
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    // A function patch sees the rules as stored now (two tabs adding keywords never undo each other).
    const change = typeof patch === 'function' ? patch(current.detection) : patch;
    return updateSettings({ detection: { ...current.detection, ...change } }, db);
  });
}

/** Changes some reminder settings, reading the current ones in the same transaction. */
export async function updateReminderSettings(
  patch: Partial<ReminderSettings>,
  db: DuetDatabase = getDatabase(),
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    return updateSettings({ reminders: { ...current.reminders, ...patch } }, db);
  });
}

/** Changes one kind's default cadence, reading the others in the same transaction. */
export async function updateCadenceDefault(
  kind: Relationship['kind'],
  days: number,
  db: DuetDatabase = getDatabase(),
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    return updateSettings({ cadenceDays: { ...current.cadenceDays, [kind]: days } }, db);
  });
}

/**
 * Says who a 1:1 without people (notes written for an event before it was tracked) is with. When they
 * already have exactly one active 1:1 of this kind with just them, this one is folded into it (its
 * sessions, notes, points and agreements move, its series joins; that 1:1 keeps its own cadence), as
 * tracking a second series with them continues their 1:1 — rather than leaving two 1:1s with the same
 * people, whose history would split and whose next series would match neither. Returns the 1:1 it is now.
 */
export async function linkRelationshipTo(
  relationshipId: string,
  link: { personIds: readonly string[]; kind: Relationship['kind']; cadenceDays: number },
  db: DuetDatabase = getDatabase(),
): Promise<Relationship> {
  // With the templates: the kind's template may follow the new kind (updateRelationship).
  return db.transaction('rw', [...foldTables(db), db.templates], async () => {
    const stored = await db.relationships.get(relationshipId);
    if (!stored) throw new InvalidInputError('This 1:1 series no longer exists.');
    const people = new Set([...stored.personIds, ...link.personIds]);
    const twins = (await activeAmong(people, link.kind, db)).filter(
      (r) => r.id !== stored.id && r.personIds.length === people.size,
    );
    const now = Date.now();
    if (twins.length === 1) {
      const before = await peopleOf([twins[0]!, stored], db);
      return foldRelationship(db, withArchivedWith(twins[0]!, before), withArchivedWith(stored, before), now);
    }
    // Another kind, with the template still the old kind's default: the new kind's (a peer 1:1 runs the peer
    // template). A template the user chose stays.
    const templateId =
      link.kind !== stored.kind && stored.templateId === DEFAULT_TEMPLATE_FOR_KIND[stored.kind]
        ? { templateId: DEFAULT_TEMPLATE_FOR_KIND[link.kind] }
        : {};
    return updateRelationship(
      relationshipId,
      { personIds: [...people], kind: link.kind, cadenceDays: link.cadenceDays, ...templateId },
      db,
    );
  });
}

/**
 * The 1:1 editor's change would leave its people with two active 1:1s of one kind (`twin`, already there):
 * nothing was changed. Saved again with `foldInto: twin.id` (the user confirmed), this 1:1 becomes part of it.
 */
export class RelationshipTwinError extends InvalidInputError {
  override name = 'RelationshipTwinError';
  constructor(readonly twin: RelationshipNaming) {
    super(
      `${relationshipLabel(twin) || 'Untitled 1:1'} is already a 1:1 of this kind with the same people. Make them one 1:1, or change the people or kind.`,
    );
  }
}

export interface RelationshipEdit {
  /** The 1:1 as it is now: the one edited, or the one it became part of. */
  relationship: Relationship;
  /** It became part of its twin (its history moved there) and is gone. */
  folded: boolean;
}

/**
 * Saves the 1:1 editor's change: only what the form changed, applied to the 1:1 as stored now (`editOf`).
 * A change of its people or kind that would give them two active 1:1s of one kind (same kind, same people)
 * never leaves both: their history would split, and their next series would match neither and start a
 * third (`findRelationshipForEvent`, `trackSeriesWith`). A 1:1 with nobody yet that gains its people is
 * folded into the one they have, as `linkRelationshipTo` does from Calendar (that one keeps its title,
 * cadence and template; nothing is lost). Any other 1:1 is folded so only when the user confirmed it
 * (`foldInto`: the twin's id, from the RelationshipTwinError that names it); else nothing changes.
 */
export async function saveRelationshipEdit(
  id: string,
  opened: RelationshipFields,
  edited: RelationshipFields,
  { foldInto }: { foldInto?: string } = {},
  db: DuetDatabase = getDatabase(),
): Promise<RelationshipEdit> {
  return db.transaction('rw', [...foldTables(db), db.templates], async () => {
    const stored = await db.relationships.get(id);
    if (!stored) throw seriesGone();
    const patch = editOf(opened, edited, stored);
    const people = new Set(patch.personIds ?? stored.personIds);
    const kind = patch.kind ?? stored.kind;
    if (patch.personIds && (await db.people.bulkGet([...people])).some((person) => !person))
      throw pickedPersonGone();
    const regrouped =
      kind !== stored.kind ||
      people.size !== new Set(stored.personIds).size ||
      stored.personIds.some((personId) => !people.has(personId));
    // An archived 1:1 is no one's twin: no event matches it.
    const twin =
      regrouped && !stored.archived && people.size > 0
        ? (await activeAmong(people, kind, db))
            .filter((r) => r.id !== id && new Set(r.personIds).size === people.size)
            .sort((a, b) => a.createdAt - b.createdAt)[0]
        : undefined;
    if (!twin) return { relationship: await updateRelationship(id, patch, db), folded: false };
    if (stored.personIds.length > 0 && twin.id !== foldInto) {
      const names = await peopleOf([twin], db);
      throw new RelationshipTwinError(namingOf(twin, names));
    }
    const before = await peopleOf([twin, stored], db);
    // The 1:1 as edited is what joins the twin: the people the user removed are not added back to it.
    const asEdited: Relationship = { ...stored, personIds: [...people], kind };
    const folded = await foldRelationship(
      db,
      withArchivedWith(twin, before),
      withArchivedWith(asEdited, before),
      Date.now(),
    );
    // A member picked in this very form wins over the twin's.
    if (patch.member === undefined || memberOf({ ...folded, member: patch.member }) === memberOf(folded))
      return { relationship: folded, folded: true };
    const relationship = await changeRelationship(
      folded.id,
      () => ({ member: patch.member }),
      seriesGone,
      db,
    );
    return { relationship, folded: true };
  });
}
