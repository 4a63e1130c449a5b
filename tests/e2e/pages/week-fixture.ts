/**
 * Ground truth of the Calendar week fixture (tests/fixtures/google/fixtures-index.json): the week's events
 * whose titles follow a 1:1 convention, with the kind Duet must badge them as. Checked in Chromium and
 * in Firefox.
 */
export const WEEK_ONE_ON_ONES = [
  { title: 'Alice / Bob', kind: 'one-on-one' },
  { title: '1:1 Alice <> Carol', kind: 'one-on-one' },
  { title: 'Bob & Alice 1-on-1', kind: 'one-on-one' },
  { title: '2-1 with Carol', kind: 'two-on-one' },
  { title: 'Skip-level: Alice / Ivy', kind: 'skip-level' },
  { title: 'Peer 1:1 — Alice & Evan', kind: 'peer' },
  { title: 'Alice / Frank', kind: 'one-on-one' },
] as const;

/** Week events that are not 1:1s (no badge). */
export const WEEK_OTHERS = ['Team standup', 'Focus time', 'Weekly sync', 'All hands', 'Lunch', 'Vendor demo'];

export const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
