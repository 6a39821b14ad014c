import { z } from 'zod';
import { scorecardFromJSON } from '../scoring/json.js';
import { DefinitionError } from '../scoring/problems.js';
import type { Decay } from '../scoring/decay.js';
import type { ScorecardDefinition } from '../scoring/scorecard.js';
import { evaluationOptionsShape, fieldPathSchema, nonEmptyString, schemaKey, strictObject } from './common.js';
import { expected, readJson, withoutSchemaKey, type SchemaResult } from './issues.js';
import { predicateSchema, safeRun } from './predicate.js';

/** A scorecard definition in its JSON form: everything but the clock, with an optional `version: 1`. */
export type ScorecardJson = Omit<ScorecardDefinition, 'clock'> & { readonly version?: 1 };

/** Returns the schema of a whole number within bounds, with one message for every failure. */
function wholeNumber(what: string, min?: number, max?: number) {
  let schema = z.int({ error: expected(what) });
  if (min !== undefined) schema = schema.min(min, { error: expected(what) });
  if (max !== undefined) schema = schema.max(max, { error: expected(what) });
  return schema;
}

function positiveDays() {
  return z.number({ error: expected('a positive number of days') }).positive({ error: expected('a positive number of days') });
}

/**
 * Returns the schema of a decay: `half_life`, `linear` or `step`.
 *
 * @example
 * decaySchema().safeParse({ kind: 'half_life', days: 30 }).success; // true
 */
/* @__NO_SIDE_EFFECTS__ */
export function decaySchema(): z.ZodType<Decay> {
  const step = strictObject(
    {
      afterDays: z.number({ error: expected('a number of days of at least 0') }).min(0, { error: expected('a number of days of at least 0') }),
      factor: z.number({ error: expected('a factor from 0 to 1') }).min(0, { error: expected('a factor from 0 to 1') }).max(1, { error: expected('a factor from 0 to 1') }),
    },
    'a decay step object',
  );
  const steps = z
    .array(step, { error: expected('a non-empty array of steps') })
    .min(1, { error: expected('a non-empty array of steps') })
    .superRefine((list, context) => {
      list.forEach((current, i) => {
        const previous = list[i - 1];
        if (previous === undefined) return;
        if (!(current.afterDays > previous.afterDays)) {
          context.addIssue({ code: 'custom', path: [i, 'afterDays'], message: `steps must be in increasing order of afterDays, received ${current.afterDays} after ${previous.afterDays}`, input: current.afterDays });
        }
        if (current.factor > previous.factor) {
          context.addIssue({ code: 'custom', path: [i, 'factor'], message: `a later step may not raise the factor, received ${current.factor} after ${previous.factor}`, input: current.factor });
        }
      });
    });
  return z.discriminatedUnion(
    'kind',
    [
      strictObject({ kind: z.enum(['half_life', 'linear']), days: positiveDays() }, 'a decay object'),
      strictObject({ kind: z.literal('step'), steps }, 'a decay object'),
    ],
    { error: (issue) => decayKindProblem(issue.input) },
  ) as unknown as z.ZodType<Decay>;
}

function decayKindProblem(input: unknown): string {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return expected('a decay object')({ input });
  return expected('"half_life", "linear" or "step"')({ input: (input as Record<string, unknown>)['kind'] });
}

function ruleSchemas() {
  // One predicate schema for `when` and `where`, so JSON Schema defines the predicate node once.
  const predicate = predicateSchema();
  const common = {
    id: nonEmptyString().describe('A unique, stable id, used in explanations and comparisons.'),
    label: z.string({ error: expected('a string') }).optional().describe('A human-readable label; defaults to the id.'),
    points: wholeNumber('a whole number of points').describe('Whole points; negative points subtract.'),
    withinDays: positiveDays().optional(),
    decay: decaySchema().optional(),
  };
  const fieldRule = strictObject(
    {
      ...common,
      when: predicate,
      at: fieldPathSchema().optional().describe('The dotted path of the timestamp the rule is about; needed by withinDays and decay.'),
    },
    'a rule object',
  ).describe('A rule on the lead\'s fields.');
  const eventType = z.string().min(1);
  const eventRule = strictObject(
    {
      ...common,
      event: z
        .union([eventType, z.array(eventType).min(1)], { error: expected('an event type or a non-empty array of event types') })
        .describe('The event type, or several types, this rule counts.'),
      where: predicate.optional(),
      maxCount: wholeNumber('a whole number of at least 0', 0).optional(),
      maxPoints: wholeNumber('a whole number of at least 0', 0).optional(),
      perDay: wholeNumber('a whole number of at least 1', 1).optional(),
    },
    'a rule object',
  ).describe('A rule on the lead\'s events: each counted event earns the points.');
  return z.array(z.union([fieldRule, eventRule]), { error: expected('an array of rules') });
}

interface RuleLike {
  readonly id: string;
  readonly at?: string;
  readonly event?: unknown;
  readonly withinDays?: number;
  readonly decay?: unknown;
}

/** Adds the checks across the whole definition: tiers, unique ids, and timestamps for windows and decay. */
function checkDefinition(definition: ScorecardJson, context: z.core.$RefinementCtx<ScorecardJson>): void {
  const { tiers, mqlThreshold } = definition;
  if (tiers !== undefined && mqlThreshold !== undefined) {
    context.addIssue({ code: 'custom', path: ['mqlThreshold'], message: 'give either tiers or mqlThreshold, not both', input: mqlThreshold });
  } else if (tiers === undefined && mqlThreshold === undefined) {
    context.addIssue({ code: 'custom', path: ['tiers'], message: 'give named tiers or an mqlThreshold so that scores get a label', input: tiers });
  }
  if (tiers !== undefined) {
    const names = new Set<string>();
    const mins = new Set<number>();
    tiers.forEach((tier, i) => {
      if (names.has(tier.name)) context.addIssue({ code: 'custom', path: ['tiers', i, 'name'], message: `duplicate tier name ${JSON.stringify(tier.name)}`, input: tier.name });
      names.add(tier.name);
      if (tier.min === undefined) return;
      if (mins.has(tier.min)) context.addIssue({ code: 'custom', path: ['tiers'], message: 'two tiers have the same min; give each tier its own lower bound', input: tiers });
      mins.add(tier.min);
    });
    const catchAll = tiers.filter((tier) => tier.min === undefined).length;
    if (catchAll > 1) context.addIssue({ code: 'custom', path: ['tiers'], message: `only one tier may omit min (the catch-all), found ${catchAll}`, input: tiers });
  }

  const ruleIds = new Set<string>();
  const checkRules = (rules: readonly RuleLike[] | undefined, path: PropertyKey[]): void => {
    rules?.forEach((rule, i) => {
      if (ruleIds.has(rule.id)) context.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate rule id ${JSON.stringify(rule.id)}; rule ids must be unique`, input: rule.id });
      ruleIds.add(rule.id);
      if (!('event' in rule) && rule.at === undefined && (rule.withinDays !== undefined || rule.decay !== undefined)) {
        context.addIssue({ code: 'custom', path: [...path, i, 'at'], message: 'withinDays and decay need the path of a timestamp in at, such as "lastVisitAt"', input: undefined });
      }
    });
  };
  checkRules(definition.rules as readonly RuleLike[] | undefined, ['rules']);
  const groupIds = new Set<string>();
  definition.groups?.forEach((group, g) => {
    if (groupIds.has(group.id)) context.addIssue({ code: 'custom', path: ['groups', g, 'id'], message: `duplicate group id ${JSON.stringify(group.id)}; group ids must be unique`, input: group.id });
    groupIds.add(group.id);
    checkRules(group.rules as readonly RuleLike[], ['groups', g, 'rules']);
  });
}

/**
 * Returns the zod schema of a scorecard definition in its JSON form: what `scorecardFromJSON`
 * reads and `scorecardToJSON` writes. Build it once and keep it: each call builds a new schema.
 *
 * @example
 * const schema = scorecardDefinitionSchema();
 * schema.safeParse({ rules: [{ id: 'vp', when: { op: 'equals', field: 'seniority', value: 'vp' }, points: 20 }], mqlThreshold: 20 }).success; // true
 */
/* @__NO_SIDE_EFFECTS__ */
export function scorecardDefinitionSchema(): z.ZodType<ScorecardJson> {
  const rules = ruleSchemas();
  const limit = (sign: 1 | -1) => (sign > 0 ? wholeNumber('a whole number of 0 or more', 0) : wholeNumber('a whole number of 0 or less', undefined, 0));
  const group = strictObject(
    {
      id: nonEmptyString(),
      label: z.string({ error: expected('a string') }).optional(),
      rules,
      cap: limit(1).optional().describe('The maximum points the group can add.'),
      floor: limit(-1).optional().describe('The minimum of the group\'s points: the most it can subtract.'),
      decay: decaySchema().optional().describe('The decay of every rule in the group that has none of its own.'),
    },
    'a group object',
  ).describe('Rules that share a cap, a floor or a default decay.');
  const tier = strictObject(
    {
      name: nonEmptyString(),
      min: z.number({ error: expected('a finite number') }).optional().describe('The lowest score in the tier, inclusive; omit it for the catch-all tier.'),
    },
    'a tier object',
  );
  return strictObject(
    {
      $schema: schemaKey(),
      version: z.literal(1, { error: expected('1, the only definition version') }).optional(),
      rules: rules.optional().describe('Rules outside any group.'),
      groups: z.array(group, { error: expected('an array of groups') }).optional(),
      cap: limit(1).optional().describe('The highest total.'),
      floor: limit(-1).optional().describe('The lowest total; 0 keeps scores from going negative.'),
      tiers: z
        .array(tier, { error: expected('a non-empty array of tiers') })
        .min(1, { error: expected('a non-empty array of tiers') })
        .optional()
        .describe('Named tiers. Mutually exclusive with mqlThreshold.'),
      mqlThreshold: z.number({ error: expected('a finite number') }).optional().describe('Shorthand for the tiers "mql" (at or above) and "nurture" (below).'),
      hysteresis: z
        .number({ error: expected('a number of points of 0 or more') })
        .min(0, { error: expected('a number of points of 0 or more') })
        .optional()
        .describe('Points a lead may fall below its previous tier\'s min and keep that tier.'),
      eventsField: fieldPathSchema().optional().describe('The dotted path of the lead\'s event list. Defaults to "events".'),
      ...evaluationOptionsShape(),
    },
    'a scorecard definition object',
  ).superRefine(checkDefinition as never) as unknown as z.ZodType<ScorecardJson>;
}

/**
 * Validates a scorecard definition (JSON text or parsed data) and returns it, or every problem
 * by path, without throwing. A definition it accepts is one `scorecardFromJSON` builds.
 *
 * @example
 * const result = parseScorecardDefinition({ rules: [{ id: 'vp', when: { op: 'exists', field: 'title' }, points: 2.5 }], mqlThreshold: 20 });
 * if (!result.ok) console.log(result.issues); // [{ code: 'invalid_type', path: 'rules[0].points', message: 'expected a whole number of points, received 2.5' }]
 */
export function parseScorecardDefinition(input: unknown): SchemaResult<ScorecardJson> {
  const json = readJson(input);
  if (!json.ok) return json;
  const checked = safeRun(scorecardDefinitionSchema(), json.value);
  if (!checked.success) return { ok: false, issues: checked.issues };
  const value = withoutSchemaKey(checked.data) as ScorecardJson;
  try {
    // The library's builder is the reference; it catches any rule the schema does not express.
    scorecardFromJSON(value);
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    return { ok: false, issues: error.problems.map((problem) => ({ code: 'custom', path: problem.path, message: problem.message })) };
  }
  return { ok: true, value };
}
