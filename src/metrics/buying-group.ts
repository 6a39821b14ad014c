import { ConfigError, describeValue } from '../internal/config-error.js';
import type { EvaluationOptions, Predicate } from '../predicate/index.js';
import { compileCriterion, compileField, forEachRow, readKey, requireOptions, requireRows, type Field } from './fields.js';
import { rowIssue, type MetricIssue } from './issues.js';

/** A role a deal needs, and the predicate that maps a contact to it (usually on the job title). */
export interface BuyingRole<T> {
  readonly name: string;
  /** Matches contacts in the role, such as `containsAnyWord('title', ['CFO', 'Finance'])`. */
  readonly when: Predicate<T>;
}

/** Options for {@link buyingGroupCoverage}. */
export interface BuyingGroupOptions<T> extends EvaluationOptions {
  /** The contact's account. */
  readonly account: Field<T>;
  /** The roles a deal needs. A contact may fill several roles. */
  readonly roles: readonly BuyingRole<T>[];
  /**
   * Matches engaged contacts, such as `atLeast('engagementScore', 20)`. Default: every contact
   * given counts as engaged. A contact the criterion cannot decide counts as not engaged.
   */
  readonly engaged?: Predicate<T>;
  /** Accounts to report even without contacts (with every role missing), such as the target list. */
  readonly accounts?: readonly string[];
}

/** The contacts filling one role at an account. */
export interface RoleCoverage {
  readonly role: string;
  /** Contacts mapped to the role. */
  readonly contacts: number;
  /** Engaged contacts mapped to the role. */
  readonly engaged: number;
}

/** The buying group of one account. */
export interface AccountCoverage {
  readonly account: string;
  readonly contacts: number;
  /** Contacts whose role predicates matched no role. */
  readonly unmapped: number;
  /** Share of roles with at least one engaged contact, from 0 to 1. */
  readonly coverage: number;
  /** Roles with an engaged contact, in role order. */
  readonly engagedRoles: readonly string[];
  /** Roles without an engaged contact, in role order. */
  readonly missingRoles: readonly string[];
  readonly roles: readonly RoleCoverage[];
}

/** The result of {@link buyingGroupCoverage}. */
export interface BuyingGroupReport {
  /** Accounts in the order listed, then in order of first appearance. */
  readonly accounts: readonly AccountCoverage[];
  /** The mean of the accounts' coverage; undefined without accounts. */
  readonly averageCoverage: number | undefined;
  /** Accounts with every role engaged. */
  readonly fullyCovered: number;
  readonly leftOut: number;
  readonly issues: readonly MetricIssue[];
}

/**
 * Measures buying-group coverage: per account, the share of required roles with an engaged
 * contact, and which roles are missing. Contacts without an account are left out and listed.
 *
 * @example
 * const report = buyingGroupCoverage(contacts, {
 *   account: 'accountId',
 *   roles: [
 *     { name: 'economic buyer', when: containsAnyWord('title', ['CFO', 'CEO', 'VP']) },
 *     { name: 'technical evaluator', when: containsAnyWord('title', ['Architect', 'Engineer', 'CTO']) },
 *     { name: 'champion', when: containsAnyWord('title', ['Director', 'Manager']) },
 *   ],
 *   engaged: atLeast('engagement', 10),
 * });
 * report.accounts[0]; // { account: 'acme', coverage: 0.67, engagedRoles: ['economic buyer', 'champion'], missingRoles: ['technical evaluator'], ... }
 */
export function buyingGroupCoverage<T>(contacts: readonly T[], options: BuyingGroupOptions<T>): BuyingGroupReport {
  const api = 'buyingGroupCoverage';
  requireRows(api, contacts);
  requireOptions(api, options);
  const account = compileField(api, 'account', options.account);
  if (!Array.isArray(options.roles) || options.roles.length === 0) {
    throw new ConfigError(api, 'roles', `expected a non-empty array of roles, received ${describeValue(options.roles)}`);
  }
  const names = new Set<string>();
  const roles = options.roles.map((role, i) => {
    if (role === null || typeof role !== 'object' || typeof role.name !== 'string' || role.name.trim().length === 0) {
      throw new ConfigError(api, `roles[${i}].name`, `expected a non-blank role name, received ${describeValue(role?.name)}`);
    }
    if (names.has(role.name)) throw new ConfigError(api, `roles[${i}].name`, `duplicate role name ${JSON.stringify(role.name)}`);
    names.add(role.name);
    return { name: role.name, test: compileCriterion(api, `roles[${i}].when`, role.when, options) };
  });
  const engaged = options.engaged === undefined ? undefined : compileCriterion(api, 'engaged', options.engaged, options);
  const listed = options.accounts ?? [];
  if (!Array.isArray(listed) || listed.some((key) => readKey(key) === undefined)) {
    throw new ConfigError(api, 'accounts', `expected an array of non-blank strings, received ${describeValue(listed)}`);
  }

  interface Tally {
    contacts: number;
    unmapped: number;
    readonly mapped: number[];
    readonly engaged: number[];
  }
  const newTally = (): Tally => ({ contacts: 0, unmapped: 0, mapped: roles.map(() => 0), engaged: roles.map(() => 0) });
  const tallies = new Map<string, Tally>();
  for (const key of listed) tallies.set(key, newTally());
  const issues: MetricIssue[] = [];
  let leftOut = 0;

  forEachRow(contacts, (contact, row) => {
    const value = account.read(contact);
    const key = readKey(value);
    if (key === undefined) {
      issues.push(rowIssue('missing_value', row, account.name, value, 'the account is missing, so the contact is left out'));
      leftOut++;
      return;
    }
    let tally = tallies.get(key);
    if (tally === undefined) {
      tally = newTally();
      tallies.set(key, tally);
    }
    tally.contacts++;
    const isEngaged = engaged === undefined || engaged(contact) === 'match';
    let mapped = false;
    roles.forEach((role, i) => {
      if (role.test(contact) !== 'match') return;
      mapped = true;
      tally.mapped[i]!++;
      if (isEngaged) tally.engaged[i]!++;
    });
    if (!mapped) tally.unmapped++;
  });

  const accounts = [...tallies].map(([key, tally]): AccountCoverage => {
    const engagedRoles = roles.filter((_, i) => tally.engaged[i]! > 0).map((role) => role.name);
    return {
      account: key,
      contacts: tally.contacts,
      unmapped: tally.unmapped,
      coverage: engagedRoles.length / roles.length,
      engagedRoles,
      missingRoles: roles.filter((_, i) => tally.engaged[i] === 0).map((role) => role.name),
      roles: roles.map((role, i) => ({ role: role.name, contacts: tally.mapped[i]!, engaged: tally.engaged[i]! })),
    };
  });
  let sum = 0;
  for (const item of accounts) sum += item.coverage;
  return {
    accounts,
    averageCoverage: accounts.length === 0 ? undefined : sum / accounts.length,
    fullyCovered: accounts.filter((item) => item.missingRoles.length === 0).length,
    leftOut,
    issues,
  };
}
