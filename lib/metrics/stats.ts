/**
 * Median of numbers (midway between the middle two for an even count), null for none. Interpolated as
 * lo + (hi - lo) * 0.5, the arithmetic of PostgreSQL's percentile_cont, so that both give the same double.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : midway(sorted[middle - 1], sorted[middle]);
}

const midway = (lo: number, hi: number) => lo + (hi - lo) * 0.5;

/**
 * Median of integer values given as value -> count, the same as `median` over the expanded list. Rollups keep
 * histograms because medians of parts do not add up to the median of the whole.
 */
export function medianOfHistogram(histogram: Readonly<Record<number, number>>): number | null {
  const entries = Object.entries(histogram)
    .map(([value, count]) => [Number(value), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((n, [, count]) => n + count, 0);
  if (total === 0) return null;
  const valueAt = (position: number) => {
    let seen = 0;
    for (const [value, count] of entries) {
      seen += count;
      if (position < seen) return value;
    }
    throw new Error('position beyond the histogram');
  };
  const middle = total >> 1;
  return total % 2 ? valueAt(middle) : midway(valueAt(middle - 1), valueAt(middle));
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Adds histogram b into a. */
export function mergeHistogram(into: Record<number, number>, from: Readonly<Record<number, number>>): void {
  for (const [value, count] of Object.entries(from)) into[Number(value)] = (into[Number(value)] ?? 0) + count;
}
