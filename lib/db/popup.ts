/**
 * What the toolbar popup shows: agreements of every 1:1 by filter and search text, grouped by person; the
 * 1:1s of the next 7 days with their prep status; the people a talking point can be added for. One read
 * transaction, index lookups only except the search, which reads the active set (small: closed agreements
 * are never read) — measured on the large profile by `npm run bench -- popup`.
 */
import { type AgreementFilter, compareAgreements, matchesFilter } from '../domain/agreements';
import { type Day, dayOf } from '../domain/days';
import {
  ACTIVE_AGREEMENT_STATUSES,
  type Agreement,
  type Person,
  type Relationship,
  type Session,
} from '../domain/model';
import { type DuetDatabase, getDatabase } from './database';
import { COUNT_CAP, groupByRelationship, loadPopupLists, POPUP_LIST_LIMIT } from './overview';
import { normaliseForSearch } from './search';
import { openAgreements } from './agreements';
import { lastHeldSession } from './sessions';

/** A 1:1 as the popup names it: its people ("Bob Jones", "Carol & Dan"), else its title. */
export interface PopupRelationship {
  id: string;
  name: string;
  title: string;
  kind: Relationship['kind'];
  people: Person[];
  /** Archived 1:1s keep their open agreements on show, but take no new talking points from the popup. */
  archived: boolean;
}

export interface PopupGroup {
  relationship: PopupRelationship;
  agreements: Agreement[];
}

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
  prep: PrepStatus;
}

export interface PopupView {
  today: Day;
  /** Active agreements per filter (capped at COUNT_CAP: "99+"), without the search text. */
  counts: Record<AgreementFilter, number>;
  groups: PopupGroup[];
  /** More agreements matched than the list shows. */
  truncated: boolean;
  /** Empty while searching (the popup then shows only the matches). */
  upcoming: PopupUpcoming[];
  upcomingCount: number;
  /** Every 1:1 that is not archived, by name: for "add a talking point" and "open". */
  relationships: PopupRelationship[];
}

/** How many upcoming 1:1s get their prep status read (the rest are counted). */
export const UPCOMING_SHOWN = 10;

function nameOf(relationship: Relationship, people: Person[]): string {
  const names = people.map((p) => p.name).join(' & ');
  return names || relationship.title || 'Untitled 1:1';
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

async function prepStatus(relationshipId: string, db: DuetDatabase): Promise<PrepStatus> {
  const [points, active, last] = await Promise.all([
    db.talkingPoints.where('[relationshipId+status]').equals([relationshipId, 'open']).count(),
    openAgreements(relationshipId, db),
    lastHeldSession(relationshipId, db),
  ]);
  const since = last ? (last.heldAt ?? last.scheduledAt) : 0;
  const reviewed = active.filter((a) =>
    a.history.some((e) => (e.action === 'reviewed' || e.action === 'renegotiated') && e.at >= since),
  ).length;
  return { talkingPoints: points, openAgreements: active.length, reviewed };
}

export async function loadPopupView(
  { filter = 'all-open', query = '' }: { filter?: AgreementFilter; query?: string } = {},
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
): Promise<PopupView> {
  const today = dayOf(now);
  const terms = searchTerms(query);
  return db.transaction(
    'r',
    [db.agreements, db.relationships, db.sessions, db.people, db.talkingPoints],
    async () => {
      const [lists, relationshipRows, peopleRows] = await Promise.all([
        // While searching, the popup shows only the matches (and the filter counts).
        loadPopupLists(filter, now, db, { list: terms.length === 0, upcoming: terms.length === 0 }),
        db.relationships.toArray(),
        db.people.toArray(),
      ]);
      const people = new Map(peopleRows.map((p) => [p.id, p]));
      const byId = new Map<string, PopupRelationship>();
      for (const r of relationshipRows) {
        const its = r.personIds.map((id) => people.get(id)).filter((p): p is Person => p !== undefined);
        byId.set(r.id, {
          id: r.id,
          name: nameOf(r, its),
          title: r.title,
          kind: r.kind,
          people: its,
          archived: r.archived,
        });
      }
      const archived = new Set(relationshipRows.filter((r) => r.archived).map((r) => r.id));

      let agreements: Agreement[];
      let truncated: boolean;
      if (terms.length === 0) {
        agreements = lists.groups.flatMap((g) => g.agreements);
        truncated = lists.counts[filter] > agreements.length;
      } else {
        // Search: the active set (open + renegotiated; one getAll per status, no cursor), matched on its
        // text, owner and the person's name. Normalised texts are kept between keystrokes.
        const haystacks = new Map(
          [...byId.values()].map((r) => [r.id, normaliseForSearch(`${r.name} ${r.title}`)]),
        );
        const active = (
          await Promise.all(
            ACTIVE_AGREEMENT_STATUSES.map((status) => db.agreements.where('status').equals(status).toArray()),
          )
        ).flat();
        const matched = active.filter(
          (a) =>
            matchesFilter(a, filter, today) &&
            matchesTerms(`${normalisedText(a)} ${haystacks.get(a.relationshipId) ?? ''}`, terms),
        );
        agreements = matched.sort(compareAgreements).slice(0, POPUP_LIST_LIMIT);
        truncated = matched.length > agreements.length;
      }

      const groups: PopupGroup[] = groupByRelationship(agreements, (id) => byId.get(id));

      const soon = lists.upcoming
        .filter(({ relationship }) => !archived.has(relationship.id))
        .slice(0, UPCOMING_SHOWN);
      const preps = await Promise.all(soon.map(({ session }) => prepStatus(session.relationshipId, db)));
      const upcoming = soon.map(({ session }, i) => ({
        session,
        relationship: byId.get(session.relationshipId)!,
        prep: preps[i]!,
      }));

      const relationships = [...byId.values()]
        .filter((r) => !archived.has(r.id))
        .sort((a, b) => a.name.localeCompare(b.name));
      return {
        today,
        counts: lists.counts,
        groups,
        truncated,
        upcoming,
        // Archived 1:1s are neither listed nor counted (those among the sessions read; the rest is capped).
        upcomingCount: Math.min(
          COUNT_CAP,
          lists.upcomingCount -
            lists.upcoming.filter(({ relationship }) => archived.has(relationship.id)).length,
        ),
        relationships,
      };
    },
  );
}
