/** Loads every Calendar fixture page (old and new) and the extra ground truth in fixtures-extra.json. */
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import type { CalendarEvent, Guest } from '@/lib/google/calendar/model';
import type { CalendarFixture } from '@/lib/google/calendar/selectors';

// node:url's URL, not the DOM environment's, which refuses file: URLs.
const FIXTURE_DIR = fileURLToPath(new NodeURL('../../../fixtures/google/', import.meta.url));

export const CALENDAR_FIXTURES: readonly CalendarFixture[] = [
  'gcal-week.html',
  'gcal-month.html',
  'gcal-event-popover.html',
  'gcal-day.html',
  'gcal-4day.html',
  'gcal-schedule.html',
  'gcal-week-en-GB.html',
  'gcal-week-de.html',
  'gcal-week-fr.html',
  'gcal-event-popover-de.html',
];

export type TruthEvent = Pick<CalendarEvent, 'title' | 'day' | 'start' | 'end' | 'allDay' | 'response'> & {
  data_eventid: string;
};

export interface TruthPopover {
  data_eventid: string;
  title: string;
  guestCount: number;
  meetCode: string;
  recurrence: string;
  guests: Guest[];
}

export interface FixtureTruth {
  derived?: boolean;
  view: string;
  locale: string;
  lang: string;
  url: string;
  events: TruthEvent[];
  skipped: string[];
  popover?: TruthPopover;
}

export const fixturesExtra = JSON.parse(readFileSync(`${FIXTURE_DIR}fixtures-extra.json`, 'utf8')) as {
  fixtures: Record<CalendarFixture, FixtureTruth>;
};

/** A fresh, detached document for a Calendar fixture page (scripts never run in DOMParser documents). */
export function loadCalendarFixture(name: CalendarFixture): Document {
  return new DOMParser().parseFromString(readFileSync(`${FIXTURE_DIR}${name}`, 'utf8'), 'text/html');
}
