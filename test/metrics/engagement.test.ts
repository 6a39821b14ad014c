import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { engagementSpikes, rollUpEngagement, type EngagementRollUpOptions } from 'netspear/metrics';

interface Activity {
  account?: unknown;
  lead?: unknown;
  points?: unknown;
  at?: unknown;
}

const DAY = 86_400_000;
const now = Date.UTC(2024, 5, 30);
const daysAgo = (days: number): string => new Date(now - days * DAY).toISOString();

const options: EngagementRollUpOptions<Activity> = { account: 'account', lead: 'lead', points: 'points', at: 'at' };

const activities: Activity[] = [
  { account: 'acme', lead: 'intern', points: 40, at: daysAgo(0) },
  { account: 'acme', lead: 'intern', points: 60, at: daysAgo(30) },
  { account: 'acme', lead: 'cfo', points: 20, at: daysAgo(60) },
  { account: 'globex', lead: 'cto', points: 50, at: daysAgo(1) },
];

describe('rollUpEngagement', () => {
  it('sums per lead and account', () => {
    const report = rollUpEngagement(activities, options);

    expect(report.accounts.map((a) => [a.account, a.engagement])).toEqual([
      ['acme', 120],
      ['globex', 50],
    ]);
    expect(report.accounts[0]!.leads).toEqual([
      { lead: 'intern', engagement: 100, uncapped: 100, rows: 2 },
      { lead: 'cfo', engagement: 20, uncapped: 20, rows: 1 },
    ]);
  });

  it('caps each lead', () => {
    const report = rollUpEngagement(activities, { ...options, capPerLead: 50 });

    expect(report.accounts.map((a) => [a.account, a.engagement])).toEqual([
      ['acme', 70],
      ['globex', 50],
    ]);
    expect(report.accounts[0]!.leads[0]).toEqual({ lead: 'intern', engagement: 50, uncapped: 100, rows: 2 });
  });

  it('halves weight every half-life', () => {
    const report = rollUpEngagement(activities, { ...options, halfLifeDays: 30, now });
    const acme = report.accounts.find((a) => a.account === 'acme')!;

    expect(acme.leads.find((l) => l.lead === 'intern')!.engagement).toBeCloseTo(40 + 30, 10);
    expect(acme.leads.find((l) => l.lead === 'cfo')!.engagement).toBeCloseTo(5, 10);
    expect(acme.engagement).toBeCloseTo(75, 10);
  });

  it('weighting then cap', () => {
    const report = rollUpEngagement(activities, { ...options, halfLifeDays: 30, now, capPerLead: 60 });
    expect(report.accounts.find((a) => a.account === 'acme')!.engagement).toBeCloseTo(60 + 5, 10);
  });

  it('future activity is bad data', () => {
    const report = rollUpEngagement([...activities, { account: 'acme', lead: 'cfo', points: 10, at: daysAgo(-2) }], {
      ...options,
      halfLifeDays: 30,
      now: new Date(now),
    });

    expect(report.issues.map((i) => [i.code, i.row])).toEqual([['date_after_now', 4]]);
    expect(report.leftOut).toBe(1);
  });

  it('bad rows left out', () => {
    const rows: Activity[] = [
      { lead: 'x', points: 1, at: daysAgo(1) },
      { account: 'a', points: 1, at: daysAgo(1) },
      { account: 'a', lead: 'x', points: 'lots', at: daysAgo(1) },
      { account: 'a', lead: 'x', points: 1, at: 'last week' },
    ];
    const report = rollUpEngagement(rows, { ...options, halfLifeDays: 7, now });

    expect(report.issues.map((i) => [i.code, i.field])).toEqual([
      ['missing_value', 'account'],
      ['missing_value', 'lead'],
      ['invalid_number', 'points'],
      ['invalid_date', 'at'],
    ]);
    expect(report.accounts).toEqual([]);
  });

  it('dates unchecked without half-life', () => {
    const report = rollUpEngagement([{ account: 'a', lead: 'x', points: 3, at: 'whenever' }], options);
    expect(report.accounts[0]!.engagement).toBe(3);
  });

  it('rejects invalid options', () => {
    expect(() => rollUpEngagement(activities, { ...options, halfLifeDays: 30 })).toThrow(/rollUpEngagement: now/);
    expect(() => rollUpEngagement(activities, { ...options, halfLifeDays: 30, now: 'today' })).toThrow(/now/);
    const { at: _, ...withoutAt } = options;
    expect(() => rollUpEngagement(activities, { ...withoutAt, halfLifeDays: 30, now })).toThrow(/rollUpEngagement: at/);
    expect(() => rollUpEngagement(activities, { ...options, capPerLead: 0 })).toThrow(/capPerLead/);
    expect(() => rollUpEngagement(activities, { ...options, halfLifeDays: -1, now })).toThrow(/halfLifeDays/);
  });

  const activityArb = fc.record({
    account: fc.constant('acme'),
    lead: fc.constant('only-lead'),
    points: fc.integer({ min: -50, max: 200 }),
    at: fc.integer({ min: 0, max: 400 }).map(daysAgo),
  });
  const settingsArb = fc.record({
    halfLifeDays: fc.option(fc.integer({ min: 1, max: 180 }), { nil: undefined }),
    capPerLead: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
  });

  test.prop([fc.array(activityArb, { minLength: 1, maxLength: 30 }), settingsArb])('single lead rolls up unchanged', (rows, settings) => {
    const report = rollUpEngagement(rows, {
      ...options,
      now,
      ...(settings.halfLifeDays === undefined ? {} : { halfLifeDays: settings.halfLifeDays }),
      ...(settings.capPerLead === undefined ? {} : { capPerLead: settings.capPerLead }),
    });
    const account = report.accounts[0]!;

    expect(report.accounts).toHaveLength(1);
    expect(account.leads).toHaveLength(1);
    expect(account.engagement).toBe(account.leads[0]!.engagement);
    if (settings.halfLifeDays === undefined && settings.capPerLead === undefined) {
      expect(account.engagement).toBe(rows.reduce((n, r) => n + r.points, 0));
    }
  });

  const mixedArb = fc.record({
    account: fc.constantFrom('a', 'b', 'c'),
    lead: fc.constantFrom('x', 'y', 'z'),
    points: fc.integer({ min: 0, max: 100 }),
    at: fc.integer({ min: 0, max: 100 }).map(daysAgo),
  });

  test.prop([fc.array(mixedArb, { maxLength: 40 }), fc.integer({ min: 1, max: 100 })])('cap never raises engagement', (rows, cap) => {
    const plain = rollUpEngagement(rows, options);
    const capped = rollUpEngagement(rows, { ...options, capPerLead: cap });
    for (const account of capped.accounts) {
      const before = plain.accounts.find((a) => a.account === account.account)!;
      expect(account.engagement).toBeLessThanOrEqual(before.engagement);
      expect(account.engagement).toBeLessThanOrEqual(cap * account.leads.length);
    }
  });
});

describe('engagementSpikes', () => {
  const spikeOptions = { account: 'account', points: 'points', at: 'at', now } as const;

  it('flags week above twice baseline', () => {
    const rows: Activity[] = [
      { account: 'acme', points: 30, at: daysAgo(2) },
      { account: 'acme', points: 40, at: daysAgo(10) },
      { account: 'globex', points: 10, at: daysAgo(1) },
      { account: 'globex', points: 40, at: daysAgo(20) },
    ];
    const report = engagementSpikes(rows, spikeOptions);

    expect(report.accounts).toEqual([
      { account: 'acme', thisWeek: 30, baselineWeekly: 10, ratio: 3, spike: true },
      { account: 'globex', thisWeek: 10, baselineWeekly: 10, ratio: 1, spike: false },
    ]);
  });

  it('window edges', () => {
    const rows: Activity[] = [
      { account: 'a', points: 1, at: daysAgo(0) },
      { account: 'a', points: 2, at: daysAgo(7) },
      { account: 'a', points: 4, at: daysAgo(35) },
    ];
    const [a] = engagementSpikes(rows, spikeOptions).accounts;

    // Now itself is in this week; exactly 7 days ago is in the baseline; exactly 35 days ago is out.
    expect(a).toMatchObject({ thisWeek: 1, baselineWeekly: 0.5 });
  });

  it('cold account needs minPoints', () => {
    const rows: Activity[] = [{ account: 'a', points: 3, at: daysAgo(1) }];

    expect(engagementSpikes(rows, spikeOptions).accounts[0]).toMatchObject({ spike: true, ratio: undefined });
    expect(engagementSpikes(rows, { ...spikeOptions, minPoints: 5 }).accounts[0]!.spike).toBe(false);
  });

  it('custom multiplier', () => {
    const rows: Activity[] = [
      { account: 'a', points: 15, at: daysAgo(1) },
      { account: 'a', points: 40, at: daysAgo(14) },
    ];
    expect(engagementSpikes(rows, spikeOptions).accounts[0]!.spike).toBe(false);
    expect(engagementSpikes(rows, { ...spikeOptions, multiplier: 1.5 }).accounts[0]!.spike).toBe(true);
  });

  it('future and undated rows are bad data', () => {
    const rows: Activity[] = [
      { account: 'a', points: 1, at: daysAgo(-1) },
      { account: 'a', points: 1 },
    ];
    const report = engagementSpikes(rows, spikeOptions);

    expect(report.issues.map((i) => i.code)).toEqual(['date_after_now', 'missing_value']);
    expect(report.leftOut).toBe(2);
  });

  it('requires injected now', () => {
    expect(() => engagementSpikes([], { ...spikeOptions, now: undefined as never })).toThrow(/engagementSpikes: now/);
  });
});
