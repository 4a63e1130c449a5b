/**
 * Import: validate the whole file first (every record, every reference, no duplicate ids, no prototype
 * keys), then write it in one transaction — all or nothing, the database untouched on any error.
 * Every refusal says which record is bad and why.
 */
import { type DuetDatabase, getDatabase } from '../db';
import {
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  type ExportData,
  ExportHeaderSchema,
  type ExportTable,
  MAX_IMPORT_BYTES,
  RECORD_SCHEMAS,
} from './export-format';

export type ImportMode = 'merge' | 'replace';

export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ImportPreview {
  /** Per table: records that are new, records that would replace an existing one (same id), and unchanged. */
  changes: Record<ExportTable, { added: number; updated: number; unchanged: number }>;
  /** With `replace`: records in the database that would be removed. */
  removed: Record<ExportTable, number>;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function describeSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Parses the file's text; refuses oversized files, broken JSON and prototype keys anywhere. */
export function parseImportText(text: string): unknown {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError(
      `This file is ${describeSize(bytes)}; Duet imports files up to ${describeSize(MAX_IMPORT_BYTES)}. Nothing was changed.`,
    );
  }
  let forbidden: string | null = null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return value;
    });
  } catch {
    throw new ImportError(
      'This file is not valid JSON (it may be truncated or not a Duet export). Nothing was changed.',
    );
  }
  if (forbidden !== null) {
    throw new ImportError(
      `This file contains a "${forbidden}" key, which Duet never writes. Nothing was changed.`,
    );
  }
  return parsed;
}

/** Checks a parsed file completely and returns its records, or throws an ImportError naming the problem. */
export function validateImport(raw: unknown): ExportData {
  const header = ExportHeaderSchema.safeParse(raw);
  if (!header.success) {
    const format = (raw as { format?: unknown } | null)?.format;
    throw new ImportError(
      format === EXPORT_FORMAT
        ? `This Duet export is damaged (${header.error.issues[0]?.path.join('.') || 'header'}: ${header.error.issues[0]?.message}). Nothing was changed.`
        : 'This is not a Duet export file. Nothing was changed.',
    );
  }
  const { version, data } = header.data;
  if (version !== EXPORT_VERSION) {
    throw new ImportError(
      version > EXPORT_VERSION
        ? `This file comes from a newer Duet (format ${version}); update Duet to import it. Nothing was changed.`
        : `This file's format (${version}) is not supported. Nothing was changed.`,
    );
  }
  const unknownTables = Object.keys(data).filter((t) => !(EXPORT_TABLES as readonly string[]).includes(t));
  if (unknownTables.length > 0)
    throw new ImportError(`Unknown section "${unknownTables[0]}" in the file. Nothing was changed.`);

  const result = {} as Record<ExportTable, unknown[]>;
  for (const table of EXPORT_TABLES) {
    const rows = data[table] ?? [];
    if (!Array.isArray(rows)) throw new ImportError(`"${table}" should be a list. Nothing was changed.`);
    const seen = new Set<string>();
    result[table] = rows.map((row: unknown, index) => {
      const parsed = RECORD_SCHEMAS[table].safeParse(row);
      const id = typeof (row as { id?: unknown } | null)?.id === 'string' ? (row as { id: string }).id : null;
      const where = `${table}[${index}]${id ? ` (id ${id.slice(0, 40)})` : ''}`;
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ImportError(
          `${where}: ${issue?.path.join('.') || 'record'} — ${issue?.message}. Nothing was changed.`,
        );
      }
      const parsedId = (parsed.data as { id: string }).id;
      if (seen.has(parsedId))
        throw new ImportError(`${where}: the id appears twice in the file. Nothing was changed.`);
      seen.add(parsedId);
      return parsed.data;
    });
  }
  const records = result as unknown as ExportData;
  checkReferences(records);
  return records;
}

/** Every reference points at a record in the file (tampered or truncated files fail here). */
function checkReferences(data: ExportData): void {
  const ids = (rows: Array<{ id: string }>) => new Set(rows.map((r) => r.id));
  const people = ids(data.people);
  const relationships = ids(data.relationships);
  const sessions = ids(data.sessions);
  const fail = (where: string, what: string) => {
    throw new ImportError(`${where}: refers to ${what}, which is not in the file. Nothing was changed.`);
  };
  data.relationships.forEach((r, i) =>
    r.personIds.forEach((p) => people.has(p) || fail(`relationships[${i}] (id ${r.id})`, `person ${p}`)),
  );
  const needsRelationship = (table: 'sessions' | 'talkingPoints' | 'agreements' | 'goals' | 'feedback') =>
    data[table].forEach(
      (row, i) =>
        relationships.has(row.relationshipId) ||
        fail(`${table}[${i}] (id ${row.id})`, `1:1 series ${row.relationshipId}`),
    );
  (['sessions', 'talkingPoints', 'agreements', 'goals', 'feedback'] as const).forEach(needsRelationship);
  data.talkingPoints.forEach(
    (p, i) =>
      p.sessionId === null ||
      sessions.has(p.sessionId) ||
      fail(`talkingPoints[${i}] (id ${p.id})`, `session ${p.sessionId}`),
  );
  data.agreements.forEach(
    (a, i) =>
      a.madeInSessionId === null ||
      sessions.has(a.madeInSessionId) ||
      fail(`agreements[${i}] (id ${a.id})`, `session ${a.madeInSessionId}`),
  );
  data.feedback.forEach((f, i) => {
    if (f.sessionId !== null && !sessions.has(f.sessionId))
      fail(`feedback[${i}] (id ${f.id})`, `session ${f.sessionId}`);
    if (f.personId !== null && !people.has(f.personId))
      fail(`feedback[${i}] (id ${f.id})`, `person ${f.personId}`);
  });
}

/** What an import would change, without changing anything. */
export async function previewImport(
  data: ExportData,
  mode: ImportMode,
  db: DuetDatabase = getDatabase(),
): Promise<ImportPreview> {
  const changes = {} as ImportPreview['changes'];
  const removed = {} as ImportPreview['removed'];
  await db.transaction('r', db.dataTables, async () => {
    for (const table of EXPORT_TABLES) {
      const rows = data[table] as Array<{ id: string }>;
      const existing = await db.table(table).bulkGet(rows.map((r) => r.id));
      let added = 0;
      let updated = 0;
      let unchanged = 0;
      rows.forEach((row, i) => {
        const current = existing[i];
        if (current === undefined) added++;
        else if (JSON.stringify(current) === JSON.stringify(row)) unchanged++;
        else updated++;
      });
      changes[table] = { added, updated, unchanged };
      const total = await db.table(table).count();
      removed[table] = mode === 'replace' ? total - updated - unchanged : 0;
    }
  });
  return { changes, removed };
}

/**
 * Writes validated records: `replace` empties every table first; `merge` adds new records and replaces
 * those with the same id. One transaction: any failure leaves the database exactly as it was.
 */
export async function applyImport(
  data: ExportData,
  mode: ImportMode,
  db: DuetDatabase = getDatabase(),
): Promise<void> {
  await db.transaction('rw', db.dataTables, async () => {
    for (const table of EXPORT_TABLES) {
      if (mode === 'replace') await db.table(table).clear();
      await db.table(table).bulkPut(data[table]);
    }
  });
}

/** The whole path from a file's text: parse, validate, write. */
export async function importFromText(
  text: string,
  mode: ImportMode,
  db: DuetDatabase = getDatabase(),
): Promise<ExportData> {
  const data = validateImport(parseImportText(text));
  await applyImport(data, mode, db);
  return data;
}

/** Deletes every record (the options page asks for confirmation first). */
export async function deleteAllData(db: DuetDatabase = getDatabase()): Promise<void> {
  await db.transaction('rw', [...db.dataTables, db.quarantine], async () => {
    await Promise.all([...db.dataTables, db.quarantine].map((table) => table.clear()));
  });
}
