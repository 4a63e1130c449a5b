// Small statistics helpers for benchmarks.
/** @param {number[]} values @param {number} p 0..1 */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return /** @type {number} */ (sorted[index]);
}
/** @param {number} ms */
export const fmt = (ms) => `${ms.toFixed(1)} ms`;
