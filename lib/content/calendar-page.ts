/**
 * Calendar page feature: read chips, ask the background which are 1:1s, badge them; read the details
 * popover when it opens (guests make detection definitive) and offer "Open in Duet" beside it; open the
 * panel from a badge, the popover button or the keyboard shortcut. Reads the page and sends small facts;
 * never touches notes or the database.
 */
import { browser } from 'wxt/browser';
import { calendarOwnerEmail, isCalendarOf } from '../domain/email';
import { decodeEventId } from '../domain/event-id';
import type { CalendarEvent } from '../google/calendar/model';
import {
  type CalendarEventRead,
  chipReadContext,
  readCalendarEvent,
  readCalendarEvents,
  readPagePrincipals,
  readShownDays,
} from '../google/calendar/read-chips';
import { findOpenDetails, readEventDetails } from '../google/calendar/read-details';
import { calendarSelectors } from '../google/calendar/selectors';
import { sendFromContent } from '../messaging/content-client';
import { OPEN_PANEL_SHORTCUT, REFRESH_BADGES } from '../messaging/constants';
import { isBadgesResponse, isDetailsResponse, isOk } from '../messaging/guards';
import type { EventBadge } from '../messaging/schemas';
import { findBadge, removeBadge, renderBadge, stopBadgeEvents } from './badges';
import { observeDebounced } from './observe';
import { createOpenInDuetButton } from './open-in-duet';
import { createPanelHost, type PanelHost } from './panel-host';

const SCAN_DELAY_MS = 150;
const MAX_VERDICTS = 5000;
const STALE_SELECTOR_AFTER_MS = 10_000;
/** More changed nodes than this in one batch: read the whole page instead. */
const MAX_TOUCHED = 2000;
/** The page's days and instances are told once it has not changed for this long (at most every 30 s). */
const SHOWN_SETTLE_MS = 3000;
const SHOWN_MAX_WAIT_MS = 30_000;
/** What one "days shown" message may carry (lib/messaging/protocol.ts). */
const MAX_SHOWN_EVENTS = 1000;
const MAX_SHOWN_CALENDARS = 100;

export interface CalendarPageOptions {
  signal: AbortSignal;
  panelUrl: string;
}

/**
 * What the background reads of an event (lib/background/calendar.ts, `judgeEvents`, and the "reschedule?"
 * check): its id (series and calendar), title, all-day flag and whether I declined it, answered otherwise or
 * the chip does not say — never its day or times, nor which other answer I gave. An event moved, resized or
 * answered "maybe" instead of "yes" is not sent again; tests/unit/content/verdict-key.test.ts holds the
 * background to that. Starts with the id and NUL.
 */
export function verdictKey(event: CalendarEvent): string {
  const answer = event.response === 'declined' || event.response === 'unknown' ? event.response : 'answered';
  return `${event.dataEventId}\u0000${event.title}\u0000${event.allDay}\u0000${answer}`;
}

/**
 * What changed since the last scan, noted (not read) as Calendar's mutation records arrive: the nodes whose
 * children, text or `data-eventid` changed and the elements added. Runs for every batch Calendar renders, so
 * it only copies references: no selector matching, no layout, no walk up the tree. Our own drawing is never
 * recorded (it runs unobserved); a record about a badge at most re-reads its chip, which then draws nothing.
 */
export class MutationLog {
  touched = new Set<Node>();
  added = new Set<Element>();
  /** Too much changed (or nothing read yet): the next scan reads the whole page. */
  readAll = true;

  /** Notes a batch of records; true if it holds anything (worth a scan). */
  record(records: readonly MutationRecord[]): boolean {
    if (this.readAll) return records.length > 0;
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      this.touched.add(record.target);
      if (record.type !== 'childList') continue;
      const nodes = record.addedNodes;
      for (let j = 0; j < nodes.length; j++) {
        const node = nodes[j]!;
        if (node.nodeType === 1) this.added.add(node as Element);
      }
    }
    if (this.touched.size + this.added.size > MAX_TOUCHED) this.readAll = true;
    return records.length > 0;
  }

  /** The chips whose read may be stale: around every touched node, and every chip added (or inside one). */
  changedChips(chipCss: string): Set<HTMLElement> {
    const chips = new Set<HTMLElement>();
    for (const node of this.touched) {
      if (!node.isConnected) continue;
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      const chip = element?.closest<HTMLElement>(chipCss);
      if (chip) chips.add(chip);
    }
    // An added node inside a chip is covered by its parent above (a touched node).
    for (const element of this.added) {
      if (!element.isConnected) continue;
      if (element.matches(chipCss)) chips.add(element as HTMLElement);
      else if (element.firstElementChild)
        for (const chip of element.querySelectorAll<HTMLElement>(chipCss)) chips.add(chip);
    }
    return chips;
  }

  clear(): void {
    this.touched.clear();
    this.added.clear();
  }
}

export function startCalendarPage({ signal, panelUrl }: CalendarPageOptions): void {
  let panel: PanelHost | null = null;
  const openButton = createOpenInDuetButton();
  /** The last answer per verdict key: a chip whose event is judged the same is not asked about again. */
  const verdicts = new Map<string, EventBadge | null>();
  /** The verdict key of each event read (reads of an unchanged chip share one event object). */
  const verdictKeys = new WeakMap<CalendarEvent, string>();
  const keyOf = (event: CalendarEvent) => {
    let key = verdictKeys.get(event);
    if (key === undefined) verdictKeys.set(event, (key = verdictKey(event)));
    return key;
  };
  /** The answer each chip's badge shows now, and that badge: an unchanged answer is not drawn again. */
  const shown = new WeakMap<HTMLElement, { verdict: EventBadge; badge: HTMLElement }>();
  const log = new MutationLog();
  let readUrl = '';
  const chipCss = calendarSelectors.eventChip.css;
  let popoverEventId: string | null = null;
  /** What the background was last told of the open popover: told again when it changes (guests come late). */
  let popoverSent = '';
  /** An event whose guests were just read: its chips are judged again on this scan. */
  let rejudge: string | null = null;
  let everSawChip = false;

  /**
   * Bench builds only (`__DUET_BENCH__`): where a batch's main-thread time goes — recording its mutations
   * (observer callbacks since the last scan), then each phase of the scan. `lap` closes the running phase;
   * awaiting the background is not counted (the answer's check and all that follows is).
   */
  const clock = { since: 0, recording: 0, phases: {} as Record<string, number> };
  /** Kept until the bench asks (a `duet-bench-report` event), so reporting costs nothing while it measures. */
  const reports: Array<{ chips: number; judged: number; phases: Record<string, number> }> = [];
  if (__DUET_BENCH__)
    document.addEventListener('duet-bench-report', () => {
      console.debug('duet:scan-ms', JSON.stringify(reports.splice(0)));
    });
  const startClock = () => {
    if (!__DUET_BENCH__) return;
    console.timeStamp('duet:scan');
    clock.phases = { record: clock.recording };
    clock.recording = 0;
    clock.since = performance.now();
  };
  const lap = (phase: string) => {
    if (!__DUET_BENCH__) return;
    const now = performance.now();
    clock.phases[phase] = (clock.phases[phase] ?? 0) + now - clock.since;
    clock.since = now;
  };
  const resumeClock = () => {
    if (!__DUET_BENCH__) return;
    clock.since = performance.now();
    // Marks the task the background's answer runs in, for the bench's trace (main-thread CPU per batch).
    console.timeStamp('duet:answer');
  };

  const headerBottom = () =>
    document.querySelector(calendarSelectors.appHeader.css)?.getBoundingClientRect().bottom ?? 64;

  /** The latest read of each event on the page, by id (for the popover, the shortcut and badge clicks). */
  const latest = new Map<string, CalendarEvent>();
  /** The person calendars of the events read since the page was last read whole (what it shows). */
  const pageCalendars = new Set<string>();
  const remember = (reads: readonly CalendarEventRead[]) => {
    if (latest.size > MAX_VERDICTS) latest.clear();
    for (const { event } of reads) {
      latest.set(event.dataEventId, event);
      // A calendar already noted costs one lookup (this runs for every chip read).
      if (
        !pageCalendars.has(event.calendarId) &&
        pageCalendars.size < MAX_SHOWN_CALENDARS &&
        calendarOwnerEmail(event.calendarId)
      )
        pageCalendars.add(event.calendarId);
    }
  };

  /** The event behind an id: its latest read, or (popover without a chip in view) what the id itself says. */
  const eventFor = (dataEventId: string, title: string): CalendarEvent | null => {
    const seen = latest.get(dataEventId);
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

  /**
   * The signed-in account's own calendar, as the page's day columns name it: read again on each full read
   * (a new view) and while not known, kept from an earlier view of this tab for views that do not say
   * (month, schedule). Sent with events so an overlaid colleague's calendar is told apart from mine. Columns
   * naming different calendars (side by side) send them all, unless one is the calendar an earlier view of
   * this tab named; a tab whose views never said sends the person calendars its chips belong to, when they
   * are several. The background takes those among my emails for mine.
   */
  let principal: string | null = null;
  /** This view's columns' calendars (several: side by side); null while none is read. */
  let columns: string[] | null = null;
  let principalRead = false;
  const pagePrincipal = (): { principal?: string[] } => {
    if (!principalRead || columns === null) {
      columns = document.querySelector(calendarSelectors.principal.css) ? readPagePrincipals(document) : null;
      if (columns?.length === 1) principal = columns[0]!;
      principalRead = true;
    }
    if (columns && columns.length > 1 && !(principal !== null && columns.includes(principal)))
      return { principal: columns };
    if (principal !== null) return { principal: [principal] };
    // One is no more than the chips' own calendar says (not the page's own: mine may show no chip).
    return pageCalendars.size > 1 ? { principal: [...pageCalendars].sort() } : {};
  };

  const openPanelFor = async (event: CalendarEvent) => {
    await sendFromContent({ kind: 'calendar/select-event', event, ...pagePrincipal() }, isOk);
    panel ??= createPanelHost({ panelUrl, topOffset: headerBottom, onLayout: () => openButton.place() });
    panel.open(true);
  };

  /** A badge opens the event its chip shows when clicked (read then, so a redraw is never needed for it). */
  const openChip = (chip: HTMLElement) => {
    const event = eventFor(chip.getAttribute('data-eventid') ?? '', '');
    if (event) void openPanelFor(event).catch(reportFailure);
  };

  /**
   * Draws the answer on a chip; a chip that already shows this very answer is left alone, and so is one
   * Calendar replaced while the background was asked (its successor is read on the next scan).
   */
  const apply = ({ element, event }: CalendarEventRead, verdict: EventBadge | null) => {
    // Calendar replaced the chip, or reused it for another event, while the background answered: the next
    // scan reads it again.
    if (!element.isConnected || element.getAttribute('data-eventid') !== event.dataEventId) return;
    const current = shown.get(element);
    if (verdict === null) {
      if (current) shown.delete(element);
      removeBadge(element);
      return;
    }
    if (current?.verdict === verdict && current.badge.parentNode === element) return;
    const badge = renderBadge(element, verdict, openChip);
    shown.set(element, { verdict, badge });
  };

  const readPopover = async () => {
    const details = readEventDetails(document);
    if (!details) {
      // The button shows only while a popover is open (it starts hidden): no style write on every scan.
      if (popoverEventId !== null) openButton.hide();
      popoverEventId = null;
      popoverSent = '';
      return;
    }
    // The popover now shows another event: the button left beside it opens nothing until it is bound to
    // this one (below, after the background answers).
    if (popoverEventId !== details.dataEventId && popoverEventId !== null) openButton.hide();
    popoverEventId = details.dataEventId;
    // Calendar draws the guests section after the rest of the popover (§1.8): a read that changed is sent
    // again, so the guests are judged once they are there.
    const signature = JSON.stringify(details);
    if (signature !== popoverSent) {
      popoverSent = signature;
      const sent = sendFromContent({ kind: 'calendar/event-details', details }, (value) => {
        resumeClock();
        return isDetailsResponse(value);
      });
      lap('popover');
      await sent;
      // Guests are known now: judge this event again.
      for (const key of verdicts.keys())
        if (key.startsWith(`${details.dataEventId}\u0000`)) verdicts.delete(key);
      rejudge = details.dataEventId;
    }
    const dialog = findOpenDetails(document);
    const event = eventFor(details.dataEventId, details.title);
    if (dialog && event) {
      openButton.showBeside(
        dialog,
        details.dataEventId,
        () => void openPanelFor(event).catch(reportFailure),
        () => panel?.left() ?? window.innerWidth,
      );
    } else openButton.hide();
  };

  /** A chip that is no event (any more): no badge — ours, or a copy Calendar cloned along with the chip. */
  const dropBadge = (chip: HTMLElement) => {
    if (shown.delete(chip) || findBadge(chip)) observation.unobserved(() => removeBadge(chip));
  };

  /** The chips to read on this scan: all of them after a reset, else the ones the mutation log points at. */
  const readChanged = (): CalendarEventRead[] => {
    const context = chipReadContext(document);
    if (context.agenda || location.href !== readUrl) log.readAll = true;
    if (log.readAll) {
      log.readAll = false;
      log.clear();
      readUrl = location.href;
      principalRead = false;
      rejudge = null;
      latest.clear();
      pageCalendars.clear();
      const all = readCalendarEvents(document);
      remember(all);
      // The page read gives each event once; its other chips (an event over several days, pieces of one
      // crossing midnight) get its badge too, and a chip that is no event any more loses one it carries.
      const read = new Set(all.map(({ element }) => element));
      const more: CalendarEventRead[] = [];
      for (const chip of document.querySelectorAll<HTMLElement>(chipCss)) {
        if (read.has(chip)) continue;
        const again = readCalendarEvent(chip, context);
        if (again) more.push(again);
        else dropBadge(chip);
      }
      return more.length > 0 ? [...all, ...more] : all;
    }
    const chips = log.changedChips(chipCss);
    log.clear();
    if (rejudge !== null)
      for (const chip of document.querySelectorAll<HTMLElement>(chipCss))
        if (chip.getAttribute('data-eventid') === rejudge) chips.add(chip);
    rejudge = null;
    const changed: CalendarEventRead[] = [];
    for (const chip of chips) {
      const read = readCalendarEvent(chip, context);
      if (read) changed.push(read);
      else dropBadge(chip);
    }
    remember(changed);
    return changed;
  };

  const scan = async () => {
    startClock();
    await readPopover();
    lap('popover');
    const chips = readChanged();
    lap('read');
    if (chips.length > 0) everSawChip = true;
    // Bounded memory over a long day in Calendar: forget old answers before judging (asked again as needed).
    if (verdicts.size > MAX_VERDICTS) verdicts.clear();
    const keys = chips.map((read) => keyOf(read.event));
    const unknown = new Map<string, CalendarEvent>();
    chips.forEach((read, index) => {
      const key = keys[index]!;
      if (!verdicts.has(key)) unknown.set(key, read.event);
    });
    if (unknown.size > 0) {
      const asked = generation;
      const answer = sendFromContent(
        { kind: 'calendar/classify-events', events: [...unknown.values()], ...pagePrincipal() },
        (value) => {
          resumeClock();
          return isBadgesResponse(value);
        },
      );
      lap('judge');
      const { badges } = await answer;
      // Duet's data changed while the background answered (a refresh came): this answer may be stale, and
      // the scan the refresh queued asks again.
      if (signal.aborted || asked !== generation) return;
      const byId = new Map(badges.map((badge) => [badge.dataEventId, badge]));
      for (const [key, event] of unknown) verdicts.set(key, byId.get(event.dataEventId) ?? null);
    }
    lap('judge');
    observation.unobserved(() => {
      chips.forEach((read, index) => apply(read, verdicts.get(keys[index]!) ?? null));
    });
    lap('draw');
    if (__DUET_BENCH__) reports.push({ chips: chips.length, judged: unknown.size, phases: clock.phases });
  };

  /**
   * Once a day, week or N-day view has settled, the background is told which days it shows and every event
   * instance on them (ids and days only): a 1:1 Duet planned that is no longer there was cancelled or moved
   * in Calendar ("reschedule?"). Only when the account's own calendar shows on the page (else it is hidden
   * or still loading: nothing can be told), and only when that changed since last told.
   */
  let shownTimer: ReturnType<typeof setTimeout> | undefined;
  let shownDeadline: ReturnType<typeof setTimeout> | undefined;
  let shownSent = '';
  const tellShown = () => {
    const shown = readShownDays(document);
    if (!shown?.principal) return;
    const eventIds = new Set<string>();
    const calendars = new Set<string>();
    for (const chip of document.querySelectorAll<HTMLElement>(chipCss)) {
      const dataEventId = chip.getAttribute('data-eventid') ?? '';
      const event = latest.get(dataEventId) ?? decodeEventId(dataEventId);
      if (!event) continue;
      eventIds.add(event.eventId);
      calendars.add(event.calendarId);
    }
    // More than a message carries (the background refuses it): tell nothing rather than a part.
    if (eventIds.size > MAX_SHOWN_EVENTS || calendars.size > MAX_SHOWN_CALENDARS) return;
    const principal = shown.principal;
    if (![...calendars].some((calendar) => isCalendarOf(calendar, principal))) return;
    const message = {
      kind: 'calendar/days-shown' as const,
      days: shown.days,
      eventIds: [...eventIds].sort(),
      calendars: [...calendars].sort(),
    };
    const key = JSON.stringify(message);
    if (key === shownSent) return;
    shownSent = key;
    void sendFromContent(message, isOk).catch(reportFailure);
  };
  const shownNow = () => {
    clearTimeout(shownTimer);
    clearTimeout(shownDeadline);
    shownTimer = shownDeadline = undefined;
    if (!signal.aborted) tellShown();
  };
  const scheduleShown = () => {
    clearTimeout(shownTimer);
    shownTimer = setTimeout(shownNow, SHOWN_SETTLE_MS);
    shownDeadline ??= setTimeout(shownNow, SHOWN_MAX_WAIT_MS);
  };

  /** Counts refreshes, so an answer asked for before one is not kept after it. */
  let generation = 0;
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
        scheduleShown();
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
    const event = id ? eventFor(id, '') : null;
    if (event) return void openPanelFor(event).catch(reportFailure);
    if (panel?.state === 'open') panel.close();
    else panel?.open(true);
  };

  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only our own background (no tab) may ask; anything else is ignored.
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return;
    const kind = (message as { kind?: unknown } | null)?.kind;
    if (kind === REFRESH_BADGES) {
      generation += 1;
      verdicts.clear();
      log.readAll = true;
      requestScan();
    } else if (kind === OPEN_PANEL_SHORTCUT) {
      onShortcut();
    }
  };
  browser.runtime.onMessage.addListener(onMessage);

  // One observer: it notes what changed (for the next scan) and schedules that scan, debounced.
  const observation = observeDebounced({
    root: document.body,
    delayMs: SCAN_DELAY_MS,
    onChange: requestScan,
    signal,
    onRecords: (records) => {
      const started = __DUET_BENCH__ ? performance.now() : 0;
      const relevant = log.record(records);
      if (__DUET_BENCH__) clock.recording += performance.now() - started;
      return relevant;
    },
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
    clearTimeout(shownTimer);
    clearTimeout(shownDeadline);
    browser.runtime.onMessage.removeListener(onMessage);
    panel?.destroy();
    openButton.destroy();
    stopBadgeEvents(document);
    // Each badge with the room its chip was given (the chip's own padding comes back).
    for (const badge of document.querySelectorAll('[data-duet-badge]')) {
      if (badge.parentElement) removeBadge(badge.parentElement);
      else badge.remove();
    }
  });
}

function reportFailure(error: unknown): void {
  // An invalidated extension context (reload/update) is expected; anything else is worth one line.
  const name = error instanceof Error ? error.name : 'error';
  console.warn('Duet: could not update Calendar badges', name);
}
