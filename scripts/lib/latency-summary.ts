/** Percentiles of measured times, the way every benchmark here reports them. */

/**
 * The nearest-rank percentile of values sorted in ascending order: the
 * smallest value that at least p% of the values do not exceed. NaN when there
 * are none.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** p50, p95, p99 and the maximum of unsorted samples (left as they are). */
export function summariseLatencies(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const values = Array.from(sorted);
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length > 0 ? (values[values.length - 1] ?? Number.NaN) : Number.NaN,
  };
}
