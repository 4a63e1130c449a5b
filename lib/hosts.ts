/** The only two sites Duet reads. Used by the manifest, the content scripts and sender classification. */
export const CALENDAR_ORIGIN = 'https://calendar.google.com';
export const MEET_ORIGIN = 'https://meet.google.com';
export const GOOGLE_ORIGINS = [CALENDAR_ORIGIN, MEET_ORIGIN] as const;
export const CALENDAR_MATCHES = [`${CALENDAR_ORIGIN}/*`];
export const MEET_MATCHES = [`${MEET_ORIGIN}/*`];
export const GOOGLE_HOST_PATTERNS = [...CALENDAR_MATCHES, ...MEET_MATCHES] as const;

/**
 * Which signed-in Google account a Calendar page is for: the `N` of `/calendar/u/N/…`, or null when the URL
 * names none (Calendar then shows the first account). `/calendar/b/N/` (brand accounts) counts differently,
 * so it is not read as an account.
 */
export function calendarAccountOf(url: string | undefined): number | null {
  const match = /^https:\/\/calendar\.google\.com\/calendar\/u\/(\d{1,2})(?:[/?#]|$)/.exec(url ?? '');
  return match ? Number(match[1]) : null;
}

/** The path prefix of a Calendar URL for that account (`/calendar/u/1`), or `/calendar` for none. */
export function calendarBase(account: number | null): string {
  return account === null ? `${CALENDAR_ORIGIN}/calendar` : `${CALENDAR_ORIGIN}/calendar/u/${account}`;
}
