import { describe, expect, it } from 'vitest';
import { type CalendarFixture, calendarSelectors } from '@/lib/google/calendar/selectors';
import { CALENDAR_FIXTURES, fixturesExtra, loadCalendarFixture } from './calendar-fixtures';

const FIXTURES = CALENDAR_FIXTURES;
const documents = new Map(FIXTURES.map((name) => [name, loadCalendarFixture(name)]));

const cases = Object.entries(calendarSelectors).flatMap(([name, spec]) =>
  Object.entries(spec.expect).map(
    ([fixture, count]) => [name, fixture as CalendarFixture, count, spec.css] as const,
  ),
);

describe('calendarSelectors against every fixture', () => {
  it('lists an expected count for every fixture on every selector', () => {
    for (const spec of Object.values(calendarSelectors)) {
      expect(Object.keys(spec.expect).sort()).toEqual([...FIXTURES].sort());
    }
    expect(cases).toHaveLength(Object.keys(calendarSelectors).length * FIXTURES.length);
  });

  it('covers every fixture page on disk that has ground truth', () => {
    expect(Object.keys(fixturesExtra.fixtures).sort()).toEqual([...FIXTURES].sort());
  });

  it.each(cases)('%s matches %s exactly %i times', (_name, fixture, count, css) => {
    expect(documents.get(fixture)!.querySelectorAll(css)).toHaveLength(count);
  });

  it('finds one title and one description per chip, inside the chip', () => {
    for (const fixture of FIXTURES) {
      const chips = [...documents.get(fixture)!.querySelectorAll(calendarSelectors.eventChip.css)];
      for (const chip of chips) {
        expect(chip.querySelectorAll(calendarSelectors.chipTitle.css)).toHaveLength(1);
        expect(chip.querySelectorAll(calendarSelectors.chipDescription.css)).toHaveLength(1);
      }
    }
  });

  it('never matches the resize handles or the details dialog as chips', () => {
    for (const fixture of FIXTURES) {
      const doc = documents.get(fixture)!;
      const chips = new Set(doc.querySelectorAll(calendarSelectors.eventChip.css));
      for (const element of doc.querySelectorAll('[data-eventid]')) {
        if (!chips.has(element)) expect(element.hasAttribute('data-eventchip')).toBe(false);
      }
      expect(chips.has(doc.querySelector('#xDetDlg')!)).toBe(false);
    }
  });

  it('finds the app header as the banner', () => {
    for (const fixture of FIXTURES) {
      const header = documents.get(fixture)!.querySelector(calendarSelectors.appHeader.css);
      expect(header?.tagName).toBe('HEADER');
    }
  });

  it('puts every grid chip inside a dated day cell, and no schedule chip inside one', () => {
    for (const fixture of FIXTURES) {
      const doc = documents.get(fixture)!;
      const dated = [...doc.querySelectorAll(calendarSelectors.eventChip.css)].map(
        (chip) => chip.closest(calendarSelectors.dayCell.css) !== null,
      );
      expect(dated.every((inCell) => inCell === (fixture !== 'gcal-schedule.html'))).toBe(true);
    }
  });

  it('keeps the details panel, its title and guests inside a dialog', () => {
    for (const fixture of ['gcal-event-popover.html', 'gcal-event-popover-de.html'] as const) {
      const doc = documents.get(fixture)!;
      const panel = doc.querySelector(calendarSelectors.detailsDialog.css)!;
      for (const key of ['detailsTitle', 'guestRow', 'guestSummary', 'meetLink', 'recurrence'] as const) {
        const found = [...doc.querySelectorAll(calendarSelectors[key].css)];
        expect(found.every((element) => panel.contains(element))).toBe(true);
      }
    }
  });
});
