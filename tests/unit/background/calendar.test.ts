import { describe, expect, it } from 'vitest';
import {
  badgeOf,
  DetailsCache,
  type JudgedEvent,
  judgeEvents,
  panelContextOf,
} from '@/lib/background/calendar';
import type { CalendarEvent, EventDetails } from '@/lib/google/calendar/model';
import {
  type EventBadge,
  EventBadgeSchema,
  type PanelContext,
  PanelContextSchema,
} from '@/lib/messaging/protocol';
import {
  ALICE,
  BOB,
  calendarData,
  type CalendarDataInit,
  calendarEvent,
  eventDetails,
  fakeCalendarDeps,
  fixtureByTitle,
  fixtureEvent,
  guest,
} from '../helpers/background';
import { encodeEventId, fixturesIndex } from '../helpers/fixtures';

const ALICE_BOB_SERIES = '9q7kdlrmoh7cfue81kf5u8fmkk';
const WEEKLY_SYNC_SERIES = '2hhkdfkioarglai6oa7063kolo';
const CAROL = guest('carol@acme.example', 'Carol Diaz');
const ROOM = guest('room-4a@resource.calendar.google.com', 'Room 4A', { kind: 'room' });

/** The 1:1 titles of the fixture week and the kind their title says. */
const ONE_ON_ONE_TITLES: Record<string, EventBadge['kind']> = {
  'Alice / Bob': 'one-on-one',
  '1:1 Alice <> Carol': 'one-on-one',
  'Bob & Alice 1-on-1': 'one-on-one',
  '2-1 with Carol': 'two-on-one',
  'Skip-level: Alice / Ivy': 'skip-level',
  'Peer 1:1 — Alice & Evan': 'peer',
  'Alice / Frank': 'one-on-one',
};

/** Bob's 1:1 series, linked to the fixture "Alice / Bob" series, with 3 open agreements. */
const BOB_LINKED: CalendarDataInit = {
  people: { 'p-bob': ['bob.jones@acme.example'] },
  relationships: [{ id: 'r-bob', kind: 'peer', personIds: ['p-bob'], seriesIds: [ALICE_BOB_SERIES] }],
  openAgreements: { 'r-bob': 3 },
};

type CalendarContext = Extract<PanelContext, { surface: 'calendar' }>;

/** `panelContextOf`, narrowed to the Calendar surface it always gives for an event. */
function calendarContextOf(judged: JudgedEvent): CalendarContext {
  const context = panelContextOf(judged);
  if (context.surface !== 'calendar') throw new Error('not a calendar context');
  return context;
}

/** Bob's relationship as in BOB_LINKED, but linked to no Calendar series. */
const UNLINKED_BOB: CalendarDataInit = {
  ...BOB_LINKED,
  relationships: [{ id: 'r-bob', kind: 'peer', personIds: ['p-bob'], seriesIds: [] }],
};

async function judge(
  events: CalendarEvent[],
  init: CalendarDataInit = {},
  popovers: EventDetails[] = [],
  cache = new DetailsCache(),
) {
  for (const details of popovers) cache.set(details);
  const deps = fakeCalendarDeps(calendarData(init));
  const judged = await judgeEvents(events, deps, cache);
  return { judged, deps, badges: judged.map(badgeOf), contexts: judged.map(calendarContextOf) };
}

async function judgeOne(event: CalendarEvent, init: CalendarDataInit = {}, popovers: EventDetails[] = []) {
  const { judged, deps, badges, contexts } = await judge([event], init, popovers);
  return { judged: judged[0]!, deps, badge: badges[0]!, context: contexts[0]! };
}

const popoverFor = (event: CalendarEvent, overrides: Partial<EventDetails> = {}) =>
  eventDetails({ dataEventId: event.dataEventId, title: event.title, ...overrides });

describe('judgeEvents: title only (no popover read)', () => {
  it('badges the 1:1 titles of the fixture week as likely, with no open agreements, and nothing else', async () => {
    const events = [
      ...fixturesIndex.events.map((e) => calendarEvent({ dataEventId: e.data_eventid })),
      calendarEvent({ dataEventId: fixturesIndex.all_day.data_eventid }),
    ];
    const { badges } = await judge(events);
    expect(badges.filter((b) => b !== null)).toEqual(
      Object.entries(ONE_ON_ONE_TITLES).map(([title, kind]) => ({
        dataEventId: fixtureByTitle(title).data_eventid,
        kind,
        confidence: 'likely',
        openAgreements: 0,
      })),
    );
    for (const badge of badges) if (badge) expect(EventBadgeSchema.safeParse(badge).success).toBe(true);
  });

  it.each([
    'Weekly sync',
    'Team standup',
    'Lunch',
    'Focus time',
    'Design review',
    'Coffee chat: Alice + Grace',
  ])('no badge for %s', async (title) => {
    const { badge, context } = await judgeOne(fixtureEvent(title));
    expect(badge).toBeNull();
    expect(context.detection).toEqual({
      kind: null,
      confidence: null,
      counterparts: [],
      trackable: null,
      relationshipId: null,
    });
    expect(context.guests).toBeNull();
  });

  it('decides by the title the chip shows now, not by the id', async () => {
    expect((await judgeOne(fixtureEvent('Alice / Bob', { title: 'Lunch' }))).badge).toBeNull();
    expect((await judgeOne(fixtureEvent('Lunch', { title: '1:1 with Bob' }))).badge).toMatchObject({
      kind: 'one-on-one',
      confidence: 'likely',
    });
  });

  it('asks the database for the series once per batch, by series id, and for counts only of linked 1:1s', async () => {
    const lastWeek = calendarEvent({
      dataEventId: encodeEventId(`${ALICE_BOB_SERIES}_20260316T170000Z alice@acme.example`),
      title: 'Alice / Bob',
    });
    const { deps, badges } = await judge([fixtureEvent('Alice / Bob'), lastWeek, fixtureEvent('Lunch')]);
    expect(deps.settings).toHaveBeenCalledTimes(1);
    expect(deps.linkedToSeries).toHaveBeenCalledTimes(1);
    expect(deps.linkedToSeries.mock.calls[0]![0]).toEqual([ALICE_BOB_SERIES, 'okmes25dj3a7ddl56a5g7lo9e3']);
    expect(deps.withPeopleEmails).not.toHaveBeenCalled();
    expect(deps.openAgreementCounts).toHaveBeenCalledTimes(1);
    expect(deps.openAgreementCounts.mock.calls[0]![0]).toEqual([]);
    expect(badges.map((b) => b?.confidence ?? null)).toEqual(['likely', 'likely', null]);
  });

  it('handles an empty batch', async () => {
    const { judged } = await judge([]);
    expect(judged).toEqual([]);
  });
});

describe('judgeEvents: the detection rules from the options page', () => {
  const rules = (
    over: Partial<{ includeKeywords: string[]; excludeKeywords: string[]; maxGuests: number }>,
  ) => ({
    detection: { includeKeywords: [], excludeKeywords: [], maxGuests: 3, ...over },
  });

  it('an extra keyword badges "Weekly sync"; without it there is no badge', async () => {
    expect((await judgeOne(fixtureEvent('Weekly sync'))).badge).toBeNull();
    expect(
      (await judgeOne(fixtureEvent('Weekly sync'), rules({ includeKeywords: ['weekly sync'] }))).badge,
    ).toMatchObject({ kind: 'one-on-one', confidence: 'likely' });
  });

  it('an excluded keyword removes the badge of a 1:1 title', async () => {
    expect(
      (await judgeOne(fixtureEvent('Alice / Frank'), rules({ excludeKeywords: ['frank'] }))).badge,
    ).toBeNull();
  });

  it('max guests 2 takes the 2-1 out once its guests are known', async () => {
    const event = fixtureEvent('2-1 with Carol');
    const popover = popoverFor(event, {
      guests: [guest('alice@acme.example', 'Alice Smith'), CAROL, guest('dan@acme.example', 'Dan Wu')],
      guestCount: 3,
    });
    expect((await judgeOne(event, {}, [popover])).badge).toMatchObject({ kind: 'two-on-one' });
    expect((await judgeOne(event, rules({ maxGuests: 2 }), [popover])).badge).toBeNull();
  });
});

describe('judgeEvents: who is me', () => {
  it('counts the calendar owner (alice@acme.example) as me, even with no emails in settings', async () => {
    const event = fixtureEvent('Alice / Bob');
    expect(event.calendarId).toBe('alice@acme.example');
    const { badge, context } = await judgeOne(event, {}, [popoverFor(event)]);
    expect(badge).toEqual({
      dataEventId: event.dataEventId,
      kind: 'one-on-one',
      confidence: 'confirmed',
      openAgreements: 0,
    });
    const bob = { email: 'bob.jones@acme.example', name: 'Bob Jones' };
    expect(context.detection.counterparts).toEqual([bob]);
    expect(context.guests).toEqual([bob]);
  });

  it('reads a `…@m` calendar as the owner’s @gmail.com address, in any letter case', async () => {
    const event = calendarEvent({
      dataEventId: encodeEventId('gm1x2y3z_20260323T170000Z alice.smith@m'),
      title: 'Alice / Bob',
    });
    expect(event).toMatchObject({ seriesId: 'gm1x2y3z', calendarId: 'alice.smith@m' });
    const details = popoverFor(event, {
      guests: [guest('Alice.Smith@Gmail.com', 'Alice Smith'), guest('bob@gmail.com', 'Bob')],
    });
    const { badge, context } = await judgeOne(event, {}, [details]);
    expect(badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed' });
    expect(context.detection.counterparts).toEqual([{ email: 'bob@gmail.com', name: 'Bob' }]);
    expect(context.guests).toEqual([{ email: 'bob@gmail.com', name: 'Bob' }]);
  });

  it('knows me on a guest row as Gmail delivers it (dots, +tag), whatever calendar shows the event', async () => {
    const event = calendarEvent({ dataEventId: encodeEventId('grp2 c_team@g'), title: 'Alice / Bob' });
    const details = popoverFor(event, {
      guests: [guest('Alice.Smith+cal@gmail.com', 'Alice Smith'), guest('bob@acme.example', 'Bob')],
    });
    const { badge, context } = await judgeOne(event, { myEmails: ['alicesmith@gmail.com'] }, [details]);
    expect(badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed' });
    expect(context.guests).toEqual([{ email: 'bob@acme.example', name: 'Bob' }]);
  });

  it('does not take a group calendar (`…@g`) for a person: the settings decide who I am', async () => {
    const event = calendarEvent({ dataEventId: encodeEventId('grp1 c_team@g'), title: 'Alice / Bob' });
    const details = popoverFor(event);
    // Alice and Bob are both "others": a 1:1 title with two others is only likely.
    const unknownMe = await judgeOne(event, {}, [details]);
    expect(unknownMe.badge).toMatchObject({ confidence: 'likely' });
    expect(unknownMe.context.guests).toHaveLength(2);
    const knownMe = await judgeOne(event, { myEmails: ['ALICE@acme.example'] }, [details]);
    expect(knownMe.badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed' });
    expect(knownMe.context.guests).toEqual([{ email: 'bob.jones@acme.example', name: 'Bob Jones' }]);
  });
});

describe('judgeEvents: guests from a cached popover', () => {
  it('makes a 1:1 title confirmed, with the other guest as counterpart, the Meet code and recurrence', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { badge, context } = await judgeOne(event, {}, [popoverFor(event)]);
    expect(badge?.confidence).toBe('confirmed');
    const bob = { email: 'bob.jones@acme.example', name: 'Bob Jones' };
    expect(context).toEqual({
      surface: 'calendar',
      dataEventId: event.dataEventId,
      eventKey: '9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z',
      seriesKey: ALICE_BOB_SERIES,
      title: 'Alice / Bob',
      day: '2026-03-23',
      start: '10:00',
      startsAt: new Date(2026, 2, 23, 10, 0).getTime(),
      recurring: true,
      detection: {
        kind: 'one-on-one',
        confidence: 'confirmed',
        counterparts: [bob],
        trackable: null,
        relationshipId: null,
      },
      guests: [bob],
      meetCode: 'abc-defg-hij',
    });
    expect(PanelContextSchema.safeParse(context).success).toBe(true);
  });

  it('offers exactly one other person with a plain title as trackable, not as a 1:1', async () => {
    const event = fixtureEvent('Weekly sync');
    const { badge, context } = await judgeOne(event, {}, [popoverFor(event, { meetCode: null })]);
    expect(badge).toBeNull();
    const bob = { email: 'bob.jones@acme.example', name: 'Bob Jones' };
    expect(context.detection).toEqual({
      kind: null,
      confidence: null,
      counterparts: [],
      trackable: bob,
      relationshipId: null,
    });
    expect(context.guests).toEqual([bob]);
    expect(context.meetCode).toBeNull();
  });

  it('leaves rooms out of the guests and the count', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { badge, context } = await judgeOne(event, {}, [popoverFor(event, { guests: [ALICE, ROOM, BOB] })]);
    expect(badge?.confidence).toBe('confirmed');
    expect(context.guests).toEqual([{ email: 'bob.jones@acme.example', name: 'Bob Jones' }]);
  });

  it('with three others, a 1:1 title is not a 1:1 and nobody is trackable', async () => {
    const event = fixtureEvent('Alice / Bob');
    const others = [BOB, CAROL, guest('dan@acme.example', 'Dan')];
    const { badge, context } = await judgeOne(event, {}, [popoverFor(event, { guests: [ALICE, ...others] })]);
    expect(badge).toBeNull();
    expect(context.detection.trackable).toBeNull();
    expect(context.guests).toHaveLength(3);
  });

  it('applies a popover only to its own event', async () => {
    const bob = fixtureEvent('Alice / Bob');
    const carol = fixtureEvent('1:1 Alice <> Carol');
    const { badges, contexts } = await judge([bob, carol], {}, [popoverFor(bob)]);
    expect(badges.map((b) => b?.confidence)).toEqual(['confirmed', 'likely']);
    expect(contexts[1]!.guests).toBeNull();
    expect(contexts[1]!.meetCode).toBeNull();
  });

  it('keeps a huge guest list within the panel context’s limits', async () => {
    const event = fixtureEvent('Alice / Bob');
    const crowd = Array.from({ length: 60 }, (_, i) => guest(`guest${i}@acme.example`, `Guest ${i}`));
    const { context } = await judgeOne(event, BOB_LINKED, [
      popoverFor(event, { guests: [ALICE, BOB, ...crowd] }),
    ]);
    expect(context.detection.relationshipId).toBe('r-bob');
    expect(context.detection.counterparts).toHaveLength(10);
    expect(context.guests).toHaveLength(50);
    expect(PanelContextSchema.safeParse(context).success).toBe(true);
  });
});

describe('judgeEvents: relationships', () => {
  it('links a series whose relationship’s person is a guest: confirmed, the relationship’s kind and count', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { badge, context, deps } = await judgeOne(event, BOB_LINKED, [popoverFor(event)]);
    expect(badge).toEqual({
      dataEventId: event.dataEventId,
      kind: 'peer',
      confidence: 'confirmed',
      openAgreements: 3,
    });
    expect(context.detection).toMatchObject({
      kind: 'peer',
      confidence: 'confirmed',
      relationshipId: 'r-bob',
    });
    expect(deps.openAgreementCounts).toHaveBeenCalledWith(['r-bob']);
  });

  it('links by series alone while guests are unknown, even for a plain title', async () => {
    const init: CalendarDataInit = {
      ...BOB_LINKED,
      relationships: [
        { id: 'r-bob', kind: 'one-on-one', personIds: ['p-bob'], seriesIds: [WEEKLY_SYNC_SERIES] },
      ],
      openAgreements: { 'r-bob': 1 },
    };
    const { badge, context } = await judgeOne(fixtureEvent('Weekly sync'), init);
    expect(badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed', openAgreements: 1 });
    expect(context.detection.relationshipId).toBe('r-bob');
  });

  it('matches the relationship’s emails in any letter case', async () => {
    const event = fixtureEvent('Alice / Bob');
    const details = popoverFor(event, { guests: [ALICE, guest('Bob.Jones@ACME.example', 'Bob Jones')] });
    const { context } = await judgeOne(event, BOB_LINKED, [details]);
    expect(context.detection.relationshipId).toBe('r-bob');
  });

  it('fails closed: a linked series whose person is not among the guests is not linked', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { badge, context, deps } = await judgeOne(event, BOB_LINKED, [
      popoverFor(event, { guests: [ALICE, CAROL] }),
    ]);
    expect(context.detection.relationshipId).toBeNull();
    // Still a 1:1 by its title and guests, but not Bob's: no kind or count from his relationship.
    expect(badge).toEqual({
      dataEventId: event.dataEventId,
      kind: 'one-on-one',
      confidence: 'confirmed',
      openAgreements: 0,
    });
    expect(context.detection.counterparts).toEqual([{ email: 'carol@acme.example', name: 'Carol Diaz' }]);
    expect(deps.openAgreementCounts).toHaveBeenCalledWith([]);
  });

  it('fails closed for a plain title too: no badge, Carol is only trackable', async () => {
    const init: CalendarDataInit = {
      ...BOB_LINKED,
      relationships: [{ id: 'r-bob', kind: 'peer', personIds: ['p-bob'], seriesIds: [WEEKLY_SYNC_SERIES] }],
    };
    const event = fixtureEvent('Weekly sync');
    const { badge, context } = await judgeOne(event, init, [popoverFor(event, { guests: [ALICE, CAROL] })]);
    expect(badge).toBeNull();
    expect(context.detection).toMatchObject({
      relationshipId: null,
      trackable: { email: 'carol@acme.example', name: 'Carol Diaz' },
    });
  });

  // The contract (calendar.ts, detection-types.ts, protocol.ts): once guests are known, a series link holds
  // only if one of them is the relationship's person ("by series id AND a guest's email"; fail closed).
  it('fails closed when the popover shows no other guest at all (Bob was removed from the invite)', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { badge, context } = await judgeOne(event, BOB_LINKED, [popoverFor(event, { guests: [ALICE] })]);
    expect(context.guests).toEqual([]);
    expect(context.detection.relationshipId).toBeNull();
    expect(badge).toBeNull();
  });

  it('fails closed when the only other guest shows no email', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { context } = await judgeOne(event, BOB_LINKED, [
      popoverFor(event, { guests: [ALICE, guest(null, 'Carol Diaz')] }),
    ]);
    expect(context.detection.relationshipId).toBeNull();
    expect(context.detection.kind).not.toBe('peer');
  });

  // A new series id for a known 1:1 (the series was edited or recreated): its person is the only other guest.
  it('without a series link, finds the relationship of the one other guest by email (1:1 title)', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { badge, context, deps } = await judgeOne(event, UNLINKED_BOB, [popoverFor(event)]);
    expect(deps.withPeopleEmails).toHaveBeenCalledWith(['bob.jones@acme.example']);
    expect(context.detection).toMatchObject({ relationshipId: 'r-bob', kind: 'peer', trackable: null });
    expect(badge).toMatchObject({ kind: 'peer', confidence: 'confirmed', openAgreements: 3 });
  });

  it('without a series link and with a plain title, does not link by email: the person is only trackable', async () => {
    const event = fixtureEvent('Weekly sync');
    const { badge, context } = await judgeOne(event, UNLINKED_BOB, [popoverFor(event)]);
    expect(badge).toBeNull();
    expect(context.detection).toMatchObject({
      relationshipId: null,
      trackable: { email: 'bob.jones@acme.example', name: 'Bob Jones' },
    });
  });

  it('a title that is a 1:1 by the user’s own title words links by email too; one with an excluded word does not', async () => {
    const rules = { includeKeywords: ['catch-up'], excludeKeywords: ['interview'], maxGuests: 3 };
    const event = fixtureEvent('Weekly sync', { title: 'Bob catch-up' });
    const { context } = await judgeOne(event, { ...UNLINKED_BOB, detection: rules }, [popoverFor(event)]);
    expect(context.detection).toMatchObject({ relationshipId: 'r-bob' });
    const excluded = fixtureEvent('Alice / Bob', { title: 'Alice / Bob interview' });
    const { context: notLinked } = await judgeOne(excluded, { ...UNLINKED_BOB, detection: rules }, [
      popoverFor(excluded),
    ]);
    expect(notLinked.detection.relationshipId).toBeNull();
  });

  it('does not guess when the other guest’s email belongs to two relationships', async () => {
    const init: CalendarDataInit = {
      people: { 'p-bob': ['bob.jones@acme.example'] },
      relationships: [
        { id: 'r-bob', kind: 'one-on-one', personIds: ['p-bob'], seriesIds: [] },
        { id: 'r-bob-career', kind: 'career', personIds: ['p-bob'], seriesIds: [] },
      ],
      openAgreements: { 'r-bob': 1, 'r-bob-career': 1 },
    };
    const event = fixtureEvent('Alice / Bob');
    const { badge, context, deps } = await judgeOne(event, init, [popoverFor(event)]);
    expect(deps.withPeopleEmails).toHaveBeenCalledTimes(1);
    expect(context.detection.relationshipId).toBeNull();
    // Still a 1:1 by its title and guests, with no relationship's kind or count.
    expect(badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed', openAgreements: 0 });
  });

  it('does not look people up by email when there are two other guests', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { context, deps } = await judgeOne(event, UNLINKED_BOB, [
      popoverFor(event, { guests: [ALICE, BOB, CAROL] }),
    ]);
    expect(deps.withPeopleEmails).not.toHaveBeenCalled();
    expect(context.detection.relationshipId).toBeNull();
  });

  it('does not look people up by email when the series link already matched', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { deps } = await judgeOne(event, BOB_LINKED, [popoverFor(event)]);
    expect(deps.withPeopleEmails).not.toHaveBeenCalled();
  });

  it('counts open agreements per relationship, asked once for the whole batch', async () => {
    const init: CalendarDataInit = {
      people: { 'p-bob': ['bob.jones@acme.example'], 'p-frank': ['frank@acme.example'] },
      relationships: [
        { id: 'r-bob', kind: 'one-on-one', personIds: ['p-bob'], seriesIds: [ALICE_BOB_SERIES] },
        {
          id: 'r-frank',
          kind: 'one-on-one',
          personIds: ['p-frank'],
          seriesIds: ['p5cei7a8gavd6bsgqfs398fhj8'],
        },
      ],
      openAgreements: { 'r-bob': 120, 'r-frank': 0 },
    };
    const linked = await judge(
      [fixtureEvent('Alice / Bob'), fixtureEvent('Alice / Frank'), fixtureEvent('Lunch')],
      init,
    );
    expect(linked.badges.map((b) => b?.openAgreements ?? null)).toEqual([120, 0, null]);
    expect(linked.deps.openAgreementCounts).toHaveBeenCalledTimes(1);
    expect(linked.deps.openAgreementCounts.mock.calls[0]![0]).toEqual(['r-bob', 'r-frank']);
  });
});

describe('judgeEvents: never a badge', () => {
  it('for a series the user marked "not a 1:1", whatever the title, guests or link', async () => {
    const event = fixtureEvent('Alice / Bob');
    const init = { ...BOB_LINKED, ignoredSeries: [ALICE_BOB_SERIES] };
    expect((await judgeOne(event, init)).badge).toBeNull();
    const { badge, context, deps } = await judgeOne(event, init, [popoverFor(event)]);
    expect(badge).toBeNull();
    expect(context.detection).toMatchObject({
      kind: null,
      confidence: null,
      counterparts: [],
      trackable: null,
    });
    expect(deps.openAgreementCounts).toHaveBeenCalledWith([]);
  });

  it('ignores only that series', async () => {
    const { badges } = await judge([fixtureEvent('Alice / Bob'), fixtureEvent('1:1 Alice <> Carol')], {
      ignoredSeries: [ALICE_BOB_SERIES],
    });
    expect(badges.map((b) => b?.kind ?? null)).toEqual([null, 'one-on-one']);
  });

  it('for an event I declined, even a linked 1:1 with its guests', async () => {
    const event = fixtureEvent('Alice / Bob', { response: 'declined' });
    expect((await judgeOne(event)).badge).toBeNull();
    expect((await judgeOne(event, BOB_LINKED, [popoverFor(event)])).badge).toBeNull();
  });

  it('for the declined "Vendor demo" renamed to a 1:1 title', async () => {
    const event = fixtureEvent('Vendor demo', { title: 'Alice / Bob' });
    expect(event.response).toBe('declined');
    expect((await judgeOne(event)).badge).toBeNull();
  });

  it('for all-day events, even with a 1:1 title or a link', async () => {
    const offsite = calendarEvent({
      dataEventId: fixturesIndex.all_day.data_eventid,
      title: '1:1 Alice / Bob',
    });
    expect(offsite).toMatchObject({
      allDay: true,
      start: null,
      calendarId: 'c_9k2m4n6p8r0t2v4x6z8b0d2f4h@g',
    });
    expect((await judgeOne(offsite)).badge).toBeNull();
    const allDayBob = fixtureEvent('Alice / Bob', { allDay: true, start: null, end: null });
    expect((await judgeOne(allDayBob, BOB_LINKED, [popoverFor(allDayBob)])).badge).toBeNull();
  });

  it('for other responses (tentative, needs-action, unknown) the title still counts', async () => {
    for (const response of ['tentative', 'needs-action', 'unknown', 'accepted'] as const) {
      expect((await judgeOne(fixtureEvent('Alice / Bob', { response }))).badge).toMatchObject({
        confidence: 'likely',
      });
    }
  });
});

describe('panelContextOf', () => {
  it('is valid against the protocol for every event of the fixture week, read or not', async () => {
    const events = fixturesIndex.events.map((e) => calendarEvent({ dataEventId: e.data_eventid }));
    const popovers = events.map((event) => popoverFor(event));
    for (const cache of [[], popovers]) {
      const { contexts } = await judge(events, BOB_LINKED, cache);
      for (const context of contexts) expect(PanelContextSchema.safeParse(context).success).toBe(true);
    }
  });

  it('marks a single event as not recurring, unless its popover shows a recurrence line', async () => {
    const single = fixtureEvent('Alice / Frank');
    expect(single.eventId).toBe(single.seriesId);
    const bare = await judgeOne(single);
    expect(bare.context).toMatchObject({
      eventKey: single.eventId,
      seriesKey: single.eventId,
      day: '2026-03-27',
      start: '09:30',
      recurring: false,
      guests: null,
      meetCode: null,
    });
    const read = await judgeOne(single, {}, [
      popoverFor(single, { recurrence: 'Weekly on Friday', meetCode: null }),
    ]);
    expect(read.context.recurring).toBe(true);
  });

  it('marks an instance of a series as recurring and keys it by event and series', async () => {
    const { context } = await judgeOne(fixtureEvent('Alice / Bob'));
    expect(context).toMatchObject({
      eventKey: '9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z',
      seriesKey: ALICE_BOB_SERIES,
      recurring: true,
    });
  });
});

describe('DetailsCache', () => {
  const detailsFor = (n: number) => eventDetails({ dataEventId: `event${n}`, title: `Event ${n}` });

  it('remembers details by data-eventid and answers undefined for others', () => {
    const cache = new DetailsCache();
    cache.set(detailsFor(1));
    expect(cache.get('event1')).toEqual(detailsFor(1));
    expect(cache.get('event2')).toBeUndefined();
  });

  it('replaces the details of an event read again', () => {
    const cache = new DetailsCache(2);
    cache.set(detailsFor(1));
    cache.set({ ...detailsFor(1), meetCode: null });
    cache.set(detailsFor(2));
    expect(cache.get('event1')?.meetCode).toBeNull();
    expect(cache.get('event2')).toBeDefined();
  });

  it('keeps the guests an earlier read found when a later one has none drawn yet (null), not when it has some', () => {
    const cache = new DetailsCache();
    cache.set(detailsFor(1));
    const known = detailsFor(1).guests;
    cache.set({ ...detailsFor(1), guests: null, guestCount: null, recurrence: 'Weekly on Monday' });
    expect(cache.get('event1')).toMatchObject({ guests: known, recurrence: 'Weekly on Monday' });
    cache.set({ ...detailsFor(1), guests: [], guestCount: 1 });
    expect(cache.get('event1')).toMatchObject({ guests: [], guestCount: 1 });
    cache.set({ ...detailsFor(2), guests: null });
    expect(cache.get('event2')!.guests).toBeNull();
  });

  it('evicts the oldest entry beyond its max', () => {
    const cache = new DetailsCache(2);
    cache.set(detailsFor(1));
    cache.set(detailsFor(2));
    cache.set(detailsFor(3));
    expect(cache.get('event1')).toBeUndefined();
    expect(cache.get('event2')).toBeDefined();
    expect(cache.get('event3')).toBeDefined();
  });

  it('counts a re-read event as the newest', () => {
    const cache = new DetailsCache(2);
    cache.set(detailsFor(1));
    cache.set(detailsFor(2));
    cache.set(detailsFor(1));
    cache.set(detailsFor(3));
    expect(cache.get('event2')).toBeUndefined();
    expect(cache.get('event1')).toBeDefined();
    expect(cache.get('event3')).toBeDefined();
  });

  it('keeps 500 events by default', () => {
    const cache = new DetailsCache();
    for (let n = 0; n <= 500; n++) cache.set(detailsFor(n));
    expect(cache.get('event0')).toBeUndefined();
    expect(cache.get('event1')).toBeDefined();
    expect(cache.get('event500')).toBeDefined();
  });

  it('an evicted popover no longer confirms its event', async () => {
    const cache = new DetailsCache(1);
    const bob = fixtureEvent('Alice / Bob');
    const carol = fixtureEvent('1:1 Alice <> Carol');
    const { badges } = await judge([bob], {}, [popoverFor(bob), popoverFor(carol)], cache);
    expect(badges[0]?.confidence).toBe('likely');
  });
});

/** `judgeOne` with settings the helpers do not set (the user's name). */
async function judgeWithSettings(
  event: CalendarEvent,
  settings: { myName?: string; myEmails?: string[] },
  popovers: EventDetails[] = [],
) {
  const cache = new DetailsCache();
  for (const details of popovers) cache.set(details);
  const deps = fakeCalendarDeps(calendarData({ myEmails: settings.myEmails ?? [] }));
  const base = await deps.settings();
  deps.settings.mockResolvedValue({ ...base, ...settings });
  const [judged] = await judgeEvents([event], deps, cache);
  return { judged: judged!, context: calendarContextOf(judged!) };
}

describe('judgeEvents: my own name in a title (chip only)', () => {
  it('drops the title name that is me (settings.myName, by first name, any case or accents)', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { context } = await judgeWithSettings(event, { myName: 'alice Smith' });
    expect(context.detection.counterparts).toEqual([{ email: null, name: 'Bob' }]);
    const accented = fixtureEvent('Alice / Bob', { title: 'Éloïse / Bob' });
    expect((await judgeWithSettings(accented, { myName: 'Eloise' })).context.detection.counterparts).toEqual([
      { email: null, name: 'Bob' },
    ]);
  });

  it('without a name in the settings, my calendar’s address stands in for it (a first run: not “with Alice”)', async () => {
    const { context } = await judgeWithSettings(fixtureEvent('Alice / Bob'), { myName: '' });
    expect(context.detection.counterparts.map((c) => c.name)).toEqual(['Bob']);
    const mine = fixtureEvent('Alice / Bob', { title: '1:1 with Alice' });
    expect((await judgeWithSettings(mine, { myName: '' })).context.detection.counterparts).toEqual([]);
  });

  it('does not touch the counterparts once the guests are known', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { context } = await judgeWithSettings(event, { myName: 'Bob' }, [popoverFor(event)]);
    expect(context.detection.counterparts).toEqual([{ email: 'bob.jones@acme.example', name: 'Bob Jones' }]);
  });
});

describe('judgeEvents: a colleague’s calendar overlaid on mine', () => {
  const onCalendar = (calendarId: string, title: string, series = 'bobcarol1') =>
    calendarEvent({ dataEventId: encodeEventId(`${series}_20260323T170000Z ${calendarId}`), title });
  // Bob is a person of one of my 1:1s: his calendar is his, not mine.
  const ME = { myEmails: ['alice@acme.example'], people: { 'p-bob': ['bob.jones@acme.example'] } };

  it('is not my 1:1 when the calendar’s owner is one of my 1:1s’ people, not among my emails', async () => {
    const event = onCalendar('bob.jones@acme.example', 'Bob / Carol');
    expect(event.calendarId).toBe('bob.jones@acme.example');
    const { judged, badge, context } = await judgeOne(event, ME, [
      popoverFor(event, { guests: [BOB, CAROL] }),
    ]);
    expect(judged.detection).toEqual({
      isOneOnOne: false,
      reason: 'another person’s calendar',
      trackable: null,
    });
    expect(badge).toBeNull();
    // Bob is not me there: he is one of the guests the panel lists.
    expect(context.guests).toEqual([
      { email: 'bob.jones@acme.example', name: 'Bob Jones' },
      { email: 'carol@acme.example', name: 'Carol Diaz' },
    ]);
  });

  it('is not my 1:1 from its title alone either', async () => {
    const { judged, badge } = await judgeOne(onCalendar('bob.jones@acme.example', '1:1 Bob <> Carol'), ME);
    expect(judged.detection).toMatchObject({ isOneOnOne: false, reason: 'another person’s calendar' });
    expect(badge).toBeNull();
  });

  it('takes no link from a series or an email there, so no count and no reminders', async () => {
    const event = onCalendar('bob.jones@acme.example', 'Alice / Bob', ALICE_BOB_SERIES);
    const chip = await judgeOne(event, { ...BOB_LINKED, ...ME });
    expect(chip.judged.relationshipId).toBeNull();
    expect(chip.badge).toBeNull();
    expect(chip.deps.openAgreementCounts).toHaveBeenCalledWith([]);
    const carol = onCalendar('bob.jones@acme.example', '1:1 Bob <> Carol', 'other1');
    const read = await judgeOne(carol, { ...UNLINKED_BOB, ...ME }, [popoverFor(carol, { guests: [CAROL] })]);
    expect(read.deps.withPeopleEmails).not.toHaveBeenCalled();
    expect(read.judged.relationshipId).toBeNull();
  });

  it('still badges the same meeting on my own calendar', async () => {
    const event = onCalendar('alice@acme.example', 'Alice / Bob');
    const { badge } = await judgeOne(event, ME, [popoverFor(event)]);
    expect(badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed' });
    const chip = await judgeOne(onCalendar('alice@acme.example', '1:1 Bob <> Carol'), ME);
    expect(chip.badge).toMatchObject({ kind: 'one-on-one', confidence: 'likely' });
  });

  it('reads the owner among my emails in any letter case, and `…@m` as @gmail.com', async () => {
    const bobs = onCalendar('bob.jones@acme.example', 'Bob / Carol');
    const mine = { myEmails: ['alice@acme.example', 'Bob.Jones@ACME.example'] };
    const { badge } = await judgeOne(bobs, mine, [popoverFor(bobs, { guests: [BOB, CAROL] })]);
    expect(badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed' });
    const gmail = onCalendar('alice.smith@m', 'Alice / Bob');
    const own = await judgeOne(gmail, { myEmails: ['alice.smith@gmail.com'] }, [
      popoverFor(gmail, { guests: [guest('alice.smith@gmail.com', 'Alice'), BOB] }),
    ]);
    expect(own.badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed' });
  });

  it('never hides my own 1:1s: an owner no person of mine has is me, whatever my emails say', async () => {
    // An alias or another domain of mine that the settings lack: no evidence it is someone else's.
    for (const calendarId of ['asmith@acme.example', 'alice@acme.de', 'alice.smith@m']) {
      const event = onCalendar(calendarId, '1:1 Alice <> Bob', `s${calendarId.length}`);
      const { judged, badge } = await judgeOne(event, { myEmails: ['alice.smith@acme.example'] });
      expect(judged.detection.reason, calendarId).not.toBe('another person’s calendar');
      expect(badge, calendarId).toMatchObject({ kind: 'one-on-one' });
    }
  });

  it('compares my Gmail addresses as Gmail does (dots, +tags, googlemail.com)', async () => {
    // Bob's calendar id `…@m` is his @gmail.com address.
    const gmailBob = { myEmails: ['alice@acme.example'], people: { 'p-bob': ['bobjones@gmail.com'] } };
    const bobs = onCalendar('bobjones@m', '1:1 Bob <> Carol');
    expect((await judgeOne(bobs, gmailBob)).judged.detection.reason).toBe('another person’s calendar');
    const mine = onCalendar('alice.smith@m', '1:1 Alice <> Bob');
    const asMine = {
      myEmails: ['AliceSmith+work@googlemail.com'],
      people: { 'p-me': ['alicesmith@gmail.com'] },
    };
    expect((await judgeOne(mine, asMine)).badge).toMatchObject({ kind: 'one-on-one' });
  });

  it('without emails in settings, a person record holding my own address hides nothing', async () => {
    const mine = onCalendar('alice@acme.example', '1:1 Alice <> Bob');
    const { judged, badge } = await judgeOne(mine, { people: { 'p-me': ['alice@acme.example'] } });
    expect(judged.detection.reason).not.toBe('another person’s calendar');
    expect(badge).toMatchObject({ kind: 'one-on-one' });
  });

  it('keeps today’s rule without emails in settings: the owner is me', async () => {
    const event = onCalendar('bob.jones@acme.example', 'Bob / Carol');
    const { badge, context } = await judgeOne(event, {}, [popoverFor(event, { guests: [BOB, CAROL] })]);
    expect(badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed' });
    expect(context.detection.counterparts).toEqual([{ email: 'carol@acme.example', name: 'Carol Diaz' }]);
  });

  it('does not change a group calendar: the settings decide who I am', async () => {
    const event = calendarEvent({ dataEventId: encodeEventId('grp1 c_team@g'), title: 'Alice / Bob' });
    const { badge } = await judgeOne(event, ME, [popoverFor(event)]);
    expect(badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed' });
  });
});

describe('judgeEvents: the page names its own calendar (the account’s principal)', () => {
  const onCalendar = (calendarId: string, title: string, series = 'danerin1') =>
    calendarEvent({ dataEventId: encodeEventId(`${series}_20260323T170000Z ${calendarId}`), title });
  const judgeOnPage = async (event: CalendarEvent, principal: string, init: CalendarDataInit = {}) => {
    const deps = fakeCalendarDeps(calendarData(init));
    const [judged] = await judgeEvents([event], deps, new DetailsCache(), principal);
    return { judged: judged!, badge: badgeOf(judged!) };
  };

  it('an overlaid calendar of someone Duet does not know is theirs, not mine', async () => {
    const dan = onCalendar('dan@acme.example', '1:1 Dan <> Erin');
    // Without the page's word: nothing tells it apart (no person of mine is Dan), so it counts as mine.
    expect((await judgeOne(dan, { myEmails: ['alice@acme.example'] })).badge).toMatchObject({
      kind: 'one-on-one',
    });
    // The page is Alice's, and her emails are set: Dan's calendar is Dan's.
    const { judged, badge } = await judgeOnPage(dan, 'alice@acme.example', {
      myEmails: ['alice@acme.example'],
    });
    expect(judged.detection).toMatchObject({ isOneOnOne: false, reason: 'another person’s calendar' });
    expect(badge).toBeNull();
    // Without my emails, an overlaid calendar may be my own other account's: it stays mine.
    expect((await judgeOnPage(dan, 'alice@acme.example', {})).badge).toMatchObject({ kind: 'one-on-one' });
  });

  it('my own calendar stays mine: under an alias the settings lack, as a Gmail `@m`, held by a person record', async () => {
    for (const [calendarId, principal] of [
      ['asmith@acme.example', 'asmith@acme.example'],
      ['alice.smith@m', 'alice.smith@gmail.com'],
      ['alicesmith@m', 'Alice.Smith@gmail.com'],
    ] as const) {
      const event = onCalendar(calendarId, '1:1 Alice <> Bob');
      const { badge } = await judgeOnPage(event, principal, {
        myEmails: ['alice@acme.example'],
        people: { 'p-me': [principal.toLowerCase()] },
      });
      expect(badge, calendarId).toMatchObject({ kind: 'one-on-one' });
    }
    // A group calendar (a team's): the settings decide, as before.
    const team = calendarEvent({ dataEventId: encodeEventId('grp2 c_team@g'), title: '1:1 Alice <> Bob' });
    expect((await judgeOnPage(team, 'alice@acme.example')).badge).toMatchObject({ kind: 'one-on-one' });
  });
});

describe('judgeEvents: a series tracked from its title only (its person has no email)', () => {
  // "Track as 1:1" on a chip whose guests were never read: a person with a name and no email, linked by series.
  const TITLE_ONLY: CalendarDataInit = {
    people: { 'p-bob': [] },
    relationships: [{ id: 'r-bob', kind: 'peer', personIds: ['p-bob'], seriesIds: [ALICE_BOB_SERIES] }],
    openAgreements: { 'r-bob': 2 },
  };

  it('keeps the series link once the popover’s guests are known: nothing contradicts it', async () => {
    const event = fixtureEvent('Alice / Bob');
    const { badge, context } = await judgeOne(event, TITLE_ONLY, [popoverFor(event)]);
    expect(context.detection).toMatchObject({ relationshipId: 'r-bob', kind: 'peer' });
    expect(badge).toMatchObject({ kind: 'peer', confidence: 'confirmed', openAgreements: 2 });
  });

  it('keeps the badge of a plain title tracked that way', async () => {
    const init: CalendarDataInit = {
      ...TITLE_ONLY,
      relationships: [
        { id: 'r-bob', kind: 'one-on-one', personIds: ['p-bob'], seriesIds: [WEEKLY_SYNC_SERIES] },
      ],
    };
    const event = fixtureEvent('Weekly sync');
    const { badge, context } = await judgeOne(event, init, [popoverFor(event, { guests: [ALICE, CAROL] })]);
    expect(context.detection.relationshipId).toBe('r-bob');
    expect(badge).toMatchObject({ kind: 'one-on-one', confidence: 'confirmed', openAgreements: 2 });
  });

  it('still fails closed when one of its people has an email and no guest has it', async () => {
    const init: CalendarDataInit = {
      people: { 'p-bob': [], 'p-dan': ['dan@acme.example'] },
      relationships: [
        { id: 'r-two', kind: 'two-on-one', personIds: ['p-bob', 'p-dan'], seriesIds: [ALICE_BOB_SERIES] },
      ],
      openAgreements: { 'r-two': 2 },
    };
    const event = fixtureEvent('Alice / Bob');
    const { context } = await judgeOne(event, init, [popoverFor(event)]);
    expect(context.detection.relationshipId).toBeNull();
    expect(context.detection.kind).not.toBe('two-on-one');
  });

  it('links nothing on another person’s calendar', async () => {
    const event = calendarEvent({
      dataEventId: encodeEventId(`${ALICE_BOB_SERIES}_20260323T170000Z dan@acme.example`),
      title: 'Alice / Bob',
    });
    const init: CalendarDataInit = {
      ...TITLE_ONLY,
      myEmails: ['alice@acme.example'],
      people: { 'p-bob': [], 'p-dan': ['dan@acme.example'] },
    };
    const { judged } = await judgeOne(event, init, [popoverFor(event)]);
    expect(judged.relationshipId).toBeNull();
  });
});

describe('panelContextOf: the recurrence line', () => {
  it('passes the popover’s recurrence line on (the panel guesses the cadence from it), none when not read', async () => {
    const event = fixtureEvent('Alice / Bob');
    expect((await judgeOne(event)).context.recurrence).toBeUndefined();
    expect((await judgeOne(event, {}, [popoverFor(event)])).context.recurrence).toBeUndefined();
    const { context } = await judgeOne(event, {}, [
      popoverFor(event, { recurrence: 'Every 2 weeks on Monday' }),
    ]);
    expect(context.recurrence).toBe('Every 2 weeks on Monday');
    expect(PanelContextSchema.safeParse(context).success).toBe(true);
  });
});

describe('judgeEvents: a shared calendar shows other people’s meetings', () => {
  // Chips name a group calendar in Google's short form (`@g`); the popover's rows give the long one.
  const TEAM = 'c_team123@g';
  const TEAM_ADDRESS = 'c_team123@group.calendar.google.com';
  const onTeam = (series: string) =>
    calendarEvent({ dataEventId: encodeEventId(`${series}_20260323T170000Z ${TEAM}`), title: 'Dana / Evan' });
  const DANA = guest('dana@acme.example', 'Dana Cruz', { organizer: true });
  const EVAN = guest('evan@acme.example', 'Evan Park');
  const mine = { myEmails: ['alice@acme.example'] };

  it('is not a 1:1 of mine when its guests are known and I am not one of them', async () => {
    const event = onTeam('teamseries1');
    // Chip only: the title's word ("likely"); with only my address known, a name pair is not vetoed.
    expect((await judgeOne(event, mine)).badge).not.toBeNull();
    const { badge, judged } = await judgeOne(event, mine, [
      popoverFor(event, { guests: [DANA, EVAN], guestCount: 2 }),
    ]);
    expect(badge).toBeNull();
    expect(judged.detection).toMatchObject({ isOneOnOne: false, reason: 'not invited' });
  });

  it('is mine when I am a guest (in any spelling of my address) or a group of mine is invited', async () => {
    const event = onTeam('teamseries2');
    const meAsGuest = guest('Alice@ACME.example', 'Alice Smith');
    for (const guests of [
      [DANA, meAsGuest],
      [DANA, guest('eng-team@acme.example', 'Eng team', { kind: 'group' })],
    ]) {
      const { badge } = await judgeOne(event, mine, [popoverFor(event, { guests, guestCount: 2 })]);
      expect(badge, JSON.stringify(guests)).not.toBeNull();
    }
  });

  it('is left to the other rules when a calendar organises it (my own secondary calendar), when not every guest was read, or no address is set', async () => {
    const event = onTeam('teamseries3');
    for (const organizer of [
      guest(TEAM_ADDRESS, 'My 1:1s', { organizer: true }),
      guest('c_other@group.calendar.google.com', 'Another calendar', { organizer: true }),
    ]) {
      const { badge } = await judgeOne(event, mine, [
        popoverFor(event, { guests: [organizer, EVAN], guestCount: 2 }),
      ]);
      expect(badge, organizer.email!).not.toBeNull();
    }
    // "3 guests", two rows drawn so far: my row may be the third.
    const partly = await judgeOne(event, mine, [popoverFor(event, { guests: [DANA, EVAN], guestCount: 3 })]);
    expect(partly.judged.detection.reason).not.toBe('not invited');
    const noEmails = await judgeOne(event, {}, [popoverFor(event, { guests: [DANA, EVAN], guestCount: 2 })]);
    expect(noEmails.judged.detection.reason).not.toBe('not invited');
  });

  it('never applies to my own calendar', async () => {
    const event = calendarEvent({
      dataEventId: encodeEventId('ownseries1_20260323T170000Z alice@acme.example'),
      title: 'Dana / Evan',
    });
    const { judged } = await judgeOne(event, mine, [
      popoverFor(event, { guests: [DANA, EVAN], guestCount: 2 }),
    ]);
    expect(judged.detection.reason).not.toBe('not invited');
  });
});
