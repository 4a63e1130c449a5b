/** Loads the saved Google pages (tests/fixtures/google) and their ground truth for unit tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';

// node:url's URL, not the DOM environment's, which refuses file: URLs.
const FIXTURE_DIR = fileURLToPath(new NodeURL('../../fixtures/google/', import.meta.url));

export type FixtureName =
  | 'gcal-week.html'
  | 'gcal-month.html'
  | 'gcal-event-popover.html'
  | 'meet-call.html'
  | 'meet-prejoin.html'
  | 'meet-ended.html'
  | 'meet-call-presenting.html'
  | 'meet-call-people.html'
  | 'meet-call-de.html';

export interface FixtureEvent {
  date: string;
  start: string;
  end: string;
  title: string;
  recurring: boolean;
  data_eventid: string;
  decoded_event_id: string;
  calendar_id: string;
  in_fixtures: string[];
}

export interface FixturesIndex {
  events: FixtureEvent[];
  all_day: { date: string; title: string; data_eventid: string; decoded: string };
  task: { date: string; title: string; data_eventid: string };
  popover: { event_title: string; data_eventid: string; meet_code: string };
  meet: { code: string; title: string; states: Record<string, string> };
}

export const fixturesIndex = JSON.parse(
  readFileSync(`${FIXTURE_DIR}fixtures-index.json`, 'utf8'),
) as FixturesIndex;

/** Every Meet fixture page, in fixtures-extra.json's order. */
export const MEET_FIXTURES = [
  'meet-prejoin.html',
  'meet-call.html',
  'meet-ended.html',
  'meet-call-presenting.html',
  'meet-call-people.html',
  'meet-call-de.html',
] as const satisfies readonly FixtureName[];

/** Ground truth of one Meet page (fixtures-extra.json "meet"): what readMeetSnapshot gives for its url. */
export interface MeetTruth {
  derived?: boolean;
  lang: string;
  url: string;
  meetingCode: string;
  signal: 'prejoin' | 'in-call' | 'ended' | 'unknown';
  title: string;
  presenting: boolean;
  participants: { key: string; name: string; self: boolean; presentation: boolean }[];
  presentationTiles?: { participantId: string; mediaId: string }[];
  sameDeviceNames?: Record<string, string[]>;
  samePeopleAs?: string;
}

export const meetTruth = (
  JSON.parse(readFileSync(`${FIXTURE_DIR}fixtures-extra.json`, 'utf8')) as {
    meet: { fixtures: Record<(typeof MEET_FIXTURES)[number], MeetTruth> };
  }
).meet.fixtures;

const sources = new Map<FixtureName, string>();

export function fixtureSource(name: FixtureName): string {
  let source = sources.get(name);
  if (source === undefined) {
    source = readFileSync(`${FIXTURE_DIR}${name}`, 'utf8');
    sources.set(name, source);
  }
  return source;
}

/** A fresh, detached document for a fixture page (scripts never run in DOMParser documents). */
export function loadFixture(name: FixtureName): Document {
  return new DOMParser().parseFromString(fixtureSource(name), 'text/html');
}

/** Standard base64 without padding, as Calendar writes `data-eventid`. */
export function encodeEventId(decoded: string): string {
  return btoa(decoded).replace(/=+$/, '');
}
