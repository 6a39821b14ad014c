import { ConfigError, describeValue } from '../internal/config-error.js';
import type { Scorecard, ScoreOptions, ScoreResult } from './scorecard.js';

/** A fit scorecard and an engagement scorecard, with how to combine them. */
export interface CombinedDefinition<T, Fit extends string, Engagement extends string> {
  /** The fit scorecard, on who the lead and company are. Its tier names are the fit grades, such as `A` to `D`. */
  readonly fit: Scorecard<T, Fit>;
  /** The engagement scorecard, on what the lead did. Its tier names are the engagement grades, such as `1` to `4`. */
  readonly engagement: Scorecard<T, Engagement>;
  /** Whole-number weights of the combined score. Default 1 each. */
  readonly weights?: { readonly fit?: number; readonly engagement?: number };
  /**
   * Labels for grades (fit tier followed by engagement tier, such as `A1`), for example
   * `{ A1: 'sales', A2: 'sales', B1: 'sales' }`; a grade without a label gets `otherwise`.
   */
  readonly matrix?: Readonly<Record<string, string>>;
  /** The label of grades missing from `matrix`. Default `nurture`. */
  readonly otherwise?: string;
}

/** A lead's fit, engagement and combined result. */
export interface CombinedResult<Fit extends string, Engagement extends string> {
  readonly fit: ScoreResult<Fit>;
  readonly engagement: ScoreResult<Engagement>;
  /** fit total × fit weight + engagement total × engagement weight. */
  readonly total: number;
  /** The fit tier followed by the engagement tier, such as `A1`; `?` stands for no tier. */
  readonly grade: `${Fit | '?'}${Engagement | '?'}`;
  /** The grade's label from the matrix, or `otherwise`; undefined without a matrix. */
  readonly label: string | undefined;
}

/** A fit and an engagement scorecard applied together. */
export interface CombinedScorecard<T, Fit extends string, Engagement extends string> {
  readonly kind: 'combined_scorecard';
  /** Scores a lead on both scorecards, as of one instant. */
  score(lead: T, options?: Omit<ScoreOptions, 'previousTier'> & { readonly previousGrade?: string }): CombinedResult<Fit, Engagement>;
}

const API = 'combinedScorecard';

/**
 * Combines a fit scorecard and an engagement scorecard into one result with a combined score
 * and a grade matrix: fit tiers `A`–`D` by engagement tiers `1`–`4` give grades from `A1`
 * (best) to `D4`. Grades assume tier names do not run together: `A` and `1` are fine, `A1` and
 * `1` are ambiguous.
 *
 * @example
 * const combined = combinedScorecard({ fit, engagement, matrix: { A1: 'sales', A2: 'sales', B1: 'sales' } });
 * combined.score(lead, { now }).grade; // 'A2'
 */
/* @__NO_SIDE_EFFECTS__ */
export function combinedScorecard<T, Fit extends string, Engagement extends string>(
  definition: CombinedDefinition<T, Fit, Engagement>,
): CombinedScorecard<T, Fit, Engagement> {
  const { fit, engagement, weights = {}, matrix, otherwise = 'nurture' } = definition ?? {};
  for (const [key, card] of [['fit', fit], ['engagement', engagement]] as const) {
    if (card?.kind !== 'scorecard') throw new ConfigError(API, key, `expected a scorecard built by scorecard(), received ${describeValue(card)}`);
  }
  const weightOf = (key: 'fit' | 'engagement'): number => {
    const weight = weights[key] ?? 1;
    if (typeof weight !== 'number' || !Number.isSafeInteger(weight)) {
      throw new ConfigError(API, `weights.${key}`, `expected a whole number, received ${describeValue(weight)}`);
    }
    return weight;
  };
  const fitWeight = weightOf('fit');
  const engagementWeight = weightOf('engagement');
  if (matrix !== undefined) {
    for (const [grade, label] of Object.entries(matrix)) {
      if (typeof label !== 'string') throw new ConfigError(API, `matrix.${grade}`, `expected a label string, received ${describeValue(label)}`);
    }
  }
  const clock = fit.definition.clock ?? engagement.definition.clock ?? Date.now;

  return {
    kind: 'combined_scorecard',
    score: (lead, options = {}) => {
      const { previousGrade, ...rest } = options;
      const now = rest.now ?? clock();
      // The previous grade splits back into tiers by the fit tier names, for hysteresis on both.
      const previousFit = [...fit.tiers].sort((a, b) => b.name.length - a.name.length).find((tier) => previousGrade?.startsWith(tier.name))?.name;
      const previousEngagement = previousFit === undefined ? undefined : (previousGrade!.slice(previousFit.length) as Engagement);
      const fitResult = fit.score(lead, { ...rest, now, previousTier: previousFit });
      const engagementResult = engagement.score(lead, { ...rest, now, previousTier: previousEngagement });
      const grade = `${fitResult.tier ?? '?'}${engagementResult.tier ?? '?'}` as `${Fit | '?'}${Engagement | '?'}`;
      return {
        fit: fitResult,
        engagement: engagementResult,
        total: fitResult.total * fitWeight + engagementResult.total * engagementWeight,
        grade,
        label: matrix === undefined ? undefined : Object.hasOwn(matrix, grade) ? matrix[grade] : otherwise,
      };
    },
  };
}
