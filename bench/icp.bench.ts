// Throughput of the ICP "SaaS or Finance, at least 100 employees, runs Kubernetes" over
// 1,000,000 synthetic companies, as a ratio to a hand-written filter with the same type
// checks, and to sift, mingo, json-logic-js and json-rules-engine on identical criteria.
// json-rules-engine is timed on 5,000 companies because it runs about a thousand times
// slower; every ratio is per company. Before any timing, every contender must select exactly
// the companies the hand-written filter selects.
import { Engine } from 'json-rules-engine';
import jsonLogic from 'json-logic-js';
import { Query } from 'mingo';
import sift from 'sift';
import { filterAccounts, icp } from 'netspear';
import { toJsonLogic } from '../src/interop/index.js';
import { measure, ratioTable, type BenchSection, type Measurement } from './harness.js';

interface Company {
  id: number;
  industry: string;
  employees: number | null;
  techStack?: string[];
  country: string;
}

const COMPANIES = 1_000_000;
const RULES_ENGINE_COMPANIES = 5_000;

const INDUSTRIES = ['SaaS', 'Finance', 'Retail', 'Education', 'Health', 'Select'];
const STACKS = [['kubernetes', 'react'], ['wordpress'], ['python', 'aws', 'kubernetes'], [], ['rails', 'postgres']];
const COUNTRIES = ['US', 'DE', 'IN', 'GB', 'BR'];

/** Builds a deterministic synthetic company. About 5% lack a headcount and 10% a tech stack. */
function makeCompany(i: number): Company {
  const r = (i * 2654435761) >>> 0;
  const company: Company = {
    id: i,
    industry: INDUSTRIES[r % 6]!,
    employees: (r >>> 5) % 20 === 0 ? null : (r >>> 3) % 3000,
    country: COUNTRIES[(r >>> 7) % 5]!,
  };
  if ((r >>> 9) % 10 !== 0) company.techStack = [...STACKS[(r >>> 11) % 5]!];
  return company;
}

/** Tests the ICP in hand-written JavaScript, with the type checks netspear makes. */
function handWritten(c: Company): boolean {
  const industry = c.industry;
  if (industry !== 'SaaS' && industry !== 'Finance') return false;
  const employees = c.employees;
  if (typeof employees !== 'number' || !(employees >= 100)) return false;
  const stack = c.techStack;
  return Array.isArray(stack) && stack.includes('kubernetes');
}

const profile = icp<Company>((c) =>
  c.and(c.oneOf('industry', ['SaaS', 'Finance']), c.atLeast('employees', 100), c.includesAll('techStack', ['kubernetes'])),
);

const mongoQuery = { industry: { $in: ['SaaS', 'Finance'] }, employees: { $gte: 100 }, techStack: { $all: ['kubernetes'] } };

function rulesEngine(): Engine {
  return new Engine(
    [
      {
        conditions: {
          all: [
            { fact: 'industry', operator: 'in', value: ['SaaS', 'Finance'] },
            { fact: 'employees', operator: 'greaterThanInclusive', value: 100 },
            { fact: 'techStack', operator: 'contains', value: 'kubernetes' },
          ],
        },
        event: { type: 'icp' },
      },
    ],
    { allowUndefinedFacts: true },
  );
}

function ids(companies: readonly Company[]): string {
  return companies.map((c) => c.id).join(',');
}

function check(name: string, expected: readonly Company[], actual: readonly Company[]): void {
  if (ids(expected) !== ids(actual)) {
    throw new Error(`icp bench: ${name} selects ${actual.length} companies, the hand-written filter ${expected.length}`);
  }
}

export async function run(): Promise<BenchSection> {
  const companies = Array.from({ length: COMPANIES }, (_, i) => makeCompany(i));
  const matchesSift = sift(mongoQuery);
  const mingoQuery = new Query(mongoQuery);
  const logic = toJsonLogic(profile.predicate) as jsonLogic.RulesLogic;
  const engine = rulesEngine();

  const filters: Record<string, () => Company[]> = {
    handWritten: () => companies.filter(handWritten),
    netspear: () => filterAccounts(profile, companies),
    sift: () => companies.filter(matchesSift),
    mingo: () => companies.filter((c) => mingoQuery.test(c as unknown as Record<string, unknown>)),
    jsonLogic: () => companies.filter((c) => jsonLogic.truthy(jsonLogic.apply(logic, c))),
  };

  // Every contender must select the same companies before any timing counts.
  const expected = filters['handWritten']!();
  for (const [name, filter] of Object.entries(filters)) check(name, expected, filter());
  const sample = companies.slice(0, RULES_ENGINE_COMPANIES);
  const engineMatches: Company[] = [];
  for (const company of sample) {
    const { events } = await engine.run(company as unknown as Record<string, unknown>);
    if (events.length > 0) engineMatches.push(company);
  }
  check('json-rules-engine', sample.filter(handWritten), engineMatches);

  const baseline = measure('hand-written filter', COMPANIES, filters['handWritten']!);
  const rows: Measurement[] = [
    measure('netspear `filterAccounts`', COMPANIES, filters['netspear']!),
    measure('sift', COMPANIES, filters['sift']!, { rounds: 3, warmup: 1 }),
    measure('mingo', COMPANIES, filters['mingo']!, { rounds: 3, warmup: 1 }),
    measure('json-logic-js', COMPANIES, filters['jsonLogic']!, { rounds: 3, warmup: 1 }),
  ];
  const start = performance.now();
  let matched = 0;
  for (const company of sample) matched += (await engine.run(company as unknown as Record<string, unknown>)).events.length;
  rows.push({ name: 'json-rules-engine', opsPerSecond: RULES_ENGINE_COMPANIES / ((performance.now() - start) / 1000) });
  if (matched < 0) console.log(matched);

  const markdown = `Filters ${COMPANIES.toLocaleString('en-US')} synthetic companies (${expected.length.toLocaleString('en-US')} match) with the ICP
"SaaS or Finance, at least 100 employees, runs Kubernetes"; about 5% of the companies have no
headcount and 10% no tech stack. Every contender selects exactly the same companies, checked
before timing; json-rules-engine is timed on ${RULES_ENGINE_COMPANIES.toLocaleString('en-US')} companies. Goal: netspear at 0.5× the
hand-written filter or better, without \`eval\` or \`new Function\`.

${ratioTable(baseline, rows)}
`;
  return { title: 'ICP filter', markdown };
}
