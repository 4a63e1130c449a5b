/** The background's strings: notifications and the toolbar badge's title. */
export const background = {} as const;
