/** Create or edit one of my own templates: name, description, and sections (reorderable). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { saveCustomTemplate, TemplateChangedError, TemplateGoneError } from '@/lib/db';
import { newId } from '@/lib/db/ids';
import { MAX_SHORT_TEXT, SECTION_KINDS, type Template, type TemplateSection } from '@/lib/domain/model';
import { isBlank } from '@/lib/domain/text';
import { t, uiLocale } from '@/lib/i18n';
import { ActionMessage } from './ActionMessage';
import { sectionKindLabel } from './options-text';
import { ShownError, useAction } from './use-action';
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

/**
 * A new template starts with one notes section, under an id of its own: with one id shared by every new
 * template, a session switched from one to another would show the first's notes under the other's title
 * (and a template never used could not be deleted, other sessions having notes under that id).
 */
export function blankTemplate(): TemplateDraft {
  return {
    name: '',
    description: '',
    sections: [
      {
        id: newSectionId(new Set()),
        title: t('options_template_default_section'),
        minutes: 0,
        prompts: [],
        kind: 'notes',
      },
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

/**
 * The limits of TemplateSchema / TemplateSectionSchema (lib/domain/model.ts), checked here first. The boxes
 * have no `maxLength`: a longer paste stays whole in its box, and is refused in words naming both lengths.
 */
const MAX_TEXT = MAX_SHORT_TEXT;
const MAX_MINUTES = 240;
const MAX_PROMPTS = 20;
const MAX_SECTIONS = 30;
/** How much of a section's title a message quotes. */
const QUOTED_TITLE = 40;

const count = (n: number) => new Intl.NumberFormat(uiLocale()).format(n);
const quoted = (title: string) =>
  title.length > QUOTED_TITLE ? `${title.slice(0, QUOTED_TITLE - 1).trimEnd()}…` : title;

/**
 * An id for a new section: sessions keep their notes by section id, so it must never be one this template
 * ever had (nor another template's, whose old notes it would pick up): random, not "section-<position>".
 */
function newSectionId(taken: ReadonlySet<string>): string {
  let id = `section-${newId()}`;
  while (taken.has(id)) id = `section-${newId()}`;
  return id;
}

/** The first thing in the form the schema would refuse, in plain words; null when it can be saved. */
function problemWith(name: string, description: string, sections: readonly SectionDraft[]): string | null {
  if (isBlank(name)) return t('options_template_name_required');
  if (name.trim().length > MAX_TEXT)
    return t('options_template_name_too_long', count(MAX_TEXT), count(name.trim().length));
  if (description.trim().length > MAX_TEXT)
    return t('options_template_description_too_long', count(MAX_TEXT), count(description.trim().length));
  if (sections.length === 0) return t('options_template_sections_required');
  if (sections.length > MAX_SECTIONS)
    return t('options_template_sections_too_many', count(MAX_SECTIONS), count(sections.length));
  for (const [index, section] of sections.entries()) {
    const position = count(index + 1);
    const title = section.title.trim();
    if (isBlank(title)) return t('options_template_section_title_required', position);
    const label = quoted(title);
    if (title.length > MAX_TEXT)
      return t(
        'options_template_section_title_too_long',
        position,
        label,
        count(MAX_TEXT),
        count(title.length),
      );
    if (!/^\d+$/.test(section.minutes.trim()) || Number(section.minutes) > MAX_MINUTES)
      return t('options_template_section_minutes_invalid', position, label, count(MAX_MINUTES));
    const lines = section.prompts.split('\n').map((p) => p.trim());
    const prompts = lines.filter((p) => p !== '').length;
    if (prompts > MAX_PROMPTS)
      return t(
        'options_template_section_prompts_too_many',
        position,
        label,
        count(MAX_PROMPTS),
        count(prompts),
      );
    const long = lines.findIndex((p) => p.length > MAX_TEXT);
    if (long !== -1)
      return t(
        'options_template_section_prompt_too_long',
        position,
        label,
        count(long + 1),
        count(MAX_TEXT),
        count(lines[long]!.length),
      );
  }
  return null;
}

export function TemplateEditor({
  draft,
  onDone,
}: {
  draft: TemplateDraft;
  onDone: (saved: Template | null) => void;
}) {
  const nextKey = useRef(draft.sections.length);
  /** Every section id this editor has seen: the template's as it opened, and each one added since. */
  const usedIds = useRef(new Set(draft.sections.map((s) => s.id)));
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
  const saving = useRef(false);
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
  // A section's Remove leaves with its section: focus goes to the title of the section now in its place (the
  // new last one, past the end), not to the page's body.
  const list = useRef<HTMLOListElement>(null);
  const removedAt = useRef<number | null>(null);
  useEffect(() => {
    if (removedAt.current === null) return;
    const titles = list.current?.querySelectorAll<HTMLElement>('[data-testid="section-title"]') ?? [];
    titles[Math.min(removedAt.current, titles.length - 1)]?.focus();
    removedAt.current = null;
  }, [sections]);
  const removeSection = (key: number, index: number) => {
    removedAt.current = index;
    setSections((all) => all.filter((s) => s.key !== key));
  };
  const addSection = () => {
    const id = newSectionId(new Set([...usedIds.current, ...sections.map((s) => s.id)]));
    usedIds.current.add(id);
    setSections((all) => [
      ...all,
      { key: nextKey.current++, id, title: '', minutes: '5', prompts: '', kind: 'notes' },
    ]);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const problem = problemWith(name, description, sections);
    if (problem !== null) return action.fail(problem);
    const built: TemplateSection[] = sections.map((section) => ({
      id: section.id,
      title: section.title.trim(),
      minutes: Number(section.minutes),
      prompts: section.prompts
        .split('\n')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
      kind: section.kind,
    }));
    // A save in progress: a second submit (a double click) does not save a second copy.
    if (saving.current) return;
    saving.current = true;
    let saved: Template | null = null;
    void action
      .run(async () => {
        try {
          saved = await saveCustomTemplate({
            // An existing template with the content it opened with: a save made meanwhile in another window
            // (or its deletion) is never undone by this draft; the draft stays here to copy from.
            ...(draft.id
              ? {
                  id: draft.id,
                  opened: { name: draft.name, description: draft.description, sections: draft.sections },
                }
              : {}),
            name: name.trim(),
            method: 'custom',
            description: description.trim(),
            sections: built,
          });
        } catch (error) {
          if (error instanceof TemplateGoneError) throw new ShownError(t('options_template_save_gone'));
          if (error instanceof TemplateChangedError) throw new ShownError(t('options_template_save_changed'));
          throw error;
        }
      })
      .then((ok) => {
        saving.current = false;
        if (ok) onDone(saved);
      });
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
          data-testid="template-name"
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label class="options-field">
        <span>{t('options_template_description')}</span>
        <textarea
          rows={3}
          value={description}
          data-testid="template-description"
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </label>
      <fieldset class="template-sections">
        <legend>{t('options_template_sections', total)}</legend>
        <ol class="section-drafts" ref={list}>
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
                      data-testid="section-title"
                      onInput={(e) => update(section.key, { title: e.currentTarget.value })}
                    />
                  </div>
                  <div class="options-field fit">
                    <label for={`${base}-minutes`}>{t('options_template_section_minutes')}</label>
                    <input
                      id={`${base}-minutes`}
                      class="number-input"
                      type="number"
                      min={0}
                      max={MAX_MINUTES}
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
                    onClick={() => removeSection(section.key, index)}
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
        <button
          type="submit"
          class="options-button primary"
          data-testid="template-save"
          disabled={action.state.kind === 'busy'}
        >
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
