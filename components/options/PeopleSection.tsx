/** People and their 1:1s: edit, archive and bring back, merge duplicates. */
import { useState } from 'preact/hooks';
import {
  type DirectoryEntry,
  type PeopleDirectory,
  setPersonArchived,
  setRelationshipArchived,
} from '@/lib/db';
import type { Person, Relationship, Template } from '@/lib/domain/model';
import { type MessageKey, t } from '@/lib/i18n';
import { cadenceEvery } from '../shared/format';
import { ActionMessage } from './ActionMessage';
import { MergePeople } from './MergePeople';
import { OptionsSection } from './OptionsSection';
import { PersonEditor } from './PersonEditor';
import { RelationshipEditor } from './RelationshipEditor';
import { kindLabel, relationLabel } from './options-text';
import { useAction } from './use-action';

interface Shared {
  templates: readonly Template[];
  /** Everyone (for a 1:1's people: a 2-1's second person). */
  people: readonly Person[];
  showArchived: boolean;
  onDataChanged: () => void;
  run: ReturnType<typeof useAction>['run'];
}

export function PeopleSection({
  directory,
  templates,
  onDataChanged,
}: {
  directory: PeopleDirectory;
  templates: readonly Template[];
  onDataChanged: () => void;
}) {
  const [showArchived, setShowArchived] = useState(false);
  const action = useAction();
  const visible = directory.people.filter((entry) => showArchived || !entry.person.archived);
  // What "Show archived" brings back: archived people, and archived 1:1s under the others (once each: a
  // 2-1 shows under both of its people).
  const archivedOnItsOwn = new Set(
    [
      ...directory.people.filter((e) => !e.person.archived).flatMap((e) => e.relationships),
      ...directory.unassigned,
    ]
      .filter((r) => r.archived)
      .map((r) => r.id),
  );
  const archivedCount = directory.people.filter((e) => e.person.archived).length + archivedOnItsOwn.size;
  const unassigned = directory.unassigned.filter((r) => showArchived || !r.archived);
  const shared: Shared = {
    templates,
    people: directory.people.map((entry) => entry.person),
    showArchived,
    onDataChanged,
    run: action.run,
  };

  return (
    <OptionsSection id="people" title={t('options_people_title')} intro={t('options_people_intro')}>
      <div class="options-toolbar">
        <label class="check">
          <input
            type="checkbox"
            checked={showArchived}
            data-testid="show-archived"
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          <span>{t('options_people_show_archived', archivedCount)}</span>
        </label>
      </div>
      <MergePeople entries={directory.people} onDataChanged={onDataChanged} />
      {visible.length === 0 && unassigned.length === 0 ? (
        <p class="duet-empty" data-testid="people-empty">
          {t('options_people_none')}
        </p>
      ) : null}
      <ul class="people-list" data-testid="people-list">
        {visible.map((entry) => (
          <PersonCard key={entry.person.id} entry={entry} {...shared} />
        ))}
      </ul>
      {unassigned.length > 0 ? (
        <div class="options-subsection">
          <h3>{t('options_people_unassigned')}</h3>
          <ul class="row-list">
            {unassigned.map((relationship) => (
              <RelationshipRow key={relationship.id} relationship={relationship} {...shared} />
            ))}
          </ul>
        </div>
      ) : null}
      <ActionMessage state={action.state} testId="people" />
    </OptionsSection>
  );
}

function PersonCard({ entry, ...shared }: { entry: DirectoryEntry } & Shared) {
  const { person } = entry;
  const [editing, setEditing] = useState(false);
  const relationships = entry.relationships.filter((r) => shared.showArchived || !r.archived);
  const headingId = `person-${person.id}-name`;
  return (
    <li class="person-card" data-testid="person-card" data-person-id={person.id} aria-labelledby={headingId}>
      <div class="person-head">
        <div class="person-id">
          <h3 id={headingId} class="person-name">
            {person.name}
          </h3>
          <span class="duet-chip">{relationLabel(person.relation)}</span>
          {person.archived ? <span class="duet-chip muted-chip">{t('options_archived')}</span> : null}
        </div>
        <div class="row-buttons">
          <EditArchiveButtons
            kind="person"
            name={person.name}
            archived={person.archived}
            editing={editing}
            onEdit={() => setEditing(!editing)}
            setArchived={(archived) => setPersonArchived(person.id, archived)}
            run={shared.run}
            onDataChanged={shared.onDataChanged}
          />
        </div>
      </div>
      <p class="duet-muted person-emails">
        {person.emails.length > 0 ? person.emails.join(', ') : t('options_person_no_emails')}
      </p>
      {editing ? (
        <PersonEditor person={person} onDone={() => setEditing(false)} onDataChanged={shared.onDataChanged} />
      ) : null}
      {relationships.length > 0 ? (
        <ul class="row-list" aria-label={t('options_person_relationships', person.name)}>
          {relationships.map((relationship) => (
            <RelationshipRow key={relationship.id} relationship={relationship} {...shared} />
          ))}
        </ul>
      ) : (
        <p class="duet-muted options-none">{t('options_person_no_relationships')}</p>
      )}
    </li>
  );
}

function RelationshipRow({ relationship, ...shared }: { relationship: Relationship } & Shared) {
  const [editing, setEditing] = useState(false);
  const title = relationship.title || t('options_untitled');
  const template = shared.templates.find((candidate) => candidate.id === relationship.templateId);
  return (
    <li class="row relationship-row" data-testid="relationship-row" data-relationship-id={relationship.id}>
      <div class="row-line">
        <span class="row-main">
          <span class="row-title">{title}</span>
          <span class="duet-muted row-detail">
            {t(
              'options_relationship_summary',
              kindLabel(relationship.kind),
              cadenceEvery(relationship.cadenceDays),
              template?.name ?? t('options_template_missing'),
            )}
            {relationship.archived ? ` · ${t('options_archived')}` : ''}
          </span>
        </span>
        <span class="row-buttons">
          <EditArchiveButtons
            kind="relationship"
            name={title}
            archived={relationship.archived}
            editing={editing}
            onEdit={() => setEditing(!editing)}
            setArchived={(archived) => setRelationshipArchived(relationship.id, archived)}
            run={shared.run}
            onDataChanged={shared.onDataChanged}
          />
        </span>
      </div>
      {editing ? (
        <RelationshipEditor
          relationship={relationship}
          templates={shared.templates}
          people={shared.people}
          onDone={() => setEditing(false)}
          onDataChanged={shared.onDataChanged}
        />
      ) : null}
    </li>
  );
}

/**
 * What the buttons say: a 1:1's pair sits on its person's card right under the person's own, so it says
 * "1:1" (two identical "Edit / Archive" pairs on one card left the user guessing which was which).
 */
const BUTTON_TEXT = {
  person: { edit: 'options_edit', archive: 'options_archive', unarchive: 'options_unarchive' },
  relationship: {
    edit: 'options_relationship_edit',
    archive: 'options_relationship_archive',
    unarchive: 'options_relationship_unarchive',
  },
} as const satisfies Record<'person' | 'relationship', Record<'edit' | 'archive' | 'unarchive', MessageKey>>;

/** "Edit" (opens the row's editor) and "Archive" / "Unarchive", for a person and for a 1:1. */
function EditArchiveButtons({
  kind,
  name,
  archived,
  editing,
  onEdit,
  setArchived,
  run,
  onDataChanged,
}: {
  kind: 'person' | 'relationship';
  name: string;
  archived: boolean;
  editing: boolean;
  onEdit: () => void;
  setArchived: (archived: boolean) => Promise<unknown>;
} & Pick<Shared, 'run' | 'onDataChanged'>) {
  return (
    <>
      <button
        type="button"
        class="options-button small"
        aria-expanded={editing}
        aria-label={t(`options_${kind}_edit_label`, name)}
        data-testid={`${kind}-edit`}
        onClick={onEdit}
      >
        {t(BUTTON_TEXT[kind].edit)}
      </button>
      <button
        type="button"
        class="options-button small"
        data-testid={`${kind}-archive`}
        aria-label={t(archived ? `options_${kind}_unarchive_label` : `options_${kind}_archive_label`, name)}
        onClick={() =>
          void run(async () => {
            await setArchived(!archived);
            onDataChanged();
            return t(archived ? `options_${kind}_unarchived` : `options_${kind}_archived`, name);
          })
        }
      >
        {t(archived ? BUTTON_TEXT[kind].unarchive : BUTTON_TEXT[kind].archive)}
      </button>
    </>
  );
}
