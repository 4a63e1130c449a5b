/** The toolbar popup's strings (components/popup). */
export const popup = {} as const;
