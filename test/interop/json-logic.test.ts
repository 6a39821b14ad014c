import { fc, test } from '@fast-check/vitest';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { fromJsonLogic, toJsonLogic } from '../../src/interop/index.js';
import { and, atLeast, between, equals, evaluate, exists, includesAll, isTrue, lessThan, notEquals, oneOf, startsWith } from '../../src/predicate/index.js';
import { jsonLogicSubsetArb } from './arbitraries.js';

function issuesOf(input: unknown): string[] {
  const result = fromJsonLogic(input);
  return result.ok ? [] : result.issues.map((issue) => `${issue.code} ${issue.path}`);
}

describe('JsonLogic round trip', () => {
  test.prop([jsonLogicSubsetArb])('import after export is identity', (p) => {
    const result = fromJsonLogic(JSON.stringify(toJsonLogic(p)));
    expect(result.issues).toBeUndefined();
    expect(result.predicate).toEqual(p);
  });

  // On complete records of the right types, json-logic-js and netspear agree; they part ways
  // only on missing or mistyped data, where JsonLogic coerces.
  const completeRecordArb = fc.record({
    industry: fc.constantFrom('SaaS', 'Finance', 'US'),
    employees: fc.integer({ min: -5, max: 500 }),
    techStack: fc.array(fc.constantFrom('kubernetes', 'SaaS', '100'), { maxLength: 3 }),
  });
  const completeArb = jsonLogicSubsetArb.filter((p) => {
    const text = JSON.stringify(p);
    // Dates compare as text in JsonLogic and as instants in netspear.
    return !text.includes('2024') && !text.includes('address.country') && !text.includes('closedOn');
  });

  test.prop([completeArb, completeRecordArb])('agrees with json-logic-js on complete data', (p, record) => {
    const ours = evaluate(p, record);
    fc.pre(ours !== 'unknown');
    // JsonLogic has its own truthiness: an empty array, such as `missing` returns, is false.
    expect(jsonLogic.truthy(jsonLogic.apply(toJsonLogic(p) as jsonLogic.RulesLogic, record))).toBe(ours === 'match');
  });
});

describe('toJsonLogic', () => {
  it('writes the ICP', () => {
    expect(toJsonLogic(and(oneOf('industry', ['SaaS', 'Finance']), atLeast('employees', 100), includesAll('techStack', ['kubernetes'])))).toEqual({
      and: [
        { in: [{ var: 'industry' }, ['SaaS', 'Finance']] },
        { '>=': [{ var: 'employees' }, 100] },
        { in: ['kubernetes', { var: 'techStack' }] },
      ],
    });
  });

  it('writes flags as strict equality', () => {
    expect(toJsonLogic(isTrue('active'))).toEqual({ '===': [{ var: 'active' }, true] });
  });

  it('rejects text operators', () => {
    expect(() => toJsonLogic(startsWith('title', 'VP'))).toThrow('no JsonLogic equivalent');
    expect(() => toJsonLogic(equals('country', 'us', { ignoreCase: true }))).toThrow('predicate.ignoreCase');
  });

  it('JsonLogic coerces missing values', () => {
    // The reason netspear evaluates rules itself: JsonLogic rates a company of unknown size as small.
    const rule = toJsonLogic(lessThan('employees', 50));
    expect(jsonLogic.apply(rule as jsonLogic.RulesLogic, { employees: null })).toBe(true);
    expect(evaluate(lessThan('employees', 50), { employees: null })).toBe('unknown');
    expect(jsonLogic.apply(toJsonLogic(notEquals('country', 'US')) as jsonLogic.RulesLogic, {})).toBe(true);
    expect(evaluate(notEquals('country', 'US'), {})).toBe('unknown');
  });
});

describe('fromJsonLogic', () => {
  it('reads loose equality as strict', () => {
    expect(fromJsonLogic({ '==': [{ var: 'employees' }, 1] }).predicate).toEqual(equals('employees', 1));
  });

  it('reads flipped comparisons', () => {
    expect(fromJsonLogic({ '<': [100, { var: 'employees' }] }).predicate).toEqual({ op: 'gt', field: 'employees', value: 100 });
  });

  it('reads three-argument ranges', () => {
    expect(fromJsonLogic({ '<=': [1, { var: 'employees' }, 10] }).predicate).toEqual(between('employees', 1, 10));
    expect(fromJsonLogic({ '<': [1, { var: 'employees' }, 10] }).predicate).toEqual({
      op: 'and',
      predicates: [{ op: 'gt', field: 'employees', value: 1 }, { op: 'lt', field: 'employees', value: 10 }],
    });
  });

  it('reads negated missing as exists', () => {
    expect(fromJsonLogic({ '!': { missing: ['techStack'] } }).predicate).toEqual(exists('techStack'));
  });

  it('reports every problem by path', () => {
    const rule = { and: [{ regex: ['x'] }, { '>': [{ var: 'employees' }, 'many'] }, { '==': [{ var: '__proto__.x' }, 1] }, { var: ['a', 0] }] };
    expect(issuesOf(rule)).toEqual([
      'unknown_operator logic.and[0].regex',
      'invalid_value logic.and[1].>',
      'forbidden_key logic.and[2].==[0].var',
      'invalid_value logic.and[2].==',
      'unknown_operator logic.and[3].var',
    ]);
  });

  it('rejects var defaults', () => {
    expect(issuesOf({ '==': [{ var: ['industry', 'SaaS'] }, 'SaaS'] })).toContain('invalid_value logic.==[0].var');
  });

  it('never throws on odd input', () => {
    for (const input of [null, 1, 'not json', [], { and: 'x' }, { '!': [] }, { in: [1, 2] }, { missing: [] }]) {
      expect(fromJsonLogic(input).ok).toBe(false);
    }
  });
});
