/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Ranks values, best first (lowest first when higher is worse): equal values share a rank, the
 * next rank skips (1, 2, 2, 4). The percentile is the share of the other areas doing worse (0–100).
 */
export function rankValues(values: readonly number[], higherIsBetter: boolean): { rank: number; percentile: number }[] {
  // Counted by binary search in the sorted values: n log n, so the whole country ranks at once.
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  /** How many values are below `value` (or, with `orEqual`, not above it). */
  const countBelow = (value: number, orEqual: boolean) => {
    let [low, high] = [0, n];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! < value || (orEqual && sorted[middle] === value)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return values.map((value) => {
    const [below, above] = [countBelow(value, false), n - countBelow(value, true)];
    const [ahead, behind] = higherIsBetter ? [above, below] : [below, above];
    return { rank: ahead + 1, percentile: n > 1 ? Math.round((1000 * behind) / (n - 1)) / 10 : 100 };
  });
}

/** Differences rounded to the data's precision, so 1.78 − 1.63 reads 0.15, not 0.15000000000000002. */
export function difference(a: number, b: number | null): number | null {
  return b === null ? null : Math.round((a - b) * 10_000) / 10_000;
}
