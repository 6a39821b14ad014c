import { ConfigError, describeValue } from '../internal/config-error.js';
import { DAY_MS, readDate } from './dates.js';
import { compileField, forEachRow, describeReading, requireOptions, requireRows, type Field, type FieldReader } from './fields.js';
import { rowIssue, type MetricIssue } from './issues.js';
import { ratio, summarizeDays, type DurationSummary } from './stats.js';

/** A funnel stage: its name and the field holding the date a lead reached it. */
export interface FunnelStage<T> {
  readonly name: string;
  /** The date the lead reached the stage, such as HubSpot's `hs_lifecyclestage_marketingqualifiedlead_date`. */
  readonly reachedAt: Field<T>;
}

/** Options for {@link funnel}. */
export interface FunnelOptions<T> {
  /** The stages in funnel order, from the first (such as lead) to the last (such as won). */
  readonly stages: readonly FunnelStage<T>[];
}

/** How many leads reached a stage, and the share of the previous and the first stage. */
export interface FunnelStageResult {
  readonly name: string;
  /** Leads with a date for this stage or any later one: a lead that skipped a stage passed through it. */
  readonly count: number;
  /** `count` ÷ the previous stage's count; undefined for the first stage or after an empty stage. */
  readonly conversionFromPrevious: number | undefined;
  /** `count` ÷ the first stage's count; undefined when the first stage is empty. */
  readonly conversionFromFirst: number | undefined;
}

/** The step from one stage to the next: conversion and the days it took. */
export interface FunnelTransition {
  readonly from: string;
  readonly to: string;
  /** Leads that reached `from`. */
  readonly entered: number;
  /** Leads that reached `to`. */
  readonly converted: number;
  /** `converted` ÷ `entered`, from 0 to 1; undefined when no lead reached `from`. */
  readonly rate: number | undefined;
  /** Days from `from` to `to`, over leads with a date for both stages. */
  readonly days: DurationSummary;
}

/** The result of {@link funnel}. */
export interface FunnelReport {
  /** Leads counted: every row except those left out. */
  readonly leads: number;
  /** Counted leads with no stage date at all, so they are in no stage. */
  readonly outsideFunnel: number;
  readonly stages: readonly FunnelStageResult[];
  /** One transition per pair of neighbouring stages. */
  readonly transitions: readonly FunnelTransition[];
  /** Leads left out for bad data, each with an entry in `issues`. */
  readonly leftOut: number;
  readonly issues: readonly MetricIssue[];
}

function compileStages<T>(api: string, stages: unknown): { readonly name: string; readonly reachedAt: FieldReader }[] {
  if (!Array.isArray(stages) || stages.length === 0) {
    throw new ConfigError(api, 'stages', `expected a non-empty array of stages, received ${describeValue(stages)}`);
  }
  const names = new Set<string>();
  return (stages as readonly FunnelStage<T>[]).map((stage, i) => {
    if (stage === null || typeof stage !== 'object') {
      throw new ConfigError(api, `stages[${i}]`, `expected { name, reachedAt }, received ${describeValue(stage)}`);
    }
    if (typeof stage.name !== 'string' || stage.name.trim().length === 0) {
      throw new ConfigError(api, `stages[${i}].name`, `expected a non-blank string, received ${describeValue(stage.name)}`);
    }
    if (names.has(stage.name)) {
      throw new ConfigError(api, `stages[${i}].name`, `duplicate stage name ${JSON.stringify(stage.name)}`);
    }
    names.add(stage.name);
    return { name: stage.name, reachedAt: compileField(api, `stages[${i}].reachedAt`, stage.reachedAt) };
  });
}

/**
 * Counts leads per funnel stage over any stage list, with conversion between stages and the
 * days each step took (median and 90th percentile). A lead with an invalid date, or with a
 * stage reached before an earlier one, is left out and listed in `issues`.
 *
 * @example
 * const report = funnel(leads, {
 *   stages: [
 *     { name: 'lead', reachedAt: 'createdAt' },
 *     { name: 'MQL', reachedAt: 'mqlAt' },
 *     { name: 'SQL', reachedAt: 'sqlAt' },
 *     { name: 'opportunity', reachedAt: 'opportunityAt' },
 *     { name: 'won', reachedAt: 'wonAt' },
 *   ],
 * });
 * report.transitions[0]; // { from: 'lead', to: 'MQL', entered: 1200, converted: 180, rate: 0.15, days: { count: 180, median: 9, p90: 31 } }
 */
export function funnel<T>(leads: readonly T[], options: FunnelOptions<T>): FunnelReport {
  const api = 'funnel';
  requireRows(api, leads);
  requireOptions(api, options);
  const stages = compileStages<T>(api, options.stages);

  const counts = stages.map(() => 0);
  const durations: number[][] = stages.slice(1).map(() => []);
  const issues: MetricIssue[] = [];
  let counted = 0;
  let outsideFunnel = 0;

  forEachRow(leads, (lead, row) => {
    const times: (number | undefined)[] = [];
    let previous: number | undefined;
    for (const stage of stages) {
      const value = stage.reachedAt.read(lead);
      const reading = readDate(value);
      if (!reading.ok && reading.reason === 'invalid') {
        issues.push(
          rowIssue('invalid_date', row, stage.reachedAt.name, value, `${describeReading('invalid', 'an ISO 8601 date, epoch milliseconds or a Date', value)}, so the lead is left out`),
        );
        return;
      }
      const time = reading.ok ? reading.time : undefined;
      if (time !== undefined && previous !== undefined && time < previous) {
        issues.push(
          rowIssue('stage_out_of_order', row, stage.reachedAt.name, value, `reached ${JSON.stringify(stage.name)} before an earlier stage, so the lead is left out`),
        );
        return;
      }
      if (time !== undefined) previous = time;
      times.push(time);
    }

    counted++;
    let last = times.length - 1;
    while (last >= 0 && times[last] === undefined) last--;
    if (last < 0) outsideFunnel++;
    for (let i = 0; i <= last; i++) counts[i]!++;
    for (let i = 0; i + 1 < times.length; i++) {
      const from = times[i];
      const to = times[i + 1];
      if (from !== undefined && to !== undefined) durations[i]!.push((to - from) / DAY_MS);
    }
  });

  const first = counts[0] ?? 0;
  return {
    leads: counted,
    outsideFunnel,
    stages: stages.map((stage, i) => ({
      name: stage.name,
      count: counts[i]!,
      conversionFromPrevious: i === 0 ? undefined : ratio(counts[i]!, counts[i - 1]!),
      conversionFromFirst: ratio(counts[i]!, first),
    })),
    transitions: stages.slice(1).map((stage, i) => ({
      from: stages[i]!.name,
      to: stage.name,
      entered: counts[i]!,
      converted: counts[i + 1]!,
      rate: ratio(counts[i + 1]!, counts[i]!),
      days: summarizeDays(durations[i]!),
    })),
    leftOut: leads.length - counted,
    issues,
  };
}
