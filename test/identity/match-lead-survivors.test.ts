import { describe, expect, it } from 'vitest';

import { accountIndex, createEmailClassifier, matchLead, type AccountLike, type LeadMatch } from '../../src/identity/index.js';
import { disposableEmailDomains, publicSuffixList } from '../../src/public-suffix/index.js';

const psl = publicSuffixList();

function expectFound<A extends AccountLike>(match: LeadMatch<A>): Extract<LeadMatch<A>, { matched: true }> {
  if (!match.matched) {
    throw new Error(`expected a match, but got ${match.code}: ${match.message}`);
  }
  return match;
}

/** Returns the message of a miss, or fails the test when the lead matched. */
function missMessage(match: LeadMatch): string {
  if (match.matched) {
    throw new Error(`expected no match, but got ${match.account.id} by ${match.step}`);
  }
  return match.message;
}

/** Returns `[account id, step]` of a match, or `['none', code]` of a miss. */
function outcome(match: LeadMatch): [string, string] {
  return match.matched ? [match.account.id, match.step] : ['none', match.code];
}

describe('matchLead domain label without the list', () => {
  const index = accountIndex([
    { id: 'acc_acme', name: 'Acme', domains: [] },
    { id: 'acc_shop', name: 'Shop', domains: [] },
    { id: 'acc_net', name: 'Net', domains: [] },
  ]);

  it('skips a known second level', () => {
    const match = expectFound(matchLead(index, { email: 'jo@acme.co.uk' }));

    expect(match).toStrictEqual({
      matched: true,
      account: { id: 'acc_acme', name: 'Acme', domains: [] },
      step: 'domain_label',
      confidence: 0.7,
      matchedKey: 'acme',
      domain: 'acme.co.uk',
      email: 'jo@acme.co.uk',
      runnersUp: [],
    });
  });

  it('skips only known second levels', () => {
    // `net` is a second-level label only before a two-letter country code, not before `com`.
    expect(outcome(matchLead(index, { email: 'jo@shop.net.com' }))).toEqual(['acc_net', 'domain_label']);
    expect(outcome(matchLead(index, { email: 'jo@acme.shop.de' }))).toEqual(['acc_shop', 'domain_label']);
  });

  it('reads the label of two-label domains', () => {
    expect(outcome(matchLead(index, { email: 'jo@net.de' }))).toEqual(['acc_net', 'domain_label']);
  });
});

describe('matchLead domain label with the list', () => {
  const index = accountIndex(
    [
      { id: 'acc_acme', name: 'Acme', domains: [] },
      { id: 'acc_x', name: 'X', domains: [] },
    ],
    { publicSuffix: psl },
  );

  it('reads the label below the suffix', () => {
    const match = expectFound(matchLead(index, { email: 'jo@sales.acme.co.uk' }));

    expect(match.account.id).toBe('acc_acme');
    expect(match.step).toBe('domain_label');
    expect('matchedKey' in match ? match.matchedKey : undefined).toBe('acme');
  });

  it('reads a one-letter label', () => {
    const match = expectFound(matchLead(index, { email: 'jo@x.de' }));

    expect(match.account.id).toBe('acc_x');
    expect(match.step).toBe('domain_label');
    expect('matchedKey' in match ? match.matchedKey : undefined).toBe('x');
  });

  it('skips accounts named only a legal form', () => {
    const formOnly = accountIndex([{ id: 'acc_corp', name: 'Corporation', domains: [] }], { publicSuffix: psl });

    expect(missMessage(matchLead(formOnly, { email: 'jo@corporation.com' }))).toBe('No account matches the domain "corporation.com".');
  });
});

describe('matchLead name tables', () => {
  it('ranks equal names by owner', () => {
    const index = accountIndex([
      { id: 'acc_plain', name: 'Twin Peaks', domains: [] },
      { id: 'acc_owned', name: 'Twin Peaks Inc', domains: [], ownerId: 'ana' },
    ]);

    const match = expectFound(matchLead(index, { company: 'TWIN PEAKS, LLC' }));

    expect(match.account.id).toBe('acc_owned');
    expect(match.step).toBe('name');
    expect(match.runnersUp).toEqual([{ account: index.entries[0]?.account, step: 'name', confidence: 0.8, matchedKey: 'twinpeaks' }]);
  });

  it('skips fuzzy names after a match', () => {
    const index = accountIndex([
      { id: 'acc_global', name: 'Global Tech', domains: [] },
      { id: 'acc_globals', name: 'Global Techs', domains: [] },
    ]);

    const match = expectFound(matchLead(index, { company: 'Global Tech' }));

    expect(match.account.id).toBe('acc_global');
    expect(match.runnersUp).toEqual([]);
  });
});

describe('matchLead fuzzy names', () => {
  it('skips account keys under four', () => {
    const index = accountIndex(
      [
        { id: 'acc_abc', name: 'Abc', domains: [] },
        { id: 'acc_abcd', name: 'Abcd', domains: [] },
      ],
      { fuzzyThreshold: 0.6 },
    );

    // `abc` is similar enough (0.6) but too short for fuzzy matching, so only `abcd` (0.8) matches.
    const match = expectFound(matchLead(index, { company: 'Abcde' }));

    expect(match).toStrictEqual({
      matched: true,
      account: index.entries[1]?.account,
      step: 'fuzzy_name',
      confidence: 0.48,
      matchedKey: 'abcd',
      similarity: 0.8,
      runnersUp: [],
    });
  });

  it('finds keys by their last characters', () => {
    const index = accountIndex([{ id: 'acc_z', name: 'Zbcde', domains: [] }], { fuzzyThreshold: 0.8 });

    const match = expectFound(matchLead(index, { company: 'Abcde' }));

    expect(match.account.id).toBe('acc_z');
    expect(match.step).toBe('fuzzy_name');
    expect(match.confidence).toBe(0.48);
  });

  it('lists only indexed accounts at threshold 0', () => {
    const index = accountIndex([{ id: 'acc_abcd', name: 'Abcd', domains: [] }], { fuzzyThreshold: 0 });

    const match = expectFound(matchLead(index, { company: 'Abcde' }));

    expect(match.account.id).toBe('acc_abcd');
    expect(match.runnersUp).toEqual([]);
  });

  it('matches at exactly the threshold', () => {
    const index = accountIndex([{ id: 'acc_six', name: 'Abcdef', domains: [] }], { fuzzyThreshold: 0.75 });

    // Two edits over eight characters: similarity 0.75, equal to the threshold.
    const match = expectFound(matchLead(index, { company: 'Abcdefgh' }));

    expect('similarity' in match ? match.similarity : undefined).toBe(0.75);
    expect(match.confidence).toBe(0.45);
  });

  it('rejects keys below the threshold', () => {
    const index = accountIndex([{ id: 'acc_abcxyz', name: 'Abcxyz', domains: [] }]);

    expect(missMessage(matchLead(index, { company: 'Abcdef' }))).toBe(
      'No account matches the lead: it has no email, and no account matches the company name "Abcdef".',
    );
  });

  it('ranks by similarity, then owner', () => {
    const index = accountIndex(
      [
        { id: 'acc_far', name: 'Abcdefxy', domains: [], ownerId: 'ana' },
        { id: 'acc_near', name: 'Abcdefgx', domains: [] },
        { id: 'acc_near_owned', name: 'Abcdefgz', domains: [], ownerId: 'ben' },
      ],
      { fuzzyThreshold: 0.7 },
    );

    const match = expectFound(matchLead(index, { company: 'Abcdefgh' }));

    expect(match.account.id).toBe('acc_near_owned');
    expect(match.runnersUp.map((candidate) => [candidate.account.id, candidate.confidence])).toEqual([
      ['acc_near', 0.525],
      ['acc_far', 0.45],
    ]);
  });

  it('needs a four-character lead key', () => {
    const index = accountIndex([{ id: 'acc_abxd', name: 'Abxd', domains: [] }], { fuzzyThreshold: 0.7 });

    expect(outcome(matchLead(index, { company: 'Abx' }))).toEqual(['none', 'no_account']);
    expect(outcome(matchLead(index, { company: 'Abxe' }))).toEqual(['acc_abxd', 'fuzzy_name']);
  });
});

describe('matchLead result fields', () => {
  const accounts: readonly AccountLike[] = [
    { id: 'acc_acme', name: 'Acme', domains: ['acme.co.uk'], aliasDomains: ['acme-brand.com'] },
    { id: 'acc_nestle', name: 'Nestlé S.A.', domains: ['nestle.com'] },
  ];
  const index = accountIndex(accounts, { publicSuffix: psl });

  it('reports an exact domain', () => {
    expect(matchLead(index, { email: 'Jo@Acme.co.uk' })).toStrictEqual({
      matched: true,
      account: accounts[0],
      step: 'domain',
      via: 'domain',
      confidence: 1,
      domain: 'acme.co.uk',
      matchedDomain: 'acme.co.uk',
      registrableDomain: 'acme.co.uk',
      email: 'jo@acme.co.uk',
      runnersUp: [],
    });
  });

  it('reports a subdomain', () => {
    expect(matchLead(index, { email: 'jo@eu.acme.co.uk' })).toStrictEqual({
      matched: true,
      account: accounts[0],
      step: 'domain',
      via: 'subdomain',
      confidence: 0.95,
      domain: 'eu.acme.co.uk',
      matchedDomain: 'acme.co.uk',
      registrableDomain: 'acme.co.uk',
      email: 'jo@eu.acme.co.uk',
      runnersUp: [],
    });
  });

  it('reports an alias domain', () => {
    expect(matchLead(index, { email: 'jo@acme-brand.com' })).toStrictEqual({
      matched: true,
      account: accounts[0],
      step: 'alias',
      via: 'domain',
      confidence: 0.9,
      domain: 'acme-brand.com',
      matchedDomain: 'acme-brand.com',
      registrableDomain: 'acme-brand.com',
      email: 'jo@acme-brand.com',
      runnersUp: [],
    });
  });

  it('omits the registrable domain without the list', () => {
    const plain = accountIndex(accounts);

    expect(matchLead(plain, { email: 'jo@acme.co.uk' })).toStrictEqual({
      matched: true,
      account: accounts[0],
      step: 'domain',
      via: 'domain',
      confidence: 1,
      domain: 'acme.co.uk',
      matchedDomain: 'acme.co.uk',
      email: 'jo@acme.co.uk',
      runnersUp: [],
    });
  });

  it('reports the email of a name match', () => {
    expect(matchLead(index, { email: 'Jo@Gmail.com', company: 'Nestle' })).toStrictEqual({
      matched: true,
      account: accounts[1],
      step: 'name',
      confidence: 0.8,
      matchedKey: 'nestle',
      domain: 'gmail.com',
      email: 'jo@gmail.com',
      runnersUp: [],
    });
  });

  it('reports the email of a website match', () => {
    expect(matchLead(index, { email: 'jo@unknown-corp.com', website: 'https://shop.acme.co.uk' })).toStrictEqual({
      matched: true,
      account: accounts[0],
      step: 'website',
      via: 'subdomain',
      confidence: 0.8,
      website: 'shop.acme.co.uk',
      matchedDomain: 'acme.co.uk',
      domain: 'unknown-corp.com',
      email: 'jo@unknown-corp.com',
      runnersUp: [],
    });
  });

  it('reads fields of an object lead only', () => {
    const lead = Object.assign(() => undefined, { email: 'jo@acme.co.uk' });

    expect(missMessage(matchLead(index, lead as never))).toBe('No account matches the lead: it has neither an email nor a company name.');
  });
});

describe('matchLead miss messages', () => {
  const classifier = createEmailClassifier({ disposable: disposableEmailDomains() });
  const index = accountIndex([{ id: 'acc_acme', name: 'Acme', domains: ['acme.com'] }], { classifier });

  it('names the company without an email', () => {
    expect(missMessage(matchLead(index, { company: 'Globx' }))).toBe(
      'No account matches the lead: it has no email, and no account matches the company name "Globx".',
    );
  });

  it('names no other field for free mail', () => {
    expect(matchLead(index, { email: 'jo@gmail.com' })).toStrictEqual({
      matched: false,
      code: 'free_mail',
      message: 'The email "jo@gmail.com" uses the free-mail domain "gmail.com", and no account matches any other field.',
      domain: 'gmail.com',
      email: 'jo@gmail.com',
    });
  });

  it('names the disposable domain', () => {
    expect(matchLead(index, { email: 'jo@mailinator.com', company: 'Globx' })).toStrictEqual({
      matched: false,
      code: 'disposable_email',
      message: 'The email "jo@mailinator.com" uses the disposable domain "mailinator.com", and no account matches the company name "Globx".',
      domain: 'mailinator.com',
      email: 'jo@mailinator.com',
    });
  });

  it('names the website and company', () => {
    expect(missMessage(matchLead(index, { company: 'Globx', website: 'www.other.com' }))).toBe(
      'No account matches the lead: it has no email, and no account matches the website "other.com" or the company name "Globx".',
    );
  });
});

describe('matchLead website hosts', () => {
  const index = accountIndex(
    [
      { id: 'acc_www', name: 'Www', domains: ['www.io'] },
      { id: 'acc_acme', name: 'Acme', domains: ['acme.com'] },
    ],
    { publicSuffix: psl },
  );

  it.each([
    ['https://www.io/', 'www.io'],
    ['HTTPS://user:secret@Acme.com:8080/a@b', 'acme.com'],
    ['git+ssh://www7.acme.com', 'acme.com'],
    ['acme.com:', 'acme.com'],
    ['WWW.Acme.com', 'acme.com'],
    ['www12.acme.com', 'acme.com'],
    ['user:p@ss@acme.com', 'acme.com'],
  ])('reads %j as %j', (website, host) => {
    const match = expectFound(matchLead(index, { website }));

    expect(match.step).toBe('website');
    expect('website' in match ? match.website : undefined).toBe(host);
  });

  it('keeps hosts that start with www', () => {
    expect(missMessage(matchLead(index, { website: 'wwwacme.com' }))).toBe(
      'No account matches the lead: it has no email, and no account matches the website "wwwacme.com".',
    );
  });

  it('drops only a trailing port', () => {
    expect(missMessage(matchLead(index, { website: 'acme.com:80x' }))).toBe(
      'No account matches the lead: it has neither an email nor a company name, and its website "acme.com:80x" is not a company domain.',
    );
  });
});
