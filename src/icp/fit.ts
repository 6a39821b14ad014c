import { ConfigError, describeValue } from '../internal/config-error.js';
import { compilePredicate, type CompiledPredicate, type EvaluationOptions } from '../predicate/compile.js';
import type { Outcome, Predicate } from '../predicate/types.js';

const API = 'icpFit';

/** One weighted criterion of a fit score. */
export interface FitCriterion<T = any> {
  /** A unique, stable id, used in results. */
  readonly id: string;
  readonly when: Predicate<T>;
  /** The criterion's share of the score: a positive finite number, relative to the other weights. */
  readonly weight: number;
}

/** A named band of fit scores. A company gets the first tier, from the highest `min` down, that it reaches. */
export interface FitTier<Name extends string = string> {
  readonly name: Name;
  /** The lowest fit score in the tier (0 to 100), inclusive. Omit it for the catch-all tier. */
  readonly min?: number;
}

/** A weighted fit definition. */
export interface FitDefinition<T, Name extends string> extends EvaluationOptions {
  readonly criteria: readonly FitCriterion<T>[];
  /** Tiers by fit score. Defaults to `Tier 1` (70 and up), `Tier 2` (40 and up) and `Tier 3`. */
  readonly tiers?: readonly FitTier<Name>[];
  /**
   * The coverage (0 to 1) below which a company gets no tier, because too little of the
   * weight could be evaluated. Defaults to 0, so every company gets a tier.
   */
  readonly minCoverage?: number;
}

/** One criterion's part in a fit score. */
export interface FitContribution {
  readonly id: string;
  readonly outcome: Outcome;
  readonly weight: number;
}

/** A company's weighted fit. */
export interface FitResult<Name extends string = string> {
  /** Matched weight over total weight, from 0 to 100. An `unknown` criterion earns nothing. */
  readonly score: number;
  /** The score if every `unknown` criterion matched, 0 to 100: the upper end of the fit's range. */
  readonly maxScore: number;
  /** The share of the weight that could be evaluated with the data at hand, 0 to 1. */
  readonly coverage: number;
  /** The tier of `score`, or undefined when coverage is below `minCoverage` or no tier is reached. */
  readonly tier: Name | undefined;
  /** One entry per criterion, in definition order. */
  readonly criteria: readonly FitContribution[];
}

/** A validated weighted fit, compiled once. */
export interface IcpFit<T = any, Name extends string = string> {
  readonly kind: 'icp_fit';
  readonly criteria: readonly FitCriterion<T>[];
  /** Tiers from the highest `min` to the lowest. */
  readonly tiers: readonly FitTier<Name>[];
  /** Scores one company. */
  readonly score: (company: T) => FitResult<Name>;
}

function validateTiers<Name extends string>(tiers: readonly FitTier<Name>[]): FitTier<Name>[] {
  if (!Array.isArray(tiers) || tiers.length === 0) {
    throw new ConfigError(API, 'tiers', `expected a non-empty array of tiers, received ${describeValue(tiers)}`);
  }
  const names = new Set<string>();
  tiers.forEach((tier, i) => {
    if (typeof tier?.name !== 'string' || tier.name.length === 0) {
      throw new ConfigError(API, `tiers[${i}].name`, `expected a non-empty string, received ${describeValue(tier?.name)}`);
    }
    if (names.has(tier.name)) throw new ConfigError(API, `tiers[${i}].name`, `duplicate tier name ${JSON.stringify(tier.name)}`);
    names.add(tier.name);
    if (tier.min !== undefined && (typeof tier.min !== 'number' || !(tier.min >= 0 && tier.min <= 100))) {
      throw new ConfigError(API, `tiers[${i}].min`, `expected a number from 0 to 100, received ${describeValue(tier.min)}`);
    }
  });
  if (tiers.filter((t) => t.min === undefined).length > 1) {
    throw new ConfigError(API, 'tiers', 'only one tier may omit min (the catch-all)');
  }
  return [...tiers].sort((a, b) => (b.min ?? -1) - (a.min ?? -1));
}

/**
 * Builds a weighted fit: criteria with weights give a 0–100 fit score, a tier, and the
 * coverage of the weight the data could decide. Throws a `NetspearConfigError` on an invalid
 * definition.
 *
 * @example
 * const fit = icpFit<Company>({
 *   criteria: [
 *     { id: 'industry', when: oneOf('industry', ['SaaS', 'Finance']), weight: 3 },
 *     { id: 'size', when: atLeast('employees', 100), weight: 2 },
 *     { id: 'kubernetes', when: includesAny('techStack', ['kubernetes']), weight: 1 },
 *   ],
 * });
 * fit.score({ industry: 'SaaS', employees: 500 }); // { score: 83.33…, maxScore: 100, coverage: 0.83…, tier: 'Tier 1', … }
 */
/* @__NO_SIDE_EFFECTS__ */
export function icpFit<T = any, Name extends string = 'Tier 1' | 'Tier 2' | 'Tier 3'>(
  definition: FitDefinition<T, Name>,
): IcpFit<T, Name> {
  const { criteria } = definition;
  if (!Array.isArray(criteria) || criteria.length === 0) {
    throw new ConfigError(API, 'criteria', `expected a non-empty array of criteria, received ${describeValue(criteria)}`);
  }
  const ids = new Set<string>();
  let totalWeight = 0;
  const tests: CompiledPredicate[] = criteria.map((criterion, i) => {
    const where = `criteria[${i}]`;
    if (typeof criterion?.id !== 'string' || criterion.id.length === 0) {
      throw new ConfigError(API, `${where}.id`, `expected a non-empty string, received ${describeValue(criterion?.id)}`);
    }
    if (ids.has(criterion.id)) throw new ConfigError(API, `${where}.id`, `duplicate criterion id ${JSON.stringify(criterion.id)}`);
    ids.add(criterion.id);
    if (typeof criterion.weight !== 'number' || !Number.isFinite(criterion.weight) || criterion.weight <= 0) {
      throw new ConfigError(API, `${where}.weight`, `expected a positive finite number, received ${describeValue(criterion.weight)}`);
    }
    totalWeight += criterion.weight;
    return compilePredicate(API, criterion.when, definition, `${where}.when`);
  });

  const tiers = validateTiers(
    definition.tiers ?? ([{ name: 'Tier 1', min: 70 }, { name: 'Tier 2', min: 40 }, { name: 'Tier 3' }] as unknown as FitTier<Name>[]),
  );
  const minCoverage = definition.minCoverage ?? 0;
  if (typeof minCoverage !== 'number' || !(minCoverage >= 0 && minCoverage <= 1)) {
    throw new ConfigError(API, 'minCoverage', `expected a number from 0 to 1, received ${describeValue(minCoverage)}`);
  }

  const score = (company: T): FitResult<Name> => {
    let matched = 0;
    let unknown = 0;
    const parts: FitContribution[] = criteria.map((criterion, i) => {
      const outcome = (tests[i] as CompiledPredicate)(company);
      if (outcome === 'match') matched += criterion.weight;
      else if (outcome === 'unknown') unknown += criterion.weight;
      return { id: criterion.id, outcome, weight: criterion.weight };
    });
    const value = (100 * matched) / totalWeight;
    const coverage = (totalWeight - unknown) / totalWeight;
    const tier = coverage < minCoverage ? undefined : tiers.find((t) => t.min === undefined || value >= t.min)?.name;
    return { score: value, maxScore: (100 * (matched + unknown)) / totalWeight, coverage, tier, criteria: parts };
  };
  return { kind: 'icp_fit', criteria, tiers, score };
}
