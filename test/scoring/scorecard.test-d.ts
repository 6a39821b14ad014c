import { describe, expectTypeOf, it } from 'vitest';
import { fieldsOf, isTrue } from '../../src/predicate/index.js';
import { combinedScorecard, scoreEach, scorecard, type Scorecard, type TierDefinition } from '../../src/scoring/index.js';

interface Lead {
  title: string;
  companySize: number;
  visitedPricingPage: boolean;
}

const rules = [{ id: 'pricing', when: isTrue('visitedPricingPage'), points: 25 }];
const lead: Lead = { title: 'CTO', companySize: 10, visitedPricingPage: true };

describe('scorecard tier names', () => {
  it('infers named tier union', () => {
    const card = scorecard({ rules, tiers: [{ name: 'hot', min: 80 }, { name: 'warm', min: 40 }, { name: 'cold' }] });
    expectTypeOf(card.score(lead).tier).toEqualTypeOf<'hot' | 'warm' | 'cold'>();
    expectTypeOf(card.tierOf(10)).toEqualTypeOf<'hot' | 'warm' | 'cold'>();
  });

  it('keeps undefined without catch-all', () => {
    const card = scorecard({ rules, tiers: [{ name: 'hot', min: 80 }, { name: 'warm', min: 40 }] });
    expectTypeOf(card.score(lead).tier).toEqualTypeOf<'hot' | 'warm' | undefined>();
    expectTypeOf(card.tierOf(10)).toEqualTypeOf<'hot' | 'warm' | undefined>();
  });

  it('keeps undefined for tiers from data', () => {
    const tiers: TierDefinition[] = JSON.parse('[{ "name": "hot", "min": 80 }, { "name": "cold" }]');
    expectTypeOf(scorecard({ rules, tiers }).score(lead).tier).toEqualTypeOf<string | undefined>();
  });

  it('mqlThreshold gives mql, nurture', () => {
    const card = scorecard({ rules, mqlThreshold: 75 });
    expectTypeOf(card.score(lead).tier).toEqualTypeOf<'mql' | 'nurture'>();
  });

  it('scoreEach keeps the tier type', async () => {
    const card = scorecard({ rules, mqlThreshold: 75 });
    for await (const { result } of scoreEach(card, [lead])) expectTypeOf(result.tier).toEqualTypeOf<'mql' | 'nurture'>();
  });

  it('explicit type arguments stay loose', () => {
    expectTypeOf(scorecard<Lead>({ rules, mqlThreshold: 75 }).score(lead).tier).toEqualTypeOf<'mql' | 'nurture' | undefined>();
    expectTypeOf(scorecard<Lead, 'hot' | 'cold'>({ rules, tiers: [{ name: 'hot', min: 80 }, { name: 'cold' }] }).score(lead).tier).toEqualTypeOf<
      'hot' | 'cold' | undefined
    >();
  });

  it('rejects comparing unknown tier', () => {
    const card = scorecard({ rules, tiers: [{ name: 'hot', min: 80 }, { name: 'cold' }] });
    // @ts-expect-error 'warm' is not one of the tier names, so the comparison can never be true.
    expectTypeOf(card.score(lead).tier === 'warm').toEqualTypeOf<boolean>();
  });
});

describe('scorecard lead type', () => {
  const c = fieldsOf<Lead>();
  const card = scorecard<Lead>({ rules: [{ id: 'size', when: c.atLeast('companySize', 50), points: 10 }], mqlThreshold: 10 });

  it('carries the lead type', () => {
    expectTypeOf(card).toEqualTypeOf<Scorecard<Lead, 'mql' | 'nurture'>>();
    expectTypeOf(card).toExtend<Scorecard<Lead, string>>();
    expectTypeOf(card.total).parameter(0).toEqualTypeOf<Lead>();
  });

  it('rejects wrong lead shape', () => {
    // @ts-expect-error companySize must be a number in a Lead.
    card.score({ title: 'CTO', companySize: '50', visitedPricingPage: true });
  });
});

describe('scorecard options types', () => {
  const card = scorecard({ rules, tiers: [{ name: 'hot', min: 80 }, { name: 'cold' }] });

  it('named card fits string card', () => {
    expectTypeOf(card).toExtend<Scorecard<any, string>>();
  });

  it('previousTier takes tier names', () => {
    // @ts-expect-error 'warm' is not a tier of this scorecard, so it cannot be the previous tier.
    card.score(lead, { previousTier: 'warm' });
    expectTypeOf(card.tierOf).parameter(1).toEqualTypeOf<'hot' | 'cold' | undefined>();
  });

  it('event rule needs event type', () => {
    // @ts-expect-error an event rule's `event` is a type name or a list of them, not a number.
    scorecard({ rules: [{ id: 'e', event: 3, points: 1 }], mqlThreshold: 1 });
  });
});

describe('combined grade type', () => {
  const fit = scorecard({ rules, tiers: [{ name: 'A', min: 50 }, { name: 'B' }] });
  const engagement = scorecard({ rules, tiers: [{ name: '1', min: 50 }, { name: '2' }] });

  it('grade joins tier names', () => {
    expectTypeOf(combinedScorecard({ fit, engagement }).score(lead).grade).toEqualTypeOf<'A1' | 'A2' | 'A?' | 'B1' | 'B2' | 'B?' | '?1' | '?2' | '??'>();
  });
});
