import { findZeroWidthCharacter, normalizeDomain, trimWhiteSpace } from './domain.js';
import { describeValue, formatCodePoint, quote } from './format.js';
import { defaultFreeMailDomains } from './free-mail.js';

/** Reason codes for an input that `parseEmail` rejects. */
export type EmailIssueCode =
  | 'not_a_string'
  | 'empty'
  | 'zero_width_character'
  | 'missing_at'
  | 'empty_local_part'
  | 'invalid_local_part'
  | 'empty_domain'
  | 'invalid_domain'
  | 'too_long';

/** An email address that parsed, in canonical form. */
export interface ParsedEmail {
  readonly ok: true;
  /** Canonical address: the lower-cased local part, `@` and the canonical domain. */
  readonly address: string;
  /** Local part before the last `@`, with its case kept. */
  readonly local: string;
  /** Canonical domain: lower-case ASCII, punycode for internationalised labels, no trailing dot. */
  readonly domain: string;
  /** True when the domain belongs to a consumer mailbox provider such as Gmail. */
  readonly freeMail: boolean;
  /** True when the classifier has a disposable-provider list and the domain is on it. */
  readonly disposable: boolean;
  /** Plus-address tag: `leads` in `jane+leads@acme.com`. Missing without a `+`, and for quoted local parts. */
  readonly tag?: string;
  /** Display name from the form `Jane Doe <jane@acme.com>`, without surrounding quotes. */
  readonly displayName?: string;
}

/** An input that is not a usable email address. */
export interface EmailIssue {
  readonly ok: false;
  readonly code: EmailIssueCode;
  /** Sentence that names the problem, the value and the fix. */
  readonly message: string;
  /** Value passed to the parser, unchanged. */
  readonly input: unknown;
}

/** Outcome of `parseEmail`. */
export type EmailResult = ParsedEmail | EmailIssue;

/** Maximum size of a local part in UTF-8 octets (RFC 5321, section 4.5.3.1.1). */
const MAX_LOCAL_PART_OCTETS = 64;

/** Maximum size of an address in UTF-8 octets. An SMTP path has at most 256 octets including its angle brackets (RFC 5321, section 4.5.3.1.3). */
const MAX_ADDRESS_OCTETS = 254;

const MAILTO_PREFIX = /^mailto:/i;

/** Characters that RFC 5322 allows in a local part only inside quotes. */
const UNQUOTED_LOCAL_PART_SPECIALS = /[<>()[\]\\,;:@"]/;
const CONTROL_CHARACTER = /[\x00-\x1F\x7F]/;
const WHITE_SPACE = /\s/;

/** Parses `input` like `parseEmail`, classifying the domain with `freeMailDomains` and `isDisposable`. */
export function parseEmailWith(
  input: unknown,
  freeMailDomains: ReadonlySet<string>,
  isDisposable?: (domain: string) => boolean,
  fastPath = true,
): EmailResult {
  if (fastPath && typeof input === 'string') {
    const plain = parsePlainAddress(input, freeMailDomains, isDisposable);
    if (plain !== undefined) {
      return plain;
    }
  }

  if (typeof input !== 'string') {
    return reject(
      input,
      'not_a_string',
      `Invalid email: expected a string, received ${describeValue(input)}. Pass the address as text, such as "jane@acme.com".`,
    );
  }

  const quotedInput = quote(input);
  const withoutPadding = trimWhiteSpace(input);
  if (withoutPadding.length === 0) {
    return reject(
      input,
      'empty',
      `Invalid email ${quotedInput}: the value is empty or contains only white space. Provide an address such as "jane@acme.com".`,
    );
  }

  const trimmed = trimWhiteSpace(withoutPadding.replace(MAILTO_PREFIX, ''));
  if (trimmed.length === 0) {
    return reject(
      input,
      'empty',
      `Invalid email ${quotedInput}: no address follows "mailto:". Provide an address such as "jane@acme.com".`,
    );
  }

  const { address: text, displayName } = splitDisplayName(trimmed);
  if (text.length === 0) {
    return reject(
      input,
      'empty',
      `Invalid email ${quotedInput}: the angle brackets contain no address. Provide an address such as "jane@acme.com".`,
    );
  }

  // Only the address is checked for zero-width characters, because emoji in a display
  // name use U+200D legitimately.
  const zeroWidthIndex = findZeroWidthCharacter(text);
  if (zeroWidthIndex !== -1) {
    const codePoint = formatCodePoint(text.charCodeAt(zeroWidthIndex));
    return reject(
      input,
      'zero_width_character',
      `Invalid email ${quotedInput}: the address contains the zero-width character ${codePoint} at index ${zeroWidthIndex}. ` +
        'Remove the invisible character, which usually comes from text copied out of a web page or chat, and try again.',
    );
  }

  // Split at the last "@" because a quoted local part may contain "@" itself.
  const atIndex = text.lastIndexOf('@');
  if (atIndex === -1) {
    return reject(
      input,
      'missing_at',
      `Invalid email ${quotedInput}: there is no "@" between the local part and the domain. Use the form name@company.com.`,
    );
  }

  const local = text.slice(0, atIndex);
  const rawDomain = text.slice(atIndex + 1);

  if (local.length === 0) {
    return reject(
      input,
      'empty_local_part',
      `Invalid email ${quotedInput}: the local part before "@" is empty. Use the form name@company.com.`,
    );
  }

  const localPartIssue = findLocalPartIssue(local);
  if (localPartIssue !== undefined) {
    return reject(input, 'invalid_local_part', `Invalid email ${quotedInput}: the local part ${quote(local)} ${localPartIssue}`);
  }

  const normalized = normalizeDomain(rawDomain);
  if (!normalized.ok) {
    const fix = normalized.code === 'empty_domain' ? ' Add the domain after "@", as in jane@acme.com.' : '';
    return reject(
      input,
      normalized.code,
      `Invalid email ${quotedInput}: the domain ${quote(rawDomain)} ${normalized.reason}${fix}`,
    );
  }

  // The length limits apply to the canonical form, so that parsing `address` again gives the same result.
  const lowerLocal = local.toLowerCase();
  const localOctets = utf8Length(lowerLocal);
  if (localOctets > MAX_LOCAL_PART_OCTETS) {
    return reject(
      input,
      'invalid_local_part',
      `Invalid email ${quotedInput}: the local part is ${localOctets} bytes long in UTF-8, but the maximum is ${MAX_LOCAL_PART_OCTETS}.`,
    );
  }

  const address = `${lowerLocal}@${normalized.domain}`;
  const addressOctets = utf8Length(address);
  if (addressOctets > MAX_ADDRESS_OCTETS) {
    return reject(
      input,
      'too_long',
      `Invalid email ${quotedInput}: the address is ${addressOctets} bytes long in UTF-8, but the maximum is ${MAX_ADDRESS_OCTETS}.`,
    );
  }

  const plus = local.startsWith('"') ? -1 : local.indexOf('+');
  return {
    ok: true,
    address,
    local,
    domain: normalized.domain,
    freeMail: freeMailDomains.has(normalized.domain),
    disposable: isDisposable?.(normalized.domain) === true,
    ...(plus === -1 ? {} : { tag: local.slice(plus + 1) }),
    ...(displayName === undefined ? {} : { displayName }),
  };
}

/**
 * A plain ASCII address, which most input is: common local-part characters, and labels of
 * letters, digits and hyphens that start and end with a letter or digit, the last one with a
 * letter. Anything else, and labels with `--` as their third and fourth characters (punycode
 * `xn--`), take the full path, which gives the same result.
 */
const PLAIN_ADDRESS =
  /^[A-Za-z0-9._%+=!#$&'*/?^`{|}~-]{1,64}@(?:(?!..--)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?!..--)[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const UPPER_CASE = /[A-Z]/;

/** Parses a plain ASCII address with one pattern test, or returns undefined so that the full parser runs. */
function parsePlainAddress(
  input: string,
  freeMailDomains: ReadonlySet<string>,
  isDisposable: ((domain: string) => boolean) | undefined,
): ParsedEmail | undefined {
  // A plain address is ASCII, so its length in characters is its length in octets, and its
  // domain has at most 252 characters. The pattern rejects ":", so "mailto:" never matches.
  if (input.length > MAX_ADDRESS_OCTETS || !PLAIN_ADDRESS.test(input)) {
    return undefined;
  }

  const at = input.indexOf('@');
  const address = UPPER_CASE.test(input) ? input.toLowerCase() : input;
  const local = input.slice(0, at);
  const domain = address.slice(at + 1);
  const freeMail = freeMailDomains.has(domain);
  const disposable = isDisposable?.(domain) === true;
  const plus = local.indexOf('+');
  // Two literals instead of a spread, so that every result without a tag has one shape.
  if (plus === -1) {
    return { ok: true, address, local, domain, freeMail, disposable };
  }
  return { ok: true, address, local, domain, freeMail, disposable, tag: local.slice(plus + 1) };
}

/**
 * Parses an email address as people type it and returns its canonical form, or an issue with a code and message.
 *
 * It never throws, and every input, including non-strings, gets a result.
 *
 * @example
 * const result = parseEmail(' Jane Doe <Jane@München.DE.> ');
 * if (result.ok) {
 *   result.address; // 'jane@xn--mnchen-3ya.de'
 *   result.local; // 'Jane'
 *   result.freeMail; // false
 * } else {
 *   console.warn(result.code, result.message);
 * }
 */
export function parseEmail(input: unknown): EmailResult {
  return parseEmailWith(input, defaultFreeMailDomains());
}

function reject(input: unknown, code: EmailIssueCode, message: string): EmailIssue {
  return { ok: false, code, message, input };
}

/** Splits `Jane Doe <jane@acme.com>` into the address and the display name. Other text is all address. */
function splitDisplayName(text: string): { readonly address: string; readonly displayName?: string } {
  if (!text.endsWith('>')) {
    return { address: text };
  }

  const openIndex = text.lastIndexOf('<');
  if (openIndex === -1) {
    return { address: text };
  }

  const address = trimWhiteSpace(text.slice(openIndex + 1, -1));
  let displayName = trimWhiteSpace(text.slice(0, openIndex));
  if (displayName.length >= 2 && displayName.startsWith('"') && displayName.endsWith('"')) {
    displayName = trimWhiteSpace(displayName.slice(1, -1));
  }

  return displayName.length === 0 ? { address } : { address, displayName };
}

/**
 * Checks the characters of a non-empty local part. The check is looser than RFC 5322:
 * it allows leading, trailing and doubled dots and non-ASCII letters, as mail providers do.
 */
function findLocalPartIssue(local: string): string | undefined {
  const quoted = local.length >= 2 && local.startsWith('"') && local.endsWith('"');

  if (CONTROL_CHARACTER.test(local)) {
    return 'contains a control character. Remove it.';
  }

  if (quoted) {
    return undefined;
  }

  if (WHITE_SPACE.test(local)) {
    return 'contains white space. Remove it.';
  }

  const special = UNQUOTED_LOCAL_PART_SPECIALS.exec(local);
  if (special !== null) {
    return `contains ${quote(special[0])}, which is allowed only inside a quoted local part. Remove it.`;
  }

  return undefined;
}

/** Counts the UTF-8 octets of `text`. A lone surrogate counts as 3, the size of its U+FFFD replacement. */
function utf8Length(text: string): number {
  let octets = 0;

  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);

    if (unit < 0x80) {
      octets += 1;
    } else if (unit < 0x800) {
      octets += 2;
    } else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(index + 1))) {
      octets += 4;
      index += 1;
    } else {
      octets += 3;
    }
  }

  return octets;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
