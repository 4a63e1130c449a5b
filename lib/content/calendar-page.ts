/**
 * Calendar page feature: find chips, ask the background which are 1:1s, badge them, and open the
 * panel for a badge. Reads the page; sends small facts; never touches notes or the database.
 */
import { readChips } from '../google/calendar/read-chips';
import { calendarSelectors } from '../google/calendar/selectors';
import { sendMessage } from '../messaging/client';
import type { EventBadge, SeenEvent } from '../messaging/protocol';
import { findBadge, isBadge, removeBadge, renderBadge } from './badges';
import { observeDebounced } from './observe';
import { createPanelHost, type PanelHost } from './panel-host';

const SCAN_DELAY_MS = 150;
const STALE_SELECTOR_AFTER_MS = 10_000;

export interface CalendarPageOptions {
  signal: AbortSignal;
  panelUrl: string;
}

export function startCalendarPage({ signal, panelUrl }: CalendarPageOptions): void {
  let panel: PanelHost | null = null;
  /** Last answer per chip id+title, so unchanged chips cost nothing. */
  const verdicts = new Map<string, EventBadge | null>();
  let everSawChip = false;

  const headerBottom = () =>
    document.querySelector(calendarSelectors.appHeader.css)?.getBoundingClientRect().bottom ?? 64;

  const openPanelFor = async (event: SeenEvent) => {
    await sendMessage({ kind: 'calendar/select-event', event });
    panel ??= createPanelHost({ panelUrl, topOffset: headerBottom });
    panel.open();
  };

  const apply = (chip: HTMLElement, event: SeenEvent, badge: EventBadge | null) => {
    if (badge) renderBadge(chip, badge, () => void openPanelFor(event).catch(reportFailure));
    else if (findBadge(chip)) removeBadge(chip);
  };

  const scan = async () => {
    const chips = readChips(document);
    if (chips.length > 0) everSawChip = true;
    const unknown = chips.filter(({ event }) => !verdicts.has(keyOf(event)));
    if (unknown.length > 0) {
      const { badges } = await sendMessage({
        kind: 'calendar/classify-events',
        events: unknown.map(({ event }) => event),
      });
      if (signal.aborted) return;
      const byId = new Map(badges.map((badge) => [badge.dataEventId, badge]));
      for (const { event } of unknown) verdicts.set(keyOf(event), byId.get(event.dataEventId) ?? null);
    }
    for (const { element, event } of chips) apply(element, event, verdicts.get(keyOf(event)) ?? null);
  };

  let running: Promise<void> | null = null;
  let again = false;
  const requestScan = () => {
    if (running) {
      again = true;
      return;
    }
    running = scan()
      .catch(reportFailure)
      .finally(() => {
        running = null;
        if (again && !signal.aborted) {
          again = false;
          requestScan();
        }
      });
  };

  observeDebounced({
    root: document.body,
    delayMs: SCAN_DELAY_MS,
    onChange: requestScan,
    signal,
    ignore: isBadge,
  });
  requestScan();

  // A cheap stale-selector signal: say once (no personal data) if Calendar never shows a chip we recognise.
  const staleTimer = setTimeout(() => {
    if (!everSawChip && location.pathname.includes('/r/')) {
      console.warn('Duet: no Calendar event chips recognised on this page; selectors may be out of date.');
    }
  }, STALE_SELECTOR_AFTER_MS);

  signal.addEventListener('abort', () => {
    clearTimeout(staleTimer);
    panel?.destroy();
    for (const badge of document.querySelectorAll('[data-duet-badge]')) badge.remove();
  });
}

function keyOf(event: SeenEvent): string {
  return `${event.dataEventId}\u0000${event.title}`;
}

function reportFailure(error: unknown): void {
  // An invalidated extension context (reload/update) is expected; anything else is worth one line.
  const name = error instanceof Error ? error.name : 'error';
  console.warn('Duet: could not update Calendar badges', name);
}
