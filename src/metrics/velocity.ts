import { ConfigError, describeValue } from '../internal/config-error.js';
import type { EvaluationOptions, Predicate } from '../predicate/index.js';
import { DAY_MS, readDate } from './dates.js';
import {
  compileCriterion,
  compileField,
  forEachRow,
  compileOptionalField,
  describeReading,
  readKey,
  readNumber,
  requireOptions,
  requireRows,
  type Field,
  type FieldReader,
} from './fields.js';
import { rowIssue, segmentIssue, type MetricIssue } from './issues.js';
import { mean, ratio, summarizeDays, type DurationSummary } from './stats.js';

/** The four factors of pipeline velocity; a factor that cannot be computed is undefined. */
export interface VelocityFactors {
  /** Open qualified opportunities. */
  readonly openOpportunities: number;
  /** Won ÷ (won + lost), from 0 to 1. */
  readonly winRate: number | undefined;
  /** The mean amount of won deals, in the currency of the amounts. */
  readonly averageDealSize: number | undefined;
  /** The mean days from engaged to closed (won deals, or all closed deals when `cycle` is `closed`). */
  readonly averageCycleDays: number | undefined;
}

/**
 * Computes pipeline velocity, the value the pipeline is expected to close per day:
 * open qualified opportunities × win rate × average deal size ÷ average cycle length in days.
 * Returns undefined when a factor is undefined or the cycle length is not above 0.
 *
 * @example
 * velocityOf({ openOpportunities: 40, winRate: 0.25, averageDealSize: 12_000, averageCycleDays: 60 }); // 2000 per day
 */
export function velocityOf(factors: VelocityFactors): number | undefined {
  const { openOpportunities, winRate, averageDealSize, averageCycleDays } = factors;
  if (winRate === undefined || averageDealSize === undefined || averageCycleDays === undefined) return undefined;
  if (!(averageCycleDays > 0)) return undefined;
  return (openOpportunities * winRate * averageDealSize) / averageCycleDays;
}

/** How to read opportunities for {@link pipelineVelocity}. */
export interface PipelineVelocityOptions<T> extends EvaluationOptions {
  /** Matches won opportunities, such as `equals('stage', 'Closed Won')`. */
  readonly won: Predicate<T>;
  /** Matches lost opportunities. Rows that match neither criterion are open. */
  readonly lost: Predicate<T>;
  /** Matches the open opportunities that count as qualified. Default: every open opportunity. */
  readonly qualified?: Predicate<T>;
  /** The deal amount, read on won deals. Strings count only with `parseStrings`. */
  readonly amount: Field<T>;
  /** The date the opportunity was created or first engaged, where the sales cycle starts. */
  readonly engagedAt: Field<T>;
  /** The date the opportunity was won or lost. */
  readonly closedAt: Field<T>;
  /** The segment key (ICP tier, route, region, owner). Rows without one go to the `(none)` segment. */
  readonly segment?: Field<T>;
  /** Segments to report even when they have no rows, in this order; others follow in order of appearance. */
  readonly segments?: readonly string[];
  /** The deals the cycle length averages: `won` (the default) or every `closed` deal. */
  readonly cycle?: 'won' | 'closed';
}

/** Pipeline velocity and its factors for one segment, with the counts behind them. */
export interface VelocitySegment extends VelocityFactors {
  readonly segment: string;
  /** Rows counted in the segment: open, won and lost. */
  readonly opportunities: number;
  /** Open opportunities, qualified or not. */
  readonly open: number;
  readonly won: number;
  readonly lost: number;
  /** The sum of won amounts. */
  readonly wonAmount: number;
  /** The spread of the cycle lengths that `averageCycleDays` averages. */
  readonly cycleDays: DurationSummary;
  /** Value expected to close per day, or undefined with the reason in `issues`. */
  readonly velocity: number | undefined;
  /** The reasons a factor or the velocity is undefined. */
  readonly issues: readonly MetricIssue[];
}

/** The result of {@link pipelineVelocity}. */
export interface PipelineVelocityReport {
  /** Every counted row as one segment named `(all)`. */
  readonly total: VelocitySegment;
  /** One entry per segment, empty without a `segment` field; their `opportunities` add up to `total.opportunities`. */
  readonly segments: readonly VelocitySegment[];
  /** Rows left out for bad data, each with an entry in `issues`. */
  readonly leftOut: number;
  /** One issue per bad row, plus rows whose qualification was unknown. */
  readonly issues: readonly MetricIssue[];
}

/**
 * The segment, and in {@link conversionByTier} the tier, of rows whose key is missing, blank, or
 * neither a string nor a finite number.
 *
 * @example
 * const report = pipelineVelocity(opportunities, {
 *   won: equals('stage', 'Closed Won'),
 *   lost: equals('stage', 'Closed Lost'),
 *   amount: 'amount',
 *   engagedAt: 'createdAt',
 *   closedAt: 'closedAt',
 *   segment: 'region',
 * });
 * const withoutRegion = report.segments.find((segment) => segment.segment === NO_SEGMENT);
 */
export const NO_SEGMENT = '(none)';

/** An opportunity that passed validation. */
export interface PreparedOpportunity {
  readonly row: number;
  readonly record: unknown;
  readonly status: 'open' | 'won' | 'lost';
  readonly qualified: boolean;
  /** The won amount, for won deals. */
  readonly amount: number | undefined;
  /** Days from engaged to closed, when the deal is closed and both dates are valid. */
  readonly cycleDays: number | undefined;
}

/** Opportunities validated once, so that several segmentations can share them. */
export interface PreparedOpportunities {
  readonly opportunities: readonly PreparedOpportunity[];
  readonly leftOut: number;
  readonly issues: readonly MetricIssue[];
  readonly cycle: 'won' | 'closed';
}

type VelocityRowOptions<T> = Omit<PipelineVelocityOptions<T>, 'segment' | 'segments'>;

interface CompiledOpportunityOptions {
  readonly won: (row: unknown) => string;
  readonly lost: (row: unknown) => string;
  readonly qualified: ((row: unknown) => string) | undefined;
  readonly amount: FieldReader;
  readonly engagedAt: FieldReader;
  readonly closedAt: FieldReader;
  readonly parseStrings: boolean;
  readonly cycle: 'won' | 'closed';
}

function compileOpportunityOptions<T>(api: string, options: VelocityRowOptions<T>): CompiledOpportunityOptions {
  requireOptions(api, options);
  const cycle = options.cycle ?? 'won';
  if (cycle !== 'won' && cycle !== 'closed') {
    throw new ConfigError(api, 'cycle', `expected "won" or "closed", received ${describeValue(cycle)}`);
  }
  return {
    won: compileCriterion(api, 'won', options.won, options),
    lost: compileCriterion(api, 'lost', options.lost, options),
    qualified: options.qualified === undefined ? undefined : compileCriterion(api, 'qualified', options.qualified, options),
    amount: compileField(api, 'amount', options.amount),
    engagedAt: compileField(api, 'engagedAt', options.engagedAt),
    closedAt: compileField(api, 'closedAt', options.closedAt),
    parseStrings: options.parseStrings === true,
    cycle,
  };
}

/**
 * Reads the cycle length of a closed deal in days. Returns a number, `undefined` when a date is
 * missing and `required` is false, or an issue when the dates are missing, invalid or out of order.
 */
function readCycleDays(
  record: unknown,
  row: number,
  compiled: CompiledOpportunityOptions,
  required: boolean,
): number | undefined | MetricIssue {
  const engagedValue = compiled.engagedAt.read(record);
  const closedValue = compiled.closedAt.read(record);
  const engaged = readDate(engagedValue);
  const closed = readDate(closedValue);

  for (const [reading, field, value] of [
    [engaged, compiled.engagedAt.name, engagedValue],
    [closed, compiled.closedAt.name, closedValue],
  ] as const) {
    if (reading.ok) continue;
    if (reading.reason === 'invalid') {
      return rowIssue('invalid_date', row, field, value, `${describeReading('invalid', 'an ISO 8601 date, epoch milliseconds or a Date', value)}, so the row is left out`);
    }
    if (required) {
      return rowIssue('missing_value', row, field, value, 'the date is missing on a closed deal, so the row is left out');
    }
  }
  if (!engaged.ok || !closed.ok) return undefined;
  if (closed.time < engaged.time) {
    return rowIssue(
      'closed_before_engaged',
      row,
      compiled.closedAt.name,
      closedValue,
      `closed ${new Date(closed.time).toISOString()} before it was engaged ${new Date(engaged.time).toISOString()}, so the row is left out`,
    );
  }
  return (closed.time - engaged.time) / DAY_MS;
}

function isIssue(value: unknown): value is MetricIssue {
  return typeof value === 'object' && value !== null;
}

/** Validates opportunities once: their status, qualification, won amount and cycle length. */
export function prepareOpportunities<T>(api: string, rows: readonly T[], options: VelocityRowOptions<T>): PreparedOpportunities {
  requireRows(api, rows);
  const compiled = compileOpportunityOptions(api, options);
  const opportunities: PreparedOpportunity[] = [];
  const issues: MetricIssue[] = [];
  let leftOut = 0;

  const leaveOut = (issue: MetricIssue): void => {
    issues.push(issue);
    leftOut++;
  };

  forEachRow(rows, (record, row) => {
    const won = compiled.won(record);
    const lost = compiled.lost(record);
    if (won === 'match' && lost === 'match') {
      leaveOut({ code: 'ambiguous_outcome', row, message: `row ${row}: matches both the won and the lost criterion, so the row is left out` });
      return;
    }
    if (won !== 'match' && lost !== 'match' && (won === 'unknown' || lost === 'unknown')) {
      leaveOut({
        code: 'unknown_outcome',
        row,
        message: `row ${row}: the won or lost criterion reads a missing value, so the row is left out`,
      });
      return;
    }

    if (won !== 'match' && lost !== 'match') {
      const outcome = compiled.qualified === undefined ? 'match' : compiled.qualified(record);
      if (outcome === 'unknown') {
        issues.push({
          code: 'unknown_qualification',
          row,
          message: `row ${row}: the qualified criterion reads a missing value, so the open opportunity counts as not qualified`,
        });
      }
      opportunities.push({ row, record, status: 'open', qualified: outcome === 'match', amount: undefined, cycleDays: undefined });
      return;
    }

    const status = won === 'match' ? 'won' : 'lost';
    let amount: number | undefined;
    if (status === 'won') {
      const value = compiled.amount.read(record);
      const reading = readNumber(value, compiled.parseStrings);
      if (!reading.ok) {
        const code = reading.reason === 'missing' ? 'missing_value' : 'invalid_number';
        leaveOut(rowIssue(code, row, compiled.amount.name, value, `${describeReading(reading.reason, 'a number', value)} on a won deal, so the row is left out`));
        return;
      }
      if (reading.value < 0) {
        leaveOut(rowIssue('invalid_number', row, compiled.amount.name, value, 'a won amount below 0 is not a deal size, so the row is left out'));
        return;
      }
      amount = reading.value;
    }

    const required = status === 'won' || compiled.cycle === 'closed';
    const cycleDays = readCycleDays(record, row, compiled, required);
    if (isIssue(cycleDays)) {
      leaveOut(cycleDays);
      return;
    }
    opportunities.push({ row, record, status, qualified: false, amount, cycleDays });
  });

  return { opportunities, leftOut, issues, cycle: compiled.cycle };
}

/** Computes the velocity factors of one segment's prepared opportunities. */
export function summarizeSegment(segment: string, opportunities: readonly PreparedOpportunity[], cycle: 'won' | 'closed'): VelocitySegment {
  let open = 0;
  let qualifiedOpen = 0;
  let won = 0;
  let lost = 0;
  let wonAmount = 0;
  const amounts: number[] = [];
  const cycles: number[] = [];
  for (const opportunity of opportunities) {
    if (opportunity.status === 'open') {
      open++;
      if (opportunity.qualified) qualifiedOpen++;
      continue;
    }
    if (opportunity.status === 'won') {
      won++;
      wonAmount += opportunity.amount ?? 0;
      if (opportunity.amount !== undefined) amounts.push(opportunity.amount);
    } else {
      lost++;
    }
    if (opportunity.cycleDays !== undefined && (cycle === 'closed' || opportunity.status === 'won')) {
      cycles.push(opportunity.cycleDays);
    }
  }

  const factors: VelocityFactors = {
    openOpportunities: qualifiedOpen,
    winRate: ratio(won, won + lost),
    averageDealSize: mean(amounts),
    averageCycleDays: mean(cycles),
  };
  const issues: MetricIssue[] = [];
  if (opportunities.length === 0) {
    issues.push(segmentIssue('empty_segment', segment, 'no opportunities, so there is no win rate, deal size, cycle length or velocity'));
  } else {
    if (won + lost === 0) issues.push(segmentIssue('no_closed_deals', segment, 'no won or lost deals, so there is no win rate or velocity'));
    if (won === 0 && won + lost > 0) {
      issues.push(segmentIssue('no_won_deals', segment, 'no won deals, so there is no average deal size or velocity'));
    }
    if (factors.averageCycleDays === 0) {
      issues.push(segmentIssue('zero_cycle_length', segment, 'every deal closed on the day it was engaged, so velocity would divide by zero'));
    }
  }

  return {
    segment,
    opportunities: opportunities.length,
    open,
    won,
    lost,
    wonAmount,
    ...factors,
    cycleDays: summarizeDays(cycles),
    velocity: velocityOf(factors),
    issues,
  };
}

/** Groups prepared opportunities by key, listed keys first, then keys in order of appearance. */
export function groupBy(
  opportunities: readonly PreparedOpportunity[],
  keyOf: (opportunity: PreparedOpportunity) => string,
  listed: readonly string[],
): Map<string, PreparedOpportunity[]> {
  const groups = new Map<string, PreparedOpportunity[]>();
  for (const key of listed) groups.set(key, []);
  for (const opportunity of opportunities) {
    const key = keyOf(opportunity);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [opportunity]);
    else group.push(opportunity);
  }
  return groups;
}

/**
 * Computes pipeline velocity per segment (ICP tier, route, region, owner) with each factor:
 * open qualified opportunities × win rate × average won deal size ÷ average cycle length in days.
 * Bad rows (invalid dates, a deal closed before it was engaged, a won deal without an amount)
 * are left out and listed in `issues`. A segment whose velocity does not exist has an issue
 * with the reason.
 *
 * @example
 * const report = pipelineVelocity(opportunities, {
 *   won: equals('stage', 'Closed Won'),
 *   lost: equals('stage', 'Closed Lost'),
 *   amount: 'amount',
 *   engagedAt: 'createdAt',
 *   closedAt: 'closedAt',
 *   segment: 'region',
 * });
 * report.segments[0]; // { segment: 'EMEA', openOpportunities: 12, winRate: 0.31, averageDealSize: 18_400, averageCycleDays: 74, velocity: 923.8, ... }
 */
export function pipelineVelocity<T>(opportunities: readonly T[], options: PipelineVelocityOptions<T>): PipelineVelocityReport {
  const api = 'pipelineVelocity';
  const prepared = prepareOpportunities(api, opportunities, options);
  const segment = compileOptionalField(api, 'segment', options.segment);
  const listed = options.segments ?? [];
  if (!Array.isArray(listed) || listed.some((key) => readKey(key) === undefined)) {
    throw new ConfigError(api, 'segments', `expected an array of non-blank strings, received ${describeValue(listed)}`);
  }

  if (segment === undefined && listed.length > 0) {
    throw new ConfigError(api, 'segments', 'listed segments need a segment field to sort rows into them; give segment too');
  }

  let segments: VelocitySegment[] = [];
  if (segment !== undefined) {
    const keyOf = (opportunity: PreparedOpportunity): string => readKey(segment.read(opportunity.record)) ?? NO_SEGMENT;
    const groups = groupBy(prepared.opportunities, keyOf, listed);
    segments = [...groups].map(([key, group]) => summarizeSegment(key, group, prepared.cycle));
  }

  return {
    total: summarizeSegment('(all)', prepared.opportunities, prepared.cycle),
    segments,
    leftOut: prepared.leftOut,
    issues: prepared.issues,
  };
}
