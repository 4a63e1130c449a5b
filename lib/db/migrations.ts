/**
 * Upgrade steps, one per schema version. Each reads the previous version's rows, converts what it can
 * and quarantines what it cannot (with the reason) — nothing is dropped silently. Throwing aborts the
 * whole upgrade and IndexedDB keeps the old data intact.
 */
import type { Transaction } from 'dexie';
import { z } from '../domain/zod';
import { classifyTitle } from '../domain/one-on-one-title';
import {
  DEFAULT_CADENCE_DAYS,
  type Relationship,
  RelationshipSchema,
  type Session,
  SessionSchema,
} from '../domain/model';
import { DEFAULT_TEMPLATE_FOR_KIND } from '../domain/templates';
import { newId } from './ids';

/** A note as version 1 (the walking skeleton) stored it. */
export const LegacyNoteV1Schema = z.object({
  eventKey: z.string().min(1),
  seriesKey: z.string().min(1),
  title: z.string(),
  text: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type LegacyNoteV1 = z.infer<typeof LegacyNoteV1Schema>;

export interface QuarantinedRecord {
  seq?: number;
  /** Where the row came from, e.g. `notes (v1)` or `import`. */
  table: string;
  reason: string;
  /** The row as it was, serialised, so nothing is lost. */
  raw: string;
  at: number;
}

/** The general, section-less notes of a session (v1 notes land here). */
export const GENERAL_NOTES_SECTION = 'general';

const INSTANCE = /_(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/;

/** When a Calendar instance id says the meeting was: `…_20260323T170000Z` → that instant. */
export function instantFromEventKey(eventKey: string): number | null {
  const match = INSTANCE.exec(eventKey);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const instant = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // Reject impossible dates (20260231 would roll over into March).
  const check = new Date(instant);
  const valid =
    check.getUTCFullYear() === Number(y) &&
    check.getUTCMonth() === Number(mo) - 1 &&
    check.getUTCDate() === Number(d);
  return valid && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60 ? instant : null;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** v1 → v2: one relationship per series, one session per note. */
export async function upgradeNotesToSessions(tx: Transaction, now: number = Date.now()): Promise<void> {
  const rows = (await tx.table('notes').toArray()) as unknown[];
  const relationshipsBySeries = new Map<string, Relationship>();
  const sessions: Session[] = [];
  const quarantined: QuarantinedRecord[] = [];

  for (const row of rows) {
    const parsed = LegacyNoteV1Schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      quarantined.push({
        table: 'notes (v1)',
        reason: `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`,
        raw: safeStringify(row),
        at: now,
      });
      continue;
    }
    const note = parsed.data;
    const kind = classifyTitle(note.title)?.kind ?? 'one-on-one';
    let relationship = relationshipsBySeries.get(note.seriesKey);
    if (!relationship) {
      const candidate: Relationship = {
        id: newId(),
        personIds: [],
        kind,
        title: note.title.slice(0, 1000),
        cadenceDays: DEFAULT_CADENCE_DAYS[kind],
        templateId: DEFAULT_TEMPLATE_FOR_KIND[kind],
        calendarSeriesIds: [note.seriesKey],
        meetCodes: [],
        archived: false,
        createdAt: note.createdAt,
        updatedAt: note.updatedAt,
      };
      const valid = RelationshipSchema.safeParse(candidate);
      if (!valid.success) {
        quarantined.push({
          table: 'notes (v1)',
          reason: `series: ${valid.error.issues[0]?.message ?? 'invalid'}`,
          raw: safeStringify(row),
          at: now,
        });
        continue;
      }
      relationship = valid.data;
      relationshipsBySeries.set(note.seriesKey, relationship);
    }
    const scheduledAt = instantFromEventKey(note.eventKey) ?? note.createdAt;
    const held = scheduledAt <= now;
    const session: Session = {
      id: newId(),
      relationshipId: relationship.id,
      scheduledAt,
      calendarEventId: note.eventKey,
      meetCode: null,
      status: held ? 'held' : 'upcoming',
      templateId: relationship.templateId,
      notes: { [GENERAL_NOTES_SECTION]: note.text },
      privateNotes: '',
      checkIn: null,
      heldAt: held ? scheduledAt : null,
      live: null,
      assessment: null,
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
    };
    const check = SessionSchema.safeParse(session);
    if (!check.success) {
      quarantined.push({
        table: 'notes (v1)',
        reason: check.error.issues[0]?.message ?? 'invalid',
        raw: safeStringify(row),
        at: now,
      });
      continue;
    }
    sessions.push(check.data);
  }

  await tx.table('relationships').bulkAdd([...relationshipsBySeries.values()]);
  await tx.table('sessions').bulkAdd(sessions);
  if (quarantined.length > 0) await tx.table('quarantine').bulkAdd(quarantined);
}
