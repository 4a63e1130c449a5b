/** Small display helpers shared by the pages: dates, relative times and snippets (plurals: lib/i18n). */
import type { Day } from '@/lib/domain/days';
import type { Agreement, Person } from '@/lib/domain/model';
import { t, tn, uiLocale } from '@/lib/i18n';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date in the user's language with these options; formatters are kept (making one costs far more than
 * using it, and a list formats dozens of dates).
 */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions): string {
  const locale = uiLocale();
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format.format(date);
}

const dayFirst = new Map<string, boolean>();

/**
 * Whether the user's language writes a numeric date day first ("3/12" is 3 December in en-GB, fr, de). Once per
 * language (the session panel asks on every render; making a formatter costs far more than this lookup).
 */
export function writesDayFirst(locale: string | undefined = uiLocale()): boolean {
  const key = locale ?? '';
  let known = dayFirst.get(key);
  if (known === undefined) {
    const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric' }).formatToParts(
      new Date(2026, 11, 3),
    );
    known = parts.findIndex((part) => part.type === 'day') < parts.findIndex((part) => part.type === 'month');
    dayFirst.set(key, known);
  }
  return known;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", then a date in the UI language. */
export function formatRelativeTime(timestamp: number, now: number = Date.now()): string {
  const seconds = Math.round((now - timestamp) / 1000);
  if (seconds < 45) return t('common_just_now');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return tn('common_minutes_ago', minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 24) return tn('common_hours_ago', hours);
  const days = Math.round(hours / 24);
  if (days < 14) return tn('common_days_ago', days);
  return formatDate(new Date(timestamp), {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
}

/** First line(s) of a note, collapsed to one line, for lists. */
export function snippet(text: string, max = 140): string {
  const flat = [...text.replace(/\s+/g, ' ').trim()]; // code points: never cut an emoji in half
  return flat.length > max ? `${flat.slice(0, max - 1).join('')}…` : flat.join('');
}

/** "Alice Smith" / "Alice Smith & Bob Jones" — the people of a relationship. */
export function namesOf(people: readonly Pick<Person, 'name'>[]): string {
  return people.map((person) => person.name).join(' & ');
}

/** Who owns an agreement, as the list shows it. */
export function ownerLabel(
  agreement: Pick<Agreement, 'owner' | 'ownerName'>,
  people: readonly Pick<Person, 'name'>[],
): string {
  switch (agreement.owner) {
    case 'me':
      return t('common_me');
    case 'both':
      return t('panel_owner_both');
    case 'them':
      return people.length > 0 ? namesOf(people) : t('panel_owner_them');
    case 'named':
      return agreement.ownerName || t('panel_owner_someone_else');
  }
}

function localDate(day: Day): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

/** A calendar day in the user's locale ("Mar 27"; the year only when it is not this year's). */
export function formatDay(day: Day, today: Day): string {
  const date = localDate(day);
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return formatDate(date, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** A cadence in words, the same everywhere: "every week", "every 2 weeks", "every 10 days". */
export function cadenceEvery(days: number): string {
  if (days === 7) return t('panel_cadence_every_week');
  return days % 7 === 0 ? tn('panel_cadence_every_weeks', days / 7) : tn('panel_cadence_every_days', days);
}
