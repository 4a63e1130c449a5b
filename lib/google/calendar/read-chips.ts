/** Reads Calendar event chips into plain, zod-checked facts. No layout reads, no DOM writes. */
import { decodeEventId } from '../../domain/event-id';
import { type CalendarLocale, isoDay, parseDayText, parseResponse, parseTimeRange } from './locale';
import { isCalendarEvent, isDataEventId } from './guards';
import type { CalendarEvent, CalendarView } from './model';
import { documentOf, normaliseText, pageLocale, readCurrentView } from './read-details';
import { calendarSelectors as sel } from './selectors';

/** A chip's identity only: what `readChips` gives (tasks and birthdays included). */
export interface ChipRead {
  element: HTMLElement;
  event: { dataEventId: string; title: string };
}

export interface CalendarEventRead {
  element: HTMLElement;
  event: CalendarEvent;
}

/**
 * The chip's title: the visible title element, else the first visible (non aria-hidden-free) text.
 * Fixture: gcal-week.html, `div[data-eventchip] > div[aria-hidden] span.I0UMhf`.
 */
export function readChipTitle(chip: Element): string {
  const titleElement = chip.querySelector(sel.chipTitle.css);
  if (titleElement) return normaliseText(titleElement.textContent);
  const visible = chip.querySelector('[aria-hidden="true"] span');
  return normaliseText(visible?.textContent);
}

export function readChip(chip: HTMLElement): ChipRead | null {
  const id = chip.getAttribute('data-eventid') ?? '';
  return isDataEventId(id)
    ? { element: chip, event: { dataEventId: id, title: readChipTitle(chip).slice(0, 1024) } }
    : null;
}

/** All chips under `root`, first occurrence per event id (ids repeat on handles and popovers). */
export function readChips(root: ParentNode): ChipRead[] {
  const seen = new Set<string>();
  const chips: ChipRead[] = [];
  for (const element of root.querySelectorAll<HTMLElement>(sel.eventChip.css)) {
    const read = readChip(element);
    if (!read || seen.has(read.event.dataEventId)) continue;
    seen.add(read.event.dataEventId);
    chips.push(read);
  }
  return chips;
}

/**
 * The chip's accessible description: `.XuJrye` inside the chip, else its first child div that is not
 * aria-hidden, else the older aria-label (GOOGLE-DOM.md §1.2).
 */
function readChipDescription(chip: Element): string {
  const description =
    chip.querySelector(sel.chipDescription.css) ??
    [...chip.children].find((c) => c.tagName === 'DIV' && c.getAttribute('aria-hidden') !== 'true');
  return normaliseText(description?.textContent ?? chip.getAttribute('aria-label'));
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
  const cell = chip.closest('[data-datekey]');
  if (!cell) return undefined;
  if (cellDays?.has(cell)) return cellDays.get(cell);
  const day = readCellDay(cell, locale);
  cellDays?.set(cell, day);
  return day;
}

function readCellDay(cell: Element, locale: CalendarLocale | null): string | null {
  const parts = decodeDateKey(cell.getAttribute('data-datekey'));
  const day = parts && isoDay(...parts);
  if (!parts || !day) return null;
  const heading = locale && parseDayText(cellLabel(cell), locale);
  if (
    heading &&
    (heading.month !== parts[1] || heading.day !== parts[2] || (heading.year ?? parts[0]) !== parts[0])
  )
    return null;
  return day;
}

/** A schedule-view day header: its own data-datekey if any, else the full date in its label. */
function readHeaderDay(header: Element, locale: CalendarLocale | null): string | null {
  const keyed = header.closest('[data-datekey]') ?? header.querySelector('[data-datekey]');
  const parts = decodeDateKey(keyed?.getAttribute('data-datekey') ?? null);
  if (parts) return isoDay(...parts);
  const date =
    locale && parseDayText(normaliseText(header.getAttribute('aria-label') ?? header.textContent), locale);
  return date?.year ? isoDay(date.year, date.month, date.day) : null;
}

interface ChipText {
  start: string | null;
  end: string | null;
  allDay: boolean;
  response: CalendarEvent['response'] | null;
}

/**
 * `<start> to <end>, <title>, <owner>, [<response>, ]<location>, <date>` or `All day, <title>, …`.
 * Titles contain commas, so the response is only read right after the known title and owner.
 */
function parseChipText(text: string, title: string, locale: CalendarLocale): ChipText | null {
  const range = parseTimeRange(text, locale);
  const allDay = range ? null : locale.allDay.exec(text);
  if (!range && !allDay) return null;
  const rest = text.slice(range ? range.length : (allDay?.[0].length ?? 0));
  const afterTitle = rest.startsWith(`${title}, `) ? rest.slice(title.length + 2).split(', ') : [];
  return {
    start: range?.start ?? null,
    end: range?.end ?? null,
    allDay: !range,
    response: parseResponse(afterTitle[1] ?? '', locale),
  };
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
  /** Day cells read in this pass (cells hold many chips). */
  cellDays: Map<Element, string | null>;
}

export function chipReadContext(root: ParentNode, view?: CalendarView): ChipReadContext {
  return {
    locale: pageLocale(root),
    agenda: (view ?? readCurrentView(documentOf(root))) === 'agenda',
    cellDays: new Map(),
  };
}

/** One grid chip (not in the schedule view, whose days come from the headers before it). */
export function readCalendarEvent(
  element: HTMLElement,
  { locale, agenda, cellDays }: ChipReadContext,
  headerDay: string | null = null,
): CalendarEventRead | null {
  const dataEventId = element.getAttribute('data-eventid') ?? '';
  const decoded = decodeEventId(dataEventId);
  if (!decoded) return null;
  const title = readChipTitle(element);
  const text = locale && parseChipText(readChipDescription(element), title, locale);
  const gridDay = agenda ? undefined : readGridDay(element, locale, cellDays);
  const event: CalendarEvent = {
    dataEventId,
    eventId: decoded.eventId,
    seriesId: decoded.seriesId,
    calendarId: decoded.calendarId,
    title: title.slice(0, 1024),
    day: gridDay === undefined ? headerDay : gridDay,
    start: text?.start ?? null,
    end: text?.end ?? null,
    allDay: text?.allDay ?? false,
    response: text?.response ?? (element.querySelector('[style*="line-through"]') ? 'declined' : 'unknown'),
  };
  return isCalendarEvent(event) ? { element, event } : null;
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
