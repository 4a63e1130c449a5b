/**
 * Puts records straight into Duet's IndexedDB from an extension page, for E2E set-up (the user-facing path,
 * import from the options page, is tested on its own). Store names are the Dexie table names.
 */
import type { Agreement } from '@/lib/domain/model';
import type { ExportData } from '@/lib/io/export-format';
import type { Duet } from './harness';

export async function seedDatabase(duet: Duet, data: ExportData): Promise<void> {
  const page = await duet.newPage();
  try {
    await page.goto(duet.extensionUrl('options.html'));
    // Let the page open (and create or upgrade) the database first.
    await page.locator('[data-testid=privacy-statement]').waitFor();
    await page.evaluate(async (records) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('duet');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores = Object.keys(records).filter(
        (name) => (records as Record<string, unknown[]>)[name]!.length > 0,
      );
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(stores, 'readwrite');
        for (const name of stores) {
          for (const record of (records as Record<string, unknown[]>)[name]!)
            tx.objectStore(name).put(record);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, data);
  } finally {
    await page.close();
  }
}

/** The sessions Duet's IndexedDB holds under `key` in one of the sessions' indexes (from an extension page). */
export async function sessionsBy<T = Record<string, unknown>>(
  duet: Duet,
  index: 'relationshipId' | 'calendarEventId',
  key: string,
): Promise<T[]> {
  const page = await duet.newPage();
  try {
    await page.goto(duet.extensionUrl('options.html'));
    await page.locator('[data-testid=privacy-statement]').waitFor();
    return (await page.evaluate(
      async ({ indexName, value }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('duet');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction('sessions').objectStore('sessions').index(indexName).getAll(value);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        db.close();
        return rows;
      },
      { indexName: index, value: key },
    )) as T[];
  } finally {
    await page.close();
  }
}

/** An open agreement record for seeding (owner "them" unless said), made and stamped at `at`. */
export function openAgreement(
  relationshipId: string,
  id: string,
  text: string,
  dueDate: string | null,
  { owner = 'them', at = Date.now() }: { owner?: Agreement['owner']; at?: number } = {},
): Agreement {
  return {
    id,
    relationshipId,
    owner,
    ownerName: '',
    text,
    dueDate,
    status: 'open',
    madeInSessionId: null,
    history: [{ at, action: 'created', sessionId: null, fromDue: null, toDue: dueDate, note: '' }],
    closedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}
