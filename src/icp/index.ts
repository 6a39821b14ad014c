export { filterAccounts, icp } from './icp.js';
export type { FilterOptions, Icp, SeparatedAccounts, UnknownPolicy } from './icp.js';
