/**
 * "The database may have changed": Dexie's global `storagemutated` event, which fires after any committed
 * write by Dexie in this page, another page of the extension or the worker (Dexie ≥ 3.2 relays it over a
 * BroadcastChannel). For readers outside `liveQuery` — the popup reads with raw IndexedDB
 * (`popup-view.ts`) and re-reads when this fires.
 */
import Dexie from 'dexie';
import { DATABASE_NAME } from './schema';

/** Dexie names the changed parts `idb://<database>/<table>/…` (`all` after a page comes back from the bfcache). */
const OURS = `idb://${DATABASE_NAME}/`;

/** Calls `listener` after writes to Duet's database — to these tables only, when given. */
export function onDatabaseChange(listener: () => void, tables?: readonly string[]): () => void {
  const prefixes = tables ? tables.map((table) => `${OURS}${table}/`) : [OURS];
  const onMutated = (parts: Record<string, unknown>) => {
    const changed = Object.keys(parts).some(
      (part) => part === 'all' || prefixes.some((prefix) => part.startsWith(prefix)),
    );
    if (changed) listener();
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}
