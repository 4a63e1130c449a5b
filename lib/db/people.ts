/** People repository. Emails are the key for matching calendar guests. */
import { foldName } from '../domain/meet-link';
import { type Person, PersonSchema, type Relation } from '../domain/model';
import { isBlank } from '../domain/text';
import { type DuetDatabase, getDatabase } from './database';
import { InvalidInputError } from './errors';
import { newId } from './ids';
import { validate } from './validate';
import { byText } from './sort';

export interface NewPerson {
  name: string;
  emails?: string[];
  relation: Relation;
}

/**
 * Refuses an address another person already has: Calendar guests are matched by email, and two people with
 * one address would file one person's 1:1s under the other. The two are one person: merge them instead.
 */
async function checkEmailsFree(emails: readonly string[], self: string | null, db: DuetDatabase) {
  const wanted = [...new Set(emails.map((email) => email.trim().toLowerCase()))].filter(Boolean);
  if (wanted.length === 0) return;
  const holder = await db.people
    .where('emails')
    .anyOf(wanted)
    .filter((person) => person.id !== self)
    .first();
  if (!holder) return;
  const email = holder.emails.find((e) => wanted.includes(e.toLowerCase())) ?? wanted[0]!;
  throw new InvalidInputError(
    `${email} already belongs to ${holder.name || 'another person'}${holder.archived ? ' (archived)' : ''}. ` +
      'If they are the same person, merge the two in People instead.',
  );
}

/**
 * Refuses a name that shows nothing: empty, white space, or only invisible characters (a zero-width space
 * passes `trim()` and the schema's length check, and would make a person with a blank name everywhere).
 * Checked when a name is written, not in PersonSchema: rows and exports already stored stay readable.
 */
function checkName(name: string): void {
  if (isBlank(name))
    throw new InvalidInputError('person.name: a person needs a name (this one is blank or invisible).');
}

export async function createPerson(input: NewPerson, db: DuetDatabase = getDatabase()): Promise<Person> {
  checkName(input.name);
  await checkEmailsFree(input.emails ?? [], null, db);
  const now = Date.now();
  const person = validate(
    PersonSchema,
    {
      id: newId(),
      name: input.name.trim(),
      emails: input.emails ?? [],
      relation: input.relation,
      archived: false,
      createdAt: now,
      updatedAt: now,
    },
    'person',
  );
  await db.people.add(person);
  return person;
}

export async function updatePerson(
  id: string,
  patch: Partial<Pick<Person, 'name' | 'emails' | 'relation' | 'archived'>>,
  db: DuetDatabase = getDatabase(),
): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(id);
    // Merged into another person or deleted in another tab meanwhile.
    if (!existing) throw new InvalidInputError('This person no longer exists.');
    if (patch.name !== undefined) checkName(patch.name);
    const next = validate(PersonSchema, { ...existing, ...patch, updatedAt: Date.now() }, 'person');
    await db.people.put(next);
    return next;
  });
}

/**
 * Adds an address to a person (the user said a guest under a new address is them); kept if they have it.
 * Refused, as any edit is, when someone else has it (`checkEmailsFree`).
 */
export async function addAddressToPerson(
  personId: string,
  email: string,
  db: DuetDatabase = getDatabase(),
): Promise<Person> {
  const address = email.trim().toLowerCase();
  return db.transaction('rw', db.people, async () => {
    const person = await db.people.get(personId);
    // Merged into another person or deleted in another view meanwhile.
    if (!person) throw new InvalidInputError('This person no longer exists.');
    if (person.emails.includes(address)) return person;
    await checkEmailsFree([address], personId, db);
    // The newest 20 (what a person holds): the new one is the one that matters now.
    return updatePerson(personId, { emails: [...person.emails, address].slice(-20) }, db);
  });
}

/** What an edit form showed, or what it holds when saved. */
export type PersonFields = Pick<Person, 'name' | 'emails' | 'relation'>;

/**
 * Saves an edit form: only what the user changed from what the form opened with, applied to the person as
 * stored now. A merge or another tab's edit meanwhile is kept (a duplicate's emails merged in while the form
 * was open stay); an email the user removed is removed, one added is added.
 */
export async function applyPersonEdit(
  id: string,
  opened: PersonFields,
  edited: PersonFields,
  db: DuetDatabase = getDatabase(),
): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(id);
    if (!existing) throw new InvalidInputError('This person no longer exists.');
    if (edited.name !== opened.name) checkName(edited.name);
    const key = (email: string) => email.trim().toLowerCase();
    const was = new Set(opened.emails.map(key));
    const now = new Set(edited.emails.map(key));
    const added = edited.emails.filter((email) => !was.has(key(email)));
    await checkEmailsFree(added, id, db);
    const emails = [
      ...existing.emails.filter((email) => !was.has(key(email)) || now.has(key(email))),
      ...added,
    ].filter((email, i, all) => all.findIndex((other) => key(other) === key(email)) === i);
    if (emails.length > 20)
      throw new InvalidInputError(
        'With the emails added elsewhere meanwhile, this person would have more than 20.',
      );
    const next = validate(
      PersonSchema,
      {
        ...existing,
        ...(edited.name !== opened.name ? { name: edited.name } : {}),
        ...(edited.relation !== opened.relation ? { relation: edited.relation } : {}),
        emails,
        updatedAt: Date.now(),
      },
      'person',
    );
    await db.people.put(next);
    return next;
  });
}

export function getPerson(id: string, db: DuetDatabase = getDatabase()): Promise<Person | undefined> {
  return db.people.get(id);
}

/** Which of these addresses belong to people in Duet (lower-cased; one index read). */
export async function knownPeopleEmails(
  emails: readonly string[],
  db: DuetDatabase = getDatabase(),
): Promise<string[]> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (wanted.length === 0) return [];
  const found = new Set((await db.people.where('emails').anyOf(wanted).toArray()).flatMap((p) => p.emails));
  return wanted.filter((email) => found.has(email));
}

export async function findPersonByEmail(
  email: string,
  db: DuetDatabase = getDatabase(),
): Promise<Person | undefined> {
  return db.people.where('emails').equals(email.toLowerCase()).first();
}

/**
 * The person with this email if Duet knows one (never a second record for the same address); without an
 * email and with `byName` (a Meet participant: Meet shows names only), the one active person of that name if
 * exactly one is known — or, with no active one of that name, the one archived person of that name whose
 * 1:1 holds this call's room (`meetCode`): the user tracking a call in the room of their archived 1:1 is
 * bringing them back (the caller's `trackSeriesWith` restores them with it), not meeting a second Bob.
 * Else a new person with the name and relation given. Calendar guests and names typed or read from a title
 * are never matched by name alone: another "Chris" is not this one.
 */
export async function findOrCreatePerson(
  input: { name: string; email: string; relation: Relation; byName?: boolean; meetCode?: string },
  db: DuetDatabase = getDatabase(),
): Promise<Person> {
  const email = input.email.trim().toLowerCase();
  const existing = email
    ? await findPersonByEmail(email, db)
    : input.byName
      ? await personNamedForCall(input.name, input.meetCode, db)
      : undefined;
  return (
    existing ?? createPerson({ name: input.name, emails: email ? [email] : [], relation: input.relation }, db)
  );
}

/** A person a track card names: its name, email (may be empty) and relation to me. */
export interface DraftPerson {
  name: string;
  email: string;
  relation: Relation;
}

/**
 * The people a track card names, in order, each found or created as `findOrCreatePerson` does (`byName` and
 * `meetCode`: a Meet call's). Inside a transaction, that transaction must include `db.people` and
 * `db.relationships` (a call's archived person is looked up by the 1:1 holding its room).
 */
export async function findOrCreatePeople(
  drafts: readonly [DraftPerson, ...DraftPerson[]],
  lookup: { byName?: boolean; meetCode?: string } = {},
  db: DuetDatabase = getDatabase(),
): Promise<[Person, ...Person[]]> {
  const [first, ...rest] = drafts;
  const person = await findOrCreatePerson({ ...first, ...lookup }, db);
  const others: Person[] = [];
  for (const other of rest) others.push(await findOrCreatePerson({ ...other, ...lookup }, db));
  return [person, ...others];
}

export async function listPeople(
  { includeArchived = false }: { includeArchived?: boolean } = {},
  db: DuetDatabase = getDatabase(),
): Promise<Person[]> {
  const people = await db.people.toArray();
  return people.filter((person) => includeArchived || !person.archived).sort(byText((p) => p.name));
}

/**
 * The one active person with this name (case, accents and punctuation aside), if exactly one. With none
 * active and a call's room given: the one archived person of that name in a relationship holding that room
 * (never a pick among several; an archived person elsewhere is not found by name alone).
 */
async function personNamedForCall(
  name: string,
  meetCode: string | undefined,
  db: DuetDatabase,
): Promise<Person | undefined> {
  const folded = foldName(name);
  if (!folded) return undefined;
  const named = await db.people.filter((person) => foldName(person.name) === folded).toArray();
  const active = named.filter((person) => !person.archived);
  if (active.length > 0 || !meetCode) return active.length === 1 ? active[0] : undefined;
  const inRoom = new Set(
    (await db.relationships.where('meetCodes').equals(meetCode).toArray()).flatMap((r) => r.personIds),
  );
  const archived = named.filter((person) => inRoom.has(person.id));
  return archived.length === 1 ? archived[0] : undefined;
}
