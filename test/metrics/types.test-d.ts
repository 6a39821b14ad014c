import { describe, expectTypeOf, it } from 'vitest';
import { icp } from '../../src/icp/index.js';
import {
  backtestIcp,
  funnel,
  pipelineVelocity,
  rollUpEngagement,
  type MetricIssueCode,
  type PipelineVelocityOptions,
  type VelocitySegment,
} from 'netspear/metrics';
import { atLeast, equals } from '../../src/predicate/index.js';

interface Deal {
  stage: string;
  amount: number;
  dates: { engaged: string; closed?: string };
  region: string;
}

interface Company {
  employees: number;
}

const base: PipelineVelocityOptions<Deal> = {
  won: equals('stage', 'Won'),
  lost: equals('stage', 'Lost'),
  amount: 'amount',
  engagedAt: 'dates.engaged',
  closedAt: 'dates.closed',
};

describe('metrics field options', () => {
  it('accepts nested paths and functions', () => {
    expectTypeOf(pipelineVelocity<Deal>([], { ...base, segment: (deal) => deal.region.toUpperCase() }).segments).toEqualTypeOf<
      readonly VelocitySegment[]
    >();
  });

  it('rejects unknown field paths', () => {
    // @ts-expect-error 'amout' is not a field of Deal, so the misspelt path fails to compile.
    pipelineVelocity<Deal>([], { ...base, amount: 'amout' });
    // @ts-expect-error 'dates.opened' is not a nested field of Deal.
    funnel<Deal>([], { stages: [{ name: 'engaged', reachedAt: 'dates.opened' }] });
  });

  it('accessor receives the row type', () => {
    rollUpEngagement<Deal>([], {
      account: 'region',
      lead: 'stage',
      // @ts-expect-error Deal has no `points` property, so the accessor does not compile.
      points: (deal) => deal.points,
    });
  });

  it('profiles must fit the account type', () => {
    const profile = icp<Company>(atLeast('employees', 100));
    backtestIcp<Deal, Company>([], { ...base, profiles: { big: profile }, account: () => ({ employees: 5 }) });
    // @ts-expect-error the account function returns a string, not a Company the profiles can evaluate.
    backtestIcp<Deal, Company>([], { ...base, profiles: { big: profile }, account: (deal) => deal.region });
  });

  it('issue codes are a closed union', () => {
    expectTypeOf<'empty_segment'>().toExtend<MetricIssueCode>();
    // @ts-expect-error 'division_by_zero' is not an issue code; segments report `empty_segment` or `zero_cycle_length`.
    expectTypeOf<'division_by_zero'>().toExtend<MetricIssueCode>();
  });
});
