import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { accountIndex, matchAccount, type AccountIndex, type AccountLike } from '../identity/index.js';
import type { Scorecard } from '../scoring/scorecard.js';

/** The three routes of the hybrid flow. */
export type Route = 'abm' | 'sales' | 'nurture';

/** Why a lead took its route. */
export type RouteReason = 'target_account' | 'score_at_or_above_threshold' | 'score_below_threshold';

/** How the lead's email led, or did not lead, to a target account. */
export type AccountTrace =
  | {
      readonly matched: true;
      readonly accountId: string;
      readonly accountName: string;
      readonly domain: string;
      readonly matchedDomain: string;
      readonly via: 'domain' | 'subdomain';
    }
  | { readonly matched: false; readonly code: string; readonly message: string; readonly domain?: string };

/** The plain-data record of why a route was taken. */
export interface DecisionTrace {
  readonly reason: RouteReason;
  readonly account: AccountTrace;
  readonly score: number;
  readonly threshold: number;
  /** The score tier, or null when the score is below every tier with a `min`. */
  readonly tier: string | null;
  /** Rule ids that matched, in rule order. */
  readonly matchedRules: readonly string[];
  /** Fields whose absence left rules undecided. */
  readonly missingFields: readonly string[];
}

/** The outcome of one hook run. */
export type HookOutcome =
  | { readonly hook: HookName; readonly status: 'ok' }
  | { readonly hook: HookName; readonly status: 'error'; readonly error: { readonly name: string; readonly message: string } };

/** The hooks the router can run. */
export type HookName = Route | 'afterRoute' | 'onError';

/** A routing decision: JSON-serialisable, with the trace and every hook's outcome. */
export interface Decision {
  readonly route: Route;
  /** A sentence a person can read, such as "target account Global Tech Inc (globaltechinc.com)". */
  readonly summary: string;
  readonly trace: DecisionTrace;
  readonly hooks: readonly HookOutcome[];
}

/** A decision before hooks ran, as hooks receive it. */
export type PendingDecision = Omit<Decision, 'hooks'>;

/** A hook: sync or async; what it returns is ignored, and what it throws is recorded. */
export type Hook<L> = (decision: PendingDecision, lead: L) => unknown;

/** Hooks by route, plus `afterRoute` for every lead and `onError` for failed hooks. */
export interface RouterHooks<L> {
  readonly abm?: Hook<L>;
  readonly sales?: Hook<L>;
  readonly nurture?: Hook<L>;
  /** Runs after the route's hook, for every lead. */
  readonly afterRoute?: Hook<L>;
  /** Runs once per failed hook with the error; a failure here is recorded too, never rethrown. */
  readonly onError?: (error: unknown, failedHook: HookName, decision: PendingDecision, lead: L) => unknown;
}

/** What a router needs: the target accounts, a scorecard and optional hooks. */
export interface RouterOptions<L, A extends AccountLike> {
  /** Target accounts (the ABM list) or an index built from them. */
  readonly accounts: readonly A[] | AccountIndex<A>;
  readonly scorecard: Scorecard<L, string>;
  /** The lowest score that goes to sales. Defaults to the `min` of the scorecard's `mql` tier. */
  readonly mqlThreshold?: number;
  /** The lead's email field, as a dotted path. Defaults to `email`. */
  readonly emailField?: string;
  readonly hooks?: RouterHooks<L>;
}

/** A hybrid router: target accounts go to ABM, MQLs to sales, everyone else to nurture. */
export interface Router<L> {
  readonly kind: 'router';
  /** Decides the route of one lead without running hooks; never throws on lead data. */
  readonly decide: (lead: L) => PendingDecision;
  /** Decides the route, runs the hooks in order (route hook, `afterRoute`) and records their outcomes. */
  readonly route: (lead: L) => Promise<Decision>;
}

const API = 'createRouter';

function isIndex<A extends AccountLike>(value: readonly A[] | AccountIndex<A>): value is AccountIndex<A> {
  return !Array.isArray(value);
}

function resolveThreshold<L>(card: Scorecard<L, string>, threshold: unknown): number {
  if (threshold !== undefined) {
    if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
      throw new ConfigError(API, 'mqlThreshold', `expected a finite number, received ${describeValue(threshold)}`);
    }
    return threshold;
  }
  const mql = card.tiers.find((tier) => tier.name === 'mql');
  if (mql?.min === undefined) {
    throw new ConfigError(API, 'mqlThreshold', 'the scorecard has no "mql" tier with a min; pass mqlThreshold');
  }
  return mql.min;
}

/** Turns anything thrown into a plain `{ name, message }`, without throwing itself. */
export function describeError(error: unknown): { name: string; message: string } {
  try {
    if (error instanceof Error) return { name: String(error.name), message: String(error.message) };
    if (typeof error === 'string') return { name: 'NonError', message: error };
    return { name: 'NonError', message: `thrown value: ${describeValue(error)}` };
  } catch {
    return { name: 'NonError', message: 'thrown value could not be described' };
  }
}

function summarize(reason: RouteReason, account: AccountTrace, score: number, threshold: number): string {
  if (reason === 'target_account' && account.matched) {
    return `target account ${account.accountName} (${account.matchedDomain})`;
  }
  const why = account.matched ? '' : `no target account (${account.code}); `;
  return reason === 'score_at_or_above_threshold'
    ? `${why}score ${score} is at or above the MQL threshold ${threshold}`
    : `${why}score ${score} is below the MQL threshold ${threshold}`;
}

/**
 * Creates a hybrid router over target accounts and a scorecard.
 * Throws a `NetspearConfigError` when the options are invalid.
 *
 * @example
 * const router = createRouter({
 *   accounts: [{ id: 'acc-1', name: 'Global Tech Inc', domains: ['globaltechinc.com'] }],
 *   scorecard: card,
 *   hooks: { abm: (decision) => notifyAccountTeam(decision) },
 * });
 * const decision = await router.route({ email: 'someone@globaltechinc.com' });
 * decision.route; // 'abm'
 */
/* @__NO_SIDE_EFFECTS__ */
export function createRouter<L, A extends AccountLike>(options: RouterOptions<L, A>): Router<L> {
  if (options === null || typeof options !== 'object') {
    throw new ConfigError(API, '', `expected an options object, received ${describeValue(options)}`);
  }
  const card = options.scorecard;
  if (card?.kind !== 'scorecard') {
    throw new ConfigError(API, 'scorecard', `expected a scorecard built by scorecard(), received ${describeValue(card)}`);
  }
  if (options.accounts === null || typeof options.accounts !== 'object') {
    throw new ConfigError(API, 'accounts', `expected an array of accounts or an account index, received ${describeValue(options.accounts)}`);
  }
  const index = isIndex(options.accounts) ? options.accounts : accountIndex(options.accounts);
  const threshold = resolveThreshold(card, options.mqlThreshold);
  const emailPath = splitPath(API, 'emailField', options.emailField ?? 'email');
  const hooks = options.hooks ?? {};
  for (const name of ['abm', 'sales', 'nurture', 'afterRoute', 'onError'] as const) {
    const hook: unknown = hooks[name];
    if (hook !== undefined && typeof hook !== 'function') {
      throw new ConfigError(API, `hooks.${name}`, `expected a function, received ${describeValue(hook)}`);
    }
  }

  const decide = (lead: L): PendingDecision => {
    const match = matchAccount(index, readPath(lead, emailPath));
    const account: AccountTrace = match.matched
      ? {
          matched: true,
          accountId: match.account.id,
          accountName: match.account.name,
          domain: match.domain,
          matchedDomain: match.matchedDomain,
          via: match.via,
        }
      : {
          matched: false,
          code: match.code,
          message: match.message,
          ...(match.domain === undefined ? {} : { domain: match.domain }),
        };
    const result = card.score(lead);
    const reason: RouteReason = account.matched
      ? 'target_account'
      : result.total >= threshold
        ? 'score_at_or_above_threshold'
        : 'score_below_threshold';
    const route: Route = reason === 'target_account' ? 'abm' : reason === 'score_at_or_above_threshold' ? 'sales' : 'nurture';
    // Frozen, so that a hook can read the decision but not change it.
    return Object.freeze({
      route,
      summary: summarize(reason, account, result.total, threshold),
      trace: Object.freeze({
        reason,
        account: Object.freeze(account),
        score: result.total,
        threshold,
        tier: result.tier ?? null,
        matchedRules: Object.freeze(result.contributions.filter((c) => c.matched).map((c) => c.ruleId)),
        missingFields: Object.freeze([...result.missingFields]),
      }),
    });
  };

  const route = async (lead: L): Promise<Decision> => {
    const pending = decide(lead);
    const outcomes: HookOutcome[] = [];

    const runHook = async (name: HookName, hook: Hook<L> | undefined): Promise<void> => {
      if (hook === undefined) return;
      try {
        await hook(pending, lead);
        outcomes.push({ hook: name, status: 'ok' });
      } catch (error) {
        outcomes.push({ hook: name, status: 'error', error: describeError(error) });
        if (hooks.onError !== undefined) {
          try {
            await hooks.onError(error, name, pending, lead);
          } catch (secondary) {
            outcomes.push({ hook: 'onError', status: 'error', error: describeError(secondary) });
          }
        }
      }
    };

    await runHook(pending.route, hooks[pending.route]);
    await runHook('afterRoute', hooks.afterRoute);
    return { ...pending, hooks: outcomes };
  };

  return { kind: 'router', decide, route };
}
