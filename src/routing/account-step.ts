import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { accountIndex, matchAccount, type AccountIndex, type AccountLike } from '../identity/index.js';
import { defineStep, type AccountTrace, type Step } from './steps.js';

/** Options for {@link accountStep}. */
export interface AccountStepOptions {
  /** The lead's email field, as a dotted path. Defaults to `email`. */
  readonly emailField?: string;
}

/**
 * Builds the step that matches a lead's email domain to an account; it never claims a lead.
 *
 * @example
 * const match = accountStep([{ id: 'acc-1', name: 'Global Tech Inc', domains: ['globaltechinc.com'] }]);
 */
/* @__NO_SIDE_EFFECTS__ */
export function accountStep<L = any, A extends AccountLike = AccountLike>(
  accounts: readonly A[] | AccountIndex<A>,
  options: AccountStepOptions = {},
): Step<L, never> {
  if (accounts === null || typeof accounts !== 'object') {
    throw new ConfigError('accountStep', 'accounts', `expected an array of accounts or an account index, received ${describeValue(accounts)}`);
  }
  return indexStep<L, A>(Array.isArray(accounts) ? accountIndex(accounts) : (accounts as AccountIndex<A>), options);
}

/**
 * Builds the account step from a ready index. It imports only the matcher, not the index
 * builder, which keeps `createRouter` small when the caller builds the index.
 */
/* @__NO_SIDE_EFFECTS__ */
export function indexStep<L, A extends AccountLike>(index: AccountIndex<A>, options: AccountStepOptions = {}): Step<L, never> {
  const emailPath = splitPath('accountStep', 'emailField', options.emailField ?? 'email');
  return defineStep<L, never>({
    id: 'match',
    routes: [],
    run: ({ lead }) => {
      const match = matchAccount(index, readPath(lead, emailPath));
      if (!match.matched) {
        const trace: AccountTrace = {
          matched: false,
          code: match.code,
          message: match.message,
          ...(match.domain === undefined ? {} : { domain: match.domain }),
        };
        return { account: { trace, record: undefined }, note: `no account (${match.code})` };
      }
      const { account } = match;
      const trace: AccountTrace = {
        matched: true,
        accountId: account.id,
        accountName: account.name,
        domain: match.domain,
        matchedDomain: match.matchedDomain,
        via: match.via,
      };
      return { account: { trace, record: account }, note: `matched ${account.name}` };
    },
  });
}

