import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { DEFAULT_PLACEHOLDERS, isMissing, toBoolean, toNumber, type ValueOptions } from '../internal/values.js';
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

interface Context {
  readonly api: string;
  readonly value: ValueOptions;
}

function requireField(ctx: Context, where: string, node: { readonly field?: unknown }): readonly string[] {
  return splitPath(ctx.api, `${where}.field`, node.field);
}

function requireScalars(ctx: Context, where: string, values: unknown): readonly Scalar[] {
  if (!Array.isArray(values)) {
    throw new ConfigError(ctx.api, where, `expected an array of strings, numbers or booleans, received ${describeValue(values)}`);
  }
  values.forEach((v: unknown, i) => {
    if (!isScalar(v) || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new ConfigError(ctx.api, `${where}[${i}]`, `expected a string, finite number or boolean, received ${describeValue(v)}`);
    }
  });
  return values as readonly Scalar[];
}

function requireNumber(ctx: Context, where: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError(ctx.api, where, `expected a finite number, received ${describeValue(value)}`);
  }
  return value;
}

function requireString(ctx: Context, where: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new ConfigError(ctx.api, where, `expected a string, received ${describeValue(value)}`);
  }
  return value;
}

function compileNode(ctx: Context, node: PredicateNode, where: string): CompiledPredicate {
  if (node === null || typeof node !== 'object') {
    throw new ConfigError(ctx.api, where, `expected a predicate object, received ${describeValue(node)}`);
  }
  const { placeholders, parseStrings } = ctx.value;
  const missing = (v: unknown): boolean => isMissing(v, placeholders);

  switch (node.op) {
    case 'and':
    case 'or': {
      if (!Array.isArray(node.predicates)) {
        throw new ConfigError(ctx.api, `${where}.predicates`, `expected an array of predicates, received ${describeValue(node.predicates)}`);
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

    case 'equals':
    case 'not_equals': {
      const path = requireField(ctx, where, node);
      const [expected] = requireScalars(ctx, `${where}.value`, [node.value]);
      const compare = scalarComparer([expected as Scalar], node.ignoreCase, ctx.value);
      const positive = node.op === 'equals';
      return (record) => {
        const actual = readPath(record, path);
        if (missing(actual)) return UNKNOWN;
        const same = compare(actual);
        if (same === undefined) return UNKNOWN;
        return fromBoolean(same === positive);
      };
    }

    case 'one_of':
    case 'none_of': {
      const path = requireField(ctx, where, node);
      const values = requireScalars(ctx, `${where}.values`, node.values);
      const compare = scalarComparer(values, node.ignoreCase, ctx.value);
      const positive = node.op === 'one_of';
      return (record) => {
        const actual = readPath(record, path);
        if (missing(actual)) return UNKNOWN;
        const found = compare(actual);
        if (found === undefined) return UNKNOWN;
        return fromBoolean(found === positive);
      };
    }

    case 'contains_any_word': {
      const path = requireField(ctx, where, node);
      if (!Array.isArray(node.words)) {
        throw new ConfigError(ctx.api, `${where}.words`, `expected an array of strings, received ${describeValue(node.words)}`);
      }
      const phrases = node.words.map((w: unknown, i) => {
        const key = wordKey(requireString(ctx, `${where}.words[${i}]`, w));
        if (key.trim().length === 0) {
          throw new ConfigError(ctx.api, `${where}.words[${i}]`, `expected a word with letters or digits, received ${describeValue(w)}`);
        }
        return key;
      });
      return (record) => {
        const actual = readPath(record, path);
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
        const actual = readPath(record, path);
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
      const bound = requireNumber(ctx, `${where}.value`, node.value);
      const op = node.op;
      return (record) => {
        const actual = toNumber(readPath(record, path), parseStrings);
        if (actual === undefined) return UNKNOWN;
        if (op === 'gt') return fromBoolean(actual > bound);
        if (op === 'gte') return fromBoolean(actual >= bound);
        if (op === 'lt') return fromBoolean(actual < bound);
        return fromBoolean(actual <= bound);
      };
    }

    case 'between': {
      const path = requireField(ctx, where, node);
      const min = requireNumber(ctx, `${where}.min`, node.min);
      const max = requireNumber(ctx, `${where}.max`, node.max);
      if (min > max) {
        throw new ConfigError(ctx.api, where, `between needs min <= max, received min ${min} and max ${max}`);
      }
      return (record) => {
        const actual = toNumber(readPath(record, path), parseStrings);
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
      return (record) => {
        const actual = readPath(record, path);
        if (!Array.isArray(actual)) return UNKNOWN;
        const present = actual.map((v: unknown) => (typeof v === 'string' ? fold(v, ignoreCase) : v));
        if (op === 'includes_all') return fromBoolean(wanted.every((v) => present.includes(v)));
        const any = wanted.some((v) => present.includes(v));
        return fromBoolean(op === 'includes_any' ? any : !any);
      };
    }

    case 'is_true':
    case 'is_false': {
      const path = requireField(ctx, where, node);
      const wanted = node.op === 'is_true';
      return (record) => {
        const actual = toBoolean(readPath(record, path), parseStrings);
        if (actual === undefined) return UNKNOWN;
        return fromBoolean(actual === wanted);
      };
    }

    case 'exists':
    case 'missing': {
      const path = requireField(ctx, where, node);
      const wanted = node.op === 'exists';
      return (record) => {
        const actual = readPath(record, path);
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
    else if (node.op === 'not') visit(node.predicate);
    else if ('field' in node && !fields.includes(node.field)) fields.push(node.field);
  };
  visit(predicate);
  return fields;
}
