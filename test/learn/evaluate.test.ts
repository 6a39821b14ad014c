import { describe, expect, it } from 'vitest';
import { equals, scorecard } from 'netspear';
import { evaluateScorecard } from 'netspear/learn';

const card = scorecard({
  rules: [{ id: 'vp', when: equals('title', 'VP'), points: 10 }],
  tiers: [{ name: 'hot', min: 10 }, { name: 'warm', min: 5 }],
});

describe('evaluateScorecard outcomes', () => {
  it('reads flags, numbers and words', () => {
    const leads = [
      { won: true },
      { won: false },
      { won: 1 },
      { won: 0 },
      { won: ' Yes ' },
      { won: 'TRUE' },
      { won: '1' },
      { won: 'no' },
      { won: 'False' },
      { won: '0' },
    ];
    const report = evaluateScorecard(card, leads, 'won');

    expect(report.leads).toBe(10);
    expect(report.converted).toBe(5);
    expect(report.skipped).toEqual([]);
  });

  it('reads 1 as converted', () => {
    const report = evaluateScorecard(card, [{ title: 'VP', won: 1 }, { title: 'Intern', won: 0 }], 'won');

    expect(report.tiers[0]).toEqual({ tier: 'hot', leads: 1, converted: 1, conversionRate: 1 });
    expect(report.auc).toBe(1);
  });

  it('skips other values', () => {
    const leads = [{ won: 2 }, { won: 'maybe' }, { won: null }, { won: [true] }, { won: '' }];
    const report = evaluateScorecard(card, leads, 'won');

    expect(report.leads).toBe(0);
    expect(report.skipped.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
    expect(report.skipped[0]?.reason).toContain('received 2');
  });

  it('reads a nested path', () => {
    const report = evaluateScorecard(card, [{ deal: { won: 'yes' } }, { deal: { won: 'no' } }], 'deal.won');

    expect(report.converted).toBe(1);
    expect(report.leads).toBe(2);
  });

  it('skips a throwing reader', () => {
    const reader = (lead: { title: string }): boolean => {
      if (lead.title === 'bad') throw new Error('no outcome column');
      return true;
    };
    const report = evaluateScorecard(card, [{ title: 'VP' }, { title: 'bad' }], reader);

    expect(report.leads).toBe(1);
    expect(report.skipped).toEqual([{ index: 1, reason: 'reading the outcome failed: no outcome column' }]);
  });

  it('skips non-Error throws', () => {
    const report = evaluateScorecard(card, [{ title: 'a' }, { title: 'b' }], (lead) => {
      throw lead.title === 'a' ? 'boom' : null;
    });

    expect(report.skipped.map((s) => s.reason)).toEqual(['reading the outcome failed: boom', 'reading the outcome failed: null']);
  });

  it('rejects a reserved outcome path', () => {
    expect(() => evaluateScorecard(card, [], '__proto__.won')).toThrow(/^evaluateScorecard: outcome: /);
  });

  it('skips undefined from a reader', () => {
    const report = evaluateScorecard(card, [{ title: 'VP' }], () => undefined);

    expect(report.skipped).toEqual([{ index: 0, reason: 'expected a converted flag (true/false, 1/0, yes/no), received undefined' }]);
  });
});

describe('evaluateScorecard tiers', () => {
  it('lists leads below every tier', () => {
    const report = evaluateScorecard(card, [{ title: 'VP', won: true }, { title: 'Intern', won: true }, { title: 'Intern', won: false }], 'won');

    expect(report.tiers).toEqual([
      { tier: 'hot', leads: 1, converted: 1, conversionRate: 1 },
      { tier: 'warm', leads: 0, converted: 0, conversionRate: Number.NaN },
      { tier: '', leads: 2, converted: 1, conversionRate: 0.5 },
    ]);
  });

  it('omits the empty untiered row', () => {
    const report = evaluateScorecard(card, [{ title: 'VP', won: true }, { title: 'VP', won: false }], 'won');

    expect(report.tiers.map((t) => t.tier)).toEqual(['hot', 'warm']);
    expect(report.tiers[1]?.conversionRate).toBeNaN();
  });

  it('auc is NaN for one class', () => {
    expect(evaluateScorecard(card, [{ title: 'VP', won: false }, { title: 'X', won: false }], 'won').auc).toBeNaN();
  });
});
