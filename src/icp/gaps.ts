import type { EvaluationOptions } from '../predicate/compile.js';
import { explainer, type Explainable, type UnknownReason } from '../predicate/explain.js';

/** A field that left accounts `unknown`, with how many. */
export interface EnrichmentGap {
  readonly field: string;
  readonly reason: UnknownReason;
  /** How many `unknown` accounts had a deciding clause on this field. */
  readonly accounts: number;
}

/** Counts of ICP outcomes over a list of accounts, with the fields that left accounts unknown. */
export interface AccountsExplanation {
  readonly total: number;
  readonly match: number;
  readonly noMatch: number;
  readonly unknown: number;
  /** The gaps, most accounts first. An account with several gaps counts under each. */
  readonly gaps: readonly EnrichmentGap[];
  /** One line per gap, such as ``412 accounts unknown: `techStack` missing``. */
  readonly summary: readonly string[];
}

/**
 * Evaluates an ICP on every account and reports the enrichment gaps: for each field, how many
 * accounts it left `unknown` because the value was missing or of the wrong type.
 *
 * @example
 * explainAccounts(profile, companies).summary;
 * // ['412 accounts unknown: `techStack` missing', '3 accounts unknown: `employees` has the wrong type']
 */
export function explainAccounts<T>(profile: Explainable<T>, accounts: readonly T[], options?: EvaluationOptions): AccountsExplanation {
  const why = explainer(profile, options, 'explainAccounts');
  const counts = { match: 0, no_match: 0, unknown: 0 };
  const gaps = new Map<string, { field: string; reason: UnknownReason; accounts: number }>();
  for (const account of accounts) {
    const explanation = why(account);
    counts[explanation.outcome]++;
    if (explanation.outcome !== 'unknown') continue;
    const seen = new Set<string>();
    for (const clause of explanation.decidedBy) {
      if (clause.reason === undefined) continue;
      const key = `${clause.reason}\u0000${clause.field}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const gap = gaps.get(key) ?? { field: clause.field, reason: clause.reason, accounts: 0 };
      gap.accounts++;
      gaps.set(key, gap);
    }
  }
  const sorted = [...gaps.values()].sort((a, b) => b.accounts - a.accounts || a.field.localeCompare(b.field));
  const summary = sorted.map((gap) => {
    const noun = gap.accounts === 1 ? 'account' : 'accounts';
    const problem = gap.reason === 'missing' ? 'missing' : 'has the wrong type';
    return `${gap.accounts} ${noun} unknown: \`${gap.field}\` ${problem}`;
  });
  return {
    total: accounts.length,
    match: counts.match,
    noMatch: counts.no_match,
    unknown: counts.unknown,
    gaps: sorted,
    summary,
  };
}
