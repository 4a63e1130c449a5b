/** The panel opened for one person from the popup (components/panel/relationship). */
export const relationship = {
  rel_missing:
    'This 1:1 is no longer in Duet (it may have been merged or deleted). Open the popup to pick another.',
  rel_untitled: 'Untitled 1:1',
  rel_next_session: 'Next 1:1: $1',
  rel_no_next_session: 'No next 1:1 planned yet.',
} as const;
