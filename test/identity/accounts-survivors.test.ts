import { describe, expect, it } from 'vitest';

import { accountIndex, createEmailClassifier, matchAccount, type AccountLike, type AccountMatchFound } from '../../src/identity/index.js';
import { compareEntries, parentFields, runnersUp, type IndexEntry, type RankedCandidate } from '../../src/identity/accounts.js';
import { publicSuffixList } from '../../src/public-suffix/index.js';

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

function found<A extends AccountLike>(match: ReturnType<typeof matchAccount<A>>): AccountMatchFound<A> {
  if (!match.matched) {
    throw new Error(`expected a match, but got ${match.code}: ${match.message}`);
  }
  return match;
}

describe('matchAccount results', () => {
  const index = accountIndex([{ id: 'acc_a', name: 'Acme', domains: ['acme.com'] }]);

  it('free-mail result is exact', () => {
    expect(matchAccount(index, 'jo@gmail.com')).toEqual({
      matched: false,
      code: 'free_mail',
      message:
        'The email "jo@gmail.com" uses the free-mail domain "gmail.com", which does not identify a company. ' +
        'Match the lead by other fields, or ask for a work email.',
      domain: 'gmail.com',
      email: 'jo@gmail.com',
    });
  });

  it('disposable result is exact', () => {
    const classifier = createEmailClassifier({ addDisposable: ['trash.example'] });
    const withList = accountIndex([{ id: 'acc_a', name: 'Acme', domains: ['acme.com'] }], { classifier });
    expect(matchAccount(withList, 'jo@trash.example')).toEqual({
      matched: false,
      code: 'disposable_email',
      message:
        'The email "jo@trash.example" uses the disposable domain "trash.example", which does not identify a company. ' +
        'Match the lead by other fields, or ask for a work email.',
      domain: 'trash.example',
      email: 'jo@trash.example',
    });
  });

  it('no_account result is exact', () => {
    expect(matchAccount(index, 'jo@other.com')).toEqual({
      matched: false,
      code: 'no_account',
      message:
        'No account lists the domain "other.com" or any of its parent domains. ' +
        "Add the domain to the lead's account if it has one.",
      domain: 'other.com',
      email: 'jo@other.com',
    });
  });

  it('index match method delegates', () => {
    expect(index.match('jo@acme.com')).toEqual(matchAccount(index, 'jo@acme.com'));
    expect(found(index.match('jo@acme.com')).account.id).toBe('acc_a');
  });
});

describe('accountIndex option errors', () => {
  it('invalid publicSuffix message', () => {
    expect(indexError([], { publicSuffix: {} })).toBe(
      'accountIndex: publicSuffix: expected the list from publicSuffixList(), received an object.',
    );
  });

  it('null options rejected', () => {
    expect(indexError([], null)).toBe('accountIndex: expected an options object, received null.');
    expect(indexError([], 'strict')).toBe('accountIndex: expected an options object, received the string "strict".');
  });

  it('maxRunnersUp range message', () => {
    expect(indexError([], { maxRunnersUp: -1 })).toBe(
      `accountIndex: maxRunnersUp: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, received number -1.`,
    );
    expect(indexError([], { maxRunnersUp: 1.5 })).toBe(
      `accountIndex: maxRunnersUp: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, received number 1.5.`,
    );
    expect(indexError([], { fuzzyThreshold: 1.5 })).toBe('accountIndex: fuzzyThreshold: expected a number from 0 to 1, received number 1.5.');
  });

  it('fuzzyThreshold bounds', () => {
    expect(accountIndex([], { fuzzyThreshold: 1 }).fuzzyThreshold).toBe(1);
    expect(accountIndex([], { fuzzyThreshold: 0 }).fuzzyThreshold).toBe(0);
    expect(indexError([], { fuzzyThreshold: 1.5 })).toBe('accountIndex: fuzzyThreshold: expected a number from 0 to 1, received number 1.5.');
  });

  it('classifier shapes rejected', () => {
    const prefix = 'accountIndex: classifier: options.classifier must be an email classifier from createEmailClassifier(), but received ';
    const noop = (): void => undefined;
    const cases: unknown[] = [
      null,
      'email_classifier',
      { kind: 'email_classifier', parseEmail: noop },
      { kind: 'email_classifier', isFreeMailDomain: noop },
      { kind: 'other', parseEmail: noop, isFreeMailDomain: noop },
    ];
    for (const classifier of cases) {
      expect(indexError([], { classifier })).toMatch(prefix);
    }
  });
});

describe('matchAccount index check', () => {
  it('rejects null index', () => {
    expect(() => matchAccount(null as never, 'x@acme.com')).toThrowError(
      'matchAccount: index: expected an index built by accountIndex(), received null.',
    );
  });

  it('rejects look-alike indexes', () => {
    const index = accountIndex([{ id: 'acc_a', name: 'Acme', domains: ['acme.com'] }]);
    const wrongKind = { ...index, kind: 'other' };
    const noMap = { ...index, entriesByDomain: {} };
    const badClassifier = { ...index, classifier: { ...index.classifier, kind: 'other' } };
    for (const fake of [wrongKind, noMap, badClassifier]) {
      expect(() => matchAccount(fake as typeof index, 'x@acme.com')).toThrowError(
        'matchAccount: index: expected an index built by accountIndex(), received an object.',
      );
    }
  });
});

describe('accountIndex account errors', () => {
  it('single problem message', () => {
    expect(indexError([{ id: 'acc_a', name: 'Acme', domains: ['acme.com'], aliasDomains: 'acme.de' }])).toBe(
      'accountIndex: account "acc_a" (accounts[0]) has invalid aliasDomains. Expected an array of domain strings, but received the string "acme.de".',
    );
  });

  it('free-mail account domain message', () => {
    expect(indexError([{ id: 'acc_a', name: 'Acme', domains: ['gmail.com'] }])).toBe(
      'accountIndex: account "acc_a" (accounts[0]), domains[0], is the free-mail domain "gmail.com", which would match every lead of that provider. ' +
        'Remove it from the account, or pass createEmailClassifier({ removeFreeMail: ["gmail.com"] }) as options.classifier if the domain belongs to the company.',
    );
  });

  it('twenty problems listed whole', () => {
    const input = Array.from({ length: 20 }, () => null);
    const lines = Array.from({ length: 20 }, (_, position) => `- accounts[${position}] must be an account object, but received null.`);
    expect(indexError(input)).toBe(`accountIndex: found 20 problems in the account list.\n${lines.join('\n')}`);
  });

  it('twenty-one problems truncated', () => {
    const input = Array.from({ length: 21 }, () => null);
    const lines = Array.from({ length: 20 }, (_, position) => `- accounts[${position}] must be an account object, but received null.`);
    expect(indexError(input)).toBe(`accountIndex: found 21 problems in the account list.\n${lines.join('\n')}\n- and 1 more.`);
  });

  it('self parent is ignored', () => {
    const index = accountIndex([{ id: 'acc_a', name: 'Acme', domains: ['acme.com'], parentId: 'acc_a' }]);
    const match = found(matchAccount(index, 'x@acme.com'));
    expect(match.parent).toBeUndefined();
    expect('parent' in match).toBe(false);
  });

  it('two-account cycle message', () => {
    expect(
      indexError([
        { id: 'acc_a', name: 'A', domains: ['a.com'], parentId: 'acc_b' },
        { id: 'acc_b', name: 'B', domains: ['b.com'], parentId: 'acc_a' },
      ]),
    ).toBe(
      'accountIndex: found 2 problems in the account list.\n' +
        '- account "acc_a" (accounts[0]) has a parentId chain that loops. Remove the cycle.\n' +
        '- account "acc_b" (accounts[1]) has a parentId chain that loops. Remove the cycle.',
    );
  });
});

describe('matchAccount parents', () => {
  const accounts = [
    { id: 'acc_root', name: 'Root', domains: ['root.com'] },
    { id: 'acc_mid', name: 'Mid', domains: ['mid.com'], parentId: 'acc_root' },
    { id: 'acc_leaf', name: 'Leaf', domains: ['leaf.com'], parentId: 'acc_mid' },
    { id: 'acc_orphan', name: 'Orphan', domains: ['orphan.com'], parentId: 'acc_missing' },
  ];
  const index = accountIndex(accounts);

  it('leaf match has both parents', () => {
    const match = found(matchAccount(index, 'x@leaf.com'));
    expect(match.parent).toBe(accounts[1]);
    expect(match.ultimateParent).toBe(accounts[0]);
  });

  it('child match has root parents', () => {
    const match = found(matchAccount(index, 'x@mid.com'));
    expect(match.parent).toBe(accounts[0]);
    expect(match.ultimateParent).toBe(accounts[0]);
  });

  it('unknown parent id ignored', () => {
    const match = found(matchAccount(index, 'x@orphan.com'));
    expect('parent' in match).toBe(false);
    expect('ultimateParent' in match).toBe(false);
  });
});

describe('matchAccount tie-breaks', () => {
  it('owner beats no owner', () => {
    const index = accountIndex([
      { id: 'acc_a', name: 'A', domains: ['acme.com'], ownerId: '  ' },
      { id: 'acc_b', name: 'B', domains: ['acme.com'], ownerId: 'ana' },
    ]);
    const match = found(matchAccount(index, 'x@acme.com'));
    expect(match.account.id).toBe('acc_b');
    expect(match.runnersUp).toEqual([{ account: index.entries[0]?.account, step: 'domain', confidence: 1, matchedDomain: 'acme.com' }]);
  });

  it('larger employees wins', () => {
    // Negative and non-number employee counts rank like a missing count, so list position decides among them.
    const index = accountIndex(
      [
        { id: 'acc_neg', name: 'G', domains: ['acme.com'], employees: -5 },
        { id: 'acc_text', name: 'T', domains: ['acme.com'], employees: '500' as unknown as number },
        { id: 'acc_none', name: 'N', domains: ['acme.com'] },
        { id: 'acc_zero', name: 'Z', domains: ['acme.com'], employees: 0 },
        { id: 'acc_big', name: 'B', domains: ['acme.com'], employees: 50 },
        { id: 'acc_small', name: 'S', domains: ['acme.com'], employees: 10 },
      ],
      { maxRunnersUp: 10 },
    );
    const match = found(matchAccount(index, 'x@acme.com'));
    expect(match.account.id).toBe('acc_big');
    expect(match.runnersUp.map((candidate) => candidate.account.id)).toEqual(['acc_small', 'acc_zero', 'acc_neg', 'acc_text', 'acc_none']);
  });

  it('earlier position wins ties', () => {
    const index = accountIndex(
      [
        { id: 'acc_1', name: 'One', domains: ['acme.com'] },
        { id: 'acc_2', name: 'Two', domains: ['acme.com'] },
        { id: 'acc_3', name: 'Three', domains: ['acme.com'] },
      ],
      { maxRunnersUp: 5 },
    );
    const match = found(matchAccount(index, 'x@acme.com'));
    expect(match.account.id).toBe('acc_1');
    expect(match.runnersUp.map((candidate) => candidate.account.id)).toEqual(['acc_2', 'acc_3']);
  });

  it('primary beats alias', () => {
    const index = accountIndex([
      { id: 'acc_alias', name: 'Alias', domains: [], aliasDomains: ['acme.com'], ownerId: 'ana', employees: 99 },
      { id: 'acc_primary', name: 'Primary', domains: ['acme.com'] },
    ]);
    const match = found(matchAccount(index, 'x@acme.com'));
    expect(match.account.id).toBe('acc_primary');
    expect(match.step).toBe('domain');
    expect(match.runnersUp).toEqual([{ account: index.entries[0]?.account, step: 'alias', confidence: expect.any(Number), matchedDomain: 'acme.com' }]);
  });

  it('own primary beats own alias', () => {
    const index = accountIndex([{ id: 'acc_a', name: 'A', domains: ['acme.com'], aliasDomains: ['acme.com'] }]);
    const match = found(matchAccount(index, 'x@acme.com'));
    expect(match.step).toBe('domain');
    expect(match.confidence).toBe(1);
    expect(match.runnersUp).toEqual([]);
  });

  it('repeated own domain indexed once', () => {
    const accounts = [{ id: 'acc_a', name: 'A', domains: ['Acme.com', 'acme.com'], aliasDomains: ['ACME.com'] }];
    const index = accountIndex(accounts);
    const match = found(matchAccount(index, 'x@acme.com'));
    expect(match.account).toBe(accounts[0]);
    expect(match.step).toBe('domain');
    expect(index.entriesByDomain.get('acme.com')).toHaveLength(1);
    expect(index.entriesByDomain.get('acme.com')?.[0]?.account).toBe(accounts[0]);
    expect(Object.isFrozen(match.runnersUp)).toBe(true);
  });

  it('subdomain primary beats alias', () => {
    const index = accountIndex([
      { id: 'acc_alias', name: 'Alias', domains: [], aliasDomains: ['eu.acme.com'] },
      { id: 'acc_primary', name: 'Primary', domains: ['acme.com'] },
    ]);
    const match = found(matchAccount(index, 'x@eu.acme.com'));
    expect(match.account.id).toBe('acc_primary');
    expect(match.via).toBe('subdomain');
    expect(match.matchedDomain).toBe('acme.com');
    expect(match.runnersUp.map((candidate) => [candidate.account.id, candidate.step, candidate.matchedDomain])).toEqual([
      ['acc_alias', 'alias', 'eu.acme.com'],
    ]);
  });

  it('aliases keep walk order', () => {
    const index = accountIndex([
      { id: 'acc_deep', name: 'Deep', domains: [], aliasDomains: ['a.b.acme.com'] },
      { id: 'acc_mid', name: 'Mid', domains: [], aliasDomains: ['b.acme.com'] },
      { id: 'acc_top', name: 'Top', domains: ['acme.com'] },
    ]);
    const match = found(matchAccount(index, 'x@a.b.acme.com'));
    expect(match.account.id).toBe('acc_top');
    expect(match.runnersUp.map((candidate) => candidate.account.id)).toEqual(['acc_deep', 'acc_mid']);
  });

  it('zero maxRunnersUp lists none', () => {
    const index = accountIndex(
      [
        { id: 'acc_1', name: 'One', domains: ['acme.com'] },
        { id: 'acc_2', name: 'Two', domains: ['acme.com'] },
      ],
      { maxRunnersUp: 0 },
    );
    expect(found(matchAccount(index, 'x@acme.com')).runnersUp).toEqual([]);
  });
});

describe('matchAccount domain walk', () => {
  it('nested domains without list', () => {
    const index = accountIndex([
      { id: 'acc_parent', name: 'P', domains: ['acme.com'] },
      { id: 'acc_child', name: 'C', domains: ['eu.acme.com'] },
    ]);
    const match = found(matchAccount(index, 'x@eu.acme.com'));
    expect(match.account.id).toBe('acc_child');
    expect(match.via).toBe('domain');
    expect('registrableDomain' in match).toBe(false);
    expect(match.runnersUp).toEqual([{ account: index.entries[0]?.account, step: 'domain', confidence: expect.any(Number), matchedDomain: 'acme.com' }]);
  });

  it('registrable domain with list', () => {
    const index = accountIndex([{ id: 'acc_a', name: 'A', domains: ['acme.co.uk'] }], { publicSuffix: publicSuffixList() });
    const match = found(matchAccount(index, 'x@sales.london.acme.co.uk'));
    expect(match.account.id).toBe('acc_a');
    expect(match.matchedDomain).toBe('acme.co.uk');
    expect(match.registrableDomain).toBe('acme.co.uk');
    const direct = found(matchAccount(index, 'x@acme.co.uk'));
    expect(direct.registrableDomain).toBe('acme.co.uk');
  });

  it('walk stops at label boundaries', () => {
    const index = accountIndex([{ id: 'acc_es', name: 'ES', domains: ['es.acme.com'] }]);
    expect(matchAccount(index, 'x@sales.acme.com')).toMatchObject({ matched: false, code: 'no_account', domain: 'sales.acme.com' });
  });

  it('single-letter subdomain lists parent', () => {
    const index = accountIndex([
      { id: 'acc_parent', name: 'P', domains: ['acme.com'] },
      { id: 'acc_child', name: 'C', domains: ['e.acme.com'] },
    ]);
    const match = found(matchAccount(index, 'x@e.acme.com'));
    expect(match.account.id).toBe('acc_child');
    expect(match.runnersUp.map((candidate) => [candidate.account.id, candidate.matchedDomain])).toEqual([['acc_parent', 'acme.com']]);
  });

  it('deep subdomain without list', () => {
    const index = accountIndex([{ id: 'acc_a', name: 'A', domains: ['acme.com'] }]);
    const match = found(matchAccount(index, 'x@a.b.c.acme.com'));
    expect(match.matchedDomain).toBe('acme.com');
    expect(match.via).toBe('subdomain');
    expect(matchAccount(index, 'x@com.example').matched).toBe(false);
  });
});

describe('ranking helpers', () => {
  const first: AccountLike = { id: 'acc_1', name: 'One', domains: [] };
  const second: AccountLike = { id: 'acc_2', name: 'Two', domains: [] };
  const third: AccountLike = { id: 'acc_3', name: 'Three', domains: [] };

  function entry(overrides: Partial<IndexEntry<AccountLike>>): IndexEntry<AccountLike> {
    return { account: first, position: 0, hasOwner: false, size: -1, parent: undefined, ultimateParent: undefined, ...overrides };
  }

  it('runnersUp copies only present fields', () => {
    const candidates: RankedCandidate<AccountLike>[] = [
      { entry: entry({}), step: 'domain', confidence: 1, matchedDomain: 'acme.com' },
      { entry: entry({ account: second }), step: 'domain', confidence: 0.9, matchedKey: 'acme' },
      { entry: entry({ account: third }), step: 'alias', confidence: 0.8, matchedDomain: 'acme.org' },
    ];
    const listed = runnersUp(candidates, 3);
    expect(listed).toStrictEqual([
      { account: second, step: 'domain', confidence: 0.9, matchedKey: 'acme' },
      { account: third, step: 'alias', confidence: 0.8, matchedDomain: 'acme.org' },
    ]);
    expect(Object.keys(listed[0] ?? {})).toEqual(['account', 'step', 'confidence', 'matchedKey']);
    expect(Object.keys(listed[1] ?? {})).toEqual(['account', 'step', 'confidence', 'matchedDomain']);
  });

  it('runnersUp shares empty result', () => {
    const single: RankedCandidate<AccountLike>[] = [{ entry: entry({}), step: 'domain', confidence: 1, matchedDomain: 'acme.com' }];
    const pair = [...single, { entry: entry({ account: second }), step: 'domain' as const, confidence: 1, matchedDomain: 'acme.com' }];
    expect(Object.isFrozen(runnersUp(single, 3))).toBe(true);
    expect(Object.isFrozen(runnersUp(pair, 0))).toBe(true);
    expect(runnersUp(pair, 0)).toBe(runnersUp(single, 3));
    expect(Object.isFrozen(runnersUp(pair, 1))).toBe(false);
  });

  it('parentFields needs both parents', () => {
    expect(parentFields(entry({ parent: second }))).toStrictEqual({});
    expect(parentFields(entry({ ultimateParent: second }))).toStrictEqual({});
    expect(parentFields(entry({}))).toStrictEqual({});
    expect(parentFields(entry({ parent: second, ultimateParent: first }))).toStrictEqual({ parent: second, ultimateParent: first });
  });

  it('compareEntries exact order values', () => {
    const alias = { ...entry({ hasOwner: true, size: 99 }), alias: true };
    const primary = { ...entry({ position: 4 }), alias: false };
    expect(compareEntries(alias, primary)).toBe(1);
    expect(compareEntries(primary, alias)).toBe(-1);
    expect(compareEntries(entry({ hasOwner: true }), entry({ size: 50 }))).toBe(-1);
    expect(compareEntries(entry({ size: 50 }), entry({ hasOwner: true }))).toBe(1);
    expect(compareEntries(entry({ size: 10, position: 1 }), entry({ size: 50, position: 9 }))).toBe(40);
    expect(compareEntries(entry({ size: 7, position: 2 }), entry({ size: 7, position: 5 }))).toBe(-3);
    expect(compareEntries(entry({ position: 6 }), entry({ position: 1 }))).toBe(5);
  });
});

describe('accountIndex domain problems', () => {
  it('invalid alias domain message', () => {
    expect(indexError([{ id: 'acc_a', name: 'A', domains: ['acme.com'], aliasDomains: [7] }])).toBe(
      'accountIndex: account "acc_a" (accounts[0]), aliasDomains[0], is not a string. Expected a domain such as "acme.com", but received number 7.',
    );
  });
});
