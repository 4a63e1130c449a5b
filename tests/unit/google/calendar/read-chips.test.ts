import { describe, expect, it } from 'vitest';
import {
  chipReadContext,
  readCalendarEvent,
  readCalendarEvents,
  readChipTitle,
} from '@/lib/google/calendar/read-chips';
import { calendarSelectors } from '@/lib/google/calendar/selectors';
import { fixturesIndex, loadFixture } from '../../helpers/fixtures';

const week = loadFixture('gcal-week.html');
/** A decodable id: `abc123 alice@acme.example`, base64 without padding. */
const ID = btoa('abc123 alice@acme.example').replace(/=+$/, '');
const OTHER_ID = btoa('def456 alice@acme.example').replace(/=+$/, '');

function chip(dataEventId: string | null, inner: (el: HTMLElement) => void = () => {}): HTMLElement {
  const el = document.createElement('div');
  if (dataEventId !== null) el.setAttribute('data-eventid', dataEventId);
  el.setAttribute('data-eventchip', '');
  inner(el);
  return el;
}

function titled(text: string, className = 'I0UMhf') {
  return (el: HTMLElement) => {
    const hidden = document.createElement('div');
    hidden.setAttribute('aria-hidden', 'true');
    const span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    hidden.append(span);
    el.append(hidden);
  };
}

const readOne = (el: HTMLElement) => readCalendarEvent(el, chipReadContext(document, 'week'));

describe('readCalendarEvents on gcal-week.html', () => {
  const reads = readCalendarEvents(week);

  it('returns the 16 timed events and the all-day event once each; the task is skipped', () => {
    const ids = reads.map((r) => r.event.dataEventId);
    expect(ids).toHaveLength(17);
    expect(new Set(ids).size).toBe(17);
    expect(ids).not.toContain(fixturesIndex.task.data_eventid);
    expect(ids).toContain(fixturesIndex.all_day.data_eventid);
    for (const event of fixturesIndex.events) expect(ids).toContain(event.data_eventid);
  });

  it('returns the chip elements themselves (not the resize handles)', () => {
    for (const { element, event } of reads) {
      expect(element.matches(calendarSelectors.eventChip.css)).toBe(true);
      expect(element.getAttribute('data-eventid')).toBe(event.dataEventId);
      expect(element.ownerDocument).toBe(week);
    }
  });

  it('reads only under the given root', () => {
    const column = reads[1]!.element.closest('[role="gridcell"]')!;
    const inColumn = readCalendarEvents(column);
    expect(inColumn.length).toBeGreaterThan(0);
    expect(inColumn.length).toBeLessThan(17);
    for (const read of inColumn) expect(column.contains(read.element)).toBe(true);
    expect(inColumn.map((r) => r.event.title)).toContain(reads[1]!.event.title);
  });
});

describe('readChipTitle and readCalendarEvent', () => {
  it('reads the visible title and collapses whitespace', () => {
    const el = chip(ID, titled('  Alice \n\t /   Bob  '));
    expect(readChipTitle(el)).toBe('Alice / Bob');
    expect(readOne(el)?.event).toMatchObject({ dataEventId: ID, title: 'Alice / Bob' });
  });

  it('reads the month-view title class', () => {
    expect(readChipTitle(chip(ID, titled('Dentist', 'WBi6vc')))).toBe('Dentist');
  });

  it('falls back to the first aria-hidden span when the title class is gone', () => {
    expect(readChipTitle(chip(ID, titled('Renamed class', 'zzNew')))).toBe('Renamed class');
  });

  it('does not read the visually hidden description as the title', () => {
    const el = chip(ID, (c) => {
      const description = document.createElement('div');
      description.className = 'XuJrye';
      description.textContent =
        '10am to 10:30am, Alice / Bob, Alice Smith, Accepted, No location, March 23, 2026';
      c.append(description);
    });
    expect(readChipTitle(el)).toBe('');
    expect(readOne(el)?.event.title).toBe('');
  });

  it('reads markup in a title as text', () => {
    expect(readOne(chip(ID, titled('<img src=x onerror=alert(1)>')))?.event.title).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('truncates a very long title to 1024 characters', () => {
    expect(readOne(chip(ID, titled('x'.repeat(10_000))))?.event.title).toHaveLength(1024);
  });

  it.each<[string, string | null]>([
    ['missing', null],
    ['empty', ''],
    ['with a space', 'YWJj ZGVm'],
    ['with markup', '<b>'],
    ['over 512 characters', 'A'.repeat(513)],
    ['a task', 'tasks_abc'],
  ])('rejects a chip whose data-eventid is %s', (_label, id) => {
    expect(readOne(chip(id, titled('Alice / Bob')))).toBeNull();
  });

  it('keeps the first chip per id and skips invalid ones', () => {
    const root = document.createElement('div');
    const first = chip(ID, titled('First'));
    root.append(
      first,
      chip(ID, titled('Duplicate')),
      chip('bad id', titled('Bad')),
      chip(OTHER_ID, titled('Other')),
    );
    const reads = readCalendarEvents(root, 'week');
    expect(reads.map((r) => [r.event.dataEventId, r.event.title])).toEqual([
      [ID, 'First'],
      [OTHER_ID, 'Other'],
    ]);
    expect(reads[0]!.element).toBe(first);
  });

  it('reads the same event again from the same chip (a repeated id decodes the same)', () => {
    const el = chip(ID, titled('Alice / Bob'));
    expect(readOne(el)).toEqual(readOne(el));
  });

  it('returns nothing for a page without chips', () => {
    expect(readCalendarEvents(loadFixture('meet-call.html'))).toEqual([]);
  });
});

describe('readCalendarEvent remembers what a chip says', () => {
  const context = () => chipReadContext(week, 'week');
  const weekChip = (title: string) =>
    [...week.querySelectorAll<HTMLElement>(calendarSelectors.eventChip.css)].find(
      (chip) => chip.querySelector('.I0UMhf')?.textContent === title,
    )!;

  it('gives the same event object for an unchanged chip, or a new element rendered the same', () => {
    const chip = weekChip('Alice / Bob');
    const first = readCalendarEvent(chip, context())!.event;
    expect(readCalendarEvent(chip, context())!.event).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const copy = chip.cloneNode(true) as HTMLElement;
    chip.after(copy);
    expect(readCalendarEvent(copy, context())!.event).toBe(first);
    copy.remove();
  });

  it('reads a changed title, times or response at once, and the old text again after', () => {
    const chip = weekChip('Weekly sync').cloneNode(true) as HTMLElement;
    weekChip('Weekly sync').after(chip);
    const title = chip.querySelector('.I0UMhf')!;
    const description = chip.querySelector('.XuJrye')!;
    const original = description.textContent!;
    const before = readCalendarEvent(chip, context())!.event;

    title.textContent = 'Weekly sync (edited)';
    description.textContent = original
      .replace(', Weekly sync, ', ', Weekly sync (edited), ')
      .replace(/^\S+ to \S+,/, '4pm to 5pm,')
      .replace('Accepted', 'Tentative');
    const changed = readCalendarEvent(chip, context())!.event;
    expect(changed).toMatchObject({
      title: 'Weekly sync (edited)',
      start: '16:00',
      end: '17:00',
      response: 'tentative',
    });

    title.textContent = 'Weekly sync';
    description.textContent = original;
    expect(readCalendarEvent(chip, context())!.event).toEqual(before);
    chip.remove();
  });

  it('reads the day of a chip moved to another column', () => {
    const chip = weekChip('Lunch');
    const home = chip.parentElement!;
    const before = readCalendarEvent(chip, context())!.event;
    const otherColumn = week.querySelectorAll('[data-principal-ids] [jsname="W0SPUb"]')[1]!;
    otherColumn.append(chip);
    const moved = readCalendarEvent(chip, context())!.event;
    home.append(chip);
    expect(moved).toEqual({ ...before, day: '2026-03-23' });
    expect(readCalendarEvent(chip, context())!.event).toEqual(before);
  });

  it('skips a task every time, and an id that stops decoding', () => {
    const task = week.querySelector<HTMLElement>('[data-eventid^="tasks_"][data-eventchip]')!;
    expect(readCalendarEvent(task, context())).toBeNull();
    expect(readCalendarEvent(task, context())).toBeNull();
    const el = chip(ID, titled('Alice / Bob'));
    expect(readOne(el)).not.toBeNull();
    el.setAttribute('data-eventid', 'tasks_x');
    expect(readOne(el)).toBeNull();
  });
});
