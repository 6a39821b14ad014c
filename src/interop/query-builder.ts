import { ConfigError } from '../internal/config-error.js';
import { compilePredicate } from '../predicate/compile.js';
import { parseIsoDate } from '../predicate/dates.js';
import type { Bound, Predicate, PredicateNode, Scalar } from '../predicate/types.js';
import { checkFieldPath, isObject, IssueList, own, type ImportResult } from './issues.js';

/** A react-querybuilder rule, in the fields netspear reads and writes. */
export interface QueryBuilderRule {
  readonly field: string;
  readonly operator: string;
  readonly value: unknown;
  /** netspear's case-insensitive comparison, kept as an extra property of the rule. */
  readonly ignoreCase?: boolean;
}

/** A react-querybuilder rule group: `combinator`, `rules` and an optional `not`. */
export interface QueryBuilderGroup {
  readonly combinator: 'and' | 'or';
  readonly not?: boolean;
  readonly rules: readonly (QueryBuilderRule | QueryBuilderGroup)[];
}

/** Options for {@link fromQueryBuilder}. */
export interface QueryBuilderImportOptions {
  /**
   * Turn numeric strings (`"100"`) into numbers for `=`, `!=`, `in` and `notIn`, as form inputs
   * send numbers as text. Off by default; ordering operators and `between` always parse them.
   */
  readonly parseNumbers?: boolean;
}

const API = 'toQueryBuilder';
const IMPORT_API = 'fromQueryBuilder';
const MAX_DEPTH = 64;

/**
 * netspear operators and their react-querybuilder names. The last six are not among
 * react-querybuilder's default operators: declare them in the builder's `operators` prop.
 */
const OPERATORS: Readonly<Record<string, string>> = {
  equals: '=',
  not_equals: '!=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  contains: 'contains',
  starts_with: 'beginsWith',
  ends_with: 'endsWith',
  one_of: 'in',
  none_of: 'notIn',
  between: 'between',
  exists: 'notNull',
  missing: 'null',
  includes_all: 'includesAll',
  includes_any: 'includesAny',
  includes_none: 'includesNone',
  is_true: 'isTrue',
  is_false: 'isFalse',
  contains_any_word: 'containsAnyWord',
};

/** Negated react-querybuilder operators and the operator they negate. */
const NEGATED: Readonly<Record<string, string>> = {
  doesNotContain: 'contains',
  doesNotBeginWith: 'starts_with',
  doesNotEndWith: 'ends_with',
  notBetween: 'between',
};

function writeRule(node: PredicateNode & { readonly field: string }, operator: string): QueryBuilderRule {
  let value: unknown = '';
  if (node.op === 'between') value = [node.min, node.max];
  else if ('values' in node) value = [...node.values];
  else if ('words' in node) value = [...node.words];
  else if ('value' in node) value = node.value;
  const rule: QueryBuilderRule = { field: node.field, operator, value };
  return 'ignoreCase' in node && node.ignoreCase === true ? { ...rule, ignoreCase: true } : rule;
}

function writeItem(node: PredicateNode, path: string): QueryBuilderRule | QueryBuilderGroup {
  switch (node.op) {
    case 'and':
    case 'or':
      return { combinator: node.op, rules: node.predicates.map((p, i) => writeItem(p, `${path}.predicates[${i}]`)) };
    case 'named':
      return writeItem(node.predicate, `${path}.predicate`);
    case 'not': {
      const inner = node.predicate.op === 'named' ? node.predicate.predicate : node.predicate;
      const negated = Object.keys(NEGATED).find((name) => NEGATED[name] === inner.op);
      if (negated !== undefined && 'field' in inner) return writeRule(inner, negated);
      const item = writeItem(inner, `${path}.predicate`);
      if ('combinator' in item && item.not !== true) return { ...item, not: true };
      return { combinator: 'and', not: true, rules: [item] };
    }
    default: {
      const operator = OPERATORS[node.op];
      if (operator === undefined) throw new ConfigError(API, `${path}.op`, `operator ${node.op} has no react-querybuilder equivalent`);
      return writeRule(node, operator);
    }
  }
}

/**
 * Writes a predicate as a react-querybuilder rule group, so marketing can edit an ICP in a
 * query-builder UI. Array and flag operators use the custom operator names `includesAll`,
 * `includesAny`, `includesNone`, `isTrue`, `isFalse` and `containsAnyWord`, which the builder
 * must declare. `ignoreCase` is written as an extra rule property. Throws a
 * `NetspearConfigError` on an invalid predicate.
 *
 * @example
 * toQueryBuilder(and(oneOf('industry', ['SaaS']), atLeast('employees', 100)));
 * // { combinator: 'and', rules: [{ field: 'industry', operator: 'in', value: ['SaaS'] }, { field: 'employees', operator: '>=', value: 100 }] }
 */
export function toQueryBuilder(predicate: Predicate): QueryBuilderGroup {
  compilePredicate(API, predicate);
  const item = writeItem(predicate, 'predicate');
  return 'combinator' in item ? item : { combinator: 'and', rules: [item] };
}

interface Reader {
  readonly issues: IssueList;
  readonly parseNumbers: boolean;
}

const NUMERIC = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** Reads a value from a form: numeric text becomes a number when `numbers` is set. */
function scalar(value: unknown, numbers: boolean): Scalar | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return numbers && NUMERIC.test(value) ? Number(value) : value;
  return undefined;
}

function bound(value: unknown): Bound | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (NUMERIC.test(value)) return Number(value);
  const text = value.trim();
  return parseIsoDate(text) === undefined ? undefined : text;
}

/** Reads a list value: an array, or text separated by commas as react-querybuilder writes it. */
/** Reads a list value into a new array, so that the predicate never shares the caller's array. */
function list(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  return undefined;
}

function readRule(reader: Reader, rule: Record<string, unknown>, path: string): PredicateNode | undefined {
  const { issues } = reader;
  const field = own(rule, 'field');
  const operator = own(rule, 'operator');
  const value = own(rule, 'value');
  if (!checkFieldPath(issues, `${path}.field`, field)) return undefined;
  if (own(rule, 'valueSource') === 'field') {
    issues.add('invalid_value', `${path}.valueSource`, 'comparing two fields is not supported; compare a field with a value');
    return undefined;
  }
  const ignoreCase = own(rule, 'ignoreCase') === true ? { ignoreCase: true } : {};
  if (typeof operator !== 'string') {
    issues.expected(`${path}.operator`, 'an operator name', operator);
    return undefined;
  }
  const negated = own(NEGATED, operator) as string | undefined;
  const op = negated ?? Object.keys(OPERATORS).find((name) => OPERATORS[name] === operator);
  if (op === undefined) {
    const hint = operator === 'matches' || operator === 'doesNotMatch' ? ' (regular expressions are not accepted: a rule author\'s pattern can hang the process)' : '';
    issues.add('unknown_operator', `${path}.operator`, `operator ${JSON.stringify(operator)} is not supported${hint}`);
    return undefined;
  }
  const where = `${path}.value`;
  const bad = (expected: string): undefined => {
    issues.expected(where, expected, value);
    return undefined;
  };
  let node: PredicateNode;
  switch (op) {
    case 'equals':
    case 'not_equals': {
      const v = scalar(value, reader.parseNumbers);
      if (v === undefined) return bad('a string, finite number or boolean');
      node = { op, field, value: v, ...ignoreCase };
      break;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = bound(value);
      if (v === undefined) return bad('a number or an ISO 8601 date');
      node = { op, field, value: v };
      break;
    }
    case 'between': {
      const parts = list(value);
      const min = parts?.length === 2 ? bound(parts[0]) : undefined;
      const max = parts?.length === 2 ? bound(parts[1]) : undefined;
      if (min === undefined || max === undefined) return bad('two numbers or ISO 8601 dates, as an array or "min,max"');
      node = { op, field, min, max };
      break;
    }
    case 'contains':
    case 'starts_with':
    case 'ends_with':
      if (typeof value !== 'string') return bad('a string');
      node = { op, field, value, ...ignoreCase };
      break;
    case 'exists':
    case 'missing':
    case 'is_true':
    case 'is_false':
      node = { op, field };
      break;
    case 'contains_any_word': {
      const words = list(value);
      if (words === undefined || words.length === 0 || !words.every((w) => typeof w === 'string')) return bad('a list of words');
      node = { op, field, words: words as string[] };
      break;
    }
    default: {
      const values = list(value)?.map((v) => scalar(v, reader.parseNumbers));
      if (values === undefined || values.some((v) => v === undefined)) return bad('a list of strings, numbers or booleans');
      node = { op: op as 'one_of', field, values: values as Scalar[], ...ignoreCase };
    }
  }
  if (!compilesAt(issues, node, path)) return undefined;
  return negated === undefined ? node : { op: 'not', predicate: node };
}

/**
 * Compiles one rule's predicate, so that a value the evaluator rejects, such as a `between`
 * whose bounds are reversed, is reported at the rule's own path: `query.rules[2].value`, or
 * `query.rules[2].value[0]` for one item of a list.
 */
function compilesAt(issues: IssueList, node: PredicateNode, path: string): boolean {
  try {
    compilePredicate(IMPORT_API, node, undefined, 'rule');
    return true;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const item = /\[(\d+)\]$/.exec(error.path);
    const problem = error.message.slice(`${IMPORT_API}: ${error.path}: `.length);
    issues.add('invalid_value', `${path}.value${item === null ? '' : item[0]}`, problem);
    return false;
  }
}

function readGroup(reader: Reader, group: unknown, path: string, depth: number): PredicateNode | undefined {
  const { issues } = reader;
  if (depth > MAX_DEPTH) {
    issues.add('too_deep', path, `groups nest more than ${MAX_DEPTH} levels deep`);
    return undefined;
  }
  if (!isObject(group)) {
    issues.expected(path, 'a rule group object', group);
    return undefined;
  }
  const combinator = own(group, 'combinator');
  const rules = own(group, 'rules');
  if (combinator !== 'and' && combinator !== 'or') {
    issues.add(combinator === undefined ? 'missing_key' : 'invalid_value', `${path}.combinator`, `expected "and" or "or", received ${JSON.stringify(combinator) ?? 'undefined'}; convert independent combinators with convertFromIC first`);
    return undefined;
  }
  if (!Array.isArray(rules)) {
    issues.expected(`${path}.rules`, 'an array of rules and groups', rules);
    return undefined;
  }
  const parts: (PredicateNode | undefined)[] = [];
  rules.forEach((item: unknown, i) => {
    const at = `${path}.rules[${i}]`;
    // Disabled and muted rules are left out, as react-querybuilder's own exports do.
    if (isObject(item) && (own(item, 'disabled') === true || own(item, 'muted') === true)) return;
    if (isObject(item) && Object.prototype.hasOwnProperty.call(item, 'rules')) parts.push(readGroup(reader, item, at, depth + 1));
    else if (isObject(item)) parts.push(readRule(reader, item, at));
    else issues.expected(at, 'a rule or a rule group (independent combinators are not supported)', item);
  });
  if (parts.some((p) => p === undefined)) return undefined;
  const node: PredicateNode = { op: combinator, predicates: parts as PredicateNode[] };
  return own(group, 'not') === true ? { op: 'not', predicate: node } : node;
}

/**
 * Reads a react-querybuilder rule group (an object or JSON text) into a predicate, or returns
 * every problem by path, without throwing. Reads the default operators except `matches` and
 * `doesNotMatch` (no regular expressions), plus the custom names {@link toQueryBuilder}
 * writes; a list value may be an array or comma-separated text, and disabled or muted rules
 * are skipped.
 *
 * @example
 * const result = fromQueryBuilder({ combinator: 'and', rules: [{ field: 'employees', operator: '>=', value: '100' }] });
 * if (result.ok) icp(result.predicate);
 */
export function fromQueryBuilder(input: unknown, options?: QueryBuilderImportOptions): ImportResult {
  const issues = new IssueList();
  let group = input;
  if (typeof input === 'string') {
    try {
      group = JSON.parse(input) as unknown;
    } catch (error) {
      issues.add('invalid_json', '', `invalid JSON: ${(error as Error).message}`);
      return { ok: false, issues: issues.issues };
    }
  }
  let predicate: PredicateNode | undefined;
  try {
    predicate = readGroup({ issues, parseNumbers: options?.parseNumbers === true }, group, 'query', 0);
  } catch (error) {
    // Only an input object whose getters or proxy traps throw lands here.
    issues.add('invalid_value', 'query', `reading the query failed: ${(error as Error)?.message ?? String(error)}`);
  }
  if (issues.issues.length > 0 || predicate === undefined) return { ok: false, issues: issues.issues };
  try {
    compilePredicate(IMPORT_API, predicate);
  } catch (error) {
    issues.add('invalid_value', error instanceof ConfigError ? error.path : 'query', (error as Error).message);
    return { ok: false, issues: issues.issues };
  }
  return { ok: true, predicate: predicate as Predicate };
}
