/**
 * Seeds the offline demo (`npm start`): the realistic profile — a manager with 8 reports, peers, their own
 * manager and a skip-level, two years of history — lined up with the bundled Calendar demo week. Only
 * compiled into the demo build (`__DUET_DEMO__`), and it writes nothing unless the database is empty.
 */
import { getDatabase } from '../db';
import { applyImport } from '../io/import';
import { generateProfile } from './generate';

export async function seedDemoDataIfEmpty(now: number = Date.now()): Promise<boolean> {
  const db = getDatabase();
  const counts = await Promise.all(db.dataTables.map((table) => table.count()));
  if (counts.some((count) => count > 0)) return false;
  await applyImport(generateProfile('realistic', { now }), 'merge');
  return true;
}
