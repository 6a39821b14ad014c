import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { isMissing, toNumber } from '../internal/values.js';
import { compilePredicate, resolveValueOptions, type EvaluationOptions } from '../predicate/compile.js';
import type { Predicate, Scalar } from '../predicate/types.js';
import type { Rule } from '../scoring/rules.js';
import { scorecard, type Scorecard, type ScorecardDefinition, type TierDefinition } from '../scoring/scorecard.js';
import { evaluateScorecard, readOutcomes, type OutcomeReader, type ScorecardEvaluation } from './evaluate.js';
import { fitLogistic } from './logistic.js';

/** A tier of a learned scorecard: leads whose predicted conversion probability reaches `minProbability`. */
export interface ProbabilityTier<Name extends string = string> {
  readonly name: Name;
  /** From 0 to 1; omit it for the catch-all tier at the bottom. */
  readonly minProbability?: number;
}

/** The history to learn from and the shape of the scorecard to learn. */
export interface LearnOptions<T, Name extends string = string> extends EvaluationOptions {
  /** Leads with a known outcome. */
  readonly leads: readonly T[];
  /** The outcome: a field path such as `Converted` (`1`, `true`, `yes` mean converted) or a function. */
  readonly outcome: OutcomeReader<T>;
  /** Fields whose values become one rule each (`Lead Source is Google`). */
  readonly categorical?: readonly string[];
  /** Numeric fields cut at quantiles into `atLeast` rules (`Total Time Spent at least 500`). */
  readonly numeric?: readonly string[];
  /** Hand-written candidate rules; their points are learned, whatever points they carry. */
  readonly candidates?: readonly Rule<T>[];
  /** Quantile cuts per numeric field. Default 8. */
  readonly bins?: number;
  /** Categories seen on fewer leads than this get no rule. Default 20. */
  readonly minCount?: number;
  /** The L2 penalty on rule weights. Default 1. */
  readonly l2?: number;
  /** Points that double the odds of conversion. Default 20, as in credit scorecards. */
  readonly pointsToDoubleOdds?: number;
  /** Tiers by predicted probability. Default A ≥ 0.7, B ≥ 0.4, C ≥ 0.15, D below. */
  readonly tiers?: readonly ProbabilityTier<Name>[];
}

/** A scorecard learned from history, with the model behind it. */
export interface LearnedScorecard<T, Name extends string = string> {
  readonly scorecard: Scorecard<T, Name>;
  /** The definition, ready for `scorecardToJSON`. */
  readonly definition: ScorecardDefinition<T, Name>;
  /** The log-odds of conversion at a total of 0. */
  readonly intercept: number;
  readonly pointsToDoubleOdds: number;
  /** Returns the predicted conversion probability of a total. */
  readonly probability: (total: number) => number;
  /** AUC and conversion per tier on the training leads. */
  readonly training: ScorecardEvaluation;
}

const API = 'learnScorecard';

function positiveInteger(value: unknown, fallback: number, where: string): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  throw new ConfigError(API, where, `expected a whole number of at least 1, received ${describeValue(value)}`);
}

function positiveNumber(value: unknown, fallback: number, where: string): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new ConfigError(API, where, `expected a positive number, received ${describeValue(value)}`);
}

/** Returns the distinct cut points at the quantiles of the values, above the smallest value. */
function quantileCuts(values: number[], bins: number): number[] {
  values.sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let k = 1; k < bins; k++) {
    const cut = values[Math.floor((k * values.length) / bins)];
    if (cut !== undefined && cut > values[0]!) cuts.add(cut);
  }
  return [...cuts];
}

/** Builds the candidate rules: hand-written ones, one per frequent category, and quantile cuts of numeric fields. */
function candidateRules<T>(options: LearnOptions<T, string>, leads: readonly T[]): Rule<T>[] {
  const { placeholders, parseStrings } = resolveValueOptions(options);
  const minCount = positiveInteger(options.minCount, 20, 'minCount');
  const bins = positiveInteger(options.bins, 8, 'bins');
  const rules: Rule<T>[] = [...(options.candidates ?? [])];

  (options.categorical ?? []).forEach((field, f) => {
    const segments = splitPath(API, `categorical[${f}]`, field);
    const counts = new Map<Scalar, number>();
    for (const lead of leads) {
      const value = readPath(lead, segments);
      const isScalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
      if (isScalar && !isMissing(value, placeholders)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    // Sorted so that the rule list, and so the model, does not depend on row order.
    const frequent = [...counts].filter(([, count]) => count >= minCount).map(([value]) => value);
    frequent.sort((a, b) => String(a).localeCompare(String(b)));
    for (const value of frequent) {
      const when: Predicate = { op: 'equals', field, value };
      rules.push({ id: `${field} = ${String(value)}`, label: `${field} is ${String(value)}`, when, points: 0 });
    }
  });

  (options.numeric ?? []).forEach((field, f) => {
    const segments = splitPath(API, `numeric[${f}]`, field);
    const values: number[] = [];
    for (const lead of leads) {
      const value = toNumber(readPath(lead, segments), parseStrings);
      if (value !== undefined && Number.isFinite(value)) values.push(value);
    }
    for (const cut of quantileCuts(values, bins)) {
      const when: Predicate = { op: 'gte', field, value: cut };
      rules.push({ id: `${field} >= ${cut}`, label: `${field} at least ${cut}`, when, points: 0 });
    }
  });
  return rules;
}

/**
 * Learns a points scorecard from leads with known outcomes: a logistic regression on rule
 * matches (candidate rules, frequent categories and quantile cuts of numeric fields), scaled so
 * that `pointsToDoubleOdds` points double the odds of conversion and rounded to whole points.
 * The result explains itself like a hand-written scorecard. It is deterministic: the same leads
 * in any order give the same scorecard.
 *
 * @example
 * const learned = learnScorecard({
 *   leads: rows,
 *   outcome: 'Converted',
 *   categorical: ['Lead Origin', 'Lead Source'],
 *   numeric: ['Total Time Spent on Website'],
 *   parseStrings: true,
 * });
 * learned.training.auc; // 0.9
 * learned.scorecard.score(rows[0]).contributions;
 */
export function learnScorecard<T, const Name extends string = 'A' | 'B' | 'C' | 'D'>(options: LearnOptions<T, Name>): LearnedScorecard<T, Name> {
  if (options === null || typeof options !== 'object' || !Array.isArray(options.leads)) {
    throw new ConfigError(API, 'leads', `expected an array of leads, received ${describeValue((options as { leads?: unknown } | null)?.leads)}`);
  }
  const { kept, outcomes } = readOutcomes(API, options.leads, options.outcome);
  const converted = outcomes.filter(Boolean).length;
  if (converted === 0 || converted === outcomes.length) {
    throw new ConfigError(API, 'leads', `expected both converted and unconverted leads, received ${converted} converted of ${outcomes.length}`);
  }
  const l2 = positiveNumber(options.l2, 1, 'l2');
  const pointsToDoubleOdds = positiveNumber(options.pointsToDoubleOdds, 20, 'pointsToDoubleOdds');
  const evaluation: EvaluationOptions = {
    ...(options.placeholders === undefined ? {} : { placeholders: options.placeholders }),
    ...(options.parseStrings === undefined ? {} : { parseStrings: options.parseStrings }),
  };

  const candidates = candidateRules(options, kept);
  const tests = candidates.map((rule, i) => compilePredicate(API, rule.when, evaluation, `candidates[${i}].when`));
  const rows = kept.map((lead) => tests.flatMap((test, j) => (test(lead) === 'match' ? [j] : [])));
  const model = fitLogistic(rows, outcomes, candidates.length, l2);

  const scale = pointsToDoubleOdds / Math.LN2;
  const rules = candidates
    .map((rule, j): Rule<T> => ({ ...rule, points: Math.round(model.weights[j]! * scale) || 0 }))
    .filter((rule) => rule.points !== 0);
  const tiers = probabilityTiers(options.tiers, model.intercept, scale);
  const definition: ScorecardDefinition<T, Name> = { ...evaluation, rules, tiers };
  const card = scorecard<T, Name>(definition);
  const probability = (total: number) => 1 / (1 + Math.exp(-(model.intercept + total / scale)));
  return {
    scorecard: card,
    definition,
    intercept: model.intercept,
    pointsToDoubleOdds,
    probability,
    training: evaluateScorecard(card, options.leads, options.outcome),
  };
}

/** Converts probability tiers into point tiers: the lowest total whose predicted probability reaches each tier. */
function probabilityTiers<Name extends string>(
  given: readonly ProbabilityTier<Name>[] | undefined,
  intercept: number,
  scale: number,
): TierDefinition<Name>[] {
  const tiers = given ?? ([{ name: 'A', minProbability: 0.7 }, { name: 'B', minProbability: 0.4 }, { name: 'C', minProbability: 0.15 }, { name: 'D' }] as unknown as readonly ProbabilityTier<Name>[]);
  return tiers.map((tier, i) => {
    const p = tier.minProbability;
    if (p === undefined) return { name: tier.name };
    if (typeof p !== 'number' || !(p > 0 && p < 1)) {
      throw new ConfigError(API, `tiers[${i}].minProbability`, `expected a probability between 0 and 1 (exclusive), received ${describeValue(p)}`);
    }
    return { name: tier.name, min: Math.ceil((Math.log(p / (1 - p)) - intercept) * scale) };
  });
}
