/**
 * Relationships (1:1 series). Matching a calendar event uses the linked series id AND the counterpart's
 * email, so an edited or recreated series still finds its history, and a reused series id never shows
 * another person's notes.
 */
import Dexie from 'dexie';
import {
  DEFAULT_CADENCE_DAYS,
  type Person,
  PersonSchema,
  type Relationship,
  type RelationshipKind,
  RelationshipSchema,
  clipShortText,
  memberOf,
  sessionHasWriting,
} from '../domain/model';
import { foldName, type LinkCandidate } from '../domain/meet-link';
import { titleSaysOneOnOne } from '../domain/detection';
import { DEFAULT_TEMPLATE_FOR_KIND, isBuiltInTemplateId } from '../domain/templates';
import { type DuetDatabase, getDatabase } from './database';
import { InvalidInputError } from './errors';
import { newId } from './ids';
import { linkRelationshipTo, setPersonArchived } from './people-admin';
import { type DraftPerson, findOrCreatePeople } from './people';
import { getSettings } from './settings';
import { validate } from './validate';
import { byText } from './sort';

export interface NewRelationship {
  personIds: string[];
  kind: RelationshipKind;
  title: string;
  cadenceDays?: number;
  templateId?: string;
  calendarSeriesIds?: string[];
  meetCodes?: string[];
}

/** The user's default cadence for a kind of 1:1 (Options → Reminders), else the built-in one. */
async function defaultCadenceDays(kind: RelationshipKind, db: DuetDatabase = getDatabase()): Promise<number> {
  return (await getSettings(db)).cadenceDays[kind] ?? DEFAULT_CADENCE_DAYS[kind];
}

/**
 * Creates a 1:1 series. Without an explicit `cadenceDays` it gets the user's default for its kind, so no
 * caller can forget it. Inside a transaction, that transaction must include `db.settings`.
 */
export async function createRelationship(
  input: NewRelationship,
  db: DuetDatabase = getDatabase(),
): Promise<Relationship> {
  const cadenceDays = input.cadenceDays ?? (await defaultCadenceDays(input.kind, db));
  const now = Date.now();
  const relationship = validate(
    RelationshipSchema,
    {
      id: newId(),
      personIds: input.personIds,
      kind: input.kind,
      title: clipShortText(input.title.trim()),
      cadenceDays,
      templateId: input.templateId ?? DEFAULT_TEMPLATE_FOR_KIND[input.kind],
      calendarSeriesIds: input.calendarSeriesIds ?? [],
      meetCodes: input.meetCodes ?? [],
      archived: false,
      createdAt: now,
      updatedAt: now,
    },
    'relationship',
  );
  await db.relationships.add(relationship);
  return relationship;
}

/** A title compared without case, accents or spacing. */
const foldTitle = (title: string) =>
  title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The most Calendar series and Meet codes one 1:1 keeps (its schema's limit): the newest stay. */
const MAX_LINKS = 50;

/**
 * The active 1:1s of this kind whose people are all among `people` (each once): where a series or a 1:1
 * made from notes with them continues (`trackSeriesWith`, `linkRelationshipTo`).
 */
export async function activeAmong(
  people: ReadonlySet<string>,
  kind: Relationship['kind'],
  db: DuetDatabase,
): Promise<Relationship[]> {
  const rows = await db.relationships
    .where('personIds')
    .anyOf([...people])
    .toArray();
  return [...new Map(rows.map((r) => [r.id, r])).values()].filter(
    (r) => !r.archived && r.kind === kind && r.personIds.every((id) => people.has(id)),
  );
}

/**
 * Tracks a Calendar series as a 1:1 with its people (one; two for a 2-1). When they already have exactly one
 * 1:1 of this kind with just them (not archived), the series is added to it — a second series with Bob
 * ("Roadmap chat") continues his 1:1, its history, agreements and cadence — rather than starting a second 1:1
 * that would split them (and leave a later series of his matching two). Else a new 1:1.
 */
export async function trackSeriesWith(
  input: NewRelationship & { personIds: [string, ...string[]] },
  db: DuetDatabase = getDatabase(),
): Promise<{ relationship: Relationship; existing: boolean }> {
  return db.transaction('rw', [db.relationships, db.people, db.settings], async () => {
    const people = new Set(input.personIds);
    // Tracking a meeting with someone archived brings them back, with the 1:1s archived along with them:
    // the series then continues their 1:1 (its history) instead of starting a second one beside it that
    // would surface twice once they are back.
    for (const person of await db.people.bulkGet([...people]))
      if (person?.archived) await setPersonArchived(person.id, false, db);
    const candidates = await activeAmong(people, input.kind, db);
    const own = candidates.filter((r) => r.personIds.length === people.size);
    // A 2-1 tracked with one of its people (as Duet did before it kept both, and a call tracked in Meet
    // still does) gains the other one — when it is this very meeting: the same Meet call or the same title.
    // (Alice's 2-1 with Carol is not her 2-1 with Bob.)
    const sameMeeting = (r: Relationship) =>
      r.meetCodes.some((code) => (input.meetCodes ?? []).includes(code)) ||
      (input.title.trim() !== '' && foldTitle(r.title) === foldTitle(input.title));
    const fewer = candidates.filter(
      (r) => r.personIds.length > 0 && r.personIds.length < people.size && sameMeeting(r),
    );
    const match = own.length === 1 ? own[0] : own.length === 0 && fewer.length === 1 ? fewer[0] : undefined;
    if (!match)
      return {
        relationship: await createRelationship({ ...input, personIds: [...people] }, db),
        existing: false,
      };
    const relationship = await updateRelationship(
      match.id,
      {
        personIds: [...new Set([...match.personIds, ...people])],
        // The newest 50 of each (what a 1:1 holds): a long-lived 1:1 whose series was split many times keeps
        // saving rather than failing as invalid.
        calendarSeriesIds: [
          ...new Set([...match.calendarSeriesIds, ...(input.calendarSeriesIds ?? [])]),
        ].slice(-MAX_LINKS),
        meetCodes: [...new Set([...match.meetCodes, ...(input.meetCodes ?? [])])].slice(-MAX_LINKS),
      },
      db,
    );
    return { relationship, existing: true };
  });
}

/** How a track card's people are found: a Meet call's by a name only one person has (and its room). */
export interface PeopleLookup {
  byName?: boolean;
  meetCode?: string;
}

/**
 * "Track as 1:1", all or nothing: the card's people found or created (`findOrCreatePeople`) and the series
 * tracked with them (`trackSeriesWith`; `input` may name them, e.g. in a default title) in one transaction.
 * A failure leaves no person behind, so a retry (the email cleared, say) never makes a second "Bob Jones".
 */
export async function trackWithPeople(
  draftPeople: readonly [DraftPerson, ...DraftPerson[]],
  input: (people: [Person, ...Person[]]) => Omit<NewRelationship, 'personIds'>,
  lookup: PeopleLookup = {},
  db: DuetDatabase = getDatabase(),
): Promise<{ people: [Person, ...Person[]]; relationship: Relationship; existing: boolean }> {
  return db.transaction('rw', [db.people, db.relationships, db.settings], async () => {
    const people = await findOrCreatePeople(draftPeople, lookup, db);
    const [first, ...rest] = people;
    const tracked = await trackSeriesWith(
      { ...input(people), personIds: [first.id, ...rest.map((p) => p.id)] },
      db,
    );
    return { people, ...tracked };
  });
}

/**
 * Says who a 1:1 without people (made from notes) is with, all or nothing: the card's people found or
 * created and `linkRelationshipTo` (which may fold it into their 1:1) in one transaction. `personIds` adds
 * people already known to the ones found.
 */
export async function linkWithPeople(
  relationshipId: string,
  draftPeople: readonly [DraftPerson, ...DraftPerson[]],
  link: { personIds?: readonly string[]; kind: Relationship['kind']; cadenceDays: number },
  db: DuetDatabase = getDatabase(),
): Promise<{ people: [Person, ...Person[]]; relationship: Relationship }> {
  // Every table linkRelationshipTo may fold through (sessions, agreements, points, goals, feedback,
  // templates, tombstones), so its own transaction joins this one.
  return db.transaction('rw', [...db.dataTables, db.tombstones], async () => {
    const people = await findOrCreatePeople(draftPeople, {}, db);
    const relationship = await linkRelationshipTo(
      relationshipId,
      {
        personIds: [...new Set([...(link.personIds ?? []), ...people.map((p) => p.id)])],
        kind: link.kind,
        cadenceDays: link.cadenceDays,
      },
      db,
    );
    return { people, relationship };
  });
}

type RelationshipPatch = Partial<Omit<Relationship, 'id' | 'createdAt' | 'updatedAt'>>;

/**
 * Why an archived relationship is archived: the people whose archiving archived it, or none when the user
 * archived it on its own (see `archivedWith`). A row written before that field existed (or read from an
 * older export) is judged by the rule of that time, once: it was archived along with a person when its
 * stamp equals that archived person's (both written at the same instant). It then waits for every one of
 * its people still archived (the older rule linked a 2-1 only to the first of them).
 * `people`: the relationship's people as stored (before any change being made).
 */
export function archivedWithOf(
  relationship: Relationship,
  people: ReadonlyMap<string, Person | undefined>,
): string[] {
  if (!relationship.archived) return [];
  if (relationship.archivedWith) return relationship.archivedWith;
  const archivedPeople = relationship.personIds.flatMap((id) => {
    const person = people.get(id);
    return person?.archived ? [person] : [];
  });
  return archivedPeople.some((person) => person.updatedAt === relationship.updatedAt)
    ? archivedPeople.map((person) => person.id)
    : [];
}

/** The people of these relationships, by id, as stored now. */
export async function peopleOf(
  relationships: readonly Relationship[],
  db: DuetDatabase,
): Promise<Map<string, Person>> {
  const people = await db.people.bulkGet([...new Set(relationships.flatMap((r) => r.personIds))]);
  return new Map(people.flatMap((person) => (person ? [[person.id, person] as const] : [])));
}

/** The relationship with `archivedWith` recorded if it is archived without it (`archivedWithOf`). */
export function withArchivedWith(
  relationship: Relationship,
  people: ReadonlyMap<string, Person | undefined>,
): Relationship {
  if (!relationship.archived || relationship.archivedWith) return relationship;
  return { ...relationship, archivedWith: archivedWithOf(relationship, people) };
}

/**
 * The relationship with `archivedWith` recorded if it is archived without it (a row from before the
 * field): to be done before anything else rewrites its stamp, which the old rule reads. Needs `db.people`
 * in the transaction.
 */
export async function settleArchivedWith(
  relationship: Relationship,
  db: DuetDatabase,
): Promise<Relationship> {
  if (!relationship.archived || relationship.archivedWith) return relationship;
  return withArchivedWith(relationship, await peopleOf([relationship], db));
}

/**
 * Reads a relationship, applies a change computed from it, validates and stores it — in one transaction.
 * `missing` is the error for an id that is gone (callers word it for their audience). An archived row from
 * before `archivedWith` gets it first (the new stamp would hide why it is archived); hence `db.people`.
 */
export async function changeRelationship(
  id: string,
  change: (existing: Relationship) => RelationshipPatch,
  missing: () => Error,
  db: DuetDatabase = getDatabase(),
): Promise<Relationship> {
  return db.transaction('rw', [db.relationships, db.people], async () => {
    const stored = await db.relationships.get(id);
    if (!stored) throw missing();
    const existing = await settleArchivedWith(stored, db);
    const merged: Relationship = { ...existing, ...change(existing), updatedAt: Date.now() };
    // A 2-1's member no longer among its people (removed, or no longer a 2-1) is not said any more; one not
    // said is not written (a row that never had one stays readable by an older Duet).
    if (memberOf(merged) === null) delete merged.member;
    const next = validate(RelationshipSchema, merged, 'relationship');
    await db.relationships.put(next);
    return next;
  });
}

/** What the 1:1 editor edits. */
export type RelationshipFields = Pick<
  Relationship,
  'personIds' | 'title' | 'kind' | 'cadenceDays' | 'templateId'
> &
  Partial<Pick<Relationship, 'member'>>;

/**
 * The change a form made, applied to the 1:1 as stored now: only the fields it changed, and its people as
 * added and removed — so what changed meanwhile elsewhere (a person merged into another, a second person
 * added from Calendar, another tab's edit) is kept, not written back as it was when the form opened.
 */
export function editOf(
  opened: RelationshipFields,
  edited: RelationshipFields,
  stored: Relationship,
): RelationshipPatch {
  const patch: RelationshipPatch = {};
  if (edited.title !== opened.title) patch.title = edited.title;
  if (edited.kind !== opened.kind) patch.kind = edited.kind;
  if (edited.cadenceDays !== opened.cadenceDays) patch.cadenceDays = edited.cadenceDays;
  if (edited.templateId !== opened.templateId) patch.templateId = edited.templateId;
  if ((edited.member ?? null) !== (opened.member ?? null)) patch.member = edited.member ?? null;
  const added = edited.personIds.filter((id) => !opened.personIds.includes(id));
  const removed = opened.personIds.filter((id) => !edited.personIds.includes(id));
  if (added.length > 0 || removed.length > 0)
    patch.personIds = [
      ...stored.personIds.filter((id) => !removed.includes(id)),
      ...added.filter((id) => !stored.personIds.includes(id)),
    ];
  return patch;
}

/** Someone picked for a 1:1 was merged into another person or deleted while the form was open. */
export const pickedPersonGone = () =>
  new InvalidInputError(
    'Someone picked for this 1:1 is no longer in Duet (merged or deleted meanwhile). Pick the people again.',
  );

/**
 * Changes a 1:1: a patch, or a change computed from it as stored now (`editOf`). A custom template must
 * still exist, and so must every person it is with (either may be gone meanwhile: another tab, a merge).
 */
export function updateRelationship(
  id: string,
  patchOrChange: RelationshipPatch | ((stored: Relationship) => RelationshipPatch),
  db: DuetDatabase = getDatabase(),
): Promise<Relationship> {
  // Folded into its twin (a merge of two people) or deleted in another tab meanwhile.
  const gone = () => new InvalidInputError('This 1:1 series no longer exists.');
  // Templates and sessions only when the template may change (callers inside their own transaction of the
  // relationships and people change neither the template nor through a function).
  const changesTemplate = typeof patchOrChange === 'function' || patchOrChange.templateId !== undefined;
  const tables = changesTemplate
    ? [db.relationships, db.templates, db.people, db.sessions]
    : [db.relationships, db.people];
  return db.transaction('rw', tables, async () => {
    const existing = await db.relationships.get(id);
    if (!existing) throw gone();
    const patch = typeof patchOrChange === 'function' ? patchOrChange(existing) : patchOrChange;
    const templateId = patch.templateId;
    if (templateId !== undefined && !isBuiltInTemplateId(templateId) && existing.templateId !== templateId) {
      const chosen = await db.templates.get(templateId);
      if (!chosen || chosen.retired)
        throw new InvalidInputError('That template no longer exists; pick another one.');
    }
    if (patch.personIds && (await db.people.bulkGet(patch.personIds)).some((person) => !person))
      throw pickedPersonGone();
    const changed = await changeRelationship(id, () => patch, gone, db);
    // Its next meetings, prepared but not begun (nothing written, never run), follow the new template: the
    // old one may be deleted next, and a meeting not yet begun has nothing to keep from it.
    if (templateId !== undefined && templateId !== existing.templateId) {
      const now = Date.now();
      await db.sessions
        .where('[relationshipId+scheduledAt]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .filter(
          (session) =>
            session.status === 'upcoming' &&
            !session.live &&
            session.templateId === existing.templateId &&
            !sessionHasWriting(session),
        )
        .modify({ templateId, updatedAt: now });
    }
    return changed;
  });
}

/**
 * Changes whenever a 1:1 or a person changes (any tab): what a page that matched an event to its 1:1 watches
 * to match it again (a series tracked elsewhere, a 1:1 merged away, an email added to a person).
 */
export async function relationshipsStamp(db: DuetDatabase = getDatabase()): Promise<string> {
  const [relationships, people] = await Promise.all([db.relationships.toArray(), db.people.toArray()]);
  return [...relationships, ...people].map((row) => `${row.id}:${row.updatedAt}`).join(',');
}

export function getRelationship(
  id: string,
  db: DuetDatabase = getDatabase(),
): Promise<Relationship | undefined> {
  return db.relationships.get(id);
}

export async function listRelationships(
  { includeArchived = false }: { includeArchived?: boolean } = {},
  db: DuetDatabase = getDatabase(),
): Promise<Relationship[]> {
  const all = await db.relationships.toArray();
  return all.filter((r) => includeArchived || !r.archived).sort(byText((r) => r.title));
}

export interface EventIdentity {
  /** The recurring series id (or the single event id). */
  seriesId: string;
  /** Guests other than me, when known (popover); empty when only the chip was seen. */
  counterpartEmails: readonly string[];
  /**
   * The event's title. When given and it does not look like a 1:1, a new series is never linked by email
   * alone (a two-person "Interview debrief" is not Bob's 1:1; the user can track it).
   */
  title?: string;
  /** The event's Meet room, when the popover showed it. */
  meetCode?: string | null;
  /** The other guests as the popover lists them (names with their addresses). */
  guests?: readonly { email: string | null; name: string }[];
}

/**
 * The 1:1 tracked from this meeting's Meet call before Calendar ever showed it: Meet shows names, not
 * addresses, so its people have a name only. Found when it holds this room, every one of its people is a
 * guest by name, and every other guest with an address is one of them; its people then get those
 * addresses, so the next event finds it by them. Undefined when not exactly one such 1:1.
 */
async function trackedFromCall(
  identity: EventIdentity,
  db: DuetDatabase,
): Promise<{ relationship: Relationship; emailsOf: Map<string, string> } | undefined> {
  if (!identity.meetCode || !identity.guests) return undefined;
  const guests = identity.guests.filter((g) => g.email && g.name.trim());
  const inRoom = (await db.relationships.where('meetCodes').equals(identity.meetCode).toArray()).filter(
    (r) => !r.archived && r.personIds.length === guests.length && guests.length > 0,
  );
  const found: Array<{ relationship: Relationship; emailsOf: Map<string, string> }> = [];
  for (const relationship of inRoom) {
    const people = await db.people.bulkGet(relationship.personIds);
    const emailsOf = new Map<string, string>();
    for (const person of people) {
      if (!person || person.archived || person.emails.length > 0) break;
      const guest = guests.find((g) => foldName(g.name) === foldName(person.name));
      if (!guest?.email || [...emailsOf.values()].includes(guest.email.toLowerCase())) break;
      emailsOf.set(person.id, guest.email.toLowerCase());
    }
    if (emailsOf.size === relationship.personIds.length) found.push({ relationship, emailsOf });
  }
  return found.length === 1 ? found[0] : undefined;
}

/** A 1:1 whose one person the event's one guest seems to be, under an address of theirs Duet does not have. */
export interface NewAddress {
  relationshipId: string;
  personId: string;
  personName: string;
  /** The guest's address (lower case), which no one in Duet has. */
  email: string;
}

/**
 * For an event Duet matched to no 1:1 (`findRelationshipForEvent` gave none): whether its series is a 1:1's
 * whose one person has the one guest's name, while that guest's address is no one's — most likely that
 * person under a new address (a company's new domain, a new surname's address). Not matched on a name
 * alone: the user is asked, and their yes adds the address (`addAddressToPerson`, people.ts). Null when not exactly
 * that: a guest with another name, an address someone has, two guests, a series of two 1:1s.
 */
export async function newAddressFor(
  identity: Pick<EventIdentity, 'seriesId' | 'guests'>,
  db: DuetDatabase = getDatabase(),
): Promise<NewAddress | null> {
  const guests = (identity.guests ?? []).filter((g) => g.email && g.name.trim());
  if (guests.length !== 1) return null;
  const guest = guests[0]!;
  const email = guest.email!.trim().toLowerCase();
  const linked = (
    await db.relationships.where('calendarSeriesIds').equals(identity.seriesId).toArray()
  ).filter((r) => !r.archived);
  if (linked.length !== 1 || linked[0]!.personIds.length !== 1) return null;
  if ((await db.people.where('emails').equals(email).count()) > 0) return null;
  const person = await db.people.get(linked[0]!.personIds[0]!);
  if (!person || person.archived || foldName(person.name) !== foldName(guest.name)) return null;
  return { relationshipId: linked[0]!.id, personId: person.id, personName: person.name, email };
}

/**
 * The relationship an event belongs to.
 * 1. A relationship linked to this series — if guests are known, only when one of its people has one of
 *    their emails (fail closed: a reused series id never shows the wrong person's notes).
 * 2. Otherwise, guests known: the one non-archived relationship with exactly those people; the series
 *    is then linked to it (the series was edited or recreated).
 */
export async function findRelationshipForEvent(
  identity: EventIdentity,
  db: DuetDatabase = getDatabase(),
): Promise<Relationship | undefined> {
  const emails = new Set(identity.counterpartEmails.map((email) => email.toLowerCase()));
  const linked = await db.relationships.where('calendarSeriesIds').equals(identity.seriesId).toArray();
  if (emails.size === 0) {
    // Without guests, a series linked to two different 1:1s is ambiguous: show neither (fail closed).
    const active = linked.filter((r) => !r.archived);
    return active.length === 1
      ? active[0]
      : active.length === 0 && linked.length === 1
        ? linked[0]
        : undefined;
  }

  const guests = await db.people
    .where('emails')
    .anyOf([...emails])
    .toArray();
  const personIdsWithEmail = new Set(guests.map((person) => person.id));
  const matchesGuests = (r: Relationship) => r.personIds.some((id) => personIdsWithEmail.has(id));
  // The series' 1:1 of a guest first; else one with no person yet (notes written for a slot of the series
  // someone else took). Never the unnamed one when the guest's own is there: which came first in the
  // index would decide whose notes show.
  // An active one before one archived (the person's 1:1 tracked again while the old one lies archived).
  const bySeries =
    linked.find((r) => !r.archived && matchesGuests(r)) ??
    linked.find(matchesGuests) ??
    linked.find((r) => r.personIds.length === 0);
  if (bySeries) return bySeries;
  if (personIdsWithEmail.size === 0) {
    // No guest is anyone's yet: perhaps the 1:1 tracked from this meeting's call (people by name only).
    const fromCall = await trackedFromCall(identity, db);
    if (!fromCall) return undefined;
    return db.transaction('rw', [db.relationships, db.people], async () => {
      for (const [personId, email] of fromCall.emailsOf) {
        const person = await db.people.get(personId);
        // Given an address meanwhile (another view did this): left as it is.
        if (!person || person.emails.length > 0) continue;
        await db.people.put(
          validate(PersonSchema, { ...person, emails: [email], updatedAt: Date.now() }, 'person'),
        );
      }
      const stored = await db.relationships.get(fromCall.relationship.id);
      if (!stored || stored.calendarSeriesIds.includes(identity.seriesId)) return stored;
      return updateRelationship(
        stored.id,
        { calendarSeriesIds: [...stored.calendarSeriesIds, identity.seriesId].slice(-MAX_LINKS) },
        db,
      );
    });
  }
  // A new series with this person is theirs only on a 1:1 title (the user's own title words count too).
  if (identity.title !== undefined && !titleSaysOneOnOne(identity.title, (await getSettings(db)).detection))
    return undefined;

  const candidates = (
    await db.relationships
      .where('personIds')
      .anyOf([...personIdsWithEmail])
      .toArray()
  ).filter(
    (r) =>
      !r.archived &&
      r.personIds.every((id) => personIdsWithEmail.has(id)) &&
      // Every guest is one of its people: a new "2:1 Bob & Carol" is not Bob's 1:1 (nor are his notes its).
      [...emails].every((email) =>
        guests.some((person) => r.personIds.includes(person.id) && person.emails.includes(email)),
      ),
  );
  const unique = [...new Map(candidates.map((r) => [r.id, r])).values()];
  if (unique.length !== 1) return undefined;
  const [found] = unique as [Relationship];
  // Linked as stored now: two lookups at once (the panel reads again when any 1:1 changes) add it once.
  return db.transaction('rw', [db.relationships, db.people], async () => {
    const stored = await db.relationships.get(found.id);
    if (!stored || stored.calendarSeriesIds.includes(identity.seriesId)) return stored;
    return updateRelationship(
      found.id,
      { calendarSeriesIds: [...stored.calendarSeriesIds, identity.seriesId].slice(-MAX_LINKS) },
      db,
    );
  });
}

export interface LinkedRelationship {
  relationship: Relationship;
  /** Lower-cased emails of its people. */
  emails: string[];
}

/** Read-only: relationships linked to any of these series, with their people's emails (for badges). */
export async function relationshipsLinkedToSeries(
  seriesIds: readonly string[],
  db: DuetDatabase = getDatabase(),
): Promise<LinkedRelationship[]> {
  if (seriesIds.length === 0) return [];
  const relationships = (
    await db.relationships
      .where('calendarSeriesIds')
      .anyOf([...seriesIds])
      .toArray()
  ).filter((r, index, all) => !r.archived && all.findIndex((o) => o.id === r.id) === index);
  return withEmails(relationships, db);
}

/** Read-only: non-archived relationships with a person having one of these emails. */
export async function relationshipsWithPeopleEmails(
  emails: readonly string[],
  db: DuetDatabase = getDatabase(),
): Promise<LinkedRelationship[]> {
  if (emails.length === 0) return [];
  const people = await db.people
    .where('emails')
    .anyOf(emails.map((e) => e.toLowerCase()))
    .toArray();
  if (people.length === 0) return [];
  const relationships = (
    await db.relationships
      .where('personIds')
      .anyOf(people.map((p) => p.id))
      .toArray()
  ).filter((r, index, all) => !r.archived && all.findIndex((o) => o.id === r.id) === index);
  return withEmails(relationships, db);
}

async function withEmails(relationships: Relationship[], db: DuetDatabase): Promise<LinkedRelationship[]> {
  const people = await db.people.bulkGet([...new Set(relationships.flatMap((r) => r.personIds))]);
  const emailsOf = new Map(people.filter((p) => p !== undefined).map((p) => [p.id, p.emails]));
  return relationships.map((relationship) => ({
    relationship,
    emails: relationship.personIds.flatMap((id) => emailsOf.get(id) ?? []),
  }));
}

/** Active (open or renegotiated) agreements per relationship: index counts only. */
export async function openAgreementCounts(
  relationshipIds: readonly string[],
  db: DuetDatabase = getDatabase(),
): Promise<Map<string, number>> {
  const entries = await Promise.all(
    [...new Set(relationshipIds)].map(async (id) => {
      const counts = await Promise.all(
        (['open', 'renegotiated'] as const).map((status) =>
          db.agreements.where('[relationshipId+status]').equals([id, status]).count(),
        ),
      );
      return [id, counts.reduce((a, b) => a + b, 0)] as const;
    }),
  );
  return new Map(entries);
}

// Meet calls --------------------------------------------------------------------------------------

/** Read-only: every relationship with its people's names, for linking a Meet call (lib/domain/meet-link). */
export async function callLinkCandidates(db: DuetDatabase = getDatabase()): Promise<LinkCandidate[]> {
  const [relationships, people] = await Promise.all([db.relationships.toArray(), db.people.toArray()]);
  const byId = new Map(people.map((p) => [p.id, { name: p.name, archived: p.archived }]));
  return relationships
    .filter((r) => !r.archived)
    .map((relationship) => ({
      relationship,
      people: relationship.personIds.flatMap((id) => byId.get(id) ?? []),
    }));
}

/**
 * The user says this call belongs to this 1:1: the Meet code moves to it (from any other relationship
 * that held it), so the call links the same way next time.
 */
export async function linkMeetCodeTo(
  meetCode: string,
  relationshipId: string,
  db: DuetDatabase = getDatabase(),
): Promise<void> {
  await db.transaction('rw', [db.relationships, db.people], async () => {
    const stored = await db.relationships.get(relationshipId);
    if (!stored) throw new InvalidInputError(`No 1:1 series ${relationshipId}`);
    const holders = await db.relationships.where('meetCodes').equals(meetCode).toArray();
    const now = Date.now();
    for (const holder of holders) {
      if (holder.id === relationshipId) continue;
      await db.relationships.put(
        validate(
          RelationshipSchema,
          {
            ...(await settleArchivedWith(holder, db)),
            meetCodes: holder.meetCodes.filter((c) => c !== meetCode),
            updatedAt: now,
          },
          'relationship',
        ),
      );
    }
    if (!stored.meetCodes.includes(meetCode)) {
      const target = await settleArchivedWith(stored, db);
      await db.relationships.put(
        validate(
          RelationshipSchema,
          { ...target, meetCodes: [...target.meetCodes, meetCode].slice(-50), updatedAt: now },
          'relationship',
        ),
      );
    }
  });
}

/** The user says this call is not a 1:1 / not this one: forget the code wherever it was remembered. */
export async function unlinkMeetCode(meetCode: string, db: DuetDatabase = getDatabase()): Promise<string[]> {
  return db.transaction('rw', [db.relationships, db.people], async () => {
    const holders = await db.relationships.where('meetCodes').equals(meetCode).toArray();
    const now = Date.now();
    for (const holder of holders) {
      await db.relationships.put(
        validate(
          RelationshipSchema,
          {
            ...(await settleArchivedWith(holder, db)),
            meetCodes: holder.meetCodes.filter((c) => c !== meetCode),
            updatedAt: now,
          },
          'relationship',
        ),
      );
    }
    // The 1:1s that held it (for an Undo to give it back).
    return holders.map((holder) => holder.id);
  });
}
