import { describe, expect, it } from 'vitest';
import { readChip, readChips, readChipTitle } from '@/lib/google/calendar/read-chips';
import { type FixtureEvent, fixturesIndex, loadFixture } from '../../helpers/fixtures';

const week = loadFixture('gcal-week.html');

/** The week in document order: the all-day row first, then each day's chips, the task at its due time. */
function expectedWeek(): { dataEventId: string; title: string }[] {
  const timed = fixturesIndex.events.map((e: FixtureEvent) => ({
    dataEventId: e.data_eventid,
    title: e.title,
  }));
  const taskAfter = timed.findIndex((e) => e.title === 'Vendor demo');
  return [
    { dataEventId: fixturesIndex.all_day.data_eventid, title: fixturesIndex.all_day.title },
    ...timed.slice(0, taskAfter + 1),
    { dataEventId: fixturesIndex.task.data_eventid, title: fixturesIndex.task.title },
    ...timed.slice(taskAfter + 1),
  ];
}

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

describe('readChips on gcal-week.html', () => {
  const chips = readChips(week);

  it('returns the 16 timed events, the all-day event and the task, once each, in page order', () => {
    expect(chips.map((c) => c.event)).toEqual(expectedWeek());
    expect(chips).toHaveLength(18);
    expect(new Set(chips.map((c) => c.event.dataEventId)).size).toBe(18);
  });

  it('returns the chip elements themselves (not the resize handles)', () => {
    for (const { element, event } of chips) {
      expect(element.hasAttribute('data-eventchip')).toBe(true);
      expect(element.getAttribute('data-eventid')).toBe(event.dataEventId);
      expect(element.ownerDocument).toBe(week);
    }
  });

  it('includes the task as a raw chip (the background decides it is not an event)', () => {
    expect(chips.filter((c) => c.event.dataEventId.startsWith('tasks_'))).toHaveLength(1);
  });

  it('reads only under the given root', () => {
    const firstTimedChip = chips[1]!.element;
    const column = firstTimedChip.closest('[role="gridcell"]')!;
    const inColumn = readChips(column);
    expect(inColumn.length).toBeGreaterThan(0);
    expect(inColumn.length).toBeLessThan(18);
    for (const read of inColumn) expect(column.contains(read.element)).toBe(true);
    expect(inColumn.map((c) => c.event.title)).toContain(chips[1]!.event.title);
  });
});

describe('readChips on the other Calendar fixtures', () => {
  it('reads the same 18 events from the popover page and ignores the open dialog', () => {
    const popover = loadFixture('gcal-event-popover.html');
    const chips = readChips(popover);
    expect(chips.map((c) => c.event)).toEqual(expectedWeek());
    expect(chips.some((c) => c.element.id === 'xDetDlg')).toBe(false);
  });

  it('reads the month view: 30 chips, every recurring instance separately', () => {
    const chips = readChips(loadFixture('gcal-month.html'));
    expect(chips).toHaveLength(30);
    expect(new Set(chips.map((c) => c.event.dataEventId)).size).toBe(30);
    const titles = chips.map((c) => c.event.title);
    expect(titles.filter((t) => t === 'Alice / Bob')).toHaveLength(5);
    expect(titles.filter((t) => t === 'Weekly sync')).toHaveLength(5);
    expect(titles).toEqual(
      expect.arrayContaining(['Dentist', 'Quarterly business review', 'Alice <> Dana 1:1']),
    );
    // Hidden behind "N more" in this month fixture.
    expect(titles).not.toContain('Focus time');
    expect(titles).not.toContain('Vendor demo');
    // Every id in the index that the month shows carries the index title.
    for (const event of fixturesIndex.events) {
      const read = chips.find((c) => c.event.dataEventId === event.data_eventid);
      if (read) expect(read.event.title).toBe(event.title);
    }
  });
});

describe('readChip and readChipTitle', () => {
  it('reads the visible title and collapses whitespace', () => {
    const el = chip('YWJj', titled('  Alice \n\t /   Bob  '));
    expect(readChip(el)).toEqual({ element: el, event: { dataEventId: 'YWJj', title: 'Alice / Bob' } });
  });

  it('reads the month-view title class', () => {
    expect(readChipTitle(chip('YWJj', titled('Dentist', 'WBi6vc')))).toBe('Dentist');
  });

  it('falls back to the first aria-hidden span when the title class is gone', () => {
    expect(readChipTitle(chip('YWJj', titled('Renamed class', 'zzNew')))).toBe('Renamed class');
  });

  it('does not read the visually hidden description as the title', () => {
    const el = chip('YWJj', (c) => {
      const description = document.createElement('div');
      description.className = 'XuJrye';
      description.textContent =
        '10am to 10:30am, Alice / Bob, Alice Smith, Accepted, No location, March 23, 2026';
      c.append(description);
    });
    expect(readChipTitle(el)).toBe('');
    expect(readChip(el)?.event.title).toBe('');
  });

  it('reads markup in a title as text', () => {
    const el = chip('YWJj', titled('<img src=x onerror=alert(1)>'));
    expect(readChip(el)?.event.title).toBe('<img src=x onerror=alert(1)>');
  });

  it('truncates a very long title to 1024 characters', () => {
    const read = readChip(chip('YWJj', titled('x'.repeat(10_000))));
    expect(read?.event.title).toHaveLength(1024);
  });

  it.each<[string, string | null]>([
    ['missing', null],
    ['empty', ''],
    ['with a space', 'YWJj ZGVm'],
    ['with markup', '<b>'],
    ['over 512 characters', 'A'.repeat(513)],
  ])('rejects a chip whose data-eventid is %s', (_label, id) => {
    expect(readChip(chip(id, titled('Alice / Bob')))).toBeNull();
  });

  it('keeps the first chip per id and skips invalid ones', () => {
    const root = document.createElement('div');
    const first = chip('YWJj', titled('First'));
    root.append(
      first,
      chip('YWJj', titled('Duplicate')),
      chip('bad id', titled('Bad')),
      chip('ZGVm', titled('Other')),
    );
    const reads = readChips(root);
    expect(reads.map((r) => r.event)).toEqual([
      { dataEventId: 'YWJj', title: 'First' },
      { dataEventId: 'ZGVm', title: 'Other' },
    ]);
    expect(reads[0]!.element).toBe(first);
  });

  it('returns nothing for a page without chips', () => {
    expect(readChips(loadFixture('meet-call.html'))).toEqual([]);
  });
});
