/**
 * What the review of the no-guests and more-languages changes found:
 * - a bare name pair on a chip (guests unknown) lost its badge whenever my address does not start with my
 *   first name ("asmith@") and my name is not set: only my name, once set, may veto it;
 * - a to-do verb ("Review 1:1 with Bob", "Book 1:1") vetoed the 1:1 even with me and Bob as guests: it only
 *   speaks while the guests are unknown (or nobody else is invited);
 * - "Sessão 1:1 com Bob", "Sesión 1:1", "Sessione 1:1" and "1:1 室長" were no 1:1s.
 */
import { describe, expect, it } from 'vitest';
import { detectOneOnOne, titleSaysOneOnOne } from '@/lib/domain/detection';
import type { DetectionGuest, DetectionInput } from '@/lib/domain/detection-types';
import { classifyTitle, isToDoTitle, titleNames } from '@/lib/domain/one-on-one-title';

const row = (name: string, email: string, organizer = false): DetectionGuest => ({
  email,
  name,
  organizer,
  kind: 'person',
  response: 'accepted',
});
const ME = row('Alice Smith', 'asmith@acme.example', true);
const BOB = row('Bob Jones', 'bob@acme.example');

const event = (title: string, over: Partial<DetectionInput> = {}): DetectionInput => ({
  title,
  allDay: false,
  response: 'accepted',
  guests: null,
  guestCount: null,
  myEmails: ['asmith@acme.example'],
  override: null,
  linked: null,
  ...over,
});

describe('a bare name pair while the guests are unknown: only my name, once set, vetoes it', () => {
  it.each([
    ['Alice / Bob', ['asmith@acme.example']],
    ['Alice / Bob', ['a.smith@acme.example']],
    ['Alice / Bob', ['alice@acme.example']],
    ['Liz / Bob', ['elizabeth@acme.example']],
    ['Bob <> Carol', ['asmith@acme.example']],
    ['Alice / Bob', []],
  ] as const)('%s, my addresses %j, no name set: likely, as before', (title, myEmails) => {
    expect(detectOneOnOne(event(title, { myEmails }))).toMatchObject({
      isOneOnOne: true,
      confidence: 'likely',
    });
    expect(detectOneOnOne(event(title, { myEmails, myName: '' }))).toMatchObject({ isOneOnOne: true });
  });

  it.each([
    ['Alice / Bob', 'Alice Smith'],
    ['Bob / Alice', 'alice smith'],
    ['Éloïse / Bob', 'Eloise Martin'],
    ['Ali <> Bob', 'Alistair Brown'],
    ['Mary Ann / Bob', 'Mary Ann'],
  ] as const)('%s names me (%s): likely', (title, myName) => {
    expect(detectOneOnOne(event(title, { myName }))).toMatchObject({
      isOneOnOne: true,
      confidence: 'likely',
    });
  });

  it.each([
    ['Gym / Errands', 'Alice Smith'],
    ['Liz / Bob', 'Elizabeth Smith'],
    ['SFO / NYC', 'Alice'],
    ['Dana / Evan', 'Alice Smith'],
  ] as const)('%s with my name set (%s) and naming neither side: no badge', (title, myName) => {
    expect(detectOneOnOne(event(title, { myName }))).toMatchObject({
      isOneOnOne: false,
      reason: 'a name pair without me, guests unknown',
    });
  });
});

describe('a to-do verb before the 1:1 marker vetoes it only while nobody else is known to be invited', () => {
  const TODO_TITLES = ['Review 1:1 with Bob', 'Schedule 1:1 with Bob', 'Book 1:1', 'Send 1:1 agenda'];

  it.each(TODO_TITLES)('%s with me and Bob as guests: a confirmed 1:1', (title) => {
    expect(detectOneOnOne(event(title, { guests: [ME, BOB], guestCount: 2 }))).toMatchObject({
      isOneOnOne: true,
      kind: 'one-on-one',
      confidence: 'confirmed',
    });
  });

  it.each(TODO_TITLES)('%s is still the title of a 1:1 (a re-sent series is linked by it)', (title) => {
    expect(titleSaysOneOnOne(title)).toBe(true);
    expect(classifyTitle(title)).toEqual({ kind: 'one-on-one' });
    expect(isToDoTitle(title)).toBe(true);
  });

  it.each(TODO_TITLES)('%s on a chip (guests unknown) or alone: no badge', (title) => {
    expect(detectOneOnOne(event(title))).toMatchObject({ isOneOnOne: false });
    expect(detectOneOnOne(event(title, { guests: [ME], guestCount: 1 }))).toMatchObject({
      isOneOnOne: false,
    });
  });

  it.each(['1:1 with Bob', 'Performance review 1:1', 'Bob 1:1', 'Alice / Bob'])('%s is no to-do', (title) => {
    expect(isToDoTitle(title)).toBe(false);
  });

  it('the user’s own title word still counts on a to-do chip', () => {
    expect(detectOneOnOne(event('Book 1:1', { extraKeywords: ['book 1:1'] }))).toMatchObject({
      isOneOnOne: true,
    });
  });
});

describe('session words in es/pt/it: numbering only before "1-1", not "1:1"', () => {
  it.each([
    ['Sessão 1:1 com Bob', ['Bob']],
    ['Sesión 1:1 con Bob', ['Bob']],
    ['Sessione 1:1 con Bob', ['Bob']],
    ['Sesión 1:1', []],
    ['Sessão 1:1', []],
    ['Sessione 1:1', []],
    ['1:1 com Bob', ['Bob']],
  ] as const)('%s is a 1:1', (title, names) => {
    expect(classifyTitle(title)).toEqual({ kind: 'one-on-one' });
    expect(titleNames(title)).toEqual(names);
  });

  it.each(['Sesión 1-1', 'Sessão 1-1', 'Sessione 1-1', 'Sesión 1–1', 'Fase 1-1'])(
    '%s is numbering',
    (title) => {
      expect(classifyTitle(title)).toBeNull();
    },
  );

  it('a chip "Sessão 1:1 com Bob" is badged likely with Bob', () => {
    const result = detectOneOnOne(event('Sessão 1:1 com Bob'));
    expect(result).toMatchObject({ isOneOnOne: true, confidence: 'likely' });
    expect(result.isOneOnOne && result.counterparts.map((c) => c.name)).toEqual(['Bob']);
  });
});

describe('a room, floor or building after the number, not a bare 室 or 号 starting a word', () => {
  it.each(['1:1 室長', '1on1 室長', '1-1 室長と', '1:1 号令'])('%s is a 1:1', (title) => {
    expect(classifyTitle(title)).toEqual({ kind: 'one-on-one' });
  });

  it.each(['1-1会議室', '1-1号室', '1-1号館', '1-1階', '1-1室', '1-1号', '1-1教室'])(
    '%s is a place',
    (title) => {
      expect(classifyTitle(title)).toBeNull();
    },
  );
});
