import { formatCodePoint, quote } from './format.js';

/** Reason codes for a domain that cannot be normalised. */
export type DomainIssueCode = 'empty_domain' | 'invalid_domain';

/**
 * Outcome of normalising a domain. On failure, `reason` completes the sentence
 * "The domain "…" …", for example `has only one label.`
 */
export type DomainResult =
  | { readonly ok: true; readonly domain: string }
  | { readonly ok: false; readonly code: DomainIssueCode; readonly reason: string };

/**
 * Maximum length of a domain name in characters, without the trailing dot.
 * DNS allows 255 octets on the wire, which is 253 characters as text.
 */
const MAX_DOMAIN_LENGTH = 253;

/** Maximum length of one DNS label in characters. */
const MAX_LABEL_LENGTH = 63;

const ZERO_WIDTH_CHARACTER = /[\u200B-\u200D\u2060\uFEFF]/;

const WHITE_SPACE = /\s/;
/** An ASCII character other than a letter, digit, hyphen or dot. Non-ASCII code units pass to the IDNA step. */
const DISALLOWED_ASCII_CHARACTER = /[^A-Za-z0-9.\-\u0080-\uFFFF]/;
const NON_ASCII_CHARACTER = /[^\x00-\x7F]/;
const PUNYCODE_LABEL = /(?:^|\.)xn--/i;
const LABEL_CHARACTERS = /^[a-z0-9-]+$/;
const ALL_DIGITS = /^[0-9]+$/;

/** The part of the WHATWG URL constructor that this module uses. ES2022 lib files do not declare `URL`. */
interface UrlConstructor {
  new (input: string): { readonly hostname: string };
}

/** Returns the index of the first zero-width character (U+200B–U+200D, U+2060, U+FEFF) in `text`, or -1. */
export function findZeroWidthCharacter(text: string): number {
  const match = ZERO_WIDTH_CHARACTER.exec(text);
  return match === null ? -1 : match.index;
}

/**
 * Removes leading and trailing white space like `String.prototype.trim`, including U+00A0,
 * but keeps U+FEFF so that the zero-width check rejects it.
 */
export function trimWhiteSpace(text: string): string {
  // A loop instead of a /\s+$/ pattern, which takes quadratic time on long runs of inner white space.
  let start = 0;
  let end = text.length;

  while (start < end && isTrimmedCharacter(text.charAt(start))) {
    start += 1;
  }
  while (end > start && isTrimmedCharacter(text.charAt(end - 1))) {
    end -= 1;
  }

  return text.slice(start, end);
}

function isTrimmedCharacter(character: string): boolean {
  return character !== '\uFEFF' && WHITE_SPACE.test(character);
}

/**
 * Normalises a domain to its canonical form: lower-case ASCII, punycode for
 * internationalised labels, and no trailing dot.
 *
 * The canonical domain has at least `minLabels` labels of 1–63 letters, digits and
 * hyphens, no label starts or ends with a hyphen, and the last label is not
 * all digits, which rejects IPv4 addresses.
 */
export function normalizeDomain(raw: string, minLabels = 2): DomainResult {
  if (raw.length === 0) {
    return { ok: false, code: 'empty_domain', reason: 'is empty.' };
  }

  const characterIssue = findCharacterIssue(raw);
  if (characterIssue !== undefined) {
    return invalid(characterIssue);
  }

  const ascii = toAsciiDomain(raw);
  if (!ascii.ok) {
    return ascii;
  }

  const domain = ascii.domain.endsWith('.') ? ascii.domain.slice(0, -1) : ascii.domain;
  const structureIssue = findStructureIssue(domain, minLabels);
  if (structureIssue !== undefined) {
    return invalid(structureIssue);
  }

  return { ok: true, domain };
}

/** A URL scheme such as `https://`, or the `//` of a scheme-relative URL. */
const URL_SCHEME = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const PORT = /:[0-9]*$/;
const WWW_LABEL = /^www[0-9]*\./i;

/**
 * Normalises the host of a website that a person typed, such as `https://www.Acme.com/about`,
 * `acme.com:443` or `www.acme.com`: it drops the scheme, user info, path, query, fragment, port
 * and a leading `www` label, then normalises the rest like an account domain.
 */
export function normalizeWebsite(raw: string): DomainResult {
  let host = trimWhiteSpace(raw).replace(URL_SCHEME, '');
  // WHATWG URL parsing ends the host of an http(s) URL at a backslash too.
  const end = host.search(/[/\\?#]/);
  if (end !== -1) host = host.slice(0, end);
  host = host.slice(host.lastIndexOf('@') + 1).replace(PORT, '');
  const bare = host.replace(WWW_LABEL, '');
  return normalizeDomain(bare.includes('.') ? bare : host);
}

function invalid(reason: string): DomainResult {
  return { ok: false, code: 'invalid_domain', reason };
}

/** Finds characters that no domain may contain, before any conversion could hide them. */
function findCharacterIssue(raw: string): string | undefined {
  const zeroWidthIndex = findZeroWidthCharacter(raw);
  if (zeroWidthIndex !== -1) {
    const codePoint = formatCodePoint(raw.charCodeAt(zeroWidthIndex));
    return `contains the zero-width character ${codePoint} at index ${zeroWidthIndex}. Remove it.`;
  }

  if (WHITE_SPACE.test(raw)) {
    return 'contains white space. Remove it.';
  }

  if (raw.startsWith('[')) {
    return "is an IP address literal, which cannot identify a company. Use the company's domain name.";
  }

  // The URL parser would read "/", ":", "@", "?" or "#" as the end of the host and
  // silently drop the rest, so those must be rejected before conversion.
  const disallowed = DISALLOWED_ASCII_CHARACTER.exec(raw);
  if (disallowed !== null) {
    return `contains ${quote(disallowed[0])}, but a domain may contain only letters, digits, hyphens and dots.`;
  }

  return undefined;
}

/** Converts `raw` to lower-case ASCII. Labels that are not ASCII, or are already punycode, go through the URL host parser. */
function toAsciiDomain(raw: string): DomainResult {
  const needsIdna = NON_ASCII_CHARACTER.test(raw) || PUNYCODE_LABEL.test(raw);
  if (!needsIdna) {
    return { ok: true, domain: raw.toLowerCase() };
  }

  const Url = (globalThis as { readonly URL?: UrlConstructor }).URL;
  if (typeof Url !== 'function') {
    return invalid(
      'is an internationalised domain name, but this runtime has no URL constructor to convert it to punycode. ' +
        'Pass the punycode form (xn--…) instead.',
    );
  }

  // The WHATWG host parser applies UTS #46 processing: it maps case and full-width
  // dots, encodes labels as punycode and rejects disallowed code points.
  // NOTE: rare code points follow the runtime's IDNA tables, which can differ between runtimes.
  try {
    return { ok: true, domain: new Url(`http://${raw}`).hostname };
  } catch {
    return invalid('is not a valid internationalised domain name.');
  }
}

/** Checks the label rules on a lower-case ASCII domain without a trailing dot. */
function findStructureIssue(domain: string, minLabels: number): string | undefined {
  if (domain.length > MAX_DOMAIN_LENGTH) {
    return `is ${domain.length} characters long, but the maximum is ${MAX_DOMAIN_LENGTH}.`;
  }

  const labels = domain.split('.');
  for (const label of labels) {
    const labelIssue = findLabelIssue(label);
    if (labelIssue !== undefined) {
      return labelIssue;
    }
  }

  if (labels.length < minLabels) {
    return 'has only one label. Use a full domain such as "acme.com".';
  }

  const topLevelLabel = labels[labels.length - 1] ?? '';
  if (ALL_DIGITS.test(topLevelLabel)) {
    return "ends in an all-digit label, so it looks like an IP address. Use the company's domain name.";
  }

  return undefined;
}

function findLabelIssue(label: string): string | undefined {
  if (label.length === 0) {
    return 'has an empty label. Remove the leading, trailing or doubled dot.';
  }

  if (label.length > MAX_LABEL_LENGTH) {
    return `has a label of ${label.length} characters, but the maximum is ${MAX_LABEL_LENGTH}.`;
  }

  if (!LABEL_CHARACTERS.test(label)) {
    return `has the label ${quote(label)}, but a label may contain only letters, digits and hyphens.`;
  }

  if (label.startsWith('-') || label.endsWith('-')) {
    return `has the label ${quote(label)}, which starts or ends with a hyphen.`;
  }

  return undefined;
}
