import { describe, expect, it } from 'vitest';
import { icp } from '../../src/icp/index.js';
import { backtestIcp, type IcpBacktestOptions } from 'netspear/metrics';
import { atLeast, equals, oneOf } from '../../src/predicate/index.js';

interface Company {
  name: string;
  industry: string;
  employees?: number;
}

interface Deal {
  account: string;
  stage: string;
  amount?: number;
  engagedAt?: string;
  closedAt?: string;
}

const companies: Company[] = [
  { name: 'big-saas', industry: 'SaaS', employees: 5000 },
  { name: 'small-saas', industry: 'SaaS', employees: 20 },
  { name: 'big-retail', industry: 'Retail', employees: 8000 },
  { name: 'no-headcount', industry: 'SaaS' },
];
const byName = new Map(companies.map((c) => [c.name, c]));

const deal = (account: string, stage: string, amount?: number, days = 10): Deal =>
  stage === 'won' || stage === 'lost'
    ? { account, stage, ...(amount === undefined ? {} : { amount }), engagedAt: '2024-01-01', closedAt: new Date(Date.UTC(2024, 0, 1 + days)).toISOString() }
    : { account, stage };

const deals: Deal[] = [
  deal('big-saas', 'won', 50_000, 40),
  deal('big-saas', 'won', 30_000, 20),
  deal('big-saas', 'lost'),
  deal('big-saas', 'open'),
  deal('small-saas', 'won', 5_000, 10),
  deal('small-saas', 'lost'),
  deal('small-saas', 'lost'),
  deal('small-saas', 'open'),
  deal('big-retail', 'lost'),
  deal('big-retail', 'won', 20_000, 60),
  deal('no-headcount', 'won', 1_000, 5),
  deal('unlisted', 'open'),
  { account: 'big-saas', stage: 'won', amount: 99, engagedAt: '2024-02-01', closedAt: '2024-01-01' },
];

const options: IcpBacktestOptions<Deal, Company> = {
  profiles: {
    enterprise: icp<Company>(atLeast('employees', 1000)),
    saas: icp<Company>(oneOf('industry', ['SaaS'])),
  },
  account: (d) => byName.get(d.account),
  won: equals('stage', 'won'),
  lost: equals('stage', 'lost'),
  amount: 'amount',
  engagedAt: 'engagedAt',
  closedAt: 'closedAt',
};

describe('backtestIcp', () => {
  const report = backtestIcp(deals, options);
  const enterprise = report.profiles[0]!;
  const saas = report.profiles[1]!;

  it('profiles side by side', () => {
    expect(report.profiles.map((p) => p.profile)).toEqual(['enterprise', 'saas']);
  });

  it('in-ICP win rate and deal size', () => {
    expect(enterprise.inIcp.won).toBe(3);
    expect(enterprise.inIcp.lost).toBe(2);
    expect(enterprise.inIcp.winRate).toBe(3 / 5);
    expect(enterprise.inIcp.averageDealSize).toBe((50_000 + 30_000 + 20_000) / 3);
    expect(enterprise.inIcp.averageCycleDays).toBe(40);
  });

  it('out-of-ICP and lift', () => {
    expect(enterprise.outOfIcp.winRate).toBe(1 / 3);
    expect(enterprise.outOfIcp.averageDealSize).toBe(5_000);
    expect(enterprise.lift.winRate).toBeCloseTo(3 / 5 / (1 / 3), 12);
    expect(enterprise.lift.averageDealSize).toBeCloseTo(100_000 / 3 / 5_000, 12);
    expect(enterprise.lift.averageCycleDays).toBe(4);
  });

  it('velocity per side', () => {
    expect(enterprise.inIcp.openOpportunities).toBe(1);
    expect(enterprise.inIcp.velocity).toBeCloseTo((1 * (3 / 5) * (100_000 / 3)) / 40, 9);
    expect(enterprise.outOfIcp.velocity).toBeCloseTo((1 * (1 / 3) * 5_000) / 10, 9);
  });

  it('missing data and accounts are unknown', () => {
    expect(enterprise.unknown.opportunities).toBe(2);
    expect(saas.unknown.opportunities).toBe(1);
    expect(saas.inIcp.won).toBe(4);
  });

  it('bad rows reported once', () => {
    expect(report.leftOut).toBe(1);
    expect(report.issues.map((i) => [i.code, i.row])).toEqual([['closed_before_engaged', 12]]);
  });

  it('sides add up per profile', () => {
    for (const profile of report.profiles) {
      const counted = profile.inIcp.opportunities + profile.outOfIcp.opportunities + profile.unknown.opportunities;
      expect(counted + report.leftOut).toBe(deals.length);
    }
  });

  it('empty side says why', () => {
    const none = backtestIcp(deals.slice(0, 4), options).profiles[0]!;

    expect(none.outOfIcp.opportunities).toBe(0);
    expect(none.outOfIcp.issues.map((i) => i.code)).toEqual(['empty_segment']);
    expect(none.lift.winRate).toBeUndefined();
  });

  it('account function that throws is unknown', () => {
    const result = backtestIcp(deals.slice(0, 2), {
      ...options,
      account: () => {
        throw new TypeError('lookup failed');
      },
    });
    expect(result.profiles[0]!.unknown.opportunities).toBe(2);
  });

  it('rejects invalid profiles', () => {
    expect(() => backtestIcp(deals, { ...options, profiles: {} })).toThrow(/backtestIcp: profiles/);
    expect(() => backtestIcp(deals, { ...options, profiles: { x: atLeast('employees', 1) as never } })).toThrow(/profiles\.x/);
    expect(() => backtestIcp(deals, { ...options, account: 'account' as never })).toThrow(/backtestIcp: account/);
  });
});
