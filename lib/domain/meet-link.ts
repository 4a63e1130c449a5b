/**
 * Which 1:1 a Google Meet call belongs to. Pure: the background passes the call as the page shows it and
 * the candidate relationships from the database. In order of trust:
 *   1. the user said this call is not a 1:1 → nothing;
 *   2. the Meet code was remembered on a relationship (read from the Calendar popover, or the user's
 *      own correction) → that one; held by several (one meeting room for several 1:1s) → the one whose
 *      person is in the call;
 *   3. the call's title equals a known series' title → that one (only if exactly one matches);
 *   4. exactly one other participant, whose name is one person's name → that person's 1:1; exactly two,
 *      who are a 2-1's two people → that 2-1;
 *   5. exactly one other participant, unknown → offer "Track as 1:1 with <name>"; two, in a call whose
 *      title says 2-1 → offer to track that 2-1 (`name` is the first; the panel names the other).
 * Ambiguity never guesses: two candidates at one step fall through to the next. A remembered code does not
 * decide when the call is plainly with someone else: its 1:1's person is not there and the one other
 * participant is the person of another 1:1 (one meeting room used for several people's calls; the user's own
 * correction in this call still wins: `trustCode`). Note-taking bots that join calls ("Fireflies.ai
 * Notetaker", "Otter.ai") are not participants.
 */
import type { Person, Relationship } from './model';
import { isNoteTaker } from './note-takers';
import { classifyTitle } from './one-on-one-title';

export interface CallFacts {
  meetingCode: string;
  title: string;
  /** Everyone in the call but me and presentation tiles. */
  others: readonly string[];
}

export interface LinkCandidate {
  relationship: Pick<Relationship, 'id' | 'kind' | 'title' | 'meetCodes' | 'archived' | 'updatedAt'>;
  people: ReadonlyArray<Pick<Person, 'name' | 'archived'>>;
}

export type CallLink =
  | { kind: 'linked'; relationshipId: string; via: 'meet-code' | 'title' | 'participant' }
  | { kind: 'trackable'; name: string }
  | { kind: 'none' };

/** The key under which "Not a 1:1" is remembered for a call (next to ignored Calendar series). */
export function ignoredCallKey(meetingCode: string): string {
  return `meet:${meetingCode}`;
}

/** Case-, accent- and spacing-insensitive form of a name or title. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function firstName(folded: string): string {
  return folded.split(' ')[0] ?? '';
}

function unique<T>(items: readonly T[]): T | null {
  return items.length === 1 ? items[0]! : null;
}

export interface LinkOptions {
  /** The user just said this call is that code's 1:1: the code decides even with another person there. */
  trustCode?: boolean;
}

export function linkCall(
  call: CallFacts,
  candidates: readonly LinkCandidate[],
  ignoredKeys: readonly string[],
  { trustCode = false }: LinkOptions = {},
): CallLink {
  if (ignoredKeys.includes(ignoredCallKey(call.meetingCode))) return { kind: 'none' };
  const active = candidates.filter((c) => !c.relationship.archived);
  const people = call.others.filter((name) => !isNoteTaker(name));
  const others = [...new Set(people.map(foldName).filter(Boolean))];

  // A remembered code. One Meet link can serve several 1:1s (a personal meeting room): then the one whose
  // person is in the call; owners that are all the same people (a duplicate 1:1) → the most recently
  // updated; else no guess — the steps below decide.
  const byCode = active.filter((c) => c.relationship.meetCodes.includes(call.meetingCode));
  const owner =
    byCode.length <= 1
      ? byCode[0]
      : (byParticipant(others, byCode).match ??
        (samePeople(byCode)
          ? [...byCode].sort((a, b) => b.relationship.updatedAt - a.relationship.updatedAt)[0]
          : undefined));
  // Plainly someone else's call: the code's 1:1 is not with them, and another 1:1 is.
  const elsewhere = byParticipant(others, active).match;
  const someoneElse =
    !trustCode &&
    owner !== undefined &&
    elsewhere !== null &&
    elsewhere !== owner &&
    !personInCall(owner, others);
  if (owner && !someoneElse)
    return { kind: 'linked', relationshipId: owner.relationship.id, via: 'meet-code' };

  const title = foldName(call.title);
  if (title && title !== foldName(call.meetingCode)) {
    const byTitle = unique(active.filter((c) => foldName(c.relationship.title) === title));
    if (byTitle) return { kind: 'linked', relationshipId: byTitle.relationship.id, via: 'title' };
  }

  const display = (folded: string) => people.find((name) => foldName(name) === folded) ?? folded;
  if (others.length === 2) {
    const pair = unique(active.filter((c) => isPairInCall(c, others)));
    if (pair) return { kind: 'linked', relationshipId: pair.relationship.id, via: 'participant' };
    // A call titled as a 2-1 with two other people: offer to track it as that 2-1 (the panel names both).
    // The first in a fixed order (Meet reorders tiles as people speak; the offer must not swap).
    if (classifyTitle(call.title)?.kind === 'two-on-one')
      return { kind: 'trackable', name: display([...others].sort()[0]!).trim() };
  }
  if (others.length !== 1) return { kind: 'none' };
  const { match, matches } = byParticipant(others, active);
  if (match) return { kind: 'linked', relationshipId: match.relationship.id, via: 'participant' };
  if (matches.length > 1) return { kind: 'none' };
  return { kind: 'trackable', name: display(others[0]!).trim() };
}

/**
 * The candidates whose person is the call's one other participant (folded names), and the one to link if it
 * is unambiguous. Full name first; a first name alone only when exactly one person is called that; a
 * person with a 1:1 and, say, a skip-level: the plain 1:1 is the call's best guess.
 */
function byParticipant(
  others: readonly string[],
  pool: readonly LinkCandidate[],
): { match: LinkCandidate | null; matches: LinkCandidate[] } {
  if (others.length !== 1) return { match: null, matches: [] };
  const other = others[0]!;
  const named = (match: (person: string) => boolean) =>
    pool.filter((c) => c.people.some((p) => !p.archived && match(foldName(p.name))));
  let matches = named((name) => name === other);
  if (matches.length === 0 && !other.includes(' ')) matches = named((name) => firstName(name) === other);
  if (matches.length === 0 && other.includes(' ')) {
    matches = named((name) => !name.includes(' ') && name === firstName(other));
  }
  const plain = matches.filter((c) => c.relationship.kind === 'one-on-one');
  return { match: unique(plain.length > 0 ? plain : matches), matches };
}

/**
 * One of the candidate's people is among these participants (full name, or first name where either side
 * has only one): the 1:1 a call was linked to still has its person there.
 */
export function personInCall(candidate: LinkCandidate, participants: readonly string[]): boolean {
  return candidate.people.some((person) => isInCall(person, participants));
}

/** This person is among these participants (full name, or first name where either side has only one). */
export function isInCall(person: Pick<Person, 'name'>, participants: readonly string[]): boolean {
  const name = foldName(person.name);
  return participants.some((participant) => {
    const other = foldName(participant);
    return (
      other !== '' &&
      (other === name ||
        ((!other.includes(' ') || !name.includes(' ')) && firstName(other) === firstName(name)))
    );
  });
}

/** A 2-1 whose two people are the call's two others, each by full name (or first name where one side has only that). */
function isPairInCall(candidate: LinkCandidate, others: readonly string[]): boolean {
  const people = candidate.people.filter((p) => !p.archived);
  if (candidate.relationship.kind !== 'two-on-one' || people.length !== 2) return false;
  const [first, second] = people.map((person) => others.filter((other) => isInCall(person, [other])));
  // Each person is one of the two, and not both the same participant.
  return first!.length > 0 && second!.length > 0 && new Set([...first!, ...second!]).size === 2;
}

/** Every candidate is with the same people (by folded name). */
function samePeople(pool: readonly LinkCandidate[]): boolean {
  const key = (c: LinkCandidate) =>
    c.people
      .map((p) => foldName(p.name))
      .sort()
      .join('|');
  return pool.every((c) => key(c) === key(pool[0]!));
}
