import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fromJsonLogic, fromQueryBuilder, parsePredicate, toPredicateJson } from '../../src/interop/index.js';
import { and, atLeast, evaluate, named, oneOf, or, type Predicate } from '../../src/predicate/index.js';
import { recordArb, uniquelyNamedArb } from '../predicate/arbitraries.js';

/** Parses a document and returns its issues as `code path` strings. */
function issuesOf(input: unknown): string[] {
  const result = parsePredicate(input);
  return result.ok ? [] : result.issues.map((issue) => `${issue.code} ${issue.path}`);
}

function doc(predicate: unknown, extra: Record<string, unknown> = {}): unknown {
  return { version: 1, predicate, ...extra };
}

describe('JSON round trip', () => {
  test.prop([uniquelyNamedArb])('parse after write is identity', (p) => {
    const text = JSON.stringify(toPredicateJson(p));
    const result = parsePredicate(text);
    expect(result.issues).toBeUndefined();
    expect(result.predicate).toEqual(p);
  });

  test.prop([uniquelyNamedArb, recordArb])('parsed predicate evaluates alike', (p, record) => {
    const result = parsePredicate(toPredicateJson(p));
    expect(result.ok).toBe(true);
    expect(evaluate(result.predicate as Predicate, record)).toBe(evaluate(p, record));
  });

  it('writes named predicates once', () => {
    const enterprise = named('enterprise', atLeast('employees', 1000));
    const document = toPredicateJson(or(and(enterprise, oneOf('industry', ['SaaS'])), enterprise));
    expect(document.definitions).toEqual({ enterprise: { op: 'gte', field: 'employees', value: 1000 } });
    expect(JSON.stringify(document.predicate).match(/"ref"/g)).toHaveLength(2);
  });

  it('rejects two bodies for one name', () => {
    const a = named('x', atLeast('employees', 1));
    const b = named('x', atLeast('employees', 2));
    expect(() => toPredicateJson(and(a, b))).toThrow('two different sub-predicates are named "x"');
  });

  it('rejects an invalid predicate', () => {
    expect(() => toPredicateJson(atLeast('employees', Number.NaN))).toThrow('toPredicateJson: predicate.value');
  });
});

describe('parsePredicate', () => {
  it('reads a JSON string', () => {
    const result = parsePredicate('{"version":1,"predicate":{"op":"gte","field":"employees","value":100}}');
    expect(result.predicate).toEqual(atLeast('employees', 100));
  });

  it('rejects __proto__ in a field path', () => {
    expect(issuesOf(doc({ op: 'exists', field: '__proto__.polluted' }))).toEqual(['forbidden_key predicate.field']);
    expect(issuesOf(doc({ op: 'exists', field: 'a.constructor' }))).toEqual(['forbidden_key predicate.field']);
    expect(issuesOf(doc({ op: 'exists', field: 'prototype' }))).toEqual(['forbidden_key predicate.field']);
  });

  it('rejects __proto__ from JSON text', () => {
    const text = '{"version":1,"predicate":{"op":"equals","field":"__proto__","value":1}}';
    expect(issuesOf(text)).toEqual(['forbidden_key predicate.field']);
    expect(({} as Record<string, unknown>)['value']).toBeUndefined();
  });

  it('reports every problem by path', () => {
    const input = doc({
      op: 'and',
      predicates: [
        { op: 'greater', field: 'employees', value: 1 },
        { op: 'gte', field: 'employees', value: 'many' },
        { op: 'one_of', field: 'industry', values: ['SaaS', null], ignorecase: true },
        { op: 'between', field: 'employees', min: 10, max: 1 },
        { op: 'exists' },
      ],
    });
    expect(issuesOf(input)).toEqual([
      'unknown_operator predicate.predicates[0].op',
      'invalid_value predicate.predicates[1].value',
      'unknown_key predicate.predicates[2].ignorecase',
      'invalid_type predicate.predicates[2].values[1]',
      'invalid_value predicate.predicates[3]',
      'missing_key predicate.predicates[4].field',
    ]);
  });

  it('checks the version', () => {
    expect(issuesOf({ predicate: { op: 'exists', field: 'a' } })).toEqual(['missing_key version']);
    expect(issuesOf({ version: 2, predicate: { op: 'exists', field: 'a' } })).toEqual(['unsupported_version version']);
  });

  it('rejects unknown document keys', () => {
    expect(issuesOf(doc({ op: 'exists', field: 'a' }, { extra: 1 }))).toEqual(['unknown_key extra']);
  });

  it('reports bad JSON text', () => {
    expect(issuesOf('{"version":1,')).toEqual(['invalid_json ']);
  });

  it('never throws on odd input', () => {
    for (const input of [null, 1, [], 'null', { version: 1 }, { version: 1, predicate: [] }, doc({ op: 'and', predicates: 'x' })]) {
      expect(parsePredicate(input).ok).toBe(false);
    }
  });

  it('resolves references to named nodes', () => {
    const result = parsePredicate(doc({ op: 'ref', name: 'big' }, { definitions: { big: { op: 'gte', field: 'employees', value: 1000 } } }));
    expect(result.predicate).toEqual(named('big', atLeast('employees', 1000)));
  });

  it('rejects unknown and circular references', () => {
    expect(issuesOf(doc({ op: 'ref', name: 'nope' }))).toEqual(['unknown_reference predicate.name']);
    const cycle = doc({ op: 'ref', name: 'a' }, { definitions: { a: { op: 'not', predicate: { op: 'ref', name: 'a' } } } });
    expect(issuesOf(cycle)).toContain('circular_reference definitions.a.predicate.name');
  });

  it('rejects a reference to __proto__', () => {
    expect(issuesOf(doc({ op: 'ref', name: '__proto__' }))).toEqual(['unknown_reference predicate.name']);
  });

  it('limits nesting depth', () => {
    let deep: unknown = { op: 'exists', field: 'a' };
    for (let i = 0; i < 10_000; i++) deep = { op: 'not', predicate: deep };
    expect(issuesOf(doc(deep))).toHaveLength(1);
    expect(issuesOf(doc(deep))[0]).toMatch(/^too_deep /);
  });

  it('reads dates and rejects unzoned times', () => {
    expect(parsePredicate(doc({ op: 'between', field: 'closedOn', min: '2024-01-01', max: '2024-12-31' })).ok).toBe(true);
    expect(issuesOf(doc({ op: 'gt', field: 'closedOn', value: '2024-01-01T10:00' }))).toEqual(['invalid_value predicate.value']);
  });

  it('says what a bound may be', () => {
    const result = parsePredicate(doc({ op: 'gte', field: 'employees', value: '100' }));

    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      'expected a finite number or an ISO 8601 date such as "2024-01-31" (a date-time needs a zone), received "100"',
    ]);
  });
});

describe('hostile input', () => {
  const hostile = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('trap failed');
      },
      getOwnPropertyDescriptor() {
        throw new Error('trap failed');
      },
    },
  );

  it('parsers report throwing proxies', () => {
    expect(parsePredicate({ version: 1, predicate: hostile }).ok).toBe(false);
    expect(fromJsonLogic(hostile).ok).toBe(false);
    expect(fromQueryBuilder({ combinator: 'and', rules: [hostile] }).ok).toBe(false);
  });
});
