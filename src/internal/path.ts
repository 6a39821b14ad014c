import { ConfigError, describeValue } from './config-error.js';

const FORBIDDEN_SEGMENTS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * Splits a dotted field path into its segments, rejecting empty segments and the keys that
 * reach an object's prototype (`__proto__`, `constructor`, `prototype`).
 */
export function splitPath(api: string, where: string, path: unknown): readonly string[] {
  if (typeof path !== 'string' || path.length === 0) {
    throw new ConfigError(api, where, `expected a non-empty field path, received ${describeValue(path)}`);
  }
  const segments = path.split('.');
  for (const segment of segments) {
    if (segment.length === 0) {
      throw new ConfigError(api, where, `field path ${JSON.stringify(path)} has an empty segment`);
    }
    if (FORBIDDEN_SEGMENTS.includes(segment)) {
      throw new ConfigError(
        api,
        where,
        `field path ${JSON.stringify(path)} uses the reserved key ${JSON.stringify(segment)}; rename the field`,
      );
    }
  }
  return segments;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Reads a field by its path segments through own properties only. Returns undefined when the
 * field is absent or reading it throws (a failing getter or proxy), so that it counts as missing.
 */
export function readPath(record: unknown, segments: readonly string[]): unknown {
  let current = record;
  try {
    for (let i = 0; i < segments.length; i++) {
      if (current === null || typeof current !== 'object') return undefined;
      const key = segments[i] as string;
      if (!hasOwn.call(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
  } catch {
    return undefined;
  }
  return current;
}

/**
 * Returns a reader for one field path with the semantics of {@link readPath}, specialised for
 * the common one-segment path, which predicates evaluate millions of times in a filter.
 */
export function pathReader(segments: readonly string[]): (record: unknown) => unknown {
  if (segments.length !== 1) return (record) => readPath(record, segments);
  const key = segments[0] as string;
  return (record) => {
    if (record === null || typeof record !== 'object') return undefined;
    try {
      return hasOwn.call(record, key) ? (record as Record<string, unknown>)[key] : undefined;
    } catch {
      return undefined;
    }
  };
}
