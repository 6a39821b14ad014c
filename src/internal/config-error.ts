/**
 * An invalid definition (a rule, predicate, scorecard or router option), raised when the
 * object is built so that a bad configuration never reaches evaluation.
 *
 * @example
 * try {
 *   scorecard({ rules: [{ id: 'pricing', when: isTrue('visitedPricingPage'), points: 2.5 }], mqlThreshold: 10 });
 * } catch (error) {
 *   if (error instanceof ConfigError) console.error(error.api, error.path, error.message);
 *   // 'scorecard' 'rules[0].points' 'scorecard: rules[0].points: expected a whole number of points, received 2.5'
 * }
 */
export class ConfigError extends Error {
  override readonly name = 'NetspearConfigError';
  /** The API that rejected the definition, such as `scorecard`. */
  readonly api: string;
  /** The location of the problem in the definition, such as `rules[2].points`. */
  readonly path: string;

  constructor(api: string, path: string, problem: string) {
    super(`${api}: ${path ? `${path}: ` : ''}${problem}`);
    this.api = api;
    this.path = path;
  }
}

/** Tells whether a value is an array, without throwing: a revoked proxy is not one. */
export function isArray(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** Describes a received value for an error message, short and without throwing. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  try {
    if (Array.isArray(value)) return 'an array';
  } catch {
    // Array.isArray throws only on a revoked proxy.
    return 'a revoked proxy';
  }
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return 'an object';
}
