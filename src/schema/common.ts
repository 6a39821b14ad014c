import { z } from 'zod';
import { describeValue } from '../internal/config-error.js';
import { parseIsoDate } from '../predicate/dates.js';
import { expected } from './issues.js';

/**
 * A dotted field path: non-empty segments, none of them `__proto__`, `constructor` or
 * `prototype`. The same rule as the library's path reader, written as a pattern so that JSON
 * Schema carries it to editors.
 */
const FIELD_PATH = /^(?!(?:[^.]*\.)*(?:__proto__|constructor|prototype)(?:\.|$))[^.]+(?:\.[^.]+)*$/;
const RESERVED_SEGMENTS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Describes what is wrong with a field path, in the words of the library's path reader. */
function fieldPathProblem(input: unknown): string {
  if (typeof input !== 'string' || input.length === 0) return `expected a non-empty field path, received ${describeValue(input)}`;
  const segments = input.split('.');
  const reserved = segments.find((segment) => RESERVED_SEGMENTS.includes(segment));
  if (reserved !== undefined) return `field path ${JSON.stringify(input)} uses the reserved key ${JSON.stringify(reserved)}; rename the field`;
  return `field path ${JSON.stringify(input)} has an empty segment`;
}

/** Returns a strict object schema whose unknown-key message lists the keys it takes. */
/* @__NO_SIDE_EFFECTS__ */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, what: string) {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown key; expected one of ${keys}` : `expected ${what}, received ${describeValue(issue.input)}`),
  });
}

/** Returns the schema of a dotted field path such as `address.country`. */
/* @__NO_SIDE_EFFECTS__ */
export function fieldPathSchema() {
  return z
    .string({ error: (issue) => fieldPathProblem(issue.input) })
    .regex(FIELD_PATH, { error: (issue) => fieldPathProblem(issue.input) })
    .describe('A dotted field path such as "address.country"; "__proto__", "constructor" and "prototype" are rejected.');
}

/** Returns the schema of a non-empty string, such as an id or a name. */
/* @__NO_SIDE_EFFECTS__ */
export function nonEmptyString() {
  return z.string({ error: expected('a non-empty string') }).min(1, { error: expected('a non-empty string') });
}

/** Returns the schema of a string, finite number or boolean. */
/* @__NO_SIDE_EFFECTS__ */
export function scalarSchema() {
  return z.union([z.string(), z.number(), z.boolean()], { error: expected('a string, finite number or boolean') });
}

/** Returns the schema of an ISO 8601 date or zoned date-time, checked by the parser predicates use. */
/* @__NO_SIDE_EFFECTS__ */
export function isoDateSchema() {
  return z
    .string()
    .refine((text) => parseIsoDate(text) !== undefined, {
      // Only comparison bounds use this schema, and a bound may be a number too.
      error: (issue) => `expected a finite number or an ISO 8601 date such as "2024-01-31" (a date-time needs a zone), received ${describeValue(issue.input)}`,
    })
    .describe('An ISO 8601 date ("2024-01-31") or date-time with a zone ("2024-01-31T09:00:00Z").');
}

/** Returns the schema of a comparison bound: a finite number or an ISO 8601 date. */
/* @__NO_SIDE_EFFECTS__ */
export function boundSchema() {
  return z.union([z.number(), isoDateSchema()], { error: expected('a finite number or an ISO 8601 date') });
}

/** Returns the shape of the evaluation options that scorecards and fits take. */
/* @__NO_SIDE_EFFECTS__ */
export function evaluationOptionsShape() {
  return {
    placeholders: z
      .array(z.string(), { error: expected('an array of strings') })
      .optional()
      .describe('Strings that count as missing, compared case-insensitively after trimming. Defaults to ["Select", "Select...", "Please select", "--None--"].'),
    parseStrings: z
      .boolean({ error: expected('true or false') })
      .optional()
      .describe('Parse numeric strings ("250") for numeric operators and "true"/"false" for flags.'),
  };
}

/** Returns the schema of the `$schema` key an editor reads; the parse functions drop it. */
/* @__NO_SIDE_EFFECTS__ */
export function schemaKey() {
  return z.string({ error: expected('the URL or path of a JSON Schema') }).optional().describe('The JSON Schema an editor validates this file with.');
}
