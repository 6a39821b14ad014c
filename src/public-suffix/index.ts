// The `netspear/public-suffix` entry point: the Public Suffix List (generated from
// public_suffix_list.dat, MPL-2.0) and the lookups that use it. It is a separate entry so
// that bundles of the core never carry the list's data.

export { publicSuffixList, registrableDomain } from './registrable-domain.js';
export type {
  PublicSuffixList,
  RegistrableDomain,
  RegistrableDomainIssue,
  RegistrableDomainResult,
  SuffixOptions,
  SuffixSection,
} from './list.js';
export { PUBLIC_SUFFIX_LIST_VERSION } from './rules.generated.js';

// The disposable-provider list lives here too, because the core must stay small and this
// entry is where netspear keeps large domain data.
export { disposableEmailDomains } from './disposable.js';
export type { DisposableEmailDomains } from './disposable.js';
