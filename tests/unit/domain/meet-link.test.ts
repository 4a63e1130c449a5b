/** Linking a Meet call to a 1:1: code, then title, then the one other participant — never a guess. */
import { describe, expect, it } from 'vitest';
import { linkCandidate } from '../helpers/background';
import {
  type CallFacts,
  foldName,
  ignoredCallKey,
  linkCall,
  type LinkCandidate,
} from '@/lib/domain/meet-link';
import { isNoteTaker } from '@/lib/domain/note-takers';

const CODE = 'abc-defg-hij';
const call = (overrides: Partial<CallFacts> = {}): CallFacts => ({
  meetingCode: CODE,
  title: '',
  others: [],
  ...overrides,
});

const BOB = linkCandidate('r-bob', ['Bob Jones'], { title: 'Alice / Bob' });
const SAM = linkCandidate('r-sam', ['Sam Lee'], { title: 'Sam <> Alice', meetCodes: ['xyz-wxyz-xyz'] });
const PRIYA = linkCandidate('r-priya', ['Priya Natarajan'], { title: 'Priya 1:1' });

describe('linkCall', () => {
  it('a remembered Meet code wins over the title and over a participant Duet does not know', () => {
    const bob = linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE] });
    const linked = { kind: 'linked', relationshipId: 'r-bob', via: 'meet-code' };
    expect(linkCall(call({ title: 'Sam <> Alice' }), [bob, SAM], [])).toEqual(linked);
    // Meet may show Bob under another name ("Robert J."): the code still says whose 1:1 this is.
    expect(linkCall(call({ title: 'Sam <> Alice', others: ['Robert J.'] }), [bob, SAM], [])).toEqual(linked);
    expect(linkCall(call({ others: ['Bob Jones', 'Sam Lee'] }), [bob, SAM], [])).toEqual(linked);
  });

  it("one meeting room used for someone else's call: the code's 1:1 is not with them, theirs decides", () => {
    // My personal Meet room is in Bob's 1:1 invite; today Sam, whose 1:1 Duet knows, joins it instead.
    const bob = linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE] });
    expect(linkCall(call({ others: ['Sam Lee'] }), [bob, SAM], [])).toEqual({
      kind: 'linked',
      relationshipId: 'r-sam',
      via: 'participant',
    });
    expect(linkCall(call({ others: ['Sam'] }), [bob, SAM], [])).toMatchObject({ relationshipId: 'r-sam' });
    // Bob is there too: still his.
    expect(linkCall(call({ others: ['Bob', 'Sam Lee'] }), [bob, SAM], [])).toMatchObject({
      relationshipId: 'r-bob',
    });
    // The user has just said this call is Bob's: the code decides, whoever is there.
    expect(linkCall(call({ others: ['Sam Lee'] }), [bob, SAM], [], { trustCode: true })).toEqual({
      kind: 'linked',
      relationshipId: 'r-bob',
      via: 'meet-code',
    });
  });

  it('two relationships holding one code: the most recently updated', () => {
    const old = linkCandidate('r-old', ['Bob Jones'], { meetCodes: [CODE], updatedAt: 5 });
    const recent = linkCandidate('r-new', ['Bob Jones'], { meetCodes: [CODE], updatedAt: 9 });
    expect(linkCall(call(), [old, recent], [])).toMatchObject({ relationshipId: 'r-new' });
  });

  it('one meeting room for several 1:1s: the one whose person is in the call, else no guess', () => {
    // Bob's 1:1 was updated last; Alice Lee is the one in the call.
    const alice = linkCandidate('r-alice', ['Alice Lee'], { meetCodes: [CODE], updatedAt: 5 });
    const bob = linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE], updatedAt: 9 });
    expect(linkCall(call({ others: ['Alice Lee'] }), [alice, bob], [])).toEqual({
      kind: 'linked',
      relationshipId: 'r-alice',
      via: 'meet-code',
    });
    expect(linkCall(call({ others: ['Bob'] }), [alice, bob], [])).toMatchObject({ relationshipId: 'r-bob' });
    // Nobody else has joined yet, or someone neither 1:1 is with: nothing is guessed.
    expect(linkCall(call(), [alice, bob], [])).toEqual({ kind: 'none' });
    expect(linkCall(call({ others: ['Dana Wu'] }), [alice, bob], [])).toEqual({
      kind: 'trackable',
      name: 'Dana Wu',
    });
    // The series' title still tells them apart.
    const titled = { ...alice, relationship: { ...alice.relationship, title: 'Alice / Me' } };
    expect(linkCall(call({ title: 'Alice / Me' }), [titled, bob], [])).toMatchObject({
      relationshipId: 'r-alice',
      via: 'title',
    });
  });

  it('then the title of a known series, case- and accent-insensitively', () => {
    expect(linkCall(call({ title: 'alice / BOB' }), [BOB, SAM, PRIYA], [])).toEqual({
      kind: 'linked',
      relationshipId: 'r-bob',
      via: 'title',
    });
    const zoe = linkCandidate('r-zoe', ['Zoë'], { title: 'Zoë x Alice' });
    expect(linkCall(call({ title: 'Zoe x Alice' }), [zoe], [])).toMatchObject({ via: 'title' });
  });

  it('a title two series share is no proof', () => {
    const a = linkCandidate('r-a', ['Ann'], { title: 'Weekly 1:1' });
    const b = linkCandidate('r-b', ['Ben'], { title: 'Weekly 1:1' });
    expect(linkCall(call({ title: 'Weekly 1:1' }), [a, b], [])).toEqual({ kind: 'none' });
    expect(linkCall(call({ title: 'Weekly 1:1', others: ['Ben'] }), [a, b], [])).toMatchObject({
      relationshipId: 'r-b',
      via: 'participant',
    });
  });

  it('the bare Meet code as a title proves nothing', () => {
    const odd = linkCandidate('r-odd', ['X'], { title: CODE });
    expect(linkCall(call({ title: CODE }), [odd], [])).toEqual({ kind: 'none' });
  });

  it('then exactly one other participant whose full name is a person', () => {
    expect(linkCall(call({ others: ['Priya Natarajan'] }), [BOB, SAM, PRIYA], [])).toEqual({
      kind: 'linked',
      relationshipId: 'r-priya',
      via: 'participant',
    });
  });

  it('a first name alone links only when exactly one person has it', () => {
    expect(linkCall(call({ others: ['Priya'] }), [BOB, PRIYA], [])).toMatchObject({
      relationshipId: 'r-priya',
    });
    const priya2 = linkCandidate('r-priya2', ['Priya Shah']);
    expect(linkCall(call({ others: ['Priya'] }), [PRIYA, priya2], [])).toEqual({ kind: 'none' });
  });

  it('a participant shown with a full name links a person stored by first name only', () => {
    const kim = linkCandidate('r-kim', ['Kim']);
    expect(linkCall(call({ others: ['Kim Park'] }), [kim], [])).toMatchObject({ relationshipId: 'r-kim' });
  });

  it('a person with a 1:1 and a skip-level: the plain 1:1', () => {
    const skip = linkCandidate('r-skip', ['Bob Jones'], { kind: 'skip-level' });
    expect(linkCall(call({ others: ['Bob Jones'] }), [skip, BOB], [])).toMatchObject({
      relationshipId: 'r-bob',
    });
  });

  it('one unknown other participant: offer to track, with the name as Meet shows it', () => {
    expect(linkCall(call({ others: ['Dana Whitfield'] }), [BOB, SAM], [])).toEqual({
      kind: 'trackable',
      name: 'Dana Whitfield',
    });
  });

  it('the same person twice (two devices) is one participant', () => {
    expect(linkCall(call({ others: ['Bob Jones', 'bob jones'] }), [BOB], [])).toMatchObject({
      relationshipId: 'r-bob',
    });
  });

  it('nobody else, or several others: nothing', () => {
    expect(linkCall(call(), [BOB], [])).toEqual({ kind: 'none' });
    expect(linkCall(call({ others: ['Bob Jones', 'Sam Lee'] }), [BOB, SAM], [])).toEqual({ kind: 'none' });
  });

  it('note-taking bots in the call are not participants', () => {
    expect(linkCall(call({ others: ['Bob Jones', 'Fireflies.ai Notetaker'] }), [BOB], [])).toEqual({
      kind: 'linked',
      relationshipId: 'r-bob',
      via: 'participant',
    });
    expect(linkCall(call({ others: ['Otter.ai', 'Dana Whitfield', 'tl;dv Recorder'] }), [BOB], [])).toEqual({
      kind: 'trackable',
      name: 'Dana Whitfield',
    });
    // A bot alone is nobody to track.
    expect(linkCall(call({ others: ['Read.ai meeting notes'] }), [BOB], [])).toEqual({ kind: 'none' });
  });

  it.each([
    'Fireflies.ai Notetaker',
    'Fathom Notetaker',
    'Avoma Note-Taker',
    'Otter.ai',
    "Dana's OtterPilot",
    'Read.ai meeting notes',
    'Sembly.ai',
    'tl;dv',
    'tldv Notetaker',
    'MeetGeek',
    'Meeting Bot',
    'Notta Bot',
    'Gong Recorder',
    'Team notes (Bot)',
  ])('%s is a note-taker', (name) => {
    expect(isNoteTaker(name)).toBe(true);
  });

  it.each([
    'Abbot Smith',
    'Bo Tran',
    'Gong Li',
    'Otter Smith',
    'Reade Fathom',
    'Botond Kiss',
    'Ada Lovelace',
    // Bot is a Dutch surname; Recorder an English one.
    'Ben Bot',
    'Jan de Bot',
    'Marieke Bot',
    'Anna Recorder',
  ])('%s is a person', (name) => {
    expect(isNoteTaker(name)).toBe(false);
  });

  it("a call with a 2-1's two people links that 2-1, and only with both of them", () => {
    const pair = linkCandidate('r-pair', ['Dana Lee', 'Carol Diaz'], { kind: 'two-on-one' });
    const dana = linkCandidate('r-dana', ['Dana Lee']);
    const linked = { kind: 'linked', relationshipId: 'r-pair', via: 'participant' };
    expect(linkCall(call({ others: ['Carol Diaz', 'Dana Lee'] }), [pair, dana], [])).toEqual(linked);
    expect(linkCall(call({ others: ['Dana', 'Carol Diaz', 'Fireflies.ai Notetaker'] }), [pair], [])).toEqual(
      linked,
    );
    // One of them with someone else, or the same person on two devices: not the 2-1.
    expect(linkCall(call({ others: ['Dana Lee', 'Eve Moss'] }), [pair, dana], [])).toEqual({ kind: 'none' });
    expect(linkCall(call({ others: ['Dana Lee', 'Dana'] }), [pair], [])).toEqual({ kind: 'none' });
    // Dana alone is her own 1:1, not the 2-1.
    expect(linkCall(call({ others: ['Dana Lee'] }), [pair, dana], [])).toMatchObject({
      relationshipId: 'r-dana',
    });
    // Two 2-1s with the same pair: no guess.
    const twin = linkCandidate('r-twin', ['Dana Lee', 'Carol Diaz'], { kind: 'two-on-one' });
    expect(linkCall(call({ others: ['Dana Lee', 'Carol Diaz'] }), [pair, twin], [])).toEqual({
      kind: 'none',
    });
  });

  it('two unknown others in a call titled as a 2-1: offer to track it (the first named; the panel adds the other)', () => {
    // The same one whatever order Meet shows the tiles in (they move as people speak).
    const offer = { kind: 'trackable', name: 'Carol Diaz' };
    const title = 'Dana & Carol 2-1';
    expect(linkCall(call({ title, others: ['Dana Lee', 'Carol Diaz'] }), [BOB], [])).toEqual(offer);
    expect(linkCall(call({ title, others: ['Otter.ai', 'Carol Diaz', 'Dana Lee'] }), [BOB], [])).toEqual(
      offer,
    );
    // Without a 2-1 title, three people are a meeting.
    expect(linkCall(call({ title: 'Planning', others: ['Dana Lee', 'Carol Diaz'] }), [BOB], [])).toEqual({
      kind: 'none',
    });
  });

  it('"Not a 1:1" remembered for this call overrides even a remembered code', () => {
    const bob = linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE] });
    expect(linkCall(call({ others: ['Bob Jones'] }), [bob], [ignoredCallKey(CODE)])).toEqual({
      kind: 'none',
    });
    expect(linkCall(call({ others: ['Bob Jones'] }), [bob], [ignoredCallKey('xyz-wxyz-xyz')])).toMatchObject({
      kind: 'linked',
    });
  });

  it('archived relationships and archived people never link', () => {
    const archived = linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE], archived: true });
    expect(linkCall(call({ others: ['Bob Jones'] }), [archived], [])).toEqual({
      kind: 'trackable',
      name: 'Bob Jones',
    });
    const gone: LinkCandidate = { ...BOB, people: [{ name: 'Bob Jones', archived: true }] };
    expect(linkCall(call({ others: ['Bob Jones'] }), [gone], [])).toMatchObject({ kind: 'trackable' });
  });
});

describe('foldName', () => {
  it('folds case, accents, punctuation and spacing', () => {
    expect(foldName('  Zoë   O’Neil ')).toBe('zoe o neil');
    expect(foldName('JOSÉ')).toBe('jose');
    expect(foldName('Bob (You)')).toBe('bob you');
  });
});
