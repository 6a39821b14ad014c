/** The result of evaluating a predicate on a record, in Kleene's three-valued logic. */
export type Outcome = 'match' | 'no_match' | 'unknown';

/** A value that equality and membership operators compare against. */
export type Scalar = string | number | boolean;

/**
 * A bound of a comparison or range: a finite number, or an ISO 8601 date (`2024-01-31`) or
 * date-time with a zone (`2024-01-31T09:00:00Z`) to compare dates.
 */
export type Bound = number | string;

/** Operators that compare one field with one value. */
export type EqualityOperator = 'equals' | 'not_equals';
/** Operators that compare one field with a list of values. */
export type MembershipOperator = 'one_of' | 'none_of';
/** Operators on string fields. */
export type TextOperator = 'starts_with' | 'ends_with' | 'contains';
/** Operators that compare a numeric field with a bound. */
export type ComparisonOperator = 'gt' | 'gte' | 'lt' | 'lte';
/** Operators on array fields. */
export type ArrayOperator = 'includes_all' | 'includes_any' | 'includes_none';
/** Operators that only look at one field, with no value. */
export type FlagOperator = 'is_true' | 'is_false' | 'exists' | 'missing';

/** A predicate as plain data: the JSON form that factories build and evaluation reads. */
export type PredicateNode =
  | { readonly op: EqualityOperator; readonly field: string; readonly value: Scalar; readonly ignoreCase?: boolean }
  | {
      readonly op: MembershipOperator;
      readonly field: string;
      readonly values: readonly Scalar[];
      readonly ignoreCase?: boolean;
    }
  | { readonly op: 'contains_any_word'; readonly field: string; readonly words: readonly string[] }
  | { readonly op: TextOperator; readonly field: string; readonly value: string; readonly ignoreCase?: boolean }
  | { readonly op: ComparisonOperator; readonly field: string; readonly value: Bound }
  | { readonly op: 'between'; readonly field: string; readonly min: Bound; readonly max: Bound }
  | {
      readonly op: ArrayOperator;
      readonly field: string;
      readonly values: readonly Scalar[];
      readonly ignoreCase?: boolean;
    }
  | { readonly op: FlagOperator; readonly field: string }
  | { readonly op: 'and' | 'or'; readonly predicates: readonly PredicateNode[] }
  | { readonly op: 'not'; readonly predicate: PredicateNode }
  | { readonly op: 'named'; readonly name: string; readonly predicate: PredicateNode };

declare const recordType: unique symbol;

/**
 * A predicate on records of type `T`: a {@link PredicateNode} that remembers, in the type
 * system only, which record type its field paths were checked against.
 */
export type Predicate<T = any> = PredicateNode & {
  /** The record type `T`, as a type-only marker. No predicate carries this property at run time. */
  readonly [recordType]?: (record: T) => void;
};

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
/**
 * Values that a field path ends at rather than enters.
 * @inline
 */
type Leaf = Primitive | readonly unknown[] | Date | ((...args: never[]) => unknown);
/**
 * Maps a depth to the one below it: `Depth[4]` is 3, and `Depth[0]` is never, which ends the recursion.
 * @inline
 */
type Depth = [never, 0, 1, 2, 3, 4];

/**
 * The dotted paths into `T` of at most `D + 1` segments. {@link FieldPath} uses depth 4.
 * Arrays, dates and functions are leaves, so no path enters them.
 *
 * @example
 * type Lead = { email: string; company: { name: string; address: { country: string } } };
 * type Paths = NestedPath<Lead, 1>; // 'email' | 'company' | 'company.name' | 'company.address'
 */
export type NestedPath<T, D extends number> = [D] extends [never]
  ? never
  : T extends Leaf
    ? never
    : {
        [K in keyof T & string]-?:
          | K
          | (NonNullable<T[K]> extends Leaf ? never : `${K}.${NestedPath<NonNullable<T[K]>, Depth[D]>}`);
      }[keyof T & string];

/** Every dotted path into `T` (four levels deep); `string` when `T` has a string index signature. */
export type FieldPath<T> = string extends keyof T ? string : NestedPath<T, 4>;

/** The type of the value at a dotted path `P` in `T`. */
export type FieldValue<T, P extends string> = P extends keyof T
  ? T[P]
  : P extends `${infer K}.${infer Rest}`
    ? K extends keyof T
      ? FieldValue<NonNullable<T[K]>, Rest>
      : unknown
    : unknown;

/**
 * The paths into `T` whose value, without null and undefined, can be a `V`: a `number | string`
 * field, as a CSV import types it, accepts numeric operators, and its strings compare only when
 * `parseStrings` is on.
 */
export type PathTo<T, V> =
  string extends keyof T
    ? string
    : { [P in FieldPath<T>]: [Extract<NonNullable<FieldValue<T, P>>, V>] extends [never] ? never : P }[FieldPath<T>];

/** The element type of the array at path `P` in `T`. */
export type ElementAt<T, P extends string> =
  NonNullable<FieldValue<T, P>> extends readonly (infer E)[] ? (E extends Scalar ? E : Scalar) : Scalar;

/** The scalar type at path `P` in `T`, or any scalar when the record is untyped. */
export type ScalarAt<T, P extends string> =
  string extends keyof T ? Scalar : NonNullable<FieldValue<T, P>> extends Scalar ? NonNullable<FieldValue<T, P>> : never;
