import { ConfigError, describeValue } from '../internal/config-error.js';
import { compileForms, type EvaluationOptions } from '../predicate/compile.js';
import { fieldsOf, type FieldOperators } from '../predicate/operators.js';
import type { Outcome, Predicate } from '../predicate/types.js';

/** An Ideal Customer Profile: a validated predicate on companies, compiled once. */
export interface Icp<T> {
  readonly kind: 'icp';
  /** The predicate as plain data. */
  readonly predicate: Predicate<T>;
  /** Evaluates one company: `match`, `no_match`, or `unknown` when data is missing. */
  readonly evaluate: (company: T) => Outcome;
  /** Tells whether one company matches: `evaluate(company) === 'match'`, computed faster. Optional in profiles built by hand. */
  readonly matches?: (company: T) => boolean;
  /** The evaluation options the profile was built with, used again by `explain`. */
  readonly options?: EvaluationOptions | undefined;
}

/**
 * Builds an ICP from a predicate, or from a function that receives operators typed for `T`.
 * Throws a `NetspearConfigError` naming the broken node when the predicate is invalid.
 *
 * @example
 * interface Company { name: string; industry: string; employees: number; techStack: string[] }
 * const profile = icp<Company>((c) =>
 *   c.and(c.oneOf('industry', ['SaaS', 'Finance']), c.atLeast('employees', 100), c.includesAll('techStack', ['kubernetes'])),
 * );
 * profile.evaluate({ name: 'Acme', industry: 'SaaS', employees: 500, techStack: ['kubernetes'] }); // 'match'
 */
/* @__NO_SIDE_EFFECTS__ */
export function icp<T>(
  definition: Predicate<T> | ((fields: FieldOperators<T>) => Predicate<T>),
  options?: EvaluationOptions,
): Icp<T> {
  const predicate = typeof definition === 'function' ? definition(fieldsOf<T>()) : definition;
  const { evaluate, matches } = compileForms('icp', predicate, options);
  return { kind: 'icp', predicate, evaluate, matches, options };
}

/** The treatment of companies whose outcome is `unknown` in {@link filterAccounts}. */
export type UnknownPolicy = 'exclude' | 'include' | 'separate';

/** Options for {@link filterAccounts}. */
export interface FilterOptions<P extends UnknownPolicy> {
  /** `exclude` (the default) drops unknowns, `include` keeps them, `separate` returns them apart. */
  readonly unknown?: P;
}

/** Companies split by a `separate` filter. */
export interface SeparatedAccounts<T> {
  readonly matched: T[];
  readonly unknown: T[];
}

/** Throws a `ConfigError` for a profile, company list or unknown policy that `filterAccounts` cannot use. */
function checkFilterArguments(profile: unknown, companies: unknown, policy: unknown): void {
  const api = 'filterAccounts';
  const policies: readonly string[] = ['exclude', 'include', 'separate'];
  if (typeof (profile as Icp<unknown> | null)?.evaluate !== 'function') {
    throw new ConfigError(api, 'profile', `expected an ICP built by icp(), received ${describeValue(profile)}`);
  }
  if (!Array.isArray(companies)) {
    throw new ConfigError(api, 'companies', `expected an array of companies, received ${describeValue(companies)}`);
  }
  if (!policies.includes(policy as string)) {
    const lower = typeof policy === 'string' ? policy.toLowerCase() : undefined;
    const hint = lower !== undefined && policies.includes(lower) ? `; did you mean "${lower}"?` : '';
    throw new ConfigError(api, 'options.unknown', `expected "exclude", "include" or "separate", received ${describeValue(policy)}${hint}`);
  }
}

/**
 * Keeps the companies that match the ICP, in input order, with a policy for unknowns.
 * Throws a `NetspearConfigError` when `profile` is not an ICP, `companies` is not an array, or
 * `options.unknown` is not one of the three policies.
 *
 * @example
 * filterAccounts(profile, companies); // matches only
 * const { matched, unknown } = filterAccounts(profile, companies, { unknown: 'separate' });
 */
export function filterAccounts<T>(profile: Icp<T>, companies: readonly T[], options?: FilterOptions<'exclude' | 'include'>): T[];
export function filterAccounts<T>(profile: Icp<T>, companies: readonly T[], options: FilterOptions<'separate'>): SeparatedAccounts<T>;
export function filterAccounts<T>(
  profile: Icp<T>,
  companies: readonly T[],
  options?: FilterOptions<UnknownPolicy>,
): T[] | SeparatedAccounts<T> {
  const policy = options?.unknown ?? 'exclude';
  checkFilterArguments(profile, companies, policy);
  const matched: T[] = [];
  if (policy === 'exclude') {
    const evaluate = profile.evaluate;
    const matches = profile.matches ?? ((company: T) => evaluate(company) === 'match');
    for (let i = 0; i < companies.length; i++) if (matches(companies[i] as T)) matched.push(companies[i] as T);
    return matched;
  }
  const unknown: T[] = [];
  const evaluate = profile.evaluate;
  for (let i = 0; i < companies.length; i++) {
    const company = companies[i] as T;
    const outcome = evaluate(company);
    if (outcome === 'match') matched.push(company);
    else if (outcome === 'unknown') {
      if (policy === 'include') matched.push(company);
      else if (policy === 'separate') unknown.push(company);
    }
  }
  return policy === 'separate' ? { matched, unknown } : matched;
}
