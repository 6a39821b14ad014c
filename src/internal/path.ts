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
  if (segments.length === 1) return readOwn(record, segments[0] as string);
  let current = record;
  for (let i = 0; i < segments.length && current !== undefined; i++) current = readOwn(current, segments[i] as string);
  return current;
}

/** Reads one own property with the semantics of {@link readPath}. */
function readOwn(record: unknown, key: string): unknown {
  if (record === null || typeof record !== 'object') return undefined;
  try {
    return hasOwn.call(record, key) ? (record as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}
