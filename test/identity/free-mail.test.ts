import { describe, expect, it } from 'vitest';

import { createEmailClassifier, FREE_MAIL_SOURCE, isFreeMailDomain, type EmailClassifierOptions } from '../../src/identity/index.js';
import { decodeDomains, defaultFreeMailDomains } from '../../src/identity/free-mail.js';

const freeMailDomains = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.de',
  'gmx.net',
  'gmx.com',
  'web.de',
  'mail.ru',
  'yandex.ru',
  'yandex.com',
  'zoho.com',
  'qq.com',
  '163.com',
  '126.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
  'mail.com',
  'libero.it',
  'orange.fr',
  'free.fr',
  't-online.de',
  'comcast.net',
];

const companyDomains = ['acme.com', 'globaltechinc.com', 'google.com', 'mail.google.com', 'corp.mail.ru', 'gmail.co'];

const nonDomains: readonly unknown[] = [
  '',
  ' ',
  'gmail',
  'jane@gmail.com',
  'gmail..com',
  '__proto__',
  '\uFEFFgmail.com',
  'constructor',
  'toString',
  'hasOwnProperty',
  null,
  undefined,
  42,
  {},
  ['gmail.com'],
];

describe('isFreeMailDomain', () => {
  it.each(freeMailDomains)('detects %s', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each(companyDomains)('ignores company domain %s', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });

  it.each(['GMAIL.COM', 'Gmail.Com', 'gmail.com.', ' gmail.com ', 'Hotmail.Co.UK.'])('normalises %s', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each(nonDomains)('returns false for %o', (value) => {
    expect(isFreeMailDomain(value as string)).toBe(false);
  });
});

describe('createEmailClassifier', () => {
  it('matches defaults without options', () => {
    const classifier = createEmailClassifier();

    expect(classifier.kind).toBe('email_classifier');
    expect(classifier.isFreeMailDomain('gmail.com')).toBe(true);
    expect(classifier.isFreeMailDomain('acme.com')).toBe(false);
  });

  it('adds free-mail domains', () => {
    const classifier = createEmailClassifier({ addFreeMail: ['MAIL.bg.', 'Bücher-Post.de'] });

    expect(classifier.isFreeMailDomain('mail.bg')).toBe(true);
    expect(classifier.isFreeMailDomain('xn--bcher-post-9db.de')).toBe(true);
    expect(classifier.isFreeMailDomain('gmail.com')).toBe(true);
    expect(isFreeMailDomain('mail.bg')).toBe(false);
  });

  it('removes free-mail domains', () => {
    const classifier = createEmailClassifier({ removeFreeMail: ['HEY.com'] });

    expect(classifier.isFreeMailDomain('hey.com')).toBe(false);
    expect(classifier.isFreeMailDomain('gmail.com')).toBe(true);
    expect(isFreeMailDomain('hey.com')).toBe(true);
  });

  it('ignores removal of unlisted domains', () => {
    const classifier = createEmailClassifier({ removeFreeMail: ['acme.com'] });

    expect(classifier.isFreeMailDomain('acme.com')).toBe(false);
    expect(classifier.isFreeMailDomain('gmail.com')).toBe(true);
  });

  it('parses with its own list', () => {
    const classifier = createEmailClassifier({ addFreeMail: ['mail.bg'], removeFreeMail: ['hey.com'] });

    const added = classifier.parseEmail('ivan@mail.bg');
    const removed = classifier.parseEmail('ceo@hey.com');

    expect(added).toMatchObject({ ok: true, freeMail: true });
    expect(removed).toMatchObject({ ok: true, freeMail: false });
  });

  it('returns a frozen object', () => {
    const classifier = createEmailClassifier();

    expect(Object.isFrozen(classifier)).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['non-object options', 'gmail.com', 'expected an options object'],
    ['non-array addFreeMail', { addFreeMail: 'abv.bg' }, 'addFreeMail: must be an array'],
    ['non-string entry', { removeFreeMail: ['hey.com', 7] }, 'removeFreeMail[1]: must be a domain string, received number 7'],
    ['invalid domain', { addFreeMail: ['abv'] }, 'addFreeMail[0]: is invalid. The domain "abv" has only one label.'],
    ['conflicting domain', { addFreeMail: ['abv.bg'], removeFreeMail: ['ABV.BG'] }, '"abv.bg" is in both addFreeMail and removeFreeMail'],
  ])('rejects %s', (_case, options, expectedMessage) => {
    expect(() => createEmailClassifier(options as EmailClassifierOptions)).toThrowError(
      `createEmailClassifier: `,
    );
    expect(() => createEmailClassifier(options as EmailClassifierOptions)).toThrowError(expectedMessage);
  });
});

describe('built-in free-mail list', () => {
  it('decodes every generated domain', () => {
    const domains = defaultFreeMailDomains();

    expect(domains.size).toBe(FREE_MAIL_SOURCE.domains);
    for (const domain of ['126.com', 'yahoo.com.au', 'bigpond.net.au', 'i.am', 'zzn.com']) {
      expect(domains.has(domain)).toBe(true);
    }
  });

  it('decodes grouped domains', () => {
    expect(decodeDomains('au:bigpond.net,yahoo.com;com:aol')).toEqual(['bigpond.net.au', 'yahoo.com.au', 'aol.com']);
  });
});
