/**
 * Duet's export file: a versioned JSON document holding every record. `version` changes only when the
 * file's shape changes; older versions stay importable by converting them on import. An optional section
 * added since (`data.tombstones`, absent from older files) is not a change of shape, as fields added to
 * records are not.
 */
import { z } from '../domain/zod';
import {
  AgreementSchema,
  FeedbackSchema,
  GoalSchema,
  PersonSchema,
  RelationshipSchema,
  SessionSchema,
  SettingsSchema,
  TalkingPointSchema,
  TemplateSchema,
  type Tombstone,
  TOMBSTONE_TABLES,
} from '../domain/model';

export const EXPORT_FORMAT = 'duet-export';
export const EXPORT_VERSION = 1;
/**
 * Larger files are refused before parsing. A real history is a few MB; the large demo profile (200 people,
 * 52,000 sessions, 102,000 agreements) exports to about 80 MB, and every export Duet writes must import.
 */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;

/** Every table whose records can be deleted (and so have tombstones), then the settings row. */
export const EXPORT_TABLES = [...TOMBSTONE_TABLES, 'settings'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export const RECORD_SCHEMAS = {
  people: PersonSchema,
  relationships: RelationshipSchema,
  sessions: SessionSchema,
  talkingPoints: TalkingPointSchema,
  agreements: AgreementSchema,
  goals: GoalSchema,
  feedback: FeedbackSchema,
  templates: TemplateSchema,
  settings: SettingsSchema,
} as const satisfies Record<ExportTable, z.ZodType>;

/**
 * The optional section beside the tables: the deletions this device remembers (`lib/db/tombstones.ts`).
 * Written only when there are some, so a file without any still imports into a Duet from before it.
 */
export const TOMBSTONES_SECTION = 'tombstones';

/**
 * The optional section of records Duet could not read (a row an upgrade kept but could not convert, or one
 * that fails its schema or points at a record that is gone): each kept as its raw JSON with the reason, so
 * an export holds everything and still imports. Imported back into the quarantine, never into the notes.
 */
export const QUARANTINE_SECTION = 'quarantine';

export const QuarantineRowSchema = z.strictObject({
  table: z.string().max(100),
  reason: z.string().max(2_000),
  raw: z.string().max(4_000_000),
  at: z.number().int().nonnegative(),
});
export type QuarantineRow = z.infer<typeof QuarantineRowSchema>;

/** Which quarantined record a row is: the same record kept aside twice has one key. */
export const quarantineKey = (row: Pick<QuarantineRow, 'table' | 'raw'>) => `${row.table}\u0000${row.raw}`;

/** Each quarantined record once (by where it came from and its raw text): the last copy of each is kept. */
export function uniqueQuarantine<R extends Pick<QuarantineRow, 'table' | 'raw'>>(rows: readonly R[]): R[] {
  return [...new Map(rows.map((row) => [quarantineKey(row), row])).values()];
}

export type ExportData = { [T in ExportTable]: z.infer<(typeof RECORD_SCHEMAS)[T]>[] } & {
  tombstones?: Tombstone[];
  quarantine?: QuarantineRow[];
  /**
   * Tables the file had no section for (read as empty). Duet writes every table, so a file without one was
   * cut or edited: merging it adds what it has, replacing with it is refused.
   */
  missingTables?: ExportTable[];
};

export const ExportHeaderSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  exportedAt: z.number().int().nonnegative(),
  app: z.string().max(100),
  data: z.record(z.string(), z.unknown()),
});

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  app: string;
  data: ExportData;
}

export function emptyExportData(): ExportData {
  return Object.fromEntries(EXPORT_TABLES.map((t) => [t, []])) as unknown as ExportData;
}
