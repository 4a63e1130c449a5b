/** Plain protocol constants (no zod: content scripts import them). */
/** Background → Calendar content script: badges may be stale (a panel changed the data). */
export const REFRESH_BADGES = 'calendar/refresh-badges';
/** Background → Calendar content script: the user pressed Duet's keyboard shortcut. */
export const OPEN_PANEL_SHORTCUT = 'calendar/open-panel-shortcut';
/** The `commands` entry for that shortcut (manifest). */
export const OPEN_PANEL_COMMAND = 'open-panel';
/** The browser's side panel page (in no tab: it names the tab it shows in its messages). */
export const SIDE_PANEL_PAGE = 'sidepanel.html';
