import { describe, expect, it } from 'vitest';
import { equals, greaterThan, isTrue, scorecard, type ScoringRule } from 'netspear';

const DAY = 86_400_000;
const NOW = Date.parse('2024-05-01T00:00:00.000Z');

/** Returns a rule worth `points` that matches when `on` is true. */
function matchingRule(id: string, points: number): ScoringRule {
  return { id, when: isTrue('on'), points };
}

/** Builds a scorecard from `definition` and returns the message it throws. */
function rejection(definition: unknown): string {
  try {
    scorecard(definition as never);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the scorecard definition to be rejected');
}

describe('scorecard definition errors', () => {
  it('null definition', () => {
    expect(() => scorecard(null as never)).toThrowErrorMatchingInlineSnapshot(`[NetspearConfigError: scorecard: expected a scorecard definition object, received null]`);
  });

  it('number definition', () => {
    expect(() => scorecard(5 as never)).toThrowErrorMatchingInlineSnapshot(`[NetspearConfigError: scorecard: expected a scorecard definition object, received 5]`);
  });

  it('tiers and threshold together', () => {
    expect(rejection({ rules: [], tiers: [{ name: 'a' }], mqlThreshold: 5 })).toMatchInlineSnapshot(`"scorecard: mqlThreshold: give either tiers or mqlThreshold, not both"`);
  });

  it('threshold not finite', () => {
    expect(rejection({ rules: [], mqlThreshold: NaN })).toMatchInlineSnapshot(`
      "scorecard: mqlThreshold: expected a finite number, received NaN
      scorecard: tiers[0].min: expected a finite number, received NaN"
    `);
  });

  it('no tiers and no threshold', () => {
    expect(rejection({ rules: [] })).toMatchInlineSnapshot(`"scorecard: tiers: give named tiers or an mqlThreshold so that scores get a label"`);
  });

  it('tiers not an array', () => {
    expect(rejection({ rules: [], tiers: 'hot' })).toMatchInlineSnapshot(`"scorecard: tiers: expected a non-empty array of tiers, received "hot""`);
  });

  it('tier list problems', () => {
    expect(
      rejection({
        rules: [],
        tiers: [{ name: 5 }, { name: '', min: 1 }, { name: 'a', min: 2 }, { name: 'a', min: 2 }, { name: 'b', min: 'x' }, { name: 'c' }],
      }),
    ).toMatchInlineSnapshot(`
      "scorecard: tiers[0].name: expected a non-empty string, received 5
      scorecard: tiers[1].name: expected a non-empty string, received ""
      scorecard: tiers[3].name: duplicate tier name "a"
      scorecard: tiers: two tiers have the same min; give each tier its own lower bound
      scorecard: tiers[4].min: expected a finite number, received "x"
      scorecard: tiers: only one tier may omit min (the catch-all), found 2"
    `);
  });

  it('empty tier list', () => {
    expect(rejection({ rules: [], tiers: [] })).toMatchInlineSnapshot(`"scorecard: tiers: expected a non-empty array of tiers, received an array"`);
  });

  it('limits and hysteresis problems', () => {
    expect(
      rejection({ rules: [], mqlThreshold: 1, hysteresis: -1, cap: -1, floor: 1, eventsField: '', placeholders: ['n/a', 1] }),
    ).toMatchInlineSnapshot(`
      "scorecard: hysteresis: expected a number of points of 0 or more, received -1
      scorecard: cap: expected a whole number of 0 or more, received -1
      scorecard: floor: expected a whole number of 0 or less, received 1
      scorecard: eventsField: expected a non-empty field path, received ""
      scorecard: placeholders: expected an array of strings, received an array"
    `);
  });

  it('infinite hysteresis', () => {
    expect(rejection({ rules: [], mqlThreshold: 1, hysteresis: Infinity })).toMatchInlineSnapshot(`"scorecard: hysteresis: expected a number of points of 0 or more, received Infinity"`);
  });

  it('rules not an array', () => {
    expect(rejection({ rules: 'x', mqlThreshold: 1 })).toMatchInlineSnapshot(`"scorecard: rules: expected an array of rules, received "x""`);
  });

  it('rule ids', () => {
    expect(rejection({ rules: [null, { when: isTrue('on'), points: 1 }, { id: '', when: isTrue('on'), points: 1 }], mqlThreshold: 1 })).toMatchInlineSnapshot(`
      "scorecard: rules[0].id: expected a non-empty string, received undefined
      scorecard: rules[0]: expected a rule object, received null
      scorecard: rules[1].id: expected a non-empty string, received undefined
      scorecard: rules[2].id: expected a non-empty string, received """
    `);
  });

  it('groups not an array', () => {
    expect(rejection({ rules: [], groups: 'x', mqlThreshold: 1 })).toMatchInlineSnapshot(`"scorecard: groups: expected an array of groups, received "x""`);
  });

  it('group list problems', () => {
    expect(
      rejection({
        mqlThreshold: 1,
        groups: [
          null,
          5,
          { id: '', rules: [] },
          { rules: [] },
          { id: 'g', rules: [] },
          { id: 'g', cap: 1.5, floor: 2, rules: [{ id: 'r', when: isTrue('on'), points: 'x' }] },
          { id: 'h', floor: -1.5, rules: 'x' },
        ],
      }),
    ).toMatchInlineSnapshot(`
      "scorecard: groups[0]: expected a group object, received null
      scorecard: groups[1]: expected a group object, received 5
      scorecard: groups[2].id: expected a non-empty string, received ""
      scorecard: groups[3].id: expected a non-empty string, received undefined
      scorecard: groups[5].id: duplicate group id "g"; group ids must be unique
      scorecard: groups[5].cap: expected a whole number of 0 or more, received 1.5
      scorecard: groups[5].floor: expected a whole number of 0 or less, received 2
      scorecard: groups[5].rules[0].points: expected a whole number of points, received "x"
      scorecard: groups[6].floor: expected a whole number of 0 or less, received -1.5
      scorecard: groups[6].rules: expected an array of rules, received "x""
    `);
  });
});

describe('scorecard tier edges', () => {
  const card = scorecard({ rules: [], tiers: [{ name: 'warm', min: 10 }, { name: 'hot', min: 50 }], hysteresis: 5 });

  it('orders tiers by min', () => {
    expect(card.tiers.map((tier) => tier.name)).toEqual(['hot', 'warm']);
  });

  it('tier boundaries', () => {
    expect(card.tierOf(50)).toBe('hot');
    expect(card.tierOf(49)).toBe('warm');
    expect(card.tierOf(10)).toBe('warm');
    expect(card.tierOf(9)).toBeUndefined();
  });

  it('hysteresis keeps previous tier', () => {
    expect(card.tierOf(45, 'hot')).toBe('hot');
    expect(card.tierOf(44, 'hot')).toBe('warm');
    expect(card.tierOf(5, 'warm')).toBe('warm');
    expect(card.tierOf(4, 'warm')).toBeUndefined();
  });

  it('rise ignores previous tier', () => {
    expect(card.tierOf(50, 'warm')).toBe('hot');
    expect(card.tierOf(20, 'warm')).toBe('warm');
  });
});

describe('scorecard clipping', () => {
  const lead = { on: true };

  it('group cap clips last lines', () => {
    const card = scorecard({
      mqlThreshold: 100,
      groups: [{ id: 'g', cap: 10, rules: [matchingRule('a', 8), matchingRule('b', 6), matchingRule('c', 4), { id: 'd', when: isTrue('off'), points: 3 }] }],
    });
    const result = card.score(lead);
    expect(result.total).toBe(10);
    expect(card.total(lead)).toBe(10);
    expect(result.contributions.map((c) => [c.ruleId, c.points, c.clips])).toMatchInlineSnapshot(`
      [
        [
          "a",
          8,
          [],
        ],
        [
          "b",
          2,
          [
            {
              "by": "group",
              "id": "g",
              "points": -4,
            },
          ],
        ],
        [
          "c",
          0,
          [
            {
              "by": "group",
              "id": "g",
              "points": -4,
            },
          ],
        ],
        [
          "d",
          0,
          [],
        ],
      ]
    `);
    expect(result.groups).toMatchInlineSnapshot(`
      [
        {
          "groupId": "g",
          "label": "g",
          "points": 10,
          "rawPoints": 18,
        },
      ]
    `);
  });

  it('group floor raises last lines', () => {
    const card = scorecard({
      mqlThreshold: 100,
      groups: [{ id: 'g', label: 'Penalties', floor: -5, rules: [matchingRule('a', -4), matchingRule('b', 2), matchingRule('c', -6)] }],
    });
    const result = card.score(lead);
    expect(result.total).toBe(-5);
    expect(card.total(lead)).toBe(-5);
    expect(result.contributions.map((c) => [c.ruleId, c.points, c.clips])).toMatchInlineSnapshot(`
      [
        [
          "a",
          -4,
          [],
        ],
        [
          "b",
          2,
          [],
        ],
        [
          "c",
          -3,
          [
            {
              "by": "group",
              "id": "g",
              "points": 3,
            },
          ],
        ],
      ]
    `);
    expect(result.groups).toMatchInlineSnapshot(`
      [
        {
          "groupId": "g",
          "label": "Penalties",
          "points": -5,
          "rawPoints": -8,
        },
      ]
    `);
  });

  it('scorecard cap respects group floor', () => {
    const card = scorecard({
      mqlThreshold: 100,
      cap: 2,
      rules: [matchingRule('u', 6)],
      groups: [{ id: 'g', floor: -2, rules: [matchingRule('x', 3), matchingRule('y', 3), matchingRule('z', -7)] }],
    });
    const result = card.score(lead);
    expect(result.total).toBe(2);
    expect(card.total(lead)).toBe(2);
    expect(result.contributions.map((c) => [c.ruleId, c.points, c.clips])).toMatchInlineSnapshot(`
      [
        [
          "u",
          4,
          [
            {
              "by": "scorecard",
              "id": "scorecard",
              "points": -2,
            },
          ],
        ],
        [
          "x",
          3,
          [],
        ],
        [
          "y",
          2,
          [
            {
              "by": "scorecard",
              "id": "scorecard",
              "points": -1,
            },
          ],
        ],
        [
          "z",
          -7,
          [],
        ],
      ]
    `);
    expect(result.groups).toMatchInlineSnapshot(`
      [
        {
          "groupId": "g",
          "label": "g",
          "points": -2,
          "rawPoints": -1,
        },
      ]
    `);
  });

  it('scorecard floor respects group cap', () => {
    const card = scorecard({
      mqlThreshold: 100,
      floor: -3,
      rules: [matchingRule('u', -6)],
      groups: [{ id: 'g', cap: 2, rules: [matchingRule('x', -3), matchingRule('y', -3), matchingRule('z', 7)] }],
    });
    const result = card.score(lead);
    expect(result.total).toBe(-3);
    expect(card.total(lead)).toBe(-3);
    expect(result.contributions.map((c) => [c.ruleId, c.points, c.clips])).toMatchInlineSnapshot(`
      [
        [
          "u",
          -5,
          [
            {
              "by": "scorecard",
              "id": "scorecard",
              "points": 1,
            },
          ],
        ],
        [
          "x",
          -3,
          [],
        ],
        [
          "y",
          -2,
          [
            {
              "by": "scorecard",
              "id": "scorecard",
              "points": 1,
            },
          ],
        ],
        [
          "z",
          7,
          [],
        ],
      ]
    `);
    expect(result.groups).toMatchInlineSnapshot(`
      [
        {
          "groupId": "g",
          "label": "g",
          "points": 2,
          "rawPoints": 1,
        },
      ]
    `);
  });

  it('total clips group cap', () => {
    const card = scorecard({ mqlThreshold: 100, groups: [{ id: 'g', cap: 5, rules: [matchingRule('a', 8)] }] });
    expect(card.total(lead)).toBe(5);
  });

  it('total clips group floor', () => {
    const card = scorecard({ mqlThreshold: 100, groups: [{ id: 'g', floor: -5, rules: [matchingRule('a', -8)] }] });
    expect(card.total(lead)).toBe(-5);
  });

  it('total clips scorecard cap', () => {
    const card = scorecard({ mqlThreshold: 100, cap: 5, rules: [matchingRule('a', 8)] });
    expect(card.total(lead)).toBe(5);
  });

  it('total clips scorecard floor', () => {
    const card = scorecard({ mqlThreshold: 100, floor: -5, rules: [matchingRule('a', -8)] });
    expect(card.total(lead)).toBe(-5);
  });
});

describe('scorecard contributions', () => {
  it('untimed result keys', () => {
    const result = scorecard({ rules: [matchingRule('a', 1)], mqlThreshold: 1 }).score({ on: true });
    expect(Object.keys(result)).toEqual(['total', 'tier', 'contributions', 'groups', 'missingFields', 'undecidedPoints', 'issues']);
  });

  it('decayed rule fields', () => {
    const card = scorecard({
      mqlThreshold: 5,
      rules: [{ id: 'seen', when: isTrue('on'), at: 'seenAt', decay: { kind: 'half_life', days: 10 }, points: 10 }],
    });
    const result = card.score({ on: true, seenAt: new Date(NOW - 10 * DAY).toISOString() }, { now: NOW });
    expect(result).toMatchInlineSnapshot(`
      {
        "asOf": "2024-05-01T00:00:00.000Z",
        "contributions": [
          {
            "clips": [],
            "count": 1,
            "decayFactor": 0.5,
            "decayedPoints": 5,
            "groupId": undefined,
            "label": "seen",
            "matched": true,
            "outcome": "match",
            "points": 5,
            "rawPoints": 10,
            "ruleId": "seen",
            "rulePoints": 10,
            "values": {
              "on": true,
              "seenAt": "2024-04-21T00:00:00.000Z",
            },
          },
        ],
        "groups": [],
        "issues": [],
        "missingFields": [],
        "tier": "mql",
        "total": 5,
        "undecidedPoints": 0,
      }
    `);
  });

  it('event rule counts', () => {
    const card = scorecard({ mqlThreshold: 20, rules: [{ id: 'pricing', event: 'pricing_view', points: 10, maxCount: 3, withinDays: 30 }] });
    const events = [0, 1, 2, 3].map((days) => ({ type: 'pricing_view', at: new Date(NOW - days * DAY).toISOString() }));
    const result = card.score({}, { now: NOW, events });
    expect(result).toMatchInlineSnapshot(`
      {
        "asOf": "2024-05-01T00:00:00.000Z",
        "contributions": [
          {
            "clips": [],
            "count": 3,
            "decayFactor": 1,
            "decayedPoints": 30,
            "events": {
              "counted": 3,
              "outsideWindow": 0,
              "overDailyLimit": 0,
              "overMaxCount": 1,
            },
            "groupId": undefined,
            "label": "pricing",
            "matched": true,
            "outcome": "match",
            "points": 30,
            "rawPoints": 30,
            "ruleId": "pricing",
            "rulePoints": 10,
            "values": {},
          },
        ],
        "events": {
          "duplicates": 0,
          "future": 0,
          "invalid": 0,
          "received": 4,
          "used": 4,
        },
        "groups": [],
        "issues": [],
        "missingFields": [],
        "tier": "mql",
        "total": 30,
        "undecidedPoints": 0,
      }
    `);
  });

  it('events read from eventsField', () => {
    const card = scorecard({ mqlThreshold: 20, eventsField: 'activity', clock: () => NOW, rules: [{ id: 'pricing', event: 'pricing_view', points: 10 }] });
    const fromLead = card.score({ activity: 'bad' });
    expect(fromLead.asOf).toBe('2024-05-01T00:00:00.000Z');
    expect(fromLead.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_events",
          "expected": "array",
          "path": "activity",
          "received": ""bad"",
        },
      ]
    `);
    const fromOptions = card.score({ activity: [] }, { events: 'bad' as never });
    expect(fromOptions.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_events",
          "expected": "array",
          "path": "events",
          "received": ""bad"",
        },
      ]
    `);
  });

  it('events from lead without options', () => {
    const card = scorecard({ mqlThreshold: 20, clock: () => NOW, rules: [{ id: 'pricing', event: 'pricing_view', points: 10 }] });
    expect(card.score({ events: [{ type: 'pricing_view', at: NOW - DAY }] }).total).toBe(10);
  });

  it('invalid now', () => {
    const card = scorecard({ mqlThreshold: 20, rules: [{ id: 'pricing', event: 'pricing_view', points: 10 }] });
    expect(() => card.score({}, { now: 'soon' })).toThrowErrorMatchingInlineSnapshot(`[NetspearConfigError: scorecard.score: now: expected an ISO timestamp, epoch milliseconds or a valid Date, received "soon"]`);
  });

  it('type mismatch and missing', () => {
    const card = scorecard({
      mqlThreshold: 5,
      rules: [
        { id: 'size', when: greaterThan('size', 10), points: 4 },
        { id: 'plan', when: equals('plan', 'pro'), points: 3 },
        { id: 'seen', when: greaterThan('visits', 1), at: 'seenAt', withinDays: 5, points: 2 },
      ],
    });
    const result = card.score({ size: 'big', visits: 'many', seenAt: NOW }, { now: NOW });
    expect(result).toMatchInlineSnapshot(`
      {
        "asOf": "2024-05-01T00:00:00.000Z",
        "contributions": [
          {
            "clips": [],
            "count": 0,
            "decayFactor": 1,
            "decayedPoints": 0,
            "groupId": undefined,
            "label": "size",
            "matched": false,
            "outcome": "unknown",
            "points": 0,
            "rawPoints": 0,
            "ruleId": "size",
            "rulePoints": 4,
            "values": {
              "size": "big",
            },
          },
          {
            "clips": [],
            "count": 0,
            "decayFactor": 1,
            "decayedPoints": 0,
            "groupId": undefined,
            "label": "plan",
            "matched": false,
            "outcome": "unknown",
            "points": 0,
            "rawPoints": 0,
            "ruleId": "plan",
            "rulePoints": 3,
            "values": {
              "plan": undefined,
            },
          },
          {
            "clips": [],
            "count": 0,
            "decayFactor": 1,
            "decayedPoints": 0,
            "groupId": undefined,
            "label": "seen",
            "matched": false,
            "outcome": "unknown",
            "points": 0,
            "rawPoints": 0,
            "ruleId": "seen",
            "rulePoints": 2,
            "values": {
              "seenAt": 1714521600000,
              "visits": "many",
            },
          },
        ],
        "groups": [],
        "issues": [
          {
            "code": "type_mismatch",
            "expected": "number",
            "path": "size",
            "received": ""big"",
            "ruleId": "size",
          },
          {
            "code": "type_mismatch",
            "expected": "number",
            "path": "visits",
            "received": ""many"",
            "ruleId": "seen",
          },
        ],
        "missingFields": [
          "plan",
        ],
        "tier": "nurture",
        "total": 0,
        "undecidedPoints": 9,
      }
    `);
  });
});

describe('scorecard lazy ledger', () => {
  const card = scorecard({
    rules: [
      { id: 'company', when: equals('company', 'x'), points: 1 },
      { id: 'size', when: greaterThan('company.size', 10), points: 5 },
    ],
    tiers: [{ name: 'big', min: 5 }, { name: 'small', min: 0 }],
    hysteresis: 5,
  });

  it('eager mode returns plain result', () => {
    const result = card.score({ company: { size: 20 } }, { ledger: 'eager' });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result.total).toBe(5);
  });

  it('lazy plain record', () => {
    const result = card.score({ company: Object.freeze({ size: 20 }) }, { ledger: 'lazy' });
    expect(Object.getPrototypeOf(result)).not.toBe(Object.prototype);
    expect(result.total).toBe(5);
    expect(result.contributions.map((c) => c.points)).toEqual([0, 5]);
    expect(result.contributions[1]?.values).toEqual({ 'company.size': 20 });
  });

  it('lazy null prototype record', () => {
    const lead = Object.assign(Object.create(null) as object, { company: { size: 1 } });
    const result = card.score(lead, { ledger: 'lazy' });
    expect(Object.getPrototypeOf(result)).not.toBe(Object.prototype);
    expect(result.tier).toBe('small');
  });

  it('lazy keeps previous tier', () => {
    const result = card.score({ company: { size: 1 } }, { ledger: 'lazy', previousTier: 'big' });
    expect(result.tier).toBe('big');
    expect(JSON.parse(JSON.stringify(result)).tier).toBe('big');
  });

  it('lazy with capped scorecard', () => {
    const capped = scorecard({ rules: [matchingRule('a', 8)], mqlThreshold: 5, cap: 5 });
    const result = capped.score({ on: true }, { ledger: 'lazy' });
    expect(Object.getPrototypeOf(result)).not.toBe(Object.prototype);
    expect(result.total).toBe(5);
    expect(result.contributions[0]?.clips).toEqual([{ by: 'scorecard', id: 'scorecard', points: -3 }]);
  });
});

describe('scorecard tier entries that are not objects', () => {
  it('lists them instead of crashing', () => {
    expect(() => scorecard({ rules: [], tiers: [null as never, { name: 'a' }] })).toThrow(
      'scorecard: tiers[0]: expected a tier object { name, min? }, received null',
    );
    expect(() => scorecard({ rules: [], tiers: [7 as never] })).toThrow('scorecard: tiers[0]: expected a tier object { name, min? }, received 7');
  });
});
