/**
 * Whether typed text says anything: JavaScript's `trim()` keeps format characters such as the zero-width
 * space (U+200B), joiners (U+200C, U+200D), the word joiner (U+2060) and the byte-order mark (U+FEFF), so
 * a name pasted as only those would look filled in while showing nothing. Pure, for lib/db and the UI alike.
 */
const BLANK = /^[\p{White_Space}\p{Cf}]*$/u;

/** True when `text` is empty or only white space and invisible format characters (\p{White_Space}, \p{Cf}). */
export function isBlank(text: string): boolean {
  return BLANK.test(text);
}

/**
 * How long `text` is as it would be stored (trimmed), when that is more than `max`; null when it fits.
 * For messages that name both the limit and the length ("up to 1,000 characters; this one has 1,204").
 */
export function lengthOver(text: string, max: number): number | null {
  const length = text.trim().length;
  return length > max ? length : null;
}
