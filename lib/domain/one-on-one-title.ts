/**
 * Title conventions people use for one-on-ones. Title-only detection is "likely", never "confirmed":
 * guests and the user's own word decide later (see the detection issue). Fails closed: when nothing
 * matches, the event is not a 1:1.
 */
export const ONE_ON_ONE_KINDS = ['one-on-one', 'two-on-one', 'skip-level', 'peer', 'career'] as const;
export type OneOnOneKind = (typeof ONE_ON_ONE_KINDS)[number];

// A person's name as written in titles: a capitalised word, optionally followed by more words/initials.
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?`;

const ONE_ON_ONE_MARKERS: RegExp[] = [
  /(?:^|[^\d/])1\s*[:/]\s*1(?![\d/])/u, // 1:1, 1/1
  /(?:^|[^\d-])1\s*-\s*1(?![\d-])/u, // 1-1
  /\b1\s*-?\s*on\s*-?\s*1\b/iu, // 1on1, 1-on-1, 1 on 1
  /\bone[\s-]*on[\s-]*one\b/iu,
  /\bO3\b/u, // "one-on-one" in some companies (O3s)
  /\beinzelgespr(?:ä|ae)ch\b/iu,
  /\bt[êe]te[\s-]*[àa][\s-]*t[êe]te\b/iu,
  /\bentretien individuel\b/iu,
  /\bun[\s-]*[àa][\s-]*un\b/iu,
  /\bcara\s+a\s+cara\b/iu,
];
const TWO_ON_ONE = /(?:^|[^\d-])2\s*[-:]\s*1(?![\d-])|\b2\s*-?\s*on\s*-?\s*1\b|\btwo[\s-]*on[\s-]*one\b/iu;
const SKIP_LEVEL = /\bskip[\s-]*level\b|\bskip\s+1\s*[:-]\s*1\b/iu;
const PEER = /\bpeer\b/iu;
const CAREER = /\bcareer\b|\bkarriere\b|\bcarri[èe]re\b/iu;
// "Alice / Bob", "Alice <> Bob", "Alice x Bob", "Alice & Bob" (only together with a marker for "&").
const NAME_PAIR = new RegExp(
  String.raw`^\s*(?:[^\p{L}\d]*\s*)?${NAME}\s*(?:/|<>|<->|\u2194|\sx\s)\s*${NAME}\s*$`,
  'u',
);

export interface TitleClassification {
  kind: OneOnOneKind;
}

/** Classifies a title by convention only; `null` when it does not look like a 1:1. */
export function classifyTitle(rawTitle: string): TitleClassification | null {
  const title = rawTitle.normalize('NFC').trim();
  if (title.length === 0 || title.length > 300) return null;
  const hasMarker = ONE_ON_ONE_MARKERS.some((re) => re.test(title));
  const isPair = NAME_PAIR.test(title);
  if (TWO_ON_ONE.test(title)) return { kind: 'two-on-one' };
  if (SKIP_LEVEL.test(title)) return { kind: 'skip-level' };
  if (!hasMarker && !isPair) return null;
  if (PEER.test(title)) return { kind: 'peer' };
  if (CAREER.test(title)) return { kind: 'career' };
  return { kind: 'one-on-one' };
}
