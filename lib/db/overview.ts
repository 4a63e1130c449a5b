/**
 * The hot reads: what the panel shows for one relationship, and the popup's default lists. Each is a
 * handful of index lookups — their cost grows with what is shown, not with the size of the history
 * (measured by `npm run bench`).
 */
import { cadenceHealth, type CadenceHealth } from '../domain/cadence';
import { type Day, dayOf } from '../domain/days';
import { AGREEMENT_FILTERS, type AgreementFilter, matchesFilter } from '../domain/agreements';
import type { Agreement, Person, Relationship, Session, TalkingPoint } from '../domain/model';
import { type DuetDatabase, getDatabase } from './database';
import { allActiveAgreements, openAgreements } from './agreements';
import { lastHeldSession, nextSession, sessionsBetween } from './sessions';
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
  return db.transaction('r', [db.relationships, db.people, db.sessions, db.agreements, db.talkingPoints], async () => {
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
  });
}

export interface AgreementGroup {
  relationship: Relationship;
  agreements: Agreement[];
}

export interface PopupLists {
  today: Day;
  /** How many active agreements match each filter. */
  counts: Record<AgreementFilter, number>;
  /** The selected filter's agreements, grouped by relationship (groups with overdue items first). */
  groups: AgreementGroup[];
  /** Upcoming sessions of the next 7 days, earliest first. */
  upcoming: Array<{ session: Session; relationship: Relationship }>;
}

export async function loadPopupLists(
  filter: AgreementFilter = 'all-open',
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
): Promise<PopupLists> {
  const today = dayOf(now);
  return db.transaction('r', [db.agreements, db.relationships, db.sessions], async () => {
    const [active, upcomingSessions] = await Promise.all([
      allActiveAgreements(db),
      sessionsBetween(now, now + 7 * 86_400_000, ['upcoming', 'rescheduled'], db),
    ]);
    const counts = Object.fromEntries(
      AGREEMENT_FILTERS.map((f) => [f, active.filter((a) => matchesFilter(a, f, today)).length]),
    ) as Record<AgreementFilter, number>;
    const selected = active.filter((a) => matchesFilter(a, filter, today));
    const relationshipIds = [
      ...new Set([...selected.map((a) => a.relationshipId), ...upcomingSessions.map((s) => s.relationshipId)]),
    ];
    const relationships = new Map(
      (await db.relationships.bulkGet(relationshipIds))
        .filter((r): r is Relationship => r !== undefined)
        .map((r) => [r.id, r]),
    );
    const byRelationship = new Map<string, Agreement[]>();
    for (const agreement of selected) {
      const list = byRelationship.get(agreement.relationshipId) ?? [];
      list.push(agreement);
      byRelationship.set(agreement.relationshipId, list);
    }
    const groups = [...byRelationship.entries()]
      .filter(([id]) => relationships.has(id))
      .map(([id, agreements]) => ({ relationship: relationships.get(id)!, agreements }))
      .sort(
        (a, b) =>
          (a.agreements[0]?.dueDate ?? '9999') .localeCompare(b.agreements[0]?.dueDate ?? '9999') ||
          a.relationship.title.localeCompare(b.relationship.title),
      );
    const upcoming = upcomingSessions
      .filter((s) => relationships.has(s.relationshipId))
      .map((session) => ({ session, relationship: relationships.get(session.relationshipId)! }));
    return { today, counts, groups, upcoming };
  });
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
