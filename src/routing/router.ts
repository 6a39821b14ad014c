import { ConfigError, describeValue } from '../internal/config-error.js';
import type { AccountIndex, AccountLike } from '../identity/index.js';
import type { Icp } from '../icp/icp.js';
import type { Outcome } from '../predicate/types.js';
import type { ScoreIssue } from '../scoring/events.js';
import type { Scorecard } from '../scoring/scorecard.js';
import {
  checkRetry,
  checkTimeout,
  describeError,
  globalTimers,
  runOnce,
  runWithRetry,
  type ErrorInfo,
  type HookContext,
  type RetryPolicy,
  type RunSettings,
  type Timers,
} from './hooks.js';
import { indexStep } from './account-step.js';
import {
  abmStep,
  mqlStep,
  resolveThreshold,
  scoreStep,
  nurtureStep,
  type AccountFacts,
  type AccountTrace,
  type LedgerEntry,
  type RouteClaim,
  type RoutesOf,
  type ScoreFacts,
  type Step,
  type StepResult,
} from './steps.js';
import type { RouterStore } from './store.js';

/** The three routes of the default hybrid graph. */
export type Route = 'abm' | 'sales' | 'nurture';

/** Reason codes of the built-in steps and the router; custom steps add their own. */
export type RouteReason =
  | 'target_account'
  | 'icp_match'
  | 'score_at_or_above_threshold'
  | 'score_below_threshold'
  | 'not_claimed_earlier'
  | 'disqualified'
  | 'fallback'
  | 'step_failed'
  | (string & {});

/** The lifecycle hooks, in the order they run around the route's own hook. */
export type LifecycleHookName = 'beforeRoute' | 'afterMatch' | 'afterScore' | 'afterRoute' | 'onError' | 'deadLetter';

/** Any hook name: a lifecycle hook or a route. */
export type HookName<R extends string = Route> = R | LifecycleHookName;

/** The plain-data record of what the steps found. */
export interface DecisionTrace {
  readonly reason: RouteReason;
  /** The account match; `code: 'not_checked'` when the graph has no account step. */
  readonly account: AccountTrace;
  /** The score, or null when no step scored the lead. */
  readonly score: number | null;
  readonly threshold: number | null;
  /** The score tier, or null when the lead was not scored or is below every tier with a `min`. */
  readonly tier: string | null;
  /** Rule ids that matched, in rule order. */
  readonly matchedRules: readonly string[];
  /** Fields whose absence left rules undecided. */
  readonly missingFields: readonly string[];
  /** One entry per scorecard rule: its outcome and the points it added. */
  readonly ledger: readonly LedgerEntry[];
  /** Problems the scorecard found in the lead's data, such as `type_mismatch`, or `invalid_lead` for a lead that is not an object. */
  readonly issues: readonly ScoreIssue[];
  /** The matched account's ICP outcome, or null when no step evaluated an ICP. */
  readonly icp: Outcome | null;
  /** Facts added by custom steps. */
  readonly facts: Readonly<Record<string, unknown>>;
}

/** One step's part in a decision. Steps after the claiming step do not run and are not listed. */
export interface StepOutcome {
  readonly step: string;
  readonly status: 'passed' | 'claimed' | 'error';
  readonly note?: string;
  readonly error?: ErrorInfo;
}

/** The assignee of a lead and the reason, as an assigner reports them. */
export interface Assignment {
  /** The rep id, the assigner's fallback queue, or null when no rep could take the lead. */
  readonly assignee: string | null;
  /** The selection method, such as `round_robin`, `account_owner` or `duplicate`. */
  readonly method: string;
  /** A sentence such as "rep-4: next in weighted rotation, 3 of 5 this cycle". */
  readonly reason: string;
  /** The rotation turn this lead used, or null when it used none. */
  readonly turn: number | null;
  /** Reps passed over, each with a code such as `out_of_office` or `cap_day`. */
  readonly skipped: readonly { readonly rep: string; readonly code: string }[];
}

/** The outcome of one hook. */
export interface HookOutcome {
  readonly hook: string;
  readonly status: 'ok' | 'error' | 'timeout';
  /** Runs made, retries included. */
  readonly attempts: number;
  /** Milliseconds from the first run to the last settlement, on the router's clock. */
  readonly ms: number;
  readonly error?: ErrorInfo;
}

/** A decision before hooks ran, as hooks receive it. Frozen, so hooks cannot change it. */
export interface PendingDecision<R extends string = Route> {
  readonly route: R;
  readonly reason: RouteReason;
  /** A sentence a person can read, such as "target account Global Tech Inc (globaltechinc.com)". */
  readonly summary: string;
  /** The step that claimed the lead, or null when the fallback route took it. */
  readonly step: string | null;
  readonly trace: DecisionTrace;
  readonly steps: readonly StepOutcome[];
  /** Null until the route's assigner ran, and when the route has none. */
  readonly assignment: Assignment | null;
  /** The router's `version` option, so that a stored decision names the configuration behind it. */
  readonly configVersion: string | null;
}

/** A routing decision: JSON-serialisable, with every step's and hook's outcome. */
export interface Decision<R extends string = Route> extends PendingDecision<R> {
  readonly hooks: readonly HookOutcome[];
  /** Milliseconds on the router's clock: when routing started, and how long each phase took. */
  readonly timings: { readonly startedAt: number; readonly decideMs: number; readonly assignMs: number; readonly totalMs: number };
  /**
   * The idempotency key and its status: `first` for the first routing, `replayed` for a stored
   * decision returned again, `in_progress` when the first routing has not finished,
   * `store_failed` when the store threw (the lead was routed anyway), and `no_key` with a null
   * key when a router wrapped by `idempotent()` found no key for the lead. Null outside
   * `idempotent()` and in dry runs.
   */
  readonly idempotency:
    | { readonly key: string; readonly status: 'first' | 'replayed' | 'in_progress' | 'store_failed' }
    | { readonly key: null; readonly status: 'no_key' }
    | null;
  /** True when the decision came from a dry run, which runs no hooks. */
  readonly dryRun: boolean;
}

/** A hook: sync or async; what it returns is ignored, and what it throws is recorded. */
export type Hook<L, R extends string = Route> = (decision: PendingDecision<R>, lead: L, context: HookContext) => unknown;

/** A hook with its own timeout or retry policy. */
export interface HookSettings<L, R extends string = Route> {
  readonly run: Hook<L, R>;
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
}

/** A hook, bare or with settings. */
export type HookConfig<L, R extends string = Route> = Hook<L, R> | HookSettings<L, R>;

/** The dead-letter entry: everything needed to run the failed hook again. */
export interface DeadLetter<L, R extends string = Route> {
  readonly hook: HookName<R>;
  readonly error: ErrorInfo;
  readonly attempts: number;
  readonly decision: PendingDecision<R>;
  readonly lead: L;
}

/** Lifecycle hooks, plus one hook per route name. */
export type RouterHooks<L, R extends string = Route> = {
  /** Runs first, for every lead. */
  readonly beforeRoute?: HookConfig<L, R>;
  /** Runs when a step matched the lead to an account, or tried to. */
  readonly afterMatch?: HookConfig<L, R>;
  /** Runs when a step scored the lead. */
  readonly afterScore?: HookConfig<L, R>;
  /** Runs after the route's hook, for every lead. */
  readonly afterRoute?: HookConfig<L, R>;
  /** Runs once per failed hook, after its retries, with the error; never retried. */
  readonly onError?: (error: unknown, failedHook: HookName<R>, decision: PendingDecision<R>, lead: L, context: HookContext) => unknown;
  /** Runs after `onError` with what failed, for a queue to replay; never retried. */
  readonly deadLetter?: (entry: DeadLetter<L, R>, context: HookContext) => unknown;
} & { readonly [K in R]?: HookConfig<L, R> };

/** The input of an assigner. */
export interface AssignInput<L, R extends string = string> {
  readonly lead: L;
  readonly decision: PendingDecision<R>;
  /** A scratch store passed by dry runs; an assigner uses it in place of its own. */
  readonly store: RouterStore | undefined;
}

/** Picks the assignee of a lead; built by `assignment()` or written by hand. */
export type Assigner<L> = (input: AssignInput<L>) => Assignment | Promise<Assignment>;

/** Options every router takes. */
export interface RouterBaseOptions<L, R extends string> {
  readonly hooks?: RouterHooks<L, R>;
  /** An assigner per route. */
  readonly assign?: { readonly [K in R]?: Assigner<L> };
  /** Milliseconds each hook and assigner may take. Defaults to 10,000. */
  readonly timeoutMs?: number;
  /** Retry of failed hooks (not `onError` or `deadLetter`); off unless given. */
  readonly retry?: RetryPolicy;
  /** A label for this configuration, copied into every decision. */
  readonly version?: string;
  /** Milliseconds since the epoch. Defaults to `Date.now`. */
  readonly clock?: () => number;
  /** Defaults to the global `setTimeout` and `clearTimeout`. */
  readonly timers?: Timers;
}

/** Options of the default hybrid graph: target accounts to ABM, MQLs to sales, the rest to nurture. */
export interface RouterOptions<L, A extends AccountLike = AccountLike> extends RouterBaseOptions<L, Route> {
  /**
   * The target accounts (the ABM list) as an index built by `accountIndex(accounts)`. The
   * router takes an index rather than an array so that it does not ship the index builder.
   */
  readonly accounts: AccountIndex<A>;
  readonly scorecard: Scorecard<L, any>;
  /** The lowest score that goes to sales. Defaults to the `min` of the scorecard's `mql` tier. */
  readonly mqlThreshold?: number;
  /** The lead's email field, as a dotted path. Defaults to `email`. */
  readonly emailField?: string;
  /** When given, only matched accounts that fit this ICP go to ABM. */
  readonly icp?: Icp<A>;
}

/** Options of a custom graph: the steps in order and the route that takes unclaimed leads. */
export interface GraphRouterOptions<L, S extends readonly Step<any, string>[], F extends string>
  extends RouterBaseOptions<L, RoutesOf<S> | F> {
  readonly steps: S;
  readonly fallback: F;
}

/** The lead type of a list of steps: `any` when a step leaves it open. */
export type LeadOf<S extends readonly Step<any, string>[]> = S[number] extends Step<infer L, any> ? L : any;

/** Options of one `route` call. */
export interface RouteOptions {
  /** The idempotency key of this call, read by a router wrapped with `idempotent()`. */
  readonly idempotencyKey?: string;
  /** Runs no hooks and writes no idempotency key; assigners run only against `store`. */
  readonly dryRun?: boolean;
  /** The scratch store that assigners use in a dry run. */
  readonly store?: RouterStore;
}

/** A router: an ordered graph of steps, hooks around it and assigners per route. */
export interface Router<L, R extends string = Route> {
  readonly kind: 'router';
  /** Every route a lead can take, the fallback last. */
  readonly routes: readonly R[];
  readonly fallback: R;
  readonly version: string | null;
  /** Runs the steps without hooks or assignment; pure, synchronous and never throws on lead data. */
  readonly decide: (lead: L) => PendingDecision<R>;
  /** Decides, assigns and runs the hooks in their documented order; never rejects on lead data or hook failures. */
  readonly route: (lead: L, options?: RouteOptions) => Promise<Decision<R>>;
  /** Runs a dead-lettered hook again with its timeout and retry policy. */
  readonly replay: (entry: DeadLetter<L, R>) => Promise<HookOutcome>;
}

const API = 'createRouter';
const LIFECYCLE: readonly string[] = ['beforeRoute', 'afterMatch', 'afterScore', 'afterRoute', 'onError', 'deadLetter'];
const RESERVED: readonly string[] = ['__proto__', 'constructor', 'prototype'];
const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);
const NOT_CHECKED: AccountTrace = { matched: false, code: 'not_checked', message: 'no step matched the lead to an account' };

function resolveSteps<L>(options: RouterOptions<L> | GraphRouterOptions<L, readonly Step<L, string>[], string>) {
  if ('steps' in options) {
    const { steps, fallback } = options;
    if (!Array.isArray(steps) || steps.some((step: Step | undefined) => step?.kind !== 'step')) {
      throw new ConfigError(API, 'steps', 'expected an array of steps built by defineStep() or the step factories');
    }
    if (typeof fallback !== 'string' || fallback.length === 0) {
      throw new ConfigError(API, 'fallback', `expected a route name, received ${describeValue(fallback)}`);
    }
    return { steps, fallback };
  }
  if (options.accounts?.kind !== 'account_index' || typeof options.accounts.match !== 'function') {
    throw new ConfigError(API, 'accounts', `expected an index built by accountIndex(accounts), received ${describeValue(options.accounts)}`);
  }
  const card = options.scorecard;
  if (card?.kind !== 'scorecard') {
    throw new ConfigError(API, 'scorecard', `expected a scorecard built by scorecard(), received ${describeValue(card)}`);
  }
  const steps: readonly Step<L, string>[] = [
    indexStep<L, AccountLike>(options.accounts, options.emailField === undefined ? {} : { emailField: options.emailField }),
    // Scored before the ABM step, so that every decision, ABM included, records the score.
    scoreStep<L>(card, { threshold: resolveThreshold(API, card, options.mqlThreshold, 'mqlThreshold') }),
    abmStep<L>(options.icp === undefined ? {} : { icp: options.icp }),
    mqlStep<L>(undefined),
    nurtureStep<L>(),
  ];
  return { steps, fallback: 'nurture' };
}

function routeNames(steps: readonly Step[], fallback: string): string[] {
  const names = new Set<string>();
  for (const step of steps) for (const name of step.routes) names.add(name);
  names.delete(fallback);
  const all = [...names, fallback];
  for (const name of all) {
    if (LIFECYCLE.includes(name) || RESERVED.includes(name)) {
      throw new ConfigError(API, 'steps', `the route name ${JSON.stringify(name)} is reserved; rename the route`);
    }
  }
  return all;
}

function checkHook(path: string, hook: unknown): void {
  const run = typeof hook === 'object' && hook !== null ? (hook as HookSettings<unknown>).run : hook;
  if (typeof run !== 'function') {
    throw new ConfigError(API, path, `expected a function or { run, timeoutMs?, retry? }, received ${describeValue(hook)}`);
  }
  if (run !== hook) {
    const settings = hook as HookSettings<unknown>;
    if (settings.timeoutMs !== undefined) checkTimeout(API, `${path}.timeoutMs`, settings.timeoutMs);
    checkRetry(API, `${path}.retry`, settings.retry);
  }
}

function checkHooks(hooks: object, routes: readonly string[]): void {
  for (const name of Object.keys(hooks)) {
    if (!LIFECYCLE.includes(name) && !routes.includes(name)) {
      throw new ConfigError(API, `hooks.${name}`, `no such hook or route; routes are ${routes.join(', ')}`);
    }
    const hook: unknown = (hooks as Record<string, unknown>)[name];
    if (hook !== undefined) checkHook(`hooks.${name}`, hook);
  }
}

/**
 * Rejects top-level option keys that neither router form reads, so that a hook or a step option
 * put at the wrong level fails when the router is built. Keys whose value is undefined are skipped.
 */
function checkOptionKeys(options: object, graph: boolean, routes: readonly string[]): void {
  const hybrid = ['accounts', 'scorecard', 'mqlThreshold', 'emailField', 'icp'];
  const known = ['hooks', 'assign', 'timeoutMs', 'retry', 'version', 'clock', 'timers', ...(graph ? ['steps', 'fallback'] : hybrid)];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || known.includes(key)) continue;
    let hint = `expected one of ${known.join(', ')}`;
    if (LIFECYCLE.includes(key) || routes.includes(key)) hint = `hooks go in hooks: { ${key} }`;
    else if (graph && hybrid.includes(key)) hint = 'with steps, pass it to accountStep, abmStep or mqlStep';
    throw new ConfigError(API, key, `unknown option ${key}; ${hint}`);
  }
}

function freezeTrace(claim: RouteClaim<string>, account: AccountFacts | undefined, score: ScoreFacts | undefined, icp: Outcome | undefined, facts: Record<string, unknown>): DecisionTrace {
  return Object.freeze({
    reason: claim.reason,
    account: Object.freeze({ ...(account?.trace ?? NOT_CHECKED) }),
    score: score?.total ?? null,
    threshold: score?.threshold ?? null,
    tier: score?.tier ?? null,
    matchedRules: Object.freeze([...(score?.matchedRules ?? [])]),
    missingFields: Object.freeze([...(score?.missingFields ?? [])]),
    ledger: Object.freeze((score?.ledger ?? []).map((entry) => Object.freeze({ ...entry }))),
    issues: Object.freeze((score?.issues ?? []).map((issue) => Object.freeze({ ...issue }))),
    icp: icp ?? null,
    facts: Object.freeze({ ...facts }),
  });
}

/**
 * Creates a router: an ordered graph of steps with a fallback route, lifecycle hooks with
 * timeouts and isolation, and assigners per route. With `accounts` and `scorecard` and no
 * `steps`, it builds the hybrid graph: target accounts to `abm`, MQLs to `sales`, the rest to
 * `nurture`. Throws a `NetspearConfigError` when the options are invalid, including a key that
 * the chosen form does not read, such as `onError` outside `hooks`.
 *
 * @example
 * const router = createRouter({
 *   steps: [accountStep(accounts), disqualifyStep({ titleWords: ['student'] }), abmStep(), mqlStep(card)],
 *   fallback: 'nurture',
 *   hooks: { abm: (decision) => notifyAccountTeam(decision), sales: { run: createTask, timeoutMs: 2000, retry: { attempts: 3 } } },
 * });
 * const decision = await router.route({ email: 'someone@globaltechinc.com' });
 * decision.route; // 'abm'
 */
export function createRouter<const S extends readonly Step<any, string>[], const F extends string>(
  options: GraphRouterOptions<LeadOf<S>, S, F>,
): Router<LeadOf<S>, RoutesOf<S> | F>;
export function createRouter<L, A extends AccountLike>(options: RouterOptions<L, A>): Router<L, Route>;
/* @__NO_SIDE_EFFECTS__ */
export function createRouter<L>(
  options: RouterOptions<L> | GraphRouterOptions<L, readonly Step<L, string>[], string>,
): Router<L, any> {
  if (options === null || typeof options !== 'object') {
    throw new ConfigError(API, '', `expected an options object, received ${describeValue(options)}`);
  }
  const { steps, fallback } = resolveSteps(options);
  const routes = routeNames(steps, fallback);
  checkOptionKeys(options, 'steps' in options, routes);
  const hooks = (options.hooks ?? {}) as RouterHooks<L, string>;
  checkHooks(hooks, routes);
  const assigners: Record<string, Assigner<L> | undefined> = options.assign ?? {};
  for (const name of Object.keys(assigners)) {
    if (!routes.includes(name) || typeof assigners[name] !== 'function') {
      throw new ConfigError(API, `assign.${name}`, `expected an assigner function for one of the routes ${routes.join(', ')}`);
    }
  }
  const settings: RunSettings = {
    timers: options.timers ?? globalTimers(),
    timeoutMs: options.timeoutMs === undefined ? 10_000 : checkTimeout(API, 'timeoutMs', options.timeoutMs),
    retry: checkRetry(API, 'retry', options.retry),
  };
  const now = options.clock ?? Date.now;
  const version = options.version ?? null;

  const decide = (lead: L): PendingDecision<string> => {
    let account: AccountFacts | undefined;
    let score: ScoreFacts | undefined;
    let icp: Outcome | undefined;
    let facts: Record<string, unknown> = {};
    let claim: RouteClaim<string> | undefined;
    let by: string | null = null;
    const outcomes: StepOutcome[] = [];
    for (const step of steps) {
      let result: StepResult<string>;
      try {
        result = step.run(Object.freeze({ lead, account, score, icp, facts }));
        if (result !== undefined && (result === null || typeof result !== 'object')) {
          throw new TypeError(`returned ${describeValue(result)} instead of a claim, findings or undefined`);
        }
        if (result?.route !== undefined && (!step.routes.includes(result.route) || typeof result.reason !== 'string' || typeof result.summary !== 'string')) {
          throw new TypeError(`returned an invalid claim for route ${describeValue(result.route)}`);
        }
      } catch (error) {
        const info = describeError(error);
        outcomes.push(Object.freeze({ step: step.id, status: 'error', error: info }));
        claim = { route: fallback, reason: 'step_failed', summary: `step ${step.id} failed (${info.message}), so the fallback route took the lead` };
        break;
      }
      account = result?.account ?? account;
      score = result?.score ?? score;
      icp = result?.icp ?? icp;
      if (result?.facts !== undefined) facts = { ...facts, ...result.facts };
      const note = result?.note === undefined ? {} : { note: String(result.note) };
      if (result?.route !== undefined) {
        outcomes.push(Object.freeze({ step: step.id, status: 'claimed', ...note }));
        claim = result;
        by = step.id;
        break;
      }
      outcomes.push(Object.freeze({ step: step.id, status: 'passed', ...note }));
    }
    claim ??= { route: fallback, reason: 'fallback', summary: 'no step claimed the lead, so the fallback route took it' };
    return Object.freeze({
      route: claim.route,
      reason: claim.reason,
      summary: claim.summary,
      step: by,
      trace: freezeTrace(claim, account, score, icp, facts),
      steps: Object.freeze(outcomes),
      assignment: null,
      configVersion: version,
    });
  };

  /** Runs one hook with its timeout and retries, then `onError` and `deadLetter` if it failed. */
  const runHook = async (name: string, hook: unknown, pending: PendingDecision<string>, lead: L, outcomes: HookOutcome[]): Promise<HookOutcome | undefined> => {
    if (hook === undefined) return undefined;
    const own = typeof hook === 'function' ? undefined : (hook as HookSettings<L, string>);
    const run = (own?.run ?? hook) as Hook<L, string>;
    const hookSettings: RunSettings = {
      timers: settings.timers,
      timeoutMs: own?.timeoutMs ?? settings.timeoutMs,
      retry: own?.retry ?? settings.retry,
    };
    const started = now();
    const { attempts, failure } = await runWithRetry(hookSettings, `hook ${name}`, (signal, attempt) => run(pending, lead, { signal, attempt }));
    const outcome: HookOutcome = failure === undefined
      ? { hook: name, status: 'ok', attempts, ms: now() - started }
      : { hook: name, status: failure.timedOut ? 'timeout' : 'error', attempts, ms: now() - started, error: describeError(failure.error) };
    outcomes.push(outcome);
    if (failure !== undefined) {
      const once = { ...settings, retry: undefined };
      const { onError, deadLetter } = hooks;
      type Follow = ((signal: HookContext['signal']) => unknown) | undefined;
      for (const [follow, call] of [
        ['onError', onError && ((signal) => onError(failure.error, name, pending, lead, { signal, attempt: 1 }))],
        ['deadLetter', deadLetter && ((signal) => deadLetter({ hook: name, error: describeError(failure.error), attempts, decision: pending, lead }, { signal, attempt: 1 }))],
      ] as [string, Follow][]) {
        if (call === undefined) continue;
        const followStarted = now();
        const followFailure = await runOnce(once, `hook ${follow}`, call);
        if (followFailure !== undefined) {
          outcomes.push({ hook: follow, status: followFailure.timedOut ? 'timeout' : 'error', attempts: 1, ms: now() - followStarted, error: describeError(followFailure.error) });
        }
      }
    }
    return outcome;
  };

  const hookOf = (name: string): unknown => (hasOwn(hooks, name) ? (hooks as Record<string, unknown>)[name] : undefined);

  const route = async (lead: L, routeOptions: RouteOptions = {}): Promise<Decision<string>> => {
    const startedAt = now();
    const dryRun = routeOptions.dryRun === true;
    const early = decide(lead);
    const decided = now();
    const outcomes: HookOutcome[] = [];
    const quiet = dryRun;
    if (!quiet) {
      await runHook('beforeRoute', hookOf('beforeRoute'), early, lead, outcomes);
      if (early.trace.account.matched || early.trace.account.code !== 'not_checked') {
        await runHook('afterMatch', hookOf('afterMatch'), early, lead, outcomes);
      }
      if (early.trace.score !== null) await runHook('afterScore', hookOf('afterScore'), early, lead, outcomes);
    }

    const assignStarted = now();
    let assignment: Assignment | null = null;
    const assigner = hasOwn(assigners, early.route) ? assigners[early.route] : undefined;
    if (assigner !== undefined && !(dryRun && routeOptions.store === undefined)) {
      let result: unknown;
      const failure = await runOnce({ ...settings, retry: undefined }, 'assigner', async () => {
        result = await assigner({ lead, decision: early, store: dryRun ? routeOptions.store : undefined });
      });
      assignment = failure === undefined && isAssignment(result)
        ? Object.freeze({ ...result, skipped: Object.freeze(result.skipped.map((entry) => Object.freeze({ rep: String(entry?.rep), code: String(entry?.code) }))) })
        : Object.freeze({ assignee: null, method: 'error', reason: failure === undefined ? 'the assigner returned an invalid assignment' : describeError(failure.error).message, turn: null, skipped: [] });
    }
    const assignMs = now() - assignStarted;
    const pending: PendingDecision<string> = Object.freeze({ ...early, assignment });

    if (!quiet) {
      await runHook(pending.route, hookOf(pending.route), pending, lead, outcomes);
      await runHook('afterRoute', hookOf('afterRoute'), pending, lead, outcomes);
    }

    return {
      ...pending,
      hooks: outcomes,
      timings: { startedAt, decideMs: decided - startedAt, assignMs, totalMs: now() - startedAt },
      idempotency: null,
      dryRun,
    };
  };

  const replay = async (entry: DeadLetter<L, string>): Promise<HookOutcome> => {
    const outcomes: HookOutcome[] = [];
    const outcome = await runHook(entry.hook, hookOf(entry.hook), entry.decision, entry.lead, outcomes);
    return outcome ?? { hook: entry.hook, status: 'error', attempts: 0, ms: 0, error: { name: 'NotFoundError', message: `no hook named ${entry.hook}` } };
  };

  return { kind: 'router', routes, fallback, version, decide, route, replay };
}

function isAssignment(value: unknown): value is Assignment {
  const candidate = value as Assignment | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    (candidate.assignee === null || typeof candidate.assignee === 'string') &&
    typeof candidate.method === 'string' &&
    typeof candidate.reason === 'string' &&
    (candidate.turn === null || Number.isSafeInteger(candidate.turn)) &&
    Array.isArray(candidate.skipped)
  );
}
