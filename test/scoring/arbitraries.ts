import { fc } from '@fast-check/vitest';
import type { Decay, EventRule, Rule, RuleGroup, ScorecardDefinition, ScoringRule } from 'netspear';
import { predicateArb } from '../predicate/arbitraries.js';

/** The fixed scoring instant of the property tests. */
export const NOW = Date.UTC(2024, 4, 1);
const DAY = 86_400_000;

export const EVENT_TYPES = ['page_view', 'email_click', 'webinar', 'download'] as const;

/** A decay of any kind, with valid parameters. */
export const decayArb: fc.Arbitrary<Decay> = fc.oneof(
  fc.record({ kind: fc.constant('half_life' as const), days: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('linear' as const), days: fc.integer({ min: 1, max: 200 }) }),
  fc
    .uniqueArray(fc.record({ afterDays: fc.integer({ min: 0, max: 150 }), factor: fc.double({ min: 0, max: 1, noNaN: true }) }), {
      minLength: 1,
      maxLength: 4,
      selector: (step) => step.afterDays,
    })
    .map((steps): Decay => {
      const byAge = [...steps].sort((a, b) => a.afterDays - b.afterDays);
      const factors = byAge.map((s) => s.factor).sort((a, b) => b - a);
      return { kind: 'step', steps: byAge.map((s, i) => ({ afterDays: s.afterDays, factor: factors[i]! })) };
    }),
);

const pointsArb = fc.integer({ min: -100, max: 100 });

const optional = <V>(arb: fc.Arbitrary<V>) => fc.option(arb, { nil: undefined });

/** Drops keys whose value is undefined, as JSON would, and returns the object as type `R`. */
function defined<R>(object: object): R {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as R;
}

const fieldRuleArb = (id: string): fc.Arbitrary<Rule> =>
  fc.oneof(
    fc.record({ when: predicateArb, points: pointsArb }).map(({ when, points }): Rule => ({ id, when, points })),
    fc
      .record({ when: predicateArb, points: pointsArb, withinDays: optional(fc.integer({ min: 1, max: 90 })), decay: optional(decayArb) })
      .map((r) => defined<Rule>({ id, at: 'lastSeenAt', ...r })),
  );

const eventRuleArb = (id: string): fc.Arbitrary<EventRule> =>
  fc
    .record({
      event: fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.uniqueArray(fc.constantFrom(...EVENT_TYPES), { minLength: 1, maxLength: 2 })),
      points: pointsArb,
      maxCount: optional(fc.integer({ min: 0, max: 5 })),
      maxPoints: optional(fc.integer({ min: 0, max: 60 })),
      perDay: optional(fc.integer({ min: 1, max: 3 })),
      withinDays: optional(fc.integer({ min: 1, max: 60 })),
      decay: optional(decayArb),
    })
    .map((r) => defined<EventRule>({ id, ...r }));

const ruleArb = (id: string): fc.Arbitrary<ScoringRule> => fc.oneof(fieldRuleArb(id), eventRuleArb(id));

/** A list of rules with ids `${prefix}-0`, `${prefix}-1`, … */
export const rulesArb = (prefix: string, maxLength = 5): fc.Arbitrary<ScoringRule[]> =>
  fc.integer({ min: 0, max: maxLength }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(`${prefix}-${i}`))));

const groupArb = (g: number): fc.Arbitrary<RuleGroup> =>
  fc
    .record({
      rules: rulesArb(`g${g}`, 4),
      cap: optional(fc.integer({ min: 0, max: 80 })),
      floor: optional(fc.integer({ min: -80, max: 0 })),
      decay: optional(decayArb),
    })
    .map((r) => defined<RuleGroup>({ id: `group-${g}`, ...r }));

/** A scorecard definition with loose rules, groups, caps, floors and decays. */
export const definitionArb: fc.Arbitrary<ScorecardDefinition> = fc
  .record({
    rules: rulesArb('r'),
    groups: fc.integer({ min: 0, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, g) => groupArb(g)))),
    cap: optional(fc.integer({ min: 0, max: 200 })),
    floor: optional(fc.integer({ min: -200, max: 0 })),
    parseStrings: optional(fc.boolean()),
  })
  .map((r) => defined<ScorecardDefinition>({ ...r, tiers: [{ name: 'A', min: 60 }, { name: 'B', min: 20 }, { name: 'C' }] }));

/** An event up to 100 days before NOW (a few after it), with ids that sometimes repeat. */
export const eventArb = fc.record(
  {
    type: fc.constantFrom(...EVENT_TYPES),
    at: fc.integer({ min: NOW - 100 * DAY, max: NOW + 2 * DAY }).map((ms) => new Date(ms).toISOString()),
    id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'),
  },
  { requiredKeys: ['type', 'at'] },
);

export const eventsArb = fc.array(eventArb, { maxLength: 25 });
