/**
 * My data: export (JSON, Markdown), import with a preview of what will change, and delete everything.
 * Files are made and read in this page; nothing is sent anywhere.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Relationship } from '@/lib/domain/model';
import { EXPORT_TABLES, type ExportData, type ExportTable } from '@/lib/io/export-format';
import { exportAll, exportFileName, serializeExport } from '@/lib/io/export';
import {
  applyImport,
  checkImportSize,
  deleteAllData,
  ImportError,
  type ImportMode,
  type ImportPreview,
  parseImportText,
  previewImport,
  validateImport,
} from '@/lib/io/import';
import { exportRelationshipMarkdown } from '@/lib/io/markdown';
import { type MessageKey, t, tn } from '@/lib/i18n';
import { journalClearAll } from '../shared/note-journal';
import { notifyDataChanged } from '../shared/data-changed';
import { ActionMessage } from './ActionMessage';
import { OptionsSection } from './OptionsSection';
import { downloadText, slug, today } from './download';
import { relationshipTexts, usePeopleById } from './relationship-text';
import { ShownError, useAction } from './use-action';

const TABLE_LABELS: Record<ExportTable, MessageKey> = {
  people: 'options_table_people',
  relationships: 'options_table_relationships',
  sessions: 'options_table_sessions',
  talkingPoints: 'options_table_talking_points',
  agreements: 'options_table_agreements',
  goals: 'options_table_goals',
  feedback: 'options_table_feedback',
  templates: 'options_table_templates',
  settings: 'options_table_settings',
};

export const CONFIRM_WORD = 'DELETE';

export function DataSection({
  relationships,
  onDataChanged,
}: {
  relationships: readonly Relationship[];
  onDataChanged: () => void;
}) {
  // Only the part the user worked with last shows how it went: "Everything was deleted." does not linger
  // beside an import preview started after it.
  const [latest, setLatest] = useState<DataPart | null>(null);
  const part = (name: DataPart) => ({ current: latest === name, started: () => setLatest(name) });
  return (
    <OptionsSection id="data" title={t('options_data_title')} intro={t('options_data_intro')}>
      <ExportPanel relationships={relationships} part={part('export')} />
      <ImportPanel onDataChanged={onDataChanged} part={part('import')} />
      <DeleteAll onDataChanged={onDataChanged} part={part('delete')} />
    </OptionsSection>
  );
}

type DataPart = 'export' | 'import' | 'delete';

/** Whether a part's outcome is the latest of the section, and how it says it started something. */
interface PartProps {
  current: boolean;
  started: () => void;
}

/** An action of one part of the section: its message is shown while it is the part worked with last. */
function usePartAction({ current, started }: PartProps): ReturnType<typeof useAction> {
  const action = useAction();
  return {
    ...action,
    // Only a finished outcome gives way: "busy" (Apply stays disabled) and errors always show.
    state: current || action.state.kind !== 'done' ? action.state : { kind: 'idle' },
    run: (task) => {
      started();
      return action.run(task);
    },
    fail: (message) => {
      started();
      action.fail(message);
    },
  };
}

function ExportPanel({ relationships, part }: { relationships: readonly Relationship[]; part: PartProps }) {
  const action = usePartAction(part);
  const [picked, setWhich] = useState('all');
  // A 1:1 picked then merged away (or deleted) elsewhere: back to all of them, as the list shows.
  const which = picked === 'all' || relationships.some((r) => r.id === picked) ? picked : 'all';
  // By their people: two reports' 1:1s both titled "1:1" are told apart.
  const people = usePeopleById();
  const choices = relationshipTexts(relationships, people);
  const exportJson = () =>
    void action.run(async () => {
      const file = await exportAll();
      downloadText(serializeExport(file), exportFileName(file.exportedAt), 'application/json');
      const aside = file.data.quarantine?.length ?? 0;
      return aside > 0
        ? t('options_export_done_quarantine', exportFileName(file.exportedAt), aside)
        : t('options_export_done', exportFileName(file.exportedAt));
    });
  const exportMarkdown = () =>
    void action.run(async () => {
      const chosen = which === 'all' ? relationships : relationships.filter((r) => r.id === which);
      if (chosen.length === 0) throw new ShownError(t('options_export_md_none'));
      const parts = await Promise.all(chosen.map((r) => exportRelationshipMarkdown(r.id)));
      const name =
        chosen.length === 1 && which !== 'all'
          ? `duet-${slug(chosen[0]!.title)}-${today()}.md`
          : `duet-1on1s-${today()}.md`;
      downloadText(parts.join('\n---\n\n'), name, 'text/markdown');
      return t('options_export_done', name);
    });
  return (
    <div class="options-subsection">
      <h3>{t('options_export_title')}</h3>
      <p class="duet-muted options-hint">{t('options_export_intro')}</p>
      <div class="options-actions">
        <button type="button" class="options-button primary" data-testid="export-json" onClick={exportJson}>
          {t('options_export_json')}
        </button>
      </div>
      <div class="options-inline wrap">
        <label for="export-md-which">{t('options_export_md_which')}</label>
        <select
          id="export-md-which"
          value={which}
          data-testid="export-md-which"
          onChange={(e) => setWhich(e.currentTarget.value)}
        >
          <option value="all">{t('options_export_md_all', relationships.length)}</option>
          {choices.map((r) => (
            <option key={r.id} value={r.id}>
              {r.text}
            </option>
          ))}
        </select>
        <button type="button" class="options-button" data-testid="export-md" onClick={exportMarkdown}>
          {t('options_export_md')}
        </button>
      </div>
      <ActionMessage state={action.state} testId="export" />
    </div>
  );
}

interface Loaded {
  fileName: string;
  data: ExportData;
  preview: ImportPreview;
  /** The mode the preview was made for: Apply does exactly what the preview on screen says. */
  mode: ImportMode;
}

/** What the file is refused for, said with its name; anything else as it was thrown. */
function shownForFile(error: unknown, fileName: string): unknown {
  return error instanceof ImportError
    ? new ShownError(t('options_import_bad_file', fileName, error.message))
    : error;
}

function ImportPanel({ onDataChanged, part }: { onDataChanged: () => void; part: PartProps }) {
  const action = usePartAction(part);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [picked, setPicked] = useState<string | null>(null);
  /** A new, empty file input (after an import or a cancel): nothing is picked any more. */
  const resetInput = () => {
    setInputKey((k) => k + 1);
    setPicked(null);
  };

  /** The mode chosen now: a file still loading when the mode changes is previewed for the new one. */
  const modeNow = useRef(mode);
  modeNow.current = mode;

  const load = (file: File) =>
    void action.run(async () => {
      setLoaded(null);
      try {
        checkImportSize(file.size);
        const data = validateImport(parseImportText(await file.text()));
        // Previewed for the mode chosen when the preview is done (it may change while a large file loads).
        let previewMode = modeNow.current;
        let preview = await previewImport(data, previewMode);
        while (previewMode !== modeNow.current) {
          previewMode = modeNow.current;
          preview = await previewImport(data, previewMode);
        }
        setLoaded({ fileName: file.name, data, preview, mode: previewMode });
      } catch (error) {
        throw shownForFile(error, file.name);
      }
    });

  const changeMode = (next: ImportMode) => {
    setMode(next);
    if (loaded)
      void action.run(async () => {
        setLoaded({ ...loaded, preview: await previewImport(loaded.data, next), mode: next });
      });
  };

  const apply = () => {
    if (!loaded) return;
    void action
      .run(async () => {
        try {
          await applyImport(loaded.data, loaded.mode);
        } catch (error) {
          throw shownForFile(error, loaded.fileName);
        }
        // Replaced: text typed here and not yet saved belonged to what is gone; it never comes back over
        // the file's notes.
        if (loaded.mode === 'replace') journalClearAll();
        onDataChanged();
        return t('options_import_done', loaded.fileName);
      })
      .then((ok) => {
        if (ok) {
          setLoaded(null);
          resetInput();
        }
      });
  };

  return (
    <div class="options-subsection">
      <h3>{t('options_import_title')}</h3>
      <p class="duet-muted options-hint">{t('options_import_intro')}</p>
      <fieldset class="mode-choice">
        <legend>{t('options_import_mode')}</legend>
        <label class="check">
          <input
            type="radio"
            name="import-mode"
            value="merge"
            checked={mode === 'merge'}
            data-testid="import-merge"
            onChange={() => changeMode('merge')}
          />
          <span>{t('options_import_merge')}</span>
        </label>
        <label class="check">
          <input
            type="radio"
            name="import-mode"
            value="replace"
            checked={mode === 'replace'}
            data-testid="import-replace"
            onChange={() => changeMode('replace')}
          />
          <span>{t('options_import_replace')}</span>
        </label>
      </fieldset>
      {/* The real file input stays in the page for keyboard and screen readers, visually hidden; its labels
          are the field's name and a button-styled "Choose a file…" (which shows the input's focus ring). */}
      <div class="file-pick">
        <label class="options-label" for="import-file">
          {t('options_import_file')}
        </label>
        <div class="file-pick-row">
          <input
            key={inputKey}
            id="import-file"
            class="visually-hidden file-pick-input"
            type="file"
            accept=".json,application/json"
            aria-describedby="import-file-name"
            data-testid="import-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              setPicked(file?.name ?? null);
              if (file) load(file);
            }}
          />
          <label class="options-button file-pick-button" for="import-file" data-testid="import-file-button">
            {t('options_import_choose')}
          </label>
          <span id="import-file-name" class="duet-muted file-pick-name" data-testid="import-file-name">
            {picked ?? t('options_import_no_file')}
          </span>
        </div>
      </div>
      {loaded ? (
        <PreviewTable
          loaded={loaded}
          // Until the preview for the chosen mode is on screen, and while anything runs, Apply waits.
          ready={loaded.mode === mode && action.state.kind !== 'busy'}
          onApply={apply}
          onCancel={() => {
            setLoaded(null);
            resetInput();
            action.reset();
          }}
        />
      ) : null}
      <ActionMessage state={action.state} testId="import" />
    </div>
  );
}

function PreviewTable({
  loaded,
  ready,
  onApply,
  onCancel,
}: {
  loaded: Loaded;
  ready: boolean;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { mode } = loaded;
  const { changes, removed, deletedHere } = loaded.preview;
  const rows = EXPORT_TABLES.filter(
    (table) =>
      changes[table].added +
        changes[table].updated +
        changes[table].unchanged +
        changes[table].newerHere +
        removed[table] >
      0,
  );
  const total = (pick: (table: ExportTable) => number) =>
    EXPORT_TABLES.reduce((sum, table) => sum + pick(table), 0);
  const added = total((table) => changes[table].added);
  const updated = total((table) => changes[table].updated);
  const newerHere = total((table) => changes[table].newerHere);
  const gone = total((table) => removed[table]);
  const deletedHereTotal = total((table) => deletedHere[table]);
  // A merge removes too when the file records deletions of records not changed here since.
  const removing = mode === 'replace' || gone > 0;
  // A merge keeps what is newer here; a replace writes the file's older version over it.
  const nothing = added + updated + gone + (mode === 'replace' ? newerHere : 0) === 0;
  return (
    <div
      class="import-preview"
      data-testid="import-preview"
      role="region"
      aria-labelledby="import-preview-title"
    >
      <h4 id="import-preview-title" class="options-h4">
        {t('options_import_preview_title', loaded.fileName)}
      </h4>
      <p data-testid="import-summary">
        {nothing
          ? deletedHereTotal > 0 && mode === 'merge'
            ? tn('options_import_nothing_deleted_here', deletedHereTotal)
            : t('options_import_nothing')
          : removing
            ? t('options_import_summary_replace', added, updated, gone)
            : t('options_import_summary', added, updated)}
      </p>
      <div class="table-scroll">
        <table class="preview-table">
          <thead>
            <tr>
              <th scope="col">{t('options_import_col_what')}</th>
              <th scope="col">{t('options_import_col_new')}</th>
              <th scope="col">{t('options_import_col_changed')}</th>
              <th scope="col">{t('options_import_col_same')}</th>
              <th scope="col">{t('options_import_col_newer')}</th>
              {removing ? <th scope="col">{t('options_import_col_removed')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((table) => (
              <tr key={table} data-testid={`preview-${table}`}>
                <th scope="row">{t(TABLE_LABELS[table])}</th>
                <td>{changes[table].added}</td>
                <td>{changes[table].updated}</td>
                <td>{changes[table].unchanged}</td>
                <td>{changes[table].newerHere}</td>
                {removing ? <td>{removed[table]}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {newerHere > 0 ? (
        <p class={mode === 'replace' ? 'duet-error' : 'duet-muted'} data-testid="import-newer-here">
          {mode === 'replace'
            ? t('options_import_newer_replaced', newerHere)
            : t('options_import_newer_kept', newerHere)}
        </p>
      ) : null}
      {mode === 'replace' && gone > 0 ? (
        <p class="duet-error" data-testid="import-replace-warning">
          {tn('options_import_replace_warning', gone)}
        </p>
      ) : null}
      {mode === 'merge' && gone > 0 ? (
        <p class="duet-error" data-testid="import-deleted-in-file">
          {tn('options_import_deleted_in_file', gone)}
        </p>
      ) : null}
      {mode === 'merge' && deletedHereTotal > 0 ? (
        <p class="duet-muted" data-testid="import-deleted-here">
          {tn('options_import_deleted_here', deletedHereTotal)}
        </p>
      ) : null}
      <div class="options-actions">
        <button
          type="button"
          class={`options-button ${mode === 'replace' ? 'danger' : 'primary'}`}
          data-testid="import-apply"
          disabled={!ready}
          onClick={onApply}
        >
          {mode === 'replace' ? t('options_import_apply_replace') : t('options_import_apply_merge')}
        </button>
        <button type="button" class="options-button" data-testid="import-cancel" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </div>
  );
}

function DeleteAll({ onDataChanged, part }: { onDataChanged: () => void; part: PartProps }) {
  const action = usePartAction(part);
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const confirmed = typed.trim() === CONFIRM_WORD;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (asking) input.current?.focus();
  }, [asking]);
  const remove = () => {
    if (!confirmed) return action.fail(t('options_delete_not_confirmed', CONFIRM_WORD));
    void action
      .run(async () => {
        await deleteAllData();
        // Text typed but not yet saved, journalled in this browser, goes too: none of it comes back. So does
        // what the background kept (reminders sent, popover guests) and its notifications on screen.
        journalClearAll();
        void notifyDataChanged({ erased: true });
        onDataChanged();
        return t('options_delete_done');
      })
      .then((ok) => {
        if (ok) {
          setAsking(false);
          setTyped('');
        }
      });
  };
  return (
    <div class="options-subsection danger-zone">
      <h3>{t('options_delete_title')}</h3>
      <p class="duet-muted options-hint">{t('options_delete_intro')}</p>
      {asking ? (
        <div class="confirm-box" data-testid="delete-confirm">
          <label class="options-field" for="delete-confirm-input">
            <span>{t('options_delete_type', CONFIRM_WORD)}</span>
          </label>
          <div class="options-inline wrap">
            <input
              id="delete-confirm-input"
              ref={input}
              type="text"
              value={typed}
              autocomplete="off"
              spellcheck={false}
              data-testid="delete-confirm-input"
              onInput={(e) => {
                setTyped(e.currentTarget.value);
                if (action.state.kind === 'error') action.reset();
              }}
              onKeyDown={(e) => e.key === 'Enter' && remove()}
            />
            <button type="button" class="options-button danger" data-testid="delete-apply" onClick={remove}>
              {t('options_delete_apply')}
            </button>
            <button
              type="button"
              class="options-button"
              onClick={() => {
                setAsking(false);
                setTyped('');
                action.reset();
              }}
            >
              {t('common_cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="options-actions">
          <button
            type="button"
            class="options-button danger"
            data-testid="delete-start"
            onClick={() => {
              action.reset();
              setAsking(true);
            }}
          >
            {t('options_delete_start')}
          </button>
        </div>
      )}
      <ActionMessage state={action.state} testId="delete" />
    </div>
  );
}
