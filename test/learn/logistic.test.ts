import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fitLogistic } from 'netspear/learn';

const FEATURES = 3;

/** Rows of distinct active features, with outcomes of both classes. */
const historyArb = fc
  .array(fc.tuple(fc.uniqueArray(fc.integer({ min: 0, max: FEATURES - 1 }), { maxLength: FEATURES }), fc.boolean()), { minLength: 2, maxLength: 40 })
  .filter((rows) => rows.some(([, y]) => y) && rows.some(([, y]) => !y));

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

describe('fitLogistic', () => {
  test.prop([historyArb, fc.double({ min: 0.1, max: 10, noNaN: true })])('gradient vanishes at the fit', (history, l2) => {
    const rows = history.map(([active]) => active);
    const outcomes = history.map(([, y]) => y);
    const model = fitLogistic(rows, outcomes, FEATURES, l2);

    // First-order conditions of the penalised log-likelihood: the residuals sum to zero, and
    // each feature's residuals balance its penalty.
    const gradient = [...model.weights.map((w) => l2 * w), 0];
    rows.forEach((active, i) => {
      const eta = model.intercept + active.reduce((sum, j) => sum + model.weights[j]!, 0);
      const residual = sigmoid(eta) - (outcomes[i] ? 1 : 0);
      for (const j of active) gradient[j]! += residual;
      gradient[FEATURES]! += residual;
    });
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-6);
    expect(model.iterations).toBeLessThan(50);
  });

  test.prop([historyArb])('flipped outcomes negate the model', (history) => {
    const rows = history.map(([active]) => active);
    const model = fitLogistic(rows, history.map(([, y]) => y), FEATURES, 1);
    const flipped = fitLogistic(rows, history.map(([, y]) => !y), FEATURES, 1);

    expect(flipped.intercept).toBeCloseTo(-model.intercept, 6);
    model.weights.forEach((w, j) => expect(flipped.weights[j]).toBeCloseTo(-w, 6));
  });

  it('stops at maxIterations', () => {
    const rows = [[0], [0], [0], [0], [], [], [], []];
    const outcomes = [true, true, true, false, true, false, false, false];

    expect(fitLogistic(rows, outcomes, 1, 1, 1).iterations).toBe(1);
    expect(fitLogistic(rows, outcomes, 1, 1, 3).iterations).toBe(3);
  });

  it('counts iterations to convergence', () => {
    const rows = [[0], [0], [0], [0], [], [], [], []];
    const outcomes = [true, true, true, false, true, false, false, false];
    const model = fitLogistic(rows, outcomes, 1, 1);

    expect(model.iterations).toBeGreaterThan(1);
    expect(model.iterations).toBeLessThan(50);
    expect(fitLogistic(rows, outcomes, 1, 1, model.iterations).weights).toEqual(model.weights);
  });

  it('leaves unseen features at zero', () => {
    const model = fitLogistic([[0], [], [0], []], [true, false, false, true], 3, 1);

    expect(model.weights).toHaveLength(3);
    expect(model.weights[1]).toBe(0);
    expect(model.weights[2]).toBe(0);
  });
});
