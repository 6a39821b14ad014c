import { publicSuffixList, type PublicSuffixList, type RegistrableDomainResult, type SuffixOptions } from './list.js';

export { publicSuffixList };

// The shared list is immutable data derived from the generated rules, built on the first
// call so that importing the entry point costs nothing. It never contains request data.
let sharedList: PublicSuffixList | undefined;

/**
 * Finds the registrable domain ("eTLD+1") of a host by the Public Suffix List, building the list on the first call.
 *
 * A host that is itself a public suffix (`co.uk`, `nhs.uk`) is returned as its own domain
 * with `isPublicSuffix: true`. Pass `{ includePrivate: true }` to apply the private section too.
 *
 * @example
 * registrableDomain('shop.acme.com.au'); // { ok: true, domain: 'acme.com.au', publicSuffix: 'com.au', isPublicSuffix: false, ... }
 * registrableDomain('nhs.uk'); // { ok: true, domain: 'nhs.uk', isPublicSuffix: true, ... }
 * registrableDomain('acme.github.io', { includePrivate: true }).domain; // 'acme.github.io'
 */
export function registrableDomain(host: unknown, options?: SuffixOptions): RegistrableDomainResult {
  sharedList ??= publicSuffixList();
  return sharedList.registrableDomain(host, options);
}
