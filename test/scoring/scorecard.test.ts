import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/internal/config-error.js';
import {
  atLeast,
  containsAnyWord,
  equals,
  greaterThan,
  includesAny,
  isTrue,
  lessThan,
  oneOf,
  type Predicate,
} from '../../src/predicate/index.js';
import { scorecard, type Rule } from '../../src/scoring/index.js';
import { optionsArb, predicateArb, recordArb as leadArb } from '../predicate/arbitraries.js';

const lead = {
  email: 'dev@example.com',
  title: 'Senior Engineer',
  companySize: 250,
  downloadedAssets: ['api_documentation.pdf'],
  visitedPricingPage: true,
};

/** Returns the four inbound rules of the example, with the given title criterion. */
function inboundRules(title: Predicate): Rule[] {
  return [
    { id: 'title', when: title, points: 20 },
    { id: 'size', when: greaterThan('companySize', 50), points: 15 },
    { id: 'api-docs', when: includesAny('downloadedAssets', ['api_documentation.pdf']), points: 30 },
    { id: 'pricing', when: isTrue('visitedPricingPage'), points: 25 },
  ];
}

const exactTitles = inboundRules(oneOf('title', ['Engineer', 'Developer', 'CTO']));
const titleWords = inboundRules(containsAnyWord('title', ['Engineer', 'Developer', 'CTO']));

/** Builds a scorecard and returns the error it throws, or fails the test when none is thrown. */
function configError(build: () => unknown): ConfigError {
  try {
    build();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the scorecard definition to be rejected');
}

describe('scorecard example lead', () => {
  it('exact title scores 70', () => {
    expect(scorecard({ rules: exactTitles, mqlThreshold: 75 }).total(lead)).toBe(70);
  });

  it('title words score 90', () => {
    expect(scorecard({ rules: titleWords, mqlThreshold: 75 }).total(lead)).toBe(90);
  });

  it('90 is mql', () => {
    expect(scorecard({ rules: titleWords, mqlThreshold: 75 }).score(lead).tier).toBe('mql');
  });

  it('70 is nurture', () => {
    expect(scorecard({ rules: exactTitles, mqlThreshold: 75 }).score(lead).tier).toBe('nurture');
  });

  it('threshold is inclusive', () => {
    const card = scorecard({ rules: [], mqlThreshold: 75 });
    expect(card.tierOf(75)).toBe('mql');
    expect(card.tierOf(74.99)).toBe('nurture');
  });

  it('explains each rule', () => {
    const result = scorecard({ rules: exactTitles, mqlThreshold: 75 }).score(lead);
    expect(result.contributions.map((c) => c.ruleId)).toEqual(['title', 'size', 'api-docs', 'pricing']);
    expect(result.contributions.map((c) => c.points)).toEqual([0, 15, 30, 25]);
    expect(result.contributions[0]).toEqual({
      ruleId: 'title',
      label: 'title',
      groupId: undefined,
      outcome: 'no_match',
      matched: false,
      points: 0,
      rulePoints: 20,
      count: 0,
      rawPoints: 0,
      decayFactor: 1,
      decayedPoints: 0,
      clips: [],
      values: { title: 'Senior Engineer' },
    });
    expect(result.missingFields).toEqual([]);
    expect(result.undecidedPoints).toBe(0);
  });

  it('uses label when given', () => {
    const card = scorecard({ rules: [{ id: 'p', label: 'Visited pricing', when: isTrue('visitedPricingPage'), points: 1 }], mqlThreshold: 1 });
    expect(card.score(lead).contributions[0]?.label).toBe('Visited pricing');
  });
});

describe('scorecard missing data', () => {
  const card = scorecard({ rules: exactTitles, mqlThreshold: 75 });

  it('Select title is missing', () => {
    const result = card.score({ ...lead, title: 'Select' });
    expect(result.contributions[0]?.outcome).toBe('unknown');
    expect(result.contributions[0]?.matched).toBe(false);
    expect(result.missingFields).toEqual(['title']);
    expect(result.undecidedPoints).toBe(20);
    expect(result.total).toBe(70);
  });

  it('Select never matches Select', () => {
    const selectCard = scorecard({ rules: [{ id: 'r', when: equals('title', 'Select'), points: 5 }], mqlThreshold: 5 });
    expect(selectCard.total({ title: 'Select' })).toBe(0);
  });

  it('empty string is missing', () => {
    const result = card.score({ ...lead, title: '' });
    expect(result.contributions[0]?.outcome).toBe('unknown');
    expect(result.missingFields).toEqual(['title']);
    expect(result.undecidedPoints).toBe(20);
  });

  it('absent fields are listed once', () => {
    const result = scorecard({
      rules: [
        { id: 'big', when: greaterThan('companySize', 50), points: 15 },
        { id: 'small', when: lessThan('companySize', 10), points: -5 },
      ],
      mqlThreshold: 10,
    }).score({});
    expect(result.missingFields).toEqual(['companySize']);
    expect(result.undecidedPoints).toBe(10);
    expect(result.contributions[0]?.values).toEqual({ companySize: undefined });
  });

  it('numeric string is unknown by default', () => {
    const result = card.score({ ...lead, companySize: '250' });
    expect(result.contributions[1]?.outcome).toBe('unknown');
    expect(result.total).toBe(55);
  });

  it('wrong type is not listed missing', () => {
    const result = card.score({ ...lead, companySize: '250' });
    expect(result.missingFields).toEqual([]);
    expect(result.undecidedPoints).toBe(15);
  });

  it('numeric string parses when asked', () => {
    const parsing = scorecard({ rules: exactTitles, mqlThreshold: 75, parseStrings: true });
    expect(parsing.score({ ...lead, companySize: '250' }).contributions[1]?.outcome).toBe('match');
  });

  it('numeric strings never compare as text', () => {
    // As strings, '9' > '10' holds; as numbers it does not.
    const sized = scorecard({ rules: [{ id: 'big', when: greaterThan('companySize', 10), points: 10 }], mqlThreshold: 10 });
    const parsing = scorecard({
      rules: [{ id: 'big', when: greaterThan('companySize', 10), points: 10 }],
      mqlThreshold: 10,
      parseStrings: true,
    });
    expect(sized.score({ companySize: '9' }).contributions[0]?.outcome).toBe('unknown');
    expect(parsing.score({ companySize: '9' }).contributions[0]?.outcome).toBe('no_match');
    expect(parsing.total({ companySize: '10' })).toBe(0);
    expect(parsing.total({ companySize: '11' })).toBe(10);
  });

  it('NaN is unknown', () => {
    const result = card.score({ ...lead, companySize: Number.NaN });
    expect(result.contributions[1]?.outcome).toBe('unknown');
    expect(result.missingFields).toEqual(['companySize']);
  });

  it('null lead scores zero', () => {
    expect(card.total(null)).toBe(0);
    expect(card.score(null).undecidedPoints).toBe(90);
  });

  it.each([
    [null, 'null'],
    ['dev@example.com', '"dev@example.com"'],
    [42, '42'],
    [[lead], 'an array'],
    [undefined, 'undefined'],
  ])('non-object lead %j has an issue', (notALead, received) => {
    const result = card.score(notALead);
    expect(result.issues).toEqual([{ code: 'invalid_lead', path: '', expected: 'object', received }]);
    expect(result.total).toBe(0);
    expect(result.contributions).toHaveLength(4);
  });

  it('object leads get no invalid_lead', () => {
    expect(card.score({}).issues).toEqual([]);
    expect(card.score(Object.create(null)).issues).toEqual([]);
  });

  it('timed null lead keeps event issues', () => {
    const timed = scorecard({ rules: [{ id: 'demo', event: 'demo_request', points: 40 }], mqlThreshold: 40 });
    const result = timed.score(null, { now: '2024-05-01', events: [{ type: 'demo_request', at: 'soon' }] });
    expect(result.issues.map((issue) => issue.code)).toEqual(['invalid_lead', 'invalid_timestamp']);
  });

  it('throwing getter is unknown', () => {
    const tricky = {
      ...lead,
      get companySize(): number {
        throw new Error('getter failed');
      },
    };
    const result = card.score(tricky);
    expect(result.contributions[1]?.outcome).toBe('unknown');
    expect(result.contributions[1]?.values).toEqual({ companySize: undefined });
  });
});

describe('scorecard points', () => {
  it('negative points subtract', () => {
    const card = scorecard({
      rules: [
        { id: 'pricing', when: isTrue('visitedPricingPage'), points: 25 },
        { id: 'student', when: containsAnyWord('title', ['student']), points: -40 },
      ],
      mqlThreshold: 10,
    });
    const result = card.score({ visitedPricingPage: true, title: 'PhD Student' });
    expect(result.total).toBe(-15);
    expect(result.contributions[1]?.points).toBe(-40);
    expect(result.tier).toBe('nurture');
  });

  it('negative undecided points add as is', () => {
    const card = scorecard({ rules: [{ id: 'student', when: containsAnyWord('title', ['student']), points: -40 }], mqlThreshold: 0 });
    expect(card.score({}).undecidedPoints).toBe(-40);
  });

  // NOTE: totals are plain floating-point sums in rule order, so only integer (or otherwise
  // exactly representable) points make the total independent of rule order.
  it('rejects fractional points', () => {
    const rule = (id: string, points: number): Rule => ({ id, when: isTrue('visitedPricingPage'), points });
    expect(() => scorecard({ rules: [rule('a', 0.1)], mqlThreshold: 0 })).toThrow(/rules\[0\]\.points: expected a whole number/);
  });

  it('empty rules score zero', () => {
    expect(scorecard({ rules: [], mqlThreshold: 0 }).score(lead).total).toBe(0);
  });
});

describe('scorecard tiers', () => {
  const rules: Rule[] = [{ id: 'size', when: atLeast('companySize', 0), points: 0 }];

  it('named tiers pick highest reached', () => {
    const card = scorecard({ rules, tiers: [{ name: 'cold' }, { name: 'hot', min: 80 }, { name: 'warm', min: 40 }] });
    expect(card.tierOf(100)).toBe('hot');
    expect(card.tierOf(80)).toBe('hot');
    expect(card.tierOf(79)).toBe('warm');
    expect(card.tierOf(-5)).toBe('cold');
  });

  it('tiers sorted by min', () => {
    const card = scorecard({ rules, tiers: [{ name: 'cold' }, { name: 'warm', min: 40 }, { name: 'hot', min: 80 }] });
    expect(card.tiers.map((t) => t.name)).toEqual(['hot', 'warm', 'cold']);
  });

  it('no catch-all leaves tier undefined', () => {
    const card = scorecard({ rules, tiers: [{ name: 'hot', min: 80 }] });
    expect(card.tierOf(10)).toBeUndefined();
    expect(card.score(lead).tier).toBeUndefined();
  });

  it('default tiers are mql, nurture', () => {
    const card = scorecard({ rules, mqlThreshold: 50 });
    expect(card.tiers).toEqual([{ name: 'mql', min: 50 }, { name: 'nurture' }]);
  });

  it('keeps the given rules', () => {
    expect(scorecard({ rules, mqlThreshold: 50 }).rules).toBe(rules);
  });
});

describe('scorecard configuration errors', () => {
  const when = isTrue('visitedPricingPage');

  it('duplicate rule id', () => {
    const error = configError(() =>
      scorecard({ rules: [{ id: 'a', when, points: 1 }, { id: 'a', when, points: 2 }], mqlThreshold: 1 }),
    );
    expect(error.name).toBe('NetspearConfigError');
    expect(error.message).toContain('rules[1].id');
    expect(error.message).toContain('"a"');
  });

  it('non-numeric points', () => {
    const error = configError(() =>
      scorecard({ rules: [{ id: 'a', when, points: 1 }, { id: 'b', when, points: 'ten' as unknown as number }], mqlThreshold: 1 }),
    );
    expect(error.name).toBe('NetspearConfigError');
    expect(error.message).toContain('rules[1].points');
    expect(error.message).toContain('"ten"');
  });

  it('infinite points', () => {
    const error = configError(() => scorecard({ rules: [{ id: 'a', when, points: Number.POSITIVE_INFINITY }], mqlThreshold: 1 }));
    expect(error.message).toContain('rules[0].points');
  });

  it('NaN points', () => {
    const error = configError(() => scorecard({ rules: [{ id: 'a', when, points: Number.NaN }], mqlThreshold: 1 }));
    expect(error.message).toContain('rules[0].points');
  });

  it('tiers with mqlThreshold', () => {
    const error = configError(() => scorecard({ rules: [], tiers: [{ name: 'hot', min: 1 }], mqlThreshold: 1 }));
    expect(error.name).toBe('NetspearConfigError');
    expect(error.message).toContain('mqlThreshold');
  });

  it('__proto__ field path', () => {
    const error = configError(() => scorecard({ rules: [{ id: 'a', when: isTrue('__proto__.x'), points: 1 }], mqlThreshold: 1 }));
    expect(error.name).toBe('NetspearConfigError');
    expect(error.message).toContain('rules[0].when.field');
    expect(error.message).toContain('__proto__');
  });

  it('constructor field path', () => {
    const error = configError(() =>
      scorecard({ rules: [{ id: 'a', when, points: 1 }, { id: 'b', when: equals('constructor', 'x'), points: 1 }], mqlThreshold: 1 }),
    );
    expect(error.name).toBe('NetspearConfigError');
    expect(error.message).toContain('rules[1].when.field');
    expect(error.message).toContain('constructor');
  });

  it('invalid nested criterion', () => {
    const error = configError(() => scorecard({ rules: [{ id: 'a', when: { op: 'nope' } as never, points: 1 }], mqlThreshold: 1 }));
    expect(error.message).toContain('rules[0].when.op');
  });

  it('missing tiers and threshold', () => {
    expect(configError(() => scorecard({ rules: [] })).path).toBe('tiers');
  });

  it('non-finite threshold', () => {
    expect(configError(() => scorecard({ rules: [], mqlThreshold: Number.NaN })).path).toBe('mqlThreshold');
  });

  it('empty rule id', () => {
    expect(configError(() => scorecard({ rules: [{ id: '', when, points: 1 }], mqlThreshold: 1 })).path).toBe('rules[0].id');
  });

  it('non-array rules', () => {
    expect(configError(() => scorecard({ rules: 'none' as never, mqlThreshold: 1 })).path).toBe('rules');
  });

  it('bad tier lists', () => {
    expect(configError(() => scorecard({ rules: [], tiers: [] })).path).toBe('tiers');
    expect(configError(() => scorecard({ rules: [], tiers: [{ name: 'a' }, { name: 'b' }] })).path).toBe('tiers');
    expect(configError(() => scorecard({ rules: [], tiers: [{ name: 'a', min: 1 }, { name: 'b', min: 1 }] })).path).toBe('tiers');
    expect(configError(() => scorecard({ rules: [], tiers: [{ name: 'a', min: 1 }, { name: 'a', min: 2 }] })).path).toBe('tiers[1].name');
    expect(configError(() => scorecard({ rules: [], tiers: [{ name: 'a', min: Number.NaN }] })).path).toBe('tiers[0].min');
  });

  it('non-object definition', () => {
    expect(configError(() => scorecard(null as never)).name).toBe('NetspearConfigError');
  });
});

/** Integer points keep sums exact, so the order properties test the scorecard and not rounding. */
const pointsArb = fc.integer({ min: -1000, max: 1000 });

const rulesArb = fc
  .array(fc.record({ when: predicateArb, points: pointsArb }), { maxLength: 8 })
  .map((parts): Rule[] => parts.map((part, i) => ({ id: `rule-${i}`, ...part })));

describe('scorecard properties', () => {
  test.prop([rulesArb, leadArb, optionsArb])('contributions sum to total', (rules, randomLead, options) => {
    const card = scorecard({ rules, mqlThreshold: 0, ...options });
    const result = card.score(randomLead);
    const sum = result.contributions.reduce((acc, c) => acc + c.points, 0);

    expect(sum).toBe(result.total);
    expect(card.total(randomLead)).toBe(result.total);
    expect(result.tier).toBe(card.tierOf(result.total));
  });

  test.prop([rulesArb, leadArb, fc.integer({ min: -1e6, max: 1e6 })])(
    'large points sum exactly',
    (rules, randomLead, scale) => {
      const scaled = rules.map((rule) => ({ ...rule, points: rule.points * scale }));
      const result = scorecard({ rules: scaled, mqlThreshold: 0 }).score(randomLead);
      const sum = result.contributions.reduce((acc, c) => acc + c.points, 0);
      expect(sum).toBe(result.total);
    },
  );

  test.prop([rulesArb, leadArb, predicateArb, fc.integer({ min: 1, max: 1000 })])(
    'positive rule never lowers score',
    (rules, randomLead, when, points) => {
      const before = scorecard({ rules, mqlThreshold: 0 }).total(randomLead);
      const after = scorecard({ rules: [...rules, { id: 'extra', when, points }], mqlThreshold: 0 }).total(randomLead);
      expect(after).toBeGreaterThanOrEqual(before);
    },
  );

  test.prop([rulesArb.chain((rules) => fc.tuple(fc.constant(rules), fc.shuffledSubarray(rules, { minLength: rules.length }))), leadArb])(
    'rule order keeps total',
    ([rules, shuffled], randomLead) => {
      const total = scorecard({ rules, mqlThreshold: 0 }).total(randomLead);
      expect(scorecard({ rules: shuffled, mqlThreshold: 0 }).total(randomLead)).toBe(total);
    },
  );

  test.prop([rulesArb, leadArb])('undecided points match unknowns', (rules, randomLead) => {
    const result = scorecard({ rules, mqlThreshold: 0 }).score(randomLead);
    const unknownPoints = result.contributions.filter((c) => c.outcome === 'unknown').reduce((acc, c) => acc + c.rulePoints, 0);
    expect(result.undecidedPoints).toBe(unknownPoints);
  });

  test.prop([rulesArb, fc.anything({ withNullPrototype: true, withMap: true, withBigInt: true })])(
    'never throws on anything',
    (rules, anything) => {
      const result = scorecard({ rules, mqlThreshold: 0 }).score(anything);
      expect(Number.isFinite(result.total)).toBe(true);
    },
  );
});
