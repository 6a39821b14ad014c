/**
 * Public Suffix List lookup on canonical hosts, as `publicSuffixList()` from
 * `netspear/public-suffix` returns it. The core takes it as an option, so the list's data
 * stays out of bundles that do not import that entry point.
 */
export interface PublicSuffixLookup {
  readonly kind: 'public_suffix_list';
  /**
   * Returns the index in `host` where its registrable domain starts, or -1 when `host` is
   * itself a public suffix. `host` must be canonical: lower-case ASCII without a trailing dot.
   */
  readonly registrableDomainStart: (host: string, includePrivate: boolean) => number;
}

/** Checks that `value` looks like a lookup from `publicSuffixList()`. */
export function isPublicSuffixLookup(value: unknown): value is PublicSuffixLookup {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'public_suffix_list' &&
    typeof (value as { registrableDomainStart?: unknown }).registrableDomainStart === 'function'
  );
}
