/**
 * Calendar page feature: read chips, ask the background which are 1:1s, badge them; read the details
 * popover when it opens (guests make detection definitive) and offer "Open in Duet" beside it; open the
 * panel from a badge, the popover button or the keyboard shortcut. Reads the page and sends small facts;
 * never touches notes or the database.
 */
import { browser } from 'wxt/browser';
import { decodeEventId } from '../domain/event-id';
import type { CalendarEvent } from '../google/calendar/model';
import {
  type CalendarEventRead,
  chipReadContext,
  readCalendarEvent,
  readCalendarEvents,
} from '../google/calendar/read-chips';
import { findOpenDetails, readEventDetails } from '../google/calendar/read-details';
import { calendarSelectors } from '../google/calendar/selectors';
import { sendFromContent } from '../messaging/content-client';
import { OPEN_PANEL_SHORTCUT, REFRESH_BADGES } from '../messaging/constants';
import { isBadgesResponse, isDetailsResponse, isOk } from '../messaging/guards';
import type { EventBadge } from '../messaging/schemas';
import { findBadge, isBadge, removeBadge, renderBadge } from './badges';
import { observeDebounced } from './observe';
import { createOpenInDuetButton, OPEN_BUTTON_ATTRIBUTE } from './open-in-duet';
import { createPanelHost, PANEL_HOST_ATTRIBUTE, type PanelHost } from './panel-host';

const SCAN_DELAY_MS = 150;
const MAX_VERDICTS = 5000;
const STALE_SELECTOR_AFTER_MS = 10_000;

export interface CalendarPageOptions {
  signal: AbortSignal;
  panelUrl: string;
}

/** Everything a badge depends on that the page shows; a chip whose signature is unchanged costs nothing. */
function signatureOf(event: CalendarEvent): string {
  return [
    event.dataEventId,
    event.title,
    event.day,
    event.start,
    event.end,
    event.allDay,
    event.response,
  ].join('\u0000');
}

function isOurs(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return (
    isBadge(node) ||
    (element !== null && element.closest(`[${PANEL_HOST_ATTRIBUTE}], [${OPEN_BUTTON_ATTRIBUTE}]`) !== null)
  );
}

export function startCalendarPage({ signal, panelUrl }: CalendarPageOptions): void {
  let panel: PanelHost | null = null;
  const openButton = createOpenInDuetButton();
  /** Last answer per chip signature. */
  const verdicts = new Map<string, EventBadge | null>();
  /** The latest read of every chip on the page, by event id (for the popover and the shortcut). */
  let eventsById = new Map<string, CalendarEvent>();
  let popoverEventId: string | null = null;
  let everSawChip = false;

  /** Bench builds only (`__DUET_BENCH__`): a scan's main-thread time, paused while it awaits the background. */
  const clock = { ms: 0, since: 0 };
  const startClock = () => {
    if (__DUET_BENCH__) Object.assign(clock, { ms: 0, since: performance.now() });
  };
  const pauseClock = () => {
    if (__DUET_BENCH__) clock.ms += performance.now() - clock.since;
  };
  const resumeClock = () => {
    if (__DUET_BENCH__) clock.since = performance.now();
  };

  const headerBottom = () =>
    document.querySelector(calendarSelectors.appHeader.css)?.getBoundingClientRect().bottom ?? 64;

  /** The event behind an id: the chip's read, or (popover without a chip in view) what the id itself says. */
  const eventFor = (dataEventId: string, title: string): CalendarEvent | null => {
    const seen = eventsById.get(dataEventId);
    if (seen) return seen;
    const decoded = decodeEventId(dataEventId);
    if (!decoded) return null;
    return {
      dataEventId,
      eventId: decoded.eventId,
      seriesId: decoded.seriesId,
      calendarId: decoded.calendarId,
      title,
      day: null,
      start: null,
      end: null,
      allDay: false,
      response: 'unknown',
    };
  };

  const openPanelFor = async (event: CalendarEvent) => {
    await sendFromContent({ kind: 'calendar/select-event', event }, isOk);
    panel ??= createPanelHost({ panelUrl, topOffset: headerBottom });
    panel.open();
  };

  const apply = (element: HTMLElement, event: CalendarEvent, badge: EventBadge | null) => {
    if (badge) renderBadge(element, badge, () => void openPanelFor(event).catch(reportFailure));
    else if (findBadge(element)) removeBadge(element);
  };

  const readPopover = async () => {
    const details = readEventDetails(document);
    if (!details) {
      popoverEventId = null;
      openButton.hide();
      return;
    }
    if (details.dataEventId !== popoverEventId) {
      popoverEventId = details.dataEventId;
      pauseClock();
      await sendFromContent({ kind: 'calendar/event-details', details }, isDetailsResponse);
      resumeClock();
      // Guests are known now: judge this event again.
      for (const key of verdicts.keys())
        if (key.startsWith(`${details.dataEventId}\u0000`)) verdicts.delete(key);
    }
    const dialog = findOpenDetails(document);
    const event = eventFor(details.dataEventId, details.title);
    if (dialog && event) {
      openButton.showBeside(
        dialog.getBoundingClientRect(),
        details.dataEventId,
        () => void openPanelFor(event).catch(reportFailure),
      );
    }
  };

  /** The last read of each chip on the page: a scan reads again only the chips that changed since. */
  const reads = new Map<HTMLElement, CalendarEventRead>();
  /** What changed since the last scan, recorded (not read) as it happens. */
  let touched: Node[] = [];
  let added: Node[] = [];
  let readAll = true;
  let readUrl = '';
  const MAX_TOUCHED = 2000;
  const recorder = new MutationObserver((records) => {
    if (readAll) return;
    for (const record of records) {
      if (isOurs(record.target)) continue;
      touched.push(record.target);
      for (const node of record.addedNodes) if (!isOurs(node)) added.push(node);
    }
    if (touched.length + added.length > MAX_TOUCHED) readAll = true;
  });
  recorder.observe(document.body, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => recorder.disconnect());

  const chipCss = calendarSelectors.eventChip.css;
  /** The chips whose read may be stale: around every touched node, inside every added one. */
  const changedChips = (): Set<HTMLElement> => {
    const chips = new Set<HTMLElement>();
    const around = (node: Node) => {
      const element = node instanceof Element ? node : node.parentElement;
      const chip = node.isConnected ? element?.closest<HTMLElement>(chipCss) : null;
      if (chip) chips.add(chip);
    };
    touched.forEach(around);
    for (const node of added) {
      around(node);
      if (node instanceof Element && node.isConnected)
        for (const chip of node.querySelectorAll<HTMLElement>(chipCss)) chips.add(chip);
    }
    for (const read of reads.values())
      if (read.event.dataEventId === popoverEventId && read.element.isConnected) chips.add(read.element);
    return chips;
  };

  const readChanged = (): CalendarEventRead[] => {
    const context = chipReadContext(document);
    if (context.agenda || location.href !== readUrl) readAll = true;
    if (readAll) {
      readAll = false;
      readUrl = location.href;
      touched = [];
      added = [];
      reads.clear();
      for (const read of readCalendarEvents(document)) reads.set(read.element, read);
      return [...reads.values()];
    }
    const chips = changedChips();
    touched = [];
    added = [];
    for (const element of reads.keys()) if (!element.isConnected) reads.delete(element);
    const changed: CalendarEventRead[] = [];
    for (const chip of chips) {
      const read = readCalendarEvent(chip, context);
      if (read) reads.set(chip, read);
      else reads.delete(chip);
      if (read) changed.push(read);
    }
    return changed;
  };

  const scan = async () => {
    startClock();
    await readPopover();
    const chips = readChanged();
    if (reads.size > 0) everSawChip = true;
    eventsById = new Map();
    for (const { event } of reads.values())
      if (!eventsById.has(event.dataEventId)) eventsById.set(event.dataEventId, event);
    // Bounded memory over a long day in Calendar: forget old answers before judging (asked again as needed).
    if (verdicts.size > MAX_VERDICTS) verdicts.clear();
    const signatures = new Map(chips.map((read) => [read, signatureOf(read.event)]));
    const unknown = chips.filter((read) => !verdicts.has(signatures.get(read)!));
    if (unknown.length > 0) {
      pauseClock();
      const { badges } = await sendFromContent(
        { kind: 'calendar/classify-events', events: unknown.map(({ event }) => event) },
        isBadgesResponse,
      );
      if (signal.aborted) return;
      resumeClock();
      const byId = new Map(badges.map((badge) => [badge.dataEventId, badge]));
      for (const read of unknown)
        verdicts.set(signatures.get(read)!, byId.get(read.event.dataEventId) ?? null);
    }
    for (const read of chips) apply(read.element, read.event, verdicts.get(signatures.get(read)!) ?? null);
    pauseClock();
    if (__DUET_BENCH__) console.debug('duet:scan-ms', clock.ms, chips.length);
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

  /** The keyboard shortcut: the event in the open popover, else the focused chip, else toggle the panel. */
  const onShortcut = () => {
    const focused = document.activeElement?.closest?.('[data-eventid][data-eventchip]');
    const id = popoverEventId ?? focused?.getAttribute('data-eventid') ?? null;
    const event = id ? eventFor(id, eventsById.get(id)?.title ?? '') : null;
    if (event) return void openPanelFor(event).catch(reportFailure);
    if (panel?.state === 'open') panel.close();
    else if (panel) panel.open();
  };

  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only our own background (no tab) may ask; anything else is ignored.
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return;
    const kind = (message as { kind?: unknown } | null)?.kind;
    if (kind === REFRESH_BADGES) {
      verdicts.clear();
      readAll = true;
      requestScan();
    } else if (kind === OPEN_PANEL_SHORTCUT) {
      onShortcut();
    }
  };
  browser.runtime.onMessage.addListener(onMessage);

  observeDebounced({
    root: document.body,
    delayMs: SCAN_DELAY_MS,
    onChange: requestScan,
    signal,
    ignore: isOurs,
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
    browser.runtime.onMessage.removeListener(onMessage);
    panel?.destroy();
    openButton.destroy();
    for (const badge of document.querySelectorAll('[data-duet-badge]')) badge.remove();
  });
}

function reportFailure(error: unknown): void {
  // An invalidated extension context (reload/update) is expected; anything else is worth one line.
  const name = error instanceof Error ? error.name : 'error';
  console.warn('Duet: could not update Calendar badges', name);
}
