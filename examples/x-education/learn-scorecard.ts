import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evaluateScorecard, learnScorecard, type LearnedScorecard, type ScorecardEvaluation } from 'netspear/learn';
import { formatReport, LEADS_FILE, parseLeadRows, type XEducationRow } from './score-leads.js';

/**
 * Columns that sales staff fill in after talking to a lead, so they would leak the outcome, and
 * the two id columns.
 */
export const EXCLUDED_COLUMNS: readonly string[] = [
  'Prospect ID',
  'Lead Number',
  'Converted',
  'Tags',
  'Lead Quality',
  'Lead Profile',
  'Last Notable Activity',
  'Asymmetrique Activity Index',
  'Asymmetrique Profile Index',
  'Asymmetrique Activity Score',
  'Asymmetrique Profile Score',
];

export const NUMERIC_COLUMNS: readonly string[] = ['TotalVisits', 'Total Time Spent on Website', 'Page Views Per Visit'];

/** A learned scorecard with its results on the held-out leads. */
export interface XEducationLearning {
  readonly learned: LearnedScorecard<XEducationRow>;
  readonly test: ScorecardEvaluation;
  readonly trainLeads: number;
  readonly testLeads: number;
}

/**
 * Learns a scorecard from the X Education leads whose `Lead Number` ends in 3 to 9 and tests it
 * on those ending in 0 to 2. Every column except the excluded ones is a candidate: categories
 * become one rule per frequent value and the numeric columns are cut at quantiles.
 */
export function learnXEducation(csvText: string): XEducationLearning {
  const rows = parseLeadRows(csvText);
  const header = Object.keys(rows[0] ?? {});
  const categorical = header.filter((c) => c !== '' && !EXCLUDED_COLUMNS.includes(c) && !NUMERIC_COLUMNS.includes(c));
  const train = rows.filter((row) => /[3-9]$/.test(row['Lead Number'] ?? ''));
  const held = rows.filter((row) => /[0-2]$/.test(row['Lead Number'] ?? ''));
  const learned = learnScorecard({
    leads: train,
    outcome: 'Converted',
    categorical,
    numeric: NUMERIC_COLUMNS,
    // CSV cells are text: read "674" as a number.
    parseStrings: true,
  });
  return { learned, test: evaluateScorecard(learned.scorecard, held, 'Converted'), trainLeads: train.length, testLeads: held.length };
}

function main(): void {
  const folder = process.env['NETSPEAR_DATA'];
  const file = folder === undefined || folder.trim() === '' ? undefined : join(folder, LEADS_FILE);
  if (file === undefined || !existsSync(file)) {
    console.error(`${LEADS_FILE} not found. Set NETSPEAR_DATA to the folder that contains it.`);
    process.exit(1);
  }
  const { learned, test, trainLeads, testLeads } = learnXEducation(readFileSync(file, 'utf8'));
  const strongest = [...(learned.definition.rules ?? [])].sort((a, b) => Math.abs(b.points) - Math.abs(a.points)).slice(0, 10);
  console.log(`Learned ${learned.definition.rules?.length} rules from ${trainLeads} leads; ${learned.pointsToDoubleOdds} points double the odds.`);
  console.log('Strongest rules:');
  for (const rule of strongest) console.log(`  ${String(rule.points).padStart(4)}  ${rule.label ?? rule.id}`);
  console.log(`\nTraining AUC ${learned.training.auc.toFixed(3)}; test AUC ${test.auc.toFixed(3)} on ${testLeads} held-out leads.\n`);
  const tiers = test.tiers.map((t) => ({ tier: t.tier as 'A', leads: t.leads, converted: t.converted, conversionRate: t.conversionRate }));
  console.log(formatReport({ tiers: [...tiers].reverse(), leads: test.leads, converted: test.converted, conversionRate: test.converted / test.leads }));
}

const entryFile = process.argv[1];
if (entryFile !== undefined && import.meta.url === pathToFileURL(entryFile).href) {
  main();
}
