import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isTrue } from 'netspear';
import { learnScorecard } from 'netspear/learn';

/** 200 leads: demo requests convert at 75%, others at 25%; sizes 0..99 and sources of three frequencies. */
function history(): Record<string, unknown>[] {
  const leads: Record<string, unknown>[] = [];
  for (let i = 0; i < 200; i++) {
    const demo = i % 2 === 0;
    let source = 'Web';
    if (i % 10 === 0) source = 'Event';
    else if (i % 4 === 1) source = 'Ads';
    leads.push({ demo, size: i % 100, source, converted: demo ? i % 8 !== 0 : i % 8 === 1 });
  }
  return leads;
}

const leads = history();
const demo = { id: 'demo', label: 'Requested a demo', when: isTrue('demo'), points: 0 };

function ruleIds(options: Partial<Parameters<typeof learnScorecard>[0]>): string[] {
  const learned = learnScorecard({ leads, outcome: 'converted', l2: 0.01, ...options });
  return learned.definition.rules!.map((rule) => rule.id);
}

describe('learnScorecard candidates', () => {
  it('keeps categories seen minCount times', () => {
    // Event appears on 20 leads, Ads on 50 and Web on 130.
    expect(ruleIds({ categorical: ['source'], minCount: 21 }).filter((id) => id.startsWith('source'))).not.toContain('source = Event');
    expect(ruleIds({ categorical: ['source'], minCount: 20 })).toContain('source = Event');
  });

  it('ignores placeholders and non-scalars', () => {
    // Every third source is a placeholder, and every third after it an object.
    const sourceOf = (lead: Record<string, unknown>, i: number): unknown => {
      if (i % 3 === 0) return 'Select';
      if (i % 3 === 1) return { name: 'Web' };
      return lead['source'];
    };
    const rows = leads.map((lead, i) => ({ ...lead, source: sourceOf(lead, i) }));
    const learned = learnScorecard({ leads: rows, outcome: 'converted', categorical: ['source'], minCount: 1, l2: 0.01 });
    const ids = learned.definition.rules!.map((rule) => rule.id);

    expect(ids.some((id) => id.includes('Select'))).toBe(false);
    expect(ids.some((id) => id.includes('object'))).toBe(false);
  });

  it('sorts categories by value', () => {
    const ids = ruleIds({ categorical: ['source'], minCount: 1, pointsToDoubleOdds: 1000 });
    const reversed = learnScorecard({ leads: [...leads].reverse(), outcome: 'converted', categorical: ['source'], minCount: 1, l2: 0.01, pointsToDoubleOdds: 1000 });

    expect(ids).toEqual(['source = Ads', 'source = Event', 'source = Web']);
    expect(reversed.definition.rules!.map((rule) => rule.id)).toEqual(ids);
  });

  it('reads boolean and number categories', () => {
    const ids = ruleIds({ categorical: ['demo', 'size'], minCount: 2, pointsToDoubleOdds: 1000 });

    expect(ids).toContain('demo = true');
    expect(ids).toContain('size = 0');
  });

  it('uses the placeholders option', () => {
    const rows = leads.map((lead, i) => ({ ...lead, source: i % 2 === 0 ? 'N/A' : 'Select' }));
    const ids = learnScorecard({ leads: rows, outcome: 'converted', categorical: ['source'], placeholders: ['n/a'], l2: 0.01, pointsToDoubleOdds: 1000 })
      .definition.rules!.map((rule) => rule.id);

    expect(ids).toEqual(['source = Select']);
  });

  it('names the bad field path', () => {
    expect(() => learnScorecard({ leads, outcome: 'converted', categorical: ['ok', '__proto__'] })).toThrow(/learnScorecard: categorical\[1\]/);
    expect(() => learnScorecard({ leads, outcome: 'converted', numeric: ['a..b'] })).toThrow(/learnScorecard: numeric\[0\]/);
    const broken = { id: 'bad', label: 'Bad', when: { op: 'gte', field: 'size', value: Number.NaN }, points: 0 } as const;
    expect(() => learnScorecard({ leads, outcome: 'converted', candidates: [demo, broken] })).toThrow(/learnScorecard: candidates\[1\]\.when/);
  });

  it('cuts numbers at quantiles', () => {
    const learned = learnScorecard({ leads, outcome: 'converted', numeric: ['size'], bins: 4, l2: 0.01, pointsToDoubleOdds: 1000 });
    const cuts = learned.definition.rules!.map((rule) => rule.id);

    // Sizes 0..99, twice each: the quartiles are 25, 50 and 75, and no cut sits at the minimum.
    expect(cuts.every((id) => /^size >= (25|50|75)$/.test(id))).toBe(true);
    expect(cuts.length).toBeGreaterThan(0);
  });

  it('never cuts at the minimum', () => {
    // Most sizes are 0, so the lower quantiles equal the minimum and give no rule.
    const rows = leads.map((lead, i) => ({ ...lead, size: i % 5 === 0 ? i : 0 }));
    const learned = learnScorecard({ leads: rows, outcome: 'converted', numeric: ['size'], bins: 4, l2: 0.01, pointsToDoubleOdds: 1000 });

    expect(learned.definition.rules!.map((rule) => rule.id)).not.toContain('size >= 0');
  });

  it('skips a field without numbers', () => {
    const rows = leads.map((lead, i) => ({ ...lead, size: i % 2 === 0 ? 'many' : Number.POSITIVE_INFINITY }));
    const learned = learnScorecard({ leads: rows, outcome: 'converted', numeric: ['size'], candidates: [demo], l2: 0.01 });

    expect(learned.definition.rules!.map((rule) => rule.id)).toEqual(['demo']);
  });

  it('ignores infinite sizes', () => {
    // Three in four sizes are infinite: counted, they would put the median cut at Infinity.
    const rows = leads.map((lead, i) => ({ ...lead, size: i % 4 === 0 ? i : Number.POSITIVE_INFINITY }));
    const learned = learnScorecard({ leads: rows, outcome: 'converted', numeric: ['size'], bins: 2, l2: 0.01, pointsToDoubleOdds: 1000 });

    expect(learned.definition.rules!.every((rule) => /^size >= \d+$/.test(rule.id))).toBe(true);
  });

  it('labels learned rules', () => {
    const learned = learnScorecard({ leads, outcome: 'converted', categorical: ['source'], numeric: ['size'], bins: 2, minCount: 1, l2: 0.01, pointsToDoubleOdds: 1000 });
    const labels = learned.definition.rules!.map((rule) => `${rule.id} | ${rule.label}`);

    expect(labels).toContain('size >= 50 | size at least 50');
    expect(labels).toContain('source = Event | source is Event');
  });

  it('ignores non-numeric sizes', () => {
    const rows = leads.map((lead, i) => ({ ...lead, size: i % 2 === 0 ? 'many' : lead['size'] }));
    const learned = learnScorecard({ leads: rows, outcome: 'converted', numeric: ['size'], bins: 2, l2: 0.01, pointsToDoubleOdds: 1000 });

    expect(learned.definition.rules!.every((rule) => /^size >= \d+$/.test(rule.id))).toBe(true);
  });

  it('learns candidate points', () => {
    const learned = learnScorecard({ leads, outcome: 'converted', candidates: [demo], l2: 0.01 });
    const points = learned.definition.rules![0]!.points;

    // Odds 3 with a demo against 1/3 without: log2(9) doublings of 20 points each.
    expect(points).toBe(Math.round(20 * Math.log2(9)));
  });
});

describe('learnScorecard scaling', () => {
  test.prop([fc.integer({ min: 5, max: 100 })])('points scale with pointsToDoubleOdds', (pointsToDoubleOdds) => {
    const learned = learnScorecard({ leads, outcome: 'converted', candidates: [demo], l2: 0.01, pointsToDoubleOdds });

    expect(learned.pointsToDoubleOdds).toBe(pointsToDoubleOdds);
    // The penalty shrinks the weight slightly, so allow one point of rounding.
    expect(Math.abs(learned.definition.rules![0]!.points - pointsToDoubleOdds * Math.log2(9))).toBeLessThanOrEqual(1);
  });

  it('probability follows the log-odds', () => {
    const learned = learnScorecard({ leads, outcome: 'converted', candidates: [demo], l2: 0.01 });

    // Without a demo a quarter converts; each 20 points doubles the odds.
    expect(learned.intercept).toBeCloseTo(-Math.log(3), 2);
    expect(learned.probability(0)).toBeCloseTo(0.25, 2);
    expect(learned.probability(20)).toBeCloseTo(2 / 5, 2);
  });

  it('places custom tiers', () => {
    const learned = learnScorecard({
      leads,
      outcome: 'converted',
      candidates: [demo],
      l2: 0.01,
      tiers: [{ name: 'likely', minProbability: 0.5 }, { name: 'unlikely' }],
    });
    const min = learned.scorecard.tiers[0]!.min!;

    expect(learned.scorecard.tiers.map((tier) => tier.name)).toEqual(['likely', 'unlikely']);
    expect(learned.probability(min)).toBeGreaterThanOrEqual(0.5);
    expect(learned.probability(min - 1)).toBeLessThan(0.5);
  });

  it('drops rules of zero points', () => {
    const noise = { id: 'noise', label: 'Even row', when: isTrue('even'), points: 0 };
    const rows = leads.map((lead, i) => ({ ...lead, even: Math.floor(i / 2) % 2 === 0 }));
    const learned = learnScorecard({ leads: rows, outcome: 'converted', candidates: [demo, noise], l2: 1000 });

    expect(learned.definition.rules!.map((rule) => rule.id)).not.toContain('noise');
  });
});

describe('learnScorecard options', () => {
  it('rejects bad numbers', () => {
    expect(() => learnScorecard({ leads, outcome: 'converted', bins: 1.5 })).toThrow(/learnScorecard: bins: expected a whole number of at least 1, received 1\.5/);
    expect(() => learnScorecard({ leads, outcome: 'converted', minCount: 0 })).toThrow(/learnScorecard: minCount/);
    expect(() => learnScorecard({ leads, outcome: 'converted', l2: Number.POSITIVE_INFINITY })).toThrow(/learnScorecard: l2: expected a positive number/);
    expect(() => learnScorecard({ leads, outcome: 'converted', l2: 0 })).toThrow(/learnScorecard: l2/);
    expect(() => learnScorecard({ leads, outcome: 'converted', pointsToDoubleOdds: '20' as never })).toThrow(/learnScorecard: pointsToDoubleOdds/);
  });

  it('accepts the smallest valid numbers', () => {
    expect(() => learnScorecard({ leads, outcome: 'converted', bins: 1, minCount: 1, candidates: [demo] })).not.toThrow();
  });

  it('rejects bad tier probabilities', () => {
    for (const minProbability of [0, 1, -0.5, Number.NaN, '0.5']) {
      expect(() => learnScorecard({ leads, outcome: 'converted', tiers: [{ name: 'A', minProbability: minProbability as number }, { name: 'B' }] })).toThrow(
        /learnScorecard: tiers\[0\]\.minProbability: expected a probability between 0 and 1/,
      );
    }
  });

  it('rejects missing options', () => {
    expect(() => learnScorecard(null as never)).toThrow(/learnScorecard: leads: expected an array of leads, received undefined/);
  });

  it('rejects one-class history', () => {
    expect(() => learnScorecard({ leads: [{ c: false }, { c: false }], outcome: 'c' })).toThrow(/^learnScorecard: leads: expected both converted and unconverted leads, received 0 converted of 2/);
  });
});
