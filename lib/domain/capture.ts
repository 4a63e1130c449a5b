/**
 * One-line agreement capture: "Sam: send the draft by Friday" → who, what and by which day.
 *
 * Pure and deterministic: dates resolve against `ctx.now` (its local calendar day) and nothing else.
 * English and German are both understood whatever the locale; the locale decides how an ambiguous numeric
 * date is read ("12/3" is 3 December in `en`, 12 March in `de` — or as `dayFirst` says: en-GB and French
 * write the day first too; "3.12." is always day.month), and German two-letter weekdays ("Mo", "Do", "So")
 * count only in `de`: in English they are words ("so much", "Mo" the person).
 *
 * Date rules, for the record:
 * - a bare weekday ("Friday", "bis Freitag") is the next one after today, a week ahead if it is today;
 *   without a preposition or "next"/"this" it is a date only where it reads as one: ending the line or a
 *   clause ("send the draft Friday", "… Friday by EOD", "… Friday at 3pm please", "… Monday, then …", "…
 *   Thursday if possible"), before words that go on from a date ("Remind Sam Monday to send the deck", "…
 *   Monday about the budget", "… Monday AM", "… Friday 3pm with Bob", "… Friday the latest"), leading it
 *   ("Friday: …"), or — in German — where the line ends in the verb ("Entwurf Freitag schicken", "Freitag
 *   Entwurf schicken", "Ich rufe Montag den Kunden an") or after the verb in second place ("Ich schicke
 *   Freitag den Entwurf"); never a day in the middle of the agreement ("take Friday off", "cancel Monday
 *   standup", "Montag Standup absagen"), the day a verb takes as its object before a clause ("cancel Monday
 *   if nobody has topics", "take Monday, Bob covers", "Montag Workshop absagen"), a day given or spent
 *   ("dedicate Friday to deep work", "replace Monday with …", "OOO Friday", "Ich kann Freitag nicht", "Ich
 *   vertrete Freitag Bob"), a day gone by ("what we decided Monday"), nor after "from", "since", "last", "every", "to" ("move the 1:1 to Thursday" — unless
 *   the week is said: "… to Thursday next week"); a time of day next to such a day ("every Friday by EOD") is
 *   no date either;
 * - a part of the day after the date ("tomorrow morning", "Friday afternoon") leaves the text with it where
 *   the line or clause ends after it, not before a noun ("cancel tomorrow morning standup");
 *   "this Friday" may be today; "next Friday" / "nächsten Freitag" is the Friday of next week;
 * - "next week" is next week's first day (`weekStartsOn`, Monday by default); "end of week" / "this week"
 *   is the coming Friday (today on a Friday); "end of month" the month's last day; "next month" its 1st;
 * - "in 3 days / 2 weeks / a month" count calendar days or months (31 Jan + 1 month = 28/29 Feb);
 * - a date without a year that has already passed this year rolls to next year (29 Feb to the next leap year);
 * - a preposition before the date ("by", "before", "on", "until", "due", "bis", "am", "zum", …) goes with it.
 */
import { addDays, type Day, dayOf } from './days';
import type { AgreementOwner } from './model';
import { isBlank } from './text';

export const MAX_CAPTURE_LENGTH = 500;

export interface CaptureContext {
  now: Date;
  /** The other person(s) in this 1:1, as "First Last" or "First". */
  counterpartNames: string[];
  locale?: 'en' | 'de';
  /** Whether "3/12" is day/month (the user's own date order); default: only in `de`. */
  dayFirst?: boolean;
  /** 0 = Sunday, 1 = Monday (default). */
  weekStartsOn?: 0 | 1;
  /**
   * The user's own name ("First Last"), so that "Alice: …" typed by Alice is hers: her full or first name
   * means me — unless a counterpart has that first name too, then it stays theirs as without it.
   */
  myName?: string;
}

export type CaptureResult =
  | {
      ok: true;
      owner: AgreementOwner;
      /** The owner's name when `owner` is `named`, else ''. */
      ownerName: string;
      /** The action, without owner and date phrase; first letter capitalised; never empty. */
      text: string;
      dueDate: Day | null;
      /** The date phrase exactly as typed, with its preposition ("by Friday"), for highlighting; '' when none. */
      dateText: string;
    }
  | { ok: false; reason: string };

interface Options {
  locale: 'en' | 'de';
  dayFirst: boolean;
  weekStartsOn: 0 | 1;
}

// Calendar-day helpers (UTC arithmetic on day strings, so DST can never shift a day) -------------------

const pad = (value: number) => String(value).padStart(2, '0');

function ymd(day: Day): [number, number, number] {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return [year, month, date];
}

/** A valid calendar day, or null for e.g. 30 February. */
function makeDay(year: number, month: number, date: number): Day | null {
  const probe = new Date(Date.UTC(year, month - 1, date));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== date) {
    return null;
  }
  return `${year}-${pad(month)}-${pad(date)}`;
}

function weekdayOf(day: Day): number {
  const [year, month, date] = ymd(day);
  return new Date(Date.UTC(year, month - 1, date)).getUTCDay(); // 0 = Sunday
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function addMonths(day: Day, months: number): Day {
  const [year, month, date] = ymd(day);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return `${y}-${pad(m)}-${pad(Math.min(date, daysInMonth(y, m)))}`;
}

/** The given weekday on or after today (`includeToday`) or strictly after it. */
function upcomingWeekday(today: Day, weekday: number, includeToday: boolean): Day {
  const ahead = (weekday - weekdayOf(today) + 7) % 7;
  return addDays(today, ahead === 0 && !includeToday ? 7 : ahead);
}

function startOfWeek(today: Day, weekStartsOn: 0 | 1): Day {
  return addDays(today, -((weekdayOf(today) - weekStartsOn + 7) % 7));
}

function weekdayNextWeek(today: Day, weekday: number, weekStartsOn: 0 | 1): Day {
  const start = addDays(startOfWeek(today, weekStartsOn), 7);
  return addDays(start, (weekday - weekStartsOn + 7) % 7);
}

/** month/date in the given year, or (without a year) the first such day from today on. */
function explicitDay(today: Day, month: number, date: number, year?: string): Day | null {
  if (year !== undefined) {
    const full = Number(year) + (year.length === 2 ? 2000 : 0);
    return makeDay(full, month, date);
  }
  const [thisYear] = ymd(today);
  for (let candidate = thisYear; candidate <= thisYear + 8; candidate++) {
    const day = makeDay(candidate, month, date);
    if (day !== null && day >= today) return day;
  }
  return null;
}

// Words -----------------------------------------------------------------------------------------------

/** Lower case, no accents, straight apostrophes, single spaces. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/’/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function lookup(groups: [number, string[]][]): { pattern: string; valueOf: (word: string) => number } {
  const map = new Map<string, number>();
  for (const [value, words] of groups) for (const word of words) map.set(fold(word), value);
  const words = groups.flatMap(([, w]) => w).sort((a, b) => b.length - a.length);
  return { pattern: words.join('|'), valueOf: (word) => map.get(fold(word.replace(/\.$/, ''))) ?? NaN };
}

const WEEKDAYS = lookup([
  [0, ['sunday', 'sonntag']],
  [1, ['monday', 'montag']],
  [2, ['tuesday', 'dienstag']],
  [3, ['wednesday', 'mittwoch']],
  [4, ['thursday', 'donnerstag']],
  [5, ['friday', 'freitag']],
  [6, ['saturday', 'samstag', 'sonnabend']],
]);
/** Abbreviations are everyday words too ("sat", "do"), so they count only after a preposition or "next". */
const WEEKDAY_ABBREVIATIONS = lookup([
  [0, ['sun']],
  [1, ['mon']],
  [2, ['tues', 'tue']],
  [3, ['wed']],
  [4, ['thurs', 'thur', 'thu']],
  [5, ['fri']],
  [6, ['sat']],
]);
/**
 * German ones: in `de`, or after a German preposition ("bis Fr.", "zum Mo") — in English "so", "do", "Mo"
 * are words or names, and "am" is a verb, so after "am" only with the abbreviation's dot ("am Mo.").
 */
const GERMAN_WEEKDAY_ABBREVIATIONS = lookup([
  [0, ['so']],
  [1, ['mo']],
  [2, ['di']],
  [3, ['mi']],
  [4, ['do']],
  [5, ['fr']],
  [6, ['sa']],
]);
const MONTHS = lookup([
  [1, ['january', 'jan', 'januar', 'jänner']],
  [2, ['february', 'feb', 'februar']],
  [3, ['march', 'mar', 'märz', 'maerz', 'mär', 'mrz']],
  [4, ['april', 'apr']],
  [5, ['may', 'mai']],
  [6, ['june', 'jun', 'juni']],
  [7, ['july', 'jul', 'juli']],
  [8, ['august', 'aug']],
  [9, ['september', 'sept', 'sep']],
  [10, ['october', 'oct', 'oktober', 'okt']],
  [11, ['november', 'nov']],
  [12, ['december', 'dec', 'dezember', 'dez']],
]);
const NUMBERS = lookup([
  [1, ['a', 'an', 'one', 'ein', 'eine', 'einer', 'einem', 'einen']],
  [2, ['two', 'zwei']],
  [3, ['three', 'drei']],
  [4, ['four', 'vier']],
  [5, ['five', 'fünf', 'fuenf']],
  [6, ['six', 'sechs']],
  [7, ['seven', 'sieben']],
  [8, ['eight', 'acht']],
  [9, ['nine', 'neun']],
  [10, ['ten', 'zehn']],
]);

/** A time zone after a time: "EOD PT", "at 5pm CET". */
const TIME_ZONE = 'pt|pst|pdt|et|est|edt|ct|cst|cdt|mt|mst|mdt|utc|gmt|bst|cet|cest|mez|mesz';
/**
 * A time of day, not a date: "by EOD", "COB", "end of day". Alone it means today; next to a date ("EOD
 * Friday", "by end of day tomorrow") the date decides, and the qualifier leaves the text with it.
 */
const TIME_OF_DAY = `(?:(?:the )?end of (?:the )?day|close of business|eod|cob)(?:\\s+(?:${TIME_ZONE}))?`;

const PREPOSITIONS = [
  'no later than',
  'bis spätestens',
  'bis zum',
  'bis zur',
  'spätestens',
  'due by',
  'due on',
  'before',
  'until',
  'till',
  'due',
  'for',
  'on',
  'by',
  'bis',
  'zum',
  'am',
  'vor',
];

// Date rules ------------------------------------------------------------------------------------------

type Groups = (string | undefined)[];

interface DateRule {
  /** Regex source; its groups arrive in `resolve` in order. */
  source: string;
  /** A time of day standing for today: any other date phrase wins over it. */
  weak?: boolean;
  /** A weak phrase next to the date that wins joins its span (leaves the text with it), unless false. */
  joins?: boolean;
  /** A weekday: where it is refused, a time of day next to it ("every Friday by EOD") is no date either. */
  weekday?: boolean;
  resolve: (groups: Groups, today: Day, options: Options) => Day | null;
  /**
   * When set, the phrase counts only if this says so (given the preposition before it, if any, and the text
   * around the match).
   */
  accept?: (groups: Groups, preposition: string | undefined, options: Options, around: Around) => boolean;
}

interface Around {
  /** The text before the match (before its preposition, if any). */
  before: string;
  /** The text after the match. */
  after: string;
}

const GERMAN_PREPOSITION = /^(?:bis spätestens|bis zum|bis zur|spätestens|bis|zum|am|vor)$/iu;

/** "for" goes with a day ("for Friday", "for 3/12"), not a quarter or a version ("prepare for Q3", "for 3.12"). */
const datePreposition = (preposition: string | undefined) =>
  preposition !== undefined && preposition.toLowerCase() !== 'for';

const NEXT = 'next|nächste[nrs]?|naechste[nrs]?';
const THIS = 'this|coming|diese[nrs]?|kommende[nrs]?';
const YEAR = '(\\d{4}|\\d{2})';

/**
 * Words after which a weekday is no deadline: a day in the past, a start, a repetition or a move ("notes
 * from Tuesday", "since Monday", "every Friday", "move the 1:1 to Thursday", "ab Montag", "jeden Freitag").
 */
const NOT_A_DEADLINE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:from|since|last|past|previous|every|each|after|starting|to|ab|seit|letzte[nrs]?|vergangene[nrs]?|jede[nrs]?|von|vom|auf|nach)\\s+(?:(?:the|dem|der|den)\\s+)?$`,
  'iu',
);
/** A move: "to Thursday" is where it goes, but "to Thursday next week" / "to next Thursday" is a day to hold. */
const MOVED_TO_BEFORE = /(?:^|[^\p{L}\p{N}])(?:to|auf|nach)\s+(?:(?:the|dem|den)\s+)?$/iu;
/** A day that names a meeting or a day off, not a deadline: "Monday standup", "Friday off", "Freitag frei". */
const NOT_A_DEADLINE_AFTER =
  /^\s+(?:stand-?ups?|meetings?|daily|sync|call|retro|review|1:1|one-on-one|jour fixe|termin|besprechung|treffen|runde|sitzung|weekly|off|free|frei|urlaub)(?![\p{L}\p{N}])/iu;

/** A clock time, with "by"/"at"/… before it: "by noon", "at 5pm", "um 15 Uhr", "by EOD". */
const CLOCK = `(?:(?:by|before|until|till|no later than|bis|at|um|gegen|@)\\s*)?(?:${TIME_OF_DAY}|noon|midday|mittags?|\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|uhr|h)?)`;
/** What may end a line after its date: a time, a time zone, "please", "at the latest", emoji, emoticons. */
const TAIL_WORD = `(?:${CLOCK}|${TIME_ZONE}|(?:at )?the latest|latest|spätestens|please|pls|plz|bitte|thanks|thx|danke|[:;=]-?[()dp]|<3|[\\p{Extended_Pictographic}\\u{FE0F}\\u{200D}\\p{Emoji_Modifier}]+)(?![\\p{L}\\p{N}])`;
const TAIL_SPACE = '[\\s.!?;,()\\[\\]\\-–—]*';
/** A clause break after the date ("Monday, then …", "Thursday if possible"), unless another day follows. */
const CLAUSE_BREAK = `(?:\\s*[,;(]|\\s+[-–—](?=\\s|$)|\\s+(?:if|so|then|and|or|whether|unless|once|when|because|since|wenn|dann|und|oder|falls|damit|sobald|ob)(?![\\p{L}\\p{N}]))(?!\\s*(?:the\\s+)?(?:${WEEKDAYS.pattern}|${WEEKDAY_ABBREVIATIONS.pattern})(?![\\p{L}\\p{N}]))`;
/** The line or clause ends after a date: "… Friday", "… Friday by EOD", "… Friday at 5pm PT 🙏", "… Monday, then …". */
const DATE_ENDS = `(?:${TAIL_SPACE}${TAIL_WORD})*(?:${TAIL_SPACE}$|${CLAUSE_BREAK})`;
/** A date word, after which "to" is no purpose but a move or a span ("Monday to Thursday", "to next week"). */
const DATE_WORD = `(?:\\d|(?:the\\s+)?(?:${WEEKDAYS.pattern}|${WEEKDAY_ABBREVIATIONS.pattern}|next|this|coming|tomorrow|tmrw|today|tonight|noon|midday|eod|cob|end)(?![\\p{L}]))`;
/**
 * Verbs a purpose clause after a date starts with ("Remind Sam Monday to send the deck"): "to" before any
 * other word ("dedicate Friday to deep work", "assign Monday to Bob") may make the day the thing given.
 */
const PURPOSE_VERB =
  '(?:send|share|review|discuss|talk|go over|check|confirm|finali[sz]e|finish|complete|prepare|prep|present|' +
  'sign|approve|decide|update|follow up|sync|plan|draft|write|submit|ship|deliver|file|book|schedule|set up|' +
  'kick off|walk|ask|tell|remind|call|email|ping|message|meet|catch up|align|agree|give|get|do|make|fix|test|' +
  'run|read|look|start|wrap up|close|collect|gather|pick up|merge|deploy|release|publish|announce|invite|' +
  'introduce|demo|show|explain|sort out|compile|create|build|order|pay|renew|respond|reply|answer|circle back|' +
  'touch base|upload|print|bring|buy|reach out|contact|escalate|chase|nudge|hand over|hand off|go through|' +
  'pair|onboard|interview|sign off|clean up|brief|report|summari[sz]e|outline|estimate|validate|verify)';
/**
 * The line goes on after a date, in words that do not make the day a thing: a purpose clause ("Remind Sam
 * Monday to send the deck"), "about …", "re: …", "regarding …", "at the …" ("demo Friday at the all-hands"),
 * "to" someone with "the"/"our"/… ("present Monday to the team") and, after a time, "with …" ("… Friday 3pm
 * with Bob"). Not "with" right after the day ("replace Monday with …", "OOO Friday with family"), nor "to"
 * before a bare noun or a name ("dedicate Friday to deep work", "assign Monday to Bob").
 */
const DATE_GOES_ON =
  `(?:(?:${TAIL_SPACE}${TAIL_WORD})*\\s+(?:to\\s+(?:${PURPOSE_VERB}(?![\\p{L}\\p{N}])|(?:the|our|your|my|his|her|their|all)\\s+(?!${DATE_WORD}))|` +
  `(?:about|regarding)(?![\\p{L}\\p{N}])|re:|at\\s+(?:the|our|a|an)\\s)|(?:${TAIL_SPACE}${TAIL_WORD})+\\s+with(?![\\p{L}\\p{N}]))`;
/**
 * After a verb (and its object) the line goes on from the day in a preposition phrase or an "as agreed": "send
 * the report Friday to Priya", "sync Friday with Bob", "send the draft Friday before standup / for review / via
 * email / as agreed / again" — unless the verb right before the day gives it away, spends or cancels it
 * ("assign Monday to Bob", checked where it is used). Not before a date word ("work Monday to Wednesday").
 */
const DATE_CARRIES_ON =
  `(?:${TAIL_SPACE}${TAIL_WORD})*\\s+(?:(?:to|with|for|in|via|over|before|after|on|about)\\s+(?!${DATE_WORD})[\\p{L}\\p{N}]|` +
  `(?:as agreed|as discussed|like last time|again|too|as well)(?![\\p{L}\\p{N}]))`;
/** After a part of the day ("Monday AM with Bob", "tomorrow morning with Bob"), "with" goes on from the date too. */
const WITH_AFTER = '\\s+with(?![\\p{L}\\p{N}])';
/**
 * German puts the verb last: the line ends in a lower-case infinitive ("Entwurf Freitag schicken", "… fertig
 * machen"), a separable verb's particle ("Ich rufe Montag den Kunden an") or "fertig" ("Bericht Montag fertig").
 */
const GERMAN_VERB_LAST = `(?:\\s+\\S+)*?\\s+(?:(?!(?:den|einen|in|von|schon|dann|man|ihn|nun|wann|denn|wenn|kein|mein|dein)[\\s.!]*$)\\p{Ll}+n|an|auf|ab|aus|ein|mit|vor|zu|zurück|durch|fest|weiter|nach|her|hin|los|vorbei|bei|fertig|erledigt|bereit)[\\s.!]*$`;
const WEEKDAY_LINE_ENDS = new RegExp(`^(?:${TAIL_SPACE}${TAIL_WORD})*${TAIL_SPACE}$`, 'iu');
const WEEKDAY_CLAUSE_ENDS = new RegExp(`^(?:${TAIL_SPACE}${TAIL_WORD})*${CLAUSE_BREAK}`, 'iu');
const WEEKDAY_GOES_ON = new RegExp(`^${DATE_GOES_ON}`, 'iu');
const WEEKDAY_WITH = new RegExp(`^${WITH_AFTER}`, 'iu');
const WEEKDAY_CARRIES_ON = new RegExp(`^${DATE_CARRIES_ON}`, 'iu');
const GERMAN_VERB_ENDS = new RegExp(`^${GERMAN_VERB_LAST}`, 'u');
const GERMAN_WEEKDAY = /^(?:sonntag|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend)$/iu;
/**
 * A part of the day after a date, which leaves the text with it ("tomorrow morning", "Friday AM", "Freitag
 * früh") where the line or clause ends after it, the line goes on in words that keep it a date ("Monday AM
 * with Bob"), or (in German) the verb: not before a noun ("tomorrow morning standup").
 */
const NEXT_WEEK_AFTER = '(?:\\s+(?:next week|nächste[rn]? woche))?';
const PART_OF_DAY_EN = `(?:morning|afternoon|evening|night|a\\.?m\\.?|p\\.?m\\.?)(?=${NEXT_WEEK_AFTER}(?:${DATE_ENDS}|${DATE_GOES_ON}|${DATE_CARRIES_ON}|${WITH_AFTER}))`;
const PART_OF_DAY_DE = `(?:früh|vormittag|nachmittag|mittag|abend)(?=${NEXT_WEEK_AFTER}(?:${DATE_ENDS}|${GERMAN_VERB_LAST}))`;
const PART_OF_DAY = `${PART_OF_DAY_EN}|${PART_OF_DAY_DE}`;

/**
 * Verbs whose object a day is — the day is cancelled, skipped, moved, taken, covered, kept free, given or
 * spent on something ("cancel Monday if nobody has topics", "take Monday, Bob covers", "dedicate Friday to deep
 * work", "assign Monday to Bob", "replace Monday with an async update"), with a particle ("free up Friday").
 */
const OBJECT_VERB =
  '(?:cancel(?:s|l?ed|l?ing)?|skip(?:s|ped|ping)?|mov(?:e[sd]?|ing)|reschedul(?:e[sd]?|ing)|postpon(?:e[sd]?|ing)|' +
  'push(?:es|ed|ing)?|drop(?:s|ped|ping)?|block(?:s|ed|ing)?|free[sd]?|freeing|clear(?:s|ed|ing)?|keep(?:s|ing)?|kept|' +
  'tak(?:e[sn]?|ing)|took|cover(?:s|ed|ing)?|swap(?:s|ped|ping)?|shift(?:s|ed|ing)?|hold(?:s|ing)?|held|' +
  'scrap(?:s|ped|ping)?|reserv(?:e[sd]?|ing)|protect(?:s|ed|ing)?|call(?:s|ed|ing)?\\s+off|set(?:s|ting)?|' +
  'switch(?:es|ed|ing)?|chang(?:e[sd]?|ing)|dedicat(?:e[sd]?|ing)|devot(?:e[sd]?|ing)|us(?:e[sd]?|ing)|' +
  'assign(?:s|ed|ing)?|allocat(?:e[sd]?|ing)|replac(?:e[sd]?|ing)|limit(?:s|ed|ing)?|open(?:s|ed|ing)?|' +
  'giv(?:e[sn]?|ing)|gave|spen(?:ds?|ding|t))(?:\\s+(?:up|off|out|back))?';
/**
 * Past verbs: the day they name is gone ("recap what we decided Monday"), never a due date — unless "get",
 * "have" or "is"/"are"/"be" makes the verb the result wanted ("get the budget agreed Friday", "make sure the
 * plan is agreed Friday", "get the contract signed and agreed Friday"). "said" is no such verb: "Sam said
 * Friday" gives the day.
 */
const PAST_VERB =
  '(?:decided|discussed|agreed|talked|mentioned|spoke|told|noted|raised|asked|heard|saw|met|learned|learnt|' +
  'announced|did|was|were|had|happened)';
/** A word between "get"/"is" and the participle, not one that starts a clause of its own ("is what we agreed"). */
const RESULT_WORD =
  '(?:(?!(?:what|that|which|who|whom|whose|we|they|i|he|she|you|when|where|as|because|since)(?![\\p{L}\\p{N}]))[^\\s,;:.!?]+\\s+)';
const RESULT_WANTED =
  `(?<![\\p{L}\\p{N}])(?:(?:get|gets|got|getting|gotten)\\s+${RESULT_WORD}{0,5}|(?:have|has|having)\\s+${RESULT_WORD}{1,5}|` +
  `(?:is|are|be|been|being)\\s+${RESULT_WORD}{0,3})`;
const OBJECT_VERB_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])${OBJECT_VERB}\\s+(?:the\\s+)?$`, 'iu');
const PAST_VERB_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?<!${RESULT_WANTED})${PAST_VERB}\\s+(?:the\\s+)?$`,
  'iu',
);
/**
 * Away on the day — out of office, off, on vacation: a day off, not a deadline ("OOO Friday with family", "Sam:
 * out Friday at the dentist", "Bob is off Monday"). "out"/"off" only opening the line or after "is"/"'m"/…:
 * "roll out Friday", "sign off Friday" are deadlines.
 */
const AWAY_BEFORE =
  /(?:(?:^|[^\p{L}\p{N}])(?:ooo|oof|away|offline|afk|vacation|holidays?|pto|sick|on leave|out of (?:the )?office)|(?:^[\s\-–—,;:]*|(?:^|[^\p{L}\p{N}'’])(?:is|am|are|be|been|being|was|were)\s+|['’](?:m|re|s)\s+)(?:out|off))\s+$/iu;
/** An object verb earlier in the clause: "move the 1:1 Monday to 3pm" moves Monday's 1:1. */
const OBJECT_VERB_IN_CLAUSE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])${OBJECT_VERB}(?![\\p{L}\\p{N}])(?:(?![,;:.!?]|\\s(?:and|or|then|if|so|but)\\s).)*$`,
  'iu',
);
/** A verb earlier in the clause that moves or cancels the day's event: "skip the standup Friday as agreed". */
const MOVE_VERB_IN_CLAUSE =
  /(?:^|[^\p{L}\p{N}])(?:cancel|skip|mov|reschedul|postpon|push|shift|swap|switch|chang|drop|scrap|replac)\p{L}*(?:(?![,;:.!?]|\s(?:and|or|then|if|so|but)\s).)*$/iu;
/** A word before the day that makes it a thing talked about: "about Monday", "the Monday", "of Friday". */
const DAY_AS_THING_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:the|a|an|this|that|our|my|your|his|her|their|its|of|about|re|regarding|with|at|in)\s+$/iu;

/** German cancel verbs ending the clause: "Montag Workshop absagen", "Montag ausfallen lassen", "Montag fällt aus". */
const GERMAN_CANCEL_AFTER =
  /^(?:\s+[^\s,;:]+)*?\s+(?:absagen|abzusagen|ausfallen(?:\s+(?:zu\s+)?lassen)?|(?:zu\s+)?(?:ver)?schieben|(?:zu\s+)?verlegen|streichen|canceln|stornieren|frei\s*nehmen|frei\s*halten|blocken|blockieren|(?:fällt|fallen)(?:\s+[^\s,;:]+)*?\s+aus)[\s.!]*$/iu;
/** A German cancel verb in second place before the day: "Wir verschieben/schieben/canceln Montag den Workshop". */
const GERMAN_MOVE_BEFORE =
  /(?:^|[^\p{L}])(?:(?:ver)?schiebe|(?:ver)?schiebst|(?:ver)?schiebt|(?:ver)?schieben|cancele|cancelst|cancelt|canceln|verlege|verlegst|verlegt|verlegen|streiche|streichst|streicht|streichen|storniere|stornierst|storniert|stornieren|blocke|blockst|blockt|blocken)\s+$/iu;
/** "sagen … ab" is cancelling ("Ich sage Montag den Workshop ab"); "Ich sage Montag Bescheid" is not. */
const GERMAN_SAY_BEFORE = /(?:^|[^\p{L}])(?:sage|sagst|sagt|sagen)\s+$/iu;
const GERMAN_OFF_AFTER = /\sab[\s.!]*$/u;
/**
 * German says the day after the verb in second place: "Ich schicke Freitag den Entwurf", "Sam schickt
 * Freitag …", "Ich melde mich Montag bei Bob" — not after "sein" or "haben" ("Ich bin Montag nicht da"), a
 * modal verb ("Ich kann Freitag nicht") nor a verb that spends the day ("Ich nehme Freitag einen Tag Urlaub",
 * "Ich vertrete Freitag Bob", "Ich mache Freitag Homeoffice", "Ich arbeite Montag von zu Hause").
 */
const GERMAN_VERB_SECOND_BEFORE =
  /(?:^|[,;:]|\s(?:und|dann|aber))\s*(?:[Ii]ch|[Ww]ir|[Dd]u|[Ee]r|[Ss]ie|[Ii]hr|\p{Lu}\p{Ll}+)\s+(?!(?:bin|bist|ist|sind|seid|war|warst|waren|wart|wäre|wären|habe|hast|hat|haben|habt|hatte|hatten|nehme|nimmst|nimmt|nehmen|nehmt|vertrete|vertrittst|vertritt|vertreten|vertretet|mache|machst|macht|machen|arbeite|arbeitest|arbeitet|arbeiten)\s)\p{Ll}+(?:\s+(?:mich|dich|sich|uns|euch|mir|dir))?\s+$/u;
/**
 * The verb in second place with a dative name, or machen/arbeiten, before the day: a date only with an object
 * after it ("Ich schicke Sam Freitag die Folien", "Wir machen Montag das Review"), not a day spent ("Ich mache
 * Freitag Homeoffice", "Ich mache Freitag einen Tag frei").
 */
const GERMAN_VERB_NAME_SECOND_BEFORE =
  /(?:^|[,;:]|\s(?:und|dann|aber))\s*(?:[Ii]ch|[Ww]ir|[Dd]u|[Ee]r|[Ss]ie|[Ii]hr|\p{Lu}\p{Ll}+)\s+(?:(?!(?:bin|bist|ist|sind|seid|war|warst|waren|wart|wäre|wären|habe|hast|hat|haben|habt|hatte|hatten|nehme|nimmst|nimmt|nehmen|nehmt|vertrete|vertrittst|vertritt|vertreten|vertretet)\s)\p{Ll}+\s+\p{Lu}\p{Ll}+|mache|machst|macht|machen|arbeite|arbeitest|arbeitet|arbeiten)\s+$/u;
const GERMAN_OBJECT_AFTER =
  /^\s+(?:der|die|das|den|dem|ein|eine|einen|einem|einer|meine[mnrs]?|unsere[mnrs]?|deine[mnrs]?|seine[mnrs]?|ihre[mnrs]?)\s+(?!(?:(?![,;:.!?]).)*?(?:frei|urlaub|homeoffice|home-office|pause|feierabend)(?![\p{L}\p{N}]))/iu;
/** A day opening the line before a meeting with someone: "Montag Review mit Bob". */
const GERMAN_MEETING_WITH_AFTER =
  /^\s+(?:review|sync|call|retro|1:1|termin|besprechung|treffen|meeting|jour fixe|stand-?up|runde|sitzung)\s+mit\s+\S/iu;
/** A modal verb right before the day: "Ich kann Freitag …", "Wir müssen Montag …", "Ich werde Freitag …". */
const GERMAN_MODAL_BEFORE =
  /(?:^|[^\p{L}])(?:kann|kannst|können|könnt|muss|musst|müssen|müsst|will|willst|wollen|wollt|soll|sollst|sollen|sollt|darf|darfst|dürfen|dürft|möchte|möchtest|möchten|möchtet|mag|magst|mögen|werde|wirst|wird|werden|werdet)\s+$/iu;
/** A lower-case infinitive ends the line: "Ich kann Freitag den Entwurf schicken". */
const GERMAN_INFINITIVE_ENDS =
  /^(?:\s+\S+)*?\s+(?!(?:den|einen|in|von|schon|dann|man|ihn|nun|wann|denn|wenn|kein|mein|dein)[\s.!]*$)\p{Ll}+n[\s.!]*$/u;
/** A negation in the clause after the day: "Ich kann Freitag nicht", "Ich arbeite Montag nicht". */
const GERMAN_NEGATED_AFTER =
  /^(?:(?![,;:.!?]|\s(?:und|oder|aber|dann|sondern)\s).)*?(?:^|\s)(?:nicht|nichts|kein|keine|keinen|keinem|keiner|keines|nie|niemals)(?![\p{L}\p{N}])/iu;

/** Whether a German day is what is cancelled or moved: "Montag Workshop absagen", "Montag fällt aus". */
function germanDayCancelled(before: string, after: string): boolean {
  if (GERMAN_CANCEL_AFTER.test(after) || GERMAN_MOVE_BEFORE.test(before)) return true;
  return GERMAN_SAY_BEFORE.test(before) && GERMAN_OFF_AFTER.test(after);
}

/**
 * Whether a weekday said without a preposition or "next"/"this" is a due date: ending the line or a clause,
 * leading it ("Friday: …", "Friday, …"), before words that go on from a date ("Remind Sam Monday to send the
 * deck", "… Monday about the budget", "… Friday 3pm with Bob"), or — in German — before the verb that ends
 * the line or after the verb in second place ("Ich schicke Freitag den Entwurf"). Not a day in the middle of
 * the agreement ("take Friday off", "cancel Monday standup"), a day gone by ("what we decided Monday"), nor
 * the day a verb takes as its object before a clause ("cancel Monday if …", "Montag Workshop absagen").
 */
function bareWeekdayIsDate(name: string, { before, after }: Around, partOfDay = false): boolean {
  if (PAST_VERB_BEFORE.test(before) || AWAY_BEFORE.test(before)) return false;
  const german = GERMAN_WEEKDAY.test(name);
  const opensLine = /^[\s\-–—,;:]*$/u.test(before);
  if (german) {
    if (germanDayCancelled(before, after) || GERMAN_NEGATED_AFTER.test(after)) return false;
    if (opensLine && GERMAN_MEETING_WITH_AFTER.test(after)) return true;
  }
  if (NOT_A_DEADLINE_AFTER.test(after)) return false;
  if (german) {
    // After a modal verb only an infinitive ending the line makes the day a date ("Ich kann Freitag …").
    if (GERMAN_MODAL_BEFORE.test(before)) return GERMAN_INFINITIVE_ENDS.test(after);
  }
  if (WEEKDAY_LINE_ENDS.test(after)) return true;
  if (WEEKDAY_CLAUSE_ENDS.test(after)) return !OBJECT_VERB_BEFORE.test(before);
  if (opensLine && /^(?:\s*[:,]|\s+[-–—](?:\s|$))/u.test(after)) return true;
  if (
    WEEKDAY_CARRIES_ON.test(after) &&
    !OBJECT_VERB_BEFORE.test(before) &&
    !MOVE_VERB_IN_CLAUSE.test(before) &&
    !DAY_AS_THING_BEFORE.test(before)
  ) {
    return true;
  }
  if (WEEKDAY_GOES_ON.test(after) || (partOfDay && WEEKDAY_WITH.test(after))) {
    return !OBJECT_VERB_IN_CLAUSE.test(before) && !DAY_AS_THING_BEFORE.test(before);
  }
  if (!german) return false;
  if (GERMAN_VERB_ENDS.test(after) || GERMAN_VERB_SECOND_BEFORE.test(before)) return true;
  return GERMAN_VERB_NAME_SECOND_BEFORE.test(before) && GERMAN_OBJECT_AFTER.test(after);
}

function weekdayRule(
  pattern: string,
  valueOf: (word: string) => number,
  needsPrefix: boolean,
  locale?: 'de',
): DateRule {
  return {
    // "next week Friday" / "nächste Woche Freitag" as "Friday next week" (longest first: "next" alone then
    // does not take "next week" from it). A part of the day after it goes with it ("Friday afternoon").
    source: `(?:(next week|nächste[rn]? woche|${NEXT}|${THIS})\\s+)?(${pattern})(\\.?)(\\s+(?:${PART_OF_DAY}))?(\\s+(?:next week|nächste[rn]? woche))?`,
    weekday: true,
    resolve: ([modifier, name, , , nextWeekSuffix], today, { weekStartsOn }) => {
      const weekday = valueOf(name ?? '');
      if (Number.isNaN(weekday)) return null;
      if (nextWeekSuffix || (modifier && /^n/i.test(modifier))) {
        return weekdayNextWeek(today, weekday, weekStartsOn);
      }
      return upcomingWeekday(today, weekday, modifier !== undefined && /^(this|diese)/i.test(modifier));
    },
    accept: needsPrefix
      ? ([modifier, , dot], preposition, options) =>
          (preposition !== undefined || modifier !== undefined) &&
          (locale === undefined ||
            options.locale === locale ||
            (preposition !== undefined &&
              GERMAN_PREPOSITION.test(preposition) &&
              (dot === '.' || !/^am$/i.test(preposition))))
      : ([modifier, name, , partOfDay, nextWeekSuffix], preposition, _options, around) => {
          if (preposition !== undefined) return true;
          const weekSaid = modifier !== undefined || nextWeekSuffix !== undefined;
          if (NOT_A_DEADLINE_BEFORE.test(around.before))
            return weekSaid && MOVED_TO_BEFORE.test(around.before);
          return weekSaid || bareWeekdayIsDate(name ?? '', around, partOfDay !== undefined);
        },
  };
}

const fixed =
  (shift: (today: Day, options: Options) => Day) =>
  (_groups: Groups, today: Day, options: Options): Day =>
    shift(today, options);

const endOfWeek = (today: Day) => upcomingWeekday(today, 5, true);
const endOfMonth = (today: Day) => {
  const [year, month] = ymd(today);
  return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
};
const firstOfNextMonth = (today: Day) => addMonths(`${today.slice(0, 8)}01`, 1);

const DATE_RULES: DateRule[] = [
  {
    source: `today|heute(?: (?:morgen(?=${NEXT_WEEK_AFTER}(?:${DATE_ENDS}|${GERMAN_VERB_LAST}))|${PART_OF_DAY_DE}))?`,
    resolve: fixed((today) => today),
  },
  {
    // Today, when nothing else says when; next to another date they are words of the agreement ("the recap
    // from this morning by Friday"), left in its text.
    source: 'tonight|this (?:morning|afternoon|evening)',
    weak: true,
    joins: false,
    resolve: fixed((today) => today),
  },
  {
    source: TIME_OF_DAY,
    weak: true,
    resolve: fixed((today) => today),
  },
  {
    source: `(?:tomorrow|tmrw)(?:\\s+${PART_OF_DAY_EN})?|morgen(?: ${PART_OF_DAY_DE})?`,
    resolve: fixed((t) => addDays(t, 1)),
  },
  { source: '(?:the )?day after tomorrow|übermorgen|uebermorgen', resolve: fixed((t) => addDays(t, 2)) },
  {
    source: `next week|(?:${NEXT}|kommende[rn]?) woche`,
    resolve: fixed((t, { weekStartsOn }) => addDays(startOfWeek(t, weekStartsOn), 7)),
  },
  {
    source: '(?:the )?end of (?:the |this )?week|this week|eow|ende (?:der |dieser )?woche|diese[r]? woche',
    resolve: fixed(endOfWeek),
  },
  {
    source: `(?:the )?end of next week|ende (?:der )?(?:${NEXT}|kommende[nrs]?) woche`,
    resolve: fixed((t, { weekStartsOn }) => weekdayNextWeek(t, 5, weekStartsOn)),
  },
  {
    source: '(?:the )?end of (?:the |this )?month|eom|ende (?:des |dieses )?monats|monatsende|ende monat',
    resolve: fixed(endOfMonth),
  },
  {
    source: `(?:the )?end of (?:the )?next month|ende (?:des )?(?:${NEXT}|kommende[nrs]?) monats`,
    resolve: fixed((t) => endOfMonth(firstOfNextMonth(t))),
  },
  {
    source: `next month|(?:${NEXT}|kommende[nrs]?) monat`,
    resolve: fixed(firstOfNextMonth),
  },
  {
    source: '(?:the )?end of (?:the |this )?year|eoy|jahresende|ende des jahres',
    resolve: fixed((t) => `${t.slice(0, 4)}-12-31`),
  },
  {
    // "by Q1", "end of Q3 2027"; a bare "Q3" is more often a topic ("Q3 planning") than a deadline.
    source: `((?:the )?end of |ende )?q([1-4])(?:[\\s/]+(\\d{4}))?`,
    accept: ([endOf], preposition) => datePreposition(preposition) || endOf !== undefined,
    resolve: ([, quarter, year], today) => {
      const month = Number(quarter) * 3;
      const thisYear = Number(today.slice(0, 4));
      const last = (y: number) => `${y}-${pad(month)}-${pad(daysInMonth(y, month))}`;
      if (year !== undefined) return last(Number(year));
      return last(thisYear) >= today ? last(thisYear) : last(thisYear + 1);
    },
  },
  {
    source: `(?:in|within|innerhalb von|innerhalb)\\s+(\\d{1,3}|${NUMBERS.pattern})\\s+(days?|weeks?|wks?|months?|tag(?:e|en)?|wochen?|monat(?:e|en)?)`,
    resolve: ([amount, unit], today) => {
      const n = /^\d/.test(amount ?? '') ? Number(amount) : NUMBERS.valueOf(amount ?? '');
      const u = fold(unit ?? '');
      if (u.startsWith('m')) return addMonths(today, n);
      return addDays(today, u.startsWith('w') ? 7 * n : n);
    },
  },
  {
    // "a week from Monday", "two weeks after Friday", "3 days from Tuesday": counted from that day.
    source: `(\\d{1,2}|${NUMBERS.pattern})\\s+(days?|weeks?)\\s+(?:from|after)\\s+(${WEEKDAYS.pattern})`,
    resolve: ([amount, unit, name], today) => {
      const weekday = WEEKDAYS.valueOf(name ?? '');
      if (Number.isNaN(weekday)) return null;
      const n = /^\d/.test(amount ?? '') ? Number(amount) : NUMBERS.valueOf(amount ?? '');
      return addDays(upcomingWeekday(today, weekday, false), /^w/i.test(unit ?? '') ? 7 * n : n);
    },
  },
  {
    // "Friday the 27th", "next Monday, the 30th": the date says which Friday — the next 27th that is a
    // Friday (within a year), else the next 27th.
    source: `(?:(?:${NEXT}|${THIS})\\s+)?(${WEEKDAYS.pattern}),?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)`,
    resolve: ([name, date], today) => {
      const weekday = WEEKDAYS.valueOf(name ?? '');
      const [year, month] = ymd(today);
      let first: Day | null = null;
      for (let ahead = 0; ahead < 12; ahead++) {
        const [y, m] = ymd(addMonths(`${year}-${pad(month)}-01`, ahead));
        const day = makeDay(y, m, Number(date));
        if (day === null || day < today) continue;
        first ??= day;
        if (weekdayOf(day) === weekday) return day;
      }
      return first;
    },
  },
  weekdayRule(WEEKDAYS.pattern, WEEKDAYS.valueOf, false),
  weekdayRule(WEEKDAY_ABBREVIATIONS.pattern, WEEKDAY_ABBREVIATIONS.valueOf, true),
  weekdayRule(GERMAN_WEEKDAY_ABBREVIATIONS.pattern, GERMAN_WEEKDAY_ABBREVIATIONS.valueOf, true, 'de'),
  {
    source: '(\\d{4})-(\\d{1,2})-(\\d{1,2})',
    resolve: ([year, month, date]) => makeDay(Number(year), Number(month), Number(date)),
  },
  {
    // Dec 3, December 3rd, Dec. 3, 2027
    source: `(${MONTHS.pattern})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`,
    resolve: ([month, date, year], today) =>
      explicitDay(today, MONTHS.valueOf(month ?? ''), Number(date), year),
  },
  {
    // 3 Dec, 3rd of December, 3. Dezember 2027
    source: `(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+)?(${MONTHS.pattern})\\.?(?:,?\\s+(\\d{4}))?`,
    resolve: ([date, month, year], today) =>
      explicitDay(today, MONTHS.valueOf(month ?? ''), Number(date), year),
  },
  {
    // 12/3 (month/day, or day/month where the user writes the day first), 12/3/27
    // Not a fraction ("2/3 of the team", "for 1/2 the budget").
    source: `(\\d{1,2})/(\\d{1,2})(?:/${YEAR})?(?!\\s+(?:of|the)(?![\\p{L}]))`,
    resolve: ([a, b, year], today, { dayFirst }) => {
      const [month, date] = dayFirst ? [Number(b), Number(a)] : [Number(a), Number(b)];
      return explicitDay(today, month, date, year);
    },
  },
  {
    // 3.12. / 3.12.2026 / "am 3.12" (without the final dot only after a preposition: "3.12" may be a number)
    source: `(\\d{1,2})\\.(\\d{1,2})(\\.${YEAR}?)?`,
    resolve: ([date, month, , year], today) => explicitDay(today, Number(month), Number(date), year),
    accept: ([, , dot], preposition) => dot !== undefined || datePreposition(preposition),
  },
];

const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = "(?![\\p{L}\\p{N}]|['’]\\p{L})";
const COMPILED = DATE_RULES.map((rule) => ({
  rule,
  regex: new RegExp(
    `${BEFORE}(?:(${[...PREPOSITIONS, TIME_OF_DAY].join('|')})\\s+(?:(?:the|dem|der)\\s+)?)?(${rule.source})${AFTER}`,
    'giu',
  ),
}));

interface DateMatch {
  start: number;
  end: number;
  day: Day;
}

/** Whether only spaces or a comma lie between two phrases of `text`. */
function touching(text: string, a: { start: number; end: number }, b: { start: number; end: number }) {
  const gap =
    a.end <= b.start ? text.slice(a.end, b.start) : b.end <= a.start ? text.slice(b.end, a.start) : '';
  return /^[\s,]*$/.test(gap);
}

/** "at the latest" ending the line or clause after the date goes with it: "Friday, latest", "Freitag spätestens". */
const LATEST_AFTER = new RegExp(`^,?\\s*(?:(?:at )?the latest|latest|spätestens)(?=${DATE_ENDS})`, 'iu');

/**
 * The date phrase in `text`: the longest one, the later one on a tie (dates tend to come last). A time of day
 * ("by EOD") counts only when there is no other date, nor a weekday next to it that is no date ("every Friday
 * by EOD"); next to a date ("by EOD Friday") it joins its span.
 */
function findDate(text: string, today: Day, options: Options): DateMatch | null {
  let best: DateMatch | null = null;
  let weakBest: DateMatch | null = null;
  const weak: DateMatch[] = [];
  const refusedWeekdays: { start: number; end: number }[] = [];
  for (const { rule, regex } of COMPILED) {
    for (const match of text.matchAll(regex)) {
      const groups = match.slice(3);
      const around = { before: text.slice(0, match.index), after: text.slice(match.index + match[0].length) };
      if (rule.accept && !rule.accept(groups, match[1], options, around)) {
        if (rule.weekday) refusedWeekdays.push({ start: match.index, end: match.index + match[0].length });
        continue;
      }
      const day = rule.resolve(groups, today, options);
      if (day === null) continue;
      const start = match.index;
      const end = start + match[0].length;
      const found = { start, end, day };
      if (rule.weak && rule.joins !== false) weak.push(found);
      const current = rule.weak ? weakBest : best;
      const longer = current === null || end - start > current.end - current.start;
      const tieLater =
        current !== null && end - start === current.end - current.start && start > current.start;
      if (!(longer || tieLater)) continue;
      if (rule.weak) weakBest = found;
      else best = found;
    }
  }
  if (best === null) {
    if (weakBest === null) return null;
    const found = weakBest;
    return refusedWeekdays.some((day) => touching(text, day, found)) ? null : found;
  }
  // A time of day touching the date ("by end of day" + " Friday") goes with it.
  for (const qualifier of weak) {
    if (touching(text, qualifier, best))
      best = {
        ...best,
        start: Math.min(best.start, qualifier.start),
        end: Math.max(best.end, qualifier.end),
      };
  }
  const latest = LATEST_AFTER.exec(text.slice(best.end));
  return latest ? { ...best, end: best.end + latest[0].length } : best;
}

// Owners ----------------------------------------------------------------------------------------------

interface Owner {
  owner: AgreementOwner;
  ownerName: string;
  /** A 2-1's counterpart named (owner `named`): the bare "to" form is theirs too. */
  counterpart?: boolean;
}

const ME = new Set(['me', 'i', 'myself', 'ich', 'mir', 'mich']);
const BOTH = new Set([
  'both',
  'we',
  'us',
  'both of us',
  'we both',
  'us both',
  'we two',
  'the two of us',
  'beide',
  'wir',
  'uns',
  'wir beide',
  'wir zwei',
  'uns beide',
]);
const YOU = new Set(['you', 'du', 'dir']);
/** Capitalised words that start sentences, not names ("It will …", "Das soll …"). */
const NOT_NAMES = new Set(
  (
    'it this that these those there he she they someone somebody everyone everybody nobody who what which ' +
    'each everything the a an note notes todo idea es das dies er sie man jemand wer was der die alles ' +
    'keiner niemand notiz idee ' +
    // e-mail and note prefixes: "Re: budget, Bob will ping"
    're fwd fw aw wg ps nb cc'
  ).split(' '),
);
// A note's label before the agreement ("Decision: we move to weekly"), and a word joining it to the last one
// ("Then Sam will ping legal"): neither is who does it.
const LABEL =
  /^(?:(?:todo|to-do|action items?|action|task|aufgabe|decision|decided|agreed|agreement|reminder|follow[\s-]?up|update|next steps?|fyi|entscheidung|beschluss|vereinbart|erinnerung|nächste schritte)\s*:\s*|(?:then|and|also|dann|und|außerdem|danach)\s+|next\s+(?!(?:week|month|quarter|year|time|mon|tue|wed|thu|fri|sat|sun)\p{L}*))/iu;
const WORD = "[\\p{L}][\\p{L}\\p{M}'’.\\-]*";
const MENTION = new RegExp(`^@(${WORD})(?:\\s*[:\\-–—])?\\s*`, 'u');
const PREFIX = new RegExp(`^(${WORD}(?:\\s+${WORD}){0,2})(?:\\s*:|\\s+[-–—](?:\\s|$))\\s*`, 'u');
const VERBS =
  "(?:\\s+(will|shall|should|is going to|is gonna|needs to|has to|to|wird|soll|sollte|muss)|(['’]ll))\\s+";
/** Two of us named ("Sam and I", "Me & Sam", "Sam Taylor und ich"), before a colon or a verb. */
const PAIR = `(${WORD}(?:\\s+${WORD})?)\\s+(?:and|&|und)\\s+(${WORD}(?:\\s+${WORD})?)`;
const PAIR_PREFIX = new RegExp(`^${PAIR}(?:\\s*:|\\s+[-–—](?:\\s|$))\\s*`, 'iu');
const PAIR_VERB = new RegExp(
  `^${PAIR}(?:\\s+(?:will|shall|should|are going to|are gonna|need to|have to|must|to|werden|sollen|sollten|müssen)|['’]ll)\\s+`,
  'iu',
);
/** A topic of up to three words and a comma before the owner: "Re: budget, Bob will ping". */
const TOPIC = /^(?:[^\s,;:]+\s+){0,2}[^\s,;:]+,\s*/u;
/** A name of one or two words, then the verb; then (`Sam needs to …`: not "Sam needs" + "to") of one word. */
const NAME_VERB = [
  new RegExp(`^(${WORD}(?:\\s+${WORD})?)${VERBS}`, 'iu'),
  new RegExp(`^(${WORD})${VERBS}`, 'iu'),
];
const SENTENCE_OWNERS: [RegExp, AgreementOwner][] = [
  [
    /^(?:i['’]ll|i will|i shall|i should|i'm going to|i’m going to|i am going to|i'm gonna|i’m gonna|i need to|i have to|i must|me to|ich werde|ich muss|ich soll|ich sollte)\s+/iu,
    'me',
  ],
  [
    /^(?:we['’]ll both|we['’]ll|we both will|we both should|we both need to|we will|we shall|we should|we['’]re going to|we are going to|we need to|we must|let['’]s|let us|both of us will|wir werden|wir sollten|wir müssen|lass uns|lasst uns)\s+/iu,
    'both',
  ],
  [/^(?:you['’]ll|you will|you should|you need to|du wirst|du sollst|du solltest|du musst)\s+/iu, 'them'],
];

/**
 * The counterpart a name means: by full name, else by first name when only one counterpart has it. `null`:
 * a counterpart's first name that two of them share (a 2-1 with two Sams): one of them, not saying which.
 */
function counterpartNamed(name: string, counterpartNames: string[]): string | null | undefined {
  const key = fold(name);
  const folded = counterpartNames
    .map((candidate) => ({ candidate, folded: fold(candidate) }))
    .filter((c) => c.folded.length > 0);
  const full = folded.find((c) => c.folded === key);
  if (full !== undefined) return full.candidate;
  const first = folded.filter((c) => c.folded.split(' ')[0] === key);
  return first.length === 1 ? first[0]!.candidate : first.length > 1 ? null : undefined;
}

/**
 * Whether a name is the user's own (`ctx.myName`), by full or first name — not when a counterpart has that
 * first name too ("Sam" when I am Sam Lee and meet Sam Taylor: theirs, as without my name).
 */
function isMyName(name: string, ctx: CaptureContext): boolean {
  const mine = fold(ctx.myName ?? '');
  const key = fold(name);
  if (mine.length === 0 || (key !== mine && key !== mine.split(' ')[0])) return false;
  return counterpartNamed(name, ctx.counterpartNames) === undefined;
}

/** "Sam and I", "you and me", "ich und Sam": me and the other person (a counterpart, or "you"). */
function isPairOfUs(first: string, second: string, ctx: CaptureContext): boolean {
  const isMe = (name: string) => ME.has(fold(name)) || isMyName(name, ctx);
  const isThem = (name: string) =>
    !isMe(name) && (YOU.has(fold(name)) || counterpartNamed(name, ctx.counterpartNames) !== undefined);
  return (isMe(first) && isThem(second)) || (isThem(first) && isMe(second));
}

/** Who a name-like prefix means, or null when it is not an owner at all. */
function classify(
  raw: string,
  ctx: CaptureContext,
  today: Day,
  options: Options,
  mention: boolean,
): Owner | null {
  const key = fold(raw);
  if (ME.has(key) || isMyName(raw, ctx)) return { owner: 'me', ownerName: '' };
  if (BOTH.has(key)) return { owner: 'both', ownerName: '' };
  if (YOU.has(key)) return { owner: 'them', ownerName: '' };
  const counterpart = counterpartNamed(raw, ctx.counterpartNames);
  // With one counterpart, "them"; with several (a 2-1), the one named, by their full name (a first name two
  // of them share: "them").
  if (counterpart !== undefined)
    return ctx.counterpartNames.length > 1 && counterpart !== null
      ? { owner: 'named', ownerName: counterpart.trim(), counterpart: true }
      : { owner: 'them', ownerName: '' };
  const words = raw.trim().split(/\s+/);
  const capitalised = words.every((word) => /^\p{Lu}/u.test(word));
  if (!mention && !capitalised) return null;
  if (words.some((word) => NOT_NAMES.has(fold(word)))) return null;
  const asDate = findDate(raw, today, options);
  if (asDate !== null && asDate.end - asDate.start === raw.length) return null; // "Friday: …"
  return { owner: 'named', ownerName: capitaliseFirst(raw) };
}

/**
 * The stated owner and the rest of the line, or null when the line names no owner. `afterLabel`: the text
 * after a label, where no further label is looked through (one is enough, and it keeps the work linear).
 */
function findOwner(
  line: string,
  ctx: CaptureContext,
  today: Day,
  options: Options,
  afterLabel = false,
): (Owner & { rest: string }) | null {
  const mention = MENTION.exec(line);
  if (mention?.[1]) {
    const owner = classify(mention[1], ctx, today, options, true);
    if (owner) return { ...owner, rest: line.slice(mention[0].length) };
  }
  const pair = PAIR_PREFIX.exec(line) ?? PAIR_VERB.exec(line);
  if (pair?.[1] && pair[2] && isPairOfUs(pair[1], pair[2], ctx)) {
    return { owner: 'both', ownerName: '', rest: line.slice(pair[0].length) };
  }
  const prefix = PREFIX.exec(line);
  if (prefix?.[1]) {
    const owner = classify(prefix[1], ctx, today, options, false);
    const after = line.slice(prefix[0].length);
    const stranger = owner === null || (owner.owner === 'named' && !owner.counterpart);
    if (stranger && !afterLabel) {
      // A topic before the colon ("Roadmap: Sam will update it", "Re: budget, Bob will ping"): the owner is
      // the one said after it, and the topic stays in the text.
      const inner = ownerAfterLabel(after, ctx, today, options);
      if (inner) return { ...inner, rest: prefix[0] + inner.rest };
    }
    if (owner) return { ...owner, rest: after };
  }
  for (const [pattern, owner] of SENTENCE_OWNERS) {
    const match = pattern.exec(line);
    if (match) return { owner, ownerName: '', rest: line.slice(match[0].length) };
  }
  for (const [index, pattern] of NAME_VERB.entries()) {
    const named = pattern.exec(line);
    if (!named?.[1]) continue;
    const verb = named[2]?.toLowerCase();
    const owner = classify(named[1], ctx, today, options, false);
    // "Intro to Priya" is not Intro's job: the bare "to" form is for the counterparts only. Nor, in the
    // one-word reading, is "Budget has to be approved" the budget's: there only a counterpart owns it.
    const stranger = owner?.owner === 'named' && !owner.counterpart;
    if (owner && !(stranger && (verb === 'to' || index > 0))) {
      const { counterpart: _counterpart, ...who } = owner;
      return { ...who, rest: line.slice(named[0].length) };
    }
  }
  return null;
}

/** The owner said after a label, at its start or after a short topic and a comma ("budget, Bob will …"). */
function ownerAfterLabel(
  text: string,
  ctx: CaptureContext,
  today: Day,
  options: Options,
): (Owner & { rest: string }) | null {
  const direct = findOwner(text, ctx, today, options, true);
  if (direct) return direct;
  const topic = TOPIC.exec(text);
  if (!topic) return null;
  const owner = findOwner(text.slice(topic[0].length), ctx, today, options, true);
  return owner ? { ...owner, rest: topic[0] + owner.rest } : null;
}

// Capture ---------------------------------------------------------------------------------------------

/**
 * The first letter upper-cased when the first word is all lower case ("send the draft" → "Send the draft",
 * "@sam" → "Sam"); any other casing is the user's and kept ("iPhone test plan", "eBay listing", "deShawn").
 */
function capitaliseFirst(text: string): string {
  const first = /^\S*/u.exec(text)?.[0] ?? '';
  if (first !== first.toLowerCase()) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function tidy(text: string): string {
  const tidied = text
    .replace(/\s+/g, ' ')
    .replace(/\(\s*\)/g, '')
    // Not before an emoticon: "Send the draft :)".
    .replace(/\s+([,.;:!?)])(?!-?[()])/g, '$1')
    .replace(/([(])\s+/g, '$1')
    .replace(/^[\s,.;:\-–—]+|[\s,.;:\-–—]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return capitaliseFirst(tidied);
}

export function parseAgreementLine(line: string, ctx: CaptureContext): CaptureResult {
  const locale = ctx.locale ?? 'en';
  const options: Options = {
    locale,
    dayFirst: ctx.dayFirst ?? locale === 'de',
    weekStartsOn: ctx.weekStartsOn ?? 1,
  };
  const input = line.normalize('NFC').trim();
  if (input.length === 0) {
    return { ok: false, reason: 'Type an agreement first, for example “Sam: send the draft by Friday”.' };
  }
  if (input.length > MAX_CAPTURE_LENGTH) {
    return {
      ok: false,
      reason: `Keep an agreement to ${MAX_CAPTURE_LENGTH} characters or fewer (this one has ${input.length}).`,
    };
  }
  const today = dayOf(ctx.now);
  const unlabelled = input.replace(LABEL, '');
  const stated = findOwner(unlabelled, ctx, today, options);
  const rest = stated ? stated.rest : unlabelled;
  if (tidy(rest).length === 0) {
    return stated
      ? { ok: false, reason: 'Add what needs to be done after the name, for example “Sam: send the draft”.' }
      : { ok: false, reason: 'Add what needs to be done, for example “Sam: send the draft by Friday”.' };
  }
  const date = findDate(rest, today, options);
  const text = tidy(date ? rest.slice(0, date.start) + ' ' + rest.slice(date.end) : rest);
  if (isBlank(text)) {
    return { ok: false, reason: 'Add what needs to be done, not only when.' };
  }
  return {
    ok: true,
    owner: stated?.owner ?? 'me',
    ownerName: stated?.ownerName ?? '',
    text,
    dueDate: date?.day ?? null,
    dateText: date ? rest.slice(date.start, date.end) : '',
  };
}
