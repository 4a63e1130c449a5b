/**
 * The content scripts' strings (lib/content: Calendar badges, "Open in Duet", the panel's rail). Content
 * scripts read them with `browser.i18n.getMessage` (lib/content/i18n.ts) and never import the catalog.
 */
export const content = {
  content_badge_kind_1on1: '1:1',
  content_badge_kind_2on1: '2-1',
  content_badge_kind_skip_level: 'Skip',
  content_badge_kind_peer: 'Peer',
  content_badge_kind_career: 'Career',
  // The badge's accessible name: $1 is the kind as the badge shows it ("1:1"), $2 the open-agreement count.
  content_badge_label: 'Open $1 in Duet',
  content_badge_label_open_one: 'Open $1 in Duet, $2 open agreement',
  content_badge_label_open_other: 'Open $1 in Duet, $2 open agreements',
  content_badge_label_likely: 'Open $1 in Duet (detected from the title)',
  content_badge_label_likely_open_one: 'Open $1 in Duet (detected from the title), $2 open agreement',
  content_badge_label_likely_open_other: 'Open $1 in Duet (detected from the title), $2 open agreements',
  // The badge's tooltip: $1 is the open-agreement count.
  content_badge_title: 'Open in Duet',
  content_badge_title_open_one: 'Open in Duet, $1 open agreement',
  content_badge_title_open_other: 'Open in Duet, $1 open agreements',
  content_badge_title_likely: 'Open in Duet (detected from the title)',
  content_badge_title_likely_open_one: 'Open in Duet (detected from the title), $1 open agreement',
  content_badge_title_likely_open_other: 'Open in Duet (detected from the title), $1 open agreements',
  content_open_in_duet: 'Open in Duet',
  content_open_in_duet_title: 'Open this meeting in Duet (Alt+Shift+D)',
  content_panel_frame_title: 'Duet',
  content_panel_rail_label: 'DUET',
  content_panel_close: 'Close Duet panel',
  content_panel_close_short: 'Close',
  content_panel_expand: 'Expand Duet panel',
  content_panel_expand_short: 'Expand',
  content_panel_collapse: 'Collapse Duet panel',
  content_panel_collapse_short: 'Collapse',
} as const;

export type ContentMessageKey = keyof typeof content;
/** The base of each `_one` / `_other` pair. */
export type ContentPluralKey = {
  [K in ContentMessageKey]: K extends `${infer Base}_one`
    ? `${Base}_other` extends ContentMessageKey
      ? Base
      : never
    : never;
}[ContentMessageKey];
