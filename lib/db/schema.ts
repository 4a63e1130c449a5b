/**
 * The database's name and every version's tables and indexes, as plain data: `database.ts` declares them
 * to Dexie, and the popup's first read (`popup-view.ts`, raw IndexedDB) checks it opened the version it
 * knows. Versions are append-only.
 */
export const DATABASE_NAME = 'duet';

/** Every version's table definitions, oldest first. Append only. */
export const SCHEMA_VERSIONS = {
  1: { notes: 'eventKey, seriesKey, updatedAt' },
  2: {
    people: 'id, *emails, relation',
    relationships: 'id, *personIds, *calendarSeriesIds, *meetCodes',
    sessions:
      'id, relationshipId, calendarEventId, [relationshipId+scheduledAt], [relationshipId+status+scheduledAt], [status+scheduledAt], updatedAt',
    talkingPoints: 'id, [relationshipId+status], sessionId',
    agreements:
      'id, [relationshipId+status], status, [status+dueDate], [status+owner], madeInSessionId, updatedAt',
    goals: 'id, relationshipId',
    feedback: 'id, relationshipId, personId, sessionId',
    templates: 'id',
    settings: 'id',
    quarantine: '++seq, table',
  },
  3: { notes: null },
  // Deleted records (table, id, deletedAt), so a merge import does not bring them back (tombstones.ts).
  4: { tombstones: '[table+id], deletedAt' },
  // Active agreements by age: the popup lists undated ones oldest first without reading them all.
  5: {
    agreements:
      'id, [relationshipId+status], status, [status+dueDate], [status+owner], [status+createdAt], madeInSessionId, updatedAt',
  },
} as const;
export const LATEST_VERSION = 5;

/** The IndexedDB version Dexie gives schema version n (n × 10). */
export const LATEST_IDB_VERSION = LATEST_VERSION * 10;
