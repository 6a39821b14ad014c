import { ConfigError, describeValue } from '../internal/config-error.js';
import {
  compileField,
  forEachRow,
  describeReading,
  readFlag,
  readKey,
  readNumber,
  requireOptions,
  requireRows,
  type Field,
} from './fields.js';
import { rowIssue, segmentIssue, type MetricIssue } from './issues.js';
import { ratio } from './stats.js';
import { NO_SEGMENT } from './velocity.js';

/** Options for {@link conversionByTier}. */
export interface TierConversionOptions<T> {
  /** The lead's tier, such as `(lead) => card.score(lead).tier`. Leads without one go to the `(none)` tier. */
  readonly tier: Field<T>;
  /** Whether the lead converted: a boolean, or 1 and 0. */
  readonly converted: Field<T>;
  /** Tiers to report even when empty, in this order (such as a scorecard's tier names); others follow in order of appearance. */
  readonly tiers?: readonly string[];
  /** Read `"true"`, `"yes"`, `"1"` and their opposites as flags, for CSV input. */
  readonly parseStrings?: boolean;
}

/** Conversion of one tier, with its lift over the base rate. */
export interface TierConversion {
  readonly tier: string;
  readonly leads: number;
  readonly converted: number;
  /** `converted` ÷ `leads`, from 0 to 1; undefined for an empty tier. */
  readonly rate: number | undefined;
  /** `rate` ÷ the base rate; 2 means the tier converts twice as often as leads overall. */
  readonly lift: number | undefined;
}

/** The result of {@link conversionByTier}. */
export interface TierConversionReport {
  readonly leads: number;
  readonly converted: number;
  /** Conversion over every counted lead; undefined when no lead is counted. */
  readonly baseRate: number | undefined;
  /** One entry per tier; their `leads` add up to `leads`. */
  readonly tiers: readonly TierConversion[];
  readonly leftOut: number;
  readonly issues: readonly MetricIssue[];
}

/**
 * Measures conversion per score tier, with each tier's lift over the base rate.
 * A lead whose outcome is missing or not a flag is left out and listed in `issues`.
 *
 * @example
 * const report = conversionByTier(leads, { tier: (lead) => card.score(lead).tier, converted: 'converted', tiers: ['A', 'B', 'C'] });
 * report.tiers[0]; // { tier: 'A', leads: 310, converted: 124, rate: 0.4, lift: 3.2 }
 */
export function conversionByTier<T>(leads: readonly T[], options: TierConversionOptions<T>): TierConversionReport {
  const api = 'conversionByTier';
  requireRows(api, leads);
  requireOptions(api, options);
  const tier = compileField(api, 'tier', options.tier);
  const converted = compileField(api, 'converted', options.converted);
  const listed = options.tiers ?? [];
  if (!Array.isArray(listed) || listed.some((name) => readKey(name) === undefined)) {
    throw new ConfigError(api, 'tiers', `expected an array of non-blank strings, received ${describeValue(listed)}`);
  }
  const parseStrings = options.parseStrings === true;

  const groups = new Map<string, { leads: number; converted: number }>();
  for (const name of listed) groups.set(name, { leads: 0, converted: 0 });
  const issues: MetricIssue[] = [];
  let counted = 0;
  let positives = 0;

  forEachRow(leads, (lead, row) => {
    const value = converted.read(lead);
    const reading = readFlag(value, parseStrings);
    if (!reading.ok) {
      const code = reading.reason === 'missing' ? 'missing_value' : 'invalid_flag';
      issues.push(rowIssue(code, row, converted.name, value, `${describeReading(reading.reason, 'true, false, 1 or 0', value)}, so the lead is left out`));
      return;
    }
    const key = readKey(tier.read(lead)) ?? NO_SEGMENT;
    let group = groups.get(key);
    if (group === undefined) {
      group = { leads: 0, converted: 0 };
      groups.set(key, group);
    }
    group.leads++;
    counted++;
    if (reading.value) {
      group.converted++;
      positives++;
    }
  });

  const baseRate = ratio(positives, counted);
  if (counted > 0 && positives === 0) {
    issues.push(segmentIssue('zero_base_rate', '(all)', 'no lead converted, so no tier has a lift'));
  }
  const tiers = [...groups].map(([name, group]): TierConversion => {
    const rate = ratio(group.converted, group.leads);
    if (group.leads === 0) issues.push(segmentIssue('empty_segment', name, 'no leads, so there is no conversion rate'));
    return {
      tier: name,
      leads: group.leads,
      converted: group.converted,
      rate,
      lift: rate === undefined || baseRate === undefined ? undefined : ratio(rate, baseRate),
    };
  });

  return { leads: counted, converted: positives, baseRate, tiers, leftOut: leads.length - counted, issues };
}

/** Options for {@link rocAuc}. */
export interface RocAucOptions<T> {
  /** The score to rank by; higher means more likely to convert. */
  readonly score: Field<T>;
  /** Whether the row converted: a boolean, or 1 and 0. */
  readonly outcome: Field<T>;
  /** Read numeric strings as scores and `"true"`, `"1"` and their opposites as outcomes, for CSV input. */
  readonly parseStrings?: boolean;
}

/** The result of {@link rocAuc}. */
export interface RocAucReport {
  /**
   * The area under the ROC curve, from 0 to 1: the chance that a random converted row outscores
   * a random non-converted one, ties counting half. Undefined without both kinds of rows.
   */
  readonly auc: number | undefined;
  readonly positives: number;
  readonly negatives: number;
  readonly leftOut: number;
  readonly issues: readonly MetricIssue[];
}

/**
 * Computes the ROC AUC of a score against an outcome, by the Mann-Whitney rank sum with
 * tied scores given their average rank. Rows with a missing or invalid score or outcome are
 * left out and listed in `issues`.
 *
 * @example
 * rocAuc(leads, { score: (lead) => card.total(lead), outcome: 'converted' }).auc; // 0.83
 */
export function rocAuc<T>(rows: readonly T[], options: RocAucOptions<T>): RocAucReport {
  const api = 'rocAuc';
  requireRows(api, rows);
  requireOptions(api, options);
  const score = compileField(api, 'score', options.score);
  const outcome = compileField(api, 'outcome', options.outcome);
  const parseStrings = options.parseStrings === true;

  const pairs: { readonly score: number; readonly positive: boolean }[] = [];
  const issues: MetricIssue[] = [];
  forEachRow(rows, (record, row) => {
    const scoreValue = score.read(record);
    const scoreReading = readNumber(scoreValue, parseStrings);
    if (!scoreReading.ok) {
      const code = scoreReading.reason === 'missing' ? 'missing_value' : 'invalid_number';
      issues.push(rowIssue(code, row, score.name, scoreValue, `${describeReading(scoreReading.reason, 'a number', scoreValue)}, so the row is left out`));
      return;
    }
    const outcomeValue = outcome.read(record);
    const outcomeReading = readFlag(outcomeValue, parseStrings);
    if (!outcomeReading.ok) {
      const code = outcomeReading.reason === 'missing' ? 'missing_value' : 'invalid_flag';
      issues.push(rowIssue(code, row, outcome.name, outcomeValue, `${describeReading(outcomeReading.reason, 'true, false, 1 or 0', outcomeValue)}, so the row is left out`));
      return;
    }
    pairs.push({ score: scoreReading.value, positive: outcomeReading.value });
  });

  pairs.sort((a, b) => a.score - b.score);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < pairs.length; ) {
    let end = start;
    while (end + 1 < pairs.length && pairs[end + 1]!.score === pairs[start]!.score) end++;
    // Ranks are 1-based; tied scores share the mean of the ranks they span.
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) {
      if (pairs[i]!.positive) {
        positives++;
        positiveRankSum += rank;
      }
    }
    start = end + 1;
  }
  const negatives = pairs.length - positives;
  if (positives === 0) issues.push(segmentIssue('no_positives', '(all)', 'no row has a positive outcome, so there is no AUC'));
  if (negatives === 0) issues.push(segmentIssue('no_negatives', '(all)', 'no row has a negative outcome, so there is no AUC'));
  const auc =
    positives === 0 || negatives === 0 ? undefined : (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);

  return { auc, positives, negatives, leftOut: rows.length - pairs.length, issues };
}
