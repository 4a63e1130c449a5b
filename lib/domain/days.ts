/**
 * Calendar days (`YYYY-MM-DD`) in the user's local time. Due dates are days, not instants, so a DST
 * change or a move to another time zone never shifts an agreement to another day (SECURITY.md item 21).
 */
export type Day = string;

const pad = (value: number) => String(value).padStart(2, '0');

/** The local calendar day of an instant. */
export function dayOf(instant: number | Date): Day {
  const date = instant instanceof Date ? instant : new Date(instant);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function parts(day: Day): [number, number, number] {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return [year, month, date];
}

/** Adds whole days using calendar arithmetic (UTC under the hood, so DST cannot add or lose an hour). */
export function addDays(day: Day, days: number): Day {
  const [year, month, date] = parts(day);
  const shifted = new Date(Date.UTC(year, month - 1, date + days));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Monday-to-Sunday week containing `day`: [first, last]. */
export function weekOf(day: Day): [Day, Day] {
  const [year, month, date] = parts(day);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay(); // 0 = Sunday
  const sinceMonday = (weekday + 6) % 7;
  const monday = addDays(day, -sinceMonday);
  return [monday, addDays(monday, 6)];
}
