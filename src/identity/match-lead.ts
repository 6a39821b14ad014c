import { ConfigError } from '../internal/config-error.js';
import {
  compareEntries,
  findDomainCandidates,
  invalidEmail,
  isAccountIndex,
  parentFields,
  runnersUp,
  STEP_CONFIDENCE,
  type AccountCandidate,
  type AccountIndex,
  type AccountLike,
  type AccountMatchFound,
  type IndexEntry,
  type MatchStep,
  type NoAccountMatch,
  type RankedCandidate,
} from './accounts.js';
import { DEFAULT_PLACEHOLDERS, isMissing } from '../internal/values.js';
import { normalizeWebsite } from './domain.js';
import { describeValue, quote } from './format.js';
import { companyNameTokens, legalFormPhrases, nameSimilarity } from './names.js';

/** Lead fields that `matchLead` reads: the email, the company name and the website typed into a form. */
export interface LeadDetails {
  readonly email?: unknown;
  readonly company?: unknown;
  /** The company's website as typed: `acme.com`, `www.acme.com` or `https://www.acme.com/about`. */
  readonly website?: unknown;
}

/** A lead whose website's host, or a subdomain of it, is a primary or alias domain of an account. */
export interface WebsiteMatchFound<A extends AccountLike = AccountLike> {
  readonly matched: true;
  readonly account: A;
  readonly step: 'website';
  /** `domain` when the website's host is the matched domain itself, `subdomain` when it is below it. */
  readonly via: 'domain' | 'subdomain';
  /** Certainty of the match: 0.85, or 0.8 for a subdomain. */
  readonly confidence: number;
  /** The website's canonical host, without `www`. */
  readonly website: string;
  /** Account domain that matched: `website` itself or one of its parent domains. */
  readonly matchedDomain: string;
  /** Canonical domain of the lead's email, when it parsed. */
  readonly domain?: string;
  /** Canonical email address, when it parsed. */
  readonly email?: string;
  readonly parent?: A;
  readonly ultimateParent?: A;
  /** Other accounts that matched, best first. */
  readonly runnersUp: readonly AccountCandidate<A>[];
}

/** A lead that matched an account by company name, by its email domain's label, or by a fuzzy name. */
export interface NameMatchFound<A extends AccountLike = AccountLike> {
  readonly matched: true;
  readonly account: A;
  /** `name` for the company field's key, `domain_label` for the email domain's label, `fuzzy_name` for a similar key. */
  readonly step: 'name' | 'domain_label' | 'fuzzy_name';
  /** Certainty of the match, from 0 to 1. */
  readonly confidence: number;
  /** Account-name key that matched. */
  readonly matchedKey: string;
  /** Similarity of the lead's key to `matchedKey`, for `fuzzy_name`. */
  readonly similarity?: number;
  /** Canonical domain of the lead's email, when it parsed. */
  readonly domain?: string;
  /** Canonical email address, when it parsed. */
  readonly email?: string;
  readonly parent?: A;
  readonly ultimateParent?: A;
  /** Other accounts that matched, best first. */
  readonly runnersUp: readonly AccountCandidate<A>[];
}

/** Outcome of `matchLead`. */
export type LeadMatch<A extends AccountLike = AccountLike> = AccountMatchFound<A> | WebsiteMatchFound<A> | NameMatchFound<A> | NoAccountMatch;

/** Name tables, built on the first `matchLead` call for an index. */
interface NameTables<A extends AccountLike> {
  /** Entries by key without legal forms (`globaltech`). */
  readonly byKey: Map<string, IndexEntry<A>[]>;
  /** Entries by key with legal forms (`globaltechinc`), for domain labels. */
  readonly byFullKey: Map<string, IndexEntry<A>[]>;
  /** Fuzzy-match blocks: entries by the first and by the last three characters of their key. */
  readonly blocks: Map<string, IndexEntry<A>[]>;
  readonly keys: Map<IndexEntry<A>, string>;
  /** Legal forms from `legalFormPhrases`, built once with the tables. */
  readonly phrases: readonly (readonly string[])[];
}

/** Shortest key that fuzzy matching considers: shorter keys differ by one edit too easily. */
const MIN_FUZZY_KEY_LENGTH = 4;
const BLOCK_LENGTH = 3;

const STEP_ORDER: Readonly<Record<MatchStep, number>> = { domain: 0, alias: 1, website: 2, name: 3, domain_label: 4, fuzzy_name: 5 };

/** Confidence of a website match through a subdomain of the account's domain. */
const WEBSITE_SUBDOMAIN_CONFIDENCE = 0.8;

/** Labels below a two-letter country code that act as a second level, as in `co.uk` and `com.au`. */
const SECOND_LEVEL_LABELS = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ltd', 'plc', 'or', 'ne', 'gv']);

function addTo<A extends AccountLike>(table: Map<string, IndexEntry<A>[]>, key: string, entry: IndexEntry<A>): void {
  const list = table.get(key);
  if (list === undefined) table.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}

function buildNameTables<A extends AccountLike>(index: AccountIndex<A>): NameTables<A> {
  const phrases = legalFormPhrases();
  const tables: NameTables<A> = { byKey: new Map(), byFullKey: new Map(), blocks: new Map(), keys: new Map(), phrases };

  for (const entry of index.entries) {
    const parts = companyNameTokens(entry.account.name, phrases);
    if (parts === undefined || parts.tokens.length === 0) continue;

    const key = parts.tokens.join('');
    addTo(tables.byKey, key, entry);
    addTo(tables.byFullKey, parts.allTokens.join(''), entry);
    tables.keys.set(entry, key);
    if (key.length >= MIN_FUZZY_KEY_LENGTH) {
      addTo(tables.blocks, `<${key.slice(0, BLOCK_LENGTH)}`, entry);
      addTo(tables.blocks, `>${key.slice(-BLOCK_LENGTH)}`, entry);
    }
  }

  for (const table of [tables.byKey, tables.byFullKey]) {
    for (const list of table.values()) list.sort(compareEntries);
  }
  return tables;
}

function nameTables<A extends AccountLike>(index: AccountIndex<A>): NameTables<A> {
  const lazy = index.lazy as { names?: NameTables<A> };
  lazy.names ??= buildNameTables(index);
  return lazy.names;
}

/** Returns the label left of the public suffix: `acme` for `eu.acme.co.uk`, or undefined when the host is itself a suffix. */
function registrableLabel(domain: string, floor: number, hasList: boolean): string | undefined {
  if (hasList) {
    const registrable = domain.slice(floor);
    const dot = registrable.indexOf('.');
    return dot === -1 ? undefined : registrable.slice(0, dot);
  }

  // NOTE: without the Public Suffix List, this guesses the second level from a short list
  // (`co.uk`, `com.au`) and misses rarer ones such as `nhs.uk` or `kawasaki.jp`.
  const labels = domain.split('.');
  const last = labels[labels.length - 1] ?? '';
  const secondLast = labels[labels.length - 2] ?? '';
  if (labels.length >= 3 && last.length === 2 && SECOND_LEVEL_LABELS.has(secondLast)) {
    return labels[labels.length - 3];
  }
  return secondLast;
}

function pushEntries<A extends AccountLike>(
  candidates: RankedCandidate<A>[],
  list: readonly IndexEntry<A>[] | undefined,
  step: MatchStep,
  matchedKey: string,
): void {
  for (const entry of list ?? []) {
    candidates.push({ entry, step, confidence: STEP_CONFIDENCE[step], matchedKey });
  }
}

/** Finds accounts whose key is similar to `key`, in blocks that share its first or last three characters. */
function fuzzyCandidates<A extends AccountLike>(tables: NameTables<A>, key: string, threshold: number): RankedCandidate<A>[] {
  const found: { candidate: RankedCandidate<A>; similarity: number }[] = [];
  const seen = new Set<IndexEntry<A>>();

  for (const block of [`<${key.slice(0, BLOCK_LENGTH)}`, `>${key.slice(-BLOCK_LENGTH)}`]) {
    for (const entry of tables.blocks.get(block) ?? []) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      const matchedKey = tables.keys.get(entry) ?? '';
      // The edit distance is at least the length difference, so this bounds the similarity from
      // above. It uses nameSimilarity's arithmetic: `(1 - threshold) * longer` rounds 1 - 0.8 to
      // 0.19999999999999996 and skipped keys exactly at the threshold.
      if (1 - Math.abs(matchedKey.length - key.length) / Math.max(matchedKey.length, key.length) < threshold) continue;
      const similarity = nameSimilarity(key, matchedKey);
      if (similarity >= threshold) {
        const confidence = Math.round(STEP_CONFIDENCE.fuzzy_name * similarity * 1000) / 1000;
        found.push({ candidate: { entry, step: 'fuzzy_name', confidence, matchedKey }, similarity });
      }
    }
  }

  found.sort((left, right) => right.similarity - left.similarity || compareEntries(left.candidate.entry, right.candidate.entry));
  return found.map((item) => item.candidate);
}

/**
 * Matches a lead to an account by email domain, alias domain, website, company name, email domain label, then fuzzy company name, reporting the step and its confidence.
 *
 * Free-mail and disposable domains never match by domain, website or label, but the company
 * name still can. Name tables are built on the first call for an index. It never throws on `lead`, and
 * throws a `NetspearConfigError` when `index` was not built by `accountIndex`.
 *
 * @example
 * const match = matchLead(index, { email: 'jane@gmail.com', company: 'Global Tech, Inc.' });
 * match.matched && match.step; // 'name'
 * match.matched && match.confidence; // 0.8
 */
export function matchLead<A extends AccountLike>(index: AccountIndex<A>, lead: LeadDetails): LeadMatch<A> {
  if (!isAccountIndex(index)) {
    throw new ConfigError('matchLead', 'index', `expected an index built by accountIndex(), received ${describeValue(index)}.`);
  }

  const email = readDetail(lead, 'email');
  const company = readDetail(lead, 'company');
  const parsed = email === undefined ? undefined : index.classifier.parseEmail(email);
  const usableDomain = parsed?.ok === true && !parsed.freeMail && !parsed.disposable ? parsed.domain : undefined;
  const typedWebsite = readDetail(lead, 'website');
  const website = websiteDomain(index, typedWebsite);

  const candidates: RankedCandidate<A>[] = [];
  let floor = 0;
  if (usableDomain !== undefined) {
    const found = findDomainCandidates(index, usableDomain);
    candidates.push(...found.candidates);
    floor = found.floor;
  }
  if (website !== undefined && website !== usableDomain) {
    for (const candidate of findDomainCandidates(index, website).candidates) {
      const confidence = candidate.matchedDomain === website ? STEP_CONFIDENCE.website : WEBSITE_SUBDOMAIN_CONFIDENCE;
      candidates.push({ ...candidate, step: 'website', confidence });
    }
  }

  const tables = nameTables(index);
  const companyParts = companyNameTokens(company, tables.phrases);
  const key = companyParts === undefined || companyParts.tokens.length === 0 ? undefined : companyParts.tokens.join('');
  if (key !== undefined) {
    pushEntries(candidates, tables.byKey.get(key), 'name', key);
  }

  const label = usableDomain === undefined ? undefined : registrableLabel(usableDomain, floor, index.publicSuffix !== undefined);
  const labelParts = companyNameTokens(label, tables.phrases);
  if (labelParts !== undefined) {
    // A DNS label is one token (hyphens join), so its key with and without legal forms is the
    // same or empty, and one key serves both tables.
    const fullLabelKey = labelParts.allTokens.join('');
    const start = candidates.length;
    pushEntries(candidates, tables.byKey.get(fullLabelKey), 'domain_label', fullLabelKey);
    pushEntries(candidates, tables.byFullKey.get(fullLabelKey), 'domain_label', fullLabelKey);
    // The two lookups can find one account twice and list accounts out of the tie-break order.
    const found = candidates.splice(start);
    const unique = found.filter((candidate, i) => found.findIndex((other) => other.entry === candidate.entry) === i);
    candidates.push(...unique.sort((left, right) => compareEntries(left.entry, right.entry)));
  }

  if (candidates.length === 0 && key !== undefined && key.length >= MIN_FUZZY_KEY_LENGTH) {
    candidates.push(...fuzzyCandidates(tables, key, index.fuzzyThreshold));
  }

  // A stable sort keeps each step's own order: specificity and tie-breaks for domains, similarity for fuzzy names.
  candidates.sort((left, right) => STEP_ORDER[left.step] - STEP_ORDER[right.step]);
  const best = candidates[0];
  if (best === undefined) {
    return noMatch(parsed, email, company, website, typedWebsite);
  }

  const others = runnersUp(candidates, index.maxRunnersUp);
  const { entry } = best;
  const address = parsed?.ok === true ? { domain: parsed.domain, email: parsed.address } : {};
  if (best.step === 'domain' || best.step === 'alias') {
    const domain = usableDomain as string;
    const matchedDomain = best.matchedDomain as string;
    return {
      matched: true,
      account: entry.account,
      step: best.step,
      via: matchedDomain === domain ? 'domain' : 'subdomain',
      confidence: best.confidence,
      domain,
      matchedDomain,
      ...(index.publicSuffix === undefined ? {} : { registrableDomain: domain.slice(floor) }),
      email: (parsed as { address: string }).address,
      ...parentFields(entry),
      runnersUp: others,
    };
  }

  if (best.step === 'website') {
    const matchedDomain = best.matchedDomain as string;
    return {
      matched: true,
      account: entry.account,
      step: 'website',
      via: matchedDomain === website ? 'domain' : 'subdomain',
      confidence: best.confidence,
      website: website as string,
      matchedDomain,
      ...address,
      ...parentFields(entry),
      runnersUp: others,
    };
  }

  const matchedKey = best.matchedKey as string;
  return {
    matched: true,
    account: entry.account,
    step: best.step,
    confidence: best.confidence,
    matchedKey,
    ...(best.step === 'fuzzy_name' && key !== undefined ? { similarity: nameSimilarity(key, matchedKey) } : {}),
    ...address,
    ...parentFields(entry),
    runnersUp: others,
  };
}

/**
 * Reads one field of the lead. Returns undefined when the lead is not an object or reading
 * throws (a failing getter or proxy). Also returns undefined for a missing value: null, NaN,
 * blank or a form placeholder such as `Select`, as the scorecard reads them.
 */
function readDetail(lead: unknown, key: keyof LeadDetails): unknown {
  if (typeof lead !== 'object' || lead === null) return undefined;
  let value: unknown;
  try {
    value = (lead as LeadDetails)[key];
  } catch {
    return undefined;
  }
  return isMissing(value, DEFAULT_PLACEHOLDERS) ? undefined : value;
}

/** Returns the canonical host of a typed website, or undefined when it is missing, invalid, free mail or disposable. */
function websiteDomain(index: AccountIndex, website: unknown): string | undefined {
  if (typeof website !== 'string') return undefined;
  const result = normalizeWebsite(website);
  if (!result.ok) return undefined;
  const { classifier } = index;
  return classifier.isFreeMailDomain(result.domain) || classifier.isDisposableDomain(result.domain) ? undefined : result.domain;
}

/** Joins phrases as `a`, `a or b`, or `a, b or c`. */
function orList(phrases: readonly string[]): string {
  return phrases.length < 2 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]}`;
}

function noMatch(
  parsed: ReturnType<AccountIndex['classifier']['parseEmail']> | undefined,
  email: unknown,
  company: unknown,
  website: string | undefined,
  typedWebsite: unknown,
): NoAccountMatch {
  const others: string[] = [];
  if (website !== undefined) others.push(`the website ${quote(website)}`);
  if (typeof company === 'string') others.push(`the company name ${quote(company)}`);
  const otherText = orList(others);
  if (parsed === undefined) {
    let reason = `has no email, and no account matches ${otherText}`;
    if (otherText === '') {
      reason =
        typeof typedWebsite === 'string'
          ? `has neither an email nor a company name, and its website ${quote(typedWebsite)} is not a company domain`
          : 'has neither an email nor a company name';
    }
    return { matched: false, code: 'no_account', message: `No account matches the lead: it ${reason}.` };
  }
  if (!parsed.ok) {
    return invalidEmail(parsed.message, email);
  }

  const { domain, address } = parsed;
  if (parsed.freeMail || parsed.disposable) {
    const kind = parsed.freeMail ? 'free-mail' : 'disposable';
    return {
      matched: false,
      code: parsed.freeMail ? 'free_mail' : 'disposable_email',
      message: `The email ${quote(address)} uses the ${kind} domain ${quote(domain)}, and no account matches ${otherText || 'any other field'}.`,
      domain,
      email: address,
    };
  }
  return {
    matched: false,
    code: 'no_account',
    message: `No account matches ${orList([`the domain ${quote(domain)}`, ...others])}.`,
    domain,
    email: address,
  };
}
