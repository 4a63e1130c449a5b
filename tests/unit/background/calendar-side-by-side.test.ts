/**
 * A colleague's calendar side by side with mine (Day view "Meet with…", several columns naming different
 * calendars), or overlaid in a view whose columns name none (Month, Schedule on a fresh load): her meetings
 * are hers. Her own guest row must not be taken for me, and her "1:1 Dana / Carol" must never be linked to
 * my 1:1 with Carol (badge, prep and session would attach to her meeting).
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

const ALICE = guest('alice@acme.example', 'Alice Smith', { organizer: true });
const DANA = guest('dana@acme.example', 'Dana Cruz', { organizer: true });
const CAROL = guest('carol@acme.example', 'Carol Diaz');

/** My 1:1 with Carol, found by her address (a new series with a 1:1 title and the same person links). */
const MY_CAROL: CalendarDataInit = {
  myEmails: ['alice@acme.example'],
  people: { 'p-carol': ['carol@acme.example'] },
  relationships: [{ id: 'r-carol', kind: 'one-on-one', personIds: ['p-carol'], seriesIds: ['alicecarol1'] }],
  openAgreements: { 'r-carol': 2 },
};

const on = (calendarId: string, title: string, series: string): CalendarEvent =>
  calendarEvent({ dataEventId: encodeEventId(`${series}_20260323T170000Z ${calendarId}`), title });

const DANAS = on('dana@acme.example', '1:1 Dana / Carol', 'danacarol1');
const DANAS_PLAIN = on('dana@acme.example', 'Dana / Carol', 'danacarol2');
const MINE = on('alice@acme.example', '1:1 Alice / Carol', 'alicecarol1');

const popover = (event: CalendarEvent, guests = [DANA, CAROL]): EventDetails =>
  eventDetails({ dataEventId: event.dataEventId, title: event.title, guests, guestCount: guests.length });

async function judge(
  events: CalendarEvent[],
  principal: string | readonly string[] | undefined,
  init: CalendarDataInit = MY_CAROL,
  popovers: EventDetails[] = events.map((event) => popover(event)),
) {
  const cache = new DetailsCache();
  for (const details of popovers) cache.set(details);
  const judged = await judgeEvents(events, fakeCalendarDeps(calendarData(init)), cache, principal);
  return judged.map((j) => ({ judged: j, badge: badgeOf(j) }));
}

describe('judgeEvents: calendars side by side (Day view "Meet with…")', () => {
  const COLUMNS = ['alice@acme.example', 'dana@acme.example'];

  it('takes the column that is one of my emails as my own calendar: Dana’s 1:1 is hers, never linked', async () => {
    const [dana] = await judge([DANAS], COLUMNS);
    expect(dana!.judged.detection).toMatchObject({ isOneOnOne: false, reason: 'another person’s calendar' });
    expect(dana!.judged.relationshipId).toBeNull();
    expect(dana!.badge).toBeNull();
    const [plain] = await judge([DANAS_PLAIN], COLUMNS);
    expect(plain!.badge).toBeNull();
  });

  it('still badges and links my own column’s 1:1', async () => {
    const [mine] = await judge([MINE], COLUMNS, MY_CAROL, [popover(MINE, [ALICE, CAROL])]);
    expect(mine!.judged.relationshipId).toBe('r-carol');
    expect(mine!.badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed', openAgreements: 2 });
  });

  it('in any column order, and when the columns name my Gmail calendar as Google abbreviates it', async () => {
    const [dana] = await judge([DANAS], [...COLUMNS].reverse());
    expect(dana!.badge).toBeNull();
    const [gmail] = await judge([DANAS], ['alice.smith@m', 'dana@acme.example'], {
      ...MY_CAROL,
      myEmails: ['AliceSmith@gmail.com'],
    });
    expect(gmail!.judged.relationshipId).toBeNull();
    expect(gmail!.badge).toBeNull();
  });

  it('with none of the columns among my emails, no column is me: Dana’s row is not mine, nothing links', async () => {
    const [dana] = await judge([DANAS], ['asmith@acme.example', 'dana@acme.example']);
    expect(dana!.judged.relationshipId).toBeNull();
    expect(dana!.badge?.confidence).not.toBe('confirmed');
    // Dana counts as another person: "Dana / Carol" between two other people is no confirmed 1:1 of mine.
    const [plain] = await judge([DANAS_PLAIN], ['asmith@acme.example', 'dana@acme.example']);
    expect(plain!.badge?.confidence).not.toBe('confirmed');
    expect(plain!.judged.relationshipId).toBeNull();
  });

  it('without my emails nothing tells whose column is whose: today’s rule (the owner is me)', async () => {
    const [dana] = await judge([DANAS_PLAIN], COLUMNS, {});
    expect(dana!.badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed' });
  });

  it('one calendar named (a list of one) that is not among my emails stays mine (an alias the settings lack)', async () => {
    const alias = on('asmith@acme.example', '1:1 Alice / Bob', 'aliasbob1');
    const bob = guest('bob.jones@acme.example', 'Bob Jones');
    const [mine] = await judge([alias], ['asmith@acme.example'], MY_CAROL, [
      popover(alias, [guest('asmith@acme.example', 'Alice Smith'), bob]),
    ]);
    expect(mine!.badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed' });
  });
});

describe('judgeEvents: several calendars shown, the page not naming its own (Month, Schedule, fresh load)', () => {
  it('an owner not among my emails is not me when the batch shows more than one calendar', async () => {
    const judged = await judge([MINE, DANAS], undefined, MY_CAROL, [
      popover(MINE, [ALICE, CAROL]),
      popover(DANAS),
    ]);
    const dana = judged[1]!;
    expect(dana.judged.relationshipId).toBeNull();
    expect(dana.badge?.confidence).not.toBe('confirmed');
    // Mine is untouched.
    expect(judged[0]!.badge).toMatchObject({ confidence: 'confirmed' });
    expect(judged[0]!.judged.relationshipId).toBe('r-carol');
  });

  it('the calendars the page shows, sent with a later batch of one chip, count too (its popover just read)', async () => {
    const [dana] = await judge([DANAS], ['alice@acme.example', 'dana@acme.example', 'c_team@g']);
    expect(dana!.judged.relationshipId).toBeNull();
    expect(dana!.badge).toBeNull();
  });
});
