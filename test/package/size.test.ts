// Measures every budget in .size-limit.json with size-limit (min+gzip, one import each) and
// fails when an import passes its budget no more, or when one that is already over its budget
// grows past the ceiling recorded below. The ceilings hold the line until the budgets are met.
import { describe, expect, it } from 'vitest';
import { bin, requireBuild, run } from './helpers.js';

interface SizeResult {
  readonly name: string;
  readonly size: number;
  readonly sizeLimit?: number;
}

/**
 * Imports over their budget today, with the most bytes they may reach. Lower a ceiling when an
 * import shrinks, and delete its line once it meets its budget.
 */
const OVER_BUDGET: Readonly<Record<string, number>> = {
  "core: import * from 'netspear'": 37_000,
  scorecard: 10_100,
  'icp + filterAccounts': 4_900,
};

/** Runs size-limit on the built package and returns one result per budget. */
function measure(): SizeResult[] {
  requireBuild();
  const { status, output } = run(bin('size-limit'), ['--json']);
  // size-limit exits with 1 when any budget fails; the JSON on stdout is complete either way.
  expect([0, 1]).toContain(status);
  return JSON.parse(output.slice(output.indexOf('['), output.lastIndexOf(']') + 1)) as SizeResult[];
}

describe('bundle size budgets', () => {
  const results = measure();

  it('measures every budget', () => {
    expect(results.filter((result) => result.sizeLimit !== undefined).map((result) => result.name)).toEqual([
      "core: import * from 'netspear'",
      'scorecard',
      'icp + filterAccounts',
      'createRouter',
    ]);
  });

  it.each(results.filter((result) => result.sizeLimit !== undefined).map((result) => [result.name, result] as const))(
    '%s stays within bounds',
    (name, result) => {
      const ceiling = OVER_BUDGET[name] ?? result.sizeLimit!;
      expect(result.size).toBeLessThanOrEqual(ceiling);
    },
  );

  it('lists only imports over budget', () => {
    const over = results.filter((result) => result.sizeLimit !== undefined && result.size > result.sizeLimit).map((result) => result.name);
    expect(over.sort()).toEqual(Object.keys(OVER_BUDGET).sort());
  });
});
