/** Export: every record, as a versioned JSON file (and one relationship's history as Markdown). */
import { dayOf } from '../domain/days';
import { type DuetDatabase, getDatabase, listTombstones } from '../db';
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
  const data = await db.transaction('r', [...db.dataTables, db.tombstones], async () => {
    const entries = await Promise.all(
      EXPORT_TABLES.map(async (name) => [name, await db.table(name).toArray()]),
    );
    const exported = Object.fromEntries(entries) as ExportData;
    // The deletions remembered here, so a merge of this file elsewhere deletes them there too; left out
    // when there are none (a Duet from before them refuses the section).
    const tombstones = await listTombstones(db, now);
    if (tombstones.length > 0) exported.tombstones = tombstones;
    return exported;
  });
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, app: 'Duet', data };
}

/** Compact JSON: indentation made a long history's file a third larger. */
export function serializeExport(file: ExportFile): string {
  return JSON.stringify(file);
}

/** A file name like `duet-export-2026-11-22.json`: the user's own day (not UTC's, a day off at night). */
export function exportFileName(now: number = Date.now()): string {
  return `duet-export-${dayOf(now)}.json`;
}
