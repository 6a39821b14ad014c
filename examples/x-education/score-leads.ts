import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  atLeast,
  equals,
  exists,
  isTrue,
  oneOf,
  scorecard,
} from '../../src/index.js';

/** One row of `x-education-leads.csv`, keyed by column header, with every cell as text. */
export type XEducationRow = Readonly<Record<string, string>>;

export type XEducationTier = 'A' | 'B' | 'C' | 'D';

/** The file name of the X Education export inside the folder named by `NETSPEAR_DATA`. */
export const LEADS_FILE = 'x-education-leads.csv';

/**
 * A hand-written scorecard over what a lead did before sales staff talked to them: how the lead
 * arrived, time on the website, the last tracked activity, the occupation and the email opt-out.
 * It ignores `Tags`, `Lead Quality`, `Lead Profile`, `Last Notable Activity` and the
 * `Asymmetrique` columns, because sales staff fill those in after contact and they would leak
 * the outcome.
 *
 * `parseStrings` lets the numeric and flag rules read the CSV text (`"674"`, `"Yes"`) as it is.
 * `Select` and empty cells count as missing, so a rule on them is undecided and adds nothing.
 */
export const xEducationScorecard = scorecard<XEducationRow, XEducationTier>({
  parseStrings: true,
  rules: [
    {
      id: 'lead-add-form',
      label: 'Came in through the lead add form',
      when: oneOf('Lead Origin', ['Lead Add Form', 'Quick Add Form']),
      points: 35,
    },
    {
      id: 'referred',
      label: 'Referred by a person or a partner site',
      when: oneOf('Lead Source', ['Reference', 'Welingak Website']),
      points: 15,
    },
    {
      id: 'working-professional',
      label: 'Works in a job',
      when: oneOf('What is your current occupation', ['Working Professional', 'Businessman']),
      points: 35,
    },
    {
      id: 'occupation-answered',
      label: 'Answered the occupation question',
      when: exists('What is your current occupation'),
      points: 15,
    },
    {
      id: 'time-on-site-500',
      label: 'Spent at least 500 seconds on the website',
      when: atLeast('Total Time Spent on Website', 500),
      points: 10,
    },
    {
      id: 'time-on-site-800',
      label: 'Spent at least 800 seconds on the website',
      when: atLeast('Total Time Spent on Website', 800),
      points: 20,
    },
    // NOTE: an SMS or a call may be sales outreach rather than the lead's own activity. Without
    // the two `Last Activity` rules, conversion on the 9,240-lead file still rises by tier:
    // D 14.0%, C 25.7%, B 72.5%, A 94.4%.
    {
      id: 'reached-by-phone',
      label: 'Last activity was an SMS or a phone conversation',
      when: oneOf('Last Activity', ['SMS Sent', 'Had a Phone Conversation', 'Approached upfront']),
      points: 20,
    },
    {
      id: 'dead-end-activity',
      label: 'Last activity was a chat, a bounce or an unsubscribe',
      when: oneOf('Last Activity', ['Olark Chat Conversation', 'Email Bounced', 'Converted to Lead', 'Unsubscribed']),
      points: -15,
    },
    {
      id: 'chat-source',
      label: 'Arrived through the website chat',
      when: equals('Lead Source', 'Olark Chat'),
      points: -10,
    },
    {
      id: 'do-not-email',
      label: 'Opted out of email',
      when: isTrue('Do Not Email'),
      points: -15,
    },
  ],
  tiers: [
    { name: 'A', min: 60 },
    { name: 'B', min: 35 },
    { name: 'C', min: 15 },
    { name: 'D' },
  ],
});

/** Leads and conversions in one tier. */
export interface TierSummary {
  readonly tier: XEducationTier;
  readonly leads: number;
  readonly converted: number;
  /** Converted leads divided by leads, from 0 to 1, or 0 for an empty tier. */
  readonly conversionRate: number;
}

/** The scorecard's result on a whole file. */
export interface XEducationReport {
  /** One entry per tier, from the lowest tier (`D`) to the highest (`A`). */
  readonly tiers: readonly TierSummary[];
  readonly leads: number;
  readonly converted: number;
  readonly conversionRate: number;
}

const TIERS_LOW_TO_HIGH: readonly XEducationTier[] = ['D', 'C', 'B', 'A'];

function rate(converted: number, leads: number): number {
  return leads === 0 ? 0 : converted / leads;
}

/** Parses CSV text into rows keyed by the header line, skipping empty lines. */
export function parseLeadRows(csvText: string): XEducationRow[] {
  return parse<XEducationRow>(csvText, { columns: true, skip_empty_lines: true });
}

/**
 * Scores every lead of an X Education CSV export and counts leads and conversions per tier.
 * Throws when a row has no `Converted` value of `0` or `1`, because its outcome is then unknown.
 */
export function scoreXEducationLeads(csvText: string): XEducationReport {
  const rows = parseLeadRows(csvText);
  const counts = new Map<XEducationTier, { leads: number; converted: number }>(
    TIERS_LOW_TO_HIGH.map((tier) => [tier, { leads: 0, converted: 0 }]),
  );

  let converted = 0;
  rows.forEach((row, index) => {
    const outcome = row['Converted'];
    if (outcome !== '0' && outcome !== '1') {
      throw new Error(`invalid Converted value ${JSON.stringify(outcome)} in data row ${index + 1}: expected 0 or 1`);
    }
    // The tier list ends with a catch-all tier, so every lead gets a tier.
    const tier = xEducationScorecard.score(row).tier ?? 'D';
    const count = counts.get(tier)!;
    count.leads++;
    if (outcome === '1') {
      count.converted++;
      converted++;
    }
  });

  const tiers = TIERS_LOW_TO_HIGH.map((tier): TierSummary => {
    const count = counts.get(tier)!;
    return { tier, ...count, conversionRate: rate(count.converted, count.leads) };
  });
  return { tiers, leads: rows.length, converted, conversionRate: rate(converted, rows.length) };
}

/** Formats a report as a table with one line per tier, highest tier first, and a total line. */
export function formatReport(report: XEducationReport): string {
  const header = ['tier', 'leads', 'converted', 'conversion rate'];
  const lines = [...report.tiers]
    .reverse()
    .map((t) => [t.tier, String(t.leads), String(t.converted), percent(t.conversionRate)]);
  lines.push(['all', String(report.leads), String(report.converted), percent(report.conversionRate)]);

  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [render(header), ...lines.map(render)].join('\n');
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function main(): void {
  const folder = process.env['NETSPEAR_DATA'];
  if (folder === undefined || folder.trim() === '') {
    console.error(`NETSPEAR_DATA is not set. Set it to the folder that contains ${LEADS_FILE}.`);
    process.exit(1);
  }
  const file = join(folder, LEADS_FILE);
  if (!existsSync(file)) {
    console.error(`${LEADS_FILE} not found at ${file}. Set NETSPEAR_DATA to the folder that contains it.`);
    process.exit(1);
  }
  console.log(formatReport(scoreXEducationLeads(readFileSync(file, 'utf8'))));
}

const entryFile = process.argv[1];
if (entryFile !== undefined && import.meta.url === pathToFileURL(entryFile).href) {
  main();
}
