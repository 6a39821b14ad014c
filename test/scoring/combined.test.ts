import { describe, expect, it } from 'vitest';
import { combinedScorecard, ConfigError, DefinitionError, equals, scorecard } from 'netspear';

const fit = scorecard({
  rules: [{ id: 'vp', when: equals('seniority', 'vp'), points: 60 }],
  tiers: [{ name: 'A', min: 50 }, { name: 'B', min: 20 }, { name: 'C' }],
  hysteresis: 15,
});
const engagement = scorecard({
  rules: [{ id: 'demo', event: 'demo_request', points: 40 }],
  tiers: [{ name: '1', min: 40 }, { name: '2', min: 10 }, { name: '3' }],
});
const now = '2024-05-01T00:00:00Z';
const demo = [{ type: 'demo_request', at: '2024-04-30T00:00:00Z' }];

describe('combinedScorecard', () => {
  const combined = combinedScorecard({ fit, engagement, weights: { engagement: 2 }, matrix: { A1: 'sales', A2: 'sales', B1: 'sales' } });

  it('builds the grade', () => {
    const result = combined.score({ seniority: 'vp' }, { now, events: demo });
    expect(result.grade).toBe('A1');
    expect(result.total).toBe(60 + 2 * 40);
    expect(result.label).toBe('sales');
  });

  it('unlisted grade is otherwise', () => {
    const result = combined.score({ seniority: 'intern' }, { now, events: [] });
    expect(result.grade).toBe('C3');
    expect(result.label).toBe('nurture');
  });

  it('previous grade keeps fit tier', () => {
    const lowFit = scorecard({ rules: [{ id: 'vp', when: equals('seniority', 'vp'), points: 40 }], tiers: fit.tiers, hysteresis: 15 });
    const sticky = combinedScorecard({ fit: lowFit, engagement });
    expect(sticky.score({ seniority: 'vp' }, { now, events: demo, previousGrade: 'A1' }).grade).toBe('A1');
    expect(sticky.score({ seniority: 'vp' }, { now, events: demo }).grade).toBe('B1');
  });

  it('no matrix gives no label', () => {
    expect(combinedScorecard({ fit, engagement }).score({}, { now }).label).toBeUndefined();
  });

  it('rejects bad definitions', () => {
    expect(() => combinedScorecard({ fit, engagement: {} as never })).toThrow(ConfigError);
    expect(() => combinedScorecard({ fit, engagement, weights: { fit: 0.5 } })).toThrow(/weights\.fit/);
    expect(() => combinedScorecard({ fit, engagement, matrix: { A1: 3 as never } })).toThrow(/matrix\.A1/);
  });
});

describe('combinedScorecard matrix keys', () => {
  /** Returns the error that building with `matrix` throws, or undefined when it builds. */
  const errorOf = (matrix: Record<string, string>): DefinitionError | undefined => {
    try {
      combinedScorecard({ fit, engagement, matrix });
      return undefined;
    } catch (error) {
      if (error instanceof DefinitionError) return error;
      throw error;
    }
  };

  it('suggests grade differing in case', () => {
    const error = errorOf({ a1: 'sales' });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toBe(
      'combinedScorecard: matrix.a1: unknown grade "a1"; did you mean "A1"? A grade is a fit tier (A, B, C) followed by an engagement tier (1, 2, 3)',
    );
  });

  it('lists every unknown key', () => {
    const error = errorOf({ A1: 'sales', a2: 'sales', Z9: 'sales', A4: 'nurture' });
    expect(error?.problems.map((problem) => problem.path)).toEqual(['matrix.a2', 'matrix.Z9', 'matrix.A4']);
    expect(error?.problems[1]?.message).toBe('unknown grade "Z9". A grade is a fit tier (A, B, C) followed by an engagement tier (1, 2, 3)');
  });

  it('accepts every fit and engagement pair', () => {
    const grades = ['A', 'B', 'C'].flatMap((fitTier) => ['1', '2', '3'].map((engagementTier) => `${fitTier}${engagementTier}`));
    expect(errorOf(Object.fromEntries(grades.map((grade) => [grade, 'sales'])))).toBeUndefined();
  });

  it('accepts ? only without catch-all', () => {
    const topOnly = scorecard({ rules: [{ id: 'demo', event: 'demo_request', points: 40 }], tiers: [{ name: 'hot', min: 40 }] });
    const withGap = combinedScorecard({ fit, engagement: topOnly, matrix: { Ahot: 'sales', 'A?': 'nurture' } });
    expect(withGap.score({ seniority: 'vp' }, { now }).label).toBe('nurture');
    expect(errorOf({ 'A?': 'nurture' })?.path).toBe('matrix.A?');
  });

  it('rejects a non-object matrix', () => {
    expect(() => combinedScorecard({ fit, engagement, matrix: 'A1' as never })).toThrow(
      'combinedScorecard: matrix: expected an object of labels by grade, received "A1"',
    );
  });
});
