/**
 * Tombstones: a record of each deletion (table, id, deletedAt), written in the transaction that deletes
 * the record, so a merge import of an older export does not bring it back, and an export carries the
 * deletion to another device (lib/io/import.ts). Bounded: a tombstone older than a year is forgotten, and
 * only the newest `MAX_TOMBSTONES` are kept — a backup older than that brings back what it holds (as before
 * tombstones existed; nothing is lost, it can be deleted or merged again).
 */
import type { Tombstone, TombstoneTable } from '../domain/model';
import type { DuetDatabase } from './database';

const DAY = 86_400_000;

/** How long a deletion is remembered. */
export const TOMBSTONE_MAX_AGE_MS = 365 * DAY;
/** The most deletions remembered (the newest stay): a few hundred kB at most. */
export const MAX_TOMBSTONES = 10_000;

/** Deletions before this instant are forgotten. */
export function tombstoneCutoff(now: number): number {
  return now - TOMBSTONE_MAX_AGE_MS;
}

/** One string per table and id (ids never contain `/`), for maps and sets. */
export function tombstoneKey(table: string, id: string): string {
  return `${table}/${id}`;
}

/**
 * Records that these records were deleted at `now`, then prunes (`pruneTombstones`). Call it inside the
 * transaction that deletes them (with `db.tombstones` in its scope): both or neither are written.
 */
export async function recordDeletions(
  db: DuetDatabase,
  table: TombstoneTable,
  rows: ReadonlyArray<{ id: string; updatedAt: number }>,
  now: number,
): Promise<void> {
  if (rows.length === 0) return;
  await db.tombstones.bulkPut(
    rows.map(({ id, updatedAt }) => ({ table, id, deletedAt: now, version: updatedAt })),
  );
  await pruneTombstones(db, now);
}

/** Forgets deletions older than a year, then all but the newest `MAX_TOMBSTONES`. */
export async function pruneTombstones(
  db: DuetDatabase,
  now: number,
  max: number = MAX_TOMBSTONES,
): Promise<void> {
  await db.tombstones.where('deletedAt').below(tombstoneCutoff(now)).delete();
  const extra = (await db.tombstones.count()) - max;
  if (extra > 0) await db.tombstones.orderBy('deletedAt').limit(extra).delete();
}

/** The deletions remembered (none older than a year), oldest first. */
export async function listTombstones(db: DuetDatabase, now: number = Date.now()): Promise<Tombstone[]> {
  return db.tombstones.where('deletedAt').aboveOrEqual(tombstoneCutoff(now)).toArray();
}
