import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { DEFAULT_PLACEHOLDERS, isMissing } from '../internal/values.js';
import {
  accountIndex,
  matchLead,
  type AccountIndex,
  type AccountLike,
  type AccountMatchFound,
  type NameMatchFound,
  type WebsiteMatchFound,
} from '../identity/index.js';
import { defineStep, type AccountFacts, type AccountTrace, type Step } from './steps.js';

/** Options for {@link accountStep}. */
export interface AccountStepOptions {
  /** The lead's email field, as a dotted path. Defaults to `email`. */
  readonly emailField?: string;
  /**
   * The lead's company-name field, as a dotted path. When given, a lead whose email domain
   * matches no account, such as one with a free-mail address, is matched by the company name
   * it typed, as `matchLead` does.
   */
  readonly companyField?: string;
  /**
   * The lead's website field, as a dotted path. When given, a lead whose email domain matches
   * no account is matched by the host of the website it typed, as `matchLead` does.
   */
  readonly websiteField?: string;
  /**
   * The lowest confidence a website or name match needs, from 0 to 1. Defaults to 0.8, which
   * accepts the website, the exact company name and the email domain's label but not a fuzzy name.
   */
  readonly minConfidence?: number;
}

/**
 * Builds the step that matches a lead's email domain, and optionally its website and company name, to an account; it never claims a lead.
 *
 * @example
 * const match = accountStep([{ id: 'acc-1', name: 'Global Tech Inc', domains: ['globaltechinc.com'] }]);
 * const byName = accountStep(accounts, { companyField: 'company' }); // jane@gmail.com at "Global Tech, Inc." matches
 */
/* @__NO_SIDE_EFFECTS__ */
export function accountStep<L = any, A extends AccountLike = AccountLike>(
  accounts: readonly A[] | AccountIndex<A>,
  options: AccountStepOptions = {},
): Step<L, never> {
  if (accounts === null || typeof accounts !== 'object') {
    throw new ConfigError('accountStep', 'accounts', `expected an array of accounts or an account index, received ${describeValue(accounts)}`);
  }
  const index = Array.isArray(accounts) ? accountIndex(accounts) : (accounts as AccountIndex<A>);
  return options.companyField === undefined && options.websiteField === undefined ? indexStep<L, A>(index, options) : nameStep<L, A>(index, options);
}

/** Builds the result of an account step that found no account, with the reason in the trace. */
function noAccount(code: string, message: string, domain: string | undefined): { account: AccountFacts; note: string } {
  const trace: AccountTrace = { matched: false, code, message, ...(domain === undefined ? {} : { domain }) };
  return { account: { trace, record: undefined }, note: `no account (${code})` };
}

/** Builds the account step that falls back to the website and the company name, with `matchLead`. */
function nameStep<L, A extends AccountLike>(index: AccountIndex<A>, options: AccountStepOptions): Step<L, never> {
  const emailPath = splitPath('accountStep', 'emailField', options.emailField ?? 'email');
  const companyPath = options.companyField === undefined ? undefined : splitPath('accountStep', 'companyField', options.companyField);
  const websitePath = options.websiteField === undefined ? undefined : splitPath('accountStep', 'websiteField', options.websiteField);
  const minConfidence = options.minConfidence ?? 0.8;
  if (typeof minConfidence !== 'number' || !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new ConfigError('accountStep', 'minConfidence', `expected a number from 0 to 1, received ${describeValue(minConfidence)}`);
  }
  return defineStep<L, never>({
    id: 'match',
    routes: [],
    run: ({ lead }) => {
      const match = matchLead(index, {
        email: readPath(lead, emailPath),
        company: companyPath === undefined ? undefined : readPath(lead, companyPath),
        website: websitePath === undefined ? undefined : readPath(lead, websitePath),
      });
      if (!match.matched) return noAccount(match.code, match.message, match.domain);
      const { account } = match;
      let trace: AccountTrace;
      if (match.step === 'domain' || match.step === 'alias') {
        const { domain, matchedDomain, via } = match as AccountMatchFound<A>;
        trace = { matched: true, accountId: account.id, accountName: account.name, domain, matchedDomain, via };
      } else if (match.confidence < minConfidence) {
        const message = `${account.name} matched by ${match.step} at confidence ${match.confidence}, below the minimum ${minConfidence}`;
        return noAccount('low_confidence', message, match.domain);
      } else {
        const found = match as NameMatchFound<A> | WebsiteMatchFound<A>;
        trace = {
          matched: true,
          accountId: account.id,
          accountName: account.name,
          ...(found.domain === undefined ? {} : { domain: found.domain }),
          ...(found.step === 'website'
            ? { website: found.website, matchedDomain: found.matchedDomain, via: found.step }
            : { matchedKey: found.matchedKey, via: found.step }),
          confidence: found.confidence,
        };
      }
      return { account: { trace, record: account }, note: `matched ${account.name} (${trace.via})` };
    },
  });
}

/**
 * Builds the account step from a ready index. It matches through `index.match`, so neither the
 * index builder nor the matcher is bundled with `createRouter` a second time.
 */
/* @__NO_SIDE_EFFECTS__ */
export function indexStep<L, A extends AccountLike>(index: AccountIndex<A>, options: AccountStepOptions = {}): Step<L, never> {
  const emailPath = splitPath('accountStep', 'emailField', options.emailField ?? 'email');
  return defineStep<L, never>({
    id: 'match',
    routes: [],
    run: ({ lead }) => {
      const email = readPath(lead, emailPath);
      // A blank email or a placeholder such as `Select` is missing, as matchLead reads it, not invalid.
      if (isMissing(email, DEFAULT_PLACEHOLDERS)) return noAccount('no_account', 'No account matches the lead: it has no email.', undefined);
      const match = index.match(email);
      if (!match.matched) return noAccount(match.code, match.message, match.domain);
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

