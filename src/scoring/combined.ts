import { ConfigError, describeValue } from '../internal/config-error.js';
import { collectProblems, DefinitionError } from './problems.js';
import type { Scorecard, ScoreOptions, ScoreResult, TierDefinition } from './scorecard.js';

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
   * Keys must be grades the two scorecards can produce, with tier names in their exact case.
   * `?` stands for no tier and is accepted only on a side whose scorecard has no catch-all tier.
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

/** Returns a scorecard's tier names, plus `?` when a total can fall below every tier. */
function gradePart(tiers: readonly TierDefinition[]): string[] {
  const names = tiers.map((tier) => tier.name);
  return tiers.some((tier) => tier.min === undefined) ? names : [...names, '?'];
}

/** Lists the names of one side of a grade for an error message. */
function listPart(part: readonly string[]): string {
  return part.map((name) => (name === '?' ? '? for no tier' : name)).join(', ');
}

/**
 * Checks every label of the matrix and every grade key against the grades the two scorecards
 * can produce, throwing a `DefinitionError` that lists each problem.
 */
function checkMatrix(matrix: unknown, fitTiers: readonly TierDefinition[], engagementTiers: readonly TierDefinition[]): void {
  if (matrix === null || typeof matrix !== 'object' || Array.isArray(matrix)) {
    throw new ConfigError(API, 'matrix', `expected an object of labels by grade, received ${describeValue(matrix)}`);
  }
  const fitPart = gradePart(fitTiers);
  const engagementPart = gradePart(engagementTiers);
  const grades = fitPart.flatMap((fit) => engagementPart.map((engagement) => `${fit}${engagement}`));
  const [problems, report] = collectProblems();
  for (const [grade, label] of Object.entries(matrix)) {
    if (!grades.includes(grade)) {
      const sameButCase = grades.find((valid) => valid.toLowerCase() === grade.toLowerCase());
      const hint = sameButCase === undefined ? '.' : `; did you mean ${JSON.stringify(sameButCase)}?`;
      report(
        `matrix.${grade}`,
        `unknown grade ${JSON.stringify(grade)}${hint} A grade is a fit tier (${listPart(fitPart)}) followed by an engagement tier (${listPart(engagementPart)})`,
      );
    } else if (typeof label !== 'string') {
      report(`matrix.${grade}`, `expected a label string, received ${describeValue(label)}`);
    }
  }
  if (problems.length > 0) throw new DefinitionError(API, problems);
}

/**
 * Combines a fit scorecard and an engagement scorecard into one result with a combined score
 * and a grade matrix: fit tiers `A`–`D` by engagement tiers `1`–`4` give grades from `A1`
 * (best) to `D4`. Grades assume tier names do not run together: `A` and `1` are fine, `A1` and
 * `1` are ambiguous. Throws a `NetspearConfigError` that lists every matrix key that is not such
 * a grade, such as `a1` for `A1`.
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
  if (matrix !== undefined) checkMatrix(matrix, fit.tiers, engagement.tiers);
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
