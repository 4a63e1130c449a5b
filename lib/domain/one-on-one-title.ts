/**
 * Title conventions people use for one-on-ones. Title-only detection is "likely", never "confirmed":
 * guests and the user's own word decide later (lib/domain/detection.ts). Fails closed: when nothing
 * matches, the event is not a 1:1.
 *
 * What counts (after NFKC normalisation, so full-width "１:１" and decomposed accents read as usual):
 * - Markers: 1:1, 1-1, 1–1, 1 : 1 — not inside times, dates or versions ("11:15", "2026-1-1", "1/1/2027"),
 *   and not after a sequence/date/score word ("Sprint 1-1", "FY 1-1", "Q1 1:1", "Holiday 1/1"). "1/1" is
 *   usually a date, so it only counts at the start of a title or before "with"/"mit"/"avec"/"con".
 *   1on1, 1-on-1, 1to1, 1-2-1 (British), 1-op-1, one-on-one, one to one, O3/O3s, Einzelgespräch(e),
 *   Mitarbeitergespräch, Vier-Augen-Gespräch, tête-à-tête, entretien/point/réunion individuel(le),
 *   reunión individual, un à un, uno a uno, cara a cara, één-op-één.
 * - A name pair as the whole title: "Alice / Bob", "Alice <> Bob", "Alice x Bob", "Alice ↔ Bob", optionally
 *   behind or after a label ("Peer: Alice / Evan", "Alice / Ivy (skip-level)"). Names are capitalised words
 *   (accents, hyphens, apostrophes); pairs of common meeting words ("Sales / Marketing") are not names.
 * - A label with one person: "Jour fixe mit Bernd", "Skip-level: Zoe", "Catch-up with Bob". "Jour fixe",
 *   "check-in", "catch-up", "mentoring" and "skip-level" alone are not 1:1s (team meetings use them too).
 * Kinds, in this order: two-on-one (2on1, two-on-one, or "2-1"/"2:1" not after a score word nor between two
 * names like "Arsenal 2:1 Chelsea"), skip-level (needs a 1:1 marker, a person, or "skip 1:1"), then for a
 * 1:1: peer, career, else one-on-one.
 */
export const ONE_ON_ONE_KINDS = ['one-on-one', 'two-on-one', 'skip-level', 'peer', 'career'] as const;
export type OneOnOneKind = (typeof ONE_ON_ONE_KINDS)[number];

export interface TitleClassification {
  kind: OneOnOneKind;
}

const MAX_TITLE = 300;
// Word edges for cased scripts; CJK may touch a marker ("1on1ミーティング").
const START = String.raw`(?<![\p{Lu}\p{Ll}\p{N}])`;
const END = String.raw`(?![\p{Lu}\p{Ll}\p{N}])`;

// Marker words and phrases (case-insensitive). German compounds match anywhere ("Karriere-Einzelgespräche").
const WORD_MARKER_SOURCE = [
  String.raw`${START}(?:1\s?-?\s?(?:on|to|op)\s?-?\s?1|1-2-1|one[\s-]{1,2}(?:on|to)[\s-]{1,2}one|t[êe]te[\s-]{0,2}[àa][\s-]{0,2}t[êe]te|un[\s-]{1,2}[àa][\s-]{1,2}un|uno[\s-]{1,2}a[\s-]{1,2}uno|cara[\s-]{1,2}a[\s-]{1,2}cara|(?:één|een)[\s-]op[\s-](?:één|een)|(?:entretien|point|r[ée]union|reuni[óo]n|colloquio)\s+individu(?:el(?:le)?|ale?))s?${END}`,
  String.raw`(?:einzel|mitarbeiter|vier[\s-]?augen[\s-]?)gespr(?:ä|ae)ch`,
].join('|');
const WORD_MARKER = new RegExp(WORD_MARKER_SOURCE, 'iu');
const O3 = new RegExp(String.raw`${START}O3s?${END}`, 'u');

// "1:1", "1-1", "1–1", "1/1", "2-1", "2:1": digits not glued to other digits, letters or date separators.
const NUMERIC =
  /(?<![\p{L}\p{N}_.,:/\\–—-])([12])\s{0,2}([:/–—-])\s{0,2}1(?!\p{N}|\s{0,2}[:/.,–—-]\s{0,2}\p{N})/gu;
// The word right before a number that makes it a sequence, date, version or score, not a meeting.
const SEQUENCE_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:sprint|fy\d*|q\d?|h\d?|v|ver|version|release|build|week|wk|day|year|holiday|phase|step|stage|part|page|chapter|round|season|episode|lesson|module|unit|term|room|score|result|final|won|lost|draw|game|match|vs|no|nr|jahr|woche|tag|spiel|ergebnis|semaine|année|semana|año|partido|resultado)\.?\s*[#:]?\s*$/iu;
const NOT_MEETING_AFTER = /^s?\s*(?:ratio|scale|copy|replica|mapping)/iu;
const SLASH_CONTEXT_AFTER = /^s?\s*(?:[:–—-]\s*)?(?:with|w\/|mit|avec|con)(?!\p{L})/iu;
const DATE_WORDS =
  /(?<!\p{L})(?:holiday|feiertag|f[ée]ri[ée]|feriado|new\s?year|neujahr|nouvel\s?an|a[ñn]o\s?nuevo|due|deadline)(?!\p{L})/iu;
const LEADING_JUNK = /^[^\p{L}\p{N}]+/u;
const ONLY_JUNK = /^[^\p{L}\p{N}]*$/u;
const CAPITALISED_BEFORE = /\p{Lu}\p{L}*\s+$/u;
const CAPITALISED_AFTER = /^\s+\p{Lu}/u;

const TWO_ON_ONE_WORDS = new RegExp(
  String.raw`${START}(?:2\s?-?\s?on\s?-?\s?1|two[\s-]{1,2}on[\s-]{1,2}one)${END}`,
  'iu',
);
const SKIP_LEVEL = /skip[\s-]?level/iu;
const SKIP_MARKER = new RegExp(
  String.raw`${START}skip[\s-]{0,2}(?:1\s?[:/–—-]\s?1|1\s?-?\s?on\s?-?\s?1|O3)`,
  'iu',
);
const PEER = new RegExp(String.raw`${START}peers?${END}`, 'iu');
const CAREER = new RegExp(String.raw`${START}(?:careers?|karriere|carri[èe]re|carrera)${END}`, 'iu');

// Labels that may stand before (or, in brackets or after a dash, behind) a person or a name pair.
const LABEL_WORDS = String.raw`(?:peer|career|karriere|carri[èe]re|carrera|skip[\s-]?level|jour[\s-]fixe|mentoring|coaching|catch[\s-]?up|check[\s-]?in)`;
const LEADING_LABEL = new RegExp(String.raw`^${LABEL_WORDS}${END}`, 'iu');
const TRAILING_LABEL = new RegExp(String.raw`\s*(?:[(:|–—-]\s*)${LABEL_WORDS}\s*\)?$`, 'iu');
const CONNECTOR = /^\s*(?:[:|–—-]\s*|\s(?:with|w\/|mit|avec|con)\s+)/iu;

// A person's name: one to three capitalised words (accents, hyphens, apostrophes, initials).
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]+`;
const NAME = String.raw`${NAME_WORD}(?:\s${NAME_WORD}){0,2}`;
const PAIR = new RegExp(String.raw`^(${NAME})(?:\s*(?:/|<>|<->|↔)\s*|\sx\s)(${NAME})$`, 'u');
const ONE_NAME = new RegExp(String.raw`^${NAME}$`, 'u');
const NAME_TOKEN = new RegExp(String.raw`^${NAME_WORD}$`, 'u');
const TOKENS = /[\p{L}\p{M}'’.-]+|[^\s\p{L}\p{M}'’.-]+|\s+/gu;

/** Capitalised words that are meeting words, not names ("Sales / Marketing", "OOO / Vacation", "Max x Min"). */
const NOT_NAMES = new Set(
  `standup stand-up daily weekly monthly quarterly retro retrospective sales marketing ooo vacation holiday
  planning review sync demo lunch dinner breakfast coffee team teams design ops devops eng engineering product
  support finance legal hr it qa ux ui pm dev data security infra platform customer client partner vendor
  board leadership staff all hands all-hands kickoff offsite training interview hiring budget strategy roadmap
  office focus time travel busy hold tbd prep meeting call chat update status min max in out on off yes no
  before after new old group peer career mentoring coaching skip skip-level catch-up check-in jour fixe
  urlaub besprechung termin mittag planung vertrieb réunion équipe vacances congés déjeuner ventes reunión
  equipo vacaciones almuerzo ventas`.split(/\s+/),
);

const isName = (name: string): boolean =>
  !WORD_MARKER.test(name) &&
  name.split(' ').every((word) => !NOT_NAMES.has(word.replace(/\.$/u, '').toLowerCase()));

function normalise(rawTitle: string): string | null {
  const title = rawTitle.normalize('NFKC').trim();
  return title.length === 0 || title.length > MAX_TITLE ? null : title;
}

/** Finds a numeric "1-1" (first = '1') or "2-1" (first = '2') marker that is not a date, time or score. */
function hasNumericMarker(title: string, first: '1' | '2'): boolean {
  for (const match of title.matchAll(NUMERIC)) {
    if (match[1] !== first) continue;
    const before = title.slice(0, match.index);
    const after = title.slice(match.index + match[0].length);
    if (SEQUENCE_BEFORE.test(before) || NOT_MEETING_AFTER.test(after)) continue;
    if (
      first === '2' &&
      (match[2] === '/' || (CAPITALISED_BEFORE.test(before) && CAPITALISED_AFTER.test(after)))
    )
      continue;
    if (
      match[2] === '/' &&
      (DATE_WORDS.test(title) || !(ONLY_JUNK.test(before) || SLASH_CONTEXT_AFTER.test(after)))
    )
      continue;
    return true;
  }
  return false;
}

/** "Alice / Bob", "Peer: Alice / Evan", "Jour fixe mit Bernd" → the names; `null` when the title is not that shape. */
function personTitle(title: string): string[] | null {
  let rest = title.replace(LEADING_JUNK, '');
  const label = LEADING_LABEL.exec(rest) ?? TRAILING_LABEL.exec(rest);
  let connected = false;
  if (label) {
    rest = label.index === 0 ? rest.slice(label[0].length) : rest.slice(0, label.index);
    const connector = label.index === 0 ? CONNECTOR.exec(rest) : null;
    connected = label.index > 0 || connector !== null;
    rest = rest.slice(connector?.[0].length ?? 0).trim();
  }
  const pair = PAIR.exec(rest);
  if (pair?.[1] && pair[2]) return isName(pair[1]) && isName(pair[2]) ? [pair[1], pair[2]] : null;
  return label && connected && ONE_NAME.test(rest) && isName(rest) ? [rest] : null;
}

const hasOneOnOneMarker = (title: string): boolean =>
  WORD_MARKER.test(title) || O3.test(title) || hasNumericMarker(title, '1');

/** Classifies a title by convention only; `null` when it does not look like a 1:1. */
export function classifyTitle(rawTitle: string): TitleClassification | null {
  const title = normalise(rawTitle);
  if (title === null) return null;
  const marker = hasOneOnOneMarker(title);
  const person = personTitle(title) !== null;
  if (TWO_ON_ONE_WORDS.test(title) || hasNumericMarker(title, '2')) return { kind: 'two-on-one' };
  if (SKIP_MARKER.test(title) || (SKIP_LEVEL.test(title) && (marker || person)))
    return { kind: 'skip-level' };
  if (!marker && !person) return null;
  if (PEER.test(title)) return { kind: 'peer' };
  if (CAREER.test(title)) return { kind: 'career' };
  return { kind: 'one-on-one' };
}

const WORD_MARKER_ALL = new RegExp(`${WORD_MARKER_SOURCE}|${LABEL_WORDS}`, 'giu');

/**
 * The people a 1:1 title names, in order ("1:1 Alice <> Carol" → Alice, Carol; "2-1 with Carol" → Carol).
 * Meant for titles `classifyTitle` accepted; "me" is among them and the caller filters it out.
 */
export function titleNames(rawTitle: string): string[] {
  const title = normalise(rawTitle);
  if (title === null) return [];
  const shaped = personTitle(title);
  if (shaped) return shaped;
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const name = run.join(' ');
    if (run.length > 0 && run.length <= 3 && !names.includes(name)) names.push(name);
    run = [];
  };
  for (const [token] of title.replace(WORD_MARKER_ALL, ' | ').matchAll(TOKENS)) {
    if (/^\s+$/u.test(token)) continue;
    const word = token.replace(/['’]s$/u, '');
    if (NAME_TOKEN.test(word) && isName(word)) run.push(word);
    else flush();
  }
  flush();
  return names;
}
