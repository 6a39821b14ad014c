import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';

import {
  PUBLIC_SUFFIX_LIST_VERSION,
  publicSuffixList,
  registrableDomain,
  type RegistrableDomain,
  type RegistrableDomainResult,
} from '../../src/public-suffix/index.js';
import { PUBLIC_SUFFIX_MODULE, renderPublicSuffixModule } from '../../scripts/generate-public-suffix.js';
import { dataFile } from '../support/data.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function expectDomain(result: RegistrableDomainResult): RegistrableDomain {
  if (!result.ok) {
    throw new Error(`expected a host, but got ${result.code}: ${result.message}`);
  }
  return result;
}

interface SuffixCase {
  readonly host: string;
  readonly includePrivate: boolean;
  readonly domain: string;
  readonly publicSuffix: string;
  readonly isPublicSuffix: boolean;
}

const cases: readonly SuffixCase[] = [
  { host: 'mail.acme.com', includePrivate: false, domain: 'acme.com', publicSuffix: 'com', isPublicSuffix: false },
  { host: 'eu.acme.co.uk', includePrivate: false, domain: 'acme.co.uk', publicSuffix: 'co.uk', isPublicSuffix: false },
  { host: 'shop.acme.com.au', includePrivate: false, domain: 'acme.com.au', publicSuffix: 'com.au', isPublicSuffix: false },
  { host: 'acme.github.io', includePrivate: false, domain: 'github.io', publicSuffix: 'io', isPublicSuffix: false },
  { host: 'acme.github.io', includePrivate: true, domain: 'acme.github.io', publicSuffix: 'github.io', isPublicSuffix: false },
  { host: 'github.io', includePrivate: true, domain: 'github.io', publicSuffix: 'github.io', isPublicSuffix: true },
  { host: 'nhs.uk', includePrivate: false, domain: 'nhs.uk', publicSuffix: 'nhs.uk', isPublicSuffix: true },
  { host: 'trust.nhs.uk', includePrivate: false, domain: 'trust.nhs.uk', publicSuffix: 'nhs.uk', isPublicSuffix: false },
  { host: 'co.uk', includePrivate: false, domain: 'co.uk', publicSuffix: 'co.uk', isPublicSuffix: true },
  { host: 'com', includePrivate: false, domain: 'com', publicSuffix: 'com', isPublicSuffix: true },
  { host: 'München.DE.', includePrivate: false, domain: 'xn--mnchen-3ya.de', publicSuffix: 'de', isPublicSuffix: false },
  { host: 'a.b.ck', includePrivate: false, domain: 'a.b.ck', publicSuffix: 'b.ck', isPublicSuffix: false },
  { host: 'b.ck', includePrivate: false, domain: 'b.ck', publicSuffix: 'b.ck', isPublicSuffix: true },
  { host: 'www.ck', includePrivate: false, domain: 'www.ck', publicSuffix: 'ck', isPublicSuffix: false },
  { host: 'x.city.kawasaki.jp', includePrivate: false, domain: 'city.kawasaki.jp', publicSuffix: 'kawasaki.jp', isPublicSuffix: false },
  { host: 'a.school.sch.uk', includePrivate: false, domain: 'a.school.sch.uk', publicSuffix: 'school.sch.uk', isPublicSuffix: false },
  { host: 'foo.bar.notatld', includePrivate: false, domain: 'bar.notatld', publicSuffix: 'notatld', isPublicSuffix: false },
];

describe('registrableDomain', () => {
  it.each(cases)('finds $domain for $host (private $includePrivate)', (expected) => {
    const result = expectDomain(registrableDomain(expected.host, { includePrivate: expected.includePrivate }));

    expect(result.domain).toBe(expected.domain);
    expect(result.publicSuffix).toBe(expected.publicSuffix);
    expect(result.isPublicSuffix).toBe(expected.isPublicSuffix);
  });

  it.each([
    ['acme.github.io', true, 'private'],
    ['acme.co.uk', false, 'icann'],
    ['acme.notatld', false, 'unlisted'],
  ] as const)('reports the section of %s', (host, includePrivate, section) => {
    expect(expectDomain(registrableDomain(host, { includePrivate })).section).toBe(section);
  });

  it.each<[unknown, string]>([
    [42, 'not_a_string'],
    ['', 'empty_domain'],
    ['acme..com', 'invalid_domain'],
    ['exa\u200Bmple.com', 'invalid_domain'],
    ['https://acme.com', 'invalid_domain'],
  ])('rejects %o as %s', (input, code) => {
    const result = registrableDomain(input);

    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.code).toBe(code);
    expect(result.ok ? '' : result.message).toMatch(/^Invalid host/);
  });

  it('records the list version', () => {
    const list = publicSuffixList();

    expect(list.version.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(list.version.license).toBe('MPL-2.0');
    expect(list.version.icannRules).toBeGreaterThan(5000);
    expect(list.version.privateRules).toBeGreaterThan(1000);
    expect(PUBLIC_SUFFIX_LIST_VERSION).toBe(list.version);
  });

  it('ships the MPL license notice', () => {
    const text = readFileSync(`${root}/${PUBLIC_SUFFIX_MODULE}`, 'utf8');

    expect(text.startsWith('/*!')).toBe(true);
    expect(text).toContain('Mozilla Public');
    expect(text).toContain('https://mozilla.org/MPL/2.0/');
  });
});

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/).filter((text) => text.slice(2, 4) !== '--');
const registrable = fc.constantFrom('acme.com', 'acme.co.uk', 'acme.com.au', 'acme.github.io', 'xn--mnchen-3ya.de', 'trust.nhs.uk');

describe('registrableDomain properties', () => {
  test.prop([registrable, fc.array(label, { minLength: 1, maxLength: 4 })])(
    'subdomains keep the registrable domain',
    (domain, prefix) => {
      const host = `${prefix.join('.')}.${domain}`;

      expect(expectDomain(registrableDomain(host, { includePrivate: true })).domain).toBe(domain);
    },
  );

  test.prop([fc.string({ unit: 'binary' })])('never throws on strings', (input) => {
    expect(typeof registrableDomain(input).ok).toBe('boolean');
  });
});

const listFile = dataFile('public_suffix_list.dat');
const versionFile = dataFile('public_suffix_list.VERSION');

describe('generated module', () => {
  it.skipIf(!listFile.present || !versionFile.present)(
    'matches a regeneration (needs public_suffix_list.dat in NETSPEAR_DATA)',
    () => {
      const regenerated = renderPublicSuffixModule(
        readFileSync(listFile.path as string, 'utf8'),
        readFileSync(versionFile.path as string, 'utf8'),
      );

      expect(readFileSync(`${root}/${PUBLIC_SUFFIX_MODULE}`, 'utf8')).toBe(regenerated);
    },
  );
});
