/**
 * Reminders in real Chromium: the toolbar badge counts overdue agreements (and follows a "Done" in the
 * Calendar panel and the periodic check), the reminder alarm raises "prepare for your 1:1" with the right
 * words, and a tracked 1:1 I declined in Calendar raises "reschedule?" once while its session stays
 * upcoming. Notification contents are read by wrapping `chrome.notifications.create` in the worker from the
 * test (nothing test-only ships in the build).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUpcomingSession, type Person, type Relationship, type Session } from '@/lib/domain/model';
import { DEFAULT_TEMPLATE_FOR_KIND } from '@/lib/domain/templates';
import { emptyExportData } from '@/lib/io/export-format';
import { CALENDAR_WEEK_URL } from '../../scripts/chromium.mjs';
import { type Duet, FIXTURES_DIR, startDuet } from './harness';
import { CalendarPage } from './pages/calendar-page';
import { PopupPage } from './pages/popup-page';
import { openAgreement, seedDatabase } from './seed';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const TEMPLATE = DEFAULT_TEMPLATE_FOR_KIND['one-on-one'];
/** The "Alice / Bob" series of the week fixture (fixtures-index.json). */
const BOB_SERIES = '9q7kdlrmoh7cfue81kf5u8fmkk';
const BOB_CHIP_ID = 'OXE3a2Rscm1vaDdjZnVlODFrZjV1OGZta2tfMjAyNjAzMjNUMTcwMDAwWiBhbGljZUBhY21lLmV4YW1wbGU';

interface CreatedNotification {
  id: string;
  title: string;
  message: string;
  buttons: string[];
}

/** `chrome` as the worker sees it (only what these tests call). */
interface WorkerChrome {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  notifications: {
    create: (...args: unknown[]) => unknown;
    getAll(): Promise<Record<string, boolean>>;
  };
  storage: {
    local: { get(keys: null): Promise<Record<string, unknown>> };
    session: { get(keys: null): Promise<Record<string, unknown>> };
  };
}

const now = Date.now();
const stamp = { createdAt: now, updatedAt: now };

function person(id: string, name: string, email: string): Person {
  return { id, name, emails: [email], relation: 'report', archived: false, ...stamp };
}

function relationship(id: string, personId: string, title: string, series: string[] = []): Relationship {
  return {
    id,
    personIds: [personId],
    kind: 'one-on-one',
    title,
    cadenceDays: 14,
    templateId: TEMPLATE,
    calendarSeriesIds: series,
    meetCodes: [],
    archived: false,
    ...stamp,
  };
}

function session(
  id: string,
  relationshipId: string,
  scheduledAt: number,
  calendarEventId: string | null,
): Session {
  return newUpcomingSession({ id, relationshipId, scheduledAt, calendarEventId, templateId: TEMPLATE }, now);
}

/**
 * The week fixture's Calendar shows UTC−7 (its instance ids say so: "9am" is 16:00Z), as Phoenix does all year.
 * This browser runs in the machine's zone (UTC on CI): a traveller whose Calendar kept its home zone.
 */
const CALENDAR_ZONE = 'America/Phoenix';
/** The instant a wall-clock time in `zone` means. */
function instantIn(zone: string, [year, month, day]: CalendarDay, hours: number): number {
  const wanted = Date.UTC(year, month - 1, day, hours);
  const shown = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
  });
  let guess = wanted;
  for (let i = 0; i < 2; i += 1) {
    const parts = Object.fromEntries(
      shown.formatToParts(guess).map(({ type, value }) => [type, Number(value)]),
    );
    guess += wanted - Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!);
  }
  return guess;
}
/** Year, month (1–12) and day, as Calendar shows them. */
type CalendarDay = [number, number, number];

/** An instance of Bob's 1:1 some days ahead at 10:00 Calendar time (the fixture chip's time). */
function bobInstance(daysAhead: number): { day: CalendarDay; start: Date; eventId: string } {
  const [month, date, year] = new Date(now + daysAhead * DAY)
    .toLocaleDateString('en-US', { timeZone: CALENDAR_ZONE })
    .split('/')
    .map(Number) as [number, number, number];
  const day: CalendarDay = [year, month, date];
  const start = new Date(instantIn(CALENDAR_ZONE, day, 10));
  const eventId = `${BOB_SERIES}_${start.toISOString().replace(/[-:]|\.\d{3}/g, '')}`;
  return { day, start, eventId };
}
/** A session's status, read in an extension page with raw IndexedDB. */
function sessionStatus(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate(async (sessionId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('duet');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const row = await new Promise<{ status: string } | undefined>((resolve, reject) => {
      const read = db.transaction('sessions').objectStore('sessions').get(sessionId);
      read.onsuccess = () => resolve(read.result as { status: string } | undefined);
      read.onerror = () => reject(read.error);
    });
    db.close();
    return row?.status;
  }, id);
}

const declined = bobInstance(2);
const { start: declinedStart, eventId: declinedEventId } = declined;

/**
 * The week fixture with its Monday moved to the instance's day and "Alice / Bob" on it, answered as given:
 * what Calendar shows for that week (declined: after I decline that one instance).
 */
function weekWithBob(
  { day: [year, monthNumber, date], eventId }: { day: CalendarDay; eventId: string },
  response: 'Accepted' | 'Declined',
) {
  const dateKey = ((year - 1970) << 9) | (monthNumber << 5) | date;
  const day = new Date(Date.UTC(year, monthNumber - 1, date, 12));
  const weekday = day.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
  const month = day.toLocaleDateString('en-US', { month: 'long', timeZone: 'UTC' });
  const chipId = Buffer.from(`${eventId} alice@acme.example`).toString('base64').replace(/=+$/, '');
  return readFileSync(join(FIXTURES_DIR, 'gcal-week.html'), 'utf8')
    .replaceAll('data-datekey="28791"', `data-datekey="${dateKey}"`)
    .replaceAll('Monday, March 23', `${weekday}, ${month} ${date}`)
    .replaceAll(BOB_CHIP_ID, chipId)
    .replace(
      'Alice / Bob, Alice Smith, Accepted, No location, March 23, 2026',
      `Alice / Bob, Alice Smith, ${response}, No location, ${month} ${date}, ${year}`,
    );
}

const declinedWeekHtml = () => weekWithBob(declined, 'Declined');

/** An instance of Bob's 1:1 Duet planned, then cancelled in Calendar: its day shows without it. */
const gone = bobInstance(3);
const goneWeekHtml = () =>
  weekWithBob(gone, 'Accepted').replaceAll(
    Buffer.from(`${gone.eventId} alice@acme.example`).toString('base64').replace(/=+$/, ''),
    'tasks_e2e-not-an-event',
  );

describe('reminders and the toolbar badge', () => {
  let duet: Duet;
  const worker = (): Worker => duet.context.serviceWorkers().at(-1) ?? duet.worker;

  /** Wraps chrome.notifications.create in the current worker so the test can read what was raised. */
  async function recordNotifications(): Promise<void> {
    await worker().evaluate(() => {
      const scope = globalThis as unknown as { chrome: WorkerChrome; __duetCreated?: CreatedNotification[] };
      if (scope.__duetCreated) return;
      const created: CreatedNotification[] = [];
      scope.__duetCreated = created;
      const notifications = scope.chrome.notifications;
      const original = notifications.create.bind(notifications);
      notifications.create = (...args: unknown[]) => {
        const [id, options] = args as [
          string,
          { title: string; message: string; buttons?: Array<{ title: string }> },
        ];
        created.push({
          id,
          title: options.title,
          message: options.message,
          buttons: (options.buttons ?? []).map((b) => b.title),
        });
        return original(...args);
      };
    });
  }

  const created = () =>
    worker().evaluate(
      () => (globalThis as unknown as { __duetCreated?: CreatedNotification[] }).__duetCreated ?? [],
    );
  const shown = () =>
    worker().evaluate(() =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.notifications.getAll().then(Object.keys),
    );
  const badge = () =>
    worker().evaluate(async () => {
      const { action } = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
    });
  /** Fires the periodic reminder alarm now, as Chrome would every few minutes. */
  const fireReminderAlarm = () =>
    worker().evaluate(() =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.alarms.create('duet-reminders', {
        when: Date.now(),
      }),
    );

  beforeAll(async () => {
    duet = await startDuet();
    const data = emptyExportData();
    data.people.push(person('p-alex', 'Alex Rivera', 'alex@acme.example'));
    data.people.push(person('p-bob', 'Bob Jones', 'bob.jones@acme.example'));
    data.relationships.push(relationship('r-alex', 'p-alex', 'Alex / Alice'));
    data.relationships.push(relationship('r-bob', 'p-bob', 'Alice / Bob', [BOB_SERIES]));
    // Alex's 1:1 in 20 minutes, with two open (overdue) agreements and no talking points.
    data.sessions.push(session('s-alex-soon', 'r-alex', now + 20 * MIN, null));
    data.agreements.push(
      openAgreement('r-alex', 'a-alex-1', 'E2E: private agreement text one', '2026-01-05', { at: now }),
      openAgreement('r-alex', 'a-alex-2', 'E2E: private agreement text two', '2026-02-01', { at: now }),
      openAgreement('r-bob', 'a-bob-overdue', 'E2E: Bob books the venue', '2026-01-15', { at: now }),
      openAgreement('r-bob', 'a-bob-later', 'E2E: Bob drafts the plan', '2099-01-15', { at: now }),
    );
    // Duet's session for the instance of Bob's 1:1 that will be declined.
    data.sessions.push(session('s-bob-declined', 'r-bob', declinedStart.getTime(), declinedEventId));
    // Duet's session for the instance that will be cancelled in Calendar.
    data.sessions.push(session('s-bob-gone', 'r-bob', gone.start.getTime(), gone.eventId));
    await seedDatabase(duet, data);
    await recordNotifications();
  });
  afterAll(async () => {
    await duet?.close();
  });

  it('the reminder alarm raises "prepare" for the 1:1 in 20 minutes and sets the overdue badge', async () => {
    await fireReminderAlarm();
    await expect.poll(() => created().then((c) => c.length), { timeout: 15_000 }).toBeGreaterThan(0);
    const raised = await created();
    expect(raised).toHaveLength(1);
    expect(raised[0]!.id).toMatch(/^duet:before-session:s-alex-soon:\d+$/);
    // "in 20 minutes" from when the file started, less however long the browser took to start and seed.
    expect(raised[0]!.title).toMatch(/^1:1 with Alex Rivera in \d+ minutes$/);
    const minutes = Number(/^1:1 with Alex Rivera in (\d+) minutes$/.exec(raised[0]!.title)?.[1]);
    const left = (now + 20 * MIN - Date.now()) / MIN;
    expect(minutes).toBeGreaterThanOrEqual(Math.floor(left) - 1);
    expect(minutes).toBeLessThanOrEqual(20);
    expect(raised[0]!.message).toBe(
      'Prepare for your 1:1 with Alex Rivera: 2 open agreements, no talking points yet',
    );
    expect(raised[0]!.buttons).toEqual([]);
    // The browser holds it.
    await expect.poll(shown, { timeout: 5000 }).toEqual([raised[0]!.id]);
    await expect
      .poll(badge, { timeout: 10_000 })
      .toEqual({ text: '3', title: 'Duet — 3 overdue agreements' });

    // What Duet remembers outside IndexedDB: opaque ids and times, never a name or an agreement's text.
    const local = await worker().evaluate(() =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.storage.local.get(null),
    );
    expect(JSON.stringify(local)).toContain('s-alex-soon');
    expect(JSON.stringify(local)).not.toMatch(/Alex Rivera|Bob Jones|E2E:/);

    // The next check does not repeat it.
    await fireReminderAlarm();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await created()).toHaveLength(1);
  });

  it('the badge follows an agreement marked done in the Calendar panel, and the periodic check', async () => {
    const calendar = await CalendarPage.open(duet, CALENDAR_WEEK_URL);
    const panel = await calendar.openPanelFor('Alice / Bob');
    const done = panel.frame.locator('[data-agreement-id=a-bob-overdue] [data-testid=agreement-done]');
    await done.waitFor({ timeout: 10_000 });
    await done.click();
    await expect
      .poll(badge, { timeout: 10_000 })
      .toEqual({ text: '2', title: 'Duet — 2 overdue agreements' });
    await duet.screenshot(calendar.page, 'reminders-panel-done');
    await calendar.page.close();

    // Changed behind the worker's back (another device's import, say): the periodic check catches up.
    const page = await duet.newPage();
    await page.goto(duet.extensionUrl('options.html'));
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('duet');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('agreements', 'readwrite');
        const store = tx.objectStore('agreements');
        const read = store.get('a-alex-1');
        read.onsuccess = () => store.put({ ...read.result, status: 'done', closedAt: Date.now() });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    await page.close();
    expect((await badge()).text).toBe('2');
    await fireReminderAlarm();
    await expect.poll(badge, { timeout: 10_000 }).toEqual({ text: '1', title: 'Duet — 1 overdue agreement' });
  });

  it('a tracked 1:1 I declined raises "reschedule?" once; its session stays upcoming', async () => {
    const before = (await created()).length;
    const page = await duet.newPage();
    const url = 'https://calendar.google.com/calendar/u/0/r/week/2099/1/1';
    await page.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: declinedWeekHtml() }),
    );
    await page.goto(url);
    // The content script classified the page (the other 1:1s got their badges).
    await page.locator('[data-duet-badge]').first().waitFor({ timeout: 15_000 });
    const id = `duet:reschedule:${declinedEventId}`;
    await expect.poll(() => created().then((c) => c.length), { timeout: 10_000 }).toBe(before + 1);
    const prompt = (await created()).at(-1)!;
    expect(prompt.id).toBe(id);
    expect(prompt.title).toBe('Reschedule your 1:1?');
    expect(prompt.message).toMatch(
      new RegExp(
        `^Your 1:1 with Bob Jones on .*\\b${declinedStart.getDate()}\\b.* was declined — reschedule\\?$`,
      ),
    );
    expect(prompt.buttons).toEqual(['Open in Calendar', 'Cancel this session']);
    await expect.poll(shown, { timeout: 5000 }).toContain(id);
    // No badge on the declined chip (it is not a 1:1 I attend).
    const declinedChip = page.locator('[data-eventchip]', { hasText: 'Alice / Bob' });
    expect(await declinedChip.locator('[data-duet-badge]').count()).toBe(0);
    await duet.screenshot(page, 'reminders-declined-week');

    // Seen again (reload): not asked twice.
    await page.reload();
    await page.locator('[data-duet-badge]').first().waitFor({ timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await created()).filter((c) => c.id === id)).toHaveLength(1);
    await page.close();

    // The decision is the user's: Duet's session for that instance is still upcoming, and the prompt's
    // target waits in memory (storage.session: the chip's data-eventid encodes a calendar's email).
    const options = await duet.newPage();
    await options.goto(duet.extensionUrl('options.html'));
    const status = await sessionStatus(options, 's-bob-declined');
    await options.close();
    expect(status).toBe('upcoming');
    const pending = await worker().evaluate(() =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.storage.session.get(null),
    );
    const onDisk = await worker().evaluate(() =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.storage.local.get(null),
    );
    expect(Object.keys(onDisk)).not.toContain('reminders.pending');
    expect(
      (pending['reminders.pending'] as Record<string, { kind: string; eventId: string }>)[id],
    ).toMatchObject({
      kind: 'reschedule',
      eventId: declinedEventId,
      relationshipId: 'r-bob',
    });
  });
  it('the popup marks the 1:1 I declined, and "Skip in Duet" cancels its session in Duet (Calendar untouched)', async () => {
    const popup = await PopupPage.open(duet);
    await popup.ready();
    const row = popup.page.locator('[data-testid=popup-upcoming]', {
      has: popup.page.locator('[data-testid=popup-declined]'),
    });
    await row.waitFor({ timeout: 5000 });
    expect(await row.locator('[data-testid=popup-upcoming-name]').textContent()).toBe('Bob Jones');
    expect(await row.locator('[data-testid=popup-declined]').textContent()).toContain(
      'You declined this in Calendar',
    );
    // Only that instance: Bob's other 1:1s this week keep their prep status.
    expect(await popup.page.locator('[data-testid=popup-declined]').count()).toBe(1);
    await duet.screenshot(popup.page, 'popup-declined');
    await row.locator('[data-testid=popup-cancel-session]').click();
    await expect
      .poll(() => popup.page.locator('[data-testid=popup-declined]').count(), { timeout: 5000 })
      .toBe(0);
    const status = await sessionStatus(popup.page, 's-bob-declined');
    expect(status).toBe('cancelled');
    await popup.page.close();
  });

  it('a planned 1:1 cancelled in Calendar (its day shows without it) raises "reschedule?", not silence', async () => {
    const page = await duet.newPage();
    const url = 'https://calendar.google.com/calendar/u/0/r/week/2099/3/1';
    // Calendar showed it first (on Alice's own calendar)…
    let cancelled = false;
    await page.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: cancelled ? goneWeekHtml() : weekWithBob(gone, 'Accepted'),
      }),
    );
    await page.goto(url);
    await page.locator('[data-eventchip]', { hasText: 'Alice / Bob' }).locator('[data-duet-badge]').waitFor({
      timeout: 15_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // …then it was cancelled there: the same week shows without it.
    cancelled = true;
    await page.reload();
    await page.locator('[data-duet-badge]').first().waitFor({ timeout: 15_000 });
    // (Its chip is gone: a task stands in its place, which is no event.)
    expect(await page.locator('[data-eventid="tasks_e2e-not-an-event"]').count()).toBeGreaterThan(0);
    const id = `duet:reschedule:${gone.eventId}`;
    // Told once the page has been still for 3 s.
    await expect
      .poll(() => created().then((all) => all.filter((c) => c.id === id)), { timeout: 15_000 })
      .toHaveLength(1);
    const prompt = (await created()).find((c) => c.id === id)!;
    expect(prompt.title).toBe('Reschedule your 1:1?');
    expect(prompt.message).toMatch(
      new RegExp(
        `^Your 1:1 with Bob Jones on .*\\b${gone.start.getDate()}\\b.* is no longer in your Calendar — reschedule\\?$`,
      ),
    );
    expect(prompt.buttons).toEqual(['Open in Calendar', 'Cancel this session']);
    await expect.poll(shown, { timeout: 5000 }).toContain(id);
    // Opaque instance ids only, kept across a restart.
    const kept = await worker().evaluate(() =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.storage.local.get(null),
    );
    expect(kept['gone-events']).toEqual([gone.eventId]);
    // The decision is the user's: the session is still upcoming. Seen again: not asked twice.
    await page.reload();
    await page.locator('[data-duet-badge]').first().waitFor({ timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect((await created()).filter((c) => c.id === id)).toHaveLength(1);
    await page.close();
    const options = await duet.newPage();
    await options.goto(duet.extensionUrl('options.html'));
    expect(await sessionStatus(options, 's-bob-gone')).toBe('upcoming');
    await options.close();
    // The popup's week says so, and offers the decision (Firefox's notifications have no buttons).
    const popup = await PopupPage.open(duet);
    await popup.ready();
    const row = popup.page.locator('[data-testid=popup-upcoming]', {
      has: popup.page.locator('[data-testid=popup-declined]', { hasText: 'No longer in your Calendar' }),
    });
    await row.waitFor({ timeout: 5000 });
    expect(await row.locator('[data-testid=popup-upcoming-name]').textContent()).toBe('Bob Jones');
    expect(await row.locator('[data-testid=popup-cancel-session]').textContent()).toBe('Skip in Duet');
    await duet.screenshot(popup.page, 'popup-gone');
    await popup.page.close();
  });

  it('a tracked 1:1 Calendar shows in the coming days becomes a planned session (no reminder misses it)', async () => {
    const ahead = bobInstance(4);
    const page = await duet.newPage();
    const url = 'https://calendar.google.com/calendar/u/0/r/week/2099/2/1';
    await page.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: weekWithBob(ahead, 'Accepted'),
      }),
    );
    await page.goto(url);
    await page.locator('[data-eventchip]', { hasText: 'Alice / Bob' }).locator('[data-duet-badge]').waitFor({
      timeout: 15_000,
    });
    const options = await duet.newPage();
    await options.goto(duet.extensionUrl('options.html'));
    const planned = () =>
      options.evaluate(async (eventId) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('duet');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const rows = await new Promise<
          Array<{ status: string; scheduledAt: number; relationshipId: string }>
        >((resolve, reject) => {
          const read = db
            .transaction('sessions')
            .objectStore('sessions')
            .index('calendarEventId')
            .getAll(eventId);
          read.onsuccess = () => resolve(read.result as never);
          read.onerror = () => reject(read.error);
        });
        db.close();
        return rows.map(({ status, scheduledAt, relationshipId }) => ({
          status,
          scheduledAt,
          relationshipId,
        }));
      }, ahead.eventId);
    await expect
      .poll(planned, { timeout: 10_000 })
      .toEqual([{ status: 'upcoming', scheduledAt: ahead.start.getTime(), relationshipId: 'r-bob' }]);
    // Seen again: still one.
    await page.reload();
    await page.locator('[data-duet-badge]').first().waitFor({ timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await planned()).toHaveLength(1);
    await options.close();
    await page.close();
  });
});
