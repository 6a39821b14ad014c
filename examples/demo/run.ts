// Routes the committed sample leads through the hybrid router and prints a report:
// route counts, the target accounts with the most engaged leads, and score tiers.
//
//   npm run demo
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  accountIndex,
  atLeast,
  containsAnyWord,
  createRouter,
  filterAccounts,
  icp,
  includesAny,
  isTrue,
  scorecard,
  type Decision,
} from 'netspear';

/** A company in the sample account list. */
export interface DemoAccount {
  id: string;
  name: string;
  domains: string[];
  industry: string;
  employees: number;
  annualRevenue: number;
  country: string;
  techStack: string[];
  owner?: string;
}

/** A lead as a web form and a marketing platform deliver it: some fields missing or dirty. */
export interface DemoLead {
  id: string;
  email?: unknown;
  title?: unknown;
  company?: unknown;
  companySize?: unknown;
  downloadedAssets?: unknown;
  visitedPricingPage?: unknown;
  pageViews?: unknown;
  emailClicks?: unknown;
  webinarAttended?: unknown;
}

/** The target-account profile: mid-size and larger SaaS, finance and health companies on a modern stack. */
export const targetProfile = icp<DemoAccount>((c) =>
  c.and(
    c.oneOf('industry', ['SaaS', 'Finance', 'Healthcare']),
    c.atLeast('employees', 200),
    c.includesAny('techStack', ['kubernetes', 'aws', 'snowflake']),
  ),
);

/** The lead scorecard: fit from the title and company size, engagement from activity. */
export const leadScorecard = scorecard<DemoLead, 'A' | 'B' | 'C' | 'D'>({
  parseStrings: true,
  rules: [
    { id: 'senior-title', label: 'Senior title', when: containsAnyWord('title', ['CTO', 'VP', 'Head', 'Director', 'Chief']), points: 25 },
    { id: 'technical-title', label: 'Technical title', when: containsAnyWord('title', ['Engineer', 'Developer', 'Architect']), points: 15 },
    { id: 'student', label: 'Student or intern', when: containsAnyWord('title', ['Student', 'Intern']), points: -30 },
    { id: 'company-size', label: 'Company of 100+', when: atLeast('companySize', 100), points: 10 },
    { id: 'api-docs', label: 'Read the API docs', when: includesAny('downloadedAssets', ['api_documentation.pdf']), points: 20 },
    { id: 'pricing-guide', label: 'Downloaded the pricing guide', when: includesAny('downloadedAssets', ['pricing_guide.pdf']), points: 15 },
    { id: 'pricing-page', label: 'Visited pricing', when: isTrue('visitedPricingPage'), points: 20 },
    { id: 'page-views', label: '10+ page views', when: atLeast('pageViews', 10), points: 10 },
    { id: 'email-clicks', label: '3+ email clicks', when: atLeast('emailClicks', 3), points: 5 },
    { id: 'webinar', label: 'Attended a webinar', when: isTrue('webinarAttended'), points: 10 },
  ],
  tiers: [
    { name: 'A', min: 70 },
    { name: 'B', min: 45 },
    { name: 'C', min: 20 },
    { name: 'D' },
  ],
});

/** The figures the demo prints. */
export interface DemoReport {
  readonly leads: number;
  readonly accounts: number;
  readonly targetAccounts: number;
  readonly routes: Record<'abm' | 'sales' | 'nurture', number>;
  readonly tiers: Record<'A' | 'B' | 'C' | 'D', number>;
  readonly topAccounts: readonly { readonly name: string; readonly engaged: number; readonly leads: number }[];
  readonly invalidEmails: number;
  readonly hookErrors: number;
}

/** Routes the leads and counts what happened. */
export async function runDemo(accounts: readonly DemoAccount[], leads: readonly DemoLead[]): Promise<DemoReport> {
  const targets = filterAccounts(targetProfile, accounts);
  const byAccount = new Map<string, { name: string; engaged: number; leads: number }>();

  const router = createRouter<DemoLead, DemoAccount>({
    accounts: accountIndex(targets),
    scorecard: leadScorecard,
    mqlThreshold: 70,
    hooks: {
      // The ABM hook is where a real deployment alerts the account team; here it tallies.
      abm: (decision) => {
        if (!decision.trace.account.matched) return;
        const { accountId, accountName } = decision.trace.account;
        const entry = byAccount.get(accountId) ?? { name: accountName, engaged: 0, leads: 0 };
        entry.leads++;
        if (decision.trace.tier === 'A' || decision.trace.tier === 'B') entry.engaged++;
        byAccount.set(accountId, entry);
      },
    },
  });

  const routes = { abm: 0, sales: 0, nurture: 0 };
  const tiers = { A: 0, B: 0, C: 0, D: 0 };
  let invalidEmails = 0;
  let hookErrors = 0;
  for (const lead of leads) {
    const decision: Decision = await router.route(lead);
    routes[decision.route]++;
    tiers[(decision.trace.tier ?? 'D') as keyof typeof tiers]++;
    if (!decision.trace.account.matched && decision.trace.account.code === 'invalid_email') invalidEmails++;
    hookErrors += decision.hooks.filter((hook) => hook.status === 'error').length;
  }

  const topAccounts = [...byAccount.values()]
    .sort((a, b) => b.engaged - a.engaged || b.leads - a.leads || a.name.localeCompare(b.name))
    .slice(0, 10);
  return {
    leads: leads.length,
    accounts: accounts.length,
    targetAccounts: targets.length,
    routes,
    tiers,
    topAccounts,
    invalidEmails,
    hookErrors,
  };
}

const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;

/** Formats the report as plain text. */
export function formatReport(report: DemoReport): string {
  const lines: string[] = [];
  lines.push(`netspear demo: ${report.leads} leads, ${report.accounts} accounts, ${report.targetAccounts} target accounts by ICP`);
  lines.push('', 'Definitions (in examples/demo/run.ts)');
  lines.push('  ICP: industry SaaS, Finance or Healthcare; 200+ employees; tech stack with kubernetes, aws or snowflake');
  lines.push('  Scorecard: 10 rules on title, company size and activity (pricing page, API docs, webinars, clicks)');
  lines.push('  Routing: a lead at a target account goes to abm; otherwise a score of 70+ goes to sales; the rest to nurture');
  lines.push('', 'Routes');
  for (const [route, count] of Object.entries(report.routes)) {
    lines.push(`  ${route.padEnd(8)} ${String(count).padStart(6)}  ${percent(count, report.leads).padStart(6)}`);
  }
  lines.push('', 'Top target accounts by engaged leads (tier A or B)');
  lines.push(`  ${'account'.padEnd(34)} ${'engaged'.padStart(7)} ${'leads'.padStart(6)}`);
  for (const account of report.topAccounts) {
    lines.push(`  ${account.name.padEnd(34)} ${String(account.engaged).padStart(7)} ${String(account.leads).padStart(6)}`);
  }
  lines.push('', 'Score tiers (A >= 70, B >= 45, C >= 20, D below)');
  for (const [tier, count] of Object.entries(report.tiers)) {
    lines.push(`  ${tier.padEnd(8)} ${String(count).padStart(6)}  ${percent(count, report.leads).padStart(6)}`);
  }
  lines.push('', `Leads without a valid email: ${report.invalidEmails} (matched to no account, so routed by score); hook errors: ${report.hookErrors}`);
  return lines.join('\n');
}

/** Reads the committed sample data. */
export function loadDemoData(): { accounts: DemoAccount[]; leads: DemoLead[] } {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));
  return { accounts: read('accounts.json') as DemoAccount[], leads: read('leads.json') as DemoLead[] };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `--html FILE` also writes the report as an HTML page with charts.
  const { htmlReportPath, writeHtmlReport } = await import('./html-report.js');
  const htmlFile = htmlReportPath(process.argv.slice(2));
  const { accounts, leads } = loadDemoData();
  const report = await runDemo(accounts, leads);
  console.log(formatReport(report));
  if (htmlFile !== undefined) {
    writeHtmlReport(htmlFile, report, leads, leadScorecard);
    console.log(`\nWrote the HTML report to ${htmlFile}`);
  }
}
