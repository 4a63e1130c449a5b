/**
 * What `npm run bench` drives inside the extension (bench builds only): seed a generated profile into the
 * real IndexedDB, then time the panel's and the popup's data loads.
 */
import { type AgreementFilter } from '../domain/agreements';
import { countRecords, getDatabase, loadPopupLists, loadPopupView, loadRelationshipOverview } from '../db';
import { generateProfile, profileStats } from '../demo/generate';
import { EXPORT_TABLES } from '../io/export-format';
import { deleteAllData } from '../io/import';

const CHUNK = 20_000;

const SEEDED_MARKER = 'duet-bench-seeded';
/** Bump when the generator's output changes, so kept bench profiles are seeded again. */
const GENERATOR_VERSION = 1;

export interface BenchApi {
  /** Seeds unless this browser profile already holds the same profile and scale (kept between runs). */
  seed(profile: 'realistic' | 'large', scale: number): Promise<Record<string, number>>;
  timePanel(runs: number): Promise<number[]>;
  timePopup(runs: number, filter: AgreementFilter): Promise<number[]>;
  /** The popup's whole read (lists, names, prep status), optionally with search text. */
  timePopupView(runs: number, query: string): Promise<number[]>;
}

async function seed(profile: 'realistic' | 'large', scale: number) {
  const db = getDatabase();
  const marker = `${profile}:${scale}:${GENERATOR_VERSION}`;
  if (localStorage.getItem(SEEDED_MARKER) === marker) {
    const counts = await countRecords(db);
    return { ...counts, reused: 1 };
  }
  localStorage.removeItem(SEEDED_MARKER);
  await deleteAllData(db);
  const data = generateProfile(profile, { now: Date.now(), seed: 7, scale });
  // Chunked transactions: one transaction of a million rows would hold everything in memory twice.
  for (const table of EXPORT_TABLES) {
    const rows = data[table] as unknown[];
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db.table(table).bulkAdd(rows.slice(i, i + CHUNK));
    }
  }
  localStorage.setItem(SEEDED_MARKER, marker);
  return { ...profileStats(data), reused: 0 };
}

async function timePanel(runs: number) {
  const ids = (await getDatabase().relationships.toCollection().primaryKeys()) as string[];
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const id = ids[(run * 7919) % ids.length]!;
    const started = performance.now();
    const overview = await loadRelationshipOverview(id);
    samples.push(performance.now() - started);
    if (!overview) throw new Error('relationship vanished');
  }
  return samples;
}

async function timePopup(runs: number, filter: AgreementFilter) {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await loadPopupLists(filter);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function timePopupView(runs: number, query: string) {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await loadPopupView({ filter: 'all-open', query });
    samples.push(performance.now() - started);
  }
  return samples;
}

export function exposeBenchApi(target: object): void {
  const api: BenchApi = { seed, timePanel, timePopup, timePopupView };
  Object.assign(target, { duetBench: api });
}
