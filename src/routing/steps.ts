import { ConfigError, describeValue } from '../internal/config-error.js';
import type { AccountLike } from '../identity/index.js';
import type { Icp } from '../icp/icp.js';
import type { Outcome } from '../predicate/types.js';
import type { ScoreIssue } from '../scoring/events.js';
import type { Scorecard } from '../scoring/scorecard.js';

/** The account match of a lead's email, or the reason there is none. */
export type AccountTrace =
  | {
      readonly matched: true;
      readonly accountId: string;
      readonly accountName: string;
      readonly domain: string;
      readonly matchedDomain: string;
      readonly via: 'domain' | 'subdomain';
    }
  | {
      readonly matched: true;
      readonly accountId: string;
      readonly accountName: string;
      /** The lead's email domain, when the email parsed. */
      readonly domain?: string;
      /** The account-name key that matched, such as `globaltech`. */
      readonly matchedKey: string;
      /** `name` for the company field, `domain_label` for the email domain's label, `fuzzy_name` for a similar name. */
      readonly via: 'name' | 'domain_label' | 'fuzzy_name';
      /** Certainty of the match, from 0 to 1. */
      readonly confidence: number;
    }
  | {
      readonly matched: true;
      readonly accountId: string;
      readonly accountName: string;
      /** The lead's email domain, when the email parsed. */
      readonly domain?: string;
      /** The website's canonical host, such as `acme.com` for `https://www.acme.com/about`. */
      readonly website: string;
      /** Account domain that matched: `website` itself or one of its parent domains. */
      readonly matchedDomain: string;
      readonly via: 'website';
      /** Certainty of the match, from 0 to 1. */
      readonly confidence: number;
    }
  | { readonly matched: false; readonly code: string; readonly message: string; readonly domain?: string };

/** The account a step found: the JSON trace for the decision and the record for later steps. */
export interface AccountFacts {
  readonly trace: AccountTrace;
  /** The matched account record as the caller passed it; undefined when nothing matched. */
  readonly record: AccountLike | undefined;
}

/** One rule's entry in a score ledger. */
export interface LedgerEntry {
  readonly ruleId: string;
  readonly outcome: Outcome;
  readonly points: number;
}

/** A score a step computed, in the plain-data form the decision records. */
export interface ScoreFacts {
  readonly total: number;
  readonly threshold: number;
  readonly tier: string | null;
  readonly matchedRules: readonly string[];
  readonly missingFields: readonly string[];
  readonly ledger: readonly LedgerEntry[];
  /** Problems the scorecard found in the lead's data, such as `type_mismatch` or `invalid_lead`. */
  readonly issues: readonly ScoreIssue[];
}

/** The input of a step: the lead and the findings of the steps before it. */
export interface StepContext<L> {
  readonly lead: L;
  readonly account: AccountFacts | undefined;
  readonly score: ScoreFacts | undefined;
  /** The ICP outcome of the matched account, when a step evaluated one. */
  readonly icp: Outcome | undefined;
  /** Facts that custom steps added, by key. Values should be JSON data. */
  readonly facts: Readonly<Record<string, unknown>>;
}

/** The findings of a step that does not claim the lead, passed to the next step. */
export interface StepFindings {
  readonly route?: undefined;
  readonly account?: AccountFacts;
  readonly score?: ScoreFacts;
  readonly icp?: Outcome;
  readonly facts?: Readonly<Record<string, unknown>>;
  /** A short note for the decision's step list, such as "matched Global Tech Inc". */
  readonly note?: string;
}

/** A step's claim on a lead: the route, a reason code, a sentence a person can read, and any findings. */
export interface RouteClaim<R extends string> extends Omit<StepFindings, 'route'> {
  readonly route: R;
  readonly reason: string;
  readonly summary: string;
}

/** A step's result: a claim ends the graph, findings or nothing pass the lead on. */
export type StepResult<R extends string> = RouteClaim<R> | StepFindings | undefined | void;

/** A typed step of a routing graph: it may claim a lead for one of `routes`, or pass it on. */
export interface Step<L = any, R extends string = string> {
  readonly kind: 'step';
  readonly id: string;
  /** Every route the step can claim; the router rejects a claim outside this list. */
  readonly routes: readonly R[];
  /** Runs synchronously and should not throw; a throw or an unknown route sends the lead to the fallback. */
  readonly run: (context: StepContext<L>) => StepResult<R>;
}

/** The union of route names that a list of steps can claim. */
export type RoutesOf<S extends readonly Step<any, string>[]> = S[number] extends infer X
  ? X extends Step<any, infer R>
    ? R
    : never
  : never;

/**
 * Defines a custom step whose route names are inferred from `routes`.
 *
 * @example
 * const partners = defineStep({
 *   id: 'partners',
 *   routes: ['partner'],
 *   run: ({ lead }) => (lead.source === 'partner' ? { route: 'partner', reason: 'partner_source', summary: 'partner referral' } : undefined),
 * });
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineStep<L = any, const R extends string = never>(step: {
  readonly id: string;
  readonly routes: readonly R[];
  readonly run: (context: StepContext<L>) => StepResult<R>;
}): Step<L, NoInfer<R>> {
  if (step === null || typeof step !== 'object') {
    throw new ConfigError('defineStep', '', `expected a step object { id, routes, run }, received ${describeValue(step)}`);
  }
  if (typeof step.id !== 'string' || step.id.length === 0) {
    throw new ConfigError('defineStep', 'id', `expected a non-empty string, received ${describeValue(step.id)}`);
  }
  if (!Array.isArray(step.routes) || step.routes.some((r) => typeof r !== 'string' || r.length === 0)) {
    throw new ConfigError('defineStep', 'routes', `expected an array of route names, received ${describeValue(step.routes)}`);
  }
  if (typeof step.run !== 'function') {
    throw new ConfigError('defineStep', 'run', `expected a function, received ${describeValue(step.run)}`);
  }
  return { kind: 'step', id: step.id, routes: [...step.routes], run: step.run };
}

/** Options for {@link abmStep}. */
export interface AbmStepOptions<A> {
  /**
   * An ICP that the matched account must fit. Without it every matched account is a target,
   * which suits an account list that holds only target accounts.
   */
  readonly icp?: Icp<A>;
}

/**
 * Builds the step that claims leads of target accounts for `abm`; it needs an account step before it.
 *
 * @example
 * const steps = [accountStep(allAccounts), abmStep({ icp: profile })];
 */
/* @__NO_SIDE_EFFECTS__ */
export function abmStep<L = any, A = any>(options: AbmStepOptions<A> = {}): Step<L, 'abm'> {
  const profile = options.icp;
  if (profile !== undefined && profile?.kind !== 'icp') {
    throw new ConfigError('abmStep', 'icp', `expected an ICP built by icp(), received ${describeValue(profile)}`);
  }
  return defineStep<L, 'abm'>({
    id: 'abm',
    routes: ['abm'],
    run: ({ account }) => {
      const trace = account?.trace;
      if (!trace?.matched) return undefined;
      const target = `target account ${trace.accountName} (${'matchedDomain' in trace ? trace.matchedDomain : `name ${trace.matchedKey}`})`;
      if (profile === undefined) return { route: 'abm', reason: 'target_account', summary: target };
      const outcome = profile.evaluate(account?.record as A);
      return outcome === 'match'
        ? { route: 'abm', reason: 'icp_match', summary: `${target} fits the ICP`, icp: outcome }
        : { icp: outcome, note: `${trace.accountName}: ICP ${outcome}` };
    },
  });
}

/** Options for {@link mqlStep}. */
export interface MqlStepOptions<R extends string> {
  /** The lowest score that is an MQL. Defaults to the `min` of the scorecard's `mql` tier. */
  readonly threshold?: number;
  /** The route MQLs take. Defaults to `sales`. */
  readonly route?: R;
}

function scoreFacts<L>(card: Scorecard<L, any>, lead: L, threshold: number): ScoreFacts {
  const result = card.score(lead);
  return {
    total: result.total,
    threshold,
    tier: result.tier ?? null,
    matchedRules: result.contributions.filter((c) => c.matched).map((c) => c.ruleId),
    missingFields: [...result.missingFields],
    ledger: result.contributions.map((c) => ({ ruleId: c.ruleId, outcome: c.outcome, points: c.points })),
    issues: result.issues,
  };
}

function checkScorecard(api: string, card: Scorecard<any, any>): void {
  if (card?.kind !== 'scorecard') {
    throw new ConfigError(api, 'scorecard', `expected a scorecard built by scorecard(), received ${describeValue(card)}`);
  }
}

function claimMql<R extends string>(route: R, score: ScoreFacts): StepResult<R> {
  return score.total >= score.threshold
    ? { route, reason: 'score_at_or_above_threshold', summary: `score ${score.total} is at or above the MQL threshold ${score.threshold}`, score }
    : { score, note: `score ${score.total} is below ${score.threshold}` };
}

/**
 * Builds a step that scores every lead and claims none, so that later steps and the decision
 * record have the score even when an earlier route such as `abm` takes the lead.
 *
 * @example
 * const steps = [accountStep(targets), scoreStep(card), abmStep(), mqlStep(card), nurtureStep()];
 */
/* @__NO_SIDE_EFFECTS__ */
export function scoreStep<L = any>(card: Scorecard<L, any>, options: { readonly threshold?: number } = {}): Step<L, never> {
  checkScorecard('scoreStep', card);
  const threshold = resolveThreshold('scoreStep', card, options.threshold);
  return defineStep<L, never>({ id: 'score', routes: [], run: ({ lead }) => ({ score: scoreFacts(card, lead, threshold) }) });
}

/**
 * Builds the step that claims MQLs (score at or above the threshold) for sales. It scores the
 * lead itself, or takes the score of a {@link scoreStep} earlier in the graph when `card` is
 * omitted.
 *
 * @example
 * const toSales = mqlStep(card, { threshold: 80 });
 */
/* @__NO_SIDE_EFFECTS__ */
export function mqlStep<L = any, const R extends string = 'sales'>(
  card: Scorecard<L, any> | undefined,
  options: MqlStepOptions<R> = {},
): Step<L, NoInfer<R>> {
  const route = (options.route ?? 'sales') as R;
  if (card === undefined) {
    return defineStep<L, R>({
      id: 'mql',
      routes: [route],
      run: ({ score }) => (score === undefined ? { note: 'no score: add a scoreStep before this step' } : claimMql(route, score)),
    });
  }
  checkScorecard('mqlStep', card);
  const threshold = resolveThreshold('mqlStep', card, options.threshold);
  return defineStep<L, R>({
    id: 'mql',
    routes: [route],
    run: ({ lead }) => claimMql(route, scoreFacts(card, lead, threshold)),
  });
}

/**
 * Builds a step that claims every lead that reaches it, for `nurture` or the route given.
 *
 * @example
 * const steps = [accountStep(targets), abmStep(), mqlStep(card), nurtureStep()];
 */
/* @__NO_SIDE_EFFECTS__ */
export function nurtureStep<L = any, const R extends string = 'nurture'>(route: R = 'nurture' as R): Step<L, NoInfer<R>> {
  return defineStep<L, R>({
    id: 'nurture',
    routes: [route],
    run: ({ score }) =>
      score === undefined
        ? { route, reason: 'not_claimed_earlier', summary: `no earlier step claimed the lead` }
        : { route, reason: 'score_below_threshold', summary: `score ${score.total} is below the MQL threshold ${score.threshold}` },
  });
}

/** Reads the MQL threshold from the option `name` of `api` or from the scorecard's `mql` tier. */
export function resolveThreshold(api: string, card: Scorecard<any, any>, threshold: unknown, name = 'threshold'): number {
  if (threshold !== undefined) {
    if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
      throw new ConfigError(api, name, `expected a finite number, received ${describeValue(threshold)}`);
    }
    return threshold;
  }
  const mql = card.tiers.find((tier) => tier.name === 'mql');
  if (mql?.min === undefined) {
    throw new ConfigError(api, name, `the scorecard has no "mql" tier with a min; pass ${name}`);
  }
  return mql.min;
}
