/**
 * The hot reads: what the panel shows for one relationship, and the popup's default lists. Each is a
 * handful of index lookups — their cost grows with what is shown, not with the size of the history
 * (measured by `npm run bench`).
 */
import { cadenceHealth, type CadenceHealth } from '../domain/cadence';
import { type Day, dayOf, weekOf } from '../domain/days';
import { type AgreementFilter, compareAgreements, matchesFilter } from '../domain/agreements';
import {
  ACTIVE_AGREEMENT_STATUSES,
  type Agreement,
  type Person,
  type Relationship,
  type Session,
  type TalkingPoint,
} from '../domain/model';
import { type DuetDatabase, getDatabase } from './database';
import { openAgreements } from './agreements';
import { countSessionsBetween, lastHeldSession, nextSession, sessionsBetween } from './sessions';
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

export interface AgreementGroup {
  relationship: Relationship;
  agreements: Agreement[];
}

/**
 * Agreements grouped by their relationship, groups in order of first appearance (so a sorted list stays
 * sorted); agreements whose relationship is unknown are left out.
 */
export function groupByRelationship<R extends { id: string }>(
  agreements: readonly Agreement[],
  relationshipOf: (id: string) => R | undefined,
): Array<{ relationship: R; agreements: Agreement[] }> {
  const groups: Array<{ relationship: R; agreements: Agreement[] }> = [];
  const groupOf = new Map<string, { relationship: R; agreements: Agreement[] }>();
  for (const agreement of agreements) {
    const relationship = relationshipOf(agreement.relationshipId);
    if (!relationship) continue;
    let group = groupOf.get(relationship.id);
    if (!group) {
      group = { relationship, agreements: [] };
      groupOf.set(relationship.id, group);
      groups.push(group);
    }
    group.agreements.push(agreement);
  }
  return groups;
}

/** How many items a popup list shows; the rest is counted, not read. */
export const POPUP_LIST_LIMIT = 50;

export interface PopupLists {
  today: Day;
  /** How many active agreements match each filter, up to COUNT_CAP ("99+"); index keys only. */
  counts: Record<AgreementFilter, number>;
  /** The first agreements of the selected filter (soonest due first), grouped by relationship. */
  groups: AgreementGroup[];
  /** Upcoming sessions of the next 7 days, earliest first (at most POPUP_LIST_LIMIT). */
  upcoming: Array<{ session: Session; relationship: Relationship }>;
  /** How many sessions the next 7 days hold, up to COUNT_CAP. */
  upcomingCount: number;
}

const MIN_DAY = '0000-00-00';
const MAX_DAY = '9999-99-99';

/** Active agreements with a due date in [from, to), across statuses, via the [status+dueDate] index. */
function activeDueBetween(db: DuetDatabase, from: Day, to: Day, includeUpper = false) {
  return ACTIVE_AGREEMENT_STATUSES.map((status) =>
    db.agreements.where('[status+dueDate]').between([status, from], [status, to], true, includeUpper),
  );
}

/**
 * Counts stop at this number (the popup shows "99+"): counting reads index keys only, and never more than
 * this many per query, so opening the popup costs the same with 10 or 10,000 open agreements.
 */
export const COUNT_CAP = 100;

/** Keys in a range, stopping at COUNT_CAP (one getAllKeys, no records read). */
async function cappedCount(collection: {
  limit(n: number): { primaryKeys(): Promise<unknown[]> };
}): Promise<number> {
  return (await collection.limit(COUNT_CAP).primaryKeys()).length;
}

async function countFilters(db: DuetDatabase, today: Day): Promise<Record<AgreementFilter, number>> {
  const [, sunday] = weekOf(today);
  const sum = async (counts: Array<Promise<number>>) =>
    Math.min(
      COUNT_CAP,
      (await Promise.all(counts)).reduce((a, b) => a + b, 0),
    );
  const byOwner = (owners: readonly Agreement['owner'][]) =>
    sum(
      ACTIVE_AGREEMENT_STATUSES.flatMap((status) =>
        owners.map((owner) => cappedCount(db.agreements.where('[status+owner]').equals([status, owner]))),
      ),
    );
  const [allOpen, overdue, dueThisWeek, mineOnly, both] = await Promise.all([
    sum(ACTIVE_AGREEMENT_STATUSES.map((status) => cappedCount(db.agreements.where('status').equals(status)))),
    sum(activeDueBetween(db, MIN_DAY, today).map(cappedCount)),
    sum(activeDueBetween(db, today, sunday, true).map(cappedCount)),
    byOwner(['me']),
    byOwner(['both']),
  ]);
  // Owners partition the set (me | them | both | named): "theirs" is everything not mine alone — exact
  // below the cap; at the cap it shows as "99+" like the total.
  const theirs = allOpen >= COUNT_CAP ? COUNT_CAP : allOpen - mineOnly;
  return {
    'all-open': allOpen,
    overdue,
    'due-this-week': dueThisWeek,
    mine: Math.min(COUNT_CAP, mineOnly + both),
    theirs,
  };
}

/** The first `limit` active agreements matching a filter, soonest due first, undated last. */
async function firstMatching(db: DuetDatabase, filter: AgreementFilter, today: Day, limit: number) {
  const [, sunday] = weekOf(today);
  const [from, to, includeUpper] =
    filter === 'overdue'
      ? [MIN_DAY, today, false]
      : filter === 'due-this-week'
        ? [today, sunday, true]
        : [MIN_DAY, MAX_DAY, true];
  const dated = (
    await Promise.all(
      // The index range already is the filter except for owners; unfiltered ranges read with one getAll.
      activeDueBetween(db, from, to, includeUpper).map((c) =>
        (filter === 'mine' || filter === 'theirs' ? c.filter((a) => matchesFilter(a, filter, today)) : c)
          .limit(limit)
          .toArray(),
      ),
    )
  )
    .flat()
    .sort(compareAgreements)
    .slice(0, limit);
  if (dated.length >= limit || filter === 'overdue' || filter === 'due-this-week') return dated;
  const undated = await db.agreements
    .where('status')
    .anyOf([...ACTIVE_AGREEMENT_STATUSES])
    .filter((a) => a.dueDate === null && matchesFilter(a, filter, today))
    .limit(limit - dated.length)
    .toArray();
  return [...dated, ...undated.sort(compareAgreements)];
}

export async function loadPopupLists(
  filter: AgreementFilter = 'all-open',
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
  /** Which parts to read: the popup's search needs only the counts. */
  { list = true, upcoming: withUpcoming = true }: { list?: boolean; upcoming?: boolean } = {},
): Promise<PopupLists> {
  const today = dayOf(now);
  return db.transaction('r', [db.agreements, db.relationships, db.sessions], async () => {
    const weekAhead: [number, number] = [now, now + 7 * 86_400_000];
    const [counts, selected, upcomingSessions, upcomingCount] = await Promise.all([
      countFilters(db, today),
      list ? firstMatching(db, filter, today, POPUP_LIST_LIMIT) : [],
      withUpcoming
        ? sessionsBetween(weekAhead[0], weekAhead[1], ['upcoming', 'rescheduled'], db, POPUP_LIST_LIMIT)
        : [],
      withUpcoming
        ? countSessionsBetween(weekAhead[0], weekAhead[1], ['upcoming', 'rescheduled'], db, COUNT_CAP)
        : 0,
    ]);
    const relationshipIds = [
      ...new Set([
        ...selected.map((a) => a.relationshipId),
        ...upcomingSessions.map((s) => s.relationshipId),
      ]),
    ];
    const relationships = new Map(
      (await db.relationships.bulkGet(relationshipIds))
        .filter((r): r is Relationship => r !== undefined)
        .map((r) => [r.id, r]),
    );
    const groups = groupByRelationship(selected, (id) => relationships.get(id));
    const upcoming = upcomingSessions
      .filter((s) => relationships.has(s.relationshipId))
      .map((session) => ({ session, relationship: relationships.get(session.relationshipId)! }));
    return { today, counts, groups, upcoming, upcomingCount };
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
