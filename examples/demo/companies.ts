import type { Random } from './random.js';
import type { CountryCode, DemoAccount, Industry } from './types.js';
import {
  AGENTS,
  CLOUDS,
  COUNTRY_STYLE,
  COUNTRY_WEIGHTS,
  INDUSTRY_WEIGHTS,
  NAME_CORES,
  NAME_PREFIXES,
  REVENUE_PER_EMPLOYEE,
  TECH_ADOPTION,
} from './vocabulary.js';

/** An invented company: either a CRM account or one of the other companies leads work at. */
export interface Company {
  /** The name without its legal form, such as `Northwind Analytics`. */
  readonly shortName: string;
  /** The first word of the name, such as `Northwind`. */
  readonly prefix: string;
  /** The registered name with its legal form, such as `Northwind Analytics Inc`. */
  readonly legalName: string;
  readonly domains: readonly string[];
  readonly industry: Industry;
  readonly country: CountryCode;
  readonly employees: number;
}

/** Names and domains already given out, so every company gets its own. */
export interface CompanyRegistry {
  readonly names: Set<string>;
  readonly domains: Set<string>;
}

/** Employee-count ranges with their weights. A count is uniform within its range. */
const EMPLOYEE_RANGES: readonly (readonly [readonly [number, number], number])[] = [
  [[10, 24], 8],
  [[25, 49], 9],
  [[50, 99], 10],
  [[100, 199], 11],
  [[200, 499], 14],
  [[500, 999], 13],
  [[1000, 1999], 11],
  [[2000, 4999], 10],
  [[5000, 9999], 7],
  [[10000, 19999], 4],
  [[20000, 100000], 3],
];

function slug(word: string): string {
  return word.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function drawEmployees(random: Random): number {
  const [min, max] = random.weighted(EMPLOYEE_RANGES);
  const count = random.int(min, max);
  if (count < 100) return count;
  if (count < 5000) return Math.round(count / 10) * 10;
  return Math.round(count / 50) * 50;
}

function drawDomains(random: Random, prefix: string, core: string, industry: Industry, country: CountryCode, registry: CompanyRegistry): string[] {
  const tld = random.pick(COUNTRY_STYLE[country].tlds);
  const primary = `${slug(prefix)}${slug(core)}.${tld}`;
  // A unique name gives a unique primary domain unless two word pairs join to the same letters.
  if (registry.domains.has(primary)) throw new Error(`domain ${primary} is already taken`);
  const domains = [primary];

  if (random.chance(0.35)) {
    const candidates = [
      `${slug(prefix)}-${slug(core)}.com`,
      `get${slug(prefix)}.com`,
      tld === 'com' ? `${slug(prefix)}${slug(core)}.net` : `${slug(prefix)}${slug(core)}.com`,
    ];
    if (industry === 'SaaS') candidates.push(`${slug(prefix)}.io`, `${slug(prefix)}.io`);
    const second = random.pick(candidates);
    if (!registry.domains.has(second)) domains.push(second);
  }
  return domains;
}

/**
 * Invents a company whose name and domains are not in the registry yet, and records them there.
 * Names combine a prefix with an industry word, so the name hints at the industry.
 */
export function inventCompany(random: Random, registry: CompanyRegistry): Company {
  const industry = random.weighted(INDUSTRY_WEIGHTS);
  const country = random.weighted(COUNTRY_WEIGHTS);

  let prefix: string;
  let core: string;
  do {
    prefix = random.pick(NAME_PREFIXES);
    core = random.pick(NAME_CORES[industry]);
  } while (registry.names.has(`${prefix} ${core}`));

  const shortName = `${prefix} ${core}`;
  const domains = drawDomains(random, prefix, core, industry, country, registry);
  registry.names.add(shortName);
  domains.forEach((d) => registry.domains.add(d));

  return {
    shortName,
    prefix,
    legalName: `${shortName} ${random.pick(COUNTRY_STYLE[country].legalForms)}`,
    domains,
    industry,
    country,
    employees: drawEmployees(random),
  };
}

function drawTechStack(random: Random, industry: Industry): string[] {
  const stack = [random.pick(CLOUDS)];
  if (random.chance(0.15)) {
    const second = random.pick(CLOUDS.filter((c) => c !== stack[0]));
    stack.push(second);
  }
  for (const [technology, adoption] of Object.entries(TECH_ADOPTION)) {
    if (random.chance(adoption[industry])) stack.push(technology);
  }
  return stack;
}

/** Turns an invented company into a CRM account with revenue, tech stack and maybe an owner. */
export function toAccount(random: Random, company: Company, index: number): DemoAccount {
  const revenueFactor = random.int(60, 160) / 100;
  const annualRevenue = Math.round((company.employees * REVENUE_PER_EMPLOYEE[company.industry] * revenueFactor) / 10_000) * 10_000;
  const techStack = drawTechStack(random, company.industry);
  const ownedChance = company.employees >= 1000 ? 0.9 : 0.6;
  const owner = random.chance(ownedChance) ? random.pick(AGENTS) : undefined;

  return {
    id: `acc-${String(index + 1).padStart(3, '0')}`,
    name: company.legalName,
    domains: company.domains,
    industry: company.industry,
    employees: company.employees,
    annualRevenue,
    country: company.country,
    techStack,
    ...(owner === undefined ? {} : { owner }),
  };
}
