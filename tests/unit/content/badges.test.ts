import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { trusted, userClick } from '../helpers/trusted';
import { BADGE_ATTRIBUTE, findBadge, isBadge, removeBadge, renderBadge } from '@/lib/content/badges';
import type { EventBadge } from '@/lib/messaging/protocol';
import { fixturesIndex, loadFixture } from '../helpers/fixtures';
import { stubI18n } from './i18n-stub';

stubI18n();

const ALICE_BOB = fixturesIndex.events[1]!.data_eventid;
const ALICE_FRANK = fixturesIndex.events.find((e) => e.title === 'Alice / Frank')!.data_eventid;

const badgeData = (changes: Partial<EventBadge> = {}): EventBadge => ({
  dataEventId: ALICE_BOB,
  kind: 'one-on-one',
  confidence: 'likely',
  openAgreements: 0,
  ...changes,
});

function makeChip(): HTMLElement {
  const chip = document.createElement('div');
  chip.setAttribute('data-eventid', ALICE_BOB);
  chip.setAttribute('data-eventchip', '');
  chip.setAttribute('role', 'button');
  const title = document.createElement('span');
  title.className = 'I0UMhf';
  title.textContent = 'Alice / Bob';
  chip.append(title);
  document.body.append(chip);
  return chip;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('renderBadge', () => {
  it('draws one badge with the DOM contract attributes', () => {
    const chip = makeChip();
    const badge = renderBadge(chip, badgeData(), () => {});
    expect(chip.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)).toHaveLength(1);
    expect(badge.parentElement).toBe(chip);
    expect(badge.getAttribute(BADGE_ATTRIBUTE)).toBe('');
    expect(badge.getAttribute('data-duet-event-id')).toBe(ALICE_BOB);
    expect(badge.getAttribute('data-duet-kind')).toBe('one-on-one');
    expect(badge.getAttribute('data-duet-confidence')).toBe('likely');
    expect(badge.getAttribute('role')).toBe('button');
    expect(badge.tabIndex).toBe(0);
    expect(
      document.querySelectorAll(
        '[data-duet-badge][data-duet-event-id][data-duet-kind][data-duet-confidence]',
      ),
    ).toHaveLength(1);
  });

  it('asks the browser for a kind label once, however many badges are drawn (a call into the bindings each)', () => {
    const kindKey = 'content_badge_kind_skip_level';
    const asked = () =>
      vi.mocked(fakeBrowser.i18n.getMessage).mock.calls.filter(([key]) => key === kindKey).length;
    for (let count = 0; count < 5; count++) {
      const chip = makeChip();
      const grid = document.createElement('div');
      grid.setAttribute('data-datekey', '28055');
      grid.append(chip);
      document.body.append(grid);
      renderBadge(chip, badgeData({ kind: 'skip-level', openAgreements: count }), () => undefined);
    }
    expect(asked()).toBeLessThanOrEqual(1);
    expect(document.querySelectorAll('[data-duet-kind="skip-level"]')).toHaveLength(5);
  });

  it('is idempotent: rendering twice leaves one badge, the same element', () => {
    const chip = makeChip();
    const first = renderBadge(chip, badgeData(), () => {});
    const second = renderBadge(chip, badgeData(), () => {});
    expect(second).toBe(first);
    expect(chip.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('does not touch the DOM when nothing changed (no mutation feedback loop)', async () => {
    const chip = makeChip();
    renderBadge(chip, badgeData(), () => {});
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(chip, { subtree: true, childList: true, attributes: true, characterData: true });
    renderBadge(chip, badgeData(), () => {});
    await Promise.resolve();
    observer.disconnect();
    expect(records).toEqual([]);
  });

  it('updates kind, confidence and the open-agreement count in place', () => {
    const chip = makeChip();
    const badge = renderBadge(chip, badgeData(), () => {});
    expect(badge.textContent).toBe('1:1');
    expect(badge.querySelector('span')).toBeNull();
    expect(badge.getAttribute('aria-label')).toBe('Open 1:1 in Duet (detected from the title)');

    renderBadge(
      chip,
      badgeData({ kind: 'skip-level', confidence: 'confirmed', openAgreements: 2 }),
      () => {},
    );
    expect(chip.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)).toHaveLength(1);
    expect(badge.getAttribute('data-duet-kind')).toBe('skip-level');
    expect(badge.getAttribute('data-duet-confidence')).toBe('confirmed');
    expect(badge.textContent).toBe('Skip2');
    expect(badge.querySelectorAll('span[aria-hidden="true"]')).toHaveLength(1);
    expect(badge.querySelector('span')!.textContent).toBe('2');
    expect(badge.getAttribute('aria-label')).toBe('Open Skip in Duet, 2 open agreements');

    renderBadge(chip, badgeData({ openAgreements: 0 }), () => {});
    expect(badge.querySelector('span')).toBeNull();
    expect(badge.textContent).toBe('1:1');
    expect(badge.getAttribute('data-duet-kind')).toBe('one-on-one');
    expect(badge.getAttribute('aria-label')).toBe('Open 1:1 in Duet (detected from the title)');
  });

  it.each<[number, string | null]>([
    [0, null],
    [1, '1'],
    [2, '2'],
    [99, '99'],
    [100, '99+'],
    [1234, '99+'],
  ])('shows %i open agreements as %j', (openAgreements, text) => {
    const badge = renderBadge(makeChip(), badgeData({ openAgreements }), () => {});
    const count = badge.querySelector('span');
    if (text === null) {
      expect(count).toBeNull();
      expect(badge.textContent).toBe('1:1');
    } else {
      expect(count?.textContent).toBe(text);
      expect(count?.getAttribute('aria-hidden')).toBe('true');
      expect(badge.textContent).toBe(`1:1${text}`);
    }
  });

  it.each<[number, EventBadge['confidence'], string]>([
    [0, 'confirmed', 'Open 1:1 in Duet'],
    [0, 'likely', 'Open 1:1 in Duet (detected from the title)'],
    [1, 'confirmed', 'Open 1:1 in Duet, 1 open agreement'],
    [2, 'likely', 'Open 1:1 in Duet (detected from the title), 2 open agreements'],
    // The visible count is capped; the accessible name tells the exact number.
    [150, 'confirmed', 'Open 1:1 in Duet, 150 open agreements'],
  ])('with %i open agreements (%s) is labelled %j', (openAgreements, confidence, label) => {
    const badge = renderBadge(makeChip(), badgeData({ openAgreements, confidence }), () => {});
    expect(badge.getAttribute('aria-label')).toBe(label);
    expect(badge.title).toBe(label.replace('Open 1:1 in Duet', 'Open in Duet'));
  });

  it('changes only when the count changes (the count is part of the signature)', async () => {
    const chip = makeChip();
    const badge = renderBadge(chip, badgeData({ openAgreements: 3 }), () => {});
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(chip, { subtree: true, childList: true, attributes: true, characterData: true });
    renderBadge(chip, badgeData({ openAgreements: 3 }), () => {});
    await Promise.resolve();
    expect(records).toEqual([]);
    renderBadge(chip, badgeData({ openAgreements: 4 }), () => {});
    await Promise.resolve();
    observer.disconnect();
    expect(records.length).toBeGreaterThan(0);
    expect(badge.querySelector('span')?.textContent).toBe('4');
    expect(badge.getAttribute('aria-label')).toContain('4 open agreements');
  });

  it.each<[EventBadge['kind'], string]>([
    ['one-on-one', '1:1'],
    ['two-on-one', '2-1'],
    ['skip-level', 'Skip'],
    ['peer', 'Peer'],
    ['career', 'Career'],
  ])('labels %s as %s', (kind, label) => {
    expect(renderBadge(makeChip(), badgeData({ kind }), () => {}).textContent).toBe(label);
  });

  it('updates the event id when the chip now shows another event', () => {
    // Calendar reuses chip elements; the badge must describe the event the chip shows now.
    const chip = makeChip();
    const badge = renderBadge(chip, badgeData(), () => {});
    chip.setAttribute('data-eventid', ALICE_FRANK);
    renderBadge(chip, badgeData({ dataEventId: ALICE_FRANK }), () => {});
    expect(badge.getAttribute('data-duet-event-id')).toBe(ALICE_FRANK);
  });

  it('opens with the latest onOpen after a re-render, never a stale one', () => {
    const chip = makeChip();
    const openOld = vi.fn();
    const openNew = vi.fn();
    const badge = renderBadge(chip, badgeData(), openOld);
    renderBadge(chip, badgeData({ dataEventId: ALICE_FRANK }), openNew);
    userClick(badge);
    expect(openNew).toHaveBeenCalledTimes(1);
    expect(openOld).not.toHaveBeenCalled();
  });

  it('carries no private data: only kind, confidence and an open-agreement count', () => {
    const chip = makeChip();
    const badge = renderBadge(chip, badgeData({ openAgreements: 3 }), () => {});
    const attributes = Object.fromEntries([...badge.attributes].map((a) => [a.name, a.value]));
    expect(Object.keys(attributes).sort()).toEqual(
      [
        'aria-label',
        'data-duet-badge',
        'data-duet-confidence',
        'data-duet-event-id',
        'data-duet-kind',
        'data-duet-signature',
        'role',
        'style',
        'tabindex',
        'title',
      ].sort(),
    );
    expect(badge.textContent).toBe('1:13');
    const count = badge.querySelector('span')!;
    expect([...count.attributes].map((a) => a.name).sort()).toEqual(['aria-hidden', 'style']);
    expect(badge.getAttribute('aria-label')).toBe(
      'Open 1:1 in Duet (detected from the title), 3 open agreements',
    );
  });
});

describe('renderBadge clicks', () => {
  it('calls onOpen with the chip and keeps the click from reaching Calendar', () => {
    const chip = makeChip();
    const chipClick = vi.fn();
    const bodyClick = vi.fn();
    chip.addEventListener('click', chipClick);
    document.body.addEventListener('click', bodyClick);
    const onOpen = vi.fn();
    const badge = renderBadge(chip, badgeData(), onOpen);

    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    badge.dispatchEvent(click);

    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith(chip);
    expect(chipClick).not.toHaveBeenCalled();
    expect(bodyClick).not.toHaveBeenCalled();
    expect(click.defaultPrevented).toBe(true);
  });

  it.each(['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'contextmenu'])(
    'swallows %s so Calendar does not start a drag (or open its edit page on a double click)',
    (type) => {
      const chip = makeChip();
      const onChip = vi.fn();
      chip.addEventListener(type, onChip);
      const onOpen = vi.fn();
      const badge = renderBadge(chip, badgeData(), onOpen);
      badge.dispatchEvent(new MouseEvent(type, { bubbles: true }));
      expect(onChip).not.toHaveBeenCalled();
      expect(onOpen).not.toHaveBeenCalled();
    },
  );

  it.each(['Enter', ' '])('opens from the keyboard with %j', (key) => {
    const chip = makeChip();
    const onChipKey = vi.fn();
    chip.addEventListener('keydown', onChipKey);
    const onOpen = vi.fn();
    const badge = renderBadge(chip, badgeData(), onOpen);
    badge.dispatchEvent(trusted(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
    expect(onOpen).toHaveBeenCalledWith(chip);
    expect(onChipKey).not.toHaveBeenCalled();
  });

  it('ignores clicks and keys a page script makes (they are not the user)', () => {
    const chip = makeChip();
    const onOpen = vi.fn();
    const badge = renderBadge(chip, badgeData(), onOpen);
    badge.click();
    badge.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    badge.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('ignores other keys', () => {
    const chip = makeChip();
    const onOpen = vi.fn();
    const badge = renderBadge(chip, badgeData(), onOpen);
    badge.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('still opens only once after several idempotent renders', () => {
    const chip = makeChip();
    const onOpen = vi.fn();
    const badge = renderBadge(chip, badgeData(), onOpen);
    renderBadge(chip, badgeData(), onOpen);
    renderBadge(chip, badgeData({ openAgreements: 5 }), onOpen);
    userClick(badge);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });
});

describe('removeBadge, findBadge and isBadge', () => {
  it('removeBadge removes the badge and leaves the chip intact', () => {
    const chip = makeChip();
    renderBadge(chip, badgeData(), () => {});
    removeBadge(chip);
    expect(findBadge(chip)).toBeNull();
    expect(chip.textContent).toBe('Alice / Bob');
    expect(() => removeBadge(chip)).not.toThrow();
  });

  it('findBadge only sees a direct child badge', () => {
    const chip = makeChip();
    const inner = document.createElement('div');
    const nested = document.createElement('span');
    nested.setAttribute(BADGE_ATTRIBUTE, '');
    inner.append(nested);
    chip.append(inner);
    expect(findBadge(chip)).toBeNull();
    // So rendering adds its own, direct badge.
    const badge = renderBadge(chip, badgeData(), () => {});
    expect(findBadge(chip)).toBe(badge);
  });

  it('isBadge is true for the badge and its element children, false for everything else', () => {
    const chip = makeChip();
    const badge = renderBadge(chip, badgeData({ openAgreements: 1 }), () => {});
    expect(isBadge(badge)).toBe(true);
    expect(isBadge(badge.querySelector('span')!)).toBe(true);
    expect(isBadge(badge.querySelector('span')!.firstChild!)).toBe(true);
    expect(isBadge(chip)).toBe(false);
    expect(isBadge(document.body)).toBe(false);
    expect(isBadge(document.createTextNode('1:1'))).toBe(false);
    expect(isBadge(document.createComment('x'))).toBe(false);
  });

  it('renders on every chip of the week fixture without duplicates', () => {
    const week = loadFixture('gcal-week.html');
    const chips = [...week.querySelectorAll<HTMLElement>('[data-eventid][data-eventchip]')];
    for (const chip of chips)
      renderBadge(chip, badgeData({ dataEventId: chip.getAttribute('data-eventid')! }), () => {});
    for (const chip of chips)
      renderBadge(chip, badgeData({ dataEventId: chip.getAttribute('data-eventid')! }), () => {});
    expect(week.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)).toHaveLength(chips.length);
  });
});

describe('renderBadge with cloned chips, looks and shared listeners', () => {
  it('replaces a badge copied along with a cloned chip by one of its own, which opens', () => {
    const chip = makeChip();
    renderBadge(chip, badgeData(), () => {});
    const clone = chip.cloneNode(true) as HTMLElement;
    document.body.append(clone);
    const copied = findBadge(clone)!;
    const onOpen = vi.fn();
    const badge = renderBadge(clone, badgeData(), onOpen);
    expect(badge).not.toBe(copied);
    expect(copied.isConnected).toBe(false);
    expect(clone.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)).toHaveLength(1);
    userClick(badge);
    expect(onOpen).toHaveBeenCalledWith(clone);
  });

  it('leaves clicks on badges it did not draw to the page', () => {
    const chip = makeChip();
    renderBadge(makeChip(), badgeData(), () => {}); // our listeners are in place
    const foreign = document.createElement('span');
    foreign.setAttribute(BADGE_ATTRIBUTE, '');
    chip.append(foreign);
    const onChip = vi.fn();
    chip.addEventListener('click', onChip);
    userClick(foreign);
    expect(onChip).toHaveBeenCalledTimes(1);
  });

  it('pins the badge to a grid chip and lets it flow in a schedule row', () => {
    const cell = document.createElement('div');
    cell.setAttribute('data-datekey', '28791');
    const gridChip = makeChip();
    cell.append(gridChip);
    document.body.append(cell);
    expect(renderBadge(gridChip, badgeData(), () => {}).style.position).toBe('absolute');
    expect(renderBadge(makeChip(), badgeData(), () => {}).style.position).toBe('relative');
  });

  it("makes room for a grid chip's badge so the title is not drawn under it, and gives it back", () => {
    const cell = document.createElement('div');
    cell.setAttribute('data-datekey', '28791');
    const gridChip = makeChip();
    gridChip.style.padding = '2px 4px';
    cell.append(gridChip);
    document.body.append(cell);
    const room = () => parseFloat(gridChip.style.getPropertyValue('padding-right'));

    renderBadge(gridChip, badgeData(), () => {});
    expect(gridChip.style.getPropertyPriority('padding-right')).toBe('important');
    const plain = room();
    expect(plain).toBeGreaterThanOrEqual(30);
    // A count and a longer label take more room.
    renderBadge(gridChip, badgeData({ openAgreements: 12 }), () => {});
    expect(room()).toBeGreaterThan(plain);
    renderBadge(gridChip, badgeData({ kind: 'career', openAgreements: 12 }), () => {});
    const career = room();
    expect(career).toBeGreaterThan(plain + 12);
    // The chip's other padding is Calendar's and stays.
    expect(gridChip.style.paddingTop).toBe('2px');
    expect(gridChip.style.paddingLeft).toBe('4px');

    removeBadge(gridChip);
    expect(gridChip.style.getPropertyValue('padding-right')).toBe('4px');
    expect(gridChip.style.getPropertyPriority('padding-right')).toBe('');
    expect(gridChip.style.paddingLeft).toBe('4px');

    // Calendar clones a padded chip, badge and all: the copied room is not the clone's own padding.
    renderBadge(gridChip, badgeData(), () => {});
    const clone = gridChip.cloneNode(true) as HTMLElement;
    cell.append(clone);
    renderBadge(clone, badgeData(), () => {});
    removeBadge(clone);
    expect(clone.style.getPropertyValue('padding-right')).toBe('4px');
    expect(clone.hasAttribute('data-duet-room')).toBe(false);
    // A clone whose badge is taken away without being drawn on (no longer a 1:1) gives the room back too.
    const bare = gridChip.cloneNode(true) as HTMLElement;
    cell.append(bare);
    removeBadge(bare);
    expect(bare.style.getPropertyValue('padding-right')).toBe('4px');

    // A schedule row's badge flows after the title: nothing to make room for.
    const row = makeChip();
    renderBadge(row, badgeData({ openAgreements: 3 }), () => {});
    expect(row.style.getPropertyValue('padding-right')).toBe('');
  });

  it('restyles a badge whose confidence changes, and every badge of a look alike', () => {
    const chip = makeChip();
    const badge = renderBadge(chip, badgeData({ confidence: 'likely' }), () => {});
    expect(badge.style.borderStyle || badge.style.border).toContain('dashed');
    renderBadge(chip, badgeData({ confidence: 'confirmed' }), () => {});
    expect(badge.style.borderStyle || badge.style.border).toContain('solid');
    const other = renderBadge(
      makeChip(),
      badgeData({ confidence: 'confirmed', openAgreements: 2 }),
      () => {},
    );
    expect(other.style.cssText).toBe(badge.style.cssText);
    expect(other.querySelector('span')!.style.cssText).toContain('border-radius');
  });
});
