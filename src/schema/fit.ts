import { z } from 'zod';
import { ConfigError } from '../internal/config-error.js';
import { icpFit, type FitDefinition } from '../icp/fit.js';
import { evaluationOptionsShape, nonEmptyString, schemaKey, strictObject } from './common.js';
import { expected, readJson, withoutSchemaKey, type SchemaResult } from './issues.js';
import { predicateSchema, safeRun } from './predicate.js';

/** A weighted fit definition in its JSON form. */
export type FitJson = FitDefinition<any, string>;

function checkFit(definition: FitJson, context: z.core.$RefinementCtx<FitJson>): void {
  const ids = new Set<string>();
  definition.criteria.forEach((criterion, i) => {
    if (ids.has(criterion.id)) context.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `duplicate criterion id ${JSON.stringify(criterion.id)}`, input: criterion.id });
    ids.add(criterion.id);
  });
  const names = new Set<string>();
  definition.tiers?.forEach((tier, i) => {
    if (names.has(tier.name)) context.addIssue({ code: 'custom', path: ['tiers', i, 'name'], message: `duplicate tier name ${JSON.stringify(tier.name)}`, input: tier.name });
    names.add(tier.name);
  });
  if ((definition.tiers?.filter((tier) => tier.min === undefined).length ?? 0) > 1) {
    context.addIssue({ code: 'custom', path: ['tiers'], message: 'only one tier may omit min (the catch-all)', input: definition.tiers });
  }
}

/**
 * Returns the zod schema of a weighted fit definition, the input of `icpFit`: weighted
 * criteria, tiers by fit score and a minimum coverage.
 *
 * @example
 * fitDefinitionSchema().safeParse({ criteria: [{ id: 'saas', when: { op: 'equals', field: 'industry', value: 'SaaS' }, weight: 3 }] }).success; // true
 */
/* @__NO_SIDE_EFFECTS__ */
export function fitDefinitionSchema(): z.ZodType<FitJson> {
  const weight = z
    .number({ error: expected('a positive finite number') })
    .positive({ error: expected('a positive finite number') })
    .describe('The criterion\'s share of the score, relative to the other weights.');
  const criterion = strictObject({ id: nonEmptyString(), when: predicateSchema(), weight }, 'a criterion object');
  const min = z
    .number({ error: expected('a number from 0 to 100') })
    .min(0, { error: expected('a number from 0 to 100') })
    .max(100, { error: expected('a number from 0 to 100') });
  const tier = strictObject(
    { name: nonEmptyString(), min: min.optional().describe('The lowest fit score in the tier, inclusive; omit it for the catch-all tier.') },
    'a tier object',
  );
  return strictObject(
    {
      $schema: schemaKey(),
      criteria: z.array(criterion, { error: expected('a non-empty array of criteria') }).min(1, { error: expected('a non-empty array of criteria') }),
      tiers: z
        .array(tier, { error: expected('a non-empty array of tiers') })
        .min(1, { error: expected('a non-empty array of tiers') })
        .optional()
        .describe('Tiers by fit score. Defaults to "Tier 1" (70 and up), "Tier 2" (40 and up) and "Tier 3".'),
      minCoverage: z
        .number({ error: expected('a number from 0 to 1') })
        .min(0, { error: expected('a number from 0 to 1') })
        .max(1, { error: expected('a number from 0 to 1') })
        .optional()
        .describe('The share of the weight (0 to 1) that must be decidable for a company to get a tier.'),
      ...evaluationOptionsShape(),
    },
    'a fit definition object',
  ).superRefine(checkFit as never) as unknown as z.ZodType<FitJson>;
}

/**
 * Validates a weighted fit definition (JSON text or parsed data) and returns it, or every
 * problem by path, without throwing. A definition it accepts is one `icpFit` builds.
 *
 * @example
 * const result = parseFitDefinition({ criteria: [{ id: 'saas', when: { op: 'equals', field: 'industry', value: 'SaaS' }, weight: 0 }] });
 * if (!result.ok) console.log(result.issues); // [{ code: 'too_small', path: 'criteria[0].weight', message: 'expected a positive finite number, received 0' }]
 */
export function parseFitDefinition(input: unknown): SchemaResult<FitJson> {
  const json = readJson(input);
  if (!json.ok) return json;
  const checked = safeRun(fitDefinitionSchema(), json.value);
  if (!checked.success) return { ok: false, issues: checked.issues };
  const value = withoutSchemaKey(checked.data) as FitJson;
  try {
    // The library's builder is the reference; it catches any rule the schema does not express.
    icpFit(value);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const prefix = `${error.api}: ${error.path ? `${error.path}: ` : ''}`;
    return { ok: false, issues: [{ code: 'custom', path: error.path, message: error.message.slice(prefix.length) }] };
  }
  return { ok: true, value };
}
