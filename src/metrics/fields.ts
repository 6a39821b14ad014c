import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { DEFAULT_PLACEHOLDERS, isMissing, toBoolean, toNumber } from '../internal/values.js';
import { icp } from '../icp/index.js';
import type { EvaluationOptions, FieldPath, Outcome, Predicate } from '../predicate/index.js';

/**
 * The location of a value in a row: a dotted field path (own properties only), or a function
 * of the row. A function that throws counts as a missing value.
 */
export type Field<T> = FieldPath<T> | ((row: T) => unknown);

/** A compiled {@link Field}: reads the value and names the field for messages. */
export interface FieldReader {
  readonly name: string;
  readonly read: (row: unknown) => unknown;
}

/** Compiles a field option, throwing a `NetspearConfigError` for an invalid path. */
export function compileField(api: string, where: string, field: unknown): FieldReader {
  if (typeof field === 'function') {
    const accessor = field as (row: unknown) => unknown;
    return {
      name: where,
      read: (row) => {
        try {
          return accessor(row);
        } catch {
          return undefined;
        }
      },
    };
  }
  const segments = splitPath(api, where, field);
  return { name: field as string, read: (row) => readPath(row, segments) };
}

/** Compiles an optional field option, or returns undefined when it is absent. */
export function compileOptionalField(api: string, where: string, field: unknown): FieldReader | undefined {
  return field === undefined ? undefined : compileField(api, where, field);
}

/** The result of reading a typed value from a row. */
export type Reading<V> = { readonly ok: true; readonly value: V } | { readonly ok: false; readonly reason: 'missing' | 'invalid' };

/**
 * Reads a finite number, or a numeric string when `parseStrings` is on. Missing values (undefined,
 * null, NaN, blank strings, `Select`) are `missing`; other values that are not numbers are `invalid`.
 */
export function readNumber(value: unknown, parseStrings: boolean): Reading<number> {
  if (isMissing(value, DEFAULT_PLACEHOLDERS)) return { ok: false, reason: 'missing' };
  const number = toNumber(value, parseStrings);
  if (number === undefined || !Number.isFinite(number)) return { ok: false, reason: 'invalid' };
  return { ok: true, value: number };
}

/**
 * Reads an outcome flag: a boolean, or 1 and 0, or (when `parseStrings` is on) `true`, `false`,
 * `yes`, `no`, `1` and `0` in any case.
 */
export function readFlag(value: unknown, parseStrings: boolean): Reading<boolean> {
  if (isMissing(value, DEFAULT_PLACEHOLDERS)) return { ok: false, reason: 'missing' };
  if (value === 1) return { ok: true, value: true };
  if (value === 0) return { ok: true, value: false };
  const flag = toBoolean(value, parseStrings);
  return flag === undefined ? { ok: false, reason: 'invalid' } : { ok: true, value: flag };
}

/**
 * Reads a segment or account key: a non-blank string, or a finite number written as text.
 * Returns undefined for anything else.
 */
export function readKey(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().length === 0 ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Compiles a predicate option with the same rules as the core predicates, rethrowing an invalid
 * predicate as a `NetspearConfigError` of `api` at `where`.
 */
export function compileCriterion(
  api: string,
  where: string,
  predicate: unknown,
  options: EvaluationOptions,
): (row: unknown) => Outcome {
  if (predicate === null || typeof predicate !== 'object') {
    throw new ConfigError(api, where, `expected a predicate such as equals('stage', 'Won'), received ${describeValue(predicate)}`);
  }
  try {
    const compiled = icp<unknown>(predicate as Predicate<unknown>, options);
    return compiled.evaluate;
  } catch (error) {
    if (error instanceof ConfigError) {
      // The core error names the `icp` API and roots its path at `predicate`. Keep its problem
      // and place the path under this option instead.
      const prefix = `${error.api}: ${error.path ? `${error.path}: ` : ''}`;
      const problem = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
      const inner = error.path.replace(/^predicate(?=\.|\[|$)\.?/, '');
      throw new ConfigError(api, inner ? `${where}${inner.startsWith('[') ? '' : '.'}${inner}` : where, problem);
    }
    throw error;
  }
}

/** Throws a `NetspearConfigError` unless `value` is a finite number greater than 0. */
export function requirePositive(api: string, where: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(api, where, `expected a finite number greater than 0, received ${describeValue(value)}`);
  }
  return value;
}

/** Throws a `NetspearConfigError` unless `value` is a finite number. */
export function requireFinite(api: string, where: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError(api, where, `expected a finite number, received ${describeValue(value)}`);
  }
  return value;
}

/** Throws a `NetspearConfigError` unless `rows` is an array. */
export function requireRows(api: string, rows: unknown): readonly unknown[] {
  if (!Array.isArray(rows)) {
    throw new ConfigError(api, 'rows', `expected an array of rows, received ${describeValue(rows)}`);
  }
  return rows;
}

/** Throws a `NetspearConfigError` unless `options` is an object. */
export function requireOptions(api: string, options: unknown): void {
  if (options === null || typeof options !== 'object') {
    throw new ConfigError(api, '', `expected an options object, received ${describeValue(options)}`);
  }
}

/** Describes why a value could not be read, for an issue message. */
export function describeReading(reason: 'missing' | 'invalid', expected: string, received: unknown): string {
  return reason === 'missing' ? `${expected} is missing` : `expected ${expected}, received ${describeValue(received)}`;
}

/**
 * Calls `visit` for every index of `rows`, holes in a sparse array included (as undefined), so
 * that a hole is reported as a bad row like any other instead of being skipped.
 */
export function forEachRow<T>(rows: readonly T[], visit: (row: T, index: number) => void): void {
  for (let index = 0; index < rows.length; index++) visit(rows[index] as T, index);
}
