import { describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import type { Scorecard } from '../scoring/scorecard.js';
import { auc } from './auc.js';

/** How to read a lead's outcome: a field path (`true`, `1`, `"1"`, `"yes"` mean converted) or a function. */
export type OutcomeReader<T> = string | ((lead: T) => boolean | undefined);

/** Leads and conversions in one tier. */
export interface TierConversion {
  readonly tier: string;
  readonly leads: number;
  readonly converted: number;
  /** Converted leads divided by leads, from 0 to 1; NaN for an empty tier. */
  readonly conversionRate: number;
}

/** A scorecard's ranking quality on leads with known outcomes. */
export interface ScorecardEvaluation {
  readonly leads: number;
  readonly converted: number;
  /** Area under the ROC curve of the totals; NaN when every lead has the same outcome. */
  readonly auc: number;
  /** One entry per tier, from the highest tier to the lowest; leads without a tier are under `''`. */
  readonly tiers: readonly TierConversion[];
  /** Leads left out because their outcome could not be read, with the reason. */
  readonly skipped: readonly { readonly index: number; readonly reason: string }[];
}

const TRUE_TEXT = ['1', 'true', 'yes'];
const FALSE_TEXT = ['0', 'false', 'no'];

/** Returns a function that reads the outcome of a lead, or undefined when it is not a clear yes or no. */
export function outcomeOf<T>(api: string, reader: OutcomeReader<T>): (lead: T) => boolean | undefined {
  if (typeof reader === 'function') return reader;
  const segments = splitPath(api, 'outcome', reader);
  return (lead) => {
    const value = readPath(lead, segments);
    if (typeof value === 'boolean') return value;
    if (value === 1 || value === 0) return value === 1;
    if (typeof value !== 'string') return undefined;
    const text = value.trim().toLowerCase();
    return TRUE_TEXT.includes(text) ? true : FALSE_TEXT.includes(text) ? false : undefined;
  };
}

/** Reads every lead's outcome, returning the readable ones and the skipped rows. */
export function readOutcomes<T>(
  api: string,
  leads: readonly T[],
  reader: OutcomeReader<T>,
): { kept: T[]; outcomes: boolean[]; skipped: { index: number; reason: string }[] } {
  const read = outcomeOf(api, reader);
  const kept: T[] = [];
  const outcomes: boolean[] = [];
  const skipped: { index: number; reason: string }[] = [];
  leads.forEach((lead, index) => {
    let outcome: boolean | undefined;
    try {
      outcome = read(lead);
    } catch (error) {
      skipped.push({ index, reason: `reading the outcome failed: ${String((error as Error)?.message ?? error)}` });
      return;
    }
    if (outcome === undefined) {
      const shown = typeof reader === 'string' ? describeValue(readPath(lead, splitPath(api, 'outcome', reader))) : 'undefined';
      skipped.push({ index, reason: `expected a converted flag (true/false, 1/0, yes/no), received ${shown}` });
      return;
    }
    kept.push(lead);
    outcomes.push(outcome);
  });
  return { kept, outcomes, skipped };
}

/**
 * Scores leads with known outcomes and reports the AUC and the conversion rate per tier: the
 * test a team runs before a scorecard goes live. A lead without a readable outcome is skipped
 * and listed.
 *
 * @example
 * const report = evaluateScorecard(card, leads, 'Converted');
 * report.auc; // 0.89
 * report.tiers; // [{ tier: 'A', leads: 812, converted: 702, conversionRate: 0.86 }, …]
 */
export function evaluateScorecard<T>(card: Scorecard<T, string>, leads: readonly T[], outcome: OutcomeReader<T>): ScorecardEvaluation {
  const { kept, outcomes, skipped } = readOutcomes('evaluateScorecard', leads, outcome);
  const totals = kept.map((lead) => card.total(lead));
  const names = [...card.tiers.map((tier) => tier.name as string), ''];
  const counts = new Map(names.map((name) => [name, { leads: 0, converted: 0 }]));
  totals.forEach((total, i) => {
    const count = counts.get(card.tierOf(total) ?? '')!;
    count.leads++;
    if (outcomes[i]) count.converted++;
  });
  const tiers = names
    .map((tier) => ({ tier, ...counts.get(tier)! }))
    .filter((t) => t.tier !== '' || t.leads > 0)
    .map((t): TierConversion => ({ ...t, conversionRate: t.leads === 0 ? Number.NaN : t.converted / t.leads }));
  return { leads: kept.length, converted: outcomes.filter(Boolean).length, auc: auc(totals, outcomes), tiers, skipped };
}
