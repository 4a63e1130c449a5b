/** Edit one 1:1 series: who it is with, what I call it, its kind, how often we meet, which template it uses. */
import { useState } from 'preact/hooks';
import { RelationshipTwinError, saveRelationshipEdit } from '@/lib/db';
import {
  memberOf,
  type Person,
  type Relationship,
  RelationshipKindSchema,
  type Template,
} from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { ActionMessage } from './ActionMessage';
import { kindLabel } from './options-text';
import { relationshipText } from './relationship-text';
import { ShownError, useAction } from './use-action';
import { useFocusOnMount } from './use-focus-on-mount';

/** The most people a 1:1 has (a 2-1: the member and the other lead; the schema allows a few more). */
const MAX_PEOPLE = 4;

export function RelationshipEditor({
  relationship,
  templates,
  people,
  onDone,
  onDataChanged,
}: {
  relationship: Relationship;
  templates: readonly Template[];
  /** Everyone Duet knows: who can be added (a 2-1's second person). */
  people: readonly Person[];
  onDone: () => void;
  onDataChanged: () => void;
}) {
  /** The 1:1 as the form opened on it (the prop follows the database; the form's fields do not). */
  const [opened] = useState({ ...relationship, member: memberOf(relationship) });
  const [personIds, setPersonIds] = useState<string[]>(relationship.personIds);
  const [title, setTitle] = useState(relationship.title);
  const [kind, setKind] = useState(relationship.kind);
  const [cadence, setCadence] = useState(String(relationship.cadenceDays));
  const [templateId, setTemplateId] = useState(relationship.templateId);
  /** A 2-1's member: a person of it, 'me', or '' (not said). */
  const [member, setMember] = useState(memberOf(relationship) ?? '');
  /**
   * The 1:1 its people already have of this kind, when this save would make a second one: the user is asked
   * whether to make them one (nothing is saved until then; the form keeps what was typed).
   */
  const [twin, setTwin] = useState<{ id: string; label: string } | null>(null);
  const action = useAction();
  const first = useFocusOnMount<HTMLInputElement>();
  const base = `relationship-${relationship.id}`;

  const save = (foldInto?: string) => {
    if (title.trim() === '') return action.fail(t('options_relationship_title_required'));
    const days = Number(cadence);
    if (!/^\d+$/.test(cadence.trim()) || days < 1 || days > 365)
      return action.fail(t('options_cadence_invalid'));
    setTwin(null);
    void action
      .run(async () => {
        // Only what this form changed, applied to the 1:1 as stored now (it may have changed meanwhile).
        const edited = {
          personIds,
          title: title.trim(),
          kind,
          cadenceDays: days,
          templateId,
          member: kind === 'two-on-one' && (member === 'me' || personIds.includes(member)) ? member : null,
        };
        try {
          await saveRelationshipEdit(relationship.id, opened, edited, foldInto ? { foldInto } : {});
        } catch (error) {
          if (!(error instanceof RelationshipTwinError)) throw error;
          const label = relationshipText(error.twin);
          setTwin({ id: error.twin.id, label });
          throw new ShownError(t('options_relationship_twin', label));
        }
        onDataChanged();
      })
      .then((ok) => ok && onDone());
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    save();
  };
  const keepEditing = () => {
    setTwin(null);
    action.reset();
    first.current?.focus();
  };

  const templateKnown = templates.some((template) => template.id === templateId);
  const nameOf = (id: string) =>
    people.find((person) => person.id === id)?.name ?? t('options_person_unknown');
  const addable = people.filter((person) => !person.archived && !personIds.includes(person.id));
  return (
    <form class="options-form editor" onSubmit={onSubmit} data-testid="relationship-editor" noValidate>
      <fieldset class="options-field relationship-people" data-testid="relationship-people">
        <legend>{t('options_relationship_people')}</legend>
        <ul class="row-list">
          {personIds.map((id) => (
            <li key={id} class="row" data-testid="relationship-person">
              <span>{nameOf(id)}</span>
              <button
                type="button"
                class="options-button"
                data-testid="relationship-person-remove"
                aria-label={t('options_relationship_person_remove', nameOf(id))}
                onClick={() => setPersonIds(personIds.filter((other) => other !== id))}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
        {personIds.length < MAX_PEOPLE && addable.length > 0 ? (
          <select
            aria-label={t(
              personIds.length < 2
                ? 'options_relationship_person_add'
                : 'options_relationship_person_add_more',
            )}
            data-testid="relationship-person-add"
            value=""
            onChange={(e) => {
              const id = e.currentTarget.value;
              if (id) setPersonIds([...personIds, id]);
            }}
          >
            <option value="">
              {t(
                personIds.length < 2
                  ? 'options_relationship_person_add'
                  : 'options_relationship_person_add_more',
              )}
            </option>
            {addable.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        ) : null}
      </fieldset>
      <label class="options-field" for={`${base}-title`}>
        <span>{t('options_relationship_title')}</span>
      </label>
      <input
        id={`${base}-title`}
        ref={first}
        type="text"
        value={title}
        maxLength={200}
        data-testid="relationship-title"
        onInput={(e) => setTitle(e.currentTarget.value)}
      />
      <div class="field-pair">
        <div class="options-field">
          <label for={`${base}-kind`}>{t('options_relationship_kind')}</label>
          <select
            id={`${base}-kind`}
            value={kind}
            data-testid="relationship-kind"
            onChange={(e) => setKind(e.currentTarget.value as Relationship['kind'])}
          >
            {RelationshipKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div class="options-field">
          <label for={`${base}-cadence`}>{t('options_relationship_cadence')}</label>
          <input
            id={`${base}-cadence`}
            class="number-input"
            type="number"
            min={1}
            max={365}
            value={cadence}
            data-testid="relationship-cadence"
            onInput={(e) => setCadence(e.currentTarget.value)}
          />
        </div>
      </div>
      {kind === 'two-on-one' ? (
        <>
          <label class="options-field" for={`${base}-member`}>
            <span>{t('options_relationship_member')}</span>
          </label>
          <select
            id={`${base}-member`}
            value={member === 'me' || personIds.includes(member) ? member : ''}
            data-testid="relationship-member"
            aria-describedby={`${base}-member-hint`}
            onChange={(e) => setMember(e.currentTarget.value)}
          >
            <option value="">{t('options_relationship_member_unsaid')}</option>
            {personIds.map((id) => (
              <option key={id} value={id}>
                {nameOf(id)}
              </option>
            ))}
            <option value="me">{t('options_relationship_member_me')}</option>
          </select>
          <p class="duet-muted options-hint" id={`${base}-member-hint`}>
            {t('options_relationship_member_hint')}
          </p>
        </>
      ) : null}
      <label class="options-field" for={`${base}-template`}>
        <span>{t('options_relationship_template')}</span>
      </label>
      <select
        id={`${base}-template`}
        value={templateId}
        data-testid="relationship-template"
        onChange={(e) => setTemplateId(e.currentTarget.value)}
      >
        {templateKnown ? null : <option value={templateId}>{t('options_template_missing')}</option>}
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.name}
          </option>
        ))}
      </select>
      <div class="options-actions">
        <button type="submit" class="options-button primary" data-testid="relationship-save">
          {t('common_save')}
        </button>
        <button type="button" class="options-button" onClick={onDone}>
          {t('common_cancel')}
        </button>
        <ActionMessage state={action.state} testId="relationship" />
      </div>
      {twin && action.state.kind === 'error' ? (
        <div class="options-actions" data-testid="relationship-twin">
          <button
            type="button"
            class="options-button primary"
            data-testid="relationship-twin-fold"
            aria-label={t('options_relationship_twin_fold_label', twin.label)}
            onClick={() => save(twin.id)}
          >
            {t('options_relationship_twin_fold')}
          </button>
          <button
            type="button"
            class="options-button"
            data-testid="relationship-twin-keep"
            onClick={keepEditing}
          >
            {t('options_relationship_twin_keep')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
