/** Export: every record, as a versioned JSON file (and one relationship's history as Markdown). */
import { type DuetDatabase, getDatabase } from '../db';
import {
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  type ExportData,
  type ExportFile,
} from './export-format';

export async function exportAll(
  db: DuetDatabase = getDatabase(),
  now: number = Date.now(),
): Promise<ExportFile> {
  const tables = db.dataTables;
  const data = await db.transaction('r', tables, async () => {
    const entries = await Promise.all(
      EXPORT_TABLES.map(async (name) => [name, await db.table(name).toArray()]),
    );
    return Object.fromEntries(entries) as ExportData;
  });
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, app: 'Duet', data };
}

/** Compact JSON: indentation made a long history's file a third larger. */
export function serializeExport(file: ExportFile): string {
  return JSON.stringify(file);
}

/** A file name like `duet-export-2026-11-22.json`. */
export function exportFileName(now: number = Date.now()): string {
  return `duet-export-${new Date(now).toISOString().slice(0, 10)}.json`;
}
