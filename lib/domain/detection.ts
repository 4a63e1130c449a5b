/**
 * Is this calendar event a 1:1? Pure: the caller reads the event (chip or popover) and the settings.
 *
 * In order:
 * 1. Never: all-day events, events I declined, series the user marked "not a 1:1". Never either on another
 *    person's calendar overlaid on mine ('another person’s calendar'; the caller knows whose calendar it
 *    is), unless the user's word for the series gives a kind: a linked relationship does not count there
 *    (the meeting is badged on my own copy of it, if I am invited; the response shown is its owner's).
 * 2. The user's word ("Track as 1:1", a kind) → confirmed. 3. A linked relationship → confirmed.
 * 4. Guests known: count the other humans (kind 'person', not one of my emails, any letter case, Gmail's dots
 *    and +tags ignored). Rooms, resources and groups do not count; guests who declined do (it is still their 1:1, this instance may be
 *    rescheduled). When "N guests" is more than the rows read, the unread rows count as other people.
 *    - none → not ('solo'); more guests than `maxGuests` (me included; 3 by default) → not ('large meeting').
 *    - one, and the title says 1:1 → confirmed, kind from the title (a 2-1 title with one person → one-on-one);
 *      a title that is only a name pair that names neither of us ("Frontend / Backend", nicknames) → likely.
 *    - one, and the title says nothing → not, but trackable: the UI offers "Track as 1:1 with Bob". Two-person
 *      syncs, interviews and demos are not 1:1s until the user says so (PRODUCT.md).
 *    - two, and the title says 2-1 → two-on-one, confirmed. Two, and the title says another 1:1 → likely
 *      (an assistant, a shadow or a note-taking bot joined); counterparts are the guests the title names.
 *    Confidence drops to likely when an unread row is one of the counted people, or when the guests read
 *    prove nothing for sure (`guestsUnsure`: a count or an organizer the popover's language hid).
 * 5. Guests unknown: the title convention → likely, counterparts = the names in the title but mine (a name
 *    whose first word is the first word of `myName`, ignoring letter case and accents: "Alice / Bob" → Bob
 *    for Alice Smith); "N guests" over 3 still vetoes. Once my name is set, a title that is only a name pair
 *    must name me on one side (my first name, or its start, or my full name): "Gym / Errands" and "SFO / NYC"
 *    are no 1:1s (an event without guests never shows any, so nothing else would ever tell). Before that, my
 *    addresses do not tell ("asmith@" is Alice, "Liz" is Elizabeth): the pair is badged.
 *    A to-do about a 1:1 ("Send 1:1 agenda", "Book a 1:1 with Alice") is no 1:1 here (nor, with nobody else
 *    invited, in 4: 'solo'); with the person invited it is the meeting ("Review 1:1 with Bob").
 * "The title says 1:1": classifyTitle, or one of the user's extra keywords (case-insensitive substrings).
 * An excluded keyword vetoes the title (it wins over extra keywords), never the user's word or a link.
 */
import type { Counterpart, Detection, DetectionGuest, DetectionInput } from './detection-types';
import { canonicalEmail } from './email';
import { isNoteTaker } from './note-takers';
import { bareNamePair, classifyTitle, isToDoTitle, type OneOnOneKind, titleNames } from './one-on-one-title';

/**
 * A guest row that is a note-taking bot, by the name it shows ("Fireflies.ai Notetaker", "Fred from
 * Fireflies.ai"); never by its address alone (people working at those companies share the domain).
 */
function isNoteTakerGuest(guest: DetectionGuest): boolean {
  const name = guest.name.trim();
  return name !== '' && !name.includes('@') && isNoteTaker(name);
}

/** More guests than this (me included) and an event is never a 1:1 (settings can lower or raise it). */
const DEFAULT_MAX_GUESTS = 3;

const not = (reason: string, trackable: Counterpart | null = null): Detection => ({
  isOneOnOne: false,
  reason,
  trackable,
});

const yes = (
  kind: OneOnOneKind,
  confidence: 'confirmed' | 'likely',
  counterparts: Counterpart[],
  reason: string,
): Detection => ({ isOneOnOne: true, kind, confidence, counterparts, reason });

const fold = (text: string): string => text.normalize('NFKC').trim().toLowerCase();

function mentions(title: string, keywords: readonly string[] | undefined): boolean {
  return (keywords ?? []).some((keyword) => fold(keyword) !== '' && title.includes(fold(keyword)));
}

/**
 * Whether a title says "1:1" by itself: a built-in convention or one of the user's own title words, and none
 * of their excluded words. A new series with the same person is taken for their 1:1 only on such a title.
 */
export function titleSaysOneOnOne(
  title: string,
  rules: { includeKeywords?: readonly string[]; excludeKeywords?: readonly string[] } = {},
): boolean {
  const folded = fold(title);
  if (mentions(folded, rules.excludeKeywords)) return false;
  return classifyTitle(title) !== null || mentions(folded, rules.includeKeywords);
}

/**
 * The kind the title (and the user's keywords) says; `null` when it says nothing or is excluded. While the
 * guests are unknown, a to-do about a 1:1 ("Book a 1:1 with Alice") says nothing by convention.
 */
function titleKind(input: DetectionInput, excluded: boolean, guestsUnknown: boolean): OneOnOneKind | null {
  if (excluded) return null;
  const convention = classifyTitle(input.title);
  return (
    (convention && !(guestsUnknown && isToDoTitle(input.title)) ? convention.kind : null) ??
    (mentions(fold(input.title), input.extraKeywords) ? 'one-on-one' : null)
  );
}

const firstWord = (name: string): string => fold(name).split(/\s+/u)[0] ?? '';

/** A name's first word without letter case or accents ("Éloïse Martin" → "eloise"). */
const nameKey = (name: string): string => firstWord(name).normalize('NFD').replace(/\p{M}/gu, '');

/**
 * Whether a title's name could be me by one of my addresses' local parts (before my name is set): one of its
 * words ("alice.smith", "jean-pierre.dupont", "lee.sam" → alice, smith, jean-pierre, jean, pierre, lee, sam),
 * or, for a Gmail address read without its dots, its start ("alicesmith@gmail.com" starts with "alice").
 */
function addressNamesMe(key: string, myEmails: readonly string[]): boolean {
  return myEmails.some((email) => {
    const [local = '', domain = ''] = email.toLowerCase().split('@');
    const words = [...local.split(/[._+]/u), ...local.split(/[._+-]/u)];
    if (words.includes(key)) return true;
    // Only where Gmail's dots were taken out (alice.smith → alicesmith): elsewhere "danielle@" is not Dan.
    const undotted = domain === 'gmail.com' || domain === 'googlemail.com';
    return undotted && key.length >= 3 && local.length - key.length >= 2 && local.startsWith(key);
  });
}

/**
 * The people a title names, without me: my name's first word — or, before my name is set (a first run),
 * the one name my addresses point at ("alice.smith@…": Alice), so "1:1 with Alice" on Alice's calendar names
 * nobody else rather than Alice herself. When my addresses could be more than one of the names ("Sam / Lee"
 * for lee.sam@…), none is dropped: no one-click track, rather than one that tracks me.
 */
function namesOf(input: Pick<DetectionInput, 'title' | 'myName' | 'myEmails'>): Counterpart[] {
  const names = titleNames(input.title);
  let mine: (name: string) => boolean;
  if (input.myName) {
    const me = nameKey(input.myName);
    mine = (name) => nameKey(name) === me;
  } else {
    const byAddress = names.filter((name) => addressNamesMe(nameKey(name), input.myEmails));
    mine = (name) => byAddress.length === 1 && byAddress[0] === name;
  }
  return names.filter((name) => !mine(name)).map((name) => ({ email: null, name }));
}

/** Of several guests, the ones the title names by first name; all of them when that does not single one out. */
function namedInTitle(others: Counterpart[], title: string): Counterpart[] {
  const named = new Set(titleNames(title).map(firstWord));
  const picked = others.filter((other) => named.has(firstWord(other.name)));
  return picked.length === 1 ? picked : others;
}

/** The first word of a name or of an address's local part ("bob.jones@…" → "bob"), folded like nameKey. */
const keysOf = (person: Counterpart): string[] =>
  [person.name, person.email?.split('@')[0]?.split(/[._+-]/u)[0] ?? '']
    .map((text) => nameKey(text))
    .filter((key) => key.length > 1);

/**
 * A title that is only a name pair ("Alice / Bob") names me or the other guest on one side at least (a first
 * name, or its start: "Ali" for Alistair); "Frontend / Backend" between two people names neither. True when
 * the title is not such a pair, or nothing is known to compare with.
 */
function pairNamesUs(input: DetectionInput, other: Counterpart, me: readonly Counterpart[]): boolean {
  const pair = bareNamePair(input.title);
  if (pair === null) return true;
  const people = [...keysOf(other), ...myKeys(input, me)];
  return people.length === 0 || pairNames(pair, people);
}

/** What may name me: my rows' names, my name, my addresses' first words (folded like nameKey). */
const myKeys = (input: DetectionInput, me: readonly Counterpart[]): string[] =>
  [
    ...me.flatMap(keysOf),
    ...(input.myName ? [nameKey(input.myName)] : []),
    ...input.myEmails.flatMap((email) => keysOf({ name: '', email })),
  ].filter((key) => key.length > 1);

/** A name without letter case, accents or extra spaces ("Éloïse  Martin" → "eloise martin"). */
const fullKey = (name: string): string =>
  fold(name).normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/gu, ' ');

/**
 * Whether a name pair may not be mine, guests unknown: only my name, once set, can tell ("Gym / Errands" for
 * Alice Smith). My addresses cannot ("asmith@…" is Alice, "Liz / Bob" may be Elizabeth's): never a veto.
 */
function pairWithoutMe(pair: readonly string[], myName: string | undefined): boolean {
  const first = nameKey(myName ?? '');
  if (first.length < 2) return false;
  const full = fullKey(myName!);
  return !pair.some((name) => fullKey(name) === full) && !pairNames(pair, [first]);
}

/** One side of the pair is one of these people (a first name, or its start: "Ali" for Alistair). */
const pairNames = (pair: readonly string[], people: readonly string[]): boolean =>
  pair.some((name) => {
    const key = nameKey(name);
    return people.some((person) => person.startsWith(key) || key.startsWith(person));
  });

export function detectOneOnOne(input: DetectionInput): Detection {
  if (input.allDay) return not('all-day');
  if (input.response === 'declined') return not('declined');
  if (input.override === 'not-one-on-one') return not('user said not a 1:1');
  if (input.othersCalendar && !input.override) return not('another person’s calendar');
  if (input.notInvited && !input.override) return not('not invited');

  // Addresses as Gmail delivers them: "Alice.Smith@gmail.com" is alicesmith@gmail.com, so is me.
  const address = (email: string) => canonicalEmail(fold(email));
  const mine = new Set(input.myEmails.map(address));
  let meSeen = false;
  /** My own guest rows (their names say what the title may call me). */
  const myRows: Counterpart[] = [];
  const others: Counterpart[] = [];
  for (const guest of input.guests ?? []) {
    const email = guest.email === null ? null : address(guest.email);
    if (email !== null && mine.has(email)) {
      meSeen = true;
      myRows.push({ email: guest.email, name: guest.name });
    } else if (
      guest.kind === 'person' &&
      !isNoteTakerGuest(guest) &&
      (email === null || !others.some((o) => o.email && address(o.email) === email))
    )
      others.push({ email: guest.email, name: guest.name });
  }
  const known = input.guests !== null;
  const counterparts = known ? others : namesOf(input);

  if (input.override) return yes(input.override.kind, 'confirmed', counterparts, 'user said so');
  if (input.linked) return yes(input.linked.kind, 'confirmed', counterparts, 'linked relationship');

  const maxGuests = input.maxGuests ?? DEFAULT_MAX_GUESTS;
  const excluded = mentions(fold(input.title), input.excludedKeywords);
  const kind = titleKind(input, excluded, !known);
  if (!known) {
    if (input.guestCount !== null && input.guestCount > maxGuests) return not('large meeting');
    if (kind === null) return not(excluded ? 'excluded keyword' : 'no 1:1 convention in title');
    // Only a name pair, and no guest to check it with (an event without guests never shows any): a 1:1 of
    // mine names me on one side — told by my name only, once set; "Gym / Errands", "SFO / NYC" name no one
    // (the user's own words still count).
    const pair = bareNamePair(input.title);
    if (pair && !mentions(fold(input.title), input.extraKeywords) && pairWithoutMe(pair, input.myName))
      return not('a name pair without me, guests unknown');
    return yes(kind, 'likely', counterparts, 'title convention');
  }

  // Rows the popover summarised but we did not read ("12 guests", 2 rows): count them as other people,
  // except for one that is me when my own row was not among those read.
  const rows = input.guests?.length ?? 0;
  const unread = Math.max(0, (input.guestCount ?? 0) - rows - (meSeen ? 0 : 1));
  const humans = others.length + unread;
  const confidence = unread === 0 && !input.guestsUnsure ? 'confirmed' : 'likely';

  if (humans === 0) return not('solo');
  if (humans + 1 > maxGuests) return not('large meeting');
  if (humans === 1) {
    const other = others[0] ?? null;
    if (kind === null) return not(excluded ? 'excluded keyword' : 'two people, no 1:1 title', other);
    const counterpart = other ? [other] : namesOf(input);
    // A title that is only a name pair naming neither of us ("Frontend / Backend", or nicknames the guest
    // list cannot tell): the guests do not prove it, the title alone suggests it.
    const proven = !other || pairNamesUs(input, other, myRows);
    return yes(
      kind === 'two-on-one' ? 'one-on-one' : kind,
      proven ? confidence : 'likely',
      counterpart,
      proven ? 'guests: one other person' : 'guests: one other person, the pair names neither of us',
    );
  }
  if (kind === 'two-on-one') return yes(kind, confidence, others, 'guests: two others, 2-1 title');
  if (kind !== null)
    return yes(
      kind,
      'likely',
      namedInTitle(others, input.title),
      humans === 2 ? 'title says 1:1, two others' : 'title says 1:1, more people',
    );
  return not(humans === 2 ? 'three people, no 2-1 title' : 'more people, no 1:1 title');
}
