import type { Company } from './companies.js';
import type { Random } from './random.js';
import type { CountryCode, DemoAccount, DemoLead, Industry } from './types.js';
import {
  ASSETS,
  COUNTRY_WEIGHTS,
  EMAIL_SUBDOMAINS,
  FIRST_NAMES,
  FREE_MAIL_DOMAINS,
  LAST_NAMES,
  TITLES,
  type Seniority,
  type TitleEntry,
} from './vocabulary.js';

/** Owner of the domain in a lead's email address: a CRM account, a free-mail provider, or another company. */
export type EmailKind = 'account' | 'free-mail' | 'other-company';

/** An account together with the company it was made from. */
export interface AccountEntry {
  readonly account: DemoAccount;
  readonly company: Company;
  /** Relative chance that a lead comes from this account. */
  readonly weight: number;
  /** Whether the account is researching a purchase, which raises its leads' engagement. */
  readonly surging: boolean;
}

/** The companies leads are drawn from, and email addresses already given out. */
export interface LeadContext {
  readonly accounts: readonly AccountEntry[];
  readonly otherCompanies: readonly Company[];
  readonly usedEmails: Set<string>;
}

const EMAIL_KIND_WEIGHTS: readonly (readonly [EmailKind, number])[] = [
  ['account', 40],
  ['free-mail', 25],
  ['other-company', 35],
];

const SENIORITY_WEIGHTS: Readonly<Record<'corporate' | 'free-mail', readonly (readonly [Seniority, number])[]>> = {
  corporate: [
    ['executive', 8],
    ['manager', 20],
    ['practitioner', 60],
    ['early-career', 12],
  ],
  'free-mail': [
    ['executive', 4],
    ['manager', 8],
    ['practitioner', 40],
    ['early-career', 48],
  ],
};

/** Engagement, from 0 to 100, that a lead of each seniority starts from before random spread. */
const BASE_INTENT: Readonly<Record<Seniority, number>> = {
  executive: 55,
  manager: 50,
  practitioner: 40,
  'early-career': 20,
};

/** Titles that do not occur with a company email address. */
const FREE_MAIL_ONLY_TITLES: readonly string[] = ['Student', 'Freelancer'];

function drawTitle(random: Random, kind: EmailKind): TitleEntry {
  const seniority = random.weighted(SENIORITY_WEIGHTS[kind === 'free-mail' ? 'free-mail' : 'corporate']);
  const titles = TITLES.filter(
    (t) => t.seniority === seniority && (kind === 'free-mail' || !FREE_MAIL_ONLY_TITLES.includes(t.title)),
  );
  return random.pick(titles);
}

/** Lower-cases a name part and drops accents, apostrophes, hyphens and spaces. */
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function drawLocalPart(random: Random, first: string, last: string, kind: EmailKind): string {
  const f = emailPart(first);
  const l = emailPart(last);
  if (kind === 'free-mail') {
    return random.weighted<string>([
      [`${f}.${l}`, 30],
      [`${f}${l}`, 20],
      [`${f}.${l}${random.int(1, 99)}`, 25],
      [`${f}${random.int(1970, 2006)}`, 15],
      [`${f}_${l}`, 10],
    ]);
  }
  return random.weighted<string>([
    [`${f}.${l}`, 50],
    [`${f[0]}${l}`, 20],
    [f, 15],
    [`${f}_${l}`, 10],
    [`${f}${l[0]}`, 5],
  ]);
}

/** Returns an address not given out yet, adding a number to the local part when needed. */
function uniqueEmail(random: Random, local: string, domain: string, used: Set<string>): string {
  let email = `${local}@${domain}`;
  while (used.has(email)) email = `${local}${random.int(2, 99)}@${domain}`;
  used.add(email);
  return email;
}

/** Returns the company name as a person types it into a form: legal name, short name, lower case or prefix. */
function typedCompanyName(random: Random, company: Company): string {
  return random.weighted<string>([
    [company.legalName, 40],
    [company.shortName, 40],
    [company.shortName.toLowerCase(), 10],
    [company.prefix, 10],
  ]);
}

/** Rounds a head count to two significant digits, as people estimate it. */
function estimateSize(employees: number): number {
  if (employees < 100) return employees;
  let scale = 1;
  while (employees / scale >= 100) scale *= 10;
  return Math.round(employees / scale) * scale;
}

function drawCompanySize(random: Random, employees: number | undefined): number | string | undefined {
  if (employees === undefined) return undefined;
  const estimate = estimateSize(employees);
  return random.weighted<number | string | undefined>([
    [estimate, 55],
    [String(estimate), 20],
    [undefined, 25],
  ]);
}

function drawCountry(random: Random, companyCountry: CountryCode | undefined): CountryCode | undefined {
  if (companyCountry === undefined) {
    return random.chance(0.7) ? random.weighted(COUNTRY_WEIGHTS) : undefined;
  }
  return random.weighted<CountryCode | undefined>([
    [companyCountry, 85],
    [undefined, 10],
    [random.weighted(COUNTRY_WEIGHTS), 5],
  ]);
}

interface Engagement {
  readonly downloadedAssets: string[];
  readonly visitedPricingPage: boolean;
  readonly pageViews: number;
  readonly emailClicks: number;
  readonly webinarAttended: boolean;
}

/**
 * Draws a lead's activity from an intent between 0 and 1. Higher intent means more page views,
 * clicks and downloads, and the role decides which content the lead downloads.
 */
function drawEngagement(random: Random, intent: number, title: TitleEntry, industry: Industry | undefined): Engagement {
  const senior = title.seniority === 'executive' || title.seniority === 'manager';
  const buyer = senior || title.title === 'Procurement Specialist';
  const technical = title.role === 'technical';
  const marketing = title.role === 'marketing';

  const assetChances: readonly (readonly [string, number])[] = [
    [ASSETS.apiDocs, technical ? 0.1 + 0.4 * intent : 0.03],
    [ASSETS.pricing, 0.03 + 0.35 * intent + (buyer ? 0.15 : 0)],
    [ASSETS.fintechCase, industry === 'Finance' ? 0.1 + 0.3 * intent : 0.02 + 0.05 * intent],
    [ASSETS.healthcareCase, industry === 'Healthcare' ? 0.1 + 0.3 * intent : 0.02 + 0.05 * intent],
    [ASSETS.abmEbook, marketing ? 0.1 + 0.35 * intent : 0.04],
    [ASSETS.security, technical || senior ? 0.05 + 0.2 * intent : 0.02],
    [ASSETS.roiCalculator, senior ? 0.05 + 0.25 * intent : 0.02],
    [ASSETS.integrationGuide, technical ? 0.05 + 0.25 * intent : 0.02],
    [ASSETS.revopsReport, 0.08 + 0.1 * intent + (marketing ? 0.1 : 0)],
  ];
  const downloadedAssets = assetChances.filter(([, chance]) => random.chance(chance)).map(([asset]) => asset);

  return {
    downloadedAssets,
    visitedPricingPage: random.chance(0.05 + 0.55 * intent + (buyer ? 0.1 : 0)),
    pageViews: 1 + random.geometric(0.55 + 0.4 * intent, 120),
    emailClicks: random.geometric(0.2 + 0.55 * intent, 40),
    webinarAttended: random.chance(0.03 + 0.3 * intent),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Draws one clean lead. `createdAt` is a timestamp in milliseconds since the epoch. */
export function drawLead(random: Random, context: LeadContext, index: number, createdAt: number): DemoLead {
  const kind = random.weighted(EMAIL_KIND_WEIGHTS);
  const title = drawTitle(random, kind);
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);

  let domain: string;
  let company: string | undefined;
  let employees: number | undefined;
  let companyCountry: CountryCode | undefined;
  let industry: Industry | undefined;
  let intentBonus = 0;

  if (kind === 'account') {
    const entry = random.weighted(context.accounts.map((a) => [a, a.weight] as const));
    const base = random.chance(0.8) ? entry.account.domains[0]! : random.pick(entry.account.domains);
    domain = random.chance(0.15) ? `${random.pick(EMAIL_SUBDOMAINS)}.${base}` : base;
    company = random.weighted<string | undefined>([
      [typedCompanyName(random, entry.company), 70],
      [undefined, 20],
      ['Select', 10],
    ]);
    employees = entry.account.employees;
    companyCountry = entry.account.country;
    industry = entry.account.industry;
    intentBonus = 10 + (entry.surging ? 15 : 0);
  } else if (kind === 'other-company') {
    const other = random.pick(context.otherCompanies);
    domain = other.domains[0]!;
    company = random.weighted<string | undefined>([
      [typedCompanyName(random, other), 70],
      [undefined, 20],
      ['Select', 10],
    ]);
    employees = other.employees;
    companyCountry = other.country;
    industry = other.industry;
  } else {
    domain = random.pick(FREE_MAIL_DOMAINS);
    // Some people at target accounts sign up with a private address but name their employer.
    const employer = random.chance(0.15) ? random.pick(context.accounts) : undefined;
    if (employer !== undefined) {
      company = typedCompanyName(random, employer.company);
    } else {
      company = random.weighted<string | undefined>([
        [undefined, 55],
        ['Select', 12],
        [typedCompanyName(random, random.pick(context.otherCompanies)), 23],
        ['Self-employed', 10],
      ]);
    }
    if (employer !== undefined) employees = employer.account.employees;
    else if (random.chance(0.4)) employees = random.int(1, 50);
    intentBonus = -5;
  }

  const email = uniqueEmail(random, drawLocalPart(random, firstName, lastName, kind), domain, context.usedEmails);
  const companySize = drawCompanySize(random, employees);
  const country = drawCountry(random, companyCountry);
  const intent = clamp(BASE_INTENT[title.seniority] + intentBonus + random.int(-25, 25), 0, 100) / 100;
  const engagement = drawEngagement(random, intent, title, industry);

  return {
    id: `lead-${String(index + 1).padStart(4, '0')}`,
    email,
    firstName,
    lastName,
    title: title.title,
    ...(company === undefined ? {} : { company }),
    ...(companySize === undefined ? {} : { companySize }),
    ...(country === undefined ? {} : { country }),
    ...engagement,
    createdAt: new Date(createdAt).toISOString(),
  };
}

/** Number of leads that get each kind of dirty value. Each chosen lead gets exactly one. */
export const DIRTY_COUNTS = {
  upperCaseEmail: 12,
  paddedEmail: 12,
  missingEmail: 8,
  selectTitle: 10,
  selectCompanySize: 10,
} as const;

/** Returns a copy of the leads in which a few, chosen at random, carry typical form-data errors. */
export function addDirtyValues(random: Random, leads: readonly DemoLead[]): DemoLead[] {
  const result = [...leads];
  const total = Object.values(DIRTY_COUNTS).reduce((sum, n) => sum + n, 0);
  const chosen = random.sample(
    leads.map((_, i) => i),
    total,
  );

  let next = 0;
  const take = (count: number): number[] => {
    const indices = chosen.slice(next, next + count);
    next += count;
    return indices;
  };

  for (const i of take(DIRTY_COUNTS.upperCaseEmail)) {
    const lead = result[i]!;
    result[i] = { ...lead, email: lead.email!.toUpperCase() };
  }
  for (const i of take(DIRTY_COUNTS.paddedEmail)) {
    const lead = result[i]!;
    result[i] = { ...lead, email: random.pick([` ${lead.email!}`, `${lead.email!} `, `  ${lead.email!}  `]) };
  }
  for (const i of take(DIRTY_COUNTS.missingEmail)) {
    const { email: _email, ...rest } = result[i]!;
    result[i] = rest;
  }
  for (const i of take(DIRTY_COUNTS.selectTitle)) {
    result[i] = { ...result[i]!, title: 'Select' };
  }
  for (const i of take(DIRTY_COUNTS.selectCompanySize)) {
    result[i] = { ...result[i]!, companySize: 'Select' };
  }
  return result.map(orderLeadKeys);
}

/** Returns the lead with its keys in the order of `DemoLead`, which a spread may have changed. */
function orderLeadKeys(lead: DemoLead): DemoLead {
  const { id, email, firstName, lastName, title, company, companySize, country, ...engagement } = lead;
  const { downloadedAssets, visitedPricingPage, pageViews, emailClicks, webinarAttended, createdAt } = engagement;
  return {
    id,
    ...(email === undefined ? {} : { email }),
    firstName,
    lastName,
    title,
    ...(company === undefined ? {} : { company }),
    ...(companySize === undefined ? {} : { companySize }),
    ...(country === undefined ? {} : { country }),
    downloadedAssets,
    visitedPricingPage,
    pageViews,
    emailClicks,
    webinarAttended,
    createdAt,
  };
}
