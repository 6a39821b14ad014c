import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fromQueryBuilder, toQueryBuilder } from '../../src/interop/index.js';
import { and, atLeast, between, contains, equals, exists, includesAll, named, not, oneOf, or } from '../../src/predicate/index.js';
import { queryBuilderSubsetArb } from './arbitraries.js';

function issuesOf(input: unknown): string[] {
  const result = fromQueryBuilder(input);
  return result.ok ? [] : result.issues.map((issue) => `${issue.code} ${issue.path}`);
}

describe('react-querybuilder round trip', () => {
  test.prop([queryBuilderSubsetArb])('import after export is identity', (p) => {
    const result = fromQueryBuilder(JSON.stringify(toQueryBuilder(p)));
    expect(result.issues).toBeUndefined();
    expect(result.predicate).toEqual(p);
  });
});

describe('toQueryBuilder', () => {
  it('writes the ICP as a group', () => {
    expect(toQueryBuilder(and(oneOf('industry', ['SaaS']), atLeast('employees', 100), includesAll('techStack', ['kubernetes'])))).toEqual({
      combinator: 'and',
      rules: [
        { field: 'industry', operator: 'in', value: ['SaaS'] },
        { field: 'employees', operator: '>=', value: 100 },
        { field: 'techStack', operator: 'includesAll', value: ['kubernetes'] },
      ],
    });
  });

  it('wraps a lone rule in a group', () => {
    expect(toQueryBuilder(exists('domain'))).toEqual({ combinator: 'and', rules: [{ field: 'domain', operator: 'notNull', value: '' }] });
  });

  it('writes negated text rules', () => {
    expect(toQueryBuilder(not(contains('title', 'intern'))).rules).toEqual([{ field: 'title', operator: 'doesNotContain', value: 'intern' }]);
  });

  it('inlines named predicates', () => {
    expect(toQueryBuilder(or(named('big', atLeast('employees', 1000)))).rules).toEqual([{ field: 'employees', operator: '>=', value: 1000 }]);
  });
});

describe('fromQueryBuilder', () => {
  it('reads form values', () => {
    const query = {
      id: 'root',
      combinator: 'and',
      not: false,
      rules: [
        { id: 'r1', field: 'industry', operator: 'in', value: 'SaaS, Finance' },
        { id: 'r2', field: 'employees', operator: 'between', value: '100,1000' },
        { id: 'r3', field: 'employees', operator: '>=', value: '50' },
        { id: 'r4', field: 'country', operator: '=', value: 'US', disabled: true },
      ],
    };
    expect(fromQueryBuilder(query).predicate).toEqual(
      and(oneOf('industry', ['SaaS', 'Finance']), between('employees', 100, 1000), atLeast('employees', 50)),
    );
  });

  it('parses numbers when asked', () => {
    const query = { combinator: 'or', rules: [{ field: 'employees', operator: '=', value: '100' }] };
    expect(fromQueryBuilder(query).predicate).toEqual(or(equals('employees', '100')));
    expect(fromQueryBuilder(query, { parseNumbers: true }).predicate).toEqual(or(equals('employees', 100)));
  });

  it('reads not on groups', () => {
    const query = { combinator: 'or', not: true, rules: [{ field: 'industry', operator: '=', value: 'Retail' }] };
    expect(fromQueryBuilder(query).predicate).toEqual(not(or(equals('industry', 'Retail'))));
  });

  it('rejects regular expressions', () => {
    const result = fromQueryBuilder({ combinator: 'and', rules: [{ field: 'title', operator: 'matches', value: '(a+)+$' }] });
    expect(result.issues?.[0]?.message).toContain('regular expressions are not accepted');
  });

  it('reports every problem by path', () => {
    const query = {
      combinator: 'and',
      rules: [
        { field: '__proto__', operator: '=', value: 1 },
        { field: 'employees', operator: '>', value: 'many' },
        { field: 'a', operator: '=', value: 'b', valueSource: 'field' },
        'and',
        { combinator: 'xor', rules: [] },
      ],
    };
    expect(issuesOf(query)).toEqual([
      'forbidden_key query.rules[0].field',
      'invalid_type query.rules[1].value',
      'invalid_value query.rules[2].valueSource',
      'invalid_type query.rules[3]',
      'invalid_value query.rules[4].combinator',
    ]);
  });

  it('never throws on odd input', () => {
    for (const input of [null, 'x', [], { combinator: 'and' }, { combinator: 'and', rules: [null] }, { combinator: 'and', rules: [{ field: 'a' }] }]) {
      expect(fromQueryBuilder(input).ok).toBe(false);
    }
  });
});
