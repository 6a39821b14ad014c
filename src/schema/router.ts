import { z } from 'zod';
import { MAX_ATTEMPTS, type RetryPolicy } from '../routing/hooks.js';
import { fieldPathSchema, schemaKey, strictObject } from './common.js';
import { expected, readJson, withoutSchemaKey, type SchemaResult } from './issues.js';
import { safeRun } from './predicate.js';

/** The maximum delay `setTimeout` accepts, as the router checks it: 2^31 − 1 ms. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * The JSON-able options of the default hybrid router (`createRouter({ accounts, scorecard,
 * ...config })`). Accounts, the scorecard, the ICP, hooks, assigners, steps, the clock and the
 * timers are objects or functions, so they stay in code.
 */
export interface RouterConfig {
  /** The lowest score that goes to sales. Defaults to the `min` of the scorecard's `mql` tier. */
  readonly mqlThreshold?: number;
  /** The lead's email field, as a dotted path. Defaults to `email`. */
  readonly emailField?: string;
  /** Milliseconds each hook and assigner may take. Defaults to 10,000. */
  readonly timeoutMs?: number;
  /** Retry of failed hooks; off unless given. */
  readonly retry?: RetryPolicy;
  /** A label for this configuration, copied into every decision. */
  readonly version?: string;
}

/**
 * Returns the zod schema of the JSON-able router options: `mqlThreshold`, `emailField`,
 * `timeoutMs`, `retry` and `version`.
 *
 * @example
 * routerConfigSchema().safeParse({ mqlThreshold: 75, timeoutMs: 2000, retry: { attempts: 3 } }).success; // true
 */
/* @__NO_SIDE_EFFECTS__ */
export function routerConfigSchema(): z.ZodType<RouterConfig> {
  const timeout = `milliseconds above 0, at most ${MAX_TIMEOUT_MS}`;
  const nonNegative = () =>
    z.number({ error: expected('a finite number from 0') }).min(0, { error: expected('a finite number from 0') });
  const retry = strictObject(
    {
      attempts: z
        .int({ error: expected(`a whole number of runs from 1 to ${MAX_ATTEMPTS}`) })
        .min(1, { error: expected(`a whole number of runs from 1 to ${MAX_ATTEMPTS}`) })
        .max(MAX_ATTEMPTS, { error: expected(`a whole number of runs from 1 to ${MAX_ATTEMPTS}`) })
        .describe('Runs in all, the first included, from 1 to 10; 1 means no retry.'),
      backoffMs: nonNegative()
        .max(MAX_TIMEOUT_MS, { error: expected(`a finite number from 0 to ${MAX_TIMEOUT_MS}`) })
        .optional()
        .describe('Milliseconds to wait before the first retry. Defaults to 100.'),
      factor: nonNegative().optional().describe('Multiplier of the wait for each later retry. Defaults to 2.'),
    },
    'a retry policy object',
  );
  return strictObject(
    {
      $schema: schemaKey(),
      mqlThreshold: z.number({ error: expected('a finite number') }).optional().describe('The lowest score that goes to sales.'),
      emailField: fieldPathSchema().optional().describe('The lead\'s email field, as a dotted path. Defaults to "email".'),
      timeoutMs: z
        .number({ error: expected(timeout) })
        .positive({ error: expected(timeout) })
        .max(MAX_TIMEOUT_MS, { error: expected(timeout) })
        .optional()
        .describe('Milliseconds each hook and assigner may take. Defaults to 10000.'),
      retry: retry.optional().describe('Retry of failed hooks; off unless given.'),
      version: z.string({ error: expected('a string') }).optional().describe('A label for this configuration, copied into every decision.'),
    },
    'a router configuration object',
  ) as unknown as z.ZodType<RouterConfig>;
}

/**
 * Validates router options (JSON text or parsed data) and returns them, or every problem by
 * path, without throwing. Spread the value into `createRouter` next to the accounts, the
 * scorecard and the hooks.
 *
 * @example
 * const result = parseRouterConfig('{"mqlThreshold":75,"retry":{"attempts":0}}');
 * if (!result.ok) console.log(result.issues); // [{ code: 'too_small', path: 'retry.attempts', message: 'expected a whole number of runs from 1 to 10, received 0' }]
 */
export function parseRouterConfig(input: unknown): SchemaResult<RouterConfig> {
  const json = readJson(input);
  if (!json.ok) return json;
  const checked = safeRun(routerConfigSchema(), json.value);
  if (!checked.success) return { ok: false, issues: checked.issues };
  return { ok: true, value: withoutSchemaKey(checked.data) as RouterConfig };
}
