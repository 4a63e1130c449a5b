/**
 * A popover read in a language Duet has no words for: its guest count or who organised it may be untold
 * (lib/google/calendar/read-details.ts). The rows read are then no proof: at most "likely", and never a link
 * to one of my 1:1s (its badge, prep and session would attach to someone else's meeting).
 */
import { describe, expect, it } from 'vitest';
import { badgeOf, DetailsCache, judgeEvents } from '@/lib/background/calendar';
import type { CalendarEvent, EventDetails } from '@/lib/google/calendar/model';
import {
  calendarData,
  type CalendarDataInit,
  calendarEvent,
  eventDetails,
  fakeCalendarDeps,
  guest,
} from '../helpers/background';
import { encodeEventId } from '../helpers/fixtures';

const ALICE = guest('alice@acme.example', 'Alice Smith');
const BOB = guest('bob.jones@acme.example', 'Bob Jones');
const CAROL = guest('carol@acme.example', 'Carol Diaz');

const CAROLS: CalendarDataInit = {
  myEmails: ['alice@acme.example'],
  people: { 'p-carol': ['carol@acme.example'], 'p-bob': ['bob.jones@acme.example'] },
  relationships: [
    { id: 'r-carol', kind: 'one-on-one', personIds: ['p-carol'], seriesIds: ['carolseries1'] },
    { id: 'r-bob', kind: 'one-on-one', personIds: ['p-bob'], seriesIds: [] },
  ],
};

const on = (calendarId: string, title: string, series: string): CalendarEvent =>
  calendarEvent({ dataEventId: encodeEventId(`${series}_20260323T170000Z ${calendarId}`), title });

async function judgeOne(event: CalendarEvent, read: Partial<EventDetails>, init = CAROLS) {
  const cache = new DetailsCache();
  cache.set(eventDetails({ dataEventId: event.dataEventId, title: event.title, ...read }));
  const [judged] = await judgeEvents([event], fakeCalendarDeps(calendarData(init)), cache);
  return { judged: judged!, badge: badgeOf(judged!) };
}

describe('judgeEvents: a guest count that could not be read', () => {
  it('a 5-person meeting with 2 rows drawn is no confirmed 1:1, and is not linked by the one other address', async () => {
    const event = on('alice@acme.example', '1:1 Carol', 'bigmeeting1');
    const { judged, badge } = await judgeOne(event, {
      guests: [ALICE, CAROL],
      guestCount: null,
      countUnread: true,
    });
    expect(badge).toMatchObject({ confidence: 'likely' });
    expect(judged.relationshipId).toBeNull();
  });

  it('nor by its series', async () => {
    const event = on('alice@acme.example', '1:1 Carol', 'carolseries1');
    const { judged, badge } = await judgeOne(event, {
      guests: [ALICE, CAROL],
      guestCount: null,
      countUnread: true,
    });
    expect(badge?.confidence).not.toBe('confirmed');
    expect(judged.relationshipId).toBeNull();
  });

  it('a count read (in any language) keeps today’s rules', async () => {
    const event = on('alice@acme.example', '1:1 Carol', 'bigmeeting2');
    const five = await judgeOne(event, { guests: [ALICE, CAROL], guestCount: 5 });
    expect(five.badge).toBeNull();
    const two = await judgeOne(event, { guests: [ALICE, CAROL], guestCount: 2 });
    expect(two.badge).toMatchObject({ confidence: 'confirmed' });
    expect(two.judged.relationshipId).toBe('r-carol');
  });
});

describe('judgeEvents: who organised a meeting on a shared calendar could not be told', () => {
  const TEAM = 'c_team123@g';

  it('someone else’s 1:1 on a team calendar, without me among its guests: never linked, never confirmed', async () => {
    const event = on(TEAM, '1:1 Bob', 'teambob1');
    const { judged, badge } = await judgeOne(event, {
      guests: [BOB],
      guestCount: 1,
      organizerUnread: true,
    });
    expect(judged.relationshipId).toBeNull();
    expect(badge?.confidence).not.toBe('confirmed');
  });

  it('with the organizer told (a known language), it is not mine: no badge', async () => {
    const event = on(TEAM, '1:1 Bob / Carol', 'teambob2');
    const { judged } = await judgeOne(event, {
      guests: [{ ...BOB, organizer: true }, CAROL],
      guestCount: 2,
    });
    expect(judged.detection).toMatchObject({ isOneOnOne: false, reason: 'not invited' });
  });

  it('does not matter when I am among the guests', async () => {
    const event = on(TEAM, '1:1 Bob', 'teambob3');
    const { judged, badge } = await judgeOne(event, {
      guests: [ALICE, BOB],
      guestCount: 2,
      organizerUnread: true,
    });
    expect(badge).toMatchObject({ confidence: 'confirmed' });
    expect(judged.relationshipId).toBe('r-bob');
  });
});
