import { ConfigError, describeValue } from '../internal/config-error.js';
import { routeMany, type RouteManyOptions } from './batch.js';
import type { Decision, Router } from './router.js';
import { memoryStore, type RouterStore } from './store.js';

/** The findings of a dry run. */
export interface DryRunReport {
  readonly leads: number;
  /** Leads whose routing failed. */
  readonly failed: number;
  /** Leads per route. */
  readonly routes: Record<string, number>;
  /** Leads per route reason code. */
  readonly reasons: Record<string, number>;
  /** Leads per assignee; unassigned leads count under `(none)`. */
  readonly assignees: Record<string, number>;
  /** Times each rep was passed over for a cap (`cap_day` or `cap_week`). */
  readonly capsHit: Record<string, number>;
}

/** Options for {@link dryRun}. */
export interface DryRunOptions extends Omit<RouteManyOptions, 'dryRun' | 'store'> {
  /** The scratch store assigners use. Defaults to an empty store; seed one with `memoryStore(snapshot)` to start from live state. */
  readonly store?: RouterStore;
  /** Called with each decision, for a custom tally. */
  readonly onDecision?: (decision: Decision<string>, index: number) => void;
}

const increment = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Routes a data set with no side effects (no hooks, no writes to the assigners' own stores)
 * and reports the route distribution, the load per rep and the caps hit.
 *
 * @example
 * const report = await dryRun(router, leads);
 * report.routes; // { abm: 120, sales: 312, nurture: 2568 }
 */
export async function dryRun<L, R extends string>(
  router: Router<L, R>,
  leads: Iterable<L> | AsyncIterable<L>,
  options: DryRunOptions = {},
): Promise<DryRunReport> {
  const { onDecision, store = memoryStore(), ...batch } = options;
  const report: { -readonly [K in keyof DryRunReport]: DryRunReport[K] } = { leads: 0, failed: 0, routes: {}, reasons: {}, assignees: {}, capsHit: {} };
  for await (const result of routeMany(router, leads, { ...batch, dryRun: true, store })) {
    report.leads++;
    if (!result.ok) {
      report.failed++;
      continue;
    }
    const decision = result.decision;
    increment(report.routes, decision.route);
    increment(report.reasons, decision.reason);
    if (decision.assignment !== null) {
      increment(report.assignees, decision.assignment.assignee ?? '(none)');
      for (const skip of decision.assignment.skipped) {
        if (skip.code === 'cap_day' || skip.code === 'cap_week') increment(report.capsHit, skip.rep);
      }
    }
    onDecision?.(decision, result.index);
  }
  return report;
}

/** The differences between two routers on the same leads. */
export interface RouterComparison {
  readonly leads: number;
  /** Leads whose route differs. */
  readonly changed: number;
  /** Moves between routes, largest first. */
  readonly moves: readonly { readonly from: string; readonly to: string; readonly leads: number }[];
  /** One line per move, such as "312 leads move from sales to nurture". */
  readonly summary: readonly string[];
  /** Up to `examples` indexes of changed leads per move, keyed `from->to`. */
  readonly examples: Record<string, readonly number[]>;
}

/**
 * Compares the routes two routers give the same leads, with `decide` only: no hooks and no
 * assignment. Reads the leads once, so an async iterable works.
 *
 * @example
 * const diff = await compareRouters(current, createRouter({ ...options, mqlThreshold: 80 }), leads);
 * diff.summary; // ['312 leads move from sales to nurture']
 */
export async function compareRouters<L>(
  before: Router<L, any>,
  after: Router<L, any>,
  leads: Iterable<L> | AsyncIterable<L>,
  options: { readonly examples?: number } = {},
): Promise<RouterComparison> {
  for (const [name, router] of [['before', before], ['after', after]] as const) {
    if (router?.kind !== 'router') {
      throw new ConfigError('compareRouters', name, `expected a router built by createRouter(), received ${describeValue(router)}`);
    }
  }
  const keep = options.examples ?? 5;
  const moves = new Map<string, { from: string; to: string; leads: number }>();
  const examples: Record<string, number[]> = {};
  let index = 0;
  let changed = 0;
  for await (const lead of leads) {
    const from = before.decide(lead).route;
    const to = after.decide(lead).route;
    if (from !== to) {
      changed++;
      const key = `${from}->${to}`;
      const move = moves.get(key) ?? { from, to, leads: 0 };
      move.leads++;
      moves.set(key, move);
      const list = (examples[key] ??= []);
      if (list.length < keep) list.push(index);
    }
    index++;
  }
  const sorted = [...moves.values()].sort((a, b) => b.leads - a.leads || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return {
    leads: index,
    changed,
    moves: sorted,
    summary: sorted.map((move) => `${move.leads} lead${move.leads === 1 ? '' : 's'} move${move.leads === 1 ? 's' : ''} from ${move.from} to ${move.to}`),
    examples,
  };
}
