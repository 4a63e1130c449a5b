import { describe, expect, it } from 'vitest';
import { readCallState, readMeetingCode, readMeetingTitle } from '@/lib/google/meet/read-call';
import { type FixtureName, fixturesIndex, loadFixture } from '../../helpers/fixtures';

const CODE = fixturesIndex.meet.code;

function docWith(title: string, build: (doc: Document) => void = () => {}): Document {
  const doc = new DOMParser().parseFromString(
    '<!DOCTYPE html><html><head><title></title></head><body></body></html>',
    'text/html',
  );
  doc.title = title;
  build(doc);
  return doc;
}

describe('readMeetingCode', () => {
  it.each<[string, string | null]>([
    ['/abc-defg-hij', 'abc-defg-hij'],
    ['/abc-defg-hij/', 'abc-defg-hij'],
    ['/abc-defg-hij?authuser=0', 'abc-defg-hij'],
    ['/abc-defg-hij#chat', 'abc-defg-hij'],
    ['/xyz-abcd-efg/extra', 'xyz-abcd-efg'],
  ])('%s → %s', (path, code) => {
    expect(readMeetingCode(path)).toBe(code);
  });

  it.each([
    '',
    '/',
    '/landing',
    '/new',
    '/lookup/abc-defg-hij',
    'abc-defg-hij',
    '/ABC-DEFG-HIJ',
    '/abc-defg-hijk',
    '/abcd-defg-hij',
    '/ab-defg-hij',
    '/abc-def-hij',
    '/abc_defg_hij',
    '/abc-defg-hi1',
    '/abc-defg-hij.evil',
    '//abc-defg-hij',
    '/abc-défg-hij',
  ])('%j → null', (path) => {
    expect(readMeetingCode(path)).toBeNull();
  });
});

describe('readCallState on the fixtures', () => {
  const expected: Record<string, string> = { prejoin: 'prejoin', in_call: 'in-call', ended: 'ended' };

  it.each(Object.entries(fixturesIndex.meet.states))('%s → %s', (fixture, state) => {
    expect(readCallState(loadFixture(fixture as FixtureName))).toBe(expected[state]);
  });

  it('an empty page is prejoin (nothing says in-call or ended)', () => {
    expect(readCallState(docWith('Meet'))).toBe('prejoin');
  });

  it('participant tiles win over a lingering end screen', () => {
    const doc = docWith('Meet', (d) => {
      const end = d.createElement('div');
      end.className = 'roSPhc';
      const tile = d.createElement('div');
      tile.setAttribute('data-participant-id', 'spaces/x/devices/y');
      d.body.append(end, tile);
    });
    expect(readCallState(doc)).toBe('in-call');
  });
});

describe('readMeetingTitle', () => {
  it('reads [data-meeting-title] in the call', () => {
    expect(readMeetingTitle(loadFixture('meet-call.html'), CODE)).toBe(fixturesIndex.meet.title);
  });

  it('gives "" on the prejoin page, whose title is only the code', () => {
    const doc = loadFixture('meet-prejoin.html');
    expect(doc.title).toBe(`Meet - ${CODE}`);
    expect(readMeetingTitle(doc, CODE)).toBe('');
  });

  it('gives "" on the end screen, whose title is just "Meet"', () => {
    expect(readMeetingTitle(loadFixture('meet-ended.html'), CODE)).toBe('');
  });

  it.each<[string, string]>([
    ['Meet – Alice / Bob', 'Alice / Bob'],
    ['Meet — Alice / Bob', 'Alice / Bob'],
    ['Meet - Alice / Bob', 'Alice / Bob'],
    ['Meet-Alice / Bob', 'Alice / Bob'],
    ['Alice / Bob', 'Alice / Bob'],
    ['  Meet –   Weekly 1:1  ', 'Weekly 1:1'],
  ])('document.title %j → %j', (title, expected) => {
    expect(readMeetingTitle(docWith(title), CODE)).toBe(expected);
  });

  it('prefers the attribute over document.title', () => {
    const doc = docWith('Meet – Old title', (d) => {
      const el = d.createElement('div');
      el.setAttribute('data-meeting-title', '  New title ');
      d.body.append(el);
    });
    expect(readMeetingTitle(doc, CODE)).toBe('New title');
  });

  it('never returns the bare code, from either source', () => {
    expect(readMeetingTitle(docWith(`Meet – ${CODE}`), CODE)).toBe('');
    const doc = docWith('Meet', (d) => {
      const el = d.createElement('div');
      el.setAttribute('data-meeting-title', CODE);
      d.body.append(el);
    });
    expect(readMeetingTitle(doc, CODE)).toBe('');
  });

  it('caps the title at 1024 characters', () => {
    expect(readMeetingTitle(docWith(`Meet – ${'x'.repeat(5000)}`), CODE)).toHaveLength(1024);
  });

  it('keeps markup as plain text', () => {
    expect(readMeetingTitle(docWith('Meet – <img src=x onerror=alert(1)>'), null)).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});
