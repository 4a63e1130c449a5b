/** The only two sites Duet reads. Used by the manifest, the content scripts and sender classification. */
export const CALENDAR_ORIGIN = 'https://calendar.google.com';
export const MEET_ORIGIN = 'https://meet.google.com';
export const GOOGLE_ORIGINS = [CALENDAR_ORIGIN, MEET_ORIGIN] as const;
export const CALENDAR_MATCHES = [`${CALENDAR_ORIGIN}/*`];
export const MEET_MATCHES = [`${MEET_ORIGIN}/*`];
export const GOOGLE_HOST_PATTERNS = [...CALENDAR_MATCHES, ...MEET_MATCHES] as const;
