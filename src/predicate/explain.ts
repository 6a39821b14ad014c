import { readPath, splitPath } from '../internal/path.js';
import { isMissing } from '../internal/values.js';
import { compilePredicate, resolveValueOptions, type CompiledPredicate, type EvaluationOptions } from './compile.js';
import type { Outcome, Predicate, PredicateNode } from './types.js';

/** Why a clause could not decide: its field is missing, or has a value of the wrong type. */
export type UnknownReason = 'missing' | 'wrong_type';

/** One leaf clause that decided an outcome. */
export interface ClauseReport {
  /** The clause's position in the predicate, such as `predicate.predicates[1]`. */
  readonly path: string;
  /** The clause in words, such as `employees >= 100`. */
  readonly clause: string;
  /** The field the clause reads. */
  readonly field: string;
  readonly outcome: Outcome;
  /** For an `unknown` clause, why its field could not be compared. */
  readonly reason?: UnknownReason;
  /** The named sub-predicates that contain the clause, outermost first. */
  readonly within: readonly string[];
}

/** The outcome of a predicate on one record, with the clauses that decided it. */
export interface Explanation {
  readonly outcome: Outcome;
  /**
   * The leaf clauses that decided the outcome. For `and`, these are the parts that did not
   * match, or every part when all matched. For `or`, they are the parts that matched, or every
   * part when none did. An `unknown` outcome lists the clauses that were unknown.
   */
  readonly decidedBy: readonly ClauseReport[];
  /** Fields that are absent, null, NaN, blank or a placeholder, among all clauses evaluated. */
  readonly missing: readonly string[];
  /** Fields present with a value that no clause could compare, such as `"49"` for a number. */
  readonly wrongType: readonly string[];
}

/** Something to explain: a predicate, or an object with a predicate and its options, such as an ICP. */
export type Explainable<T> = Predicate<T> | { readonly predicate: Predicate<T>; readonly options?: EvaluationOptions | undefined };

/** A compiled explainer: a closure that explains one record and never throws on its data. */
export type Explainer<T> = (record: T) => Explanation;

interface Step {
  readonly outcome: Outcome;
  readonly decidedBy: ClauseReport[];
}

interface Gather {
  readonly missing: string[];
  readonly wrongType: string[];
}

type Node = (record: unknown, gather: Gather, within: readonly string[]) => Step;

const SYMBOLS: Record<string, string> = {
  equals: '=',
  not_equals: '!=',
  one_of: 'in',
  none_of: 'not in',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  includes_all: 'includes all of',
  includes_any: 'includes any of',
  includes_none: 'includes none of',
  starts_with: 'starts with',
  ends_with: 'ends with',
  contains: 'contains',
  contains_any_word: 'contains any word of',
  is_true: 'is true',
  is_false: 'is false',
  exists: 'exists',
  missing: 'is missing',
};

/**
 * Describes a leaf clause in words, such as `employees >= 100` or
 * `industry in ["SaaS","Finance"] (ignoring case)`.
 *
 * @example
 * describeClause(atLeast('employees', 100)); // 'employees >= 100'
 */
export function describeClause(node: PredicateNode): string {
  if (!('field' in node)) return node.op;
  const symbol = SYMBOLS[node.op] ?? node.op;
  let text = `${node.field} ${symbol}`;
  if (node.op === 'between') text += ` ${JSON.stringify(node.min)} and ${JSON.stringify(node.max)}`;
  else if ('value' in node) text += ` ${JSON.stringify(node.value)}`;
  else if ('values' in node) text += ` ${JSON.stringify(node.values)}`;
  else if ('words' in node) text += ` ${JSON.stringify(node.words)}`;
  if ('ignoreCase' in node && node.ignoreCase === true) text += ' (ignoring case)';
  return text;
}

function addOnce(list: string[], field: string): void {
  if (!list.includes(field)) list.push(field);
}

function buildNode(api: string, node: PredicateNode, where: string, options: EvaluationOptions | undefined, placeholders: readonly string[]): Node {
  if (node.op === 'and' || node.op === 'or') {
    const parts = node.predicates.map((p, i) => buildNode(api, p, `${where}.predicates[${i}]`, options, placeholders));
    const decisive: Outcome = node.op === 'and' ? 'no_match' : 'match';
    const otherwise: Outcome = node.op === 'and' ? 'match' : 'no_match';
    return (record, gather, within) => {
      // Every part is evaluated, unlike in compiled predicates, so `missing` lists every gap.
      const steps = parts.map((part) => part(record, gather, within));
      const outcome = steps.some((s) => s.outcome === decisive)
        ? decisive
        : steps.some((s) => s.outcome === 'unknown')
          ? 'unknown'
          : otherwise;
      return { outcome, decidedBy: steps.filter((s) => s.outcome === outcome).flatMap((s) => s.decidedBy) };
    };
  }
  if (node.op === 'not') {
    const inner = buildNode(api, node.predicate, `${where}.predicate`, options, placeholders);
    return (record, gather, within) => {
      const step = inner(record, gather, within);
      let outcome: Outcome = 'unknown';
      if (step.outcome === 'match') outcome = 'no_match';
      else if (step.outcome === 'no_match') outcome = 'match';
      return { outcome, decidedBy: step.decidedBy };
    };
  }
  if (node.op === 'named') {
    const inner = buildNode(api, node.predicate, `${where}.predicate`, options, placeholders);
    const name = node.name;
    return (record, gather, within) => inner(record, gather, [...within, name]);
  }

  const test: CompiledPredicate = compilePredicate(api, node, options, where);
  // Every node other than and, or, not and named is a leaf with a field.
  const field = (node as { readonly field: string }).field;
  const segments = splitPath(api, `${where}.field`, field);
  const clause = describeClause(node);
  return (record, gather, within) => {
    const outcome = test(record);
    const value = readPath(record, segments);
    let reason: UnknownReason | undefined;
    if (isMissing(value, placeholders)) {
      addOnce(gather.missing, field);
      if (outcome === 'unknown') reason = 'missing';
    } else if (outcome === 'unknown') {
      addOnce(gather.wrongType, field);
      reason = 'wrong_type';
    }
    const report: ClauseReport =
      reason === undefined
        ? { path: where, clause, field, outcome, within }
        : { path: where, clause, field, outcome, reason, within };
    return { outcome, decidedBy: [report] };
  };
}

/**
 * Compiles a predicate (or an ICP) into an explainer for many records; validation errors name
 * `api` and the path of the broken clause.
 *
 * @example
 * const why = explainer(profile);
 * companies.map(why).filter((e) => e.outcome === 'unknown');
 */
export function explainer<T>(subject: Explainable<T>, options?: EvaluationOptions, api = 'explain'): Explainer<T> {
  const hasPredicate = 'predicate' in subject && !('op' in subject);
  const predicate: PredicateNode = hasPredicate ? subject.predicate : (subject as PredicateNode);
  const resolved = options ?? (hasPredicate ? subject.options : undefined);
  // Validate the whole predicate first, so errors match compilePredicate's.
  const outcomeOf = compilePredicate(api, predicate, resolved);
  const root = buildNode(api, predicate, 'predicate', resolved, resolveValueOptions(resolved).placeholders);
  return (record) => {
    const gather: Gather = { missing: [], wrongType: [] };
    try {
      const step = root(record, gather, []);
      return { outcome: step.outcome, decidedBy: step.decidedBy, missing: gather.missing, wrongType: gather.wrongType };
    } catch {
      // A record that throws outside a field read (a hostile proxy) gets the plain outcome.
      return { outcome: outcomeOf(record), decidedBy: [], missing: gather.missing, wrongType: gather.wrongType };
    }
  };
}

/**
 * Evaluates a predicate (or an ICP) on one record and reports which clauses decided the
 * outcome and which fields were missing.
 *
 * @example
 * explain(and(atLeast('employees', 100), oneOf('industry', ['SaaS'])), { industry: 'Retail' });
 * // { outcome: 'no_match', decidedBy: [{ clause: 'industry in ["SaaS"]', outcome: 'no_match', ... }],
 * //   missing: ['employees'], wrongType: [] }
 */
export function explain<T>(subject: Explainable<T>, record: T, options?: EvaluationOptions): Explanation {
  return explainer(subject, options)(record);
}
