import type {
  ArrayOperator,
  Bound,
  ComparisonOperator,
  ElementAt,
  FieldPath,
  PathTo,
  Predicate,
  PredicateNode,
  Scalar,
  ScalarAt,
  TextOperator,
} from './types.js';

/** Options for operators that compare strings. */
export interface CaseOptions {
  /** Compare strings without regard to case. Defaults to false. */
  readonly ignoreCase?: boolean;
}

function withCase<N extends PredicateNode>(node: N, options: CaseOptions | undefined): N {
  return options?.ignoreCase === true ? { ...node, ignoreCase: true } : node;
}

/**
 * Matches when the field equals the value. A missing field, or one of another type, is `unknown`.
 *
 * @example
 * equals('country', 'US', { ignoreCase: true })
 */
/* @__NO_SIDE_EFFECTS__ */
export function equals(field: string, value: Scalar, options?: CaseOptions): Predicate {
  return withCase({ op: 'equals', field, value }, options);
}

/**
 * Matches when the field is present and differs from the value; a missing field is `unknown`.
 *
 * @example
 * notEquals('country', 'US')
 */
/* @__NO_SIDE_EFFECTS__ */
export function notEquals(field: string, value: Scalar, options?: CaseOptions): Predicate {
  return withCase({ op: 'not_equals', field, value }, options);
}

/**
 * Copies a list of values. A value that is not an array, such as the string `'SaaS'` from
 * JavaScript code, is kept as it is, so that compiling the predicate rejects it with a clear
 * error instead of spreading it into characters.
 */
function copyList<T>(list: readonly T[]): readonly T[] {
  return Array.isArray(list) ? [...list] : list;
}

/**
 * Matches when the field equals one of the values.
 *
 * @example
 * oneOf('industry', ['SaaS', 'Finance'])
 */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf(field: string, values: readonly Scalar[], options?: CaseOptions): Predicate {
  return withCase({ op: 'one_of', field, values: copyList(values) }, options);
}

/**
 * Matches when the field is present and equals none of the values.
 *
 * @example
 * noneOf('country', ['US', 'CA'])
 */
/* @__NO_SIDE_EFFECTS__ */
export function noneOf(field: string, values: readonly Scalar[], options?: CaseOptions): Predicate {
  return withCase({ op: 'none_of', field, values: copyList(values) }, options);
}

/**
 * Matches when the text contains any of the words or phrases as whole words, ignoring case and
 * punctuation: `"Senior Engineer"` contains `"engineer"`, `"Engineering"` does not.
 *
 * @example
 * containsAnyWord('title', ['Engineer', 'Developer', 'CTO', 'vice president'])
 */
/* @__NO_SIDE_EFFECTS__ */
export function containsAnyWord(field: string, words: readonly string[]): Predicate {
  return { op: 'contains_any_word', field, words: copyList(words) };
}

function text(op: TextOperator) {
  return (field: string, value: string, options?: CaseOptions): Predicate => withCase({ op, field, value }, options);
}

/**
 * Matches when the text starts with the value.
 *
 * @example
 * startsWith('title', 'VP', { ignoreCase: true })
 */
/* @__NO_SIDE_EFFECTS__ */
export function startsWith(field: string, value: string, options?: CaseOptions): Predicate {
  return text('starts_with')(field, value, options);
}

/**
 * Matches when the text ends with the value.
 *
 * @example
 * endsWith('domain', '.edu')
 */
/* @__NO_SIDE_EFFECTS__ */
export function endsWith(field: string, value: string, options?: CaseOptions): Predicate {
  return text('ends_with')(field, value, options);
}

/**
 * Matches when the text contains the value as a substring.
 *
 * @example
 * contains('title', 'founder', { ignoreCase: true })
 */
/* @__NO_SIDE_EFFECTS__ */
export function contains(field: string, value: string, options?: CaseOptions): Predicate {
  return text('contains')(field, value, options);
}

/** A comparison bound as factories take it: a number, an ISO 8601 date string or a `Date`. */
export type BoundInput = Bound | Date;

/** Turns a `Date` into its ISO 8601 string, so the predicate stays plain JSON data. */
function toBound(value: BoundInput): Bound {
  if (!(value instanceof Date)) return value;
  // An invalid Date keeps a text form that compilation rejects with the field's path.
  return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
}

function comparison(op: ComparisonOperator, field: string, value: BoundInput): Predicate {
  return { op, field, value: toBound(value) };
}

/**
 * Matches when the number or date is greater than (after) the bound. A value of another type,
 * such as a numeric string, is `unknown`.
 *
 * @example
 * greaterThan('companySize', 50)
 * greaterThan('lastActivity', '2024-06-30')
 */
/* @__NO_SIDE_EFFECTS__ */
export function greaterThan(field: string, value: BoundInput): Predicate {
  return comparison('gt', field, value);
}

/**
 * Matches when the number or date is at least the bound.
 *
 * @example
 * atLeast('employees', 100)
 */
/* @__NO_SIDE_EFFECTS__ */
export function atLeast(field: string, value: BoundInput): Predicate {
  return comparison('gte', field, value);
}

/**
 * Matches when the number or date is less than (before) the bound.
 *
 * @example
 * lessThan('employees', 50)
 */
/* @__NO_SIDE_EFFECTS__ */
export function lessThan(field: string, value: BoundInput): Predicate {
  return comparison('lt', field, value);
}

/**
 * Matches when the number or date is at most the bound.
 *
 * @example
 * atMost('employees', 5000)
 */
/* @__NO_SIDE_EFFECTS__ */
export function atMost(field: string, value: BoundInput): Predicate {
  return comparison('lte', field, value);
}

/**
 * Matches when the number or date lies in the closed range from `min` to `max`. Date bounds
 * are `Date` objects or ISO 8601 strings, and a date-time needs a zone (`Z` or `+02:00`).
 *
 * @example
 * between('employees', 100, 1000)
 * between('foundedOn', '2015-01-01', new Date('2020-12-31T23:59:59Z'))
 */
/* @__NO_SIDE_EFFECTS__ */
export function between(field: string, min: BoundInput, max: BoundInput): Predicate {
  return { op: 'between', field, min: toBound(min), max: toBound(max) };
}

function arrayOp(op: ArrayOperator, field: string, values: readonly Scalar[], options?: CaseOptions): Predicate {
  return withCase({ op, field, values: copyList(values) }, options);
}

/**
 * Matches when the array field contains every value; an empty value list matches any array.
 *
 * @example
 * includesAll('techStack', ['kubernetes'])
 */
/* @__NO_SIDE_EFFECTS__ */
export function includesAll(field: string, values: readonly Scalar[], options?: CaseOptions): Predicate {
  return arrayOp('includes_all', field, values, options);
}

/**
 * Matches when the array field contains at least one of the values.
 *
 * @example
 * includesAny('downloadedAssets', ['api_documentation.pdf'])
 */
/* @__NO_SIDE_EFFECTS__ */
export function includesAny(field: string, values: readonly Scalar[], options?: CaseOptions): Predicate {
  return arrayOp('includes_any', field, values, options);
}

/**
 * Matches when the array field contains none of the values.
 *
 * @example
 * includesNone('techStack', ['wordpress'])
 */
/* @__NO_SIDE_EFFECTS__ */
export function includesNone(field: string, values: readonly Scalar[], options?: CaseOptions): Predicate {
  return arrayOp('includes_none', field, values, options);
}

/**
 * Matches when the flag is `true`; a non-boolean is `unknown`.
 *
 * @example
 * isTrue('visitedPricingPage')
 */
/* @__NO_SIDE_EFFECTS__ */
export function isTrue(field: string): Predicate {
  return { op: 'is_true', field };
}

/**
 * Matches when the flag is `false`.
 *
 * @example
 * isFalse('doNotEmail')
 */
/* @__NO_SIDE_EFFECTS__ */
export function isFalse(field: string): Predicate {
  return { op: 'is_false', field };
}

/**
 * Matches when the field has a value: not undefined, null, NaN, blank or a placeholder.
 * Never `unknown`.
 *
 * @example
 * exists('techStack')
 */
/* @__NO_SIDE_EFFECTS__ */
export function exists(field: string): Predicate {
  return { op: 'exists', field };
}

/**
 * Matches when the field has no value; the negation of {@link exists}.
 *
 * @example
 * missing('phone')
 */
/* @__NO_SIDE_EFFECTS__ */
export function missing(field: string): Predicate {
  return { op: 'missing', field };
}

/**
 * Matches when every predicate matches; `no_match` anywhere beats `unknown`. `and()` matches.
 *
 * @example
 * and(oneOf('industry', ['SaaS']), atLeast('employees', 100))
 */
/* @__NO_SIDE_EFFECTS__ */
export function and<T>(...predicates: readonly Predicate<T>[]): Predicate<T> {
  return { op: 'and', predicates };
}

/**
 * Matches when any predicate matches; `match` anywhere beats `unknown`. `or()` does not match.
 *
 * @example
 * or(equals('country', 'US'), equals('country', 'CA'))
 */
/* @__NO_SIDE_EFFECTS__ */
export function or<T>(...predicates: readonly Predicate<T>[]): Predicate<T> {
  return { op: 'or', predicates };
}

/**
 * Inverts a predicate; `unknown` stays `unknown`.
 *
 * @example
 * not(equals('industry', 'Education'))
 */
/* @__NO_SIDE_EFFECTS__ */
export function not<T>(predicate: Predicate<T>): Predicate<T> {
  return { op: 'not', predicate };
}

/**
 * Names a sub-predicate, so it can be reused across profiles, is reported by name in
 * explanations, and is written once under `definitions` in the JSON form.
 *
 * @example
 * const enterprise = named('enterprise', atLeast('employees', 1000));
 * and(enterprise, oneOf('industry', ['SaaS']))
 */
/* @__NO_SIDE_EFFECTS__ */
export function named<T>(name: string, predicate: Predicate<T>): Predicate<T> {
  return { op: 'named', name, predicate };
}

/**
 * Operators bound to a record type, so field paths and values are checked when compiling. Each
 * method builds the same predicate as the plain operator of the same name.
 *
 * @example
 * interface Lead { title: string; employees: number; tags: string[] }
 * const l: FieldOperators<Lead> = fieldsOf<Lead>();
 * l.and(l.atLeast('employees', 50), l.includesAny('tags', ['trial']))
 */
export interface FieldOperators<T> {
  /** Builds a predicate that matches when the field equals a value of the field's type. */
  equals<P extends FieldPath<T>>(field: P, value: ScalarAt<T, P>, options?: CaseOptions): Predicate<T>;
  /** Builds a predicate that matches when the field is present and differs from the value. */
  notEquals<P extends FieldPath<T>>(field: P, value: ScalarAt<T, P>, options?: CaseOptions): Predicate<T>;
  /** Builds a predicate that matches when the field equals one of the values. */
  oneOf<P extends FieldPath<T>>(field: P, values: readonly ScalarAt<T, P>[], options?: CaseOptions): Predicate<T>;
  /** Builds a predicate that matches when the field is present and equals none of the values. */
  noneOf<P extends FieldPath<T>>(field: P, values: readonly ScalarAt<T, P>[], options?: CaseOptions): Predicate<T>;
  /** Builds a predicate that matches when the string field contains any of the words as whole words. */
  containsAnyWord(field: PathTo<T, string>, words: readonly string[]): Predicate<T>;
  /** Builds a predicate that matches when the string field starts with the value. */
  startsWith(field: PathTo<T, string>, value: string, options?: CaseOptions): Predicate<T>;
  /** Builds a predicate that matches when the string field ends with the value. */
  endsWith(field: PathTo<T, string>, value: string, options?: CaseOptions): Predicate<T>;
  /** Builds a predicate that matches when the string field contains the value as a substring. */
  contains(field: PathTo<T, string>, value: string, options?: CaseOptions): Predicate<T>;
  /** Builds a predicate that matches when the number field is greater than the bound. */
  greaterThan(field: PathTo<T, number>, value: number): Predicate<T>;
  /** Builds a predicate that matches when the date field is after the bound. */
  greaterThan(field: PathTo<T, Date | string>, value: Date | string): Predicate<T>;
  /** Builds a predicate that matches when the number field is at least the bound. */
  atLeast(field: PathTo<T, number>, value: number): Predicate<T>;
  /** Builds a predicate that matches when the date field is on or after the bound. */
  atLeast(field: PathTo<T, Date | string>, value: Date | string): Predicate<T>;
  /** Builds a predicate that matches when the number field is less than the bound. */
  lessThan(field: PathTo<T, number>, value: number): Predicate<T>;
  /** Builds a predicate that matches when the date field is before the bound. */
  lessThan(field: PathTo<T, Date | string>, value: Date | string): Predicate<T>;
  /** Builds a predicate that matches when the number field is at most the bound. */
  atMost(field: PathTo<T, number>, value: number): Predicate<T>;
  /** Builds a predicate that matches when the date field is on or before the bound. */
  atMost(field: PathTo<T, Date | string>, value: Date | string): Predicate<T>;
  /** Builds a predicate that matches when the number field lies from `min` to `max`, both included. */
  between(field: PathTo<T, number>, min: number, max: number): Predicate<T>;
  /** Builds a predicate that matches when the date field lies from `min` to `max`, both included. */
  between(field: PathTo<T, Date | string>, min: Date | string, max: Date | string): Predicate<T>;
  /** Builds a predicate that matches when the array field contains every value. */
  includesAll<P extends PathTo<T, readonly unknown[]>>(field: P, values: readonly ElementAt<T, P>[], options?: CaseOptions): Predicate<T>;
  /** Builds a predicate that matches when the array field contains at least one of the values. */
  includesAny<P extends PathTo<T, readonly unknown[]>>(field: P, values: readonly ElementAt<T, P>[], options?: CaseOptions): Predicate<T>;
  /** Builds a predicate that matches when the array field contains none of the values. */
  includesNone<P extends PathTo<T, readonly unknown[]>>(field: P, values: readonly ElementAt<T, P>[], options?: CaseOptions): Predicate<T>;
  /** Builds a predicate that matches when the boolean field is `true`. */
  isTrue(field: PathTo<T, boolean>): Predicate<T>;
  /** Builds a predicate that matches when the boolean field is `false`. */
  isFalse(field: PathTo<T, boolean>): Predicate<T>;
  /** Builds a predicate that matches when the field has a value. */
  exists(field: FieldPath<T>): Predicate<T>;
  /** Builds a predicate that matches when the field has no value. */
  missing(field: FieldPath<T>): Predicate<T>;
  /** Combines predicates on `T` into one that matches when every one matches. */
  and(...predicates: readonly Predicate<T>[]): Predicate<T>;
  /** Combines predicates on `T` into one that matches when any one matches. */
  or(...predicates: readonly Predicate<T>[]): Predicate<T>;
  /** Inverts a predicate on `T`; `unknown` stays `unknown`. */
  not(predicate: Predicate<T>): Predicate<T>;
  /** Names a predicate on `T`, so explanations and the JSON form refer to it by name. */
  named(name: string, predicate: Predicate<T>): Predicate<T>;
}

/**
 * Returns the operators bound to record type `T`, so a misspelt field or a value of the wrong
 * type fails to compile. At run time they are the plain operators.
 *
 * @example
 * interface Company { industry: string; employees: number; techStack: string[] }
 * const c = fieldsOf<Company>();
 * const saas = c.and(c.oneOf('industry', ['SaaS']), c.atLeast('employees', 100));
 */
/* @__NO_SIDE_EFFECTS__ */
export function fieldsOf<T>(): FieldOperators<T> {
  return {
    equals,
    notEquals,
    oneOf,
    noneOf,
    containsAnyWord,
    startsWith,
    endsWith,
    contains,
    greaterThan,
    atLeast,
    lessThan,
    atMost,
    between,
    includesAll,
    includesAny,
    includesNone,
    isTrue,
    isFalse,
    exists,
    missing,
    and,
    or,
    not,
    named,
  } as FieldOperators<T>;
}
