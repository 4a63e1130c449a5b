import { describe, expect, it } from 'vitest';
import { decodeEventId } from '@/lib/domain/event-id';
import {
  calendarLocale,
  isoDay,
  parseDayText,
  parseResponse,
  parseTimeRange,
} from '@/lib/google/calendar/locale';
import { CalendarEventSchema } from '@/lib/google/calendar/model';
import {
  chipReadContext,
  readCalendarEvent,
  readCalendarEvents,
  readPrincipal,
} from '@/lib/google/calendar/read-chips';
import { normaliseText, readCurrentView } from '@/lib/google/calendar/read-details';
import { calendarSelectors } from '@/lib/google/calendar/selectors';
import { fixturesIndex } from '../../helpers/fixtures';
import {
  CALENDAR_FIXTURES,
  type FixtureTruth,
  fixturesExtra,
  loadCalendarFixture,
  type TruthEvent,
} from './calendar-fixtures';

const truthOf = (name: (typeof CALENDAR_FIXTURES)[number]): FixtureTruth => fixturesExtra.fixtures[name];

function asTruth(doc: ParentNode): TruthEvent[] {
  return readCalendarEvents(doc).map(({ event }) => ({
    data_eventid: event.dataEventId,
    title: event.title,
    day: event.day,
    start: event.start,
    end: event.end,
    allDay: event.allDay,
    response: event.response,
  }));
}

const STATUS: Record<string, string> = {
  Accepted: 'accepted',
  Declined: 'declined',
  Tentative: 'tentative',
  'Needs RSVP': 'needs-action',
};

describe('readCalendarEvents on every fixture', () => {
  it.each(CALENDAR_FIXTURES)('%s gives exactly its ground truth, in page order', (name) => {
    expect(asTruth(loadCalendarFixture(name))).toEqual(truthOf(name).events);
  });

  it.each(CALENDAR_FIXTURES)(
    '%s: ids decode, objects pass the schema, tasks and birthdays are skipped',
    (name) => {
      const doc = loadCalendarFixture(name);
      const reads = readCalendarEvents(doc);
      for (const { element, event } of reads) {
        expect(CalendarEventSchema.safeParse(event).success).toBe(true);
        expect(element.getAttribute('data-eventid')).toBe(event.dataEventId);
        expect(element.matches(calendarSelectors.eventChip.css)).toBe(true);
        const decoded = decodeEventId(event.dataEventId)!;
        expect(event).toMatchObject({
          eventId: decoded.eventId,
          seriesId: decoded.seriesId,
          calendarId: decoded.calendarId,
        });
      }
      const ids = new Set(reads.map((r) => r.event.dataEventId));
      const chipIds = [
        ...new Set(
          [...doc.querySelectorAll(calendarSelectors.eventChip.css)].map((c) =>
            c.getAttribute('data-eventid'),
          ),
        ),
      ];
      for (const skipped of truthOf(name).skipped) {
        expect(chipIds).toContain(skipped);
        expect(ids.has(skipped)).toBe(false);
      }
      expect(ids.size + truthOf(name).skipped.length).toBe(chipIds.length);
    },
  );

  it.each(CALENDAR_FIXTURES)('%s: the current view is the ground truth view', (name) => {
    expect(readCurrentView(loadCalendarFixture(name))).toBe(truthOf(name).view);
  });

  it('agrees with fixtures-index.json for every event it lists (the derived entries)', () => {
    for (const name of CALENDAR_FIXTURES) {
      for (const event of truthOf(name).events) {
        const indexed = fixturesIndex.events.find((e) => e.data_eventid === event.data_eventid) as
          ((typeof fixturesIndex.events)[number] & { alice_status: string | null }) | undefined;
        if (!indexed) continue;
        expect(event).toEqual({
          data_eventid: indexed.data_eventid,
          title: indexed.title,
          day: indexed.date,
          start: indexed.start,
          end: indexed.end,
          allDay: false,
          response: STATUS[indexed.alice_status ?? ''] ?? 'unknown',
        });
      }
    }
    const week = truthOf('gcal-week.html').events;
    expect(week.map((e) => e.data_eventid).sort()).toEqual(
      [...fixturesIndex.events.map((e) => e.data_eventid), fixturesIndex.all_day.data_eventid].sort(),
    );
    expect(week.find((e) => e.allDay)).toMatchObject({
      data_eventid: fixturesIndex.all_day.data_eventid,
      day: fixturesIndex.all_day.date,
      title: fixturesIndex.all_day.title,
    });
  });

  it('reads the same week from every language', () => {
    const english = readCalendarEvents(loadCalendarFixture('gcal-week.html')).map((r) => r.event);
    for (const name of [
      'gcal-week-en-GB.html',
      'gcal-week-de.html',
      'gcal-week-fr.html',
      'gcal-event-popover-de.html',
    ] as const) {
      expect(readCalendarEvents(loadCalendarFixture(name)).map((r) => r.event)).toEqual(english);
    }
  });

  it('covers every response and an all-day event on a group calendar', () => {
    const events = readCalendarEvents(loadCalendarFixture('gcal-week-fr.html')).map((r) => r.event);
    expect(new Set(events.map((e) => e.response))).toEqual(
      new Set(['accepted', 'declined', 'tentative', 'needs-action', 'unknown']),
    );
    expect(events.find((e) => e.allDay)).toMatchObject({
      calendarId: 'c_9k2m4n6p8r0t2v4x6z8b0d2f4h@g',
      start: null,
    });
    const standup = events.find((e) => e.title === 'Team standup')!;
    expect(standup.seriesId).toBe('o3oag5drgu10ojk71h2bqptje7');
    expect(standup.eventId).toBe('o3oag5drgu10ojk71h2bqptje7_20260323T160000Z');
  });

  it('reads only under the given root', () => {
    const doc = loadCalendarFixture('gcal-4day.html');
    const thursday = doc.querySelector('[role="gridcell"][data-datekey="28794"][aria-labelledby]')!;
    expect(readCalendarEvents(thursday).map((r) => r.event.title)).toEqual([
      'Peer 1:1 — Alice & Evan',
      'All hands',
    ]);
  });
});

describe('readCalendarEvents fails closed', () => {
  function withLang(lang: string | null) {
    const doc = loadCalendarFixture('gcal-week.html');
    if (lang === null) doc.documentElement.removeAttribute('lang');
    else doc.documentElement.setAttribute('lang', lang);
    return readCalendarEvents(doc).map((r) => r.event);
  }

  // 'de' and 'fr' on an English page: the parser follows <html lang> and never guesses across languages.
  it.each([null, '', 'ja', 'xx-YY', 'de', 'fr'])(
    'reads no times or responses when the language is %j',
    (lang) => {
      const events = withLang(lang);
      expect(events).toHaveLength(17);
      const allDay = new Set(
        truthOf('gcal-week.html')
          .events.filter((e) => e.allDay)
          .map((e) => e.title),
      );
      expect(allDay.size).toBeGreaterThan(0);
      for (const event of events) {
        // All-day by structure (the all-day row, outside the timed columns), never by guessing from text.
        expect(event).toMatchObject({ start: null, end: null, allDay: allDay.has(event.title) });
        // Only the struck-through title (a structural sign) still says "declined".
        expect(event.response).toBe(event.title === 'Vendor demo' ? 'declined' : 'unknown');
      }
      // Days come from structure, not text.
      expect(events.map((e) => e.day)).toEqual(truthOf('gcal-week.html').events.map((e) => e.day));
    },
  );

  it('a one-off all-day event reads as all-day by the row it is in when its text cannot be read', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    doc.documentElement.setAttribute('lang', 'es');
    const events = readCalendarEvents(doc).map((r) => r.event);
    // "Q2 planning offsite": one event (no instance in its id), in the all-day row.
    const offsite = events.find((e) => e.title === 'Q2 planning offsite')!;
    expect(decodeEventId(offsite.dataEventId)!.instance).toBeNull();
    expect(offsite).toMatchObject({ allDay: true, start: null });
    // A chip in a timed column stays timed.
    expect(events.find((e) => e.title === 'Lunch')).toMatchObject({ allDay: false });
  });

  it('a week whose columns lost their data-principal-ids does not turn unread timed chips all-day', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    doc.documentElement.setAttribute('lang', 'es');
    for (const column of doc.querySelectorAll('[data-principal-ids]'))
      column.removeAttribute('data-principal-ids');
    const events = readCalendarEvents(doc, 'week').map((r) => r.event);
    expect(events.find((e) => e.title === 'Lunch')).toMatchObject({ allDay: false });
  });

  it('in views without timed columns (month, schedule) an unread chip fails closed: read as all-day', () => {
    // The same events read in a week first (timed there): a view's structure is read per chip, not remembered.
    const week = loadCalendarFixture('gcal-week.html');
    week.documentElement.setAttribute('lang', 'es');
    expect(readCalendarEvents(week).some((r) => !r.event.allDay)).toBe(true);
    for (const fixture of ['gcal-month.html', 'gcal-schedule.html'] as const) {
      const doc = loadCalendarFixture(fixture);
      doc.documentElement.setAttribute('lang', 'es');
      const events = readCalendarEvents(doc).map((r) => r.event);
      expect(events.length).toBeGreaterThan(0);
      expect(events.filter((e) => !(e.allDay && e.start === null))).toEqual([]);
      // Read in a supported language, the same view's timed events stay timed.
      const read = readCalendarEvents(loadCalendarFixture(fixture)).map((r) => r.event);
      expect(read.some((e) => !e.allDay && e.start !== null)).toBe(true);
    }
    // A multi-day event's text (a date range, no times) in a month cell, in English: not a timed event.
    const month = loadCalendarFixture('gcal-month.html');
    const chip = [...month.querySelectorAll<HTMLElement>(calendarSelectors.eventChip.css)].find(
      (c) => c.querySelector(calendarSelectors.chipDescription.css) !== null,
    )!;
    chip.querySelector(calendarSelectors.chipDescription.css)!.textContent =
      'March 23 – 25, 2026, 1:1 Bob offsite, Alice Smith, Accepted';
    expect(readCalendarEvents(month).find((r) => r.element === chip)?.event).toMatchObject({
      allDay: true,
      start: null,
    });
  });

  it('an all-day series instance reads as all-day by its id when its text cannot be read', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    doc.documentElement.setAttribute('lang', 'ja');
    const chip = doc.querySelector(calendarSelectors.eventChip.css)!;
    chip.setAttribute('data-eventid', btoa('offsite7_20260326 alice@acme.example').replace(/=+$/, ''));
    const timed = doc.querySelectorAll(calendarSelectors.eventChip.css)[1]!;
    timed.setAttribute(
      'data-eventid',
      btoa('weekly7_20260323T170000Z alice@acme.example').replace(/=+$/, ''),
    );
    const events = readCalendarEvents(doc).map((r) => r.event);
    expect(events.find((e) => e.seriesId === 'offsite7')).toMatchObject({ allDay: true, start: null });
    expect(events.find((e) => e.seriesId === 'weekly7')).toMatchObject({ allDay: false, start: null });
  });

  it('garbled or truncated descriptions give nulls, the rest still reads', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    const chips = [...doc.querySelectorAll(calendarSelectors.eventChip.css)];
    const texts = [
      '25am to 26pm, Team standup, Alice Smith, Accepted, No location, March 23, 2026',
      '10am to, Alice / Bob, Alice Smith, Accepted',
      '11am–11:30am Alice Carol Accepted',
      '',
    ];
    texts.forEach((text, i) => {
      chips[i + 1]!.querySelector('.XuJrye')!.textContent = text;
    });
    const events = readCalendarEvents(doc).map((r) => r.event);
    for (const event of events.slice(1, 5)) {
      expect(event).toMatchObject({
        start: null,
        end: null,
        allDay: false,
        response: 'unknown',
        day: '2026-03-23',
      });
    }
    expect(events[5]).toMatchObject({ title: 'Bob & Alice 1-on-1', start: '09:00', response: 'accepted' });
  });

  it('reads no response when the visible title does not match the description', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    const chip = doc.querySelector(`[data-eventid="${fixturesIndex.popover.data_eventid}"][data-eventchip]`)!;
    chip.querySelector('.I0UMhf')!.textContent = 'Alice / Bob (moved)';
    const event = readCalendarEvents(doc).find((r) => r.element === chip)!.event;
    expect(event).toMatchObject({
      title: 'Alice / Bob (moved)',
      start: '10:00',
      end: '10:30',
      response: 'unknown',
    });
  });

  it('a chip whose data-datekey disagrees with its column heading has no day', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    doc.getElementById('tsc-1')!.textContent = '4 events, Monday, March 16';
    doc
      .querySelector('[role="gridcell"][data-datekey="28794"][aria-label]')!
      .setAttribute('aria-label', 'All day, Thursday, March 27');
    const byDay = new Map<string | null, number>();
    for (const { event } of readCalendarEvents(doc)) byDay.set(event.day, (byDay.get(event.day) ?? 0) + 1);
    expect(byDay.get(null)).toBe(5); // Monday's 4 chips and the all-day chip
    expect(byDay.get('2026-03-23')).toBeUndefined();
    expect(byDay.get('2026-03-24')).toBe(4);
  });

  it('German and French headings are cross-checked too', () => {
    for (const [name, heading] of [
      ['gcal-week-de.html', '4 Termine, Montag, 16. März'],
      ['gcal-week-fr.html', '4 événements, lundi 23 avril'],
    ] as const) {
      const doc = loadCalendarFixture(name);
      doc.getElementById('tsc-1')!.textContent = heading;
      const monday = readCalendarEvents(doc).filter((r) => r.element.closest('[data-datekey="28791"]'));
      expect(monday.map((r) => r.event.day)).toEqual([null, null, null, null]);
    }
  });

  it('trusts the data-datekey when the heading has no readable date', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    doc.getElementById('tsc-1')!.textContent = '4 events';
    const monday = readCalendarEvents(doc).filter((r) => r.element.closest('[data-datekey="28791"]'));
    expect(monday.map((r) => r.event.day)).toEqual(Array(4).fill('2026-03-23'));
  });

  it.each(['', 'abc', '-1', '28800', '99999999', '28.5'])(
    'an invalid data-datekey %j gives no day',
    (key) => {
      const doc = loadCalendarFixture('gcal-day.html');
      for (const cell of doc.querySelectorAll('[role="gridcell"][data-datekey]'))
        cell.setAttribute('data-datekey', key);
      for (const { event } of readCalendarEvents(doc)) expect(event.day).toBeNull();
    },
  );

  it('schedule view: chips before any day header, or under a header without a year, have no day', () => {
    const doc = loadCalendarFixture('gcal-schedule.html');
    const headers = [...doc.querySelectorAll(calendarSelectors.scheduleDayHeader.css)];
    headers[0]!.remove();
    headers[1]!.setAttribute('aria-label', 'Tuesday, March 24');
    headers[2]!.setAttribute('aria-label', 'Mittwoch, 25. März 2026');
    const days = readCalendarEvents(doc).map((r) => r.event.day);
    expect(days.slice(0, 11)).toEqual(Array(11).fill(null)); // Mon 4 + Tue 4 + Wed 3
    expect(days.slice(11)).toEqual([
      '2026-03-26',
      '2026-03-26',
      '2026-03-26',
      '2026-03-27',
      '2026-03-27',
      '2026-03-27',
    ]);
  });

  it('schedule view: a header that carries a data-datekey wins over its text', () => {
    const doc = loadCalendarFixture('gcal-schedule.html');
    const header = doc.querySelector(calendarSelectors.scheduleDayHeader.css)!;
    header.setAttribute('data-datekey', String(((2026 - 1970) << 9) | (4 << 5) | 1));
    expect(readCalendarEvents(doc)[0]!.event.day).toBe('2026-04-01');
  });

  it('grid chips read in "agenda" mode take no day from data-datekey', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    for (const { event } of readCalendarEvents(doc, 'agenda')) expect(event.day).toBeNull();
  });

  it('reads injected markup in titles and descriptions as plain text', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    const chip = doc.querySelector(`[data-eventid="${fixturesIndex.popover.data_eventid}"][data-eventchip]`)!;
    const evil = '<img src=x onerror=alert(1)>';
    chip.querySelector('.I0UMhf')!.textContent = evil;
    chip.querySelector('.XuJrye')!.textContent =
      `10am to 10:30am, ${evil}, Alice Smith, Declined, No location, March 23, 2026`;
    const event = readCalendarEvents(doc).find((r) => r.element === chip)!.event;
    expect(event).toMatchObject({ title: evil, start: '10:00', response: 'declined' });
    expect(doc.querySelector('img[src="x"]')).toBeNull();
  });

  it('reads my response after an owner whose name holds commas ("Smith, Alice")', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    const chip = doc.querySelector(`[data-eventid="${fixturesIndex.popover.data_eventid}"][data-eventchip]`)!;
    const read = (owner: string, response: string) => {
      chip.querySelector('.XuJrye')!.textContent =
        `10am to 10:30am, Alice / Bob, ${owner}, ${response}No location, March 23, 2026`;
      return readCalendarEvents(doc).find((r) => r.element === chip)!.event.response;
    };
    expect(read('Smith, Alice', 'Declined, ')).toBe('declined');
    expect(read('Smith, Alice, Jr.', 'Tentative, ')).toBe('tentative');
    expect(read('Alice Smith', 'Declined, ')).toBe('declined');
    // No response segment at all: the location and the date are not read as one.
    expect(read('Smith, Alice', '')).toBe('unknown');
  });

  it('skips chips whose ids do not decode and keeps the first chip per id', () => {
    const doc = loadCalendarFixture('gcal-day.html');
    const chips = [...doc.querySelectorAll(calendarSelectors.eventChip.css)];
    chips[0]!.setAttribute('data-eventid', 'bm90IGFuIGlkIGF0IGFsbA'); // "not an id at all"
    chips[1]!.setAttribute('data-eventid', chips[2]!.getAttribute('data-eventid')!);
    const titles = readCalendarEvents(doc).map((r) => r.event.title);
    expect(titles).toEqual(['Interview: Staff Eng candidate', 'Vendor demo']);
  });

  it('an event crossing midnight has its start day on every piece, or none when its text does not say', () => {
    const doc = loadCalendarFixture('gcal-week.html');
    // "Lunch" on Friday 27 becomes 11pm to 1am, drawn in the Friday and the Saturday column (same id).
    const friday = [...doc.querySelectorAll<HTMLElement>(calendarSelectors.eventChip.css)].find(
      (chip) => chip.querySelector('.I0UMhf')?.textContent === 'Lunch',
    )!;
    friday.querySelector('.XuJrye')!.textContent =
      '11pm to 1am, Lunch, Alice Smith, No location, March 27, 2026';
    const saturday = friday.cloneNode(true) as HTMLElement;
    const saturdayColumn = doc.querySelector('[role="gridcell"][data-datekey="28796"][data-principal-ids]')!;
    saturdayColumn.append(saturday);
    const context = chipReadContext(doc);
    const pieces = [friday, saturday].map((chip) => readCalendarEvent(chip, context)!.event);
    for (const piece of pieces)
      expect(piece).toMatchObject({ day: '2026-03-27', start: '23:00', end: '01:00' });

    // A date that is neither the column's day nor the day before: unknown, not a guess.
    saturday.querySelector('.XuJrye')!.textContent =
      '11pm to 1am, Lunch, Alice Smith, No location, March 20, 2026';
    expect(readCalendarEvent(saturday, chipReadContext(doc))!.event.day).toBeNull();
    // An event ending at midnight sits in its start column.
    friday.querySelector('.XuJrye')!.textContent =
      '11pm to 12am, Lunch, Alice Smith, No location, March 27, 2026';
    expect(readCalendarEvent(friday, chipReadContext(doc))!.event.day).toBe('2026-03-27');
  });

  it('truncates a very long title to 1024 characters', () => {
    const doc = loadCalendarFixture('gcal-day.html');
    doc.querySelector('.I0UMhf')!.textContent = 'x'.repeat(5000);
    expect(readCalendarEvents(doc)[0]!.event.title).toHaveLength(1024);
  });
});

describe('readPrincipal', () => {
  it('decodes the column owner in week/day views and is null elsewhere', () => {
    const week = readCalendarEvents(loadCalendarFixture('gcal-day.html'));
    expect(readPrincipal(week[0]!.element)).toBe('alice@acme.example');
    const month = readCalendarEvents(loadCalendarFixture('gcal-month.html'));
    expect(readPrincipal(month[0]!.element)).toBeNull();
  });
});

describe('readCurrentView', () => {
  const page = (viewkey: string | null, path = '') => {
    const doc = document.implementation.createHTMLDocument('');
    if (viewkey !== null) doc.body.setAttribute('data-viewkey', viewkey);
    return { doc, path };
  };

  it.each([
    ['DAY', 'day'],
    ['WEEK', 'week'],
    ['CUSTOM_DAYS', 'custom_days'],
    ['MONTH', 'month'],
    ['AGENDA', 'agenda'],
    ['YEAR', 'year'],
    ['EVENT', 'unknown'],
    ['', 'unknown'],
  ])('body[data-viewkey=%j] is %s', (key, view) => {
    expect(readCurrentView(page(key).doc)).toBe(view);
  });

  it('falls back to the URL when the body does not say', () => {
    const url = (href: string) => ({ body: null, location: new URL(href), URL: href }) as unknown as Document;
    expect(readCurrentView(url('https://calendar.google.com/calendar/u/0/r/week/2026/3/22'))).toBe('week');
    expect(readCurrentView(url('https://calendar.google.com/calendar/u/0/r/customday/2026/3/25'))).toBe(
      'custom_days',
    );
    expect(readCurrentView(url('https://calendar.google.com/calendar/u/0/r/agenda'))).toBe('agenda');
    expect(readCurrentView(url('https://calendar.google.com/calendar/u/0/r/eventedit/abc'))).toBe('unknown');
    expect(readCurrentView(url('https://calendar.google.com/calendar/u/0/r'))).toBe('unknown');
  });
});

describe('locale parsers', () => {
  const en = calendarLocale('en-US')!;
  const gb = calendarLocale('en-GB')!;
  const de = calendarLocale('de-DE')!;
  const fr = calendarLocale('fr')!;
  const range = (text: string, locale = en) => {
    const parsed = parseTimeRange(text, locale);
    return parsed && [parsed.start, parsed.end];
  };

  it.each([
    ['3pm to 3:30pm, x', en, ['15:00', '15:30']],
    ['10:30am to 11am, x', en, ['10:30', '11:00']],
    ['12pm to 1pm, x', en, ['12:00', '13:00']],
    ['12am to 12:30am, x', en, ['00:00', '00:30']],
    ['11pm to 12am, x', en, ['23:00', '00:00']],
    ['10 to 10:30am, x', en, ['10:00', '10:30']],
    ['11 to 1pm, x', en, ['11:00', '13:00']],
    ['1 to 3pm, x', en, ['13:00', '15:00']],
    ['11 to 11:30am, x', en, ['11:00', '11:30']],
    ['3:30 PM – 4 PM, x', en, ['15:30', '16:00']],
    ['9 a.m. to 10 a.m., x', en, ['09:00', '10:00']],
    ['15:00 to 15:30, x', gb, ['15:00', '15:30']],
    ['09:00 to 09:15, x', gb, ['09:00', '09:15']],
    ['3pm to 3:30pm, x', gb, ['15:00', '15:30']],
    ['15:00 bis 15:30, x', de, ['15:00', '15:30']],
    ['15 Uhr bis 16 Uhr, x', de, ['15:00', '16:00']],
    ['9.30 bis 10 Uhr, x', de, ['09:30', '10:00']],
    ['von 8:00 bis 9:00, x', de, ['08:00', '09:00']],
    ['De 15:00 à 15:30, x', fr, ['15:00', '15:30']],
    ['De 15 h à 15 h 30, x', fr, ['15:00', '15:30']],
    ['15h30 à 16h, x', fr, ['15:30', '16:00']],
  ] as const)('reads %j', (text, locale, expected) => {
    expect(range(text, locale)).toEqual(expected);
  });

  it.each([
    ['25:00 to 26:00, x', en],
    ['13pm to 2pm, x', en],
    ['3pm to 3:30, x', en],
    ['3:75pm to 4pm, x', en],
    ['3pm to 4pm x', en],
    ['All day, x', en],
    ['Team sync 3pm to 4pm, x', en],
    ['15:00 to 15:30, x', de],
    ['15:00 bis 15:30, x', fr],
    ['De 15:00 à 15:30, x', en],
    // The start's half of the day is not said and the range crosses midnight: never 11am.
    ['11 to 12am, x', en],
    ['11:30 to 12:15am, x', en],
    ['11 to 1am, x', en],
  ] as const)('rejects %j', (text, locale) => {
    expect(parseTimeRange(text, locale)).toBeNull();
  });

  it.each([
    ['Accepted', en, 'accepted'],
    ['declined', en, 'declined'],
    ['Needs RSVP', gb, 'needs-action'],
    ['Zugesagt', de, 'accepted'],
    ['Abgesagt', de, 'declined'],
    ['Vielleicht', de, 'tentative'],
    ['Antwort ausstehend', de, 'needs-action'],
    ['Accepté', fr, 'accepted'],
    ['Refusé', fr, 'declined'],
    ['Peut-être', fr, 'tentative'],
    ['Réponse en attente', fr, 'needs-action'],
    ['Accepted!', en, null],
    ['Not accepted', en, null],
    ['Zugesagt', en, null],
    ['No location', en, null],
  ] as const)('response %j', (word, locale, expected) => {
    expect(parseResponse(word, locale)).toBe(expected);
  });

  it.each([
    ['4 events, Monday, March 23', en, { year: null, month: 3, day: 23 }],
    ['Monday, March 23, 2026', en, { year: 2026, month: 3, day: 23 }],
    ['5 events, Tuesday, March 24, today', en, { year: null, month: 3, day: 24 }],
    ['Monday, 23 March 2026', gb, { year: 2026, month: 3, day: 23 }],
    ['4 Termine, Montag, 23. März', de, { year: null, month: 3, day: 23 }],
    ['Ganztägig, Freitag, 1. Mai 2026', de, { year: 2026, month: 5, day: 1 }],
    ['4 événements, lundi 23 mars', fr, { year: null, month: 3, day: 23 }],
    ['mardi 24 mars 2026', fr, { year: 2026, month: 3, day: 24 }],
    ['samedi 1 août', fr, { year: null, month: 8, day: 1 }],
    ['4 events', en, null],
    ['Monday', en, null],
    ['March 2026', en, null],
    ['mardi 24', fr, null],
    ['Montag, März 23', de, null],
  ] as const)('day text %j', (text, locale, expected) => {
    expect(parseDayText(text, locale)).toEqual(expected);
  });

  it('knows en, de and fr only', () => {
    for (const lang of ['en', 'en-US', 'EN-gb', 'de', 'de-AT', 'fr', 'fr_CA'])
      expect(calendarLocale(lang)).not.toBeNull();
    for (const lang of [null, undefined, '', 'ja', 'es-ES', 'english'])
      expect(calendarLocale(lang)).toBeNull();
  });

  it('isoDay checks the calendar', () => {
    expect(isoDay(2026, 3, 23)).toBe('2026-03-23');
    expect(isoDay(2028, 2, 29)).toBe('2028-02-29');
    expect(isoDay(2026, 2, 29)).toBeNull();
    expect(isoDay(2026, 0, 1)).toBeNull();
    expect(isoDay(2026, 13, 1)).toBeNull();
    expect(isoDay(1969, 12, 31)).toBeNull();
  });

  it('isoDay agrees with Date on every day of a leap cycle and on the century rules', () => {
    /** The previous implementation: Date round trip. */
    const viaDate = (year: number, month: number, day: number) => {
      const date = new Date(Date.UTC(year, month - 1, day));
      if (year < 1970 || year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
        return null;
      return date.toISOString().slice(0, 10);
    };
    for (const year of [1970, 2023, 2024, 2025, 2026, 2100, 2000, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = -1; day <= 32; day++) expect(isoDay(year, month, day)).toBe(viaDate(year, month, day));
    expect(isoDay(2026, 3.5, 1)).toBeNull();
    expect(isoDay(Number.NaN, 3, 1)).toBeNull();
    expect(isoDay(10_000, 1, 1)).toBeNull();
  });
});

describe('normaliseText', () => {
  /** The previous implementation: every whitespace run replaced. */
  const reference = (text: string) => text.replace(/\s+/g, ' ').trim();

  it.each([
    ['', ''],
    ['Alice / Bob', 'Alice / Bob'],
    ['  Alice \n\t /   Bob  ', 'Alice / Bob'],
    ['3\u202fpm to 4\u00a0pm', '3 pm to 4 pm'],
    ['a\r\nb', 'a b'],
    ['\u2003lead and trail\u2003', 'lead and trail'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
    expect(normaliseText(text)).toBe(reference(text));
  });

  it('matches the whole-run replacement on random mixes of text and whitespace', () => {
    const pieces = ['a', 'Bob', ',', ' ', '  ', '\t', '\n', '\u00a0', '\u202f', '\u2009', '\ufeff', 'é'];
    let seed = 1;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 2000; i++) {
      const text = Array.from(
        { length: Math.floor(next() * 12) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      expect(normaliseText(text)).toBe(reference(text));
    }
    expect(normaliseText(null)).toBe('');
    expect(normaliseText(undefined)).toBe('');
  });
});
