import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { funnel, type FunnelOptions } from 'netspear/metrics';

interface Lead {
  createdAt?: unknown;
  mqlAt?: unknown;
  sqlAt?: unknown;
  wonAt?: unknown;
}

const options: FunnelOptions<Lead> = {
  stages: [
    { name: 'lead', reachedAt: 'createdAt' },
    { name: 'MQL', reachedAt: 'mqlAt' },
    { name: 'SQL', reachedAt: 'sqlAt' },
    { name: 'won', reachedAt: 'wonAt' },
  ],
};

const day = (d: number): string => new Date(Date.UTC(2024, 0, 1 + d)).toISOString();

const leads: Lead[] = [
  { createdAt: day(0) },
  { createdAt: day(0) },
  { createdAt: day(0), mqlAt: day(2) },
  { createdAt: day(0), mqlAt: day(4) },
  { createdAt: day(0), mqlAt: day(6), sqlAt: day(16) },
  { createdAt: day(0), mqlAt: day(10), sqlAt: day(30), wonAt: day(60) },
];

describe('funnel', () => {
  const report = funnel(leads, options);

  it('counts leads per stage', () => {
    expect(report.leads).toBe(6);
    expect(report.stages.map((s) => [s.name, s.count])).toEqual([
      ['lead', 6],
      ['MQL', 4],
      ['SQL', 2],
      ['won', 1],
    ]);
  });

  it('conversion from previous and first', () => {
    expect(report.stages.map((s) => s.conversionFromPrevious)).toEqual([undefined, 4 / 6, 2 / 4, 1 / 2]);
    expect(report.stages.map((s) => s.conversionFromFirst)).toEqual([1, 4 / 6, 2 / 6, 1 / 6]);
  });

  it('median and p90 days between stages', () => {
    const leadToMql = report.transitions[0]!;
    expect(leadToMql).toMatchObject({ from: 'lead', to: 'MQL', entered: 6, converted: 4, rate: 4 / 6 });
    // Days 2, 4, 6, 10: the median interpolates 4 and 6; p90 sits at position 2.7 of 3.
    expect(leadToMql.days).toEqual({ count: 4, median: 5, p90: 6 + 0.7 * 4 });
    expect(report.transitions[1]!.days).toEqual({ count: 2, median: 15, p90: 10 + 0.9 * 10 });
    expect(report.transitions[2]!.days).toEqual({ count: 1, median: 30, p90: 30 });
  });

  it('skipped stage counts as passed', () => {
    const skipped = funnel([{ createdAt: day(0), sqlAt: day(5) }], options);

    expect(skipped.stages.map((s) => s.count)).toEqual([1, 1, 1, 0]);
    expect(skipped.transitions[0]!.days.count).toBe(0);
  });

  it('lead with no dates is outside', () => {
    const outside = funnel([{}, { createdAt: day(0) }], options);

    expect(outside.leads).toBe(2);
    expect(outside.outsideFunnel).toBe(1);
    expect(outside.stages[0]!.count).toBe(1);
  });

  it('stage out of order is bad data', () => {
    const result = funnel([...leads, { createdAt: day(5), mqlAt: day(1) }], options);

    expect(result.leftOut).toBe(1);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'stage_out_of_order', row: 6, field: 'mqlAt' });
    expect(result.stages[0]!.count).toBe(6);
  });

  it('invalid date is bad data', () => {
    const result = funnel([{ createdAt: '2024-13-01' }, { createdAt: 'soon' }], options);

    expect(result.issues.map((i) => [i.code, i.row])).toEqual([
      ['invalid_date', 0],
      ['invalid_date', 1],
    ]);
    expect(result.leads).toBe(0);
  });

  it('empty input has no rates', () => {
    const result = funnel([], options);

    expect(result.stages.every((s) => s.count === 0)).toBe(true);
    expect(result.transitions.every((t) => t.rate === undefined && t.days.median === undefined)).toBe(true);
  });

  it('rejects invalid stages', () => {
    expect(() => funnel(leads, { stages: [] })).toThrow(/funnel: stages/);
    expect(() => funnel(leads, { stages: [{ name: 'a', reachedAt: 'createdAt' }, { name: 'a', reachedAt: 'mqlAt' }] })).toThrow(
      /stages\[1\]\.name: duplicate/,
    );
    expect(() => funnel(leads, { stages: [{ name: 'a', reachedAt: 'constructor' as never }] })).toThrow(/stages\[0\]\.reachedAt/);
  });

  const dateArb = fc.option(fc.integer({ min: 0, max: 400 }).map(day), { nil: undefined });
  const leadArb = fc.record({ createdAt: dateArb, mqlAt: dateArb, sqlAt: dateArb, wonAt: dateArb });

  test.prop([fc.array(leadArb, { maxLength: 80 })])('conversion rates in [0, 1]', (rows) => {
    const result = funnel(rows, options);
    const rates = [
      ...result.stages.flatMap((s) => [s.conversionFromPrevious, s.conversionFromFirst]),
      ...result.transitions.map((t) => t.rate),
    ].filter((r): r is number => r !== undefined);

    for (const rate of rates) {
      expect(rate).toBeGreaterThanOrEqual(0);
      expect(rate).toBeLessThanOrEqual(1);
    }
    expect(result.leads + result.leftOut).toBe(rows.length);
  });
});
