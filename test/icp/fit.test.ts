import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { icpFit } from '../../src/icp/index.js';
import { ConfigError } from '../../src/internal/config-error.js';
import { atLeast, equals, includesAny, oneOf } from '../../src/predicate/index.js';
import { predicateArb, recordArb } from '../predicate/arbitraries.js';

const fit = icpFit({
  criteria: [
    { id: 'industry', when: oneOf('industry', ['SaaS', 'Finance']), weight: 3 },
    { id: 'size', when: atLeast('employees', 100), weight: 2 },
    { id: 'kubernetes', when: includesAny('techStack', ['kubernetes']), weight: 1 },
  ],
});

describe('icpFit', () => {
  it('full match scores 100', () => {
    const result = fit.score({ industry: 'SaaS', employees: 500, techStack: ['kubernetes'] });
    expect(result.score).toBe(100);
    expect(result.coverage).toBe(1);
    expect(result.tier).toBe('Tier 1');
  });

  it('weights decide the score', () => {
    const result = fit.score({ industry: 'Retail', employees: 500, techStack: ['kubernetes'] });
    expect(result.score).toBeCloseTo(50);
    expect(result.tier).toBe('Tier 2');
  });

  it('unknown earns nothing and lowers coverage', () => {
    const result = fit.score({ industry: 'SaaS', employees: 500 });
    expect(result.score).toBeCloseTo((100 * 5) / 6);
    expect(result.maxScore).toBe(100);
    expect(result.coverage).toBeCloseTo(5 / 6);
    expect(result.criteria.map((c) => c.outcome)).toEqual(['match', 'match', 'unknown']);
  });

  it('no data scores 0 with no coverage', () => {
    const result = fit.score({});
    expect(result).toMatchObject({ score: 0, maxScore: 100, coverage: 0, tier: 'Tier 3' });
  });

  it('minCoverage withholds the tier', () => {
    const strict = icpFit({ criteria: fit.criteria, minCoverage: 0.9 });
    expect(strict.score({ industry: 'SaaS', employees: 500 }).tier).toBeUndefined();
    expect(strict.score({ industry: 'SaaS', employees: 500, techStack: [] }).tier).toBe('Tier 1');
  });

  it('custom tiers sort by min', () => {
    const custom = icpFit({ criteria: fit.criteria, tiers: [{ name: 'C' }, { name: 'A', min: 90 }, { name: 'B', min: 50 }] });
    expect(custom.tiers.map((t) => t.name)).toEqual(['A', 'B', 'C']);
    expect(custom.score({ industry: 'SaaS', employees: 1 }).tier).toBe('B');
  });

  it('rejects bad weights', () => {
    const build = (weight: number) => () => icpFit({ criteria: [{ id: 'a', when: atLeast('x', 1), weight }] });
    expect(build(0)).toThrow(ConfigError);
    expect(build(-1)).toThrow('criteria[0].weight');
    expect(build(Number.NaN)).toThrow('received NaN');
  });

  it('rejects duplicate ids and bad tiers', () => {
    const when = atLeast('x', 1);
    expect(() => icpFit({ criteria: [{ id: 'a', when, weight: 1 }, { id: 'a', when, weight: 1 }] })).toThrow('criteria[1].id');
    expect(() => icpFit({ criteria: [{ id: 'a', when, weight: 1 }], tiers: [{ name: 'x', min: 120 }] })).toThrow('tiers[0].min');
    expect(() => icpFit({ criteria: [{ id: 'a', when, weight: 1 }], minCoverage: 2 })).toThrow('minCoverage');
    expect(() => icpFit({ criteria: [] })).toThrow('criteria');
  });

  it('names the broken criterion', () => {
    expect(() => icpFit({ criteria: [{ id: 'a', when: atLeast('x', Number.NaN), weight: 1 }] })).toThrow('icpFit: criteria[0].when.value');
  });

  test.prop([fc.array(fc.tuple(predicateArb, fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 4 }), recordArb])(
    'score lies within its range',
    (parts, record) => {
      const random = icpFit({ criteria: parts.map(([when, weight], i) => ({ id: `c${i}`, when, weight })) });
      const result = random.score(record);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(result.maxScore + 1e-9);
      expect(result.maxScore).toBeLessThanOrEqual(100 + 1e-9);
      expect(result.coverage).toBeGreaterThanOrEqual(0);
      expect(result.coverage).toBeLessThanOrEqual(1);
      // The gap between the score and its maximum is the weight coverage could not decide.
      expect(result.maxScore - result.score).toBeCloseTo(100 * (1 - result.coverage));
    },
  );
});

describe('icpFit options', () => {
  it('rejects invalid placeholders', () => {
    const build = (placeholders: unknown) => () =>
      icpFit({ criteria: [{ id: 'saas', when: equals('industry', 'SaaS'), weight: 1 }], placeholders: placeholders as string[] });
    expect(build('Select')).toThrow(/icpFit: placeholders: expected an array of strings, received "Select"/);
    expect(build([5])).toThrow(ConfigError);
  });
});
