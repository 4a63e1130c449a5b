/** The options page's strings (components/options). */
export const options = {} as const;
