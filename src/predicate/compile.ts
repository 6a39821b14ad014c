import { ConfigError, describeValue } from '../internal/config-error.js';
import { fieldReader, guardPlain, readPath, splitPath, type FieldReader, type ReaderSlots } from '../internal/path.js';
import { DEFAULT_PLACEHOLDERS, isMissing, toBoolean, toNumber, type ValueOptions } from '../internal/values.js';
import { parseIsoDate, toTime } from './dates.js';
import type { Outcome, PredicateNode, Scalar } from './types.js';

/** A compiled predicate: a closure that evaluates one record and never throws on its data. */
export type CompiledPredicate = (record: unknown) => Outcome;

/** A compiled test of whether a record matches, for callers that treat `unknown` as `no_match`. */
export type CompiledMatcher = (record: unknown) => boolean;

/** The deepest nesting of and, or, not and named a predicate may have, as in the JSON form. */
export const MAX_PREDICATE_DEPTH = 64;

/** Options that decide how raw field values are read. */
export interface EvaluationOptions {
  /**
   * Strings that count as missing, compared case-insensitively after trimming. Blank strings
   * always count as missing. Defaults to `["Select", "Select...", "Please select", "--None--"]`,
   * the first options of web-form drop-downs and Salesforce picklists.
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
  readonly slots: ReaderSlots;
  /** Whether fields are read the safe way, from any value, or the fast way, from plain objects. */
  readonly safe: boolean;
  /** Matchers cheaper than comparing the outcome with `match`, by the closure they stand for. */
  readonly matchers: Map<CompiledPredicate, CompiledMatcher>;
}

/** Returns the matcher of a compiled node: the one registered for it, or a comparison of its outcome. */
function matcherOf(ctx: Context, test: CompiledPredicate): CompiledMatcher {
  return ctx.matchers.get(test) ?? ((record) => test(record) === MATCH);
}

/**
 * Combines matchers with `&&` (every) or `||` (some). Up to three parts get their own closures,
 * so that each call site always calls the same part and V8 can inline it.
 */
function combineMatchers(parts: readonly CompiledMatcher[], every: boolean): CompiledMatcher {
  const [a, b, c] = parts as [CompiledMatcher, CompiledMatcher, CompiledMatcher];
  if (parts.length === 2) return every ? (record) => a(record) && b(record) : (record) => a(record) || b(record);
  if (parts.length === 3) return every ? (record) => a(record) && b(record) && c(record) : (record) => a(record) || b(record) || c(record);
  return every ? (record) => parts.every((part) => part(record)) : (record) => parts.some((part) => part(record));
}

function requireField(ctx: Context, where: string, node: { readonly field?: unknown }): FieldReader {
  const segments = splitPath(ctx.api, `${where}.field`, node.field);
  return ctx.safe ? (record) => readPath(record, segments) : fieldReader(segments, ctx.slots);
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
function textMembership(ctx: Context, read: FieldReader, list: readonly string[], ignoreCase: boolean, negated: boolean): CompiledPredicate {
  const blanks = ctx.blanks;
  const found = negated ? NO_MATCH : MATCH;
  const notFound = negated ? MATCH : NO_MATCH;
  const checkFirst = list.some((v) => isBlankText(v, blanks));
  const set = list.length > 8 ? new Set(list) : undefined;
  // One or two values compared as they are, the usual case, get closures without branches on options.
  const first = list[0];
  const second = list.length === 2 ? list[1] : first;
  const plain = !ignoreCase && !checkFirst && list.length <= 2;
  const test: CompiledPredicate = plain
    ? (record) => {
        const actual = read(record);
        if (typeof actual !== 'string') return UNKNOWN;
        if (actual === first || actual === second) return found;
        return isBlankText(actual, blanks) ? UNKNOWN : notFound;
      }
    : (record) => {
        const actual = read(record);
        if (typeof actual !== 'string') return UNKNOWN;
        if (checkFirst && isBlankText(actual, blanks)) return UNKNOWN;
        const text = ignoreCase ? actual.toLowerCase() : actual;
        if (set !== undefined ? set.has(text) : list.includes(text)) return found;
        return !checkFirst && isBlankText(actual, blanks) ? UNKNOWN : notFound;
      };
  // A value that is found is never blank, so a match needs no placeholder check.
  if (plain && !negated) {
    ctx.matchers.set(test, (record) => {
      const actual = read(record);
      return actual === first || actual === second;
    });
  }
  return test;
}

/**
 * Compiles a comparison of a number or date with the range from `min` to `max`, giving `below`,
 * `inside` or `above`. A value that `read` cannot turn into a number is `unknown`.
 */
function rangeTest(ctx: Context, read: FieldReader, min: number, max: number, below: Outcome, inside: Outcome, above: Outcome, toBound: ReadBound | undefined): CompiledPredicate {
  if (toBound === undefined) {
    // Only numbers compare. A getter that throws in the fast form is caught by guardPlain.
    const test: CompiledPredicate = (record) => {
      const actual = read(record);
      if (typeof actual !== 'number' || actual !== actual) return UNKNOWN;
      if (actual < min) return below;
      return actual > max ? above : inside;
    };
    const [matchBelow, matchInside, matchAbove] = [below === MATCH, inside === MATCH, above === MATCH];
    ctx.matchers.set(test, (record) => {
      const actual = read(record);
      if (typeof actual !== 'number') return false;
      if (actual < min) return matchBelow;
      if (actual > max) return matchAbove;
      return actual === actual && matchInside;
    });
    return test;
  }
  return (record) => {
    let actual: number | undefined;
    // toTime's instanceof runs a proxy's trap, and a value whose trap throws is unknown.
    try {
      actual = toBound(read(record));
    } catch {
      return UNKNOWN;
    }
    if (actual === undefined || actual !== actual) return UNKNOWN;
    return actual < min ? below : actual > max ? above : inside;
  };
}

function compileNode(ctx: Context, node: PredicateNode, where: string, depth = 0): CompiledPredicate {
  // A bound on nesting turns a definition from an admin page that nests too deep into a clear
  // error rather than a stack overflow, here and in every later walk of the same tree.
  if (depth > MAX_PREDICATE_DEPTH) {
    throw new ConfigError(ctx.api, where, `predicates nest more than ${MAX_PREDICATE_DEPTH} levels deep`);
  }
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
      const parts = node.predicates.map((p, i) => compileNode(ctx, p, `${where}.predicates[${i}]`, depth + 1));
      if (parts.length === 0) return node.op === 'and' ? () => MATCH : () => NO_MATCH;
      if (parts.length === 1) return parts[0]!;
      const and = node.op === 'and';
      const test = and ? combine(parts, NO_MATCH, MATCH) : combine(parts, MATCH, NO_MATCH);
      ctx.matchers.set(test, combineMatchers(parts.map((part) => matcherOf(ctx, part)), and));
      return test;
    }

    case 'not': {
      const inner = compileNode(ctx, node.predicate, `${where}.predicate`, depth + 1);
      const test: CompiledPredicate = (record) => negate(inner(record));
      ctx.matchers.set(test, (record) => inner(record) === NO_MATCH);
      return test;
    }

    case 'named': {
      if (requireString(ctx, `${where}.name`, node.name).length === 0) {
        throw new ConfigError(ctx.api, `${where}.name`, 'expected a non-empty name');
      }
      return compileNode(ctx, node.predicate, `${where}.predicate`, depth + 1);
    }

    case 'equals':
    case 'not_equals':
    case 'one_of':
    case 'none_of': {
      const read = requireField(ctx, where, node);
      const values =
        'values' in node ? requireScalars(ctx, `${where}.values`, node.values) : requireScalars(ctx, `${where}.value`, [node.value]);
      const negated = node.op === 'not_equals' || node.op === 'none_of';
      const ignoreCase = node.ignoreCase === true;
      if (values.length > 0 && values.every((v) => typeof v === 'string')) {
        return textMembership(ctx, read, values.map((v) => fold(v as string, ignoreCase)), ignoreCase, negated);
      }
      const compare = scalarComparer(values, ignoreCase, ctx.value);
      return (record) => {
        const actual = read(record);
        if (isBlank(actual, blanks)) return UNKNOWN;
        const found = compare(actual);
        if (found === undefined) return UNKNOWN;
        return found !== negated ? MATCH : NO_MATCH;
      };
    }

    case 'contains_any_word': {
      const read = requireField(ctx, where, node);
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
        const actual = read(record);
        if (typeof actual !== 'string' || isBlankText(actual, blanks)) return UNKNOWN;
        const text = wordKey(actual);
        return fromBoolean(phrases.some((phrase) => text.includes(phrase)));
      };
    }

    case 'starts_with':
    case 'ends_with':
    case 'contains': {
      const read = requireField(ctx, where, node);
      const ignoreCase = node.ignoreCase;
      const needle = fold(requireString(ctx, `${where}.value`, node.value), ignoreCase);
      const op = node.op;
      return (record) => {
        const actual = read(record);
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
      const read = requireField(ctx, where, node);
      const [bound, toBound] = requireBound(ctx, `${where}.value`, node.value, parseStrings);
      const above = node.op === 'gt' || node.op === 'gte' ? MATCH : NO_MATCH;
      const below = negate(above);
      const equal = node.op === 'gte' || node.op === 'lte' ? MATCH : NO_MATCH;
      return rangeTest(ctx, read, bound, bound, below, equal, above, toBound);
    }

    case 'between': {
      const read = requireField(ctx, where, node);
      const [min, toBound] = requireBound(ctx, `${where}.min`, node.min, parseStrings);
      const [max, toMax] = requireBound(ctx, `${where}.max`, node.max, parseStrings);
      if ((toBound === toTime) !== (toMax === toTime)) {
        throw new ConfigError(ctx.api, where, `between needs two numbers or two dates, received ${describeValue(node.min)} and ${describeValue(node.max)}`);
      }
      if (min > max) {
        throw new ConfigError(ctx.api, where, `between needs min <= max, received min ${describeValue(node.min)} and max ${describeValue(node.max)}`);
      }
      return rangeTest(ctx, read, min, max, NO_MATCH, MATCH, NO_MATCH, toBound);
    }

    case 'includes_all':
    case 'includes_any':
    case 'includes_none': {
      const read = requireField(ctx, where, node);
      const values = requireScalars(ctx, `${where}.values`, node.values);
      const ignoreCase = node.ignoreCase === true;
      const wanted = values.map((v) => (typeof v === 'string' ? fold(v, ignoreCase) : v));
      const all = node.op === 'includes_all';
      // includes_all matches when no wanted value is absent, includes_none when none is present.
      const matchWhenFound = node.op === 'includes_any';
      const stopOn = all ? NO_MATCH : matchWhenFound ? MATCH : NO_MATCH;
      const otherwise = negate(stopOn);
      if (!ignoreCase && wanted.length === 1) {
        const only = wanted[0];
        const test: CompiledPredicate = (record) => {
          try {
            const actual = read(record);
            if (!Array.isArray(actual)) return UNKNOWN;
            return actual.includes(only) !== all ? stopOn : otherwise;
          } catch {
            return UNKNOWN;
          }
        };
        // Without the try: guardPlain catches a throw of the fast form and falls back to the safe form, which has no such matcher.
        const found = node.op !== 'includes_none';
        if (!ctx.safe) ctx.matchers.set(test, (record) => {
          const actual = read(record);
          return Array.isArray(actual) && actual.includes(only) === found;
        });
        return test;
      }
      // Without ignoreCase, elements are compared as they are, so no folded copy is made.
      return (record) => {
        // Array methods run a proxy's traps, and a value whose trap throws is unknown.
        try {
          const actual = read(record);
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
      const read = requireField(ctx, where, node);
      const wanted = node.op === 'is_true';
      if (!parseStrings) {
        const test: CompiledPredicate = (record) => {
          const actual = read(record);
          if (typeof actual !== 'boolean') return UNKNOWN;
          return actual === wanted ? MATCH : NO_MATCH;
        };
        ctx.matchers.set(test, (record) => read(record) === wanted);
        return test;
      }
      return (record) => {
        const raw = read(record);
        const actual = typeof raw === 'boolean' ? raw : parseStrings ? toBoolean(raw, true) : undefined;
        if (actual === undefined) return UNKNOWN;
        return actual === wanted ? MATCH : NO_MATCH;
      };
    }

    case 'exists':
    case 'missing': {
      const read = requireField(ctx, where, node);
      const present = node.op === 'exists' ? MATCH : NO_MATCH;
      const absent = negate(present);
      return (record) => (isBlank(read(record), blanks) ? absent : present);
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
  slots: ReaderSlots = new Map(),
): CompiledPredicate {
  return compileForms(api, predicate, options, where, slots).evaluate;
}

/** A predicate compiled into the forms that hot paths need. */
export interface CompiledForms {
  /** The outcome for any value, as {@link compilePredicate} returns it. */
  readonly evaluate: CompiledPredicate;
  /** Whether any value matches, skipping the work that separates `no_match` from `unknown`. */
  readonly matches: CompiledMatcher;
  /**
   * Whether a record matches, for records that `guardPlain` (src/internal/path.ts) lets
   * through; it may throw when a getter throws. Callers that combine many predicates guard
   * their combination once instead of each predicate.
   */
  readonly fastMatches: CompiledMatcher;
}

/** Compiles a predicate like {@link compilePredicate} into every form of {@link CompiledForms}. */
export function compileForms(
  api: string,
  predicate: PredicateNode,
  options?: EvaluationOptions,
  where = 'predicate',
  slots: ReaderSlots = new Map(),
): CompiledForms {
  const given: unknown = options?.placeholders;
  if (given !== undefined && !(Array.isArray(given) && given.every((p) => typeof p === 'string'))) {
    throw new ConfigError(api, 'placeholders', `expected an array of strings, received ${describeValue(given)}`);
  }
  const value = resolveValueOptions(options);
  const blanks = prepareBlanks(value.placeholders);
  const build = (safe: boolean): [CompiledPredicate, CompiledMatcher] => {
    const ctx: Context = { api, value, blanks, slots, safe, matchers: new Map() };
    const test = compileNode(ctx, predicate, where);
    return [test, matcherOf(ctx, test)];
  };
  const [fastTest, fastMatches] = build(false);
  // The safe forms are built on first use: most callers never pass anything but plain objects.
  let safeForms: [CompiledPredicate, CompiledMatcher] | undefined;
  const safe = (): [CompiledPredicate, CompiledMatcher] => (safeForms ??= build(true));
  return {
    evaluate: guardPlain(fastTest, () => safe()[0]),
    matches: guardPlain(fastMatches, () => safe()[1]),
    fastMatches,
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
