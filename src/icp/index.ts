export { filterAccounts, icp } from './icp.js';
export type { FilterOptions, Icp, SeparatedAccounts, UnknownPolicy } from './icp.js';
export { explainAccounts } from './gaps.js';
export type { AccountsExplanation, EnrichmentGap } from './gaps.js';
export { icpFit } from './fit.js';
export type { FitContribution, FitCriterion, FitDefinition, FitResult, FitTier, IcpFit } from './fit.js';
export { rankAccounts } from './rank.js';
export type { RankedAccount, RankOptions } from './rank.js';
