import { defaultEmailClassifier, type EmailClassifier } from './classifier.js';
import { normalizeDomain, trimWhiteSpace } from './domain.js';
import { describeValue, quote } from './format.js';

/** Minimal account shape that the index needs. Callers may pass richer records, which matches return unchanged. */
export interface AccountLike {
  readonly id: string;
  readonly name: string;
  /** Company domains such as `acme.com`. Leads at these domains or their subdomains match the account. */
  readonly domains: readonly string[];
}

/** Options for `accountIndex`. */
export interface AccountIndexOptions {
  /** Classifier that decides which domains are free mail. Defaults to the built-in free-mail list. */
  readonly classifier?: EmailClassifier;
}

/** Lookup table from canonical domain to account, built by `accountIndex`. */
export interface AccountIndex<A extends AccountLike = AccountLike> {
  readonly kind: 'account_index';
  /** Number of accounts indexed, including accounts without domains. */
  readonly accountCount: number;
  /** Accounts by canonical domain. Treat it as read-only, because matches rely on the checks made at build time. */
  readonly accountsByDomain: ReadonlyMap<string, A>;
  readonly classifier: EmailClassifier;
}

/** Reason codes for a lead that matches no account. */
export type AccountMatchFailureCode = 'invalid_email' | 'free_mail' | 'no_account';

/** A lead email that matched an account. */
export interface AccountMatchFound<A extends AccountLike = AccountLike> {
  readonly matched: true;
  readonly account: A;
  /** Canonical domain of the lead's email. */
  readonly domain: string;
  /** Account domain that matched: `domain` itself or one of its parent domains. */
  readonly matchedDomain: string;
  /** `domain` when the lead's domain is listed on the account, `subdomain` when a parent domain is. */
  readonly via: 'domain' | 'subdomain';
  /** Canonical email address of the lead. */
  readonly email: string;
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

/** Maximum number of problems that one `accountIndex` error lists. */
const MAX_LISTED_PROBLEMS = 20;

/** State shared while the accounts are indexed one by one. */
interface IndexBuild<A extends AccountLike> {
  readonly classifier: EmailClassifier;
  readonly accountsByDomain: Map<string, A>;
  readonly positionById: Map<string, number>;
  readonly problems: string[];
}

/**
 * Builds a domain-to-account index, throwing an Error that lists every invalid, duplicate or free-mail account domain.
 *
 * @example
 * const index = accountIndex([
 *   { id: 'acc_1', name: 'Global Tech Inc', domains: ['globaltechinc.com'] },
 *   { id: 'acc_2', name: 'Müller GmbH', domains: ['müller.de', 'mueller.de'] },
 * ]);
 * matchAccount(index, 'someone@eu.globaltechinc.com').matched; // true
 */
/* @__NO_SIDE_EFFECTS__ */
export function accountIndex<A extends AccountLike>(
  accounts: readonly A[],
  options: AccountIndexOptions = {},
): AccountIndex<A> {
  if (!Array.isArray(accounts)) {
    throw new Error(`accountIndex: expected an array of accounts, received ${describeValue(accounts)}.`);
  }

  const build: IndexBuild<A> = {
    classifier: resolveClassifier(options),
    accountsByDomain: new Map(),
    positionById: new Map(),
    problems: [],
  };

  // A plain loop instead of forEach, so that holes in a sparse array are reported too.
  for (let position = 0; position < accounts.length; position += 1) {
    indexAccount(build, accounts[position], position);
  }

  if (build.problems.length > 0) {
    throw new Error(formatProblems(build.problems));
  }

  return Object.freeze({
    kind: 'account_index',
    accountCount: accounts.length,
    accountsByDomain: build.accountsByDomain,
    classifier: build.classifier,
  });
}

/**
 * Matches a lead's email to the account that lists its domain or the nearest parent domain.
 *
 * Domains on the index classifier's free-mail list never match. The lookup walks up the labels of the lead's domain
 * (`a.eu.acme.com`, `eu.acme.com`, `acme.com`) and stops before the top-level label,
 * so the most specific account domain wins.
 *
 * Any `email` value gets a result. It throws only when `index` was not built by
 * `accountIndex`, or when a hand-made classifier in the index throws.
 *
 * @example
 * const match = matchAccount(index, 'Someone@GlobalTechInc.com');
 * if (match.matched) {
 *   match.account.id; // 'acc_1'
 * } else {
 *   match.code; // 'invalid_email' | 'free_mail' | 'no_account'
 * }
 */
export function matchAccount<A extends AccountLike>(index: AccountIndex<A>, email: unknown): AccountMatch<A> {
  if (!isAccountIndex(index)) {
    throw new Error(`matchAccount: expected an index built by accountIndex(), received ${describeValue(index)}.`);
  }

  const parsed = index.classifier.parseEmail(email);
  if (!parsed.ok) {
    return {
      matched: false,
      code: 'invalid_email',
      message: parsed.message,
      ...(typeof email === 'string' ? { email } : {}),
    };
  }

  const { address, domain } = parsed;
  if (parsed.freeMail) {
    return {
      matched: false,
      code: 'free_mail',
      message:
        `The email ${quote(address)} uses the free-mail domain ${quote(domain)}, which does not identify a company. ` +
        'Match the lead by other fields, or ask for a work email.',
      domain,
      email: address,
    };
  }

  // NOTE: without the Public Suffix List, an account that lists a public suffix such as
  // co.uk matches every lead under it. Only single-label suffixes such as com are ruled
  // out, because every indexed domain has at least two labels.
  let candidate = domain;
  for (;;) {
    const account = index.accountsByDomain.get(candidate);
    if (account !== undefined) {
      return {
        matched: true,
        account,
        domain,
        matchedDomain: candidate,
        via: candidate === domain ? 'domain' : 'subdomain',
        email: address,
      };
    }

    const parent = candidate.slice(candidate.indexOf('.') + 1);
    if (!parent.includes('.')) {
      break;
    }
    candidate = parent;
  }

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

function resolveClassifier(options: unknown): EmailClassifier {
  if (typeof options !== 'object' || options === null) {
    throw new Error(`accountIndex: expected an options object, received ${describeValue(options)}.`);
  }

  const { classifier } = options as { readonly classifier?: unknown };
  if (classifier === undefined) {
    return defaultEmailClassifier();
  }

  if (!isEmailClassifier(classifier)) {
    throw new Error(
      `accountIndex: options.classifier must be an email classifier from createEmailClassifier(), but received ${describeValue(classifier)}.`,
    );
  }

  return classifier;
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

function isAccountIndex(value: unknown): value is AccountIndex {
  if (typeof value !== 'object' || value === null) {
    return false;
  }

  const candidate = value as Partial<Record<keyof AccountIndex, unknown>>;
  return (
    candidate.kind === 'account_index' &&
    candidate.accountsByDomain instanceof Map &&
    isEmailClassifier(candidate.classifier)
  );
}

/** Checks one account and adds its domains to the index, recording every problem found. */
function indexAccount<A extends AccountLike>(build: IndexBuild<A>, account: A | undefined, position: number): void {
  const { problems, positionById } = build;

  if (typeof account !== 'object' || account === null) {
    problems.push(`accounts[${position}] must be an account object, but received ${describeValue(account)}.`);
    return;
  }

  const id: unknown = account.id;
  if (typeof id !== 'string' || id.trim().length === 0) {
    problems.push(`accounts[${position}] has an invalid id. Expected a non-empty string, but received ${describeValue(id)}.`);
    return;
  }

  const subject = `account ${quote(id)} (accounts[${position}])`;
  const earlierPosition = positionById.get(id);
  if (earlierPosition !== undefined) {
    problems.push(
      `accounts[${earlierPosition}] and accounts[${position}] have the same id ${quote(id)}. Give each account a unique id.`,
    );
    return;
  }
  positionById.set(id, position);

  const name: unknown = account.name;
  if (typeof name !== 'string') {
    problems.push(`${subject} has an invalid name. Expected a string, but received ${describeValue(name)}.`);
  }

  const domains: unknown = account.domains;
  if (!Array.isArray(domains)) {
    problems.push(
      `${subject} has invalid domains. Expected an array of domain strings such as ["acme.com"], but received ${describeValue(domains)}.`,
    );
    return;
  }

  for (let domainPosition = 0; domainPosition < domains.length; domainPosition += 1) {
    const problem = indexDomain(build, account, domains[domainPosition], `${subject}, domains[${domainPosition}],`);
    if (problem !== undefined) {
      problems.push(problem);
    }
  }
}

/** Adds one account domain to the index. Returns the problem, if any, as a sentence that starts with `subject`. */
function indexDomain<A extends AccountLike>(
  build: IndexBuild<A>,
  account: A,
  rawDomain: unknown,
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

  const owner = build.accountsByDomain.get(domain);
  if (owner === undefined) {
    build.accountsByDomain.set(domain, account);
    return undefined;
  }

  // The same account may list a domain twice, for example as "Acme.com" and "acme.com".
  if (owner.id === account.id) {
    return undefined;
  }

  return (
    `${subject} claims the domain ${quote(domain)}, which account ${quote(owner.id)} already lists. ` +
    'Assign each domain to one account.'
  );
}

function formatProblems(problems: readonly string[]): string {
  if (problems.length === 1) {
    return `accountIndex: ${problems[0] ?? ''}`;
  }

  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `- ${problem}`);
  if (problems.length > MAX_LISTED_PROBLEMS) {
    listed.push(`- and ${problems.length - MAX_LISTED_PROBLEMS} more.`);
  }

  return `accountIndex: found ${problems.length} problems in the account list.\n${listed.join('\n')}`;
}
