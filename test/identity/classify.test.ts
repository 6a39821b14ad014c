import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';

import {
  classifyEmail,
  createEmailClassifier,
  FREE_MAIL_SOURCE,
  isRoleAccount,
  type EmailCategory,
} from '../../src/identity/index.js';
import { defaultEmailClassifier } from '../../src/identity/classifier.js';
import { disposableEmailDomains } from '../../src/public-suffix/index.js';
import { FREE_MAIL_MODULE, readEmailListSources, renderEmailListModules } from '../../scripts/generate-email-lists.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const classifier = createEmailClassifier({ disposable: disposableEmailDomains(), removeDisposable: ['33mail.com'] });

interface ClassifyCase {
  readonly input: string;
  readonly address?: string;
  readonly category?: EmailCategory;
  readonly role?: boolean;
  readonly tag?: string;
  readonly code?: string;
}

const cases: readonly ClassifyCase[] = [
  { input: '"test@x"@example.com', address: '"test@x"@example.com', category: 'corporate', role: false },
  { input: 'USER@GMAIL.COM', address: 'user@gmail.com', category: 'free_mail', role: false },
  { input: 'jane@googlemail.com', address: 'jane@googlemail.com', category: 'free_mail', role: false },
  { input: '\u00A0user@example.com', address: 'user@example.com', category: 'corporate', role: false },
  { input: 'user@exa\u200Bmple.com', code: 'zero_width_character' },
  { input: 'user@acme.com.', address: 'user@acme.com', category: 'corporate', role: false },
  { input: 'user@.acme.com', code: 'invalid_domain' },
  { input: 'user@eu.acme.co.uk', address: 'user@eu.acme.co.uk', category: 'corporate', role: false },
  { input: 'user@acme.github.io', address: 'user@acme.github.io', category: 'corporate', role: false },
  { input: 'user@nhs.uk', address: 'user@nhs.uk', category: 'corporate', role: false },
  { input: 'admin@München.DE', address: 'admin@xn--mnchen-3ya.de', category: 'corporate', role: true },
  { input: 'admin@xn--mnchen-3ya.de', address: 'admin@xn--mnchen-3ya.de', category: 'corporate', role: true },
  { input: 'Jane Doe <Jane+Leads@Acme.com>', address: 'jane+leads@acme.com', category: 'corporate', role: false, tag: 'Leads' },
  { input: 'No-Reply@acme.com', address: 'no-reply@acme.com', category: 'corporate', role: true },
  { input: 'sales+eu@acme.com', address: 'sales+eu@acme.com', category: 'corporate', role: true, tag: 'eu' },
  { input: 'x@mailinator.com', address: 'x@mailinator.com', category: 'disposable', role: false },
  { input: 'x@anything.33mail.com', address: 'x@anything.33mail.com', category: 'corporate', role: false },
  { input: 'x@facebook.com', address: 'x@facebook.com', category: 'corporate', role: false },
];

describe('classifyEmail', () => {
  it.each(cases)('classifies $input', (expected) => {
    const result = classifyEmail(expected.input, classifier);

    if (expected.code !== undefined) {
      expect(result.ok).toBe(false);
      expect(result.ok ? undefined : result.code).toBe(expected.code);
      return;
    }
    expect(result.ok ? result.address : result.message).toBe(expected.address);
    expect(result.ok ? result.category : undefined).toBe(expected.category);
    expect(result.ok ? result.role : undefined).toBe(expected.role);
    expect(result.ok ? result.tag : undefined).toBe(expected.tag);
  });

  it('matches Unicode and punycode', () => {
    const unicode = classifyEmail('admin@München.DE');
    const punycode = classifyEmail('admin@xn--mnchen-3ya.de');

    expect(unicode.ok).toBe(true);
    expect(punycode.ok && punycode.address).toBe(unicode.ok && unicode.address);
  });

  it('needs a list for disposable', () => {
    const result = classifyEmail('x@mailinator.com');

    expect(result.ok).toBe(true);
    expect(result.ok ? result.category : undefined).toBe('corporate');
  });

  it('applies disposable wildcards', () => {
    const wildcard = createEmailClassifier({ disposable: disposableEmailDomains() });

    expect(wildcard.isDisposableDomain('anything.33mail.com')).toBe(true);
    expect(wildcard.isDisposableDomain('acme.com')).toBe(false);
  });

  it('adds and removes disposable domains', () => {
    const custom = createEmailClassifier({ addDisposable: ['burner.example'], removeDisposable: ['mailinator.com'], disposable: disposableEmailDomains() });

    expect(custom.isDisposableDomain('BURNER.example.')).toBe(true);
    expect(custom.isDisposableDomain('mailinator.com')).toBe(false);
  });

  it.each(['info', 'Sales', 'no.reply', 'do_not_reply', 'support+tickets'])('flags role %s', (local) => {
    expect(isRoleAccount(local)).toBe(true);
  });

  it.each(['jane', 'salesforce', 'information', ''])('keeps person %j', (local) => {
    expect(isRoleAccount(local)).toBe(false);
  });

  test.prop([fc.anything()])('never throws on any value', (input) => {
    expect(typeof classifyEmail(input, classifier).ok).toBe('boolean');
  });
});

describe('generated email lists', () => {
  it('records source and date', () => {
    expect(FREE_MAIL_SOURCE.package).toBe('email-providers');
    expect(FREE_MAIL_SOURCE.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(FREE_MAIL_SOURCE.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(disposableEmailDomains().source.package).toBe('disposable-email-domains');
  });

  it('matches a regeneration', () => {
    const modules = renderEmailListModules(readEmailListSources(), FREE_MAIL_SOURCE.generated);

    expect(readFileSync(`${root}/${FREE_MAIL_MODULE}`, 'utf8')).toBe(modules.freeMail);
  });
});

describe('default email classifier', () => {
  const built = createEmailClassifier();
  const inputs = fc.oneof(fc.emailAddress(), fc.domain(), fc.constantFrom('Jane@GMail.com', 'gmail.com.', 'x@mailinator.com', 'hey.com'), fc.anything());

  test.prop([inputs])('behaves like createEmailClassifier()', (input) => {
    const shared = defaultEmailClassifier();

    expect(shared.parseEmail(input)).toStrictEqual(built.parseEmail(input));
    expect(shared.isFreeMailDomain(input as string)).toBe(built.isFreeMailDomain(input as string));
    expect(shared.isDisposableDomain(input as string)).toBe(built.isDisposableDomain(input as string));
  });
});
