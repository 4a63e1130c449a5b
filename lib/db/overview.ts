/**
 * The hot read: what the panel shows for one relationship — a handful of index lookups whose cost grows
 * with what is shown, not with the size of the history (measured by `npm run bench`). The popup's lists
 * are in `popup-view.ts`.
 */
import Dexie from 'dexie';
import { cadenceHealth, type CadenceHealth } from '../domain/cadence';
import { dayOf } from '../domain/days';
import type { Agreement, Person, Relationship, Session, TalkingPoint } from '../domain/model';
import { type DuetDatabase, getDatabase } from './database';
import { openAgreements } from './agreements';
import { lastHeldSession, nextSession } from './sessions';
import { upcomingTalkingPoints } from './talking-points';

export interface RelationshipOverview {
  relationship: Relationship;
  people: Person[];
  lastSession: Session | undefined;
  nextSession: Session | undefined;
  openAgreements: Agreement[];
  talkingPoints: TalkingPoint[];
  cadence: CadenceHealth;
}

export async function loadRelationshipOverview(
  relationshipId: string,
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
): Promise<RelationshipOverview | undefined> {
  return db.transaction(
    'r',
    [db.relationships, db.people, db.sessions, db.agreements, db.talkingPoints],
    async () => {
      const relationship = await db.relationships.get(relationshipId);
      if (!relationship) return undefined;
      const [people, last, next, agreements, points] = await Promise.all([
        db.people.bulkGet(relationship.personIds),
        lastHeldSession(relationshipId, db),
        nextSession(relationshipId, db),
        openAgreements(relationshipId, db),
        upcomingTalkingPoints(relationshipId, db),
      ]);
      return {
        relationship,
        people: people.filter((p): p is Person => p !== undefined),
        lastSession: last,
        nextSession: next,
        openAgreements: agreements,
        talkingPoints: points,
        cadence: cadenceHealth(last ? dayOf(last.scheduledAt) : null, relationship.cadenceDays, dayOf(now)),
      };
    },
  );
}

/** At most this many skipped 1:1s' notes are shown before a meeting. */
export const SKIPPED_NOTES_LIMIT = 3;

/** Whether a session has notes written in a section (private notes are not shown in the panel). */
const hasSectionNotes = (session: Session) => Object.values(session.notes).some((text) => text.trim() !== '');

/**
 * The cancelled ("skipped") 1:1s of a relationship scheduled strictly between `after` and `before` that have
 * notes written in them, newest first, at most `limit`: prep written for a 1:1 that then did not take place,
 * shown before the next one. `exceptEventKey`: the Calendar event shown, whose own session's notes show
 * already. An index range read from the end, not a scan of the history.
 */
export function skippedSessionsWithNotes(
  relationshipId: string,
  after: number | null,
  before: number,
  exceptEventKey: string | null = null,
  limit: number = SKIPPED_NOTES_LIMIT,
  db: DuetDatabase = getDatabase(),
): Promise<Session[]> {
  const lower = after ?? Dexie.minKey;
  const upper = Number.isFinite(before) ? before : Dexie.maxKey;
  return db.sessions
    .where('[relationshipId+status+scheduledAt]')
    .between([relationshipId, 'cancelled', lower], [relationshipId, 'cancelled', upper], false, false)
    .reverse()
    .filter(
      (session) =>
        (exceptEventKey === null || session.calendarEventId !== exceptEventKey) && hasSectionNotes(session),
    )
    .limit(limit)
    .toArray();
}

export interface RecordCounts {
  people: number;
  relationships: number;
  sessions: number;
  agreements: number;
  /** Rows an upgrade could not convert (kept, shown to the user). */
  quarantined: number;
}

export async function countRecords(db: DuetDatabase = getDatabase()): Promise<RecordCounts> {
  const [people, relationships, sessions, agreements, quarantined] = await Promise.all([
    db.people.count(),
    db.relationships.count(),
    db.sessions.count(),
    db.agreements.count(),
    db.quarantine.count(),
  ]);
  return { people, relationships, sessions, agreements, quarantined };
}
