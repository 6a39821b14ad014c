import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { isMissing } from '../internal/values.js';
import {
  compilePredicate,
  predicateFields,
  resolveValueOptions,
  type CompiledPredicate,
  type EvaluationOptions,
} from '../predicate/compile.js';
import type { Outcome, Predicate } from '../predicate/types.js';

/** A scoring rule: when the criterion matches a lead, the lead gets the points (negative allowed). */
export interface Rule<T = any> {
  /** A unique, stable id, used in explanations and comparisons. */
  readonly id: string;
  /** A human-readable label; defaults to the id. */
  readonly label?: string;
  /** The criterion on the lead. */
  readonly when: Predicate<T>;
  /** Whole points added when the criterion matches; negative points subtract. */
  readonly points: number;
}

/** A named score band; a lead gets the first tier, from the highest `min` down, that its score reaches. */
export interface TierDefinition<Name extends string = string> {
  readonly name: Name;
  /** The lowest score in the tier, inclusive. Omit it for the catch-all tier at the bottom. */
  readonly min?: number;
}

/** A scorecard definition: rules, and either named tiers or an MQL threshold. */
export interface ScorecardDefinition<T, Name extends string> extends EvaluationOptions {
  readonly rules: readonly Rule<T>[];
  /** Named tiers. Mutually exclusive with `mqlThreshold`. */
  readonly tiers?: readonly TierDefinition<Name>[];
  /** Shorthand for the tiers `mql` (score at or above the threshold) and `nurture` (below). */
  readonly mqlThreshold?: number;
}

/** One rule's part in a score. */
export interface Contribution {
  readonly ruleId: string;
  readonly label: string;
  /** Whether the criterion matched, did not match, or could not be decided for missing data. */
  readonly outcome: Outcome;
  readonly matched: boolean;
  /** Points the rule adds to the total: its points when matched, otherwise 0. */
  readonly points: number;
  /** The rule's configured points. */
  readonly rulePoints: number;
  /** The fields the criterion read, with the values it saw (`undefined` when absent). */
  readonly values: Readonly<Record<string, unknown>>;
}

/** A lead's score with its explanation. */
export interface ScoreResult<Name extends string = string> {
  /** The sum of the contributions' points. */
  readonly total: number;
  /** The tier the total falls in, or undefined when it is below every tier with a `min`. */
  readonly tier: Name | undefined;
  /** One contribution per rule, in rule order; their points add up to `total`. */
  readonly contributions: readonly Contribution[];
  /** Fields that were missing in rules whose outcome was therefore `unknown`. */
  readonly missingFields: readonly string[];
  /** The points of rules left undecided by missing data (positive and negative added as they are). */
  readonly undecidedPoints: number;
}

/** A validated scorecard, compiled once and applied to any number of leads. */
export interface Scorecard<T = any, Name extends string = string> {
  readonly kind: 'scorecard';
  readonly rules: readonly Rule<T>[];
  /** Tiers from the highest `min` to the lowest; the catch-all tier, if any, is last. */
  readonly tiers: readonly TierDefinition<Name>[];
  /** Scores one lead with the full explanation. */
  readonly score: (lead: T) => ScoreResult<Name>;
  /** Returns only the total, without building an explanation. */
  readonly total: (lead: T) => number;
  /** Returns the tier of a score. */
  readonly tierOf: (total: number) => Name | undefined;
}

interface CompiledRule {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  readonly test: CompiledPredicate;
  readonly fields: readonly { readonly path: string; readonly segments: readonly string[] }[];
}

const API = 'scorecard';

function validateTiers<Name extends string>(tiers: readonly TierDefinition<Name>[]): TierDefinition<Name>[] {
  if (!Array.isArray(tiers) || tiers.length === 0) {
    throw new ConfigError(API, 'tiers', `expected a non-empty array of tiers, received ${describeValue(tiers)}`);
  }
  const names = new Set<string>();
  let catchAll = 0;
  tiers.forEach((tier, i) => {
    if (typeof tier?.name !== 'string' || tier.name.length === 0) {
      throw new ConfigError(API, `tiers[${i}].name`, `expected a non-empty string, received ${describeValue(tier?.name)}`);
    }
    if (names.has(tier.name)) {
      throw new ConfigError(API, `tiers[${i}].name`, `duplicate tier name ${JSON.stringify(tier.name)}`);
    }
    names.add(tier.name);
    if (tier.min === undefined) catchAll++;
    else if (typeof tier.min !== 'number' || !Number.isFinite(tier.min)) {
      throw new ConfigError(API, `tiers[${i}].min`, `expected a finite number, received ${describeValue(tier.min)}`);
    }
  });
  if (catchAll > 1) {
    throw new ConfigError(API, 'tiers', `only one tier may omit min (the catch-all), found ${catchAll}`);
  }
  const mins = tiers.filter((t) => t.min !== undefined).map((t) => t.min);
  if (new Set(mins).size !== mins.length) {
    throw new ConfigError(API, 'tiers', 'two tiers have the same min; give each tier its own lower bound');
  }
  return [...tiers].sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
}

function compileRules<T>(rules: readonly Rule<T>[], options: EvaluationOptions): CompiledRule[] {
  if (!Array.isArray(rules)) {
    throw new ConfigError(API, 'rules', `expected an array of rules, received ${describeValue(rules)}`);
  }
  const ids = new Set<string>();
  return rules.map((rule, i) => {
    const where = `rules[${i}]`;
    if (rule === null || typeof rule !== 'object') {
      throw new ConfigError(API, where, `expected a rule object, received ${describeValue(rule)}`);
    }
    if (typeof rule.id !== 'string' || rule.id.length === 0) {
      throw new ConfigError(API, `${where}.id`, `expected a non-empty string, received ${describeValue(rule.id)}`);
    }
    if (ids.has(rule.id)) {
      throw new ConfigError(API, `${where}.id`, `duplicate rule id ${JSON.stringify(rule.id)}; rule ids must be unique`);
    }
    ids.add(rule.id);
    // Whole points keep every sum exact, so the ledger adds up to the total in any rule order.
    if (typeof rule.points !== 'number' || !Number.isSafeInteger(rule.points)) {
      throw new ConfigError(API, `${where}.points`, `expected a whole number of points, received ${describeValue(rule.points)}`);
    }
    if (rule.label !== undefined && typeof rule.label !== 'string') {
      throw new ConfigError(API, `${where}.label`, `expected a string, received ${describeValue(rule.label)}`);
    }
    const test = compilePredicate(API, rule.when, options, `${where}.when`);
    const fields = predicateFields(rule.when).map((path) => ({ path, segments: splitPath(API, `${where}.when`, path) }));
    return { id: rule.id, label: rule.label ?? rule.id, points: rule.points, test, fields };
  });
}

/**
 * Builds a scorecard from rules and tiers, validating every rule when it is built.
 * Throws a `NetspearConfigError` that names the broken rule, such as `rules[2].points`.
 *
 * @example
 * const card = scorecard({
 *   rules: [
 *     { id: 'title', when: containsAnyWord('title', ['Engineer', 'CTO']), points: 20 },
 *     { id: 'pricing', when: isTrue('visitedPricingPage'), points: 25 },
 *   ],
 *   mqlThreshold: 40,
 * });
 * card.score({ title: 'Senior Engineer', visitedPricingPage: true }).tier; // 'mql'
 */
/* @__NO_SIDE_EFFECTS__ */
export function scorecard<T = any, const Name extends string = 'mql' | 'nurture'>(
  definition: ScorecardDefinition<T, Name>,
): Scorecard<T, Name> {
  if (definition === null || typeof definition !== 'object') {
    throw new ConfigError(API, '', `expected a scorecard definition object, received ${describeValue(definition)}`);
  }
  const { tiers: tierList, mqlThreshold } = definition;
  if (tierList !== undefined && mqlThreshold !== undefined) {
    throw new ConfigError(API, 'mqlThreshold', 'give either tiers or mqlThreshold, not both');
  }
  if (mqlThreshold !== undefined && (typeof mqlThreshold !== 'number' || !Number.isFinite(mqlThreshold))) {
    throw new ConfigError(API, 'mqlThreshold', `expected a finite number, received ${describeValue(mqlThreshold)}`);
  }
  if (tierList === undefined && mqlThreshold === undefined) {
    throw new ConfigError(API, 'tiers', 'give named tiers or an mqlThreshold so that scores get a label');
  }
  const tiers = validateTiers<Name>(
    tierList ??
      ([
        { name: 'mql', min: mqlThreshold ?? 0 },
        { name: 'nurture' },
      ] as unknown as readonly TierDefinition<Name>[]),
  );

  const options: EvaluationOptions = definition;
  const compiled = compileRules(definition.rules, options);
  const { placeholders } = resolveValueOptions(options);

  const tierOf = (total: number): Name | undefined => {
    for (const tier of tiers) {
      if (tier.min === undefined || total >= tier.min) return tier.name;
    }
    return undefined;
  };

  const total = (lead: T): number => {
    let sum = 0;
    for (const rule of compiled) {
      if (rule.test(lead) === 'match') sum += rule.points;
    }
    return sum;
  };

  const score = (lead: T): ScoreResult<Name> => {
    let sum = 0;
    let undecidedPoints = 0;
    const missingFields: string[] = [];
    const contributions = compiled.map((rule): Contribution => {
      const outcome = rule.test(lead);
      const matched = outcome === 'match';
      const points = matched ? rule.points : 0;
      sum += points;
      const values: Record<string, unknown> = {};
      for (const field of rule.fields) {
        const value = readPath(lead, field.segments);
        values[field.path] = value;
        if (outcome === 'unknown' && isMissing(value, placeholders) && !missingFields.includes(field.path)) {
          missingFields.push(field.path);
        }
      }
      if (outcome === 'unknown') undecidedPoints += rule.points;
      return { ruleId: rule.id, label: rule.label, outcome, matched, points, rulePoints: rule.points, values };
    });
    return { total: sum, tier: tierOf(sum), contributions, missingFields, undecidedPoints };
  };

  return { kind: 'scorecard', rules: definition.rules, tiers, score, total, tierOf };
}
