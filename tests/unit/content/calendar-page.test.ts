import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trusted, userClick } from '../helpers/trusted';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MutationLog, startCalendarPage } from '@/lib/content/calendar-page';
import { isCalendarOf } from '@/lib/domain/email';
import { decodeEventId } from '@/lib/domain/event-id';
import type { CalendarEvent } from '@/lib/google/calendar/model';
import { OPEN_PANEL_SHORTCUT } from '@/lib/messaging/protocol';
import { backgroundHarness, calendarSender } from '../helpers/background';
import { encodeEventId, loadFixture } from '../helpers/fixtures';
import { stubI18n } from './i18n-stub';
import { CHIP, settle, showWeekFixture } from './week-page';

stubI18n();

/** The week fixture's chips whose titles read as 1:1s (tests/unit/background/calendar.test.ts). */
const ONE_ON_ONES = [
  'Alice / Bob',
  '1:1 Alice <> Carol',
  'Bob & Alice 1-on-1',
  '2-1 with Carol',
  'Skip-level: Alice / Ivy',
  'Peer 1:1 — Alice & Evan',
  'Alice / Frank',
];

/** One debounced scan: the mutations' records, the delay, the answer, the badges. */
const scanned = async () => {
  await settle();
  vi.advanceTimersByTime(200);
  await settle();
};

const chipTitled = (title: string) =>
  [...document.querySelectorAll<HTMLElement>(CHIP)].find(
    (chip) => chip.querySelector('.I0UMhf')?.textContent === title,
  )!;
const badges = () => [...document.querySelectorAll<HTMLElement>('[data-duet-badge]')];
const badgedTitles = () =>
  badges()
    .map((badge) => badge.parentElement!.querySelector('.I0UMhf')!.textContent)
    .sort();

/** Calendar's way of changing a chip: a new element, built again (here: cloned) with the change. */
function rerender(chip: HTMLElement, change: (copy: HTMLElement) => void = () => {}): HTMLElement {
  const copy = chip.cloneNode(true) as HTMLElement;
  change(copy);
  chip.replaceWith(copy);
  return copy;
}
function retitle(copy: HTMLElement, title: string) {
  const titleElement = copy.querySelector('.I0UMhf')!;
  const description = copy.querySelector('.XuJrye')!;
  description.textContent = description.textContent!.replace(
    `, ${titleElement.textContent}, `,
    `, ${title}, `,
  );
  titleElement.textContent = title;
}

let controller: AbortController;
/** The real background's handlers and their fake data (settings, people, 1:1s). */
let background: ReturnType<typeof backgroundHarness>;
/** The events of each classify message the content script sent. */
let sent: CalendarEvent[][];
/** The events the content script asked to open (refused here: no panel frame in these tests). */
let selected: CalendarEvent[];
/** Each "days shown" message: the view's days, its instances and their calendars. */
let shownSent: Array<{ days: string[]; eventIds: string[]; calendars: string[] }>;
/** The page's own calendar each classify message named. */
let principals: Array<string[] | undefined>;
/** While set, the background answers classify messages only once it resolves. */
let gate: Promise<void> | null = null;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  showWeekFixture();
  // The real background router and handlers (zod-checked messages, title detection), as the tab's worker.
  background = backgroundHarness();
  sent = [];
  selected = [];
  shownSent = [];
  principals = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { kind, events, event } = message as {
      kind: string;
      events?: CalendarEvent[];
      event?: CalendarEvent;
    };
    if (kind === 'calendar/classify-events') {
      sent.push(events!);
      principals.push((message as { principal?: string[] }).principal);
    }
    if (kind === 'calendar/days-shown') shownSent.push(message as (typeof shownSent)[number]);
    if (kind === 'calendar/classify-events' && gate)
      return gate.then(() => background.router(message, calendarSender(7)));
    if (kind !== 'calendar/select-event') return background.router(message, calendarSender(7));
    selected.push(event!);
    return Promise.resolve({ ok: false, error: 'no panel in unit tests' });
  });
  controller = new AbortController();
  startCalendarPage({ signal: controller.signal, panelUrl: 'chrome-extension://duet/panel.html' });
  await settle();
});

afterEach(() => {
  gate = null;
  controller.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('startCalendarPage on the week', () => {
  it('badges each 1:1 chip once, with the DOM contract, after one message for the whole page', () => {
    expect(badgedTitles()).toEqual([...ONE_ON_ONES].sort());
    for (const badge of badges()) {
      expect(badge.getAttribute('data-duet-event-id')).toBe(
        badge.parentElement!.getAttribute('data-eventid'),
      );
      expect(badge.getAttribute('data-duet-kind')).toBeTruthy();
      expect(badge.getAttribute('data-duet-confidence')).toBe('likely');
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(17);
  });

  it("names the page's own calendar with the chips, and keeps it for a view that does not say", async () => {
    expect(principals).toEqual([['alice@acme.example']]);
    for (const column of document.querySelectorAll('[data-principal-ids]'))
      column.removeAttribute('data-principal-ids');
    rerender(chipTitled('Team standup'), (copy) => retitle(copy, 'Team standup (moved)'));
    await scanned();
    expect(principals).toEqual([['alice@acme.example'], ['alice@acme.example']]);
  });

  it('keeps the calendar an earlier view named when the columns name different ones (calendars side by side)', async () => {
    const columns = [...document.querySelectorAll('[data-principal-ids]')];
    columns[0]!.setAttribute('data-principal-ids', btoa('dan@acme.example'));
    // A new view (Calendar's SPA navigation): read afresh. Alice's column is the one this tab's week named.
    history.pushState({}, '', '#side-by-side');
    rerender(chipTitled('Team standup'), (copy) => retitle(copy, 'Team standup (moved)'));
    await scanned();
    expect(principals).toEqual([['alice@acme.example'], ['alice@acme.example']]);
    vi.advanceTimersByTime(3100);
    await settle();
    expect(shownSent).toEqual([]); // whose calendar is whose is not told: no days either
  });

  it('keeps one working badge per chip when Calendar rebuilds every chip, asking the background nothing', async () => {
    // Clones carry a copy of our badge along (without its behaviour): it must be replaced, not kept or doubled.
    for (const chip of document.querySelectorAll<HTMLElement>(CHIP)) rerender(chip);
    await scanned();
    expect(badgedTitles()).toEqual([...ONE_ON_ONES].sort());
    for (const chip of document.querySelectorAll(CHIP))
      expect(chip.querySelectorAll('[data-duet-badge]').length).toBeLessThanOrEqual(1);
    expect(sent).toHaveLength(1);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    chipTitled('Alice / Bob').querySelector('[data-duet-badge]')!.dispatchEvent(click);
    await settle();
    expect(click.defaultPrevented).toBe(true);
    expect(selected.map((event) => event.title)).toEqual(['Alice / Bob']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('judges only the chips that changed, and drops the badge of a chip that stops being a 1:1', async () => {
    rerender(chipTitled('Alice / Bob'), (copy) => retitle(copy, 'Planning'));
    rerender(chipTitled('Team standup'), (copy) => retitle(copy, 'Team standup (moved)'));
    await scanned();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.map((event) => event.title).sort()).toEqual(['Planning', 'Team standup (moved)']);
    expect(badgedTitles()).toEqual(ONE_ON_ONES.filter((title) => title !== 'Alice / Bob').sort());
  });

  it('keeps the answer for an event moved to another day (its day and times are not judged)', async () => {
    const chip = chipTitled('Alice / Frank');
    const otherDay = document.querySelectorAll('[data-principal-ids] [jsname="W0SPUb"]')[0]!;
    otherDay.append(chip);
    await scanned();
    expect(sent).toHaveLength(1);
    expect(chip.querySelectorAll('[data-duet-badge]')).toHaveLength(1);

    // Its badge, not drawn again, still opens the event as the chip shows it now.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    userClick(chip.querySelector<HTMLElement>('[data-duet-badge]')!);
    await settle();
    expect(selected.map((event) => [event.title, event.day])).toEqual([['Alice / Frank', '2026-03-22']]);
  });

  it('draws the badge again when Calendar removes it, and a new 1:1 chip gets one', async () => {
    const chip = chipTitled('Skip-level: Alice / Ivy');
    chip.querySelector('[data-duet-badge]')!.remove();
    const added = rerender(chipTitled('Lunch'), (copy) => {
      copy.setAttribute(
        'data-eventid',
        btoa('newone1234_20260325T200000Z alice@acme.example').replace(/=+$/, ''),
      );
      retitle(copy, 'Alice / Dana');
    });
    await scanned();
    expect(chip.querySelectorAll('[data-duet-badge]')).toHaveLength(1);
    expect(added.querySelectorAll('[data-duet-badge]')).toHaveLength(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.map((event) => event.title)).toEqual(['Alice / Dana']);
  });

  it('draws without observing itself: its badges schedule no further scan', async () => {
    const idle = vi.getTimerCount(); // the stale-selector check
    rerender(chipTitled('Alice / Bob'));
    await settle();
    expect(vi.getTimerCount()).toBe(idle + 1); // the debounced scan
    vi.advanceTimersByTime(200);
    await settle();
    expect(chipTitled('Alice / Bob').querySelectorAll('[data-duet-badge]')).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(idle);
  });

  it('takes the badges’ page-level listeners away when aborted (Duet reloaded: back to baseline)', async () => {
    controller.abort();
    const added: Array<{ type: string; signal?: AbortSignal }> = [];
    const spy = vi.spyOn(document, 'addEventListener').mockImplementation(function (
      this: Document,
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ) {
      added.push({ type, signal: typeof options === 'object' ? options.signal : undefined });
      EventTarget.prototype.addEventListener.call(this, type, listener, options);
    });
    controller = new AbortController();
    startCalendarPage({ signal: controller.signal, panelUrl: 'chrome-extension://duet/panel.html' });
    await settle();
    spy.mockRestore();
    expect(badges().length).toBeGreaterThan(0);
    // The badges' listeners (a click, a press, a key on a badge) go with one signal; the pill's shortcut
    // listener is removed by its own destroy.
    const forBadges = added.filter(
      ({ type, signal }) => ['click', 'mousedown', 'keydown'].includes(type) && signal,
    );
    expect(forBadges.map(({ type }) => type)).toEqual(['click', 'mousedown', 'keydown']);
    controller.abort();
    expect(forBadges.every(({ signal }) => signal?.aborted)).toBe(true);
  });

  it('draws no badge on a chip Calendar reused for another event while the background answered', async () => {
    let open: () => void = () => {};
    gate = new Promise((resolve) => (open = resolve));
    const chip = rerender(chipTitled('Alice / Bob'), (copy) => {
      copy.setAttribute('data-eventid', encodeEventId('fresh1on1 alice@acme.example'));
      copy.querySelector('[data-duet-badge]')?.remove();
    });
    await settle();
    vi.advanceTimersByTime(200);
    await settle();
    expect(sent).toHaveLength(2);
    // Asked about; meanwhile Calendar shows another (not a 1:1) event in the same element.
    chip.setAttribute('data-eventid', encodeEventId('lunch42 alice@acme.example'));
    retitle(chip, 'Team lunch');
    gate = null;
    open();
    await settle();
    await settle();
    expect(chip.querySelector('[data-duet-badge]')).toBeNull();
  });

  it('removes every badge and stops watching when aborted', async () => {
    controller.abort();
    expect(badges()).toHaveLength(0);
    rerender(chipTitled('Alice / Bob'));
    await scanned();
    expect(badges()).toHaveLength(0);
    expect(sent).toHaveLength(1);
  });
});

describe('startCalendarPage tells which days and instances a settled view shows', () => {
  const WEEK = [
    '2026-03-22',
    '2026-03-23',
    '2026-03-24',
    '2026-03-25',
    '2026-03-26',
    '2026-03-27',
    '2026-03-28',
  ];
  const instanceOf = (chip: Element) => decodeEventId(chip.getAttribute('data-eventid')!)?.eventId;
  const instancesShown = () =>
    [...new Set([...document.querySelectorAll(CHIP)].flatMap((chip) => instanceOf(chip) ?? []))].sort();

  it('once the page has been still for 3 s: its days, every instance on them, their calendars', async () => {
    vi.advanceTimersByTime(2900);
    await settle();
    expect(shownSent).toEqual([]);
    vi.advanceTimersByTime(200);
    await settle();
    expect(shownSent).toHaveLength(1);
    expect(shownSent[0]!.days).toEqual(WEEK);
    expect(shownSent[0]!.eventIds).toEqual(instancesShown());
    expect(shownSent[0]!.eventIds.length).toBeGreaterThan(10);
    expect(shownSent[0]!.calendars).toContain('alice@acme.example');
    // Nothing changed: not told again. A chip rebuilt the same: not either.
    rerender(chipTitled('Team standup'));
    await scanned();
    vi.advanceTimersByTime(3100);
    await settle();
    expect(shownSent).toHaveLength(1);
    // A 1:1 cancelled in Calendar: its chip goes, and the view is told again without it.
    const gone = instanceOf(chipTitled('Alice / Bob'))!;
    chipTitled('Alice / Bob').remove();
    await scanned();
    vi.advanceTimersByTime(3100);
    await settle();
    expect(shownSent).toHaveLength(2);
    expect(shownSent[1]!.eventIds).not.toContain(gone);
    expect(shownSent[1]!.eventIds).toEqual(instancesShown());
  });

  it('waits for a page that keeps changing, but no more than 30 s', async () => {
    for (let second = 0; second < 29; second++) {
      rerender(chipTitled('Team standup'));
      await scanned();
      vi.advanceTimersByTime(800);
    }
    expect(shownSent).toEqual([]);
    rerender(chipTitled('Team standup'));
    await scanned();
    vi.advanceTimersByTime(1500);
    await settle();
    expect(shownSent).toHaveLength(1);
  });

  it("tells nothing when the account's own calendar shows no chip (hidden, loading), nor in the month view", async () => {
    for (const column of document.querySelectorAll('[data-principal-ids]'))
      column.setAttribute('data-principal-ids', btoa('zoe@acme.example'));
    vi.advanceTimersByTime(3100);
    await settle();
    expect(shownSent).toEqual([]);
    for (const column of document.querySelectorAll('[data-principal-ids]'))
      column.setAttribute('data-principal-ids', btoa('alice@acme.example'));
    document.body.setAttribute('data-viewkey', 'MONTH');
    rerender(chipTitled('Team standup'));
    await scanned();
    vi.advanceTimersByTime(3100);
    await settle();
    expect(shownSent).toEqual([]);
  });

  it("knows a gmail account's calendar under Google's abbreviation", () => {
    expect(isCalendarOf('alice@acme.example', 'alice@acme.example')).toBe(true);
    expect(isCalendarOf('alice.smith@m', 'alice.smith@gmail.com')).toBe(true);
    expect(isCalendarOf('alice.smith@m', 'alice.smith@acme.example')).toBe(false);
    expect(isCalendarOf('bob@m', 'alice@gmail.com')).toBe(false);
    // Gmail's own equivalences: letter case, dots, googlemail.com.
    expect(isCalendarOf('alicesmith@m', 'Alice.Smith@gmail.com')).toBe(true);
    expect(isCalendarOf('ALICE@acme.example', 'alice@acme.example')).toBe(true);
    expect(isCalendarOf('alice.smith@m', 'alicesmith@googlemail.com')).toBe(true);
    expect(isCalendarOf('c_team@g', 'c_team@g')).toBe(false);
  });
});

describe('startCalendarPage and the details popover', () => {
  it('sends the guests once when it opens, then judges that chip again: known guests make it definitive', async () => {
    const details: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { kind: string }).kind === 'calendar/event-details') details.push(message);
    });
    const chip = chipTitled('Alice / Bob');
    expect(chip.querySelector('[data-duet-badge]')!.getAttribute('data-duet-confidence')).toBe('likely');

    // Calendar opens the popover: its dialog is added to the page (gcal-event-popover.html).
    const dialog = loadFixture('gcal-event-popover.html')
      .querySelector('#xDetDlg')!
      .closest('[role="dialog"]')!;
    document.body.append(document.importNode(dialog, true));
    await scanned();
    expect(details).toHaveLength(1);
    expect(sent.at(-1)!.map((event) => event.title)).toEqual(['Alice / Bob']);
    expect(chip.querySelectorAll('[data-duet-badge]')).toHaveLength(1);
    expect(chip.querySelector('[data-duet-badge]')!.getAttribute('data-duet-confidence')).toBe('confirmed');
    expect(document.querySelector('[data-duet-open-popover]')).not.toBeNull();

    // More changes while it stays open: the popover is not sent again, the chip not judged again.
    const before = sent.length;
    rerender(chipTitled('Team standup'));
    await scanned();
    expect(details).toHaveLength(1);
    expect(sent).toHaveLength(before);
  });

  it('hides "Open in Duet" when the popover switches to an event it cannot open', async () => {
    const dialog = loadFixture('gcal-event-popover.html')
      .querySelector('#xDetDlg')!
      .closest('[role="dialog"]')!;
    document.body.append(document.importNode(dialog, true));
    await scanned();
    const button = document.querySelector<HTMLElement>('[data-duet-open-popover]')!;
    expect(button.style.display).toBe('inline-block');
    // Calendar reuses the popover for an event whose id Duet cannot read (a task, a birthday).
    document.querySelector('#xDetDlg')!.setAttribute('data-eventid', btoa('tasks_only'));
    await scanned();
    expect(button.style.display).toBe('none');
  });
});

describe('startCalendarPage and a popover whose guests come late', () => {
  it('keeps the badge while the guests are not drawn, then judges them once they are (sent again)', async () => {
    const details: Array<{ details: { guests: unknown[] | null } }> = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { kind: string }).kind === 'calendar/event-details')
        details.push(message as (typeof details)[number]);
    });
    const chip = chipTitled('Alice / Bob');
    const dialog = document.importNode(
      loadFixture('gcal-event-popover.html').querySelector('#xDetDlg')!.closest('[role="dialog"]')!,
      true,
    );
    // Calendar opens the popover first without its guests section (GOOGLE-DOM.md §1.8).
    const guests = dialog.querySelector('#xDetDlgAtt')!;
    const place = { parent: guests.parentNode!, next: guests.nextSibling };
    guests.remove();
    document.body.append(dialog);
    await scanned();
    expect(details.map((m) => m.details.guests)).toEqual([null]);
    // Not "nobody": the title's verdict stands, the badge stays.
    expect(chip.querySelector('[data-duet-badge]')!.getAttribute('data-duet-confidence')).toBe('likely');

    place.parent.insertBefore(guests, place.next);
    await scanned();
    expect(details).toHaveLength(2);
    expect(details[1]!.details.guests).toHaveLength(2);
    expect(chip.querySelectorAll('[data-duet-badge]')).toHaveLength(1);
    expect(chip.querySelector('[data-duet-badge]')!.getAttribute('data-duet-confidence')).toBe('confirmed');

    // Nothing changed in the popover since: not sent again.
    rerender(chipTitled('Team standup'));
    await scanned();
    expect(details).toHaveLength(2);
  });
});

describe('startCalendarPage keeps the badge contract when Calendar reuses and repeats chips', () => {
  const ownBadges = (chip: Element) => chip.querySelectorAll<HTMLElement>(':scope > [data-duet-badge]');
  const refresh = () =>
    fakeBrowser.runtime.onMessage.trigger({ kind: 'calendar/refresh-badges' }, {
      id: fakeBrowser.runtime.id,
    } as never);

  it('follows a chip whose data-eventid Calendar changed in place (same text)', async () => {
    const chip = chipTitled('Alice / Bob');
    const id = encodeEventId('reused1_20260323T170000Z alice@acme.example');
    chip.setAttribute('data-eventid', id);
    await scanned();
    expect([...ownBadges(chip)].map((b) => b.getAttribute('data-duet-event-id'))).toEqual([id]);
  });

  it('removes the badge a cloned chip carries when the clone is no event (a task)', async () => {
    const source = chipTitled('Alice / Bob');
    const copy = source.cloneNode(true) as HTMLElement;
    copy.setAttribute('data-eventid', 'tasks_xyz987');
    retitle(copy, 'Submit expense report');
    source.parentElement!.append(copy);
    await scanned();
    expect(ownBadges(copy)).toHaveLength(0);
    expect(ownBadges(source)).toHaveLength(1);
  });

  it('badges every piece of an event when the page is read whole, and unbadges them all', async () => {
    const source = chipTitled('Alice / Bob');
    const id = source.getAttribute('data-eventid')!;
    // A new view (SPA navigation) whose grid shows the event twice (over two days).
    const main = document.querySelector('[role="main"]')!;
    const fresh = main.cloneNode(true) as HTMLElement;
    for (const badge of fresh.querySelectorAll('[data-duet-badge]')) badge.remove();
    const piece = fresh.querySelector(`[data-eventid="${id}"][data-eventchip]`)!.cloneNode(true);
    fresh.querySelectorAll('[data-principal-ids] [jsname="W0SPUb"]')[2]!.append(piece);
    history.pushState({}, '', '#next-view');
    main.replaceWith(fresh);
    await scanned();
    const pieces = () => [...document.querySelectorAll(`[data-eventid="${id}"][data-eventchip]`)];
    expect(pieces().map((p) => ownBadges(p).length)).toEqual([1, 1]);

    // "Not a 1:1" for its series: the background tells the tab, and both pieces lose the badge.
    background.data.settings.ignoredSeries.push(decodeEventId(id)!.seriesId);
    await refresh();
    await scanned();
    expect(pieces().map((p) => ownBadges(p).length)).toEqual([0, 0]);
  });

  it('drops an answer asked for before a refresh: the refresh’s own scan decides', async () => {
    const chip = chipTitled('Alice / Bob');
    // The background answers at once; the answer reaches the tab only when let through.
    let deliver = () => {};
    const late = new Promise<void>((resolve) => (deliver = resolve));
    let delayed = false;
    const send = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
      const answer = await send(message);
      if ((message as { kind: string }).kind === 'calendar/classify-events' && !delayed) {
        delayed = true;
        await late;
      }
      return answer;
    }) as typeof fakeBrowser.runtime.sendMessage);
    rerender(chip, (copy) => retitle(copy, '1:1 Alice / Bob'));
    await scanned();
    // Meanwhile the user says "Not a 1:1"; the refresh arrives before the old answer.
    const renamed = chipTitled('1:1 Alice / Bob');
    background.data.settings.ignoredSeries.push(
      decodeEventId(renamed.getAttribute('data-eventid')!)!.seriesId,
    );
    await refresh();
    deliver();
    await scanned();
    await scanned();
    expect(ownBadges(renamed)).toHaveLength(0);
  });
});

describe('MutationLog', () => {
  const chip = (id: string) => {
    const element = document.createElement('div');
    element.setAttribute('data-eventid', id);
    element.setAttribute('data-eventchip', '');
    element.append(document.createElement('span'));
    return element;
  };
  const record = (init: Partial<MutationRecord>) =>
    ({
      type: 'childList',
      addedNodes: [] as unknown as NodeList,
      removedNodes: [] as unknown as NodeList,
      ...init,
    }) as MutationRecord;

  it('starts by asking for a full read, and then notes only what records point at', () => {
    const log = new MutationLog();
    expect(log.readAll).toBe(true);
    expect(log.record([record({ target: document.body })])).toBe(true);
    expect(log.touched.size).toBe(0);
    log.readAll = false;
    expect(log.record([])).toBe(false);
  });

  it('finds the chips around changed nodes and the chips added, connected ones only', () => {
    const log = new MutationLog();
    log.readAll = false;
    const column = document.createElement('div');
    const a = chip('YQ');
    const b = chip('Yg');
    const gone = chip('Yw');
    const group = document.createElement('div');
    const c = chip('ZA');
    group.append(c);
    column.append(a, b, group);
    document.body.append(column);
    const text = document.createTextNode('x');
    a.firstElementChild!.append(text);
    log.record([
      record({ type: 'characterData', target: text }),
      record({ target: column, addedNodes: [b, group, gone, text] as unknown as NodeList }),
    ]);
    expect([...log.changedChips(CHIP)]).toEqual([a, b, c]);
    log.clear();
    expect(log.changedChips(CHIP).size).toBe(0);
  });

  it('gives up noting (a full read instead) past 2000 nodes', () => {
    const log = new MutationLog();
    log.readAll = false;
    const many = Array.from({ length: 2001 }, () => record({ target: document.createElement('div') }));
    log.record(many);
    expect(log.readAll).toBe(true);
  });
});

describe('startCalendarPage and the keyboard shortcut (the background relays the command)', () => {
  /** What the background's command handler sends this tab (lib/background/start.ts): no tab, our own id. */
  const shortcut = (sender: { id?: string; tab?: { id: number } } = { id: fakeBrowser.runtime.id }) =>
    fakeBrowser.runtime.onMessage.trigger(
      { kind: OPEN_PANEL_SHORTCUT },
      sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1],
    );

  beforeEach(() => {
    // A select-event refused (no panel frame here) is reported on one line, as for badge clicks.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('opens the focused chip’s event', async () => {
    chipTitled('Skip-level: Alice / Ivy').focus();
    expect(document.activeElement).toBe(chipTitled('Skip-level: Alice / Ivy'));
    await shortcut();
    await settle();
    expect(selected.map((event) => event.title)).toEqual(['Skip-level: Alice / Ivy']);
    expect(selected[0]!.dataEventId).toBe(chipTitled('Skip-level: Alice / Ivy').getAttribute('data-eventid'));
  });

  it('opens the chip focus is inside of (a part of the chip focused), not only the chip itself', async () => {
    const inner = chipTitled('Alice / Frank').querySelector<HTMLElement>('.I0UMhf')!;
    inner.tabIndex = -1;
    inner.focus();
    await shortcut();
    await settle();
    expect(selected.map((event) => event.title)).toEqual(['Alice / Frank']);
  });

  it('prefers the event of the open details popover to the focused chip', async () => {
    const dialog = loadFixture('gcal-event-popover.html')
      .querySelector('#xDetDlg')!
      .closest('[role="dialog"]')!;
    document.body.append(document.importNode(dialog, true));
    await scanned();
    chipTitled('Alice / Frank').focus();
    await shortcut();
    await settle();
    expect(selected.map((event) => event.title)).toEqual(['Alice / Bob']);
  });

  it('selects nothing with no chip focused and no popover open (it only toggles the panel), and throws nothing', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement?.closest(CHIP) ?? null).toBeNull();
    await expect(shortcut()).resolves.toBeDefined();
    await settle();
    expect(selected).toEqual([]);
  });

  it('ignores the message from a tab (a page or another content script) and from another extension', async () => {
    chipTitled('Skip-level: Alice / Ivy').focus();
    await shortcut({ id: fakeBrowser.runtime.id, tab: { id: 7 } });
    await shortcut({ id: 'some-other-extension' });
    await shortcut({});
    await settle();
    expect(selected).toEqual([]);
    // The same message from the background itself is heard.
    await shortcut();
    await settle();
    expect(selected.map((event) => event.title)).toEqual(['Skip-level: Alice / Ivy']);
  });

  it('with nothing focused, closes the open panel, and opens it again (selecting nothing more)', async () => {
    // happy-dom refuses to load the panel's iframe and says so on Node's own console: expected here.
    vi.spyOn(nodeConsole, 'error').mockImplementation(() => {});
    // The background accepts the event this time, so the page gets its panel (captured as it is made).
    const send = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
      const { kind, event } = message as { kind: string; event?: CalendarEvent };
      if (kind !== 'calendar/select-event') return send(message);
      selected.push(event!);
      return { ok: true, data: { ok: true } };
    }) as typeof fakeBrowser.runtime.sendMessage);
    const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    const panelShown = () => {
      const frame = (attach.mock.results[0]?.value as ShadowRoot | undefined)?.querySelector<HTMLElement>(
        '.frame',
      );
      return frame ? !frame.hidden : null;
    };

    chipTitled('Alice / Bob').focus();
    await shortcut();
    await settle();
    expect(selected.map((event) => event.title)).toEqual(['Alice / Bob']);
    expect(panelShown()).toBe(true);

    // Focus is in the panel now (it moved there): the shortcut closes it, and focus goes back to the chip.
    await shortcut();
    await settle();
    expect(panelShown()).toBe(false);
    expect(document.activeElement).toBe(chipTitled('Alice / Bob'));
    chipTitled('Alice / Bob').blur();
    await shortcut();
    await settle();
    expect(panelShown()).toBe(true);
    expect(selected).toHaveLength(1);
    expect(attach).toHaveBeenCalledTimes(1); // one panel, toggled: never a second one
  });

  it('stops listening when aborted', async () => {
    chipTitled('Skip-level: Alice / Ivy').focus();
    controller.abort();
    await shortcut();
    await settle();
    expect(selected).toEqual([]);
  });
});
