/**
 * What the toolbar popup shows: agreements of every 1:1 by filter and search text, grouped by person; the
 * 1:1s of the next 7 days with their prep status; the people a talking point can be added for.
 *
 * Read with raw IndexedDB (`idb-read.ts`), neither Dexie nor zod: the popup shows its lists from this read
 * before those ≈260 kB of modules have loaded (`npm run bench -- popup`). One read-only transaction, index
 * lookups only except the search, which reads the active set (small) and, most recently changed first and
 * bounded (`CLOSED_SCAN_LIMIT`), the closed agreements: they have no text index, so only a search reads them.
 * `popup.ts` offers the same reads over a Dexie database (`loadPopupView`, `loadPopupLists`).
 */
import { type AgreementFilter, compareAgreements, countByFilter, matchesFilter } from '../domain/agreements';
import { type Day, dayOf, weekOf } from '../domain/days';
import type { Agreement, Person, Relationship, Session } from '../domain/model';
import { normaliseForSearch } from '../domain/search-text';
import { ACTIVE_AGREEMENT_STATUSES } from '../domain/statuses';
import { type MessageKey, t } from '../i18n';
import { cappedCount, collect, result } from './idb-read';
import { byText } from './sort';

/** How many items a popup list shows; the rest is counted, not read. */
export const POPUP_LIST_LIMIT = 50;

/**
 * Counts stop at this number (the popup shows "99+"): counting reads index keys only, and never more than
 * this many per query, so opening the popup costs the same with 10 or 10,000 open agreements.
 */
export const COUNT_CAP = 100;

/** While searching: how many closed (done, dropped) matches the popup lists, most recently closed first. */
export const CLOSED_SHOWN = 20;

/**
 * The most closed agreements one search reads, most recently changed first. Nothing indexes their text, so
 * a search reads them: a heavy user's two years (a few thousand) fit; a longer history (the bench's large
 * profile holds ~100,000) costs each keystroke this much at most, and the popup says the ones changed
 * longer ago were not searched.
 */
export const CLOSED_SCAN_LIMIT = 5000;

/** Agreement statuses that are closed: kept as history, searched only when the user types a query. */
export const CLOSED_AGREEMENT_STATUSES = ['done', 'dropped'] as const;

/**
 * How many agreements the search's first read of the `updatedAt` index takes (newest first); each next
 * read takes twice as many, so a search that soon has its `CLOSED_SHOWN` stops after a small read, and a
 * long one takes few.
 */
const CLOSED_FIRST_BATCH = 50;

/**
 * How many upcoming 1:1s "Show all" lists, with their prep status (the rest are counted). A manager with 15
 * reports, a few peers and skip-levels has 20-odd in a week; 10 left some of them out of the popup.
 */
export const UPCOMING_SHOWN = 30;

/**
 * The popup's first screenful (it is at most 600 px tall): what its first read, made before the rest of the
 * data layer has loaded, returns — the first agreements of the filter, and the prep status of the 1:1s
 * shown before "Show all". The complete view follows right after it is on screen.
 */
export const FIRST_SCREEN = { agreements: 8, upcoming: 3 } as const;

/** The tables the popup reads. */
export const POPUP_TABLES = ['agreements', 'relationships', 'sessions', 'people', 'talkingPoints'] as const;

/** How long a 1:1 that has started stays in the popup's "Next 7 days". */
export const STARTED_SHOWN_MS = 60 * 60 * 1000;

export interface AgreementGroup<R = Relationship> {
  relationship: R;
  agreements: Agreement[];
}

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

/**
 * A 1:1 as the popup names it: its people ("Bob Jones", "Carol & Dan"), else its title; after a name another
 * 1:1 shares, what tells them apart ("Alice Ng · Career 1:1", `setApart`).
 */
export interface PopupRelationship {
  id: string;
  /** How the popup names it: its people (else its title), told apart from another 1:1 of that name. */
  name: string;
  /** The name before it was told apart: what the user types ("Alice Ng: …") and searches for. */
  baseName: string;
  title: string;
  kind: Relationship['kind'];
  people: Person[];
  /** Archived 1:1s keep their open agreements on show, but take no new talking points from the popup. */
  archived: boolean;
}

export type PopupGroup = AgreementGroup<PopupRelationship>;

/** Is the next 1:1 prepared? Talking points queued, and last time's agreements looked at since. */
export interface PrepStatus {
  talkingPoints: number;
  /** Active agreements of this 1:1. */
  openAgreements: number;
  /** Of those, reviewed (or renegotiated) since the last 1:1 was held. */
  reviewed: number;
}

export interface PopupUpcoming {
  session: Session;
  relationship: PopupRelationship;
  /** Null beyond the first screen of a first-screen read (read with the complete view). */
  prep: PrepStatus | null;
}

/** A closed agreement the search found, with the 1:1 it belongs to. */
export interface PopupClosedMatch {
  agreement: Agreement;
  relationship: PopupRelationship;
}

/** What a search found among closed (done, dropped) agreements: never counted in the filters. */
export interface PopupClosedSearch {
  /** The most recently closed matches (at most CLOSED_SHOWN). */
  matches: PopupClosedMatch[];
  /** How many more of those read matched (exact when `stopped` is null). */
  more: number;
  /**
   * Why some closed agreements (the ones changed longest ago) were not read: 'enough' (more than
   * CLOSED_SHOWN matched already, and none of those unread can have been closed later than the ones listed:
   * typing more narrows it), 'limit' (CLOSED_SCAN_LIMIT read, the most recently changed); null when every
   * closed agreement was searched.
   */
  stopped: 'enough' | 'limit' | null;
}

export interface PopupView {
  today: Day;
  /** Active agreements per filter (capped at COUNT_CAP: "99+"); while searching, what the search found. */
  counts: Record<AgreementFilter, number>;
  groups: PopupGroup[];
  /** More agreements matched than the list shows. */
  truncated: boolean;
  /** Empty while searching (the popup then shows only the matches). */
  upcoming: PopupUpcoming[];
  upcomingCount: number;
  /** Every 1:1 that is not archived, by name: for "add a talking point" and "open". */
  relationships: PopupRelationship[];
  /** A first-screen read (FIRST_SCREEN): agreements cut (same order), prep only for the first 1:1s. */
  partial: boolean;
  /**
   * While searching, what it found among closed agreements (listed after the open ones); absent with no
   * search. The date filters (overdue, this week) select open agreements only: none then.
   */
  closed?: PopupClosedSearch;
}

export interface PopupViewOptions {
  filter?: AgreementFilter;
  query?: string;
  /** Read only the first screenful (FIRST_SCREEN): the popup's first paint. */
  firstScreen?: boolean;
}

/**
 * Agreements grouped by their relationship, groups in order of first appearance (so a sorted list stays
 * sorted); agreements whose relationship is unknown are left out.
 */
export function groupByRelationship<R extends { id: string }>(
  agreements: readonly Agreement[],
  relationshipOf: (id: string) => R | undefined,
): Array<AgreementGroup<R>> {
  const groups: Array<AgreementGroup<R>> = [];
  const groupOf = new Map<string, AgreementGroup<R>>();
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

/** The groups cut after their first `limit` agreements. */
export function firstAgreements<R>(
  groups: ReadonlyArray<AgreementGroup<R>>,
  limit: number,
): Array<AgreementGroup<R>> {
  const shown: Array<AgreementGroup<R>> = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    shown.push(
      group.agreements.length <= left ? group : { ...group, agreements: group.agreements.slice(0, left) },
    );
    left -= group.agreements.length;
  }
  return shown;
}

/** All search terms (whitespace-separated, accent- and case-insensitive) occur in the text. */
export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => haystack.includes(term));
}

export function searchTerms(query: string): string[] {
  return normaliseForSearch(query)
    .split(/\s+/u)
    .filter((term) => term.length > 0);
}

const MIN_DAY = '0000-00-00';
const MAX_DAY = '9999-99-99';

type ReadTransaction = Pick<IDBTransaction, 'objectStore'>;

/** The most agreements of one due day read to find that day's oldest (see `firstMatching`). */
const SAME_DAY_READ_LIMIT = 2000;

const agreementsBy = (tx: ReadTransaction, index: string) => tx.objectStore('agreements').index(index);

/** Active agreements with a due date in [from, to) (or [from, to]), one range per status. */
function activeDueRanges(from: Day, to: Day, includeUpper = false): IDBKeyRange[] {
  return ACTIVE_AGREEMENT_STATUSES.map((status) =>
    IDBKeyRange.bound([status, from], [status, to], false, !includeUpper),
  );
}

type CountedRange = readonly [IDBIndex, IDBKeyRange];

/**
 * How many records the ranges hold together, up to `cap`: one range after the other, each read only up to
 * what is still missing, so a filter that already reached the cap reads no further keys (key reads are
 * what counting costs; `npm run bench -- popup`).
 */
async function countAcross(ranges: readonly CountedRange[], cap: number = COUNT_CAP): Promise<number> {
  let total = 0;
  for (const [index, range] of ranges) {
    if (total >= cap) break;
    total += await cappedCount(index, range, cap - total);
  }
  return Math.min(total, cap);
}

async function countFilters(tx: ReadTransaction, today: Day): Promise<Record<AgreementFilter, number>> {
  const [, sunday] = weekOf(today);
  const byDue = agreementsBy(tx, '[status+dueDate]');
  const byStatus = agreementsBy(tx, 'status');
  const byOwnerIndex = agreementsBy(tx, '[status+owner]');
  const due = (ranges: IDBKeyRange[]) => ranges.map((range): CountedRange => [byDue, range]);
  const owned = (owner: Agreement['owner']) =>
    ACTIVE_AGREEMENT_STATUSES.map((status): CountedRange => [
      byOwnerIndex,
      IDBKeyRange.only([status, owner]),
    ]);
  const [allOpen, overdue, dueThisWeek, mine, theirs] = await Promise.all([
    countAcross(ACTIVE_AGREEMENT_STATUSES.map((status) => [byStatus, IDBKeyRange.only(status)])),
    countAcross(due(activeDueRanges(MIN_DAY, today))),
    countAcross(due(activeDueRanges(today, sunday, true))),
    // Mine is mine alone and both; theirs is theirs, both and someone named (everything not mine alone),
    // each counted up to the cap: a few of theirs among 100 of mine is "3", not "99+".
    countAcross([...owned('me'), ...owned('both')]),
    countAcross([...owned('them'), ...owned('both'), ...owned('named')]),
  ]);
  return { 'all-open': allOpen, overdue, 'due-this-week': dueThisWeek, mine, theirs };
}

/** The first `limit` active agreements matching a filter, soonest due first, undated last. */
async function firstMatching(
  tx: ReadTransaction,
  filter: AgreementFilter,
  today: Day,
  limit: number,
): Promise<Agreement[]> {
  const [, sunday] = weekOf(today);
  const [from, to, includeUpper] =
    filter === 'overdue'
      ? [MIN_DAY, today, false]
      : filter === 'due-this-week'
        ? [today, sunday, true]
        : [MIN_DAY, MAX_DAY, true];
  // The index range already is the filter except for owners; unfiltered ranges read with one getAll.
  const byOwner = filter === 'mine' || filter === 'theirs';
  const keep = byOwner ? (a: Agreement) => matchesFilter(a, filter, today) : undefined;
  const byDue = agreementsBy(tx, '[status+dueDate]');
  const read = await Promise.all(
    activeDueRanges(from, to, includeUpper).map(async (range, index) => {
      const found = await collect<Agreement>(byDue, range, limit, keep);
      const last = found[found.length - 1];
      if (found.length < limit || !last?.dueDate) return found;
      // Stopped at the limit, maybe inside one day's agreements (the index orders a day's by id, not by
      // age): the rest of that day is read too, so the day's oldest are the ones listed.
      const status = ACTIVE_AGREEMENT_STATUSES[index]!;
      const sameDay = await collect<Agreement>(
        byDue,
        IDBKeyRange.only([status, last.dueDate]),
        // Bounded all the same (a bulk import could put thousands on one day): then an arbitrary 50 of them.
        SAME_DAY_READ_LIMIT,
        keep,
      );
      const seen = new Set(found.map((a) => a.id));
      return [...found, ...sameDay.filter((a) => !seen.has(a.id))];
    }),
  );
  const dated = read.flat().sort(compareAgreements).slice(0, limit);
  if (dated.length >= limit || filter === 'overdue' || filter === 'due-this-week') return dated;
  // Undated ones oldest first (as compareAgreements orders them): each active status's index range in
  // creation order, read only up to what is still missing, then merged.
  const missing = limit - dated.length;
  const byAge = agreementsBy(tx, '[status+createdAt]');
  const undated = (
    await Promise.all(
      ACTIVE_AGREEMENT_STATUSES.map((status) =>
        collect<Agreement>(
          byAge,
          IDBKeyRange.bound([status, -Infinity], [status, Infinity]),
          missing,
          (a) => a.dueDate === null && matchesFilter(a, filter, today),
        ),
      ),
    )
  )
    .flat()
    .sort(compareAgreements)
    .slice(0, missing);
  return [...dated, ...undated];
}

const UPCOMING_STATUSES = ['upcoming', 'rescheduled'] as const;

function upcomingRanges(from: number, to: number): IDBKeyRange[] {
  return UPCOMING_STATUSES.map((status) => IDBKeyRange.bound([status, from], [status, to]));
}

async function upcomingSessions(tx: ReadTransaction, from: number, to: number): Promise<Session[]> {
  const bySchedule = tx.objectStore('sessions').index('[status+scheduledAt]');
  const lists = await Promise.all(
    upcomingRanges(from, to).map((range) => collect<Session>(bySchedule, range, POPUP_LIST_LIMIT)),
  );
  return lists
    .flat()
    .sort((a, b) => a.scheduledAt - b.scheduledAt)
    .slice(0, POPUP_LIST_LIMIT);
}

function countUpcoming(tx: ReadTransaction, from: number, to: number): Promise<number> {
  const bySchedule = tx.objectStore('sessions').index('[status+scheduledAt]');
  return countAcross(upcomingRanges(from, to).map((range) => [bySchedule, range]));
}

/**
 * A relationship row the popup can show. The first read checks no schema (no zod here): a row an upgrade or
 * an older version left damaged (no list of people) is left out, rather than one bad row taking the whole
 * popup down.
 */
const usable = (row: Relationship | undefined): row is Relationship =>
  typeof row?.id === 'string' && Array.isArray(row.personIds);

/** Every relationship (the popup lists them all for "add a talking point"; it reads them anyway). */
async function allRelationships(tx: ReadTransaction): Promise<Relationship[]> {
  return (await result(tx.objectStore('relationships').getAll() as IDBRequest<Relationship[]>)).filter(
    usable,
  );
}

/** The relationships with these ids (one lookup each: what is shown, not how many there are). */
async function relationshipsById(tx: ReadTransaction, ids: Iterable<string>): Promise<Relationship[]> {
  const store = tx.objectStore('relationships');
  const rows = await Promise.all(
    [...new Set(ids)].map((id) => result(store.get(id) as IDBRequest<Relationship | undefined>)),
  );
  return rows.filter(usable);
}

/**
 * The popup's default lists: filter counts, the first agreements of a filter, the next 7 days' 1:1s — index
 * lookups whose cost grows with what is shown, not with the size of the history (`npm run bench`).
 */
export async function readPopupLists(
  tx: ReadTransaction,
  filter: AgreementFilter = 'all-open',
  now: number = Date.now(),
  /** Which parts to read (the popup's search reads none: it counts its own matches), and how many agreements. */
  {
    list = true,
    upcoming: withUpcoming = true,
    counts: withCounts = true,
    limit = POPUP_LIST_LIMIT,
  }: { list?: boolean; upcoming?: boolean; counts?: boolean; limit?: number } = {},
  /** Every relationship, when the caller reads them all anyway (else the shown ones are looked up). */
  everyRelationship?: Promise<Relationship[]>,
): Promise<PopupLists> {
  const today = dayOf(now);
  // From an hour ago: a 1:1 that has started is still on (the panel shows it as next; a point added here
  // goes into it), not gone from the list the moment it begins.
  const weekAhead: [number, number] = [now - STARTED_SHOWN_MS, now + 7 * 86_400_000];
  const [counts, selected, sessions, upcomingCount] = await Promise.all([
    withCounts ? countFilters(tx, today) : countByFilter([], today),
    list ? firstMatching(tx, filter, today, limit) : [],
    withUpcoming ? upcomingSessions(tx, ...weekAhead) : [],
    withUpcoming ? countUpcoming(tx, ...weekAhead) : 0,
  ]);
  const rows = await (everyRelationship ??
    relationshipsById(tx, [
      ...selected.map((a) => a.relationshipId),
      ...sessions.map((s) => s.relationshipId),
    ]));
  const relationships = new Map(rows.map((r) => [r.id, r]));
  const groups = groupByRelationship(selected, (id) => relationships.get(id));
  const upcoming = sessions
    .filter((s) => relationships.has(s.relationshipId))
    .map((session) => ({ session, relationship: relationships.get(session.relationshipId)! }));
  return { today, counts, groups, upcoming, upcomingCount };
}

function nameOf(relationship: Relationship, people: Person[]): string {
  const names = people.map((p) => p.name).join(' & ');
  return names || relationship.title || t('popup_untitled');
}

const KIND_KEYS: Record<Relationship['kind'], MessageKey> = {
  'one-on-one': 'popup_kind_one_on_one',
  'two-on-one': 'popup_kind_two_on_one',
  'skip-level': 'popup_kind_skip_level',
  peer: 'popup_kind_peer',
  career: 'popup_kind_career',
};

/**
 * 1:1s that share a name (Alice's one-on-one and her career 1:1; two people called Sam Lee) are told apart
 * after it, everywhere the popup names them: "Alice Ng · Career 1:1". Each takes the first of its kind, its
 * title and its people's emails that no other 1:1 of that name shares; its kind if none. Archived 1:1s
 * count: their open agreements are listed beside the others'.
 */
function setApart(relationships: Iterable<PopupRelationship>): void {
  const byName = new Map<string, PopupRelationship[]>();
  for (const r of relationships) {
    const key = normaliseForSearch(r.name);
    const same = byName.get(key);
    if (same) same.push(r);
    else byName.set(key, [r]);
  }
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const traits = same.map((r) => [
      KIND_KEYS[r.kind] ? t(KIND_KEYS[r.kind]) : '',
      // Read without validation (see the top): a damaged row names nothing rather than break the popup.
      typeof r.title === 'string' ? r.title.trim() : '',
      r.people.flatMap((p) => (Array.isArray(p.emails) ? p.emails : [])).join(', '),
    ]);
    const folded = traits.map((own) => own.map(normaliseForSearch));
    same.forEach((r, i) => {
      const own = traits[i]!;
      const which = own.findIndex(
        (trait, k) => trait !== '' && folded.every((other, j) => j === i || other[k] !== folded[i]![k]),
      );
      const apart = which >= 0 ? own[which]! : own[0]!;
      if (apart) r.name = `${r.name} · ${apart}`;
    });
  }
}

/** Normalised "text owner" per agreement version, kept while the popup is open (typing re-reads often). */
const normalisedTexts = new Map<string, { updatedAt: number; text: string }>();
const MAX_CACHED_TEXTS = 20_000;

function normalisedText(agreement: Agreement): string {
  const cached = normalisedTexts.get(agreement.id);
  if (cached?.updatedAt === agreement.updatedAt) return cached.text;
  const text = normaliseForSearch(`${agreement.text} ${agreement.ownerName}`);
  if (normalisedTexts.size >= MAX_CACHED_TEXTS) normalisedTexts.clear();
  normalisedTexts.set(agreement.id, { updatedAt: agreement.updatedAt, text });
  return text;
}

/** A closed agreement's "when": closed at, else (a row from before that was kept) its last change. */
export const closedAtOf = (agreement: Pick<Agreement, 'closedAt' | 'updatedAt'>): number =>
  agreement.closedAt ?? agreement.updatedAt;

/**
 * Where the search ranks a closed agreement, most recent first: when it was closed (`closedAtOf`), but never
 * later than its last change. Closing stamps both and any later change only raises `updatedAt`, so this is
 * the closing time; only a row written elsewhere (an edited import) can say it was closed after it last
 * changed, and it ranks at that change: every agreement then ranks at or below its `updatedAt` index key,
 * which is what lets the search stop before reading them all.
 */
const closedRank = (agreement: Agreement): number => Math.min(closedAtOf(agreement), agreement.updatedAt);

/** Most recently closed first (`closedRank`); of one moment, the newest made first. */
const byClosedRank = (a: Agreement, b: Agreement) =>
  closedRank(b) - closedRank(a) || b.createdAt - a.createdAt;

const isClosed = (agreement: Agreement) =>
  (CLOSED_AGREEMENT_STATUSES as readonly string[]).includes(agreement.status);

/** The key `skip` entries below the first (newest) one of the range, read backwards; undefined past its end. */
function keyBelow(
  index: IDBIndex,
  range: IDBKeyRange | null,
  skip: number,
): Promise<IDBValidKey | undefined> {
  return new Promise((resolve, reject) => {
    const request = index.openKeyCursor(range, 'prev');
    let skipped = skip === 0;
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || skipped) {
        resolve(cursor?.key);
        return;
      }
      skipped = true;
      cursor.advance(skip);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cursor failed'));
  });
}

/**
 * Closed agreements that match: the most recently closed CLOSED_SHOWN (`closedRank`) and how many matched.
 * They are read by last change, newest first (the `updatedAt` index, in batches that double: one `getAll`
 * each, the active ones among them skipped), at most CLOSED_SCAN_LIMIT closed ones. An agreement is closed
 * no later than it last changed, so once more than CLOSED_SHOWN match and the CLOSED_SHOWN-th was closed
 * no earlier than the last change read, nothing unread can be listed: the read stops there ('enough').
 */
async function searchClosed(
  tx: ReadTransaction,
  matches: (agreement: Agreement) => boolean,
): Promise<{ found: Agreement[]; matched: number; stopped: PopupClosedSearch['stopped'] }> {
  const byChange = agreementsBy(tx, 'updatedAt');
  let best: Agreement[] = [];
  let matched = 0;
  let read = 0;
  const take = (rows: readonly Agreement[]) => {
    for (const row of rows) {
      if (!isClosed(row)) continue;
      read += 1;
      if (!matches(row)) continue;
      matched += 1;
      best.push(row);
    }
    if (best.length > 2 * CLOSED_SHOWN) best = best.sort(byClosedRank).slice(0, CLOSED_SHOWN);
  };
  const done = (stopped: PopupClosedSearch['stopped']) => ({
    found: best.sort(byClosedRank).slice(0, CLOSED_SHOWN),
    matched,
    stopped,
  });
  // Everything changed after `upper` was read, and so was everything changed at it unless `tiesLeft`.
  let upper: number | undefined;
  let tiesLeft = false;
  const below = () => (upper === undefined ? null : IDBKeyRange.upperBound(upper, true));
  for (let size = CLOSED_FIRST_BATCH; ; size *= 2) {
    if (upper !== undefined && matched > CLOSED_SHOWN) {
      best = best.sort(byClosedRank).slice(0, CLOSED_SHOWN);
      // Every unread one changed, so was closed, no later than `upper` (before it, unless ties are left):
      // none can rank above the last one shown.
      const last = closedRank(best[best.length - 1]!);
      if (tiesLeft ? last > upper : last >= upper) return done('enough');
    }
    const left = CLOSED_SCAN_LIMIT - read;
    if (left <= 0) {
      // The limit is reached: were there more closed ones? (primary keys only)
      const closed = await Promise.all(
        CLOSED_AGREEMENT_STATUSES.map((status) =>
          cappedCount(agreementsBy(tx, 'status'), IDBKeyRange.only(status), CLOSED_SCAN_LIMIT + 1),
        ),
      );
      return done(closed[0]! + closed[1]! > read ? 'limit' : null);
    }
    const batch = Math.min(size, left);
    const edge = (await keyBelow(byChange, below(), batch - 1)) as number | undefined;
    if (edge === undefined) {
      // Fewer than a batch left: the rest, then every closed agreement was read.
      take(await collect<Agreement>(byChange, below()));
      return done(null);
    }
    // The batch: everything changed after `edge` (fewer than `batch`), then those changed at `edge` (ties:
    // one moment can stamp many, as a merge of two 1:1s does), each of which ranks the same for stopping —
    // closed ones only, read only up to the limit.
    take(await collect<Agreement>(byChange, IDBKeyRange.bound(edge, upper ?? [], true, true)));
    const room = CLOSED_SCAN_LIMIT - read;
    const ties = await collect<Agreement>(byChange, IDBKeyRange.only(edge), room, isClosed);
    take(ties);
    upper = edge;
    tiesLeft = ties.length === room;
  }
}

const HELD_LAST = (relationshipId: string) =>
  // Every scheduledAt (a number) sorts below the empty array: the whole "held" range of this 1:1.
  IDBKeyRange.bound([relationshipId, 'held', -Infinity], [relationshipId, 'held', []]);

async function prepStatus(tx: ReadTransaction, relationshipId: string): Promise<PrepStatus> {
  const agreementsOf = agreementsBy(tx, '[relationshipId+status]');
  const [points, active, last] = await Promise.all([
    result(tx.objectStore('talkingPoints').index('[relationshipId+status]').count([relationshipId, 'open'])),
    Promise.all(
      ACTIVE_AGREEMENT_STATUSES.map((status) =>
        collect<Agreement>(agreementsOf, IDBKeyRange.only([relationshipId, status])),
      ),
    ).then((lists) => lists.flat()),
    collect<Session>(
      tx.objectStore('sessions').index('[relationshipId+status+scheduledAt]'),
      HELD_LAST(relationshipId),
      1,
      undefined,
      'prev',
    ).then((found) => found[0]),
  ]);
  const since = last ? (last.heldAt ?? last.scheduledAt) : 0;
  const reviewed = active.filter((a) =>
    a.history.some((e) => (e.action === 'reviewed' || e.action === 'renegotiated') && e.at >= since),
  ).length;
  return { talkingPoints: points, openAgreements: active.length, reviewed };
}

/** Everything the popup shows for a filter and search text, in one read-only transaction. */
export async function readPopupView(
  db: IDBDatabase,
  { filter = 'all-open', query = '', firstScreen = false }: PopupViewOptions = {},
  now: number = Date.now(),
): Promise<PopupView> {
  const tx = db.transaction([...POPUP_TABLES], 'readonly');
  const today = dayOf(now);
  const terms = searchTerms(query);
  const rows = allRelationships(tx);
  const [lists, relationshipRows, peopleRows] = await Promise.all([
    // While searching, the popup shows only the matches, and the filters count them (below).
    readPopupLists(
      tx,
      filter,
      now,
      { list: terms.length === 0, upcoming: terms.length === 0, counts: terms.length === 0 },
      rows,
    ),
    rows,
    result(tx.objectStore('people').getAll() as IDBRequest<Person[]>),
  ]);
  const people = new Map(peopleRows.map((p) => [p.id, p]));
  const byId = new Map<string, PopupRelationship>();
  for (const r of relationshipRows) {
    const its = r.personIds.map((id) => people.get(id)).filter((p): p is Person => p !== undefined);
    const name = nameOf(r, its);
    byId.set(r.id, {
      id: r.id,
      name,
      baseName: name,
      title: r.title,
      kind: r.kind,
      people: its,
      archived: r.archived,
    });
  }
  setApart(byId.values());
  const archived = new Set(relationshipRows.filter((r) => r.archived).map((r) => r.id));

  let agreements: Agreement[];
  let truncated: boolean;
  let counts = lists.counts;
  let closed: PopupClosedSearch | undefined;
  if (terms.length === 0) {
    agreements = lists.groups.flatMap((g) => g.agreements);
    truncated = lists.counts[filter] > agreements.length;
  } else {
    // Search: the active set (open + renegotiated; one getAll per status, no cursor), matched on its
    // text, owner and the person's name. Normalised texts are kept between keystrokes.
    const haystacks = new Map(
      // The name as the user knows it, not the part that tells two of one name apart ("· Career 1:1").
      [...byId.values()].map((r) => [r.id, normaliseForSearch(`${r.baseName} ${r.title}`)]),
    );
    const matches = (a: Agreement) =>
      matchesTerms(`${normalisedText(a)} ${haystacks.get(a.relationshipId) ?? ''}`, terms);
    // Closed ones too (after the open ones, never counted), keeping to an owner filter; the date filters
    // (overdue, this week) are about what is still to do: no closed ones then.
    const closedToo = filter === 'all-open' || filter === 'mine' || filter === 'theirs';
    const ownedAsFiltered = (a: Agreement) =>
      matchesFilter({ status: 'open', dueDate: null, owner: a.owner }, filter, today);
    const [active, closedFound] = await Promise.all([
      Promise.all(
        ACTIVE_AGREEMENT_STATUSES.map((status) =>
          collect<Agreement>(agreementsBy(tx, 'status'), IDBKeyRange.only(status)),
        ),
      ).then((lists) => lists.flat()),
      closedToo
        ? searchClosed(tx, (a) => byId.has(a.relationshipId) && ownedAsFiltered(a) && matches(a))
        : null,
    ]);
    const found = active.filter(matches);
    // The filters count what the search found, so each says what pressing it would show.
    counts = countByFilter(found, today);
    const matched = found.filter((a) => matchesFilter(a, filter, today));
    agreements = matched.sort(compareAgreements).slice(0, POPUP_LIST_LIMIT);
    truncated = matched.length > agreements.length;
    closed = {
      matches: (closedFound?.found ?? []).map((agreement) => ({
        agreement,
        relationship: byId.get(agreement.relationshipId)!,
      })),
      more: Math.max(0, (closedFound?.matched ?? 0) - CLOSED_SHOWN),
      stopped: closedFound?.stopped ?? null,
    };
  }

  const grouped: PopupGroup[] = groupByRelationship(agreements, (id) => byId.get(id));
  // The first screen is the complete view's start (grouped the same), so nothing moves when it follows.
  const groups = firstScreen ? firstAgreements(grouped, FIRST_SCREEN.agreements) : grouped;

  const soon = lists.upcoming
    .filter(({ relationship }) => !archived.has(relationship.id))
    .slice(0, UPCOMING_SHOWN);
  const prepared = firstScreen ? FIRST_SCREEN.upcoming : UPCOMING_SHOWN;
  const preps = await Promise.all(
    soon.map(({ session }, i) => (i < prepared ? prepStatus(tx, session.relationshipId) : null)),
  );
  const upcoming = soon.map(({ session }, i) => ({
    session,
    relationship: byId.get(session.relationshipId)!,
    prep: preps[i] ?? null,
  }));

  const relationships = [...byId.values()].filter((r) => !archived.has(r.id)).sort(byText((r) => r.name));
  return {
    today,
    counts,
    groups,
    truncated,
    upcoming,
    // Archived 1:1s are neither listed nor counted (those among the sessions read; the rest is capped).
    upcomingCount: Math.min(
      COUNT_CAP,
      lists.upcomingCount - lists.upcoming.filter(({ relationship }) => archived.has(relationship.id)).length,
    ),
    relationships,
    partial: firstScreen,
    ...(closed ? { closed } : {}),
  };
}
