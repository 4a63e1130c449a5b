/**
 * Import: validate the whole file first (every record, every reference, no duplicate ids, no prototype
 * keys), then write it in one transaction — all or nothing, the database untouched on any error.
 * Every refusal says which record is bad and why. A merge never takes back what was written here after
 * the file was made: of two versions of a record, the newer (`updatedAt`) stays.
 */
import { type DuetDatabase, getDatabase } from '../db';
import { isBuiltInTemplateId } from '../domain/templates';
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

export interface TableChanges {
  /** Not here yet. */
  added: number;
  /** Here, and the file's version is different and at least as new: the file's version is written. */
  updated: number;
  /** Here exactly as in the file. */
  unchanged: number;
  /**
   * Here, and changed here after the file's version (a later `updatedAt`): a merge keeps this device's
   * version; a replace takes it back to the file's.
   */
  newerHere: number;
}

export interface ImportPreview {
  changes: Record<ExportTable, TableChanges>;
  /** With `replace`: records in the database that would be removed. */
  removed: Record<ExportTable, number>;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function describeSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Refuses a file over the size limit, before it is read or parsed. */
export function checkImportSize(bytes: number, maxBytes: number = MAX_IMPORT_BYTES): void {
  if (bytes > maxBytes) {
    throw new ImportError(
      `This file is ${describeSize(bytes)}; Duet imports files up to ${describeSize(maxBytes)}. Nothing was changed.`,
    );
  }
}

/** UTF-8 bytes of a text: at least one a character, at most three (a surrogate pair is two characters). */
function utf8Bytes(text: string, maxBytes: number): number {
  if (text.length > maxBytes || text.length * 3 <= maxBytes) return text.length;
  return new TextEncoder().encode(text).length;
}

/** Parses the file's text; refuses oversized files, broken JSON and prototype keys anywhere. */
export function parseImportText(text: string, maxBytes: number = MAX_IMPORT_BYTES): unknown {
  checkImportSize(utf8Bytes(text, maxBytes), maxBytes);
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
  checkTemplates(records);
  return records;
}

/**
 * The file's templates never take a built-in's id. (A 1:1 may name a template that no longer exists: one
 * deleted in another tab while the 1:1 was switched to it. Sessions then use the kind's built-in template,
 * so such a file imports.)
 */
function checkTemplates(data: ExportData): void {
  data.templates.forEach((template, i) => {
    if (isBuiltInTemplateId(template.id))
      throw new ImportError(
        `templates[${i}] (id ${template.id}): that id belongs to a template built into Duet, which an export never holds. Nothing was changed.`,
      );
  });
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

type Row = { id: string; updatedAt: number };

/**
 * Fields that describe this device, not the user's data (whether this browser keeps Duet's storage from
 * eviction): never taken from a file — the device's own value stays, or none — and never compared.
 */
const DEVICE_FIELDS: Partial<Record<ExportTable, readonly string[]>> = { settings: ['storagePersistence'] };

function withDeviceFields(table: ExportTable, row: Row, here: Row | undefined): Row {
  const fields = DEVICE_FIELDS[table];
  if (!fields) return row;
  const next: Record<string, unknown> = { ...row };
  for (const field of fields) next[field] = (here as Record<string, unknown> | undefined)?.[field] ?? null;
  return next as Row;
}

/** How a file's record compares with the one stored here (read through its schema, as the file's was). */
function compare(table: ExportTable, row: Row, stored: unknown): keyof TableChanges {
  if (stored === undefined) return 'added';
  const parsed = RECORD_SCHEMAS[table].safeParse(stored);
  const here = (parsed.success ? parsed.data : stored) as Row;
  if (JSON.stringify(here) === JSON.stringify(withDeviceFields(table, row, here))) return 'unchanged';
  return here.updatedAt > row.updatedAt ? 'newerHere' : 'updated';
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
      const rows = data[table] as Row[];
      const existing = await db.table(table).bulkGet(rows.map((r) => r.id));
      const counts: TableChanges = { added: 0, updated: 0, unchanged: 0, newerHere: 0 };
      rows.forEach((row, i) => counts[compare(table, row, existing[i])]++);
      changes[table] = counts;
      const total = await db.table(table).count();
      removed[table] = mode === 'replace' ? total - (rows.length - counts.added) : 0;
    }
  });
  return { changes, removed };
}

/**
 * Writes validated records in one transaction: any failure leaves the database exactly as it was.
 * `replace` empties every table first and writes the file. `merge` adds new records and writes the file's
 * version of the others, except where this device's version is newer (changed after the export): those
 * stay, decided in the same transaction as the write, so an edit made while the preview was on screen
 * is never taken back.
 */
export async function applyImport(
  data: ExportData,
  mode: ImportMode,
  db: DuetDatabase = getDatabase(),
): Promise<void> {
  await db.transaction('rw', db.dataTables, async () => {
    for (const table of EXPORT_TABLES) {
      const rows = data[table] as Row[];
      const existing = (await db.table(table).bulkGet(rows.map((r) => r.id))) as Array<Row | undefined>;
      const written = rows.map((row, i) => withDeviceFields(table, row, existing[i]));
      if (mode === 'replace') {
        await db.table(table).clear();
        await db.table(table).bulkPut(written);
        continue;
      }
      await db
        .table(table)
        .bulkPut(written.filter((row, i) => !(row.updatedAt < (existing[i]?.updatedAt ?? -1))));
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
