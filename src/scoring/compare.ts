import type { Scorecard, ScoreOptions, ScoreResult } from './scorecard.js';

/** One lead whose tier differs between two scorecards. */
export interface TierChange {
  /** The lead's position in the input. */
  readonly index: number;
  /** The lead's id, when an `id` function was given. */
  readonly id?: string;
  readonly before: { readonly total: number; readonly tier: string | undefined };
  readonly after: { readonly total: number; readonly tier: string | undefined };
  /** Rules whose final points differ, largest change first. */
  readonly rules: readonly { readonly ruleId: string; readonly delta: number }[];
}

/** The effect of one rule's change on the leads. */
export interface RuleImpact {
  readonly ruleId: string;
  /** Leads whose tier changed while this rule's points changed. */
  readonly tierChanges: number;
  /** Leads whose points from this rule changed. */
  readonly leads: number;
  /** The sum over all leads of the change in this rule's points. */
  readonly pointsDelta: number;
}

/** The difference between two scorecards on the same leads. */
export interface ScorecardComparison {
  readonly leads: number;
  /** Leads whose tier changed. */
  readonly tierChanges: number;
  /** Leads moving between each pair of tiers (`from` and `to` are null for no tier), most frequent first. */
  readonly transitions: readonly { readonly from: string | null; readonly to: string | null; readonly leads: number }[];
  readonly averageTotal: { readonly before: number; readonly after: number };
  /** Rules that changed anything, those that moved the most leads between tiers first. */
  readonly rules: readonly RuleImpact[];
  /** Every lead whose tier changed, up to `maxChanges`. */
  readonly changes: readonly TierChange[];
}

/** Options of {@link compareScorecards}. */
export interface CompareOptions<T> extends Omit<ScoreOptions, 'previousTier'> {
  /** Returns a lead's id for the change list. */
  readonly id?: (lead: T, index: number) => string;
  /** The most changed leads listed. Default 1000; counts cover every lead. */
  readonly maxChanges?: number;
}

function pointsByRule(result: ScoreResult): Map<string, number> {
  return new Map(result.contributions.map((c) => [c.ruleId, c.points]));
}

/**
 * Rescores leads under two scorecards and reports what changes: how many leads change tier,
 * between which tiers, and which rules cause it. This is how a team tests a scorecard change
 * before it goes live. Leads are read once, so any iterable works.
 *
 * @example
 * const diff = compareScorecards(current, proposed, leads, { now: '2024-05-01' });
 * diff.tierChanges; // 41
 * diff.rules[0]; // { ruleId: 'pricing', tierChanges: 37, leads: 212, pointsDelta: 2120 }
 */
export function compareScorecards<T>(
  before: Scorecard<T, string>,
  after: Scorecard<T, string>,
  leads: Iterable<T>,
  options: CompareOptions<T> = {},
): ScorecardComparison {
  const { id, maxChanges = 1000, ...rest } = options;
  // Both scorecards score as of one instant, or a time-dependent rule could differ by the clock alone.
  const scoreOptions: ScoreOptions = { ...rest, now: rest.now ?? (before.definition.clock ?? Date.now)() };
  const transitions = new Map<string, { from: string | null; to: string | null; leads: number }>();
  const impacts = new Map<string, { ruleId: string; tierChanges: number; leads: number; pointsDelta: number }>();
  const changes: TierChange[] = [];
  let count = 0;
  let tierChanges = 0;
  let sumBefore = 0;
  let sumAfter = 0;

  for (const lead of leads) {
    const index = count++;
    const old = before.score(lead, scoreOptions);
    const next = after.score(lead, scoreOptions);
    sumBefore += old.total;
    sumAfter += next.total;
    const oldPoints = pointsByRule(old);
    const newPoints = pointsByRule(next);
    const changed = old.tier !== next.tier;
    const deltas: { ruleId: string; delta: number }[] = [];
    for (const ruleId of new Set([...oldPoints.keys(), ...newPoints.keys()])) {
      const delta = (newPoints.get(ruleId) ?? 0) - (oldPoints.get(ruleId) ?? 0);
      if (delta === 0) continue;
      deltas.push({ ruleId, delta });
      const impact = impacts.get(ruleId) ?? { ruleId, tierChanges: 0, leads: 0, pointsDelta: 0 };
      impact.leads++;
      impact.pointsDelta += delta;
      if (changed) impact.tierChanges++;
      impacts.set(ruleId, impact);
    }
    if (!changed) continue;
    tierChanges++;
    const from = old.tier ?? null;
    const to = next.tier ?? null;
    const key = JSON.stringify([from, to]);
    const transition = transitions.get(key) ?? { from, to, leads: 0 };
    transition.leads++;
    transitions.set(key, transition);
    if (changes.length < maxChanges) {
      deltas.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.ruleId.localeCompare(b.ruleId));
      changes.push({
        index,
        ...(id === undefined ? {} : { id: id(lead, index) }),
        before: { total: old.total, tier: old.tier },
        after: { total: next.total, tier: next.tier },
        rules: deltas,
      });
    }
  }

  return {
    leads: count,
    tierChanges,
    transitions: [...transitions.values()].sort((a, b) => b.leads - a.leads),
    averageTotal: { before: count === 0 ? 0 : sumBefore / count, after: count === 0 ? 0 : sumAfter / count },
    rules: [...impacts.values()].sort((a, b) => b.tierChanges - a.tierChanges || b.leads - a.leads || a.ruleId.localeCompare(b.ruleId)),
    changes,
  };
}
