/**
 * An invalid definition (a rule, predicate, scorecard or router option), raised when the
 * object is built so that a bad configuration never reaches evaluation.
 */
export class ConfigError extends Error {
  override readonly name = 'NetspearConfigError';
  /** The API that rejected the definition, such as `scorecard`. */
  readonly api: string;
  /** Where in the definition the problem is, such as `rules[2].points`. */
  readonly path: string;

  constructor(api: string, path: string, problem: string) {
    super(`${api}: ${path ? `${path}: ` : ''}${problem}`);
    this.api = api;
    this.path = path;
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
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  return `an ${typeof value}`;
}
