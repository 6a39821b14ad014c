import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  and,
  atLeast,
  containsAnyWord,
  equals,
  evaluate,
  exists,
  includesAll,
  isTrue,
  missing,
  not,
  oneOf,
  or,
  type Outcome,
  type Predicate,
} from '../../src/predicate/index.js';
import { optionsArb, predicateArb, recordArb } from './arbitraries.js';

/** Records that fast-check builds from anything, including null-prototype objects and boxed values. */
const anythingArb = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

describe('Kleene laws', () => {
  test.prop([predicateArb, recordArb, optionsArb])('double negation is identity', (p, record, options) => {
    expect(evaluate(not(not(p)), record, options)).toBe(evaluate(p, record, options));
  });

  test.prop([predicateArb, predicateArb, recordArb])('De Morgan for and', (p, q, record) => {
    expect(evaluate(not(and(p, q)), record)).toBe(evaluate(or(not(p), not(q)), record));
  });

  test.prop([predicateArb, predicateArb, recordArb])('De Morgan for or', (p, q, record) => {
    expect(evaluate(not(or(p, q)), record)).toBe(evaluate(and(not(p), not(q)), record));
  });

  test.prop([predicateArb, predicateArb, recordArb])('and is commutative', (p, q, record) => {
    expect(evaluate(and(p, q), record)).toBe(evaluate(and(q, p), record));
  });

  test.prop([predicateArb, predicateArb, recordArb])('or is commutative', (p, q, record) => {
    expect(evaluate(or(p, q), record)).toBe(evaluate(or(q, p), record));
  });

  test.prop([predicateArb, predicateArb, predicateArb, recordArb])('and is associative', (p, q, r, record) => {
    const left = evaluate(and(and(p, q), r), record);
    expect(evaluate(and(p, and(q, r)), record)).toBe(left);
    expect(evaluate(and(p, q, r), record)).toBe(left);
  });

  test.prop([predicateArb, predicateArb, predicateArb, recordArb])('or is associative', (p, q, r, record) => {
    const left = evaluate(or(or(p, q), r), record);
    expect(evaluate(or(p, or(q, r)), record)).toBe(left);
    expect(evaluate(or(p, q, r), record)).toBe(left);
  });

  test.prop([predicateArb, predicateArb, fc.array(recordArb, { maxLength: 20 })])(
    'and narrows the matches',
    (p, q, records) => {
      const both = records.filter((r) => evaluate(and(p, q), r) === 'match');
      const first = records.filter((r) => evaluate(p, r) === 'match');
      expect(first).toEqual(expect.arrayContaining(both));
    },
  );

  test.prop([predicateArb, predicateArb, recordArb])('or widens the matches', (p, q, record) => {
    fc.pre(evaluate(p, record) === 'match');
    expect(evaluate(or(p, q), record)).toBe('match');
  });
});

describe('evaluation safety', () => {
  test.prop([predicateArb, anythingArb, optionsArb])('never throws on anything', (p, record, options) => {
    const outcome: Outcome = evaluate(p, record, options);
    expect(['match', 'no_match', 'unknown']).toContain(outcome);
  });

  test.prop([predicateArb, fc.record({ employees: anythingArb, title: anythingArb, techStack: anythingArb })])(
    'never throws on odd values',
    (p, record) => {
      expect(['match', 'no_match', 'unknown']).toContain(evaluate(p, record));
    },
  );

  test.prop([predicateArb])('never throws on __proto__ key', (p) => {
    const record: unknown = JSON.parse('{"__proto__": {"x": 1}, "address": {"__proto__": {"country": "US"}}}');
    expect(['match', 'no_match', 'unknown']).toContain(evaluate(p, record));
  });

  it('own __proto__ key is not read through', () => {
    const record: unknown = JSON.parse('{"__proto__": {"employees": 500}}');
    expect(evaluate(atLeast('employees', 100), record)).toBe('unknown');
  });

  it('throwing getter gives unknown', () => {
    const record = {
      get employees(): number {
        throw new Error('getter failed');
      },
    };
    expect(evaluate(atLeast('employees', 100), record)).toBe('unknown');
  });

  it('throwing proxy reads as missing', () => {
    const record = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('trap failed');
        },
        has() {
          throw new Error('trap failed');
        },
      },
    );
    expect(evaluate(exists('employees'), record)).toBe('no_match');
    expect(evaluate(atLeast('employees', 1), record)).toBe('unknown');
  });

  // A getter that throws reads as missing, so only the leaf that reads it is unknown and `or`
  // matches whichever order the leaves come in.
  it('throwing getter spares sibling leaves', () => {
    const record = {
      industry: 'SaaS',
      get employees(): number {
        throw new Error('getter failed');
      },
    };
    expect(evaluate(or(atLeast('employees', 100), equals('industry', 'SaaS')), record)).toBe('match');
  });

  it('throwing getter after decisive leaf', () => {
    const record = {
      industry: 'SaaS',
      get employees(): number {
        throw new Error('getter failed');
      },
    };
    expect(evaluate(or(equals('industry', 'SaaS'), atLeast('employees', 100)), record)).toBe('match');
  });
});

describe('JSON form', () => {
  test.prop([predicateArb, recordArb, optionsArb])('survives JSON round trip', (p, record, options) => {
    const copy = JSON.parse(JSON.stringify(p)) as Predicate;
    expect(evaluate(copy, record, options)).toBe(evaluate(p, record, options));
  });

  it('factories build plain data', () => {
    const p = and(oneOf('industry', ['SaaS'], { ignoreCase: true }), not(isTrue('churned')));
    expect(p).toEqual({
      op: 'and',
      predicates: [
        { op: 'one_of', field: 'industry', values: ['SaaS'], ignoreCase: true },
        { op: 'not', predicate: { op: 'is_true', field: 'churned' } },
      ],
    });
  });

  it('factories copy value lists', () => {
    const values = ['kubernetes'];
    const p = includesAll('techStack', values);
    values.push('react');
    expect(evaluate(p, { techStack: ['kubernetes'] })).toBe('match');
  });

  it('evaluates hand-written JSON', () => {
    const p = JSON.parse('{"op":"contains_any_word","field":"title","words":["engineer"]}') as Predicate;
    expect(evaluate(p, { title: 'Staff Engineer' })).toBe('match');
  });

  it('missing is the negation of exists', () => {
    expect(evaluate(missing('title'), {})).toBe(evaluate(not(exists('title')), {}));
    expect(evaluate(containsAnyWord('title', ['cto']), {})).toBe('unknown');
  });
});
