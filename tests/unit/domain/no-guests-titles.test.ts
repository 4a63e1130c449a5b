/**
 * Events without guests kept a title-only "likely" badge forever: their popover has no guest section, so their
 * guests stay unknown and the title alone decided. Blocks of my own that look like a name pair ("Gym /
 * Errands", "SFO / NYC"), booking slots ("Open 1:1 slots", "1:1 booking") and to-dos about 1:1s ("Send 1:1
 * agenda", "Book a 1:1 with Alice") are no 1:1s.
 */
import { describe, expect, it } from 'vitest';
import { detectOneOnOne } from '@/lib/domain/detection';
import type { DetectionInput } from '@/lib/domain/detection-types';
import { classifyTitle, isToDoTitle } from '@/lib/domain/one-on-one-title';

const chip = (title: string, over: Partial<DetectionInput> = {}): DetectionInput => ({
  title,
  allDay: false,
  response: 'accepted',
  guests: null,
  guestCount: null,
  myEmails: ['alice@acme.example'],
  override: null,
  linked: null,
  ...over,
});

describe('a bare name pair while the guests are unknown', () => {
  it.each(['Gym / Errands', 'Deep Work / Admin', 'SFO / NYC', 'Frontend / Backend', 'Berlin / London'])(
    '%s, naming neither me: no badge once my name is set (my addresses alone cannot tell)',
    (title) => {
      expect(detectOneOnOne(chip(title, { myName: 'Alice Smith' }))).toMatchObject({ isOneOnOne: false });
      expect(detectOneOnOne(chip(title))).toMatchObject({ isOneOnOne: true, confidence: 'likely' });
    },
  );

  it.each([
    ['Alice / Bob', {}],
    ['Bob / Alice', { myName: 'Alice Smith' }],
    ['Ali <> Bob', {}],
    ['Peer: Alice / Evan', {}],
    ['Alice / Bob (weekly)', { myName: 'Alice' }],
    ['Skip-level: Alice / Ivy', {}],
  ] as const)('%s, naming me on one side: likely', (title, over) => {
    expect(detectOneOnOne(chip(title, over))).toMatchObject({ isOneOnOne: true, confidence: 'likely' });
  });

  it('a 1:1 marker is enough without naming me (a slot handed on)', () => {
    expect(detectOneOnOne(chip('1:1 Bob <> Carol'))).toMatchObject({ isOneOnOne: true });
    expect(detectOneOnOne(chip('Bob 1:1'))).toMatchObject({ isOneOnOne: true });
  });

  it('knowing nothing of me (no name, no address): a bare pair is badged likely', () => {
    expect(detectOneOnOne(chip('Alice / Bob', { myEmails: [] }))).toMatchObject({
      isOneOnOne: true,
      confidence: 'likely',
    });
  });

  it('once guests are known, the guests decide as before', () => {
    const me = {
      email: 'alice@acme.example',
      name: 'Alice',
      organizer: true,
      kind: 'person',
      response: 'accepted',
    } as const;
    const sam = { ...me, email: 'sam@acme.example', name: 'Sam', organizer: false };
    expect(detectOneOnOne(chip('Gym / Errands', { guests: [me] }))).toMatchObject({ reason: 'solo' });
    expect(detectOneOnOne(chip('Frontend / Backend', { guests: [me, sam] }))).toMatchObject({
      isOneOnOne: true,
      confidence: 'likely',
    });
  });
});

describe('booking slots and to-dos about 1:1s are not 1:1s', () => {
  it.each(['Open 1:1 slots', '1:1 slot', 'Available for 1:1s', '1:1 availability', '1:1 booking'])(
    '%s',
    (title) => {
      expect(classifyTitle(title)).toBeNull();
      expect(detectOneOnOne(chip(title))).toMatchObject({ isOneOnOne: false });
    },
  );

  // To-dos are 1:1 titles (with the person invited, the meeting); a chip alone does not badge them.
  it.each([
    'Book a 1:1 with Alice',
    'Book 1:1 with Bob',
    'Send 1:1 agenda',
    'Schedule 1:1s',
    'Schedule a 1:1 with Bob',
    'Review 1:1 feedback',
    'Prepare 1:1 with Bob',
    'Send the 1:1 invite to Bob',
  ])('%s (a to-do)', (title) => {
    expect(isToDoTitle(title)).toBe(true);
    expect(detectOneOnOne(chip(title))).toMatchObject({ isOneOnOne: false });
  });

  it('a prep verb stays solo work whatever the guests', () => {
    expect(classifyTitle('Prepare 1:1 with Bob')).toBeNull();
  });

  it.each([
    ['1:1 with Bob', 'one-on-one'],
    ['Performance review 1:1', 'one-on-one'],
    ['Notebook review 1:1', 'one-on-one'],
    ['1:1 Bob - peer review', 'one-on-one'],
    ['Bob 1:1 (booked via Calendly)', 'one-on-one'],
    ['Alice / Bob 1:1', 'one-on-one'],
  ])('still a 1:1: %s', (title, kind) => {
    expect(classifyTitle(title)).toEqual({ kind });
  });
});
