import { ConfigError, describeValue } from '../internal/config-error.js';
import { DEFAULT_PLACEHOLDERS } from '../internal/values.js';
import { compilePredicate } from '../predicate/compile.js';
import { parseIsoDate } from '../predicate/dates.js';
import type { Predicate, PredicateNode, Scalar } from '../predicate/types.js';

const API = 'compileSql';

/** The SQL dialects {@link compileSql} writes. */
export type SqlDialect = 'postgres' | 'sqlite';

/**
 * The storage type of a field. In PostgreSQL: `text`, `double precision` (or any numeric type),
 * `boolean`, `timestamptz` and `text[]`. In SQLite: TEXT, REAL or INTEGER, INTEGER 0/1,
 * ISO 8601 TEXT, and a JSON array in TEXT.
 */
export type ColumnType = 'text' | 'number' | 'boolean' | 'date' | 'text[]';

/** The column that stores a field. */
export interface ColumnSpec {
  /** The column name, quoted as one identifier, so it may hold any character but NUL. */
  readonly column: string;
  readonly type: ColumnType;
}

/** A value passed as a query parameter. */
export type SqlParameter = string | number | boolean | readonly string[];

/** Options for {@link compileSql}. */
export interface SqlOptions {
  readonly dialect: SqlDialect;
  /** The column of every field the predicate reads; a field missing here is an error. */
  readonly columns: Readonly<Record<string, ColumnSpec>>;
  /** Strings that count as missing in text columns, as in evaluation. Defaults to `["Select"]`. */
  readonly placeholders?: readonly string[];
  /** The number of the first PostgreSQL parameter (`$1` by default), to append to other clauses. */
  readonly firstParameter?: number;
}

/** A predicate compiled to SQL: three boolean-valued expressions sharing one list of parameters. */
export interface SqlPredicate {
  /** True for `match`, false for `no_match`, NULL for `unknown`: SQL's own three-valued logic. */
  readonly condition: string;
  /** A `WHERE` condition that keeps matches and drops unknowns (the `exclude` policy). */
  readonly where: string;
  /** A `WHERE` condition that keeps matches and unknowns (the `include` policy). */
  readonly whereIncludingUnknown: string;
  /** An expression that evaluates to `'match'`, `'no_match'` or `'unknown'` (the `separate` policy). */
  readonly outcome: string;
  readonly params: readonly SqlParameter[];
}

// The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator),
// passed to SQL trim so that a blank cell is missing in SQL exactly when it is in JavaScript.
const JS_WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

interface Writer {
  readonly postgres: boolean;
  readonly columns: Readonly<Record<string, ColumnSpec>>;
  readonly placeholders: readonly string[];
  readonly params: SqlParameter[];
  readonly first: number;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Adds a parameter and returns its placeholder, with a type cast in PostgreSQL. */
function param(w: Writer, value: SqlParameter, pgType: string): string {
  // SQLite stores booleans as the integers 1 and 0, and better-sqlite3 binds no booleans.
  if (!w.postgres && typeof value === 'boolean') w.params.push(value ? 1 : 0);
  else w.params.push(value);
  return w.postgres ? `$${w.first + w.params.length - 1}::${pgType}` : '?';
}

function literal(w: Writer, value: boolean | null): string {
  if (value === null) return w.postgres ? 'NULL::boolean' : 'NULL';
  if (w.postgres) return value ? 'TRUE' : 'FALSE';
  return value ? '1' : '0';
}

function columnOf(w: Writer, field: string, where: string): ColumnSpec {
  const spec = Object.prototype.hasOwnProperty.call(w.columns, field) ? w.columns[field] : undefined;
  if (spec === undefined) {
    throw new ConfigError(API, `${where}.field`, `no column for field ${JSON.stringify(field)}: add it to options.columns`);
  }
  if (typeof spec.column !== 'string' || spec.column.length === 0 || spec.column.includes('\u0000')) {
    throw new ConfigError(API, `columns.${field}.column`, `expected a non-empty column name, received ${describeValue(spec.column)}`);
  }
  if (!['text', 'number', 'boolean', 'date', 'text[]'].includes(spec.type)) {
    throw new ConfigError(API, `columns.${field}.type`, `expected text, number, boolean, date or text[], received ${describeValue(spec.type)}`);
  }
  return spec;
}

/** Writes the condition, never NULL, under which a column counts as missing, as `isMissing` decides in JavaScript. */
function missingCondition(w: Writer, spec: ColumnSpec): string {
  const c = quote(spec.column);
  const isText = spec.type === 'text' || (spec.type === 'date' && !w.postgres);
  if (isText) {
    // A function, because each use of a positional SQLite parameter needs its own value.
    const trimmed = (): string => `${w.postgres ? 'btrim' : 'trim'}(${c}, ${param(w, JS_WHITESPACE, 'text')})`;
    const blank = `${c} IS NULL OR ${trimmed()} = ''`;
    if (w.placeholders.length === 0) return `(${blank})`;
    const folded = `lower(${trimmed()})`;
    const list = w.placeholders.map((p) => param(w, p, 'text')).join(', ');
    return `(${blank} OR ${folded} IN (${list}))`;
  }
  if (spec.type === 'number' && w.postgres) return `(${c} IS NULL OR ${c} = 'NaN'::float8)`;
  return `(${c} IS NULL)`;
}

/** Returns the value type a column stores, in the terms of `Scalar`. */
function scalarKind(spec: ColumnSpec): 'string' | 'number' | 'boolean' | undefined {
  if (spec.type === 'text') return 'string';
  if (spec.type === 'number') return 'number';
  if (spec.type === 'boolean') return 'boolean';
  return undefined;
}

/**
 * Compares a column with a list of scalars as equality and membership operators do: only
 * values of the column's type count, and a list with none of them is `unknown`.
 */
function membership(w: Writer, spec: ColumnSpec, values: readonly Scalar[], ignoreCase: boolean): string {
  if (values.length === 0) return literal(w, false);
  const kind = scalarKind(spec);
  const same = values.filter((v) => typeof v === kind);
  if (kind === undefined || same.length === 0) return literal(w, null);
  const fold = ignoreCase && kind === 'string';
  const pgType = { string: 'text', number: 'float8', boolean: 'boolean' }[kind];
  const list = same.map((v) => param(w, fold ? (v as string).toLowerCase() : v, pgType)).join(', ');
  return `${fold ? `lower(${quote(spec.column)})` : quote(spec.column)} IN (${list})`;
}

/** Writes a test of whether an array column contains the string `value`. */
function arrayHas(w: Writer, spec: ColumnSpec, value: string, ignoreCase: boolean): string {
  const c = quote(spec.column);
  if (w.postgres) {
    // EXISTS rather than `= ANY`, which is NULL instead of false when the array contains a NULL.
    const element = ignoreCase ? 'lower(element.v)' : 'element.v';
    return `EXISTS (SELECT 1 FROM unnest(${c}) AS element(v) WHERE ${element} = ${param(w, ignoreCase ? value.toLowerCase() : value, 'text')})`;
  }
  const element = ignoreCase ? 'lower(value)' : 'value';
  return `EXISTS (SELECT 1 FROM json_each(${c}) WHERE type = 'text' AND ${element} = ${param(w, ignoreCase ? value.toLowerCase() : value, 'text')})`;
}

function arrayOperator(w: Writer, spec: ColumnSpec, op: string, values: readonly Scalar[], ignoreCase: boolean): string {
  if (spec.type !== 'text[]') return literal(w, null);
  // Arrays of strings hold no number or boolean, so such values are never included.
  const strings = values.filter((v): v is string => typeof v === 'string');
  const c = quote(spec.column);
  let test: string;
  if (op === 'includes_all') {
    if (strings.length < values.length) return literal(w, false);
    if (strings.length === 0) return literal(w, true);
    test =
      w.postgres && !ignoreCase
        ? `${c} @> ${param(w, strings, 'text[]')}`
        : strings.map((s) => arrayHas(w, spec, s, ignoreCase)).join(' AND ');
  } else {
    if (strings.length === 0) return literal(w, op === 'includes_none');
    test =
      w.postgres && !ignoreCase
        ? `${c} && ${param(w, strings, 'text[]')}`
        : strings.map((s) => arrayHas(w, spec, s, ignoreCase)).join(' OR ');
    if (op === 'includes_none') test = `NOT (${test})`;
  }
  // In SQLite, a cell that is not a JSON array reads like a non-array value in JavaScript.
  return w.postgres ? `(${test})` : `(CASE WHEN json_valid(${c}) AND json_type(${c}) = 'array' THEN (${test}) END)`;
}

/** Reads a comparison bound: a number, or an ISO date passed in a form the column compares with. */
function bound(w: Writer, spec: ColumnSpec, value: number | string, where: string): string | undefined {
  if (typeof value === 'number') return spec.type === 'number' ? param(w, value, 'float8') : undefined;
  const time = parseIsoDate(value) as number;
  if (spec.type === 'text') {
    throw new ConfigError(API, where, 'a date comparison needs a column of type date; declare the column as date');
  }
  if (spec.type !== 'date') return undefined;
  return param(w, new Date(time).toISOString(), 'timestamptz');
}

/** Writes the column as a comparable time: the timestamp itself in PostgreSQL, normalised ISO text in SQLite. */
function timeOf(w: Writer, spec: ColumnSpec): string {
  const c = quote(spec.column);
  if (w.postgres) return c;
  // Calendar days such as 2024-02-30, which SQLite rolls over but JavaScript rejects, give NULL.
  return `(CASE WHEN date(substr(${c}, 1, 10)) = substr(${c}, 1, 10) THEN strftime('%Y-%m-%dT%H:%M:%fZ', ${c}) END)`;
}

function comparisonValue(w: Writer, spec: ColumnSpec, isDate: boolean): string {
  return isDate ? timeOf(w, spec) : quote(spec.column);
}

function leaf(w: Writer, node: PredicateNode & { readonly field: string }, where: string): string {
  const spec = columnOf(w, node.field, where);
  const c = quote(spec.column);
  const ignoreCase = 'ignoreCase' in node && node.ignoreCase === true;
  // Built first, because positional parameters must be added in the order they appear.
  const missingTest = missingCondition(w, spec);
  let test: string;
  switch (node.op) {
    case 'exists':
      return `(NOT ${missingTest})`;
    case 'missing':
      return missingTest;
    case 'equals':
    case 'not_equals':
    case 'one_of':
    case 'none_of': {
      const values = 'values' in node ? node.values : [node.value];
      test = membership(w, spec, values, ignoreCase);
      if (node.op === 'not_equals' || node.op === 'none_of') test = `NOT (${test})`;
      break;
    }
    case 'starts_with':
    case 'ends_with':
    case 'contains': {
      if (spec.type !== 'text') {
        test = literal(w, null);
        break;
      }
      const text = ignoreCase ? `lower(${c})` : c;
      // SQLite's `?` parameters are positional, so every use of the value gets its own.
      const needle = (): string => param(w, ignoreCase ? node.value.toLowerCase() : node.value, 'text');
      if (node.op === 'contains') test = `${w.postgres ? 'strpos' : 'instr'}(${text}, ${needle()}) > 0`;
      else if (w.postgres) test = `${node.op === 'starts_with' ? 'left' : 'right'}(${text}, length(${needle()})) = ${needle()}`;
      else if (node.op === 'starts_with') test = `substr(${text}, 1, length(${needle()})) = ${needle()}`;
      // SQLite's substr(x, -0) is the whole string, so an empty suffix needs its own case.
      else test = `(length(${needle()}) = 0 OR substr(${text}, -length(${needle()})) = ${needle()})`;
      break;
    }
    case 'contains_any_word':
      // TODO: split words in SQL the way wordKey does (Unicode letters and digits).
      throw new ConfigError(API, `${where}.op`, 'contains_any_word cannot be compiled to SQL; use contains or one_of');
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const b = bound(w, spec, node.value, `${where}.value`);
      const symbol = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[node.op];
      test = b === undefined ? literal(w, null) : `${comparisonValue(w, spec, typeof node.value === 'string')} ${symbol} ${b}`;
      break;
    }
    case 'between': {
      const min = bound(w, spec, node.min, `${where}.min`);
      const max = bound(w, spec, node.max, `${where}.max`);
      const value = comparisonValue(w, spec, typeof node.min === 'string');
      test = min === undefined || max === undefined ? literal(w, null) : `(${value} >= ${min} AND ${value} <= ${max})`;
      break;
    }
    case 'includes_all':
    case 'includes_any':
    case 'includes_none':
      test = arrayOperator(w, spec, node.op, node.values, ignoreCase);
      break;
    case 'is_true':
    case 'is_false':
      test = spec.type === 'boolean' ? `${c} = ${literal(w, node.op === 'is_true')}` : literal(w, null);
      break;
    default:
      throw new ConfigError(API, `${where}.op`, `unknown operator ${describeValue((node as { op?: unknown }).op)}`);
  }
  return `(CASE WHEN ${missingTest} THEN ${literal(w, null)} ELSE ${test} END)`;
}

function write(w: Writer, node: PredicateNode, where: string): string {
  switch (node.op) {
    case 'and':
    case 'or': {
      if (node.predicates.length === 0) return literal(w, node.op === 'and');
      const parts = node.predicates.map((p, i) => write(w, p, `${where}.predicates[${i}]`));
      return `(${parts.join(node.op === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'not':
      return `(NOT ${write(w, node.predicate, `${where}.predicate`)})`;
    case 'named':
      return write(w, node.predicate, `${where}.predicate`);
    default:
      return leaf(w, node, where);
  }
}

/**
 * Compiles a predicate to a parameterised SQL condition for PostgreSQL or SQLite that gives
 * the same outcome as evaluation in JavaScript without `parseStrings`. Values are passed only
 * as parameters, and columns come only from `options.columns`, quoted as identifiers.
 * Throws a `NetspearConfigError` for an invalid predicate, a field without a column, or an
 * operator SQL cannot express (`contains_any_word`).
 *
 * @example
 * const { where, params } = compileSql(and(oneOf('industry', ['SaaS']), atLeast('employees', 100)), {
 *   dialect: 'postgres',
 *   columns: { industry: { column: 'industry', type: 'text' }, employees: { column: 'employee_count', type: 'number' } },
 * });
 * await db.query(`SELECT * FROM accounts WHERE ${where}`, params);
 */
export function compileSql(predicate: Predicate, options: SqlOptions): SqlPredicate {
  compilePredicate(API, predicate, options.placeholders === undefined ? undefined : { placeholders: options.placeholders });
  if (options.dialect !== 'postgres' && options.dialect !== 'sqlite') {
    throw new ConfigError(API, 'dialect', `expected "postgres" or "sqlite", received ${describeValue(options.dialect)}`);
  }
  const first = options.firstParameter ?? 1;
  if (!Number.isSafeInteger(first) || first < 1) {
    throw new ConfigError(API, 'firstParameter', `expected a positive integer, received ${describeValue(first)}`);
  }
  const w: Writer = {
    postgres: options.dialect === 'postgres',
    columns: options.columns,
    placeholders: (options.placeholders ?? DEFAULT_PLACEHOLDERS).map((p) => p.trim().toLowerCase()),
    params: [],
    first,
  };
  const condition = write(w, predicate, 'predicate');
  const yes = literal(w, true);
  const no = literal(w, false);
  return {
    condition,
    where: `COALESCE(${condition}, ${no})`,
    whereIncludingUnknown: `COALESCE(${condition}, ${yes})`,
    outcome: `(CASE ${condition} WHEN ${yes} THEN 'match' WHEN ${no} THEN 'no_match' ELSE 'unknown' END)`,
    params: w.params,
  };
}
