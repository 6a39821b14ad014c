import { describe, expect, it } from 'vitest';
import { compareScorecards, greaterThan, isTrue, scorecard } from 'netspear';

const leads = [
  { id: 'a', employees: 500, pricing: true },
  { id: 'b', employees: 500, pricing: false },
  { id: 'c', employees: 20, pricing: true },
  { id: 'd', employees: 20, pricing: false },
];

const current = scorecard({
  rules: [
    { id: 'size', when: greaterThan('employees', 100), points: 30 },
    { id: 'pricing', when: isTrue('pricing'), points: 20 },
  ],
  mqlThreshold: 40,
});

const proposed = scorecard({
  rules: [
    { id: 'size', when: greaterThan('employees', 100), points: 30 },
    { id: 'pricing', when: isTrue('pricing'), points: 40 },
    { id: 'small', when: greaterThan('employees', 10), points: 5 },
  ],
  mqlThreshold: 40,
});

describe('compareScorecards', () => {
  const diff = compareScorecards(current, proposed, leads, { id: (lead) => lead.id });

  it('counts tier changes', () => {
    expect(diff.leads).toBe(4);
    expect(diff.tierChanges).toBe(1);
    expect(diff.transitions).toEqual([{ from: 'nurture', to: 'mql', leads: 1 }]);
  });

  it('names the causing rules', () => {
    expect(diff.changes).toEqual([
      {
        index: 2,
        id: 'c',
        before: { total: 20, tier: 'nurture' },
        after: { total: 45, tier: 'mql' },
        rules: [
          { ruleId: 'pricing', delta: 20 },
          { ruleId: 'small', delta: 5 },
        ],
      },
    ]);
  });

  it('sums rule impact', () => {
    expect(diff.rules).toEqual([
      { ruleId: 'small', tierChanges: 1, leads: 4, pointsDelta: 20 },
      { ruleId: 'pricing', tierChanges: 1, leads: 2, pointsDelta: 40 },
    ]);
    expect(diff.averageTotal).toEqual({ before: 25, after: 40 });
  });

  it('same scorecard changes nothing', () => {
    const same = compareScorecards(current, current, leads);
    expect(same.tierChanges).toBe(0);
    expect(same.rules).toEqual([]);
  });

  it('limits the change list', () => {
    expect(compareScorecards(current, proposed, leads, { maxChanges: 0 }).changes).toEqual([]);
  });

  it('empty input', () => {
    expect(compareScorecards(current, proposed, []).averageTotal).toEqual({ before: 0, after: 0 });
  });
});
