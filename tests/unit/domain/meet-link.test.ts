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
  it('a remembered Meet code wins over everything else', () => {
    const bob = linkCandidate('r-bob', ['Bob Jones'], { meetCodes: [CODE] });
    expect(linkCall(call({ title: 'Sam <> Alice', others: ['Sam Lee'] }), [bob, SAM], [])).toEqual({
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
