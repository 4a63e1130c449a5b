/**
 * Fakes for the background's dependencies: a Map-backed session area, Map-backed calendar data (settings,
 * people, relationships, open agreements), browser-shaped senders, and builders for the Calendar events
 * and details popovers the content script sends.
 */
import { type Mock, vi } from 'vitest';
import { type CalendarDeps, DetailsCache, type LinkedRelationshipRef } from '@/lib/background/calendar';
import { type BackgroundDeps, createHandlers } from '@/lib/background/handlers';
import type { MeetDeps } from '@/lib/background/meet';
import { createRouter } from '@/lib/background/router';
import { type SessionArea, TabContexts } from '@/lib/background/tab-contexts';
import type { OneOnOneKind } from '@/lib/domain/one-on-one-title';
import { decodeEventId } from '@/lib/domain/event-id';
import type { LinkCandidate } from '@/lib/domain/meet-link';
import type { CalendarEvent, EventDetails, EventResponse, Guest } from '@/lib/google/calendar/model';
import type { PanelContext } from '@/lib/messaging/protocol';
import type { RawSender, Self } from '@/lib/messaging/senders';
import { type FixtureEvent, fixturesIndex } from './fixtures';

export const SELF: Self = { id: 'duet-test-id', baseUrl: 'chrome-extension://duet-test-id/' };

export function calendarSender(tabId: number): RawSender {
  return {
    id: SELF.id,
    url: 'https://calendar.google.com/calendar/u/0/r/week/2026/3/22',
    origin: 'https://calendar.google.com',
    frameId: 0,
    tab: { id: tabId },
  };
}

export function meetSender(tabId: number): RawSender {
  return {
    id: SELF.id,
    url: 'https://meet.google.com/abc-defg-hij',
    origin: 'https://meet.google.com',
    frameId: 0,
    tab: { id: tabId },
  };
}

export function panelSender(tabId: number | undefined): RawSender {
  return {
    id: SELF.id,
    url: `${SELF.baseUrl}panel.html`,
    origin: SELF.baseUrl.slice(0, -1),
    frameId: tabId === undefined ? undefined : 2,
    tab: tabId === undefined ? undefined : { id: tabId },
  };
}

export interface MapSessionArea extends SessionArea {
  items: Map<string, unknown>;
  get: Mock<SessionArea['get']>;
  set: Mock<SessionArea['set']>;
  remove: Mock<SessionArea['remove']>;
}

/** A `storage.session` stand-in that stores structured clones, like the browser does. */
export function mapSessionArea(): MapSessionArea {
  const items = new Map<string, unknown>();
  return {
    items,
    get: vi.fn<SessionArea['get']>(async (key) =>
      items.has(key) ? { [key]: structuredClone(items.get(key)) } : {},
    ),
    set: vi.fn<SessionArea['set']>(async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    }),
    remove: vi.fn<SessionArea['remove']>(async (key) => {
      items.delete(key);
    }),
  };
}

// Calendar events -----------------------------------------------------------------------------------

/** The fixture index carries a few more ground-truth fields than `FixtureEvent` declares. */
type IndexedEvent = FixtureEvent & { alice_status: string | null };

const RESPONSE_OF: Record<string, EventResponse> = {
  Accepted: 'accepted',
  Declined: 'declined',
  Tentative: 'tentative',
  'Needs RSVP': 'needs-action',
};

/** The fixture event with this title (tests/fixtures/google/fixtures-index.json). */
export function fixtureByTitle(title: string): FixtureEvent {
  const event = fixturesIndex.events.find((e) => e.title === title);
  if (!event) throw new Error(`no fixture event ${title}`);
  return event;
}

const seriesOf = (eventId: string) => /^(.+?)_(\d{8}(?:T\d{6}Z)?)$/.exec(eventId)?.[1] ?? eventId;

/** What the chip reader would produce for a fixture chip, from the index's ground truth. */
function fromFixture(dataEventId: string): CalendarEvent | null {
  const indexed = fixturesIndex.events.find((e) => e.data_eventid === dataEventId) as
    IndexedEvent | undefined;
  if (indexed) {
    return {
      dataEventId,
      eventId: indexed.decoded_event_id,
      seriesId: seriesOf(indexed.decoded_event_id),
      calendarId: indexed.calendar_id,
      title: indexed.title,
      day: indexed.date,
      start: indexed.start,
      end: indexed.end,
      allDay: false,
      response: RESPONSE_OF[indexed.alice_status ?? ''] ?? 'unknown',
    };
  }
  const { all_day: allDay } = fixturesIndex;
  if (dataEventId === allDay.data_eventid) {
    const [eventId = '', calendarId = ''] = allDay.decoded.split(' ');
    return {
      dataEventId,
      eventId,
      seriesId: seriesOf(eventId),
      calendarId,
      title: allDay.title,
      day: allDay.date,
      start: null,
      end: null,
      allDay: true,
      response: 'unknown',
    };
  }
  return null;
}

/**
 * A `CalendarEvent` as the Calendar content script sends it. By default the "Alice / Bob" chip of the
 * fixture week; a fixture `dataEventId` brings that chip's title, day, times and response; any other
 * `dataEventId` is decoded for its event, series and calendar ids. `overrides` win over all of it.
 */
export function calendarEvent(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  const dataEventId = overrides.dataEventId ?? fixtureByTitle('Alice / Bob').data_eventid;
  let base = fromFixture(dataEventId);
  if (!base) {
    const decoded = decodeEventId(dataEventId);
    if (!decoded) throw new Error(`calendarEvent: ${dataEventId} does not decode`);
    base = {
      dataEventId,
      eventId: decoded.eventId,
      seriesId: decoded.seriesId,
      calendarId: decoded.calendarId,
      title: '',
      day: '2026-03-23',
      start: '10:00',
      end: '10:30',
      allDay: false,
      response: 'accepted',
    };
  }
  return { ...base, ...overrides };
}

/** The fixture chip with this title, as a `CalendarEvent`. */
export function fixtureEvent(title: string, overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return calendarEvent({ dataEventId: fixtureByTitle(title).data_eventid, ...overrides });
}

export function guest(email: string | null, name: string, overrides: Partial<Guest> = {}): Guest {
  return { email, name, organizer: false, kind: 'person', response: 'accepted', ...overrides };
}

export const ALICE = guest('alice@acme.example', 'Alice Smith', { organizer: true });
export const BOB = guest('bob.jones@acme.example', 'Bob Jones');

/** A read details popover: by default the fixture's "Alice / Bob" popover (Alice, Bob, a Meet code). */
export function eventDetails(overrides: Partial<EventDetails> = {}): EventDetails {
  return {
    dataEventId: fixturesIndex.popover.data_eventid,
    title: fixturesIndex.popover.event_title,
    guests: [ALICE, BOB],
    guestCount: null,
    meetCode: fixturesIndex.popover.meet_code,
    recurrence: null,
    ...overrides,
  };
}

// Calendar data (Map-backed fakes of lib/db) ------------------------------------------------------------

export interface FakeRelationship {
  id: string;
  kind: OneOnOneKind;
  personIds: string[];
  /** Calendar series linked to it. */
  seriesIds: string[];
}

export interface CalendarData {
  settings: {
    myEmails: string[];
    ignoredSeries: string[];
    detection?: { includeKeywords: string[]; excludeKeywords: string[]; maxGuests: number };
  };
  /** Person id → lower-cased emails. */
  people: Map<string, string[]>;
  relationships: Map<string, FakeRelationship>;
  /** Relationship id → open agreements (absent: none). */
  openAgreements: Map<string, number>;
}

export interface CalendarDataInit {
  myEmails?: string[];
  ignoredSeries?: string[];
  detection?: { includeKeywords: string[]; excludeKeywords: string[]; maxGuests: number };
  people?: Record<string, string[]>;
  relationships?: FakeRelationship[];
  openAgreements?: Record<string, number>;
}

export type FakeCalendarDeps = { [K in keyof CalendarDeps]: Mock<CalendarDeps[K]> };

export function calendarData(init: CalendarDataInit = {}): CalendarData {
  return {
    settings: {
      myEmails: init.myEmails ?? [],
      ignoredSeries: init.ignoredSeries ?? [],
      ...(init.detection ? { detection: init.detection } : {}),
    },
    people: new Map(Object.entries(init.people ?? {})),
    relationships: new Map((init.relationships ?? []).map((r) => [r.id, r])),
    openAgreements: new Map(Object.entries(init.openAgreements ?? {})),
  };
}

/** `CalendarDeps` over Maps, answering like lib/db does (read-only, emails lower-cased, ids de-duplicated). */
export function fakeCalendarDeps(data: CalendarData = calendarData()): FakeCalendarDeps {
  const ref = (r: FakeRelationship): LinkedRelationshipRef => ({
    relationship: { id: r.id, kind: r.kind, personIds: [...r.personIds] },
    emails: r.personIds.flatMap((id) => data.people.get(id) ?? []),
  });
  return {
    settings: vi.fn<CalendarDeps['settings']>(async () => ({
      myEmails: [...data.settings.myEmails],
      ignoredSeries: [...data.settings.ignoredSeries],
      ...(data.settings.detection ? { detection: data.settings.detection } : {}),
    })),
    linkedToSeries: vi.fn<CalendarDeps['linkedToSeries']>(async (seriesIds) =>
      [...data.relationships.values()]
        .filter((r) => r.seriesIds.some((id) => seriesIds.includes(id)))
        .map((r) => ({ ...ref(r), seriesIds: [...r.seriesIds] })),
    ),
    withPeopleEmails: vi.fn<CalendarDeps['withPeopleEmails']>(async (emails) => {
      const wanted = new Set(emails.map((e) => e.toLowerCase()));
      return [...data.relationships.values()]
        .filter((r) => r.personIds.some((id) => (data.people.get(id) ?? []).some((e) => wanted.has(e))))
        .map(ref);
    }),
    knownEmails: vi.fn<CalendarDeps['knownEmails']>(async (emails) => {
      const all = new Set([...data.people.values()].flat());
      return [...new Set(emails.map((e) => e.toLowerCase()))].filter((e) => all.has(e));
    }),
    openAgreementCounts: vi.fn<CalendarDeps['openAgreementCounts']>(
      async (ids) => new Map([...new Set(ids)].map((id) => [id, data.openAgreements.get(id) ?? 0])),
    ),
  };
}

// The whole background ---------------------------------------------------------------------------------

// Meet (candidates and settings the call linker reads) -------------------------------------------------

export interface MeetDataInit {
  candidates?: LinkCandidate[];
  ignoredSeries?: string[];
  meetPanel?: 'open' | 'collapsed';
}

export type FakeMeetDeps = { [K in keyof Required<MeetDeps>]: Mock<Required<MeetDeps>[K]> };

export function fakeMeetDeps(init: MeetDataInit = {}): FakeMeetDeps {
  return {
    candidates: vi.fn<MeetDeps['candidates']>(async () => structuredClone(init.candidates ?? [])),
    settings: vi.fn<MeetDeps['settings']>(async () => ({
      ignoredSeries: [...(init.ignoredSeries ?? [])],
      meetPanel: init.meetPanel ?? 'open',
    })),
    callEnded: vi.fn<Required<MeetDeps>['callEnded']>(async () => {}),
    callReleased: vi.fn<Required<MeetDeps>['callReleased']>(async () => {}),
    now: vi.fn<Required<MeetDeps>['now']>(() => Date.now()),
  };
}

/** A relationship candidate for the call linker. */
export function linkCandidate(
  id: string,
  people: string[],
  overrides: Partial<LinkCandidate['relationship']> = {},
): LinkCandidate {
  return {
    relationship: {
      id,
      kind: 'one-on-one',
      title: '',
      meetCodes: [],
      archived: false,
      updatedAt: 1,
      ...overrides,
    },
    people: people.map((name) => ({ name, archived: false })),
  };
}

export function backgroundHarness(
  init: CalendarDataInit = {},
  options: { details?: DetailsCache; meet?: MeetDataInit; clocks?: BackgroundDeps['clocks'] } = {},
) {
  const area = mapSessionArea();
  const tabContexts = new TabContexts(area);
  const data = calendarData(init);
  const calendar = fakeCalendarDeps(data);
  const details = options.details ?? new DetailsCache();
  const pushContext = vi.fn<(tabId: number, context: PanelContext | null) => void>();
  const calendarTabSeen = vi.fn<(tabId: number) => void>();
  const refreshBadges = vi.fn<() => void>();
  const linkMeetCode = vi.fn<(relationshipId: string, meetCode: string) => Promise<void>>(async () => {});
  const meet = fakeMeetDeps(options.meet);
  const deps: BackgroundDeps = {
    tabContexts,
    calendar,
    meet,
    details,
    pushContext,
    calendarTabSeen,
    refreshBadges,
    linkMeetCode,
    ...(options.clocks ? { clocks: options.clocks } : {}),
    // Every tab with a stored context stands for an open tab.
    meetTabsBesides: async (tabId) =>
      Promise.all(
        [...area.items.keys()]
          .filter((key) => key.startsWith('tab-context:') && key !== `tab-context:${tabId}`)
          .map((key) => tabContexts.get(Number(key.slice('tab-context:'.length)))),
      ),
  };
  const handlers = createHandlers(deps);
  const router = createRouter(handlers, () => SELF);
  return {
    area,
    tabContexts,
    data,
    calendar,
    meet,
    details,
    pushContext,
    calendarTabSeen,
    refreshBadges,
    linkMeetCode,
    deps,
    handlers,
    router,
  };
}

export type BackgroundHarness = ReturnType<typeof backgroundHarness>;
