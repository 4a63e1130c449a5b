/**
 * The popup's reads (`popup-view.ts`, raw IndexedDB) over a Dexie database: for pages and tests that have
 * Dexie loaded anyway. The popup itself reads through `popup-view.ts` before Dexie loads.
 *
 * These read in their own raw transaction on `db.backendDB()`: Dexie does not see them, so they neither
 * join a `db.transaction()` nor make a `liveQuery` re-run (watch `onDatabaseChange` instead).
 */
import type { AgreementFilter } from '../domain/agreements';
import { type DuetDatabase, getDatabase } from './database';
import {
  POPUP_TABLES,
  type PopupLists,
  type PopupView,
  type PopupViewOptions,
  readPopupLists,
  readPopupView,
} from './popup-view';

export * from './popup-view';

async function backend(db: DuetDatabase): Promise<IDBDatabase> {
  if (!db.isOpen()) await db.open();
  return db.backendDB();
}

export async function loadPopupView(
  options: PopupViewOptions = {},
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
): Promise<PopupView> {
  return readPopupView(await backend(db), options, now);
}

export async function loadPopupLists(
  filter: AgreementFilter = 'all-open',
  now: number = Date.now(),
  db: DuetDatabase = getDatabase(),
  parts: { list?: boolean; upcoming?: boolean; limit?: number } = {},
): Promise<PopupLists> {
  const tx = (await backend(db)).transaction([...POPUP_TABLES], 'readonly');
  return readPopupLists(tx, filter, now, parts);
}
