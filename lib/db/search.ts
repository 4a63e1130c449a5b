/** Search across agreements and session notes: case- and accent-insensitive substring match. */
import type { Agreement, Session } from '../domain/model';
import { normaliseForSearch } from '../domain/search-text';
import { type DuetDatabase, getDatabase } from './database';

export { normaliseForSearch };

export interface SearchResults {
  agreements: Agreement[];
  sessions: Array<{ session: Session; excerpt: string }>;
}

/**
 * Where `needle` (already normalised) occurs in `text`, as an index into the ORIGINAL text: normalising can
 * make characters longer (… → ..., Hangul syllables → jamo), so positions are mapped back char by char.
 */
export function findNormalized(text: string, needle: string): number {
  let normalized = '';
  const originIndex: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = normaliseForSearch(char);
    normalized += piece;
    for (let k = 0; k < piece.length; k++) originIndex.push(offset);
    offset += char.length;
  }
  const at = normalized.indexOf(needle);
  return at < 0 ? -1 : (originIndex[at] ?? -1);
}

function excerpt(text: string, needle: string): string {
  const index = Math.max(0, findNormalized(text, needle));
  const start = Math.max(0, index - 40);
  const flat = text
    .slice(start, start + 160)
    .replace(/\s+/g, ' ')
    .trim();
  return `${start > 0 ? '…' : ''}${flat}${start + 160 < text.length ? '…' : ''}`;
}

export async function search(
  query: string,
  { limit = 50 }: { limit?: number } = {},
  db: DuetDatabase = getDatabase(),
): Promise<SearchResults> {
  const needle = normaliseForSearch(query.trim());
  if (needle.length === 0) return { agreements: [], sessions: [] };
  const agreements: Agreement[] = [];
  await db.agreements
    .filter((a) => normaliseForSearch(`${a.text} ${a.ownerName}`).includes(needle))
    .until(() => agreements.length >= limit)
    .each((a) => void agreements.push(a));
  const sessions: SearchResults['sessions'] = [];
  await db.sessions
    .orderBy('updatedAt')
    .reverse()
    .until(() => sessions.length >= limit)
    .each((session) => {
      const text = [...Object.values(session.notes), session.privateNotes].join('\n');
      if (normaliseForSearch(text).includes(needle))
        sessions.push({ session, excerpt: excerpt(text, needle) });
    });
  return { agreements, sessions };
}
