/**
 * Pure helpers for the Calendar panel: names and labels, guesses for tracking a new 1:1, and how notes and
 * dates are shown. No browser storage, no database.
 */
import { sectionTitleIn } from '@/lib/domain/session-summary';
import type { CadenceHealth } from '@/lib/domain/cadence';
import {
  DEFAULT_CADENCE_DAYS,
  GOAL_CATEGORIES,
  RELATIONS,
  type Agreement,
  type Goal,
  type Relation,
  type RelationshipKind,
  type Session,
  type Template,
} from '@/lib/domain/model';
import { recurrenceCadenceDays } from '@/lib/domain/recurrence';
import { t, tn } from '@/lib/i18n';
import type { CounterpartRef } from '@/lib/messaging/protocol';
import { cadenceEvery, formatDate } from '../../shared/format';
import type { CalendarContext } from './view-types';

/** A relationship kind's name ("One-on-one", "Peer 1:1"). */
export function kindName(kind: RelationshipKind): string {
  switch (kind) {
    case 'one-on-one':
      return t('panel_kind_1on1');
    case 'two-on-one':
      return t('panel_kind_2on1');
    case 'skip-level':
      return t('panel_kind_skip_level');
    case 'peer':
      return t('panel_kind_peer');
    case 'career':
      return t('panel_kind_career');
  }
}

/** How the counterpart relates to me ("Reports to me", "My manager"). */
export function relationName(relation: Relation): string {
  switch (relation) {
    case 'report':
      return t('panel_relation_report');
    case 'manager':
      return t('panel_relation_manager');
    case 'peer':
      return t('panel_relation_peer');
    case 'skip-level-report':
      return t('panel_relation_skip_level_report');
    case 'skip-level-manager':
      return t('panel_relation_skip_level_manager');
    case 'other':
      return t('panel_relation_other');
  }
}

export function goalCategoryName(category: Goal['category']): string {
  switch (category) {
    case 'impact':
      return t('panel_goal_category_impact');
    case 'team':
      return t('panel_goal_category_team');
    case 'community':
      return t('panel_goal_category_community');
    case 'personal-development':
      return t('panel_goal_category_personal_development');
    case 'okr':
      return t('panel_goal_category_okr');
  }
}

export function goalStatusName(status: Goal['status']): string {
  switch (status) {
    case 'ahead':
      return t('panel_goal_status_ahead');
    case 'on-track':
      return t('panel_goal_status_on_track');
    case 'behind':
      return t('panel_goal_status_behind');
  }
}

/** An agreement's status in words ("done", "dropped"). */
export function agreementStatusName(status: Agreement['status']): string {
  switch (status) {
    case 'open':
      return t('panel_agreement_status_open');
    case 'renegotiated':
      return t('panel_agreement_status_renegotiated');
    case 'done':
      return t('panel_agreement_status_done');
    case 'dropped':
      return t('panel_agreement_status_dropped');
  }
}

/** A lookup table whose values are read through `name` each time (so always in the current language). */
function namesTable<K extends string>(
  keys: readonly K[],
  name: (key: K) => string,
): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(table, key, { enumerable: true, get: () => name(key) });
  return table;
}

/** The same names as tables, for code that indexes them (e.g. `KIND_NAMES[kind]`). */
export const KIND_NAMES = namesTable(
  ['one-on-one', 'two-on-one', 'skip-level', 'peer', 'career'] satisfies RelationshipKind[],
  kindName,
);
export const RELATION_NAMES = namesTable(RELATIONS, relationName);
export const GOAL_CATEGORY_NAMES = namesTable(GOAL_CATEGORIES, goalCategoryName);
export const GOAL_STATUS_NAMES = namesTable(
  ['ahead', 'on-track', 'behind'] satisfies Goal['status'][],
  goalStatusName,
);

/** The special section id of notes written outside a template section (Calendar notes, v1 notes). */
export const GENERAL_SECTION_ID = 'general';

/** When a session took place, in the user's locale ("Mon, Mar 9, 2026"). */
export function formatSessionDate(instant: number): string {
  return formatDate(new Date(instant), {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
}

function cadenceWord(status: CadenceHealth['status']): string {
  switch (status) {
    case 'ok':
      return t('panel_cadence_word_ok');
    case 'due':
      return t('panel_cadence_word_due');
    case 'overdue':
      return t('panel_cadence_word_overdue');
  }
}

/** "last 1:1 18 days ago, every 2 weeks — due"; a series never held also says it is due. */
export function cadenceText(health: CadenceHealth): string {
  const every = cadenceEvery(health.cadenceDays);
  const word = cadenceWord(health.status);
  if (health.daysSince === null) return t('panel_cadence_never', every, word);
  const since =
    health.daysSince === 0
      ? t('panel_cadence_today')
      : health.daysSince === 1
        ? t('panel_cadence_yesterday')
        : tn('panel_cadence_days_ago', health.daysSince);
  return t('panel_cadence_last', since, every, word);
}

/** The longest cadence a title may name (days), as the recurrence line's. */
const MAX_TITLE_CADENCE_DAYS = 365;

/** A count in a title: digits, or two…eight in English, German or French ("other" is 2: "every other week"). */
const TITLE_COUNT_WORDS: Record<string, number> = {
  other: 2,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
};
const TITLE_COUNT = String.raw`(\d{1,2}|${Object.keys(TITLE_COUNT_WORDS).join('|')})`;
/** A hyphen or dash joining a count to its word ("6-weekly", "3–weekly"). */
const DASH = String.raw`[-‐‑–—]`;
/** Not inside a word or number. */
const START = String.raw`(?<![\p{L}\p{N}])`;
const STOP = String.raw`(?![\p{L}\p{N}])`;

/** Title words with a count (group 1) and the days it multiplies: "6-weekly" 42, "every 3 weeks" 21, "2-monthly" 60. */
const COUNTED_TITLE: readonly (readonly [RegExp, number])[] = [
  [
    new RegExp(
      String.raw`${START}(?:every\s+${TITLE_COUNT}\s+weeks?|alle\s+${TITLE_COUNT}\s+wochen|toutes\s+les\s+${TITLE_COUNT}\s+semaines)${STOP}`,
      'iu',
    ),
    7,
  ],
  [
    new RegExp(
      String.raw`${START}(?:every\s+${TITLE_COUNT}\s+months?|alle\s+${TITLE_COUNT}\s+monate|tous\s+les\s+${TITLE_COUNT}\s+mois)${STOP}`,
      'iu',
    ),
    30,
  ],
  // "6-weekly", "six-weekly", "2 weekly", "vierwöchentlich", "4-wöchentliches".
  [
    new RegExp(
      String.raw`${START}${TITLE_COUNT}\s*${DASH}?\s*(?:weekly|w(?:ö|oe)chentlich\p{L}*)${STOP}`,
      'iu',
    ),
    7,
  ],
  // "3-monthly", "zweimonatlich".
  [new RegExp(String.raw`${START}${TITLE_COUNT}\s*${DASH}?\s*(?:monthly|monatlich\p{L}*)${STOP}`, 'iu'), 30],
];

const BIWEEKLY = new RegExp(String.raw`${START}(?:bi${DASH}?weekly|fortnightly)${STOP}`, 'iu');
/** "Bi-monthly": every two months in most business use, though also "twice a month" (the recurrence line decides). */
const BIMONTHLY = new RegExp(String.raw`${START}bi${DASH}?monthly${STOP}`, 'iu');
/** A bare cadence word, not the tail of a word joined by a hyphen ("semi-weekly", "Bob-weekly": not known). */
const BARE = String.raw`(?<![\p{L}\p{N}]${DASH})${START}`;
const WEEKLY = new RegExp(
  String.raw`${BARE}(?:weekly|every\s+week|w(?:ö|oe)chentlich\p{L}*|hebdo(?:madaire)?)${STOP}`,
  'iu',
);
/** 30 days, as the recurrence line's "Monthly" (lib/domain/recurrence.ts): one word, one cadence. */
const MONTHLY = new RegExp(
  String.raw`${BARE}(?:monthly|every\s+month|monatlich\p{L}*|mensuel(?:le)?)${STOP}`,
  'iu',
);

function titleCount(word: string): number {
  return /^\d+$/u.test(word) ? Number(word) : (TITLE_COUNT_WORDS[word.toLowerCase()] ?? 0);
}

/**
 * The cadence words of a title say, and whether they are ambiguous (`firm: false`: "bi-monthly"); `null` when
 * the title names none this knows (a hyphened word it does not know, "semi-weekly", names none).
 */
function titleCadence(title: string): { days: number; firm: boolean } | null {
  const text = title.normalize('NFKC');
  for (const [pattern, daysPer] of COUNTED_TITLE) {
    const match = pattern.exec(text);
    if (!match) continue;
    const count = titleCount(match.slice(1).find((group) => group !== undefined) ?? '');
    const days = count * daysPer;
    return count >= 1 && days <= MAX_TITLE_CADENCE_DAYS ? { days, firm: true } : null;
  }
  if (BIWEEKLY.test(text)) return { days: 14, firm: true };
  if (BIMONTHLY.test(text)) return { days: 60, firm: false };
  if (WEEKLY.test(text)) return { days: 7, firm: true };
  if (MONTHLY.test(text)) return { days: 30, firm: true };
  return null;
}

/**
 * The cadence a new 1:1 probably has: from words in its title ("Weekly 1:1" → 7, "biweekly" → 14,
 * "6-weekly" → 42, "every 4 weeks" → 28, "monthly" → 30, "3-monthly" → 90), else from its recurrence line in the
 * popover ("Every 2 weeks on Tuesday" → 14: lib/domain/recurrence.ts), else the default for its kind (the user's
 * setting when known). An ambiguous title word ("bi-monthly": 60, or twice a month) yields to the recurrence line.
 */
export function guessCadenceDays(
  title: string,
  kind: RelationshipKind,
  defaults: Partial<Record<RelationshipKind, number>> = {},
  recurrence: string | null = null,
): number {
  const fromTitle = titleCadence(title);
  if (fromTitle?.firm) return fromTitle.days;
  return recurrenceCadenceDays(recurrence) ?? fromTitle?.days ?? defaults[kind] ?? DEFAULT_CADENCE_DAYS[kind];
}

/** The relation a new counterpart most likely has, from the kind of 1:1. */
export function guessRelation(kind: RelationshipKind): Relation {
  switch (kind) {
    case 'peer':
      return 'peer';
    case 'skip-level':
      return 'skip-level-report';
    default:
      return 'report';
  }
}

/** The guests' email addresses (lower-cased, no blanks). */
export function guestEmailsOf(context: Pick<CalendarContext, 'guests'>): string[] {
  return (context.guests ?? [])
    .map((guest) => guest.email?.trim().toLowerCase() ?? '')
    .filter((email) => email.length > 0);
}

/**
 * The one other person of this meeting, when exactly one is known: the background's "trackable"
 * verdict, else the single detected counterpart, else the single guest.
 */
export function counterpartOf(context: Pick<CalendarContext, 'detection' | 'guests'>): CounterpartRef | null {
  const { detection, guests } = context;
  if (detection.trackable) return detection.trackable;
  if (detection.counterparts.length === 1) return detection.counterparts[0] ?? null;
  // A 2-1's first counterpart; the other is `coCounterpartsOf`.
  if (coCounterpartsOf(context).length > 0) return detection.counterparts[0] ?? null;
  if (detection.counterparts.length === 0 && guests?.length === 1) return guests[0] ?? null;
  return null;
}

/**
 * A 2-1's other people beside `counterpartOf`'s first: detected with two counterparts (the other lead and
 * the member), the second is tracked with the first. Empty for everything else.
 */
export function coCounterpartsOf(context: Pick<CalendarContext, 'detection'>): CounterpartRef[] {
  const { detection } = context;
  return detection.kind === 'two-on-one' && detection.counterparts.length === 2
    ? detection.counterparts.slice(1)
    : [];
}

/** A counterpart's display name: their name, else the part of the email before the @. */
export function counterpartName(counterpart: CounterpartRef | null): string {
  if (!counterpart) return '';
  const name = counterpart.name.trim();
  if (name) return name;
  return counterpart.email?.split('@')[0]?.trim() ?? '';
}

export interface SectionNotes {
  id: string;
  title: string;
  text: string;
}

/**
 * The title of a notes field: its section's in this template, else in another template (one switched away
 * from), 'general' is "Notes" (written beside a Calendar event), else one made from the id.
 */
export function sectionTitleOf(
  id: string,
  template: Pick<Template, 'sections' | 'formerSections'> | undefined,
  others: ReadonlyArray<Pick<Template, 'sections' | 'formerSections'>> = [],
): string {
  return sectionTitleIn(id, [template, ...others], t('panel_notes'));
}

/**
 * A session's notes, section by section in template order, with the template's titles ('general' is
 * "Notes"); sections the template no longer has keep their title from another template (`others`) or one
 * made from their id. Empty sections are left out.
 */
export function notesBySection(
  session: Pick<Session, 'notes'>,
  template: Pick<Template, 'sections' | 'formerSections'> | undefined,
  others: ReadonlyArray<Pick<Template, 'sections' | 'formerSections'>> = [],
): SectionNotes[] {
  const written = Object.entries(session.notes).filter(([, text]) => text.trim().length > 0);
  const byId = new Map(written);
  const result: SectionNotes[] = [];
  for (const section of template?.sections ?? []) {
    const text = byId.get(section.id);
    if (text === undefined) continue;
    result.push({ id: section.id, title: section.title, text });
    byId.delete(section.id);
  }
  const general = byId.get(GENERAL_SECTION_ID);
  if (general !== undefined) {
    result.push({ id: GENERAL_SECTION_ID, title: t('panel_notes'), text: general });
    byId.delete(GENERAL_SECTION_ID);
  }
  for (const [id, text] of byId) result.push({ id, title: sectionTitleOf(id, template, others), text });
  return result;
}
