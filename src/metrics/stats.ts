/**
 * Returns the `p` quantile (0 to 1) of ascending `sorted` values with linear interpolation
 * between closest ranks, the method of numpy's default and Excel's PERCENTILE.INC.
 * Returns undefined for an empty list.
 */
export function quantile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

/** Returns the arithmetic mean, or undefined for an empty list. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Returns `numerator / denominator`, or undefined when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | undefined {
  return denominator === 0 ? undefined : numerator / denominator;
}

/** A distribution of durations in days: how many, the median and the 90th percentile. */
export interface DurationSummary {
  readonly count: number;
  /** The median in days, or undefined when `count` is 0. */
  readonly median: number | undefined;
  /** The 90th percentile in days (linear interpolation), or undefined when `count` is 0. */
  readonly p90: number | undefined;
}

/** Summarizes durations in days by count, median and 90th percentile. */
export function summarizeDays(days: readonly number[]): DurationSummary {
  const sorted = [...days].sort((a, b) => a - b);
  return { count: sorted.length, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
}
