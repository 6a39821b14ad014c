import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEADS_FILE, parseLeadRows, scoreXEducationLeads, xEducationScorecard } from '../../examples/x-education/score-leads.js';
import { conversionByTier, rocAuc } from 'netspear/metrics';
import { dataFile } from '../support/data.js';

const file = dataFile(LEADS_FILE);

describe('metrics on X Education leads', () => {
  it.skipIf(!file.present)('tiers match the example (needs x-education-leads.csv in NETSPEAR_DATA)', () => {
    const text = readFileSync(file.path!, 'utf8');
    const rows = parseLeadRows(text);
    const expected = scoreXEducationLeads(text);
    const report = conversionByTier(rows, {
      tier: (row) => xEducationScorecard.score(row).tier,
      converted: 'Converted',
      tiers: ['A', 'B', 'C', 'D'],
      parseStrings: true,
    });

    expect(report.leads).toBe(expected.leads);
    expect(report.converted).toBe(expected.converted);
    for (const tier of expected.tiers) {
      const actual = report.tiers.find((t) => t.tier === tier.tier)!;
      expect(actual.leads, tier.tier).toBe(tier.leads);
      expect(actual.rate, tier.tier).toBeCloseTo(tier.conversionRate, 12);
    }
    expect(report.tiers[0]!.lift).toBeGreaterThan(1);
    expect(report.tiers[3]!.lift).toBeLessThan(1);
  });

  it.skipIf(!file.present)('score ranks converters (needs x-education-leads.csv in NETSPEAR_DATA)', () => {
    const rows = parseLeadRows(readFileSync(file.path!, 'utf8'));
    const report = rocAuc(rows, { score: (row) => xEducationScorecard.total(row), outcome: 'Converted', parseStrings: true });

    expect(report.leftOut).toBe(0);
    expect(report.positives + report.negatives).toBe(9240);
    expect(report.auc).toBeGreaterThan(0.75);
  });
});
