import { normalizeDomain, trimWhiteSpace } from './domain.js';
import { parseEmailWith, type EmailResult } from './email.js';
import { describeValue, quote } from './format.js';
import { defaultFreeMailDomains, isFreeMailDomainIn } from './free-mail.js';

/** Changes to the built-in free-mail list. Domains are normalised like email domains. */
export interface EmailClassifierOptions {
  /** Extra free-mail domains, such as a regional provider that the built-in list lacks. */
  readonly addFreeMail?: readonly string[];
  /** Built-in free-mail domains to drop, such as a provider that is also your customer's company domain. */
  readonly removeFreeMail?: readonly string[];
}

/** Email parser and free-mail check that share one free-mail list. */
export interface EmailClassifier {
  readonly kind: 'email_classifier';
  /** Checks whether `domain` is on this classifier's free-mail list. */
  readonly isFreeMailDomain: (domain: string) => boolean;
  /** Parses an email like `parseEmail`, but sets `freeMail` from this classifier's list. */
  readonly parseEmail: (input: unknown) => EmailResult;
}

let defaultClassifier: EmailClassifier | undefined;

/** Returns the classifier with the built-in free-mail list, creating it on the first call. */
export function defaultEmailClassifier(): EmailClassifier {
  defaultClassifier ??= createEmailClassifier();
  return defaultClassifier;
}

/**
 * Creates an email classifier whose free-mail list is the built-in list plus `addFreeMail` minus `removeFreeMail`.
 *
 * @example
 * const classifier = createEmailClassifier({ addFreeMail: ['abv.bg'], removeFreeMail: ['hey.com'] });
 * classifier.isFreeMailDomain('abv.bg'); // true
 * classifier.parseEmail('ceo@hey.com'); // { ok: true, freeMail: false, ... }
 * accountIndex(accounts, { classifier });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createEmailClassifier(options: EmailClassifierOptions = {}): EmailClassifier {
  if (typeof options !== 'object' || options === null) {
    throw new Error(`createEmailClassifier: expected an options object, received ${describeValue(options)}.`);
  }

  const added = normalizeDomainList('addFreeMail', options.addFreeMail);
  const removed = normalizeDomainList('removeFreeMail', options.removeFreeMail);

  for (const domain of added) {
    if (removed.has(domain)) {
      throw new Error(
        `createEmailClassifier: the domain ${quote(domain)} is in both addFreeMail and removeFreeMail. Keep it in one of them.`,
      );
    }
  }

  const freeMailDomains = new Set(defaultFreeMailDomains());
  for (const domain of added) {
    freeMailDomains.add(domain);
  }
  // A removed domain that is not on the list is ignored, so that configurations
  // keep working when a later version drops a provider from the built-in list.
  for (const domain of removed) {
    freeMailDomains.delete(domain);
  }

  return Object.freeze({
    kind: 'email_classifier',
    isFreeMailDomain: (domain: string) => isFreeMailDomainIn(domain, freeMailDomains),
    parseEmail: (input: unknown) => parseEmailWith(input, freeMailDomains),
  });
}

function normalizeDomainList(optionName: string, domains: unknown): Set<string> {
  const normalized = new Set<string>();
  if (domains === undefined) {
    return normalized;
  }

  if (!Array.isArray(domains)) {
    throw new Error(
      `createEmailClassifier: ${optionName} must be an array of domains, received ${describeValue(domains)}.`,
    );
  }

  domains.forEach((domain: unknown, position) => {
    if (typeof domain !== 'string') {
      throw new Error(
        `createEmailClassifier: ${optionName}[${position}] must be a domain string, received ${describeValue(domain)}.`,
      );
    }

    const result = normalizeDomain(trimWhiteSpace(domain));
    if (!result.ok) {
      throw new Error(
        `createEmailClassifier: ${optionName}[${position}] is invalid. The domain ${quote(domain)} ${result.reason}`,
      );
    }

    normalized.add(result.domain);
  });

  return normalized;
}
