import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LEADS_FILE,
  parseLeadRows,
  scoreXEducationLeads,
  xEducationScorecard,
} from '../../examples/x-education/score-leads.js';

const dataFolder = process.env['NETSPEAR_DATA'];
const leadsPath = dataFolder === undefined || dataFolder.trim() === '' ? undefined : join(dataFolder, LEADS_FILE);
const present = leadsPath !== undefined && existsSync(leadsPath);

if (!present) {
  const reason =
    leadsPath === undefined ? 'NETSPEAR_DATA is not set' : `${LEADS_FILE} not found at ${leadsPath}`;
  console.warn(`Skipping the X Education data test: ${reason}.`);
}

describe('x-education example on the real file', () => {
  it.skipIf(!present)('conversion rises by tier (needs x-education-leads.csv in NETSPEAR_DATA)', () => {
    const report = scoreXEducationLeads(readFileSync(leadsPath!, 'utf8'));

    expect(report.leads).toBe(9240);
    expect(report.tiers.map((t) => t.tier)).toEqual(['D', 'C', 'B', 'A']);
    expect(report.tiers.reduce((sum, t) => sum + t.leads, 0)).toBe(9240);
    expect(report.tiers.reduce((sum, t) => sum + t.converted, 0)).toBe(report.converted);
    for (let i = 1; i < report.tiers.length; i++) {
      const lower = report.tiers[i - 1]!;
      const higher = report.tiers[i]!;
      expect(higher.conversionRate, `tier ${higher.tier} vs ${lower.tier}`).toBeGreaterThan(lower.conversionRate);
    }
    expect(report.tiers[0]!.conversionRate).toBeLessThan(0.15);
    expect(report.tiers.at(-1)!.conversionRate).toBeGreaterThan(0.7);
  });
});

const header =
  'Prospect ID,Lead Origin,Lead Source,Do Not Email,Converted,TotalVisits,Total Time Spent on Website,Last Activity,What is your current occupation';
const inlineCsv = [
  header,
  'p1,Select,Select,Select,0,Select,Select,Select,Select',
  'p2,,,,0,,,,',
  'p3,API,Google,No,1,4,900,SMS Sent,Unemployed',
  '',
].join('\n');

describe('x-education example on inline rows', () => {
  const rows = parseLeadRows(inlineCsv);

  it('parses rows and skips empty lines', () => {
    expect(rows).toHaveLength(3);
    expect(rows[0]!['What is your current occupation']).toBe('Select');
    expect(rows[1]!['What is your current occupation']).toBe('');
  });

  it('Select never matches a rule', () => {
    const result = xEducationScorecard.score(rows[0]!);

    expect(result.contributions.filter((c) => c.matched)).toEqual([]);
    expect(result.total).toBe(0);
    expect(result.tier).toBe('D');
  });

  it('Select counts as missing, like an empty cell', () => {
    const select = xEducationScorecard.score(rows[0]!);
    const empty = xEducationScorecard.score(rows[1]!);

    expect(select.missingFields).toContain('Total Time Spent on Website');
    expect(select.missingFields).toContain('Lead Origin');
    expect(select.missingFields).toEqual(empty.missingFields);
    expect(select.contributions.map((c) => c.outcome)).toEqual(empty.contributions.map((c) => c.outcome));
  });

  it('Select occupation fails the answered rule', () => {
    const answered = (index: number) =>
      xEducationScorecard.score(rows[index]!).contributions.find((c) => c.ruleId === 'occupation-answered');

    expect(answered(0)?.outcome).toBe('no_match');
    expect(answered(1)?.outcome).toBe('no_match');
    expect(answered(2)?.outcome).toBe('match');
  });

  it('reads numbers and flags from CSV text', () => {
    const result = xEducationScorecard.score(rows[2]!);
    const matched = result.contributions.filter((c) => c.matched).map((c) => c.ruleId);

    expect(matched).toEqual(['occupation-answered', 'time-on-site-500', 'time-on-site-800', 'reached-by-phone']);
    expect(result.total).toBe(65);
    expect(result.tier).toBe('A');
    expect(result.contributions.find((c) => c.ruleId === 'do-not-email')?.outcome).toBe('no_match');
  });

  it('report counts the inline rows', () => {
    const report = scoreXEducationLeads(inlineCsv);

    expect(report.leads).toBe(3);
    expect(report.converted).toBe(1);
    expect(report.tiers.find((t) => t.tier === 'D')).toMatchObject({ leads: 2, converted: 0, conversionRate: 0 });
    expect(report.tiers.find((t) => t.tier === 'A')).toMatchObject({ leads: 1, converted: 1, conversionRate: 1 });
  });

  it('rejects a row without an outcome', () => {
    const broken = `${header}\np4,API,Google,No,,0,0,Email Opened,Unemployed\n`;

    expect(() => scoreXEducationLeads(broken)).toThrow('invalid Converted value "" in data row 1: expected 0 or 1');
  });
});
