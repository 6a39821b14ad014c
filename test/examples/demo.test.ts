import { describe, expect, it } from 'vitest';
import { formatReport, loadDemoData, runDemo } from '../../examples/demo/run.js';

describe('demo', () => {
  it('routes every sample lead once', async () => {
    const { accounts, leads } = loadDemoData();
    const report = await runDemo(accounts, leads);
    const routed = report.routes.abm + report.routes.sales + report.routes.nurture;
    expect(routed).toBe(leads.length);
    expect(report.tiers.A + report.tiers.B + report.tiers.C + report.tiers.D).toBe(leads.length);
    expect(report.hookErrors).toBe(0);
  });

  it('uses all three routes', async () => {
    const { accounts, leads } = loadDemoData();
    const report = await runDemo(accounts, leads);
    expect(report.routes.abm).toBeGreaterThan(0);
    expect(report.routes.sales).toBeGreaterThan(0);
    expect(report.routes.nurture).toBeGreaterThan(0);
    expect(report.targetAccounts).toBeGreaterThan(0);
    expect(report.targetAccounts).toBeLessThan(accounts.length);
  });

  it('lists top accounts by engagement', async () => {
    const { accounts, leads } = loadDemoData();
    const report = await runDemo(accounts, leads);
    const engaged = report.topAccounts.map((account) => account.engaged);
    expect(engaged.length).toBeGreaterThan(0);
    expect(engaged[0]).toBeGreaterThan(0);
    expect(engaged).toEqual([...engaged].sort((a, b) => b - a));
  });

  it('prints every section of the report', async () => {
    const { accounts, leads } = loadDemoData();
    const text = formatReport(await runDemo(accounts, leads));
    expect(text).toContain('Definitions (in examples/demo/run.ts)');
    expect(text).toContain('Routes');
    expect(text).toContain('Top target accounts by engaged leads');
    expect(text).toContain('Score tiers');
  });
});
