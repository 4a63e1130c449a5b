/** Create or edit one of my own templates: name, description, and sections (reorderable). */
import { useRef, useState } from 'preact/hooks';
import { saveCustomTemplate } from '@/lib/db';
import { SECTION_KINDS, type Template, type TemplateSection } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { ActionMessage } from './ActionMessage';
import { sectionKindLabel } from './options-text';
import { useAction } from './use-action';
import { useFocusOnMount } from './use-focus-on-mount';

interface SectionDraft {
  key: number;
  id: string;
  title: string;
  minutes: string;
  prompts: string;
  kind: TemplateSection['kind'];
}

export interface TemplateDraft {
  /** Absent for a new template (or a copy of a built-in). */
  id?: string;
  name: string;
  description: string;
  sections: TemplateSection[];
}

/** A new template starts with one notes section. */
export function blankTemplate(): TemplateDraft {
  return {
    name: '',
    description: '',
    sections: [
      { id: 'notes', title: t('options_template_default_section'), minutes: 0, prompts: [], kind: 'notes' },
    ],
  };
}

/** "Copy to edit": a built-in's content as a new template of mine. */
export function copyOf(template: Template): TemplateDraft {
  return {
    name: t('options_template_copy_name', template.name),
    description: template.description,
    sections: template.sections.map((section) => ({ ...section, prompts: [...section.prompts] })),
  };
}

const MAX_PROMPTS = 20;

export function TemplateEditor({
  draft,
  onDone,
}: {
  draft: TemplateDraft;
  onDone: (saved: Template | null) => void;
}) {
  const nextKey = useRef(draft.sections.length);
  const [name, setName] = useState(draft.name);
  const [description, setDescription] = useState(draft.description);
  const [sections, setSections] = useState<SectionDraft[]>(
    draft.sections.map((section, key) => ({
      key,
      id: section.id,
      title: section.title,
      minutes: String(section.minutes),
      prompts: section.prompts.join('\n'),
      kind: section.kind,
    })),
  );
  const action = useAction();
  const first = useFocusOnMount<HTMLInputElement>();

  const update = (key: number, patch: Partial<SectionDraft>) =>
    setSections((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1) =>
    setSections((all) => {
      const next = [...all];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return next;
    });
  const addSection = () => {
    const taken = new Set(sections.map((s) => s.id));
    let n = sections.length + 1;
    while (taken.has(`section-${n}`)) n++;
    setSections((all) => [
      ...all,
      { key: nextKey.current++, id: `section-${n}`, title: '', minutes: '5', prompts: '', kind: 'notes' },
    ]);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (name.trim() === '') return action.fail(t('options_template_name_required'));
    if (sections.length === 0) return action.fail(t('options_template_sections_required'));
    const built: TemplateSection[] = [];
    for (const [index, section] of sections.entries()) {
      const position = index + 1;
      if (section.title.trim() === '')
        return action.fail(t('options_template_section_title_required', position));
      const minutes = Number(section.minutes);
      if (!/^\d+$/.test(section.minutes.trim()) || minutes > 240)
        return action.fail(t('options_template_minutes_invalid', position));
      const prompts = section.prompts
        .split('\n')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      if (prompts.length > MAX_PROMPTS)
        return action.fail(t('options_template_prompts_too_many', position, MAX_PROMPTS));
      built.push({ id: section.id, title: section.title.trim(), minutes, prompts, kind: section.kind });
    }
    let saved: Template | null = null;
    void action
      .run(async () => {
        saved = await saveCustomTemplate({
          ...(draft.id ? { id: draft.id } : {}),
          name: name.trim(),
          method: 'custom',
          description: description.trim(),
          sections: built,
        });
      })
      .then((ok) => ok && onDone(saved));
  };

  const total = sections.reduce((sum, s) => sum + (Number(s.minutes) || 0), 0);
  return (
    <form
      class="options-form editor template-editor"
      onSubmit={onSubmit}
      data-testid="template-editor"
      noValidate
    >
      <h3>{draft.id ? t('options_template_edit_title') : t('options_template_new_title')}</h3>
      <label class="options-field">
        <span>{t('options_template_name')}</span>
        <input
          type="text"
          ref={first}
          value={name}
          maxLength={200}
          data-testid="template-name"
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label class="options-field">
        <span>{t('options_template_description')}</span>
        <textarea
          rows={3}
          value={description}
          maxLength={1000}
          data-testid="template-description"
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </label>
      <fieldset class="template-sections">
        <legend>{t('options_template_sections', total)}</legend>
        <ol class="section-drafts">
          {sections.map((section, index) => {
            const base = `tpl-${section.key}`;
            const label = section.title.trim() || t('options_template_section_n', index + 1);
            return (
              <li key={section.key} class="section-draft" data-testid="section-draft">
                <div class="field-pair">
                  <div class="options-field grow">
                    <label for={`${base}-title`}>{t('options_template_section_title', index + 1)}</label>
                    <input
                      id={`${base}-title`}
                      type="text"
                      value={section.title}
                      maxLength={200}
                      data-testid="section-title"
                      onInput={(e) => update(section.key, { title: e.currentTarget.value })}
                    />
                  </div>
                  <div class="options-field">
                    <label for={`${base}-minutes`}>{t('options_template_section_minutes')}</label>
                    <input
                      id={`${base}-minutes`}
                      class="number-input"
                      type="number"
                      min={0}
                      max={240}
                      value={section.minutes}
                      data-testid="section-minutes"
                      onInput={(e) => update(section.key, { minutes: e.currentTarget.value })}
                    />
                  </div>
                  <div class="options-field">
                    <label for={`${base}-kind`}>{t('options_template_section_kind')}</label>
                    <select
                      id={`${base}-kind`}
                      value={section.kind}
                      data-testid="section-kind"
                      onChange={(e) =>
                        update(section.key, { kind: e.currentTarget.value as TemplateSection['kind'] })
                      }
                    >
                      {SECTION_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {sectionKindLabel(kind)}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <label class="options-field">
                  <span>{t('options_template_section_prompts')}</span>
                  <textarea
                    rows={Math.min(6, Math.max(2, section.prompts.split('\n').length))}
                    value={section.prompts}
                    data-testid="section-prompts"
                    onInput={(e) => update(section.key, { prompts: e.currentTarget.value })}
                  />
                </label>
                <div class="row-buttons">
                  <button
                    type="button"
                    class="options-button small"
                    disabled={index === 0}
                    aria-label={t('options_template_section_up', label)}
                    data-testid="section-up"
                    onClick={() => move(index, -1)}
                  >
                    <span aria-hidden="true">↑</span> {t('options_move_up')}
                  </button>
                  <button
                    type="button"
                    class="options-button small"
                    disabled={index === sections.length - 1}
                    aria-label={t('options_template_section_down', label)}
                    data-testid="section-down"
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓</span> {t('options_move_down')}
                  </button>
                  <button
                    type="button"
                    class="options-button small"
                    disabled={sections.length === 1}
                    aria-label={t('options_template_section_remove', label)}
                    data-testid="section-remove"
                    onClick={() => setSections((all) => all.filter((s) => s.key !== section.key))}
                  >
                    {t('options_remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        <button type="button" class="options-button" data-testid="section-add" onClick={addSection}>
          {t('options_template_section_add')}
        </button>
      </fieldset>
      <div class="options-actions">
        <button type="submit" class="options-button primary" data-testid="template-save">
          {t('common_save')}
        </button>
        <button
          type="button"
          class="options-button"
          data-testid="template-cancel"
          onClick={() => onDone(null)}
        >
          {t('common_cancel')}
        </button>
        <ActionMessage state={action.state} testId="template" />
      </div>
    </form>
  );
}
