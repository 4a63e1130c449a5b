/** One relationship's history as Markdown: readable anywhere, pasteable into a doc or a tracker. */
import { type DuetDatabase, getDatabase, relationshipHistory } from '../db';
import { dayOf } from '../domain/days';
import type { Agreement, Person, Relationship, Session, TalkingPoint, Template } from '../domain/model';

export interface RelationshipHistory {
  relationship: Relationship;
  people: Person[];
  sessions: Session[];
  agreements: Agreement[];
  talkingPoints: TalkingPoint[];
  templates: Template[];
}

const STATUS_LABEL: Record<Agreement['status'], string> = {
  open: 'open',
  renegotiated: 'renegotiated',
  done: 'done',
  dropped: 'dropped',
};

function ownerLabel(agreement: Agreement, people: Person[]): string {
  switch (agreement.owner) {
    case 'me':
      return 'Me';
    case 'both':
      return 'Both';
    case 'named':
      return agreement.ownerName || 'Someone';
    case 'them':
      return people.map((p) => p.name).join(' & ') || 'Them';
  }
}

function agreementLine(agreement: Agreement, people: Person[]): string {
  const box = agreement.status === 'done' ? '[x]' : '[ ]';
  const due = agreement.dueDate ? ` — by ${agreement.dueDate}` : '';
  const status = agreement.status === 'open' ? '' : ` _(${STATUS_LABEL[agreement.status]})_`;
  return `- ${box} **${ownerLabel(agreement, people)}**: ${agreement.text}${due}${status}`;
}

export function relationshipToMarkdown(history: RelationshipHistory): string {
  const { relationship, people, sessions, agreements, talkingPoints, templates } = history;
  const sectionTitle = (templateId: string, sectionId: string) =>
    templates.find((t) => t.id === templateId)?.sections.find((s) => s.id === sectionId)?.title ??
    (sectionId === 'general' ? 'Notes' : sectionId);
  const lines: string[] = [`# ${relationship.title}`, ''];
  if (people.length > 0)
    lines.push(`With ${people.map((p) => p.name).join(' & ')} · every ${relationship.cadenceDays} days`, '');

  const active = agreements.filter((a) => a.status === 'open' || a.status === 'renegotiated');
  if (active.length > 0)
    lines.push('## Open agreements', '', ...active.map((a) => agreementLine(a, people)), '');
  const points = talkingPoints.filter((p) => p.status === 'open');
  if (points.length > 0) {
    lines.push(
      '## Next time',
      '',
      ...points.map((p) => `- ${p.text}${p.author === 'them' ? ' _(theirs)_' : ''}`),
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
    for (const [sectionId, text] of Object.entries(session.notes)) {
      if (text.trim().length === 0) continue;
      lines.push(`**${sectionTitle(session.templateId, sectionId)}**`, '', text.trim(), '');
    }
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
