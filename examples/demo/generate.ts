/**
 * Generates the demo's sample CRM accounts and inbound leads. Run it with
 * `npx tsx examples/demo/generate.ts` after changing the generator, and commit both files in
 * `examples/demo/data/`. A test fails when they differ from what the generator returns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inventCompany, toAccount, type Company, type CompanyRegistry } from './companies.js';
import { addDirtyValues, drawLead, type AccountEntry, type LeadContext } from './leads.js';
import { createRandom, type Random } from './random.js';
import type { DemoAccount, DemoLead, DemoLeadWithOutcome } from './types.js';
import { ASSETS, FREE_MAIL_DOMAINS, TITLES, type Seniority } from './vocabulary.js';

/** The fixed seed. Change it only together with the committed files. */
export const DEMO_SEED = 20_260_101;
export const ACCOUNT_COUNT = 300;
export const LEAD_COUNT = 3000;
/** Companies that leads work at which are not CRM accounts. */
const OTHER_COMPANY_COUNT = 400;
/** Accounts researching a purchase, whose leads are more engaged. */
const SURGING_ACCOUNT_COUNT = 12;

/** The folder the generated files are written to, next to this script. */
export const DEMO_DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));
export const ACCOUNTS_FILE = 'accounts.json';
export const LEADS_FILE = 'leads.json';

export interface DemoData {
  readonly accounts: readonly DemoAccount[];
  readonly leads: readonly DemoLeadWithOutcome[];
}

const START_OF_2026 = Date.UTC(2026, 0, 1);
const SECONDS_IN_HALF_YEAR = 181 * 24 * 60 * 60;

/** Larger accounts send more leads, so a few accounts have many contacts to route together. */
function leadWeight(employees: number): number {
  if (employees < 200) return 1;
  if (employees < 2000) return 2;
  if (employees < 20000) return 4;
  return 6;
}

/**
 * Generates the demo accounts and leads from a fixed seed. The same seed always gives the same
 * data, because every random draw comes from one Mulberry32 generator in a fixed order.
 */
export function generateDemoData(seed: number = DEMO_SEED): DemoData {
  const random = createRandom(seed);
  const registry: CompanyRegistry = { names: new Set(), domains: new Set() };

  const accountCompanies: Company[] = Array.from({ length: ACCOUNT_COUNT }, () => inventCompany(random, registry));
  const otherCompanies: Company[] = Array.from({ length: OTHER_COMPANY_COUNT }, () => inventCompany(random, registry));
  const accounts = accountCompanies.map((company, i) => toAccount(random, company, i));

  const surging = new Set(random.sample(accounts.map((a) => a.id), SURGING_ACCOUNT_COUNT));
  const entries: AccountEntry[] = accounts.map((account, i) => ({
    account,
    company: accountCompanies[i]!,
    weight: leadWeight(account.employees) * (surging.has(account.id) ? 4 : 1),
    surging: surging.has(account.id),
  }));
  const context: LeadContext = { accounts: entries, otherCompanies, usedEmails: new Set() };

  const createdAt = Array.from({ length: LEAD_COUNT }, () => START_OF_2026 + random.int(0, SECONDS_IN_HALF_YEAR - 1) * 1000);
  createdAt.sort((a, b) => a - b);
  const cleanLeads = createdAt.map((timestamp, i) => drawLead(random, context, i, timestamp));

  return { accounts, leads: addOutcomes(random, addDirtyValues(random, cleanLeads)) };
}

/** How much seniority multiplies the chance to convert: executives sign, early-career leads rarely do. */
const SENIORITY_FACTOR: Readonly<Record<Seniority, number>> = {
  executive: 1.6,
  manager: 1.3,
  practitioner: 1,
  'early-career': 0.3,
};

/**
 * Returns the chance that a lead becomes a customer, from what the lead did and who they are.
 * It does not use the demo's scorecard, so the report can show how well the scorecard's tiers
 * separate leads that convert from those that do not.
 */
export function conversionChance(lead: DemoLead): number {
  let chance = 0.01;
  if (lead.visitedPricingPage) chance += 0.05;
  if (lead.downloadedAssets.includes(ASSETS.pricing)) chance += 0.04;
  if (lead.downloadedAssets.includes(ASSETS.apiDocs)) chance += 0.03;
  if (lead.webinarAttended) chance += 0.03;
  chance += Math.min(lead.pageViews, 20) * 0.002;
  chance += Math.min(lead.emailClicks, 10) * 0.003;

  const seniority = TITLES.find((entry) => entry.title === lead.title)?.seniority ?? 'practitioner';
  chance *= SENIORITY_FACTOR[seniority];
  const domain = lead.email?.trim().toLowerCase().split('@')[1];
  if (domain !== undefined && FREE_MAIL_DOMAINS.includes(domain)) chance *= 0.6;
  return chance;
}

/**
 * Draws each lead's outcome, `converted`, from {@link conversionChance}. The draws come after
 * all others, so the outcome changes no other field of the generated data.
 */
function addOutcomes(random: Random, leads: readonly DemoLead[]): DemoLeadWithOutcome[] {
  return leads.map((lead) => ({ ...lead, converted: random.chance(conversionChance(lead)) }));
}

/** Serialises records as a JSON array with one record per line, so diffs show changed records. */
export function serializeRecords(records: readonly object[]): string {
  return `[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]\n`;
}

/** Writes `accounts.json` and `leads.json` into a folder, creating it when needed. */
export function writeDemoData(data: DemoData, folder: string = DEMO_DATA_DIR): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, ACCOUNTS_FILE), serializeRecords(data.accounts));
  writeFileSync(join(folder, LEADS_FILE), serializeRecords(data.leads));
}

const entryFile = process.argv[1];
if (entryFile !== undefined && import.meta.url === pathToFileURL(entryFile).href) {
  const data = generateDemoData();
  writeDemoData(data);
  console.log(`Wrote ${data.accounts.length} accounts and ${data.leads.length} leads to ${DEMO_DATA_DIR}`);
}
