import { describe, expectTypeOf, it } from 'vitest';

import {
  accountIndex,
  matchAccount,
  parseEmail,
  type AccountIndex,
  type AccountLike,
  type EmailIssueCode,
} from '../../src/identity/index.js';

interface CrmAccount extends AccountLike {
  readonly ownerId: string;
}

declare const crmAccounts: readonly CrmAccount[];

describe('identity types', () => {
  it('keeps the account type', () => {
    const index = accountIndex(crmAccounts);
    expectTypeOf(index).toEqualTypeOf<AccountIndex<CrmAccount>>();

    const match = matchAccount(index, 'jane@acme.com');
    if (match.matched) {
      expectTypeOf(match.account).toEqualTypeOf<CrmAccount>();
      expectTypeOf(match.via).toEqualTypeOf<'domain' | 'subdomain'>();
    } else {
      expectTypeOf(match.code).toEqualTypeOf<'invalid_email' | 'free_mail' | 'disposable_email' | 'no_account'>();
    }
  });

  it('narrows email results', () => {
    const result = parseEmail('jane@acme.com');
    if (result.ok) {
      expectTypeOf(result.address).toEqualTypeOf<string>();
      expectTypeOf(result.displayName).toEqualTypeOf<string | undefined>();
    } else {
      expectTypeOf(result.code).toEqualTypeOf<EmailIssueCode>();
      expectTypeOf(result.input).toEqualTypeOf<unknown>();
    }
  });

  it('rejects accounts without domains', () => {
    // @ts-expect-error: an account needs `domains`.
    accountIndex([{ id: 'acc_a', name: 'A' }]);
  });
});
