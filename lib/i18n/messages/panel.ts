/**
 * The panel's strings (components/panel: Calendar, Meet, session mode, side panel). Plurals are pairs of
 * `_one` / `_other` keys (see `tn()` in components/shared/format.ts); `$1`… are substitutions.
 */
export const panel = {
  // The panel frame and its shared states
  panel_empty:
    'Open a 1:1 from Google Calendar — click the Duet badge on the event — to see and write its notes here.',
  panel_label: 'Duet panel',
  panel_covered: 'Something on the page is over Duet: it takes no clicks or typing until that moves away.',
  panel_read_error:
    'Duet couldn’t read this 1:1’s data in this browser. Nothing was changed; try reopening the panel.',
  panel_lookup_error:
    'Duet couldn’t look up this meeting’s 1:1 just now. Nothing was changed; try reopening the panel.',
  panel_untitled_1on1: 'Untitled 1:1',
  panel_untitled_event: 'Untitled event',
  panel_default_title_with: '1:1 with $1',
  panel_default_title_call: '$1 1:1',
  panel_minutes: '$1 min',
  panel_add: 'Add',
  panel_due: 'due $1',
  panel_no_due_date: 'no due date',
  panel_them: 'them',
  panel_theirs_lower: 'theirs',
  panel_mine_lower: 'mine',
  panel_not_1on1: 'Not a 1:1',

  // Storage problems (lib/db's describeStorageProblem kinds), in words for the user
  panel_storage_quota:
    'Your browser has no storage space left for Duet. Nothing you typed is lost — it stays here until it can be saved. Free some disk space and Duet will retry.',
  panel_storage_updated:
    'Duet was updated while this page was open. Reload it to continue — your unsaved text is kept here.',
  panel_storage_blocked: 'Duet is finishing an update. Close other Duet pages or reload them to continue.',
  panel_storage_invalid: 'That could not be saved: it is not valid.',
  panel_storage_unavailable:
    "Duet can't open its storage in this browser right now. Your text is still here; Duet will keep trying.",
  panel_storage_unknown: "Couldn't save just now. Your text is still here and Duet will retry.",
  // The same, for a one-click action (Done, Drop, add a point, Track…): it is not retried
  panel_action_unavailable:
    "Duet couldn't reach its storage; nothing was changed. Try again, or reload the page.",
  panel_action_updated:
    'Duet was updated while this page was open; nothing was changed. Reload the page to continue.',
  panel_action_blocked:
    'Duet is finishing an update; nothing was changed. Close other Duet pages or reload them, then try again.',
  // A live session that could not start: tried again every few seconds until it does
  panel_session_start_quota:
    "Your browser has no storage space left for Duet, so this session couldn't start. Free some disk space; Duet tries again every few seconds.",
  panel_session_start_failed: "This session couldn't start just now. Duet tries again every few seconds.",

  // The meeting's own notes
  panel_notes: 'Notes',
  panel_notes_for_meeting: 'Notes for this meeting',
  panel_note_placeholder: 'What did you talk about? What matters for next time?',
  panel_note_idle: 'Saved on this device as you type',
  panel_saving: 'Saving…',
  panel_note_saved: 'Saved $1',
  panel_note_conflict: 'This note was also changed in another window. Choose which version to keep.',
  panel_conflict_other_window: 'The other window’s version:',
  panel_conflict_empty: '(empty)',
  panel_conflict_keep_mine: 'Keep mine',
  panel_conflict_use_theirs: 'Use theirs',

  // Names of kinds, relations, goals and owners
  panel_kind_1on1: '1:1',
  panel_kind_2on1: '2-1',
  panel_kind_skip_level: 'Skip-level',
  panel_kind_peer: 'Peer 1:1',
  panel_kind_career: 'Career 1:1',
  panel_relation_report: 'Reports to me',
  panel_relation_manager: 'My manager',
  panel_relation_peer: 'Peer',
  panel_relation_skip_level_report: 'Skip-level report',
  panel_relation_skip_level_manager: 'Skip-level manager',
  panel_relation_other: 'Other',
  panel_goal_category_impact: 'Impact',
  panel_goal_category_team: 'Team building',
  panel_goal_category_community: 'Community',
  panel_goal_category_personal_development: 'Personal development',
  panel_goal_category_okr: 'OKR',
  panel_goal_status_ahead: 'Ahead',
  panel_goal_status_on_track: 'On track',
  panel_goal_status_behind: 'Behind',
  panel_owner_both: 'Both',
  panel_owner_them: 'Them',
  panel_owner_someone_else: 'Someone else',

  // Cadence ("last 1:1 18 days ago, every 2 weeks — due")
  panel_cadence_last: 'last 1:1 $1, $2 — $3',
  panel_cadence_never: 'no 1:1 held yet, $1 — $2',
  panel_cadence_today: 'today',
  panel_cadence_yesterday: 'yesterday',
  panel_cadence_days_ago_one: '$1 day ago',
  panel_cadence_days_ago_other: '$1 days ago',
  panel_cadence_every_week: 'every week',
  panel_cadence_every_weeks_one: 'every $1 week',
  panel_cadence_every_weeks_other: 'every $1 weeks',
  panel_cadence_every_days_one: 'every $1 day',
  panel_cadence_every_days_other: 'every $1 days',
  panel_cadence_word_ok: 'on track',
  panel_cadence_word_due: 'due',
  panel_cadence_word_overdue: 'overdue',
  panel_cadence_status_ok: 'Cadence on track:',
  panel_cadence_status_due: 'Cadence: 1:1 due:',
  panel_cadence_status_overdue: 'Cadence: 1:1 overdue:',

  // Relationship header
  panel_title_guess: 'detected from the title',
  panel_with: 'with $1',

  // Prep ("This meeting")
  panel_prep_title: 'This meeting',
  panel_prep_intro:
    'Start prep to plan this meeting: open talking points move into it and its agenda is ready.',
  panel_prep_preparing: 'Preparing…',
  panel_prep_start: 'Start prep',
  panel_prep_open_session: 'Open this session',
  panel_prep_start_session: 'Start session',
  panel_prep_carried_one: 'Prepared: $1 talking point carried over',
  panel_prep_carried_other: 'Prepared: $1 talking points carried over',
  panel_prep_held: 'Held on $1',
  panel_prep_cancelled: 'This 1:1 was cancelled.',
  panel_prep_started: 'Prep started',
  panel_prep_agenda: 'Agenda · $1',

  // Last time
  panel_last_title: 'Last time',
  panel_before_title: 'Before this meeting',
  panel_latest_title: 'Latest 1:1',
  panel_last_no_notes: 'No notes were written in the last 1:1.',
  panel_last_none: 'No notes from a previous 1:1 yet.',
  panel_skipped_title: 'From the skipped 1:1 on $1',

  // Agreements
  panel_agreements_title: 'Open agreements',
  panel_agreements_empty: 'No open agreements.',
  panel_agreement_overdue: '· overdue',
  panel_agreement_renegotiated: '· renegotiated',
  panel_agreement_reviewed: '· reviewed, still open',
  panel_agreement_done: 'Done',
  panel_agreement_done_named: 'Done: $1',
  panel_agreement_still_open: 'Still open',
  panel_agreement_still_open_named: 'Still open: $1',
  panel_agreement_renegotiate: 'Renegotiate',
  panel_agreement_renegotiate_named: 'Renegotiate: $1',
  panel_agreement_drop: 'Drop',
  panel_agreement_drop_named: 'Drop: $1',
  panel_agreement_new_due: 'New due date',
  panel_agreement_drop_reason: 'Why drop it? (required)',
  panel_agreement_save_date: 'Save date',
  panel_agreement_confirm_drop: 'Drop agreement',
  panel_agreement_status_open: 'open',
  panel_agreement_status_renegotiated: 'renegotiated',
  panel_agreement_status_done: 'done',
  panel_agreement_status_dropped: 'dropped',

  // Talking points
  panel_points_title: 'Talking points',
  panel_points_for_next: 'for the next 1:1',
  panel_points_empty: 'Nothing on the agenda yet.',
  panel_points_theirs: 'Theirs',
  panel_points_mine: 'Mine',
  panel_points_move_up: 'Move up: $1',
  panel_points_move_down: 'Move down: $1',
  panel_points_discussed: 'Discussed',
  panel_points_discussed_named: 'Discussed: $1',
  panel_points_add_label: 'Add a talking point',
  panel_points_placeholder_mine: 'Something I want to raise',
  panel_points_placeholder_theirs: 'Something $1 wants to raise',
  panel_points_placeholder_they: 'Something they want to raise',
  panel_points_who: 'Who raises it',

  // Goals
  panel_goals_title: 'Goals',
  panel_goals_empty: 'No goals yet.',

  // Tracking a series ("Track as 1:1")
  panel_track_title: 'Not tracked yet',
  panel_link_title: 'Who is this 1:1 with?',
  panel_track_primary: 'Track as 1:1 with $1',
  panel_link_primary: 'This 1:1 is with $1',
  panel_track_known_guest:
    'Duet keeps notes, agreements and talking points per 1:1. $1 is the only other guest.',
  panel_track_known_call:
    'Duet keeps notes, agreements and talking points per 1:1. $1 is the only other person in this call.',
  panel_link_known_guest: 'Duet knows this series but not who it is with. $1 is the only other guest.',
  panel_track_known_two:
    'Duet keeps notes, agreements and talking points per 1:1. $1 and $2 are the other guests: a 2-1 with both.',
  panel_track_known_two_call:
    'Duet keeps notes, agreements and talking points per 1:1. $1 and $2 are the other people in this call: a 2-1 with both.',
  panel_link_known_two: 'Duet knows this series but not who it is with. $1 and $2 are the other guests.',
  panel_track_primary_two: 'Track as 2-1 with $1',
  panel_link_known_call:
    'Duet knows this series but not who it is with. $1 is the only other person in this call.',
  panel_track_email_in_brackets: '($1)',
  panel_track_edit: 'Edit details',
  panel_track_confirm_short: 'Track as 1:1',
  panel_track_unknown:
    'Duet doesn’t know who this meeting is with. If it is a 1:1, say who with, and Duet will keep its notes, agreements and talking points together.',
  panel_link_unknown:
    'Say who this 1:1 is with, so Duet can recognise it by their email in Calendar and Meet.',
  panel_track_their_name: 'Their name',
  panel_track_more: 'More details',
  panel_track_confirm: 'Track this series as a 1:1',
  panel_track_name: 'Name',
  panel_track_email: 'Email (matches them in Calendar)',
  panel_track_relation: 'They are',
  panel_track_kind: 'Kind',
  panel_track_cadence: 'Every (days)',

  // "Not a 1:1"
  panel_ignored_text: 'You said this series is not a 1:1, so Duet doesn’t mark it in Calendar.',
  panel_ignored_undo: 'Undo',

  // Calendar actions: errors and announcements
  panel_error_not_tracked: 'This event is not tracked as a 1:1 yet.',
  panel_error_track_name: 'Write the name of the person this 1:1 is with.',
  panel_error_track_cadence: 'Cadence: a whole number of days, from 1 to 365.',
  panel_error_pick_due: 'Pick the new due date.',
  panel_error_point_empty: 'Write the talking point first.',
  panel_error_text_too_long:
    'Keep it to $1 characters or fewer; this one has $2. Your text is still in the box.',
  panel_announce_done: 'Agreement marked done.',
  panel_announce_still_open: 'Agreement kept open: looked at for this 1:1.',
  panel_announce_due: 'Agreement now due $1.',
  panel_announce_dropped: 'Agreement dropped.',
  panel_agreement_done_undo: 'Marked done: “$1”.',
  panel_agreement_dropped_undo: 'Dropped: “$1”.',
  panel_announce_reopened: 'Agreement back on the list.',
  panel_announce_point_added: 'Talking point added.',
  panel_announce_point_added_theirs: 'Talking point added for them.',
  panel_announce_moved_up: 'Moved up: now $1 of $2.',
  panel_announce_moved_down: 'Moved down: now $1 of $2.',
  panel_announce_point_discussed: 'Talking point marked discussed.',
  panel_announce_point_dropped: 'Talking point dropped.',
  panel_announce_prepared_one: 'Prepared: $1 talking point carried over.',
  panel_announce_prepared_other: 'Prepared: $1 talking points carried over.',
  panel_announce_tracking: 'Now tracking this series as a 1:1 with $1.',
  panel_announce_tracking_existing:
    'This series now continues your 1:1 with $1: its history, agreements and cadence carry on.',
  panel_announce_linked: 'This 1:1 is now linked to $1.',
  panel_announce_ignored: 'Got it: Duet will not treat this series as a 1:1.',
  panel_archived_text:
    'Your 1:1 with $1 is archived. Its history is kept; bring it back to prepare and run its sessions again.',
  panel_archived_text_unnamed:
    'This 1:1 is archived. Its history is kept; bring it back to prepare and run its sessions again.',
  panel_archived_bring_back: 'Bring back this 1:1',
  panel_new_address_title: 'A new address?',
  /** $1 the person's name (bold), $2 the guest's address Duet does not know. */
  panel_new_address_text:
    'This series is your 1:1 with $1, and its guest has that name under an address Duet doesn’t know: $2. If it is them, add it, and this meeting shows their 1:1.',
  panel_new_address_add: 'Add this address to $1',
  panel_announce_brought_back: 'This 1:1 is back, with its history.',
  panel_announce_unignored: 'Duet will consider this series again.',

  // Meet
  panel_meet_call: 'Google Meet call',
  panel_meet_prejoin: 'Duet opens here when your 1:1 call starts.',
  panel_meet_unknown: 'Duet doesn’t know this call as a 1:1.',
  panel_meet_choose: 'It is a 1:1 — choose which',
  panel_meet_linked_code: 'Found by this call’s Meet link, used for this 1:1 before.',
  panel_meet_linked_title: 'Found by the call’s title.',
  panel_meet_linked_people: 'Found by who is in the call.',
  panel_meet_wrong: 'Wrong 1:1?',
  panel_meet_auto_open: 'Open Duet by itself when a 1:1 call starts',
  panel_meet_this_call: 'This call',
  panel_meet_link_label: 'This call is the 1:1 with',
  panel_meet_link_other: 'Or it is a 1:1 Duet already knows',
  panel_meet_choose_option: 'Choose…',
  panel_meet_link_confirm: 'Link this call',

  // Session mode
  panel_session_starting: 'Starting the session…',
  panel_session_call_ended: 'This call has ended. No session was recorded for it.',
  panel_session_waiting_for: 'Waiting for $1 to join. The session and its timer start when they do.',
  panel_session_waiting:
    'Waiting for the other person to join. The session and its timer start when they do.',
  panel_session_start_now: 'Start now',
  panel_session_continue_now: 'Continue now',
  panel_session_held: 'Session held',
  panel_session_live_call: 'Live 1:1 · in call',
  panel_session_live_person: 'Live 1:1 · in person',
  panel_session_template: 'Template for this session',
  panel_session_review: 'Last time’s agreements',
  panel_session_private: 'Private notes (only you, never in summaries)',
  panel_session_notes_placeholder: 'Notes for this section…',
  panel_session_private_short: 'Private notes',
  panel_session_conflict_heading: '“$1” was also changed in another window.',
  panel_session_conflict_intro: 'Your version is on screen. Theirs:',
  panel_session_conflict: 'These notes were also changed in another window. Choose which version to keep.',
  panel_session_field_name: '“$1”',
  panel_session_not_saved: 'Not saved yet: $1. $2',
  panel_session_invalid_field:
    '$1 can’t be saved as it is ($2). What you typed stays here: change it and Duet saves it.',
  panel_session_back_summary: 'Back to the summary',
  panel_session_other_notes: 'Other notes of this session',
  panel_session_other_notes_hint: 'Written beside the Calendar event, or under another template.',
  panel_session_end_unsaved:
    'Some notes are not saved yet (see below). Nothing is lost: sort that out, then end the session.',
  panel_session_end_typing:
    'You are still typing in a box below (an agreement, a point, feedback or a step). Add it or clear it, then end the session.',
  panel_session_ended_typing:
    'The call ended while you were typing in a box below. It is still there: add it or clear it, then go back to the summary.',
  panel_session_ended_unsaved:
    'The call ended, but some notes are not saved yet. They are below and kept in this browser: see the message beside them.',
  panel_session_end_now: 'End session now',
  panel_session_end: 'End session',
  panel_session_presenting: 'Notes hidden while presenting',
  panel_session_presenting_text: 'You are sharing your screen, so Duet keeps your notes out of view.',
  panel_session_side_panel: 'Continue in side panel',
  panel_session_reveal: 'Show notes anyway',
  panel_session_made: 'Agreements made in this session',
  panel_session_prompts: 'Prompts',
  panel_session_section_notes: 'Notes: $1',
  panel_session_saved: 'All notes saved in this browser',
  panel_session_drop_reason: 'Say briefly why it is dropped.',

  // Agenda
  panel_agenda_title: 'Agenda',
  panel_agenda_all_discussed: 'all discussed',
  panel_agenda_to_go_one: '$1 to go',
  panel_agenda_to_go_other: '$1 to go',
  panel_agenda_to_go_carried_one: '$1 to go · carried over',
  panel_agenda_to_go_carried_other: '$1 to go · carried over',
  panel_agenda_empty: 'No talking points for this session.',
  panel_agenda_carries_over: '· carries over',

  // Agreement capture
  panel_capture_label: 'Capture an agreement',
  panel_capture_example_name: 'Sam',
  panel_capture_placeholder: '$1: send the draft by Friday',
  panel_capture_hint:
    'Owner first (“me:”, “$1:”, “both:”), a date anywhere (“by Friday”, “in 2 weeks”). Enter adds it.',
  panel_capture_empty: 'Type what was agreed, e.g. “Sam: send the draft by Friday”.',
  panel_capture_who: 'Who is it for? Start the line with their name, e.g. “Priya: …”, or pick an owner.',
  panel_capture_not_saved: 'That agreement was not saved. Your line is still here; try again.',
  panel_capture_owner: 'Owner',
  panel_capture_due: 'Due date',
  panel_capture_preview_due: '$1: $2, due $3',
  panel_capture_preview_no_due: '$1: $2, no due date',
  panel_capture_add: 'Add agreement',

  // Career
  panel_career_not_meeting: 'Not meeting yet',
  panel_career_assessment: 'Self-assessment against the role',
  panel_career_steps: 'Action steps for the next 6 months',
  panel_career_by: 'by $1',
  panel_career_add_label: 'Add an action step',
  panel_career_placeholder: 'e.g. Lead the Q2 planning review',
  panel_career_step_empty: 'Write the action step first.',

  // Check-in
  panel_checkin_mood: 'Mood',
  panel_checkin_mood_low: 'low',
  panel_checkin_mood_high: 'great',
  panel_checkin_workload: 'Workload',
  panel_checkin_workload_low: 'light',
  panel_checkin_workload_high: 'too much',
  panel_checkin_value: '$1 $2 of 5',

  // Feedback
  panel_feedback_empty: 'Write the feedback first.',
  panel_feedback_direction: 'Direction',
  panel_feedback_given_to: 'Given to $1',
  panel_feedback_received: 'Received',
  panel_feedback_label: 'Feedback',
  panel_feedback_keep: 'Keep feedback',
  /** A piece of feedback in the list: its direction and the day it was kept ("Given · Mar 9"). */
  panel_feedback_given_on: 'Given · $1',
  panel_feedback_received_on: 'Received · $1',
  panel_feedback_placeholder_given: 'Feedback for $1…',
  panel_feedback_placeholder_received: 'Feedback you received…',

  // Goals in a session
  panel_goals_none_session: 'No goals recorded for this 1:1 yet.',
  panel_goal_add: 'Add goal',
  panel_goal_add_label: 'New goal',
  panel_goal_placeholder: 'e.g. Cut p95 checkout latency to 300 ms',
  panel_goal_category_label: 'Category of the new goal',
  panel_goal_empty: 'Write the goal first.',
  panel_goal_kr_label: 'New key result for $1',
  panel_goal_kr_placeholder: 'Add a key result',
  panel_goal_kr_empty: 'Write the key result first.',
  panel_goal_archive: 'Archive',
  panel_goal_archive_label: 'Archive the goal $1',
  panel_goal_archived: 'Archived “$1”.',
  panel_undo: 'Undo',
  panel_career_step_done: 'Done',
  panel_career_step_done_label: 'Mark the step $1 done',
  panel_career_step_closed: 'Marked “$1” done.',
  panel_goals_status_of: 'Status of $1',

  // Summary
  panel_summary_copied_markdown: 'Copied as Markdown',
  panel_summary_copied_plain: 'Copied as a plain update',
  panel_summary_copy_failed: 'The browser did not allow copying. Select the text instead.',
  panel_summary_lead: 'Held on $1. Here is what came out of it.',
  panel_summary_copy_markdown: 'Copy as Markdown',
  panel_summary_copy_plain: 'Copy as plain update',
  panel_summary_no_notes: 'No notes were written.',
  panel_summary_made: 'Agreements made',
  panel_summary_no_agreements: 'No agreements were recorded.',
  panel_summary_closed: 'Closed',
  panel_summary_moved: 'New dates',
  panel_summary_carried: 'Carried over',
  panel_summary_all_discussed: 'Every talking point was discussed.',
  panel_summary_no_points: 'No talking points this time.',
  panel_summary_checkin: 'Check-in',
  panel_summary_checkin_markdown_only:
    'Copied with “Copy as Markdown” only: the plain update leaves mood and workload out.',
  panel_summary_goals: 'Goals',
  panel_summary_goal_done: 'Done',
  panel_summary_feedback: 'Feedback',
  panel_summary_feedback_given: 'Given',
  panel_summary_feedback_received: 'Received',
  panel_summary_assessment: 'Self-assessment',
  panel_summary_edit_notes: 'Edit notes',
  panel_summary_done: 'Done',

  // Timer
  panel_timer_label: 'Session timer',
  panel_timer_over: '· over time',
  panel_timer_soon: '· wrapping up soon',
  panel_timer_finished: 'Session finished',
  panel_timer_section_of: 'Section $1 of $2',
  panel_timer_all_sections: 'All sections',
  panel_timer_progress: 'Time in this section',
  panel_timer_total: '$1 of $2 planned',
  panel_timer_paused: '· paused',
  panel_timer_next: 'Next section',
  panel_timer_finish: 'Finish sections',
  panel_timer_skip: 'Skip',
  panel_timer_resume: 'Resume',
  panel_timer_pause: 'Pause',
  panel_timer_sections: 'Sections',
  panel_timer_step: '$1 · $2',
  panel_timer_step_planned: '$1 · $2 of $3',
  panel_timer_step_status: '$1, $2',
  panel_timer_status_done: 'done',
  panel_timer_status_skipped: 'skipped',
  panel_timer_status_current: 'current',
  panel_timer_status_upcoming: 'upcoming',
} as const;
