import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';

import { parseEmail, type EmailIssueCode, type EmailResult } from '../../src/identity/index.js';
import { parseEmailWith } from '../../src/identity/email.js';

interface AcceptedCase {
  readonly input: string;
  readonly address: string;
  readonly local: string;
  readonly domain: string;
  readonly freeMail: boolean;
  readonly displayName?: string;
}

const acceptedCases: readonly AcceptedCase[] = [
  { input: 'USER@GMAIL.COM', address: 'user@gmail.com', local: 'USER', domain: 'gmail.com', freeMail: true },
  { input: '\u00A0user@example.com', address: 'user@example.com', local: 'user', domain: 'example.com', freeMail: false },
  { input: ' \t jane@acme.com \n', address: 'jane@acme.com', local: 'jane', domain: 'acme.com', freeMail: false },
  { input: 'user@acme.com.', address: 'user@acme.com', local: 'user', domain: 'acme.com', freeMail: false },
  {
    input: 'Jane Doe <jane@acme.com>',
    address: 'jane@acme.com',
    local: 'jane',
    domain: 'acme.com',
    freeMail: false,
    displayName: 'Jane Doe',
  },
  {
    input: '"Doe, Jane" < Jane@Acme.com >',
    address: 'jane@acme.com',
    local: 'Jane',
    domain: 'acme.com',
    freeMail: false,
    displayName: 'Doe, Jane',
  },
  { input: '<jane@acme.com>', address: 'jane@acme.com', local: 'jane', domain: 'acme.com', freeMail: false },
  { input: 'mailto:Jane@Acme.com', address: 'jane@acme.com', local: 'Jane', domain: 'acme.com', freeMail: false },
  {
    input: 'admin@München.DE',
    address: 'admin@xn--mnchen-3ya.de',
    local: 'admin',
    domain: 'xn--mnchen-3ya.de',
    freeMail: false,
  },
  {
    input: 'admin@xn--mnchen-3ya.de',
    address: 'admin@xn--mnchen-3ya.de',
    local: 'admin',
    domain: 'xn--mnchen-3ya.de',
    freeMail: false,
  },
  {
    input: 'admin@münchen.de\u3002',
    address: 'admin@xn--mnchen-3ya.de',
    local: 'admin',
    domain: 'xn--mnchen-3ya.de',
    freeMail: false,
  },
  { input: 'Jane+Leads@acme.co.uk', address: 'jane+leads@acme.co.uk', local: 'Jane+Leads', domain: 'acme.co.uk', freeMail: false },
  { input: '"a@b"@acme.com', address: '"a@b"@acme.com', local: '"a@b"', domain: 'acme.com', freeMail: false },
  { input: '__proto__@x.com', address: '__proto__@x.com', local: '__proto__', domain: 'x.com', freeMail: false },
  { input: 'constructor@acme.com', address: 'constructor@acme.com', local: 'constructor', domain: 'acme.com', freeMail: false },
  { input: 'Jürgen@acme.com', address: 'jürgen@acme.com', local: 'Jürgen', domain: 'acme.com', freeMail: false },
];

interface RejectedCase {
  readonly input: unknown;
  readonly code: EmailIssueCode;
  /** Text that the message must contain. */
  readonly mentions: string;
}

const longLabel = 'a'.repeat(64);
const longDomain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(61)}.com`;
const tooLongDomain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`;

const rejectedCases: readonly RejectedCase[] = [
  { input: 42, code: 'not_a_string', mentions: 'number 42' },
  { input: null, code: 'not_a_string', mentions: 'null' },
  { input: undefined, code: 'not_a_string', mentions: 'undefined' },
  { input: { email: 'jane@acme.com' }, code: 'not_a_string', mentions: 'an object' },
  { input: ['jane@acme.com'], code: 'not_a_string', mentions: 'an array' },
  { input: Symbol('email'), code: 'not_a_string', mentions: 'a symbol' },
  { input: 10n, code: 'not_a_string', mentions: 'bigint 10' },
  { input: '', code: 'empty', mentions: 'empty' },
  { input: '  \u00A0\t', code: 'empty', mentions: 'white space' },
  { input: 'Jane Doe <>', code: 'empty', mentions: 'angle brackets' },
  { input: ' mailto: ', code: 'empty', mentions: 'no address follows "mailto:"' },
  { input: 'user@exa\u200Bmple.com', code: 'zero_width_character', mentions: 'U+200B' },
  { input: 'user\u200C@acme.com', code: 'zero_width_character', mentions: 'U+200C' },
  { input: 'user@acme\u200D.com', code: 'zero_width_character', mentions: 'U+200D' },
  { input: 'us\u2060er@acme.com', code: 'zero_width_character', mentions: 'U+2060' },
  { input: '\uFEFFuser@acme.com', code: 'zero_width_character', mentions: 'U+FEFF' },
  { input: 'jane.acme.com', code: 'missing_at', mentions: '"jane.acme.com"' },
  { input: '@acme.com', code: 'empty_local_part', mentions: 'local part' },
  { input: 'jane doe@acme.com', code: 'invalid_local_part', mentions: 'white space' },
  { input: 'a@b@acme.com', code: 'invalid_local_part', mentions: '"a@b"' },
  { input: 'Jane <jane@acme.com', code: 'invalid_local_part', mentions: 'white space' },
  { input: `${'a'.repeat(65)}@acme.com`, code: 'invalid_local_part', mentions: '65 bytes' },
  { input: `${'ü'.repeat(33)}@acme.com`, code: 'invalid_local_part', mentions: '66 bytes' },
  { input: 'jane@', code: 'empty_domain', mentions: 'empty' },
  { input: 'user@.acme.com', code: 'invalid_domain', mentions: 'empty label' },
  { input: 'user@acme..com', code: 'invalid_domain', mentions: 'empty label' },
  { input: 'user@acme.com..', code: 'invalid_domain', mentions: 'empty label' },
  { input: 'user@.', code: 'invalid_domain', mentions: 'empty label' },
  { input: 'user@acme', code: 'invalid_domain', mentions: 'only one label' },
  { input: 'user@com.', code: 'invalid_domain', mentions: 'only one label' },
  { input: 'user@-acme.com', code: 'invalid_domain', mentions: 'hyphen' },
  { input: 'user@acme-.com', code: 'invalid_domain', mentions: 'hyphen' },
  { input: 'user@acme_corp.com', code: 'invalid_domain', mentions: '"_"' },
  { input: 'a@__proto__', code: 'invalid_domain', mentions: '"_"' },
  { input: 'user@acme .com', code: 'invalid_domain', mentions: 'white space' },
  { input: `user@${longLabel}.com`, code: 'invalid_domain', mentions: 'maximum is 63' },
  { input: `user@${tooLongDomain}`, code: 'invalid_domain', mentions: 'maximum is 253' },
  { input: 'user@1.2.3.4', code: 'invalid_domain', mentions: 'IP address' },
  { input: 'user@[10.0.0.1]', code: 'invalid_domain', mentions: 'IP address' },
  { input: 'user@münchen.de/path', code: 'invalid_domain', mentions: '"/"' },
  { input: 'user@acme.com:8080', code: 'invalid_domain', mentions: '":"' },
  { input: 'user@xn--a.com', code: 'invalid_domain', mentions: 'internationalised' },
  { input: 'user@a\uFF0Fb.de', code: 'invalid_domain', mentions: 'internationalised' },
  { input: `${'a'.repeat(64)}@${longDomain}`, code: 'too_long', mentions: 'maximum is 254' },
];

function expectAccepted(result: EmailResult): Extract<EmailResult, { ok: true }> {
  if (!result.ok) {
    throw new Error(`expected the input to parse, but got ${result.code}: ${result.message}`);
  }
  return result;
}

describe('parseEmail', () => {
  it.each(acceptedCases)('accepts $input', (expected) => {
    const result = expectAccepted(parseEmail(expected.input));

    expect(result.address).toBe(expected.address);
    expect(result.local).toBe(expected.local);
    expect(result.domain).toBe(expected.domain);
    expect(result.freeMail).toBe(expected.freeMail);
    expect(result.displayName).toBe(expected.displayName);
  });

  it.each(rejectedCases)('rejects $input as $code', ({ input, code, mentions }) => {
    const result = parseEmail(input);

    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.code).toBe(code);
    expect(result.message).toContain(mentions);
    expect(result.input).toBe(input);
  });

  it('treats Unicode and punycode domains alike', () => {
    const unicode = expectAccepted(parseEmail('admin@München.DE'));
    const punycode = expectAccepted(parseEmail('admin@xn--mnchen-3ya.de'));

    expect(unicode.address).toBe(punycode.address);
    expect(unicode.domain).toBe(punycode.domain);
  });

  it('omits displayName without one', () => {
    const result = expectAccepted(parseEmail('jane@acme.com'));

    expect('displayName' in result).toBe(false);
  });

  it('escapes invisible characters in messages', () => {
    const result = parseEmail('user@exa\u200Bmple.com');

    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain('"user@exa\\u200Bmple.com"');
  });

  it('shortens long values in messages', () => {
    const input = `${'x'.repeat(500)}@acme`;
    const result = parseEmail(input);

    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toContain('…');
    expect(message.length).toBeLessThan(400);
  });

  it('rejects trailing zero-width character', () => {
    const result = parseEmail('jane@acme.com\u200B');

    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.code).toBe('zero_width_character');
  });

  it('allows zero-width joiners in display names', () => {
    const result = expectAccepted(parseEmail('Jane \u{1F469}\u200D\u{1F4BB} <jane@acme.com>'));

    expect(result.address).toBe('jane@acme.com');
    expect(result.displayName).toBe('Jane \u{1F469}\u200D\u{1F4BB}');
  });
});

const whiteSpace = fc.constantFrom('', ' ', '\u00A0', '\t', ' \n');
const displayName = fc.option(fc.constantFrom('Jane Doe', '"Doe, Jane"'), { nil: undefined });

/** Addresses from fc.emailAddress(), typed the way people do: mixed case, padding, display names, a trailing dot. */
const typedAddress = fc
  .tuple(fc.emailAddress(), fc.boolean(), whiteSpace, whiteSpace, displayName, fc.boolean())
  .map(([address, upperCase, before, after, name, trailingDot]) => {
    const cased = upperCase ? address.toUpperCase() : address;
    const dotted = trailingDot ? `${cased}.` : cased;
    const framed = name === undefined ? dotted : `${name} <${dotted}>`;
    return { address, typed: `${before}${framed}${after}` };
  });

const unicodeLabel = fc.string({
  unit: fc.constantFrom('a', 'k', 'z', '0', '7', '-', 'ä', 'Ö', 'ü', 'ß', 'é', 'ñ', 'ç', 'я', 'Ж', '中', '文'),
  minLength: 1,
  maxLength: 12,
});
const unicodeDomain = fc
  .tuple(fc.array(unicodeLabel, { minLength: 1, maxLength: 3 }), fc.constantFrom('de', 'COM', 'рф', '中国'))
  .map(([labels, topLevel]) => [...labels, topLevel].join('.'));
const unicodeAddress = fc
  .tuple(fc.emailAddress(), unicodeDomain)
  .map(([address, domain]) => `${address.slice(0, address.lastIndexOf('@'))}@${domain}`);

describe('parseEmail properties', () => {
  test.prop([fc.string({ unit: 'binary' })])('never throws on strings', (input) => {
    const result = parseEmail(input);

    expect(typeof result.ok).toBe('boolean');
  });

  test.prop([fc.string({ unit: 'grapheme' })])('never throws on graphemes', (input) => {
    const result = parseEmail(input);

    expect(typeof result.ok).toBe('boolean');
  });

  test.prop([fc.anything()])('never throws on any value', (input) => {
    const result = parseEmail(input);

    expect(typeof result.ok).toBe('boolean');
  });

  test.prop([typedAddress])('accepts typed generated addresses', ({ address, typed }) => {
    const result = expectAccepted(parseEmail(typed));

    expect(result.address).toBe(address.toLowerCase());
  });

  test.prop([fc.oneof(typedAddress.map(({ typed }) => typed), unicodeAddress, fc.string())])(
    'normalising is idempotent',
    (input) => {
      const first = parseEmail(input);
      fc.pre(first.ok);
      const parsed = expectAccepted(first);

      const second = expectAccepted(parseEmail(parsed.address));

      expect(second.address).toBe(parsed.address);
      expect(second.local).toBe(parsed.address.slice(0, parsed.address.lastIndexOf('@')));
      expect(second.domain).toBe(parsed.domain);
      expect(second.freeMail).toBe(parsed.freeMail);
    },
  );

  test.prop([fc.emailAddress(), fc.nat(), fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF')])(
    'rejects inserted zero-width characters',
    (address, position, character) => {
      const index = position % (address.length + 1);
      const result = parseEmail(`${address.slice(0, index)}${character}${address.slice(index)}`);

      expect(result.ok).toBe(false);
      expect(result.ok ? undefined : result.code).toBe('zero_width_character');
    },
  );
});

describe('plain-address fast path', () => {
  test.prop([fc.oneof(fc.emailAddress(), typedAddress.map(({ typed }) => typed), fc.string())])(
    'agrees with the full parser',
    (input) => {
      const freeMail = new Set(['gmail.com']);
      const fast = parseEmailWith(input, freeMail, undefined, true);
      const full = parseEmailWith(input, freeMail, undefined, false);

      expect(fast).toEqual(full);
    },
  );

  /** Near-plain addresses: the characters and lengths at which the fast path must hand over to the full parser. */
  const nearPlainPart = fc
    .array(fc.constantFrom('a', 'Z', 'x', 'n', '0', '-', '--', '.', '+', '_', '"', ' ', ':', 'é', 'xn--', 'a'.repeat(30)), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join(''));
  const nearPlainAddress = fc
    .tuple(nearPlainPart, nearPlainPart, fc.constantFrom('com', 'CO.UK', '1', 'x-', 'museum', ''))
    .map(([local, domain, suffix]) => `${local}@${domain}${suffix === '' ? '' : `.${suffix}`}`);

  test.prop([nearPlainAddress])('agrees on near-plain addresses', (input) => {
    const freeMail = new Set(['gmail.com']);

    expect(parseEmailWith(input, freeMail, undefined, true)).toStrictEqual(parseEmailWith(input, freeMail, undefined, false));
  });
});

describe('disposable check result', () => {
  it('counts only true as disposable', () => {
    const truthy = (() => 1) as unknown as (domain: string) => boolean;
    const plain = parseEmailWith('jane@acme.com', new Set(), truthy);
    const padded = parseEmailWith(' jane@acme.com', new Set(), truthy);

    expect(plain.ok).toBe(true);
    expect(plain).toHaveProperty('disposable', false);
    expect(padded).toStrictEqual(plain);
  });
});
