import { normalizeDomain, trimWhiteSpace } from '../identity/domain.js';
import { describeValue, quote } from '../identity/format.js';
import type { PublicSuffixLookup } from '../identity/suffix.js';
import { ICANN_RULES, PRIVATE_RULES, PUBLIC_SUFFIX_LIST_VERSION } from './rules.generated.js';

// Rule flags per name. The private section's flags are the ICANN flags shifted left by 3.
const NORMAL = 1;
const WILDCARD = 2;
const EXCEPTION = 4;
const PRIVATE_SHIFT = 3;
const ICANN_MASK = 0b000111;
const ALL_MASK = 0b111111;

/** Section of the list whose rule decided the public suffix. `unlisted` means no rule matched, so the top-level label is the suffix. */
export type SuffixSection = 'icann' | 'private' | 'unlisted';

/** Options for the lookups of a `PublicSuffixList`. */
export interface SuffixOptions {
  /**
   * Also apply the private section, where companies list domains under which their customers
   * get hosts (`github.io`, `blogspot.com`). Default false: only the ICANN section applies.
   * Turn it on for account matching, so that `acme.github.io` is its own organisation.
   */
  readonly includePrivate?: boolean;
}

/** A host and its registrable domain. */
export interface RegistrableDomain {
  readonly ok: true;
  /** Canonical host: lower-case ASCII, punycode for internationalised labels, no trailing dot. */
  readonly host: string;
  /** Registrable domain ("eTLD+1"), or the host itself when `isPublicSuffix` is true. */
  readonly domain: string;
  readonly publicSuffix: string;
  /** True when the host is itself a public suffix, such as `co.uk` or `nhs.uk`, so no one can register it. */
  readonly isPublicSuffix: boolean;
  readonly section: SuffixSection;
}

/** A value that is not a host name. */
export interface RegistrableDomainIssue {
  readonly ok: false;
  readonly code: 'not_a_string' | 'empty_domain' | 'invalid_domain';
  /** Sentence that names the problem and the value. */
  readonly message: string;
  readonly input: unknown;
}

/** Outcome of `registrableDomain`. */
export type RegistrableDomainResult = RegistrableDomain | RegistrableDomainIssue;

/** The Public Suffix List with lookups; pass it to `accountIndex` as `publicSuffix`. */
export interface PublicSuffixList extends PublicSuffixLookup {
  readonly version: typeof PUBLIC_SUFFIX_LIST_VERSION;
  /** Finds the registrable domain of `host`, which may be in any case, in Unicode or punycode, with a trailing dot. */
  readonly registrableDomain: (host: unknown, options?: SuffixOptions) => RegistrableDomainResult;
}

/** Adds one section's rules to `table`, decoding the `tld:sub,sub;tld:sub` form of the generated module. */
function addSection(table: Map<string, number>, encoded: string, shift: number): void {
  for (const group of encoded.split(';')) {
    const colon = group.indexOf(':');
    const topLevel = group.slice(0, colon);

    for (const member of group.slice(colon + 1).split(',')) {
      let flag = NORMAL;
      let rest = member;
      if (member.startsWith('*')) {
        flag = WILDCARD;
        rest = member.slice(1);
      } else if (member.startsWith('!')) {
        flag = EXCEPTION;
        rest = member.slice(1);
      }

      const name = rest === '' ? topLevel : `${rest}.${topLevel}`;
      table.set(name, (table.get(name) ?? 0) | (flag << shift));
    }
  }
}

/** Section codes in the low bits of `findSuffix`'s result. */
const SECTIONS: readonly SuffixSection[] = ['unlisted', 'icann', 'private'];
const SECTION_BITS = 2;
const SECTION_MASK = (1 << SECTION_BITS) - 1;

/**
 * Finds the start of the public suffix in canonical `host` and the section of the rule that
 * decided it, packed as `start << 2 | section` (an index into `SECTIONS`) so that the lookup
 * returns no tuple.
 */
function findSuffix(table: ReadonlyMap<string, number>, host: string, includePrivate: boolean): number {
  const mask = includePrivate ? ALL_MASK : ICANN_MASK;
  // Without a matching rule, the default rule "*" makes the top-level label the suffix.
  let suffixStart = host.lastIndexOf('.') + 1;
  let section = 0;
  // Start of the label left of the current one, or -1 at the first label.
  let labelStart = suffixStart;

  // Walk from the top-level label leftwards. A longer matching rule replaces a shorter one,
  // and an exception rule ends the walk, because it beats every other rule.
  while (labelStart >= 0) {
    const flags = (table.get(host.slice(labelStart)) ?? 0) & mask;
    const previousStart = labelStart === 0 ? -1 : host.lastIndexOf('.', labelStart - 2) + 1;

    if (flags !== 0) {
      // Fold the private bits onto the ICANN bits, so that one test covers both sections.
      const folded = flags | (flags >> PRIVATE_SHIFT);
      const flagSection = (flags & ICANN_MASK) !== 0 ? 1 : 2;
      if ((folded & EXCEPTION) !== 0) {
        return ((host.indexOf('.', labelStart) + 1) << SECTION_BITS) | flagSection;
      }
      if ((folded & NORMAL) !== 0) {
        suffixStart = labelStart;
        section = flagSection;
      }
      if ((folded & WILDCARD) !== 0 && previousStart !== -1) {
        suffixStart = previousStart;
        section = flagSection;
      }
    }

    labelStart = previousStart;
  }

  return (suffixStart << SECTION_BITS) | section;
}

/**
 * Builds the Public Suffix List lookup from the generated rules. Build it once and reuse it: building takes a few milliseconds.
 *
 * @example
 * const list = publicSuffixList();
 * list.registrableDomain('eu.acme.co.uk'); // { ok: true, domain: 'acme.co.uk', publicSuffix: 'co.uk', ... }
 * list.registrableDomain('acme.github.io', { includePrivate: true }); // domain 'acme.github.io'
 * accountIndex(accounts, { publicSuffix: list });
 */
/* @__NO_SIDE_EFFECTS__ */
export function publicSuffixList(): PublicSuffixList {
  const table = new Map<string, number>();
  addSection(table, ICANN_RULES, 0);
  addSection(table, PRIVATE_RULES, PRIVATE_SHIFT);

  const registrableDomainStart = (host: string, includePrivate: boolean): number => {
    const suffixStart = findSuffix(table, host, includePrivate) >> SECTION_BITS;
    return suffixStart === 0 ? -1 : host.lastIndexOf('.', suffixStart - 2) + 1;
  };

  const registrableDomain = (input: unknown, options: SuffixOptions = {}): RegistrableDomainResult => {
    if (typeof input !== 'string') {
      return {
        ok: false,
        code: 'not_a_string',
        message: `Invalid host: expected a string, received ${describeValue(input)}.`,
        input,
      };
    }

    const normalized = normalizeDomain(trimWhiteSpace(input), 1);
    if (!normalized.ok) {
      return { ok: false, code: normalized.code, message: `Invalid host ${quote(input)}: the domain ${normalized.reason}`, input };
    }

    const host = normalized.domain;
    const found = findSuffix(table, host, options.includePrivate === true);
    const suffixStart = found >> SECTION_BITS;
    const isPublicSuffix = suffixStart === 0;
    return {
      ok: true,
      host,
      domain: isPublicSuffix ? host : host.slice(host.lastIndexOf('.', suffixStart - 2) + 1),
      publicSuffix: host.slice(suffixStart),
      isPublicSuffix,
      section: SECTIONS[found & SECTION_MASK] as SuffixSection,
    };
  };

  return Object.freeze({
    kind: 'public_suffix_list',
    version: PUBLIC_SUFFIX_LIST_VERSION,
    registrableDomainStart,
    registrableDomain,
  });
}
