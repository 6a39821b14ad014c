/** The shapes of the committed demo data in `examples/demo/data/`. */

export type Industry =
  | 'SaaS'
  | 'Finance'
  | 'Healthcare'
  | 'Manufacturing'
  | 'Retail'
  | 'Education'
  | 'Marketing'
  | 'Logistics'
  | 'Media'
  | 'Energy';

/** ISO 3166-1 alpha-2 codes of the countries the demo accounts are in. */
export type CountryCode = 'US' | 'GB' | 'DE' | 'FR' | 'CA' | 'AU' | 'NL' | 'SE' | 'ES' | 'IN' | 'SG';

/** A target company in the CRM. */
export interface DemoAccount {
  /** `acc-001` to `acc-300`. */
  readonly id: string;
  readonly name: string;
  /** Lower-case registrable domains, the primary one first. No two accounts share a domain. */
  readonly domains: readonly string[];
  readonly industry: Industry;
  readonly employees: number;
  /** Annual revenue in US dollars. */
  readonly annualRevenue: number;
  readonly country: CountryCode;
  /** Lower-case technology names, such as `kubernetes`, `aws` or `salesforce`. */
  readonly techStack: readonly string[];
  /** The sales agent who owns the account, such as `Agent 07`, or absent for unowned accounts. */
  readonly owner?: string;
}

/**
 * An inbound lead as a web form and a marketing tool report it. Most rows are clean, but some are
 * dirty on purpose: upper-case or space-padded emails, a missing email, `Select` as the title
 * or company size, a company size sent as a string.
 */
export interface DemoLead {
  /** `lead-0001` upward, in order of `createdAt`. */
  readonly id: string;
  /** Absent on a few rows, and upper-case or padded with spaces on a few others. */
  readonly email?: string;
  readonly firstName: string;
  readonly lastName: string;
  /** A job title, or `Select` when the form field was left unanswered. */
  readonly title: string;
  /** The company form field, as typed: absent, `Select`, or a name that may differ from the account's. */
  readonly company?: string;
  /** Employees as the form sent it: a number, a numeric string such as `"250"`, or `Select`. */
  readonly companySize?: number | string;
  readonly country?: CountryCode;
  /** File names of the content the lead downloaded, such as `pricing_guide.pdf`. */
  readonly downloadedAssets: readonly string[];
  readonly visitedPricingPage: boolean;
  readonly pageViews: number;
  readonly emailClicks: number;
  readonly webinarAttended: boolean;
  /** When the lead was created, as an ISO 8601 UTC timestamp in 2026. */
  readonly createdAt: string;
}

/** A demo lead with its outcome, as `leads.json` stores it. */
export interface DemoLeadWithOutcome extends DemoLead {
  /**
   * Whether the lead became a customer. The generator draws it from the lead's activity and
   * seniority, so the demo's HTML report can show the conversion rate of each score tier.
   */
  readonly converted: boolean;
}
