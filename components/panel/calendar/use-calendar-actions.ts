/**
 * The Calendar panel's actions, each a repository call wrapped so components get a result they can show
 * (never an exception): success is announced in the panel's live region, a failure comes back as a
 * message for the control that started it, so nothing typed is lost.
 */
import {
  addTalkingPoint,
  completeAgreement,
  createPerson,
  createRelationship,
  describeStorageProblem,
  dropAgreement,
  findPersonByEmail,
  ignoreSeries,
  unignoreSeries,
  instantFromEventKey,
  prepareSession,
  renegotiateAgreement,
  reorderTalkingPoints,
  setTalkingPointStatus,
  updateRelationship,
} from '@/lib/db';
import { type Day, dayOf } from '@/lib/domain/days';
import type { TalkingPoint } from '@/lib/domain/model';
import { formatDay, moveId } from './calendar-text';
import type { ActionResult, CalendarContext, Direction, TrackDraft } from './view-types';

/** What went wrong, in words for the user (the storage messages promise retries these actions don't do). */
export function actionErrorMessage(error: unknown): string {
  const problem = describeStorageProblem(error);
  switch (problem.kind) {
    case 'quota':
      return 'Your browser has no storage space left for Duet, so this was not saved. Free some disk space and try again.';
    case 'unknown':
      return "That didn't work and nothing was changed. Please try again.";
    default:
      return problem.message;
  }
}

const fail = (message: string): ActionResult => ({ ok: false, message });
const OK: ActionResult = { ok: true };

/** Runs a repository call and reports the outcome as a value (panels show it; nothing typed is lost). */
export async function attempt(work: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await work();
    return OK;
  } catch (error) {
    return fail(actionErrorMessage(error));
  }
}

/** What is wrong with the details of a 1:1 to track, or null when they can be saved. */
export function checkTrackDraft(draft: TrackDraft): ActionResult | null {
  if (!draft.name.trim()) return fail('Write the name of the person this 1:1 is with.');
  if (!Number.isInteger(draft.cadenceDays) || draft.cadenceDays < 1 || draft.cadenceDays > 365)
    return fail('Cadence: a whole number of days, from 1 to 365.');
  return null;
}

/**
 * When this occurrence starts: the local day and time the page showed; else the instance suffix of the
 * event id (`…_20260323T170000Z`); else now.
 */
export function scheduledAtOf(
  context: Pick<CalendarContext, 'day' | 'start' | 'eventKey'>,
  now: number = Date.now(),
): number {
  if (context.day && context.start) {
    const [year, month, date] = context.day.split('-').map(Number) as [number, number, number];
    const [hours, minutes] = context.start.split(':').map(Number) as [number, number];
    const local = new Date(year, month - 1, date, hours, minutes);
    const valid =
      hours < 24 &&
      minutes < 60 &&
      local.getMonth() === month - 1 &&
      local.getDate() === date &&
      local.getTime() >= 0;
    if (valid) return local.getTime();
  }
  return instantFromEventKey(context.eventKey) ?? now;
}

export interface CalendarActionsOptions {
  context: CalendarContext;
  /** The relationship shown, if any. */
  relationshipId: string | null;
  /** Its people, when linking a person to a relationship that has none. */
  personIds?: readonly string[];
  announce: (message: string) => void;
  /** Something badges depend on changed (tracked, ignored, an agreement closed…). */
  onChanged: () => void;
  /** The event now belongs to this relationship. */
  adopt: (relationshipId: string) => void;
  /** The session was prepared; this many talking points flowed into it. */
  onPrepared: (carried: number) => void;
}

export function useCalendarActions(options: CalendarActionsOptions) {
  const { context, relationshipId, announce, onChanged, adopt, onPrepared } = options;

  async function run(
    work: () => Promise<string | null>,
    { changed = false }: { changed?: boolean } = {},
  ): Promise<ActionResult> {
    try {
      const message = await work();
      if (message) announce(message);
      if (changed) onChanged();
      return OK;
    } catch (error) {
      return fail(actionErrorMessage(error));
    }
  }

  function forRelationship(work: (id: string) => Promise<string | null>, changed = false) {
    if (!relationshipId) return Promise.resolve(fail('This event is not tracked as a 1:1 yet.'));
    return run(() => work(relationshipId), { changed });
  }

  async function personFor(draft: TrackDraft) {
    const email = draft.email.trim().toLowerCase();
    const existing = email ? await findPersonByEmail(email) : undefined;
    return (
      existing ??
      (await createPerson({ name: draft.name, emails: email ? [email] : [], relation: draft.relation }))
    );
  }

  return {
    completeAgreement: (id: string) =>
      run(
        async () => {
          await completeAgreement(id);
          return 'Agreement marked done.';
        },
        { changed: true },
      ),

    renegotiateAgreement: (id: string, newDue: Day) => {
      if (!newDue) return Promise.resolve(fail('Pick the new due date.'));
      return run(
        async () => {
          const updated = await renegotiateAgreement(id, newDue);
          return `Agreement now due ${formatDay(updated.dueDate ?? newDue, dayOf(Date.now()))}.`;
        },
        { changed: true },
      );
    },

    dropAgreement: (id: string, reason: string) =>
      run(
        async () => {
          await dropAgreement(id, reason);
          return 'Agreement dropped.';
        },
        { changed: true },
      ),

    addTalkingPoint: (text: string, author: TalkingPoint['author']) => {
      if (!text.trim()) return Promise.resolve(fail('Write the talking point first.'));
      return forRelationship(async (id) => {
        await addTalkingPoint(id, { text, author });
        return author === 'them' ? 'Talking point added for them.' : 'Talking point added.';
      });
    },

    moveTalkingPoint: (pointId: string, direction: Direction, currentOrder: readonly string[]) =>
      forRelationship(async (id) => {
        const order = moveId(currentOrder, pointId, direction);
        await reorderTalkingPoints(id, order);
        return `Moved ${direction}: now ${order.indexOf(pointId) + 1} of ${order.length}.`;
      }),

    setTalkingPointStatus: (pointId: string, status: Exclude<TalkingPoint['status'], 'open'>) =>
      run(async () => {
        await setTalkingPointStatus(pointId, status);
        return status === 'discussed' ? 'Talking point marked discussed.' : 'Talking point dropped.';
      }),

    startPrep: () =>
      forRelationship(async (id) => {
        const started = await prepareSession({
          relationshipId: id,
          scheduledAt: scheduledAtOf(context),
          calendarEventId: context.eventKey,
          meetCode: context.meetCode,
        });
        const carried = started.carriedPointIds.length;
        onPrepared(carried);
        return `Prepared: ${carried} talking ${carried === 1 ? 'point' : 'points'} carried over.`;
      }, true),

    /** Creates (or reuses, by email) the person and a relationship linked to this series, in one go. */
    track: (draft: TrackDraft) => {
      const invalid = checkTrackDraft(draft);
      if (invalid) return Promise.resolve(invalid);
      return run(
        async () => {
          const person = await personFor(draft);
          const relationship = await createRelationship({
            personIds: [person.id],
            kind: draft.kind,
            title: context.title.trim() || `1:1 with ${person.name}`,
            cadenceDays: draft.cadenceDays,
            calendarSeriesIds: [context.seriesKey],
            meetCodes: context.meetCode ? [context.meetCode] : [],
          });
          adopt(relationship.id);
          return `Now tracking this series as a 1:1 with ${person.name}.`;
        },
        { changed: true },
      );
    },

    /** Says who a relationship without people (e.g. created by writing notes) is with. */
    link: (draft: TrackDraft) => {
      const invalid = checkTrackDraft(draft);
      if (invalid) return Promise.resolve(invalid);
      return forRelationship(async (id) => {
        const person = await personFor(draft);
        await updateRelationship(id, {
          personIds: [...new Set([...(options.personIds ?? []), person.id])],
          kind: draft.kind,
          cadenceDays: draft.cadenceDays,
        });
        return `This 1:1 is now linked to ${person.name}.`;
      }, true);
    },

    ignoreSeries: () =>
      run(
        async () => {
          await ignoreSeries(context.seriesKey, undefined, context.title);
          return 'Got it: Duet will not treat this series as a 1:1.';
        },
        { changed: true },
      ),

    unignoreSeries: () =>
      run(
        async () => {
          await unignoreSeries(context.seriesKey);
          return 'Duet will consider this series again.';
        },
        { changed: true },
      ),
  };
}

export type CalendarActions = ReturnType<typeof useCalendarActions>;
