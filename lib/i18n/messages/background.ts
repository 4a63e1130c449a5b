/**
 * The background's strings: notifications and the toolbar badge's title. Notifications are shown by the
 * operating system: they name the 1:1 and counts, never note or agreement text (SECURITY.md).
 */
export const background = {
  bg_badge_title_none: 'Duet',
  bg_badge_title_one: 'Duet — 1 overdue agreement',
  bg_badge_title_other: 'Duet — $1 overdue agreements',

  /** Stands in for a 1:1 whose person has no name yet. */
  bg_unnamed: 'your colleague',

  bg_before_title_one: '1:1 with $1 in 1 minute',
  bg_before_title_other: '1:1 with $1 in $2 minutes',
  bg_before_title_hours_one: '1:1 with $1 in 1 hour',
  bg_before_title_hours_other: '1:1 with $1 in $2 hours',
  bg_before_message: 'Prepare for your 1:1 with $1: $2, $3',
  bg_open_agreements_none: 'no open agreements',
  bg_open_agreements_one: '$1 open agreement',
  bg_open_agreements_other: '$1 open agreements',
  bg_talking_points_none: 'no talking points yet',
  bg_talking_points_one: '$1 talking point',
  bg_talking_points_other: '$1 talking points',

  bg_after_title: 'Your 1:1 with $1',
  bg_after_message: 'No agreements recorded for your 1:1 with $1 — add them while it’s fresh?',

  bg_cadence_title: 'Time for a 1:1 with $1?',
  bg_cadence_message: '$1 since your last 1:1 with $2, usually $3',
  bg_since_days_one: '$1 day',
  bg_since_days_other: '$1 days',
  // Pairs, though English never says "1 week" here (7 days is "every week", 14 the fewest "since"): other
  // languages' "one" covers 21, 31, ….
  bg_since_weeks_one: '$1 week',
  bg_since_weeks_other: '$1 weeks',
  bg_every_week: 'every week',
  bg_every_weeks_one: 'every $1 week',
  bg_every_weeks_other: 'every $1 weeks',
  bg_every_day: 'every day',
  bg_every_days_one: 'every $1 day',
  bg_every_days_other: 'every $1 days',

  bg_reschedule_title: 'Reschedule your 1:1?',
  bg_reschedule_message: 'Your 1:1 with $1 on $2 was declined — reschedule?',
  bg_reschedule_gone_message: 'Your 1:1 with $1 on $2 is no longer in your Calendar — reschedule?',
  bg_reschedule_open: 'Open in Calendar',
  bg_reschedule_cancel: 'Cancel this session',
} as const;
