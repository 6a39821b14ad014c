import type { DisposableDomainList } from '../identity/classifier.js';
import { decodeDomains } from '../identity/free-mail.js';
import { DISPOSABLE_DOMAINS, DISPOSABLE_SOURCE, DISPOSABLE_WILDCARD_DOMAINS } from './disposable.generated.js';

/** The disposable-provider list with the package version and date it was generated from. */
export interface DisposableEmailDomains extends DisposableDomainList {
  readonly source: typeof DISPOSABLE_SOURCE;
}

/**
 * Decodes the disposable-provider list (generated from the npm package disposable-email-domains) for `createEmailClassifier`.
 *
 * It contains over 100,000 domains, so decode it once and keep the classifier.
 *
 * @example
 * const classifier = createEmailClassifier({ disposable: disposableEmailDomains(), removeDisposable: ['our-partner.com'] });
 * classifier.parseEmail('x@mailinator.com'); // { ok: true, disposable: true, ... }
 */
export function disposableEmailDomains(): DisposableEmailDomains {
  return Object.freeze({
    source: DISPOSABLE_SOURCE,
    domains: decodeDomains(DISPOSABLE_DOMAINS),
    wildcardDomains: decodeDomains(DISPOSABLE_WILDCARD_DOMAINS),
  });
}
