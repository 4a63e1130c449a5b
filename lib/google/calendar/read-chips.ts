/** Reads Calendar event chips into plain, zod-checked facts. No layout reads, no DOM writes. */
import { type SeenEvent, SeenEventSchema } from '../../messaging/protocol';
import { calendarSelectors } from './selectors';

export interface ChipRead {
  element: HTMLElement;
  event: SeenEvent;
}

function normaliseText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The chip's title: the visible title element, else the first visible (non aria-hidden-free) text.
 * Fixture: gcal-week.html, `div[data-eventchip] > div[aria-hidden] span.I0UMhf`.
 */
export function readChipTitle(chip: Element): string {
  const titleElement = chip.querySelector(calendarSelectors.chipTitle.css);
  if (titleElement) return normaliseText(titleElement.textContent);
  const visible = chip.querySelector('[aria-hidden="true"] span');
  return normaliseText(visible?.textContent);
}

export function readChip(chip: HTMLElement): ChipRead | null {
  const parsed = SeenEventSchema.safeParse({
    dataEventId: chip.getAttribute('data-eventid') ?? '',
    title: readChipTitle(chip).slice(0, 1024),
  });
  return parsed.success ? { element: chip, event: parsed.data } : null;
}

/** All chips under `root`, first occurrence per event id (ids repeat on handles and popovers). */
export function readChips(root: ParentNode): ChipRead[] {
  const seen = new Set<string>();
  const chips: ChipRead[] = [];
  for (const element of root.querySelectorAll<HTMLElement>(calendarSelectors.eventChip.css)) {
    const read = readChip(element);
    if (!read || seen.has(read.event.dataEventId)) continue;
    seen.add(read.event.dataEventId);
    chips.push(read);
  }
  return chips;
}
