/**
 * Google Calendar shows times in its own time-zone setting, which need not be this computer's: a traveller
 * who kept the home zone sees "10am" for a meeting that starts at 4pm where the computer is. A chip says its
 * day and wall time; a recurring instance's id also says when it starts, in UTC (`…_20260323T170000Z`,
 * GOOGLE-DOM.md §1.7). For every instance Calendar did not move, the chip's wall time read in this computer's
 * zone minus that start is the same number: how far Calendar's clock is from this computer's (the skew).
 * Read from the instances of a batch of chips, it turns any chip's wall time — moved instances and single
 * events too — into the instant it means. Pure; the background keeps the skew per signed-in account.
 *
 * Evidence is counted per series: one series' instances are one vote, so a daily standup or the same
 * instance shown in two overlaid calendars cannot outvote the rest, and a moved instance (its own sample)
 * cannot make a skew alone. Where this computer's zone and Calendar's change summer time on different dates,
 * the instances on the other side of the change agree on a skew one hour off: where two instances or more
 * show it, each of them before or after all the rest, it is accepted too, and a chip without an instance (or a
 * moved one) takes the skew of the nearest instances.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Zones run from UTC−12 to UTC+14: two of them are at most 26 hours apart (27 with summer time). */
export const MAX_SKEW = 27 * HOUR;
/** Every zone's offset is a whole number of quarter hours. */
const SKEW_STEP = 15 * MINUTE;
/** A skew the chips agree on without an earlier one to go by: this many series at least. */
export const MIN_SERIES = 2;
/** A skew that overrules the one learned before (the same account's Calendar): this many series at least. */
export const MIN_SERIES_TO_CHANGE = 3;

/** What a timed chip says about its time: its wall time read in this computer's zone, its instance start. */
export interface ChipTime {
  /** The recurring series (or the event itself): one vote per series. */
  seriesId: string;
  /** The chip's day and time as an instant in this computer's zone (ms), if shown. */
  wall: number | null;
  /** The instance id's start (ms), for an instance of a recurring series. */
  instance: number | null;
}

/** One chip's evidence: wall time minus instance start, or null when it cannot be a zone's difference. */
export function skewSample(wallInstant: number | null, instanceStart: number | null): number | null {
  if (wallInstant === null || instanceStart === null) return null;
  const sample = wallInstant - instanceStart;
  return Math.abs(sample) <= MAX_SKEW && sample % SKEW_STEP === 0 ? sample : null;
}

/** Calendar's clock as read from a batch of chips. */
export interface ClockReading {
  /** The skew chips without evidence of their own are read with (the batch's, else the one learned before). */
  skew: number;
  /** The batch's skew, to remember for the account; null when the batch did not settle one. */
  learned: number | null;
  /** Skews accepted for unmoved instances (the skew, and an hour either side where instances agree on it). */
  accepted: readonly { skew: number; starts: readonly number[] }[];
}

/**
 * Reads Calendar's clock from a batch of chips. `before` is the skew learned from earlier batches of the same
 * account, if any: a batch settles a skew of its own when it is the most common among at least
 * `MIN_SERIES` series and more than half of the series with evidence — and, to differ from `before`, among
 * at least `MIN_SERIES_TO_CHANGE`.
 */
export function readClock(chips: readonly ChipTime[], before: number | null): ClockReading {
  /** Skew → the series that show it, and their instances' starts. */
  const bySkew = new Map<number, { series: Set<string>; starts: number[] }>();
  const series = new Set<string>();
  for (const chip of chips) {
    const sample = skewSample(chip.wall, chip.instance);
    if (sample === null) continue;
    series.add(chip.seriesId);
    const entry = bySkew.get(sample) ?? { series: new Set<string>(), starts: [] };
    entry.series.add(chip.seriesId);
    entry.starts.push(chip.instance!);
    bySkew.set(sample, entry);
  }
  let best: number | null = null;
  let bestSeries = 0;
  for (const [sample, { series: shown }] of bySkew) {
    if (shown.size > bestSeries) [best, bestSeries] = [sample, shown.size];
  }
  const settled = best !== null && bestSeries >= MIN_SERIES && bestSeries * 2 > series.size;
  const learned =
    settled && (before === null || best === before || bestSeries >= MIN_SERIES_TO_CHANGE) ? best : null;
  const skew = learned ?? before ?? 0;
  const main = bySkew.get(skew)?.starts ?? [];
  const accepted = [{ skew, starts: main }];
  for (const other of skew === 0 ? [] : [skew - HOUR, skew + HOUR]) {
    const starts = bySkew.get(other)?.starts ?? [];
    if (starts.length >= 2 && apart(starts, main)) accepted.push({ skew: other, starts });
  }
  return { skew, learned, accepted };
}

/**
 * Whether every one of some instants lies outside the span of the others: before it or after it, as the
 * sides of summer-time changes do. (At home, where Calendar and the computer share a zone, the skew is 0 and
 * no side is an hour off: two instances moved by an hour are moved, not a change of clocks.)
 */
function apart(some: readonly number[], others: readonly number[]): boolean {
  if (others.length === 0) return true;
  const [first, last] = [Math.min(...others), Math.max(...others)];
  return some.every((instant) => instant < first || instant > last);
}

/**
 * When a chip's event starts. An instance where Calendar shows it (its sample is an accepted skew) starts
 * exactly when its id says; anything else starts at its wall time less the skew of the nearest instances
 * (the reading's skew when the batch has none); with no wall time, at its instance start; null when neither.
 */
export function chipStart(chip: ChipTime, clock: ClockReading): number | null {
  const { wall, instance } = chip;
  if (wall === null) return instance;
  const sample = skewSample(wall, instance);
  if (instance !== null && clock.accepted.some(({ skew }) => skew === sample)) return instance;
  let skew = clock.skew;
  let nearest = Infinity;
  for (const group of clock.accepted) {
    for (const start of group.starts) {
      const distance = Math.abs(wall - group.skew - start);
      if (distance < nearest) [nearest, skew] = [distance, group.skew];
    }
  }
  return wall - skew;
}

/** A clock read from nothing: this skew for every chip. */
export function fixedClock(skew: number): ClockReading {
  return { skew, learned: null, accepted: [{ skew, starts: [] }] };
}
