/**
 * The popup's part that needs Dexie (and so zod): its writes, the change notifications that keep its lists
 * live, the read for a database that does not exist yet or must be upgraded first, and what only the
 * complete view shows (the 1:1s I declined). Loaded with a dynamic import after the first paint
 * (`popup-source.ts`), so opening the popup never waits for it.
 */
export { ensurePersistentStorage, loadPopupView, onDatabaseChange } from '@/lib/db';
export { popupActions } from './popup-actions';
export { readDeclinedEvents, watchDeclinedEvents } from './declined-events';
