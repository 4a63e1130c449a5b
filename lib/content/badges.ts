/**
 * Duet's badge on a Calendar chip. DOM contract (tests outside the repo rely on it): each badge matches
 * `[data-duet-badge]` in the page's light DOM with `data-duet-event-id`, `data-duet-kind` and
 * `data-duet-confidence`. A badge carries no private data: kind, confidence and the open-agreement count.
 */
import type { EventBadge } from '../messaging/schemas';

export const BADGE_ATTRIBUTE = 'data-duet-badge';

const KIND_LABELS: Record<EventBadge['kind'], string> = {
  'one-on-one': '1:1',
  'two-on-one': '2:1',
  'skip-level': 'Skip',
  peer: 'Peer',
  career: 'Career',
};

/** True for a badge or anything inside one (text nodes included), so drawing badges never triggers a rescan. */
export function isBadge(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return element !== null && element.closest(`[${BADGE_ATTRIBUTE}]`) !== null;
}

/** The current open action of each badge: re-renders replace it, so a reused chip never opens an old event. */
const openActions = new WeakMap<HTMLElement, () => void>();

export function findBadge(chip: Element): HTMLElement | null {
  return chip.querySelector<HTMLElement>(`:scope > [${BADGE_ATTRIBUTE}]`);
}

function applyStyle(badge: HTMLElement, badgeData: EventBadge, inline: boolean): void {
  const confirmed = badgeData.confidence === 'confirmed';
  Object.assign(badge.style, {
    // Grid views position chips absolutely: pin the badge to the chip's corner. Schedule rows flow, so the
    // badge flows after the title there (a structural check, no layout read).
    position: inline ? 'relative' : 'absolute',
    top: inline ? '0' : '2px',
    right: inline ? 'auto' : '2px',
    marginLeft: inline ? '6px' : '0',
    verticalAlign: 'middle',
    zIndex: '5',
    display: 'inline-flex',
    alignItems: 'center',
    gap: '3px',
    padding: '0 5px',
    height: '16px',
    borderRadius: '8px',
    font: '600 10px/16px system-ui, sans-serif',
    letterSpacing: '0.2px',
    cursor: 'pointer',
    color: confirmed ? '#ffffff' : '#3b2a7a',
    background: confirmed ? '#5b3fd6' : '#f1edff',
    border: confirmed ? '1px solid #5b3fd6' : '1px dashed #5b3fd6',
    boxShadow: '0 1px 2px rgba(0,0,0,0.25)',
    pointerEvents: 'auto',
  } satisfies Partial<CSSStyleDeclaration>);
}

function setContent(badge: HTMLElement, data: EventBadge): void {
  const label = KIND_LABELS[data.kind];
  badge.replaceChildren(document.createTextNode(label));
  if (data.openAgreements > 0) {
    const count = document.createElement('span');
    count.textContent = data.openAgreements > 99 ? '99+' : String(data.openAgreements);
    Object.assign(count.style, {
      minWidth: '12px',
      height: '12px',
      padding: '0 3px',
      borderRadius: '6px',
      font: '700 9px/12px system-ui, sans-serif',
      textAlign: 'center',
      color: data.confidence === 'confirmed' ? '#5b3fd6' : '#ffffff',
      background: data.confidence === 'confirmed' ? '#ffffff' : '#5b3fd6',
    } satisfies Partial<CSSStyleDeclaration>);
    count.setAttribute('aria-hidden', 'true');
    badge.append(count);
  }
  const confidence = data.confidence === 'confirmed' ? '' : ' (detected from the title)';
  const open =
    data.openAgreements === 0
      ? ''
      : `, ${data.openAgreements} open agreement${data.openAgreements === 1 ? '' : 's'}`;
  badge.setAttribute('aria-label', `Open ${label} in Duet${confidence}${open}`);
  badge.title = `Open in Duet${confidence}${open}`;
}

/** Draws or updates the badge on a chip; idempotent, so a re-run never duplicates it. */
export function renderBadge(
  chip: HTMLElement,
  data: EventBadge,
  onOpen: (chip: HTMLElement) => void,
): HTMLElement {
  let badge = findBadge(chip);
  const signature = `${data.dataEventId}|${data.kind}|${data.confidence}|${data.openAgreements}`;
  if (badge) openActions.set(badge, () => onOpen(chip));
  if (badge && badge.dataset.duetSignature === signature) return badge;
  if (!badge) {
    badge = document.createElement('span');
    badge.setAttribute(BADGE_ATTRIBUTE, '');
    badge.setAttribute('role', 'button');
    badge.tabIndex = 0;
    const element = badge;
    openActions.set(element, () => onOpen(chip));
    const open = (event: Event) => {
      // Keep Calendar from also opening its own details popover for this click.
      event.preventDefault();
      event.stopPropagation();
      openActions.get(element)?.();
    };
    const swallow = (event: Event) => event.stopPropagation();
    badge.addEventListener('click', open);
    badge.addEventListener('mousedown', swallow);
    badge.addEventListener('pointerdown', swallow);
    badge.addEventListener('mouseup', swallow);
    badge.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') open(event);
    });
    chip.append(badge);
  }
  badge.setAttribute('data-duet-event-id', data.dataEventId);
  badge.setAttribute('data-duet-kind', data.kind);
  badge.setAttribute('data-duet-confidence', data.confidence);
  badge.dataset.duetSignature = signature;
  applyStyle(badge, data, chip.closest('[data-datekey]') === null);
  setContent(badge, data);
  return badge;
}

export function removeBadge(chip: Element): void {
  findBadge(chip)?.remove();
}
