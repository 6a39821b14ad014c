import { ConfigError } from '../internal/config-error.js';
import { compilePredicate, wordKey } from '../predicate/compile.js';
import { parseIsoDate } from '../predicate/dates.js';
import type { Predicate, PredicateNode, Scalar } from '../predicate/types.js';
import { checkFieldPath, FORBIDDEN_KEYS, isObject, IssueList, own, type ImportResult } from './issues.js';

/**
 * The version of the JSON form that {@link toPredicateJson} writes and {@link parsePredicate} reads.
 *
 * @example
 * const stored = toPredicateJson(equals('country', 'US'));
 * stored.version === PREDICATE_JSON_VERSION; // true
 */
export const PREDICATE_JSON_VERSION = 1;

/** A node of the JSON form: a predicate node, or a reference to a named definition. */
export type PredicateJsonNode = PredicateNode | { readonly op: 'ref'; readonly name: string };

/** The versioned JSON form of a predicate, with its named sub-predicates written once. */
export interface PredicateDocument {
  readonly version: typeof PREDICATE_JSON_VERSION;
  /** Named sub-predicates, referenced as `{ "op": "ref", "name": … }`. */
  readonly definitions?: Readonly<Record<string, PredicateJsonNode>>;
  readonly predicate: PredicateJsonNode;
}

/** Nested predicates deeper than this are rejected, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 64;
/**
 * Most nodes a document may expand to with every reference replaced by its definition. A
 * definition that refers to the next one twice doubles the size at each step. Without the limit,
 * a 2 KB document would take hours to compile. Real definitions have a few hundred nodes.
 */
const MAX_EXPANDED_NODES = 10_000;

/** Levels below a node and the number of nodes it expands to, capped just above the limit. */
interface Extent {
  readonly height: number;
  readonly size: number;
}

/** Measures a node, once per node object, so a definition shared by many references is measured once. */
function extentOf(node: PredicateNode, memo: WeakMap<PredicateNode, Extent>): Extent {
  const known = memo.get(node);
  if (known !== undefined) return known;
  let children: readonly PredicateNode[] = [];
  if (node.op === 'and' || node.op === 'or') children = node.predicates;
  else if (node.op === 'not' || node.op === 'named') children = [node.predicate];
  let height = 0;
  let size = 1;
  for (const child of children) {
    const extent = extentOf(child, memo);
    height = Math.max(height, extent.height + 1);
    size = Math.min(MAX_EXPANDED_NODES + 1, size + extent.size);
  }
  const extent = { height, size };
  memo.set(node, extent);
  return extent;
}

/** The keys each operator takes besides `op`. A trailing `?` marks an optional key. */
const SHAPES: Readonly<Record<string, readonly string[]>> = {
  and: ['predicates'],
  or: ['predicates'],
  not: ['predicate'],
  named: ['name', 'predicate'],
  ref: ['name'],
  equals: ['field', 'value', 'ignoreCase?'],
  not_equals: ['field', 'value', 'ignoreCase?'],
  one_of: ['field', 'values', 'ignoreCase?'],
  none_of: ['field', 'values', 'ignoreCase?'],
  includes_all: ['field', 'values', 'ignoreCase?'],
  includes_any: ['field', 'values', 'ignoreCase?'],
  includes_none: ['field', 'values', 'ignoreCase?'],
  contains_any_word: ['field', 'words'],
  starts_with: ['field', 'value', 'ignoreCase?'],
  ends_with: ['field', 'value', 'ignoreCase?'],
  contains: ['field', 'value', 'ignoreCase?'],
  gt: ['field', 'value'],
  gte: ['field', 'value'],
  lt: ['field', 'value'],
  lte: ['field', 'value'],
  between: ['field', 'min', 'max'],
  is_true: ['field'],
  is_false: ['field'],
  exists: ['field'],
  missing: ['field'],
};

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** Reads a comparison bound and returns its numeric value (a time for dates), or undefined after an issue. */
function readBound(issues: IssueList, path: string, value: unknown): { value: number; date: boolean } | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return { value, date: false };
  if (typeof value === 'string') {
    const time = parseIsoDate(value);
    if (time !== undefined) return { value: time, date: true };
    issues.add('invalid_value', path, `expected a finite number or an ISO 8601 date such as "2024-01-31" (a date-time needs a zone), received ${JSON.stringify(value)}`);
    return undefined;
  }
  issues.expected(path, 'a finite number or an ISO 8601 date', value);
  return undefined;
}

function readScalars(issues: IssueList, path: string, values: unknown): Scalar[] | undefined {
  if (!Array.isArray(values)) {
    issues.expected(path, 'an array of strings, finite numbers or booleans', values);
    return undefined;
  }
  let ok = true;
  values.forEach((v: unknown, i) => {
    if (!isScalar(v)) {
      issues.expected(`${path}[${i}]`, 'a string, finite number or boolean', v);
      ok = false;
    }
  });
  return ok ? [...(values as Scalar[])] : undefined;
}

interface Reader {
  readonly issues: IssueList;
  readonly definitions: Record<string, unknown>;
  /** Definitions already read, by name. */
  readonly resolved: Map<string, PredicateNode | undefined>;
  /** Definitions being read, to detect cycles. */
  readonly resolving: Set<string>;
  readonly extents: WeakMap<PredicateNode, Extent>;
}

function readDefinition(reader: Reader, name: string, path: string, depth: number): PredicateNode | undefined {
  if (reader.resolved.has(name)) {
    // A definition read once is reused; here it may sit deeper than where it was first read.
    const node = reader.resolved.get(name);
    if (node !== undefined && depth + extentOf(node, reader.extents).height > MAX_DEPTH) {
      reader.issues.add('too_deep', path, `predicates nest more than ${MAX_DEPTH} levels deep through definition ${JSON.stringify(name)}`);
      return undefined;
    }
    return node;
  }
  if (reader.resolving.has(name)) {
    reader.issues.add('circular_reference', path, `definition ${JSON.stringify(name)} refers to itself`);
    return undefined;
  }
  if (FORBIDDEN_KEYS.includes(name) || !Object.prototype.hasOwnProperty.call(reader.definitions, name)) {
    reader.issues.add('unknown_reference', path, `no definition named ${JSON.stringify(name)}`);
    return undefined;
  }
  reader.resolving.add(name);
  const inner = readNode(reader, own(reader.definitions, name), `definitions.${name}`, depth + 1);
  reader.resolving.delete(name);
  const node: PredicateNode | undefined = inner === undefined ? undefined : { op: 'named', name, predicate: inner };
  reader.resolved.set(name, node);
  return node;
}

function readNode(reader: Reader, input: unknown, path: string, depth: number): PredicateNode | undefined {
  const { issues } = reader;
  if (depth > MAX_DEPTH) {
    issues.add('too_deep', path, `predicates nest more than ${MAX_DEPTH} levels deep`);
    return undefined;
  }
  if (!isObject(input)) {
    issues.expected(path, 'a predicate object', input);
    return undefined;
  }
  const op = own(input, 'op');
  const shape = typeof op === 'string' ? own(SHAPES, op) as readonly string[] | undefined : undefined;
  if (shape === undefined) {
    issues.add(op === undefined ? 'missing_key' : 'unknown_operator', `${path}.op`, `unknown operator ${JSON.stringify(op) ?? 'undefined'}; expected one of ${Object.keys(SHAPES).join(', ')}`);
    return undefined;
  }
  const allowed = shape.map((key) => key.replace('?', ''));
  const before = issues.issues.length;
  for (const key of Object.keys(input)) {
    if (key !== 'op' && !allowed.includes(key)) issues.add('unknown_key', `${path}.${key}`, `operator ${op} takes no key ${JSON.stringify(key)}`);
  }
  for (const key of shape) {
    if (!key.endsWith('?') && own(input, key) === undefined) issues.add('missing_key', `${path}.${key}`, `operator ${op} needs ${JSON.stringify(key)}`);
  }
  const at = (key: string): string => `${path}.${key}`;
  const field = own(input, 'field');
  const value = own(input, 'value');
  const ignoreCase = own(input, 'ignoreCase');
  if (ignoreCase !== undefined && typeof ignoreCase !== 'boolean') issues.expected(at('ignoreCase'), 'a boolean', ignoreCase);
  const caseOption = ignoreCase === true ? { ignoreCase: true } : {};
  if (allowed.includes('field') && field !== undefined) checkFieldPath(issues, at('field'), field);

  let node: PredicateNode | undefined;
  switch (op) {
    case 'and':
    case 'or': {
      const list = own(input, 'predicates');
      if (!Array.isArray(list)) {
        if (list !== undefined) issues.expected(at('predicates'), 'an array of predicates', list);
        break;
      }
      const parts = list.map((p: unknown, i) => readNode(reader, p, `${path}.predicates[${i}]`, depth + 1));
      node = { op, predicates: parts as PredicateNode[] };
      break;
    }
    case 'not': {
      const inner = own(input, 'predicate');
      const predicate = inner === undefined ? undefined : readNode(reader, inner, at('predicate'), depth + 1);
      if (predicate !== undefined) node = { op, predicate };
      break;
    }
    case 'named':
    case 'ref': {
      const name = own(input, 'name');
      if (typeof name !== 'string' || name.length === 0) {
        if (name !== undefined) issues.expected(at('name'), 'a non-empty name', name);
        break;
      }
      if (op === 'ref') {
        node = readDefinition(reader, name, at('name'), depth);
        break;
      }
      const inner = own(input, 'predicate');
      const predicate = inner === undefined ? undefined : readNode(reader, inner, at('predicate'), depth + 1);
      if (predicate !== undefined) node = { op, name, predicate };
      break;
    }
    case 'equals':
    case 'not_equals':
      if (value !== undefined && !isScalar(value)) issues.expected(at('value'), 'a string, finite number or boolean', value);
      else node = { op, field: field as string, value: value as Scalar, ...caseOption };
      break;
    case 'one_of':
    case 'none_of':
    case 'includes_all':
    case 'includes_any':
    case 'includes_none': {
      const raw = own(input, 'values');
      const values = raw === undefined ? undefined : readScalars(issues, at('values'), raw);
      if (values !== undefined) node = { op, field: field as string, values, ...caseOption };
      break;
    }
    case 'contains_any_word': {
      const raw = own(input, 'words');
      if (raw === undefined) break;
      if (!Array.isArray(raw) || raw.length === 0) {
        issues.expected(at('words'), 'a non-empty array of words', raw);
        break;
      }
      raw.forEach((w: unknown, i) => {
        if (typeof w !== 'string' || wordKey(w).trim().length === 0) issues.expected(`${path}.words[${i}]`, 'a word with letters or digits', w);
      });
      node = { op, field: field as string, words: [...(raw as string[])] };
      break;
    }
    case 'starts_with':
    case 'ends_with':
    case 'contains':
      if (value !== undefined && typeof value !== 'string') issues.expected(at('value'), 'a string', value);
      else node = { op, field: field as string, value: value as string, ...caseOption };
      break;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (value !== undefined && readBound(issues, at('value'), value) !== undefined) node = { op, field: field as string, value: value as number };
      break;
    case 'between': {
      const rawMin = own(input, 'min');
      const rawMax = own(input, 'max');
      const min = rawMin === undefined ? undefined : readBound(issues, at('min'), rawMin);
      const max = rawMax === undefined ? undefined : readBound(issues, at('max'), rawMax);
      if (min === undefined || max === undefined) break;
      if (min.date !== max.date) issues.add('invalid_value', path, 'between needs two numbers or two dates');
      else if (min.value > max.value) issues.add('invalid_value', path, `between needs min <= max, received ${JSON.stringify(rawMin)} and ${JSON.stringify(rawMax)}`);
      else node = { op, field: field as string, min: rawMin as number, max: rawMax as number };
      break;
    }
    default:
      node = { op: op as 'exists', field: field as string };
  }
  return issues.issues.length === before ? node : undefined;
}

/**
 * Parses the JSON form of a predicate from untrusted input (a JSON string or a parsed value)
 * and returns the predicate or every problem found, by path, without throwing. Unknown
 * operators and keys are problems. So are prototype keys in field paths, unknown or circular
 * references, nesting deeper than 64 levels, and a predicate that expands to more than 10,000
 * nodes when its references are replaced by their definitions.
 *
 * @example
 * const result = parsePredicate('{"version":1,"predicate":{"op":"gte","field":"employees","value":100}}');
 * if (result.ok) icp(result.predicate);
 * else console.log(result.issues); // [{ code, path: 'predicate.value', message }]
 */
export function parsePredicate(input: unknown): ImportResult {
  const issues = new IssueList();
  let document = input;
  if (typeof input === 'string') {
    try {
      document = JSON.parse(input) as unknown;
    } catch (error) {
      issues.add('invalid_json', '', `invalid JSON: ${(error as Error).message}`);
      return { ok: false, issues: issues.issues };
    }
  }
  if (!isObject(document)) {
    issues.expected('', 'a predicate document object', document);
    return { ok: false, issues: issues.issues };
  }
  for (const key of Object.keys(document)) {
    if (key !== 'version' && key !== 'definitions' && key !== 'predicate') issues.add('unknown_key', key, `a predicate document takes no key ${JSON.stringify(key)}`);
  }
  const version = own(document, 'version');
  if (version !== PREDICATE_JSON_VERSION) {
    issues.add(version === undefined ? 'missing_key' : 'unsupported_version', 'version', `expected version ${PREDICATE_JSON_VERSION}, received ${JSON.stringify(version) ?? 'undefined'}`);
  }
  const rawDefinitions = own(document, 'definitions') ?? {};
  const definitions = isObject(rawDefinitions) ? rawDefinitions : {};
  if (!isObject(rawDefinitions)) issues.expected('definitions', 'an object of named predicates', rawDefinitions);
  const reader: Reader = { issues, definitions, resolved: new Map(), resolving: new Set(), extents: new WeakMap() };

  let predicate: PredicateNode | undefined;
  try {
    predicate = readNode(reader, own(document, 'predicate'), 'predicate', 0);
    // Read unused definitions too, so their problems are reported.
    for (const name of Object.keys(definitions)) {
      if (FORBIDDEN_KEYS.includes(name)) issues.add('forbidden_key', `definitions.${name}`, `${JSON.stringify(name)} cannot name a definition`);
      else readDefinition(reader, name, `definitions.${name}`, 0);
    }
  } catch (error) {
    // An input object whose getters or proxy traps throw.
    issues.add('invalid_value', 'predicate', `reading the predicate failed: ${(error as Error)?.message ?? String(error)}`);
  }
  if (predicate !== undefined && extentOf(predicate, reader.extents).size > MAX_EXPANDED_NODES) {
    issues.add('too_large', 'predicate', `the predicate expands to more than ${MAX_EXPANDED_NODES} nodes when its references are replaced by their definitions`);
  }
  if (issues.issues.length > 0 || predicate === undefined) return { ok: false, issues: issues.issues };
  try {
    compilePredicate('parsePredicate', predicate);
  } catch (error) {
    // The reader checks what compilation checks, so this is a safety net.
    const path = error instanceof ConfigError ? error.path : 'predicate';
    issues.add('invalid_value', path, (error as Error).message);
    return { ok: false, issues: issues.issues };
  }
  return { ok: true, predicate: predicate as Predicate };
}

/**
 * Writes a predicate in the versioned JSON form, with each named sub-predicate written once
 * under `definitions` and referenced by name. Throws a `NetspearConfigError` when the
 * predicate is invalid or two different sub-predicates share a name.
 *
 * @example
 * JSON.stringify(toPredicateJson(and(named('enterprise', atLeast('employees', 1000)), oneOf('industry', ['SaaS']))));
 * // {"version":1,"definitions":{"enterprise":{...}},"predicate":{"op":"and","predicates":[{"op":"ref","name":"enterprise"},...]}}
 */
export function toPredicateJson(predicate: Predicate): PredicateDocument {
  compilePredicate('toPredicateJson', predicate);
  const definitions: Record<string, PredicateJsonNode> = {};
  const texts = new Map<string, string>();
  const write = (node: PredicateNode, path: string): PredicateJsonNode => {
    switch (node.op) {
      case 'and':
      case 'or':
        return { op: node.op, predicates: node.predicates.map((p, i) => write(p, `${path}.predicates[${i}]`) as PredicateNode) };
      case 'not':
        return { op: 'not', predicate: write(node.predicate, `${path}.predicate`) as PredicateNode };
      case 'named': {
        const body = write(node.predicate, `${path}.predicate`);
        const text = JSON.stringify(body);
        const known = texts.get(node.name);
        if (known !== undefined && known !== text) {
          throw new ConfigError('toPredicateJson', `${path}.name`, `two different sub-predicates are named ${JSON.stringify(node.name)}; give each its own name`);
        }
        if (known === undefined) {
          texts.set(node.name, text);
          Object.defineProperty(definitions, node.name, { value: body, enumerable: true, writable: true, configurable: true });
        }
        return { op: 'ref', name: node.name };
      }
      default:
        return JSON.parse(JSON.stringify(node)) as PredicateNode;
    }
  };
  const root = write(predicate, 'predicate');
  return texts.size > 0 ? { version: PREDICATE_JSON_VERSION, definitions, predicate: root } : { version: PREDICATE_JSON_VERSION, predicate: root };
}
