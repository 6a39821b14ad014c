import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { DEFAULT_PLACEHOLDERS, isMissing, toBoolean, toNumber, type ValueOptions } from '../internal/values.js';
import { parseIsoDate, toTime } from './dates.js';
import type { Outcome, PredicateNode, Scalar } from './types.js';

/** A compiled predicate: a closure that evaluates one record and never throws on its data. */
export type CompiledPredicate = (record: unknown) => Outcome;

/** Options that decide how raw field values are read. */
export interface EvaluationOptions {
  /**
   * Strings that count as missing, compared case-insensitively after trimming. Blank strings
   * always count as missing. Defaults to `["Select"]`, the placeholder web forms send.
   */
  readonly placeholders?: readonly string[];
  /**
   * Parse numeric strings (`"250"`) for numeric operators and `"true"`/`"false"` for flags.
   * Off by default, so a string never passes for a number; CSV imports turn it on.
   */
  readonly parseStrings?: boolean;
}

/** Resolves evaluation options into the values leaf operators read. */
export function resolveValueOptions(options: EvaluationOptions | undefined): ValueOptions {
  const placeholders = options?.placeholders ?? DEFAULT_PLACEHOLDERS;
  return {
    placeholders: placeholders.map((p) => p.trim().toLowerCase()),
    parseStrings: options?.parseStrings === true,
  };
}

const MATCH: Outcome = 'match';
const NO_MATCH: Outcome = 'no_match';
const UNKNOWN: Outcome = 'unknown';

function fromBoolean(value: boolean): Outcome {
  return value ? MATCH : NO_MATCH;
}

function negate(outcome: Outcome): Outcome {
  if (outcome === MATCH) return NO_MATCH;
  if (outcome === NO_MATCH) return MATCH;
  return UNKNOWN;
}

function isScalar(value: unknown): value is Scalar {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value))
  );
}

function fold(value: string, ignoreCase: boolean | undefined): string {
  return ignoreCase === true ? value.toLowerCase() : value;
}

/** Splits text into lower-case words of letters and digits, joined by single spaces and padded. */
export function wordKey(text: string): string {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return ` ${words.join(' ')} `;
}

/**
 * Returns a comparison of a field value with a scalar of the same type, or undefined when the
 * types differ (which makes the outcome unknown rather than coercing).
 */
function scalarComparer(
  expected: readonly Scalar[],
  ignoreCase: boolean | undefined,
  value: ValueOptions,
): (actual: unknown) => boolean | undefined {
  if (expected.length === 0) return () => false;
  const strings = expected.filter((v): v is string => typeof v === 'string').map((v) => fold(v, ignoreCase));
  const numbers = expected.filter((v): v is number => typeof v === 'number');
  const booleans = expected.filter((v): v is boolean => typeof v === 'boolean');
  return (actual) => {
    if (typeof actual === 'string') {
      if (strings.length > 0) return strings.includes(fold(actual, ignoreCase));
      if (numbers.length > 0) {
        const parsed = toNumber(actual, value.parseStrings);
        if (parsed !== undefined) return numbers.includes(parsed);
      }
      if (booleans.length > 0) {
        const parsed = toBoolean(actual, value.parseStrings);
        if (parsed !== undefined) return booleans.includes(parsed);
      }
      return undefined;
    }
    if (typeof actual === 'number') return numbers.length > 0 ? numbers.includes(actual) : undefined;
    if (typeof actual === 'boolean') return booleans.length > 0 ? booleans.includes(actual) : undefined;
    return undefined;
  };
}

/** Builds the error for a value of the wrong kind, naming what was expected and what was received. */
function invalid(ctx: Context, where: string, expected: string, value: unknown): ConfigError {
  return new ConfigError(ctx.api, where, `expected ${expected}, received ${describeValue(value)}`);
}

interface Context {
  readonly api: string;
  readonly value: ValueOptions;
  readonly blanks: Blanks;
}

function requireField(ctx: Context, where: string, node: { readonly field?: unknown }): readonly string[] {
  return splitPath(ctx.api, `${where}.field`, node.field);
}

/**
 * Placeholders prepared for the hot path. `keys` contains `length * 128 + (first char | 32)` of
 * each placeholder, so most present strings differ from every key and need no trim or
 * lower-case. The keys are only valid for ASCII placeholders, because lower-casing changes the
 * length of some non-ASCII letters, so `ascii` is false otherwise.
 */
interface Blanks {
  readonly list: readonly string[];
  readonly keys: readonly number[];
  readonly ascii: boolean;
}

function prepareBlanks(placeholders: readonly string[]): Blanks {
  return {
    list: placeholders,
    keys: placeholders.map((p) => p.length * 128 + (p.charCodeAt(0) | 32)),
    ascii: placeholders.every((p) => /^[\x20-\x7e]*$/.test(p)),
  };
}

/** Tells whether a string is blank or a placeholder, skipping the trim and lower-case of most strings. */
function isBlankText(text: string, blanks: Blanks): boolean {
  const n = text.length;
  if (n === 0) return true;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  // A string that starts and ends with a visible ASCII character is its own trimmed form.
  if (blanks.ascii && first > 32 && first < 127 && last > 32 && last < 127 && !blanks.keys.includes(n * 128 + (first | 32))) {
    return false;
  }
  return isMissing(text, blanks.list);
}

/** `isMissing` with the fast string path of {@link isBlankText}. */
function isBlank(value: unknown, blanks: Blanks): boolean {
  if (typeof value === 'string') return isBlankText(value, blanks);
  return value === undefined || value === null || (typeof value === 'number' && value !== value);
}

function requireScalars(ctx: Context, where: string, values: unknown): readonly Scalar[] {
  if (!Array.isArray(values)) {
    throw invalid(ctx, where, 'an array of strings, numbers or booleans', values);
  }
  values.forEach((v: unknown, i) => {
    if (!isScalar(v) || (typeof v === 'number' && !Number.isFinite(v))) {
      throw invalid(ctx, `${where}[${i}]`, 'a string, finite number or boolean', v);
    }
  });
  return values as readonly Scalar[];
}

function requireNumber(ctx: Context, where: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid(ctx, where, 'a finite number', value);
  }
  return value;
}

/** A reader that turns a field value into a number for a comparison, or undefined when it cannot be compared. */
type ReadBound = (value: unknown) => number | undefined;

/**
 * Validates a comparison bound and returns it as a number with the reader for field values.
 * The reader is `toTime` for an ISO date bound and `toNumber` when strings are parsed. It is
 * undefined when only numbers compare, the common case, which the leaf checks inline.
 */
function requireBound(ctx: Context, where: string, value: unknown, parseStrings: boolean): [number, ReadBound | undefined] {
  if (typeof value === 'string') {
    const time = parseIsoDate(value);
    if (time === undefined) {
      throw invalid(ctx, where, 'a finite number or an ISO 8601 date', value);
    }
    return [time, toTime];
  }
  return [requireNumber(ctx, where, value), parseStrings ? (v) => toNumber(v, true) : undefined];
}

function requireString(ctx: Context, where: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw invalid(ctx, where, 'a string', value);
  }
  return value;
}

/**
 * Combines parts in Kleene logic, where a decisive outcome (`no_match` for and, `match` for or)
 * wins over `unknown`. Two and three parts get their own closures, so that each call site always
 * calls the same part and V8 can inline it.
 */
function combine(parts: readonly CompiledPredicate[], decisive: Outcome, otherwise: Outcome): CompiledPredicate {
  const [first, second, third] = parts;
  if (parts.length === 1) return first!;
  if (parts.length === 2) {
    const a = first!;
    const b = second!;
    return (record) => {
      const x = a(record);
      if (x === decisive) return decisive;
      const y = b(record);
      if (y === decisive) return decisive;
      return x === UNKNOWN || y === UNKNOWN ? UNKNOWN : otherwise;
    };
  }
  if (parts.length === 3) {
    const a = first!;
    const b = second!;
    const c = third!;
    return (record) => {
      const x = a(record);
      if (x === decisive) return decisive;
      const y = b(record);
      if (y === decisive) return decisive;
      const z = c(record);
      if (z === decisive) return decisive;
      return x === UNKNOWN || y === UNKNOWN || z === UNKNOWN ? UNKNOWN : otherwise;
    };
  }
  return (record) => {
    let sawUnknown = false;
    for (let i = 0; i < parts.length; i++) {
      const outcome = (parts[i] as CompiledPredicate)(record);
      if (outcome === decisive) return decisive;
      if (outcome === UNKNOWN) sawUnknown = true;
    }
    return sawUnknown ? UNKNOWN : otherwise;
  };
}

/**
 * Compiles equality and membership against strings only, the common case. Any other value type
 * is `unknown`. The placeholder check runs only on strings that matched no value, unless a value
 * itself is blank or a placeholder, in which case it runs on every string first.
 */
function textMembership(segments: readonly string[], list: readonly string[], ignoreCase: boolean, negated: boolean, blanks: Blanks): CompiledPredicate {
  const single = list.length === 1 ? list[0] : undefined;
  const set = list.length > 8 ? new Set(list) : undefined;
  const checkFirst = list.some((v) => isBlankText(v, blanks));
  const found = negated ? NO_MATCH : MATCH;
  const notFound = negated ? MATCH : NO_MATCH;
  return (record) => {
    const actual = readPath(record, segments);
    if (typeof actual !== 'string') return UNKNOWN;
    if (checkFirst && isBlankText(actual, blanks)) return UNKNOWN;
    const text = ignoreCase ? actual.toLowerCase() : actual;
    let hit: boolean;
    if (single !== undefined) hit = text === single;
    else if (set !== undefined) hit = set.has(text);
    else hit = list.includes(text);
    if (hit) return found;
    return !checkFirst && isBlankText(actual, blanks) ? UNKNOWN : notFound;
  };
}

/**
 * Compiles a comparison of a number or date with the range from `min` to `max`, giving `below`,
 * `inside` or `above`. A value that `read` cannot turn into a number is `unknown`.
 */
function rangeTest(segments: readonly string[], min: number, max: number, below: Outcome, inside: Outcome, above: Outcome, read: ReadBound | undefined): CompiledPredicate {
  return (record) => {
    let actual: number | undefined;
    // toTime's instanceof runs a proxy's trap, and a value whose trap throws is unknown.
    try {
      const raw = readPath(record, segments);
      if (read !== undefined) actual = read(raw);
      else if (typeof raw === 'number') actual = raw;
    } catch {
      return UNKNOWN;
    }
    if (actual === undefined || actual !== actual) return UNKNOWN;
    return actual < min ? below : actual > max ? above : inside;
  };
}

function compileNode(ctx: Context, node: PredicateNode, where: string): CompiledPredicate {
  if (node === null || typeof node !== 'object') {
    throw invalid(ctx, where, 'a predicate object', node);
  }
  const { parseStrings } = ctx.value;
  const blanks = ctx.blanks;

  switch (node.op) {
    case 'and':
    case 'or': {
      if (!Array.isArray(node.predicates)) {
        throw invalid(ctx, `${where}.predicates`, 'an array of predicates', node.predicates);
      }
      const parts = node.predicates.map((p, i) => compileNode(ctx, p, `${where}.predicates[${i}]`));
      if (parts.length === 0) return node.op === 'and' ? () => MATCH : () => NO_MATCH;
      return node.op === 'and' ? combine(parts, NO_MATCH, MATCH) : combine(parts, MATCH, NO_MATCH);
    }

    case 'not': {
      const inner = compileNode(ctx, node.predicate, `${where}.predicate`);
      return (record) => negate(inner(record));
    }

    case 'named': {
      if (requireString(ctx, `${where}.name`, node.name).length === 0) {
        throw new ConfigError(ctx.api, `${where}.name`, 'expected a non-empty name');
      }
      return compileNode(ctx, node.predicate, `${where}.predicate`);
    }

    case 'equals':
    case 'not_equals':
    case 'one_of':
    case 'none_of': {
      const segments = requireField(ctx, where, node);
      const values =
        'values' in node ? requireScalars(ctx, `${where}.values`, node.values) : requireScalars(ctx, `${where}.value`, [node.value]);
      const negated = node.op === 'not_equals' || node.op === 'none_of';
      const ignoreCase = node.ignoreCase === true;
      if (values.length > 0 && values.every((v) => typeof v === 'string')) {
        return textMembership(segments, values.map((v) => fold(v as string, ignoreCase)), ignoreCase, negated, blanks);
      }
      const compare = scalarComparer(values, ignoreCase, ctx.value);
      return (record) => {
        const actual = readPath(record, segments);
        if (isBlank(actual, blanks)) return UNKNOWN;
        const found = compare(actual);
        if (found === undefined) return UNKNOWN;
        return found !== negated ? MATCH : NO_MATCH;
      };
    }

    case 'contains_any_word': {
      const segments = requireField(ctx, where, node);
      if (!Array.isArray(node.words)) {
        throw invalid(ctx, `${where}.words`, 'an array of strings', node.words);
      }
      const phrases = node.words.map((w: unknown, i) => {
        const key = wordKey(requireString(ctx, `${where}.words[${i}]`, w));
        if (key.trim().length === 0) {
          throw invalid(ctx, `${where}.words[${i}]`, 'a word with letters or digits', w);
        }
        return key;
      });
      return (record) => {
        const actual = readPath(record, segments);
        if (typeof actual !== 'string' || isBlankText(actual, blanks)) return UNKNOWN;
        const text = wordKey(actual);
        return fromBoolean(phrases.some((phrase) => text.includes(phrase)));
      };
    }

    case 'starts_with':
    case 'ends_with':
    case 'contains': {
      const segments = requireField(ctx, where, node);
      const ignoreCase = node.ignoreCase;
      const needle = fold(requireString(ctx, `${where}.value`, node.value), ignoreCase);
      const op = node.op;
      return (record) => {
        const actual = readPath(record, segments);
        if (typeof actual !== 'string' || isBlankText(actual, blanks)) return UNKNOWN;
        const text = fold(actual, ignoreCase);
        if (op === 'starts_with') return fromBoolean(text.startsWith(needle));
        if (op === 'ends_with') return fromBoolean(text.endsWith(needle));
        return fromBoolean(text.includes(needle));
      };
    }

    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const segments = requireField(ctx, where, node);
      const [bound, read] = requireBound(ctx, `${where}.value`, node.value, parseStrings);
      const above = node.op === 'gt' || node.op === 'gte' ? MATCH : NO_MATCH;
      const below = negate(above);
      const equal = node.op === 'gte' || node.op === 'lte' ? MATCH : NO_MATCH;
      return rangeTest(segments, bound, bound, below, equal, above, read);
    }

    case 'between': {
      const segments = requireField(ctx, where, node);
      const [min, read] = requireBound(ctx, `${where}.min`, node.min, parseStrings);
      const [max, readMax] = requireBound(ctx, `${where}.max`, node.max, parseStrings);
      if ((read === toTime) !== (readMax === toTime)) {
        throw new ConfigError(ctx.api, where, `between needs two numbers or two dates, received ${describeValue(node.min)} and ${describeValue(node.max)}`);
      }
      if (min > max) {
        throw new ConfigError(ctx.api, where, `between needs min <= max, received min ${describeValue(node.min)} and max ${describeValue(node.max)}`);
      }
      return rangeTest(segments, min, max, NO_MATCH, MATCH, NO_MATCH, read);
    }

    case 'includes_all':
    case 'includes_any':
    case 'includes_none': {
      const segments = requireField(ctx, where, node);
      const values = requireScalars(ctx, `${where}.values`, node.values);
      const ignoreCase = node.ignoreCase === true;
      const wanted = values.map((v) => (typeof v === 'string' ? fold(v, ignoreCase) : v));
      const all = node.op === 'includes_all';
      // includes_all matches when no wanted value is absent, includes_none when none is present.
      const matchWhenFound = node.op === 'includes_any';
      const stopOn = all ? NO_MATCH : matchWhenFound ? MATCH : NO_MATCH;
      const otherwise = negate(stopOn);
      // Without ignoreCase, elements are compared as they are, so no folded copy is made.
      return (record) => {
        // Array methods run a proxy's traps, and a value whose trap throws is unknown.
        try {
          const actual = readPath(record, segments);
          if (!Array.isArray(actual)) return UNKNOWN;
          for (let i = 0; i < wanted.length; i++) {
            const v = wanted[i];
            const has = ignoreCase ? actual.some((e) => (typeof e === 'string' ? e.toLowerCase() : e) === v) : actual.includes(v);
            if (has !== all) return stopOn;
          }
          return otherwise;
        } catch {
          return UNKNOWN;
        }
      };
    }

    case 'is_true':
    case 'is_false': {
      const segments = requireField(ctx, where, node);
      const wanted = node.op === 'is_true';
      return (record) => {
        const raw = readPath(record, segments);
        const actual = typeof raw === 'boolean' ? raw : parseStrings ? toBoolean(raw, true) : undefined;
        if (actual === undefined) return UNKNOWN;
        return actual === wanted ? MATCH : NO_MATCH;
      };
    }

    case 'exists':
    case 'missing': {
      const segments = requireField(ctx, where, node);
      const present = node.op === 'exists' ? MATCH : NO_MATCH;
      const absent = negate(present);
      return (record) => (isBlank(readPath(record, segments), blanks) ? absent : present);
    }

    default: {
      const op: unknown = (node as { op?: unknown }).op;
      throw new ConfigError(ctx.api, `${where}.op`, `unknown operator ${describeValue(op)}`);
    }
  }
}

/**
 * Compiles a predicate into a closure, validating every node; `api` names the caller in errors.
 * Evaluating the closure never throws on record data: a field whose getter or proxy trap throws
 * reads as missing, and a value whose methods throw makes its clause `unknown`.
 */
export function compilePredicate(
  api: string,
  predicate: PredicateNode,
  options?: EvaluationOptions,
  where = 'predicate',
): CompiledPredicate {
  const given: unknown = options?.placeholders;
  if (given !== undefined && !(Array.isArray(given) && given.every((p) => typeof p === 'string'))) {
    throw new ConfigError(api, 'placeholders', `expected an array of strings, received ${describeValue(given)}`);
  }
  const value = resolveValueOptions(options);
  return compileNode({ api, value, blanks: prepareBlanks(value.placeholders) }, predicate, where);
}

/** Lists the field paths a predicate reads, in order of first appearance. */
export function predicateFields(predicate: PredicateNode): string[] {
  const fields: string[] = [];
  const visit = (node: PredicateNode): void => {
    if (node.op === 'and' || node.op === 'or') node.predicates.forEach(visit);
    else if (node.op === 'not' || node.op === 'named') visit(node.predicate);
    else if ('field' in node && !fields.includes(node.field)) fields.push(node.field);
  };
  visit(predicate);
  return fields;
}
