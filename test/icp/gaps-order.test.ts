import { describe, expect, it } from 'vitest';
import { explainAccounts, filterAccounts, icp, type Icp } from '../../src/icp/index.js';
import { and, atLeast, isTrue, or } from '../../src/predicate/index.js';

describe('explainAccounts ordering', () => {
  const profile = icp(and(isTrue('alpha'), isTrue('beta')));

  it('ties sort by field name', () => {
    const report = explainAccounts(profile, [{ beta: true }, { alpha: true }]);
    expect(report.gaps.map((gap) => gap.field)).toEqual(['alpha', 'beta']);
    expect(report.gaps.map((gap) => gap.accounts)).toEqual([1, 1]);
  });

  it('more accounts sort first', () => {
    const report = explainAccounts(profile, [{ beta: true }, { alpha: true }, { alpha: true }]);
    expect(report.gaps.map((gap) => [gap.field, gap.accounts])).toEqual([
      ['beta', 2],
      ['alpha', 1],
    ]);
  });

  it('counts a field once per account', () => {
    const twice = icp(or(atLeast('employees', 100), atLeast('employees', 10)));
    const report = explainAccounts(twice, [{}, {}]);
    expect(report.gaps).toEqual([{ field: 'employees', reason: 'missing', accounts: 2 }]);
  });

  it('keeps missing and wrong type apart', () => {
    const size = icp(atLeast('employees', 100));
    const report = explainAccounts(size, [{}, { employees: 'many' }]);
    expect(report.gaps).toEqual([
      { field: 'employees', reason: 'missing', accounts: 1 },
      { field: 'employees', reason: 'wrong_type', accounts: 1 },
    ]);
  });
});

describe('explainAccounts errors', () => {
  it('names explainAccounts in errors', () => {
    expect(() => explainAccounts(atLeast('employees', Number.NaN), [])).toThrow(/^explainAccounts: predicate\.value/);
  });
});

describe('icp construction', () => {
  it('builds from typed operators', () => {
    const profile = icp<{ employees: number }>((c) => c.atLeast('employees', 100));
    expect(profile.kind).toBe('icp');
    expect(profile.predicate).toEqual(atLeast('employees', 100));
    expect(profile.evaluate({ employees: 150 })).toBe('match');
    expect(profile.matches?.({ employees: 50 })).toBe(false);
  });

  it('names icp in errors', () => {
    expect(() => icp(atLeast('employees', Number.NaN))).toThrow(/^icp: predicate\.value/);
  });
});

describe('filterAccounts policy errors', () => {
  const profile = icp(atLeast('employees', 100));

  it('hints only at a case slip', () => {
    const message = (policy: unknown): string => {
      try {
        filterAccounts(profile, [], { unknown: policy as 'exclude' });
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(message('drop')).toBe('filterAccounts: options.unknown: expected "exclude", "include" or "separate", received "drop"');
    expect(message('INCLUDE')).toMatch(/received "INCLUDE"; did you mean "include"\?$/);
  });
});

describe('filterAccounts hand-built profile', () => {
  /** A profile built by hand, without the optional `matches`. */
  const byHand: Icp<{ score?: number }> = {
    kind: 'icp',
    predicate: atLeast('score', 50),
    evaluate: (company) => {
      if (company.score === undefined) return 'unknown';
      return company.score >= 50 ? 'match' : 'no_match';
    },
  };

  it('excludes through evaluate', () => {
    const companies = [{ score: 80 }, { score: 10 }, {}];
    expect(filterAccounts(byHand, companies)).toEqual([{ score: 80 }]);
    expect(filterAccounts(byHand, companies, { unknown: 'include' })).toEqual([{ score: 80 }, {}]);
  });
});
