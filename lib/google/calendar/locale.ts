/**
 * Per-locale parsers for the few translated strings the Calendar readers must read: a chip's accessible
 * text (time range, all-day marker, my response), day headings, the guest summary and guest-row labels.
 * Small regex tables, no date library. Unknown language or an unmatched string gives `null` (fail closed).
 *
 * Formats (fixture that shows each; "seen" / "inferred" as in GOOGLE-DOM.md §1.4):
 * - en-US `3pm to 3:30pm, <title>, <owner>, Accepted, No location, March 23, 2026` (seen; gcal-week.html)
 * - en-GB `15:00 to 15:30, …, 23 March 2026` (inferred; gcal-week-en-GB.html)
 * - de `15:00 bis 15:30, …, Zugesagt, Kein Ort, 23. März 2026`, also `15 Uhr` (inferred; gcal-week-de.html)
 * - fr `De 15:00 à 15:30, …, Accepté, Aucun lieu, 23 mars 2026`, also `15 h 30` (range seen, rest inferred;
 *   gcal-week-fr.html)
 * Users may pick 12 h or 24 h clocks in any language, so every locale accepts both.
 * Words: en `Accepted|Declined|Tentative|Needs RSVP` (seen, S18; `Maybe` inferred), `All day` (inferred),
 * `Organizer|Organiser` (seen, S5), `N guests` (seen, S2). German and French words are all inferred:
 * Zugesagt|Abgesagt|Vielleicht|Antwort ausstehend, Ganztägig, Organisator(in), N Gäste;
 * Accepté|Refusé|Peut-être|Réponse en attente, Toute la journée, Organisateur/-trice, N invités.
 */
import type { EventResponse } from './model';

interface LocaleTable {
  /** Optional word before the start time ("De 10:00 à 11:00"). */
  lead: string;
  /** The word between start and end; an en dash or hyphen is accepted everywhere. */
  to: string;
  allDay: string;
  /** Month-name prefixes, January first; enough letters to be unique. */
  months: string;
  /** Day-month order only; English also reads "March 23". */
  dayFirst: boolean;
  /** Response words: accepted, declined, tentative, needs-action. */
  responses: [string, string, string, string];
  organizer: string;
  guests: string;
}

const TABLES: Record<string, LocaleTable> = {
  en: {
    lead: 'from',
    to: 'to',
    allDay: 'All day',
    months: 'jan feb mar apr may jun jul aug sep oct nov dec',
    dayFirst: false,
    responses: ['Accepted', 'Declined', 'Tentative|Maybe', 'Needs RSVP'],
    organizer: 'Organi[sz]er',
    guests: 'guests?',
  },
  de: {
    lead: 'von',
    to: 'bis',
    allDay: 'Ganztägig',
    months: 'jan feb mär apr mai jun jul aug sep okt nov dez',
    dayFirst: true,
    responses: ['Zugesagt', 'Abgesagt', 'Vielleicht', 'Antwort ausstehend'],
    organizer: 'Organisator(?:in)?',
    guests: 'Gäste|Gast',
  },
  fr: {
    lead: 'de',
    to: 'à',
    allDay: 'Toute la journée',
    months: 'janv févr mars avr mai juin juil août sept oct nov déc',
    dayFirst: true,
    responses: ['Accepté', 'Refusé', 'Peut-être', 'Réponse en attente'],
    organizer: 'Organisat(?:eur|rice)',
    guests: 'invités?|participants?',
  },
};

const RESPONSE_ORDER = ['accepted', 'declined', 'tentative', 'needs-action'] as const;

/** One clock time: `9`, `9:15`, `09.15`, `9am`, `9:15 p.m.`, `15 Uhr`, `15 h 30`, `15h`. Groups: hour, minute, am/pm. */
const TIME = String.raw`(\d{1,2})(?:\s?[:.h]\s?(\d{2})|\s?h)?\s?(?:([ap])\.?m\.?)?(?:\s?Uhr)?`;

export interface CalendarLocale {
  /** The language: `en`, `de`, `fr`. */
  id: string;
  /** `^<start> <to> <end>, ` */
  range: RegExp;
  /** `^<all day>, ` */
  allDay: RegExp;
  /** Exact response segment; the matching group tells which. */
  response: RegExp;
  organizer: RegExp;
  guests: RegExp;
  date: RegExp[];
  months: string[];
}

const compiled = new Map<string, CalendarLocale>();

/** The parsers for a BCP 47 tag (`en-GB`, `de`, `fr-CA`), or null for a language we cannot read. */
export function calendarLocale(lang: string | null | undefined): CalendarLocale | null {
  const key = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const table = TABLES[key];
  if (!table) return null;
  let locale = compiled.get(key);
  if (!locale) {
    const month = `(${table.months.replace(/ /g, '|')})\\p{L}*\\.?`;
    const year = String.raw`(?:,?\s(\d{4}))?`;
    locale = {
      id: key,
      range: new RegExp(String.raw`^(?:${table.lead}\s)?${TIME}\s?(?:${table.to}|–|-)\s?${TIME},\s`, 'iu'),
      allDay: new RegExp(`^${table.allDay},\\s`, 'iu'),
      response: new RegExp(`^(?:${table.responses.map((r) => `(${r})`).join('|')})$`, 'iu'),
      organizer: new RegExp(`^(?:${table.organizer})$`, 'iu'),
      guests: new RegExp(`^(\\d+)\\s(?:${table.guests})(?:\\s|,|$)`, 'iu'),
      // Day first ("23. März", "23 March 2026"), then, for English, month first ("March 23, 2026").
      date: [
        new RegExp(String.raw`(?:^|\s)(\d{1,2})\.?\s${month}${year}`, 'iu'),
        ...(table.dayFirst ? [] : [new RegExp(String.raw`(?<!\p{L})${month}\s(\d{1,2})\b${year}`, 'iu')]),
      ],
      months: table.months.split(' '),
    };
    compiled.set(key, locale);
  }
  return locale;
}

function clock(hour: string | undefined, minute: string | undefined, meridiem: string | undefined) {
  let h = Number(hour);
  const m = Number(minute ?? 0);
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  return h > 23 || m > 59 ? null : h * 60 + m;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

export interface ParsedRange {
  start: string;
  end: string;
  /** How many characters the range and its trailing ", " took. */
  length: number;
}

/** The leading time range of a chip's accessible text, as 24 h `HH:MM`; null if absent or malformed. */
export function parseTimeRange(text: string, locale: CalendarLocale): ParsedRange | null {
  const match = locale.range.exec(text);
  if (!match) return null;
  const [, h1, m1, ap1, h2, m2, ap2] = match;
  const end = clock(h2, m2, ap2);
  // "10 to 10:30am": the start borrows the end's am/pm, unless that puts it after the end ("11 to 1pm": the
  // other one). If both do, the range crosses midnight and the start's half of the day is not said: unknown.
  let start = clock(h1, m1, ap1 ?? ap2);
  if (!ap1 && ap2 && start !== null && end !== null && start > end) {
    const other = clock(h1, m1, ap2.toLowerCase().startsWith('p') ? 'a' : 'p');
    start = other !== null && other <= end ? other : null;
  }
  if ((ap1 && !ap2) || start === null || end === null) return null;
  return { start: hhmm(start), end: hhmm(end), length: match[0].length };
}

/** A response word (`Accepted`, `Abgesagt`, `Peut-être`…) as the model's enum; null for anything else. */
export function parseResponse(segment: string, locale: CalendarLocale): EventResponse | null {
  const match = locale.response.exec(segment.trim());
  if (!match) return null;
  const index = match.slice(1).findIndex((group) => group !== undefined);
  return RESPONSE_ORDER[index] ?? null;
}

export interface ParsedDate {
  year: number | null;
  month: number;
  day: number;
}

/** The first "23 March [2026]" / "March 23[, 2026]" / "23. März" in a heading or label. */
export function parseDayText(text: string, locale: CalendarLocale): ParsedDate | null {
  for (const [index, pattern] of locale.date.entries()) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [dayText, monthText] = index === 0 ? [match[1], match[2]] : [match[2], match[1]];
    const lower = (monthText ?? '').toLowerCase();
    const month = locale.months.findIndex((prefix) => lower.startsWith(prefix)) + 1;
    const day = Number(dayText);
    if (month < 1 || day < 1 || day > 31) return null;
    return { year: match[3] ? Number(match[3]) : null, month, day };
  }
  return null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD`, or null if the parts do not form a real date (plain arithmetic: no `Date` per chip). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0)) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
