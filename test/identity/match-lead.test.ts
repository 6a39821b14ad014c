import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';

import {
  accountIndex,
  createEmailClassifier,
  matchAccount,
  matchLead,
  type AccountLike,
  type LeadMatch,
} from '../../src/identity/index.js';
import { ConfigError } from '../../src/internal/config-error.js';
import { disposableEmailDomains, publicSuffixList } from '../../src/public-suffix/index.js';
import { dataFile } from '../support/data.js';

interface Account extends AccountLike {
  readonly industry?: string;
}

const accounts: readonly Account[] = [
  { id: 'acc_acme', name: 'Acme, Inc.', domains: ['acme.co.uk'], aliasDomains: ['acme-brand.com'], ownerId: 'ana', employees: 900 },
  { id: 'acc_acme_eu', name: 'Acme Europe GmbH', domains: ['eu.acme.co.uk'], parentId: 'acc_acme' },
  { id: 'acc_acme_fr', name: 'Acme France SAS', domains: ['acme.fr'], parentId: 'acc_acme_eu' },
  { id: 'acc_global', name: 'Global Tech Inc', domains: [] },
  { id: 'acc_nestle', name: 'Nestlé S.A.', domains: ['nestle.com'] },
  { id: 'acc_github', name: 'GitHub', domains: ['github.com', 'github.io'] },
  { id: 'acc_nhs', name: 'NHS England', domains: ['nhs.uk'] },
  { id: 'acc_mueller', name: 'Mueller Painting & Decorating', domains: [] },
];

const psl = publicSuffixList();
const index = accountIndex(accounts, { publicSuffix: psl });

function expectFound(match: LeadMatch<Account>): Extract<LeadMatch<Account>, { matched: true }> {
  if (!match.matched) {
    throw new Error(`expected a match, but got ${match.code}: ${match.message}`);
  }
  return match;
}

interface LeadCase {
  readonly email?: unknown;
  readonly company?: unknown;
  readonly accountId: string;
  readonly step: string;
  readonly confidence: number;
}

const leadCases: readonly LeadCase[] = [
  { email: 'jane@acme.co.uk', accountId: 'acc_acme', step: 'domain', confidence: 1 },
  { email: 'user@eu.acme.co.uk', accountId: 'acc_acme_eu', step: 'domain', confidence: 1 },
  { email: 'user@paris.eu.acme.co.uk', accountId: 'acc_acme_eu', step: 'domain', confidence: 0.95 },
  { email: 'user@uk.acme.co.uk', accountId: 'acc_acme', step: 'domain', confidence: 0.95 },
  { email: 'user@acme-brand.com', accountId: 'acc_acme', step: 'alias', confidence: 0.9 },
  { email: 'user@github.io', accountId: 'acc_github', step: 'domain', confidence: 1 },
  { email: 'user@nhs.uk', accountId: 'acc_nhs', step: 'domain', confidence: 1 },
  { email: 'jane@gmail.com', company: 'ACME INC', accountId: 'acc_acme', step: 'name', confidence: 0.8 },
  { email: 'jane@GOOGLEMAIL.com', company: 'Nestle', accountId: 'acc_nestle', step: 'name', confidence: 0.8 },
  { company: 'Mueller Painting and Decorating', accountId: 'acc_mueller', step: 'name', confidence: 0.8 },
  { email: 'x@globaltechinc.com', accountId: 'acc_global', step: 'domain_label', confidence: 0.7 },
  { email: 'x@global-tech.de', accountId: 'acc_global', step: 'domain_label', confidence: 0.7 },
  { email: 'x@nestle.co.jp', accountId: 'acc_nestle', step: 'domain_label', confidence: 0.7 },
  { email: 'not an email', company: 'Global Tec', accountId: 'acc_global', step: 'fuzzy_name', confidence: 0.54 },
];

describe('matchLead', () => {
  it.each(leadCases)('matches $email / $company by $step', (expected) => {
    const match = expectFound(matchLead(index, { email: expected.email, company: expected.company }));

    expect(match.account.id).toBe(expected.accountId);
    expect(match.step).toBe(expected.step);
    expect(match.confidence).toBeCloseTo(expected.confidence, 3);
  });

  it.each([
    ['user@trust.nhs.uk', 'no_account'],
    ['user@mailinator.com', 'no_account'],
    ['user@gmail.com', 'free_mail'],
    ['user@exa\u200Bmple.com', 'invalid_email'],
  ])('reports no match for %s', (email, code) => {
    const match = matchLead(index, { email });

    expect(match.matched).toBe(false);
    expect(match.matched ? undefined : match.code).toBe(code);
  });

  it('keeps github.io hosts apart', () => {
    const match = expectFound(matchLead(index, { email: 'user@acme.github.io' }));

    expect(match.account.id).toBe('acc_acme');
    expect(match.step).toBe('domain_label');
    expect(matchAccount(index, 'user@acme.github.io').matched).toBe(false);
  });

  it('never matches free mail by label', () => {
    const gmailIndex = accountIndex([{ id: 'acc_g', name: 'Gmail', domains: [] }], { publicSuffix: psl });

    expect(matchLead(gmailIndex, { email: 'x@gmail.com' }).matched).toBe(false);
  });

  it('rejects disposable domains', () => {
    const classifier = createEmailClassifier({ disposable: disposableEmailDomains() });
    const disposableIndex = accountIndex([{ id: 'acc_m', name: 'Mailinator', domains: [] }], { classifier });

    const match = matchLead(disposableIndex, { email: 'x@mailinator.com' });

    expect(match.matched).toBe(false);
    expect(match.matched ? undefined : match.code).toBe('disposable_email');
  });

  it('reports parents up the chain', () => {
    const match = expectFound(matchLead(index, { email: 'x@acme.fr' }));

    expect(match.account.id).toBe('acc_acme_fr');
    expect(match.parent?.id).toBe('acc_acme_eu');
    expect(match.ultimateParent?.id).toBe('acc_acme');
  });

  it('lists runners-up by rank', () => {
    const match = expectFound(matchLead(index, { email: 'x@paris.eu.acme.co.uk', company: 'Nestlé' }));

    expect(match.account.id).toBe('acc_acme_eu');
    expect(match.runnersUp.map((candidate) => [candidate.account.id, candidate.step])).toEqual([
      ['acc_acme', 'domain'],
      ['acc_nestle', 'name'],
    ]);
  });

  it('reports the registrable domain', () => {
    const match = expectFound(matchLead(index, { email: 'x@paris.eu.acme.co.uk' }));

    expect(match.step === 'domain' ? match.registrableDomain : undefined).toBe('acme.co.uk');
  });

  it('never throws on any lead', () => {
    for (const lead of [null, undefined, 42, 'x@acme.co.uk', { email: 5, company: {} }, { __proto__: { email: 'x@acme.co.uk' } }]) {
      expect(typeof matchLead(index, lead as never).matched).toBe('boolean');
    }
  });

  it('reads a throwing email getter as missing', () => {
    const lead = {
      get email(): string {
        throw new Error('lazy field failed');
      },
      company: 'Nestlé',
    };

    const match = expectFound(matchLead(index, lead));

    expect(match.account.id).toBe('acc_nestle');
    expect(match.step).toBe('name');
  });

  it('survives throwing and revoked proxies', () => {
    const throwing = new Proxy({}, {
      get() {
        throw new Error('proxy trap failed');
      },
    });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();

    for (const lead of [throwing, revocable.proxy]) {
      const match = matchLead(index, lead);

      expect(match.matched).toBe(false);
      expect(match.matched ? '' : match.message).toBe('No account matches the lead: it has neither an email nor a company name.');
    }
  });

  it('names the company in a free-mail miss', () => {
    const match = matchLead(index, { email: 'jo@gmail.com', company: 'Globx' });

    expect(match.matched ? '' : match.message).toBe(
      'The email "jo@gmail.com" uses the free-mail domain "gmail.com", and no account matches the company name "Globx".',
    );
  });

  it('names the company in a domain miss', () => {
    const match = matchLead(index, { email: 'jo@unknown-corp.com', company: 'Globx' });

    expect(match.matched ? '' : match.message).toBe('No account matches the domain "unknown-corp.com" or the company name "Globx".');
  });

  it('reads placeholder fields as missing', () => {
    const selectIndex = accountIndex([{ id: 'acc_select', name: 'Select', domains: ['select.com'] }]);
    const match = matchLead(selectIndex, { email: ' Select ', company: 'Please select' });

    expect(match).toEqual({
      matched: false,
      code: 'no_account',
      message: 'No account matches the lead: it has neither an email nor a company name.',
    });
  });

  it('matches by name past a placeholder email', () => {
    const match = expectFound(matchLead(index, { email: 'Select', company: 'Nestlé' }));

    expect(match.step).toBe('name');
    expect(match.account.id).toBe('acc_nestle');
  });

  it('names a missing email, not an invalid one', () => {
    for (const email of ['--None--', '', NaN, null]) {
      const match = matchLead(index, { email, company: 'Globx' });

      expect(match.matched ? '' : match.message).toBe('No account matches the lead: it has no email, and no account matches the company name "Globx".');
    }
  });

  test.prop([fc.constantFrom(0.5, 0.6, 0.7, 0.8, 0.9), fc.integer({ min: 4, max: 12 })])(
    'accepts a fuzzy name exactly at the threshold',
    (threshold, longer) => {
      // A key that lacks its last letters is as similar as its length ratio, with no edits inside.
      const missing = Math.round((1 - threshold) * longer);
      fc.pre(missing >= 1 && longer - missing >= 4 && 1 - missing / longer === threshold);
      const name = 'Qwrtzpsdfg'.concat('hjklm').slice(0, longer);
      const short = accountIndex([{ id: 'acc_short', name: name.slice(0, longer - missing), domains: [] }], { fuzzyThreshold: threshold });

      expect(expectFound(matchLead(short, { company: name }))).toMatchObject({ step: 'fuzzy_name', similarity: threshold });
    },
  );

  it('rejects a null index', () => {
    const call = () => matchLead(null as never, { email: 'x@acme.co.uk' });

    expect(call).toThrowError(ConfigError);
    expect(call).toThrowError('matchLead: index: expected an index built by accountIndex(), received null.');
  });
});

describe('tie-breaking', () => {
  const tied = accountIndex([
    { id: 'acc_small', name: 'Tie Co', domains: ['tie.com'], employees: 10 },
    { id: 'acc_owned', name: 'Tie Co', domains: ['tie.com'], ownerId: 'ana', employees: 5 },
    { id: 'acc_large', name: 'Tie Co', domains: ['tie.com'], employees: 5000 },
    { id: 'acc_alias', name: 'Other', domains: [], aliasDomains: ['tie.com'], ownerId: 'ben', employees: 99999 },
  ]);

  it('ranks domain, owner, size, position', () => {
    const match = matchAccount(tied, 'x@tie.com');

    expect(match.matched ? match.account.id : undefined).toBe('acc_owned');
    expect(match.matched ? match.runnersUp.map((candidate) => candidate.account.id) : []).toEqual([
      'acc_large',
      'acc_small',
      'acc_alias',
    ]);
  });

  it('ranks by list position last', () => {
    const twins = accountIndex([
      { id: 'acc_1', name: 'Twin', domains: ['twin.com'] },
      { id: 'acc_2', name: 'Twin', domains: ['twin.com'] },
    ]);

    const match = matchAccount(twins, 'x@twin.com');

    expect(match.matched ? match.account.id : undefined).toBe('acc_1');
  });

  it('caps runners-up', () => {
    const capped = accountIndex([
      { id: 'acc_1', name: 'A', domains: ['same.com'] },
      { id: 'acc_2', name: 'B', domains: ['same.com'] },
      { id: 'acc_3', name: 'C', domains: ['same.com'] },
    ], { maxRunnersUp: 1 });

    const match = matchAccount(capped, 'x@same.com');

    expect(match.matched ? match.runnersUp.length : -1).toBe(1);
  });
});

describe('accountIndex options', () => {
  it.each<[string, object, string]>([
    ['bad publicSuffix', { publicSuffix: {} }, 'publicSuffix'],
    ['bad maxRunnersUp', { maxRunnersUp: -1 }, 'maxRunnersUp'],
    ['bad fuzzyThreshold', { fuzzyThreshold: 2 }, 'fuzzyThreshold'],
    ['NaN fuzzyThreshold', { fuzzyThreshold: Number.NaN }, 'fuzzyThreshold'],
  ])('rejects %s', (_case, options, path) => {
    expect(() => accountIndex([], options)).toThrowError(`accountIndex: ${path}: `);
  });

  it('rejects parent cycles', () => {
    const build = () =>
      accountIndex([
        { id: 'a', name: 'A', domains: [], parentId: 'b' },
        { id: 'b', name: 'B', domains: [], parentId: 'a' },
      ]);

    expect(build).toThrowError('parentId chain that loops');
  });

  it('ignores unknown parents', () => {
    const orphan = accountIndex([{ id: 'a', name: 'A', domains: ['a.com'], parentId: 'missing' }]);
    const match = matchAccount(orphan, 'x@a.com');

    expect(match.matched).toBe(true);
    expect(match.matched ? match.parent : 'no match').toBeUndefined();
  });
});

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/).filter((text) => text.slice(2, 4) !== '--');

describe('matching properties', () => {
  test.prop([fc.constantFrom('acme.co.uk', 'nestle.com', 'github.com'), fc.array(label, { minLength: 1, maxLength: 3 })])(
    'subdomains match the account domain',
    (domain, prefix) => {
      const match = expectFound(matchLead(index, { email: `lead@${prefix.join('.')}.${domain}` }));
      const account = accounts.find((candidate) => candidate.domains.includes(domain));

      fc.pre(!(domain === 'acme.co.uk' && prefix[prefix.length - 1] === 'eu'));
      expect(match.account).toBe(account);
      expect(match.step === 'domain' ? match.registrableDomain : undefined).toBe(domain);
    },
  );

  test.prop([fc.constantFrom('Select', 'select...', 'PLEASE SELECT', '--None--', '', '   '), fc.constantFrom('email', 'company')])(
    'a placeholder field equals an absent one',
    (placeholder, field) => {
      const base = { email: 'jo@gmail.com', company: 'Nestlé' };
      const { [field]: _removed, ...absent } = base;

      expect(matchLead(index, { ...base, [field]: placeholder })).toEqual(matchLead(index, absent));
    },
  );

  test.prop([fc.anything(), fc.anything()])('never throws on lead fields', (email, company) => {
    expect(typeof matchLead(index, { email, company }).matched).toBe('boolean');
  });
});

const crmFile = dataFile('crm-accounts.csv');

describe('CRM sample', () => {
  it.skipIf(!crmFile.present)('rolls subsidiaries up (needs crm-accounts.csv in NETSPEAR_DATA)', () => {
    const rows = readFileSync(crmFile.path as string, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const crmAccounts = rows.map(([name = '', , , , employees = '', , parent = '']) => ({
      id: name,
      name,
      domains: [] as string[],
      employees: Number(employees),
      ...(parent.trim() === '' ? {} : { parentId: parent.trim() }),
    }));
    const crmIndex = accountIndex(crmAccounts, { publicSuffix: psl });
    const child = crmAccounts.find((account) => account.parentId !== undefined);
    expect(child).toBeDefined();

    const match = expectFound(matchLead(crmIndex, { company: `${child?.name ?? ''}, Inc.` }));

    expect(match.account).toBe(child);
    expect(match.parent?.name).toBe(child?.parentId);
    expect(match.ultimateParent).toBeDefined();
  });
});

describe('matchLead domain label ties', () => {
  it('ranks by owner within the step', () => {
    const index = accountIndex(
      [
        { id: 'acc_one_word', name: 'GlobalTechInc', domains: [] },
        { id: 'acc_owned', name: 'Global Tech Inc', domains: [], ownerId: 'ana' },
      ],
      { publicSuffix: psl },
    );
    const match = matchLead(index, { email: 'sam@globaltechinc.de' });

    expect(match.matched).toBe(true);
    if (!match.matched) return;
    expect(match.account.id).toBe('acc_owned');
    expect(match.step).toBe('domain_label');
    expect(match.runnersUp.map((r) => r.account.id)).toEqual(['acc_one_word']);
  });
});

describe('matchLead by website', () => {
  it('matches a free-mail lead by its website', () => {
    const match = matchLead(index, { email: 'Jo@Gmail.com', website: 'https://www.Acme.co.uk/about?ref=ad#team' });

    expect(match).toStrictEqual({
      matched: true,
      account: accounts[0],
      step: 'website',
      via: 'domain',
      confidence: 0.85,
      website: 'acme.co.uk',
      matchedDomain: 'acme.co.uk',
      domain: 'gmail.com',
      email: 'jo@gmail.com',
      runnersUp: [],
    });
  });

  it.each([
    'acme.co.uk',
    'www.acme.co.uk',
    'ACME.CO.UK.',
    'acme.co.uk:443',
    '//acme.co.uk',
    'http://user@www2.acme.co.uk/path',
    ' acme.co.uk/ ',
  ])('reads the host of %j', (website) => {
    const match = expectFound(matchLead(index, { website }));

    expect([match.step, 'website' in match ? match.website : undefined, match.account.id]).toEqual(['website', 'acme.co.uk', 'acc_acme']);
  });

  it('matches a subdomain at lower confidence', () => {
    const match = expectFound(matchLead(index, { website: 'shop.acme.fr' }));

    expect(match).toMatchObject({ step: 'website', via: 'subdomain', confidence: 0.8, website: 'shop.acme.fr', matchedDomain: 'acme.fr' });
    expect(match.account.id).toBe('acc_acme_fr');
    expect(match.parent?.id).toBe('acc_acme_eu');
    expect(match.ultimateParent?.id).toBe('acc_acme');
  });

  it('matches an alias domain', () => {
    const match = expectFound(matchLead(index, { website: 'acme-brand.com' }));

    expect(match).toMatchObject({ step: 'website', via: 'domain', confidence: 0.85, matchedDomain: 'acme-brand.com' });
  });

  it('ranks below the email domain', () => {
    const match = expectFound(matchLead(index, { email: 'jo@nestle.com', website: 'acme.co.uk' }));

    expect(match.step).toBe('domain');
    expect(match.account.id).toBe('acc_nestle');
    expect(match.runnersUp).toEqual([{ account: accounts[0], step: 'website', confidence: 0.85, matchedDomain: 'acme.co.uk' }]);
  });

  it('ranks above the company name', () => {
    const match = expectFound(matchLead(index, { email: 'jo@gmail.com', company: 'Nestlé', website: 'acme.co.uk' }));

    expect(match.step).toBe('website');
    expect(match.runnersUp).toEqual([{ account: accounts[4], step: 'name', confidence: 0.8, matchedKey: 'nestle' }]);
  });

  it('skips a website equal to the email domain', () => {
    const match = expectFound(matchLead(index, { email: 'jo@acme.co.uk', website: 'www.acme.co.uk' }));

    expect(match.step).toBe('domain');
    expect(match.runnersUp).toEqual([]);
  });

  it.each([['gmail.com'], ['mailinator.com'], ['not a url'], ['http://'], ['localhost'], ['10.0.0.1'], [42], ['Select']])(
    'ignores the website %j',
    (website) => {
      const classified = accountIndex(accounts, { publicSuffix: psl, classifier: createEmailClassifier({ disposable: disposableEmailDomains() }) });

      expect(matchLead(classified, { company: 'Globx', website })).toEqual(matchLead(classified, { company: 'Globx' }));
    },
  );

  it('ends the host at a backslash', () => {
    const match = matchLead(index, { website: 'http://evil.com\\@acme.co.uk/' });

    expect(match.matched ? '' : match.message).toBe('No account matches the lead: it has no email, and no account matches the website "evil.com".');
  });

  it('names an unusable website in a miss', () => {
    const messages = ['gmail.com', 'not a url', 'Select'].map((website) => matchLead(index, { website })).map((match) => (match.matched ? '' : match.message));

    expect(messages).toEqual([
      'No account matches the lead: it has neither an email nor a company name, and its website "gmail.com" is not a company domain.',
      'No account matches the lead: it has neither an email nor a company name, and its website "not a url" is not a company domain.',
      'No account matches the lead: it has neither an email nor a company name.',
    ]);
  });

  it('names the website in a miss', () => {
    const messages = [
      matchLead(index, { email: 'jo@unknown-corp.com', company: 'Globx', website: 'other.com' }),
      matchLead(index, { email: 'jo@gmail.com', company: 'Globx', website: 'other.com' }),
      matchLead(index, { website: 'https://other.com' }),
    ].map((match) => (match.matched ? '' : match.message));

    expect(messages).toEqual([
      'No account matches the domain "unknown-corp.com", the website "other.com" or the company name "Globx".',
      'The email "jo@gmail.com" uses the free-mail domain "gmail.com", and no account matches the website "other.com" or the company name "Globx".',
      'No account matches the lead: it has no email, and no account matches the website "other.com".',
    ]);
  });

  test.prop([
    fc.constantFrom('acme.co.uk', 'nestle.com', 'github.com', 'acme-brand.com'),
    fc.constantFrom('', 'www.', 'https://', 'http://www.', '//'),
    fc.constantFrom('', '/', '/about', '?q=1', '#top', ':8080'),
  ])('a website matches as its domain would', (domain, prefix, suffix) => {
    const byWebsite = expectFound(matchLead(index, { website: `${prefix}${domain}${suffix}` }));
    const byEmail = expectFound(matchLead(index, { email: `lead@${domain}` }));

    expect(byWebsite.account).toBe(byEmail.account);
    expect(byWebsite.confidence).toBe(0.85);
  });
});
