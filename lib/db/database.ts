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
import { DatabaseBlockedError } from './errors';
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
  /**
   * This page's upgrade of the database waits for another page that keeps an older version open (an older
   * Duet, a frozen tab): Dexie then waits, and every read and write waits with it, until that page lets go.
   */
  private upgradeBlocked = false;
  private readonly onBlocked = new Set<() => void>();

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
    // Duet's own connection closes when another page upgrades (Dexie's default on 'versionchange'), so it
    // never blocks that page; another page may still block this one's upgrade: say so (`unlessBlocked`).
    this.on('blocked', (event) => {
      if (!event.newVersion) return; // a delete, not an upgrade
      this.upgradeBlocked = true;
      for (const listener of [...this.onBlocked]) listener();
      // Until the open ends, either way.
      const over = () => {
        this.upgradeBlocked = false;
      };
      void this.open().then(over, over);
    });
  }

  /** Whether this page's upgrade of the database waits for another page to let go of it. */
  get blocked(): boolean {
    return this.upgradeBlocked;
  }

  /** `operation`, or a DatabaseBlockedError once the upgrade is blocked (now or while it waits). */
  untilBlocked<T>(operation: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = () => reject(new DatabaseBlockedError());
      this.onBlocked.add(fail);
      operation.then(resolve, reject).finally(() => this.onBlocked.delete(fail));
      if (this.upgradeBlocked) fail();
    });
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

/** Whether Duet's database waits on an upgrade another Duet page blocks (`DuetDatabase.blocked`). */
export function isBlocked(db: DuetDatabase = getDatabase()): boolean {
  return db.blocked;
}

/**
 * `work(db)`, or a DatabaseBlockedError (StorageProblem `blocked`) as soon as the database waits on an
 * upgrade another Duet page blocks, instead of waiting with it for as long as that page stays open. A
 * database not open yet is opened first, so work given up is never started (it would otherwise run later,
 * behind the open). An open that fails is left to `work` to report, as it always did. `work` gets the
 * database it was called for (the shared one may be another by the time it starts: tests swap it).
 */
export async function unlessBlocked<T>(
  work: (db: DuetDatabase) => Promise<T>,
  db: DuetDatabase = getDatabase(),
): Promise<T> {
  if (!db.isOpen() && !db.hasFailed())
    await db.untilBlocked(
      db.open().then(
        () => undefined,
        () => undefined,
      ),
    );
  if (db.blocked) throw new DatabaseBlockedError();
  return db.untilBlocked(work(db));
}

/** Tests only: swap in a fresh database. */
export function setDatabaseForTests(db: DuetDatabase | null): void {
  shared = db;
}
