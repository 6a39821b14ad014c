import { ConfigError } from '../internal/config-error.js';
import { compilePredicate } from '../predicate/compile.js';
import { parseIsoDate } from '../predicate/dates.js';
import type { Bound, Predicate, PredicateNode, Scalar } from '../predicate/types.js';
import { checkFieldPath, isObject, IssueList, own, type ImportResult } from './issues.js';

/** A JsonLogic rule: a literal, or an object with one operator key. */
export type JsonLogicRule = boolean | number | string | null | readonly JsonLogicRule[] | { readonly [operator: string]: JsonLogicRule };

const API = 'toJsonLogic';
const MAX_DEPTH = 64;

function variable(field: string): JsonLogicRule {
  return { var: field };
}

function unsupported(path: string, what: string): ConfigError {
  return new ConfigError(API, path, `${what} has no JsonLogic equivalent; keep this predicate in the JSON form instead`);
}

function writeNode(node: PredicateNode, path: string): JsonLogicRule {
  switch (node.op) {
    case 'and':
    case 'or':
      if (node.predicates.length === 0) return node.op === 'and';
      return { [node.op]: node.predicates.map((p, i) => writeNode(p, `${path}.predicates[${i}]`)) };
    case 'not':
      return { '!': [writeNode(node.predicate, `${path}.predicate`)] };
    case 'named':
      return writeNode(node.predicate, `${path}.predicate`);
    case 'exists':
      return { '!': [{ missing: [node.field] }] };
    case 'missing':
      return { missing: [node.field] };
    case 'is_true':
    case 'is_false':
      return { '===': [variable(node.field), node.op === 'is_true'] };
    default:
      break;
  }
  if ('ignoreCase' in node && node.ignoreCase === true) throw unsupported(`${path}.ignoreCase`, 'ignoreCase');
  switch (node.op) {
    case 'equals':
      return { '===': [variable(node.field), node.value] };
    case 'not_equals':
      return { '!==': [variable(node.field), node.value] };
    case 'one_of':
      return { in: [variable(node.field), [...node.values]] };
    case 'none_of':
      return { '!': [{ in: [variable(node.field), [...node.values]] }] };
    case 'gt':
      return { '>': [variable(node.field), node.value] };
    case 'gte':
      return { '>=': [variable(node.field), node.value] };
    case 'lt':
      return { '<': [variable(node.field), node.value] };
    case 'lte':
      return { '<=': [variable(node.field), node.value] };
    case 'between':
      return { '<=': [node.min, variable(node.field), node.max] };
    case 'includes_all':
    case 'includes_any':
    case 'includes_none': {
      // NOTE: with an empty value list, `includesAll` and `includesNone` are `unknown` on a
      // record without the field, but the `{ and: [] }` and `{ '!': [false] }` written here match.
      const tests = node.values.map((v) => ({ in: [v, variable(node.field)] }));
      if (node.op === 'includes_all') return tests.length === 1 ? (tests[0] as JsonLogicRule) : { and: tests };
      let any: JsonLogicRule = { or: tests };
      if (tests.length === 0) any = false;
      else if (tests.length === 1) any = tests[0] as JsonLogicRule;
      return node.op === 'includes_any' ? any : { '!': [any] };
    }
    default:
      throw unsupported(`${path}.op`, `the operator ${node.op}`);
  }
}

/**
 * Writes a predicate as a JsonLogic rule. JsonLogic coerces where netspear does not (`null < 50`
 * is true there), so the rule agrees with netspear only on records whose fields are present
 * and of the compared type. Throws a `NetspearConfigError` for what JsonLogic cannot express:
 * `starts_with`, `ends_with`, `contains`, `contains_any_word` and `ignoreCase`.
 *
 * @example
 * toJsonLogic(and(oneOf('industry', ['SaaS']), atLeast('employees', 100)));
 * // { and: [{ in: [{ var: 'industry' }, ['SaaS']] }, { '>=': [{ var: 'employees' }, 100] }] }
 */
export function toJsonLogic(predicate: Predicate): JsonLogicRule {
  compilePredicate(API, predicate);
  return writeNode(predicate, 'predicate');
}

interface Reader {
  readonly issues: IssueList;
}

/** Reads `{"var": "a.b"}` or `{"var": ["a.b"]}` and returns the field, or undefined when the rule is no variable. */
function readVariable(reader: Reader, rule: unknown, path: string): string | undefined {
  if (!isObject(rule) || Object.keys(rule).length !== 1 || !Object.prototype.hasOwnProperty.call(rule, 'var')) return undefined;
  let name = own(rule, 'var');
  if (Array.isArray(name)) {
    if (name.length > 1) {
      reader.issues.add('invalid_value', `${path}.var`, 'a default value in var is not supported, because a missing field is unknown rather than a default');
      return undefined;
    }
    name = name[0];
  }
  return checkFieldPath(reader.issues, `${path}.var`, name) ? name : undefined;
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isBound(value: unknown): value is Bound {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && parseIsoDate(value) !== undefined);
}

const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const COMPARISONS: Record<string, 'gt' | 'gte' | 'lt' | 'lte'> = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' };

function readComparison(reader: Reader, operator: string, args: readonly unknown[], path: string): PredicateNode | undefined {
  if (args.length === 3) {
    // JsonLogic's between: {"<=": [min, {"var": f}, max]} is inclusive, "<" exclusive.
    const field = readVariable(reader, args[1], `${path}[1]`);
    const [min, , max] = args;
    if (field === undefined || !isBound(min) || !isBound(max) || (operator !== '<' && operator !== '<=')) {
      reader.issues.add('invalid_value', path, `expected [bound, {"var": field}, bound] with "<" or "<=", received ${JSON.stringify(args)}`);
      return undefined;
    }
    if (operator === '<=') return { op: 'between', field, min, max };
    return { op: 'and', predicates: [{ op: 'gt', field, value: min }, { op: 'lt', field, value: max }] };
  }
  if (args.length !== 2) {
    reader.issues.add('invalid_value', path, `expected two or three arguments, received ${args.length}`);
    return undefined;
  }
  let field = readVariable(reader, args[0], `${path}[0]`);
  let value = args[1];
  let op = operator;
  if (field === undefined) {
    field = readVariable(reader, args[1], `${path}[1]`);
    value = args[0];
    op = FLIPPED[operator] as string;
  }
  if (field === undefined || !isBound(value)) {
    reader.issues.add('invalid_value', path, `expected a variable and a number or ISO 8601 date, received ${JSON.stringify(args)}`);
    return undefined;
  }
  return { op: COMPARISONS[op] as 'gt', field, value };
}

function readEquality(reader: Reader, operator: string, args: readonly unknown[], path: string): PredicateNode | undefined {
  const first = args.length === 2 ? readVariable(reader, args[0], `${path}[0]`) : undefined;
  const field = first ?? (args.length === 2 ? readVariable(reader, args[1], `${path}[1]`) : undefined);
  const value = first === undefined ? args[0] : args[1];
  if (field === undefined || !isScalar(value)) {
    reader.issues.add('invalid_value', path, `expected a variable and a string, finite number or boolean, received ${JSON.stringify(args)}`);
    return undefined;
  }
  const positive = operator === '==' || operator === '===';
  return { op: positive ? 'equals' : 'not_equals', field, value };
}

function readIn(reader: Reader, args: readonly unknown[], path: string): PredicateNode | undefined {
  if (args.length === 2) {
    const [needle, haystack] = args;
    const field = readVariable(reader, needle, `${path}[0]`);
    if (field !== undefined && Array.isArray(haystack) && haystack.every(isScalar)) return { op: 'one_of', field, values: [...haystack] };
    const arrayField = readVariable(reader, haystack, `${path}[1]`);
    if (arrayField !== undefined && isScalar(needle)) return { op: 'includes_any', field: arrayField, values: [needle] };
  }
  reader.issues.add('invalid_value', path, 'expected [{"var": field}, [values]] or [value, {"var": arrayField}]');
  return undefined;
}

function readRule(reader: Reader, rule: unknown, path: string, depth: number): PredicateNode | undefined {
  if (depth > MAX_DEPTH) {
    reader.issues.add('too_deep', path, `rules nest more than ${MAX_DEPTH} levels deep`);
    return undefined;
  }
  if (rule === true) return { op: 'and', predicates: [] };
  if (rule === false) return { op: 'or', predicates: [] };
  if (!isObject(rule) || Object.keys(rule).length !== 1) {
    reader.issues.expected(path, 'an object with one JsonLogic operator', rule);
    return undefined;
  }
  const operator = Object.keys(rule)[0] as string;
  const raw = own(rule, operator);
  const args: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const at = `${path}.${operator}`;
  switch (operator) {
    case 'and':
    case 'or': {
      const parts = args.map((a, i) => readRule(reader, a, `${at}[${i}]`, depth + 1));
      return parts.every((p) => p !== undefined) ? { op: operator, predicates: parts as PredicateNode[] } : undefined;
    }
    case '!': {
      if (args.length !== 1) {
        reader.issues.add('invalid_value', at, `expected one argument, received ${args.length}`);
        return undefined;
      }
      const inner = readRule(reader, args[0], `${at}[0]`, depth + 1);
      if (inner === undefined) return undefined;
      if (inner.op === 'missing') return { op: 'exists', field: inner.field };
      if (inner.op === 'one_of') return { op: 'none_of', field: inner.field, values: inner.values };
      return { op: 'not', predicate: inner };
    }
    case 'missing': {
      const field = args.length === 1 ? args[0] : undefined;
      if (!checkFieldPath(reader.issues, `${at}[0]`, field)) return undefined;
      return { op: 'missing', field };
    }
    case '==':
    case '===':
    case '!=':
    case '!==':
      return readEquality(reader, operator, args, at);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return readComparison(reader, operator, args, at);
    case 'in':
      return readIn(reader, args, at);
    default:
      reader.issues.add('unknown_operator', at, `JsonLogic operator ${JSON.stringify(operator)} is not supported; use and, or, !, ==, !=, ===, !==, <, <=, >, >=, in, var or missing`);
      return undefined;
  }
}

/**
 * Reads a JsonLogic rule (an object or JSON text) into a predicate, or returns every problem
 * by path, without throwing. Accepts `and`, `or`, `!`, `==`, `!=`, `===`, `!==`, `<`, `<=`, `>`,
 * `>=` (with JsonLogic's three-argument ranges), `in`, `var` and `missing`. Loose `==` is read
 * as netspear's strict `equals`, so `"1" == 1`, true in JsonLogic, is `unknown` here.
 *
 * @example
 * const result = fromJsonLogic({ and: [{ '>=': [{ var: 'employees' }, 100] }, { in: [{ var: 'industry' }, ['SaaS']] }] });
 * if (result.ok) icp(result.predicate);
 */
export function fromJsonLogic(input: unknown): ImportResult {
  const issues = new IssueList();
  let rule = input;
  if (typeof input === 'string') {
    try {
      rule = JSON.parse(input) as unknown;
    } catch (error) {
      issues.add('invalid_json', '', `invalid JSON: ${(error as Error).message}`);
      return { ok: false, issues: issues.issues };
    }
  }
  let predicate: PredicateNode | undefined;
  try {
    predicate = readRule({ issues }, rule, 'logic', 0);
  } catch (error) {
    // Only an input object whose getters or proxy traps throw lands here.
    issues.add('invalid_value', 'logic', `reading the rule failed: ${(error as Error)?.message ?? String(error)}`);
  }
  if (issues.issues.length > 0 || predicate === undefined) return { ok: false, issues: issues.issues };
  try {
    compilePredicate('fromJsonLogic', predicate);
  } catch (error) {
    issues.add('invalid_value', error instanceof ConfigError ? error.path : 'logic', (error as Error).message);
    return { ok: false, issues: issues.issues };
  }
  return { ok: true, predicate: predicate as Predicate };
}
