import { ConfigError } from '../internal/config-error.js';
import { normalizeDomain, trimWhiteSpace } from './domain.js';
import { parseEmail, parseEmailWith, type EmailResult } from './email.js';
import { describeValue, quote } from './format.js';
import { defaultFreeMailDomains, isFreeMailDomain, isFreeMailDomainIn } from './free-mail.js';

/** A disposable-provider list, such as `disposableEmailDomains()` from `netspear/public-suffix` returns. */
export interface DisposableDomainList {
  /** Disposable domains. */
  readonly domains: readonly string[];
  /** Domains whose every subdomain is disposable too. */
  readonly wildcardDomains?: readonly string[];
}

/** Changes to the built-in lists. Domains are normalised like email domains. */
export interface EmailClassifierOptions {
  /** Extra free-mail domains, such as a regional provider that the built-in list lacks. */
  readonly addFreeMail?: readonly string[];
  /** Built-in free-mail domains to drop, such as a provider that is also your customer's company domain. */
  readonly removeFreeMail?: readonly string[];
  /** Disposable-provider list. The core ships none, because the full list is over a megabyte. */
  readonly disposable?: DisposableDomainList;
  /** Extra disposable domains. */
  readonly addDisposable?: readonly string[];
  /** Domains to drop from `disposable`, such as a company domain that the list contains by mistake. */
  readonly removeDisposable?: readonly string[];
}

/** Email parser and domain checks that share one free-mail list and one disposable list. */
export interface EmailClassifier {
  readonly kind: 'email_classifier';
  /** Checks whether `domain` is on this classifier's free-mail list. */
  readonly isFreeMailDomain: (domain: string) => boolean;
  /** Checks whether `domain`, or a parent of it on the wildcard list, is on this classifier's disposable list. */
  readonly isDisposableDomain: (domain: string) => boolean;
  /** Parses an email like `parseEmail`, but sets `freeMail` and `disposable` from this classifier's lists. */
  readonly parseEmail: (input: unknown) => EmailResult;
}

const API = 'createEmailClassifier';

let defaultClassifier: EmailClassifier | undefined;

/**
 * Returns the classifier with the built-in free-mail list, creating it on the first call. It
 * behaves like `createEmailClassifier()` but is built without that function's option handling,
 * which keeps `accountIndex` bundles small.
 */
export function defaultEmailClassifier(): EmailClassifier {
  defaultClassifier ??= Object.freeze({
    kind: 'email_classifier',
    isFreeMailDomain,
    // Without a disposable list, no domain is disposable.
    isDisposableDomain: () => false,
    parseEmail,
  });
  return defaultClassifier;
}

/**
 * Creates an email classifier from the built-in free-mail list, an optional disposable list, and entries to add or remove.
 *
 * @example
 * const classifier = createEmailClassifier({
 *   addFreeMail: ['abv.bg'],
 *   removeFreeMail: ['hey.com'],
 *   disposable: disposableEmailDomains(), // from 'netspear/public-suffix'
 * });
 * classifier.parseEmail('ceo@hey.com'); // { ok: true, freeMail: false, disposable: false, ... }
 * accountIndex(accounts, { classifier });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createEmailClassifier(options: EmailClassifierOptions = {}): EmailClassifier {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError(API, '', `expected an options object, received ${describeValue(options)}.`);
  }

  const freeMailDomains = new Set(defaultFreeMailDomains());
  applyChanges(freeMailDomains, options, 'addFreeMail', 'removeFreeMail');

  const disposable: unknown = options.disposable;
  if (disposable !== undefined && (typeof disposable !== 'object' || disposable === null)) {
    throw new ConfigError(API, 'disposable', `expected { domains, wildcardDomains }, received ${describeValue(disposable)}.`);
  }
  const list = disposable as DisposableDomainList | undefined;
  const disposableDomains = normalizeDomainList('disposable.domains', list?.domains, true);
  const wildcardDomains = normalizeDomainList('disposable.wildcardDomains', list?.wildcardDomains, true);
  applyChanges(disposableDomains, options, 'addDisposable', 'removeDisposable');
  for (const domain of normalizeDomainList('removeDisposable', options.removeDisposable)) {
    wildcardDomains.delete(domain);
  }

  const isDisposable = (domain: string): boolean => {
    if (disposableDomains.has(domain)) return true;
    for (let dot = domain.indexOf('.'); wildcardDomains.size > 0 && dot !== -1; dot = domain.indexOf('.', dot + 1)) {
      if (wildcardDomains.has(domain.slice(dot + 1))) return true;
    }
    return wildcardDomains.has(domain);
  };

  return Object.freeze({
    kind: 'email_classifier',
    isFreeMailDomain: (domain: string) => isFreeMailDomainIn(domain, freeMailDomains),
    isDisposableDomain: (domain: string) => {
      if (typeof domain !== 'string') return false;
      const normalized = normalizeDomain(trimWhiteSpace(domain));
      return normalized.ok && isDisposable(normalized.domain);
    },
    parseEmail: (input: unknown) => parseEmailWith(input, freeMailDomains, isDisposable),
  });
}

/** Adds and removes the domains of two options in `domains`, rejecting a domain that is in both. */
function applyChanges(
  domains: Set<string>,
  options: EmailClassifierOptions,
  addName: 'addFreeMail' | 'addDisposable',
  removeName: 'removeFreeMail' | 'removeDisposable',
): void {
  const added = normalizeDomainList(addName, options[addName]);
  const removed = normalizeDomainList(removeName, options[removeName]);

  for (const domain of added) {
    if (removed.has(domain)) {
      throw new ConfigError(API, addName, `the domain ${quote(domain)} is in both ${addName} and ${removeName}. Keep it in one of them.`);
    }
    domains.add(domain);
  }
  // A removed domain that is not on the list is ignored, so that configurations
  // keep working when a later version drops a provider from a list.
  for (const domain of removed) {
    domains.delete(domain);
  }
}

/**
 * Already canonical: two or more lower-case ASCII labels of 1–63 characters that neither start
 * nor end with a hyphen, the last with a letter. The shipped lists are, so they skip normalising;
 * anything else goes through `normalizeDomain`, which rejects what this lets through to it.
 */
const CANONICAL_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?=[a-z0-9-]*[a-z])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_CANONICAL_LENGTH = 253;

function normalizeDomainList(optionName: string, domains: unknown, skipCanonical = false): Set<string> {
  const normalized = new Set<string>();
  if (domains === undefined) {
    return normalized;
  }

  if (!Array.isArray(domains)) {
    throw new ConfigError(API, optionName, `must be an array of domains, received ${describeValue(domains)}.`);
  }

  domains.forEach((domain: unknown, position) => {
    if (typeof domain !== 'string') {
      throw new ConfigError(API, `${optionName}[${position}]`, `must be a domain string, received ${describeValue(domain)}.`);
    }

    if (skipCanonical && domain.length <= MAX_CANONICAL_LENGTH && CANONICAL_DOMAIN.test(domain) && !domain.includes('xn--')) {
      normalized.add(domain);
      return;
    }

    const result = normalizeDomain(trimWhiteSpace(domain));
    if (!result.ok) {
      throw new ConfigError(API, `${optionName}[${position}]`, `is invalid. The domain ${quote(domain)} ${result.reason}`);
    }

    normalized.add(result.domain);
  });

  return normalized;
}
