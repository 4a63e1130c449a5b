/** Settings (one row), templates (built-ins from code + the user's own) and storage persistence. */
import {
  defaultSettings,
  MAX_FORMER_SECTIONS,
  MAX_IGNORED_SERIES,
  type Settings,
  SettingsSchema,
  type Template,
  TemplateSchema,
  type TemplateSection,
} from '../domain/model';
import { BUILT_IN_TEMPLATES, isBuiltInTemplateId } from '../domain/templates';
import { type DuetDatabase, getDatabase } from './database';
import { InvalidInputError } from './errors';
import { newId } from './ids';
import { validate } from './validate';
import { byText } from './sort';

export { MAX_IGNORED_SERIES };

export async function getSettings(db: DuetDatabase = getDatabase()): Promise<Settings> {
  const stored = await db.settings.get('settings');
  // Rows saved before a field existed get its default (fields are only ever added with defaults).
  return stored ? { ...defaultSettings(stored.updatedAt), ...stored } : defaultSettings(0);
}

export async function updateSettings(
  patch: Partial<Omit<Settings, 'id' | 'updatedAt'>>,
  db: DuetDatabase = getDatabase(),
  { userChange = true }: { userChange?: boolean } = {},
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    const same = validate(SettingsSchema, { ...current, ...patch }, 'settings');
    // A change that changes nothing is no change: written, its updatedAt would outrank a backup's settings
    // in an import's merge (linking a Meet call "un-ignores" a code that was never ignored, for one).
    if (JSON.stringify(same) === JSON.stringify(current)) return current;
    // A fact about this device (not the user's change) keeps updatedAt: an import's merge compares
    // updatedAt, and a device that only recorded its storage answer must not outrank a backup.
    const next = { ...same, updatedAt: userChange ? Date.now() : current.updatedAt };
    await db.settings.put(next);
    return next;
  });
}

export interface PersistenceApi {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

/**
 * Asks the browser not to evict Duet's data under storage pressure (once it said yes, never again),
 * and records the answer so the options page can show it.
 */
export async function ensurePersistentStorage(
  storage: PersistenceApi | undefined = globalThis.navigator?.storage,
  db: DuetDatabase = getDatabase(),
): Promise<boolean> {
  if (!storage?.persist) return false;
  const already = (await storage.persisted?.()) ?? false;
  const granted = already || (await storage.persist());
  const recorded = (await getSettings(db)).storagePersistence;
  if (recorded?.granted !== granted) {
    await updateSettings({ storagePersistence: { requestedAt: Date.now(), granted } }, db, {
      userChange: false,
    });
  }
  return granted;
}

/** The templates on offer: the built-ins, then the user's own by name (not those retired). */
export async function listTemplates(db: DuetDatabase = getDatabase()): Promise<Template[]> {
  return (await allTemplates(db)).filter((template) => !template.retired);
}

/** Every template, retired ones too: what past sessions name their notes' sections by. */
export async function allTemplates(db: DuetDatabase = getDatabase()): Promise<Template[]> {
  const custom = await db.templates.toArray();
  return [
    ...BUILT_IN_TEMPLATES,
    ...custom
      // A row left damaged (no name, no sections) cannot be shown or run: left out here, it stays in the
      // database and an export sets it aside for the user rather than failing every page that lists them.
      .flatMap((template) => {
        const read = TemplateSchema.safeParse(template);
        return read.success ? [read.data] : [];
      })
      .sort(byText((template) => template.name)),
  ];
}

export async function getTemplate(
  id: string,
  db: DuetDatabase = getDatabase(),
): Promise<Template | undefined> {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id) ?? (await db.templates.get(id));
}

/**
 * The sections a template has had and no longer has, with their last titles: the ones it remembered, then
 * the ones this save removes (a section put back is forgotten again), the newest MAX_FORMER_SECTIONS kept.
 */
function formerSectionsAfter(
  existing: Template | undefined,
  sections: readonly TemplateSection[],
): { id: string; title: string }[] {
  if (!existing) return [];
  const now = new Set(sections.map((s) => s.id));
  const former = new Map<string, string>();
  for (const { id, title } of [...(existing.formerSections ?? []), ...existing.sections]) {
    if (now.has(id)) continue;
    former.delete(id);
    former.set(id, title);
  }
  return [...former].map(([id, title]) => ({ id, title })).slice(-MAX_FORMER_SECTIONS);
}

/** What the template editor edits: a template's content as the editor opened it. */
export type TemplateContent = Pick<Template, 'name' | 'description' | 'sections'>;

/** The template being saved was deleted meanwhile (another window): it is not written back. */
export class TemplateGoneError extends InvalidInputError {
  override name = 'TemplateGoneError';
  constructor() {
    super('This template was deleted in another window; it can no longer be changed.');
  }
}

/** The template was saved in another window since the editor opened it: nothing is overwritten. */
export class TemplateChangedError extends InvalidInputError {
  override name = 'TemplateChangedError';
  constructor() {
    super('This template was changed in another window since it was opened here; nothing was saved.');
  }
}

/** A template's content, compared field by field (not by how its rows were written). */
const contentOf = ({ name, description, sections }: TemplateContent) =>
  JSON.stringify([
    name,
    description,
    sections.map(({ id, title, minutes, prompts, kind }) => [id, title, minutes, prompts, kind]),
  ]);

/**
 * Saves one of the user's own templates (built-ins are read-only: copy one to change it). Saving an existing
 * one (`id`) is refused when it was deleted meanwhile (TemplateGoneError: a stale editor never brings it
 * back), and, given the content it was `opened` with, when another window saved other content since
 * (TemplateChangedError: a whole draft written over it would silently undo that save).
 */
export async function saveCustomTemplate(
  {
    opened,
    ...input
  }: Omit<Template, 'id' | 'builtIn' | 'retired' | 'formerSections' | 'createdAt' | 'updatedAt'> & {
    id?: string;
    opened?: TemplateContent;
  },
  db: DuetDatabase = getDatabase(),
): Promise<Template> {
  if (input.id && isBuiltInTemplateId(input.id))
    throw new InvalidInputError('Built-in templates cannot be changed.');
  return db.transaction('rw', db.templates, async () => {
    const existing = input.id ? await db.templates.get(input.id) : undefined;
    if (input.id && (!existing || existing.retired)) throw new TemplateGoneError();
    if (existing && opened && contentOf(existing) !== contentOf(opened)) throw new TemplateChangedError();
    const now = Date.now();
    const formerSections = formerSectionsAfter(existing, input.sections);
    const template = validate(
      TemplateSchema,
      {
        ...input,
        ...(formerSections.length > 0 ? { formerSections } : {}),
        id: input.id ?? `custom:${newId()}`,
        builtIn: false,
        retired: false,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      },
      'template',
    );
    await db.templates.put(template);
    return template;
  });
}

/**
 * Remembers "Not a 1:1" for a Calendar series (read and write in one transaction: no lost update), with the
 * title the user saw, so the options page can list it by name.
 */
export async function ignoreSeries(
  seriesId: string,
  db: DuetDatabase = getDatabase(),
  title = '',
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    if (current.ignoredSeries.includes(seriesId)) return current;
    const label = title.trim().slice(0, 200);
    // The newest MAX_IGNORED_SERIES are kept (the oldest "Not a 1:1" is forgotten first), with their titles:
    // the 5,001st would otherwise fail as invalid.
    const ignoredSeries = [...current.ignoredSeries, seriesId].slice(-MAX_IGNORED_SERIES);
    const kept = new Set(ignoredSeries);
    const titles = label ? { ...current.seriesTitles, [seriesId]: label } : current.seriesTitles;
    return updateSettings(
      {
        ignoredSeries,
        seriesTitles: Object.fromEntries(Object.entries(titles).filter(([id]) => kept.has(id))),
      },
      db,
    );
  });
}

/** Forgets "Not a 1:1" for a series. */
export async function unignoreSeries(seriesId: string, db: DuetDatabase = getDatabase()): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    const { [seriesId]: _forgotten, ...seriesTitles } = current.seriesTitles;
    return updateSettings(
      { ignoredSeries: current.ignoredSeries.filter((id) => id !== seriesId), seriesTitles },
      db,
    );
  });
}
