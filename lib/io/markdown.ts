/** One relationship's history as Markdown: readable anywhere, pasteable into a doc or a tracker. */
import { DEFAULT_TEMPLATE_FOR_KIND } from '../domain/templates';
import { type DuetDatabase, getDatabase, type RelationshipHistory, relationshipHistory } from '../db';
import { dayOf } from '../domain/days';
import {
  type Agreement,
  archivedAtOf,
  type CareerAssessment,
  type Goal,
  memberOf,
  type Person,
  type TalkingPoint,
} from '../domain/model';
import {
  escapeHtmlAndLinks,
  escapeStart,
  noteBlock,
  notesBySection,
  oneLine,
} from '../domain/session-summary';

export type { RelationshipHistory };

const GOAL_STATUS: Record<Goal['status'], string> = {
  ahead: 'ahead',
  'on-track': 'on track',
  behind: 'behind',
};
const ASSESSMENT: Record<CareerAssessment, string> = {
  ahead: 'ahead of expectations',
  'on-track': 'on track',
  'not-meeting': 'not meeting expectations yet',
};

/**
 * Goals with their category, status (an archived one — finished, a career step done — is checked off with
 * the day it was archived), target day and key results' progress.
 */
function goalLines(goals: readonly Goal[]): string[] {
  return goals.flatMap((goal) => {
    const box = goal.archived ? '[x] ' : '';
    const status = goal.archived ? `done ${dayOf(archivedAtOf(goal))}` : GOAL_STATUS[goal.status];
    return [
      `- ${box}**${escapeText(goal.title)}** _(${goal.category.replace(/-/g, ' ')} · ${status}${goal.targetDate ? ` · by ${goal.targetDate}` : ''})_`,
      ...goal.keyResults.map((kr) => `  - ${escapeText(kr.text)} — ${kr.progress}%`),
    ];
  });
}

/**
 * Bidirectional embedding, override and isolate controls: a Calendar title or a name carrying one could
 * make the rest of a line (an agreement, its due date) read backwards in the exported file.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * A single-line field (a title, a name, an agreement, a point) as plain text: one line, no HTML or links,
 * no emphasis or code, and nothing that would make a heading, quote or list of it. Built on the session
 * summary's `escapeStart`, so both escape a line's start the same way.
 */
function escapeText(text: string): string {
  const inline = escapeHtmlAndLinks(oneLine(text.replace(BIDI_CONTROLS, '')))
    .replace(/[*`~]/g, '\\$&')
    // An underscore between letters or digits never emphasises; elsewhere it could.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    // A last word of `#`s would be taken for a heading's closing sequence.
    .replace(/(^|\s)(#+)$/, '$1\\$2');
  return escapeStart(inline);
}

/**
 * A bullet whose text may run over several lines (feedback is typed in a box): its line breaks kept, each
 * further line indented under the bullet (escaped the same way), blank lines left out.
 */
function listItem(prefix: string, text: string): string {
  const [first = '', ...rest] = text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map(escapeText);
  return [`- ${prefix}${first}`, ...rest.map((line) => `  ${line}`)].join('\n');
}

/**
 * Multi-line notes, escaped like "Copy as Markdown" (`noteBlock`: the user's lines and bullets kept, no
 * line can start a heading, quote, rule, code block or HTML) and, in addition, no HTML or link mid-line.
 */
function notesMarkdown(text: string): string[] {
  return noteBlock(escapeHtmlAndLinks(text));
}

/** The agenda's order, as the panel shows it (`upcomingTalkingPoints`): position, then oldest first. */
function compareAgendaOrder(a: TalkingPoint, b: TalkingPoint): number {
  return a.order - b.order || a.createdAt - b.createdAt;
}

function ownerLabel(agreement: Agreement, people: Person[]): string {
  switch (agreement.owner) {
    case 'me':
      return 'Me';
    case 'both':
      return 'Both';
    case 'named':
      return escapeText(agreement.ownerName) || 'Someone';
    case 'them':
      return people.map((p) => escapeText(p.name)).join(' & ') || 'Them';
  }
}

/** Where the agreement stands; a closed one with the (local) day it closed and, if dropped, why. */
function statusNote(agreement: Agreement): string {
  const closed = agreement.closedAt !== null ? ` ${dayOf(agreement.closedAt)}` : '';
  switch (agreement.status) {
    case 'open':
      return '';
    case 'renegotiated':
      return ' _(renegotiated)_';
    case 'done':
      return ` _(done${closed})_`;
    case 'dropped': {
      const reason = [...agreement.history].reverse().find((e) => e.action === 'dropped')?.note ?? '';
      return ` _(dropped${closed}${oneLine(reason) ? `: ${escapeText(reason)}` : ''})_`;
    }
  }
}

function agreementLine(agreement: Agreement, people: Person[]): string {
  const box = agreement.status === 'done' ? '[x] ' : agreement.status === 'dropped' ? '' : '[ ] ';
  const due = agreement.dueDate ? ` — by ${agreement.dueDate}` : '';
  return `- ${box}**${ownerLabel(agreement, people)}**: ${escapeText(agreement.text)}${due}${statusNote(agreement)}`;
}

/** An agreement with, under it, each time its due date was renegotiated (and why). */
function agreementWithHistory(agreement: Agreement, people: Person[]): string[] {
  const renegotiations = agreement.history
    .filter((e) => e.action === 'renegotiated')
    .map((e) => {
      const from = e.fromDue ? `due ${e.fromDue}` : 'no due date';
      const note = oneLine(e.note) ? ` — ${escapeText(e.note)}` : '';
      return `  - Renegotiated on ${dayOf(e.at)}: ${from} → ${e.toDue ?? 'no due date'}${note}`;
    });
  return [agreementLine(agreement, people), ...renegotiations];
}

/**
 * A cadence in words, as the panel says it ("every day", "every week", "every 2 weeks", "every 10 days"),
 * not "every 1 days". In English, like the file's other headings and labels.
 */
function cadenceWords(days: number): string {
  if (days === 1) return 'every day';
  if (days === 7) return 'every week';
  if (days % 7 === 0) return `every ${days / 7} weeks`;
  return `every ${days} days`;
}

export function relationshipToMarkdown(history: RelationshipHistory): string {
  const { relationship, people, sessions, agreements, talkingPoints, templates } = history;
  const lines: string[] = [`# ${escapeText(relationship.title)}`, ''];
  if (people.length > 0) {
    const names = (list: Person[]) => list.map((p) => escapeText(p.name)).join(' & ');
    // A 2-1 says whom it is about, when the user said so (the other person is the second lead).
    const member = memberOf(relationship);
    const about = people.find((p) => p.id === member);
    const leads = people.filter((p) => p !== about);
    const who = about
      ? `2-1 about ${escapeText(about.name)}${leads.length > 0 ? `, with ${names(leads)}` : ''}`
      : member === 'me'
        ? `2-1 with ${names(people)}, about me`
        : `With ${names(people)}`;
    lines.push(`${who} · ${cadenceWords(relationship.cadenceDays)}`, '');
  }

  const active = agreements.filter((a) => a.status === 'open' || a.status === 'renegotiated');
  if (active.length > 0)
    lines.push('## Open agreements', '', ...active.flatMap((a) => agreementWithHistory(a, people)), '');
  const points = talkingPoints.filter((p) => p.status === 'open').sort(compareAgendaOrder);
  if (points.length > 0) {
    lines.push(
      '## Next time',
      '',
      ...points.map((p) => `- ${escapeText(p.text)}${p.author === 'them' ? ' _(theirs)_' : ''}`),
      '',
    );
  }
  const closed = agreements.filter((a) => a.status === 'done' || a.status === 'dropped');
  if (closed.length > 0)
    lines.push('## Closed agreements', '', ...closed.flatMap((a) => agreementWithHistory(a, people)), '');
  const goals = history.goals ?? [];
  if (goals.length > 0) lines.push('## Goals', '', ...goalLines(goals), '');
  const finished = history.finishedGoals ?? [];
  if (finished.length > 0) lines.push('## Finished goals', '', ...goalLines(finished), '');
  const feedback = history.feedback ?? [];
  if (feedback.length > 0) {
    // The session it was given or received in, by the day its heading says (none: given outside a 1:1).
    const sessionDay = new Map(sessions.map((s) => [s.id, dayOf(s.scheduledAt)]));
    const inSession = (id: string | null) => {
      const day = id === null ? undefined : sessionDay.get(id);
      return day ? ` in the session of ${day}` : '';
    };
    lines.push(
      '## Feedback',
      '',
      ...feedback.map((f) => listItem(`${dayOf(f.at)} · ${f.direction}${inSession(f.sessionId)}: `, f.text)),
      '',
    );
  }

  lines.push('## Sessions', '');
  for (const session of [...sessions].sort((a, b) => b.scheduledAt - a.scheduledAt)) {
    lines.push(`### ${dayOf(session.scheduledAt)} — ${session.status}`, '');
    if (session.checkIn && (session.checkIn.mood !== null || session.checkIn.workload !== null)) {
      lines.push(
        `Check-in: mood ${session.checkIn.mood ?? '–'}/5, workload ${session.checkIn.workload ?? '–'}/5`,
        '',
      );
    }
    // Its own template, else (deleted since, or not in an imported file) the 1:1's, else the kind's.
    const template = templates.find((t) => t.id === session.templateId) ??
      templates.find((t) => t.id === relationship.templateId) ??
      templates.find((t) => t.id === DEFAULT_TEMPLATE_FOR_KIND[relationship.kind]) ?? { sections: [] };
    for (const section of notesBySection({ session, template, others: templates })) {
      lines.push(`**${escapeText(section.title)}**`, '', ...notesMarkdown(section.text), '');
    }
    if (session.assessment) lines.push(`Career assessment: ${ASSESSMENT[session.assessment]}`, '');
    const made = agreements.filter((a) => a.madeInSessionId === session.id);
    if (made.length > 0) lines.push('Agreements made:', '', ...made.map((a) => agreementLine(a, people)), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export async function exportRelationshipMarkdown(
  relationshipId: string,
  db: DuetDatabase = getDatabase(),
): Promise<string> {
  const history = await relationshipHistory(relationshipId, db);
  if (!history) throw new Error(`No relationship ${relationshipId}`);
  return relationshipToMarkdown(history);
}
