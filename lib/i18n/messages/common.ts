/** Strings shared by several surfaces. Keys: letters, digits and `_` (browser.i18n's rule). */
export const common = {
  extName: 'Duet',
  /**
   * The BCP 47 tag of the language this catalog is written in. Plural forms (`_one` / `_other`) are chosen
   * by its rules, not the browser UI language's: Chrome serves the default catalog (`_locales/en`) to
   * every UI language that has no catalog of its own. A translated catalog gives its own tag here.
   */
  catalog_locale: 'en',
  /** The manifest's `description` (`__MSG_extDescription__`): the extensions page and the store. */
  extDescription:
    'Keep the thread between your one-on-ones in Google Calendar and Meet. Notes stay on this device.',
  /** The manifest's `open-panel` command (`__MSG_extCommandOpenPanel__`): the browser's shortcuts page. */
  extCommandOpenPanel: 'Open the Duet panel for the selected Calendar event',
  common_loading: 'Loading…',
  common_tagline: 'your 1:1s, kept between you',
  common_privacy_short: 'Stored only in this browser. Google never sees these notes.',
  common_read_error:
    "Duet couldn't read its data in this browser. Nothing was changed; try reopening this page.",
  common_action_failed: "That didn't work and nothing was changed. Please try again.",
  /** A change refused for lack of space (panels' one-click actions, the options page's saves and import). */
  common_quota:
    'Your browser has no storage space left for Duet, so nothing was saved or changed. Free some disk space and try again.',
  common_cancel: 'Cancel',
  common_save: 'Save',
  common_close: 'Close',
  common_me: 'Me',
  common_just_now: 'just now',
  common_minutes_ago_one: '$1 min ago',
  common_minutes_ago_other: '$1 min ago',
  common_hours_ago_one: '$1 h ago',
  common_hours_ago_other: '$1 h ago',
  common_days_ago_one: '$1 d ago',
  common_days_ago_other: '$1 d ago',
} as const;
