/**
 * Pure helpers for the Calendar panel: names and labels, guesses for tracking a new 1:1, and how notes and
 * dates are shown. No browser storage, no database.
 */
import { type CadenceHealth, describeCadence } from '@/lib/domain/cadence';
import type { Day } from '@/lib/domain/days';
import {
  DEFAULT_CADENCE_DAYS,
  type Agreement,
  type Goal,
  type Person,
  type Relation,
  type RelationshipKind,
  type Session,
  type Template,
} from '@/lib/domain/model';
import type { CounterpartRef } from '@/lib/messaging/protocol';
import type { CalendarContext, Direction } from './view-types';

export const KIND_NAMES: Record<RelationshipKind, string> = {
  'one-on-one': 'One-on-one',
  'two-on-one': 'Two-on-one',
  'skip-level': 'Skip-level',
  peer: 'Peer 1:1',
  career: 'Career 1:1',
};

export const RELATION_NAMES: Record<Relation, string> = {
  report: 'Reports to me',
  manager: 'My manager',
  peer: 'Peer',
  'skip-level-report': 'Skip-level report',
  'skip-level-manager': 'Skip-level manager',
  other: 'Other',
};

export const GOAL_CATEGORY_NAMES: Record<Goal['category'], string> = {
  impact: 'Impact',
  team: 'Team building',
  community: 'Community',
  'personal-development': 'Personal development',
  okr: 'OKR',
};

export const GOAL_STATUS_NAMES: Record<Goal['status'], string> = {
  ahead: 'Ahead',
  'on-track': 'On track',
  behind: 'Behind',
};

/** The special section id of notes written outside a template section (Calendar notes, v1 notes). */
export const GENERAL_SECTION_ID = 'general';

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
      return 'Me';
    case 'both':
      return 'Both';
    case 'them':
      return people.length > 0 ? namesOf(people) : 'Them';
    case 'named':
      return agreement.ownerName || 'Someone else';
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
  return date.toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** When a session took place, in the user's locale ("Mon, Mar 9, 2026"). */
export function formatSessionDate(instant: number): string {
  return new Date(instant).toLocaleDateString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
}

/** "last 1:1 18 days ago, every 2 weeks — due"; a series never held also says it is due. */
export function cadenceText(health: CadenceHealth): string {
  const text = describeCadence(health);
  return health.daysSince === null
    ? `${text} — ${health.status === 'ok' ? 'on track' : health.status}`
    : text;
}

const BIWEEKLY =
  /\b(?:bi-?weekly|fortnightly|every\s+(?:2|two|other)\s+weeks?|2\s*-?\s*weekly|zweiw(?:ö|oe)chentlich)\b/iu;
const WEEKLY = /\b(?:weekly|every\s+week|w(?:ö|oe)chentlich|hebdo(?:madaire)?)\b/iu;
const MONTHLY = /\b(?:monthly|every\s+(?:month|4\s+weeks|four\s+weeks)|monatlich|mensuel(?:le)?)\b/iu;

/**
 * The cadence a new 1:1 probably has, from words in its title ("Weekly 1:1" → 7, "biweekly" → 14,
 * "monthly" → 28); otherwise the default for its kind (the user's setting when known).
 */
export function guessCadenceDays(
  title: string,
  kind: RelationshipKind,
  defaults: Partial<Record<RelationshipKind, number>> = {},
): number {
  if (BIWEEKLY.test(title)) return 14;
  if (WEEKLY.test(title)) return 7;
  if (MONTHLY.test(title)) return 28;
  return defaults[kind] ?? DEFAULT_CADENCE_DAYS[kind];
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
  if (detection.counterparts.length === 0 && guests?.length === 1) return guests[0] ?? null;
  return null;
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

function titleFromId(id: string): string {
  const words = id.replace(/[-_.:]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}

/**
 * A session's notes, section by section in template order, with the template's titles ('general' is
 * "Notes"); sections the template no longer has keep a title made from their id. Empty sections are left out.
 */
export function notesBySection(
  session: Pick<Session, 'notes'>,
  template: Pick<Template, 'sections'> | undefined,
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
    result.push({ id: GENERAL_SECTION_ID, title: 'Notes', text: general });
    byId.delete(GENERAL_SECTION_ID);
  }
  for (const [id, text] of byId) result.push({ id, title: titleFromId(id), text });
  return result;
}

/** The ids in their new order after moving one a step up or down (unchanged at the ends). */
export function moveId(ids: readonly string[], id: string, direction: Direction): string[] {
  const index = ids.indexOf(id);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ids.length) return [...ids];
  const next = [...ids];
  next[index] = ids[target]!;
  next[target] = id;
  return next;
}
