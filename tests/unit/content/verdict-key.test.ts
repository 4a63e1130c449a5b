// The Calendar content script asks the background about an event once per verdict key (its id, title, all-day
// flag and whether I declined it) and reuses the answer when only the event's day or times change, or my
// answer changes between yes, maybe and not yet. These tests hold the background to that: its answer must not
// depend on anything else a chip shows.
import { describe, expect, it } from 'vitest';
import { badgeOf, DetailsCache, judgeEvents } from '@/lib/background/calendar';
import { verdictKey } from '@/lib/content/calendar-page';
import type { CalendarEvent } from '@/lib/google/calendar/model';
import { readCalendarEvents } from '@/lib/google/calendar/read-chips';
import {
  ALICE,
  BOB,
  calendarData,
  type CalendarDataInit,
  eventDetails,
  fakeCalendarDeps,
} from '../helpers/background';
import { loadFixture } from '../helpers/fixtures';

const week = readCalendarEvents(loadFixture('gcal-week.html')).map(({ event }) => event);
const aliceBob = week.find((event) => event.title === 'Alice / Bob')!;

/** The same event, moved, resized or answered otherwise (but not declined): not asked about again. */
const moves = (event: CalendarEvent): CalendarEvent[] => [
  { ...event, day: '2026-03-27' },
  { ...event, day: null },
  { ...event, start: '06:15', end: '23:45' },
  { ...event, start: null, end: null },
  ...(event.response === 'declined' || event.response === 'unknown'
    ? []
    : (['accepted', 'tentative', 'needs-action'] as const).map((response) => ({ ...event, response }))),
];

/** Linked, ignored, with guests known, or nothing at all: the background's answer in each situation. */
const SITUATIONS: Array<[string, CalendarDataInit, boolean]> = [
  ['nothing known', {}, false],
  [
    'a linked 1:1 series with open agreements',
    {
      people: { 'p-bob': ['bob.jones@acme.example'] },
      relationships: [{ id: 'r-bob', kind: 'peer', personIds: ['p-bob'], seriesIds: [aliceBob.seriesId] }],
      openAgreements: { 'r-bob': 3 },
    },
    false,
  ],
  ['its series ignored', { ignoredSeries: [aliceBob.seriesId] }, false],
  ['its guests read from the popover', {}, true],
];

async function answers(events: CalendarEvent[], init: CalendarDataInit, withGuests: boolean) {
  const details = new DetailsCache();
  if (withGuests) details.set(eventDetails({ dataEventId: aliceBob.dataEventId, guests: [ALICE, BOB] }));
  const judged = await judgeEvents(events, fakeCalendarDeps(calendarData(init)), details);
  return judged.map(badgeOf);
}

describe('the verdict key', () => {
  it.each(SITUATIONS)('covers all the background judges an event by (%s)', async (_label, init, guests) => {
    for (const event of week) {
      const [expected] = await answers([event], init, guests);
      for (const moved of moves(event)) {
        expect(verdictKey(moved)).toBe(verdictKey(event));
        expect((await answers([moved], init, guests))[0]).toEqual(expected);
      }
    }
  });

  it('covers a declined event: answered otherwise, it is asked about again', async () => {
    const declined = { ...aliceBob, response: 'declined' as const };
    expect((await answers([declined], {}, false))[0]).toBeNull();
    expect((await answers([aliceBob], {}, false))[0]).not.toBeNull();
    for (const response of ['accepted', 'tentative', 'needs-action', 'unknown'] as const)
      expect(verdictKey({ ...declined, response })).not.toBe(verdictKey(declined));
    // Not told (the chip does not say) is not an answer: told later, the event is sent again (the
    // "reschedule?" check ignores an unknown answer, and must see the one that follows it).
    const untold = { ...aliceBob, response: 'unknown' as const };
    for (const response of ['accepted', 'tentative', 'needs-action'] as const)
      expect(verdictKey({ ...untold, response })).not.toBe(verdictKey(untold));
  });

  it('differs when the title, all-day flag, declining or event differ, and starts with the id', () => {
    const key = verdictKey(aliceBob);
    expect(key.startsWith(`${aliceBob.dataEventId}\u0000`)).toBe(true);
    for (const changed of [
      { ...aliceBob, title: 'Alice / Bobby' },
      { ...aliceBob, allDay: true },
      { ...aliceBob, response: 'declined' as const },
      { ...aliceBob, dataEventId: week[0]!.dataEventId },
    ])
      expect(verdictKey(changed)).not.toBe(key);
  });
});
