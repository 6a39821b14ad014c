import { ConfigError, isArray } from '../internal/config-error.js';
import { defaultEmailClassifier, type EmailClassifier } from './classifier.js';
import { normalizeDomain, trimWhiteSpace } from './domain.js';
import { describeValue, quote } from './format.js';
import { isPublicSuffixLookup, type PublicSuffixLookup } from './suffix.js';

/** Account shape that the index needs. Callers may pass richer records, which matches return unchanged. */
export interface AccountLike {
  readonly id: string;
  readonly name: string;
  /** Company domains such as `acme.com`. Leads at these domains or their subdomains match the account. */
  readonly domains: readonly string[];
  /** Other domains of the company, such as acquired brands and country domains. They rank below `domains`. */
  readonly aliasDomains?: readonly string[] | undefined;
  /** Id of the parent account, such as the holding of a subsidiary. Matches report the parent and the top-level parent. */
  readonly parentId?: string | null | undefined;
  /** Owner of the account. Between equal candidates, an account with an owner wins. */
  readonly ownerId?: string | null | undefined;
  /** Number of employees. Between equal candidates with the same owner status, the larger account wins. */
  readonly employees?: number | null | undefined;
}

/** Options for `accountIndex`. */
export interface AccountIndexOptions {
  /** Classifier that decides which domains are free mail or disposable. Defaults to the built-in free-mail list. */
  readonly classifier?: EmailClassifier;
  /**
   * The Public Suffix List from `publicSuffixList()` in `netspear/public-suffix`. With it, a lead's
   * domain rolls up only as far as its registrable domain, private section included, so
   * `acme.github.io` never matches an account that lists `github.io`.
   */
  readonly publicSuffix?: PublicSuffixLookup;
  /** Most runners-up that a match lists. Default 3. */
  readonly maxRunnersUp?: number;
  /** Lowest similarity, from 0 to 1, at which `matchLead` accepts a fuzzy company-name match. Default 0.85. */
  readonly fuzzyThreshold?: number;
}

/** One account under one domain or name key, with its precomputed tie-break data. */
export interface IndexEntry<A extends AccountLike> {
  readonly account: A;
  /** Position in the account list; the earlier account wins the last tie. */
  readonly position: number;
  readonly hasOwner: boolean;
  /** Employees, or -1 when unknown. */
  readonly size: number;
  readonly parent: A | undefined;
  readonly ultimateParent: A | undefined;
}

/** An entry under one domain, marked as a primary or an alias domain. */
export interface DomainEntry<A extends AccountLike> extends IndexEntry<A> {
  readonly alias: boolean;
}

/** Lookup tables from canonical domain to accounts, built by `accountIndex`. */
export interface AccountIndex<A extends AccountLike = AccountLike> {
  readonly kind: 'account_index';
  /** Number of accounts indexed, including accounts without domains. */
  readonly accountCount: number;
  /** The best-ranked account by canonical domain, primary and alias domains alike. Treat it as read-only. */
  readonly accountsByDomain: ReadonlyMap<string, A>;
  /** Every account by canonical domain, best-ranked first. Treat it as read-only. */
  readonly entriesByDomain: ReadonlyMap<string, readonly DomainEntry<A>[]>;
  /**
   * Indexed domains whose matches rank several candidates, so that `accountsByDomain` alone
   * cannot decide them: the domain lists several accounts, an alias or an account with a
   * parent, or parent domains may match too. Treat it as read-only.
   */
  readonly rankedDomains: ReadonlySet<string>;
  readonly classifier: EmailClassifier;
  readonly publicSuffix: PublicSuffixLookup | undefined;
  readonly maxRunnersUp: number;
  readonly fuzzyThreshold: number;
  /** Accounts in list order, for the name tables that `matchLead` builds on first use. */
  readonly entries: readonly IndexEntry<A>[];
  /** Holder of the name tables. `matchLead` fills it on first use, so that domain-only matching never pays for them. */
  readonly lazy: { names?: unknown };
  /** Matches an email to an account, as `matchAccount(index, email)` does; the router calls it, so it need not bundle the matcher itself. */
  readonly match: (email: unknown) => AccountMatch<A>;
}

/** Matching steps, in the order they are tried and ranked. */
export type MatchStep = 'domain' | 'alias' | 'website' | 'name' | 'domain_label' | 'fuzzy_name';

/** An account that a step found, as listed among the runners-up. */
export interface AccountCandidate<A extends AccountLike = AccountLike> {
  readonly account: A;
  readonly step: MatchStep;
  /** Certainty of the step, from 0 to 1. docs/matching.md lists the value of each step. */
  readonly confidence: number;
  /** Account domain that matched, for the `domain`, `alias` and `website` steps. */
  readonly matchedDomain?: string;
  /** Company-name key that matched, for the name steps. */
  readonly matchedKey?: string;
}

/** Reason codes for a lead that matches no account. */
export type AccountMatchFailureCode = 'invalid_email' | 'free_mail' | 'disposable_email' | 'no_account';

/** A lead email whose domain matched an account's primary or alias domain. */
export interface AccountMatchFound<A extends AccountLike = AccountLike> {
  readonly matched: true;
  readonly account: A;
  /** `domain` for a primary domain of the account, `alias` for one of its alias domains. */
  readonly step: 'domain' | 'alias';
  /** `domain` when the lead's domain is the matched domain itself, `subdomain` when it is below it. */
  readonly via: 'domain' | 'subdomain';
  /** Certainty of the match, from 0 to 1. */
  readonly confidence: number;
  /** Canonical domain of the lead's email. */
  readonly domain: string;
  /** Account domain that matched: `domain` itself or one of its parent domains. */
  readonly matchedDomain: string;
  /** Registrable domain of the lead's email; present when the index has the Public Suffix List. */
  readonly registrableDomain?: string;
  /** Canonical email address of the lead. */
  readonly email: string;
  /** The account's parent, when its `parentId` names an indexed account. */
  readonly parent?: A;
  /** The top of the account's parent chain, when it has a parent. */
  readonly ultimateParent?: A;
  /** Other accounts that matched, best first, at most `maxRunnersUp`. */
  readonly runnersUp: readonly AccountCandidate<A>[];
}

/** A lead email that matched no account, with the reason. */
export interface NoAccountMatch {
  readonly matched: false;
  readonly code: AccountMatchFailureCode;
  readonly message: string;
  /** Canonical domain of the lead's email. Missing when the email is invalid. */
  readonly domain?: string;
  /** Canonical address, or the input string when the email is invalid. Missing for non-string input. */
  readonly email?: string;
}

/** Outcome of `matchAccount`. */
export type AccountMatch<A extends AccountLike = AccountLike> = AccountMatchFound<A> | NoAccountMatch;

/**
 * Confidence of each step; `fuzzy_name` scales its value by the similarity.
 *
 * @example
 * // Accept matches at least as sure as an exact name match, and send weaker ones to review.
 * const match = matchAccount(index, lead.email);
 * const accepted = match.matched && match.confidence >= STEP_CONFIDENCE.name;
 */
export const STEP_CONFIDENCE: Readonly<Record<MatchStep, number>> = {
  domain: 1,
  alias: 0.9,
  website: 0.85,
  name: 0.8,
  domain_label: 0.7,
  fuzzy_name: 0.6,
};

/** Confidence lost when the lead's domain is a subdomain of the matched domain. */
const SUBDOMAIN_PENALTY = 0.05;

const API = 'accountIndex';

/** Maximum number of problems that one `accountIndex` error lists. */
const MAX_LISTED_PROBLEMS = 20;

const NO_CANDIDATES: readonly AccountCandidate<never>[] = Object.freeze([]);

/** State shared while the accounts are indexed one by one. */
interface IndexBuild<A extends AccountLike> {
  readonly classifier: EmailClassifier;
  readonly entriesByDomain: Map<string, DomainEntry<A>[]>;
  readonly positionById: Map<string, number>;
  readonly problems: string[];
}

/**
 * Builds the account index, throwing a `NetspearConfigError` that lists every invalid account, free-mail domain or parent cycle.
 *
 * A domain listed by several accounts is allowed: matches rank those accounts and list the
 * others as runners-up, and `findDuplicateAccounts` reports them.
 *
 * @example
 * const index = accountIndex([
 *   { id: 'acc_1', name: 'Global Tech Inc', domains: ['globaltechinc.com'], aliasDomains: ['globaltech.de'] },
 *   { id: 'acc_2', name: 'Müller GmbH', domains: ['müller.de', 'mueller.de'], parentId: 'acc_1' },
 * ], { publicSuffix: publicSuffixList() });
 * matchAccount(index, 'someone@eu.globaltechinc.com').matched; // true
 */
/* @__NO_SIDE_EFFECTS__ */
export function accountIndex<A extends AccountLike>(
  accounts: readonly A[],
  options: AccountIndexOptions = {},
): AccountIndex<A> {
  if (!isArray(accounts)) {
    throw new ConfigError(API, '', `expected an array of accounts, received ${describeValue(accounts)}.`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError(API, '', `expected an options object, received ${describeValue(options)}.`);
  }

  const build: IndexBuild<A> = {
    classifier: resolveClassifier(options.classifier),
    entriesByDomain: new Map(),
    positionById: new Map(),
    problems: [],
  };
  const publicSuffix = options.publicSuffix;
  if (publicSuffix !== undefined && !isPublicSuffixLookup(publicSuffix)) {
    throw new ConfigError(API, 'publicSuffix', `expected the list from publicSuffixList(), received ${describeValue(publicSuffix)}.`);
  }
  const maxRunnersUp = readNumber('maxRunnersUp', options.maxRunnersUp, 3, 0, Number.MAX_SAFE_INTEGER, true);
  const fuzzyThreshold = readNumber('fuzzyThreshold', options.fuzzyThreshold, 0.85, 0, 1);

  // A plain loop instead of forEach, so that holes in a sparse array are reported too.
  const valid: (A | undefined)[] = [];
  for (let position = 0; position < accounts.length; position += 1) {
    valid.push(checkAccount(build, accounts[position], position));
  }

  const entries = resolveParents(build, accounts, valid);
  for (const entry of entries) {
    indexDomains(build, entry);
  }

  if (build.problems.length > 0) {
    throw new ConfigError(API, '', formatProblems(build.problems));
  }

  const { entriesByDomain } = build;
  const accountsByDomain = new Map<string, A>();
  const rankedDomains = new Set<string>();
  for (const [domain, list] of entriesByDomain) {
    list.sort(compareEntries);
    const best = list[0] as DomainEntry<A>;
    accountsByDomain.set(domain, best.account);
    // With the list, a floor above 0 also means that the match reports a registrable domain
    // other than the lead's own, which the walk finds.
    const floor = domainFloor(publicSuffix, domain);
    const nested = floor > 0 && (publicSuffix !== undefined || hasIndexedParent(entriesByDomain, domain, floor));
    if (nested || list.length > 1 || best.alias || best.parent !== undefined) {
      rankedDomains.add(domain);
    }
  }

  const index: AccountIndex<A> = Object.freeze({
    kind: 'account_index',
    accountCount: accounts.length,
    accountsByDomain,
    entriesByDomain,
    rankedDomains,
    classifier: build.classifier,
    publicSuffix,
    maxRunnersUp,
    fuzzyThreshold,
    entries,
    lazy: {},
    match: (email: unknown) => matchAccount(index, email),
  });
  return index;
}

/** Orders entries under one key: primary before alias, then owner, then size, then list position. */
export function compareEntries<A extends AccountLike>(left: IndexEntry<A>, right: IndexEntry<A>): number {
  const aliasOrder = Number((left as DomainEntry<A>).alias === true) - Number((right as DomainEntry<A>).alias === true);
  if (aliasOrder !== 0) return aliasOrder;
  if (left.hasOwner !== right.hasOwner) return left.hasOwner ? -1 : 1;
  if (left.size !== right.size) return right.size - left.size;
  return left.position - right.position;
}

/**
 * Matches a lead's email to the account that lists its domain or the nearest parent domain, primary domains before alias domains.
 *
 * Free-mail and disposable domains never match. The lookup walks up the labels of the lead's
 * domain (`a.eu.acme.com`, `eu.acme.com`, `acme.com`), so the most specific account domain wins.
 * It stops at the registrable domain when the index has the Public Suffix List, and before the
 * top-level label without it. The other accounts found are listed as runners-up.
 *
 * Any `email` value gets a result. It throws only when `index` was not built by
 * `accountIndex` (a `NetspearConfigError`), or when a hand-made classifier in the index throws.
 *
 * @example
 * const match = matchAccount(index, 'Someone@GlobalTechInc.com');
 * if (match.matched) {
 *   match.account.id; // 'acc_1'
 *   match.confidence; // 1
 * } else {
 *   match.code; // 'invalid_email' | 'free_mail' | 'disposable_email' | 'no_account'
 * }
 */
export function matchAccount<A extends AccountLike>(index: AccountIndex<A>, email: unknown): AccountMatch<A> {
  if (!isAccountIndex(index)) {
    throw new ConfigError('matchAccount', 'index', `expected an index built by accountIndex(), received ${describeValue(index)}.`);
  }

  const parsed = index.classifier.parseEmail(email);
  if (!parsed.ok) {
    return invalidEmail(parsed.message, email);
  }

  const { address, domain } = parsed;
  if (parsed.freeMail || parsed.disposable === true) {
    const kind = parsed.freeMail ? 'free-mail' : 'disposable';
    return {
      matched: false,
      code: parsed.freeMail ? 'free_mail' : 'disposable_email',
      message:
        `The email ${quote(address)} uses the ${kind} domain ${quote(domain)}, which does not identify a company. ` +
        'Match the lead by other fields, or ask for a work email.',
      domain,
      email: address,
    };
  }

  // Most leads are at the domain of one primary account without a parent, which is not below
  // another indexed domain. Such a domain is not in `rankedDomains`, and one lookup decides.
  // An index copied by hand without `rankedDomains` takes the walk, which gives the same result.
  const ranked = index.rankedDomains as ReadonlySet<string> | undefined;
  if (ranked !== undefined && (ranked.size === 0 || !ranked.has(domain))) {
    const account = index.accountsByDomain.get(domain);
    if (account !== undefined) {
      const registrableDomain = index.publicSuffix === undefined ? undefined : domain;
      return foundMatch(account, undefined, 'domain', STEP_CONFIDENCE.domain, domain, domain, registrableDomain, address, NO_CANDIDATES);
    }
  }

  const found = findDomainCandidates(index, domain);
  const best = found.candidates[0];
  if (best === undefined) {
    return {
      matched: false,
      code: 'no_account',
      message:
        `No account lists the domain ${quote(domain)} or any of its parent domains. ` +
        "Add the domain to the lead's account if it has one.",
      domain,
      email: address,
    };
  }

  const { entry } = best;
  const others = runnersUp(found.candidates, index.maxRunnersUp);
  const step = best.step as 'domain' | 'alias';
  return foundMatch(entry.account, entry, step, best.confidence, domain, best.matchedDomain as string, found.registrableDomain, address, others);
}

/** Returns the result for an invalid email, keeping the input when it is a string. */
export function invalidEmail(message: string, email: unknown): NoAccountMatch {
  return typeof email === 'string'
    ? { matched: false, code: 'invalid_email', message, email }
    : { matched: false, code: 'invalid_email', message };
}

/** Builds a domain match, with the parents of `entry` when it has them. Every match starts from one literal, so that matches share their hidden classes. */
function foundMatch<A extends AccountLike>(
  account: A,
  entry: IndexEntry<A> | undefined,
  step: 'domain' | 'alias',
  confidence: number,
  domain: string,
  matchedDomain: string,
  registrableDomain: string | undefined,
  email: string,
  others: readonly AccountCandidate<A>[],
): AccountMatchFound<A> {
  const match: Mutable<AccountMatchFound<A>> = {
    matched: true,
    account,
    step,
    via: matchedDomain === domain ? 'domain' : 'subdomain',
    confidence,
    domain,
    matchedDomain,
    email,
    runnersUp: others,
  };
  if (registrableDomain !== undefined) {
    match.registrableDomain = registrableDomain;
  }
  if (entry?.parent !== undefined && entry.ultimateParent !== undefined) {
    match.parent = entry.parent;
    match.ultimateParent = entry.ultimateParent;
  }
  return match;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A candidate while matching, with the entry that has its tie-break data. */
export interface RankedCandidate<A extends AccountLike> {
  readonly entry: IndexEntry<A>;
  readonly step: MatchStep;
  readonly confidence: number;
  readonly matchedDomain?: string;
  readonly matchedKey?: string;
}

/**
 * Returns the start of the shortest domain that may match `domain`: its registrable domain with
 * the Public Suffix List (0 when the host is itself a public suffix), and its last two labels
 * without it.
 */
export function domainFloor(publicSuffix: PublicSuffixLookup | undefined, domain: string): number {
  if (publicSuffix === undefined) {
    // NOTE: without the Public Suffix List, an account that lists a public suffix such as
    // co.uk matches every lead under it. Only single-label suffixes are ruled out.
    return domain.lastIndexOf('.', domain.lastIndexOf('.') - 1) + 1;
  }
  const start = publicSuffix.registrableDomainStart(domain, true);
  return start === -1 ? 0 : start;
}

/** Checks whether a parent of `domain`, up to the one that starts at `floor`, is indexed. */
function hasIndexedParent(entriesByDomain: ReadonlyMap<string, unknown>, domain: string, floor: number): boolean {
  for (let start = domain.indexOf('.') + 1; start > 0 && start <= floor; start = domain.indexOf('.', start) + 1) {
    if (entriesByDomain.has(domain.slice(start))) {
      return true;
    }
  }
  return false;
}

/** Domain candidates of a lead, in rank order, and the lead's registrable domain when the index has the list. */
export function findDomainCandidates<A extends AccountLike>(
  index: AccountIndex<A>,
  domain: string,
): { readonly candidates: RankedCandidate<A>[]; readonly registrableDomain: string | undefined; readonly floor: number } {
  const floor = domainFloor(index.publicSuffix, domain);
  const registrableDomain = index.publicSuffix === undefined ? undefined : domain.slice(floor);

  // Walk from the lead's own domain up to the floor, looking up each domain by its start offset.
  const candidates: RankedCandidate<A>[] = [];
  for (let start = 0; ; start = domain.indexOf('.', start) + 1) {
    const candidate = start === 0 ? domain : domain.slice(start);
    const list = index.entriesByDomain.get(candidate);
    if (list !== undefined) {
      const penalty = start === 0 ? 0 : SUBDOMAIN_PENALTY;
      for (const entry of list) {
        const step: MatchStep = entry.alias ? 'alias' : 'domain';
        candidates.push({ entry, step, confidence: STEP_CONFIDENCE[step] - penalty, matchedDomain: candidate });
      }
    }
    if (start >= floor) {
      break;
    }
  }

  // Each domain's list is already ranked and the walk goes from the most specific domain
  // up, so only primary-before-alias across domains needs a stable sort.
  if (candidates.length > 1) {
    candidates.sort((left, right) => Number(left.step === 'alias') - Number(right.step === 'alias'));
  }
  return { candidates, registrableDomain, floor };
}

/** Lists the candidates after the first as runners-up, each account once. */
export function runnersUp<A extends AccountLike>(
  candidates: readonly RankedCandidate<A>[],
  limit: number,
): readonly AccountCandidate<A>[] {
  if (candidates.length < 2 || limit === 0) {
    return NO_CANDIDATES;
  }

  const seen = new Set<A>([(candidates[0] as RankedCandidate<A>).entry.account]);
  const listed: AccountCandidate<A>[] = [];
  for (const candidate of candidates) {
    if (listed.length >= limit) break;
    const { account } = candidate.entry;
    if (seen.has(account)) continue;
    seen.add(account);
    listed.push({
      account,
      step: candidate.step,
      confidence: candidate.confidence,
      ...(candidate.matchedDomain === undefined ? {} : { matchedDomain: candidate.matchedDomain }),
      ...(candidate.matchedKey === undefined ? {} : { matchedKey: candidate.matchedKey }),
    });
  }
  return listed;
}

/** Returns `parent` and `ultimateParent` of an entry, leaving out the ones it lacks. */
export function parentFields<A extends AccountLike>(entry: IndexEntry<A>): { parent?: A; ultimateParent?: A } {
  if (entry.parent === undefined || entry.ultimateParent === undefined) {
    return {};
  }
  return { parent: entry.parent, ultimateParent: entry.ultimateParent };
}

function resolveClassifier(classifier: unknown): EmailClassifier {
  if (classifier === undefined) {
    return defaultEmailClassifier();
  }
  if (!isEmailClassifier(classifier)) {
    throw new ConfigError(
      API,
      'classifier',
      `options.classifier must be an email classifier from createEmailClassifier(), but received ${describeValue(classifier)}.`,
    );
  }
  return classifier;
}

function readNumber(path: string, value: unknown, fallback: number, min: number, max: number, whole = false): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !(value >= min && value <= max) || (whole && !Number.isInteger(value))) {
    const kind = whole ? 'a whole number' : 'a number';
    throw new ConfigError(API, path, `expected ${kind} from ${min} to ${max}, received ${describeValue(value)}.`);
  }
  return value;
}

function isEmailClassifier(value: unknown): value is EmailClassifier {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof EmailClassifier, unknown>>;
  return (
    candidate.kind === 'email_classifier' &&
    typeof candidate.parseEmail === 'function' &&
    typeof candidate.isFreeMailDomain === 'function'
  );
}

/** Checks that `value` was built by `accountIndex`. */
export function isAccountIndex(value: unknown): value is AccountIndex {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof AccountIndex, unknown>>;
  return (
    candidate.kind === 'account_index' &&
    candidate.entriesByDomain instanceof Map &&
    isEmailClassifier(candidate.classifier)
  );
}

/** Checks one account's id and name, and returns it when it can be indexed. */
function checkAccount<A extends AccountLike>(build: IndexBuild<A>, account: A | undefined, position: number): A | undefined {
  const { problems, positionById } = build;

  if (typeof account !== 'object' || account === null) {
    problems.push(`accounts[${position}] must be an account object, but received ${describeValue(account)}.`);
    return undefined;
  }

  const id: unknown = account.id;
  if (typeof id !== 'string' || id.trim().length === 0) {
    problems.push(`accounts[${position}] has an invalid id. Expected a non-empty string, but received ${describeValue(id)}.`);
    return undefined;
  }

  const earlierPosition = positionById.get(id);
  if (earlierPosition !== undefined) {
    problems.push(`accounts[${earlierPosition}] and accounts[${position}] have the same id ${quote(id)}. Give each account a unique id.`);
    return undefined;
  }
  positionById.set(id, position);

  if (typeof account.name !== 'string') {
    problems.push(`${subjectOf(id, position)} has an invalid name. Expected a string, but received ${describeValue(account.name)}.`);
  }
  return account;
}

function subjectOf(id: string, position: number): string {
  return `account ${quote(id)} (accounts[${position}])`;
}

/** Creates the entries of valid accounts with their parents, reporting parent cycles. An unknown parent id is ignored. */
function resolveParents<A extends AccountLike>(
  build: IndexBuild<A>,
  accounts: readonly A[],
  valid: readonly (A | undefined)[],
): IndexEntry<A>[] {
  const parentOf = (account: A): A | undefined => {
    const parentId: unknown = account.parentId;
    if (typeof parentId !== 'string' || parentId === account.id) return undefined;
    const parentPosition = build.positionById.get(parentId);
    return parentPosition === undefined ? undefined : valid[parentPosition];
  };

  const entries: IndexEntry<A>[] = [];
  for (let position = 0; position < valid.length; position += 1) {
    const account = valid[position];
    if (account === undefined) continue;

    const parent = parentOf(account);
    let ultimateParent = parent;
    // A chain longer than the account list must contain a cycle.
    for (let steps = 0; ultimateParent !== undefined; steps += 1) {
      const next = parentOf(ultimateParent);
      if (next === undefined) break;
      if (steps > accounts.length) {
        build.problems.push(`${subjectOf(account.id, position)} has a parentId chain that loops. Remove the cycle.`);
        ultimateParent = undefined;
        break;
      }
      ultimateParent = next;
    }

    const ownerId: unknown = account.ownerId;
    const employees: unknown = account.employees;
    entries.push({
      account,
      position,
      hasOwner: typeof ownerId === 'string' && ownerId.trim() !== '',
      size: typeof employees === 'number' && employees >= 0 ? employees : -1,
      parent,
      ultimateParent,
    });
  }
  return entries;
}

/** Adds an account's primary and alias domains to the index, recording every problem found. */
function indexDomains<A extends AccountLike>(build: IndexBuild<A>, entry: IndexEntry<A>): void {
  const { account, position } = entry;
  const subject = subjectOf(account.id, position);

  const domains: unknown = account.domains;
  if (!Array.isArray(domains)) {
    build.problems.push(
      `${subject} has invalid domains. Expected an array of domain strings such as ["acme.com"], but received ${describeValue(domains)}.`,
    );
    return;
  }
  const aliases: unknown = account.aliasDomains;
  if (aliases !== undefined && !Array.isArray(aliases)) {
    build.problems.push(`${subject} has invalid aliasDomains. Expected an array of domain strings, but received ${describeValue(aliases)}.`);
    return;
  }

  const lists: [string, readonly unknown[], boolean][] = [['domains', domains, false], ['aliasDomains', aliases ?? [], true]];
  for (const [field, list, alias] of lists) {
    for (let domainPosition = 0; domainPosition < list.length; domainPosition += 1) {
      const problem = indexDomain(build, entry, list[domainPosition], alias, `${subject}, ${field}[${domainPosition}],`);
      if (problem !== undefined) {
        build.problems.push(problem);
      }
    }
  }
}

/** Adds one account domain to the index. Returns the problem, if any, as a sentence that starts with `subject`. */
function indexDomain<A extends AccountLike>(
  build: IndexBuild<A>,
  entry: IndexEntry<A>,
  rawDomain: unknown,
  alias: boolean,
  subject: string,
): string | undefined {
  if (typeof rawDomain !== 'string') {
    return `${subject} is not a string. Expected a domain such as "acme.com", but received ${describeValue(rawDomain)}.`;
  }

  const normalized = normalizeDomain(trimWhiteSpace(rawDomain));
  if (!normalized.ok) {
    return `${subject} is invalid. The domain ${quote(rawDomain)} ${normalized.reason}`;
  }

  const { domain } = normalized;
  if (build.classifier.isFreeMailDomain(domain)) {
    return (
      `${subject} is the free-mail domain ${quote(domain)}, which would match every lead of that provider. ` +
      `Remove it from the account, or pass createEmailClassifier({ removeFreeMail: [${quote(domain)}] }) ` +
      'as options.classifier if the domain belongs to the company.'
    );
  }

  const list = build.entriesByDomain.get(domain);
  if (list === undefined) {
    build.entriesByDomain.set(domain, [{ ...entry, alias }]);
    return undefined;
  }

  // The same account may list a domain twice, for example as "Acme.com" and "acme.com", or as primary and alias.
  const existing = list.findIndex((other) => other.account === entry.account);
  if (existing === -1) {
    list.push({ ...entry, alias });
  } else if (!alias) {
    list[existing] = { ...entry, alias };
  }
  return undefined;
}

function formatProblems(problems: readonly string[]): string {
  if (problems.length === 1) {
    return problems[0] ?? '';
  }

  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `- ${problem}`);
  if (problems.length > MAX_LISTED_PROBLEMS) {
    listed.push(`- and ${problems.length - MAX_LISTED_PROBLEMS} more.`);
  }

  return `found ${problems.length} problems in the account list.\n${listed.join('\n')}`;
}
