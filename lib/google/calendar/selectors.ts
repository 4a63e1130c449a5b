/**
 * Every Google Calendar selector Duet uses, in one place. Each lists the fixture pages it must match
 * and how many times; `tests/unit/google/calendar-selectors.test.ts` checks all of them against all
 * fixtures. Structure (`data-*`, roles, ids) before class names; class names only as a last fallback.
 * Sources: ../shared/docs/GOOGLE-DOM.md §0–1.
 */
export type CalendarFixture = 'gcal-week.html' | 'gcal-month.html' | 'gcal-event-popover.html';

export interface SelectorSpec<F extends string> {
  css: string;
  /** How many elements each fixture must yield (document-wide). */
  expect: Record<F, number>;
}

export const calendarSelectors = {
  /** Event chips in every grid view (week/day/4-day/month). Not the resize handle, which lacks data-eventchip. */
  eventChip: {
    css: '[data-eventid][data-eventchip]',
    expect: { 'gcal-week.html': 18, 'gcal-month.html': 30, 'gcal-event-popover.html': 18 },
  },
  /**
   * The chip's visible title: `.I0UMhf` (week/day), `.WBi6vc` (month, all-day). Searched inside a chip only.
   * Fixture: gcal-week.html `span.I0UMhf`.
   */
  chipTitle: {
    css: '.I0UMhf, .WBi6vc',
    expect: { 'gcal-week.html': 18, 'gcal-month.html': 30, 'gcal-event-popover.html': 18 },
  },
  /** The visually hidden full description of a chip (inside a chip only; `.XuJrye` is generic). */
  chipDescription: {
    css: '.XuJrye',
    expect: { 'gcal-week.html': 29, 'gcal-month.html': 76, 'gcal-event-popover.html': 29 },
  },
  /** Calendar's top bar; the in-page panel docks below it so it never covers Calendar's own controls. */
  appHeader: {
    css: 'header#gb, header[role="banner"]',
    expect: { 'gcal-week.html': 1, 'gcal-month.html': 1, 'gcal-event-popover.html': 1 },
  },
} as const satisfies Record<string, SelectorSpec<CalendarFixture>>;
