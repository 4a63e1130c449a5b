import { describe, expect, it } from 'vitest';
import { detectOneOnOne } from '@/lib/domain/detection';
import type { Confidence, DetectionGuest, DetectionInput } from '@/lib/domain/detection-types';
import type { OneOnOneKind } from '@/lib/domain/one-on-one-title';
import { type FixtureEvent, fixturesIndex } from '../helpers/fixtures';

const ME = 'alice@acme.example';

const person = (name: string, email: string | null, extra: Partial<DetectionGuest> = {}): DetectionGuest => ({
  email,
  name,
  organizer: false,
  kind: 'person',
  response: 'accepted',
  ...extra,
});
const emailOf = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@acme.example`;
const guest = (name: string, extra: Partial<DetectionGuest> = {}) => person(name, emailOf(name), extra);

const alice = person('Alice Smith', ME, { organizer: true });
const bob = guest('Bob Jones'); // the popover fixture's guest
const carol = guest('Carol');
const dan = guest('Dan');
const room = person('Room 4B', 'c_room4b@resource.calendar.google.com', { kind: 'room' });
const projector = person('Projector', 'c_proj@resource.calendar.google.com', { kind: 'resource' });
const engGroup = person('Eng', 'eng@acme.example', { kind: 'group' });

/** Alice plus the named people plus anonymous ones up to `total` guests. */
function withAlice(total: number, names: readonly string[] = []): DetectionGuest[] {
  if (total === 0) return [];
  const others = Array.from({ length: total - 1 }, (_, i) => guest(names[i] ?? `Guest ${i + 1}`));
  return [alice, ...others];
}

function input(over: Partial<DetectionInput>): DetectionInput {
  return {
    title: 'Weekly sync',
    allDay: false,
    response: 'accepted',
    guests: null,
    guestCount: null,
    myEmails: [ME],
    override: null,
    linked: null,
    ...over,
  };
}

type Expected =
  | { kind: OneOnOneKind; confidence: Confidence; with?: string[]; reason?: string }
  | { not: string; trackable?: string | null };

const yes = (
  kind: OneOnOneKind,
  confidence: Confidence,
  withNames?: string[],
  reason?: string,
): Expected => ({
  kind,
  confidence,
  ...(withNames ? { with: withNames } : {}),
  ...(reason ? { reason } : {}),
});
const no = (reason: string, trackable: string | null = null): Expected => ({ not: reason, trackable });

type Case = [name: string, input: Partial<DetectionInput>, expected: Expected];

function check([, over, expected]: Case) {
  const result = detectOneOnOne(input(over));
  if ('kind' in expected) {
    expect(result).toMatchObject({ isOneOnOne: true, kind: expected.kind, confidence: expected.confidence });
    if (!result.isOneOnOne) return;
    if (expected.with) expect(result.counterparts.map((c) => c.name)).toEqual(expected.with);
    if (expected.reason) expect(result.reason).toBe(expected.reason);
  } else {
    expect(result).toMatchObject({ isOneOnOne: false, reason: expected.not });
    if (result.isOneOnOne) return;
    expect(result.trackable?.name ?? null).toBe(expected.trackable ?? null);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The demo week, with each event's real guest situation and, separately, as seen on a chip (title only).

type IndexEvent = FixtureEvent & { guests_total_including_alice: number; alice_status: string | null };
const INDEX_EVENTS = fixturesIndex.events as IndexEvent[];
const STATUS: Record<string, DetectionInput['response']> = {
  Accepted: 'accepted',
  Declined: 'declined',
  Tentative: 'tentative',
  'Needs RSVP': 'needs-action',
};

/** Who the other guests are in the demo week (the rest get anonymous names). */
const OTHERS: Record<string, string[]> = {
  'Alice / Bob': ['Bob Jones'],
  '1:1 Alice <> Carol': ['Carol'],
  'Bob & Alice 1-on-1': ['Bob Jones'],
  'Weekly sync': ['Bob Jones'],
  'Coffee chat: Alice + Grace': ['Grace'],
  '2-1 with Carol': ['Carol', 'Dan'],
  'Skip-level: Alice / Ivy': ['Ivy'],
  'Peer 1:1 — Alice & Evan': ['Evan'],
  'Alice / Frank': ['Frank'],
};

const WITH_GUESTS: Record<string, Expected> = {
  'Team standup': no('large meeting'),
  'Alice / Bob': yes('one-on-one', 'confirmed', ['Bob Jones'], 'guests: one other person'),
  '1:1 Alice <> Carol': yes('one-on-one', 'confirmed', ['Carol']),
  'Focus time': no('solo'),
  'Bob & Alice 1-on-1': yes('one-on-one', 'confirmed', ['Bob Jones']),
  'Interview: Staff Eng candidate': no('large meeting'),
  'Weekly sync': no('two people, no 1:1 title', 'Bob Jones'),
  'Vendor demo': no('declined'),
  'Coffee chat: Alice + Grace': no('two people, no 1:1 title', 'Grace'),
  '2-1 with Carol': yes('two-on-one', 'confirmed', ['Carol', 'Dan'], 'guests: two others, 2-1 title'),
  'Skip-level: Alice / Ivy': yes('skip-level', 'confirmed', ['Ivy']),
  'Peer 1:1 — Alice & Evan': yes('peer', 'confirmed', ['Evan']),
  'All hands': no('large meeting'),
  'Alice / Frank': yes('one-on-one', 'confirmed', ['Frank']),
  'Design review': no('large meeting'),
  Lunch: no('solo'),
};

const TITLE_ONLY: Record<string, Expected> = {
  'Team standup': no('no 1:1 convention in title'),
  'Alice / Bob': yes('one-on-one', 'likely', ['Bob'], 'title convention'),
  '1:1 Alice <> Carol': yes('one-on-one', 'likely', ['Carol']),
  'Focus time': no('no 1:1 convention in title'),
  'Bob & Alice 1-on-1': yes('one-on-one', 'likely', ['Bob']),
  'Interview: Staff Eng candidate': no('no 1:1 convention in title'),
  'Weekly sync': no('no 1:1 convention in title'),
  'Vendor demo': no('declined'),
  'Coffee chat: Alice + Grace': no('no 1:1 convention in title'),
  '2-1 with Carol': yes('two-on-one', 'likely', ['Carol']),
  'Skip-level: Alice / Ivy': yes('skip-level', 'likely', ['Ivy']),
  'Peer 1:1 — Alice & Evan': yes('peer', 'likely', ['Evan']),
  'All hands': no('no 1:1 convention in title'),
  'Alice / Frank': yes('one-on-one', 'likely', ['Frank']),
  'Design review': no('no 1:1 convention in title'),
  Lunch: no('no 1:1 convention in title'),
};

const fixtureGuests = (event: IndexEvent): DetectionGuest[] => {
  const guests = withAlice(event.guests_total_including_alice, OTHERS[event.title]);
  return event.title.startsWith('Skip-level') ? [...guests, room] : guests;
};
const fixtureBase = (event: IndexEvent): Partial<DetectionInput> => ({
  title: event.title,
  response: event.alice_status === null ? 'unknown' : (STATUS[event.alice_status] ?? 'unknown'),
});

const FIXTURE_CASES: Case[] = INDEX_EVENTS.flatMap((event): Case[] => [
  [
    `${event.title} (${event.guests_total_including_alice} guests)`,
    {
      ...fixtureBase(event),
      guests: fixtureGuests(event),
      guestCount: event.guests_total_including_alice || null,
    },
    WITH_GUESTS[event.title] ?? no('missing expectation'),
  ],
  [`${event.title} (chip only)`, fixtureBase(event), TITLE_ONLY[event.title] ?? no('missing expectation')],
]);

// ---------------------------------------------------------------------------------------------------------

const CASES: Record<string, Case[]> = {
  'the weak titles': [
    ['Holiday 1/1', { title: 'Holiday 1/1' }, no('no 1:1 convention in title')],
    ['New Year 1/1', { title: 'New Year 1/1' }, no('no 1:1 convention in title')],
    ['Q1/1 review', { title: 'Q1/1 review' }, no('no 1:1 convention in title')],
    ['Sprint 1-1', { title: 'Sprint 1-1' }, no('no 1:1 convention in title')],
    ['FY 1-1', { title: 'FY 1-1' }, no('no 1:1 convention in title')],
    ['John 1:1 is a 1:1', { title: 'John 1:1' }, yes('one-on-one', 'likely', ['John'])],
    ['Standup / Retro', { title: 'Standup / Retro' }, no('no 1:1 convention in title')],
    ['Sales / Marketing', { title: 'Sales / Marketing' }, no('no 1:1 convention in title')],
    ['OOO / Vacation', { title: 'OOO / Vacation' }, no('no 1:1 convention in title')],
    ['Max x Min', { title: 'Max x Min' }, no('no 1:1 convention in title')],
    ['Skip-level planning', { title: 'Skip-level planning' }, no('no 1:1 convention in title')],
    ['Skip level all-hands', { title: 'Skip level all-hands' }, no('no 1:1 convention in title')],
    ['score 2:1', { title: 'score 2:1' }, no('no 1:1 convention in title')],
    ['O3s', { title: 'O3s' }, yes('one-on-one', 'likely', [])],
    ['Einzelgespräche', { title: 'Einzelgespräche' }, yes('one-on-one', 'likely')],
    // Hyphenated compounds, as many write them.
    ['Mitarbeiter-Gespräch', { title: 'Mitarbeiter-Gespräch' }, yes('one-on-one', 'likely')],
    ['Feedback-Gespräch', { title: 'Feedback-Gespräch' }, yes('one-on-one', 'likely')],
    ['1–1 (en dash)', { title: '1–1 Bob' }, yes('one-on-one', 'likely', ['Bob'])],
    ['Peer: Alice / Evan', { title: 'Peer: Alice / Evan' }, yes('peer', 'likely', ['Evan'])],
    [
      'Sprint 1-1 with two people is only trackable',
      { title: 'Sprint 1-1', guests: [alice, bob] },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
    [
      'Sales / Marketing with two people is only trackable',
      { title: 'Sales / Marketing', guests: [alice, carol] },
      no('two people, no 1:1 title', 'Carol'),
    ],
    [
      'John 1:1 with John',
      { title: 'John 1:1', guests: [alice, guest('John Doe')] },
      yes('one-on-one', 'confirmed', ['John Doe']),
    ],
  ],
  'German, French, Spanish': [
    [
      'Einzelgespräch Anna / Bernd (chip)',
      { title: 'Einzelgespräch Anna / Bernd' },
      yes('one-on-one', 'likely', ['Anna', 'Bernd']),
    ],
    [
      'Mitarbeitergespräch mit Bernd',
      { title: 'Mitarbeitergespräch mit Bernd', guests: [alice, guest('Bernd Müller')] },
      yes('one-on-one', 'confirmed', ['Bernd Müller']),
    ],
    ['Jour fixe mit Jürgen', { title: 'Jour fixe mit Jürgen' }, yes('one-on-one', 'likely', ['Jürgen'])],
    ['Jour fixe alone (chip)', { title: 'Jour fixe' }, no('no 1:1 convention in title')],
    [
      'Jour fixe alone, two people',
      { title: 'Jour fixe', guests: [alice, guest('Jürgen')] },
      no('two people, no 1:1 title', 'Jürgen'),
    ],
    [
      'Karriere-Einzelgespräch',
      { title: 'Karriere-Einzelgespräch', guests: [alice, guest('Anna')] },
      yes('career', 'confirmed', ['Anna']),
    ],
    ['Teamrunde with 6', { title: 'Teamrunde', guests: withAlice(6) }, no('large meeting')],
    ['Tête-à-tête avec Marie', { title: 'Tête-à-tête avec Marie' }, yes('one-on-one', 'likely', ['Marie'])],
    [
      'Entretien individuel - Luc',
      { title: 'Entretien individuel - Luc', guests: [alice, guest('Luc Martin')] },
      yes('one-on-one', 'confirmed', ['Luc Martin']),
    ],
    ['Point individuel', { title: 'Point individuel' }, yes('one-on-one', 'likely', [])],
    [
      'Point carrière 1:1',
      { title: 'Point carrière 1:1', guests: [alice, guest('Éloïse')] },
      yes('career', 'confirmed', ['Éloïse']),
    ],
    [
      'Éloïse / Frédéric',
      { title: 'Éloïse / Frédéric', myName: 'Frédéric Dupont' },
      yes('one-on-one', 'likely', ['Éloïse']),
    ],
    ['Réunion d’équipe with 5', { title: 'Réunion d’équipe', guests: withAlice(5) }, no('large meeting')],
    ['Uno a uno con Lucía', { title: 'Uno a uno con Lucía' }, yes('one-on-one', 'likely', ['Lucía'])],
    [
      'Cara a cara: Juan',
      { title: 'Cara a cara: Juan', guests: [alice, guest('Juan Pérez')] },
      yes('one-on-one', 'confirmed', ['Juan Pérez']),
    ],
    ['1:1 de carrera con Pilar', { title: '1:1 de carrera con Pilar' }, yes('career', 'likely', ['Pilar'])],
    [
      'Reunión de equipo, two people',
      { title: 'Reunión de equipo', guests: [alice, guest('Sofía')] },
      no('two people, no 1:1 title', 'Sofía'),
    ],
    ['Full-width １:１', { title: '１:１ Bob' }, yes('one-on-one', 'likely', ['Bob'])],
  ],
  'rooms, resources and groups do not count': [
    [
      '1:1 with a room',
      { title: 'Alice / Bob', guests: [alice, bob, room], guestCount: 3 },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      '1:1 with a resource',
      { title: '1:1', guests: [alice, projector, bob] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      '1:1 with a group',
      { title: 'Alice / Bob', guests: [alice, bob, engGroup] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    ['me and a room', { title: 'Alice / Bob', guests: [alice, room] }, no('solo')],
    ['me and a group', { title: 'Weekly sync', guests: [alice, engGroup] }, no('solo')],
    [
      '2-1 with a room',
      { title: '2-1 with Carol', guests: [alice, carol, dan, room, projector] },
      yes('two-on-one', 'confirmed', ['Carol', 'Dan']),
    ],
    [
      'neutral title, a person and a group',
      { title: 'Design review', guests: [alice, engGroup, carol] },
      no('two people, no 1:1 title', 'Carol'),
    ],
  ],
  'who "me" is': [
    [
      'my email in upper case',
      { title: 'Alice / Bob', guests: [person('Alice', 'ALICE@Acme.Example'), bob] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'my second address',
      {
        title: 'Alice / Bob',
        myEmails: [ME, 'alice.smith@gmail.com'],
        guests: [person('Alice', 'Alice.Smith@Gmail.com'), bob],
      },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'both my addresses are guests',
      {
        title: 'Alice / Bob',
        myEmails: [ME, 'alice.smith@gmail.com'],
        guests: [alice, person('Alice', 'alice.smith@gmail.com'), bob],
      },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'a name pair of things, not people, between two people',
      { title: 'Frontend / Backend', guests: [alice, bob] },
      yes('one-on-one', 'likely', ['Bob Jones']),
    ],
    [
      'a name pair of cities between two people',
      { title: 'Berlin / London', guests: [alice, bob] },
      yes('one-on-one', 'likely', ['Bob Jones']),
    ],
    [
      'a name pair of nicknames the guest list cannot tell, with no name of mine set',
      {
        title: 'Ali / Bob',
        myEmails: ['asmith@corp.example'],
        guests: [person('', 'asmith@corp.example'), person('Robert Jones', 'rjones@corp.example')],
      },
      yes('one-on-one', 'likely', ['Robert Jones']),
    ],
    [
      'a name pair naming me as my own guest row does, with no name of mine set',
      {
        title: 'Alice / Bob',
        myEmails: ['asmith@corp.example'],
        guests: [person('Alice Smith', 'asmith@corp.example'), person('Robert Jones', 'rjones@corp.example')],
      },
      yes('one-on-one', 'confirmed', ['Robert Jones']),
    ],
    [
      'a name pair naming the other guest only',
      { title: 'Bob / Atlas', guests: [alice, bob] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'a name pair with short forms of our names',
      {
        title: 'Ali / Rob',
        myEmails: ['alistair@acme.example'],
        guests: [person('Alistair', 'alistair@acme.example'), person('Robert Jones', 'rjones@acme.example')],
      },
      yes('one-on-one', 'confirmed', ['Robert Jones']),
    ],
    [
      'a name pair naming me by my name setting only',
      {
        title: 'Sasha / Kim',
        myName: 'Sasha Ivanova',
        myEmails: ['s.ivanova@acme.example'],
        guests: [person('', 's.ivanova@acme.example'), person('', 'k@acme.example')],
      },
      yes('one-on-one', 'confirmed', ['']),
    ],
    [
      'a 1:1 marker with names that are not ours still counts (a slot handed on)',
      { title: '1:1 Frontend / Backend', guests: [alice, bob] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'my Gmail address written with dots and a +tag on the guest row',
      {
        title: 'Alice / Bob',
        myEmails: [ME, 'alicesmith@gmail.com'],
        guests: [person('Alice', 'Alice.Smith+work@googlemail.com'), bob],
      },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'my Gmail address with dots in the settings, without on the guest row',
      {
        title: 'Weekly sync',
        myEmails: ['alice.smith@gmail.com'],
        guests: [person('Alice', 'alicesmith@gmail.com'), bob],
      },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
    [
      'only me, twice',
      { title: '1:1', myEmails: [ME, 'a@b.example'], guests: [alice, person('A', 'A@B.example')] },
      no('solo'),
    ],
    [
      'me not among the rows',
      { title: 'Alice / Bob', guests: [bob] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'someone else with my name is not me',
      { title: '1:1', guests: [alice, person('Alice Smith', 'alice.smith@other.example')] },
      yes('one-on-one', 'confirmed', ['Alice Smith']),
    ],
    [
      'the same guest twice (letter case) counts once',
      { title: '1:1', guests: [alice, bob, person('Bob', 'BOB.JONES@acme.example')] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
  ],
  'declined and all-day': [
    [
      'I declined a 1:1',
      { title: 'Alice / Bob', response: 'declined', guests: [alice, bob] },
      no('declined'),
    ],
    ['I declined, chip only', { title: '1:1 Alice <> Carol', response: 'declined' }, no('declined')],
    [
      'Alice <> Dana 1:1 declined (month view)',
      { title: 'Alice <> Dana 1:1', response: 'declined' },
      no('declined'),
    ],
    [
      'the other person declined: still their 1:1',
      { title: 'Alice / Bob', guests: [alice, guest('Bob Jones', { response: 'declined' })] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'the other person declined a neutral meeting: trackable',
      { title: 'Weekly sync', guests: [alice, guest('Bob Jones', { response: 'declined' })] },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
    [
      'a lead declined the 2-1',
      { title: '2-1 with Carol', guests: [alice, carol, guest('Dan', { response: 'declined' })] },
      yes('two-on-one', 'confirmed', ['Carol', 'Dan']),
    ],
    [
      'I am tentative',
      { title: 'Alice / Bob', response: 'tentative', guests: [alice, bob] },
      yes('one-on-one', 'confirmed'),
    ],
    [
      'my response unknown',
      { title: 'Alice / Bob', response: 'unknown', guests: [alice, bob] },
      yes('one-on-one', 'confirmed'),
    ],
    ['all-day 1:1 title', { title: 'Alice / Bob', allDay: true, guests: [alice, bob] }, no('all-day')],
    ['Q2 planning offsite (all-day)', { title: 'Q2 planning offsite', allDay: true }, no('all-day')],
    [
      'all-day beats the user override',
      { title: 'Alice / Bob', allDay: true, override: { kind: 'one-on-one' } },
      no('all-day'),
    ],
    [
      'declined beats a linked relationship',
      { title: 'Alice / Bob', response: 'declined', linked: { kind: 'one-on-one' } },
      no('declined'),
    ],
  ],
  'the user overrides': [
    [
      '"Track as 1:1" on a 2-person sync',
      { title: 'Weekly sync', guests: [alice, bob], override: { kind: 'one-on-one' } },
      yes('one-on-one', 'confirmed', ['Bob Jones'], 'user said so'),
    ],
    [
      'a kind on a large meeting',
      { title: 'Team standup', guests: withAlice(12), override: { kind: 'one-on-one' } },
      yes('one-on-one', 'confirmed', undefined, 'user said so'),
    ],
    [
      'career on a 1:1 title',
      { title: 'Alice / Bob', guests: [alice, bob], override: { kind: 'career' } },
      yes('career', 'confirmed', ['Bob Jones']),
    ],
    [
      'peer, chip only: names from the title',
      { title: 'Coffee chat: Alice + Grace', override: { kind: 'peer' } },
      yes('peer', 'confirmed', ['Grace']),
    ],
    [
      'not a 1:1 on a 1:1 title',
      { title: 'Alice / Bob', guests: [alice, bob], override: 'not-one-on-one' },
      no('user said not a 1:1', null),
    ],
    [
      'not a 1:1, chip only',
      { title: '1:1 Alice <> Carol', override: 'not-one-on-one' },
      no('user said not a 1:1'),
    ],
    [
      'not a 1:1 beats a linked relationship',
      { title: 'Alice / Bob', override: 'not-one-on-one', linked: { kind: 'one-on-one' } },
      no('user said not a 1:1'),
    ],
    [
      'the override kind beats the linked kind',
      { title: 'Alice / Bob', override: { kind: 'peer' }, linked: { kind: 'one-on-one' } },
      yes('peer', 'confirmed'),
    ],
    [
      'the override beats excluded keywords',
      { title: 'Weekly sync', excludedKeywords: ['sync'], override: { kind: 'one-on-one' } },
      yes('one-on-one', 'confirmed', [], 'user said so'),
    ],
  ],
  'linked relationships': [
    [
      'linked skip-level on a neutral title',
      { title: 'Weekly sync', guests: [alice, guest('Ivy')], linked: { kind: 'skip-level' } },
      yes('skip-level', 'confirmed', ['Ivy'], 'linked relationship'),
    ],
    [
      'linked, even with five guests',
      { title: 'Alice / Bob', guests: withAlice(5), linked: { kind: 'one-on-one' } },
      yes('one-on-one', 'confirmed'),
    ],
    [
      'linked, chip only',
      { title: 'Alice / Bob', linked: { kind: 'one-on-one' } },
      yes('one-on-one', 'confirmed', ['Bob'], 'linked relationship'),
    ],
    [
      'linked 2-1',
      { title: 'Growth check-in', guests: [alice, carol, dan], linked: { kind: 'two-on-one' } },
      yes('two-on-one', 'confirmed', ['Carol', 'Dan']),
    ],
    [
      'linked beats excluded keywords',
      { title: 'Interview prep', excludedKeywords: ['interview'], linked: { kind: 'career' } },
      yes('career', 'confirmed'),
    ],
  ],
  '"N guests" larger than the rows read': [
    [
      'guestCount equals the rows',
      { title: 'Alice / Bob', guests: [alice, bob], guestCount: 2 },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      '12 guests, 2 rows read',
      { title: 'Alice / Bob', guests: [alice, bob], guestCount: 12 },
      no('large meeting'),
    ],
    [
      'All hands: 240 guests, 3 rows',
      { title: 'All hands', guests: withAlice(3), guestCount: 240 },
      no('large meeting'),
    ],
    [
      '3 guests, 2 rows: a third person on a 1:1 title',
      { title: 'Alice / Bob', guests: [alice, bob], guestCount: 3 },
      yes('one-on-one', 'likely', ['Bob Jones'], 'title says 1:1, two others'),
    ],
    [
      '3 guests, 2 rows, 2-1 title',
      { title: '2-1 with Carol', guests: [alice, carol], guestCount: 3 },
      yes('two-on-one', 'likely', ['Carol']),
    ],
    [
      '2 guests, my row not read: the unread one is me',
      { title: 'Alice / Bob', guests: [bob], guestCount: 2 },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      '2 guests, no rows read',
      { title: '1:1 with Bob', guests: [], guestCount: 2 },
      yes('one-on-one', 'likely', ['Bob']),
    ],
    [
      'guestCount smaller than the rows is ignored',
      { title: 'Alice / Bob', guests: [alice, bob], guestCount: 1 },
      yes('one-on-one', 'confirmed'),
    ],
    ['chip only, 5 guests', { title: '1:1 Alice <> Carol', guestCount: 5 }, no('large meeting')],
    ['chip only, 2 guests', { title: 'Alice / Bob', guestCount: 2 }, yes('one-on-one', 'likely')],
    [
      'neutral title, 4 guests, 2 rows',
      { title: 'Weekly sync', guests: [alice, bob], guestCount: 4 },
      no('large meeting'),
    ],
  ],
  'guests that prove nothing for sure (a count or organizer the popover’s language hid)': [
    [
      'two rows of an unread count: at most likely',
      { title: '1:1 Carol', guests: [alice, carol], guestsUnsure: true },
      yes('one-on-one', 'likely', ['Carol'], 'guests: one other person'),
    ],
    [
      'a name pair with two rows of an unread count: likely',
      { title: 'Alice / Bob', guests: [alice, bob], guestsUnsure: true },
      yes('one-on-one', 'likely', ['Bob Jones']),
    ],
    [
      'a 2-1 with three rows of an unread count: likely',
      { title: '2-1 with Carol', guests: [alice, carol, dan], guestsUnsure: true },
      yes('two-on-one', 'likely', ['Carol', 'Dan']),
    ],
    [
      'only my row read: still nobody else (solo)',
      { title: '1:1 Carol', guests: [alice], guestsUnsure: true },
      no('solo'),
    ],
    [
      'too many rows read: still a large meeting',
      { title: '1:1 Carol', guests: withAlice(5), guestsUnsure: true },
      no('large meeting'),
    ],
    [
      'a neutral title stays only trackable',
      { title: 'Weekly sync', guests: [alice, bob], guestsUnsure: true },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
    [
      'the user’s word still confirms',
      { title: 'Weekly sync', guests: [alice, bob], guestsUnsure: true, override: { kind: 'peer' } },
      yes('peer', 'confirmed'),
    ],
    [
      'every guest read (not unsure): confirmed',
      { title: '1:1 Carol', guests: [alice, carol], guestsUnsure: false },
      yes('one-on-one', 'confirmed', ['Carol']),
    ],
  ],
  'a bare name pair while the guests are unknown (events without guests never show any)': [
    [
      'Gym / Errands, my name set',
      { title: 'Gym / Errands', myName: 'Alice Smith' },
      no('a name pair without me, guests unknown'),
    ],
    [
      'Deep Work / Admin, my name set',
      { title: 'Deep Work / Admin', myName: 'Alice' },
      no('a name pair without me, guests unknown'),
    ],
    [
      'SFO / NYC, my name set',
      { title: 'SFO / NYC', myName: 'Alice Smith' },
      no('a name pair without me, guests unknown'),
    ],
    [
      'Alice / Bob, no name set, an address that is not my first name: likely (the address cannot tell)',
      { title: 'Alice / Bob', myEmails: ['asmith@acme.example'] },
      yes('one-on-one', 'likely', ['Alice', 'Bob']),
    ],
    [
      'Frontend / Backend, my name set',
      { title: 'Frontend / Backend', myName: 'Alice Smith' },
      no('a name pair without me, guests unknown'),
    ],
    ['Alice / Bob names me', { title: 'Alice / Bob' }, yes('one-on-one', 'likely', ['Bob'])],
    [
      'Bob <> Ali: the start of my name',
      { title: 'Bob <> Ali' },
      yes('one-on-one', 'likely', ['Bob', 'Ali']),
    ],
    [
      'a pair naming me by my name in settings',
      { title: 'Sam / Lee', myName: 'Lee Park' },
      yes('one-on-one', 'likely', ['Sam']),
    ],
    [
      'a pair the user’s own title word covers',
      { title: 'Gym / Errands', extraKeywords: ['errands'] },
      yes('one-on-one', 'likely'),
    ],
    ['a 1:1 marker needs no name of mine', { title: '1:1 Bob / Carol' }, yes('one-on-one', 'likely')],
    ['Gym / Errands, no guests at all', { title: 'Gym / Errands', guests: [alice] }, no('solo')],
  ],
  'booking slots and to-dos about 1:1s': [
    ['Open 1:1 slots', { title: 'Open 1:1 slots' }, no('no 1:1 convention in title')],
    ['Available for 1:1s', { title: 'Available for 1:1s' }, no('no 1:1 convention in title')],
    ['1:1 booking', { title: '1:1 booking' }, no('no 1:1 convention in title')],
    ['Book a 1:1 with Alice', { title: 'Book a 1:1 with Alice' }, no('no 1:1 convention in title')],
    ['Send 1:1 agenda', { title: 'Send 1:1 agenda' }, no('no 1:1 convention in title')],
    ['Schedule 1:1s', { title: 'Schedule 1:1s' }, no('no 1:1 convention in title')],
    ['Review 1:1 feedback', { title: 'Review 1:1 feedback' }, no('no 1:1 convention in title')],
    [
      'Book a 1:1 with Bob, Bob invited: the meeting (a to-do only while guests are unknown)',
      { title: 'Book a 1:1 with Bob', guests: [alice, bob] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'Book a 1:1 with Bob, nobody else invited',
      { title: 'Book a 1:1 with Bob', guests: [alice] },
      no('solo'),
    ],
    [
      'Performance review 1:1 is a 1:1',
      { title: 'Performance review 1:1', guests: [alice, bob] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
  ],
  'more languages: markers, stages and rooms': [
    ['Fase 1-1', { title: 'Fase 1-1' }, no('no 1:1 convention in title')],
    ['Capítulo 1-1', { title: 'Capítulo 1-1' }, no('no 1:1 convention in title')],
    ['Sessione 1-1', { title: 'Sessione 1-1' }, no('no 1:1 convention in title')],
    ['1-1会議室 (a room)', { title: '1-1会議室' }, no('no 1:1 convention in title')],
    ['面談 alone (an interview)', { title: '面談' }, no('no 1:1 convention in title')],
    ['Reunión 1 a 1 con Bob', { title: 'Reunión 1 a 1 con Bob' }, yes('one-on-one', 'likely', ['Bob'])],
    [
      'Reunião individual com Bob',
      { title: 'Reunião individual com Bob' },
      yes('one-on-one', 'likely', ['Bob']),
    ],
    ['Um a um com Bob', { title: 'Um a um com Bob' }, yes('one-on-one', 'likely', ['Bob'])],
    ['Eén-op-één met Bob', { title: 'Eén-op-één met Bob' }, yes('one-on-one', 'likely', ['Bob'])],
    ['山田さんと1対1', { title: '山田さんと1対1' }, yes('one-on-one', 'likely')],
    [
      '個人面談 with one other person',
      { title: '個人面談', guests: [alice, bob] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    ['ワンオンワン', { title: 'ワンオンワン' }, yes('one-on-one', 'likely')],
  ],
  'extra and excluded keywords': [
    [
      'an extra keyword makes a sync a 1:1',
      { title: 'Weekly sync', guests: [alice, bob], extraKeywords: ['sync'] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'extra keywords ignore letter case',
      { title: 'weekly SYNC', extraKeywords: ['Sync'] },
      yes('one-on-one', 'likely', [], 'title convention'),
    ],
    [
      'an extra phrase',
      {
        title: 'Coffee chat: Alice + Grace',
        guests: [alice, guest('Grace')],
        extraKeywords: ['coffee chat'],
      },
      yes('one-on-one', 'confirmed', ['Grace']),
    ],
    [
      'an extra keyword does not beat the guest count',
      { title: 'Weekly sync', guests: withAlice(6), extraKeywords: ['sync'] },
      no('large meeting'),
    ],
    [
      'an empty extra keyword matches nothing',
      { title: 'Team standup', extraKeywords: ['', '  '] },
      no('no 1:1 convention in title'),
    ],
    [
      'an excluded keyword vetoes the title',
      { title: 'Interview 1:1 with Sam', guests: [alice, guest('Sam')], excludedKeywords: ['interview'] },
      no('excluded keyword', 'Sam'),
    ],
    [
      'an excluded keyword vetoes a chip',
      { title: 'Alice / Bob', excludedKeywords: ['ALICE / BOB'] },
      no('excluded keyword'),
    ],
    [
      'excluded beats extra',
      { title: 'Weekly sync', guests: [alice, bob], extraKeywords: ['sync'], excludedKeywords: ['weekly'] },
      no('excluded keyword', 'Bob Jones'),
    ],
    [
      'an excluded keyword that is not in the title changes nothing',
      { title: '1:1 Alice <> Carol', guests: [alice, carol], excludedKeywords: ['retro'] },
      yes('one-on-one', 'confirmed', ['Carol']),
    ],
    [
      'an excluded keyword in a 2-1',
      { title: '2-1 with Carol', guests: [alice, carol, dan], excludedKeywords: ['2-1'] },
      no('three people, no 2-1 title'),
    ],
  ],
  'max guests (options page)': [
    [
      'max 2: a 2-1 is no longer a 1:1',
      { title: '2-1 with Carol', guests: [alice, carol, dan], maxGuests: 2 },
      no('large meeting'),
    ],
    [
      'max 2: a plain 1:1 still is',
      { title: '1:1 Alice <> Carol', guests: [alice, carol], maxGuests: 2 },
      yes('one-on-one', 'confirmed', ['Carol']),
    ],
    [
      'max 2: a chip saying "3 guests" is vetoed',
      { title: 'Alice / Bob', guestCount: 3, maxGuests: 2 },
      no('large meeting'),
    ],
    [
      'max 4: a 1:1 title with three others is a likely 1:1 with the one the title names',
      { title: '1:1 Alice / Carol', guests: [alice, carol, dan, guest('Priya')], maxGuests: 4 },
      yes('one-on-one', 'likely', ['Carol'], 'title says 1:1, more people'),
    ],
    [
      'max 4: three others without a 1:1 title are not',
      { title: 'Weekly sync', guests: [alice, carol, dan, bob], maxGuests: 4 },
      no('more people, no 1:1 title'),
    ],
    [
      'max 4: five guests are still a large meeting',
      { title: '1:1 Alice / Carol', guests: withAlice(5, ['Carol']), maxGuests: 4 },
      no('large meeting'),
    ],
    [
      'default (3): four guests are a large meeting',
      { title: '1:1 Alice / Carol', guests: withAlice(4, ['Carol']) },
      no('large meeting'),
    ],
  ],
  'trackable: "Track as 1:1 with Bob"': [
    [
      'Lunch with Bob',
      { title: 'Lunch with Bob', guests: [alice, bob] },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
    [
      'an interview with two people',
      { title: 'Interview: Staff Eng candidate', guests: [alice, guest('Candidate')] },
      no('two people, no 1:1 title', 'Candidate'),
    ],
    [
      'three people: not trackable',
      { title: 'Weekly sync', guests: [alice, bob, carol] },
      no('three people, no 2-1 title'),
    ],
    [
      'a room does not stop it',
      { title: 'Weekly sync', guests: [alice, bob, room] },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
    ['alone: not trackable', { title: 'Weekly sync', guests: [alice] }, no('solo')],
    ['chip only: not trackable', { title: 'Weekly sync' }, no('no 1:1 convention in title')],
    [
      'a guest without an email',
      { title: 'Weekly sync', guests: [alice, person('Bob', null)] },
      no('two people, no 1:1 title', 'Bob'),
    ],
    [
      'an unread third person: not trackable',
      { title: 'Weekly sync', guests: [alice, bob], guestCount: 3 },
      no('three people, no 2-1 title'),
    ],
    [
      'the other person is unread: nobody to name',
      { title: 'Weekly sync', guests: [alice], guestCount: 2 },
      no('two people, no 1:1 title', null),
    ],
  ],
  'two others': [
    [
      'a 1:1 with a note-taking bot invited: the bot is no one',
      { title: '1:1 Alice <> Carol', guests: [alice, carol, guest('Otter.ai')] },
      yes('one-on-one', 'confirmed', ['Carol'], 'guests: one other person'),
    ],
    [
      'a two-person meeting with a note-taker: still trackable',
      { title: 'Weekly sync', guests: [alice, bob, person('Fred from Fireflies.ai', 'fred@fireflies.ai')] },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
    [
      'someone who works at a note-taking company is a person',
      { title: 'Weekly sync', guests: [alice, bob, person('Dana Lee', 'dana@fireflies.ai')] },
      no('three people, no 2-1 title'),
    ],
    [
      'a row showing only an address at such a company is a person too',
      { title: 'Weekly sync', guests: [alice, bob, person('fred@fireflies.ai', 'fred@fireflies.ai')] },
      no('three people, no 2-1 title'),
    ],
    [
      "a 1:1 with Bob's manager along",
      { title: 'Alice / Bob', guests: [alice, bob, dan] },
      yes('one-on-one', 'likely', ['Bob Jones']),
    ],
    [
      'a 1:1 title naming nobody',
      { title: '1:1', guests: [alice, bob, carol] },
      yes('one-on-one', 'likely', ['Bob Jones', 'Carol']),
    ],
    [
      'a skip-level with three',
      { title: 'Skip-level: Alice / Ivy', guests: [alice, guest('Ivy'), dan] },
      yes('skip-level', 'likely', ['Ivy']),
    ],
    [
      'two-on-one spelled out',
      { title: 'Two-on-one: Dan & Alice with Carol', guests: [alice, carol, dan] },
      yes('two-on-one', 'confirmed', ['Carol', 'Dan']),
    ],
    [
      'a 2-1 title with only one other person',
      { title: '2-1 with Carol', guests: [alice, carol] },
      yes('one-on-one', 'confirmed', ['Carol']),
    ],
    ['a 2-1 title with three others', { title: '2-1 with Carol', guests: withAlice(4) }, no('large meeting')],
  ],
  'more titles with guests': [
    [
      'Career 1:1 with Bob',
      { title: 'Career 1:1 with Bob', guests: [alice, bob] },
      yes('career', 'confirmed', ['Bob Jones']),
    ],
    [
      'Skip 1:1 with Zoe',
      { title: 'Skip 1:1 with Zoe', guests: [alice, guest('Zoe')] },
      yes('skip-level', 'confirmed', ['Zoe']),
    ],
    [
      'Peer: Alice / Evan',
      { title: 'Peer: Alice / Evan', guests: [alice, guest('Evan')] },
      yes('peer', 'confirmed', ['Evan']),
    ],
    ['O3 with Bob', { title: 'O3 with Bob', guests: [alice, bob] }, yes('one-on-one', 'confirmed')],
    ['1:1 prep on my own', { title: '1:1 prep', guests: [] }, no('solo')],
    ['Alice / Bob with nobody else', { title: 'Alice / Bob', guests: [alice] }, no('solo')],
    [
      'Holiday 1/1 with one person',
      { title: 'Holiday 1/1', guests: [alice, bob] },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
    ['Standup / Retro with eight', { title: 'Standup / Retro', guests: withAlice(8) }, no('large meeting')],
    [
      'Skip level all-hands with 40',
      { title: 'Skip level all-hands', guests: withAlice(4), guestCount: 40 },
      no('large meeting'),
    ],
  ],
};

describe('detectOneOnOne on the demo week', () => {
  it('has an expectation for every event of fixtures-index.json', () => {
    for (const event of INDEX_EVENTS) {
      expect(WITH_GUESTS).toHaveProperty([event.title]);
      expect(TITLE_ONLY).toHaveProperty([event.title]);
    }
  });

  it.each(FIXTURE_CASES)('%s', (...c) => check(c));
});

describe.each(Object.entries(CASES))('detectOneOnOne: %s', (_group, cases) => {
  it.each(cases)('%s', (...c) => check(c));
});

describe('detectOneOnOne output', () => {
  it('returns guests as counterparts with their emails', () => {
    expect(detectOneOnOne(input({ title: 'Alice / Bob', guests: [alice, bob], guestCount: 2 }))).toEqual({
      isOneOnOne: true,
      kind: 'one-on-one',
      confidence: 'confirmed',
      counterparts: [{ email: 'bob.jones@acme.example', name: 'Bob Jones' }],
      reason: 'guests: one other person',
    });
  });

  it('returns title names without emails when only the chip was seen', () => {
    const result = detectOneOnOne(input({ title: '1:1 Alice <> Carol' }));
    // Without my name set, my address stands in for it: alice@… is me.
    expect(result).toMatchObject({ counterparts: [{ email: null, name: 'Carol' }] });
    const strangers = detectOneOnOne(input({ title: '1:1 Alice <> Carol', myEmails: ['me@acme.example'] }));
    expect(strangers).toMatchObject({
      counterparts: [
        { email: null, name: 'Alice' },
        { email: null, name: 'Carol' },
      ],
    });
  });

  it('offers the trackable person with their email', () => {
    expect(detectOneOnOne(input({ title: 'Weekly sync', guests: [alice, bob] }))).toEqual({
      isOneOnOne: false,
      reason: 'two people, no 1:1 title',
      trackable: { email: 'bob.jones@acme.example', name: 'Bob Jones' },
    });
  });

  it('has at least 100 table cases', () => {
    expect(FIXTURE_CASES.length + Object.values(CASES).flat().length).toBeGreaterThanOrEqual(100);
  });
});

const MORE_CASES: Record<string, Case[]> = {
  'prep and notes blocks are not 1:1s': [
    ['1:1 prep (chip)', { title: '1:1 prep' }, no('no 1:1 convention in title')],
    ['Prep for 1:1 with Bob (chip)', { title: 'Prep for 1:1 with Bob' }, no('no 1:1 convention in title')],
    ['Prep: 1:1 Bob (chip)', { title: 'Prep: 1:1 Bob' }, no('no 1:1 convention in title')],
    ['1:1 notes (chip)', { title: '1:1 notes' }, no('no 1:1 convention in title')],
    ['Vorbereitung 1:1 (chip)', { title: 'Vorbereitung 1:1' }, no('no 1:1 convention in title')],
    ['Préparation 1:1 (chip)', { title: 'Préparation 1:1' }, no('no 1:1 convention in title')],
    [
      'Prep for 1:1 with Bob, Bob invited: only trackable',
      { title: 'Prep for 1:1 with Bob', guests: [alice, bob] },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
  ],
  'O3 only as a 1:1 title': [
    [
      'O3 model review, two people',
      { title: 'O3 model review', guests: [alice, bob] },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
    [
      'O3 budget, two people',
      { title: 'O3 budget', guests: [alice, bob] },
      no('two people, no 1:1 title', 'Bob Jones'),
    ],
    [
      'O3: Bob, two people',
      { title: 'O3: Bob', guests: [alice, bob] },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    ['Bob O3 (chip)', { title: 'Bob O3' }, yes('one-on-one', 'likely', ['Bob'])],
  ],
  'words in the title that are not the counterpart': [
    ['Bi-weekly 1:1 (chip)', { title: 'Bi-weekly 1:1' }, yes('one-on-one', 'likely', [])],
    ['Friday 1:1 (chip)', { title: 'Friday 1:1' }, yes('one-on-one', 'likely', [])],
    ['Manager 1:1 (chip)', { title: 'Manager 1:1' }, yes('one-on-one', 'likely', [])],
    ['Hold: 1:1 Bob (chip)', { title: 'Hold: 1:1 Bob' }, yes('one-on-one', 'likely', ['Bob'])],
    [
      'Updated invitation: 1:1 Bob (chip)',
      { title: 'Updated invitation: 1:1 Bob' },
      yes('one-on-one', 'likely', ['Bob']),
    ],
  ],
  'my own name in the title (chip only)': [
    [
      'Alice / Bob, I am Alice Smith',
      { title: 'Alice / Bob', myName: 'Alice Smith' },
      yes('one-on-one', 'likely', ['Bob'], 'title convention'),
    ],
    [
      'Alice / Bob, I am Bob',
      { title: 'Alice / Bob', myName: 'bob' },
      yes('one-on-one', 'likely', ['Alice']),
    ],
    [
      'accents and letter case do not matter',
      { title: 'Éloïse / Frédéric', myName: 'eloise Martin' },
      yes('one-on-one', 'likely', ['Frédéric']),
    ],
    [
      'a name that only starts like mine is not me',
      { title: '1:1 Alicia / Bob', myName: 'Alice' },
      yes('one-on-one', 'likely', ['Alicia', 'Bob']),
    ],
    [
      'no name in settings, an address that names no one: both',
      { title: '1:1 Alice / Bob', myName: '', myEmails: ['a.s@acme.example'] },
      yes('one-on-one', 'likely', ['Alice', 'Bob']),
    ],
    [
      'no name in settings: my address’s first word stands in (alice.smith@… is Alice)',
      { title: 'Alice / Bob', myName: '', myEmails: ['alice.smith@acme.example'] },
      yes('one-on-one', 'likely', ['Bob']),
    ],
    [
      'no name: a Gmail address without its dots (alicesmith@…) still points at Alice',
      { title: '1:1 with Alice', myName: '', myEmails: ['alicesmith@gmail.com'] },
      yes('one-on-one', 'likely', []),
    ],
    [
      'no name: a hyphenated first name in the address (jean-pierre.dupont@…)',
      { title: 'Jean-Pierre / Marc', myName: '', myEmails: ['jean-pierre.dupont@acme.example'] },
      yes('one-on-one', 'likely', ['Marc']),
    ],
    [
      'no name: an address that could be either name (lee.sam@…, "Sam / Lee") drops neither',
      { title: 'Sam / Lee', myName: '', myEmails: ['lee.sam@acme.example'] },
      yes('one-on-one', 'likely', ['Sam', 'Lee']),
    ],
    [
      'no name: the start of an address is no name outside Gmail (danielle@… is not Dan)',
      { title: '1:1 with Dan', myName: '', myEmails: ['danielle@acme.example'] },
      yes('one-on-one', 'likely', ['Dan']),
    ],
    [
      'no name: the address’s whole word decides (christina@…: Christina, not Chris)',
      { title: 'Chris / Christina', myName: '', myEmails: ['christina@acme.example'] },
      yes('one-on-one', 'likely', ['Chris']),
    ],
    [
      'a name in settings wins over the address',
      { title: 'Alice / Bob', myName: 'Bob', myEmails: ['alice.smith@acme.example'] },
      yes('one-on-one', 'likely', ['Alice']),
    ],
    [
      '1:1 Alice <> Carol, I am Alice',
      { title: '1:1 Alice <> Carol', myName: 'Alice' },
      yes('one-on-one', 'likely', ['Carol']),
    ],
    [
      'the user said peer, chip only',
      { title: 'Coffee chat: Alice + Grace', override: { kind: 'peer' }, myName: 'Alice Smith' },
      yes('peer', 'confirmed', ['Grace']),
    ],
    [
      'guests known: the guests decide, not my name',
      { title: 'Alice / Bob', guests: [alice, bob], myName: 'Alice' },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
    [
      'the other row unread: names from the title, without me',
      { title: 'Alice / Bob', guests: [alice], guestCount: 2, myName: 'Alice' },
      yes('one-on-one', 'likely', ['Bob']),
    ],
  ],
  'another person’s calendar': [
    [
      'a 1:1 title with one other person',
      { title: 'Bob / Carol', guests: [bob, carol], othersCalendar: true },
      no('another person’s calendar'),
    ],
    ['chip only', { title: '1:1 Bob <> Carol', othersCalendar: true }, no('another person’s calendar')],
    [
      'a linked series does not make it mine',
      { title: 'Bob / Carol', othersCalendar: true, linked: { kind: 'one-on-one' } },
      no('another person’s calendar'),
    ],
    [
      'the user’s word for the series does',
      { title: 'Bob / Carol', guests: [bob, carol], othersCalendar: true, override: { kind: 'peer' } },
      yes('peer', 'confirmed', undefined, 'user said so'),
    ],
    [
      '"not a 1:1" still says so',
      { title: 'Bob / Carol', othersCalendar: true, override: 'not-one-on-one' },
      no('user said not a 1:1'),
    ],
    [
      'my own calendar (the default)',
      { title: 'Alice / Bob', guests: [alice, bob], othersCalendar: false },
      yes('one-on-one', 'confirmed', ['Bob Jones']),
    ],
  ],
};

describe.each(Object.entries(MORE_CASES))('detectOneOnOne: %s', (_group, cases) => {
  it.each(cases)('%s', (...c) => check(c));
});
