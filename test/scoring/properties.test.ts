import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { atLeast, equals, scorecard, type Decay, type ScorecardDefinition, type ScoringRule } from 'netspear';
import { predicateArb, recordArb } from '../predicate/arbitraries.js';
import { decayArb, definitionArb, eventsArb, NOW, rulesArb } from './arbitraries.js';

const DAY = 86_400_000;

/** A lead with random fields and a `lastSeenAt` timestamp up to 100 days old, or a broken one. */
const leadArb = fc
  .tuple(recordArb, fc.oneof(fc.integer({ min: 0, max: 100 * DAY }).map((age) => new Date(NOW - age).toISOString()), fc.constantFrom(undefined, 'Select', 'soon')))
  .map(([record, lastSeenAt]) => (lastSeenAt === undefined ? record : { ...record, lastSeenAt }));

const sum = (values: readonly number[]) => values.reduce((acc, v) => acc + v, 0);

describe('scorecard ledger properties', () => {
  test.prop([definitionArb, leadArb, eventsArb])('ledger sums to total', (definition, lead, events) => {
    const card = scorecard(definition);
    const result = card.score(lead, { now: NOW, events });

    expect(sum(result.contributions.map((c) => c.points))).toBe(result.total);
    for (const line of result.contributions) {
      expect(Number.isSafeInteger(line.points)).toBe(true);
      expect(line.decayedPoints + sum(line.clips.map((c) => c.points))).toBe(line.points);
    }
    for (const group of result.groups) {
      expect(sum(result.contributions.filter((c) => c.groupId === group.groupId).map((c) => c.points))).toBe(group.points);
    }
    expect(card.total(lead, { now: NOW, events })).toBe(result.total);
  });

  test.prop([definitionArb, leadArb, eventsArb])('caps and floors hold', (definition, lead, events) => {
    const result = scorecard(definition).score(lead, { now: NOW, events });

    expect(result.total).toBeLessThanOrEqual(definition.cap ?? Infinity);
    expect(result.total).toBeGreaterThanOrEqual(definition.floor ?? -Infinity);
    for (const group of definition.groups ?? []) {
      const points = result.groups.find((g) => g.groupId === group.id)!.points;
      expect(points).toBeLessThanOrEqual(group.cap ?? Infinity);
      expect(points).toBeGreaterThanOrEqual(group.floor ?? -Infinity);
    }
  });

  test.prop([
    definitionArb.chain((d) => fc.tuple(fc.constant(d), fc.shuffledSubarray([...(d.rules ?? [])], { minLength: d.rules?.length ?? 0 }))),
    leadArb,
    eventsArb,
  ])('rule order keeps total', ([definition, shuffled], lead, events) => {
    const total = scorecard(definition).total(lead, { now: NOW, events });
    const groups = definition.groups?.map((g) => ({ ...g, rules: [...g.rules].reverse() }));
    const reordered: ScorecardDefinition = { ...definition, rules: shuffled, ...(groups === undefined ? {} : { groups: [...groups].reverse() }) };
    expect(scorecard(reordered).total(lead, { now: NOW, events })).toBe(total);
  });

  test.prop([eventsArb.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }))), definitionArb])(
    'event order keeps total',
    ([events, shuffled], definition) => {
      // Ids repeat in the arbitrary; give each event its own so that order cannot pick a different duplicate.
      const unique = events.map((e, i) => ({ ...e, id: `u${i}` }));
      const permuted = shuffled.map((e) => unique[events.indexOf(e)]!);
      const card = scorecard(definition);
      expect(card.total({}, { now: NOW, events: permuted })).toBe(card.total({}, { now: NOW, events: unique }));
    },
  );

  test.prop([rulesArb('r'), fc.integer({ min: 0, max: 4 }).chain((n) => rulesArb('extra', 1).map((r) => [r, n] as const)), leadArb, eventsArb])(
    'added rule adds its points',
    (rules, [extra, position], lead, events) => {
      const card = scorecard({ rules, mqlThreshold: 0 });
      const withExtra = [...rules];
      withExtra.splice(Math.min(position, rules.length), 0, ...extra);
      const result = scorecard({ rules: withExtra, mqlThreshold: 0 }).score(lead, { now: NOW, events });
      const added = sum(result.contributions.filter((c) => c.ruleId.startsWith('extra')).map((c) => c.points));
      expect(result.total - card.total(lead, { now: NOW, events })).toBe(added);
    },
  );

  test.prop([definitionArb, fc.anything({ withNullPrototype: true, withMap: true, withBigInt: true }), fc.anything()])(
    'never throws on data',
    (definition, lead, events) => {
      const card = scorecard(definition);
      const result = card.score(lead, { now: NOW, events: events as unknown[] });
      expect(Number.isSafeInteger(result.total)).toBe(true);
      expect(Number.isSafeInteger(card.total(lead, { now: NOW }))).toBe(true);
    },
  );
});

describe('decay properties', () => {
  const pointsAt = (decay: Decay, points: number, ageDays: number): number => {
    const rule: ScoringRule = { id: 'v', event: 'visit', points, decay };
    return scorecard({ rules: [rule], mqlThreshold: 0 }).total({}, { now: NOW, events: [{ type: 'visit', at: NOW - ageDays * DAY }] });
  };

  test.prop([decayArb, fc.integer({ min: -500, max: 500 }), fc.double({ min: 0, max: 400, noNaN: true })])(
    'decay never adds points',
    (decay, points, age) => {
      expect(Math.abs(pointsAt(decay, points, age))).toBeLessThanOrEqual(Math.abs(points));
      expect(Math.sign(pointsAt(decay, points, age)) * Math.sign(points)).toBeGreaterThanOrEqual(0);
    },
  );

  test.prop([decayArb, fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true })])(
    'decay is monotone in age',
    (decay, points, a, b) => {
      const [younger, older] = a <= b ? [a, b] : [b, a];
      expect(pointsAt(decay, points, older)).toBeLessThanOrEqual(pointsAt(decay, points, younger));
    },
  );

  test.prop([predicateArb, decayArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })])(
    'field decay is monotone',
    (when, decay, a, b) => {
      const card = scorecard({ rules: [{ id: 'r', when: { op: 'exists', field: 'x' }, at: 'seenAt', points: 77, decay }], mqlThreshold: 0 });
      const at = (age: number) => card.total({ x: when.op, seenAt: NOW - age * DAY }, { now: NOW });
      expect(at(Math.max(a, b))).toBeLessThanOrEqual(at(Math.min(a, b)));
    },
  );
});

/** Untimed field rules without caps: the definitions whose total takes the fast sum. */
const plainRulesArb = fc.array(fc.tuple(predicateArb, fc.integer({ min: -50, max: 50 })), { minLength: 1, maxLength: 12 }).map((pairs) =>
  pairs.map(([when, points], i): ScoringRule => ({ id: `r${i}`, when, points })),
);

describe('scorecard fast sum', () => {
  test.prop([plainRulesArb, recordArb])('total equals the ledger total', (rules, lead) => {
    const card = scorecard({ rules, mqlThreshold: 10 });
    expect(card.total(lead)).toBe(card.score(lead).total);
  });

  test.prop([plainRulesArb, recordArb])('class instances score alike', (rules, lead) => {
    class Lead {}
    const card = scorecard({ rules, mqlThreshold: 10 });
    expect(card.total(Object.assign(new Lead(), lead))).toBe(card.total(lead));
  });
});

describe('scorecard fast sum on hostile leads', () => {
  it('reads a throwing getter as missing', () => {
    const card = scorecard({ rules: [{ id: 'big', when: atLeast('employees', 100), points: 10 }, { id: 'us', when: equals('country', 'US'), points: 5 }], mqlThreshold: 10 });
    const lead = {
      country: 'US',
      get employees(): number {
        throw new Error('no access');
      },
    };
    expect(card.total(lead)).toBe(5);
    expect(card.score(lead).missingFields).toEqual(['employees']);
  });
});

/** Untimed field rules in groups with caps and floors: the definitions that `ledger: 'lazy'` snapshots. */
const untimedDefinitionArb = fc
  .record({
    rules: plainRulesArb,
    cap: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    floor: fc.option(fc.integer({ min: -100, max: 0 }), { nil: undefined }),
    groupCap: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  })
  .map(({ rules, cap, floor, groupCap }): ScorecardDefinition => {
    const half = Math.ceil(rules.length / 2);
    return {
      rules: rules.slice(0, half),
      groups: [{ id: 'g', rules: rules.slice(half), ...(groupCap === undefined ? {} : { cap: groupCap }) }],
      ...(cap === undefined ? {} : { cap }),
      ...(floor === undefined ? {} : { floor }),
      tiers: [{ name: 'A', min: 40 }, { name: 'B', min: 10 }, { name: 'C' }],
      hysteresis: 5,
    };
  });

describe('lazy ledger', () => {
  test.prop([fc.oneof(untimedDefinitionArb, definitionArb), leadArb, fc.constantFrom(undefined, 'A', 'B', 'C')])(
    'equals the eager ledger, field for field and byte for byte',
    (definition, lead, previousTier) => {
      const card = scorecard(definition);
      const eager = card.score(lead, { now: NOW, previousTier });
      const lazy = card.score(lead, { now: NOW, previousTier, ledger: 'lazy' });
      expect(lazy.total).toBe(eager.total);
      expect(lazy.tier).toBe(eager.tier);
      expect(lazy.contributions).toEqual(eager.contributions);
      expect(lazy.groups).toEqual(eager.groups);
      expect(lazy.missingFields).toEqual(eager.missingFields);
      expect(lazy.undecidedPoints).toBe(eager.undecidedPoints);
      expect(lazy.issues).toEqual(eager.issues);
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    },
  );

  it('explains the values the lead had when it was scored', () => {
    const card = scorecard({ rules: [{ id: 'big', when: atLeast('company.employees', 100), points: 10 }, { id: 'us', when: equals('country', 'US'), points: 5 }], mqlThreshold: 10 });
    const lead: { country: string; company: { employees: number | string } } = { country: 'US', company: { employees: 250 } };
    const result = card.score(lead, { ledger: 'lazy' });
    lead.country = 'DE';
    lead.company = { employees: 'Select' };
    expect(result.contributions.map((c) => [c.ruleId, c.outcome, c.values])).toEqual([
      ['big', 'match', { 'company.employees': 250 }],
      ['us', 'match', { country: 'US' }],
    ]);
    expect(result.missingFields).toEqual([]);
    expect(result.total).toBe(15);
  });

  it('builds the ledger once and returns the same arrays on every read', () => {
    const card = scorecard({ rules: [{ id: 'us', when: equals('country', 'US'), points: 5 }], mqlThreshold: 10 });
    const result = card.score({ country: 'US' }, { ledger: 'lazy' });
    expect(result.contributions).toBe(result.contributions);
    expect(result.issues).toBe(result.issues);
  });

  it('gives leads that are not plain objects, and throwing getters, the eager ledger', () => {
    const card = scorecard({ rules: [{ id: 'big', when: atLeast('employees', 100), points: 10 }, { id: 'us', when: equals('country', 'US'), points: 5 }], mqlThreshold: 10 });
    class Lead {
      country = 'US';
      employees = 500;
    }
    const hostile = {
      country: 'US',
      get employees(): number {
        throw new Error('no access');
      },
    };
    for (const lead of [new Lead(), hostile, 'not a lead', null]) {
      const lazy = card.score(lead, { ledger: 'lazy' });
      expect(Object.keys(lazy)).toContain('contributions');
      expect(lazy).toEqual(card.score(lead));
    }
  });

  it('rejects a ledger mode it does not know', () => {
    const card = scorecard({ rules: [{ id: 'us', when: equals('country', 'US'), points: 5 }], mqlThreshold: 10 });
    expect(() => card.score({}, { ledger: 'later' as 'lazy' })).toThrow("scorecard.score: ledger: expected 'eager' or 'lazy', received \"later\"");
  });
});
