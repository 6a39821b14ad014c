import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fromQueryBuilder, toQueryBuilder, type ImportResult, type PredicateIssue } from '../../src/interop/index.js';
import {
  and,
  atLeast,
  between,
  contains,
  containsAnyWord,
  equals,
  evaluate,
  exists,
  greaterThan,
  lessThan,
  missing,
  named,
  not,
  oneOf,
  or,
  type Predicate,
} from '../../src/predicate/index.js';
import { queryBuilderSubsetArb } from './arbitraries.js';

/** Reads a group holding one rule and returns the issues, or fails the test if the read succeeds. */
function ruleIssues(rule: Record<string, unknown>): readonly PredicateIssue[] {
  return issuesOf({ combinator: 'and', rules: [rule] });
}

/** Reads a query and returns the issues, or fails the test if the read succeeds. */
function issuesOf(input: unknown): readonly PredicateIssue[] {
  const result = fromQueryBuilder(input);
  expect(result.ok).toBe(false);
  return result.issues ?? [];
}

/** Reads a group holding one rule and returns the whole result. */
function importRule(rule: Record<string, unknown>): ImportResult {
  return fromQueryBuilder({ combinator: 'and', rules: [rule] });
}

/** Nests `count` groups, each the only rule of the one above, around `innermost` rules. */
function nestGroups(count: number, innermost: unknown[]): Record<string, unknown> {
  let group: Record<string, unknown> = { combinator: 'and', rules: innermost };
  for (let i = 1; i < count; i++) group = { combinator: 'and', rules: [group] };
  return group;
}

describe('toQueryBuilder negation and case', () => {
  it('ignoreCase false not written', () => {
    const node = { op: 'equals', field: 'country', value: 'US', ignoreCase: false } as Predicate;
    expect(toQueryBuilder(node)).toStrictEqual({ combinator: 'and', rules: [{ field: 'country', operator: '=', value: 'US' }] });
  });

  it('ignoreCase true written', () => {
    expect(toQueryBuilder(equals('country', 'us', { ignoreCase: true }))).toStrictEqual({
      combinator: 'and',
      rules: [{ field: 'country', operator: '=', value: 'us', ignoreCase: true }],
    });
  });

  it('negated named text rule inlined', () => {
    expect(toQueryBuilder(not(named('intern', contains('title', 'intern'))))).toStrictEqual({
      combinator: 'and',
      rules: [{ field: 'title', operator: 'doesNotContain', value: 'intern' }],
    });
  });

  it('negated plain rule wrapped', () => {
    expect(toQueryBuilder(not(equals('country', 'US')))).toStrictEqual({
      combinator: 'and',
      not: true,
      rules: [{ field: 'country', operator: '=', value: 'US' }],
    });
  });

  it('negated group sets not', () => {
    expect(toQueryBuilder(not(or(equals('country', 'US'), equals('country', 'CA'))))).toStrictEqual({
      combinator: 'or',
      not: true,
      rules: [
        { field: 'country', operator: '=', value: 'US' },
        { field: 'country', operator: '=', value: 'CA' },
      ],
    });
  });

  it('double negation keeps both groups', () => {
    expect(toQueryBuilder(not(not(or(equals('country', 'US')))))).toStrictEqual({
      combinator: 'and',
      not: true,
      rules: [{ combinator: 'or', not: true, rules: [{ field: 'country', operator: '=', value: 'US' }] }],
    });
  });

  it('unmapped operator names its path', () => {
    // compilePredicate accepts every operator that has a react-querybuilder name, so only a
    // node whose `op` changes between reads gets here. compilePredicate reads the `op` of an
    // `exists` leaf twice, and the export reads it afterwards.
    let reads = 0;
    const leaf = {
      field: 'domain',
      get op(): string {
        reads += 1;
        return reads <= 2 ? 'exists' : 'regex';
      },
    } as unknown as Predicate;
    let message = '';
    try {
      toQueryBuilder(and(named('site', not(and(leaf)))));
    } catch (error) {
      expect((error as Error).name).toBe('NetspearConfigError');
      message = (error as Error).message;
    }
    expect(message).toBe(
      'toQueryBuilder: predicate.predicates[0].predicate.predicate.predicates[0].op: operator regex has no react-querybuilder equivalent',
    );
  });
});

describe('fromQueryBuilder rule values', () => {
  it('equals rejects non-scalar values', () => {
    expect(ruleIssues({ field: 'country', operator: '=', value: null })).toStrictEqual([
      { code: 'invalid_type', path: 'query.rules[0].value', message: 'expected a string, finite number or boolean, received null' },
    ]);
    expect(ruleIssues({ field: 'country', operator: '!=', value: { code: 'US' } })).toStrictEqual([
      { code: 'invalid_type', path: 'query.rules[0].value', message: 'expected a string, finite number or boolean, received an object' },
    ]);
  });

  it('ordering operators read bounds', () => {
    expect(importRule({ field: 'employees', operator: '<', value: 100 })).toStrictEqual({ ok: true, predicate: and(lessThan('employees', 100)) });
    expect(importRule({ field: 'closedOn', operator: '>', value: ' 2024-01-31 ' })).toStrictEqual({
      ok: true,
      predicate: and(greaterThan('closedOn', '2024-01-31')),
    });
  });

  it('ordering operators reject non-bounds', () => {
    for (const [value, received] of [
      [true, 'true'],
      [['5'], 'an array'],
      ['many', '"many"'],
    ] as const) {
      expect(ruleIssues({ field: 'employees', operator: '>', value })).toStrictEqual([
        { code: 'invalid_type', path: 'query.rules[0].value', message: `expected a number or an ISO 8601 date, received ${received}` },
      ]);
    }
  });

  it('between rejects bad ranges', () => {
    const expected = 'expected two numbers or ISO 8601 dates, as an array or "min,max"';
    for (const [value, received] of [
      [5, '5'],
      [[1, 'many'], 'an array'],
      [['many', 5], 'an array'],
      [[1, 2, 3], 'an array'],
      ['1,2,3', '"1,2,3"'],
    ] as const) {
      expect(ruleIssues({ field: 'employees', operator: 'between', value })).toStrictEqual([
        { code: 'invalid_type', path: 'query.rules[0].value', message: `${expected}, received ${received}` },
      ]);
    }
  });

  it('text operators need a string', () => {
    expect(ruleIssues({ field: 'title', operator: 'contains', value: 5 })).toStrictEqual([
      { code: 'invalid_type', path: 'query.rules[0].value', message: 'expected a string, received 5' },
    ]);
  });

  it('null operators ignore the value', () => {
    const result = fromQueryBuilder({
      combinator: 'and',
      rules: [
        { field: 'domain', operator: 'notNull', value: '' },
        { field: 'phone', operator: 'null', value: '' },
      ],
    });
    expect(result).toStrictEqual({ ok: true, predicate: and(exists('domain'), missing('phone')) });
  });

  it('word lists read and checked', () => {
    expect(importRule({ field: 'title', operator: 'containsAnyWord', value: 'engineer, vice president' })).toStrictEqual({
      ok: true,
      predicate: and(containsAnyWord('title', ['engineer', 'vice president'])),
    });
    for (const [value, received] of [
      [5, '5'],
      [[], 'an array'],
      ['', '""'],
      [['engineer', 5], 'an array'],
    ] as const) {
      expect(ruleIssues({ field: 'title', operator: 'containsAnyWord', value })).toStrictEqual([
        { code: 'invalid_type', path: 'query.rules[0].value', message: `expected a list of words, received ${received}` },
      ]);
    }
  });

  it('list text drops empty items', () => {
    expect(importRule({ field: 'industry', operator: 'in', value: 'SaaS,, Finance ,' })).toStrictEqual({
      ok: true,
      predicate: and(oneOf('industry', ['SaaS', 'Finance'])),
    });
  });

  it('value lists reject bad elements', () => {
    for (const [value, received] of [
      [5, '5'],
      [['SaaS', null], 'an array'],
      [[null], 'an array'],
    ] as const) {
      expect(ruleIssues({ field: 'industry', operator: 'in', value })).toStrictEqual([
        { code: 'invalid_type', path: 'query.rules[0].value', message: `expected a list of strings, numbers or booleans, received ${received}` },
      ]);
    }
  });
});

describe('fromQueryBuilder rule operators', () => {
  it('operator must be a string', () => {
    expect(ruleIssues({ field: 'country', operator: 5, value: 'US' })).toStrictEqual([
      { code: 'invalid_type', path: 'query.rules[0].operator', message: 'expected an operator name, received 5' },
    ]);
    expect(ruleIssues({ field: 'country', value: 'US' })).toStrictEqual([
      { code: 'missing_key', path: 'query.rules[0].operator', message: 'expected an operator name, received undefined' },
    ]);
  });

  it('unknown operator message and hint', () => {
    const hint = " (regular expressions are not accepted: a rule author's pattern can hang the process)";
    expect(ruleIssues({ field: 'title', operator: 'like', value: 'CTO' })).toStrictEqual([
      { code: 'unknown_operator', path: 'query.rules[0].operator', message: 'operator "like" is not supported' },
    ]);
    expect(ruleIssues({ field: 'title', operator: 'matches', value: 'CTO' })).toStrictEqual([
      { code: 'unknown_operator', path: 'query.rules[0].operator', message: `operator "matches" is not supported${hint}` },
    ]);
    expect(ruleIssues({ field: 'title', operator: 'doesNotMatch', value: 'CTO' })).toStrictEqual([
      { code: 'unknown_operator', path: 'query.rules[0].operator', message: `operator "doesNotMatch" is not supported${hint}` },
    ]);
  });

  it('field comparison rejected', () => {
    expect(ruleIssues({ field: 'billingCountry', operator: '=', value: 'shippingCountry', valueSource: 'field' })).toStrictEqual([
      {
        code: 'invalid_value',
        path: 'query.rules[0].valueSource',
        message: 'comparing two fields is not supported; compare a field with a value',
      },
    ]);
  });
});

describe('fromQueryBuilder groups', () => {
  it('group must be an object', () => {
    expect(issuesOf(null)).toStrictEqual([{ code: 'invalid_type', path: 'query', message: 'expected a rule group object, received null' }]);
    expect(issuesOf([])).toStrictEqual([{ code: 'invalid_type', path: 'query', message: 'expected a rule group object, received an array' }]);
  });

  it('combinator missing or unknown', () => {
    const advice = 'convert independent combinators with convertFromIC first';
    expect(issuesOf({ rules: [] })).toStrictEqual([
      { code: 'missing_key', path: 'query.combinator', message: `expected "and" or "or", received undefined; ${advice}` },
    ]);
    expect(issuesOf({ combinator: 'xor', rules: [] })).toStrictEqual([
      { code: 'invalid_value', path: 'query.combinator', message: `expected "and" or "or", received "xor"; ${advice}` },
    ]);
  });

  it('rules must be an array', () => {
    expect(issuesOf({ combinator: 'and' })).toStrictEqual([
      { code: 'missing_key', path: 'query.rules', message: 'expected an array of rules and groups, received undefined' },
    ]);
    expect(issuesOf({ combinator: 'or', rules: 'a' })).toStrictEqual([
      { code: 'invalid_type', path: 'query.rules', message: 'expected an array of rules and groups, received "a"' },
    ]);
  });

  it('rule must be an object', () => {
    expect(issuesOf({ combinator: 'and', rules: ['and'] })).toStrictEqual([
      {
        code: 'invalid_type',
        path: 'query.rules[0]',
        message: 'expected a rule or a rule group (independent combinators are not supported), received "and"',
      },
    ]);
  });

  it('disabled and muted rules skipped', () => {
    const query = {
      combinator: 'and',
      rules: [
        { field: 'country', operator: 'bogus', value: 'US', disabled: true },
        { field: 'country', operator: 'bogus', value: 'US', muted: true },
        { field: 'industry', operator: '=', value: 'SaaS', disabled: false, muted: false },
      ],
    };
    expect(fromQueryBuilder(query)).toStrictEqual({ ok: true, predicate: and(equals('industry', 'SaaS')) });
  });

  it('sixty-four nested levels accepted', () => {
    // The root is level 0, so 65 groups reach level 64. The innermost group is empty because
    // compilePredicate also limits nesting to 64 levels and counts a rule as one more.
    let expected: Predicate = and();
    for (let i = 1; i < 65; i++) expected = and(expected);
    expect(fromQueryBuilder(nestGroups(65, []))).toStrictEqual({ ok: true, predicate: expected });
  });

  it('sixty-five nested levels rejected', () => {
    expect(issuesOf(nestGroups(66, []))).toStrictEqual([
      { code: 'too_deep', path: `query${'.rules[0]'.repeat(65)}`, message: 'groups nest more than 64 levels deep' },
    ]);
  });
});

describe('fromQueryBuilder failures', () => {
  it('invalid JSON text reported', () => {
    let parseMessage = '';
    try {
      JSON.parse('{"combinator":');
    } catch (error) {
      parseMessage = (error as Error).message;
    }
    expect(issuesOf('{"combinator":')).toStrictEqual([{ code: 'invalid_json', path: '', message: `invalid JSON: ${parseMessage}` }]);
  });

  it('throwing getter reported', () => {
    for (const [thrown, text] of [
      [new Error('getter failed'), 'getter failed'],
      ['plain text', 'plain text'],
      [null, 'null'],
    ] as const) {
      const query = {
        rules: [],
        get combinator(): string {
          throw thrown;
        },
      };
      expect(issuesOf(query)).toStrictEqual([{ code: 'invalid_value', path: 'query', message: `reading the query failed: ${text}` }]);
    }
  });

  it('reports compile errors at the rule', () => {
    expect(importRule({ field: 'title', operator: 'containsAnyWord', value: ['!!!'] })).toStrictEqual({
      ok: false,
      issues: [{ code: 'invalid_value', path: 'query.rules[0].value[0]', message: 'expected a word with letters or digits, received "!!!"' }],
    });
  });

  it('counts disabled rules in the path', () => {
    const result = fromQueryBuilder({
      combinator: 'and',
      rules: [
        { field: 'title', operator: '=', value: 'CTO', disabled: true },
        { field: 'title', operator: 'doesNotContain', value: 'a' },
        { field: 'title', operator: 'containsAnyWord', value: ['!!!'] },
        { field: 'employees', operator: 'between', value: [1000, 10] },
      ],
    });

    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['query.rules[2].value[0]', 'query.rules[3].value']);
  });

  it('copies the word list once', () => {
    let reads = 0;
    const words: string[] = [];
    Object.defineProperty(words, 0, {
      enumerable: true,
      get(): string {
        reads += 1;
        return reads > 1 ? '!!!' : 'engineer';
      },
    });
    const result = importRule({ field: 'title', operator: 'containsAnyWord', value: words });

    expect(result).toStrictEqual({ ok: true, predicate: { op: 'and', predicates: [{ op: 'contains_any_word', field: 'title', words: ['engineer'] }] } });
    expect(reads).toBe(1);
  });
});

describe('react-querybuilder export law', () => {
  const leafArb = fc.oneof(
    queryBuilderSubsetArb,
    fc.constantFrom(equals('industry', 'SaaS'), atLeast('employees', 100), between('employees', 10, 400), contains('industry', 'a')),
  );
  const predicateArb: fc.Arbitrary<Predicate> = fc.letrec<{ p: Predicate }>((tie) => ({
    p: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb,
      tie('p').map((inner) => not(inner)),
      tie('p').map((inner) => named('part', inner)),
      fc.array(tie('p'), { maxLength: 3 }).map((parts) => and(...parts)),
      fc.array(tie('p'), { maxLength: 3 }).map((parts) => or(...parts)),
    ),
  })).p;
  const recordArb = fc.record(
    {
      industry: fc.constantFrom('SaaS', 'saas', 'Finance', 'US', '100', 'a,b'),
      employees: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constant('100')),
      techStack: fc.array(fc.constantFrom('kubernetes', 'SaaS', 'US', 100, true), { maxLength: 3 }),
      address: fc.record({ country: fc.constantFrom('US', 'us', 'SaaS') }),
      closedOn: fc.constantFrom('2024-03-01', '2023-12-31'),
    },
    { requiredKeys: [] },
  );

  test.prop([predicateArb, recordArb])('import after export evaluates alike', (p, record) => {
    const result = fromQueryBuilder(toQueryBuilder(p));
    expect(result.issues).toBeUndefined();
    expect(evaluate(result.predicate as Predicate, record)).toBe(evaluate(p, record));
  });
});
