/**
 * Google Calendar shows times in its own time-zone setting, which need not be this computer's: a traveller
 * who kept the home zone sees "10am" for a meeting that starts at 4pm where the computer is. A chip says its
 * day and wall time; a recurring instance's id also says when it starts, in UTC (`…_20260323T170000Z`,
 * GOOGLE-DOM.md §1.7). For every instance Calendar did not move, the chip's wall time read in this computer's
 * zone minus that start is the same number: how far Calendar's clock is from this computer's (the skew).
 * Learned from the instances of a batch of chips, it turns any chip's wall time — moved instances and single
 * events too — into the instant it means. Pure; the background keeps the skew per signed-in account.
 */

const MINUTE = 60_000;
/** Zones run from UTC−12 to UTC+14: two of them are at most 26 hours apart (27 with summer time). */
const MAX_SKEW = 27 * 60 * MINUTE;
/** Every zone's offset is a whole number of quarter hours. */
const SKEW_STEP = 15 * MINUTE;

/**
 * One chip's evidence: its wall time as an instant in this computer's zone minus its instance's start (ms);
 * null when the chip has no instance start or the difference cannot be a zone's.
 */
export function skewSample(wallInstant: number | null, instanceStart: number | null): number | null {
  if (wallInstant === null || instanceStart === null) return null;
  const sample = wallInstant - instanceStart;
  return Math.abs(sample) <= MAX_SKEW && sample % SKEW_STEP === 0 ? sample : null;
}

/**
 * The skew the chips agree on: the most common sample, given by at least two chips and by more than half
 * of them (a moved instance gives a sample of its own). Null when the batch cannot tell.
 */
export function agreedSkew(samples: readonly (number | null)[]): number | null {
  const counts = new Map<number, number>();
  let total = 0;
  for (const sample of samples) {
    if (sample === null) continue;
    total += 1;
    counts.set(sample, (counts.get(sample) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [sample, count] of counts) {
    if (count > bestCount) [best, bestCount] = [sample, count];
  }
  return bestCount >= 2 && bestCount * 2 > total ? best : null;
}

/**
 * When a chip's event starts. An instance where Calendar shows it (its sample is the skew) starts exactly
 * when its id says — right across a summer-time change; anything else starts at its wall time less the
 * skew; with no wall time, at its instance start; null when neither is known.
 */
export function chipStart(
  wallInstant: number | null,
  instanceStart: number | null,
  skew: number,
): number | null {
  if (wallInstant === null) return instanceStart;
  if (instanceStart !== null && wallInstant - instanceStart === skew) return instanceStart;
  return wallInstant - skew;
}
