/** Export: every record, as a versioned JSON file (and one relationship's history as Markdown). */
import { dayOf } from '../domain/days';
import { type DuetDatabase, getDatabase, listTombstones } from '../db';
import { isBuiltInTemplateId } from '../domain/templates';
import { parseKeepingUnknown } from '../domain/zod';
import {
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  type ExportData,
  type ExportFile,
  type ExportTable,
  type QuarantineRow,
  RECORD_SCHEMAS,
  uniqueQuarantine,
} from './export-format';
import { unresolvedReferences } from './import';

export async function exportAll(
  db: DuetDatabase = getDatabase(),
  now: number = Date.now(),
): Promise<ExportFile> {
  const data = await db.transaction('r', [...db.dataTables, db.tombstones, db.quarantine], async () => {
    const entries = await Promise.all(
      EXPORT_TABLES.map(async (name) => [name, await db.table(name).toArray()]),
    );
    const exported = Object.fromEntries(entries) as ExportData;
    // Records Duet cannot read go into the file's quarantine section, whole, with the reason: the rest of
    // the file must import (an import refuses a file with one bad record), and nothing is left out.
    const all: QuarantineRow[] = [
      ...(await db.quarantine.toArray()).map(({ table, reason, raw, at }) => ({ table, reason, raw, at })),
      ...setAside(exported, now),
    ];
    // Once each: a record kept aside here and found unreadable again (after a merge import) is one record.
    const quarantine = uniqueQuarantine(all);
    if (quarantine.length > 0) exported.quarantine = quarantine;
    // The deletions remembered here, so a merge of this file elsewhere deletes them there too; left out
    // when there are none (a Duet from before them refuses the section).
    const tombstones = await listTombstones(db, now);
    if (tombstones.length > 0) exported.tombstones = tombstones;
    return exported;
  });
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, app: 'Duet', data };
}

/**
 * Takes out of `data` (in place) every record an import would refuse — one that fails its schema, a template
 * with a built-in's id, one that refers to a record that is gone (and, in turn, what refers to it) — and
 * returns them as quarantine rows. A healthy database sets nothing aside. Fields a schema does not know (a
 * newer Duet wrote them) are no failure: such a record stays, with them (`parseKeepingUnknown`).
 */
export function setAside(data: ExportData, now: number): QuarantineRow[] {
  const out: QuarantineRow[] = [];
  /** A row whose optional link was emptied → the row as stored (what goes aside, if it goes aside later). */
  const stored = new WeakMap<object, unknown>();
  const put = (table: ExportTable, row: unknown, reason: string) =>
    out.push({
      table,
      reason: reason.slice(0, 2_000),
      raw: JSON.stringify((row && typeof row === 'object' && stored.get(row)) || row),
      at: now,
    });
  for (const table of EXPORT_TABLES) {
    const rows = data[table] as unknown[];
    const kept = rows.filter((row) => {
      // Fields this Duet does not know (a newer one wrote them) are no reason: the record stays, as it is.
      const parsed = parseKeepingUnknown(RECORD_SCHEMAS[table], row);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        put(table, row, `${issue?.path.join('.') || 'record'} — ${issue?.message ?? 'not readable'}`);
        return false;
      }
      if (table === 'templates' && isBuiltInTemplateId((row as { id: string }).id)) {
        put(table, row, 'has the id of a built-in template');
        return false;
      }
      return true;
    });
    (data as Record<ExportTable, unknown[]>)[table] = kept;
  }
  // What must point at a record set aside (or gone) is set aside in turn, until every reference holds; a link
  // that may be empty (the session an agreement was made in, a talking point's session, feedback's person) is
  // emptied instead, so the record itself stays in view.
  for (let missing = unresolvedReferences(data); missing.length > 0; missing = unresolvedReferences(data)) {
    for (const { table, index, field, optional } of missing) {
      if (!optional) continue;
      const rows = data[table] as Array<Record<string, unknown>>;
      const row = rows[index]!;
      const emptied = { ...row, [field]: null };
      stored.set(emptied, stored.get(row) ?? row);
      rows[index] = emptied;
    }
    const drop = new Map<ExportTable, Map<number, string>>();
    for (const { table, index, what, optional } of missing) {
      if (optional) continue;
      const reasons = drop.get(table) ?? new Map<number, string>();
      reasons.set(index, `refers to ${what}, which is not readable or gone`);
      drop.set(table, reasons);
    }
    for (const [table, reasons] of drop) {
      const rows = data[table] as unknown[];
      for (const [index, reason] of reasons) put(table, rows[index], reason);
      (data as Record<ExportTable, unknown[]>)[table] = rows.filter((_, i) => !reasons.has(i));
    }
  }
  return out;
}

/** Compact JSON: indentation made a long history's file a third larger. */
export function serializeExport(file: ExportFile): string {
  return JSON.stringify(file);
}

/** A file name like `duet-export-2026-11-22.json`: the user's own day (not UTC's, a day off at night). */
export function exportFileName(now: number = Date.now()): string {
  return `duet-export-${dayOf(now)}.json`;
}
