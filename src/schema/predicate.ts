import { z } from 'zod';
import { describeValue } from '../internal/config-error.js';
import { parsePredicate, type PredicateDocument, type PredicateJsonNode } from '../interop/json.js';
import { wordKey } from '../predicate/compile.js';
import { parseIsoDate } from '../predicate/dates.js';
import type { PredicateNode } from '../predicate/types.js';
import { boundSchema, fieldPathSchema, nonEmptyString, scalarSchema, schemaKey, strictObject } from './common.js';
import { expected, readJson, toSchemaIssues, withoutSchemaKey, type SchemaIssue, type SchemaResult } from './issues.js';

/** Nesting deeper than this is rejected, as the library's predicate reader rejects it. */
const MAX_DEPTH = 64;
const RESERVED_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** The form of predicate a schema describes. */
interface NodeForm {
  /** The versioned document form: `ref` nodes allowed, and `contains_any_word` needs at least one word. */
  readonly document: boolean;
}

const OPERATORS = [
  'and', 'or', 'not', 'named', 'equals', 'not_equals', 'one_of', 'none_of', 'includes_all', 'includes_any', 'includes_none',
  'contains_any_word', 'starts_with', 'ends_with', 'contains', 'gt', 'gte', 'lt', 'lte', 'between', 'is_true', 'is_false',
  'exists', 'missing',
];

/** Returns a bound's comparable value and kind, or undefined when the schema already reported it. */
function boundValue(bound: number | string): { value: number; date: boolean } | undefined {
  if (typeof bound === 'number') return { value: bound, date: false };
  const time = parseIsoDate(bound);
  return time === undefined ? undefined : { value: time, date: true };
}

/** Builds the predicate node schema of one form; the schema refers to itself for nested predicates. */
function buildNode(form: NodeForm): z.ZodType<PredicateJsonNode> {
  const field = fieldPathSchema;
  const ignoreCase = () => z.boolean({ error: expected('a boolean') }).optional();
  const scalars = () => z.array(scalarSchema(), { error: expected('an array of strings, finite numbers or booleans') });
  const word = z.string().refine((w) => wordKey(w).trim().length > 0, { error: expected('a word with letters or digits') });
  const words = z.array(word, { error: expected(form.document ? 'a non-empty array of words' : 'an array of words') });

  const between = strictObject({ op: z.literal('between'), field: field(), min: boundSchema(), max: boundSchema() }, 'a predicate object').superRefine(
    (node, context) => {
      const min = boundValue(node.min);
      const max = boundValue(node.max);
      if (min === undefined || max === undefined) return;
      if (min.date !== max.date) context.addIssue({ code: 'custom', message: 'between needs two numbers or two dates', input: node });
      else if (min.value > max.value) {
        context.addIssue({ code: 'custom', message: `between needs min <= max, received min ${describeValue(node.min)} and max ${describeValue(node.max)}`, input: node });
      }
    },
  );

  const branches = [
    strictObject({ op: z.enum(['and', 'or']), get predicates() { return z.array(node, { error: expected('an array of predicates') }); } }, 'a predicate object'),
    strictObject({ op: z.literal('not'), get predicate() { return node; } }, 'a predicate object'),
    strictObject({ op: z.literal('named'), name: nonEmptyString(), get predicate() { return node; } }, 'a predicate object'),
    strictObject({ op: z.enum(['equals', 'not_equals']), field: field(), value: scalarSchema(), ignoreCase: ignoreCase() }, 'a predicate object'),
    strictObject(
      { op: z.enum(['one_of', 'none_of', 'includes_all', 'includes_any', 'includes_none']), field: field(), values: scalars(), ignoreCase: ignoreCase() },
      'a predicate object',
    ),
    strictObject({ op: z.literal('contains_any_word'), field: field(), words: form.document ? words.min(1, { error: expected('a non-empty array of words') }) : words }, 'a predicate object'),
    strictObject({ op: z.enum(['starts_with', 'ends_with', 'contains']), field: field(), value: z.string({ error: expected('a string') }), ignoreCase: ignoreCase() }, 'a predicate object'),
    strictObject({ op: z.enum(['gt', 'gte', 'lt', 'lte']), field: field(), value: boundSchema() }, 'a predicate object'),
    between,
    strictObject({ op: z.enum(['is_true', 'is_false', 'exists', 'missing']), field: field() }, 'a predicate object'),
  ] as const;
  const operators = form.document ? [...OPERATORS, 'ref'] : OPERATORS;
  const options = form.document ? [...branches, strictObject({ op: z.literal('ref'), name: nonEmptyString() }, 'a predicate object')] : [...branches];

  const node: z.ZodType<PredicateJsonNode> = z
    .discriminatedUnion('op', options as unknown as [typeof branches[0], ...(typeof branches)[number][]], {
      error: (issue) => {
        const input: unknown = issue.input;
        if (input === null || typeof input !== 'object' || Array.isArray(input)) return `expected a predicate object, received ${describeValue(input)}`;
        const op = (input as Record<string, unknown>)['op'];
        return `unknown operator ${JSON.stringify(op) ?? 'undefined'}; expected one of ${operators.join(', ')}`;
      },
    })
    .describe('A predicate node: an operator in "op" and its operands.') as unknown as z.ZodType<PredicateJsonNode>;
  return node;
}

/**
 * Returns the zod schema of a predicate node as scorecard rules (`when`, `where`) and fit
 * criteria hold it: the plain form, with `named` sub-predicates written in place.
 *
 * @example
 * predicateSchema().safeParse({ op: 'gte', field: 'employees', value: 100 }).success; // true
 */
/* @__NO_SIDE_EFFECTS__ */
export function predicateSchema(): z.ZodType<PredicateNode> {
  return buildNode({ document: false }) as z.ZodType<PredicateNode>;
}

/** Walks a document's references: reports unknown and circular ones and nesting deeper than 64 levels. */
function checkReferences(document: PredicateDocument, context: z.core.$RefinementCtx<PredicateDocument>): void {
  const definitions = document.definitions ?? {};
  const has = (name: string) => !RESERVED_NAMES.includes(name) && Object.prototype.hasOwnProperty.call(definitions, name);
  const resolving = new Set<string>();
  const done = new Set<string>();
  const visit = (node: PredicateJsonNode, path: PropertyKey[], depth: number): void => {
    if (depth > MAX_DEPTH) {
      context.addIssue({ code: 'custom', path, message: `predicates nest more than ${MAX_DEPTH} levels deep`, input: node });
      return;
    }
    if (node.op === 'and' || node.op === 'or') node.predicates.forEach((p, i) => visit(p, [...path, 'predicates', i], depth + 1));
    else if (node.op === 'not' || node.op === 'named') visit(node.predicate, [...path, 'predicate'], depth + 1);
    else if (node.op === 'ref') define(node.name, [...path, 'name'], depth);
  };
  const define = (name: string, path: PropertyKey[], depth: number): void => {
    if (done.has(name)) return;
    if (resolving.has(name)) {
      context.addIssue({ code: 'custom', path, message: `definition ${JSON.stringify(name)} refers to itself`, input: name });
      return;
    }
    if (!has(name)) {
      context.addIssue({ code: 'custom', path, message: `no definition named ${JSON.stringify(name)}`, input: name });
      return;
    }
    resolving.add(name);
    visit(definitions[name]!, ['definitions', name], depth + 1);
    resolving.delete(name);
    done.add(name);
  };
  visit(document.predicate, ['predicate'], 0);
  for (const name of Object.keys(definitions)) {
    if (RESERVED_NAMES.includes(name)) context.addIssue({ code: 'custom', path: ['definitions', name], message: `${JSON.stringify(name)} cannot name a definition`, input: name });
    else define(name, ['definitions', name], 0);
  }
}

/**
 * Returns the zod schema of the versioned predicate document that `toPredicateJson` writes and
 * `parsePredicate` reads: `{ version: 1, definitions?, predicate }`, with `ref` nodes that
 * name a definition.
 *
 * @example
 * predicateDocumentSchema().safeParse({ version: 1, predicate: { op: 'exists', field: 'domain' } }).success; // true
 */
/* @__NO_SIDE_EFFECTS__ */
export function predicateDocumentSchema(): z.ZodType<PredicateDocument> {
  const node = buildNode({ document: true });
  return strictObject(
    {
      $schema: schemaKey(),
      version: z.literal(1, { error: expected('version 1') }).describe('The version of the predicate document format.'),
      definitions: z
        .intersection(
          z.record(z.string(), node, { error: expected('an object of named predicates') }),
          // zod drops an own `__proto__` key from records without a word, so it is checked on the input.
          z.custom((input) => input === null || typeof input !== 'object' || !Object.prototype.hasOwnProperty.call(input, '__proto__'), {
            error: '"__proto__" cannot name a definition',
          }),
        )
        .optional()
        .describe('Named sub-predicates, referenced as { "op": "ref", "name": … }.'),
      predicate: node,
    },
    'a predicate document object',
  ).superRefine(checkReferences as never) as unknown as z.ZodType<PredicateDocument>;
}

/**
 * The deepest nesting of objects and arrays a definition may have. A predicate nested 64
 * levels deep, the library's limit, takes about 130 levels of JSON, so this bound rejects only
 * input that no valid definition needs, before zod recurses into it.
 */
const MAX_JSON_DEPTH = 200;

/** Returns the path of the first value nested deeper than `max` levels, without recursion, or undefined. */
function tooDeep(value: unknown, max: number): string | undefined {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [current, path, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > max) return path;
    if (Array.isArray(current)) current.forEach((item, i) => stack.push([item, `${path}[${i}]`, depth + 1]));
    else for (const [key, item] of Object.entries(current)) stack.push([item, path === '' ? key : `${path}.${key}`, depth + 1]);
  }
  return undefined;
}

/** Runs a zod schema and turns a thrown error, such as a stack overflow on hostile nesting, into an issue. */
export function safeRun<T>(schema: z.ZodType<T>, value: unknown): { success: true; data: T } | { success: false; issues: SchemaIssue[] } {
  try {
    // Inside the try: the walk reads every property, and a getter or a revoked proxy can throw.
    const deep = tooDeep(value, MAX_JSON_DEPTH);
    if (deep !== undefined) {
      return { success: false, issues: [{ code: 'too_deep', path: deep, message: `nested more than ${MAX_JSON_DEPTH} levels deep` }] };
    }
    const result = schema.safeParse(value);
    return result.success ? { success: true, data: result.data } : { success: false, issues: toSchemaIssues(result.error.issues) };
  } catch (error) {
    return { success: false, issues: [{ code: 'custom', path: '', message: `validation failed: ${(error as Error)?.message ?? String(error)}` }] };
  }
}

/**
 * Validates a predicate document (JSON text or parsed data) and returns it, or every problem
 * by path, without throwing. A document it accepts is one `parsePredicate` accepts too.
 *
 * @example
 * const result = parsePredicateDocument('{"version":1,"predicate":{"op":"gte","field":"employees","value":"many"}}');
 * if (!result.ok) console.log(result.issues); // [{ code: 'custom', path: 'predicate.value', message: 'expected a finite number or an ISO 8601 date, received "many"' }]
 */
export function parsePredicateDocument(input: unknown): SchemaResult<PredicateDocument> {
  const json = readJson(input);
  if (!json.ok) return json;
  const checked = safeRun(predicateDocumentSchema(), json.value);
  if (!checked.success) return { ok: false, issues: checked.issues };
  const value = withoutSchemaKey(checked.data) as PredicateDocument;
  // The library's reader is the reference; it catches any rule the schema does not express.
  const library = parsePredicate(value);
  if (!library.ok) return { ok: false, issues: library.issues.map((issue) => ({ code: issue.code, path: issue.path, message: issue.message })) };
  return { ok: true, value };
}
