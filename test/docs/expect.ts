// The check that `// =>` comments in documentation blocks become when the docs test runs them.
import { inspect, isDeepStrictEqual } from 'node:util';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Tells whether `actual` matches `expected`: a plain object matches when each of its keys
 * matches (other keys of `actual` are ignored), an array when it has the same length and each
 * item matches, anything else when it is deeply equal.
 */
export function matchesExpected(actual: unknown, expected: unknown): boolean {
  if (isPlainObject(expected)) {
    return (
      isPlainObject(actual) &&
      Object.keys(expected).every((key) => Object.hasOwn(actual, key) && matchesExpected(actual[key], expected[key]))
    );
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => matchesExpected(actual[i], item))
    );
  }
  return isDeepStrictEqual(actual, expected);
}

/** Throws, naming the Markdown line, when a documented result differs from the computed one. */
export function docsExpect(actual: unknown, expected: unknown, where: string): void {
  if (!matchesExpected(actual, expected)) {
    throw new Error(`${where}: the block documents ${inspect(expected, { depth: 6 })} but computes ${inspect(actual, { depth: 6 })}`);
  }
}
