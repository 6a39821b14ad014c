import { describe, expect, it } from 'vitest';
import { explainAccounts, icp } from '../../src/icp/index.js';
import { and, atLeast, includesAll, oneOf } from '../../src/predicate/index.js';

const profile = icp(and(oneOf('industry', ['SaaS', 'Finance']), atLeast('employees', 100), includesAll('techStack', ['kubernetes'])));

describe('explainAccounts', () => {
  const accounts = [
    { industry: 'SaaS', employees: 500, techStack: ['kubernetes'] },
    { industry: 'SaaS', employees: 500 },
    { industry: 'Finance', employees: 300, techStack: null },
    { industry: 'SaaS', employees: '250', techStack: ['kubernetes'] },
    { industry: 'Retail' },
  ];

  it('counts outcomes', () => {
    const report = explainAccounts(profile, accounts);
    expect(report).toMatchObject({ total: 5, match: 1, noMatch: 1, unknown: 3 });
  });

  it('reports gaps by field', () => {
    const report = explainAccounts(profile, accounts);
    expect(report.gaps).toEqual([
      { field: 'techStack', reason: 'missing', accounts: 2 },
      { field: 'employees', reason: 'wrong_type', accounts: 1 },
    ]);
  });

  it('writes one summary line per gap', () => {
    expect(explainAccounts(profile, accounts).summary).toEqual([
      '2 accounts unknown: `techStack` missing',
      '1 account unknown: `employees` has the wrong type',
    ]);
  });

  it('ignores gaps of decided accounts', () => {
    // Retail rules the account out, so its missing fields are no gap.
    expect(explainAccounts(profile, [{ industry: 'Retail' }]).gaps).toEqual([]);
  });

  it('handles an empty list', () => {
    expect(explainAccounts(profile, [])).toEqual({ total: 0, match: 0, noMatch: 0, unknown: 0, gaps: [], summary: [] });
  });
});
