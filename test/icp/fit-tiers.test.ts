import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { icpFit } from '../../src/icp/index.js';
import { ConfigError } from '../../src/internal/config-error.js';
import { atLeast, isTrue } from '../../src/predicate/index.js';

/** A fit of four equal criteria, so that n flags set score 25 × n. */
const quarters = icpFit({
  criteria: ['a', 'b', 'c', 'd'].map((id) => ({ id, when: isTrue(id), weight: 1 })),
  tiers: [{ name: 'high', min: 75 }, { name: 'mid', min: 50 }, { name: 'low' }],
});

/** Builds a company with the first `set` flags true, the next `unset` false, and the rest missing. */
function company(set: number, unset = 4 - set): Record<string, boolean> {
  const ids = ['a', 'b', 'c', 'd'];
  return Object.fromEntries(ids.slice(0, set + unset).map((id, i) => [id, i < set]));
}

describe('icpFit tiers', () => {
  it('tier min is inclusive', () => {
    expect(quarters.score(company(3)).tier).toBe('high');
    expect(quarters.score(company(2)).tier).toBe('mid');
    expect(quarters.score(company(1)).tier).toBe('low');
  });

  it('no catch-all leaves tier undefined', () => {
    const noCatchAll = icpFit({ criteria: quarters.criteria, tiers: [{ name: 'high', min: 75 }] });
    expect(noCatchAll.score(company(2)).tier).toBeUndefined();
    expect(noCatchAll.score(company(4)).tier).toBe('high');
  });

  it('min 0 tier sorts above catch-all', () => {
    const zero = icpFit({ criteria: quarters.criteria, tiers: [{ name: 'rest' }, { name: 'any', min: 0 }] });
    expect(zero.tiers.map((t) => t.name)).toEqual(['any', 'rest']);
    expect(zero.score(company(0)).tier).toBe('any');
    const reversed = icpFit({ criteria: quarters.criteria, tiers: [{ name: 'any', min: 0 }, { name: 'rest' }] });
    expect(reversed.tiers.map((t) => t.name)).toEqual(['any', 'rest']);
  });

  it('coverage equal to minCoverage keeps tier', () => {
    const strict = icpFit({ criteria: quarters.criteria, tiers: quarters.tiers, minCoverage: 0.75 });
    expect(strict.score(company(3, 0)).coverage).toBe(0.75);
    expect(strict.score(company(3, 0)).tier).toBe('high');
    expect(strict.score(company(2, 0)).tier).toBeUndefined();
  });

  it('maxScore counts unknown weight', () => {
    const result = quarters.score(company(1, 1));
    expect(result.score).toBe(25);
    expect(result.maxScore).toBe(75);
    expect(result.coverage).toBe(0.5);
  });

  it('reports each criterion outcome', () => {
    expect(quarters.score(company(1, 1)).criteria).toEqual([
      { id: 'a', outcome: 'match', weight: 1 },
      { id: 'b', outcome: 'no_match', weight: 1 },
      { id: 'c', outcome: 'unknown', weight: 1 },
      { id: 'd', outcome: 'unknown', weight: 1 },
    ]);
  });

  test.prop([fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })])('score is 25 per match', (set, unset) => {
    fc.pre(set + unset <= 4);
    const result = quarters.score(company(set, unset));
    expect(result.score).toBe(25 * set);
    expect(result.maxScore).toBe(25 * (4 - unset));
    expect(result.coverage).toBe((set + unset) / 4);
  });
});

describe('icpFit tier validation', () => {
  const criteria = [{ id: 'big', when: atLeast('employees', 100), weight: 1 }];
  const build = (tiers: unknown) => () => icpFit({ criteria, tiers: tiers as [] });

  it('rejects empty or non-array tiers', () => {
    expect(build([])).toThrow(ConfigError);
    expect(build([])).toThrow('icpFit: tiers: expected a non-empty array of tiers, received an array');
    expect(build('Tier 1')).toThrow('icpFit: tiers: expected a non-empty array of tiers, received "Tier 1"');
  });

  it('rejects a tier without name', () => {
    expect(build([{ name: '' }])).toThrow('icpFit: tiers[0].name');
    expect(build([{ name: 'A', min: 50 }, null])).toThrow('icpFit: tiers[1].name');
    expect(build([{ name: 7 }])).toThrow('received 7');
  });

  it('rejects duplicate tier names', () => {
    expect(build([{ name: 'A', min: 50 }, { name: 'A' }])).toThrow('icpFit: tiers[1].name: duplicate tier name "A"');
  });

  it('rejects min outside 0 to 100', () => {
    expect(build([{ name: 'A', min: -1 }])).toThrow('icpFit: tiers[0].min: expected a number from 0 to 100, received -1');
    expect(build([{ name: 'A', min: Number.NaN }])).toThrow('icpFit: tiers[0].min');
    expect(build([{ name: 'A', min: '50' }])).toThrow('icpFit: tiers[0].min');
    expect(build([{ name: 'A', min: 0 }, { name: 'B', min: 100 }])).not.toThrow();
  });

  it('rejects two catch-all tiers', () => {
    expect(build([{ name: 'A' }, { name: 'B' }])).toThrow('icpFit: tiers: only one tier may omit min');
  });
});

describe('icpFit criteria validation', () => {
  const when = atLeast('employees', 100);

  it('rejects a criterion without id', () => {
    expect(() => icpFit({ criteria: [{ id: '', when, weight: 1 }] })).toThrow(
      'icpFit: criteria[0].id: expected a non-empty string, received ""',
    );
    expect(() => icpFit({ criteria: [null as never] })).toThrow('icpFit: criteria[0].id');
  });

  it('rejects non-number and infinite weights', () => {
    expect(() => icpFit({ criteria: [{ id: 'a', when, weight: '2' as never }] })).toThrow('icpFit: criteria[0].weight');
    expect(() => icpFit({ criteria: [{ id: 'a', when, weight: Number.POSITIVE_INFINITY }] })).toThrow('criteria[0].weight');
  });

  it('names the duplicate criterion id', () => {
    expect(() => icpFit({ criteria: [{ id: 'size', when, weight: 1 }, { id: 'size', when, weight: 2 }] })).toThrow(
      'icpFit: criteria[1].id: duplicate criterion id "size"',
    );
  });

  it('builds a kind-tagged object', () => {
    const fit = icpFit({ criteria: [{ id: 'size', when, weight: 1 }] });
    expect(fit.kind).toBe('icp_fit');
    expect(fit.tiers.map((tier) => tier.name)).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
  });

  it('rejects a non-array criteria list', () => {
    expect(() => icpFit({ criteria: 'industry' as never })).toThrow(
      'icpFit: criteria: expected a non-empty array of criteria, received "industry"',
    );
  });

  it('rejects minCoverage below 0', () => {
    const criteria = [{ id: 'a', when, weight: 1 }];
    expect(() => icpFit({ criteria, minCoverage: -0.1 })).toThrow('icpFit: minCoverage: expected a number from 0 to 1, received -0.1');
    expect(() => icpFit({ criteria, minCoverage: '0.5' as never })).toThrow('icpFit: minCoverage');
    expect(() => icpFit({ criteria, minCoverage: 1 })).not.toThrow();
  });
});
