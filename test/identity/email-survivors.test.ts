import { describe, expect, it } from 'vitest';

import { parseEmail } from '../../src/identity/index.js';
import { parseEmailWith } from '../../src/identity/email.js';

describe('parseEmail messages', () => {
  it('zero-width character message', () => {
    expect(parseEmail('ja\u200Bne@acme.com')).toStrictEqual({
      ok: false,
      code: 'zero_width_character',
      message:
        'Invalid email "ja\\u200Bne@acme.com": the address contains the zero-width character U+200B at index 2. ' +
        'Remove the invisible character, which usually comes from text copied out of a web page or chat, and try again.',
      input: 'ja\u200Bne@acme.com',
    });
  });

  it('empty domain adds the fix', () => {
    expect(parseEmail('jane@')).toStrictEqual({
      ok: false,
      code: 'empty_domain',
      message: 'Invalid email "jane@": the domain "" is empty. Add the domain after "@", as in jane@acme.com.',
      input: 'jane@',
    });
  });

  it('invalid domain has no fix', () => {
    expect(parseEmail('jane@-acme.com')).toStrictEqual({
      ok: false,
      code: 'invalid_domain',
      message: 'Invalid email "jane@-acme.com": the domain "-acme.com" has the label "-acme", which starts or ends with a hyphen.',
      input: 'jane@-acme.com',
    });
  });

  it('unquoted special names the character', () => {
    expect(parseEmail('ja,ne@acme.com')).toStrictEqual({
      ok: false,
      code: 'invalid_local_part',
      message: 'Invalid email "ja,ne@acme.com": the local part "ja,ne" contains ",", which is allowed only inside a quoted local part. Remove it.',
      input: 'ja,ne@acme.com',
    });
  });
});

describe('parseEmail full path', () => {
  it('disposable check runs on full path', () => {
    expect(parseEmailWith(' jane@temp.example ', new Set(), () => true)).toStrictEqual({
      ok: true,
      address: 'jane@temp.example',
      local: 'jane',
      domain: 'temp.example',
      freeMail: false,
      disposable: true,
    });
  });

  it('no display name key without name', () => {
    expect(parseEmail('mailto:jane@acme.com')).toStrictEqual({
      ok: true,
      address: 'jane@acme.com',
      local: 'jane',
      domain: 'acme.com',
      freeMail: false,
      disposable: false,
    });
  });

  it('address of exactly 254 octets', () => {
    // 64 + 1 + 189 octets. The leading space sends the input past the plain-address fast path.
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    const result = parseEmail(` ${local}@${domain}`);

    expect(result.ok).toBe(true);
    expect(result).toHaveProperty('address', `${local}@${domain}`);
  });

  it('address of 255 octets is too long', () => {
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
    const input = ` ${local}@${domain}`;

    expect(parseEmail(input)).toStrictEqual({
      ok: false,
      code: 'too_long',
      message: `Invalid email "${input.slice(0, 80)}…": the address is 255 bytes long in UTF-8, but the maximum is 254.`,
      input,
    });
  });
});

describe('parseEmail angle brackets', () => {
  it('closing bracket without opening one', () => {
    expect(parseEmail('jane@acme.com>')).toStrictEqual({
      ok: false,
      code: 'invalid_domain',
      message: 'Invalid email "jane@acme.com>": the domain "acme.com>" contains ">", but a domain may contain only letters, digits, hyphens and dots.',
      input: 'jane@acme.com>',
    });
  });

  const displayNameCases: readonly (readonly [string, string | undefined])[] = [
    ['"Jane" <jane@acme.com>', 'Jane'],
    ['"" <jane@acme.com>', undefined],
    ['" <jane@acme.com>', '"'],
    ['"Jane <jane@acme.com>', '"Jane'],
    ['Jane" <jane@acme.com>', 'Jane"'],
  ];

  for (const [input, displayName] of displayNameCases) {
    it(`display name of ${input}`, () => {
      expect(parseEmail(input)).toStrictEqual({
        ok: true,
        address: 'jane@acme.com',
        local: 'jane',
        domain: 'acme.com',
        freeMail: false,
        disposable: false,
        ...(displayName === undefined ? {} : { displayName }),
      });
    });
  }
});

describe('parseEmail quoted local part', () => {
  it('empty quoted local part is accepted', () => {
    expect(parseEmail('""@acme.com')).toStrictEqual({
      ok: true,
      address: '""@acme.com',
      local: '""',
      domain: 'acme.com',
      freeMail: false,
      disposable: false,
    });
  });

  const halfQuoted: readonly string[] = ['"@acme.com', '"jane@acme.com', 'jane"@acme.com'];
  for (const input of halfQuoted) {
    it(`half-quoted local part ${input}`, () => {
      const local = input.slice(0, input.lastIndexOf('@'));
      expect(parseEmail(input)).toStrictEqual({
        ok: false,
        code: 'invalid_local_part',
        message: `Invalid email ${JSON.stringify(input)}: the local part ${JSON.stringify(local)} contains "\\"", which is allowed only inside a quoted local part. Remove it.`,
        input,
      });
    });
  }

  it('white space outside quotes rejected', () => {
    expect(parseEmail('ja ne@acme.com')).toStrictEqual({
      ok: false,
      code: 'invalid_local_part',
      message: 'Invalid email "ja ne@acme.com": the local part "ja ne" contains white space. Remove it.',
      input: 'ja ne@acme.com',
    });
  });

  it('control character inside quotes rejected', () => {
    const input = '"ja\u0001ne"@acme.com';
    expect(parseEmail(input)).toStrictEqual({
      ok: false,
      code: 'invalid_local_part',
      message: 'Invalid email "\\"ja\\u0001ne\\"@acme.com": the local part "\\"ja\\u0001ne\\"" contains a control character. Remove it.',
      input,
    });
  });
});

describe('parseEmail UTF-8 local part length', () => {
  // Each sample is padded with ASCII so that the local part is 65 octets, one over the limit,
  // and the message reports the exact count. A lone surrogate counts as 3, like U+FFFD.
  const samples: readonly (readonly [string, string, number])[] = [
    ['U+0080', '\u0080', 2],
    ['U+07FF', '\u07FF', 2],
    ['U+0800', '\u0800', 3],
    ['euro sign', '\u20AC', 3],
    ['U+10000 pair', '\uD800\uDC00', 4],
    ['U+10FFFF pair', '\uDBFF\uDFFF', 4],
    ['emoji pair', '\uD83D\uDE00', 4],
    ['lone high before e-acute', '\uD800\u00E9', 5],
    ['euro before lone low', '\u20AC\uDC00', 6],
    ['two lone lows', '\uDC00\uDC00', 6],
    ['lone high before U+E000', '\uD800\uE000', 6],
    ['U+E000 before lone low', '\uE000\uDC00', 6],
  ];

  for (const [name, sample, octets] of samples) {
    it(`counts ${name} as ${octets} octets`, () => {
      const local = 'a'.repeat(65 - octets) + sample;
      const result = parseEmail(`${local}@acme.com`);

      expect(result.ok).toBe(false);
      expect(result).toHaveProperty('code', 'invalid_local_part');
      expect(result).toHaveProperty(
        'message',
        expect.stringMatching(/: the local part is 65 bytes long in UTF-8, but the maximum is 64\.$/),
      );
    });

    it(`accepts ${name} at 64 octets`, () => {
      const local = 'a'.repeat(64 - octets) + sample;
      const result = parseEmail(`${local}@acme.com`);

      expect(result.ok).toBe(true);
      expect(result).toHaveProperty('local', local);
    });
  }
});
