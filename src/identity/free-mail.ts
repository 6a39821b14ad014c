import { normalizeDomain, trimWhiteSpace } from './domain.js';

/**
 * Canonical domains of consumer mailbox providers: free webmail and the mail
 * services of internet providers. An address at one of them does not identify
 * the sender's employer.
 *
 * The list is a plain array so that bundlers can drop it when it is unused. The
 * lookup set is built on first use.
 */
const DEFAULT_FREE_MAIL_DOMAINS: readonly string[] = [
  // Google
  'gmail.com',
  'googlemail.com',
  // Microsoft
  'outlook.com',
  'outlook.de',
  'outlook.fr',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.de',
  'hotmail.es',
  'hotmail.fr',
  'hotmail.it',
  'live.com',
  'live.co.uk',
  'live.de',
  'live.fr',
  'msn.com',
  // Yahoo
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.co.in',
  'yahoo.co.jp',
  'yahoo.com.au',
  'yahoo.com.br',
  'yahoo.ca',
  'yahoo.de',
  'yahoo.es',
  'yahoo.fr',
  'yahoo.it',
  'ymail.com',
  'rocketmail.com',
  // Apple
  'icloud.com',
  'me.com',
  'mac.com',
  // AOL
  'aol.com',
  'aim.com',
  // Privacy-focused providers
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'tutanota.com',
  'tutanota.de',
  'tuta.com',
  'tuta.io',
  'hushmail.com',
  'mailbox.org',
  'posteo.de',
  'fastmail.com',
  'fastmail.fm',
  'runbox.com',
  'hey.com',
  // Germany, Austria, Switzerland
  'gmx.de',
  'gmx.net',
  'gmx.com',
  'gmx.at',
  'gmx.ch',
  'web.de',
  't-online.de',
  'freenet.de',
  // Russia and Ukraine
  'mail.ru',
  'bk.ru',
  'inbox.ru',
  'list.ru',
  'rambler.ru',
  'yandex.ru',
  'yandex.com',
  'ya.ru',
  'ukr.net',
  // China, Korea
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'sohu.com',
  'naver.com',
  'hanmail.net',
  'daum.net',
  // Other webmail
  'zoho.com',
  'zohomail.com',
  'mail.com',
  'email.com',
  'inbox.com',
  'rediffmail.com',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'interia.pl',
  // Italy, France
  'libero.it',
  'virgilio.it',
  'tiscali.it',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  // Internet providers in the United States, the United Kingdom, Canada and Australia
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'bellsouth.net',
  'cox.net',
  'charter.net',
  'earthlink.net',
  'juno.com',
  'netzero.net',
  'btinternet.com',
  'virginmedia.com',
  'ntlworld.com',
  'talktalk.net',
  'shaw.ca',
  'rogers.com',
  'sympatico.ca',
  'bigpond.com',
  'optusnet.com.au',
];

let defaultFreeMailSet: ReadonlySet<string> | undefined;

/** Returns the built-in free-mail domains as a set, building it on the first call. */
export function defaultFreeMailDomains(): ReadonlySet<string> {
  defaultFreeMailSet ??= new Set(DEFAULT_FREE_MAIL_DOMAINS);
  return defaultFreeMailSet;
}

/** Normalises `domain` and looks it up in `freeMailDomains`. Returns false for anything that is not a valid domain. */
export function isFreeMailDomainIn(domain: unknown, freeMailDomains: ReadonlySet<string>): boolean {
  if (typeof domain !== 'string') {
    return false;
  }

  const normalized = normalizeDomain(trimWhiteSpace(domain));
  return normalized.ok && freeMailDomains.has(normalized.domain);
}

/**
 * Checks whether `domain` belongs to a consumer mailbox provider such as Gmail, ignoring case and one trailing dot.
 *
 * @example
 * isFreeMailDomain('GMail.com'); // true
 * isFreeMailDomain('acme.com'); // false
 */
export function isFreeMailDomain(domain: string): boolean {
  return isFreeMailDomainIn(domain, defaultFreeMailDomains());
}
