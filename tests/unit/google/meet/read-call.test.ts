import { describe, expect, it } from 'vitest';
import {
  cleanParticipantName,
  MAX_MEET_PARTICIPANTS,
  MAX_NAME_LENGTH,
  readCallState,
  readMeetingCode,
  readMeetingTitle,
  readMeetSnapshot,
  readParticipants,
  readPresenting,
} from '@/lib/google/meet/read-call';
import { fixturesIndex, loadFixture, MEET_FIXTURES, meetTruth } from '../../helpers/fixtures';

const CODE = fixturesIndex.meet.code;
const SPACE = 'spaces/vXq8Lm2RtYpA/devices/';
const ALICE = `${SPACE}0d9e4b31-77a2-4f5c-b6e8-2a1c9f3e5d08`;
const BOB = `${SPACE}6f1c2a90-3b7e-4d2a-9c11-8e0b5a7d4c21`;

function docWith(title: string, build: (doc: Document) => void = () => {}): Document {
  const doc = new DOMParser().parseFromString(
    '<!DOCTYPE html><html><head><title></title></head><body></body></html>',
    'text/html',
  );
  doc.title = title;
  build(doc);
  return doc;
}

/** A page from plain markup, built with DOM calls only (no HTML parsing of names). */
function el(doc: Document, tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

interface TileSpec {
  id: string;
  name?: string;
  media?: string;
  selfName?: string;
  icons?: string[];
}

const tile = (doc: Document, { id, name, media, selfName, icons = [] }: TileSpec) =>
  el(
    doc,
    'div',
    { 'data-participant-id': id, ...(media ? { 'data-tile-media-id': media } : {}) },
    ...(name === undefined
      ? []
      : [
          el(
            doc,
            'div',
            { 'data-tooltip-id': 't', 'data-tooltip-anchor-boundary-type': '0' },
            el(doc, 'span', { class: 'notranslate' }, name),
          ),
        ]),
    ...(selfName === undefined ? [] : [el(doc, 'div', { 'data-self-name': selfName })]),
    ...icons.map((icon) => el(doc, 'i', { class: 'google-symbols notranslate' }, icon)),
  );

interface RowSpec {
  name: string;
  id?: string;
  lines?: string[];
  noNameElement?: boolean;
}

const row = (doc: Document, { name, id, lines = [], noNameElement }: RowSpec) =>
  el(
    doc,
    'div',
    { role: 'listitem', 'aria-label': name, ...(id ? { 'data-participant-id': id } : {}) },
    el(
      doc,
      'div',
      {},
      ...(noNameElement ? [] : [el(doc, 'span', { class: 'zWGUib' }, name)]),
      ...lines.map((line) => el(doc, 'div', {}, line)),
    ),
    el(
      doc,
      'button',
      { 'aria-label': 'More actions' },
      el(doc, 'i', { class: 'google-symbols' }, 'more_vert'),
    ),
  );

function callWith(tiles: TileSpec[], rows: RowSpec[] = []): Document {
  return docWith('Meet – Alice / Bob', (d) => {
    d.body.append(el(d, 'main', {}, ...tiles.map((t) => tile(d, t))));
    if (rows.length) d.body.append(el(d, 'div', { role: 'list' }, ...rows.map((r) => row(d, r))));
  });
}

const person = (key: string, name: string, self = false) => ({ key, name, self, presentation: false });

/** Everything readers could read as text is gone: aria-labels, titles, and every text but icon ligatures. */
function stripLocalisedText(doc: Document): Document {
  for (const element of doc.querySelectorAll('[aria-label]')) element.removeAttribute('aria-label');
  for (const element of doc.querySelectorAll('*')) {
    if (element.childElementCount > 0 || element.matches('.google-symbols, .zWGUib, [data-self-name]'))
      continue;
    if (element.closest('.zWGUib')) continue;
    element.textContent = '';
  }
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

describe('readMeetSnapshot on every fixture matches fixtures-extra.json "meet"', () => {
  it.each(MEET_FIXTURES)('%s', (name) => {
    const truth = meetTruth[name];
    const snapshot = readMeetSnapshot(loadFixture(name), new URL(truth.url).pathname);
    expect(snapshot).toEqual({
      meetingCode: truth.meetingCode,
      title: truth.title,
      signal: truth.signal,
      presenting: truth.presenting,
      participants: truth.participants,
    });
  });

  it('the derived entries agree with fixtures-index.json', () => {
    const states: Record<string, string> = { prejoin: 'prejoin', in_call: 'in-call', ended: 'ended' };
    for (const [name, state] of Object.entries(fixturesIndex.meet.states)) {
      expect(meetTruth[name as keyof typeof meetTruth].signal).toBe(states[state]);
    }
    const call = meetTruth['meet-call.html'];
    expect(call.title).toBe(fixturesIndex.meet.title);
    const index = fixturesIndex.meet as unknown as {
      participants: { name: string; self: boolean; device: string }[];
    };
    expect(
      call.participants
        .map(({ key, name, self }) => ({ device: key, name, self }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(index.participants.map(({ device, name, self }) => ({ device, name, self })));
  });

  it('the German page reads exactly like the English one (locale-free)', () => {
    const read = (name: 'meet-call-presenting.html' | 'meet-call-de.html') =>
      readMeetSnapshot(loadFixture(name), `/${CODE}`);
    expect(read('meet-call-de.html')).toEqual(read('meet-call-presenting.html'));
  });

  it.each(['meet-call-presenting.html', 'meet-call-de.html', 'meet-call-people.html'] as const)(
    '%s reads the same with every aria-label and every non-name text removed',
    (name) => {
      const truth = meetTruth[name];
      expect(readMeetSnapshot(stripLocalisedText(loadFixture(name)), `/${CODE}`)).toEqual({
        meetingCode: CODE,
        title: truth.title,
        signal: truth.signal,
        presenting: truth.presenting,
        participants: truth.participants,
      });
    },
  );

  it('reads nothing but the code and signal outside a call', () => {
    expect(readMeetSnapshot(docWith('Meet'), '/landing')).toEqual({
      meetingCode: null,
      title: '',
      signal: 'unknown',
      presenting: false,
      participants: [],
    });
  });

  it('presenting and participants are never reported on the green room or the end screen', () => {
    for (const name of ['meet-prejoin.html', 'meet-ended.html'] as const) {
      const doc = loadFixture(name);
      // Even with leftovers that would say otherwise.
      doc.body.append(
        el(doc, 'i', { class: 'google-symbols' }, 'cancel_presentation'),
        el(doc, 'div', { role: 'list' }, row(doc, { name: 'Bob Jones' })),
      );
      const snapshot = readMeetSnapshot(doc, `/${CODE}`);
      expect(snapshot.signal).toBe(meetTruth[name].signal);
      expect(snapshot.presenting).toBe(false);
      expect(snapshot.participants).toEqual([]);
    }
  });

  it('during a flicker (toolbar without tiles: unknown) the page’s facts are still read', () => {
    const doc = loadFixture('meet-call-presenting.html');
    for (const element of doc.querySelectorAll('main [data-participant-id]')) element.remove();
    const snapshot = readMeetSnapshot(doc, `/${CODE}`);
    expect(snapshot.signal).toBe('in-call'); // the People rows still carry device ids
    for (const element of doc.querySelectorAll('[data-participant-id]'))
      element.removeAttribute('data-participant-id');
    const flicker = readMeetSnapshot(doc, `/${CODE}`);
    expect(flicker.signal).toBe('unknown');
    expect(flicker.presenting).toBe(true); // "You are presenting" still in the toolbar
    expect(flicker.participants.map((p) => p.name)).toEqual(['Alice Smith', 'Bob Jones', 'Alice Smith']);
  });
});

describe('readCallState (one observation)', () => {
  it.each(MEET_FIXTURES)('%s', (name) => {
    expect(readCallState(loadFixture(name))).toBe(meetTruth[name].signal);
  });

  it('an empty page is unknown (nothing says which)', () => {
    expect(readCallState(docWith('Meet'))).toBe('unknown');
  });

  it('participant tiles win over a lingering end screen', () => {
    const doc = docWith('Meet', (d) => {
      d.body.append(el(d, 'div', { class: 'roSPhc' }), el(d, 'div', { 'data-participant-id': `${SPACE}y` }));
    });
    expect(readCallState(doc)).toBe('in-call');
  });

  it('the self marker alone is in the call', () => {
    expect(
      readCallState(docWith('Meet', (d) => d.body.append(el(d, 'div', { 'data-self-name': 'A' })))),
    ).toBe('in-call');
  });

  it('the leave icon without tiles is unknown, not in the call (the lobby may show it, Vexa S32)', () => {
    const doc = docWith('Meet', (d) => {
      d.body.append(
        el(d, 'button', { 'data-is-muted': 'false' }),
        el(d, 'i', { class: 'google-symbols' }, 'call_end'),
      );
    });
    expect(readCallState(doc)).toBe('unknown');
  });

  it('the signed-out green room (toggles, no .awLEm) is pre-join', () => {
    const doc = loadFixture('meet-prejoin.html');
    doc.querySelector('.awLEm')!.remove();
    expect(readCallState(doc)).toBe('prejoin');
  });

  it('the call page with its toolbar mid re-render (no call_end) is still in the call', () => {
    const doc = loadFixture('meet-call.html');
    doc.querySelector('[jsname="CQylAd"]')!.remove();
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
    ['Meet\u00a0– Alice / Bob', 'Alice / Bob'],
    ['Alice / Bob', 'Alice / Bob'],
    ['  Meet –   Weekly 1:1  ', 'Weekly 1:1'],
  ])('document.title %j → %j', (title, expected) => {
    expect(readMeetingTitle(docWith(title), CODE)).toBe(expected);
  });

  it('prefers the attribute over document.title', () => {
    const doc = docWith('Meet – Old title', (d) => {
      d.body.append(el(d, 'div', { 'data-meeting-title': '  New title ' }));
    });
    expect(readMeetingTitle(doc, CODE)).toBe('New title');
  });

  it('never returns the bare code, from either source', () => {
    expect(readMeetingTitle(docWith(`Meet – ${CODE}`), CODE)).toBe('');
    const doc = docWith('Meet', (d) => d.body.append(el(d, 'div', { 'data-meeting-title': CODE })));
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

describe('cleanParticipantName', () => {
  it.each<[string | null, string, boolean, boolean]>([
    ['  Bob   Jones ', 'Bob Jones', false, false],
    ['Alice Smith (You)', 'Alice Smith', true, false],
    ['Alice Smith (you) Meeting host', 'Alice Smith', true, false],
    ['Alice Smith Meeting host (You)', 'Alice Smith', true, false],
    ['Bob Jones (Presentation)', 'Bob Jones', false, true],
    ['Alice Smith Your presentation', 'Alice Smith', true, true],
    ['Your presentation', '', true, true],
    ['You (Presentation)', '', true, true],
    ['Sie (Präsentation)', '', true, true],
    ['Alice Smith (Sie)', 'Alice Smith', true, false],
    ['Alice Smith Ihre Präsentation', 'Alice Smith', true, true],
    ['Bob Jones (Présentation)', 'Bob Jones', false, true],
    ['You', '', true, false],
    ['Vous', '', true, false],
    ['Younes (Yo)', 'Younes (Yo)', false, false],
    // A name ending in a role's letters is a name: only a role as a word of its own is dropped.
    ['Marie Lhôte', 'Marie Lhôte', false, false],
    ['Marie Lhôte Hôte', 'Marie Lhôte', false, false],
    ['Sam Co-host', 'Sam', false, false],
    ['Bob\u202e\u0000 Jones\u200b', 'Bob Jones', false, false],
    ['', '', false, false],
    [null, '', false, false],
  ])('%j → %j (self %s, presentation %s)', (raw, name, self, presentation) => {
    expect(cleanParticipantName(raw)).toEqual({ name, self, presentation });
  });

  it(`caps names at ${MAX_NAME_LENGTH} characters, whatever the page holds`, () => {
    expect(cleanParticipantName('A'.repeat(100_000)).name).toHaveLength(MAX_NAME_LENGTH);
    expect(cleanParticipantName(`${'B '.repeat(50_000)}(You)`).name.length).toBeLessThanOrEqual(
      MAX_NAME_LENGTH,
    );
  });
});

describe('readParticipants', () => {
  it('no tiles, no panel: nobody', () => {
    expect(readParticipants(docWith('Meet'))).toEqual([]);
    expect(readParticipants(loadFixture('meet-prejoin.html'))).toEqual([]);
    expect(readParticipants(loadFixture('meet-ended.html'))).toEqual([]);
  });

  it('a device shown in several tiles (and a panel row) is one participant', () => {
    const doc = callWith(
      [
        { id: BOB, name: 'Bob Jones', media: BOB },
        { id: BOB, name: 'Bob Jones' },
        { id: ALICE, name: 'You', selfName: 'Alice Smith' },
      ],
      [{ name: 'Bob Jones', id: BOB }],
    );
    expect(readParticipants(doc)).toEqual([person(BOB, 'Bob Jones'), person(ALICE, 'Alice Smith', true)]);
  });

  it('one person on two devices (same name) is one participant, keyed by the first device', () => {
    const doc = callWith([
      { id: `${SPACE}b1`, name: 'Bob Jones' },
      { id: `${SPACE}b2`, name: ' bob  JONES ' },
      { id: ALICE, name: 'You', selfName: 'Alice Smith' },
    ]);
    expect(readParticipants(doc)).toEqual([
      person(`${SPACE}b1`, 'Bob Jones'),
      person(ALICE, 'Alice Smith', true),
    ]);
  });

  it('someone else carrying my name on another device stays a separate participant', () => {
    const doc = callWith([
      { id: ALICE, name: 'You', selfName: 'Alice Smith' },
      { id: `${SPACE}m`, name: 'Alice Smith' },
    ]);
    expect(readParticipants(doc)).toEqual([
      person(ALICE, 'Alice Smith', true),
      person(`${SPACE}m`, 'Alice Smith'),
    ]);
  });

  it('strips "(You)" and "Meeting host" and prefers the People panel’s name', () => {
    const doc = callWith(
      [
        { id: ALICE, name: 'You' },
        { id: BOB, name: 'Bob' },
      ],
      [
        { name: 'Alice Smith', id: ALICE, lines: ['(You)', 'Meeting host'] },
        { name: 'Bob Jones', id: BOB },
      ],
    );
    expect(readParticipants(doc)).toEqual([person(ALICE, 'Alice Smith', true), person(BOB, 'Bob Jones')]);
  });

  it('People rows without device ids merge with tiles by name; a row without .zWGUib uses its aria-label', () => {
    const doc = callWith(
      [{ id: BOB, name: 'Bob Jones' }],
      [
        { name: 'Bob Jones' },
        { name: 'Carol Diaz', noNameElement: true },
        { name: 'Alice Smith', lines: ['(You)'] },
      ],
    );
    expect(readParticipants(doc)).toEqual([
      person(BOB, 'Bob Jones'),
      person('name:carol diaz', 'Carol Diaz'),
      person('name:alice smith', 'Alice Smith', true),
    ]);
  });

  it('the old data-self-name (on every tile) is not trusted; the "(You)" row decides', () => {
    const doc = callWith(
      [
        { id: BOB, name: 'Bob Jones', selfName: 'You' },
        { id: ALICE, name: 'Alice Smith', selfName: 'You' },
      ],
      [
        { name: 'Bob Jones', id: BOB },
        { name: 'Alice Smith', id: ALICE, lines: ['(You)'] },
      ],
    );
    expect(readParticipants(doc)).toEqual([person(BOB, 'Bob Jones'), person(ALICE, 'Alice Smith', true)]);
  });

  it('self from the self-view ligatures when there is no data-self-name', () => {
    const doc = callWith([
      { id: BOB, name: 'Bob Jones' },
      { id: ALICE, name: 'Alice Smith', icons: ['frame_person'] },
    ]);
    expect(readParticipants(doc)).toEqual([person(BOB, 'Bob Jones'), person(ALICE, 'Alice Smith', true)]);
  });

  it('a hostile "(You)" name does not make someone me when a structural marker exists', () => {
    const doc = callWith(
      [
        { id: ALICE, name: 'You', selfName: 'Alice Smith' },
        { id: `${SPACE}m`, name: 'Mallory (You)' },
      ],
      [{ name: 'Mallory (You)', id: `${SPACE}m`, lines: ['(You)'] }],
    );
    expect(readParticipants(doc)).toEqual([
      person(ALICE, 'Alice Smith', true),
      person(`${SPACE}m`, 'Mallory'),
    ]);
  });

  it('marks presentations and names them after their presenter', () => {
    const doc = callWith([
      { id: BOB, name: 'Bob Jones (Presentation)', media: `${BOB}/share` },
      { id: BOB, name: 'Bob Jones', media: BOB },
      { id: ALICE, name: 'You', media: ALICE, selfName: 'Alice Smith' },
    ]);
    expect(readParticipants(doc)).toEqual([
      person(BOB, 'Bob Jones'),
      person(ALICE, 'Alice Smith', true),
      { key: `${BOB}#presentation`, name: 'Bob Jones', self: false, presentation: true },
    ]);
    expect(readPresenting(doc)).toBe(false);
  });

  it('a tile with no name still counts (name ""); entries without id or name are skipped', () => {
    const doc = callWith([
      { id: BOB },
      { id: 'not a device id!', name: '' },
      { id: ALICE, selfName: 'Alice Smith' },
    ]);
    expect(readParticipants(doc)).toEqual([person(BOB, ''), person(ALICE, 'Alice Smith', true)]);
  });

  it('hostile names: capped, cleaned, kept as text', () => {
    const long = `${'Ω'.repeat(10_000)}`;
    const doc = callWith([
      { id: `${SPACE}1`, name: long },
      { id: `${SPACE}2`, name: '<img src=x onerror=alert(1)>' },
      { id: `${SPACE}3`, name: '\u202eevil\u0007 name\n\n' },
    ]);
    const participants = readParticipants(doc);
    expect(participants.map((p) => p.name)).toEqual([
      'Ω'.repeat(MAX_NAME_LENGTH),
      '<img src=x onerror=alert(1)>',
      'evil name',
    ]);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });

  it(`caps the list at ${MAX_MEET_PARTICIPANTS}, whatever the page holds`, () => {
    const tiles = Array.from({ length: 2000 }, (_, i) => ({ id: `${SPACE}d${i}`, name: `Person ${i}` }));
    const participants = readParticipants(callWith(tiles));
    expect(participants).toHaveLength(MAX_MEET_PARTICIPANTS);
    expect(participants[0]).toEqual(person(`${SPACE}d0`, 'Person 0'));
  });
});

describe('readPresenting', () => {
  it.each(MEET_FIXTURES)('%s', (name) => {
    expect(readPresenting(loadFixture(name))).toBe(meetTruth[name].presenting);
  });

  it.each(['meet-call-presenting.html', 'meet-call-de.html'] as const)(
    '%s: each signal alone is enough',
    (name) => {
      // 1. Only the cancel_presentation ligature (no labels, no presentation tile).
      const ligatureOnly = stripLocalisedText(loadFixture(name));
      for (const share of ligatureOnly.querySelectorAll('[data-tile-media-id*="screenshare"]')) {
        share.setAttribute('data-tile-media-id', share.getAttribute('data-participant-id')!);
      }
      for (const zw of ligatureOnly.querySelectorAll('.zWGUib')) zw.closest('[role="listitem"]')!.remove();
      expect(readPresenting(ligatureOnly)).toBe(true);

      // 2. Only my presentation tile (structure).
      const tileOnly = stripLocalisedText(loadFixture(name));
      for (const icon of tileOnly.querySelectorAll('.google-symbols')) {
        if (icon.textContent === 'cancel_presentation') icon.remove();
      }
      for (const zw of tileOnly.querySelectorAll('.zWGUib')) zw.closest('[role="listitem"]')!.remove();
      expect(readPresenting(tileOnly)).toBe(true);

      // 3. Only the localised label.
      const labelOnly = loadFixture(name);
      for (const icon of labelOnly.querySelectorAll('.google-symbols')) {
        if (icon.textContent === 'cancel_presentation') icon.remove();
      }
      for (const share of labelOnly.querySelectorAll('[data-tile-media-id*="screenshare"]')) share.remove();
      for (const zw of labelOnly.querySelectorAll('.zWGUib')) zw.closest('[role="listitem"]')!.remove();
      expect(readPresenting(labelOnly)).toBe(true);

      // None of them: not presenting.
      for (const labelled of labelOnly.querySelectorAll('[aria-label]'))
        labelled.removeAttribute('aria-label');
      expect(readPresenting(labelOnly)).toBe(false);
    },
  );

  it('the "Your presentation" People row alone says I present', () => {
    const doc = callWith(
      [{ id: ALICE, name: 'You', selfName: 'Alice Smith' }],
      [{ name: 'Alice Smith', lines: ['Your presentation'] }],
    );
    expect(readPresenting(doc)).toBe(true);
  });

  it('someone else presenting is not me presenting', () => {
    const doc = callWith(
      [
        { id: BOB, name: 'Bob Jones (Presentation)', media: `${BOB}/share`, icons: ['present_to_all'] },
        { id: ALICE, name: 'You', media: ALICE, selfName: 'Alice Smith' },
      ],
      [{ name: 'Bob Jones', lines: ['Presentation'] }],
    );
    expect(readPresenting(doc)).toBe(false);
  });

  it('the Present button (computer_arrow_up / present_to_all) alone is not presenting', () => {
    const doc = callWith([{ id: ALICE, name: 'You', selfName: 'Alice Smith' }]);
    doc.body.append(
      el(
        doc,
        'button',
        { 'aria-label': 'Share screen' },
        el(doc, 'i', { class: 'google-symbols' }, 'computer_arrow_up'),
      ),
      el(
        doc,
        'button',
        { 'aria-label': 'Present now' },
        el(doc, 'i', { class: 'google-symbols' }, 'present_to_all'),
      ),
    );
    expect(readPresenting(doc)).toBe(false);
    expect(readPresenting(loadFixture('meet-call.html'))).toBe(false);
    expect(readPresenting(loadFixture('meet-call-people.html'))).toBe(false);
  });
});
