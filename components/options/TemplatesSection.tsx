/** The five built-in templates (read-only: copy one to change it) and my own (create, edit, delete). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteCustomTemplate, restoreCustomTemplate, TemplateInUseError } from '@/lib/db';
import type { Relationship, Template } from '@/lib/domain/model';
import { templateMinutes } from '@/lib/domain/templates';
import { t } from '@/lib/i18n';
import { ActionMessage } from './ActionMessage';
import { OptionsSection } from './OptionsSection';
import { blankTemplate, copyOf, TemplateEditor, type TemplateDraft } from './TemplateEditor';
import { sectionKindLabel } from './options-text';
import { relationshipText, relationshipTexts, usePeopleById } from './relationship-text';
import { ShownError, useAction } from './use-action';

export function TemplatesSection({
  templates,
  relationships,
}: {
  templates: readonly Template[];
  relationships: readonly Relationship[];
}) {
  const [draft, setDraft] = useState<TemplateDraft | null>(null);
  /** A fresh editor for every template opened (two new drafts share no id). */
  const [editorKey, setEditorKey] = useState(0);
  const open = (next: TemplateDraft) => {
    setDraft(next);
    setEditorKey((key) => key + 1);
  };
  const action = useAction();
  /** The template just deleted, while "Undo" can bring it back. */
  const [removed, setRemoved] = useState<Template | null>(null);
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The Delete button is gone with its row: focus goes to Undo, not to the page.
    if (removed) undo.current?.focus();
  }, [removed]);

  /** A delete in progress: a second click (a double click) does not delete again, nor lose the Undo. */
  const removing = useRef(false);
  const remove = (template: Template) => {
    if (removing.current) return;
    removing.current = true;
    void action
      .run(async () => {
        setRemoved(null);
        try {
          await deleteCustomTemplate(template.id);
        } catch (error) {
          if (error instanceof TemplateInUseError)
            throw new ShownError(
              t('options_template_in_use', template.name, error.usedBy.map(relationshipText).join(', ')),
            );
          throw error;
        }
        return t('options_template_deleted', template.name);
      })
      .then((ok) => {
        removing.current = false;
        setRemoved(ok ? template : null);
      });
  };

  const restore = (template: Template) =>
    void action
      .run(async () => {
        await restoreCustomTemplate(template);
        return t('options_template_restored', template.name);
      })
      .then(() => setRemoved(null));

  const people = usePeopleById();
  const usedBy = (id: string) =>
    relationshipTexts(
      relationships.filter((r) => r.templateId === id),
      people,
    ).map((r) => r.text);

  return (
    <OptionsSection id="templates" title={t('options_templates_title')} intro={t('options_templates_intro')}>
      {draft ? (
        <TemplateEditor
          key={editorKey}
          draft={draft}
          onDone={(saved) => {
            setDraft(null);
            if (saved) action.reset();
          }}
        />
      ) : (
        <div class="options-toolbar">
          <button
            type="button"
            class="options-button primary"
            data-testid="template-new"
            onClick={() => open(blankTemplate())}
          >
            {t('options_template_new')}
          </button>
        </div>
      )}
      <ul class="template-list" data-testid="template-list">
        {templates.map((template) => {
          const users = usedBy(template.id);
          return (
            <li
              key={template.id}
              class="template-item"
              data-testid="template-item"
              data-template-id={template.id}
            >
              <details>
                <summary>
                  <span class="row-title">{template.name}</span>
                  <span class="duet-chip">
                    {template.builtIn ? t('options_template_builtin') : t('options_template_custom')}
                  </span>
                  <span class="duet-muted row-detail">
                    {t('options_template_meta', template.sections.length, templateMinutes(template))}
                  </span>
                </summary>
                {template.description ? <p class="template-description">{template.description}</p> : null}
                <ol class="template-sections-view">
                  {template.sections.map((section) => (
                    <li key={section.id}>
                      <span class="row-title">{section.title}</span>{' '}
                      <span class="duet-muted">
                        {section.minutes > 0
                          ? t(
                              'options_template_section_meta',
                              section.minutes,
                              sectionKindLabel(section.kind),
                            )
                          : sectionKindLabel(section.kind)}
                      </span>
                      {section.prompts.length > 0 ? (
                        <ul class="prompts">
                          {section.prompts.map((prompt, index) => (
                            <li key={index}>{prompt}</li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ol>
                <p class="duet-muted options-hint">
                  {users.length > 0
                    ? t('options_template_used_by', users.join(', '))
                    : t('options_template_unused')}
                </p>
              </details>
              <div class="row-buttons">
                {template.builtIn ? (
                  <button
                    type="button"
                    class="options-button small"
                    aria-label={t('options_template_copy_label', template.name)}
                    data-testid="template-copy"
                    disabled={draft !== null}
                    onClick={() => open(copyOf(template))}
                  >
                    {t('options_template_copy')}
                  </button>
                ) : (
                  <>
                    <button
                      type="button"
                      class="options-button small"
                      aria-label={t('options_template_edit_label', template.name)}
                      data-testid="template-edit"
                      disabled={draft !== null}
                      onClick={() =>
                        open({
                          id: template.id,
                          name: template.name,
                          description: template.description,
                          sections: template.sections,
                        })
                      }
                    >
                      {t('options_edit')}
                    </button>
                    <button
                      type="button"
                      class="options-button small"
                      aria-label={t('options_template_delete_label', template.name)}
                      data-testid="template-delete"
                      disabled={draft !== null || action.state.kind === 'busy'}
                      onClick={() => remove(template)}
                    >
                      {t('options_delete')}
                    </button>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <ActionMessage state={action.state} testId="templates" />
      {removed && action.state.kind === 'done' ? (
        <button
          ref={undo}
          type="button"
          class="options-button small"
          data-testid="template-undo"
          aria-label={t('options_template_undo_label', removed.name)}
          onClick={() => restore(removed)}
        >
          {t('options_undo')}
        </button>
      ) : null}
    </OptionsSection>
  );
}
