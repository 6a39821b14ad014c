import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRM_FILES, computeCrmMetrics, formatCrmReport, loadCrm, parseCrm, usDateToIso } from '../../examples/crm-metrics/crm-metrics.js';
import { dataFile } from '../support/data.js';

const files = Object.values(CRM_FILES).map(dataFile);
const present = files.every((file) => file.present);
const folder = present ? dirname(files[0]!.path!) : '';

// The expected figures come from a separate Python script over the four files, using the csv,
// datetime and statistics modules: counts by deal_stage, means with statistics.mean, the p90
// with statistics.quantiles(n=10, method='inclusive'), and cycle days as
// (close_date - engage_date).days after splitting the M/D/YYYY dates on '/'.
describe('CRM sample metrics', () => {
  const report = present ? computeCrmMetrics(loadCrm(folder)) : undefined;

  it.skipIf(!present)('overall win rate (needs crm-*.csv in NETSPEAR_DATA)', () => {
    const total = report!.byOffice.total;

    // 4,238 Won and 2,473 Lost rows in crm-sales-pipeline.csv.
    expect(total.won).toBe(4238);
    expect(total.lost).toBe(2473);
    expect(total.winRate).toBeCloseTo(4238 / (4238 + 2473), 12);
    expect(total.opportunities).toBe(8800);
    expect(report!.byOffice.leftOut).toBe(0);
  });

  it.skipIf(!present)('deal size and cycle (needs crm-*.csv in NETSPEAR_DATA)', () => {
    const total = report!.byOffice.total;

    // Sum of close_value over Won rows is 10,005,534.
    expect(total.wonAmount).toBe(10_005_534);
    expect(total.averageDealSize).toBeCloseTo(2360.9093912222747, 9);
    expect(total.averageCycleDays).toBeCloseTo(51.781972628598396, 9);
    expect(total.cycleDays.median).toBe(57);
    expect(total.cycleDays.p90).toBe(106);
    expect(total.openOpportunities).toBe(1589);
  });

  it.skipIf(!present)('velocity per office (needs crm-*.csv in NETSPEAR_DATA)', () => {
    const offices = report!.byOffice.segments;

    expect(offices.map((s) => [s.segment, s.opportunities])).toEqual([
      ['Central', 3512],
      ['East', 2291],
      ['West', 2997],
    ]);
    // West: 748 Engaging × (1,438 ÷ 2,249) × mean won value ÷ mean won cycle.
    expect(offices[2]!.velocity).toBeCloseTo(22897.96482170096, 6);
    expect(offices[0]!.velocity).toBeCloseTo(9975.369901407676, 6);
  });

  it.skipIf(!present)('velocity per sector (needs crm-*.csv in NETSPEAR_DATA)', () => {
    const sectors = report!.bySector.segments;
    const retail = sectors.find((s) => s.segment === 'retail')!;
    const none = sectors.find((s) => s.segment === '(none)')!;

    expect(retail.opportunities).toBe(1397);
    expect(retail.velocity).toBeCloseTo(2687.588687860776, 6);
    // 1,425 opportunities have no account; none of them is closed.
    expect(none.opportunities).toBe(1425);
    expect(none.issues.map((i) => i.code)).toEqual(['no_closed_deals']);
    expect(sectors.reduce((n, s) => n + s.opportunities, 0)).toBe(8800);
  });

  it.skipIf(!present)('win rate in and out of ICP (needs crm-*.csv in NETSPEAR_DATA)', () => {
    const [enterprise, technology] = report!.backtest.profiles;

    // Accounts with employees >= 1000: 3,515 won and 2,070 lost; the others 723 and 403.
    expect(enterprise!.inIcp.winRate).toBeCloseTo(3515 / 5585, 12);
    expect(enterprise!.outOfIcp.winRate).toBeCloseTo(723 / 1126, 12);
    expect(enterprise!.unknown.opportunities).toBe(1425);
    expect(technology!.inIcp.opportunities).toBe(2423);
    expect(technology!.inIcp.velocity).toBeCloseTo(4149.654792221747, 6);
  });

  it.skipIf(!present)('engaged to won funnel (needs crm-*.csv in NETSPEAR_DATA)', () => {
    const step = report!.engagedToWon.transitions[0]!;

    // 8,300 rows have an engage_date; the 500 Prospecting rows have none.
    expect(step.entered).toBe(8300);
    expect(step.converted).toBe(4238);
    expect(step.days.median).toBe(57);
    expect(report!.engagedToWon.outsideFunnel).toBe(500);
  });

  it.skipIf(!present)('report prints every section (needs crm-*.csv in NETSPEAR_DATA)', () => {
    const text = formatCrmReport(report!);

    expect(text).toContain('Pipeline velocity per regional office');
    expect(text).toContain('ICP back-test');
    expect(text).toMatch(/West +2997 +748 +63\.9%/);
  });
});

const accountsCsv = 'account,sector,year_established,revenue,employees,office_location,subsidiary_of\nAcme,technolgy,1996,1100.04,2822,United States,\n';
const teamsCsv = 'sales_agent,manager,regional_office\nAgent 01,Manager 01,Central\n';
const productsCsv = 'product,series,sales_price\nGTX Pro,GTX,4821\n';
const pipelineCsv = [
  'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value',
  'A1,Agent 01,GTXPro,Acme,Won,10/20/2016,3/1/2017,1054',
  'A2,Agent 01,GTXPro,Acme,Won,3/20/2017,3/1/2017,999',
  'A3,Agent 01,GTXPro,Acme,Lost,2/30/2017,3/1/2017,0',
  'A4,Agent 99,GTXPro,,Engaging,10/20/2016,,',
  '',
].join('\n');

describe('CRM example on inline rows', () => {
  const data = parseCrm({ accounts: accountsCsv, pipeline: pipelineCsv, teams: teamsCsv, products: productsCsv });

  it('converts US dates to ISO', () => {
    expect(usDateToIso('3/1/2017')).toBe('2017-03-01');
    expect(usDateToIso('12/31/2016')).toBe('2016-12-31');
    expect(usDateToIso('2017-03-01')).toBe('2017-03-01');
    expect(usDateToIso('')).toBe('');
  });

  it('joins team, sector and series', () => {
    expect(data.opportunities[0]).toMatchObject({ office: 'Central', sector: 'technolgy', series: 'GTX' });
    expect(data.opportunities[3]).toMatchObject({ office: '', sector: '', series: 'GTX' });
  });

  it('bad dates reported, not counted', () => {
    const report = computeCrmMetrics(data);

    expect(report.byOffice.issues.map((i) => [i.code, i.row])).toEqual([
      ['closed_before_engaged', 1],
      ['invalid_date', 2],
    ]);
    expect(report.byOffice.total.won).toBe(1);
    expect(report.byOffice.total.lost).toBe(0);
  });

  it('listed office without deals', () => {
    const east = computeCrmMetrics(data).byOffice.segments.find((s) => s.segment === 'East')!;

    expect(east.velocity).toBeUndefined();
    expect(east.issues.map((i) => i.code)).toEqual(['empty_segment']);
  });

  it('missing folder names the file', () => {
    expect(() => loadCrm('/nonexistent-folder')).toThrow(/crm-accounts\.csv not found/);
  });
});
