import { describeValue } from '../internal/config-error.js';
import type { Predicate } from '../predicate/types.js';

/** The kind of problem found in an imported definition. */
export type IssueCode =
  | 'invalid_json'
  | 'invalid_type'
  | 'invalid_value'
  | 'unknown_operator'
  | 'unknown_key'
  | 'missing_key'
  | 'forbidden_key'
  | 'unsupported_version'
  | 'unknown_reference'
  | 'circular_reference'
  | 'too_deep'
  | 'too_large';

/** One problem in an imported definition, with where it is. */
export interface PredicateIssue {
  readonly code: IssueCode;
  /** The location of the problem, such as `predicate.predicates[2].field` or `rules[0].operator`. */
  readonly path: string;
  readonly message: string;
}

/** The result of importing a definition: the predicate, or every problem found. */
export type ImportResult =
  | { readonly ok: true; readonly predicate: Predicate; readonly issues?: undefined }
  | { readonly ok: false; readonly predicate?: undefined; readonly issues: readonly PredicateIssue[] };

/** Collects issues while a definition is read. */
export class IssueList {
  readonly issues: PredicateIssue[] = [];

  add(code: IssueCode, path: string, message: string): void {
    this.issues.push({ code, path, message });
  }

  expected(path: string, what: string, value: unknown): void {
    this.add(value === undefined ? 'missing_key' : 'invalid_type', path, `expected ${what}, received ${describeValue(value)}`);
  }
}

/** The keys that reach an object's prototype, rejected in paths, names and keys. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Tells whether a value is a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property, never one inherited from a prototype. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Checks a dotted field path: non-empty segments, none of them `__proto__`, `constructor` or `prototype`. */
export function checkFieldPath(issues: IssueList, path: string, field: unknown): field is string {
  if (typeof field !== 'string' || field.length === 0) {
    issues.expected(path, 'a non-empty field path', field);
    return false;
  }
  const segments = field.split('.');
  if (segments.some((s) => s.length === 0)) {
    issues.add('invalid_value', path, `field path ${JSON.stringify(field)} has an empty segment`);
    return false;
  }
  const forbidden = segments.find((s) => FORBIDDEN_KEYS.includes(s));
  if (forbidden !== undefined) {
    issues.add('forbidden_key', path, `field path ${JSON.stringify(field)} uses the reserved key ${JSON.stringify(forbidden)}`);
    return false;
  }
  return true;
}
