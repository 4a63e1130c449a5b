/**
 * The Calendar panel's actions, each a repository call wrapped so components get a result they can show
 * (never an exception): success is announced in the panel's live region, a failure comes back as a
 * message for the control that started it, so nothing typed is lost.
 */
import {
  describeStorageProblem,
  type DraftPerson,
  ignoreSeries,
  unignoreSeries,
  prepareSession,
  trackWithPeople,
  linkWithPeople,
  setRelationshipArchived,
} from '@/lib/db';
import { isBlank, lengthOver } from '@/lib/domain/text';
import { t, tn, uiLocale } from '@/lib/i18n';
import { namesOf } from '../../shared/format';
import { storageProblemText } from '../storage-text';
import { relationshipActions } from './relationship-actions';
import type { ActionResult, CalendarContext, TrackDraft } from './view-types';

/**
 * What went wrong, in words for the user. These actions are not retried (the user clicks again), so none of
 * the storage messages that promise a retry or kept text are used: each says nothing was changed and what
 * to do.
 */
export function actionErrorMessage(error: unknown): string {
  const problem = describeStorageProblem(error);
  switch (problem.kind) {
    case 'quota':
      return t('common_quota');
    case 'unknown':
      return t('common_action_failed');
    case 'unavailable':
      return t('panel_action_unavailable');
    case 'updated':
      return t('panel_action_updated');
    case 'blocked':
      return t('panel_action_blocked');
    case 'invalid':
      return storageProblemText(problem);
  }
}

/**
 * The people a track or link card names: its person, then a 2-1's other ones (whose relation to me is not
 * known: "other", editable later). Found (by email; a Meet call's by name) or created by `trackWithPeople` /
 * `linkWithPeople`, in the same transaction as the 1:1's write: a failure leaves no one behind.
 */
export function draftPeopleOf(draft: TrackDraft): [DraftPerson, ...DraftPerson[]] {
  return [
    { name: draft.name, email: draft.email, relation: draft.relation },
    ...(draft.others ?? []).map((other) => ({
      name: other.name,
      email: other.email,
      relation: 'other' as const,
    })),
  ];
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

/**
 * What is wrong with text typed in an add box, in words: blank (white space or invisible characters only,
 * `isBlank`) says `emptyMessage`; longer than `max` as it would be stored names the limit and its length.
 * Null when it can be added. The box keeps the text either way (no `maxLength` cuts a paste short).
 */
export function checkTypedText(text: string, max: number, emptyMessage: string): ActionResult | null {
  if (isBlank(text)) return fail(emptyMessage);
  const length = lengthOver(text, max);
  if (length === null) return null;
  const count = (n: number) => new Intl.NumberFormat(uiLocale()).format(n);
  return fail(t('panel_error_text_too_long', count(max), count(length)));
}

/** `add`, called only for text `checkTypedText` accepts; otherwise its message comes back as the result. */
export function checkedAdd(
  max: number,
  emptyMessage: string,
  add: (text: string) => Promise<ActionResult>,
): (text: string) => Promise<ActionResult> {
  return (text) => {
    const invalid = checkTypedText(text, max, emptyMessage);
    return invalid ? Promise.resolve(invalid) : add(text);
  };
}

/** What is wrong with the details of a 1:1 to track, or null when they can be saved. */
export function checkTrackDraft(draft: TrackDraft): ActionResult | null {
  if (isBlank(draft.name)) return fail(t('panel_error_track_name'));
  if (!Number.isInteger(draft.cadenceDays) || draft.cadenceDays < 1 || draft.cadenceDays > 365)
    return fail(t('panel_error_track_cadence'));
  return null;
}

/**
 * When this occurrence starts: as the background read it (the day and time the page showed, in Calendar's
 * own time zone, else the instance id's start: lib/background/calendar-clock); else now.
 */
export function scheduledAtOf(context: Pick<CalendarContext, 'startsAt'>, now: number = Date.now()): number {
  return context.startsAt ?? now;
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
    if (!relationshipId) return Promise.resolve(fail(t('panel_error_not_tracked')));
    return run(() => work(relationshipId), { changed });
  }

  return {
    ...relationshipActions(relationshipId, announce, onChanged),

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
        return tn('panel_announce_prepared', carried);
      }, true),

    /** Creates (or reuses, by email) the person and a relationship linked to this series, in one go. */
    track: (draft: TrackDraft) => {
      const invalid = checkTrackDraft(draft);
      if (invalid) return Promise.resolve(invalid);
      return run(
        async () => {
          const { people, relationship, existing } = await trackWithPeople(draftPeopleOf(draft), (found) => ({
            kind: draft.kind,
            title: context.title.trim() || t('panel_default_title_with', namesOf(found)),
            cadenceDays: draft.cadenceDays,
            calendarSeriesIds: [context.seriesKey],
            meetCodes: context.meetCode ? [context.meetCode] : [],
          }));
          adopt(relationship.id);
          return t(
            existing ? 'panel_announce_tracking_existing' : 'panel_announce_tracking',
            namesOf(people),
          );
        },
        { changed: true },
      );
    },

    /** Says who a relationship without people (e.g. created by writing notes) is with. */
    link: (draft: TrackDraft) => {
      const invalid = checkTrackDraft(draft);
      if (invalid) return Promise.resolve(invalid);
      return forRelationship(async (id) => {
        // Their existing 1:1 of this kind, if they have one, takes this one in (and the panel shows it).
        const { people, relationship: linked } = await linkWithPeople(id, draftPeopleOf(draft), {
          personIds: options.personIds ?? [],
          kind: draft.kind,
          cadenceDays: draft.cadenceDays,
        });
        if (linked.id !== id) adopt(linked.id);
        return t('panel_announce_linked', namesOf(people));
      }, true);
    },

    ignoreSeries: () =>
      run(
        async () => {
          await ignoreSeries(context.seriesKey, undefined, context.title);
          return t('panel_announce_ignored');
        },
        { changed: true },
      ),

    /** The shown 1:1 is archived: back, with its history (and the people it was archived with). */
    bringBack: () =>
      forRelationship(async (id) => {
        await setRelationshipArchived(id, false);
        return t('panel_announce_brought_back');
      }, true),

    unignoreSeries: () =>
      run(
        async () => {
          await unignoreSeries(context.seriesKey);
          return t('panel_announce_unignored');
        },
        { changed: true },
      ),
  };
}

export type CalendarActions = ReturnType<typeof useCalendarActions>;
