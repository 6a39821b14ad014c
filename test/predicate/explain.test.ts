import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { icp } from '../../src/icp/index.js';
import { ConfigError } from '../../src/internal/config-error.js';
import {
  and,
  atLeast,
  describeClause,
  evaluate,
  explain,
  explainer,
  includesAll,
  named,
  not,
  oneOf,
  or,
} from '../../src/predicate/index.js';
import { optionsArb, predicateArb, recordArb } from './arbitraries.js';

const saas = oneOf('industry', ['SaaS', 'Finance']);
const big = atLeast('employees', 100);
const k8s = includesAll('techStack', ['kubernetes']);
const profile = and(saas, big, k8s);

describe('explain', () => {
  it('no_match names the failing clause', () => {
    const result = explain(profile, { industry: 'Retail', employees: 500, techStack: ['kubernetes'] });
    expect(result.outcome).toBe('no_match');
    expect(result.decidedBy.map((c) => c.clause)).toEqual(['industry in ["SaaS","Finance"]']);
    expect(result.decidedBy[0]?.path).toBe('predicate.predicates[0]');
  });

  it('no_match beats a missing field', () => {
    const result = explain(profile, { industry: 'Retail', techStack: ['kubernetes'] });
    expect(result.outcome).toBe('no_match');
    expect(result.missing).toEqual(['employees']);
    expect(result.decidedBy.map((c) => c.field)).toEqual(['industry']);
  });

  it('unknown lists missing and wrong types', () => {
    const result = explain(profile, { industry: 'SaaS', employees: '250', techStack: null });
    expect(result.outcome).toBe('unknown');
    expect(result.decidedBy.map((c) => [c.field, c.reason])).toEqual([
      ['employees', 'wrong_type'],
      ['techStack', 'missing'],
    ]);
    expect(result.missing).toEqual(['techStack']);
    expect(result.wrongType).toEqual(['employees']);
  });

  it('match lists every clause of and', () => {
    const result = explain(profile, { industry: 'SaaS', employees: 500, techStack: ['kubernetes'] });
    expect(result.outcome).toBe('match');
    expect(result.decidedBy).toHaveLength(3);
  });

  it('or match names the matching part', () => {
    const result = explain(or(big, saas), { industry: 'SaaS' });
    expect(result.outcome).toBe('match');
    expect(result.decidedBy.map((c) => c.field)).toEqual(['industry']);
    expect(result.missing).toEqual(['employees']);
  });

  it('not keeps the deciding clause', () => {
    const result = explain(not(saas), { industry: 'SaaS' });
    expect(result.outcome).toBe('no_match');
    expect(result.decidedBy[0]?.outcome).toBe('match');
  });

  it('named sub-predicates appear in within', () => {
    const enterprise = named('enterprise', and(big, k8s));
    const result = explain(and(saas, enterprise), { industry: 'SaaS', employees: 10, techStack: [] });
    expect(result.decidedBy.map((c) => c.within)).toEqual([['enterprise'], ['enterprise']]);
  });

  it('uses the options of an ICP', () => {
    const fromCsv = icp(big, { parseStrings: true });
    expect(explain(fromCsv, { employees: '250' }).outcome).toBe('match');
  });

  it('rejects an invalid predicate', () => {
    expect(() => explainer(atLeast('employees', Number.NaN))).toThrow(ConfigError);
  });

  it('never throws on hostile proxy', () => {
    const record = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error('trap failed'); } });
    expect(explain(profile, record).outcome).toBe('unknown');
  });

  test.prop([predicateArb, recordArb, optionsArb])('agrees with evaluate', (p, record, options) => {
    expect(explain(p, record, options).outcome).toBe(evaluate(p, record, options));
  });

  test.prop([predicateArb, recordArb])('unknown has an unknown clause', (p, record) => {
    const result = explain(p, record);
    fc.pre(result.outcome === 'unknown');
    expect(result.decidedBy.length).toBeGreaterThan(0);
    expect(result.decidedBy.every((c) => c.outcome === 'unknown' && c.reason !== undefined)).toBe(true);
  });
});

describe('describeClause', () => {
  it('writes operators in words', () => {
    expect(describeClause(big)).toBe('employees >= 100');
    expect(describeClause(oneOf('country', ['us'], { ignoreCase: true }))).toBe('country in ["us"] (ignoring case)');
  });
});
