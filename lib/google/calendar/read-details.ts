/**
 * Reads the open event-details popover (the only place guests appear) and the current view.
 * No layout reads, no DOM writes; unparseable text gives null/unknown, never a guess.
 * Fixtures: gcal-event-popover.html (en-US), gcal-event-popover-de.html (de, with a room, a resource and a group).
 */
import { type CalendarLocale, calendarLocale, parseResponse } from './locale';
import { CALENDAR_VIEWS, type CalendarView } from './constants';
import { isEventDetails } from './guards';
import type { EventDetails, Guest } from './model';
import { calendarSelectors as sel } from './selectors';

/**
 * Whitespace runs as one space, trimmed. Only runs of two or more and single non-space whitespace are
 * replaced: most text has neither, and a plain space replaced by itself would still cost a match.
 */
export function normaliseText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** The document a node belongs to (a Document is its own). */
export function documentOf(node: ParentNode): Document {
  return (node as Node).ownerDocument ?? (node as Document);
}

/** The language the page is shown in; picks the text parsers. */
export function pageLocale(node: ParentNode): CalendarLocale | null {
  return calendarLocale(documentOf(node).documentElement?.getAttribute('lang'));
}

/** Hidden by markup (not by layout, which we never read): Calendar leaves transient dialogs around. */
const HIDDEN = sel.hiddenByMarkup.css;

/** `body[data-viewkey]` (DAY/WEEK/CUSTOM_DAYS/…), else the URL's `/r/<view>/`, else 'unknown'. */
export function readCurrentView(doc: Document): CalendarView {
  const known = (view: string | undefined): view is CalendarView =>
    view !== undefined && (CALENDAR_VIEWS as readonly string[]).includes(view) && view !== 'unknown';
  const key = doc.body?.getAttribute('data-viewkey')?.toLowerCase();
  if (known(key)) return key;
  // The 4-day view's URL segment `customday` is inferred (GOOGLE-DOM.md §1.1 only names the view key).
  const path = /\/r\/(\w+)/.exec(doc.location?.pathname ?? doc.URL)?.[1]?.replace('customday', 'custom_days');
  return known(path) ? path : 'unknown';
}

/** The details popover's id (in `sel.detailsDialog`). */
const DETAILS_ID = 'xDetDlg';

const MEET_URL = /^https:\/\/meet\.google\.com\/([a-z]{3}-[a-z]{4}-[a-z]{3})(?:[/?#]|$)/;
const RESOURCE_DOMAIN = '@resource.calendar.google.com';

function readGuest(row: Element, locale: CalendarLocale | null): Guest {
  const email = normaliseText(row.getAttribute('data-email'));
  const labels = normaliseText(row.getAttribute('aria-label')).split(', ');
  // Leaf texts: the name, "Organizer", icon ligatures such as `meeting_room` (locale-free).
  const words = [...labels.slice(1)];
  for (const element of row.querySelectorAll('*')) {
    if (!element.firstElementChild) words.push(normaliseText(element.textContent));
  }
  const name = normaliseText(row.querySelector(sel.guestName.css)?.textContent) || labels[0] || email;
  // Groups, rooms and resources by structure only (INFERRED markup, gcal-event-popover-de.html): a group row
  // expands to its members or shows the `group` icon; a room shows the `meeting_room` icon; resources live on
  // Google's resource domain. Icon ligatures are the same in every language.
  const isGroup =
    row.hasAttribute('aria-expanded') ||
    !!row.querySelector('[role="group"]') ||
    words.includes('group') ||
    words.includes('groups');
  return {
    email: email.includes('@') ? email.slice(0, 320) : null,
    name: name.slice(0, 300),
    organizer: !!locale && words.some((word) => locale.organizer.test(word)),
    kind: isGroup
      ? 'group'
      : words.includes('meeting_room')
        ? 'room'
        : email.toLowerCase().endsWith(RESOURCE_DOMAIN)
          ? 'resource'
          : 'person',
    response:
      (locale &&
        labels
          .slice(1)
          .reduce<Guest['response'] | null>((found, label) => found ?? parseResponse(label, locale), null)) ??
      'unknown',
  };
}

const DIGIT = /\p{Nd}/u;

/**
 * A decimal digit of any script as an ASCII one ("٢", "۵", "५", "５" → 2, 5, 5, 5). Unicode encodes each
 * script's digits as one run, 0 to 9 (runs of 10 may follow each other): its value is its place in the run.
 */
function asciiDigit(digit: string): number {
  const code = digit.codePointAt(0)!;
  let place = 0;
  while (DIGIT.test(String.fromCodePoint(code - place - 1))) place++;
  return place % 10;
}

/**
 * The one number of a guest summary, whatever its words and digits ("5 invitados", "ゲスト 5 人", "참석자 5명",
 * "٢ ضيوف", "1.200 guests", "١٬٢٠٠"); null when it has none or several ("5 invitados, 2 sí"): which one
 * counts the guests is not told.
 */
function summaryCount(summary: string): number | null {
  const numbers = summary.match(/\p{Nd}+(?:[.,\u00a0\u202f'’\u066c]\p{Nd}{3})*/gu);
  const digits = numbers?.length === 1 ? numbers[0]!.match(/\p{Nd}/gu)! : null;
  const count = digits && Number(digits.map(asciiDigit).join(''));
  return count !== null && Number.isSafeInteger(count) ? count : null;
}

function readPanel(panel: Element, locale: CalendarLocale | null): EventDetails | null {
  const rows = [...panel.querySelectorAll(sel.guestRow.css)]
    // Members listed under an expanded group are not guests of their own.
    .filter((row) => !row.parentElement?.closest('[role="treeitem"]'))
    .slice(0, 500);
  const summary = normaliseText(panel.querySelector(sel.guestSummary.css)?.textContent);
  // The language's words first ("2 guests"), else the summary's one number (GOOGLE-DOM.md §1.8: parseInt works).
  const count = locale?.guests.exec(summary)?.[1];
  const guestCount = count === undefined ? summaryCount(summary) : Number(count);
  // No guests section, or one with neither rows nor its "N guests" yet (it is drawn after the rest of the
  // popover, §1.8): guests unknown, never "nobody" — an event's guests are judged once they are there.
  const guests =
    panel.querySelector(sel.guestSection.css) && (rows.length > 0 || summary !== '')
      ? rows.map((row) => readGuest(row, locale))
      : null;
  let meetCode: string | null = null;
  for (const link of panel.querySelectorAll(sel.meetLink.css)) {
    meetCode ??=
      MEET_URL.exec(link.getAttribute('href') ?? link.getAttribute('data-meet-url') ?? '')?.[1] ?? null;
  }
  const recurrence = normaliseText(panel.querySelector(sel.recurrence.css)?.textContent);
  const details: EventDetails = {
    dataEventId: panel.getAttribute('data-eventid') ?? '',
    title: normaliseText(panel.querySelector(sel.detailsTitle.css)?.textContent).slice(0, 1024),
    guests,
    guestCount,
    meetCode,
    recurrence: recurrence ? recurrence.slice(0, 300) : null,
  };
  // What is shown but could not be read is said, never taken for "nothing": a count (the rows may be some of
  // the guests only) and, in a language without an organizer word, who organised it.
  if (guests && summary !== '' && guestCount === null) details.countUnread = true;
  if (guests?.length && !locale) details.organizerUnread = true;
  return isEventDetails(details) ? details : null;
}

/** The open (visible) event-details popover element, if any (hidden transient dialogs are skipped). */
export function findOpenDetails(root: ParentNode): Element | null {
  // Most scans: no popover at all, which one id lookup tells (the selector needs that id).
  if ((root as Node).nodeType === 9 && !(root as Document).getElementById(DETAILS_ID)) return null;
  for (const panel of root.querySelectorAll(sel.detailsDialog.css)) {
    if (!panel.closest(HIDDEN)) return panel;
  }
  return null;
}

/** The open (visible) event-details popover under `root`, or null when none is open or it is malformed. */
export function readEventDetails(root: ParentNode): EventDetails | null {
  const panel = findOpenDetails(root);
  return panel ? readPanel(panel, pageLocale(root)) : null;
}
