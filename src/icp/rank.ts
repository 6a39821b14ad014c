import { ConfigError, describeValue, isArray } from '../internal/config-error.js';
import type { FitResult, IcpFit } from './fit.js';

const API = 'rankAccounts';

/** One company in a ranking by weighted fit. */
export interface RankedAccount<T, Name extends string = string> {
  readonly company: T;
  /** The company's position in the list given to `rankAccounts`. */
  readonly index: number;
  readonly fit: FitResult<Name>;
}

/** Options for {@link rankAccounts}. */
export interface RankOptions<Name extends string = string> {
  /** Maximum number of companies to return. Defaults to all of them. */
  readonly limit?: number;
  /** Tiers to keep, such as `['Tier 1']`. Companies in other tiers, or in none, are left out. Defaults to every company. */
  readonly tiers?: readonly Name[];
}

/**
 * Ranks companies by weighted fit, best first: higher score, then higher coverage, then earlier in the list.
 *
 * @example
 * const top = rankAccounts(fit, companies, { limit: 50, tiers: ['Tier 1', 'Tier 2'] });
 * top.map((row) => [row.company.name, row.fit.score, row.fit.tier]); // [['Acme', 100, 'Tier 1'], ['Globex', 60, 'Tier 2'], …]
 */
export function rankAccounts<T, Name extends string>(
  fit: IcpFit<T, Name>,
  companies: readonly T[],
  options: RankOptions<Name> = {},
): RankedAccount<T, Name>[] {
  if (fit?.kind !== 'icp_fit') {
    throw new ConfigError(API, 'fit', `expected a fit built by icpFit(), received ${describeValue(fit)}`);
  }
  if (!isArray(companies)) {
    throw new ConfigError(API, 'companies', `expected an array of companies, received ${describeValue(companies)}`);
  }

  const unknown = Object.keys(options ?? {}).find((key) => key !== 'limit' && key !== 'tiers');
  if (unknown !== undefined) {
    throw new ConfigError(API, `options.${unknown}`, 'unknown option; expected limit or tiers');
  }
  const { limit = companies.length, tiers } = options ?? {};
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    throw new ConfigError(API, 'limit', `expected a whole number from 0, received ${describeValue(limit)}`);
  }
  if (tiers !== undefined) {
    if (!Array.isArray(tiers)) throw new ConfigError(API, 'tiers', `expected an array of tier names, received ${describeValue(tiers)}`);
    const names = fit.tiers.map((tier) => tier.name as string);
    const bad = tiers.findIndex((tier) => !names.includes(tier));
    if (bad !== -1) {
      const known = names.map((name) => JSON.stringify(name)).join(', ');
      throw new ConfigError(API, `tiers[${bad}]`, `expected one of the fit's tiers (${known}), received ${describeValue(tiers[bad])}`);
    }
  }

  const ranked: RankedAccount<T, Name>[] = [];
  for (let index = 0; index < companies.length; index += 1) {
    const company = companies[index] as T;
    const result = fit.score(company);
    if (tiers === undefined || (result.tier !== undefined && tiers.includes(result.tier))) ranked.push({ company, index, fit: result });
  }
  ranked.sort((a, b) => b.fit.score - a.fit.score || b.fit.coverage - a.fit.coverage || a.index - b.index);
  return ranked.slice(0, limit);
}
