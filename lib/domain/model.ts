/**
 * Duet's data, as zod schemas: the single source of every stored type (PRODUCT.md, "Concepts").
 * Pure: no browser, no database. `lib/db` stores these; `lib/io` validates imports with them.
 *
 * Conventions: ids are opaque strings (UUIDs for records Duet creates); instants are epoch milliseconds;
 * due dates are calendar days (`YYYY-MM-DD`, the user's local day) so time-zone moves never shift them.
 */
import { fnv1aHex } from './hash';
import { z } from './zod';
import { ONE_ON_ONE_KINDS } from './one-on-one-title';
import { TimerStateSchema } from './session-timer';
import {
  ACTIVE_AGREEMENT_STATUSES,
  MAX_AGREEMENT_HISTORY,
  AGREEMENT_STATUSES,
  SESSION_STATUSES,
  TALKING_POINT_STATUSES,
} from './statuses';

export { ACTIVE_AGREEMENT_STATUSES, AGREEMENT_STATUSES, SESSION_STATUSES, TALKING_POINT_STATUSES };

const MAX_ID = 512; // decoded Calendar ids can be long (imported events)
export const MAX_SHORT_TEXT = 1_000;

/**
 * Text from a page (a Calendar title, a guest's name) cut to what a short text field holds, without splitting
 * a character made of two UTF-16 units. Pages may send longer text than the database keeps.
 */
export function clipShortText(text: string, max = MAX_SHORT_TEXT): string {
  if (text.length <= max) return text;
  const high = text.charCodeAt(max - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}
export const MAX_LONG_TEXT = 200_000;

export const IdSchema = z
  .string()
  .min(1)
  .max(MAX_ID)
  .regex(/^[A-Za-z0-9_.:@-]+$/, 'ids use letters, digits and _ . : @ - only')
  .refine((id) => !['__proto__', 'constructor', 'prototype'].includes(id), 'this id is reserved');
export const InstantSchema = z.number().int().nonnegative().max(8.64e15);
export const DayStringSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'dates are written YYYY-MM-DD');
export const EmailSchema = z
  .string()
  .max(320)
  .regex(/^[^\s@<>()]+@[^\s@<>()]+$/, 'not an email address')
  .transform((email) => email.toLowerCase());
const ShortText = z.string().max(MAX_SHORT_TEXT);
const LongText = z.string().max(MAX_LONG_TEXT);

const Timestamps = { createdAt: InstantSchema, updatedAt: InstantSchema };

// People ------------------------------------------------------------------------------------------

export const RELATIONS = [
  'report',
  'manager',
  'peer',
  'skip-level-report',
  'skip-level-manager',
  'other',
] as const;
export const RelationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof RelationSchema>;

export const PersonSchema = z.strictObject({
  id: IdSchema,
  name: ShortText.min(1),
  /** Lower-cased; the key for matching calendar guests (two people may share a display name). */
  emails: z.array(EmailSchema).max(20),
  relation: RelationSchema,
  archived: z.boolean(),
  ...Timestamps,
});
export type Person = z.infer<typeof PersonSchema>;

// Relationships (a 1:1 series) --------------------------------------------------------------------

export const RelationshipKindSchema = z.enum(ONE_ON_ONE_KINDS);
export type RelationshipKind = z.infer<typeof RelationshipKindSchema>;

export const RelationshipSchema = z.strictObject({
  id: IdSchema,
  /** The other person(s): one for a 1:1, the member (and the other lead) for a 2-1. */
  personIds: z.array(IdSchema).max(4),
  kind: RelationshipKindSchema,
  /** What the user calls this series (defaults to the calendar title). */
  title: ShortText,
  cadenceDays: z.number().int().min(1).max(365),
  templateId: IdSchema,
  /** Calendar recurring-series ids linked to this relationship (an edited series adds one). */
  calendarSeriesIds: z.array(IdSchema).max(50),
  meetCodes: z.array(z.string().regex(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/)).max(50),
  archived: z.boolean(),
  /**
   * Why an archived one is archived: the people whose archiving archived it (it comes back when the last
   * of them does), or empty when the user archived it on its own. Absent on rows and exports from before
   * this field (read as "unknown": the old rule decides once, see `archivedWithOf` in lib/db); it stays
   * optional rather than defaulted, since a default would make those rows read as archived on their own.
   */
  archivedWith: z.array(IdSchema).max(4).optional(),
  /**
   * A 2-1's member, the person it is about: one of `personIds` (the other is the second lead), or 'me' (two
   * leads meeting me). Absent or null: not said. Read through `memberOf` (anything else reads as not said).
   */
  member: z
    .union([IdSchema, z.literal('me')])
    .nullable()
    .optional(),
  ...Timestamps,
});
export type Relationship = z.infer<typeof RelationshipSchema>;

/** A 2-1's member (`Relationship.member`) when it is said and still one of its people (or me); else null. */
export function memberOf(relationship: Pick<Relationship, 'kind' | 'personIds' | 'member'>): string | null {
  const { member } = relationship;
  if (relationship.kind !== 'two-on-one' || !member) return null;
  return member === 'me' || relationship.personIds.includes(member) ? member : null;
}

// Sessions ----------------------------------------------------------------------------------------

export const SessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const CheckInSchema = z.strictObject({
  mood: z.number().int().min(1).max(5).nullable(),
  workload: z.number().int().min(1).max(5).nullable(),
});
export type CheckIn = z.infer<typeof CheckInSchema>;

/** A session that ran live (Meet call or in person): when, and its section timer. */
export const LiveStateSchema = z.strictObject({
  startedAt: InstantSchema,
  endedAt: InstantSchema.nullable(),
  /**
   * Who ended it: the user ("End session") — then it stays ended, even when the panel opens again in the
   * same call — or the call's end (absent in older rows), which a rejoin within REJOIN_WINDOW_MS continues.
   */
  endedBy: z.enum(['user', 'call']).optional(),
  timer: TimerStateSchema,
  /**
   * What the session was before a Meet call took it (planned for a meeting, or running already from
   * Calendar): given back if the user says the call was not this 1:1's (releaseCallSession).
   */
  took: z
    .strictObject({
      meetCode: z
        .string()
        .regex(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/)
        .nullable(),
      status: z.enum(['upcoming', 'rescheduled']),
      running: z.boolean(),
      /**
       * What was written in it before the call (prep notes), as an opaque tag (`writingTag`): the release
       * tells them from notes written in the call. Absent: nothing was written, or an older row.
       */
      writing: z
        .string()
        .regex(/^[0-9a-f]{8}$/)
        .optional(),
    })
    .optional(),
});
export type LiveState = z.infer<typeof LiveStateSchema>;

/** The career conversation's self-assessment against the role's expectations. */
export const CareerAssessmentSchema = z.enum(['ahead', 'on-track', 'not-meeting']);
export type CareerAssessment = z.infer<typeof CareerAssessmentSchema>;

export const SessionSchema = z.strictObject({
  id: IdSchema,
  relationshipId: IdSchema,
  scheduledAt: InstantSchema,
  /** The Calendar event instance (decoded id), when the session came from Calendar. */
  calendarEventId: IdSchema.nullable(),
  meetCode: z
    .string()
    .regex(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/)
    .nullable(),
  status: SessionStatusSchema,
  templateId: IdSchema,
  /** Notes per template section id. */
  notes: z.record(IdSchema, LongText),
  /** Notes only I see, even in summaries I copy. */
  privateNotes: LongText,
  checkIn: CheckInSchema.nullable(),
  heldAt: InstantSchema.nullable(),
  /** Set once the session ran live; rows saved before live sessions existed read as null. */
  live: LiveStateSchema.nullable().default(null),
  assessment: CareerAssessmentSchema.nullable().default(null),
  ...Timestamps,
});
export type Session = z.infer<typeof SessionSchema>;

/** Whether anything was written in a session itself: notes (private ones too), a check-in, an assessment. */
/** A check-in with a mood or a workload picked; one picked and cleared again is none. */
function pickedCheckIn(checkIn: CheckIn | null): CheckIn | null {
  return checkIn && (checkIn.mood !== null || checkIn.workload !== null) ? checkIn : null;
}

export function sessionHasWriting(
  session: Pick<Session, 'notes' | 'privateNotes' | 'checkIn'> & { assessment?: Session['assessment'] },
): boolean {
  return (
    Object.values(session.notes).some((text) => text.trim() !== '') ||
    session.privateNotes.trim() !== '' ||
    pickedCheckIn(session.checkIn) !== null ||
    Boolean(session.assessment)
  );
}

/**
 * An opaque tag of what was written in a session (`sessionHasWriting`), to tell later whether anything
 * changed: FNV-1a, 32 bits, over the notes by section, the private notes, the check-in and the assessment.
 * Null when nothing was written.
 */
export function writingTag(
  session: Pick<Session, 'notes' | 'privateNotes' | 'checkIn'> & { assessment?: Session['assessment'] },
): string | null {
  if (!sessionHasWriting(session)) return null;
  const notes = Object.entries(session.notes)
    .filter(([, text]) => text.trim() !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const picked = pickedCheckIn(session.checkIn);
  return fnv1aHex(JSON.stringify([notes, session.privateNotes.trim(), picked, session.assessment ?? null]));
}

/** A session still to happen, as Duet starts one: no notes, no check-in, not started, made `now`. */
export function newUpcomingSession(
  fields: Pick<Session, 'id' | 'relationshipId' | 'scheduledAt' | 'templateId'> &
    Partial<Pick<Session, 'calendarEventId' | 'meetCode'>>,
  now: number,
): Session {
  return {
    calendarEventId: null,
    meetCode: null,
    ...fields,
    status: 'upcoming',
    notes: {},
    privateNotes: '',
    checkIn: null,
    heldAt: null,
    live: null,
    assessment: null,
    createdAt: now,
    updatedAt: now,
  };
}

// Talking points ----------------------------------------------------------------------------------

export const TalkingPointSchema = z.strictObject({
  id: IdSchema,
  relationshipId: IdSchema,
  text: ShortText.min(1),
  /** Who wants to raise it. */
  author: z.enum(['me', 'them']),
  status: z.enum(TALKING_POINT_STATUSES),
  /** The session it is planned for; `null` until a session is prepared or started. */
  sessionId: IdSchema.nullable(),
  /**
   * The sessions it was carried over from, oldest first (the last 20): a held session's summary still says
   * what it left undiscussed once the next one has taken those points. Absent in rows from before.
   */
  carriedFrom: z.array(IdSchema).max(20).optional(),
  /** Position in the agenda (ascending). */
  order: z.number(),
  discussedAt: InstantSchema.nullable(),
  ...Timestamps,
});
export type TalkingPoint = z.infer<typeof TalkingPointSchema>;

// Agreements --------------------------------------------------------------------------------------

export const AgreementStatusSchema = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof AgreementStatusSchema>;

export const AgreementOwnerSchema = z.enum(['me', 'them', 'both', 'named']);
export type AgreementOwner = z.infer<typeof AgreementOwnerSchema>;

export const AgreementEventSchema = z.strictObject({
  at: InstantSchema,
  action: z.enum(['created', 'reviewed', 'done', 'renegotiated', 'dropped', 'reopened']),
  sessionId: IdSchema.nullable(),
  /** For renegotiation: the due date before and after. */
  fromDue: DayStringSchema.nullable(),
  toDue: DayStringSchema.nullable(),
  note: ShortText,
});
export type AgreementEvent = z.infer<typeof AgreementEventSchema>;

export const AgreementSchema = z.strictObject({
  id: IdSchema,
  relationshipId: IdSchema,
  owner: AgreementOwnerSchema,
  /** The owner's name when `owner` is `named` (someone outside the 1:1), else empty. */
  ownerName: ShortText,
  text: ShortText.min(1),
  dueDate: DayStringSchema.nullable(),
  status: AgreementStatusSchema,
  /** The session it was made in, if any. */
  madeInSessionId: IdSchema.nullable(),
  history: z.array(AgreementEventSchema).max(MAX_AGREEMENT_HISTORY),
  closedAt: InstantSchema.nullable(),
  ...Timestamps,
});
export type Agreement = z.infer<typeof AgreementSchema>;

// Goals and feedback ------------------------------------------------------------------------------

export const GOAL_CATEGORIES = ['impact', 'team', 'community', 'personal-development', 'okr'] as const;
export const GoalStatusSchema = z.enum(['ahead', 'on-track', 'behind']);
export const KeyResultSchema = z.strictObject({
  id: IdSchema,
  text: ShortText.min(1),
  /** 0–100 */
  progress: z.number().min(0).max(100),
});
export const GoalSchema = z.strictObject({
  id: IdSchema,
  relationshipId: IdSchema,
  category: z.enum(GOAL_CATEGORIES),
  title: ShortText.min(1),
  keyResults: z.array(KeyResultSchema).max(20),
  status: GoalStatusSchema,
  targetDate: DayStringSchema.nullable(),
  archived: z.boolean(),
  /**
   * When it was archived ("done"): set by archiving it, removed by bringing it back, kept by every other
   * change (a 1:1 folded into another re-stamps `updatedAt`). Absent in rows and exports from before the
   * field: they read `updatedAt` instead (`archivedAtOf`).
   */
  archivedAt: InstantSchema.optional(),
  ...Timestamps,
});
export type Goal = z.infer<typeof GoalSchema>;

/** When an archived goal was archived: `archivedAt`, or for a row from before that field its last change. */
export const archivedAtOf = (goal: Pick<Goal, 'archivedAt' | 'updatedAt'>): number =>
  goal.archivedAt ?? goal.updatedAt;

export const FeedbackSchema = z.strictObject({
  id: IdSchema,
  relationshipId: IdSchema,
  personId: IdSchema.nullable(),
  direction: z.enum(['given', 'received']),
  text: LongText.min(1),
  sessionId: IdSchema.nullable(),
  at: InstantSchema,
  ...Timestamps,
});
export type Feedback = z.infer<typeof FeedbackSchema>;

// Templates ---------------------------------------------------------------------------------------

/**
 * What a template section shows besides its notes. `career` is both career parts (action steps and the
 * self-assessment) in one section; `career-steps` and `career-assessment` are each part on its own.
 */
export const SECTION_KINDS = [
  'notes',
  'check-in',
  'agreements',
  'goals',
  'feedback',
  'career',
  'career-steps',
  'career-assessment',
] as const;
export const TemplateSectionSchema = z.strictObject({
  id: IdSchema,
  title: ShortText.min(1),
  /** Planned minutes (timebox); 0 = no timebox. */
  minutes: z.number().int().min(0).max(240),
  prompts: z.array(ShortText).max(20),
  kind: z.enum(SECTION_KINDS),
});
export type TemplateSection = z.infer<typeof TemplateSectionSchema>;

/** How many removed sections a template remembers the titles of (`formerSections`). */
export const MAX_FORMER_SECTIONS = 200;

export const TEMPLATE_METHODS = [
  'growth-performance',
  'your-session',
  'structured-50',
  'career',
  'peer',
  'custom',
] as const;
export const TemplateSchema = z.strictObject({
  id: IdSchema,
  name: ShortText.min(1),
  method: z.enum(TEMPLATE_METHODS),
  description: ShortText,
  // A session's notes, timer and checklist are keyed by section id: two sections with one id would share
  // notes, and the timer refuses them (only a damaged or hand-edited file has them: the editor never makes one).
  sections: z
    .array(TemplateSectionSchema)
    .min(1)
    .max(30)
    .refine((sections) => new Set(sections.map((s) => s.id)).size === sections.length, {
      message: 'section ids must be unique',
    }),
  /**
   * Sections the user removed from this template, by id with their last title: past sessions keep notes under
   * those ids, and show them under that title ("Wins"), not one made from a random id. Never offered again.
   * The newest MAX_FORMER_SECTIONS are kept.
   */
  formerSections: z
    .array(z.strictObject({ id: IdSchema, title: ShortText.min(1) }))
    .max(MAX_FORMER_SECTIONS)
    .optional(),
  builtIn: z.boolean(),
  /**
   * Deleted by the user while past sessions still use it: kept so those sessions show their notes under
   * its sections' titles, but no longer offered (not listed, not editable, not choosable).
   */
  retired: z.boolean().default(false),
  ...Timestamps,
});
export type Template = z.infer<typeof TemplateSchema>;

// Settings ----------------------------------------------------------------------------------------

/** More guests than this (me included) and an event is never a 1:1; 3 lets a 2-1 through. */
export const DEFAULT_MAX_GUESTS = 3;

export const DetectionRulesSchema = z.strictObject({
  /** Title words that mark a 1:1 in addition to the built-in conventions (case-insensitive substrings). */
  includeKeywords: z.array(ShortText.min(1).max(80)).max(50),
  /** Title words that mean "not a 1:1" whatever else the title says (the user's word per series still wins). */
  excludeKeywords: z.array(ShortText.min(1).max(80)).max(50),
  /** The most guests (me included) a 1:1 can have. */
  maxGuests: z.number().int().min(2).max(10),
});
export type DetectionRules = z.infer<typeof DetectionRulesSchema>;

export function defaultDetectionRules(): DetectionRules {
  return { includeKeywords: [], excludeKeywords: [], maxGuests: DEFAULT_MAX_GUESTS };
}

export const ReminderSettingsSchema = z.strictObject({
  /** Before an upcoming 1:1: "prepare: 2 open agreements, no talking points yet". */
  beforeSession: z.boolean(),
  /** How long before the 1:1 starts. */
  beforeMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** After a held 1:1 with no agreements recorded. */
  afterHeld: z.boolean(),
  /** When a relationship has gone past its cadence ("5 weeks since your last 1:1 with Alex"). */
  cadenceGap: z.boolean(),
  /** A tracked 1:1 seen cancelled or declined in Calendar: "reschedule?". */
  reschedule: z.boolean(),
  /** The toolbar badge with the number of overdue agreements. */
  overdueBadge: z.boolean(),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

export function defaultReminderSettings(): ReminderSettings {
  return {
    beforeSession: true,
    beforeMinutes: 30,
    afterHeld: true,
    cadenceGap: true,
    reschedule: true,
    overdueBadge: true,
  };
}

/** How many series "Not a 1:1" keeps (and titles of them). */
export const MAX_IGNORED_SERIES = 5000;

export const SettingsSchema = z.strictObject({
  id: z.literal('settings'),
  myName: ShortText,
  myEmails: z.array(EmailSchema).max(20),
  /** Default cadence per relationship kind, in days. */
  cadenceDays: z.record(RelationshipKindSchema, z.number().int().min(1).max(365)),
  /** Calendar series the user said are not 1:1s ("Not a 1:1"), remembered per series. */
  ignoredSeries: z.array(IdSchema).max(MAX_IGNORED_SERIES).default([]),
  /** What the user called the ignored series when saying "Not a 1:1" (for the options page's list). */
  // One title per ignored series at most (as many as ignoredSeries holds).
  seriesTitles: z
    .record(IdSchema, ShortText)
    .refine((titles) => Object.keys(titles).length <= MAX_IGNORED_SERIES, {
      message: `at most ${MAX_IGNORED_SERIES} series titles`,
    })
    .default({}),
  /** The user's detection rules (options page): extra/excluded title words, the largest meeting to consider. */
  detection: DetectionRulesSchema.default(defaultDetectionRules()),
  /** Which reminders the background may raise, and when. */
  reminders: ReminderSettingsSchema.default(defaultReminderSettings()),
  /** How the Meet panel appears when a tracked 1:1 call starts: open, or collapsed to its rail. */
  meetPanel: z.enum(['open', 'collapsed']).default('open'),
  /** What the browser answered to `navigator.storage.persist()`, and when. */
  storagePersistence: z.strictObject({ requestedAt: InstantSchema, granted: z.boolean() }).nullable(),
  updatedAt: InstantSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_CADENCE_DAYS: Record<RelationshipKind, number> = {
  'one-on-one': 14,
  'two-on-one': 42,
  'skip-level': 42,
  peer: 28,
  career: 42,
};

export function defaultSettings(now: number): Settings {
  return {
    id: 'settings',
    myName: '',
    myEmails: [],
    cadenceDays: { ...DEFAULT_CADENCE_DAYS },
    ignoredSeries: [],
    seriesTitles: {},
    detection: defaultDetectionRules(),
    reminders: defaultReminderSettings(),
    meetPanel: 'open',
    storagePersistence: null,
    updatedAt: now,
  };
}

// Deletions ---------------------------------------------------------------------------------------

/** The tables whose records can be deleted (the settings row never is). */
export const TOMBSTONE_TABLES = [
  'people',
  'relationships',
  'sessions',
  'talkingPoints',
  'agreements',
  'goals',
  'feedback',
  'templates',
] as const;
export type TombstoneTable = (typeof TOMBSTONE_TABLES)[number];

/**
 * A record deleted here ("tombstone"): written with the delete, exported, and read by a merge import so
 * an older file does not bring the record back, and a newer one deletes it here too (docs/DATA.md).
 */
export const TombstoneSchema = z.strictObject({
  table: z.enum(TOMBSTONE_TABLES),
  id: IdSchema,
  deletedAt: InstantSchema,
  /**
   * The deleted record's own `updatedAt` (the version the deleting device had). A merge import deletes a
   * record here only if it was not changed after that version: edits the other device never saw are kept.
   */
  version: InstantSchema.optional(),
});
export type Tombstone = z.infer<typeof TombstoneSchema>;
