import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS_FILE, analyseCrm, parseAccounts, PIPELINE_FILE } from '../../examples/crm-icp/run.js';
import { dataFile } from '../support/data.js';

const accounts = dataFile(ACCOUNTS_FILE);
const pipeline = dataFile(PIPELINE_FILE);
const present = accounts.present && pipeline.present;

describe('CRM ICP example', () => {
  it('fixes the export typos', () => {
    const [account] = parseAccounts('account,sector,year_established,revenue,employees,office_location,subsidiary_of\nAcme, Technolgy ,1996,1100.04,2822,Philipines,\n');
    expect(account).toEqual({
      account: 'Acme',
      sector: 'technology',
      yearEstablished: 1996,
      revenue: 1100.04,
      employees: 2822,
      officeLocation: 'philippines',
      parent: undefined,
    });
  });

  it.skipIf(!present)('splits the real accounts (needs crm-accounts.csv and crm-sales-pipeline.csv in NETSPEAR_DATA)', () => {
    const report = analyseCrm(readFileSync(accounts.path!, 'utf8'), readFileSync(pipeline.path!, 'utf8'));
    expect(report.inIcp.accounts + report.outOfIcp.accounts).toBe(85);
    expect(report.inIcp.accounts).toBeGreaterThan(report.matchedWithoutNormalising);
    expect(report.inIcp.winRate).toBeGreaterThan(0);
    expect(report.inIcp.averageDeal).toBeGreaterThan(0);
    expect(report.tiers.reduce((sum, t) => sum + t.accounts, 0)).toBe(85);
    expect(report.sqlAgrees).toBe(true);
  });
});
