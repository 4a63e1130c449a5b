import { describe, expect, it } from 'vitest';
import { DEMO_ME, generateProfile, profileStats } from '@/lib/demo/generate';
import { DEFAULT_TEMPLATE_FOR_KIND, getBuiltInTemplate } from '@/lib/domain/templates';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportData, RECORD_SCHEMAS } from '@/lib/io/export-format';
import { validateImport } from '@/lib/io/import';
import { fixturesIndex } from '../helpers/fixtures';

const NOW = Date.UTC(2026, 10, 22, 12);
const DAY = 86_400_000;
const TODAY = new Date(NOW).toISOString().slice(0, 10);

const exportFile = (data: ExportData) => ({
  format: EXPORT_FORMAT,
  version: EXPORT_VERSION,
  exportedAt: NOW,
  app: 'Duet',
  data,
});

const realistic = generateProfile('realistic', { now: NOW });

function personByName(first: string) {
  const person = realistic.people.find((p) => p.name.split(' ')[0] === first);
  if (!person) throw new Error(`no ${first}`);
  return person;
}

function relationshipOf(first: string, kind = 'one-on-one') {
  const person = personByName(first);
  const relationship = realistic.relationships.find((r) => r.kind === kind && r.personIds[0] === person.id);
  if (!relationship) throw new Error(`no ${kind} with ${first}`);
  return relationship;
}

/** The series id of a decoded Calendar event id: strip `_YYYYMMDDTHHMMSSZ` if present. */
const seriesOf = (decoded: string) => decoded.replace(/_\d{8}T\d{6}Z$/, '');

describe('realistic profile', () => {
  it('passes import validation', () => {
    const validated = validateImport(exportFile(realistic));
    expect(profileStats(validated)).toEqual(profileStats(realistic));
  });

  it('is deterministic, and the seed changes the notes', () => {
    expect(generateProfile('realistic', { now: NOW })).toEqual(realistic);
    expect(generateProfile('realistic', { now: NOW, seed: 1 })).toEqual(realistic);
    const other = generateProfile('realistic', { now: NOW, seed: 2 });
    const notes = (data: ExportData) => data.sessions.map((s) => JSON.stringify(s.notes));
    expect(notes(other)).not.toEqual(notes(realistic));
    // The Calendar alignment does not depend on the seed.
    expect(other.relationships.map((r) => r.calendarSeriesIds)).toEqual(
      realistic.relationships.map((r) => r.calendarSeriesIds),
    );
  });

  it('has me, 8 reports, 2 peers, a manager and a skip-level report', () => {
    const settings = realistic.settings[0]!;
    expect(settings.myName).toBe(DEMO_ME.name);
    expect(settings.myEmails).toEqual([DEMO_ME.email]);
    const relations = realistic.people.map((p) => p.relation);
    const count = (relation: string) => relations.filter((r) => r === relation).length;
    expect([count('report'), count('peer'), count('manager'), count('skip-level-report')]).toEqual([
      8, 2, 1, 1,
    ]);
    expect(realistic.people).toHaveLength(12);
    expect(realistic.templates).toEqual([]);
    expect(personByName('Bob').emails).toEqual(['bob.jones@acme.example']);
    const names = new Set(realistic.people.map((p) => p.name.split(' ')[0]));
    const namedOwners = new Set(
      realistic.agreements.filter((a) => a.owner === 'named').map((a) => a.ownerName),
    );
    expect([...namedOwners].filter((name) => names.has(name))).toEqual([]);
    expect(namedOwners.has('Priya')).toBe(true);
  });

  it('has about two years of sessions at each cadence and exactly one still to happen per relationship', () => {
    for (const relationship of realistic.relationships) {
      const sessions = realistic.sessions.filter((s) => s.relationshipId === relationship.id);
      const past = sessions.filter((s) => s.scheduledAt <= NOW);
      const expected = 730 / relationship.cadenceDays;
      expect(past.length).toBeGreaterThanOrEqual(Math.floor(expected) - 1);
      expect(past.length).toBeLessThanOrEqual(Math.ceil(expected) + 1);
      expect(Math.min(...sessions.map((s) => s.scheduledAt))).toBeGreaterThanOrEqual(NOW - 730 * DAY);

      const pending = sessions.filter((s) => s.status === 'upcoming' || s.status === 'rescheduled');
      expect(pending).toHaveLength(1);
      expect(pending[0]!.scheduledAt).toBeGreaterThan(NOW);
      expect(sessions.filter((s) => s.scheduledAt > NOW)).toEqual(pending);

      expect(relationship.templateId).toBe(DEFAULT_TEMPLATE_FOR_KIND[relationship.kind]);
      expect(relationship.cadenceDays).toBe(realistic.settings[0]!.cadenceDays[relationship.kind]);
      for (const session of sessions) expect(session.templateId).toBe(relationship.templateId);
    }
    const reports = realistic.people.filter((p) => p.relation === 'report');
    for (const report of reports) {
      const relationship = realistic.relationships.find(
        (r) => r.kind === 'one-on-one' && r.personIds[0] === report.id,
      )!;
      expect(relationship.cadenceDays).toBe(14);
      const held = realistic.sessions.filter(
        (s) => s.relationshipId === relationship.id && s.status === 'held',
      );
      expect(held.length).toBeGreaterThanOrEqual(45);
    }
  });

  it('writes notes for most template sections of held sessions, and none for the others', () => {
    const held = realistic.sessions.filter((s) => s.status === 'held');
    for (const session of held) {
      const template = getBuiltInTemplate(session.templateId)!;
      const sectionIds = new Set([...template.sections.map((s) => s.id), 'general']);
      const keys = Object.keys(session.notes);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      for (const key of keys) expect(sectionIds.has(key)).toBe(true);
      for (const text of Object.values(session.notes)) expect(text.trim()).not.toBe('');
      expect(session.heldAt).toBe(session.scheduledAt);
    }
    const filled = held.reduce((sum, s) => sum + Object.keys(s.notes).length, 0);
    const sections = held.reduce((sum, s) => sum + getBuiltInTemplate(s.templateId)!.sections.length, 0);
    expect(filled / sections).toBeGreaterThan(0.6);
    for (const session of realistic.sessions.filter((s) => s.status !== 'held')) {
      expect(session.notes).toEqual({});
      expect(session.heldAt).toBeNull();
    }
    const cancelled = realistic.sessions.filter((s) => s.status === 'cancelled').length;
    expect(cancelled).toBeGreaterThan(0);
    expect(cancelled / realistic.sessions.length).toBeLessThan(0.08);
    expect(held.some((s) => s.checkIn !== null)).toBe(true);
    // Different sessions read differently.
    expect(new Set(held.map((s) => JSON.stringify(s.notes))).size).toBe(held.length);
  });

  it('has agreements in every status with consistent history', () => {
    const { agreements } = realistic;
    const sessionsById = new Map(realistic.sessions.map((s) => [s.id, s]));
    for (const status of ['open', 'renegotiated', 'done', 'dropped'] as const) {
      expect(agreements.filter((a) => a.status === status).length).toBeGreaterThan(0);
    }
    expect(agreements.filter((a) => a.status === 'done').length).toBeGreaterThan(agreements.length / 2);
    const overdue = agreements.filter((a) => a.status === 'open' && a.dueDate !== null && a.dueDate < TODAY);
    expect(overdue.length).toBeGreaterThan(0);
    expect(agreements.some((a) => a.status === 'open' && a.dueDate !== null && a.dueDate >= TODAY)).toBe(
      true,
    );
    for (const owner of ['me', 'them', 'both', 'named'] as const) {
      expect(agreements.some((a) => a.owner === owner)).toBe(true);
    }
    for (const a of agreements) {
      expect(a.history[0]).toEqual({
        action: 'created',
        at: a.createdAt,
        sessionId: a.madeInSessionId,
        fromDue: null,
        toDue: a.history[0]!.toDue,
        note: '',
      });
      const made = sessionsById.get(a.madeInSessionId!)!;
      expect(made.status).toBe('held');
      expect(made.relationshipId).toBe(a.relationshipId);
      const days =
        (Date.parse(`${a.history[0]!.toDue}T00:00:00Z`) -
          Date.parse(new Date(made.scheduledAt).toISOString().slice(0, 10))) /
        DAY;
      // A few days to three weeks (moved off weekends by a day).
      expect(days).toBeGreaterThanOrEqual(2);
      expect(days).toBeLessThanOrEqual(22);
      expect([0, 6]).not.toContain(new Date(`${a.dueDate}T00:00:00Z`).getUTCDay());
      expect(a.ownerName === '').toBe(a.owner !== 'named');
      const closed = a.status === 'done' || a.status === 'dropped';
      expect(a.closedAt !== null).toBe(closed);
      if (closed) expect(a.history.at(-1)).toMatchObject({ action: a.status, at: a.closedAt });
      if (a.status === 'dropped') expect(a.history.at(-1)!.note).not.toBe('');
      for (let i = 1; i < a.history.length; i++)
        expect(a.history[i]!.at).toBeGreaterThanOrEqual(a.history[i - 1]!.at);
      expect(a.updatedAt).toBe(a.history.at(-1)!.at);
      expect(a.updatedAt).toBeLessThanOrEqual(NOW);
      const renegotiations = a.history.filter((e) => e.action === 'renegotiated');
      if (a.status === 'renegotiated') expect(renegotiations.length).toBeGreaterThan(0);
      const lastDue = renegotiations.at(-1)?.toDue ?? a.history[0]!.toDue;
      expect(a.dueDate).toBe(lastDue);
    }
    // Renegotiated, then later done.
    expect(
      agreements.some((a) => a.status === 'done' && a.history.some((e) => e.action === 'renegotiated')),
    ).toBe(true);
  });

  it('plans talking points for every upcoming session and records discussed ones', () => {
    for (const relationship of realistic.relationships) {
      const next = realistic.sessions.find(
        (s) => s.relationshipId === relationship.id && s.scheduledAt > NOW,
      )!;
      const open = realistic.talkingPoints.filter(
        (p) => p.relationshipId === relationship.id && p.status === 'open',
      );
      expect(open.length).toBeGreaterThanOrEqual(1);
      expect(open.length).toBeLessThanOrEqual(4);
      expect(open.every((p) => p.sessionId === next.id)).toBe(true);
      expect(open.map((p) => p.order)).toEqual(open.map((_, i) => i + 1));
      // Nobody queues the same point twice.
      expect(new Set(open.map((p) => p.text)).size).toBe(open.length);
    }
    const discussed = realistic.talkingPoints.filter((p) => p.status === 'discussed');
    expect(discussed.length).toBeGreaterThan(100);
    expect(discussed.every((p) => p.discussedAt !== null && p.discussedAt <= NOW)).toBe(true);
    expect(new Set(realistic.talkingPoints.map((p) => p.author))).toEqual(new Set(['me', 'them']));
  });

  it('has goals for every report and feedback linked to sessions', () => {
    const reportIds = new Set(realistic.people.filter((p) => p.relation === 'report').map((p) => p.id));
    const reportRelationships = realistic.relationships.filter(
      (r) => r.kind === 'one-on-one' && reportIds.has(r.personIds[0]!),
    );
    for (const relationship of reportRelationships) {
      const goals = realistic.goals.filter((g) => g.relationshipId === relationship.id);
      expect(goals.length).toBeGreaterThanOrEqual(2);
      expect(goals.length).toBeLessThanOrEqual(3);
      expect(new Set(goals.map((g) => g.category)).size).toBe(goals.length);
      for (const goal of goals) {
        expect(goal.keyResults.length).toBeGreaterThanOrEqual(1);
        expect(goal.keyResults.length).toBeLessThanOrEqual(3);
      }
    }
    expect(new Set(realistic.goals.map((g) => g.category)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(realistic.feedback.map((f) => f.direction))).toEqual(new Set(['given', 'received']));
    const sessionIds = new Set(realistic.sessions.map((s) => s.id));
    expect(realistic.feedback.every((f) => f.sessionId !== null && sessionIds.has(f.sessionId))).toBe(true);
  });
});

describe('realistic profile and the Calendar demo week', () => {
  it('gives Bob real history on the 23 March instance, with both series and the Meet code', () => {
    const bob = relationshipOf('Bob');
    expect(bob.title).toBe('Alice / Bob');
    expect(bob.calendarSeriesIds).toEqual(['9q7kdlrmoh7cfue81kf5u8fmkk', 'vk29vnk07i3ri2ldj3msbt0lg3']);
    expect(bob.meetCodes).toEqual(['abc-defg-hij']);
    const session = realistic.sessions.find(
      (s) => s.calendarEventId === '9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z',
    )!;
    expect(session.relationshipId).toBe(bob.id);
    expect(session.scheduledAt).toBe(Date.UTC(2026, 2, 23, 17));
    expect(session.status).toBe('held');
    expect(session.meetCode).toBe('abc-defg-hij');
    expect(Object.values(session.notes).join('').length).toBeGreaterThan(50);
    expect(realistic.agreements.some((a) => a.madeInSessionId === session.id)).toBe(true);
    // Every session of the recurring series carries its instance id.
    const onGrid = realistic.sessions.filter(
      (s) => s.relationshipId === bob.id && s.calendarEventId?.startsWith('9q7kdlrmoh7cfue81kf5u8fmkk_'),
    );
    expect(onGrid.length).toBeGreaterThanOrEqual(52);
    for (const s of onGrid) {
      const instant = new Date(s.scheduledAt).toISOString().replace(/[-:]|\.\d{3}/g, '');
      if (s.scheduledAt % (7 * DAY) === Date.UTC(2026, 2, 23, 17) % (7 * DAY)) {
        expect(s.calendarEventId).toBe(`9q7kdlrmoh7cfue81kf5u8fmkk_${instant}`);
      }
    }
    const single = realistic.sessions.find((s) => s.calendarEventId === 'vk29vnk07i3ri2ldj3msbt0lg3')!;
    expect(single.relationshipId).toBe(bob.id);
    expect(single.notes.general).toBeTruthy();
  });

  /** The 1:1 events of the fixture week (tests/fixtures/google/fixtures-index.json). */
  const titles = [
    'Alice / Bob',
    '1:1 Alice <> Carol',
    '2-1 with Carol',
    'Skip-level: Alice / Ivy',
    'Peer 1:1 — Alice & Evan',
    'Alice / Frank',
    'Bob & Alice 1-on-1',
  ];

  it('maps every 1:1 event of the fixture week to a relationship, at the fixture time', () => {
    const expectedKinds: Record<string, string> = {
      '2-1 with Carol': 'two-on-one',
      'Skip-level: Alice / Ivy': 'skip-level',
      'Peer 1:1 — Alice & Evan': 'peer',
    };
    for (const title of titles) {
      const event = fixturesIndex.events.find((e) => e.title === title);
      expect(event, title).toBeDefined();
      const series = seriesOf(event!.decoded_event_id);
      const linked = realistic.relationships.filter((r) => r.calendarSeriesIds.includes(series));
      expect(linked, title).toHaveLength(1);
      expect(linked[0]!.kind).toBe(expectedKinds[title] ?? 'one-on-one');
      const session = realistic.sessions.find((s) => s.calendarEventId === event!.decoded_event_id);
      expect(session, title).toBeDefined();
      expect(session!.relationshipId).toBe(linked[0]!.id);
      expect(session!.status).toBe('held');
      expect(Object.keys(session!.notes).length).toBeGreaterThan(0);
      // PDT (UTC-7): the fixture's local start plus seven hours.
      const [hours, minutes] = event!.start.split(':').map(Number) as [number, number];
      expect(session!.scheduledAt).toBe(
        Date.parse(`${event!.date}T00:00:00Z`) + (hours + 7) * 3_600_000 + minutes * 60_000,
      );
    }
    const twoOnOne = realistic.relationships.find((r) => r.kind === 'two-on-one')!;
    expect(twoOnOne.personIds).toEqual([personByName('Carol').id, personByName('Nora').id]);
    for (const first of ['Grace', 'Hana', 'Omar'])
      expect(relationshipOf(first).calendarSeriesIds).toEqual([]);
    const linkedIds = realistic.relationships.flatMap((r) => r.calendarSeriesIds);
    expect(new Set(linkedIds).size).toBe(linkedIds.length);
  });

  it('still has the fixture week held when "now" is more than two years after it', () => {
    // The bundled demo pages show March 2026 whatever the date: history always reaches back to that week.
    const later = generateProfile('realistic', { now: Date.UTC(2029, 5, 1, 12) });
    for (const title of titles) {
      const event = fixturesIndex.events.find((e) => e.title === title)!;
      const session = later.sessions.find((s) => s.calendarEventId === event.decoded_event_id);
      expect(session?.status, title).toBe('held');
    }
    expect(Math.min(...later.sessions.map((s) => s.scheduledAt))).toBeLessThan(Date.UTC(2026, 2, 22));
  });
});

describe('large profile', () => {
  it('has ~52k sessions and ~100k agreements that pass the schemas', { timeout: 20_000 }, () => {
    const started = performance.now();
    const data = generateProfile('large', { now: NOW });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(5_000);
    const stats = profileStats(data);
    expect(stats.people).toBe(200);
    expect(stats.sessions).toBeGreaterThan(52_000 * 0.9);
    expect(stats.sessions).toBeLessThan(52_000 * 1.1);
    expect(stats.agreements).toBeGreaterThan(100_000 * 0.9);
    expect(stats.agreements).toBeLessThan(100_000 * 1.1);

    for (const table of Object.keys(RECORD_SCHEMAS) as Array<keyof typeof RECORD_SCHEMAS>) {
      // Every 10th record of the big tables (all ~155k take 2–6 s with zod), every record of the others.
      const rows = data[table] as unknown[];
      const step = rows.length > 5_000 ? 10 : 1;
      for (let i = 0; i < rows.length; i += step) {
        const result = RECORD_SCHEMAS[table].safeParse(rows[i]);
        if (!result.success) throw new Error(`${table}[${i}]: ${result.error.message}`);
      }
    }
    // Ids are unique per table; references resolve.
    for (const table of ['people', 'relationships', 'sessions', 'talkingPoints', 'agreements'] as const) {
      expect(new Set(data[table].map((r) => r.id)).size).toBe(data[table].length);
    }
    const sessionIds = new Set(data.sessions.map((s) => s.id));
    expect(
      data.agreements.every((a) => a.madeInSessionId !== null && sessionIds.has(a.madeInSessionId)),
    ).toBe(true);

    // Mostly closed, except recent ones.
    const active = data.agreements.filter((a) => a.status === 'open' || a.status === 'renegotiated');
    expect(active.length / data.agreements.length).toBeLessThan(0.1);
    const old = data.agreements.filter((a) => a.createdAt < NOW - 90 * DAY);
    expect(
      old.filter((a) => a.status === 'open' || a.status === 'renegotiated').length / old.length,
    ).toBeLessThan(0.02);
    for (const session of data.sessions.filter((_, i) => i % 100 === 0)) {
      expect(JSON.stringify(session.notes).length).toBeLessThan(400);
    }
  });

  it('never queues the same talking point twice for one 1:1', { timeout: 20_000 }, () => {
    const large = generateProfile('large', { now: NOW, scale: 0.25 });
    const open = new Map<string, string[]>();
    for (const point of large.talkingPoints) {
      if (point.status === 'open')
        open.set(point.relationshipId, [...(open.get(point.relationshipId) ?? []), point.text]);
    }
    expect(open.size).toBeGreaterThan(0);
    for (const texts of open.values()) expect(new Set(texts).size).toBe(texts.length);
  });

  it('scales the number of people and stays deterministic', () => {
    const small = generateProfile('large', { now: NOW, scale: 0.05, seed: 7 });
    expect(small.people).toHaveLength(10);
    expect(generateProfile('large', { now: NOW, scale: 0.05, seed: 7 })).toEqual(small);
    expect(() => validateImport(exportFile(small))).not.toThrow();
  });
});
