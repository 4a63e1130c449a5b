/**
 * Which tracked 1:1s I declined in Calendar: the worker keeps those instances' event ids in
 * `storage.session` (`lib/messaging/declined-events.ts`); the popup marks them in its week.
 */
import { browser } from 'wxt/browser';
import { DECLINED_EVENTS_KEY, parseDeclinedEvents } from '@/lib/messaging/declined-events';

export async function readDeclinedEvents(): Promise<ReadonlySet<string>> {
  try {
    const stored = await browser.storage.session.get(DECLINED_EVENTS_KEY);
    return new Set(parseDeclinedEvents(stored[DECLINED_EVENTS_KEY]));
  } catch {
    return new Set(); // no session storage here: nothing is marked
  }
}

export function watchDeclinedEvents(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && DECLINED_EVENTS_KEY in changes) onChange();
  };
  try {
    browser.storage.onChanged.addListener(listener);
  } catch {
    return () => undefined;
  }
  return () => browser.storage.onChanged.removeListener(listener);
}
