/**
 * Which tracked 1:1s are off in Calendar: instances I declined, and instances Duet planned that Calendar no
 * longer shows (cancelled, deleted, moved away). The worker keeps their event ids in `storage.local`
 * (`lib/messaging/declined-events.ts`: opaque ids, kept across a restart); the popup marks them in its week.
 */
import { browser } from 'wxt/browser';
import { DECLINED_EVENTS_KEY, GONE_EVENTS_KEY, parseDeclinedEvents } from '@/lib/messaging/declined-events';

/** Why a 1:1's instance is off: I declined it, or Calendar no longer shows it. */
export type OffCalendar = 'declined' | 'gone';

export async function readDeclinedEvents(): Promise<ReadonlyMap<string, OffCalendar>> {
  try {
    const stored = await browser.storage.local.get([DECLINED_EVENTS_KEY, GONE_EVENTS_KEY]);
    const off = new Map<string, OffCalendar>();
    for (const id of parseDeclinedEvents(stored[GONE_EVENTS_KEY])) off.set(id, 'gone');
    // Declined wins: it is what I did, and Calendar still shows the event.
    for (const id of parseDeclinedEvents(stored[DECLINED_EVENTS_KEY])) off.set(id, 'declined');
    return off;
  } catch {
    return new Map(); // no storage here: nothing is marked
  }
}

export function watchDeclinedEvents(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (DECLINED_EVENTS_KEY in changes || GONE_EVENTS_KEY in changes)) onChange();
  };
  try {
    browser.storage.onChanged.addListener(listener);
  } catch {
    return () => undefined;
  }
  return () => browser.storage.onChanged.removeListener(listener);
}
