/** Labels the options page shows for stored values (kinds, relations, series ids). */
import type { Relation, RelationshipKind, Template } from '@/lib/domain/model';
import { type MessageKey, t, tn } from '@/lib/i18n';

const KIND_KEYS: Record<RelationshipKind, MessageKey> = {
  'one-on-one': 'options_kind_one_on_one',
  'two-on-one': 'options_kind_two_on_one',
  'skip-level': 'options_kind_skip_level',
  peer: 'options_kind_peer',
  career: 'options_kind_career',
};

export function kindLabel(kind: RelationshipKind): string {
  return t(KIND_KEYS[kind]);
}

const RELATION_KEYS: Record<Relation, MessageKey> = {
  report: 'options_relation_report',
  manager: 'options_relation_manager',
  peer: 'options_relation_peer',
  'skip-level-report': 'options_relation_skip_level_report',
  'skip-level-manager': 'options_relation_skip_level_manager',
  other: 'options_relation_other',
};

export function relationLabel(relation: Relation): string {
  return t(RELATION_KEYS[relation]);
}

const SECTION_KIND_KEYS: Record<Template['sections'][number]['kind'], MessageKey> = {
  notes: 'options_section_kind_notes',
  'check-in': 'options_section_kind_check_in',
  agreements: 'options_section_kind_agreements',
  goals: 'options_section_kind_goals',
  feedback: 'options_section_kind_feedback',
  career: 'options_section_kind_career',
  'career-steps': 'options_section_kind_career_steps',
  'career-assessment': 'options_section_kind_career_assessment',
};

export function sectionKindLabel(kind: Template['sections'][number]['kind']): string {
  return t(SECTION_KIND_KEYS[kind]);
}

/** Where a row stands in its list, to tell untitled series apart without showing their ids. */
export interface ListPlace {
  /** 1-based. */
  position: number;
  total: number;
}

/**
 * `meet:abc-defg-hij` → "Meet call abc-defg-hij" (the code people see in Meet); a Calendar series → its
 * remembered title, else "A series without a title" — with its place in the list when several lack one. Never
 * a Calendar id: it means nothing to anyone.
 */
export function seriesLabel(
  seriesId: string,
  titles: Readonly<Record<string, string>>,
  place?: ListPlace,
): string {
  if (seriesId.startsWith('meet:')) return t('options_series_meet', seriesId.slice('meet:'.length));
  const title = titles[seriesId];
  if (title) return title;
  return place
    ? tn('options_series_untitled_nth', place.total, place.position)
    : t('options_series_untitled');
}

/** Whether a series is listed without a title of its own (see `seriesLabel`). */
export function isUntitledSeries(seriesId: string, titles: Readonly<Record<string, string>>): boolean {
  return !seriesId.startsWith('meet:') && !titles[seriesId];
}

/** Splits what the user typed into emails: commas, semicolons, spaces or new lines. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
