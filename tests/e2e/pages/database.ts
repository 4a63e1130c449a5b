/**
 * Reads Duet's IndexedDB from an extension page, for E2E checks of what a click stored (store names are the
 * Dexie table names). Seeding lives in ../seed.ts.
 */
import type { Duet } from '../harness';

/** Every record of one store. */
export async function allRecords<T = Record<string, unknown>>(duet: Duet, store: string): Promise<T[]> {
  const page = await duet.newPage();
  try {
    await page.goto(duet.extensionUrl('options.html'));
    await page.locator('[data-testid=privacy-statement]').waitFor();
    return (await page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('duet');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        return await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      } finally {
        db.close();
      }
    }, store)) as T[];
  } finally {
    await page.close();
  }
}
