import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { conversionByTier, rocAuc } from 'netspear/metrics';
import { atLeast } from '../../src/predicate/index.js';
import { scorecard } from '../../src/scoring/index.js';

interface Lead {
  score: unknown;
  converted: unknown;
  tier?: unknown;
}

describe('conversionByTier', () => {
  const leads: Lead[] = [
    { score: 90, tier: 'A', converted: true },
    { score: 80, tier: 'A', converted: true },
    { score: 70, tier: 'A', converted: false },
    { score: 40, tier: 'B', converted: 1 },
    { score: 30, tier: 'B', converted: 0 },
    { score: 10, tier: 'C', converted: false },
    { score: 10, tier: 'C', converted: false },
    { score: 10, tier: 'C', converted: false },
  ];

  it('rate and lift per tier', () => {
    const report = conversionByTier(leads, { tier: 'tier', converted: 'converted' });

    expect(report.baseRate).toBe(3 / 8);
    expect(report.tiers).toEqual([
      { tier: 'A', leads: 3, converted: 2, rate: 2 / 3, lift: 2 / 3 / (3 / 8) },
      { tier: 'B', leads: 2, converted: 1, rate: 1 / 2, lift: 1 / 2 / (3 / 8) },
      { tier: 'C', leads: 3, converted: 0, rate: 0, lift: 0 },
    ]);
  });

  it('tiers from a scorecard', () => {
    const card = scorecard<Lead>({ rules: [{ id: 'hot', when: atLeast('score', 60), points: 1 }], mqlThreshold: 1 });
    const report = conversionByTier(leads, { tier: (lead) => card.score(lead).tier, converted: 'converted', tiers: card.tiers.map((t) => t.name) });

    expect(report.tiers.map((t) => [t.tier, t.leads, t.converted])).toEqual([
      ['mql', 3, 2],
      ['nurture', 5, 1],
    ]);
  });

  it('listed empty tier says why', () => {
    const report = conversionByTier(leads, { tier: 'tier', converted: 'converted', tiers: ['S', 'A'] });

    expect(report.tiers[0]).toEqual({ tier: 'S', leads: 0, converted: 0, rate: undefined, lift: undefined });
    expect(report.issues.map((i) => [i.code, i.segment])).toEqual([['empty_segment', 'S']]);
  });

  it('bad outcome left out', () => {
    const report = conversionByTier([...leads, { score: 1, tier: 'A', converted: 'maybe' }, { score: 1, tier: 'A', converted: null }], {
      tier: 'tier',
      converted: 'converted',
    });

    expect(report.leftOut).toBe(2);
    expect(report.issues.map((i) => [i.code, i.row])).toEqual([
      ['invalid_flag', 8],
      ['missing_value', 9],
    ]);
  });

  it('string flags with parseStrings', () => {
    const report = conversionByTier([{ score: 1, tier: 'A', converted: 'Yes' }], { tier: 'tier', converted: 'converted', parseStrings: true });
    expect(report.converted).toBe(1);
  });

  it('no conversions means no lift', () => {
    const report = conversionByTier([{ score: 1, tier: 'A', converted: false }], { tier: 'tier', converted: 'converted' });

    expect(report.tiers[0]!.lift).toBeUndefined();
    expect(report.issues.map((i) => i.code)).toEqual(['zero_base_rate']);
  });

  const leadArb = fc.record({
    score: fc.integer(),
    tier: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }),
    converted: fc.oneof(fc.boolean(), fc.constantFrom(0, 1, 'x', null)),
  });

  test.prop([fc.array(leadArb, { maxLength: 80 })])('conversion rates in [0, 1]', (rows) => {
    const report = conversionByTier(rows, { tier: 'tier', converted: 'converted' });
    for (const rate of [report.baseRate, ...report.tiers.map((t) => t.rate)]) {
      if (rate === undefined) continue;
      expect(rate).toBeGreaterThanOrEqual(0);
      expect(rate).toBeLessThanOrEqual(1);
    }
  });

  test.prop([fc.array(leadArb, { maxLength: 80 })])('tier counts add up', (rows) => {
    const report = conversionByTier(rows, { tier: 'tier', converted: 'converted' });

    expect(report.tiers.reduce((n, t) => n + t.leads, 0)).toBe(report.leads);
    expect(report.tiers.reduce((n, t) => n + t.converted, 0)).toBe(report.converted);
    expect(report.leads + report.leftOut).toBe(rows.length);
  });
});

describe('rocAuc', () => {
  it('perfect ranking is 1', () => {
    const rows = [
      { score: 1, converted: false },
      { score: 2, converted: false },
      { score: 3, converted: true },
    ];
    expect(rocAuc(rows, { score: 'score', outcome: 'converted' }).auc).toBe(1);
  });

  it('reversed ranking is 0', () => {
    const rows = [
      { score: 3, converted: false },
      { score: 1, converted: true },
    ];
    expect(rocAuc(rows, { score: 'score', outcome: 'converted' }).auc).toBe(0);
  });

  it('ties count half', () => {
    const rows = [
      { score: 5, converted: true },
      { score: 5, converted: false },
      { score: 1, converted: false },
      { score: 9, converted: true },
    ];
    // Pairs (positive, negative): (5,5) 0.5, (5,1) 1, (9,5) 1, (9,1) 1 => 3.5 of 4.
    expect(rocAuc(rows, { score: 'score', outcome: 'converted' }).auc).toBe(3.5 / 4);
  });

  it('one class has no AUC', () => {
    const report = rocAuc([{ score: 1, converted: true }], { score: 'score', outcome: 'converted' });

    expect(report.auc).toBeUndefined();
    expect(report.issues.map((i) => i.code)).toEqual(['no_negatives']);
  });

  it('bad score left out', () => {
    const report = rocAuc(
      [
        { score: 'high', converted: true },
        { score: null, converted: true },
        { score: 3, converted: true },
        { score: 1, converted: false },
      ],
      { score: 'score', outcome: 'converted' },
    );

    expect(report.leftOut).toBe(2);
    expect(report.issues.map((i) => i.code)).toEqual(['invalid_number', 'missing_value']);
    expect(report.auc).toBe(1);
  });

  const pairArb = fc.record({ score: fc.integer({ min: 0, max: 20 }), converted: fc.boolean() });

  test.prop([fc.array(pairArb, { maxLength: 60 })])('matches pairwise count', (rows) => {
    const positives = rows.filter((r) => r.converted);
    const negatives = rows.filter((r) => !r.converted);
    let wins = 0;
    for (const positive of positives) {
      for (const negative of negatives) {
        if (positive.score > negative.score) wins += 1;
        else if (positive.score === negative.score) wins += 0.5;
      }
    }
    const expected = positives.length === 0 || negatives.length === 0 ? undefined : wins / (positives.length * negatives.length);
    const { auc } = rocAuc(rows, { score: 'score', outcome: 'converted' });

    if (expected === undefined) expect(auc).toBeUndefined();
    else expect(auc).toBeCloseTo(expected, 12);
  });
});
