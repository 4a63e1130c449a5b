/**
 * SECURITY.md item 19 (and items 1–2 for files), fuzzed (fast-check): an import is all or nothing. Arbitrary
 * JSON, arbitrary text and every kind of tampering with a valid export (a field deleted or retyped, an id
 * duplicated, a reference left dangling, `__proto__`-like keys, the file cut short, a character changed) either
 * fail with an ImportError — and the database (every table, the quarantine too) is exactly as before — or
 * import completely. Unmodified valid exports, the realistic demo profile included, always import and come
 * back out identical. Example-based cases live in tests/unit/io/export-import.test.ts.
 *
 * A failing property prints its seed and path; replay it with `fc.assert(..., { seed, path })`.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { type DuetDatabase, getDatabase } from '@/lib/db';
import { generateProfile } from '@/lib/demo/generate';
import { defaultDetectionRules, defaultReminderSettings, type Template } from '@/lib/domain/model';
import { exportAll, serializeExport } from '@/lib/io/export';
import {
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  type ExportData,
  type ExportFile,
  type ExportTable,
} from '@/lib/io/export-format';
import {
  applyImport,
  deleteAllData,
  ImportError,
  importFromText,
  type ImportMode,
  parseImportText,
  previewImport,
  validateImport,
} from '@/lib/io/import';

const NOW = Date.UTC(2026, 10, 22, 12);
/** Properties take a few seconds; leave room for a loaded machine. */
const FUZZ_TIMEOUT_MS = 30_000;
const REALISTIC = generateProfile('realistic', { now: NOW });

const fileOf = (data: ExportData): ExportFile => ({
  format: EXPORT_FORMAT,
  version: EXPORT_VERSION,
  exportedAt: NOW,
  app: 'Duet',
  data,
});

/** The realistic profile has no templates of the user's own; small exports carry this one. */
const MY_TEMPLATE: Template = {
  id: 'my-template',
  name: 'Mine',
  method: 'custom',
  description: 'Talk, then next steps',
  sections: [
    { id: 'talk', title: 'Talk', minutes: 20, prompts: ['How are you?'], kind: 'notes' },
    { id: 'next', title: 'Next steps', minutes: 5, prompts: [], kind: 'agreements' },
  ],
  builtIn: false,
  retired: false,
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
};

type Row = Record<string, unknown> & { id: string };

/**
 * A self-contained part of the realistic profile: some 1:1 series with their people, their latest sessions,
 * and only the talking points, agreements and feedback that refer to those sessions (or to none).
 */
function slice(relationshipIds: readonly string[], maxSessions: number, withTemplate: boolean): ExportData {
  const wanted = new Set(relationshipIds);
  const mine = <T extends { relationshipId: string }>(rows: T[]) =>
    rows.filter((r) => wanted.has(r.relationshipId));
  const relationships = REALISTIC.relationships.filter((r) => wanted.has(r.id));
  const sessions = mine(REALISTIC.sessions)
    .sort((a, b) => b.scheduledAt - a.scheduledAt)
    .filter(
      (s, _i, all) => all.filter((o) => o.relationshipId === s.relationshipId).indexOf(s) < maxSessions,
    );
  const kept = new Set(sessions.map((s) => s.id));
  const keeps = (id: string | null) => id === null || kept.has(id);
  const feedback = mine(REALISTIC.feedback).filter((f) => keeps(f.sessionId));
  const personIds = new Set([
    ...relationships.flatMap((r) => r.personIds),
    ...feedback.flatMap((f) => (f.personId === null ? [] : [f.personId])),
  ]);
  return structuredClone({
    people: REALISTIC.people.filter((p) => personIds.has(p.id)),
    relationships,
    sessions,
    talkingPoints: mine(REALISTIC.talkingPoints).filter((p) => keeps(p.sessionId)),
    agreements: mine(REALISTIC.agreements).filter((a) => keeps(a.madeInSessionId)),
    goals: mine(REALISTIC.goals),
    feedback,
    templates: withTemplate ? [MY_TEMPLATE] : [],
    settings: REALISTIC.settings,
  });
}

const RELATIONSHIP_IDS = REALISTIC.relationships.map((r) => r.id);

/** What the database holds before each fuzzed import: two series the fuzzed files mostly do not contain. */
const BASE = slice(RELATIONSHIP_IDS.slice(-2), 2, false);

// Free text that a valid export may carry: any Unicode (lone surrogates too), markup, the maximum lengths.
const anyText = (max: number, min = 0) =>
  fc
    .oneof(
      { weight: 5, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: 60 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('<script>alert(1)</script>', '"},"__proto__":{"x":1}', '\u202e'),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: max, maxLength: max }) },
    )
    .map((s) => s.slice(0, max))
    .filter((s) => s.length >= min);

/** Edits that keep a record valid: new names, titles and note text. */
const TEXT_EDITS: Array<{
  table: ExportTable;
  apply: (row: Row, text: string) => void;
  max: number;
  min: number;
}> = [
  { table: 'people', apply: (r, t) => (r.name = t), max: 1000, min: 1 },
  { table: 'relationships', apply: (r, t) => (r.title = t), max: 1000, min: 0 },
  { table: 'sessions', apply: (r, t) => (r.privateNotes = t), max: 2000, min: 0 },
  {
    table: 'sessions',
    apply: (r, t) => ((r.notes as Record<string, string>)['general'] = t),
    max: 2000,
    min: 0,
  },
  { table: 'talkingPoints', apply: (r, t) => (r.text = t), max: 1000, min: 1 },
  { table: 'agreements', apply: (r, t) => (r.text = t), max: 1000, min: 1 },
  { table: 'goals', apply: (r, t) => (r.title = t), max: 1000, min: 1 },
  { table: 'feedback', apply: (r, t) => (r.text = t), max: 2000, min: 1 },
];

const textEdit = fc.integer({ min: 0, max: TEXT_EDITS.length - 1 }).chain((which) =>
  fc.record({
    which: fc.constant(which),
    index: fc.nat(),
    text: anyText(TEXT_EDITS[which]!.max, TEXT_EDITS[which]!.min),
  }),
);

/** A valid export: a slice of the realistic profile, some of its text replaced by arbitrary text. */
const validExport: fc.Arbitrary<ExportData> = fc
  .record({
    relationships: fc.subarray(RELATIONSHIP_IDS, { minLength: 1, maxLength: 2 }),
    maxSessions: fc.integer({ min: 1, max: 4 }),
    withTemplate: fc.boolean(),
    edits: fc.array(textEdit, { maxLength: 4 }),
  })
  .map(({ relationships, maxSessions, withTemplate, edits }) => {
    const data = slice(relationships, maxSessions, withTemplate);
    for (const { which, index, text } of edits) {
      const edit = TEXT_EDITS[which]!;
      const rows = data[edit.table] as unknown as Row[];
      if (rows.length > 0) edit.apply(rows[index % rows.length]!, text);
    }
    return data;
  });

// The database, fingerprinted ---------------------------------------------------------------------------

const byId = (rows: unknown[]) =>
  [...(rows as Row[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

interface Fingerprint {
  counts: Record<string, number>;
  sha256: string;
}

/** Row counts and a checksum of every table, the quarantine included. */
async function fingerprint(db: DuetDatabase = getDatabase()): Promise<Fingerprint> {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const table of [...db.dataTables, db.quarantine]) {
    const rows = await table.toArray();
    counts[table.name] = rows.length;
    hash.update(`${table.name}:${JSON.stringify(rows)}\n`);
  }
  return { counts, sha256: hash.digest('hex') };
}

/** The data tables, each sorted by id. */
async function contents(db: DuetDatabase = getDatabase()): Promise<ExportData> {
  const { data } = await exportAll(db, NOW);
  return Object.fromEntries(EXPORT_TABLES.map((t) => [t, byId(data[t])])) as unknown as ExportData;
}

const sorted = (data: ExportData) =>
  Object.fromEntries(EXPORT_TABLES.map((t) => [t, byId(data[t])])) as unknown as ExportData;

/** What a successful import must leave: the file alone (replace), or the file over what was there (merge). */
function expectedAfter(before: ExportData, data: ExportData, mode: ImportMode): ExportData {
  if (mode === 'replace') return sorted(data);
  return Object.fromEntries(
    EXPORT_TABLES.map((t) => {
      const rows = new Map((before[t] as unknown as Row[]).map((r) => [r.id, r]));
      // A merge keeps the stored version when it is newer (a later updatedAt); a tie goes to the file.
      for (const row of data[t] as unknown as Row[]) {
        const here = rows.get(row.id)?.updatedAt as number | undefined;
        if (!(here !== undefined && here > (row.updatedAt as number))) rows.set(row.id, row);
      }
      return [t, byId([...rows.values()])];
    }),
  ) as unknown as ExportData;
}

let dirty = true;

/** The database as each run starts: BASE plus a quarantined row (reset only after an import went through). */
async function resetDatabase() {
  if (!dirty) return;
  await deleteAllData();
  await applyImport(validateImport(fileOf(BASE)), 'replace');
  await getDatabase().quarantine.add({ table: 'notes (v1)', reason: 'fuzz', raw: '{"a":1}', at: 1 });
  dirty = false;
}

/**
 * Imports `text` the way the options page does and checks all-or-nothing: an ImportError that says nothing
 * changed and an untouched database, or success and exactly the expected data. Returns which happened.
 */
async function importAllOrNothing(text: string, mode: ImportMode): Promise<'rejected' | 'imported'> {
  await resetDatabase();
  const before = await fingerprint();
  const beforeData = await contents();
  let imported: ExportData;
  try {
    imported = await importFromText(text, mode);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/Nothing was changed\.$/);
    expect(await fingerprint()).toEqual(before);
    return 'rejected';
  }
  dirty = true;
  expect(await contents()).toEqual(expectedAfter(beforeData, imported, mode));
  const quarantine = await getDatabase().quarantine.count();
  expect(quarantine).toBe(before.counts.quarantine);
  return 'imported';
}

const mode = fc.constantFrom<ImportMode>('replace', 'merge');

beforeEach(() => {
  // tests/unit/setup.ts gives every test a new, empty database.
  dirty = true;
});

// Valid exports -------------------------------------------------------------------------------------------

describe('valid exports import completely and round-trip', () => {
  it(
    'the realistic demo profile: export → import into an empty database → export gives the same data',
    async () => {
      const text = serializeExport(fileOf(REALISTIC));
      const imported = await importFromText(text, 'replace');
      expect(sorted(imported)).toEqual(sorted(REALISTIC));
      const out = await exportAll(getDatabase(), NOW);
      expect(sorted(out.data)).toEqual(sorted(REALISTIC));
      expect(serializeExport(out)).toBe(serializeExport(fileOf(out.data)));
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'any slice of it, with arbitrary text: previewed without writing, then imported and exported equal',
    async () => {
      await fc.assert(
        fc.asyncProperty(validExport, mode, async (data, how) => {
          await resetDatabase();
          const text = serializeExport(fileOf(data));
          const validated = validateImport(parseImportText(text));
          expect(validated).toEqual(data);

          const before = await fingerprint();
          const preview = await previewImport(validated, how);
          expect(await fingerprint()).toEqual(before);
          for (const table of EXPORT_TABLES) {
            const { added, updated, unchanged } = preview.changes[table];
            expect(added + updated + unchanged).toBe(data[table].length);
          }

          expect(await importAllOrNothing(text, how)).toBe('imported');
          if (how === 'replace') expect(await contents()).toEqual(sorted(data));
        }),
        { numRuns: 15 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

// Arbitrary input -----------------------------------------------------------------------------------------

describe('arbitrary files are refused whole, with an ImportError only', () => {
  it(
    'arbitrary text',
    async () => {
      const text = fc.oneof(
        fc.string({ unit: 'binary' }),
        fc.json(),
        fc.constantFrom('', '{', '[]', 'null', '"duet-export"', '{"format":"duet-export"}', '\ufeff{}'),
      );
      await fc.assert(
        fc.asyncProperty(text, mode, async (t, how) => {
          expect(await importAllOrNothing(t, how)).toBe('rejected');
        }),
        { numRuns: 50 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'arbitrary JSON with a Duet header: refused, or (sections of valid records) imported whole',
    async () => {
      const header = fc.record(
        {
          format: fc.oneof(fc.constant(EXPORT_FORMAT), fc.string()),
          version: fc.oneof(fc.constant(EXPORT_VERSION), fc.integer(), fc.double(), fc.string()),
          exportedAt: fc.oneof(fc.constant(NOW), fc.integer(), fc.double()),
          app: fc.oneof(fc.constant('Duet'), fc.string({ maxLength: 120 })),
          data: fc.oneof(
            fc.dictionary(
              fc.oneof(fc.constantFrom(...EXPORT_TABLES), fc.string()),
              fc.oneof(
                fc.constant([]),
                fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
                fc.jsonValue({ maxDepth: 2 }),
              ),
              { maxKeys: 4 },
            ),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          extra: fc.jsonValue({ maxDepth: 1 }),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(header, mode, async (file, how) => {
          await importAllOrNothing(JSON.stringify(file), how);
        }),
        { numRuns: 50 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'validateImport never throws anything but an ImportError, whatever the value',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.jsonValue(),
            fc.record({
              format: fc.constant(EXPORT_FORMAT),
              version: fc.constant(EXPORT_VERSION),
              data: fc.anything(),
            }),
            fc.anything({
              withDate: true,
              withMap: true,
              withSet: true,
              withBigInt: true,
              withNullPrototype: true,
            }),
          ),
          (raw) => {
            try {
              validateImport(raw);
            } catch (error) {
              expect(error).toBeInstanceOf(ImportError);
            }
          },
        ),
        { numRuns: 300 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

// Tampered exports ----------------------------------------------------------------------------------------

/** Fields a record may lack: import fills them in (rows written before these fields existed). */
const DEFAULTED: Partial<Record<ExportTable, Record<string, unknown>>> = {
  sessions: { live: null, assessment: null },
  templates: { retired: false },
  // Fields added after the first export format carry defaults: an older file without them imports.
  settings: {
    ignoredSeries: [],
    meetPanel: 'open',
    seriesTitles: {},
    detection: defaultDetectionRules(),
    reminders: defaultReminderSettings(),
  },
};

type Category = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
const categoryOf = (value: unknown): Category =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as Category);
const BY_CATEGORY: Record<Category, fc.Arbitrary<unknown>> = {
  string: fc.string(),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
  object: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
};

/** A value of another JSON type: never the same type, never null (nullable fields), never a number for a null. */
function retypedFrom(value: unknown): fc.Arbitrary<unknown> {
  const from = categoryOf(value);
  const to: Category[] =
    from === 'null'
      ? ['boolean', 'array']
      : (['string', 'number', 'boolean', 'array', 'object'] as const).filter((c) => c !== from);
  return fc.oneof(...to.map((c) => BY_CATEGORY[c]));
}

interface Tampered {
  label: string;
  text: string;
  /** `reject`: must be refused; `default`: must import with this field defaulted; `either`: all or nothing. */
  expect: 'reject' | 'either' | { table: ExportTable; id: string; field: string; value: unknown };
}

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Every object inside a JSON value (for key injection), as paths. */
function objectPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const children = Array.isArray(value)
    ? value.flatMap((child, i) => objectPaths(child, [...path, i]))
    : Object.entries(value).flatMap(([key, child]) => objectPaths(child, [...path, key]));
  return Array.isArray(value) ? children : [path, ...children];
}

/** References the importer must resolve inside the file. */
const REFERENCES: Array<{ table: ExportTable; field: string; list?: true; target: ExportTable }> = [
  { table: 'relationships', field: 'personIds', list: true, target: 'people' },
  { table: 'sessions', field: 'relationshipId', target: 'relationships' },
  { table: 'talkingPoints', field: 'relationshipId', target: 'relationships' },
  { table: 'talkingPoints', field: 'sessionId', target: 'sessions' },
  { table: 'agreements', field: 'relationshipId', target: 'relationships' },
  { table: 'agreements', field: 'madeInSessionId', target: 'sessions' },
  { table: 'goals', field: 'relationshipId', target: 'relationships' },
  { table: 'feedback', field: 'relationshipId', target: 'relationships' },
  { table: 'feedback', field: 'sessionId', target: 'sessions' },
  { table: 'feedback', field: 'personId', target: 'people' },
];

const tampered: fc.Arbitrary<Tampered> = validExport.chain((data) => {
  const file = fileOf(data);
  const text = serializeExport(file);
  const tables = EXPORT_TABLES.filter((t) => data[t].length > 0);
  const record = fc
    .tuple(fc.constantFrom(...tables), fc.nat())
    .map(([table, i]) => ({ table, index: i % data[table].length }));
  const edit = (change: (copy: ExportFile) => void) => {
    const copy = structuredClone(file);
    change(copy);
    return JSON.stringify(copy);
  };
  const rowOf = (copy: ExportFile, table: ExportTable, index: number) =>
    (copy.data[table] as unknown as Row[])[index]!;

  const deleteField = record.chain(({ table, index }) =>
    fc.constantFrom(...Object.keys(data[table][index]!)).map((field): Tampered => {
      const defaulted = DEFAULTED[table];
      const id = (data[table][index] as Row).id;
      return {
        label: `delete ${table}[${index}].${field}`,
        text: edit((copy) => delete rowOf(copy, table, index)[field]),
        expect: defaulted && field in defaulted ? { table, id, field, value: defaulted[field] } : 'reject',
      };
    }),
  );

  const retype = record.chain(({ table, index }) =>
    fc.constantFrom(...Object.keys(data[table][index]!)).chain((field) =>
      retypedFrom((data[table][index] as Row)[field]).map((value): Tampered => ({
        label: `${table}[${index}].${field} := ${JSON.stringify(value)}`,
        text: edit((copy) => (rowOf(copy, table, index)[field] = value)),
        expect: 'reject',
      })),
    ),
  );

  const duplicate = fc
    .tuple(record, fc.boolean(), fc.nat())
    .map(([{ table, index }, altered, at]): Tampered => ({
      label: `duplicate ${table}[${index}]${altered ? ' (altered)' : ''}`,
      text: edit((copy) => {
        const rows = copy.data[table] as unknown as Row[];
        const twin = structuredClone(rows[index]!);
        if (altered && 'updatedAt' in twin) twin.updatedAt = NOW + 1;
        rows.splice(at % (rows.length + 1), 0, twin);
      }),
      expect: 'reject',
    }));

  const sites = REFERENCES.flatMap((ref) =>
    data[ref.table].flatMap((row, index) => {
      const value = (row as Row)[ref.field];
      if (ref.list) return (value as string[]).map((_, item) => ({ ...ref, index, item }));
      return [{ ...ref, index, item: -1 }];
    }),
  );
  const dangle = fc
    .tuple(fc.constantFrom(...sites), fc.stringMatching(/^[A-Za-z0-9_.:@-]{1,40}$/))
    .filter(([site, ghost]) => !(data[site.target] as unknown as Row[]).some((r) => r.id === ghost))
    .filter(([, ghost]) => !FORBIDDEN_KEYS.includes(ghost as (typeof FORBIDDEN_KEYS)[number]))
    .map(([site, ghost]): Tampered => ({
      label: `${site.table}[${site.index}].${site.field} → missing ${site.target} ${ghost}`,
      text: edit((copy) => {
        const row = rowOf(copy, site.table, site.index);
        if (site.list) (row[site.field] as string[])[site.item] = ghost;
        else row[site.field] = ghost;
      }),
      expect: 'reject',
    }));

  // Removing a record something else refers to.
  const referenced = sites.flatMap((site) => {
    const row = data[site.table][site.index] as Row;
    const id = site.list ? (row[site.field] as string[])[site.item] : row[site.field];
    return typeof id === 'string' ? [{ target: site.target, id }] : [];
  });
  const removeReferenced =
    referenced.length === 0
      ? dangle
      : fc.constantFrom(...referenced).map(({ target, id }): Tampered => ({
          label: `remove ${target} ${id}, still referred to`,
          text: edit((copy) => {
            const rows = copy.data[target] as unknown as Row[];
            rows.splice(
              rows.findIndex((r) => r.id === id),
              1,
            );
          }),
          expect: 'reject',
        }));

  const inject = fc
    .tuple(
      fc.constantFrom(...objectPaths(file)),
      fc.constantFrom(...FORBIDDEN_KEYS),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map(([path, key, value]): Tampered => ({
      label: `"${key}" in ${path.join('.') || 'the file'}`,
      text: edit((copy) => {
        let at: unknown = copy;
        for (const k of path) at = (at as Record<string | number, unknown>)[k];
        Object.defineProperty(at, key, { value, enumerable: true, writable: true, configurable: true });
      }),
      expect: 'reject',
    }));

  const truncate = fc.integer({ min: 0, max: text.length - 1 }).map((at): Tampered => ({
    label: `cut at ${at} of ${text.length}`,
    text: text.slice(0, at),
    expect: 'reject',
  }));

  const changeCharacter = fc
    .tuple(
      fc.integer({ min: 0, max: text.length - 1 }),
      fc.string({ unit: 'binary', minLength: 0, maxLength: 2 }),
    )
    .map(([at, replacement]): Tampered => ({
      label: `character ${at} → ${JSON.stringify(replacement)}`,
      text: text.slice(0, at) + replacement + text.slice(at + 1),
      expect: 'either',
    }));

  return fc.oneof(
    deleteField,
    retype,
    duplicate,
    dangle,
    removeReferenced,
    inject,
    truncate,
    changeCharacter,
  );
});

describe('tampered exports are refused whole, the database untouched', () => {
  it(
    'a field deleted or retyped, an id duplicated, a dangling reference, a prototype key, a cut, a changed character',
    async () => {
      await fc.assert(
        fc.asyncProperty(tampered, mode, async (t, how) => {
          const outcome = await importAllOrNothing(t.text, how);
          if (t.expect === 'reject') expect(outcome).toBe('rejected');
          else if (t.expect !== 'either') {
            expect(outcome).toBe('imported');
            const row = (await getDatabase().table(t.expect.table).get(t.expect.id)) as Row | undefined;
            expect(row?.[t.expect.field]).toEqual(t.expect.value);
          }
        }),
        { numRuns: 150 },
      );
      // Nothing above may have polluted a prototype.
      expect(Object.keys(Object.prototype)).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );
});
