import { describe, expect, it, vi } from 'vitest';

import { findDuplicateAccounts, nameSimilarity, normalizeCompanyName } from '../../src/identity/index.js';
import { normalizeDomain } from '../../src/identity/domain.js';

describe('normalizeCompanyName edge cases', () => {
  it.each<unknown>([null, undefined, 42, {}, ['Acme']])('non-string %o gives undefined', (name) => {
    expect(normalizeCompanyName(name)).toBeUndefined();
  });
});

describe('nameSimilarity edge cases', () => {
  it('empty key against non-empty key', () => {
    expect(nameSimilarity('', 'abc')).toBe(0);
    expect(nameSimilarity('abc', '')).toBe(0);
  });

  // A swap counts only when both letters trade places, so each of these pairs is two edits apart.
  it.each([
    ['ab', 'xa'],
    ['ab', 'bx'],
    ['ab', 'ca'],
    ['xab', 'a'],
  ])('%s against %s shares no swap', (left, right) => {
    expect(nameSimilarity(left, right)).toBeCloseTo(1 - 2 / Math.max(left.length, right.length), 10);
  });

  it('swap after a differing letter', () => {
    // One substitution (x to y) and one swap (ab to ba): two edits over three letters.
    expect(nameSimilarity('xab', 'yba')).toBeCloseTo(1 / 3, 10);
    // One substitution (a to b) and one swap (me to em): two edits over four letters.
    expect(nameSimilarity('acme', 'bcem')).toBeCloseTo(0.5, 10);
  });
});

describe('normalizeDomain edge cases', () => {
  it('domain of exactly 253 characters', () => {
    const label = 'a'.repeat(63);
    const domain = `${label}.${label}.${label}.${'b'.repeat(61)}`;

    expect(domain).toHaveLength(253);
    expect(normalizeDomain(domain)).toStrictEqual({ ok: true, domain });
  });

  it('domain of 254 characters', () => {
    const label = 'a'.repeat(63);
    const domain = `${label}.${label}.${label}.${'b'.repeat(62)}`;

    expect(normalizeDomain(domain)).toStrictEqual({
      ok: false,
      code: 'invalid_domain',
      reason: 'is 254 characters long, but the maximum is 253.',
    });
  });

  // The WHATWG host parser reads a last label such as `0x10` as a hexadecimal IPv4 part and rejects
  // `acme.0x10` (checked with Node's URL), so ASCII domains must not go through it.
  it('ASCII domain skips URL parser', () => {
    expect(normalizeDomain('Acme.0x10')).toStrictEqual({ ok: true, domain: 'acme.0x10' });
  });

  it('full-width low line in label', () => {
    // UTS #46 maps U+FF3F to "_", which the URL parser keeps in the host.
    expect(normalizeDomain('a\uFF3Fb.com')).toStrictEqual({
      ok: false,
      code: 'invalid_domain',
      reason: 'has the label "a_b", but a label may contain only letters, digits and hyphens.',
    });
  });

  it('runtime without URL constructor', () => {
    vi.stubGlobal('URL', undefined);
    let result;
    try {
      result = normalizeDomain('bücher.de');
    } finally {
      vi.unstubAllGlobals();
    }

    expect(result).toStrictEqual({
      ok: false,
      code: 'invalid_domain',
      reason:
        'is an internationalised domain name, but this runtime has no URL constructor to convert it to punycode. ' +
        'Pass the punycode form (xn--…) instead.',
    });
  });
});

describe('findDuplicateAccounts edge cases', () => {
  it('non-array input report', () => {
    expect(findDuplicateAccounts('accounts' as never)).toStrictEqual({
      groups: [],
      problems: [{ position: -1, message: 'Expected an array of accounts, received the string "accounts".' }],
    });
  });

  it('clean list has no problems', () => {
    const accounts = [
      { id: 'a1', name: 'Acme', domains: ['acme.com'] },
      { id: 'a2', name: 'Acme Inc', domains: ['acme.com'] },
    ];

    expect(findDuplicateAccounts(accounts)).toStrictEqual({
      groups: [
        { reason: 'domain', key: 'acme.com', positions: [0, 1], accounts },
        { reason: 'name', key: 'acme', positions: [0, 1], accounts },
      ],
      problems: [],
    });
  });

  it('groups sorted by key', () => {
    const accounts = [
      { id: 'z1', name: 'Zeta', domains: ['zeta.com'] },
      { id: 'z2', name: 'Zeta', domains: ['zeta.com'] },
      { id: 'b1', name: 'Beta', domains: ['beta.com'] },
      { id: 'b2', name: 'Beta', domains: ['beta.com'] },
    ];

    const groups = findDuplicateAccounts(accounts).groups;

    expect(groups.map((group) => [group.reason, group.key, group.positions])).toStrictEqual([
      ['domain', 'beta.com', [2, 3]],
      ['domain', 'zeta.com', [0, 1]],
      ['name', 'beta', [2, 3]],
      ['name', 'zeta', [0, 1]],
    ]);
  });

  it('domain fields that are not arrays', () => {
    const accounts = [
      { id: 'a1', name: 'Acme', domains: 'acme.com' },
      { id: 'a2', name: 'Acme', aliasDomains: 7 },
    ];

    expect(findDuplicateAccounts(accounts).problems).toStrictEqual([
      { position: 0, message: 'accounts[0].domains is not an array: received the string "acme.com".' },
      { position: 1, message: 'accounts[1].aliasDomains is not an array: received number 7.' },
    ]);
  });
});
