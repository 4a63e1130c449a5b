/**
 * Every Google Calendar selector Duet uses, in one place. Each lists the fixture pages it must match
 * and how many times (test data, left out of builds: see NO_COUNTS); `tests/unit/google/calendar/selectors.test.ts`
 * checks all of them against all fixtures. Structure (`data-*`, roles, ids) before class names; class names only as a last fallback.
 * Sources: ../shared/docs/GOOGLE-DOM.md §0–1. Fixtures: tests/fixtures/google (fixtures-extra.json lists
 * the view and locale of each).
 */
export type CalendarFixture =
  | 'gcal-week.html'
  | 'gcal-month.html'
  | 'gcal-event-popover.html'
  | 'gcal-day.html'
  | 'gcal-4day.html'
  | 'gcal-schedule.html'
  | 'gcal-week-en-GB.html'
  | 'gcal-week-de.html'
  | 'gcal-week-fr.html'
  | 'gcal-event-popover-de.html';

export interface SelectorSpec<F extends string> {
  css: string;
  /** How many elements each fixture must yield (document-wide). */
  expect: Record<F, number>;
}

/**
 * The fixture counts are test data: Vitest sets `__DUET_TESTS__` and checks them; builds set it false and
 * drop them, so the content script carries the selectors only.
 */
const NO_COUNTS = {} as Record<CalendarFixture, number>;

/** The week grid in every language, with or without an open popover: same structure, same counts. */
const week = (n: number) => ({
  'gcal-week.html': n,
  'gcal-event-popover.html': n,
  'gcal-week-en-GB.html': n,
  'gcal-week-de.html': n,
  'gcal-week-fr.html': n,
  'gcal-event-popover-de.html': n,
});

/** Counts that only the two popover pages have (the grid views have none). */
const popoverOnly = (en: number, de: number) => ({
  ...week(0),
  'gcal-month.html': 0,
  'gcal-day.html': 0,
  'gcal-4day.html': 0,
  'gcal-schedule.html': 0,
  'gcal-event-popover.html': en,
  'gcal-event-popover-de.html': de,
});

export const calendarSelectors = {
  /**
   * Event chips in every view (week/day/4-day/month/schedule). Not the resize handle, which lacks
   * data-eventchip, nor the popover's #xDetDlg. Includes task and birthday chips (readers skip them).
   */
  eventChip: {
    css: '[data-eventid][data-eventchip]',
    expect: __DUET_TESTS__
      ? {
          ...week(18),
          'gcal-month.html': 30,
          'gcal-day.html': 5,
          'gcal-4day.html': 9,
          'gcal-schedule.html': 19,
        }
      : NO_COUNTS,
  },
  /**
   * The chip's visible title: `.I0UMhf` (week/day), `.WBi6vc` (month, all-day), `.URIUGf` (schedule,
   * GOOGLE-DOM.md §1.9). Searched inside a chip only. Fixture: gcal-week.html `span.I0UMhf`.
   */
  chipTitle: {
    css: '.I0UMhf, .WBi6vc, .URIUGf',
    expect: __DUET_TESTS__
      ? {
          ...week(18),
          'gcal-month.html': 30,
          'gcal-day.html': 5,
          'gcal-4day.html': 9,
          'gcal-schedule.html': 19,
        }
      : NO_COUNTS,
  },
  /**
   * The visually hidden full description of a chip (inside a chip only; `.XuJrye` is Calendar's generic
   * screen-reader class, so document-wide it also finds headings and drawer labels).
   */
  chipDescription: {
    css: '.XuJrye',
    expect: __DUET_TESTS__
      ? {
          ...week(29),
          'gcal-month.html': 76,
          'gcal-day.html': 10,
          'gcal-4day.html': 17,
          'gcal-schedule.html': 23,
        }
      : NO_COUNTS,
  },
  /** Calendar's top bar; the in-page panel docks below it so it never covers Calendar's own controls. */
  appHeader: {
    css: 'header#gb, header[role="banner"]',
    expect: __DUET_TESTS__
      ? {
          ...week(1),
          'gcal-month.html': 1,
          'gcal-day.html': 1,
          'gcal-4day.html': 1,
          'gcal-schedule.html': 1,
        }
      : NO_COUNTS,
  },
  /** The current view, upper case: DAY, WEEK, CUSTOM_DAYS, MONTH, AGENDA, YEAR (ColorKit, §1.1). */
  currentView: {
    css: 'body[data-viewkey]',
    expect: __DUET_TESTS__
      ? {
          ...week(1),
          'gcal-month.html': 1,
          'gcal-day.html': 1,
          'gcal-4day.html': 1,
          'gcal-schedule.html': 1,
        }
      : NO_COUNTS,
  },
  /**
   * Day cells that carry the packed date: all-day row + timed column per day (week/day/4-day) or one
   * per square (month). Column-header buttons and "N more" also carry data-datekey but are not gridcells.
   */
  dayCell: {
    css: '[role="gridcell"][data-datekey]',
    expect: __DUET_TESTS__
      ? {
          ...week(14),
          'gcal-month.html': 35,
          'gcal-day.html': 2,
          'gcal-4day.html': 8,
          'gcal-schedule.html': 0,
        }
      : NO_COUNTS,
  },
  /** The timed day columns, which name whose calendar they show (base64 email, §1.7). */
  principal: {
    css: '[data-principal-ids]',
    expect: __DUET_TESTS__
      ? {
          ...week(7),
          'gcal-month.html': 0,
          'gcal-day.html': 1,
          'gcal-4day.html': 4,
          'gcal-schedule.html': 0,
        }
      : NO_COUNTS,
  },
  /**
   * Schedule view: chips have no data-datekey; each day starts with a header row whose label carries the
   * full date (§1.9, least-known view; rowheader markup inferred in gcal-schedule.html).
   */
  scheduleDayHeader: {
    css: '[role="main"] [role="rowheader"]',
    expect: __DUET_TESTS__
      ? {
          ...week(0),
          'gcal-month.html': 0,
          'gcal-day.html': 0,
          'gcal-4day.html': 0,
          'gcal-schedule.html': 5,
        }
      : NO_COUNTS,
  },
  /** Every dialog, hidden leftovers included (Calendar keeps transient ones, §1.8); readers filter them. */
  dialog: {
    css: '[role="dialog"]',
    expect: __DUET_TESTS__ ? popoverOnly(2, 2) : NO_COUNTS,
  },
  /** The event-details popover's root, inside its dialog; `data-eventid` matches the chip (§1.8). */
  detailsDialog: {
    css: '[role="dialog"] #xDetDlg[data-eventid]',
    expect: __DUET_TESTS__ ? popoverOnly(1, 1) : NO_COUNTS,
  },
  /** The popover's title heading (also the dialog's aria-labelledby). */
  detailsTitle: {
    css: '#rAECCd',
    expect: __DUET_TESTS__ ? popoverOnly(1, 1) : NO_COUNTS,
  },
  /**
   * The guests section. Drawn after the rest of the popover (§1.8: its children arrive later), and absent for
   * an event without guests: until it is there, the popover says nothing about guests.
   */
  guestSection: {
    css: '#xDetDlgAtt',
    expect: __DUET_TESTS__ ? popoverOnly(1, 1) : NO_COUNTS,
  },
  /** Guest rows; `data-email` is the only place the address appears (§1.8). */
  guestRow: {
    css: '#xDetDlgAtt [role="treeitem"][data-email]',
    expect: __DUET_TESTS__ ? popoverOnly(2, 5) : NO_COUNTS,
  },
  /** "N guests" summary (class fallback: no structural hook is known; public code, ref 11161253482). */
  guestSummary: {
    css: '#xDetDlgAtt .UfeRlc',
    expect: __DUET_TESTS__ ? popoverOnly(1, 1) : NO_COUNTS,
  },
  /** The Meet row's join link and its data-meet-url holder (public code, ref 38681771227). */
  meetLink: {
    css: '#xDetDlgVideo a[href*="meet.google.com/"], #xDetDlgVideo [data-meet-url]',
    expect: __DUET_TESTS__ ? popoverOnly(2, 2) : NO_COUNTS,
  },
  /** The recurrence line under the time ("Weekly on Monday"); class fallback `.Kcwcnf` (S4). */
  recurrence: {
    css: '#xDetDlgWhen .Kcwcnf',
    expect: __DUET_TESTS__ ? popoverOnly(1, 1) : NO_COUNTS,
  },
  /**
   * Anything carrying `data-datekey` (day columns, all-day cells, month cells, headers): a chip's day is
   * its closest one's (§1.3). The schedule view has none.
   */
  datedCell: {
    css: '[data-datekey]',
    expect: __DUET_TESTS__
      ? {
          ...week(21),
          'gcal-month.html': 37,
          'gcal-day.html': 3,
          'gcal-4day.html': 12,
          'gcal-schedule.html': 0,
        }
      : NO_COUNTS,
  },
  /** A struck-through title: the chip of an event I declined, where its text does not say (§1.5). */
  struckThrough: {
    css: '[style*="line-through"]',
    expect: __DUET_TESTS__
      ? {
          ...week(1),
          'gcal-month.html': 1,
          'gcal-day.html': 1,
          'gcal-4day.html': 0,
          'gcal-schedule.html': 1,
        }
      : NO_COUNTS,
  },
  /** A guest's shown name inside a guest row (`data-hovercard-id`, else the class Google used). */
  guestName: {
    css: 'span[data-hovercard-id], .SDqFWd',
    expect: __DUET_TESTS__ ? popoverOnly(4, 8) : NO_COUNTS,
  },
  /** Hidden by markup (not by layout, which is never read): transient dialogs Calendar leaves around. */
  hiddenByMarkup: {
    css: '[hidden],[aria-hidden="true"],[style*="display: none"],[style*="display:none"],[style*="visibility: hidden"]',
    expect: __DUET_TESTS__
      ? {
          ...week(60),
          'gcal-event-popover.html': 75,
          'gcal-event-popover-de.html': 79,
          'gcal-month.html': 78,
          'gcal-day.html': 23,
          'gcal-4day.html': 34,
          'gcal-schedule.html': 31,
        }
      : NO_COUNTS,
  },
} as const satisfies Record<string, SelectorSpec<CalendarFixture>>;
