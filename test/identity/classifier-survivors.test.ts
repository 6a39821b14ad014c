import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';

import { accountIndex, createEmailClassifier, isRoleAccount, matchAccount, type AccountLike } from '../../src/identity/index.js';
import { defaultEmailClassifier } from '../../src/identity/classifier.js';
import { formatCodePoint } from '../../src/identity/format.js';

/** Returns the message of the Error that `run` throws, or fails the test if it does not throw. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('NetspearConfigError');
    return (error as Error).message;
  }
  throw new Error('expected a NetspearConfigError, but nothing was thrown');
}

/** Calls `createEmailClassifier` with options that its type does not allow. */
function classifierError(options: unknown): string {
  return errorOf(() => createEmailClassifier(options as Parameters<typeof createEmailClassifier>[0]));
}

/** Calls `accountIndex` on no accounts with options that its type does not allow. */
function indexError(options: unknown): string {
  return errorOf(() => accountIndex([], options as Parameters<typeof accountIndex>[1]));
}

describe('createEmailClassifier option errors', () => {
  it('non-object options rejected', () => {
    expect(classifierError(null)).toBe('createEmailClassifier: expected an options object, received null.');
    expect(classifierError('strict')).toBe('createEmailClassifier: expected an options object, received the string "strict".');
  });

  it('non-object disposable rejected', () => {
    expect(classifierError({ disposable: null })).toBe(
      'createEmailClassifier: disposable: expected { domains, wildcardDomains }, received null.',
    );
    expect(classifierError({ disposable: 'list' })).toBe(
      'createEmailClassifier: disposable: expected { domains, wildcardDomains }, received the string "list".',
    );
  });

  it('disposable list paths in messages', () => {
    expect(classifierError({ disposable: { domains: 'x.com' } })).toBe(
      'createEmailClassifier: disposable.domains: must be an array of domains, received the string "x.com".',
    );
    expect(classifierError({ disposable: { domains: [], wildcardDomains: [5] } })).toBe(
      'createEmailClassifier: disposable.wildcardDomains[0]: must be a domain string, received number 5.',
    );
  });

  it('invalid punycode disposable rejected', () => {
    // Lower-case ASCII that contains "xn--" still goes through the IDNA check.
    expect(classifierError({ disposable: { domains: ['xn--a.com'] } })).toBe(
      'createEmailClassifier: disposable.domains[0]: is invalid. The domain "xn--a.com" is not a valid internationalised domain name.',
    );
    expect(classifierError({ disposable: { domains: [], wildcardDomains: ['xn--a.com'] } })).toBe(
      'createEmailClassifier: disposable.wildcardDomains[0]: is invalid. The domain "xn--a.com" is not a valid internationalised domain name.',
    );
  });

  it('added domains fully validated', () => {
    // "-foo.com" looks canonical but has a label that starts with a hyphen.
    expect(classifierError({ addFreeMail: ['-foo.com'] })).toBe(
      'createEmailClassifier: addFreeMail[0]: is invalid. The domain "-foo.com" has the label "-foo", which starts or ends with a hyphen.',
    );
    expect(classifierError({ addDisposable: ['-foo.com'] })).toBe(
      'createEmailClassifier: addDisposable[0]: is invalid. The domain "-foo.com" has the label "-foo", which starts or ends with a hyphen.',
    );
  });
});

describe('createEmailClassifier wildcard domains', () => {
  it('wildcard matches whole labels only', () => {
    const classifier = createEmailClassifier({ disposable: { domains: [], wildcardDomains: ['mail.com'] } });

    expect(classifier.isDisposableDomain('gmail.com')).toBe(false);
    expect(classifier.isDisposableDomain('mail.com')).toBe(true);
    expect(classifier.isDisposableDomain('x.mail.com')).toBe(true);
    expect(classifier.parseEmail('jo@gmail.com')).toEqual({
      ok: true,
      address: 'jo@gmail.com',
      local: 'jo',
      domain: 'gmail.com',
      freeMail: true,
      disposable: false,
    });
  });
});

describe('defaultEmailClassifier', () => {
  it('default classifier is cached', () => {
    const first = defaultEmailClassifier();

    expect(first.kind).toBe('email_classifier');
    expect(Object.isFrozen(first)).toBe(true);
    expect(defaultEmailClassifier()).toBe(first);
  });
});

describe('isRoleAccount', () => {
  it('non-string local part is not role', () => {
    expect(isRoleAccount(42 as unknown as string)).toBe(false);
    expect(isRoleAccount(null as unknown as string)).toBe(false);
  });
});

describe('value descriptions in messages', () => {
  it('function described as function', () => {
    expect(classifierError({ addFreeMail: () => ['x.com'] })).toBe(
      'createEmailClassifier: addFreeMail: must be an array of domains, received a function.',
    );
  });

  it('boolean described with value', () => {
    expect(classifierError({ addFreeMail: [true] })).toBe(
      'createEmailClassifier: addFreeMail[0]: must be a domain string, received boolean true.',
    );
  });

  it('revoked proxy described as object', () => {
    // Array.isArray throws a TypeError on a revoked Proxy.
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();

    expect(classifierError({ addFreeMail: [proxy] })).toBe(
      'createEmailClassifier: addFreeMail[0]: must be a domain string, received an object.',
    );
  });

  it('string of 80 units kept whole', () => {
    const longestKept = 'x'.repeat(80);

    expect(classifierError({ addFreeMail: longestKept })).toBe(
      `createEmailClassifier: addFreeMail: must be an array of domains, received the string "${longestKept}".`,
    );
    expect(classifierError({ addFreeMail: `${longestKept}y` })).toBe(
      `createEmailClassifier: addFreeMail: must be an array of domains, received the string "${longestKept}…".`,
    );
  });

  it('invisible character escaped in full', () => {
    expect(classifierError({ addFreeMail: ['a\u00A0b.com'] })).toBe(
      'createEmailClassifier: addFreeMail[0]: is invalid. The domain "a\\u00A0b.com" contains white space. Remove it.',
    );
  });

  it('formatCodePoint pads to four digits', () => {
    expect(formatCodePoint(0xad)).toBe('U+00AD');
    expect(formatCodePoint(0x200b)).toBe('U+200B');
  });
});

describe('accountIndex option checks', () => {
  const prefix = 'accountIndex: publicSuffix: expected the list from publicSuffixList(), received';
  const registrableDomainStart = (): number => 0;

  it('publicSuffix null rejected', () => {
    expect(indexError({ publicSuffix: null })).toBe(`${prefix} null.`);
  });

  it('publicSuffix look-alikes rejected', () => {
    expect(indexError({ publicSuffix: { kind: 'other', registrableDomainStart } })).toBe(`${prefix} an object.`);
    expect(indexError({ publicSuffix: { registrableDomainStart } })).toBe(`${prefix} an object.`);
    expect(indexError({ publicSuffix: { kind: 'public_suffix_list' } })).toBe(`${prefix} an object.`);
    expect(indexError({ publicSuffix: { kind: 'public_suffix_list', registrableDomainStart: 'start' } })).toBe(`${prefix} an object.`);
  });

  it('publicSuffix function rejected', () => {
    const lookup = Object.assign(() => 0, { kind: 'public_suffix_list', registrableDomainStart });

    expect(indexError({ publicSuffix: lookup })).toBe(`${prefix} a function.`);
  });

  it('numeric options reject strings', () => {
    expect(indexError({ maxRunnersUp: '2' })).toBe(
      `accountIndex: maxRunnersUp: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, received the string "2".`,
    );
    expect(indexError({ fuzzyThreshold: '0.5' })).toBe(
      'accountIndex: fuzzyThreshold: expected a number from 0 to 1, received the string "0.5".',
    );
  });

  it('function-shaped classifier rejected', () => {
    const classifier = Object.assign(() => undefined, {
      kind: 'email_classifier',
      parseEmail: createEmailClassifier().parseEmail,
      isFreeMailDomain: () => false,
    });

    expect(indexError({ classifier })).toBe(
      'accountIndex: classifier: options.classifier must be an email classifier from createEmailClassifier(), but received a function.',
    );
  });

  it('function-shaped index rejected', () => {
    const index = accountIndex([{ id: 'acc_a', name: 'Acme', domains: ['acme.com'] }]);
    const fake = Object.assign(() => undefined, index);

    expect(() => matchAccount(fake as unknown as typeof index, 'jo@acme.com')).toThrowError(
      'matchAccount: index: expected an index built by accountIndex(), received a function.',
    );
  });
});

// Stryker activates a mutant only while the tests that cover it run, so an index built at describe
// level comes from the unmutated accountIndex. These tests build their index inside the test.
describe('accountIndex built per test', () => {
  it('index match returns the match', () => {
    const accounts: AccountLike[] = [{ id: 'acc_a', name: 'Acme', domains: ['acme.com'] }];
    const index = accountIndex(accounts);

    expect(index.match('jo@eu.acme.com')).toEqual(matchAccount(index, 'jo@eu.acme.com'));
    expect(index.match('jo@acme.com')).toMatchObject({ matched: true, account: accounts[0], matchedDomain: 'acme.com' });
  });

  it('direct parent is also ultimate', () => {
    const accounts: AccountLike[] = [
      { id: 'acc_root', name: 'Root', domains: ['root.com'] },
      { id: 'acc_child', name: 'Child', domains: ['child.com'], parentId: 'acc_root' },
    ];
    const index = accountIndex(accounts);

    expect(index.match('jo@child.com')).toMatchObject({ matched: true, parent: accounts[0], ultimateParent: accounts[0] });
  });
});

describe('createEmailClassifier disposable list checks', () => {
  /** Returns the problem `options` cause, without the option path, or 'ok'. */
  const problemOf = (options: unknown): string => {
    try {
      createEmailClassifier(options as never);
      return 'ok';
    } catch (error) {
      return (error as Error).message.replace(/^createEmailClassifier: [^:]+: /, '');
    }
  };

  it.each(['-foo.com', 'foo-.com', 'x.123', `${'a'.repeat(64)}.com`, `${'a.'.repeat(127)}com`])('rejects %j in a list', (domain) => {
    const added = problemOf({ addDisposable: [domain] });

    expect(added).not.toBe('ok');
    expect(problemOf({ disposable: { domains: [domain] } })).toBe(added);
    expect(problemOf({ disposable: { domains: [], wildcardDomains: [domain] } })).toBe(added);
  });

  test.prop([fc.stringMatching(/^[a-z0-9.-]{1,12}$/)])('a list checks entries as addDisposable does', (domain) => {
    expect(problemOf({ disposable: { domains: [domain] } })).toBe(problemOf({ addDisposable: [domain] }));
  });
});
