/**
 * Reads a Meet page into plain facts: meeting code, title, the per-observation call signal, who is in the
 * call and whether I am presenting. No layout reads, no DOM writes; every string is trimmed and capped.
 * Locale-free structure first (GOOGLE-DOM.md §2, §3.5), localised text only as a fallback.
 * The flicker-tolerant call state is ./call-state.ts, fed with `readCallState`.
 */
import type { CallSignal } from './call-state';
import { meetLigatures, meetSelectors as sel } from './selectors';

/** One observation. `unknown`: nothing says which (loading, or a call_end toolbar without tiles). */
export type MeetCallSignal = CallSignal;

export interface MeetParticipant {
  /** The device id (`spaces/…/devices/…`), else `name:<lower-case name>`; `#presentation` for a presentation. */
  key: string;
  /** Display name without "(You)", "Meeting host", "(Presentation)"…; '' when the page shows none. */
  name: string;
  /** My own device (or my presentation). */
  self: boolean;
  /** A screen share, not a person: never count it as a participant. */
  presentation: boolean;
}

export interface MeetSnapshot {
  meetingCode: string | null;
  title: string;
  signal: MeetCallSignal;
  /** I am presenting (never on the green room or end screen; gate it on the call state). */
  presenting: boolean;
  participants: MeetParticipant[];
}

/** Matches the protocol's cap on participant lists (lib/messaging/schemas.ts MAX_PARTICIPANTS). */
export const MAX_MEET_PARTICIPANTS = 50;
export const MAX_NAME_LENGTH = 200;
/** Elements read per kind at most, whatever the page holds. */
const MAX_SCAN = 200;

const MEETING_CODE = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})(?:$|[/?#])/;
const DEVICE_ID = /^[\w.:/-]{1,200}$/;

export function readMeetingCode(pathname: string): string | null {
  return MEETING_CODE.exec(pathname)?.[1] ?? null;
}

/** `[data-meeting-title]`, else `document.title` without its "Meet – " prefix; never the bare code. */
export function readMeetingTitle(doc: Document, code: string | null): string {
  const attribute = doc.querySelector(sel.meetingTitle.css)?.getAttribute('data-meeting-title');
  const fromTitle = doc.title.replace(/^Meet\s*[–—-]\s*/u, '').trim();
  const title = (attribute ?? fromTitle).trim();
  return title === code || title === 'Meet' ? '' : title.slice(0, 1024);
}

/** Whether any `.google-symbols` icon under `root` shows one of these ligatures. */
function hasLigature(root: ParentNode, names: readonly string[]): boolean {
  for (const icon of root.querySelectorAll(sel.icon.css)) {
    if (names.includes((icon.textContent ?? '').trim())) return true;
  }
  return false;
}

/**
 * The raw signal of one observation, from locale-free structure:
 * in-call = admitted (a `[data-participant-id]` or `[data-self-name]`, S32); ended = the end screen `.roSPhc`
 * (S22); prejoin = the green room (`.awLEm` name or the mic/camera toggles, with no Leave icon); otherwise
 * unknown. Tiles win over a lingering end screen. Feed it to `createCallStateMachine` for the call state.
 */
export function readCallState(doc: Document): MeetCallSignal {
  if (doc.querySelector(`${sel.participantTile.css}, ${sel.selfName.css}`)) return 'in-call';
  if (doc.querySelector(sel.endScreen.css)) return 'ended';
  if (doc.querySelector(sel.prejoinName.css)) return 'prejoin';
  if (hasLigature(doc, meetLigatures.leaveCall.text)) return 'unknown';
  return doc.querySelector(sel.mediaToggle.css) ? 'prejoin' : 'unknown';
}

// ---------------------------------------------------------------------------------------------------------
// Names

/** What shows my own tile or row in place of a name ("You"); en, de, fr (de/fr INFERRED). */
const SELF_WORDS = new Set(['you', 'sie', 'du', 'ich', 'vous', 'moi', 'toi']);
/** Row/tile suffixes that mark me: "(You)" (S35). */
const SELF_SUFFIX = /\s*\((?:you|sie|du|ich|vous|moi|toi)\)$/iu;
/** Suffixes that mark a presentation: "(Presentation)", "Your presentation" (S35, ref 38453117474). */
const PRESENTATION_SUFFIX =
  /\s*(?:\((?:presentation|präsentation|présentation)\)|\b(?:your presentation|ihre präsentation|votre présentation))$/iu;
const SELF_PRESENTATION = /^(?:your presentation|ihre präsentation|votre présentation)$/iu;
/**
 * Role suffixes (S35 "Meeting host"; de/fr INFERRED), as words of their own: "Marie Lhôte" keeps her name.
 */
const ROLE_SUFFIX =
  /\s+(?:meeting host|co-host|organisator(?:in)?|gastgeber(?:in)?|organisateur(?:rice)?|hôte)$/iu;
/** Control characters and bidi overrides a hostile display name could carry. */
const INVISIBLE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

interface CleanName {
  name: string;
  self: boolean;
  presentation: boolean;
}

/** A display name, whitespace-collapsed and stripped of the suffixes Meet appends; capped. */
export function cleanParticipantName(raw: string | null | undefined): CleanName {
  let name = (raw ?? '')
    .slice(0, 4 * MAX_NAME_LENGTH)
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
  let self = false;
  let presentation = false;
  if (SELF_PRESENTATION.test(name)) return { name: '', self: true, presentation: true };
  for (let guard = 0; guard < 4; guard++) {
    const before = name;
    if (SELF_SUFFIX.test(name)) [name, self] = [name.replace(SELF_SUFFIX, ''), true];
    if (PRESENTATION_SUFFIX.test(name)) {
      if (/your|ihre|votre/iu.test(name.match(PRESENTATION_SUFFIX)?.[0] ?? '')) self = true;
      [name, presentation] = [name.replace(PRESENTATION_SUFFIX, ''), true];
    }
    name = name.replace(ROLE_SUFFIX, '').trim();
    if (name === before) break;
  }
  if (SELF_WORDS.has(name.toLowerCase())) [name, self] = ['', true];
  return { name: name.slice(0, MAX_NAME_LENGTH).trim(), self, presentation };
}

const deviceId = (element: Element): string | null => {
  const id = element.getAttribute('data-participant-id');
  return id && DEVICE_ID.test(id) ? id : null;
};

// ---------------------------------------------------------------------------------------------------------
// Participants

/** One tile or People row. `selfHint` is text ("You", "(You)"), trusted only without a structural marker. */
interface Seen {
  id: string | null;
  name: string;
  /** Name source: 3 People panel, 2 data-self-name, 1 tile label. */
  rank: number;
  selfHint: boolean;
  presentation: boolean;
}

interface Draft extends Omit<Seen, 'id'> {
  key: string;
  ids: Set<string>;
  self: boolean;
}

/** The tiles, one `Seen` each; adds the device ids that are structurally mine to `selfIds`. */
function readTiles(doc: Document, selfIds: Set<string>): Seen[] {
  const seen: Seen[] = [];
  const marked = new Set<string>();
  let markedName = '';
  for (const tile of [...doc.querySelectorAll(sel.videoTile.css)].slice(0, MAX_SCAN)) {
    const id = deviceId(tile);
    const media = tile.getAttribute('data-tile-media-id');
    const label = cleanParticipantName(tile.querySelector(sel.tileName.css)?.textContent);
    // Structure decides when the tile names its media; the "(Presentation)" label only otherwise.
    const presentation = id !== null && media !== null ? media !== id : label.presentation;
    const selfMark = tile.matches(sel.selfName.css) ? tile : tile.querySelector(sel.selfName.css);
    if (id && selfMark && !presentation) {
      marked.add(id);
      markedName ||= cleanParticipantName(selfMark.getAttribute('data-self-name')).name;
    }
    if (id && !presentation && hasLigature(tile, meetLigatures.selfView.text)) selfIds.add(id);
    seen.push({ id, name: label.name, rank: 1, selfHint: label.self, presentation });
  }
  // 2020–21 Meet put data-self-name on every tile: trust the marker only on a single device.
  const [id] = marked;
  if (id !== undefined && marked.size === 1) {
    selfIds.add(id);
    if (markedName) seen.push({ id, name: markedName, rank: 2, selfHint: true, presentation: false });
  }
  return seen;
}

/**
 * The open People panel: the name from `.zWGUib` (else the row's aria-label, S35), "(You)" / "Meeting host"
 * / "Your presentation" from the row's other lines, never from the name itself (a name is the page's data).
 */
function readPeopleRows(doc: Document): Seen[] {
  const seen: Seen[] = [];
  for (const row of [...doc.querySelectorAll(sel.peopleRow.css)].slice(0, MAX_SCAN)) {
    const nameElement = row.querySelector(sel.peopleName.css);
    const name = cleanParticipantName(nameElement?.textContent ?? row.getAttribute('aria-label'));
    if (!name.name) continue;
    let { presentation } = name;
    let selfHint = false;
    for (const leaf of [...row.querySelectorAll('*')].slice(0, 64)) {
      if (leaf.childElementCount > 0 || leaf.matches(sel.icon.css) || nameElement?.contains(leaf)) continue;
      const line = cleanParticipantName(`x ${leaf.textContent ?? ''}`);
      if (line.name !== 'x') continue; // not a suffix line
      selfHint ||= line.self;
      presentation ||= line.presentation;
    }
    seen.push({ id: deviceId(row), name: name.name, rank: 3, selfHint, presentation });
  }
  return seen;
}

const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((id) => b.has(id));

/**
 * Everyone in the call, from the tiles and the open People panel, de-duplicated: by device id (a device
 * has a tile and a row, and may show several tiles), then by name (one person on two devices, or a row
 * without an id). A screen share is an entry of its own with `presentation: true` and its presenter's
 * name. Self: the `[data-self-name]` tile (on exactly one device) or the self-view controls' ligatures;
 * "(You)" / "You" text only when neither is there. Persons first, then presentations, each in first-seen
 * order (tiles in document order, then People rows); at most MAX_MEET_PARTICIPANTS.
 */
export function readParticipants(doc: Document): MeetParticipant[] {
  const selfIds = new Set<string>();
  const seen = [...readTiles(doc, selfIds), ...readPeopleRows(doc)];

  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  for (const entry of seen) {
    const base = entry.id ?? (entry.name ? `name:${entry.name.toLowerCase()}` : null);
    const key = base && (entry.presentation ? `${base}#presentation` : base);
    if (!key) continue;
    let draft = byKey.get(key);
    if (!draft) {
      if (drafts.length >= MAX_SCAN) break;
      draft = { ...entry, key, ids: new Set(), name: '', rank: 0, self: false };
      drafts.push(draft);
      byKey.set(key, draft);
    }
    if (entry.id) draft.ids.add(entry.id);
    if (entry.name && entry.rank > draft.rank) [draft.name, draft.rank] = [entry.name, entry.rank];
    draft.selfHint ||= entry.selfHint;
  }
  for (const draft of drafts) {
    const textSelf = draft.selfHint && (draft.presentation || selfIds.size === 0);
    draft.self = overlaps(draft.ids, selfIds) || textSelf;
  }

  // Different drafts never share a device id (ids are keys), so what is left to merge: my own devices, and
  // one name on several devices or on a row without an id. A device marked mine and one that is not stay
  // apart even with the same name (someone else may carry my name).
  const merged: Draft[] = [];
  const selfDraft = new Map<boolean, Draft>();
  const byName = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const name = `${draft.presentation}|${draft.name.toLowerCase()}`;
    const first =
      (draft.self ? selfDraft.get(draft.presentation) : undefined) ??
      (draft.name
        ? byName.get(name)?.find((c) => c.self === draft.self || !c.ids.size || !draft.ids.size)
        : undefined);
    if (!first) {
      merged.push(draft);
      if (draft.self && !selfDraft.has(draft.presentation)) selfDraft.set(draft.presentation, draft);
      if (draft.name) {
        const list = byName.get(name) ?? [];
        list.push(draft);
        byName.set(name, list);
      }
      continue;
    }
    for (const id of draft.ids) first.ids.add(id);
    if (draft.rank > first.rank) [first.name, first.rank] = [draft.name, draft.rank];
    if (draft.self && !first.self) {
      first.self = true;
      if (!selfDraft.has(first.presentation)) selfDraft.set(first.presentation, first);
    }
  }

  const persons = merged.filter((draft) => !draft.presentation);
  const presentations = merged.filter((draft) => draft.presentation);
  const personOf = new Map<string, Draft>();
  for (const p of persons) for (const id of p.ids) personOf.set(id, p);
  for (const share of presentations) {
    const byDevice = [...share.ids].map((id) => personOf.get(id)).find(Boolean);
    const presenter = byDevice ?? (share.self ? selfDraft.get(false) : undefined);
    share.self ||= presenter?.self ?? false;
    if (!share.name) share.name = presenter?.name ?? '';
  }
  return [...persons, ...presentations]
    .slice(0, MAX_MEET_PARTICIPANTS)
    .map(({ key, name, self, presentation }) => ({ key, name, self, presentation }));
}

// ---------------------------------------------------------------------------------------------------------
// Presenting

/**
 * Whether I am presenting, strongest signal first:
 * 1. the local Stop-presenting control's `cancel_presentation` ligature (locale-free; "only present while
 *    THIS user is presenting", public code, ref 54658848158);
 * 2. a presentation tile (media id ≠ device id, ref 70250961647) of my own device (`[data-self-name]` tile,
 *    S34), or a presentation tile/row labelled as mine;
 * 3. text: a control labelled "Stop presenting" / "You are presenting" (S35; refs 23559841226, 4399837456;
 *    de/fr wording INFERRED).
 * Someone else's presentation never counts. Only meaningful in the call (see readMeetSnapshot).
 */
export function readPresenting(doc: Document): boolean {
  if (hasLigature(doc, meetLigatures.stopPresenting.text)) return true;
  if (readParticipants(doc).some((p) => p.presentation && p.self)) return true;
  return doc.querySelector(sel.presentingLabel.css) !== null;
}

/**
 * Everything the Meet content script needs from one look at the page. Presenting and participants are
 * read unless the page is plainly the green room or the end screen: during an `unknown` flicker they
 * still say what the page shows, and the caller's state machine decides whether the call goes on.
 */
export function readMeetSnapshot(doc: Document, pathname: string): MeetSnapshot {
  const meetingCode = readMeetingCode(pathname);
  const signal = readCallState(doc);
  const live = signal === 'in-call' || signal === 'unknown';
  return {
    meetingCode,
    title: readMeetingTitle(doc, meetingCode),
    signal,
    presenting: live && readPresenting(doc),
    participants: live ? readParticipants(doc) : [],
  };
}
