import { ConfigError, describeValue } from './config-error.js';
import { READER_SLOTS } from './readers.generated.js';

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

/** Reads one field of a record, with the semantics of {@link readPath}. */
export type FieldReader = (record: unknown) => unknown;

/**
 * Field names mapped to reader slots, shared by the compilations of one definition so that
 * its fields spread over distinct slots.
 */
export type ReaderSlots = Map<string, number>;

/** Hashes a field name to its preferred slot, so a name tends to get the same slot in every definition. */
function preferredSlot(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return (hash >>> 0) % READER_SLOTS.length;
}

/**
 * Builds a fast reader for a field path, for records that {@link guardPlain} lets through: it
 * may throw when a getter throws. The first segment reads through a slot of its own where one
 * is free, so V8 records one field name at that read and compiles it to a plain field load. A
 * single shared `record[key]` would meet every name and fall back to a hash lookup on each read.
 * Nested segments read like {@link readPath}.
 */
export function fieldReader(segments: readonly string[], slots: ReaderSlots = new Map()): FieldReader {
  const [key, ...rest] = segments as [string, ...string[]];
  let slot = slots.get(key);
  if (slot === undefined) {
    const usedSlots = new Set(slots.values());
    slot = preferredSlot(key);
    for (let i = 0; i < READER_SLOTS.length && usedSlots.has(slot); i++) slot = (slot + 1) % READER_SLOTS.length;
    slots.set(key, slot);
  }
  const read = READER_SLOTS[slot]!(key);
  return rest.length === 0 ? read : (record) => readPath(read(record), rest);
}

/**
 * Tells whether a value is an object whose prototype is Object.prototype or null: the records
 * that the fast readers of {@link fieldReader} accept. A proxy's trap may throw.
 */
export function isPlainRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Tells whether a lead is an object other than an array. A revoked proxy, on which `Array.isArray` throws, is not. */
export function isLeadRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Wraps a fast evaluation, built on {@link fieldReader}, into one that takes any value: objects
 * whose prototype is Object.prototype or null go to `fast`, and everything else, or a record
 * whose getter or proxy trap throws, goes to the closure that `safe` builds on first use.
 */
export function guardPlain<R>(fast: (record: unknown) => R, safe: () => (record: unknown) => R): (record: unknown) => R {
  let slow: ((record: unknown) => R) | undefined;
  return (record) => {
    try {
      if (isPlainRecord(record)) return fast(record);
    } catch {
      // A getter or proxy trap threw; the safe closure reads that field as missing.
    }
    return (slow ??= safe())(record);
  };
}
