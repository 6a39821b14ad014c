import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/internal/config-error.js';
import { pipelineVelocity, velocityOf, type PipelineVelocityOptions } from 'netspear/metrics';
import { equals } from '../../src/predicate/index.js';

interface Deal {
  id: string;
  stage: string;
  amount?: unknown;
  engagedAt?: unknown;
  closedAt?: unknown;
  region?: string;
}

const options: PipelineVelocityOptions<Deal> = {
  won: equals('stage', 'won'),
  lost: equals('stage', 'lost'),
  qualified: equals('stage', 'qualified'),
  amount: 'amount',
  engagedAt: 'engagedAt',
  closedAt: 'closedAt',
};

const won = (id: string, amount: number, engagedAt: string, closedAt: string, region = 'EMEA'): Deal => ({
  id,
  stage: 'won',
  amount,
  engagedAt,
  closedAt,
  region,
});
const lost = (id: string, engagedAt: string, closedAt: string, region = 'EMEA'): Deal => ({ id, stage: 'lost', engagedAt, closedAt, region });
const open = (id: string, stage: 'qualified' | 'new', region = 'EMEA'): Deal => ({ id, stage, region });

const deals: Deal[] = [
  won('w1', 10_000, '2024-01-01', '2024-01-31'),
  won('w2', 20_000, '2024-02-01', '2024-03-02'),
  lost('l1', '2024-01-01', '2024-01-11'),
  lost('l2', '2024-01-05', '2024-02-04'),
  open('o1', 'qualified'),
  open('o2', 'qualified'),
  open('o3', 'qualified'),
  open('o4', 'new'),
];

describe('velocityOf', () => {
  it('multiplies three factors, divides by cycle', () => {
    expect(velocityOf({ openOpportunities: 40, winRate: 0.25, averageDealSize: 12_000, averageCycleDays: 60 })).toBe(2000);
  });

  it('undefined for missing factor', () => {
    expect(velocityOf({ openOpportunities: 4, winRate: undefined, averageDealSize: 100, averageCycleDays: 10 })).toBeUndefined();
    expect(velocityOf({ openOpportunities: 4, winRate: 0.5, averageDealSize: undefined, averageCycleDays: 10 })).toBeUndefined();
    expect(velocityOf({ openOpportunities: 4, winRate: 0.5, averageDealSize: 100, averageCycleDays: undefined })).toBeUndefined();
  });

  it('undefined for zero cycle', () => {
    expect(velocityOf({ openOpportunities: 4, winRate: 0.5, averageDealSize: 100, averageCycleDays: 0 })).toBeUndefined();
  });

  const factors = fc.record({
    openOpportunities: fc.integer({ min: 0, max: 10_000 }),
    winRate: fc.double({ min: 0, max: 1, noNaN: true }),
    averageDealSize: fc.double({ min: 0, max: 1e7, noNaN: true }),
    averageCycleDays: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  });
  const scale = fc.double({ min: 0, max: 1000, noNaN: true });
  const close = (actual: number | undefined, expected: number): void => {
    expect(actual).toBeDefined();
    expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  };

  test.prop([factors, scale])('linear in open opportunities', (f, k) => {
    close(velocityOf({ ...f, openOpportunities: f.openOpportunities * k }), k * velocityOf(f)!);
  });

  test.prop([factors, scale])('linear in win rate', (f, k) => {
    close(velocityOf({ ...f, winRate: f.winRate * k }), k * velocityOf(f)!);
  });

  test.prop([factors, scale])('linear in deal size', (f, k) => {
    close(velocityOf({ ...f, averageDealSize: f.averageDealSize * k }), k * velocityOf(f)!);
  });
});

describe('pipelineVelocity', () => {
  it('reports each factor', () => {
    const { total } = pipelineVelocity(deals, options);

    expect(total.opportunities).toBe(8);
    expect(total.open).toBe(4);
    expect(total.openOpportunities).toBe(3);
    expect(total.won).toBe(2);
    expect(total.lost).toBe(2);
    expect(total.winRate).toBe(0.5);
    expect(total.averageDealSize).toBe(15_000);
    expect(total.wonAmount).toBe(30_000);
    expect(total.averageCycleDays).toBe(30);
    expect(total.velocity).toBe((3 * 0.5 * 15_000) / 30);
    expect(total.issues).toEqual([]);
  });

  it('cycle closed averages lost deals too', () => {
    const { total } = pipelineVelocity(deals, { ...options, cycle: 'closed' });
    expect(total.averageCycleDays).toBe((30 + 30 + 10 + 30) / 4);
  });

  it('cycle days median and p90', () => {
    const { total } = pipelineVelocity(deals, { ...options, cycle: 'closed' });
    expect(total.cycleDays).toEqual({ count: 4, median: 30, p90: 30 });
  });

  it('every open deal qualifies by default', () => {
    const { qualified: _, ...withoutQualified } = options;
    expect(pipelineVelocity(deals, withoutQualified).total.openOpportunities).toBe(4);
  });

  it('segments by field, listed first', () => {
    const rows = [...deals, won('w3', 5_000, '2024-01-01', '2024-01-21', 'APAC'), open('o5', 'qualified', 'APAC')];
    const report = pipelineVelocity(rows, { ...options, segment: 'region', segments: ['NA', 'EMEA'] });

    expect(report.segments.map((s) => s.segment)).toEqual(['NA', 'EMEA', 'APAC']);
    const apac = report.segments[2]!;
    expect(apac.winRate).toBe(1);
    expect(apac.averageCycleDays).toBe(20);
    expect(apac.velocity).toBe((1 * 1 * 5_000) / 20);
  });

  it('empty segment says why', () => {
    const report = pipelineVelocity(deals, { ...options, segment: 'region', segments: ['NA'] });
    const na = report.segments.find((s) => s.segment === 'NA')!;

    expect(na.opportunities).toBe(0);
    expect(na.velocity).toBeUndefined();
    expect(na.winRate).toBeUndefined();
    expect(na.averageDealSize).toBeUndefined();
    expect(na.averageCycleDays).toBeUndefined();
    expect(na.issues.map((i) => i.code)).toEqual(['empty_segment']);
    expect(na.issues[0]!.segment).toBe('NA');
  });

  it('segment without closed deals', () => {
    const report = pipelineVelocity([open('o1', 'qualified', 'NA')], { ...options, segment: 'region' });
    const na = report.segments[0]!;

    expect(na.velocity).toBeUndefined();
    expect(na.issues.map((i) => i.code)).toEqual(['no_closed_deals']);
  });

  it('segment without won deals', () => {
    const report = pipelineVelocity([lost('l1', '2024-01-01', '2024-01-05', 'NA'), open('o1', 'qualified', 'NA')], { ...options, segment: 'region' });
    const na = report.segments[0]!;

    expect(na.winRate).toBe(0);
    expect(na.velocity).toBeUndefined();
    expect(na.issues.map((i) => i.code)).toEqual(['no_won_deals']);
  });

  it('same-day closes give zero cycle', () => {
    const report = pipelineVelocity([won('w1', 100, '2024-01-01', '2024-01-01'), open('o1', 'qualified')], options);

    expect(report.total.averageCycleDays).toBe(0);
    expect(report.total.velocity).toBeUndefined();
    expect(report.total.issues.map((i) => i.code)).toEqual(['zero_cycle_length']);
  });

  it('missing segment goes to (none)', () => {
    const report = pipelineVelocity([{ ...open('o1', 'qualified'), region: '' }], { ...options, segment: 'region' });
    expect(report.segments.map((s) => s.segment)).toEqual(['(none)']);
  });

  it('closed before engaged is bad data', () => {
    const report = pipelineVelocity([...deals, won('bad', 1_000_000, '2024-03-01', '2024-02-01')], options);

    expect(report.leftOut).toBe(1);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'closed_before_engaged', row: 8, field: 'closedAt', received: '2024-02-01' });
    expect(report.issues[0]!.message).toContain('row 8');
    expect(report.total.opportunities).toBe(8);
    expect(report.total.averageDealSize).toBe(15_000);
  });

  it('lost deal closed before engaged', () => {
    const report = pipelineVelocity([...deals, lost('bad', '2024-03-01', '2024-02-01')], options);

    expect(report.issues.map((i) => i.code)).toEqual(['closed_before_engaged']);
    expect(report.total.lost).toBe(2);
  });

  it('invalid and impossible dates are bad data', () => {
    const rows = [
      ...deals,
      won('a', 100, 'yesterday', '2024-02-01'),
      won('b', 100, '2024-02-30', '2024-03-01'),
      { ...won('c', 100, '2024-01-01', ''), closedAt: new Date(Number.NaN) },
      { ...won('d', 100, '2024-01-01', ''), closedAt: Number.POSITIVE_INFINITY },
    ];
    const report = pipelineVelocity(rows, options);

    expect(report.issues.map((i) => [i.code, i.row])).toEqual([
      ['invalid_date', 8],
      ['invalid_date', 9],
      ['invalid_date', 10],
      ['invalid_date', 11],
    ]);
    expect(report.total.won).toBe(2);
  });

  it('won deal needs dates and amount', () => {
    const rows: Deal[] = [
      { id: 'a', stage: 'won', amount: 100, engagedAt: '2024-01-01' },
      { id: 'b', stage: 'won', engagedAt: '2024-01-01', closedAt: '2024-01-02' },
      { id: 'c', stage: 'won', amount: 'n/a', engagedAt: '2024-01-01', closedAt: '2024-01-02' },
      { id: 'd', stage: 'won', amount: -5, engagedAt: '2024-01-01', closedAt: '2024-01-02' },
    ];
    const report = pipelineVelocity(rows, options);

    expect(report.issues.map((i) => [i.code, i.field])).toEqual([
      ['missing_value', 'closedAt'],
      ['missing_value', 'amount'],
      ['invalid_number', 'amount'],
      ['invalid_number', 'amount'],
    ]);
    expect(report.total.opportunities).toBe(0);
  });

  it('lost deal without dates still counts', () => {
    const report = pipelineVelocity([{ id: 'l', stage: 'lost' }], options);

    expect(report.issues).toEqual([]);
    expect(report.total.lost).toBe(1);
  });

  it('closed cycle needs lost dates', () => {
    const report = pipelineVelocity([{ id: 'l', stage: 'lost' }], { ...options, cycle: 'closed' });
    expect(report.issues.map((i) => i.code)).toEqual(['missing_value']);
  });

  it('numeric strings only with parseStrings', () => {
    const row = won('w', 0, '2024-01-01', '2024-01-11');
    const text = { ...row, amount: '2500' };

    expect(pipelineVelocity([text], options).issues.map((i) => i.code)).toEqual(['invalid_number']);
    expect(pipelineVelocity([text], { ...options, parseStrings: true }).total.averageDealSize).toBe(2500);
  });

  it('epoch milliseconds and Date accepted', () => {
    const start = Date.UTC(2024, 0, 1);
    const rows = [won('w', 100, '', ''), won('v', 100, '', '')].map((row, i) => ({
      ...row,
      engagedAt: i === 0 ? start : new Date(start),
      closedAt: i === 0 ? start + 10 * 86_400_000 : '2024-01-11T00:00:00Z',
    }));
    expect(pipelineVelocity(rows, options).total.averageCycleDays).toBe(10);
  });

  it('unknown qualification counts as not qualified', () => {
    const report = pipelineVelocity([...deals, { id: 'q', stage: 'new' }], { ...options, qualified: equals('region', 'EMEA') });

    expect(report.issues.map((i) => [i.code, i.row])).toEqual([['unknown_qualification', 8]]);
    expect(report.leftOut).toBe(0);
    expect(report.total.open).toBe(5);
    expect(report.total.openOpportunities).toBe(4);
  });

  it('ambiguous and unknown outcomes', () => {
    const rows = [{ id: 'x', stage: 'won' }, { id: 'y' } as unknown as Deal];
    const both = pipelineVelocity(rows.slice(0, 1), { ...options, lost: equals('stage', 'won') });
    const unknown = pipelineVelocity(rows.slice(1), options);

    expect(both.issues.map((i) => i.code)).toEqual(['ambiguous_outcome']);
    expect(unknown.issues.map((i) => i.code)).toEqual(['unknown_outcome']);
    expect(unknown.leftOut).toBe(1);
  });

  it('hostile rows never throw', () => {
    const rows = [null, 42, 'text', [], { __proto__: { stage: 'won' } }, Object.create(null)] as unknown as Deal[];
    const report = pipelineVelocity(rows, options);

    expect(report.leftOut).toBe(rows.length);
    expect(report.issues.every((i) => i.code === 'unknown_outcome')).toBe(true);
  });

  it('sparse array holes are bad rows', () => {
    const rows: Deal[] = [];
    rows[2] = deals[0]!;
    const report = pipelineVelocity(rows, options);

    expect(report.issues.map((i) => [i.code, i.row])).toEqual([
      ['unknown_outcome', 0],
      ['unknown_outcome', 1],
    ]);
    expect(report.total.opportunities + report.leftOut).toBe(3);
  });

  it('rejects invalid options', () => {
    expect(() => pipelineVelocity(deals, { ...options, amount: 'a.__proto__' as never })).toThrow(ConfigError);
    expect(() => pipelineVelocity(deals, { ...options, won: null as never })).toThrow(/pipelineVelocity: won/);
    expect(() => pipelineVelocity(deals, { ...options, lost: { op: 'gt', field: 'x', value: 'a' } as never })).toThrow(
      /pipelineVelocity: lost/,
    );
    expect(() => pipelineVelocity(deals, { ...options, cycle: 'open' as never })).toThrow(/cycle/);
    expect(() => pipelineVelocity(deals, { ...options, segments: ['NA'] })).toThrow(/segments/);
    expect(() => pipelineVelocity('deals' as never, options)).toThrow(/rows/);
  });

  it('predicate error names the option', () => {
    let caught: unknown;
    try {
      pipelineVelocity(deals, { ...options, won: { op: 'no_such_operator', field: 'stage' } as never });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).api).toBe('pipelineVelocity');
    expect((caught as ConfigError).path).toBe('won.op');
    expect((caught as ConfigError).message).toMatch(/^pipelineVelocity: won\.op: /);
  });

  const dealArb = fc.record({
    id: fc.string(),
    stage: fc.constantFrom('won', 'lost', 'qualified', 'new', 'junk'),
    amount: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constant('n/a')),
    engagedAt: fc.integer({ min: 0, max: 100 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString()),
    closedAt: fc.integer({ min: 0, max: 200 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString()),
    region: fc.constantFrom('NA', 'EMEA', 'APAC', ''),
  });

  test.prop([fc.array(dealArb, { maxLength: 60 })])('segment counts add up', (rows) => {
    const report = pipelineVelocity(rows, { ...options, segment: 'region' });
    const sum = (pick: (s: (typeof report.segments)[number]) => number): number => report.segments.reduce((n, s) => n + pick(s), 0);

    expect(sum((s) => s.opportunities)).toBe(report.total.opportunities);
    expect(sum((s) => s.won)).toBe(report.total.won);
    expect(sum((s) => s.lost)).toBe(report.total.lost);
    expect(sum((s) => s.open)).toBe(report.total.open);
    expect(sum((s) => s.openOpportunities)).toBe(report.total.openOpportunities);
    expect(report.total.opportunities + report.leftOut).toBe(rows.length);
  });

  test.prop([fc.array(dealArb, { maxLength: 60 })])('win rate in [0, 1]', (rows) => {
    const report = pipelineVelocity(rows, { ...options, segment: 'region' });
    for (const segment of [report.total, ...report.segments]) {
      if (segment.winRate === undefined) continue;
      expect(segment.winRate).toBeGreaterThanOrEqual(0);
      expect(segment.winRate).toBeLessThanOrEqual(1);
    }
  });

  test.prop([fc.array(dealArb, { maxLength: 40 }), fc.integer({ min: 1, max: 5 })])('linear in open deal count', (rows, k) => {
    const openRows = rows.filter((r) => r.stage === 'qualified');
    const copies = Array.from({ length: k - 1 }, () => openRows).flat();
    const base = pipelineVelocity(rows, options).total.velocity;
    const scaled = pipelineVelocity([...rows, ...copies], options).total.velocity;

    if (base === undefined) expect(scaled).toBeUndefined();
    else expect(Math.abs(scaled! - base * k)).toBeLessThanOrEqual(1e-9 * Math.max(1, base * k));
  });
});
