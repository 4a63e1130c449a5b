/** Email addresses as Google uses them for calendars and guests. Pure: no DOM, no browser APIs. */

/** An address as Gmail delivers it: Gmail ignores dots and +tags, and googlemail.com is gmail.com. */
export function canonicalEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  const domain = lower.slice(at + 1);
  if (at < 0 || (domain !== 'gmail.com' && domain !== 'googlemail.com')) return lower;
  return `${lower.slice(0, at).split('+')[0]!.replaceAll('.', '')}@gmail.com`;
}

/**
 * The owner's address of a calendar as a chip's id names it (Google abbreviates gmail.com as `@m`), or null
 * when the calendar is no person's (a group calendar `…@g`, an imported one).
 */
export function calendarOwnerEmail(calendarId: string): string | null {
  if (
    !calendarId.includes('@') ||
    /@(g|group\.calendar\.google\.com|import\.calendar\.google\.com)$/.test(calendarId)
  )
    return null;
  return calendarId.replace(/@m$/, '@gmail.com').toLowerCase();
}

/** Whether a chip's calendar id is this person's calendar (`@m`, letter case, Gmail's dots and +tags). */
export function isCalendarOf(calendarId: string, email: string): boolean {
  const owner = calendarOwnerEmail(calendarId);
  return owner !== null && canonicalEmail(owner) === canonicalEmail(email);
}

/**
 * Whether a 1:1 whose people have these addresses is someone else's than a meeting with these guests: its
 * people have addresses, none of them a guest's (a slot of Bob's series handed to Carol). No guests known, or
 * people without addresses: nothing says so (false).
 */
export function peopleNotAmongGuests(
  peopleEmails: readonly string[],
  guestEmails: readonly string[],
): boolean {
  if (guestEmails.length === 0 || peopleEmails.length === 0) return false;
  // As detection compares them: Alice.Smith@gmail.com is alicesmith@gmail.com.
  const guests = new Set(guestEmails.map(canonicalEmail));
  return !peopleEmails.some((email) => guests.has(canonicalEmail(email)));
}
