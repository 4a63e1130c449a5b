/**
 * How often a meeting repeats, read from Google Calendar's recurrence line in the event popover ("Weekly on
 * Monday", "Alle 2 Wochen am Dienstag", "Toutes les semaines le lundi"). Pure; no date library.
 *
 * Days between meetings: daily (and every weekday) 1, weekly 7, every N weeks 7N, monthly 30, every N days N,
 * every N months 30N. The line's start says how often; of the rest ("on …", "until …", "N times") only the
 * weekdays count: a weekly rule on several of them meets that many times a week ("Weekly on Tuesday and
 * Thursday": every 4 days, rounded). Anything else gives `null`: yearly, unknown wording, another language,
 * more than a year (fails closed: the caller falls back to its own guess).
 *
 * Wording (en, en-GB, de, fr): Daily, Every weekday (Monday to Friday), Weekly on …, Weekly on weekdays,
 * Every 2 weeks on …, Fortnightly, Monthly on …, Every 3 months …; Täglich, Jeden Wochentag, Wöchentlich am …,
 * Alle 2 Wochen am …, Monatlich am …, Alle 2 Monate …; Tous les jours, Tous les jours ouvrés,
 * Toutes les semaines le …, Toutes les 2 semaines le …, Tous les mois le …, Tous les 2 mois ….
 */

/** The longest cadence a relationship takes (days). */
const MAX_DAYS = 365;

const END = String.raw`(?![\p{L}\p{N}])`;
/** "2", or the number as a word ("two", "zwei", "deux"); "other" is 2 ("every other week"). */
const COUNT = String.raw`(\d{1,3}|two|three|four|other|zwei|drei|vier|deux|trois|quatre)`;

const WORD_COUNTS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  other: 2,
  zwei: 2,
  drei: 3,
  vier: 4,
  deux: 2,
  trois: 3,
  quatre: 4,
};

/** `byWeek`: a rule counted in weeks, whose weekdays say how many times a week it meets. */
type Rule = readonly [pattern: RegExp, daysPer: number, byWeek: boolean];

const rule = (source: string, daysPer: number, byWeek = false): Rule => [
  new RegExp(`^(?:${source})${END}`, 'iu'),
  daysPer,
  byWeek,
];

/** Rules with a count: the first group is N, the result N × daysPer. */
const COUNTED: readonly Rule[] = [
  rule(String.raw`every\s+${COUNT}\s+days?|alle\s+${COUNT}\s+tage|tous\s+les\s+${COUNT}\s+jours`, 1),
  rule(
    String.raw`every\s+${COUNT}\s+weeks?|alle\s+${COUNT}\s+wochen|toutes\s+les\s+${COUNT}\s+semaines`,
    7,
    true,
  ),
  rule(String.raw`every\s+${COUNT}\s+months?|alle\s+${COUNT}\s+monate|tous\s+les\s+${COUNT}\s+mois`, 30),
];

/** Every working day ("Weekly on weekdays" is Google's wording for the Monday-to-Friday rule). */
const WEEKDAYS = rule(
  String.raw`every\s+weekday|weekly\s+on\s+weekdays|jeden\s+(?:wochentag|werktag)|(?:wöchentlich\s+)?(?:an\s+)?(?:wochentagen|werktagen)|werktags|tous\s+les\s+jours\s+(?:ouvrés|ouvrables|de\s+la\s+semaine)|(?:toutes\s+les\s+semaines\s+)?en\s+semaine`,
  1,
);

/** Rules without a count. */
const PLAIN: readonly Rule[] = [
  WEEKDAYS,
  rule(
    String.raw`daily|every\s+day|täglich|jeden\s+tag|tous\s+les\s+jours|quotidien(?:ne)?|chaque\s+jour`,
    1,
  ),
  rule(String.raw`fortnightly|bi-?weekly|zweiwöchentlich|toutes\s+les\s+deux\s+semaines`, 14, true),
  rule(
    String.raw`weekly|every\s+week|wöchentlich|jede\s+woche|toutes\s+les\s+semaines|chaque\s+semaine|hebdomadaire`,
    7,
    true,
  ),
  rule(
    String.raw`monthly|every\s+month|monatlich|jeden\s+monat|tous\s+les\s+mois|chaque\s+mois|mensuel(?:le)?`,
    30,
  ),
];

/** Weekday names in a line, each once ("Weekly on Tuesday and Thursday" → 2). */
const WEEKDAY_NAMES =
  /(?<![\p{L}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\p{L}])/giu;
/** Where the end date begins ("…, until Tuesday, Jun 30, 2026"): its weekday is not a meeting day. */
const END_CLAUSE = /,?\s(?:until|bis|jusqu['’](?:au|à))\s.*$/u;
const weekdaysIn = (text: string): number =>
  new Set(text.replace(END_CLAUSE, '').match(WEEKDAY_NAMES) ?? []).size;

/** A rule by the week on several weekdays meets that many times in its weeks. */
function perWeekday(days: number, byWeek: boolean, text: string): number {
  const named = byWeek ? weekdaysIn(text) : 0;
  return named >= 2 ? Math.max(1, Math.round(days / named)) : days;
}

function countOf(word: string): number {
  return /^\d+$/u.test(word) ? Number(word) : (WORD_COUNTS[word.toLowerCase()] ?? 0);
}

/**
 * The days between meetings a recurrence line says (see the module comment), or `null` when it says nothing
 * this knows: no line, yearly, unknown wording.
 */
export function recurrenceCadenceDays(line: string | null | undefined): number | null {
  if (!line) return null;
  const text = line.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
  if (!text) return null;
  for (const [pattern, daysPer, byWeek] of COUNTED) {
    const match = pattern.exec(text);
    if (!match) continue;
    const count = countOf(match.slice(1).find((group) => group !== undefined) ?? '');
    const days = count * daysPer;
    return count >= 1 && days <= MAX_DAYS ? perWeekday(days, byWeek, text) : null;
  }
  for (const [pattern, days, byWeek] of PLAIN) if (pattern.test(text)) return perWeekday(days, byWeek, text);
  return null;
}
