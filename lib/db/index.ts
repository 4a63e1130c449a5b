/**
 * `lib/db` is for extension pages and the worker only: content scripts must never import it (a lint rule
 * enforces this). Repositories here are the only code that queries the database.
 */
export {
  DuetDatabase,
  getDatabase,
  setDatabaseForTests,
  DATABASE_NAME,
  LATEST_VERSION,
  SCHEMA_VERSIONS,
} from './database';
export { describeStorageProblem, EditConflictError, InvalidInputError, type StorageProblem } from './errors';
export { GENERAL_NOTES_SECTION, instantFromEventKey, type QuarantinedRecord } from './migrations';
export * from './people';
export * from './relationships';
export * from './sessions';
export * from './live-sessions';
export * from './talking-points';
export * from './agreements';
export * from './goals-feedback';
export * from './settings';
export * from './overview';
export * from './event-notes';
export * from './history';
export * from './people-admin';
export * from './popup';
export * from './reminders';
export * from './changes';
export * from './tombstones';
