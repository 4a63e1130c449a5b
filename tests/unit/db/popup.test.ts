import { describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  addTalkingPoint,
  cancelSession,
  completeAgreement,
  createPerson,
  createRelationship,
  dropAgreement,
  loadPopupView,
  markSessionHeld,
  matchesTerms,
  POPUP_LIST_LIMIT,
  prepareSession,
  renegotiateAgreement,
  rescheduleSession,
  reviewAgreement,
  searchTerms,
  setTalkingPointStatus,
  UPCOMING_SHOWN,
  updateRelationship,
} from '@/lib/db';
import type { Agreement, Relationship } from '@/lib/domain/model';
import { useFixedDate } from '../helpers/clock';

/** Wednesday 25 March 2026, noon local time: far from midnight and from the week's edges (Mon 23 – Sun 29). */
const NOW = new Date(2026, 2, 25, 12, 0).getTime();
const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

useFixedDate(NOW);

async function oneOnOne(name: string, title = `Alice / ${name}`): Promise<Relationship> {
  const person = await createPerson({ name, relation: 'report' });
  return createRelationship({ personIds: [person.id], kind: 'one-on-one', title });
}

const texts = (agreements: readonly Agreement[]) => agreements.map((a) => a.text);

describe('searchTerms and matchesTerms', () => {
  it('splits on any whitespace, lower-cases and strips accents', () => {
    expect(searchTerms('  Café\tBUDGET \n Zoë ')).toEqual(['cafe', 'budget', 'zoe']);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms('')).toEqual([]);
  });

  it('matches only when every term occurs somewhere in the text', () => {
    expect(matchesTerms('send the budget to bob', ['budget', 'bob'])).toBe(true);
    expect(matchesTerms('send the budget to bob', ['bob', 'budget'])).toBe(true);
    expect(matchesTerms('send the budget to bob', ['budget', 'carol'])).toBe(false);
    expect(matchesTerms('anything', [])).toBe(true);
  });
});

describe('loadPopupView: counts and lists', () => {
  async function seedFilters() {
    const bob = await oneOnOne('Bob Jones');
    const a = await addAgreement(bob.id, { owner: 'me', text: 'A overdue mine', dueDate: '2026-03-20' });
    const b = await addAgreement(bob.id, { owner: 'them', text: 'B friday theirs', dueDate: '2026-03-27' });
    const c = await addAgreement(bob.id, { owner: 'both', text: 'C undated both', dueDate: null });
    const d = await addAgreement(bob.id, {
      owner: 'named',
      ownerName: 'Erin',
      text: 'D next week named',
      dueDate: '2026-04-02',
    });
    const e = await addAgreement(bob.id, { owner: 'me', text: 'E today mine', dueDate: '2026-03-25' });
    const f = await addAgreement(bob.id, { owner: 'me', text: 'F done', dueDate: '2026-03-21' });
    await completeAgreement(f.id);
    const g = await addAgreement(bob.id, { owner: 'them', text: 'G dropped', dueDate: '2026-03-26' });
    await dropAgreement(g.id, 'not needed');
    return { bob, a, b, c, d, e };
  }

  it('counts active agreements per filter, closed ones left out', async () => {
    await seedFilters();
    const view = await loadPopupView({}, NOW);
    expect(view.today).toBe('2026-03-25');
    expect(view.counts).toEqual({
      'all-open': 5,
      overdue: 1,
      'due-this-week': 2,
      mine: 3,
      theirs: 3,
    });
  });

  it('lists the selected filter only, soonest due first', async () => {
    await seedFilters();
    const all = await loadPopupView({ filter: 'all-open' }, NOW);
    expect(texts(all.groups.flatMap((g) => g.agreements))).toEqual([
      'A overdue mine',
      'E today mine',
      'B friday theirs',
      'D next week named',
      'C undated both',
    ]);
    const mine = await loadPopupView({ filter: 'mine' }, NOW);
    expect(texts(mine.groups.flatMap((g) => g.agreements))).toEqual([
      'A overdue mine',
      'E today mine',
      'C undated both',
    ]);
    const week = await loadPopupView({ filter: 'due-this-week' }, NOW);
    expect(texts(week.groups.flatMap((g) => g.agreements))).toEqual(['E today mine', 'B friday theirs']);
    const overdue = await loadPopupView({ filter: 'overdue' }, NOW);
    expect(texts(overdue.groups.flatMap((g) => g.agreements))).toEqual(['A overdue mine']);
  });

  it('while searching, each filter counts what the search found (so it says where the matches are)', async () => {
    await seedFilters();
    const view = await loadPopupView({ filter: 'mine', query: 'friday' }, NOW);
    // "friday" is B's, which is theirs and due this week: nothing matches in "mine".
    expect(view.groups).toEqual([]);
    expect(view.counts).toEqual({ 'all-open': 1, overdue: 0, 'due-this-week': 1, mine: 0, theirs: 1 });
    // "undated" is C's, owned by both: mine and theirs.
    expect((await loadPopupView({ query: 'undated' }, NOW)).counts).toEqual({
      'all-open': 1,
      overdue: 0,
      'due-this-week': 0,
      mine: 1,
      theirs: 1,
    });
    // A blank search is no search: the counts of everything.
    expect((await loadPopupView({ query: '  ' }, NOW)).counts['all-open']).toBe(5);
  });

  it('groups by person in order of first appearance, each group soonest due first', async () => {
    const bob = await oneOnOne('Bob Jones');
    const carol = await oneOnOne('Carol King');
    const dan = await oneOnOne('Dan Lee');
    await addAgreement(bob.id, { owner: 'me', text: 'Bob friday', dueDate: '2026-03-27' });
    await addAgreement(carol.id, { owner: 'me', text: 'Carol undated', dueDate: null });
    await addAgreement(dan.id, { owner: 'them', text: 'Dan next month', dueDate: '2026-04-20' });
    await addAgreement(carol.id, { owner: 'them', text: 'Carol overdue', dueDate: '2026-03-10' });
    await addAgreement(bob.id, { owner: 'both', text: 'Bob today', dueDate: '2026-03-25' });
    await addAgreement(bob.id, { owner: 'them', text: 'Bob undated', dueDate: null });

    const view = await loadPopupView({}, NOW);
    expect(view.groups.map((g) => g.relationship.name)).toEqual(['Carol King', 'Bob Jones', 'Dan Lee']);
    expect(view.groups.map((g) => texts(g.agreements))).toEqual([
      ['Carol overdue', 'Carol undated'],
      ['Bob today', 'Bob friday', 'Bob undated'],
      ['Dan next month'],
    ]);
    expect(view.groups[0]!.relationship.id).toBe(carol.id);
    expect(view.truncated).toBe(false);
  });

  it('says when the list is truncated, and not when everything fits', async () => {
    const bob = await oneOnOne('Bob Jones');
    for (let i = 0; i < POPUP_LIST_LIMIT; i++)
      await addAgreement(bob.id, { owner: 'me', text: `Item ${i}`, dueDate: null });
    const exact = await loadPopupView({}, NOW);
    expect(exact.groups.flatMap((g) => g.agreements)).toHaveLength(POPUP_LIST_LIMIT);
    expect(exact.truncated).toBe(false);

    await addAgreement(bob.id, { owner: 'me', text: 'One more', dueDate: null });
    const over = await loadPopupView({}, NOW);
    expect(over.groups.flatMap((g) => g.agreements)).toHaveLength(POPUP_LIST_LIMIT);
    expect(over.truncated).toBe(true);
  });

  it('with more agreements due on one day than it lists, shows that day’s oldest', async () => {
    const bob = await oneOnOne('Bob Jones');
    for (let i = 0; i < POPUP_LIST_LIMIT + 20; i++) {
      vi.setSystemTime(NOW - DAY + i * MINUTE);
      await addAgreement(bob.id, {
        owner: 'me',
        text: `Same day ${String(i).padStart(3, '0')}`,
        dueDate: '2026-03-31',
      });
    }
    vi.setSystemTime(NOW);
    const shown = texts((await loadPopupView({}, NOW)).groups.flatMap((g) => g.agreements));
    expect(shown).toEqual(
      Array.from({ length: POPUP_LIST_LIMIT }, (_, i) => `Same day ${String(i).padStart(3, '0')}`),
    );
  });

  it('with more undated agreements than it lists, shows the oldest ones, whatever their status or ids', async () => {
    const bob = await oneOnOne('Bob Jones');
    const carol = await oneOnOne('Carol King');
    // Made one a minute apart, newest first in the loop, so creation order is not the order of writes.
    const made: string[] = [];
    for (let i = 2 * POPUP_LIST_LIMIT; i >= 0; i--) {
      vi.setSystemTime(NOW - DAY + i * MINUTE);
      const text = `Undated ${String(i).padStart(3, '0')}`;
      await addAgreement(i % 2 ? bob.id : carol.id, { owner: i % 3 ? 'me' : 'them', text, dueDate: null });
      made.push(text);
    }
    // One of the oldest was renegotiated (still active, another status), and one dated one is listed first.
    vi.setSystemTime(NOW - 2 * DAY);
    const renegotiated = await addAgreement(bob.id, {
      owner: 'me',
      text: 'Oldest, renegotiated',
      dueDate: null,
    });
    await renegotiateAgreement(renegotiated.id, null, 'later');
    await addAgreement(carol.id, { owner: 'me', text: 'Dated', dueDate: '2026-03-30' });
    vi.setSystemTime(NOW);

    const shown = texts((await loadPopupView({}, NOW)).groups.flatMap((g) => g.agreements));
    const expected = ['Dated', 'Oldest, renegotiated', ...made.slice().reverse()].slice(0, POPUP_LIST_LIMIT);
    expect([...shown].sort()).toEqual([...expected].sort());

    // By owner too: the oldest of mine (undated), not any of them.
    const mine = texts((await loadPopupView({ filter: 'mine' }, NOW)).groups.flatMap((g) => g.agreements));
    const mineMade = made
      .slice()
      .reverse()
      .filter((text) => Number(text.slice(-3)) % 3 !== 0);
    expect(mine).toHaveLength(POPUP_LIST_LIMIT);
    expect([...mine].sort()).toEqual(
      ['Dated', 'Oldest, renegotiated', ...mineMade].slice(0, POPUP_LIST_LIMIT).sort(),
    );
  });
});

describe('loadPopupView: how a 1:1 is named', () => {
  it('joins its people’s names with " & "', async () => {
    const carol = await createPerson({ name: 'Carol King', relation: 'report' });
    const dan = await createPerson({ name: 'Dan Lee', relation: 'report' });
    const pair = await createRelationship({
      personIds: [carol.id, dan.id],
      kind: 'two-on-one',
      title: 'Carol + Dan sync',
    });
    await addAgreement(pair.id, { owner: 'both', text: 'Plan', dueDate: null });
    const view = await loadPopupView({}, NOW);
    expect(view.groups[0]!.relationship).toMatchObject({
      id: pair.id,
      name: 'Carol King & Dan Lee',
      title: 'Carol + Dan sync',
      kind: 'two-on-one',
    });
    expect(view.groups[0]!.relationship.people.map((p) => p.name)).toEqual(['Carol King', 'Dan Lee']);
  });

  it('falls back to the title, then to "Untitled 1:1"', async () => {
    const titled = await createRelationship({ personIds: [], kind: 'skip-level', title: 'Skip with Eve' });
    const untitled = await createRelationship({ personIds: [], kind: 'one-on-one', title: '' });
    const view = await loadPopupView({}, NOW);
    const byId = new Map(view.relationships.map((r) => [r.id, r.name]));
    expect(byId.get(titled.id)).toBe('Skip with Eve');
    expect(byId.get(untitled.id)).toBe('Untitled 1:1');
  });
});

describe('loadPopupView: search as you type', () => {
  async function seedSearch() {
    const bob = await oneOnOne('Bob Jones');
    const carol = await oneOnOne('Carol King', 'Career chat');
    const budget = await addAgreement(bob.id, { owner: 'me', text: 'Send the Q3 budget', dueDate: null });
    const cafe = await addAgreement(bob.id, {
      owner: 'them',
      text: 'Réserver le café',
      dueDate: '2026-03-26',
    });
    const erin = await addAgreement(carol.id, {
      owner: 'named',
      ownerName: 'Erin Örtz',
      text: 'Intro to the design lead',
      dueDate: '2026-03-30',
    });
    const carolBudget = await addAgreement(carol.id, {
      owner: 'them',
      text: 'Draft the training budget',
      dueDate: '2026-03-24',
    });
    return { bob, carol, budget, cafe, erin, carolBudget };
  }
  const found = async (query: string, filter?: 'mine') =>
    texts(
      (await loadPopupView({ query, ...(filter ? { filter } : {}) }, NOW)).groups.flatMap(
        (g) => g.agreements,
      ),
    );

  it('matches the agreement text, ignoring case and accents both ways', async () => {
    await seedSearch();
    expect(await found('CAFE')).toEqual(['Réserver le café']);
    expect(await found('réserver')).toEqual(['Réserver le café']);
    expect(await found('reserver')).toEqual(['Réserver le café']);
  });

  it('needs every term to match, in any order and across text and person', async () => {
    await seedSearch();
    expect(await found('budget')).toEqual(['Draft the training budget', 'Send the Q3 budget']);
    expect(await found('budget bob')).toEqual(['Send the Q3 budget']);
    expect(await found('  bob   budget ')).toEqual(['Send the Q3 budget']);
    expect(await found('budget dan')).toEqual([]);
  });

  it('matches the owner’s name of a named agreement', async () => {
    await seedSearch();
    expect(await found('ortz')).toEqual(['Intro to the design lead']);
  });

  it('matches the person’s name and the 1:1’s title', async () => {
    await seedSearch();
    expect(await found('jones')).toEqual(['Réserver le café', 'Send the Q3 budget']);
    expect(await found('career')).toEqual(['Draft the training budget', 'Intro to the design lead']);
  });

  it('lists active agreements among the matches (renegotiated too); done and dropped go to the closed list', async () => {
    const { budget, cafe, erin } = await seedSearch();
    await completeAgreement(budget.id);
    await dropAgreement(cafe.id, 'no longer needed');
    await renegotiateAgreement(erin.id, '2026-04-10', 'after the offsite');
    expect(await found('budget')).toEqual(['Draft the training budget']);
    expect(await found('cafe')).toEqual([]);
    expect(await found('design')).toEqual(['Intro to the design lead']);
    const closed = async (query: string) =>
      texts((await loadPopupView({ query }, NOW)).closed?.matches.map((m) => m.agreement) ?? []);
    expect(await closed('budget')).toEqual(['Send the Q3 budget']);
    expect(await closed('cafe')).toEqual(['Réserver le café']);
    expect(await closed('design')).toEqual([]);
  });

  it('keeps to the selected filter', async () => {
    await seedSearch();
    expect(await found('budget', 'mine')).toEqual(['Send the Q3 budget']);
  });

  it('groups results by person in order of first appearance', async () => {
    const { bob, carol } = await seedSearch();
    const view = await loadPopupView({ query: 'e' }, NOW);
    expect(view.groups.map((g) => g.relationship.id)).toEqual([carol.id, bob.id]);
    expect(view.groups.map((g) => texts(g.agreements))).toEqual([
      ['Draft the training budget', 'Intro to the design lead'],
      ['Réserver le café', 'Send the Q3 budget'],
    ]);
  });

  it('quotes around the search are not part of it: "rollout plan" in quotes finds it as without', async () => {
    const bob = await oneOnOne('Bob Jones');
    await addAgreement(bob.id, { owner: 'me', text: 'Share the rollout plan (v2)', dueDate: null });
    expect(await found('"rollout plan"')).toEqual(['Share the rollout plan (v2)']);
    expect(await found('“rollout plan”')).toEqual(['Share the rollout plan (v2)']);
    expect(await found("'rollout'")).toEqual(['Share the rollout plan (v2)']);
    expect(searchTerms('"rollout plan"')).toEqual(['rollout', 'plan']);
  });

  it('ß as ss, Greek final sigma as σ, curly apostrophes as straight ones', async () => {
    const bob = await oneOnOne('Bob Jones');
    await addAgreement(bob.id, { owner: 'me', text: 'ΟΔΟΣΤΡΩΜΑ check; Straße; Bob’s deck', dueDate: null });
    for (const query of ['ΟΔΟΣ', 'οδος', 'strasse', 'STRASSE', 'Straße', "bob's", 'Bob’s'])
      expect(await found(query), query).toEqual(['ΟΔΟΣΤΡΩΜΑ check; Straße; Bob’s deck']);
  });

  it('a blank query is no search', async () => {
    await seedSearch();
    const view = await loadPopupView({ query: '   ' }, NOW);
    expect(view.groups.flatMap((g) => g.agreements)).toHaveLength(4);
  });

  it('says when more agreements match than the list shows', async () => {
    const bob = await oneOnOne('Bob Jones');
    for (let i = 0; i <= POPUP_LIST_LIMIT; i++)
      await addAgreement(bob.id, { owner: 'me', text: `Report ${i}`, dueDate: null });
    await addAgreement(bob.id, { owner: 'me', text: 'Unrelated', dueDate: null });
    const many = await loadPopupView({ query: 'report' }, NOW);
    expect(many.groups.flatMap((g) => g.agreements)).toHaveLength(POPUP_LIST_LIMIT);
    expect(many.truncated).toBe(true);
    const few = await loadPopupView({ query: 'report 1' }, NOW);
    expect(few.truncated).toBe(false);
  });
});

describe('loadPopupView: the next 7 days', () => {
  async function session(relationshipId: string, scheduledAt: number) {
    return (await prepareSession({ relationshipId, scheduledAt })).session;
  }

  it('lists upcoming and rescheduled 1:1s of the next 7 days, earliest first', async () => {
    const bob = await oneOnOne('Bob Jones');
    const carol = await oneOnOne('Carol King');
    const friday = await session(bob.id, NOW + 2 * DAY);
    const tomorrow = await session(carol.id, NOW + DAY);
    const moved = await session(carol.id, NOW + 3 * DAY);
    await rescheduleSession(moved.id, NOW + 5 * DAY);
    const cancelled = await session(bob.id, NOW + 4 * DAY);
    await cancelSession(cancelled.id);
    const held = await session(bob.id, NOW + 2 * HOUR);
    await markSessionHeld(held.id, NOW + 2 * HOUR);
    await session(bob.id, NOW - 2 * HOUR); // already past
    await session(bob.id, NOW + 7 * DAY + HOUR); // too far

    const view = await loadPopupView({}, NOW);
    expect(view.upcoming.map((u) => u.session.id)).toEqual([tomorrow.id, friday.id, moved.id]);
    expect(view.upcoming.map((u) => u.relationship.name)).toEqual(['Carol King', 'Bob Jones', 'Carol King']);
    expect(view.upcomingCount).toBe(3);
  });

  it('keeps a 1:1 that started in the last hour (it is on now), not one that started earlier', async () => {
    const bob = await oneOnOne('Bob Jones');
    const now = await session(bob.id, NOW - 5 * MINUTE);
    await session(bob.id, NOW - 2 * HOUR);
    const view = await loadPopupView({}, NOW);
    expect(view.upcoming.map((u) => u.session.id)).toEqual([now.id]);
    expect(view.upcomingCount).toBe(1);
  });

  it('leaves out archived 1:1s', async () => {
    const bob = await oneOnOne('Bob Jones');
    const carol = await oneOnOne('Carol King');
    await session(bob.id, NOW + DAY);
    const kept = await session(carol.id, NOW + 2 * DAY);
    await updateRelationship(bob.id, { archived: true });
    const view = await loadPopupView({}, NOW);
    expect(view.upcoming.map((u) => u.session.id)).toEqual([kept.id]);
  });

  it('counts only the 1:1s it would list: an archived one is not "1 more"', async () => {
    // Regression: the count once came straight from loadPopupLists, archived 1:1s included.
    const bob = await oneOnOne('Bob Jones');
    await session(bob.id, NOW + DAY);
    await updateRelationship(bob.id, { archived: true });
    const view = await loadPopupView({}, NOW);
    expect(view.upcoming).toEqual([]);
    expect(view.upcomingCount - view.upcoming.length).toBe(0);
  });

  it('is not read while searching (the popup shows only the matches then)', async () => {
    const bob = await oneOnOne('Bob Jones');
    await session(bob.id, NOW + DAY);
    await addAgreement(bob.id, { owner: 'me', text: 'Budget', dueDate: null });
    const searching = await loadPopupView({ query: 'budget' }, NOW);
    expect(searching.groups).toHaveLength(1);
    expect(searching.upcoming).toEqual([]);
    expect(searching.upcomingCount).toBe(0);
    expect((await loadPopupView({}, NOW)).upcoming).toHaveLength(1);
  });

  it("a manager's week: 15 reports and 7 peers and skip-levels, every 1:1 listed with its prep status", async () => {
    for (let i = 0; i < 22; i++) {
      const relationship = await oneOnOne(`Person ${String(i).padStart(2, '0')}`);
      await session(relationship.id, NOW + HOUR + i * 6 * HOUR);
    }
    const view = await loadPopupView({}, NOW);
    expect(view.upcoming).toHaveLength(22);
    expect(view.upcomingCount).toBe(22);
    expect(view.upcoming.every((u) => u.prep !== null)).toBe(true);
  });

  it(`shows at most UPCOMING_SHOWN (${UPCOMING_SHOWN}) and counts the rest`, async () => {
    const bob = await oneOnOne('Bob Jones');
    for (let i = 0; i < UPCOMING_SHOWN + 2; i++) await session(bob.id, NOW + HOUR + i * 5 * HOUR);
    const view = await loadPopupView({}, NOW);
    expect(view.upcoming).toHaveLength(UPCOMING_SHOWN);
    expect(view.upcomingCount).toBe(UPCOMING_SHOWN + 2);
    const times = view.upcoming.map((u) => u.session.scheduledAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  describe('prep status', () => {
    async function seedPrep() {
      const bob = await oneOnOne('Bob Jones');
      vi.setSystemTime(NOW - 10 * DAY);
      const a = await addAgreement(bob.id, { owner: 'me', text: 'A', dueDate: null });
      const b = await addAgreement(bob.id, { owner: 'them', text: 'B', dueDate: null });
      const c = await addAgreement(bob.id, { owner: 'them', text: 'C', dueDate: null });
      const d = await addAgreement(bob.id, { owner: 'them', text: 'D', dueDate: null });
      const closed = await addAgreement(bob.id, { owner: 'me', text: 'Closed', dueDate: null });
      // Reviewed before last week's 1:1: does not count for this one.
      vi.setSystemTime(NOW - 8 * DAY);
      await reviewAgreement(a.id, 'looked at it then');
      const last = await session(bob.id, NOW - 7 * DAY);
      await markSessionHeld(last.id, NOW - 7 * DAY + HOUR);
      // An older held 1:1 (scheduled earlier) is not "the last one".
      const older = await session(bob.id, NOW - 14 * DAY);
      await markSessionHeld(older.id, NOW - 14 * DAY);
      vi.setSystemTime(NOW - 7 * DAY + HOUR); // exactly when the last 1:1 was held
      await reviewAgreement(b.id, 'at the end of the 1:1');
      vi.setSystemTime(NOW - DAY);
      await renegotiateAgreement(c.id, '2026-04-15', 'more time');
      await reviewAgreement(closed.id, 'honoured');
      await completeAgreement(closed.id);
      vi.setSystemTime(NOW);
      const next = await session(bob.id, NOW + DAY);
      const p1 = await addTalkingPoint(bob.id, { text: 'Offsite', author: 'me' });
      await addTalkingPoint(bob.id, { text: 'Promotion', author: 'them' });
      const p3 = await addTalkingPoint(bob.id, { text: 'Old topic', author: 'me' });
      await setTalkingPointStatus(p3.id, 'discussed');
      return { bob, next, a, b, c, d, p1 };
    }

    it('counts open talking points, active agreements, and those reviewed since the last 1:1', async () => {
      const { next } = await seedPrep();
      const view = await loadPopupView({}, NOW);
      expect(view.upcoming).toHaveLength(1);
      expect(view.upcoming[0]!.session.id).toBe(next.id);
      // Active: A, B, C (renegotiated), D. Reviewed at/after the last held 1:1: B (at heldAt), C.
      expect(view.upcoming[0]!.prep).toEqual({ talkingPoints: 2, openAgreements: 4, reviewed: 2 });
    });

    it('follows later changes: a review now counts, a dropped point does not', async () => {
      const { a, d, p1 } = await seedPrep();
      await reviewAgreement(a.id, '');
      await reviewAgreement(d.id, '');
      await setTalkingPointStatus(p1.id, 'dropped');
      const view = await loadPopupView({}, NOW);
      expect(view.upcoming[0]!.prep).toEqual({ talkingPoints: 1, openAgreements: 4, reviewed: 4 });
    });

    it('is empty for a 1:1 with nothing queued', async () => {
      const bob = await oneOnOne('Bob Jones');
      await session(bob.id, NOW + DAY);
      const view = await loadPopupView({}, NOW);
      expect(view.upcoming[0]!.prep).toEqual({ talkingPoints: 0, openAgreements: 0, reviewed: 0 });
    });
  });
});

describe('loadPopupView: relationships', () => {
  it('lists every 1:1 that is not archived, by name', async () => {
    const zoe = await oneOnOne('Zoë Adams');
    const bob = await oneOnOne('Bob Jones');
    const gone = await oneOnOne('Al Archived');
    const titled = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Mentoring' });
    await updateRelationship(gone.id, { archived: true });
    const view = await loadPopupView({}, NOW);
    expect(view.relationships.map((r) => r.id)).toEqual([bob.id, titled.id, zoe.id]);
    expect(view.relationships.map((r) => r.name)).toEqual(['Bob Jones', 'Mentoring', 'Zoë Adams']);
  });
});
