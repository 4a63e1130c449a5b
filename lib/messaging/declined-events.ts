/**
 * Calendar instances of tracked 1:1s I declined, as the worker saw them in Calendar: kept in
 * `storage.session` (memory only; content scripts cannot read it) so a restarted worker still knows them
 * and the popup can mark those 1:1s in its week ("You declined this — cancel it in Duet?"). Event ids only.
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
