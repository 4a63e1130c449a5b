/** The panel's strings (components/panel: Calendar, Meet, session mode, side panel). */
export const panel = {} as const;
