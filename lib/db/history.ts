/** Everything of one relationship, for the Markdown export. */
import type {
  Agreement,
  Feedback,
  Goal,
  Person,
  Relationship,
  Session,
  TalkingPoint,
  Template,
} from '../domain/model';
import { type DuetDatabase, getDatabase } from './database';
import { feedbackOf, finishedGoalsOf, goalsOf } from './goals-feedback';
import { allTemplates } from './settings';

/** One relationship with everything it holds, for the Markdown export (lib/io/markdown.ts). */
export interface RelationshipHistory {
  relationship: Relationship;
  people: Person[];
  sessions: Session[];
  agreements: Agreement[];
  talkingPoints: TalkingPoint[];
  templates: Template[];
  /** Goals not archived, oldest first (absent: none). */
  goals?: Goal[];
  /** Goals archived — finished, career steps done — oldest first (absent: none). */
  finishedGoals?: Goal[];
  /** Feedback given and received, newest first (absent: none). */
  feedback?: Feedback[];
}

export async function relationshipHistory(
  relationshipId: string,
  db: DuetDatabase = getDatabase(),
): Promise<RelationshipHistory | undefined> {
  const relationship = await db.relationships.get(relationshipId);
  if (!relationship) return undefined;
  const [people, sessions, agreements, talkingPoints, templates, goals, finishedGoals, feedback] =
    await Promise.all([
      db.people.bulkGet(relationship.personIds),
      db.sessions.where('relationshipId').equals(relationshipId).toArray(),
      db.agreements
        .where('[relationshipId+status]')
        .between([relationshipId, ''], [relationshipId, '\uffff'])
        .toArray(),
      db.talkingPoints
        .where('[relationshipId+status]')
        .between([relationshipId, ''], [relationshipId, '\uffff'])
        .toArray(),
      allTemplates(db),
      goalsOf(relationshipId, db),
      finishedGoalsOf(relationshipId, db),
      feedbackOf(relationshipId, db),
    ]);
  return {
    relationship,
    people: people.filter((p): p is Person => p !== undefined),
    sessions,
    agreements: agreements.sort((a, b) => a.createdAt - b.createdAt),
    talkingPoints,
    templates,
    goals,
    finishedGoals,
    feedback,
  };
}
