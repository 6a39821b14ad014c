import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';

import {
  accountIndex,
  createEmailClassifier,
  matchAccount,
  matchLead,
  parseEmail,
  type AccountIndex,
  type AccountLike,
  type AccountMatch,
  type AccountMatchFound,
} from '../../src/identity/index.js';
import { ConfigError } from '../../src/internal/config-error.js';
import { publicSuffixList } from '../../src/public-suffix/index.js';

interface Account extends AccountLike {
  readonly owner: string;
}

const accounts: readonly Account[] = [
  { id: 'acc_global', name: 'Global Tech Inc', domains: ['globaltechinc.com', 'GlobalTech.com.'], owner: 'ana' },
  { id: 'acc_global_eu', name: 'Global Tech Europe', domains: ['eu.globaltech.com'], owner: 'ben' },
  { id: 'acc_mueller', name: 'Müller GmbH', domains: ['müller.de', ' mueller.de '], owner: 'cem' },
  { id: 'acc_acme_uk', name: 'Acme UK', domains: ['acme.co.uk'], owner: 'dia' },
  { id: 'acc_no_domains', name: 'Prospect without website', domains: [], owner: 'eve' },
];

const index = accountIndex(accounts);

function expectMatch<A extends AccountLike>(match: AccountMatch<A>): AccountMatchFound<A> {
  if (!match.matched) {
    throw new Error(`expected a match, but got ${match.code}: ${match.message}`);
  }
  return match;
}

/** Returns the message of the Error that `accountIndex` throws, or fails the test if it does not throw. */
function indexError(input: readonly unknown[], options?: unknown): string {
  try {
    accountIndex(input as readonly AccountLike[], options as Parameters<typeof accountIndex>[1]);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  throw new Error('expected accountIndex to throw');
}

interface MatchCase {
  readonly email: string;
  readonly accountId: string;
  readonly domain: string;
  readonly matchedDomain: string;
  readonly via: 'domain' | 'subdomain';
}

const matchCases: readonly MatchCase[] = [
  {
    email: 'someone@globaltechinc.com',
    accountId: 'acc_global',
    domain: 'globaltechinc.com',
    matchedDomain: 'globaltechinc.com',
    via: 'domain',
  },
  {
    email: 'Someone@GlobalTechInc.COM.',
    accountId: 'acc_global',
    domain: 'globaltechinc.com',
    matchedDomain: 'globaltechinc.com',
    via: 'domain',
  },
  {
    email: 'x@sales.globaltechinc.com',
    accountId: 'acc_global',
    domain: 'sales.globaltechinc.com',
    matchedDomain: 'globaltechinc.com',
    via: 'subdomain',
  },
  {
    email: 'x@us.globaltech.com',
    accountId: 'acc_global',
    domain: 'us.globaltech.com',
    matchedDomain: 'globaltech.com',
    via: 'subdomain',
  },
  {
    email: 'x@eu.globaltech.com',
    accountId: 'acc_global_eu',
    domain: 'eu.globaltech.com',
    matchedDomain: 'eu.globaltech.com',
    via: 'domain',
  },
  {
    email: 'x@paris.fr.eu.globaltech.com',
    accountId: 'acc_global_eu',
    domain: 'paris.fr.eu.globaltech.com',
    matchedDomain: 'eu.globaltech.com',
    via: 'subdomain',
  },
  {
    email: 'Jane Doe <jane@MÜLLER.de>',
    accountId: 'acc_mueller',
    domain: 'xn--mller-kva.de',
    matchedDomain: 'xn--mller-kva.de',
    via: 'domain',
  },
  {
    email: 'jane@xn--mller-kva.de',
    accountId: 'acc_mueller',
    domain: 'xn--mller-kva.de',
    matchedDomain: 'xn--mller-kva.de',
    via: 'domain',
  },
  {
    email: 'jane@mueller.de',
    accountId: 'acc_mueller',
    domain: 'mueller.de',
    matchedDomain: 'mueller.de',
    via: 'domain',
  },
  {
    email: 'ops@london.acme.co.uk',
    accountId: 'acc_acme_uk',
    domain: 'london.acme.co.uk',
    matchedDomain: 'acme.co.uk',
    via: 'subdomain',
  },
];

describe('matchAccount', () => {
  it.each(matchCases)('matches $email', (expected) => {
    const match = expectMatch(matchAccount(index, expected.email));

    expect(match.account.id).toBe(expected.accountId);
    expect(match.domain).toBe(expected.domain);
    expect(match.matchedDomain).toBe(expected.matchedDomain);
    expect(match.via).toBe(expected.via);
  });

  it('returns the original account object', () => {
    const match = expectMatch(matchAccount(index, 'someone@globaltechinc.com'));

    expect(match.account).toBe(accounts[0]);
    expect(match.account.owner).toBe('ana');
    expect(match.email).toBe('someone@globaltechinc.com');
  });

  it.each(['jane@gmail.com', 'JANE@GMAIL.COM', 'Jane <jane@hotmail.co.uk>', 'x@proton.me'])(
    'rejects free mail %s',
    (email) => {
      const match = matchAccount(index, email);

      expect(match.matched).toBe(false);
      expect(match.matched ? undefined : match.code).toBe('free_mail');
      expect(match.matched ? '' : match.message).toContain('free-mail domain');
    },
  );

  it('reports free-mail domain and address', () => {
    const match = matchAccount(index, 'Jane@GMail.com');

    expect(match.matched).toBe(false);
    expect(match.domain).toBe('gmail.com');
    expect(match.email).toBe('jane@gmail.com');
  });

  it.each(['x@unknown.com', 'x@globaltech.org', 'x@co.uk', 'x@other.co.uk', 'x@xglobaltech.com', 'x@globaltech.com.evil.io'])(
    'reports no account for %s',
    (email) => {
      const match = matchAccount(index, email);

      expect(match.matched).toBe(false);
      expect(match.matched ? undefined : match.code).toBe('no_account');
      expect(match.matched ? '' : match.message).toContain(`"${match.domain ?? ''}"`);
    },
  );

  it.each<unknown>([
    null,
    undefined,
    42,
    {},
    [],
    Symbol('x'),
    '',
    'globaltechinc.com',
    '@globaltechinc.com',
    'x@globaltechinc',
    'a@__proto__',
    'x@com',
    'x@exa\u200Bmple.com',
  ])('reports invalid email %o', (email) => {
    const match = matchAccount(index, email);

    expect(match.matched).toBe(false);
    expect(match.matched ? undefined : match.code).toBe('invalid_email');
    expect(match.matched ? '' : match.message).toMatch(/^Invalid email/);
    expect(match.email).toBe(typeof email === 'string' ? email : undefined);
  });

  it.each(['__proto__@x.com', 'constructor@acme.com', 'x@constructor.com', 'x@hasownproperty.com'])(
    'handles prototype names in %s',
    (email) => {
      const match = matchAccount(index, email);

      expect(match.matched).toBe(false);
      expect(match.matched ? undefined : match.code).toBe('no_account');
    },
  );

  it('uses the index classifier', () => {
    const classifier = createEmailClassifier({ addFreeMail: ['globaltechinc.com'], removeFreeMail: ['hey.com'] });
    const heyIndex = accountIndex([{ id: 'acc_hey', name: '37signals', domains: ['hey.com'] }], { classifier });

    const heyMatch = expectMatch(matchAccount(heyIndex, 'jason@hey.com'));
    const freeMatch = matchAccount(heyIndex, 'someone@globaltechinc.com');

    expect(heyMatch.account.id).toBe('acc_hey');
    expect(freeMatch.matched ? undefined : freeMatch.code).toBe('free_mail');
  });

  it('rejects a foreign index', () => {
    const fakeIndex = { kind: 'account_index' } as unknown as AccountIndex;

    expect(() => matchAccount(fakeIndex, 'x@acme.com')).toThrowError('matchAccount: index: expected an index built by accountIndex()');
  });

  it('rejects a null index', () => {
    const call = () => matchAccount(null as unknown as AccountIndex, 'x@acme.com');

    expect(call).toThrowError(ConfigError);
    expect(call).toThrowError('matchAccount: index: expected an index built by accountIndex(), received null.');
  });
});

describe('accountIndex', () => {
  it('describes the indexed accounts', () => {
    expect(index.kind).toBe('account_index');
    expect(index.accountCount).toBe(5);
    expect([...index.accountsByDomain.keys()].sort()).toEqual([
      'acme.co.uk',
      'eu.globaltech.com',
      'globaltech.com',
      'globaltechinc.com',
      'mueller.de',
      'xn--mller-kva.de',
    ]);
    expect(Object.isFrozen(index)).toBe(true);
  });

  it('accepts an empty account list', () => {
    const empty = accountIndex([]);

    expect(empty.accountCount).toBe(0);
    expect(matchAccount(empty, 'x@acme.com').matched).toBe(false);
  });

  it('accepts a domain listed twice', () => {
    const twice = accountIndex([{ id: 'acc_acme', name: 'Acme', domains: ['acme.com', 'ACME.com.'] }]);

    expect(twice.accountsByDomain.size).toBe(1);
  });

  it('rejects free-mail account domains', () => {
    const message = indexError([{ id: 'acc_bad', name: 'Bad data', domains: ['acme.com', 'Gmail.com'] }]);

    expect(message).toMatch(/^accountIndex: /);
    expect(message).toContain('"acc_bad"');
    expect(message).toContain('domains[1]');
    expect(message).toContain('free-mail domain "gmail.com"');
    expect(message).toContain('removeFreeMail');
  });

  it('ranks a domain on two accounts', () => {
    const shared = accountIndex([
      { id: 'acc_first', name: 'First', domains: ['acme.com'] },
      { id: 'acc_second', name: 'Second', domains: ['ACME.COM'], ownerId: 'ana' },
    ]);

    const match = expectMatch(matchAccount(shared, 'x@acme.com'));

    expect(match.account.id).toBe('acc_second');
    expect(match.runnersUp.map((candidate) => candidate.account.id)).toEqual(['acc_first']);
    expect(shared.accountsByDomain.get('acme.com')?.id).toBe('acc_second');
  });

  it.each<[string, unknown, readonly string[]]>([
    ['non-object account', null, ['accounts[0]', 'received null']],
    ['missing id', { name: 'Acme', domains: [] }, ['accounts[0]', 'invalid id', 'received undefined']],
    ['empty id', { id: '', name: 'Acme', domains: [] }, ['accounts[0]', 'invalid id', 'the string ""']],
    ['blank id', { id: '  ', name: 'Acme', domains: [] }, ['invalid id', 'the string "  "']],
    ['numeric id', { id: 7, name: 'Acme', domains: [] }, ['invalid id', 'number 7']],
    ['non-string name', { id: 'acc_a', name: 3, domains: [] }, ['"acc_a"', 'invalid name', 'number 3']],
    ['string domains', { id: 'acc_a', name: 'A', domains: 'acme.com' }, ['"acc_a"', 'invalid domains', 'the string "acme.com"']],
    ['non-string domain', { id: 'acc_a', name: 'A', domains: ['acme.com', 5] }, ['"acc_a"', 'domains[1]', 'not a string', 'number 5']],
    ['invalid domain', { id: 'acc_a', name: 'A', domains: ['acme_corp.com'] }, ['"acc_a"', 'domains[0]', '"acme_corp.com"', '"_"']],
    ['bare top-level domain', { id: 'acc_a', name: 'A', domains: ['com'] }, ['"acc_a"', '"com"', 'only one label']],
    ['URL as domain', { id: 'acc_a', name: 'A', domains: ['https://acme.com/'] }, ['"acc_a"', '"https://acme.com/"', '":"']],
    ['empty domain', { id: 'acc_a', name: 'A', domains: [''] }, ['"acc_a"', 'is empty']],
    ['zero-width domain', { id: 'acc_a', name: 'A', domains: ['acme.com\uFEFF'] }, ['"acc_a"', 'U+FEFF']],
  ])('rejects %s', (_case, account, expectedParts) => {
    const message = indexError([account]);

    expect(message).toMatch(/^accountIndex: /);
    for (const part of expectedParts) {
      expect(message).toContain(part);
    }
  });

  it('rejects duplicate account ids', () => {
    const message = indexError([
      { id: 'acc_a', name: 'A', domains: ['a.com'] },
      { id: 'acc_a', name: 'A again', domains: ['b.com'] },
    ]);

    expect(message).toContain('accounts[0] and accounts[1]');
    expect(message).toContain('"acc_a"');
  });

  it('lists every problem at once', () => {
    const message = indexError([
      { id: 'acc_a', name: 'A', domains: ['gmail.com'] },
      { id: '', name: 'B', domains: [] },
      { id: 'acc_c', name: 'C', domains: ['c..com'] },
    ]);

    expect(message).toContain('found 3 problems');
    expect(message).toContain('"acc_a"');
    expect(message).toContain('accounts[1]');
    expect(message).toContain('"acc_c"');
  });

  it('caps the listed problems', () => {
    const broken = Array.from({ length: 25 }, (_, position) => ({ id: `acc_${position}`, name: 'X', domains: ['x'] }));
    const message = indexError(broken);

    expect(message).toContain('found 25 problems');
    expect(message).toContain('- and 5 more.');
    expect(message.split('\n')).toHaveLength(22);
  });

  it('reports holes in sparse arrays', () => {
    const message = indexError([{ id: 'acc_a', name: 'A', domains: [] }, , { id: 'acc_c', name: 'C', domains: [] }]);

    expect(message).toContain('accounts[1]');
    expect(message).toContain('received undefined');
  });

  it.each<[string, unknown, unknown, string]>([
    ['non-array accounts', { id: 'acc_a' }, undefined, 'expected an array of accounts, received an object'],
    ['revoked accounts', (() => { const r = Proxy.revocable([], {}); r.revoke(); return r.proxy; })(), undefined, 'expected an array of accounts, received an object.'],
    ['non-object options', [], 'strict', 'expected an options object'],
    ['foreign classifier', [], { classifier: { kind: 'email_classifier' } }, 'classifier: options.classifier must be an email classifier from createEmailClassifier()'],
  ])('rejects %s', (_case, input, options, expectedMessage) => {
    const call = () => accountIndex(input as readonly AccountLike[], options as Parameters<typeof accountIndex>[1]);

    expect(call).toThrowError(`accountIndex: ${expectedMessage}`);
  });

  it('allows a removed free-mail domain', () => {
    const classifier = createEmailClassifier({ removeFreeMail: ['mail.com'] });
    const mailIndex = accountIndex([{ id: 'acc_mail', name: 'Mail.com', domains: ['mail.com'] }], { classifier });

    expect(expectMatch(matchAccount(mailIndex, 'press@mail.com')).account.id).toBe('acc_mail');
  });
});

/**
 * Lower-case DNS labels of 1–20 characters that never start or end with a hyphen.
 * Labels with "--" at positions 3–4 are left out, because "xn--" marks punycode.
 */
const label = fc
  .stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,18}[a-z0-9])?$/)
  .filter((candidate) => candidate.slice(2, 4) !== '--');

/** Canonical company domains built from fc.domain(), without free-mail domains. */
const companyDomain = fc
  .domain()
  .map((domain) => parseEmail(`lead@${domain}`))
  .filter((parsed) => parsed.ok && !parsed.freeMail)
  .map((parsed) => (parsed.ok ? parsed.domain : ''));

describe('matchAccount properties', () => {
  test.prop([fc.oneof(fc.anything(), fc.constantFrom('a@globaltechinc.com', 'b@eu.globaltech.com', 'c@gmail.com', 'Select'))])(
    'index.match equals matchAccount',
    (email) => {
      expect(index.match(email)).toEqual(matchAccount(index, email));
    },
  );

  test.prop([fc.anything()])('never throws on any value', (email) => {
    const match = matchAccount(index, email);

    expect(typeof match.matched).toBe('boolean');
  });

  test.prop([fc.string({ unit: 'binary' }), fc.constantFrom('globaltechinc.com', 'eu.globaltech.com', 'gmail.com', 'müller.de')])(
    'never throws on near addresses',
    (local, domain) => {
      const match = matchAccount(index, `${local}@${domain}`);

      expect(typeof match.matched).toBe('boolean');
    },
  );

  test.prop([companyDomain, fc.array(label, { minLength: 1, maxLength: 4 }), fc.boolean()])(
    'matches any subdomain',
    (domain, prefixLabels, upperCase) => {
      const leadDomain = `${prefixLabels.join('.')}.${domain}`;
      fc.pre(leadDomain.length <= 240);
      const target = { id: 'acc_target', name: 'Target', domains: [domain] };
      const other = { id: 'acc_other', name: 'Other', domains: ['unrelated-company.example'] };
      fc.pre(domain !== 'unrelated-company.example');
      const subdomainIndex = accountIndex([target, other]);

      const email = `lead@${upperCase ? leadDomain.toUpperCase() : leadDomain}`;
      const match = expectMatch(matchAccount(subdomainIndex, email));

      expect(match.account).toBe(target);
      expect(match.domain).toBe(leadDomain);
      expect(match.matchedDomain).toBe(domain);
      expect(match.via).toBe('subdomain');
    },
  );

  test.prop([companyDomain])('matches the exact domain', (domain) => {
    const exactIndex = accountIndex([{ id: 'acc_exact', name: 'Exact', domains: [domain] }]);

    const match = expectMatch(matchAccount(exactIndex, `Lead@${domain}.`));

    expect(match.account.id).toBe('acc_exact');
    expect(match.matchedDomain).toBe(domain);
    expect(match.via).toBe('domain');
  });

  test.prop([companyDomain, companyDomain])('ignores unrelated domains', (accountDomain, leadDomain) => {
    fc.pre(leadDomain !== accountDomain && !leadDomain.endsWith(`.${accountDomain}`));
    const unrelatedIndex = accountIndex([{ id: 'acc_a', name: 'A', domains: [accountDomain] }]);

    const match = matchAccount(unrelatedIndex, `lead@${leadDomain}`);

    expect(match.matched).toBe(false);
  });
});

describe('accountIndex rankedDomains', () => {
  it('lists domains that need ranking', () => {
    const ranked = accountIndex([
      { id: 'acc_parent', name: 'Parent', domains: ['acme.com', 'solo.com'] },
      { id: 'acc_eu', name: 'Acme EU', domains: ['eu.acme.com'], aliasDomains: ['acme.eu'] },
      { id: 'acc_child', name: 'Child', domains: ['child.com'], parentId: 'acc_parent' },
      { id: 'acc_shared_1', name: 'Shared 1', domains: ['shared.com'] },
      { id: 'acc_shared_2', name: 'Shared 2', domains: ['shared.com'] },
      { id: 'acc_uk', name: 'UK', domains: ['brand.co.uk'] },
    ]).rankedDomains;

    expect([...ranked].sort()).toEqual(['acme.eu', 'child.com', 'eu.acme.com', 'shared.com']);
  });

  it('lists subdomains below the registrable domain', () => {
    const ranked = accountIndex([{ id: 'acc_eu', name: 'EU', domains: ['eu.acme.co.uk', 'acme.github.io'] }], {
      publicSuffix: publicSuffixList(),
    }).rankedDomains;

    expect([...ranked]).toEqual(['eu.acme.co.uk']);
  });
});

/** Domains from a few labels, so that generated accounts share domains and nest under each other. */
const nestingDomain = fc
  .array(fc.constantFrom('eu', 'acme'), { minLength: 1, maxLength: 2 })
  .chain((labels) => fc.constantFrom('com', 'co.uk', 'github.io').map((suffix) => `${labels.join('.')}.${suffix}`));

const generatedAccounts = fc
  .array(
    fc.record({
      domains: fc.array(nestingDomain, { maxLength: 2 }),
      aliasDomains: fc.array(nestingDomain, { maxLength: 1 }),
      parent: fc.option(fc.nat(5), { nil: undefined }),
      owned: fc.boolean(),
      employees: fc.option(fc.nat(3), { nil: undefined }),
    }),
    { maxLength: 6 },
  )
  .map((rows) =>
    rows.map((row, position) => ({
      id: `acc_${position}`,
      name: `Account ${position}`,
      domains: row.domains,
      aliasDomains: row.aliasDomains,
      // Parents come earlier in the list, so the chains never loop.
      parentId: row.parent !== undefined && row.parent < position ? `acc_${row.parent}` : undefined,
      ownerId: row.owned ? 'owner' : undefined,
      employees: row.employees,
    })),
  );

describe('domain match shortcuts', () => {
  const list = publicSuffixList();

  // Leads mostly at the accounts' own domains, so that every shortcut is taken.
  const accountsAndLead = generatedAccounts.chain((rows) => {
    const domains = rows.flatMap((row) => [...row.domains, ...row.aliasDomains]);
    const leadDomain = domains.length === 0 ? nestingDomain : fc.oneof(fc.constantFrom(...domains), nestingDomain);
    return fc.tuple(fc.constant(rows), leadDomain);
  });

  test.prop([accountsAndLead, fc.boolean(), fc.nat(3)])(
    'agree with the parent-domain walk',
    ([rows, leadDomain], withList, maxRunnersUp) => {
      const options = withList ? { publicSuffix: list, maxRunnersUp } : { maxRunnersUp };
      const built = accountIndex(rows, options);
      // A copy without rankedDomains makes matchAccount walk the parent domains for every lead.
      const { rankedDomains: _ignored, ...fields } = built;
      const walking = fields as unknown as AccountIndex<(typeof rows)[number]>;

      for (const email of [`lead@${leadDomain}`, `Lead@${leadDomain.toUpperCase()}`, `lead@mail.${leadDomain}`]) {
        expect(matchAccount(built, email)).toStrictEqual(matchAccount(walking, email));
        expect(matchLead(built, { email })).toStrictEqual(matchLead(walking, { email }));
      }
    },
  );
});
