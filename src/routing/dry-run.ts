import { ConfigError, describeValue } from '../internal/config-error.js';
import { openLeads } from '../internal/iterate.js';
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

/** Leads that move from one route, or one assignee, to another. */
export interface RouterMove {
  readonly from: string;
  readonly to: string;
  readonly leads: number;
}

/** The differences between two routers on the same leads. */
export interface RouterComparison {
  readonly leads: number;
  /** Leads whose route differs. */
  readonly changed: number;
  /** Moves between routes, largest first. */
  readonly moves: readonly RouterMove[];
  /** One line per move, such as "312 leads move from sales to nurture". */
  readonly summary: readonly string[];
  /** Up to `examples` indexes of changed leads per move, keyed `from->to`. */
  readonly examples: Record<string, readonly number[]>;
  /** With `assignees: true`, the number of leads whose assignee differs, whether or not their route does. */
  readonly reassigned?: number;
  /** With `assignees: true`, the moves between assignees, largest first. An unassigned lead counts as `(none)`. */
  readonly handoffs?: readonly RouterMove[];
  /** Up to `examples` indexes of reassigned leads per handoff, keyed `from->to`. */
  readonly handoffExamples?: Record<string, readonly number[]>;
}

/** Options for {@link compareRouters}. */
export interface CompareRoutersOptions {
  /** How many lead indexes to keep per move. Defaults to 5. */
  readonly examples?: number;
  /**
   * Also assign each lead, as a dry run with its own scratch store per router, and compare the
   * assignees. Hooks still do not run. Defaults to false, which compares routes with `decide`.
   */
  readonly assignees?: boolean;
  /** The scratch stores of the two routers' assigners, such as `memoryStore(live.snapshot())`. Default to empty stores. */
  readonly stores?: { readonly before?: RouterStore; readonly after?: RouterStore };
}

/** Counts one move and keeps the lead's index as an example. */
function countMove(moves: Map<string, { from: string; to: string; leads: number }>, examples: Record<string, number[]>, keep: number, from: string, to: string, index: number): void {
  const key = `${from}->${to}`;
  const move = moves.get(key) ?? { from, to, leads: 0 };
  move.leads++;
  moves.set(key, move);
  const list = (examples[key] ??= []);
  if (list.length < keep) list.push(index);
}

/** Sorts moves largest first, then by name, so the order never depends on the leads' order. */
function sortMoves(moves: Map<string, RouterMove>): RouterMove[] {
  return [...moves.values()].sort((a, b) => b.leads - a.leads || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

const describeMove = (move: RouterMove): string => `${move.leads} lead${move.leads === 1 ? '' : 's'} move${move.leads === 1 ? 's' : ''} from ${move.from} to ${move.to}`;

/**
 * Compares the routes two routers give the same leads, and with `assignees: true` their
 * assignees too. Runs no hooks and reads the leads once, so an async iterable works.
 *
 * @example
 * const diff = await compareRouters(current, createRouter({ ...options, mqlThreshold: 80 }), leads, { assignees: true });
 * diff.summary; // ['312 leads move from sales to nurture', '41 leads move from rep-1 to rep-2']
 */
export async function compareRouters<L>(
  before: Router<L, any>,
  after: Router<L, any>,
  leads: Iterable<L> | AsyncIterable<L>,
  options: CompareRoutersOptions = {},
): Promise<RouterComparison> {
  for (const [name, router] of [['before', before], ['after', after]] as const) {
    if (router?.kind !== 'router') {
      throw new ConfigError('compareRouters', name, `expected a router built by createRouter(), received ${describeValue(router)}`);
    }
  }
  if (options === null || typeof options !== 'object') {
    throw new ConfigError('compareRouters', 'options', `expected an options object, received ${describeValue(options)}`);
  }
  const keep = options.examples ?? 5;
  const withAssignees = options.assignees === true;
  const beforeStore = options.stores?.before ?? memoryStore();
  const afterStore = options.stores?.after ?? memoryStore();
  const moves = new Map<string, RouterMove & { leads: number }>();
  const handoffs = new Map<string, RouterMove & { leads: number }>();
  const examples: Record<string, number[]> = {};
  const handoffExamples: Record<string, number[]> = {};
  let index = 0;
  let changed = 0;
  let reassigned = 0;
  const source = openLeads('compareRouters', leads);
  for (let next = await source.next(); next.done !== true; next = await source.next()) {
    const lead = next.value;
    let from: string;
    let to: string;
    if (withAssignees) {
      const [old, next] = await Promise.all([
        before.route(lead, { dryRun: true, store: beforeStore }),
        after.route(lead, { dryRun: true, store: afterStore }),
      ]);
      from = old.route;
      to = next.route;
      const oldAssignee = old.assignment?.assignee ?? '(none)';
      const nextAssignee = next.assignment?.assignee ?? '(none)';
      if (oldAssignee !== nextAssignee) {
        reassigned++;
        countMove(handoffs, handoffExamples, keep, oldAssignee, nextAssignee, index);
      }
    } else {
      from = before.decide(lead).route;
      to = after.decide(lead).route;
    }
    if (from !== to) {
      changed++;
      countMove(moves, examples, keep, from, to, index);
    }
    index++;
  }
  const sorted = sortMoves(moves);
  const comparison: RouterComparison = { leads: index, changed, moves: sorted, summary: sorted.map(describeMove), examples };
  if (!withAssignees) return comparison;
  const sortedHandoffs = sortMoves(handoffs);
  return { ...comparison, summary: [...comparison.summary, ...sortedHandoffs.map(describeMove)], reassigned, handoffs: sortedHandoffs, handoffExamples };
}
