/**
 * The Duet database. Versions are append-only: never edit a shipped `version(n)`; add `version(n+1)`
 * with its `upgrade()` in ./migrations.ts and a test that starts from saved data of version n
 * (tests/unit/db/migrations.test.ts).
 */
import Dexie, { type Table } from 'dexie';
import type {
  Agreement,
  Feedback,
  Goal,
  Person,
  Relationship,
  Session,
  Settings,
  TalkingPoint,
  Template,
  Tombstone,
  TombstoneTable,
} from '../domain/model';
import { upgradeNotesToSessions } from './migrations';
import type { LegacyNoteV1, QuarantinedRecord } from './migrations';
import { DATABASE_NAME, LATEST_VERSION, SCHEMA_VERSIONS } from './schema';

export { DATABASE_NAME, LATEST_VERSION, SCHEMA_VERSIONS };

export class DuetDatabase extends Dexie {
  people!: Table<Person, string>;
  relationships!: Table<Relationship, string>;
  sessions!: Table<Session, string>;
  talkingPoints!: Table<TalkingPoint, string>;
  agreements!: Table<Agreement, string>;
  goals!: Table<Goal, string>;
  feedback!: Table<Feedback, string>;
  templates!: Table<Template, string>;
  settings!: Table<Settings, string>;
  /** Rows an upgrade or import could not convert, kept (never silently dropped) for the user to see. */
  quarantine!: Table<QuarantinedRecord, number>;
  /** Records deleted here, one per table and id (./tombstones.ts); exported, and read by a merge import. */
  tombstones!: Table<Tombstone, [TombstoneTable, string]>;
  /** Only present while upgrading from version 1. */
  notes!: Table<LegacyNoteV1, string>;

  constructor(name: string = DATABASE_NAME) {
    // Strict durability: a save resolves only once it is on disk (SECURITY.md item 20).
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(SCHEMA_VERSIONS[1]);
    // 2: the real data model; each v1 note becomes a held session of a relationship for its series.
    this.version(2)
      .stores(SCHEMA_VERSIONS[2])
      .upgrade((tx) => upgradeNotesToSessions(tx));
    // 3: the v1 notes table is gone (its rows live on as sessions or in quarantine).
    this.version(3).stores(SCHEMA_VERSIONS[3]);
    // 4: a record of each deletion (tombstones); nothing to convert, the table starts empty.
    this.version(4).stores(SCHEMA_VERSIONS[4]);
    // 5: an index of agreements by status and creation time; nothing to convert.
    this.version(5).stores(SCHEMA_VERSIONS[5]);
  }

  /**
   * The tables that hold the user's records (what export/import/delete-all cover; those three also cover
   * `tombstones`, which records deletions rather than data).
   */
  get dataTables() {
    return [
      this.people,
      this.relationships,
      this.sessions,
      this.talkingPoints,
      this.agreements,
      this.goals,
      this.feedback,
      this.templates,
      this.settings,
    ] as const;
  }
}

let shared: DuetDatabase | null = null;

/** The one shared instance for an extension page or the worker. */
export function getDatabase(): DuetDatabase {
  shared ??= new DuetDatabase();
  return shared;
}

/** Tests only: swap in a fresh database. */
export function setDatabaseForTests(db: DuetDatabase | null): void {
  shared = db;
}
