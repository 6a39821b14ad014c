import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  binScores,
  buildHtmlReportData,
  escapeHtml,
  htmlReportPath,
  renderHtmlReport,
  writeHtmlReport,
  type HtmlReportData,
  type LeadWithOutcome,
} from '../../examples/demo/html-report.js';
import { leadScorecard, loadDemoData, runDemo } from '../../examples/demo/run.js';

/** Debian's chromium package installs here; .ci/run installs it when it is missing. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const { accounts, leads } = loadDemoData();
let data: HtmlReportData;
let html = '';

beforeAll(async () => {
  data = buildHtmlReportData(await runDemo(accounts, leads), leads, leadScorecard);
  html = renderHtmlReport(data);
});

describe('html report data', () => {
  it('tiers count every lead', () => {
    expect(data.tiers.reduce((sum, tier) => sum + tier.leads, 0)).toBe(leads.length);
  });

  it('score bins count every lead', () => {
    expect(data.scoreBins.reduce((sum, bin) => sum + bin.count, 0)).toBe(leads.length);
  });

  it('every lead has an outcome', () => {
    expect(data.tiers.reduce((sum, tier) => sum + tier.withOutcome, 0)).toBe(leads.length);
  });

  it('tier A converts best', () => {
    const rates = data.tiers.map((tier) => tier.rate ?? Number.NaN);

    expect(data.tiers.map((tier) => tier.tier)).toEqual(['A', 'B', 'C', 'D']);
    expect(rates[0]).toBeGreaterThan(rates[1]!);
    expect(rates[1]).toBeGreaterThan(rates[3]!);
    expect(rates[2]).toBeGreaterThan(rates[3]!);
  });

  it('leads without outcome have no rate', () => {
    const withoutOutcome = (leads as readonly LeadWithOutcome[]).map(({ converted: _converted, ...lead }) => lead);
    const report = buildHtmlReportData(data.report, withoutOutcome, leadScorecard);

    expect(report.tiers.map((tier) => tier.rate)).toEqual([undefined, undefined, undefined, undefined]);
    expect(renderHtmlReport(report)).toContain('No lead in this data has an outcome.');
  });

  it('rejects a fractional bin width', () => {
    expect(() => buildHtmlReportData(data.report, leads, leadScorecard, 2.5)).toThrow(/binWidth must be a whole number/);
  });
});

describe('binScores', () => {
  it('bins from lowest to highest', () => {
    expect(binScores([-30, -21, 0, 9, 10, 45], 10)).toEqual([
      { from: -30, to: -20, count: 2 },
      { from: -20, to: -10, count: 0 },
      { from: -10, to: 0, count: 0 },
      { from: 0, to: 10, count: 2 },
      { from: 10, to: 20, count: 1 },
      { from: 20, to: 30, count: 0 },
      { from: 30, to: 40, count: 0 },
      { from: 40, to: 50, count: 1 },
    ]);
  });

  it('no scores, no bins', () => {
    expect(binScores([], 10)).toEqual([]);
  });
});

describe('html report markup', () => {
  it('escapes account names', () => {
    expect(escapeHtml(`<b>"O'Neil & Co"</b>`)).toBe('&lt;b&gt;&quot;O&#39;Neil &amp; Co&quot;&lt;/b&gt;');
  });

  it('loads no external assets', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html.match(/\b(?:src|href)=/g)).toBeNull();
    expect(html.match(/https?:\/\/[^\s"']+/g)).toEqual(['http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg']);
  });

  it('has three charts', () => {
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('data-chart="routes"');
    expect(html).toContain('data-chart="conversion"');
    expect(html).toContain('data-chart="scores"');
  });
});

describe('htmlReportPath', () => {
  it.each([
    [['--html', 'out.html'], 'out.html'],
    [['--html=out.html'], 'out.html'],
    [['--other'], undefined],
    [[], undefined],
  ])('%j gives %s', (args, file) => {
    expect(htmlReportPath(args)).toBe(file);
  });

  it.each([[['--html']], [['--html', '--other']], [['--html=']]])('%j is rejected', (args) => {
    expect(() => htmlReportPath(args)).toThrow('--html needs a file name, as in --html report.html');
  });
});

const chromiumPresent = existsSync(CHROMIUM);
if (!chromiumPresent) {
  console.warn(`Skipping the HTML report browser test: ${CHROMIUM} not found (apt-get install -y chromium installs it).`);
}

describe.skipIf(!chromiumPresent)('html report in Chromium', () => {
  let folder = '';
  let context: BrowserContext | undefined;
  const requests: string[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'netspear-report-'));
    writeHtmlReport(join(folder, 'report.html'), data.report, leads, leadScorecard);
    context = await chromium.launchPersistentContext(join(folder, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 800, height: 1200 },
    });
  });

  afterAll(async () => {
    await context?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('charts render with their bars', async () => {
    const page = await context!.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(join(folder, 'report.html')).href);

    const charts = await page.$$eval('svg[data-chart]', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const bars = [...svg.querySelectorAll('rect.bar')].map((rect) => {
          const size = rect.getBoundingClientRect();
          return { value: Number(rect.getAttribute('data-value')), width: size.width, height: size.height };
        });
        return { chart: svg.getAttribute('data-chart'), width: box.width, height: box.height, bars };
      }),
    );
    await page.screenshot({ path: join(folder, 'report.png'), fullPage: true });

    expect(charts.map((chart) => chart.chart)).toEqual(['routes', 'conversion', 'scores']);
    for (const chart of charts) {
      expect(chart.width, chart.chart ?? '').toBeGreaterThan(0);
      expect(chart.height, chart.chart ?? '').toBeGreaterThan(0);
      for (const drawn of chart.bars.filter((b) => b.value > 0)) {
        expect(drawn.width * drawn.height, chart.chart ?? '').toBeGreaterThan(0);
      }
    }
    expect(charts[0]?.bars).toHaveLength(Object.keys(data.report.routes).length);
    expect(charts[1]?.bars).toHaveLength(data.tiers.length);
    expect(charts[2]?.bars).toHaveLength(data.scoreBins.length);
    expect(charts[2]?.bars.map((b) => b.value)).toEqual(data.scoreBins.map((bin) => bin.count));
  });

  it('requests nothing but the file', () => {
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});

describe('chromium in CI', () => {
  it.runIf(process.env['CI'] !== undefined)('binary is installed', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs Debian's chromium package`).toBe(true);
  });
});
