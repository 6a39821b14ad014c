// Renders the demo's results as one self-contained HTML page: inline CSS and inline SVG charts,
// no scripts, fonts or images from elsewhere, so the file opens offline and can be mailed.
//
//   npm run demo -- --html report.html
import { writeFileSync } from 'node:fs';
// Types only: run.ts imports this module while its top-level await is pending, so a value import
// back from run.ts would wait for itself and never settle.
import type { DemoLead, DemoReport } from './run.js';

/** A demo lead, with the outcome that `leads.json` adds when it has one. */
export type LeadWithOutcome = DemoLead & { readonly converted?: unknown };

/** The parts of a scorecard that the report uses. */
export interface ReportScorecard {
  readonly tiers: readonly { readonly name: string; readonly min?: number }[];
  readonly total: (lead: LeadWithOutcome) => number;
  readonly tierOf: (total: number) => string | undefined;
}

/** Leads and conversions in one score tier. */
export interface TierConversion {
  readonly tier: string;
  /** The lowest score in the tier, or undefined for the catch-all tier. */
  readonly min: number | undefined;
  readonly leads: number;
  /** Leads whose `converted` field is a boolean. */
  readonly withOutcome: number;
  readonly converted: number;
  /** `converted / withOutcome`, or undefined when no lead in the tier has an outcome. */
  readonly rate: number | undefined;
}

/** The number of leads whose score lies in `[from, to)`. */
export interface ScoreBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Everything the HTML report shows. */
export interface HtmlReportData {
  readonly report: DemoReport;
  readonly tiers: readonly TierConversion[];
  readonly scoreBins: readonly ScoreBin[];
  /** The width of a score bin, in points. */
  readonly binWidth: number;
}

/** Scores each lead with the scorecard and counts conversions per tier and leads per score bin. */
export function buildHtmlReportData(
  report: DemoReport,
  leads: readonly LeadWithOutcome[],
  card: ReportScorecard,
  binWidth = 10,
): HtmlReportData {
  if (!Number.isInteger(binWidth) || binWidth < 1) {
    throw new RangeError(`binWidth must be a whole number of points of at least 1, received ${binWidth}`);
  }
  const byTier = new Map(card.tiers.map((tier) => [tier.name as string, { leads: 0, withOutcome: 0, converted: 0 }]));
  const totals: number[] = [];

  for (const lead of leads) {
    const total = card.total(lead);
    totals.push(total);
    const counts = byTier.get(card.tierOf(total) ?? '');
    if (counts === undefined) continue;
    counts.leads++;
    if (typeof lead.converted === 'boolean') {
      counts.withOutcome++;
      if (lead.converted) counts.converted++;
    }
  }

  const tiers = card.tiers.map((tier): TierConversion => {
    const counts = byTier.get(tier.name) ?? { leads: 0, withOutcome: 0, converted: 0 };
    return {
      tier: tier.name,
      min: tier.min,
      ...counts,
      rate: counts.withOutcome === 0 ? undefined : counts.converted / counts.withOutcome,
    };
  });
  return { report, tiers, scoreBins: binScores(totals, binWidth), binWidth };
}

/** Counts scores in bins of `width` points, from the bin of the lowest score to that of the highest. */
export function binScores(totals: readonly number[], width: number): ScoreBin[] {
  if (totals.length === 0) return [];
  const first = Math.floor(Math.min(...totals) / width) * width;
  const last = Math.floor(Math.max(...totals) / width) * width;
  const counts = new Array<number>((last - first) / width + 1).fill(0);
  for (const total of totals) {
    const index = Math.floor((total - first) / width);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts.map((count, i) => ({ from: first + i * width, to: first + (i + 1) * width, count }));
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;
const ROUTE_COLORS: Readonly<Record<string, string>> = { abm: '#7c3aed', sales: '#059669', nurture: '#64748b' };
const TIER_COLORS: readonly string[] = ['#047857', '#0e7490', '#b45309', '#b91c1c', '#6b7280'];

function tierColor(index: number): string {
  return TIER_COLORS[Math.min(index, TIER_COLORS.length - 1)] ?? '#6b7280';
}

/** Renders one bar's rectangle, with a tooltip and its label and value as data attributes. */
function bar(x: number, y: number, width: number, height: number, color: string, label: string, value: number, tooltip: string): string {
  return (
    `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}" ` +
    `fill="${color}" data-label="${escapeHtml(label)}" data-value="${value}"><title>${escapeHtml(tooltip)}</title></rect>`
  );
}

function svgOpen(chart: string, title: string, width: number, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${chart}" role="img" aria-labelledby="${chart}-title" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title id="${chart}-title">${escapeHtml(title)}</title>`
  );
}

/** Renders the route counts as horizontal bars. */
export function routeChart(routes: Readonly<Record<string, number>>): string {
  const entries = Object.entries(routes);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const max = Math.max(1, ...entries.map(([, count]) => count));
  const [width, labelWidth, barWidth, rowHeight] = [640, 90, 420, 40];
  const height = entries.length * rowHeight + 10;
  const parts = [svgOpen('routes', 'Leads per route', width, height)];
  entries.forEach(([route, count], i) => {
    const y = 10 + i * rowHeight;
    const length = (barWidth * count) / max;
    parts.push(`<text x="${labelWidth - 10}" y="${y + 19}" text-anchor="end">${escapeHtml(route)}</text>`);
    parts.push(bar(labelWidth, y, length, 26, ROUTE_COLORS[route] ?? '#475569', route, count, `${route}: ${count} leads`));
    parts.push(`<text x="${labelWidth + length + 8}" y="${y + 19}">${count} (${percent(count, total)})</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Renders the conversion rate of each tier as columns, best tier first. */
export function conversionChart(tiers: readonly TierConversion[]): string {
  const [width, height, top, bottom, left] = [640, 300, 30, 50, 50];
  const plotHeight = height - top - bottom;
  const maxRate = Math.max(0.01, ...tiers.map((tier) => tier.rate ?? 0));
  const slot = (width - left - 20) / Math.max(tiers.length, 1);
  const parts = [svgOpen('conversion', 'Conversion rate per score tier', width, height)];
  parts.push(`<line x1="${left}" y1="${top + plotHeight}" x2="${width - 20}" y2="${top + plotHeight}" stroke="#94a3b8"/>`);
  tiers.forEach((tier, i) => {
    const rate = tier.rate ?? 0;
    const columnHeight = (plotHeight * rate) / maxRate;
    const x = left + i * slot + slot * 0.2;
    const columnWidth = slot * 0.6;
    const y = top + plotHeight - columnHeight;
    const label = tier.rate === undefined ? 'no outcome' : percent(tier.converted, tier.withOutcome);
    parts.push(
      bar(x, y, columnWidth, columnHeight, tierColor(i), tier.tier, rate, `tier ${tier.tier}: ${tier.converted} of ${tier.withOutcome} converted`),
    );
    parts.push(`<text x="${x + columnWidth / 2}" y="${y - 8}" text-anchor="middle">${label}</text>`);
    parts.push(`<text x="${x + columnWidth / 2}" y="${top + plotHeight + 20}" text-anchor="middle">tier ${escapeHtml(tier.tier)}</text>`);
    parts.push(`<text x="${x + columnWidth / 2}" y="${top + plotHeight + 38}" text-anchor="middle" class="muted">${tier.leads} leads</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Renders the score histogram, with a dashed line at each tier's lower bound. */
export function scoreChart(bins: readonly ScoreBin[], tiers: readonly TierConversion[]): string {
  const [width, height, top, bottom, left, right] = [640, 300, 30, 40, 50, 20];
  const plotHeight = height - top - bottom;
  const plotWidth = width - left - right;
  const maxCount = Math.max(1, ...bins.map((bin) => bin.count));
  const first = bins[0]?.from ?? 0;
  const last = bins.at(-1)?.to ?? 1;
  const xOf = (score: number): number => left + ((score - first) / Math.max(last - first, 1)) * plotWidth;
  const parts = [svgOpen('scores', 'Leads per score band', width, height)];
  parts.push(`<line x1="${left}" y1="${top + plotHeight}" x2="${width - right}" y2="${top + plotHeight}" stroke="#94a3b8"/>`);
  for (const bin of bins) {
    const columnHeight = (plotHeight * bin.count) / maxCount;
    const x = xOf(bin.from) + 1;
    const columnWidth = Math.max(xOf(bin.to) - xOf(bin.from) - 2, 1);
    parts.push(
      bar(x, top + plotHeight - columnHeight, columnWidth, columnHeight, '#2563eb', `${bin.from}`, bin.count, `${bin.from} to ${bin.to - 1} points: ${bin.count} leads`),
    );
    parts.push(`<text x="${xOf(bin.from)}" y="${top + plotHeight + 18}" text-anchor="middle" class="muted">${bin.from}</text>`);
  }
  for (const tier of tiers) {
    if (tier.min === undefined || tier.min < first || tier.min > last) continue;
    const x = xOf(tier.min);
    parts.push(`<line class="threshold" x1="${x}" y1="${top - 10}" x2="${x}" y2="${top + plotHeight}" stroke="#0f172a" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${x + 4}" y="${top - 2}">${escapeHtml(tier.tier)} ≥ ${tier.min}</text>`);
  }
  parts.push(`<text x="${width / 2}" y="${height - 4}" text-anchor="middle" class="muted">score (points)</text>`);
  parts.push('</svg>');
  return parts.join('');
}

function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; color: #0f172a; margin: 2rem auto; max-width: 720px; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
svg { display: block; max-width: 100%; height: auto; font-size: 13px; }
svg text { fill: #0f172a; } svg .muted, .muted { fill: #64748b; color: #64748b; }
table { border-collapse: collapse; margin-top: .5rem; } th, td { padding: .2rem .8rem; text-align: right; border-bottom: 1px solid #e2e8f0; }
th:first-child, td:first-child { text-align: left; }
`;

/** Renders the report as a complete HTML document with no external assets. */
export function renderHtmlReport(data: HtmlReportData): string {
  const { report, tiers, scoreBins, binWidth } = data;
  const withOutcome = tiers.reduce((sum, tier) => sum + tier.withOutcome, 0);
  const converted = tiers.reduce((sum, tier) => sum + tier.converted, 0);
  const tierBounds = tiers.map((tier) => (tier.min === undefined ? `${tier.tier} below` : `${tier.tier} ≥ ${tier.min}`)).join(', ');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>netspear demo report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>netspear demo report</h1>
<p>${report.leads} leads, ${report.accounts} accounts, ${report.targetAccounts} target accounts by ICP.
Leads without a valid email: ${report.invalidEmails}. Hook errors: ${report.hookErrors}.</p>

<h2>Routes</h2>
${routeChart(report.routes)}
${table(
  ['route', 'leads', 'share'],
  Object.entries(report.routes).map(([route, count]) => [route, count, percent(count, report.leads)]),
)}

<h2>Conversion rate per score tier</h2>
<p class="muted">Tiers: ${escapeHtml(tierBounds)}. A lead converted when its <code>converted</code> field is true: the sample
data draws that outcome from each lead's activity and seniority, without the scorecard, so a good scorecard shows a higher rate in
higher tiers. ${withOutcome === 0 ? 'No lead in this data has an outcome.' : `Overall: ${converted} of ${withOutcome} (${percent(converted, withOutcome)}).`}</p>
${conversionChart(tiers)}
${table(
  ['tier', 'leads', 'converted', 'rate'],
  tiers.map((tier) => [tier.tier, tier.leads, tier.converted, tier.rate === undefined ? 'no outcome' : percent(tier.converted, tier.withOutcome)]),
)}

<h2>Score distribution</h2>
<p class="muted">Leads per band of ${binWidth} points; dashed lines mark the tier bounds.</p>
${scoreChart(scoreBins, tiers)}

<h2>Top target accounts by engaged leads</h2>
${table(
  ['account', 'engaged (tier A or B)', 'leads'],
  report.topAccounts.map((account) => [account.name, account.engaged, account.leads]),
)}
</body>
</html>
`;
}

/** Builds the report from the demo results and writes it to `file`. */
export function writeHtmlReport(file: string, report: DemoReport, leads: readonly LeadWithOutcome[], card: ReportScorecard): void {
  writeFileSync(file, renderHtmlReport(buildHtmlReportData(report, leads, card)));
}

/**
 * Returns the file named by `--html FILE` or `--html=FILE` in the command-line arguments, or
 * undefined without the option. Throws when the option has no file name.
 */
export function htmlReportPath(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--html=')) {
      const file = arg.slice('--html='.length);
      if (file.length === 0) throw new Error('--html needs a file name, as in --html report.html');
      return file;
    }
    if (arg === '--html') {
      const file = args[i + 1];
      if (file === undefined || file.startsWith('--')) throw new Error('--html needs a file name, as in --html report.html');
      return file;
    }
  }
  return undefined;
}
