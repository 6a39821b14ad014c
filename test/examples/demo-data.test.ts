import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNTS_FILE,
  ACCOUNT_COUNT,
  DEMO_DATA_DIR,
  LEAD_COUNT,
  LEADS_FILE,
  generateDemoData,
  serializeRecords,
} from '../../examples/demo/generate.js';
import { DIRTY_COUNTS } from '../../examples/demo/leads.js';
import { mulberry32 } from '../../examples/demo/random.js';
import type { DemoAccount, DemoLead } from '../../examples/demo/types.js';
import { FREE_MAIL_DOMAINS, TITLES } from '../../examples/demo/vocabulary.js';

const REGENERATE = 'run `npx tsx examples/demo/generate.ts` and commit examples/demo/data';

const data = generateDemoData();
const accounts: readonly DemoAccount[] = data.accounts;
const leads: readonly DemoLead[] = data.leads;

function readCommitted(file: string): string {
  return readFileSync(join(DEMO_DATA_DIR, file), 'utf8');
}

function emailDomain(lead: DemoLead): string | undefined {
  return lead.email?.trim().toLowerCase().split('@')[1];
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

describe('demo data files', () => {
  it('accounts.json matches the generator', () => {
    expect(serializeRecords(accounts) === readCommitted(ACCOUNTS_FILE), REGENERATE).toBe(true);
  });

  it('leads.json matches the generator', () => {
    expect(serializeRecords(leads) === readCommitted(LEADS_FILE), REGENERATE).toBe(true);
  });

  it('files parse back to the generated data', () => {
    expect(JSON.parse(readCommitted(ACCOUNTS_FILE))).toEqual(accounts);
    expect(JSON.parse(readCommitted(LEADS_FILE))).toEqual(leads);
  });

  it('files stay under 1.5 MB', () => {
    expect(statSync(join(DEMO_DATA_DIR, ACCOUNTS_FILE)).size).toBeLessThan(1_500_000);
    expect(statSync(join(DEMO_DATA_DIR, LEADS_FILE)).size).toBeLessThan(1_500_000);
  });

  it('one record per line', () => {
    const lines = readCommitted(LEADS_FILE).trimEnd().split('\n');

    expect(lines).toHaveLength(LEAD_COUNT + 2);
    expect(lines[0]).toBe('[');
    expect(lines.at(-1)).toBe(']');
  });
});

describe('demo data generator', () => {
  it('same seed gives the same data', () => {
    expect(generateDemoData()).toEqual(data);
  });

  it('another seed gives other data', () => {
    expect(generateDemoData(1).accounts).not.toEqual(accounts);
  });

  it('mulberry32 repeats per seed', () => {
    const next = mulberry32(42);
    const first = [next(), next(), next()];
    const again = mulberry32(42);
    const other = mulberry32(43);

    for (const x of first) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect([again(), again(), again()]).toEqual(first);
    expect([other(), other(), other()]).not.toEqual(first);
  });
});

describe('demo accounts', () => {
  it('has the expected count', () => {
    expect(accounts).toHaveLength(ACCOUNT_COUNT);
  });

  it('ids are unique', () => {
    expect(duplicates(accounts.map((a) => a.id))).toEqual([]);
    expect(accounts[0]?.id).toBe('acc-001');
  });

  it('names are unique', () => {
    expect(duplicates(accounts.map((a) => a.name.toLowerCase()))).toEqual([]);
  });

  it('every domain is unique', () => {
    const domains = accounts.flatMap((a) => a.domains);

    expect(duplicates(domains)).toEqual([]);
    for (const domain of domains) expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z]{2,})+$/);
  });

  it('numbers are positive integers', () => {
    for (const account of accounts) {
      expect(Number.isInteger(account.employees), account.id).toBe(true);
      expect(account.employees, account.id).toBeGreaterThan(0);
      expect(Number.isInteger(account.annualRevenue), account.id).toBe(true);
      expect(account.annualRevenue, account.id).toBeGreaterThan(0);
      expect(account.techStack.length, account.id).toBeGreaterThan(0);
    }
  });
});

describe('demo leads', () => {
  it('has the expected count', () => {
    expect(leads).toHaveLength(LEAD_COUNT);
  });

  it('ids are unique', () => {
    expect(duplicates(leads.map((l) => l.id))).toEqual([]);
    expect(leads[0]?.id).toBe('lead-0001');
  });

  it('emails are unique after normalising', () => {
    const emails = leads.flatMap((l) => (l.email === undefined ? [] : [l.email.trim().toLowerCase()]));

    expect(duplicates(emails)).toEqual([]);
  });

  it('created in 2026, in id order', () => {
    const times = leads.map((l) => l.createdAt);

    expect(times.every((t) => t.startsWith('2026-'))).toBe(true);
    expect([...times].sort()).toEqual(times);
  });

  it('email domains mix accounts, free mail and others', () => {
    const accountDomains = accounts.flatMap((a) => a.domains);
    const freeMail = new Set(FREE_MAIL_DOMAINS);
    let account = 0;
    let subdomain = 0;
    let free = 0;
    for (const lead of leads) {
      const domain = emailDomain(lead);
      if (domain === undefined) continue;
      if (freeMail.has(domain)) free++;
      else if (accountDomains.includes(domain)) account++;
      else if (accountDomains.some((d) => domain.endsWith(`.${d}`))) subdomain++;
    }

    expect((account + subdomain) / LEAD_COUNT).toBeGreaterThan(0.35);
    expect((account + subdomain) / LEAD_COUNT).toBeLessThan(0.45);
    expect(subdomain).toBeGreaterThan(50);
    expect(free / LEAD_COUNT).toBeGreaterThan(0.2);
    expect(free / LEAD_COUNT).toBeLessThan(0.3);
  });

  it('contains the dirty rows', () => {
    const withEmail = leads.filter((l) => l.email !== undefined);

    expect(withEmail.filter((l) => l.email !== l.email!.toLowerCase())).toHaveLength(DIRTY_COUNTS.upperCaseEmail);
    expect(withEmail.filter((l) => l.email !== l.email!.trim())).toHaveLength(DIRTY_COUNTS.paddedEmail);
    expect(leads.filter((l) => l.email === undefined)).toHaveLength(DIRTY_COUNTS.missingEmail);
    expect(leads.filter((l) => l.title === 'Select')).toHaveLength(DIRTY_COUNTS.selectTitle);
    expect(leads.filter((l) => l.companySize === 'Select')).toHaveLength(DIRTY_COUNTS.selectCompanySize);
  });

  it('company fields vary like form input', () => {
    expect(leads.some((l) => l.company === undefined)).toBe(true);
    expect(leads.some((l) => l.company === 'Select')).toBe(true);
    expect(leads.some((l) => typeof l.companySize === 'number')).toBe(true);
    expect(leads.some((l) => typeof l.companySize === 'string' && /^\d+$/.test(l.companySize))).toBe(true);
    expect(leads.some((l) => l.companySize === undefined)).toBe(true);
  });

  it('engagement rises with seniority', () => {
    const seniorityOf = new Map(TITLES.map((t) => [t.title, t.seniority]));
    const meanPageViews = (seniority: string): number => {
      const group = leads.filter((l) => seniorityOf.get(l.title) === seniority);
      return group.reduce((sum, l) => sum + l.pageViews, 0) / group.length;
    };
    const pricingShare = (seniority: string): number => {
      const group = leads.filter((l) => seniorityOf.get(l.title) === seniority);
      return group.filter((l) => l.visitedPricingPage).length / group.length;
    };

    expect(meanPageViews('executive')).toBeGreaterThan(meanPageViews('practitioner'));
    expect(meanPageViews('practitioner')).toBeGreaterThan(meanPageViews('early-career'));
    expect(pricingShare('executive')).toBeGreaterThan(pricingShare('early-career'));
  });
});
