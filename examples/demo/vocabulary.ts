import type { CountryCode, Industry } from './types.js';

/** First words of invented company names. */
export const NAME_PREFIXES: readonly string[] = [
  'Northwind', 'Bluepeak', 'Ironwood', 'Silverline', 'Redwood', 'Brightpath', 'Clearwater', 'Harborview',
  'Granite', 'Evergreen', 'Lakeside', 'Starling', 'Copperfield', 'Oakridge', 'Pinecrest', 'Westbrook',
  'Eastgate', 'Sunridge', 'Stonebridge', 'Riverbend', 'Highland', 'Pinnacle', 'Nimbus', 'Quanta',
  'Helix', 'Lumen', 'Polaris', 'Zenith', 'Meridian', 'Beacon', 'Cascade', 'Falconer',
  'Cobalt', 'Indigo', 'Crimson', 'Ember', 'Frontier', 'Keystone', 'Lighthouse', 'Mosaic',
  'Onyx', 'Prairie', 'Radiant', 'Sable', 'Tidal', 'Vantage', 'Willow', 'Yarrow',
  'Arbor', 'Bramble', 'Canyon', 'Driftwood', 'Fjord', 'Glacier', 'Halcyon', 'Kestrel',
  'Larkspur', 'Monarch', 'Northstar', 'Osprey', 'Peregrine', 'Quill', 'Rowan', 'Saffron',
  'Thistle', 'Verdant', 'Alder', 'Birchwood', 'Cedarline', 'Bluebird', 'Foxglove', 'Greystone',
];

/** Second words of company names, by industry, so a name hints at what the company does. */
export const NAME_CORES: Readonly<Record<Industry, readonly string[]>> = {
  SaaS: ['Analytics', 'Software', 'Cloud', 'Systems', 'Labs', 'Data', 'Networks', 'Apps'],
  Finance: ['Capital', 'Financial', 'Payments', 'Bancorp', 'Insurance', 'Ledger', 'Wealth'],
  Healthcare: ['Health', 'Medical', 'Bio', 'Care', 'Diagnostics', 'Therapeutics', 'Clinics'],
  Manufacturing: ['Industries', 'Manufacturing', 'Robotics', 'Materials', 'Machines', 'Works', 'Components'],
  Retail: ['Retail', 'Stores', 'Outfitters', 'Market', 'Goods', 'Brands', 'Home'],
  Education: ['Learning', 'Academy', 'Education', 'Tutors', 'Campus', 'Schools'],
  Marketing: ['Marketing', 'Creative', 'Digital', 'Agency', 'Growth', 'Studio'],
  Logistics: ['Logistics', 'Freight', 'Shipping', 'Transport', 'Supply', 'Cargo'],
  Media: ['Media', 'Publishing', 'Broadcasting', 'Pictures', 'Press'],
  Energy: ['Energy', 'Solar', 'Power', 'Grid', 'Renewables', 'Utilities'],
};

/** How often each industry occurs among the accounts. */
export const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = [
  ['SaaS', 26],
  ['Finance', 14],
  ['Healthcare', 11],
  ['Manufacturing', 11],
  ['Retail', 9],
  ['Education', 6],
  ['Marketing', 8],
  ['Logistics', 6],
  ['Media', 4],
  ['Energy', 5],
];

/** How often each country occurs among the accounts. */
export const COUNTRY_WEIGHTS: readonly (readonly [CountryCode, number])[] = [
  ['US', 40],
  ['GB', 12],
  ['DE', 10],
  ['FR', 7],
  ['CA', 7],
  ['AU', 6],
  ['NL', 6],
  ['SE', 3],
  ['ES', 3],
  ['IN', 3],
  ['SG', 3],
];

/** Legal-form suffixes of company names, and the top-level domains companies use, by country. */
export const COUNTRY_STYLE: Readonly<Record<CountryCode, { readonly legalForms: readonly string[]; readonly tlds: readonly string[] }>> = {
  US: { legalForms: ['Inc', 'Inc', 'LLC', 'Corp'], tlds: ['com'] },
  CA: { legalForms: ['Inc', 'Ltd'], tlds: ['com', 'ca'] },
  GB: { legalForms: ['Ltd', 'Ltd', 'plc'], tlds: ['co.uk', 'com'] },
  DE: { legalForms: ['GmbH', 'GmbH', 'AG'], tlds: ['de', 'de', 'com'] },
  FR: { legalForms: ['SAS', 'SA'], tlds: ['fr', 'com'] },
  NL: { legalForms: ['B.V.'], tlds: ['nl', 'com'] },
  AU: { legalForms: ['Pty Ltd'], tlds: ['com.au', 'com'] },
  SE: { legalForms: ['AB'], tlds: ['se', 'com'] },
  ES: { legalForms: ['S.L.', 'S.A.'], tlds: ['es', 'com'] },
  IN: { legalForms: ['Pvt Ltd'], tlds: ['in', 'co.in', 'com'] },
  SG: { legalForms: ['Pte Ltd'], tlds: ['com.sg', 'com'] },
};

/** Revenue per employee in US dollars, by industry, before a random factor from 0.6 to 1.6. */
export const REVENUE_PER_EMPLOYEE: Readonly<Record<Industry, number>> = {
  SaaS: 220_000,
  Finance: 350_000,
  Healthcare: 180_000,
  Manufacturing: 250_000,
  Retail: 150_000,
  Education: 90_000,
  Marketing: 130_000,
  Logistics: 200_000,
  Media: 170_000,
  Energy: 400_000,
};

/** The chance that an account of an industry uses each technology. */
export const TECH_ADOPTION: Readonly<Record<string, Readonly<Record<Industry, number>>>> = {
  kubernetes: { SaaS: 0.7, Finance: 0.5, Healthcare: 0.3, Manufacturing: 0.2, Retail: 0.3, Education: 0.15, Marketing: 0.15, Logistics: 0.3, Media: 0.3, Energy: 0.25 },
  docker: { SaaS: 0.6, Finance: 0.4, Healthcare: 0.3, Manufacturing: 0.2, Retail: 0.3, Education: 0.2, Marketing: 0.2, Logistics: 0.3, Media: 0.3, Energy: 0.2 },
  terraform: { SaaS: 0.45, Finance: 0.35, Healthcare: 0.15, Manufacturing: 0.1, Retail: 0.15, Education: 0.05, Marketing: 0.05, Logistics: 0.15, Media: 0.15, Energy: 0.1 },
  react: { SaaS: 0.7, Finance: 0.4, Healthcare: 0.3, Manufacturing: 0.15, Retail: 0.5, Education: 0.3, Marketing: 0.4, Logistics: 0.25, Media: 0.5, Energy: 0.15 },
  python: { SaaS: 0.6, Finance: 0.6, Healthcare: 0.5, Manufacturing: 0.35, Retail: 0.3, Education: 0.4, Marketing: 0.2, Logistics: 0.35, Media: 0.3, Energy: 0.45 },
  java: { SaaS: 0.3, Finance: 0.6, Healthcare: 0.35, Manufacturing: 0.4, Retail: 0.3, Education: 0.15, Marketing: 0.05, Logistics: 0.45, Media: 0.15, Energy: 0.35 },
  postgresql: { SaaS: 0.6, Finance: 0.3, Healthcare: 0.3, Manufacturing: 0.15, Retail: 0.3, Education: 0.3, Marketing: 0.15, Logistics: 0.25, Media: 0.3, Energy: 0.2 },
  snowflake: { SaaS: 0.35, Finance: 0.4, Healthcare: 0.25, Manufacturing: 0.2, Retail: 0.35, Education: 0.05, Marketing: 0.2, Logistics: 0.25, Media: 0.2, Energy: 0.2 },
  databricks: { SaaS: 0.2, Finance: 0.3, Healthcare: 0.2, Manufacturing: 0.2, Retail: 0.15, Education: 0.05, Marketing: 0.05, Logistics: 0.15, Media: 0.1, Energy: 0.25 },
  salesforce: { SaaS: 0.5, Finance: 0.55, Healthcare: 0.4, Manufacturing: 0.45, Retail: 0.4, Education: 0.25, Marketing: 0.3, Logistics: 0.35, Media: 0.35, Energy: 0.35 },
  hubspot: { SaaS: 0.35, Finance: 0.1, Healthcare: 0.15, Manufacturing: 0.15, Retail: 0.25, Education: 0.35, Marketing: 0.6, Logistics: 0.15, Media: 0.3, Energy: 0.1 },
  marketo: { SaaS: 0.2, Finance: 0.2, Healthcare: 0.1, Manufacturing: 0.1, Retail: 0.15, Education: 0.05, Marketing: 0.3, Logistics: 0.05, Media: 0.15, Energy: 0.05 },
  segment: { SaaS: 0.3, Finance: 0.1, Healthcare: 0.05, Manufacturing: 0.02, Retail: 0.25, Education: 0.1, Marketing: 0.3, Logistics: 0.05, Media: 0.2, Energy: 0.02 },
  wordpress: { SaaS: 0.15, Finance: 0.1, Healthcare: 0.3, Manufacturing: 0.35, Retail: 0.35, Education: 0.6, Marketing: 0.55, Logistics: 0.3, Media: 0.6, Energy: 0.3 },
  shopify: { SaaS: 0.02, Finance: 0.0, Healthcare: 0.02, Manufacturing: 0.05, Retail: 0.5, Education: 0.02, Marketing: 0.1, Logistics: 0.02, Media: 0.1, Energy: 0.0 },
  sap: { SaaS: 0.05, Finance: 0.2, Healthcare: 0.2, Manufacturing: 0.6, Retail: 0.3, Education: 0.05, Marketing: 0.02, Logistics: 0.5, Media: 0.05, Energy: 0.5 },
};

/** Cloud providers, repeated to weight the draw. Every account uses one, and some use a second. */
export const CLOUDS: readonly string[] = ['aws', 'aws', 'aws', 'gcp', 'azure', 'azure'];

/** First names of leads. */
export const FIRST_NAMES: readonly string[] = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Susan', 'Daniel', 'Jessica', 'Thomas', 'Sarah', 'Priya', 'Rahul', 'Ananya', 'Arjun',
  'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Sofia', 'Mateo', 'Lucia', 'Javier', 'Emma', 'Lukas',
  'Hannah', 'Felix', 'Chloe', 'Louis', 'Camille', 'Noah', 'Olivia', 'Liam', 'Ava', 'Ethan',
  'Fatima', 'Omar', 'Aisha', 'Kwame', 'Amara', 'Lars', 'Ingrid', 'Sven', 'Freya', 'Daan',
  'Sanne', 'Oliver', 'Charlotte', 'Jack', 'Isla', 'Chen', 'Grace', 'Marco', 'Giulia', 'Nikhil',
];

/** Last names of leads. A few contain an apostrophe, a hyphen, a space or an accent, as real names do. */
export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Patel', 'Sharma',
  'Gupta', 'Singh', 'Wang', 'Li', 'Zhang', 'Tanaka', 'Suzuki', 'Kim', 'Nguyen', 'Müller',
  'Schmidt', 'Schneider', 'Fischer', 'Dubois', 'Moreau', 'Laurent', 'Bernard', 'de Vries', 'Jansen', 'Bakker',
  'Johansson', 'Lindqvist', 'Andersson', 'Rossi', 'Russo', 'Fernández', 'López', 'Okafor', 'Mensah', "O'Brien",
  'Murphy', 'Kelly', 'Walsh', 'Campbell', 'Stewart', 'Hughes', 'Cohen', 'Levi', 'Khan', 'Ahmed',
  'Smith-Jones', 'Novak', 'Kowalski', 'Costa', 'Silva',
];

/** Seniority level of a job title. A more senior lead is a little more engaged. */
export type Seniority = 'executive' | 'manager' | 'practitioner' | 'early-career';

/** The kind of work a title stands for, which decides the content a lead is drawn to. */
export type Role = 'technical' | 'marketing' | 'business';

/** A job title with its seniority and role. */
export interface TitleEntry {
  readonly title: string;
  readonly seniority: Seniority;
  readonly role: Role;
}

export const TITLES: readonly TitleEntry[] = [
  { title: 'CTO', seniority: 'executive', role: 'technical' },
  { title: 'CEO', seniority: 'executive', role: 'business' },
  { title: 'Co-Founder', seniority: 'executive', role: 'business' },
  { title: 'Chief Data Officer', seniority: 'executive', role: 'technical' },
  { title: 'VP Engineering', seniority: 'executive', role: 'technical' },
  { title: 'VP of Marketing', seniority: 'executive', role: 'marketing' },
  { title: 'VP Sales', seniority: 'executive', role: 'business' },
  { title: 'Head of Data', seniority: 'manager', role: 'technical' },
  { title: 'Head of Growth', seniority: 'manager', role: 'marketing' },
  { title: 'Director of IT', seniority: 'manager', role: 'technical' },
  { title: 'Engineering Manager', seniority: 'manager', role: 'technical' },
  { title: 'Marketing Manager', seniority: 'manager', role: 'marketing' },
  { title: 'Demand Generation Manager', seniority: 'manager', role: 'marketing' },
  { title: 'RevOps Manager', seniority: 'manager', role: 'marketing' },
  { title: 'Senior Software Engineer', seniority: 'practitioner', role: 'technical' },
  { title: 'Software Engineer', seniority: 'practitioner', role: 'technical' },
  { title: 'Data Engineer', seniority: 'practitioner', role: 'technical' },
  { title: 'DevOps Engineer', seniority: 'practitioner', role: 'technical' },
  { title: 'Solutions Architect', seniority: 'practitioner', role: 'technical' },
  { title: 'Developer Advocate', seniority: 'practitioner', role: 'technical' },
  { title: 'Data Analyst', seniority: 'practitioner', role: 'technical' },
  { title: 'Product Manager', seniority: 'practitioner', role: 'business' },
  { title: 'Marketing Operations Specialist', seniority: 'practitioner', role: 'marketing' },
  { title: 'Sales Development Representative', seniority: 'practitioner', role: 'business' },
  { title: 'Procurement Specialist', seniority: 'practitioner', role: 'business' },
  { title: 'Consultant', seniority: 'practitioner', role: 'business' },
  { title: 'Junior Developer', seniority: 'early-career', role: 'technical' },
  { title: 'Student', seniority: 'early-career', role: 'business' },
  { title: 'Intern', seniority: 'early-career', role: 'business' },
  { title: 'Freelancer', seniority: 'early-career', role: 'business' },
];

/** The downloadable content on the vendor's website. */
export const ASSETS = {
  apiDocs: 'api_documentation.pdf',
  pricing: 'pricing_guide.pdf',
  fintechCase: 'case_study_fintech.pdf',
  healthcareCase: 'case_study_healthcare.pdf',
  abmEbook: 'ebook_abm.pdf',
  security: 'security_whitepaper.pdf',
  roiCalculator: 'roi_calculator.xlsx',
  integrationGuide: 'integration_guide.pdf',
  revopsReport: 'state_of_revops_2026.pdf',
} as const;

export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'gmail.com', 'gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'proton.me',
];

/** Mail-server and regional subdomains that some companies put in their addresses. */
export const EMAIL_SUBDOMAINS: readonly string[] = ['eu', 'mail', 'us', 'uk', 'corp'];

/** Sales agents who own accounts, named as in the CRM export. */
export const AGENTS: readonly string[] = Array.from({ length: 20 }, (_, i) => `Agent ${String(i + 1).padStart(2, '0')}`);
