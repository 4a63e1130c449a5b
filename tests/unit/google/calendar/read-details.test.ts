import { describe, expect, it } from 'vitest';
import { EventDetailsSchema } from '@/lib/google/calendar/model';
import { readEventDetails } from '@/lib/google/calendar/read-details';
import { calendarSelectors } from '@/lib/google/calendar/selectors';
import { fixturesIndex } from '../../helpers/fixtures';
import { CALENDAR_FIXTURES, fixturesExtra, loadCalendarFixture } from './calendar-fixtures';

const POPOVERS = ['gcal-event-popover.html', 'gcal-event-popover-de.html'] as const;

function truth(name: (typeof POPOVERS)[number]) {
  const { data_eventid, title, guests, guestCount, meetCode, recurrence } =
    fixturesExtra.fixtures[name].popover!;
  return { dataEventId: data_eventid, title, guests, guestCount, meetCode, recurrence };
}

const panelOf = (doc: Document) => doc.querySelector(calendarSelectors.detailsDialog.css)!;

describe('readEventDetails on the popover fixtures', () => {
  it.each(POPOVERS)('%s gives exactly its ground truth', (name) => {
    const details = readEventDetails(loadCalendarFixture(name));
    expect(details).toEqual(truth(name));
    expect(EventDetailsSchema.safeParse(details).success).toBe(true);
  });

  it('agrees with fixtures-index.json for the English popover', () => {
    const details = readEventDetails(loadCalendarFixture('gcal-event-popover.html'))!;
    const { popover } = fixturesIndex as unknown as {
      popover: {
        event_title: string;
        data_eventid: string;
        meet_code: string;
        guests: { name: string; email: string; organizer: boolean }[];
      };
    };
    expect(details.dataEventId).toBe(popover.data_eventid);
    expect(details.title).toBe(popover.event_title);
    expect(details.meetCode).toBe(popover.meet_code);
    expect(details.guests!.map(({ name, email, organizer }) => ({ name, email, organizer }))).toEqual(
      popover.guests,
    );
  });

  it('tells people, rooms, resources and groups apart in German', () => {
    const details = readEventDetails(loadCalendarFixture('gcal-event-popover-de.html'))!;
    expect(details.guests!.map((g) => [g.name, g.kind, g.organizer])).toEqual([
      ['Alice Smith', 'person', true],
      ['Bob Jones', 'person', false],
      ['HQ-2-Raum 4B (6)', 'room', false],
      ['Beamer (mobil)', 'resource', false],
      ['Eng Team', 'group', false],
    ]);
  });

  it.each(CALENDAR_FIXTURES.filter((name) => !(POPOVERS as readonly string[]).includes(name)))(
    '%s has no open popover',
    (name) => {
      expect(readEventDetails(loadCalendarFixture(name))).toBeNull();
    },
  );

  it('reads under a given root only', () => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    expect(readEventDetails(doc.querySelector('[role="main"]')!)).toBeNull();
    expect(readEventDetails(doc.querySelector('[role="dialog"][data-chips-dialog]')!)?.title).toBe(
      'Alice / Bob',
    );
  });
});

describe('readEventDetails fails closed', () => {
  it.each([
    ['the dialog has display:none', (d: Element) => d.setAttribute('style', 'display: none;')],
    ['the dialog has display:none without a space', (d: Element) => d.setAttribute('style', 'display:none')],
    ['the dialog is aria-hidden', (d: Element) => d.setAttribute('aria-hidden', 'true')],
    ['a wrapper is hidden', (d: Element) => d.parentElement!.parentElement!.setAttribute('hidden', '')],
    ['the dialog has visibility:hidden', (d: Element) => d.setAttribute('style', 'visibility: hidden')],
  ])('ignores the popover when %s', (_label, hide) => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    hide(panelOf(doc).closest('[role="dialog"]')!);
    expect(readEventDetails(doc)).toBeNull();
  });

  it('skips a hidden leftover details dialog and reads the visible one', () => {
    const doc = loadCalendarFixture('gcal-event-popover-de.html');
    const visible = panelOf(doc).closest('[role="dialog"]')!;
    const stale = visible.cloneNode(true) as Element;
    stale.setAttribute('style', 'display: none;');
    stale.querySelector('#rAECCd')!.textContent = 'Stale event';
    stale.querySelector('#xDetDlg')!.setAttribute('data-eventid', 'c3RhbGUgYWxpY2VAYWNtZS5leGFtcGxl');
    doc.body.prepend(stale);
    expect(readEventDetails(doc)).toEqual(truth('gcal-event-popover-de.html'));
  });

  it('reads injected markup in the title and guest names as plain text', () => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    const evil = '<img src=x onerror=alert(1)>';
    doc.getElementById('rAECCd')!.textContent = evil;
    doc.querySelector('[data-email="bob.jones@acme.example"] span[data-hovercard-id]')!.textContent = evil;
    const details = readEventDetails(doc)!;
    expect(details.title).toBe(evil);
    expect(details.guests![1]!.name).toBe(evil);
    expect(doc.querySelector('img[src="x"]')).toBeNull();
  });

  it('an unknown language keeps only the locale-free facts', () => {
    const doc = loadCalendarFixture('gcal-event-popover-de.html');
    doc.documentElement.setAttribute('lang', 'ja');
    const details = readEventDetails(doc)!;
    // The summary's one number, whatever its words ("5 Gäste"); who organised it is not told.
    expect(details.guestCount).toBe(5);
    expect(details.organizerUnread).toBe(true);
    expect(details.meetCode).toBe('abc-defg-hij');
    // Organizer and responses are words; kinds also come from structure (aria-expanded, icon, resource domain).
    expect(details.guests!.map((g) => [g.kind, g.organizer, g.response])).toEqual([
      ['person', false, 'unknown'],
      ['person', false, 'unknown'],
      ['room', false, 'unknown'],
      ['resource', false, 'unknown'],
      ['group', false, 'unknown'],
    ]);
  });

  it.each(['two guests', '', '2 of 3 guests'])('an unreadable summary %j gives no guest count', (text) => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    doc.querySelector(calendarSelectors.guestSummary.css)!.textContent = text;
    expect(readEventDetails(doc)?.guestCount).toBeNull();
  });

  it.each(['2 Gäste', 'guests: 2', '2'])('a summary %j gives its one number as the count', (text) => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    doc.querySelector(calendarSelectors.guestSummary.css)!.textContent = text;
    expect(readEventDetails(doc)?.guestCount).toBe(2);
  });

  it.each([
    'https://meet.google.com.evil.example/abc-defg-hij',
    'https://evil.example/meet.google.com/abc-defg-hij',
    'http://meet.google.com/abc-defg-hij',
    'https://meet.google.com/abc-defg-hijk',
    'https://meet.google.com/lookup/abc-defg-hij',
    'javascript:alert(1)',
  ])('a Meet link %j gives no code', (href) => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    for (const link of doc.querySelectorAll(calendarSelectors.meetLink.css)) {
      if (link.hasAttribute('href')) link.setAttribute('href', href);
      if (link.hasAttribute('data-meet-url')) link.setAttribute('data-meet-url', href);
    }
    expect(readEventDetails(doc)?.meetCode).toBeNull();
  });

  it('reads the Meet code from data-meet-url when the link is gone, with query strings', () => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    doc.querySelector('#xDetDlgVideo a')!.remove();
    doc
      .querySelector('[data-meet-url]')!
      .setAttribute('data-meet-url', 'https://meet.google.com/xyz-abcd-efg?authuser=1');
    expect(readEventDetails(doc)?.meetCode).toBe('xyz-abcd-efg');
  });

  it('without guests, Meet and recurrence rows it says so: guests unknown (null), the rest empty', () => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    for (const id of ['xDetDlgAtt', 'xDetDlgVideo']) doc.getElementById(id)!.remove();
    doc.querySelector(calendarSelectors.recurrence.css)!.remove();
    expect(readEventDetails(doc)).toEqual({
      ...truth('gcal-event-popover.html'),
      guests: null,
      guestCount: null,
      meetCode: null,
      recurrence: null,
    });
  });

  it('reads guests as unknown until the guests section is drawn, then reads them (it comes late, §1.8)', () => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    const section = doc.getElementById('xDetDlgAtt')!;
    const parent = section.parentNode!;
    const next = section.nextSibling;
    section.remove();
    expect(readEventDetails(doc)!.guests).toBeNull();
    // The section is there but neither its rows nor its summary (yet): still unknown.
    const empty = section.cloneNode(false) as Element;
    parent.insertBefore(empty, next);
    expect(readEventDetails(doc)!.guests).toBeNull();
    empty.replaceWith(section);
    expect(readEventDetails(doc)!.guests).toEqual(truth('gcal-event-popover.html').guests);
  });

  it('tells a group by its icon too, when its row is not expandable', () => {
    const doc = loadCalendarFixture('gcal-event-popover-de.html');
    doc.querySelector('[data-email="eng-team@acme.example"]')!.removeAttribute('aria-expanded');
    const group = readEventDetails(doc)!.guests!.find((g) => g.email === 'eng-team@acme.example');
    expect(group).toMatchObject({ kind: 'group' });
  });

  it('does not count members listed under an expanded group as guests', () => {
    const doc = loadCalendarFixture('gcal-event-popover-de.html');
    const group = doc.querySelector('[data-email="eng-team@acme.example"]')!;
    group.setAttribute('aria-expanded', 'true');
    const members = doc.createElement('div');
    members.setAttribute('role', 'group');
    for (const email of ['dana@acme.example', 'evan@acme.example']) {
      const member = doc.createElement('div');
      member.setAttribute('role', 'treeitem');
      member.setAttribute('data-email', email);
      member.setAttribute('aria-label', `${email}, Zugesagt`);
      members.append(member);
    }
    group.append(members);
    const details = readEventDetails(doc)!;
    expect(details.guests!.map((g) => g.email)).toEqual(
      truth('gcal-event-popover-de.html').guests.map((g) => g.email),
    );
  });

  it('a guest row without an address keeps its name and a null email', () => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    doc.querySelector('[data-email="bob.jones@acme.example"]')!.setAttribute('data-email', 'Bob Jones');
    expect(readEventDetails(doc)!.guests![1]).toMatchObject({
      email: null,
      name: 'Bob Jones',
      kind: 'person',
    });
  });

  it.each(['', 'not base64 at all!', 'A'.repeat(600)])('a malformed data-eventid %j gives null', (id) => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    panelOf(doc).setAttribute('data-eventid', id);
    expect(readEventDetails(doc)).toBeNull();
  });

  it('an overlong recurrence line or title is cut, not rejected', () => {
    const doc = loadCalendarFixture('gcal-event-popover.html');
    doc.querySelector(calendarSelectors.recurrence.css)!.textContent = 'r'.repeat(1000);
    doc.getElementById('rAECCd')!.textContent = 't'.repeat(5000);
    const details = readEventDetails(doc)!;
    expect(details.recurrence).toHaveLength(300);
    expect(details.title).toHaveLength(1024);
  });
});
