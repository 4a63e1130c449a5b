import { describe, expect, it, vi } from 'vitest';
import {
  addAgreement,
  addFeedback,
  addGoal,
  addTalkingPoint,
  completeAgreement,
  createPerson,
  createRelationship,
  dropAgreement,
  getDatabase,
  markSessionHeld,
  mergePeople,
  prepareSession,
  renegotiateAgreement,
  saveCareerAssessment,
  reorderTalkingPoints,
  saveCheckIn,
  savePrivateNotes,
  saveSectionNotes,
  setTalkingPointStatus,
  updateGoal,
} from '@/lib/db';
import { dayOf } from '@/lib/domain/days';
import type { Agreement, Person, Relationship, Session, TalkingPoint, Template } from '@/lib/domain/model';
import { BUILT_IN_TEMPLATES } from '@/lib/domain/templates';
import {
  exportRelationshipMarkdown,
  type RelationshipHistory,
  relationshipToMarkdown,
} from '@/lib/io/markdown';
import { useFixedDate } from '../helpers/clock';
import { restoreTimeZoneAfterEach } from '../helpers/time-zone';

// Local times: the export dates sessions by the user's local day, so the expected headings hold in any zone.
const NOW = new Date(2026, 2, 25, 12).getTime();
const DAY = 86_400_000;

useFixedDate(NOW);
restoreTimeZoneAfterEach();

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

/** The block after a heading or label, up to the next blank line. */
const blockAfter = (markdown: string, start: string) => markdown.split(`${start}\n\n`)[1]!.split('\n\n')[0]!;

/** Where `char` appears without an odd run of backslashes before it (so it keeps its Markdown meaning). */
function unescaped(markdown: string, char: string): string[] {
  const found: string[] = [];
  for (let i = markdown.indexOf(char); i !== -1; i = markdown.indexOf(char, i + 1)) {
    let slashes = 0;
    while (markdown[i - 1 - slashes] === '\\') slashes += 1;
    if (slashes % 2 === 0) found.push(markdown.slice(Math.max(0, i - 10), i + 10));
  }
  return found;
}

describe('exportRelationshipMarkdown', () => {
  it('starts with the title and who it is with', async () => {
    const { relationship } = await build();
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(lines(markdown).slice(0, 3)).toEqual(['# Alice / Bob', '', 'With Alice Example · every 2 weeks']);
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });

  it('lists open agreements with owners and due dates, not closed ones', async () => {
    const { relationship } = await build();
    const markdown = await exportRelationshipMarkdown(relationship.id);
    const open = markdown.split('## Open agreements\n\n')[1]!.split('\n\n')[0]!;
    expect(open.split('\n')).toEqual([
      '- [ ] **Me**: Book the offsite venue — by 2026-04-03 _(renegotiated)_',
      '  - Renegotiated on 2026-03-25: due 2026-03-20 → 2026-04-03 — Venue full',
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
    expect(next.split('\n')).toEqual(['- Promotion timeline _(theirs)_', '- Conference budget']);
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
    expect(firstSession).toContain('**Retired section**\n\nFrom an old template');
    expect(firstSession).not.toContain('**How I can help**'); // blank section left out
    expect(firstSession).toContain(
      'Agreements made:\n\n' +
        '- [ ] **Me**: Book the offsite venue — by 2026-04-03 _(renegotiated)_\n' +
        '- [x] **Alice Example**: Send the draft — by 2026-03-12 _(done 2026-03-25)_',
    );

    const secondSession = markdown.split('### 2026-03-23 — held\n\n')[1]!.split('### ')[0]!;
    expect(secondSession).toContain('**Your topics**');
    expect(secondSession).toContain('Agreements made:\n\n- [ ] **Both**: Pair on the roadmap');
    expect(secondSession).not.toContain('Book the offsite venue');
  });

  it('keeps every word of the notes and their lines, as text, and never exports private notes', async () => {
    const { relationship } = await build();
    const markdown = await exportRelationshipMarkdown(relationship.id);
    // Emphasis and a mid-line "#" are the user's own formatting; HTML and link brackets are escaped.
    expect(markdown).toContain(
      'She said: *really* \\<b>not\\</b> \\[ready\\] # yet — “quoted” & ünïcödé ✓\nsecond line',
    );
    expect(markdown).not.toContain('PRIVATE');
  });

  it('lists next time in the agenda order the user set, not in storage order', async () => {
    const { relationship } = await build();
    const more = [];
    for (const text of ['First', 'Second', 'Third'])
      more.push(await addTalkingPoint(relationship.id, { text, author: 'me' }));
    await reorderTalkingPoints(relationship.id, [more[2]!.id, more[0]!.id, more[1]!.id]);
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(blockAfter(markdown, '## Next time').split('\n')).toEqual([
      '- Third',
      '- First',
      '- Second',
      '- Promotion timeline _(theirs)_',
      '- Conference budget',
    ]);
  });

  it('lists a session’s notes in the template’s order, whatever order they were typed in', async () => {
    const { relationship, second } = await build();
    await saveSectionNotes(second.id, 'zz-old', 'Old section');
    await saveSectionNotes(second.id, 'next-steps', 'Step notes');
    await saveSectionNotes(second.id, 'feedback', 'Feedback notes');
    await saveSectionNotes(second.id, 'how-are-you', 'Mood notes');
    const markdown = await exportRelationshipMarkdown(relationship.id);
    const session = markdown.split('### 2026-03-23 — held\n\n')[1]!.split('### ')[0]!;
    const titles = lines(session).filter((l) => /^\*\*.*\*\*$/.test(l));
    expect(titles).toEqual([
      '**How are you really doing?**',
      '**Your topics**',
      '**Feedback both ways**',
      '**Next steps**',
      '**Zz old**',
    ]);
  });

  it('titles notes of a template switched away from, or of a template gone, as the panel does', async () => {
    const { relationship, second } = await build();
    // The session now runs on another template: its "How are you" notes keep that section's title.
    await getDatabase().sessions.update(second.id, { templateId: 'builtin:structured-50' });
    await saveSectionNotes(second.id, 'how-are-you', 'Mood notes');
    let markdown = await exportRelationshipMarkdown(relationship.id);
    let session = markdown.split('### 2026-03-23 — held\n\n')[1]!.split('### ')[0]!;
    expect(lines(session)).toContain('**How are you really doing?**');
    expect(session).not.toContain('**how-are-you**');
    // Its template deleted (or not in an imported file): the 1:1's own template titles its sections.
    await getDatabase().sessions.update(second.id, { templateId: 'custom:gone' });
    markdown = await exportRelationshipMarkdown(relationship.id);
    session = markdown.split('### 2026-03-23 — held\n\n')[1]!.split('### ')[0]!;
    expect(lines(session)).toContain('**Your topics**');
  });

  it('includes goals with key results, feedback and a career assessment, as text', async () => {
    const { relationship, second } = await build();
    await addGoal(relationship.id, {
      category: 'personal-development',
      title: 'Lead the *rollout*',
      status: 'behind',
      targetDate: '2026-06-30',
      keyResults: [{ id: 'kr1', text: 'Beta customers', progress: 40 }],
    });
    await addFeedback(relationship.id, { direction: 'given', text: 'Clear demo <b>!</b>', at: NOW - DAY });
    await addFeedback(relationship.id, {
      direction: 'received',
      text: 'Two things:\n\n# more context up front\n- fewer slides',
      at: NOW - 2 * DAY,
    });
    await saveCareerAssessment(second.id, 'on-track');
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(blockAfter(markdown, '## Goals').split('\n')).toEqual([
      '- **Lead the \\*rollout\\*** _(personal development · behind · by 2026-06-30)_',
      '  - Beta customers — 40%',
    ]);
    const feedback = blockAfter(markdown, '## Feedback').split('\n');
    expect(feedback).toContain(`- ${dayOf(NOW - DAY)} · given: Clear demo \\<b>!\\</b>`);
    // Its line breaks kept, under its bullet, each line still inert text.
    const received = feedback.indexOf(`- ${dayOf(NOW - 2 * DAY)} · received: Two things:`);
    expect(received).toBeGreaterThanOrEqual(0);
    expect(feedback.slice(received + 1, received + 3)).toEqual([
      '  \\# more context up front',
      '  \\- fewer slides',
    ]);
    const session = markdown.split('### 2026-03-23 — held\n\n')[1]!.split('### ')[0]!;
    expect(session).toContain('Career assessment: on track');
  });

  it('keeps the day a goal was done when its 1:1 is folded into another later (a merge of two people)', async () => {
    const { relationship } = await build();
    const twice = await createPerson({ name: 'Alice E.', relation: 'report' });
    const other = await createRelationship({ personIds: [twice.id], kind: 'one-on-one', title: 'Alice' });
    const done = await addGoal(other.id, { category: 'impact', title: 'Ship search v2' });
    tick();
    const older = await addGoal(other.id, { category: 'team', title: 'Hire a designer' });
    vi.setSystemTime(NOW - 2 * DAY);
    await updateGoal(done.id, { archived: true });
    // A row from before `archivedAt`: the day it was done is read from its last change.
    const { archivedAt: _, ...fromBefore } = await updateGoal(older.id, { archived: true });
    await getDatabase().goals.put(fromBefore);
    vi.setSystemTime(NOW);

    await mergePeople(relationship.personIds[0]!, twice.id);
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(blockAfter(markdown, '## Finished goals').split('\n')).toEqual([
      `- [x] **Ship search v2** _(impact · done ${dayOf(NOW - 2 * DAY)})_`,
      `- [x] **Hire a designer** _(team · done ${dayOf(NOW - 2 * DAY)})_`,
    ]);
  });

  it('keeps finished goals and career steps done, checked off with the day, under “Finished goals”', async () => {
    const { relationship } = await build();
    await addGoal(relationship.id, { category: 'impact', title: 'Ship search v2' });
    const step = await addGoal(relationship.id, {
      category: 'personal-development',
      title: 'Lead the Q2 planning review',
      targetDate: '2026-06-30',
      keyResults: [{ id: 'kr1', text: 'Agenda out', progress: 100 }],
    });
    // Marked done (archived) the day before the export.
    vi.setSystemTime(NOW - DAY);
    await updateGoal(step.id, { archived: true });
    vi.setSystemTime(NOW);
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(blockAfter(markdown, '## Goals').split('\n')).toEqual([
      '- **Ship search v2** _(impact · on track)_',
    ]);
    expect(blockAfter(markdown, '## Finished goals').split('\n')).toEqual([
      `- [x] **Lead the Q2 planning review** _(personal development · done ${dayOf(NOW - DAY)} · by 2026-06-30)_`,
      '  - Agenda out — 100%',
    ]);
  });

  it('says in which session feedback was given: the day its session’s heading has', async () => {
    const { relationship, second } = await build();
    await addFeedback(relationship.id, {
      direction: 'given',
      text: 'Clear demo',
      at: NOW - DAY,
      sessionId: second.id,
    });
    await addFeedback(relationship.id, { direction: 'received', text: 'Outside a 1:1', at: NOW - 2 * DAY });
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(markdown).toContain('### 2026-03-23 — held');
    expect(blockAfter(markdown, '## Feedback').split('\n')).toEqual([
      `- ${dayOf(NOW - DAY)} · given in the session of 2026-03-23: Clear demo`,
      `- ${dayOf(NOW - 2 * DAY)} · received: Outside a 1:1`,
    ]);
  });

  it('drops bidirectional override controls, so no title or text reads backwards in the file', async () => {
    const { relationship } = await build();
    await addFeedback(relationship.id, {
      direction: 'given',
      text: 'Due \u202Eyadirf\u202C on time',
      at: NOW - DAY,
    });
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(markdown).toContain('Due yadirf on time');
    expect(markdown).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('a note cannot make a table: a delimiter row is escaped', async () => {
    const { relationship, second } = await build();
    await saveSectionNotes(second.id, 'how-are-you', 'a | b\n:-- | :--\n1 | 2');
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(blockAfter(markdown, '**How are you really doing?**').split('\n')).toEqual([
      'a | b',
      '\\:-- | :--',
      '1 | 2',
    ]);
  });

  it('keeps notes, agreements and points as text: no fake headings, quotes, HTML or links', async () => {
    const { relationship, second } = await build();
    await saveSectionNotes(
      second.id,
      'how-are-you',
      'Fine\n### 2020-01-01 — held\n<img src=x onerror=alert(1)>\n    indented\n\n- my bullet\nsee [x](javascript:alert(1)) and <b>bold</b>\npath\\<img src=y>',
    );
    await addAgreement(relationship.id, {
      owner: 'me',
      text: '# Ship *it* <b>now</b>',
      dueDate: null,
      sessionId: second.id,
    });
    await addTalkingPoint(relationship.id, { text: '> quote [x](javascript:alert(1))', author: 'me' });
    const markdown = await exportRelationshipMarkdown(relationship.id);

    expect(lines(markdown).filter((l) => l.startsWith('#'))).toEqual([
      '# Alice / Bob',
      '## Open agreements',
      '## Next time',
      '## Closed agreements',
      '## Sessions',
      '### 2026-04-01 — upcoming',
      '### 2026-03-23 — held',
      '### 2026-03-09 — held',
    ]);
    expect(blockAfter(markdown, '**How are you really doing?**').split('\n')).toEqual([
      'Fine',
      '\\### 2020-01-01 — held',
      '\\<img src=x onerror=alert(1)>',
      'indented',
    ]);
    expect(markdown).toContain(
      '- my bullet\nsee \\[x\\](javascript:alert(1)) and \\<b>bold\\</b>\npath\\\\\\<img src=y>',
    );
    expect(markdown).toContain('- [ ] **Me**: \\# Ship \\*it\\* \\<b>now\\</b>');
    expect(blockAfter(markdown, '## Next time').split('\n').at(-1)).toBe(
      '- \\> quote \\[x\\](javascript:alert(1))',
    );
    expect(unescaped(markdown, '<')).toEqual([]);
    expect(unescaped(markdown, '](')).toEqual([]);
  });

  it('lists closed agreements, with the day they closed and why they were dropped', async () => {
    const { relationship } = await build();
    const markdown = await exportRelationshipMarkdown(relationship.id);
    expect(blockAfter(markdown, '## Closed agreements').split('\n')).toEqual([
      '- [x] **Alice Example**: Send the draft — by 2026-03-12 _(done 2026-03-25)_',
      '- **Me**: Dropped thing _(dropped 2026-03-25: Not needed)_',
    ]);
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

  /** The Markdown of `relationship` and `parts` alone: no other people, sessions, points or templates. */
  const markdownOf = (parts: Partial<RelationshipHistory>) =>
    relationshipToMarkdown({
      relationship,
      people: [],
      sessions: [],
      agreements: [],
      talkingPoints: [],
      templates: [],
      ...parts,
    });

  /** An open agreement of `relationship`, with no owner name, due date, history or session. */
  const agreementOf = (fields: Pick<Agreement, 'owner' | 'text'> & Partial<Agreement>): Agreement => ({
    id: 'a1',
    relationshipId: 'r1',
    ownerName: '',
    dueDate: null,
    status: 'open',
    madeInSessionId: null,
    history: [],
    closedAt: null,
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  });

  /** A held session of `relationship`, with nothing but its notes. */
  const heldSession = (fields: Pick<Session, 'scheduledAt' | 'templateId' | 'notes'>): Session => ({
    id: 's1',
    relationshipId: 'r1',
    calendarEventId: null,
    meetCode: null,
    status: 'held',
    privateNotes: '',
    checkIn: null,
    heldAt: null,
    live: null,
    assessment: null,
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  });

  it('without people, agreements or points: the title and an empty session list', () => {
    expect(markdownOf({ templates: [...BUILT_IN_TEMPLATES] })).toBe('# Peer 1:1 Erin\n\n## Sessions\n');
  });

  it('says the cadence in words: every day, every week, every 2 weeks, every 10 days', () => {
    const erin: Person = {
      id: 'p1',
      name: 'Erin',
      emails: [],
      relation: 'peer',
      archived: false,
      createdAt: 0,
      updatedAt: 0,
    };
    const cadenceLine = (cadenceDays: number) =>
      lines(
        relationshipToMarkdown({
          relationship: { ...relationship, cadenceDays },
          people: [erin],
          sessions: [],
          agreements: [],
          talkingPoints: [],
          templates: [],
        }),
      )[2];
    expect(cadenceLine(1)).toBe('With Erin · every day');
    expect(cadenceLine(7)).toBe('With Erin · every week');
    expect(cadenceLine(14)).toBe('With Erin · every 2 weeks');
    expect(cadenceLine(10)).toBe('With Erin · every 10 days');
    expect(cadenceLine(2)).toBe('With Erin · every 2 days');
  });

  it('names "them" generically when the series has no people', () => {
    const agreement = agreementOf({ owner: 'them', text: 'Share slides' });
    const markdown = markdownOf({
      agreements: [agreement, { ...agreement, id: 'a2', owner: 'named', ownerName: '', text: 'Unnamed' }],
    });
    expect(markdown).toContain('- [ ] **Them**: Share slides\n- [ ] **Someone**: Unnamed');
  });

  const point = (id: string, text: string, order: number, createdAt: number): TalkingPoint => ({
    id,
    relationshipId: 'r1',
    text,
    author: 'me',
    status: 'open',
    sessionId: null,
    order,
    discussedAt: null,
    createdAt,
    updatedAt: createdAt,
  });

  it('orders talking points like the agenda: by position, then oldest first', () => {
    const markdown = markdownOf({
      talkingPoints: [point('a', 'Last', 3, 1), point('b', 'Second', 2, 5), point('c', 'First', 2, 4)],
    });
    expect(blockAfter(markdown, '## Next time').split('\n')).toEqual(['- First', '- Second', '- Last']);
  });

  it('escapes titles, names and section titles so they stay one line of text', () => {
    const template: Template = {
      ...BUILT_IN_TEMPLATES[0]!,
      id: 'custom:mine',
      sections: [{ ...BUILT_IN_TEMPLATES[0]!.sections[0]!, id: 'plan', title: '<u>Plan</u> *now*' }],
    };
    const agreement = agreementOf({ owner: 'named', ownerName: '> Boss_', text: '1. first\n- second' });
    const markdown = relationshipToMarkdown({
      relationship: { ...relationship, title: '<script>x</script> Team #' },
      people: [
        {
          id: 'p1',
          name: '*Erin* [me](http://x)',
          emails: [],
          relation: 'peer',
          archived: false,
          createdAt: 0,
          updatedAt: 0,
        },
      ],
      sessions: [
        heldSession({
          scheduledAt: new Date(2026, 2, 23, 10).getTime(),
          templateId: 'custom:mine',
          notes: { plan: 'snake_case stays' },
        }),
      ],
      agreements: [agreement],
      talkingPoints: [],
      templates: [template],
    });
    expect(lines(markdown).slice(0, 3)).toEqual([
      '# \\<script>x\\</script> Team \\#',
      '',
      'With \\*Erin\\* \\[me\\](http://x) · every 4 weeks',
    ]);
    expect(markdown).toContain('- [ ] **\\> Boss\\_**: 1\\. first - second');
    expect(markdown).toContain('**\\<u>Plan\\</u> \\*now\\***\n\nsnake_case stays');
  });

  it('dates closings and renegotiations by the user’s local day', () => {
    process.env.TZ = 'Pacific/Kiritimati';
    // 12:00 UTC is 02:00 the next day in Kiritimati (UTC+14).
    const closedAt = Date.UTC(2026, 2, 24, 12);
    const agreement = agreementOf({
      owner: 'me',
      text: 'Ship',
      status: 'done',
      history: [
        { at: 0, action: 'created', sessionId: null, fromDue: null, toDue: '2026-03-20', note: '' },
        {
          at: closedAt - 1000,
          action: 'renegotiated',
          sessionId: null,
          fromDue: '2026-03-20',
          toDue: null,
          note: '',
        },
        { at: closedAt, action: 'done', sessionId: null, fromDue: null, toDue: null, note: '' },
      ],
      closedAt,
      updatedAt: closedAt,
    });
    const markdown = markdownOf({ agreements: [agreement] });
    expect(dayOf(closedAt)).toBe('2026-03-25');
    expect(blockAfter(markdown, '## Closed agreements').split('\n')).toEqual([
      '- [x] **Me**: Ship _(done 2026-03-25)_',
      '  - Renegotiated on 2026-03-25: due 2026-03-20 → no due date',
    ]);
  });

  it('dates each session by the user’s local day, like the rest of Duet', () => {
    // A 1:1 at 08:00 in Tokyo is 23:00 UTC the day before.
    process.env.TZ = 'Asia/Tokyo';
    expect(new Date(Date.UTC(2026, 2, 23, 23)).getTimezoneOffset()).toBe(-540); // the zone change took effect
    const session = heldSession({
      scheduledAt: Date.UTC(2026, 2, 23, 23),
      templateId: 'builtin:peer',
      notes: { 'catch-up': 'Hi' },
    });
    const markdown = markdownOf({ sessions: [session], templates: [...BUILT_IN_TEMPLATES] });
    expect(dayOf(session.scheduledAt)).toBe('2026-03-24');
    expect(markdown).toContain(`### ${dayOf(session.scheduledAt)} — held`);
  });
});
