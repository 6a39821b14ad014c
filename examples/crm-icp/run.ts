// Splits the accounts of a public CRM sample into in-ICP and out-of-ICP and compares each
// side's win rate and average deal size, then runs the same ICP as SQL in SQLite.
//
//   NETSPEAR_DATA=/path/to/data npx tsx --tsconfig tsconfig.test.json examples/crm-icp/run.ts
//
// Reads crm-accounts.csv and crm-sales-pipeline.csv from the folder named by NETSPEAR_DATA.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { explainAccounts, fieldsOf, filterAccounts, icp, icpFit, type Icp, type Predicate } from 'netspear';
// In an installed package this import is 'netspear/sql'.
import { compileSql } from '../../src/sql/index.js';

export const ACCOUNTS_FILE = 'crm-accounts.csv';
export const PIPELINE_FILE = 'crm-sales-pipeline.csv';

/** An account after normalisation: trimmed lower-case text, numbers as numbers, no empty strings. */
export interface Account {
  readonly account: string;
  readonly sector: string;
  readonly yearEstablished: number | undefined;
  /** Annual revenue in millions of US dollars. */
  readonly revenue: number | undefined;
  readonly employees: number | undefined;
  readonly officeLocation: string;
  readonly parent: string | undefined;
}

// The export misspells some values. A lookup table fixes them before matching, so the ICP
// can name sectors and countries as they are spelt, and a fixed typo needs no ICP change.
const SPELLING_FIXES: Readonly<Record<string, string>> = {
  technolgy: 'technology',
  philipines: 'philippines',
};

function normaliseText(value: string | undefined): string {
  const text = (value ?? '').trim().toLowerCase();
  return SPELLING_FIXES[text] ?? text;
}

function toNumber(value: string | undefined): number | undefined {
  const text = (value ?? '').trim();
  return text === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);
}

/** Reads crm-accounts.csv into accounts, fixing the export's spelling mistakes. */
export function parseAccounts(csv: string): Account[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((row) => ({
    account: (row['account'] ?? '').trim(),
    sector: normaliseText(row['sector']),
    yearEstablished: toNumber(row['year_established']),
    revenue: toNumber(row['revenue']),
    employees: toNumber(row['employees']),
    officeLocation: normaliseText(row['office_location']),
    parent: (row['subsidiary_of'] ?? '').trim() || undefined,
  }));
}

/** Reads crm-accounts.csv as it is, without normalisation, to show what the typos cost. */
export function parseRawAccounts(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

const c = fieldsOf<Account>();

/** A reusable, named criterion: it shows up by name in explanations and in the JSON form. */
const techSector = c.named('tech-sector', c.oneOf('sector', ['technology', 'software', 'telecommunications']));
const enterpriseSize = c.atLeast('employees', 1000);
const largeRevenue = c.atLeast('revenue', 500);

/** The ICP: software-driven sectors, at least 1,000 employees and 500 million dollars of revenue. */
export const crmProfile: Icp<Account> = icp<Account>(c.and(techSector, enterpriseSize, largeRevenue));

/** The same criteria as a weighted fit, which also ranks the accounts outside the strict ICP. */
export const crmFit = icpFit<Account>({
  criteria: [
    { id: 'sector', when: techSector, weight: 3 },
    { id: 'employees', when: enterpriseSize, weight: 2 },
    { id: 'revenue', when: largeRevenue, weight: 2 },
    { id: 'us-office', when: c.equals('officeLocation', 'united states'), weight: 1 },
  ],
});

/** Win rate and deal size of a group of accounts. */
export interface SideReport {
  readonly accounts: number;
  /** Won deals over won and lost deals; open deals are left out. */
  readonly winRate: number;
  /** The average close value of won deals, in dollars. */
  readonly averageDeal: number;
  readonly won: number;
  readonly lost: number;
}

export interface CrmReport {
  readonly inIcp: SideReport;
  readonly outOfIcp: SideReport;
  /** Accounts the ICP matches when the export's typos are left in place. */
  readonly matchedWithoutNormalising: number;
  readonly tiers: readonly (SideReport & { readonly tier: string })[];
  readonly gaps: readonly string[];
  /** Whether SQLite, running the compiled ICP, selects the same accounts as JavaScript. */
  readonly sqlAgrees: boolean;
}

function side(accounts: readonly Account[], pipeline: readonly Record<string, string>[]): SideReport {
  const names = new Set(accounts.map((a) => a.account));
  let won = 0;
  let lost = 0;
  let value = 0;
  for (const deal of pipeline) {
    if (!names.has((deal['account'] ?? '').trim())) continue;
    if (deal['deal_stage'] === 'Won') {
      won++;
      value += Number(deal['close_value']);
    } else if (deal['deal_stage'] === 'Lost') lost++;
  }
  return { accounts: accounts.length, winRate: won + lost === 0 ? 0 : won / (won + lost), averageDeal: won === 0 ? 0 : value / won, won, lost };
}

/** Runs the ICP over the CRM sample and compares the sides. */
export function analyseCrm(accountsCsv: string, pipelineCsv: string): CrmReport {
  const accounts = parseAccounts(accountsCsv);
  const pipeline = parse(pipelineCsv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

  const inIcp = filterAccounts(crmProfile, accounts, { unknown: 'exclude' });
  const outOfIcp = accounts.filter((a) => !inIcp.includes(a));

  // The raw rows hold text, so `parseStrings` reads "2822" as a number; only the typos differ.
  const raw = icp<Record<string, string>>(crmProfile.predicate as Predicate, { parseStrings: true });
  const matchedWithoutNormalising = filterAccounts(raw, parseRawAccounts(accountsCsv)).length;

  const byTier = new Map<string, Account[]>();
  for (const account of accounts) {
    const tier = crmFit.score(account).tier ?? 'no tier';
    byTier.set(tier, [...(byTier.get(tier) ?? []), account]);
  }
  const tiers = [...byTier.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tier, group]) => ({ tier, ...side(group, pipeline) }));

  return {
    inIcp: side(inIcp, pipeline),
    outOfIcp: side(outOfIcp, pipeline),
    matchedWithoutNormalising,
    tiers,
    gaps: explainAccounts(crmProfile, accounts).summary,
    sqlAgrees: sqlSelection(accounts).join('\n') === inIcp.map((a) => a.account).join('\n'),
  };
}

/** Loads the accounts into an in-memory SQLite table and selects the ICP with compiled SQL. */
function sqlSelection(accounts: readonly Account[]): string[] {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE accounts (position INTEGER, name TEXT, sector TEXT, employees REAL, revenue REAL, office TEXT)');
    const insert = db.prepare('INSERT INTO accounts VALUES (?, ?, ?, ?, ?, ?)');
    accounts.forEach((a, i) => insert.run(i, a.account, a.sector, a.employees ?? null, a.revenue ?? null, a.officeLocation));
    const { where, params } = compileSql(crmProfile.predicate, {
      dialect: 'sqlite',
      columns: {
        sector: { column: 'sector', type: 'text' },
        employees: { column: 'employees', type: 'number' },
        revenue: { column: 'revenue', type: 'number' },
      },
    });
    const rows = db.prepare(`SELECT name FROM accounts WHERE ${where} ORDER BY position`).all(...(params as (string | number)[])) as { name: string }[];
    return rows.map((r) => r.name);
  } finally {
    db.close();
  }
}

function percent(value: number): string {
  return `${(100 * value).toFixed(1)}%`;
}

function line(label: string, report: SideReport): string {
  return `${label.padEnd(12)} ${String(report.accounts).padStart(3)} accounts  win rate ${percent(report.winRate).padStart(6)}  average deal $${Math.round(report.averageDeal).toLocaleString('en-US')}  (${report.won} won, ${report.lost} lost)`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const folder = process.env['NETSPEAR_DATA'];
  if (folder === undefined || folder.trim() === '') {
    console.error(`NETSPEAR_DATA is not set: set it to the folder that contains ${ACCOUNTS_FILE} and ${PIPELINE_FILE}.`);
    process.exit(1);
  }
  const report = analyseCrm(readFileSync(join(folder, ACCOUNTS_FILE), 'utf8'), readFileSync(join(folder, PIPELINE_FILE), 'utf8'));
  console.log(line('in ICP', report.inIcp));
  console.log(line('out of ICP', report.outOfIcp));
  console.log(`without fixing "technolgy", the ICP matches ${report.matchedWithoutNormalising} accounts instead of ${report.inIcp.accounts}`);
  for (const tier of report.tiers) console.log(line(tier.tier, tier));
  console.log(report.gaps.length === 0 ? 'no enrichment gaps: every account could be decided' : report.gaps.join('\n'));
  console.log(`SQLite selects the same accounts: ${report.sqlAgrees ? 'yes' : 'no'}`);
}
