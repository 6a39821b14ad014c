import { normalizeDomain, trimWhiteSpace } from './domain.js';
import { describeValue, quote } from './format.js';
import { companyNameTokens, legalFormPhrases } from './names.js';

/** Accounts that share a canonical domain or a company-name key. */
export interface DuplicateGroup<A> {
  /** `domain` when the accounts list one domain (primary or alias), `name` when their names give one key. */
  readonly reason: 'domain' | 'name';
  /** The shared canonical domain or name key. */
  readonly key: string;
  /** The accounts, in list order. */
  readonly accounts: readonly A[];
  /** Their positions in the account list. */
  readonly positions: readonly number[];
}

/** A row that `findDuplicateAccounts` skipped or partly read. */
export interface DuplicateProblem {
  readonly position: number;
  readonly message: string;
}

/** Outcome of `findDuplicateAccounts`. */
export interface DuplicateReport<A> {
  /** Domain groups first, then name groups, each sorted by key. */
  readonly groups: readonly DuplicateGroup<A>[];
  readonly problems: readonly DuplicateProblem[];
}

function add(groups: Map<string, number[]>, key: string, position: number): void {
  const positions = groups.get(key);
  if (positions === undefined) groups.set(key, [position]);
  else if (positions[positions.length - 1] !== position) positions.push(position);
}

/**
 * Finds accounts that normalise to the same domain or company-name key, such as "Acme, Inc." and "ACME INC".
 *
 * It never throws on account data: a row that is not an account, or a domain that does not
 * parse, is listed in `problems`, and the rest of the row still counts.
 *
 * @example
 * const report = findDuplicateAccounts([
 *   { id: 'a1', name: 'Acme, Inc.', domains: ['acme.com'] },
 *   { id: 'a2', name: 'ACME INC', domains: ['ACME.com.'] },
 * ]);
 * report.groups; // [{ reason: 'domain', key: 'acme.com', ... }, { reason: 'name', key: 'acme', ... }]
 */
export function findDuplicateAccounts<A>(accounts: readonly A[]): DuplicateReport<A> {
  const problems: DuplicateProblem[] = [];
  const byDomain = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const list: readonly unknown[] = Array.isArray(accounts) ? accounts : [];
  if (!Array.isArray(accounts)) {
    problems.push({ position: -1, message: `Expected an array of accounts, received ${describeValue(accounts)}.` });
  }

  const phrases = legalFormPhrases();
  for (let position = 0; position < list.length; position += 1) {
    const account = list[position];
    if (typeof account !== 'object' || account === null) {
      problems.push({ position, message: `accounts[${position}] is not an account object: received ${describeValue(account)}.` });
      continue;
    }

    const { name, domains, aliasDomains } = account as { name?: unknown; domains?: unknown; aliasDomains?: unknown };
    const parts = companyNameTokens(name, phrases);
    if (parts !== undefined && parts.tokens.length > 0) {
      add(byName, parts.tokens.join(''), position);
    }

    for (const [field, value] of [['domains', domains], ['aliasDomains', aliasDomains]] as const) {
      if (value === undefined) continue;
      if (!Array.isArray(value)) {
        problems.push({ position, message: `accounts[${position}].${field} is not an array: received ${describeValue(value)}.` });
        continue;
      }
      value.forEach((raw: unknown, domainPosition) => {
        const normalized = typeof raw === 'string' ? normalizeDomain(trimWhiteSpace(raw)) : undefined;
        if (normalized?.ok === true) {
          add(byDomain, normalized.domain, position);
        } else {
          const why = normalized === undefined ? `is not a string: received ${describeValue(raw)}` : `${quote(raw as string)} ${normalized.reason}`;
          problems.push({ position, message: `accounts[${position}].${field}[${domainPosition}] ${why}` });
        }
      });
    }
  }

  const groups: DuplicateGroup<A>[] = [];
  for (const [reason, table] of [['domain', byDomain], ['name', byName]] as const) {
    for (const key of [...table.keys()].sort()) {
      const positions = table.get(key) ?? [];
      if (positions.length > 1) {
        groups.push({ reason, key, positions, accounts: positions.map((position) => list[position] as A) });
      }
    }
  }
  return { groups, problems };
}
