/** Reads Calendar event chips into plain, zod-checked facts. No layout reads, no DOM writes. */
import { addDays } from '../../domain/days';
import { type DecodedEventId, decodeEventId } from '../../domain/event-id';
import { type CalendarLocale, isoDay, parseDayText, parseResponse, parseTimeRange } from './locale';
import { isCalendarEvent } from './guards';
import type { CalendarEvent, CalendarView } from './model';
import { documentOf, normaliseText, pageLocale, readCurrentView } from './read-details';
import { calendarSelectors as sel } from './selectors';

export interface CalendarEventRead {
  element: HTMLElement;
  /** Shared by later reads of the same chip facts (an unchanged event is the same object): do not mutate. */
  event: CalendarEvent;
}

/** The visible title element's text, raw: `.I0UMhf` and friends, else the first aria-hidden span. */
function rawChipTitle(chip: Element): string | null | undefined {
  const titleElement =
    chip.querySelector(sel.chipTitle.css) ?? chip.querySelector('[aria-hidden="true"] span');
  return titleElement?.textContent;
}

/**
 * The chip's title: the visible title element, else the first visible (non aria-hidden-free) text.
 * Fixture: gcal-week.html, `div[data-eventchip] > div[aria-hidden] span.I0UMhf`.
 */
export function readChipTitle(chip: Element): string {
  return normaliseText(rawChipTitle(chip));
}

/**
 * The chip's accessible description, raw: `.XuJrye` inside the chip, else its first child div that is not
 * aria-hidden, else the older aria-label (GOOGLE-DOM.md §1.2).
 */
function rawChipDescription(chip: Element): string | null | undefined {
  let description = chip.querySelector(sel.chipDescription.css);
  for (let child = chip.firstElementChild; !description && child; child = child.nextElementSibling)
    if (child.tagName === 'DIV' && child.getAttribute('aria-hidden') !== 'true') description = child;
  return description ? description.textContent : chip.getAttribute('aria-label');
}

/** `data-datekey` packs `((y-1970)<<9)|(m<<5)|d` (ColorKit, §1.3). */
function decodeDateKey(value: string | null): [number, number, number] | null {
  if (!value || !/^\d{1,7}$/.test(value)) return null;
  const key = Number(value);
  return [(key >> 9) + 1970, (key >> 5) & 15, key & 31];
}

/** The label a day cell is read by: its aria-label, else the element(s) it is aria-labelledby. */
function cellLabel(cell: Element): string {
  const ids = (cell.getAttribute('aria-labelledby') ?? '').split(' ');
  const byId = ids.map((id) => id && cell.ownerDocument.getElementById(id)?.textContent);
  return normaliseText(cell.getAttribute('aria-label') ?? byId.join(' '));
}

/**
 * The day of a grid chip from `closest('[data-datekey]')`, cross-checked with the cell's heading
 * ("4 events, Monday, March 23") when it can be read: disagreement gives null (the key is undocumented).
 * `undefined` when the chip sits in no dated cell (schedule view).
 */
function readGridDay(
  chip: Element,
  locale: CalendarLocale | null,
  cellDays?: Map<Element, string | null>,
): string | null | undefined {
  const cell = chip.closest(sel.datedCell.css);
  if (!cell) return undefined;
  if (cellDays?.has(cell)) return cellDays.get(cell);
  const day = readCellDay(cell, locale);
  cellDays?.set(cell, day);
  return day;
}

/** Days read from cells, by locale, key and heading text: a column's heading changes far less than its chips. */
const cellDayCache = new Map<string, string | null>();

function readCellDay(cell: Element, locale: CalendarLocale | null): string | null {
  const key = cell.getAttribute('data-datekey');
  const label = locale ? cellLabel(cell) : '';
  const cacheKey = `${locale?.id ?? ''}\u0000${key}\u0000${label}`;
  const cached = cellDayCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const parts = decodeDateKey(key);
  let day = parts && isoDay(...parts);
  const heading = day && locale && parseDayText(label, locale);
  if (
    parts &&
    heading &&
    (heading.month !== parts[1] || heading.day !== parts[2] || (heading.year ?? parts[0]) !== parts[0])
  )
    day = null;
  if (cellDayCache.size >= 500) cellDayCache.clear();
  cellDayCache.set(cacheKey, day);
  return day;
}

/** A schedule-view day header: its own data-datekey if any, else the full date in its label. */
function readHeaderDay(header: Element, locale: CalendarLocale | null): string | null {
  const keyed = header.closest(sel.datedCell.css) ?? header.querySelector(sel.datedCell.css);
  const parts = decodeDateKey(keyed?.getAttribute('data-datekey') ?? null);
  if (parts) return isoDay(...parts);
  const date =
    locale && parseDayText(normaliseText(header.getAttribute('aria-label') ?? header.textContent), locale);
  return date?.year ? isoDay(date.year, date.month, date.day) : null;
}

/** Segments after the owner's first that may be the response: the rest of an owner's name ("Smith, Alice"). */
const RESPONSE_SEGMENTS = 3;

interface ChipText {
  start: string | null;
  end: string | null;
  allDay: boolean;
  response: CalendarEvent['response'] | null;
}

/**
 * `<start> to <end>, <title>, <owner>, [<response>, ]<location>, <date>` or `All day, <title>, …`.
 * Titles contain commas, so the response is only read after the known title and owner; an owner may hold
 * commas too ("Smith, Alice"), so the response is the first of the next few segments that is exactly a
 * response word. One anchored regex at the start, then plain string search: no pass over the whole text
 * but the normalisation.
 */
function parseChipText(text: string, title: string, locale: CalendarLocale): ChipText | null {
  const range = parseTimeRange(text, locale);
  const allDay = range ? null : locale.allDay.exec(text);
  if (!range && !allDay) return null;
  const from = range ? range.length : (allDay?.[0].length ?? 0);
  let response: ChipText['response'] = null;
  if (text.startsWith(`${title}, `, from)) {
    let at = text.indexOf(', ', from + title.length + 2);
    for (let segment = 0; at !== -1 && segment < RESPONSE_SEGMENTS && response === null; segment++) {
      const next = text.indexOf(', ', at + 2);
      response = parseResponse(text.slice(at + 2, next === -1 ? undefined : next), locale);
      at = next;
    }
  }
  return { start: range?.start ?? null, end: range?.end ?? null, allDay: !range, response };
}

/**
 * What a chip says, remembered per event id with the raw title and description it was read from: Calendar
 * re-renders and moves chips far more often than it changes them, so most reads compare two strings instead
 * of decoding the id and parsing the text again (an id is decoded once, whatever its text). The day (from the
 * chip's cell) and a struck-through title are read each time and are not part of it.
 */
interface ChipFacts {
  /** null: the id does not decode (a task, a birthday, garbage). */
  decoded: DecodedEventId | null;
  /** What `title` and `text` were read from; `rawTitle` null until the first read. */
  locale: CalendarLocale | null;
  rawTitle: string | null;
  rawDescription: string;
  title: string;
  text: ChipText | null;
  /** The last event built from these facts, reused while its day and response stay the same. */
  last: CalendarEvent | null;
}

const MAX_REMEMBERED = 2000;
const remembered = new Map<string, ChipFacts>();

function chipFacts(element: HTMLElement, dataEventId: string, locale: CalendarLocale | null): ChipFacts {
  let facts = remembered.get(dataEventId);
  if (!facts) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    const decoded = decodeEventId(dataEventId);
    facts = { decoded, locale, rawTitle: null, rawDescription: '', title: '', text: null, last: null };
    remembered.set(dataEventId, facts);
  }
  if (!facts.decoded) return facts;
  const rawTitle = rawChipTitle(element) ?? '';
  const rawDescription = locale ? (rawChipDescription(element) ?? '') : '';
  if (facts.rawTitle !== rawTitle || facts.rawDescription !== rawDescription || facts.locale !== locale) {
    const title = normaliseText(rawTitle);
    facts.locale = locale;
    facts.rawTitle = rawTitle;
    facts.rawDescription = rawDescription;
    facts.title = title.slice(0, 1024);
    facts.text = locale && parseChipText(normaliseText(rawDescription), title, locale);
    facts.last = null;
  }
  return facts;
}

/**
 * Every event chip under `root` as a checked CalendarEvent, first occurrence per id, in page order.
 * Tasks, birthdays and ids that do not decode are skipped. Days come from `data-datekey` (grid views) or
 * the preceding day header (schedule view); times and my response from the accessible text, parsed for
 * `<html lang>`; what cannot be read is null / 'unknown'. A struck-through title (§1.5) means declined
 * when the text does not say.
 */
export function readCalendarEvents(root: ParentNode, view?: CalendarView): CalendarEventRead[] {
  const context = chipReadContext(root, view);
  const seen = new Set<string>();
  const reads: CalendarEventRead[] = [];
  let headerDay: string | null = null;
  for (const element of root.querySelectorAll<HTMLElement>(
    `${sel.eventChip.css}, ${sel.scheduleDayHeader.css}`,
  )) {
    if (!element.matches(sel.eventChip.css)) {
      headerDay = readHeaderDay(element, context.locale);
      continue;
    }
    const dataEventId = element.getAttribute('data-eventid') ?? '';
    if (seen.has(dataEventId)) continue;
    const read = readCalendarEvent(element, context, headerDay);
    if (!read) continue;
    seen.add(dataEventId);
    reads.push(read);
  }
  return reads;
}

export interface ChipReadContext {
  locale: CalendarLocale | null;
  agenda: boolean;
  /**
   * A day, week or N-day view whose timed columns carry no `data-principal-ids` (markup that changed): an
   * unread chip's place then says nothing about all-day.
   */
  unmarkedColumns: boolean;
  /** Day cells read in this pass (cells hold many chips). */
  cellDays: Map<Element, string | null>;
}

export function chipReadContext(root: ParentNode, view?: CalendarView): ChipReadContext {
  const doc = documentOf(root);
  const shown = view ?? readCurrentView(doc);
  return {
    locale: pageLocale(root),
    agenda: shown === 'agenda',
    unmarkedColumns:
      (shown === 'day' || shown === 'week' || shown === 'custom_days') &&
      doc.querySelector(sel.principal.css) === null,
    cellDays: new Map(),
  };
}

const instanceAllDay = (decoded: DecodedEventId): boolean =>
  decoded.instance !== null && !decoded.instance.includes('T');

/**
 * An event that crosses midnight is drawn once per day column, each piece with the same id and text: a
 * piece's column is its start day only for the first one. The text ends with the start date ("…, March 23,
 * 2026"): the day is that date when it is the column's day or the day before, else unknown (fail closed).
 */
function overnightStartDay(
  column: string,
  description: string,
  locale: CalendarLocale | null,
): string | null {
  const tail = description.split(', ').slice(-2).join(', ');
  const date = locale && parseDayText(normaliseText(tail), locale);
  const started = date && isoDay(date.year ?? Number(column.slice(0, 4)), date.month, date.day);
  return !started || started === column || started === addDays(column, -1) ? started : null;
}

/** One grid chip (not in the schedule view, whose days come from the headers before it). */
export function readCalendarEvent(
  element: HTMLElement,
  { locale, agenda, cellDays, unmarkedColumns }: ChipReadContext,
  headerDay: string | null = null,
): CalendarEventRead | null {
  const dataEventId = element.getAttribute('data-eventid') ?? '';
  if (dataEventId.length === 0 || dataEventId.length > 512) return null;
  const facts = chipFacts(element, dataEventId, locale);
  const { decoded } = facts;
  if (!decoded) return null;
  const gridDay = agenda ? undefined : readGridDay(element, locale, cellDays);
  let day = gridDay === undefined ? headerDay : gridDay;
  const times = facts.text;
  if (day !== null && times?.start && times.end && times.end < times.start)
    day = overnightStartDay(day, facts.rawDescription, locale);
  const response =
    facts.text?.response ?? (element.querySelector(sel.struckThrough.css) ? 'declined' : 'unknown');
  const { title, text } = facts;
  // Text unread (a language not supported, garbled, a multi-day span): all-day events are never 1:1s, so fail
  // closed unless structure says the event is timed: only a chip in a timed day column (they name their
  // calendar, `data-principal-ids`: day, week, N days) is — never the all-day row, a month cell or the
  // schedule — and not an all-day series instance (its id's `_YYYYMMDD` has no time). Read per chip: the same
  // event shows in other views.
  const allDay =
    text?.allDay ??
    (instanceAllDay(decoded) || (!unmarkedColumns && element.closest(sel.principal.css) === null));
  const last = facts.last;
  if (last && last.day === day && last.response === response && last.allDay === allDay)
    return { element, event: last };
  const event: CalendarEvent = {
    dataEventId,
    eventId: decoded.eventId,
    seriesId: decoded.seriesId,
    calendarId: decoded.calendarId,
    title,
    day,
    start: text?.start ?? null,
    end: text?.end ?? null,
    allDay,
    response,
  };
  if (!isCalendarEvent(event)) return null;
  // Later reads of the same facts share it: frozen, so no one can change what they will be given.
  facts.last = Object.freeze(event);
  return { element, event };
}

/** What a day, week or N-day view shows: its days and whose calendar it is (the signed-in account's). */
export interface ShownDays {
  /** Sorted, unique ISO days of the view's day columns. */
  days: string[];
  /** The account's own calendar (`data-principal-ids` of the columns), if readable. */
  principal: string | null;
}

/**
 * The days a day, week or N-day view shows, from its day cells' `data-datekey` cross-checked with their
 * headings as chips' days are; null in any other view (month cells hide chips behind "more", the schedule
 * view leaves out empty days) or when a cell's day cannot be read (fail closed).
 */
export function readShownDays(doc: Document): ShownDays | null {
  const view = readCurrentView(doc);
  if (view !== 'day' && view !== 'week' && view !== 'custom_days') return null;
  const locale = pageLocale(doc);
  const days = new Set<string>();
  for (const cell of doc.querySelectorAll(sel.dayCell.css)) {
    const day = readCellDay(cell, locale);
    if (!day) return null;
    days.add(day);
  }
  return days.size > 0 ? { days: [...days].sort(), principal: readPagePrincipal(doc) } : null;
}

/**
 * The signed-in account's own calendar, from the day columns' `data-principal-ids`: null when no column
 * says, or when they name different calendars (calendars side by side: whose is whose is not told).
 */
export function readPagePrincipal(doc: Document): string | null {
  const principals = readPagePrincipals(doc);
  return principals?.length === 1 ? principals[0]! : null;
}

/**
 * Every calendar the day columns name, sorted, once each: one when they all show the same (the account's
 * own), several side by side (Day view "Meet with…": whose is whose is not told); null when a column names
 * none that can be read, or none does.
 */
export function readPagePrincipals(doc: Document): string[] | null {
  const principals = new Set<string>();
  for (const column of doc.querySelectorAll(sel.principal.css)) {
    const read = readPrincipal(column);
    if (read === null) return null;
    principals.add(read);
  }
  return principals.size > 0 ? [...principals].sort() : null;
}

/** The calendar owner a grid column shows (`data-principal-ids`, base64 email; §1.7), or null. */
export function readPrincipal(chip: Element): string | null {
  const value = chip.closest(sel.principal.css)?.getAttribute('data-principal-ids') ?? '';
  try {
    const email = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
  } catch {
    return null;
  }
}
