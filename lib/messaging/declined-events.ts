/**
 * Calendar instances of tracked 1:1s I declined, as the worker saw them in Calendar: kept in `storage.local`
 * (opaque event ids only — no address, no title — like the reminders' sent log) so a restarted worker or
 * browser still knows them and the popup can mark those 1:1s in its week ("You declined this — cancel it in
 * Duet?").
 */
export const DECLINED_EVENTS_KEY = 'declined-events';

/** At most this many are kept (the oldest go first). */
export const MAX_DECLINED_EVENTS = 500;

const MAX_ID = 512;

/** What storage holds, as a list of event ids (anything else is dropped). */
export function parseDeclinedEvents(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID)
    .slice(-MAX_DECLINED_EVENTS);
}

/**
 * Declined instances of tracked 1:1s whose "reschedule?" prompt is still to come (a later check raises it
 * when the caps allow): opaque ids and the instance's time only, in `storage.session` (memory: a chip id
 * encodes an address).
 */
export const RESCHEDULE_AWAITING_KEY = 'reminders.declined';

export interface DeclinedPrompt {
  eventId: string;
  /** '' for an instance no longer in Calendar (`gone`): there is no chip to open. */
  dataEventId: string;
  relationshipId: string;
  scheduledAt: number;
  gone?: boolean;
}

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;

/** What storage holds, as a list of waiting prompts (anything malformed is dropped). */
export function parseDeclinedPrompts(value: unknown): DeclinedPrompt[] {
  if (!Array.isArray(value)) return [];
  const out: DeclinedPrompt[] = [];
  for (const item of value.slice(-MAX_DECLINED_EVENTS)) {
    if (typeof item !== 'object' || item === null) continue;
    const { eventId, dataEventId, relationshipId, scheduledAt, gone } = item as Record<string, unknown>;
    if (!isId(eventId) || !isId(relationshipId) || typeof dataEventId !== 'string') continue;
    if (gone === true ? dataEventId !== '' : !isId(dataEventId)) continue;
    if (typeof scheduledAt !== 'number' || !Number.isFinite(scheduledAt)) continue;
    out.push({ eventId, dataEventId, relationshipId, scheduledAt, ...(gone === true ? { gone } : {}) });
  }
  return out;
}

/**
 * Instances of tracked 1:1s Duet had planned that Calendar no longer shows on their day (cancelled, deleted
 * or moved away), as the worker saw them: event ids only, in `storage.local` like the declined ones.
 */
export const GONE_EVENTS_KEY = 'gone-events';
