import type { z } from 'zod';
import { describeValue } from '../internal/config-error.js';

/** One problem in a definition, with its location in the library's path format. */
export interface SchemaIssue {
  /** The zod issue code (such as `invalid_type` or `unrecognized_keys`), `invalid_json` for unreadable text, or `too_deep` for nesting no definition needs. */
  readonly code: string;
  /** The location of the problem, such as `groups[2].rules[0].points`; empty for the whole definition. */
  readonly path: string;
  readonly message: string;
}

/** The result of parsing a definition: the typed value, or every problem found. */
export type SchemaResult<T> =
  | { readonly ok: true; readonly value: T; readonly issues?: undefined }
  | { readonly ok: false; readonly value?: undefined; readonly issues: readonly SchemaIssue[] };

/**
 * Formats a path as netspear's errors do: `groups[2].rules[0].points`, with indexes in brackets
 * and keys joined by dots.
 *
 * @example
 * formatPath(['groups', 2, 'rules', 0, 'points']); // 'groups[2].rules[0].points'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** Returns a zod error function that writes `expected WHAT, received VALUE`. */
export function expected(what: string): (issue: { readonly input?: unknown }) => string {
  return (issue) => `expected ${what}, received ${describeValue(issue.input)}`;
}

type ZodIssue = z.core.$ZodIssue;

/**
 * Flattens zod issues into netspear issues: one issue per unknown key, and for a union that
 * failed without a message of its own, the issues of the branch that came closest.
 */
export function toSchemaIssues(issues: readonly ZodIssue[], base: readonly PropertyKey[] = []): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ code: issue.code, path: formatPath([...path, key]), message: issue.message });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.message === 'Invalid input' && issue.errors.length > 0) {
      // The branch with the fewest issues is the one the author most likely meant.
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      out.push(...toSchemaIssues(closest, path));
      continue;
    }
    out.push({ code: issue.code, path: formatPath(path), message: issue.message });
  }
  return out;
}

/** Reads JSON text, or returns the value as it is when it is not a string. */
export function readJson(input: unknown): { ok: true; value: unknown } | { ok: false; issues: SchemaIssue[] } {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(input) as unknown };
  } catch (error) {
    return { ok: false, issues: [{ code: 'invalid_json', path: '', message: `invalid JSON: ${(error as Error).message}` }] };
  }
}

/** Returns a copy of a definition object without its top-level `$schema` key, which only editors read. */
export function withoutSchemaKey(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, '$schema')) return value;
  const { $schema: _schema, ...rest } = value as Record<string, unknown>;
  return rest;
}
