import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { icpFit, rankAccounts } from '../../src/icp/index.js';
import { atLeast, oneOf } from '../../src/predicate/index.js';

interface Company {
  readonly name: string;
  readonly industry?: string;
  readonly employees?: number | string;
}

const fit = icpFit<Company>({
  criteria: [
    { id: 'industry', when: oneOf('industry', ['SaaS']), weight: 3 },
    { id: 'size', when: atLeast('employees', 100), weight: 1 },
  ],
});

const companies: Company[] = [
  { name: 'Small SaaS', industry: 'SaaS', employees: 20 },
  { name: 'Big retail', industry: 'Retail', employees: 900 },
  { name: 'Big SaaS', industry: 'SaaS', employees: 900 },
  { name: 'Unknown size SaaS', industry: 'SaaS' },
  { name: 'Retail twin', industry: 'Retail', employees: 900 },
];

/** Matches a `NetspearConfigError` with exactly this path and message. */
const configError = (path: string, problem: string) =>
  expect.objectContaining({ name: 'NetspearConfigError', api: 'rankAccounts', path, message: `rankAccounts: ${path}: ${problem}` });

describe('rankAccounts', () => {
  it('ranks by score, coverage, then position', () => {
    const ranked = rankAccounts(fit, companies);

    expect(ranked.map((row) => [row.company.name, row.index, row.fit.score, row.fit.coverage, row.fit.tier])).toEqual([
      ['Big SaaS', 2, 100, 1, 'Tier 1'],
      ['Small SaaS', 0, 75, 1, 'Tier 1'],
      ['Unknown size SaaS', 3, 75, 0.75, 'Tier 1'],
      ['Big retail', 1, 25, 1, 'Tier 3'],
      ['Retail twin', 4, 25, 1, 'Tier 3'],
    ]);
  });

  it('keeps the top rows', () => {
    expect(rankAccounts(fit, companies, { limit: 2 }).map((row) => row.company.name)).toEqual(['Big SaaS', 'Small SaaS']);
    expect(rankAccounts(fit, companies, { limit: 0 })).toEqual([]);
  });

  it('keeps only the named tiers', () => {
    expect(rankAccounts(fit, companies, { tiers: ['Tier 3'] }).map((row) => row.index)).toEqual([1, 4]);
    expect(rankAccounts(fit, companies, { tiers: ['Tier 2'] })).toEqual([]);
  });

  it('leaves out companies below minCoverage from tiers', () => {
    const strict = icpFit<Company>({ criteria: fit.criteria, minCoverage: 0.9 });

    expect(rankAccounts(strict, companies, { tiers: ['Tier 1'] }).map((row) => row.company.name)).toEqual(['Big SaaS', 'Small SaaS']);
  });

  it('ranks bad rows instead of throwing', () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const rows = [null, 'Acme', revocable.proxy, { name: 'Big SaaS', industry: 'SaaS', employees: '900' }] as unknown as Company[];
    const sparse = [, { name: 'Big SaaS', industry: 'SaaS', employees: 900 }] as Company[];

    expect(rankAccounts(fit, rows).map((row) => [row.index, row.fit.score, row.fit.coverage])).toEqual([
      [3, 75, 0.75],
      [0, 0, 0],
      [1, 0, 0],
      [2, 0, 0],
    ]);
    expect(rankAccounts(fit, sparse).map((row) => [row.index, row.company])).toEqual([
      [1, sparse[1]],
      [0, undefined],
    ]);
  });

  it('rejects bad arguments', () => {
    expect(() => rankAccounts({} as never, companies)).toThrow(configError('fit', 'expected a fit built by icpFit(), received an object'));
    expect(() => rankAccounts(fit, 'companies' as never)).toThrow(configError('companies', 'expected an array of companies, received "companies"'));
    const revocable = Proxy.revocable([], {});
    revocable.revoke();
    expect(() => rankAccounts(fit, revocable.proxy)).toThrow(configError('companies', 'expected an array of companies, received a revoked proxy'));
    for (const [limit, received] of [[-1, '-1'], [1.5, '1.5'], ['3', '"3"'], [Number.NaN, 'NaN']] as const) {
      expect(() => rankAccounts(fit, companies, { limit: limit as number })).toThrow(configError('limit', `expected a whole number from 0, received ${received}`));
    }
    expect(() => rankAccounts(fit, companies, { tiers: ['Tier 1', 'Tier 9' as 'Tier 1'] })).toThrow(
      configError('tiers[1]', 'expected one of the fit\'s tiers ("Tier 1", "Tier 2", "Tier 3"), received "Tier 9"'),
    );
    expect(() => rankAccounts(fit, companies, { tiers: 'Tier 1' as never })).toThrow(configError('tiers', 'expected an array of tier names, received "Tier 1"'));
    expect(() => rankAccounts(fit, companies, { lmit: 1 } as never)).toThrow(configError('options.lmit', 'unknown option; expected limit or tiers'));
  });
});

const companyArb = fc.record(
  {
    name: fc.string(),
    industry: fc.constantFrom('SaaS', 'Retail', 'Select', ''),
    employees: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constantFrom('250', 'many')),
  },
  { requiredKeys: ['name'] },
);

describe('rankAccounts properties', () => {
  test.prop([fc.array(companyArb, { maxLength: 30 })])('ranks every company once, in order', (rows) => {
    const ranked = rankAccounts(fit, rows);

    expect(ranked.map((row) => row.index).sort((a, b) => a - b)).toEqual(rows.map((_, index) => index));
    for (const row of ranked) expect(row.company).toBe(rows[row.index]);
    for (let i = 1; i < ranked.length; i += 1) {
      const [before, after] = [ranked[i - 1]!, ranked[i]!];
      const order = after.fit.score - before.fit.score || after.fit.coverage - before.fit.coverage || before.index - after.index;
      expect(order).toBeLessThan(0);
    }
  });

  test.prop([fc.array(companyArb, { maxLength: 30 }), fc.nat({ max: 40 })])('a limit keeps a prefix', (rows, limit) => {
    expect(rankAccounts(fit, rows, { limit })).toEqual(rankAccounts(fit, rows).slice(0, limit));
  });
});
