/**
 * Every Google Meet selector Duet uses, with the fixtures each must match and how many times
 * (checked by `tests/unit/google/meet/selectors.test.ts`). Locale-free signals first: `data-*` attributes,
 * icon ligatures (the text of `.google-symbols` icons is the icon's name in every language) and the
 * obfuscated-but-stable classes GOOGLE-DOM.md §2 lists; localised aria-labels only as a last fallback.
 * Sources: ../shared/docs/GOOGLE-DOM.md §2 (keys S21…S35) and the public code refs cited per entry.
 */
import type { SelectorSpec } from '../calendar/selectors';

export type MeetFixture =
  | 'meet-prejoin.html'
  | 'meet-call.html'
  | 'meet-ended.html'
  | 'meet-call-presenting.html'
  | 'meet-call-people.html'
  | 'meet-call-de.html';

/**
 * The fixture counts are test data: Vitest sets `__DUET_TESTS__` and checks them; builds set it false and
 * drop them, so the content script carries the selectors only.
 */
const NO_COUNTS = {} as Record<MeetFixture, number>;

/** An icon ligature: `.google-symbols` elements whose whole text is one of `text`. */
export interface LigatureSpec<F extends string> {
  text: readonly string[];
  expect: Record<F, number>;
}

/** The same count in the three in-call fixtures made for issue 5 (presenting, people, German). */
const newCalls = (presenting: number, people: number, de = presenting) => ({
  'meet-call-presenting.html': presenting,
  'meet-call-people.html': people,
  'meet-call-de.html': de,
});

/** Nothing before or after the call. */
const outside = { 'meet-prejoin.html': 0, 'meet-ended.html': 0 };

export const meetSelectors = {
  /**
   * Everything carrying a device id `spaces/<space>/devices/<device>`: video tiles and, in the open People
   * panel, its rows (S22, S33). Present only once admitted to the call (Vexa S32): the in-call signal.
   */
  participantTile: {
    css: '[data-participant-id]',
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 4, ...newCalls(5, 6) } : NO_COUNTS,
  },
  /** Video tiles only (not People-panel rows). A presentation is a tile of its own (see `mediaTile`). */
  videoTile: {
    css: '[data-participant-id]:not([role="listitem"])',
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 2, ...newCalls(3, 3) } : NO_COUNTS,
  },
  /**
   * Tiles that name their media stream. A camera tile's media id equals its participant id; a screen
   * share is a second tile of the presenter's device with a media id of its own (measured 2026, public
   * code, ref 70250961647; "Meet wraps every tile — camera or presentation — in [data-tile-media-id]",
   * ref 54658848158). Readers compare the two attributes.
   */
  mediaTile: {
    css: '[data-participant-id][data-tile-media-id]',
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 2, ...newCalls(3, 3) } : NO_COUNTS,
  },
  /** The name label inside a tile (LMA S24; `notranslate` keeps names out of translation, ref 70250961647). */
  tileName: {
    css: 'span.notranslate',
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 2, ...newCalls(3, 3) } : NO_COUNTS,
  },
  /**
   * The self marker: 2025–26 Meet puts `data-self-name="<my name>"` in my own tile only (S34, public code,
   * ref 55341053806). 2020–21 Meet put it on every tile, so readers trust it only on a single device.
   */
  selfName: {
    css: '[data-self-name]',
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 1, ...newCalls(1, 1) } : NO_COUNTS,
  },
  /** The meeting title attribute (LMA S24, Meet Logger S26). */
  meetingTitle: {
    css: '[data-meeting-title]',
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 1, ...newCalls(1, 1) } : NO_COUNTS,
  },
  /** The "you left / meeting ended" heading block on the end screen (attendee bot S22). */
  endScreen: {
    css: '.roSPhc',
    expect: __DUET_TESTS__
      ? { ...outside, 'meet-ended.html': 1, 'meet-call.html': 0, ...newCalls(0, 0) }
      : NO_COUNTS,
  },
  /** The signed-in user's name in the green room (TranscripTonic S21, 2024-05 → 2026-05). */
  prejoinName: {
    css: '.awLEm',
    expect: __DUET_TESTS__
      ? { ...outside, 'meet-prejoin.html': 1, 'meet-call.html': 0, ...newCalls(0, 0) }
      : NO_COUNTS,
  },
  /** Mic/camera toggles: in the lobby and in the call alike (S22, S24, Vexa S32 warns they are in both). */
  mediaToggle: {
    css: '[data-is-muted]',
    expect: __DUET_TESTS__
      ? { ...outside, 'meet-prejoin.html': 2, 'meet-call.html': 2, ...newCalls(2, 2) }
      : NO_COUNTS,
  },
  /** Material Symbols icons; their text is the icon name (`call_end`, …) in every language (S21). */
  icon: {
    css: '.google-symbols',
    expect: __DUET_TESTS__
      ? {
          'meet-prejoin.html': 3,
          'meet-call.html': 18,
          'meet-ended.html': 2,
          ...newCalls(24, 23),
        }
      : NO_COUNTS,
  },
  /**
   * People panel rows: `[role=list][aria-label="Participants"] > [role=listitem]` (S22, S35); the label is
   * localised, so the role pair alone. Only while the panel is open.
   */
  peopleRow: {
    css: '[role="list"] [role="listitem"]',
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 2, ...newCalls(3, 3) } : NO_COUNTS,
  },
  /** The name inside a People panel row, without "(You)" / "Meeting host" (S32 and attendance scripts, 2021–25). */
  peopleName: {
    css: '.zWGUib',
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 2, ...newCalls(3, 3) } : NO_COUNTS,
  },
  /**
   * Text fallback for "I am presenting" (en: S35 ARIA snapshot, public code refs 23559841226, 4399837456;
   * de/fr wording INFERRED). Used only when no locale-free signal is there.
   */
  presentingLabel: {
    css: [
      'Stop presenting',
      'You are presenting',
      'Präsentation beenden',
      'Sie präsentieren',
      'Arrêter la présentation',
      'Vous présentez',
    ]
      .map((label) => `[aria-label="${label}"]`)
      .join(', '),
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 0, ...newCalls(2, 0) } : NO_COUNTS,
  },
} as const satisfies Record<string, SelectorSpec<MeetFixture>>;

/** Icon ligatures Duet reads; counted over `meetSelectors.icon` elements. */
export const meetLigatures = {
  /** The Leave call button's icon (TranscripTonic S21; attendee bot S22 `button[jsname="CQylAd"]`). */
  leaveCall: {
    text: ['call_end'],
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 1, ...newCalls(1, 1) } : NO_COUNTS,
  },
  /**
   * The local "Stop presenting" control: "language-independent … only present while THIS user is presenting"
   * (public code, ref 54658848158). Not `computer_arrow_up`/`present_to_all`: those are also the Present
   * button's icon when nobody presents (refs 60794452496, 23559841226; meet-call.html).
   */
  stopPresenting: {
    text: ['cancel_presentation'],
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 0, ...newCalls(1, 0) } : NO_COUNTS,
  },
  /** Self-view controls (Reframe, visual effects) exist on my own camera tile only (refs 54658848158, 70250961647). */
  selfView: {
    text: ['frame_person', 'visual_effects'],
    expect: __DUET_TESTS__ ? { ...outside, 'meet-call.html': 0, ...newCalls(2, 2) } : NO_COUNTS,
  },
} as const satisfies Record<string, LigatureSpec<MeetFixture>>;
