/** The kind of problem, as a stable snake_case code that callers can switch on. */
export type MetricIssueCode =
  /** A row lacks a value the metric needs; the row is left out. */
  | 'missing_value'
  /** A value that should be a number is not one; the row is left out. */
  | 'invalid_number'
  /** A value that should be an outcome flag is not true, false, 1 or 0; the row is left out. */
  | 'invalid_flag'
  /** A value that should be a date is not an ISO string, epoch milliseconds or a valid `Date`. */
  | 'invalid_date'
  /** An opportunity's close date is before its engage date; the row is left out. */
  | 'closed_before_engaged'
  /** A lead reached a funnel stage before the stage listed ahead of it; the lead is left out. */
  | 'stage_out_of_order'
  /** An activity is dated after the injected `now`; the row is left out. */
  | 'date_after_now'
  /** The won or lost criterion could not be decided for missing data; the row is left out. */
  | 'unknown_outcome'
  /** An opportunity matches both the won and the lost criterion; the row is left out. */
  | 'ambiguous_outcome'
  /** The qualified criterion could not be decided; the open opportunity counts as not qualified. */
  | 'unknown_qualification'
  /** A segment has no rows, so none of its rates exist. */
  | 'empty_segment'
  /** A segment has no won or lost deals, so it has no win rate. */
  | 'no_closed_deals'
  /** A segment has no won deals, so it has no average deal size (and, by default, no cycle length). */
  | 'no_won_deals'
  /** A segment's average sales cycle is 0 days, so velocity would divide by zero. */
  | 'zero_cycle_length'
  /** No row has a positive outcome, so the rate or AUC does not exist. */
  | 'no_positives'
  /** No row has a negative outcome, so the AUC does not exist. */
  | 'no_negatives'
  /** The overall conversion rate is 0, so no lift over it exists. */
  | 'zero_base_rate';

/**
 * A problem found in the data, returned rather than thrown. Row problems carry the row's index
 * in the input array and the field; segment problems carry the segment.
 */
export interface MetricIssue {
  readonly code: MetricIssueCode;
  /** A sentence for people, naming the row or segment and what was done about it. */
  readonly message: string;
  /** The index of the row in the input array. */
  readonly row?: number;
  /** The field path (or `accessor` for a function) that held the bad value. */
  readonly field?: string;
  /** The value read from the row, as it was. */
  readonly received?: unknown;
  /** The segment the issue belongs to. */
  readonly segment?: string;
}

/**
 * Builds the issue for one bad row. The message starts with the row and the field, followed by
 * `problem`: what is wrong and what was done, such as `expected a number, received "n/a", so
 * the row is left out`.
 */
export function rowIssue(code: MetricIssueCode, row: number, field: string, received: unknown, problem: string): MetricIssue {
  return { code, row, field, received, message: `row ${row}: ${field}: ${problem}` };
}

/** Builds the issue for a segment whose metric does not exist. */
export function segmentIssue(code: MetricIssueCode, segment: string, problem: string): MetricIssue {
  return { code, segment, message: `segment ${JSON.stringify(segment)}: ${problem}` };
}
