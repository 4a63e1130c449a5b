/** The toolbar popup's strings (components/popup). */
export const popup = {
  popup_settings: 'Settings',
  popup_search_label: 'Search agreements',
  popup_search_placeholder: 'Search agreements and people…',
  /** The search field's title; $1 is the key ("/"), which a key cap in the field's end shows too. */
  popup_search_shortcut: 'Press $1 to search from anywhere in the popup',
  popup_filters_legend: 'Show agreements',
  popup_filter_all: 'All open',
  popup_filter_mine: 'Mine',
  popup_filter_theirs: 'Theirs',
  popup_filter_overdue: 'Overdue',
  popup_filter_week: 'This week',
  popup_read_error:
    "Duet couldn't read its data in this browser. Nothing was changed; try reopening the popup.",
  popup_agreements_title: 'Agreements',
  popup_results_title: 'Matching agreements',
  popup_no_agreements: 'No open agreements. Agreements you make in a 1:1 show up here.',
  popup_no_agreements_filter: 'Nothing here right now.',
  popup_no_results: 'No open agreement matches “$1”.',
  popup_more_results: 'More agreements match: type more to narrow the list.',
  /** While searching, the heading of the done and dropped agreements that match (after the open ones). */
  popup_closed_title: 'Closed',
  /** A closed match's status and day: "Done Mar 3". */
  popup_closed_done: 'Done $1',
  popup_closed_dropped: 'Dropped $1',
  /** $1 is the agreement's text: the button reopens it (back among the open ones). */
  popup_reopen: 'Reopen',
  popup_reopen_for: 'Reopen “$1”',
  popup_reopened_announce: 'Reopened: “$1”.',
  /** More closed matches than listed; $1 how many. */
  popup_closed_more: 'and $1 more: type more to narrow the list',
  popup_closed_more_uncounted: 'More closed agreements match: type more to narrow the list.',
  /** The search read only the closed agreements changed most recently; $1 is how many. */
  popup_closed_limited: 'Only the $1 most recently changed closed agreements were searched.',
  popup_done_announce: 'Done: “$1”.',
  popup_undo: 'Undo',
  popup_due: 'due $1',
  popup_overdue_since: 'overdue since $1',
  popup_open: 'Open',
  popup_open_for: 'Open the 1:1 with $1',
  popup_add_point_short: '+ Point',
  popup_add_point_for: 'Add a talking point for $1',
  popup_upcoming_title: 'Next 7 days',
  popup_upcoming_empty: 'No 1:1s in the next 7 days.',
  /** Instead of popup_upcoming_empty when Duet tracks no 1:1 at all (first run). */
  popup_upcoming_none_tracked:
    'Duet doesn’t know any of your 1:1s yet. Open one in Google Calendar and choose “Track as 1:1”.',
  /** First run, no email addresses of mine in Settings; $1 is the link "Settings → You". */
  popup_upcoming_set_me: 'Add your email addresses in $1, so Duet can tell you apart from the other person.',
  popup_upcoming_set_me_link: 'Settings → You',
  popup_upcoming_more: 'and $1 more',
  popup_upcoming_show_all: 'Show all $1',
  popup_prep_no_points: 'No talking points yet',
  popup_prep_points_one: '1 talking point',
  popup_prep_points_other: '$1 talking points',
  popup_prep_no_agreements: 'No open agreements',
  popup_prep_reviewed: 'Agreements reviewed',
  popup_prep_review_one: '1 agreement to review',
  popup_prep_review_other: '$1 agreements to review',
  popup_prep_pending: 'Checking prep…',
  popup_declined: 'You declined this in Calendar',
  popup_gone: 'No longer in your Calendar',
  /** It cancels Duet's session only, not the Calendar event: "Cancel 1:1" read as cancelling the meeting. */
  popup_declined_cancel: 'Skip in Duet',
  popup_declined_cancel_for: 'Skip in Duet: the 1:1 with $1 on $2 (your Calendar is not changed)',
  popup_declined_cancel_title:
    'Duet stops expecting this 1:1 and takes it off your week. Your Calendar event is not changed.',
  /** A 1:1 with no people and no title. */
  popup_untitled: 'Untitled 1:1',
  /** After a name two 1:1s share, when their kinds tell them apart: "Alice Ng · Career 1:1". */
  popup_kind_one_on_one: '1:1',
  popup_kind_two_on_one: '2-1',
  popup_kind_skip_level: 'Skip-level',
  popup_kind_peer: 'Peer 1:1',
  popup_kind_career: 'Career 1:1',
  popup_point_title: 'Add a talking point',
  popup_point_person_label: 'For whom',
  popup_point_person_placeholder: 'For…',
  popup_point_text_label: 'Talking point',
  popup_point_placeholder: 'e.g. Bob: budget',
  popup_point_add: 'Add',
  popup_point_added: 'Added for your next 1:1 with $1.',
  popup_point_pick_person: 'Pick who it is for, or start with their name and a colon: “Bob: …”.',
  popup_point_empty: 'Write the talking point first.',
} as const;
