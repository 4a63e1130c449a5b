/** The panel opened for one person from the popup (components/panel/relationship). */
export const relationship = {
  rel_missing:
    'This 1:1 is no longer in Duet (it may have been merged or deleted). Open the popup to pick another.',
  rel_untitled: 'Untitled 1:1',
  rel_next_session: 'Next 1:1: $1',
  rel_no_next_session: 'No next 1:1 planned yet.',
  rel_agreement_done: 'Agreement marked done.',
  rel_agreement_renegotiated: 'Agreement renegotiated.',
  rel_agreement_dropped: 'Agreement dropped.',
  rel_pick_due: 'Pick the new due date.',
  rel_point_added: 'Talking point added.',
  rel_point_empty: 'Write the talking point first.',
  rel_point_moved: 'Moved: now $1 of $2.',
  rel_point_discussed: 'Talking point marked discussed.',
  rel_point_dropped: 'Talking point dropped.',
} as const;
