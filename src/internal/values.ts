/** The settings leaf operators read raw field values with. */
export interface ValueOptions {
  /** Strings that mean "not answered" and count as missing, compared case-insensitively after trimming. */
  readonly placeholders: readonly string[];
  /** Whether numeric and boolean operators parse strings such as `"250"` or `"true"`. */
  readonly parseStrings: boolean;
}

/**
 * The placeholders treated as missing unless an option replaces them, in lower case: the first
 * option of web-form drop-downs (`Select`, `Select...`, `Please select`) and of Salesforce
 * picklists (`--None--`).
 */
export const DEFAULT_PLACEHOLDERS: readonly string[] = ['select', 'select...', 'please select', '--none--'];

/** Tells whether a value is missing: undefined, null, NaN, a blank string or a placeholder. */
export function isMissing(value: unknown, placeholders: readonly string[]): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.length === 0) return true;
    if (placeholders.length === 0) return false;
    return placeholders.includes(trimmed.toLowerCase());
  }
  return false;
}

const NUMERIC_STRING = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Reads a number, or a numeric string when parsing is on; returns undefined for anything else. */
export function toNumber(value: unknown, parseStrings: boolean): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (parseStrings && typeof value === 'string') {
    const trimmed = value.trim();
    if (NUMERIC_STRING.test(trimmed)) return Number(trimmed);
  }
  return undefined;
}

/** Reads a boolean, or `true`/`false`/`yes`/`no`/`1`/`0` strings when parsing is on. */
export function toBoolean(value: unknown, parseStrings: boolean): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (parseStrings && typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === 'yes' || text === '1') return true;
    if (text === 'false' || text === 'no' || text === '0') return false;
  }
  if (parseStrings && typeof value === 'number') {
    if (value === 1) return true;
    if (value === 0) return false;
  }
  return undefined;
}
