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

const BIWEEKLY =
  /\b(?:bi-?weekly|fortnightly|every\s+(?:2|two|other)\s+weeks?|2\s*-?\s*weekly|zweiw(?:ö|oe)chentlich)\b/iu;
const WEEKLY = /\b(?:weekly|every\s+week|w(?:ö|oe)chentlich|hebdo(?:madaire)?)\b/iu;
const FOUR_WEEKLY =
  /\b(?:every\s+(?:4|four)\s+weeks|4[\s-]?weekly|alle\s+(?:4|vier)\s+wochen|(?:4[\s-]?|vier)w(?:ö|oe)chentlich\p{L}*|toutes\s+les\s+4\s+semaines)(?!\p{L})/iu;
/** 30 days, as the recurrence line's "Monthly" (lib/domain/recurrence.ts): one word, one cadence. */
const MONTHLY = /\b(?:monthly|every\s+month|monatlich\p{L}*|mensuel(?:le)?)(?!\p{L})/iu;

/**
 * The cadence a new 1:1 probably has: from words in its title ("Weekly 1:1" → 7, "biweekly" → 14,
 * "every 4 weeks" → 28, "monthly" → 30), else from its recurrence line in the popover ("Every 2 weeks on Tuesday" → 14:
 * lib/domain/recurrence.ts), else the default for its kind (the user's setting when known).
 */
export function guessCadenceDays(
  title: string,
  kind: RelationshipKind,
  defaults: Partial<Record<RelationshipKind, number>> = {},
  recurrence: string | null = null,
): number {
  if (FOUR_WEEKLY.test(title)) return 28;
  if (BIWEEKLY.test(title)) return 14;
  if (WEEKLY.test(title)) return 7;
  if (MONTHLY.test(title)) return 30;
  return recurrenceCadenceDays(recurrence) ?? defaults[kind] ?? DEFAULT_CADENCE_DAYS[kind];
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
