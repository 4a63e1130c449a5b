import { describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  addTalkingPoint,
  completeAgreement,
  createPerson,
  createRelationship,
  dropAgreement,
  markSessionHeld,
  prepareSession,
  renegotiateAgreement,
  saveCheckIn,
  savePrivateNotes,
  saveSectionNotes,
  setTalkingPointStatus,
} from '@/lib/db';
import { dayOf } from '@/lib/domain/days';
import type { Agreement, Relationship, Session } from '@/lib/domain/model';
import { BUILT_IN_TEMPLATES } from '@/lib/domain/templates';
import { exportRelationshipMarkdown, relationshipToMarkdown } from '@/lib/io/markdown';
import { useFixedDate } from '../helpers/clock';

// Local times: the export dates sessions by the user's local day, so the expected headings hold in any zone.
const NOW = new Date(2026, 2, 25, 12).getTime();
const DAY = 86_400_000;

useFixedDate(NOW);

const USER_TEXT = 'She said: *really* <b>not</b> [ready] # yet — “quoted” & ünïcödé ✓';

/** Agreements are listed in the order they were made: give each its own creation time. */
const tick = () => vi.setSystemTime(Date.now() + 1000);

async function build() {
  const alice = await createPerson({ name: 'Alice Example', relation: 'report' });
  const relationship = await createRelationship({
    personIds: [alice.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
  });
  const { session: first } = await prepareSession({
    relationshipId: relationship.id,
    scheduledAt: new Date(2026, 2, 9, 10).getTime(),
  });
  await saveSectionNotes(first.id, 'how-are-you', 'Tired after the launch');
  await saveSectionNotes(first.id, 'general', 'Imported v1 notes');
  await saveSectionNotes(first.id, 'retired-section', 'From an old template');
  await saveSectionNotes(first.id, 'support', '   ');
  await saveCheckIn(first.id, { mood: 3, workload: null });
  await savePrivateNotes(first.id, 'PRIVATE: do not export');
  await markSessionHeld(first.id);
  tick();
  const made = await addAgreement(relationship.id, {
    owner: 'me',
    text: 'Book the offsite venue',
    dueDate: '2026-03-20',
    sessionId: first.id,
  });
  tick();
  const closed = await addAgreement(relationship.id, {
    owner: 'them',
    text: 'Send the draft',
    dueDate: '2026-03-12',
    sessionId: first.id,
  });
  await completeAgreement(closed.id);

  const { session: second } = await prepareSession({
    relationshipId: relationship.id,
    scheduledAt: new Date(2026, 2, 23, 10).getTime(),
  });
  await saveSectionNotes(second.id, 'your-topics', `${USER_TEXT}\nsecond line`);
  await markSessionHeld(second.id);
  await renegotiateAgreement(made.id, '2026-04-03', 'Venue full');
  tick();
  await addAgreement(relationship.id, {
    owner: 'both',
    text: 'Pair on the roadmap',
    dueDate: null,
    sessionId: second.id,
  });
  tick();
  await addAgreement(relationship.id, {
    owner: 'named',
    ownerName: 'Dana',
    text: 'Intro to infra team',
    dueDate: '2026-04-10',
  });
  tick();
  const dropped = await addAgreement(relationship.id, { owner: 'me', text: 'Dropped thing', dueDate: null });
  await dropAgreement(dropped.id, 'Not needed');

  await prepareSession({ relationshipId: relationship.id, scheduledAt: NOW + 7 * DAY });
  await addTalkingPoint(relationship.id, { text: 'Promotion timeline', author: 'them' });
  await addTalkingPoint(relationship.id, { text: 'Conference budget', author: 'me' });
  const done = await addTalkingPoint(relationship.id, { text: 'Already discussed', author: 'me' });
  await setTalkingPointStatus(done.id, 'discussed');
  return { relationship, first, second };
}

const lines = (markdown: string) => markdown.split('\n');

describe('exportRelationshipMarkdown', () => {
  it('starts with the title and who it is with', async () => {
    const { relationship } = await build();
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(lines(markdown).slice(0, 3)).toEqual(['# Alice / Bob', '', 'With Alice Example · every 14 days']);
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });

  it('lists open agreements with owners and due dates, not closed ones', async () => {
    const { relationship } = await build();
    const markdown = await exportRelationshipMarkdown(relationship.id);
    const open = markdown.split('## Open agreements\n\n')[1]!.split('\n\n')[0]!;
    expect(open.split('\n')).toEqual([
      '- [ ] **Me**: Book the offsite venue — by 2026-04-03 _(renegotiated)_',
      '- [ ] **Both**: Pair on the roadmap',
      '- [ ] **Dana**: Intro to infra team — by 2026-04-10',
    ]);
    expect(open).not.toContain('Dropped thing');
    expect(open).not.toContain('Send the draft');
  });

  it('lists next time’s open talking points, marking theirs', async () => {
    const { relationship } = await build();
    const markdown = await exportRelationshipMarkdown(relationship.id);
    const next = markdown.split('## Next time\n\n')[1]!.split('\n\n')[0]!;
    expect(next.split('\n').sort()).toEqual(['- Conference budget', '- Promotion timeline _(theirs)_']);
    expect(markdown).not.toContain('Already discussed');
  });

  it('lists sessions newest first, with section titles from the template and agreements made', async () => {
    const { relationship } = await build();
    const markdown = await exportRelationshipMarkdown(relationship.id);
    const headings = lines(markdown).filter((l) => l.startsWith('### '));
    expect(headings).toEqual(['### 2026-04-01 — upcoming', '### 2026-03-23 — held', '### 2026-03-09 — held']);

    const firstSession = markdown.split('### 2026-03-09 — held\n\n')[1]!;
    expect(firstSession).toContain('Check-in: mood 3/5, workload –/5');
    expect(firstSession).toContain('**How are you really doing?**\n\nTired after the launch');
    expect(firstSession).toContain('**Notes**\n\nImported v1 notes');
    expect(firstSession).toContain('**retired-section**\n\nFrom an old template');
    expect(firstSession).not.toContain('**How I can help**'); // blank section left out
    expect(firstSession).toContain(
      'Agreements made:\n\n' +
        '- [ ] **Me**: Book the offsite venue — by 2026-04-03 _(renegotiated)_\n' +
        '- [x] **Alice Example**: Send the draft — by 2026-03-12 _(done)_',
    );

    const secondSession = markdown.split('### 2026-03-23 — held\n\n')[1]!.split('### ')[0]!;
    expect(secondSession).toContain('**Your topics**');
    expect(secondSession).toContain('Agreements made:\n\n- [ ] **Both**: Pair on the roadmap');
    expect(secondSession).not.toContain('Book the offsite venue');
  });

  it('keeps user text verbatim and never exports private notes', async () => {
    const { relationship } = await build();
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(markdown).toContain(`${USER_TEXT}\nsecond line`);
    expect(markdown).not.toContain('PRIVATE');
  });

  it('refuses an unknown relationship', async () => {
    await expect(exportRelationshipMarkdown('missing')).rejects.toThrow(/No relationship missing/);
  });
});

describe('relationshipToMarkdown', () => {
  const relationship: Relationship = {
    id: 'r1',
    personIds: [],
    kind: 'peer',
    title: 'Peer 1:1 Erin',
    cadenceDays: 28,
    templateId: 'builtin:peer',
    calendarSeriesIds: [],
    meetCodes: [],
    archived: false,
    createdAt: 0,
    updatedAt: 0,
  };

  it('without people, agreements or points: the title and an empty session list', () => {
    expect(
      relationshipToMarkdown({
        relationship,
        people: [],
        sessions: [],
        agreements: [],
        talkingPoints: [],
        templates: [...BUILT_IN_TEMPLATES],
      }),
    ).toBe('# Peer 1:1 Erin\n\n## Sessions\n');
  });

  it('names "them" generically when the series has no people', () => {
    const agreement: Agreement = {
      id: 'a1',
      relationshipId: 'r1',
      owner: 'them',
      ownerName: '',
      text: 'Share slides',
      dueDate: null,
      status: 'open',
      madeInSessionId: null,
      history: [],
      closedAt: null,
      createdAt: 0,
      updatedAt: 0,
    };
    const markdown = relationshipToMarkdown({
      relationship,
      people: [],
      sessions: [],
      agreements: [agreement, { ...agreement, id: 'a2', owner: 'named', ownerName: '', text: 'Unnamed' }],
      talkingPoints: [],
      templates: [],
    });
    expect(markdown).toContain('- [ ] **Them**: Share slides\n- [ ] **Someone**: Unnamed');
  });

  it('dates each session by the user’s local day, like the rest of Duet', () => {
    // A 1:1 at 08:00 in Tokyo is 23:00 UTC the day before.
    const previous = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(new Date(Date.UTC(2026, 2, 23, 23)).getTimezoneOffset()).toBe(-540); // the zone change took effect
      const session: Session = {
        id: 's1',
        relationshipId: 'r1',
        scheduledAt: Date.UTC(2026, 2, 23, 23),
        calendarEventId: null,
        meetCode: null,
        status: 'held',
        templateId: 'builtin:peer',
        notes: { 'catch-up': 'Hi' },
        privateNotes: '',
        checkIn: null,
        heldAt: null,
        live: null,
        assessment: null,
        createdAt: 0,
        updatedAt: 0,
      };
      const markdown = relationshipToMarkdown({
        relationship,
        people: [],
        sessions: [session],
        agreements: [],
        talkingPoints: [],
        templates: [...BUILT_IN_TEMPLATES],
      });
      expect(dayOf(session.scheduledAt)).toBe('2026-03-24');
      expect(markdown).toContain(`### ${dayOf(session.scheduledAt)} — held`);
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });
});
