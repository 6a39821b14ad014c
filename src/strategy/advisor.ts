import { ConfigError, describeValue } from '../internal/config-error.js';

/** A go-to-market motion. */
export type Strategy = 'inbound' | 'abm' | 'hybrid';

/** The business facts the advisor weighs. */
export interface StrategyInput {
  /** Annual contract value of a typical deal, in US dollars. */
  readonly acv: number;
  /** How many companies could buy the product (the buyer market), as a count of accounts. */
  readonly buyers: number;
  /** Whether the product has product-market fit. */
  readonly productMarketFit: boolean;
  /** Whether the company is scaling its go-to-market team. */
  readonly scaling: boolean;
}

/** The thresholds behind a recommendation; each has a documented default. */
export interface StrategyThresholds {
  /** Below this ACV, account-based effort does not pay for itself. Default 10,000 USD. */
  readonly lowAcv?: number;
  /** Above this ACV, one deal pays for account-based effort. Default 50,000 USD. */
  readonly highAcv?: number;
  /** At or below this many buyers the market counts as few; above it, as large. Default 1,000. */
  readonly fewBuyers?: number;
}

/** A recommended motion with the reasons, in the order they were applied. */
export interface StrategyRecommendation {
  readonly strategy: Strategy;
  readonly reasons: readonly string[];
}

function requireNonNegative(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigError('recommendStrategy', field, `expected a finite number of at least 0, received ${describeValue(value)}`);
  }
  return value;
}

function requireBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new ConfigError('recommendStrategy', field, `expected true or false, received ${describeValue(value)}`);
  }
  return value;
}

const usd = (n: number): string => `$${Math.round(n).toLocaleString('en-US')}`;

/**
 * Recommends inbound, account-based (ABM) or hybrid marketing from deal size, market size and stage.
 *
 * The rules, first match wins:
 * 1. ACV below `lowAcv` with a large market: inbound, whatever the stage.
 * 2. ACV above `highAcv` with few buyers: ABM, whatever the stage.
 * 3. Product-market fit and scaling: hybrid.
 * 4. The gaps. ACV below `lowAcv` with few buyers is inbound, because a small deal cannot pay
 *    for 1:1 effort. ACV above `highAcv` with a large market is ABM on the best-fit accounts.
 *    An ACV from `lowAcv` to `highAcv` follows the market: ABM for few buyers, inbound for many.
 *
 * Throws a `NetspearConfigError` for a negative or non-numeric ACV or buyer count.
 *
 * @example
 * recommendStrategy({ acv: 5_000, buyers: 200_000, productMarketFit: true, scaling: false });
 * // { strategy: 'inbound', reasons: ['ACV of $5,000 is below $10,000 and 200,000 buyers is a large market: ...'] }
 */
export function recommendStrategy(input: StrategyInput, thresholds?: StrategyThresholds): StrategyRecommendation {
  const acv = requireNonNegative('acv', input?.acv);
  const buyers = requireNonNegative('buyers', input?.buyers);
  const fit = requireBoolean('productMarketFit', input?.productMarketFit);
  const scaling = requireBoolean('scaling', input?.scaling);
  const lowAcv = requireNonNegative('thresholds.lowAcv', thresholds?.lowAcv ?? 10_000);
  const highAcv = requireNonNegative('thresholds.highAcv', thresholds?.highAcv ?? 50_000);
  const fewBuyers = requireNonNegative('thresholds.fewBuyers', thresholds?.fewBuyers ?? 1_000);
  if (lowAcv > highAcv) {
    throw new ConfigError('recommendStrategy', 'thresholds', `lowAcv (${lowAcv}) must not exceed highAcv (${highAcv})`);
  }

  const few = buyers <= fewBuyers;
  const market = few
    ? `${buyers.toLocaleString('en-US')} buyers is a small market (at most ${fewBuyers.toLocaleString('en-US')})`
    : `${buyers.toLocaleString('en-US')} buyers is a large market (more than ${fewBuyers.toLocaleString('en-US')})`;

  if (acv < lowAcv && !few) {
    return {
      strategy: 'inbound',
      reasons: [`ACV of ${usd(acv)} is below ${usd(lowAcv)} and ${market}: volume marketing pays, 1:1 account work does not`],
    };
  }
  if (acv > highAcv && few) {
    return {
      strategy: 'abm',
      reasons: [`ACV of ${usd(acv)} is above ${usd(highAcv)} and ${market}: each account is worth a tailored campaign`],
    };
  }
  if (fit && scaling) {
    return {
      strategy: 'hybrid',
      reasons: [
        'product-market fit and a scaling team: run inbound for volume and ABM on the target accounts',
        `ACV of ${usd(acv)} and ${market} favour neither motion alone`,
      ],
    };
  }
  const stage = fit ? 'not scaling yet' : 'no product-market fit yet';
  if (acv < lowAcv) {
    return {
      strategy: 'inbound',
      reasons: [`ACV of ${usd(acv)} is below ${usd(lowAcv)}: a small deal cannot pay for 1:1 account work`, `${market}, so watch reach`, `${stage}: revisit a hybrid motion once fit and scaling are in place`],
    };
  }
  if (acv > highAcv) {
    return {
      strategy: 'abm',
      reasons: [`ACV of ${usd(acv)} is above ${usd(highAcv)}: a deal pays for account-based effort`, `${market}: target the best-fit accounts with an ICP`, `${stage}: revisit a hybrid motion once fit and scaling are in place`],
    };
  }
  return few
    ? {
        strategy: 'abm',
        reasons: [`ACV of ${usd(acv)} is between ${usd(lowAcv)} and ${usd(highAcv)}, so the market decides`, `${market}: name the accounts rather than wait for them`, `${stage}: revisit a hybrid motion once fit and scaling are in place`],
      }
    : {
        strategy: 'inbound',
        reasons: [`ACV of ${usd(acv)} is between ${usd(lowAcv)} and ${usd(highAcv)}, so the market decides`, `${market}: inbound reaches it at a lower cost per lead`, `${stage}: revisit a hybrid motion once fit and scaling are in place`],
      };
}
