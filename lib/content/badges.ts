/**
 * Duet's badge on a Calendar chip. DOM contract (tests outside the repo rely on it): each badge matches
 * `[data-duet-badge]` in the page's light DOM with `data-duet-event-id`, `data-duet-kind` and
 * `data-duet-confidence`. A badge carries no private data: kind, confidence and the open-agreement count.
 */
import { calendarSelectors } from '../google/calendar/selectors';
import type { ContentMessageKey } from '../i18n/messages/content';
import type { EventBadge } from '../messaging/schemas';
import { msg, msgCount } from './i18n';

export const BADGE_ATTRIBUTE = 'data-duet-badge';

const KIND_LABELS: Record<EventBadge['kind'], ContentMessageKey> = {
  'one-on-one': 'content_badge_kind_1on1',
  'two-on-one': 'content_badge_kind_2on1',
  'skip-level': 'content_badge_kind_skip_level',
  peer: 'content_badge_kind_peer',
  career: 'content_badge_kind_career',
};

/**
 * Each kind's label, asked of the browser once: `i18n.getMessage` crosses into the extension bindings on
 * every call (measured at ~2 % of the content script's time under churn when asked per drawn badge).
 */
const kindLabels = new Map<EventBadge['kind'], string>();
function kindLabel(kind: EventBadge['kind']): string {
  let label = kindLabels.get(kind);
  if (label === undefined) {
    label = msg(KIND_LABELS[kind]);
    // Not answered (msg gives the key back): asked again next time rather than kept.
    if (label !== KIND_LABELS[kind]) kindLabels.set(kind, label);
  }
  return label;
}

/** How deep a badge's own nodes go: the badge, its count, the count's text. */
const BADGE_DEPTH = 3;

/**
 * True for a badge or anything inside one (text nodes included): an `ignore` for `observeDebounced`. Walks
 * at most three parents (a badge is that shallow), so it is cheap enough to run on every mutation record.
 */
export function isBadge(node: Node): boolean {
  let current: Node | null = node;
  for (let depth = 0; current !== null && depth < BADGE_DEPTH; depth++) {
    if (current.nodeType === 1 && (current as Element).hasAttribute(BADGE_ATTRIBUTE)) return true;
    current = current.parentNode;
  }
  return false;
}

/**
 * The current open action of each badge we drew: re-renders replace it, so a reused chip never opens an old
 * event. A badge without an entry was not drawn by us (Calendar cloned a chip with our badge inside).
 */
const openActions = new WeakMap<HTMLElement, () => void>();

/** The chip's own badge (a direct child), if any: one native query, no script per child. */
export function findBadge(chip: Element): HTMLElement | null {
  return chip.querySelector<HTMLElement>(`:scope > [${BADGE_ATTRIBUTE}]`);
}

/**
 * One set of listeners per document (capture phase, so they run before Calendar's own) instead of five per
 * badge: a press on one of our badges opens it and never reaches Calendar (no details popover, no drag).
 * Badges this script did not draw (no open action) are left alone.
 */
const delegating = new WeakMap<Document, AbortController>();
function delegateEvents(doc: Document): void {
  if (delegating.has(doc)) return;
  const listening = new AbortController();
  delegating.set(doc, listening);
  const options = { capture: true, signal: listening.signal };
  const badgeOf = (event: Event) => {
    const target = event.target as Partial<Element> | null;
    const badge = target?.closest?.(`[${BADGE_ATTRIBUTE}]`) as HTMLElement | null | undefined;
    return badge && openActions.has(badge) ? badge : null;
  };
  const open = (event: Event, badge: HTMLElement) => {
    // Keep Calendar from also opening its own details popover for this click.
    event.preventDefault();
    event.stopPropagation();
    // Only the user's own click or key: a page script's badge.click() must not switch the panel to
    // another meeting (the user would go on typing into the wrong 1:1).
    if (!event.isTrusted) return;
    openActions.get(badge)?.();
  };
  doc.addEventListener(
    'click',
    (event) => {
      const badge = badgeOf(event);
      if (badge) open(event, badge);
    },
    options,
  );
  // Nothing of a press on a badge reaches the chip (a double click would open Calendar's edit page).
  for (const type of ['mousedown', 'pointerdown', 'mouseup', 'pointerup', 'dblclick', 'contextmenu'])
    doc.addEventListener(type, (event) => badgeOf(event) && event.stopPropagation(), options);
  doc.addEventListener(
    'keydown',
    (event) => {
      const badge = badgeOf(event);
      if (badge && (event.key === 'Enter' || event.key === ' ')) open(event, badge);
    },
    options,
  );
}

/** The content script stops (Duet reloaded or updated): the document's badge listeners go too. */
export function stopBadgeEvents(doc: Document): void {
  delegating.get(doc)?.abort();
  delegating.delete(doc);
}

const BASE_STYLE =
  'vertical-align: middle; z-index: 5; display: inline-flex; align-items: center; gap: 3px; padding: 0 5px; ' +
  'height: 16px; border-radius: 8px; font: 600 10px/16px system-ui, sans-serif; letter-spacing: 0.2px; ' +
  'cursor: pointer; box-shadow: 0 1px 2px rgba(0,0,0,0.25); pointer-events: auto;';
// Grid views position chips absolutely: pin the badge to the chip's corner. Schedule rows flow, so the badge
// flows after the title there (a structural check, no layout read).
const PLACED = {
  grid: 'position: absolute; top: 2px; right: 2px; margin-left: 0px;',
  inline: 'position: relative; top: 0px; right: auto; margin-left: 6px;',
};
const COLOURS = {
  confirmed: 'color: #ffffff; background: #5b3fd6; border: 1px solid #5b3fd6;',
  likely: 'color: #3b2a7a; background: #f1edff; border: 1px dashed #5b3fd6;',
};
const COUNT_STYLE =
  'min-width: 12px; height: 12px; padding: 0 3px; border-radius: 6px; font: 700 9px/12px system-ui, sans-serif; ' +
  'text-align: center;';
const COUNT_COLOURS = {
  confirmed: 'color: #5b3fd6; background: #ffffff;',
  likely: 'color: #ffffff; background: #5b3fd6;',
};

/**
 * Styled empty elements to clone, one per look: a clone copies the parsed inline style, while parsing these
 * declarations costs tens of µs per element (and CSSOM styles are not subject to a page's style-src CSP).
 */
const templates = new Map<string, HTMLElement>();
function cloneStyled(css: string): HTMLElement {
  let template = templates.get(css);
  if (!template || template.ownerDocument !== document) {
    template = document.createElement('span');
    template.style.cssText = css;
    templates.set(css, template);
  }
  return template.cloneNode(false) as HTMLElement;
}

const badgeStyle = (confidence: EventBadge['confidence'], inline: boolean) =>
  `${PLACED[inline ? 'inline' : 'grid']} ${BASE_STYLE} ${COLOURS[confidence]}`;
/** The style each badge was drawn with. */
const styles = new WeakMap<HTMLElement, string>();

function setContent(badge: HTMLElement, data: EventBadge): void {
  const label = kindLabel(data.kind);
  badge.replaceChildren(document.createTextNode(label));
  if (data.openAgreements > 0) {
    const count = cloneStyled(`${COUNT_STYLE} ${COUNT_COLOURS[data.confidence]}`);
    count.textContent = data.openAgreements > 99 ? '99+' : String(data.openAgreements);
    count.setAttribute('aria-hidden', 'true');
    badge.append(count);
  }
  const count = data.openAgreements;
  const likely = data.confidence !== 'confirmed';
  if (count === 0) {
    badge.setAttribute(
      'aria-label',
      msg(likely ? 'content_badge_label_likely' : 'content_badge_label', label),
    );
    badge.title = msg(likely ? 'content_badge_title_likely' : 'content_badge_title');
  } else {
    badge.setAttribute(
      'aria-label',
      msgCount(likely ? 'content_badge_label_likely_open' : 'content_badge_label_open', count, label, count),
    );
    badge.title = msgCount(
      likely ? 'content_badge_title_likely_open' : 'content_badge_title_open',
      count,
      count,
    );
  }
}

const signatureOf = (data: EventBadge) =>
  `${data.dataEventId}|${data.kind}|${data.confidence}|${data.openAgreements}`;

/**
 * Whole badges to clone, one per look and content (placement, kind, confidence, count): drawing a new badge
 * is then one clone and two attributes, whatever its style and text.
 */
const badgeTemplates = new Map<string, HTMLElement>();
function createBadge(chip: HTMLElement, data: EventBadge, style: string, onOpen: () => void): HTMLElement {
  delegateEvents(chip.ownerDocument);
  const look = `${style}|${data.kind}|${data.confidence}|${data.openAgreements}`;
  let template = badgeTemplates.get(look);
  if (!template || template.ownerDocument !== document) {
    template = cloneStyled(style);
    template.setAttribute(BADGE_ATTRIBUTE, '');
    template.setAttribute('role', 'button');
    template.tabIndex = 0;
    template.setAttribute('data-duet-kind', data.kind);
    template.setAttribute('data-duet-confidence', data.confidence);
    setContent(template, data);
    if (badgeTemplates.size >= 100) badgeTemplates.clear();
    badgeTemplates.set(look, template);
  }
  const badge = template.cloneNode(true) as HTMLElement;
  badge.setAttribute('data-duet-event-id', data.dataEventId);
  badge.setAttribute('data-duet-signature', signatureOf(data));
  styles.set(badge, style);
  openActions.set(badge, onOpen);
  return badge;
}

/**
 * Grid chips keep their text clear of the badge pinned to their corner: the chip's right padding makes room
 * for the badge's width, estimated from its text (no layout read). A CSSOM write (not subject to the page's
 * style-src CSP), undone when the badge goes; a chip Calendar rebuilds loses it along with the badge.
 * The chip keeps its own earlier inline right padding in ROOM_ATTRIBUTE (put back when the badge goes): an
 * attribute, not memory, so a chip Calendar clones carries it along and its copied room is never taken for
 * its own padding.
 */
const ROOM_ATTRIBUTE = 'data-duet-room';
function roomFor(data: EventBadge): string {
  const label = kindLabel(data.kind).length * 6.5 + 18;
  const digits = data.openAgreements > 99 ? 3 : String(data.openAgreements).length;
  const count = data.openAgreements > 0 ? 3 + Math.max(12, digits * 6 + 6) : 0;
  return `${Math.ceil(label + count + 4)}px`;
}
function makeRoom(chip: HTMLElement, data: EventBadge, grid: boolean): void {
  if (!grid) return clearRoom(chip);
  const room = roomFor(data);
  const { style } = chip;
  const given = chip.hasAttribute(ROOM_ATTRIBUTE);
  if (given && style.getPropertyValue('padding-right') === room) return;
  if (!given) chip.setAttribute(ROOM_ATTRIBUTE, style.getPropertyValue('padding-right'));
  style.setProperty('padding-right', room, 'important');
}
function clearRoom(chip: HTMLElement): void {
  const before = chip.getAttribute(ROOM_ATTRIBUTE);
  if (before === null) return;
  chip.removeAttribute(ROOM_ATTRIBUTE);
  if (before) chip.style.setProperty('padding-right', before);
  else chip.style.removeProperty('padding-right');
}

/**
 * Draws or updates the badge on a chip; idempotent, so a re-run never duplicates it and, when nothing
 * changed, writes nothing. A badge copied into the chip by Calendar (a cloned chip) is replaced by ours.
 */
export function renderBadge(
  chip: HTMLElement,
  data: EventBadge,
  onOpen: (chip: HTMLElement) => void,
): HTMLElement {
  let badge = findBadge(chip);
  while (badge && !openActions.has(badge)) {
    badge.remove();
    badge = findBadge(chip);
  }
  const signature = signatureOf(data);
  if (badge) {
    openActions.set(badge, () => onOpen(chip));
    if (badge.getAttribute('data-duet-signature') === signature) return badge;
  }
  const inline = chip.closest(calendarSelectors.datedCell.css) === null;
  const style = badgeStyle(data.confidence, inline);
  makeRoom(chip, data, !inline);
  if (!badge) {
    badge = createBadge(chip, data, style, () => onOpen(chip));
    chip.append(badge);
    return badge;
  }
  if (styles.get(badge) !== style) {
    badge.style.cssText = style;
    styles.set(badge, style);
  }
  badge.setAttribute('data-duet-event-id', data.dataEventId);
  badge.setAttribute('data-duet-kind', data.kind);
  badge.setAttribute('data-duet-confidence', data.confidence);
  badge.setAttribute('data-duet-signature', signature);
  setContent(badge, data);
  return badge;
}

/** Removes the chip's badge (ours, or a copy Calendar cloned along), if it has one. */
export function removeBadge(chip: Element): void {
  for (let badge = findBadge(chip); badge !== null; badge = findBadge(chip)) badge.remove();
  clearRoom(chip as HTMLElement);
}
