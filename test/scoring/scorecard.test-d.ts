import { describe, expectTypeOf, it } from 'vitest';
import { fieldsOf, isTrue } from '../../src/predicate/index.js';
import { scorecard, type Scorecard } from '../../src/scoring/index.js';

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
    expectTypeOf(card.score(lead).tier).toEqualTypeOf<'hot' | 'warm' | 'cold' | undefined>();
    expectTypeOf(card.tierOf(10)).toEqualTypeOf<'hot' | 'warm' | 'cold' | undefined>();
  });

  it('mqlThreshold gives mql, nurture', () => {
    const card = scorecard({ rules, mqlThreshold: 75 });
    expectTypeOf(card.score(lead).tier).toEqualTypeOf<'mql' | 'nurture' | undefined>();
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
    expectTypeOf(card.total).parameter(0).toEqualTypeOf<Lead>();
  });

  it('rejects wrong lead shape', () => {
    // @ts-expect-error companySize must be a number in a Lead.
    card.score({ title: 'CTO', companySize: '50', visitedPricingPage: true });
  });
});
