// Computes growth metrics on the CRM sample in the folder named by NETSPEAR_DATA. It reports
// pipeline velocity per regional office, sector and product series, win rate in and out of two
// ICPs, cycle lengths from engage_date to close_date, and an engaged-to-won funnel. The sample
// has no contacts or activities, so it supports no engagement roll-up or buying-group coverage.
//
//   NETSPEAR_DATA=/path/to/data npx tsx --tsconfig tsconfig.test.json examples/crm-metrics/crm-metrics.ts
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { atLeast, equals, icp, oneOf, type Icp } from 'netspear';
import {
  backtestIcp,
  funnel,
  pipelineVelocity,
  rocAuc,
  type FunnelReport,
  type IcpBacktestReport,
  type PipelineVelocityOptions,
  type PipelineVelocityReport,
  type RocAucReport,
  type VelocitySegment,
} from 'netspear/metrics';

/** The CSV files the example reads from the folder named by NETSPEAR_DATA. */
export const CRM_FILES = {
  accounts: 'crm-accounts.csv',
  pipeline: 'crm-sales-pipeline.csv',
  teams: 'crm-sales-teams.csv',
  products: 'crm-products.csv',
} as const;

/** A company of `crm-accounts.csv`, with numbers parsed; `sector` keeps the file's spelling (`technolgy`). */
export interface CrmAccount {
  readonly account: string;
  readonly sector: string;
  readonly yearEstablished: number | undefined;
  /** Annual revenue in millions of US dollars. */
  readonly revenue: number | undefined;
  readonly employees: number | undefined;
  readonly officeLocation: string;
  readonly subsidiaryOf: string;
}

/**
 * An opportunity of `crm-sales-pipeline.csv`. Dates are converted from the file's month/day/year
 * to ISO 8601 (`2016-10-20`). Text that is not such a date is kept as it is, so the metrics
 * report it as an invalid date instead of this loader guessing.
 */
export interface CrmOpportunity {
  readonly id: string;
  readonly agent: string;
  readonly product: string;
  readonly account: string;
  /** `Prospecting`, `Engaging`, `Won` or `Lost`. */
  readonly stage: string;
  readonly engagedAt: string;
  readonly closedAt: string;
  /** The close value as the file writes it (US dollars); blank on open deals. */
  readonly closeValue: string;
  /** The agent's regional office from `crm-sales-teams.csv`, or blank when the agent is not listed. */
  readonly office: string;
  /** The agent's manager from `crm-sales-teams.csv`. */
  readonly manager: string;
  /** The account's sector from `crm-accounts.csv`, or blank when the opportunity has no known account. */
  readonly sector: string;
  /** The product's series from `crm-products.csv`, or blank when the product is not listed. */
  readonly series: string;
}

/** The CRM sample, parsed and joined. */
export interface CrmData {
  readonly accounts: readonly CrmAccount[];
  readonly opportunities: readonly CrmOpportunity[];
}

type CsvRow = Readonly<Record<string, string>>;

function parseCsv(text: string): CsvRow[] {
  return parse<CsvRow>(text, { columns: true, skip_empty_lines: true });
}

function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Converts `M/D/YYYY` to `YYYY-MM-DD`; returns other text unchanged so that it stays visible as bad data. */
export function usDateToIso(text: string): string {
  const match = US_DATE.exec(text.trim());
  if (match === null) return text;
  const [, month, day, year] = match;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** Compares product names without case and spaces: the pipeline writes `GTXPro` where the price list has `GTX Pro`. */
function productKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

/** Parses the four CSV texts and joins each opportunity to its agent's team and its account's sector. */
export function parseCrm(texts: {
  readonly accounts: string;
  readonly pipeline: string;
  readonly teams: string;
  readonly products: string;
}): CrmData {
  const accounts = parseCsv(texts.accounts).map(
    (row): CrmAccount => ({
      account: row['account'] ?? '',
      sector: row['sector'] ?? '',
      yearEstablished: parseNumber(row['year_established']),
      revenue: parseNumber(row['revenue']),
      employees: parseNumber(row['employees']),
      officeLocation: row['office_location'] ?? '',
      subsidiaryOf: row['subsidiary_of'] ?? '',
    }),
  );
  const sectors = new Map(accounts.map((a) => [a.account, a.sector]));
  const teams = new Map(parseCsv(texts.teams).map((row) => [row['sales_agent'] ?? '', row]));
  const series = new Map(parseCsv(texts.products).map((row) => [productKey(row['product'] ?? ''), row['series'] ?? '']));

  const opportunities = parseCsv(texts.pipeline).map((row): CrmOpportunity => {
    const agent = row['sales_agent'] ?? '';
    const account = row['account'] ?? '';
    return {
      id: row['opportunity_id'] ?? '',
      agent,
      product: row['product'] ?? '',
      account,
      stage: row['deal_stage'] ?? '',
      engagedAt: usDateToIso(row['engage_date'] ?? ''),
      closedAt: usDateToIso(row['close_date'] ?? ''),
      closeValue: row['close_value'] ?? '',
      office: teams.get(agent)?.['regional_office'] ?? '',
      manager: teams.get(agent)?.['manager'] ?? '',
      sector: sectors.get(account) ?? '',
      series: series.get(productKey(row['product'] ?? '')) ?? '',
    };
  });
  return { accounts, opportunities };
}

/** Reads and parses the CRM sample from a folder; throws naming the file that is missing. */
export function loadCrm(folder: string): CrmData {
  const read = (name: string): string => {
    const file = join(folder, name);
    if (!existsSync(file)) throw new Error(`${name} not found at ${file}; set NETSPEAR_DATA to the folder that contains it`);
    return readFileSync(file, 'utf8');
  };
  return parseCrm({
    accounts: read(CRM_FILES.accounts),
    pipeline: read(CRM_FILES.pipeline),
    teams: read(CRM_FILES.teams),
    products: read(CRM_FILES.products),
  });
}

/**
 * The velocity options for the sample. `Engaging` deals are the open qualified pipeline, and
 * `Prospecting` deals are open but not qualified. `parseStrings` reads the close values as written.
 */
export const crmVelocityOptions: PipelineVelocityOptions<CrmOpportunity> = {
  won: equals('stage', 'Won'),
  lost: equals('stage', 'Lost'),
  qualified: equals('stage', 'Engaging'),
  amount: 'closeValue',
  engagedAt: 'engagedAt',
  closedAt: 'closedAt',
  parseStrings: true,
};

/** Two targeting choices to back-test: large companies, and technology companies of any size. */
export const crmProfiles: Readonly<Record<string, Icp<CrmAccount>>> = {
  'enterprise (1,000+ employees)': icp<CrmAccount>(atLeast('employees', 1000)),
  'technology sectors': icp<CrmAccount>(oneOf('sector', ['software', 'technolgy', 'telecommunications'])),
};

/** Everything the example computes. */
export interface CrmMetricsReport {
  readonly byOffice: PipelineVelocityReport;
  readonly bySector: PipelineVelocityReport;
  readonly bySeries: PipelineVelocityReport;
  readonly backtest: IcpBacktestReport;
  readonly engagedToWon: FunnelReport;
  /** Whether larger accounts win more often: AUC of employee count against won, over closed deals. */
  readonly employeesAuc: RocAucReport;
}

/** Computes velocity per office, sector and product series, the ICP back-test, the funnel and the AUC. */
export function computeCrmMetrics(data: CrmData): CrmMetricsReport {
  const byName = new Map(data.accounts.map((a) => [a.account, a]));
  const closed = data.opportunities.filter((o) => o.stage === 'Won' || o.stage === 'Lost');
  return {
    byOffice: pipelineVelocity(data.opportunities, { ...crmVelocityOptions, segment: 'office', segments: ['Central', 'East', 'West'] }),
    bySector: pipelineVelocity(data.opportunities, { ...crmVelocityOptions, segment: 'sector' }),
    bySeries: pipelineVelocity(data.opportunities, { ...crmVelocityOptions, segment: 'series' }),
    backtest: backtestIcp(data.opportunities, { ...crmVelocityOptions, profiles: crmProfiles, account: (o) => byName.get(o.account) }),
    engagedToWon: funnel(data.opportunities, {
      stages: [
        { name: 'engaged', reachedAt: 'engagedAt' },
        { name: 'won', reachedAt: (o) => (o.stage === 'Won' ? o.closedAt : undefined) },
      ],
    }),
    employeesAuc: rocAuc(closed, { score: (o) => byName.get(o.account)?.employees, outcome: (o) => o.stage === 'Won' }),
  };
}

const usd = (value: number | undefined): string => (value === undefined ? '–' : `$${Math.round(value).toLocaleString('en-US')}`);
const percent = (value: number | undefined): string => (value === undefined ? '–' : `${(value * 100).toFixed(1)}%`);
const days = (value: number | undefined): string => (value === undefined ? '–' : value.toFixed(1));
const times = (value: number | undefined): string => (value === undefined ? '–' : `${value.toFixed(2)}×`);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const render = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [render(header), ...rows.map(render)].join('\n');
}

function velocityTable(segments: readonly VelocitySegment[]): string {
  return table(
    ['segment', 'deals', 'open qualified', 'win rate', 'avg deal', 'avg cycle (days)', 'median', 'p90', 'velocity per day'],
    segments.map((s) => [
      s.segment,
      String(s.opportunities),
      String(s.openOpportunities),
      percent(s.winRate),
      usd(s.averageDealSize),
      days(s.averageCycleDays),
      days(s.cycleDays.median),
      days(s.cycleDays.p90),
      usd(s.velocity),
    ]),
  );
}

/** Formats the report as plain-text tables for a terminal. */
export function formatCrmReport(report: CrmMetricsReport): string {
  const sections: string[] = [];
  sections.push(`Pipeline velocity per regional office\n${velocityTable([...report.byOffice.segments, report.byOffice.total])}`);
  sections.push(`Pipeline velocity per sector\n${velocityTable([...report.bySector.segments, report.bySector.total])}`);
  sections.push(`Pipeline velocity per product series\n${velocityTable([...report.bySeries.segments, report.bySeries.total])}`);

  const backtestRows = report.backtest.profiles.flatMap((p) => [
    [`${p.profile}: in`, String(p.inIcp.opportunities), percent(p.inIcp.winRate), usd(p.inIcp.averageDealSize), days(p.inIcp.averageCycleDays), usd(p.inIcp.velocity)],
    [`${p.profile}: out`, String(p.outOfIcp.opportunities), percent(p.outOfIcp.winRate), usd(p.outOfIcp.averageDealSize), days(p.outOfIcp.averageCycleDays), usd(p.outOfIcp.velocity)],
    [`${p.profile}: no account`, String(p.unknown.opportunities), percent(p.unknown.winRate), usd(p.unknown.averageDealSize), days(p.unknown.averageCycleDays), usd(p.unknown.velocity)],
    [`${p.profile}: in ÷ out`, '', times(p.lift.winRate), times(p.lift.averageDealSize), times(p.lift.averageCycleDays), times(p.lift.velocity)],
  ]);
  sections.push(`ICP back-test\n${table(['profile', 'deals', 'win rate', 'avg deal', 'avg cycle (days)', 'velocity per day'], backtestRows)}`);

  const step = report.engagedToWon.transitions[0];
  if (step !== undefined) {
    sections.push(
      `Engaged to won: ${step.converted} of ${step.entered} engaged deals won (${percent(step.rate)}), ` +
        `median ${days(step.days.median)} days, p90 ${days(step.days.p90)} days`,
    );
  }
  const auc = report.employeesAuc.auc;
  sections.push(`ROC AUC of account employees against a win, over closed deals with an account: ${auc === undefined ? '–' : auc.toFixed(3)}`);

  const issues = [
    ...report.byOffice.issues,
    ...[report.byOffice, report.bySector, report.bySeries].flatMap((r) => r.segments.flatMap((s) => s.issues)),
  ];
  if (issues.length > 0) sections.push(`Issues\n${issues.map((issue) => `- ${issue.code}: ${issue.message}`).join('\n')}`);
  return sections.join('\n\n');
}

function main(): void {
  const folder = process.env['NETSPEAR_DATA'];
  if (folder === undefined || folder.trim() === '') {
    console.error(`NETSPEAR_DATA is not set. Set it to the folder that contains ${Object.values(CRM_FILES).join(', ')}.`);
    process.exit(1);
  }
  console.log(formatCrmReport(computeCrmMetrics(loadCrm(folder))));
}

const entryFile = process.argv[1];
if (entryFile !== undefined && import.meta.url === pathToFileURL(entryFile).href) {
  main();
}
