/**
 * Import: validate the whole file first (every record, every reference, no duplicate ids, no prototype
 * keys), then write it in one transaction — all or nothing, the database untouched on any error.
 * Every refusal says which record is bad and why. A merge never takes back what was written here after
 * the file was made: of two versions of a record, the newer (`updatedAt`) stays; and of a record and its
 * deletion (a tombstone, here or in the file), the later stays.
 */
import { parseKeepingUnknown, type z } from '../domain/zod';
import {
  type DuetDatabase,
  foldSessionInto,
  getDatabase,
  pruneTombstones,
  tombstoneCutoff,
  tombstoneKey,
} from '../db';
import {
  type Person,
  type Tombstone,
  TombstoneSchema,
  type TombstoneTable,
  TOMBSTONE_TABLES,
} from '../domain/model';
import { isBuiltInTemplateId } from '../domain/templates';
import {
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  type ExportData,
  ExportHeaderSchema,
  type ExportTable,
  MAX_IMPORT_BYTES,
  QUARANTINE_SECTION,
  type QuarantineRow,
  QuarantineRowSchema,
  quarantineKey,
  RECORD_SCHEMAS,
  TOMBSTONES_SECTION,
  uniqueQuarantine,
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
  /** The file's records, by how they compare with this device's (with `merge`, not those in `deletedHere`). */
  changes: Record<ExportTable, TableChanges>;
  /**
   * Records in the database that would be removed: with `replace`, those not in the file; with `merge`,
   * those the file records as deleted after this device's version (its tombstones).
   */
  removed: Record<ExportTable, number>;
  /** With `merge`: the file's records not brought back, deleted here after the file's version. */
  deletedHere: Record<ExportTable, number>;
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
  const unknownTables = Object.keys(data).filter(
    (t) =>
      t !== TOMBSTONES_SECTION &&
      t !== QUARANTINE_SECTION &&
      !(EXPORT_TABLES as readonly string[]).includes(t),
  );
  if (unknownTables.length > 0)
    throw new ImportError(`Unknown section "${unknownTables[0]}" in the file. Nothing was changed.`);

  const result = {} as Record<ExportTable, unknown[]>;
  const now = Date.now();
  for (const table of EXPORT_TABLES) {
    result[table] = parseSection<{ id: string }>(
      table,
      data[table] ?? [],
      RECORD_SCHEMAS[table],
      (row) => row.id,
      'the id appears twice in the file',
      { keepUnknown: true },
    ).map((row) => notAfter(row, now));
  }
  const records = result as unknown as ExportData;
  const missingTables = EXPORT_TABLES.filter((table) => data[table] === undefined);
  if (missingTables.length > 0) records.missingTables = missingTables;
  checkReferences(records);
  checkTemplates(records);
  // Only when the file has the section (files from before tombstones, or without deletions, do not).
  if (data[TOMBSTONES_SECTION] !== undefined)
    records.tombstones = validateTombstones(data[TOMBSTONES_SECTION]);
  if (data[QUARANTINE_SECTION] !== undefined) {
    // Each row valid; one the file holds twice (kept aside here and read aside again) is kept once.
    let row = 0;
    const rows = parseSection<QuarantineRow>(
      QUARANTINE_SECTION,
      data[QUARANTINE_SECTION],
      QuarantineRowSchema,
      () => String(row++),
      '',
    );
    records.quarantine = uniqueQuarantine(rows);
  }
  return records;
}

/**
 * A record stamped in the future (a device whose clock ran ahead, or an edited file) counts as written now, as
 * its deletions do: it would otherwise outrank every later edit made here, and no deletion would ever reach it.
 */
function notAfter<R extends object>(row: R, now: number): R {
  // `archivedAt` (a goal's): done in the future would count as done in a session not held yet.
  const stamps = row as { createdAt?: unknown; updatedAt?: unknown; archivedAt?: unknown };
  const late = (value: unknown) => typeof value === 'number' && value > now;
  if (!late(stamps.createdAt) && !late(stamps.updatedAt) && !late(stamps.archivedAt)) return row;
  return {
    ...row,
    ...(late(stamps.createdAt) ? { createdAt: now } : {}),
    ...(late(stamps.updatedAt) ? { updatedAt: now } : {}),
    ...(late(stamps.archivedAt) ? { archivedAt: now } : {}),
  };
}

/** The file's deletions: each valid, one per table and id. (One may name a record the file holds too.) */
function validateTombstones(rows: unknown, now: number = Date.now()): Tombstone[] {
  return parseSection<Tombstone>(
    TOMBSTONES_SECTION,
    rows,
    TombstoneSchema,
    (tombstone) => tombstoneKey(tombstone.table, tombstone.id),
    'this deletion appears twice in the file',
  ).map((tombstone) =>
    // A deletion stamped in the future (a device whose clock ran ahead) counts as made now: it would
    // otherwise never expire and outrank every later edit.
    ({ ...tombstone, deletedAt: Math.min(tombstone.deletedAt, now) }),
  );
}

/** How a message names a record of the file: "Session 4 in the file (id 1f3c…)" — counted from 1, as people count. */
const RECORD_WORDS: Record<string, string> = {
  people: 'Person',
  relationships: '1:1',
  sessions: 'Session',
  talkingPoints: 'Talking point',
  agreements: 'Agreement',
  goals: 'Goal',
  feedback: 'Feedback',
  templates: 'Template',
  tombstones: 'Deletion',
  quarantine: 'Set-aside record',
};
function recordWhere(section: string, index: number, id: string | null): string {
  const word = RECORD_WORDS[section] ?? `“${section}” record`;
  return `${word} ${index + 1} in the file${id ? ` (id ${id.slice(0, 40)})` : ''}`;
}

/**
 * One section of a file: a list whose every row passes its schema, each key at most once. The first
 * problem is refused with where it is (section, index, id) and what it is. With `keepUnknown` (the record
 * tables), fields a row's schema does not know are no problem, and are kept: records gain fields without a
 * format change (docs/DATA.md), so a file from a newer Duet (or a backup of a database one wrote) imports,
 * its newer fields intact.
 */
function parseSection<T>(
  section: string,
  rows: unknown,
  schema: z.ZodType,
  keyOf: (row: T) => string,
  twice: string,
  { keepUnknown = false }: { keepUnknown?: boolean } = {},
): T[] {
  if (!Array.isArray(rows)) throw new ImportError(`"${section}" should be a list. Nothing was changed.`);
  const seen = new Set<string>();
  return rows.map((row: unknown, index) => {
    const parsed = keepUnknown ? parseKeepingUnknown(schema, row) : schema.safeParse(row);
    const id = typeof (row as { id?: unknown } | null)?.id === 'string' ? (row as { id: string }).id : null;
    const where = recordWhere(section, index, id);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.');
      // zod's words in brackets ("expected number, received string"): what support needs, after what a person does.
      const detail = (issue?.message ?? '').replace(/^Invalid input: /, '');
      throw new ImportError(
        `${where} cannot be read: ${field ? `its “${field}” is` : 'it is'} not valid${detail ? ` (${detail})` : ''}. Nothing was changed.`,
      );
    }
    const value = parsed.data as T;
    const key = keyOf(value);
    if (seen.has(key)) throw new ImportError(`${where}: ${twice}. Nothing was changed.`);
    seen.add(key);
    return value;
  });
}

/** A person as an import's message names them. */
const nameOf = (person: Person) => (person.name ? `“${person.name}”` : 'a person without a name');

/**
 * The file's templates never take a built-in's id. (A 1:1 may name a template that no longer exists: one
 * deleted in another tab while the 1:1 was switched to it. Sessions then use the kind's built-in template,
 * so such a file imports.)
 */
function checkTemplates(data: ExportData): void {
  data.templates.forEach((template, i) => {
    if (isBuiltInTemplateId(template.id))
      throw new ImportError(
        `${recordWhere('templates', i, template.id)}: that id belongs to a template built into Duet, which an export never holds. Nothing was changed.`,
      );
    // Only Duet's own templates are built in: one of the user's marked so could never be edited or deleted.
    if (template.builtIn)
      throw new ImportError(
        `${recordWhere('templates', i, template.id)}: the user's own template is marked as built into Duet. Nothing was changed.`,
      );
  });
}

/** A row whose reference points at no record in the file: where it is, and what it refers to. */
export interface Unresolved {
  table: ExportTable;
  index: number;
  id: string;
  what: string;
  /** The field holding the reference; `optional`: it may be null (a link to a session or a person). */
  field: string;
  optional: boolean;
}

/** Every reference that points at no record in the file (tampered or truncated files have some). */
export function unresolvedReferences(data: ExportData): Unresolved[] {
  const ids = (rows: Array<{ id: string }>) => new Set(rows.map((r) => r.id));
  const people = ids(data.people);
  const relationships = ids(data.relationships);
  /** Each session's 1:1: a point, agreement or feedback may only name a session of its own 1:1. */
  const sessionOwner = new Map(data.sessions.map((s) => [s.id, s.relationshipId]));
  const out: Unresolved[] = [];
  const miss = (
    table: ExportTable,
    index: number,
    id: string,
    what: string,
    field: string,
    optional = false,
  ) => out.push({ table, index, id, what, field, optional });
  data.relationships.forEach((r, i) => {
    const missing = r.personIds.find((p) => !people.has(p));
    if (missing !== undefined) miss('relationships', i, r.id, `person ${missing}`, 'personIds');
  });
  for (const table of ['sessions', 'talkingPoints', 'agreements', 'goals', 'feedback'] as const)
    data[table].forEach((row, i) => {
      if (!relationships.has(row.relationshipId))
        miss(table, i, row.id, `1:1 series ${row.relationshipId}`, 'relationshipId');
    });
  // A session of another 1:1 is no session of this one (a tampered file would show one person's points or
  // agreements in another's session): refused as if it were not in the file.
  const ownSession = (sessionId: string, relationshipId: string) =>
    sessionOwner.get(sessionId) === relationshipId;
  const sessionWhat = (sessionId: string) =>
    sessionOwner.has(sessionId) ? `session ${sessionId} of another 1:1` : `session ${sessionId}`;
  data.talkingPoints.forEach((p, i) => {
    if (p.sessionId !== null && !ownSession(p.sessionId, p.relationshipId))
      miss('talkingPoints', i, p.id, sessionWhat(p.sessionId), 'sessionId', true);
  });
  data.agreements.forEach((a, i) => {
    if (a.madeInSessionId !== null && !ownSession(a.madeInSessionId, a.relationshipId))
      miss('agreements', i, a.id, sessionWhat(a.madeInSessionId), 'madeInSessionId', true);
  });
  data.feedback.forEach((f, i) => {
    if (f.sessionId !== null && !ownSession(f.sessionId, f.relationshipId))
      miss('feedback', i, f.id, sessionWhat(f.sessionId), 'sessionId', true);
    if (f.personId !== null && !people.has(f.personId))
      miss('feedback', i, f.id, `person ${f.personId}`, 'personId', true);
  });
  return out;
}

/** Every reference points at a record in the file (tampered or truncated files fail here). */
function checkReferences(data: ExportData): void {
  const [first] = unresolvedReferences(data);
  if (first)
    throw new ImportError(
      `${recordWhere(first.table, first.index, first.id)}: refers to ${first.what}, which is not in the file. Nothing was changed.`,
    );
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
  const parsed = parseKeepingUnknown(RECORD_SCHEMAS[table], stored);
  const here = (parsed.success ? parsed.data : stored) as Row;
  if (JSON.stringify(here) === JSON.stringify(withDeviceFields(table, row, here))) return 'unchanged';
  return here.updatedAt > row.updatedAt ? 'newerHere' : 'updated';
}

const perTable = <V>(make: () => V) =>
  Object.fromEntries(EXPORT_TABLES.map((t) => [t, make()])) as Record<ExportTable, V>;

const isTombstoneTable = (table: string): table is TombstoneTable =>
  (TOMBSTONE_TABLES as readonly string[]).includes(table);

/** Adds `value` to the list under `key`. */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A record a merge would leave deleted: a file's record deleted here, or a record here the file deleted. */
interface Gone {
  table: TombstoneTable;
  /** The record as it would be if it stayed: the file's (`skip`) or this device's (`delete`). */
  row: Row;
  kind: 'skip' | 'delete';
  /** The deletion to record if it stays deleted (none: the one here stays). */
  tombstone: Tombstone | null;
}

/** What a merge writes and deletes, decided in the transaction that writes it (and shown by the preview). */
interface MergePlan {
  changes: Record<ExportTable, TableChanges>;
  /** The file's rows to write, per table (this device's own fields kept). */
  write: Record<ExportTable, Row[]>;
  /** Of those, the ids of rows not here before: new, or brought back. */
  added: Record<ExportTable, Set<string>>;
  deletedHere: Record<ExportTable, number>;
  /** Records here to delete, per table. */
  remove: Record<ExportTable, string[]>;
  /** Deletions to record, and those to forget (their record lives). */
  putTombstones: Tombstone[];
  dropTombstones: Array<[TombstoneTable, string]>;
}

/** The tombstone keys of the records a row refers to (`sections`: section id → the templates that have it). */
function referencesOf(table: ExportTable, row: Row, sections: ReadonlyMap<string, string[]>): string[] {
  const r = row as unknown as Record<string, unknown>;
  const refs: string[] = [];
  const add = (target: TombstoneTable, id: unknown) => {
    if (typeof id === 'string') refs.push(tombstoneKey(target, id));
  };
  if (table === 'relationships') {
    for (const personId of r.personIds as string[]) add('people', personId);
    add('templates', r.templateId);
    return refs;
  }
  if (table === 'settings' || table === 'people' || table === 'templates') return refs;
  add('relationships', r.relationshipId);
  if (table === 'sessions') {
    add('templates', r.templateId);
    for (const section of Object.keys(r.notes as object)) refs.push(...(sections.get(section) ?? []));
  }
  if (table === 'talkingPoints' || table === 'feedback') add('sessions', r.sessionId);
  if (table === 'agreements') add('sessions', r.madeInSessionId);
  if (table === 'feedback') add('people', r.personId);
  return refs;
}

/**
 * The records here that refer to any of `targets` (by table), through the indexes: a 1:1's people, a
 * session's or talking point's 1:1, a talking point's session… For templates, as `deleteCustomTemplate`
 * judges use: the 1:1s and sessions that name one, and sessions with notes under one of its sections.
 */
async function referrersHere(
  db: DuetDatabase,
  targets: ReadonlyMap<TombstoneTable, string[]>,
  sectionIds: ReadonlySet<string>,
): Promise<Array<[ExportTable, Row]>> {
  const found: Array<[ExportTable, Row]> = [];
  const collect = async (table: ExportTable, rows: Promise<unknown[]>) => {
    for (const row of await rows) found.push([table, row as Row]);
  };
  const people = targets.get('people') ?? [];
  if (people.length > 0) {
    await collect('relationships', db.relationships.where('personIds').anyOf(people).toArray());
    await collect('feedback', db.feedback.where('personId').anyOf(people).toArray());
  }
  const relationships = targets.get('relationships') ?? [];
  if (relationships.length > 0) {
    await collect('sessions', db.sessions.where('relationshipId').anyOf(relationships).toArray());
    await collect('goals', db.goals.where('relationshipId').anyOf(relationships).toArray());
    await collect('feedback', db.feedback.where('relationshipId').anyOf(relationships).toArray());
    for (const id of relationships) {
      await collect(
        'talkingPoints',
        db.talkingPoints.where('[relationshipId+status]').between([id, ''], [id, '\uffff']).toArray(),
      );
      await collect(
        'agreements',
        db.agreements.where('[relationshipId+status]').between([id, ''], [id, '\uffff']).toArray(),
      );
    }
  }
  const sessions = targets.get('sessions') ?? [];
  if (sessions.length > 0) {
    await collect('talkingPoints', db.talkingPoints.where('sessionId').anyOf(sessions).toArray());
    await collect('agreements', db.agreements.where('madeInSessionId').anyOf(sessions).toArray());
    await collect('feedback', db.feedback.where('sessionId').anyOf(sessions).toArray());
  }
  const templates = new Set(targets.get('templates') ?? []);
  if (templates.size > 0) {
    await collect('relationships', db.relationships.filter((r) => templates.has(r.templateId)).toArray());
    await collect(
      'sessions',
      db.sessions
        .filter(
          (s) =>
            templates.has(s.templateId) || Object.keys(s.notes).some((section) => sectionIds.has(section)),
        )
        .toArray(),
    );
  }
  return found;
}

/**
 * Referential integrity: a record that something kept still refers to is not deleted — a deletion here
 * is not kept against a newer record of the file that refers to it (a talking point edited elsewhere,
 * after the merge here, in a session this merge deleted), nor is a deletion from the file applied to a
 * record here that a record kept here refers to. Skipping the deletion loses nothing (the record can be
 * deleted or merged again); applying it would leave records pointing at nothing. What such a record refers
 * to is kept in turn. Returns the keys of the records kept so.
 */
async function keepReferenced(
  db: DuetDatabase,
  gone: ReadonlyMap<string, Gone>,
  write: Record<ExportTable, Row[]>,
): Promise<Set<string>> {
  const targets = new Map<TombstoneTable, string[]>();
  const sections = new Map<string, string[]>();
  for (const [key, { table, row }] of gone) {
    append(targets, table, row.id);
    if (table !== 'templates') continue;
    for (const { id } of (row as unknown as { sections: Array<{ id: string }> }).sections)
      append(sections, id, key);
  }
  const written = perTable(() => new Set<string>());
  for (const table of EXPORT_TABLES) for (const row of write[table]) written[table].add(row.id);

  const kept = new Set<string>();
  const queue: string[] = [];
  const refer = (table: ExportTable, row: Row) => {
    for (const ref of referencesOf(table, row, sections))
      if (gone.has(ref) && !kept.has(ref)) queue.push(ref);
  };
  // What stays: the file's rows written, and the rows here neither replaced by the file's nor deleted.
  for (const table of EXPORT_TABLES) for (const row of write[table]) refer(table, row);
  for (const [table, row] of await referrersHere(db, targets, new Set(sections.keys()))) {
    if (!written[table].has(row.id) && !gone.has(tombstoneKey(table, row.id))) refer(table, row);
  }
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (kept.has(key)) continue;
    kept.add(key);
    const { table, row } = gone.get(key)!;
    refer(table, row);
  }
  return kept;
}

/**
 * Plans a merge (inside the caller's transaction). Of a record and a deletion of it, the later stays,
 * compared by the record's `updatedAt` and the deletion's `deletedAt`; a tie goes to what is here (a
 * record deleted here at the instant of the file's version stays deleted; a record here changed at the
 * instant the file says it was deleted stays). Of two versions of a record, the later stays, a tie to the
 * file's (as before tombstones). Of two deletions, the later is kept. Deletions older than a year are
 * ignored (they are being forgotten), and a deletion whose record lives is dropped.
 */
async function planMerge(data: ExportData, db: DuetDatabase, now: number): Promise<MergePlan> {
  const cutoff = tombstoneCutoff(now);
  const recent = (list: readonly Tombstone[]) =>
    new Map(list.filter((t) => t.deletedAt >= cutoff).map((t) => [tombstoneKey(t.table, t.id), t]));
  const here = recent(await db.tombstones.toArray());
  const fromFile = recent(data.tombstones ?? []);
  const plan: MergePlan = {
    changes: perTable(() => ({ added: 0, updated: 0, unchanged: 0, newerHere: 0 })),
    write: perTable(() => []),
    added: perTable(() => new Set<string>()),
    deletedHere: perTable(() => 0),
    remove: perTable(() => []),
    putTombstones: [],
    dropTombstones: [],
  };
  const gone = new Map<string, Gone>();
  /** The record lives: the deletions of it, here or in the file, are forgotten. */
  const lives = (table: TombstoneTable, id: string, key: string) => {
    if (here.has(key)) plan.dropTombstones.push([table, id]);
    fromFile.delete(key);
  };
  const newest = (a: Tombstone | undefined, b: Tombstone | undefined) =>
    !a ? b : !b ? a : b.deletedAt > a.deletedAt ? b : a;

  for (const table of EXPORT_TABLES) {
    const rows = data[table] as Row[];
    const existing = (await db.table(table).bulkGet(rows.map((r) => r.id))) as Array<Row | undefined>;
    rows.forEach((row, i) => {
      const stored = existing[i];
      if (isTombstoneTable(table)) {
        const key = tombstoneKey(table, row.id);
        const deleted = here.get(key);
        if (!stored && deleted && deleted.deletedAt >= row.updatedAt) {
          // Deleted here after (or at) the file's version: not brought back.
          const later = newest(deleted, fromFile.get(key));
          gone.set(key, { table, row, kind: 'skip', tombstone: later === deleted ? null : later! });
          fromFile.delete(key);
          return;
        }
        // The record stays (here, or written from the file): its deletions are forgotten. (A file holding
        // both a record and its deletion holds the record, as this database does.)
        lives(table, row.id, key);
      }
      plan.changes[table][compare(table, row, stored)]++;
      if (!(row.updatedAt < (stored?.updatedAt ?? -1))) {
        plan.write[table].push(withDeviceFields(table, row, stored));
        if (!stored) plan.added[table].add(row.id);
      }
    });
  }

  // The file's other deletions: of records here (deleted if not changed here since), or of none.
  const byTable = new Map<TombstoneTable, Tombstone[]>();
  for (const tombstone of fromFile.values()) append(byTable, tombstone.table, tombstone);
  for (const [table, tombstones] of byTable) {
    const stored = (await db.table(table).bulkGet(tombstones.map((t) => t.id))) as Array<Row | undefined>;
    tombstones.forEach((tombstone, i) => {
      const key = tombstoneKey(table, tombstone.id);
      const row = stored[i];
      // Deleted there after this device's last change — and that change is one the deleting device had:
      // an edit made here after the version it deleted is kept (deleting it would lose it everywhere).
      if (row && tombstone.deletedAt > row.updatedAt && row.updatedAt <= (tombstone.version ?? row.updatedAt))
        gone.set(key, { table, row, kind: 'delete', tombstone: newest(here.get(key), tombstone)! });
      else if (row) lives(table, row.id, key);
      else if (newest(here.get(key), tombstone) === tombstone) plan.putTombstones.push(tombstone);
    });
  }

  const kept = gone.size > 0 ? await keepReferenced(db, gone, plan.write) : new Set<string>();
  for (const [key, { table, row, kind, tombstone }] of gone) {
    if (kept.has(key)) {
      // Kept after all: written from the file (new here), or left as it is here.
      if (kind === 'skip') {
        plan.changes[table].added++;
        plan.write[table].push(withDeviceFields(table, row, undefined));
        plan.added[table].add(row.id);
      }
      if (here.has(key)) plan.dropTombstones.push([table, row.id]);
      continue;
    }
    if (kind === 'skip') plan.deletedHere[table]++;
    else plan.remove[table].push(row.id);
    if (tombstone) plan.putTombstones.push(tombstone);
  }
  // A person the merge adds must not have an address another person has (here, or added too): one address
  // is one person, or Calendar guests match the wrong one or, failing closed, none. A person added on each
  // device from the same guest is two records of one person. (Not a person merged away here and brought
  // back because a newer record of the file refers to them: that keeps the file whole, and the two can be
  // merged again here. Nor what is already so: a file Duet exported always imports.)
  const stored = await db.people.toArray();
  const hereIds = new Set(stored.map((person) => person.id));
  const people = new Map(stored.map((person) => [person.id, person]));
  for (const id of plan.remove.people) people.delete(id);
  for (const person of plan.write.people as Person[]) people.set(person.id, person);
  const added = (plan.write.people as Person[]).filter(
    (person) => plan.added.people.has(person.id) && !here.has(tombstoneKey('people', person.id)),
  );
  for (const person of added)
    for (const email of person.emails) {
      const key = email.toLowerCase();
      // A person here (not two the file brings: a file Duet exported always imports).
      const other = [...people.values()].find(
        (candidate) =>
          candidate.id !== person.id &&
          hereIds.has(candidate.id) &&
          candidate.emails.some((e) => e.toLowerCase() === key),
      );
      if (!other) continue;
      throw new ImportError(
        `${key} belongs to ${nameOf(other)} here and to ${nameOf(person)} in the file: one person with two ` +
          `records. To keep both histories, remove the address from ${nameOf(other)} (Options → People), ` +
          'import again, then merge the two there. Nothing was changed.',
      );
    }
  return plan;
}

/** What an import would change, without changing anything. */
export async function previewImport(
  data: ExportData,
  mode: ImportMode,
  db: DuetDatabase = getDatabase(),
): Promise<ImportPreview> {
  return db.transaction('r', [...db.dataTables, db.tombstones], async () => {
    if (mode === 'merge') {
      const plan = await planMerge(data, db, Date.now());
      const removed = perTable(() => 0);
      for (const table of EXPORT_TABLES) removed[table] = plan.remove[table].length;
      return { changes: plan.changes, removed, deletedHere: plan.deletedHere };
    }
    const changes = {} as ImportPreview['changes'];
    const removed = {} as ImportPreview['removed'];
    for (const table of EXPORT_TABLES) {
      const rows = data[table] as Row[];
      const existing = await db.table(table).bulkGet(rows.map((r) => r.id));
      const counts: TableChanges = { added: 0, updated: 0, unchanged: 0, newerHere: 0 };
      rows.forEach((row, i) => counts[compare(table, row, existing[i])]++);
      changes[table] = counts;
      const total = await db.table(table).count();
      removed[table] = total - (rows.length - counts.added);
    }
    return { changes, removed, deletedHere: perTable(() => 0) };
  });
}

/**
 * Writes validated records in one transaction: any failure leaves the database exactly as it was.
 * `replace` empties every table first and writes the file, its deletions (tombstones) replacing those
 * here. `merge` adds new records and writes the file's version of the others, except where this device's
 * version is newer (changed after the export): those stay, decided in the same transaction as the write,
 * so an edit made while the preview was on screen is never taken back. Deletions merge too (`planMerge`):
 * a record deleted here since the file's version is not brought back, and one the file records as deleted
 * after this device's version is deleted here — unless a record kept refers to it (`keepReferenced`).
 */
export async function applyImport(
  data: ExportData,
  mode: ImportMode,
  db: DuetDatabase = getDatabase(),
): Promise<void> {
  const [missing] = mode === 'replace' ? (data.missingTables ?? []) : [];
  if (missing !== undefined)
    throw new ImportError(
      `The file has no "${missing}" section: it is incomplete or was edited, and replacing with it would delete every one here (merging adds what it has). Nothing was changed.`,
    );
  await db.transaction('rw', [...db.dataTables, db.tombstones, db.quarantine], async () => {
    const now = Date.now();
    await importQuarantine(data.quarantine ?? [], db);
    if (mode === 'replace') {
      for (const table of EXPORT_TABLES) {
        const rows = data[table] as Row[];
        const existing = (await db.table(table).bulkGet(rows.map((r) => r.id))) as Array<Row | undefined>;
        await db.table(table).clear();
        await db.table(table).bulkPut(rows.map((row, i) => withDeviceFields(table, row, existing[i])));
      }
      // The file's deletions, but not of a record it holds (it lives).
      const held = new Set(
        TOMBSTONE_TABLES.flatMap((table) => data[table].map((row) => tombstoneKey(table, row.id))),
      );
      await db.tombstones.clear();
      await db.tombstones.bulkPut(
        (data.tombstones ?? []).filter((t) => !held.has(tombstoneKey(t.table, t.id))),
      );
    } else {
      const plan = await planMerge(data, db, now);
      for (const table of EXPORT_TABLES) {
        await db.table(table).bulkPut(plan.write[table]);
        await db.table(table).bulkDelete(plan.remove[table]);
      }
      await db.tombstones.bulkDelete(plan.dropTombstones);
      await db.tombstones.bulkPut(plan.putTombstones);
      // Each device prepared the same meeting (a session each for one Calendar event of one 1:1): one
      // session, both devices' notes in it — else only one is ever shown, and typing goes into that one.
      // The one here is kept (of two the file adds, the older).
      const addedIds = plan.added.sessions;
      for (const id of addedIds) {
        const added = await db.sessions.get(id);
        if (!added || added.calendarEventId === null || added.status === 'cancelled') continue;
        const kept = (
          await db.sessions.where('calendarEventId').equals(added.calendarEventId).toArray()
        ).find(
          (session) =>
            session.id !== added.id &&
            session.relationshipId === added.relationshipId &&
            session.status !== 'cancelled' &&
            (!addedIds.has(session.id) || session.createdAt < added.createdAt),
        );
        if (kept) await foldSessionInto(db, kept, added, now);
      }
    }
    await pruneTombstones(db, now);
  });
}

/**
 * The file's records Duet could not read go back into the quarantine, beside this device's (whatever the
 * mode: a quarantined record may be the only copy of something, so an import never drops one; one already
 * here is not added twice). Only "Delete everything" empties the quarantine.
 */
async function importQuarantine(rows: QuarantineRow[], db: DuetDatabase): Promise<void> {
  const here = new Set((await db.quarantine.toArray()).map(quarantineKey));
  await db.quarantine.bulkAdd(
    rows
      .filter((row) => !here.has(quarantineKey(row)))
      .map(({ table, reason, raw, at }) => ({ table, reason, raw, at })),
  );
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

/** Deletes every record, and the record of deletions (the options page asks for confirmation first). */
export async function deleteAllData(db: DuetDatabase = getDatabase()): Promise<void> {
  const tables = [...db.dataTables, db.quarantine, db.tombstones];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
  });
}
