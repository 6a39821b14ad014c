import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/internal/config-error.js';
import { recommendStrategy, type Strategy, type StrategyInput } from '../../src/strategy/index.js';

/** An early-stage company: no product-market fit and not scaling, so no stage rule applies. */
const early = { productMarketFit: false, scaling: false } as const;
const scalingWithFit = { productMarketFit: true, scaling: true } as const;

/** Returns the error that recommendStrategy throws for the input, or fails when none is thrown. */
function inputError(input: unknown, thresholds?: unknown): ConfigError {
  try {
    recommendStrategy(input as StrategyInput, thresholds as never);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected recommendStrategy to reject the input');
}

/**
 * Restates the rules from the JSDoc of recommendStrategy, with the default thresholds:
 * low ACV below $10,000, high ACV above $50,000, few buyers at most 1,000.
 */
function documentedStrategy(input: StrategyInput): Strategy {
  const few = input.buyers <= 1_000;
  const low = input.acv < 10_000;
  const high = input.acv > 50_000;

  if (low && !few) return 'inbound';
  if (high && few) return 'abm';
  if (input.productMarketFit && input.scaling) return 'hybrid';
  if (low) return 'inbound';
  if (high) return 'abm';
  return few ? 'abm' : 'inbound';
}

describe('recommendStrategy main rules', () => {
  it('low ACV, large market is inbound', () => {
    const result = recommendStrategy({ acv: 5_000, buyers: 200_000, ...early });
    expect(result.strategy).toBe('inbound');
    expect(result.reasons[0]).toContain('$5,000');
    expect(result.reasons[0]).toContain('200,000 buyers');
  });

  it('high ACV, few buyers is abm', () => {
    const result = recommendStrategy({ acv: 120_000, buyers: 300, ...early });
    expect(result.strategy).toBe('abm');
    expect(result.reasons[0]).toContain('$120,000');
  });

  it('fit and scaling is hybrid', () => {
    const result = recommendStrategy({ acv: 30_000, buyers: 5_000, ...scalingWithFit });
    expect(result.strategy).toBe('hybrid');
    expect(result.reasons).toHaveLength(2);
  });

  it('market rules beat hybrid', () => {
    expect(recommendStrategy({ acv: 5_000, buyers: 200_000, ...scalingWithFit }).strategy).toBe('inbound');
    expect(recommendStrategy({ acv: 120_000, buyers: 300, ...scalingWithFit }).strategy).toBe('abm');
  });

  it('hybrid beats the gaps', () => {
    expect(recommendStrategy({ acv: 5_000, buyers: 300, ...scalingWithFit }).strategy).toBe('hybrid');
    expect(recommendStrategy({ acv: 120_000, buyers: 200_000, ...scalingWithFit }).strategy).toBe('hybrid');
  });
});

describe('recommendStrategy gaps', () => {
  it('low ACV, few buyers is inbound', () => {
    const result = recommendStrategy({ acv: 5_000, buyers: 300, ...early });
    expect(result.strategy).toBe('inbound');
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons[2]).toContain('no product-market fit yet');
  });

  it('high ACV, large market is abm', () => {
    const result = recommendStrategy({ acv: 120_000, buyers: 200_000, productMarketFit: true, scaling: false });
    expect(result.strategy).toBe('abm');
    expect(result.reasons[2]).toContain('not scaling yet');
  });

  it('mid ACV, few buyers is abm', () => {
    expect(recommendStrategy({ acv: 30_000, buyers: 300, ...early }).strategy).toBe('abm');
  });

  it('mid ACV, large market is inbound', () => {
    expect(recommendStrategy({ acv: 30_000, buyers: 200_000, ...early }).strategy).toBe('inbound');
  });

  it('scaling without fit is no hybrid', () => {
    expect(recommendStrategy({ acv: 30_000, buyers: 300, productMarketFit: false, scaling: true }).strategy).toBe('abm');
  });
});

describe('recommendStrategy boundaries', () => {
  it('ACV at lowAcv is mid range', () => {
    const result = recommendStrategy({ acv: 10_000, buyers: 200_000, ...early });
    expect(result.strategy).toBe('inbound');
    expect(result.reasons[0]).toContain('between $10,000 and $50,000');
  });

  it('ACV at highAcv is mid range', () => {
    const result = recommendStrategy({ acv: 50_000, buyers: 300, ...early });
    expect(result.strategy).toBe('abm');
    expect(result.reasons[0]).toContain('between $10,000 and $50,000');
  });

  it('fewBuyers count is few', () => {
    expect(recommendStrategy({ acv: 60_000, buyers: 1_000, ...early }).strategy).toBe('abm');
    expect(recommendStrategy({ acv: 5_000, buyers: 1_001, ...early }).strategy).toBe('inbound');
    expect(recommendStrategy({ acv: 30_000, buyers: 1_001, ...early }).strategy).toBe('inbound');
  });

  it('zero ACV and buyers', () => {
    expect(recommendStrategy({ acv: 0, buyers: 0, ...early }).strategy).toBe('inbound');
  });

  it('custom thresholds apply', () => {
    const thresholds = { lowAcv: 1_000, highAcv: 5_000, fewBuyers: 10 };
    expect(recommendStrategy({ acv: 6_000, buyers: 10, ...early }, thresholds).strategy).toBe('abm');
    expect(recommendStrategy({ acv: 500, buyers: 11, ...early }, thresholds).strategy).toBe('inbound');
    expect(recommendStrategy({ acv: 6_000, buyers: 10, ...early }).strategy).toBe('inbound');
  });
});

describe('recommendStrategy invalid input', () => {
  const valid: StrategyInput = { acv: 30_000, buyers: 5_000, ...early };

  it('negative ACV', () => {
    const error = inputError({ ...valid, acv: -1 });
    expect(error.name).toBe('NetspearConfigError');
    expect(error.path).toBe('acv');
    expect(error.message).toContain('-1');
  });

  it('NaN ACV', () => {
    expect(inputError({ ...valid, acv: Number.NaN }).path).toBe('acv');
  });

  it('string ACV', () => {
    const error = inputError({ ...valid, acv: '30000' });
    expect(error.path).toBe('acv');
    expect(error.message).toContain('"30000"');
  });

  it('infinite ACV', () => {
    expect(inputError({ ...valid, acv: Number.POSITIVE_INFINITY }).path).toBe('acv');
  });

  it('negative buyers', () => {
    expect(inputError({ ...valid, buyers: -5 }).path).toBe('buyers');
  });

  it('non-boolean stage flags', () => {
    expect(inputError({ ...valid, productMarketFit: 'yes' }).path).toBe('productMarketFit');
    expect(inputError({ ...valid, scaling: 1 }).path).toBe('scaling');
  });

  it('missing input', () => {
    expect(inputError(undefined).path).toBe('acv');
    expect(inputError(null).path).toBe('acv');
  });

  it('invalid thresholds', () => {
    expect(inputError(valid, { lowAcv: -1 }).path).toBe('thresholds.lowAcv');
    expect(inputError(valid, { fewBuyers: Number.NaN }).path).toBe('thresholds.fewBuyers');
    expect(inputError(valid, { lowAcv: 60_000 }).path).toBe('thresholds');
  });
});

const validInputArb = fc.record({
  acv: fc.oneof(
    fc.constantFrom(0, 9_999, 10_000, 10_001, 49_999, 50_000, 50_001),
    fc.double({ min: 0, max: 1e7, noNaN: true }),
    fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
  ),
  buyers: fc.oneof(fc.constantFrom(0, 999, 1_000, 1_001), fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })),
  productMarketFit: fc.boolean(),
  scaling: fc.boolean(),
});

describe('recommendStrategy properties', () => {
  test.prop([validInputArb])('one strategy with reasons', (input) => {
    const result = recommendStrategy(input);
    expect(['inbound', 'abm', 'hybrid']).toContain(result.strategy);
    expect(result.reasons.length).toBeGreaterThanOrEqual(1);
    for (const reason of result.reasons) {
      expect(reason.trim()).not.toBe('');
    }
  });

  test.prop([validInputArb])('follows the documented rules', (input) => {
    expect(recommendStrategy(input).strategy).toBe(documentedStrategy(input));
  });

  test.prop([validInputArb, fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true })])(
    'strategy set for any thresholds',
    (input, a, b) => {
      const thresholds = { lowAcv: Math.min(a, b), highAcv: Math.max(a, b) };
      expect(['inbound', 'abm', 'hybrid']).toContain(recommendStrategy(input, thresholds).strategy);
    },
  );
});
