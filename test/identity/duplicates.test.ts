import { describe, expect, it } from 'vitest';

import { findDuplicateAccounts } from '../../src/identity/index.js';

describe('findDuplicateAccounts', () => {
  const accounts = [
    { id: 'a1', name: 'Acme, Inc.', domains: ['acme.com'] },
    { id: 'a2', name: 'ACME INC', domains: ['ACME.com.'] },
    { id: 'a3', name: 'Nestlé S.A.', domains: ['nestle.com'] },
    { id: 'a4', name: 'Nestle', domains: [], aliasDomains: ['nestle.com'] },
    { id: 'a5', name: 'Corporation', domains: ['solo.com'] },
    { id: 'a6', name: 'Inc', domains: ['bad..com', 7] },
    null,
  ];

  const report = findDuplicateAccounts(accounts);

  it('groups shared domains', () => {
    const domainGroups = report.groups.filter((group) => group.reason === 'domain');

    expect(domainGroups.map((group) => [group.key, group.positions])).toEqual([
      ['acme.com', [0, 1]],
      ['nestle.com', [2, 3]],
    ]);
  });

  it('groups shared name keys', () => {
    const nameGroups = report.groups.filter((group) => group.reason === 'name');

    expect(nameGroups.map((group) => [group.key, group.positions])).toEqual([
      ['acme', [0, 1]],
      ['nestle', [2, 3]],
    ]);
    expect(nameGroups[0]?.accounts[1]).toBe(accounts[1]);
  });

  it('reports bad rows and continues', () => {
    expect(report.problems.map((problem) => problem.position)).toEqual([5, 5, 6]);
    expect(report.problems[0]?.message).toContain('"bad..com"');
    expect(report.problems[1]?.message).toContain('number 7');
  });

  it('reports a non-array input', () => {
    const result = findDuplicateAccounts('accounts' as never);

    expect(result.groups).toEqual([]);
    expect(result.problems[0]?.message).toContain('Expected an array');
  });
});
