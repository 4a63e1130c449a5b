/** How the options page names a 1:1 among others: by its people, so two 1:1s titled "1:1" read apart. */
import { useMemo } from 'preact/hooks';
import { listPeople, namingOf, type RelationshipNaming, relationshipLabel } from '@/lib/db';
import type { Person, Relationship } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { useLiveQuery } from '../shared/use-live-query';

/**
 * How the options page lists a 1:1 among others: "Bob Jones — 1:1" (its people, and its title when that
 * says more), "Untitled 1:1", and "· archived" for one that is.
 */
export function relationshipText(naming: RelationshipNaming): string {
  const label = relationshipLabel(naming) || t('options_untitled');
  return naming.archived ? `${label} · ${t('options_archived')}` : label;
}

/**
 * Everyone by id, archived people too, read live: the page's lists name 1:1s by their people. Empty until
 * read (or if it cannot be): the lists then name 1:1s by their titles.
 */
export function usePeopleById(): ReadonlyMap<string, Person> {
  const people = useLiveQuery(() => listPeople({ includeArchived: true }), []);
  const list = people.status === 'ready' ? people.value : null;
  return useMemo(() => new Map((list ?? []).map((p) => [p.id, p])), [list]);
}

/** The 1:1s labelled for a list (`relationshipText`), in the order of their labels. */
export function relationshipTexts(
  relationships: readonly Relationship[],
  people: ReadonlyMap<string, Person>,
): Array<{ id: string; text: string }> {
  return relationships
    .map((r) => ({ id: r.id, text: relationshipText(namingOf(r, people)) }))
    .sort((a, b) => a.text.localeCompare(b.text));
}
