import { ConfigError, describeValue } from '../internal/config-error.js';
import type { Icp } from '../icp/index.js';
import type { Outcome } from '../predicate/index.js';
import { groupBy, prepareOpportunities, summarizeSegment, type PipelineVelocityOptions, type VelocitySegment } from './velocity.js';
import type { MetricIssue } from './issues.js';
import { ratio } from './stats.js';

/** How to back-test ICP definitions on historical opportunities. */
export interface IcpBacktestOptions<T, A> extends Omit<PipelineVelocityOptions<T>, 'segment' | 'segments'> {
  /** The ICP definitions to compare, by name; give one to test a single targeting choice. */
  readonly profiles: Readonly<Record<string, Icp<A>>>;
  /** Returns the opportunity's account, or undefined when it has none (its ICP outcome is `unknown`). */
  readonly account: (opportunity: T) => A | undefined;
}

/** In-ICP figures divided by out-of-ICP figures; undefined where either side is undefined or 0. */
export interface IcpLift {
  readonly winRate: number | undefined;
  readonly averageDealSize: number | undefined;
  readonly averageCycleDays: number | undefined;
  readonly velocity: number | undefined;
}

/** One ICP definition's back-test: velocity and its factors in, out of, and undecided by the ICP. */
export interface IcpBacktest {
  readonly profile: string;
  /** Opportunities whose account matches the ICP (segment `match`). */
  readonly inIcp: VelocitySegment;
  /** Opportunities whose account does not match (segment `no_match`). */
  readonly outOfIcp: VelocitySegment;
  /** Opportunities without an account, or whose account lacks data the ICP reads (segment `unknown`). */
  readonly unknown: VelocitySegment;
  readonly lift: IcpLift;
}

/** The result of {@link backtestIcp}: one back-test per profile, in the order given. */
export interface IcpBacktestReport {
  readonly profiles: readonly IcpBacktest[];
  /** Rows left out for bad data; the same rows are left out of every profile. */
  readonly leftOut: number;
  readonly issues: readonly MetricIssue[];
}

function liftOf(inside: number | undefined, outside: number | undefined): number | undefined {
  if (inside === undefined || outside === undefined) return undefined;
  return ratio(inside, outside);
}

/**
 * Back-tests targeting choices on historical opportunities: for each ICP definition, compares
 * win rate, average deal size, cycle length and velocity of in-ICP and out-of-ICP accounts.
 * Rows are validated once, as {@link pipelineVelocity} validates them, so every profile splits the same rows.
 *
 * @example
 * const byName = new Map(accounts.map((a) => [a.name, a]));
 * const report = backtestIcp(opportunities, {
 *   profiles: { current: currentIcp, proposed: proposedIcp },
 *   account: (o) => byName.get(o.account),
 *   won: equals('stage', 'Won'), lost: equals('stage', 'Lost'),
 *   amount: 'amount', engagedAt: 'engagedAt', closedAt: 'closedAt',
 * });
 * report.profiles.map((p) => [p.profile, p.inIcp.winRate, p.outOfIcp.winRate]);
 */
export function backtestIcp<T, A>(opportunities: readonly T[], options: IcpBacktestOptions<T, A>): IcpBacktestReport {
  const api = 'backtestIcp';
  const prepared = prepareOpportunities(api, opportunities, options);
  const { profiles, account } = options;
  if (profiles === null || typeof profiles !== 'object' || Object.keys(profiles).length === 0) {
    throw new ConfigError(api, 'profiles', `expected an object of named ICPs, received ${describeValue(profiles)}`);
  }
  if (typeof account !== 'function') {
    throw new ConfigError(api, 'account', `expected a function that returns the opportunity's account, received ${describeValue(account)}`);
  }

  const accountOf = (record: unknown): A | undefined => {
    try {
      return account(record as T);
    } catch {
      return undefined;
    }
  };
  const accounts = prepared.opportunities.map((opportunity) => accountOf(opportunity.record));

  const results = Object.entries(profiles).map(([name, profile]): IcpBacktest => {
    if (profile === null || typeof profile !== 'object' || typeof profile.evaluate !== 'function') {
      throw new ConfigError(api, `profiles.${name}`, `expected an ICP built with icp(), received ${describeValue(profile)}`);
    }
    const outcomes = new Map<number, Outcome>();
    prepared.opportunities.forEach((opportunity, i) => {
      const company = accounts[i];
      outcomes.set(opportunity.row, company === undefined || company === null ? 'unknown' : profile.evaluate(company));
    });
    const groups = groupBy(prepared.opportunities, (o) => outcomes.get(o.row) ?? 'unknown', ['match', 'no_match', 'unknown']);
    const summarize = (key: Outcome): VelocitySegment => summarizeSegment(key, groups.get(key) ?? [], prepared.cycle);
    const inIcp = summarize('match');
    const outOfIcp = summarize('no_match');
    return {
      profile: name,
      inIcp,
      outOfIcp,
      unknown: summarize('unknown'),
      lift: {
        winRate: liftOf(inIcp.winRate, outOfIcp.winRate),
        averageDealSize: liftOf(inIcp.averageDealSize, outOfIcp.averageDealSize),
        averageCycleDays: liftOf(inIcp.averageCycleDays, outOfIcp.averageCycleDays),
        velocity: liftOf(inIcp.velocity, outOfIcp.velocity),
      },
    };
  });

  return { profiles: results, leftOut: prepared.leftOut, issues: prepared.issues };
}
