import { describe, expect, it } from 'vitest';
import { describeClause, explain } from '../../src/predicate/explain.js';
import { evaluate } from '../../src/predicate/evaluate.js';
import { parseIsoDate, toTime } from '../../src/predicate/dates.js';
import { and, atLeast, between, containsAnyWord, equals, exists, missing, named, not, oneOf, or } from '../../src/predicate/index.js';
import type { PredicateNode } from '../../src/predicate/types.js';

describe('describeClause', () => {
  it('names a combinator by its op', () => {
    expect(describeClause(and(atLeast('employees', 100), exists('industry')) as PredicateNode)).toBe('and');
  });

  it('writes between with both bounds', () => {
    expect(describeClause(between('employees', 10, 500) as PredicateNode)).toBe('employees between 10 and 500');
  });

  it('writes words of containsAnyWord', () => {
    expect(describeClause(containsAnyWord('title', ['vp', 'head']) as PredicateNode)).toBe('title contains any word of ["vp","head"]');
  });

  it('writes values of oneOf', () => {
    expect(describeClause(oneOf('industry', ['SaaS']) as PredicateNode)).toBe('industry in ["SaaS"]');
  });

  it('writes flag clauses bare', () => {
    expect(describeClause(exists('industry') as PredicateNode)).toBe('industry exists');
    expect(describeClause(missing('industry') as PredicateNode)).toBe('industry is missing');
  });

  it('marks only ignoreCase true', () => {
    const node = { op: 'equals', field: 'industry', value: 'SaaS', ignoreCase: false } as PredicateNode;
    expect(describeClause(node)).toBe('industry = "SaaS"');
    expect(describeClause(equals('industry', 'SaaS', { ignoreCase: true }) as PredicateNode)).toBe('industry = "SaaS" (ignoring case)');
  });
});

describe('explain reports', () => {
  it('lists a missing field once', () => {
    const result = explain(or(atLeast('employees', 100), atLeast('employees', 10)), {});
    expect(result.missing).toEqual(['employees']);
  });

  it('lists a wrong-type field once', () => {
    const result = explain(or(atLeast('employees', 100), atLeast('employees', 10)), { employees: 'many' });
    expect(result.wrongType).toEqual(['employees']);
  });

  it('paths go through not and named', () => {
    const negated = explain(not(atLeast('employees', 100)), { employees: 5 });
    expect(negated.decidedBy.map((clause) => clause.path)).toEqual(['predicate.predicate']);
    const inNamed = explain(named('size', atLeast('employees', 100)), { employees: 5 });
    expect(inNamed.decidedBy.map((clause) => clause.path)).toEqual(['predicate.predicate']);
    expect(inNamed.decidedBy[0]?.within).toEqual(['size']);
  });

  it('decided missing clause has no reason', () => {
    const result = explain(missing('employees'), {});
    expect(result.outcome).toBe('match');
    expect(result.decidedBy[0]?.reason).toBeUndefined();
    expect(result.missing).toEqual(['employees']);
  });

  it('names explain in errors', () => {
    expect(() => explain(atLeast('employees', Number.NaN), {})).toThrow(/^explain: predicate\.value/);
  });
});

describe('evaluate errors', () => {
  it('names evaluate in errors', () => {
    expect(() => evaluate(atLeast('employees', Number.NaN), {})).toThrow(/^evaluate: predicate\.value/);
  });
});

describe('date parsing edges', () => {
  it('rejects impossible times of day', () => {
    expect(parseIsoDate('2024-02-10T25:00Z')).toBeUndefined();
    expect(parseIsoDate('2024-02-10T23:00Z')).toBe(Date.UTC(2024, 1, 10, 23));
  });

  it('toTime trims ISO text', () => {
    expect(toTime(' 2024-01-31 ')).toBe(Date.UTC(2024, 0, 31));
  });

  it('toTime ignores numbers', () => {
    expect(toTime(Date.UTC(2024, 0, 31))).toBeUndefined();
    expect(toTime(null)).toBeUndefined();
  });

  it('toTime rejects an invalid Date', () => {
    expect(toTime(new Date(Number.NaN))).toBeUndefined();
    expect(toTime(new Date(Date.UTC(2024, 0, 31)))).toBe(Date.UTC(2024, 0, 31));
  });
});
