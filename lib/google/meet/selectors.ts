/**
 * Every Google Meet selector Duet uses, with the fixtures each must match and how many times
 * (checked by `tests/unit/google/meet-selectors.test.ts`). Locale-free signals first.
 * Sources: ../shared/docs/GOOGLE-DOM.md §2.
 */
import type { SelectorSpec } from '../calendar/selectors';

export type MeetFixture = 'meet-prejoin.html' | 'meet-call.html' | 'meet-ended.html';

export const meetSelectors = {
  /** A participant's video tile: only present once in the call. */
  participantTile: {
    css: '[data-participant-id]',
    expect: { 'meet-prejoin.html': 0, 'meet-call.html': 4, 'meet-ended.html': 0 },
  },
  /** The meeting title attribute. */
  meetingTitle: {
    css: '[data-meeting-title]',
    expect: { 'meet-prejoin.html': 0, 'meet-call.html': 1, 'meet-ended.html': 0 },
  },
  /** The "you left / meeting ended" heading block on the end screen. */
  endScreen: {
    css: '.roSPhc',
    expect: { 'meet-prejoin.html': 0, 'meet-call.html': 0, 'meet-ended.html': 1 },
  },
} as const satisfies Record<string, SelectorSpec<MeetFixture>>;
