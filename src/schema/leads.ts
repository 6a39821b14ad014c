import { ConfigError, describeValue } from '../internal/config-error.js';
import type { StandardSchemaV1 } from '../internal/standard-schema.js';
import { formatPath } from './issues.js';

/** One problem in a lead, as the validator reported it. */
export interface LeadIssue {
  /** The location of the problem in the lead, such as `company.size`; empty for the whole lead. */
  readonly path: string;
  readonly message: string;
}

/** A lead the validator rejected, with its position in the input and every problem found. */
export interface RejectedLead {
  /** The position of the lead in the input, from 0. */
  readonly index: number;
  /** The lead as it was given. */
  readonly input: unknown;
  readonly issues: readonly LeadIssue[];
}

/** The valid leads (as the validator returned them) and the rejected ones. */
export interface LeadValidation<Output> {
  /** The validator's output for each valid lead, in input order. */
  readonly valid: Output[];
  /** The input position of each valid lead, parallel to `valid`. */
  readonly validIndexes: number[];
  readonly rejected: RejectedLead[];
}

function pathOf(issue: StandardSchemaV1.Issue): string {
  const keys = (issue.path ?? []).map((segment) => (typeof segment === 'object' && segment !== null ? segment.key : segment));
  return formatPath(keys.map((key) => (typeof key === 'symbol' ? key.toString() : key)));
}

/**
 * Validates leads with any Standard Schema v1 validator (zod, valibot, arktype, …) and returns
 * the valid ones and, for each rejected lead, its index and problems. It never throws: a
 * validator that throws or returns something invalid rejects that lead, and the batch goes on.
 *
 * @example
 * const { valid, rejected } = await validateLeads(z.object({ email: z.email(), companySize: z.number() }), rows);
 * for await (const result of routeMany(router, valid)) save(result);
 */
export async function validateLeads<Schema extends StandardSchemaV1>(
  schema: Schema,
  leads: Iterable<unknown>,
): Promise<LeadValidation<StandardSchemaV1.InferOutput<Schema>>> {
  const validate = schema?.['~standard']?.validate;
  if (typeof validate !== 'function') {
    throw new ConfigError('validateLeads', 'schema', `expected a Standard Schema v1 validator (an object with ["~standard"].validate), received ${describeValue(schema)}`);
  }
  if (leads === null || typeof (leads as Partial<Iterable<unknown>>)?.[Symbol.iterator] !== 'function') {
    throw new ConfigError('validateLeads', 'leads', `expected an array or another iterable of leads, received ${describeValue(leads)}`);
  }
  const valid: StandardSchemaV1.InferOutput<Schema>[] = [];
  const validIndexes: number[] = [];
  const rejected: RejectedLead[] = [];
  let index = 0;
  for (const lead of leads) {
    const at = index++;
    let result: StandardSchemaV1.Result<unknown> | undefined;
    try {
      const returned = validate(lead);
      // Most validators return synchronously; awaiting only a promise keeps large batches fast.
      result = typeof (returned as { then?: unknown })?.then === 'function' ? await returned : (returned as StandardSchemaV1.Result<unknown>);
    } catch (error) {
      rejected.push({ index: at, input: lead, issues: [{ path: '', message: `the validator threw: ${(error as Error)?.message ?? String(error)}` }] });
      continue;
    }
    if (result === null || typeof result !== 'object') {
      rejected.push({ index: at, input: lead, issues: [{ path: '', message: `the validator returned ${describeValue(result)} instead of a result` }] });
    } else if (result.issues !== undefined) {
      const issues = Array.isArray(result.issues) ? result.issues : [];
      rejected.push({
        index: at,
        input: lead,
        issues: issues.length > 0 ? issues.map((issue) => ({ path: pathOf(issue), message: String(issue?.message) })) : [{ path: '', message: 'the validator rejected the lead without an issue' }],
      });
    } else {
      valid.push(result.value as StandardSchemaV1.InferOutput<Schema>);
      validIndexes.push(at);
    }
  }
  return { valid, validIndexes, rejected };
}
