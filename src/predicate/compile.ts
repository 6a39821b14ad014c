import { ConfigError, describeValue } from '../internal/config-error.js';
import { pathReader, splitPath } from '../internal/path.js';
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
  return outcome === MATCH ? NO_MATCH : outcome === NO_MATCH ? MATCH : UNKNOWN;
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
}

function requireField(ctx: Context, where: string, node: { readonly field?: unknown }): (record: unknown) => unknown {
  return pathReader(splitPath(ctx.api, `${where}.field`, node.field));
}

/**
 * Returns `isMissing` for the given placeholders with a fast path: a string that starts and ends
 * with a visible ASCII character, and differs from every placeholder in length or first letter,
 * is present without being trimmed or lower-cased. The test holds only for ASCII placeholders,
 * because lower-casing changes the length of some non-ASCII letters.
 */
function missingTest(placeholders: readonly string[]): (value: unknown) => boolean {
  const ascii = placeholders.every((p) => /^[\x20-\x7e]*$/.test(p));
  const lengths = placeholders.map((p) => p.length);
  // `| 32` lower-cases an ASCII letter, and two characters that lower-case alike stay alike.
  const firsts = placeholders.map((p) => p.charCodeAt(0) | 32);
  const visible = (code: number): boolean => code > 32 && code < 127;
  return (value) => {
    if (typeof value === 'string') {
      const n = value.length;
      const first = value.charCodeAt(0);
      if (ascii && n > 0 && visible(first) && visible(value.charCodeAt(n - 1))) {
        if (!lengths.includes(n) || !firsts.includes(first | 32)) return false;
      }
      return isMissing(value, placeholders);
    }
    return value === undefined || value === null || (typeof value === 'number' && Number.isNaN(value));
  };
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

/**
 * Validates a comparison bound and returns it as a number with the reader that turns field
 * values into comparable numbers: numbers for a numeric bound, times for an ISO date bound.
 */
function requireBound(
  ctx: Context,
  where: string,
  value: unknown,
  parseStrings: boolean,
): [number, (actual: unknown) => number | undefined] {
  if (typeof value === 'string') {
    const time = parseIsoDate(value);
    if (time === undefined) {
      throw invalid(ctx, where, 'a finite number or an ISO 8601 date', value);
    }
    return [time, toTime];
  }
  return [requireNumber(ctx, where, value), parseStrings ? readNumberOrText : readNumber];
}

const readNumber = (value: unknown): number | undefined => toNumber(value, false);
const readNumberOrText = (value: unknown): number | undefined => toNumber(value, true);

function requireString(ctx: Context, where: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw invalid(ctx, where, 'a string', value);
  }
  return value;
}

function compileNode(ctx: Context, node: PredicateNode, where: string): CompiledPredicate {
  if (node === null || typeof node !== 'object') {
    throw invalid(ctx, where, 'a predicate object', node);
  }
  const { placeholders, parseStrings } = ctx.value;
  const missing = missingTest(placeholders);

  switch (node.op) {
    case 'and':
    case 'or': {
      if (!Array.isArray(node.predicates)) {
        throw invalid(ctx, `${where}.predicates`, 'an array of predicates', node.predicates);
      }
      const parts = node.predicates.map((p, i) => compileNode(ctx, p, `${where}.predicates[${i}]`));
      // Kleene logic: a decisive part (no_match for and, match for or) wins over unknown.
      const decisive = node.op === 'and' ? NO_MATCH : MATCH;
      const otherwise = node.op === 'and' ? MATCH : NO_MATCH;
      return (record) => {
        let sawUnknown = false;
        for (const part of parts) {
          const outcome = part(record);
          if (outcome === decisive) return decisive;
          if (outcome === UNKNOWN) sawUnknown = true;
        }
        return sawUnknown ? UNKNOWN : otherwise;
      };
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
      const path = requireField(ctx, where, node);
      const values =
        'values' in node ? requireScalars(ctx, `${where}.values`, node.values) : requireScalars(ctx, `${where}.value`, [node.value]);
      const compare = scalarComparer(values, node.ignoreCase, ctx.value);
      const negated = node.op === 'not_equals' || node.op === 'none_of';
      return (record) => {
        const actual = path(record);
        if (missing(actual)) return UNKNOWN;
        const found = compare(actual);
        if (found === undefined) return UNKNOWN;
        return found !== negated ? MATCH : NO_MATCH;
      };
    }

    case 'contains_any_word': {
      const path = requireField(ctx, where, node);
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
        const actual = path(record);
        if (missing(actual)) return UNKNOWN;
        if (typeof actual !== 'string') return UNKNOWN;
        const text = wordKey(actual);
        return fromBoolean(phrases.some((phrase) => text.includes(phrase)));
      };
    }

    case 'starts_with':
    case 'ends_with':
    case 'contains': {
      const path = requireField(ctx, where, node);
      const ignoreCase = node.ignoreCase;
      const needle = fold(requireString(ctx, `${where}.value`, node.value), ignoreCase);
      const op = node.op;
      return (record) => {
        const actual = path(record);
        if (missing(actual)) return UNKNOWN;
        if (typeof actual !== 'string') return UNKNOWN;
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
      const path = requireField(ctx, where, node);
      const [bound, read] = requireBound(ctx, `${where}.value`, node.value, parseStrings);
      // Two flags instead of a switch on the operator keep the hot loop short.
      const above = node.op === 'gt' || node.op === 'gte';
      const inclusive = node.op === 'gte' || node.op === 'lte';
      return (record) => {
        const raw = path(record);
        // Numbers, the common case, skip the reader call.
        const actual = typeof raw === 'number' && read !== toTime ? raw : read(raw);
        if (actual === undefined || actual !== actual) return UNKNOWN;
        if (actual === bound) return inclusive ? MATCH : NO_MATCH;
        return actual > bound === above ? MATCH : NO_MATCH;
      };
    }

    case 'between': {
      const path = requireField(ctx, where, node);
      const [min, read] = requireBound(ctx, `${where}.min`, node.min, parseStrings);
      const [max, readMax] = requireBound(ctx, `${where}.max`, node.max, parseStrings);
      if (read !== readMax) {
        throw new ConfigError(ctx.api, where, `between needs two numbers or two dates, received ${describeValue(node.min)} and ${describeValue(node.max)}`);
      }
      if (min > max) {
        throw new ConfigError(ctx.api, where, `between needs min <= max, received min ${describeValue(node.min)} and max ${describeValue(node.max)}`);
      }
      return (record) => {
        const actual = read(path(record));
        if (actual === undefined) return UNKNOWN;
        return fromBoolean(actual >= min && actual <= max);
      };
    }

    case 'includes_all':
    case 'includes_any':
    case 'includes_none': {
      const path = requireField(ctx, where, node);
      const values = requireScalars(ctx, `${where}.values`, node.values);
      const ignoreCase = node.ignoreCase;
      const wanted = values.map((v) => (typeof v === 'string' ? fold(v, ignoreCase) : v));
      const op = node.op;
      // Without ignoreCase, elements are compared as they are, so no folded copy is made.
      const has =
        ignoreCase === true
          ? (list: readonly unknown[], v: unknown): boolean => list.some((e) => (typeof e === 'string' ? e.toLowerCase() : e) === v)
          : (list: readonly unknown[], v: unknown): boolean => list.includes(v);
      return (record) => {
        const actual = path(record);
        if (!Array.isArray(actual)) return UNKNOWN;
        if (op === 'includes_all') return fromBoolean(wanted.every((v) => has(actual, v)));
        const any = wanted.some((v) => has(actual, v));
        return fromBoolean(op === 'includes_any' ? any : !any);
      };
    }

    case 'is_true':
    case 'is_false': {
      const path = requireField(ctx, where, node);
      const wanted = node.op === 'is_true';
      return (record) => {
        const actual = toBoolean(path(record), parseStrings);
        if (actual === undefined) return UNKNOWN;
        return fromBoolean(actual === wanted);
      };
    }

    case 'exists':
    case 'missing': {
      const path = requireField(ctx, where, node);
      const wanted = node.op === 'exists';
      return (record) => {
        const actual = path(record);
        return fromBoolean(!missing(actual) === wanted);
      };
    }

    default: {
      const op: unknown = (node as { op?: unknown }).op;
      throw new ConfigError(ctx.api, `${where}.op`, `unknown operator ${describeValue(op)}`);
    }
  }
}

/**
 * Compiles a predicate into a closure, validating every node; `api` names the caller in errors.
 * Evaluating the closure never throws on record data: a failing getter or proxy yields `unknown`.
 */
export function compilePredicate(
  api: string,
  predicate: PredicateNode,
  options?: EvaluationOptions,
  where = 'predicate',
): CompiledPredicate {
  const evaluate = compileNode({ api, value: resolveValueOptions(options) }, predicate, where);
  return (record) => {
    try {
      return evaluate(record);
    } catch {
      return UNKNOWN;
    }
  };
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
