import { normalizeDomain, trimWhiteSpace } from './domain.js';
import { FREE_MAIL_DOMAINS } from './free-mail.generated.js';

let defaultFreeMailSet: ReadonlySet<string> | undefined;

/**
 * Returns the built-in free-mail domains as a set, building it on the first call. The list is
 * generated from the email-providers package (free-mail.generated.ts names the version) and
 * holds only immutable data, so sharing it between requests is safe.
 */
export function defaultFreeMailDomains(): ReadonlySet<string> {
  defaultFreeMailSet ??= new Set(decodeDomains(FREE_MAIL_DOMAINS));
  return defaultFreeMailSet;
}

/**
 * Expands the `tld:label,label;tld:label` form of the generated lists into domains. Grouping by
 * top-level label keeps the lists about a tenth smaller after gzip than one joined string.
 */
export function decodeDomains(encoded: string): string[] {
  const domains: string[] = [];
  for (const group of encoded.split(';')) {
    const colon = group.indexOf(':');
    const topLevel = group.slice(0, colon);
    for (const rest of group.slice(colon + 1).split(',')) {
      domains.push(`${rest}.${topLevel}`);
    }
  }
  return domains;
}

/** Normalises `domain` and looks it up in `freeMailDomains`. Returns false for anything that is not a valid domain. */
export function isFreeMailDomainIn(domain: unknown, freeMailDomains: ReadonlySet<string>): boolean {
  if (typeof domain !== 'string') {
    return false;
  }

  const normalized = normalizeDomain(trimWhiteSpace(domain));
  return normalized.ok && freeMailDomains.has(normalized.domain);
}

/**
 * Checks whether `domain` belongs to a consumer mailbox provider such as Gmail, ignoring case and one trailing dot.
 *
 * @example
 * isFreeMailDomain('GMail.com'); // true
 * isFreeMailDomain('acme.com'); // false
 */
export function isFreeMailDomain(domain: string): boolean {
  return isFreeMailDomainIn(domain, defaultFreeMailDomains());
}
