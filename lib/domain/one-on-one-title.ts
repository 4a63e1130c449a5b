/**
 * Title conventions people use for one-on-ones. Title-only detection is "likely", never "confirmed":
 * guests and the user's own word decide later (lib/domain/detection.ts). Fails closed: when nothing
 * matches, the event is not a 1:1.
 *
 * What counts (after NFKC normalisation, so full-width "１:１" and decomposed accents read as usual, and the
 * ratio sign "1∶1" reads as "1:1"):
 * - Markers: 1:1, 1-1, 1–1, 1 : 1 — not inside times, dates or versions ("11:15", "2026-1-1", "1/1/2027"),
 *   and not after a sequence/date/score word ("Sprint 1-1", "FY 1-1", "Q1 1:1", "Holiday 1/1"). "1/1" is
 *   usually a date, so it only counts at the start of a title or before "with"/"mit"/"avec"/"con"/"com".
 *   1on1, 1-on-1, 1to1, 1-2-1 (British), 1-op-1, 1-zu-1, eins-zu-eins, one-on-one, one to one,
 *   Einzelgespräch(e), Mitarbeitergespräch, Vier-Augen-Gespräch (4-Augen-), tête-à-tête,
 *   entretien/point/réunion individuel(le),
 *   reunión individual, reunião individual, 1 a 1, un à un, uno a uno, um a um, cara a cara, één-op-één (any
 *   case), 1対1 / 一对一, 個人面談 (面談 alone is an interview), ワンオンワン.
 * - Not a "1-1" after a stage or sequence word in es/pt/it either ("Fase 1-1", "Capítulo 1-1", "Sesión 1-1";
 *   but "Sesión 1:1" is one), nor before a room, a floor or a building ("1-1会議室", "1-1号室", "1-1室"; but
 *   "1:1 室長" is one). "com" (pt) joins a person like "with" ("1 a 1 com Bob").
 * - O3/O3s only as a title shape: alone, after a name, a name pair or a cadence ("Bob O3", "Alice's O3",
 *   "Weekly O3", "Alice / Bob O3", "Alice/Bob O3 weekly"), or before a person ("O3 Bob", "O3: Bob",
 *   "O3 with Bob"). "O3 model review" and "O3 budget" are not 1:1s.
 * - A name pair as the whole title: "Alice / Bob", "Alice <> Bob", "Alice x Bob", "Alice × Bob", "Alice ↔ Bob",
 *   optionally behind or after a label ("Peer: Alice / Evan", "Alice / Ivy (skip-level)"), before trailing
 *   emoji ("Alice / Bob 🎯") or a cadence in brackets ("Alice / Bob (weekly)"). Names are capitalised words
 *   (accents, hyphens, apostrophes). Not names: common meeting words ("Sales / Marketing"), meeting
 *   adjectives ("Manager", "Quick", "Updated invitation"), cadences ("Bi-weekly", "Every"), weekdays and
 *   months in en/de/fr/es — except those that are also common first names or surnames (April, May, June,
 *   August, Juli, Julio, Mars, Mayo, Kurz, Max…), which stay names ("Juli / Bernd", "Jour fixe mit Juli").
 *   "Alice X Bob" (capital X) is not a pair: too many brand and project titles use it.
 * - A label with one person: "Jour fixe mit Bernd", "Skip-level: Zoe", "Catch-up with Bob", "Point avec
 *   Marie", maybe after a cadence or before "session" or a cadence ("Weekly check-in with Bob", "Mentoring
 *   session with Bob", "Point hebdo avec Marie"). "Jour fixe", "check-in", "catch-up", "mentoring", "point"
 *   and "skip-level" alone are not 1:1s (team meetings use them too).
 * Never, whatever else matches: solo work about a 1:1, not the meeting —
 * - a prep word (prep, prepare, preparation, Vorbereitung, préparation, preparación…) before a marker
 *   ("Prep for 1:1 with Bob", "Prep: 1:1 Bob", "Vorbereitung 1:1"), right after one ("1:1 prep",
 *   "1:1-Vorbereitung mit Bernd"), as the title's tail ("Alice / Bob prep"), or in a title without a marker.
 *   After a person and before more words it is not solo work: "1:1 Alice / Bob - prep doc linked" is a 1:1;
 * - a notes or follow-up word (notes, write-up, follow-ups, Notizen, Nachbereitung, compte rendu, notas) in
 *   a title naming no person and no name pair ("1:1 notes", "Write up 1:1 notes", "1:1 follow-ups"). With
 *   one it is the meeting ("Bob 1:1 (notes)", "Follow-up 1:1 with Bob", "1:1 Alice / Bob – Notes"), and so
 *   are notes brought or in a document ("1:1 (bring notes)", "1:1 — notes doc", "notes in doc");
 * Not here but in detection, and only while nobody else is known to be invited: a to-do, a verb (send,
 * schedule, review, book, prepare) opening the title right before a marker ("Send 1:1 agenda", "Book a 1:1
 * with Alice", "Schedule 1:1s"), not inside it ("Performance review 1:1"); see isToDoTitle.
 * Nor, naming nobody, a title about 1:1s: training, workshops, office hours, slots to book ("Open 1:1 slots",
 * "Available for 1:1s", "1:1 booking").
 * German prep and notes words count at a word start or glued to a marker ("Einzelgesprächsvorbereitung"),
 * not inside another word ("Gesprächsnotizen").
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
  String.raw`${START}(?:1\s?-?\s?(?:on|to|op)\s?-?\s?1|1-?zu-?1|eins-zu-eins|1-2-1|one[\s-]{1,2}(?:on|to)[\s-]{1,2}one|t[êe]te[\s-]{0,2}[àa][\s-]{0,2}t[êe]te|un[\s-]{1,2}[àa][\s-]{1,2}un|uno[\s-]{1,2}a[\s-]{1,2}uno|um[\s-]{1,2}a[\s-]{1,2}um|cara[\s-]{1,2}a[\s-]{1,2}cara|[eé][eé]n[\s-]op[\s-][eé][eé]n|(?:entretien|point|r[ée]union|reuni[óo]n|reuni[ãa]o|colloquio)\s+individu(?:el(?:le)?|ale?))s?${END}`,
  String.raw`(?:einzel|mitarbeiter|zweier|personal|feedback|entwicklungs|jahres|(?:vier|4)[\s-]?augen[\s-]?)-?gespr(?:ä|ae)ch`,
  // Japanese and Chinese: 1対1 / 一对一, 個人面談 (面談 alone is an interview), ワンオンワン.
  String.raw`${START}[1一]\s?[対对對]\s?[1一]${END}|個人面談|ワン[\s・]?オン[\s・]?ワン`,
  String.raw`${START}(?:(?:r[ée]union|entretien)\s+bilat[ée]rale?s?|bilatérales?)${END}|${START}entretien\s+(?:annuel|professionnel)${END}`,
].join('|');
const WORD_MARKER = new RegExp(WORD_MARKER_SOURCE, 'iu');
const O3 = new RegExp(String.raw`${START}O3s?${END}`, 'u');
// What may follow "O3" before the person: a colon or dash, "with" (and translations), or a space.
const O3_CONNECTOR = /^\s*(?:[:|–—-]\s*|(?:with|w\/|mit|avec|con|com)\s+)?/iu;

// Preparing for a 1:1 is solo work, not the meeting ("1:1 prep", "Prep for 1:1 with Bob", "Vorbereitung 1:1"),
// but only where it says so: before the marker, right after it, or as the title's tail (classifyTitle).
// German words only at a word start ("Vorbereitung", not inside another word) or glued to a marker compound
// ("Einzelgesprächsvorbereitung").
const MARKER_STEM = String.raw`(?<=(?:einzel|mitarbeiter|zweier|personal|feedback|entwicklungs|jahres|augen[\s-]?)gespr(?:ä|ae)chs?)`;
const PREP_SOURCE = [
  String.raw`${START}(?:prep(?:s|aration|are|ared|aring)?|pr[ée]pa(?:ration|rer)?|preparaci[óo]n|preparar|preparazione|voorbereiding)${END}`,
  String.raw`(?:${START}|${MARKER_STEM})vorbereit\p{L}*`,
].join('|');
const PREP = new RegExp(PREP_SOURCE, 'giu');
// Writing a 1:1 up or following it up is solo work too, when the title names nobody ("1:1 notes",
// "1:1 follow-ups"); with a person it is the meeting ("Bob 1:1 (notes)", "Follow-up 1:1 with Bob"). Notes
// that are brought or in a document ("1:1 (bring notes)", "notes doc", "notes in doc") are the meeting's.
const NOTES_WORD = String.raw`(?<!(?:bring|bringing|shared)\s+)(?:${START}(?:notes|notas)${END}|(?:${START}|${MARKER_STEM})notizen)(?!\s*(?:(?:in|im|on)\s+(?:the\s+)?)?(?:docs?|document|dokument|link|drive)${END})`;
const NOTES_SOURCE = [
  String.raw`${START}(?:write[\s-]?ups?|follow[\s-]?ups?|compte[\s-]rendu)${END}`,
  String.raw`(?:${START}|${MARKER_STEM})nachbereit`,
  NOTES_WORD,
].join('|');
const NOTES = new RegExp(NOTES_SOURCE, 'iu');
// Words that are never a person's name when looking for one: solo-work words, also inside a compound
// ("Gesprächsnotizen").
const SOLO_WORDS = String.raw`${START}(?:(?:prep|pr[ée]pa|voorbereid)\p{L}*|(?:write[\s-]?ups?|follow[\s-]?ups?|compte[\s-]rendu|notes|notas)${END}|\p{L}*(?:notizen|vorbereit|nachbereit)\p{L}*)`;
// What may stand between a marker and the prep word that qualifies it ("1:1 prep", "1:1s prep", "1:1-Vorbereitung",
// "1:1 (prep)", "Einzelgesprächsvorbereitung").
const GLUE = /^s?[\s:([–—-]*$/iu;

// "1:1", "1-1", "1–1", "1/1", "2-1", "2:1": digits not glued to other digits, letters or date separators.
const NUMERIC =
  /(?<![\p{L}\p{N}_.,:/\\–—-])([12])\s{0,2}([:/–—-]|(?<=\s)a(?=\s))\s{0,2}1(?!\p{N}|\s{0,2}[:/.,–—-]\s{0,2}\p{N})/gu;
// The word right before a number that makes it a sequence, date, version or score, not a meeting.
const SEQUENCE_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:sprint|fy\d*|q\d?|h\d?|v|ver|version|release|build|week|wk|day|year|holiday|phase|step|stage|part|page|chapter|round|season|episode|lesson|module|unit|term|room|score|result|final|won|lost|draw|game|match|vs|no|nr|jahr|woche|tag|spiel|ergebnis|semaine|année|semana|año|partido|resultado|empate|fase|etapa|paso|passo|parte|cap[ií]tulo|capitolo|lecci[óo]n|lezione|li[çc][ãa]o|jornada|temporada|epis[óo]dio|m[óo]dulo|nivel|n[íi]vel|livello|ronda|rodada|sala|aula|section|(?<!skip[\s-]?)level|floor|building|kapitel|abschnitt|raum|stock|etage|étage|ratio|scale)\.?\s*[#:]?\s*$/iu;
// Session words in es/pt/it number a "1-1" ("Sesión 1-1"), but "Sesión 1:1" is a 1:1 session.
const SESSION_BEFORE = /(?:^|[^\p{L}\p{N}])(?:sesi[óo]n|sess[ãa]o|sessione)\.?\s*[#:]?\s*$/iu;
const SCORE_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:score|result|won|lost|draw|game|match|vs|spiel|ergebnis|partido|resultado|empate)\.?\s*[#:]?\s*$/iu;
// After a number: a ratio or a copy, not a meeting; a room, a floor or a building ("1-1会議室", "1-1号室",
// "1-1室", "1-1号"), but not a word that starts with 室 or 号 ("1:1 室長", with the office head).
const NOT_MEETING_AFTER =
  /^s?\s*(?:ratio|scale|copy|replica|mapping|会議室|会议室|[号號]室|[号號][館馆]|教室|階|[楼樓]|[室号號](?!\p{L}))/iu;
// After a "2-1": a vote or a score ("2-1 vote", "2:1 lead"), not a meeting.
const SCORE_AFTER =
  /^\s*(?:votes?|voted|win|won|lead|loss|lost|victory|majority|split|odds|score)(?![\p{L}\p{N}-])/iu;
const SLASH_CONTEXT_AFTER = /^s?\s*(?:[:–—-]\s*)?(?:with|w\/|mit|avec|con|com)(?!\p{L})/iu;
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
// A topic is not a label: "1:1 Bob - peer review" and "Peer feedback 1:1" are manager 1:1s in review season,
// "careers page" is no career conversation.
const PEER = new RegExp(
  String.raw`${START}peers?${END}(?!\s*(?:reviews?|feedback|assessments?|evaluations?|interviews?|learning)${END})`,
  'iu',
);
const CAREER = new RegExp(
  String.raw`${START}(?:careers?|karriere|carri[èe]re|carrera)${END}(?!\s*(?:page|site|website|fair|day|event|portal)s?${END})|entwicklungsgespr(?:ä|ae)ch|entretien\s+professionnel`,
  'iu',
);

/** How often a meeting recurs ("Bi-weekly 1:1", "Alice / Bob (weekly)"): never a name. */
const CADENCE_WORDS =
  `daily weekly bi-weekly biweekly fortnightly monthly bi-monthly bimonthly semi-monthly quarterly
  yearly annual annually every recurring regular täglich wöchentlich wöchentliches woechentlich zweiwöchentlich
  monatlich monatliches quotidien hebdo hebdomadaire bimensuel mensuel mensuelle diario semanal quincenal mensual`.split(
    /\s+/,
  );

// Labels that may stand before (or, in brackets or after a dash, behind) a person or a name pair.
const TRAILING_LABEL_WORDS = String.raw`(?:peer|career|karriere|carri[èe]re|carrera|skip[\s-]?level|jour[\s-]fixe|mentoring|coaching|catch[\s-]?up|check[\s-]?in)`;
const LABEL_WORDS = String.raw`(?:${TRAILING_LABEL_WORDS}|point)`;
const LABEL_WORD = new RegExp(String.raw`^${LABEL_WORDS}$`, 'iu');
// French "Point" names a status meeting on any topic ("Point : Migration", "Point - Projet Atlas"): with one
// person it is a 1:1 only as "Point avec Marie" (a word connector), and never as a trailing label.
const POINT_LABEL = /(?:^|\s)point(?:\s|$)/iu;
const WORD_CONNECTOR = /^\s(?:with|w\/|mit|avec|con|com)\s+/iu;
// Meeting words that may stand before a name pair ("Entretien Marie / Paul", "Session Alice / Bob").
const BEFORE_PAIR = /^(?:entretien|session|bilan|revue|rückblick)\s+/iu;
// Before the label, a cadence ("Weekly catch-up with Bob"); after it, "session" or a cadence ("Mentoring
// session with Bob", "Point hebdo avec Marie").
const CADENCE_ALTERNATIVES = CADENCE_WORDS.join('|');
const LEADING_LABEL = new RegExp(
  String.raw`^(?:(?:${CADENCE_ALTERNATIVES})\s+)?${LABEL_WORDS}(?:\s+(?:session|sitzung|séance|${CADENCE_ALTERNATIVES}))?${END}`,
  'iu',
);
const TRAILING_LABEL = new RegExp(String.raw`\s*(?:[(:|–—-]\s*)${TRAILING_LABEL_WORDS}\s*\)?$`, 'iu');
const CONNECTOR = /^\s*(?:[:|–—-]\s*|\s(?:with|w\/|mit|avec|con|com)\s+)/iu;
const LEADING_CADENCE = new RegExp(String.raw`^(?:${CADENCE_ALTERNATIVES})\s+(?=\p{Lu})`, 'iu');
const TRAILING_CADENCE = new RegExp(String.raw`(?:\s*[|–—-]\s*|\s+)(?:${CADENCE_ALTERNATIVES})$`, 'iu');

// A person's name: one to three capitalised words (accents, hyphens, apostrophes, initials).
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]+`;
const NAME = String.raw`${NAME_WORD}(?:\s${NAME_WORD}){0,2}`;
const PAIR = new RegExp(String.raw`^(${NAME})(?:\s*(?:/|<>|<->|↔|×)\s*|\sx\s)(${NAME})$`, 'u');
const ONE_NAME = new RegExp(String.raw`^${NAME}$`, 'u');
const NAME_TOKEN = new RegExp(String.raw`^${NAME_WORD}$`, 'u');
const NAME_START = new RegExp(String.raw`^${NAME_WORD}`, 'u');
const TOKENS = /[\p{L}\p{M}'’.-]+|[^\s\p{L}\p{M}'’.-]+|\s+/gu;
// Decorations after a name pair: emoji ("Alice / Bob 🎯", "👩🏽‍💻") and a cadence in brackets ("(weekly)").
const TRAILING_EMOJI =
  /(?:\s*\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*)+$/u;
const TRAILING_BRACKET = /\s*[([]\s*([\p{L}-]+)\s*[)\]]$/u;

const CADENCES = new Set(CADENCE_WORDS);

/** Capitalised words that are meeting words, not names ("Sales / Marketing", "OOO / Vacation", "Max x Min"). */
const NOT_NAMES = new Set(
  `standup stand-up daily weekly monthly quarterly retro retrospective sales marketing ooo vacation holiday
  planning review sync demo lunch dinner breakfast coffee team teams design ops devops eng engineering product
  support finance legal hr it qa ux ui pm dev data security infra platform customer client partner vendor
  board leadership staff all hands all-hands kickoff offsite training interview hiring budget strategy roadmap
  office focus time travel busy hold tbd prep meeting call chat update status min in out on off yes no
  before after new old group peer career mentoring coaching skip skip-level catch-up check-in jour fixe
  urlaub besprechung termin mittag planung vertrieb réunion équipe vacances congés déjeuner ventes reunión
  equipo vacaciones almuerzo ventas
  manager managers performance onboarding offboarding intro introduction introductory quick feedback virtual
  remote walking walk cafe café okr okrs kpi kpis goals goal growth development mid-year midyear year-end
  informal formal first last next final optional private confidential personal online in-person video phone
  zoom meet huddle debrief updated invitation invite accepted declined tentative canceled cancelled moved
  rescheduled postponed reminder draft fyi model launch pricing eval evals benchmark benchmarks rollout
  point entretien revue bilan rückblick abgesagt verschoben annulé annule reporté week woche semaine session
  rh compta comptabilité juridique produit direction achats qualité recrutement personal einkauf buchhaltung
  test tests exam semester hackathon party vote ratio re fw fwd aw wg tr google skipping skipped open
  release api kurzes schnelles virtuelles rapide virtuel rápido rápida notes notas notizen doc docs document
  dokument link drive bring send share write type finish clean tidy add sort email todo to-do action actions items
  book booking slot slots schedule scheduling available availability
  sesión sesion sessão sessao sessione
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thur thurs fri sat
  january february march july september october november december feb apr jul aug sep sept oct nov dec
  montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag januar jänner februar märz maerz
  oktober dezember lundi mardi mercredi jeudi vendredi samedi dimanche janvier février fevrier juillet
  août aout septembre octobre novembre décembre decembre lunes martes miércoles miercoles jueves viernes
  sábado sabado enero febrero marzo junio agosto septiembre setiembre octubre noviembre diciembre
  ${[...CADENCES].join(' ')}`.split(/\s+/),
);

const isName = (name: string): boolean =>
  !WORD_MARKER.test(name) &&
  name.split(' ').every((word) => !NOT_NAMES.has(word.replace(/\.$/u, '').toLowerCase()));

function normalise(rawTitle: string): string | null {
  // U+2236 RATIO ("1∶1") has no compatibility mapping to ":" but reads the same.
  const title = rawTitle
    .normalize('NFKC')
    .replace(/\u2236/gu, ':')
    .trim();
  return title.length === 0 || title.length > MAX_TITLE ? null : title;
}

/** The title without leading symbols, trailing emoji or a trailing cadence in brackets. */
function undecorated(title: string): string {
  const rest = title.replace(LEADING_JUNK, '').replace(TRAILING_EMOJI, '');
  const bracket = TRAILING_BRACKET.exec(rest);
  return bracket?.[1] && CADENCES.has(bracket[1].toLowerCase()) ? rest.slice(0, bracket.index) : rest;
}

const isNameWord = (word: string): boolean => NAME_TOKEN.test(word) && isName(word);

const isCadence = (word: string): boolean => CADENCES.has(word.toLowerCase());

/** Before "O3": up to four name or cadence words ("Bob", "Alice's", "Weekly"), or a name pair ("Alice / Bob"). */
function namesBeforeO3(before: string): boolean {
  const words = before === '' ? [] : before.split(/\s+/u);
  if (words.length <= 4 && words.every((word) => isCadence(word) || isNameWord(word.replace(/['’]s$/u, ''))))
    return true;
  while (words[0] !== undefined && isCadence(words[0])) words.shift();
  return namePairOf(words.join(' ')) !== null;
}

/** The text is a pair of names and nothing else ("Alice / Bob"): the two names, else null. */
function namePairOf(text: string): [string, string] | null {
  const pair = PAIR.exec(text);
  return pair?.[1] && pair[2] && isName(pair[1]) && isName(pair[2]) ? [pair[1], pair[2]] : null;
}

/**
 * "O3" is a 1:1 only as a title shape: alone, after a name, a name pair or a cadence ("Bob O3", "Weekly O3",
 * "Alice / Bob O3"), maybe before a cadence ("Alice/Bob O3 weekly"), or before a person ("O3 Bob", "O3: Bob",
 * "O3 with Bob"). "O3 model review" and "O3 budget" are not 1:1s.
 */
function hasO3(title: string): boolean {
  const rest = undecorated(title);
  const match = O3.exec(rest);
  if (!match || !namesBeforeO3(rest.slice(0, match.index).trim())) return false;
  const after = rest.slice(match.index + match[0].length);
  if (after.trim() === '' || after.trim().split(/\s+/u).every(isCadence)) return true;
  const person = after.slice(O3_CONNECTOR.exec(after)?.[0].length ?? 0);
  return after !== person && isNameWord(NAME_START.exec(person)?.[0] ?? '');
}

/** A person right after a marker, maybe behind a colon, dash or "with" ("1/1: Bob", "Q3 1:1 with Bob"). */
function personFollows(after: string): boolean {
  const person = after.slice(O3_CONNECTOR.exec(after)?.[0].length ?? 0);
  return isNameWord(NAME_START.exec(person)?.[0] ?? '');
}

/**
 * Only names (joined by "&", "+", "and"…), cadences and labels before a "2-1" ("Carol 2-1", "Alice & Bob
 * 2:1", "Alice / Bob 2:1", "Skip-level 2:1").
 */
function peopleBefore(before: string): boolean {
  const rest = before.replace(LEADING_JUNK, '').trim();
  return (
    rest === '' ||
    namesBeforeO3(rest) ||
    rest
      .split(/\s+/u)
      .every((word) => NAME_JOINER.test(word) || LABEL_WORD.test(word) || isCadence(word) || isNameWord(word))
  );
}
const NAME_JOINER = /^(?:&|\+|and|und|et|y)$/iu;

/** Numeric "1-1" (first = '1') or "2-1" (first = '2') markers that are not a date, time or score. */
function numericMarkers(title: string, first: '1' | '2'): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (const match of title.matchAll(NUMERIC)) {
    // "1 a 1" (es, pt, it) is a 1:1 only; "2 a 1" is a score far more often than a 2-1.
    if (match[1] !== first || (first === '2' && match[2] === 'a')) continue;
    const before = title.slice(0, match.index);
    const after = title.slice(match.index + match[0].length);
    if (NOT_MEETING_AFTER.test(after)) continue;
    // "Sprint 1-1", "Q1 1:1" are a sequence or a quarter; "Q3 1:1 with Bob" is Bob's 1:1 — but a score
    // stays a score ("Match 1-1 Chelsea").
    const sequence =
      SEQUENCE_BEFORE.test(before) || (match[2] !== ':' && match[2] !== 'a' && SESSION_BEFORE.test(before));
    if (
      sequence &&
      (match[2] === '/' ||
        (SCORE_BEFORE.test(before) && !SLASH_CONTEXT_AFTER.test(after)) ||
        !personFollows(after))
    )
      continue;
    if (
      first === '2' &&
      (match[2] === '/' ||
        SCORE_AFTER.test(after) ||
        (CAPITALISED_BEFORE.test(before) && CAPITALISED_AFTER.test(after)) ||
        !(peopleBefore(before) || (SLASH_CONTEXT_AFTER.test(after) && personFollows(after))))
    )
      continue;
    // "1/1" is mostly a date: a 1:1 at the start of a title, alone or before a person ("1/1: Bob", "1/1 with
    // Bob"), or after a name pair as the whole title ("Ian / Ben 1/1"); not "1/1 OOO" nor "Party 1/1".
    if (
      match[2] === '/' &&
      (DATE_WORDS.test(title) ||
        !(
          SLASH_CONTEXT_AFTER.test(after) ||
          (ONLY_JUNK.test(before) && (ONLY_JUNK.test(after) || personFollows(after))) ||
          (ONLY_JUNK.test(after) && namePairBefore(before))
        ))
    )
      continue;
    found.push(match as RegExpExecArray);
  }
  return found;
}

/** The text before a marker is a name pair and nothing else ("❇️ Ian / Ben"). */
const namePairBefore = (before: string): boolean =>
  namePairOf(before.replace(LEADING_JUNK, '').trim()) !== null;

const hasNumericMarker = (title: string, first: '1' | '2'): boolean =>
  numericMarkers(title, first).length > 0;

/** "Alice / Bob", "Peer: Alice / Evan", "Jour fixe mit Bernd" → the names; `null` when the title is not that shape. */
function personTitle(title: string): string[] | null {
  let rest = undecorated(title);
  const label = LEADING_LABEL.exec(rest) ?? TRAILING_LABEL.exec(rest);
  let connected = false;
  if (label) {
    rest = label.index === 0 ? rest.slice(label[0].length) : rest.slice(0, label.index);
    const connector = label.index === 0 ? CONNECTOR.exec(rest) : null;
    connected =
      label.index > 0 ||
      (connector !== null && (!POINT_LABEL.test(label[0]) || WORD_CONNECTOR.test(connector[0])));
    rest = rest.slice(connector?.[0].length ?? 0).trim();
  } else rest = rest.replace(BEFORE_PAIR, '');
  // A cadence before or after the pair, bare or behind a dash or bar ("Weekly Alice / Bob", "Alice / Bob -
  // weekly", "Bob <> Alice | Weekly").
  rest = rest.replace(LEADING_CADENCE, '').replace(TRAILING_CADENCE, '');
  // (A pair of words that are no names is no single name either: ONE_NAME has no separator.)
  return namePairOf(rest) ?? (label && connected && ONE_NAME.test(rest) && isName(rest) ? [rest] : null);
}

const hasOneOnOneMarker = (title: string): boolean =>
  WORD_MARKER.test(title) || hasO3(title) || hasNumericMarker(title, '1');

const WORD_MARKERS = new RegExp(WORD_MARKER_SOURCE, 'giu');
const TWO_ON_ONE_ALL = new RegExp(TWO_ON_ONE_WORDS.source, 'giu');
const SKIP_MARKERS = new RegExp(SKIP_MARKER.source, 'giu');

/** Where the title's 1:1, 2:1 or skip markers are, as [start, end] pairs. */
function markerSpans(title: string): [number, number][] {
  const matches = [
    ...title.matchAll(WORD_MARKERS),
    ...title.matchAll(TWO_ON_ONE_ALL),
    ...title.matchAll(SKIP_MARKERS),
    ...numericMarkers(title, '1'),
    ...numericMarkers(title, '2'),
    ...(hasO3(title) ? title.matchAll(new RegExp(O3.source, 'gu')) : []),
  ];
  return matches.map((match) => [match.index, match.index + match[0].length]);
}

// A to-do about a 1:1, its verb opening the title right before the marker ("Send 1:1 agenda", "Book a 1:1
// with Alice", "Schedule 1:1s", "Review 1:1 feedback"); not a topic inside the title ("Performance review 1:1").
const TODO =
  /^[^\p{L}\p{N}]*(?:send|schedule|review|book|prepare)\s+(?:(?:a|an|the|my|our|your|next|all|some|new)\s+)?/iu;

/** How long the to-do verb opening the title right before a marker is ("Book a " in "Book a 1:1"); 0 if none. */
function toDoLength(title: string): number {
  const todo = TODO.exec(title);
  return todo && markerSpans(title).some(([from]) => from === todo[0].length) ? todo[0].length : 0;
}

/**
 * Whether a 1:1 title reads as a to-do about it ("Send 1:1 agenda", "Book a 1:1 with Alice", "Review 1:1 with
 * Bob"). Not solo work by itself: with the person invited it is the meeting (detection asks only while the
 * guests are unknown).
 */
export function isToDoTitle(rawTitle: string): boolean {
  const title = normalise(rawTitle);
  return title !== null && toDoLength(title) > 0;
}

/**
 * Solo work about a 1:1, not the meeting. A prep word counts before a marker ("Prep for 1:1 with Bob"), right
 * after one ("1:1 prep", "1:1-Vorbereitung mit Bernd"), as the title's tail ("Alice / Bob prep") or in a
 * title without a marker; not after a person and before more words ("1:1 Alice / Bob - prep doc linked").
 * A notes or follow-up word counts when the title names nobody ("1:1 notes", "Write up 1:1 notes").
 */
function isSoloWork(title: string): boolean {
  const spans = markerSpans(title);
  for (const prep of title.matchAll(PREP)) {
    const start = prep.index;
    const end = start + prep[0].length;
    if (
      spans.length === 0 ||
      ONLY_JUNK.test(title.slice(end)) ||
      spans.some(([from, to]) => from >= end || (to <= start && GLUE.test(title.slice(to, start))))
    )
      return true;
  }
  return NOTES.test(title) && namesIn(title).length === 0;
}

// A title about 1:1s rather than one: training, a workshop, office hours, slots to book — when it names nobody.
const TOPIC =
  /(?<!\p{L})(?:training|trainings|workshop|webinar|masterclass|best\s+practices?|office\s+hours|how\s+to|schulung|atelier|slots?|booking|book|availability|available)(?!\p{L})/iu;
// A meeting called off ("Canceled: 1:1 with Bob", Outlook's prefix; "Skipping 1:1", "Abgesagt: …", "Annulé : …").
const CALLED_OFF =
  /^[^\p{L}\p{N}]*(?:canceled|cancelled|skipping|skipped|abgesagt|annul[ée]e?|cancelad[oa]|no(?=\s+(?:1|one|o3))|kein(?:e|en)?(?=\s+(?:1|eins|einzel)))(?:\s*:|\s)/iu;

/** Classifies a title by convention only; `null` when it does not look like a 1:1. */
export function classifyTitle(rawTitle: string): TitleClassification | null {
  const title = normalise(rawTitle);
  if (title === null || CALLED_OFF.test(title) || isSoloWork(title)) return null;
  // (A to-do's opening verb is no topic: "Book 1:1" with the person invited is the meeting.)
  if (TOPIC.test(title) && namesIn(title).length === 0 && TOPIC.test(title.slice(toDoLength(title))))
    return null;
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

const NOT_NAME_WORDS = new RegExp(`${WORD_MARKER_SOURCE}|${LABEL_WORDS}|${SOLO_WORDS}`, 'giu');

/** Runs of one to three name words in the title, in order, once each; markers, labels and solo-work words split runs. */
function namesIn(title: string): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const name = run.join(' ');
    if (run.length > 0 && run.length <= 3 && !names.includes(name)) names.push(name);
    run = [];
  };
  for (const [token] of title.replace(NOT_NAME_WORDS, ' | ').matchAll(TOKENS)) {
    if (/^\s+$/u.test(token)) continue;
    const word = token.replace(/['’]s$/u, '');
    if (NAME_TOKEN.test(word) && isName(word)) run.push(word);
    else flush();
  }
  flush();
  return names;
}

/**
 * The two names of a title that is a 1:1 only by being a name pair ("Alice / Bob", "Peer: Alice / Evan"),
 * with no 1:1 marker; else null. Such a pair of capitalised words may be no people at all ("Frontend /
 * Backend", "Berlin / London"): detection checks them against the guests.
 */
export function bareNamePair(rawTitle: string): [string, string] | null {
  const title = normalise(rawTitle);
  if (title === null || hasOneOnOneMarker(title) || SKIP_MARKER.test(title)) return null;
  const names = personTitle(title);
  return names?.length === 2 ? [names[0]!, names[1]!] : null;
}

/**
 * The people a 1:1 title names, in order ("1:1 Alice <> Carol" → Alice, Carol; "2-1 with Carol" → Carol).
 * Meant for titles `classifyTitle` accepted; "me" may be among them: detectOneOnOne drops the name that is
 * mine (settings' name, passed by judgeEvents).
 */
export function titleNames(rawTitle: string): string[] {
  const title = normalise(rawTitle);
  if (title === null) return [];
  return personTitle(title) ?? namesIn(title);
}
